"""Draw a blind held-out sample of corpus articles for `tests/holdout/`.

Each draw takes, with a fixed seed, 6 Wikinews, 3 Global Voices and 3 Senate articles among
those with at least four speech markers (`said`, `says`, `told` or a quotation mark), so that
every drawn article brings attributions to score, and never one already in `tests/gold/`,
`tests/holdout/` or `tests/linking/` (compared by url, id and title). Senate releases carry no
id in the corpus: they get `senate-NNNN`, their line number, as the gold sample's do.

    python scripts/draw_holdout.py --corpus ../shared/corpus --seed 13 --out /tmp/draw13

writes `wikinews-13.jsonl`, `globalvoices-13.jsonl` and `senate-13.jsonl` for annotators who
have not seen the extractor. Run by hand when a round starts; nothing reads the corpus at run
time or in tests.
"""

from __future__ import annotations

import argparse
import json
import random
import re
from pathlib import Path

SOURCES = {"wikinews": 6, "globalvoices": 3, "senate-press-releases": 3}
SHORT = {"senate-press-releases": "senate"}
MIN_SPEECH_MARKERS = 4
_SPEECH_MARKER = re.compile(r"\b(?:said|says|told)\b|[\"“”]")
SAMPLES = ("tests/gold", "tests/holdout", "tests/linking")


def already_used(repo: Path) -> set[str]:
    """Urls, ids and titles of every article the repository's samples already hold."""
    used: set[str] = set()
    for sample in SAMPLES:
        for path in (repo / sample).rglob("*.jsonl"):
            for line in path.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    row = json.loads(line)
                    used.update(str(row[k]) for k in ("url", "id", "title") if row.get(k))
    return used


def candidates(corpus: Path, source: str, used: set[str]) -> list[dict]:
    """The source's articles with enough speech markers that no sample holds yet."""
    lines = (corpus / source / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    found = []
    for number, line in enumerate(lines):
        row = json.loads(line)
        if source == "senate-press-releases":
            row = {"id": f"senate-{number:04d}", **row}
        keys = {str(row[k]) for k in ("url", "id", "title") if row.get(k)}
        markers = len(_SPEECH_MARKER.findall(row["body"]))
        if markers >= MIN_SPEECH_MARKERS and not keys & used:
            found.append(row)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, required=True)
    parser.add_argument("--seed", type=int, required=True)
    parser.add_argument("--out", type=Path, required=True)
    args = parser.parse_args()
    repo = Path(__file__).resolve().parent.parent
    used = already_used(repo)
    args.out.mkdir(parents=True, exist_ok=True)
    for source, count in SOURCES.items():
        drawn = random.Random(f"{args.seed}-{source}").sample(
            candidates(args.corpus, source, used), count
        )
        name = f"{SHORT.get(source, source)}-{args.seed}.jsonl"
        with (args.out / name).open("w", encoding="utf-8") as out:
            for row in drawn:
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
        print(f"{name}: " + "; ".join(row["title"][:60] for row in drawn))


if __name__ == "__main__":
    main()
