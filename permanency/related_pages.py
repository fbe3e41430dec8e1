"""Related pages: the pages data joins a page to (every ``related_<kind>s``
field of every record that has a page or an anchor, both ways), most links
first, listed at the foot of the page."""
from __future__ import annotations

import re
from typing import Container, Mapping

from .model import KIND_BY_NAME, KINDS, Manual, related_kind
from .render import ENV

def _page(manual: Manual, kind: str, record_id: str) -> str:
    return manual.page_of(kind, record_id).partition("#")[0]

def page_links(manual: Manual) -> dict[str, dict[str, int]]:
    """docs page -> {related docs page: how many data links join them}, both ways,
    from every ``related_<kind>s`` field of every record that has a page or an
    anchor."""
    graph: dict[str, dict[str, int]] = {}
    for kind in KINDS:
        if not (kind.page or kind.anchor):
            continue
        for rid, record in manual.records.get(kind.name, {}).items():
            here = _page(manual, kind.name, rid)
            for field, value in record.items():
                target = related_kind(field)
                if not target or not isinstance(value, list):
                    continue
                target_kind = KIND_BY_NAME[target]
                if not (target_kind.page or target_kind.anchor):
                    continue
                for tid in value:
                    if tid not in manual.records.get(target, {}):
                        continue
                    there = _page(manual, target, tid)
                    if there == here:
                        continue
                    for a, b in ((here, there), (there, here)):
                        graph.setdefault(a, {})
                        graph[a][b] = graph[a].get(b, 0) + 1
    return graph


def related_pages(manual: Manual, src_uri: str, titles: Mapping[str, str], limit: int = 8,
                  existing: Container[str] | None = None) -> list[dict]:
    """The pages most joined to ``src_uri`` by data, most links first, then by
    title; only those in ``existing`` when given (a project without a shared page
    its records would sit on)."""
    links = manual.once(page_links).get(src_uri, {})
    if existing is not None:
        links = {p: n for p, n in links.items() if p in existing}
    ranked = sorted(links.items(), key=lambda kv: (-kv[1], _natural(titles.get(kv[0], kv[0]))))
    return [{"page": p, "title": titles.get(p, p), "links": n} for p, n in ranked[:limit]]


def _natural(text: str) -> list:
    """'10. Collaborate' after '3. Listen': numbers compare as numbers."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text.casefold())]


def related_block(manual: Manual, src_uri: str, titles: Mapping[str, str],
                  existing: Container[str] | None = None) -> str:
    """Markdown for the foot of a page: its related pages, or nothing."""
    pages = related_pages(manual, src_uri, titles, existing=existing)
    if not pages:
        return ""
    return ENV.get_template("consult/related-pages.md.j2").render(params={"manual": manual, "page": src_uri, "pages": pages})
