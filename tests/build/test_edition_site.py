"""The sample agency edition (tests/fixtures/edition-fernhollow, a fictional
county) built once, read as HTML: its name everywhere, its local page in the
navigation and search, its note on a core program page, its contact on the
quick reference, its hidden core page gone from nav, search and sitemap, and a
"Report a problem" mail link on every page. The core's own site has none of it."""
from __future__ import annotations

import html as htmllib
import json
import os
import re
from urllib.parse import unquote

import pytest

import sitecheck
from sitecheck import built_pages, text

pytestmark = pytest.mark.skipif(bool(os.environ.get("MANUAL_EDITION")), reason="the sample edition only")

TITLE = "Fernhollow County Permanency Practice Manual"


def html(site, page):
    return (site / page).read_text(encoding="utf-8")


def search_locations(site) -> list[str]:
    return [d["location"] for d in json.loads(html(site, "search/search_index.json"))["docs"]]


def test_its_name_is_on_every_page_and_the_home_heading_and_footer_come_from_its_data(edition_site):
    for page in built_pages(edition_site):
        source = html(edition_site, page)
        assert re.search(rf"<title>[^<]*{TITLE}</title>", source), page
        assert f"<strong>{TITLE}</strong>" in source or page == "404.html", page  # the provenance line
    home = html(edition_site, "index.html")
    assert re.search(rf'<h1 id="[^"]+">{TITLE}<', home)
    assert ("Compiled from five public source documents and Fernhollow County's own notes "
            "(a fictional sample edition).") in text(edition_site / "index.html")
    assert "Version 0.4.0+fernhollow.2 (2026-12-02)" in text(edition_site / "index.html")


def test_its_local_page_is_in_the_navigation_after_the_review_section_and_in_search(edition_site):
    nav = re.findall(r'<a href="([^"]+)" class="md-nav__link', html(edition_site, "index.html"))
    local = nav.index("local/requesting-a-review.html")
    assert nav[local - 1].startswith("pcr/") or nav[local - 1] == "pcr/index.html"
    assert "local/requesting-a-review.html" in search_locations(edition_site)
    assert "Fictional sample" in text(edition_site / "local/requesting-a-review.html")


def test_its_note_shows_on_the_core_program_page_marked_local_and_cited_to_its_own_source(edition_site):
    page = html(edition_site, "programs/p3.html")
    note = page[page.index("In Fernhollow County (local note)"):]
    note = note[: note.index("</div>")]
    assert 'class="admonition note manual-local"' in page
    assert "referrals go through the county's permanency review unit" in htmllib.unescape(note)
    assert 'href="../sources.html#fh-permanency-memo">Fernhollow review memo</a>' in note
    sources = text(edition_site / "sources.html")
    assert "Fernhollow review memo" in sources and "not one of the public source documents" in sources
    glossary = html(edition_site, "glossary.html")
    assert "In Fernhollow County (local note)" in glossary[glossary.index('id="nrefm"'):glossary.index('id="nrefm"') + 3000]
    assert "A local term of this edition" in glossary[glossary.index('id="fh-pru"'):]


def test_its_contact_is_on_the_quick_reference_cited_to_the_named_contact(edition_site):
    quick = text(edition_site / "quick-reference.html")
    contacts = quick[quick.index("Contacts in Fernhollow County (local)"):]
    for expected in ("Fernhollow County Permanency Review Unit (fictional)", "Phone: 555-0142",
                     "E-mail: permanency-unit@fernhollow.example", "Source: Fernhollow review unit lead"):
        assert expected in contacts


def test_its_hidden_core_page_is_gone_from_nav_search_and_sitemap_with_its_reason_on_the_change_log(edition_site):
    assert not (edition_site / "programs/tfsc.html").exists()
    assert "programs/tfsc" not in html(edition_site, "sitemap.xml")
    assert not [loc for loc in search_locations(edition_site) if loc.startswith("programs/tfsc")]
    assert "tfsc.html" not in html(edition_site, "programs/index.html")
    assert sitecheck.broken_links(edition_site, "/") == []  # links to it became plain text
    changelog = text(edition_site / "changelog.html")
    assert ("Thriving Families, Safer Children (programs/tfsc.md): Fernhollow County (fictional) does not "
            "take part in Thriving Families, Safer Children.") in changelog
    assert f"Pages: {TITLE}, Programs and reforms" in changelog  # the home page named by the edition's name
    assert "Version 0.3.0+fernhollow.1 (2026-12-01)" in changelog and "Version 0.3.0 (2026-11-30)" in changelog
    assert "Version 0.4.0+fernhollow.2 (2026-12-02)" in changelog


def test_its_hidden_program_is_listed_nowhere_not_even_as_text(edition_site):
    name = "Thriving Families, Safer Children"
    cards = text(edition_site / "programs/index.html")
    assert name not in cards and "Permanency Partners Program" in cards  # its card is gone, the others stay
    assert name not in text(edition_site / "outcomes/index.html")  # its figures are not listed
    crosswalk = html(edition_site, "crosswalk.html")
    assert f'<td data-label="Program">{name}</td>' not in crosswalk and f"programs/tfsc" not in crosswalk
    assert f"Program: {name}" not in html(edition_site, "tags.html")
    behavior = html(edition_site, "practice-behaviors/05-support-self-advocacy.html")
    assert f"<li>{name}</li>" not in behavior and f"Program: {name}" not in behavior  # related programs, tags
    timeline = text(edition_site / "timeline.html")
    assert f"See: {name}" not in timeline and "See: Permanency Partners Program (P3)" in timeline
    module = text(edition_site / "training/07-cfpm-disparities-partnership.html")
    assert f"{name} (about" not in module  # its reading is gone; the module still teaches it
    glossary = text(edition_site / "glossary.html")
    assert f"See: {name}" not in glossary


def test_its_local_worksheet_is_in_the_worksheets_nav_search_and_index_and_cited_to_its_own_source(edition_site):
    nav = re.findall(r'<a href="([^"]+)" class="md-nav__link', html(edition_site, "tools/index.html"))
    assert nav[nav.index("fh-review-request.html") - 1] == "behaviors-self-check.html"  # where edition.yml puts it
    assert "tools/fh-review-request.html" in search_locations(edition_site)
    page = text(edition_site / "tools/fh-review-request.html")
    assert "A local worksheet of Fernhollow County: the agency's own, cited to its own sources" in page
    assert "Source of this worksheet: Fernhollow review memo, Asking for a review (fictional)" in page
    assert 'href="../sources.html#fh-permanency-memo">Fernhollow review memo</a>' in html(
        edition_site, "tools/fh-review-request.html")
    for label in ("Case reference", "Supervisor", "What has been tried so far"):  # the sheet, as a core one is laid out
        assert re.search(rf'<label for="ws-[a-z-]+">{label}</label>', html(edition_site, "tools/fh-review-request.html"))
    assert "Fernhollow review request form (local)" in text(edition_site / "tools/index.html")
    rendered = (edition_site.parent / "rendered" / "docs" / "tools" / "fh-review-request.md").read_text(encoding="utf-8")
    assert "\npdf: true\n" in rendered  # `make pdf EDITION=...` prints it, as every worksheet
    assert "Fernhollow review memo" in text(edition_site / "sources.html")


def test_its_training_session_follows_the_course_and_its_notes_are_on_a_module_a_behavior_and_a_phase(edition_site):
    nav = re.findall(r'<a href="([^"]+)" class="md-nav__link', html(edition_site, "training/index.html"))
    assert nav[nav.index("fernhollow-local-session.html") - 1] == "after-the-course.html"
    assert "training/fernhollow-local-session.html" in search_locations(edition_site)
    for page, words in (("training/05-permanency-case-review.html", "also sit in on a review run by the county"),
                        ("practice-behaviors/07-build-supportive-team.html", "can suggest who to invite"),
                        ("pcr/questions.html", "brings the county's family-finding notes")):
        source = text(edition_site / page)
        note = source[source.index("In Fernhollow County (local note)"):]
        assert words in note[:400] and "Fernhollow" in note[:400], page


def test_every_page_offers_a_problem_report_by_mail_with_its_title_and_address(edition_site):
    for page in built_pages(edition_site):
        if page == "404.html":
            continue
        links = re.findall(r'<a href="mailto:manual-editor@fernhollow\.example\?subject=([^&"]+)&amp;body=([^"]+)">'
                           r'Report a problem with this page</a>', html(edition_site, page))
        assert len(links) == 1, page
        subject, body = map(unquote, links[0])
        title = htmllib.unescape(re.search(r"<title>(.*?) - " + TITLE, html(edition_site, page)).group(1))
        assert subject == f"Problem with the page: {title}", page
        assert f"Page: {title}\nhttps://manual.fernhollow.example/{page}\n" in body, page


def test_the_core_site_keeps_its_own_name_and_footer_and_offers_no_problem_report(site):
    home = html(site, "index.html")
    assert re.search(r'<h1 id="permanency-practice-manual">Permanency Practice Manual<', home)
    assert "Compiled from five public source documents, each cited where it is used." in text(site / "index.html")
    assert "Fernhollow" not in home and "Report a problem" not in home
