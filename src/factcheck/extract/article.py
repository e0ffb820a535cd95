"""Run the extractors over one article: headline, dek, then body paragraphs in order.

Mentions are read first over the whole article, so the full names it uses are known
before any quote is attributed ("Lappo said" after "Anatoly Lappo" earlier, and also
before it in a dek).
"""

from __future__ import annotations

import re
from dataclasses import asdict

from factcheck.extract.claims import Block, Claim, extract_block
from factcheck.extract.lexicon import ActorDictionary, default_dictionary
from factcheck.extract.mentions import Mention, extract_mentions
from factcheck.extract.names import ArticleContext
from factcheck.extract.signals import attach_signals

PARAGRAPH_SEPARATOR = "\n\n"
_POSSESSOR = re.compile(r"(?:’s|'s|’|')\s")


def blocks_of(headline: str | None, dek: str | None, body_text: str | None):
    """(text, location, paragraph_index, offset in field) in reading order."""
    if headline:
        yield headline, "headline", 0, 0
    if dek:
        yield dek, "dek", 0, 0
    offset = 0
    for index, paragraph in enumerate((body_text or "").split(PARAGRAPH_SEPARATOR)):
        if paragraph.strip():
            yield paragraph, "body", index, offset
        offset += len(paragraph) + len(PARAGRAPH_SEPARATOR)


def extract_article(
    headline: str | None,
    dek: str | None,
    body_text: str | None,
    dictionary: ActorDictionary | None = None,
) -> tuple[list[Claim], list[Mention]]:
    dictionary = dictionary or default_dictionary()
    ctx = ArticleContext(dictionary)
    ctx.article_text = "\n\n".join(t for t in (headline, dek, body_text) if t)
    blocks = [
        Block(text, location, index, offset, number)
        for number, (text, location, index, offset) in enumerate(
            blocks_of(headline, dek, body_text)
        )
    ]
    # Two passes over the names: full names anywhere make surnames resolvable everywhere.
    for block in blocks:
        extract_mentions(block.text, block.location, block.paragraph_index, block.offset, ctx)
    mentions: list[Mention] = []
    for block in blocks:
        found = extract_mentions(
            block.text, block.location, block.paragraph_index, block.offset, ctx
        )
        mentions.extend(found)
        # People named inside a quotation, or as a possessor ("Trump's conduct"), are not
        # who "he said" refers to.
        ctx.person_trail.extend(
            ((block.number, m.char_start - block.offset), m.name)
            for m in found
            if m.actor_type == "person"
            and not block.in_quote(m.char_start - block.offset)
            and not _POSSESSOR.match(block.text, m.char_start - block.offset + len(m.mention_text))
        )
    claims: list[Claim] = []
    state: dict = {}
    sentences: list[tuple[str, int, str]] = []
    for block in blocks:
        claims.extend(extract_block(block, ctx, state))
        sentences.extend(
            (block.location, block.paragraph_index, block.text[s:e].strip())
            for s, e in block.sentences
        )
    claims = _in_reading_order(claims, [b.location for b in blocks])
    _inherit_speakers(claims)
    attach_signals(claims, sentences)
    return claims, mentions


def _in_reading_order(claims: list[Claim], locations: list[str]) -> list[Claim]:
    rank = {"headline": 0, "dek": 1, "body": 2}
    return sorted(claims, key=lambda c: (rank[c.location], c.char_start, c.char_end))


def _inherit_speakers(claims: list[Claim]) -> None:
    """A partial quote inside an attributed sentence is the speaker's word:
    'Lappo claimed that Poland was acting “provocatively”' — 'provocatively' is Lappo's."""
    attributed = {
        (c.location, c.paragraph_index, c.sentence_text): c
        for c in claims
        if c.speaker_name and c.claim_type in ("reported_speech", "direct_quote")
    }
    for claim in claims:
        if claim.claim_type == "partial_quote" and not claim.speaker_name:
            owner = attributed.get((claim.location, claim.paragraph_index, claim.sentence_text))
            if owner:
                claim.speaker_name = owner.speaker_name
                claim.speaker_type = owner.speaker_type
                claim.speaker_role = owner.speaker_role
                claim.attribution_cue = owner.attribution_cue


def extract_claims_records(headline, dek, body_text) -> list[dict]:
    return [asdict(c) for c in extract_article(headline, dek, body_text)[0]]


def extract_mention_records(headline, dek, body_text) -> list[dict]:
    return [asdict(m) for m in extract_article(headline, dek, body_text)[1]]
