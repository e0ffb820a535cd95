"""The gold-sample evaluation: its parts on small inputs, and the floors on tests/gold/."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.evaluation.gold import Entity, GoldFormatError, load_gold
from factcheck.evaluation.observed import ObservedActor, ObservedArticle, ObservedClaim
from factcheck.evaluation.score import quote_key, score

GOLD = Path(__file__).resolve().parent / "gold"

# The floors the issue sets: a drop below any of them fails the build.
FLOORS = {
    ("direct quotes", "precision"): 0.95,
    ("direct quotes", "recall"): 0.95,
    ("speaker attribution", "recall"): 0.92,
    ("persons", "precision"): 0.92,
    ("persons", "recall"): 0.92,
    ("layout fields", "recall"): 1.0,
}


def write(tmp_path: Path, name: str, text: str) -> Path:
    (tmp_path / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_names_fold_case_accents_and_punctuation():
    entity = Entity.parse("Joachim Brudziński|Brudzinski")
    assert entity.matches("JOACHIM BRUDZINSKI")
    assert entity.matches("brudziński")
    assert not entity.matches("Joachim")
    assert quote_key("“We are forced to react harshly,”") == quote_key(
        "we are forced to react harshly"
    )


def test_annotation_errors_name_the_file(tmp_path):
    write(tmp_path, "a.yaml", "article: x\nquotes:\n  - text: hello\n")
    with pytest.raises(GoldFormatError, match=r"a\.yaml.*speaker"):
        load_gold(tmp_path)
    write(tmp_path, "a.yaml", "article: x\nperson: [A B]\n")
    with pytest.raises(GoldFormatError, match="unknown keys"):
        load_gold(tmp_path)


def test_scores_count_misses_false_finds_and_wrong_speakers(tmp_path):
    write(
        tmp_path,
        "a.yaml",
        """
article: https://example.org/a
quotes:
  - {text: "We will win this", speaker: Ann Lee}
  - {text: "Nobody saw it coming", speaker: Bo Park}
persons: [Ann Lee, Bo Park]
not_actors: [Photo Desk]
""",
    )
    gold = load_gold(tmp_path)
    built = ObservedArticle(
        "art_1",
        {},
        claims=[
            ObservedClaim("direct_quote", "We will win this.", "Bo Park", "Park"),
            ObservedClaim("direct_quote", "Something else entirely", None, None),
        ],
        actors=[
            ObservedActor("act_1", "Ann Lee", "person"),
            ObservedActor("act_2", "Photo Desk", "person"),
        ],
    )
    report = score(gold, {"https://example.org/a": built})
    quotes, speakers, persons = (
        report.tallies[name] for name in ("direct quotes", "speaker attribution", "persons")
    )
    assert (quotes.tp, quotes.fp, quotes.fn) == (1, 1, 1)
    assert (speakers.tp, speakers.fn) == (0, 1)  # found, but given to the wrong person
    assert (persons.tp, persons.fp, persons.fn) == (1, 1, 1)
    assert report.forbidden == ["a.yaml: Photo Desk"]


def test_the_gold_sample_is_well_formed():
    gold = load_gold(GOLD / "annotations")
    assert len(gold) >= 27
    assert sum(len(a.quotes) for a in gold) > 100


@pytest.mark.e2e
def test_extraction_meets_the_floors_on_the_gold_sample(tmp_path):
    from factcheck.evaluation.run import evaluate

    report = evaluate(GOLD, tmp_path / "eval")
    below = {
        f"{category} {measure}": round(getattr(report.tallies[category], measure), 3)
        for (category, measure), floor in FLOORS.items()
        if getattr(report.tallies[category], measure) < floor
    }
    assert not below, f"below the floor: {below}"
    assert report.forbidden == []
