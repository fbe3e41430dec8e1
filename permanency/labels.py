"""How kinds and records are named to a reader: in headings, tags and the
crosswalk."""
from __future__ import annotations

from typing import Mapping

from .render import program_title

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
