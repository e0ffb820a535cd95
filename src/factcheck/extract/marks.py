"""Quotation marks of the British kind: ‘single’ outside, “double” inside.

Most news writing quotes in double marks and keeps single marks for headlines, scare
quotes and quotations inside quotations. Many British, Irish, Australian and South African
publishers do it the other way round: ‘We hear every day from people who were told “it
won’t be long”,’ she said. The extractor reads double marks as quotations, so an article
written the British way is read through `as_double_marks`, which swaps the two kinds at
the positions where they open and close quotations (one character for one, so every offset
stays put), and `restore` gives back the article's own characters for a claim's words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# A single mark that may open a quotation: at the start of a paragraph or after a space,
# a bracket or a dash, and followed by a word.
_OPENS = re.compile(r"(?:(?<=^)|(?<=[\s(\[—–\-]))([‘'])(?=[^\s‘’'])", re.M)
_CLOSERS = "’'"
_SWAP = {"‘": "“", "’": "”", "'": '"', "“": "‘", "”": "’", '"': "'"}
_LOWER_PLURAL = re.compile(r"(?<![\w’'])[a-z][\w\-]*s$")
# A word a plural's possessive is followed by: a noun or adjective, not a link ("‘furious’
# if the dispute …").
_WORD_NEXT = re.compile(
    r" (?!(?:if|and|or|but|as|when|while|because|to|for|in|on|at|by|with|from|of|than|that|"
    r"he|she|they|it|we|i|you|said|says|after|before|until|unless)\b)[a-z]"
)
# Words a quotation must have to count as one when deciding the article's style (scare
# quotes and titles are shorter).
_QUOTATION_WORDS = 4
_DOUBLE = re.compile(r"[“\"]([^“”\"\n]+)[”\"]")
# A quotation of a sentence or more ends on its punctuation, inside the marks: ‘…,’ she said.
_SENTENCE_END = (".", ",", "!", "?", "…")


@dataclass(frozen=True)
class _Span:
    start: int  # the opening mark
    end: int  # the closing mark, or the paragraph's end when the quotation runs on
    closed: bool


def _closing_mark(text: str, start: int, end: int) -> int:
    """Where the single quotation opened at `start` closes before `end` (a paragraph's end),
    or -1. An apostrophe inside a word ("won’t") closes nothing; one after a lower-case
    plural followed by a word ("the nurses’ pay") is more often its possessive than a closing
    mark, unless nothing else closes the quotation."""
    fallback = -1
    for i in range(start + 1, end):
        if text[i] not in _CLOSERS:
            continue
        after = text[i + 1] if i + 1 < end else " "
        before = text[i - 1]
        if before.isalnum() and after.isalnum():
            continue  # an apostrophe inside a word
        if before == "s" and _LOWER_PLURAL.search(text, 0, i) and _WORD_NEXT.match(text, i + 1):
            fallback = fallback if fallback >= 0 else i
            continue
        if after.isalnum():
            continue  # 'tis, ’90s: an apostrophe that opens a word
        return i
    return fallback


def _single_spans(text: str) -> list[_Span]:
    spans: list[_Span] = []
    for paragraph in re.finditer(r"[^\n]+", text):
        position = paragraph.start()
        while True:
            opening = _OPENS.search(text, position, paragraph.end())
            if opening is None:
                break
            start = opening.start(1)
            close = _closing_mark(text, start, paragraph.end())
            if close < 0:
                # A quotation left open at the paragraph's end runs on into the next one.
                if start == paragraph.start() or text[paragraph.start() : start].rstrip().endswith(
                    ":"
                ):
                    spans.append(_Span(start, paragraph.end(), closed=False))
                break
            spans.append(_Span(start, close, closed=True))
            position = close + 1
    return spans


def _words(text: str) -> int:
    return len(text.split())


def writes_single_marks(text: str) -> bool:
    """Does the article quote in single marks? At least two quotations of a sentence in
    single marks (not titles, 'War and Peace', nor fragments), and no quotation of several
    words in double marks outside them."""
    if text.count("‘") + text.count(" '") + text.count("\n'") + text.startswith("'") < 2:
        return False  # too few single marks opening anything: the usual case, and cheap
    spans = _single_spans(text)
    quotations = [
        s
        for s in spans
        if _words(text[s.start + 1 : s.end]) > _QUOTATION_WORDS
        and (not s.closed or text[s.start + 1 : s.end].endswith(_SENTENCE_END))
    ]
    if len(quotations) < 2:
        return False
    return not any(
        _words(m.group(1)) >= _QUOTATION_WORDS
        and not any(s.start < m.start() < s.end for s in spans)
        for m in _DOUBLE.finditer(text)
    )


def as_double_marks(text: str) -> str:
    """The text with its single quotation marks made double and the double marks inside them
    made single, character for character."""
    chars = list(text)
    for span in _single_spans(text):
        chars[span.start] = _SWAP[chars[span.start]]
        if span.closed:
            chars[span.end] = _SWAP[chars[span.end]]
        for m in _DOUBLE.finditer(text, span.start + 1, span.end):
            chars[m.start()] = _SWAP[chars[m.start()]]
            chars[m.end() - 1] = _SWAP[chars[m.end() - 1]]
    return "".join(chars)


def restore(original: str, read: str, words: str, near: int) -> str:
    """`words`, found in `read` (the text as extracted) at or after `near`, as `original`
    writes them."""
    at = read.find(words, max(0, near))
    if at < 0:
        at = read.rfind(words, 0, near + len(words))
    return original[at : at + len(words)] if at >= 0 else words
