"""Mentions of people, organisations and places in one block of text.

A mention starts as a capitalised run (``Belarusian President Alexander Lukashenko``).
Titles become a role and the rest a name; the dictionary types and canonicalises the
actors it knows; rules type the rest (organisation and place words, acronyms, a title
before a name). Runs the rules cannot type are left out rather than guessed: a wrong actor
costs a fact-checker more than a missing one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from factcheck.extract.lexicon import (
    AGE_BEFORE_NAME,
    COMMON_WORDS,
    COMPOUND_ADJECTIVE,
    CUE_VERBS,
    NON_NAME_WORDS,
    ORG_WORDS,
    POSTNOMINALS,
    RUN_OPENERS,
    TITLE_WORDS,
    WEEKDAYS,
    ActorDictionary,
    normalize_name,
)
from factcheck.extract.names import (
    PORTFOLIOS,
    ArticleContext,
    addresses_a_person,
    apposed_as_a_person,
    as_title,
    called_a_body,
    opens_title,
    resolve_run,
    role_apposed_before,
    split_affiliation,
    split_conjoined,
    split_title,
)
from factcheck.extract.text import NameRun, is_title_case, name_runs, possessive_parts

# Capitalised runs that name events, works or periods rather than actors.
EVENT_WORDS = {
    "war",
    "cup",
    "championship",
    "championships",
    "games",
    "olympics",
    "olympic",
    "olympiad",
    "competition",
    "contest",
    "tournament",
    "marathon",
    "expo",
    "exhibition",
    "ceremony",
    "parade",
    "concert",
    "summit",
    "festival",
    "award",
    "awards",
    "prize",
    "election",
    "elections",
    "day",
    "week",
    "season",
    "series",
    "tour",
    "open",
    "grand",
    "prix",
    "act",
    "bill",
    "covid-19",
    "covid",
    "coronavirus",
    "pandemic",
    "christmas",
    "easter",
    "ramadan",
    "internet",
    "crisis",
    "scandal",
    "affair",
    "massacre",
    "syndrome",
    "disease",
    "diseases",
    "virus",
    "hurricane",
    "typhoon",
    "cyclone",
    "storm",
    "earthquake",
    "constitution",
    "treaty",
    "accord",
    "accords",
    "pact",
    "directive",
    "medal",
    "hunt",
    "brexit",
    # Programmes and budgets are things done, not actors: "Food Stamp Program".
    "program",
    "programme",
    "initiative",
    "project",
    "scheme",
    "insurance",
    "appropriations",
}
_RUN_ON_WORDS = {"but", "and", "or", "so", "yet", "then", "however", "also", "meanwhile"}
# Before an unknown capitalised word these make it a place: "in Kutama", "the city of X".
_PLACE_PREPOSITIONS = re.compile(
    r"(?:\b(?:in|at|near|from|across|to|into|outside|inside)|\b(?:city|town|village|"
    r"province|region|county|district|island|capital|suburb|port|state) of)\s+$"
)
_POSSESSIVE_NEXT = re.compile(r"(?:’s|'s|’|')")
# A word before an amount is its currency or unit, not a place: "from Tk 8.95", "to Rs 400".
_AMOUNT_NEXT = re.compile(r"\s+\d")


# A run followed by a lower-case title and a name qualifies that person.
_QUALIFIER = re.compile(
    r"\s+(?:" + "|".join(sorted(TITLE_WORDS, key=len, reverse=True)) + r")\s+[A-Z]"
)
_WORD_NEXT = re.compile(r"\s+(?P<word>[a-z]+)\b")


def _a_nationality_qualifying(name: str, text: str, end: int, ctx: ArticleContext) -> bool:
    """'the Korean Buddhist community': a run that opens on a nationality and qualifies the
    noun after it is an adjective, not a person ('Finn E. Kydland of Norway' is one)."""
    following = _WORD_NEXT.match(text, end)
    word = following.group("word") if following else ""
    return (
        ctx.dictionary.is_demonym(name.split()[0])
        and bool(word)
        and word not in NON_NAME_WORDS
        and word not in CUE_VERBS
        and not word.endswith("ed")
    )


# A work and its author: "The Atheist Muslim by Ali Rizvi" is a book, not a person.
_BY_AUTHOR = re.compile(r"\s+by\s+[A-Z]")
# A thing named after a person: "the Johan Sverdrup oil field", "the Frank Church dam".
_NAMED_AFTER = re.compile(
    r"\s+(?:oil |gas )?(?:field|airport|stadium|bridge|hospital|dam|mine|platform|station|"
    r"tunnel|highway|freeway|expressway|memorial|monument|doctrine|rule|prize|trophy|"
    r"medal|scholarship|fellowship|lecture|building|tower|centre|center)s?\b"
)


@dataclass(frozen=True)
class Found:
    """An actor named in one block: the words, who they name, and where (in the block)."""

    text: str
    name: str
    actor_type: str
    role: str | None
    start: int


@dataclass
class Mention:
    mention_text: str  # as written
    name: str  # canonical within the article (full name for people)
    actor_type: str  # person | organization | place
    role: str | None
    location: str
    paragraph_index: int
    char_start: int  # in the field


def _pieces(run: NameRun, dictionary: ActorDictionary) -> list[tuple[str, int]]:
    """Split a run at possessives ("Ukraine’s Foreign Ministry") and between a person and
    their organisation ("Mike Ryan of the World Health Organization") into (text, start)."""
    pieces, position = [], run.start
    for part in possessive_parts(run.text):
        offset = run.text.find(part, position - run.start)
        for person, at in split_conjoined(part, dictionary):
            for piece, inner in split_affiliation(person, dictionary):
                pieces.append((piece, run.start + offset + at + inner))
        position = run.start + offset + len(part)
    return pieces


def _strip_leading(text: str, start: int) -> tuple[str, int]:
    """Drop function words at either end: 'The Kremlin' → 'Kremlin', 'But Lukashenko'."""
    words = text.split(" ")
    while len(words) > 1 and (
        words[0].lower().strip(".,") in RUN_OPENERS
        or AGE_BEFORE_NAME.match(words[0])
        or COMPOUND_ADJECTIVE.match(words[0])
    ):
        start += len(words[0]) + 1
        words = words[1:]
    while len(words) > 1 and words[-1].lower().strip(".,") in POSTNOMINALS:
        words = words[:-1]  # "Kama Melly QC"
    # A sentence whose full stop is missing: "southern Africa But during" ends at "Africa".
    while len(words) > 1 and words[-1].lower().strip(".,") in _RUN_ON_WORDS:
        words = words[:-1]
    return " ".join(words), start


def _without_participle(text: str, start: int, dictionary: ActorDictionary) -> tuple[str, int]:
    """A sentence may open on a participle before a name: 'Echoing Panfilova's critique',
    'Citing Reuters'. An -ing word that is nobody's given name is not part of the name."""
    first, _, rest = text.partition(" ")
    if (
        rest
        and first.endswith("ing")
        and first.lower() not in dictionary.given_names
        and first.lower() not in PORTFOLIOS  # "Housing and Transport Minister X"
    ):
        return rest, start + len(first) + 1
    return text, start


def _names_an_event(words: list[str]) -> bool:
    """'Iran Hostage Crisis', 'World War Two', 'Super Tuesday' — but 'Great Orchestra of
    Christmas Charity' is a body: an organisation word outweighs an event word that is not
    the last."""
    if words[-1] in EVENT_WORDS or (len(words) > 1 and words[-1] in WEEKDAYS):
        return True
    return any(w in EVENT_WORDS for w in words) and not any(w in ORG_WORDS for w in words)


def _given_name_then_event_word(words: list[str], dictionary: ActorDictionary) -> bool:
    """'Doris Day', 'Singer Bill Nelson': a given name, then a surname that is an event's
    word — not 'Camp David Accords' (a plural) or a headline's 'Resolution Honoring Howard'."""
    return (
        len(words) >= 2
        and dictionary.is_given_name(words[-2])
        and not (words[-1] in EVENT_WORDS and words[-1].endswith("s"))
        and all(w in TITLE_WORDS for w in words[:-2])
    )


_LEAD_BREAK = re.compile(r"[.!?;:]\s")  # where the words before a name stop


def candidates(
    text: str,
    ctx: ArticleContext,
    pending: list[tuple[str, int]] | None = None,
    sentences: list[tuple[int, int]] | None = None,
    title_case: bool | None = None,
) -> list[Found]:
    """Each actor mention in `text`.

    A lone capitalised word not yet known as anyone's surname goes to `pending` as
    (word, start): the article may name the person in full further on."""
    if title_case is None:
        title_case = is_title_case(text)
    known_people = set(ctx.people.values())
    found = []
    for run in name_runs(text, sentences):
        for piece, start in _pieces(run, ctx.dictionary):
            if opens_title(piece, text[max(0, start - 5) : start]):
                continue  # "producer Who Gives a Crap": a title, not a name
            # "was The Atheist Muslim by Ali Rizvi": "The" in capitals inside a sentence opens
            # the title of a work or a body, never a person's name.
            titled = piece.startswith("The ") and not (run.sentence_initial and start == run.start)
            piece, start = _strip_leading(piece.rstrip("’'"), start)
            if run.sentence_initial and start == run.start:
                piece, start = _without_participle(piece, start, ctx.dictionary)
            bare = [w.lower().strip(".,’'") for w in piece.split()]
            if (
                not piece
                or all(w in NON_NAME_WORDS for w in bare)
                or (len(bare) == 1 and ctx.dictionary.is_demonym(piece))
                or (
                    _names_an_event(bare)
                    and not _given_name_then_event_word(bare, ctx.dictionary)
                    # "the Missouri Voter Access Project, a nonprofit that …" is a body
                    and not called_a_body(
                        text[max(0, start - 30) : start],
                        text[start + len(piece) : start + len(piece) + 60],
                    )
                )
            ):
                continue
            # The words before the run, within its sentence, may give a role ("chef").
            lead = _LEAD_BREAK.split(text[max(0, start - 40) : start])[-1]
            referent = resolve_run(piece, lead + piece, ctx)
            # "said Saenal, a 52-year-old corn farmer": one name, and what follows shows a
            # person — as many people are called in Indonesia, Myanmar or Brazil.
            one_name = (
                referent is not None
                and referent.actor_type is None
                and len(referent.name.split()) == 1
                and referent.name.isalpha()  # not "D-Pueblo", a party and a district
                and not referent.name.endswith("ing")  # not "Reacting, the chairman, …"
                and referent.name.lower() not in COMMON_WORDS
                and apposed_as_a_person(text, start + len(piece))
            )
            if one_name:
                referent = replace(referent, actor_type="person")
                ctx.people.setdefault(normalize_name(referent.name), referent.name)
            kind = referent.actor_type if referent else None
            if kind == "person" and not referent.role:
                # "The Tánaiste, Siobhán Ní Bhriain, said": a role set off before the name.
                apposed = role_apposed_before(text, start, start + len(piece))
                referent = replace(referent, role=apposed)
                if apposed:  # "The PPRO added": the title is known by its initials too
                    ctx.roles.setdefault(referent.name, apposed)
            if title_case and not (
                referent and (referent.name in known_people or ctx.dictionary.lookup(referent.name))
            ):
                # In a Title Case headline capitals prove nothing; known people still
                # count: "Top Putin Ally Threatens …" names Vladimir Putin.
                found.extend(_known_people_in(piece, start, ctx))
                continue
            if (
                kind == "person"
                and (
                    titled
                    or _BY_AUTHOR.match(text, start + len(piece))
                    or _a_nationality_qualifying(referent.name, text, start + len(piece), ctx)
                    or _QUALIFIER.match(text, start + len(piece))
                    or _NAMED_AFTER.match(text, start + len(piece))
                )
                and not ctx.dictionary.lookup(referent.name)
            ):
                # "Scripps Oceanography director Margaret Leinen": the employer; "the
                # Johan Sverdrup oil field": a place named after someone.
                continue
            unknown = kind == "person" and referent.name not in known_people
            if unknown and referent.name[:1].islower():
                continue  # "de Justicia": the tail of a body's name, not a person
            if kind == "person":
                if (
                    title_case
                    and referent.name not in known_people
                    and not ctx.dictionary.lookup(referent.name)
                ):
                    continue
                if (
                    len(referent.name.split()) < 2
                    and not referent.role
                    and referent.name not in known_people
                    and not addresses_a_person(piece)
                    and not one_name
                ):
                    kind = None  # one unknown capitalised word: not a person on its own
                    if pending is not None:
                        pending.append((piece, start))
                elif not (
                    referent.role
                    or addresses_a_person(piece)
                    or referent.name in known_people
                    or ctx.dictionary.lookup(referent.name)
                    or ctx.attested_person(referent.name)
                    or apposed_as_a_person(text, start + len(piece))
                ):
                    continue  # a capitalised pair nothing shows to be a person's name
                else:
                    ctx.remember_person(referent.name, referent.role)
            if kind != "organization":
                found.extend(_bodies_in_title(piece, start, ctx))
            if kind is None:
                if (
                    len(bare) <= 2
                    and not run.sentence_initial
                    and not title_case
                    and _PLACE_PREPOSITIONS.search(text[max(0, start - 24) : start])
                    and not _POSSESSIVE_NEXT.match(text, start + len(piece))
                    and not _AMOUNT_NEXT.match(text, start + len(piece))
                    and bare[0] not in TITLE_WORDS
                ):
                    found.append(Found(piece, piece, "place", None, start))
                continue
            if title_case and kind != "person" and not ctx.dictionary.lookup(referent.name):
                continue
            role = referent.role if kind == "person" else None
            if kind == "person":
                piece, start = _as_written(piece, start, role, ctx)
            found.append(Found(piece, referent.name, kind, as_title(role), start))
    # A body can be found twice, inside a title and on its own: keep one mention.
    unique = {(f.start, f.name, f.actor_type): f for f in found}
    return list(unique.values())


def _longest_known(words: list[str], longest: int, known):
    """Left to right, the longest runs of up to `longest` words that `known` recognises:
    yields (words as written, what `known` returned)."""
    i = 0
    while i < len(words):
        for j in range(min(len(words), i + longest), i, -1):
            found = known(" ".join(words[i:j]), j - i)
            if found:
                yield " ".join(words[i:j]), found
                i = j
                break
        else:
            i += 1


def _known_people_in(piece: str, start: int, ctx: ArticleContext):
    """People the dictionary or the article knows, named by one to three words of a run."""

    def person(name: str, length: int) -> str | None:
        entry = ctx.dictionary.lookup(name)
        if entry and entry.actor_type == "person":
            return entry.canonical_name
        return ctx.people.get(normalize_name(name)) if length > 1 else None

    for name, full in _longest_known(piece.split(), 3, person):
        yield Found(name, full, "person", None, start + piece.find(name))


def _as_written(piece: str, start: int, role: str | None, ctx: ArticleContext) -> tuple[str, int]:
    """A person's mention is their title and name as written, nothing before them:
    "RIP Carlos Fuentes" is a mention of "Carlos Fuentes", so its alias is the name."""
    _, name = split_title(piece, ctx.dictionary)
    keep_from = piece.find(role) if role and role in piece else piece.rfind(name) if name else 0
    keep_from = max(keep_from, 0)
    return piece[keep_from:], start + keep_from


def _bodies_in_title(piece: str, start: int, ctx: ArticleContext):
    """Known places and bodies inside a title: 'House of Commons Speaker John Bercow',
    'First Minister of Scotland Nicola Sturgeon', 'Labour MP'."""
    title, _ = split_title(piece, ctx.dictionary)

    def body(words: str, _length: int):
        entry = ctx.dictionary.lookup(words)
        return entry if entry and entry.actor_type in ("organization", "place") else None

    for words, entry in _longest_known(title.split(), 6, body):
        yield Found(words, entry.canonical_name, entry.actor_type, None, start + piece.find(words))


def extract_mentions(
    text: str,
    location: str,
    paragraph_index: int,
    offset: int,
    ctx: ArticleContext,
    pending: list[Mention] | None = None,
    sentences: list[tuple[int, int]] | None = None,
) -> list[Mention]:
    """Mentions in one block; lone words that may be surnames are added to `pending`
    (as mentions without a type) for `resolve_pending` once the whole article is read.
    Only a headline can be set in Title Case; `sentences` saves finding them again."""
    waiting: list[tuple[str, int]] = []
    title_case = is_title_case(text) if location == "headline" else False
    found = [
        Mention(f.text, f.name, f.actor_type, f.role, location, paragraph_index, offset + f.start)
        for f in candidates(text, ctx, waiting, sentences, title_case)
    ]
    if pending is not None:
        places = {m.char_start for m in found}
        pending.extend(
            Mention(word, word, "", None, location, paragraph_index, offset + start)
            for word, start in waiting
            if offset + start not in places
        )
    return found


def resolve_pending(pending: list[Mention], ctx: ArticleContext) -> list[Mention]:
    """Lone surnames whose full name the article gives elsewhere: 'Lappo' → Anatoly Lappo."""
    resolved = []
    for mention in pending:
        full = ctx.resolve_person_name(mention.mention_text)
        if full != mention.mention_text and full in ctx.people.values():
            mention.name, mention.actor_type = full, "person"
            resolved.append(mention)
    return resolved
