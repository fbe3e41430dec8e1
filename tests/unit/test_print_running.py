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


def book_style(nav, content: str) -> str:
    from mkdocs_print_site_plugin.urls import get_page_key

    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(ROOT / "overrides")))
    urls = ["index.html", "pcr/roles.html", "tools/form.html", "training/handouts/a.html"]
    # the book's page ids, as permanency/book_hooks.py puts them in config.extra.manual
    manual = SimpleNamespace(title="Manual", version="1.2.3", book_keys={u: get_page_key(u) for u in urls})
    config = SimpleNamespace(site_url="https://example.org/manual/", extra=SimpleNamespace(manual=manual))
    return env.get_template("partials/print-running.html").render(
        config=config, nav=nav, page=SimpleNamespace(title="The whole manual", content=content))


def leaf(url, title, content=""):
    return SimpleNamespace(is_page=True, is_section=False, url=url, title=title, content=content, children=None)


def test_each_page_of_the_book_is_a_named_page_whose_footer_names_it():
    roles = leaf("pcr/roles.html", 'The "roles" \\ 1</style><b>x')  # tags stripped, as in <title>
    sheet = leaf("tools/form.html", "Form", '<div class="ws-sheet ws-sheet--landscape">')
    handout = leaf("training/handouts/a.html", "Handout")  # left out of the book
    nav = SimpleNamespace(items=[
        leaf("index.html", "Home"),
        SimpleNamespace(is_page=False, is_section=True, title="Reviews", children=[roles, sheet, handout]),
    ])
    book = '<div id="print-site-page"><section class="print-page" id="index"></section>' \
           '<section class="print-page" id="pcr-roles"></section><section class="print-page" id="tools-form">'
    css = book_style(nav, book)
    assert '#print-site-page [id="index"] { page: book-index; }' in css
    # the chapter's heading shares its first page's sheet
    assert '#print-site-page [id="section-2"] { page: book-pcr-roles; }' in css
    assert '"Reviews › The \\22 roles\\22  \\5C  1x" "\\A Current copy: " ' \
           '"https://example.org/manual/pcr/roles.html"' in css
    assert "</style>" not in css.split("<style>", 1)[1].rsplit("</style>", 1)[0]
    # a worksheet keeps its sheet
    assert "@page book-tools-form { size: landscape; margin: var(--ws-sheet-margin);" in css
    assert "handouts" not in css
    # an ordinary page has no named pages at all
    assert "@page" not in book_style(nav, "<p>Who takes part</p>")
