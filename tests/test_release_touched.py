"""Staging fingerprints only the partitions the marts' merges touched since the previous
release (build.release_touched, macros/incremental_marts.sql record_touched) and carries
the other files over: the release it stages is the one fingerprinting every partition
stages, night after night — new, changed (first seen again: its rows move) and removed
articles, a verdict — and a partition nothing touched is not read at all."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pytest

from factcheck import partitions, pipeline
from factcheck.bench.corpus import write_corpus, write_factchecks
from factcheck.contract import tables
from factcheck.release import _touched_since
from factcheck.settings import Paths
from factcheck.transform import BuildState, build, current_build
from factcheck.verdicts import Verdict, append

pytestmark = pytest.mark.e2e


def night(paths: Paths, run_id: str) -> dict:
    """Ingest and build (the release is staged by `publish`); what ingest found."""
    ingested = pipeline.ingest(paths, run_id)
    pipeline.transform(paths, run_id, ingested)
    return ingested


def publish(paths: Paths, run_id: str, ingested: dict) -> dict:
    """Stage, validate and publish tonight's release; its manifest."""
    validation = pipeline.validate(paths, run_id, tonight=0)
    version = pipeline.publish_release(paths, run_id, ingested, validation)
    return json.loads((paths.releases_dir / version / "manifest.json").read_text())


def staged_both_ways(paths: Paths, manifest: dict, into: Path) -> tuple[list, int, int]:
    """Stage the build database against the release `manifest` with the merges' records
    and with every partition fingerprinted: the files (equal, or the test fails), and how
    many partitions each fingerprinted."""
    con = duckdb.connect(str(paths.build_db), read_only=True)
    try:
        build = current_build(con, paths)
        previous_dir = paths.releases_dir / manifest["version"]
        previous = partitions.previous_files(manifest)
        touched = _touched_since(paths, manifest, build)
        assert touched is not None
        staged = [
            partitions.stage_partitions(con, into / name, previous_dir, previous, since)
            for name, since in (("touched", touched), ("every", None))
        ]
    finally:
        con.close()
    with_records, every = staged
    assert with_records.files == every.files
    return with_records.files, with_records.fingerprinted, every.fingerprinted


def test_staging_reads_only_the_partitions_touched_since_the_release(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    # buckets of a few articles, so that a night leaves most partitions untouched
    monkeypatch.setattr(partitions, "MAX_PARTITION_ARTICLES", 4)
    paths = Paths(raw=tmp_path / "raw", data=tmp_path / "data")
    (paths.raw / "verdicts").mkdir(parents=True)
    write_corpus(paths.raw, 60)
    write_factchecks(paths.raw, 20)
    first = publish(paths, "cold", night(paths, "cold"))
    assert first["build"]["number"] == BuildState.read(paths).number

    # new articles, a changed one and a verdict
    write_corpus(paths.raw, 4, start=60)
    txt = sorted((paths.raw / "articles" / "bench" / "txt").glob("*.txt"))
    txt[0].write_text(txt[0].read_text().replace(" said", " stated", 1))
    con = duckdb.connect(str(paths.build_db), read_only=True)
    [(claim_id,)] = con.execute("select min(claim_id) from main.claims").fetchall()
    con.close()
    when = datetime(2026, 1, 2, tzinfo=UTC)
    append(paths.verdicts_dir, Verdict(claim_id, "rated", "False", "Ana Lima", when, None, None))
    ingested = night(paths, "second")
    _, fingerprinted, every = staged_both_ways(paths, first, tmp_path / "second")
    assert fingerprinted < every / 2
    second = publish(paths, "second", ingested)

    # A partition nothing touched is carried over unread: a row changed behind the marts'
    # back (no merge recorded it) stays as the release has it.
    write_corpus(paths.raw, 2, start=64)
    ingested = night(paths, "third")
    articles = tables()["articles"]
    con = duckdb.connect(str(paths.build_db), read_only=True)
    touched = _touched_since(paths, second, current_build(con, paths))
    partitions.create_partition_tables(con, touched)
    current = partitions._article_partitions(con)
    listed = partitions._touched_partitions(
        con, articles, partitions.previous_files(second), touched, current
    )
    assert listed is not None
    [(untouched, headline)] = con.execute(
        "select article_id, headline from main.articles where article_id = (select "
        "min(article_id) from release_partition_article_id "
        "where part not in (select unnest(?::varchar[])))",
        [listed],
    ).fetchall()
    con.close()
    update = "update main.articles set headline = ? where article_id = ?"
    con = duckdb.connect(str(paths.build_db))
    con.execute(update, ["behind the marts", untouched])
    con.close()
    third = publish(paths, "third", ingested)
    published = paths.releases_dir / third["version"] / "articles" / "*.parquet"
    assert duckdb.execute(
        "select headline from read_parquet(?) where article_id = ?", [str(published), untouched]
    ).fetchall() == [(headline,)]
    con = duckdb.connect(str(paths.build_db))
    con.execute(update, [headline, untouched])
    con.close()

    # A removed article: the partition it left is the one the release kept for it; and the
    # release is the same either way.
    txt[1].unlink()
    write_corpus(paths.raw, 1, start=66)
    night(paths, "fourth")
    con = duckdb.connect(str(paths.build_db), read_only=True)
    touched = _touched_since(paths, third, current_build(con, paths))
    partitions.create_partition_tables(con, touched)
    previous = partitions.previous_files(third)
    current = partitions._article_partitions(con)
    assert partitions._touched_partitions(con, articles, previous, touched, current) is not None
    con.close()
    staged_both_ways(paths, third, tmp_path / "fourth")

    # A build that rebuilds the marts whole records nothing: it starts a new lineage, and
    # the next staging fingerprints every partition.
    build(paths, full_refresh=True)
    con = duckdb.connect(str(paths.build_db), read_only=True)
    rebuilt = current_build(con, paths)
    con.close()
    assert _touched_since(paths, third, rebuilt) is None
