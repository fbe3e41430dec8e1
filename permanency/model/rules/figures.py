"""Figures, outcome sets and the timeline: a figure is exact or says how it is
bounded (never both); ids are unique in an outcome file; a group has figures;
program_figures name figures the program keeps; a chart draws exact figures of
one measure; a timeline event links to a page and sorts by a real date."""
from __future__ import annotations

import datetime as _dt
import re
from typing import Iterable

from ...errors import DataError
from ...yamlsource import format_path
from ..manual import Record
from .walk import dicts, indexed


def figure_rules(records) -> Iterable[DataError]:
    program_figures = {
        r.data["id"]: [f.get("id") for f in dicts(r.data.get("figures"))]
        for r in records if r.kind == "program" and isinstance(r.data.get("id"), str)
    }
    for record in records:
        if record.kind == "program":
            for i, figure in indexed(record.data.get("figures")):
                yield from _figure_rules(record, ("figures", i), figure)
        elif record.kind == "outcome":
            yield from _outcome_rules(record, program_figures)
        elif record.kind == "event":
            yield from _event_rules(record)


def _bounded(figure: dict) -> str | None:
    """How a figure is bounded ('about', 'more than', ...), or None when it is exact."""
    if figure.get("qualifier"):
        return str(figure["qualifier"])
    return "about" if figure.get("approximate") is True else None


def _figure_rules(record: Record, path: tuple, figure: dict) -> Iterable[DataError]:
    if "approximate" in figure and "qualifier" in figure:
        yield DataError(record.file, record.line(*path, "qualifier"), format_path(path + ("qualifier",)),
                        "give either approximate or qualifier, not both")


def _outcome_rules(record: Record, program_figures: dict[str, list]) -> Iterable[DataError]:
    seen: dict[tuple[str, str], int] = {}

    def unique(what: str, value, path: tuple) -> Iterable[DataError]:
        if not isinstance(value, str):
            return
        line = record.line(*path)
        if (what, value) in seen:
            yield DataError(record.file, line, format_path(path),
                            f"duplicate {what} id '{value}'; first used on line {seen[(what, value)]}")
        else:
            seen[(what, value)] = line

    for g, group in indexed(record.data.get("groups")):
        gpath = ("groups", g)
        yield from unique("group", group.get("id"), gpath + ("id",))
        figures = {}
        for i, figure in indexed(group.get("figures")):
            yield from _figure_rules(record, gpath + ("figures", i), figure)
            yield from unique("figure", figure.get("id"), gpath + ("figures", i, "id"))
            if isinstance(figure.get("id"), str):
                figures.setdefault(figure["id"], figure)
        refs = group.get("program_figures")
        if not group.get("figures") and not refs:
            yield DataError(record.file, record.line(*gpath), format_path(gpath),
                            "a group needs figures, program_figures or both")
        if isinstance(refs, dict) and refs.get("program") in program_figures:
            known = program_figures[refs["program"]]
            for i, fid in enumerate(refs.get("figures") if isinstance(refs.get("figures"), list) else []):
                if isinstance(fid, str) and fid not in known:
                    choices = ", ".join(sorted(k for k in known if k)) or "(none)"
                    yield DataError(record.file, record.line(*gpath, "program_figures", "figures", i),
                                    format_path(gpath + ("program_figures", "figures", i)),
                                    f"unknown figure '{fid}' in program '{refs['program']}'; known: {choices}")
        for c, chart in indexed(group.get("charts")):
            cpath = gpath + ("charts", c)
            yield from unique("chart", chart.get("id"), cpath + ("id",))
            units: dict[str, str] = {}
            for i, fid in enumerate(chart.get("figures") if isinstance(chart.get("figures"), list) else []):
                fpath = cpath + ("figures", i)
                if not isinstance(fid, str):
                    continue
                if fid not in figures:
                    choices = ", ".join(sorted(figures)) or "(none)"
                    yield DataError(record.file, record.line(*fpath), format_path(fpath),
                                    f"unknown figure '{fid}' in this group; known: {choices}")
                    continue
                figure = figures[fid]
                bound = _bounded(figure)
                if bound:
                    yield DataError(record.file, record.line(*fpath), format_path(fpath),
                                    f"figure '{fid}' is not exact (the source says '{bound}'); "
                                    "a chart draws exact figures only, so show it in the table")
                unit = figure.get("unit")
                if isinstance(unit, str):
                    measure = "a percentage" if unit in ("percent", "%") else "a count"
                    if units and measure not in units:
                        other, first_id = next(iter(units.items()))
                        yield DataError(record.file, record.line(*fpath), format_path(fpath),
                                        f"figure '{fid}' is {measure} but '{first_id}' is {other}; "
                                        "a chart does not mix percentages with counts")
                    units.setdefault(measure, fid)


def _event_rules(record: Record) -> Iterable[DataError]:
    data = record.data
    if not data.get("programs") and not data.get("outcomes"):
        yield DataError(record.file, record.line(), format_path(record.base + ("programs",)),
                        "an event needs programs or outcomes: the page or pages it links to")
    sort = data.get("sort")
    if isinstance(sort, str) and re.fullmatch(r"\d{4}(-\d{2}(-\d{2})?)?", sort):
        parts = [int(p) for p in sort.split("-")]
        try:
            _dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
        except ValueError:
            yield DataError(record.file, record.line("sort"), format_path(record.base + ("sort",)),
                            f"expected a real year, month or date; got '{sort}'")
