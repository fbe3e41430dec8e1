"""Consultation mode, quick reference, crosswalk, tags and related pages: the
renderers over the real data, and the validation rules with the exact
file:line: field: message an editor reads."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from permanency import related_pages, render_consult
from permanency.tags import page_tags
from permanency.model import KIND_BY_NAME, Kind
from helpers import ROOT, copy_data, edit, errors



@pytest.fixture
def data(tmp_path) -> Path:
    return copy_data(ROOT, tmp_path)




def line_of(data: Path, rel: str, needle: str) -> int:
    lines = (data / rel).read_text(encoding="utf-8").splitlines()
    return next(i for i, line in enumerate(lines, 1) if needle in line)


# ------------------------------------------------------------------ agenda
def test_agenda_time_boxes_add_up_to_about_two_hours(manual):
    doc = manual.documents["consultation"]
    agenda = render_consult.agenda(manual)
    assert [p["minutes"] for p in agenda] == [15, 15, 15, 35, 20, 20]
    assert sum(p["minutes"] for p in agenda) == doc["total_minutes"] == 120
    # back to back, from minute 0 to the end
    assert agenda[0]["start"] == 0 and agenda[-1]["end"] == 120
    assert all(a["end"] == b["start"] for a, b in zip(agenda, agenda[1:]))


def test_every_agenda_phase_has_roles_prompts_and_question_phases(manual):
    for phase in render_consult.agenda(manual):
        assert phase["who"] and phase["prompts"] and phase["question_phases"]
        for prompt in phase["prompts"]:
            assert manual.parent("question", prompt)["id"] in phase["question_phases"]
        for who in phase["who"]:
            assert set(who["roles"]) <= set(manual.records["role"])


def test_time_boxes_that_do_not_add_up_are_rejected(data):
    edit(data, "consultation.yml", "    minutes: 35\n", "    minutes: 30\n")
    line = line_of(data, "consultation.yml", "total_minutes: 120")
    assert errors(data) == [
        f"data/consultation.yml:{line}: total_minutes: the agenda's time boxes add up to 115 minutes "
        "(15 + 15 + 15 + 30 + 20 + 20); expected them to add up to total_minutes, 120",
    ]


def test_a_prompt_from_another_phase_is_rejected(data):
    edit(data, "consultation.yml", "prompts: [risk-scale, risk-what-would-happen, nearing-18]",
         "prompts: [risk-scale, siblings, nearing-18]")
    line = line_of(data, "consultation.yml", "prompts: [risk-scale, siblings")
    assert errors(data) == [
        f"data/consultation.yml:{line}: agenda[0].prompts[1]: question 'siblings' is in question-bank phase "
        "'connections'; expected a question from this agenda phase's question_phases: risk",
    ]


def test_unknown_role_and_question_ids_are_rejected(data):
    edit(data, "consultation.yml", "      - roles: [permanency-liaison]\n        does: Shows the full range",
         "      - roles: [liaison]\n        does: Shows the full range")
    edit(data, "consultation.yml", "follow_up_prompt: report-back-progress", "follow_up_prompt: report-back")
    found = errors(data)
    role_line = line_of(data, "consultation.yml", "roles: [liaison]")
    prompt_line = line_of(data, "consultation.yml", "follow_up_prompt: report-back")
    assert len(found) == 2
    assert found[0].startswith(f"data/consultation.yml:{role_line}: agenda[4].who[0].roles[0]: "
                               "unknown role 'liaison'; known: facilitator, permanency-liaison,")
    assert found[1].startswith(f"data/consultation.yml:{prompt_line}: closing.follow_up_prompt: "
                               "unknown question 'report-back'; closest known: report-back-date, report-back-progress")


def test_unknown_behavior_on_a_question_is_rejected(data):
    edit(data, "review-questions.yml", "related_behaviors: [assess-safety-and-plan-permanency]\n        sources:",
         "related_behaviors: [assess-safety]\n        sources:")
    line = line_of(data, "review-questions.yml", "related_behaviors: [assess-safety]")
    found = errors(data)
    assert len(found) == 1
    assert found[0].startswith(
        f"data/review-questions.yml:{line}: phases[0].questions[0].related_behaviors[0]: "
        "unknown behavior 'assess-safety'; known: address-evolving-needs, assess-safety-and-plan-permanency,")


def test_consultation_page_markdown(manual):
    md = render_consult.consultation(manual, "pcr/consultation.md")
    # each phase a heading with its stable anchor and its minutes for the timer
    for phase in render_consult.agenda(manual):
        assert re.search(r"^### \d\. .+ \{ #%s \.manual-agenda__phase data-minutes=\"%d\" \}$"
                         % (phase["id"], phase["minutes"]), md, re.M), phase["id"]
    assert "| 4. [Relationships and connections](consultation.md#agenda-connections) | 35 min | 0:45–1:20 |" in md
    assert "[On a scale of 1 to 10, what is the risk to this youth" in md
    assert "](questions.md#risk-scale)" in md
    assert "[Casey permanency liaison (2015–2016)](roles.md#permanency-liaison)" in md
    # the closing record has a blank row per assignment, and a follow-up line
    assert md.count("| | | |") == manual.documents["consultation"]["closing"]["assignment_rows"]
    assert "**Follow-up meeting (date, time, place):**" in md
    assert "this manual&#39;s suggestion" in md


# --------------------------------------------------------------- quick reference
def test_quick_reference_lists_the_twelve_behaviors_questions_options_abbreviations(manual):
    md = render_consult.quick_reference(manual, "quick-reference.md")
    for b in manual.behaviors.values():
        assert f"]({'practice-behaviors/%02d-%s.md' % (b['number'], b['id'])})" in md
    assert md.count("practice-behaviors/") >= 12
    assert "](pcr/questions.md#risk-scale)" in md
    assert "](permanency-options.md#second-chance-reunification)" in md
    assert "| [NREFM](glossary.md#nrefm) |" in md
    assert "ccr@dss.ca.gov" in md
    assert "](pcr/consultation.md)" in md and "](crosswalk.md)" in md


# -------------------------------------------------------------- crosswalk
def test_crosswalk_is_built_both_ways_and_they_agree(manual):
    data = render_consult.crosswalk_data(manual)
    kinds = [g["kind"] for g in data["forward"]]
    assert kinds[:3] == ["program", "phase", "question"]
    forward = {(r["kind"], r["id"]): set(r["behaviors"]) for g in data["forward"] for r in g["rows"]}
    reverse = {(k, rid, bid) for bid, by_kind in data["reverse"].items() for k, ids in by_kind.items() for rid in ids}
    assert {(k, rid, bid) for (k, rid), bids in forward.items() for bid in bids} == reverse
    # a program's own list, and a behavior naming the program, both count
    assert "engage-important-people" in forward[("program", "p3")]
    assert ("program", "p3", "engage-important-people") in reverse
    assert forward[("phase", "risk")] == {"assess-safety-and-plan-permanency"}
    assert ("question", "nearing-18", "prepare-for-transitions") in reverse


def test_crosswalk_takes_in_any_kind_with_related_behaviors(manual, monkeypatch):
    """A kind added later (a worksheet, a training module) appears with no edit."""
    worksheet = Kind("map", None, None, anchor=lambda r: f"worksheets.md#{r['id']}")
    monkeypatch.setattr(render_consult, "KINDS", render_consult.KINDS + (worksheet,))
    monkeypatch.setitem(KIND_BY_NAME, "map", worksheet)
    monkeypatch.setitem(manual.records, "map", {
        "connections-map": {"id": "connections-map", "title": "Connections map",
                            "related_behaviors": ["engage-important-people"]},
    })
    data = render_consult.crosswalk_data(manual)
    group = next(g for g in data["forward"] if g["kind"] == "map")
    assert group["label"] == "Maps"
    assert group["rows"] == [{"kind": "map", "id": "connections-map", "behaviors": ["engage-important-people"]}]
    assert data["reverse"]["engage-important-people"]["map"] == ["connections-map"]
    md = render_consult.crosswalk(manual, "crosswalk.md")
    assert "## Maps { #map }" in md
    assert "| [Connections map](worksheets.md#connections-map) | [4\\. Find and engage important people]" in md


def test_every_crosswalk_cell_links(manual):
    md = render_consult.crosswalk(manual, "crosswalk.md")
    lines = md.splitlines()
    # a table's header is the row just above its "| --- |" line
    headers = {lines[i - 1] for i, line in enumerate(lines) if line.startswith("| ---")}
    body = [r for r in lines if r.startswith("| ") and not r.startswith("| ---") and r not in headers]
    assert any(r.startswith("| [PCR review worksheet]") for r in body)  # worksheets are in it
    assert any(r.startswith("| [Why permanency is urgent](training/01-why-permanency.md)") for r in body)  # and modules
    for row in body:
        cells = [c.strip() for c in row.strip("|").split(" | ")]
        assert all(re.search(r"\]\([^)]+\)", c) for c in cells), row


# ------------------------------------------------------------------- tags
def test_generated_pages_get_tags_from_their_record(manual):
    tags = page_tags(manual, "programs/p3.md")
    assert tags[0] == "Page: Program"
    assert "Program: P3" in tags and "Audience: New social workers" in tags
    assert any(t.startswith("Behavior: ") for t in tags)
    behavior = page_tags(manual, "practice-behaviors/02-be-accountable.md")
    assert behavior[0] == "Page: Practice behavior" and "Behavior: Be accountable" in behavior
    # a hand-written page keeps its own tags, plus what the records shown on it relate to
    questions = page_tags(manual, "pcr/questions.md", ["Page: Reference"])
    assert questions[0] == "Page: Reference" and "Behavior: Assess safety and plan permanency" in questions
    # a page data says nothing about still has a kind
    assert page_tags(manual, "somewhere/new.md") == ["Page: Guide"]


def test_related_pages_come_from_data_both_ways(manual):
    titles = {"programs/p3.md": "Permanency Partners Program (P3)"}
    related = [r["page"] for r in related_pages.related_pages(manual, "practice-behaviors/04-engage-important-people.md", titles)]
    assert "programs/p3.md" in related  # the behavior names P3, or P3 names it
    back = [r["page"] for r in related_pages.related_pages(manual, "programs/p3.md", {})]
    assert "practice-behaviors/04-engage-important-people.md" in back
    assert "pcr/questions.md" in [r["page"] for r in related_pages.related_pages(
        manual, "practice-behaviors/06-assess-safety-and-plan-permanency.md", {})]
    md = related_pages.related_block(manual, "programs/p3.md", {})
    assert md.strip().startswith('<nav class="manual-related"') and "## Related pages { #related-pages }" in md
