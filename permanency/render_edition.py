"""Where an edition's additions land on the core's pages: its "In <county>"
notes on the page (and under the heading) of the record each is about, its
contacts on the contacts page, and the core pages it hides, with their
reasons, on the change log. Pure functions; the blocks are Jinja templates in
``templates/edition/``, escaped like every other component."""
from __future__ import annotations

import posixpath
import re

from . import render
from .edition import Edition, notes_by_target
from .model import Manual

CONTACTS_PAGE = "quick-reference.md"
CHANGELOG_PAGE = "changelog.md"
_HEADING = re.compile(r"^(#{1,6})\s")


def _block(template: str, params: dict) -> str:
    return render.ENV.get_template(f"edition/{template}.md.j2").render(params=params)


def local_additions(manual: Manual, edition: Edition,
                    titles: dict[str, str]) -> dict[str, list[tuple[str | None, str]]]:
    """docs-relative page -> [(anchor or None, Markdown block)] to insert there;
    ``titles`` names the hidden pages as readers knew them."""
    county = edition.data["county"]
    out: dict[str, list[tuple[str | None, str]]] = {}
    for (kind, record_id), notes in notes_by_target(edition).items():
        page, _, anchor = manual.page_of(kind, record_id).partition("#")
        block = _block("local-notes", {"manual": manual, "page": page, "county": county, "notes": notes,
                                       "about": record_id})
        out.setdefault(page, []).append((anchor or None, block))
    contacts = edition.data.get("contacts")
    if contacts:
        page = edition.data.get("contacts_page", CONTACTS_PAGE)
        out.setdefault(page, []).append((None, _block("contacts", {"manual": manual, "page": page,
                                                                   "county": county, "contacts": contacts})))
    hidden = edition.data.get("hidden")
    if hidden:
        out.setdefault(CHANGELOG_PAGE, []).append((None, _block("hidden-pages", {
            "manual": manual, "page": CHANGELOG_PAGE, "title": manual.meta["title"], "hidden": hidden,
            "titles": titles})))
    return out


def insert_block(body: str, anchor: str | None, block: str) -> str:
    """``body`` with ``block`` at the end of the section headed ``{ #anchor }``,
    or, with no anchor, before the page's "Sources" section (else at its end)."""
    lines = body.split("\n")
    if anchor is None:
        at = next((i for i, line in enumerate(lines) if line.startswith("## Sources { #sources }")), len(lines))
    else:
        marks = ("{ #" + anchor + " }", "{#" + anchor + "}")
        start = next((i for i, line in enumerate(lines)
                      if _HEADING.match(line) and line.rstrip().endswith(marks)), None)
        if start is None:
            return body.rstrip("\n") + "\n\n" + block
        level = len(_HEADING.match(lines[start]).group(1))
        at = next((i for i in range(start + 1, len(lines))
                   if (m := _HEADING.match(lines[i])) and len(m.group(1)) <= level), len(lines))
    return "\n".join(lines[:at]).rstrip("\n") + "\n\n" + block.strip("\n") + "\n\n" + "\n".join(lines[at:])


_MD_LINK = re.compile(r"\[((?:\\.|[^\]\\])*)\]\(([^)\s]+)\)")
_HTML_LINK = re.compile(r'<a href="([^"#]+)(?:#[^"]*)?">(.*?)</a>')  # a template's raw HTML link


def unlink_hidden(body: str, page: str, hidden) -> str:
    """``body`` of ``page`` with every Markdown link to a hidden page turned into
    its plain text: the page is gone from the edition, so is the link (no dead links)."""
    if not hidden:
        return body
    base = posixpath.dirname(page)

    def keep_or_unlink(match: re.Match) -> str:
        target = match.group(2).partition("#")[0]
        if target and "://" not in target and posixpath.normpath(posixpath.join(base, target)) in hidden:
            return match.group(1)
        return match.group(0)
    def keep_or_unlink_html(match: re.Match) -> str:
        target = re.sub(r"\.html$", ".md", match.group(1))
        if "://" not in target and posixpath.normpath(posixpath.join(base, target)) in hidden:
            return match.group(2)
        return match.group(0)
    return _HTML_LINK.sub(keep_or_unlink_html, _MD_LINK.sub(keep_or_unlink, body))
