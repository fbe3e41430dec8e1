"""The built site dates its content: every page made from a program, outcome set,
practice behavior or training module says near its top what period it describes,
beside its review date; superseded terms and practice-safety topics carry their
editor's notes; the home and Sources pages state the manual's scope."""
from __future__ import annotations

import re

import pytest

from permanency.model import KIND_BY_NAME

DATED_KINDS = ["program", "outcome", "behavior", "module"]


def page(site, rel: str) -> str:
    return (site / rel.replace(".md", ".html")).read_text(encoding="utf-8")


def plain(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", "", html).replace("&#39;", "'").split())


@pytest.mark.parametrize("kind", DATED_KINDS)
def test_every_record_page_says_what_it_describes_above_its_content(site, manual, kind):
    for record in manual.records[kind].values():
        html = page(site, KIND_BY_NAME[kind].page(record))
        body = html[html.index('<article'):]
        period = body.index('class="manual-period"')
        assert period < body.index("<h2"), record["id"]
        line = plain(body[period:body.index("</p>", period)])
        assert "Describes:" in line and f"Last reviewed: {record['last_reviewed']}." in line, line
        assert "is when an editor last checked the page against its sources" in line


def test_the_sacramento_pages_describe_january_2017(site):
    line = plain(page(site, "programs/pcr.md").split('class="manual-period"', 1)[1].split("</p>", 1)[0])
    assert line.startswith('>Describes: Sacramento PCR report, January 2017.')


@pytest.mark.parametrize("rel, note", [
    ("programs/p3.md", "only for youth aged 16 and older"),
    ("programs/rbs.md", "Short-Term Residential Therapeutic Programs (STRTPs)"),
    ("permanency-options.md", "required every demonstration to end by September 30, 2019"),
    ("glossary.md", "Public Law 113-183"),
])
def test_superseded_terms_carry_a_dated_editors_note(site, rel, note):
    html = page(site, rel)
    boxes = [plain(b) for b in re.findall(r'<div class="admonition note manual-editor-note">(.*?)</div>', html, re.S)]
    assert any(b.startswith("Editor's note, added 2026-12-01: not from the sources") and note in b for b in boxes)


@pytest.mark.parametrize("anchor, notes", [
    ("confidentiality", ["Welfare and Institutions Code section 827", "Public Law 110-351, October 7, 2008"]),
    ("vetting-and-consent", []),
    ("extended-foster-care", ["Assembly Bill 12, Chapter 559, 2010"]),
    ("tribal-membership", ["Public Law 95-608", "Welfare and Institutions Code section 224.2"]),
])
def test_after_the_course_gives_the_law_or_where_to_check(site, anchor, notes):
    html = page(site, "training/after-the-course.md")
    start = html.index(f'id="{anchor}"')
    end = html.find("<h3", start + 1)
    section = html[start:end if end > 0 else html.index("</article>")]
    boxes = [plain(b) for b in re.findall(r'<div class="admonition note manual-editor-note">(.*?)</div>', section, re.S)]
    assert len(boxes) == len(notes)
    for box, number in zip(boxes, notes):
        assert box.startswith("Editor's note, added 2026-12-01: not from the sources") and number in box
    if not notes:
        text = plain(section)
        assert "The sources do not cover either, and the manual has no editor's note on them" in text
        assert "ask your supervisor and check the county's policy manual" in text


def test_the_sources_page_lists_the_practice_safety_notes(site):
    sources = plain(page(site, "sources.md"))
    for title in ["Notice to relatives within 30 days of a removal (since 2008)",
                  "Juvenile case files are confidential in California",
                  "Extended foster care to 21 in California (since 2010)",
                  "The Indian Child Welfare Act (ICWA, 1978)",
                  "California's duty to ask about Tribal membership (2018)"]:
        assert title in sources


def test_home_and_sources_state_the_scope(site):
    home = plain(page(site, "index.md"))
    assert "It describes five documents from 2004 to 2020, not today's rules" in home
    assert "It is not current policy." in home
    assert "CDSS All County Letters and All County Information Notices, and your county's own policy manual" in home
    sources = plain(page(site, "sources.md"))
    assert "What this manual covers, and what it is not" in sources
    assert "It is not current policy or law, and not a county's procedure." in sources
    assert "Editor's notes" in sources and "the manual's own additions, not from the five documents" in sources
