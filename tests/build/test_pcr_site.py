"""The real manual, built once with --strict, read as HTML: the permanency case
review pages, permanency options, lessons, case stories and glossary show their
content and citations, every abbreviation carries its expansion, and a fixture
project shows the plugin feeding the abbreviation glossary."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

import sitecheck

CITE = '<a href="../sources.html#casey-sacramento-2017">Sacramento <abbr title="permanency case review">PCR</abbr> report</a>'


def html(site: Path, rel: str) -> str:
    return (site / rel).read_text(encoding="utf-8")


def test_no_broken_links_and_no_requests_to_other_hosts(site):
    assert sitecheck.broken_links(site) == []
    assert sitecheck.external_references(site) == []


def test_question_bank_shows_every_question_with_its_anchor_and_source(site, manual):
    page = html(site, "pcr/questions.html")
    text = sitecheck.text(site / "pcr/questions.html")
    ids = sitecheck.read(site / "pcr/questions.html").ids
    assert len(manual.questions) >= 30
    for phase in manual.phases.values():
        assert phase["id"] in ids
        assert phase["title"] in text
    for question in manual.questions.values():
        assert question["id"] in ids, question["id"]
        assert " ".join(question["purpose"].split()) in text
    # the risk question, its "aha" guidance and its citation, as a reader sees them
    assert "On a scale of 1 to 10, what is the risk to this youth if he or she does not achieve permanency?" in text
    assert 'Expect "aha" moments' in text
    assert 'reminds itself that "permanency means a family, and that means forever"' in text
    assert CITE + ", The risk of not achieving permanency" in page


def test_options_page_shows_each_option_its_category_and_citations(site, manual):
    text = sitecheck.text(site / "permanency-options.html")
    for category in manual.option_categories.values():
        assert category["title"] in text
    for option in manual.options.values():
        assert option["name"] in text
    assert "Legal permanency is reunification, adoption or guardianship." in text
    assert "read the term as a family being found or prepared to become the youth's permanent home" in text
    assert "A form of reunification" in text
    assert CITE.replace("../", "") + ", Table 1" in html(site, "permanency-options.html")


def test_lessons_page_shows_every_lesson_with_what_to_do_and_behaviors(site, manual):
    text = sitecheck.text(site / "pcr/lessons-learned.html")
    page = html(site, "pcr/lessons-learned.html")
    for lesson in manual.lessons.values():
        assert lesson["title"] in text
    assert text.count("What to do") == len(manual.lessons)
    assert "the average was 40 children several years earlier, and about 30 children or fewer when the report was written (January 2017)" in text
    assert re.search(r'<a (?:data-print-url="[^"]*" )?href="\.\./practice-behaviors/12-prepare-for-transitions\.html">'
                     r'12\. Prepare for transitions</a>', page)  # the first link to a page carries its printed address
    assert CITE + ", Model fidelity" in page


def test_case_stories_page_shows_stories_links_and_what_is_open(site, manual):
    text = sitecheck.text(site / "pcr/case-stories.html")
    page = html(site, "pcr/case-stories.html")
    for story in manual.stories.values():
        assert story["title"] in text
    assert text.count("Still open") == len(manual.stories)
    assert "Three months after the review:" in text
    assert "guardianship was the goal" in text
    assert '<a href="questions.html#second-chance">' in page
    assert re.search(r'<a (?:data-print-url="[^"]*" )?href="\.\./permanency-options\.html#second-chance-reunification">'
                     r'Second-chance reunification</a>', page)


def test_glossary_lists_every_entry_alphabetically_with_its_expansion(site, manual):
    text = sitecheck.text(site / "glossary.html")
    page = html(site, "glossary.html")
    ids = sitecheck.read(site / "glossary.html").ids
    # entry headings appear in alphabetical order of their terms
    headings = re.findall(r'<h3 id="([^"]+)">(.*?)<a class="headerlink"', page)
    terms = [re.sub(r"<[^>]+>", "", h) for _, h in headings]
    assert [i for i, _ in headings] == list(manual.terms)
    assert terms == sorted(terms, key=lambda t: re.sub(r"[^0-9a-z ]", "", t.casefold()))
    for term in manual.terms.values():
        assert term["id"] in ids
    # one paragraph, a line each: a search result shows what it stands for and means
    assert ("NREFM stands for: non-related, extended family member In plain words: An adult who is not "
            "a relative") in text
    assert ("CSW stands for: Children's Social Worker (the manual's explanation: the sources use the letters "
            "without spelling them out)") in text
    assert "letter-n" in ids


@pytest.mark.parametrize("rel,abbr,title", [
    ("permanency-options.html", "NREFM", "non-related, extended family member"),
    ("programs/p3.html", "SCSWs", "Supervising Children's Social Worker"),
    ("practice-behaviors/07-build-supportive-team.html", "IEP", "Individual Education Plan"),
    ("pcr/roles.html", "PCR", "permanency case review"),
])
def test_abbreviations_carry_their_expansion_on_content_pages(site, rel, abbr, title):
    page = html(site, rel)
    assert f'<abbr tabindex="0" title="{title}">{abbr}</abbr>' in page
    # only the first use on a page is a tab stop
    assert len(re.findall(rf'<abbr tabindex="0" title="[^"]*">{abbr}</abbr>', page)) == 1


def test_good_fixture_builds_with_its_own_glossary(good_site):
    page = (good_site / "programs" / "p3" / "index.html").read_text(encoding="utf-8")
    assert '<abbr tabindex="0" title="Permanency Partners Program">P3</abbr>' in page
