"""A Python-Markdown extension that makes abbreviations reachable by keyboard.

Python-Markdown's ``abbr`` extension (fed from data/glossary.yml by the permanency
plugin) wraps every known abbreviation in ``<abbr title="…">``, and Material's
``content.tooltips`` shows the title as a tooltip on hover *or focus*. An
``<abbr>`` cannot take focus by itself, so this treeprocessor, running right after
``abbr``, gives the first use of each abbreviation on a page (outside a link) ``tabindex="0"``:
a keyboard user tabs to it once and reads the tooltip, without a tab stop on
every later use. Printouts spell the first use out (manual.css).

Config: ``same_as`` maps other spellings to the one they belong to
(``{"PCRs": "PCR"}``), so a plural does not count as a new abbreviation.
"""
from __future__ import annotations

import xml.etree.ElementTree as etree

from markdown import Markdown
from markdown.extensions import Extension
from markdown.treeprocessors import Treeprocessor


class FirstAbbrFocusable(Treeprocessor):
    def __init__(self, md: Markdown, same_as: dict[str, str]):
        super().__init__(md)
        self.same_as = same_as

    def run(self, root: etree.Element) -> None:
        # an abbreviation inside a link is not made a second tab stop within it
        in_links = {id(el) for a in root.iter("a") for el in a.iter("abbr")}
        seen: set[str] = set()
        for el in root.iter("abbr"):
            text = "".join(el.itertext())
            key = self.same_as.get(text, text)
            if el.get("title") and key not in seen and id(el) not in in_links:
                seen.add(key)
                el.set("tabindex", "0")


class AbbrFocusExtension(Extension):
    def __init__(self, **kwargs):
        self.config = {"same_as": [{}, "other spelling -> the abbreviation it belongs to"]}
        super().__init__(**kwargs)

    def extendMarkdown(self, md: Markdown) -> None:
        # abbr runs at priority 7; run just after it, before toc (5)
        md.treeprocessors.register(FirstAbbrFocusable(md, self.getConfig("same_as")), "permanency_abbr_focus", 6)


def makeExtension(**kwargs) -> AbbrFocusExtension:  # noqa: N802 - Markdown's name
    return AbbrFocusExtension(**kwargs)
