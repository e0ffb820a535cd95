"""Small file-system helpers for publishing atomically: whole files or nothing."""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path


def fsync_dir(path: Path) -> None:
    """Make a rename in `path` durable (POSIX: the directory entry must reach the disk)."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic(path: Path, data: bytes) -> None:
    """Write to a temporary file beside `path`, fsync, rename over it: readers see the old
    content or the new, never a partial file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(tmp, "wb") as handle:
        handle.write(data)
        handle.flush()
        os.fsync(handle.fileno())
    os.replace(tmp, path)
    fsync_dir(path.parent)


def write_json_atomic(path: Path, value: object) -> None:
    text = json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False, default=str) + "\n"
    write_atomic(path, text.encode("utf-8"))


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def fsync_tree(path: Path) -> None:
    """fsync every file and directory under `path`, then `path` itself — except files
    with other links: in a staged release those are the previous release's files carried
    over as hard links, whose content was made durable when that release was published;
    the directories' fsync makes their new names durable. Fsyncing a file just linked
    commits the file system's journal once per file (2,076 files, 0.55-0.61 s, on a night
    of the 100,000-article bench: 0.09-0.10 s without them), a cost that grew with every
    partition of the archive."""
    for child in path.iterdir():
        if child.is_dir() and not child.is_symlink():
            fsync_tree(child)
        elif child.is_file() and child.stat().st_nlink == 1:
            with open(child, "rb") as handle:
                os.fsync(handle.fileno())
    fsync_dir(path)
