"""The garbage collector spares what a run keeps until its end (factcheck.heap): the
imports, dbt's modules, the interpreter's exit; and releasing dbt's database needs no
collection."""

from __future__ import annotations

import gc
import subprocess
import sys
from types import SimpleNamespace

import duckdb
import pytest


@pytest.fixture
def unfrozen():
    """Each test starts with nothing frozen and leaves nothing frozen, and the collector's
    thresholds as they were."""
    thresholds = gc.get_threshold()
    gc.unfreeze()
    yield
    gc.unfreeze()
    gc.set_threshold(*thresholds)


def test_a_command_freezes_the_heap_before_the_interpreter_tears_it_down(tmp_path):
    # atexit runs its handlers last-registered first: this one runs after main()'s.
    script = (
        "import atexit, gc\n"
        "atexit.register(lambda: print('frozen at exit:', gc.get_freeze_count()))\n"
        "from factcheck.cli import main\n"
        f"main(['releases', '--data', {str(tmp_path)!r}])\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    last = done.stdout.strip().splitlines()[-1]
    assert last.startswith("frozen at exit:"), done.stdout + done.stderr
    assert int(last.split(":")[1]) > 0


def test_dbt_runs_with_its_modules_frozen(tmp_path, monkeypatch, unfrozen):
    import dbt.cli.main

    from factcheck import transform
    from factcheck.settings import Paths

    seen = []

    class Runner:
        def invoke(self, args):
            seen.append(gc.get_freeze_count())
            return SimpleNamespace(success=True, result=None, exception=None)

    monkeypatch.setattr(dbt.cli.main, "dbtRunner", Runner)
    monkeypatch.setattr(transform, "_release_duckdb", lambda: None)
    transform.run_dbt("build", Paths(raw=tmp_path / "raw", data=tmp_path / "data"))
    assert seen and seen[0] > 0


def test_a_run_freezes_airflow_and_collects_less_often_in_its_tasks(
    tmp_path, monkeypatch, unfrozen
):
    from factcheck import airflow_run
    from factcheck.heap import YOUNG_THRESHOLD
    from factcheck.settings import Paths

    seen = []
    gc.set_threshold(700, 10, 10)

    class Dag:
        def test(self, **kwargs):
            seen.append((gc.get_freeze_count(), gc.get_threshold()))
            return SimpleNamespace(run_id="r1", state="success", get_task_instances=lambda: [])

    monkeypatch.setenv("AIRFLOW_HOME", str(tmp_path / "airflow"))
    monkeypatch.setattr(airflow_run, "configure_airflow", lambda *args, **kwargs: None)
    monkeypatch.setattr(airflow_run, "_init_metadata_db", lambda home: None)
    monkeypatch.setattr(airflow_run, "claim_dag", lambda: None)
    monkeypatch.setattr(airflow_run, "load_dag", Dag)
    outcome = airflow_run.run_once(Paths(raw=tmp_path / "raw", data=tmp_path / "data"))
    assert outcome.state == "success"
    frozen, thresholds = seen[0]
    assert frozen > 0
    assert thresholds == (YOUNG_THRESHOLD, 10, 10)


def test_releasing_dbts_database_needs_no_collection(tmp_path, monkeypatch):
    """dbt's cursors may still be referenced (here: from a cycle) when the environment is
    closed: closing its connection releases the file all the same."""
    from dbt.adapters.duckdb.connections import DuckDBConnectionManager

    from factcheck.transform import _release_duckdb

    path = str(tmp_path / "build.duckdb")
    con = duckdb.connect(path)
    cursor = con.cursor()
    cursor.execute("create table t as select 1 as a")
    kept = [cursor]
    kept.append(kept)  # a cycle only a collection would free

    class Environment:
        def close(self):
            con.close()

    collections = []
    monkeypatch.setattr(gc, "collect", lambda *args: collections.append(args) or 0)
    monkeypatch.setattr(DuckDBConnectionManager, "_ENV", Environment())
    _release_duckdb()
    reader = duckdb.connect(path, read_only=True)  # a different configuration: refused if open
    try:
        assert reader.execute("select a from t").fetchall() == [(1,)]
    finally:
        reader.close()
    assert collections == []
