"""The quality gate: whole-release invariants as set-based DuckDB queries, the staged files'
types compared with the contract, and the GX suites for tonight's rows (the suites run on
real nights in the end-to-end tests)."""

from __future__ import annotations

import duckdb

from factcheck.contract import tables as contract_tables
from factcheck.invariants import release_checks
from factcheck.validate import load_suites_module, schema_mismatches


def write_staged(directory, overrides: dict[tuple[str, str], str], rows=None) -> None:
    """One Parquet file per contract table (`<table>/all.parquet`), typed as the contract
    says unless overridden ({(table, column): type}); `rows` gives some tables' rows as
    {table: [{column: value}]}, every other column null."""
    con = duckdb.connect()
    for name, table in contract_tables().items():
        given = (rows or {}).get(name) or [{}]
        selects = [
            "select "
            + ", ".join(
                f"cast({_literal(row.get(c.name))} as "
                f"{overrides.get((name, c.name), c.data_type)}) as {c.name}"
                for c in table.columns
            )
            for row in given
        ]
        query = " union all ".join(selects) + ("" if (rows or {}).get(name) else " limit 0")
        out = directory / name / "all.parquet"
        out.parent.mkdir(parents=True, exist_ok=True)
        con.execute(f"copy ({query}) to '{out}' (format parquet)")
    con.close()


def _literal(value) -> str:
    if value is None:
        return "null"
    if isinstance(value, list):
        return "[" + ", ".join(_literal(v) for v in value) + "]"
    return "'" + str(value).replace("'", "''") + "'"


def test_staged_types_are_compared_with_the_contract(tmp_path):
    write_staged(tmp_path, {})
    assert schema_mismatches(tmp_path) == []
    write_staged(tmp_path, {("claims", "checkworthiness"): "varchar"})
    assert schema_mismatches(tmp_path) == [
        "claims: column checkworthiness is VARCHAR in the staged file, the contract declares DOUBLE"
    ]


def test_invariants_name_broken_keys_references_vocabularies_and_counts(tmp_path):
    write_staged(
        tmp_path,
        {},
        rows={
            "articles": [{"article_id": "art_1", "content_sha256": "a"}],
            "claims": [
                {"claim_id": "c1", "article_id": "art_1", "claim_type": "direct_quote"},
                {"claim_id": "c1", "article_id": "art_gone", "claim_type": "rumour"},
            ],
            "verification_status": [{"claim_id": "c1", "status": "unverified"}],
            "claim_fact_checks": [{"claim_id": "c1", "fact_check_id": "fck_gone"}],
        },
    )
    failed = {c.describe() for c in release_checks(tmp_path, {"articles": 2}) if not c.success}
    assert any("claims: expect_column_values_to_be_unique" in f and "c1" in f for f in failed)
    assert any(
        "claims: expect_column_values_to_exist_in_parent" in f and "art_gone" in f for f in failed
    )
    assert any("claims: expect_column_values_to_be_in_set" in f and "rumour" in f for f in failed)
    assert any("articles: expect_table_row_count_to_be_between" in f for f in failed)
    assert any("verification_status: expect_table_row_count_to_equal" in f for f in failed)
    assert any("claim_fact_checks: expect_column_values_to_exist_in_parent" in f for f in failed)
    assert any("claim_groups: expect_column_sum_to_be_between" in f for f in failed)
    assert not any("speaker_actor_id" in f for f in failed)  # null references are fine


def test_invariants_pass_on_a_consistent_release(tmp_path):
    write_staged(
        tmp_path,
        {},
        rows={
            "articles": [{"article_id": "art_1", "content_sha256": "a"}],
            "claims": [
                {
                    "claim_id": "c1",
                    "article_id": "art_1",
                    "claim_type": "assertion",
                    "claim_group_id": "grp_1",
                }
            ],
            "claim_groups": [{"claim_group_id": "grp_1", "member_count": 1}],
            "verification_status": [{"claim_id": "c1", "status": "unverified", "signals": []}],
            "verification_history": [{"claim_id": "c1", "sequence": 1, "status": "unverified"}],
        },
    )
    checks = release_checks(tmp_path, {"articles": 1})
    assert [c.describe() for c in checks if not c.success] == []
    assert len(checks) > 20


def test_suites_follow_the_contract():
    suites = load_suites_module()
    expectations = suites.build_suites()
    assert set(expectations) == set(contract_tables())
    claim_type = next(
        e
        for e in expectations["claims"]
        if getattr(e, "column", None) == "claim_type" and hasattr(e, "value_set")
    )
    assert set(claim_type.value_set) == {
        "direct_quote",
        "partial_quote",
        "reported_speech",
        "assertion",
    }
    not_null = {e.column for e in expectations["claims"] if not hasattr(e, "value_set")}
    assert {"claim_id", "article_id"} <= not_null


def test_great_expectations_reads_only_the_columns_its_expectations_check(tmp_path, monkeypatch):
    """On a cold release every row is tonight's: the claims' and articles' texts in pandas
    were most of the run's memory, and no row expectation reads them."""
    from factcheck import validate
    from factcheck.partitions import PartitionFile

    write_staged(
        tmp_path / "release",
        {},
        rows={
            "claims": [
                {"claim_id": "c1", "article_id": "art_1", "claim_type": "rumour"},
                {"claim_id": "c2", "article_id": "art_1", "claim_type": "assertion"},
            ]
        },
    )
    staged = [PartitionFile(name, "all", 0, 0, "", "") for name in contract_tables()]
    read: dict[str, list[str]] = {}
    rows = validate.TonightFiles.rows

    def recorded(self, name, columns=None):
        frame = rows(self, name, columns)
        read[name] = list(frame.columns)
        return frame

    monkeypatch.setattr(validate.TonightFiles, "rows", recorded)
    try:
        validate.validate_release(tmp_path / "release", staged, None, None, tmp_path / "r.json")
    except validate.QualityGateFailed as failed:
        assert "claims: expect_column_values_to_be_in_set {'column': 'claim_type'" in str(failed)
        assert "1 unexpected, e.g. ['rumour']" in str(failed)
    else:
        raise AssertionError("the bad claim type passed")
    assert "claim_type" in read["claims"] and "claim_id" in read["claims"]
    assert "claim_text" not in read["claims"] and "sentence_text" not in read["claims"]
    assert "body_text" in read["articles"]  # not null: read
    assert "dek" not in read["articles"]
