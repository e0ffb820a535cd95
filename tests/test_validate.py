"""The quality gate's referential checks (the suites themselves run in the end-to-end tests)."""

from __future__ import annotations

import pandas as pd

from factcheck.validate import load_suites_module


def test_references_are_checked_on_derived_columns_not_value_sets():
    suites = load_suites_module()
    tables = {
        "articles": pd.DataFrame({"article_id": ["art_1"]}),
        "claims": pd.DataFrame(
            {
                "claim_id": ["c1", "c2"],
                "article_id": ["art_1", "art_gone"],
                "speaker_actor_id": [None, "act_1"],
            }
        ),
        "actors": pd.DataFrame({"actor_id": ["act_1"]}),
        "actor_mentions": pd.DataFrame({"article_id": ["art_1"], "actor_id": ["act_2"]}),
        "claim_actors": pd.DataFrame({"claim_id": ["c1"], "actor_id": ["act_1"]}),
        "verification_status": pd.DataFrame({"claim_id": ["c1", "c2"]}),
        "verification_history": pd.DataFrame({"claim_id": ["c3"]}),
    }
    checked = suites.add_reference_columns(tables)
    exists = suites.reference_column
    assert checked["claims"][exists("article_id")].tolist() == [True, False]
    assert checked["claims"][exists("speaker_actor_id")].tolist() == [True, True]  # null is fine
    assert checked["actor_mentions"][exists("actor_id")].tolist() == [False]
    assert checked["verification_history"][exists("claim_id")].tolist() == [False]
    assert exists("article_id") not in tables["claims"]  # the release's frames are untouched
    expectations = suites.build_suites(checked, {})
    value_sets = [getattr(e, "value_set", None) for table in expectations.values() for e in table]
    assert max(len(v) for v in value_sets if v) < 20  # no id lists inside expectations
