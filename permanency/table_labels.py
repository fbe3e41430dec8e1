"""A Python-Markdown extension that names every table cell by its column.

Each ``<td>`` of a Markdown table gets ``data-label`` with the text of its
column's heading, and a table of three or more columns gets ``data-stack``. On a
phone (manual.css) a ``data-stack`` table shows one card per row, each cell
under its column's name, so no table is wider than the screen and no word has
to break inside itself to fit. Two-column tables fit as they are.
"""
from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor

STACK_FROM = 3  # columns


def heading_text(th: etree.Element) -> str:
    return " ".join("".join(th.itertext()).split())


class TableLabels(Treeprocessor):
    def run(self, root: etree.Element) -> None:
        for table in root.iter("table"):
            head = table.find("thead/tr")
            if head is None:
                continue
            labels = [heading_text(th) for th in head.findall("th")]
            if len(labels) >= STACK_FROM:
                table.set("data-stack", "")
            for row in table.iterfind("tbody/tr"):
                for label, cell in zip(labels, row):
                    if cell.tag == "td" and label:
                        cell.set("data-label", label)


class TableLabelsExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        # after the block parser has built the tables, before toc (5)
        md.treeprocessors.register(TableLabels(md), "permanency_table_labels", 4)


def makeExtension(**kwargs) -> TableLabelsExtension:  # noqa: N802 - Markdown's name
    return TableLabelsExtension(**kwargs)
