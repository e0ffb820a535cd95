"""The quality gate: referential checks on derived columns, and the staged files' types
compared with the contract (the suites themselves run in the end-to-end tests)."""

from __future__ import annotations

import duckdb
import pandas as pd

from factcheck.contract import tables as contract_tables
from factcheck.validate import load_suites_module, schema_mismatches


def test_references_are_checked_on_derived_columns_not_value_sets():
    suites = load_suites_module()
    tables = {
        "articles": pd.DataFrame({"article_id": ["art_1"]}),
        "claims": pd.DataFrame(
            {
                "claim_id": ["c1", "c2"],
                "article_id": ["art_1", "art_gone"],
                "speaker_actor_id": [None, "act_1"],
                "source_actor_id": [None, None],
                "claim_group_id": ["grp_1", "grp_1"],
            }
        ),
        "claim_groups": pd.DataFrame({"claim_group_id": ["grp_1"]}),
        "fact_checks": pd.DataFrame({"fact_check_id": ["fck_1"]}),
        "claim_fact_checks": pd.DataFrame(
            {"claim_id": ["c1", "c2"], "fact_check_id": ["fck_1", "fck_gone"]}
        ),
        "actors": pd.DataFrame({"actor_id": ["act_1"]}),
        "actor_mentions": pd.DataFrame({"article_id": ["art_1"], "actor_id": ["act_2"]}),
        "claim_actors": pd.DataFrame({"claim_id": ["c1"], "actor_id": ["act_1"]}),
        "verification_status": pd.DataFrame(
            {"claim_id": ["c1", "c2"], "rated_claim_id": ["c2", None]}
        ),
        "verification_history": pd.DataFrame({"claim_id": ["c3"], "rated_claim_id": [None]}),
    }
    checked = suites.add_reference_columns(tables)
    exists = suites.reference_column
    assert checked["claims"][exists("article_id")].tolist() == [True, False]
    assert checked["claims"][exists("speaker_actor_id")].tolist() == [True, True]  # null is fine
    assert checked["actor_mentions"][exists("actor_id")].tolist() == [False]
    assert checked["verification_history"][exists("claim_id")].tolist() == [False]
    assert checked["claims"][exists("claim_group_id")].tolist() == [True, True]
    assert checked["claim_fact_checks"][exists("fact_check_id")].tolist() == [True, False]
    assert checked["verification_status"][exists("rated_claim_id")].tolist() == [True, True]
    assert exists("article_id") not in tables["claims"]  # the release's frames are untouched
    expectations = suites.build_suites(checked, {})
    value_sets = [getattr(e, "value_set", None) for table in expectations.values() for e in table]
    assert max(len(v) for v in value_sets if v) < 20  # no id lists inside expectations


def write_staged(directory, overrides: dict[tuple[str, str], str]) -> None:
    """One empty Parquet file per contract table, typed as the contract says unless
    overridden: {(table, column): type}."""
    con = duckdb.connect()
    for name, table in contract_tables().items():
        columns = ", ".join(
            f"cast(null as {overrides.get((name, c.name), c.data_type)}) as {c.name}"
            for c in table.columns
        )
        out = directory / f"{name}.parquet"
        con.execute(f"copy (select {columns} limit 0) to '{out}' (format parquet)")
    con.close()


def test_staged_types_are_compared_with_the_contract(tmp_path):
    write_staged(tmp_path, {})
    assert schema_mismatches(tmp_path) == []
    write_staged(tmp_path, {("claims", "checkworthiness"): "varchar"})
    assert schema_mismatches(tmp_path) == [
        "claims: column checkworthiness is VARCHAR in the staged file, the contract declares DOUBLE"
    ]


def test_suites_follow_the_contract():
    suites = load_suites_module()
    frames = {"articles": pd.DataFrame({"a": [1]}), "claims": pd.DataFrame({"b": [1, 2]})}
    expectations = suites.build_suites(frames, {"articles": 5})
    assert set(expectations) == set(contract_tables())
    claim_type = next(
        e for e in expectations["claims"] if getattr(e, "column", None) == "claim_type"
    )
    assert set(claim_type.value_set) == {
        "direct_quote",
        "partial_quote",
        "reported_speech",
        "assertion",
    }
    [shrink] = [e for e in expectations["articles"] if hasattr(e, "min_value")]
    assert shrink.min_value == 5
