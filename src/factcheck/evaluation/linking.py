"""How well claims are grouped and linked to prior fact-checks, on the labelled sample.

The sample (tests/linking/, see its README) is a raw directory — articles/ and
factchecks/ — with labels/: `pairs.csv` (two claims, by article id and words, and whether
they are the same claim) and `matches.csv` (a claim and the review URL of the fact-check
that reviews it, or none). The pipeline's own ingest and dbt build run on it, and:

* grouping is scored on the pairs: a pair is predicted "same" when both claims have one
  claim_group_id (precision and recall of "same");
* matching is scored on the claims of matches.csv: a link is predicted when
  claim_fact_checks marks it `matched` (precision and recall of those links), and MAP@5
  ranks each claim's candidates by score (one relevant fact-check per claim, so AP@5 is
  1/rank when it is among the first five);
* the calibration (seed match_calibration) can be fitted on the same claims: see
  factcheck.evaluation.calibrate.

A labelled claim is found in its article as the claim whose words (compared as grouping
compares them) contain the label's words most tightly.
"""

from __future__ import annotations

import csv
import os
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from factcheck.evaluation.gold import GoldFormatError
from factcheck.evaluation.score import Tally
from factcheck.settings import Paths

MAP_DEPTH = 5


@dataclass(frozen=True)
class LabelledPair:
    article_a: str
    text_a: str
    article_b: str
    text_b: str
    same: bool
    kind: str


@dataclass(frozen=True)
class LabelledClaim:
    article: str
    text: str
    review_url: str | None  # None: no fact-check of the sample reviews it


@dataclass(frozen=True)
class Candidate:
    """One scored candidate fact-check of a claim, with the features the score is made of."""

    review_url: str
    rank: int
    query_coverage: float
    fact_check_coverage: float
    speaker_agreement: int
    score: float | None  # null below the published min_score
    matched: bool


@dataclass
class BuiltClaim:
    claim_id: str
    words: str
    group: str
    candidates: list[Candidate] = field(default_factory=list)


@dataclass
class LinkingReport:
    grouping: Tally = field(default_factory=Tally)
    matching: Tally = field(default_factory=Tally)
    average_precision: list[float] = field(default_factory=list)
    unlocated: list[str] = field(default_factory=list)  # labels no claim was found for
    errors: list[str] = field(default_factory=list)
    threshold: float | None = None

    @property
    def map_at_5(self) -> float:
        if not self.average_precision:
            return 0.0
        return sum(self.average_precision) / len(self.average_precision)

    def as_dict(self) -> dict:
        return {
            "grouping": _tally_dict(self.grouping),
            "matching": _tally_dict(self.matching) | {"threshold": self.threshold},
            "map_at_5": round(self.map_at_5, 4),
            "claims_with_a_known_fact_check": len(self.average_precision),
            "unlocated": self.unlocated,
        }


def _tally_dict(tally: Tally) -> dict:
    return {
        "precision": round(tally.precision, 4),
        "recall": round(tally.recall, 4),
        "tp": tally.tp,
        "fp": tally.fp,
        "fn": tally.fn,
    }


def words(text: str) -> str:
    """A text's words as grouping compares them (the dbt macro normalized_text, in Python)."""
    text = unicodedata.normalize("NFKD", text.lower())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"(\d)[,.](\d{3})", r"\1\2", text)
    text = re.sub(r"['’‘`ʼ]", "", text)
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


def load_labels(sample: Path) -> tuple[list[LabelledPair], list[LabelledClaim]]:
    labels = sample / "labels"
    try:
        with (labels / "pairs.csv").open(encoding="utf-8", newline="") as handle:
            pairs = [
                LabelledPair(
                    r["article_a"],
                    r["text_a"],
                    r["article_b"],
                    r["text_b"],
                    r["same"] == "1",
                    r["kind"],
                )
                for r in csv.DictReader(handle)
            ]
        with (labels / "matches.csv").open(encoding="utf-8", newline="") as handle:
            claims = [
                LabelledClaim(r["article"], r["text"], r["review_url"] or None)
                for r in csv.DictReader(handle)
            ]
    except (OSError, KeyError) as exc:
        raise GoldFormatError(f"{labels}: pairs.csv and matches.csv are needed ({exc})") from exc
    return pairs, claims


def build(sample: Path, data_dir: Path) -> Path:
    """Ingest and build the sample with the nightly run's own steps; the build database."""
    from factcheck import pipeline

    for needed in ("articles", "factchecks", "labels"):
        if not (sample / needed).is_dir():
            raise GoldFormatError(f"{sample / needed} is missing (see tests/linking/README.md)")
    paths = Paths.resolve(sample, data_dir)
    paths.export_to_env()
    os.environ.setdefault("DBT_QUIET", "true")
    run_id = "eval_linking_" + datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    ingested = pipeline.ingest(paths, run_id, force=True)
    pipeline.transform(paths, run_id, ingested)
    return paths.build_db


BUILT_SQL = """
select a.external_id, c.claim_id, c.claim_text, c.claim_group_id,
       f.review_url, k.rank, k.query_coverage, k.fact_check_coverage, k.speaker_agreement,
       m.score, coalesce(m.matched, false)
from claims c
join articles a using (article_id)
join intermediate.int_claim_texts t using (claim_id)
left join intermediate.int_claim_fact_check_candidates k
    on k.unit_key = t.unit_key and k.fact_check_id is not null
left join fact_checks f on f.fact_check_id = k.fact_check_id
left join claim_fact_checks m on m.claim_id = c.claim_id and m.fact_check_id = k.fact_check_id
order by a.external_id, c.claim_id, k.rank
"""


def read_built(build_db: Path) -> dict[str, list[BuiltClaim]]:
    """Every claim of the build with its candidates, by the article's feed id."""
    con = duckdb.connect(str(build_db), read_only=True)
    try:
        rows = con.execute(BUILT_SQL).fetchall()
    finally:
        con.close()
    articles: dict[str, dict[str, BuiltClaim]] = {}
    for article, claim_id, text, group, url, rank, q_cov, f_cov, agree, score, matched in rows:
        claims = articles.setdefault(article, {})
        claim = claims.setdefault(claim_id, BuiltClaim(claim_id, words(text), group))
        if url is not None:
            claim.candidates.append(
                Candidate(url, rank, q_cov, f_cov, int(agree), score, bool(matched))
            )
    return {article: list(claims.values()) for article, claims in articles.items()}


def locate(built: dict[str, list[BuiltClaim]], article: str, text: str) -> BuiltClaim | None:
    """The claim of `article` that holds the labelled words most tightly, if any."""
    wanted = words(text)
    holding = [
        c
        for c in built.get(article, [])
        if wanted in c.words or (len(c.words) > 20 and c.words in wanted)
    ]
    return min(holding, key=lambda c: (abs(len(c.words) - len(wanted)), c.claim_id), default=None)


def score_grouping(
    pairs: list[LabelledPair], built: dict[str, list[BuiltClaim]], report: LinkingReport
) -> None:
    for pair in pairs:
        a = locate(built, pair.article_a, pair.text_a)
        b = locate(built, pair.article_b, pair.text_b)
        if a is None or b is None:
            report.unlocated.append(f"pair {pair.article_a} / {pair.article_b} ({pair.kind})")
        predicted = a is not None and b is not None and a.group == b.group
        if predicted and pair.same:
            report.grouping.tp += 1
        elif predicted:
            report.grouping.fp += 1
            report.errors.append(f"grouped but different: {pair.article_b} {pair.text_b[:60]}")
        elif pair.same:
            report.grouping.fn += 1
            report.errors.append(f"not grouped ({pair.kind}): {pair.article_b} {pair.text_b[:60]}")


def score_matching(
    claims: list[LabelledClaim], built: dict[str, list[BuiltClaim]], report: LinkingReport
) -> None:
    for label in claims:
        claim = locate(built, label.article, label.text)
        if claim is None:
            report.unlocated.append(f"claim {label.article}: {label.text[:60]}")
            report.matching.fn += label.review_url is not None
            report.average_precision += [0.0] if label.review_url else []
            continue
        published = sorted(
            (c for c in claim.candidates if c.score is not None), key=lambda c: -c.score
        )
        for candidate in published:
            if not candidate.matched:
                continue
            if candidate.review_url == label.review_url:
                report.matching.tp += 1
            else:
                report.matching.fp += 1
                report.errors.append(f"wrong match for {label.article}: {candidate.review_url}")
        if label.review_url is None:
            continue
        if not any(c.matched and c.review_url == label.review_url for c in published):
            report.matching.fn += 1
            report.errors.append(f"known fact-check not matched: {label.article}")
        ranks = [
            i for i, c in enumerate(published[:MAP_DEPTH], 1) if c.review_url == label.review_url
        ]
        report.average_precision.append(1 / ranks[0] if ranks else 0.0)


def evaluate_linking(sample: Path, data_dir: Path, refit: bool = False) -> LinkingReport:
    """Build the sample and score grouping and matching. With `refit`, first fit the
    calibration on the sample, write it to the seed, and build again with it."""
    pairs, claims = load_labels(sample)
    built = read_built(build(sample, data_dir))
    if refit:
        from factcheck.evaluation.calibrate import fit, write_calibration

        write_calibration(fit(claims, built))
        built = read_built(build(sample, data_dir))
    report = LinkingReport()
    score_grouping(pairs, built, report)
    score_matching(claims, built, report)
    report.threshold = calibration_threshold()
    return report


def calibration_threshold() -> float:
    from factcheck.evaluation.calibrate import read_calibration

    return read_calibration()["threshold"]


def format_linking(report: LinkingReport) -> str:
    g, m = report.grouping, report.matching
    lines = [
        "claim grouping and prior fact-checks (tests/linking):",
        f"  grouping   precision {g.precision:.3f}  recall {g.recall:.3f}"
        f"  (tp {g.tp}, fp {g.fp}, fn {g.fn})",
        f"  matching   precision {m.precision:.3f}  recall {m.recall:.3f}"
        f"  (tp {m.tp}, fp {m.fp}, fn {m.fn}; threshold {report.threshold})",
        f"  MAP@5      {report.map_at_5:.3f}  over {len(report.average_precision)} claims "
        "with a known fact-check",
    ]
    if report.unlocated:
        lines.append(f"  labels not found among the claims: {len(report.unlocated)}")
    return "\n".join(lines)
