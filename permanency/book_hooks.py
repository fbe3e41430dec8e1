"""MkDocs hooks (mkdocs.yml ``hooks:``) for the whole-manual book.

`make pdf` renders with ``--pdfs`` (or ``MANUAL_PDFS=1 mkdocs build``), which turns on
mkdocs-print-site-plugin: it joins every page into ``print_page.html``, the
book that scripts/pdf.py prints. Pages generated from data carry no ``# Title``
line of their own (Material puts the page title in the ``<h1>``), and the plugin
does the same for them in the book, with a warning for each; under ``--strict``
that warning would stop the build, so this hook drops exactly that message.
Every other warning, the plugin's included, still stops a strict build.
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
