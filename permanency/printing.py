"""Printing pages of the built manual in Debian's Chromium through Playwright:
the browser's path and flags, and one page to PDF the way a reader's Print does.
`make pdf` (scripts/pdf.py) and the browser tests both use these, so what the
tests count is what the published PDFs hold; and the name each page's PDFs get.

Chromium writes a tagged PDF (structure tree, marked content, /Lang from the
page's ``lang``, the page title shown by the viewer) with bookmarks from the
headings. :func:`finish` then sets what it leaves to us: the language as the
manual's US English (``en-US``, where the page says only ``en``), the title in
the XMP metadata too, the running header and footer marked as artifacts, every
link given a description, and every link that would lead to the server the page
was printed from pointed at the manual's published site (``site_url``) instead.
Before printing, a chart's description joins its name, since a PDF figure has
only the one text alternative (/Alt).
"""
from __future__ import annotations

import io

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
LANG = "en-US"  # the manual is written in US English

# Before printing: every collapsed block open; the page's own address on the
# server it is printed from, and the manual's published address (from the
# page's <meta name="manual-site-url">, which overrides/main.html writes).
_PREPARE = """(swapLinks) => {
  document.querySelectorAll('details').forEach(d => { d.open = true; });
  const base = JSON.parse(document.getElementById('__config').textContent).base;
  const served = new URL(base.replace(/\\/?$/, '/'), location.href).href;
  const meta = document.querySelector('meta[name="manual-site-url"]');
  const site = meta ? meta.content : '';
  if (swapLinks && site) {
    // a link to the manual leads to the same place on the published site
    for (const a of document.querySelectorAll('a[href]')) {
      const raw = a.getAttribute('href');
      if (raw.startsWith('#')) continue;
      const url = new URL(raw, location.href).href;
      if (url.startsWith(served)) a.setAttribute('href', site + url.slice(served.length));
    }
  }
  // a PDF figure has one text alternative (/Alt): a chart's gets its name and
  // its description, so every bar it reads out stays in the tags
  const text = ids => (ids || '').split(/\\s+/).map(id => {
    const el = id && document.getElementById(id);
    return el ? el.textContent.trim() : '';
  }).filter(Boolean).join(' ');
  for (const svg of document.querySelectorAll('svg[role="img"][aria-describedby]')) {
    const name = text(svg.getAttribute('aria-labelledby')) || svg.getAttribute('aria-label') || '';
    svg.setAttribute('aria-label', (name ? name + '. ' : '') + text(svg.getAttribute('aria-describedby')));
    svg.removeAttribute('aria-labelledby');
    // and the <figure> around it is a group (its caption a caption), not a
    // second figure with no text alternative of its own
    const figure = svg.closest('figure');
    if (figure) figure.setAttribute('role', 'group');
  }
  return {served, site, lang: document.documentElement.lang};
}"""


def prepare(page, url: str, *, book: bool = False) -> dict:
    """Open ``url`` ready to print: collapsed blocks open, fonts loaded, links
    leading to the published site (in the book, links between its own pages stay
    jumps inside the PDF). Returns where the page was served from and where the
    manual is published, for :func:`finish`."""
    page.goto(url, wait_until="load")
    where = page.evaluate(_PREPARE, not book)
    page.evaluate("() => document.fonts.ready")
    return where


def print_to_pdf(page, paper: str, landscape: bool = False) -> bytes:
    """The open page as Chromium prints it: tagged, with bookmarks from its headings."""
    return page.pdf(format=paper, landscape=landscape, print_background=True, tagged=True, outline=True)


def pdf_slug(src_uri: str) -> str:
    """The file name stem of a page's PDFs: 'tools/pcr-review.md' -> 'tools-pcr-review'
    (the render step puts it in the page's front matter as pdf_links.page)."""
    stem = src_uri[:-3] if src_uri.endswith(".md") else src_uri
    return stem.replace("/", "-")


def print_pdf(page, url: str, paper: str, landscape: bool = False) -> bytes:
    """``url`` as a tagged PDF on ``paper`` ("Letter" or "A4"), with the site's
    print styles and every collapsed block open, its links leading to the
    manual's published site."""
    where = prepare(page, url)
    return finish(print_to_pdf(page, paper, landscape), page.title(), where["served"], where["site"])


def mark_artifacts(pdf, pdf_page) -> None:
    """Text Chromium draws outside any marked content (the running header and
    footer from the @page margin boxes), and drawings it leaves out of the tags
    (icons drawn by CSS), marked as artifacts, as a tagged PDF wants: a screen
    reader skips them rather than reading them into the page.

    Chromium's PDF library (Skia) writes one operator a line, with text as hex
    strings, so the page is read line by line: a text object (BT ... ET) that
    shows text, or a drawn form (``Do``), that sits in no marked-content
    sequence is wrapped in ``/Artifact <</Type /Pagination>> BDC ... EMC``
    (``/Layout`` for a drawing). (pikepdf's own parser is
    exact but far slower on a 250-page book; tests/printouts.py checks the
    result with it.)"""
    import pikepdf

    streams = pdf_page.obj.Contents
    data = b"\n".join(c.read_bytes() for c in streams) if isinstance(streams, pikepdf.Array) \
        else streams.read_bytes()
    lines = data.split(b"\n")
    depth, start, marked, shows, blocks = 0, None, False, False, []
    for i, line in enumerate(lines):
        line = line.rstrip()
        if line == b"BT":
            if depth == 0:
                start, marked, shows = i, False, False
        elif line.endswith((b" Tj", b" TJ", b">Tj", b"]TJ", b"Tj", b"TJ")):
            shows = True
        elif line.endswith((b"BDC", b"BMC")):
            depth += 1
            marked = True
        elif line == b"EMC":
            depth -= 1
        elif line == b"ET" and start is not None:
            if depth == 0 and shows and not marked:
                blocks.append((start, i, b"Pagination"))
            start = None
        elif line.endswith(b" Do") and depth == 0 and start is None:
            blocks.append((i, i, b"Layout"))  # a drawing (an icon) that is no part of the page's tags
    if not blocks:
        return
    out, last = [], 0
    for bt, et, kind in blocks:
        out += lines[last:bt]
        out.append(b"/Artifact <</Type /" + kind + b">> BDC")
        out += lines[bt:et + 1]
        out.append(b"EMC")
        last = et + 1
    out += lines[last:]
    pdf_page.Contents = pdf.make_stream(b"\n".join(out))


def finish(data: bytes, title: str, served: str, site: str) -> bytes:
    """Chromium's PDF with the language, the title (document information and
    XMP, shown by the viewer) and links to the published site set."""
    import pikepdf

    with pikepdf.open(io.BytesIO(data)) as pdf:
        pdf.Root.Lang = pikepdf.String(LANG)
        prefs = pdf.Root.get("/ViewerPreferences") or pikepdf.Dictionary()
        prefs.DisplayDocTitle = True
        pdf.Root.ViewerPreferences = prefs
        pdf.docinfo.Title = pikepdf.String(title)
        with pdf.open_metadata(set_pikepdf_as_editor=False) as meta:
            meta["dc:title"] = title
            meta["dc:language"] = [LANG]
        page_numbers = {page.obj.objgen: n for n, page in enumerate(pdf.pages, start=1)}
        for pdf_page in pdf.pages:
            mark_artifacts(pdf, pdf_page)
            for annot in pdf_page.get("/Annots") or []:
                if annot.get("/Subtype") != "/Link":
                    continue
                action = annot.get("/A")
                uri = str(action.get("/URI", "")) if action is not None else ""
                if site and uri.startswith(served):
                    uri = site + uri[len(served):]
                    action.URI = pikepdf.String(uri)
                if "/Contents" not in annot:  # what a screen reader says of the link
                    dest = annot.get("/Dest")
                    if isinstance(dest, (pikepdf.Name, pikepdf.String)) and "/Dests" in pdf.Root:
                        dest = pdf.Root.Dests.get(str(dest) if isinstance(dest, pikepdf.Name) else "/" + str(dest))
                    if isinstance(dest, pikepdf.Array) and len(dest) and dest[0].objgen in page_numbers:
                        annot.Contents = pikepdf.String(f"Go to page {page_numbers[dest[0].objgen]}")
                    elif uri:
                        annot.Contents = pikepdf.String(f"Link to {uri}")
        out = io.BytesIO()
        pdf.save(out)
    return out.getvalue()
