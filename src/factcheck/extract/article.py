"""Run the extractors over one article: headline, dek, then body paragraphs in order.

Mentions are read first over the whole article, so the full names it uses are known
before any quote is attributed ("Lappo said" after "Anatoly Lappo" earlier, and also
before it in a dek).
"""

from __future__ import annotations

import re

from factcheck.extract.claims import (
    Block,
    Carried,
    Claim,
    extract_block,
    names_something,
    only_a_marker,
)
from factcheck.extract.lexicon import ActorDictionary, default_dictionary
from factcheck.extract.marks import as_double_marks, restore, writes_single_marks
from factcheck.extract.mentions import Mention, extract_mentions, resolve_pending
from factcheck.extract.names import ArticleContext, TrailEntry, is_subject, resolve_phrase
from factcheck.extract.signals import attach_signals

PARAGRAPH_SEPARATOR = "\n\n"
_RANK = {"headline": 0, "dek": 1, "body": 2}
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
    block_quotes: frozenset[int] = frozenset(),
) -> tuple[list[Claim], list[Mention]]:
    """Claims and actor mentions of one article. `block_quotes` numbers the body paragraphs
    its source sets off as quotations."""
    if body_text and writes_single_marks(body_text):
        # Quoted the British way: read with the marks swapped, report the article's own.
        read = as_double_marks(body_text)
        claims, mentions = extract_article(headline, dek, read, dictionary, block_quotes)
        _as_written(claims, mentions, body_text, read)
        return claims, mentions
    dictionary = dictionary or default_dictionary()
    ctx = ArticleContext(dictionary)
    ctx.article_text = "\n\n".join(t for t in (headline, dek, body_text) if t)
    blocks = [
        Block(text, location, index, offset, number, location == "body" and index in block_quotes)
        for number, (text, location, index, offset) in enumerate(
            blocks_of(headline, dek, body_text)
        )
    ]
    # One pass over the names, body first so that the headline and dek, read last, can use
    # the full names the body gives; lone surnames seen before their full name wait in
    # `pending` until the whole article is read.
    mentions: list[Mention] = []
    pending: list[Mention] = []
    for block in sorted(blocks, key=lambda b: b.location != "body"):
        found = extract_mentions(
            block.text,
            block.location,
            block.paragraph_index,
            block.offset,
            ctx,
            pending,
            block.sentences,
        )
        mentions.extend(found)
    mentions.extend(resolve_pending(pending, ctx))
    by_block = {(b.location, b.paragraph_index): b for b in blocks}
    for m in mentions:
        block = by_block[(m.location, m.paragraph_index)]
        at = m.char_start - block.offset
        if m.actor_type == "person":
            ctx.note_gender(m.name, m.mention_text)
        # Actors named inside a quotation, or as a possessor ("Trump's conduct"), are not
        # who "he said" or "the ministry said" refers to; unless a person who opens the
        # sentence as its possessor, which is what the sentence is about ("Sarah Ellison's
        # son has …. She says …").
        if m.actor_type not in ("person", "organization") or block.in_quote(at):
            continue
        if m.actor_type == "organization":
            end = at + len(m.mention_text)
            ctx.note_kind(m.name, block.text[max(0, at - 30) : at], block.text[end : end + 60])
        sentence = block.sentence_of(at)
        opens_sentence = not block.text[sentence[0] : at].strip() and m.actor_type == "person"
        possessor = bool(_POSSESSOR.match(block.text, at + len(m.mention_text)))
        if opens_sentence or not possessor or m.actor_type == "organization":
            # A body named as a possessor is still what "the council" may mean later
            # ("Westmarch County Council's cabinet"), though it is not the sentence's subject.
            subject = not possessor and is_subject(block.text[sentence[0] : at])
            where = (block.number, sentence[0])
            agent = block.text[max(0, at - 3) : at] == "by "
            entry = TrailEntry((block.number, at), m.name, m.actor_type, where, subject, agent)
            ctx.trail.append(entry)
    ctx.trail.sort()
    mentions.sort(key=lambda m: (_RANK[m.location], m.char_start))
    claims: list[Claim] = []
    carried = Carried()
    sentences: list[tuple[str, int, str]] = []
    previous: list[Claim] = []
    for number, block in enumerate(blocks):
        carried.next_set_off = _next_is_set_off(blocks, number)
        ctx.before_body = block.location != "body"
        found = extract_block(block, ctx, carried)
        if _signs(block, previous, ctx):
            found = [c for c in found if c.claim_type != "assertion"]  # the signature itself
        claims.extend(found)
        previous = found
        sentences.extend(
            (block.location, block.paragraph_index, block.text[s:e].strip())
            for s, e in block.sentences
        )
    claims = _in_reading_order(claims, [b.location for b in blocks])
    _inherit_speakers(claims)
    _quoted_from_the_body(claims)
    _quoted_before_a_colon(claims, mentions, {"headline": headline or "", "dek": dek or ""})
    attach_signals(claims, sentences)
    return claims, mentions


def _as_written(claims: list[Claim], mentions: list[Mention], body: str, read: str) -> None:
    """Give the body's claims and mentions the characters the article wrote, where they were
    read with other quotation marks (same offsets, same lengths)."""
    for claim in claims:
        if claim.location == "body":
            claim.claim_text = body[claim.char_start : claim.char_end]
            near = claim.char_start - len(claim.sentence_text)
            claim.sentence_text = restore(body, read, claim.sentence_text, near)
    for mention in mentions:
        if mention.location == "body":
            end = mention.char_start + len(mention.mention_text)
            mention.mention_text = body[mention.char_start : end]


# A paragraph that only signs the quotation before it: "-Carl Hasselbrink, Director, …".
_SIGNATURE = re.compile(r"^\s*[-–—]+\s*[A-Z][^,\n]{2,60}?\s*(?:,[^\n]{0,200})?$")


def _next_is_set_off(blocks: list[Block], number: int) -> bool:
    """Is the next paragraph a block quote its source marks? A date heading the quoted
    entry ("April 5, 2012 :") stands between a lead-in and its block quote."""
    following = (b for b in blocks[number + 1 :] if not only_a_marker(b.text))
    return next((b.set_off for b in following), False)


def _signs(block: Block, previous: list[Claim], ctx: ArticleContext) -> bool:
    """Does this paragraph sign the unattributed quotations of the one before it? Reports
    and press releases set a quote off, then its author on a line of their own."""
    signature = _SIGNATURE.match(block.text) if block.location == "body" else None
    unsigned = [c for c in previous if c.claim_type == "direct_quote" and not c.speaker_name]
    if signature is None or not unsigned:
        return False
    ctx.move_to(block.number, 0, 0)
    who = resolve_phrase(block.text.strip().lstrip("-–— "), ctx)  # with the title after it
    if who is None or who.actor_type not in ("person", "organization"):
        return False
    for claim in unsigned:
        claim.speaker_name, claim.speaker_type = who.name, who.actor_type
        claim.speaker_role, claim.attribution_cue = who.role, "said"
    return True


def _in_reading_order(claims: list[Claim], locations: list[str]) -> list[Claim]:
    rank = {"headline": 0, "dek": 1, "body": 2}
    return sorted(claims, key=lambda c: (rank[c.location], c.char_start, c.char_end))


def _quoted_from_the_body(claims: list[Claim]) -> None:
    """A headline or dek quoting words the body gives someone quotes that speaker:
    "‘He took their savings’: manager jailed" over "“He took their savings and …,” Judge
    Armitage said." (Three words at least: a scare quote may echo anyone's.) Words in
    Title Case may be a work's title, unless the body quotes that whole sentence: "Ukraine:
    “If Prison Acquires a Voice, Everything Will Change”"."""
    said = [
        (f" {_plain(c.claim_text)} ", c)
        for c in claims
        if c.location == "body" and c.speaker_name and c.claim_type in _QUOTATIONS
    ]
    for claim in claims:
        if (
            claim.location == "body"
            or claim.speaker_name
            or claim.claim_type not in _QUOTATIONS
            or len(claim.claim_text.split()) < 3
        ):
            continue
        words = f" {_plain(claim.claim_text)} "
        titled = _titled(claim.claim_text)
        source = next(
            (
                c
                for text, c in said
                if (text == words and c.claim_type == "direct_quote" if titled else words in text)
            ),
            None,
        )
        if source is not None:
            claim.speaker_name, claim.speaker_type = source.speaker_name, source.speaker_type
            claim.speaker_role, claim.attribution_cue = source.speaker_role, source.attribution_cue


def _quoted_before_a_colon(
    claims: list[Claim], mentions: list[Mention], fields: dict[str, str]
) -> None:
    """A headline that opens on a quotation and a colon gives it to the person it names
    next: "‘Farmers will write the script’: PVM chief Pal launches yatra" is Pal's."""
    for claim in claims:
        field = fields.get(claim.location, "")
        if (
            not field
            or claim.speaker_name
            or claim.claim_type not in _QUOTATIONS
            or len(claim.claim_text.split()) < 3
            or field[: claim.char_start].strip(_OPENING_MARKS)
            or not field[claim.char_end : claim.char_end + 3].lstrip(_CLOSING_MARKS).startswith(":")
        ):
            continue
        colon = field.index(":", claim.char_end)
        named = next(
            (
                m
                for m in mentions
                if m.location == claim.location
                and m.actor_type == "person"
                and colon < m.char_start <= colon + _TITLE_BEFORE_A_NAME
            ),
            None,
        )
        if named is not None:
            claim.speaker_name, claim.speaker_type = named.name, "person"
            claim.speaker_role, claim.attribution_cue = named.role, "said"


_OPENING_MARKS = " \"'‘“"
_CLOSING_MARKS = " \"'’”"
_TITLE_BEFORE_A_NAME = 40  # characters: "Former Madhya Pradesh chief minister "
_QUOTATIONS = ("direct_quote", "partial_quote")
_NOT_A_WORD = re.compile(r"[^\w]+")


def _titled(text: str) -> bool:
    """Capitals on every word but the small ones: a title ("Think Like A Man", "War and
    Peace", "NATIONAL AIRBORNE DAY"), which a speaker may name but nobody is quoted by."""
    return all(w[:1].isupper() or w in _SMALL_WORDS for w in text.split() if w[:1].isalpha())


_SMALL_WORDS = {"a", "an", "and", "the", "of", "in", "on", "for", "to", "at", "by", "or", "with"}


def _plain(text: str) -> str:
    """Words only, lower case, one space apart: how a quotation is compared across fields."""
    return " ".join(_NOT_A_WORD.sub(" ", text.lower()).split())


# The speaker quoting their own words or thoughts: "… I thought ‘I'm going to die’".
_OWN_WORDS_QUOTED = re.compile(
    r"\b(?:I|we)\s+(?:\w+ly\s+)?(?:thought|said|say|told myself|was thinking|remember "
    r"thinking|kept thinking|asked myself)[\s,:]*[‘'\"“]?$"
)


def _inherit_speakers(claims: list[Claim]) -> None:
    """A partial quote inside an attributed sentence is the speaker's word:
    'Lappo claimed that Poland was acting “provocatively”' — 'provocatively' is Lappo's.
    Names and titles in quotation marks ('the “Green Deal”') are nobody's words, and a
    quotation the speaker quotes ('people who were told “it won't be long”') is not theirs."""
    attributed = {
        (c.location, c.paragraph_index, c.sentence_text): c
        for c in claims
        if c.speaker_name and c.claim_type in ("reported_speech", "direct_quote")
    }
    for claim in claims:
        if claim.claim_type != "partial_quote" or claim.speaker_name or names_something(claim):
            continue
        owner = attributed.get((claim.location, claim.paragraph_index, claim.sentence_text))
        quoting = owner is not None and owner.claim_type == "direct_quote"
        if quoting and owner.char_start <= claim.char_start and claim.char_end <= owner.char_end:
            before = owner.claim_text[: claim.char_start - owner.char_start]
            if not _OWN_WORDS_QUOTED.search(before):
                continue  # a quotation inside the quotation: someone else's words, quoted by them
        if owner:
            claim.speaker_name = owner.speaker_name
            claim.speaker_type = owner.speaker_type
            claim.speaker_role = owner.speaker_role
            claim.attribution_cue = owner.attribution_cue
