"""Who a phrase refers to: person names, titles and roles, organisations, pronouns.

`ArticleContext` remembers, while an article is read top to bottom, the full names seen
(so `Lappo` and `Mr Lappo` resolve to `Anatoly Lappo`) and the last speakers (so `he
added` resolves to the last person quoted).
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field
from functools import lru_cache

from factcheck.extract.lexicon import (
    AGE_BEFORE_NAME,
    CLAUSE_WORDS,
    COMMON_WORDS,
    COMPASS_WORDS,
    COMPOUND_ADJECTIVE,
    CUE_VERBS,
    DOCUMENT_NOUNS,
    FAMILY_WORDS,
    FEMALE_WORDS,
    HONORIFICS,
    MALE_WORDS,
    MONTHS,
    NAME_PARTICLES,
    NON_NAME_WORDS,
    ORG_WORDS,
    PLACE_WORDS,
    POSTNOMINALS,
    PRONOUNS_GROUP,
    PRONOUNS_PERSON,
    RUN_OPENERS,
    SURNAME_PARTICLES,
    TIME_WORDS,
    TITLE_WORDS,
    WEEKDAYS,
    ActorDictionary,
    DictionaryEntry,
    normalize_name,
)
from factcheck.extract.text import (
    ARTICLE_PARTICLE,
    NAME_RUN,
    PATRONYMIC_PARTICLES,
    possessive_parts,
)

# The rules that read only a run's words (and the dictionary, hashed by identity) are
# remembered: the same runs recur across an archive's articles ("President Joe Biden").
_remembered = lru_cache(maxsize=1 << 16)

# Word sets the rules below ask about together (built once, not on every question).
_BODY_OR_TITLE_WORDS = ORG_WORDS | PLACE_WORDS | TITLE_WORDS
_DATE_WORDS = TIME_WORDS | MONTHS


@dataclass(frozen=True)
class Referent:
    """What a phrase names: a canonical name in this article, its type and a role seen."""

    name: str
    actor_type: str | None  # person | organization | place | None (unnamed: "officials")
    role: str | None = None
    as_written: str = ""
    withheld: bool = False  # described, but not to be named: "sources close to Mrs Stroud"


@dataclass
class Attribution:
    """Who a claim is attributed to, by which verb, and the outlet it was given to."""

    speaker: Referent | None
    cue: str
    source: str | None = None


def _tokens(text: str) -> list[str]:
    return text.replace("’", "'").split()


def _bare(token: str) -> str:
    return token.strip(".,;:'\"“”‘’()").lower()


# "el-Sisi" and "d'Estaing" are capitalised.
_ARTICLE_PARTICLE = re.compile(rf"^(?:{ARTICLE_PARTICLE}|d[’'])(?=\w)")


def is_capitalised(token: str) -> bool:
    token = _ARTICLE_PARTICLE.sub("", token.strip("“”\"‘’'("))
    return bool(token) and token[0].isupper()


_POSSESSIVE_END = re.compile(r"(’s|'s|’|')$")
_POSSESSIVE_AFTER = re.compile(r"^(?:’s|'s|’|')\s")
_ACRONYM = re.compile(r"[A-Z]{2,6}")
_LEADING_CONJUNCTION = re.compile(r"^(and|but|so|then|as)\s+", re.I)
_LEADING_THE = re.compile(r"^the\s+", re.I)


def strip_possessive(text: str) -> str:
    return _POSSESSIVE_END.sub("", text.strip())


_TEMPORAL_TITLES = {"former", "acting", "interim", "then", "incumbent", "ex"}
# Organisation words that name one body even alone ("Parliament voted").
_NAMED_BODIES = {"parliament", "congress", "senate", "kremlin", "pentagon", "nasa", "duma", "rada"}


@_remembered
def classify_run(run: str, dictionary: ActorDictionary) -> str | None:
    """Type a capitalised run by its words: organisation, place, person, or None."""
    entry = dictionary.lookup(run)
    if entry:
        return entry.actor_type
    words = [_bare(t) for t in _tokens(run)]
    if not words:
        return None
    if len(words) == 1 and words[0] in ORG_WORDS and words[0] not in _NAMED_BODIES:
        return None  # "Police", "Government", "Federal": a kind of body, not one body
    if any(w in ORG_WORDS or w.split("-")[0] in ORG_WORDS for w in words):
        return "organization"  # … and a campus: "Texas State University-San Marcos"
    if _named_with_a_place(run, words, dictionary):
        return "organization"
    if words[-1] in PLACE_WORDS and len(words) > 1:
        return "place"
    if words[0] in COMPASS_WORDS and len(words) > 1 and words[1] not in COMMON_WORDS:
        return "place"  # "Southern Rhodesia", "East Timor"
    if words[0] in _PLACE_WORDS_FIRST and len(words) > 1 and not dictionary.is_demonym(run):
        return "place"  # "Puerta del Sol", "Plaza de Mayo", "Rua Augusta"
    if len(words) == 1 and _ACRONYM.fullmatch(run.strip(".")) and words[0] not in TITLE_WORDS:
        return "organization"  # an acronym: NATO, SBU, FSB (not MP, CEO)
    if len(words) == 1 and _BODY_COMPOUND.fullmatch(words[0]):
        return "organization"  # "Riksbank", "Bundesbank", "Bundestag", "Landgericht"
    return None


# One word that joins a name to a kind of body, as German and Scandinavian names do.
_BODY_COMPOUND = re.compile(
    r"(?!(?:north|south|east|west|river|hash))[a-zäöüåø]{4,}(?:bank|banken|tag|gericht)"
)


# Place words that open a place's name in Spanish, Portuguese, Italian and French.
_PLACE_WORDS_FIRST = {"plaza", "puerta", "calle", "avenida", "paseo", "parque", "playa",
                      "puerto", "praça", "praca", "rua", "largo", "piazza", "rue"}  # fmt: skip
# What a public body or a sport's governing body named after its country looks after.
_AGENCY_DOMAINS = {
    "health", "transport", "sport", "statistics", "parks", "tourism", "environment",
    "housing", "education", "justice", "revenue", "heritage", "fisheries", "agriculture",
    "employment", "skills", "immigration", "infrastructure", "water", "energy", "trade",
    "culture", "arts", "historic", "rugby", "football", "cricket", "netball", "hockey",
    "athletics", "cycling", "rowing", "swimming", "tennis", "golf", "basketball", "sailing",
}  # fmt: skip


# Newspapers named after their city: "Baltimore Sun", "Toronto Star", "Boston Globe".
_PAPER_TITLES = {"sun", "star", "globe", "mail", "mirror", "express", "record", "observer",
                 "review", "standard", "independent", "telegraph", "register"}  # fmt: skip


def _named_with_a_place(run: str, words: list[str], dictionary: ActorDictionary) -> bool:
    """A body named by what it looks after, then its country or city ("Health New Zealand",
    "Transport Canada"), or a city's newspaper ("Baltimore Sun", "Toronto Star")."""
    if len(words) < 2:
        return False
    rests = []
    if words[0] in _AGENCY_DOMAINS:
        rests.append(run.split(None, 1)[1])
    if words[-1] in _PAPER_TITLES:
        rests.append(run.rsplit(None, 1)[0])
    places = (dictionary.lookup(rest) for rest in rests)
    return any(place is not None and place.actor_type == "place" for place in places)


@_remembered
def split_title(run: str, dictionary: ActorDictionary) -> tuple[str, str]:
    """Split 'Belarusian Defense Minister Viktor Khrenin' into (title, name).

    The name is the trailing run of capitalised tokens after the last title word; honorifics
    are dropped from the name (Sir Anthony Greener → Anthony Greener). A place or body
    between title and name belongs to the title: 'Mayor of Koszalin Piotr Jedlinski',
    'Zimbabwe Robert Mugabe', 'Amnesty International Man-kei Tam'.
    """
    tokens = _QUOTED.sub(" ", run).split()  # 'Perceval "Perry" Christie': no nickname
    last_title = -1
    for i, token in enumerate(tokens):
        bare = _bare(token)
        # A particle opens a surname ("Mayor de Blasio", "Ursula von der Leyen") when a
        # name follows it, not a body ("Minister de la Défense" is rare in English text).
        particle = (
            bare in NAME_PARTICLES
            and i + 1 < len(tokens)
            and is_capitalised(tokens[-1])
            and _bare(tokens[-1]) not in _BODY_OR_TITLE_WORDS
        )
        if (
            not particle
            and bare not in PATRONYMIC_PARTICLES
            and (
                bare in TITLE_WORDS
                or (bare.endswith("s") and bare[:-1] in TITLE_WORDS)  # "Officers Anna Kowal and …"
                or ("-" in bare and bare.split("-")[0] in TITLE_WORDS)  # "President-elect Harris"
                or (dictionary.is_demonym(token) and not _demonym_in_a_name(tokens, i, dictionary))
                or ("-" in token and all(dictionary.is_demonym(w) for w in token.split("-")))
                or bare in ORG_WORDS
                or not is_capitalised(token)
            )
        ):
            last_title = i
    name_tokens = tokens[last_title + 1 :]
    if not name_tokens and last_title >= 1 and is_capitalised(tokens[last_title]):
        # "Former prime minister John Major", "Corporator Shabana Parveen Sheikh": a surname
        # that is also a title word, after one or two names — a given name, or names after
        # a title.
        start = last_title
        while (
            last_title - start < 2
            and start >= 1
            and _could_open_a_name(tokens[start - 1], dictionary)
        ):
            start -= 1
        names = [_bare(t) for t in tokens[start:last_title]]
        titled = start >= 1 and _bare(tokens[start - 1]) in TITLE_WORDS
        if names and (titled or any(n in dictionary.given_names for n in names)):
            last_title, name_tokens = start - 1, tokens[start:]
    if (
        len(name_tokens) == 1
        and last_title >= 1
        and _bare(tokens[last_title]) in dictionary.given_names
        and _bare(tokens[last_title - 1]) in TITLE_WORDS
    ):
        # "Acting Superintendent Dean Kovacs": a given name that is also a title word.
        last_title -= 1
        name_tokens = tokens[last_title + 1 :]
    if len(tokens) == 2 and last_title == 0 and _bare(tokens[0]) in dictionary.given_names:
        # "Dean Harlow said": alone before a surname, such a word is the given name (a dean
        # is written with a full name, "Dean Maria Lopez").
        last_title, name_tokens = -1, tokens
    if (
        len(name_tokens) >= 4
        and _ACRONYM.fullmatch(name_tokens[1])
        and _bare(name_tokens[2]) in dictionary.given_names
        and _bare(name_tokens[0]) in COMMON_WORDS
    ):
        # "Finance CEC Lucy Nyambura": a portfolio and an office's initials.
        last_title += 1
        name_tokens = name_tokens[1:]
    if (
        len(name_tokens) >= 3
        and _bare(name_tokens[1]) in dictionary.given_names
        and _bare(name_tokens[0]) not in dictionary.given_names
        and _bare(name_tokens[0]) not in NAME_PARTICLES | _SAINT
        and (
            _bare(name_tokens[0]) in COMMON_WORDS
            or OCCUPATION.search(_bare(name_tokens[0]))
            or _ACRONYM.fullmatch(name_tokens[0])  # "CEC Lucy Nyambura", "MCA Grace Wanjiku"
        )
    ):
        # "Podcaster Spike Cohen", "Represenative Adam Schiff": a word before a given name
        # and a surname is a title the word lists do not know.
        last_title += 1
        name_tokens = name_tokens[1:]
    # "Minister for Manpower Tan Wei Ling", "Undersecretary for Environment and Ecology X".
    last_word = _bare(tokens[last_title]) if last_title >= 0 else ""
    after_and = last_word == "and" and any(_bare(t) in ("of", "for") for t in tokens[:last_title])
    after_of = last_word in ("of", "for", "on") or after_and  # "Spokesman on Housing X"
    skip = _complement_length(name_tokens, dictionary, after_of, to_a_given_name=after_and)
    last_title += skip
    name_tokens = name_tokens[skip:]
    while name_tokens and _bare(name_tokens[0]) in HONORIFICS:
        name_tokens = name_tokens[1:]
    title = " ".join(tokens[: last_title + 1])
    return " ".join(_without_honorifics(title.split(), HONORIFICS)), " ".join(name_tokens)


def _without_honorifics(words: list[str], honorifics: set[str]) -> list[str]:
    """A title's words without honorifics, except where one is part of an office: "Former
    First Lady", "First Lord of the Admiralty"."""
    return [
        w
        for i, w in enumerate(words)
        if _bare(w) not in honorifics or (i and _bare(words[i - 1]) == "first")
    ]


def _could_open_a_name(token: str, dictionary: ActorDictionary) -> bool:
    """A capitalised word that may be a given or middle name: no title, no body's word, no
    ordinary word unless it is a given name too ("Will", "Mark")."""
    bare = _bare(token)
    return (
        is_capitalised(token)
        and bare not in TITLE_WORDS
        and bare not in ORG_WORDS
        and (bare in dictionary.given_names or bare not in COMMON_WORDS)
        and not dictionary.is_demonym(token)
    )


def _romanised_given_name(word: str) -> bool:
    """A Cantonese or Korean given name of two syllables joined by a hyphen ("Kwok-keung",
    "Neung-hee"): short syllables, not English words ("War-era", "Vegas-style")."""
    if not _HYPHENATED_GIVEN.match(word):
        return False
    first, second = word.lower().split("-")
    return len(first) <= 6 and len(second) <= 6 and second not in COMMON_WORDS


# An honorific before a name: "Ms Sirinya" for Sirinya Boonprasert (Thai and some other
# names are written with an honorific before the given name, which attests it as one).
_HONORIFIC_BEFORE = re.compile(r"\b(?:Mr|Ms|Mrs|Miss|Dr|Khun)\.?\s+")


def _addressed_by_given_name(given: str, after_honorifics: list[str]) -> bool:
    """Is `given` a whole word at the start of what follows an honorific somewhere?"""
    return any(
        after.startswith(given) and not _is_word_char(after[len(given) : len(given) + 1])
        for after in after_honorifics
    )


def _is_word_char(ch: str) -> bool:
    return bool(ch) and (ch.isalnum() or ch == "_")


def _with_a_middle_initial(tokens: list[str]) -> bool:
    """Three words, the middle one an initial: how people's names are written ("Harry S.
    Truman"), not bodies' (nor "U.S. Steel", two letters)."""
    return (
        len(tokens) == 3
        and _INITIAL_LETTER.fullmatch(tokens[1]) is not None
        and tokens[1].endswith(".")
        and _bare(tokens[0]) not in COMMON_WORDS
        and _bare(tokens[2]) not in COMMON_WORDS
    )


def _demonym_in_a_name(tokens: list[str], i: int, dictionary: ActorDictionary) -> bool:
    """A demonym that ends a run after a given name is a surname ("Tom Finn", "Kevin Scott",
    "Mary French"; but "Prime Minister Finn" stays a title's complement), and one before a
    middle initial is a given name ("Finn E. Kydland")."""
    if i + 1 < len(tokens) and _INITIAL_LETTER.fullmatch(tokens[i + 1]):
        return True
    return i == len(tokens) - 1 and i > 0 and _bare(tokens[i - 1]) in dictionary.given_names


# How words for occupations end: "Podcaster", "Represenative", "Columnist" (long words:
# "Mian" in "Minister Mian Faisal Wattoo" is part of his name).
OCCUPATION = re.compile(r"\w{4}(?:er|or|ist|ian|ant|ent|ive)$")


# A saint's name in a place's ("MP for St Andrew Southern"): not a given name of a person.
_SAINT = {"st", "saint", "ste", "sainte"}
# Words that end the name of a constituency or district after its town ("Clarendon North
# Central", "Manchester Withington" has none), never a person's name on their own.
_CONSTITUENCY_ENDS = {"north", "south", "east", "west", "central", "northern", "southern",
                      "eastern", "western", "north-east", "north-west", "south-east",
                      "south-west", "rural", "urban", "inner", "outer", "upper", "lower",
                      "mid"}  # fmt: skip


def _plain_word(token: str) -> bool:
    """A word of a title's complement rather than of a name: an ordinary word, a
    constituency's ("North Central") or an abstract noun ("of Public Prosecutions")."""
    bare = _bare(token)
    return bare in COMMON_WORDS or bare in _CONSTITUENCY_ENDS or bool(_ABSTRACT_NOUN.search(bare))


def _past_constituency_ends(tokens: list[str], k: int) -> int:
    """The end of a place's name that may go on with the words of a constituency."""
    while k < len(tokens) and _bare(tokens[k]) in _CONSTITUENCY_ENDS:
        k += 1
    return k


def _complement_length(
    tokens: list[str], dictionary: ActorDictionary, after_of: bool, to_a_given_name: bool = False
) -> int:
    """Leading tokens that name a place or body rather than the person after them; with
    `to_a_given_name`, only a complement that runs to a known given name."""
    for k in range(len(tokens) - 2, 0, -1):  # the longest known prefix leaving a full name
        entry = dictionary.lookup(" ".join(tokens[:k]))
        if entry and entry.actor_type in ("place", "organization"):
            return _past_constituency_ends(tokens, k)  # "for Bristol West Thangam Debbonaire"
    if after_of and len(tokens) >= 3 and looks_like_name(" ".join(tokens[1:])):
        # "Mayor of Koszalin Piotr Jedlinski", "Minister for Manpower Tan Wei Ling": the
        # title's complement, then the name; the complement runs to a given name
        # ("Secretary of Veterans Affairs Anthony Principi").
        given = (
            k
            for k in range(1, len(tokens) - 1)
            if _bare(tokens[k]) in dictionary.given_names and _bare(tokens[k - 1]) not in _SAINT
        )

        # No given name known: the complement's ordinary words ("for Economic Development").
        common = (k for k in range(1, len(tokens) - 1) if not _plain_word(tokens[k]))
        k = next(given, None) or (0 if to_a_given_name else next(common, 1))
        if k == 0:
            return 0
        if _bare(tokens[k - 1]) in _SAINT:
            k += 1  # "for St Andrew Southern": the saint's name is the place's
        elif (
            k > 1
            and not _plain_word(tokens[k - 1])
            and _bare(tokens[k - 2]) not in _SAINT  # "Bishop of St Albans John Smith"
        ):
            k -= 1  # a family name before the given name: "for Manpower Tan Wei Ling"
        if _past_constituency_ends(tokens, k) == len(tokens):
            return len(tokens)  # "MP for Clarendon North Central": a constituency, no name
        rest = tokens[k:]  # a body or a place after the complement: no name follows the title
        entry = dictionary.lookup(rest[0])
        if any(_bare(t) in ORG_WORDS or _bare(t) in PLACE_WORDS for t in rest) or (
            entry and entry.actor_type != "person"
        ):
            return 0
        return k
    return 0


_CAMEL = re.compile(r"[a-z][A-Z]")
_CAMEL_NAME = re.compile(r"^(?:Mc|Mac|De|Di|Da|Du|La|Le|Van|Von|Fitz|St|O')[A-Z]")


# Adverbs that end a capitalised run but never a person's name.
_NEVER_A_SURNAME = {"again", "too", "also", "yet", "now", "then", "instead", "today", "tonight",
                    "tomorrow", "yesterday", "here", "there", "already", "once",
                    "catholic", "orthodox", "protestant",
                    "poll", "survey", "report", "study", "statement"}  # fmt: skip  # "Gallup Poll"


# Offices that end a run but are nobody's surname (unlike "Bishop", "Judge" or "Dean").
_OFFICES_NO_SURNAME = {
    "commissioner", "senator", "minister", "secretary", "governor", "president", "treasurer",
    "director", "chairman", "chairwoman", "chairperson", "councillor", "councilor",
    "councilman", "councilwoman", "spokesman", "spokeswoman", "spokesperson", "ambassador",
    "superintendent", "administrator", "comptroller", "auditor", "registrar", "congressman",
    "congresswoman", "legislator", "lawmaker",
}  # fmt: skip


# Words that, in the plural, name a people: "Alaska Natives", "Pacific Islanders".
_PEOPLE_WORDS = {"native", "islander", "aborigine", "indigene", "tribe", "clan"}


def _a_people(words: list[str], dictionary: ActorDictionary) -> bool:
    """Does a run end on a people in the plural ("Alaska Natives", "Kenyan Americans")?"""
    last = words[-1] if len(words) >= 2 else ""
    singular = last.removesuffix("s")
    return (
        last.endswith("s")
        and len(singular) > 3
        and (singular in _PEOPLE_WORDS or dictionary.is_demonym(singular.capitalize()))
    )


# Words that make a name a thing named after someone, or a body's campus: "Edward Byrne
# Memorial Grant", "Texas State University-San Marcos".
_NAMED_AFTER_SOMEONE = {"memorial", "award", "awards", "prize", "scholarship", "fellowship",
                        "trophy", "medal", "lecture", "foundation", "stadium", "highway",
                        "airport", "library", "institute", "university", "college",
                        "hospital"}  # fmt: skip
# Words that open a phrase, never a person's name: "Chair In Global Islamic Politics".
_NEVER_A_GIVEN_NAME = {"in", "on", "at", "of", "for", "from", "to", "with", "by", "into",
                       "under", "over", "about", "without", "within"}  # fmt: skip


@_remembered
def looks_like_name(name: str) -> bool:
    """Could this be a person's name? Not an acronym ("Past EVD"), not "I", not made of
    ordinary words only ("Health Care", "Rest In Peace", "Witch Hunt"), and not a name with
    things after it ("Joseph Volunteer Fire Dept")."""
    if "I" in name.split():
        return False  # the pronoun; "Wayne A. I. Frederick" has an initial
    tokens = [t.strip(".,;:()") for t in name.split()]
    tokens = [t for t in tokens if t]
    if not tokens or (len(tokens) >= 3 and all(len(t) == 1 for t in tokens)):
        return False  # a word set letter by letter: "M E M O R A N D U M"
    for token in tokens:
        if len(token) > 1 and token.isupper() and token not in ("II", "III"):
            return False
        if _CAMEL.search(token) and not _CAMEL_NAME.match(token):
            return False  # "HuffPost", "YouTube": a brand, not a person's name
    words = [
        t.lower().replace("’", "'")
        for t in tokens
        if t.lower() not in NAME_PARTICLES and len(t) > 1  # initials are no words
    ]
    if words and words[0] in _NEVER_A_GIVEN_NAME:
        return False  # "In Global Islamic Politics": a phrase, after "Chair"
    if len(words) >= 2 and words[-1] in _NEVER_A_SURNAME:
        return False  # "Make the World Greta Again": a slogan's words
    if any(w.split("-")[0] in _NAMED_AFTER_SOMEONE for w in words[1:]) or (
        words and "-" in words[0] and words[0].split("-")[0] in _NAMED_AFTER_SOMEONE
    ):
        return False  # "Edward Byrne Memorial Grant", "University-San Marcos": things
    if len(words) >= 2 and words[-1] in _OFFICES_NO_SURNAME:
        return False  # "Park County Commissioner": an office, its holder unnamed
    ordinary = [w in COMMON_WORDS or w in NON_NAME_WORDS for w in words]
    # One ordinary word may be a surname ("Amy Friend"); two after a first name make a
    # place or a thing named after someone ("Harry S. Truman Farm Home").
    return not (len(words) >= 2 and all(ordinary)) and sum(ordinary[1:]) < 2


def split_affiliation(run: str, dictionary: ActorDictionary) -> list[tuple[str, int]]:
    """'Jennifer Lu of Marriage Equality Coalition Taiwan' → the person and the body, as
    (text, offset in run). A run is split only when what precedes 'of' ends in a personal
    name (two or three name-like words, titles allowed before them); a body nothing types
    is left out, unless the person's name could be a title's words ('Maria Full of Grace')."""
    match = _OF.search(run)
    if not match:
        return [(run, 0)]
    left = split_title(run[: match.start()], dictionary)[1].split()
    demonym = bool(left) and dictionary.is_demonym(left[0]) and not _with_a_middle_initial(left)
    if not _personal_name(left) or demonym or dictionary.lookup(run):
        return [(run, 0)]
    body = run[match.end() :]
    # "of the Holy See", "of the PML-N": a body's name or initials after "the".
    institution = " the " in match.group() and (
        len(body.split()) >= 2 or bool(_INITIALS.fullmatch(body))
    )
    if not institution and classify_run(body, dictionary) not in ("organization", "place"):
        if dictionary.is_given_name(left[0]) and _bare(left[-1]) not in COMMON_WORDS:
            return [(run[: match.start()], 0)]  # "Mike McCready of Pearl Jam": a band's name
        return [(run, 0)]  # "Maria Full of Grace" is a film, not Maria Full of a body
    return [(run[: match.start()], 0), (body, match.end())]


_OF = re.compile(r"\s+of(?:\s+the)?\s+")
_INITIALS = re.compile(r"[A-Z][A-Z&]+(?:-[A-Z]+)?")  # "ANC", "PML-N", "AT&T"
_AND = re.compile(r"\s+and\s+")


def _personal_name(words: list[str], strict: bool = True) -> bool:
    """Two to four capitalised name-like words ("Malik Zulfiqar Ahmed Bhidwal"); `strict`:
    the first not an ordinary word (first names such as Bill or Grace are, so a lone list of
    names is read less strictly)."""
    words = [w for w in words if _bare(w) not in NAME_PARTICLES]
    ordinary = [_bare(w) in COMMON_WORDS for w in words]
    return (
        2 <= len(words) <= 4
        and all(is_capitalised(w) for w in words)
        and not any(_bare(w) in _BODY_OR_TITLE_WORDS for w in words)
        and not (strict and ordinary[0])
        and sum(ordinary) <= 1
        and looks_like_name(" ".join(words))
    )


_OF_A_PLACE = re.compile(r"\s+of\s+(?P<place>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)?)$")


def split_conjoined(run: str, dictionary: ActorDictionary) -> list[tuple[str, int]]:
    """'Antoine Quirin and Nicolas Redouane', 'Reuters and NBC', 'Guyana and Cuba' → each
    actor, as (text, offset in run). 'Bosnia and Herzegovina' is one entry and stays one."""
    if dictionary.lookup(run):
        return [(run, 0)]
    match = _AND.search(run)
    if not match:
        return _two_names_run_together(run, dictionary)
    left_text, right_text = run[: match.start()], run[match.end() :]
    if _shares_a_title(left_text, right_text, dictionary):
        return [(run, 0)]
    # Each side without its title: "German Chancellor Angela Merkel and British Prime
    # Minister Boris Johnson" joins two people.
    # "Senator Elizabeth Warren of Massachusetts and Michael Bloomberg": the left side's
    # name is what comes before its place.
    of_place = _OF_A_PLACE.search(left_text)
    place = dictionary.lookup(of_place.group("place")) if of_place else None
    left_name = (
        left_text[: of_place.start()] if place and place.actor_type == "place" else left_text
    )
    left = split_title(left_name, dictionary)[1].split() or left_name.split()
    right = split_title(right_text, dictionary)[1].split() or right_text.split()
    people = (_personal_name(left, strict=False) or _lone_name(left, dictionary)) and (
        _personal_name(right[:3], strict=False) or _lone_name(right, dictionary)
    )
    if people and len(right_text.split()) == 1 and not dictionary.lookup(right_text):
        # "Institute of Geography and Statistics": one body's field, not two people.
        people = classify_run(left_text, dictionary) != "organization"
    known = dictionary.lookup(left_text) and dictionary.lookup(right_text)
    # "Amu Darya and Syr Darya", "Greens Bayou and Hunting Bayou": two places named as such.
    places = all(_bare(side.split()[-1]) in PLACE_WORDS for side in (left_text, right_text))
    if people or known or places or _body_and_person(left_text, right_text, dictionary):
        return [(left_text, 0), (right_text, match.end())]
    return [(run, 0)]


def _two_names_run_together(run: str, dictionary: ActorDictionary) -> list[tuple[str, int]]:
    """'Byron Dorgan Richard Durbin': two people whose separator a list lost — a given name
    and a surname twice (not 'Mary Anne Smith Jones', whose second word is a given name)."""
    words = run.split()
    given = [_bare(w) in dictionary.given_names for w in words]
    if len(words) == 4 and given == [True, False, True, False]:
        second = run.index(words[2], len(words[0]) + len(words[1]) + 1)
        return [(run[: second - 1], 0), (run[second:], second)]
    return [(run, 0)]


def _shares_a_title(left: str, right: str, dictionary: ActorDictionary) -> bool:
    """ "Lands and Planning Minister Matthew Grech Sant", "Health and Social Care Secretary
    X": the words before `and` are a first portfolio of the one title that follows."""
    words = left.split()
    return (
        len(words) <= 2
        and words[0].lower() in PORTFOLIOS
        and bool(split_title(right, dictionary)[0])
    )


def _body_and_person(left: str, right: str, dictionary: ActorDictionary) -> bool:
    """ "Arizona State University and Finn E. Kydland": a body its words name, then a person
    written with a middle initial."""
    named = right.split()[:3]
    return (
        _with_a_middle_initial(named)
        and _personal_name(named)
        and classify_run(left, dictionary) == "organization"
    )


def _lone_name(words: list[str], dictionary: ActorDictionary) -> bool:
    """One capitalised word that can only be a name: "Cantwell and Baird", "Trump and
    Bolton" (not an ordinary word, a body, a place or a title)."""
    if len(words) != 1 or not is_capitalised(words[0]):
        return False
    bare = _bare(words[0])
    entry = dictionary.lookup(words[0])
    return (entry is not None and entry.actor_type == "person") or (
        bare not in COMMON_WORDS
        and bare not in _BODY_OR_TITLE_WORDS | NON_NAME_WORDS
        and not _ABSTRACT_NOUN.search(bare)  # "Corrections and Rehabilitation"
        and entry is None
        and not dictionary.is_demonym(words[0])
    )


# Endings of abstract nouns, which no surname has.
_ABSTRACT_NOUN = re.compile(r"(?:tion|tions|ment|ments|ness|ity|ism)$")


def strip_title_of(run: str) -> str:
    """'President of the European Council' → 'European Council', 'Medical Director of the
    State Hospital' → 'State Hospital': the body a title is of (an office ends on a title
    word)."""
    match = _OF.search(run)
    office = run[: match.start()].split() if match else []
    if office and (
        all(_bare(w) in TITLE_WORDS or _bare(w).rstrip("s") in TITLE_WORDS for w in office)
        or (len(office) <= 4 and _bare(office[-1]) in _OFFICE_HEADS)
    ):
        return run[match.end() :]
    return run


# Titles that head an office named in capitals before the body it is of: "Public Relations
# Officer of …", "Medical Director of …" (not "Bank of England", "Republic of Ireland").
_OFFICE_HEADS = {"officer", "director", "secretary", "commissioner", "chairman",
                 "chairwoman", "chairperson", "adviser", "advisor", "spokesman",
                 "spokeswoman", "spokesperson", "president", "head", "chief", "manager",
                 "superintendent", "inspector", "administrator", "coordinator"}  # fmt: skip


_INTRODUCED_ACRONYM = re.compile(r"[A-Z][\w’'\-]*\s*\(([A-Z][\w.&\-]{0,12})\)")


# A run of capitalised words, with the small words names hold: "Rapid Support Forces",
# "Bank of England", "Commission for the Investigation of Abuse of Authority".
_CAPITALISED_RUN = re.compile(
    r"[A-Z][a-z][\w’'\-]*(?:\s+(?:(?:of|for|and|the)\s+)*[A-Z][a-z][\w’'\-]*)+"
)


@lru_cache(maxsize=256)
def _acronyms_spelled_out(text: str) -> frozenset[str]:
    """Acronyms an article introduces after their full name, "… (NIAID)", or whose full name
    it writes somewhere, as readers take "the RSF" after "the Rapid Support Forces": the
    initials of a body's name, or of its last three words or more ("The paramilitary Rapid
    Support Forces" gives RSF)."""
    initials = set()
    for run in _CAPITALISED_RUN.findall(text):
        if _bare(run.split()[-1]) not in ORG_WORDS:
            continue  # a body's name ends on what it is: "Forces", "Commission", "Party"
        letters = [w[0] for w in run.split() if w[:1].isupper()]
        initials.update("".join(letters[k:]) for k in range(len(letters) - 2))
    return frozenset(_INTRODUCED_ACRONYM.findall(text)) | initials


def _spelled_out(acronym: str, text: str) -> bool:
    """Does the article introduce the acronym? An empty text (a phrase read without its
    article) gives the benefit of the doubt."""
    return not text or acronym in _acronyms_spelled_out(text)


def _office(title: str) -> str:
    """A title's office, without the body it is of ("Police Public Relations Officer of the
    Ogun State Police Command" → "Police Public Relations Officer")."""
    return _OF_A_BODY.split(title, maxsplit=1)[0]


_OF_A_BODY = re.compile(r"\s+(?:of|for|to|at|in)\s+")


def _initials_of(title: str | None) -> str | None:
    """The lower-case initials of a title's office ("Police Public Relations Officer of the
    …" → "ppro"), when there are two or more."""
    letters = "".join(w[0] for w in _office(title or "").split() if w[:1].isupper())
    return letters.lower() if len(letters) >= 2 else None


@dataclass(frozen=True, order=True)
class TrailEntry:
    """An actor named outside quotation marks, where the reader met it."""

    at: tuple[int, int]  # (block number, offset in the block): reading order
    name: str
    actor_type: str
    sentence: tuple[int, int] = (0, 0)  # (block number, sentence start)
    subject: bool = False  # the subject of its sentence: who the passage is about
    agent: bool = False  # a passive's agent ("pardoned by Trump"): not who the sentence is about


# Abbreviated titles and the words a reader uses for them later ("the senator").
_ROLE_SYNONYMS = {
    "sen": {"senator", "lawmaker", "legislator"},
    "senator": {"sen", "lawmaker", "legislator"},
    "rep": {"representative", "congressman", "congresswoman", "lawmaker", "legislator"},
    "representative": {"rep", "congressman", "congresswoman", "lawmaker", "legislator"},
    "congressman": {"rep", "representative", "lawmaker", "legislator"},
    "congresswoman": {"rep", "representative", "lawmaker", "legislator"},
    "mp": {"lawmaker", "legislator"},
    "gov": {"governor"},
    "governor": {"gov"},
    "pres": {"president"},
    "gen": {"general"},
    "justice": {"judge"},  # "Mrs Justice Harriet Colvin … the judge said"
    "magistrate": {"judge"},
    "prof": {"professor"},
    "dr": {"doctor"},
    "atty": {"attorney"},
    "chairman": {"chair"},
    "chairwoman": {"chair"},
    "spokesman": {"spokesperson"},
    "spokeswoman": {"spokesperson"},
    "secretary": {"minister"},  # "Foreign Secretary Ebrard … the foreign minister said"
    "minister": {"secretary"},
    "premier": {"prime", "minister"},
    "chancellor": {"leader"},
    "president": {"leader"},
    "prime": {"leader"},
}
# Words of a description that do not pick out its actor: "the former senator".
_DESCRIPTIVE = {"former", "then", "current", "top", "senior", "veteran", "longtime", "new", "of"}


def _other_portfolio(role_words: set[str], described: set[str]) -> bool:
    """Do a holder's title and a description name different portfolios? "the local health
    minister" is not "Civil Aviation Minister Hardeep Singh Puri"; "the Democratic governor"
    and "the Dublin South Central TD" may well be the one the article named."""
    role_words, described = role_words & PORTFOLIOS, described & PORTFOLIOS
    return bool(role_words and described and not role_words & described)


# What an office is in charge of: "health minister", "Minister of Civil Aviation".
PORTFOLIOS = {
    "health", "education", "finance", "foreign", "defence", "defense", "interior", "home",
    "justice", "transport", "transportation", "aviation", "agriculture", "energy",
    "environment", "labour", "labor", "trade", "commerce", "industry", "housing", "tourism",
    "culture", "sport", "sports", "communications", "information", "water", "mines", "mining",
    "petroleum", "oil", "fisheries", "forestry", "science", "technology", "treasury", "budget",
    "immigration", "security", "infrastructure", "works", "women", "youth", "welfare",
    "planning", "economy", "economic", "veterans", "children", "family", "employment",
    "climate", "digital", "disaster", "police", "railways", "roads", "lands", "power",
}  # fmt: skip
# Words that make a title another office: a vice president is not "the president".
_OTHER_OFFICE = {"vice", "deputy", "former", "ex", "assistant", "associate", "under"}
# Nouns any body may be called by: "the agency", "the group" is the body that spoke last.
_GENERIC_BODIES = {"agency", "group", "organisation", "organization", "body"}
# Kinds of body that, failing one named by that word, are the body that spoke last.
_SPOKEN_FOR_BODIES = {"company", "firm", "regulator", "watchdog", "retailer", "platform",
                      "council", "operator", "provider"}  # fmt: skip
# Nouns that stand for a news outlet already named: "the newspaper said".
_OUTLET_NOUNS = {
    "newspaper", "paper", "daily", "network", "broadcaster", "outlet", "magazine", "channel",
    "station", "website", "publication", "tabloid", "wire", "agency", "blog", "portal",
}  # fmt: skip
# Nouns for a kind of body: written just before a name, they say what it names ("news
# agency Fars", "the newspaper Le Monde", "the advocacy group Ending Clergy Abuse").
BODY_NOUNS = _OUTLET_NOUNS | {
    "group", "company", "firm", "party", "organization", "organisation", "charity", "union",
    "watchdog", "nonprofit", "coalition", "movement", "bank", "airline", "club", "archive",
}  # fmt: skip
# A body's kind written in capitals before its name: "the NGO Global Witness".
_BODY_ACRONYMS = {"NGO", "NPO"}
# What a company is called by its trade ("Pacific Ridge Electric, the utility …, after the
# company disclosed …"), and words its name ends on.
_KINDS_OF_COMPANY = {"utility", "airline", "carrier", "automaker", "carmaker", "manufacturer",
                     "retailer", "lender", "insurer", "startup", "developer", "contractor",
                     "supplier", "chain", "miner", "brewer"}  # fmt: skip
_COMPANY_NAME_WORDS = {"electric", "motors", "airlines", "airways", "energy", "power",
                       "pharmaceuticals", "therapeutics", "technologies", "industries",
                       "bank", "insurance", "mining", "foods", "systems"}  # fmt: skip
# Nouns a body is called by, and the words of names or kinds they stand for: "the force"
# is a police force, "the group" an advocacy group, a nonprofit, a coalition.
_KIND_SYNONYMS = {
    "force": {"police", "constabulary"},
    "group": {"nonprofit", "charity", "coalition", "campaign", "alliance", "network",
              "association", "movement", "project", "foundation", "organisation",
              "organization", "union"},
    "charity": {"trust", "foundation"},
    "union": {"federation", "congress"},
    "company": {"firm", "corporation", "inc", "ltd", "plc", "llc", "co", "group", "holdings",
                *_KINDS_OF_COMPANY, *_COMPANY_NAME_WORDS},
    "firm": {"company", "corporation", "inc", "ltd", "plc", "llc", "partners", "llp"},
    "council": {"authority"},
    "trust": {"nhs"},
    # "The Texas Water Development Board … the agency said": a public body by any name.
    "agency": {"board", "commission", "administration", "authority", "bureau", "directorate",
               "inspectorate", "service", "department", "office"},
}  # fmt: skip
_KIND_NOUNS = (
    BODY_NOUNS | set(_KIND_SYNONYMS) | _KINDS_OF_COMPANY | {"nonprofit", "think", "force", "trust"}
)
_KIND_BEFORE = re.compile(
    r"(?:\b(?P<qualifier>[a-z]{3,})\s+)?\b(?P<kind>"
    + "|".join(sorted(_KIND_NOUNS))
    + r")\s+(?:the\s+)?$",
    re.I,
)
_KIND_AFTER = re.compile(
    r"^,\s+(?:a|an|the)\s+(?:[\w\-]+\s+){0,3}?(?P<kind>" + "|".join(sorted(_KIND_NOUNS)) + r")\b"
)
# Those who speak for a body: "the spokesperson" is whoever spoke for it last.
_SPEAKS_FOR = {"spokesperson", "spokesman", "spokeswoman", "spokespeople", "representative"}
_NOMINAL = re.compile(r"^(?:the|this|that)\s+(?P<words>[a-z][a-z\-]*(?:\s+[a-z][a-z\-]*){0,4})$")
_NOMINAL_ISSUER = re.compile(
    r"^(?:the|this|that)\s+(?P<words>[a-z][a-z\-]*(?:\s+[a-z][a-z\-]*){0,3})[’']s\s+"
    r"(?P<document>[a-z]+)$"
)


def called_a_body(before: str, after: str) -> bool:
    """Do the words around a name call it a body ("the charity X", "X, a nonprofit")?"""
    return bool(_KIND_BEFORE.search(before) or _KIND_AFTER.match(after))


@dataclass
class ArticleContext:
    """Running memory of one article, read top to bottom."""

    dictionary: ActorDictionary
    people: dict[str, str] = field(default_factory=dict)  # any name token key → full name
    roles: dict[str, str] = field(default_factory=dict)  # full name → last role seen
    genders: dict[str, str] = field(default_factory=dict)  # full name → female | male
    last_person: Referent | None = None
    last_group: Referent | None = None
    last_speaker: Referent | None = None
    last_voice: str | None = None  # who spoke last, typed or not ("ShopLane said")
    # Actors named outside quotation marks, in reading order; where we are now, and the
    # sentence we are in (set by `move_to`, read by the references that depend on it).
    trail: list[TrailEntry] = field(default_factory=list)
    position: tuple[int, int] = (0, 0)
    sentence: tuple[int, int] = (0, 0)
    article_text: str = ""  # the whole article, for evidence that a name is a person's
    # Who issued the documents the article has spoken of: "in a statement" → its speaker,
    # so that "The statement also said" is theirs.
    issued: dict[str, Referent] = field(default_factory=dict)
    # What the article calls each body: "the charity Waiting Well", "the Missouri Voter
    # Access Project, a nonprofit that …" (see `note_kind`).
    kinds: dict[str, set[str]] = field(default_factory=dict)
    before_body: bool = False  # reading the headline or dek, before the body that names all
    _attested: dict[str, bool] = field(default_factory=dict)
    _honorifics_read: list[str] | None = None  # see `_after_honorifics`

    def _after_honorifics(self) -> list[str]:
        """What follows each honorific in the article ("Ms Sirinya …"), read once."""
        if self._honorifics_read is None:
            text = self.article_text
            self._honorifics_read = [
                text[m.end() : m.end() + 40] for m in _HONORIFIC_BEFORE.finditer(text)
            ]
        return self._honorifics_read

    def attested_person(self, name: str) -> bool:
        """Is an untitled capitalised pair a person? Only when its first word is a known
        given name, or its last word stands alone elsewhere in the article ("Adamowicz"
        after "Paweł Adamowicz") — "Civic Platform" and "Watch Tower" are neither."""
        if name not in self._attested:
            tokens = [t for t in name.split() if _bare(t) not in HONORIFICS]
            self._attested[name] = (
                len(tokens) >= 2
                and (
                    self.dictionary.is_given_name(tokens[0])
                    or _with_a_middle_initial(tokens)  # "Finn E. Kydland"
                    or _addressed_by_given_name(tokens[0], self._after_honorifics())
                    or _romanised_given_name(tokens[-1])  # "Lau Kwok-keung"
                    or (
                        _bare(tokens[-1]) not in COMMON_WORDS
                        and _bare(tokens[0]) not in COMMON_WORDS
                        and (
                            _stands_alone(tokens[-1], tokens[-2], self.article_text)
                            # a surname with its particle: "Ní Bhriain" after "Siobhán Ní Bhriain"
                            or (
                                len(tokens) > 2
                                and tokens[-2].lower() in SURNAME_PARTICLES
                                and _stands_alone(
                                    " ".join(tokens[-2:]), tokens[-3], self.article_text
                                )
                            )
                        )
                    )
                )
            )
        return self._attested[name]

    def gender_of(self, name: str) -> str | None:
        """female | male | None: from an honorific or gendered role seen with the name,
        the public-figures seed, or the usual gender of the given name."""
        if name in self.genders:
            return self.genders[name]
        role_words = {_bare(w) for w in (self.roles.get(name) or "").split()}
        for gender, words in _GENDER_CUES:
            if role_words & words:
                return gender
        return self.dictionary.gender_of(name)

    def note_gender(self, name: str, written: str) -> None:
        """Remember the gender an honorific or role word gives ("Mrs Lee", "chairwoman")."""
        words = {_bare(w) for w in written.split()}
        for gender, cues in _GENDER_CUES:
            if words & cues:
                self.genders.setdefault(name, gender)

    def move_to(self, block: int, offset: int, sentence_start: int) -> None:
        """Reading position: pronouns and descriptions refer to what was named before it."""
        self.position = (block, offset)
        self.sentence = (block, sentence_start)

    def add_to_trail(self, entry: TrailEntry) -> None:
        bisect.insort(self.trail, entry)

    def _before_here(self):
        """Trail entries before the reading position, nearest first."""
        end = bisect.bisect_left(self.trail, TrailEntry(self.position, "", ""))
        return reversed(self.trail[:end])

    def last_mentioned_person(self, gender: str | None = None) -> Referent | None:
        """Who 'he' or 'she' refers to: the last person named before the reading position
        whose gender does not disagree — or, when that person is not the subject of their
        sentence, the subject of that sentence ("Obama met Biden. 'We…,' he said": Obama)."""
        last = None
        for entry in self._before_here():
            if entry.actor_type != "person" or not self._agrees(entry.name, gender):
                continue
            if entry.sentence == self.sentence and not entry.subject:
                continue  # "Speaking to Martin Smith of PBS, he said": he is not Smith
            if last is None:
                last = entry
                if entry.subject:
                    break
            elif entry.sentence == last.sentence and (entry.subject or last.agent):
                # "Flynn spoke since he was pardoned by Trump. He said": Flynn, not the agent.
                last = entry
                break
            elif entry.sentence != last.sentence:
                break
        if last is None:
            return None
        return Referent(last.name, "person", self.roles.get(last.name), last.name)

    def subject_body(self) -> Referent | None:
        """Who 'they' or 'it' refers to when the last subject named is an organisation
        ("The commission criticised the move. They released a statement …")."""
        entry = next((e for e in self._before_here() if e.subject), None)
        if entry is None or entry.actor_type != "organization":
            return None
        return Referent(entry.name, "organization", None, entry.name)

    def _agrees(self, name: str, gender: str | None) -> bool:
        known = self.gender_of(name)
        return gender is None or known is None or known == gender

    def note_kind(self, name: str, before: str, after: str) -> None:
        """Remember the kind of body the words around its name give: a body noun just before
        it ("the charity Waiting Well") or an apposition after it ("…, a nonprofit that")."""
        for match in (_KIND_BEFORE.search(before), _KIND_AFTER.match(after)):
            if match:
                # "the rebel group Upper Nile Liberation Front": later "the rebel group".
                words = (match.groupdict().get("qualifier"), match.group("kind"))
                self.kinds.setdefault(name, set()).update(w.lower() for w in words if w)

    def _of_kind(self, name: str, head: str) -> bool:
        """Is the body called `head` by its name or by what the article called it ("the
        force" for a police force, "the group" for a nonprofit)?"""
        words = {_bare(w) for w in name.split()} | self.kinds.get(name, set())
        if ({head} | _KIND_SYNONYMS.get(head, set())) & words:
            return True
        # A kind written into the name's last word: "the bank" is the Riksbank or the
        # Bundesbank.
        last = _bare(name.split()[-1])
        return len(head) >= 4 and last.endswith(head) and last != head + "s"

    def _newer_subject_of_kind(self, head: str, speaker: str) -> Referent | None:
        """The body of kind `head` that opened a sentence after `speaker` was last named."""
        for entry in self._before_here():
            if entry.name == speaker:
                return None
            if (
                entry.actor_type == "organization"
                and entry.subject
                and self._of_kind(entry.name, head)
            ):
                return Referent(entry.name, "organization", None, entry.name)
        return None

    def described(self, words: list[str]) -> Referent | None:
        """The actor a description refers to: 'the senator' (the last person whose role
        says so), 'the newspaper' (the last outlet named), 'the ministry' (the last
        organisation with that word in its name)."""
        wanted = [w for w in words if w not in _DESCRIPTIVE]
        if not wanted:
            return None
        head = wanted[-1]
        if wanted == [head] and head.removesuffix("s") in DOCUMENT_NOUNS:
            return self.issued.get(head.removesuffix("s"))  # "the statement said"
        speaker = self.last_speaker
        if speaker and speaker.withheld and set(wanted) <= {_bare(w) for w in speaker.name.split()}:
            return speaker  # "A senior executive …, who asked not to be named" is "the executive"
        if (
            wanted == [head]
            and head in _GENERIC_BODIES
            and speaker
            and speaker.actor_type == "organization"
        ):
            # "OCHA said … The agency warned …" — unless a body of that kind has been the
            # subject of a sentence since the speaker was last named ("Pacific Ridge Electric
            # said …. The Montana Backcountry Alliance opposes the plan. The group said …").
            return self._newer_subject_of_kind(head, speaker.name) or speaker
        # The words that say which body: "foreign" in "the Kazakh foreign ministry". A
        # demonym or a place may stand for a country the name leaves out ("the United
        # States Department" of Defense).
        qualifiers = {w for w in wanted[:-1] if not self.dictionary.is_demonym(w)}
        if qualifiers and self.dictionary.lookup(" ".join(wanted[:-1])):
            qualifiers = set()
        # A headline's "charity warns" is the charity its body names.
        entries = itertools.chain(self._before_here(), self.trail if self.before_body else ())
        holders: set[str] = set()  # who holds the office the description ends on
        body_word = head in ORG_WORDS and head not in TITLE_WORDS
        for entry in entries:
            if entry.actor_type == "person":
                if body_word:
                    continue  # "the coalition" is not its director ("director of the … Coalition")
                role = {_bare(w) for w in (self.roles.get(entry.name) or "").split()}
                if (role & _OTHER_OFFICE) - set(words):
                    continue  # "the president" is not the vice president or the former one
                if wanted == [head] and _initials_of(self.roles.get(entry.name)) == head:
                    # "The PPRO added" after "The Police Public Relations Officer of the
                    # Ogun State Police Command, SP Olusegun Adeyemi-Bakare, …".
                    return Referent(entry.name, "person", self.roles.get(entry.name), entry.name)
                role |= {s for w in role for s in _ROLE_SYNONYMS.get(w, ())}
                if set(wanted) <= role:
                    return Referent(entry.name, "person", self.roles.get(entry.name), entry.name)
                if head in role and not _other_portfolio(role - {head}, set(wanted) - {head}):
                    holders.add(entry.name)
            elif entry.actor_type == "organization":
                lowered = {_bare(w) for w in entry.name.split()} | self.kinds.get(entry.name, set())
                known = self.dictionary.lookup(entry.name)
                if not qualifiers <= lowered:
                    continue  # "the foreign ministry" is not the Ministry of Water Resources
                if self._of_kind(entry.name, head) or (
                    head in _OUTLET_NOUNS and known and known.outlet
                ):
                    return Referent(entry.name, "organization", None, entry.name)
        if head in _SPEAKS_FOR and self.last_speaker and self.last_speaker.actor_type:
            return self.last_speaker  # "an Interpol spokesperson stated … The spokesperson added"
        if head in _SPOKEN_FOR_BODIES and self.last_voice:
            # "The regulator added" after the body spoke; "ShopNest said …. The company
            # said": a name no rule could type is the company the article calls it.
            if speaker and speaker.name == self.last_voice and speaker.actor_type:
                return speaker if speaker.actor_type == "organization" else None
            if re.fullmatch(r"[A-Z][\w&\-]+", self.last_voice):
                return Referent(self.last_voice, "organization", None, self.last_voice)
        if len(holders) == 1:
            # Words the role never gave, with one holder of the office: "the Dublin South
            # Central TD", "Republican governor" in a headline.
            name = holders.pop()
            return Referent(name, "person", self.roles.get(name), name)
        return None

    def holds_another(self, words: list[str]) -> bool:
        """Does a person named so far hold the office `words` describe under another
        portfolio ("Civil Aviation Minister Hardeep Singh Puri" for "the local health
        minister")? Then the description is someone else."""
        head, described = words[-1], set(words[:-1])
        for entry in self._before_here():
            if entry.actor_type == "person":
                role = {_bare(w) for w in (self.roles.get(entry.name) or "").split()}
                if head in role and _other_portfolio(role - {head}, described):
                    return True
        return False

    def remember_person(self, full_name: str, role: str | None = None) -> str:
        """Register a person; returns the full name to use (an earlier, longer one wins)."""
        full_name = self.resolve_person_name(full_name)
        parts = full_name.split()
        if len(parts) >= 2:
            self.people.setdefault(normalize_name(full_name), full_name)
            self.people.setdefault(_without_initials(full_name), full_name)
            # The surname: the last word, or the name before a regnal number (Elizabeth II) or
            # before a hyphenated East Asian given name ("Cheryl Lam Hoi-yan", "Moon Jae-in").
            surname = (
                parts[-2]
                if parts[-1] in _REGNAL or _HYPHENATED_GIVEN.match(parts[-1])
                else parts[-1]
            )
            if parts[-1] in PATRONYMIC_PARTICLES and len(parts) >= 3:
                surname = " ".join(parts[-2:])  # "Eldiyar Toktosun uulu" is "Toktosun uulu"
            self.people.setdefault(normalize_name(surname), full_name)
            # A surname with its particles: "Ní Bhriain", "von der Leyen", "Mac Suibhne".
            first = len(parts) - 1
            while first > 1 and parts[first - 1].lower() in SURNAME_PARTICLES:
                first -= 1
            if first < len(parts) - 1:
                self.people.setdefault(normalize_name(" ".join(parts[first:])), full_name)
            elif len(parts) >= 3 and _double_surname(parts[-2:]):
                # Two family names, as Spanish, Portuguese, Maltese and Filipino naming
                # customs give: "Rebecca Zammit Borg" is later "Zammit Borg".
                self.people.setdefault(normalize_name(" ".join(parts[-2:])), full_name)
        if role:
            self.roles[full_name] = role
        return full_name

    def resolve_person_name(self, name: str) -> str:
        """`Lappo`, `Mr. Lappo` → `Anatoly Lappo` when that full name was seen earlier."""
        tokens = [t for t in name.split() if _bare(t) not in HONORIFICS]
        if not tokens:
            return name
        cleaned = " ".join(tokens)
        found = self.people.get(normalize_name(cleaned)) or self.people.get(
            _without_initials(cleaned)
        )
        if found is None and len(tokens) == 1:
            found = self.people.get(normalize_name(tokens[0]))
        if found is None:
            return cleaned
        if len(tokens) < len(name.split()):
            self.note_gender(found, name)  # "Mr. Lappo"
        return found

    def only_one_called(self, word: str) -> str | None:
        """The one person named in full whose name holds `word` before its last word: many
        naming customs put the family name first ("Tan Wei Ling" is "Ms Tan") or call
        someone by their given name ("Muhammad Hafiz Osman" is "Mr Hafiz", "Kavitha
        Ramasamy" is "Ms Kavitha"). For a word after an honorific, which shows a person is meant."""
        holders = {
            full
            for full in self.people.values()
            if word in full.split()[:2] and word != full.split()[-1] and _plain_name(full)
        }
        return holders.pop() if len(holders) == 1 else None

    def note_speaker(self, referent: Referent) -> None:
        self.last_speaker = referent
        self.last_voice = referent.name
        if referent.actor_type == "person":
            self.last_person = referent
        elif referent.actor_type == "organization":
            self.last_group = referent
        if referent.actor_type in ("person", "organization"):
            # Whoever speaks is who the passage is about.
            entry = TrailEntry(
                self.position, referent.name, referent.actor_type, self.sentence, True
            )
            self.add_to_trail(entry)


def _plain_name(full: str) -> bool:
    """A person's name of at most four words, none of them a title's or a body's or a
    place's ("Pat Roberts Co-Chairman" and "Russell W. Peterson Urban Wildlife Refuge" are
    runs read as names, not names)."""
    words = [part for w in full.split() for part in _bare(w).split("-")]
    return len(full.split()) <= 4 and not any(w in _BODY_OR_TITLE_WORDS for w in words)


# Words that may stand before the subject of a sentence: "But the former Sen. John Smith".
_BEFORE_SUBJECT = {"the", "a", "an", "but", "and", "so", "also", "meanwhile", "however", "then"}


# Where a new clause, with a subject of its own, may begin: "…, while Minister X wrote".
_CLAUSE_BREAK = re.compile(r",|;|\s(?:while|whereas|but|and then)\s")


# A clause that ends on its object, which a name after the comma apposes: "Bloomberg
# endorsed his former rival, Joe Biden" (not "After he met the press, Smith said").
_OBJECT_APPOSED = re.compile(
    r"^\s*(?!(?:after|before|when|while|as|because|since|if|although|though|once|until|"
    r"[a-z]+ing)\b).*?\b(?:[a-z]{3,}ed|said|told|met|won|beat|named|chose|thanked)\s+"
    r"(?:his|her|their|its|the|a|an)\s+(?:[\w’'-]+\s+){0,3}[a-z][\w-]*$",
    re.I,
)


_SEGMENT_BREAK = re.compile(r"[,;:]")


def is_subject(before: str) -> bool:
    """Is a name that follows these words (from its sentence's start) the sentence's
    subject? Introductory phrases end at a comma ("On Tuesday, Smith said"); what may stand
    between is titles, capitalised words and determiners ("Former U.S. Sen."); a name that
    apposes a clause's object is not ("… endorsed his former rival, Joe Biden")."""
    if before.rstrip().endswith(","):
        segment = _SEGMENT_BREAK.split(before.rstrip()[:-1])[-1]
        if _OBJECT_APPOSED.match(segment):
            return False
    tail = _CLAUSE_BREAK.split(before)[-1].replace("“", " ").replace('"', " ")
    return all(
        w[:1].isupper()
        or _bare(w) in TITLE_WORDS
        or _bare(w) in _BEFORE_SUBJECT
        or _bare(w) in _DATE_WORDS  # "Later on Tuesday Mitsotakis met …", "Last week X"
        for w in tail.split()
    )


def _stands_alone(surname: str, previous: str, text: str) -> bool:
    """Is the surname used without the word before it somewhere in the text ("Adamowicz"
    after "Paweł Adamowicz")? A plain search: a pattern per surname filled re's cache."""
    at = text.find(surname)
    while at >= 0:
        end = at + len(surname)
        whole = (at == 0 or not _is_name_char(text[at - 1])) and (
            end == len(text) or not (text[end].isalnum() or text[end] in "_-")
        )
        if whole and not text[:at].rstrip().endswith(previous):
            return True
        at = text.find(surname, end)
    return False


def _is_name_char(ch: str) -> bool:
    return ch.isalnum() or ch in "_’'-"


# "a Polish chef named Łukasz", "the pseudonym Katya": what follows is a person's name.
_NAMED_LEAD = re.compile(r"\b(?:named|called|nicknamed|pseudonym|known as|alias)\s+$")

_HYPHENATED_GIVEN = re.compile(r"^[A-Z][a-z]*-[a-z]+$")
_REGNAL = {"II", "III", "IV", "V", "VI", "VII", "VIII", "Jr", "Jr.", "Sr", "Sr."}


_INITIAL_LETTER = re.compile(r"[A-Z]\.?")  # "J." in "Michael J. Fox"


def _double_surname(words: list[str]) -> bool:
    """Two capitalised words that could be a pair of family names: no initial, no regnal
    number or suffix, no hyphenated East Asian given name ("Lam Hoi-yan")."""
    return all(
        is_capitalised(w)
        and not _INITIAL_LETTER.fullmatch(w)
        and w not in _REGNAL
        and not _HYPHENATED_GIVEN.match(w)
        for w in words
    )


def _without_initials(name: str) -> str:
    """'John R. Bolton' and 'John Bolton' share this key."""
    words = [w for w in name.split() if not _INITIAL_LETTER.fullmatch(w)]
    return normalize_name(" ".join(words))


_RELATIVE = re.compile(r"^(who|which|whose|where|whom|a|an|also|one|both|then)\b", re.I)
_TRAILING = re.compile(
    r"\s+(?:in|on|at|during|after|before|to|with|from|via|while|when|as|last|this|"
    r"earlier|later|told|adding|according)\b.*$"
)


def _without_trailing(part: str) -> str:
    """A subject part without what follows its name ('Smith on Monday', 'Lee in a
    statement'); 'on' and 'for' inside a body's name or an office stay ('Commission on Civil
    Rights', 'Spokesman on Housing')."""
    for match in _TRAILING.finditer(part):
        before, after = part[: match.start()].split(), match.group().split()
        inside_name = (
            after[0] in ("on", "for")
            and len(after) > 1
            and is_capitalised(after[1])
            and _bare(after[1]) not in _DATE_WORDS
            and bool(before)
            and (
                _bare(before[-1]) in ORG_WORDS
                or (is_capitalised(before[-1]) and _bare(before[-1]) in TITLE_WORDS)
            )  # an office's complement: "Opposition Spokesman on Housing Kenroy Pommells"
        )
        if not inside_name:
            return part[: match.start()]
    return part


# How a document reached the paper, after its name: "Gallacher's letter, seen by The Times".
_SEEN_BY = re.compile(
    r",\s+(?:seen|obtained|reviewed|leaked|shared|sent|passed)\s+(?:by|to)\s+[^,]{2,60}$"
)


def _said_when(word: str) -> bool:
    """A time word after a subject ("Trump Monday", "officials yesterday"), but not the end
    of a name ("USA Today")."""
    bare = _bare(word)
    return bare in TIME_WORDS and (word.islower() or bare in WEEKDAYS or bare in MONTHS)


@_remembered
def _clean_phrase(phrase: str) -> str:
    phrase = _SEEN_BY.sub("", phrase.strip(' ,;:—–-"“”'))
    phrase = _LEADING_CONJUNCTION.sub("", phrase)
    phrase = TEAM_OF.sub("", phrase)  # "Stamenković et al found": the lead author
    words = phrase.split()
    while words and (_said_when(words[-1]) or _bare(words[-1]) in POSTNOMINALS):
        words.pop()
    while len(words) > 1 and AGE_BEFORE_NAME.match(words[0]):
        words.pop(0)
    # "the Kurdish-led Syrian Democratic Forces": who leads them is not part of the name.
    first = 1 if len(words) > 2 and words[0].lower() in ("the", "a", "an") else 0
    while (
        len(words) > first + 1
        and COMPOUND_ADJECTIVE.match(words[first])
        and all(w[:1].isupper() for w in words[first + 1 :])  # not "US-based activist"
    ):
        words.pop(first)
    return " ".join(words)


# A lead author's team: "Stamenković et al", "Dr Ruiz and colleagues", "Lee and her team".
TEAM_OF = re.compile(
    r"(?<=\w)\s+(?:et\s+al\.?|and\s+(?:(?:his|her|their)\s+)?(?:colleagues|co-?workers|"
    r"co-?authors|collaborators|team))\s*$"
)


# A possessive pronoun and the pronoun that names its holder: "his office" is his.
HOLDER_PRONOUN = {"his": "he", "her": "she", "their": "they", "its": "it"}
# The possessives whose holder is one person, resolved by gender ("Her office said"); a
# group's ("their website") is left to the document's own words.
_PERSON_HOLDERS = ("his", "her")

_DOCUMENT_FROM = re.compile(
    r"^(?:(?:the|a|an|another|new|latest|recent|official|initial|preliminary|early|first|final"
    r"|further|separate|joint|internal|leaked|annual|updated|\d{4})\s+)*(?P<document>\w+)\s+"
    r"(?:(?:released|published|issued|compiled)\s+(?:(?:last|this|on|in|earlier)\s+\w+\s+)?)?"
    r"(?P<by>from|by|of|for|at)\s+(?P<who>.+)$",
    re.I,
)
# What follows an owner inside a document's description: "RIAA's DMCA" (notice).
_OWNER_FIRST = re.compile(r"(?<=\w)(?:’s|'s)\s+.*$")
_DOCUMENT_AFTER = re.compile(
    r"^(?:(?:[Tt]he|[Aa]n?)\s+)?(?:\d{4}\s+)?(?P<who>(?!(?:The|An?)\b)[A-Z].*?|"
    + "|".join(_PERSON_HOLDERS)
    + r")"
    r"(?:’s|'s)?"
    r"\s+(?P<document>\w+)$"
)


_SPOKESPEOPLE = {"representative", "representatives", "spokesman", "spokeswoman",
                 "spokesperson", "official", "officials"}  # fmt: skip
# Unnamed staff who speak for where they work: "Analysts at Nordic Baltic Economics said".
_STAFF_AT = {"analysts", "economists", "researchers", "scientists", "experts", "officials"}
# A person's office speaks for them: "Erdogan's office said", "the mayor's office".
_OFFICE = "office"
_ISSUED_THROUGH = DOCUMENT_NOUNS | _SPOKESPEOPLE | {
    "summary", "decision", "ruling", "account", _OFFICE
}  # fmt: skip


@_remembered
def _issuer(phrase: str, dictionary: ActorDictionary) -> str:
    """Who speaks through a document or a representative: 'data from the Gun Violence
    Archive', 'the 1999 Surgeon General's report', 'representatives from Iran', 'a
    spokesman for the ministry', 'a Woolworths spokesperson', 'Erdogan's office' → the
    archive, the Surgeon General, Iran, the ministry, Woolworths, Erdogan (but 'a Russian
    official' names no one)."""
    for pattern in (_DOCUMENT_FROM, _DOCUMENT_AFTER):
        match = pattern.match(phrase)
        word = match.group("document") if match else ""
        if pattern is _DOCUMENT_FROM and match and match.group("by").lower() == "for":
            word = word if word.lower() in _SPOKESPEOPLE else ""  # not "a report for X"
        if (
            pattern is _DOCUMENT_AFTER
            and word[:1].isupper()
            and not _POSSESSIVE_END.search(match.group(0).removesuffix(word).rstrip())
        ):
            word = ""  # the last word of a body's name: "the US Geological Survey"
        staff = pattern is _DOCUMENT_FROM and match and match.group("by").lower() == "at"
        if staff:
            word = word if word.lower() in _STAFF_AT else ""  # not "a statement at X"
        if (
            word.lower() in DOCUMENT_NOUNS
            or word.lower().removesuffix("s") in DOCUMENT_NOUNS
            or word.lower() in _SPOKESPEOPLE
            or (staff and word)
            or (
                word == _OFFICE
                and (
                    phrase.endswith(("’s office", "'s office"))
                    or phrase.split()[0].lower() in _PERSON_HOLDERS
                )
            )
        ):
            who = re.sub(r"^(?:the\s+)?\d{4}\s+", "", match.group("who"), flags=re.I)
            if pattern is _DOCUMENT_AFTER:
                who = _OWNER_FIRST.sub("", who)  # "RIAA's DMCA notice": the RIAA's
            if who.lower() in _PERSON_HOLDERS:  # "Her office said", "his spokesman": she, he
                return HOLDER_PRONOUN[who.lower()]
            if pattern is _DOCUMENT_FROM or (who[:1].isupper() and not dictionary.is_demonym(who)):
                return _issuer(_clean_phrase(who), dictionary)  # "a statement by Erdogan's office"
    return phrase


# How a court's reporting refers to the judge once named (Australia, the UK, Canada).
_ADDRESSED_AS_JUDGE = {"her honour", "his honour", "her honor", "his honor"}
# A headline names by description, without an article: "Republican governor", "charity".
_HEADLINE_DESCRIPTION = re.compile(r"^(?:[A-Za-z][a-z\-]+\s+){0,3}[a-z][a-z\-]+$")


# Someone the article names only as the source allowed: "who gave his name only as Tunde",
# "identified only as Maria", "who asked to be identified only by her first name, Ana".
NAMED_ONLY_AS = re.compile(
    r",?\s+(?:who\s+(?:gave|would\s+only\s+give|asked\s+to\s+be\s+identified|was\s+identified)"
    r"|identified)\s+(?:(?:his|her|their)\s+(?:first\s+)?name\s+)?(?:only\s+)?"
    r"(?:as|by\s+(?:his|her|their)\s+first\s+name,?)\s+(?P<name>[A-Z][\w’'\-]+)\b"
)


# An account on a platform whose owner the words do not name: "an official government
# Twitter account" is not Twitter ("the White House Twitter account" names its owner).
_SOMEONES_ACCOUNT = re.compile(
    r"^(?:an?|the)\s+(?:[a-z][\w\-]*\s+){0,3}(?:Twitter|Facebook|Instagram|YouTube|Telegram|"
    r"TikTok|Weibo|X|Threads|Bluesky)\s+(?:account|page|feed|channel|handle)s?$"
)


# A document an outlet got hold of: "a copy of a letter obtained by Axios", "an internal memo
# seen by Reuters". The outlet relays it; it did not write it.
_OBTAINED_BY = re.compile(
    r"^(?P<document>(?:(?:an?|the)\s+)?(?:copy\s+of\s+(?:an?|the)\s+)?(?:[\w\-]+\s+){0,3}?"
    r"(?P<noun>[a-z]+))\s+(?:obtained|seen|reviewed|viewed|shared|provided|leaked|sent)\s+"
    r"(?:by|to|with)\s+\S"
)


def _relayed_document(phrase: str) -> Referent | None:
    """The document a phrase names as got hold of by an outlet: its unnamed author speaks."""
    relayed = _OBTAINED_BY.match(phrase)
    noun = relayed.group("noun") if relayed else ""
    if noun in DOCUMENT_NOUNS or noun.removesuffix("s") in DOCUMENT_NOUNS:
        document = relayed.group("document")
        return Referent(document, None, None, document, withheld=True)
    return None


def resolve_phrase(phrase: str, ctx: ArticleContext) -> Referent | None:
    """The actor a subject phrase names, e.g. 'the Foreign Ministry spokesperson, Oleh
    Nikolenko,' → Oleh Nikolenko (role 'Foreign Ministry spokesperson')."""
    relayed = _relayed_document(_clean_phrase(phrase))
    if relayed:
        return relayed
    phrase = _issuer(_clean_phrase(phrase), ctx.dictionary)
    if not phrase or _SOMEONES_ACCOUNT.match(phrase):
        return None
    lowered = phrase.lower()
    if lowered in PRONOUNS_PERSON:
        # "he said" refers to the person last named outside quotation marks, of his gender.
        gender = "female" if lowered in ("she", "her") else "male"
        found = ctx.last_mentioned_person(gender)
        if found is None and ctx.last_person and ctx._agrees(ctx.last_person.name, gender):
            found = ctx.last_person
        return found
    if lowered in _ADDRESSED_AS_JUDGE:
        return ctx.described(["judge"])  # "Judge Ann Lee … Her Honour noted that …"
    if lowered in PRONOUNS_GROUP:
        speaker = (
            ctx.last_speaker
            if ctx.last_speaker and ctx.last_speaker.actor_type != "place"
            else None
        )
        return ctx.subject_body() or ctx.last_group or speaker
    issued = _NOMINAL_ISSUER.match(lowered)
    nominal = _NOMINAL.match(lowered) or (
        issued if issued and issued.group("document") in _ISSUED_THROUGH else None
    )
    if nominal:
        # "the senator", and "the court's summary", "the company's spokesman": the body.
        found = ctx.described(nominal.group("words").split())
        if found and not ctx.dictionary.lookup(phrase.split(" ", 1)[1]):
            return found  # but "The White House" is known by that name
    elif ctx.before_body and (_HEADLINE_DESCRIPTION.match(phrase) or lowered in TITLE_WORDS):
        # A headline's "Republican governor threatens …": the governor the body names.
        found = ctx.described(lowered.split())
        if found:
            return found
    elif lowered in ORG_WORDS or (phrase.islower() and lowered in TITLE_WORDS):
        # "Police said" after "Thames Valley Police": the force the article named; "the
        # foreign minister said", read as "minister": the last person with that title.
        found = ctx.described([lowered])
        if found:
            return found
    withheld = NAMED_ONLY_AS.search(phrase)
    if withheld:
        # "A resident, who gave his name only as Tunde for fear of being targeted": the
        # person, by the one name the article has.
        name = withheld.group("name")
        ctx.note_gender(name, phrase[: withheld.start("name")])
        return Referent(ctx.remember_person(name), "person", None, phrase)
    kin = _KIN_NAMED.match(phrase)
    if kin:
        relative = _relative_named(kin, ctx)
        if relative:
            return relative
    parts = [p.strip() for p in phrase.split(",") if p.strip()]
    named = _BODY_THEN_NAME.match(phrase)
    if named and not ctx.dictionary.lookup(named.group("name")):
        # "Her campaign committee, Marchetti for America": a body, then its name.
        return Referent(named.group("name"), "organization", None, phrase)
    if len(parts) > 1 and parts[-1].lower() in PRONOUNS_PERSON:
        return resolve_phrase(parts[-1], ctx)  # "Speaking to NBC News, she"
    parts = [p for p in parts if not _RELATIVE.match(p)] or parts[:1]
    person, role, group = None, None, None
    for part in parts:
        part_clean = _without_trailing(part)
        referent = _resolve_part(part_clean, ctx)
        if referent and referent.actor_type == "person":
            person = person or referent
            continue
        role = role or _role_text(part_clean)
        if referent and referent.actor_type in ("organization", "place") and group is None:
            group = referent
    if person:
        final_role = person.role or role
        name = ctx.remember_person(person.name, final_role)
        return Referent(name, "person", final_role, phrase)
    placed = _PERSON_AT.match(phrase)
    found = _resolve_part(placed.group("name"), ctx) if placed else None
    if found and found.actor_type == "person":
        # "Suman Haripriya of the Hajo assembly": the person, wherever they sit.
        name = ctx.remember_person(found.name, found.role)
        return Referent(name, "person", found.role, phrase)
    if _AGED_DESCRIPTION.match(phrase):
        # "The 58-year-old home health aide from Kingsessing told …": news describes the
        # person it is about by age and occupation; that person was named before.
        words = {_bare(w) for w in phrase.split()}
        gender = next((g for g, cue in _GENDER_CUES if words & cue), None)
        found = ctx.last_mentioned_person(gender)
        if found:
            return Referent(found.name, "person", found.role, phrase)
    described = _PERSON_THEN_NAME.match(phrase)
    if described:  # "But one reader, Jackson, had a different view:"
        name = ctx.remember_person(described.group("name"))
        return Referent(name, "person", None, phrase)
    one_name = parts[-1] if len(parts) == 2 and role and group is None else ""
    if _ONE_NAME.fullmatch(one_name) and not ctx.dictionary.lookup(one_name):
        # "The ministry's director general of oil and gas, Sutrisno,": someone known by one
        # name, set off after the office that says a person is meant.
        ctx.people.setdefault(normalize_name(one_name), one_name)  # "said Sutrisno" later
        name = ctx.remember_person(one_name, role)
        return Referent(name, "person", role, phrase)
    if group:
        if role and role.lower() == group.name.lower():
            role = None  # "The Republican Party": its name, not a role
        return Referent(group.name, group.actor_type, role, phrase)
    if len(phrase.split()) <= 6:
        return Referent(phrase, None, None, phrase)
    placed = _NAME_AT.match(phrase)
    if placed:  # "Alloush at the group blog Homos Libnani": someone known by one name
        return Referent(placed.group("name"), None, None, placed.group("name"))
    return None


# A full name, then where they sit or work: "Suman Haripriya of the Hajo assembly".
_PERSON_AT = re.compile(
    r"^(?P<name>(?:[A-Z][\w’'.\-]*\s+){1,3}[A-Z][\w’'\-]+)\s+(?:of|at|from|in|on)\s"
)
# A name, then where they write or work: "Alloush at the group blog Homos Libnani".
_NAME_AT = re.compile(
    r"^(?!The\s)(?P<name>[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){0,2})\s+(?:at|of|from|on)\s+"
    r"(?:the\s+)?(?!the\s)[a-z]"
)


# A body's kind, then its name set off by a comma: "Her campaign committee, Marchetti for
# America", "the advocacy group, Voters First", "A citizen news website, Tumfweko".
_BODY_THEN_NAME = re.compile(
    r"^(?:(?:[Tt]he|[Aa]n?|[Hh]is|[Hh]er|[Ii]ts|[Tt]heir)\s+)?(?:[a-z][\w\-]*\s+){0,2}"
    r"(?:committee|group|charity|organi[sz]ation|coalition|nonprofit|campaign|union|company|firm|"
    r"website|site|blog|newspaper|publication|outlet|magazine|portal)"
    r",\s+(?P<name>[A-Z][\w’'\-]*(?:\s+(?:for|of|the|and|[A-Z][\w’'\-]*))*)$"
)
_ONE_NAME = re.compile(r"[A-Z][a-z’'\-]{2,}")
# A person described by age, never named in the phrase: "The 58-year-old aide".
_AGED_DESCRIPTION = re.compile(r"^[Tt]he\s+[\w]+-years?-old\s+[a-z]")
_GENDER_CUES = (("female", FEMALE_WORDS), ("male", MALE_WORDS))
# Someone described, then named: "one reader, Jackson,", "a local resident, Mary Phiri".
_PERSON_THEN_NAME = re.compile(
    r"^(?:(?:[Oo]ne|[Aa]n?|[Aa]nother)\s+)(?:[a-z][\w\-]*\s+){0,2}"
    r"(?:reader|user|commenter|blogger|netizen|resident|voter|activist|supporter|witness|"
    r"listener|viewer|neighbou?r|parent|student|worker|customer|passenger|fan)"
    r",\s+(?P<name>[A-Z][\w’'\-]*(?:\s+[A-Z][\w’'\-]*){0,2})$"
)
# A relative named by a given name only: "His wife, Pauline,", "Mrs Colley's husband, Derek".
_KIN_NAMED = re.compile(
    r"^(?P<owner>[Hh]is|[Hh]er|[Tt]heir|.{2,60}?[’']s)\s+(?P<kin>"
    + "|".join(sorted(FAMILY_WORDS | {"partner", "widower"}))
    + r")\s*,\s+(?P<given>[A-Z][\w’'\-]+)$"
)
_OWNER_PRONOUN = {"his": "he", "her": "she", "their": "they"}


def _relative_named(kin: re.Match, ctx: ArticleContext) -> Referent | None:
    """The relative's full name: the given name and the family name of whom they are kin
    to ("His wife, Pauline," after Brian Hesketh is Pauline Hesketh)."""
    owner_text = kin.group("owner")
    owner_text = _OWNER_PRONOUN.get(owner_text.lower()) or owner_text[:-2]
    owner = resolve_phrase(owner_text, ctx)
    if owner is None or owner.actor_type != "person" or len(owner.name.split()) < 2:
        return None
    name = ctx.remember_person(f"{kin.group('given')} {owner.name.split()[-1]}")
    ctx.note_gender(name, kin.group("kin"))  # a kinship is no title: not kept as a role
    return Referent(name, "person", None, kin.group())


def _role_text(part: str) -> str | None:
    words = part.split()
    if (
        len(words) > 1
        and words[0].endswith("ing")
        and words[1] in _ROLE_EDGE | {"as", "his", "her"}
    ):
        return None  # "appearing for the State": what they were doing, not who they are
    if words and words[0].lower() in ("the", "a", "an", "its", "his", "her", "their"):
        words = words[1:]
    return _clean_role(" ".join(words))


def _resolve_part(part: str, ctx: ArticleContext) -> Referent | None:
    """One comma-free part of a subject phrase. Of the names in it, a person wins over an
    organisation or place ("an assessment from Ukraine Security Service Colonel Roman
    Kostenko" names Kostenko), and a longer name over a shorter one."""
    found = []
    for match in NAME_RUN.finditer(part):
        # A run followed by a title word qualifies the person after it: "Scripps
        # Oceanography director Margaret Leinen", "Harris campaign spokesman Michael Tyler".
        qualifier = _QUALIFYING.match(part, match.end())
        # Possessives split a run: "Ukraine's Foreign Ministry" names the ministry.
        runs = possessive_parts(match.group(0))
        for number, run in enumerate(runs):
            # "Dunn's mother, Charlotte Charles": the possessor is not who speaks.
            possessor = (
                number < len(runs) - 1
                or bool(_POSSESSIVE_AFTER.match(part[match.end() :]))
                or bool(_POSSESSIVE_END.search(run))
            )
            for owned, owns in _owner_after_of(run, possessor, ctx.dictionary):
                for piece, _ in split_conjoined(strip_possessive(owned), ctx.dictionary):
                    for name, _ in split_affiliation(piece, ctx.dictionary):
                        referent = resolve_run(name, part, ctx)
                        if (
                            referent
                            and not referent.actor_type
                            and _AFFILIATED.match(part, match.end())
                        ):
                            referent = _affiliated_person(name, ctx) or referent
                        if referent and referent.actor_type:
                            title = _bare(qualifier.group("title")) if qualifier else ""
                            qualifies = owns or title in TITLE_WORDS
                            after = part[match.end() :].split()
                            next_word = _bare(after[0]) if after else ""
                            if (
                                next_word in TITLE_WORDS
                                and next_word not in _SPOKESPEOPLE
                                and referent.actor_type != "person"
                                and not possessor  # "the FAO's chief veterinary officer"
                            ):
                                continue  # "a senior Senate Democratic aide" is nobody named
                            found.append((qualifies, len(found), referent))
    if not found:
        return None
    rank = {"person": 0, "organization": 1, "place": 2}
    # A person wins over an organisation or place; then the first one not a modifier.
    qualifies, _, best = min(found, key=lambda f: (rank.get(f[2].actor_type or "", 3), f[0], f[1]))
    if qualifies and best.actor_type == "person":
        return None  # only a possessor or a qualifier: "Trump's lawyer" is not Trump
    return best


# A name's affiliation after it: "Arnel dela Vega of the army's Western Mindanao Command".
_AFFILIATED = re.compile(r"\s+of\s+(?:the\s+)?[A-Za-z]")


def _affiliated_person(name: str, ctx: ArticleContext) -> Referent | None:
    """A full name before its body ("X Y of the Z said") is a person's, even when the
    given name is not in the list of given names."""
    words = name.split()
    if len(words) < 2 or not looks_like_name(name) or not words[0][:1].isupper():
        return None
    if any(_bare(w) in _BODY_OR_TITLE_WORDS for w in words):
        return None
    return Referent(ctx.remember_person(name), "person", None, name)


# Lower-case words after a name, up to the next capital or the phrase's end, the last of
# them maybe a title: "Harris [campaign spokesman] Michael Tyler", "a senior Trump [adviser]".
_QUALIFYING = re.compile(
    r"(?:\s+[a-z][\w\-]*){0,3}?\s+(?P<title>[a-z][\w\-]*)(?=\s+[A-Z]|[\s,.;:]*$)"
)


def _owner_after_of(
    run: str, possessor: bool, dictionary: ActorDictionary
) -> list[tuple[str, bool]]:
    """A possessive run, split where its owner starts: in 'Sally Wasef of Australia's
    Griffith University' only 'Australia' owns; Sally Wasef is the one described (but
    'the U.S. Department of Education's' is one owner)."""
    ofs = list(_OF.finditer(run)) if possessor else []
    if not ofs or not _personal_name(split_title(run[: ofs[-1].start()], dictionary)[1].split()):
        return [(run, possessor)]
    return [(run[: ofs[-1].start()], False), (run[ofs[-1].end() :], True)]


# A company's legal form right after its name: "Seabreeze Developments Ltd".
_LEGAL_FORM_AFTER = re.compile(r",?\s+(?:Ltd|Limited|Inc|PLC|plc|LLC|GmbH|AG|SA|NV|Pty)\b\.?")


def _named_at(run: str, text: str) -> int:
    """Where the first mention of `run` ends in the text (past the end when there is none)."""
    at = text.find(run)
    return at + len(run) if at >= 0 else len(text)


def resolve_run(run: str, part: str, ctx: ArticleContext) -> Referent | None:
    """Type one capitalised run: dictionary first, then a titled person, then the rules."""
    words = run.split()
    if opens_title(run, _lead(run, part)):
        return None
    while len(words) > 1 and _bare(words[0]) in RUN_OPENERS:
        words = words[1:]  # "On Twitter", "But Lukashenko" (but "Mr Okafor" stays whole)
    if len(words) > 1 and words[0] in _BODY_ACRONYMS:
        return Referent(" ".join(words[1:]), "organization", None, part)  # "the NGO GRAIN"
    run = " ".join(words)
    lead = _lead(run, part)
    lead_role = _role_from_lead(lead)
    entry = ctx.dictionary.lookup(run) or ctx.dictionary.lookup(strip_title_of(run))
    if entry and entry.actor_type in ("person", "organization") and len(words) == 1:
        # "Mbeki" after "Sierra Mbeki"; "Bloomberg" after "Michael Bloomberg", not the
        # company named after him.
        own = ctx.people.get(normalize_name(run))
        if own and entry.canonical_name not in ctx.people.values():
            return Referent(own, "person", lead_role, part)
    if entry:
        role = lead_role if entry.actor_type == "person" else None
        return Referent(entry.canonical_name, entry.actor_type, role, part)
    if _LEGAL_FORM_AFTER.match(ctx.article_text, _named_at(run, ctx.article_text)):
        # "Seabreeze Developments" after "Seabreeze Developments Ltd": the company.
        return Referent(run, "organization", None, part)
    title, name = split_title(run, ctx.dictionary)
    name_words = [_bare(w) for w in name.split()]
    kind = classify_run(run, ctx.dictionary)
    lead_words = lead.split()
    acronym = kind == "organization" and _ACRONYM.fullmatch(run) is not None
    if lead_words and lead_words[-1] in BODY_NOUNS and (kind is None or acronym) and not title:
        # "news agency Fars", "banking watchdog FINCOR" (initials never spelled out), not
        # "CEO Tim Cook".
        return Referent(run, "organization", None, part)
    titled_person = (
        bool(title)
        and len(name_words) >= 2
        and not any(w in ORG_WORDS or w in PLACE_WORDS for w in name_words)
        and looks_like_name(name)
    )
    if (
        kind in ("organization", "place")
        and not titled_person
        and not _named_like_a_place(run, ctx)
    ):
        return _body(run, kind, part, ctx)
    known_surname = (
        len(name_words) == 1 and not name.isupper() and normalize_name(name) in ctx.people
    )
    if not name or (  # "Day said" after "Doris Day" is hers
        not known_surname
        and (all(w in NON_NAME_WORDS for w in name_words) or not looks_like_name(name))
    ):
        return None
    if _a_people(name_words, ctx.dictionary):
        return None  # "Alaska Natives", "Pacific Islanders": a people, not a person
    if not _could_be_named(title or lead_role or "", name, ctx.dictionary):
        return None
    name_entry = ctx.dictionary.lookup(name) or _known_in_longer_name(name, ctx.dictionary)
    if name_entry and name_entry.actor_type != "person":
        return Referent(name_entry.canonical_name, name_entry.actor_type, None, part)
    role = _clean_role(" ".join(w for w in f"{lead_role or ''} {title}".split()))
    full = name_entry.canonical_name if name_entry else ctx.resolve_person_name(name)
    if len(full.split()) == 1 and addresses_a_person(run):
        full = ctx.only_one_called(full) or full  # "Ms Tan" is Tan Wei Ling, "Mr Hafiz" …
    if (
        len(full.split()) == 1
        and not _NAMED_LEAD.search(lead)
        and not addresses_a_person(run)
        and (not role or (_bare(full) in COMMON_WORDS and not name_entry))
        and full not in ctx.people.values()
    ):
        # One capitalised word never seen in a full name, with no title or honorific before
        # it ("Politicians", "Unlike" opening a sentence), or an ordinary word after a title
        # that is no office ("General Motors", "Head Start"; "President Bush" is known).
        return Referent(full, None, None, part)
    return Referent(full, "person", role, part)


# Titles always followed by a person's name ("Sen. Talent", "Governor Ridge").
_OFFICES = {"sen", "senator", "rep", "representative", "congressman", "congresswoman",
            "governor", "gov", "secretary", "judge", "mayor", "ambassador", "commissioner",
            "chairman", "chairwoman", "chair"}  # fmt: skip


# Place words that are also surnames (not "County", "City", "District").
_SURNAME_PLACE_WORDS = {"park", "river", "lake", "forest", "beach", "bridge", "hills", "street"}


def _named_like_a_place(run: str, ctx: ArticleContext) -> bool:
    """A person whose surname is a place word ("Julian Park", "Amy River"): a given name
    first, and the surname standing alone elsewhere ("Park said"), as a place's never does."""
    words = run.split()
    return (
        len(words) == 2
        and _bare(words[-1]) in _SURNAME_PLACE_WORDS
        and not ctx.dictionary.lookup(run)
        and ctx.dictionary.is_given_name(words[0])
        and _stands_alone(words[-1], words[0], ctx.article_text)
    )


def addresses_a_person(run: str) -> bool:
    """Does the run hold an honorific or an office, which only a person's name follows?"""
    return any(_bare(w) in HONORIFICS or _bare(w) in _OFFICES for w in run.split())


@_remembered
def opens_title(run: str, before: str) -> bool:
    """A clause word capitalised in mid-sentence opens a title, not a name: "producer Who
    Gives a Crap", "the film When Harry Met Sally". At a sentence's start (or a quotation's,
    or after a dash or colon) any word is capitalised: "But Lukashenko said"."""
    first, _, rest = run.partition(" ")
    before = before.rstrip()
    opens_sentence = not before or before[-1] in ".!?:;\"“”‘’'(—–-"
    return bool(rest) and _bare(first) in CLAUSE_WORDS and not opens_sentence


def _lead(run: str, part: str) -> str:
    """The words of `part` before `run`: where a title or role would stand."""
    return part[: part.find(run)] if run in part else ""


def _known_in_longer_name(name: str, dictionary: ActorDictionary) -> DictionaryEntry | None:
    """'Sayyid Ali Hosseini Khamenei' is the known Ali Khamenei: a fuller form of a known
    person's name holds every word of it (so 'Hunter Biden' is not Joe Biden)."""
    words = name.split()
    if len(words) < 3:
        return None
    entry = dictionary.lookup(words[-1])
    if entry and entry.actor_type == "person" and set(entry.canonical_name.split()) <= set(words):
        return entry
    return None


@_remembered
def _could_be_named(title: str, name: str, dictionary: ActorDictionary) -> bool:
    """Rules out what only looks like a person's name after a title: the complement of a
    title ("Secretary of Defense", "State of Exception"), an ordinary word after a
    lower-case noun ("a brave lady Speaks out"), a nationality ("Young Egyptians")."""
    title_words = title.split()
    words = name.split()
    if title_words and _bare(title_words[-1]) in ("of", "for", "on", "and", "to", "the"):
        return False
    if (
        len(words) == 1
        and title_words
        and title_words[-1].islower()
        and (_bare(words[0]) in COMMON_WORDS)
    ):
        return False
    if len(words) == 1 and title_words and {_bare(w) for w in title_words} <= _NOT_PERSONAL_TITLES:
        return False  # "State Children's Health Insurance Program"
    last = words[-1].strip(".,")
    first_given = dictionary.is_given_name(words[0])
    demonym = dictionary.is_demonym(last) or dictionary.is_demonym(last.rstrip("s"))
    if demonym and not (first_given and len(words) > 1):  # "Young Egyptians", not "Tom Finn"
        return False
    place = dictionary.lookup(last)
    # "Weblog Bahamas", "Occupy Frankfurt": no one is named after a place without a first
    # name, or a title that says a person follows ("actor Denzel Washington").
    return not (
        len(words) > 1
        and place
        and place.actor_type == "place"
        and not first_given
        and not title_words
    )


# Title words that say nothing of a person on their own ("State", "Former").
_NOT_PERSONAL_TITLES = {"state", "then", "former", "acting", "interim", "first", "head"}


def _unit_of_a_body(run: str) -> str:
    """'The Power Division of the Ministry of Power' → 'The Power Division': a named unit of
    a body (two words or more, the last a body's) speaks for itself, not its parent ('Bank
    of England' and 'Federal Bureau of Investigation' stay whole)."""
    match = _OF.search(run)
    if match is None:
        return run
    unit, parent = run[: match.start()].split(), run[match.end() :].split()
    named = [w for w in unit if _bare(w) != "the"]
    if (
        len(named) >= 2
        and _bare(named[-1]) in ORG_WORDS
        and parent
        and _bare(parent[0]) in ORG_WORDS
    ):
        return run[: match.start()]
    return run


def _body(run: str, kind: str, part: str, ctx: ArticleContext) -> Referent | None:
    """An organisation or place run, cleaned of what is not its name — or None when it is
    a title or an acronym the article never explains."""
    body = _LEADING_THE.sub("", _unit_of_a_body(strip_title_of(run))).split()
    while len(body) > 1 and _bare(body[0]) in _TEMPORAL_TITLES:
        body = body[1:]  # "Former United States Central Intelligence Agency"
    for k in range(1, len(body)):  # "United States Central Intelligence Agency"
        inner = ctx.dictionary.lookup(" ".join(body[k:]))
        if inner and ctx.dictionary.lookup(" ".join(body[:k])):
            return Referent(inner.canonical_name, inner.actor_type, None, part)
    last = _bare(body[-1])
    if last in TITLE_WORDS or (last.rstrip("s") in TITLE_WORDS and last != "states"):
        # A title, not a body: "Senate Minority Leader" (but a body of "… African States").
        return None
    if (
        kind == "organization"
        and len(body) == 1
        and _ACRONYM.fullmatch(body[0])
        and not _spelled_out(body[0], ctx.article_text)
    ):
        return None  # "TV", "UTC", "DNA": an acronym the article never spells out
    return Referent(" ".join(body), kind, None, part)


# A role set before a name between commas: "The Tánaiste, Siobhán Ní Bhriain, said", "the
# Minister for Housing, Tadhg Ó Loingsigh, said".
_ROLE_APPOSED = re.compile(r"\b[Tt]he\s+(?P<role>(?:[\w’'\-]+\s+){0,6}?[\w’'\-]+),\s+$")


# What a person is called in an apposition right after their name: "Kwabena Oduro, 58, a
# fisherman", "Sirinya Boonprasert, a lawyer with the centre", "Delroy Ashby, the MP for
# St Andrew Southern": an age, or a person's noun
# heading a phrase (not the modifier of a body's: "X, a state agency").
_PERSON_NOUNS = (
    TITLE_WORDS
    - _TEMPORAL_TITLES
    - {"first", "vice", "emeritus", "state", "prime", "crown", "majority", "minority", "head",
       "ally"}
)  # fmt: skip
_APPOSED_AGE_OR_NOUN = re.compile(
    r",\s+(?:\d{1,3},|(?:a|an|the)\s+(?:[\w’'-]+\s+){0,3}?(?P<noun>[A-Za-z][\w-]*)"
    r"(?=\s+(?:with|at|for|of|from|in|on|who|and)\b|\s*[,.;]))"
)


def apposed_as_a_person(text: str, end: int) -> bool:
    """Does an apposition right after a name (ending at `end`) show a person?"""
    apposed = _APPOSED_AGE_OR_NOUN.match(text, end)
    return apposed is not None and (
        apposed.group("noun") is None or apposed.group("noun").lower() in _PERSON_NOUNS
    )


# A long title in capitals set off before a name: "The Police Public Relations Officer of
# the Ogun State Police Command, SP Olusegun Adeyemi-Bakare,".
_TITLE_APPOSED = re.compile(
    r"\b[Tt]he\s+(?P<role>[A-Z][\w’'\-]*(?:\s+(?:(?:of|for|to|the|and|in|on|at)\s+)*"
    r"[A-Z][\w’'\-]*){1,9}),\s+$"
)


def role_apposed_before(text: str, start: int, end: int) -> str | None:
    """The role a name between commas is given just before it (`start`, `end`: the name)."""
    if not text.startswith(",", end):
        return None
    titled = _TITLE_APPOSED.search(text, max(0, start - 100), start)
    office = _office(titled.group("role")) if titled else ""
    if office and _bare(office.split()[-1]) in TITLE_WORDS:
        return titled.group("role")  # capitals and small words only: the title as written
    match = _ROLE_APPOSED.search(text, max(0, start - 60), start)
    if match is None:
        return None
    words = [_bare(w) for w in match.group("role").split()]
    if words[0] not in TITLE_WORDS and words[-1] not in TITLE_WORDS:
        return None
    return _clean_role(match.group("role"))


@_remembered
def _role_from_lead(lead: str) -> str | None:
    """The title words just before a name: 'Putin ally' in 'Putin ally Alexander Lukashenko'.
    Walks back from the name while words are capitalised or titles, so a long lead such as
    'an assessment from the Security Service colonel' gives 'Security Service colonel'."""
    words = lead.split()
    kept: list[str] = []
    for word in reversed(words):
        if any(mark in word for mark in '“”"‘’') or word.endswith(("'s", "’s", ",", ";")):
            break  # a quotation's last word, a possessor ("Prime Minister's Questions"), or
            # the end of the list item before ("… Yuval Steinitz, Greek prime minister X")
        if _bare(word) in CUE_VERBS:
            break  # "Wrote blogger Mary Banda:": the verb opening the sentence is no title
        if _bare(word) in TITLE_WORDS or is_capitalised(word):
            kept.insert(0, word.strip(",;:"))
        else:
            break
    return _clean_role(" ".join(kept))


def _has_title_word(text: str) -> bool:
    return any(_bare(w) in TITLE_WORDS for w in text.split())


_QUOTED = re.compile(r"[“\"‘][^”\"’]*[”\"’]")
_ROLE_EDGE = {"and", "of", "the", "a", "an", "for", "on", "to", "in", "at", "with", "or"}
_ROLE_HONORIFICS = HONORIFICS | {"cde", "comrade"}
# Words a role does not open on: "Dear Secretary", "Yet Mr" ("Police Commissioner" does).
_ROLE_OPENERS = (NON_NAME_WORDS - {"police"}) | TIME_WORDS | _ROLE_EDGE | {"dear"}
_ROLE_TITLE_WORDS = TITLE_WORDS - HONORIFICS


# Words that may come before the title itself: "U.S. Sen.", "former Rep.".
_TITLE_QUALIFIERS = {"u.s", "us", "former", "then", "state"}


def as_title(role: str | None) -> str | None:
    """The role to publish: a kinship ("His wife Mary") tells who someone is to another, not
    their title, and is kept only to read the article (a person's gender, that a name is one)."""
    if role and {_bare(w) for w in role.split()} <= FAMILY_WORDS | {"his", "her", "their"}:
        return None
    return role


@_remembered
def _clean_role(role: str | None) -> str | None:
    """A role as its holder's own title: without quotation marks or nicknames in them,
    honorifics, sentence openers ("Yet", "On Sunday"), lower-case words that lead into it
    ("account of the"), connectors left at either end ("U.S. Attorney and") or another
    actor joined to it ("Senator Bond and Representative")."""
    if not role or role.endswith("/"):
        return None  # "the Bush/Enzi bill": another name, joined by a slash
    role = role.split(";")[0]  # "the Defence Secretary; he described …": the next clause
    words = [w.strip(',;:“”"‘’()') for w in _QUOTED.sub(" ", role).split()]
    words = _without_honorifics([w for w in words if w], _ROLE_HONORIFICS)
    while words and (
        _bare(words[0]) in _ROLE_OPENERS
        or (words[0].islower() and _bare(words[0]) not in TITLE_WORDS)
    ):
        words.pop(0)
    while words and _bare(words[-1]) in _ROLE_EDGE:
        words.pop()
    if "and" in words[:-1]:
        # "Tom Carper and Congressman", "Snohomish PUD and Attorney General": the title
        # after the last "and" is this person's; before it stands someone or something else.
        cut = len(words) - 1 - words[::-1].index("and")
        before, after = words[:cut], [_bare(w) for w in words[cut + 1 :]]
        titled = after[0] in _ROLE_TITLE_WORDS or (
            len(after) > 1 and after[0] in _TITLE_QUALIFIERS and after[1] in _ROLE_TITLE_WORDS
        )  # not "Department of Health and Human Services Secretary"
        if titled and any(w[:1].isupper() and _bare(w) not in _ROLE_TITLE_WORDS for w in before):
            words = words[cut + 1 :]
        elif after[0] in ("the", "a", "an", "its", "his", "her", "their"):
            words = before  # two appositions: "Orrin’s chief medical officer and the paper’s …"
    if not any(_bare(w) in _ROLE_TITLE_WORDS for w in words):
        return None
    return " ".join(words)
