"""Fact-checkers' verdicts: the CSV log format, its validation, and appending to it.

`raw/verdicts/*.csv` is an append-only log, one row per decision:
`claim_id, status, rating_label, reviewed_by, reviewed_at, evidence_url, note`.
The warehouse is rebuilt from it on every run. The same validation guards both ends: a
verdict from a person (`factcheck verdict`, the review desk) goes through `record`, which
refuses a bad one before writing anything, and ingestion quarantines a bad row that reached
a file by hand.
"""

from __future__ import annotations

import csv
import fcntl
import io
import os
import re
from dataclasses import dataclass, fields
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlparse

from factcheck.queries import NoDatabase, claim_exists
from factcheck.settings import DBT_PROJECT_DIR, Paths
from factcheck.vocabulary import verdict_statuses

CLAIM_ID = re.compile(r"^clm_[0-9a-f]{16}$")
LOG_FILE = "verdicts.csv"


class InvalidVerdict(ValueError):
    """A verdict that must not be recorded; the message says what to fix."""


@dataclass(frozen=True)
class Verdict:
    claim_id: str
    status: str
    rating_label: str | None
    reviewed_by: str
    reviewed_at: datetime
    evidence_url: str | None
    note: str | None

    def as_row(self) -> list[str]:
        """The verdict as a row of the CSV log, in COLUMNS order."""
        return [
            self.claim_id,
            self.status,
            self.rating_label or "",
            self.reviewed_by,
            self.reviewed_at.isoformat(timespec="microseconds"),
            self.evidence_url or "",
            self.note or "",
        ]


# The verdict log's header: the fields of a Verdict, in order.
COLUMNS = [f.name for f in fields(Verdict)]


def rating_labels(seeds_dir: Path = DBT_PROJECT_DIR / "seeds") -> dict[str, str]:
    """Known labels of the rating scale seed, lower-cased → as written in the seed."""
    with (seeds_dir / "rating_scale.csv").open(newline="", encoding="utf-8") as handle:
        return {
            row["label"].strip().lower(): row["label"].strip() for row in csv.DictReader(handle)
        }


def _clean(value: str | None) -> str | None:
    value = (value or "").strip()
    return value or None


def parse_time(value: str | None) -> datetime:
    text = _clean(value)
    if not text:
        raise InvalidVerdict("reviewed_at is missing")
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        raise InvalidVerdict(
            f"reviewed_at {text!r} is not an ISO 8601 time (e.g. 2026-11-22T09:30:00+00:00)"
        ) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def check_url(value: str | None) -> str | None:
    url = _clean(value)
    if url is None:
        return None
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.netloc or " " in url:
        raise InvalidVerdict(f"evidence URL {url!r} is not a valid http(s) URL")
    return url


def validate(fields: dict[str, str | None], labels: dict[str, str]) -> Verdict:
    """Check one verdict; raises InvalidVerdict naming the first problem found."""
    claim_id = _clean(fields.get("claim_id"))
    if not claim_id or not CLAIM_ID.match(claim_id):
        raise InvalidVerdict(f"claim id {claim_id!r} is not of the form clm_ + 16 hex digits")
    status = _clean(fields.get("status"))
    if status not in verdict_statuses():
        raise InvalidVerdict(f"status {status!r} must be one of: {', '.join(verdict_statuses())}")
    label = _clean(fields.get("rating_label"))
    if status == "rated" and not label:
        raise InvalidVerdict("a rated verdict needs a rating label (--label)")
    if label and label.lower() not in labels:
        known = ", ".join(sorted(labels.values()))
        raise InvalidVerdict(
            f"unknown rating label {label!r}; known labels: {known} "
            "(add new ones to dbt_project/seeds/rating_scale.csv)"
        )
    reviewer = _clean(fields.get("reviewed_by"))
    if not reviewer:
        raise InvalidVerdict("the reviewer is missing (--by NAME)")
    return Verdict(
        claim_id=claim_id,
        status=status,
        rating_label=label,
        reviewed_by=reviewer,
        reviewed_at=parse_time(fields.get("reviewed_at")),
        evidence_url=check_url(fields.get("evidence_url")),
        note=_clean(fields.get("note")),
    )


def read_log(
    text: str, labels: dict[str, str]
) -> tuple[list[tuple[int, Verdict]], list[tuple[int | None, str]]]:
    """Parse one verdict CSV: ([(line, verdict)], [(line, reason)]). Lines are 1-based."""
    reader = csv.DictReader(io.StringIO(text))
    missing = [c for c in COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        return [], [(1, f"verdict file header lacks column(s): {', '.join(missing)}")]
    good, bad = [], []
    for row in reader:
        line = reader.line_num
        try:
            good.append((line, validate(row, labels)))
        except InvalidVerdict as exc:
            bad.append((line, f"verdict rejected: {exc}"))
    return good, bad


def append(verdicts_dir: Path, verdict: Verdict) -> Path:
    """Append one verdict to the log, whole, even when several people record at once.

    An exclusive lock on the file serialises writers; the row is written with one write()
    of a complete line, and the header only when the file is new.
    """
    verdicts_dir.mkdir(parents=True, exist_ok=True)
    path = verdicts_dir / LOG_FILE
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerow(verdict.as_row())
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        data = buffer.getvalue()
        if os.fstat(fd).st_size == 0:
            header = io.StringIO()
            csv.writer(header, lineterminator="\n").writerow(COLUMNS)
            data = header.getvalue() + data
        os.write(fd, data.encode("utf-8"))
        os.fsync(fd)
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
    return path


def record(fields: dict[str, str | None], paths: Paths) -> tuple[Verdict, Path]:
    """Validate a person's verdict, check its claim is published, and append it to the log.

    The one way a verdict enters the log, shared by `factcheck verdict` and the review desk
    so both refuse exactly the same things. Raises InvalidVerdict, having written nothing.
    """
    verdict = validate(fields, rating_labels())
    try:
        published = claim_exists(paths.warehouse_db, verdict.claim_id)
    except NoDatabase as exc:
        raise InvalidVerdict(str(exc)) from None
    if not published:
        raise InvalidVerdict(
            f"unknown claim id {verdict.claim_id}: it is not in the published database"
        )
    return verdict, append(paths.verdicts_dir, verdict)
