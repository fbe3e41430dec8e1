"""The pure renderers: data in, Markdown out, checked as Markdown renders it."""
from __future__ import annotations

import pytest

from permanency import figures, pages, render
from helpers import good_manual, html



@pytest.fixture
def fixture_manual():
    return good_manual()


def test_program_page_shows_facts_figures_links_and_sources(fixture_manual):
    out = html(render.program_page(fixture_manual, "p3", "programs/p3.md"))
    assert "<dt>Run by</dt>\n<dd>Los Angeles County DCFS with the Consortium for Children</dd>" in out
    assert "<dt>Since</dt>\n<dd>October 13, 2004 (pilot)</dd>" in out
    # each figure keeps its value, unit, date, scope and source
    assert "<td><strong>29 youth</strong></td>" in out
    assert "<td><strong>44%</strong></td>" in out
    assert out.count("First three months of the pilot") == 2
    assert '<a href="../sources.md#la-dcfs-p3">P3 release</a>, Results' in out
    # steps are an ordered list, with the section's citation under them
    assert "<ol>\n<li>The Permanency Partner and the youth meet and build trust.</li>" in out
    assert '<p class="manual-cite">Source: <a href="../sources.md#la-dcfs-p3">P3 release</a>, P3 Pilot</p>' in out
    # related behaviors link to their generated pages, relative to this page
    assert '<a href="../practice-behaviors/02-engage-important-people.md">2. Engage important people</a>' in out
    assert '<h2 id="sources">Sources</h2>' in out
    assert '<p class="manual-reviewed">Last reviewed 2026-01-31</p>' in out


def test_behavior_page_quotes_the_model_and_links_programs(fixture_manual):
    out = html(render.behavior_page(fixture_manual, "engage-important-people", "practice-behaviors/02-engage-important-people.md"))
    assert "Identify and engage family members and others who are important" in out
    assert 'class="admonition quote"' in out
    assert '<a href="../programs/p3.md">Permanency Partners Program</a> (P3)' in out
    assert '<a href="../sources.md#la-dcfs-p3">P3 release</a>, P3 Pilot' in out


def test_behavior_lists_programs_that_name_it(fixture_manual):
    # p3 names engage-important-people; be-accountable is named by no program
    assert [p["id"] for p in render.programs_for_behavior(fixture_manual, "engage-important-people")] == ["p3"]
    out = html(render.behavior_page(fixture_manual, "be-accountable", "practice-behaviors/01-be-accountable.md"))
    assert "No program in this manual names this behavior yet." in out


def test_indexes_list_every_record_in_order(fixture_manual):
    out = html(render.behavior_index(fixture_manual, "practice-behaviors/index.md"))
    assert out.index("Be accountable") < out.index("Engage important people")
    assert '<a href="01-be-accountable.md">Be accountable</a>' in out
    out = html(render.program_index(fixture_manual, "programs/index.md"))
    assert '<a href="p3.md">Permanency Partners Program</a>' in out


def test_data_text_is_escaped_for_html_and_markdown(fixture_manual):
    # the fixture's summary holds a <script>, *stars* and a javascript: link
    out = html(render.behavior_page(fixture_manual, "be-accountable", "practice-behaviors/01-be-accountable.md"))
    assert "<script>" not in out
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in out
    assert "*stars*" in out and "<em>stars</em>" not in out
    assert "[a](javascript:alert(1))" in out and 'href="javascript' not in out


def test_markdown_cannot_open_a_block_from_data(fixture_manual):
    fixture_manual.programs["p3"]["who_it_serves"] = "# Heading?\n\n- list?\n1. numbered?\n{ .cls }"
    out = html(render.program_page(fixture_manual, "p3", "programs/p3.md"))
    assert "<p># Heading? - list? 1. numbered? { .cls }</p>" in out


@pytest.mark.parametrize("text,expected", [
    ("2. Engage", "2\\. Engage"),
    ("# x", "\\# x"),
    ("a *b* [c](d)", "a \\*b\\* \\[c\\](d)"),
    ("line\n\nbreak", "line break"),
    ("x | y", "x \\| y"),
])
def test_md_escape(text, expected):
    assert render.md_escape(text) == expected


def test_generated_page_is_front_matter_and_its_renderer(fixture_manual):
    generated = pages.generated(fixture_manual)
    assert sorted(generated) == [
        "practice-behaviors/01-be-accountable.md",
        "practice-behaviors/02-engage-important-people.md",
        "programs/p3.md",
    ]
    assert generated["programs/p3.md"] == pages.Generated(
        {"title": "Permanency Partners Program (P3)",
         "description": "A Los Angeles County pilot pairing older youth with a trained Permanency Partner.",
         "last_reviewed": "2026-01-31"},
        "program_page", ("p3",))


def test_generated_description_is_html_escaped(fixture_manual):
    page = pages.generated(fixture_manual)["practice-behaviors/01-be-accountable.md"].front["description"]
    assert "&lt;script&gt;" in page and "<script>" not in page


def test_figure_values():
    assert figures.figure_value({"value": 8000, "unit": "youth", "approximate": True}) == "about 8,000 youth"
    assert figures.figure_value({"value": 27.5, "unit": "percent"}) == "27.5%"


def test_program_page_links_its_practice_pages(manual):
    md = render.program_page(manual, "pcr", "programs/pcr.md")
    assert "## More in this manual { #see-also }" in md
    assert "[The review question bank](../pcr/questions.md)" in md
