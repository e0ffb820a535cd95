"""One pipeline run at a time per data directory.

An exclusive `flock` on data/.run.lock: the kernel releases it when the holder dies, so a
killed run never leaves a lock behind. The lock is re-entrant within a process: the
command line takes it for the whole DAG run and each task takes it again (tasks run in
that same process under `dag.test()`, and in their own processes under a scheduler).
"""

from __future__ import annotations

import fcntl
import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

_held: dict[str, tuple[int, int]] = {}  # lock path → (fd, depth)


class RunLocked(RuntimeError):
    """Another run holds the lock for this data directory."""


def _holder(path: Path) -> str:
    try:
        return path.read_text().strip() or "unknown"
    except OSError:
        return "unknown"


@contextmanager
def run_lock(lock_file: Path, wait_seconds: float = 0.0) -> Iterator[None]:
    key = str(lock_file.resolve())
    if key in _held:
        fd, depth = _held[key]
        _held[key] = (fd, depth + 1)
        try:
            yield
        finally:
            fd, depth = _held[key]
            _held[key] = (fd, depth - 1)
        return
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock_file, os.O_RDWR | os.O_CREAT, 0o644)
    deadline = time.monotonic() + wait_seconds
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            break
        except BlockingIOError:
            if time.monotonic() >= deadline:
                os.close(fd)
                raise RunLocked(
                    f"another factcheck run is active on this data directory "
                    f"(lock {lock_file}, held by {_holder(lock_file)}); try again when it ends"
                ) from None
            time.sleep(0.5)
    os.ftruncate(fd, 0)
    os.write(fd, f"pid {os.getpid()} since {time.strftime('%Y-%m-%dT%H:%M:%S%z')}\n".encode())
    _held[key] = (fd, 1)
    try:
        yield
    finally:
        fd, depth = _held.pop(key)
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)
