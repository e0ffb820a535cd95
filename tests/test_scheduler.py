"""The operators' path, as the README gives it: `make airflow` starts Airflow's scheduler,
DAG processor and API server on a fresh clone, and the DAG runs under them and publishes.

The command is read from the README's "Under a real scheduler" block and run with the
venv *off* PATH (as a new user's shell has it), on a temporary raw/data directory and a
free loopback port (and free ports for the log servers). The test unpauses and triggers
the DAG through the REST API, as the UI does, waits for the run and the release, then
stops every process it started.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from factcheck.scheduler import standalone_environment
from factcheck.settings import Paths

from .conftest import REPO, SEED_FILES

DAG_ID = "factcheck_nightly"
STARTUP_SECONDS = 300
RUN_SECONDS = 600


def readme_command() -> list[str]:
    """The command of the README's scheduler block (its comment stripped)."""
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    section = readme.split("### Under a real scheduler", 1)[1].split("\n### ", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)```", section, re.S)
    commands = [line.split("#", 1)[0].strip() for block in blocks for line in block.splitlines()]
    [command] = [c for c in commands if c.startswith("make ")]
    return shlex.split(command)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def request(url: str, method: str = "GET", body: dict | None = None, token: str | None = None):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    data = json.dumps(body).encode() if body is not None else None
    with urllib.request.urlopen(
        urllib.request.Request(url, data=data, method=method, headers=headers), timeout=30
    ) as response:
        return json.loads(response.read() or b"null")


def wait_for(what: str, check, seconds: float, process: subprocess.Popen, log: Path):
    """Poll check() until it returns a truthy value; fail with the log if time runs out
    or the command exits."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"the command exited ({process.returncode}) before {what}:\n{tail(log)}")
        try:
            value = check()
        except (urllib.error.URLError, OSError, KeyError, ValueError):
            value = None
        if value:
            return value
        time.sleep(2)
    pytest.fail(f"no {what} within {seconds} s:\n{tail(log)}")


def tail(log: Path, lines: int = 60) -> str:
    return "\n".join(log.read_text(errors="replace").splitlines()[-lines:])


def stop(process: subprocess.Popen) -> None:
    """Stop the command and everything it started (one process group)."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        with contextlib.suppress(subprocess.TimeoutExpired):
            process.wait(timeout=60)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)  # any component left behind
    process.wait(timeout=30)


def test_standalone_finds_airflow_and_keeps_what_the_operator_set(tmp_path, monkeypatch):
    monkeypatch.setattr(os, "environ", {"PATH": "/usr/bin", "AIRFLOW__API__HOST": "0.0.0.0"})
    env = standalone_environment(Paths(tmp_path / "raw", tmp_path / "data"), port=9999)
    assert env["PATH"].split(os.pathsep)[0] == str(Path(sys.executable).parent)
    assert (Path(env["PATH"].split(os.pathsep)[0]) / "airflow").is_file()
    assert env["AIRFLOW__API__HOST"] == "0.0.0.0"  # the operator's choice stands
    assert env["AIRFLOW__API__PORT"] == "9999"
    assert env["AIRFLOW__API__BASE_URL"] == "http://127.0.0.1:9999"  # where tasks find the API
    assert env["AIRFLOW_HOME"] == str(tmp_path / "data" / "airflow")
    assert env["FACTCHECK_RAW_DIR"] == str(tmp_path / "raw")
    assert env["AIRFLOW__CORE__LOAD_EXAMPLES"] == "False" and env["DO_NOT_TRACK"] == "1"


@pytest.mark.e2e
def test_make_airflow_runs_the_dag_under_the_scheduler(tmp_path):
    raw, data = tmp_path / "raw", tmp_path / "data"
    (raw / "articles").mkdir(parents=True)
    for path in SEED_FILES:
        shutil.copy(path, raw / "articles" / path.name)
    port = free_port()
    venv_bin = str(Path(sys.executable).parent)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AIRFLOW", "FACTCHECK_"))}
    env["PATH"] = os.pathsep.join(p for p in env["PATH"].split(os.pathsep) if p != venv_bin)
    # The scheduler's and triggerer's log servers listen too: free ports, not 8793/8794.
    env["AIRFLOW__LOGGING__WORKER_LOG_SERVER_PORT"] = str(free_port())
    env["AIRFLOW__LOGGING__TRIGGER_LOG_SERVER_PORT"] = str(free_port())
    command = [*readme_command(), f"RAW={raw}", f"DATA={data}", f"PORT={port}"]
    assert command[:2] == ["make", "airflow"]
    log = tmp_path / "airflow.log"
    base = f"http://127.0.0.1:{port}"
    with log.open("w") as out:
        process = subprocess.Popen(
            command,
            cwd=REPO,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        wait_for(
            "API server",
            lambda: request(f"{base}/api/v2/monitor/health")["metadatabase"]["status"] == "healthy",
            STARTUP_SECONDS,
            process,
            log,
        )
        passwords = data / "airflow" / "simple_auth_manager_passwords.json.generated"
        password = wait_for(
            "generated password",
            lambda: json.loads(passwords.read_text())["admin"],
            60,
            process,
            log,
        )
        token = request(f"{base}/auth/token", "POST", {"username": "admin", "password": password})[
            "access_token"
        ]
        dag_url = f"{base}/api/v2/dags/{DAG_ID}"
        wait_for("parsed DAG", lambda: request(dag_url, token=token), STARTUP_SECONDS, process, log)
        assert request(dag_url, "PATCH", {"is_paused": False}, token)["is_paused"] is False
        run = request(f"{dag_url}/dagRuns", "POST", {"logical_date": None}, token)
        run_url = f"{dag_url}/dagRuns/{run['dag_run_id']}"
        state = wait_for(
            "finished run",
            lambda: (s := request(run_url, token=token)["state"]) in ("success", "failed") and s,
            RUN_SECONDS,
            process,
            log,
        )
        assert state == "success", tail(log)
        releases = data / "releases"
        version = (releases / "LATEST").read_text().strip()
        manifest = json.loads((releases / version / "manifest.json").read_text())
        assert manifest["tables"]["articles"]["rows"] == len(SEED_FILES)
        assert manifest["validation"]["success"] is True
        assert (data / "warehouse" / "factcheck.duckdb").is_file()
    finally:
        stop(process)
    # Nothing listens any more (a killed process in a disk wait closes its socket when the
    # wait ends: give it a few seconds on a loaded machine).
    deadline = time.monotonic() + 30
    while listening(port) and time.monotonic() < deadline:
        time.sleep(1)
    assert not listening(port)


def listening(port: int) -> bool:
    with socket.socket() as sock:
        return sock.connect_ex(("127.0.0.1", port)) == 0
