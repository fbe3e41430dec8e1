"""Validation rules for the question bank, permanency options, data elements,
lessons, case stories, glossary and PCR practice files: the exact file, line,
field and message a person editing data/ would read."""
from __future__ import annotations

from pathlib import Path

import pytest

from permanency.model import load
from helpers import GOOD, copy_data, edit, errors

QUESTION_IDS = "holidays, risk-scale, siblings"


@pytest.fixture
def data(tmp_path) -> Path:
    return copy_data(GOOD, tmp_path)




def test_fixture_loads_nested_records_with_their_parents(data):
    manual = load(data, data.parent / "docs")
    assert list(manual.phases) == ["risk", "connections"]
    assert list(manual.questions) == ["risk-scale", "siblings", "holidays"]
    assert manual.parent("question", "holidays")["id"] == "connections"
    assert manual.parent("option", "destination-family-referral")["title"] == "Progress toward permanency"
    assert list(manual.records["role"]) == ["facilitator", "social-worker"]
    # the glossary is alphabetical whatever the file's order
    assert [t["term"] for t in manual.terms.values()] == ["Aging out", "CSW", "Legal permanency", "P3"]
    assert manual.page_of("question", "siblings") == "pcr/questions.md#siblings"


def test_story_naming_an_unknown_question(data):
    edit(data, "case-stories.yml", "questions: [siblings, risk-scale]", "questions: [siblings, risk-scael]")
    assert errors(data) == [
        f"data/case-stories.yml:6: stories[0].questions[1]: unknown question 'risk-scael'; known: {QUESTION_IDS}",
    ]


def test_story_naming_an_unknown_option(data):
    edit(data, "case-stories.yml", "options: [second-chance-reunification]", "options: [second-chance]")
    assert errors(data) == [
        "data/case-stories.yml:7: stories[0].options[0]: unknown option 'second-chance'; "
        "known: destination-family-referral, reunification, second-chance-reunification",
    ]


def test_duplicate_question_id_across_phases(data):
    edit(data, "review-questions.yml", "      - id: holidays\n", "      - id: risk-scale\n")
    assert errors(data) == [
        "data/review-questions.yml:33: phases[1].questions[1].id: duplicate question id 'risk-scale'; "
        "first defined at data/review-questions.yml:10",
    ]


def test_question_id_that_is_also_a_phase_id(data):
    # both would be the anchor #risk on pcr/questions.md
    edit(data, "review-questions.yml", "      - id: siblings\n", "      - id: risk\n")
    (msg,) = [e for e in errors(data) if "anchors" in e]
    assert msg == (
        "data/review-questions.yml:25: phases[1].questions[0].id: id 'risk' is also the id of phase at "
        "data/review-questions.yml:2; both are anchors on pcr/questions.md, so they must differ"
    )


def test_record_id_that_takes_a_heading_anchor_of_its_page(data):
    edit(data, "pcr-data-elements.yml", "  - id: pcrs-held\n", "  - id: what-to-count\n")
    assert errors(data) == [
        "data/pcr-data-elements.yml:5: elements[0].id: id 'what-to-count' is taken by a heading on "
        "pcr/data-elements.md; choose another id",
    ]


def test_question_put_to_an_unknown_role(data):
    edit(data, "review-questions.yml", "asked_of: [social-worker]", "asked_of: [caseworker]")
    assert errors(data) == [
        "data/review-questions.yml:13: phases[0].questions[0].asked_of[0]: unknown role 'caseworker'; "
        "known: facilitator, social-worker",
    ]


def test_question_without_guidance(data):
    edit(data, "review-questions.yml", "        guidance:\n          - Ask about holidays.\n", "")
    assert errors(data) == [
        "data/review-questions.yml:33: phases[1].questions[1].guidance: missing required field 'guidance'",
    ]


def test_option_variant_of_an_unknown_option(data):
    edit(data, "permanency-options.yml", "variant_of: reunification", "variant_of: reunify")
    assert errors(data) == [
        "data/permanency-options.yml:19: categories[0].options[1].variant_of: unknown option 'reunify'; "
        "known: destination-family-referral, reunification, second-chance-reunification",
    ]


def test_data_element_counting_an_unknown_unit_or_lesson(data):
    edit(data, "pcr-data-elements.yml", "counts: cases", "counts: families")
    edit(data, "pcr-data-elements.yml", "lessons: [data-collection]", "lessons: [data]")
    assert errors(data) == [
        "data/pcr-data-elements.yml:12: elements[1].counts: expected one of: PCRs, cases, children, youth; "
        "got 'families'",
        "data/pcr-data-elements.yml:16: lessons[0]: unknown lesson 'data'; known: data-collection, risk-question",
    ]


def test_lesson_naming_an_unknown_behavior(data):
    edit(data, "lessons-learned.yml", "related_behaviors: [be-accountable]", "related_behaviors: [accountable]")
    assert errors(data) == [
        "data/lessons-learned.yml:8: lessons[0].related_behaviors[0]: unknown behavior 'accountable'; "
        "known: be-accountable, engage-important-people",
    ]


def test_abbreviation_needs_an_expansion_or_says_the_sources_give_none(data):
    edit(data, "glossary.yml", "    not_expanded: Not spelled out in the sources\n", "")
    assert errors(data) == [
        "data/glossary.yml:19: terms[2]: abbreviation 'CSW' needs 'expansion' (as a source spells it out) "
        "or 'not_expanded' (saying that the sources do not)",
    ]


def test_abbreviation_with_both_expansion_and_not_expanded(data):
    edit(data, "glossary.yml", "    not_expanded: Not spelled out in the sources\n",
         "    expansion: Children's Social Worker\n    not_expanded: Not spelled out in the sources\n")
    assert errors(data) == [
        "data/glossary.yml:23: terms[2].not_expanded: give 'expansion' or 'not_expanded', not both",
    ]


def test_a_term_has_no_expansion(data):
    edit(data, "glossary.yml", "    term: Legal permanency\n    kind: term\n",
         "    term: Legal permanency\n    kind: term\n    expansion: LP\n")
    assert errors(data) == [
        "data/glossary.yml:15: terms[1].expansion: only an abbreviation has 'expansion'; "
        "set kind: abbreviation or remove it",
    ]


def test_the_same_abbreviation_spelled_twice(data):
    edit(data, "glossary.yml", "forms: [CSWs]", "forms: [CSWs, P3]")
    assert errors(data) == [
        "data/glossary.yml:23: terms[2].forms[1]: abbreviation 'P3' is already defined at data/glossary.yml:3",
    ]


def test_glossary_see_names_an_unknown_page_anchor_checked_by_mkdocs(data):
    edit(data, "glossary.yml", "{page: programs/p3.md, text: Permanency Partners Program}",
         "{page: programs/p4.md#pilot, text: Permanency Partners Program}")
    (msg,) = errors(data)
    assert msg.startswith("data/glossary.yml:9: terms[0].see[0].page: unknown page 'programs/p4.md'; known: ")


def test_duplicate_glossary_id(data):
    edit(data, "glossary.yml", "  - id: csw\n", "  - id: p3\n")
    assert errors(data) == [
        "data/glossary.yml:19: terms[2].id: duplicate term id 'p3'; first defined at data/glossary.yml:2",
    ]


def test_pcr_practice_file_is_optional(data):
    (data / "pcr-practice.yml").unlink()
    edit(data, "review-questions.yml", "        asked_of: [social-worker]\n", "")
    manual = load(data, data.parent / "docs")
    assert manual.pcr_practice == {}
    assert manual.records["role"] == {}


def test_pcr_practice_stage_missing_steps(data):
    edit(data, "pcr-practice.yml", "    title: Opening\n    steps:\n      - text: Ask the risk question first.\n"
         "        source: {source: casey-sacramento-2017, section: Introduction}\n", "    title: Opening\n")
    assert errors(data) == [
        "data/pcr-practice.yml:32: stages[0].steps: missing required field 'steps'",
    ]
