"""The real manual, built once with --strict, read as HTML: the training course
as a participant and a facilitator see it. Reading times hold against the pages
they name, the course test's forms and key are there, the question bank and the
behavior pages say whose words are whose, and case-story titles carry no exact
age."""
from __future__ import annotations

import html as htmllib
import math
import re
from pathlib import Path

import sitecheck

WORDS_PER_MINUTE = 200   # the pace the manual's reading times assume


def _article(site: Path, page: str) -> str:
    body = (site / (page[:-3] + ".html")).read_text(encoding="utf-8")
    return re.search(r"<article[^>]*>(.*?)</article>", body, re.S).group(1)


def reading_words(site: Path, target: str) -> int:
    """Words a reader reads for a reading: the whole page's article, or from the
    anchored heading to the next heading of the same or a higher level."""
    page, _, anchor = target.partition("#")
    body = _article(site, page)
    if anchor:
        m = re.search(r'<h([1-6])[^>]*id="%s"' % re.escape(anchor), body)
        assert m, f"{target}: no heading with that id"
        rest = body[m.start():]
        nxt = re.search(r"<h[1-%s][ >]" % m.group(1), rest[5:])
        body = rest[: nxt.start() + 5] if nxt else rest
    body = re.sub(r"<script.*?</script>|<style.*?</style>|<[^>]+>", " ", body, flags=re.S)
    return len(htmllib.unescape(body).split())


def test_reading_times_hold_against_the_pages_they_name(site, manual):
    for module in manual.modules.values():
        for reading in module["readings"]:
            words = reading_words(site, reading["page"])
            need = math.ceil(words / WORDS_PER_MINUTE)
            assert reading["minutes"] >= need - 1, (
                f"{module['id']}: {reading['page']} has {words} words, about {need} min; "
                f"the module says {reading['minutes']}")


def test_course_page_lists_reading_time_scores_and_the_course_test(site):
    text = sitecheck.text(site / "training/index.html")
    assert "| Step | Module | Session | Reading |" not in text  # rendered as a table, not Markdown
    assert "Course pre-test (form A)" in text and "Course post-test (form B)" in text
    assert "Your last score" in text
    assert "Practice after the course" in text


def test_course_test_pages(site):
    for slug, form in (("pre-test", "A"), ("post-test", "B")):
        text = sitecheck.text(site / f"training/{slug}.html")
        assert f"This is form {form} of the course test" in text
        assert "Mastery mark: 12 of 15 right (80 percent, the manual's own mark)" in text
        assert text.count("Question ") >= 15 and "Question 15 of 15:" in text
    key = sitecheck.text(site / "training/course-test-key.html")
    assert "Form A: the pre-test" in key and "Form B: the post-test" in key
    assert key.count("(correct answer)") == 30


def test_practice_after_the_course(site):
    text = sitecheck.text(site / "training/after-the-course.html")
    assert "the manual's own plan" in text
    for words in ("Shadow a live review", "30 days", "60 days", "90 days",
                  "All County Letters and All County Information Notices"):
        assert words in text


def test_reflections_say_nothing_is_collected(site, manual):
    for module in manual.modules.values():
        for rel in (f"training/{module['number']:02d}-{module['id']}.html",
                    f"training/handouts/{module['id']}.html", f"training/facilitator/{module['id']}.html"):
            assert "nothing is collected or shared" in sitecheck.text(site / rel), rel


def test_question_bank_says_whose_words(site, manual):
    text = sitecheck.text(site / "pcr/questions.html")
    assert "How it was built:" in text
    report = sum(q["wording"] == "report" for q in manual.questions.values())
    manual_own = sum(q["wording"] == "manual" for q in manual.questions.values())
    assert text.count("Wording: the report's question.") == report
    assert text.count("Wording: the manual's own.") == manual_own
    assert manual_own > 0 and report > 0


def test_behavior_pages_mark_the_manuals_own(site, manual):
    for behavior in manual.behaviors.values():
        text = sitecheck.text(site / f"practice-behaviors/{behavior['number']:02d}-{behavior['id']}.html")
        assert "the manual's own summary of the behavior" in text
        assert "This list is the manual's own mapping: no source links" in text


def test_case_story_titles_carry_no_exact_age(manual):
    for story in manual.stories.values():
        assert not re.search(r"\b\d{1,2}-year-old\b", story["title"]), story["title"]
