"""Claims and actors on the seed articles and the Wikinews sample."""

from __future__ import annotations

import pytest

from factcheck.extract.article import extract_article
from factcheck.ingest.layout import parse_fields, parse_text_article


@pytest.fixture(scope="module")
def seeds(seed_texts):
    out = []
    for text in seed_texts:
        article = parse_text_article(text)
        claims, mentions = extract_article(article.headline, article.dek, article.body_text)
        out.append((article, claims, mentions))
    return out


def quotes(claims, speaker=None):
    return [
        c
        for c in claims
        if c.claim_type == "direct_quote" and (speaker is None or c.speaker_name == speaker)
    ]


def test_direct_quotes_and_speakers_of_the_first_seed(seeds):
    _, claims, _ = seeds[0]
    by_start = {c.claim_text[:30]: c.speaker_name for c in quotes(claims)}
    assert by_start["[If] there will be at least on"] == "Anatoly Lappo"  # "Lappo said"
    assert by_start["This is a threat. It cannot be"] == "Roman Kostenko"  # surname + apposition
    assert by_start["We know that Belarus is an ene"] == "Roman Kostenko"  # "he added"
    assert by_start["Today we believe that the NATO"] == "Viktor Khrenin"
    lukashenko = quotes(claims, "Alexander Lukashenko")
    assert len(lukashenko) == 2  # a quote interrupted by its attribution: both parts are his


def test_quote_in_dek_with_title_and_source_outlet(seeds):
    _, claims, _ = seeds[1]
    dek = [c for c in claims if c.location == "dek" and c.claim_type == "direct_quote"]
    assert dek and dek[0].speaker_name == "Alexander Lukashenko"
    assert dek[0].claim_text == "We are forced to react harshly"
    nikolenko = quotes(claims, "Oleh Nikolenko")
    assert nikolenko[0].source_name == "Ukrainska Pravda"
    assert nikolenko[0].speaker_role == "Foreign Ministry spokesperson"
    assert nikolenko[0].attribution_cue == "told"


def test_scare_quotes_are_partial(seeds):
    _, claims, _ = seeds[1]
    partial = {c.claim_text for c in claims if c.claim_type == "partial_quote"}
    assert {"non-aggression pact", "use of force", "interoperability measures"} <= partial
    assert not any(c.claim_text == "non-aggression pact" for c in quotes(claims))


def test_reported_speech_and_according_to(seeds):
    _, claims, _ = seeds[1]
    reported = {c.speaker_name for c in claims if c.claim_type == "reported_speech"}
    assert "Belarusian Ministry of Defense" in reported
    assert "Alexander Lukashenko" in reported  # "Lukashenko suggested Tuesday that ..."
    tass = [c for c in claims if c.source_name == "TASS" or c.speaker_name == "TASS"]
    assert tass


def test_reporter_unconfirmed_signal_on_the_pact_claim(seeds):
    _, claims, _ = seeds[1]
    flagged = [c for c in claims if "reporter_unconfirmed" in c.signals]
    assert flagged and all("non-aggression pact" in c.claim_text for c in flagged)


def test_actors_of_the_seeds(seeds):
    people = {m.name for _, _, mentions in seeds for m in mentions if m.actor_type == "person"}
    assert {
        "Alexander Lukashenko",
        "Anatoly Lappo",
        "Roman Kostenko",
        "Viktor Khrenin",
        "Oleh Nikolenko",
        "Volodymyr Zelensky",
        "Oleg Salyukov",
    } <= people
    everything = {m.name for _, _, mentions in seeds for m in mentions}
    # Photographers, agencies in credits, sections, kickers are not actors.
    assert not {"Mikhail Svetlov", "Getty Images", "ALEXEY DANICHEV", "SHAMELESS"} & everything
    roles = {(m.name, m.role) for _, _, mentions in seeds for m in mentions if m.role}
    assert ("Alexander Lukashenko", "Belarusian President") in roles
    assert ("Viktor Khrenin", "Belarusian Defense Minister") in roles


def test_offsets_point_at_the_claim_in_every_article(wikinews_rows, seed_texts):
    articles = [parse_text_article(t) for t in seed_texts]
    articles += [parse_fields(r["title"], r["body"]) for r in wikinews_rows[:120]]
    checked = 0
    for article in articles:
        fields = {"headline": article.headline, "dek": article.dek, "body": article.body_text}
        claims, mentions = extract_article(article.headline, article.dek, article.body_text)
        for claim in claims:
            assert fields[claim.location][claim.char_start : claim.char_end] == claim.claim_text
            assert 0 <= claim.checkworthiness <= 1
            checked += 1
        for mention in mentions:
            field = fields[mention.location]
            assert field[mention.char_start :].startswith(mention.mention_text)
    assert checked > 1000


def test_checkworthiness_ranks_figures_above_opinion():
    from factcheck.extract.scoring import checkworthiness

    factual = "The ministry said 4,500 troops were deployed to Latvia in March 2022."
    opinion = "It seems like a wonderful idea that we should perhaps think about."
    assert checkworthiness(factual) > checkworthiness(opinion)


def test_extraction_is_deterministic(seed_texts):
    article = parse_text_article(seed_texts[0])
    first = extract_article(article.headline, article.dek, article.body_text)
    second = extract_article(article.headline, article.dek, article.body_text)
    assert first == second


def test_workers_extract_what_this_process_would(wikinews_rows, monkeypatch):
    """A large batch goes to worker processes, which hand back Arrow slices: joined, they
    are the array this process builds alone (and in the articles' order)."""
    from factcheck.extract import parallel

    rows = [(r["title"], None, r["body"], None) for r in wikinews_rows]
    assert len(rows) >= parallel.PARALLEL_FROM
    monkeypatch.setattr(parallel, "worker_count", lambda: 2)
    in_process = parallel._extract_slice(rows)
    try:
        by_workers = parallel.extract_many(rows)
        assert parallel._pool is not None  # the batch did go to the workers
    finally:
        parallel.shutdown()
    assert by_workers.equals(in_process)
    assert by_workers.type == parallel.ARROW_EXTRACTION_TYPE
    assert len(parallel.extract_many([])) == 0
