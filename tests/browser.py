"""Browser fixtures: find a Chromium, serve the built site like GitHub Pages, and watch every page."""

from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from conftest import BASE_PATH, ROOT, run_mkdocs_build
from pages_server import PagesServer, free_port

# Flags Debian's Chromium needs on these machines (no sandbox as root, no network chatter).
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
HOW_TO_INSTALL = (
    "no Chromium for the browser tests: install Debian's (apt-get install -y chromium), "
    "set CHROMIUM=/path/to/chrome, or run `.venv/bin/python -m playwright install chromium`"
)
RESULTS = ROOT / "test-results"


def find_chromium(playwright) -> str | None:
    """$CHROMIUM, then chromium / chromium-browser / google-chrome on PATH, then Playwright's own."""
    named = os.environ.get("CHROMIUM")
    if named:
        return shutil.which(named) or (named if Path(named).is_file() else None)
    for name in ("chromium", "chromium-browser", "google-chrome"):
        if shutil.which(name):
            return shutil.which(name)
    own = playwright.chromium.executable_path
    return own if own and Path(own).is_file() else None


@dataclass
class Watched:
    """What a page did: requests outside the site, failed requests, error responses, console errors."""

    origin: str
    outside: list[str] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    console: list[str] = field(default_factory=list)

    def attach(self, page) -> None:
        page.on("request", self._request)
        page.on("requestfailed", lambda r: self.failed.append(f"{r.url} ({r.failure})"))
        page.on("response", lambda r: r.status >= 400 and self.errors.append(f"{r.status} {r.url}"))
        page.on("console", lambda m: m.type == "error" and self.console.append(m.text))
        page.on("pageerror", lambda e: self.console.append(str(e)))

    def _request(self, request) -> None:
        if not (request.url.startswith(self.origin) or request.url.startswith(("data:", "blob:"))):
            self.outside.append(request.url)


@pytest.fixture(scope="session")
def served(tmp_path_factory):
    """The site built for, and served at, http://127.0.0.1:<port>/nato-asia-pacific/."""
    port = free_port()
    site = tmp_path_factory.mktemp("served")
    result = run_mkdocs_build(ROOT, site, site_url=f"http://127.0.0.1:{port}{BASE_PATH}")
    assert result.returncode == 0, result.stderr
    with PagesServer(site, BASE_PATH, port) as server:
        yield server


@pytest.fixture(scope="session")
def zensical_served(zensical_site):
    """The site Zensical built, served at http://127.0.0.1:<port>/nato-asia-pacific/."""
    with PagesServer(zensical_site, BASE_PATH, free_port()) as server:
        yield server


@pytest.fixture(scope="session")
def chromium():
    """One headless Chromium for the session, found as the README describes."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        executable = find_chromium(playwright)
        if executable is None:
            pytest.fail(HOW_TO_INSTALL, pytrace=False)
        browser = playwright.chromium.launch(executable_path=executable, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"report_{report.when}", report)
    return report


def new_page(chromium, served, request, **context_options):
    """A page in a fresh context, watched; screenshot saved to test-results/ if the test fails."""
    context = chromium.new_context(**{"viewport": {"width": 1280, "height": 900}, **context_options})
    page = context.new_page()
    page.set_default_timeout(10_000)
    watched = Watched(origin=f"http://127.0.0.1:{served.port}/")
    watched.attach(page)
    page.watched = watched

    def finish():
        report = getattr(request.node, "report_call", None)
        if report is not None and report.failed:
            RESULTS.mkdir(exist_ok=True)
            name = re.sub(r"[^A-Za-z0-9_.-]+", "_", request.node.nodeid)
            page.screenshot(path=str(RESULTS / f"{name}.png"), full_page=True)
        context.close()

    request.addfinalizer(finish)
    return page


def scrolled(page) -> None:
    """Wait until the page has stopped scrolling (focus scrolls smoothly), so that a key pressed
    next is not lost in the scroll, and Material's tracking of the address is done with it."""
    page.wait_for_function("new Promise(done => { const y = scrollY; setTimeout(() => done(y === scrollY), 200); })")


def transitions_done(page) -> None:
    """Wait until no CSS transition or animation is running, so that what is read (colours,
    opacity) is what a reader sees once the page has settled."""
    page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')")


@pytest.fixture()
def page(chromium, served, request):
    """A desktop-sized page (1280 px)."""
    return new_page(chromium, served, request)


@pytest.fixture()
def phone(chromium, served, request):
    """A phone-sized page (360 px, touch)."""
    return new_page(chromium, served, request, viewport={"width": 360, "height": 740}, has_touch=True, is_mobile=True)
