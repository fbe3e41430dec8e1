"""Every built page as a reader sees it, in one sweep with one browser page.

- On a phone, 320 and 375 CSS px wide: no table is wider than the column it sits
  in (tables of three or more columns become cards, permanency/table_labels.py
  and manual.css), and no word breaks inside itself across two lines.
- At desktop width: every sidebar and table-of-contents link is a target of at
  least 24 by 24 CSS px (WCAG 2.2, 2.5.8 Target Size, Minimum); the same in the
  phone's navigation drawer.
- Tags sit at the foot of the page, after every heading, not above the title.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pytest

from sitecheck import built_pages

WIDTHS = (320, 375)
DESKTOP = {"width": 1280, "height": 900}
MISSING = "this-page-does-not-exist.html"

# Tables wider than the content column, and words split across two lines. A word
# is a run of letters and digits between spaces, hyphens, dashes and slashes
# (where a line may break); one whose first and last letters sit on different
# lines broke inside itself.
MEASURE = """() => {
  const article = document.querySelector("article.md-content__inner");
  const col = article.getBoundingClientRect();
  const style = getComputedStyle(article);
  const left = col.left + parseFloat(style.paddingLeft) - 1;
  const right = col.right - parseFloat(style.paddingRight) + 1;
  const tables = [];
  for (const t of article.querySelectorAll("table")) {
    const r = t.getBoundingClientRect();
    if (!r.width) continue;
    const wrap = t.closest(".md-typeset__scrollwrap");
    const scrolls = wrap && wrap.scrollWidth > wrap.clientWidth + 1;
    if (r.left < left || r.right > right || scrolls) {
      const head = t.querySelector("th, td");
      tables.push(`table "${head ? head.textContent.trim().slice(0, 30) : ""}" is ${Math.round(r.width)}px in a ${Math.round(right - left)}px column`);
    }
  }
  const broken = [];
  const walker = document.createTreeWalker(article, NodeFilter.SHOW_TEXT);
  for (let node; (node = walker.nextNode());) {
    const words = /[^\\s\\-\\u2010-\\u2015\\/]{2,}/g;
    for (let m; (m = words.exec(node.textContent));) {
      const range = document.createRange();
      range.setStart(node, m.index);
      range.setEnd(node, m.index + m[0].length);
      const rects = Array.from(range.getClientRects()).filter(r => r.width > 0);
      if (rects.length > 1 && Math.abs(rects[rects.length - 1].top - rects[0].top) > 2)
        broken.push(`"${m[0]}" breaks inside itself`);
    }
  }
  return tables.concat(broken);
}"""

# Navigation links smaller than 24 by 24 CSS px.
SMALL_TARGETS = """() => Array.from(document.querySelectorAll(
      ".md-sidebar a.md-nav__link, .md-sidebar label.md-nav__link"))
  .filter(e => { const r = e.getBoundingClientRect(); return r.width > 0 && r.height > 0
                 && getComputedStyle(e).visibility !== "hidden"; })
  .map(e => [e.textContent.trim().slice(0, 40) || e.getAttribute("for") || "(icon)", e.getBoundingClientRect()])
  .filter(([, r]) => r.width < 24 || r.height < 24)
  .map(([name, r]) => `"${name}" is ${Math.round(r.width)}x${Math.round(r.height)}px`)"""

TAGS = """() => {
  const tags = document.querySelector("article .md-tags");
  if (!tags) return null;
  const headings = Array.from(document.querySelectorAll("article h1, article h2, article h3"));
  return {after: headings.filter(h => h.compareDocumentPosition(tags) & Node.DOCUMENT_POSITION_PRECEDING)
                         .map(h => h.textContent.trim().slice(0, 40)),
          count: tags.querySelectorAll(".md-tag").length};
}"""


@dataclass
class Reading:
    page: str
    phone: list[str] = field(default_factory=list)     # "<width>px: problem"
    targets: list[str] = field(default_factory=list)
    tags: dict | None = None


def settle(page):
    page.evaluate("() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))")


@pytest.fixture(scope="module")
def readings(site, server, browser) -> list[Reading]:
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    out = []
    try:
        for rel in built_pages(site):
            reading = Reading(rel)
            page.set_viewport_size(DESKTOP)
            page.goto(server + (MISSING if rel == "404.html" else rel))
            reading.targets = page.evaluate(SMALL_TARGETS)
            reading.tags = page.evaluate(TAGS)
            for width in WIDTHS:
                page.set_viewport_size({"width": width, "height": 800})
                settle(page)
                reading.phone += [f"{width}px: {p}" for p in page.evaluate(MEASURE)]
            out.append(reading)
    finally:
        context.close()
    return out


def test_every_page_was_read(site, readings):
    assert [r.page for r in readings] == built_pages(site)
    assert len(readings) > 40


def test_no_table_wider_than_its_column_and_no_word_broken_on_a_phone(readings):
    found = [f"{r.page} {p}" for r in readings for p in r.phone]
    assert not found, f"{len(found)} found at {WIDTHS} px:\n" + "\n".join(found)


def test_tables_of_three_or_more_columns_become_cards_on_a_phone(server, page):
    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(server + "pcr/consultation.html")
    row = page.locator("article table[data-stack] tbody tr").first
    cells = row.locator("td")
    assert page.evaluate("getComputedStyle(document.querySelector('article table[data-stack] tr')).display") == "block"
    # each cell says which column it is from
    assert [cells.nth(i).get_attribute("data-label") for i in range(cells.count())] == ["Phase", "Time box", "Clock"]
    before = page.evaluate("""() => Array.from(document.querySelector('article table[data-stack] tbody tr')
                                   .querySelectorAll('td')).map(td => getComputedStyle(td, '::before').content)""")
    assert all(b not in ("none", "normal", "") for b in before), before  # the label shows before the value
    # at desktop width it is a table again
    page.set_viewport_size({"width": 1280, "height": 800})
    assert page.evaluate("getComputedStyle(document.querySelector('article table[data-stack] tr')).display") == "table-row"


def test_navigation_links_are_at_least_24px_targets(readings):
    found = [f"{r.page}: {t}" for r in readings for t in r.targets]
    assert not found, "\n".join(found)


def test_navigation_links_in_the_phone_drawer_are_at_least_24px_targets(server, browser):
    context = browser.new_context(viewport={"width": 375, "height": 812}, has_touch=True, is_mobile=True)
    page = context.new_page()
    try:
        page.goto(server + "training/handouts/why-permanency.html")
        page.locator("label.md-header__button[for=__drawer]").click()
        page.locator("nav.md-nav--primary").wait_for()
        page.wait_for_timeout(300)  # the drawer slides in
        assert page.locator(".md-sidebar--primary a.md-nav__link:visible").count() > 10
        assert page.evaluate(SMALL_TARGETS) == []
    finally:
        context.close()


def test_tags_sit_at_the_foot_of_the_page(readings):
    tagged = [r for r in readings if r.tags]
    assert len(tagged) > 20
    above = [f"{r.page}: tags before {r.tags['after']}" for r in tagged if r.tags["after"]]
    assert not above, "\n".join(above)
