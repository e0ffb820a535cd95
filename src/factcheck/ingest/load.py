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
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from multiprocessing import get_context
from pathlib import Path

import duckdb
import pyarrow as pa

from factcheck.faults import crash_point
from factcheck.ids import sha256_text
from factcheck.ingest.decode import decode_bytes
from factcheck.ingest.errors import Rejected
from factcheck.ingest.factchecks import FACTCHECK_SUFFIXES, read_factcheck_text
from factcheck.ingest.rows import (
    IngestRun,
    RawArticle,
    RawFactCheck,
    RawFile,
    RawFolderRead,
    RawQuarantine,
    RawRow,
    RawVerdict,
    insert,
    schema_sql,
    transaction,
    transaction_time,
)
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
from factcheck.verdicts import rating_labels, read_log

log = logging.getLogger(__name__)

# Bump when parsing changes what a file yields: every file is then read again.
INGEST_VERSION = "3"


@dataclass
class IngestStats:
    """Counts for one ingest run. `this_run` balances, and so does `totals`."""

    run_id: str
    files_seen: int = 0
    files_unchanged: int = 0
    files_read: int = 0
    files_removed: int = 0
    bytes_read: int = 0  # of the files read tonight: what later steps' space estimates scale with
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
    con.execute(schema_sql())


@dataclass(frozen=True)
class KnownFile:
    """What raw.files remembers of a file from the run that last read it."""

    size_bytes: int
    mtime_ns: int
    file_sha256: str | None
    ingest_version: str

    def unchanged_on_disk(self, entry: FileEntry) -> bool:
        """Same size and modification time, read by this parser version: not read again."""
        return (
            self.size_bytes == entry.size
            and self.mtime_ns == entry.mtime_ns
            and self.ingest_version == INGEST_VERSION
        )

    def same_bytes(self, result: FileResult) -> bool:
        """Read again (touched), but its bytes are those already loaded: keep its rows."""
        return bool(result.file_sha256) and (
            self.file_sha256 == result.file_sha256 and self.ingest_version == INGEST_VERSION
        )


@dataclass(frozen=True)
class ReadFile:
    """A file this run read, with what it yielded."""

    entry: FileEntry
    result: FileResult

    def row(self, run_id: str) -> RawFile:
        return RawFile(
            source_uri=self.entry.source_uri,
            size_bytes=self.entry.size,
            mtime_ns=self.entry.mtime_ns,
            file_sha256=self.result.file_sha256,
            ingest_version=INGEST_VERSION,
            records_seen=self.result.records_seen,
            run_id=run_id,
        )


def ingest_articles(
    con: duckdb.DuckDBPyConnection,
    raw_dir: Path,
    run_id: str,
    max_bytes: int,
    before_writing: Callable[[int], None] = lambda _bytes: None,
) -> IngestStats:
    """Bring `raw.*` in line with `raw_dir/articles`. One transaction: all or nothing.

    Files are read first (in parallel when there are many), then written in bulk: one
    delete and one insert per table, whatever the number of files. `before_writing` is
    told how many bytes of files will be read, before anything is (a free-space check)."""
    ensure_schema(con)
    started = datetime.now(UTC)
    stats = IngestStats(run_id=run_id)
    known = {
        uri: KnownFile(size, mtime, sha, version)
        for uri, size, mtime, sha, version in con.execute(
            "select source_uri, size_bytes, mtime_ns, file_sha256, ingest_version from raw.files"
        ).fetchall()
    }
    entries = list(scan(raw_dir))
    stats.files_seen = len(entries)
    present = {e.source_uri for e in entries}

    to_read = []
    for entry in entries:
        previous = known.get(entry.source_uri)
        if previous and previous.unchanged_on_disk(entry):
            stats.files_unchanged += 1
        else:
            to_read.append(entry)
    stats.bytes_read = sum(entry.size for entry in to_read)
    before_writing(stats.bytes_read)
    results = read_files(to_read, max_bytes)

    touched: list[ReadFile] = []
    replaced: list[ReadFile] = []
    for entry, result in zip(to_read, results, strict=True):
        previous = known.get(entry.source_uri)
        if previous and previous.same_bytes(result):
            touched.append(ReadFile(entry, result))  # touched but not changed: keep the rows
            stats.files_unchanged += 1
        else:
            replaced.append(ReadFile(entry, result))
    stats.files_read = len(replaced)
    removed = sorted(set(known) - present)
    stats.files_removed = len(removed)

    with transaction(con):
        _write_changes(con, removed, touched, replaced, run_id, stats)
        stats.totals = _totals(con)
        insert(con, [IngestRun(run_id, started, datetime.now(UTC), _json(stats.as_dict()))])
        crash_point("ingest:before_commit")
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


@dataclass(frozen=True)
class LoadedArticle:
    """An article key already taken, by which text, and where (for the conflict message)."""

    content_sha256: str
    where: str


def _write_changes(
    con: duckdb.DuckDBPyConnection,
    removed: list[str],
    touched: list[ReadFile],
    replaced: list[ReadFile],
    run_id: str,
    stats: IngestStats,
) -> None:
    """Delete what removed and replaced files held, then insert what replaced files yield.

    Article-key conflicts and duplicate texts are judged against what stays loaded plus
    what this run adds, in file order — the same answer as loading the files one by one."""
    gone = removed + [f.entry.source_uri for f in replaced]
    re_registered = gone + [f.entry.source_uri for f in touched]
    # Lists go in as Arrow tables: a Python list parameter makes duckdb import pandas.
    con.register("gone_files", pa.table({"source_uri": pa.array(gone, pa.string())}))
    con.register("seen_files", pa.table({"source_uri": pa.array(re_registered, pa.string())}))
    first_seen = _quarantine_first_seen(con, "source_uri in (select source_uri from gone_files)")
    for table in (RawArticle.TABLE, RawQuarantine.TABLE):
        con.execute(f"delete from {table} where source_uri in (select source_uri from gone_files)")
    con.execute(
        f"delete from {RawFile.TABLE} where source_uri in (select source_uri from seen_files)"
    )
    con.unregister("gone_files")
    con.unregister("seen_files")

    keys, texts = _loaded_like(con, [r for read in replaced for r in read.result.articles])
    now = transaction_time(con)
    articles: list[RawArticle] = []
    quarantined: list[RawQuarantine] = []
    for read in replaced:
        result = read.result
        rejects = list(result.quarantined)
        for record in result.articles:
            key, sha = record.article_key, record.content_sha256
            other = keys.get(key)
            if other and other.content_sha256 != sha:
                reason = (
                    f"article id conflict: {key!r} is already used by a different article "
                    f"({other.where})"
                )
                rejects.append(QuarantineEntry(record.source_uri, record.source_line, reason))
                continue
            keys.setdefault(key, LoadedArticle(sha, _where(record.source_uri, record.source_line)))
            if sha in texts:
                stats.duplicates += 1
            else:
                stats.loaded += 1
                texts.add(sha)
            articles.append(RawArticle.from_record(record, result.file_sha256, run_id))
        stats.records_seen += result.records_seen
        stats.quarantined += len(rejects)
        stats.notes.extend(
            f"{r.source_uri}: {r.encoding_note}" for r in result.articles[:1] if r.encoding_note
        )
        quarantined += [
            RawQuarantine(q.source_uri, q.line, q.reason, first_seen.get(q, now), run_id)
            for q in rejects
        ]
    insert(con, articles)
    insert(con, quarantined)
    insert(con, [read.row(run_id) for read in touched + replaced])


def _loaded_like(
    con: duckdb.DuckDBPyConnection, records: list[ArticleRecord]
) -> tuple[dict[str, LoadedArticle], set[str]]:
    """The loaded articles that tonight's records could conflict with or duplicate: those
    with one of their keys (by key) and the texts among theirs already loaded. Only these
    decide tonight's conflicts and duplicates, so the archive's other rows are not read."""
    con.register(
        "tonight",
        pa.table(
            {
                "article_key": pa.array([r.article_key for r in records], pa.string()),
                "content_sha256": pa.array([r.content_sha256 for r in records], pa.string()),
            }
        ),
    )
    try:
        rows = con.execute(
            "select article_key, content_sha256, source_uri, source_line from raw.articles "
            "where article_key in (select article_key from tonight) "
            "or content_sha256 in (select content_sha256 from tonight)"
        ).fetchall()
    finally:
        con.unregister("tonight")
    keys = {key: LoadedArticle(sha, _where(uri, line)) for key, sha, uri, line in rows}
    return keys, {sha for _, sha, _, _ in rows}


def _quarantine_first_seen(
    con: duckdb.DuckDBPyConnection, where: str
) -> dict[QuarantineEntry, datetime]:
    """When each quarantined input about to be replaced was first seen: a reject that comes
    back the same keeps its time."""
    return {
        QuarantineEntry(uri, line, reason): seen
        for uri, line, reason, seen in con.execute(
            f"select source_uri, line, reason, first_seen_at from raw.quarantine where {where}"
        ).fetchall()
    }


def _where(source_uri: str, line: int | None) -> str:
    return source_uri + (f" line {line}" if line else "")


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


@dataclass(frozen=True)
class FolderCounts:
    """How many rows, rejects and ignored nodes (not inputs of this kind) a folder gave."""

    rows: int
    rejects: int
    ignored: int


@dataclass
class FolderRead:
    """What the files of a reloaded folder yielded: rows, rejects, and nodes that were not
    inputs of this kind (counted, not quarantined)."""

    rows: list[RawRow] = field(default_factory=list)
    rejects: list[QuarantineEntry] = field(default_factory=list)
    ignored: int = 0

    def counts(self) -> FolderCounts:
        return FolderCounts(len(self.rows), len(self.rejects), self.ignored)


def _folder_signature(entries: list[FileEntry], max_bytes: int) -> str:
    """What decides what a folder's files yield, short of reading them: each file's name,
    size, modification time and kind (the rule raw.files applies to articles), the size
    limit and the parser version."""
    listed = [(e.source_uri, e.size, e.mtime_ns, e.is_symlink) for e in entries]
    return sha256_text(_json({"files": listed, "max_bytes": max_bytes, "v": INGEST_VERSION}))


def _reload_folder(
    con: duckdb.DuckDBPyConnection,
    raw_dir: Path,
    run_id: str,
    max_bytes: int,
    folder: str,
    suffixes: tuple[str, ...],
    table: str,
    read: Callable[[FileEntry, str, FolderRead], None],
    remember: bool = False,
) -> FolderCounts:
    """Replace `table` and the folder's quarantine rows with what raw/<folder> holds now.

    For inputs that are read whole (the verdict log, fact-check feeds): each file is
    checked (type, size, link), decoded, and handed to `read`, which adds its rows and
    rejects. One transaction; a reject that comes back the same keeps its time. With
    `remember`, a folder whose files are those of its last load (`_folder_signature`) is
    not read again: the archive's fact-checks are tens of thousands of reviews, and
    reading them every night was most of a night's ingest."""
    entries = list(scan(raw_dir, folder))
    signature = _folder_signature(entries, max_bytes) if remember else None
    if signature is not None:
        known = con.execute(
            f"select counts from {RawFolderRead.TABLE} where folder = ? and signature = ?",
            [folder, signature],
        ).fetchone()
        if known:
            return FolderCounts(**json.loads(known[0]))
    first_seen = _quarantine_first_seen(con, f"source_uri like '{folder}/%'")
    found = FolderRead()
    for entry in entries:
        reason = precheck(entry, max_bytes, suffixes=suffixes)
        if reason:
            found.rejects.append(QuarantineEntry(entry.source_uri, None, reason))
            continue
        try:
            text = decode_bytes(entry.path.read_bytes()).text
        except Rejected as exc:
            found.rejects.append(QuarantineEntry(entry.source_uri, None, str(exc)))
            continue
        read(entry, text, found)

    with transaction(con):
        con.execute(f"delete from {table}")
        con.execute(f"delete from {RawQuarantine.TABLE} where source_uri like '{folder}/%'")
        now = transaction_time(con)
        insert(con, found.rows)
        insert(
            con,
            [
                RawQuarantine(q.source_uri, q.line, q.reason, first_seen.get(q, now), run_id)
                for q in found.rejects
            ],
        )
        con.execute(f"delete from {RawFolderRead.TABLE} where folder = ?", [folder])
        if signature is not None:
            insert(con, [RawFolderRead(folder, signature, _json(asdict(found.counts())))])
    return found.counts()


def ingest_verdicts(
    con: duckdb.DuckDBPyConnection, raw_dir: Path, run_id: str, max_bytes: int
) -> dict[str, int]:
    """Reload the verdict log (small, append-only) whole; quarantine rows that fail checks."""
    ensure_schema(con)
    labels = rating_labels()

    def read(entry: FileEntry, text: str, found: FolderRead) -> None:
        good, bad = read_log(text, labels)
        found.rows += [RawVerdict.on_line(v, entry.source_uri, line) for line, v in good]
        found.rejects += [QuarantineEntry(entry.source_uri, line, why) for line, why in bad]

    found = _reload_folder(
        con, raw_dir, run_id, max_bytes, "verdicts", (".csv",), RawVerdict.TABLE, read
    )
    return {
        "verdict_rows": found.rows + found.rejects,
        "loaded": found.rows,
        "quarantined": found.rejects,
    }


def ingest_factchecks(
    con: duckdb.DuckDBPyConnection, raw_dir: Path, run_id: str, max_bytes: int
) -> dict[str, int]:
    """Reload the published fact-checks under raw/factchecks/ whole when any of their files
    changed (ClaimReview JSON-LD in any of its shapes, see factcheck.ingest.factchecks);
    quarantine reviews that lack what matching needs, and load the rest of their file."""
    ensure_schema(con)

    def read(entry: FileEntry, text: str, found: FolderRead) -> None:
        parsed = read_factcheck_text(text, json_lines=entry.path.suffix.lower() == ".jsonl")
        found.rows += [RawFactCheck.at(item, entry.source_uri, at) for at, item in parsed.items]
        found.rejects += [
            QuarantineEntry(entry.source_uri, line, why) for line, why in parsed.rejects
        ]
        found.ignored += parsed.ignored_nodes

    found = _reload_folder(
        con,
        raw_dir,
        run_id,
        max_bytes,
        "factchecks",
        FACTCHECK_SUFFIXES,
        RawFactCheck.TABLE,
        read,
        remember=True,
    )
    return {
        "reviews": found.rows + found.rejects,
        "loaded": found.rows,
        "quarantined": found.rejects,
        "other_nodes_ignored": found.ignored,
    }
