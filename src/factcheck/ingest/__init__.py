"""Ingestion: files under `raw/` become rows in the build database's `raw` schema.

`sources` walks the raw directory (links are never followed) and reads each file:
`decode` turns its bytes into text or a reason it cannot, `layout` splits a text article
or a JSON line into its fields; `load` writes what changed into DuckDB with its provenance,
and rejects into `raw.quarantine`; `errors` holds the one exception a reader raises.
"""
