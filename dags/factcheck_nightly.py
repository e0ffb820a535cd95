"""
### factcheck_nightly

Turns the raw news articles under `raw/` into the fact-check dataset, every night at
02:00 UTC:

1. **ingest** — load new and changed articles, the verdict log and the fact-checks published
   elsewhere (raw/factchecks/) into the build database;
2. **dbt_build** — staging → intermediate → marts (claims and their groups, actors,
   verification status, links to prior fact-checks),
   with every model's data tests;
3. **validate** — Great Expectations on the candidate release's Parquet files: the gate;
4. **publish_release** — rename the validated release into place, update LATEST and index;
5. **publish_database** — swap in the fact-checkers' DuckDB built from that release.

When nothing changed since the latest release, the tasks after ingest are skipped
(trigger with conf {"force": true} to rebuild and publish anyway).
The work lives in `factcheck.pipeline`; this file only wires it to Airflow. It imports
nothing heavy at parse time.
"""

from __future__ import annotations

from contextlib import contextmanager
from datetime import timedelta

import pendulum
from airflow.sdk import Asset, dag, get_current_context, task

from factcheck.settings import Paths, disable_telemetry

disable_telemetry()  # for tasks started by any scheduler, whatever its environment

# Logical assets: stable names, whatever directories a deployment uses (FACTCHECK_RAW_DIR,
# FACTCHECK_DATA_DIR). Downstream DAGs can schedule on the release or the database.
RAW_ARTICLES = Asset(name="factcheck_raw_articles", uri="factcheck://raw/articles")
RELEASE = Asset(name="factcheck_release", uri="factcheck://releases/latest")
WAREHOUSE = Asset(name="factcheck_warehouse", uri="factcheck://warehouse/factcheck.duckdb")

DEFAULT_ARGS = {
    "owner": "factcheck",
    "retries": 2,
    "retry_delay": timedelta(minutes=2),
    "retry_exponential_backoff": True,
    "max_retry_delay": timedelta(minutes=20),
}


def _run_id() -> str:
    return get_current_context()["run_id"]


@contextmanager
def _no_retry_on_full_disk():
    """A full disk is not fixed by retrying in two minutes: fail the task with its one line."""
    from airflow.sdk.exceptions import AirflowFailException

    from factcheck.diskspace import DiskSpaceShort

    try:
        yield
    except DiskSpaceShort as exc:
        raise AirflowFailException(str(exc)) from exc


@dag(
    dag_id="factcheck_nightly",
    schedule="0 2 * * *",
    start_date=pendulum.datetime(2026, 1, 1, tz="UTC"),
    catchup=False,
    max_active_runs=1,
    default_args=DEFAULT_ARGS,
    tags=["factcheck"],
    doc_md=__doc__,
)
def factcheck_nightly():
    @task(inlets=[RAW_ARTICLES])
    def ingest() -> dict:
        from factcheck import pipeline

        conf = get_current_context()["dag_run"].conf or {}
        with _no_retry_on_full_disk():
            return pipeline.ingest(Paths.resolve(), _run_id(), force=bool(conf.get("force")))

    @task
    def dbt_build(ingested: dict) -> dict:
        from airflow.sdk.exceptions import AirflowSkipException

        from factcheck import pipeline

        try:
            with _no_retry_on_full_disk():
                return pipeline.transform(Paths.resolve(), _run_id(), ingested)
        except pipeline.NothingChanged as exc:
            raise AirflowSkipException(str(exc)) from exc

    @task(retries=0)
    def validate(built: dict) -> dict:
        from airflow.sdk.exceptions import AirflowFailException

        from factcheck import pipeline
        from factcheck.validate import QualityGateFailed

        try:
            with _no_retry_on_full_disk():
                return pipeline.validate(
                    Paths.resolve(),
                    _run_id(),
                    tonight=built["bytes_read"],
                    rewrite_all=bool(built.get("forced")),
                )
        except QualityGateFailed as exc:  # a data problem: retrying cannot fix it
            raise AirflowFailException(str(exc)) from exc

    @task(outlets=[RELEASE])
    def publish_release(ingested: dict, validation: dict) -> str:
        from factcheck import pipeline

        with _no_retry_on_full_disk():
            return pipeline.publish_release(Paths.resolve(), _run_id(), ingested, validation)

    @task(outlets=[WAREHOUSE])
    def publish_database(version: str) -> str:
        from factcheck import pipeline

        conf = get_current_context()["dag_run"].conf or {}
        with _no_retry_on_full_disk():
            return pipeline.publish_warehouse(
                Paths.resolve(), _run_id(), version, rebuild=bool(conf.get("force"))
            )

    ingested = ingest()
    validation = validate(dbt_build(ingested))
    publish_database(publish_release(ingested, validation))


factcheck_nightly()
