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


# The filters of `factcheck claims`, written once for both of its queries.
CLAIM_FILTERS = """
    ($speaker is null or c.speaker_name ilike '%' || $speaker || '%'
       or c.speaker_actor_id in (select actor_id from actors
                                 where name ilike '%' || $speaker || '%'))
  and ($status is null or v.status = $status)
  and ($search is null or c.claim_text ilike '%' || $search || '%'
       or c.sentence_text ilike '%' || $search || '%')
  and ($claim_type is null or c.claim_type = $claim_type)
"""

CLAIMS_SQL = f"""
select c.claim_id, c.claim_type, c.speaker_name, v.status, v.rating_label,
       c.checkworthiness, c.claim_text, a.headline
from claims c
join verification_status v using (claim_id)
join articles a using (article_id)
where {CLAIM_FILTERS}
order by c.checkworthiness desc, c.claim_id
limit $limit
"""

# --checked-elsewhere: only claims matched to a prior fact-check, with what it says.
CHECKED_ELSEWHERE_SQL = f"""
select c.claim_id, c.speaker_name, v.status, c.claim_text,
       f.publisher, f.rating_label as their_label, f.rating as their_rating,
       round(m.score, 3) as score, f.claim_reviewed, f.review_url
from claims c
join verification_status v using (claim_id)
join claim_fact_checks m on m.claim_id = c.claim_id and m.matched
join fact_checks f using (fact_check_id)
where {CLAIM_FILTERS}
order by c.checkworthiness desc, c.claim_id, m.rank
limit $limit
"""


def find_claims(
    con: duckdb.DuckDBPyConnection,
    *,
    speaker: str | None = None,
    status: str | None = None,
    search: str | None = None,
    claim_type: str | None = None,
    checked_elsewhere: bool = False,
    limit: int = 50,
):
    """Claims matching every filter given, most check-worthy first. With
    `checked_elsewhere`, only claims a published fact-check was matched to, one row per
    matched fact-check."""
    cursor = con.execute(
        CHECKED_ELSEWHERE_SQL if checked_elsewhere else CLAIMS_SQL,
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
