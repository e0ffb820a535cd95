"""The verdict log: validation and concurrent appends."""

from __future__ import annotations

import csv
import multiprocessing
from datetime import UTC, datetime
from pathlib import Path

import pytest

from factcheck.verdicts import COLUMNS, InvalidVerdict, Verdict, append, rating_labels, validate

CLAIM = "clm_0123456789abcdef"


def fields(**overrides):
    base = {
        "claim_id": CLAIM,
        "status": "rated",
        "rating_label": "Mostly false",
        "reviewed_by": "Ana",
        "reviewed_at": "2026-01-02T10:00:00+00:00",
        "evidence_url": "https://example.org/evidence",
        "note": None,
    }
    return base | overrides


def test_valid_verdict():
    verdict = validate(fields(), rating_labels())
    assert verdict.rating_label == "Mostly false" and verdict.reviewed_at.tzinfo is not None


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"claim_id": "clm_123"}, "claim id"),
        ({"status": "done"}, "status"),
        ({"rating_label": None}, "needs a rating label"),
        ({"rating_label": "Kinda true"}, "unknown rating label"),
        ({"reviewed_by": "  "}, "reviewer is missing"),
        ({"evidence_url": "not a url"}, r"not a valid http\(s\) URL"),
        ({"evidence_url": "javascript:alert(1)"}, r"not a valid http\(s\) URL"),
        ({"reviewed_at": "last tuesday"}, "ISO 8601"),
    ],
)
def test_invalid_verdicts_are_refused(overrides, message):
    with pytest.raises(InvalidVerdict, match=message):
        validate(fields(**overrides), rating_labels())


def test_labels_match_case_insensitively():
    assert validate(fields(rating_label="pants on fire"), rating_labels())


def _append_many(directory: str, worker: int, count: int) -> None:
    for i in range(count):
        note = f"worker {worker} row {i} " + "x" * 500  # long rows make torn writes visible
        append(
            Path(directory),
            Verdict(CLAIM, "in_review", None, f"w{worker}", datetime.now(UTC), None, note),
        )


def test_concurrent_appends_all_land_whole(tmp_path):
    context = multiprocessing.get_context("fork")
    workers = [context.Process(target=_append_many, args=(str(tmp_path), w, 40)) for w in range(4)]
    for process in workers:
        process.start()
    for process in workers:
        process.join()
        assert process.exitcode == 0
    with (tmp_path / "verdicts.csv").open(newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == COLUMNS
    assert len(rows) == 1 + 4 * 40
    assert all(len(row) == len(COLUMNS) and row[0] == CLAIM for row in rows[1:])
    assert {row[3] for row in rows[1:]} == {"w0", "w1", "w2", "w3"}
