"""Run the nightly DAG once, through Airflow itself, from the command line.

`factcheck run` uses the very DAG object the scheduler runs (loaded from dags/ by
Airflow's DagBag) and executes it with `dag.test()`: real task instances, XComs, retries
and Assets, recorded in Airflow's metadata database. Unless AIRFLOW_HOME is set, Airflow's
home and its SQLite database live under the data directory, so a fresh clone needs no setup.
"""

from __future__ import annotations

import contextlib
import io
import json
import logging
import os
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from factcheck.heap import collect_less_often, keep_for_life
from factcheck.settings import DAGS_DIR, Paths, disable_telemetry

DAG_ID = "factcheck_nightly"
DAG_FILE = DAGS_DIR / "factcheck_nightly.py"


@dataclass
class RunOutcome:
    state: str  # success | failed | skipped (nothing changed)
    run_id: str
    summary: dict
    message: str


def configure_airflow(paths: Paths, verbose: bool = False) -> None:
    """Environment for an embedded Airflow: set before airflow is first imported."""
    disable_telemetry()
    paths.export_to_env()
    home = os.environ.setdefault("AIRFLOW_HOME", str(paths.airflow_home))
    os.makedirs(home, exist_ok=True)
    os.environ.setdefault("AIRFLOW__CORE__DAGS_FOLDER", str(DAGS_DIR))
    os.environ.setdefault("AIRFLOW__CORE__LOAD_EXAMPLES", "False")
    os.environ.setdefault("AIRFLOW__CORE__UNIT_TEST_MODE", "False")
    os.environ.setdefault("AIRFLOW__LOGGING__LOGGING_LEVEL", "INFO" if verbose else "WARNING")
    if not verbose:
        # dbt's per-model lines still go to data/build/dbt_logs/dbt.log.
        os.environ.setdefault("DBT_QUIET", "True")
    os.environ.setdefault(
        "AIRFLOW__DATABASE__SQL_ALCHEMY_CONN", f"sqlite:///{os.path.join(home, 'airflow.db')}"
    )


def _init_metadata_db(home: Path) -> None:
    """Create or upgrade Airflow's metadata database — once per database and Airflow version:
    checking an up-to-date database costs seconds on every run, so a marker records it."""
    from importlib.metadata import version

    conn = os.environ["AIRFLOW__DATABASE__SQL_ALCHEMY_CONN"]
    marker = home / f".metadata-db-ready-{version('apache-airflow')}"
    sqlite_file = Path(conn.removeprefix("sqlite:///")) if conn.startswith("sqlite:///") else None
    done = marker.is_file() and marker.read_text() == conn
    if done and (sqlite_file is None or sqlite_file.is_file()):
        return  # before importing airflow.utils.db: that import alone takes seconds
    from airflow.utils import db

    with contextlib.redirect_stdout(io.StringIO()):
        db.initdb()  # creates the schema the first time, upgrades it otherwise
    marker.write_text(conn)


def load_dag():
    from airflow.dag_processing.dagbag import DagBag

    bag = DagBag(dag_folder=str(DAG_FILE))
    if bag.import_errors:
        errors = "\n".join(f"{k}: {v}" for k, v in bag.import_errors.items())
        raise RuntimeError(f"the DAG file does not import:\n{errors}")
    return bag.get_dag(DAG_ID)


class ActiveRun(RuntimeError):
    """Airflow has a run of this DAG in progress (e.g. under the scheduler)."""


def claim_dag() -> None:
    """Refuse to start while Airflow has a run of the DAG in progress.

    The caller holds the data directory's run lock, and every run started by this command
    holds it from start to end; so a run marked running that this command started (its conf
    names the CLI) is a leftover of a killed process: it is marked failed. Any other running
    run belongs to a scheduler between two tasks: refuse rather than interleave with it.
    """
    from airflow.models.dagrun import DagRun
    from airflow.utils.session import create_session
    from airflow.utils.state import DagRunState
    from sqlalchemy import select

    with create_session() as session:
        running = session.scalars(
            select(DagRun).where(DagRun.dag_id == DAG_ID, DagRun.state == DagRunState.RUNNING)
        ).all()
        for dag_run in running:
            if (dag_run.conf or {}).get("started_by") == CLI_MARK:
                dag_run.state = DagRunState.FAILED
                logging.getLogger(__name__).warning(
                    "run %s was left running by a process that died: marked failed",
                    dag_run.run_id,
                )
            else:
                raise ActiveRun(
                    f"Airflow has a {DAG_ID} run in progress ({dag_run.run_id}, "
                    f"{dag_run.run_type}); let it finish before running from the command line"
                )


CLI_MARK = "factcheck-cli"


def run_once(paths: Paths, verbose: bool = False, force: bool = False) -> RunOutcome:
    """Run the DAG once and report what happened (reads the pipeline's run summary)."""
    collect_less_often()
    configure_airflow(paths, verbose)
    if not verbose:
        logging.getLogger("airflow").setLevel(logging.WARNING)
    _init_metadata_db(Path(os.environ["AIRFLOW_HOME"]))
    claim_dag()
    dag = load_dag()
    keep_for_life()  # Airflow's modules and the DAG: walked by every full collection otherwise
    logical_date = datetime.now(UTC)
    dag_run = dag.test(
        logical_date=logical_date,
        run_conf={"started_by": CLI_MARK, "pid": os.getpid(), "force": force},
    )
    from factcheck.pipeline import summary_file

    run_id = dag_run.run_id
    path = summary_file(paths, run_id)
    summary = json.loads(path.read_text()) if path.is_file() else {"run_id": run_id}
    state = str(getattr(dag_run.state, "value", dag_run.state))
    task_states = {
        ti.task_id: str(getattr(ti.state, "value", ti.state)) for ti in dag_run.get_task_instances()
    }
    summary["tasks"] = task_states
    if state == "success" and task_states.get("dbt_build") == "skipped":
        return RunOutcome("skipped", run_id, summary, summary.get("outcome", "nothing changed"))
    if state == "success":
        return RunOutcome("success", run_id, summary, summary.get("outcome", "published"))
    failed = [t for t, s in task_states.items() if s in ("failed", "upstream_failed")]
    errors = [v["error"] for v in summary.values() if isinstance(v, dict) and v.get("error")]
    message = errors[0] if errors else None
    return RunOutcome(
        "failed",
        run_id,
        summary,
        message or f"the run failed in task(s): {', '.join(failed) or 'unknown'}",
    )
