"""Quality gates over every built page, in Debian's Chromium.

One sweep visits every page of the built site (whatever pages exist), reusing one
browser page: each page loads with a light preference and is then switched to the
dark scheme with the header's toggle, as a reader switches it (a first visit checks
that a dark preference alone picks the dark scheme). It records for each scheme:
what axe-core finds against the WCAG 2.0/2.1/2.2 A and AA rules (in the dark
pass the rules that depend on color: the markup is the same), every request to
a host other than the local server (the light pass waits for the network to go
quiet), every console error, every content security policy violation, and (dark
pass) how wide the page lays out in a 375px phone window. The tests then assert on those
records, naming each page, rule and element that fails.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

import pytest
import yaml
from axe_playwright_python.sync_playwright import Axe

from sitecheck import built_pages

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
AXE_OPTIONS = {"runOnly": {"type": "tag", "values": WCAG_TAGS}, "resultTypes": ["violations"]}
# The rules of those whose outcome depends on the color scheme: a page's markup is
# the same in both (Material switches a data- attribute on <body>), so the dark
# pass runs these and the light pass runs every rule.
COLOR_RULES = ["color-contrast", "link-in-text-block"]
COLOR_OPTIONS = {"runOnly": {"type": "rule", "values": COLOR_RULES}, "resultTypes": ["violations"]}
# axe's findings in Material's markup, each with its reason (tests/a11y-known-issues.yml)
KNOWN = yaml.safe_load((Path(__file__).resolve().parent.parent / "a11y-known-issues.yml").read_text(encoding="utf-8"))["axe"]
SCHEMES = {"light": "default", "dark": "slate"}  # emulated preference -> Material's scheme
MISSING = "this-page-does-not-exist.html"  # the 404 page is visited the way readers reach it
TAKE_CSP = "() => (window.__csp || []).splice(0)"  # the violations since the last take
RECORD_CSP = """document.addEventListener('securitypolicyviolation', e =>
  (window.__csp = window.__csp || []).push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));"""


@dataclass
class Visit:
    page: str
    scheme: str
    status: int = 0
    body_scheme: str | None = None
    h1: str = ""
    violations: list[str] = field(default_factory=list)
    excused: list[int] = field(default_factory=list)  # which KNOWN entries matched here
    foreign: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    csp: list[str] = field(default_factory=list)  # securitypolicyviolation events
    phone_width: int | None = None  # the page's scroll width in a 375px window


def axe_violations(axe: Axe, page, excused: list[int] | None = None, options: dict = AXE_OPTIONS) -> list[str]:
    """One line per failing element: rule id, impact, CSS target, what to fix;
    an element a KNOWN entry excuses is left out (its index added to ``excused``)."""
    if not page.evaluate("typeof window.axe === 'object'"):  # once per loaded page
        page.evaluate(axe.axe_script)
    found = page.evaluate("options => axe.run(options).then(results => results.violations)", options)
    lines = []
    for v in found:
        for node in v["nodes"]:
            hits = [i for i, e in enumerate(KNOWN) if e["rule"] == v["id"] and re.search(e["html"], node["html"])]
            if excused is not None:
                excused += hits
            if not hits:
                lines.append(f"{v['id']} ({v['impact']}): {' '.join(map(str, node['target']))}: {v['help']}")
    return lines


DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 812}


def phone_width(page) -> int:
    """Narrow the window to a 375px phone, measure how wide the page lays out,
    and widen it again (cheaper than a second visit; the layout is the phone's)."""
    page.set_viewport_size(PHONE)
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")
    width = page.evaluate("document.documentElement.scrollWidth")
    page.set_viewport_size(DESKTOP)
    return width


def url_of(server: str, rel: str) -> str:
    return server + (MISSING if rel == "404.html" else rel)


@pytest.fixture(scope="session")
def sweep(site, server, browser) -> list[Visit]:
    pages = built_pages(site)
    origin = urlparse(server).netloc
    axe = Axe()
    current: list[Visit] = []

    def on_request(request):
        url = urlparse(request.url)
        if url.scheme in ("http", "https", "ws", "wss") and url.netloc != origin and current:
            current[-1].foreign.append(request.url)

    def on_console(message):
        if message.type != "error" or not current:
            return
        if current[-1].page == "404.html" and message.location.get("url", "").endswith(MISSING):
            return  # the browser reports the 404 status of the missing page we asked for
        current[-1].errors.append(message.text)

    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    page.add_init_script(RECORD_CSP)
    page.on("request", on_request)
    page.on("console", on_console)
    page.on("pageerror", lambda e: current and current[-1].errors.append(str(e)))
    light: list[Visit] = []
    dark: list[Visit] = []
    try:
        # a first visit with a dark preference, in a context of its own (nothing
        # stored): Material picks the palette from the preference
        first = browser.new_context(viewport=DESKTOP, color_scheme="dark")
        try:
            preview = first.new_page()
            preview.goto(server + "index.html")
            preferred = preview.evaluate("document.body.getAttribute('data-md-color-scheme')")
        finally:
            first.close()
        page.emulate_media(color_scheme="light")
        for rel in pages:
            # light, as the page loads with a light preference
            visit = Visit(rel, "light")
            current.append(visit)
            response = page.goto(url_of(server, rel))
            visit.status = response.status if response else 0
            visit.body_scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
            visit.h1 = page.locator("h1").first.inner_text() if page.locator("h1").count() else ""
            visit.violations = axe_violations(axe, page, visit.excused)
            # once per page is enough to catch every request it makes, the search
            # index its worker loads after "load" included; waited for after axe,
            # which makes no request, so the quiet half second has mostly passed
            page.wait_for_load_state("networkidle")
            visit.csp = page.evaluate(TAKE_CSP)
            light.append(visit)
            # dark, as a reader switches with the header's toggle (Material's own
            # switch, on the same page: the markup is the same, so axe's color rules)
            visit = Visit(rel, "dark", status=visit.status, h1=visit.h1)
            current.append(visit)
            # a click that does not leave the pointer over the toggle, whose
            # tooltip would be fading in while axe measures its contrast
            page.locator("label[for=__palette_1]").dispatch_event("click")
            page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') !== 'default'")
            visit.body_scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
            visit.violations = axe_violations(axe, page, visit.excused, COLOR_OPTIONS)
            visit.csp = page.evaluate(TAKE_CSP)
            visit.phone_width = phone_width(page)
            dark.append(visit)
            page.locator("label[for=__palette_0]").dispatch_event("click")  # back to light for the next page
            page.wait_for_function("() => document.body.getAttribute('data-md-color-scheme') === 'default'")
    finally:
        context.close()
    visits = light + dark
    assert preferred == SCHEMES["dark"], f"a dark preference showed scheme {preferred} on the first visit"
    return visits


def report(visits: list[Visit], attr: str) -> str:
    lines = [f"{v.scheme} {v.page}: {item}" for v in visits for item in getattr(v, attr)]
    return f"{len(lines)} found:\n" + "\n".join(lines)


def test_sweep_visited_every_page_in_both_schemes(site, sweep):
    pages = built_pages(site)
    assert len(pages) >= 2 and "404.html" in pages
    assert [(v.scheme, v.page) for v in sweep] == [(s, p) for s in SCHEMES for p in pages]
    for v in sweep:
        assert v.body_scheme == SCHEMES[v.scheme], f"{v.page} showed scheme {v.body_scheme} for a {v.scheme} preference"
        assert v.h1, f"{v.page} has no visible h1"
        assert v.status == (404 if v.page == "404.html" else 200), (v.page, v.status)


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_no_wcag_22_a_or_aa_violations_on_any_page(sweep, scheme):
    visits = [v for v in sweep if v.scheme == scheme]
    assert not any(v.violations for v in visits), report(visits, "violations")


def test_every_known_axe_issue_still_matches(sweep):
    used = {i for v in sweep for i in v.excused}
    stale = [f"{e['rule']} at {e['html']}" for i, e in enumerate(KNOWN) if i not in used]
    assert not stale, f"tests/a11y-known-issues.yml (axe) lists findings no page has any more; delete: {stale}"


def test_no_page_requests_another_host(sweep):
    assert not any(v.foreign for v in sweep), report(sweep, "foreign")


def test_no_page_violates_its_content_security_policy(sweep):
    assert not any(v.csp for v in sweep), report(sweep, "csp")


def test_no_page_logs_a_console_error(sweep):
    assert not any(v.errors for v in sweep), report(sweep, "errors")


def test_no_page_scrolls_sideways_on_a_phone(sweep):
    measured = [v for v in sweep if v.phone_width is not None]
    assert measured, "the sweep measured no page at phone width"
    wide = [f"{v.page}: {v.phone_width}px wide" for v in measured if v.phone_width > PHONE["width"]]
    assert not wide, "pages wider than a 375px phone:\n" + "\n".join(wide)


def nested_page(site) -> str:
    """A page inside a section, so the phone's navigation drawer opens a level down."""
    return next((p for p in built_pages(site) if "/" in p and not p.endswith("index.html")), "index.html")


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_search_results_and_phone_navigation_pass_axe(site, server, browser, scheme):
    """The states a page is not in when it loads: the search dialog showing
    results (named "Search" for screen readers), and the phone's drawer."""
    axe = Axe()
    found = []
    for width in (1280, 375):
        context = browser.new_context(viewport={"width": width, "height": 800}, color_scheme=scheme)
        page = context.new_page()
        try:
            page.goto(server + nested_page(site))
            page.wait_for_load_state("networkidle")
            page.keyboard.press("/")  # Material's shortcut; a click on the search icon does the same
            dialog = page.get_by_role("dialog", name="Search")
            dialog.get_by_role("textbox", name="Search").press_sequentially("permanency", delay=20)
            dialog.locator(".md-search-result__item").first.wait_for()
            found += [f"{width}px search: {v}" for v in axe_violations(axe, page)]
            if width == 375:
                page.keyboard.press("Escape")
                page.locator("label.md-header__button[for=__drawer]").click()
                page.locator("nav.md-nav--primary").wait_for()
                page.wait_for_timeout(300)  # the drawer slides in
                found += [f"{width}px drawer: {v}" for v in axe_violations(axe, page)]
        finally:
            context.close()
    assert not found, f"{scheme}: " + "\n".join(found)
