"""The quality gate: on the staged release, exactly as it will be published.

Three kinds of check, each at the cost of what it needs:

* the staged files' columns and types against the contract (the Parquet schema, via DuckDB);
* whole-release invariants — unique keys, references, vocabularies, row counts — as
  set-based DuckDB queries over the staged files, reading what tonight's files can break
  in those kept from a previous release this code checked (`factcheck.invariants`);
* Great Expectations, row by row, on tonight's rows: those of the files written tonight
  (partitions carried over from the previous release are byte-identical to checked files)
  that are not in the previous release's same partitions. GX 1.x cannot validate DuckDB
  through SQLAlchemy, so those rows go to pandas — a night's worth, not the archive.

Results are written as JSON whether the gate passes or not, so a blocked night can be
inspected; a failure raises QualityGateFailed naming every failed check.
"""

from __future__ import annotations

import copy
import importlib
import importlib.util
import json
import logging
import threading
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from factcheck import contract
from factcheck.fingerprint import code_version
from factcheck.invariants import release_checks
from factcheck.partitions import PartitionFile, ReleaseFiles, previous_files, table_glob
from factcheck.settings import EXPECTATIONS_DIR, disable_telemetry, duckdb_config

log = logging.getLogger(__name__)
SUITES_FILE = EXPECTATIONS_DIR / "factcheck_suites.py"


class QualityGateFailed(RuntimeError):
    """Validation failed: nothing may be published. The message names what failed."""


@dataclass
class ValidationReport:
    success: bool
    evaluated: int = 0
    failed: int = 0
    failures: list[str] = field(default_factory=list)
    results: dict = field(default_factory=dict)

    def summary(self) -> dict:
        return {
            "success": self.success,
            "evaluated": self.evaluated,
            "failed": self.failed,
            "failures": self.failures,
        }


def load_suites_module(path: Path = SUITES_FILE) -> ModuleType:
    """Import the suites file from expectations/ (it is project code, not package code)."""
    spec = importlib.util.spec_from_file_location("factcheck_suites", path)
    if spec is None or spec.loader is None:
        raise FileNotFoundError(f"expectation suites not found at {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# Rows of one table handed to Great Expectations at a time. Its expectations are row by
# row, so a table checked in chunks passes or fails exactly as it would whole.
CHUNK_ROWS = 204_800


@dataclass(frozen=True)
class TonightFiles(ReleaseFiles):
    """The staged release and the previous one: where tonight's rows are told apart."""

    def chunks(self, name: str, columns: list[str] | None = None, rows: int | None = None):
        """Table `name`'s rows of the files written tonight that are not in the previous
        release's file of the same partition, as pandas frames of `columns` (all when None)
        of about `rows` rows each (CHUNK_ROWS; at least one frame, empty when there are
        none). Rows are told apart on every column; only the columns the expectations read
        go to pandas, a chunk at a time: on a cold build every row is tonight's, and whole
        tables' frames and GX's work on them were the largest part of the run's memory.
        List columns (roles, aliases, signals) become tuples: GX fingerprints every batch
        by hashing it, and a frame holding lists cannot be hashed. The published files are
        not touched."""
        import duckdb

        written = self.written(name)
        new = [str(self.release_dir / f.path) for f in written]
        old = [
            str(self.previous_dir / self.previous[_at(f)].path)
            for f in written
            if self.previous_dir is not None and _at(f) in self.previous
        ]
        query = "select * from read_parquet(?)" if new else None
        if query and old:
            query += " except all select * from read_parquet(?)"
        if query is None:
            query, new = "select * from read_parquet(?) limit 0", table_glob(self.release_dir, name)
        if columns is not None:
            query = f"select {', '.join(_quoted(c) for c in columns)} from ({query})"
        vectors = max(1, (rows or CHUNK_ROWS) // 2048)  # DuckDB hands over 2,048 rows at a time
        con = duckdb.connect(config=duckdb_config(night=self.previous_dir is not None))
        try:
            result = con.execute(query, [new, old] if old else [new])
            frame = result.fetch_df_chunk(vectors)
            while True:
                for column in frame.columns:
                    if frame[column].dtype == object and frame[column].map(_is_sequence).any():
                        frame[column] = frame[column].map(_as_tuple)
                yield frame
                frame = result.fetch_df_chunk(vectors)
                if len(frame) == 0:
                    return
        finally:
            con.close()


_COUNTS = ("element_count", "missing_count", "unexpected_count")
_SAMPLES = ("partial_unexpected_list", "partial_unexpected_index_list")


def merged_results(chunks: list[dict]) -> dict:
    """One suite result from the results of its chunks (the same suite on consecutive
    rows): an expectation succeeds when it succeeded on every chunk; counts add up,
    percentages are taken again of the sums, samples are the first 20 of the chunks'."""
    if len(chunks) == 1:
        return chunks[0]
    merged = copy.deepcopy(chunks[0])
    for i, first in enumerate(merged["results"]):
        parts = [chunk["results"][i] for chunk in chunks]
        first["success"] = all(p["success"] for p in parts)
        outcome = first.get("result") or {}
        for key in _COUNTS:
            if key in outcome:
                outcome[key] = sum((p.get("result") or {}).get(key) or 0 for p in parts)
        for key in _SAMPLES:
            if key in outcome:
                found = [v for p in parts for v in (p.get("result") or {}).get(key) or []]
                outcome[key] = found[:20]
        outcome.pop("partial_unexpected_counts", None)  # of one chunk only: misleading
        total, missing = outcome.get("element_count"), outcome.get("missing_count") or 0
        if total is not None and "unexpected_count" in outcome:
            unexpected, present = outcome["unexpected_count"], total - missing
            outcome["missing_percent"] = 100 * missing / total if total else None
            outcome["unexpected_percent_total"] = 100 * unexpected / total if total else None
            share = 100 * unexpected / present if present else None
            outcome["unexpected_percent"] = outcome["unexpected_percent_nonmissing"] = share
    successes = sum(r["success"] for r in merged["results"])
    evaluated = len(merged["results"])
    merged["success"] = successes == evaluated
    merged["statistics"].update(
        evaluated_expectations=evaluated,
        successful_expectations=successes,
        unsuccessful_expectations=evaluated - successes,
        success_percent=100 * successes / evaluated if evaluated else None,
    )
    return merged


def expectation_columns(expectations: list) -> list[str] | None:
    """The columns a suite reads, in order of first use, when each of its expectations
    reads one column (else None: every column)."""
    columns = [getattr(e, "column", None) for e in expectations]
    if not columns or not all(isinstance(c, str) for c in columns):
        return None
    return list(dict.fromkeys(columns))


def _quoted(column: str) -> str:
    return '"' + column.replace('"', '""') + '"'


def _at(file: PartitionFile) -> tuple[str, str]:
    return (file.table, file.partition)


def _is_sequence(value) -> bool:
    return hasattr(value, "__len__") and not isinstance(value, str | bytes | dict)


def _as_tuple(value):
    return tuple(value) if _is_sequence(value) else value


def _describe(result: dict, table: str) -> str:
    config = result["expectation_config"]
    kwargs = {
        k: v
        for k, v in config["kwargs"].items()
        if k in ("column", "column_A", "column_B", "column_list", "min_value", "max_value", "value")
    }
    outcome = result.get("result") or {}
    detail = ""
    if "unexpected_count" in outcome:
        sample = outcome.get("partial_unexpected_list", [])[:3]
        detail = f" — {outcome['unexpected_count']} unexpected, e.g. {sample}"
    elif "observed_value" in outcome:
        detail = f" — observed {outcome['observed_value']!r}"
    return f"{table}: {config['type']} {kwargs}{detail}"


def schema_mismatches(release_dir: Path) -> list[str]:
    """How each staged Parquet file's columns differ from its contract: names and order, then
    types. Read from the files with DuckDB (pandas keeps neither the Parquet types nor, for
    the gate's derived columns, the file's own column list); both sides are spelled by
    DuckDB, so an alias in the yml (`int`, `text`) compares equal."""
    import duckdb

    con = duckdb.connect()
    try:
        problems = []
        for name, table in contract.tables().items():
            staged = con.execute(
                "select column_name, column_type from (describe select * from read_parquet(?))",
                [table_glob(release_dir, name)],
            ).fetchall()
            declared = [
                (c.name, con.execute(f"select typeof(cast(null as {c.data_type}))").fetchone()[0])
                for c in table.columns
            ]
            if [n for n, _ in staged] != [n for n, _ in declared]:
                problems.append(
                    f"{name}: the staged file has columns {[n for n, _ in staged]}, "
                    f"the contract declares {[n for n, _ in declared]}"
                )
                continue
            problems += [
                f"{name}: column {column} is {found} in the staged file, "
                f"the contract declares {expected}"
                for (column, found), (_, expected) in zip(staged, declared, strict=True)
                if found != expected
            ]
        return problems
    finally:
        con.close()


def import_in_background() -> threading.Thread:
    """Start importing Great Expectations (seconds of pure Python) in a thread, so that it
    overlaps the staging of the release, which runs in DuckDB without holding the GIL. The
    import in validate_release() then finds it done, or waits for it: it is paid once."""
    disable_telemetry()
    thread = threading.Thread(
        target=importlib.import_module, args=("great_expectations",), daemon=True
    )
    thread.start()
    return thread


def validate_release(
    release_dir: Path,
    staged: list[PartitionFile],
    previous_manifest: dict | None,
    previous_dir: Path | None,
    results_file: Path,
) -> ValidationReport:
    """Validate the staged release; write results_file; raise QualityGateFailed on failure."""
    disable_telemetry()
    import great_expectations as gx  # heavy (~5 s): only in the validation task

    previous_rows = {
        name: t["rows"] for name, t in (previous_manifest or {}).get("tables", {}).items()
    }
    report = ValidationReport(success=True)
    mismatches = schema_mismatches(release_dir)
    report.evaluated += len(contract.tables())  # one schema check per staged table
    report.failed += len(mismatches)
    report.failures += mismatches
    # The previous release's files passed these very checks only if this code made it:
    # after a code change every row is tonight's, to the invariants and to GX alike.
    same_code = (previous_manifest or {}).get("code_version") == code_version()
    tonight = (
        TonightFiles(release_dir, staged, previous_dir, previous_files(previous_manifest))
        if same_code and previous_dir is not None
        else TonightFiles(release_dir, staged, None, {})
    )
    if not mismatches:  # the invariants read the files by the contract's column names
        checks = release_checks(release_dir, previous_rows, tonight)
        report.evaluated += len(checks)
        report.failed += sum(not c.success for c in checks)
        report.failures += [c.describe() for c in checks if not c.success]
        report.results["invariants"] = [c.__dict__ | {"success": c.success} for c in checks]

    suites = load_suites_module()
    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = {"globally": False, "metric_calculations": False}
    source = context.data_sources.add_pandas("factcheck_release")
    for table, expectations in suites.build_suites().items():
        suite = context.suites.add(gx.ExpectationSuite(name=table, expectations=expectations))
        definition = source.add_dataframe_asset(table).add_batch_definition_whole_dataframe(table)
        chunk_results, rows_checked = [], 0
        for frame in tonight.chunks(table, expectation_columns(expectations)):
            batch = definition.get_batch(batch_parameters={"dataframe": frame})
            chunk_results.append(batch.validate(suite).to_json_dict())
            rows_checked += len(frame)
            del batch, frame  # before the next chunk is read
        result = merged_results(chunk_results)
        result["rows_checked"] = rows_checked
        report.results[table] = result
        report.evaluated += result["statistics"]["evaluated_expectations"]
        report.failed += result["statistics"]["unsuccessful_expectations"]
        report.failures += [_describe(r, table) for r in result["results"] if not r["success"]]
    report.success = report.failed == 0
    results_file.parent.mkdir(parents=True, exist_ok=True)
    results_file.write_text(
        json.dumps(
            {"summary": report.summary(), "suites": report.results},
            indent=1,
            sort_keys=True,
            default=str,
        )
    )
    if not report.success:
        raise QualityGateFailed(
            f"quality gate blocked the release: {report.failed} of {report.evaluated} "
            "checks failed:\n  "
            + "\n  ".join(report.failures)
            + f"\nResults kept in {results_file}"
        )
    log.info("validation passed: %d checks", report.evaluated)
    return report
