"""Quotation spans, sentence boundaries and capitalised name runs, with character offsets.

All offsets are into the string passed in, so callers can add a paragraph's offset and
point back into the article field.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from factcheck.extract.lexicon import ABBREVIATIONS, CUE_VERBS, DOCUMENT_NOUNS, MONTHS, WEEKDAYS

# What the characters of a direct quotation are blanked to before its sentence is read for
# reported speech, so that offsets stay put and the quotation is no one's clause.
QUOTE_BLANK = "_"
# Characters that are not seen: direction marks and zero-width spaces that pasted posts carry
# ("\u200f@handle: …"). They never begin or end a claim.
INVISIBLE = (
    "\u200b\u200c\u200d\u200e\u200f"  # zero-width spaces and joiners, direction marks
    "\u202a\u202b\u202c\u202d\u202e\u2060\u2066\u2067\u2068\u2069\ufeff"  # embeddings, isolates
)

OPEN_DOUBLE = "“„«"
CLOSE_DOUBLE = "”»"


@dataclass(frozen=True)
class QuoteSpan:
    start: int  # index of the opening mark
    end: int  # index after the closing mark (or the end of the text when unclosed)
    closed: bool
    single: bool = False  # ‘…’ marks: headline-style or scare quotes

    @property
    def inner_start(self) -> int:
        return self.start + 1

    @property
    def inner_end(self) -> int:
        return self.end - 1 if self.closed else self.end


def _straight_opens(text: str, i: int) -> bool:
    return i == 0 or text[i - 1].isspace() or text[i - 1] in "([{—–-:/"


_DOUBLE_MARK = re.compile(f'[{OPEN_DOUBLE}"]')
_OPEN_CURLY = re.compile(f"[{OPEN_DOUBLE}]")
_CLOSE_CURLY = re.compile(f"[{CLOSE_DOUBLE}]")
_CLOSE_STRAIGHT = re.compile('"')


def find_quotes(text: str) -> list[QuoteSpan]:
    """Double-quoted spans (curly or straight), then ‘single’ spans outside them.

    An opening mark with no closing mark before the end of the text gives an unclosed span:
    in news writing a quote that runs on into the next paragraph is left open.
    """
    spans: list[QuoteSpan] = []
    i, n = 0, len(text)
    while i < n:
        mark = _DOUBLE_MARK.search(text, i)  # jump to the next mark: most text has none
        if mark is None:
            break
        i = mark.start()
        ch = text[i]
        if ch in OPEN_DOUBLE or (ch == '"' and _straight_opens(text, i)):
            closing = (_CLOSE_CURLY if ch in OPEN_DOUBLE else _CLOSE_STRAIGHT).search(text, i + 1)
            j = closing.start() if closing else -1
            if ch in OPEN_DOUBLE:
                # A new opening mark before any closing one: the first quote was left open.
                opening = _OPEN_CURLY.search(text, i + 1)
                reopen = opening.start() if opening else -1
                if reopen != -1 and (j == -1 or reopen < j):
                    spans.append(QuoteSpan(i, reopen, closed=False))
                    i = reopen
                    continue
            if j == -1:
                spans.append(QuoteSpan(i, n, closed=False))
                break
            spans.append(QuoteSpan(i, j + 1, closed=True))
            i = j + 1
            continue
        i += 1
    spans.extend(_single_quotes(text, spans))
    return sorted(spans, key=lambda s: s.start)


# Inside, an apostrophe between letters is part of a word: ‘Let’s talk about it tomorrow.’
_SINGLE = re.compile(
    r"(?:(?<=^)|(?<=[\s(—–-“\"]))[‘'](?P<inner>(?:[^‘’'\n]|(?<=\w)[’'](?=\w)){1,80}?)[’']"
    r"(?=[\s.,;:!?)—–\-”\"]|$)"
)


def _single_quotes(text: str, doubles: list[QuoteSpan]) -> list[QuoteSpan]:
    """‘Single’ spans, also inside a double quotation: "… Trump said, ‘Let's talk about it
    tomorrow.’" quotes Trump within Bolton's words."""
    return [QuoteSpan(m.start(), m.end(), closed=True, single=True) for m in _SINGLE.finditer(text)]


_WORD_BEFORE_STOP = re.compile(r"([A-Za-z.]+)\.$")
_INITIAL = re.compile(r"[A-Z]")
_LAST_WORD = re.compile(r"([\w’'\-]+)$")
_BOUNDARY = re.compile(r"[.!?…]+\]?[”\"’)]*\s+(?=[“\"‘(]?\[?[A-Z0-9])")


# A wire story's dateline is not part of its first sentence: "GRAND RAPIDS, Mich. (AP) —",
# "ALMATY, Nov 17 (Reuters) -", "WASHINGTON, D.C. -".
_DATELINE = re.compile(
    r"^[A-Z][A-Z.’'\-]+(?:\s+[A-Z][A-Z.’'\-]+)*"
    r"(?:,\s+[A-Z][\w.]*(?:\s+[A-Z][\w.]*)?)?"
    r"(?:,\s+[A-Z][a-z]{2,8}\.?\s+\d{1,2})?"
    r"(?:\s+\([^()]{2,40}\))?"
    r"\s*[—–-]{1,2}\s+"
)


# A rubric opening a paragraph, as briefings set their points: "Driving the news: Dunford
# will …", "Why it matters: It's a rare …". Its words are lower case after the first, with
# no speech verb or document ("She added: …", "The statement reads: …" are lead-ins).
_RUBRIC = re.compile(r"^[A-Z][a-z’']*(?:\s+[a-z’']+){1,3}:\s+(?=[A-Z])")


def _rubric_end(text: str) -> int:
    """Where the sentence after a paragraph's rubric starts (0 when it has none)."""
    rubric = _RUBRIC.match(text)
    words = rubric.group().rstrip(": ").lower().replace("’", "'").split() if rubric else []
    if not words or any(w in CUE_VERBS or w in DOCUMENT_NOUNS for w in words):
        return 0
    return rubric.end()


def sentence_spans(text: str, quotes: list[QuoteSpan] | None = None) -> list[tuple[int, int]]:
    """(start, end) of each sentence. A quotation is never split: a multi-sentence quote
    and its attribution stay one sentence, which is what a reader cites."""
    quotes = find_quotes(text) if quotes is None else quotes
    dateline = _DATELINE.match(text)
    opening = dateline.end() if dateline else _rubric_end(text)
    cuts = [0, opening] if opening else [0]
    for match in _BOUNDARY.finditer(text):
        end = match.end()
        # Inside a quotation no full stop ends the sentence, except the one closing it when
        # a new sentence follows: ‘…border." Nancy Pelosi said’ is two sentences.
        opens_next = text[end : end + 1] not in "“\"‘'"
        if any(
            q.start < match.start() < q.end - 1
            and not (q.closed and match.start() >= q.end - 3 and opens_next)
            for q in quotes
            if not q.single
        ):
            continue
        # Only the word before the full stop matters: a short window, not the whole text
        # so far (which made long articles quadratic).
        before = text[max(0, match.start() - 24) : match.start() + 1]
        word = _WORD_BEFORE_STOP.search(before)
        # An initial is followed by a surname, never by a quotation: "… in a post on X.
        # \"Kamala broke it,\" she wrote" is two sentences.
        if word and (
            word.group(1).lower().rstrip(".") in ABBREVIATIONS
            or (_INITIAL.fullmatch(word.group(1).rstrip(".")) and opens_next)
        ):
            continue
        cuts.append(end)
    cuts.append(len(text))
    spans = []
    for start, end in itertools.pairwise(cuts):
        segment = text[start:end]
        stripped_end = start + len(segment.rstrip())
        if stripped_end > start:
            spans.append((start, stripped_end))
    return spans


# A capitalised token: a word starting with a capital (letters, apostrophes, hyphens, dots
# inside), or an acronym. Connectors may join tokens inside a name ("Ministry of Defense").
# Capital letters including accented ones (Łukasz, Óscar, Žižek), as a character class.
UPPER = "A-Z" + "".join(ch for ch in map(chr, range(0xC0, 0x250)) if ch.isupper())
# A lower-case article particle may open a name's part: "el-Sisi", "al-Assad".
ARTICLE_PARTICLE = r"(?:al|el|ad|as|ash|at|az|ul|ud)-"
_TOKEN = (
    rf"(?:{ARTICLE_PARTICLE})?"
    rf"(?:[{UPPER}][\w’'\-]*(?:\.(?=[{UPPER}]))?[\w’'\-]*\.?(?<!\.\.))"
)
# "for the" joins a name only after the words that open such bodies' names ("Office for
# the Coordination of Humanitarian Affairs"); elsewhere it ends one ("Trump for the Senate").
_BODY_FOR_THE = "|".join(
    f"(?<={word}\\s)"
    for word in ("Office", "Center", "Centre", "Committee", "Commission", "Council",
                 "Foundation", "Alliance", "Institute", "Coalition", "Campaign", "Society")
)  # fmt: skip
_CONNECTOR = (
    rf"(?:of(?: the)?|(?:{_BODY_FOR_THE})for the|for|on|and|de|da|del|der|van|von|bin|al|la|le|"
    r"du|y)"
)
# A nickname in quotation marks inside a name: 'Perceval "Perry" Christie'.
_NICKNAME = rf"(?:\s+[“\"][{UPPER}][\w’'\-]*[”\"])"
# Inside a name, "d'" joins a surname: "Valéry Giscard d'Estaing" (not "d'Aimé Césaire",
# French for "of Aimé Césaire").
_ELIDED = r"(?:d[’'](?=[A-Z]))?"
# A patronymic after a Central Asian or Azerbaijani name: "Eldiyar Toktosun uulu" (son of),
# "Aizada Toktosun kyzy" (daughter of), "Ilham Heydar oglu".
PATRONYMIC_PARTICLES = ("uulu", "kyzy", "gyzy", "oglu", "ogly", "qizi", "kizi")
_PATRONYMIC = rf"(?:\s+(?:{'|'.join(PATRONYMIC_PARTICLES)})(?![\w’'\-]))"
NAME_RUN = re.compile(
    rf"(?<![\w’'\-]){_TOKEN}(?:(?:\s+{_CONNECTOR}|{_NICKNAME})?\s+{_ELIDED}{_TOKEN})*"
    rf"{_PATRONYMIC}?"
)


# A possessive between capitalised words ends the owner's name ("Ukraine's Foreign
# Ministry"), except after the plural nouns bodies are named for: "People's National
# Party", "Women's Aid", "Workers' Party", "Doctors' Hospital" are one name each.
_POSSESSIVE = re.compile(r"(?:’s|'s|(?<=s)’|(?<=s)')\s+")
_NAMED_FOR = {"people", "children", "women", "men", "workers", "farmers", "teachers",
              "veterans", "doctors", "nurses", "students", "citizens", "taxpayers",
              "employers", "consumers", "journalists", "writers", "mothers", "pensioners",
              "traders", "miners", "fishermen", "soldiers", "bishops", "lawyers", "judges",
              "chiefs", "parents", "owners", "growers", "manufacturers"}  # fmt: skip


def possessive_parts(run: str) -> list[str]:
    """A run split after each possessive that ends an owner's name."""
    parts = [""]
    at = 0
    for match in _POSSESSIVE.finditer(run):
        owner = run[at : match.start()].split()
        parts[-1] += run[at : match.start()]
        if owner and owner[-1].lower() in _NAMED_FOR:
            parts[-1] += match.group()  # "People's National Party": one name
        else:
            parts.append("")
        at = match.end()
    parts[-1] += run[at:]
    return parts


def is_title_case(text: str) -> bool:
    """Headlines set in Title Case (or capitals) capitalise every word: there, capitals
    prove nothing."""
    words = [w for w in text.split() if w[:1].isalpha() and len(w) > 3]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) / len(words) > 0.8


@dataclass(frozen=True)
class NameRun:
    text: str
    start: int
    end: int
    sentence_initial: bool


# Connectors a run may end on before the next capital ("Smith and", "Bank of"), and a full
# stop with the space after it, inside a run.
_TRAILING_CONNECTORS = re.compile(rf"(?:\s+{_CONNECTOR})+$")
_FULL_STOP = re.compile(r"\.\s+")


_GLUED_POSSESSIVE = re.compile(r"[’']s[a-z]{3,}$")


def name_runs(text: str, sentences: list[tuple[int, int]] | None = None) -> list[NameRun]:
    """Maximal runs of capitalised tokens, trimmed of trailing connectors and punctuation."""
    starts = {s for s, _ in (sentences or sentence_spans(text))}
    runs = []
    for value, start in _split_at_sentence_ends(text):
        trimmed = _TRAILING_CONNECTORS.sub("", value).rstrip(".")
        trimmed = _GLUED_POSSESSIVE.sub("", trimmed)  # "Khaled Ali'sposters": a lost space
        if trimmed.endswith(("’s", "'s")):
            trimmed = trimmed[:-2]
        trimmed = trimmed.rstrip("’'")
        if not trimmed:
            continue
        prefix = text[max(0, start - 12) : start].rstrip("“\"‘'( ")
        at_start = not prefix and start <= 12
        initial = start in starts or at_start or prefix.endswith((".", "!", "?", ":", "\n"))
        runs.append(NameRun(trimmed, start, start + len(trimmed), initial))
    return runs


# A connector and a day or month end a name: "Sen. Lisa Murkowski on Wednesday".
_CALENDAR = re.compile(
    rf"\s+{_CONNECTOR}\s+(?:{'|'.join(w.capitalize() for w in sorted(WEEKDAYS | MONTHS))})\b\.?\s*"
)


def _split_at_sentence_ends(text: str) -> list[tuple[str, int]]:
    """NAME_RUN matches, cut where a full stop ends a sentence inside one ("Belarus. The")."""
    pieces = []
    for match in NAME_RUN.finditer(text):
        value, start = match.group(0), match.start()
        cut_from = 0
        for day in _CALENDAR.finditer(value):
            pieces.append((value[cut_from : day.start()], start + cut_from))
            cut_from = day.end()
        for stop in _FULL_STOP.finditer(value):
            word = _LAST_WORD.search(value[max(0, stop.start() - 40) : stop.start()])
            if word and (word.group(1).lower() in ABBREVIATIONS or len(word.group(1)) == 1):
                continue
            pieces.append((value[cut_from : stop.start()], start + cut_from))
            cut_from = stop.end()
        pieces.append((value[cut_from:], start + cut_from))
    return [(v, s) for v, s in pieces if v]
