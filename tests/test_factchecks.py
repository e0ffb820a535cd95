"""Importing published fact-checks: every ClaimReview shape, and broken reviews quarantined."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import duckdb
import pytest

from factcheck.ingest.factchecks import read_factcheck_text
from factcheck.ingest.load import ingest_factchecks

MAX = 1 << 20


def review(claim: str | None, url: str | None, label: str | None, **extra) -> dict:
    node: dict = {"@type": "ClaimReview", **extra}
    if claim is not None:
        node["claimReviewed"] = claim
    if url is not None:
        node["url"] = url
    if label is not None:
        node["reviewRating"] = {"@type": "Rating", "alternateName": label}
    return node


FULL = review(
    "Vaccines  contain microchips",
    "https://checks.example.org/microchips",
    "Pants on Fire!",
    author={"@type": "Organization", "name": "PolitiFact"},
    datePublished="2021-03-04T10:00:00Z",
    itemReviewed={"@type": "Claim", "author": [{"@type": "Person", "name": "Jane Roe"}]},
)


def test_one_object_gives_every_field():
    parsed = read_factcheck_text(json.dumps(FULL), json_lines=False)
    (position, item), *rest = parsed.items
    assert rest == [] and parsed.rejects == []
    assert item.claim_reviewed == "Vaccines contain microchips"  # white space folded
    assert (item.claimant, item.publisher, item.rating_label) == (
        "Jane Roe",
        "PolitiFact",
        "Pants on Fire!",
    )
    assert item.date_published == date(2021, 3, 4)
    assert (position.line, position.item) == (None, 1)


@pytest.mark.parametrize(
    "document",
    [
        [FULL, FULL | {"url": "https://checks.example.org/2"}],
        {
            "@context": "https://schema.org",
            "@graph": [{"@type": "WebPage"}, FULL, FULL | {"url": "https://checks.example.org/2"}],
        },
        {
            "@type": "DataFeed",
            "dataFeedElement": [
                {"@type": "DataFeedItem", "item": [FULL]},
                {"@type": "DataFeedItem", "item": FULL | {"url": "https://checks.example.org/2"}},
            ],
        },
    ],
    ids=["list", "graph", "datafeed"],
)
def test_lists_graphs_and_data_feeds_give_their_reviews(document):
    parsed = read_factcheck_text(json.dumps(document), json_lines=False)
    assert [item.review_url for _, item in parsed.items] == [
        "https://checks.example.org/microchips",
        "https://checks.example.org/2",
    ]
    assert parsed.rejects == []


def test_json_lines_keep_their_line_numbers():
    text = json.dumps(FULL) + "\n\n" + json.dumps({"@type": "DataFeed", "dataFeedElement": []})
    text += "\n{not json\n"
    parsed = read_factcheck_text(text, json_lines=True)
    assert [(p.line, p.item) for p, _ in parsed.items] == [(1, 1)]
    assert parsed.rejects[0] == (3, "no ClaimReview found in the document")
    assert parsed.rejects[1][0] == 4 and "not valid JSON" in parsed.rejects[1][1]


def test_a_broken_review_is_rejected_with_its_reason_and_the_rest_loads():
    feed = [FULL, review("Claim", None, None), review("Other", "ftp://x", "False")]
    parsed = read_factcheck_text(json.dumps(feed), json_lines=False)
    assert len(parsed.items) == 1
    assert parsed.rejects == [
        (None, "review 2: missing required field(s): url, reviewRating.alternateName"),
        (None, "review 3: url 'ftp://x' is not a valid http(s) URL"),
    ]


def test_ingest_loads_reviews_and_quarantines_the_broken_ones(tmp_path: Path):
    folder = tmp_path / "raw" / "factchecks"
    folder.mkdir(parents=True)
    (folder / "feed.json").write_text(
        json.dumps({"@graph": [FULL, review(None, "https://checks.example.org/3", "False")]})
    )
    (folder / "notes.txt").write_text("not a feed")
    con = duckdb.connect(str(tmp_path / "build.duckdb"))
    counts = ingest_factchecks(con, tmp_path / "raw", "r1", MAX)
    assert counts == {"reviews": 3, "loaded": 1, "quarantined": 2, "other_nodes_ignored": 0}
    rows = con.execute(
        "select claim_reviewed, claimant, source_uri, line, item from raw.fact_checks"
    ).fetchall()
    assert rows == [("Vaccines contain microchips", "Jane Roe", "factchecks/feed.json", None, 1)]
    reasons = dict(con.execute("select source_uri, reason from raw.quarantine").fetchall())
    assert reasons["factchecks/feed.json"] == "review 2: missing required field(s): claimReviewed"
    assert "unsupported file type (.txt)" in reasons["factchecks/notes.txt"]
    # Read whole again: the same rows, not twice as many.
    ingest_factchecks(con, tmp_path / "raw", "r2", MAX)
    assert con.execute("select count(*) from raw.fact_checks").fetchone()[0] == 1
    assert con.execute("select count(*) from raw.quarantine").fetchone()[0] == 2


def test_unchanged_fact_checks_are_not_read_again(tmp_path: Path, monkeypatch):
    """A night whose fact-check files are those of the last load reports the same counts
    without reading them; a changed, added or removed file reloads the folder."""
    import factcheck.ingest.load as load

    folder = tmp_path / "raw" / "factchecks"
    folder.mkdir(parents=True)
    feed = folder / "feed.jsonl"
    feed.write_text(json.dumps(FULL) + "\n")
    con = duckdb.connect(str(tmp_path / "build.duckdb"))
    first = ingest_factchecks(con, tmp_path / "raw", "r1", MAX)
    reads = []
    monkeypatch.setattr(
        load, "read_factcheck_text", lambda *a, **k: reads.append(1) or read_factcheck_text(*a, **k)
    )
    assert ingest_factchecks(con, tmp_path / "raw", "r2", MAX) == first
    assert reads == []
    second = review("Another claim", "https://checks.example.org/2", "False")
    feed.write_text(json.dumps(FULL) + "\n" + json.dumps(second) + "\n")
    assert ingest_factchecks(con, tmp_path / "raw", "r3", MAX)["loaded"] == 2
    assert reads == [1]
    (folder / "more.json").write_text(json.dumps(second | {"url": "https://checks.example.org/9"}))
    assert ingest_factchecks(con, tmp_path / "raw", "r4", MAX)["loaded"] == 3
    feed.unlink()
    assert ingest_factchecks(con, tmp_path / "raw", "r5", MAX)["loaded"] == 1
    assert con.execute("select count(*) from raw.fact_checks").fetchone()[0] == 1
