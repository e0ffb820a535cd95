"""Word lists that encode news-writing conventions, and the curated actor dictionary.

The lists are deliberately general (grammar of attribution, titles, organisation words);
anything about particular actors belongs in the dictionary seeds in `dbt_project/seeds/`,
which fact-checkers extend without touching code.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path


def _words(text: str) -> set[str]:
    return set(text.split())


WEEKDAYS = _words("monday tuesday wednesday thursday friday saturday sunday")
MONTHS = _words(
    "january february march april may june july august september october november december"
)
MONTH_ABBREVIATIONS = _words("jan feb mar apr jun jul aug sep sept oct nov dec")

# Verbs that attribute words to a speaker: "canonical cue: the forms that map to it"
# ("_" joins the words of a phrasal verb).
_CUES = """
    accused: accused accuses
    acknowledged: acknowledged acknowledges acknowledging acknowledge
    added: added adds adding went_on_to_add goes_on_to_add
    admitted: admitted admits admitting admit
    affirmed: affirmed affirms reaffirmed reaffirms reasserted reasserts
    agreed: agreed agrees
    alleged: alleged alleges alleging allege
    asserted: asserted asserts asserting assert
    announced: announced announces announcing
    argued: argued argues argue arguing
    asked: asked asks asking
    assessed: assessed assesses
    believes: believed believes believe
    attacked: attacked attacks
    boasted: boasted boasts
    branded: branded brands
    complained: complained complains
    conceded: conceded concedes conceding
    countered: countered counters
    criticized: criticised criticized criticises criticizes
    decried: decried decries
    denounced: denounced denounces
    dismissed: dismissed dismisses
    called: called calling
    characterized: characterised characterized characterises characterizes
    cautioned: cautioned cautions
    claimed: claim claimed claims claiming
    commended: commended commends
    commented: commented
    concluded: concluded concludes
    deemed: deemed deems
    confirmed: confirmed confirms confirming
    confessed: confessed confesses
    continued: continued
    declared: declared declaring
    demanded: demanded
    denied: denied denies denying
    disclosed: disclosed discloses disclosing
    described: described
    elaborated: elaborated
    clarified: clarified clarifies clarifying
    exclaimed: exclaimed
    emphasized: emphasised emphasized emphasising emphasizing
    emphasized: emphasise emphasize emphasises emphasizes
    estimated: estimated estimates
    explained: explained explains explaining explain
    expressed: expressed expresses
    indicated: indicated indicates indicate indicating
    informed: informed informs
    assured: assured assures assuring reassured reassures reassuring
    reminded: reminded reminds reminding
    maintained: maintained maintains maintain
    mentioned: mentioned mentions
    contended: contended contends contend contending
    insisted: insisted insists insist insisting
    hailed: hailed hails
    joked: joked jokes
    labeled: labeled labelled labels
    lamented: lamented laments
    noted: noted notes noting
    observed: observed observes
    posted: posted
    pledged: pledged pledges
    pointed_out: pointed_out points_out pointing_out
    praised: praised praises
    predicted: predicted predicts predicting predict
    proposed: proposed proposes
    promised: promised promises
    quipped: quipped quips
    recalled: recalled recalls recalling
    recounted: recounted
    reiterated: reiterated reiterates reiterating reiterate
    remarked: remarked
    replied: replied answered answers
    interjected: interjected interjects chimed_in chimes_in
    mused: mused muses
    scoffed: scoffed scoffs snapped snaps
    pleaded: pleaded pleads
    requested: requested requests
    retorted: retorted
    slammed: slammed slams
    shot_back: shot_back fired_back hit_back shoots_back fires_back hits_back
    spoke: spoke speaks talked talks
    referred_to: referred_to refers_to
    reported: reported reports
    responded: responded
    revealed: revealed reveals revealing
    ruled: ruled
    said: said say says saying
    stated: stated stating
    submitted: submitted submits
    thanked: thanked thanks
    stressed: stressed stresses stressing
    underlined: underlined underlines underscored underscores highlighted highlights
    speculated: speculated speculates
    hinted: hinted hints implied implies
    hypothesized: hypothesized hypothesised hypothesizes hypothesises
    suggested: suggested suggests suggesting suggest
    told: tells told telling
    testified: testified
    texted: texted
    tweeted: tweeted tweets
    urged: urged urges urging
    vowed: vowed vows
    wondered: wondered wonders
    warned: warned warns warn warning
    welcomed: welcomed welcomes
    wrote: writes wrote writing reads
"""
CUE_VERBS = {
    form.replace("_", " "): canonical.strip().replace("_", " ")
    for line in _CUES.strip().splitlines()
    for canonical, forms in [line.split(":")]
    for form in forms.split()
}
# Speech verbs that report something only before "that" (src/factcheck/extract/reported.py
# reads them so): "Trump countered that …", "she mentioned that …", not "countered the
# attack", "mentioned the agreement", "highlighted the risks", "the agency's estimates".
REPORTS_ONLY_WITH_THAT = _words("""
    complains counters countered jokes quips vows pledges promises agrees agreed boasted
    boasts lamented laments exclaimed texted retorted estimates mentioned mentions underlined
    underlines underscored underscores highlighted highlights hinted hints implied implies
    deemed deems proposed proposes reaffirmed reaffirms reasserted reasserts answered answers
    interjected interjects mused muses scoffed scoffs snapped snaps pleaded pleads
""")
# Cues that introduce reported speech without quotation marks ("X claimed that ...").
# Left out: verbs that rarely report a claim, forms read as nouns too often ("Russia's
# claims that", "to claim a reason"), and those that report only before "that".
REPORTING_CUES = (
    set(CUE_VERBS)
    - _words(
        "asked asks asking continued called described posted claim claims reports "
        "urged urges urging "
        "praised praises criticised criticized criticises criticizes "
        "attacked attacks branded brands characterised characterized "
        "characterises characterizes decried decries denounced denounces dismissed dismisses "
        "hailed hails labeled labelled labels slammed slams spoke speaks talked talks thanked "
        "thanks commended commends welcomed welcomes calling writing requested requests reads"
    )
    - REPORTS_ONLY_WITH_THAT
    - {"referred to", "refers to"}
    - {cue for cue in CUE_VERBS if cue.endswith(" back")}  # "hit back at critics"
)

PRONOUNS_PERSON = _words("he she him her")
# What a pronoun, an honorific or a role word says of a person's gender.
FEMALE_WORDS = _words("""
    she her mrs ms miss dame lady madam madame mme mlle queen princess duchess countess
    empress chairwoman congresswoman spokeswoman businesswoman councilwoman assemblywoman
    stateswoman sportswoman actress waitress heiress mother wife daughter sister widow
    grandmother granddaughter aunt niece girlfriend fiancee fiancée girl woman alhaja hajia hajiya
""")
MALE_WORDS = _words("""
    he him his mr sir lord king prince duke count emperor chairman congressman spokesman
    businessman councilman assemblyman statesman sportsman father husband son brother
    widower grandfather grandson uncle nephew boyfriend fiance boy man alhaji
""")
PRONOUNS_GROUP = _words("they it we")

# Words that name a position, placed before a name ("Defense Minister Viktor Khrenin").
TITLE_WORDS = _words("""
    acting activist admiral ally ambassador analyst archbishop army astronaut attorney
    author bishop candidate capt captain cardinal ceo chair chairman chairwoman champion
    chancellor chief cllr coach col colonel colonel-general commander commissioner
    congressman congresswoman constable cosmonaut councillor councilor counsel dame
    defender deputy detective director doctor dr driver economist editor emeritus emir
    executive expert father first former forward founder gen general goalkeeper governor
    head imam incumbent inspector interim journalist judge justice king lady lawyer
    leader lieutenant lieutenant-general lord lt major major-general manager marshal
    mayor member midfielder minister miss mp mr mrs ms nominee officer official player
    pope premier president prime prince princess prof professor prosecutor queen rabbi
    rep reporter representative researcher rev reverend rider scientist secretary selectman
    selectwoman sen senator sergeant sgt sheikh sheriff sir speaker spokesman spokesperson
    spokeswoman state striker sultan superintendent then vice
""")
# Letters after a name that are no part of it: "Kama Melly QC", "Jane Doe OBE".
POSTNOMINALS = _words("qc kc sc mbe obe cbe kbe dbe")  # SC: South Africa's senior counsel
# An age written before a name: "Fourteen-year-old Zoe", "the 45-year-old Ann Lee".
AGE_BEFORE_NAME = re.compile(r"^[\w]+-years?-old$", re.I)
# A compound adjective before a name: "Muslim-majority Mindanao", "Kurdish-led Syrian
# Democratic Forces".
COMPOUND_ADJECTIVE = re.compile(
    r"^[A-Z][\w’']+-(?:majority|based|backed|owned|led|born|run|funded|controlled|linked|"
    r"affiliated|speaking|style|era|allied|aligned|like|loving|hating|supporting|friendly|"
    r"leaning|appointed|sponsored)$"
)
# Honorifics dropped from a canonical name and kept as an alias.
HONORIFICS = _words("""
    cde comrade dame dr hon lady lord miss mme mlle monsenor monseñor monsignor mr mrs ms mx prof
    sir shri sri smt shrimati alhaji alhaja hajia hajiya mallam malam
""")
# Family words used like a title before a name: "His wife Mary said".
FAMILY_WORDS = _words(
    "wife husband son daughter mother father brother sister widow fiancee fiancée"
)
TITLE_WORDS |= FAMILY_WORDS
# Professions written before a name like a title: "Broadcaster Piers Morgan".
TITLE_WORDS |= _words("""
    actor actress anthropologist archaeologist architect artist astronomer biologist
    broadcaster businessman businesswoman cde chef chemist comedian comrade composer
    correspondent designer engineer entrepreneur epidemiologist filmmaker geologist
    historian host monsenor monseñor monsignor musician novelist nurse physician
    physicist pilot poet presenter producer psychologist rapper singer sociologist
    songwriter surgeon virologist writer
""")
TITLE_WORDS |= _words("""
    whip minority majority advisor adviser aide frontbencher backbencher lawmaker legislator
""")
# Local office and party labels written like titles: "Councilman Tom Abernathy", "Democrat
# Maria Okafor", "Tory MP Ann Lee" (not "conservative", an adjective as often).
TITLE_WORDS |= _words("""
    councilman councilwoman councilmember alderman alderwoman selectman selectwoman
    assemblymember supervisor democrat republican tory
""")
# Abbreviated titles: "Gov. Dave Heineman", "Atty. Gen.", "Maj. Lisa Hart".
TITLE_WORDS |= _words("gov adm cmdr maj cpl pvt supt insp det atty amb assemblyman assemblywoman")
# Occupations of the people citizen media and campaign news quote: "Blogger Ana Lima".
TITLE_WORDS |= _words("""
    blogger podcaster commentator columnist pundit strategist consultant lobbyist netizen
    student teacher farmer tweeter vlogger youtuber influencer organizer organiser
    principal dean provost rector headteacher headmaster headmistress crown monk nun
    resident pensioner campaigner grandmother grandfather mum dad neighbour neighbor
    shopkeeper tenant landlord barrister solicitor coroner magistrate colleague boss
""")
# Lower-case particles inside names: "Mohammad bin Salman", "Ursula von der Leyen".
NAME_PARTICLES = _words("al bin binti da de del dela della delos der di du el ibn la le van von y")
# Particles a surname keeps when it stands alone: "von der Leyen", "Ní Bhriain", "Ó Murchú".
SURNAME_PARTICLES = NAME_PARTICLES | _words("ó ní mac nic uí ua mhic te")
# Irish and devolved legislators' titles: "Sinn Féin TD Eoin Murphy", "Tánaiste X", "MSP".
TITLE_WORDS |= _words("td tánaiste taoiseach msp mla mep mk")
# Members of provincial and national assemblies elsewhere: Pakistan's "MPA" and "MNA",
# Ontario's "MPP", Australia's "MLC" and "MHA", Kenya's county "MCA"; councils' "Coun. Ana
# Lima", "Ald. Jo Ruiz".
TITLE_WORDS |= _words("mpa mna mpp mlc mha mca coun ald")
# Māori elders' titles, written before the name in New Zealand news: "Kaumātua Matiu Te Kani".
TITLE_WORDS |= _words("kaumātua kaumatua kuia")
# Offices of Australian councils and Indian districts and courts: "Cr Doolan", "Tiruvallur
# Collector A. Nithya Kalyani", "Additional Advocate-General J. Ravindran".
TITLE_WORDS |= _words("cr collector advocate-general")
# Members of Indian municipal corporations, written before the name: "Corporator X".
TITLE_WORDS |= _words("corporator")
# Who speaks for a campaign or a citizens' group: "Anil Kale, convener of the Manch".
TITLE_WORDS |= _words("convener convenor coordinator co-founder")
# An office that hears complaints: "Ombudsman Celeste Dimaculangan".
TITLE_WORDS |= _words("ombudsman ombudswoman ombudsperson")
# Offices of treasuries, audit and registry, and their juniors: "the Assistant Treasurer",
# "Comptroller Ana Ruiz", "Registrar Li Wei".
TITLE_WORDS |= _words("""
    treasurer comptroller auditor auditor-general registrar undersecretary envoy
    administrator assistant controller consul
""")
# First words that make a run a region: "Southern Rhodesia", "East Timor".
COMPASS_WORDS = _words("""
    north south east west northern southern eastern western central northwest southwest
    northeast southeast
""")


def _common_words() -> frozenset[str]:
    """Ordinary English words (seen in lower case in news text; see
    scripts/build_common_words.py). A run made only of these is not a person's name."""
    path = Path(__file__).with_name("common_words.txt")
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w for w in lines if w and not w.startswith("#"))


COMMON_WORDS = _common_words()

# Words that make a capitalised run an organisation.
ORG_WORDS = _words("""
    academy administration agency airlines airways alliance archive archives army assembly
    association
    authority branch caucus conference library tribe tribes
    bank battalion blog board brigade bureau cabinet center centre channel charity church club
    coalition community constabulary subcommittee
    college command commission committee company congress corp corporation corps council court
    daily department directorate division duma embassy exchange fc federal federation
    force forum
    forces foundation front fund gazette government group guard herald hospital inc
    inspectorate institut institute institution international journal kremlin laboratory
    league limited llc ltd magazine media newspaper weekly
    ministry movement museum nasa national navy network news observatory office project initiative
    organisation organization parliament party pentagon plc police post presidency press rada radio
    regiment rescue reserve school secretariat senate service services society station survey team
    tech
    television times tribune trust tv union united university
    agencia asociación colectivo comisión consejo diario fundación gobierno instituto
    ministerio movimiento partido periódico revista universidad zeitung
""")
# The last words of company names: "Prairie Fiber Partners", "Corvane Motors".
ORG_WORDS |= _words("""
    partners motors homes holdings industries ventures technologies systems solutions logistics
    pharmaceuticals enterprises projects capital labs co therapeutics biosciences biotech
    analytics laboratories insurance electric utilities economics consulting consultancy
    rail railway railways sports underground weibo warehouse
""")
# Newspapers' names: "the Las Vegas Ledger", "the Houston Chronicle".
ORG_WORDS |= _words("ledger chronicle courier sentinel examiner inquirer dispatch bulletin")
# Words that make a capitalised run a place when they end it ("Karl Marx Avenue").
PLACE_WORDS = _words("""
    airport avenue basin bay beach borough bridge canal canton city coast corner county desert
    district falls forest harbor harbour heights highway hills island islands krai lake lakes
    midwest mountain mountains northeast northwest oblast ocean parish park parks peninsula
    prefecture province region river road sea southeast southwest springs square state
    strait street territory town township trail trails valley village plaza boulevard
    esplanade promenade quay wharf pier
    arena base building campus cathedral complex courthouse dam facility facilities jail
    market memorial monument mosque prison stadium telescope tunnel
    bayou panhandle creek glacier gulf plateau plain plains lagoon reservoir archipelago
    darya
""")

# Capitalised only because they start a sentence, or calendar words: never actors alone.
NON_NAME_WORDS = (
    _words("""
    a about according additionally after afterwards afterward all allah also although amid
    among an and another as
    are can could did do does had has have is let please should thank thanks was were will
    would
    asked asked about at authorities because before both breaking but by click currently
    day despite dr during each earlier editor's eight every finally first five follow
    following for four from further furthermore god got he her here his how however i if
    image in initially instead it its last later many meanwhile month more moreover most
    mr mrs ms my nevertheless news next nine no nonetheless nor not note now of
    officials on once one or other others our over overall photo police previously read
    recently report reports second see seven several share she sign since sir six so
    some speaking still such ten that the their then there these they third this those
    though three thus hence therefore indeed to today tomorrow tonight two under unless
    until update video we week
    what when where whether which while who whom whose why with without year years
    yesterday yet you your
    i'm i've i'll i'd it's he's she's we're we've we'll they're they've that's there's here's
    what's let's i’m i’ve i’ll i’d it’s he’s she’s we’re we’ve we’ll they’re they’ve that’s
    there’s here’s what’s let’s
""")
    | WEEKDAYS
    | MONTHS
    | MONTH_ABBREVIATIONS
)

# Words that open a capitalised run without being part of the name after them ("But
# Lukashenko", "On Twitter"); an honorific is part of it ("Mr Okafor" is a person).
RUN_OPENERS = NON_NAME_WORDS - HONORIFICS

# Words that open a clause. Capitalised in mid-sentence they begin a title, not a name:
# "producer Who Gives a Crap", "the film When Harry Met Sally".
CLAUSE_WORDS = _words("""
    who whom whose what when where why how which whether if because although though unless
    until while whereas and but or nor
""")

# What a body or person issues and what then "says" in their name: "a statement from
# the ministry", "data from the Gun Violence Archive", "the commission's report".
DOCUMENT_NOUNS = _words("""
    statement report letter memo release summary ruling judgment study survey poll analysis
    data figures statistics records estimate estimates message post tweet filing document
    notice notification circular communique schedule forecast advisory website warning
    alert bulletin email emails memorandum transcript
""")

# Words in -ly that are nouns, not adverbs: "His family said", "a rally".
_LY_NOUNS = _words(
    "family ally rally assembly supply monopoly anomaly belly bully jelly fly lily reply"
)


def is_adverb(word: str) -> bool:
    """An -ly adverb ("reportedly", "angrily"), not a noun in -ly ("family")."""
    return word.endswith("ly") and word.lower() not in _LY_NOUNS


# Time expressions that may sit between a speaker and the end of an attribution.
TIME_WORDS = WEEKDAYS | _words("""
    afternoon again also at earlier evening in last later month morning night on once
    previously publicly recently separately then this today tonight week weekend year
    yesterday
""")

# Abbreviations whose full stop does not end a sentence.
ABBREVIATIONS = MONTH_ABBREVIATIONS | _words("""
    a.m adm al approx capt cmdr co col corp dept dr e.g est etc ft gen gov hon i.e inc
    jr lt ltd mr mrs ms mt no p.m prof rep rev sen sgt sr st u.k u.n u.s univ vs
    sens reps govs drs messrs gens maj cpl pvt supt insp det atty amb coun ald ave blvd ma
""")


_POSSESSIVE_END = re.compile(r"'s$|'$")
_DOTS_AND_SPACES = re.compile(r"[.\s]+")


@lru_cache(maxsize=1 << 16)
def normalize_name(name: str) -> str:
    """Key for matching names: lower case, straight apostrophes, no possessive, no dots."""
    key = name.replace("’", "'").replace("‘", "'").strip()
    key = _POSSESSIVE_END.sub("", key)
    return _DOTS_AND_SPACES.sub(" ", key).strip().lower()


@dataclass(frozen=True)
class DictionaryEntry:
    canonical_name: str
    actor_type: str  # person | organization | place
    outlet: bool = False  # a news outlet or agency: a `source`, not a speaker


@dataclass(eq=False)
class ActorDictionary:
    """Alias → canonical actor, and demonym → place, from the dbt seeds. Hashed by identity
    (`eq=False`), so the rules that depend only on a run's words and the dictionary can be
    remembered across articles (names.py)."""

    entries: dict[str, DictionaryEntry] = field(default_factory=dict)
    demonyms: dict[str, str] = field(default_factory=dict)
    given_names: frozenset[str] = frozenset()  # lower case
    given_genders: dict[str, str] = field(default_factory=dict)  # lower case → female | male
    person_genders: dict[str, str] = field(default_factory=dict)  # canonical → female | male

    def is_given_name(self, word: str) -> bool:
        """A first name, also joined to a second one: 'Nils-Erik', 'Anne-Marie'."""
        bare = word.lower().strip(".,;:’'")
        return bare in self.given_names or bare.split("-", 1)[0] in self.given_names

    def gender_of(self, name: str) -> str | None:
        """A person's gender from the public-figures seed, else their given name's."""
        entry = self.lookup(name)
        if entry and entry.canonical_name in self.person_genders:
            return self.person_genders[entry.canonical_name]
        first = name.split()[0].lower() if len(name.split()) > 1 else ""
        return self.given_genders.get(first)

    def lookup(self, name: str) -> DictionaryEntry | None:
        key = normalize_name(name)
        found = self.entries.get(key)
        if found is None and key.startswith("the "):
            found = self.entries.get(key[4:])
        return found

    def is_demonym(self, word: str) -> bool:
        return normalize_name(word) in self.demonyms


def _split_list(value: str | None) -> list[str]:
    return [part.strip() for part in (value or "").split("|") if part.strip()]


def _rows(path: Path):
    with path.open(newline="", encoding="utf-8") as handle:
        yield from csv.DictReader(handle)


# The dbt seeds the extractor reads: a change to any of them changes every extraction.
DICTIONARY_SEEDS = ("actor_dictionary.csv", "public_figures.csv", "given_names.csv")


def load_dictionary(seeds_dir: Path) -> ActorDictionary:
    """Read the dictionary seeds: `actor_dictionary.csv` (with demonyms), `public_figures.csv`
    (people known by their surname alone, with gender) and `given_names.csv`."""
    dictionary = ActorDictionary()
    for row in _rows(seeds_dir / "actor_dictionary.csv"):
        entry = DictionaryEntry(
            canonical_name=row["canonical_name"].strip(),
            actor_type=row["actor_type"].strip(),
            outlet=row.get("is_outlet", "").strip().lower() == "true",
        )
        for alias in [entry.canonical_name, *_split_list(row.get("aliases"))]:
            dictionary.entries.setdefault(normalize_name(alias), entry)
        for demonym in _split_list(row.get("demonyms")):
            dictionary.demonyms[normalize_name(demonym)] = entry.canonical_name
    figures = seeds_dir / "public_figures.csv"
    for row in _rows(figures) if figures.is_file() else ():
        entry = DictionaryEntry(row["canonical_name"].strip(), "person")
        for alias in [entry.canonical_name, *_split_list(row.get("aliases"))]:
            dictionary.entries.setdefault(normalize_name(alias), entry)
        if row.get("gender", "").strip():
            dictionary.person_genders[entry.canonical_name] = row["gender"].strip()
    given = seeds_dir / "given_names.csv"
    names = [(r["given_name"].strip().lower(), (r.get("gender") or "").strip())
             for r in (_rows(given) if given.is_file() else ())]  # fmt: skip
    dictionary.given_names = frozenset(name for name, _ in names)
    dictionary.given_genders = {name: gender for name, gender in names if gender}
    return dictionary


@lru_cache(maxsize=4)
def default_dictionary(seeds_dir: str | None = None) -> ActorDictionary:
    from factcheck.settings import DBT_PROJECT_DIR

    return load_dictionary(Path(seeds_dir) if seeds_dir else DBT_PROJECT_DIR / "seeds")
