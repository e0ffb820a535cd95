"""The data contract's tables, read from the dbt models that build them.

Every published table is a mart of the dbt project, and its yml
(`dbt_project/models/marts/<table>.yml`) is the one place where its columns, their types,
descriptions and tests are written: dbt enforces it at build time (`contract: {enforced:
true}`), and this module reads the same files, so the release writer, the warehouse, the
quality gate and the tests follow the yml without a second list. A table's release order
(the sort key that makes its Parquet files byte-stable) is `config.meta.release_order`, and
`config.meta.release_partition` names the column that ties a row to an article
(`article_id`, `claim_id` through claims, or `claim_group_id` through the group's
latest-seen member): the release splits such a table into one file
per night its articles were first seen (factcheck.partitions).

Why the yml is read here rather than dbt's manifest.json, or generated from Python:
docs/data-contract.md. tests/test_contract.py checks that this reading agrees with dbt's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from factcheck.settings import DBT_PROJECT_DIR

# 2.0: each table is a directory of Parquet files (one per partition), listed in the manifest.
# 2.1: claim_groups gains `last_seen_at`, and a group's row is in the partition of that night
# (in 2.0, of the night it was first seen): a group that grows moves to tonight's file.
SCHEMA_VERSION = "2.1"

# The data tests of the published tables that this module reads from the marts' yml, and
# that the release gate therefore repeats, and more strongly: it checks their columns not
# null and in the vocabulary on tonight's rows (Great Expectations), and their keys unique,
# references resolved and vocabularies kept over the whole staged release
# (factcheck.invariants). dbt runs them on tonight's rows only, and not at all at night
# (factcheck.transform.night_exclusions).
GATE_CHECKED_TESTS = ("not_null", "unique", "unique_combination", "relationships", "in_vocabulary")
PARTITION_KEYS = ("article_id", "claim_id", "claim_group_id")
MARTS_DIR = DBT_PROJECT_DIR / "models" / "marts"

_REF = re.compile(r"""^\s*ref\(\s*['"](\w+)['"]\s*\)\s*$""")


class ContractError(ValueError):
    """A mart's yml does not declare what publishing needs; the message names the file."""


@dataclass(frozen=True)
class Reference:
    """A `relationships` test: every non-null value exists in `table.column`."""

    table: str
    column: str


@dataclass(frozen=True)
class Column:
    name: str
    data_type: str
    description: str | None = None
    vocabulary: str | None = None  # the domain of its `in_vocabulary` test, if any
    references: Reference | None = None
    not_null: bool = False
    unique: bool = False

    @property
    def is_list(self) -> bool:
        return self.data_type.endswith("[]")


@dataclass(frozen=True)
class Table:
    name: str
    release_order: tuple[str, ...]
    columns: tuple[Column, ...]
    partition_by: str | None = None  # one of PARTITION_KEYS; None: one file
    unique_keys: tuple[tuple[str, ...], ...] = ()  # `unique` and `unique_combination` tests

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def order_by(self) -> str:
        return ", ".join(self.release_order)


@cache
def tables(marts_dir: Path = MARTS_DIR) -> dict[str, Table]:
    """Every published table, by name (alphabetical), as its mart's yml declares it."""
    found = [_read_table(path) for path in sorted(marts_dir.glob("*.yml"))]
    if not found:
        raise ContractError(f"no mart yml files in {marts_dir}")
    return {table.name: table for table in found}


def published_tables() -> dict[str, str]:
    """Every table a release holds → the `order by` that writes it byte-stable."""
    return {name: table.order_by for name, table in tables().items()}


def _read_table(path: Path) -> Table:
    doc = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    models = doc.get("models") or []
    if len(models) != 1:
        raise ContractError(f"{path}: expected one model, found {len(models)}")
    model = models[0]
    name = model.get("name")
    config = model.get("config") or {}
    if not (config.get("contract") or {}).get("enforced"):
        raise ContractError(f"{path}: model {name} must set config.contract.enforced: true")
    columns = tuple(_read_column(path, raw) for raw in model.get("columns") or [])
    order = tuple((config.get("meta") or {}).get("release_order") or [])
    unknown = set(order) - {c.name for c in columns}
    if not order or unknown:
        raise ContractError(
            f"{path}: config.meta.release_order must list columns of {name} "
            f"(got {list(order)}; not columns: {sorted(unknown)})"
        )
    partition_by = (config.get("meta") or {}).get("release_partition")
    if partition_by is not None and (
        partition_by not in PARTITION_KEYS or partition_by not in {c.name for c in columns}
    ):
        raise ContractError(
            f"{path}: config.meta.release_partition must be one of {list(PARTITION_KEYS)} "
            f"and a column of {name} (got {partition_by!r})"
        )
    unique_keys = tuple((c.name,) for c in columns if c.unique) + tuple(
        tuple(arguments["columns"])
        for test_name, arguments in map(_test_parts, model.get("data_tests") or [])
        if test_name == "unique_combination"
    )
    return Table(
        name=name,
        release_order=order,
        columns=columns,
        partition_by=partition_by,
        unique_keys=unique_keys,
    )


def _read_column(path: Path, raw: dict) -> Column:
    name = raw.get("name")
    if not raw.get("data_type"):
        raise ContractError(f"{path}: column {name} has no data_type")
    vocabulary, references = None, None
    test_names = set()
    for test in raw.get("data_tests") or []:
        test_name, arguments = _test_parts(test)
        test_names.add(test_name)
        if test_name == "in_vocabulary":
            vocabulary = arguments.get("domain") or name
        elif test_name == "relationships":
            match = _REF.match(str(arguments.get("to", "")))
            if not match or not arguments.get("field"):
                raise ContractError(f"{path}: column {name}: relationships needs to: ref(...)")
            references = Reference(match.group(1), arguments["field"])
    return Column(
        name=name,
        data_type=str(raw["data_type"]).lower(),
        description=raw.get("description"),
        vocabulary=vocabulary,
        references=references,
        not_null="not_null" in test_names,
        unique="unique" in test_names,
    )


def _test_parts(test: str | dict) -> tuple[str, dict]:
    """A yml data test as (name, arguments): `unique`, or `{name: {arguments: {...}}}`."""
    if isinstance(test, str):
        return test, {}
    (name, spec), *_ = test.items()
    return name, (spec or {}).get("arguments") or {}
