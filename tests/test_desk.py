"""The review desk over HTTP: login, pages, verdicts and the rules that keep it safe.

Every test gets its own copy of a real published database (built once per session by the
pipeline's own steps) and talks to the application through FastAPI's TestClient.
"""

from __future__ import annotations

import csv
import html
import re
import socket
import stat

import pytest
from fastapi.testclient import TestClient
from markupsafe import escape

from factcheck.cli import build_parser, main
from factcheck.desk import accounts
from factcheck.desk.access import SESSION_COOKIE, LoginThrottle
from factcheck.desk.app import Desk, create_app, safe_next
from factcheck.desk.pages import PAGE_SIZE
from factcheck.desk.server import warnings
from factcheck.desk.text import paragraphs, shorten
from factcheck.fsutil import sha256_file
from factcheck.queries import connect_read_only
from factcheck.verdicts import LOG_FILE, InvalidVerdict, record
from factcheck.vocabulary import values

from .conftest import (
    HOSTILE_ARTICLE,
    REVIEWER,
    REVIEWER_PASSWORD,
    build_published_database,
    workspace_copy,
)

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


@pytest.fixture
def paths(published_workspace, tmp_path):
    return workspace_copy(published_workspace, tmp_path)


@pytest.fixture
def db(paths):
    # The desk's own way to open it: DuckDB refuses a second configuration in one process.
    con = connect_read_only(paths.warehouse_db)
    yield con
    con.close()


@pytest.fixture
def client(paths):
    with TestClient(create_app(Desk(paths))) as http:
        yield http


def log_in(client: TestClient, name: str = REVIEWER, password: str = REVIEWER_PASSWORD):
    return client.post(
        "/login", data={"username": name, "password": password}, follow_redirects=False
    )


@pytest.fixture
def reviewer(client):
    assert log_in(client).status_code == 303
    return client


def log_lines(paths) -> list[list[str]]:
    path = paths.verdicts_dir / LOG_FILE
    if not path.is_file():
        return []
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.reader(handle))


def top_claim(db) -> str:
    return db.execute(
        "select claim_id from claims join verification_status using (claim_id) "
        "where status <> 'rated' order by checkworthiness desc, claim_id limit 1"
    ).fetchone()[0]


def hostile_claim(db) -> str:
    return db.execute(
        "select claim_id from claims where claim_type = 'reported_speech' "
        "and claim_text like '%<script>%'"
    ).fetchone()[0]


def csrf_token(reviewer: TestClient, claim_id: str) -> str:
    return CSRF.search(reviewer.get(f"/claims/{claim_id}").text).group(1)


def listed_claims(page_html: str) -> list[str]:
    return re.findall(r'href="/claims/(clm_[0-9a-f]{16})#claim-in-article"', page_html)


# --- accounts -----------------------------------------------------------------------------


def test_reviewer_commands_store_a_salted_slow_hash(tmp_path, monkeypatch, capsys):
    data = ["--data", str(tmp_path / "data"), "--raw", str(tmp_path / "raw")]
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO("a long secret phrase\n"))
    assert main(["reviewer", "add", "Bea Ortiz", "--password-stdin", *data]) == 0
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO("a long secret phrase\n"))
    assert main(["reviewer", "add", "bea  ortiz", "--password-stdin", *data]) == 2
    assert "already exists" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", __import__("io").StringIO("short\n"))
    assert main(["reviewer", "add", "Cy", "--password-stdin", *data]) == 2
    assert "at least 10 characters" in capsys.readouterr().err

    stored = tmp_path / "data" / "desk" / "reviewers.json"
    assert "a long secret phrase" not in stored.read_text()
    assert stat.S_IMODE(stored.stat().st_mode) == 0o600
    assert stat.S_IMODE(stored.parent.stat().st_mode) == 0o700
    bea = accounts.find(stored, "BEA ORTIZ")
    assert bea.has_password("a long secret phrase") and not bea.has_password("a long secret")
    assert bea.cost.n >= 2**14 and len(bytes.fromhex(bea.salt)) == 16

    assert main(["reviewer", "list", *data]) == 0
    assert "Bea Ortiz" in capsys.readouterr().out
    assert main(["reviewer", "remove", "Bea Ortiz", *data]) == 0
    assert main(["reviewer", "remove", "Bea Ortiz", *data]) == 2
    assert accounts.load(stored) == {}


@pytest.mark.parametrize("name", ["", "   ", "Ana\x07Lima", "Ana\u202eamiL", "x" * 81])
def test_bad_reviewer_names_are_refused(tmp_path, name):
    with pytest.raises(accounts.AccountError):
        accounts.add(tmp_path / "reviewers.json", name, "a long secret phrase")


def test_reviewer_names_are_one_line():
    assert accounts.check_name("  Ana\n Lima ") == "Ana Lima"


# --- login, sessions, CSRF ----------------------------------------------------------------


def test_login_form_and_successful_login_sets_a_locked_down_cookie(client):
    form = client.get("/login")
    assert form.status_code == 200
    assert 'name="username"' in form.text and 'name="password"' in form.text
    response = log_in(client, name="ana lima")  # names match whatever their case
    assert response.status_code == 303 and response.headers["location"] == "/"
    cookie = response.headers["set-cookie"]
    assert cookie.startswith(f"{SESSION_COOKIE}=")
    assert "HttpOnly" in cookie and "SameSite=lax" in cookie
    assert client.get("/").status_code == 200


def test_wrong_password_and_unknown_name_are_refused_alike(client):
    for name, password in ((REVIEWER, "wrong password"), ("Nobody", REVIEWER_PASSWORD)):
        response = log_in(client, name, password)
        assert response.status_code == 401
        assert "Wrong name or password" in response.text
        assert "set-cookie" not in response.headers
    assert client.get("/", follow_redirects=False).status_code == 303


@pytest.mark.parametrize(
    "path", ["/", "/claims/clm_0123456789abcdef", "/actors/act_0123456789abcdef", "/search?q=x"]
)
def test_every_page_needs_a_session(client, path):
    response = client.get(path, follow_redirects=False)
    assert response.status_code == 303
    assert response.headers["location"].startswith("/login?next=")


def test_login_returns_to_the_page_asked_for_but_never_to_another_site(client):
    target = client.get("/search?q=flood", follow_redirects=False).headers["location"]
    login_page = client.get(target)
    assert 'name="next" value="/search?q=flood"' in login_page.text
    response = client.post(
        "/login",
        data={"username": REVIEWER, "password": REVIEWER_PASSWORD, "next": "/search?q=flood"},
        follow_redirects=False,
    )
    assert response.headers["location"] == "/search?q=flood"
    for hostile in ("//evil.example/", "https://evil.example/", "/\\evil.example", "evil"):
        assert safe_next(hostile) == "/"


def test_failed_logins_are_rate_limited(client):
    for _ in range(LoginThrottle().max_failures):
        assert log_in(client, password="not the password").status_code == 401
    response = log_in(client)  # even the right password, for a while
    assert response.status_code == 429 and "Too many failed logins" in response.text
    assert "set-cookie" not in response.headers


def test_the_throttle_forgets_old_failures_and_counts_per_name_and_address():
    now = [0.0]
    throttle = LoginThrottle(max_failures=3, window_seconds=60, clock=lambda: now[0])
    for _ in range(3):
        throttle.failed("name:ana", "address:1")
    assert throttle.wait_seconds("name:ana", "address:2") == 60
    assert throttle.wait_seconds("name:bea", "address:1") == 60
    assert throttle.wait_seconds("name:bea", "address:2") == 0
    now[0] = 61
    assert throttle.wait_seconds("name:ana", "address:1") == 0


def test_a_removed_reviewer_is_logged_out_at_the_next_click(reviewer, paths):
    accounts.remove(paths.reviewers_file, REVIEWER)
    assert reviewer.get("/", follow_redirects=False).status_code == 303


def test_logout_needs_the_form_token_and_ends_the_session(reviewer, db):
    token = csrf_token(reviewer, top_claim(db))
    assert reviewer.post("/logout", data={"csrf_token": "forged"}).status_code == 403
    assert reviewer.get("/", follow_redirects=False).status_code == 200
    response = reviewer.post("/logout", data={"csrf_token": token}, follow_redirects=False)
    assert response.status_code == 303
    assert reviewer.get("/", follow_redirects=False).status_code == 303


def test_responses_forbid_scripts_and_framing(reviewer):
    headers = reviewer.get("/").headers
    assert "default-src 'none'" in headers["content-security-policy"]
    assert headers["x-frame-options"] == "DENY" and headers["cache-control"] == "no-store"


# --- the pages ----------------------------------------------------------------------------


def test_queue_ranks_unreviewed_claims_by_checkworthiness(reviewer, db):
    expected = [
        row[0]
        for row in db.execute(
            "select claim_id from claims join verification_status using (claim_id) "
            "where status <> 'rated' order by checkworthiness desc, claim_id limit ?",
            [PAGE_SIZE],
        ).fetchall()
    ]
    page = reviewer.get("/")
    assert page.status_code == 200
    assert listed_claims(page.text) == expected
    total = db.execute("select count(*) from claims").fetchone()[0]
    assert f"of {total}" in page.text
    second = listed_claims(reviewer.get("/?page=2").text)
    assert second and not set(second) & set(expected)


@pytest.mark.parametrize(
    "query, where",
    [
        ("claim_type=direct_quote", "claim_type = 'direct_quote'"),
        ("signal=hedged", "list_contains(signals, 'hedged')"),
        (
            "speaker=berg",
            "(speaker_name ilike '%berg%' or speaker_actor_id in "
            "(select actor_id from actors where name ilike '%berg%'))",
        ),
        ("status=unverified&claim_type=assertion", "claim_type = 'assertion'"),
    ],
)
def test_queue_filters(reviewer, db, query, where):
    expected = {
        row[0]
        for row in db.execute(
            "select claim_id from claims join verification_status using (claim_id) "
            f"where status <> 'rated' and {where}"
        ).fetchall()
    }
    assert expected, f"the test data has no claim where {where}"
    shown = listed_claims(reviewer.get(f"/?{query}").text)
    assert set(shown) == expected or (len(shown) == PAGE_SIZE and set(shown) <= expected)


def test_queue_offers_the_contract_choices(reviewer):
    page = reviewer.get("/").text
    for value in values("claim_type") + values("signal"):
        assert f'<option value="{value}"' in page


@pytest.mark.parametrize(
    "query, message",
    [
        ("claim_type=rumour", "unknown claim type"),
        ("signal=loud", "unknown signal"),
        ("page=abc", "is not a number"),
        ("page=0", "numbered from 1"),
    ],
)
def test_bad_filters_get_a_clear_error(reviewer, query, message):
    response = reviewer.get(f"/?{query}")
    assert response.status_code == 400 and message in html.unescape(response.text)


def test_claim_page_marks_the_claim_in_its_article(reviewer, db):
    claim_id, claim_text, speaker_id, speaker = db.execute(
        "select claim_id, claim_text, speaker_actor_id, speaker_name from claims "
        "where location = 'body' and speaker_actor_id is not null "
        "order by checkworthiness desc, claim_id limit 1"
    ).fetchone()
    page = reviewer.get(f"/claims/{claim_id}")
    assert page.status_code == 200
    marked = re.findall(r"<mark[^>]*>(.*?)</mark>", page.text, re.DOTALL)
    assert [html.unescape(m) for m in marked] == [claim_text]
    assert f'<a href="/actors/{speaker_id}">{html.escape(speaker)}</a>' in page.text
    assert 'name="csrf_token"' in page.text and 'name="label"' in page.text
    history = page.text[page.text.index("<h2>History</h2>") :]
    assert "unverified" in history


def test_unknown_claim_actor_and_path_are_not_found(reviewer):
    assert reviewer.get("/claims/clm_0123456789abcdef").status_code == 404
    assert reviewer.get("/claims/%3Cscript%3E").status_code == 404
    assert reviewer.get("/actors/act_0123456789abcdef").status_code == 404
    nowhere = reviewer.get("/nowhere/<b>")
    assert nowhere.status_code == 404 and "text/html" in nowhere.headers["content-type"]
    assert "<b>" not in nowhere.text


def test_hostile_article_is_shown_as_text(reviewer, db):
    page = reviewer.get(f"/claims/{hostile_claim(db)}").text
    assert "<script" not in page.lower() and "<b>" not in page and "<img" not in page
    assert "&lt;script&gt;alert(&#34;body&#34;)&lt;/script&gt;" in page
    assert "&lt;script&gt;alert(&#34;headline&#34;)&lt;/script&gt;" in page
    assert str(escape(HOSTILE_ARTICLE["publisher"])) in page
    assert "javascript:" not in page  # the article's URL is not made a link
    queue = reviewer.get("/?speaker=berg").text
    assert "&lt;script&gt;" in queue and "<script" not in queue.lower()


def test_actor_page_lists_roles_aliases_and_every_claim(reviewer, db):
    actor_id, name, claims = db.execute(
        "select actor_id, any_value(name), count(distinct claim_id) from claim_actors "
        "join actors using (actor_id) where relation = 'speaker' "
        "group by actor_id order by 3 desc, 1 limit 1"
    ).fetchone()
    every = db.execute(
        "select count(distinct claim_id) from claim_actors where actor_id = ?", [actor_id]
    ).fetchone()[0]
    page = reviewer.get(f"/actors/{actor_id}").text
    assert f"<h1>{html.escape(name)}" in page
    assert "Roles" in page and "Also written as" in page
    assert len(listed_claims(page)) == min(every, PAGE_SIZE) and claims <= every
    assert 'class="tag relation">speaker' in page


def test_search_finds_claims_and_headlines_and_takes_wildcards_literally(reviewer, db):
    page = reviewer.get("/search", params={"q": "flood BARRIER"}).text
    found = set(listed_claims(page))
    in_hostile = {
        row[0]
        for row in db.execute(
            "select claim_id from claims join articles using (article_id) "
            "where headline ilike '%flood barrier%'"
        ).fetchall()
    }
    assert in_hostile and in_hostile <= found
    assert "Anna Berg" in reviewer.get("/search", params={"q": "berg"}).text  # actors too
    percent = listed_claims(reviewer.get("/search", params={"q": "%"}).text)
    holding = db.execute(
        "select count(*) from claims join articles using (article_id) "
        "where contains(claim_text || sentence_text || headline, '%')"
    ).fetchone()[0]
    assert (
        len(percent)
        == min(holding, PAGE_SIZE)
        < db.execute("select count(*) from claims").fetchone()[0]
    )
    assert reviewer.get("/search", params={"q": " ".join("w" * 9)}).status_code == 400


def test_long_claims_are_cut_between_words_and_link_to_the_whole(reviewer, db):
    claim_id, text = db.execute(
        "select claim_id, claim_text from claims order by length(claim_text) desc limit 1"
    ).fetchone()
    assert len(text) > 280
    page = reviewer.get("/search", params={"q": " ".join(text.split()[5:9])}).text
    row = re.search(rf'href="/claims/{claim_id}#claim-in-article">(.*?)</a>', page, re.DOTALL)
    shown = html.unescape(row.group(1))
    assert shown.endswith("…") and text.startswith(shown[:-1])
    assert text[len(shown) - 1] in " ,;:—-"  # the cut falls between words
    assert html.escape(text, quote=False) in reviewer.get(f"/claims/{claim_id}").text


def test_without_a_published_database_pages_say_so(reviewer, paths):
    paths.warehouse_db.unlink()
    response = reviewer.get("/")
    assert response.status_code == 503 and "factcheck run" in response.text


# --- verdicts -----------------------------------------------------------------------------


def test_verdict_lands_in_the_log_under_the_logged_in_name_and_shows_pending(reviewer, db, paths):
    claim_id = hostile_claim(db)
    response = reviewer.post(
        f"/claims/{claim_id}/verdict",
        data={
            "csrf_token": csrf_token(reviewer, claim_id),
            "status": "rated",
            "label": "mostly false",
            "evidence_url": "https://example.org/flood-report",
            "note": "Council minutes: <script>x</script> 25 percent, not 40",
            "reviewed_by": "Mallory",  # not a field of the form: ignored
        },
        follow_redirects=False,
    )
    assert response.status_code == 303
    header, row = log_lines(paths)
    assert header[:4] == ["claim_id", "status", "rating_label", "reviewed_by"]
    assert row[:4] == [claim_id, "rated", "mostly false", REVIEWER]
    page = reviewer.get(response.headers["location"]).text
    assert "Verdict recorded" in page
    pending = page[page.index('class="verdict verdict-pending"') :]
    assert "mostly false" in pending and REVIEWER in pending
    assert "Council minutes: &lt;script&gt;x&lt;/script&gt;" in pending
    assert "verdict pending" in reviewer.get("/?speaker=berg").text


def post_verdict(reviewer, claim_id, **overrides):
    fields = {"csrf_token": csrf_token(reviewer, claim_id), "status": "rated", "label": "False"}
    return reviewer.post(f"/claims/{claim_id}/verdict", data=fields | overrides)


@pytest.mark.parametrize(
    "overrides, code, reason",
    [
        ({"csrf_token": "forged"}, 403, "did not come from this desk"),
        ({"csrf_token": ""}, 403, "did not come from this desk"),
        ({"label": "Kinda true"}, 400, "unknown rating label 'Kinda true'"),
        ({"label": ""}, 400, "needs a rating label"),
        ({"status": "done"}, 400, "status 'done' must be one of"),
        ({"evidence_url": "javascript:alert(1)"}, 400, "not a valid http(s) URL"),
    ],
)
def test_refused_verdicts_write_nothing_and_say_why(reviewer, db, paths, overrides, code, reason):
    claim_id = top_claim(db)
    response = post_verdict(reviewer, claim_id, **overrides)
    assert response.status_code == code
    assert reason in html.unescape(response.text)
    assert log_lines(paths) == []


def test_refused_verdict_keeps_what_was_typed(reviewer, db):
    page = post_verdict(reviewer, top_claim(db), label="Kinda true", note="keep <this>").text
    assert "keep &lt;this&gt;</textarea>" in page


def test_verdict_needs_a_session_and_a_published_claim(reviewer, db, paths):
    claim_id = top_claim(db)
    token = csrf_token(reviewer, claim_id)
    reviewer.cookies.clear()
    response = reviewer.post(
        f"/claims/{claim_id}/verdict", data={"csrf_token": token, "status": "in_review"}
    )
    assert response.status_code == 401
    log_in(reviewer)
    response = reviewer.post(
        "/claims/clm_0123456789abcdef/verdict",
        data={"csrf_token": csrf_token(reviewer, claim_id), "status": "in_review"},
    )
    assert response.status_code == 404
    assert log_lines(paths) == []


def test_record_refuses_unknown_claims_and_a_missing_database(paths, db):
    fields = {
        "claim_id": "clm_0123456789abcdef",
        "status": "in_review",
        "reviewed_by": "Ana",
        "reviewed_at": "2026-11-22T10:00:00+00:00",
    }
    with pytest.raises(InvalidVerdict, match="not in the published database"):
        record(fields, paths)
    paths.warehouse_db.unlink()
    with pytest.raises(InvalidVerdict, match="no published database"):
        record(fields | {"claim_id": top_claim(db)}, paths)
    assert log_lines(paths) == []


@pytest.mark.e2e
def test_the_next_run_publishes_the_pending_verdict_and_the_desk_reads_it(
    published_workspace, tmp_path
):
    paths = workspace_copy(published_workspace, tmp_path, with_build=True)
    con = connect_read_only(paths.warehouse_db)
    claim_id = hostile_claim(con)
    con.close()
    with TestClient(create_app(Desk(paths))) as client:
        log_in(client)
        assert post_verdict(client, claim_id, label="Mostly false").status_code == 200
        assert "verdict-pending" in client.get(f"/claims/{claim_id}").text

        build_published_database(paths)  # the next night, swapped in under the running desk

        page = client.get(f"/claims/{claim_id}").text
        assert "verdict-pending" not in page
        published = page[page.index('class="verdict verdict-published"') :]
        assert "Mostly false" in published and REVIEWER in published
        history = page[page.index("<h2>History</h2>") :]
        assert history.count("<tr>") == 1 + 2  # header, unverified, rated
        assert claim_id not in client.get("/?speaker=berg").text  # no longer awaiting review


def test_the_desk_never_writes_the_database(reviewer, db, paths):
    before = sha256_file(paths.warehouse_db)
    claim_id = top_claim(db)
    assert post_verdict(reviewer, claim_id).status_code == 200
    for path in ("/", f"/claims/{claim_id}", "/search?q=said", "/?signal=hedged&page=1"):
        assert reviewer.get(path).status_code == 200
    assert sha256_file(paths.warehouse_db) == before
    assert not list(paths.warehouse_db.parent.glob("*.wal"))


# --- the server and its text helpers ------------------------------------------------------


def test_serve_listens_on_loopback_unless_told_otherwise(paths):
    args = build_parser().parse_args(["serve"])
    assert (args.host, args.port) == ("127.0.0.1", 8765)
    assert not any("reachable from other machines" in w for w in warnings(paths, "127.0.0.1"))
    assert any("TLS" in w for w in warnings(paths, "0.0.0.0"))


def test_serve_says_when_it_cannot_listen(paths, capsys):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = str(taken.getsockname()[1])
        assert main(["serve", "--port", port, "--data", str(paths.data)]) == 1
    assert f"could not listen on 127.0.0.1:{port}" in capsys.readouterr().err
    with pytest.raises(SystemExit):
        build_parser().parse_args(["serve", "--port", "70000"])
    assert "not a TCP port" in capsys.readouterr().err


def test_paragraphs_mark_a_claim_across_paragraph_breaks():
    text = "First one here.\n\nSecond starts. Then more.\n\nThird."
    start, end = text.index("here"), text.index("Then")
    paras = paragraphs(text, start, end)
    assert [p.marked for p in paras] == [True, True, False]
    marked = [s.text for p in paras for s in p.segments if s.marked]
    assert marked == ["here.", "Second starts. "]
    assert "".join(s.text for s in paras[1].segments) == "Second starts. Then more."


def test_shorten_cuts_between_words():
    assert shorten("short text", 20) == "short text"
    assert shorten("the quick brown fox jumps", 12) == "the quick…"
    assert shorten("the quick, brown fox", 11) == "the quick…"
    assert shorten("x" * 30, 10) == "x" * 10 + "…"
