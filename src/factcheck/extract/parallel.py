"""Extract many articles at once, on every core: the batch form the DuckDB function uses.

Extraction is plain Python and holds the GIL, so a cold build of a large archive would use
one core of many. Batches of at least PARALLEL_FROM articles are split across worker
processes (started once, on first need, and reused for every batch of the run); smaller
batches — a typical night — run in this process, where starting workers would cost more.
Each slice comes back as an Arrow array, built where it was extracted: the process DuckDB
runs in only joins the slices, instead of converting every record while the workers wait.
"""

from __future__ import annotations

import atexit
import json
import logging
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_context

import pyarrow as pa

from factcheck.extract.article import extract_article
from factcheck.extract.columns import ARROW_EXTRACTION_TYPE, CLAIM_FIELDS, MENTION_FIELDS
from factcheck.settings import worker_count

log = logging.getLogger(__name__)

PARALLEL_FROM = 256
_pool: ProcessPoolExecutor | None = None


def extract_record(
    headline: str | None,
    dek: str | None,
    body_text: str | None,
    block_quotes: str | None = None,
) -> dict:
    """One article's claims and mentions as plain dicts (what DuckDB's struct expects);
    `block_quotes` is the JSON list of body paragraphs set off as quotes."""
    quoted = frozenset(json.loads(block_quotes)) if block_quotes else frozenset()
    claims, mentions = extract_article(headline, dek, body_text, block_quotes=quoted)
    # The declared fields, read off each object (dataclasses.asdict deep-copies: slower).
    return {
        "claims": [{name: getattr(c, name) for name in CLAIM_FIELDS} for c in claims],
        "mentions": [{name: getattr(m, name) for name in MENTION_FIELDS} for m in mentions],
    }


def _extract_slice(rows: list[tuple]) -> pa.Array:
    return pa.array([extract_record(*row) for row in rows], type=ARROW_EXTRACTION_TYPE)


_rows_seen = 0


def extract_many(rows: list[tuple]) -> pa.Array:
    """Extract (headline, dek, body_text, block_quotes) rows, in order, into an Arrow
    array of `ARROW_EXTRACTION_TYPE` (one struct a row). Workers start once
    this process has been asked for PARALLEL_FROM articles, however the database cut them
    into batches."""
    global _rows_seen
    _rows_seen += len(rows)
    if not rows or (_pool is None and _rows_seen < PARALLEL_FROM) or worker_count() < 2:
        return _extract_slice(rows)
    size = -(-len(rows) // (worker_count() * 4))  # a few slices per worker evens out long articles
    slices = [rows[i : i + size] for i in range(0, len(rows), size)]
    try:
        return pa.concat_arrays(list(_get_pool().map(_extract_slice, slices)))
    except (BrokenProcessPool, OSError) as exc:
        log.warning("extraction: worker processes unavailable (%s); extracting in-process", exc)
        shutdown()
        return _extract_slice(rows)


def warm_up(expected_rows: int) -> None:
    """Start the workers ahead of a large extraction (they take a second or two to start,
    which can overlap dbt's own start-up instead of adding to the extraction)."""
    global _rows_seen
    if expected_rows >= PARALLEL_FROM and worker_count() >= 2:
        _rows_seen = max(_rows_seen, expected_rows)
        pool = _get_pool()
        for _ in range(worker_count()):
            pool.submit(_extract_slice, [])


def _get_pool() -> ProcessPoolExecutor:
    global _pool
    if _pool is None:
        _pool = ProcessPoolExecutor(worker_count(), mp_context=get_context("spawn"))
    return _pool


@atexit.register
def shutdown() -> None:
    """Stop the worker processes (the pipeline calls this when dbt is done)."""
    global _pool, _rows_seen
    _rows_seen = 0
    if _pool is not None:
        _pool.shutdown(cancel_futures=True)
        _pool = None
