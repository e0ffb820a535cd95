"""A release's tables as partitioned Parquet files, written only where something changed.

Layout of one table in a release (schema_version 2.1):

    <table>/seen-<YYYYmmddTHHMMSS>.parquet   rows of the articles first seen at that time
    <table>/seen-<YYYYmmddTHHMMSS>-<h>.parquet  the same, for a night of more than
                                             MAX_PARTITION_ARTICLES articles, split by the
                                             leading hex digits <h> of the key's sha256
    claim_groups/seen-<YYYYmmddTHHMMSS>-m<h>.parquet  in such a night, the groups of more
                                             than one member, by one digit less
    <table>/all.parquet                      tables not tied to articles (actors, quarantine,
                                             orphaned_verdicts), and any empty table

A row belongs to the partition of its article (`release_partition: article_id` in the mart's
yml), of its claim's article (`claim_id`), or of the night its claim group last took a
member from a new article (`claim_group_id`: the group's `last_seen_at`, its latest-seen
article; since schema_version 2.1 — in 2.0 its first night). The groups that grow are
those of more than one member, so in a night split into buckets they are bucketed apart.
An archive only grows, so a night adds one partition per table and leaves the others alone
— unless a verdict, a changed article, a re-resolved name or a merged group touches them;
a group that grows moves to tonight's partition, leaving a row less in its old one.
A night that first saw a whole archive (a cold build, a backfill) is split into buckets:
otherwise one old article touched by a later night would rewrite, re-check and re-load
the archive's every row.
Each partition's content is fingerprinted in DuckDB (row count and a sum of row hashes, one
aggregate per table); a partition whose fingerprint equals the previous release's is
carried over as a hard link to the previous file (a copy where links are impossible), not
rewritten. The manifest lists every file with its rows,
bytes, sha256 and fingerprint, so a consumer fetches only files whose checksum is new.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

import duckdb

from factcheck import contract
from factcheck.fsutil import sha256_file

UNPARTITIONED = "all"
EMPTY_FINGERPRINT = "0:0:0"  # of a table without rows (its one file, all.parquet)
# The most articles a night's partition holds before it is split into 16, 256, ... buckets.
# An old article touched by a later night (a verdict, a merged group, a re-resolved name)
# rewrites, re-checks and re-loads its whole bucket: at 100,000 articles, 256 buckets of
# about 400 articles rather than 16 of 6,300 (8,192 until issue 15's sixth pass; publishing
# the database of a night on it 4.6-5.6 -> 1.9-3.2 s of CPU).
MAX_PARTITION_ARTICLES = 1024


def _night_part(key: str, night: str = "first_seen_at", shared: str = "false") -> str:
    """The partition name of a row whose night (column `night`) has `digits` bucket
    digits: the night, then as many leading hex digits of the key's sha256 (stable on
    every machine and DuckDB version, and independent of the other rows). Rows for which
    `shared` holds go to buckets of their own, sixteen times fewer: `-m` and one digit
    less."""
    return (
        f"'seen-' || strftime(timezone('UTC', {night}), '%Y%m%dT%H%M%S') "
        f"|| case when digits = 0 then '' "
        f"when {shared} then '-m' || substr(sha256({key}), 1, digits - 1) "
        f"else '-' || substr(sha256({key}), 1, digits) end"
    )


def partition_views(max_articles: int) -> dict[str, str]:
    """The partition of every article, claim and claim group, from the build database (when
    an article was first seen is kept by dbt's int_article_versions; the articles mart does
    not publish it). A night of n > max_articles articles takes d = ceil(log16(n / max))
    bucket digits: the same d every time while the night keeps its articles."""
    nights = f"""
        select first_seen_at,
               case when count(*) <= {max_articles} then 0
                    else ceil(log2(count(*) / {max_articles}) / 4)::int end as digits
        from intermediate.int_article_versions
        group by first_seen_at
    """
    return {
        "article_id": f"""
            select article_id, {_night_part("article_id")} as part
            from intermediate.int_article_versions
            inner join ({nights}) using (first_seen_at)
        """,
        "claim_id": """
            select c.claim_id, a.part, c.article_id
            from main.claims as c
            inner join release_partition_article_id as a using (article_id)
        """,
        # A group by the night of its latest article (`last_seen_at`), not its first, and
        # in a night split into buckets, the groups of more than one member in buckets of
        # their own. The groups that grow are those of more than one member (of the groups
        # that grew in three nights on the 100,000-article bench, 1,643 of 1,748 were
        # among the 10% with members in several articles). By their first night they
        # were spread over every bucket of a cold build's night, and each night rewrote
        # nearly every file of the table (248 of 258 files, 249,000 of 259,000 rows, at
        # 100,000 articles) for the 750 groups that took a member. Now those are in 16 of
        # the night's 272 buckets, and a group that grows moves to tonight's partition,
        # where the next growth rewrites one small file.
        "claim_group_id": f"""
            select claim_group_id,
                   {_night_part("claim_group_id", "last_seen_at", "member_count > 1")} as part
            from (
                select g.claim_group_id, g.last_seen_at, g.member_count,
                       coalesce(n.digits, 0) as digits
                from main.claim_groups as g
                left join ({nights}) as n on n.first_seen_at = g.last_seen_at
            )
        """,
    }


@dataclass(frozen=True)
class PartitionFile:
    """One Parquet file of a release, as the manifest lists it."""

    table: str
    partition: str
    rows: int
    bytes: int
    sha256: str
    fingerprint: str

    @property
    def path(self) -> str:
        """Relative to the release directory."""
        return f"{self.table}/{self.partition}.parquet"

    @classmethod
    def from_manifest(cls, entry: dict) -> PartitionFile:
        return cls(**{k: entry[k] for k in cls.__dataclass_fields__})

    def as_manifest(self) -> dict:
        return asdict(self) | {"path": self.path}


@dataclass(frozen=True)
class StagedTables:
    """What staging wrote: every file, how many were carried over unchanged, and how many
    partitions were fingerprinted to decide it."""

    files: list[PartitionFile]
    carried_over: int
    fingerprinted: int = 0

    @property
    def written(self) -> int:
        return len(self.files) - self.carried_over


@dataclass(frozen=True)
class ReleaseFiles:
    """A staged release beside the previous one it was staged against (`previous_dir` None:
    none, or one the gate cannot vouch for): which of a table's files were written tonight
    and which are the previous release's files, byte for byte. The quality gate checks
    tonight's files in full, and what they can break in the files kept: a kept file is
    identical to one that passed the same checks in the previous release."""

    release_dir: Path
    staged: list[PartitionFile]
    previous_dir: Path | None
    previous: dict[tuple[str, str], PartitionFile]

    def written(self, table: str) -> list[PartitionFile]:
        """The table's files that are not the previous release's file of their partition."""
        return [
            f
            for f in self.staged
            if f.table == table and self.previous.get((f.table, f.partition)) != f
        ]

    def written_paths(self, table: str) -> list[str]:
        return [str(self.release_dir / f.path) for f in self.written(table)]

    def kept_paths(self, table: str) -> list[str]:
        """The table's files carried over unchanged from the previous release."""
        if self.previous_dir is None:
            return []
        written = set(self.written(table))
        return [
            str(self.release_dir / f.path)
            for f in self.staged
            if f.table == table and f not in written
        ]

    def replaced_paths(self, table: str) -> list[str]:
        """The previous release's files of the table that were not kept: rewritten tonight,
        or of a partition that is gone."""
        if self.previous_dir is None:
            return []
        kept = {(f.table, f.partition) for f in self.staged if f.table == table} - {
            (f.table, f.partition) for f in self.written(table)
        }
        return [
            str(self.previous_dir / f.path)
            for at, f in sorted(self.previous.items())
            if at[0] == table and at not in kept
        ]


def table_glob(release_dir: Path, table: str) -> str:
    """Every file of a table, as DuckDB's read_parquet takes it."""
    return str(release_dir / table / "*.parquet")


def previous_files(manifest: dict | None) -> dict[tuple[str, str], PartitionFile]:
    """The files of a (schema 2) manifest by (table, partition); none for older layouts."""
    if not manifest or manifest.get("schema_version") != contract.SCHEMA_VERSION:
        return {}
    return {
        (f.table, f.partition): f
        for f in map(PartitionFile.from_manifest, manifest.get("files", []))
    }


@dataclass(frozen=True)
class Touched:
    """Where the build database's record of what the published marts merged
    (build.release_touched, macros/incremental_marts.sql record_touched) answers for the
    changes since the previous release: the records of the builds after `since`, the build
    that release was staged from, up to `build`, the build being staged; and where each
    article's rows were in that release (`articles`)."""

    since: int
    build: int
    articles: Path  # the partition of every article in that release (save_article_partitions)


def stage_partitions(
    con: duckdb.DuckDBPyConnection,
    target: Path,
    previous_dir: Path | None,
    previous: dict[tuple[str, str], PartitionFile],
    touched: Touched | None = None,
) -> StagedTables:
    """Write every published table of the build database (`con`) into `target`, carrying
    over the previous release's files whose partition did not change. With `touched`, a
    table whose merges were recorded has only the partitions they touched fingerprinted
    (and those the previous release does not have); its other partitions are the previous
    release's files, carried over with their fingerprints."""
    create_partition_tables(con, touched if previous_dir else None)
    current = _article_partitions(con) if touched is not None and previous_dir else set()
    files: list[PartitionFile] = []
    carried = fingerprinted = 0
    for table in contract.tables().values():
        (target / table.name).mkdir(parents=True)
        listed = _touched_partitions(con, table, previous, touched, current) if current else None
        if listed is None:
            found = _fingerprints(con, _partitioned_rows(table))
            if not found:
                found = [(UNPARTITIONED, 0, EMPTY_FINGERPRINT)]  # an empty table: one empty file
            kept, written = _compare(table, previous, previous_dir, found)
            mine = kept + _write_partitions(con, target, table, written)
        else:
            # the touched partitions' rows are gathered once, fingerprinted, and written
            # from there where they changed: a second pass over the table to fingerprint
            # them cost as much as fingerprinting every partition (their rows are spread
            # over the whole table)
            with _gathered(con, table, listed):
                found = _fingerprints(con, "select * from release_staged_rows")
                untouched = _untouched(table, previous, current - set(listed))
                if not found and not untouched:
                    found = [(UNPARTITIONED, 0, EMPTY_FINGERPRINT)]
                kept, written = _compare(table, previous, previous_dir, found)
                kept += untouched
                mine = kept + _write_gathered(con, target, table, written)
        fingerprinted += len(found)
        if previous_dir is not None:
            for old in kept:
                _carry_over(previous_dir / old.path, target / old.path)
        carried += len(kept)
        files += sorted(mine, key=lambda f: f.partition)
    return StagedTables(files, carried, fingerprinted)


def _compare(
    table: contract.Table,
    previous: dict[tuple[str, str], PartitionFile],
    previous_dir: Path | None,
    found: list[tuple[str, int, str]],
) -> tuple[list[PartitionFile], list[tuple[str, int, str]]]:
    """Of the fingerprinted partitions, the previous release's files whose fingerprint is
    the same (kept) and the partitions to write."""
    kept, written = [], []
    for partition, rows, fingerprint in found:
        old = previous.get((table.name, partition))
        if old and old.fingerprint == fingerprint and previous_dir is not None:
            kept.append(old)
        else:
            written.append((partition, rows, fingerprint))
    return kept, written


def create_partition_tables(con: duckdb.DuckDBPyConnection, touched: Touched | None = None) -> None:
    """The partition of every article, claim and group, as temp tables of the connection
    (release_partition_<key>), and with `touched` every article's in the previous release
    (release_partition_before). Tables, not views: each table's fingerprints and its
    writing read them again."""
    for key, sql in partition_views(MAX_PARTITION_ARTICLES).items():
        con.execute(f"create or replace temp table release_partition_{key} as {sql}")
    if touched is not None:
        con.execute(
            "create or replace temp table release_partition_before as "
            "select article_id, part from read_parquet(?)",
            [str(touched.articles)],
        )


def _touched_partitions(
    con: duckdb.DuckDBPyConnection,
    table: contract.Table,
    previous: dict[tuple[str, str], PartitionFile],
    touched: Touched | None,
    current: set[str],
) -> list[str] | None:
    """The partitions of a table that can differ from the previous release's: those the
    keys its model recorded since that release's build are in now and were in then (a
    changed article is first seen again tonight: its rows move), and those the release
    does not have. None (every partition) when the build being staged recorded nothing for
    the table (a model rebuilt whole, or not merged by its partition key), or when a
    recorded key's partition is known neither now nor then (a claim gone from the build:
    its article is not known)."""
    if touched is None or table.partition_by not in ("article_id", "claim_id"):
        return None
    [(recorded,)] = con.execute(
        "select count(*) from build.release_touched "
        "where model = ? and key is null and touched_in = ?",
        [table.name, touched.build],
    ).fetchall()
    if not recorded:
        return None
    key = table.partition_by
    # the article whose partition the key's rows were in at the previous release
    article = "k.key" if key == "article_id" else "now.article_id"
    found = con.execute(
        f"""
        select distinct now.part, before.part
        from (
            select distinct key from build.release_touched
            where model = ? and key is not null and touched_in > ?
        ) as k
        left join release_partition_{key} as now on now.{key} = k.key
        left join release_partition_before as before on before.article_id = {article}
        """,
        [table.name, touched.since],
    ).fetchall()
    if any(now is None and before is None for now, before in found):
        return None
    parts = {part for pair in found for part in pair if part is not None}
    had = {partition for (name, partition) in previous if name == table.name}
    return sorted(parts | (current - had))


def save_article_partitions(con: duckdb.DuckDBPyConnection, out: Path) -> None:
    """The partition of every article in the release being staged (from the temp table
    stage_partitions made), for the next staging to find where a moved or gone article's
    rows were (Touched.articles)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    con.execute(
        f"copy (select article_id, part from release_partition_article_id) to '{out}' "
        "(format parquet)"
    )


def _article_partitions(con: duckdb.DuckDBPyConnection) -> set[str]:
    """Every partition an article's rows, or its claims', can be in now."""
    found = con.execute("select distinct part from release_partition_article_id").fetchall()
    return {part for (part,) in found}


def _untouched(
    table: contract.Table, previous: dict[tuple[str, str], PartitionFile], untouched: set[str]
) -> list[PartitionFile]:
    """The previous release's files of the table in the `untouched` partitions (which
    still exist, and which no recorded key is in now or was in then): their rows are the
    same."""
    return [
        old
        for (name, partition), old in sorted(previous.items())
        if name == table.name and partition in untouched
    ]


def _write_partitions(
    con: duckdb.DuckDBPyConnection,
    target: Path,
    table: contract.Table,
    written: list[tuple[str, int, str]],
) -> list[PartitionFile]:
    """Write the (partition, rows, fingerprint) partitions of a table, each file in the
    table's order. Their rows are gathered in one pass, sorted by partition: a query of the
    table per partition would read the whole table as many times as there are partitions
    to write (a night rewrites every bucket of `claim_groups`, whose counts grow)."""
    if not written:
        return []
    with _gathered(con, table, [partition for partition, _, _ in written]):
        return _write_gathered(con, target, table, written)


@contextmanager
def _gathered(
    con: duckdb.DuckDBPyConnection, table: contract.Table, listed: list[str]
) -> Iterator[None]:
    """The table's rows of the `listed` partitions, with `part`, in the temp table
    release_staged_rows (sorted by partition) while the block runs."""
    con.execute(
        f"create or replace temp table release_staged_rows as {_rows_of_partitions(table)} "
        "order by part",
        [listed],
    )
    try:
        yield
    finally:
        con.execute("drop table release_staged_rows")


def _write_gathered(
    con: duckdb.DuckDBPyConnection,
    target: Path,
    table: contract.Table,
    written: list[tuple[str, int, str]],
) -> list[PartitionFile]:
    """Write the (partition, rows, fingerprint) partitions from release_staged_rows."""
    files = []
    for partition, rows, fingerprint in written:
        out = target / table.name / f"{partition}.parquet"
        con.execute(
            "copy (select * exclude (part) from release_staged_rows where part = ? "
            f"order by {table.order_by}) to '{out}' (format parquet, compression zstd)",
            [partition],
        )
        size, sha = out.stat().st_size, sha256_file(out)
        files.append(PartitionFile(table.name, partition, rows, size, sha, fingerprint))
    return files


def _rows_of_partitions(table: contract.Table) -> str:
    """The table's rows of the partitions listed in the query's parameter, with `part` (the
    same columns as _partitioned_rows). They are picked by rowid: joined to their
    partitions and filtered on `part`, every row of the table was read whole, texts and
    all, to keep a night's few (0.3 s a table at 100,000 articles, for 1,600 rows; 0.05 s
    picked by rowid); and joined to the listed partitions' keys alone, not to every key's
    partition (a hash table of 800,000 claims per table)."""
    listed = "(select unnest(?::varchar[]))"
    if table.partition_by is None:
        return f"select * from ({_partitioned_rows(table)}) where part in {listed}"
    key = table.partition_by
    return (
        f"with q as (select {key}, part from release_partition_{key} where part in {listed}) "
        f"select t.*, q.part from main.{table.name} as t inner join q using ({key}) "
        f"where t.rowid in (select r.rowid from main.{table.name} as r "
        f"semi join q on q.{key} = r.{key})"
    )


def _partitioned_rows(table: contract.Table) -> str:
    """The table's rows with the partition each belongs to, as `part`."""
    if table.partition_by is None:
        return f"select t.*, '{UNPARTITIONED}' as part from main.{table.name} as t"
    key = table.partition_by
    return (
        f"select t.*, p.part from main.{table.name} as t "
        f"inner join release_partition_{key} as p using ({key})"
    )


def _fingerprints(con: duckdb.DuckDBPyConnection, source: str) -> list[tuple[str, int, str]]:
    """(partition, rows, fingerprint) per partition of the rows `source` selects (with
    `part`). The fingerprint is the row count and two order-independent aggregates of the
    rows' hashes (the row as a struct, its partition included):
    equal content gives an equal fingerprint, and any change of a row changes it."""
    return con.execute(
        f"""
        select part, count(*),
               count(*) || ':' || sum(hash(r)::hugeint) || ':' || bit_xor(hash(r))
        from ({source}) as r
        group by part order by part
        """
    ).fetchall()


def _carry_over(previous: Path, out: Path) -> None:
    """A hard link to the previous release's file (releases are never modified in place),
    or a copy where the file system cannot link."""
    try:
        os.link(previous, out)
    except OSError:
        shutil.copyfile(previous, out)
