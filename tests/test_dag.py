"""DAG integrity: it imports cleanly, is scheduled as documented, and parses cheaply."""

from __future__ import annotations

import itertools
import json
import subprocess
import sys
from datetime import timedelta

import pytest

from factcheck.settings import DAGS_DIR

DAG_FILE = DAGS_DIR / "factcheck_nightly.py"


@pytest.fixture(scope="module")
def dag(tmp_path_factory, monkeypatch_module):
    home = tmp_path_factory.mktemp("airflow_home")
    monkeypatch_module.setenv("AIRFLOW_HOME", str(home))
    monkeypatch_module.setenv("AIRFLOW__CORE__LOAD_EXAMPLES", "False")
    from airflow.dag_processing.dagbag import DagBag

    bag = DagBag(dag_folder=str(DAG_FILE))
    assert bag.import_errors == {}
    return bag.dags["factcheck_nightly"]


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def test_schedule_and_run_policy(dag):
    assert dag.schedule == "0 2 * * *"
    assert dag.timetable.expression == "0 2 * * *"
    assert str(dag.timetable.timezone) == "UTC"
    assert dag.catchup is False
    assert dag.max_active_runs == 1


def test_tasks_in_order(dag):
    order = ["ingest", "dbt_build", "validate", "publish_release", "publish_database"]
    assert sorted(dag.task_ids) == sorted(order)
    for upstream, downstream in itertools.pairwise(order):
        assert downstream in dag.get_task(upstream).downstream_task_ids


def test_retries_with_backoff_except_the_gate(dag):
    for task in dag.tasks:
        if task.task_id == "validate":
            assert task.retries == 0  # a failed quality gate is not transient
        else:
            assert task.retries >= 1
            assert task.retry_exponential_backoff
            assert task.retry_delay >= timedelta(minutes=1)


def test_assets(dag):
    inlets = {a.name for a in dag.get_task("ingest").inlets}
    assert "factcheck_raw_articles" in inlets
    assert "factcheck_release" in {a.name for a in dag.get_task("publish_release").outlets}
    assert "factcheck_warehouse" in {a.name for a in dag.get_task("publish_database").outlets}


def test_parsing_imports_nothing_heavy():
    """The scheduler parses the file every few seconds: dbt, GX, pandas, DuckDB stay out."""
    probe = (
        "import json, runpy, sys;"
        f"runpy.run_path({str(DAG_FILE)!r});"
        "heavy = ['dbt', 'great_expectations', 'pandas', 'duckdb', 'pyarrow'];"
        "print(json.dumps([m for m in heavy if m in sys.modules]))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True
    )
    assert json.loads(result.stdout.strip().splitlines()[-1]) == []
