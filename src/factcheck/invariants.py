"""Whole-release invariants, checked with set-based DuckDB queries on the staged files.

What must hold of the release as a whole — unique keys, references that resolve, terms of
the vocabulary, sane row counts — is a few aggregate queries over the staged Parquet files,
whatever the size of the archive: nothing is loaded into Python. Each check is derived from
the contract (the marts' yml) and reported, when it fails, in Great Expectations' terms
beside the expectations GX runs on tonight's rows (factcheck.validate).

A night keeps most of the previous release's files byte for byte, and that release passed
these same checks (the gate is told so only when the same code made it). So each check
reads what tonight's files can break, which is exactly what breaks it over the whole
release: a key of tonight's rows held twice anywhere, a reference of tonight's rows that
resolves nowhere or a kept row's reference to a key that was rewritten away, a term of
tonight's rows. Grouping every key of the archive was most of the gate's time, and more
with every bucket a table is split into.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import duckdb

from factcheck import contract
from factcheck.partitions import ReleaseFiles, table_glob
from factcheck.settings import duckdb_config
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


def release_checks(
    release_dir: Path, previous_rows: dict[str, int], files: ReleaseFiles | None = None
) -> list[Check]:
    """Every invariant of the staged release in `release_dir`. `files` tells tonight's
    files from those kept from a previous release that passed the same checks; without it
    every file is tonight's."""
    night = files is not None and files.previous_dir is not None
    con = duckdb.connect(config=duckdb_config(night=night))
    try:
        scope: dict[str, TableScope] = {}
        for name in contract.tables():
            # views take no parameters: the file lists are written into their SQL
            _view(con, name, [table_glob(release_dir, name)])
            if files is None or files.previous_dir is None:
                scope[name] = TableScope(name, f"{name}__tonight", kept=False, replaced=False)
                con.execute(f"create view {name}__tonight as select * from {name}")
                continue
            kept, replaced = files.kept_paths(name), files.replaced_paths(name)
            _view(con, f"{name}__tonight", files.written_paths(name), like=name)
            _view(con, f"{name}__kept", kept, like=name)
            _view(con, f"{name}__replaced", replaced, like=name)
            scope[name] = TableScope(name, f"{name}__tonight", bool(kept), bool(replaced))
        parent_keys = _parent_keys(con)
        checks = [
            *_keys(con, scope, parent_keys),
            *_references(con, scope, parent_keys),
            *_vocabularies(con, scope),
            *_row_counts(con, previous_rows),
        ]
        return checks
    finally:
        con.close()


@dataclass(frozen=True)
class TableScope:
    """Where a table's checks read: `tonight` (a view of the files written tonight, or of
    every file), and whether any file was kept from, or replaced since, the previous
    release (views `<table>__kept` and `<table>__replaced`)."""

    table: str
    tonight: str
    kept: bool
    replaced: bool


def _view(
    con: duckdb.DuckDBPyConnection, name: str, paths: list[str], like: str | None = None
) -> None:
    """A view of the Parquet files `paths`; with none, an empty view shaped like `like`."""
    if paths:
        con.execute(f"create view {name} as select * from read_parquet({_sql_list(paths)})")
    else:
        con.execute(f"create view {name} as select * from {like} limit 0")


def _failures(con: duckdb.DuckDBPyConnection, sql: str) -> tuple[int, tuple]:
    """Count and a sample of the rows a query returns (the rows that break a rule)."""
    count = con.execute(f"select count(*) from ({sql})").fetchone()[0]
    sample = tuple(r[0] for r in con.execute(f"{sql} limit 3").fetchall()) if count else ()
    return count, sample


def _keys(
    con: duckdb.DuckDBPyConnection,
    scope: dict[str, TableScope],
    parent_keys: dict[tuple[str, str], str],
) -> Iterator[Check]:
    """A key held by two rows: two kept rows cannot share one (they were in the previous
    release together), so with kept files only the keys of tonight's rows are counted. A
    key of one column that other tables reference is counted in its table of keys
    (_parent_keys), which holds one row per row of the release."""
    for table in contract.tables().values():
        within = scope[table.name]
        for key in table.unique_keys:
            columns = ", ".join(key)
            rows = table.name
            if len(key) == 1 and (table.name, key[0]) in parent_keys:
                rows = f"(select key as {key[0]} from {parent_keys[(table.name, key[0])]})"
            tonight = ""
            if within.kept:
                same = " and ".join(f"n.{c} is not distinct from r.{c}" for c in key)
                tonight = f"as r semi join {within.tonight} as n on {same} "
            count, sample = _failures(
                con,
                f"select ({columns})::varchar from {rows} {tonight}"
                f"group by {columns} having count(*) > 1",
            )
            name = (
                "expect_column_values_to_be_unique"
                if len(key) == 1
                else "expect_compound_columns_to_be_unique"
            )
            yield Check(table.name, name, {"column_list": list(key)}, count, sample=sample)


def _parent_keys(con: duckdb.DuckDBPyConnection) -> dict[tuple[str, str], str]:
    """A temporary table of each referenced key column, read once from every file of its
    table: the references to it and its gone keys read that instead of the files. Each read
    of a column of the whole release opens every file of the table (about 260 at 100,000
    articles, 0.07-0.1 s); claims' ids were read seven times a night (five references, its
    gone keys, its own key check), the ids of articles and of claim groups more than once."""
    made = {}
    for table in contract.tables().values():
        for column in (c for c in table.columns if c.references):
            parent = column.references
            at = (parent.table, parent.column)
            if at not in made:
                made[at] = f"{parent.table}__keys__{parent.column}"
                con.execute(
                    f"create temp table {made[at]} as "
                    f"select {parent.column} as key from {parent.table}"
                )
    return made


def _references(
    con: duckdb.DuckDBPyConnection,
    scope: dict[str, TableScope],
    parent_keys: dict[tuple[str, str], str],
) -> Iterator[Check]:
    """A reference that resolves nowhere: one of tonight's rows, or a kept row whose key
    was in a replaced file of the parent and is in none of its files now. `parent_keys`:
    the temporary table of each referenced column's keys in the release (_parent_keys)."""
    gone: set[str] = set()
    for table in contract.tables().values():
        within = scope[table.name]
        for column in (c for c in table.columns if c.references):
            parent, name = column.references, column.name
            keys_now = parent_keys[(parent.table, parent.column)]
            sql = (
                f"select t.{name} from {within.tonight} as t "
                f"anti join {keys_now} as p on p.key = t.{name} "
                f"where t.{name} is not null"
            )
            if within.kept and scope[parent.table].replaced:
                keys = _gone_keys(con, parent.table, parent.column, keys_now, gone)
                sql += (
                    f" union all select t.{name} from {table.name}__kept as t "
                    f"semi join {keys} as g on g.gone = t.{name}"
                )
            count, sample = _failures(con, sql)
            yield Check(
                table.name,
                "expect_column_values_to_exist_in_parent",
                {"column": column.name, "parent": f"{parent.table}.{parent.column}"},
                count,
                sample=sample,
            )


def _gone_keys(
    con: duckdb.DuckDBPyConnection, table: str, column: str, keys_now: str, made: set[str]
) -> str:
    """A temporary table of the keys `column` of `table` held in its replaced files and in
    none of its files now (`keys_now`: a table of those), made once for all the references
    to it (five to claims)."""
    name = f"{table}__gone__{column}"
    if name not in made:
        con.execute(
            f"create temp table {name} as select {column} as gone from {table}__replaced "
            f"except select key from {keys_now}"
        )
        made.add(name)
    return name


def _vocabularies(con: duckdb.DuckDBPyConnection, scope: dict[str, TableScope]) -> Iterator[Check]:
    """A term outside the vocabulary, in tonight's rows (kept rows passed this check)."""
    for table in contract.tables().values():
        rows = scope[table.name].tonight
        for column in (c for c in table.columns if c.vocabulary):
            allowed = sorted(values(column.vocabulary))
            terms = (
                f"select unnest({column.name}) as term from {rows}"
                if column.is_list
                else f"select {column.name} as term from {rows}"
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
