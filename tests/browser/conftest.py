"""The built site in a real browser: Debian's Chromium driven by Playwright,
the site served from a local HTTP server on 127.0.0.1."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest

from once import once
from sitecheck import site_path
from permanency.local_site import serve

from permanency.printing import CHROMIUM, CHROMIUM_ARGS


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def server(site: Path):
    """The real manual at http://127.0.0.1:<port><site_url path>."""
    url, httpd = serve(site, site_path())
    yield url
    httpd.shutdown()


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "Debian's chromium is missing: run `make test`, which installs it"
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


class Recorder:
    """Every request a page makes and every console error it logs."""

    def __init__(self, page, origin: str):
        self.origin = urlparse(origin).netloc
        self.foreign: list[str] = []
        self.errors: list[str] = []
        page.on("request", self._request)
        page.on("console", lambda m: m.type == "error" and self.errors.append(m.text))
        page.on("pageerror", lambda e: self.errors.append(str(e)))

    def _request(self, request):
        url = urlparse(request.url)
        if url.scheme in ("data", "blob", "about", "file"):
            return
        if url.netloc != self.origin:
            self.foreign.append(request.url)


@pytest.fixture
def context(browser):
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    yield ctx
    ctx.close()


@pytest.fixture(scope="module")
def phone(browser):
    """One 375px-wide page shared by a test file's tests: each loads its own page
    in it (cheaper than a browser context per test)."""
    ctx = browser.new_context(viewport={"width": 375, "height": 740})
    yield ctx.new_page()
    ctx.close()


@pytest.fixture
def page(context, server):
    pg = context.new_page()
    pg.recorder = Recorder(pg, server)
    return pg


@pytest.fixture(scope="session")
def printouts(tmp_path_factory, browser, server):
    """Every page marked `pdf:`, printed once per test run on Letter and A4
    the way `make pdf` prints it: {(src_uri, paper): PDF bytes} (tests/printouts.py)."""
    import printouts as made

    return once(tmp_path_factory, "printouts", lambda _: made.print_marked(browser, server))
