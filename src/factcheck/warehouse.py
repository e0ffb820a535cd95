"""The fact-checkers' database: data/warehouse/factcheck.duckdb, replaced whole.

Each night's database is a new file, made beside the published one and renamed over it. A
fact-checker who has the old file open read-only keeps reading the old file undisturbed;
the next open sees the new one. DuckDB allows one writer per file, so the published file
itself is never written.

The new file is made one of two ways, with the same rows either way:

* **updated** (a night): a copy of the published database, in which only the tables'
  partitions that the release changed since the database's own release are replaced — in
  those, the rows of the keys whose rows changed deleted and the new files' rows of those
  keys inserted. A night costs a file copy plus what it changes, not a rebuild of every
  table from every Parquet file;
* **built** whole from the release's Parquet files: the first release, after a release
  with another schema or columns, when the published database is not that of a release
  on disk, or when asked (`--force` rebuilds everything).
"""

from __future__ import annotations

import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path

import duckdb

from factcheck import contract
from factcheck.contract import published_tables
from factcheck.faults import crash_point
from factcheck.fsutil import fsync_dir
from factcheck.partitions import UNPARTITIONED, table_glob
from factcheck.settings import Paths, duckdb_config

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
    con = duckdb.connect(str(target), config=duckdb_config())
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


@dataclass(frozen=True)
class TableChange:
    """One table's changed partitions: their files in the database's release
    (`old_files`) and in the new one (`new_files`); `key` is the column that ties a row
    to its partition (None: the table is one file, replaced whole)."""

    table: str
    key: str | None
    old_files: list[str]
    new_files: list[str]


@dataclass(frozen=True)
class DatabaseUpdate:
    """How the published database (of release `since`) becomes that of release `version`."""

    since: str
    version: str
    changes: list[TableChange]


def plan_update(paths: Paths, version: str) -> DatabaseUpdate | None:
    """The partitions to replace in a copy of the published database to make `version`'s,
    or None when the database must be built whole: no published database, or one whose
    release is gone from disk or has another schema, other tables or other columns."""
    since = published_version(paths)
    manifests = {v: _manifest(paths, v) for v in (since, version) if v}
    old, new = manifests.get(since), manifests.get(version)
    if old is None or new is None or since == version:
        return None
    if old.get("schema_version") != new.get("schema_version") or "files" not in old:
        return None
    if {t: d["columns"] for t, d in old["tables"].items()} != {
        t: d["columns"] for t, d in new["tables"].items()
    }:
        return None
    changes = []
    for name, table in contract.tables().items():
        had = {f["partition"]: f for f in old["files"] if f["table"] == name}
        has = {f["partition"]: f for f in new["files"] if f["table"] == name}
        changed = {
            p for p in had.keys() | has.keys() if had.get(p, {}).get("sha256") != _sha(has, p)
        }
        if not changed:
            continue
        key = table.partition_by
        if key is None or UNPARTITIONED in changed:
            key = None  # one file: the table is replaced whole
        changes.append(
            TableChange(
                name,
                key,
                [
                    str(paths.releases_dir / since / had[p]["path"])
                    for p in sorted(changed & had.keys())
                ],
                [
                    str(paths.releases_dir / version / has[p]["path"])
                    for p in sorted(changed & has.keys())
                ],
            )
        )
    return DatabaseUpdate(since, version, changes)


def _sha(files: dict[str, dict], partition: str) -> str | None:
    return files[partition]["sha256"] if partition in files else None


def _manifest(paths: Paths, version: str) -> dict | None:
    path = paths.releases_dir / version / "manifest.json"
    return json.loads(path.read_text()) if path.is_file() else None


def update_database(target: Path, published: Path, update: DatabaseUpdate) -> None:
    """Make `target` a copy of the `published` database with `update`'s partitions replaced."""
    target.unlink(missing_ok=True)
    shutil.copyfile(published, target)
    con = duckdb.connect(str(target), config=duckdb_config(night=True))
    try:
        con.execute("begin")
        for change in update.changes:
            _replace(con, change)
        con.execute("update release_info set version = ?", [update.version])
        con.execute("commit")
        con.execute("checkpoint")
    finally:
        con.close()


def _replace(con: duckdb.DuckDBPyConnection, change: TableChange) -> None:
    """Replace a table's rows of the changed partitions. Of a partition rewritten, only the
    keys whose rows differ between the old file and the new one (either way) are deleted
    and inserted again: the other keys' rows are already the new file's. A partition is
    rewritten for one changed row (a claim whose group was renamed rewrites a bucket of
    3,000 claims), and deleting every row of the partitions made the checkpoint rewrite
    much of the table: at 100,000 articles, 44,000 claims of 14 partitions deleted and
    inserted for 213 articles whose claims changed, checkpoint 1.1 -> 0.13 s."""
    table, key, old, new = change.table, change.key, change.old_files, change.new_files
    if key is not None and old and new:
        con.execute(
            f"create or replace temp table changed_keys as select distinct {key} from ("
            "(select * from read_parquet($old) except all select * from read_parquet($new)) "
            "union all "
            "(select * from read_parquet($new) except all select * from read_parquet($old)))",
            {"old": old, "new": new},
        )
        changed = f"{key} in (select {key} from changed_keys)"
        con.execute(f"delete from {table} where {changed}")
        con.execute(
            f"insert into {table} by name select * from read_parquet(?) where {changed}", [new]
        )
        con.execute("drop table changed_keys")
        return
    if key is None:
        con.execute(f"delete from {table}")
    elif old:
        con.execute(
            f"delete from {table} where {key} in (select {key} from read_parquet(?))", [old]
        )
    if new:
        con.execute(f"insert into {table} by name select * from read_parquet(?)", [new])


def publish_database(paths: Paths, version: str, rebuild: bool = False) -> tuple[Path, str]:
    """Make the warehouse for `version` beside the published one and swap it in: updated
    from the published database where it can be, built whole when it cannot or `rebuild`.
    Returns the path and how the file was made ("updated" or "built")."""
    release_dir = paths.releases_dir / version
    final = paths.warehouse_db
    final.parent.mkdir(parents=True, exist_ok=True)
    tmp = final.with_name(f".{final.name}.{os.getpid()}.tmp")
    update = None if rebuild else plan_update(paths, version)
    try:
        if update is None:
            build_database(tmp, release_dir, version)
        else:
            update_database(tmp, final, update)
        with open(tmp, "rb") as handle:
            os.fsync(handle.fileno())
        crash_point("warehouse:built")
        os.replace(tmp, final)
        fsync_dir(final.parent)
    finally:
        tmp.unlink(missing_ok=True)
        Path(f"{tmp}.wal").unlink(missing_ok=True)
    return final, "built" if update is None else "updated"


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
