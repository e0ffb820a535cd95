"""Incremental marts: a night merges only what changed, and gives the very tables a full
rebuild (`dbt build --full-refresh`) gives — new, changed and removed articles, a verdict,
a lone surname that another article's full name re-resolves."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pytest

from factcheck import pipeline
from factcheck.bench.corpus import write_corpus
from factcheck.contract import published_tables
from factcheck.settings import Paths
from factcheck.transform import build
from factcheck.verdicts import Verdict, append

pytestmark = pytest.mark.e2e


def night(paths: Paths, run_id: str, full_refresh: bool = False) -> None:
    pipeline.ingest(paths, run_id)
    build(paths, full_refresh=full_refresh)


def published(paths: Paths) -> dict[str, list[tuple]]:
    """Every published table of the build database, in its release order."""
    con = duckdb.connect(str(paths.build_db), read_only=True)
    try:
        return {
            table: con.execute(f"select * from main.{table} order by {order}").fetchall()
            for table, order in published_tables().items()
        }
    finally:
        con.close()


def changed_articles(paths: Paths) -> int:
    con = duckdb.connect(str(paths.build_db), read_only=True)
    try:
        return con.execute("select count(*) from intermediate.int_changed_articles").fetchone()[0]
    finally:
        con.close()


def test_incremental_nights_equal_a_full_refresh(tmp_path: Path):
    paths = Paths(raw=tmp_path / "raw", data=tmp_path / "data")
    (paths.raw / "verdicts").mkdir(parents=True)
    write_corpus(paths.raw, 60)
    night(paths, "cold")
    claim_id, article_id = (
        duckdb.connect(str(paths.build_db), read_only=True)
        .execute("select claim_id, article_id from main.claims order by claim_id limit 1")
        .fetchone()
    )

    write_corpus(paths.raw, 5, start=60)  # new articles
    txt = sorted((paths.raw / "articles" / "bench" / "txt").glob("*.txt"))
    txt[0].write_text(txt[0].read_text().replace(" said", " stated", 1))  # a changed article
    txt[1].unlink()  # a removed article
    # A lone surname in one article, and later the one full name with that surname.
    lone = paths.raw / "articles" / "lone.txt"
    lone.write_text("Zyx budget\n\n“We will not pay,” Mayor Quarendon said on Monday.\n")
    append(
        paths.verdicts_dir,
        Verdict(
            claim_id, "rated", "False", "Ana Lima", datetime(2026, 1, 2, tzinfo=UTC), None, None
        ),
    )
    night(paths, "second")
    (paths.raw / "articles" / "full.txt").write_text(
        "Quarendon speaks\n\n“Nothing was paid,” Mayor Elsa Quarendon said on Tuesday.\n"
    )
    night(paths, "third")
    # the third night rebuilt the new article and the one whose speaker it re-resolved
    assert changed_articles(paths) == 2
    incremental = published(paths)
    names = {row[1] for row in incremental["actors"]}
    assert "Elsa Quarendon" in names and "Quarendon" not in names

    night(paths, "rebuild", full_refresh=True)
    assert published(paths) == incremental
    assert changed_articles(paths) > 60  # a full refresh takes every article
    assert article_id  # the rated claim's article is still there
