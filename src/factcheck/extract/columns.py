"""The shape of one article's extraction: its claims and actor mentions as lists of structs.

Declared once, for both sides of the DuckDB function `fc_extract`: DuckDB is told the
struct type (`EXTRACTION_TYPE`), and the extraction workers build Arrow arrays of the same
struct (`ARROW_EXTRACTION_TYPE`), so the process DuckDB runs in only concatenates them.
The field names are those of `Claim` and `Mention`.
"""

from __future__ import annotations

import duckdb
import pyarrow as pa
from duckdb import sqltypes as t

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
