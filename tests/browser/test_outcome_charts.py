"""Outcome charts and the timeline in Chromium: what assistive technology
announces for a chart, that bars stay distinguishable in light, dark and print,
and that a 375px phone never scrolls sideways."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

AFCARS = "Children in care two years or more who reached permanency within the year, Sacramento County"


def test_chart_has_an_accessible_name_and_description(server, page):
    page.goto(server + "outcomes/sacramento-permanency-rates.html")
    chart = page.get_by_role("img", name=AFCARS)
    expect(chart).to_be_visible()
    expect(chart).to_have_accessible_description(re.compile(
        r"^Bar chart with 2 bars, drawn on a scale of 0 to 100 percent\. "
        r"In care 2\+ years on Oct\. 1, 2013; permanent by Sept\. 30, 2014: 15\.5%\. "
        r"In care 2\+ years on Oct\. 1, 2015; permanent by Sept\. 30, 2016: 27\.5%\."))
    # the visible caption under the chart names its scope and source
    caption = page.locator("#chart-afcars-trend figcaption")
    expect(caption).to_contain_text("Scope: Sacramento County, all children in care two years or more")
    expect(caption.get_by_role("link", name="Sacramento PCR report")).to_be_visible()
    assert page.recorder.errors == [] and page.recorder.foreign == []


def test_table_1_chart_is_announced_with_every_count(server, page):
    page.goto(server + "outcomes/sacramento-pcr-results.html")
    chart = page.get_by_role("img", name="What followed a permanency case review in four Sacramento regions")
    expect(chart).to_have_accessible_description(re.compile(
        r"Legal permanency after a review: 10 children\. Transferred to adoptions, pending finalization: 13 cases\. "
        r"Transferred to guardianship, pending finalization: 1 case\. "
        r"Progress toward permanency after a review: 56 outcomes\."))


def _rgb(css: str) -> tuple[float, ...]:
    return tuple(float(x) for x in re.findall(r"[\d.]+", css)[:3])


def _luminance(rgb) -> float:
    def channel(c):
        c /= 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a, b) -> float:
    hi, lo = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


CHART_COLOURS = """() => {
  const svg = document.querySelector('.manual-chart__svg');
  const style = (sel, prop) => getComputedStyle(svg.querySelector(sel))[prop];
  let el = svg, bg = 'rgba(0, 0, 0, 0)';
  while (el && (bg === 'rgba(0, 0, 0, 0)' || bg === 'transparent')) {
    bg = getComputedStyle(el).backgroundColor; el = el.parentElement;
  }
  return {bar: style('.manual-chart__bar', 'fill'), track: style('.manual-chart__track', 'fill'),
          label: style('.manual-chart__label', 'fill'), value: style('.manual-chart__value', 'fill'), bg};
}"""


@pytest.mark.parametrize("scheme,media", [("light", "screen"), ("dark", "screen"), ("dark", "print")])
def test_chart_colours_contrast_in_light_dark_and_print(browser, server, scheme, media):
    ctx = browser.new_context(color_scheme=scheme)
    page = ctx.new_page()
    page.emulate_media(media=media)
    page.goto(server + "outcomes/sacramento-delayed-permanency.html")
    c = page.evaluate(CHART_COLOURS)
    ctx.close()
    bar, track, label, value, bg = (_rgb(c[k]) for k in ("bar", "track", "label", "value", "bg"))
    # WCAG 1.4.11: the bar against its surroundings; 1.4.3: the text
    assert contrast(bar, track) >= 3 and contrast(bar, bg) >= 3, c
    assert contrast(label, bg) >= 4.5 and contrast(value, bg) >= 4.5, c
    if media == "print":
        assert bg == (255, 255, 255) and label == (0, 0, 0), c


@pytest.mark.parametrize("rel", [
    "outcomes/index.html",
    "outcomes/sacramento-pcr-results.html",
    "outcomes/sacramento-permanency-rates.html",
    "outcomes/sacramento-delayed-permanency.html",
    "outcomes/p3-pilot-results.html",
    "timeline.html",
    "programs/pcr.html",
    "programs/tfsc.html",
])
def test_no_sideways_scroll_on_a_phone(phone, server, rel):
    page = phone
    page.goto(server + rel)
    width = page.evaluate("document.documentElement.scrollWidth")
    # a figure table reads as cards, with each cell named, rather than scrolling
    cards = page.evaluate("""() => [...document.querySelectorAll('.manual-figures td:nth-child(3)')]
        .map(td => getComputedStyle(td, '::before').content)""")
    chart_width = page.evaluate("""() => Math.max(0, ...[...document.querySelectorAll('.manual-chart__svg')]
        .map(s => s.getBoundingClientRect().right))""")
    assert width <= 375, (rel, width)
    assert chart_width <= 375, (rel, chart_width)
    assert all(c == '"Date or period: "' for c in cards), cards


def test_timeline_event_links_to_its_page(server, page):
    page.goto(server + "timeline.html")
    event = page.locator(".manual-timeline li", has_text="September 9, 2020")
    expect(event).to_contain_text("Source: Thriving Families, Safer Children announcement")
    event.get_by_role("link", name="Thriving Families, Safer Children", exact=True).click()
    page.wait_for_url("**/programs/tfsc.html")
    expect(page.locator("h1")).to_have_text("Thriving Families, Safer Children")


# What these pages add to a page: charts, figure tables and the timeline
COMPONENTS = {"include": [[".manual-chart"], [".manual-figures"], [".manual-timeline"]]}


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_outcome_and_timeline_pages_pass_axe(browser, server, scheme):
    """Every WCAG 2.x A and AA rule of axe over the charts, figure tables and
    timeline, in each scheme. The gate sweep (test_gates.py) checks these pages
    whole, but in the dark scheme with the color rules only; these components
    draw their own colors, so here they get every rule in both."""
    from axe_playwright_python.sync_playwright import Axe

    from test_gates import AXE_OPTIONS

    axe = Axe()
    ctx = browser.new_context(color_scheme=scheme)
    page = ctx.new_page()
    found, checked = {}, 0
    for rel in ("outcomes/index.html", "outcomes/sacramento-pcr-results.html",
                "outcomes/sacramento-permanency-rates.html", "outcomes/sacramento-delayed-permanency.html",
                "outcomes/p3-pilot-results.html", "timeline.html", "programs/pcr.html"):
        page.goto(server + rel)  # the charts are drawn by the time "load" fires (static SVG)
        checked += page.locator(".manual-chart, .manual-figures, .manual-timeline").count()
        result = axe.run(page, context=COMPONENTS, options=AXE_OPTIONS)
        violations = [(v["id"], [n["target"] for n in v["nodes"]]) for v in result.response["violations"]]
        if violations:
            found[rel] = violations
    ctx.close()
    assert checked >= 7, checked
    assert found == {}
