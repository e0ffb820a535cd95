"""Read-only questions fact-checkers ask of the published database."""

from __future__ import annotations

from pathlib import Path

import duckdb


class NoDatabase(RuntimeError):
    """The published database does not exist yet."""


def connect_read_only(path: Path) -> duckdb.DuckDBPyConnection:
    """Open the published database for reading only.

    read_only protects the database; it does not stop SQL from writing or reading other
    files (COPY ... TO, read_csv, ATTACH). External access is switched off and the
    configuration locked, so a query can only read the published tables.
    """
    if not path.is_file():
        raise NoDatabase(f"no published database at {path}: run `factcheck run` first")
    return duckdb.connect(
        str(path),
        read_only=True,
        config={"enable_external_access": False, "lock_configuration": True},
    )


CLAIMS_SQL = """
select c.claim_id, c.claim_type, c.speaker_name, v.status, v.rating_label,
       c.checkworthiness, c.claim_text, a.headline
from claims c
join verification_status v using (claim_id)
join articles a using (article_id)
where ($speaker is null or c.speaker_name ilike '%' || $speaker || '%'
       or c.speaker_actor_id in (select actor_id from actors
                                 where name ilike '%' || $speaker || '%'))
  and ($status is null or v.status = $status)
  and ($search is null or c.claim_text ilike '%' || $search || '%'
       or c.sentence_text ilike '%' || $search || '%')
  and ($claim_type is null or c.claim_type = $claim_type)
order by c.checkworthiness desc, c.claim_id
limit $limit
"""


def find_claims(
    con: duckdb.DuckDBPyConnection,
    *,
    speaker: str | None = None,
    status: str | None = None,
    search: str | None = None,
    claim_type: str | None = None,
    limit: int = 50,
):
    cursor = con.execute(
        CLAIMS_SQL,
        {
            "speaker": speaker,
            "status": status,
            "search": search,
            "claim_type": claim_type,
            "limit": limit,
        },
    )
    return [d[0] for d in cursor.description], cursor.fetchall()


def run_sql(con: duckdb.DuckDBPyConnection, sql: str):
    cursor = con.execute(sql)
    if cursor.description is None:
        return [], []
    return [d[0] for d in cursor.description], cursor.fetchall()


def claim_exists(path: Path, claim_id: str) -> bool:
    con = connect_read_only(path)
    try:
        return (
            con.execute("select count(*) from claims where claim_id = ?", [claim_id]).fetchone()[0]
            > 0
        )
    finally:
        con.close()
