"""Drive the review desk as a person does: `factcheck serve` in its own process, headless
Chromium through selenium. Used by the browser tests and by scripts/desk_screenshots.py.

Chromium and its driver come from Debian (`apt-get install chromium chromium-driver`);
selenium is in the dev dependency group. `missing()` says what is absent, so callers can
skip with that reason instead of failing.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

FACTCHECK = str(Path(sys.executable).parent / "factcheck")
CHROMIUM_NAMES = ("chromium", "chromium-browser", "google-chrome")
WINDOW = (1440, 1000)


def chromium() -> str | None:
    return next(filter(None, map(shutil.which, CHROMIUM_NAMES)), None)


def missing() -> str | None:
    """Why a browser cannot be driven here, or None when it can."""
    if chromium() is None:
        return "Chromium is not installed (apt-get install chromium chromium-driver)"
    if shutil.which("chromedriver") is None:
        return "chromedriver is not installed (apt-get install chromium-driver)"
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "selenium is not installed (it is in the dev group: make setup)"
    return None


@contextmanager
def headless_chromium(window: tuple[int, int] = WINDOW) -> Iterator[object]:
    """A selenium WebDriver for headless Chromium, quit on exit."""
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = chromium()
    for argument in (
        "--headless=new",
        "--no-sandbox",  # runs as root in containers and CI
        "--disable-dev-shm-usage",
        "--hide-scrollbars",
        f"--window-size={window[0]},{window[1]}",
    ):
        options.add_argument(argument)
    driver = webdriver.Chrome(options=options, service=Service(shutil.which("chromedriver")))
    try:
        yield driver
    finally:
        driver.quit()


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass(frozen=True)
class RunningDesk:
    url: str
    port: int
    process: subprocess.Popen


@contextmanager
def served(raw: Path, data: Path, timeout: float = 60.0) -> Iterator[RunningDesk]:
    """`factcheck serve` on a free loopback port (default host), stopped on exit."""
    port = free_port()
    process = subprocess.Popen(
        [FACTCHECK, "serve", "--port", str(port), "--raw", str(raw), "--data", str(data)],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    try:
        deadline = time.monotonic() + timeout
        while True:
            if process.poll() is not None:
                raise RuntimeError(f"factcheck serve exited:\n{process.stdout.read()}")
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline:
                    raise TimeoutError(f"factcheck serve did not listen on {port}") from None
                time.sleep(0.2)
        yield RunningDesk(f"http://127.0.0.1:{port}", port, process)
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def follow(driver, element, timeout: float = 30.0) -> None:
    """Click a link or button and wait until the next page has replaced this one: a click
    returns before the browser has loaded what it leads to."""
    from selenium.common.exceptions import StaleElementReferenceException, WebDriverException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    page = driver.find_element(By.TAG_NAME, "html")
    element.click()

    def replaced(_driver) -> bool:
        try:
            page.is_enabled()
        except StaleElementReferenceException:
            return True
        except WebDriverException as error:
            # Asked while the old page is being torn down, chromedriver may answer with an
            # inspector error instead of "stale element": the page is gone all the same.
            if "does not belong to the document" in str(error):
                return True
            raise
        return False

    WebDriverWait(driver, timeout).until(replaced)


def log_in(driver, url: str, name: str, password: str) -> None:
    from selenium.webdriver.common.by import By

    driver.get(f"{url}/login")
    driver.find_element(By.NAME, "username").send_keys(name)
    driver.find_element(By.NAME, "password").send_keys(password)
    follow(driver, driver.find_element(By.CSS_SELECTOR, "form.login button[type=submit]"))


def record_verdict(driver, status: str, label: str, evidence: str, note: str) -> None:
    """Fill in and submit the verdict form of the claim page the driver is on."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    form = driver.find_element(By.CSS_SELECTOR, "form.verdict-form")
    form.find_element(By.CSS_SELECTOR, f"input[name=status][value={status}]").click()
    Select(form.find_element(By.NAME, "label")).select_by_visible_text(label)
    form.find_element(By.NAME, "evidence_url").send_keys(evidence)
    form.find_element(By.NAME, "note").send_keys(note)
    follow(driver, form.find_element(By.CSS_SELECTOR, "button[type=submit]"))
