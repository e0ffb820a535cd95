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
from pathlib import Path

import duckdb

from factcheck.faults import crash_point
from factcheck.fingerprint import code_version, input_fingerprint
from factcheck.fsutil import write_json_atomic
from factcheck.ingest.load import ingest_articles, ingest_factchecks, ingest_verdicts
from factcheck.locking import run_lock
from factcheck.release import (
    latest_manifest,
    publish,
    recover,
    stage_tables,
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
    """Add one step's outcome to the run summary (and say so in the log)."""
    log.info("%s: %s", step, _short(value))
    path = summary_file(paths, run_id)
    summary = json.loads(path.read_text()) if path.is_file() else {"run_id": run_id}
    summary[step] = value
    write_json_atomic(path, summary)


def _short(value: object) -> str:
    if isinstance(value, dict):
        shown = {k: v for k, v in value.items() if not isinstance(v, dict | list)}
        return ", ".join(f"{k}={v}" for k, v in shown.items())
    return str(value)


def ingest(paths: Paths, run_id: str, force: bool = False) -> dict:
    """Load new and changed raw files; decide whether anything changed since the release.

    `force` builds and publishes a release even when nothing changed (a rebuild)."""
    with run_lock(paths.lock_file):
        paths.build_dir.mkdir(parents=True, exist_ok=True)
        recovered = recover(paths)
        con = duckdb.connect(str(paths.build_db))
        try:
            stats = ingest_articles(con, paths.raw, run_id, max_file_bytes())
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

    with run_lock(paths.lock_file):
        try:
            outcome = build(paths)
        except Exception as exc:
            record(paths, run_id, "dbt", {"error": str(exc)})
            raise
    result = {
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


def validate(paths: Paths, run_id: str) -> dict:
    """Stage the candidate release and run the quality gate on exactly those files."""
    from factcheck.validate import QualityGateFailed, validate_release

    with run_lock(paths.lock_file):
        staged = stage_tables(paths, run_id)
        crash_point("validate:staged")
        latest = latest_manifest(paths) or {}
        previous_rows = {name: t["rows"] for name, t in latest.get("tables", {}).items()}
        results_file = staged / "validation.json"
        kept = paths.validation_dir / f"{summary_file(paths, run_id).stem}.json"
        try:
            report = validate_release(staged, previous_rows, results_file)
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
    result = report.summary()
    record(paths, run_id, "validation", result)
    return result


def publish_release(paths: Paths, run_id: str, ingested: dict, validation: dict) -> str:
    """Finish the validated candidate and make it the latest release."""
    from factcheck.claimreview import build_document

    with run_lock(paths.lock_file):
        staged = staging_dir(paths, run_id)
        orphaned = duckdb.sql(
            f"select count(*) from read_parquet('{staged / 'orphaned_verdicts.parquet'}')"
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


def publish_warehouse(paths: Paths, run_id: str, version: str) -> str:
    """Replace the fact-checkers' database with one built from the new release."""
    with run_lock(paths.lock_file):
        path = publish_database(paths, version)
    record(paths, run_id, "warehouse", {"path": str(path), "version": version})
    record(paths, run_id, "outcome", f"published release {version}")
    return str(path)
