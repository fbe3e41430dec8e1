"""A Python-Markdown extension that gives every link the address it prints with.

Paper cannot follow a link, so a printout shows each link's address after its
words (the print styles read ``data-print-url``). Links between the manual's pages
are relative in the HTML (so the site works from any folder and from ``file://``);
their printed address is the full one on the manual's published site, from
``site_url`` in mkdocs.yml, never the address the page happened to be printed
from. A link to another site prints its own address; a link to a place on the
same page (a footnote, a letter index) prints nothing, since it leads nowhere
off the sheet. A page's address prints once per section (the stretch under one
``<h1>`` or ``<h2>``), at the first link to it, without the part after "#": a
section citing three sources prints the Sources page's address once, and a
reader finds each source there by the name the link gives it. (In a PDF each
link still leads to its exact place.) Per section rather than per page, so an
address still prints when the section that held its first link does not.

The treeprocessor runs right after MkDocs' own ``relpath`` step, which has
already turned ``page.md`` links into the built pages' relative URLs and which
knows the page being rendered. Outside an MkDocs build (no ``relpath``), or with
no ``site_url``, it does nothing.
"""
from __future__ import annotations

import xml.etree.ElementTree as etree
from urllib.parse import urldefrag, urljoin, urlsplit

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

ATTRIBUTE = "data-print-url"
SECTION_HEADINGS = ("h1", "h2")


def print_url(href: str, page_url: str, site_url: str) -> str | None:
    """The address a link prints with, or None when it prints none.

    ``href`` is the link as built, ``page_url`` the site-relative URL of the page
    it sits on (``tools/pcr-review.html``), ``site_url`` where the manual is
    published (``https://example.org/manual/``)."""
    if not href or href.startswith("#"):
        return None
    parts = urlsplit(href)
    if parts.scheme in ("http", "https"):
        return urldefrag(href).url
    if parts.scheme or href.startswith("//"):
        return None  # mailto:, tel:, javascript: ... say what they are already
    base = site_url if site_url.endswith("/") else site_url + "/"
    return urldefrag(urljoin(urljoin(base, page_url), href)).url


class PrintUrls(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        relpath = self.md.treeprocessors["relpath"] if "relpath" in self.md.treeprocessors else None
        page_file = getattr(relpath, "file", None)
        site_url = getattr(getattr(relpath, "config", None), "site_url", None)
        if page_file is None or not site_url:
            return
        printed: set[str] = set()
        for a in root.iter():
            if a.tag in SECTION_HEADINGS:
                printed.clear()
            if a.tag != "a":
                continue
            url = print_url(a.get("href", ""), page_file.url, site_url)
            words = " ".join("".join(a.itertext()).split())
            if url and url not in printed and words not in (url, a.get("href")):
                a.set(ATTRIBUTE, url)
            if url:
                printed.add(url)


class PrintUrlsExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # MkDocs registers relpath at priority 0; run right after it
        md.treeprocessors.register(PrintUrls(md), "permanency_print_urls", -1)


def makeExtension(**kwargs) -> PrintUrlsExtension:  # noqa: N802 - Markdown's name
    return PrintUrlsExtension(**kwargs)
