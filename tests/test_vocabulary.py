"""The enumerations are read from the vocabulary seed by everything that needs them."""

from __future__ import annotations

import csv

import pytest

from factcheck.cli import build_parser
from factcheck.contract import tables
from factcheck.settings import DBT_PROJECT_DIR
from factcheck.verdicts import InvalidVerdict, rating_labels, validate
from factcheck.vocabulary import INITIAL_STATUS, values, verdict_statuses


def test_every_domain_the_contract_names_is_declared():
    domains = {c.vocabulary for t in tables().values() for c in t.columns if c.vocabulary}
    assert domains >= {"claim_type", "location", "actor_type", "relation", "status", "rating"}
    for domain in domains:
        assert values(domain), domain


def test_an_unknown_domain_names_the_known_ones():
    with pytest.raises(KeyError, match="domains: actor_type, claim_type"):
        values("colour")


def test_verdicts_take_every_status_but_the_initial_one():
    assert INITIAL_STATUS in values("status")
    assert set(verdict_statuses()) == set(values("status")) - {INITIAL_STATUS}
    fields = {"claim_id": "clm_0123456789abcdef", "reviewed_by": "Ana", "reviewed_at": "2026-01-01"}
    with pytest.raises(InvalidVerdict, match="must be one of: in_review, rated"):
        validate(fields | {"status": INITIAL_STATUS}, rating_labels())


def test_rating_scale_maps_labels_to_vocabulary_ratings():
    with (DBT_PROJECT_DIR / "seeds" / "rating_scale.csv").open(encoding="utf-8") as handle:
        ratings = {row["rating"] for row in csv.DictReader(handle)}
    assert ratings == set(values("rating"))


def test_command_line_choices_come_from_the_vocabulary(capsys):
    parser = build_parser()
    args = parser.parse_args(["claims", "--type", "assertion", "--status", "in_review"])
    assert (args.type, args.status) == ("assertion", "in_review")
    with pytest.raises(SystemExit) as exit_info:
        parser.parse_args(["claims", "--type", "rumour"])
    assert exit_info.value.code == 2
    assert "direct_quote" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        parser.parse_args(["verdict", "clm_0123456789abcdef", "--status", INITIAL_STATUS])
