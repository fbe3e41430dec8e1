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
    remaining = timer.locator("[data-timer-remaining]")
    status = timer.get_by_role("status")
    assert phase.inner_text() == "Phase 1 of 6: Open with the risk to the youth"
    assert clock.inner_text() == "15:00 left"
    assert remaining.inner_text() == "2:00:00"
    assert timer.get_by_role("button", name="Back one phase").is_disabled()

    timer.get_by_role("button", name="Start").click()
    page.clock.run_for(60_000)
    assert clock.inner_text() == "14:00 left"
    assert remaining.inner_text() == "1:59:00"  # the whole review's time left
    assert "Timer running. Phase 1 of 6" in status.inner_text()

    timer.get_by_role("button", name="Next phase").click()
    page.clock.run_for(1_000)
    assert phase.inner_text() == "Phase 2 of 6: Strengths and the youth's wishes"
    assert status.inner_text() == "Phase 2 of 6: Strengths and the youth's wishes, 15 minutes."
    assert page.locator("#agenda-strengths-wishes").get_attribute("aria-current") == "step"
    assert page.locator("#agenda-risk").get_attribute("aria-current") is None

    timer.get_by_role("button", name="Back one phase").click()
    assert phase.inner_text().startswith("Phase 1 of 6") and clock.inner_text() == "15:00 left"
    timer.get_by_role("button", name="Next phase").click()

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
    assert timer.get_by_role("button", name="Start").is_visible()

    assert page.evaluate(STORAGE) == before
    page.reload()
    assert page.locator("[data-timer-phase]").inner_text().startswith("Phase 1 of 6")  # nothing carried over
    assert page.recorder.foreign == [] and page.recorder.errors == []


def test_over_time_shows_on_the_bar_and_is_announced_once_without_sound(server, page):
    page.add_init_script("""(() => {
        window.__sounds = 0;
        for (const name of ["AudioContext", "webkitAudioContext"]) {
            const Real = window[name];
            if (Real) window[name] = function (...a) { window.__sounds += 1; return new Real(...a); };
        }
        const play = HTMLMediaElement.prototype.play;
        HTMLMediaElement.prototype.play = function () { window.__sounds += 1; return play.call(this); };
    })()""")
    page.clock.install()
    page.goto(server + "pcr/consultation.html")
    timer = page.locator("[data-consult-timer]")
    timer.get_by_role("button", name="Start").click()
    page.clock.run_for(15 * 60_000 + 2_000)  # past phase 1's time box
    clock = timer.get_by_role("timer")
    assert clock.inner_text() == "0:02 over"
    assert "manual-timer--over" in timer.get_attribute("class")
    # seen: the clock is underlined and the bar takes a thick edge (not color alone)
    assert page.evaluate("getComputedStyle(document.querySelector('[data-timer-clock]')).textDecorationLine") == "underline"
    assert page.evaluate("parseFloat(getComputedStyle(document.querySelector('[data-consult-timer]')).borderLeftWidth)") >= 6
    status = timer.get_by_role("status")
    assert status.get_attribute("aria-live") == "polite"
    assert status.inner_text() == "Time is up for phase 1: Open with the risk to the youth. Move to the next phase when ready."
    page.clock.run_for(60_000)
    assert status.inner_text().startswith("Time is up for phase 1")  # said once, not every second
    assert clock.get_attribute("aria-live") is None  # role=timer: the ticking is not read out
    assert page.evaluate("window.__sounds") == 0
    assert page.locator("audio, video").count() == 0


WAKE_LOCK_MOCK = """(() => {
    window.__wake = [];
    const lock = {
        request(type) {
            window.__wake.push("request " + type);
            const sentinel = new EventTarget();
            sentinel.released = false;
            sentinel.release = () => {
                if (!sentinel.released) {
                    sentinel.released = true;
                    window.__wake.push("release");
                    sentinel.dispatchEvent(new Event("release"));
                }
                return Promise.resolve();
            };
            return Promise.resolve(sentinel);
        }
    };
    Object.defineProperty(Navigator.prototype, "wakeLock", {get: () => lock, configurable: true});
    let hidden = false;
    Object.defineProperty(Document.prototype, "hidden", {get: () => hidden, configurable: true});
    Object.defineProperty(Document.prototype, "visibilityState", {get: () => hidden ? "hidden" : "visible", configurable: true});
    window.__setHidden = h => { hidden = h; document.dispatchEvent(new Event("visibilitychange")); };
})()"""


def test_screen_kept_awake_while_running_and_let_go_on_pause_and_when_hidden(server, page):
    """Headless Chromium has no screen to keep on, so the Screen Wake Lock API is
    replaced by a recorder with the same shape."""
    page.add_init_script(WAKE_LOCK_MOCK)
    page.goto(server + "pcr/consultation.html")
    wake = lambda: page.evaluate("window.__wake")  # noqa: E731
    timer = page.locator("[data-consult-timer]")
    assert wake() == []  # nothing until the timer runs
    timer.get_by_role("button", name="Start").click()
    page.wait_for_function("() => window.__wake.length === 1")
    assert wake() == ["request screen"]
    timer.get_by_role("button", name="Pause").click()
    assert wake() == ["request screen", "release"]
    page.evaluate("window.__setHidden(true)")
    page.evaluate("window.__setHidden(false)")
    assert wake() == ["request screen", "release"]  # paused: hiding and showing asks for nothing
    timer.get_by_role("button", name="Resume").click()
    page.wait_for_function("() => window.__wake.length === 3")
    page.evaluate("window.__setHidden(true)")  # another app, or the phone locked
    assert wake() == ["request screen", "release", "request screen", "release"]
    page.evaluate("window.__setHidden(false)")  # back, still running: asked for again
    page.wait_for_function("() => window.__wake.length === 5")
    timer.get_by_role("button", name="Reset").click()
    assert wake() == ["request screen", "release", "request screen", "release", "request screen", "release"]
    assert page.recorder.errors == []


def test_timer_without_a_wake_lock_api_still_runs(server, page):
    page.add_init_script("delete Navigator.prototype.wakeLock")
    page.clock.install()
    page.goto(server + "pcr/consultation.html")
    timer = page.locator("[data-consult-timer]")
    timer.get_by_role("button", name="Start").click()
    page.clock.run_for(5_000)
    assert timer.get_by_role("timer").inner_text() == "14:55 left"
    assert page.recorder.errors == []


PHONE = {"width": 375, "height": 812}


def phone_context(browser, height: int = 812):
    return browser.new_context(viewport={"width": 375, "height": height}, has_touch=True, is_mobile=True)


def in_view(locator, page) -> bool:
    box = locator.bounding_box()
    vp = page.viewport_size
    return box is not None and box["y"] >= 0 and box["y"] + box["height"] <= vp["height"]


@pytest.mark.parametrize("height", [667, 812])
def test_two_taps_from_the_home_page_start_a_review_on_a_phone(server, browser, height):
    """Tap 1: "Open consultation mode", in view on the home page as it opens;
    tap 2: Start, in view on the page that opens. No scrolling, no menu."""
    context = phone_context(browser, height)
    page = context.new_page()
    try:
        page.goto(server + "index.html")
        taps = 0
        link = page.get_by_role("link", name="Open consultation mode")
        assert in_view(link, page), link.bounding_box()
        link.tap()
        taps += 1
        page.wait_for_url("**/pcr/consultation.html#timer")
        start = page.get_by_role("button", name="Start")
        start.wait_for()
        assert in_view(start, page), start.bounding_box()
        start.tap()
        taps += 1
        assert page.get_by_role("button", name="Pause").is_visible()
        assert taps == 2
    finally:
        context.close()


def bar_and_phase(page, index: int) -> dict:
    """Where the timer bar, the header, and phase ``index``'s heading, roles and
    first prompt are on screen."""
    return page.evaluate("""i => {
        const box = e => { const r = e.getBoundingClientRect(); return {top: r.top, bottom: r.bottom}; };
        const h = document.querySelectorAll("h3[data-minutes]")[i];
        let el = h.nextElementSibling, roles = null, prompt = null;
        while (el && el.tagName !== "H3") {
            if (!roles && el.tagName === "UL") roles = el;
            if (!prompt && el.tagName === "OL") prompt = el.querySelector("li");
            el = el.nextElementSibling;
        }
        return {header: box(document.querySelector(".md-header")),
                bar: box(document.querySelector("[data-consult-timer]")),
                heading: box(h), roles: box(roles), prompt: box(prompt),
                height: innerHeight};
    }""", index)


def assert_phase_under_bar(where: dict, label: str):
    bar, heading = where["bar"], where["heading"]
    assert abs(bar["top"] - where["header"]["bottom"]) <= 1, f"{label}: the bar is not at the top: {where}"
    assert bar["bottom"] <= heading["top"] <= bar["bottom"] + 24, f"{label}: the phase is not right under the bar: {where}"
    assert where["roles"]["top"] < where["height"], f"{label}: who does what is off screen: {where}"
    assert where["prompt"]["top"] < where["height"] - 20, f"{label}: the first prompt is off screen: {where}"


def test_running_bar_stays_in_view_with_the_current_phase_right_under_it(server, browser):
    context = phone_context(browser)
    page = context.new_page()
    try:
        page.goto(server + "pcr/consultation.html")
        timer = page.locator("[data-consult-timer]")
        timer.get_by_role("button", name="Start").click()
        assert_phase_under_bar(bar_and_phase(page, 0), "start")
        # the bar is compact: under a third of the screen, the header included
        assert bar_and_phase(page, 0)["bar"]["bottom"] < 812 / 3
        for i in range(1, 6):
            timer.get_by_role("button", name="Next phase").click()
            assert_phase_under_bar(bar_and_phase(page, i), f"phase {i + 1}")
        timer.get_by_role("button", name="Back one phase").click()
        assert_phase_under_bar(bar_and_phase(page, 4), "back to phase 5")
        # reading on down the agenda, the bar stays where it is
        for _ in range(3):
            page.mouse.wheel(0, 400)
            page.wait_for_timeout(100)
            where = bar_and_phase(page, 4)
            assert abs(where["bar"]["top"] - where["header"]["bottom"]) <= 1, where
        # before Start the timer sits in the page, not over it
        timer.get_by_role("button", name="Reset").click()
        page.evaluate("window.scrollTo(0, document.body.scrollHeight / 2)")
        assert bar_and_phase(page, 0)["bar"]["bottom"] < 0
    finally:
        context.close()


def test_consultation_on_a_phone(server, browser):
    context = phone_context(browser)
    page = context.new_page()
    try:
        for width in (375, 320):
            page.set_viewport_size({"width": width, "height": 812})
            page.goto(server + "pcr/consultation.html")
            assert page.evaluate("document.documentElement.scrollWidth") <= width
            buttons = page.locator("[data-consult-timer] button")
            assert buttons.count() == 4
            for state in ("Start", "Pause", "Resume"):  # the longest label included
                if state != "Start":
                    page.locator("[data-timer-start]").click()
                assert page.locator("[data-timer-start]").inner_text() == state
                tops = set()
                for i in range(4):
                    b = buttons.nth(i)
                    box = b.bounding_box()
                    assert box["width"] >= 44 and box["height"] >= 44, (width, b.inner_text(), box)
                    assert b.evaluate("e => e.scrollWidth <= e.clientWidth"), (width, b.inner_text(), "text wider than the button")
                    tops.add(round(box["y"]))
                assert len(tops) == 1, f"{width}px, {state}: the buttons wrap onto {len(tops)} rows"
        # every prompt links to its question in the bank
        prompts = page.locator("article ol a[href*='questions.html#']")
        assert prompts.count() == 25
    finally:
        context.close()


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
