"""Ingestion into DuckDB: incremental, idempotent, nothing lost."""

from __future__ import annotations

import json
import os
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pytest

from factcheck.ingest.load import ensure_schema, ingest_articles, ingest_verdicts
from factcheck.ingest.rows import RawQuarantine, RawVerdict, insert, transaction

MAX = 1 << 20


def article(title: str, *paragraphs: str) -> str:
    return title + "\n\n" + "\n\n".join(paragraphs) + "\n"


@pytest.fixture
def raw(tmp_path: Path) -> Path:
    root = tmp_path / "raw"
    (root / "articles").mkdir(parents=True)
    (root / "verdicts").mkdir()
    return root


@pytest.fixture
def con(tmp_path: Path):
    connection = duckdb.connect(str(tmp_path / "build.duckdb"))
    yield connection
    connection.close()


def write(raw: Path, name: str, text: str | bytes) -> Path:
    path = raw / "articles" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def balance(stats) -> None:
    assert stats.records_seen == stats.loaded + stats.duplicates + stats.quarantined
    totals = stats.totals
    assert totals["records_seen"] == totals["loaded"] + totals["duplicates"] + totals["quarantined"]


def test_load_then_rerun_loads_nothing(raw, con):
    write(raw, "a.txt", article("Mayor resigns", "The mayor resigned on Monday."))
    write(raw, "b.txt", article("Storm hits coast", "A storm hit the coast, killing 3 people."))
    first = ingest_articles(con, raw, "r1", MAX)
    assert (first.files_read, first.loaded, first.quarantined) == (2, 2, 0)
    balance(first)
    second = ingest_articles(con, raw, "r2", MAX)
    assert (second.files_read, second.loaded, second.files_unchanged) == (0, 0, 2)
    assert not second.changed
    assert con.execute("select count(*) from raw.articles").fetchone()[0] == 2


def test_a_rerun_makes_no_path_per_unchanged_file(raw, con, monkeypatch):
    """A night lists every file of the archive and reads a few: the listing keeps each
    file's path as the string the directory gave, and only files read become a Path."""
    import factcheck.ingest.sources as sources

    for n in range(5):
        write(raw, f"d/a{n}.txt", article(f"Headline {n}", f"Paragraph number {n} here."))
    ingest_articles(con, raw, "r1", MAX)
    write(raw, "d/new.txt", article("A new one", "Something happened today."))
    made = []
    monkeypatch.setattr(sources, "Path", lambda *args: made.append(args) or Path(*args))
    second = ingest_articles(con, raw, "r2", MAX)
    assert (second.files_read, second.files_unchanged, second.loaded) == (1, 5, 1)
    assert {str(args[0]).rsplit("/", 1)[-1] for args in made} == {"new.txt"}


def test_provenance_is_recorded(raw, con):
    write(raw, "sub/dir/a.txt", article("Mayor resigns", "The mayor resigned on Monday."))
    ingest_articles(con, raw, "run-1", MAX)
    row = con.execute(
        "select source_uri, run_id, content_sha256, loaded_at is not null from raw.articles"
    ).fetchone()
    assert row[0] == "articles/sub/dir/a.txt" and row[1] == "run-1" and len(row[2]) == 64 and row[3]


def test_changed_file_replaces_its_rows_and_removed_file_goes(raw, con):
    path = write(raw, "a.txt", article("Mayor resigns", "The mayor resigned on Monday."))
    write(raw, "b.txt", article("Storm hits coast", "A storm hit the coast."))
    ingest_articles(con, raw, "r1", MAX)
    path.write_text(article("Mayor resigns", "The mayor resigned on Tuesday."), encoding="utf-8")
    os.utime(path, ns=(1, 1))  # a different mtime, as an edit would give
    stats = ingest_articles(con, raw, "r2", MAX)
    assert stats.files_read == 1
    bodies = {r[0] for r in con.execute("select body_text from raw.articles").fetchall()}
    assert (
        "The mayor resigned on Tuesday." in bodies and "The mayor resigned on Monday." not in bodies
    )
    (raw / "articles" / "b.txt").unlink()
    stats = ingest_articles(con, raw, "r3", MAX)
    assert stats.files_removed == 1
    assert con.execute("select count(*) from raw.articles").fetchone()[0] == 1


def test_touched_but_unchanged_file_is_not_reloaded(raw, con):
    path = write(raw, "a.txt", article("Mayor resigns", "The mayor resigned on Monday."))
    ingest_articles(con, raw, "r1", MAX)
    os.utime(path, ns=(5, 5))
    stats = ingest_articles(con, raw, "r2", MAX)
    assert stats.files_read == 0 and stats.files_unchanged == 1 and not stats.changed


def test_duplicates_under_other_names_and_line_endings(raw, con):
    text = article("Storm hits coast", "A storm hit the coast.", "Three people died.")
    write(raw, "a.txt", text)
    write(raw, "copy.txt", "\r\n  " + text.replace("\n", "\r\n") + "  \r\n")
    rows = [{"title": "Storm hits coast", "body": "A storm hit the coast.\n\nThree people died."}]
    write(raw, "feed.jsonl", "\n".join(json.dumps(r) for r in rows))
    stats = ingest_articles(con, raw, "r1", MAX)
    assert (stats.loaded, stats.duplicates) == (1, 2)
    balance(stats)
    assert stats.totals["loaded"] == 1 and stats.totals["duplicates"] == 2


def test_bad_inputs_are_quarantined_with_reasons_and_good_ones_load(raw, con):
    write(raw, "good.txt", article("Mayor resigns", "The mayor resigned on Monday."))
    write(raw, "empty.txt", "")
    write(raw, "blank.txt", "   \n\n ")
    write(raw, "binary.txt", b"\x00\x01\x02binary\x00")
    write(raw, "notes.pdf", "%PDF-1.4")
    write(
        raw,
        "feed.jsonl",
        "\n".join(
            [
                json.dumps({"title": "Ok one", "body": "Fine body text."}),
                "{not json",
                json.dumps({"title": "No body"}),
                json.dumps(["a", "list"]),
                json.dumps({"title": "Ok two", "body": "Another fine body."}),
            ]
        ),
    )
    outside = raw.parent / "outside.txt"
    outside.write_text(article("Secret", "Outside the raw directory."))
    (raw / "articles" / "link.txt").symlink_to(outside)
    write(raw, "big.txt", article("Big", "word " * 400))

    stats = ingest_articles(con, raw, "r1", 1000)
    reasons = dict(
        ((uri.split("/")[-1], line), reason)
        for uri, line, reason in con.execute(
            "select source_uri, line, reason from raw.quarantine"
        ).fetchall()
    )
    assert "empty" in reasons[("empty.txt", None)]
    assert "blank" in reasons[("blank.txt", None)]
    assert "binary" in reasons[("binary.txt", None)]
    assert "unsupported file type" in reasons[("notes.pdf", None)]
    assert "symbolic link" in reasons[("link.txt", None)]
    assert "too large" in reasons[("big.txt", None)]
    assert "not valid JSON" in reasons[("feed.jsonl", 2)]
    assert "missing required field(s): body" in reasons[("feed.jsonl", 3)]
    assert "not a JSON object" in reasons[("feed.jsonl", 4)]
    headlines = {r[0] for r in con.execute("select headline from raw.articles").fetchall()}
    assert headlines == {"Mayor resigns", "Ok one", "Ok two"}
    assert "Secret" not in headlines
    balance(stats)
    assert stats.quarantined == 9 and stats.loaded == 3


def test_reused_id_with_different_text_is_a_conflict(raw, con):
    rows = [
        {"id": "x1", "title": "First", "body": "First body."},
        {"id": "x1", "title": "Second", "body": "Second body."},
    ]
    write(raw, "feed.jsonl", "\n".join(json.dumps(r) for r in rows))
    stats = ingest_articles(con, raw, "r1", MAX)
    assert stats.loaded == 1 and stats.quarantined == 1
    reason = con.execute("select reason from raw.quarantine").fetchone()[0]
    assert "article id conflict" in reason and "line 1" in reason


def test_quarantine_keeps_first_seen_time(raw, con):
    write(raw, "empty.txt", "")
    ingest_articles(con, raw, "r1", MAX)
    first = con.execute("select first_seen_at from raw.quarantine").fetchone()[0]
    os.utime(raw / "articles" / "empty.txt", ns=(9, 9))
    ingest_articles(con, raw, "r2", MAX)
    assert con.execute("select first_seen_at from raw.quarantine").fetchone()[0] == first


def test_verdict_rows_validated_on_load(raw, con):
    claim = "clm_0123456789abcdef"
    (raw / "verdicts" / "log.csv").write_text(
        "claim_id,status,rating_label,reviewed_by,reviewed_at,evidence_url,note\n"
        f"{claim},rated,Mostly false,Ana,2026-01-02T10:00:00+00:00,https://e.org/x,ok\n"
        f"{claim},rated,,Ana,2026-01-02T10:00:00+00:00,,\n"
        f"{claim},rated,Wonderful,Ana,2026-01-02T10:00:00+00:00,,\n"
        f"bad-id,in_review,,Ana,2026-01-02T10:00:00+00:00,,\n"
        f"{claim},in_review,,Ana,yesterday,,\n"
        f"{claim},in_review,,Ana,2026-01-03T10:00:00Z,ftp://x,\n",
        encoding="utf-8",
    )
    result = ingest_verdicts(con, raw, "r1", MAX)
    assert result == {"verdict_rows": 6, "loaded": 1, "quarantined": 5}
    reasons = [
        r[0] for r in con.execute("select reason from raw.quarantine order by line").fetchall()
    ]
    assert "needs a rating label" in reasons[0]
    assert "unknown rating label 'Wonderful'" in reasons[1]
    assert "claim id 'bad-id'" in reasons[2]
    assert "ISO 8601" in reasons[3]
    assert "not a valid http(s) URL" in reasons[4]


def test_a_failed_write_leaves_nothing_behind(con):
    ensure_schema(con)
    row = RawQuarantine("articles/x.txt", None, "empty file", datetime.now(UTC), "r1")
    with pytest.raises(RuntimeError), transaction(con):
        insert(con, [row])
        raise RuntimeError("killed mid-write")
    assert con.execute("select count(*) from raw.quarantine").fetchone()[0] == 0
    with transaction(con):
        insert(con, [row])
    assert con.execute("select reason from raw.quarantine").fetchall() == [("empty file",)]


def test_rows_go_in_by_column_name_not_position(con):
    """A raw table created with its columns in another order (an older build database)
    still receives every value in its own column."""
    con.execute("create schema raw")
    con.execute(
        "create table raw.verdicts (line integer, source_uri varchar, note varchar, "
        "evidence_url varchar, reviewed_at timestamptz, reviewed_by varchar, "
        "rating_label varchar, status varchar, claim_id varchar)"
    )
    at = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
    insert(con, [RawVerdict("clm_1", "rated", "False", "Ana", at, None, "n", "verdicts/a.csv", 7)])
    row = con.execute(
        "select claim_id, status, rating_label, reviewed_by, reviewed_at, note, source_uri, line "
        "from raw.verdicts"
    ).fetchone()
    assert row == ("clm_1", "rated", "False", "Ana", at, "n", "verdicts/a.csv", 7)


def test_block_quotes_marked_by_the_source_are_kept_on_the_paragraphs_that_stay(raw, con):
    lines = [
        {
            "id": "gv-1",
            "title": "Bloggers react",
            "body": "Ana Lima wrote:\n\nWe will not forget this day.\n\nOthers disagreed.",
            "blockquote_paragraphs": [1],
        },
        {"id": "gv-2", "title": "Bad markup", "body": "One.\n\nTwo.", "blockquote_paragraphs": "1"},
        {"id": "gv-3", "title": "No markup", "body": "One paragraph only, nothing quoted."},
    ]
    write(raw, "feed.jsonl", "\n".join(json.dumps(line) for line in lines) + "\n")
    stats = ingest_articles(con, raw, "r1", MAX)
    balance(stats)
    rows = dict(con.execute("select external_id, block_quotes from raw.articles").fetchall())
    assert rows == {"gv-1": "[1]", "gv-3": None}
    [(line, reason)] = con.execute("select line, reason from raw.quarantine").fetchall()
    assert line == 2 and "blockquote_paragraphs" in reason


def test_a_build_database_from_before_a_new_column_gains_it(con):
    con.execute("create schema raw")
    con.execute("create table raw.articles (article_key varchar not null)")
    ensure_schema(con)
    columns = {row[0] for row in con.execute("describe raw.articles").fetchall()}
    assert "block_quotes" in columns  # nullable: added in place, filled as files are re-read
    assert "body_text" not in columns  # required: an old table cannot gain it
