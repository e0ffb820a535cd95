"""Run the dbt project (models, seeds and their tests) against the build database.

dbt runs in-process through its Python entry point, once per nightly run: one parse (kept
warm by partial parsing in data/build/), one connection, one writer on the DuckDB file.

The marts are merged incrementally (macros/incremental_marts.sql): each build is numbered,
and a build takes everything that changed since the last build that *completed*, recorded
in data/build/build_state.json only after dbt succeeded — so a failed or killed build is
simply redone by the next one. When the code that shapes the data changed since that
build, the marts are rebuilt whole (`--full-refresh`).
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING

from factcheck.contract import GATE_CHECKED_TESTS
from factcheck.settings import (
    DBT_PROJECT_DIR,
    MEMORY_LIMIT_ENV,
    Paths,
    disable_telemetry,
    memory_limit,
)

if TYPE_CHECKING:
    import duckdb

log = logging.getLogger(__name__)


class DbtBuildFailed(RuntimeError):
    """dbt reported errors or failing tests; the message lists them."""


@dataclass(frozen=True)
class BuildState:
    """The last build that completed: its number and the code version that made it."""

    number: int = -1
    code_version: str = ""

    @classmethod
    def read(cls, paths: Paths) -> BuildState:
        """The recorded state, or none (-1) when there is no build database to merge into."""
        path = paths.build_dir / STATE_FILE
        if not (path.is_file() and paths.build_db.is_file()):
            return cls()
        try:
            return cls(**json.loads(path.read_text()))
        except (ValueError, TypeError):
            log.warning("%s is unreadable: the marts are rebuilt whole", path)
            return cls()

    def write(self, paths: Paths) -> None:
        from factcheck.fsutil import write_json_atomic

        write_json_atomic(paths.build_dir / STATE_FILE, asdict(self))


STATE_FILE = "build_state.json"


@dataclass(frozen=True)
class BuildRef:
    """A build of one build database, as a release's manifest names it (`build`): the
    lineage drawn when the database was made (build.lineage) and the build's number. Build
    numbers start again in a new database, so they are compared only within one lineage."""

    lineage: str | None
    number: int

    @classmethod
    def of_manifest(cls, manifest: dict | None) -> BuildRef | None:
        """The build a release was staged from, or None for a release that names none."""
        build = (manifest or {}).get("build")
        if isinstance(build, dict) and {"lineage", "number"} <= build.keys():
            return cls(build["lineage"], build["number"])
        return None


OUT_OF_MEMORY = "Out of Memory Error"  # DuckDB's, in the message of a model that failed


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


def run_dbt(command: str, paths: Paths, *extra: str, tonight: int | None = None) -> DbtOutcome:
    """Invoke dbt in this process. Raises DbtBuildFailed when anything fails. `tonight`:
    the bytes of input of the night an incremental build merges, which set DuckDB's
    memory limit (settings.memory_limit; None: the archive's; the plugin
    factcheck.dbt_memory applies it to every connection dbt-duckdb opens)."""
    disable_telemetry()
    os.environ["FACTCHECK_BUILD_DB"] = str(paths.build_db)
    os.environ[MEMORY_LIMIT_ENV] = memory_limit(tonight)
    paths.build_dir.mkdir(parents=True, exist_ok=True)
    from dbt.cli.main import dbtRunner  # heavy (~4 s): only when dbt actually runs

    from factcheck.heap import keep_for_life

    keep_for_life()  # dbt's modules and what earlier tasks keep: not walked during the build
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
    reference, so the environment is closed explicitly first. Closing its connection
    closes every cursor dbt took from it, which releases the file even while dbt's objects
    still refer to them: no garbage collection is needed (a full one walked dbt's heap,
    about 0.5 s a night).
    """
    from dbt.adapters.duckdb.connections import DuckDBConnectionManager

    with DuckDBConnectionManager._LOCK:
        environment = DuckDBConnectionManager._ENV
        if environment is not None:
            environment.close()
    DuckDBConnectionManager.close_all_connections()


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


def build(paths: Paths, full_refresh: bool = False, tonight: int = 0) -> DbtOutcome:
    """Seeds, models and their data tests, in dependency order. Extraction is incremental:
    the extractor version tells dbt when every article must be extracted again; the marts
    merge what changed since the last complete build (or are rebuilt whole when the code
    changed or `full_refresh` is asked).

    dbt's unit tests are left out: they test the SQL on fixed rows, not the night's data, so
    they run with the test suite (tests/test_dbt_unit_tests.py), not every night."""
    from factcheck.extract.parallel import shutdown, warm_up
    from factcheck.fingerprint import code_version, extractor_version

    version, code = extractor_version(), code_version()
    last = BuildState.read(paths)
    full_refresh = full_refresh or last.code_version != code
    write_build_numbers(paths, build=last.number + 1, since=last.number, full_refresh=full_refresh)
    extra = ["--full-refresh"] if full_refresh else night_exclusions()
    arguments = ["--vars", dbt_vars(), "--exclude-resource-type", "unit_test", *extra]
    warm_up(_articles_to_extract(paths, version))
    try:
        try:
            outcome = run_dbt("build", paths, *arguments, tonight=None if full_refresh else tonight)
        except DbtBuildFailed as exc:
            if full_refresh or OUT_OF_MEMORY not in str(exc):
                raise
            # A night whose work is the archive's (new fact-checks: every unit is matched
            # again) does not fit the night's limit: built again, as the next night would,
            # under the archive's. What the failed build merged stays merged.
            log.warning("the night's build ran out of DuckDB's night memory; building again")
            outcome = run_dbt("build", paths, *arguments)
    except Exception:
        _drop_failed_log(paths)
        raise
    finally:
        shutdown()  # the extraction worker processes, if a large batch started them
    BuildState(last.number + 1, code).write(paths)
    return outcome


# The seeds' tests of one table each. (`path:seeds` alone would select, through the
# vocabulary seed, every model's in_vocabulary test: dbt adds the tests of a selected node.)
SEED_TESTS = (
    "not_null",
    "unique",
    "unique_combination",
    "accepted_values",
    "accepted_range",
    "not_blank",
)


def night_exclusions() -> list[str]:
    """The `--exclude` of an incremental build: the marts' tests the release gate repeats
    (GATE_CHECKED_TESTS), and the seeds' tests. Seeds change only with the code, and a code
    change makes the build a full refresh, which runs every test; so does a first build.
    Each test skipped is one dbt node less (about 0.1 s each, two at a time, a hundred of
    them at night); the gate's checks of the same rules run whatever dbt ran."""
    marts = [f"test_name:{name},path:models/marts" for name in GATE_CHECKED_TESTS]
    seeds = [f"test_name:{name},path:seeds" for name in SEED_TESTS]
    return ["--exclude", *marts, *seeds]


def dbt_vars() -> str:
    """The `--vars` of every dbt invocation on the build database: the versions of the code
    that extracts and matches. The same on every night, so dbt keeps its partial parse."""
    from factcheck.fingerprint import extractor_version, matcher_version

    return json.dumps(
        {"extractor_version": extractor_version(), "matcher_version": matcher_version()}
    )


def write_build_numbers(paths: Paths, build: int, since: int, full_refresh: bool = False) -> None:
    """The build's number and that of the last complete build, for the SQL to read
    (source build.numbers, macros/incremental_marts.sql); and the record of the keys that
    left the build (source build.gone_keys), without the records of complete builds: a
    complete build dropped their rows everywhere, and a failed one's stay for the next.
    The record of what the published marts merged (build.release_touched) is kept until
    a release is staged from a later build; a build that rebuilds models whole
    (`full_refresh`) records nothing, so it starts a new lineage: no release staged before
    it is compared with the records."""
    import duckdb

    con = duckdb.connect(str(paths.build_db))
    try:
        con.execute("create schema if not exists build")
        con.execute(
            "create or replace table build.numbers as select ?::integer as build, "
            "?::integer as since",
            [build, since],
        )
        con.execute(
            "create table if not exists build.gone_keys "
            "(kind varchar not null, key varchar not null, gone_in integer not null)"
        )
        con.execute("delete from build.gone_keys where gone_in <= ?", [since])
        create = "create or replace table" if full_refresh else "create table if not exists"
        con.execute(f"{create} build.lineage as select uuid()::varchar as lineage")
        con.execute(
            f"{create} build.release_touched "
            "(model varchar not null, key varchar, touched_in integer not null)"
        )
        released = released_build(paths)
        if released is not None and released.lineage == build_lineage(con):
            con.execute(
                "delete from build.release_touched where touched_in <= ?", [released.number]
            )
    finally:
        con.close()


def build_lineage(con: duckdb.DuckDBPyConnection) -> str | None:
    """The id drawn when the build database was made (build.lineage), or None before its
    first build: build numbers start again in a new database, so the records of what a
    build touched are compared with a release's build number only within one lineage."""
    made = con.execute(
        "select count(*) from duckdb_tables() "
        "where schema_name = 'build' and table_name = 'lineage'"
    ).fetchone()[0]
    if not made:
        return None
    found = con.execute("select lineage from build.lineage").fetchone()
    return found[0] if found else None


def current_build(con: duckdb.DuckDBPyConnection, paths: Paths) -> BuildRef:
    """The build the build database (`con`) holds: its lineage and last build's number."""
    return BuildRef(build_lineage(con), BuildState.read(paths).number)


def released_build(paths: Paths) -> BuildRef | None:
    """The build the latest release was staged from, or None for a release without one."""
    from factcheck.release import latest_manifest

    return BuildRef.of_manifest(latest_manifest(paths))


def _drop_failed_log(paths: Paths) -> None:
    """After a failed build, fold the build database's write-ahead log into the file, or —
    when that cannot be done (a full disk) — remove it, so it does not hold the space the
    next run needs. Removing it is safe: it holds only what this build and tonight's
    ingest wrote since the last checkpoint; the build state was not advanced, so the next
    build redoes this one, and ingest reads again any file it no longer finds loaded."""
    import duckdb

    wal = paths.build_db.with_name(paths.build_db.name + ".wal")
    if not wal.is_file():
        return
    try:
        con = duckdb.connect(str(paths.build_db))
        try:
            con.execute("checkpoint")
        finally:
            con.close()
    except duckdb.Error as exc:
        log.warning("removing the failed build's write-ahead log %s (%s)", wal, exc)
        wal.unlink(missing_ok=True)
