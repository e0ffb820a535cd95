"""Run the dbt project (models, seeds and their tests) against the build database.

dbt runs in-process through its Python entry point, once per nightly run: one parse (kept
warm by partial parsing in data/build/), one connection, one writer on the DuckDB file.
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass, field

from factcheck.settings import DBT_PROJECT_DIR, Paths, disable_telemetry

log = logging.getLogger(__name__)


class DbtBuildFailed(RuntimeError):
    """dbt reported errors or failing tests; the message lists them."""


@dataclass
class NodeTiming:
    unique_id: str
    status: str
    seconds: float


@dataclass
class DbtOutcome:
    success: bool
    nodes: list[NodeTiming] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


def dbt_args(command: str, paths: Paths, *extra: str) -> list[str]:
    return [
        command,
        "--project-dir",
        str(DBT_PROJECT_DIR),
        "--profiles-dir",
        str(DBT_PROJECT_DIR),
        "--target-path",
        str(paths.dbt_target_dir),
        "--log-path",
        str(paths.dbt_log_dir),
        "--no-use-colors",
        *extra,
    ]


def run_dbt(command: str, paths: Paths, *extra: str) -> DbtOutcome:
    """Invoke dbt in this process. Raises DbtBuildFailed when anything fails."""
    disable_telemetry()
    os.environ["FACTCHECK_BUILD_DB"] = str(paths.build_db)
    paths.build_dir.mkdir(parents=True, exist_ok=True)
    from dbt.cli.main import dbtRunner  # heavy (~4 s): only when dbt actually runs

    try:
        result = dbtRunner().invoke(dbt_args(command, paths, *extra))
    finally:
        _release_duckdb()
    outcome = DbtOutcome(success=bool(result.success))
    for node in getattr(result.result, "results", None) or []:
        status = str(getattr(node.status, "value", node.status))
        outcome.nodes.append(NodeTiming(node.node.unique_id, status, float(node.execution_time)))
        if status in ("error", "fail", "runtime error"):
            outcome.failures.append(f"{node.node.unique_id}: {status}: {node.message}")
    if result.exception is not None:
        outcome.failures.append(f"dbt could not run: {result.exception}")
    if not outcome.success:
        shown = "\n  ".join(outcome.failures) or "see data/build/dbt_logs/dbt.log"
        raise DbtBuildFailed(f"dbt {command} failed:\n  {shown}")
    log.info("dbt %s: %d nodes ok", command, len(outcome.nodes))
    return outcome


def _release_duckdb() -> None:
    """Close the DuckDB database dbt-duckdb keeps open for the life of the process.

    Otherwise the build file stays locked by this process after dbt returns: the next task
    (under `dag.test()`, in this same process) could not open it read-only, and no other
    process could open it at all. dbt-duckdb's own `close_all_connections` only drops the
    reference, so the environment is closed explicitly first.
    """
    import gc

    from dbt.adapters.duckdb.connections import DuckDBConnectionManager

    with DuckDBConnectionManager._LOCK:
        environment = DuckDBConnectionManager._ENV
        if environment is not None:
            environment.close()
    DuckDBConnectionManager.close_all_connections()
    gc.collect()


def _articles_to_extract(paths: Paths, version: str) -> int:
    """About how many articles this build will extract (new, changed, or extracted by
    another extractor version) — an estimate to decide whether to start workers early."""
    import duckdb

    try:
        con = duckdb.connect(str(paths.build_db), read_only=True)
    except duckdb.Error:
        return 0
    try:
        done = con.execute(
            "select count(*) from information_schema.tables "
            "where table_schema = 'intermediate' and table_name = 'int_article_extractions'"
        ).fetchone()[0]
        if not done:
            return con.execute("select count(*) from raw.articles").fetchone()[0]
        return con.execute(
            "select count(*) from raw.articles a left join intermediate.int_article_extractions e "
            "on e.content_sha256 = a.content_sha256 and e.extractor_version = ? "
            "where e.article_id is null",
            [version],
        ).fetchone()[0]
    except duckdb.Error:
        return 0
    finally:
        con.close()


def build(paths: Paths) -> DbtOutcome:
    """Seeds, models and their data tests, in dependency order. Extraction is incremental:
    the extractor version tells dbt when every article must be extracted again.

    dbt's unit tests are left out: they test the SQL on fixed rows, not the night's data, so
    they run with the test suite (tests/test_dbt_unit_tests.py), not every night."""
    from factcheck.extract.parallel import shutdown, warm_up
    from factcheck.fingerprint import extractor_version, matcher_version

    version = extractor_version()
    variables = json.dumps({"extractor_version": version, "matcher_version": matcher_version()})
    warm_up(_articles_to_extract(paths, version))
    try:
        return run_dbt("build", paths, "--vars", variables, "--exclude-resource-type", "unit_test")
    finally:
        shutdown()  # the extraction worker processes, if a large batch started them
