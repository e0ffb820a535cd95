"""Check-worthiness: how much a statement invites checking, from 0 to 1.

A transparent linear score over features fact-checkers name when they triage: figures,
quantities, dates and named entities raise it; hedges, opinion and questions lower it.
Its ranking, not its absolute value, is the contract: numeric, factual statements sort
above opinion and colour.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


@dataclass(frozen=True)
class _Feature:
    """Words (and, for the few that are not words, a pattern) that move the score."""

    weight: float
    words: frozenset[str] = frozenset()
    pattern: re.Pattern[str] | None = None

    def found(self, lowered: str, words: frozenset[str]) -> bool:
        return not self.words.isdisjoint(words) or bool(
            self.pattern and self.pattern.search(lowered)
        )


_FEATURES = [
    _Feature(0.30, pattern=re.compile(r"\d")),
    _Feature(
        0.15,
        _words("""hundred hundreds thousand thousands million millions billion billions
            trillion trillions dozen dozens percent half quarter twice double triple majority
            minority"""),
        re.compile(r"%|\bper cent\b"),
    ),
    _Feature(
        0.10,
        _words("dollar dollars euro euros pound pounds ruble rubles rouble roubles yuan yen"),
        re.compile(r"[$€£¥]"),
    ),
    _Feature(
        0.05,
        _words("""january february march april may june july august september october
            november december monday tuesday wednesday thursday friday saturday sunday"""),
        re.compile(r"\b(?:19|20)\d\d\b"),
    ),
    _Feature(
        0.10,
        _words("""killed died dead death deaths injured wounded arrested deployed invaded
            elected won lost increased decreased rose fell doubled record largest biggest
            highest lowest first most least only never always all none every"""),
    ),
    _Feature(
        0.05,
        _words("""law bill vote election budget tax court ruled sanction sanctions treaty
            agreement report study data survey poll"""),
    ),
]
_HEDGES = _Feature(
    -0.15,
    _words("""may might could likely unlikely perhaps possibly probably appear appears seem
        seems believe believes think thinks feel feels hope hopes should would allegedly
        reportedly arguably apparently wonder"""),
)
_OPINION = _Feature(
    -0.1,
    _words("""shameful disgraceful wonderful terrible great amazing beautiful sad happy
        important interesting love hate proud glad"""),
)
_NAMED = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]+")
# Words as `\b` delimits them (letters, digits and underscores): one pass over the
# sentence, then set look-ups — much cheaper than a search per feature.
_WORD = re.compile(r"\w+")


def checkworthiness(text: str) -> float:
    lowered = text.lower()
    words = frozenset(_WORD.findall(lowered))
    score = 0.2
    for feature in (*_FEATURES, _HEDGES, _OPINION):
        if feature.found(lowered, words):
            score += feature.weight
    score += min(len(_NAMED.findall(text)), 3) * 0.04
    if text.rstrip().endswith("?"):
        score -= 0.2
    if len(text.split()) < 6:
        score -= 0.1
    return round(min(max(score, 0.0), 1.0), 3)


ASSERTION_THRESHOLD = 0.45
