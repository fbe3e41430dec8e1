"""Renderers for the permanency case review section, permanency options, lessons,
case stories and glossary: data in, Markdown out, checked as Markdown renders it
(with the same extensions the site uses, including the abbreviation glossary)."""
from __future__ import annotations

import markdown
import pytest

from permanency import render
from helpers import good_manual, html



@pytest.fixture
def m():
    return good_manual()


def test_question_bank_lists_phases_in_order_with_questions_under_them(m):
    out = html(render.question_bank(m, "pcr/questions.md"))
    # an ordered overview of the phases, with question counts
    assert '<li><a href="questions.md#risk">The risk of not achieving permanency</a> (1 question)</li>' in out
    assert '<li><a href="questions.md#connections">Relationships and connections</a> (2 questions)</li>' in out
    # numbered phase headings with stable anchors, in the data's order
    assert '<h2 id="risk">1. The risk of not achieving permanency</h2>' in out
    assert '<h2 id="connections">2. Relationships and connections</h2>' in out
    assert out.index('id="risk"') < out.index('id="risk-scale"') < out.index('id="connections"') < out.index('id="siblings"')
    # each question: heading with its id, why, guidance, source
    assert '<h3 id="risk-scale">On a scale of 1 to 10, what is the risk?</h3>' in out
    assert "<p><strong>Why ask it.</strong> Brings the urgency to the front.</p>" in out
    assert "<li>Expect &#34;aha&#34; moments.</li>" in out
    assert '<p class="manual-cite">Source: <a href="../sources.md#casey-sacramento-2017">Sacramento PCR report</a>, Introduction</p>' in out
    # the phase's own guidance is a "For the facilitator" box
    assert '<p class="admonition-title">For the facilitator</p>' in out
    assert "<li>Open with it.</li>" in out


def test_question_links_to_its_roles_and_to_the_stories_that_use_it(m):
    out = html(render.question_bank(m, "pcr/questions.md"))
    assert '<strong>Put to:</strong> <a href="roles.md#social-worker">Social worker</a>' in out
    assert ('<strong>In the case stories:</strong> '
            '<a href="case-stories.md#youth-who-kept-running-home">A youth who kept running home</a>') in out
    # a question no story names gets no "In the case stories" line
    holidays = out[out.index('id="holidays"'):]
    assert "In the case stories" not in holidays


def test_permanency_options_groups_options_under_their_category(m):
    out = html(render.permanency_options(m, "permanency-options.md"))
    # overview table: every option with what it counts as
    assert '<td><a href="permanency-options.md#second-chance-reunification">Second-chance reunification</a></td>\n<td>Legal permanency</td>' in out
    assert '<td><a href="permanency-options.md#destination-family-referral">Referral to a destination family</a></td>\n<td>Progress toward permanency</td>' in out
    # category heading, the definition quoted in a quote box with its source
    assert '<h2 id="legal">Legal permanency</h2>' in out
    assert 'class="admonition quote"' in out
    assert "<p>Legal permanency is reunification, adoption or guardianship.</p>" in out
    # an option: anchor, variant line, definition, notes, data element, story, source
    assert '<h3 id="second-chance-reunification">Second-chance reunification</h3>' in out
    assert '<p><em>A form of <a href="permanency-options.md#reunification">reunification</a>.</em></p>' in out
    assert "<li>By January 2017 it came up regularly. <em>(" in out
    assert ('<strong>Counted in the PCR data as:</strong> '
            '<a href="pcr/data-elements.md#cases-to-legal-permanency">Cases reunified</a>') in out
    assert '<a href="pcr/case-stories.md#youth-who-kept-running-home">A youth who kept running home</a>' in out
    assert '<h2 id="sources">Sources</h2>' in out


def test_data_elements_page_lists_what_to_count_and_the_data_lesson(m):
    out = html(render.pcr_data_elements(m, "pcr/data-elements.md"))
    assert '<td><a href="data-elements.md#pcrs-held">PCRs held</a></td>\n<td>PCRs</td>' in out
    assert '<h3 id="cases-to-legal-permanency">Cases reunified</h3>' in out
    assert ('<strong>Permanency options it counts:</strong> <a href="../permanency-options.md#reunification">Reunification</a>; '
            '<a href="../permanency-options.md#second-chance-reunification">Second-chance reunification</a>') in out
    # the lesson named in the data file is shown with the elements
    assert '<h2 id="lessons">What collecting the data taught</h2>' in out
    assert '<h3 id="lesson-data-collection">Collecting the data</h3>' in out
    assert '<a href="lessons-learned.md#data-collection">lessons learned</a>' in out
    assert "<li>Standardize the data.</li>" in out
    # the other lesson is not
    assert "The risk question" not in out


def test_lessons_show_what_happened_what_to_do_behaviors_and_source(m):
    out = html(render.lessons_learned(m, "pcr/lessons-learned.md"))
    assert '<li><a href="lessons-learned.md#risk-question">The risk question</a></li>' in out
    assert '<h2 id="risk-question">The risk question</h2>' in out
    assert "<p><strong>What happened</strong></p>\n<p>It began as a liaison&#39;s query.</p>" in out
    assert "<p><strong>What to do</strong></p>\n<ul>\n<li>Ask it in every review.</li>" in out
    assert ('<strong>Related practice behaviors:</strong> '
            '<a href="../practice-behaviors/01-be-accountable.md">1. Be accountable</a>') in out
    # a lesson with no related behaviors has no such line
    data_lesson = out[out.index('id="data-collection"'):]
    assert "Related practice behaviors" not in data_lesson


def test_case_stories_link_questions_and_options_and_say_what_is_open(m):
    out = html(render.case_stories(m, "pcr/case-stories.md"))
    assert '<h2 id="youth-who-kept-running-home">A youth who kept running home</h2>' in out
    assert '<li><a href="questions.md#siblings">Which of his or her siblings does the youth see?</a></li>' in out
    assert ('<strong>Permanency options:</strong> '
            '<a href="../permanency-options.md#second-chance-reunification">Second-chance reunification</a>') in out
    assert "<li><strong>Later:</strong> By January 2017 the youth was living at home.</li>" in out
    assert "<li>The alternative might have been the streets.</li>" in out
    assert "<p><strong>Still open</strong></p>\n<ul>\n<li>The report does not say whether the case closed.</li>" in out
    # a story that names no question or option says so instead of listing nothing
    assert "<em>The report does not say which questions the review asked.</em>" in out
    assert "<em>The report does not tie this story to a particular permanency option.</em>" in out


def test_story_text_is_escaped(m):
    out = html(render.case_stories(m, "pcr/case-stories.md"))
    assert "<script>" not in out
    assert "&lt;script&gt;alert(&#34;story&#34;)&lt;/script&gt;" in out
    assert "*his*" in out and "<em>his</em>" not in out


def test_glossary_is_alphabetical_grouped_by_letter_with_anchors(m):
    out = html(render.glossary(m, "glossary.md"))
    # letter index, then letters in order, entries alphabetical within them
    assert out.startswith(
        '<nav aria-label="Glossary letters" class="manual-alpha">\n<ul>\n'
        '<li><a href="#letter-a">A</a></li>\n<li><a href="#letter-c">C</a></li>\n'
        '<li><a href="#letter-l">L</a></li>\n<li><a href="#letter-p">P</a></li>\n</ul>\n</nav>'
    )
    order = [out.index(f'id="{i}"') for i in ("letter-a", "aging-out", "letter-c", "csw", "letter-l", "legal-permanency", "letter-p", "p3")]
    assert order == sorted(order)
    assert '<h3 id="p3">P3</h3>' in out
    # what it stands for (with the abbreviation), the plain words and the sources'
    # definition are one paragraph, so a search result (one paragraph) shows them all
    assert ("<p><strong>P3 stands for:</strong> Permanency Partners Program<br>\n"
            "<strong>In plain words:</strong> A Los Angeles County pilot") in out
    assert "<br>\n<strong>In the sources:</strong> A Los Angeles County program.</p>" in out
    # an abbreviation no source spells out says so
    assert "<p><strong>CSW stands for:</strong> <em>Not spelled out in the sources.</em><br>" in out
    # a term has no "stands for"; its note and source show
    aging = out[out.index('id="aging-out"'):out.index('id="letter-c"')]
    assert "stands for" not in aging.lower()
    assert "<p><strong>In plain words:</strong> Leaving foster care" in aging
    assert "<p><em>The report speaks of age 18.</em></p>" in aging
    assert '<strong>See:</strong> <a href="programs/p3.md">Permanency Partners Program</a>' in out
    assert '<p class="manual-cite">Source: <a href="sources.md#la-dcfs-p3">P3 release</a>, P3 Pilot</p>' in out


def test_pcr_overview_roles_and_process(m):
    out = html(render.pcr_overview(m, "pcr/index.md"))
    assert "<dt>How long it takes</dt>" in out and "Almost two hours." in out
    assert '<h2 id="what-it-is-not">What a review is not</h2>' in out
    assert "<li>Not a way of pointing fingers. <em>(" in out
    assert '<h2 id="case-selection">Which cases are reviewed</h2>' in out

    out = html(render.pcr_roles(m, "pcr/roles.md"))
    assert '<h2 id="facilitator">Facilitating program manager</h2>' in out
    assert "<p><strong>Who.</strong> A program manager. <em>(" in out
    # the questions the bank puts to a role are listed under it
    worker = out[out.index('id="social-worker"'):]
    assert '<a href="questions.md#risk-scale">On a scale of 1 to 10, what is the risk?</a>' in worker
    facilitator = out[out.index('id="facilitator"'):out.index('id="social-worker"')]
    assert "Questions put to this person" not in facilitator

    out = html(render.pcr_process(m, "pcr/running-a-review.md"))
    assert '<h3 id="opening">1. Opening</h3>' in out
    assert '<h3 id="exploring">2. Exploring</h3>' in out
    # the stage that works through the bank links every phase
    assert '<a href="questions.md#risk">The risk of not achieving permanency</a>; <a href="questions.md#connections">' in out
    assert '<h3 id="mini-pcr">Mini-PCRs</h3>' in out
    assert "<p><strong>Status:</strong> An idea (January 2017)</p>" in out
    assert "<p><strong>Left to the facilitator</strong></p>" in out


def test_page_sources_list_each_citation_once_in_order_of_use():
    data = [{"text": "a", "source": {"source": "x", "section": "One"}},
            {"deep": [{"source": "x", "section": "One"}, {"source": "y"}]}]
    assert render.citations_in(data) == [{"source": "x", "section": "One"}, {"source": "y"}]


def test_abbreviations_map_every_spelling_to_its_tooltip(m):
    assert render.abbreviations(m) == {
        "P3": "Permanency Partners Program",
        "CSW": "Not spelled out in the sources",
        "CSWs": "Not spelled out in the sources",
    }


def test_first_use_of_each_abbreviation_takes_keyboard_focus():
    md = markdown.Markdown(extensions=["abbr", "permanency.mdext"], extension_configs={
        "abbr": {"glossary": {"PCR": "permanency case review", "PCRs": "permanency case review",
                              "CPS": "Child Protective Services"}},
        "permanency.mdext": {"same_as": {"PCRs": "PCR"}},
    })
    out = md.convert("[The PCR report](x.md): PCRs in CPS.\n\nOne PCR, and CPS again.")
    assert out == (
        # inside a link the abbreviation is no extra tab stop; the first use outside one is
        '<p><a href="x.md">The <abbr title="permanency case review">PCR</abbr> report</a>: '
        '<abbr tabindex="0" title="permanency case review">PCRs</abbr> in '
        '<abbr tabindex="0" title="Child Protective Services">CPS</abbr>.</p>\n'
        '<p>One <abbr title="permanency case review">PCR</abbr>, and '
        '<abbr title="Child Protective Services">CPS</abbr> again.</p>'
    )
