"""Great Expectations suites for tonight's rows of a release, derived from the data contract.

`build_suites()` returns one list of expectations per published table. They run on the rows
of the staged Parquet files that are new or changed since the previous release (all rows
for a first release), read into pandas: what a night adds is validated row by row, at the
cost of the night, not of the archive. Nothing here restates a dbt test: a column's rules
live in its mart's yml and dbt runs them on the build database. The gate checks what dbt
cannot see, on the files themselves:

* here, row by row: every column the contract declares `not_null` is filled, and every
  enumerated column holds terms of the vocabulary seed;
* in DuckDB, over the whole staged release (`factcheck.invariants`, set-based queries):
  unique keys, references that resolve across the staged files, vocabularies, and row
  counts — one status per claim, a history at least as long, claim groups whose members
  add up to the claims, no fewer articles than the previous release
  (FACTCHECK_ALLOW_SHRINK=1 allows one smaller release).
"""

from __future__ import annotations

import great_expectations.expectations as gxe

from factcheck import contract
from factcheck.vocabulary import values


def row_expectations(table: contract.Table) -> list[gxe.Expectation]:
    """What the contract promises of each row of one table. List columns (signals) are
    checked against the vocabulary by the whole-release invariants."""
    expectations: list[gxe.Expectation] = []
    for column in table.columns:
        if column.not_null:
            expectations.append(gxe.ExpectColumnValuesToNotBeNull(column=column.name))
        if column.vocabulary and not column.is_list:
            expectations.append(
                gxe.ExpectColumnValuesToBeInSet(
                    column=column.name, value_set=sorted(values(column.vocabulary))
                )
            )
    return expectations


def build_suites() -> dict[str, list[gxe.Expectation]]:
    """Expectations per table, for tonight's new and changed rows of that table."""
    return {name: row_expectations(table) for name, table in contract.tables().items()}
