"""dbt-duckdb plugin: registers the Python extractors as DuckDB functions.

dbt-duckdb loads this module (named in `dbt_project/profiles.yml`) and calls
`configure_connection` on every connection it opens, so SQL models can call
`fc_extract(headline, dek, body_text, block_quotes)` and stay set-based around it. The function is
vectorised: DuckDB hands it batches, which factcheck.extract.parallel spreads over the cores.
"""

from __future__ import annotations

import duckdb
import pyarrow as pa
from dbt.adapters.duckdb.plugins import BasePlugin
from duckdb import sqltypes as t

from factcheck.extract.columns import EXTRACTION_TYPE
from factcheck.extract.parallel import extract_many
from factcheck.faults import crash_point


def fc_extract(
    headlines: pa.ChunkedArray | pa.Array,
    deks: pa.ChunkedArray | pa.Array,
    bodies: pa.ChunkedArray | pa.Array,
    block_quotes: pa.ChunkedArray | pa.Array,
) -> pa.Array:
    """Claims and actor mentions of a batch of articles (DuckDB passes up to 2,048 rows
    as Arrow arrays), extracted on every core when the batch is large. `block_quotes` is
    the JSON list of body paragraphs set off as quotes (NULL when the source marks none)."""
    crash_point("dbt:extracting")
    columns = (headlines, deks, bodies, block_quotes)
    rows = list(zip(*(c.to_pylist() for c in columns), strict=True))
    return extract_many(rows)


def register(conn: duckdb.DuckDBPyConnection) -> None:
    """Register the extraction functions on a DuckDB connection (also used by tests)."""
    conn.create_function(
        "fc_extract",
        fc_extract,
        [t.VARCHAR, t.VARCHAR, t.VARCHAR, t.VARCHAR],
        EXTRACTION_TYPE,
        type="arrow",
        null_handling="special",
        side_effects=False,
    )


class Plugin(BasePlugin):
    def configure_connection(self, conn: duckdb.DuckDBPyConnection) -> None:
        register(conn)
