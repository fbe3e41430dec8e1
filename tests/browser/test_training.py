"""Training modules in a real browser, used as a learner uses them: knowledge
checks by mouse and by keyboard with feedback read out from a live region, the
score and a retry, the last score and its date kept across a reload (and
nothing else kept), "complete" only at the pass mark, clearing one score or
all, the course test scored as a whole, the same from file://, the answers
readable without JavaScript, no request to another host, and the printouts'
page counts on Letter and A4."""
from __future__ import annotations

import io
import json
import re

import pytest
from pypdf import PdfReader

from printouts import marked_pages

KEY = "permanency-manual.training-scores"
MODULE = "training/01-why-permanency.html"
RIGHT = [  # module 1's correct answers, in order
    "No; legal permanency is reunification, adoption or guardianship",
    "It counts as relational permanency only while work toward legal permanency goes on",
    "56 percent had entered care between ages 6 and 11",
    "It blamed the youth, as if they chose to stay in care",
]
WRONG_2 = "It counts as permanency for good, since a safe home with a relative is the end goal the definition sets"
DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# Pages each printout takes in Debian's Chromium (measured; a change to a module's
# data or to the print styles that moves these is worth a look at the PDF). Each
# link prints its address (once per section), which took most of them a page more.
EXPECTED_PAGES = {
    "handouts": {
        "why-permanency": (5, 5), "core-practice-model": (6, 5), "ccr-and-programs": (6, 5),
        "finding-connections": (7, 7), "permanency-case-review": (6, 6),
        "lessons-and-barriers": (6, 5), "cfpm-disparities-partnership": (6, 6),
    },
    "facilitator": {
        "why-permanency": (6, 6), "core-practice-model": (6, 6), "ccr-and-programs": (7, 6),
        "finding-connections": (7, 7), "permanency-case-review": (9, 9),
        "lessons-and-barriers": (7, 6), "cfpm-disparities-partnership": (8, 8),
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
        "Question 1 of 4: A youth has lived with the same foster family for four years, and the case plan is "
        "long-term foster care with them. In Sacramento County's definition, is this legal permanency?")
    assert feedback(q).inner_text() == ""

    q.get_by_label("Yes, once the foster family agrees in writing to keep the youth").click()
    q.get_by_role("button", name="Check answer").click()
    assert feedback(q).inner_text() == (
        "Not correct. A written promise is not one of the legal routes; reunification, adoption and "
        "guardianship are.")
    assert feedback(q).get_attribute("aria-live") == "polite"

    # a new choice clears the old feedback; checking it shows the new one
    q.get_by_label(RIGHT[0]).click()
    assert feedback(q).inner_text() == ""
    q.get_by_role("button", name="Check answer").click()
    assert feedback(q).inner_text().startswith("Correct. Sacramento agreed this definition with its staff")
    assert page.recorder.foreign == [] and page.recorder.errors == []


def test_answer_by_keyboard_only(page, server):
    page.goto(server + MODULE)
    q = question(page, 1)
    q.locator("input").first.focus()
    page.keyboard.press("ArrowDown")   # moves to, and selects, the second option
    assert q.get_by_label(RIGHT[1]).is_checked()
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Check answer"
    page.keyboard.press("Enter")
    assert feedback(q).inner_text().startswith("Correct. This is relational permanency")
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("ArrowUp")     # back to the first option: wrong
    page.keyboard.press("Tab")
    page.keyboard.press("Space")
    assert feedback(q).inner_text().startswith("Not correct. The definition counts the placement only while")


def test_checking_without_an_answer_says_so(page, server):
    page.goto(server + MODULE)
    q = question(page, 2)
    q.get_by_role("button", name="Check answer").click()
    assert feedback(q).inner_text() == "Choose an answer first."


def stored(page):
    return page.evaluate(f"window.localStorage.getItem({json.dumps(KEY)})")


def answer(page, answers):
    for n, text in enumerate(answers):
        q = question(page, n)
        q.get_by_label(text).check()
        q.get_by_role("button", name="Check answer").click()
    page.get_by_role("button", name="See my score").click()


def test_finish_the_check_see_the_score_and_try_again(page, server):
    page.goto(server + MODULE)
    score = page.locator(".training-check__score")
    page.get_by_role("button", name="See my score").click()
    assert score.inner_text() == ("Your score: 0 of 4 right the first time. 4 questions have not been checked "
                                  "yet; the score is kept once every question has been.")
    assert stored(page) is None  # nothing kept for an unfinished check
    # wrong first at question 2; a second try is right, but the score counts the first
    answer(page, [RIGHT[0], WRONG_2, RIGHT[2], RIGHT[3]])
    question(page, 1).get_by_label(RIGHT[1]).check()
    question(page, 1).get_by_role("button", name="Check answer").click()
    page.get_by_role("button", name="See my score").click()
    assert score.inner_text() == ("Your score: 3 of 4 right the first time. That reaches the pass mark of 3. "
                                  "Kept in this browser with today's date.")
    assert score.get_attribute("role") == "status"

    page.get_by_role("button", name="Try again").click()
    assert score.inner_text() == ""
    assert page.locator("fieldset.training-q input:checked").count() == 0
    assert all(feedback(question(page, n)).inner_text() == "" for n in range(4))
    page.wait_for_function("() => document.activeElement && document.activeElement.type === 'radio'")
    answer(page, RIGHT)
    assert score.inner_text().startswith("Your score: 4 of 4 right the first time. That reaches the pass mark")


def test_score_kept_across_reload_complete_only_after_a_pass_and_cleared(page, server):
    page.goto(server + MODULE)
    record = page.locator(".training-record").get_by_role("status")
    assert record.inner_text() == "No score is kept for this module in this browser. The pass mark is 3 of 4."
    # a failing score is kept, but the module is not complete
    answer(page, ["Yes, once the foster family agrees in writing to keep the youth", WRONG_2, RIGHT[2], RIGHT[3]])
    kept = json.loads(stored(page))
    assert list(kept) == ["why-permanency"]
    assert set(kept["why-permanency"]) == {"score", "total", "date"}
    assert kept["why-permanency"]["score"] == 2 and kept["why-permanency"]["total"] == 4
    assert DATE.match(kept["why-permanency"]["date"])
    assert record.inner_text().startswith("Your last score: 2 of 4 on ")
    assert "Not passed yet: the pass mark is 3 of 4." in record.inner_text()

    page.reload()
    assert "Your last score: 2 of 4" in record.inner_text() and "Not passed yet" in record.inner_text()
    page.get_by_role("button", name="Try again").click()
    answer(page, RIGHT)
    assert record.inner_text().endswith("Passed (pass mark 3 of 4): this module is complete.")
    page.reload()
    assert record.inner_text().startswith("Your last score: 4 of 4 on ")

    # a second module, failed: kept, not complete
    page.goto(server + "training/05-permanency-case-review.html")
    for n in range(6):
        question(page, n).locator("input").first.check()
        question(page, n).get_by_role("button", name="Check answer").click()
    page.get_by_role("button", name="See my score").click()

    page.goto(server + "training/index.html")
    status = page.locator(".training-progress").get_by_role("status")
    assert status.inner_text() == "1 of 7 modules complete in this browser."
    cells = {c.get_attribute("data-training-score"): c.inner_text() for c in page.locator("[data-training-score]").all()}
    assert re.fullmatch(r"4 of 4 on \d{4}-\d{2}-\d{2} \(complete\)", cells["why-permanency"])
    assert re.fullmatch(r"\d of 6 on \d{4}-\d{2}-\d{2} \(not passed yet\)", cells["permanency-case-review"])
    assert cells["core-practice-model"] == "none yet" and cells["pre-test"] == "none yet"
    # storage holds nothing but ids, scores and dates, under the one key
    kept = json.loads(stored(page))
    assert sorted(kept) == ["permanency-case-review", "why-permanency"]
    assert all(set(v) == {"score", "total", "date"} and DATE.match(v["date"]) for v in kept.values())
    keys = page.evaluate("Object.keys(localStorage)")
    assert [k for k in keys if not k.endswith(".__palette")] == [KEY]
    assert page.evaluate("sessionStorage.length") == 0 and page.evaluate("document.cookie") == ""

    page.get_by_role("button", name="Clear all my scores").click()
    assert status.inner_text() == "All scores cleared. 0 of 7 modules complete in this browser."
    assert stored(page) is None
    page.goto(server + MODULE)
    assert record.inner_text().startswith("No score is kept for this module")
    assert page.recorder.foreign == [] and page.recorder.errors == []


def test_clearing_one_modules_score(page, server):
    page.goto(server + MODULE)
    answer(page, RIGHT)
    page.locator(".training-record").get_by_role("button", name="Clear this score").click()
    assert page.locator(".training-record").get_by_role("status").inner_text().startswith(
        "Score cleared. No score is kept for this module")
    assert stored(page) is None


def test_an_old_completed_mark_is_not_kept(page, server):
    # the ids-only key of earlier versions is removed, not carried over as completion
    page.goto(server + MODULE)
    page.evaluate("localStorage.setItem('permanency-manual.training-completed', '[\"why-permanency\"]')")
    page.reload()
    assert page.evaluate("localStorage.getItem('permanency-manual.training-completed')") is None
    assert page.locator(".training-record").get_by_role("status").inner_text().startswith("No score is kept")


def test_course_post_test_is_scored_as_a_whole_and_kept(page, server):
    page.goto(server + "training/post-test.html")
    assert page.locator("fieldset.training-q").count() == 15
    assert page.get_by_role("button", name="Check answer").count() == 0
    page.get_by_role("button", name="See my score").click()
    score = page.locator(".training-check__score")
    assert score.inner_text() == ("15 questions are not answered yet. Answer every question, then select "
                                  "“See my score”.")
    for n in range(15):
        question(page, n).locator("input[data-correct=true]").check()
    page.get_by_role("button", name="See my score").click()
    assert score.inner_text() == ("Your score: 15 of 15. That reaches the pass mark of 12. "
                                  "Kept in this browser with today's date.")
    assert feedback(question(page, 0)).inner_text().startswith("Correct. ")
    assert page.locator(".training-record").get_by_role("status").inner_text().endswith(
        "Passed (pass mark 12 of 15): the post-test is complete.")
    kept = json.loads(stored(page))
    assert list(kept) == ["post-test"] and kept["post-test"]["score"] == 15
    page.goto(server + "training/index.html")
    assert page.locator('[data-training-score="post-test"]').inner_text().endswith("(mastery)")


def test_abbreviations_in_questions_show_their_expansion(page, server):
    page.goto(server + "training/04-finding-connections.html")
    abbr = question(page, 0).locator("legend abbr")
    assert abbr.inner_text() == "P3" and abbr.get_attribute("title") == "Permanency Partners Program"


def test_works_from_file(context, site):
    page = context.new_page()
    requests = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto((site / MODULE).as_uri())
    answer(page, RIGHT)
    assert feedback(question(page, 0)).inner_text().startswith("Correct.")
    page.goto((site / "training/index.html").as_uri())
    assert page.locator(".training-progress").get_by_role("status").inner_text() == (
        "1 of 7 modules complete in this browser.")
    page.get_by_role("button", name="Clear all my scores").click()
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
    assert not page.get_by_role("button", name="Clear this score").is_visible()
    key = page.locator("details", has=page.locator("summary", has_text="Answer key"))
    assert key.count() == 1 and key.get_attribute("open") is None
    key.locator("summary").click()
    text = key.inner_text()
    assert f"A. {RIGHT[0]} (correct answer): Sacramento agreed this definition" in text
    assert "C. Yes, once the foster family agrees in writing to keep the youth: A written promise" in text
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
    a score and the kept score showing, in both colour schemes."""
    from axe_playwright_python.sync_playwright import Axe

    ctx = browser.new_context(color_scheme=scheme)
    page = ctx.new_page()
    page.goto(server + "training/03-ccr-and-programs.html")
    for n in range(5):  # one right, then wrong answers: feedback of both kinds, a score, the kept score
        question(page, n).locator("input[data-correct=true]" if n == 0 else "input[data-correct=false]").first.check()
        question(page, n).get_by_role("button", name="Check answer").click()
    page.get_by_role("button", name="See my score").click()
    options = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
               "resultTypes": ["violations"]}
    found = Axe().run(page, options=options).response["violations"]
    assert [(v["id"], n["target"]) for v in found for n in v["nodes"]] == []
    ctx.close()


@pytest.mark.parametrize("slug, pages", [("pre-test", (4, 4)), ("post-test", (4, 4)), ("course-test-key", (16, 16))])
def test_course_test_prints_for_paper_sessions(printouts, slug, pages):
    """The forms print as paper tests without answers; the key prints with them."""
    for paper, expected in zip(("Letter", "A4"), pages):
        pdf = PdfReader(io.BytesIO(printouts[(f"training/{slug}.md", paper)]))  # as `make pdf` prints it
        whole = " ".join(" ".join(p.extract_text().split()) for p in pdf.pages)
        assert len(pdf.pages) == expected, f"{slug} on {paper}: {len(pdf.pages)} pages, expected {expected}"
        assert "See my score" not in whole and "Check answer" not in whole
        if slug == "course-test-key":
            assert "Form A: the pre-test" in whole and "(correct answer)" in whole
        else:
            assert "Question 15 of 15" in whole and "correct answer" not in whole and "Not correct" not in whole
