"""The quality gate: Great Expectations on the tables exactly as they will be released.

The candidate release's Parquet files are read into pandas (GX 1.x cannot validate DuckDB
through SQLAlchemy) and checked against the suites in `expectations/factcheck_suites.py`;
the files' columns and types, which pandas does not keep, are compared with the contract
here.
Results are written as JSON whether the gate passes or not, so a blocked night can be
inspected; a failure raises QualityGateFailed naming every failed expectation.
"""

from __future__ import annotations

import importlib.util
import json
import logging
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from factcheck import contract
from factcheck.settings import EXPECTATIONS_DIR, disable_telemetry

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


def read_tables(release_dir: Path, names: list[str]) -> dict:
    """The staged tables as pandas frames. List columns (roles, aliases, signals) become
    tuples: GX fingerprints every batch by hashing it, and a frame holding lists cannot be
    hashed, so GX would pickle the whole frame instead — seconds per table on a large
    archive. The published files are not touched."""
    import pandas as pd

    tables = {}
    for name in names:
        frame = pd.read_parquet(release_dir / f"{name}.parquet")
        for column in frame.columns:
            if frame[column].dtype == object and frame[column].map(_is_sequence).any():
                frame[column] = frame[column].map(_as_tuple)
        tables[name] = frame
    return tables


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
                [str(release_dir / f"{name}.parquet")],
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


def validate_release(
    release_dir: Path, previous_rows: dict[str, int], results_file: Path
) -> ValidationReport:
    """Validate the staged tables; write results_file; raise QualityGateFailed on failure."""
    disable_telemetry()
    import great_expectations as gx  # heavy (~9 s): only in the validation task

    suites = load_suites_module()
    tables = suites.add_reference_columns(read_tables(release_dir, list(contract.tables())))
    context = gx.get_context(mode="ephemeral")
    context.variables.progress_bars = {"globally": False, "metric_calculations": False}
    source = context.data_sources.add_pandas("factcheck_release")
    report = ValidationReport(success=True)
    mismatches = schema_mismatches(release_dir)
    report.evaluated += len(contract.tables())  # one schema check per staged file
    report.failed += len(mismatches)
    report.failures += mismatches
    for table, expectations in suites.build_suites(tables, previous_rows).items():
        suite = context.suites.add(gx.ExpectationSuite(name=table, expectations=expectations))
        batch = (
            source.add_dataframe_asset(table)
            .add_batch_definition_whole_dataframe(table)
            .get_batch(batch_parameters={"dataframe": tables[table]})
        )
        result = batch.validate(suite).to_json_dict()
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
            "expectations failed:\n  "
            + "\n  ".join(report.failures)
            + f"\nResults kept in {results_file}"
        )
    log.info("validation passed: %d expectations", report.evaluated)
    return report
