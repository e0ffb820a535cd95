"""Shared fixtures. Test data comes from the repository's own raw/ sample, never ../shared."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from factcheck.settings import disable_telemetry

REPO = Path(__file__).resolve().parents[1]
SAMPLE_RAW = REPO / "raw"
SEED_FILES = sorted((SAMPLE_RAW / "articles" / "seeds").glob("*.txt"))
WIKINEWS = SAMPLE_RAW / "articles" / "wikinews" / "articles.jsonl"

disable_telemetry()


@pytest.fixture(scope="session")
def seed_texts() -> list[str]:
    return [path.read_text(encoding="utf-8") for path in SEED_FILES]


@pytest.fixture(scope="session")
def wikinews_rows() -> list[dict]:
    return [json.loads(line) for line in WIKINEWS.read_text(encoding="utf-8").splitlines()]
