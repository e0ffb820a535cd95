"""A release's tables as partitioned Parquet files, written only where something changed.

Layout of one table in a release (schema_version 2):

    <table>/seen-<YYYYmmddTHHMMSS>.parquet   rows of the articles first seen at that time
    <table>/all.parquet                      tables not tied to articles (actors, quarantine,
                                             orphaned_verdicts), and any empty table

A row belongs to the partition of its article (`release_partition: article_id` in the mart's
yml), of its claim's article (`claim_id`), or of the night its claim group was first seen
(`claim_group_id`: the article of the group's earliest-seen member, whose words name it).
An archive only grows, so a night adds one partition per table and leaves the others alone
— unless a verdict, a changed article, a re-resolved name or a merged group touches them.
Each partition's content is fingerprinted in DuckDB (row count and a sum of row hashes, one
aggregate per table); a partition whose fingerprint equals the previous release's is
carried over as a hard link to the previous file (a copy where links are impossible), not
rewritten. The manifest lists every file with its rows,
bytes, sha256 and fingerprint, so a consumer fetches only files whose checksum is new.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from pathlib import Path

import duckdb

from factcheck import contract
from factcheck.fsutil import sha256_file

UNPARTITIONED = "all"

# The partition of every article and every claim, from the build database (when an article
# was first seen is kept by dbt's int_article_versions; the articles mart does not publish it).
PARTITION_VIEWS = {
    "article_id": """
        select article_id,
               'seen-' || strftime(timezone('UTC', first_seen_at), '%Y%m%dT%H%M%S') as part
        from intermediate.int_article_versions
    """,
    "claim_id": """
        select c.claim_id, a.part
        from main.claims as c
        inner join release_partition_article_id as a using (article_id)
    """,
    "claim_group_id": """
        select claim_group_id,
               'seen-' || strftime(timezone('UTC', first_seen_at), '%Y%m%dT%H%M%S') as part
        from main.claim_groups
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
    """What staging wrote: every file, and how many were carried over unchanged."""

    files: list[PartitionFile]
    carried_over: int

    @property
    def written(self) -> int:
        return len(self.files) - self.carried_over


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


def stage_partitions(
    con: duckdb.DuckDBPyConnection,
    target: Path,
    previous_dir: Path | None,
    previous: dict[tuple[str, str], PartitionFile],
) -> StagedTables:
    """Write every published table of the build database (`con`) into `target`, carrying
    over the previous release's files whose partition did not change."""
    for key, sql in PARTITION_VIEWS.items():
        con.execute(f"create or replace temp view release_partition_{key} as {sql}")
    files: list[PartitionFile] = []
    carried = 0
    for table in contract.tables().values():
        (target / table.name).mkdir(parents=True)
        source = _partitioned_rows(table)
        for partition, rows, fingerprint in _fingerprints(con, source):
            old = previous.get((table.name, partition))
            out = target / table.name / f"{partition}.parquet"
            if old and old.fingerprint == fingerprint and previous_dir is not None:
                _carry_over(previous_dir / old.path, out)
                files.append(old)
                carried += 1
                continue
            con.execute(
                f"copy (select * exclude (part) from ({source}) where part = ? "
                f"order by {table.order_by}) to '{out}' (format parquet, compression zstd)",
                [partition],
            )
            files.append(
                PartitionFile(
                    table.name, partition, rows, out.stat().st_size, sha256_file(out), fingerprint
                )
            )
    return StagedTables(files, carried)


def _partitioned_rows(table: contract.Table) -> str:
    """The table's rows with the partition each belongs to, as `part`."""
    if table.partition_by is None:
        return f"select t.*, '{UNPARTITIONED}' as part from main.{table.name} as t"
    key = table.partition_by
    return (
        f"select t.*, p.part from main.{table.name} as t "
        f"inner join release_partition_{key} as p using ({key})"
    )


def _fingerprints(con: duckdb.DuckDBPyConnection, source: str) -> Iterable[tuple[str, int, str]]:
    """(partition, rows, fingerprint) per partition; one empty partition for an empty table.
    The fingerprint is the row count and two order-independent aggregates of the rows'
    hashes (the row as a struct, its partition included):
    equal content gives an equal fingerprint, and any change of a row changes it."""
    found = con.execute(
        f"""
        select part, count(*),
               count(*) || ':' || sum(hash(r)::hugeint) || ':' || bit_xor(hash(r))
        from ({source}) as r
        group by part order by part
        """
    ).fetchall()
    return found or [(UNPARTITIONED, 0, "0:0:0")]


def _carry_over(previous: Path, out: Path) -> None:
    """A hard link to the previous release's file (releases are never modified in place),
    or a copy where the file system cannot link."""
    try:
        os.link(previous, out)
    except OSError:
        shutil.copyfile(previous, out)
