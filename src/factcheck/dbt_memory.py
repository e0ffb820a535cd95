"""dbt-duckdb plugin: DuckDB's memory limit for this build, on every connection and cursor.

`factcheck.transform.run_dbt` names the build's limit in the environment (MEMORY_LIMIT_ENV):
the archive's for a first build or a full refresh, the night's for an incremental build
(settings.memory_limit). It is not in the profile's `settings`: dbt-duckdb applies those
to every cursor it opens, so a limit lowered by SQL when the build starts was raised again
by the next model; and a profile whose rendered settings change from one build to the
next makes dbt parse the whole project again ("profile has changed"). This plugin reads
the environment when dbt-duckdb opens a connection or a cursor, after the profile's
settings, and nothing dbt parses depends on it.

A plugin of its own, not part of factcheck.dbt_plugin: that module is part of the
extractor's version (fingerprint.extractor_version), and a change to it extracts every
article again.
"""

from __future__ import annotations

import os

import duckdb
from dbt.adapters.duckdb.plugins import BasePlugin

from factcheck.settings import MEMORY_LIMIT_ENV


def apply_memory_limit(con: duckdb.DuckDBPyConnection) -> None:
    """Set the build's memory limit, when run_dbt named one, on a connection or cursor."""
    limit = os.environ.get(MEMORY_LIMIT_ENV)
    if limit:
        con.execute("set memory_limit = ?", [limit])


class Plugin(BasePlugin):
    def configure_connection(self, conn: duckdb.DuckDBPyConnection) -> None:
        apply_memory_limit(conn)

    def configure_cursor(self, cursor) -> None:
        apply_memory_limit(cursor)
