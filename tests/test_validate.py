"""The quality gate: whole-release invariants as set-based DuckDB queries, the staged files'
types compared with the contract, and the GX suites for tonight's rows (the suites run on
real nights in the end-to-end tests)."""

from __future__ import annotations

import json
import re

import duckdb

from factcheck import contract
from factcheck.contract import tables as contract_tables
from factcheck.fingerprint import code_version
from factcheck.fsutil import sha256_file
from factcheck.invariants import release_checks
from factcheck.partitions import PartitionFile, ReleaseFiles, previous_files
from factcheck.validate import (
    QualityGateFailed,
    load_suites_module,
    schema_mismatches,
    validate_release,
)


def write_staged(directory, overrides: dict[tuple[str, str], str], rows=None) -> None:
    """One Parquet file per contract table (`<table>/all.parquet`), typed as the contract
    says unless overridden ({(table, column): type}); `rows` gives some tables' rows as
    {table: [{column: value}]}, every other column null."""
    for name in contract_tables():
        write_partition(directory, name, "all", (rows or {}).get(name) or [], overrides)


def write_partition(directory, name: str, partition: str, rows: list[dict], overrides=None):
    """One Parquet file of table `name`, `<name>/<partition>.parquet`, holding `rows`
    ({column: value}, every other column null), typed as the contract says unless
    overridden; its PartitionFile as a manifest lists it."""
    table = contract_tables()[name]
    selects = [
        "select "
        + ", ".join(
            f"cast({_literal(row.get(c.name))} as "
            f"{(overrides or {}).get((name, c.name), c.data_type)}) as {c.name}"
            for c in table.columns
        )
        for row in rows or [{}]
    ]
    query = " union all ".join(selects) + ("" if rows else " limit 0")
    out = directory / name / f"{partition}.parquet"
    out.parent.mkdir(parents=True, exist_ok=True)
    duckdb.execute(f"copy ({query}) to '{out}' (format parquet)")
    return PartitionFile(name, partition, len(rows), out.stat().st_size, sha256_file(out), "")


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


def _claim(claim_id: str, claim_type: str = "assertion") -> dict:
    return {
        "claim_id": claim_id,
        "article_id": "art_1",
        "claim_type": claim_type,
        "claim_group_id": "grp_1",
    }


def _night(tmp_path, kept_claims: list[dict], tonight_claims: list[dict]):
    """A previous release and tonight's, made by this code: the articles, the group and
    the claims' statuses (of c1 and c2) kept, and the claims in two partitions, `seen-1`
    kept and `seen-2` written tonight (c2, in the previous release)."""
    previous, staged = tmp_path / "previous", tmp_path / "staged"
    kept_rows = {
        "articles": [{"article_id": "art_1", "content_sha256": "a"}],
        "claim_groups": [{"claim_group_id": "grp_1", "member_count": 2}],
        "verification_status": [
            {"claim_id": c, "status": "unverified", "signals": []} for c in ("c1", "c2")
        ],
        "verification_history": [
            {"claim_id": c, "sequence": 1, "status": "unverified"} for c in ("c1", "c2")
        ],
    }
    old_files, new_files = [], []
    for name in contract_tables():
        if name == "claims":
            continue
        for release, files in ((previous, old_files), (staged, new_files)):
            files.append(write_partition(release, name, "all", kept_rows.get(name, [])))
    for release, files in ((previous, old_files), (staged, new_files)):
        files.append(write_partition(release, "claims", "seen-1", kept_claims))
    old_files.append(write_partition(previous, "claims", "seen-2", [_claim("c2")]))
    new_files.append(write_partition(staged, "claims", "seen-2", tonight_claims))
    manifest = {
        "schema_version": contract.SCHEMA_VERSION,
        "code_version": code_version(),
        "files": [f.as_manifest() for f in old_files],
        "tables": {"articles": {"rows": 1}},
    }
    files = ReleaseFiles(staged, new_files, previous, previous_files(manifest))
    return staged, files, manifest


def test_invariants_read_what_tonights_files_can_break(tmp_path):
    """Only the claims' partition `seen-2` is written tonight; the other files are the
    previous release's, which passed these checks. Tonight's claim that takes a kept
    claim's id, and the kept statuses of c2 that tonight's file removed, fail the gate as
    they do when every file is read; a kept row is not read again, so a night's checks
    cost what the night wrote (a bad term in a kept file, which only a release made by
    other code could hold, is found when every file is read: see the next test)."""
    staged, files, _ = _night(tmp_path, [_claim("c1", "rumour")], [_claim("c1")])
    whole = {c.describe() for c in release_checks(staged, {"articles": 1}) if not c.success}
    failed = {c.describe() for c in release_checks(staged, {"articles": 1}, files) if not c.success}
    unique = "claims: expect_column_values_to_be_unique {'column_list': ['claim_id']}"
    parent = "verification_status: expect_column_values_to_exist_in_parent {'column': 'claim_id'"
    assert any(f.startswith(unique) and "c1" in f for f in failed)
    assert any(f.startswith(parent) and "['c2']" in f for f in failed)
    assert any(f.startswith(unique) for f in whole)
    assert any(f.startswith(parent) and "['c2']" in f for f in whole)
    assert any("'rumour'" in f for f in whole)
    assert not any("'rumour'" in f for f in failed)
    history = "verification_history: expect_column_values_to_exist_in_parent {'column': 'claim_id'"
    assert any(f.startswith(history) and "['c2']" in f for f in failed)
    assert len(failed) == 3

    staged, files, _ = _night(tmp_path / "fine", [_claim("c1")], [_claim("c2")])
    assert [
        c.describe() for c in release_checks(staged, {"articles": 1}, files) if not c.success
    ] == []


class _RecordedConnection:
    """A DuckDB connection that keeps the text of every statement run on it."""

    def __init__(self, con, statements: list[str]) -> None:
        self._con, self._statements = con, statements

    def execute(self, sql, *args):
        self._statements.append(sql)
        return self._con.execute(sql, *args)

    def __getattr__(self, name):
        return getattr(self._con, name)


def test_each_referenced_key_column_is_read_from_the_release_once(tmp_path, monkeypatch):
    """Every file of a table is opened by each query that reads the whole table: the
    references to claims (five tables), its gone keys and its own key check read the ids
    of the same 260 files at 100,000 articles. The gate reads them once into a table of
    keys, and finds the same failures (test_invariants_read_what_tonights_files_can_break)."""
    import factcheck.invariants as invariants

    statements: list[str] = []
    connect = duckdb.connect
    monkeypatch.setattr(
        invariants.duckdb,
        "connect",
        lambda *a, **k: _RecordedConnection(connect(*a, **k), statements),
    )
    staged, files, _ = _night(tmp_path, [_claim("c1")], [_claim("c2")])
    assert [
        c.describe() for c in release_checks(staged, {"articles": 1}, files) if not c.success
    ] == []
    whole_claims = [
        s
        for s in statements
        if re.search(r"\b(from|join) claims\b(?!__)", s) and not s.startswith("create view")
    ]
    # the table of keys, and the row count (answered from the files' metadata)
    assert len(whole_claims) == 2, whole_claims


def test_after_a_code_change_every_row_is_tonights(tmp_path):
    """A kept file vouches for its rows only if the code that checked it is this code:
    the bad term in a file kept from a release made by other code fails the gate."""
    staged, files, manifest = _night(tmp_path, [_claim("c1", "rumour")], [_claim("c2")])
    results = tmp_path / "results.json"
    for code, bad_term_found in ((code_version(), False), ("0.0.0+other", True)):
        try:
            validate_release(
                staged, files.staged, manifest | {"code_version": code}, files.previous_dir, results
            )
        except QualityGateFailed as failed:
            assert bad_term_found, failed
            assert "expect_column_values_to_be_in_set {'column': 'claim_type'" in str(failed)
            assert "'rumour'" in str(failed)
        else:
            assert not bad_term_found, "the bad term of a release made by other code passed"


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


def test_great_expectations_reads_only_the_columns_it_checks_a_chunk_at_a_time(
    tmp_path, monkeypatch
):
    """On a cold release every row is tonight's: the claims' and articles' texts, whole
    tables in pandas and GX's work on them were most of the run's memory. GX gets only the
    columns its expectations check, and at most CHUNK_ROWS rows at a time; a bad row in
    any chunk still fails the gate, with the counts of the whole table."""
    from factcheck import validate
    from factcheck.partitions import PartitionFile

    release = tmp_path / "release"
    write_staged(release, {})
    con = duckdb.connect()
    claims = contract_tables()["claims"]
    values = {
        "claim_id": "'c' || i",
        "article_id": "'art_1'",
        "claim_type": "case when i = 4500 then 'rumour' else 'assertion' end",
    }
    columns = ", ".join(
        f"cast({values.get(c.name, 'null')} as {c.data_type}) as {c.name}" for c in claims.columns
    )
    con.execute(
        f"copy (select {columns} from range(5000) as t(i)) "
        f"to '{release / 'claims' / 'all.parquet'}' (format parquet)"
    )
    staged = [PartitionFile(name, "all", 0, 0, "", "") for name in contract_tables()]
    read: dict[str, list[tuple[int, list[str]]]] = {}
    chunks = validate.TonightFiles.chunks

    def recorded(self, name, columns=None, rows=None):
        for frame in chunks(self, name, columns, rows):
            read.setdefault(name, []).append((len(frame), list(frame.columns)))
            yield frame

    monkeypatch.setattr(validate.TonightFiles, "chunks", recorded)
    monkeypatch.setattr(validate, "CHUNK_ROWS", 2048)
    results = tmp_path / "r.json"
    try:
        validate.validate_release(release, staged, None, None, results)
    except validate.QualityGateFailed as failed:
        assert "claims: expect_column_values_to_be_in_set {'column': 'claim_type'" in str(failed)
        assert "1 unexpected, e.g. ['rumour']" in str(failed)
    else:
        raise AssertionError("the bad claim type passed")
    assert [rows for rows, _ in read["claims"]] == [2048, 2048, 904]
    claim_columns = read["claims"][0][1]
    assert "claim_type" in claim_columns and "claim_id" in claim_columns
    assert "claim_text" not in claim_columns and "sentence_text" not in claim_columns
    assert "body_text" in read["articles"][0][1]  # not null: read
    assert "dek" not in read["articles"][0][1]
    suites = json.loads(results.read_text())["suites"]
    assert suites["claims"]["rows_checked"] == 5000
    claim_type = next(
        r
        for r in suites["claims"]["results"]
        if r["expectation_config"]["kwargs"]["column"] == "claim_type"
        and "value_set" in r["expectation_config"]["kwargs"]
    )
    assert claim_type["result"]["element_count"] == 5000
    assert claim_type["result"]["unexpected_count"] == 1
    failed = [r for r in suites["claims"]["results"] if not r["success"]]
    assert claim_type in failed  # with the columns left null here
    assert suites["claims"]["statistics"]["unsuccessful_expectations"] == len(failed)
