"""The data contract is read from the marts' yml; dbt reads the same files. They agree."""

from __future__ import annotations

import json

import pytest

from factcheck.contract import ContractError, tables
from factcheck.settings import Paths
from factcheck.transform import run_dbt


@pytest.fixture(scope="module")
def manifest(tmp_path_factory) -> dict:
    """dbt's own reading of the project (`dbt parse`, no database needed)."""
    root = tmp_path_factory.mktemp("parse")
    paths = Paths(raw=root / "raw", data=root / "data")
    run_dbt("parse", paths)
    return json.loads((paths.dbt_target_dir / "manifest.json").read_text())


def test_every_mart_is_a_published_table_with_an_enforced_contract(manifest):
    marts = {
        node["name"]: node
        for node in manifest["nodes"].values()
        if node["resource_type"] == "model" and node["path"].startswith("marts/")
    }
    assert set(marts) == set(tables())
    for name, table in tables().items():
        node = marts[name]
        assert node["config"]["contract"]["enforced"] is True, name
        declared = [(c, v["data_type"]) for c, v in node["columns"].items()]
        assert declared == [(c.name, c.data_type) for c in table.columns], name
        assert tuple(node["config"]["meta"]["release_order"]) == table.release_order


def test_vocabulary_and_references_as_dbt_sees_them(manifest):
    tests = [n for n in manifest["nodes"].values() if n["resource_type"] == "test"]
    dbt_vocabulary = {
        (t["attached_node"].split(".")[-1], t["column_name"]): (
            t["test_metadata"]["kwargs"].get("domain") or t["column_name"]
        )
        for t in tests
        if t.get("test_metadata", {}).get("name") == "in_vocabulary"
    }
    ours = {
        (name, c.name): c.vocabulary
        for name, table in tables().items()
        for c in table.columns
        if c.vocabulary
    }
    assert ours == {k: v for k, v in dbt_vocabulary.items() if k[0] in tables()}
    references = sum(1 for t in tables().values() for c in t.columns if c.references)
    dbt_references = [
        t
        for t in tests
        if t.get("test_metadata", {}).get("name") == "relationships"
        and t["attached_node"].split(".")[-1] in tables()
    ]
    assert references == len(dbt_references) > 0


MART = """
version: 2
models:
  - name: things
    config:
      contract: {{enforced: {enforced}}}
      meta: {{release_order: [{order}]}}
    columns:
      - name: thing_id
        {data_type}
"""


@pytest.mark.parametrize(
    ("enforced", "order", "data_type", "message"),
    [
        ("true", "thing_id", "", "column thing_id has no data_type"),
        ("false", "thing_id", "data_type: varchar", "must set config.contract.enforced"),
        ("true", "thing_key", "data_type: varchar", "not columns: ['thing_key']"),
    ],
)
def test_a_mart_that_does_not_declare_its_contract_is_a_clear_error(
    tmp_path, enforced, order, data_type, message
):
    (tmp_path / "things.yml").write_text(
        MART.format(enforced=enforced, order=order, data_type=data_type)
    )
    with pytest.raises(ContractError, match=r"things\.yml") as error:
        tables(tmp_path)
    assert message in str(error.value)


def test_the_marts_tests_skipped_at_night_are_checked_by_the_gate(manifest):
    """An incremental build leaves to the release gate the marts' tests it repeats
    (contract.GATE_CHECKED_TESTS): each one is read into the contract, so the gate checks
    it (not null and vocabulary on tonight's rows, keys, references and vocabularies on the
    whole release); none is narrowed by a `where` or demoted to a warning."""
    from factcheck.contract import GATE_CHECKED_TESTS

    skipped = [
        n
        for n in manifest["nodes"].values()
        if n["resource_type"] == "test"
        and n["original_file_path"].startswith("models/marts/")
        and n.get("test_metadata", {}).get("name") in GATE_CHECKED_TESTS
    ]
    assert len(skipped) > 50
    for test in skipped:
        table = tables()[test["attached_node"].split(".")[-1]]
        kind, kwargs = test["test_metadata"]["name"], test["test_metadata"]["kwargs"]
        column = next((c for c in table.columns if c.name == test["column_name"]), None)
        assert not test["config"].get("where") and test["config"]["severity"] == "ERROR"
        if kind == "not_null":
            checked = column.not_null
        elif kind == "unique":
            checked = (column.name,) in table.unique_keys
        elif kind == "unique_combination":
            checked = tuple(kwargs["columns"]) in table.unique_keys
        elif kind == "relationships":
            checked = column.references is not None
        else:
            checked = column.vocabulary is not None
        assert checked, test["unique_id"]
