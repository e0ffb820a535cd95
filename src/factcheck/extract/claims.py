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
from dataclasses import dataclass, field, replace
from functools import lru_cache

from factcheck.extract.lexicon import (
    ABBREVIATIONS,
    COMMON_WORDS,
    CUE_VERBS,
    DOCUMENT_NOUNS,
    MONTHS,
    NON_NAME_WORDS,
    PRONOUNS_PERSON,
    TIME_WORDS,
    is_adverb,
)
from factcheck.extract.names import (
    ArticleContext,
    Attribution,
    Referent,
    TrailEntry,
    as_title,
    looks_like_name,
    resolve_phrase,
)
from factcheck.extract.reported import (
    BEFORE_A_DOCUMENT,
    ISSUING_VERB,
    find_reported,
    is_introductory,
    leading_subject,
    opens_a_report,
    resolve_speaker,
    speaks,
    subject_before,
)
from factcheck.extract.scoring import ASSERTION_THRESHOLD, checkworthiness
from factcheck.extract.text import (
    INVISIBLE,
    QUOTE_BLANK,
    UPPER,
    QuoteSpan,
    find_quotes,
    is_title_case,
    sentence_spans,
)

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


_CUE_RE = re.compile(r"\b(" + "|".join(sorted(CUE_VERBS, key=len, reverse=True)) + r")\b")
# The source after "according to", up to a comma or a full stop that is not an
# abbreviation's ("according to U.S. Attorney Bash, …").
_ACCORDING = re.compile(r"\baccording to\s+(?P<who>(?:[^,.;“”\"]|\.(?=\w|\s[A-Z]))+)", re.I)
_OWNED = re.compile(r"[’']s\s+[a-z]")  # "Gustavo Soto's post on …": what the source wrote
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
_COMPLEMENT_CUES = {
    "called", "described", "accused", "urged", "asked", "promised", "praised", "criticized",
}  # fmt: skip
# Verbs that name whom they address: "told the BBC “…”", "asked reporters “…”".
_ADDRESSEE_CUES = {"told", "asked", "urged", "warned", "informed", "replied", "responded"}
# How an adverbial between a verb and its quote begins: "said on Friday “…”", "said
# angrily “…”" (prepositions, time words and -ly adverbs).
_ADVERBIAL_STARTS = TIME_WORDS | set(
    "in on at to during after before from via while when over with through under".split()
)


def _adverbial(gap: str) -> bool:
    first = gap.split()[0].strip(",;")
    return first in _ADVERBIAL_STARTS or is_adverb(first) or not first


_ACCORDING_OPENS = re.compile(r"^According to [^,“\"]{2,120},$")
# A sentence opened by its speech verb, the speaker after it: "Remarked Center for
# Biological Diversity scientist Tierra Curry, “…”", "Said one resident: “…”".
_VERB_FIRST = re.compile(
    r"^(?P<cue>Said|Says|Remarked|Added|Wrote|Noted|Explained|Commented|Replied|Tweeted|"
    r"Warned|Insisted|Recalled)\s+(?P<who>[^,:“\"]{2,100})[,:]?$"
)


# The same after an adverbial that opens the sentence: "Since that time, said Dyton, “…”".
_VERB_AFTER_ADVERBIAL = re.compile(
    r"^[A-Z][^,“\"]{1,40},\s+(?P<cue>said|says|added|adds|wrote|writes|recalled)\s+"
    r"(?P<who>[A-Z][^,:“\"]{1,60})[,:]?$"
)


# A document's words, read before or after the quotation: "read the warning", "the letter
# read", "The statement read in part, “…”" (the past tense, which no speech verb list holds:
# "she read a statement" reports nothing).
_DOCUMENT_READ = re.compile(
    r"^(?P<first>reads?(?:\s+in\s+part)?\s+)?"
    r"(?P<document>(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)\s+\w[\w\- ]{1,40}?)"
    r"(?P<last>\s+reads?(?:\s+in\s+part)?)?\.?$"
)


def _document_read(clause: str) -> str | None:
    """The document of a clause that only says a document reads (see `_DOCUMENT_READ`)."""
    read = _DOCUMENT_READ.match(clause.strip(" ,:"))
    if (
        read
        and bool(read.group("first")) != bool(read.group("last"))
        and read.group("document").split()[-1].removesuffix("s") in DOCUMENT_NOUNS
    ):
        return read.group("document")
    return None


# A sentence that names someone, describes them and hands over, as press releases set out
# their quotations: "David Smith, President and CEO of the Chamber of Commerce, “…”".
_NAMED_THEN_APPOSED = re.compile(
    r"^(?P<name>[A-Z][\w’'.\-]+(?:\s+[A-Z][\w’'.\-]+){1,3}),\s+[^,“”\"]{2,120},$"
)


def _named_then_apposed(before: str) -> re.Match | None:
    """The name and description a sentence opens with before its quotation, if that is all
    it says so far (not "In Bozeman, the largest city, “…”")."""
    named = _NAMED_THEN_APPOSED.match(before)
    return named if named and named.group("name").split()[0].lower() not in NON_NAME_WORDS else None


def introduces_quote(before: str) -> bool:
    """Does the sentence so far hand over to a quotation (rather than weave it in)?

    True at the start of a sentence, after a colon or dash, after '<cue>,' and after a
    speech verb followed only by adverbials or its addressee."""
    stripped = before.rstrip()
    if (
        not stripped
        or stripped.endswith((":", "—", "–"))
        or _ACCORDING_OPENS.match(stripped)
        or _VERB_FIRST.match(stripped)
        or _named_then_apposed(stripped)
        or _document_read(stripped)
    ):
        return True  # … and "According to Rutgers political scholar Kelly Dittmar, “…”"
    cues = list(_CUE_RE.finditer(stripped))
    if not cues:
        return False
    cue = cues[-1]
    if len(cues) > 1 and _reported_by(stripped, cues[-2], cue):
        return False  # "Lin said China maintains “…”": the verb is the reported clause's
    if _INSERTED_AFTER_RELATIVE.search(stripped):
        return False  # "a specialist who, he claimed, “has no qualifications …”"
    if stripped.endswith(","):
        # "X said, “…”" — but not "X remarked that Egypt and Saudi Arabia, “…,” could".
        return not _WOVEN.search(stripped[cue.end() : -1].lower())
    canonical = CUE_VERBS[cue.group(1)]
    if canonical in _COMPLEMENT_CUES:
        return False
    gap = stripped[cue.end() :].strip().lower()
    words = gap.split()
    if words and canonical not in _ADDRESSEE_CUES and not _adverbial(gap):
        return False  # "said the media “is rigging the polls”": the quote is the object's
    return (
        len(words) <= 8
        and not _WOVEN.search(gap)
        and not (words and words[-1] in ("a", "an", "the", "as", "of", "for", "to"))
    )


_CLAUSE_BREAK = re.compile(r"[,:;—–]|\s-\s")
# An attribution set inside a relative clause the quotation finishes: "who, he claimed, “…”".
_INSERTED_AFTER_RELATIVE = re.compile(r"\b(?:who|which|that)\s*,\s*[^,“”\"]{2,40},$")
# Words that join a second verb to the first one's subject or start a clause of their own
# ("characterised the deaths as … and wrote", "asked … and then declared", "by saying").
_JOINS_A_VERB = {
    "and", "but", "or", "while", "whereas", "by", "which", "who", "then", "also", "further",
    "when", "before", "after", "as", "later", "in", "on", "with",
}  # fmt: skip


def _reported_by(text: str, outer: re.Match, inner: re.Match) -> bool:
    """Is the inner speech verb the verb of the clause the outer one reports ("Lin said China
    maintains …", "said that the ministry claims …"), rather than a second verb of the same
    speaker ("characterised it as … and wrote")?"""
    between = text[outer.end() : inner.start()]
    words = [w.strip(".,;:’'").lower() for w in between.split()]
    return (
        0 < len(words) <= 5
        and not _CLAUSE_BREAK.search(between)
        and not any(w in _JOINS_A_VERB for w in words)
    )


_AFTER_COLON = re.compile(r":\s*$")
_COLON_NEXT = re.compile(r"\s*:")


# A list item's bullet opening a paragraph: "• ", "- ", "* ".
_LIST_MARKER = re.compile(r"[ \t]*[•◦▪‣●·*\-](?=[ \t]+\S)[ \t]+")


class Block:
    """One field or paragraph being read, with its offset in the field."""

    def __init__(
        self,
        text: str,
        location: str,
        paragraph_index: int,
        offset: int,
        number: int = 0,
        set_off: bool = False,
    ) -> None:
        self.number = number  # position of the block in reading order
        self.set_off = set_off  # marked as a block quote by its source
        self.text = text
        self.location = location
        self.paragraph_index = paragraph_index
        self.offset = offset
        # A bulleted paragraph ("• “…,” Aldous said.", "- Dunford told reporters …") is read
        # as the sentence after its bullet; blanked, not cut, so offsets stay put.
        bullet = _LIST_MARKER.match(text)
        if bullet:
            text = self.text = " " * bullet.end() + text[bullet.end() :]
        self.quotes = find_quotes(text)
        if location == "headline":
            # Headlines quote in single marks: "Brennan pulls pick: 'The votes weren't there'"
            # (but "Brazil: 'Hands That Cure, Words That Heal'" is a title).
            self.quotes = [
                replace(q, single=False) if self._headline_quote(q) else q for q in self.quotes
            ]
        self.sentences = sentence_spans(text, self.quotes)

    def _headline_quote(self, quote: QuoteSpan) -> bool:
        words = self.text[quote.inner_start : quote.inner_end].split()
        title = sum(w[:1].isupper() and not w.isupper() for w in words) == len(words) > 2
        set_off = bool(_AFTER_COLON.search(self.text, 0, quote.start)) or (
            not self.text[: quote.start].strip() and _COLON_NEXT.match(self.text, quote.end)
        )  # "Brennan pulls pick: 'The votes …'", "'He took their savings': manager jailed"
        return quote.single and set_off and not title

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
    trailing = ",;—–-.:!?" if partial else ",;:—–-"
    while start < end and (text[start].isspace() or text[start] in INVISIBLE):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in trailing):
        end -= 1
    return start, end


# A document without its author: "a statement", "the memo".
_LONE_DOCUMENT = re.compile(
    r"^(?:(?:in|the|a|an|another|new|latest|this|that|its|his|her|their)\s+)*(?P<document>"
    + "|".join(sorted(DOCUMENT_NOUNS))
    + r")$",
    re.I,
)


# A cue word after a possessive or determiner is a noun: "the legal team's claims", "his
# reports", not a verb of speech.
_NOUN_BEFORE = re.compile(
    r"(?:’s|'s|s’|s'|\b(?:the|a|an|his|her|its|their|our|these|those))\s+$", re.I
)


# "Marsh had asked to withdraw “…”": a request to act, not words said (unlike "spoke to
# reporters").
_ASKS_TO = {"asked", "asks", "urged", "urges", "told", "tells"}
# Verbs that give a quotation to their subject only when they hand it over ("Chakrapani
# proposed: “…”"), not when the quote is an object's words ("Kyiv proposed Belarus enter
# into a “non-aggression pact”", in Lukashenko's words).
_HANDS_OVER_ONLY = {"proposed", "proposes"}
_INFINITIVE = re.compile(
    r"\s+to\s+(?!(?:the|a|an|his|her|their|its|our|my|your|this|that|these|those|him|them|"
    r"us|me|reporters|journalists)\b)[a-z]+\b"
)


def parse_attribution(
    clause: str, ctx: ArticleContext, after_quote: bool, nearest: bool = False
) -> Attribution | None:
    """Find the speaker in the words next to a quote: 'X said', 'said X', 'according to X'.
    A speech verb with a subject of its own wins over an 'according to' around it
    ('According to ISNA, the prosecutor, Ali Mehr, said …' is Mehr's); `nearest` reads
    the verb closest to the quote ('attacked the inquiry, with Scalise calling it “…”')."""
    clause = clause.strip()
    if not clause:
        return None
    document = _document_read(clause)
    if document:
        # '“…”, read the warning.', 'The statement read in part, “…”': the document's issuer.
        who = resolve_phrase(document, ctx)
        if who and who.actor_type in ("person", "organization"):
            return Attribution(who, "wrote")
    verb_first = _VERB_FIRST.match(clause) or _VERB_AFTER_ADVERBIAL.match(clause)
    if verb_first:
        who = resolve_phrase(verb_first.group("who"), ctx)
        if who and speaks(who, verb_first.group("who")):
            return Attribution(who, CUE_VERBS.get(verb_first.group("cue").lower(), "said"))
    cues = [
        cue
        for cue in _CUE_RE.finditer(clause)
        if not _NOUN_BEFORE.search(clause, 0, cue.start())
        and not (cue.group(1) in _ASKS_TO and _INFINITIVE.match(clause, cue.end()))
        and not (cue.group(1) in _HANDS_OVER_ONLY and clause[cue.end() :].strip(" ,:"))
    ]
    # The first speech verb with a speaker (the nearest to the quote when `nearest`): "In
    # a statement posted to her account, Vázquez affirmed …, writing “…”" is Vázquez's. A
    # verb in a clause of time comes last: "Once, when Trump interjected, Biden said “…”".
    cues = sorted(cues, key=lambda cue: bool(_WHEN_CLAUSE.search(clause, 0, cue.start())))
    if nearest:
        # A verb inside the clause an earlier one reports is not who is quoted: "Lin said
        # China maintains “close and smooth communication”" is Lin's.
        cues = [
            cue
            for before, cue in zip([None, *cues], cues, strict=False)
            if before is None or not _reported_by(clause, before, cue)
        ]
    for cue in reversed(cues) if nearest else cues:
        found = _attribution_by_verb(clause, cue, ctx, after_quote)
        if found:
            return found
    according = _ACCORDING.search(clause)
    if according:
        # "According to researcher Gustavo Soto's post on the CEADESC blog": the owner's.
        owned = _OWNED.search(according.group("who"))
        who = resolve_phrase(according.group("who")[: owned.start() if owned else None], ctx)
        return Attribution(who, "according to") if who else None
    sent = None if after_quote else _DOCUMENT_FROM_BEFORE.search(clause)
    titled = sent and _TITLED.search(sent.group("who"))  # "a report by X titled ‘…’"
    if sent and not titled and sent.group("document").lower().removesuffix("s") in DOCUMENT_NOUNS:
        # "The palace issued the following statement from the king: “…”": the king's.
        who = resolve_phrase(sent.group("who"), ctx)
        if who and who.actor_type in ("person", "organization"):
            return Attribution(who, "said")
    return None


_TITLED = re.compile(r"\b(?:titled|entitled|called|named|headlined|headed)$")
# A clause of time or condition still open before a verb: "when Trump interjected".
_WHEN_CLAUSE = re.compile(
    r"\b(?:[Ww]hen|[Ww]hile|[Aa]fter|[Bb]efore|[Oo]nce|[Ii]f)\s+[^,;:]{1,60}$"
)
# A document and its author just before a quotation: "the following statement from the king:".
_DOCUMENT_FROM_BEFORE = re.compile(
    r"\b(?P<document>[a-z]+)\s+(?:from|by)\s+(?P<who>[^,;:“”\"]{2,80}?)\s*[:,]?\s*$"
)


# The auxiliary of a passive just before a verb: "has been accused", "was submitted".
_PASSIVE = r"(?:has been|have been|had been|was|were|is|are|being|been)\s+"
_PASSIVE_BEFORE = re.compile(rf"\b{_PASSIVE}$")
# A lower-case word just before a participle: "a bill declaring", "a speech declaring".
_AFTER_A_NOUN = re.compile(r"\b(?P<noun>[a-z]+)\s+$")
# What someone says in person, whose words stay theirs: "delivered a speech declaring …".
_UTTERANCES = {"speech", "address", "remarks", "statement", "interview", "post", "tweet",
               "message", "video", "letter", "op-ed", "column"}  # fmt: skip
# Passives that still give the subject's words: "Smith was quoted as saying".
_QUOTED_AS = {"quoted", "heard", "recorded", "filmed", "overheard"}


def _attribution_by_verb(
    clause: str, cue_match: re.Match, ctx: ArticleContext, after_quote: bool
) -> Attribution | None:
    if cue_match.group(1) not in _QUOTED_AS and _PASSIVE_BEFORE.search(
        clause, 0, cue_match.start()
    ):
        return None  # "X has been accused of “…”": the words of whoever accuses X
    cue = CUE_VERBS[cue_match.group(1)]
    nearest = subject_before(clause, cue_match.start())
    noun = _AFTER_A_NOUN.search(clause, 0, cue_match.start())
    document = noun is not None and noun.group("noun") not in _UTTERANCES
    if nearest is None and cue_match.group(1).endswith("ing") and document:
        return None  # "passed a bill declaring the park “intangible”": the bill's words
    subject = nearest[0] if nearest else _AUXILIARY.sub("", clause[: cue_match.start()].strip(" ,"))
    rest = clause[cue_match.end() :]
    if after_quote and len(subject.split()) > 25:
        return None
    if not subject:
        # Inversion: "…,” said its chairman, Sir Anthony Greener. / said Rep. Jerry Nadler,
        # a Democrat from New York.
        subject = re.split(
            r"\s+(?:in|on|at|during|after|adding|as|while|when|amid)\s",
            _to_full_stop(rest),
            maxsplit=1,
        )[0]
        rest = rest[len(subject) :]
    speaker = resolve_speaker(subject, clause, ctx)
    if (
        speaker is None
        or not speaks(speaker, subject)
        or (_LONE_DOCUMENT.match(subject.strip()) and speaker.actor_type is None)
    ):
        return None  # "Calling it a the archbishop", "a statement posted" name nobody
    return Attribution(speaker, cue, _source_of(cue, rest, ctx))


_STOP = re.compile(r"[.;]")


def _to_full_stop(text: str) -> str:
    """Text up to the first full stop or semicolon that ends a sentence: the stops of
    abbreviations and initials ("Rep.", "U.S.", "John F. Kennedy") do not."""
    for stop in _STOP.finditer(text):
        if stop.group() == ";":
            return text[: stop.start()]
        word = re.search(r"([\w.]+)$", text[: stop.start()])
        token = word.group(1).lower() if word else ""
        if token not in ABBREVIATIONS and len(token.replace(".", "")) > 1:
            return text[: stop.start()]
    return text


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


@dataclass
class Carried:
    """What one paragraph hands the next while an article is read."""

    open_quote: Attribution | None = None  # a quote left open runs on into the next paragraph
    last_quote: Attribution | None = None  # who spoke last, for a paragraph that is only a quote
    lead_in: Attribution | None = None  # "X told the crowd:" ending the paragraph
    block_quote: Attribution | None = None  # a quoted post in another language: its author
    quoting: Attribution | None = None  # a block quote the source marks, under way: its author
    soft_lead_in: Attribution | None = None  # "X tweeted from the protest." ending a paragraph
    document: Attribution | None = None  # "The text of X's letter follows:": its author
    next_set_off: bool = False  # the next paragraph is a block quote its source marks
    question: bool = False  # the paragraph asked a question: an interview's answer may follow
    interviewer: str | None = None  # who asks the questions of a transcript ("X, HOST:")
    answering: Attribution | None = None  # a transcript's answer under way: its speaker
    recent: Attribution | None = None  # the last attributed claim, and its block's number
    recent_block: int = -1

    def recent_speaker(self, block: int) -> Attribution | None:
        """Who spoke in the last two paragraphs: an unattributed quote opening a paragraph
        goes on with them, as readers take it."""
        return self.recent if self.recent and block - self.recent_block <= 2 else None


_MONTH = "(?:" + "|".join(sorted(m.capitalize() for m in MONTHS)) + ")"
# A paragraph that only marks a place in what is quoted: a date heading the entry below it
# ("April 5, 2012 :", "5 April 2012:") or an elision ("[...]", "…").
_MARKER = re.compile(
    rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}\s+{_MONTH})(?:,?\s+\d{{4}})?\s*:?"
    r"|[\[(]?(?:\.\s?\.\s?\.|…)[\])]?"
)


def only_a_marker(text: str) -> bool:
    """Is the paragraph only a date or an elision? It hands on what led into it."""
    return _MARKER.fullmatch(text.strip()) is not None


def extract_block(block: Block, ctx: ArticleContext, carried: Carried) -> list[Claim]:
    """Claims of one block, sentence by sentence — so that who spoke in one sentence is
    known to the pronouns of the next; `carried` links the block to those around it."""
    if only_a_marker(block.text):
        return []  # what led into it ("Below are excerpts from his posts.") goes on
    claims: list[Claim] = []
    text = block.text
    reading = _Reading(carried.open_quote, carried.lead_in)
    carried.open_quote = carried.lead_in = None
    doubles = [q for q in block.quotes if not q.single]
    by_sentence: dict[tuple[int, int], list[QuoteSpan]] = {}
    for quote in block.quotes:
        by_sentence.setdefault(block.sentence_of(quote.start), []).append(quote)
    sentences = block.sentences + [s for s in by_sentence if s not in block.sentences]
    for sentence in sentences:
        ctx.move_to(block.number, sentence[0], sentence[0])
        _follow_pronoun_subject(block, sentence, ctx)
        found: list[Claim] = []
        for quote in by_sentence.get(sentence, []):
            claim = _read_quote(block, quote, sentence, doubles, reading, carried, ctx)
            found.extend([claim] if claim else [])
        ctx.move_to(block.number, sentence[0], sentence[0])
        direct = [c for c in found if c.claim_type == "direct_quote"]
        if direct:
            found.extend(_reported_beside_quotes(block, sentence, direct, ctx))
        elif sentence in block.sentences:
            found.extend(_reported_or_assertion(block, sentence, ctx))
        _remember_speakers(block, found, carried, ctx)
        _remember_documents(text[sentence[0] : sentence[1]], found, ctx)
        claims.extend(found)
    labelled = _speaker_label(block, carried, ctx)
    block_quote = _block_quote(block, reading.lead_in, labelled, carried, ctx.article_text)
    carried.answering = block_quote if labelled or block_quote is carried.answering else None
    carried.block_quote = None
    carried.question = text.rstrip().endswith("?")
    if block_quote is not None:
        # A block quote without quotation marks: after "X wrote:", a tweet "@x: …", a
        # transcript's line, or the translation that follows a quoted post in another language.
        start, end = _trimmed(text, labelled.words_start if labelled else 0, len(text))
        signed = _SIGNED.search(text)
        if signed:
            # "… economic transformation - Donald Kaberuka": the words are the signatory's,
            # relayed (perhaps by a tweet "@x: …") rather than the relayer's own.
            ctx.move_to(block.number, signed.start(), 0)
            who = resolve_phrase(_to_sentence_end(signed.group("who")), ctx)
            if who and who.actor_type in ("person", "organization"):
                relay = _HANDLE.match(text)
                start = relay.start("words") if relay else start
                start, end = _trimmed(text, start, signed.start())
                block_quote = Attribution(who, "said")
        reading.previous = block_quote if block_quote.speaker else reading.previous
        quoted = _claim(block, "direct_quote", start, end, (0, len(text)), block_quote)
        # The quoted words are not also the publication's own assertions.
        claims = [c for c in claims if c.claim_type != "assertion" or not _overlap(c, quoted)]
        marked = _marked_within(claims, quoted)
        if marked is not None:
            # '@bro0ownsugar: “Eliminate corruption …”': the post's words are in quotation
            # marks; that quotation is the post's author's too.
            claims[claims.index(marked)] = _given_to(marked, block_quote)
        if len(text[start:end].split()) >= MIN_DIRECT_WORDS:  # not "((X)) Yes.", "No."
            claims.append(quoted)
            carried.block_quote = block_quote if _foreign(text[start:end]) else None
    carried.quoting = block_quote if block.set_off and block_quote else None
    carried.last_quote = reading.previous if doubles else None
    claims.extend(_adding_that(block, claims))
    if _ENDS_DOCUMENT.match(text):
        carried.document = None
    document = _document_follows(block, ctx)
    carried.document = document or carried.document
    carried.lead_in = None if document else _lead_in(block, ctx)
    # Only a block quote that its source marks reads the softer lead-in: not worth reading
    # for every paragraph.
    carried.soft_lead_in = None
    if carried.next_set_off:
        carried.soft_lead_in = carried.lead_in or _lead_in(block, ctx, colon=False)
    return claims


@dataclass
class _Reading:
    """What the quotes of one block hand each other while it is read."""

    continuing: Attribution | None  # the quote left open in the paragraph before
    lead_in: Attribution | None  # "X told the crowd:" ending the paragraph before
    previous: Attribution | None = None  # the last direct quote's attribution here


def _read_quote(
    block: Block,
    quote: QuoteSpan,
    sentence: tuple[int, int],
    doubles: list[QuoteSpan],
    reading: _Reading,
    carried: Carried,
    ctx: ArticleContext,
) -> Claim | None:
    """One quotation: a partial quote, or a direct quote with its attribution — its own,
    the open quote's, the lead-in's, the one before it in the paragraph, or the speaker
    the passage is with."""
    text = block.text
    if quote.single:
        start, end = _trimmed(text, quote.inner_start, quote.inner_end, partial=True)
        return _partial(block, quote, start, end, ctx) if end > start else None
    index = doubles.index(quote)
    start, end = _trimmed(text, quote.inner_start, quote.inner_end)
    if end <= start:
        return None
    words = len(text[start:end].split())
    before = text[sentence[0] : quote.start]
    # "According to X, “…”" hands over only when the quotation ends the sentence.
    woven = _ACCORDING_OPENS.match(before.rstrip()) and text[quote.end : sentence[1]].strip(" .,")
    if words < MIN_DIRECT_WORDS or woven or not introduces_quote(before):
        start, end = _trimmed(text, start, end, partial=True)
        return _partial(block, quote, start, end, ctx)
    ctx.move_to(block.number, quote.start, sentence[0])
    opens_block = not text[: quote.start].strip()
    attribution = _attribution_for(block, quote, sentence, doubles[index + 1 :], ctx)
    named = _named_then_apposed(before.strip()) if attribution is None else None
    if named:
        who = resolve_phrase(named.group("name"), ctx)
        attribution = Attribution(who, "said") if who and who.actor_type == "person" else None
    if attribution is None and index == 0:
        attribution = reading.continuing or (reading.lead_in if opens_block else None)
    if attribution is None:
        attribution = reading.previous
    if (
        attribution is None
        and index == 0
        and carried.last_quote is not None
        and len(doubles) == 1
        and not text[quote.end :].strip(" .,")
    ):
        attribution = carried.last_quote  # a paragraph that is only a quote
    if attribution is None and index == 0 and opens_block:
        attribution = carried.recent_speaker(block.number)
    if (
        attribution is None
        and carried.recent_block == block.number
        and not text[sentence[0] : quote.start].strip()
    ):
        # "…, he added. “Studies have shown …”": a quote that is a sentence of its own goes
        # on with whoever spoke in the sentence before it.
        attribution = carried.recent
    if attribution and attribution.speaker:
        ctx.note_speaker(attribution.speaker)
    reading.previous = attribution or reading.previous
    if not quote.closed:
        carried.open_quote = attribution
    return _claim(block, "direct_quote", start, end, sentence, attribution)


def _remember_speakers(block: Block, claims: list[Claim], carried: Carried, ctx: ArticleContext):
    """Who spoke in this block: the passage is theirs for the pronouns and quotes after it."""
    for claim in claims:
        if claim.speaker_type not in ("person", "organization", "place"):
            ctx.last_voice = claim.speaker_name or ctx.last_voice  # "ShopLane said", untyped
            continue  # a place speaks for its government: "Downing Street said"
        speaker = Referent(claim.speaker_name, claim.speaker_type, claim.speaker_role)
        carried.recent = Attribution(speaker, claim.attribution_cue or "said", claim.source_name)
        carried.recent_block = block.number
        if claim.claim_type in ("reported_speech", "partial_quote"):
            offset = claim.char_start - block.offset
            ctx.move_to(block.number, offset, block.sentence_of(offset)[0])
            ctx.note_speaker(speaker)


# A document a speaker issued in the sentence: "in a statement", "released a report",
# "according to a letter sent by …" (the noun found first: most sentences name none).
_DOCUMENT = re.compile(r"\b(" + "|".join(sorted(DOCUMENT_NOUNS)) + r")s?\b")
_ISSUED_BEFORE = re.compile(rf"\b(?:[Ii]n|[Aa]ccording\s+to|{ISSUING_VERB}){BEFORE_A_DOCUMENT}")


# A document and who issued it: "The orange warning issued by Met Éireann".
_ISSUED_BY = re.compile(
    _DOCUMENT.pattern + rf"\s+{ISSUING_VERB}\s+by\s+"
    rf"(?P<who>(?:the\s+)?[{UPPER}][\w’'.\-]*(?:\s+(?:of\s+)?[{UPPER}][\w’'.\-]*){{0,4}})"
)


def _remember_documents(sentence: str, claims: list[Claim], ctx: ArticleContext) -> None:
    """The documents this sentence's speaker issued: "Trump, in a statement delivered via
    the press secretary, announced …. The statement also said …" is Trump's; and those it
    says who issued ("The orange warning issued by Met Éireann applied to …")."""
    for issued in _ISSUED_BY.finditer(sentence):
        who = resolve_phrase(issued.group("who"), ctx)
        if who and who.actor_type in ("person", "organization"):
            ctx.issued[issued.group(1).lower()] = who
    speaker = next((c for c in claims if c.speaker_type in ("person", "organization")), None)
    if speaker is None or not speaker.speaker_name:
        return
    for match in _DOCUMENT.finditer(sentence):
        if _ISSUED_BEFORE.search(sentence, max(0, match.start() - 40), match.start()):
            referent = Referent(speaker.speaker_name, speaker.speaker_type, speaker.speaker_role)
            ctx.issued[match.group(1).lower()] = referent


_ACCOUNT = re.compile(r"(?<![\w@])@\w{1,30}")
_TRANSCRIPT_LINE = re.compile(
    r"^(?P<name>[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){0,2})(?:,\s*(?P<role>[A-Za-z][\w\- ]{1,30}?))?"
    r"\s?:\s+(?P<words>\S)"
)
# Wikinews' interviews set each speaker in double parentheses: "((Gregory Kurtzer)) CentOS …".
_PARENTHESISED_LABEL = re.compile(r"^\(\((?P<name>[^()]{1,40})\)\)\s*:?\s+(?P<words>\S)")
# Who asks the questions in a transcript: "DANIEL OCHOA, HOST: …".
_INTERVIEWERS = {"host", "interviewer", "moderator", "anchor", "presenter"}
# A paragraph opened by a label a transcript sets before its speakers: "((WN))", "Q:", "X:".
_ANY_LABEL = re.compile(
    r"^(?:\(\([^)]{1,30}\)\)|[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]+){0,2}(?:,[^:]{1,30})?\s?:)"
)
_HANDLE = re.compile(rf"^[{INVISIBLE}]*@(?P<handle>\w{{1,30}}):\s+(?P<words>\S)")
# A quotation signed at its end: "… – Klaus Schwab asks at #WEFAfrica", ", - says Ann Lee".
_SIGNED = re.compile(
    r"\s*,?\s+[-–—]+\s*(?:(?:says|said|asks|asked|writes|wrote|tells|told)\s+)?"
    r"(?P<who>[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){0,4})(?:\s+(?:says|said|asks|asked)\b)?"
    r"(?:[,\s][^!?]{0,120})?\.?$"
)


def _to_sentence_end(name: str) -> str:
    """A signature's name up to the full stop that ends its sentence ("Humberto Prado. Such
    a powerful speech …"), not one that ends an abbreviation or an initial ("Gov.", "J.")."""
    words = name.split()
    for i, word in enumerate(words):
        bare = word.rstrip(".").lower()
        if word.endswith(".") and len(bare) > 1 and bare not in ABBREVIATIONS:
            return " ".join(words[: i + 1]).rstrip(".")
    return name


@dataclass(frozen=True)
class _Labelled:
    """A paragraph that opens on its speaker's name, as a transcript or an interview sets
    out who speaks: "Karimdjanov: Look, …", "MS Although we used …"."""

    speaker: Referent
    words_start: int  # where the speaker's words begin, after the label
    asks: bool = False  # the interviewer's line: questions, not a quotation


def _speaker_label(block: Block, carried: Carried, ctx: ArticleContext) -> _Labelled | None:
    """The person a paragraph's label names: a name and a colon ("ASHBY: It is."), or —
    answering the question before it — a person's full name or initials with no colon
    ("Michael Siegel I am a professor …", "MS We did not …")."""
    text = block.text
    line = _TRANSCRIPT_LINE.match(text) or _PARENTHESISED_LABEL.match(text)
    label, words_start = (line.group("name"), line.start("words")) if line else (None, 0)
    if label and label.isupper() and len(label) > 3:
        label = label.title()  # "CAROLINE ASHBY", as transcripts set their speakers
    if label is None or not _names_a_person(label, ctx):
        label, words_start = _answer_label(text, ctx) if carried.question else (None, 0)
    if label is None:
        return None
    ctx.move_to(block.number, 0, 0)
    who = resolve_phrase(label, ctx)
    if who is None or who.actor_type != "person":
        return None
    role = line.groupdict().get("role") if line else None
    if role and role.strip().lower() in _INTERVIEWERS:
        carried.interviewer = who.name
    return _Labelled(who, words_start, asks=who.name == carried.interviewer)


def _answer_label(text: str, ctx: ArticleContext) -> tuple[str | None, int]:
    """The full name or the initials of someone the article has named, opening `text` and
    followed by a capitalised word: (the full name, where the words begin)."""
    for full in set(ctx.people.values()):
        words = full.split()
        if len(words) < 2:
            continue
        initials = "".join(w[0] for w in words if w[0].isupper())
        for label in (full, initials):
            if text.startswith(label):
                after = _ANSWER_AFTER_LABEL.match(text, len(label))
                if after:
                    return full, after.end()
    return None, 0


_ANSWER_AFTER_LABEL = re.compile(r"\s*:?\s+(?=[A-Z“\"‘'])")


def _answer_goes_on(text: str, answering: Attribution, article_text: str) -> bool:
    """Is this paragraph more of the answer before it? Not a new label, not a credit ("The
    interview was conducted by"), not the speaker named as its subject, and — unless the
    transcript labels its questions too, so that only a label ends an answer — not a
    question or the article's voice again: a report of someone's words, the speaker by
    name ("…, Liburd said", "courtesy Lasana Liburd"), someone else named doing something."""
    if _ANY_LABEL.match(text) or _CREDIT.search(text):
        return False
    name = answering.speaker.name if answering.speaker else ""
    surname = name.split()[-1] if name else ""
    if surname and text.startswith((name, surname)):
        return False  # "Wayne Tseng also shared his insights …": the article's voice
    if _labels_both_sides(article_text):
        return True  # "((WN)) …?" / "((Wayne Tseng)) …": "I chose Zorin, Wayne Tseng — …"
    return not (
        text.endswith("?")
        or (surname and surname in text)
        or _reports(text)
        or _NAMED_SUBJECT.match(text)
    )


@lru_cache(maxsize=16)
def _labels_both_sides(article_text: str) -> bool:
    """Does the article set out an interview with labels for both sides ("((WN))" before
    the questions, "((Wayne Tseng))" before the answers)?"""
    return len(set(_LABEL_IN_ARTICLE.findall(article_text))) >= 2


_LABEL_IN_ARTICLE = re.compile(r"^\(\((?P<name>[^()]{1,40})\)\)", re.M)


# A paragraph that opens on someone named doing something: "Rieya Piscano comments on …".
_NAMED_SUBJECT = re.compile(r"^(?:[A-Z][\w’'\-]+\s+){2,3}[a-z]+(?:s|ed)\b")
# The article's own note on an interview or a picture: "The interview was conducted by",
# "The image used in this post is courtesy of".
_CREDIT = re.compile(
    r"\b(?:interview|image|photo|photograph|picture)s?\b.{0,40}\b(?:by|courtesy)\b"
)


def _translates(text: str) -> bool:
    """Could this paragraph translate the foreign-language quotation before it? Not if it
    is foreign too, reports someone's words, opens on a speaker's label (the
    interviewer's next question after "((X)) No.") or leads into what follows it with a
    colon ("Muhammad Osman (@Meltilib) promoted the elimination of racism:")."""
    return not (_foreign(text) or _reports(text) or _ANY_LABEL.match(text) or text.endswith(":"))


def _marked_within(claims: list[Claim], quoted: Claim) -> Claim | None:
    """A quotation without a speaker that is all a block quote holds but its label
    ("@bro0ownsugar: “Eliminate corruption …”"; not a post it relays, "@Phooto: “@Telegraph:
    140 people injured …” why did they …")."""
    for claim in claims:
        inside = quoted.char_start <= claim.char_start and claim.char_end <= quoted.char_end
        if (
            inside
            and claim.claim_type in ("direct_quote", "partial_quote")
            and claim.speaker_name is None
            and not claim.claim_text.startswith("@")
        ):
            around = quoted.claim_text.replace(claim.claim_text, " ")
            if len(_QUOTE_MARKS.sub(" ", around).split()) <= 2:
                return claim
    return None


_QUOTE_MARKS = re.compile(r"[“”\"‘’«»]")


def _given_to(claim: Claim, attribution: Attribution) -> Claim:
    """The claim with `attribution`'s speaker."""
    return replace(claim, **_speaker_fields(attribution))


def _speaker_fields(attribution: Attribution | None) -> dict[str, str | None]:
    """A claim's fields that say who speaks and through whom."""
    speaker = attribution.speaker if attribution else None
    return {
        "speaker_name": speaker.name if speaker else None,
        "speaker_type": speaker.actor_type if speaker else None,
        "speaker_role": as_title(speaker.role) if speaker else None,
        "attribution_cue": attribution.cue if attribution else None,
        "source_name": attribution.source if attribution else None,
    }


def _overlap(one: Claim, other: Claim) -> bool:
    return one.char_start < other.char_end and other.char_start < one.char_end


def _block_quote(
    block: Block,
    lead_in: Attribution | None,
    labelled: _Labelled | None,
    carried: Carried,
    article_text: str,
) -> Attribution | None:
    """Whose block quote this paragraph is, if it is one: a paragraph that does not open
    with a quotation mark, after a lead-in ("X tweeted:"), written as a post ("@x: …") or
    as a transcript's line, or translating the foreign-language post before it."""
    text = block.text.strip()
    if len(text.split()) < MIN_DIRECT_WORDS or text[:1] in "“\"‘'«„":
        return None
    for quote in (q for q in block.quotes if not q.single):
        attributed = _CUE_RE.search(block.text[quote.end : quote.end + 40])
        if attributed and quote.end - quote.start > len(text) / 2:
            return None  # '@x: "…" Dangote tells #WEFAfrica': the quotation in it is the quote
    if labelled is not None:
        return None if labelled.asks else Attribution(labelled.speaker, "said")
    handle = _HANDLE.match(text)
    if handle and (
        lead_in is None or lead_in.speaker is None or lead_in.speaker.actor_type != "person"
    ):
        # "Many Twitter users were arguing:" then "@VladM: …": the post names its author; a
        # person the lead-in names ("Mai Saleh tweeted:") is that account's owner, and so is
        # one the article named with it ("Raian Gibrel (@bro0ownsugar)").
        return Attribution(_account_holder(handle.group("handle"), article_text), "wrote")
    if lead_in is not None:
        return lead_in
    if carried.answering and _answer_goes_on(text, carried.answering, article_text):
        return carried.answering  # an answer in a transcript runs on over paragraphs
    if carried.block_quote is not None and _translates(text):
        return carried.block_quote
    if carried.document is not None and _LETTER_PARAGRAPH.match(text) and not _SAID.search(text):
        return carried.document  # a paragraph of the letter the release reproduces
    if block.set_off:
        # Marked as a block quote by its source: the quoted post goes on (its author), or
        # it is a quotation whose author the text does not name.
        return carried.quoting or carried.soft_lead_in or Attribution(None, "quoted")
    return None


def _account_holder(handle: str, article_text: str) -> Referent:
    """The person the article names with an account ("Raian Gibrel (@bro0ownsugar)"), or
    the account itself."""
    named = re.search(
        rf"(?<![\w#@])(?P<name>[A-Z][\w’'.\-]*(?:[ \t]+[A-Z][\w’'.\-]*){{0,3}})"
        rf"[ \t]+\(@{re.escape(handle)}\)",
        article_text,
    )
    if named and looks_like_name(named.group("name")):
        return Referent(named.group("name"), "person")
    return Referent("@" + handle, None)


# A release that reproduces a document without quotation marks: "The text of Cantwell's
# letter to FERC Chairman Wood follows:", "Letter sent from Burns to Baucus included below:".
_DOCUMENT_FOLLOWS = re.compile(
    r"^(?:The\s+(?:full\s+|complete\s+)?(?:text|copy)\s+of\s+)?(?P<who>.+?)(?:’s|'s|s’|s')?\s+"
    r"(?:full\s+|complete\s+|opening\s+|floor\s+|prepared\s+)*"
    r"(?P<document>letter|statement|remarks|testimony|speech|op-ed)\b[^.:]{0,80}?"
    r"\b(?:follows(?:\s+below)?|is\s+below|are\s+below|(?:is\s+)?included\s+below|below)"
    r"\s*:\s*$",
    re.I,
)
_DOCUMENT_SENT_BELOW = re.compile(
    r"^(?:The\s+)?(?:letter|statement)\s+(?:sent|written|signed)\s+(?:from|by)\s+(?P<who>.+?)"
    r"(?:\s+to\s+[^:]{2,80}?)?\s+(?:is\s+)?(?:included\s+)?(?:below|follows)\s*:\s*$",
    re.I,
)
# A paragraph of a letter: a sentence or more, not its salutation, date or address lines.
_LETTER_PARAGRAPH = re.compile(r"^(?!Dear\b|Sincerely|Respectfully)(?:\S+\s+){5,}.*[.!?”\"]$", re.S)
# The release's own voice again, after the document: "Cantwell said the refunds …".
_SAID = re.compile(r"\b(?:said|says)\b")
# The end of what a release reproduces: its end mark or a sign-off.
_ENDS_DOCUMENT = re.compile(r"^\s*(?:#{3}|-30-|Sincerely|Respectfully)", re.I)


def _document_follows(block: Block, ctx: ArticleContext) -> Attribution | None:
    """The author of the document a paragraph says follows it."""
    text = block.text.strip()
    if not text.endswith(":"):
        return None  # the usual paragraph: not worth the patterns
    follows = _DOCUMENT_SENT_BELOW.match(text) or _DOCUMENT_FOLLOWS.match(text)
    if follows is None:
        return None
    ctx.move_to(block.number, 0, 0)
    who = resolve_phrase(follows.group("who"), ctx)
    if who is None or who.actor_type not in ("person", "organization"):
        return None
    return Attribution(who, "wrote")


def _names_a_person(label: str, ctx: ArticleContext) -> bool:
    """A person named before ('Karimdjanov'), or a given name and a surname ('Miko
    Lucena') — not a heading ('Veterans Funding', 'Howard's Ridge')."""
    words = label.split()
    if words[0].lower() in CUE_VERBS:
        return False  # "Said Lautenberg: “…”"
    known = {part for name in ctx.people.values() for part in (name, name.split()[-1])}
    return label in known or (len(words) >= 2 and ctx.dictionary.is_given_name(words[0]))


def _reports(text: str) -> bool:
    """Does the paragraph report someone's words ("X said"), as the article's own text does
    — unlike a translated post, whose speech verbs are the author's own ("I expressed")?"""
    return any(
        not _OWN_OR_PASSIVE.search(text, max(0, cue.start() - 30), cue.start())
        and opens_a_report(cue.group(1), text[cue.end() : cue.end() + 80])
        for cue in _CUE_RE.finditer(text)
    )  # "he demanded from his readers attention" reports nothing


# Before a speech verb that reports nobody: the post's own "I expressed", "we stated", and
# a passive "the plan was submitted".
_OWN_OR_PASSIVE = re.compile(rf"\b(?:(?:I|we|We)\s+(?:\w+\s+)?|{_PASSIVE})$")


def _foreign(text: str) -> bool:
    """Is this mostly not English? (Few ordinary English words, or another script.)"""
    words = [w.strip(".,;:!?()«»“”\"'").lower() for w in text.split()]
    words = [w for w in words if w and not w.startswith(("@", "#", "http"))]
    if not words:
        return False
    english = sum(w in COMMON_WORDS for w in words)
    return english / len(words) < 0.35


def names_something(claim: Claim) -> bool:
    """A name or title in quotation marks: one or two capitalised words ('the “Green
    Deal”'), or a title set in Title Case without a sentence's full stop ('“War and Peace”',
    '“Vehicle and Fuel Choices for American Security Act”', '“August Listening Tour”')."""
    text = claim.claim_text.rstrip(",;: ")
    words = text.split()
    if len(words) <= 2:
        return all(w[:1].isupper() or not w[:1].isalpha() for w in words)
    return (
        len(words) <= 12
        and not text.endswith((".", "!", "?"))
        and words[0][:1].isupper()
        and all(w[:1].isupper() or not w[:1].isalpha() or w in _TITLE_MINOR for w in words)
    )


# The short words a title leaves in lower case: "War and Peace", "Crime of the Century".
_TITLE_MINOR = {"a", "an", "the", "and", "or", "nor", "but", "of", "for", "in", "on", "to",
                "at", "by", "with", "from", "as", "vs", "de", "da", "do", "das", "dos", "la",
                "le", "el", "y", "e"}  # fmt: skip


def _partial(block: Block, quote: QuoteSpan, start: int, end: int, ctx: ArticleContext) -> Claim:
    """A partial quote, and whose words they are: the speaker of the sentence's speech verb
    ('Trump said the media “is rigging the polls”', 'X called it “a disgrace”', '… the
    “worst deal ever,” X said'); scare quotes without one stay unattributed."""
    sentence = block.sentence_of(quote.start)
    claim = _claim(block, "partial_quote", start, end, sentence, None)
    if names_something(claim):
        return claim
    ctx.move_to(block.number, quote.start, sentence[0])
    outer = next((q for q in block.quotes if not q.single and q.start < quote.start < q.end), None)
    if outer is not None:
        # A quotation inside a quotation: "… Trump said, ‘Let’s talk about it tomorrow.’"
        # is Trump's if the words around it say so, and nobody's they can name otherwise.
        before = block.text[outer.inner_start : quote.start]
        found = parse_attribution(before, ctx, after_quote=False, nearest=True)
        return _claim(block, "partial_quote", start, end, sentence, found)
    before = _from_semicolon(_without_quotes(block, sentence[0], quote.start))
    after = _to_semicolon(_without_quotes(block, quote.end, sentence[1]))
    attribution = _passive_agent(before, after, ctx) or (
        parse_attribution(before, ctx, after_quote=False, nearest=True) if before.strip() else None
    )
    if attribution is None or attribution.speaker.actor_type is None:
        attribution = _attribution_after(after, ctx) or attribution
    if attribution and not speaks(attribution.speaker, attribution.speaker.as_written):
        attribution = None  # words that name nobody ("The president had") are no speaker
    return _claim(block, "partial_quote", start, end, sentence, attribution)


# A quotation whose words a passive gives to its agent: 'was declared a “pandemic” by the
# World Health Organization', 'was described as “a betrayal” by opposition leader X'.
_FRAMED_BY_A_PASSIVE = re.compile(
    rf"\b{_PASSIVE}(?:\w+ly\s+)?(?P<verb>[a-z]+ed|[a-z]+en)\b(?:(?!\bby\b).)*$"
)
# Passives that put words in the agent's mouth (not "offered incentives, known as …").
_SAID_OF = {"called", "dubbed", "termed", "branded", "characterised", "characterized",
            "condemned", "denounced", "criticised", "criticized"}  # fmt: skip
_BY_AGENT = re.compile(
    r"^[”\"’'.,]?\s*by\s+(?P<who>(?:the\s+)?(?:[a-z]+\s+){0,2}[A-Z][^,.;:()]{0,60}?)"
    r"(?=\s*(?:[,.;:(]|$)|\s+(?:in|on|at|during|after|before|last|this|earlier)\b)"
)


# The agent before the quotation: 'were described by Johnson as a “historic mandate”'.
_AGENT_BEFORE = re.compile(
    rf"\b{_PASSIVE}(?:\w+ly\s+)?(?P<verb>[a-z]+ed|[a-z]+en)\s+by\s+"
    r"(?P<who>(?:the\s+)?(?:[a-z]+\s+){0,2}[A-Z][^,.;:()“”\"]{0,60}?)\s+as\s+(?:(?:an?|the)\s+)?$"
)


def _passive_agent(before: str, after: str, ctx: ArticleContext) -> Attribution | None:
    """The agent of a passive that frames the quotation, as its speaker."""
    agent = _BY_AGENT.match(after)
    passive = _FRAMED_BY_A_PASSIVE.search(before) if agent else _AGENT_BEFORE.search(before)
    if passive is None or not (
        passive.group("verb") in CUE_VERBS or passive.group("verb") in _SAID_OF
    ):
        return None
    who = resolve_phrase((agent or passive).group("who"), ctx)
    return Attribution(who, "said") if who and who.actor_type else None


_SUBJECT_PRONOUN = re.compile(r"(?:[A-Z][\w ]{0,40},\s+)?(?P<pronoun>He|She)\s+[a-z]")


def _follow_pronoun_subject(block: Block, sentence: tuple[int, int], ctx: ArticleContext):
    """'He asked male voters …': the person a passage is about stays its subject, so a
    later 'he said' goes back to them rather than to someone merely named in between."""
    match = _SUBJECT_PRONOUN.match(block.text, sentence[0], sentence[1])
    if not match:
        return
    who = resolve_phrase(match.group("pronoun"), ctx)
    if who and who.actor_type == "person":
        at = (block.number, sentence[0] + match.start("pronoun"))
        ctx.add_to_trail(TrailEntry(at, who.name, "person", (block.number, sentence[0]), True))


# A lead-in that names the author of what follows: "a poem written by Suruk Rodrigues:",
# "A blog post by activist Tomas Reyes reads:" (not "X's reply was tweeted by Y:", whose
# words Y relays).
_WRITTEN_BY = re.compile(
    r"\b(?:written|penned|composed|signed|(?:post|blog|poem|letter|article|column)\s+by|"
    r"(?:emphasi[sz]ed|stressed|explained|argued|echoed|expressed|summed up|put|noted|"
    r"described|voiced|raised|made)\s+by)"  # not "tweeted by", "shared by": relayed
    r"\s+(?:by\s+)?(?P<who>(?:[a-z]+\s+){0,2}(?:[A-Z][\w’'.-]*\s+){0,4}[A-Z][\w’'.-]*)"
    r"(?:\s+(?:reads?|says?|said|states?|stated))?(?:,\s+[^,]{2,80})?$"
)  # "… is further emphasized by Megan MacInnes, Senior Land Campaigner at Global Witness:"
# An attribution set after the lead-in's clause: "The protests continued, reports Kracktivist:".
_INVERTED_LEAD = re.compile(
    r",\s+(?:reports|writes|wrote|says|said|notes|noted|adds|added|explains|explained|"
    r"tweets|tweeted|recalls|recalled)\s+(?P<who>[^,:]{2,80})$"
)


# A lead-in that names whose words follow by what they are: "One of the first criticisms
# came from Daniel Fernández, bishop of the Diocese of Jujuy:", "The reaction of the
# ministry was swift:" is not one (nothing named after it), "a statement from X reads:" is;
# "a reply tweeted by X:" is relayed by X, not X's.
_WORDS_FROM = re.compile(
    r"\b(?:criticisms?|responses?|reactions?|replies|reply|statements?|words|messages?|"
    r"comments?|warnings?|answers?|views?|opinions?|testimony|verdict|message)\b[^:]{0,80}?"
    r"\b(?:from|of)\s+(?P<who>(?:the\s+)?(?:[a-z]+\s+){0,2}[A-Z][\w’'.-]*"
    r"(?:\s+(?:(?:of|for|and)\s+(?:the\s+)?)?[A-Z][\w’'.-]*){0,5})(?:,\s+[^,:]{2,120}){0,2}"
    r"(?:\s+(?:reads?|says?|said|states?|stated|was|were|is|are)(?:\s+\w+)?)?$"
)


def _words_from(sentence: str, ctx: ArticleContext) -> Attribution | None:
    """The source a lead-in names after a noun of speech (see `_WORDS_FROM`)."""
    named = _WORDS_FROM.search(sentence)
    who = resolve_phrase(named.group("who"), ctx) if named else None
    return (
        Attribution(who, "said") if who and who.actor_type in ("person", "organization") else None
    )


# A paragraph that is only a name and a colon: "Evgeny:", "Ruslan Tomatov:", "@paradise:".
_BARE_LABEL = re.compile(r"(?P<name>@?[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*){0,3})\s*:")


# A lead-in that announces excerpts of what someone wrote or said: "Below are excerpts from
# these posts.", "Here is an extract from her speech:", "Below is an excerpt of Lee's letter".
_EXCERPTS_FOLLOW = re.compile(
    r"^(?:(?:Below|Here)\s+(?:is|are)|(?:What\s+)?follows?\s+(?:is|are))\s+"
    r"(?:an?\s+|some\s+|the\s+|two\s+|three\s+|a\s+few\s+)?(?:short\s+|brief\s+|key\s+)?"
    r"(?:excerpts?|extracts?|passages?|highlights?|quotes)\s+(?:from|of)\s+"
    r"(?:(?P<pronoun>his|her)|these|those|the|this|that|their|"
    r"(?P<name>[A-Z][\w\-]*(?:\s+[A-Z][\w\-]*){0,3})(?:’s|'s|s’|s'))\s+[^.:]{1,60}?\s*[.:]?$"
)


def _excerpts_of(sentence: str, ctx: ArticleContext) -> Attribution | None:
    """Whose writing a lead-in announces excerpts of: the person named as its owner, the
    one `his`/`her` refers to, or — for "these posts", "the interview" — the person the
    passage is about (or failing one, whoever spoke last): the sentence before told what
    they wrote."""
    follows = _EXCERPTS_FOLLOW.match(sentence.strip())
    if follows is None:
        return None
    if follows.group("name"):
        who = resolve_phrase(follows.group("name"), ctx)
    elif follows.group("pronoun"):
        who = ctx.last_mentioned_person("female" if follows.group("pronoun") == "her" else "male")
    else:
        who = ctx.last_mentioned_person() or ctx.last_speaker
    if who is None or who.actor_type not in ("person", "organization"):
        return None
    return Attribution(who, "wrote")


def _lead_in(block: Block, ctx: ArticleContext, colon: bool = True) -> Attribution | None:
    """'X told the crowd:' / 'X tweeted:' ending a paragraph hands the next one to X.
    Without `colon`, any last sentence whose speech verb has a subject will do ('Kim
    Hyo-jin tweeted from the protest.'): for a paragraph its source marks as a quote."""
    if not block.sentences:
        return None
    start, end = block.sentences[-1]
    sentence = _without_quotes(block, start, end).rstrip()
    ends_open = block.text[start:end].rstrip().endswith(":")  # not 'X said: “…”'
    if len(sentence) < 4 or (colon and not ends_open):
        return None
    ctx.move_to(block.number, start, start)
    label = _BARE_LABEL.fullmatch(block.text.strip()) if colon else None
    if label and label.group("name").split()[0].lower() not in COMMON_WORDS:
        # "Evgeny:" alone: the name of whoever wrote the post (and its translation) below.
        who = resolve_phrase(label.group("name"), ctx)
        if who and speaks(who, label.group("name")):
            return Attribution(who, "wrote")
    excerpts = _excerpts_of(sentence, ctx)
    if excerpts:
        return excerpts
    found = parse_attribution(sentence.rstrip(":."), ctx, after_quote=False)
    written = _WRITTEN_BY.search(sentence.rstrip(":. ")) if found is None and colon else None
    if written:  # "The piece with the most views was a poem written by Suruk Rodrigues:"
        who = resolve_phrase(written.group("who"), ctx)
        found = Attribution(who, "wrote") if who and who.actor_type else None
    inverted = _INVERTED_LEAD.search(sentence.rstrip(":. ")) if found is None and colon else None
    if inverted:
        who = resolve_phrase(inverted.group("who"), ctx)
        found = Attribution(who, "wrote") if who else None
    if found is None and colon:
        found = _subject_speaks(sentence, ctx)
        if found is None or found.speaker is None or found.speaker.actor_type is None:
            found = _words_from(sentence.rstrip(":. "), ctx) or found
    account = _ACCOUNT.search(sentence)
    if found is None and account:  # "A tweet by user @sisyphus79 read:"
        found = Attribution(Referent(account.group(), None, None, account.group()), "wrote")
    if found and found.speaker and speaks(found.speaker, found.speaker.as_written):
        return found
    return None


def _reported_beside_quotes(
    block: Block, sentence: tuple[int, int], direct: list[Claim], ctx: ArticleContext
) -> list[Claim]:
    """Reported speech in a sentence that also quotes: 'Ryan told the press the new drugs
    were only part of the solution: “…”', 'Sanders …, pointing out he had secured 300
    delegates fewer, saying “…”'. The direct quotes are blanked out, so only the words
    around them are read (blanked with a filler that is neither space nor punctuation, so
    offsets stay put and no pattern backtracks over long runs of white space)."""
    text = list(block.text[sentence[0] : sentence[1]])
    for claim in direct:
        for i in range(claim.char_start - block.offset - 1, claim.char_end - block.offset + 1):
            if 0 <= i - sentence[0] < len(text):
                text[i - sentence[0]] = QUOTE_BLANK
    claims = []
    blanked = "".join(text)
    for span in find_reported(blanked, ctx):
        quote_at = blanked.find(QUOTE_BLANK, span.start, span.end)  # the quote ends the clause
        span_end = quote_at if quote_at >= 0 else span.end
        start, end = _trimmed(block.text, sentence[0] + span.start, sentence[0] + span_end)
        words = "".join(text[start - sentence[0] : end - sentence[0]]).split()
        if sum(QUOTE_BLANK not in w for w in words) >= MIN_DIRECT_WORDS:
            claims.append(_claim(block, "reported_speech", start, end, sentence, span.attribution))
    return claims


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
    after = _to_semicolon(text[quote.end : stop]) if quote.closed else ""
    if quote.closed and not after.strip():
        after = _short_attribution_after(block, quote, sentence)
    found = _attribution_after(after, ctx)
    if found:
        return found
    # Earlier quotations of the sentence are not attribution: blank them out.
    before = _from_semicolon(_without_quotes(block, sentence[0], quote.start)).strip()
    if before and introduces_quote(before):
        found = parse_attribution(before.rstrip(":,—– "), ctx, after_quote=False)
        if found:
            return found
        if before.endswith(":"):
            found = _subject_speaks(before, ctx, any_subject=True)
            if found and found.speaker.actor_type in ("person", "organization"):
                return found
    # "“A.” “B,” X said." — the attribution comes with a later quote of the same sentence.
    for later in later_quotes:
        if later.start >= sentence[1] or not later.closed:
            break
        tail_stop = next((q.start for q in later_quotes if q.start > later.start), sentence[1])
        found = parse_attribution(text[later.end : min(tail_stop, sentence[1])], ctx, True)
        if found:
            return found
    return None


# Words that begin a continuation of the sentence, not its attribution: "“…” and called".
_CONTINUATION = {
    "and", "but", "or", "which", "that", "as", "because", "while", "if", "when", "to", "for",
    "of", "in", "so", "than", "with", "from", "on", "at", "by", "is", "was", "are", "were",
}  # fmt: skip
_DASH = re.compile(r"^\s*[,]?\s*[—–-]+\s*")


_ASKS_OR_EXCLAIMS = re.compile(r"[?!]\s*$")  # a quote closed by "?" or "!"
_SHORT_ATTRIBUTION = re.compile(
    r"^\s*(?P<attribution>[^.,“”\"]{2,90}?)(?:\.(?:\s|$)|,\s+(?:[a-z]+ing|who|adding)\b)"
)


def _short_attribution_after(block: Block, quote: QuoteSpan, sentence: tuple[int, int]) -> str:
    """'“… what's the hold up?” Rockefeller said.' — a question or exclamation closing the
    quote makes 'Rockefeller said.' a sentence of its own; it is still the quote's, also
    when a participle goes on ('“…!” Panfilova explained, criticizing the organizers')."""
    following = block.text[quote.end :]
    short = _SHORT_ATTRIBUTION.match(following)
    if (
        short
        and _CUE_RE.search(short.group("attribution"))
        # "“…?” Ocampo-Reyes asked him at the start of the hearing." A question or an
        # exclamation closes the quote, not the sentence; after a full stop, a long one is
        # a sentence of its own ("The White House refers to the president's office.").
        and len(short.group().split())
        <= (12 if _ASKS_OR_EXCLAIMS.search(block.text, 0, quote.end - 1) else 8)
        and not _RELATIVE_WORD.search(short.group("attribution"))  # not "… said that …"
    ):
        return short.group("attribution")
    return ""


def _attribution_after(after: str, ctx: ArticleContext) -> Attribution | None:
    """The attribution in the words after a quote: '“…,” she said', '“…” — Sen. Ann Lee'."""
    words = after.strip(" ,").split()
    if not words or words[0].lower() in _CONTINUATION or words[0].endswith("ing"):
        return None  # "“…”, adding …" speaks for the sentence's subject, read before it
    relative = _RELATIVE_WORD.search(after)  # cheaper than the cue, and rarer
    cue = _CUE_RE.search(after) if relative else None
    if cue and relative.end() <= cue.start():
        return None  # '“steamrolling” a plan that local people say …': another clause's
    dash = _DASH.match(after)
    if dash and not _CUE_RE.search(after):
        who = resolve_phrase(_to_full_stop(after[dash.end() :]), ctx)
        if who and who.actor_type in ("person", "organization"):
            return Attribution(who, "said")
        return None
    return parse_attribution(after, ctx, after_quote=True)


_RELATIVE_WORD = re.compile(r"\b(?:that|which)\b")  # not "X, who …, said"
_NEXT_CLAUSE = re.compile(r",\s+and\s+(?=[A-Z])|;\s+")
_RELATIVE_END = re.compile(r"\b(?:which|who|that|where)$|,$")  # or a title's last item
# The subject before its verb: a regular one, or a common irregular past ("Renowned
# photographer Duncan Davidson gave the event a ringing endorsement:").
_SUBJECT_BEFORE_VERB = re.compile(
    r"^(?P<subj>.{2,120}?)\s+(?:also\s+)?(?:(?!(?:his|its|this|thus|hers|as|us|across|"
    r"perhaps|always|unless|plus)\b)[a-z]+(?:ed|s)|gave|made|took|wrote|told|sent|"
    r"put|got|began|brought|kept|held|spoke|drew|chose|saw|found|thought|felt|knew|came|"
    r"went|led|left|won|lost|paid|set|struck|sought|taught|threw|had)\b"
)


# Asides between a subject and its verb: a relative clause about a person, "meanwhile",
# "however" (not "At the festival, which took place in …": a place's).
_ASIDES = re.compile(
    r",\s+(?:who\s[^,]{1,80}|meanwhile|however|though|too|also|in turn|"
    r"for (?:his|her|its|their) part),(?=\s)"
)


# Whose view a lead-in gives: "For Kar (@Karkarkarrr) the police actions are negative:".
_FOR_HOLDER = re.compile(
    rf"^For\s+(?P<name>[{UPPER}][\w’'.\-]*(?:\s+[{UPPER}][\w’'.\-]*){{0,3}})"
    r"(?:\s*\(@\w+\))?,?\s+\S"
)


def _lead_in_subject(clause: str, ctx: ArticleContext) -> Referent | None:
    """Who the words before the clause's first verb name; not a relative's antecedent
    ("At the festival, which took place in …")."""
    clause = _ASIDES.sub("", clause)  # "Trini Like Salt, who lives in Boston, is aware …"
    subject = _SUBJECT_BEFORE_VERB.match(clause)
    if subject is None or _RELATIVE_END.search(subject.group("subj").rstrip(",")):
        return None
    words = subject.group("subj")
    holder = _FOR_HOLDER.match(words)
    if holder:  # "For Kar (@Karkarkarrr) the police actions are negative:": Kar's view
        words = holder.group("name")
    elif "," in words.rstrip(",") and is_introductory(words):
        words = words.split(",", 1)[1]  # "Regarding Israel, Aboul Fotouh had a reply:"
    who = resolve_phrase(words, ctx)
    if who and who.actor_type is None and not who.name[:1].isupper():
        return None  # "other netizens, like …": a description, not a name
    return who


def _subject_speaks(
    sentence: str, ctx: ArticleContext, any_subject: bool = False
) -> Attribution | None:
    """The subject of a sentence that hands over to a quotation with a colon: "Michael
    Morell praised Mendez on Twitter: “…”"; failing a subject before its first verb, a
    pronoun opening the sentence after an introductory phrase ("In his message, he
    praised Soleimani: “…”")."""
    # "Charis Tasioulis summarized the sessions, and Petros Amiridis shared another
    # insight:" hands over from its last clause's subject, when that is a person.
    *earlier, last_clause = _NEXT_CLAUSE.split(sentence)
    who = _lead_in_subject(last_clause, ctx) if earlier else None
    if who is None or who.actor_type != "person":
        who = _lead_in_subject(sentence, ctx)
    if who is None or who.actor_type is None:
        # "In his message, he praised …: “…”" and, for a quotation in the same sentence
        # (`any_subject`), "President Donald Trump quickly took a parting shot on
        # Twitter: “…”": the subject the sentence opens with.
        leading = leading_subject(sentence)
        pronoun = leading and leading[0].lower() in PRONOUNS_PERSON
        found = resolve_phrase(leading[0], ctx) if leading and (pronoun or any_subject) else None
        who = found if found and found.actor_type in ("person", "organization") else who
    return Attribution(who, "said") if who else None


def _to_semicolon(text: str) -> str:
    """The words up to a semicolon: after it, another clause with its own speaker ("Smith
    called it an “interesting” case; Miller said …")."""
    return text.split(";", 1)[0]


def _from_semicolon(text: str) -> str:
    """The words after the last semicolon (see `_to_semicolon`)."""
    return text.rsplit(";", 1)[-1]


def _without_quotes(block: Block, start: int, end: int) -> str:
    """block.text[start:end] with each quotation in it (marks and words) replaced by one
    filler word, so the words on either side do not run together into a name ('calling
    it “Soviet-style” and Ross Spano' does not read 'Trump and Ross Spano')."""
    pieces, position = [], start
    for quote in block.quotes:
        if quote.single or quote.end <= start or quote.start >= end:
            continue
        pieces.append(block.text[position : max(position, quote.start)])
        if quote.end <= end:
            pieces.append(QUOTE_BLANK)
        position = min(quote.end, end)
    pieces.append(block.text[position:end])
    return "".join(pieces)


# A speech verb in a headline set in Title Case or capitals: "Carper Says Money Would Help".
_HEADLINE_CUE = re.compile(r"\s(?:Says|Say|Said|Warns|Claims|Tells|Insists|Argues)\s", re.I)


def _headline_in_sentence_case(headline: str) -> str | None:
    """A Title Case or all-capitals headline with a speech verb, read as a sentence: its
    words from the verb on in lower case ("Carper says money would help state reduce water
    pollution"), its subject as written. None for a headline written as a sentence."""
    cue = _HEADLINE_CUE.search(headline)
    if cue is None or not is_title_case(headline):
        return None
    subject = headline[: cue.start()]
    if subject.isupper():
        subject = subject.title()  # "SEN. CORZINE" → "Sen. Corzine"
    # Ordinary words in lower case; names as written ("Say Goodbye to Writer Carlos Fuentes").
    rest = re.sub(
        r"[^\W\d_][\w’']*",
        lambda w: w.group().lower() if w.group().lower() in COMMON_WORDS else w.group(),
        headline[cue.start() :],
    )
    return subject + rest


# Words a direct question opens on: "What would you do if you were told …?"
_QUESTION_OPENERS = {"what", "why", "how", "when", "where", "who", "which", "whose", "did",
                     "do", "does", "is", "are", "was", "were", "can", "could", "would",
                     "should", "will", "has", "have", "had"}  # fmt: skip


def _asks(sentence: str) -> bool:
    """A question reports nothing, even around a speech verb ("Why did she say that …?")."""
    words = sentence.split(maxsplit=1)
    return (
        bool(words)
        and words[0].strip("“\"‘'(").lower() in _QUESTION_OPENERS
        and sentence.rstrip(" ”\"’')").endswith("?")
    )


def _reported_or_assertion(
    block: Block, sentence: tuple[int, int], ctx: ArticleContext
) -> list[Claim]:
    """The sentence's reported speech; or, when it has none, the sentence as an assertion
    if it is check-worthy."""
    text = block.text
    s_start, s_end = sentence
    sentence_text = text[s_start:s_end]
    claims = []
    read = _headline_in_sentence_case(sentence_text) if block.location == "headline" else None
    for span in [] if _asks(sentence_text) else find_reported(read or sentence_text, ctx):
        start, end = _trimmed(text, s_start + span.start, s_start + span.end)
        if end > start:
            claims.append(_claim(block, "reported_speech", start, end, sentence, span.attribution))
    if claims or block.location == "headline" or len(sentence_text.split()) < 6:
        return claims
    if checkworthiness(sentence_text) >= ASSERTION_THRESHOLD:
        start, end = _trimmed(text, s_start, s_end)
        return [_claim(block, "assertion", start, end, sentence, None)]
    return []


def _claim(
    block: Block,
    claim_type: str,
    start: int,
    end: int,
    sentence: tuple[int, int],
    attribution: Attribution | None,
) -> Claim:
    claim_text = block.text[start:end]
    return Claim(
        claim_type=claim_type,
        claim_text=claim_text,
        sentence_text=block.text[sentence[0] : sentence[1]].strip(),
        location=block.location,
        paragraph_index=block.paragraph_index,
        char_start=block.offset + start,
        char_end=block.offset + end,
        checkworthiness=checkworthiness(claim_text),
        **_speaker_fields(attribution),
    )
