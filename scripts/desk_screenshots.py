"""Take the README's screenshots of the review desk: the queue and a claim page.

Serves a copy of the published database (and of the verdict log) with a throw-away
reviewer account, so nothing under data/ or raw/ changes, then drives headless Chromium:
the queue of direct quotes, then a claim with a verdict recorded and still pending. Needs `make run` first
and Debian's chromium and chromium-driver. From the repository root:

    .venv/bin/python scripts/desk_screenshots.py [--raw raw] [--data data] [--out docs]
"""

from __future__ import annotations

import argparse
import secrets
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from factcheck.desk import accounts  # noqa: E402
from factcheck.queries import connect_read_only  # noqa: E402
from factcheck.settings import Paths  # noqa: E402
from tests import browser  # noqa: E402

REVIEWER = "Ana Lima"
# A claim worth showing: a quote from a named person that another actor disputes.
SHOWCASE_SQL = """
select claim_id from claims join verification_status using (claim_id)
where status <> 'rated' and speaker_actor_id is not null and location = 'body'
  and list_contains(signals, 'disputed') and claim_type = 'direct_quote'
order by checkworthiness desc, claim_id limit 1
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--raw", default="raw")
    parser.add_argument("--data", default="data")
    parser.add_argument("--out", default="docs")
    args = parser.parse_args()
    reason = browser.missing()
    if reason:
        sys.exit(f"cannot take screenshots: {reason}")
    source = Paths.resolve(args.raw, args.data)
    out = Path(args.out)
    with tempfile.TemporaryDirectory() as scratch:
        paths = Paths.resolve(Path(scratch) / "raw", Path(scratch) / "data")
        paths.warehouse_db.parent.mkdir(parents=True)
        shutil.copy(source.warehouse_db, paths.warehouse_db)
        if source.verdicts_dir.is_dir():
            shutil.copytree(source.verdicts_dir, paths.verdicts_dir)
        password = secrets.token_urlsafe(16)
        accounts.add(paths.reviewers_file, REVIEWER, password)
        con = connect_read_only(paths.warehouse_db)
        try:
            claim_id = con.execute(SHOWCASE_SQL).fetchone()[0]
        finally:
            con.close()
        with browser.served(paths.raw, paths.data) as desk, browser.headless_chromium() as driver:
            browser.log_in(driver, desk.url, REVIEWER, password)
            driver.get(f"{desk.url}/?claim_type=direct_quote")  # quotes of named people
            driver.save_screenshot(str(out / "review-desk-queue.png"))
            driver.get(f"{desk.url}/claims/{claim_id}#claim-in-article")
            browser.record_verdict(
                driver,
                "rated",
                "Missing context",
                "https://example.org/fact-check/background",
                "The figure is right; the comparison leaves out the previous year.",
            )
            driver.save_screenshot(str(out / "review-desk-claim.png"))
    print(f"written {out / 'review-desk-queue.png'} and {out / 'review-desk-claim.png'}")


if __name__ == "__main__":
    main()
