"""Bytes to text, or a clear reason why not.

Most inputs are UTF-8. Older exports arrive in legacy single-byte encodings (Latin-1,
Windows-1252); those are decoded when the detector is confident and the fact is recorded,
because a silently mis-decoded quote is worse than a quarantined file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from factcheck.ingest.errors import Rejected

# Share of control characters (other than tab/newline/CR) above which text is not text.
_MAX_CONTROL_SHARE = 0.01
# charset-normalizer's "chaos" score: 0 is clean text; above this we do not trust a guess.
_MAX_CHAOS = 0.15


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str
    note: str | None = None  # set when the encoding was detected rather than declared


# The control characters that are not white space (all below 32 but tab, newline, form feed
# and carriage return), found by one regular expression: a Python loop over every character
# of every input was a tenth of reading a cold archive.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f]")


def _control_share(text: str) -> float:
    return len(_CONTROL.findall(text)) / max(len(text), 1)


def decode_bytes(data: bytes) -> Decoded:
    """Decode one input file. Raises Rejected for empty, binary or undecodable content."""
    if not data.strip():
        raise Rejected("empty file: no text at all" if not data else "blank file: only white space")
    if b"\x00" in data[:8192]:
        raise Rejected("binary content (NUL bytes): not a text article")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = None
    if text is not None:
        if _control_share(text) > _MAX_CONTROL_SHARE:
            raise Rejected("binary content (control characters): not a text article")
        return Decoded(text=text, encoding="utf-8")
    return _decode_legacy(data)


def _decode_legacy(data: bytes) -> Decoded:
    from charset_normalizer import from_bytes  # imported lazily: only legacy files need it

    best = from_bytes(data).best()
    if best is None or best.chaos > _MAX_CHAOS:
        raise Rejected(
            "not UTF-8, and its encoding cannot be determined with confidence; "
            "re-save the file as UTF-8"
        )
    text = str(best)
    if _control_share(text) > _MAX_CONTROL_SHARE:
        raise Rejected("binary content (control characters): not a text article")
    return Decoded(
        text=text,
        encoding=best.encoding,
        note=f"not UTF-8: decoded as {best.encoding} (detected)",
    )
