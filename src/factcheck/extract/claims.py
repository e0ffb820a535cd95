"""Claims in one block of text: direct and partial quotes, reported speech, assertions.

The patterns are those of news writing:

* ``“…,” X said.`` / ``X said: “…”`` / ``“…,” said X.`` — a direct quote and its speaker;
  ``“A,” X said. “B”`` — both parts are X's; a quote left open at a paragraph's end runs
  on into the next paragraph, which opens with a quotation mark;
* a quotation of a word or two, or one embedded mid-sentence — a partial quote;
* ``X claimed that …``, ``…, X said.``, ``According to X, …`` — reported speech;
* the publication's own statements with figures, dates and names — assertions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from factcheck.extract.lexicon import CUE_VERBS, REPORTING_CUES
from factcheck.extract.names import ArticleContext, Referent, resolve_phrase
from factcheck.extract.scoring import ASSERTION_THRESHOLD, checkworthiness
from factcheck.extract.text import QuoteSpan, find_quotes, sentence_spans

MIN_DIRECT_WORDS = 3  # fewer words inside quotation marks: a partial (scare) quote


@dataclass
class Claim:
    claim_type: str  # direct_quote | partial_quote | reported_speech | assertion
    claim_text: str
    sentence_text: str
    location: str  # headline | dek | body
    paragraph_index: int
    char_start: int  # offsets of claim_text in the field (headline, dek or body_text)
    char_end: int
    speaker_name: str | None = None
    speaker_type: str | None = None
    speaker_role: str | None = None
    attribution_cue: str | None = None
    source_name: str | None = None
    checkworthiness: float = 0.0
    signals: list[str] = field(default_factory=list)


@dataclass
class Attribution:
    speaker: Referent | None
    cue: str
    source: str | None = None


_CUE_RE = re.compile(r"\b(" + "|".join(sorted(CUE_VERBS, key=len, reverse=True)) + r")\b")
_ACCORDING = re.compile(r"\baccording to\s+(?P<who>[^,.;“”\"]+)", re.I)
_TOLD = re.compile(r"^\s*(?P<obj>(?:the\s+)?[A-Z][\w’'.\-]*(?:\s+(?:of\s+)?[A-Z][\w’'.\-]*)*)")
_AUXILIARY = re.compile(
    r"\s+(?:has|have|had|was|were|is|also|has also|have also|previously|repeatedly|"
    r"reportedly|later|earlier|then|further|once|publicly|had earlier|went on to|goes on to|"
    r"continued to)$",
    re.I,
)


# Between a speech verb and its quote only adverbials and the addressee may stand:
# 'said on Friday "', 'told the BBC after the verdict "'. A verb or an article at the end
# shows the quote is woven into the sentence instead: 'said the victims were "',
# 'called the move a "'.
_WOVEN = re.compile(
    r"\b(?:is|was|were|are|be|been|being|has|had|have|would|will|could|can|may|might|must|"
    r"should|did|does|do|that|it|he|she|they|we|i|you|this|these|those|not)\b"
)
_COMPLEMENT_CUES = {"called", "described", "accused", "urged", "asked", "promised"}


def introduces_quote(before: str) -> bool:
    """Does the sentence so far hand over to a quotation (rather than weave it in)?

    True at the start of a sentence, after a colon or dash, after '<cue>,' and after a
    speech verb followed only by adverbials or its addressee."""
    stripped = before.rstrip()
    if not stripped or stripped.endswith((":", "—", "–")):
        return True
    cues = list(_CUE_RE.finditer(stripped))
    if not cues:
        return False
    if stripped.endswith(","):
        return True
    cue = cues[-1]
    if CUE_VERBS[cue.group(1)] in _COMPLEMENT_CUES:
        return False
    gap = stripped[cue.end() :].strip().lower()
    words = gap.split()
    return (
        len(words) <= 8
        and not _WOVEN.search(gap)
        and not (words and words[-1] in ("a", "an", "the", "as", "of", "for", "to"))
    )


class Block:
    """One field or paragraph being read, with its offset in the field."""

    def __init__(
        self, text: str, location: str, paragraph_index: int, offset: int, number: int = 0
    ) -> None:
        self.number = number  # position of the block in reading order
        self.text = text
        self.location = location
        self.paragraph_index = paragraph_index
        self.offset = offset
        self.quotes = find_quotes(text)
        self.sentences = sentence_spans(text, self.quotes)

    def in_quote(self, position: int) -> bool:
        return any(q.inner_start <= position < q.inner_end for q in self.quotes if not q.single)

    def sentence_of(self, position: int) -> tuple[int, int]:
        for start, end in self.sentences:
            if start <= position < end:
                return start, end
        return (0, len(self.text))


def _trimmed(text: str, start: int, end: int, partial: bool = False) -> tuple[int, int]:
    """Narrow [start, end) to the quoted words: no white space or trailing comma. A partial
    quote also loses its final full stop, which belongs to the surrounding sentence."""
    trailing = ",;—–-.:!?" if partial else ",;—–-"
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in trailing):
        end -= 1
    return start, end


def parse_attribution(clause: str, ctx: ArticleContext, after_quote: bool) -> Attribution | None:
    """Find the speaker in the words next to a quote: 'X said', 'said X', 'according to X'."""
    clause = clause.strip()
    if not clause:
        return None
    according = _ACCORDING.search(clause)
    cue_match = _CUE_RE.search(clause)
    if cue_match is None and according is None:
        return None
    if cue_match is None or (according and according.start() < cue_match.start()):
        who = resolve_phrase(according.group("who"), ctx)
        return Attribution(who, "according to") if who else None
    cue = CUE_VERBS[cue_match.group(1)]
    subject = _AUXILIARY.sub("", clause[: cue_match.start()].strip(" ,"))
    rest = clause[cue_match.end() :]
    if after_quote and len(subject.split()) > 25:
        return None
    if not subject:
        # Inversion: "…,” said its chairman, Sir Anthony Greener.
        subject = re.split(r"[.;]|\s+(?:in|on|at|during|after|adding)\s", rest, maxsplit=1)[0]
        rest = rest[len(subject) :]
    speaker = resolve_phrase(subject, ctx)
    if speaker is None:
        return None
    return Attribution(speaker, cue, _source_of(cue, rest, ctx))


def _source_of(cue: str, rest: str, ctx: ArticleContext) -> str | None:
    """The outlet words were given to: 'told Ukrainska Pravda', 'according to TASS'."""
    candidate = None
    if cue == "told":
        match = _TOLD.match(rest)
        candidate = match.group("obj") if match else None
    according = _ACCORDING.search(rest)
    if candidate is None and according:
        candidate = according.group("who")
    interview = re.search(
        r"interview (?:with |that |)(?P<obj>[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*)*)", rest
    )
    if candidate is None and interview:
        candidate = interview.group("obj")
    if not candidate:
        return None
    referent = resolve_phrase(candidate, ctx)
    if referent is None or referent.actor_type == "person":
        return None
    entry = ctx.dictionary.lookup(referent.name)
    if entry and entry.outlet:
        return entry.canonical_name
    return referent.name if referent.actor_type == "organization" else None


def extract_block(block: Block, ctx: ArticleContext, state: dict) -> list[Claim]:
    """Claims of one block. `state` carries an open quote and its speaker across paragraphs."""
    claims: list[Claim] = []
    text = block.text
    quoted_sentences: set[tuple[int, int]] = set()
    previous: Attribution | None = None
    continuing = state.get("open_quote")
    state["open_quote"] = None
    doubles = [q for q in block.quotes if not q.single]
    for quote in block.quotes:
        if quote.single:
            start, end = _trimmed(text, quote.inner_start, quote.inner_end, partial=True)
            if end > start:
                claims.append(
                    _claim(block, "partial_quote", start, end, block.sentence_of(quote.start), None)
                )

    for index, quote in enumerate(doubles):
        sentence = block.sentence_of(quote.start)
        before = text[sentence[0] : quote.start]
        start, end = _trimmed(text, quote.inner_start, quote.inner_end)
        if end <= start:
            continue
        words = len(text[start:end].split())
        opens_sentence = introduces_quote(before)
        if words < MIN_DIRECT_WORDS or not opens_sentence:
            start, end = _trimmed(text, start, end, partial=True)
            claims.append(_claim(block, "partial_quote", start, end, sentence, None))
            continue
        quoted_sentences.add(sentence)
        ctx.position = (block.number, quote.start)
        attribution = _attribution_for(block, quote, sentence, doubles[index + 1 :], ctx)
        if attribution is None and index == 0 and continuing is not None:
            attribution = continuing
        if attribution is None:
            attribution = previous
        if (
            attribution is None
            and index == 0
            and state.get("last_quote") is not None
            and len(doubles) == 1
            and not text[quote.end :].strip(" .,")
        ):
            attribution = state["last_quote"]  # a paragraph that is only a quote
        claims.append(_claim(block, "direct_quote", start, end, sentence, attribution))
        if attribution and attribution.speaker:
            ctx.note_speaker(attribution.speaker)
        previous = attribution or previous
        if not quote.closed:
            state["open_quote"] = attribution
    state["last_quote"] = previous if doubles else None
    claims.extend(_adding_that(block, claims))

    for sentence in block.sentences:
        ctx.position = (block.number, sentence[0])
        if sentence in quoted_sentences:
            claim = _reported_before_colon(block, sentence, ctx)
        else:
            claim = _reported_or_assertion(block, sentence, ctx)
        if claim:
            claims.append(claim)
    return claims


def _reported_before_colon(block: Block, sentence: tuple[int, int], ctx: ArticleContext):
    """'Ryan told the press the new drugs were only part of the solution: “…”' — the words
    before the colon are reported speech of their own."""
    first = next((q for q in block.quotes if not q.single and q.start >= sentence[0]), None)
    if first is None or first.start >= sentence[1]:
        return None
    before = block.text[sentence[0] : first.start].rstrip()
    if not before.endswith(":"):
        return None
    found = _reported(before[:-1], ctx)
    if not found:
        return None
    attribution, rel_start, rel_end = found
    start, end = _trimmed(block.text, sentence[0] + rel_start, sentence[0] + rel_end)
    return (
        _claim(block, "reported_speech", start, end, sentence, attribution) if end > start else None
    )


_ADDING = re.compile(r",\s+adding(?:\s+that)?\s+(?P<clause>[^“\"]{3}.*)$", re.S)


def _adding_that(block: Block, claims: list[Claim]) -> list[Claim]:
    """'“…,” X said, adding that Kyiv proposed …' — the added clause is X's reported speech."""
    added = []
    for claim in [c for c in claims if c.claim_type == "direct_quote" and c.speaker_name]:
        s_start = block.text.find(claim.sentence_text)
        if s_start < 0:
            continue
        match = _ADDING.search(claim.sentence_text)
        if not match:
            continue
        start, end = _trimmed(
            block.text,
            s_start + match.start("clause"),
            s_start + len(claim.sentence_text),
            partial=True,
        )
        if any(c.char_start == block.offset + start for c in claims + added):
            continue
        attribution = Attribution(
            Referent(claim.speaker_name, claim.speaker_type, claim.speaker_role),
            "added",
            claim.source_name,
        )
        added.append(
            _claim(block, "reported_speech", start, end, block.sentence_of(s_start), attribution)
        )
    return added


def _attribution_for(
    block: Block,
    quote: QuoteSpan,
    sentence: tuple[int, int],
    later_quotes: list[QuoteSpan],
    ctx: ArticleContext,
) -> Attribution | None:
    text = block.text
    stop = min([q.start for q in later_quotes if q.start < sentence[1]] + [sentence[1]])
    after = text[quote.end : stop] if quote.closed else ""
    if after.strip():
        found = parse_attribution(after, ctx, after_quote=True)
        if found:
            return found
    # Earlier quotations of the sentence are not attribution: blank them out.
    before = _without_quotes(block, sentence[0], quote.start).strip()
    if before and introduces_quote(before):
        found = parse_attribution(before.rstrip(":,—– "), ctx, after_quote=False)
        if found:
            return found
        if before.endswith(":"):
            # "Michael Morell praised Mendez on Twitter: “…”" — the sentence's subject.
            subject = _SUBJECT_BEFORE_VERB.match(before)
            who = resolve_phrase(subject.group("subj"), ctx) if subject else None
            if who and who.actor_type in ("person", "organization"):
                return Attribution(who, "said")
    # "“A.” “B,” X said." — the attribution comes with a later quote of the same sentence.
    for later in later_quotes:
        if later.start >= sentence[1] or not later.closed:
            break
        tail_stop = next((q.start for q in later_quotes if q.start > later.start), sentence[1])
        found = parse_attribution(text[later.end : min(tail_stop, sentence[1])], ctx, True)
        if found:
            return found
    return None


_SUBJECT_BEFORE_VERB = re.compile(r"^(?P<subj>.{2,120}?)\s+(?:also\s+)?[a-z]+(?:ed|s)\b")


def _without_quotes(block: Block, start: int, end: int) -> str:
    """block.text[start:end] without the quotations in it (marks and words)."""
    pieces, position = [], start
    for quote in block.quotes:
        if quote.single or quote.end <= start or quote.start >= end:
            continue
        pieces.append(block.text[position : max(position, quote.start)])
        position = min(quote.end, end)
    pieces.append(block.text[position:end])
    return "".join(pieces)


_REPORTED_LEAD = re.compile(
    r"^(?P<subj>.{2,160}?)\s+(?P<cue>"
    + "|".join(sorted(REPORTING_CUES, key=len, reverse=True))
    + r")\b(?:\s+(?:on\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|"
    r"today|yesterday))?(?P<told>\s+(?:reporters|journalists|(?:the\s+)?(?:press|media|court|"
    r"jury|crowd|audience|committee|inquiry|hearing)\b|(?:the\s+)?[A-Z][\w’'.\-]*"
    r"(?:\s+[A-Z][\w’'.\-]*)*))?(?:,)?\s+(?:that\s+)?(?P<clause>.{12,})$",
    re.S,
)
# Words that show a "subject" is really a clause: "It was not clear if Ukraine had suggested".
_NOT_A_SUBJECT = {
    "is",
    "was",
    "were",
    "are",
    "be",
    "been",
    "being",
    "if",
    "whether",
    "that",
    "to",
    "which",
    "when",
    "because",
    "would",
    "will",
    "can",
    "could",
    "may",
    "might",
    "should",
    "not",
    "in order",
    "way",
    "while",
    "after",
    "before",
    "since",
    "than",
    "unless",
    "whose",
}


def plausible_subject(subject: str) -> bool:
    """A speaker phrase is a short noun phrase; appositions between commas do not count."""
    head = subject.split(",")[0].strip()
    words = [w.lower().strip(".;:") for w in head.split()]
    return 0 < len(words) <= 8 and not any(w in _NOT_A_SUBJECT for w in words)


_TAIL_CUES = (
    r"said|says|added|claimed|warned|told \w+|noted|stated|explained|argued|insisted|"
    r"suggested|revealed|reported|confirmed|announced|wrote|tweeted|acknowledged|admitted|"
    r"estimated|predicted|stressed|observed|concluded|believes|assesses|maintained"
)
_REPORTED_TAIL = re.compile(
    rf"^(?P<clause>.{{12,}}?),\s+(?P<subj>[^,]{{2,80}}?)\s+(?:also\s+)?(?P<cue>{_TAIL_CUES})\b"
    r"[^,]{0,40}\.?$",
    re.S,
)
_REPORTED_TAIL_INVERTED = re.compile(
    r"^(?P<clause>.{12,}?),\s+(?P<cue>said|says|added)\s+(?P<subj>[^,]{2,80}?)\.?$", re.S
)


def _reported_or_assertion(block: Block, sentence: tuple[int, int], ctx: ArticleContext):
    text = block.text
    s_start, s_end = sentence
    sentence_text = text[s_start:s_end]
    found = _reported(sentence_text, ctx)
    if found:
        attribution, rel_start, rel_end = found
        start, end = _trimmed(text, s_start + rel_start, s_start + rel_end)
        if end > start:
            return _claim(block, "reported_speech", start, end, sentence, attribution)
    if block.location == "headline" or len(sentence_text.split()) < 6:
        return None
    if checkworthiness(sentence_text) >= ASSERTION_THRESHOLD:
        start, end = _trimmed(text, s_start, s_end)
        return _claim(block, "assertion", start, end, sentence, None)
    return None


def _reported(sentence: str, ctx: ArticleContext) -> tuple[Attribution, int, int] | None:
    """Reported speech in one sentence: the attribution and the span of the reported clause."""
    according = re.match(
        r"^According to (?P<who>[^,]{2,200}),\s+(?P<clause>.{12,})$", sentence, re.S
    )
    if according:
        who = resolve_phrase(according.group("who"), ctx)
        if who:
            return Attribution(who, "according to"), according.start("clause"), len(sentence)
    trailing = re.match(
        r"^(?P<clause>.{12,}?),\s+according to (?P<who>[^,]{2,120}?)\.?$", sentence, re.S
    )
    if trailing:
        who = resolve_phrase(trailing.group("who"), ctx)
        if who:
            source = _outlet(who, ctx)
            return Attribution(who, "according to", source), 0, trailing.end("clause")
    for pattern in (_REPORTED_TAIL, _REPORTED_TAIL_INVERTED):
        tail = pattern.match(sentence)
        if tail:
            if not plausible_subject(tail.group("subj")):
                continue
            who = resolve_phrase(tail.group("subj"), ctx)
            if who and (who.actor_type or _unnamed_source(tail.group("subj"))):
                cue = CUE_VERBS.get(tail.group("cue").split()[0].lower(), "said")
                return Attribution(who, cue), 0, tail.end("clause")
    lead = _REPORTED_LEAD.match(sentence)
    if lead and plausible_subject(_strip_auxiliaries(lead.group("subj"))):
        subject = _strip_auxiliaries(lead.group("subj"))
        who = resolve_phrase(subject, ctx)
        if (
            who
            and (who.actor_type or _unnamed_source(subject))
            and _is_clause(lead.group("clause"))
        ):
            cue = CUE_VERBS[lead.group("cue").lower()]
            source = None
            if cue == "told" and lead.group("told"):
                obj = resolve_phrase(lead.group("told"), ctx)
                source = _outlet(obj, ctx) if obj else None
            # Only "told" takes an object ("told Reuters that"); after "said" it is the clause.
            clause_start = lead.start("clause")
            if cue != "told" and lead.group("told"):
                clause_start = (
                    lead.start("told") + len(lead.group("told")) - len(lead.group("told").lstrip())
                )
            return Attribution(who, cue, source), clause_start, len(sentence)
    return None


# Sources reported without a name: "police said", "critics have claimed".
_UNNAMED_SOURCES = {
    "officials", "analysts", "experts", "police", "authorities", "critics", "protesters",
    "witnesses", "residents", "scientists", "researchers", "sources", "doctors",
    "prosecutors", "investigators", "observers", "officers", "activists", "organisers",
    "organizers", "lawyers", "historians", "economists",
}  # fmt: skip
_VERB = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|may|might|must|"
    r"should|shall|did|does|do|[a-z]{3,}(?:ed|es))\b"
)


def _unnamed_source(subject: str) -> bool:
    words = subject.lower().split()
    return bool(words) and (words[0] in _UNNAMED_SOURCES or words[-1] in _UNNAMED_SOURCES)


def _is_clause(text: str) -> bool:
    """Reported speech is a clause ("Belarus will join the war"), not a noun phrase or a
    prepositional tail ("Trump impeachment investigation", "by the university", "on Saturday")."""
    words = text.split()
    return (
        len(words) >= 3
        and words[0].lower() not in ("by", "to", "for", "on", "in", "at", "with", "from", "of")
        and bool(_VERB.search(text))
    )


def _strip_auxiliaries(subject: str) -> str:
    """'Nadler of New York has repeatedly' → 'Nadler of New York'."""
    subject = subject.strip()
    while True:
        shorter = _AUXILIARY.sub("", subject)
        if shorter == subject:
            return subject
        subject = shorter


def _outlet(referent: Referent, ctx: ArticleContext) -> str | None:
    entry = ctx.dictionary.lookup(referent.name)
    return entry.canonical_name if entry and entry.outlet else None


def _claim(
    block: Block,
    claim_type: str,
    start: int,
    end: int,
    sentence: tuple[int, int],
    attribution: Attribution | None,
) -> Claim:
    speaker = attribution.speaker if attribution else None
    claim_text = block.text[start:end]
    return Claim(
        claim_type=claim_type,
        claim_text=claim_text,
        sentence_text=block.text[sentence[0] : sentence[1]].strip(),
        location=block.location,
        paragraph_index=block.paragraph_index,
        char_start=block.offset + start,
        char_end=block.offset + end,
        speaker_name=speaker.name if speaker else None,
        speaker_type=speaker.actor_type if speaker else None,
        speaker_role=speaker.role if speaker else None,
        attribution_cue=attribution.cue if attribution else None,
        source_name=attribution.source if attribution else None,
        checkworthiness=checkworthiness(claim_text),
    )
