"""dbt's unit tests: the SQL rules checked on fixed rows, where they live (the models' yml).

The rules that a whole nightly run reaches only by chance — the latest verdict wins,
verdicts without a claim are orphaned, history intervals, lone surnames, how claims
group and how a verdict reaches its group — are written as
`unit_tests:` beside their models. The nightly build leaves them out; this runs them, on a
build database whose tables exist but are empty (`dbt build --empty`).
"""

from __future__ import annotations

import duckdb

from factcheck.ingest.load import ensure_schema
from factcheck.settings import Paths
from factcheck.transform import run_dbt, write_build_numbers

RULES = {
    "unit_test.factcheck.verification_status.latest_verdict_wins",
    "unit_test.factcheck.verification_history.history_intervals",
    "unit_test.factcheck.orphaned_verdicts.verdicts_without_a_claim_are_orphaned",
    "unit_test.factcheck.int_actor_names.lone_surnames_take_the_one_full_name",
    "unit_test.factcheck.int_claim_texts.quotation_marks_case_ellipses_and_punctuation_do_not_count",
    "unit_test.factcheck.int_unit_choices.units_link_to_the_longest_text_of_their_speaker",
    "unit_test.factcheck.int_claim_groups.wire_copies_and_longer_quotes_group_other_speakers_and_statements_do_not",
    "unit_test.factcheck.int_group_verdicts.a_verdict_rates_every_member_of_the_group",
}


def test_sql_rules_pass_their_unit_tests(tmp_path):
    paths = Paths(raw=tmp_path / "raw", data=tmp_path / "data")
    paths.build_dir.mkdir(parents=True)
    con = duckdb.connect(str(paths.build_db))
    ensure_schema(con)  # the raw tables dbt reads, empty
    con.close()
    write_build_numbers(paths, build=0, since=-1)  # and the build's bookkeeping
    outcome = run_dbt("build", paths, "--empty")  # raises, naming them, if any fails
    ran = {n.unique_id: n.status for n in outcome.nodes if n.unique_id.startswith("unit_test.")}
    assert set(ran) >= RULES
    assert set(ran.values()) == {"pass"}
