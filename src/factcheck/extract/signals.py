"""What an article itself says about its claims: hedges, unanswered requests, doubts, denials.

Signals are the reporter's own words about a claim ("It was not immediately clear if …",
"did not immediately return a request for comment", "allegedly"). They are attached to
the claim they concern and never set a rating: they tell a fact-checker where to look.

* ``hedged`` — the claim's own sentence hedges it (allegedly, so-called, reportedly, …);
* ``reporter_unconfirmed``, ``no_response``, ``disputed`` — a later sentence doubts,
  finds no answer to, or reports a denial of an earlier claim. The claim concerned is the
  earlier claim sharing the most content words with that sentence (ties: the nearest).
"""

from __future__ import annotations

import re

from factcheck.extract.claims import Claim

HEDGED = re.compile(
    r"\b(allegedly|alleged|so-called|reportedly|purportedly|supposedly|claimed|"
    r"unverified|unconfirmed|rumou?red)\b",
)
LATER_SIGNALS = {
    "reporter_unconfirmed": re.compile(
        r"\b(it (was|is|remains) (not|n't|un)\s?(immediately |yet )?(clear|known|certain)|"
        r"could not (be )?(independently )?(verif|confirm)|"
        r"(has|have|had) not been (independently )?(verified|confirmed)|"
        r"(was|were|is|are) unable to (independently )?(verify|confirm)|"
        r"no evidence (was|has been) (provided|offered|presented))",
    ),
    "no_response": re.compile(
        r"\b(?:(did not|didn't|has not|have not|had not) (immediately )?"
        r"(return|respond|reply|answer)\w*( to)? (a |an |our |multiple |repeated )?"
        r"(requests?|messages?|calls?|e-?mails?|inquir\w+|queries)|"
        r"declined to comment|could not be reached|did not respond|has not responded|"
        r"no immediate response|refused to comment)",
    ),
    "disputed": re.compile(
        r"\b(denied|denies|deny|rejected|rejects|disputed|disputes|dismissed|refuted|"
        r"refutes|contradicted|contradicts|called (it|the claims?) (false|baseless|untrue))\b",
    ),
}
_ANY_LATER_SIGNAL = re.compile("|".join(f"(?:{p.pattern})" for p in LATER_SIGNALS.values()))
_WORD = re.compile(r"[a-z][a-z\-’']{3,}")
_STOP = {
    "that",
    "this",
    "with",
    "from",
    "have",
    "were",
    "they",
    "their",
    "there",
    "which",
    "about",
    "would",
    "could",
    "should",
    "been",
    "into",
    "also",
    "said",
    "says",
    "will",
    "immediately",
    "clear",
    "indeed",
    "request",
    "comment",
    "return",
    "respond",
    "denied",
    "deny",
    "rejected",
    "disputed",
    "confirm",
    "verify",
    "whether",
}


def _content_words(text: str) -> set[str]:
    words = _WORD.findall(re.sub(r"[’']s\b", "", text.lower()))
    return {w.strip("’'") for w in words} - _STOP


def attach_signals(claims: list[Claim], sentences: list[tuple[str, int, str]]) -> None:
    """Set `claim.signals`. `sentences` are (location, paragraph_index, text) in reading
    order; claims are in reading order too."""
    for claim in claims:
        claim.signals = []
        if HEDGED.search(claim.sentence_text.lower()):
            claim.signals.append("hedged")
    for position, (_, _, sentence) in enumerate(sentences):
        lowered = sentence.lower()  # the patterns are lower case: faster than re.I
        if not _ANY_LATER_SIGNAL.search(lowered):
            continue  # most sentences: one search instead of one a signal
        for signal, pattern in LATER_SIGNALS.items():
            if not pattern.search(lowered):
                continue
            target = _concerned_claim(claims, sentences, position, sentence)
            if target is not None and signal not in target.signals:
                target.signals.append(signal)


def _concerned_claim(
    claims: list[Claim], sentences: list[tuple[str, int, str]], position: int, sentence: str
) -> Claim | None:
    """The earlier claim (outside this sentence) that shares most content words with it."""
    order = {(loc, par, text): i for i, (loc, par, text) in enumerate(sentences)}
    words = _content_words(sentence)
    best, best_key = None, (0, -1)
    for index, claim in enumerate(claims):
        where = order.get((claim.location, claim.paragraph_index, claim.sentence_text))
        if where is None or where >= position:
            continue
        overlap = len(words & _content_words(claim.claim_text))
        key = (overlap, index)
        if overlap and key > best_key:
            best, best_key = claim, key
    return best
