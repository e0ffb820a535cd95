"""`factcheck eval`: build the gold articles with the pipeline's own steps, then score them.

The ingest and dbt build are the nightly run's (pipeline.ingest, pipeline.transform), so
what is scored is what a release would publish; the quality gate and publishing are left
out because they do not change a row.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime
from pathlib import Path

from factcheck.evaluation.gold import GoldFormatError, load_gold
from factcheck.evaluation.observed import read_observed
from factcheck.evaluation.score import Report, score
from factcheck.settings import Paths


def evaluate(gold_dir: Path, data_dir: Path) -> Report:
    """Score the pipeline on `gold_dir` (articles/ + annotations/), building into `data_dir`."""
    from factcheck import pipeline

    articles, annotations = gold_dir / "articles", gold_dir / "annotations"
    for needed in (articles, annotations):
        if not needed.is_dir():
            raise GoldFormatError(f"{needed} is missing (see tests/gold/README.md)")
    gold = load_gold(annotations)
    paths = Paths.resolve(gold_dir, data_dir)
    paths.export_to_env()
    os.environ.setdefault("DBT_QUIET", "true")  # the scores are the output, not dbt's log
    run_id = "eval_" + datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    ingested = pipeline.ingest(paths, run_id, force=True)
    pipeline.transform(paths, run_id, ingested)
    return score(gold, read_observed(paths.build_db))
