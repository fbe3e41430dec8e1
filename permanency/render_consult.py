"""Consultation mode, the quick reference and the crosswalk.

Pure functions, data in, Markdown (or plain lists) out. Each page component is one
Jinja template in ``templates/consult/`` rendered with a single ``params`` object,
through the same environment as :mod:`permanency.render` (autoescape and the
Markdown-escaping finalizer, ``link`` and ``page_link``).

The crosswalk is generic, like the tags (``tags.py``) and the related pages
(``related_pages.py``): any kind of record with a ``related_behaviors`` list
(programs, review phases and questions, worksheets, training modules, or a kind
a later data file adds) shows up with no edit here.
"""
from __future__ import annotations

from typing import Any, Mapping

from .model import KINDS, Manual
from .labels import kind_label, record_label
from .render import ENV


def render_consult(component: str, params: Mapping[str, Any]) -> str:
    """Render ``templates/consult/<component>.md.j2`` with one params object."""
    return ENV.get_template(f"consult/{component}.md.j2").render(params=params)



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
