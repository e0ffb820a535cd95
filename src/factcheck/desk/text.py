"""How article and claim text is laid out on the desk's pages.

Nothing here produces HTML: text is cut into plain pieces (paragraphs, marked and unmarked
segments) and the templates escape every piece, so an article containing `<script>` shows
those characters and nothing else.
"""

from __future__ import annotations

from dataclasses import dataclass

from factcheck.extract.article import PARAGRAPH_SEPARATOR
from factcheck.verdicts import InvalidVerdict, check_url


@dataclass(frozen=True)
class Segment:
    text: str
    marked: bool = False


@dataclass(frozen=True)
class Paragraph:
    segments: tuple[Segment, ...]

    @property
    def marked(self) -> bool:
        return any(segment.marked for segment in self.segments)


def paragraphs(
    text: str | None, start: int | None = None, end: int | None = None
) -> list[Paragraph]:
    """`text` cut into its paragraphs, with the characters [start, end) marked.

    The claim offsets stored in the database count characters of the whole field, breaks
    included, so a claim that runs over several paragraphs is marked in each of them.
    """
    result, offset = [], 0
    for chunk in (text or "").split(PARAGRAPH_SEPARATOR):
        chunk_end = offset + len(chunk)
        if chunk.strip():
            result.append(Paragraph(_segments(chunk, offset, start, end)))
        offset = chunk_end + len(PARAGRAPH_SEPARATOR)
    return result


def _segments(chunk: str, offset: int, start: int | None, end: int | None) -> tuple[Segment, ...]:
    if start is None or end is None or end <= offset or start >= offset + len(chunk):
        return (Segment(chunk),)
    left, right = max(start - offset, 0), min(end - offset, len(chunk))
    pieces = (Segment(chunk[:left]), Segment(chunk[left:right], True), Segment(chunk[right:]))
    return tuple(piece for piece in pieces if piece.text)


def shorten(text: str | None, limit: int) -> str:
    """`text` cut at the last word boundary before `limit` characters, with "…" when cut.

    Only for lists whose rows link to the page that shows the whole text."""
    text = " ".join((text or "").split())
    if len(text) <= limit:
        return text
    cut = text[: limit + 1].rsplit(" ", 1)[0] if " " in text[:limit] else text[:limit]
    return cut.rstrip(" ,;:—-") + "…"


def words(value: str | None) -> str:
    """An identifier as words: `reporter_unconfirmed` → `reporter unconfirmed`."""
    return (value or "").replace("_", " ")


def web_link(url: str | None) -> str | None:
    """`url` when it is safe to link to (a valid http or https URL), else None: escaping does
    not stop a `javascript:` URL in an article's data from running when clicked."""
    try:
        return check_url(url)
    except InvalidVerdict:
        return None
