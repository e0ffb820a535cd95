"""What each page of the desk shows, read from the published database.

One dataclass per page, filled by one function from an open read-only connection: the web
layer (`app.py`) parses the request, calls the function and renders the template with the
result. The columns a query selects are the fields of the dataclass it fills, so a column
is named once. A page that gains a section — a claim's group, prior fact-checks — gains a
field and a query here, and a block in its template.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any
from urllib.parse import urlencode

import duckdb

from factcheck.desk.pending import VerdictLog
from factcheck.desk.text import Paragraph, paragraphs
from factcheck.verdicts import Verdict
from factcheck.vocabulary import values

PAGE_SIZE = 50
MAX_SEARCH_TERMS = 8
MAX_ACTORS_FOUND = 12


class BadQuery(ValueError):
    """A filter, page number or search the desk cannot use; the message says which."""


class NotFound(LookupError):
    """No claim or actor with this id in the published database."""


def _columns(cls: type) -> str:
    return ", ".join(f.name for f in dataclasses.fields(cls))


def _rows(cls: type, cursor: duckdb.DuckDBPyConnection) -> list[Any]:
    return [cls(*row) for row in cursor.fetchall()]


def _one(cls: type, cursor: duckdb.DuckDBPyConnection, what: str) -> Any:
    row = cursor.fetchone()
    if row is None:
        raise NotFound(f"no {what} in the published database")
    return cls(*row)


def like_pattern(text: str) -> str:
    """An ILIKE pattern (with ESCAPE '\\') matching `text` anywhere, wildcards taken literally."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def page_number(value: str | None) -> int:
    try:
        number = int(value or 1)
    except ValueError:
        raise BadQuery(f"page {value!r} is not a number") from None
    if number < 1:
        raise BadQuery("pages are numbered from 1")
    return number


@dataclass(frozen=True)
class Paging:
    number: int
    size: int
    total: int

    @property
    def offset(self) -> int:
        return (self.number - 1) * self.size

    @property
    def first(self) -> int:
        return min(self.offset + 1, self.total)

    @property
    def last(self) -> int:
        return min(self.offset + self.size, self.total)

    @property
    def pages(self) -> int:
        return max(-(-self.total // self.size), 1)

    @property
    def has_previous(self) -> bool:
        return self.number > 1

    @property
    def has_next(self) -> bool:
        return self.number < self.pages


# --- claims in lists: the queue, an actor's claims, search results ---------------------


@dataclass(frozen=True)
class ClaimRow:
    claim_id: str
    claim_type: str
    claim_text: str
    speaker_name: str | None
    speaker_actor_id: str | None
    checkworthiness: float
    status: str
    rating_label: str | None
    signals: list[str]
    headline: str | None
    published_at: datetime | None


CLAIMS_JOINED = """
from claims
join verification_status using (claim_id)
join articles using (article_id)
"""


def _claim_list(
    con: duckdb.DuckDBPyConnection, where: str, order: str, params: dict, page: int
) -> tuple[list[ClaimRow], Paging]:
    """One page of the claims matching `where` (constant SQL; values only in `params`)."""
    total = con.execute(f"select count(*) {CLAIMS_JOINED} where {where}", params).fetchone()[0]
    paging = Paging(page, PAGE_SIZE, total)
    cursor = con.execute(
        f"select {_columns(ClaimRow)} {CLAIMS_JOINED} where {where} order by {order} "
        f"limit {paging.size} offset {paging.offset}",
        params,
    )
    return _rows(ClaimRow, cursor), paging


# --- the queue --------------------------------------------------------------------------

AWAITING_REVIEW = ""  # the queue's default status filter: every claim not rated yet


@dataclass(frozen=True)
class QueueFilters:
    claim_type: str = ""
    status: str = AWAITING_REVIEW
    speaker: str = ""
    signal: str = ""
    page: int = 1

    @classmethod
    def parse(cls, params: Mapping[str, str]) -> QueueFilters:
        filters = cls(
            claim_type=params.get("claim_type", "").strip(),
            status=params.get("status", AWAITING_REVIEW).strip(),
            speaker=" ".join(params.get("speaker", "").split()),
            signal=params.get("signal", "").strip(),
            page=page_number(params.get("page")),
        )
        for name, value, allowed in (
            ("claim type", filters.claim_type, values("claim_type")),
            ("status", filters.status, values("status")),
            ("signal", filters.signal, values("signal")),
        ):
            if value and value not in allowed:
                raise BadQuery(f"unknown {name} {value!r}; one of: {', '.join(allowed)}")
        return filters

    @property
    def query(self) -> str:
        """The filters set, as a URL query string without the page (for links to pages)."""
        values = dataclasses.asdict(self)
        del values["page"]
        return urlencode({name: value for name, value in values.items() if value})


QUEUE_WHERE = r"""
(case when $status = '' then status <> 'rated' else status = $status end)
and ($claim_type = '' or claim_type = $claim_type)
and ($signal = '' or list_contains(signals, $signal))
and ($speaker = '' or speaker_name ilike $speaker_like escape '\'
     or speaker_actor_id in (select actor_id from actors where name ilike $speaker_like escape '\'))
"""
QUEUE_ORDER = "checkworthiness desc, claim_id"


@dataclass(frozen=True)
class QueuePage:
    filters: QueueFilters
    claims: list[ClaimRow]
    paging: Paging
    pending: dict[str, list[Verdict]]  # claim id → verdicts recorded, not yet published


def load_queue(con: duckdb.DuckDBPyConnection, log: VerdictLog, filters: QueueFilters) -> QueuePage:
    """Claims ranked by check-worthiness; by default those not rated yet."""
    params = {
        "status": filters.status,
        "claim_type": filters.claim_type,
        "signal": filters.signal,
        "speaker": filters.speaker,
        "speaker_like": like_pattern(filters.speaker),
    }
    claims, paging = _claim_list(con, QUEUE_WHERE, QUEUE_ORDER, params, filters.page)
    pending = log.pending(con, [c.claim_id for c in claims])
    return QueuePage(filters, claims, paging, pending)


# --- one claim --------------------------------------------------------------------------


@dataclass(frozen=True)
class ClaimDetail:
    claim_id: str
    article_id: str
    claim_type: str
    claim_text: str
    sentence_text: str
    location: str
    char_start: int
    char_end: int
    speaker_actor_id: str | None
    speaker_name: str | None
    speaker_role: str | None
    attribution_cue: str | None
    source_name: str | None
    source_actor_id: str | None
    checkworthiness: float


@dataclass(frozen=True)
class Article:
    article_id: str
    headline: str | None
    kicker: str | None
    dek: str | None
    body_text: str | None
    publisher: str | None
    section: str | None
    author: str | None
    url: str | None
    published_at: datetime | None
    license: str | None

    def field(self, location: str) -> str | None:
        """The text a claim's `location` refers to (headline, dek or body)."""
        return self.body_text if location == "body" else getattr(self, location)


@dataclass(frozen=True)
class Status:
    status: str
    rating: str | None
    rating_label: str | None
    rating_value: int | None
    reviewed_by: str | None
    reviewed_at: datetime | None
    evidence_url: str | None
    note: str | None
    signals: list[str]


@dataclass(frozen=True)
class HistoryEntry:
    sequence: int
    status: str
    rating_label: str | None
    reviewed_by: str | None
    valid_from: datetime
    valid_to: datetime | None


@dataclass(frozen=True)
class LinkedActor:
    actor_id: str
    name: str
    actor_type: str
    relation: str


@dataclass(frozen=True)
class ClaimPage:
    claim: ClaimDetail
    article: Article
    text: dict[str, list[Paragraph]]  # location → its paragraphs, the claim marked in its own
    status: Status
    history: list[HistoryEntry]
    actors: list[LinkedActor]
    pending: list[Verdict]  # recorded, not yet published


def load_claim(con: duckdb.DuckDBPyConnection, log: VerdictLog, claim_id: str) -> ClaimPage:
    claim = _one(
        ClaimDetail,
        con.execute(f"select {_columns(ClaimDetail)} from claims where claim_id = ?", [claim_id]),
        f"claim {claim_id}",
    )
    article = _one(
        Article,
        con.execute(
            f"select {_columns(Article)} from articles where article_id = ?", [claim.article_id]
        ),
        f"article {claim.article_id}",
    )
    span = (claim.char_start, claim.char_end)
    text = {
        location: paragraphs(article.field(location), *(span if location == claim.location else ()))
        for location in values("location")
    }
    status = _one(
        Status,
        con.execute(
            f"select {_columns(Status)} from verification_status where claim_id = ?", [claim_id]
        ),
        f"status of claim {claim_id}",
    )
    history = _rows(
        HistoryEntry,
        con.execute(
            f"select {_columns(HistoryEntry)} from verification_history where claim_id = ? "
            "order by sequence",
            [claim_id],
        ),
    )
    actors = _rows(
        LinkedActor,
        con.execute(
            f"select {_columns(LinkedActor)} from claim_actors join actors using (actor_id) "
            "where claim_id = ? order by relation desc, name",
            [claim_id],
        ),
    )
    pending = log.pending(con, [claim_id]).get(claim_id, [])
    return ClaimPage(claim, article, text, status, history, actors, pending)


# --- one actor --------------------------------------------------------------------------


@dataclass(frozen=True)
class Actor:
    actor_id: str
    name: str
    actor_type: str
    roles: list[str]
    aliases: list[str]
    article_count: int
    mention_count: int


ACTOR_WHERE = "claim_id in (select claim_id from claim_actors where actor_id = $actor_id)"
# What the actor said first, then the claims that name them; newest articles first.
ACTOR_ORDER = (
    "speaker_actor_id is not distinct from $actor_id desc, published_at desc nulls last, "
    "article_id, char_start, claim_id"
)


@dataclass(frozen=True)
class ActorPage:
    actor: Actor
    claims: list[ClaimRow]
    relations: dict[str, list[str]]  # claim id → how the actor is linked to it
    paging: Paging


def load_actor(con: duckdb.DuckDBPyConnection, actor_id: str, page: int) -> ActorPage:
    actor = _one(
        Actor,
        con.execute(f"select {_columns(Actor)} from actors where actor_id = ?", [actor_id]),
        f"actor {actor_id}",
    )
    params = {"actor_id": actor_id}
    claims, paging = _claim_list(con, ACTOR_WHERE, ACTOR_ORDER, params, page)
    relations = dict(
        con.execute(
            "select claim_id, list(relation order by relation desc) from claim_actors "
            "where actor_id = $actor_id and list_contains($claim_ids, claim_id) group by claim_id",
            params | {"claim_ids": [c.claim_id for c in claims]},
        ).fetchall()
    )
    return ActorPage(actor, claims, relations, paging)


# --- search -----------------------------------------------------------------------------


@dataclass(frozen=True)
class SearchPage:
    query: str
    claims: list[ClaimRow]
    paging: Paging
    actors: list[Actor]  # actors whose name or an alias holds every term


def search_terms(query: str) -> list[str]:
    terms = query.split()
    if len(terms) > MAX_SEARCH_TERMS:
        raise BadQuery(f"search for at most {MAX_SEARCH_TERMS} words at a time")
    return terms


def load_search(con: duckdb.DuckDBPyConnection, query: str, page: int) -> SearchPage:
    """Claims whose words, sentence or article headline hold every term (any case)."""
    terms = search_terms(query)
    if not terms:
        return SearchPage(query, [], Paging(page, PAGE_SIZE, 0), [])
    params = {f"t{i}": like_pattern(term) for i, term in enumerate(terms)}
    in_claim = [f"claim_text ilike $t{i} escape '\\'" for i in range(len(terms))]
    anywhere = [
        f"(claim_text ilike $t{i} escape '\\' or sentence_text ilike $t{i} escape '\\' "
        f"or headline ilike $t{i} escape '\\')"
        for i in range(len(terms))
    ]
    # Claims that hold the words themselves before those that are only in their article.
    order = f"({' and '.join(in_claim)}) desc, checkworthiness desc, claim_id"
    claims, paging = _claim_list(con, " and ".join(anywhere), order, params, page)
    named = [
        f"(name || ' ' || array_to_string(aliases, ' ')) ilike $t{i} escape '\\'"
        for i in range(len(terms))
    ]
    actors = _rows(
        Actor,
        con.execute(
            f"select {_columns(Actor)} from actors where {' and '.join(named)} "
            f"order by article_count desc, name limit {MAX_ACTORS_FOUND}",
            params,
        ),
    )
    return SearchPage(query, claims, paging, actors)
