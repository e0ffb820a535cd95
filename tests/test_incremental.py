"""Incremental marts: a night merges only what changed, and gives the very tables a full
rebuild (`dbt build --full-refresh`) gives — new, changed and removed articles, a verdict,
a lone surname that another article's full name re-resolves, claim groups that a longer
quote joins, a bridging quote merges and a removed earliest member renames, and
fact-checks added to the collection."""

from __future__ import annotations

import json
import re
import shutil
from datetime import UTC, datetime
from pathlib import Path

import duckdb
import pytest

from factcheck import pipeline
from factcheck.bench.corpus import write_corpus, write_factchecks
from factcheck.contract import published_tables
from factcheck.settings import Paths
from factcheck.transform import (
    BuildState,
    DbtBuildFailed,
    build,
    dbt_vars,
    run_dbt,
    write_build_numbers,
)
from factcheck.verdicts import Verdict, append

pytestmark = pytest.mark.e2e


def night(paths: Paths, run_id: str, full_refresh: bool = False) -> set[str]:
    """Ingest and build; the names of the dbt tests the build ran."""
    pipeline.ingest(paths, run_id)
    outcome = build(paths, full_refresh=full_refresh)
    return {n.unique_id.split(".")[2] for n in outcome.nodes if n.unique_id.startswith("test.")}


# Tests of a mart that the release gate repeats, and of a seed: every build that is a full
# refresh runs them, an incremental one leaves them to the gate (transform.night_exclusions).
GATE_REPEATED = {
    "not_null_claims_claim_id",
    "relationships_claims_article_id__article_id__ref_articles_",
    "unique_verification_status_claim_id",
    "in_vocabulary_claims_claim_type",
    "unique_stopwords_word",
}


def published(paths: Paths) -> dict[str, list[tuple]]:
    """Every published table of the build database, in its release order."""
    con = duckdb.connect(str(paths.build_db), read_only=True)
    try:
        return {
            table: con.execute(f"select * from main.{table} order by {order}").fetchall()
            for table, order in published_tables().items()
        }
    finally:
        con.close()


# The grouping's bookkeeping, without the builds that stamped its rows: incremental, it
# must hold what a full refresh computes.
GROUPING = {
    "int_claim_units": ("unit_key, speaker_key, text_key, norm_text, n_words", "unit_key"),
    "int_unit_choices": ("unit_key, representative", "unit_key"),
    "int_claim_groups": (
        "claim_id, claim_group_id, representative_unit_key, first_claim_id",
        "claim_id",
    ),
    "int_text_relations": ("covered, covering, relation", "covered, covering"),
}


def grouping(paths: Paths) -> dict[str, list[tuple]]:
    return {
        table: query(paths, f"select {columns} from intermediate.{table} order by {order}")
        for table, (columns, order) in GROUPING.items()
    }


def query(paths: Paths, sql: str, *parameters: object) -> list[tuple]:
    con = duckdb.connect(str(paths.build_db), read_only=True)
    try:
        return con.execute(sql, list(parameters)).fetchall()
    finally:
        con.close()


def changed_articles(paths: Paths) -> int:
    return query(paths, "select count(*) from intermediate.int_changed_articles")[0][0]


# Quotations by one speaker, each in an article of its own: BARRIER is quoted at greater
# length by LONGER, and BRIDGING contains both BARRIER and BRIDGE.
BARRIER = "The flood barrier will be finished before the winter storms arrive"
BRIDGE = "The new bridge will open to traffic before the end of the year"
LONGER = BARRIER + ", and the harbour wall will follow by the spring"
BRIDGING = BARRIER + " and " + BRIDGE[0].lower() + BRIDGE[1:]


def write_quote(paths: Paths, name: str, words: str) -> Path:
    path = paths.raw / "articles" / f"{name}.txt"
    path.write_text(f"Harbour works, {name}\n\n“{words},” Mayor Anna Berg said on Monday.\n")
    return path


def gone_keys(paths: Paths) -> set[tuple[str, str, int]]:
    """The keys recorded as having left the build: (kind, key, build that deleted them)."""
    return set(query(paths, "select kind, key, gone_in from build.gone_keys"))


def killed_build(paths: Paths, run_id: str, up_to: str) -> None:
    """Ingest, then a build that dies after the models up to `up_to` (the build state is
    not advanced: the next build redoes it with the same number)."""
    pipeline.ingest(paths, run_id)
    last = BuildState.read(paths)
    write_build_numbers(paths, build=last.number + 1, since=last.number)
    run_dbt("run", paths, "--select", f"+{up_to}", "--vars", dbt_vars())


def article_titled(paths: Paths, title: str) -> str:
    [(article_id,)] = query(paths, "select article_id from main.articles where headline = ?", title)
    return article_id


def claim_of(paths: Paths, name: str) -> tuple[str, str, str]:
    """(claim_id, article_id, claim_group_id) of the one claim of article `name`."""
    rows = query(
        paths,
        "select c.claim_id, c.article_id, c.claim_group_id from main.claims as c "
        "inner join main.articles as a using (article_id) where a.headline like ?",
        f"%works, {name}",
    )
    assert len(rows) == 1, rows
    return rows[0]


# A fact-check of the longer quote, added to the collection on the third night.
LONGER_REVIEW = {
    "@context": "https://schema.org",
    "@type": "ClaimReview",
    "url": "https://checks.example.org/harbour/1",
    "claimReviewed": "Anna Berg says the flood barrier will be finished before the winter "
    "storms and the harbour wall by spring.",
    "datePublished": "2026-01-05",
    "author": {"@type": "Organization", "name": "Full Fact"},
    "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": "Anna Berg"}},
    "reviewRating": {"@type": "Rating", "alternateName": "Misleading"},
}


def assert_data_tests_read_tonight(paths: Paths, copy: Path) -> None:
    """On a copy of the build database after a night, dbt's data test of a mart merged by
    article fails on a blank claim of an article rebuilt tonight, and leaves one of an
    older article to the release's whole-table checks; the tests of the stg_articles view
    read only the texts loaded since the last build; those of claim_groups only the groups
    it rebuilt, and those of the fact-check candidates only the units matched since the
    last build; a range test reads the whole table (macros/tested_tonight.sql)."""
    shutil.copytree(paths.data, copy / "data")
    blanked = Paths(raw=paths.raw, data=copy / "data")
    con = duckdb.connect(str(blanked.build_db))
    try:
        old, new = (
            con.execute(
                f"select min(claim_id) from main.claims where article_id {side} "
                "(select article_id from intermediate.int_changed_articles)"
            ).fetchone()[0]
            for side in ("not in", "in")
        )
        assert old and new
        con.execute("update main.claims set claim_text = ' ' where claim_id = ?", [old])
        old_text, new_text = (
            row[0]
            for row in con.execute(
                "select content_sha256 from intermediate.int_article_versions "
                "where duplicate_count = 0 order by content_sha256 limit 2"
            ).fetchall()
        )
        # a loaded text that the last build staged: not read again
        con.execute("update raw.articles set headline = ' ' where content_sha256 = ?", [old_text])
        # the groups claim_groups rebuilt: changed members, or a member in a rebuilt article
        rebuilt = (
            "select claim_group_id from intermediate.int_claim_group_members "
            "where changed_in = (select build from build.numbers) union "
            "select claim_group_id from intermediate.int_claim_groups where claim_id in "
            "(select claim_id from main.claims where article_id in "
            "(select article_id from intermediate.int_changed_articles))"
        )
        old_group, new_group = (
            con.execute(
                f"select min(claim_group_id) from main.claim_groups "
                f"where claim_group_id {side} ({rebuilt})"
            ).fetchone()[0]
            for side in ("not in", "in")
        )
        assert old_group and new_group
        con.execute(
            "update main.claim_groups set canonical_text = ' ' where claim_group_id = ?",
            [old_group],
        )
        # the third night matched every unit again (a new fact-check): one unit is made an
        # old one, and its rank 1 duplicated
        old_unit, new_unit = (
            row[0]
            for row in con.execute(
                "select distinct unit_key from intermediate.int_claim_fact_check_candidates "
                "order by unit_key limit 2"
            ).fetchall()
        )
        since = con.execute("select since from build.numbers").fetchone()[0]
        con.execute(
            "update intermediate.int_claim_fact_check_candidates set built_in = ? "
            "where unit_key = ?",
            [since, old_unit],
        )
        duplicate_rank = (
            "insert into intermediate.int_claim_fact_check_candidates "
            "select * from intermediate.int_claim_fact_check_candidates "
            "where unit_key = ? and rank = 1"
        )
        con.execute(duplicate_rank, [old_unit])
    finally:
        con.close()
    failing = (
        "not_blank_claims_claim_text",
        "not_blank_stg_articles_headline",
        "not_blank_claim_groups_canonical_text",
        "unique_combination_int_claim_fact_check_candidates_unit_key__rank",
    )
    test = ("test", blanked, "--select", *failing, "--vars", dbt_vars())
    run_dbt(*test)  # the old article's blank claim and the staged text are not read
    con = duckdb.connect(str(blanked.build_db))
    try:
        con.execute("update main.claims set claim_text = ' ' where claim_id = ?", [new])
        # a copy loaded again since the last build: read
        con.execute(
            "update raw.articles set headline = ' ', loaded_at = loaded_at + interval 1 second "
            "where content_sha256 = ?",
            [new_text],
        )
        con.execute(
            "update main.claim_groups set canonical_text = ' ' where claim_group_id = ?",
            [new_group],
        )
        con.execute(duplicate_rank, [new_unit])
    finally:
        con.close()
    with pytest.raises(DbtBuildFailed) as failed:
        run_dbt(*test)
    assert all(name in str(failed.value) for name in failing), failed.value
    # a range test reads the whole table (DuckDB answers it from row-group statistics):
    # an old article's bad count fails it
    ranged = "accepted_range_articles_word_count__1"
    run_dbt("test", blanked, "--select", ranged, "--vars", dbt_vars())
    con = duckdb.connect(str(blanked.build_db))
    try:
        con.execute(
            "update main.articles set word_count = 0 where article_id = (select min(article_id) "
            "from main.articles where article_id not in "
            "(select article_id from intermediate.int_changed_articles))"
        )
    finally:
        con.close()
    with pytest.raises(DbtBuildFailed, match=ranged):
        run_dbt("test", blanked, "--select", ranged, "--vars", dbt_vars())


def assert_fact_check_tests_read_when_changed(paths: Paths, copy: Path) -> None:
    """On a copy of the build database after a night whose fact-checks the last complete
    build had already tested, the data tests of what is made from them alone read no row
    (a blank review left in the fact_checks mart passes); once the loaded fact-checks
    differ, they read every row again (macros/tested_tonight.sql)."""
    shutil.copytree(paths.data, copy / "data")
    blanked = Paths(raw=paths.raw, data=copy / "data")
    update_build(
        blanked,
        "update main.fact_checks set claim_reviewed = ' ' "
        "where fact_check_id = (select min(fact_check_id) from main.fact_checks)",
    )
    test = ("test", blanked, "--select", "not_blank_fact_checks_claim_reviewed")
    run_dbt(*test, "--vars", dbt_vars())
    update_build(
        blanked,
        "update raw.fact_checks set claimant = coalesce(claimant, '') || ' (ed.)' "
        "where rowid = (select max(rowid) from raw.fact_checks)",
    )
    with pytest.raises(DbtBuildFailed, match="not_blank_fact_checks_claim_reviewed"):
        run_dbt(*test, "--vars", dbt_vars())


# The tables made from the published fact-checks alone.
FACT_CHECK_TABLES = ("int_fact_check_terms", "int_fact_check_corpus", "fact_checks")
# A statement of dbt.log: its timestamped first line, up to the next one.
LOGGED_STATEMENT = re.compile(r"^\d\d:\d\d:\d\d\.\d+ .*?(?=^\d\d:\d\d:\d\d\.\d+ |\Z)", re.M | re.S)


def statements_of_last_dbt_run(paths: Paths, node: str) -> list[str]:
    """The statements dbt ran for `node` (a unique id) in its last invocation."""
    log = (paths.dbt_log_dir / "dbt.log").read_text()
    last = log[log.rindex("Running with dbt=") :]
    return [s for s in LOGGED_STATEMENT.findall(last) if f"On {node}:" in s.splitlines()[0]]


def assert_fact_check_bodies_read_the_stamp(paths: Paths) -> None:
    """On a night whose fact-checks are unchanged, the bodies of the tables made from them
    alone decide so from int_fact_check_inputs' stamp (built before them tonight), without
    hashing the loaded fact-checks again (macros/claim_linking.sql fact_checks_unchanged)."""
    for table in FACT_CHECK_TABLES:
        statements = statements_of_last_dbt_run(paths, f"model.factcheck.{table}")
        assert statements
        assert not [s for s in statements if "sum(hash(f)" in s], table


# Claim-group rows marked as first seen a day before any article: only a row merged with
# its joiners, not aggregated again from its members, keeps the mark.
MARKED = "first_seen_at < (select min(first_seen_at) from intermediate.int_article_versions)"
GROUP_MARK = "update main.claim_groups set first_seen_at = first_seen_at {} interval 1 day"
# Actors' totals marked by 1,000 articles more (the corpus has fewer): only totals merged
# with a night's rows, not aggregated again from the archive's, keep the mark.
ACTOR_MARK = "update {} set article_count = article_count {} 1000"
ACTOR_TOTALS = ("intermediate.int_actor_totals", "main.actors")


def update_build(paths: Paths, *statements: str) -> None:
    """Run statements on the build database between nights (marking rows)."""
    con = duckdb.connect(str(paths.build_db))
    try:
        for statement in statements:
            con.execute(statement)
    finally:
        con.close()


def test_incremental_nights_equal_a_full_refresh(tmp_path: Path):
    paths = Paths(raw=tmp_path / "raw", data=tmp_path / "data")
    (paths.raw / "verdicts").mkdir(parents=True)
    write_corpus(paths.raw, 60)
    write_factchecks(paths.raw, 30)
    barrier = write_quote(paths, "barrier", BARRIER)
    write_quote(paths, "bridge", BRIDGE)
    assert night(paths, "cold") >= GATE_REPEATED
    cold = BuildState.read(paths).number
    barrier_claim, barrier_article, barrier_group = claim_of(paths, "barrier")
    bridge_claim, _, bridge_group = claim_of(paths, "bridge")
    assert barrier_group != bridge_group
    claim_id, article_id = (
        duckdb.connect(str(paths.build_db), read_only=True)
        .execute("select claim_id, article_id from main.claims order by claim_id limit 1")
        .fetchone()
    )

    # A night of new articles alone: the actors' totals are merged with their mentions and
    # claims, not aggregated again from every article's.
    actors = "select actor_id, article_count from main.actors"
    counted = dict(query(paths, actors))
    update_build(paths, *(ACTOR_MARK.format(table, "+") for table in ACTOR_TOTALS))
    # The marts look for the keys they miss among tonight's changed articles alone, not by
    # comparing every key of the archive: an unchanged article's mentions taken out before
    # the night stay out (a night never takes rows out of a mart that way).
    [(unlisted,)] = query(paths, "select min(article_id) from main.actor_mentions")
    # And int_article_versions stages and compares tonight's texts alone: an older
    # article's recorded copy count, marked, is not compared again.
    versions = "select duplicate_count from intermediate.int_article_versions where article_id = ?"
    [(copies,)] = query(paths, versions, unlisted)
    update_build(
        paths,
        "create table build.kept_mentions as select * from main.actor_mentions "
        f"where article_id = '{unlisted}'",
        f"delete from main.actor_mentions where article_id = '{unlisted}'",
        "update intermediate.int_article_versions set duplicate_count = duplicate_count + 7 "
        f"where article_id = '{unlisted}'",
    )
    write_corpus(paths.raw, 3, start=65)
    night(paths, "new articles")
    assert_fact_check_bodies_read_the_stamp(paths)
    assert (unlisted,) not in query(paths, "select * from intermediate.int_changed_articles")
    assert not query(paths, "select * from main.actor_mentions where article_id = ?", unlisted)
    assert query(paths, versions, unlisted) == [(copies + 7,)]
    update_build(
        paths,
        "insert into main.actor_mentions select * from build.kept_mentions",
        "drop table build.kept_mentions",
        f"update intermediate.int_article_versions set duplicate_count = {copies} "
        f"where article_id = '{unlisted}'",
    )
    merged = query(
        paths,
        "select actor_id from intermediate.int_actor_totals "
        "where built_in = (select build from build.numbers)",
    )
    assert {actor for (actor,) in merged} & counted.keys()
    assert all(n > 1000 for actor, n in query(paths, actors) if actor in counted)
    update_build(
        paths,
        *(ACTOR_MARK.format(table, "-") + " where article_count > 1000" for table in ACTOR_TOTALS),
    )
    # and they are what a full refresh aggregates (on a copy)
    refreshed = Paths(raw=paths.raw, data=tmp_path / "refreshed")
    shutil.copytree(paths.data, refreshed.data)
    build(refreshed, full_refresh=True)
    assert published(refreshed) == published(paths)

    write_corpus(paths.raw, 5, start=60)  # new articles
    txt = sorted((paths.raw / "articles" / "bench" / "txt").glob("*.txt"))
    txt[0].write_text(txt[0].read_text().replace(" said", " stated", 1))  # a changed article
    [(removed_article,)] = query(
        paths,
        "select article_id from intermediate.int_article_versions where source_uri like ?",
        f"%/{txt[1].name}",
    )
    removed_claims = query(
        paths, "select claim_id from main.claims where article_id = ?", removed_article
    )
    assert removed_claims
    txt[1].unlink()  # a removed article
    # A lone surname in one article, and later the one full name with that surname.
    lone = paths.raw / "articles" / "lone.txt"
    lone.write_text("Zyx budget\n\n“We will not pay,” Mayor Quarendon said on Monday.\n")
    for rated in (claim_id, bridge_claim):
        append(
            paths.verdicts_dir,
            Verdict(
                rated, "rated", "False", "Ana Lima", datetime(2026, 1, 2, tzinfo=UTC), None, None
            ),
        )
    write_quote(paths, "longer", LONGER)
    write_quote(paths, "copy", BARRIER)  # a later copy of the barrier's quote
    # a group that only took members tonight has its row merged with them, not aggregated
    # again from every member: rows marked before the night keep the mark then
    counted = dict(query(paths, "select claim_group_id, member_count from main.claim_groups"))
    update_build(paths, GROUP_MARK.format("-"))
    tested = night(paths, "second")
    marked = dict(
        query(paths, f"select claim_group_id, member_count from main.claim_groups where {MARKED}")
    )
    assert any(members > counted[group] for group, members in marked.items())
    assert barrier_group not in marked  # its representative changed: aggregated again
    update_build(paths, GROUP_MARK.format("+") + f" where {MARKED}")
    assert not GATE_REPEATED & tested
    # the removed article and its claims were recorded as they left the build: the marts
    # drop those keys rather than comparing their every key with the models above them
    second = BuildState.read(paths).number
    # no fact-check changed: the tables made from them alone were kept, not rebuilt
    fact_checks_changed_in = "select changed_in from intermediate.int_fact_check_inputs"
    assert query(paths, fact_checks_changed_in) == [(cold,)]
    assert_fact_check_tests_read_when_changed(paths, tmp_path / "fact-checks")
    assert ("article_id", removed_article, second) in gone_keys(paths)
    assert {("claim_id", claim, second) for (claim,) in removed_claims} <= gone_keys(paths)
    assert not query(paths, "select * from main.claims where article_id = ?", removed_article)
    assert {"not_blank_claims_claim_text", "in_vocabulary_int_claims_claim_type"} <= tested
    # the longer quote and the copy joined the barrier's group, which kept its name (its
    # earliest member's words), so the barrier's article was not rebuilt
    assert claim_of(paths, "longer")[2] == claim_of(paths, "copy")[2] == barrier_group
    assert claim_of(paths, "barrier")[2] == barrier_group
    assert (barrier_article,) not in query(
        paths, "select article_id from intermediate.int_changed_articles"
    )
    # The third night: the one full name that explains the lone surname; a fact-check of
    # the longer quote; a quote containing both the barrier's and the bridge's, which merges
    # their groups; and the barrier's article withdrawn, so the merged group is named after
    # the bridge now (its earliest member left). The longer quote leaves the group (a quote
    # covered by two longer ones follows the longest, here the bridging quote, which does
    # not contain it).
    (paths.raw / "articles" / "full.txt").write_text(
        "Quarendon speaks\n\n“Nothing was paid,” Mayor Elsa Quarendon said on Tuesday.\n"
    )
    (paths.raw / "factchecks" / "extra.jsonl").write_text(json.dumps(LONGER_REVIEW) + "\n")
    write_quote(paths, "bridging", BRIDGING)
    barrier.unlink()
    # a build killed after the claims' models dropped the barrier's claims and before the
    # marts did: its records stay for the next build, which drops them from the marts
    killed_build(paths, "killed", up_to="int_claim_texts")
    assert ("claim_id", barrier_claim, second + 1) in gone_keys(paths)
    assert query(paths, "select count(*) from main.claims where claim_id = ?", barrier_claim) == [
        (1,)
    ]
    night(paths, "third")
    assert query(paths, fact_checks_changed_in) == [(BuildState.read(paths).number,)]
    # the records of the second night, a complete build, were dropped
    assert {gone_in for _, _, gone_in in gone_keys(paths)} == {second + 1}
    # claim_groups rebuilt only the groups that changed: the merged one, the longer quote's
    # new one, and the barrier's (withdrawn, so dropped); not the corpus's other groups
    rebuilt = {
        row[0]
        for row in query(
            paths,
            "select claim_group_id from intermediate.int_claim_group_members "
            "where changed_in = (select build from build.numbers)",
        )
    }
    assert {bridge_group, claim_of(paths, "longer")[2]} <= rebuilt
    assert barrier_group not in {row[0] for row in query(paths, "select * from main.claim_groups")}
    assert len(rebuilt) < query(paths, "select count(*) from main.claim_groups")[0][0] / 4
    # int_claim_groups followed again only the chains of the units whose choice changed and
    # of tonight's claims, and named again only the groups those join or leave: it wrote
    # the claims whose group changed, not every claim of the corpus
    regrouped = query(
        paths,
        "select count(*) from intermediate.int_claim_groups "
        "where built_in = (select build from build.numbers)",
    )[0][0]
    assert 0 < regrouped < query(paths, "select count(*) from main.claims")[0][0] / 4
    # rebuilt: the new articles, the one whose speaker the full name re-resolved, and the
    # two whose claims changed group — nothing else
    changed = {row[0] for row in query(paths, "select * from intermediate.int_changed_articles")}
    assert changed == {
        *(article_titled(paths, title) for title in ("Quarendon speaks", "Zyx budget")),
        *(claim_of(paths, name)[1] for name in ("longer", "copy", "bridging")),
    }
    names = {row[0] for row in query(paths, "select name from main.actors")}
    assert "Elsa Quarendon" in names and "Quarendon" not in names
    assert {claim_of(paths, name)[2] for name in ("copy", "bridging", "bridge")} == {bridge_group}
    assert claim_of(paths, "longer")[2] not in (bridge_group, barrier_group)
    # the copy carries the verdict given on the bridge's claim
    assert query(
        paths,
        "select status, rated_claim_id from main.verification_status where claim_id = ?",
        claim_of(paths, "copy")[0],
    ) == [("rated", bridge_claim)]
    assert not query(paths, "select * from main.claims where claim_id = ?", barrier_claim)
    # the new fact-check matched the longer quote (every unit was matched again)
    assert query(
        paths,
        "select count(*) from main.claim_fact_checks where claim_id = ? and fact_check_id "
        "in (select fact_check_id from main.fact_checks where review_url = ?)",
        claim_of(paths, "longer")[0],
        LONGER_REVIEW["url"],
    ) == [(1,)]
    incremental, grouped = published(paths), grouping(paths)
    assert_data_tests_read_tonight(paths, tmp_path / "blanked")

    assert night(paths, "rebuild", full_refresh=True) >= GATE_REPEATED
    assert published(paths) == incremental
    assert grouping(paths) == grouped
    assert changed_articles(paths) > 60  # a full refresh takes every article
    assert article_id  # the rated claim's article is still there
