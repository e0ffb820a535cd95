"""What the pipeline built for the gold articles, read from the build database."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from factcheck.evaluation.gold import LAYOUT_FIELDS


@dataclass
class ObservedClaim:
    claim_type: str
    claim_text: str
    speaker_actor: str | None  # name of the actor the claim is attributed to
    speaker_words: str | None  # the words naming the speaker ("One MP", "Lappo")


@dataclass
class ObservedActor:
    actor_id: str
    name: str
    actor_type: str


@dataclass
class ObservedArticle:
    article_id: str
    layout: dict[str, str | None]
    claims: list[ObservedClaim] = field(default_factory=list)
    actors: list[ObservedActor] = field(default_factory=list)


def read_observed(build_db: Path) -> dict[str, ObservedArticle]:
    """Articles keyed by url and by source_uri, so an annotation may name either."""
    con = duckdb.connect(str(build_db), read_only=True)
    try:
        articles: dict[str, ObservedArticle] = {}
        by_id: dict[str, ObservedArticle] = {}
        columns = ", ".join(LAYOUT_FIELDS)
        for row in con.execute(
            f"select article_id, url, source_uri, {columns} from main.articles"
        ).fetchall():
            article = ObservedArticle(row[0], dict(zip(LAYOUT_FIELDS, row[3:], strict=True)))
            by_id[row[0]] = article
            for key in (row[1], row[2]):
                if key:
                    articles[key] = article
        for article_id, *claim in con.execute(
            """
            select c.article_id, c.claim_type, c.claim_text, a.name, c.speaker_name
            from main.claims c left join main.actors a on a.actor_id = c.speaker_actor_id
            """
        ).fetchall():
            by_id[article_id].claims.append(ObservedClaim(*claim))
        for article_id, actor_id, name, actor_type in con.execute(
            """
            select distinct linked.article_id, a.actor_id, a.name, a.actor_type
            from (
                select article_id, actor_id from main.actor_mentions
                union
                select c.article_id, ca.actor_id
                from main.claim_actors ca join main.claims c using (claim_id)
            ) linked
            join main.actors a using (actor_id)
            """
        ).fetchall():
            by_id[article_id].actors.append(ObservedActor(actor_id, name, actor_type))
        return articles
    finally:
        con.close()
