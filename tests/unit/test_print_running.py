"""The running footer's words (overrides/partials/print-running.html) are CSS
strings: nothing in a page title can end the string or the <style> element."""
from __future__ import annotations

from types import SimpleNamespace

import jinja2

from builds import ROOT


def render(title: str) -> str:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(ROOT / "overrides")))
    config = SimpleNamespace(site_url="https://example.org/manual/",
                             extra={"manual": {"title": "Manual", "version": "1.2.3"}})
    config.extra = SimpleNamespace(manual=SimpleNamespace(**config.extra["manual"]))
    return env.get_template("partials/print-running.html").render(config=config, page=SimpleNamespace(title=title))


def test_plain_title():
    html = render("Who takes part")
    assert '--manual-print-title: "Who takes part";' in html
    assert '--manual-print-manual: "Manual";' in html and '--manual-print-version: "1.2.3";' in html
    assert '<meta name="manual-site-url" content="https://example.org/manual/">' in html


def test_quotes_backslashes_and_markup_are_escaped_the_css_way():
    def title_line(title):
        html = render(title)
        return next(line for line in html.splitlines() if "--manual-print-title" in line).strip()

    assert title_line('The "risk" scale \\ 1 < 10') == \
        '--manual-print-title: "The \\22 risk\\22  scale \\5C  1 \\3C  10";'
    # tags are stripped, as in the page's <title>
    assert title_line("Roles</style><script>x</script>") == '--manual-print-title: "Rolesx";'


def test_the_content_security_policy_allows_exactly_the_running_footers_style():
    from permanency import csp

    style = render("Who takes part").split("<style>", 1)[1].split("</style>", 1)[0]
    page = f"<html><head><style>{style}</style></head><body><article><style>p{{}}</style></article></body></html>"
    assert csp.theme_styles(page) == [style]
    assert f"style-src 'self' {csp.script_hash(style)};" in csp.policy([], csp.theme_styles(page))
