"""Claims that connect, through real `factcheck run`s: one quotation carried by three
articles is one group, a verdict on one of them rates all three, and a fact-check published
elsewhere that paraphrases it is its best match while an unrelated one is not."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from .conftest import run_factcheck

pytestmark = pytest.mark.e2e

QUOTE = "The new budget will push the federal deficit to a record 423 billion dollars next year"
OTHER = "We will keep working with the governors on the school funding formula"
BODY = (
    "The budget debate continued in the capital on Monday.\n\n"
    f"“{QUOTE},” Senator Maria Lopez said in a statement.\n\n"
    f"“{OTHER},” Lopez added."
)
ARTICLES = [
    {"id": "a1", "title": "Senator warns of record deficit", "body": BODY},
    {"id": "a2", "title": "Capitol Wire: Lopez warns on deficit", "body": BODY},
    {
        "id": "a3",
        "title": "Deficit fight returns",
        "body": "Weeks later, the debate has not gone away.\n\n"
        f"“{QUOTE.lower()} …,” Senator Maria Lopez told reporters on Tuesday.",
    },
]
PARAPHRASE = "https://politifact.example.org/lopez-deficit"
UNRELATED = "https://fullfact.example.org/stadium"


def review(url: str | None, claim: str, claimant: str, label: str | None) -> dict:
    node = {
        "@type": "ClaimReview",
        "claimReviewed": claim,
        "author": {"@type": "Organization", "name": "PolitiFact"},
        "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": claimant}},
    }
    if url:
        node["url"] = url
    if label:
        node["reviewRating"] = {"@type": "Rating", "alternateName": label}
    return node


FEED = {
    "@context": "https://schema.org",
    "@type": "DataFeed",
    "dataFeedElement": [
        {
            "item": [
                review(
                    PARAPHRASE,
                    "Says the new budget pushes the federal deficit to a record $423 billion.",
                    "Maria Lopez",
                    "Half-True",
                ),
                review(
                    UNRELATED,
                    "The city's new stadium cost taxpayers 80 million.",
                    "Jo Reed",
                    "Wrong",
                ),
            ]
        },
        {"item": [review(None, "A review without its address", "Jo Reed", None)]},
    ],
}


@pytest.fixture(scope="module")
def night(tmp_path_factory):
    root = tmp_path_factory.mktemp("linking")
    raw, data = root / "raw", root / "data"
    (raw / "articles").mkdir(parents=True)
    (raw / "factchecks").mkdir()
    (raw / "articles" / "wire.jsonl").write_text(
        "\n".join(json.dumps(a) for a in ARTICLES) + "\n", encoding="utf-8"
    )
    (raw / "factchecks" / "feed.json").write_text(json.dumps(FEED), encoding="utf-8")
    result = run_factcheck(raw, data, "run")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "fact-checks: 2 loaded, 1 quarantined" in result.stdout
    return raw, data


def query(data: Path, sql: str, *params) -> list[tuple]:
    con = duckdb.connect(str(data / "warehouse" / "factcheck.duckdb"), read_only=True)
    try:
        return con.execute(sql, list(params)).fetchall()
    finally:
        con.close()


QUOTE_CLAIMS = """
    select c.claim_id, c.claim_group_id, a.external_id
    from claims c join articles a using (article_id)
    where c.claim_text ilike '%federal deficit%' order by a.external_id
"""


def test_a_quotation_in_three_articles_is_one_group(night):
    _, data = night
    rows = query(data, QUOTE_CLAIMS)
    assert [article for _, _, article in rows] == ["a1", "a2", "a3"]
    assert len({group for _, group, _ in rows}) == 1
    group = rows[0][1]
    [(members, articles, speaker)] = query(
        data,
        "select member_count, article_count, speaker_name from claim_groups "
        "where claim_group_id = ?",
        group,
    )
    assert (members, articles, speaker) == (3, 3, "Maria Lopez")
    other = query(data, "select claim_group_id from claims where claim_text ilike '%governors%'")
    assert other and group not in {g for (g,) in other}  # another statement, another group


def test_the_paraphrase_is_the_best_match_and_the_unrelated_check_matches_nothing(night):
    raw, data = night
    for claim_id, _, _ in query(data, QUOTE_CLAIMS):
        links = query(
            data,
            "select f.review_url, m.rank, m.matched, m.method from claim_fact_checks m "
            "join fact_checks f using (fact_check_id) where m.claim_id = ? order by m.rank",
            claim_id,
        )
        assert links[0] == (PARAPHRASE, 1, True, "bm25_speaker")
        assert all(not matched for url, _, matched, _ in links if url == UNRELATED)
    [(rating, label)] = query(
        data, "select rating, rating_label from fact_checks where review_url = ?", PARAPHRASE
    )
    assert (rating, label) == ("mixed", "Half-True")  # a publisher's label, on our scale
    [(reason,)] = query(data, "select reason from quarantine where source_uri like 'factchecks/%'")
    assert reason == "review 3: missing required field(s): url, reviewRating.alternateName"
    shown = query(
        data,
        "select distinct prior_review_url from claims_awaiting_review "
        "where claim_text ilike '%federal deficit%'",
    )
    assert shown == [(PARAPHRASE,)]
    listed = run_factcheck(raw, data, "claims", "--checked-elsewhere", "--format", "csv")
    assert listed.returncode == 0, listed.stderr
    assert listed.stdout.count(PARAPHRASE) == 3 and UNRELATED not in listed.stdout


def test_a_verdict_on_one_member_rates_the_whole_group(night):
    raw, data = night
    claims = query(data, QUOTE_CLAIMS)
    rated = claims[1][0]
    recorded = run_factcheck(
        raw, data, "verdict", rated, "--status", "rated", "--label", "Mostly false",
        "--by", "Ana", "--at", "2026-11-21T10:00:00+00:00",
    )  # fmt: skip
    assert recorded.returncode == 0, recorded.stderr
    result = run_factcheck(raw, data, "run")
    assert result.returncode == 0, result.stdout + result.stderr
    for claim_id, _, _ in claims:
        status = query(
            data,
            "select status, rating, rated_claim_id from verification_status where claim_id = ?",
            claim_id,
        )
        assert status == [("rated", "mostly_false", rated)]
        history = query(
            data,
            "select status, rated_claim_id from verification_history where claim_id = ? "
            "order by sequence",
            claim_id,
        )
        assert history == [("unverified", None), ("rated", rated)]
    releases = data / "releases"
    version = (releases / "LATEST").read_text().strip()
    document = json.loads((releases / version / "claimreview.jsonld").read_text())
    [review_] = document["@graph"]
    assert review_["identifier"] == rated
    assert len(review_["itemReviewed"]["appearance"]) == 3
    manifest = json.loads((releases / version / "manifest.json").read_text())
    assert {"fact_checks", "claim_fact_checks", "claim_groups"} <= set(manifest["tables"])
