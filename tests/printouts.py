"""The PDFs `make pdf` writes, made in a test session the way it makes them
(permanency/printing.py, permanency/book.py), and what a reader and an
accessibility checker need from each, read back with pikepdf, pypdf and pypdfium2."""
from __future__ import annotations

import atexit
import io
import re
import shutil
import sys
import tempfile
from functools import lru_cache
from pathlib import Path
from urllib.parse import urldefrag

from helpers import ROOT

PAPERS = ("Letter", "A4")
LANG = "en-US"

sys.path.insert(0, str(ROOT / "scripts"))
import pdf as pdfscript  # noqa: E402  scripts/pdf.py


@lru_cache(maxsize=1)
def pdf_pages() -> tuple:
    """Every page in navigation order, as `make pdf` finds them: from the manual
    rendered for PDFs (the render step, --pdfs) into a folder removed at exit."""
    from permanency.render_manual import render_manual

    out = Path(tempfile.mkdtemp(prefix="manual-rendered-pdf-"))
    atexit.register(shutil.rmtree, out, True)
    render_manual(ROOT / "mkdocs.yml", out / "rendered", pdfs=True)
    return tuple(pdfscript.site_pages(out / "rendered"))


def marked_pages() -> tuple:
    """Every page whose front matter has `pdf:`, in navigation order."""
    return tuple(p for p in pdf_pages() if p.pdf)


def print_marked(browser, server: str) -> dict:
    """Every marked page on every paper: {(src_uri, paper): PDF bytes}."""
    from permanency.printing import print_pdf

    context = browser.new_context()
    page = context.new_page()
    try:
        return {(p.src_uri, paper): print_pdf(page, server + p.url, paper, p.landscape)
                for p in marked_pages() for paper in PAPERS}
    finally:
        context.close()


def squash(text: str) -> str:
    """Text without whitespace: a PDF breaks lines (and long addresses) where the sheet does."""
    return re.sub(r"\s+", "", text)


@lru_cache(maxsize=8)
def _texts(data: bytes) -> tuple[str, ...]:
    import pypdfium2

    pdf = pypdfium2.PdfDocument(data)
    try:
        texts = []
        for page in pdf:
            textpage = page.get_textpage()
            # PDFium marks a hyphen that ends a line as \x02; in the manual's
            # text (addresses broken at "permanency-manual") it is a hyphen
            texts.append(textpage.get_text_bounded().replace("\x02", "-"))
            textpage.close()
            page.close()
        return tuple(texts)
    finally:
        pdf.close()


def page_texts(data: bytes) -> list[str]:
    """Each page's text in the order it was drawn (PDFium, the PDF reader in
    Chromium: a book's 320 pages in a second, where pypdf takes ten), read once per PDF."""
    return list(_texts(data))


def link_uris(data: bytes) -> list[tuple[int, str]]:
    """Every link annotation's address, with its page (1-based)."""
    import pikepdf

    found = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for n, page in enumerate(pdf.pages, start=1):
            for annot in page.get("/Annots") or []:
                action = annot.get("/A")
                if action is not None and "/URI" in action:
                    found.append((n, str(action.URI)))
    return found


def _fonts(resources, seen: set) -> list:
    """Every font a page's resources use, form XObjects included."""
    fonts = []
    if resources is None or resources.objgen in seen and resources.objgen != (0, 0):
        return fonts
    seen.add(resources.objgen)
    for font in (resources.get("/Font") or {}).values():
        fonts.append(font)
    for xobject in (resources.get("/XObject") or {}).values():
        if xobject.get("/Subtype") == "/Form":
            fonts += _fonts(xobject.get("/Resources"), seen)
    return fonts


def unembedded_fonts(data: bytes) -> list[str]:
    import pikepdf

    missing = set()
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for page in pdf.pages:
            for font in _fonts(page.obj.get("/Resources"), set()):
                if font.get("/Subtype") == "/Type3":
                    continue  # glyphs drawn by the PDF itself
                described = font.DescendantFonts[0] if "/DescendantFonts" in font else font
                descriptor = described.get("/FontDescriptor")
                if descriptor is None or not any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                    missing.add(str(font.get("/BaseFont")))
    return sorted(missing)


def structure_roles(data: bytes) -> list[tuple[str, str | None]]:
    """Every element of the structure tree as (role, its /Alt if any)."""
    import pikepdf

    found = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        stack = [pdf.Root.StructTreeRoot.get("/K")]
        while stack:
            node = stack.pop()
            if isinstance(node, pikepdf.Array):
                stack.extend(reversed(list(node)))
            elif isinstance(node, pikepdf.Dictionary) and "/S" in node:
                found.append((str(node.S), str(node.Alt) if "/Alt" in node else None))
                if "/K" in node:
                    stack.append(node.K)
    return found


def unmarked_content(data: bytes) -> list[tuple[int, int]]:
    """Pages (1-based) with text or drawings outside any marked-content sequence,
    neither tagged nor an artifact, and how many such operators each has."""
    import pikepdf

    found = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        for n, page in enumerate(pdf.pages, start=1):
            depth, count = 0, 0
            for _, operator in pikepdf.parse_content_stream(page, "BDC BMC EMC Tj TJ ' \" Do"):
                name = str(operator)
                if name in ("BDC", "BMC"):
                    depth += 1
                elif name == "EMC":
                    depth -= 1
                elif depth == 0:
                    count += 1
            if count:
                found.append((n, count))
    return found


def problems(data: bytes, title: str) -> list[str]:
    """What stops a PDF from being an accessible, self-describing printout, in words.

    ``title`` is the title the PDF must carry (the page's <title>)."""
    import pikepdf

    found = []
    with pikepdf.open(io.BytesIO(data)) as pdf:
        root = pdf.Root
        pages = len(pdf.pages)
        if "/StructTreeRoot" not in root:
            found.append("not tagged: no structure tree (/StructTreeRoot)")
        mark = root.get("/MarkInfo")
        if mark is None or not bool(mark.get("/Marked", False)):
            found.append("not tagged: /MarkInfo /Marked is not true")
        if str(root.get("/Lang", "")) != LANG:
            found.append(f"/Lang is {root.get('/Lang')!r}, not {LANG}")
        if str(pdf.docinfo.get("/Title", "")) != title:
            found.append(f"title is {pdf.docinfo.get('/Title')!r}, not {title!r}")
        prefs = root.get("/ViewerPreferences")
        if prefs is None or not bool(prefs.get("/DisplayDocTitle", False)):
            found.append("the viewer is not told to show the title (DisplayDocTitle)")
        meta = pdf.open_metadata()
        if meta.get("dc:title") != title:
            found.append(f"XMP dc:title is {meta.get('dc:title')!r}")
        if pages > 1 and ("/Outlines" not in root or "/First" not in root.Outlines):
            found.append(f"{pages} pages and no bookmarks")
        for n, page in enumerate(pdf.pages, start=1):
            for annot in page.get("/Annots") or []:
                if annot.get("/Subtype") == "/Link" and not str(annot.get("/Contents", "")).strip():
                    found.append(f"page {n}: a link with no description (/Contents)")
    texts = page_texts(data)
    for n, text in enumerate(texts, start=1):
        if f"page {n} of {pages}" not in " ".join(text.split()):
            found.append(f"page {n} does not say 'page {n} of {pages}'")
    whole = squash("\n".join(texts))
    for n, uri in link_uris(data):
        if uri.startswith(("http://127.0.0.1", "http://localhost")):
            found.append(f"page {n}: a link leads to the print server: {uri}")
        elif squash(urldefrag(uri).url) not in whole:
            found.append(f"page {n}: a link's address is not printed: {uri}")
    for n, count in unmarked_content(data):
        found.append(f"page {n}: {count} text or drawing operators neither tagged nor marked as artifacts")
    bare = [role for role, alt in structure_roles(data) if role == "/Figure" and not alt]
    if bare:
        found.append(f"{len(bare)} figures without a text alternative (/Alt)")
    missing = unembedded_fonts(data)
    if missing:
        found.append(f"fonts not embedded: {missing}")
    return found
