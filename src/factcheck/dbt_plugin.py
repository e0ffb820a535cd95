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

from factcheck.extract.parallel import extract_many
from factcheck.faults import crash_point

# The fields of one claim and one mention, with their DuckDB and Arrow types: the
# function is declared to DuckDB with the first and returns Arrow arrays of the second.
_TEXT, _INT, _REAL = (t.VARCHAR, pa.string()), (t.INTEGER, pa.int32()), (t.DOUBLE, pa.float64())
CLAIM_FIELDS = {
    "claim_type": _TEXT,
    "claim_text": _TEXT,
    "sentence_text": _TEXT,
    "location": _TEXT,
    "paragraph_index": _INT,
    "char_start": _INT,
    "char_end": _INT,
    "speaker_name": _TEXT,
    "speaker_type": _TEXT,
    "speaker_role": _TEXT,
    "attribution_cue": _TEXT,
    "source_name": _TEXT,
    "checkworthiness": _REAL,
    "signals": (duckdb.list_type(t.VARCHAR), pa.list_(pa.string())),
}
MENTION_FIELDS = {
    "mention_text": _TEXT,
    "name": _TEXT,
    "actor_type": _TEXT,
    "role": _TEXT,
    "location": _TEXT,
    "paragraph_index": _INT,
    "char_start": _INT,
}


def _struct(fields: dict, arrow: bool):
    if arrow:
        return pa.struct([(name, types[1]) for name, types in fields.items()])
    return duckdb.struct_type({name: types[0] for name, types in fields.items()})


EXTRACTION_TYPE = duckdb.struct_type(
    {
        "claims": duckdb.list_type(_struct(CLAIM_FIELDS, arrow=False)),
        "mentions": duckdb.list_type(_struct(MENTION_FIELDS, arrow=False)),
    }
)
ARROW_EXTRACTION_TYPE = pa.struct(
    [
        ("claims", pa.list_(_struct(CLAIM_FIELDS, arrow=True))),
        ("mentions", pa.list_(_struct(MENTION_FIELDS, arrow=True))),
    ]
)


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
    return pa.array(extract_many(rows), type=ARROW_EXTRACTION_TYPE)


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
