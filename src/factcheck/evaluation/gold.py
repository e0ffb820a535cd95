"""Read the gold annotations (format: tests/gold/README.md) and fold names for comparison.

An annotation that does not follow the format is an error that names the file and the key:
a silently skipped annotation would raise or lower the scores without anyone noticing.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from pathlib import Path

import yaml

UNSCORED = "?"  # a speaker too ambiguous to score; the claim itself still counts
LAYOUT_FIELDS = ("section", "headline", "kicker", "dek", "image_ref", "photo_credit")
ACTOR_KINDS = {"persons": "person", "organizations": "organization", "places": "place"}


class GoldFormatError(ValueError):
    """An annotation file that does not follow tests/gold/README.md."""


def fold(name: str) -> str:
    """Case, accents, punctuation and spacing folded: 'Brudziński' == 'brudzinski'."""
    text = unicodedata.normalize("NFKD", name.replace("ł", "l").replace("Ł", "L"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    text = re.sub(r"[’'`]s\b", "s", text)
    text = re.sub(r"[^\w]+", " ", text)
    return re.sub(r"^the ", "", text.strip())


@dataclass(frozen=True)
class Entity:
    """One gold entity: its canonical name and every spelling accepted for it."""

    canonical: str
    spellings: frozenset[str]

    @classmethod
    def parse(cls, value: str) -> Entity:
        names = [n.strip() for n in str(value).split("|") if n.strip()]
        if not names:
            raise ValueError("empty name")
        return cls(names[0], frozenset(fold(n) for n in names))

    def matches(self, name: str | None) -> bool:
        """One of the spellings, also when a middle initial is there or not ("John F.
        Kerry" is "John Kerry")."""
        if name is None:
            return False
        folded = fold(name)
        return folded in self.spellings or _no_initials(folded) in {
            _no_initials(s) for s in self.spellings
        }


def _no_initials(folded: str) -> str:
    words = folded.split()
    return " ".join(w for i, w in enumerate(words) if len(w) > 1 or i in (0, len(words) - 1))


@dataclass(frozen=True)
class GoldClaim:
    text: str
    speaker: Entity | None  # None: nobody named says it
    speaker_scored: bool = True


@dataclass
class GoldArticle:
    file: Path
    article: str  # url, or source_uri for files without one
    layout: dict[str, str | None] = field(default_factory=dict)
    quotes: list[GoldClaim] = field(default_factory=list)
    partial_quotes: list[GoldClaim] = field(default_factory=list)
    reported_speech: list[GoldClaim] = field(default_factory=list)
    actors: dict[str, list[Entity]] = field(default_factory=dict)  # actor type → entities
    optional: list[Entity] = field(default_factory=list)
    not_actors: list[Entity] = field(default_factory=list)
    roles: dict[str, list[str]] = field(default_factory=dict)  # folded person name → roles

    @property
    def quotations(self) -> list[GoldClaim]:
        """Every span in quotation marks, direct or partial."""
        return self.quotes + self.partial_quotes

    def person(self, name: str | None) -> Entity | None:
        """The gold person an actor name matches, if any."""
        return next((e for e in self.actors.get("person", []) if e.matches(name)), None)


def load_gold(annotations_dir: Path) -> list[GoldArticle]:
    files = sorted(annotations_dir.glob("*.yaml"))
    if not files:
        raise GoldFormatError(f"no *.yaml annotations in {annotations_dir}")
    articles = [_parse_file(path) for path in files]
    seen: dict[str, Path] = {}
    for article in articles:
        _speakers_as_listed(article)
        persons = {fold(s) for e in article.actors["person"] for s in e.spellings}
        strays = [name for name in article.roles if name not in persons]
        if strays:
            raise GoldFormatError(f"{article.file.name}: roles of people not in persons: {strays}")
        if article.article in seen:
            raise GoldFormatError(
                f"{article.file.name}: article {article.article} is also annotated in "
                f"{seen[article.article].name}"
            )
        seen[article.article] = article.file
    return articles


def _parse_file(path: Path) -> GoldArticle:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise GoldFormatError(f"{path.name}: not valid YAML: {exc}") from exc
    if not isinstance(data, dict) or not isinstance(data.get("article"), str):
        raise GoldFormatError(f"{path.name}: needs a mapping with an 'article' (url or file)")
    known = {
        "article", "layout", "quotes", "partial_quotes", "reported_speech", "roles",
        "optional", "not_actors",
    }  # fmt: skip
    unknown = set(data) - known - set(ACTOR_KINDS)
    if unknown:
        raise GoldFormatError(f"{path.name}: unknown keys {sorted(unknown)}")
    try:
        layout = data.get("layout") or {}
        if set(layout) - set(LAYOUT_FIELDS):
            raise ValueError(f"layout fields are {LAYOUT_FIELDS}")
        return GoldArticle(
            file=path,
            article=data["article"],
            layout=dict(layout),
            quotes=[_claim(item) for item in data.get("quotes") or []],
            partial_quotes=[_claim(item) for item in data.get("partial_quotes") or []],
            reported_speech=[_claim(item) for item in data.get("reported_speech") or []],
            actors={
                kind: [Entity.parse(v) for v in data.get(key) or []]
                for key, kind in ACTOR_KINDS.items()
            },
            optional=[Entity.parse(v) for v in data.get("optional") or []],
            not_actors=[Entity.parse(v) for v in data.get("not_actors") or []],
            roles=_roles(data.get("roles") or {}),
        )
    except (ValueError, TypeError, KeyError, AttributeError) as exc:
        raise GoldFormatError(f"{path.name}: {exc}") from exc


def _speakers_as_listed(article: GoldArticle) -> None:
    """A speaker written by its canonical name accepts every spelling the article's actor
    lists give it ("Jack Reed" also as "Reed")."""
    listed = [e for entities in article.actors.values() for e in entities] + article.optional

    def widened(claim: GoldClaim) -> GoldClaim:
        if claim.speaker is None:
            return claim
        entity = next((e for e in listed if e.matches(claim.speaker.canonical)), None)
        if entity is None:
            return claim
        spellings = claim.speaker.spellings | entity.spellings
        return replace(claim, speaker=Entity(claim.speaker.canonical, spellings))

    article.quotes = [widened(c) for c in article.quotes]
    article.partial_quotes = [widened(c) for c in article.partial_quotes]
    article.reported_speech = [widened(c) for c in article.reported_speech]


def _roles(value: object) -> dict[str, list[str]]:
    if not isinstance(value, dict):
        raise ValueError("roles: a mapping of person → list of roles")
    roles = {}
    for name, listed in value.items():
        if not isinstance(listed, list) or not all(isinstance(r, str) for r in listed):
            raise ValueError(f"roles of {name!r}: a list of strings")
        roles[fold(str(name))] = listed
    return roles


def _claim(item: dict) -> GoldClaim:
    if not isinstance(item, dict) or not str(item.get("text") or "").strip():
        raise ValueError(f"a claim needs a 'text': {item!r}")
    if "speaker" not in item:
        raise ValueError(f"a claim needs a 'speaker' (null when nobody is named): {item!r}")
    speaker = item["speaker"]
    if speaker == UNSCORED:
        return GoldClaim(str(item["text"]), None, speaker_scored=False)
    return GoldClaim(str(item["text"]), Entity.parse(speaker) if speaker else None)
