"""An agency edition's hidden pages taken out of the manual's data, so that every
page listing them (the programs index, the crosswalk, related programs, related
pages, tags, the timeline's "See:", readings, "It draws on") lists them no more.

A hidden page made from a record (a program, behavior, outcome, worksheet or
training module) takes its record out of the manual. Every reference to a
hidden record goes with it, wherever the schemas say a field names one
(``x-ref``): an item of a list, or an optional field (a required one takes the
object holding it). A link to a hidden page goes where a list is a listing of
pages (``x-listing: true`` in the schema: see-also links, readings, the quick
reference's pages); elsewhere it stays as text, unlinked by the render step
(render_edition.unlink_hidden). The core manual is left as loaded.
"""
from __future__ import annotations

import copy
import dataclasses

from .model import KINDS, Manual
from .model.schemas import inlined


def _merged(schema: dict) -> tuple[dict, set[str], dict]:
    """(properties, required fields, the node's own keywords) of a schema node,
    its ``allOf`` parts folded in."""
    props, required, own = {}, set(), {}
    for part in [schema, *schema.get("allOf", [])]:
        if isinstance(part, dict):
            props.update(part.get("properties", {}))
            required.update(part.get("required", []))
            own.update({k: v for k, v in part.items() if k not in ("properties", "required", "allOf")})
    return props, required, own


def _goes(value, schema: dict, hidden_ids: dict[str, set[str]], hidden_pages: set[str], listing: bool) -> bool:
    """True when ``value`` names a hidden record (or, in a listing, a hidden
    page) and must go; lists and objects below it are pruned in place."""
    props, required, own = _merged(schema) if isinstance(schema, dict) else ({}, set(), {})
    ref = own.get("x-ref")
    if isinstance(value, str) and ref:
        if ref == "page":
            return listing and value.partition("#")[0] in hidden_pages
        return value in hidden_ids.get(ref, ())
    if isinstance(value, list):
        items, inner = own.get("items") or {}, listing or bool(own.get("x-listing"))
        value[:] = [v for v in value if not _goes(v, items, hidden_ids, hidden_pages, inner)]
    elif isinstance(value, dict):
        for key in [k for k in value if k in props]:
            if _goes(value[key], props[key], hidden_ids, hidden_pages, listing):
                if key in required:
                    return True
                del value[key]
    return False


def without_hidden(manual: Manual, hidden: set[str]) -> Manual:
    """The manual with the records of the ``hidden`` pages, and every listing of
    those pages, taken out."""
    if not hidden:
        return manual
    hidden_ids: dict[str, set[str]] = {}
    for src, (kind, record) in manual.generated_pages().items():
        if src in hidden:
            hidden_ids.setdefault(kind, set()).add(record["id"])
    records, documents, meta = copy.deepcopy((manual.records, manual.documents, manual.meta))
    for kind in KINDS:
        if kind.schema is None or kind.name == "manual":  # the change log keeps naming what changed
            continue
        schema = inlined(kind.schema)
        if kind.collection or kind.singleton:  # one file: its records sit inside it
            if kind.name in documents:
                _goes(documents[kind.name], schema, hidden_ids, set(hidden), False)
            continue
        for record in records.get(kind.name, {}).values():
            _goes(record, schema, hidden_ids, set(hidden), False)
    for kind, ids in hidden_ids.items():
        records[kind] = {rid: r for rid, r in records[kind].items() if rid not in ids}
    return dataclasses.replace(manual, records=records, documents=documents, meta=meta, _once={})
