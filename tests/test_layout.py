from __future__ import annotations

import pytest

from factcheck.ingest.errors import Rejected
from factcheck.ingest.layout import (
    clean_body,
    normalize_text,
    parse_fields,
    parse_text_article,
)


def test_seed_export_fields_are_separated(seed_texts):
    first = parse_text_article(seed_texts[0])
    assert first.layout == "news_export"
    assert first.section == "Russia"
    assert first.headline == "Top Putin Ally Threatens ‘Cruel’ Attacks on New Country"
    assert first.kicker == "SHAMELESS"
    assert first.dek.startswith("It’s just the latest indication that Belarus is taking cues")
    assert first.image_ref == "GettyImages-1125050515_fyeadt"
    assert first.photo_credit == "Mikhail Svetlov/Getty Images"
    assert first.paragraphs[0].startswith("Top officials in Belarus, a key Russian ally")
    assert (
        first.paragraphs[-1]
        == "Nonetheless, Russia has plans to send troops into Belarus shortly, Kostenko said."
    )

    second = parse_text_article(seed_texts[1])
    assert second.kicker == "‘CONSIDER THEMSELVES WARNED’"
    assert second.photo_credit == "ALEXEY DANICHEV/SPUTNIK/AFP via Getty"
    assert second.dek.startswith(
        "“We are forced to react harshly,” Putin ally Alexander Lukashenko"
    )


def test_seed_boilerplate_and_pull_quote_removed(seed_texts):
    for text in seed_texts:
        body = parse_text_article(text).body_text
        assert "ADVERTISEMENT" not in body
        assert "Got a tip?" not in body
        assert "GettyImages" not in body
    second = parse_text_article(seed_texts[1])
    pull_quote = "Russia is trying in every possible way to draw Belarus directly into a war."
    assert pull_quote not in second.paragraphs  # the standalone pull quote is gone
    assert any(pull_quote in p and "Nikolenko said" in p for p in second.paragraphs)
    assert pull_quote in second.removed


def test_plain_layout():
    text = (
        "Council approves budget\n\n"
        "The council approved the budget on Monday.\n\nIt passed 7 to 2.\n"
    )
    article = parse_text_article(text)
    assert article.layout == "plain"
    assert article.headline == "Council approves budget"
    assert article.paragraphs == ["The council approved the budget on Monday.", "It passed 7 to 2."]
    assert article.kicker is None and article.dek is None


def test_hard_wrapped_paragraph_lines_are_joined():
    article = parse_text_article("Title here\n\nFirst line of a\nwrapped paragraph.\n\nNext.")
    assert article.paragraphs[0] == "First line of a wrapped paragraph."


def test_jsonl_fields_and_cleaning():
    article = parse_fields("A headline", "Para one.\n\nADVERTISEMENT\n\nPara two.")
    assert article.layout == "jsonl"
    assert article.paragraphs == ["Para one.", "Para two."]


@pytest.mark.parametrize(
    "text, reason",
    [
        ("   \n\n  ", "blank"),
        ("x" * 20 + " " + "word " * 60 + "\n\nbody", "no recognisable headline"),
        ("Only a headline\n\nADVERTISEMENT", "no article body"),
        ("1234 5678\n\nbody text here", "no recognisable headline"),
    ],
)
def test_rejections_say_why(text, reason):
    with pytest.raises(Rejected, match=reason):
        parse_text_article(text)


def test_normalized_text_ignores_line_endings_and_outer_space():
    a = "Headline\n\nBody paragraph.\n"
    b = "\r\n  Headline  \r\n\r\nBody paragraph.   \r\n\r\n"
    assert normalize_text(a) == normalize_text(b)


def test_clean_body_keeps_distinct_paragraphs():
    kept, removed = clean_body(["One two three four five.", "Six seven eight nine ten."])
    assert kept == ["One two three four five.", "Six seven eight nine ten."]
    assert removed == []


def test_wire_credits_are_not_the_article():
    parsed = parse_fields(
        "Indonesia caps gas exports",
        "Indonesia will cap exports, the ministry said.\n\n"
        "(Reporting by Ana Halim in Jakarta; Editing by Mark Keane)\n\n"
        "Associated Press writer Jo Dunn in Boston contributed to this report.\n\n"
        "Reporting by the BBC showed the claim was false.",
    )
    assert parsed.body_text == (
        "Indonesia will cap exports, the ministry said.\n\n"
        "Reporting by the BBC showed the claim was false."
    )


def test_a_pictures_credit_and_licence_is_page_furniture():
    credit = (
        'The thumbnail image used in this post, "Cuban flag", is by Phil Guest, used under '
        "an Attribution-ShareAlike 2.0 Generic license."
    )
    story = [
        "The crowd was large.",
        "The photo by Ann Lee shows the licensed vendors at work and the market.",
    ]
    kept, removed = clean_body([story[0], credit, story[1]])
    assert (kept, removed) == (story, [credit])
