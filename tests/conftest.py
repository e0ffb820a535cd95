"""Shared fixtures. Test data comes from the repository's own raw/ sample, never ../shared."""

from __future__ import annotations

import json
import os
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
