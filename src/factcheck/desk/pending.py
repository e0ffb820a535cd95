"""Verdicts recorded but not yet published: in the log, not yet in the database.

A verdict reaches the published database only with the next nightly run. Until then the
desk shows it as pending, so the reviewer sees their decision at once and colleagues do
not check the same claim twice. A logged verdict is published once `verification_history`
holds the same claim, status, reviewer and time.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import UTC
from pathlib import Path

import duckdb

from factcheck.verdicts import LOG_FILE, Verdict, rating_labels, read_log

PUBLISHED_SQL = """
select claim_id, status, reviewed_by, valid_from
from verification_history
where reviewed_by is not null and list_contains($claim_ids, claim_id)
"""


@dataclass
class VerdictLog:
    """The verdict log that `factcheck verdict` and the desk append to, parsed again only
    when the file changes (its size, time or inode)."""

    verdicts_dir: Path
    _parsed: tuple[tuple[int, int, int], list[Verdict]] | None = None
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def verdicts(self) -> list[Verdict]:
        path = self.verdicts_dir / LOG_FILE
        try:
            info = os.stat(path)
        except FileNotFoundError:
            return []
        version = (info.st_ino, info.st_size, info.st_mtime_ns)
        with self._lock:
            if self._parsed is None or self._parsed[0] != version:
                good, _ = read_log(path.read_text("utf-8", errors="replace"), rating_labels())
                self._parsed = (version, [verdict for _, verdict in good])
            return self._parsed[1]

    def pending(
        self, con: duckdb.DuckDBPyConnection, claim_ids: Collection[str]
    ) -> dict[str, list[Verdict]]:
        """claim id → its logged verdicts the published database does not have yet."""
        wanted = set(claim_ids)
        logged = [v for v in self.verdicts() if v.claim_id in wanted]
        if not logged:
            return {}
        published = {
            (claim_id, status, reviewer, moment.astimezone(UTC))
            for claim_id, status, reviewer, moment in con.execute(
                PUBLISHED_SQL, {"claim_ids": sorted({v.claim_id for v in logged})}
            ).fetchall()
        }
        waiting: dict[str, list[Verdict]] = {}
        for v in logged:
            key = (v.claim_id, v.status, v.reviewed_by, v.reviewed_at.astimezone(UTC))
            if key not in published:
                waiting.setdefault(v.claim_id, []).append(v)
        return waiting
