"""dbt-duckdb plugin: registers the Python extractors as DuckDB functions.

dbt-duckdb loads this module (named in `dbt_project/profiles.yml`) and calls
`configure_connection` on every connection it opens, so SQL models can call
`fc_extract(headline, dek, body_text)` and stay set-based around it.
"""

from __future__ import annotations

from dataclasses import asdict

import duckdb
from dbt.adapters.duckdb.plugins import BasePlugin
from duckdb import sqltypes as t

from factcheck.extract.article import extract_article
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


def fc_extract(headline: str | None, dek: str | None, body_text: str | None) -> dict:
    """Claims and actor mentions of one article, as DuckDB structs."""
    crash_point("dbt:extracting")
    claims, mentions = extract_article(headline, dek, body_text)
    return {
        "claims": [asdict(c) for c in claims],
        "mentions": [asdict(m) for m in mentions],
    }


def register(conn: duckdb.DuckDBPyConnection) -> None:
    """Register the extraction functions on a DuckDB connection (also used by tests)."""
    conn.create_function(
        "fc_extract",
        fc_extract,
        [t.VARCHAR, t.VARCHAR, t.VARCHAR],
        EXTRACTION_TYPE,
        null_handling="special",
        side_effects=False,
    )


class Plugin(BasePlugin):
    def configure_connection(self, conn: duckdb.DuckDBPyConnection) -> None:
        register(conn)
