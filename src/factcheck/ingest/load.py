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
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
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
    """Bring `raw.*` in line with `raw_dir/articles`. One transaction: all or nothing."""
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

    con.execute("begin transaction")
    try:
        removed = sorted(set(known) - present)
        for uri in removed:
            _forget_file(con, uri)
        stats.files_removed = len(removed)

        for entry in entries:
            previous = known.get(entry.source_uri)
            if (
                previous
                and previous[0] == entry.size
                and previous[1] == entry.mtime_ns
                and previous[3] == INGEST_VERSION
            ):
                stats.files_unchanged += 1
                continue
            result = read_file(entry, max_bytes)
            if (
                previous
                and result.file_sha256
                and previous[2] == result.file_sha256
                and previous[3] == INGEST_VERSION
            ):
                # Touched but not changed: remember the new mtime, keep the rows.
                _register_file(con, entry, result, run_id)
                stats.files_unchanged += 1
                continue
            stats.files_read += 1
            _replace_file(con, entry, result, run_id, stats)

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


def _json(value: dict) -> str:
    return json.dumps(value, sort_keys=True, default=str)


def _forget_file(con: duckdb.DuckDBPyConnection, source_uri: str) -> None:
    for table in ("raw.articles", "raw.quarantine", "raw.files"):
        con.execute(f"delete from {table} where source_uri = ?", [source_uri])


def _register_file(
    con: duckdb.DuckDBPyConnection, entry: FileEntry, result: FileResult, run_id: str
) -> None:
    con.execute("delete from raw.files where source_uri = ?", [entry.source_uri])
    con.execute(
        "insert into raw.files values (?, ?, ?, ?, ?, ?, now(), ?)",
        [
            entry.source_uri,
            entry.size,
            entry.mtime_ns,
            result.file_sha256,
            INGEST_VERSION,
            result.records_seen,
            run_id,
        ],
    )


def _replace_file(
    con: duckdb.DuckDBPyConnection,
    entry: FileEntry,
    result: FileResult,
    run_id: str,
    stats: IngestStats,
) -> None:
    """Swap a file's earlier rows for what it yields now, counting duplicates on the way."""
    first_seen = dict(
        ((line, reason), seen)
        for line, reason, seen in con.execute(
            "select line, reason, first_seen_at from raw.quarantine where source_uri = ?",
            [entry.source_uri],
        ).fetchall()
    )
    con.execute("delete from raw.articles where source_uri = ?", [entry.source_uri])
    con.execute("delete from raw.quarantine where source_uri = ?", [entry.source_uri])

    quarantine = list(result.quarantined)
    articles: list[ArticleRecord] = []
    existing = _existing_hashes_by_key(con, result.articles)
    batch: dict[str, str] = {}
    for record in result.articles:
        key, sha = record.article_key, record.content_sha256
        other = existing.get(key) or batch.get(key)
        if other and other[0] != sha:
            reason = (
                f"article id conflict: {key!r} is already used by a different article ({other[1]})"
            )
            quarantine.append(QuarantineEntry(record.source_uri, record.source_line, reason))
            continue
        batch.setdefault(key, (sha, _where(record.source_uri, record.source_line)))
        articles.append(record)

    duplicates = _count_duplicates(con, articles)
    stats.records_seen += result.records_seen
    stats.duplicates += duplicates
    stats.loaded += len(articles) - duplicates
    stats.quarantined += len(quarantine)
    stats.notes.extend(
        f"{r.source_uri}: {r.encoding_note}" for r in articles[:1] if r.encoding_note
    )

    if articles:
        rows = [_article_row(r, result.file_sha256, run_id) for r in articles]
        frame = pa.Table.from_pylist([dict(zip(ARTICLE_COLUMNS, row, strict=True)) for row in rows])
        con.register("incoming_articles", frame)
        con.execute(
            "insert into raw.articles by name select *, now() as loaded_at from incoming_articles"
        )
        con.unregister("incoming_articles")
    if quarantine:
        con.executemany(
            "insert into raw.quarantine values (?, ?, ?, coalesce(?, now()), ?)",
            [
                [q.source_uri, q.line, q.reason, first_seen.get((q.line, q.reason)), run_id]
                for q in quarantine
            ],
        )
    _register_file(con, entry, result, run_id)


def _existing_hashes_by_key(
    con: duckdb.DuckDBPyConnection, records: list[ArticleRecord]
) -> dict[str, tuple[str, str]]:
    """Content hash and location of already-loaded articles that share a key with `records`."""
    keys = sorted({r.article_key for r in records})
    if not keys:
        return {}
    rows = con.execute(
        "select article_key, content_sha256, source_uri, source_line from raw.articles "
        "where article_key in (select unnest(?))",
        [keys],
    ).fetchall()
    return {key: (sha, _where(uri, line)) for key, sha, uri, line in rows}


def _where(source_uri: str, line: int | None) -> str:
    return source_uri + (f" line {line}" if line else "")


def _count_duplicates(con: duckdb.DuckDBPyConnection, articles: list[ArticleRecord]) -> int:
    """Records whose text was already loaded, from another file or earlier in this one."""
    hashes = [r.content_sha256 for r in articles]
    if not hashes:
        return 0
    existing = {
        row[0]
        for row in con.execute(
            "select distinct content_sha256 from raw.articles "
            "where content_sha256 in (select unnest(?))",
            [sorted(set(hashes))],
        ).fetchall()
    }
    duplicates = 0
    for sha in hashes:
        if sha in existing:
            duplicates += 1
        existing.add(sha)
    return duplicates


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
