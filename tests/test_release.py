"""Release layout: versions sort, staging stays hidden, manifest checksums match files."""

from __future__ import annotations

import json
from datetime import UTC, datetime

import duckdb
import pytest

from factcheck.contract import published_tables
from factcheck.fsutil import sha256_file, write_json_atomic
from factcheck.partitions import MAX_PARTITION_ARTICLES, PartitionFile, partition_views
from factcheck.release import (
    FILES_LIST,
    clean_stale_staging,
    diff_releases,
    latest_version,
    list_releases,
    next_version,
    publish,
    staging_dir,
)
from factcheck.settings import Paths


@pytest.fixture
def paths(tmp_path):
    p = Paths(raw=tmp_path / "raw", data=tmp_path / "data")
    p.releases_dir.mkdir(parents=True)
    return p


def stage_fake(paths: Paths, run_id: str):
    """A staged release as stage_tables() leaves it: one file per table and the file list."""
    staged = staging_dir(paths, run_id)
    staged.mkdir()
    con = duckdb.connect()
    files = []
    for table in published_tables():
        out = staged / table / "all.parquet"
        out.parent.mkdir()
        con.execute(f"copy (select 1 as id, '{table}' as name) to '{out}' (format parquet)")
        files.append(PartitionFile(table, "all", 1, out.stat().st_size, sha256_file(out), "1:0:0"))
    write_json_atomic(staged / FILES_LIST, {"files": [f.as_manifest() for f in files]})
    return staged


def test_versions_sort_in_release_order(paths):
    first = next_version(paths, datetime(2026, 1, 1, 2, 0, tzinfo=UTC))
    (paths.releases_dir / first).mkdir()
    second = next_version(paths, datetime(2026, 1, 1, 2, 0, tzinfo=UTC))  # same second
    (paths.releases_dir / second).mkdir()
    third = next_version(paths, datetime(2025, 12, 31, tzinfo=UTC))  # clock went backwards
    assert first < second < third


def test_publish_makes_a_complete_release_visible(paths):
    staged = stage_fake(paths, "run/1")
    assert staged.name.startswith(".staging-")
    version = publish(
        paths,
        staged,
        run_id="run/1",
        code="c",
        fingerprint="f",
        inputs={"files": 1},
        validation={"success": True},
        claimreview={"@context": "https://schema.org", "@graph": []},
    )
    assert not staged.exists()
    release = paths.releases_dir / version
    manifest = json.loads((release / "manifest.json").read_text())
    for key in (
        "version",
        "schema_version",
        "created_at",
        "run_id",
        "code_version",
        "tables",
        "validation",
        "inputs",
    ):
        assert key in manifest
    for name, table in manifest["tables"].items():
        assert table["files"] == [f"{name}/all.parquet"]
        assert table["rows"] == 1 and {"name": "name", "type": "VARCHAR"} in table["columns"]
    for file in manifest["files"]:
        path = release / file["path"]
        assert file["sha256"] == sha256_file(path)
        assert file["bytes"] == path.stat().st_size
    assert not (release / FILES_LIST).exists()
    assert latest_version(paths) == version
    assert [r["version"] for r in list_releases(paths)] == [version]


def test_stale_staging_is_cleaned(paths):
    staged = stage_fake(paths, "dead-run")
    (paths.releases_dir / ".LATEST.123.tmp").write_text("x")
    assert clean_stale_staging(paths) == [staged.name]
    assert not staged.exists() and not (paths.releases_dir / ".LATEST.123.tmp").exists()


def test_latest_ignores_a_version_without_manifest(paths):
    (paths.releases_dir / "LATEST").write_text("20990101T000000Z\n")
    assert latest_version(paths) is None


def test_run_ids_cannot_escape_their_directories(paths):
    from factcheck.pipeline import summary_file

    for run_id in ("../../etc/passwd", "manual__2026/../../x", "a\x00b", "..", "/abs/path"):
        staged = staging_dir(paths, run_id)
        assert staged.parent == paths.releases_dir and "/" not in staged.name
        summary = summary_file(paths, run_id)
        assert summary.parent == paths.build_dir / "runs" and "/" not in summary.name


def test_diff_lists_what_a_consumer_must_fetch(paths):
    def release(version: str, files: dict[str, str]) -> None:
        (paths.releases_dir / version).mkdir()
        entries = [
            {"path": path, "sha256": sha, "rows": 1, "bytes": 10} for path, sha in files.items()
        ]
        write_json_atomic(paths.releases_dir / version / "manifest.json", {"files": entries})

    release("20260101T000000Z", {"claims/seen-1.parquet": "a", "actors/all.parquet": "b"})
    release(
        "20260102T000000Z",
        {"claims/seen-1.parquet": "a", "claims/seen-2.parquet": "c", "actors/all.parquet": "d"},
    )
    diff = diff_releases(paths, "20260101T000000Z", "20260102T000000Z")
    assert [f["path"] for f in diff.fetch] == ["claims/seen-2.parquet", "actors/all.parquet"]
    assert diff.unchanged == ["claims/seen-1.parquet"] and diff.removed == []
    assert diff.fetch_bytes == 20
    back = diff_releases(paths, "20260102T000000Z", "20260101T000000Z")
    assert back.removed == ["claims/seen-2.parquet"]
    with pytest.raises(ValueError, match="no release"):
        diff_releases(paths, "20260101T000000Z", "20260103T000000Z")


def test_database_of_a_night_replaces_only_changed_partitions(paths):
    """The published database is copied and only the partitions the new release changed are
    replaced (one rewritten, one removed, one added, and a one-file table); its tables equal
    a database built whole from the new release."""
    from factcheck.contract import tables
    from factcheck.warehouse import build_database, publish_database

    def release(version: str, partitions: dict[str, list[str]]) -> None:
        """Every table with the given keys in each partition; its other columns null."""
        con = duckdb.connect()
        files, described = [], {}
        for table in tables().values():
            key = table.partition_by or table.columns[0].name
            columns = [f"cast(null as {c.data_type}) as {c.name}" for c in table.columns]
            for part, keys in partitions.items():
                if (table.partition_by is None) != (part == "all"):
                    continue
                out = paths.releases_dir / version / table.name / f"{part}.parquet"
                out.parent.mkdir(parents=True, exist_ok=True)
                con.execute(
                    f"copy (select * replace (k::varchar as {key}) from "
                    f"(select {', '.join(columns)}), unnest(?) as t(k) order by k) "
                    f"to '{out}' (format parquet)",
                    [keys],
                )
                path = f"{table.name}/{part}.parquet"
                files.append(
                    {
                        "table": table.name,
                        "partition": part,
                        "path": path,
                        "sha256": sha256_file(out),
                    }
                )
            described[table.name] = {"columns": table.column_names}
        manifest = {"version": version, "schema_version": "2.0", "tables": described}
        write_json_atomic(
            paths.releases_dir / version / "manifest.json", manifest | {"files": files}
        )

    def rows(database) -> dict[str, list[tuple]]:
        con = duckdb.connect(str(database), read_only=True)
        try:
            return {t: sorted(con.execute(f"select * from {t}").fetchall()) for t in tables()}
        finally:
            con.close()

    first, second = "20260101T000000Z", "20260102T000000Z"
    release(first, {"seen-1": ["a1", "a2"], "seen-2": ["a3"], "all": ["x"]})
    release(second, {"seen-1": ["a1", "a6"], "seen-3": ["a3", "a5"], "all": ["x", "y"]})
    assert publish_database(paths, first)[1] == "built"
    path, made = publish_database(paths, second)
    assert made == "updated"
    whole = paths.data / "whole.duckdb"
    build_database(whole, paths.releases_dir / second, second)
    assert rows(path) == rows(whole)
    assert [r[0] for r in rows(path)["articles"]] == ["a1", "a3", "a5", "a6"]
    con = duckdb.connect(str(path), read_only=True)
    assert con.execute("select version from release_info").fetchone()[0] == second
    con.close()
    assert publish_database(paths, second, rebuild=True)[1] == "built"

    # Of a partition rewritten, only the keys whose rows changed are replaced: a1 is in
    # both releases' seen-1 with the same row, so the database's own row of a1 (marked
    # here, as no release writes it) is not deleted and loaded again; a6 is new.
    publish_database(paths, first, rebuild=True)
    con = duckdb.connect(str(paths.warehouse_db))
    con.execute("update articles set headline = 'kept' where article_id in ('a1', 'a2')")
    con.close()
    path, made = publish_database(paths, second)
    assert made == "updated"
    con = duckdb.connect(str(path), read_only=True)
    assert con.execute("select article_id, headline from articles order by 1").fetchall() == [
        ("a1", "kept"),
        ("a3", None),
        ("a5", None),
        ("a6", None),
    ]
    con.close()


def test_publishing_fsyncs_the_files_written_not_those_carried_over(tmp_path, monkeypatch):
    """A carried-over file is a hard link to a file of the previous release, made durable
    when that release was published: only the files written tonight and the directories
    are fsynced (one journal commit per file, thousands of files a night)."""
    import os

    from factcheck import fsutil

    previous, staged = tmp_path / "previous" / "claims", tmp_path / "staged" / "claims"
    previous.mkdir(parents=True)
    staged.mkdir(parents=True)
    (previous / "seen-1.parquet").write_bytes(b"kept")
    os.link(previous / "seen-1.parquet", staged / "seen-1.parquet")
    (staged / "seen-2.parquet").write_bytes(b"written tonight")
    synced: list[int] = []
    fsync = os.fsync

    def recorded(fd: int) -> None:
        synced.append(os.fstat(fd).st_ino)
        fsync(fd)

    monkeypatch.setattr(os, "fsync", recorded)
    fsutil.fsync_tree(tmp_path / "staged")
    assert (staged / "seen-2.parquet").stat().st_ino in synced
    assert (staged / "seen-1.parquet").stat().st_ino not in synced
    assert staged.stat().st_ino in synced and (tmp_path / "staged").stat().st_ino in synced


def test_an_old_article_touched_rewrites_a_small_bucket_of_a_large_archive():
    """A cold build of 100,000 articles is split so that a later night that touches one old
    article (a verdict, a merged group) rewrites, checks and re-loads a bucket of at most
    1,024 articles' rows, not a sixteenth of the archive."""
    con = duckdb.connect()
    con.execute("create schema intermediate")
    con.execute(
        "create table intermediate.int_article_versions as select 'art_' || i as article_id, "
        "timestamptz '2026-01-01 00:00:00+00' as first_seen_at from range(100000) t(i)"
    )
    sql = partition_views(MAX_PARTITION_ARTICLES)["article_id"]
    buckets, largest = con.execute(
        f"select count(*), max(n) from (select part, count(*) as n from ({sql}) group by part)"
    ).fetchone()
    assert buckets == 256
    assert largest <= 1024


def two_nights(claim_groups: str) -> duckdb.DuckDBPyConnection:
    """A build database of 40 articles first seen one night and 2 the next, and the claim
    groups `claim_groups` selects."""
    con = duckdb.connect()
    con.execute("create schema intermediate")
    con.execute(
        "create table intermediate.int_article_versions as select 'art_' || i as article_id, "
        "case when i < 40 then timestamptz '2026-01-01 00:00:00+00' "
        "else timestamptz '2026-01-02 00:00:00+00' end as first_seen_at from range(42) t(i)"
    )
    con.execute(f"create table main.claim_groups as {claim_groups}")
    return con


def test_a_large_night_is_split_into_stable_buckets():
    """A night of more articles than a partition holds (a cold build of an archive) is split
    by the keys' hashes, so a later change to one old article rewrites one bucket; an
    article's bucket depends on its key alone, so it stays put when others are removed."""
    con = two_nights(
        "select 'grp_' || i as claim_group_id, "
        "timestamptz '2026-01-01 00:00:00+00' as first_seen_at, "
        "timestamptz '2026-01-01 00:00:00+00' as last_seen_at, 1 as member_count "
        "from range(3) t(i)"
    )

    def parts(key: str) -> dict[str, str]:
        sql = partition_views(max_articles=4)[key]
        return dict(con.execute(f"select * from ({sql})").fetchall())

    articles, groups = parts("article_id"), parts("claim_group_id")
    cold = {p for a, p in articles.items() if int(a[4:]) < 40}
    assert all(p.startswith("seen-20260101T000000-") and len(p) == 22 for p in cold)
    assert 8 <= len(cold) <= 16  # 40 articles over 16 buckets of one hex digit
    assert {articles["art_40"], articles["art_41"]} == {"seen-20260102T000000"}
    assert all(p.startswith("seen-20260101T000000-") for p in groups.values())
    con.execute("delete from intermediate.int_article_versions where article_id = 'art_0'")
    assert parts("article_id") == {a: p for a, p in articles.items() if a != "art_0"}


def test_a_claim_group_that_grows_moves_to_tonights_partition():
    """A group is published in the partition of the night it last took a member from a new
    article, not in the bucket of the night it was first seen; in a night split into
    buckets, groups of more than one member (those that grow) have buckets of their own.
    The groups that grow were in every bucket of a cold build's night, so each night
    rewrote nearly every file of claim_groups for the few hundred groups that grew."""
    con = two_nights(
        "select 'grp_' || i as claim_group_id, "
        "timestamptz '2026-01-01 00:00:00+00' as first_seen_at, "
        "case when i = 0 then timestamptz '2026-01-02 00:00:00+00' "
        "else timestamptz '2026-01-01 00:00:00+00' end as last_seen_at, "
        "case when i < 2 then 1 else 5 end as member_count from range(40) t(i)"
    )
    sql = partition_views(max_articles=4)["claim_group_id"]
    groups = dict(con.execute(f"select * from ({sql})").fetchall())
    assert groups["grp_0"] == "seen-20260102T000000"  # grew tonight: tonight's one file
    assert groups["grp_1"].startswith("seen-20260101T000000-")  # its first night's bucket
    assert len(groups["grp_1"]) == len("seen-20260101T000000-0")
    shared = {p for g, p in groups.items() if int(g[4:]) >= 2}
    assert shared == {"seen-20260101T000000-m"}  # one digit, less one: a bucket of its own
