"""Shared fixtures. Test data comes from the repository's own raw/ sample, never ../shared."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLE_RAW = REPO / "raw"
SEED_FILES = sorted((SAMPLE_RAW / "articles" / "seeds").glob("*.txt"))
WIKINEWS = SAMPLE_RAW / "articles" / "wikinews" / "articles.jsonl"

for key, value in {
    "DBT_SEND_ANONYMOUS_USAGE_STATS": "False",
    "GX_ANALYTICS_ENABLED": "False",
    "AIRFLOW__COSMOS__ENABLE_TELEMETRY": "False",
    "DO_NOT_TRACK": "1",
}.items():
    os.environ.setdefault(key, value)


@pytest.fixture(scope="session")
def seed_texts() -> list[str]:
    return [path.read_text(encoding="utf-8") for path in SEED_FILES]


@pytest.fixture(scope="session")
def wikinews_rows() -> list[dict]:
    return [json.loads(line) for line in WIKINEWS.read_text(encoding="utf-8").splitlines()]
