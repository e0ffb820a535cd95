"""Free space, checked before each step that writes, so a full disk ends the night in one line.

A step that runs out of space half-way fails deep inside DuckDB or SQLite, and what it
wrote (a write-ahead log, a staged release) keeps the space the next run needs. So each
writing step first estimates what it will write — from tonight's input — and refuses to
start when the directory it writes to has less free space than that:

    not enough free space in /data/build for dbt build: needs 412 MB, 37 MB free (short by 375 MB)

The estimates are generous multiples (DuckDB writes a table, its write-ahead log and its
checkpoint); they are there to stop a night that cannot finish, not to predict exactly.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

MB = 1024 * 1024
MARGIN = 16 * MB  # every step: DuckDB's first checkpoint, logs, the run summary


class DiskSpaceShort(OSError):
    """Not enough free space for a step; the message is the one line to show."""


@dataclass(frozen=True)
class SpaceNeed:
    """What one step will write, and where."""

    step: str
    directory: Path
    bytes_needed: int

    def check(self) -> None:
        """Raise DiskSpaceShort when the directory's file system has too little free space."""
        free = free_bytes(self.directory)
        if free < self.bytes_needed:
            raise DiskSpaceShort(
                f"not enough free space in {self.directory} for {self.step}: needs "
                f"{_mb(self.bytes_needed)}, {_mb(free)} free "
                f"(short by {_mb(self.bytes_needed - free)})"
            )


def free_bytes(directory: Path) -> int:
    """Free bytes for an unprivileged writer on the file system holding `directory` (or its
    nearest existing parent)."""
    existing = directory
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    stats = os.statvfs(existing)
    return stats.f_bavail * stats.f_frsize


def size_of(path: Path, unshared_only: bool = False) -> int:
    """Bytes of a file, or of every file under a directory (0 when missing);
    `unshared_only`: only files with no other hard link (not carried over from a release)."""
    if path.is_file():
        return path.stat().st_size
    if not path.is_dir():
        return 0
    return sum(
        stat.st_size
        for stat in (p.stat() for p in path.rglob("*") if p.is_file() and not p.is_symlink())
        if not unshared_only or stat.st_nlink == 1
    )


def _mb(value: int) -> str:
    return f"{max(value, 0) / MB:.0f} MB"


def remove_quietly(*paths: Path) -> None:
    """Remove files or directories a failed step left behind, holding space."""
    for path in paths:
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)
        else:
            path.unlink(missing_ok=True)
