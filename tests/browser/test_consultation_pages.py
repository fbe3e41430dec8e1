"""Consultation mode, the quick reference and the crosswalk in Chromium: the
phase timer as a facilitator uses it (and that it keeps nothing), the page on a
375px phone, and the printouts counted page by page on Letter and A4."""
from __future__ import annotations

import io

import pytest
from pypdf import PdfReader


STORAGE = """() => ({local: Object.entries(localStorage).sort(),
                   session: Object.entries(sessionStorage).sort(),
                   cookies: document.cookie})"""


def test_timer_starts_moves_to_the_next_phase_and_stores_nothing(server, page):
    page.clock.install()
    page.goto(server + "pcr/consultation.html")
    before = page.evaluate(STORAGE)
    timer = page.locator("[data-consult-timer]")
    assert timer.is_visible()
    assert not page.locator(".manual-timer__fallback").is_visible()  # the no-JavaScript note
    phase = timer.locator("[data-timer-phase]")
    clock = timer.get_by_role("timer")
    status = timer.get_by_role("status")
    assert phase.inner_text() == "Phase 1 of 6: Open with the risk to the youth"
    assert clock.inner_text() == "15:00 left"

    timer.get_by_role("button", name="Start").click()
    assert timer.get_by_role("button", name="Pause").get_attribute("aria-pressed") == "true"
    page.clock.run_for(60_000)
    assert clock.inner_text() == "14:00 left"
    assert timer.locator("[data-timer-elapsed]").inner_text() == "1:00"
    assert "Timer running. Phase 1 of 6" in status.inner_text()

    timer.get_by_role("button", name="Next phase").click()
    page.clock.run_for(1_000)
    assert phase.inner_text() == "Phase 2 of 6: Strengths and the youth's wishes"
    assert status.inner_text() == "Phase 2 of 6: Strengths and the youth's wishes, 15 minutes."
    assert page.locator("#agenda-strengths-wishes").get_attribute("aria-current") == "step"
    assert page.locator("#agenda-risk").get_attribute("aria-current") is None

    page.clock.run_for(15 * 60_000 + 2_000)  # past the phase's time box: said once, politely
    assert clock.inner_text().endswith(" over")
    assert status.inner_text().startswith("Time is up for phase 2")
    assert status.get_attribute("aria-live") == "polite"

    timer.get_by_role("button", name="Pause").click()
    frozen = clock.inner_text()
    page.clock.run_for(120_000)
    assert clock.inner_text() == frozen
    assert timer.get_by_role("button", name="Resume").is_visible()

    # the last phase has no next
    for _ in range(4):
        timer.get_by_role("button", name="Next phase").click()
    assert phase.inner_text().startswith("Phase 6 of 6")
    assert timer.get_by_role("button", name="Next phase").is_disabled()
    timer.get_by_role("button", name="Reset").click()
    assert phase.inner_text().startswith("Phase 1 of 6") and clock.inner_text() == "15:00 left"

    assert page.evaluate(STORAGE) == before
    page.reload()
    assert page.locator("[data-timer-phase]").inner_text().startswith("Phase 1 of 6")  # nothing carried over
    assert page.recorder.foreign == [] and page.recorder.errors == []


def test_consultation_on_a_phone(server, page):
    page.set_viewport_size({"width": 375, "height": 812})
    page.goto(server + "pcr/consultation.html")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    buttons = page.locator("[data-consult-timer] button")
    assert buttons.count() == 3
    for i in range(3):
        box = buttons.nth(i).bounding_box()
        assert box["width"] >= 44 and box["height"] >= 44, (buttons.nth(i).inner_text(), box)
    # every prompt links to its question in the bank
    prompts = page.locator("article ol a[href*='questions.html#']")
    assert prompts.count() == 25


@pytest.mark.parametrize("fmt", ["Letter", "A4"])
def test_consultation_prints_as_a_one_page_agenda(printouts, fmt):
    pdf = PdfReader(io.BytesIO(printouts[("pcr/consultation.md", fmt)]))  # as `make pdf` prints it
    assert len(pdf.pages) == 1, f"{fmt}: {len(pdf.pages)} pages"
    text = " ".join(pdf.pages[0].extract_text().split())
    for title in ("Open with the risk to the youth", "Relationships and connections",
                  "Strategy, assignments and follow-up date", "Closing record", "Follow-up meeting"):
        assert title in text, title
    assert "Phase timer" not in text and "Start" not in text.split("Closing")[0][-200:]
    assert "Current copy:" in text and "Last reviewed" in text  # the provenance footer


@pytest.mark.parametrize("fmt", ["Letter", "A4"])
def test_quick_reference_prints_on_one_sheet(printouts, fmt):
    pdf = PdfReader(io.BytesIO(printouts[("quick-reference.md", fmt)]))
    assert len(pdf.pages) <= 2, f"{fmt}: {len(pdf.pages)} pages"
    text = " ".join(" ".join(p.extract_text() for p in pdf.pages).split())
    for item in ("Communicate openly", "Prepare for transitions", "On a scale of 1 to 10",
                 "Second-chance reunification", "NREFM", "ccr@dss.ca.gov", "Current copy:"):
        assert item in text, item
    assert pdf.pages[-1].extract_text().strip()  # no blank trailing page


def test_every_crosswalk_cell_links(server, page):
    page.goto(server + "crosswalk.html")
    cells = page.locator(".manual-crosswalk td")
    assert cells.count() > 100
    empty = page.evaluate("""() => Array.from(document.querySelectorAll('.manual-crosswalk td'))
                              .filter(td => !td.querySelector('a[href]')).map(td => td.textContent)""")
    assert empty == []
    page.get_by_role("link", name="Permanency Partners Program (P3)").first.click()
    page.wait_for_url("**/programs/p3.html")
    related = page.get_by_role("navigation", name="Related pages")
    assert related.get_by_role("link", name="4. Find and engage important people").is_visible()
