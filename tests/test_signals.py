"""Article signals: attached to the claim they concern, never a rating."""

from __future__ import annotations

from factcheck.extract.article import extract_article


def signals_by_text(body: str, headline: str = "Officials trade claims") -> dict[str, list[str]]:
    claims, _ = extract_article(headline, None, body)
    return {c.claim_text: c.signals for c in claims}


def test_hedged_claim():
    found = signals_by_text(
        "The mayor allegedly received 3 million dollars from the contractor in 2019."
    )
    assert any("hedged" in s for s in found.values())


def test_no_response_attaches_to_the_claim_about_the_silent_party():
    body = (
        "“The ministry paid 40 million euros for the vaccines,” Senator Maria Lopez said.\n\n"
        "The weather was mild on Tuesday, with 20 degrees in the capital.\n\n"
        "The ministry did not immediately respond to a request for comment."
    )
    claims, _ = extract_article("Senator questions vaccine deal", None, body)
    flagged = [c for c in claims if "no_response" in c.signals]
    assert [c.claim_text for c in flagged] == [
        "The ministry paid 40 million euros for the vaccines"
    ]


def test_disputed_by_another_actor():
    body = (
        "“The factory dumped 500 tonnes of waste into the river,” activist Tom Reed said.\n\n"
        "The company denied dumping any waste into the river."
    )
    claims, _ = extract_article("Activists accuse factory", None, body)
    quote = next(c for c in claims if c.claim_type == "direct_quote")
    assert "disputed" in quote.signals


def test_reporter_unconfirmed():
    body = (
        "The rebels said they captured 12 villages near the border on Friday.\n\n"
        "It was not immediately clear whether the rebels had captured the villages."
    )
    claims, _ = extract_article("Rebels claim gains", None, body)
    flagged = [c for c in claims if "reporter_unconfirmed" in c.signals]
    assert flagged and "captured 12 villages" in flagged[0].claim_text


def test_plain_claims_have_no_signals():
    found = signals_by_text("The council approved a budget of 4 million dollars on Monday.")
    assert all(s == [] for s in found.values())
