"""Check-worthiness: how much a statement invites checking, from 0 to 1.

A transparent linear score over features fact-checkers name when they triage: figures,
quantities, dates and named entities raise it; hedges, opinion and questions lower it.
Its ranking, not its absolute value, is the contract: numeric, factual statements sort
above opinion and colour.
"""

from __future__ import annotations

import re

_FEATURES: list[tuple[float, re.Pattern[str]]] = [
    (0.30, re.compile(r"\d")),
    (
        0.15,
        re.compile(
            r"\b(hundreds?|thousands?|millions?|billions?|trillions?|dozens?|percent|per cent|"
            r"half|quarter|twice|double|triple|majority|minority)\b|%",
        ),
    ),
    (0.10, re.compile(r"[$€£¥]|\b(dollars?|euros?|pounds?|rubles?|roubles?|yuan|yen)\b")),
    (
        0.05,
        re.compile(
            r"\b(january|february|march|april|may|june|july|august|september|october|"
            r"november|december|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
            r"(19|20)\d\d)\b",
        ),
    ),
    (
        0.10,
        re.compile(
            r"\b(killed|died|dead|deaths?|injured|wounded|arrested|deployed|invaded|elected|"
            r"won|lost|increased|decreased|rose|fell|doubled|record|largest|biggest|highest|"
            r"lowest|first|most|least|only|never|always|all|none|every)\b",
        ),
    ),
    (
        0.05,
        re.compile(
            r"\b(law|bill|vote|election|budget|tax|court|ruled|sanctions?|"
            r"treaty|agreement|report|study|data|survey|poll)\b",
        ),
    ),
]
_HEDGES = re.compile(
    r"\b(may|might|could|likely|unlikely|perhaps|possibly|probably|appears?|seems?|"
    r"believes?|think|thinks|feel|feels|hope|hopes|should|would|allegedly|reportedly|"
    r"arguably|apparently|wonder)\b",
)
_OPINION = re.compile(
    r"\b(shameful|disgraceful|wonderful|terrible|great|amazing|beautiful|sad|happy|"
    r"important|interesting|love|hate|proud|glad)\b",
)
_NAMED = re.compile(r"(?<=[a-z,;] )[A-Z][a-z]+")


def checkworthiness(text: str) -> float:
    lowered = text.lower()  # patterns are lower case: faster than case-insensitive search
    score = 0.2
    for weight, pattern in _FEATURES:
        if pattern.search(lowered):
            score += weight
    score += min(len(_NAMED.findall(text)), 3) * 0.04
    if _HEDGES.search(lowered):
        score -= 0.15
    if _OPINION.search(lowered):
        score -= 0.1
    if text.rstrip().endswith("?"):
        score -= 0.2
    if len(text.split()) < 6:
        score -= 0.1
    return round(min(max(score, 0.0), 1.0), 3)


ASSERTION_THRESHOLD = 0.45
