"""Compare what the pipeline built with the gold annotations: precision and recall per category.

Counts are micro-averaged over articles (every quote and name weighs the same). Matching
rules, in short (the long form is tests/gold/README.md):

* a quotation (direct or partial) is found when a quote claim of either type has the same
  text once quotation marks, spacing, case and the punctuation at either end are set aside;
  a direct quote must also be typed `direct_quote`;
* speakers are scored on every found quotation, direct or partial, whose gold speaker is
  named; a speaker given to a quotation nobody is named for is a false attribution;
* a reported statement is found when a `reported_speech` claim contains its fragment;
* a speaker is right when the claim's actor (or the words naming the speaker) is one of the
  gold spellings, or when gold says nobody is named and no actor is attributed;
* actors are compared per article and type by name; `optional` names are neither required
  nor wrong; a gold entity typed wrongly is both a miss and a false find;
* junk: a person actor that is no gold person; a role of a gold person with a word none of
  the roles the annotation gives them has; an alias with a word that is neither in the
  person's name nor in their roles (honorifics are allowed in both).
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations

from factcheck.evaluation.gold import Entity, GoldArticle, GoldClaim, fold
from factcheck.evaluation.observed import ObservedArticle, ObservedClaim

CATEGORIES = [
    "quotations",
    "direct quotes",
    "speaker attribution",
    "reported speech",
    "reported-speech speakers",
    "persons",
    "organizations",
    "places",
    "cross-article identity",
    "layout fields",
]


@dataclass
class Tally:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


JUNK_KINDS = ["names", "roles", "aliases"]


@dataclass
class Junk:
    """Actor attributes that are not what they claim to be, out of all of that kind."""

    junk: int = 0
    total: int = 0

    @property
    def rate(self) -> float:
        return self.junk / self.total if self.total else 0.0


@dataclass
class Report:
    tallies: dict[str, Tally] = field(default_factory=lambda: {c: Tally() for c in CATEGORIES})
    junk: dict[str, Junk] = field(default_factory=lambda: {k: Junk() for k in JUNK_KINDS})
    forbidden: list[str] = field(default_factory=list)  # actors that must not exist
    errors: list[str] = field(default_factory=list)  # every miss and false find, for --details
    articles: int = 0

    def as_dict(self) -> dict:
        return {
            "articles": self.articles,
            "forbidden_actors": self.forbidden,
            "categories": {
                name: {
                    "precision": round(t.precision, 4),
                    "recall": round(t.recall, 4),
                    "tp": t.tp,
                    "fp": t.fp,
                    "fn": t.fn,
                }
                for name, t in self.tallies.items()
            },
            "junk": {
                kind: {"junk": j.junk, "total": j.total, "rate": round(j.rate, 4)}
                for kind, j in self.junk.items()
            },
            "junk_rate": round(self.junk_rate, 4),
        }

    @property
    def junk_rate(self) -> float:
        """Junk among all names, roles and aliases of person actors."""
        total = sum(j.total for j in self.junk.values())
        return sum(j.junk for j in self.junk.values()) / total if total else 0.0


_QUOTE_CHARS = "\"“”„‟«»'‘’‚‛"


def quote_key(text: str) -> str:
    """Quote text for comparison: no quotation marks, folded spacing and case, no end marks."""
    text = "".join(" " if ch in _QUOTE_CHARS else ch for ch in text).replace("…", "...")
    text = re.sub(r"\s+", " ", text).casefold()
    return text.strip(" .,;:!?—–-")


def score(gold: list[GoldArticle], observed: dict[str, ObservedArticle]) -> Report:
    report = Report(articles=len(gold))
    links: list[tuple[str, Entity, set[str]]] = []  # (article, gold entity, actor ids)
    for article in gold:
        built = observed.get(article.article)
        if built is None:
            report.errors.append(f"{article.file.name}: article not built: {article.article}")
            built = ObservedArticle("", {})
        where = article.file.name
        _score_quotes(article, built, report, where)
        _score_reported(article, built, report, where)
        links.extend(_score_actors(article, built, report, where))
        _score_junk(article, built, report, where)
        _score_layout(article, built, report, where)
    _score_identity(links, report)
    return report


def _speaker_right(gold: GoldClaim, claim: ObservedClaim) -> bool:
    if gold.speaker is None:
        return claim.speaker_actor is None
    return gold.speaker.matches(claim.speaker_actor) or (
        claim.speaker_actor is None and gold.speaker.matches(claim.speaker_words)
    )


def _speaker_shown(claim: ObservedClaim) -> str | None:
    return claim.speaker_actor or claim.speaker_words


def _score_speaker(
    gold: GoldClaim, claim: ObservedClaim, tally: Tally, report: Report, label: str
) -> None:
    """A found claim's speaker: right; none (a miss); or wrong (a false attribution too)."""
    if _speaker_right(gold, claim):
        tally.tp += 1
        return
    tally.fp += _speaker_shown(claim) is not None
    tally.fn += 1
    expected = gold.speaker.canonical if gold.speaker else None
    report.errors.append(
        f"{label} {_speaker_shown(claim)!r}, expected {expected!r}: {gold.text[:60]}"
    )


def _score_quotes(article: GoldArticle, built: ObservedArticle, report: Report, where: str):
    """Quotations found (either type), direct quotes typed right, and every speaker."""
    quotations = report.tallies["quotations"]
    direct = report.tallies["direct quotes"]
    speakers = report.tallies["speaker attribution"]
    system = [c for c in built.claims if c.claim_type in ("direct_quote", "partial_quote")]
    unmatched = {i: quote_key(c.claim_text) for i, c in enumerate(system)}
    direct_gold = {id(g) for g in article.quotes}
    for gold in article.quotations:
        key = quote_key(gold.text)
        index = next((i for i, k in unmatched.items() if k == key), None)
        is_direct = id(gold) in direct_gold
        if index is None:
            quotations.fn += 1
            direct.fn += is_direct
            report.errors.append(f"{where}: quotation missed: {gold.text[:90]}")
            continue
        claim = system[index]
        del unmatched[index]
        quotations.tp += 1
        if is_direct and claim.claim_type == "direct_quote":
            direct.tp += 1
        elif is_direct:
            direct.fn += 1
            report.errors.append(f"{where}: direct quote typed partial: {gold.text[:90]}")
        elif claim.claim_type == "direct_quote":
            direct.fp += 1
            report.errors.append(f"{where}: partial quote typed direct: {gold.text[:90]}")
        if not gold.speaker_scored:
            continue
        if gold.speaker is None:
            if claim.speaker_actor is not None:
                speakers.fp += 1
                report.errors.append(
                    f"{where}: quote speaker {claim.speaker_actor!r} for nobody named: "
                    f"{gold.text[:60]}"
                )
            continue
        _score_speaker(gold, claim, speakers, report, f"{where}: quote speaker")
    for index in unmatched:
        quotations.fp += 1
        direct.fp += system[index].claim_type == "direct_quote"
        report.errors.append(f"{where}: not a quotation: {system[index].claim_text[:90]}")


def _score_reported(article: GoldArticle, built: ObservedArticle, report: Report, where: str):
    found = report.tallies["reported speech"]
    speakers = report.tallies["reported-speech speakers"]
    system = [c for c in built.claims if c.claim_type == "reported_speech"]
    keys = [quote_key(c.claim_text) for c in system]
    used: set[int] = set()
    for gold in article.reported_speech:
        fragment = quote_key(gold.text)
        index = next(
            (i for i, k in enumerate(keys) if i not in used and fragment in k),
            next((i for i, k in enumerate(keys) if fragment in k), None),
        )
        if index is None:
            found.fn += 1
            report.errors.append(f"{where}: reported speech missed: {gold.text[:90]}")
            continue
        used.add(index)
        found.tp += 1
        if not gold.speaker_scored:
            continue
        _score_speaker(gold, system[index], speakers, report, f"{where}: reported-speech speaker")
    for index in set(range(len(system))) - used:
        found.fp += 1
        report.errors.append(f"{where}: not reported speech: {system[index].claim_text[:90]}")


def _score_actors(article: GoldArticle, built: ObservedArticle, report: Report, where: str):
    """Per type: gold entities found, missed; actors that are none of them. Returns the
    (article, entity, actor ids) links the identity score needs."""
    links = []
    for entity in article.not_actors:
        for actor in built.actors:
            if entity.matches(actor.name):
                report.forbidden.append(f"{where}: {actor.name}")
    for kind, entities in article.actors.items():
        tally = report.tallies[f"{kind}s"]  # persons, organizations, places
        actors = [a for a in built.actors if a.actor_type == kind]
        for entity in entities:
            ids = {a.actor_id for a in actors if entity.matches(a.name)}
            if ids:
                tally.tp += 1
                links.append((article.article, entity, ids))
            else:
                tally.fn += 1
                report.errors.append(f"{where}: {kind} missed: {entity.canonical}")
        accepted = entities + article.optional
        for actor in actors:
            if not any(e.matches(actor.name) for e in accepted):
                tally.fp += 1
                report.errors.append(f"{where}: not a {kind}: {actor.name}")
    return links


_HONORIFICS = {
    "mr", "mrs", "ms", "miss", "mx", "mme", "mlle", "dr", "prof", "sir", "dame", "lady", "lord",
    "monsenor", "monsignor", "cde", "comrade",
}  # fmt: skip
_ARTICLES = {"the", "a", "an"}
# Abbreviated titles stand for the full ones in names and roles ("Sen. Lee" for a senator).
_ABBREVIATED = {
    "senator": "sen", "representative": "rep", "governor": "gov", "president": "pres",
    "general": "gen", "professor": "prof", "doctor": "dr", "lieutenant": "lt",
    "colonel": "col", "sergeant": "sgt", "captain": "capt", "attorney": "atty",
}  # fmt: skip


def _words(text: str) -> set[str]:
    return set(fold(text).split()) - _ARTICLES


def _score_junk(article: GoldArticle, built: ObservedArticle, report: Report, where: str):
    """Names, roles and aliases of person actors that a reader would call junk."""
    accepted = article.actors["person"] + article.optional
    for actor in (a for a in built.actors if a.actor_type == "person"):
        report.junk["names"].total += 1
        person = article.person(actor.name)
        if person is None:
            if not any(e.matches(actor.name) for e in accepted):
                report.junk["names"].junk += 1
                report.errors.append(f"{where}: junk person name: {actor.name}")
            continue
        role_words = set().union(
            *(_words(r) for r in article.roles.get(fold(person.canonical), []))
        )
        role_words |= {_ABBREVIATED[w] for w in role_words if w in _ABBREVIATED}
        name_words = set().union(*(set(s.split()) for s in person.spellings))
        for kind, values, allowed in (
            ("roles", actor.roles, role_words | _HONORIFICS),
            ("aliases", actor.aliases, name_words | role_words | _HONORIFICS),
        ):
            for value in values:
                report.junk[kind].total += 1
                if not _words(value) <= allowed:
                    report.junk[kind].junk += 1
                    report.errors.append(
                        f"{where}: junk {kind[:-1]} of {person.canonical}: {value}"
                    )


def _score_identity(links: list[tuple[str, Entity, set[str]]], report: Report) -> None:
    """Pairs of articles that share a gold entity should share the actor, and the reverse."""
    tally = report.tallies["cross-article identity"]
    by_entity: dict[str, list[tuple[str, set[str]]]] = defaultdict(list)
    by_actor: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for article, entity, ids in links:
        by_entity[fold(entity.canonical)].append((article, ids))
        for actor_id in ids:
            by_actor[actor_id].append((article, fold(entity.canonical)))
    for name, seen in by_entity.items():
        for (a, ids_a), (b, ids_b) in combinations(seen, 2):
            if ids_a & ids_b:
                tally.tp += 1
            else:
                tally.fn += 1
                report.errors.append(f"identity: {name!r} is two actors in {a} and {b}")
    for actor_id, seen in by_actor.items():
        for (a, name_a), (b, name_b) in combinations(seen, 2):
            if a != b and name_a != name_b:
                tally.fp += 1
                report.errors.append(f"identity: {actor_id} is both {name_a!r} and {name_b!r}")


def _score_layout(article: GoldArticle, built: ObservedArticle, report: Report, where: str):
    tally = report.tallies["layout fields"]
    for name, expected in article.layout.items():
        got = built.layout.get(name)
        if got == expected:
            tally.tp += 1
        else:
            tally.fp += got is not None
            tally.fn += 1
            report.errors.append(f"{where}: layout {name} is {got!r}, expected {expected!r}")


def format_report(report: Report) -> str:
    lines = [
        f"Gold sample: {report.articles} articles",
        f"{'category':<26} {'precision':>9} {'recall':>7} {'found':>6} {'false':>6} {'missed':>7}",
    ]
    for name, t in report.tallies.items():
        lines.append(
            f"{name:<26} {t.precision:>9.3f} {t.recall:>7.3f} {t.tp:>6} {t.fp:>6} {t.fn:>7}"
        )
    for kind, junk in report.junk.items():
        lines.append(f"junk {kind:<21} {junk.junk:>5} of {junk.total:<6} {junk.rate:>7.1%}")
    lines.append(f"junk names, roles and aliases    {report.junk_rate:>14.1%}")
    lines.append(f"forbidden actors (photo credits, furniture): {len(report.forbidden)}")
    lines.extend(f"  {line}" for line in report.forbidden)
    return "\n".join(lines)
