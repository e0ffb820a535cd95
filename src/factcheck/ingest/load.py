"""Load what changed under `raw/` into the build database, with provenance.

Incremental and idempotent: a file whose size, modification time and parser version are
those recorded in `raw.files` is not read again; a file whose bytes are unchanged is not
re-parsed; a changed file replaces its earlier rows; a file that disappeared takes its rows
with it. So a rerun on the same raw directory loads nothing and changes nothing.

Every article and every reject is accounted for. For each run, and for the raw directory
as a whole:  records seen = loaded + duplicates + quarantined.
"""

from __future__ import annotations

import json
import logging
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from multiprocessing import get_context
from pathlib import Path

import duckdb
import pyarrow as pa

from factcheck.faults import crash_point
from factcheck.ingest.decode import decode_bytes
from factcheck.ingest.errors import Rejected
from factcheck.ingest.sources import (
    ArticleRecord,
    FileEntry,
    FileResult,
    QuarantineEntry,
    precheck,
    read_file,
    scan,
)
from factcheck.settings import worker_count

log = logging.getLogger(__name__)

# Bump when parsing changes what a file yields: every file is then read again.
INGEST_VERSION = "2"

SCHEMA_SQL = """
create schema if not exists raw;
create table if not exists raw.files (
    source_uri varchar primary key,
    size_bytes bigint,
    mtime_ns bigint,
    file_sha256 varchar,
    ingest_version varchar,
    records_seen integer,
    loaded_at timestamptz,
    run_id varchar
);
create table if not exists raw.articles (
    article_key varchar not null,
    source_uri varchar not null,
    source_line integer,
    content_sha256 varchar not null,
    layout varchar not null,
    encoding_note varchar,
    headline varchar not null,
    section varchar,
    kicker varchar,
    dek varchar,
    image_ref varchar,
    photo_credit varchar,
    body_text varchar not null,
    removed_paragraphs integer,
    external_id varchar,
    url varchar,
    published varchar,
    publisher varchar,
    author varchar,
    license varchar,
    file_sha256 varchar,
    loaded_at timestamptz,
    run_id varchar
);
create table if not exists raw.quarantine (
    source_uri varchar not null,
    line integer,
    reason varchar not null,
    first_seen_at timestamptz not null,
    run_id varchar
);
create table if not exists raw.verdicts (
    claim_id varchar not null,
    status varchar not null,
    rating_label varchar,
    reviewed_by varchar not null,
    reviewed_at timestamptz not null,
    evidence_url varchar,
    note varchar,
    source_uri varchar not null,
    line integer not null
);
create table if not exists raw.ingest_runs (
    run_id varchar,
    started_at timestamptz,
    finished_at timestamptz,
    stats json
);
"""


@dataclass
class IngestStats:
    """Counts for one ingest run. `this_run` balances, and so does `totals`."""

    run_id: str
    files_seen: int = 0
    files_unchanged: int = 0
    files_read: int = 0
    files_removed: int = 0
    records_seen: int = 0
    loaded: int = 0
    duplicates: int = 0
    quarantined: int = 0
    notes: list[str] = field(default_factory=list)
    totals: dict[str, int] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        return bool(self.files_read or self.files_removed)

    def as_dict(self) -> dict:
        return asdict(self) | {"changed": self.changed}


def ensure_schema(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(SCHEMA_SQL)


def ingest_articles(
    con: duckdb.DuckDBPyConnection, raw_dir: Path, run_id: str, max_bytes: int
) -> IngestStats:
    """Bring `raw.*` in line with `raw_dir/articles`. One transaction: all or nothing.

    Files are read first (in parallel when there are many), then written in bulk: one
    delete and one insert per table, whatever the number of files."""
    ensure_schema(con)
    started = datetime.now(UTC)
    stats = IngestStats(run_id=run_id)
    known = {
        row[0]: row[1:]
        for row in con.execute(
            "select source_uri, size_bytes, mtime_ns, file_sha256, ingest_version from raw.files"
        ).fetchall()
    }
    entries = list(scan(raw_dir))
    stats.files_seen = len(entries)
    present = {e.source_uri for e in entries}

    to_read = []
    for entry in entries:
        previous = known.get(entry.source_uri)
        if (
            previous
            and previous[0] == entry.size
            and previous[1] == entry.mtime_ns
            and previous[3] == INGEST_VERSION
        ):
            stats.files_unchanged += 1
        else:
            to_read.append(entry)
    results = read_files(to_read, max_bytes)

    touched, replaced = [], []
    for entry, result in zip(to_read, results, strict=True):
        previous = known.get(entry.source_uri)
        if (
            previous
            and result.file_sha256
            and previous[2] == result.file_sha256
            and previous[3] == INGEST_VERSION
        ):
            touched.append((entry, result))  # touched but not changed: keep the rows
            stats.files_unchanged += 1
        else:
            replaced.append((entry, result))
    stats.files_read = len(replaced)
    removed = sorted(set(known) - present)
    stats.files_removed = len(removed)

    con.execute("begin transaction")
    try:
        _write_changes(con, removed, touched, replaced, run_id, stats)
        stats.totals = _totals(con)
        con.execute(
            "insert into raw.ingest_runs values (?, ?, ?, ?)",
            [run_id, started, datetime.now(UTC), _json(stats.as_dict())],
        )
        crash_point("ingest:before_commit")
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise
    log.info(
        "ingest: %d files (%d unchanged, %d read, %d removed); records seen %d = loaded %d "
        "+ duplicates %d + quarantined %d",
        stats.files_seen,
        stats.files_unchanged,
        stats.files_read,
        stats.files_removed,
        stats.records_seen,
        stats.loaded,
        stats.duplicates,
        stats.quarantined,
    )
    return stats


PARALLEL_FROM_FILES = 64  # below this, starting worker processes costs more than it saves


def read_files(entries: list[FileEntry], max_bytes: int) -> list[FileResult]:
    """Decode and parse files, in order. Many files are spread over the machine's cores."""
    workers = worker_count()
    if len(entries) < PARALLEL_FROM_FILES or workers < 2:
        return [read_file(entry, max_bytes) for entry in entries]
    try:
        with ProcessPoolExecutor(workers, mp_context=get_context("spawn")) as pool:
            return list(pool.map(read_file, entries, [max_bytes] * len(entries), chunksize=8))
    except (BrokenProcessPool, OSError) as exc:  # no worker processes here: read in-process
        log.warning("ingest: parallel reading unavailable (%s); reading in one process", exc)
        return [read_file(entry, max_bytes) for entry in entries]


def _json(value: dict) -> str:
    return json.dumps(value, sort_keys=True, default=str)


def _write_changes(
    con: duckdb.DuckDBPyConnection,
    removed: list[str],
    touched: list[tuple[FileEntry, FileResult]],
    replaced: list[tuple[FileEntry, FileResult]],
    run_id: str,
    stats: IngestStats,
) -> None:
    """Delete what removed and replaced files held, then insert what replaced files yield.

    Article-key conflicts and duplicate texts are judged against what stays loaded plus
    what this run adds, in file order — the same answer as loading the files one by one."""
    gone = removed + [entry.source_uri for entry, _ in replaced]
    re_registered = gone + [entry.source_uri for entry, _ in touched]
    # Lists go in as Arrow tables: a Python list parameter makes duckdb import pandas.
    con.register("gone_files", pa.table({"source_uri": pa.array(gone, pa.string())}))
    con.register("seen_files", pa.table({"source_uri": pa.array(re_registered, pa.string())}))
    first_seen = {
        (uri, line, reason): seen
        for uri, line, reason, seen in con.execute(
            "select source_uri, line, reason, first_seen_at from raw.quarantine "
            "where source_uri in (select source_uri from gone_files)"
        ).fetchall()
    }
    for table in ("raw.articles", "raw.quarantine"):
        con.execute(f"delete from {table} where source_uri in (select source_uri from gone_files)")
    con.execute("delete from raw.files where source_uri in (select source_uri from seen_files)")
    con.unregister("gone_files")
    con.unregister("seen_files")

    loaded = con.execute(
        "select article_key, content_sha256, source_uri, source_line from raw.articles"
    ).fetchall()
    keys: dict[str, tuple[str, str]] = {
        key: (sha, _where(uri, line)) for key, sha, uri, line in loaded
    }
    texts = {sha for _, sha, _, _ in loaded}
    article_rows, quarantine_rows = [], []
    for _, result in replaced:
        quarantine = list(result.quarantined)
        for record in result.articles:
            key, sha = record.article_key, record.content_sha256
            other = keys.get(key)
            if other and other[0] != sha:
                reason = (
                    f"article id conflict: {key!r} is already used by a different article "
                    f"({other[1]})"
                )
                quarantine.append(QuarantineEntry(record.source_uri, record.source_line, reason))
                continue
            keys.setdefault(key, (sha, _where(record.source_uri, record.source_line)))
            if sha in texts:
                stats.duplicates += 1
            else:
                stats.loaded += 1
                texts.add(sha)
            article_rows.append(_article_row(record, result.file_sha256, run_id))
        stats.records_seen += result.records_seen
        stats.quarantined += len(quarantine)
        stats.notes.extend(
            f"{r.source_uri}: {r.encoding_note}" for r in result.articles[:1] if r.encoding_note
        )
        quarantine_rows += [
            [q.source_uri, q.line, q.reason, first_seen.get((q.source_uri, q.line, q.reason))]
            for q in quarantine
        ]

    if article_rows:
        frame = pa.Table.from_pylist(
            [dict(zip(ARTICLE_COLUMNS, row, strict=True)) for row in article_rows]
        )
        con.register("incoming_articles", frame)
        con.execute(
            "insert into raw.articles by name select *, now() as loaded_at from incoming_articles"
        )
        con.unregister("incoming_articles")
    if quarantine_rows:
        con.executemany(
            "insert into raw.quarantine values (?, ?, ?, coalesce(?, now()), ?)",
            [[*row, run_id] for row in quarantine_rows],
        )
    files = [
        [e.source_uri, e.size, e.mtime_ns, r.file_sha256, INGEST_VERSION, r.records_seen, run_id]
        for e, r in touched + replaced
    ]
    if files:
        frame = pa.Table.from_pylist([dict(zip(_FILE_COLUMNS, row, strict=True)) for row in files])
        con.register("incoming_files", frame)
        con.execute(
            "insert into raw.files by name select *, now() as loaded_at from incoming_files"
        )
        con.unregister("incoming_files")


_FILE_COLUMNS = (
    "source_uri",
    "size_bytes",
    "mtime_ns",
    "file_sha256",
    "ingest_version",
    "records_seen",
    "run_id",
)


def _where(source_uri: str, line: int | None) -> str:
    return source_uri + (f" line {line}" if line else "")


ARTICLE_COLUMNS = (
    "article_key",
    "source_uri",
    "source_line",
    "content_sha256",
    "layout",
    "encoding_note",
    "headline",
    "section",
    "kicker",
    "dek",
    "image_ref",
    "photo_credit",
    "body_text",
    "removed_paragraphs",
    "external_id",
    "url",
    "published",
    "publisher",
    "author",
    "license",
    "file_sha256",
    "run_id",
)


def _article_row(record: ArticleRecord, file_sha256: str | None, run_id: str) -> list:
    p, meta = record.parsed, record.meta
    return [
        record.article_key,
        record.source_uri,
        record.source_line,
        record.content_sha256,
        p.layout,
        record.encoding_note,
        p.headline,
        meta.get("section") or p.section,
        p.kicker,
        p.dek,
        p.image_ref,
        p.photo_credit,
        p.body_text,
        len(p.removed),
        meta.get("id"),
        meta.get("url"),
        meta.get("published"),
        meta.get("publisher"),
        meta.get("author"),
        meta.get("license"),
        file_sha256,
        run_id,
    ]


def _totals(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Accounting over the whole raw directory as it is now."""
    files, records = con.execute(
        "select count(*), coalesce(sum(records_seen), 0) from raw.files"
    ).fetchone()
    rows, distinct = con.execute(
        "select count(*), count(distinct content_sha256) from raw.articles"
    ).fetchone()
    quarantined = con.execute("select count(*) from raw.quarantine").fetchone()[0]
    return {
        "files": files,
        "records_seen": int(records),
        "loaded": distinct,
        "duplicates": rows - distinct,
        "quarantined": quarantined,
    }


def ingest_verdicts(
    con: duckdb.DuckDBPyConnection, raw_dir: Path, run_id: str, max_bytes: int
) -> dict[str, int]:
    """Reload the verdict log (small, append-only) whole; quarantine rows that fail checks."""
    from factcheck.verdicts import rating_labels, read_log

    ensure_schema(con)
    labels = rating_labels()
    first_seen = {
        (uri, line, reason): seen
        for uri, line, reason, seen in con.execute(
            "select source_uri, line, reason, first_seen_at from raw.quarantine "
            "where source_uri like 'verdicts/%'"
        ).fetchall()
    }
    rows, rejects = [], []
    for entry in scan(raw_dir, "verdicts"):
        reason = precheck(entry, max_bytes, suffixes=(".csv",))
        if reason:
            rejects.append((entry.source_uri, None, reason))
            continue
        try:
            text = decode_bytes(entry.path.read_bytes()).text
        except Rejected as exc:
            rejects.append((entry.source_uri, None, str(exc)))
            continue
        good, bad = read_log(text, labels)
        rows += [
            [*v.as_row()[:4], v.reviewed_at, *v.as_row()[5:], entry.source_uri, line]
            for line, v in good
        ]
        rejects += [(entry.source_uri, line, why) for line, why in bad]

    con.execute("begin transaction")
    try:
        con.execute("delete from raw.verdicts")
        con.execute("delete from raw.quarantine where source_uri like 'verdicts/%'")
        if rows:
            con.executemany(
                "insert into raw.verdicts values (?, ?, nullif(?, ''), ?, ?, nullif(?, ''), "
                "nullif(?, ''), ?, ?)",
                rows,
            )
        if rejects:
            con.executemany(
                "insert into raw.quarantine values (?, ?, ?, coalesce(?, now()), ?)",
                [
                    [uri, line, why, first_seen.get((uri, line, why)), run_id]
                    for uri, line, why in rejects
                ],
            )
        con.execute("commit")
    except BaseException:
        con.execute("rollback")
        raise
    return {
        "verdict_rows": len(rows) + len(rejects),
        "loaded": len(rows),
        "quarantined": len(rejects),
    }
