"""Parquet releases: staged under a hidden name, validated, then renamed into place.

Layout under data/releases/:

    <version>/               one directory per release, visible only once complete
        <table>/<partition>.parquet   zstd, rows in key order (byte-stable for the same
                             data); unchanged partitions are hard links to the previous
                             release's files (factcheck.partitions)
        manifest.json        version, schema, code, inputs, every file with rows and sha256
        claimreview.jsonld   rated claims as schema.org ClaimReview
        validation.json      Great Expectations results
    LATEST                   the newest published version
    index.json               every release with its time and row counts
    .staging-<run>/          a candidate being built (never listed, cleaned on next run)
"""

from __future__ import annotations

import json
import logging
import re
import shutil
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from factcheck.contract import SCHEMA_VERSION, published_tables
from factcheck.faults import crash_point
from factcheck.fingerprint import code_version
from factcheck.fsutil import fsync_dir, fsync_tree, write_atomic, write_json_atomic
from factcheck.partitions import (
    PartitionFile,
    Touched,
    previous_files,
    save_article_partitions,
    stage_partitions,
    table_glob,
)
from factcheck.settings import Paths, duckdb_config
from factcheck.transform import BuildRef, current_build

log = logging.getLogger(__name__)
STAGING_PREFIX = ".staging-"
VERSION_FORMAT = "%Y%m%dT%H%M%SZ"
VERSION_PATTERN = re.compile(r"\d{8}T\d{6}Z(-\d+)?")


def staging_dir(paths: Paths, run_id: str) -> Path:
    return paths.releases_dir / f"{STAGING_PREFIX}{re.sub(r'[^A-Za-z0-9_.-]', '_', run_id)}"


def clean_stale_staging(paths: Paths) -> list[str]:
    """Remove candidates left by a run that died: they were never published."""
    removed = []
    if paths.releases_dir.is_dir():
        for child in paths.releases_dir.iterdir():
            if child.name.startswith(STAGING_PREFIX) and child.is_dir():
                shutil.rmtree(child, ignore_errors=True)
                removed.append(child.name)
            elif child.name.startswith(".") and child.name.endswith(".tmp"):
                child.unlink(missing_ok=True)
    return removed


def recover(paths: Paths) -> dict:
    """Bring the published state back to consistency after a run that was killed.

    * staging directories and temporary files are removed: they were never published;
    * a release directory that is complete (its manifest is written before the rename that
      makes it visible) but missing from index.json — the run died between the rename and
      the pointer updates — is adopted: added to index.json, and LATEST moves to it if newer.
    """
    report = {"removed": clean_stale_staging(paths), "adopted": []}
    for tmp in paths.warehouse_db.parent.glob(f".{paths.warehouse_db.name}.*.tmp*"):
        tmp.unlink(missing_ok=True)
        report["removed"].append(tmp.name)
    if not paths.releases_dir.is_dir():
        return report
    listed = {r["version"] for r in list_releases(paths)}
    complete = sorted(
        p.name
        for p in paths.releases_dir.iterdir()
        if p.is_dir() and VERSION_PATTERN.fullmatch(p.name) and (p / "manifest.json").is_file()
    )
    for version in complete:
        if version not in listed:
            manifest = json.loads((paths.releases_dir / version / "manifest.json").read_text())
            _update_index(paths, manifest)
            report["adopted"].append(version)
    if complete and latest_version(paths) != complete[-1]:
        write_atomic(paths.releases_dir / "LATEST", f"{complete[-1]}\n".encode())
    return report


FILES_LIST = "files.json"  # in staging: the staged files, read by publish() for the manifest


def stage_tables(paths: Paths, run_id: str, rewrite_all: bool = False) -> Path:
    """Write every published table from the build database as partitioned Parquet into
    staging, carrying over the latest release's unchanged partitions — unless `rewrite_all`
    (a forced rebuild, which must prove that the same input gives the same bytes) or the
    latest release was made by other code."""
    target = staging_dir(paths, run_id)
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    latest = latest_manifest(paths)
    reuse = not rewrite_all and latest is not None and latest.get("code_version") == code_version()
    previous = previous_files(latest) if reuse else {}
    previous_dir = paths.releases_dir / latest["version"] if reuse else None
    con = duckdb.connect(str(paths.build_db), read_only=True, config=duckdb_config(night=reuse))
    try:
        build = current_build(con, paths)
        since = _touched_since(paths, latest, build) if reuse else None
        staged = stage_partitions(con, target, previous_dir, previous, since)
        save_article_partitions(con, article_partitions(paths, run_id))
    finally:
        con.close()
    _remove_article_partitions(paths, keep={run_id, latest["run_id"] if latest else run_id})
    write_json_atomic(
        target / FILES_LIST,
        {"files": [f.as_manifest() for f in staged.files], "build": asdict(build)},
    )
    log.info(
        "staged %d files (%d carried over, %d fingerprinted)",
        len(staged.files),
        staged.carried_over,
        staged.fingerprinted,
    )
    return target


def _touched_since(paths: Paths, latest: dict, build: BuildRef) -> Touched | None:
    """What the build database touched since the latest release was staged from it: the
    records of the builds after that release's (None — fingerprint every partition — when
    the release was staged from another build database, the database has no lineage, or
    the release's article partitions were not kept)."""
    released = BuildRef.of_manifest(latest)
    articles = article_partitions(paths, latest.get("run_id", ""))
    if build.lineage is None or released is None or released.lineage != build.lineage:
        return None
    if not articles.is_file():
        return None
    return Touched(since=released.number, build=build.number, articles=articles)


def article_partitions(paths: Paths, run_id: str) -> Path:
    """Where staging keeps the partition of every article of the release it staged."""
    safe = re.sub(r"[^A-Za-z0-9_.-]", "_", run_id)
    return paths.build_dir / "release_partitions" / f"{safe}.parquet"


def _remove_article_partitions(paths: Paths, keep: set[str]) -> None:
    """Drop the article partitions kept for releases other than the latest and tonight's
    (a candidate the gate failed, an older release)."""
    kept = {article_partitions(paths, run_id) for run_id in keep}
    for path in article_partitions(paths, "x").parent.glob("*.parquet"):
        if path not in kept:
            path.unlink(missing_ok=True)


def staged_files(staged: Path) -> list[PartitionFile]:
    """The files stage_tables() wrote or carried over, with rows and checksums."""
    listed = json.loads((staged / FILES_LIST).read_text())["files"]
    return [PartitionFile.from_manifest(entry) for entry in listed]


def latest_version(paths: Paths) -> str | None:
    latest = paths.releases_dir / "LATEST"
    if not latest.is_file():
        return None
    version = latest.read_text().strip()
    return version if (paths.releases_dir / version / "manifest.json").is_file() else None


def latest_manifest(paths: Paths) -> dict | None:
    version = latest_version(paths)
    if version is None:
        return None
    return json.loads((paths.releases_dir / version / "manifest.json").read_text())


def next_version(paths: Paths, now: datetime | None = None) -> str:
    """A UTC timestamp that sorts after every existing release."""
    now = now or datetime.now(UTC)
    existing = (
        {p.name for p in paths.releases_dir.iterdir()} if paths.releases_dir.is_dir() else set()
    )
    candidate = now.strftime(VERSION_FORMAT)
    newest = max((v for v in existing if VERSION_PATTERN.fullmatch(v)), default="")
    suffix = 1
    base = candidate
    while candidate in existing or candidate <= newest:
        suffix += 1
        candidate = f"{max(base, newest.split('-')[0])}-{suffix}"
    return candidate


def describe_tables(release_dir: Path, files: list[PartitionFile]) -> dict:
    """Per table: rows, bytes, its files and its column types (read from the files)."""
    con = duckdb.connect()
    try:
        tables = {}
        for table in published_tables():
            mine = [f for f in files if f.table == table]
            columns = con.execute(
                "describe select * from read_parquet(?)", [table_glob(release_dir, table)]
            ).fetchall()
            tables[table] = {
                "files": [f.path for f in mine],
                "rows": sum(f.rows for f in mine),
                "bytes": sum(f.bytes for f in mine),
                "columns": [{"name": c[0], "type": c[1]} for c in columns],
            }
        return tables
    finally:
        con.close()


def publish(
    paths: Paths,
    staged: Path,
    *,
    run_id: str,
    code: str,
    fingerprint: str,
    inputs: dict,
    validation: dict,
    claimreview: dict,
) -> str:
    """Finish the staged release (manifest, ClaimReview), rename it into place, then point
    LATEST and index.json at it. Each step is atomic; until the rename nothing is visible."""
    write_json_atomic(staged / "claimreview.jsonld", claimreview)
    files = staged_files(staged)
    build = json.loads((staged / FILES_LIST).read_text()).get("build")
    (staged / FILES_LIST).unlink()
    version = next_version(paths)
    created = datetime.now(UTC).isoformat(timespec="seconds")
    manifest = {
        "version": version,
        "schema_version": SCHEMA_VERSION,
        "created_at": created,
        "run_id": run_id,
        "code_version": code,
        "input_fingerprint": fingerprint,
        "build": build,
        "tables": describe_tables(staged, files),
        "files": [f.as_manifest() for f in files],
        "validation": validation,
        "inputs": inputs,
        "claimreview": {"file": "claimreview.jsonld", "reviews": len(claimreview["@graph"])},
    }
    write_json_atomic(staged / "manifest.json", manifest)
    fsync_tree(staged)
    crash_point("publish:before_rename")
    final = paths.releases_dir / version
    staged.rename(final)
    fsync_dir(paths.releases_dir)
    crash_point("publish:renamed")
    write_atomic(paths.releases_dir / "LATEST", f"{version}\n".encode())
    _update_index(paths, manifest)
    log.info("published release %s", version)
    return version


def _update_index(paths: Paths, manifest: dict) -> None:
    index_file = paths.releases_dir / "index.json"
    releases = json.loads(index_file.read_text())["releases"] if index_file.is_file() else []
    releases = [r for r in releases if r["version"] != manifest["version"]]
    releases.append(
        {
            "version": manifest["version"],
            "created_at": manifest["created_at"],
            "schema_version": manifest["schema_version"],
            "code_version": manifest["code_version"],
            "rows": {name: t["rows"] for name, t in manifest["tables"].items()},
        }
    )
    releases.sort(key=lambda r: r["version"])
    write_json_atomic(index_file, {"latest": releases[-1]["version"], "releases": releases})


def list_releases(paths: Paths) -> list[dict]:
    index_file = paths.releases_dir / "index.json"
    return json.loads(index_file.read_text())["releases"] if index_file.is_file() else []


@dataclass(frozen=True)
class ReleaseDiff:
    """What a consumer holding release `old` must fetch to have release `new`."""

    old: str
    new: str
    fetch: list[dict]  # files of `new` whose path or checksum `old` does not have
    unchanged: list[str]
    removed: list[str]  # paths of `old` that `new` no longer has

    @property
    def fetch_bytes(self) -> int:
        return sum(f["bytes"] for f in self.fetch)


def diff_releases(paths: Paths, old: str, new: str) -> ReleaseDiff:
    """Compare two releases' manifests file by file (path and sha256)."""
    manifests = {}
    for version in (old, new):
        if not VERSION_PATTERN.fullmatch(version):
            raise ValueError(f"not a release version: {version!r}")
        path = paths.releases_dir / version / "manifest.json"
        if not path.is_file():
            raise ValueError(f"no release {version} in {paths.releases_dir}")
        manifests[version] = json.loads(path.read_text())
        if "files" not in manifests[version]:
            raise ValueError(
                f"release {version} has schema {manifests[version].get('schema_version')}: "
                "one file per table, no file list; every file of the new release is new"
            )
    had = {f["path"]: f["sha256"] for f in manifests[old]["files"]}
    has = manifests[new]["files"]
    return ReleaseDiff(
        old=old,
        new=new,
        fetch=[f for f in has if had.get(f["path"]) != f["sha256"]],
        unchanged=[f["path"] for f in has if had.get(f["path"]) == f["sha256"]],
        removed=sorted(set(had) - {f["path"] for f in has}),
    )
