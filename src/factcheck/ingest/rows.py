"""The build database's `raw` schema: the rows ingest writes, as named types, and how.

Each table of the raw schema is one dataclass: its fields are the table's columns, in order,
and `schema_sql()` derives the DDL from them (a field that may be None is a nullable
column). Rows go in by column name, through Arrow, so no code depends on column positions.
A column the database fills itself (`loaded_at`, the time of the insert) is not a field.

Adding a raw column is one field here; dbt's staging model decides whether it is published.
Every write of a run happens inside `transaction()`: all of it is committed, or none.
"""

from __future__ import annotations

import json
import types
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field, fields
from datetime import date, datetime
from typing import Annotated, Any, ClassVar, Union, get_args, get_origin, get_type_hints

import duckdb
import pyarrow as pa

from factcheck.ingest.factchecks import FactCheckItem, Position
from factcheck.ingest.sources import ArticleRecord
from factcheck.verdicts import Verdict

BigInt = Annotated[int, "bigint"]
Json = Annotated[str, "json"]
_SQL_TYPES: dict[Any, str] = {
    str: "varchar",
    int: "integer",
    datetime: "timestamptz",
    date: "date",
}


class RawRow:
    """A row of table TABLE; DATABASE_COLUMNS are the table's columns filled with now()."""

    TABLE: ClassVar[str]
    DATABASE_COLUMNS: ClassVar[tuple[str, ...]] = ()


@dataclass(frozen=True)
class RawFile(RawRow):
    """raw.files: what was read of each file, to know next time whether to read it again."""

    TABLE: ClassVar[str] = "raw.files"
    DATABASE_COLUMNS: ClassVar[tuple[str, ...]] = ("loaded_at timestamptz",)

    source_uri: str = field(metadata={"primary_key": True})
    size_bytes: BigInt
    mtime_ns: BigInt
    file_sha256: str | None
    ingest_version: str
    records_seen: int
    run_id: str


@dataclass(frozen=True)
class RawArticle(RawRow):
    """raw.articles: one article record as loaded, duplicates included, with provenance."""

    TABLE: ClassVar[str] = "raw.articles"
    DATABASE_COLUMNS: ClassVar[tuple[str, ...]] = ("loaded_at timestamptz",)

    article_key: str
    source_uri: str
    source_line: int | None
    content_sha256: str
    layout: str
    encoding_note: str | None
    headline: str
    section: str | None
    kicker: str | None
    dek: str | None
    image_ref: str | None
    photo_credit: str | None
    body_text: str
    block_quotes: Json | None
    removed_paragraphs: int
    external_id: str | None
    url: str | None
    published: str | None
    publisher: str | None
    author: str | None
    license: str | None
    file_sha256: str | None
    run_id: str

    @classmethod
    def from_record(cls, record: ArticleRecord, file_sha256: str | None, run_id: str) -> RawArticle:
        """The row of one parsed article: layout fields from the parser, feed metadata from
        the JSON line (its `section` wins over the parser's)."""
        parsed, meta = record.parsed, record.meta
        return cls(
            article_key=record.article_key,
            source_uri=record.source_uri,
            source_line=record.source_line,
            content_sha256=record.content_sha256,
            layout=parsed.layout,
            encoding_note=record.encoding_note,
            headline=parsed.headline,
            section=meta.get("section") or parsed.section,
            kicker=parsed.kicker,
            dek=parsed.dek,
            image_ref=parsed.image_ref,
            photo_credit=parsed.photo_credit,
            body_text=parsed.body_text,
            block_quotes=json.dumps(parsed.block_quotes) if parsed.block_quotes else None,
            removed_paragraphs=len(parsed.removed),
            external_id=meta.get("id"),
            url=meta.get("url"),
            published=meta.get("published"),
            publisher=meta.get("publisher"),
            author=meta.get("author"),
            license=meta.get("license"),
            file_sha256=file_sha256,
            run_id=run_id,
        )


@dataclass(frozen=True)
class RawQuarantine(RawRow):
    """raw.quarantine: an input that could not be loaded, and why. `first_seen_at` is kept
    across runs for the same (source_uri, line, reason)."""

    TABLE: ClassVar[str] = "raw.quarantine"

    source_uri: str
    line: int | None
    reason: str
    first_seen_at: datetime
    run_id: str


@dataclass(frozen=True)
class RawVerdict(Verdict, RawRow):
    """raw.verdicts: one validated verdict of the log, with the file and line it is on."""

    TABLE: ClassVar[str] = "raw.verdicts"

    source_uri: str
    line: int

    @classmethod
    def on_line(cls, verdict: Verdict, source_uri: str, line: int) -> RawVerdict:
        return cls(**asdict(verdict), source_uri=source_uri, line=line)


@dataclass(frozen=True)
class RawFactCheck(FactCheckItem, RawRow):
    """raw.fact_checks: one published ClaimReview from raw/factchecks/, with the file, the
    JSON line (null for a whole-file document) and its order among that document's reviews."""

    TABLE: ClassVar[str] = "raw.fact_checks"

    source_uri: str
    line: int | None
    item: int

    @classmethod
    def at(cls, review: FactCheckItem, source_uri: str, position: Position) -> RawFactCheck:
        return cls(**asdict(review), source_uri=source_uri, line=position.line, item=position.item)


@dataclass(frozen=True)
class IngestRun(RawRow):
    """raw.ingest_runs: when each ingest ran, and its counts."""

    TABLE: ClassVar[str] = "raw.ingest_runs"

    run_id: str
    started_at: datetime
    finished_at: datetime
    stats: Json


@dataclass(frozen=True)
class RawFolderRead(RawRow):
    """raw.folder_reads: the files of a folder read whole on every change (the fact-checks)
    as they were when last loaded — a hash of their names, sizes and modification times —
    and what they yielded, so a night on which none of them changed does not read them."""

    TABLE: ClassVar[str] = "raw.folder_reads"

    folder: str
    signature: str
    counts: Json


ROW_TYPES: tuple[type[RawRow], ...] = (
    RawFile,
    RawArticle,
    RawQuarantine,
    RawVerdict,
    RawFactCheck,
    IngestRun,
    RawFolderRead,
)


def schema_sql() -> str:
    """`create table if not exists` for every raw table, derived from the row types; a
    nullable column a row type gained since the database was made is added to it (the
    files are then read again: INGEST_VERSION changes with such a column)."""
    statements = ["create schema if not exists raw;"]
    for row_type in ROW_TYPES:
        typed = _typed_fields(row_type)
        columns = [*map(_column_sql, typed), *row_type.DATABASE_COLUMNS]
        body = ",\n    ".join(columns)
        statements.append(f"create table if not exists {row_type.TABLE} (\n    {body}\n);")
        statements.extend(
            f"alter table {row_type.TABLE} add column if not exists {_column_sql(column)};"
            for column in typed
            if _column_sql(column).split()[-1] != "null"
            and "primary key" not in _column_sql(column)
        )
    return "\n".join(statements)


def _typed_fields(row_type: type) -> list[tuple[Any, Any]]:
    hints = get_type_hints(row_type, include_extras=True)
    return [(f, hints[f.name]) for f in fields(row_type)]


def _column_sql(typed: tuple[Any, Any]) -> str:
    spec, hint = typed
    nullable = get_origin(hint) in (Union, types.UnionType) and type(None) in get_args(hint)
    if nullable:
        hint = next(a for a in get_args(hint) if a is not type(None))
    sql_type = get_args(hint)[1] if get_origin(hint) is Annotated else _SQL_TYPES[hint]
    if spec.metadata.get("primary_key"):
        return f"{spec.name} {sql_type} primary key"
    return f"{spec.name} {sql_type}" + ("" if nullable else " not null")


def insert(con: duckdb.DuckDBPyConnection, rows: list) -> None:
    """Insert rows of one row type by column name; the database fills its own columns."""
    if not rows:
        return
    row_type = type(rows[0])
    names = [f.name for f in fields(row_type)]
    arrow_types = {f.name: _arrow_type(hint) for f, hint in _typed_fields(row_type)}
    frame = pa.table(
        {name: pa.array([getattr(r, name) for r in rows], arrow_types[name]) for name in names}
    )
    filled = "".join(f", now() as {c.split()[0]}" for c in row_type.DATABASE_COLUMNS)
    con.register("incoming_rows", frame)
    try:
        con.execute(f"insert into {row_type.TABLE} by name select *{filled} from incoming_rows")
    finally:
        con.unregister("incoming_rows")


def _arrow_type(hint: Any) -> pa.DataType:
    if get_origin(hint) in (Union, types.UnionType):
        hint = next(a for a in get_args(hint) if a is not type(None))
    if get_origin(hint) is Annotated:
        hint = get_args(hint)[0]
    return {
        str: pa.string(),
        int: pa.int64(),
        datetime: pa.timestamp("us", tz="UTC"),
        date: pa.date32(),
    }[hint]


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[duckdb.DuckDBPyConnection]:
    """Commit what the block wrote when it ends, roll all of it back if it raises (or the
    process is interrupted): readers and the next run never see half an ingest."""
    con.execute("begin transaction")
    try:
        yield con
    except BaseException:
        con.execute("rollback")
        raise
    con.execute("commit")


def transaction_time(con: duckdb.DuckDBPyConnection) -> datetime:
    """The current transaction's start, as the database's now() gives it in every row."""
    return con.execute("select now()").fetchone()[0]
