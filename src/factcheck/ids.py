"""Stable identifiers: hashes of what identifies a thing, never row numbers or run times.

The same input gives the same ids on every run and every machine, so verdicts recorded
against a claim id stay attached to it across nightly rebuilds. The SQL side builds ids
the same way (see the `stable_id` macro in the dbt project); `test_ids.py` keeps the two
in agreement.
"""

from __future__ import annotations

import hashlib

ID_SEPARATOR = "\x1f"  # unit separator: cannot occur in the text parts we hash


def stable_id(prefix: str, *parts: object) -> str:
    """`prefix_` + the first 16 hex digits of sha256 over the parts (None hashes as '')."""
    joined = ID_SEPARATOR.join("" if p is None else str(p) for p in parts)
    return f"{prefix}_{hashlib.sha256(joined.encode('utf-8')).hexdigest()[:16]}"


def sha256_text(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()
