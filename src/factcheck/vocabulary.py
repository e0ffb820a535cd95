"""The data contract's enumerations, read from the one file that declares them.

`dbt_project/seeds/vocabulary.csv` lists every enumerated value of the published tables by
domain (claim_type, location, actor_type, relation, status, rating, signal, layout). dbt
tests the tables against it (`in_vocabulary`), and the quality gate, the command line's
choices and verdict validation read it here — so a term is added in one row, and nothing
else can disagree with it. Reading a small CSV keeps the command line's start-up free of
dbt and pandas.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from factcheck.settings import DBT_PROJECT_DIR

VOCABULARY_FILE = DBT_PROJECT_DIR / "seeds" / "vocabulary.csv"

# Every claim starts in this status; verdicts move it to one of the others.
INITIAL_STATUS = "unverified"


@dataclass(frozen=True)
class Term:
    domain: str
    value: str
    description: str


@cache
def terms(path: Path = VOCABULARY_FILE) -> tuple[Term, ...]:
    """Every term of the vocabulary, in the file's order."""
    with path.open(newline="", encoding="utf-8") as handle:
        return tuple(
            Term(row["domain"].strip(), row["value"].strip(), row["description"].strip())
            for row in csv.DictReader(handle)
        )


def values(domain: str, path: Path = VOCABULARY_FILE) -> tuple[str, ...]:
    """The values of one domain, in the file's order; an unknown domain is an error."""
    found = tuple(t.value for t in terms(path) if t.domain == domain)
    if not found:
        known = ", ".join(sorted({t.domain for t in terms(path)}))
        raise KeyError(f"no vocabulary domain {domain!r} in {path} (domains: {known})")
    return found


def verdict_statuses() -> tuple[str, ...]:
    """Statuses a fact-checker can record: every status but the one a claim starts in."""
    return tuple(s for s in values("status") if s != INITIAL_STATUS)
