"""The tags of every page, from data: a page generated from a record gets its
kind, its own program or behavior tag, the programs and behaviors it relates to,
and its readers; a shared page gets the kind and relations of the records shown
on it. Material's tags plugin lists them on tags.md and search weighs them."""
from __future__ import annotations

from typing import Iterable, Mapping

from .labels import kind_label
from .model import KINDS, Manual, related_kind

AUDIENCES = {
    # kind of generated page -> who reads it most
    "program": ["New social workers", "Agency leaders"],
    "behavior": ["New social workers", "Supervisors"],
    "outcome": ["Agency leaders"],
    "worksheet": ["Facilitators", "Supervisors"],
    "module": ["New social workers"],
}


def program_tag(program: Mapping) -> str:
    return f"Program: {program.get('abbreviation') or program['name']}"


def behavior_tag(behavior: Mapping) -> str:
    return f"Behavior: {behavior['short_name']}"


def _related_tags(manual: Manual, record: Mapping) -> list[str]:
    tags = []
    for field, value in record.items():
        target = related_kind(field)
        if not isinstance(value, list) or target not in ("program", "behavior"):
            continue
        for rid in value:
            other = manual.records[target].get(rid)
            if other:
                tags.append(program_tag(other) if target == "program" else behavior_tag(other))
    return tags


def _unique(items: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for item in items:
        seen.setdefault(item, None)
    return list(seen)

def shown_on(manual: Manual) -> dict[str, list[Mapping]]:
    """Shared docs page -> the records shown on it (questions on the question
    bank page, terms on the glossary, ...)."""
    shown: dict[str, list[Mapping]] = {}
    for kind in KINDS:
        if kind.anchor:
            for record in manual.records.get(kind.name, {}).values():
                shown.setdefault(kind.anchor(record).partition("#")[0], []).append(record)
    return shown


def page_tags(manual: Manual, src_uri: str, front: Iterable[str] = ()) -> list[str]:
    """The tags of a page: its front matter's, plus what data says of it. A page
    generated from a record gets its kind, its own program or behavior tag, the
    programs and behaviors it relates to, and its readers; a shared page gets the
    kind and relations of the records shown on it. Sorted: kind of page first."""
    tags = list(front)
    generated = manual.generated_pages().get(src_uri)
    if generated:
        kind, record = generated
        tags.append(f"Page: {kind_label(kind, plural=False)}")
        if kind == "program":
            tags.append(program_tag(record))
        elif kind == "behavior":
            tags.append(behavior_tag(record))
        tags += [f"Audience: {a}" for a in AUDIENCES.get(kind, [])]
        tags += _related_tags(manual, record)
    for record in manual.once(shown_on).get(src_uri, []):
        tags += _related_tags(manual, record)
    if not any(t.startswith("Page: ") for t in tags):
        tags.append("Page: Guide")
    order = ("Page: ", "Audience: ", "Program: ", "Behavior: ")
    return sorted(_unique(tags), key=lambda t: (next((i for i, p in enumerate(order) if t.startswith(p)), 9), t))


# Search boost of a page generated from a record, by kind: a worker who types a
# program's name or abbreviation wants its page, as much as its glossary entry.
SEARCH_BOOST = {"program": 3}


def search_boost(manual: Manual, src_uri: str) -> float | None:
    generated = manual.generated_pages().get(src_uri)
    return SEARCH_BOOST.get(generated[0]) if generated else None
