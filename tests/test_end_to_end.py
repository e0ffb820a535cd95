"""The whole nightly run, through Airflow, as a user runs it: `factcheck run`.

One module-scoped workspace (the two seed exports plus a slice of the Wikinews sample
with a few bad lines) and its first night, then the checks a fact-checker and a downstream
consumer rely on. A test that runs more nights does so on its own copy of the workspace
(`night`), so the tests pass in any order.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import duckdb
import pytest

from factcheck.contract import published_tables, tables
from factcheck.fsutil import sha256_file
from factcheck.vocabulary import values

from .conftest import SEED_FILES, WIKINEWS, run_factcheck

pytestmark = pytest.mark.e2e
BAD_LINES = ['{"title": "No body here"}', "{broken json"]


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    root = tmp_path_factory.mktemp("e2e")
    raw, data = root / "raw", root / "data"
    (raw / "articles" / "seeds").mkdir(parents=True)
    (raw / "verdicts").mkdir()
    for path in SEED_FILES:
        shutil.copy(path, raw / "articles" / "seeds" / path.name)
    lines = WIKINEWS.read_text(encoding="utf-8").splitlines()[:25]
    feed = raw / "articles" / "wikinews" / "sample.jsonl"
    feed.parent.mkdir()
    feed.write_text("\n".join(lines + BAD_LINES) + "\n", encoding="utf-8")
    # The first seed again under another name, with Windows line endings: a duplicate.
    (raw / "articles" / "copy-of-seed.txt").write_bytes(
        SEED_FILES[0].read_bytes().replace(b"\n", b"\r\n")
    )
    return raw, data


def factcheck(workspace, *args: str) -> subprocess.CompletedProcess:
    return run_factcheck(*workspace, *args)


@pytest.fixture(scope="module")
def first_run(workspace):
    result = factcheck(workspace, "run")
    assert result.returncode == 0, result.stdout + result.stderr
    return result


@pytest.fixture
def night(workspace, first_run, tmp_path):
    """A copy of the workspace after the first night, for a test that runs more nights."""
    raw, data = tmp_path / "raw", tmp_path / "data"
    shutil.copytree(workspace[0], raw, symlinks=True)
    shutil.copytree(workspace[1], data, symlinks=True)
    for marker in (data / "airflow").glob(".metadata-db-ready-*"):
        marker.unlink()  # it names the original's metadata database
    return raw, data


@pytest.fixture
def db(workspace, first_run):
    con = duckdb.connect(str(workspace[1] / "warehouse" / "factcheck.duckdb"), read_only=True)
    yield con
    con.close()


def latest(workspace) -> Path:
    releases = workspace[1] / "releases"
    return releases / (releases / "LATEST").read_text().strip()


def test_run_reports_accounting(first_run):
    assert "published release" in first_run.stdout
    assert "records seen" in first_run.stdout and "quarantined" in first_run.stdout


def test_release_layout_and_manifest(workspace, first_run):
    release = latest(workspace)
    names = {p.name for p in release.iterdir()}
    assert set(published_tables()) <= names  # one directory of Parquet files per table
    assert {"manifest.json", "claimreview.jsonld", "validation.json"} <= names
    assert not [p for p in release.parent.iterdir() if p.name.startswith(".staging-")]
    manifest = json.loads((release / "manifest.json").read_text())
    assert manifest["version"] == release.name
    for key in ("schema_version", "created_at", "run_id", "code_version"):
        assert manifest[key]
    con = duckdb.connect()
    on_disk = {p.relative_to(release).as_posix() for p in release.rglob("*.parquet")}
    assert on_disk == {f["path"] for f in manifest["files"]}  # every file is listed
    for file in manifest["files"]:
        path = release / file["path"]
        assert file["sha256"] == sha256_file(path)
        assert file["bytes"] == path.stat().st_size
        assert (
            file["rows"]
            == con.execute("select count(*) from read_parquet(?)", [str(path)]).fetchone()[0]
        )
    for name, table in manifest["tables"].items():
        glob = str(release / name / "*.parquet")
        assert (
            table["rows"]
            == con.execute("select count(*) from read_parquet(?)", [glob]).fetchone()[0]
        )
        declared = tables()[name].columns
        assert [c["name"] for c in table["columns"]] == [c.name for c in declared]
    assert manifest["validation"]["success"] is True and manifest["validation"]["failed"] == 0
    assert manifest["validation"]["evaluated"] > 20
    inputs = manifest["inputs"]
    assert inputs["records_seen"] == inputs["loaded"] + inputs["duplicates"] + inputs["quarantined"]
    assert inputs["duplicates"] == 1 and inputs["quarantined"] == len(BAD_LINES)
    assert inputs["loaded"] == 2 + 25
    index = json.loads((release.parent / "index.json").read_text())
    assert index["latest"] == release.name
    assert index["releases"][-1]["rows"]["articles"] == 27


def test_database_has_every_contract_table_and_column(db):
    for name, table in tables().items():
        present = [row[0] for row in db.execute(f"describe {name}").fetchall()]
        assert present == table.column_names, name


def test_keys_and_enums(db):
    def one(sql):
        return db.execute(sql).fetchone()[0]

    for table, key in (
        ("articles", "article_id"),
        ("claims", "claim_id"),
        ("actors", "actor_id"),
        ("verification_status", "claim_id"),
    ):
        assert one(f"select count(*) - count(distinct {key}) from {table}") == 0
        assert one(f"select count(*) from {table} where {key} is null") == 0
    assert one("select count(*) from claims") == one("select count(*) from verification_status")
    for table, column in (
        ("claims", "claim_type"),
        ("claims", "location"),
        ("actors", "actor_type"),
        ("claim_actors", "relation"),
        ("verification_status", "status"),
    ):
        found = {r[0] for r in db.execute(f"select distinct {column} from {table}").fetchall()}
        assert found <= set(values(column)), (table, column)
    orphans = one("""select count(*) from claims c left join articles a using (article_id)
                     where a.article_id is null""")
    assert orphans == 0
    assert (
        one("""select count(*) from claim_actors ca left join actors a using (actor_id)
                  where a.actor_id is null""")
        == 0
    )


def test_claim_offsets_point_into_their_field(db):
    rows = db.execute("""
        select c.claim_text, c.char_start, c.char_end, c.location,
               a.headline, a.dek, a.body_text
        from claims c join articles a using (article_id)""").fetchall()
    assert len(rows) > 100
    for text, start, end, location, headline, dek, body in rows:
        field = {"headline": headline, "dek": dek, "body": body}[location]
        assert field[start:end] == text


def test_seed_layout_fields(db):
    row = db.execute(
        """select section, kicker, dek, image_ref, photo_credit, body_text
           from articles where headline like 'Putin’s Favorite Neighbor%'"""
    ).fetchone()
    section, kicker, dek, image_ref, credit, body = row
    assert (section, kicker, image_ref) == (
        "Russia",
        "‘CONSIDER THEMSELVES WARNED’",
        "GettyImages-1245835710_mejrsm",
    )
    assert credit == "ALEXEY DANICHEV/SPUTNIK/AFP via Getty"
    assert dek.startswith("“We are forced to react harshly,”")
    assert "ADVERTISEMENT" not in body and "Got a tip?" not in body


def test_actors_are_canonical_across_articles(db):
    row = db.execute("""select article_count, roles, aliases from actors
                        where name = 'Alexander Lukashenko' and actor_type = 'person'""").fetchone()
    assert row is not None and row[0] == 2
    assert "Belarusian President" in row[1]
    assert "Lukashenko" in row[2]
    names = {r[0] for r in db.execute("select name from actors").fetchall()}
    assert not {"Mikhail Svetlov", "SHAMELESS", "Getty Images"} & names


def test_quarantine_names_the_bad_lines(db):
    rows = db.execute("select source_uri, line, reason from quarantine order by line").fetchall()
    assert [(r[0], r[1]) for r in rows] == [
        ("articles/wikinews/sample.jsonl", 26),
        ("articles/wikinews/sample.jsonl", 27),
    ]
    assert "missing required field(s): body" in rows[0][2]
    assert "not valid JSON" in rows[1][2]


def test_read_commands(workspace, first_run):
    table = factcheck(workspace, "claims", "--speaker", "Nikolenko")
    assert table.returncode == 0 and "Oleh Nikolenko" in table.stdout
    as_json = json.loads(
        factcheck(
            workspace, "claims", "--status", "unverified", "--limit", "3", "--format", "json"
        ).stdout
    )
    assert len(as_json) == 3 and all(r["status"] == "unverified" for r in as_json)
    refused = factcheck(workspace, "sql", "drop table claims")
    assert refused.returncode != 0 and "read-only" in refused.stderr
    releases = factcheck(workspace, "releases", "--format", "json")
    assert len(json.loads(releases.stdout)) == 1


def test_rerun_with_nothing_new_publishes_nothing(night):
    before = latest(night).name
    result = factcheck(night, "run")
    assert result.returncode == 0, result.stderr
    assert "nothing changed" in result.stdout
    assert latest(night).name == before
    index = json.loads((night[1] / "releases" / "index.json").read_text())
    assert len(index["releases"]) == 1


def pact_claim(db) -> str:
    return db.execute("""select c.claim_id from claims c join verification_status v
                         using (claim_id) where c.claim_type = 'reported_speech'
                         and c.claim_text like '%non-aggression pact%'""").fetchone()[0]


def test_article_signal_on_the_pact_claim(db):
    signals = db.execute(
        "select signals from verification_status where claim_id = ?", [pact_claim(db)]
    ).fetchone()[0]
    assert "reporter_unconfirmed" in signals


def record_pact_verdicts(night, claim: str) -> None:
    """A fact-checker takes the pact claim in review, then rates it Mostly false."""
    recorded = [
        ["--status", "in_review", "--by", "Ana", "--at", "2026-11-20T10:00:00+00:00"],
        [
            "--status",
            "rated",
            "--label",
            "Mostly false",
            "--by",
            "Ana",
            "--evidence",
            "https://example.org/pact",
            "--at",
            "2026-11-21T10:00:00+00:00",
        ],
    ]
    for args in recorded:
        assert factcheck(night, "verdict", claim, *args).returncode == 0


def test_verdicts_flow_into_status_history_and_claimreview(night, db):
    claim = pact_claim(db)
    log = night[0] / "verdicts" / "verdicts.csv"
    for bad in (
        ["clm_ffffffffffffffff", "--status", "rated", "--label", "False", "--by", "Ana"],
        [claim, "--status", "rated", "--label", "Sort of", "--by", "Ana"],
        [claim, "--status", "rated", "--label", "False", "--by", "Ana", "--evidence", "not-a-url"],
        [claim, "--status", "rated", "--by", "Ana"],
    ):
        refused = factcheck(night, "verdict", *bad)
        assert refused.returncode == 2 and "nothing written" in refused.stderr
        assert not log.exists()
    record_pact_verdicts(night, claim)
    result = factcheck(night, "run")
    assert result.returncode == 0, result.stdout + result.stderr
    con = duckdb.connect(str(night[1] / "warehouse" / "factcheck.duckdb"), read_only=True)
    status = con.execute(
        """select status, rating, rating_label, rating_value, reviewed_by
                            from verification_status where claim_id = ?""",
        [claim],
    ).fetchone()
    assert status == ("rated", "mostly_false", "Mostly false", 2, "Ana")
    history = con.execute(
        """select status, valid_to is null from verification_history
                             where claim_id = ? order by sequence""",
        [claim],
    ).fetchall()
    assert history == [("unverified", False), ("in_review", False), ("rated", True)]
    con.close()
    document = json.loads((latest(night) / "claimreview.jsonld").read_text())
    assert document["@context"] == "https://schema.org"
    [review] = document["@graph"]
    assert review["@type"] == "ClaimReview"
    assert review["reviewRating"] == {
        "@type": "Rating",
        "ratingValue": 2,
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": "Mostly false",
    }
    assert review["itemReviewed"]["author"]["name"] == "Alexander Lukashenko"
    assert "non-aggression pact" in review["claimReviewed"]
    assert review["datePublished"] == "2026-11-21" and review["url"]


def test_quality_gate_blocks_a_shrinking_release(night):
    """Withdrawing an article makes the release smaller than the last: the gate says no."""
    before = latest(night).name
    database = night[1] / "warehouse" / "factcheck.duckdb"
    db_digest = sha256_file(database)
    seed = night[0] / "articles" / "seeds" / SEED_FILES[1].name
    seed.unlink()
    result = factcheck(night, "run")
    assert result.returncode == 3, result.stdout + result.stderr
    assert "quality gate blocked the release" in result.stderr
    assert "expect_table_row_count_to_be_between" in result.stderr
    assert latest(night).name == before
    assert sha256_file(database) == db_digest
    kept = list((night[1] / "validation").glob("*.json"))
    assert kept and json.loads(kept[0].read_text())["summary"]["success"] is False
    releases = night[1] / "releases"
    assert not [p for p in releases.iterdir() if p.name.startswith(".staging-")]


def test_edits_keep_verdicts_attached_or_report_them_orphaned(night, db):
    """An edit elsewhere in the article keeps claim ids (and verdicts); an edit of the
    claim's own words orphans its verdicts, which are kept and reported."""
    record_pact_verdicts(night, pact_claim(db))
    seed = night[0] / "articles" / "seeds" / SEED_FILES[1].name
    original = seed.read_text(encoding="utf-8")
    warehouse = night[1] / "warehouse" / "factcheck.duckdb"

    def rated_and_orphaned() -> tuple[int, int]:
        con = duckdb.connect(str(warehouse), read_only=True)
        try:
            rated = con.execute(
                "select count(*) from verification_status where status = 'rated'"
            ).fetchone()[0]
            return rated, con.execute("select count(*) from orphaned_verdicts").fetchone()[0]
        finally:
            con.close()

    def edit_and_run(words: str, edited: str) -> str:
        seed.write_text(original.replace(words, edited), encoding="utf-8")
        result = factcheck(night, "run")
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout

    edited_elsewhere = edit_and_run("told reporters Tuesday", "told reporters on Tuesday")
    assert "published release" in edited_elsewhere
    assert rated_and_orphaned() == (1, 0)
    edited_claim = edit_and_run("Kyiv proposed Belarus", "Kyiv offered Belarus")
    assert "2 verdict(s) match no current claim" in edited_claim
    assert rated_and_orphaned() == (0, 2)
    manifest = json.loads((latest(night) / "manifest.json").read_text())
    assert manifest["inputs"]["verdicts"]["orphaned"] == 2
