"""The permanency case review pages, options and glossary in Chromium: an
abbreviation shows its expansion on hover and on keyboard focus, pages fit a
375px phone, printouts spell abbreviations out, and question links land."""
from __future__ import annotations

import pytest

NEW_PAGES = [
    "index.html",
    "pcr/index.html",
    "pcr/roles.html",
    "pcr/running-a-review.html",
    "pcr/questions.html",
    "pcr/case-stories.html",
    "pcr/lessons-learned.html",
    "pcr/data-elements.html",
    "permanency-options.html",
    "glossary.html",
]


def test_abbreviation_shows_its_expansion_on_hover(server, page):
    page.goto(server + "permanency-options.html")
    nrefm = page.locator("article abbr", has_text="NREFM").first
    assert nrefm.get_attribute("title") == "non-related, extended family member"
    nrefm.hover()
    tooltip = page.locator(".md-tooltip2", has_text="non-related, extended family member")
    tooltip.wait_for(state="visible", timeout=5000)
    assert page.recorder.errors == []


def test_abbreviation_shows_its_expansion_on_keyboard_focus(server, page):
    page.goto(server + "pcr/roles.html")
    first = page.locator("article abbr[tabindex='0']", has_text="PCR").first
    # reach it with the keyboard: Tab from the element just before it
    first.evaluate("el => { const a = document.createElement('a'); a.href = '#'; a.id = 'start';"
                   " el.before(a); a.focus(); }")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "PCR"
    page.locator(".md-tooltip2", has_text="permanency case review").wait_for(state="visible", timeout=5000)


@pytest.mark.parametrize("rel", NEW_PAGES)
def test_page_fits_a_375px_phone_without_sideways_scroll(server, phone, rel):
    phone.goto(server + rel)  # laid out by "load": the width needs nothing from the network
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, f"{rel} is {width}px wide"


def test_printout_spells_out_the_first_use_of_an_abbreviation(server, page):
    page.goto(server + "permanency-options.html")
    page.emulate_media(media="print")
    first = page.locator("article abbr[tabindex='0']", has_text="NREFM").first
    after = first.evaluate("el => getComputedStyle(el, '::after').content")
    assert after == '" (non-related, extended family member)"'
    # later uses stay short
    later = page.locator("article abbr:not([tabindex])", has_text="NREFM").first
    assert later.evaluate("el => getComputedStyle(el, '::after').content") == "none"
    assert page.locator(".md-sidebar--primary").is_hidden()
    pdf = page.pdf(format="Letter")
    assert pdf.startswith(b"%PDF")


def test_story_links_land_on_the_question_in_the_bank(server, page):
    page.goto(server + "pcr/case-stories.html")
    page.locator("article").get_by_role("link", name="Could the youth go home to a parent, even one the agency had considered out of the picture?").click()
    page.wait_for_url("**/pcr/questions.html#second-chance")
    heading = page.locator("h3#second-chance")
    assert heading.is_visible()
    assert "second-chance reunification" in page.locator("article").inner_text().lower()
