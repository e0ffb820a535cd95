"""The review desk in a real browser: headless Chromium, driven by selenium, against
`factcheck serve` started as a person starts it. Skipped, with the reason, where Chromium
or its driver is not installed (see README, "For fact-checkers").
"""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from factcheck.queries import connect_read_only
from factcheck.verdicts import LOG_FILE

from . import browser
from .conftest import REVIEWER, REVIEWER_PASSWORD, workspace_copy

pytestmark = pytest.mark.e2e


@pytest.fixture(scope="module")
def driver():
    reason = browser.missing()
    if reason:
        pytest.skip(f"browser tests skipped: {reason}")
    with browser.headless_chromium() as chromium:
        yield chromium


@pytest.fixture
def desk(published_workspace, tmp_path):
    paths = workspace_copy(published_workspace, tmp_path)
    with browser.served(paths.raw, paths.data) as running:
        yield running, paths


def by_css(driver, selector: str):
    from selenium.webdriver.common.by import By

    return driver.find_elements(By.CSS_SELECTOR, selector)


def test_log_in_open_a_claim_record_a_verdict_and_see_it_pending(driver, desk):
    running, paths = desk
    driver.get(f"{running.url}/")
    assert "/login" in driver.current_url  # no session yet
    browser.log_in(driver, running.url, REVIEWER, REVIEWER_PASSWORD)

    assert by_css(driver, "h1")[0].text == "What to check first"
    rows = by_css(driver, "table.claims tbody tr")
    assert len(rows) > 10
    first = by_css(driver, "a.claim-link")[0]
    claim_id = first.get_attribute("href").rsplit("/", 1)[1].split("#")[0]
    browser.follow(driver, first)

    con = connect_read_only(paths.warehouse_db)
    try:
        claim_text = con.execute(
            "select claim_text from claims where claim_id = ?", [claim_id]
        ).fetchone()[0]
    finally:
        con.close()
    mark = by_css(driver, "article mark")[0]
    assert mark.is_displayed() and mark.text == " ".join(claim_text.split())

    browser.record_verdict(
        driver, "rated", "Mostly false", "https://example.org/evidence", "Figures differ"
    )
    assert "Verdict recorded" in by_css(driver, "p.done")[0].text
    pending = by_css(driver, ".verdict-pending")[0].text
    assert "Mostly false" in pending and REVIEWER in pending and "Figures differ" in pending
    with (paths.verdicts_dir / LOG_FILE).open(newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert [(r["claim_id"], r["rating_label"], r["reviewed_by"]) for r in rows] == [
        (claim_id, "Mostly false", REVIEWER)
    ]


def test_search_and_a_hostile_article_shown_as_text(driver, desk):
    from selenium.common.exceptions import NoAlertPresentException

    running, _ = desk
    browser.log_in(driver, running.url, REVIEWER, REVIEWER_PASSWORD)
    by_css(driver, "form.search input[name=q]")[0].send_keys("flood barrier")
    browser.follow(driver, by_css(driver, "form.search button[type=submit]")[0])
    assert "/search?q=flood+barrier" in driver.current_url
    results = by_css(driver, "a.claim-link")
    hostile = [r for r in results if "<script>" in r.text]
    assert hostile, [r.text for r in results]
    browser.follow(driver, hostile[0])
    assert '<script>alert("body")</script>' in by_css(driver, "article")[0].text
    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert.text  # noqa: B018 — no script of the article ran


def test_the_server_listens_on_loopback_only(desk):
    running, _ = desk
    listening = Path("/proc/net/tcp")
    if not listening.is_file():
        pytest.skip("no /proc/net/tcp on this system")
    port = f"{running.port:04X}"
    addresses = [
        fields[1].split(":")[0]
        for fields in (line.split() for line in listening.read_text().splitlines()[1:])
        if fields[1].endswith(f":{port}") and fields[3] == "0A"  # 0A: listening
    ]
    assert addresses == ["0100007F"]  # 127.0.0.1
