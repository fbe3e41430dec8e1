"""Content a reader can date: the dated-wording check, editor's notes, the
"Describes" line, and the review cycle (`make review-due`)."""
from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys

import pytest

from helpers import ROOT, copy_data, edit, errors, html
from permanency import render, review_cycle
from permanency.model import load
from permanency.model.rules.dated_wording import undated_tense

FIX = "write it in the past tense with its date (\"the report (January 2017) said it would ...\")"


def text_of(html_text: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", "", html_text).split())


@pytest.fixture
def data(tmp_path):
    return copy_data(ROOT, tmp_path)


# ------------------------------------------------------------------ dated wording
@pytest.mark.parametrize("sentence, phrase", [
    ("Piloted in five counties and set to expand across California in 2017.", None),
    ("A five-county pilot that is set to expand across California in 2017.", "is set to expand"),
    ("The Sacramento report says CCR takes effect in 2017.", "takes effect"),
    ("A sustainability plan is being developed.", "is being developed"),
    ("Alameda County is in discussions about adding reviews.", "is in discussions"),
    ("Casey's permanency liaisons will be phased out as monthly participants.", "will be phased"),
    ("Currently 45 counties take part.", "Currently"),
    ("It is now asked in almost all of them.", "is now"),
    ("Alameda County is in discussions about adding reviews in 2017.", "is in discussions"),
    ("Sacramento is working to standardize the data.", "is working to"),
])
def test_the_issues_examples_are_caught(sentence, phrase):
    found = undated_tense(sentence)
    assert (found[0] if found else None) == phrase


@pytest.mark.parametrize("sentence", [
    "The overview (undated) said the pilot would expand statewide in 2017.",
    "By January 2017 it was asked in almost all of them.",
    "A sustainability plan was being developed when the report appeared.",
    'The overview calls ARC "currently" a 45-county program.',  # a quotation is the source's
    "In January 2017 Sacramento was working on standardizing the data.",
    "As of January 2017 the data is being standardized.",
])
def test_past_tense_dated_and_quoted_wording_passes(sentence):
    assert undated_tense(sentence) is None


def test_a_future_plan_in_a_program_stops_the_build_at_its_line(data):
    edit(data, "programs/rfa.yml", "overview said would expand across California in 2017.",
         "overview says is set to expand across California in 2017.")
    lines = (data / "programs/rfa.yml").read_text().splitlines()
    line = next(i for i, text in enumerate(lines, 1) if text.startswith("summary:"))
    assert errors(data) == [
        f"data/programs/rfa.yml:{line}: summary: 'is set to expand' puts a plan from a dated source "
        f"in the future tense; {FIX}",
    ]


def test_a_present_state_without_its_date_stops_the_build(data):
    line = edit(data, "timeline.yml", "Alameda County was in discussions, as of January 2017, about",
                "Alameda County is in discussions about")
    assert errors(data) == [
        f"data/timeline.yml:{line - 1}: events[18].what: 'is in discussions' states a dated fact as "
        f"current without its date; {FIX}",
    ]


def test_knowledge_checks_are_left_to_their_own_rules(data):
    # a question may well ask about what "is being" done; it states no fact
    edit(data, "training/01-why-permanency.yml",
         "definition, is this legal permanency?",
         "definition, as currently written, is this legal permanency?")
    load(data, data.parent / "docs")


# ----------------------------------------------------------------- editor's notes
def test_editors_notes_are_sources_with_a_law_name_number_and_date(manual):
    notes = {k: s for k, s in manual.sources.items() if s.get("type") == "editors-note"}
    assert set(notes) >= {"note-appla-2014", "note-strtp-2015", "note-iv-e-waivers-2019"}
    assert notes["note-appla-2014"]["authority"]["number"] == "Public Law 113-183"
    assert notes["note-strtp-2015"]["authority"]["number"] == "Assembly Bill 403, Chapter 773"
    assert "September 30, 2019" in notes["note-iv-e-waivers-2019"]["text"]
    for note in notes.values():
        assert isinstance(note["added"], (str, dt.date))


def test_an_editors_note_needs_its_authority(data):
    line = edit(data, "sources.yml", "    authority:\n      name: Preventing Sex Trafficking and Strengthening "
                "Families Act\n      number: Public Law 113-183\n      date: September 29, 2014\n", "")
    assert errors(data) == [f"data/sources.yml:{line - 9}: sources[5].authority: missing required field 'authority'"]


def test_a_document_cannot_carry_a_notes_text(data):
    line = edit(data, "sources.yml", "    short_title: P3 release\n",
                "    short_title: P3 release\n    text: A note on a document.\n")
    assert errors(data) == [
        f"data/sources.yml:{line + 1}: sources[2].text: expected no 'text' on a document (it is an editor's "
        "note's field; add type: editors-note); got 'A note on a document.'",
    ]


def test_a_program_citing_a_note_shows_it_marked_and_dated(manual):
    out = html(render.program_page(manual, "p3", "programs/p3.md"))
    box = out[out.index('class="admonition note manual-editor-note"'):]
    box = text_of(box[box.index("<p"): box.index("</div>")])
    assert box.startswith("Editor's note, added 2026-12-01: not from the sources")
    assert "only for youth aged 16 and older" in box
    assert "Public Law 113-183" in box
    # the citation says whose words these are
    assert "Editor's note (the manual's own addition):" in text_of(out[out.index('id="sources"'):])


def test_the_glossary_shows_the_note_on_the_superseded_term(manual):
    out = html(render.glossary(manual, "glossary.md"))
    strtc = out[out.index('id="strtc"'):out.index('id="strtp"')]
    assert "manual-editor-note" in strtc
    assert "Short-Term Residential Therapeutic Programs (STRTPs)" in text_of(strtc)


def test_the_sources_page_lists_notes_apart_from_the_documents(manual):
    out = text_of(html(render.source_list(manual, "sources.md")))
    assert out.index("Sacramento PCR report") < out.index("Editor's notes")
    assert "These are the manual's own additions, not from the five documents." in out
    assert "Preventing Sex Trafficking and Strengthening Families Act, Public Law 113-183 (September 29, 2014)" in out


# -------------------------------------------------------------------- describes
@pytest.mark.parametrize("render_page, expected", [
    (lambda m: render.program_page(m, "rfa", "programs/rfa.md"),
     "Describes: CPM and CCR overview, undated (it looks ahead to 2017); Sacramento PCR report, January 2017. "
     "Last reviewed: 2026-12-01."),
    (lambda m: render.outcome_page(m, "p3-pilot-results", "outcomes/p3-pilot-results.md"),
     "Describes: P3 release, 2004–2005 (undated, pilot from October 13, 2004)."),
    (lambda m: render.behavior_page(m, "be-accountable", "practice-behaviors/02-be-accountable.md"),
     "Describes: "),
    (lambda m: render.case_stories(m, "pcr/case-stories.md"), "Describes: Sacramento PCR report, January 2017."),
])
def test_pages_say_what_period_they_describe_near_the_top(manual, render_page, expected):
    out = html(render_page(manual))
    first = text_of(out[: out.index("</p>", out.index("manual-period"))])
    assert expected in first
    assert "Describes is the period the facts come from, not today; last reviewed is when an editor" in first
    assert out.index("manual-period") < 400


# ---------------------------------------------------------------- review cycle
def test_add_months_keeps_the_day_or_the_months_last():
    assert review_cycle.add_months(dt.date(2026, 11, 23), 12) == dt.date(2027, 11, 23)
    assert review_cycle.add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert review_cycle.add_months(dt.date(2026, 12, 1), 6) == dt.date(2027, 6, 1)


def test_review_due_lists_pages_past_due_oldest_first_with_their_files(data):
    edit(data, "programs/arc.yml", "last_reviewed: 2026-12-01", "last_reviewed: 2024-05-02")
    edit(data, "../docs/glossary.md", "last_reviewed: 2026-12-01", "last_reviewed: 2025-01-15")
    edit(data, "manual.yml", "review_interval_months: 12", "review_interval_months: 6")
    manual = load(data, data.parent / "docs")
    due = review_cycle.past_due(review_cycle.reviewed_pages(manual, data.parent / "docs"),
                                review_cycle.interval_months(manual), dt.date(2026, 1, 1))
    assert [(str(d), i.page, i.file, str(i.last_reviewed)) for d, i in due] == [
        ("2024-11-02", "programs/arc.md", "data/programs/arc.yml", "2024-05-02"),
        ("2025-07-15", "glossary.md", "docs/glossary.md", "2025-01-15"),
    ]
    due = review_cycle.past_due(review_cycle.reviewed_pages(manual, data.parent / "docs"), 6, dt.date(2025, 7, 1))
    assert [i.page for _, i in due] == ["programs/arc.md"]


def test_make_review_due_prints_each_page_with_its_file(data):
    edit(data, "programs/arc.yml", "last_reviewed: 2026-12-01", "last_reviewed: 2024-05-02")
    result = subprocess.run(
        [sys.executable, "-m", "permanency", "review-due", "--data", str(data), "--docs", str(data.parent / "docs"),
         "--today", "2026-01-01"], capture_output=True, text=True, check=True)
    assert result.stdout.splitlines() == [
        "1 page past due on 2026-01-01 (reviewed every 12 months; oldest review first):",
        "  reviewed 2024-05-02  due 2025-05-02  programs/arc.md  (data/programs/arc.yml)",
    ]


def test_nothing_is_past_due_on_the_day_of_review(manual):
    due = review_cycle.past_due(review_cycle.reviewed_pages(manual, ROOT / "docs"),
                                review_cycle.interval_months(manual), dt.date(2026, 12, 1))
    assert due == []
    pages = {i.page for i in review_cycle.reviewed_pages(manual, ROOT / "docs")}
    assert {"programs/p3.md", "index.md", "glossary.md", "sources.md#note-appla-2014",
            "practice-behaviors/01-communicate-openly.md", "training/01-why-permanency.md"} <= pages
