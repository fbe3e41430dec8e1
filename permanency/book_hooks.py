"""MkDocs hooks (mkdocs.yml ``hooks:``) for the whole-manual book.

`make pdf` renders with ``--pdfs`` (or ``MANUAL_PDFS=1 mkdocs build``), which turns on
mkdocs-print-site-plugin: it joins every page into ``print_page.html``, the
book that scripts/pdf.py prints. Pages generated from data carry no ``# Title``
line of their own (Material puts the page title in the ``<h1>``), and the plugin
does the same for them in the book, with a warning for each; under ``--strict``
that warning would stop the build, so this hook drops exactly that message.
Every other warning, the plugin's included, still stops a strict build. The
book's running footers get the plugin's own page ids (``on_nav``).
"""
from __future__ import annotations

import logging

TITLE_ADDED = "is missing a leading h1 tag. Added to the print-page with title"


class _TitleAddedLikeMaterial(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        return TITLE_ADDED not in record.getMessage()


def on_startup(command, dirty):
    log = logging.getLogger("mkdocs.plugins")
    if not any(isinstance(f, _TitleAddedLikeMaterial) for f in log.filters):
        log.addFilter(_TitleAddedLikeMaterial())


def on_page_markdown(markdown, page, config, files):
    """The cover says when the pages were last reviewed: the oldest and the
    newest ``last_reviewed`` of all the pages, kept sorted in
    ``config.extra.manual["reviewed"]``."""
    manual = config.extra.get("manual")
    reviewed = page.meta.get("last_reviewed")
    if manual is not None and reviewed:
        manual["reviewed"] = sorted({*manual.get("reviewed", []), str(reviewed)})
    return markdown


def on_nav(nav, config, files):
    """Each page's id in the book, as mkdocs-print-site-plugin makes it
    (``config.extra.manual["book_keys"]``: page URL -> id), for the book's
    running footers (overrides/partials/print-book-running.html). The plugin
    renders the book in a Jinja environment of its own, so this goes as data."""
    from mkdocs_print_site_plugin.urls import get_page_key

    manual = config.extra.get("manual")
    if manual is not None:
        manual["book_keys"] = {page.url: get_page_key(page.url) for page in nav.pages}
    return nav
