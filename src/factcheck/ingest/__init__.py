"""Ingestion: files under `raw/` become rows in the build database's `raw` schema.

`discover` walks the raw directory, `decode` turns bytes into text (or a reason it can't),
`layout` recognises the article layouts, `jsonl` reads one article per line, and `load`
writes what changed into DuckDB with its provenance.
"""
