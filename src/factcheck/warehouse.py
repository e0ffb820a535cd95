"""The fact-checkers' database: data/warehouse/factcheck.duckdb, replaced whole.

It is built as a new file from the release's Parquet files (so the database and the
release always agree), then renamed over the old one. A fact-checker who has the old file
open read-only keeps reading the old file undisturbed; the next open sees the new one.
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb

from factcheck.contract import published_tables
from factcheck.faults import crash_point
from factcheck.fsutil import fsync_dir
from factcheck.partitions import table_glob
from factcheck.settings import Paths

# Views for the questions fact-checkers ask first.
VIEWS = {
    # With the best prior fact-check found elsewhere, when one is matched (claim_fact_checks).
    "claims_awaiting_review": """
        select c.claim_id, c.claim_type, c.claim_text, c.speaker_name, c.checkworthiness,
               v.status, v.signals, a.headline, a.url, a.published_at, c.claim_group_id,
               f.rating_label as prior_rating_label, f.publisher as prior_publisher,
               f.review_url as prior_review_url, m.score as prior_match_score
        from claims c
        join verification_status v using (claim_id)
        join articles a using (article_id)
        left join claim_fact_checks m on m.claim_id = c.claim_id and m.rank = 1 and m.matched
        left join fact_checks f on f.fact_check_id = m.fact_check_id
        where v.status <> 'rated'
        order by c.checkworthiness desc, c.claim_id
    """,
    "claims_by_actor": """
        select act.actor_id, act.name as actor_name, act.actor_type, ca.relation,
               c.claim_id, c.claim_type, c.claim_text, v.status, v.rating, c.article_id
        from claim_actors ca
        join actors act using (actor_id)
        join claims c using (claim_id)
        join verification_status v using (claim_id)
        order by act.name, c.article_id, c.char_start
    """,
    "rated_claims": """
        select c.claim_id, c.claim_text, c.speaker_name, v.rating, v.rating_label,
               v.rating_value, v.reviewed_by, v.reviewed_at, v.evidence_url, v.note,
               a.headline, a.url
        from verification_status v
        join claims c using (claim_id)
        join articles a using (article_id)
        where v.status = 'rated'
        order by v.reviewed_at desc, c.claim_id
    """,
}


def build_database(target: Path, release_dir: Path, version: str) -> None:
    """Create a complete database file at `target` from a release directory."""
    target.unlink(missing_ok=True)
    con = duckdb.connect(str(target))
    try:
        for table in published_tables():
            source = table_glob(release_dir, table)
            con.execute(f"create table {table} as select * from read_parquet(?)", [source])
        for name, sql in VIEWS.items():
            con.execute(f"create view {name} as {sql}")
        con.execute("create table release_info as select ? as version", [version])
        con.execute("checkpoint")
    finally:
        con.close()


def publish_database(paths: Paths, version: str) -> Path:
    """Build the warehouse for `version` beside the published one and swap it in."""
    release_dir = paths.releases_dir / version
    final = paths.warehouse_db
    final.parent.mkdir(parents=True, exist_ok=True)
    tmp = final.with_name(f".{final.name}.{os.getpid()}.tmp")
    try:
        build_database(tmp, release_dir, version)
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())
        crash_point("warehouse:built")
        os.replace(tmp, final)
        fsync_dir(final.parent)
    finally:
        tmp.unlink(missing_ok=True)
        Path(f"{tmp}.wal").unlink(missing_ok=True)
    return final


def published_version(paths: Paths) -> str | None:
    if not paths.warehouse_db.is_file():
        return None
    con = duckdb.connect(str(paths.warehouse_db), read_only=True)
    try:
        return con.execute("select version from release_info").fetchone()[0]
    except duckdb.Error:
        return None
    finally:
        con.close()
