"""General patterns of news writing, one sentence at a time (not the gold articles)."""

from __future__ import annotations

from factcheck.extract.article import extract_article
from factcheck.ingest.layout import clean_body


def claims_of(body: str, headline: str = "A headline about events"):
    return extract_article(headline, None, body)[0]


def people_of(body: str) -> set[str]:
    return {
        m.name for m in extract_article("A headline", None, body)[1] if m.actor_type == "person"
    }


def direct(claims):
    return [(c.claim_text, c.speaker_name) for c in claims if c.claim_type == "direct_quote"]


def test_quote_right_after_a_speech_verb_is_direct():
    claims = claims_of('Mayor Jane Holloway said on Friday "We will rebuild the bridge by June."')
    assert direct(claims) == [("We will rebuild the bridge by June.", "Jane Holloway")]


def test_quote_woven_into_the_sentence_stays_partial():
    claims = claims_of('Mayor Jane Holloway said the plan was "a costly mistake for the city".')
    assert direct(claims) == []
    assert any(c.claim_type == "partial_quote" for c in claims)


def test_sentence_ends_at_a_closing_quote_followed_by_a_new_sentence():
    body = (
        'Minister Tom Avery said "The budget is balanced." '
        'Opposition leader Rita Okafor said "It is not balanced at all."'
    )
    assert direct(claims_of(body)) == [
        ("The budget is balanced.", "Tom Avery"),
        ("It is not balanced at all.", "Rita Okafor"),
    ]


def test_person_of_an_organisation_is_the_speaker():
    body = 'Karen Lindqvist of the Nordic Water Institute said, "Levels are the lowest on record."'
    [(_, speaker)] = direct(claims_of(body))
    assert speaker == "Karen Lindqvist"
    mentions = extract_article("A headline", None, body)[1]
    assert ("Nordic Water Institute", "organization") in {(m.name, m.actor_type) for m in mentions}


def test_place_before_a_name_is_part_of_the_title():
    body = 'The Mayor of Brackford Peter Lund said, "The roads will reopen tomorrow morning."'
    assert direct(claims_of(body)) == [("The roads will reopen tomorrow morning.", "Peter Lund")]


def test_pronoun_skips_people_named_inside_quotes_and_possessors():
    body = (
        "Senator Maria Duarte criticised Governor Alan Pike's budget on Tuesday.\n\n"
        '"I spoke with Tom Reyes about it," she said.'
    )
    assert direct(claims_of(body)) == [("I spoke with Tom Reyes about it", "Maria Duarte")]


def test_capitalised_pairs_need_evidence_to_be_people():
    body = (
        "The Civic Forum Platform met at Harbour View Hall on Monday. "
        "Engineer Olu Badmus attended, and so did Priya Raman. Badmus spoke first."
    )
    people = people_of(body)
    assert "Olu Badmus" in people  # a title before the name
    assert "Priya Raman" in people  # a known given name
    assert not {"Harbour View Hall", "Civic Forum Platform", "View Hall"} & people


def test_ordinary_words_are_not_a_name():
    people = people_of("He thanked the Health Care workers and said Rest In Peace to Mr Dunn.")
    assert not {"Health Care", "Rest In Peace"} & people


def test_list_of_two_people_is_two_people():
    assert {"Anna Kowal", "Nicolas Bertin"} <= people_of(
        "Officers Anna Kowal and Nicolas Bertin were suspended."
    )


def test_reported_speech_needs_a_clause():
    claims = claims_of("Governor Alan Pike announced the new budget plan on Tuesday.")
    assert not [c for c in claims if c.claim_type == "reported_speech"]
    claims = claims_of("Governor Alan Pike announced that the budget would be cut by 5%.")
    [reported] = [c for c in claims if c.claim_type == "reported_speech"]
    assert reported.speaker_name == "Alan Pike"


def test_unnamed_sources_report_without_an_actor():
    claims = claims_of("The suspect fled the scene in a red car, police said.")
    [reported] = [c for c in claims if c.claim_type == "reported_speech"]
    assert reported.speaker_type is None


def test_words_before_a_colon_quote_are_reported_speech():
    body = 'Dr Lena Fox told the press the trial had ended early: "The results were clear."'
    claims = claims_of(body)
    assert direct(claims) == [("The results were clear.", "Lena Fox")]
    assert [c.claim_text for c in claims if c.claim_type == "reported_speech"] == [
        "the trial had ended early"
    ]


def test_picture_captions_are_page_furniture():
    kept, removed = clean_body(
        ["The march ended at noon.", "Protesters at the march. Image: Jane Doe (flickr)."]
    )
    assert kept == ["The march ended at noon."]
    assert removed == ["Protesters at the march. Image: Jane Doe (flickr)."]
