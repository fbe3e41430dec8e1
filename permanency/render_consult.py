"""Consultation mode, the quick reference, the crosswalk, tags and related pages.

Pure functions, data in, Markdown (or plain lists) out. Each page component is one
Jinja template in ``templates/consult/`` rendered with a single ``params`` object,
through the same environment as :mod:`permanency.render` (autoescape and the
Markdown-escaping finalizer, ``link`` and ``page_link``).

The crosswalk, the tags and the related pages are generic: any kind of record with
a ``related_behaviors`` list (programs, review phases and questions today; worksheets
or training modules a later data file adds) shows up with no edit here.
"""
from __future__ import annotations

import functools

import posixpath
import re
from typing import Any, Iterable, Mapping

from .loader import KINDS, KIND_BY_NAME, Manual
from .render import ENV, program_title


def render_consult(component: str, params: Mapping[str, Any]) -> str:
    """Render ``templates/consult/<component>.md.j2`` with one params object."""
    return ENV.get_template(f"consult/{component}.md.j2").render(params=params)


# ------------------------------------------------------------------ labels
# How a kind of record is named in headings and tags. A kind not listed here is
# named from its id ("training-module" -> "Training modules").
KIND_LABELS = {
    "program": ("Program", "Programs"),
    "behavior": ("Practice behavior", "Practice behaviors"),
    "outcome": ("Outcome figures", "Outcome figures"),
    "phase": ("Review phase", "Review phases"),
    "question": ("Review question", "Review questions"),
    "module": ("Training module", "Training modules"),
    "worksheet": ("Worksheet", "Worksheets"),
}


def kind_label(kind: str, plural: bool = True) -> str:
    if kind in KIND_LABELS:
        return KIND_LABELS[kind][1 if plural else 0]
    words = kind.replace("-", " ").replace("_", " ").strip().capitalize()
    return words + ("s" if plural and not words.endswith("s") else "")


def record_label(kind: str, record: Mapping) -> str:
    """A record's name as a reader knows it."""
    if kind == "program":
        return program_title(record)
    if kind == "behavior":
        return f"{record['number']}. {record['short_name']}"
    for name in ("title", "short_name", "name", "term", "text"):
        if isinstance(record.get(name), str):
            return record[name]
    return record["id"]


def _page(manual: Manual, kind: str, record_id: str) -> str:
    return manual.page_of(kind, record_id).partition("#")[0]


def _target_kind(field: str) -> str | None:
    """'related_behaviors' -> 'behavior', when that is a kind of record."""
    if not field.startswith("related_"):
        return None
    name = field[len("related_"):]
    for candidate in (name, name[:-1] if name.endswith("s") else name, name.replace("_", "-")[:-1]):
        if candidate in KIND_BY_NAME:
            return candidate
    return None


# --------------------------------------------------------------- crosswalk
def kinds_relating_to_behaviors(manual: Manual) -> list[str]:
    """Every kind (other than behaviors) whose records carry ``related_behaviors``,
    in the order of KINDS."""
    return [
        k.name for k in KINDS
        if k.name != "behavior"
        and any("related_behaviors" in r for r in manual.records.get(k.name, {}).values())
    ]


def crosswalk_data(manual: Manual) -> dict:
    """Both directions of the crosswalk.

    ``forward``: for each kind, its records (those naming at least one behavior)
    with the behavior ids they support. A behavior that names a record in its own
    ``related_<kind>s`` list counts too (a behavior page lists its programs).
    ``reverse``: for each behavior id, kind -> record ids that support it.
    """
    behaviors = manual.behaviors
    forward, reverse = [], {bid: {} for bid in behaviors}
    for kind in kinds_relating_to_behaviors(manual):
        back_field = f"related_{kind}s"
        rows = []
        for rid, record in manual.records[kind].items():
            ids = set(record.get("related_behaviors") or [])
            ids |= {bid for bid, b in behaviors.items() if rid in (b.get(back_field) or [])}
            ordered = [bid for bid in behaviors if bid in ids]
            if ordered:
                rows.append({"kind": kind, "id": rid, "behaviors": ordered})
                for bid in ordered:
                    reverse[bid].setdefault(kind, []).append(rid)
        if rows:
            forward.append({"kind": kind, "label": kind_label(kind), "rows": rows})
    return {"forward": forward, "reverse": reverse}


def crosswalk(manual: Manual, page: str) -> str:
    return render_consult("crosswalk", {
        "manual": manual, "page": page, "data": crosswalk_data(manual),
        "label": record_label, "kind_label": kind_label,
    })


# --------------------------------------------------------- consultation mode
def agenda(manual: Manual) -> list[dict]:
    """The agenda phases in order, each with its start and end minute."""
    out, start = [], 0
    for phase in manual.records.get("agenda-phase", {}).values():
        out.append({**phase, "start": start, "end": start + phase["minutes"]})
        start += phase["minutes"]
    return out


def consultation(manual: Manual, page: str) -> str:
    doc = manual.documents.get("consultation", {})
    return render_consult("consultation", {
        "manual": manual, "page": page, "doc": doc, "agenda": agenda(manual),
        "total": sum(p["minutes"] for p in agenda(manual)),
        "before": manual.records["stage"].get(doc.get("before_the_review", "")),
        "roles": manual.records.get("role", {}),
    })


# ----------------------------------------------------------- quick reference
def quick_reference(manual: Manual, page: str) -> str:
    doc = manual.documents.get("quick-reference", {})
    return render_consult("quick-reference", {
        "manual": manual, "page": page, "doc": doc,
        "questions": [manual.questions[q] for q in doc.get("core_questions", [])],
        "categories": [manual.option_categories[c] for c in doc.get("option_categories", [])],
        "terms": sorted((manual.terms[t] for t in doc.get("abbreviations", [])), key=lambda t: t["term"]),
    })


# ---------------------------------------------------------------- tags
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
        target = _target_kind(field)
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


def _once_per_manual(fn):
    """Work ``fn(manual)`` out once for a loaded manual (each build loads a new
    one) and reuse it for every page of the build."""
    last: list = [None, None]

    @functools.wraps(fn)
    def wrapper(manual: Manual):
        if last[0] is not manual:
            last[:] = [manual, fn(manual)]
        return last[1]
    return wrapper


@_once_per_manual
def _shown_on(manual: Manual) -> dict[str, list[Mapping]]:
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
    for record in _shown_on(manual).get(src_uri, []):
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


# --------------------------------------------------------------- related pages
@_once_per_manual
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
                target = _target_kind(field)
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


def related_pages(manual: Manual, src_uri: str, titles: Mapping[str, str], limit: int = 8) -> list[dict]:
    """The pages most joined to ``src_uri`` by data, most links first, then by title."""
    links = page_links(manual).get(src_uri, {})
    ranked = sorted(links.items(), key=lambda kv: (-kv[1], _natural(titles.get(kv[0], kv[0]))))
    return [{"page": p, "title": titles.get(p, p), "links": n} for p, n in ranked[:limit]]


def _natural(text: str) -> list:
    """'10. Collaborate' after '3. Listen': numbers compare as numbers."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text.casefold())]


def related_block(manual: Manual, src_uri: str, titles: Mapping[str, str]) -> str:
    """Markdown for the foot of a page: its related pages, or nothing."""
    pages = related_pages(manual, src_uri, titles)
    if not pages:
        return ""
    return render_consult("related-pages", {"manual": manual, "page": src_uri, "pages": pages})


def relative(target: str, page: str) -> str:
    return posixpath.relpath(target, posixpath.dirname(page) or ".")
