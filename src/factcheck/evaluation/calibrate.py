"""Fit the matching score on labelled pairs and choose its threshold (seed match_calibration).

Each labelled claim's candidates (int_claim_fact_check_candidates: up to five per claim)
are labelled pairs: the candidate is the claim's known fact-check, or it is not. A
logistic regression on the candidates' features — query_coverage, fact_check_coverage,
speaker_agreement, and whether the candidate ranks first — turns them into a probability,
the published `score`. The threshold is the score at which the fitted matcher keeps
precision at or above TARGET_PRECISION on the labelled claims with the highest recall
(on a tie, the higher score); it sits halfway to the next score below, so a rounding of
the seed cannot move a pair across it.

`factcheck eval --fit` builds the sample, fits, and writes the seed; the next build scores
with it. The fit is deterministic (Newton's method from zero, fixed ridge), so the same
sample gives the same seed.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from factcheck.evaluation.linking import BuiltClaim, LabelledClaim, locate
from factcheck.settings import DBT_PROJECT_DIR

SEED = DBT_PROJECT_DIR / "seeds" / "match_calibration.csv"
FEATURES = ("query_coverage", "fact_check_coverage", "speaker_agreement", "top_rank")
TARGET_PRECISION = 0.95
MIN_SCORE = 0.05  # candidates scored below this are not published
RIDGE = 0.01
ITERATIONS = 50


@dataclass(frozen=True)
class Calibration:
    intercept: float
    weights: dict[str, float]
    threshold: float

    def rows(self) -> list[tuple[str, float]]:
        return [
            ("intercept", self.intercept),
            *self.weights.items(),
            ("threshold", self.threshold),
            ("min_score", MIN_SCORE),
        ]


def read_calibration(path: Path = SEED) -> dict[str, float]:
    with path.open(encoding="utf-8", newline="") as handle:
        return {row["parameter"]: float(row["value"]) for row in csv.DictReader(handle)}


def write_calibration(calibration: Calibration, path: Path = SEED) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n")
        writer.writerow(["parameter", "value"])
        writer.writerows((name, f"{value:.6g}") for name, value in calibration.rows())


def labelled_candidates(
    claims: list[LabelledClaim], built: dict[str, list[BuiltClaim]]
) -> tuple[np.ndarray, np.ndarray, int]:
    """Feature rows (with a leading 1), labels, and how many claims have a known fact-check."""
    rows, labels, known = [], [], 0
    for label in claims:
        claim = locate(built, label.article, label.text)
        known += label.review_url is not None
        for c in claim.candidates if claim else []:
            rows.append(
                [1.0, c.query_coverage, c.fact_check_coverage, c.speaker_agreement, c.rank == 1]
            )
            labels.append(float(c.review_url == label.review_url))
    return np.array(rows, dtype=float), np.array(labels), known


def fit_weights(x: np.ndarray, y: np.ndarray) -> np.ndarray:
    """Ridge-regularised logistic regression by Newton's method (the intercept is free)."""
    beta = np.zeros(x.shape[1])
    ridge = np.diag([0.0] + [RIDGE] * (x.shape[1] - 1))
    for _ in range(ITERATIONS):
        p = 1 / (1 + np.exp(-(x @ beta)))
        gradient = x.T @ (p - y) + ridge @ beta
        hessian = x.T @ (x * (p * (1 - p))[:, None]) + ridge
        beta -= np.linalg.solve(hessian, gradient)
    return beta


def choose_threshold(scores: np.ndarray, y: np.ndarray, known: int) -> float:
    """The threshold with the best recall at precision >= TARGET_PRECISION."""
    order = sorted(set(scores.tolist()), reverse=True)
    best: tuple[float, float] | None = None  # (recall, threshold)
    for at, score in enumerate(order):
        kept = scores >= score
        tp = float(y[kept].sum())
        precision = tp / kept.sum()
        recall = tp / known if known else 0.0
        if precision >= TARGET_PRECISION and (best is None or recall > best[0]):
            below = order[at + 1] if at + 1 < len(order) else 0.0
            best = (recall, (score + below) / 2)
    return round(best[1], 4) if best else 1.0


def fit(claims: list[LabelledClaim], built: dict[str, list[BuiltClaim]]) -> Calibration:
    x, y, known = labelled_candidates(claims, built)
    if not len(y) or y.min() == y.max():
        raise ValueError("calibration needs labelled candidates of both kinds")
    beta = fit_weights(x, y)
    scores = 1 / (1 + np.exp(-(x @ beta)))
    threshold = choose_threshold(scores, y, known)
    return Calibration(
        intercept=float(beta[0]),
        weights={name: float(w) for name, w in zip(FEATURES, beta[1:], strict=True)},
        threshold=max(threshold, MIN_SCORE),
    )
