"""Where things live, and the few knobs a deployment turns.

Everything is derived from two directories, exactly as the data contract promises:
the raw directory (the append-only source of truth) and the data directory (everything
the pipeline builds). The Airflow DAG and the command line both resolve them here, from
the environment, so a task running in a scheduler worker finds the same paths as
`factcheck run` does on a laptop.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]
DBT_PROJECT_DIR = PROJECT_ROOT / "dbt_project"
EXPECTATIONS_DIR = PROJECT_ROOT / "expectations"
DAGS_DIR = PROJECT_ROOT / "dags"

RAW_ENV = "FACTCHECK_RAW_DIR"
DATA_ENV = "FACTCHECK_DATA_DIR"
MAX_FILE_MB_ENV = "FACTCHECK_MAX_FILE_MB"
DEFAULT_MAX_FILE_MB = 20.0

# The most memory DuckDB takes for its buffers in any step that handles the whole archive
# (the dbt build, staging the release, building the published database); past it DuckDB
# spills to a temporary directory beside its database. Its default, 80% of the machine,
# let the largest process of a cold 100,000-article build reach 2.7 GB. dbt's connections
# take it (or the night's, below) from MEMORY_LIMIT_ENV, which run_dbt sets (the plugin
# factcheck.dbt_memory).
DUCKDB_MEMORY_LIMIT = "1GB"
MEMORY_LIMIT_ENV = "FACTCHECK_DUCKDB_MEMORY_LIMIT"
# A night's steps read what tonight touches, and DuckDB keeps every block it reads in its
# buffers until its limit: under the archive's limit a night's process grew with the
# archive though the night needed no more (largest process 761 MB at 20,000 articles,
# 1,300 MB at 100,000). A night's limit is this floor, plus NIGHT_MEMORY_PER_INPUT_BYTE
# for each byte of tonight's input in the dbt build (a backfill of 50,000 articles extracts
# and merges that many), up to the archive's. Past it DuckDB drops blocks it has read and
# spills what a query holds. A deployment may set another floor (in MB) with
# NIGHT_MEMORY_ENV.
NIGHT_MEMORY_MB = 256
NIGHT_MEMORY_PER_INPUT_BYTE = 16
NIGHT_MEMORY_ENV = "FACTCHECK_DUCKDB_NIGHT_MEMORY_MB"


def memory_limit(tonight: int | None = None) -> str:
    """DuckDB's memory limit for a step over the whole archive (`tonight` None: a first
    build, a full refresh, a release written whole), or for one that handles a night's
    rows, `tonight` being the bytes of input the night read (0 for the release's steps,
    whose night work is writing and comparing the partitions that changed)."""
    if tonight is None:
        return DUCKDB_MEMORY_LIMIT
    floor = int(os.environ.get(NIGHT_MEMORY_ENV) or NIGHT_MEMORY_MB)
    archive = 1000  # DUCKDB_MEMORY_LIMIT in MB (DuckDB's GB is 1,000 MB)
    return f"{min(archive, floor + NIGHT_MEMORY_PER_INPUT_BYTE * tonight // 1_000_000)}MB"


def duckdb_config(night: bool = False) -> dict[str, str]:
    """The settings of a DuckDB connection that may read the whole archive; `night`: of a
    release step handling a night's rows (staging against the previous release, the gate
    on tonight's files, the database updated in place), under the night's floor."""
    return {"memory_limit": memory_limit(0 if night else None)}


# No network here or on users' machines: every library that phones home is told not to.
# The one list: the command line, the DAG file and the tests all call disable_telemetry(),
# and every Makefile target goes through one of them.
TELEMETRY_OFF = {
    "DBT_SEND_ANONYMOUS_USAGE_STATS": "False",
    "GX_ANALYTICS_ENABLED": "False",
    "AIRFLOW__COSMOS__ENABLE_TELEMETRY": "False",
    "SCARF_ANALYTICS": "false",
    "DO_NOT_TRACK": "1",
}


def disable_telemetry() -> None:
    """Set the telemetry switches, keeping any value the operator set explicitly."""
    for key, value in TELEMETRY_OFF.items():
        os.environ.setdefault(key, value)


@dataclass(frozen=True)
class Paths:
    """The raw and data directories and every location derived from them."""

    raw: Path
    data: Path

    @classmethod
    def resolve(cls, raw: str | Path | None = None, data: str | Path | None = None) -> Paths:
        """Explicit arguments win, then the environment, then `raw/` and `data/` in the cwd."""
        raw_dir = Path(raw or os.environ.get(RAW_ENV) or "raw")
        data_dir = Path(data or os.environ.get(DATA_ENV) or "data")
        return cls(raw=raw_dir.resolve(), data=data_dir.resolve())

    def export_to_env(self) -> None:
        """Make these paths the ones every task of the DAG run will resolve."""
        os.environ[RAW_ENV] = str(self.raw)
        os.environ[DATA_ENV] = str(self.data)

    @property
    def verdicts_dir(self) -> Path:
        return self.raw / "verdicts"

    @property
    def factchecks_dir(self) -> Path:
        """Published fact-checks (ClaimReview JSON-LD) to link claims to."""
        return self.raw / "factchecks"

    @property
    def build_dir(self) -> Path:
        """Private working area: the build database and dbt's artifacts. Never read by users."""
        return self.data / "build"

    @property
    def build_db(self) -> Path:
        return self.build_dir / "factcheck_build.duckdb"

    @property
    def dbt_target_dir(self) -> Path:
        return self.build_dir / "dbt_target"

    @property
    def dbt_log_dir(self) -> Path:
        return self.build_dir / "dbt_logs"

    @property
    def validation_dir(self) -> Path:
        """Results of validations that blocked a release, one file per run, kept for people."""
        return self.data / "validation"

    @property
    def warehouse_db(self) -> Path:
        return self.data / "warehouse" / "factcheck.duckdb"

    @property
    def releases_dir(self) -> Path:
        return self.data / "releases"

    @property
    def reviewers_file(self) -> Path:
        """The review desk's accounts (names and password hashes); never published."""
        return self.data / "desk" / "reviewers.json"

    @property
    def airflow_home(self) -> Path:
        return self.data / "airflow"

    @property
    def lock_file(self) -> Path:
        return self.data / ".run.lock"


def max_file_bytes() -> int:
    """Inputs larger than this are quarantined rather than loaded (FACTCHECK_MAX_FILE_MB)."""
    raw = os.environ.get(MAX_FILE_MB_ENV)
    try:
        megabytes = float(raw) if raw else DEFAULT_MAX_FILE_MB
    except ValueError as exc:
        raise ValueError(f"{MAX_FILE_MB_ENV} must be a number of megabytes, got {raw!r}") from exc
    return int(megabytes * 1024 * 1024)


def worker_count() -> int:
    """Worker processes for ingest and extraction: one per core, at most eight."""
    return min(os.cpu_count() or 1, 8)
