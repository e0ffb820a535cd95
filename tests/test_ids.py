"""Python and SQL build ids the same way, so both sides of the pipeline agree."""

from __future__ import annotations

import duckdb
import jinja2

from factcheck.ids import stable_id
from factcheck.settings import DBT_PROJECT_DIR


def render_macro(prefix: str, parts: list[str]) -> str:
    source = (DBT_PROJECT_DIR / "macros" / "stable_id.sql").read_text()
    template = jinja2.Environment().from_string(source + "{{ stable_id(prefix, parts) }}")
    return template.render(prefix=prefix, parts=parts)


def test_sql_macro_matches_python():
    expression = render_macro("clm", ["a", "b", "c"])
    rows = [("art_1", "body", "He said “yes”."), ("art_2", None, "x"), ("é", "", "")]
    con = duckdb.connect()
    for a, b, c in rows:
        sql_id = con.execute(
            f"select {expression} from (select ?::varchar as a, ?::varchar as b, ?::varchar as c)",
            [a, b, c],
        ).fetchone()[0]
        assert sql_id == stable_id("clm", a, b, c)


def test_ids_are_stable_and_distinct():
    assert stable_id("art", "x") == stable_id("art", "x")
    assert stable_id("art", "x") != stable_id("art", "y")
    assert stable_id("art", "a", "bc") != stable_id("art", "ab", "c")
    assert stable_id("act", "x").startswith("act_") and len(stable_id("act", "x")) == 20


def test_every_extractor_input_is_part_of_both_versions():
    """A new word list or seed must trigger re-extraction and a new release alike."""
    from factcheck import fingerprint

    covered = {pattern for _, pattern in fingerprint._CODE_GLOBS}
    assert "**/*.txt" in covered  # src/factcheck/extract/common_words.txt
    extract_dir = fingerprint.PROJECT_ROOT / "src" / "factcheck" / "extract"
    assert (extract_dir / "common_words.txt").is_file()
