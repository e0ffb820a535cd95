"""Shared fixtures. Test data comes from the repository's own raw/ sample, never ../shared."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from factcheck.settings import disable_telemetry

REPO = Path(__file__).resolve().parents[1]
SAMPLE_RAW = REPO / "raw"
SEED_FILES = sorted((SAMPLE_RAW / "articles" / "seeds").glob("*.txt"))
WIKINEWS = SAMPLE_RAW / "articles" / "wikinews" / "articles.jsonl"

FACTCHECK = str(Path(sys.executable).parent / "factcheck")

disable_telemetry()


def run_factcheck(raw: Path, data: Path, *args: str) -> subprocess.CompletedProcess:
    """`factcheck ARGS --raw RAW --data DATA` as a user runs it, outside any Airflow
    environment of the test process."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("AIRFLOW")}
    return subprocess.run(
        [FACTCHECK, *args, "--raw", str(raw), "--data", str(data)],
        capture_output=True,
        text=True,
        env=env,
        timeout=900,
    )


@pytest.fixture(scope="session")
def seed_texts() -> list[str]:
    return [path.read_text(encoding="utf-8") for path in SEED_FILES]


@pytest.fixture(scope="session")
def wikinews_rows() -> list[dict]:
    return [json.loads(line) for line in WIKINEWS.read_text(encoding="utf-8").splitlines()]


# An article a hostile source could send: markup and a script in every text field, and a
# link that would run script if the desk made it clickable.
HOSTILE_ARTICLE = {
    "id": "hostile-1",
    "title": 'Mayor <script>alert("headline")</script> promises flood barrier',
    "body": (
        'Mayor Anna Berg said the flood barrier <script>alert("body")</script> would hold 40 '
        "percent more water than last year.\n\n"
        '"The barrier cost <b>12 million euros</b> & it will protect 3,000 homes," Berg told '
        "reporters on Tuesday."
    ),
    "url": "javascript:alert('url')",
    "publisher": "<img src=x onerror=alert('publisher')>",
    "published": "2026-11-01",
}
REVIEWER, REVIEWER_PASSWORD = "Ana Lima", "correct horse battery"


def build_published_database(paths) -> None:
    """The nightly run's own steps, in this process and without Airflow or the quality gate:
    ingest, dbt build, and the fact-checkers' database swapped in. For tests that need a
    real published database in seconds rather than a whole `factcheck run`."""
    from factcheck import pipeline
    from factcheck.release import stage_tables
    from factcheck.warehouse import build_database

    ingested = pipeline.ingest(paths, "desk_test", force=True)
    pipeline.transform(paths, "desk_test", ingested)
    staged = stage_tables(paths, "desk_test")
    paths.warehouse_db.parent.mkdir(parents=True, exist_ok=True)
    fresh = paths.warehouse_db.with_name(".fresh.duckdb")
    build_database(fresh, staged, "desk_test")
    os.replace(fresh, paths.warehouse_db)
    shutil.rmtree(staged)


@pytest.fixture(scope="session")
def published_workspace(tmp_path_factory):
    """The two seed exports, ten Wikinews articles and a hostile one, published, with one
    reviewer account. Tests copy it (`workspace_copy`) rather than change it."""
    from factcheck.desk import accounts
    from factcheck.settings import Paths

    root = tmp_path_factory.mktemp("published")
    paths = Paths.resolve(root / "raw", root / "data")
    articles = paths.raw / "articles"
    articles.mkdir(parents=True)
    for path in SEED_FILES:
        shutil.copy(path, articles / path.name)
    lines = WIKINEWS.read_text(encoding="utf-8").splitlines()[:10]
    (articles / "wikinews.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (articles / "hostile.jsonl").write_text(json.dumps(HOSTILE_ARTICLE) + "\n", encoding="utf-8")
    build_published_database(paths)
    accounts.add(paths.reviewers_file, REVIEWER, REVIEWER_PASSWORD)
    return paths


def workspace_copy(published, destination: Path, with_build: bool = False):
    """A private copy of the published workspace: raw/, the database, the accounts (and the
    build directory, for tests that run the pipeline again)."""
    from factcheck.settings import Paths

    paths = Paths.resolve(destination / "raw", destination / "data")
    shutil.copytree(published.raw, paths.raw)
    skip = None if with_build else shutil.ignore_patterns("build")
    shutil.copytree(published.data, paths.data, ignore=skip)
    return paths
