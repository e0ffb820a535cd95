"""Build the articles and the claim-pair labels of the linking sample (tests/linking/).

Run by hand, once, from a checkout with the shared corpora beside it:

    .venv/bin/python scripts/build_linking_sample.py ../shared/corpus tests/linking

It picks U.S. Senate press releases (public domain) that carry a check-worthy quotation
(figures, 12-40 words, a named speaker, as the pipeline's own extractor finds them) and
writes, for each, the release itself and the ways the same quotation travels:

* a wire copy: the same text under another outlet's headline;
* a follow-up that quotes it again, rotating through the variations grouping must see
  through: other quotation marks and case, an ellipsis, a small edit (one word), and a
  shorter span of it; the follow-up also carries another statement by the same speaker,
  which must not group with it.

It writes articles/*.jsonl, labels/pairs.csv (which claim pairs are the same) and
labels/quotes.csv (every quotation picked: the candidates for hand-written fact-checks,
labelled in labels/matches.csv). Nothing at run or test time reads the shared corpora.
"""

from __future__ import annotations

import csv
import json
import random
import sys
from pathlib import Path

from factcheck.extract.parallel import extract_record

WANTED = 45
VARIATIONS = ("marks_and_case", "ellipsis", "small_edit", "shorter_span")
OUTLETS = ("Capitol Wire", "Statehouse Daily", "Prairie Ledger")
# The statement of the same speaker the follow-up adds: not the quotation, never grouped.
OTHER_STATEMENTS = (
    "I will keep fighting for the families of my state every day I serve in the Senate",
    "This office will continue to press the administration for answers on this matter",
    "Our communities deserve a government that listens and acts on what it hears",
)


def pick(corpus: Path) -> list[tuple[dict, dict]]:
    """(release, quotation) pairs: the first check-worthy quotation of each release."""
    rows = [json.loads(line) for line in (corpus / "articles.jsonl").open(encoding="utf-8")]
    for number, row in enumerate(rows):
        row["id"] = f"senate-{number:04d}"
    random.Random(13).shuffle(rows)
    picked = []
    for row in rows:
        claims = extract_record(row["title"], None, row["body"])["claims"]
        quotes = [
            c
            for c in claims
            if c["claim_type"] == "direct_quote"
            and c["speaker_name"]
            and 12 <= len(c["claim_text"].split()) <= 40
            and any(ch.isdigit() for ch in c["claim_text"])
        ]
        if quotes:
            picked.append((row, quotes[0]))
        if len(picked) == WANTED:
            break
    return picked


def vary(text: str, how: str) -> str:
    """The quotation as a follow-up reprints it."""
    words = text.rstrip(".").split()
    if how == "marks_and_case":
        return text.upper() if len(text) < 60 else text[0].lower() + text[1:]
    if how == "ellipsis":
        return " ".join(words[: len(words) - 1]) + " …"
    if how == "small_edit":
        at = len(words) // 2
        return " ".join(words[:at] + [words[at] + "s"] + words[at + 1 :])
    return " ".join(words[2 : max(10, len(words) - 3)])


def surname(name: str) -> str:
    return name.split()[-1]


def main(corpus_root: Path, out: Path) -> None:
    picked = pick(corpus_root / "senate-press-releases")
    originals, copies, pairs, quotes = [], [], [], []
    for number, (row, quote) in enumerate(picked):
        speaker, text = quote["speaker_name"], quote["claim_text"]
        original = {k: row.get(k) for k in ("id", "title", "body", "published", "publisher")}
        original["license"] = "public domain (17 U.S.C. 105)"
        originals.append(original)
        outlet = OUTLETS[number % len(OUTLETS)]
        wire = {
            "id": f"{row['id']}-wire",
            "title": f"{outlet}: {row['title'].title()}",
            "body": row["body"],
            "published": row.get("published"),
            "publisher": outlet,
        }
        how = VARIATIONS[number % len(VARIATIONS)]
        reprinted = vary(text, how)
        other = OTHER_STATEMENTS[number % len(OTHER_STATEMENTS)]
        follow_up = {
            "id": f"{row['id']}-followup",
            "title": f"{surname(speaker)} returns to the issue",
            "body": (
                f"Weeks after the announcement, the debate has not gone away.\n\n"
                f"“{reprinted},” {speaker} said in a statement last week.\n\n"
                f"“{other},” {surname(speaker)} told reporters on Tuesday."
            ),
            "published": row.get("published"),
            "publisher": OUTLETS[(number + 1) % len(OUTLETS)],
        }
        copies += [wire, follow_up]
        pairs += [
            (row["id"], text, wire["id"], text, 1, "wire_copy"),
            (row["id"], text, follow_up["id"], reprinted, 1, how),
            (row["id"], text, follow_up["id"], other, 0, "same_speaker_other_statement"),
        ]
        quotes.append((row["id"], speaker, text))
    articles = out / "articles"
    articles.mkdir(parents=True, exist_ok=True)
    for name, records in (("releases.jsonl", originals), ("copies.jsonl", copies)):
        with (articles / name).open("w", encoding="utf-8") as handle:
            handle.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
    labels = out / "labels"
    labels.mkdir(parents=True, exist_ok=True)
    with (labels / "pairs.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["article_a", "text_a", "article_b", "text_b", "same", "kind"])
        writer.writerows(pairs)
    with (labels / "quotes.csv").open("w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["article", "speaker", "text"])
        writer.writerows(quotes)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
