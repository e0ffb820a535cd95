"""Whole-release invariants, checked with set-based DuckDB queries on the staged files.

What must hold of the release as a whole — unique keys, references that resolve, terms of
the vocabulary, sane row counts — is a few aggregate queries over the staged Parquet files,
whatever the size of the archive: nothing is loaded into Python. Each check is derived from
the contract (the marts' yml) and reported, when it fails, in Great Expectations' terms
beside the expectations GX runs on tonight's rows (factcheck.validate).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb

from factcheck import contract
from factcheck.partitions import table_glob
from factcheck.vocabulary import values

SHRINK_ENV = "FACTCHECK_ALLOW_SHRINK"


@dataclass(frozen=True)
class Check:
    """One invariant of one table, and what was observed."""

    table: str
    expectation: str  # named like the GX expectation it stands for
    arguments: dict
    unexpected: int  # rows (or, for row counts, 1) that break it
    observed: object = None
    sample: tuple = ()

    @property
    def success(self) -> bool:
        return self.unexpected == 0

    def describe(self) -> str:
        detail = f" — {self.unexpected} unexpected, e.g. {list(self.sample)}"
        if self.observed is not None:
            detail = f" — observed {self.observed!r}"
        return f"{self.table}: {self.expectation} {self.arguments}{detail}"


def release_checks(release_dir: Path, previous_rows: dict[str, int]) -> list[Check]:
    """Every invariant of the staged release in `release_dir`."""
    con = duckdb.connect()
    try:
        for name in contract.tables():
            files = _sql_list([table_glob(release_dir, name)])  # views take no parameters
            con.execute(f"create view {name} as select * from read_parquet({files})")
        checks = [
            *_keys(con),
            *_references(con),
            *_vocabularies(con),
            *_row_counts(con, previous_rows),
        ]
        return checks
    finally:
        con.close()


def _failures(con: duckdb.DuckDBPyConnection, sql: str) -> tuple[int, tuple]:
    """Count and a sample of the rows a query returns (the rows that break a rule)."""
    count = con.execute(f"select count(*) from ({sql})").fetchone()[0]
    sample = tuple(r[0] for r in con.execute(f"{sql} limit 3").fetchall()) if count else ()
    return count, sample


def _keys(con: duckdb.DuckDBPyConnection) -> Iterator[Check]:
    for table in contract.tables().values():
        for key in table.unique_keys:
            columns = ", ".join(key)
            count, sample = _failures(
                con,
                f"select ({columns})::varchar from {table.name} "
                f"group by {columns} having count(*) > 1",
            )
            name = (
                "expect_column_values_to_be_unique"
                if len(key) == 1
                else "expect_compound_columns_to_be_unique"
            )
            yield Check(table.name, name, {"column_list": list(key)}, count, sample=sample)


def _references(con: duckdb.DuckDBPyConnection) -> Iterator[Check]:
    for table in contract.tables().values():
        for column in (c for c in table.columns if c.references):
            parent = column.references
            count, sample = _failures(
                con,
                f"select t.{column.name} from {table.name} as t "
                f"anti join {parent.table} as p on p.{parent.column} = t.{column.name} "
                f"where t.{column.name} is not null",
            )
            yield Check(
                table.name,
                "expect_column_values_to_exist_in_parent",
                {"column": column.name, "parent": f"{parent.table}.{parent.column}"},
                count,
                sample=sample,
            )


def _vocabularies(con: duckdb.DuckDBPyConnection) -> Iterator[Check]:
    for table in contract.tables().values():
        for column in (c for c in table.columns if c.vocabulary):
            allowed = sorted(values(column.vocabulary))
            terms = (
                f"select unnest({column.name}) as term from {table.name}"
                if column.is_list
                else f"select {column.name} as term from {table.name}"
            )
            count, sample = _failures(
                con,
                f"select term from ({terms}) where term is not null "
                f"and not list_contains({_sql_list(allowed)}, term)",
            )
            yield Check(
                table.name,
                "expect_column_values_to_be_in_set",
                {"column": column.name, "value_set": column.vocabulary},
                count,
                sample=sample,
            )


def _sql_list(items: list[str]) -> str:
    return "[" + ", ".join("'" + item.replace("'", "''") + "'" for item in items) + "]"


def _row_counts(con: duckdb.DuckDBPyConnection, previous_rows: dict[str, int]) -> Iterator[Check]:
    """No release has fewer articles than the previous one (unless FACTCHECK_ALLOW_SHRINK=1,
    for a run that withdraws articles); articles give claims; one status per claim, at
    least one state in each claim's history, and claim groups whose members add up to the
    claims (every claim is in exactly one group)."""
    count = {
        name: con.execute(f"select count(*) from {name}").fetchone()[0]
        for name in ("articles", "claims", "verification_status", "verification_history")
    }
    members = con.execute("select coalesce(sum(member_count), 0) from claim_groups").fetchone()[0]
    shrink_ok = os.environ.get(SHRINK_ENV) == "1"
    min_articles = 1 if shrink_ok else max(1, previous_rows.get("articles", 0))
    yield _at_least("articles", count["articles"], min_articles)
    yield _at_least("claims", count["claims"], 1 if count["articles"] else 0)
    yield Check(
        "verification_status",
        "expect_table_row_count_to_equal",
        {"value": count["claims"]},
        int(count["verification_status"] != count["claims"]),
        observed=count["verification_status"],
    )
    yield _at_least("verification_history", count["verification_history"], count["claims"])
    yield Check(
        "claim_groups",
        "expect_column_sum_to_be_between",
        {"column": "member_count", "min_value": count["claims"], "max_value": count["claims"]},
        int(members != count["claims"]),
        observed=members,
    )


def _at_least(table: str, rows: int, minimum: int) -> Check:
    return Check(
        table,
        "expect_table_row_count_to_be_between",
        {"min_value": minimum},
        int(rows < minimum),
        observed=rows,
    )
