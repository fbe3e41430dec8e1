"""The whole manual as one book: mkdocs-print-site-plugin's print_page.html
(built by `make pdf`) printed once per paper size, tagged like every printout.

Chromium prints the page as it is: the cover, the contents, then every chapter
and page. Two things it cannot do alone are done here:

- **Page numbers in the contents.** CSS cannot ask a browser for the page an
  element lands on (``target-counter()`` is not in Chromium), so the book is
  printed, the page each contents entry leads to is read from the PDF's named
  destinations, the numbers are written into the entries (``data-page``,
  shown by print.css), and the book is printed again. The contents take the
  same lines either way, so the numbers stay right; :func:`print_book` checks.
- **Nested bookmarks.** Chromium makes a bookmark of every ``<h1>`` at the top
  level, the chapter's and its pages' alike. Each page's bookmark (with its
  headings under it) is moved under its chapter's: chapter > page > heading.
"""
from __future__ import annotations

import io

from permanency.printing import finish, prepare, print_to_pdf

# Every h1 of the book in document order, with how many chapters it sits in
# and whether it is a chapter's own title.
_HEADINGS = """() => Array.from(document.querySelectorAll('#print-site-page h1'))
  .filter(h => h.getClientRects().length)
  .map(h => {
    let depth = 0;
    for (let s = h.parentElement.closest('section.md-section'); s; s = s.parentElement.closest('section.md-section')) depth += 1;
    const chapter = h.parentElement.matches('section.md-section');
    return {title: h.textContent.replace(/\\u00b6/g, '').trim(), depth: chapter ? depth - 1 : depth, chapter};
  })"""

# Contents entries that lead to nothing printed (a chapter whose pages all stay
# out of the book) are dropped; a link to a page left out of the book (a
# handout) leads to that page on the published site, the address it prints.
_DROP_EMPTY = """() => {
  for (const a of document.querySelectorAll('#print-page-toc a[href^="#"]')) {
    const target = document.getElementById(a.getAttribute('href').slice(1));
    if (target && !target.getClientRects().length) a.closest('li').remove();
  }
  for (const a of document.querySelectorAll('#print-site-page a[href^="#"][data-print-url]')) {
    if (!document.getElementById(a.getAttribute('href').slice(1))) a.setAttribute('href', a.dataset.printUrl);
  }
}"""

_NUMBER = """(pages) => {
  for (const a of document.querySelectorAll('#print-page-toc a[href^="#"]')) {
    const n = pages[a.getAttribute('href').slice(1)];
    if (n) a.dataset.page = n; else delete a.dataset.page;
  }
}"""

_ENTRIES = """() => Array.from(document.querySelectorAll('#print-page-toc a[href^="#"]'),
  a => [a.getAttribute('href').slice(1), a.dataset.page || null])"""


def destinations(data: bytes) -> dict[str, int]:
    """Named destination -> the page (1-based) it is on."""
    import pikepdf

    with pikepdf.open(io.BytesIO(data)) as pdf:
        index = {page.obj.objgen: n for n, page in enumerate(pdf.pages, start=1)}
        dests = pdf.Root.get("/Dests")
        found = {}
        if dests is not None:
            for name, dest in dests.items():
                found[str(name).lstrip("/")] = index.get(dest[0].objgen)
        if "/Names" in pdf.Root and "/Dests" in pdf.Root.Names:
            tree = pikepdf.NameTree(pdf.Root.Names.Dests)
            for name, dest in tree.items():
                target = dest.get("/D") if isinstance(dest, pikepdf.Dictionary) else dest
                found[str(name)] = index.get(target[0].objgen)
    return {k: v for k, v in found.items() if v}


def nest_bookmarks(data: bytes, headings: list[dict]) -> bytes:
    """Each page's top-level bookmark moved under its chapter's. ``headings`` are
    the book's h1s in order (``_HEADINGS``), one per top-level bookmark; if they
    do not line up, the bookmarks are left as Chromium made them."""
    import pikepdf

    with pikepdf.open(io.BytesIO(data)) as pdf:
        with pdf.open_outline() as outline:
            top = list(outline.root)
            if len(top) != len(headings) or any(
                    "".join(item.title.split()) != "".join(h["title"].split()) for item, h in zip(top, headings)):
                return data
            nested: list = []
            chapters: list = []  # the open chapter at each depth
            for item, h in zip(top, headings):
                depth = h["depth"]
                del chapters[depth:]
                (chapters[-1].children if chapters else nested).append(item)
                if h["chapter"]:
                    chapters.append(item)
            outline.root[:] = nested
        out = io.BytesIO()
        pdf.save(out)
    return out.getvalue()


def print_book(page, url: str, paper: str) -> bytes:
    """The book at ``url`` (print_page.html) on ``paper``, with page numbers in
    its contents and nested bookmarks."""
    where = prepare(page, url, book=True)
    page.evaluate(_DROP_EMPTY)
    first = print_to_pdf(page, paper)
    pages = destinations(first)
    page.evaluate(_NUMBER, {k: str(v) for k, v in pages.items()})
    data = print_to_pdf(page, paper)
    again = destinations(data)
    wrong = [(k, n) for k, n in page.evaluate(_ENTRIES) if n and again.get(k) != int(n)]
    if wrong:  # the numbers moved a page break: number once more
        page.evaluate(_NUMBER, {k: str(v) for k, v in again.items()})
        data = print_to_pdf(page, paper)
    page.emulate_media(media="print")  # the headings as printed (the cover's, the contents')
    headings = page.evaluate(_HEADINGS)
    page.emulate_media(media=None)
    data = nest_bookmarks(data, headings)
    return finish(data, page.title(), where["served"], where["site"])
