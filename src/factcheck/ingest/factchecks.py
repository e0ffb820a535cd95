"""Published fact-checks: schema.org `ClaimReview` JSON-LD under `raw/factchecks/`.

Fact-checkers publish their reviews as ClaimReview markup, and aggregators pass them on in
a few shapes. Every one of them is read the same way — walk the document, collect the
ClaimReview nodes, check each on its own:

* one ClaimReview object, or a JSON list of them;
* a JSON-LD document whose `@graph` holds them (next to WebPage or Organization nodes);
* a Data Commons–style `DataFeed`, whose `dataFeedElement[].item[]` hold them;
* JSON lines (`.jsonl`): one document of any of these shapes per line.

A review without `claimReviewed`, `url` or a rating label (`reviewRating.alternateName`)
cannot be matched or shown, so it is quarantined with the reason and its position; the rest
of the file loads. Nodes of other types (the page, the publisher) are not fact-checks: they
are counted as ignored, never quarantined.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlparse

from factcheck.ingest.errors import Rejected

FACTCHECK_SUFFIXES = (".json", ".jsonld", ".jsonl")


@dataclass(frozen=True)
class FactCheckItem:
    """One published review, as the fields the `fact_checks` table needs."""

    claim_reviewed: str
    claimant: str | None
    rating_label: str
    review_url: str
    publisher: str | None
    date_published: date | None


@dataclass(frozen=True)
class Position:
    """Where a review sits in its file: the JSON line (None for a whole-file document) and
    its 1-based order among the reviews of that line or document."""

    line: int | None
    item: int

    def describe(self) -> str:
        where = f"line {self.line}, " if self.line is not None else ""
        return f"{where}review {self.item}"


@dataclass
class FactCheckFile:
    """What one file yielded: reviews with their positions, rejects with their reasons."""

    items: list[tuple[Position, FactCheckItem]] = field(default_factory=list)
    rejects: list[tuple[int | None, str]] = field(default_factory=list)
    ignored_nodes: int = 0


def read_factcheck_text(text: str, json_lines: bool) -> FactCheckFile:
    """Parse a decoded `.json`/`.jsonld` document, or a `.jsonl` file line by line."""
    result = FactCheckFile()
    if not json_lines:
        _read_document(text, None, result)
        return result
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            _read_document(line, number, result)
    return result


def _read_document(text: str, line: int | None, result: FactCheckFile) -> None:
    try:
        document = json.loads(text)
    except json.JSONDecodeError as exc:
        result.rejects.append((line, f"not valid JSON ({exc.msg} at column {exc.colno})"))
        return
    found = 0
    for node in _nodes(document):
        if not _is_claim_review(node):
            result.ignored_nodes += 1
            continue
        found += 1
        position = Position(line, found)
        try:
            result.items.append((position, parse_claim_review(node)))
        except Rejected as exc:
            result.rejects.append((line, f"{position.describe()}: {exc}"))
    if not found:
        result.rejects.append((line, "no ClaimReview found in the document"))


def _nodes(value: object) -> Iterator[dict]:
    """Every object that may be a review: list members, @graph members, and the items of
    a DataFeed's elements, in document order."""
    if isinstance(value, list):
        for member in value:
            yield from _nodes(member)
        return
    if not isinstance(value, dict):
        return
    if "@graph" in value:
        yield from _nodes(value["@graph"])
    elif "dataFeedElement" in value:
        for element in _as_list(value["dataFeedElement"]):
            if isinstance(element, dict) and "item" in element:
                yield from _nodes(element["item"])
            else:
                yield from _nodes(element)
    else:
        yield value


def _is_claim_review(node: dict) -> bool:
    return "ClaimReview" in {str(kind).rsplit("/", 1)[-1] for kind in _as_list(node.get("@type"))}


def parse_claim_review(node: dict) -> FactCheckItem:
    """The fields of one ClaimReview node; Rejected names every required field missing."""
    claim = _text(node.get("claimReviewed"))
    url = _text(node.get("url"))
    rating = _first_dict(node.get("reviewRating"))
    label = _text(rating.get("alternateName")) if rating else None
    missing = [
        name
        for name, value in (
            ("claimReviewed", claim),
            ("url", url),
            ("reviewRating.alternateName", label),
        )
        if not value
    ]
    if missing:
        raise Rejected(f"missing required field(s): {', '.join(missing)}")
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.netloc or " " in url:
        raise Rejected(f"url {url!r} is not a valid http(s) URL")
    item_reviewed = _first_dict(node.get("itemReviewed")) or {}
    return FactCheckItem(
        claim_reviewed=" ".join(claim.split()),
        claimant=_name(item_reviewed.get("author")),
        rating_label=label,
        review_url=url,
        publisher=_name(node.get("author")) or _name(node.get("publisher")),
        date_published=_date(node.get("datePublished")),
    )


def _as_list(value: object) -> list:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _first_dict(value: object) -> dict | None:
    return next((v for v in _as_list(value) if isinstance(v, dict)), None)


def _text(value: object) -> str | None:
    if isinstance(value, str) and value.strip():
        return value.strip()
    return None


def _name(value: object) -> str | None:
    """A person's or organisation's name: `{"name": ...}`, a plain string, or the first of
    a list of either."""
    for candidate in _as_list(value):
        name = _text(candidate.get("name")) if isinstance(candidate, dict) else _text(candidate)
        if name:
            return name
    return None


def _date(value: object) -> date | None:
    """An ISO date or date-time's day; anything else is left out (the review still loads)."""
    text = _text(value)
    if not text:
        return None
    try:
        return date.fromisoformat(text[:10])
    except ValueError:
        return None
