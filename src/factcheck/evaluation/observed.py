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
    roles: set[str] = field(default_factory=set)  # roles this article gives the actor
    aliases: set[str] = field(default_factory=set)  # names it goes by here, without role


@dataclass
class ObservedArticle:
    article_id: str
    layout: dict[str, str | None]
    claims: list[ObservedClaim] = field(default_factory=list)
    actors: list[ObservedActor] = field(default_factory=list)


# How each actor is written and what role it is given, per article: the mentions and the
# speakers of claims (the same sources the published actors table aggregates).
_NAMES_AND_ROLES = """
    select article_id, actor_id, mention_text, role from main.actor_mentions
    union
    select article_id, speaker_actor_id, speaker_name, speaker_role from main.claims
    where speaker_actor_id is not null
"""


def read_observed(build_db: Path) -> dict[str, ObservedArticle]:
    """Articles keyed by url, source_uri and feed id, so an annotation may name any."""
    con = duckdb.connect(str(build_db), read_only=True)
    try:
        articles: dict[str, ObservedArticle] = {}
        by_id: dict[str, ObservedArticle] = {}
        columns = ", ".join(LAYOUT_FIELDS)
        for row in con.execute(
            f"select article_id, url, source_uri, external_id, {columns} from main.articles"
        ).fetchall():
            article = ObservedArticle(row[0], dict(zip(LAYOUT_FIELDS, row[4:], strict=True)))
            by_id[row[0]] = article
            for key in row[1:4]:
                if key:
                    articles[key] = article
        for article_id, *claim in con.execute(
            """
            select c.article_id, c.claim_type, c.claim_text, a.name, c.speaker_name
            from main.claims c left join main.actors a on a.actor_id = c.speaker_actor_id
            """
        ).fetchall():
            by_id[article_id].claims.append(ObservedClaim(*claim))
        actors: dict[tuple[str, str], ObservedActor] = {}
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
            actor = actors[(article_id, actor_id)] = ObservedActor(actor_id, name, actor_type)
            by_id[article_id].actors.append(actor)
        for article_id, actor_id, written, role in con.execute(_NAMES_AND_ROLES).fetchall():
            actor = actors[(article_id, actor_id)]
            if role:
                actor.roles.add(role)
            titled = role and written.startswith(role + " ")
            alias = written[len(role) :].strip() if titled else written
            if alias != actor.name:
                actor.aliases.add(alias)
        return articles
    finally:
        con.close()
