"""The content security policy in the browser: everything the manual does still
works under it, over http and opened from disk, with no violation; and a script
that got into a page's content does not run.

(The sweep in test_gates.py checks every page loads with no violation.)
"""
from __future__ import annotations

import pytest

from builds import make_project, mkdocs_build

# every violation in the page, recorded as it happens (console errors catch the
# ones in the search worker's iframe under file://)
RECORD = """document.addEventListener('securitypolicyviolation', e => {
  (window.__cspViolations = window.__cspViolations || []).push(
    e.violatedDirective + ' ' + (e.blockedURI || '') + ' ' + (e.sample || ''));
});"""


def violations(page) -> list[str]:
    return page.evaluate("window.__cspViolations || []")


@pytest.fixture(params=["http", "file"])
def base(request, site, server) -> str:
    return server if request.param == "http" else site.as_uri() + "/"


@pytest.fixture
def tab(context):
    page = context.new_page()
    page.add_init_script(RECORD)
    page.console_errors = []
    page.on("console", lambda m: m.type == "error" and page.console_errors.append(m.text))
    page.on("pageerror", lambda e: page.console_errors.append(str(e)))
    return page


def test_everything_works_under_the_policy(base, tab):
    page = tab
    found = []

    def visit(rel):
        if page.url.startswith(base):  # what the page just left recorded
            found.extend(f"{page.url}: {v}" for v in violations(page))
        page.goto(base + rel)

    # search: Material's worker (a real Worker over http; the iframe shim from disk)
    visit("pcr/consultation.html")
    page.keyboard.press("/")
    page.locator("input.md-search__input").press_sequentially("permanency", delay=20)
    page.locator(".md-search-result__item").first.wait_for(timeout=15000)
    page.keyboard.press("Escape")

    # the consultation timer
    timer = page.locator("[data-consult-timer]")
    timer.get_by_role("button", name="Start").click()
    assert timer.get_by_role("button", name="Pause").is_visible()  # Start became Pause: the timer runs

    # the palette toggle
    scheme = page.evaluate("document.body.getAttribute('data-md-color-scheme')")
    page.locator("form[data-md-component=palette] label:visible").first.click()
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") != scheme

    # a glossary tooltip
    visit("permanency-options.html")
    page.locator("article abbr", has_text="NREFM").first.hover()
    page.locator(".md-tooltip2", has_text="non-related, extended family member").wait_for(state="visible", timeout=5000)

    # a knowledge check: check an answer, then the score (the form's submit button)
    visit("training/01-why-permanency.html")
    question = page.locator("fieldset.training-q").first
    question.locator("input[type=radio]").first.check()
    question.get_by_role("button", name="Check answer").click()
    assert question.locator(".training-q__feedback").inner_text()
    page.get_by_role("button", name="See my score").click()
    assert page.locator(".training-check__score").inner_text().startswith("Your score: ")
    assert page.url.startswith(base + "training/01-why-permanency.html")  # nothing submitted

    # a worksheet: type, then Clear all
    visit("tools/pcr-follow-up.html")
    field = page.locator(".ws-sheet input[type=text], .ws-sheet textarea").first
    field.fill("typed")
    page.once("dialog", lambda d: d.accept())
    page.get_by_role("button", name="Clear all").click()
    assert field.input_value() == ""

    # the change log's filter, by typing a date and by its Show button
    visit("changelog.html")
    page.get_by_label("Show changes made on or after").fill("2000-01-01")
    page.get_by_role("button", name="Show", exact=True).click()
    assert page.get_by_role("status").inner_text().startswith("Showing ")
    assert page.url.startswith(base + "changelog.html")

    found.extend(f"{page.url}: {v}" for v in violations(page))
    csp_errors = [e for e in page.console_errors if "Content Security Policy" in e]
    assert not found and not csp_errors, "\n".join(found + csp_errors)


@pytest.fixture(scope="module")
def injected_site(tmp_path_factory):
    """The good fixture project (its data carries a <script> in a behavior's
    summary), plus a page whose Markdown holds a raw <script>, standing for markup
    that got past the escaping."""
    tmp = tmp_path_factory.mktemp("injected")
    project = make_project(tmp, "good")
    (project / "docs" / "raw.md").write_text(
        "---\ntitle: Raw\nlast_reviewed: 2026-01-31\n---\n# Raw\n\n"
        "<script>window.__injected = 'raw';</script>\n\nAfter the script.\n",
        encoding="utf-8",
    )
    site = tmp / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    return site


def test_a_script_in_the_content_does_not_run(injected_site, tab):
    page = tab
    dialogs = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))

    # first wall: a script typed into data shows as text
    page.goto((injected_site / "practice-behaviors" / "01-be-accountable" / "index.html").as_uri())
    assert '<script>alert("x")</script>' in page.locator("article").inner_text()

    # second wall: a script that reached the page's content raw is not hashed, so
    # the browser refuses it while Material's own inline scripts still run
    page.goto((injected_site / "raw" / "index.html").as_uri())
    assert page.locator("article").get_by_text("After the script.").is_visible()
    assert page.evaluate("window.__injected") is None
    assert page.evaluate("typeof __md_get") == "function"  # the theme's hashed script ran
    assert [v.split()[0] for v in violations(page)] == ["script-src-elem"]
    assert dialogs == []


def test_tables_keep_their_alignment_without_style_attributes(server, page):
    """Numbers line up on the right from the stylesheets (the policy refuses the
    style attributes Markdown's alignment markers would write)."""
    align = "el => getComputedStyle(el).textAlign"
    page.goto(server + "outcomes/p3-pilot-results.html")
    figures = page.locator(".manual-figures table").first
    assert figures.locator("tbody td").nth(1).evaluate(align) == "right"  # the value
    assert figures.locator("tbody td").nth(0).evaluate(align) == "left"   # the figure's name
    page.goto(server + "training/index.html")
    row = page.locator(".training-path tbody tr").nth(1)  # module 1, after the pre-test
    assert [row.locator("td").nth(i).evaluate(align) for i in range(7)] == [
        "right", "left", "right", "right", "right", "left", "left"]  # step, module, session, reading, questions, score, printouts
    page.goto(server + "training/course-test-key.html")
    row = page.locator(".training-key-answers tbody tr").first
    assert [row.locator("td").nth(i).evaluate(align) for i in range(4)] == ["right", "center", "right", "left"]
    page.goto(server + "training/facilitator/why-permanency.html")
    assert page.locator(".training-agenda tbody td").first.evaluate(align) == "right"  # minutes
