"""Printing pages of the built manual in Debian's Chromium through Playwright:
the browser's path and flags, and one page to PDF the way a reader's Print does.
`make pdf` (scripts/pdf.py) and the browser tests both use these, so what the
tests count is what the published PDFs hold; and the name each page's PDFs get."""
from __future__ import annotations

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
    "--disable-quic",
]


def pdf_slug(src_uri: str) -> str:
    """The file name stem of a page's PDFs: 'tools/pcr-review.md' -> 'tools-pcr-review'
    (the same rule overrides/partials/pdf-links.html uses)."""
    stem = src_uri[:-3] if src_uri.endswith(".md") else src_uri
    return stem.replace("/", "-")


def print_pdf(page, url: str, paper: str, landscape: bool = False) -> bytes:
    """``url`` as a PDF on ``paper`` ("Letter" or "A4"), with the site's print
    styles and every collapsed block open."""
    page.goto(url, wait_until="load")
    page.evaluate("() => document.querySelectorAll('details').forEach(d => { d.open = true; })")
    page.evaluate("() => document.fonts.ready")
    return page.pdf(format=paper, landscape=landscape, print_background=True)
