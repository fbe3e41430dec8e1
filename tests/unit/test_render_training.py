"""Training modules: the validation a person editing data/training/ meets (exact
file, line, field and message), and what the renderers put on the page."""
from __future__ import annotations

from pathlib import Path

import pytest

from permanency import pages, render_training
from helpers import ROOT, copy_data, edit, errors

MODULE = "training/01-why-permanency.yml"


@pytest.fixture
def data(tmp_path) -> Path:
    """A copy of the real data/ and docs/ to break."""
    return copy_data(ROOT, tmp_path)




# ------------------------------------------------------------------ validation
def test_a_reading_of_a_page_that_does_not_exist(data):
    line = edit(data, MODULE, "  - page: outcomes/sacramento-permanency-rates.md\n",
                "  - page: outcomes/sacramento-permanency-rate.md\n")
    [error] = errors(data)
    assert error.startswith(
        f"data/{MODULE}:{line}: readings[2].page: unknown page 'outcomes/sacramento-permanency-rate.md'; closest known: "
        "outcomes/sacramento-permanency-rates.md")  # the nearest real page comes first


def test_a_question_naming_a_page_that_does_not_exist(data):
    line = edit(data, MODULE, "    page: permanency-options.md#legal\n",
                "    page: permanency-option.md#legal\n")
    [error] = errors(data)
    assert error.startswith(
        f"data/{MODULE}:{line}: knowledge_check[0].page: unknown page 'permanency-option.md'; closest known: permanency-options.md")


def test_a_question_with_two_correct_answers(data):
    # the third option of the first question is marked correct as well
    line = edit(data, MODULE,
                "      - text: Yes, once the foster family agrees in writing to keep the youth\n",
                "      - text: Yes, once the foster family agrees in writing to keep the youth\n        correct: true\n")
    assert errors(data) == [
        f"data/{MODULE}:{line + 1}: knowledge_check[0].options[2].correct: expected exactly one option with "
        "'correct: true'; option 1 is already correct, and this is option 3",
    ]


def test_a_question_with_no_correct_answer(data):
    line = edit(data, MODULE, "      - text: No; legal permanency is reunification, adoption or guardianship\n        correct: true\n",
                "      - text: No; legal permanency is reunification, adoption or guardianship\n")
    assert errors(data) == [
        f"data/{MODULE}:{line - 1}: knowledge_check[0].options: expected exactly one option with "
        "'correct: true'; none is marked correct",
    ]


def test_a_scenario_on_a_story_that_does_not_exist(data):
    line = edit(data, MODULE, "  stories: [seventeen-year-old-guardianship-fell-apart, girl-hospitalized-eight-years]",
                "  stories: [seventeen-year-old-guardianship-fell-apart, girl-in-hospital]")
    [error] = errors(data)
    assert error.startswith(f"data/{MODULE}:{line}: scenario.stories[1]: unknown story 'girl-in-hospital'; known: ")


def test_an_agenda_that_does_not_add_up_to_the_estimated_time(data):
    edit(data, MODULE, "estimated_minutes: 60\n", "estimated_minutes: 50\n")
    line = edit(data, MODULE, "  agenda:\n", "  agenda:\n")
    assert errors(data) == [
        f"data/{MODULE}:{line}: facilitator.agenda: the agenda adds up to 60 minutes; "
        "expected 50, the module's estimated_minutes",
    ]


def test_a_module_whose_number_does_not_match_its_file_name(data):
    line = edit(data, MODULE, "number: 1\n", "number: 2\n")
    assert errors(data) == [
        f"data/{MODULE}:{line}: number: expected 1, the number in the file name; got 2",
        f"data/training/02-core-practice-model.yml:3: number: module number 2 is already used by data/{MODULE}",
    ]


def test_every_error_at_once(data):
    edit(data, MODULE, "      - text: No; legal permanency is reunification, adoption or guardianship\n        correct: true\n",
         "      - text: No; legal permanency is reunification, adoption or guardianship\n")
    edit(data, MODULE, "  - page: permanency-options.md\n", "  - page: no-such-page.md\n")
    edit(data, "training/05-permanency-case-review.yml", "related_behaviors:\n  - facilitate-team-decisions\n",
         "related_behaviors:\n  - facilitate-team-decision\n")
    found = errors(data)
    assert len(found) == 3
    assert any("readings[0].page: unknown page 'no-such-page.md'" in e for e in found)
    assert any("knowledge_check[0].options: expected exactly one option" in e for e in found)
    assert any("05-permanency-case-review.yml" in e and "related_behaviors[0]: unknown behavior "
               "'facilitate-team-decision'" in e for e in found)


# -------------------------------------------------------------------- the data
def test_the_real_course(manual):
    modules = list(manual.modules.values())
    assert len(modules) >= 7
    assert [m["number"] for m in modules] == list(range(1, len(modules) + 1))
    for m in modules:
        assert sum(a["minutes"] for a in m["facilitator"]["agenda"]) == m["estimated_minutes"]
        for q in m["knowledge_check"] + m["course_test"]:
            assert sum(o.get("correct") is True for o in q["options"]) == 1
            assert all(o["feedback"].strip() for o in q["options"])
        assert all(r["minutes"] >= 1 for r in m["readings"])
    # the course test: two parallel forms of 15 to 20 items
    for form in ("A", "B"):
        assert 15 <= len(render_training.course_test_items(manual, form)) <= 20


# ------------------------------------------------------------------- renderers
def test_module_page_shows_objectives_time_readings_and_the_check(manual):
    md = render_training.training_module(manual, "why-permanency", "training/01-why-permanency.md",
                                         {"permanency-options.md": "Permanency options"})
    assert "## Learning objectives { #objectives }" in md
    # each objective with its condition and criterion
    assert ("- **Explain when a placement with a relative or NREFM counts as relational permanency.** "
            "*When:* Given a stable placement with a relative or non-related extended family member. "
            "*Shown by:* Names both conditions") in md
    assert ("**Estimated time:** 1 h in the session, plus about 28 min of reading before it "
            "(the manual's own estimates)") in md
    # readings are links to the manual's own pages, named as in the data, with their time
    assert "1. [Permanency options](../permanency-options.md) (about 13 min): the legal and relational definitions" in md
    assert "[Delayed permanency in Sacramento County](../outcomes/sacramento-delayed-permanency.md)" in md
    # a real form: a fieldset and legend per question, labelled radio buttons, a live region
    assert md.count('<fieldset class="training-q"') == 4
    assert ('<legend class="training-q__stem">Question 1 of 4: A youth has lived with the same foster family '
            'for four years') in md
    assert ('<input type="radio" id="tq-why-permanency-four-years-same-family-1" '
            'name="tq-why-permanency-four-years-same-family" value="0" data-correct="true"') in md
    assert ('<label for="tq-why-permanency-four-years-same-family-1">No; legal permanency is reunification, '
            'adoption or guardianship</label>') in md
    assert md.count('role="status" aria-live="polite"') == 4 + 2  # each question, the score, the kept score
    # the pass mark, stated and given to the script
    assert 'data-training-mode="module" data-training-pass="3"' in md
    assert "**3 of 4** questions right the first time they are checked (75 percent, the manual's own mark)" in md
    # the raw-HTML link to the teaching page is the built page's URL
    assert 'href="../permanency-options.html#legal"' in md
    # the answer key is Markdown in a collapsed block, readable without JavaScript
    assert '??? question "Answer key"' in md
    assert "    - **A. No; legal permanency is reunification, adoption or guardianship** (correct answer):" in md
    assert "    Answer: A. Taught on [Permanency options](../permanency-options.md#legal)" in md
    # reflection carries the privacy note
    assert "nothing is collected or shared" in md


def test_abbreviations_get_tooltips_inside_the_form(manual):
    md = render_training.training_module(manual, "finding-connections", "training/04-finding-connections.md")
    assert ('What does the <abbr title="Permanency Partners Program">P3</abbr> release describe as the first '
            'step?</legend>') in md
    assert render_training.abbr_parts("In P3 and PCRs", manual)[:2] == [("In ", None), ("P3", "Permanency Partners Program")]


def test_data_text_is_escaped_in_the_form(manual):
    module = manual.modules["why-permanency"]
    stem = module["knowledge_check"][0]["stem"]
    module["knowledge_check"][0]["stem"] = "<script>alert(1)</script> [link](http://x)"
    try:
        md = render_training.training_module(manual, "why-permanency", "training/01-why-permanency.md")
    finally:
        module["knowledge_check"][0]["stem"] = stem
    assert "<script>alert" not in md
    assert "&lt;script&gt;alert(1)&lt;/script&gt; [link](http://x)" in md  # raw HTML: HTML-escaped
    assert "**1. &lt;script&gt;alert(1)&lt;/script&gt; \\[link\\](http://x)**" in md  # Markdown: escaped too


def test_course_lists_the_path_with_times_scores_and_the_total(manual):
    md = render_training.training_course(manual, "training/index.md")
    assert "| 1 | [Why permanency is urgent](01-why-permanency.md) | 1 h | 28 min | 4 |" in md
    assert 'data-training-score="why-permanency" data-training-kind="module" data-training-pass="3"' in md
    assert 'data-training-score="pre-test" data-training-kind="test" data-training-pass="12"' in md
    total = sum(m["estimated_minutes"] for m in manual.modules.values())
    reading = sum(r["minutes"] for m in manual.modules.values() for r in m["readings"])
    assert (f"| | **Total** | **{render_training.minutes_text(total)}** | "
            f"**{render_training.minutes_text(reading)}** |") in md
    assert "Times are the manual&#39;s own estimates for a facilitated group session" in md
    assert 'data-training-action="clear">Clear all my scores</button>' in md
    assert "[pre-test](pre-test.md)" in md and "[Practice after the course](after-the-course.md)" in md


def test_handout_has_the_check_without_answers_room_to_write_and_the_worksheet(manual):
    md = render_training.training_handout(manual, "finding-connections", "training/handouts/finding-connections.md")
    for heading in ("## Learning objectives", "## Key points", "## Scenario: People who were still there",
                    "## Discussion", "## Knowledge check", "## Reflection", "## Readings", "## Notes"):
        assert heading in md
    assert "**Estimated time:** 1 h in the session, plus about 24 min of reading before it" in md
    assert "> **The situation.** A young woman vulnerable to commercial sexual exploitation" in md
    assert md.count('<div class="training-write"></div>') == 4  # one under each discussion prompt
    assert "<li><p>You take over the case of a youth who has been in care for years." in md
    assert "Pass mark: 4 of 5." in md
    assert "**Worksheets for this session:** [Connections search worksheet](../../tools/connections-search.md)" in md
    assert "nothing is collected or shared" in md
    assert '<div class="training-notes"></div>' in md
    # no answers on the participant's copy
    assert "correct answer" not in md and "Answer key" not in md and "data-correct" not in md


def test_facilitator_guide_has_objectives_agenda_rubric_subset_and_answer_key(manual):
    md = render_training.training_facilitator(manual, "permanency-case-review",
                                              "training/facilitator/permanency-case-review.md")
    assert "| Objective | Condition | Criterion (what you observe) | Knowledge-check questions |" in md
    assert "turns each unanswered question into an assignment. | 4, 5 |" in md
    assert ("| 40 | Practice review in groups of four, with roles, on the PCR review worksheet: the twelve "
            "listed questions (about three minutes each), ending with a written strategy (worksheet: "
            "[PCR review worksheet](../../tools/pcr-review.md)) |") in md
    assert "| **100** | **Total (1 h 40 min, the manual's own estimate)** |" in md
    assert "about 53 min in all; that time is not part of the session" in md
    assert "**The 12 questions for the practice review**" in md
    assert "## Observation rubric for the practice review { #rubric }" in md
    assert "| **Opens with the risk** |" in md
    assert "## Notes for the facilitator" in md
    assert "## Answer key { #answer-key }" in md
    assert "- **C. The program manager** (correct answer):" in md
    # the stories with how they turned out
    assert "**Still open**" in md


def test_course_test_pages_and_key(manual):
    pre = render_training.training_test(manual, "A", "training/pre-test.md")
    assert "This is **form A** of the course test, taken before module 1." in pre
    assert "- **Mastery mark:** 12 of 15 right (80 percent, the manual's own mark)" in pre
    assert pre.count('<fieldset class="training-q"') == 15
    assert 'data-training-check="pre-test" data-training-mode="test" data-training-pass="12"' in pre
    assert "Check answer" not in pre  # a test is scored as a whole
    key = render_training.training_test_key(manual, "training/course-test-key.md")
    assert "## Form A: the pre-test { #form-a }" in key and "## Form B: the post-test { #form-b }" in key
    # every objective of every module is a row; the forms test the same objectives
    table = key[:key.index("## Form A")]
    rows = [line for line in table.splitlines() if line.startswith("| 1 | ") or line.startswith("| 7 | ")]
    assert len(rows) == 8
    assert "| 1 | Explain when a placement with a relative or NREFM counts as relational permanency. | 2 | 1 | 1 |" in key


def test_printable_pages_are_generated_with_pdf_front_matter(manual):
    out = pages.generated(manual)
    handout = out["training/handouts/why-permanency.md"]
    assert handout.front["title"] == "Handout 1: Why permanency is urgent"
    assert handout.front["pdf"] is True and handout.front["last_reviewed"] == "2026-11-30"
    assert handout[1:] == ("training_handout", ("why-permanency",))
    assert out["training/facilitator/why-permanency.md"][1:] == ("training_facilitator", ("why-permanency",))
    assert out["training/01-why-permanency.md"][1:] == ("training_module", ("why-permanency",))


@pytest.mark.parametrize("minutes, text", [(45, "45 min"), (60, "1 h"), (90, "1 h 30 min"), (400, "6 h 40 min")])
def test_minutes_text(minutes, text):
    assert render_training.minutes_text(minutes) == text


def test_html_href():
    assert render_training.html_href("pcr/questions.md#risk-scale", "training/05-x.md") == "../pcr/questions.html#risk-scale"
    assert render_training.html_href("training/index.md", "training/01-x.md") == "index.html"
