"""The nightly run as plain functions, one per DAG task, in order:

    ingest → dbt build → validate → publish release → publish database

Each takes the resolved Paths and the run id, returns a small JSON-able dict (passed
between tasks as XCom), and records what it did in the run summary
(data/build/runs/<run id>.json) that `factcheck run` prints at the end.
"""

from __future__ import annotations

import json
import logging
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from factcheck.diskspace import MARGIN, DiskSpaceShort, SpaceNeed, remove_quietly, size_of
from factcheck.faults import crash_point
from factcheck.fingerprint import code_version, input_fingerprint
from factcheck.fsutil import write_json_atomic
from factcheck.ingest.load import ingest_articles, ingest_factchecks, ingest_verdicts
from factcheck.locking import run_lock
from factcheck.partitions import table_glob
from factcheck.release import (
    latest_manifest,
    publish,
    recover,
    stage_tables,
    staged_files,
    staging_dir,
)
from factcheck.settings import Paths, max_file_bytes
from factcheck.warehouse import publish_database, published_version

log = logging.getLogger(__name__)


class NothingChanged(Exception):
    """No new articles, verdicts or code since the latest release: nothing to publish."""


def summary_file(paths: Paths, run_id: str) -> Path:
    safe = "".join(ch if ch.isalnum() or ch in "-_." else "_" for ch in run_id)
    return paths.build_dir / "runs" / f"{safe}.json"


def record(paths: Paths, run_id: str, step: str, value: object) -> None:
    """Add one step's outcome to the run summary (and say so in the log). On a full disk the
    summary may not be writable: the log still says it, and the step's own error stands."""
    log.info("%s: %s", step, _short(value))
    path = summary_file(paths, run_id)
    try:
        summary = json.loads(path.read_text()) if path.is_file() else {"run_id": run_id}
        summary[step] = value
        write_json_atomic(path, summary)
    except OSError as exc:
        log.warning("could not write the run summary %s: %s", path, exc)


@contextmanager
def step(paths: Paths, run_id: str, name: str) -> Iterator[None]:
    """Run a step under the run lock; a full disk is recorded as the step's one-line error."""
    with run_lock(paths.lock_file):
        try:
            yield
        except DiskSpaceShort as exc:
            record(paths, run_id, name, {"error": str(exc)})
            raise


def _short(value: object) -> str:
    if isinstance(value, dict):
        shown = {k: v for k, v in value.items() if not isinstance(v, dict | list)}
        return ", ".join(f"{k}={v}" for k, v in shown.items())
    return str(value)


def ingest(paths: Paths, run_id: str, force: bool = False) -> dict:
    """Load new and changed raw files; decide whether anything changed since the release.

    `force` builds and publishes a release even when nothing changed (a rebuild)."""
    with step(paths, run_id, "ingest"):
        paths.build_dir.mkdir(parents=True, exist_ok=True)
        recovered = recover(paths)
        SpaceNeed("ingest", paths.build_dir, MARGIN).check()  # before DuckDB opens its log
        con = duckdb.connect(str(paths.build_db))
        try:
            stats = ingest_articles(
                con,
                paths.raw,
                run_id,
                max_file_bytes(),
                # the articles, their write-ahead log and checkpoint
                lambda tonight: SpaceNeed("ingest", paths.build_dir, MARGIN + 3 * tonight).check(),
            )
            verdicts = ingest_verdicts(con, paths.raw, run_id, max_file_bytes())
            factchecks = ingest_factchecks(con, paths.raw, run_id, max_file_bytes())
            files = con.execute("select source_uri, file_sha256 from raw.files").fetchall()
        finally:
            con.close()
    code = code_version()
    fingerprint = input_fingerprint(files, [paths.verdicts_dir, paths.factchecks_dir], code)
    latest = latest_manifest(paths)
    unchanged = (
        latest is not None
        and latest.get("input_fingerprint") == fingerprint
        and published_version(paths) == latest["version"]
    )
    result = {
        "changed": force or not unchanged,
        "forced": force,
        "fingerprint": fingerprint,
        "code_version": code,
        "articles": stats.as_dict(),
        "verdicts": verdicts,
        "factchecks": factchecks,
        "recovered": recovered,
    }
    record(paths, run_id, "ingest", result)
    return result


def transform(paths: Paths, run_id: str, ingested: dict) -> dict:
    """dbt build: seeds, models and their tests."""
    if not ingested["changed"]:
        record(paths, run_id, "outcome", "nothing changed since the latest release")
        raise NothingChanged("nothing changed since the latest release: no new release")
    from factcheck.transform import build

    tonight = ingested["articles"]["bytes_read"]
    with step(paths, run_id, "dbt"):
        # extractions, the intermediate and mart rows, their log; a rebuild rewrites the file
        SpaceNeed("dbt build", paths.build_dir, MARGIN + 8 * tonight).check()
        try:
            outcome = build(paths, tonight=tonight)
        except Exception as exc:
            record(paths, run_id, "dbt", {"error": str(exc)})
            raise
    result = {
        "forced": ingested["forced"],
        "bytes_read": tonight,
        "nodes": len(outcome.nodes),
        "seconds": {
            n.unique_id: round(n.seconds, 3)
            for n in outcome.nodes
            if n.unique_id.startswith(("model.", "seed."))
        },
        "test_seconds": {
            n.unique_id: round(n.seconds, 3)
            for n in outcome.nodes
            if n.unique_id.startswith("test.")
        },
    }
    record(paths, run_id, "dbt", result)
    return result


def validate(paths: Paths, run_id: str, tonight: int, rewrite_all: bool = False) -> dict:
    """Stage the candidate release and run the quality gate on exactly those files.
    `tonight`: bytes of input read tonight (for the free-space estimate); `rewrite_all` (a
    forced rebuild) writes every file rather than carrying any over."""
    from factcheck.validate import QualityGateFailed, import_in_background, validate_release

    import_in_background()
    with step(paths, run_id, "validation"):
        latest = latest_manifest(paths)
        previous_dir = paths.releases_dir / latest["version"] if latest else None
        rewritten = size_of(previous_dir) if previous_dir is not None and rewrite_all else 0
        SpaceNeed(
            "staging the release", paths.releases_dir, MARGIN + 2 * tonight + rewritten
        ).check()
        try:
            staged = stage_tables(paths, run_id, rewrite_all=rewrite_all)
        except Exception:
            remove_quietly(staging_dir(paths, run_id))  # a half-written candidate holds space
            raise
        crash_point("validate:staged")
        results_file = staged / "validation.json"
        kept = paths.validation_dir / f"{summary_file(paths, run_id).stem}.json"
        try:
            report = validate_release(
                staged, staged_files(staged), latest, previous_dir, results_file
            )
        except QualityGateFailed as exc:
            kept.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(results_file, kept)
            shutil.rmtree(staged, ignore_errors=True)
            record(
                paths,
                run_id,
                "validation",
                {"success": False, "error": str(exc), "results": str(kept)},
            )
            raise
        except Exception:
            remove_quietly(staged)
            raise
    result = report.summary()
    record(paths, run_id, "validation", result)
    return result


def publish_release(paths: Paths, run_id: str, ingested: dict, validation: dict) -> str:
    """Finish the validated candidate and make it the latest release."""
    from factcheck.claimreview import build_document

    with step(paths, run_id, "release"):
        SpaceNeed("publishing the release", paths.releases_dir, MARGIN).check()
        staged = staging_dir(paths, run_id)
        orphaned = duckdb.execute(
            "select count(*) from read_parquet(?)", [table_glob(staged, "orphaned_verdicts")]
        ).fetchone()[0]
        inputs = {
            **ingested["articles"]["totals"],
            "this_run": {
                k: ingested["articles"][k]
                for k in (
                    "files_seen",
                    "files_unchanged",
                    "files_read",
                    "files_removed",
                    "records_seen",
                    "loaded",
                    "duplicates",
                    "quarantined",
                )
            },
            "verdicts": ingested["verdicts"] | {"orphaned": orphaned},
        }
        version = publish(
            paths,
            staged,
            run_id=run_id,
            code=ingested["code_version"],
            fingerprint=ingested["fingerprint"],
            inputs=inputs,
            validation=validation,
            claimreview=build_document(staged),
        )
    record(paths, run_id, "release", {"version": version, "orphaned_verdicts": orphaned})
    return version


def publish_warehouse(paths: Paths, run_id: str, version: str, rebuild: bool = False) -> str:
    """Replace the fact-checkers' database with one made from the new release: the
    published one with the changed partitions replaced, or (`rebuild`) built whole."""
    with step(paths, run_id, "warehouse"):
        # the new database is built beside the one readers hold: as large, plus what the
        # release added tonight (its files not linked from the previous release)
        growth = size_of(paths.releases_dir / version, unshared_only=True)
        needed = MARGIN + size_of(paths.warehouse_db) + 3 * growth
        SpaceNeed("publishing the database", paths.warehouse_db.parent, needed).check()
        path, how = publish_database(paths, version, rebuild=rebuild)
    record(paths, run_id, "warehouse", {"path": str(path), "version": version, "made": how})
    record(paths, run_id, "outcome", f"published release {version}")
    return str(path)
