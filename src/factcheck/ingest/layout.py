"""Recognise the article layouts of the data contract and split them into fields.

Two text layouts occur under `raw/articles/`:

* **news-site export** — section line, headline, kicker, dek, an image id with its photo
  credit, then body paragraphs, with boilerplate (``ADVERTISEMENT``, tip lines, newsletter
  prompts) and pull quotes mixed into the body;
* **plain** — headline on the first line, a blank line, paragraphs separated by blank lines.

JSON lines carry the headline and body as fields and go through the same body cleaning.
The body that comes out is the article as a reader reads it: boilerplate and pull quotes
(a paragraph repeated inside a later one) removed, hard-wrapped lines joined, paragraphs
separated by one blank line. Claim offsets are computed against exactly this text.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from factcheck.ingest.errors import Rejected

MAX_HEADLINE_CHARS = 300
MAX_HEADLINE_WORDS = 40

# Paragraphs that belong to the page, not the article. Matched against the whole paragraph.
BOILERPLATE_PATTERNS = [
    r"advertisement",
    r"got a tip\?.*",
    r"(sign up|subscribe)\b.{0,160}",
    r".{0,120}\bnewsletter\b.{0,120}",
    r"(read|see) (more|also)\b.{0,160}",
    r"(click|tap) here\b.{0,160}",
    r"follow (us|@\w+)\b.{0,160}",
    r"share this (article|story)\b.{0,80}",
    r"(related|recommended|more from [\w .]+)( stories| articles| coverage)?:?",
    r"this (story|article) has been updated\b.{0,200}",
    # A wire story's credits: "(Reporting by X in Jakarta; Editing by Y)", "AP writer Z
    # contributed to this report."
    r"\((?:additional\s+)?(?:reporting|writing|editing)\s+by\b[^()]{0,400}\)",
    r"[^.]{0,200}\bcontributed(?: reporting)? to this (?:report|story|article)\.?",
    # A picture's credit and licence: "The thumbnail image used in this post, “Cuban flag”,
    # is by Phil Guest, used under an Attribution-ShareAlike 2.0 Generic license."
    r"(?:the\s+)?(?:\w+\s+)?(?:image|photo|photograph|picture)s?\b.{0,200}?\b(?:is|are|was)\s+"
    r"(?:by|from|courtesy of)\b.{0,200}?\b(?:licen[cs]e[ds]?|creative commons|cc[ -]by)\b.{0,200}",
    # A picture caption ending in its credit: "Parliament Square. Image: Mirrys."
    r".{0,250}\b(?:image|photo|photograph|picture|photo credit|credit)s?:\s*[^:\n]{1,80}",
]
_BOILERPLATE = re.compile(
    r"^(?:" + "|".join(BOILERPLATE_PATTERNS) + r")$", re.IGNORECASE | re.DOTALL
)
# An image reference: a single token with digits or underscores, e.g. GettyImages-1125050515_fyeadt
_IMAGE_REF = re.compile(r"^(?=[\w.\-]*[\d_])[A-Za-z0-9][\w.\-]{5,}$")
_QUOTE_CHARS = "\"'“”‘’«»„"


@dataclass
class ParsedArticle:
    layout: str  # news_export | plain | jsonl
    headline: str
    paragraphs: list[str]
    section: str | None = None
    kicker: str | None = None
    dek: str | None = None
    image_ref: str | None = None
    photo_credit: str | None = None
    removed: list[str] = field(default_factory=list)  # boilerplate and pull quotes dropped
    # Paragraphs (indexes into `paragraphs`) the source marks as block quotes: a quoted post
    # or letter set off from the text, whose words are someone else's.
    block_quotes: list[int] = field(default_factory=list)

    @property
    def body_text(self) -> str:
        return "\n\n".join(self.paragraphs)


# Runs of spaces and tabs. They never cross a line, so one substitution over the whole text
# gives the lines a substitution per line gave, in four fifths of the time.
_BLANKS = re.compile(r"[ \t]+")


def normalize_text(text: str) -> str:
    """Canonical form used for hashing and parsing: the same article in another file, with
    other line endings or surrounding white space, normalizes to the same string."""
    text = unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = _BLANKS.sub(" ", text.replace("\u00a0", " ").replace("\ufeff", ""))
    return "\n".join(line.strip() for line in text.split("\n")).strip()


def _blocks(text: str) -> list[list[str]]:
    """Blank-line separated blocks, each a list of its non-empty lines."""
    blocks: list[list[str]] = []
    current: list[str] = []
    for line in text.split("\n"):
        if line:
            current.append(line)
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _words(text: str) -> int:
    return len(text.split())


def _is_label(block: list[str]) -> bool:
    """A section name: one short line without sentence punctuation."""
    line = block[0]
    return len(block) == 1 and _words(line) <= 4 and not re.search(r"[.!?:;,\"“”]$", line)


def _is_kicker(block: list[str]) -> bool:
    """A kicker: one short line in capitals (``SHAMELESS``, ``‘CONSIDER THEMSELVES WARNED’``)."""
    letters = [ch for ch in block[0] if ch.isalpha()]
    return (
        len(block) == 1
        and _words(block[0]) <= 8
        and bool(letters)
        and (sum(ch.isupper() for ch in letters) / len(letters) >= 0.8)
    )


def _image_block_index(blocks: list[list[str]]) -> int | None:
    for index, block in enumerate(blocks[:7]):
        if index >= 2 and _IMAGE_REF.match(block[0]) and len(block) <= 3:
            return index
    return None


def _check_headline(headline: str) -> str:
    if not any(ch.isalpha() for ch in headline):
        raise Rejected("no recognisable headline: the first line has no words")
    if len(headline) > MAX_HEADLINE_CHARS or _words(headline) > MAX_HEADLINE_WORDS:
        raise Rejected(
            "no recognisable headline: the first line is a paragraph "
            f"({_words(headline)} words); put the headline on its own first line"
        )
    return headline


def _join_lines(block: list[str]) -> str:
    """Hard-wrapped lines of one paragraph become one line."""
    return " ".join(block)


def parse_text_article(text: str) -> ParsedArticle:
    """Parse a `.txt` article in either layout. Raises Rejected when there is no article."""
    blocks = _blocks(normalize_text(text))
    if not blocks:
        raise Rejected("blank file: only white space")
    image_at = _image_block_index(blocks)
    if image_at is not None:
        return _parse_export(blocks, image_at)
    if len(blocks) >= 4 and _is_label(blocks[0]) and _is_kicker(blocks[2]):
        return _parse_export(blocks, None)
    return _parse_plain(blocks)


def _parse_export(blocks: list[list[str]], image_at: int | None) -> ParsedArticle:
    if image_at is None:
        head, image_block, body = blocks[:4], None, blocks[4:]
    else:
        head, image_block, body = blocks[:image_at], blocks[image_at], blocks[image_at + 1 :]
    head_lines = [_join_lines(b) for b in head]
    section = head_lines.pop(0) if len(head_lines) >= 3 and _is_label([head_lines[0]]) else None
    headline = _check_headline(head_lines.pop(0))
    kicker = next((line for line in head_lines if _is_kicker([line])), None)
    rest = [line for line in head_lines if line != kicker]
    dek = rest.pop() if rest else None
    article = ParsedArticle(
        layout="news_export",
        headline=headline,
        section=section,
        kicker=kicker,
        dek=dek,
        image_ref=image_block[0] if image_block else None,
        photo_credit=" ".join(image_block[1:]) or None if image_block else None,
        paragraphs=[],
    )
    # Anything between the headline and the dek that we could not name is kept as body.
    _set_body(article, rest + [_join_lines(b) for b in body])
    return article


def _parse_plain(blocks: list[list[str]]) -> ParsedArticle:
    first = blocks[0]
    headline = _check_headline(first[0])
    body = ([_join_lines(first[1:])] if len(first) > 1 else []) + [
        _join_lines(b) for b in blocks[1:]
    ]
    article = ParsedArticle(layout="plain", headline=headline, paragraphs=[])
    _set_body(article, body)
    return article


def parse_fields(title: str, body: str, block_quotes: list[int] | None = None) -> ParsedArticle:
    """Parse a JSON-lines article: headline and body are given, the body is cleaned alike.
    `block_quotes` numbers the body's paragraphs (blank-line separated, from 0) that the
    source marks as block quotes; they are carried onto the paragraphs that are kept."""
    headline = _check_headline(normalize_text(title).replace("\n", " "))
    paragraphs = [_join_lines(b) for b in _blocks(normalize_text(body))]
    article = ParsedArticle(layout="jsonl", headline=headline, paragraphs=[])
    _set_body(article, paragraphs)
    if block_quotes:
        marked = {
            _join_lines(b)
            for number, text in enumerate(body.split("\n\n"))
            if number in set(block_quotes)
            for b in _blocks(normalize_text(text))
        }
        article.block_quotes = [i for i, p in enumerate(article.paragraphs) if p in marked]
    return article


def _set_body(article: ParsedArticle, paragraphs: list[str]) -> None:
    kept, removed = clean_body(paragraphs)
    if not kept:
        raise Rejected("no article body: nothing but a headline and page furniture")
    article.paragraphs = kept
    article.removed = removed


_NO_QUOTES = str.maketrans("", "", _QUOTE_CHARS)
_SPACES = re.compile(r"\s+")


def _plain_words(text: str) -> str:
    """Text without quote marks and with folded spaces, for comparing paragraphs."""
    return _SPACES.sub(" ", text.translate(_NO_QUOTES)).strip().lower()


def is_boilerplate(paragraph: str) -> bool:
    return bool(_BOILERPLATE.match(paragraph.strip()))


def clean_body(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """Drop boilerplate and pull quotes. Returns (kept, removed), both in reading order."""
    candidates = [p for p in paragraphs if p.strip()]
    kept_flags = [not is_boilerplate(p) for p in candidates]
    plain = [_plain_words(p) for p in candidates]
    for i, text in enumerate(plain):
        if not kept_flags[i] or _words(text) < 5:
            continue
        # A pull quote is repeated verbatim inside another, longer paragraph of the article.
        if any(
            j != i and kept_flags[j] and len(plain[j]) > len(text) and text in plain[j]
            for j in range(len(plain))
        ):
            kept_flags[i] = False
    kept = [p for p, keep in zip(candidates, kept_flags, strict=True) if keep]
    removed = [p for p, keep in zip(candidates, kept_flags, strict=True) if not keep]
    return kept, removed
