"""dbt-duckdb plugin: registers the Python extractors as DuckDB functions.

dbt-duckdb loads this module (named in `dbt_project/profiles.yml`) and calls
`configure_connection` on every connection it opens, so SQL models can call
`fc_extract(headline, dek, body_text)` and stay set-based around it. The function is
vectorised: DuckDB hands it batches, which factcheck.extract.parallel spreads over the cores.
"""

from __future__ import annotations

import duckdb
import pyarrow as pa
from dbt.adapters.duckdb.plugins import BasePlugin
from duckdb import sqltypes as t

from factcheck.extract.parallel import extract_many
from factcheck.faults import crash_point

CLAIM_TYPE = duckdb.struct_type(
    {
        "claim_type": t.VARCHAR,
        "claim_text": t.VARCHAR,
        "sentence_text": t.VARCHAR,
        "location": t.VARCHAR,
        "paragraph_index": t.INTEGER,
        "char_start": t.INTEGER,
        "char_end": t.INTEGER,
        "speaker_name": t.VARCHAR,
        "speaker_type": t.VARCHAR,
        "speaker_role": t.VARCHAR,
        "attribution_cue": t.VARCHAR,
        "source_name": t.VARCHAR,
        "checkworthiness": t.DOUBLE,
        "signals": duckdb.list_type(t.VARCHAR),
    }
)
MENTION_TYPE = duckdb.struct_type(
    {
        "mention_text": t.VARCHAR,
        "name": t.VARCHAR,
        "actor_type": t.VARCHAR,
        "role": t.VARCHAR,
        "location": t.VARCHAR,
        "paragraph_index": t.INTEGER,
        "char_start": t.INTEGER,
    }
)
EXTRACTION_TYPE = duckdb.struct_type(
    {"claims": duckdb.list_type(CLAIM_TYPE), "mentions": duckdb.list_type(MENTION_TYPE)}
)

# The same types as Arrow sees them (the function returns an Arrow array).
_ARROW_CLAIM = pa.struct(
    [
        ("claim_type", pa.string()),
        ("claim_text", pa.string()),
        ("sentence_text", pa.string()),
        ("location", pa.string()),
        ("paragraph_index", pa.int32()),
        ("char_start", pa.int32()),
        ("char_end", pa.int32()),
        ("speaker_name", pa.string()),
        ("speaker_type", pa.string()),
        ("speaker_role", pa.string()),
        ("attribution_cue", pa.string()),
        ("source_name", pa.string()),
        ("checkworthiness", pa.float64()),
        ("signals", pa.list_(pa.string())),
    ]
)
_ARROW_MENTION = pa.struct(
    [
        ("mention_text", pa.string()),
        ("name", pa.string()),
        ("actor_type", pa.string()),
        ("role", pa.string()),
        ("location", pa.string()),
        ("paragraph_index", pa.int32()),
        ("char_start", pa.int32()),
    ]
)
ARROW_EXTRACTION_TYPE = pa.struct(
    [("claims", pa.list_(_ARROW_CLAIM)), ("mentions", pa.list_(_ARROW_MENTION))]
)


def fc_extract(
    headlines: pa.ChunkedArray | pa.Array, deks: pa.ChunkedArray | pa.Array, bodies
) -> pa.Array:
    """Claims and actor mentions of a batch of articles (DuckDB passes up to 2,048 rows
    as Arrow arrays), extracted on every core when the batch is large."""
    crash_point("dbt:extracting")
    rows = list(zip(headlines.to_pylist(), deks.to_pylist(), bodies.to_pylist(), strict=True))
    return pa.array(extract_many(rows), type=ARROW_EXTRACTION_TYPE)


def register(conn: duckdb.DuckDBPyConnection) -> None:
    """Register the extraction functions on a DuckDB connection (also used by tests)."""
    conn.create_function(
        "fc_extract",
        fc_extract,
        [t.VARCHAR, t.VARCHAR, t.VARCHAR],
        EXTRACTION_TYPE,
        type="arrow",
        null_handling="special",
        side_effects=False,
    )


class Plugin(BasePlugin):
    def configure_connection(self, conn: duckdb.DuckDBPyConnection) -> None:
        register(conn)
