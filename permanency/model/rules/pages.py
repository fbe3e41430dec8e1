"""Ids and numbers that become page names and anchors: a number is used once per
numbered kind, and records shown on one shared page each take an anchor no
other record or heading there takes."""
from __future__ import annotations

from typing import Iterable

from ...errors import DataError
from ...yamlsource import format_path
from ..kinds import KIND_BY_NAME, PAGE_HEADINGS, numbered_name


def number_rules(records) -> Iterable[DataError]:
    """Numbered kinds (behaviors, training modules): a number is used once per kind."""
    numbers: dict[tuple[str, int], str] = {}
    for record in records:
        n = record.data.get("number")
        if KIND_BY_NAME[record.kind].id_from_name is numbered_name and isinstance(n, int) \
                and not isinstance(n, bool):
            if (record.kind, n) in numbers:
                yield DataError(record.file, record.line("number"), "number",
                                f"{record.kind} number {n} is already used by {numbers[record.kind, n]}")
            numbers.setdefault((record.kind, n), record.file)


def shared_page_anchors(records) -> Iterable[DataError]:
    """Records shown on one hand-written page each get an #anchor from their id,
    so ids must differ across the kinds that share a page (a question and a phase
    on pcr/questions.md), and must not take an anchor of the page's own headings."""
    seen: dict[str, tuple] = {}
    for record in records:
        kind = KIND_BY_NAME[record.kind]
        if not kind.anchor or not isinstance(record.data.get("id"), str):
            continue
        anchor = kind.anchor(record.data)
        page, _, fragment = anchor.partition("#")
        where = format_path(record.base + ("id",))
        if fragment in PAGE_HEADINGS.get(page, ()):
            yield DataError(record.file, record.line("id"), where,
                            f"id '{fragment}' is taken by a heading on {page}; choose another id")
        elif anchor in seen and seen[anchor][0].kind != record.kind:
            other, at = seen[anchor]
            yield DataError(record.file, record.line("id"), where,
                            f"id '{fragment}' is also the id of {other.kind} at {at}; "
                            f"both are anchors on {page}, so they must differ")
        else:
            seen.setdefault(anchor, (record, f"{record.file}:{record.line('id')}"))
