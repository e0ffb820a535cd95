"""Reliability, with real processes: hostile input, kill -9 at any point, readers holding
the database open, concurrent runs, reruns. Nothing lost, nothing half-published.

One workspace of hostile inputs has its first night once; a test that runs more nights
does so on its own copy of it (`night`), so the tests pass in any order.
"""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from factcheck.fsutil import sha256_file

from .conftest import SEED_FILES, WIKINEWS

pytestmark = pytest.mark.e2e
FACTCHECK = str(Path(sys.executable).parent / "factcheck")
MAX_FILE_MB = "0.1"
READER = """
import duckdb, json, pathlib, sys, time
path, stop, out = sys.argv[1:4]
con = duckdb.connect(path, read_only=True)
first = con.execute("select version from release_info").fetchone()[0]
queries, errors = 0, []
pathlib.Path(out + ".ready").write_text("ready")
while not pathlib.Path(stop).exists():
    try:
        claims = con.execute("select count(*) from claims").fetchone()[0]
        status = con.execute("select count(*) from verification_status").fetchone()[0]
        version = con.execute("select version from release_info").fetchone()[0]
        if claims != status or version != first:
            errors.append(f"inconsistent: {claims} claims, {status} statuses, {version}")
        queries += 1
    except Exception as exc:
        errors.append(repr(exc))
    time.sleep(0.1)
json.dump({"queries": queries, "errors": errors, "version": first}, open(out, "w"))
"""


def plain_article(n: int) -> str:
    return (
        f"Council {n} approves budget\n\n"
        f"The council of district {n} approved a budget of {n} million euros on Monday, "
        f"Mayor Lena Fischer said.\n\n“We cut {n} percent of waste,” Fischer said.\n"
    )


@pytest.fixture(scope="module")
def ws(tmp_path_factory):
    root = tmp_path_factory.mktemp("reliability")
    raw, data = root / "raw", root / "data"
    articles = raw / "articles"
    (articles / "seeds").mkdir(parents=True)
    (raw / "verdicts").mkdir()
    for path in SEED_FILES:
        (articles / "seeds" / path.name).write_bytes(path.read_bytes())
    lines = WIKINEWS.read_text(encoding="utf-8").splitlines()[:8]
    (articles / "feed.jsonl").write_text(
        "\n".join([*lines, '{"title": "no body"}', "not json at all", json.dumps({"title": "x"})])
        + "\n"
    )
    # Hostile inputs, each of which must land in quarantine while the rest loads.
    (articles / "empty.txt").write_text("")
    (articles / "blank.txt").write_text(" \n\t\n")
    (articles / "binary.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00\x00\x00" * 50)
    (articles / "photo.jpg").write_bytes(b"\xff\xd8\xff\xe0 jpeg")
    (articles / "undecodable.txt").write_bytes(bytes(range(128, 256)) * 40)
    (articles / "paragraph-only.txt").write_text("word " * 120 + "without any headline line.")
    (articles / "huge.txt").write_text(plain_article(0) + ("filler words. " * 12000))
    outside = root / "secret.txt"
    outside.write_text(plain_article(99))
    (articles / "link.txt").symlink_to(outside)
    latin = (
        "Président Émile Dufour dénonce la réforme\n\nLe président a déclaré à la presse "
        "que la réforme coûterait 3 millions d'euros à l'économie française."
    )
    (articles / "latin1.txt").write_bytes(latin.encode("latin-1"))
    return root, raw, data


@pytest.fixture(scope="module")
def first_night(ws) -> subprocess.CompletedProcess:
    return run(ws)


@pytest.fixture
def night(ws, first_night, tmp_path):
    """A copy of the workspace after the first night, for a test that runs more nights."""
    root = tmp_path / "night"
    shutil.copytree(ws[0], root, symlinks=True)
    for marker in (root / "data" / "airflow").glob(".metadata-db-ready-*"):
        marker.unlink()  # it names the original's metadata database
    return root, root / "raw", root / "data"


def run(ws, *args: str, crash: str | None = None, wait: bool = True):
    _, raw, data = ws
    env = {k: v for k, v in os.environ.items() if not k.startswith("AIRFLOW")}
    env["FACTCHECK_MAX_FILE_MB"] = MAX_FILE_MB
    if crash:
        env["FACTCHECK_CRASH_AT"] = crash
    command = [FACTCHECK, "run", "--raw", str(raw), "--data", str(data), *args]
    if not wait:
        return subprocess.Popen(
            command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
        )
    return subprocess.run(command, env=env, capture_output=True, text=True, timeout=900)


def published_state(ws) -> dict:
    """Everything a reader of the published data can see."""
    data = ws[2]
    releases = data / "releases"
    return {
        "LATEST": (releases / "LATEST").read_bytes(),
        "index": (releases / "index.json").read_bytes(),
        "warehouse": sha256_file(data / "warehouse" / "factcheck.duckdb"),
        "visible": sorted(
            p.name for p in releases.iterdir() if p.is_dir() and not p.name.startswith(".")
        ),
    }


def assert_visible_releases_complete(ws) -> None:
    releases = ws[2] / "releases"
    for release in (p for p in releases.iterdir() if p.is_dir() and not p.name.startswith(".")):
        manifest = json.loads((release / "manifest.json").read_text())
        assert manifest["files"]
        for file in manifest["files"]:
            assert sha256_file(release / file["path"]) == file["sha256"], release.name


def warehouse_version(ws) -> str:
    con = duckdb.connect(str(ws[2] / "warehouse" / "factcheck.duckdb"), read_only=True)
    try:
        return con.execute("select version from release_info").fetchone()[0]
    finally:
        con.close()


def test_hostile_input_never_fails_the_night(ws, first_night):
    result = first_night
    assert result.returncode == 0, result.stdout + result.stderr
    assert "decoded as" in result.stdout  # the Latin-1 file, and the run says so
    con = duckdb.connect(str(ws[2] / "warehouse" / "factcheck.duckdb"), read_only=True)
    reasons = {
        (uri.split("/")[-1], line): reason
        for uri, line, reason in con.execute(
            "select source_uri, line, reason from quarantine"
        ).fetchall()
    }
    headlines = {r[0] for r in con.execute("select headline from articles").fetchall()}
    con.close()
    expected = {
        ("empty.txt", None): "empty file",
        ("blank.txt", None): "blank file",
        ("binary.txt", None): "binary content",
        ("photo.jpg", None): "unsupported file type (.jpg)",
        ("undecodable.txt", None): "cannot be determined with confidence",
        ("paragraph-only.txt", None): "no recognisable headline",
        ("huge.txt", None): "file too large",
        ("link.txt", None): "symbolic link",
        ("feed.jsonl", 9): "missing required field(s): body",
        ("feed.jsonl", 10): "not valid JSON",
        ("feed.jsonl", 11): "missing required field(s): body",
    }
    assert set(reasons) == set(expected)
    for key, words in expected.items():
        assert words in reasons[key], (key, reasons[key])
    assert "Président Émile Dufour dénonce la réforme" in headlines
    assert "Council 99 approves budget" not in headlines  # never followed the link outside
    manifest = json.loads(
        (ws[2] / "releases" / published_state(ws)["visible"][-1] / "manifest.json").read_text()
    )
    inputs = manifest["inputs"]
    assert inputs["records_seen"] == inputs["loaded"] + inputs["duplicates"] + inputs["quarantined"]
    assert inputs["quarantined"] == len(expected) and inputs["loaded"] == 2 + 8 + 1


CRASH_POINTS = [
    "ingest:before_commit",
    "dbt:extracting",
    "validate:staged",
    "publish:before_rename",
    "publish:renamed",
]


@pytest.mark.parametrize("point", CRASH_POINTS)
def test_killed_run_leaves_published_state_untouched(night, point):
    before = published_state(night)
    (night[1] / "articles" / f"new-{point.replace(':', '-')}.txt").write_text(
        plain_article(CRASH_POINTS.index(point) + 1)
    )
    result = run(night, crash=point)
    assert result.returncode == -9, result.stdout + result.stderr  # died by SIGKILL
    after = published_state(night)
    assert after["LATEST"] == before["LATEST"]
    assert after["index"] == before["index"]
    assert after["warehouse"] == before["warehouse"]
    assert warehouse_version(night) == before["LATEST"].decode().strip()
    if point == "publish:renamed":  # the one complete release not yet announced
        assert len(after["visible"]) == len(before["visible"]) + 1
    else:
        assert after["visible"] == before["visible"]
    assert_visible_releases_complete(night)


def test_killed_while_swapping_the_database_keeps_the_old_one_readable(night):
    before = published_state(night)
    result = run(night, "--force", crash="warehouse:built")
    assert result.returncode == -9
    assert published_state(night)["warehouse"] == before["warehouse"]
    assert warehouse_version(night)  # still opens, still whole
    assert list((night[2] / "warehouse").glob(".*.tmp"))  # the half-built file, never visible


def leave_what_killed_runs_leave(night) -> str:
    """The leftovers the tests above show killed runs leave: a staging directory, a
    half-built database file, and a complete release that never reached index.json and
    LATEST (killed between its rename and the pointer updates)."""
    data = night[2]
    releases = data / "releases"
    latest = (releases / "LATEST").read_text().strip()
    unannounced = releases / f"{latest}-2"
    shutil.copytree(releases / latest, unannounced)
    manifest = json.loads((unannounced / "manifest.json").read_text())
    (unannounced / "manifest.json").write_text(json.dumps(manifest | {"version": unannounced.name}))
    (releases / ".staging-killed").mkdir()
    (releases / ".staging-killed" / "claims.parquet").write_bytes(b"half a file")
    (data / "warehouse" / ".factcheck.duckdb.4242.tmp").write_bytes(b"half a database")
    return unannounced.name


def test_next_run_recovers_while_a_reader_holds_the_database_and_a_second_run_is_refused(night):
    unannounced = leave_what_killed_runs_leave(night)
    (night[1] / "articles" / "new-after-the-crashes.txt").write_text(plain_article(42))
    data = night[2]
    stop, out = night[0] / "reader.stop", night[0] / "reader.json"
    reader = subprocess.Popen(
        [
            sys.executable,
            "-c",
            READER,
            str(data / "warehouse" / "factcheck.duckdb"),
            str(stop),
            str(out),
        ]
    )
    for _ in range(100):
        if Path(f"{out}.ready").exists():
            break
        time.sleep(0.1)
    first = run(night, wait=False)
    lock = data / ".run.lock"
    for _ in range(300):  # until the first run holds the lock
        if lock.exists() and f"pid {first.pid}" in lock.read_text():
            break
        time.sleep(0.1)
    second = run(night)
    assert second.returncode == 4, second.stdout + second.stderr
    assert "another factcheck run is active" in second.stderr
    stdout, stderr = first.communicate(timeout=900)
    assert first.returncode == 0, stdout + stderr
    stop.write_text("stop")
    reader.wait(timeout=60)
    seen = json.loads(out.read_text())
    assert seen["errors"] == [] and seen["queries"] > 10

    state = published_state(night)
    releases = data / "releases"
    assert not [p for p in releases.iterdir() if p.name.startswith(".")]
    assert not list((data / "warehouse").glob(".*"))
    index = json.loads(state["index"])
    assert [r["version"] for r in index["releases"]] == state["visible"]  # adopted, in order
    assert unannounced in state["visible"]
    assert state["LATEST"].decode().strip() == state["visible"][-1] == index["latest"]
    assert warehouse_version(night) == state["visible"][-1]
    con = duckdb.connect(str(data / "warehouse" / "factcheck.duckdb"), read_only=True)
    new = con.execute("select count(*) from articles where headline like 'Council %'").fetchone()
    con.close()
    assert new[0] == 1  # the article added before the crashes is there now


def test_rerun_with_nothing_new_changes_nothing(night):
    before = published_state(night)
    result = run(night)
    assert result.returncode == 0 and "nothing changed" in result.stdout
    assert published_state(night) == before


def test_rebuild_of_the_same_input_is_byte_identical(night):
    releases = night[2] / "releases"
    previous = json.loads(
        (releases / published_state(night)["visible"][-1] / "manifest.json").read_text()
    )
    result = run(night, "--force")
    assert result.returncode == 0, result.stdout + result.stderr
    latest = json.loads(
        (releases / published_state(night)["visible"][-1] / "manifest.json").read_text()
    )
    assert latest["version"] != previous["version"]
    checksums = {f["path"]: f["sha256"] for f in latest["files"]}
    assert checksums == {f["path"]: f["sha256"] for f in previous["files"]}
    # --force writes every file again (nothing carried over): the bytes are equal because
    # the build is deterministic, not because they are the same file.
    rebuilt = releases / latest["version"]
    assert all((rebuilt / path).stat().st_nlink == 1 for path in checksums)


def test_cli_refuses_while_a_scheduler_run_is_in_progress(night):
    metadata = sqlite3.connect(night[2] / "airflow" / "airflow.db")
    [run_id] = metadata.execute("select run_id from dag_run order by id desc limit 1").fetchone()
    metadata.execute(
        "update dag_run set state = 'running', conf = ? where run_id = ?", ["{}", run_id]
    )
    metadata.commit()
    metadata.close()
    result = run(night)
    assert result.returncode == 4
    assert f"Airflow has a factcheck_nightly run in progress ({run_id}" in result.stderr


def test_read_commands_cannot_write_or_inject(ws, first_night):
    _, raw, data = ws
    base = [FACTCHECK, "--raw", str(raw), "--data", str(data)]
    for statement in (
        "insert into claims select * from claims",
        "drop table actors",
        "attach 'x.duckdb' as x",
        "copy claims to 'out.csv'",
        "select * from read_csv('/etc/passwd')",
        "set enable_external_access = true",
    ):
        result = subprocess.run(
            [*base, "sql", statement], capture_output=True, text=True, cwd=ws[0]
        )
        assert result.returncode != 0, statement
    assert not (ws[0] / "out.csv").exists() and not (ws[0] / "x.duckdb").exists()
    tricky = subprocess.run(
        [*base, "claims", "--search", "x'; drop table claims; --", "--format", "json"],
        capture_output=True,
        text=True,
    )
    assert tricky.returncode == 0 and json.loads(tricky.stdout) == []
    assert warehouse_version(ws)
