"""The built site dates its content: every page made from a program, outcome set
or practice behavior says near its top what period it describes, beside its review
date; superseded terms carry their editor's notes; the home and Sources pages state
the manual's scope."""
from __future__ import annotations

import re

import pytest

from permanency.loader import KIND_BY_NAME

DATED_KINDS = ["program", "outcome", "behavior"]


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


def test_home_and_sources_state_the_scope(site):
    home = plain(page(site, "index.md"))
    assert "It describes five documents from 2004 to 2020, not today's rules" in home
    assert "It is not current policy." in home
    assert "CDSS All County Letters and All County Information Notices, and your county's own policy manual" in home
    sources = plain(page(site, "sources.md"))
    assert "What this manual covers, and what it is not" in sources
    assert "It is not current policy or law, and not a county's procedure." in sources
    assert "Editor's notes" in sources and "the manual's own additions, not from the five documents" in sources
