"""Outcome sets, charts and the timeline: each validation rule with the exact
file:line: field: message an editor reads, and each renderer checked as the
reader sees it once Markdown has rendered it."""
from __future__ import annotations

import re
import shutil
import textwrap
from pathlib import Path

import pytest

from permanency import pages, render
from permanency.figures import chart_layout, figure_value
from permanency.model import load

import helpers
from helpers import FIXTURES, GOOD, copy_data, errors, html

EXTRA = FIXTURES / "outcomes"
OUTCOME = "outcomes/example-outcomes.yml"
SOURCES = "aecf-tfsc-2020, capp-cfpm, casey-sacramento-2017, cdss-cpm-ccr, la-dcfs-p3"


@pytest.fixture
def data(tmp_path) -> Path:
    """The good fixture plus one outcome set and a timeline, in a writable copy."""
    copy_data(GOOD, tmp_path)
    shutil.copytree(EXTRA / "outcomes", tmp_path / "data" / "outcomes")
    shutil.copy(EXTRA / "timeline.yml", tmp_path / "data" / "timeline.yml")
    return tmp_path / "data"


@pytest.fixture
def manual(data):
    return load(data, data.parent / "docs")


def edit(data: Path, rel: str, old: str, new: str) -> None:
    """Replace the first ``old`` in ``rel``."""
    helpers.edit(data, rel, old, new, first=True)


# ------------------------------------------------------------------ validation
def test_outcomes_and_timeline_load(manual):
    assert list(manual.outcomes) == ["example-outcomes"]
    # events come in date order whatever the file order: a bare year sorts first
    assert list(manual.events) == ["planning", "pilot-begins", "reviews-begin"]
    assert manual.page_of("outcome", "example-outcomes") == "outcomes/example-outcomes.md"


def test_outcome_figure_with_unknown_source(data):
    edit(data, OUTCOME, "source: {source: casey-sacramento-2017, section: Results}\n      - id: after",
         "source: {source: casey-2017, section: Results}\n      - id: after")
    assert errors(data) == [
        f"data/{OUTCOME}:19: groups[0].figures[0].source.source: unknown source 'casey-2017'; known: {SOURCES}",
    ]


def test_outcome_figure_value_must_be_a_number(data):
    edit(data, OUTCOME, "value: 27.5", 'value: "27.5%"')
    assert errors(data) == [
        f"data/{OUTCOME}:23: groups[0].figures[1].value: expected a number, got the text '27.5%'",
    ]


def test_outcome_figure_needs_an_id(data):
    edit(data, OUTCOME, "      - id: counted\n        label: Reviews held", "      - label: Reviews held")
    assert errors(data) == [f"data/{OUTCOME}:36: groups[0].figures[3].id: missing required field 'id'"]


def test_outcome_figure_needs_date_and_scope(data):
    edit(data, OUTCOME, "        scope: Four regions\n", "")
    assert errors(data) == [f"data/{OUTCOME}:36: groups[0].figures[3].scope: missing required field 'scope'"]


def test_unknown_qualifier(data):
    edit(data, OUTCOME, "qualifier: more than", "qualifier: roughly")
    assert errors(data) == [
        f"data/{OUTCOME}:31: groups[0].figures[2].qualifier: expected one of 'about', 'nearly', 'more than', "
        "'fewer than', 'or fewer', 'about or fewer'; got 'roughly'",
    ]


def test_approximate_and_qualifier_together(data):
    edit(data, OUTCOME, "qualifier: more than", "qualifier: more than\n        approximate: true")
    assert errors(data) == [
        f"data/{OUTCOME}:31: groups[0].figures[2].qualifier: give either approximate or qualifier, not both",
    ]


def test_approximate_and_qualifier_together_in_a_program(data):
    edit(data, "programs/p3.yml", "value: 29", "value: 29\n    approximate: true\n    qualifier: nearly")
    assert errors(data) == [
        "data/programs/p3.yml:17: figures[0].qualifier: give either approximate or qualifier, not both",
    ]


def test_chart_names_a_figure_not_in_its_group(data):
    edit(data, OUTCOME, "figures: [before, after]", "figures: [before, aftr]")
    assert errors(data) == [
        f"data/{OUTCOME}:46: groups[0].charts[0].figures[1]: unknown figure 'aftr' in this group; "
        "known: after, before, bounded, counted",
    ]


def test_chart_refuses_a_bounded_figure(data):
    edit(data, OUTCOME, "figures: [before, after]", "figures: [before, bounded]")
    assert errors(data) == [
        f"data/{OUTCOME}:46: groups[0].charts[0].figures[1]: figure 'bounded' is not exact "
        "(the source says 'more than'); a chart draws exact figures only, so show it in the table",
    ]


def test_chart_refuses_an_approximate_figure(data):
    edit(data, OUTCOME, "value: 27.5", "value: 27.5\n        approximate: true")
    assert errors(data) == [  # one line further down: the edit added a line
        f"data/{OUTCOME}:47: groups[0].charts[0].figures[1]: figure 'after' is not exact "
        "(the source says 'about'); a chart draws exact figures only, so show it in the table",
    ]


def test_chart_does_not_mix_percentages_and_counts(data):
    edit(data, OUTCOME, "figures: [before, after]", "figures: [before, counted]")
    assert errors(data) == [
        f"data/{OUTCOME}:46: groups[0].charts[0].figures[1]: figure 'counted' is a count but 'before' is a "
        "percentage; a chart does not mix percentages with counts",
    ]


def test_chart_needs_two_figures(data):
    edit(data, OUTCOME, "figures: [before, after]", "figures: [before]")
    assert errors(data) == [f"data/{OUTCOME}:46: groups[0].charts[0].figures: must list at least 2 items"]


def test_duplicate_figure_id_in_an_outcome_file(data):
    edit(data, OUTCOME, "- id: after", "- id: before")
    assert errors(data) == [
        f"data/{OUTCOME}:20: groups[0].figures[1].id: duplicate figure id 'before'; first used on line 12",
        f"data/{OUTCOME}:46: groups[0].charts[0].figures[1]: unknown figure 'after' in this group; "
        "known: before, bounded, counted",
    ]


def test_group_without_figures(data):
    edit(data, OUTCOME, "    program_figures: {program: p3, figures: [p3-pilot-participants]}\n", "")
    assert errors(data) == [f"data/{OUTCOME}:54: groups[1]: a group needs figures, program_figures or both"]


def test_program_figures_must_exist_in_the_program(data):
    edit(data, OUTCOME, "figures: [p3-pilot-participants]", "figures: [p3-participants]")
    assert errors(data) == [
        f"data/{OUTCOME}:58: groups[1].program_figures.figures[0]: unknown figure 'p3-participants' "
        "in program 'p3'; known: p3-pilot-participants",
    ]


def test_program_figures_names_an_unknown_program(data):
    edit(data, OUTCOME, "{program: p3,", "{program: p4,")
    assert errors(data) == [
        f"data/{OUTCOME}:58: groups[1].program_figures.program: unknown program 'p4'; known: p3",
    ]


def test_event_needs_a_page_to_link_to(data):
    edit(data, "timeline.yml", "    programs: [p3]\n    sources: [{source: la-dcfs-p3, section: P3 Pilot}]",
         "    sources: [{source: la-dcfs-p3, section: P3 Pilot}]")
    assert errors(data) == [
        "data/timeline.yml:2: events[0].programs: an event needs programs or outcomes: the page or pages it links to",
    ]


@pytest.mark.parametrize("bad,message", [
    ("2015-13", "expected a real year, month or date; got '2015-13'"),
    ("June 2015", "expected YYYY, YYYY-MM or YYYY-MM-DD (it only orders the timeline); got 'June 2015'"),
])
def test_event_sort_key(data, bad, message):
    edit(data, "timeline.yml", "sort: 2015-06", f"sort: {bad}")
    assert errors(data) == [f"data/timeline.yml:10: events[1].sort: {message}"]


def test_event_links_to_an_unknown_outcome(data):
    edit(data, "timeline.yml", "outcomes: [example-outcomes]", "outcomes: [example]")
    assert errors(data) == [
        "data/timeline.yml:12: events[1].outcomes[0]: unknown outcome 'example'; known: example-outcomes",
    ]


def test_event_needs_a_source(data):
    edit(data, "timeline.yml", "    sources: [{source: casey-sacramento-2017, section: Introduction}]\n", "")
    assert errors(data) == ["data/timeline.yml:8: events[1].sources: missing required field 'sources'"]


# ------------------------------------------------------------------- rendering
@pytest.mark.parametrize("figure,expected", [
    ({"value": 275, "unit": "youth", "qualifier": "nearly"}, "nearly 275 youth"),
    ({"value": 60, "unit": "percent", "qualifier": "more than"}, "more than 60%"),
    ({"value": 30, "unit": "children", "qualifier": "about or fewer"}, "about 30 children or fewer"),
    ({"value": 30, "unit": "children", "qualifier": "or fewer"}, "30 children or fewer"),
    ({"value": 8000, "unit": "youth", "approximate": True}, "about 8,000 youth"),
    ({"value": 1, "unit": "case"}, "1 case"),
])
def test_figure_value_keeps_the_sources_bounds(figure, expected):
    assert figure_value(figure) == expected


def test_outcome_page_chart_has_a_text_alternative(manual):
    out = html(render.outcome_page(manual, "example-outcomes", "outcomes/example-outcomes.md"))
    svg = re.search(r"<svg [^>]*>.*?</svg>", out, re.S).group(0)
    assert 'role="img"' in svg
    assert 'aria-labelledby="chart-first-vs-second-title" aria-describedby="chart-first-vs-second-desc"' in svg
    # the name and the description are in the SVG itself, HTML-escaped
    assert '<title id="chart-first-vs-second-title">First &amp; second year &lt;compared&gt;</title>' in svg
    desc = re.search(r'<desc id="chart-first-vs-second-desc">(.*?)</desc>', svg).group(1)
    assert desc == (
        "Bar chart with 2 bars, drawn on a scale of 0 to 100 percent. First year: 15.5%. Second year: 27.5%. "
        "Scope: Children in care two years or more. Date or period: 2013 - 2016. "
        "No figure for the year in between."
    )
    # each bar is labelled with its category and its value, not only a colour
    assert re.findall(r'<text class="manual-chart__value"[^>]*>([^<]+)</text>', svg) == ["15.5%", "27.5%"]
    assert re.findall(r'<text class="manual-chart__label"[^>]*>([^<]+)</text>', svg) == ["First year", "Second year"]


def test_outcome_page_chart_caption_shows_scope_date_and_source(manual):
    out = html(render.outcome_page(manual, "example-outcomes", "outcomes/example-outcomes.md"))
    caption = re.search(r"<figcaption>(.*?)</figcaption>", out, re.S).group(1)
    assert caption == (
        "<strong>First &amp; second year &lt;compared&gt;.</strong> Scope: Children in care two years or more. "
        'Date or period: 2013 - 2016. Source: <a href="../sources.md#casey-sacramento-2017">'
        "Sacramento PCR report</a>, Results. No figure for the year in between."
    )


def test_outcome_page_tables_keep_bounds_dates_scopes_and_sources(manual):
    out = html(render.outcome_page(manual, "example-outcomes", "outcomes/example-outcomes.md"))
    assert '<h2 id="rates">Rates</h2>' in out
    assert "<td><strong>more than 60%</strong></td>" in out
    assert "<td><strong>274 reviews</strong></td>" in out
    assert "<td>October 1, 2013 - September 30, 2014</td>" in out
    assert '<a href="../sources.md#casey-sacramento-2017">Sacramento PCR report</a>, Table 1' in out
    # the chart comes before the table that repeats its numbers
    assert out.index("<svg") < out.index("<table>")


def test_outcome_page_caveats_are_cited_and_escaped(manual):
    out = html(render.outcome_page(manual, "example-outcomes", "outcomes/example-outcomes.md"))
    assert '<h3 id="rates-caveats">Read these figures with care</h3>' in out
    assert "<script>" not in out
    assert "Early data &lt;script&gt;alert(1)&lt;/script&gt; are *limited*." in out


def test_outcome_page_shows_program_figures_without_copying_them(manual):
    out = html(render.outcome_page(manual, "example-outcomes", "outcomes/example-outcomes.md"))
    kept = out[out.index('id="kept-with-p3"'):]
    assert 'These figures are kept with the <a href="../programs/p3.md">Permanency Partners Program</a> page' in kept
    assert "<strong>29 youth</strong>" in kept
    assert '<a href="../programs/p3.md">Permanency Partners Program</a> (P3): A Los Angeles County pilot' in out


def test_chart_layout_scales():
    figures = [
        {"id": "a", "label": "A", "value": 15.5, "unit": "percent"},
        {"id": "b", "label": "B", "value": 27.5, "unit": "percent"},
    ]
    g = chart_layout({}, figures)
    assert g["percent"] and g["scale_text"] == "0 to 100 percent"
    assert [b["width"] for b in g["bars"]] == [round(g["span"] * 0.155, 1), round(g["span"] * 0.275, 1)]
    counts = [
        {"id": "a", "label": "Legal permanency", "value": 10, "unit": "children"},
        {"id": "b", "label": "Pending guardianship", "value": 1, "unit": "case"},
        {"id": "c", "label": "Progress", "value": 56, "unit": "outcomes"},
    ]
    g = chart_layout({}, counts)
    assert not g["percent"] and g["scale_text"] == "0 to 56"
    assert g["bars"][2]["width"] == g["span"]  # the largest count fills the scale
    assert g["bars"][1]["width"] >= 1  # a count of 1 is still drawn
    # the longest value text fits to the right of the longest bar
    assert g["span"] + 6 + len("56 outcomes") * 8.2 <= g["width"]


def test_long_chart_labels_wrap():
    figures = [{"id": "a", "label": "x " * 40, "value": 1, "unit": "percent"},
               {"id": "b", "label": "short", "value": 2, "unit": "percent"}]
    g = chart_layout({}, figures)
    assert len(g["bars"][0]["lines"]) == 2
    assert all(len(line["text"]) <= 42 for line in g["bars"][0]["lines"])
    assert g["bars"][1]["y"] > g["bars"][0]["y"] + 17 * 2


def test_timeline_groups_by_year_in_date_order_with_links_and_citations(manual):
    out = html(render.timeline(manual, "timeline.md"))
    assert re.findall(r'<h2 id="(year-\d+)">', out) == ["year-2004", "year-2015"]
    assert out.index("Planning for the pilot.") < out.index("The pilot begins") < out.index("Reviews")
    item = re.search(r"<li>\s*<strong>October 13, 2004</strong>.*?</li>", out, re.S).group(0)
    assert "The pilot begins in the Lakewood office." in item
    assert 'See: <a href="programs/p3.md">Permanency Partners Program (P3)</a>' in item
    assert '<em>Source: <a href="sources.md#la-dcfs-p3">P3 release</a>, P3 Pilot</em>' in item
    # data text stays text
    assert "Reviews *begin*." in out
    # an event can link to both kinds of page
    assert ('See: <a href="programs/p3.md">Permanency Partners Program (P3)</a>; '
            '<a href="outcomes/example-outcomes.md">Example outcomes</a>') in out
    assert "Programs with no dates" not in out  # every program in the fixture is dated


def test_timeline_lists_programs_it_cannot_date(data):
    edit(data, "timeline.yml", "    programs: [p3]\n    outcomes: [example-outcomes]\n",
         "    outcomes: [example-outcomes]\n")
    edit(data, "timeline.yml", "    programs: [p3]\n    sources: [{source: la-dcfs-p3, section: P3 Pilot}]",
         "    outcomes: [example-outcomes]\n    sources: [{source: la-dcfs-p3, section: P3 Pilot}]")
    out = html(render.timeline(load(data, data.parent / "docs"), "timeline.md"))
    assert '<h2 id="undated">Programs with no dates</h2>' in out
    assert '<li><a href="programs/p3.md">Permanency Partners Program (P3)</a></li>' in out


def test_program_page_links_its_outcome_sets(manual):
    out = html(render.program_page(manual, "p3", "programs/p3.md"))
    assert '<h2 id="outcome-data">Outcome data</h2>' in out
    assert '<a href="../outcomes/example-outcomes.md">Example outcomes</a>: Two rates compared' in out


def test_program_without_an_abbreviation(manual):
    # with one, the card's title line ends "(P3)" and its rule follows
    out = html(render.program_index(manual, "programs/index.md"))
    assert '<p><strong><a href="p3.md">Permanency Partners Program</a></strong> (P3)</p>\n<hr />' in out
    del manual.programs["p3"]["abbreviation"]
    assert render.program_title(manual.programs["p3"]) == "Permanency Partners Program"
    out = html(render.program_index(manual, "programs/index.md"))
    assert '<p><strong><a href="p3.md">Permanency Partners Program</a></strong></p>\n<hr />' in out
    assert "()" not in out
    assert pages.generated(manual)["programs/p3.md"].front["title"] == "Permanency Partners Program"


def test_outcome_index_lists_sets_and_every_program_figure(manual):
    out = html(render.outcome_index(manual, "outcomes/index.md"))
    assert '<a href="example-outcomes.md">Example outcomes</a>' in out
    assert '<h3 id="figures-p3">Permanency Partners Program (P3)</h3>' in out
    assert "<strong>29 youth</strong>" in out and "<strong>44%</strong>" in out


def test_outcome_page_is_generated(manual):
    generated = pages.generated(manual)
    assert generated["outcomes/example-outcomes.md"] == pages.Generated(
        {"title": "Example outcomes",
         "description": "Two rates compared, a bounded figure, a count, and figures kept with P3.",
         "last_reviewed": "2026-01-31"},
        "outcome_page", ("example-outcomes",))


def test_example_files_document_their_line_numbers():
    # the line numbers asserted above depend on these files; keep them in step
    text = (EXTRA / OUTCOME).read_text(encoding="utf-8").splitlines()
    assert text[11] == "      - id: before" and text[45].strip() == "figures: [before, after]"
    assert textwrap.dedent((EXTRA / "timeline.yml").read_text(encoding="utf-8")).splitlines()[9] == "    sort: 2015-06"
