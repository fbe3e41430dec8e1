"""Every PDF `make pdf` writes is an accessible, self-describing document.

Each page marked `pdf:` is printed once per test session on Letter and A4 (the
`printouts` fixture, through permanency/printing.py like `make pdf`), and the
whole manual once per paper as the book (permanency/book.py). Each PDF must be
tagged (structure tree, marked content), in US English (/Lang en-US), titled
with the title shown by the viewer (DisplayDocTitle), bookmarked when longer
than a page, say "page N of M" on every page, print the address of every link it
holds (and lead nowhere but the published site), and embed its fonts.
"""
from __future__ import annotations

import io
import re

import pytest

from printouts import (PAPERS, link_uris, marked_pages, page_texts, problems, squash,
                       structure_roles)
from permanency.local_site import serve
from sitecheck import site_path

MARKED = marked_pages()
SITE_URL = "https://permanency-manual.github.io/manual/"


def test_the_pages_marked_pdf():
    kinds = {p.src_uri.split("/")[0] if "/" in p.src_uri else p.src_uri for p in MARKED}
    assert {"tools", "training", "quick-reference.md", "pcr"} <= kinds


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("src", [p.src_uri for p in MARKED])
def test_every_printout_is_an_accessible_self_describing_document(printouts, src, paper):
    page = next(p for p in MARKED if p.src_uri == src)
    data = printouts[(src, paper)]
    assert problems(data, f"{page.title} - Permanency Practice Manual") == []
    texts = page_texts(data)
    for n, text in enumerate(texts, start=1):
        # the running footer: the manual, the page, the version, "page N of M"
        words = " ".join(text.split())
        assert squash(f"Permanency Practice Manual · {page.title}") in squash(words), (src, paper, n)
        assert re.search(r"Version \d+\.\d+\.\d+ · page \d+ of \d+", words), (src, paper, n)


@pytest.mark.parametrize("paper", PAPERS)
@pytest.mark.parametrize("src", [p.src_uri for p in MARKED])
def test_no_printed_page_holds_only_a_line_or_two(printouts, src, paper):
    """Every sheet carries content, not just the end of the last paragraph and the footer."""
    texts = page_texts(printouts[(src, paper)])
    for n, text in enumerate(texts, start=1):
        lines = [line for line in text.splitlines() if line.strip()
                 and "Permanency Practice Manual ·" not in line and not re.search(r"page \d+ of \d+", line)]
        assert len(lines) >= 3, f"{src} on {paper}, page {n} of {len(texts)} holds only: {lines}"


def test_links_lead_to_the_published_site_and_print_their_address(printouts):
    data = printouts[("training/handouts/permanency-case-review.md", "Letter")]
    uris = [uri for _, uri in link_uris(data)]
    module = SITE_URL + "training/05-permanency-case-review.html"
    assert module in uris
    text = squash("\n".join(page_texts(data)))
    assert squash(f"<{module}>") in text
    assert all(uri.startswith(SITE_URL) or not uri.startswith("http://127.") for uri in uris)


def test_a_worksheets_second_page_can_be_matched_to_its_first(printouts):
    for paper in PAPERS:
        texts = page_texts(printouts[("tools/pcr-review.md", paper)])
        assert len(texts) == 2
        assert "Case reference" in texts[0] and "continued" not in texts[0]
        second = " ".join(texts[1].split())
        assert "PCR review worksheet, continued · Case reference: ____" in second


def test_table_headers_break_between_words_only(printouts):
    """The options checklist's column "Considered" stays one word on paper."""
    text = page_texts(printouts[("tools/options-checklist.md", "Letter")])[0]
    assert "Considered" in text.split()
    assert not re.search(r"Consider\s*\n\s*ed", text)


@pytest.mark.parametrize("url", ["outcomes/sacramento-permanency-rates.html",  # charts
                                 "training/handouts/why-permanency.html",  # lined notes
                                 "tools/tracking-form.html"])  # a worksheet, landscape
def test_the_dark_scheme_prints_the_same_black_on_white_sheet(browser, server, url):
    """Printing while the screen is dark gives the very sheet printed from light:
    the same drawing, operator for operator, on every page."""
    from permanency.printing import print_pdf
    import pikepdf

    def contents(scheme: str) -> list[bytes]:
        context = browser.new_context(color_scheme=scheme)
        page = context.new_page()
        try:
            page.goto(server + url)
            assert page.evaluate("document.body.dataset.mdColorScheme") == ("slate" if scheme == "dark" else "default")
            data = print_pdf(page, server + url, "Letter")
        finally:
            context.close()
        with pikepdf.open(io.BytesIO(data)) as pdf:
            return [b"".join(c.read_bytes() for c in ([p.Contents] if isinstance(p.Contents, pikepdf.Stream) else p.Contents))
                    for p in pdf.pages]

    light, dark = contents("light"), contents("dark")
    assert len(light) == len(dark)
    assert light == dark


def test_print_and_download_are_offered_on_every_printable_page(page, server):
    page.goto(server + "tools/pcr-review.html")
    button = page.get_by_role("button", name="Print this page")
    assert button.is_visible()
    page.goto(server + "glossary.html")
    assert page.get_by_role("button", name="Print this page").is_visible()
    page.emulate_media(media="print")
    assert not page.get_by_role("button", name="Print this page").is_visible()


def test_without_javascript_no_print_button_that_cannot_work(browser, server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(server + "tools/pcr-review.html")
        assert page.locator("[data-manual-print]").count() == 1
        assert not page.locator("[data-manual-print]").is_visible()
    finally:
        context.close()


# ------------------------------------------------------------- the book
@pytest.fixture(scope="module")
def books(browser, pdf_site):
    """The whole manual printed as the book on each paper: {paper: PDF bytes}."""
    from permanency.book import print_book

    url, httpd = serve(pdf_site, site_path())
    context = browser.new_context()
    page = context.new_page()
    try:
        return {paper: print_book(page, url + "print_page.html", paper) for paper in PAPERS}
    finally:
        context.close()
        httpd.shutdown()


@pytest.mark.parametrize("paper", PAPERS)
def test_the_whole_manual_prints_as_a_book(books, paper, manual):
    import pikepdf

    data = books[paper]
    assert problems(data, "The whole manual - Permanency Practice Manual") == []
    texts = page_texts(data)
    assert 200 <= len(texts) <= 400, len(texts)
    cover = " ".join(texts[0].split())
    for words in (manual.meta["title"], f"Version {manual.version}", "Pages last reviewed",
                  f"The current copy: {SITE_URL}", manual.meta["current_copy"]):
        assert words in cover, words
    # the contents: every chapter and page with the page it starts on, as laid out
    from pypdf import PdfReader

    contents = " ".join(" ".join(line.split()) for page in PdfReader(io.BytesIO(data)).pages[1:4]
                        for line in page.extract_text(extraction_mode="layout").splitlines() if line.strip())
    assert re.search(r"Contents Home \d+ Quick reference \d+ Permanency case reviews \d+", contents), contents[:300]
    with pikepdf.open(io.BytesIO(data)) as pdf, pdf.open_outline() as outline:
        top = {item.title: item for item in outline.root}
        # chapter > page > heading
        reviews = top["Permanency case reviews"]
        assert [c.title for c in reviews.children][:3] == ["Permanency case reviews", "Who takes part", "Running a review"]
        assert [c.title for c in reviews.children[1].children][:2] == ["Facilitating program manager", "Supervisor"]
        assert "Practice behaviors" in top and "Training" in top and "Glossary" in top
        # a contents entry's number is the page its bookmark opens
        page_of = {p.objgen: n for n, p in enumerate((pg.obj for pg in pdf.pages), start=1)}
        timeline = top["Timeline"]
        starts = page_of[timeline.destination[0].objgen]
    assert re.search(rf"Timeline {starts}\b", contents)
    # charts keep their text alternative in the tags
    figures = [alt for role, alt in structure_roles(data) if role == "/Figure"]
    assert any(alt and "Bar chart with" in alt for alt in figures), figures[:5]


@pytest.mark.parametrize("paper", PAPERS)
def test_each_sheet_of_the_book_says_which_chapter_and_page_it_is_in(books, paper, manual):
    # Chromium has no string-set/string(); each page of the book is a named page
    # with its own footer (overrides/partials/print-book-running.html).
    from permanency.book import destinations

    data = books[paper]
    texts = [" ".join(t.split()) for t in page_texts(data)]
    starts = destinations(data)
    total = len(texts)

    def footer_of(key: str, chapter_and_page: str, address: str) -> None:
        first = starts[key]
        nxt = min((n for n in starts.values() if n > first), default=total + 1)
        for n in range(first, nxt):  # every sheet of that page, not only its first
            text = squash(texts[n - 1])
            assert squash(f"Permanency Practice Manual · {chapter_and_page}") in text, (key, n, texts[n - 1][-300:])
            assert squash(f"Current copy: {SITE_URL}{address}") in text, (key, n)
            assert squash(f"Version {manual.version} · page {n} of {total}") in text, (key, n)
            assert "The whole manual" not in texts[n - 1], (key, n)

    footer_of("pcr-roles", "Permanency case reviews › Who takes part", "pcr/roles.html")
    footer_of("timeline", "Timeline", "timeline.html")
    # a worksheet keeps its own sheet (the tracking form is landscape) and says so too
    footer_of("tools-tracking-form", "Worksheets › PCR program data tracking form", "tools/tracking-form.html")
    from pypdf import PdfReader

    box = PdfReader(io.BytesIO(data)).pages[starts["tools-tracking-form"] - 1].mediabox
    assert box.width > box.height
    # the cover and the contents are the whole manual's
    assert "Permanency Practice Manual · The whole manual" in texts[0]
