"""DuckDB's memory limit follows the night, not the archive: a first build, a full refresh
and a release written whole run under the archive's limit; an incremental build under a
floor plus what tonight's input needs; the dbt connections take the build's limit."""

from __future__ import annotations

import duckdb

from factcheck import transform
from factcheck.dbt_memory import apply_memory_limit
from factcheck.settings import (
    MEMORY_LIMIT_ENV,
    NIGHT_MEMORY_ENV,
    Paths,
    duckdb_config,
    memory_limit,
)


def test_the_night_limit_grows_with_tonights_input_not_the_archive(monkeypatch):
    monkeypatch.delenv(NIGHT_MEMORY_ENV, raising=False)
    assert memory_limit() == "1GB"  # the archive's
    assert memory_limit(0) == "256MB"  # a release step at night
    assert memory_limit(400_000) == "262MB"  # a night of 200 articles
    assert memory_limit(10_000_000) == "416MB"  # a night of 10,000
    assert memory_limit(100_000_000) == "1000MB"  # a backfill: the archive's, at most
    assert duckdb_config(night=True) == {"memory_limit": "256MB"}
    assert duckdb_config() == {"memory_limit": "1GB"}
    monkeypatch.setenv(NIGHT_MEMORY_ENV, "128")
    assert memory_limit(0) == "128MB"


def test_an_incremental_build_runs_under_the_nights_limit(tmp_path, monkeypatch):
    paths = Paths(raw=tmp_path / "raw", data=tmp_path / "data")
    paths.build_dir.mkdir(parents=True)
    limits = []

    def run_dbt(*args, tonight=None):
        limits.append(memory_limit(tonight))
        return transform.DbtOutcome(success=True)

    monkeypatch.setattr(transform, "run_dbt", run_dbt)
    monkeypatch.setattr(transform, "_articles_to_extract", lambda *_: 0)
    monkeypatch.delenv(NIGHT_MEMORY_ENV, raising=False)
    transform.build(paths, tonight=400_000)  # the first build: every table whole
    transform.build(paths, tonight=400_000)  # a night
    transform.build(paths, full_refresh=True, tonight=400_000)
    assert limits == ["1GB", "262MB", "1GB"]


def test_dbt_connections_take_the_builds_limit(monkeypatch):
    monkeypatch.setenv(MEMORY_LIMIT_ENV, "100MB")
    con = duckdb.connect()
    apply_memory_limit(con)
    assert con.execute("select current_setting('memory_limit')").fetchone()[0] == "95.3 MiB"


def test_a_night_that_does_not_fit_its_limit_is_built_again_under_the_archives(
    tmp_path, monkeypatch
):
    """New fact-checks make a night match every unit again: the archive's work, which ran
    out of memory under the night's limit; the build is done again, as the next night
    would, under the archive's limit."""
    paths = Paths(raw=tmp_path / "raw", data=tmp_path / "data")
    paths.build_dir.mkdir(parents=True)
    limits = []

    def run_dbt(*args, tonight=None):
        limits.append(memory_limit(tonight))
        if tonight is not None and len(limits) > 1:
            raise transform.DbtBuildFailed("model.x: error: Out of Memory Error: failed")
        return transform.DbtOutcome(success=True)

    monkeypatch.setattr(transform, "run_dbt", run_dbt)
    monkeypatch.setattr(transform, "_articles_to_extract", lambda *_: 0)
    monkeypatch.delenv(NIGHT_MEMORY_ENV, raising=False)
    transform.build(paths, tonight=0)  # the first build
    transform.build(paths, tonight=0)
    assert limits == ["1GB", "256MB", "1GB"]
    assert transform.BuildState.read(paths).number == 1
