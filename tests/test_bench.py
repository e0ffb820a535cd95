"""Smoke test of the benchmark on a small corpus: it runs, and its figures make sense.

The figures themselves are measured with `make bench`, not asserted by timed tests."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.bench.corpus import write_corpus
from factcheck.bench.measure import format_report, run_benchmark
from factcheck.ingest.layout import parse_fields, parse_text_article

pytestmark = pytest.mark.e2e


def test_corpus_is_deterministic_and_in_every_layout(tmp_path):
    write_corpus(tmp_path / "a", 40)
    write_corpus(tmp_path / "b", 40)
    files_a = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*.*"))
    files_b = sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*.*"))
    assert files_a == files_b
    for name in files_a:
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()
    layouts = {parse_text_article(p.read_text()).layout for p in (tmp_path / "a").rglob("*.txt")}
    assert layouts == {"plain", "news_export"}
    line = next((tmp_path / "a").rglob("*.jsonl")).read_text().splitlines()[0]
    record = json.loads(line)
    assert parse_fields(record["title"], record["body"]).paragraphs


def test_benchmark_smoke(tmp_path):
    report = run_benchmark(150, Path(tmp_path) / "bench", repeat=1)
    assert report["cold"]["outcome"].startswith("published release")
    assert report["incremental"]["outcome"].startswith("published release")
    assert report["nothing_new"]["outcome"] == "nothing changed since the latest release"
    assert report["cold"]["ingest"]["loaded"] == 150
    assert report["incremental"]["ingest"]["loaded"] == 1
    assert set(report["cold"]["tasks"]) == {
        "ingest",
        "dbt_build",
        "validate",
        "publish_release",
        "publish_database",
    }
    assert report["cold"]["peak_rss_mb"] > 0 and report["floor_seconds"] > 0
    assert report["samples"]["incremental_wall_seconds"] == [report["incremental"]["wall_seconds"]]
    assert "model.factcheck.int_article_extractions" in report["cold"]["dbt_models"]
    assert report["factchecks"] == 75
    assert "model.factcheck.int_claim_fact_check_candidates" in report["cold"]["dbt_models"]
    assert report["linking_seconds"]["cold"] > 0
    text = format_report(report)
    assert "cold" in text and "ratios" in text and "grouping and matching" in text
