"""What the built pages carry for print: every page's running-footer words and
its published address, link addresses (once per section), and the Print button;
the whole manual as print_page.html only in `make pdf`'s build."""
from __future__ import annotations

import re

import sitecheck

SITE_URL = "https://permanency-manual.github.io/manual/"


def test_every_page_names_itself_for_the_running_footer(site, manual):
    for rel in sitecheck.built_pages(site):
        html = (site / rel).read_text(encoding="utf-8")
        assert f'<meta name="manual-site-url" content="{SITE_URL}">' in html, rel
        assert f'--manual-print-manual: "{manual.meta["title"]}";' in html, rel
        assert f'--manual-print-version: "{manual.version}";' in html, rel
        assert re.search(r'--manual-print-title: "[^"<]+";', html), rel


def test_links_carry_their_published_address_once_per_section(site):
    html = (site / "training" / "handouts" / "permanency-case-review.html").read_text(encoding="utf-8")
    assert f'data-print-url="{SITE_URL}training/05-permanency-case-review.html"' in html
    body = html[html.index('<article'):html.index('</article>')]
    for section in re.split(r"<h[12][ >]", body):
        urls = re.findall(r'data-print-url="([^"]+)"', section)
        assert len(urls) == len(set(urls)), urls
    # the sources the key points cite: one address for the Sources page
    assert f'data-print-url="{SITE_URL}sources.html"' in body
    assert 'data-print-url="mailto:' not in body and 'data-print-url="#' not in body


def test_the_whole_manual_page_is_only_in_the_pdf_build(site, pdf_site):
    assert not (site / "print_page.html").exists()
    book = (pdf_site / "print_page.html").read_text(encoding="utf-8")
    assert 'id="print-site-cover-page"' in book and 'id="print-page-toc"' in book
    # the handouts and facilitator guides stay out of the book; the modules are in
    assert 'id="training-handouts-why-permanency"' not in book
    assert 'id="training-01-why-permanency"' in book
