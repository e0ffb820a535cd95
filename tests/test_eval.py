"""The gold-sample evaluation: its parts on small inputs, and the floors on tests/gold/."""

from __future__ import annotations

from pathlib import Path

import pytest

from factcheck.evaluation.gold import Entity, GoldFormatError, load_gold
from factcheck.evaluation.observed import ObservedActor, ObservedArticle, ObservedClaim
from factcheck.evaluation.score import quote_key, score

GOLD = Path(__file__).resolve().parent / "gold"

# The floors the issues set: a drop below any of them fails the build. Speakers are scored
# on every quotation with a named speaker, partial quotes included.
FLOORS = {
    ("quotations", "precision"): 0.97,
    ("quotations", "recall"): 0.97,
    ("speaker attribution", "recall"): 0.92,
    ("reported speech", "precision"): 0.90,
    ("reported speech", "recall"): 0.80,
    ("persons", "precision"): 0.92,
    ("persons", "recall"): 0.90,
    ("layout fields", "recall"): 1.0,
}
JUNK_CEILING = 0.01  # names, roles and aliases of person actors that are not what they say


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
    assert (speakers.tp, speakers.fp, speakers.fn) == (0, 1, 1)  # given to the wrong person
    assert (persons.tp, persons.fp, persons.fn) == (1, 1, 1)
    assert report.forbidden == ["a.yaml: Photo Desk"]


def test_the_gold_sample_is_well_formed():
    gold = load_gold(GOLD / "annotations")
    assert len(gold) >= 49
    assert sum(len(a.quotes) for a in gold) > 250
    assert sum(len(a.partial_quotes) for a in gold) > 100
    assert sum(len(a.roles) for a in gold) > 100


def test_partial_quotes_roles_and_junk_are_scored(tmp_path):
    write(
        tmp_path,
        "a.yaml",
        """
article: https://example.org/a
partial_quotes:
  - {text: "a total disgrace", speaker: Ann Lee}
  - {text: "Green Deal", speaker: null}
persons: [Ann Lee, "Bo Park|Bo K. Park"]
roles:
  Ann Lee: [Senator, "a Democrat from Ohio"]
""",
    )
    gold = load_gold(tmp_path)
    built = ObservedArticle(
        "art_1",
        {},
        claims=[
            ObservedClaim("partial_quote", "“a total disgrace,”", "Ann Lee", "Ann Lee"),
            ObservedClaim("partial_quote", "Green Deal", "Ann Lee", "Ann Lee"),
        ],
        actors=[
            ObservedActor("act_1", "Ann Lee", "person", {"Senator", "Yet Senator"}, {"Sen. Lee"}),
            ObservedActor("act_2", "Bo Park", "person", set(), {"Park and Lee"}),
            ObservedActor("act_3", "Maria Full", "person"),
        ],
    )
    report = score(gold, {"https://example.org/a": built})
    quotations, speakers = report.tallies["quotations"], report.tallies["speaker attribution"]
    assert (quotations.tp, quotations.fp, quotations.fn) == (2, 0, 0)
    assert (speakers.tp, speakers.fp, speakers.fn) == (1, 1, 0)  # a speaker for a name
    junk = {kind: (j.junk, j.total) for kind, j in report.junk.items()}
    assert junk == {"names": (1, 3), "roles": (1, 2), "aliases": (1, 2)}


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
    assert report.junk_rate <= JUNK_CEILING, {k: j.junk for k, j in report.junk.items()}
    assert report.forbidden == []
