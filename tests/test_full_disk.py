"""A full disk: the night ends in one line naming the directory and the shortfall, the
published release and database stay intact, nothing is left holding the space, and the
next run goes through once space is freed. Run on a 40 MB tmpfs (skipped, with the reason,
where this machine does not allow mounting one)."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from factcheck.bench.corpus import write_corpus

from .conftest import SEED_FILES
from .test_reliability import published_state, run

pytestmark = pytest.mark.e2e


@pytest.fixture
def small_disk(tmp_path: Path):
    mount_point = tmp_path / "disk"
    mount_point.mkdir()
    if shutil.which("mount") is None:
        pytest.skip("no mount command: cannot make a small file system here")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=40m", "tmpfs", str(mount_point)],
        capture_output=True,
        text=True,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a 40 MB tmpfs here: {mounted.stderr.strip()}")
    try:
        yield mount_point
    finally:
        subprocess.run(["umount", "-l", str(mount_point)], check=False)


def test_full_disk_fails_in_one_line_and_the_next_run_recovers(tmp_path, small_disk):
    raw, data = tmp_path / "raw", small_disk / "data"
    (raw / "articles" / "seeds").mkdir(parents=True)
    (raw / "verdicts").mkdir()
    for path in SEED_FILES:
        (raw / "articles" / "seeds" / path.name).write_bytes(path.read_bytes())
    ws = (tmp_path, raw, data)
    first = run(ws)
    assert first.returncode == 0, first.stdout + first.stderr
    before = published_state(ws)

    write_corpus(raw, 12000)  # ~18 MB of new articles: more than this disk can take in
    result = run(ws)
    assert result.returncode == 1, result.stdout + result.stderr
    last = result.stderr.strip().splitlines()[-1]
    assert last.startswith("factcheck: not enough free space in ")
    assert str(data / "build") in last and "short by" in last
    assert "Traceback" not in result.stderr.splitlines()[-1]
    assert published_state(ws) == before
    leftovers = [p for p in data.rglob("*") if p.name.endswith((".wal", ".tmp"))]
    assert leftovers == [] and not list((data / "releases").glob(".staging-*"))

    shutil.rmtree(raw / "articles" / "bench")  # free the space the night asked for
    again = run(ws)
    assert again.returncode == 0, again.stdout + again.stderr
    assert published_state(ws) == before  # the same inputs: nothing new to publish
