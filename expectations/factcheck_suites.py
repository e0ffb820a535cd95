"""Great Expectations suites for a release, as code, derived from the data contract.

`build_suites(tables, previous_rows)` returns one list of expectations per published table.
They run on the Parquet files staged for release, read into pandas, so what is validated is
byte for byte what is published. Nothing here restates a dbt test: a column's rules live in
its mart's yml and dbt runs them on the build database. The gate checks what dbt cannot see:

* the staged files themselves — their enumerated columns hold terms of the vocabulary seed,
  and their references resolve in the other staged files (each file's columns and types
  are compared with the contract by `factcheck.validate`, which reads the Parquet schema);
* the release as a whole and against the previous one — one status per claim, a history
  at least as long, claim groups whose members add up to the claims, and no fewer
  articles than the previous release.

Referential integrity is checked on a derived column per reference ("does this row's
article_id exist in articles?", computed with pyarrow) — giving GX the parent table's ids as
a value set made every check re-serialise the whole id list, which grew with the square of
the archive.

Set FACTCHECK_ALLOW_SHRINK=1 for a run that may legitimately publish fewer articles than the
previous release (articles withdrawn from raw/); it is recorded in the validation results.
"""

from __future__ import annotations

import os

import great_expectations.expectations as gxe
import pandas as pd

from factcheck import contract
from factcheck.vocabulary import values


def _in(column: str, domain: str) -> gxe.Expectation:
    return gxe.ExpectColumnValuesToBeInSet(column=column, value_set=list(values(domain)))


def reference_column(column: str) -> str:
    return f"{column}__exists_in_parent"


def add_reference_columns(tables: dict[str, pd.DataFrame]) -> dict[str, pd.DataFrame]:
    """Copies of the tables with one boolean column per reference of the contract: true when
    the value is null or present in the parent table. The published files are not changed."""
    import pyarrow as pa
    import pyarrow.compute as pc

    out = dict(tables)
    for table in contract.tables().values():
        for column in (c for c in table.columns if c.references):
            parent = column.references
            if out[table.name] is tables[table.name]:
                out[table.name] = tables[table.name].copy()
            frame = out[table.name]
            # pyarrow's is_in: pandas' isin on Arrow-backed strings loops in Python.
            found_values = pa.array(frame[column.name], type=pa.string(), from_pandas=True)
            parents = pa.array(
                tables[parent.table][parent.column], type=pa.string(), from_pandas=True
            )
            found = pc.or_(pc.is_null(found_values), pc.is_in(found_values, value_set=parents))
            frame[reference_column(column.name)] = found.to_numpy(zero_copy_only=False)
    return out


def _exists(column: str) -> gxe.Expectation:
    return gxe.ExpectColumnValuesToBeInSet(column=reference_column(column), value_set=[True])


def contract_expectations(table: contract.Table) -> list[gxe.Expectation]:
    """What the contract promises of one staged file's values: vocabularies and references.
    List columns (signals) are checked against the vocabulary by dbt only."""
    expectations: list[gxe.Expectation] = []
    for column in table.columns:
        if column.vocabulary and not column.is_list:
            expectations.append(_in(column.name, column.vocabulary))
        if column.references:
            expectations.append(_exists(column.name))
    return expectations


def build_suites(
    tables: dict[str, pd.DataFrame], previous_rows: dict[str, int]
) -> dict[str, list[gxe.Expectation]]:
    """Expectations per table. Run them on `add_reference_columns(tables)`."""
    articles, claims = tables["articles"], tables["claims"]
    shrink_ok = os.environ.get("FACTCHECK_ALLOW_SHRINK") == "1"
    min_articles = 1 if shrink_ok else max(1, previous_rows.get("articles", 0))

    suites = {name: contract_expectations(table) for name, table in contract.tables().items()}
    # No run publishes fewer articles than the previous release.
    suites["articles"].append(gxe.ExpectTableRowCountToBeBetween(min_value=min_articles))
    suites["claims"].append(gxe.ExpectTableRowCountToBeBetween(min_value=1 if len(articles) else 0))
    # Exactly one status per claim, and at least one state in each claim's history.
    suites["verification_status"].append(gxe.ExpectTableRowCountToEqual(value=len(claims)))
    suites["verification_history"].append(gxe.ExpectTableRowCountToBeBetween(min_value=len(claims)))
    # Every claim is in exactly one group: the groups' members add up to the claims.
    suites["claim_groups"].append(
        gxe.ExpectColumnSumToBeBetween(
            column="member_count", min_value=len(claims), max_value=len(claims)
        )
    )
    return suites
