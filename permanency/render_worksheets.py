"""Printable worksheets (data/worksheets/<id>.yml): data in, page Markdown out.

A worksheet names the records it draws from (phases and questions of the review
question bank, roles, permanency options, data elements, practice behaviors);
:func:`sheet` resolves those names into the records themselves, in order, so the
templates in ``templates/worksheet/`` only lay them out. Pure functions: nothing
here reads files or keeps state, and nothing typed into a worksheet ever reaches
Python (the sheet is filled in the reader's browser, see worksheet.js).
"""
from __future__ import annotations

from typing import Any, Mapping

from .render import ENV


def pdf_front_matter(worksheet: Mapping) -> bool | dict:
    """The ``pdf:`` front matter of a worksheet's page: true, or the orientation."""
    if worksheet["orientation"] == "landscape":
        return {"orientation": "landscape"}
    return True


def _questions(manual, section: Mapping) -> list[dict]:
    """The questions a section shows, grouped under their phases in the bank's
    order: [{"phase": phase, "questions": [{"question", "scale"}]}]. A section that
    names neither phases nor questions shows every question of the bank."""
    scales = {s["question"]: list(range(s["from"], s["to"] + 1)) for s in section.get("scales", [])}
    if "questions" in section:
        chosen = [manual.questions[qid] for qid in section["questions"]]
    else:
        phases = section.get("phases") or list(manual.phases)
        chosen = [q for pid in phases for q in manual.phases[pid]["questions"]]
    groups: list[dict] = []
    for q in chosen:
        phase = manual.parent("question", q["id"])
        if not groups or groups[-1]["phase"]["id"] != phase["id"]:
            groups.append({"phase": phase, "questions": []})
        groups[-1]["questions"].append({"question": q, "scale": scales.get(q["id"])})
    return groups


def _options(manual, section: Mapping) -> list[dict]:
    """Options under their categories: [{"category", "options": [...]}]."""
    if "options" in section:
        chosen = [manual.options[oid] for oid in section["options"]]
        for cid in section.get("categories", []):
            chosen += [o for o in manual.option_categories[cid]["options"] if o not in chosen]
    else:
        chosen = [o for cid in section["categories"] for o in manual.option_categories[cid]["options"]]
    groups: list[dict] = []
    for option in chosen:
        category = manual.parent("option", option["id"])
        if not groups or groups[-1]["category"]["id"] != category["id"]:
            groups.append({"category": category, "options": []})
        groups[-1]["options"].append(option)
    return groups


def _columns(manual, section: Mapping) -> list[dict]:
    """Table columns with their heading and input kind. A column naming a data
    element is headed by the element's label (unless it gives its own) and
    totaled in the totals row."""
    out = []
    for i, column in enumerate(section["columns"]):
        element = manual.data_elements[column["element"]] if "element" in column else None
        out.append({
            "key": f"c{i + 1}",
            "label": column.get("label") or element["label"],
            "element": element,
            "input": column.get("input", "text"),
            "choices": column.get("choices", []),
            "wide": column.get("wide", False),
        })
    return out


def sheet(manual, worksheet: Mapping) -> list[dict]:
    """The worksheet's sections, each with the records it draws from resolved."""
    out = []
    for section in worksheet["sections"]:
        item: dict[str, Any] = {"section": section, "kind": section["kind"]}
        kind = section["kind"]
        if kind == "participants":
            item["roles"] = [manual.records["role"][rid] for rid in section["roles"]]
        elif kind == "questions":
            item["groups"] = _questions(manual, section)
            item["write_in"] = section.get("write_in", True)
            item["by_phase"] = "questions" not in section  # whole phases keep their titles
        elif kind == "table":
            item["columns"] = _columns(manual, section)
            item["rows"] = list(range(1, section["rows"] + 1))
            item["totals"] = section.get("totals", False)
        elif kind == "options":
            item["groups"] = _options(manual, section)
            item["definitions"] = section.get("definitions", False)
        elif kind == "behaviors":
            ids = section.get("behaviors") or list(manual.behaviors)
            item["behaviors"] = [manual.behaviors[bid] for bid in ids]
        out.append(item)
    return out


def worksheet_page(manual, worksheet_id: str, page: str) -> str:
    """tools/<id>.md: the screen introduction, the sheet, and its sources."""
    worksheet = manual.worksheets[worksheet_id]
    return ENV.get_template("worksheet/page.md.j2").render(params={
        "manual": manual,
        "page": page,
        "worksheet": worksheet,
        "sheet": sheet(manual, worksheet),
    })


def worksheet_index(manual, page: str) -> str:
    """tools/index.md: every worksheet with its one-line purpose."""
    return ENV.get_template("worksheet/index.md.j2").render(params={"manual": manual, "page": page})
