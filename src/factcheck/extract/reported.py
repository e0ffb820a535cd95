"""Reported speech in one sentence: who says what, without quoting it in full.

The patterns are those of news writing:

* ``According to X, …`` and ``…, according to X.`` — the clause is X's;
* ``…, X said.`` / ``…, said X.`` — the sentence before the attribution is X's;
* ``X said (that) …``, ``X told Y (that) …``, ``X, the chairman of Y, warned …`` — every
  speech verb of the sentence is read with its own subject: the nearest noun phrase before
  it, past adverbs (``has repeatedly said``), appositions between commas and introductory
  phrases (``On Tuesday, X said``); a verb joined to an earlier one (``X called it "…" and
  said …``) takes the sentence's subject. A clause ends where the next attribution starts.

What is not reported speech: a verb used as a noun (``Russia's claims that``), negated or
planned speech (``did not say``, ``is expected to announce``), a verb with only an object
(``announced a new grant``), participial and relative tails (``including …``).
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace

from factcheck.extract.lexicon import (
    COMMON_WORDS,
    CUE_VERBS,
    DOCUMENT_NOUNS,
    MONTHS,
    NAME_PARTICLES,
    NON_NAME_WORDS,
    ORG_WORDS,
    PRONOUNS_PERSON,
    REPORTING_CUES,
    REPORTS_ONLY_WITH_THAT,
    TIME_WORDS,
    TITLE_WORDS,
    WEEKDAYS,
    is_adverb,
)
from factcheck.extract.names import (
    BODY_NOUNS,
    HOLDER_PRONOUN,
    NAMED_ONLY_AS,
    OCCUPATION,
    PORTFOLIOS,
    TEAM_OF,
    ArticleContext,
    Attribution,
    Referent,
    resolve_phrase,
)
from factcheck.extract.text import PATRONYMIC_PARTICLES, QUOTE_BLANK, find_quotes


@dataclass(frozen=True)
class ReportedSpan:
    """A reported clause: who says it, and where it is in the sentence."""

    attribution: Attribution
    start: int
    end: int


# Sources reported without a name ("police said", "critics have claimed") and documents
# that speak ("the report said", "studies indicated").
UNNAMED_SOURCES = {
    "officials", "official", "analysts", "experts", "police", "authorities", "critics",
    "protesters", "witnesses", "residents", "scientists", "researchers", "sources", "doctors",
    "prosecutors", "investigators", "observers", "officers", "activists", "organisers",
    "organizers", "lawyers", "historians", "economists", "aides", "advisers", "advisors",
    "lawmakers", "legislators", "democrats", "republicans", "diplomats", "leaders", "agencies",
    "spokesman", "spokeswoman", "spokesperson", "campaign", "administration", "government",
    "ministry", "department", "company", "agency", "military", "army", "court", "judge",
    "report", "reports", "statement", "study", "studies", "survey", "poll", "polls",
    "ruling", "decree", "filing", "complaint", "indictment", "lawsuit", "memo", "letter",
    "decision", "judgment", "judgement", "verdict",
    "document", "documents", "analysis", "data", "figures", "estimates", "records", "media",
    "newspaper", "paper", "network", "people", "voters", "supporters", "opponents",
    "interviewee", "several", "others", "many", "group", "organization", "groups",
    "campaigners", "charities", "unions", "barrister", "solicitor", "prosecutor", "lawyer",
    "coroner", "magistrate",
    "organisation", "committee", "commission", "council", "union", "party", "team",
    "attacker", "suspect", "defendant", "defendants", "victim", "victims", "family",
    "embassy", "office", "spokespeople", "representatives", "members", "staff", "employees",
    "voter", "resident", "witness", "source", "analyst", "expert", "critic", "protester",
    "doctor", "officer", "activist", "person", "man", "woman", "aide", "adviser",
    "advisor", "lawmaker", "diplomat", "leader", "representative", "member", "employee",
    "researcher", "scientist", "investigator", "observer", "proponents",
    "advocates", "backers", "regulators", "regulator", "parents", "relatives",
    "families", "research", "findings", "bank", "insiders", "skeptics", "sceptics", "journal",
    "charity", "watchdog", "ministers", "inquiry", "trust", "nurses", "teachers", "medics",
    "councillors", "strategists", "pollsters", "consultants", "executive",
    "negotiators", "mediators", "lobbyists", "staffers",
    # Kinds of people and bodies who speak in the plural: "Hospitals say the fees …".
    "allies", "hospitals", "insurers", "utilities", "airlines", "banks", "employers",
    "businesses", "farmers", "workers", "patients", "physicians", "executives", "administrators",
    "landlords", "tenants", "retailers", "manufacturers", "developers", "neighbours", "neighbors",
    "students", "scholars", "academics", "villagers", "fishermen", "locals", "commentators",
    "investigations", "organizations", "organisations", "ngos", "entourage", "camp",
    # Documents and offices: "The motion claims …", "The advisory also noted that …".
    "motion", "petition", "advisory", "bulletin", "prefecture", "model", "models",
    "simulations", "projections", "forecasts", "voices", "broadcasters", "announcements",
    # Citizen media: "netizens say", "Kettős Mérce blog reported that …".
    "bloggers", "netizens", "users", "blog", "blogs", "website", "websites", "site", "sites",
    # Bodies, spoken of by their kind: "The caucus said in a statement that …".
    "caucus", "authority", "board", "bureau", "assembly", "cabinet", "presidency",
    "secretariat", "federation", "association", "coalition", "foundation", "institute",
    "utility", "hospital", "university", "school", "city", "county", "district", "regime",
    "junta", "tribunal", "panel",
}  # fmt: skip

# Read here with the noun uses ruled out by `subject_before`: "Trump claims he …" is a
# report, "Russia's claims that" is not; "the study found that …".
_EXTRA_CUES = {"claim", "claims", "found", "finds", "show", "showed", "shows", "reports",
               "posted"}  # fmt: skip
# Speech verbs that report only a "that" clause: the lexicon's, and forms that are no cue of
# a quotation ("in all 50 states, the party …", "through repeated cries of: “…”"): "the
# report states that …", "announcements state that …", "the network projects that …".
_THAT_ONLY_CUES = REPORTS_ONLY_WITH_THAT | {
    "states",
    "state",
    "projects",
    "projected",
    "repeated",
    "repeats",
}
_EXTRA_CUES |= _THAT_ONLY_CUES
# What may open their clause: "that", after an aside ("repeated, with a strange insistence,
# that …"), or a pronoun that is its subject ("Mitsotakis underlined they keep …").
_THAT_NEXT = re.compile(
    r"(?:,\s+[^,]{1,40},)?,?\s+(?:also\s+|again\s+)?(?:that|(?P<pronoun>he|she|they|we|there))\s"
)
_CUE = re.compile(
    r"(?<![\w’'-])("
    + "|".join(sorted(REPORTING_CUES | _EXTRA_CUES, key=len, reverse=True))
    + r")(?![\w’'-])"
)
# Before a speech verb, words that are not its subject: auxiliaries and adverbs.
_SKIPPED = {
    "has", "have", "had", "was", "were", "is", "are", "also", "previously", "repeatedly",
    "reportedly", "later", "earlier", "then", "further", "once", "publicly", "privately",
    "again", "recently", "initially", "first", "now", "would", "will", "already", "still",
    "just", "separately", "instead", "too", "even", "often", "frequently", "quickly",
    "immediately", "subsequently", "similarly", "likewise", "himself", "herself", "itself",
    "themselves", "both", "each", "since", "long", "always",
}  # fmt: skip
# Speech verbs that are plural nouns too: "counties and states" joins no verb.
_ALSO_NOUNS = {"states", "reports", "claims", "notes", "estimates", "warns", "says", "argues"}
# A speech verb after these is not a report of what was said.
_NOT_SAID = {"not", "never", "n't", "to", "didn't", "doesn't", "won't", "wouldn't", "cannot"}
_GONE_ON = re.compile(r"(?:went|goes|go|going|continued|continues) (?:on )?to$")
# Words that make a speech verb a noun: "Russia's claims that", "the report said" is fine.
_DETERMINERS = {"the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "these",
                "those", "such", "false", "new", "unfounded", "baseless", "repeated", "all",
                "many", "some", "amongst", "among"}  # fmt: skip
_LINKS = {"of", "and", "for", "from", "at", "in"}
_NP_FUNCTION = {"the", "a", "an", "his", "her", "their", "its", "our", "other", "several",
                "some", "many", "two", "three", "four", "five", "of", "and", "for", "from",
                "at", "in"}  # fmt: skip
# Words that start a tail which is not a reported clause.
_NOT_A_CLAUSE = {
    "by", "to", "for", "on", "in", "at", "with", "from", "of", "including", "such", "as",
    "especially", "particularly", "like", "which", "who", "whose", "while", "about",
    "against", "into", "over", "under", "through", "after", "before", "during",
    "excluding", "following", "regarding", "concerning", "according", "saying", "adding",
    "calling", "noting", "citing", "why", "how", "whether", "if", "what", "when", "where",
    "having",
}  # fmt: skip
# Sets asked about together (built once, not on every question).
_SKIPPED_OR_TIME = _SKIPPED | TIME_WORDS
# Where something was said, between its subject and verb: "on Twitter", "on state TV".
_MEDIA = {"twitter", "facebook", "instagram", "youtube", "telegram", "tiktok", "weibo",
          "linkedin", "reddit", "television", "tv", "radio", "media", "x"}  # fmt: skip
_MEDIUM = re.compile(r"\s(?:on|via|over)\s+(?:\w+\s+)?\S+$")
# What may lead up to a time word between a subject and its verb: "during the weekend".
_TIME_LINKS = {"the", "during", "over", "throughout", "past", "for", "that", "a", "as", "of"}
_NOT_A_SUBJECT_END = _NOT_A_CLAUSE | _LINKS | {"but", "so"}
_SUBJECT_PRONOUNS = PRONOUNS_PERSON | {"they", "it", "we"}
_VERB = re.compile(
    r"\b(?:is|are|was|were|be|been|has|have|had|will|would|can|could|may|might|must|"
    r"should|shall|did|does|do|[a-z]{2,}(?:ed|es)|left|said|made|took|got|went|came|saw|"
    r"knew|thought|told|found|gave|felt|became|began|kept|held|brought|wrote|stood|lost|"
    r"paid|met|ran|won|led|sent|built|spent|fell|rose|grew|drew|broke|spoke|chose|struck|"
    r"hit|put|set|cut|let|shut|cost|sold|bought|caught|taught|fought|meant|heard|needs|"
    r"wants|remains|seems|means|knows|thinks|says|gets|makes|takes|goes|comes|lies|fled|hid|"
    r"shot|sank|swore|wore|drove|rode|ate|flew|threw|blew|beat|sought|dealt|hung|laid|lent|"
    r"slept|stole|tore|understood|withdrew|arose|bent|fed|forgot|froze|lit|spread|swept|"
    r"swung|wound|struck|began|sat|stood|hurt|shed|bid|rang|sang|drank|sprang|slid|spun|"
    r"bore|shook|woke|dug|clung|upheld|withheld|overcame|overtook|undertook|forgave|"
    r"foresaw|mistook|burst|quit|split|bled|crept|knelt|leapt|sped|wept|thrust|strove|swam|"
    r"stung|slung|stank|rebuilt|overran|outran|oversaw|undid|withstood)\b"
    r"|n’t|n't"
)
# Verbs that report only with "that": "expressed concern that …", not "expressed concern";
# "accused X of lying" charges a deed, it reports no statement.
NEEDS_THAT = {"expressed", "expresses", "reports", "accused", "accuses", "posted", "submitted",
               "submits", "demanded"}  # fmt: skip  # "demanded that it be …", not "… answers"
# Present forms that are nouns or adjectives as often: "an admit slip", "predict-and-provide".
NEEDS_THAT |= {"assert", "allege", "admit", "predict"}
NEEDS_THAT |= _THAT_ONLY_CUES
# Verbs that report only a clause plainly begun — with "that", or a short subject and its
# verb: "the study found that …" and "the study found the drug cut deaths", "Trump claims
# he would be okay", not "found the car", "found it difficult" or "China claims
# sovereignty over Taiwan".
_NEEDS_A_CLAUSE = {"found", "finds", "show", "showed", "shows", "claim", "claims", "claiming",
                   "disclosed", "discloses", "suggest", "report"}  # fmt: skip
# "emphasized excerpts of the speeches", "stressed the need to act", "reiterated its support".
_NEEDS_A_CLAUSE |= {
    "emphasized", "emphasised", "emphasizes", "emphasises", "emphasize", "emphasise",
    "stressed", "stresses", "reiterated", "reiterates", "reiterate", "acknowledged",
    "acknowledges", "acknowledge",
}  # fmt: skip
# Participles that report only a clause, not an object: "declaring (that) he would win",
# not "revealing their names".
_NEEDS_A_CLAUSE |= {
    "admitting", "asserting", "announcing", "conceding", "confirming", "declaring", "denying",
    "disclosing", "emphasising", "emphasizing", "explaining", "indicating",
    "contending", "predicting", "recalling", "reiterating", "revealing", "stressing",
    "suggesting",
}  # fmt: skip
_CLAUSE_OPENERS = {"when", "if", "there", "he", "she", "they", "we", "i"}
_NOT_IN_A_SUBJECT = {"that", "which", "who", "whom", "whose", "where", "to", "for", "with"}
_NOT_A_SUBJECT_START = {"and", "or", "but", "up", "down", "out", "off", "its"}
_MODALS = {"will", "would", "may", "might", "can", "could", "should", "must", "shall"}
_AUXILIARIES = _MODALS | {"is", "are", "was", "were", "has", "have", "had", "did", "does", "do"}
_ADDRESSEE_CUES = {"told", "informed", "warned", "assured", "reminded", "urged"}
_AUDIENCE = re.compile(
    r"^\s*(?:reporters|journalists|officials|lawmakers|legislators|supporters|residents|"
    r"delegates|colleagues|students|voters|investors|analysts|parents|members|councillors|"
    r"the\s+(?:press|media|court|jury|crowd|audience|committee|"
    r"inquiry|hearing|house|senate|council)|him|her|them|us|me|"
    r"(?:[Tt]he\s+)?[A-Z][\w’'.\-]*(?:\s+(?:of\s+)?[A-Z][\w’'.\-]*)*)"  # "told the Star"
)
_APPOSED_THAT = re.compile(r",\s+[^,]{1,60},\s+that\s+")
_WORD = re.compile(r"\S+")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")


def _bare(token: str) -> str:
    return token.strip(".,;:'\"“”‘’()").lower()


_WAS_TOLD = re.compile(
    r"^(?P<hearer>[A-Z][^,]{1,60}?)\s+(?:was|were|has been|have been|had been)\s+told"
    r"(?:\s+that)?\s+(?P<clause>.{12,})$",
    re.S,
)
_COURT_HEARD = re.compile(
    r"^(?:(?:The|the)\s+(?:court|jury|inquest|tribunal|hearing|trial)|Jurors)\s+"
    r"(?:heard|was told|were told|has heard|had heard)(?:\s+that)?\s+(?P<clause>.{12,})$",
    re.S,
)


def find_reported(sentence: str, ctx: ArticleContext) -> list[ReportedSpan]:
    """Every reported clause of one sentence, in order."""
    # "…, per a Senate aide": as "according to", unless the sentence has its own speech verb
    # ("X said …, per WHO guidelines").
    if "according to" in sentence.lower() or (", per " in sentence and not _CUE.search(sentence)):
        found = _according(sentence, ctx)
        if found:
            return found
    hearer = _WAS_TOLD.match(sentence)
    if hearer and _is_clause(hearer.group("clause")):
        # "BBC Radio Westmarch was told that …", "Sky News has been told …": by no one named.
        source = outlet(resolve_phrase(hearer.group("hearer"), ctx), ctx)
        attribution = Attribution(None, "told", source)
        return [ReportedSpan(attribution, hearer.start("clause"), len(sentence))]
    court = _COURT_HEARD.match(sentence)
    if court and _is_clause(court.group("clause")):
        # "The court heard that …", "Jurors were told …": evidence put to the court, by no
        # one named.
        return [ReportedSpan(Attribution(None, "heard"), court.start("clause"), len(sentence))]
    by_reports = _BY_REPORTS.match(sentence)
    if by_reports and _is_clause(sentence[by_reports.end() :]):
        # "By reports, Joe Biden won all three": as "according to reports".
        return [ReportedSpan(Attribution(None, "according to"), by_reports.end(), len(sentence))]
    opinion = _opinion(sentence, ctx) or _position(sentence, ctx)
    if opinion:
        return [opinion]
    tail = _tail(sentence, ctx) or _said_inside(sentence, ctx)
    if tail:
        return [tail]
    relayed = _issued_document(sentence, ctx) or _cited_as_saying(sentence, ctx)
    if relayed:
        return [relayed]
    named = _by_speech_verbs(sentence, ctx)
    impersonal = _impersonal(sentence, ctx, before=named[0].start if named else len(sentence))
    return sorted(impersonal + named + _accusations(sentence, ctx), key=lambda s: s.start)


# An accusation: "accused the government of using a national project to shore up …". What
# the accuser charges is a claim to check, as anything they said; it is reported with its
# verb ("accused X of …"), since the charge alone ("X of lying") does not read as a claim.
_ACCUSED = re.compile(
    r"\b(?P<cue>accused|accuses|accusing|accuse)\s+(?P<object>[^,;.“\"]{1,80}?)\s+of\s+\S"
)
# Where the charge ends: at the next verb of its subject, or the next clause.
_CHARGE_ENDS = re.compile(
    rf"\s+and\s+(?:\w+ly\s+)?(?:also\s+)?(?={_CUE.pattern})|;|"
    r",\s+(?:and|but|while|saying|adding|which|who)\b"
)


def _accusations(sentence: str, ctx: ArticleContext) -> list[ReportedSpan]:
    """Each accusation of the sentence with a subject (not "was accused of": the passive
    names no accuser)."""
    spans = []
    for accused in _ACCUSED.finditer(sentence):
        if _BE_BEFORE.search(sentence, 0, accused.start()):
            continue
        subject = subject_before(sentence, accused.start("cue"))
        if subject is None:
            continue
        who = resolve_speaker(subject[0], sentence, ctx)
        if who is None or not speaks(who, subject[0]):
            continue
        charge = accused.end() - 1
        ends = _CHARGE_ENDS.search(sentence, charge)
        end = ends.start() if ends else len(sentence.rstrip())
        if len(sentence[charge:end].split()) >= 2 or sentence[charge] in "“\"‘'":
            spans.append(ReportedSpan(Attribution(who, "accused"), accused.start("cue"), end))
    return spans


# A form of "be" just before a verb: the passive "was accused", the progressive "are saying".
_BE_BEFORE = re.compile(
    r"\b(?:am|is|are|was|were|be|been|being)\s+(?:(?:also|now|still|\w+ly)\s+)?$"
)


# Someone who put out a document saying something: "The Department issued a statement that
# an inmate had been stabbed", "The ministry released a statement on Friday saying …".
_ISSUED_DOCUMENT = re.compile(
    r"\b(?:issued|released|put out|published|sent out)\s+(?:a|an|its|his|her|their|the)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:statement|letter|notice|press release|memo|message)"
    r"(?:\s+[^,;“\"]{0,40}?)??\s+(?P<link>saying|stating|that)\s+(?P<next>[\w’'-]+)"
)


def _issued_document(sentence: str, ctx: ArticleContext) -> ReportedSpan | None:
    """The clause a document says, given to whoever put the document out (the subject
    before the verb), as `X said` would give it."""
    issued = _ISSUED_DOCUMENT.search(sentence)
    if issued is None or issued.start() == 0:
        return None
    if issued.group("link") == "that" and _finite_verb(issued.group("next")):
        return None  # "released a statement that criticised …": a relative clause
    clause_start = issued.start("next")
    subject = subject_before(sentence, issued.start())
    if subject is None or not _is_clause(sentence[clause_start:]):
        return None
    return _rest_said_by(subject[0], sentence, clause_start, ctx)


def _rest_said_by(
    phrase: str, sentence: str, clause_start: int, ctx: ArticleContext
) -> ReportedSpan | None:
    """The sentence from `clause_start` on, said by whoever `phrase` names (if anyone)."""
    who = resolve_speaker(phrase, sentence, ctx)
    if who is None or not speaks(who, phrase):
        return None
    return ReportedSpan(Attribution(who, "said"), clause_start, len(sentence))


# A source another source relays: "The BBC cited Budi Gunawan, chief of the agency, as
# saying the suspects were linked …", "Reuters quoted a minister as telling reporters that
# …". The clause is the relayed speaker's, not the relaying outlet's.
_CITED_AS_SAYING = re.compile(
    r"\b(?:cited|cites|citing|quoted|quotes|quoting)\s+(?P<who>[^;“\"]{2,160}?),?\s+as\s+"
    r"(?:(?:saying|stating|claiming|warning)\s+(?:that\s+)?"
    r"|telling\s+(?:[\w.’'-]+\s+){1,4}?that\s+|telling\s+[\w.’'-]+\s+)(?=\S)"
)


def _cited_as_saying(sentence: str, ctx: ArticleContext) -> ReportedSpan | None:
    """The clause after 'cited/quoted X as saying', given to X."""
    if " as " not in sentence:
        return None  # the pattern's one fixed word: most sentences are skipped unsearched
    cited = _CITED_AS_SAYING.search(sentence)
    if cited is None or not _is_clause(sentence[cited.end() :]):
        return None
    return _rest_said_by(cited.group("who"), sentence, cited.end(), ctx)


# A report with no one named as its source: "It was initially reported (that) the fire
# started …", "It is understood the minister will resign", and the personal passive "He was
# reported to be in stable condition". A "by" phrase may still name the source.
# The personal passive takes only the hedging verbs: "X was announced to have died" states
# a fact, "X was said to have died" reports one.
_HEARSAY_CUES = r"reported|said|claimed|alleged|understood|believed|rumou?red|estimated|thought"
_PASSIVE_CUES = rf"{_HEARSAY_CUES}|announced|confirmed|suggested|revealed|disclosed|argued"
_AUXILIARY = r"(?:is|was|are|were|(?:has|have|had) been|will be|would be)"
_ADVERB = r"(?:\s+(?:\w+ly|also|now|since|long|first|later|earlier))?"
_IT_IS_REPORTED = re.compile(
    rf"(?:^|,\s+|\b(?:and|but)\s+)[Ii]t{_ADVERB}\s+{_AUXILIARY}{_ADVERB}\s+(?P<cue>{_PASSIVE_CUES})\b"
)
_REPORTED_TO_BE = re.compile(
    rf"^(?P<subject>[^,]{{2,80}}?)\s+{_AUXILIARY}{_ADVERB}\s+(?P<cue>{_HEARSAY_CUES})\s+to\s+"
    r"(?:be|have)\b"
)


# After "X is understood to have": a speech verb, then the clause it reports.
_TO_HAVE_SAID = re.compile(r"\s+(?P<cue>[a-z]+ed|said|told \w+)(?:\s+that)?\s+")
# Conjunctions that open a second clause: "…, but police later said …".
_CLAUSE_LINKS = {"but", "and", "or", "so", "yet", "while", "whereas", "though", "although"}
_NEXT_CLAUSE = re.compile(rf"(?:,\s+(?:{'|'.join(sorted(_CLAUSE_LINKS))})|;)\s+")


def _impersonal(sentence: str, ctx: ArticleContext, before: int) -> list[ReportedSpan]:
    """'It was reported on Saturday that the prisoner was stabbed', 'The company is said to
    have lost millions': reported, by nobody the sentence names (or by its 'by' phrase).
    A named report from `before` on ends it at the clause boundary before that report's
    subject ('It was first reported …, but police later said …'), or replaces it when it
    lies inside ('It was reported that the mayor said …')."""
    passive = _IT_IS_REPORTED.search(sentence, 0, before)
    if passive:
        verb = CUE_VERBS.get(passive.group("cue"), "reported")
        clause_start, _ = _clause_start(sentence, passive.end(), verb)
        if clause_start is None or clause_start >= before:
            return []
        end = len(sentence)
        if before < len(sentence):
            boundaries = list(_NEXT_CLAUSE.finditer(sentence, clause_start, before))
            if not boundaries:
                return []
            end = boundaries[-1].start()
        if not _is_clause(sentence[clause_start:end]):
            return []
        by = re.match(r"\s+by\s+(?P<who>.+?)\s+that\s", sentence[passive.end() :])
        who = resolve_phrase(by.group("who"), ctx) if by else None
        return [ReportedSpan(Attribution(who, verb), clause_start, end)]
    personal = _REPORTED_TO_BE.match(sentence)
    if personal and before == len(sentence) and plausible_subject(personal.group("subject")):
        spoke = _TO_HAVE_SAID.match(sentence, personal.end())
        if spoke and _is_clause(sentence[spoke.end() :]):
            # "Okonjo is understood to have warned that …": her words, as it is understood.
            who = resolve_phrase(personal.group("subject"), ctx)
            if who and speaks(who, personal.group("subject")):
                cue = CUE_VERBS.get(spoke.group("cue"), "said")
                return [ReportedSpan(Attribution(who, cue), spoke.end(), len(sentence))]
        verb = CUE_VERBS.get(personal.group("cue"), "reported")
        return [ReportedSpan(Attribution(None, verb), 0, len(sentence))]
    return []


_BY_REPORTS = re.compile(
    r"^(?:By|From|According to) (?:all |many |multiple |some |several |varying |early |initial )?"
    r"(?:accounts|reports),\s+"
)
_APPOSED_NAME = re.compile(r"(?P<name>[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*){1,3}),\s+")


_RELATIVE_BEFORE = re.compile(r",\s+(?:who|which)\s")
_POSSESSIVE = re.compile(r"\w(?:’s|'s|s’|s')\s")


# "According to X, …" — X may hold a date's comma: "a March 14, 2019 NATO press release".
_ACCORDING_FIRST = re.compile(
    r"^According to (?P<who>(?:[^,]|,(?=\s*\d{4}\b)){2,200}),\s+(?P<clause>.{12,})$", re.S
)
_DATE = re.compile(
    r"\b(?:" + "|".join(sorted(MONTHS)) + r")\s+\d{1,2}(?:,\s*\d{4})?\b", re.IGNORECASE
)


def _according(sentence: str, ctx: ArticleContext) -> list[ReportedSpan]:
    """'According to X, …', '…, and according to X he died …', '…, according to X.'"""
    according = _ACCORDING_FIRST.match(sentence)
    if according:
        apposed = _APPOSED_NAME.match(according.group("clause"))
        described = according.group("who").split()
        owned = _POSSESSIVE.search(according.group("who"))
        if apposed and (described[0].islower() or owned) and _bare(described[-1]) in TITLE_WORDS:
            # "According to the El Paso mayor, Dee Margo, police …", "According to Windsor
            # Locks' first selectman, Chris Kervick, there were …": the name is who.
            who_text = f"{according.group('who')}, {apposed.group('name')}"
            clause_start = according.start("clause") + apposed.end()
        else:
            who_text, clause_start = according.group("who"), according.start("clause")
        who = resolve_phrase(" ".join(_DATE.sub(" ", who_text).split()), ctx)
        inner = [
            span
            for span in _by_speech_verbs(sentence, ctx, from_=clause_start)
            if not _RELATIVE_BEFORE.search(sentence, clause_start, span.start)
            and not sentence[: span.start].rstrip().endswith(",")
        ]  # "…, Brennan made the call after talks with leaders, who told him …": his act;
        # "a specialist who, he claimed, “…”": a source set inside the clause, no report
        if inner:  # "According to ISNA, the prosecutor, Ali Mehr, said …": Mehr's words
            source = outlet(who, ctx) if who else None
            relayed = [replace(s, attribution=replace(s.attribution, source=source)) for s in inner]
            # "According to him, the head has resigned; the government has allotted …; the
            # authorities have confirmed that …": what comes before the inner report is his.
            listed = sentence.rfind(";", clause_start, inner[0].start)
            if who and listed > clause_start and _is_clause(sentence[clause_start:listed]):
                own = ReportedSpan(Attribution(who, "according to", source), clause_start, listed)
                return [own, *relayed]
            return relayed
        if who:
            attribution = Attribution(who, "according to", outlet(who, ctx))
            return [ReportedSpan(attribution, clause_start, len(sentence))]
    middle = re.match(
        r"^.*?(?:,|\band)\s+according to (?P<who>[^,]{2,80}?)(?:,\s+|\s+(?=(?:he|she|they|it|"
        r"the|a|an|this|there)\s))(?P<clause>.{12,})$",
        sentence,
        re.S,
    )
    if (
        middle
        and _is_clause(middle.group("clause"))
        and not _UNFINISHED.search(middle.group("who"))  # "a report in which they said"
    ):
        who = resolve_phrase(middle.group("who"), ctx)
        if who:
            attribution = Attribution(who, "according to", outlet(who, ctx))
            return [ReportedSpan(attribution, middle.start("clause"), len(sentence))]
    trailing = _TRAILING_ACCORDING.match(sentence)
    if trailing and len(trailing.group("who").split()) <= 10:
        # "…, according to prosecutor Josh Bash, the U.S. Attorney …" / "…, according to
        # police, who said officers arrived …" / "… a report in which they said …": the
        # source may come with an apposition or a relative clause, which may report
        # something of its own.
        more = trailing.start("more") if trailing.group("more") else len(sentence)
        apposition = sentence[trailing.end("who") : more].strip(" ,.")
        who_text = trailing.group("who")
        if apposition and not apposition.startswith(("who ", "which ")):
            who_text = f"{who_text}, {apposition}"
        who = resolve_phrase(who_text, ctx)
        if who is None and unnamed_source(who_text):
            who = Referent(who_text, None, None, who_text)  # "per a Senate aide involved in …"
        inner = _by_speech_verbs(sentence[: trailing.end("clause")], ctx)
        if inner and who and not who.actor_type:
            # "X told Y that …, according to two people present": X's words, as they heard.
            return inner
        if who:
            attribution = Attribution(who, "according to", outlet(who, ctx))
            relative = []
            if more < len(sentence):
                relative = _by_speech_verbs(sentence, ctx, from_=trailing.start("who"))
            return [ReportedSpan(attribution, 0, trailing.end("clause")), *relative]
    inserted = _ACCORDING_INSERTED.search(sentence)
    if inserted and _is_clause(sentence[: inserted.start()]):
        # "YPG is the main force of the SDF and, according to Turkey, supportive of the PKK":
        # the source set inside the sentence vouches for all of it.
        who = resolve_phrase(inserted.group("who"), ctx)
        if who:
            attribution = Attribution(who, "according to", outlet(who, ctx))
            return [ReportedSpan(attribution, 0, len(sentence))]
    return []


# A speech verb and its subject set off inside the sentence they report: "Day, they said,
# desired no memorials", "Because warm water is buoyant, says the study, it rises".
_INSIDE_CUES = (
    "said|says|added|adds|argued|argues|insisted|insists|noted|notes|claimed|claims|warned|"
    "warns|explained|explains|believes|believed|contended|contends|maintained|maintains"
)
_SAID_INSIDE = re.compile(
    r"^(?P<front>[^,\"“”]{3,150}?),\s+(?:"
    rf"(?P<who>[^,\"“”]{{1,60}}?)\s+(?P<cue>{_INSIDE_CUES})"
    rf"|(?P<cue_first>{_INSIDE_CUES})\s+(?P<after>[^,\"“”]{{2,60}}?)"
    r"),\s+(?P<rest>[^\"“”\s].{8,})$",
    re.S,
)


def _said_inside(sentence: str, ctx: ArticleContext) -> ReportedSpan | None:
    """The whole sentence, as the source set inside it vouches for all of it."""
    inside = _SAID_INSIDE.match(sentence)
    if inside is None or _CUE.search(inside.group("front")):
        return None
    front, rest = inside.group("front"), inside.group("rest")
    opener = _bare(front.split()[0])
    subordinate = opener in _OPENS_A_SUBORDINATE_CLAUSE
    if not subordinate and (is_introductory(opener) or opener.endswith(("ing", "ed"))):
        return None  # "However, she added, …", "Asked by X how …, Hughes said, …"
    if QUOTE_BLANK in rest[:3]:
        return None  # a quotation follows: the quote's attribution, not a report
    phrase = inside.group("who") or inside.group("after")
    if len(phrase.split()) > 6 or any(map(_finite_verb, phrase.split()[1:])):
        return None
    # Read without the attribution: "Day desired no …", "Because …, it rises …".
    if not _is_clause(f"{front}, {rest}" if subordinate else f"{front} {rest}"):
        return None
    who = resolve_speaker(phrase, sentence, ctx)
    if _bare(phrase) == "they" and (who is None or not who.actor_type):
        who = None  # "Day, they said, …": those close to her, unnamed
    elif who is None or not speaks(who, phrase):
        return None
    cue = inside.group("cue") or inside.group("cue_first")
    return ReportedSpan(Attribution(who, CUE_VERBS.get(cue, "said")), 0, len(sentence))


# A source set off inside a sentence, before what it vouches for: ", according to X, …".
_ACCORDING_INSERTED = re.compile(r",\s+according to (?P<who>[^,]{2,80}?),\s+(?=\S)")


# "In his opinion, …", "In the minister's view, …", "From her point of view, …": the
# clause is the holder's view, put as the reporter heard it.
_OPINION = re.compile(
    r"^(?:In|From|To)\s+(?P<holder>his|her|their|its|(?:the\s+)?[\w.’'\- ]{2,60}?[’']s)\s+"
    r"(?:own\s+)?(?:opinion|view|words|estimation|assessment|judge?ment|mind|perspective|"
    r"point of view|reading|telling|account)\s*,\s+(?P<clause>.{12,})$",
    re.S,
)


# "The government's argument was that …", "Their position is that …".
_POSITION = re.compile(
    r"^(?P<holder>his|her|their|its|(?:the\s+)?[\w.’'\- ]{2,60}?[’']s)\s+(?:main\s+|central\s+)?"
    r"(?:counter-?)?(?:argument|position|view|claim|contention|case|defen[cs]e|explanation|"
    r"response|conclusion|belief|stance)\s+(?:is|was|has been|had been|remains)\s+that\s+"
    r"(?P<clause>.{12,})$",
    re.S | re.I,
)


def _opinion(sentence: str, ctx: ArticleContext) -> ReportedSpan | None:
    """'In his view, the centres are on a par with foreign ones': his view, reported."""
    if not sentence.startswith(("In", "From", "To")):
        return None  # what the pattern opens on: most sentences are skipped unmatched
    return _held(_OPINION.match(sentence), ctx, "believes")


def _position(sentence: str, ctx: ArticleContext) -> ReportedSpan | None:
    """'The government's argument was that prorogation is a political tool': its words."""
    if "that" not in sentence.lower():
        return None
    return _held(_POSITION.match(sentence), ctx, "argued")


def _held(framed: re.Match | None, ctx: ArticleContext, cue: str) -> ReportedSpan | None:
    """The clause of a view or an argument, given to whoever holds it."""
    if framed is None or not _is_clause(framed.group("clause")):
        return None
    holder = framed.group("holder")
    phrase = HOLDER_PRONOUN.get(holder.lower()) or re.sub(r"[’']s$", "", holder)
    who = resolve_phrase(phrase, ctx)
    if who is None or not speaks(who, phrase):
        return None
    return ReportedSpan(Attribution(who, cue), framed.start("clause"), framed.end("clause"))


# A source cut short: "a report in which | they said", "a report from | the Herald".
_UNFINISHED = re.compile(r"\b(?:which|who|whom|where|from|of|by|in|at|on|to|for|with)$")
_TRAILING_ACCORDING = re.compile(
    r"^(?P<clause>.{12,}?)(?:,?\s+according to|,\s+per(?=\s+(?:a|an|the|data|[A-Z])))\s+"
    r"(?P<who>[^,]{2,120}?)"
    r"(?:,\s+(?:the|a|an)\s[^,]{2,120}?|(?:,\s+|\s+)(?P<more>(?:who|which|in which|where)\b.*?))?"
    r"\.?$",
    re.S,
)


_TAIL_CUES = (
    r"said|says|say|added|adds|claimed|claims|warned|warns|told \w+|noted|notes|stated|"
    r"explained|argued|argue|argues|insisted|insist|suggested|suggest|revealed|reported|"
    r"confirmed|announced|wrote|tweeted|acknowledged|admitted|estimated|estimate|predicted|"
    r"predict|stressed|observed|concluded|believes|believe|assesses|assess|maintained|"
    r"maintain|contend|contends|contended|allege|alleges|alleged|rules|ruled|finds|found|"
    r"reveals|heard|testified"
)
# What may follow an attribution without being reported: "…, officials said, as both sides
# traded blame." (After "but" a report set off inside its sentence goes on: "…, he said, but
# it has begun …"; one at the end does not.) Nor is a participle about the source: "…, a
# ministry official told reporters, asking not to be named."
_TRAILING_ADVERBIAL = (
    r"(?:as|while|when|after|although|though|in|on|asking|speaking|requesting|declining)\s"
)
_OPENS_ON_AN_ADVERBIAL = re.compile(_TRAILING_ADVERBIAL)
_REPORTED_TAIL = re.compile(
    rf"^(?P<clause>.{{12,}}?),[”\"]?\s+(?P<subj>[^,]{{2,80}}?)\s+(?:(?:has|have|had)\s+)?"
    rf"(?:also\s+)?(?P<cue>{_TAIL_CUES})\b"
    rf"(?P<rest>[^,]{{0,40}}?)(?:\s+[—–]\s+.*|,\s+(?:but\s|{_TRAILING_ADVERBIAL}).*)?"
    r"\.?$",
    re.S,
)
# "…, argued the government's lawyer, Richard Keen." — the speaker may carry an apposition.
_INVERTED_CUES = (
    r"said|says|say|added|adds|argued|argues|wrote|writes|explained|explains|noted|notes|"
    r"insisted|stated|warned|warns|claimed|concluded|countered|reported|recalled|declared|"
    r"stressed|acknowledged|conceded|confirmed|announced|observed|suggested|predicted|"
    r"cautioned|replied|responded"
)
_REPORTED_TAIL_INVERTED = re.compile(
    rf"^(?P<clause>.{{12,}}?),\s+(?P<cue>{_INVERTED_CUES})\s+(?P<subj>[^,]{{2,80}}?)"
    r"(?:,\s+(?P<apposition>[^,]{2,100}?))?\.?$",
    re.S,
)


# An attribution set off inside the sentence it reports: "By the time she got the
# warning, she said, she could see flames", "Each visit costs $240, he said, and …", "The
# jet was not airworthy, investigators have said, and …".
_REPORTED_INSIDE = re.compile(
    r"^(?P<clause>.{12,}?),[”\"]?\s+"
    r"(?P<subj>he|she|they|[A-Z][\w’'\-]+(?:\s+[A-Z][\w’'\-]+){0,2}|[a-z]+)"
    r"\s+(?:(?:has|have|had)\s+)?(?P<cue>said|says|wrote|writes|added|adds|recalled|explained)"
    r",\s+(?P<after>\S.{11,})$",
    re.S,
)


def _set_off(sentence: str, start: int, end: int) -> bool:
    """Is sentence[start:end] set off by commas on both sides (", she said,")?"""
    return sentence[:start].rstrip().endswith(",") and sentence[end:].lstrip().startswith(",")


def _read_to(ctx: ArticleContext, offset: int) -> None:
    """Move the reading position to `offset` in the sentence being read: what the sentence
    named before an attribution ("Dunford is set to meet …, a spokesperson for the senator
    said") is known when it is read."""
    block, start = ctx.sentence
    ctx.move_to(block, start + offset, start)


def _tail(sentence: str, ctx: ArticleContext) -> ReportedSpan | None:
    """'…, X said.' and '…, said X.': the sentence before the attribution is X's; and
    '…, X said, …': the whole sentence around it."""
    if "," not in sentence:
        return None  # every form sets the attribution off with a comma
    inside = _REPORTED_INSIDE.match(sentence)
    if (
        inside
        and inside.group("after")[:1] not in "“\"‘'" + QUOTE_BLANK  # '…, X said, “…”': a quote
        and not _OPENS_ON_AN_ADVERBIAL.match(inside.group("after"))
        and not _CUE.search(
            inside.group("clause")
        )  # "X said the jobs go to a district where, he said, …"
        and (_is_clause(inside.group("clause")) or _is_clause(inside.group("after")))
    ):
        subject = inside.group("subj")
        who = resolve_speaker(subject, sentence, ctx)
        if who and (who.actor_type or (subject.islower() and unnamed_source(subject))):
            cue = CUE_VERBS.get(inside.group("cue"), "said")
            return ReportedSpan(Attribution(who, cue), 0, len(sentence))
    for pattern in (_REPORTED_TAIL, _REPORTED_TAIL_INVERTED):
        tail = pattern.match(sentence)
        if not tail or not plausible_subject(tail.group("subj")) or _joins_a_clause(tail):
            continue
        if pattern is _REPORTED_TAIL_INVERTED and not _inverted_speaker(tail):
            continue
        rest = tail.groupdict().get("rest") or ""
        if len(tail.group("clause").split()) < 4 or not _is_clause(tail.group("clause")):
            continue  # "Vladimir Putin, president of Russia, said": an apposition
        if re.search(rf"\bthat\b|[“\"{QUOTE_BLANK}]", rest) or _VERB.search(rest):
            # "…, Obama told Bee that the choice …", "Once, when Trump interjected, Biden
            # said “…”": the report is after the verb
            continue
        if rest.split() and _bare(rest.split()[0]) in _DETERMINERS:
            continue  # "Having moved, the firm announced the creation of 40 jobs": an object
        apposition = tail.groupdict().get("apposition")
        if apposition and _bare(apposition.split()[0]) in _NOT_A_SUBJECT_END:
            apposition = None  # "…, stated Minister X, and was left outside": not about X
        subject = f"{tail.group('subj')}, {apposition}" if apposition else tail.group("subj")
        _read_to(ctx, tail.start("subj"))
        who = resolve_speaker(subject, sentence, ctx)
        leading = leading_subject(sentence)
        if who is None and _bare(tail.group("subj")) in ("they", "it") and leading:
            # "State prosecutors charged the suspect …, they said": the clause's subject.
            who = resolve_phrase(leading[0], ctx)
        if who and (who.actor_type or who.withheld or unnamed_source(who.as_written)):
            cue = CUE_VERBS.get(tail.group("cue").split()[0].lower(), "said")
            return ReportedSpan(Attribution(who, cue), 0, tail.end("clause"))
    return None


_SUBJECT_START = {"the", "a", "an", "his", "her", "its", "their", "our", "one", "two"}


def _joins_a_clause(tail: re.Match) -> bool:
    """'…, but Saudi Arabia alleged Iranian involvement': a second clause, not a tail.
    'as' attributes ('…, as Frontera Informativa reported'), unless the clause before it
    reports words of its own ('X argued that …, as the court found')."""
    first = _bare(tail.group("subj").split()[0])
    return first in _CLAUSE_LINKS or (first == "as" and bool(_CUE.search(tail.group("clause"))))


def _inverted_speaker(tail: re.Match) -> bool:
    """'…, argued the government's lawyer, Richard Keen.' — not '…, declared victory for
    Trump' (an object, not a speaker), nor 'X, who started Y, announced a new system' (the
    verb's subject is before it) nor a quotation, which is read as a quotation."""
    first = tail.group("subj").split()[0]
    last_part = tail.group("clause").rsplit(",", 1)[-1].split()
    return (
        (
            first[:1].isupper()
            or _bare(first) in _SUBJECT_START
            or _bare(first) in UNNAMED_SOURCES
            or _bare(first) in TITLE_WORDS
        )
        and not any(mark in tail.group("clause") for mark in '"“”„«»' + QUOTE_BLANK)
        and not (last_part and _bare(last_part[0]) in ("who", "which", "whose"))
    )


# Words that show a "subject" is really a clause: "It was not clear if Ukraine had suggested".
_NOT_A_SUBJECT = {
    "is", "was", "were", "are", "be", "been", "being", "if", "whether", "that", "to",
    "which", "when", "because", "would", "will", "can", "could", "may", "might", "should",
    "not", "way", "while", "after", "before", "since", "than", "unless", "whose",
}  # fmt: skip


def plausible_subject(subject: str) -> bool:
    """A speaker phrase is a short noun phrase; appositions between commas do not count."""
    head = subject.split(",")[0].strip()
    first, joined, second = head.partition(" and ")
    if joined and len(_PARENTHESES.sub("", second).split()) >= 2:
        # "U.S. Senator Pat Roberts and First District U.S. Congressman Jerry Moran": two
        # speakers, each a plausible phrase (not "… of Public Works and Highways (DPWH)").
        return plausible_subject(first) and plausible_subject(second)
    words = [w.lower().strip(".;:") for w in head.split()]
    # A body's name may be long: "The UN Office for the Coordination of Humanitarian Affairs".
    named = sum(w[:1].isupper() for w in head.split()) * 2 >= len(words) and not any(
        w in TITLE_WORDS for w in words
    )  # not "Executive Director of Jordan's Justice Center for Legal Aid"
    return 0 < len(words) <= (14 if named else 10) and not any(w in _NOT_A_SUBJECT for w in words)


@dataclass(frozen=True)
class _Report:
    """One speech verb of a sentence with its subject: where the subject and clause start."""

    attribution: Attribution
    subject_start: int
    cue_start: int
    clause_start: int


# A second speech verb sharing the sentence's subject: "… but insisted", "… and warned".
_SHARED_SUBJECT = re.compile(r"\b(?:and|but)\s+(?:[a-z]+ly\s+|also\s+)?$")


def opens_a_report(word: str, rest: str) -> bool:
    """Could the speech verb `word`, followed by `rest`, report something here? Verbs that
    need "that" or a plain clause do only with one ("demanded that …", "report she is …";
    not "demanded from his readers attention", "to report reality")."""
    if word in NEEDS_THAT:
        return rest.startswith(" that ")
    if word in _NEEDS_A_CLAUSE:
        return rest.startswith(" that ") or _subject_and_verb(rest)
    return True


_REPORTED_AS = re.compile(
    r"\s+(?:killed|dead|missing|injured|wounded|arrested|detained|displaced|hurt|"
    r"abducted|kidnapped|captured|infected)\b"
)


# What one claims without saying anything of the world: "claimed responsibility", "claimed
# victory", "claimed asylum".
_CLAIMED_A_THING = re.compile(
    r"\s+(?:(?:full|sole|overall)\s+)?(?:responsibility|credit|victory|asylum|ownership|"
    r"the\s+(?:title|seat|prize|throne|lives?))\b"
)


def _by_speech_verbs(sentence: str, ctx: ArticleContext, from_: int = 0) -> list[ReportedSpan]:
    """'X said (that) …' for every speech verb of the sentence (from `from_` on) that has
    a subject."""
    quoted = _quoted_ranges(sentence)
    reports: list[_Report] = []
    for cue in _speech_verbs(sentence, from_):
        if any(a <= cue.start() < b for a, b in quoted):
            continue
        if reports and cue.start() < reports[-1].clause_start:
            continue  # "said in a statement posted on Telegram that …": the first verb's
        # The clause first: many speech verbs report none, and it is cheaper to find than
        # who the subject is.
        word = cue.group(1).lower()
        if word == "reported" and _REPORTED_AS.match(sentence, cue.end()):
            continue  # "Civilians reported killed: 55": what was reported of them
        if _CLAIMED_A_THING.match(sentence, cue.end()) and word.startswith("claim"):
            continue  # "claimed responsibility for the attack": a deed, not a statement
        opening = None
        if word in _THAT_ONLY_CUES:
            opening = _THAT_NEXT.match(sentence, cue.end())
            if opening is None:
                continue  # "countered with a plan that …", "states in 2013 that created …"
        verb = CUE_VERBS.get(word) or CUE_VERBS.get(f"{word}s", word)  # "report": "reported"
        needs_that = (word in NEEDS_THAT and not (opening and opening.group("pronoun"))) or (
            word in _NEEDS_A_CLAUSE and not _subject_and_verb(sentence[cue.end() :])
        )
        clause_start, addressee = _clause_start(sentence, cue.end(), verb, needs_that)
        if clause_start is None or (
            not reports and not _reported_clause(sentence, clause_start, len(sentence))
        ):
            # Nothing reported ('"…," she said.', 'said in a statement.'), and no report
            # before it whose clause it would end.
            continue
        shared = _SHARED_SUBJECT.search(sentence, 0, cue.start()) if reports else None
        if shared:
            # "X said his country would … but insisted that …": the same speaker goes on.
            who, subject_start = reports[-1].attribution.speaker, shared.start()
        else:
            subject = subject_before(sentence, cue.start())
            if subject is None or subject[1] < from_:
                continue
            phrase, subject_start = subject
            if reports and _set_off(sentence, subject_start, cue.end()):
                continue  # "said the plant … to a district where, she said, work is scarce"
            _read_to(ctx, subject_start)
            who = resolve_speaker(phrase, sentence, ctx)
            if who is None or not speaks(who, phrase):
                continue
            if word == "reports" and not who.actor_type and len(phrase.split()) < 2:
                continue  # "Recent reports that …", "Unconfirmed reports that …": a noun
        obj = resolve_phrase(addressee, ctx) if addressee else None
        attribution = Attribution(who, verb, outlet(obj, ctx))
        reports.append(_Report(attribution, subject_start, cue.start(), clause_start))
    # "Kosiec stated police believe him to be 25": a report that opens another's clause is
    # part of that clause, not a report of its own — unless the outer one is a medium
    # reporting it: "Reuters reported that Finance Minister Ann Lee said …" is Lee's claim,
    # as Reuters reported it.
    reports = _unnested(reports, sentence, ctx)
    spans = []
    for index, report in enumerate(reports):
        # The clause runs to the sentence's end, or to where the next attribution starts
        # (its subject, or its verb when it shares the sentence's subject: "… and said").
        end = len(sentence)
        if index + 1 < len(reports):
            following = reports[index + 1]
            end = following.subject_start
            if end < report.clause_start:
                end = following.cue_start
        if end <= report.clause_start:
            continue
        clause = _without_trailing_link(sentence[report.clause_start : end])
        if _reported_clause(sentence, report.clause_start, report.clause_start + len(clause)):
            start = report.clause_start
            spans.append(ReportedSpan(report.attribution, start, start + len(clause)))
    return spans


# "report" as a verb, after a plural subject: "scientists report", "they report" (not "an
# audit report", "to report to Congress", "The New York Times report that …").
_REPORT = re.compile(r"(?<![\w’'-])(report)(?![\w’'-])")
_PLURAL_BEFORE = re.compile(r"\b(?:[a-z]{3,}s|they|we)\s+(?:also\s+|now\s+)?$")


def _speech_verbs(sentence: str, from_: int) -> list[re.Match]:
    """The speech verbs of the sentence from `from_` on, in order."""
    plural_reports = [
        verb
        for verb in _REPORT.finditer(sentence, from_)
        if _PLURAL_BEFORE.search(sentence, 0, verb.start())
    ]
    return sorted([*_CUE.finditer(sentence, from_), *plural_reports], key=lambda m: m.start())


def _unnested(reports: list[_Report], sentence: str, ctx: ArticleContext) -> list[_Report]:
    """The reports of a sentence without those inside another's clause (see the caller)."""
    kept = list(reports)
    for index, (earlier, later) in enumerate(itertools.pairwise(reports)):
        if not _opens_the_clause(sentence, earlier.clause_start, later.subject_start):
            continue
        if earlier.attribution.cue == "reported":
            source = _reporter(earlier.attribution.speaker, ctx)
            kept[index + 1] = replace(
                kept[index + 1], attribution=replace(later.attribution, source=source)
            )
            kept[index] = None
        else:
            kept[index + 1] = None
    return [r for r in kept if r is not None]


def _opens_the_clause(sentence: str, clause_start: int, subject_start: int) -> bool:
    """Does a subject open the clause reported before it, perhaps after words that qualify it
    and that the subject's phrase left out ("He added that | linguistic | experts hired by
    the defense had concluded …")?"""
    between = sentence[clause_start:subject_start]
    if subject_start < clause_start or len(between.split()) > 2 or re.search(r"[,;:—–]", between):
        return False
    return all(
        w.isalpha() and not _finite_verb(w) and w.lower() not in _NP_FUNCTION
        for w in between.split()
    )


def _reported_clause(sentence: str, start: int, end: int) -> bool:
    """Is `sentence[start:end]` what a speech verb reports? A clause; or, after "that", any
    run of words that opens like one, though its verb is none the rules know ("explained
    that Articles 165 and 166 of the Penal Code mandate a punishment")."""
    text = sentence[start:end]
    if _is_clause(text):
        return True
    words = text.split()
    return (
        sentence[:start].rstrip().endswith(" that")
        and len(words) >= 5
        and (words[0][:1].isupper() or _bare(words[0]) in _OBJECT_DETERMINERS)
        and any(w.islower() and _bare(w) not in _NP_FUNCTION for w in words[1:])
    )  # not "reach that culture and that intelligence", "announced that Mary Hayes of St."


def _finite_verb(word: str) -> bool:
    """A verb form, not a plural noun in -es ('examples', 'colleagues') or a word in -ed
    that is no past tense ('the need to act', 'at full speed')."""
    bare = _bare(word)
    return bool(_VERB.fullmatch(bare)) and not bare.endswith("es") and bare not in _NOT_PAST


_NOT_PAST = {"need", "speed", "seed", "feed", "deed", "greed", "creed", "breed", "weed", "heed",
             "indeed", "proceed", "exceed", "succeed", "bed", "red", "hundred", "sacred",
             "naked", "wicked", "rugged", "kindred"}  # fmt: skip


_IT_VERB = re.compile(r"[a-z]{3,}[^su]s")  # a present tense in -s after "it"


def _subject_and_verb(rest: str) -> bool:
    """Does `rest` open on a clause — a pronoun, 'when'/'if', or a short noun phrase and
    then its finite verb ('the number of cases rose', 'the cease and desist order did')?
    The noun phrase runs up to five words without a comma or a relative pronoun; one with
    'and' needs an auxiliary ('claimed these benefits and blocked …' is two actions)."""
    words = [w.lower() for w in rest.split(maxsplit=7)[:7]]
    if words and words[0] in _CLAUSE_OPENERS:
        return True
    if (
        not words
        or words[0] in _NOT_A_SUBJECT_START
        or words[0] in _NOT_A_CLAUSE
        or words[0] in _AUXILIARIES  # "Hong Kong shows are scheduled": a noun
    ):
        return False
    if words[0] == "it":  # "it alters", "it was" — not "found it curious"
        verb = words[1].rstrip(".,;:") if len(words) > 1 else ""
        return verb in _AUXILIARIES or _finite_verb(verb) or bool(_IT_VERB.fullmatch(verb))
    for index, word in enumerate(words[:6]):
        bare = word.rstrip(".,;:")
        if index and bare in _AUXILIARIES:
            return True
        if index and _finite_verb(bare) and "and" not in words[:index]:
            return True
        if word.endswith((",", ";", ":")) or bare in _NOT_IN_A_SUBJECT:
            return False
    return False


# What may trail a clause before the next attribution: ", and", "and said:".
_TRAILING_LINK = re.compile(
    r"(?:[,;]?\s*(?:and|but)?\s*(?:"
    + "|".join(sorted(CUE_VERBS, key=len, reverse=True))
    + r")?[\s:,]*)$"
)
_LINK_WINDOW = 80  # longer than any link; a pattern anchored at the end tries every start


# The last words of the speech verbs, which a link may end on ("pointed out").
_CUE_LAST_WORDS = {cue.rsplit(None, 1)[-1] for cue in CUE_VERBS} | {"and", "but"}


def _without_trailing_link(clause: str) -> str:
    ending = clause[-1:]
    if ending and not ending.isspace() and ending not in ":,;":
        words = clause.rsplit(None, 1)
        if not words or words[-1] not in _CUE_LAST_WORDS:
            return clause  # most clauses end on a full stop or a word: nothing trails
    head, tail = clause[:-_LINK_WINDOW], clause[-_LINK_WINDOW:]
    return head + _TRAILING_LINK.sub("", tail)


_CONTRACTION = re.compile(r"[’'](?:ve|m|d|ll|re|s)$")


# A source who asked not to be named: "the senator told CNN, speaking on condition of
# anonymity" is not the last senator the article named.
_ANONYMITY = re.compile(
    r"\b(?:anonymity|anonymously|not authori[sz]ed to (?:speak|discuss|comment)|"
    r"(?:asked|declined|requested) not to be (?:named|identified)|"
    r"(?:did not|didn’t|didn't) (?:wish|want) to be (?:named|identified))",
    re.I,
)
_DESCRIPTION_OPENERS = {"the", "a", "an", "one", "two", "three", "another", "several", "some"}


# Sources described by whom they know: "Sources close to Mrs Stroud", "two people
# familiar with the talks" are not Mrs Stroud or the talks.
_CLOSE_TO = re.compile(
    r"\b(?:sources|people|aides|allies|officials|friends|insiders)\s+"
    r"(?:close to|familiar with|briefed on)\b(?:\s+[^\s,]+){0,4}\s*$",
    re.I,
)


def resolve_speaker(phrase: str, sentence: str, ctx: ArticleContext) -> Referent | None:
    """The actor a speech verb's subject names, unless the sentence says the source it
    describes is not to be named; an unnamed source whatever its length ("researchers from
    the University of Washington and Stanford University")."""
    at = sentence.find(phrase)
    named_as = NAMED_ONLY_AS.match(sentence, at + len(phrase)) if at >= 0 else None
    if named_as:  # "A resident, who gave his name only as Tunde …, said"
        return resolve_phrase(sentence[at : named_as.end()], ctx)
    # The subject may have lost its determiner: "one | Republican senator told Axios".
    described = " ".join([*sentence[:at].split()[-1:], phrase]) if at > 0 else phrase
    for description in (phrase, described):
        if _someone_of_a_kind(description):
            # "one Republican senator", "two GOP aides", "another senator": someone new,
            # never the senator or the party the article named before.
            return Referent(description, None, None, description, withheld=True)
    close = _CLOSE_TO.search(sentence, 0, max(at, 0))
    if close:  # "Sources close to | Mrs Stroud": the sources speak
        described = sentence[close.start() : at + len(phrase)]
        return Referent(described, None, None, described, withheld=True)
    if _ANONYMITY.search(sentence):
        # The phrase may end a longer one: "A senior executive at another large | Nordic
        # bank, who asked not to be named, said" is the executive, not the bank.
        opening = sentence.rfind(",", 0, max(at, 0)) + 1
        described = sentence[opening : at + len(phrase)].strip()
        first = described.split(maxsplit=1)[:1]
        if (
            at > 0
            and first
            and _bare(first[0]) in _DESCRIPTION_OPENERS
            and unnamed_source(described)
        ):
            return Referent(described, None, None, described, withheld=True)
        # Or the description may have lost its article: "A senior | Senate committee aide".
        words = sentence[:at].split()[-2:] + phrase.split() if at >= 0 else phrase.split()
        if any(_bare(w) in _DESCRIPTION_OPENERS for w in words[:3]):
            return Referent(phrase, None, None, phrase, withheld=True)
    qualified = (
        _QUALIFIED_TITLE.search(sentence, 0, at) if at > 0 and phrase in TITLE_WORDS else None
    )
    if qualified:
        # "The local health minister said": the minister whose title says so, not the
        # civil aviation minister the article named last — a source it does not name.
        description = f"{qualified.group('words')}{phrase}"
        found = ctx.described(description.split())
        if found:
            return found
        if ctx.holds_another(description.split()):
            return Referent(description, None, None, description, withheld=True)
    who = resolve_phrase(phrase, ctx)
    if (who is None or _where_it_is(who, phrase)) and unnamed_source(phrase):
        # "A food bank based in Albuquerque, New Mexico, estimates": not New Mexico.
        return Referent(phrase, None, None, phrase)
    return who


# Determiners that introduce someone the article has not named: "a", "one", "two", "another".
_INDEFINITE = {
    "a", "an", "one", "two", "three", "four", "five", "several", "some", "another", "other",
    "many", "few", "multiple", "numerous",
}  # fmt: skip
# Heads of a description of people by what they are, who speak for nobody but themselves
# ("a Senate GOP aide", "a Turkish official"); a spokesperson speaks for their body ("a DHS
# spokesperson said" is the department's), so is not one.
_PEOPLE_HEADS = {
    "official", "officials", "aide", "aides", "adviser", "advisers", "advisor", "advisors",
    "source", "sources", "lawmaker", "lawmakers", "legislator", "legislators", "diplomat",
    "diplomats", "staffer", "staffers", "insider", "insiders", "strategist", "strategists",
    "operative", "operatives", "member", "members", "executive", "executives", "senators",
}  # fmt: skip
_VOICES_OF_A_BODY = {
    "spokesman", "spokeswoman", "spokesperson", "spokespeople", "representative",
    "representatives",
}  # fmt: skip


def _someone_of_a_kind(phrase: str) -> bool:
    """'one Republican senator', 'two GOP aides', 'a senior Gulf official': an indefinite
    description of a person by title or position, whatever proper names qualify it."""
    words = [_bare(w) for w in phrase.split()]
    if len(words) < 2 or len(words) > 6 or words[0] not in _INDEFINITE:
        return False
    if any(w in _PREPOSITIONS for w in words):
        return False  # "a spokesman for the ministry", "one of the senators": read as before
    head = words[-1]
    return head in _PEOPLE_HEADS or (head in TITLE_WORDS and head not in _VOICES_OF_A_BODY)


def _where_it_is(who: Referent, phrase: str) -> bool:
    """Is the place a description resolved to only where its source is ("A food bank based
    in Albuquerque, New Mexico"), not the place that speaks ("A Downing Street spokesman")?"""
    if who.actor_type != "place" or phrase.split(maxsplit=1)[0].lower() not in ("a", "an"):
        return False
    return bool(_LOCATED.search(phrase, 0, max(phrase.find(who.name), 0)))


_LOCATED = re.compile(r"\b(?:in|from|at|near|of)\s")  # "based in …", "from …"


# The words that qualify a title in lower case: "The local health | minister".
_QUALIFIED_TITLE = re.compile(r"\b[Tt]he\s+(?P<words>(?:[a-z][a-z\-]*\s+){1,3})$")


def speaks(who: Referent, phrase: str) -> bool:
    """A speaker the reader can name: an actor, a pronoun resolved to one, an unnamed
    source ("officials"), or a proper name the rules cannot type ("Priorities USA")."""
    if _CONTRACTION.sub("", _bare(phrase)) in ("i", "we", "you"):
        return False  # the writer of a quoted post, not a source the article names
    if phrase.startswith("@") or _lower_case_handle(phrase):
        return True  # an account: "@gree tweeted", "babalu called …"
    if who.actor_type or who.withheld or unnamed_source(phrase):
        return True
    words = [w for w in phrase.split() if _bare(w) not in _NP_FUNCTION]
    return (
        bool(words)
        and words[0][:1].isupper()
        and all(
            (w[:1].isupper() or w.isdigit()) and _bare(w) not in NON_NAME_WORDS for w in words
        )  # "The Lost 52 Project"
        and len(words) <= 5
    )


def _quoted_ranges(sentence: str) -> list[tuple[int, int]]:
    if not any(mark in sentence for mark in '"“„«'):
        return []
    return [(q.start, q.end) for q in find_quotes(sentence) if not q.single]


def subject_before(sentence: str, cue_start: int) -> tuple[str, int] | None:
    """The noun phrase a speech verb reports for, and where it starts; None when the verb
    is not a report (negated, infinitive, a noun) or has no subject."""
    if sentence[cue_start:].split(" ", 1)[0].endswith("ing"):
        progressive = _BE_BEFORE.search(sentence, 0, cue_start)
        if progressive:  # "Officials are saying that …", "Doctors have been warning that …"
            return subject_before(sentence, progressive.start())
        return _participle_subject(sentence, cue_start)
    team = TEAM_OF.search(sentence, max(0, cue_start - _TEAM_REACH), cue_start)
    if team:  # "Stamenković et al found": the lead author, for the team
        return subject_before(sentence, team.start())
    tokens = list(_WORD.finditer(_PARENTHESES.sub(_blank, sentence[:cue_start])))
    after_time = False  # "during the weekend": the words before a time word go with it
    while tokens and not tokens[-1].group().endswith(","):  # "ALDI, on Tuesday, said"
        word = tokens[-1].group()
        bare = _bare(word)
        medium = bare in _MEDIA and _MEDIUM.search(sentence, 0, tokens[-1].end())
        if medium and medium.end() == tokens[-1].end():
            # "Trump on Twitter referred to …": where it was said, not who said it.
            tokens = [t for t in tokens if t.start() < medium.start()]
            continue
        skipped = bare in _SKIPPED_OR_TIME or (word.islower() and is_adverb(word))
        # "A GAO report released last month found": the document, not its release
        skipped = skipped or (
            after_time
            and bare in _DOCUMENT_PARTICIPLES
            and len(tokens) > 1
            and _bare(tokens[-2].group()).removesuffix("s") in DOCUMENT_NOUNS
        )
        if not skipped and not (after_time and bare in _TIME_LINKS):
            break
        after_time = bare in TIME_WORDS or (after_time and bare in _TIME_LINKS)
        tokens.pop()
    head = sentence[: tokens[-1].end()] if tokens else ""
    if not tokens or _GONE_ON.search(head):
        if _GONE_ON.search(head):
            tokens = tokens[: -(3 if head.endswith(" on to") else 2)]
        if not tokens:
            return None
    last = tokens[-1].group()
    if _bare(last) in ("who", "which", "that") and len(tokens) > 1:
        # "… Chris Christie, who denounced …": the relative pronoun's antecedent speaks.
        previous = tokens[-2]
        end = previous.end() - 1 if previous.group().endswith(",") else previous.end()
        if sentence[:end].rstrip().endswith(")"):  # "Walt Prescott (R-Idaho), who …"
            end = sentence.rfind("(", 0, end)
        return (
            _issuer_of_document(sentence, end)
            or (_bare(last) == "who" and _named_before_apposition(sentence, end))
            or _subject_of_np(sentence, end)
        )
    if _bare(last) in _NOT_SAID or _bare(last) in _DETERMINERS or last.endswith(("’s", "'s")):
        return None
    if _bare(last) in ("and", "but"):
        if sentence[cue_start:].split()[0].lower() in _ALSO_NOUNS:
            return None
        # "The letter was organised by Rachel Ashworth, the MP for X, who described the levy
        # as “…” and said it …": the relative's antecedent goes on speaking.
        who = sentence.rfind(", who ", 0, tokens[-1].start())
        found = None
        if who > 0:
            found = _named_before_apposition(sentence, who) or _subject_of_np(sentence, who)
        return found or leading_subject(sentence)
    if last.endswith(","):
        return _subject_before_apposition(sentence, tokens[-1].end() - 1)
    found = _subject_of_np(sentence, tokens[-1].end()) or _subject_with_phrase(
        sentence, tokens[-1].end()
    )
    if found and _TOLD_BEFORE.search(sentence, 0, found[1]):
        return None  # "told BBC Radio Westmarch he believed …": the one told, not a speaker
    if found is None:
        found = _subject_with_relative(sentence[:cue_start])
    if found:
        found = _name_before_an_unclosed_title(sentence, found)
    if found and _place_after_place(sentence, found[1], found[0]):
        return None  # "… held at its office in Chyasal, Lalitpur concluded": a place
    return found


_TEAM_REACH = 40  # characters back from a speech verb that " and their collaborators" needs


# Words a subject does not run back over: clause links and auxiliaries.
_SUBJECT_STOPS = _NOT_A_SUBJECT | {"and", "but", "or", "said", "says", "as", "so"}
_PREPOSITIONS = {"from", "at", "of", "in", "across", "for", "with", "by", "on", "near", "along",
                 "around", "throughout", "among", "outside", "inside"}  # fmt: skip
_SUBJECT_OPENERS = _NP_FUNCTION | {"another", "some", "many", "most", "two", "three"}


def _subject_with_phrase(sentence: str, end: int) -> tuple[str, int] | None:
    """A subject whose noun has a prepositional phrase after it: 'the authorities at Cairo
    airport said', 'Critics from across the political spectrum have claimed', 'Another
    report from the government said'. It starts at the first determiner, name or unnamed
    source that no preposition governs, within the words since the last clause break."""
    tokens = list(_WORD.finditer(sentence[:end]))[-12:]
    window: list[re.Match] = []
    for number in range(len(tokens) - 1, -1, -1):
        token = tokens[number]
        if token.group().endswith((",", ";", ":")):
            break
        if _bare(token.group()) in _SUBJECT_STOPS and not _joins_names(tokens, number):
            break
        window.insert(0, token)
    if not any(_bare(t.group()) in _PREPOSITIONS for t in window[1:]):
        return None  # without a phrase, `_subject_of_np` has read what there is
    for previous, token in itertools.pairwise([None, *window]):
        word, bare = token.group(), _bare(token.group())
        governed = previous is not None and _bare(previous.group()) in _PREPOSITIONS
        if governed or bare in _PREPOSITIONS:
            continue
        if bare in _SUBJECT_OPENERS or bare in UNNAMED_SOURCES or word[:1].isupper():
            phrase = sentence[token.start() : end].strip(" ,")
            return (phrase, token.start()) if plausible_subject(phrase) else None
    return None


def _joins_names(tokens: list[re.Match], number: int) -> bool:
    """Is tokens[number] an "and" between two names inside a phrase ("authorities in the
    United Kingdom and the United States")?"""
    before = tokens[number - 1].group() if number else ""
    after = tokens[number + 1].group() if number + 1 < len(tokens) else ""
    return (
        tokens[number].group() == "and"
        and before[:1].isupper()
        and (after[:1].isupper() or after == "the")
    )


_DESCRIBING = re.compile(r"^\s*(?:a|an|the|former|then)\s[^,]*$", re.I)


def _named_before_apposition(sentence: str, end: int) -> tuple[str, int] | None:
    """'Mark Hay, a marine ecologist and professor at GT, who said …': the relative's
    antecedent is the name the apposition describes, not the description."""
    comma = sentence.rfind(",", 0, end)
    apposition = sentence[comma + 1 : end]
    if comma < 0 or not _DESCRIBING.match(apposition) or any(map(_finite_verb, apposition.split())):
        return None  # not "At a hearing, the Committee heard from experts who testified"
    named = _subject_of_np(sentence, comma)
    if named is None or not named[0].split()[-1][:1].isupper():
        return None
    return named


# The verb that issues a document and the words up to its noun ("released a joint", "sent
# his"): the document's words are the issuer's. Claims read the same words before a noun.
ISSUING_VERB = r"(?:released|issued|published|put out|sent|posted|shared|wrote|signed|tweeted)"
BEFORE_A_DOCUMENT = r"\s+(?:a|an|the|its|his|her|their)\s+(?:[\w\-]+\s+){0,2}$"
_ISSUED = re.compile(rf"\b{ISSUING_VERB}{BEFORE_A_DOCUMENT}")


def _issuer_of_document(sentence: str, end: int) -> tuple[str, int] | None:
    """'They released a statement which said …': the words are the issuer's, not the
    statement's, so the subject is who released it."""
    words = sentence[:end].split()
    if not words or _bare(words[-1]) not in DOCUMENT_NOUNS:
        return None
    issued = _ISSUED.search(sentence[: end - len(words[-1])])
    if issued is None:
        return None
    return _subject_of_np(sentence, len(sentence[: issued.start()].rstrip()))


# How an apposition begins: "X, the chairman of Y,", "X, who chairs Y,", "X, 72,", "X, R-Alaska,".
_APPOSITION = re.compile(
    # A party and a state or district: "D-Mich.", "DFL-St. Paul".
    r"^\s+(?:(?:who|which|whose|the|a|an|his|her|its|their|former|then|now)\b"
    r"|(?-i:[A-Z]{1,3}-[A-Z])|\d)",
    re.I,
)


# Prepositions before a participle whose subject is the sentence's: "by saying", "in
# arguing", "when announcing", "after claiming".
_BY_SAYING = {"by", "in", "when", "while", "after", "before"}
_SAYING = {"saying", "arguing", "claiming", "insisting", "stating", "warning", "explaining",
           "suggesting", "admitting", "acknowledging", "asserting"}  # fmt: skip


def _participle_subject(sentence: str, cue_start: int) -> tuple[str, int] | None:
    """Who a participle speaks for: 'with Steve Scalise calling it …' — the name before it;
    'Trump has yet to concede, saying …' — the sentence's subject."""
    before = sentence[:cue_start].rstrip()
    word = sentence[cue_start:].split(" ", 1)[0].lower()
    if before.split() and before.split()[-1].lower() in _BY_SAYING and word in _SAYING:
        # "The parents tried to free him by saying …" — unless it is inside another's
        # clause: "Trump argued Biden lost votes by saying …" is Biden's.
        return None if _CUE.search(sentence, 0, cue_start) else leading_subject(sentence)
    if before and not before.endswith(","):
        found = _subject_of_np(sentence, len(before))
        if found and re.search(r"\b(?:with|and)\s+$", sentence[: found[1]]):
            return found  # "with Steve Scalise of Louisiana calling it …"
        if not before.split()[-1][:1].isupper():
            return None  # "a statement saying": the statement's words, not a speaker's
    agent = next(iter(_SPOKEN_BY.finditer(sentence, 0, cue_start)), None)
    if agent and agent.group("verb") in CUE_VERBS:
        # "… were described by Johnson as …, saying": the passive's agent goes on speaking.
        return agent.group("who"), agent.start("who")
    # "The prosecutor, Ali Mehr, said …, adding …": the subject of the verb it goes on from.
    earlier = next(iter(_CUE.finditer(sentence, 0, cue_start)), None)
    if earlier is not None and not sentence[earlier.start() :].split(" ", 1)[0].endswith("ing"):
        found = subject_before(sentence, earlier.start())
        if found:
            return found
    return leading_subject(sentence)


# A speech verb in the passive with its agent: "were described by Boris Johnson".
_SPOKEN_BY = re.compile(
    r"\b(?:is|are|was|were|been|being)\s+(?:\w+ly\s+)?(?P<verb>[a-z]+ed)\s+by\s+"
    r"(?P<who>[A-Z][\w.’'\-]*(?:\s+[A-Z][\w.’'\-]*){0,3})\b"
)


_AFTER_ACCORDING = re.compile(r"\baccording to\b[^,]*$", re.I)


# How an aside between subject and verb begins: "ALDI, in a Facebook post on Tuesday, called".
_ASIDE = re.compile(r"^\s+(?:in|on|at|during|via|through|speaking|writing)\s", re.I)


_WHO_CLAUSE = re.compile(r"\s+who\s")


def _describes(words: str) -> bool:
    """Words between commas that describe the name before them: an apposition ("the
    chairman of …", "a Democrat") or a bare office ("chairman of the tenants' association")."""
    first = words.split(maxsplit=1)[0] if words.split() else ""
    return bool(_APPOSITION.match(words)) or _bare(first) in TITLE_WORDS


def _subject_before_apposition(sentence: str, comma: int) -> tuple[str, int] | None:
    """'Kostenko, who is Secretary of …, Defense, and Intelligence, said': the subject is the
    noun phrase before the comma that opens the apposition (or an aside: 'ALDI, in a post
    on Tuesday, called'). Without a clear opening, the whole phrase from the sentence's
    subject on is read by `resolve_phrase`, which picks the person out of 'the Foreign
    Ministry spokesperson, Oleh Nikolenko'."""
    # Parentheses are asides, their commas separate nothing: "Sen. Harlan Voss (R., Kan.),
    # the …, said".
    sentence = _PARENTHESES.sub(_blank, sentence[:comma]) + sentence[comma:]
    commas = [i for i, ch in enumerate(sentence[:comma]) if ch == ","]
    if (
        len(commas) > 1
        and _WHO_CLAUSE.match(sentence, commas[-1] + 1)
        and _describes(sentence[commas[-2] + 1 : commas[-1]])
    ):
        # "Lau Kwok-keung, chairman of the tenants' association, who runs a pork stall in
        # To Kwa Wan, said": the relative clause describes whoever the apposition does.
        found = _subject_before_apposition(sentence, commas[-1])
        if found:
            return found
    for number in range(len(commas) - 1, -1, -1):
        opening = commas[number]
        aside = opening == commas[-1] and _ASIDE.match(sentence[opening + 1 : comma])
        if number and _apposition_before(sentence, commas[number - 1], opening):
            continue  # "Gary Peters, D-Mich., who …, said": the name is further back
        if aside or _APPOSITION.match(sentence[opening + 1 : comma]):
            found = _subject_of_np(sentence, opening)
            opens_on_a_phrase = number == 0 and _opens_on_a_preposition(sentence)
            if opens_on_a_phrase or (found and _INTRO_PHRASE.search(sentence[: found[1]])):
                # "Later, opening the debate on the X Bill, the Minister, Y, said", "Outside
                # the chamber, the director of …, Y, told": the words before the first comma
                # are an opening phrase; the subject follows it.
                words = sentence[opening + 1 : comma]
                return words.strip(), comma - len(words.lstrip())
            if (
                found
                and not is_introductory(found[0])
                and not _AFTER_ACCORDING.search(sentence[: found[1]])
            ):  # not "According to news agency ISNA, the prosecutor, Ali Mehr, said"
                if found[0].split()[-1].islower() and _NAMED_AT_END.search(
                    sentence, opening, comma
                ):
                    # "X's candidate for prime minister, former finance minister Ilze
                    # Kalniņa, told": a description, then the name of whom it describes.
                    return sentence[found[1] : comma].strip(" ,"), found[1]
                return found
    if len(commas) > 1 and _ASIDE.match(sentence[commas[-1] + 1 : comma]):
        # "Reacting, the Chief Press Secretary to the Governor, Mr Femi Adegbite, in a
        # statement made available to journalists on Monday, said": read as if the aside
        # were not there.
        found = _subject_before_apposition(sentence, commas[-1])
        if found:
            return found
    leading = leading_subject(sentence)
    if leading is None:
        return None
    phrase = sentence[leading[1] : comma].strip(" ,")
    return (phrase, leading[1]) if len(phrase.split()) <= 14 else None


# A name ending the words between two commas: "…, former finance minister Ilze Kalniņa".
_NAMED_AT_END = re.compile(r"\s[A-Z][\w’'\-]+\s+[A-Z][\w’'\-]+\s*$")
# An opening participial phrase, up to the noun phrase it ends on: "Later, opening the
# second stage debate on the …".
# "Speaking to Agence France-Presse, …" ("According to X, …" is read on its own).
_OPENING_PARTICIPLE = re.compile(r"\s*(?!According)[A-Z][a-z]+ing\s[^,]*$")
_INTRO_PHRASE = re.compile(r"(?:^|,)\s*(?:[a-z]+ing|[A-Z][a-z]+ing(?=\s+[a-z]))\s[^,]*$")


def _apposition_before(sentence: str, comma: int, opening: int) -> bool:
    """Whether the words between two commas are a second apposition of a name before them
    ('Judge Edward Becker, his colleague, who …', 'Gary Peters, D-Mich., who …'), not the
    subject after an opening phrase ('Late on Sunday, the President, in a statement, …')."""
    if not _describes(sentence[comma + 1 : opening]):  # "X, convener of Y, a forum, said"
        return False
    named = _subject_of_np(sentence, comma)
    return (
        named is not None
        and not is_introductory(named[0])
        and not _OPENING_PARTICIPLE.match(sentence[: named[1]])  # "Speaking to AFP, the …, X,"
        and _bare(named[0].split()[-1]) not in TIME_WORDS
    )


_OPENING_PREPOSITIONS = _PREPOSITIONS | {
    "after", "before", "during", "following", "despite", "amid", "under", "within", "beyond",
    "behind", "upon", "over", "into", "through", "against", "since",
}  # fmt: skip


def _opens_on_a_preposition(sentence: str) -> bool:
    """'Outside the chamber, …', 'At a hearing in October, …': an opening phrase, no
    subject."""
    first = sentence.split(maxsplit=1)[:1]
    return bool(first) and _bare(first[0]) in _OPENING_PREPOSITIONS


# "A meeting … held at the party's office in Chyasal, Lalitpur concluded": the subject's
# phrase names a place, then the larger place it is in — no subject of its own.
_PLACE_IN_PLACE = re.compile(r"^(?:A|An|The)\s[^,]*\b(?P<preposition>[a-z]+)\s+[A-Z][\w’'\-]*,\s+$")


# A subject that carries a short relative clause: "The public officials who ordered that
# change claimed …", "Residents who fled the fire said …".
_RELATIVE_SUBJECT = re.compile(
    r"^(?P<subject>[A-Za-z][^,;:]{1,60}?)\s+(?:who|that)\s+[^,;:\"“”]{3,60}?\s*$"
)


def _subject_with_relative(before: str) -> tuple[str, int] | None:
    """The sentence's opening noun phrase, when a short relative clause runs from it to the
    speech verb and the phrase names a kind of source (not "The plan that … said")."""
    match = _RELATIVE_SUBJECT.match(before)
    if match is None:
        return None
    subject = match.group("subject")
    if not unnamed_source(subject) or any(map(_finite_verb, subject.split())):
        return None
    return subject, 0


_UNCLOSED_AFFILIATION = re.compile(r",\s+(?:from|of|at|with)\s+")


# An apposition describing someone by their post at a body, left open before the verb: ", the
# Chief Technological Officer of | Red Hat said", ", a marine ecologist at | Georgia Tech said".
_UNCLOSED_DESCRIPTION = re.compile(
    r",\s+(?:the|a|an)\s+(?P<words>(?:[\w\-’']+\s+){1,6}?)(?:of|at|for|with)\s+(?:the\s+)?$"
)


_DESCRIPTION_OPENS = re.compile(r"(?:the|a|an)\s", re.I)
_GOVERNED = re.compile(r"\b(?:to|in|at|from|for|with|by|on|of|about)\s+$", re.I)


def _has_title(words: str) -> bool:
    """Do the words name a post ("Chief Technological Officer", "marine ecologist")?"""
    return any(_bare(w) in TITLE_WORDS or OCCUPATION.search(_bare(w)) for w in words.split())


def _name_before_an_unclosed_title(sentence: str, found: tuple[str, int]) -> tuple[str, int]:
    """'Erwin Chemerinsky, Dean of UC Berkeley School of Law called it …': an apposition
    whose closing comma the writer left out; the name before it is the subject."""
    phrase, start = found
    affiliation = _UNCLOSED_AFFILIATION.search(sentence, 0, start)
    if affiliation and affiliation.end() == start:
        # "Blogger C. Custer, from ChinaGeeks writes": where the blogger writes, set off by
        # one comma only.
        named = _subject_of_np(sentence, affiliation.start())
        if named and len(named[0].split()) >= 2 and named[0].split()[-1][:1].isupper():
            return sentence[named[1] : start + len(phrase)], named[1]
    described = _UNCLOSED_DESCRIPTION.search(sentence, 0, start)
    opened = _DESCRIPTION_OPENS.match(phrase) and sentence[:start].endswith(", ")
    if opened and " of " in phrase and _has_title(phrase.split(" of ")[0]):
        described_at = start - 2  # "Chris Wright, | the Chief Technological Officer of …"
    elif described and described.end() == start and _has_title(described.group("words")):
        described_at = described.start()  # "Mark Hay, a marine ecologist at | Georgia Tech"
    else:
        described_at = None
    if described_at is not None:
        # The person the apposition describes speaks, not the body of their post.
        named = _subject_of_np(sentence, described_at)
        governed = named and _GOVERNED.search(sentence, 0, named[1])  # "In a statement to X, …"
        if named and not governed and len(named[0].split()) >= 2 and named[0][-1:].isalpha():
            return named
    first = phrase.split(maxsplit=1)[0] if phrase.split() else ""
    if (
        not sentence[:start].endswith(", ")
        or _bare(first) not in TITLE_WORDS
        or " of " not in phrase  # an office of a body, not "…, Mr Kamal said"
    ):
        return found
    named = _subject_of_np(sentence, start - 2)
    if named is None or is_introductory(named[0]) or not named[0].split()[-1][:1].isupper():
        return found
    if len(named[0].split()) < 2 or _bare(named[0].split()[0]) in _DETERMINERS:
        return found  # a name: "In Kabul, Mayor X said" is no name with its title after it
    return sentence[named[1] : start + len(phrase)], named[1]


def _place_after_place(sentence: str, start: int, phrase: str) -> bool:
    """Is the one-word phrase at `start` the second of two places a subject's phrase names?"""
    match = _PLACE_IN_PLACE.match(sentence[:start])
    return (
        match is not None
        and match.group("preposition") in _PREPOSITIONS
        and len(phrase.split()) == 1
    )


# A name with a lower-case particle: "el-Sisi", "al-Assad", "bin Salman".
_PARTICLE_NAME = re.compile(r"^(?:al|el|ad|as|ash|at|az|bin|ibn|abu|de|da|van|von|d)[-’'][A-Z]")
_PARENTHESES = re.compile(r"\([^()]{0,40}\)")


def _blank(match: re.Match) -> str:
    """Parentheses blanked to spaces, so offsets stay put: 'George Allen (R-VA) said'."""
    return " " * len(match.group())


_TOLD_BEFORE = re.compile(r"\b(?:told|tells|telling|informed|informs)\s+$")


def _lower_case_handle(word: str) -> bool:
    """A blog's or a user's name written in lower case, opening its sentence ("babalu",
    "paradise-apple"): no English word would open a sentence so."""
    shaped = word.isalpha() or _JOINED_HANDLE.fullmatch(word) is not None
    return shaped and word.islower() and word not in _WORDS_NOT_HANDLES


_JOINED_HANDLE = re.compile(r"[a-z0-9]+(?:[-_][a-z0-9]+)+")
# Lower-case words that open sentences as themselves, not as someone's handle.
_WORDS_NOT_HANDLES = frozenset(COMMON_WORDS | NON_NAME_WORDS | TITLE_WORDS | UNNAMED_SOURCES)


def _subject_of_np(sentence: str, end: int) -> tuple[str, int] | None:
    """The noun phrase that ends at `end`: capitalised words, titles, unnamed sources,
    determiners and possessives, walking back to the first word that is none of those."""
    tokens = list(_WORD.finditer(sentence[:end]))
    kept: list[re.Match] = []
    for at in range(len(tokens) - 1, -1, -1):
        token = tokens[at]
        word = token.group()
        bare = _bare(word)
        if kept and word.endswith((",", ";", ":")):
            break
        if word.startswith("@") and not kept:
            return word.rstrip(".,;:"), token.start()  # "Twitter user @gree tweeted": @gree
        if not kept and at == 0 and _lower_case_handle(word):
            return word, token.start()  # "babalu called the comments …": a blog's name
        particle = kept and at and _inside_a_name(word, tokens[at - 1].group())
        # "Opposition Spokesman on Housing Kenroy Pommells": an office's complement.
        complement = (
            kept
            and at
            and bare in ("on", "for")
            and tokens[at - 1].group()[:1].isupper()
            and _bare(tokens[at - 1].group()) in TITLE_WORDS
        )
        if (
            word[:1].isupper()
            or particle
            or complement
            or (not kept and bare in PATRONYMIC_PARTICLES)  # "Eldiyar Toktosun uulu said"
            or _PARTICLE_NAME.match(word)
            or word[:1].isdigit()
            or bare in TITLE_WORDS
            or _source_word(bare)
            or bare in PRONOUNS_PERSON
            or bare in ("they", "it", "we", "i", "you")
            or (kept and bare in _NP_FUNCTION)
            or (
                len(kept) == 1
                and _source_word(_bare(kept[0].group()))
                and bare not in CUE_VERBS
                and bare not in _NOT_A_CLAUSE  # "according to police": not "to police"
                and bare not in _CLAUSE_LINKS  # "…, though allies denied": not "though allies"
                and not _VERB.fullmatch(bare)
            )
        ):
            kept.append(token)
            continue
        break
    while kept and _bare(kept[-1].group()) in _LINKS:
        kept.pop()  # "… minds and several said": the phrase starts after "and"
    if not kept:
        return None
    if len(kept) > 1 and _bare(kept[-1].group()) in _NOT_A_SUBJECT_END:
        kept.pop()  # "As General John Abizaid, …, said": the name, not "As"
    if len(kept) > 1 and _YEAR.fullmatch(kept[-1].group()):
        kept.pop()  # "On 2 April, 2012 Zambian Watchdog reported": the date's year
    start, stop = kept[-1].start(), kept[0].end()
    # "Peter Iseley of worldwide victim group Ending Clergy Abuse said": the speaker is the
    # person the "of" phrase describes, a few words further back — a name's, not a
    # pronoun's ("after the Court of Session ruling — he said" is his).
    pronoun = _bare(kept[0].group()) in _SUBJECT_PRONOUNS
    earlier = [] if pronoun else [t for t in tokens if t.end() <= start][-7:]
    listed = any(_bare(t.group()) == "and" for t in kept)
    for i in range(len(earlier) - 1, 0, -1):
        name_before = earlier[i - 1].group()
        if earlier[i].group().endswith((",", ";", ":")) and not listed:
            # "Speaking to The Times of Israel, Livnat said": another phrase's "of" (but "the
            # Ministry of Power, Energy and Mineral Resources" lists its words).
            break
        if _bare(earlier[i].group()) == "of" and (
            name_before[:1].isupper() or _PARTICLE_NAME.match(name_before)
        ):
            person = _subject_of_np(sentence, earlier[i - 1].end())
            if person:
                start = person[1]
            break
    aged = _AGED_BEFORE.search(sentence, 0, start) if "-old" in sentence else None
    if aged and aged.end() == start:
        start = aged.start()  # "The 58-year-old home health | aide from Kingsessing told"
    phrase = sentence[start:stop].strip(" ,")
    if not plausible_subject(phrase):
        return None
    return phrase, start


# An age and the occupation words before a described person's noun.
_AGED_BEFORE = re.compile(r"\b[Tt]he\s+\w+-years?-old(?:\s+[a-z][\w\-]*){0,3}\s+")


_INTRODUCTORY = re.compile(r"^(?:[^,]{1,160},\s+)?")
_UNMARKED_INTRO = re.compile(
    r"^(?:At|On|In|Later|Earlier|Then|After|Before|During|Afterwards)\b[^,]{0,40}?\s"
    r"(?P<pronoun>he|she|they|we)\s+[a-z]"
)


_PARTITIVE_APPOSED = re.compile(
    r"^(?:One|Some|Two|Three|Several|Many|Another|Each)\s+of\s+[^,]{2,40},\s+"
    r"(?P<named>(?:the\s+)?[A-Z][^,()]{1,80}?)(?:\s+\([^()]{1,20}\))?,"
)


def _inside_a_name(word: str, neighbour: str) -> bool:
    """A name's particle between its capitalised words: "Arnel dela Vega", "Joost van
    Aken", "Ursula von der Leyen"."""
    return word in NAME_PARTICLES and neighbour[:1].isupper()


def _office_then_name(words: list[re.Match], i: int) -> int:
    """Lower-case words from `i` that end in an office or a kind of body with a name after
    it ("digital policy spokeswoman Merle", "lawmaker Dietmar", "Financial crimes watchdog
    AUSTRAC", "rights group Amnesty"): where the name starts, or 0."""
    for j in range(i, min(i + 4, len(words) - 1)):
        word = words[j].group()
        if not word.islower() or not word.isalpha():
            return 0
        kind = _bare(word) in TITLE_WORDS or _bare(word) in BODY_NOUNS
        if kind and words[j + 1].group()[:1].isupper():
            return j + 1
    return 0


def leading_subject(sentence: str) -> tuple[str, int] | None:
    """The subject the sentence opens with (after an introductory phrase): the speaker of
    a verb joined to the first one ("Tom Watson called it “lousy” and said …")."""
    unmarked = _UNMARKED_INTRO.match(sentence)
    if unmarked:  # "At one point he turned to …": an opening phrase with no comma
        return unmarked.group("pronoun"), unmarked.start("pronoun")
    partitive = _PARTITIVE_APPOSED.match(sentence)
    if partitive:  # "One of these groups, the Syrian Democratic Forces (SDF), opposed …"
        return partitive.group("named"), partitive.start("named")
    intro = _INTRODUCTORY.match(sentence)
    start = intro.end() if intro and is_introductory(intro.group()) else 0
    words = list(_WORD.finditer(sentence, start))
    kept = []
    for i, token in enumerate(words[:8]):
        word = re.sub(r"^(?:then|ex|former)-", "", token.group())  # "then-Secretary Vázquez"
        bare = _bare(word)
        if not kept and bare in _SUBJECT_PRONOUNS:
            return word.strip(",;:"), token.start()  # "In his message, he praised …"
        particle = kept and i + 1 < len(words) and _inside_a_name(word, words[i + 1].group())
        particle = particle or (kept and _PARTICLE_NAME.match(word))  # "bin Salim al-Maskari"
        particle = (
            particle
            or (  # "The Commission on Audit", "Committee for Safety"
                kept
                and bare in ("of", "on", "for")
                and i + 1 < len(words)
                and words[i + 1].group()[:1].isupper()
                and _bare(kept[-1].group()) in ORG_WORDS
            )
        )
        if particle or word[:1].isupper() or bare in TITLE_WORDS or bare in ("the", "a", "an"):
            kept.append(token)
            if word.endswith(","):
                break
            continue
        if bare == "and" and kept and all(_bare(k.group()) in PORTFOLIOS for k in kept):
            kept.append(token)  # "Lands and Planning Minister Matthew Grech Sant"
            continue
        office = kept and _office_then_name(words, i)
        if office:  # "Greens digital policy spokeswoman Merle Hoffstetter called …"
            kept.extend(words[i:office])
            continue
        if kept and (_bare(kept[-1].group()) in ("the", "a", "an") or bare in UNNAMED_SOURCES):
            kept.append(token)  # "The attacker", "State prosecutors"
            if word.endswith(("’s", "'s")):
                continue  # "the trust's chief executive"
            after_article = len(kept) == 2 and _bare(kept[0].group()) in ("the", "a", "an")
            if after_article and i + 1 < len(words) and words[i + 1].group()[:1].isupper():
                continue  # "The opposition Green Party", "the ruling Democratic Party"
        break
    if not kept:
        return None
    end = kept[-1].end()
    named = _APPOSED_NAME.match(sentence, end + 1) if sentence[end - 1 : end] == "," else None
    if named and _bare(kept[0].group()) in ("the", "a", "an"):
        end = named.end("name")  # "the trust's chief executive, Dr Alan Pirie, …"
    return sentence[kept[0].start() : end].strip(" ,"), kept[0].start()


_INTRO_WORDS = _NOT_A_CLAUSE | set(
    "on last earlier later meanwhile however but speaking asked when if although though since "
    "because yet still now regarding concerning responding commenting following after before "
    "despite amid during".split()
)
# Participles that open a sentence: "Reacting, the chairman, X, dismissed …".
_INTRO_WORDS |= set(
    "reacting replying answering addressing defending explaining elaborating concluding "
    "continuing testifying recalling reflecting stressing writing".split()
)


def is_introductory(text: str) -> bool:
    """Does the text open on an introductory word ("However", "Specifically")?"""
    first = _bare(text.split()[0]) if text.split() else ""
    return first in _INTRO_WORDS or (is_adverb(first) and first in COMMON_WORDS)


# Participles that follow a statement's noun rather than act as a verb.
_DOCUMENT_PARTICIPLES = {"posted", "released", "published", "issued", "sent", "shared",
                         "uploaded", "broadcast", "circulated", "distributed"}  # fmt: skip
_ASIDE_BEFORE_THAT = re.compile(r",\s+[^,]{1,40},(?=\s+that\s)")


_TO_NEXT = re.compile(r"\s+to\s")
# Whom it was said to, before "that": "explained to us that …", "explained to Wikinews that".
_TO_WHOM_THAT = re.compile(
    r"\s+to\s+(?:us|me|him|her|them|reporters|journalists|(?:the\s+)?[A-Z][\w.’'\-]*"
    r"(?:\s+[A-Z][\w.’'\-]*)*),?\s+that\s"
)
# "that" within ten words of the verb, and the word after it.
_THAT_WITHIN_TEN = re.compile(r"((?:\s+[^\s,]+){0,10}?)\s+that\s+(?P<next>[\w’'-]+)")


def _plural_subject(text: str) -> bool:
    """'utilities already work …', 'companies would …': a plural in -ies (which the verb
    pattern takes for a verb, as in 'denies') before an adverb or an auxiliary is a subject."""
    words = [_bare(w) for w in text.split(maxsplit=2)[:2]]
    return (
        len(words) == 2
        and words[0].endswith("ies")
        and (words[1] in _AUXILIARIES or words[1] in _SKIPPED or is_adverb(words[1]))
    )


def _clause_start(
    sentence: str, after_cue: int, verb: str, needs_that: bool = False
) -> tuple[int | None, str | None]:
    """Where the reported clause starts after its verb (None: it has none), and the
    addressee of 'told'."""
    aside = _ASIDE_BEFORE_THAT.match(sentence, after_cue)
    if aside:  # "acknowledged, in private, that they had …"
        after_cue = aside.end()
    rest = sentence[after_cue:]
    if _TO_NEXT.match(rest) and not _TO_WHOM_THAT.match(rest):
        return None, None  # "people believed to have been involved", "said to be"
    that = _THAT_WITHIN_TEN.match(rest)
    between = that.group(1) if that else ""
    if between.strip() and verb not in _ADDRESSEE_CUES and _subject_and_verb(between):
        # "said he will not sign a budget that does …", "said she pays $214 on a loan that
        # will …": the clause has begun before "that", which opens a relative inside it.
        that, between = None, ""
    if (
        between.strip()
        and not _WHEN.fullmatch(between)
        and verb not in _ADDRESSEE_CUES  # "told a rally that families had been …"
        and _VERB.fullmatch(that.group("next"))  # lower case: "that Articles 165 …" opens a clause
        and not _plural_subject(rest[that.start("next") :])
    ):
        return None, None  # "tweeted from a scene that continued …": a relative clause
    noun_phrase = that and not any(
        _finite_verb(w) and _bare(w) not in _DOCUMENT_PARTICIPLES and not w[:1].isupper()
        for w in between.split()
    )  # "said in a statement posted on Telegram on Saturday that …", "told The Associated
    # Press on Monday that …" (a capital opens a name, not a verb)
    if noun_phrase and between.split() and verb not in _ADDRESSEE_CUES:
        words = between.split()
        if words[0].lower() in _OBJECT_DETERMINERS and _bare(words[-1]) not in _CONTENT_NOUNS:
            return None, None  # "noted the difficulties that voters faced": a relative clause
    if noun_phrase:  # "told her colleagues that …", "said on Monday that …"
        addressee = that.group(1).strip() or None
        clause_start = after_cue + that.start("next")
        return clause_start, addressee if verb in _ADDRESSEE_CUES else None
    if needs_that:
        return None, None  # "police found a body" reports nothing; "found that" does
    if verb in _ADDRESSEE_CUES:
        audience = _AUDIENCE.match(rest)
        after = rest[audience.end() :] if audience else ""
        apposed = _APPOSED_THAT.match(after)
        if audience and apposed:  # "told Anadolu Agency, a local news outlet, that …"
            return after_cue + audience.end() + apposed.end(), audience.group().strip()
        if audience and after.lstrip()[:1] == ",":
            # "told CNN, neighbors from other lodges attempted …": a clause after the comma
            # (not "…,” Kovalchuk told the Kyiv Independent, standing …").
            clause = after.lstrip()[1:].lstrip()
            if _subject_and_verb(clause) and not clause.split()[0].endswith("ing"):
                start = after_cue + audience.end() + len(after) - len(clause)
                return start, audience.group().strip()
        if audience and after.lstrip()[:1] in (",", ";", ".", ""):
            return None, None
        if audience:
            return after_cue + audience.end(), audience.group().strip()
    occasion = _OCCASION.match(rest)
    if occasion:  # "said in an email she is …", "said at a press conference the law …"
        start = occasion.end()
        while when := _WHEN.match(rest[start:]).end():
            start += when  # "yesterday morning"
        clause = rest[start:]
        if _subject_and_verb(clause) and not _DOCUMENT_PARTICIPLES & {
            _bare(w) for w in clause.split()[:3]
        }:  # not "said in an interview Ukrinform published", "in a video statement released"
            return after_cue + start, None
    skip = _WHEN.match(rest)
    return after_cue + (skip.end() if skip else 0), None


# Where or how something was said, between the verb and a clause without "that".
_OCCASION = re.compile(
    r"[\s,]*(?:in|at|during|on|via|through|over|after)\s+(?:a|an|the|his|her|their|its|our|this)"
    r"\s+(?:[\w\-]+\s+){0,3}?(?:e-?mail|statement|interview|(?:press|news)\s+conference|"
    r"conference|briefing|speech|address|letter|post|tweet|message|video|op-ed|column|podcast|"
    r"meeting|hearing|debate|rally|session|call|memo|filing|broadcast|appearance|event|forum|"
    r"summit|ceremony|visit|report|submission|radio|television|programme|program|show)s?\b"
    r"(?:\s+(?:to|with|on|at|in|for)\s+(?:the\s+)?[A-Z][\w’'.\-]*(?:\s+[A-Z][\w’'.\-]*)*)?[\s,]*",
)


# Nouns whose "that" opens what was said: "expressed their concerns that Korea …".
_CONTENT_NOUNS = {"concern", "concerns", "position", "view", "views", "belief", "signal",
                  "hope", "hopes", "fear", "fears", "warning", "message", "assurance",
                  "assurances", "claim", "statement", "argument", "opinion", "promise",
                  "pledge", "reminder", "news", "confidence", "doubt", "doubts", "suspicion",
                  "conviction", "worry", "worries", "sense", "frustration", "disappointment",
                  "regret", "satisfaction", "point", "fact", "idea", "notion", "conclusion",
                  "assessment", "finding", "findings", "theory"}  # fmt: skip
_OBJECT_DETERMINERS = {"the", "a", "an", "his", "her", "their", "its", "our", "this", "these",
                       "those"}  # fmt: skip


# When something was said, between the verb and its clause: "said in May the …", "said on
# Monday", "announced earlier this month", "said on March 3, 2019".
_WHEN = re.compile(
    r"^[\s,]*(?:(?:(?:on|in|at|during|last|this|earlier|late|early|since)\s+)*(?:"
    + "|".join(
        sorted(
            WEEKDAYS
            | MONTHS
            | {
                "today",
                "yesterday",
                "week",
                "month",
                "year",
                "morning",
                "afternoon",
                "evening",
                "night",
            }
        )
    )
    + r"|\d{4})\b(?:\s+\d{1,2}(?:st|nd|rd|th)?\b)?(?:,?\s+\d{4}\b)?)?[\s,]*",
    re.I,
)


_OBJECT_TO = re.compile(r"^\s*(?:\S+\s+){1,3}to\s+[a-z]")


# A verb in the present tense after a short subject: "the project holds promise", "the
# plan costs $5 billion" — not a plural noun before a preposition ("the rules for banks").
# Prepositions a verb in -s may take ("fits into", "relies on"); after a noun in -s, "of",
# "and", "or", "between" and "among" also follow ("the costs of").
_AFTER_A_VERB = "for|in|on|at|to|from|with|by|over|about|into|after|against|across|through|under"
_PRESENT_VERB = re.compile(
    r"^(?!(?:\d|one|two|three|four|five|six|seven|eight|nine|ten|several|many|few|dozens|"
    r"hundreds|thousands|millions)\b)"  # "five new deaths": after a number, a plural noun
    r"(?:(?:the|a|an|this|that|his|her|its|their|our)\s+)?"
    r"(?:(?!(?:of|in|for|with|to|on|at|by|from)\b)[\w’'-]+\s+){0,2}?"  # "a variety of events"
    rf"[a-z]{{3,}}s(?<!ss)(?<!us)(?<!is)\s+(?!(?:of|and|or|between|among|{_AFTER_A_VERB})\b)\w"
)


# A singular noun after its determiner, then a verb in -s and its preposition: "the
# acquisition fits into …", "the plan relies on …" (not "the water costs of …").
_SINGULAR_THEN_VERB = re.compile(
    r"^(?:the|a|an|this|that|his|her|its|their|our)\s+[a-z]{3,}(?<!s)\s+"
    rf"[a-z]{{3,}}s(?<!ss)(?<!us)(?<!is)\s+(?:onto|{_AFTER_A_VERB})\b"
)


# After "he", "she" or "it" a word in -s is a verb, whatever follows: "he spends about …".
# "it stands by …", and with the verb quoted: 'it "stands fully behind" the adviser'.
_PRONOUN_THEN_VERB = re.compile(
    r"^(?:(?:he|she|it)\s+[\"“‘']?(?:\w+ly\s+)?[a-z]{2,}s|(?:they|we)\s+(?:\w+ly\s+)?[a-z]{2,})\b"
)  # and after "they" or "we", any word: "they keep channels open"


def _is_clause(text: str) -> bool:
    """Reported speech is a clause ("Belarus will join the war"), not a noun phrase or a
    prepositional or participial tail ("the new budget", "by the university", "including
    Minnesota, Michigan and Pennsylvania"). A clause may open on an adverbial set off by a
    comma: "following the early release of stock, some stores can't run the special", and the
    adverbial may carry a relative clause: "in a country where mixing is high, it would …"."""
    text = _QUANTIFIER.sub("", text, count=1)  # "at least 71 people were arrested"
    words = text.split()
    if words and _bare(words[0]) in _FRONTED:
        adverbial, comma, rest = text.partition(", ")
        longest = 18 if _bare(words[0]) in _SUBORDINATORS else 10
        if rest.split()[:1] and _bare(rest.split()[0]) in _RELATIVES:
            relative, comma, rest = rest.partition(", ")
            adverbial, longest = f"{adverbial}, {relative}", 18
        rest_words = rest.split()
        return (
            bool(comma)
            and len(adverbial.split()) <= longest
            and bool(rest_words)
            and _bare(rest_words[0]) not in _LIST_GOES_ON
            # "in a background briefing, asking not to be named": a participle goes on
            and not (rest_words[0].islower() and rest_words[0].endswith("ing"))
            and _is_clause(rest)
        )
    such_a = len(words) > 1 and _bare(words[0]) == "such" and _bare(words[1]) in ("a", "an")
    return (
        len(words) >= 3
        and (_bare(words[0]) not in _NOT_A_CLAUSE or such_a)  # "such a plan would fail"
        and not _object_then_link(text)
        and not _object_then_verb(text)
        and not _verb_only_after_a_relative(words)
        and bool(
            _VERB.search(text)
            or _PRESENT_VERB.match(text.strip())
            or _SINGULAR_THEN_VERB.match(text.strip())
            or _PRONOUN_THEN_VERB.match(text.strip())
        )
    )


# Words after which a verb belongs to a relative or adverbial clause, not the reported one.
_RELATIVE_OR_ADVERBIAL = {"which", "who", "whom", "whose", "until", "including", "unless"}
# Words that open a clause of purpose or cause after an object: "declared a state of
# emergency so he could build the wall".
_PURPOSE_OR_CAUSE = {"so", "because"}


_PRESENT_IN_S = re.compile(r"[a-z]{2,}[^su'’]s")


def _verb_only_after_a_relative(words: list[str]) -> bool:
    """'a link about drone strikes which are seldom reported', 'protests every week until
    Sweden joined': a noun phrase whose only verbs are in its relative or adverbial clause
    is an object, not a reported clause. A word in -s may be a verb ('the use of drones
    only fuels it'), so any such word keeps the clause."""
    cut = next(
        (
            i
            for i, w in enumerate(words)
            if _bare(w) in _RELATIVE_OR_ADVERBIAL or _bare(w) in _PURPOSE_OR_CAUSE
        ),
        None,
    )
    if not cut or words[cut - 1].endswith(","):
        return False  # "the freeze, which was imposed in May, has hampered …": a subject
    purpose = _bare(words[cut]) in _PURPOSE_OR_CAUSE  # its modal is its own: "so he could"
    if not purpose and any(_bare(w) in _MODALS for w in words[cut:]):
        return False  # "taxpayers who invested in them would have until June"
    head = " ".join(words[:cut])
    present = any(_PRESENT_IN_S.fullmatch(_bare(w)) for w in words[1:cut])
    return not _VERB.search(head) and not present


# A number's qualifier, which opens a clause as its subject does: "at least 71 people".
_QUANTIFIER = re.compile(
    r"^\s*(?:at least|at most|more than|fewer than|less than|up to|as many as|about|around|"
    r"nearly|almost|over|roughly|some)\s+(?=\d|(?:one|two|three|four|five|six|seven|eight|nine|"
    r"ten|dozens|hundreds|thousands|millions|half)\b)",
    re.I,
)
# An object and then the next clause: "declared victory, but the troops remained".
_OBJECT_THEN_LINK = re.compile(r"^\s*(?:[\w’'\-]+\s+){0,2}[\w’'\-]+,\s+(?:but|and|while|yet|so)\s")


_DETERMINED = re.compile(r"^(?:a|an|the|his|her|its|their|this|these|those)\s")
_AND_BEFORE = re.compile(r"\band\s+$")


def _object_then_verb(text: str) -> bool:
    """'a state of emergency and deployed the national guard': the verb's object, then a
    second verb of the same subject — no clause of its own."""
    verb = _VERB.search(text) if _DETERMINED.match(text) else None
    return verb is not None and _AND_BEFORE.search(text, 0, verb.start()) is not None


def _object_then_link(text: str) -> bool:
    """'victory, but the troops remained': a verb's object, then the next clause — unlike
    'Adamowicz required resuscitation, and was …', whose first words have a verb."""
    linked = _OBJECT_THEN_LINK.match(text)
    return bool(linked) and not _VERB.search(text, 0, linked.end())


# Adverbials a reported clause may open on; after their comma a list may still go on.
_FRONTED = {"following", "after", "before", "despite", "during", "with", "without", "under",
            "since", "because", "if", "when", "while", "amid", "in", "on", "at", "although",
            "though", "whereas", "unless"}  # fmt: skip
# Of those, the conjunctions: what they open is a clause of its own, longer than a phrase
# ("while the People's National Party (PNP) supported the "spirit" of the bill, it …").
_SUBORDINATORS = {"because", "if", "when", "while", "although", "though", "whereas", "unless"}
# Words that open a subordinate clause before the main one: "Because warm water is buoyant,
# says the study, it rises".
_OPENS_A_SUBORDINATE_CLAUSE = _SUBORDINATORS | {"since", "as", "after", "before"}
_LIST_GOES_ON = {"and", "or", "but", "as", "well"}
_RELATIVES = {"where", "which", "who", "whom", "whose", "when"}


_PARTITIVE = {"one", "some", "many", "most", "two", "three", "several", "each", "both", "all"}


def unnamed_source(subject: str) -> bool:
    """'officials', 'a senior official', 'the authorities at the airport': the head noun,
    before any prepositional phrase, names a kind of source."""
    all_words = words = [_bare(w) for w in subject.split()]
    head_end = next((i for i, w in enumerate(words) if i and w in _PREPOSITIONS), len(words))
    words = words[:head_end]
    if len(words) == 1 and head_end + 1 < len(all_words) and words[0] in _PARTITIVE:
        words = all_words[head_end + 1 :]  # "one of the sources", "some of the residents"
    return any(_source_word(w) for w in words[-2:]) or bool(words and _source_word(words[0]))


def _source_word(word: str) -> bool:
    """A word for a kind of source: listed, or people named by what they do."""
    return word in UNNAMED_SOURCES or bool(_PEOPLE_OF_A_KIND.fullmatch(word))


# People named by what they study or do, in the plural: "archaeologists", "epidemiologists",
# "physicians", "economists" — the sources the list above cannot all name.
_PEOPLE_OF_A_KIND = re.compile(r"[a-z]{4,}(?:ists|ians)")


def _reporter(referent: Referent | None, ctx: ArticleContext) -> str | None:
    """Who relayed a report: a news outlet by its canonical name, or a body named."""
    if referent is not None and referent.actor_type == "organization":
        return outlet(referent, ctx) or referent.name
    return outlet(referent, ctx)


def outlet(referent: Referent | None, ctx: ArticleContext) -> str | None:
    """The canonical name of a news outlet a claim was reported through, if it is one."""
    if referent is None:
        return None
    entry = ctx.dictionary.lookup(referent.name)
    return entry.canonical_name if entry and entry.outlet else None
