"""The worksheets in the built site: the Worksheets section sits after the
permanency case reviews in the navigation, lists every worksheet, and a page
links its PDFs only in a build made for `make pdf` (the render step with --pdfs, or MANUAL_PDFS=1)."""
from __future__ import annotations

import re

import sitecheck
from sitecheck import text


def test_worksheets_section_lists_every_worksheet(site, manual):
    index = text(site / "tools" / "index.html")
    for w in manual.worksheets.values():
        assert (site / "tools" / f"{w['id']}.html").exists()
        assert w["title"] in index
        assert " ".join(w["summary"].split()) in index
    assert "Nothing you type into a worksheet is saved or sent anywhere" in index


def test_worksheets_follow_the_case_reviews_in_the_navigation(site):
    html = (site / "index.html").read_text(encoding="utf-8")
    labels = [" ".join(m.split()) for m in re.findall(r'class="md-ellipsis">([^<]*)<', html)]
    top = [label for label in labels if label in ("Permanency case reviews", "Worksheets", "Permanency options")]
    assert top[:3] == ["Permanency case reviews", "Worksheets", "Permanency options"]


def test_without_pdfs_no_page_links_one(site):
    for rel in sitecheck.built_pages(site):
        html = (site / rel).read_text(encoding="utf-8")
        assert "manual-print-actions__pdfs" not in html, rel
        # the print action is on every page (print.js shows it)
        assert rel == "404.html" or "data-manual-print hidden" in html, rel
    assert not (site / "print_page.html").exists()


def test_a_pdf_build_links_each_marked_page_and_the_whole_manual(pdf_site):
    out = pdf_site
    review = (out / "tools" / "pcr-review.html").read_text(encoding="utf-8")
    assert '<a href="../pdf/tools-pcr-review-letter.pdf" type="application/pdf">US Letter</a>' in review
    assert '<a href="../pdf/tools-pcr-review-a4.pdf" type="application/pdf">A4</a>' in review
    home = (out / "index.html").read_text(encoding="utf-8")
    assert '<a href="./pdf/manual-letter.pdf" type="application/pdf">US Letter</a>' in home
    assert "manual-print-actions__pdfs" not in (out / "glossary.html").read_text(encoding="utf-8")  # not marked pdf:
    # the whole manual as one page, for the book
    assert (out / "print_page.html").exists()
    # the links point where scripts/pdf.py writes; nothing else in the site breaks
    broken = sitecheck.broken_links(out, sitecheck.site_path())
    pdf_links = [link for link in broken if link.split(": ")[1].split(" ")[0].endswith(".pdf")]
    assert pdf_links
    # but in the book's page: the pages' heading permalinks (never printed), whose
    # ids mkdocs-print-site-plugin leaves as they were when a page has tags, and
    # links to the pages left out of the book (permanency/book.py points those at
    # the published site before printing)
    book = (out / "print_page.html").read_text(encoding="utf-8")
    permalinks = set(re.findall(r'<a class="headerlink" href="(#[^"]+)"', book))
    left_out = ("#training-handouts-", "#training-facilitator-", "#tags")
    others = [link for link in broken if link not in pdf_links and not (
        link.startswith("print_page.html: ")
        and (link.split(": ")[1].split(" ")[0] in permalinks or link.split(": ")[1].startswith(left_out)))]
    assert others == []
