"""Grouping and matching measured on the labelled sample (tests/linking): the scorer's parts
on small inputs, the calibration fit, and the floors on the sample itself."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from factcheck.evaluation.calibrate import (
    FEATURES,
    choose_threshold,
    fit,
    fit_weights,
    read_calibration,
)
from factcheck.evaluation.linking import (
    BuiltClaim,
    Candidate,
    LabelledClaim,
    LabelledPair,
    LinkingReport,
    load_labels,
    locate,
    score_grouping,
    score_matching,
    words,
)

SAMPLE = Path(__file__).resolve().parent / "linking"

# The floors the issue sets for matching, and ours for grouping.
FLOORS = {"matching precision": 0.9, "map_at_5": 0.85, "grouping precision": 0.95}
FLOORS |= {"grouping recall": 0.9, "matching recall": 0.8}


def candidate(url: str, rank: int, score: float | None, matched: bool) -> Candidate:
    return Candidate(url, rank, 0.5, 0.5, 1, score, matched)


def test_words_are_compared_as_grouping_compares_them():
    assert words("“We’ll cut 1,000 jobs … by MAY,”") == "well cut 1000 jobs by may"


def test_a_label_is_found_in_the_claim_that_holds_it_most_tightly():
    built = {
        "a1": [
            BuiltClaim("c1", words("He said the budget is balanced and the deficit is gone"), "g1"),
            BuiltClaim("c2", words("the budget is balanced"), "g2"),
        ]
    }
    assert locate(built, "a1", "The budget is balanced.").claim_id == "c2"
    assert locate(built, "a1", "Nothing like it") is None
    assert locate(built, "a9", "the budget is balanced") is None


def test_grouping_counts_pairs_of_one_group_against_the_labels():
    built = {
        "a": [BuiltClaim("c1", "one two three", "g1"), BuiltClaim("c2", "four five six", "g2")],
        "b": [BuiltClaim("c3", "one two three", "g1"), BuiltClaim("c4", "four five six", "g1")],
    }
    pairs = [
        LabelledPair("a", "one two three", "b", "one two three", True, "wire_copy"),
        LabelledPair("a", "four five six", "b", "four five six", True, "small_edit"),
        LabelledPair("a", "one two three", "b", "four five six", False, "other_statement"),
        LabelledPair("a", "seven", "b", "seven", True, "missing"),
    ]
    report = LinkingReport()
    score_grouping(pairs, built, report)
    assert (report.grouping.tp, report.grouping.fp, report.grouping.fn) == (1, 1, 2)
    assert report.unlocated == ["pair a / b (missing)"]


def test_matching_counts_links_and_averages_precision_at_five():
    claim = BuiltClaim("c1", "the budget is balanced", "g1")
    claim.candidates = [
        candidate("https://x/wrong", 1, 0.9, True),
        candidate("https://x/right", 2, 0.6, True),
        candidate("https://x/low", 3, None, False),  # below min_score: not published
    ]
    other = BuiltClaim("c2", "nobody checked this claim", "g2")
    other.candidates = [candidate("https://x/right", 1, 0.3, False)]
    built = {"a": [claim, other]}
    labels = [
        LabelledClaim("a", "the budget is balanced", "https://x/right"),
        LabelledClaim("a", "nobody checked this claim", None),
    ]
    report = LinkingReport()
    score_matching(labels, built, report)
    assert (report.matching.tp, report.matching.fp, report.matching.fn) == (1, 1, 0)
    assert report.average_precision == [0.5]
    assert report.map_at_5 == 0.5


def test_the_fit_separates_and_the_threshold_keeps_precision():
    rng = np.random.default_rng(13)
    good = rng.uniform(0.5, 1.0, size=(40, 2))
    bad = rng.uniform(0.0, 0.55, size=(60, 2))
    x = np.hstack([np.ones((100, 1)), np.vstack([good, bad])])
    y = np.array([1.0] * 40 + [0.0] * 60)
    beta = fit_weights(x, y)
    assert beta[1] > 0 and beta[2] > 0
    scores = 1 / (1 + np.exp(-(x @ beta)))
    threshold = choose_threshold(scores, y, known=40)
    kept = scores >= threshold
    assert y[kept].sum() / kept.sum() >= 0.95
    assert y[kept].sum() >= 30  # most of the true pairs are kept
    # Nothing reaches the precision: no threshold lets anything through.
    assert choose_threshold(np.array([0.9, 0.8]), np.array([0.0, 1.0]), known=1) == 1.0


def test_the_sample_is_well_formed():
    pairs, claims = load_labels(SAMPLE)
    assert len(pairs) >= 100 and {p.same for p in pairs} == {True, False}
    assert sum(c.review_url is not None for c in claims) >= 30
    assert sum(c.review_url is None for c in claims) >= 5
    assert set(read_calibration()) == {"intercept", *FEATURES, "threshold", "min_score"}


@pytest.mark.e2e
def test_grouping_and_matching_meet_the_floors_and_the_seed_is_the_fit(tmp_path):
    from factcheck.evaluation.linking import evaluate_linking, read_built
    from factcheck.settings import Paths

    report = evaluate_linking(SAMPLE, tmp_path / "linking")
    figures = {
        "matching precision": report.matching.precision,
        "matching recall": report.matching.recall,
        "map_at_5": report.map_at_5,
        "grouping precision": report.grouping.precision,
        "grouping recall": report.grouping.recall,
    }
    below = {
        name: round(figures[name], 3) for name, floor in FLOORS.items() if figures[name] < floor
    }
    assert not below, f"below the floor: {below}"
    assert report.unlocated == []
    # The seed is what fitting on the sample gives (refit with `factcheck eval --fit`).
    _, claims = load_labels(SAMPLE)
    refit = fit(claims, read_built(Paths.resolve(SAMPLE, tmp_path / "linking").build_db))
    seed = read_calibration()
    assert seed["threshold"] == pytest.approx(refit.threshold, abs=1e-4)
    for name, weight in refit.weights.items():
        assert seed[name] == pytest.approx(weight, rel=1e-4)
