"""A deterministic synthetic news corpus in the raw layouts, for benchmarks.

Articles look like wire copy: a headline, quotes with named speakers and titles (before
and after the quote, interrupted, continued with "he added"), reported speech, "according
to" attributions, figures and dates, and a recurring cast of people, organisations and
places, so extraction does real work. The same (n, seed) always gives the same files.

Layouts, as in the data contract: 70% JSON lines (1,000 articles a file), 20% plain .txt,
10% news-site exports with section, kicker, dek, image id, photo credit and boilerplate.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

FIRST = (
    "Anna Boris Carla David Elena Farid Grace Hiro Ines Jonas Karin Luis Maya Nikolai "
    "Olga Pavel Rosa Samir Tamar Umar Vera Wei Yusuf Zofia Amir Bianca Chen Dmitri "
    "Esther Felix"
).split()
LAST = (
    "Novak Petrov Garcia Okafor Lindqvist Haddad Moreau Tanaka Kowalski Silva Brandt "
    "Rossi Ivanova Mensah Costa Yilmaz Dubois Kaur Schmidt Horvat Nakamura Fischer "
    "Alvarez Popescu Jensen Kim Nowak Ortega Volkov Walsh"
).split()
TITLES = (
    "Foreign Minister|Defense Minister|Health Minister|Mayor|Governor|Senator|"
    "spokesperson|Finance Minister|police chief|Interior Minister|economist|"
    "General"
).split("|")
ORGS = (
    "Ministry of Health|Central Bank|Electoral Commission|National Police|"
    "Red Cross|World Health Organization|United Nations|European Union|Supreme Court|"
    "State Railways|Energy Agency|Meteorological Service"
).split("|")
PLACES = (
    "Berlin Kyiv Lagos Lima Manila Nairobi Oslo Paris Quito Riga Seoul Tbilisi "
    "Warsaw Yerevan Zagreb Belgrade Hanoi Dakar Minsk Vilnius"
).split()
OUTLETS = ["Reuters", "the Associated Press", "TASS", "Al Jazeera", "BBC", "Xinhua"]
TOPICS = [
    "budget",
    "election",
    "flood",
    "vaccine programme",
    "rail strike",
    "border dispute",
    "energy prices",
    "harvest",
    "trade deal",
    "wildfire",
]
VERBS = ["approves", "rejects", "delays", "announces", "questions", "defends", "expands"]
QUOTES = [
    "We will not accept any further delay on this matter",
    "The figures speak for themselves and the public deserves the truth",
    "Nobody expected the situation to deteriorate this quickly",
    "Our teams are working around the clock to restore services",
    "This decision was taken after careful consultation with our partners",
    "There is no evidence that the payments were ever made",
    "We have asked for an independent investigation into what happened",
    "The government has failed to protect the most vulnerable families",
]
CLAUSES = [
    "the {topic} would cost at least {n} million euros",
    "{m} people had been evacuated from the {place} region",
    "the ministry had known about the problem since {year}",
    "prices had risen by {p} percent since {month}",
    "the agreement would be signed before the end of {month}",
]


class Cast:
    """Recurring people: a few appear in many articles, most in a few (Zipf-like)."""

    def __init__(self, rng: random.Random, size: int = 400) -> None:
        self.people = []
        for i in range(size):
            first, last = FIRST[i % len(FIRST)], LAST[(i * 7 + i // len(FIRST)) % len(LAST)]
            title = TITLES[i % len(TITLES)]
            self.people.append((f"{first} {last}", last, title, PLACES[i % len(PLACES)]))
        self.weights = [1 / (rank + 1) for rank in range(size)]
        self.rng = rng

    def pick(self, k: int) -> list[tuple[str, str, str, str]]:
        chosen: dict[str, tuple] = {}
        while len(chosen) < k:
            person = self.rng.choices(self.people, self.weights)[0]
            chosen[person[0]] = person
        return list(chosen.values())


def _fill(rng: random.Random, template: str) -> str:
    return template.format(
        topic=rng.choice(TOPICS),
        n=rng.randint(2, 900),
        m=rng.randint(20, 40000),
        place=rng.choice(PLACES),
        year=rng.randint(2015, 2025),
        p=rng.randint(2, 60),
        month=rng.choice(["January", "March", "June", "September", "November"]),
    )


def article(rng: random.Random, cast: Cast, number: int) -> dict:
    """One synthetic article: title, body paragraphs, and metadata."""
    topic, place = rng.choice(TOPICS), rng.choice(PLACES)
    org = rng.choice(ORGS)
    (full1, last1, title1, home1), (full2, last2, title2, _) = cast.pick(2)
    title = f"{org} {rng.choice(VERBS)} {topic} plan in {place} ({number})"
    q1, q2, q3 = rng.sample(QUOTES, 3)
    paragraphs = [
        f"The {org} on {rng.choice(['Monday', 'Tuesday', 'Friday'])} said that "
        f"{_fill(rng, rng.choice(CLAUSES))}, in a move that drew criticism in {place}.",
        f"“{q1},” {home1}'s {title1} {full1} said in a statement.",
        f"{full2}, the {title2}, told {rng.choice(OUTLETS)} that "
        f"{_fill(rng, rng.choice(CLAUSES))}.",
        f"“{q2},” {last1} said. “{q3}.”",
        f"According to the {rng.choice(ORGS)}, {_fill(rng, rng.choice(CLAUSES))}.",
        f"Officials recorded {rng.randint(3, 900)} incidents in {place} in "
        f"{rng.randint(2019, 2025)}, up {rng.randint(2, 80)} percent on the year before.",
        f"“{rng.choice(QUOTES)},” {last2} added.",
        f"The streets of {place} were quiet on the evening of the announcement.",
    ]
    rng.shuffle(paragraphs[4:])
    return {
        "title": title,
        "paragraphs": paragraphs,
        "id": f"bench-{number:07d}",
        "url": f"https://news.example.org/{number}",
        "published": "2025-06-01",
        "publisher": "Synthetic Wire",
    }


PUBLISHERS = ["PolitiFact", "Full Fact", "AFP Fact Check", "Snopes", "Africa Check", "Lead Stories"]
LABELS = ["False", "Mostly False", "Half-True", "Mostly True", "Pants on Fire!", "Misleading"]
# How fact-checkers reword what was said: a "Says ..." summary of a reported clause, or a
# quotation shortened to its first words, with the claimant named.
CHECK_FORMS = [
    "Says {clause}.",
    "{full} claimed that {clause}.",
    "{quote_start} …",
    "{last} says {clause}, a figure the {org} disputes.",
]


def fact_check(rng: random.Random, cast: Cast, number: int) -> dict:
    """One synthetic ClaimReview about the cast's kind of statements."""
    ((full, last, _, _),) = cast.pick(1)
    form = rng.choice(CHECK_FORMS)
    text = form.format(
        clause=_fill(rng, rng.choice(CLAUSES)),
        full=full,
        last=last,
        org=rng.choice(ORGS),
        quote_start=" ".join(rng.choice(QUOTES).split()[: rng.randint(5, 8)]),
    )
    publisher = rng.choice(PUBLISHERS)
    return {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": f"https://checks.example.org/{publisher.lower().replace(' ', '-')}/{number}",
        "claimReviewed": text,
        "datePublished": f"2025-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
        "author": {"@type": "Organization", "name": publisher},
        "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": full}},
        "reviewRating": {"@type": "Rating", "alternateName": rng.choice(LABELS)},
    }


def write_factchecks(raw_dir: Path, n: int, seed: int = 7) -> int:
    """Write n ClaimReviews as JSON lines under raw_dir/factchecks/bench/ (10,000 a file),
    worded from the same cast, quotations and clauses as the articles. Returns n."""
    rng = random.Random(f"{seed}:factchecks")
    cast = Cast(random.Random(seed))
    cast.rng = rng
    out = raw_dir / "factchecks" / "bench"
    out.mkdir(parents=True, exist_ok=True)
    for first in range(0, n, 10_000):
        lines = [json.dumps(fact_check(rng, cast, i)) for i in range(first, min(n, first + 10_000))]
        (out / f"checks-{first:07d}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return n


def _plain(item: dict) -> str:
    return item["title"] + "\n\n" + "\n\n".join(item["paragraphs"]) + "\n"


def _export(item: dict, rng: random.Random) -> str:
    dek = item["paragraphs"][0]
    body = item["paragraphs"][1:]
    body.insert(2, "ADVERTISEMENT")
    return (
        "\n\n".join(
            [
                rng.choice(["World", "Politics", "Economy"]),
                item["title"],
                "BREAKING",
                dek,
                f"GettyImages-{rng.randint(10**9, 10**10)}_x\nStaff Photographer/Getty Images",
                *body,
                "Got a tip? Send it to the news desk here.",
            ]
        )
        + "\n"
    )


def write_corpus(raw_dir: Path, n: int, seed: int = 7, start: int = 0) -> int:
    """Write articles start..start+n-1 under raw_dir/articles/bench/. Returns n."""
    rng = random.Random(f"{seed}:{start}")
    cast = Cast(random.Random(seed))
    cast.rng = rng
    out = raw_dir / "articles" / "bench"
    (out / "txt").mkdir(parents=True, exist_ok=True)
    (out / "jsonl").mkdir(parents=True, exist_ok=True)
    batch: list[str] = []
    for number in range(start, start + n):
        item = article(rng, cast, number)
        kind = number % 10
        if kind < 7:
            batch.append(
                json.dumps(
                    {
                        **{k: item[k] for k in ("id", "url", "published", "publisher", "title")},
                        "body": "\n\n".join(item["paragraphs"]),
                    }
                )
            )
            if len(batch) == 1000:
                _flush(out / "jsonl", number, batch)
        elif kind < 9:
            (out / "txt" / f"{number:07d}.txt").write_text(_plain(item), encoding="utf-8")
        else:
            (out / "txt" / f"{number:07d}.txt").write_text(_export(item, rng), encoding="utf-8")
    _flush(out / "jsonl", start + n - 1, batch)
    return n


def _flush(directory: Path, number: int, batch: list[str]) -> None:
    if batch:
        (directory / f"batch-{number:07d}.jsonl").write_text(
            "\n".join(batch) + "\n", encoding="utf-8"
        )
        batch.clear()
