"""Training modules in a real browser, used as a learner uses them: knowledge
checks by mouse and by keyboard with feedback read out from a live region, the
score and a retry, the "completed" mark kept across a reload and cleared with one
button, the same from file://, the answers readable without JavaScript, no
request to another host, and the printouts' page counts on Letter and A4."""
from __future__ import annotations

import io
import json
import re

import pytest
from pypdf import PdfReader

from printouts import marked_pages

KEY = "permanency-manual.training-completed"
MODULE = "training/01-why-permanency.html"

# Pages each printout takes in Debian's Chromium (measured; a change to a module's
# data or to the print styles that moves these is worth a look at the PDF). Each
# link prints its address (once per section), which took most of them a page more.
EXPECTED_PAGES = {
    "handouts": {
        "why-permanency": (4, 4), "core-practice-model": (3, 3), "ccr-and-programs": (4, 3),
        "finding-connections": (4, 4), "permanency-case-review": (4, 3),
        "lessons-and-barriers": (4, 3), "cfpm-disparities-partnership": (4, 3),
    },
    "facilitator": {
        "why-permanency": (5, 5), "core-practice-model": (6, 5), "ccr-and-programs": (6, 5),
        "finding-connections": (6, 5), "permanency-case-review": (6, 6),
        "lessons-and-barriers": (5, 5), "cfpm-disparities-partnership": (6, 5),
    },
}


def question(page, n):
    return page.locator("fieldset.training-q").nth(n)


def feedback(fieldset):
    return fieldset.get_by_role("status")


def test_answer_wrong_then_right_by_mouse(page, server):
    page.goto(server + MODULE)
    q = question(page, 0)
    assert q.locator("legend").inner_text() == (
        "Question 1 of 4: In Sacramento County's definition, which three outcomes are legal permanency?")
    assert feedback(q).inner_text() == ""

    q.get_by_label("Reunification, adoption or a stable group home placement").click()
    q.get_by_role("button", name="Check answer").click()
    assert feedback(q).inner_text() == (
        "Not correct. A group home is a placement, not a family. The three legal routes are "
        "reunification, adoption and guardianship.")
    assert feedback(q).get_attribute("aria-live") == "polite"

    # a new choice clears the old feedback; checking it shows the new one
    q.get_by_label("Reunification, adoption or guardianship").click()
    assert feedback(q).inner_text() == ""
    q.get_by_role("button", name="Check answer").click()
    assert feedback(q).inner_text().startswith("Correct. Sacramento agreed this definition with its staff")
    assert page.recorder.foreign == [] and page.recorder.errors == []


def test_answer_by_keyboard_only(page, server):
    page.goto(server + MODULE)
    q = question(page, 1)
    q.locator("input").first.focus()
    page.keyboard.press("ArrowDown")   # moves to, and selects, the second option
    assert q.get_by_label("When it is safe, stable and secure and work toward legal permanency continues").is_checked()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Check answer"
    page.keyboard.press("Enter")
    assert feedback(q).inner_text().startswith("Correct. This is relational permanency")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("ArrowUp")     # back to the first option: wrong
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    assert feedback(q).inner_text().startswith("Not correct. The definition sets no time limit")


def test_checking_without_an_answer_says_so(page, server):
    page.goto(server + MODULE)
    q = question(page, 2)
    q.get_by_role("button", name="Check answer").click()
    assert feedback(q).inner_text() == "Choose an answer first."


def test_finish_the_check_see_the_score_and_try_again(page, server):
    page.goto(server + MODULE)
    answers = [
        "Reunification, adoption or guardianship",                                  # right
        "Always, once the placement has lasted two years",                          # wrong
        "African American children were 46 percent of them, against 17 percent white children",  # right
        "The term blamed the youth, as if they chose to stay in care",              # right
    ]
    score = page.locator(".training-check__score")
    page.get_by_role("button", name="See my score").click()
    assert score.inner_text() == "Your score: 0 of 4 right the first time. 4 questions have not been checked yet."
    for n, answer in enumerate(answers):
        q = question(page, n)
        q.get_by_label(answer).check()
        q.get_by_role("button", name="Check answer").click()
    # a second try at question 2 is right, but the score counts the first
    question(page, 1).get_by_label("When it is safe, stable and secure and work toward legal permanency continues").check()
    question(page, 1).get_by_role("button", name="Check answer").click()
    page.get_by_role("button", name="See my score").click()
    assert score.inner_text() == (
        "Your score: 3 of 4 right the first time. Read the feedback, revisit the pages it names, and try again.")
    assert score.get_attribute("role") == "status"

    page.get_by_role("button", name="Try again").click()
    assert score.inner_text() == ""
    assert page.locator("fieldset.training-q input:checked").count() == 0
    assert all(feedback(question(page, n)).inner_text() == "" for n in range(4))
    page.wait_for_function("document.activeElement && document.activeElement.type === 'radio'")
    for n, answer in enumerate(["Reunification, adoption or guardianship",
                                "When it is safe, stable and secure and work toward legal permanency continues",
                                "African American children were 46 percent of them, against 17 percent white children",
                                "The term blamed the youth, as if they chose to stay in care"]):
        question(page, n).get_by_label(answer).check()
        question(page, n).get_by_role("button", name="Check answer").click()
    page.get_by_role("button", name="See my score").click()
    assert score.inner_text() == "Your score: 4 of 4 right the first time. Well done."


def stored(page):
    return page.evaluate(f"window.localStorage.getItem({json.dumps(KEY)})")


def test_mark_complete_reload_and_clear(page, server):
    page.goto(server + MODULE)
    box = page.get_by_label("I have completed this module")
    assert not box.is_checked()
    box.check()
    assert page.locator(".training-complete").get_by_role("status").inner_text() == "Marked complete in this browser."
    assert json.loads(stored(page)) == ["why-permanency"]  # module ids only

    page.reload()
    assert page.get_by_label("I have completed this module").is_checked()

    page.goto(server + "training/05-permanency-case-review.html")
    page.get_by_label("I have completed this module").check()
    assert json.loads(stored(page)) == ["why-permanency", "permanency-case-review"]

    page.goto(server + "training/index.html")
    status = page.locator(".training-progress").get_by_role("status")
    assert status.inner_text() == "You have marked 2 of 7 modules complete in this browser."
    done = page.locator("[data-training-done]:visible")
    assert [d.get_attribute("data-training-done") for d in done.all()] == ["why-permanency", "permanency-case-review"]
    assert all(d.inner_text() == "(completed)" for d in done.all())

    page.get_by_role("button", name="Clear my progress").click()
    assert status.inner_text() == "Progress cleared. No module is marked complete in this browser."
    assert stored(page) is None
    assert page.locator("[data-training-done]:visible").count() == 0
    page.goto(server + MODULE)
    assert not page.get_by_label("I have completed this module").is_checked()
    # only the one key was ever written, besides Material's own colour-scheme preference
    keys = page.evaluate("Object.keys(localStorage)")
    assert [k for k in keys if not k.endswith(".__palette")] == []
    assert page.recorder.foreign == [] and page.recorder.errors == []


def test_unmarking_a_module(page, server):
    page.goto(server + MODULE)
    box = page.get_by_label("I have completed this module")
    box.check()
    box.uncheck()
    assert page.locator(".training-complete").get_by_role("status").inner_text() == "No longer marked complete."
    assert stored(page) is None


def test_works_from_file(context, site):
    page = context.new_page()
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto((site / MODULE).as_uri())
    q = question(page, 0)
    q.get_by_label("Reunification, adoption or guardianship").check()
    q.get_by_role("button", name="Check answer").click()
    assert feedback(q).inner_text().startswith("Correct.")
    page.get_by_label("I have completed this module").check()
    page.goto((site / "training/index.html").as_uri())
    assert page.locator(".training-progress").get_by_role("status").inner_text() == (
        "You have marked 1 of 7 modules complete in this browser.")
    page.get_by_role("button", name="Clear my progress").click()
    assert all(u.startswith("file://") or u.startswith("data:") for u in requests), requests


def test_without_javascript_the_answers_are_readable(browser, server):
    ctx = browser.new_context(java_script_enabled=False)
    page = ctx.new_page()
    page.goto(server + MODULE)
    # the questions and their options are there, the controls that need a script are not
    assert page.locator("fieldset.training-q legend").count() == 4
    assert page.get_by_text("Choose an answer to each question, then open the answer key below").is_visible()
    assert not page.get_by_role("button", name="Check answer").first.is_visible()
    assert not page.get_by_role("button", name="See my score").is_visible()
    assert not page.get_by_label("I have completed this module").is_visible()
    key = page.locator("details", has=page.locator("summary", has_text="Answer key"))
    assert key.count() == 1 and key.get_attribute("open") is None
    key.locator("summary").click()
    text = key.inner_text()
    assert "A. Reunification, adoption or guardianship (correct answer): Sacramento agreed this definition" in text
    assert "C. Reunification, adoption or a stable group home placement: A group home is a placement" in text
    assert "Answer: A. Taught on Permanency options" in text
    ctx.close()


@pytest.mark.parametrize("kind, module", [(k, m) for k, mods in EXPECTED_PAGES.items() for m in mods])
def test_printouts_take_the_expected_pages_on_letter_and_a4(printouts, kind, module):
    src = f"training/{kind}/{module}.md"
    title = next(p.title for p in marked_pages() if p.src_uri == src)
    for paper, expected in zip(("Letter", "A4"), EXPECTED_PAGES[kind][module]):
        pdf = PdfReader(io.BytesIO(printouts[(src, paper)]))  # as `make pdf` prints it, once per session
        texts = [" ".join(p.extract_text().split()) for p in pdf.pages]  # words, not line breaks
        assert len(texts) == expected, f"{kind}/{module} on {paper}: {len(texts)} pages, expected {expected}"
        assert title in texts[0]
        # the provenance footer ends the printout, and never stands alone on its page
        last = texts[-1]
        assert "Current copy:" in last and f"training/{kind}/{module}.html" in last
        provenance = last.rindex(f"Permanency Practice Manual · {title} · Version", 0, last.index("Last reviewed"))
        before_footer = last[:provenance].replace(f"Permanency Practice Manual · {title}", "")
        before_footer = re.sub(r"Version \S+ · page \d+ of \d+", "", before_footer)
        assert before_footer.strip(), f"{kind}/{module} on {paper}: the last page holds the footer alone"
        # Material's chrome and the screen-only controls are not printed
        whole = "\n".join(texts)
        assert "Check answer" not in whole and "Skip to content" not in whole
    if kind == "handouts":
        assert "Notes" in whole and "correct answer" not in whole
    else:
        assert "Answer key" in whole and "(correct answer)" in whole


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_answered_check_has_no_wcag_violations(browser, server, scheme):
    """The gates run axe on every page as it loads; this runs it with feedback,
    a score and the completed mark showing, in both colour schemes."""
    from axe_playwright_python.sync_playwright import Axe

    ctx = browser.new_context(color_scheme=scheme)
    page = ctx.new_page()
    page.goto(server + "training/03-ccr-and-programs.html")
    question(page, 0).get_by_label("Children do best when cared for in committed, safe and nurturing homes").check()
    question(page, 0).get_by_role("button", name="Check answer").click()
    question(page, 1).get_by_label("Training for relatives before a child is placed").check()
    question(page, 1).get_by_role("button", name="Check answer").click()
    page.get_by_role("button", name="See my score").click()
    page.get_by_label("I have completed this module").check()
    options = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
               "resultTypes": ["violations"]}
    found = Axe().run(page, options=options).response["violations"]
    assert [(v["id"], n["target"]) for v in found for n in v["nodes"]] == []
    ctx.close()
