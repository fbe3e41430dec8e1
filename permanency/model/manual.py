"""The manual as the renderers see it: every record of data/, validated, in
display order (:class:`Manual`), and a record as the loader reads it, with the
file and line it came from (:class:`Record`)."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..yamlsource import Parsed
from .kinds import KIND_BY_NAME, KINDS

@dataclass
class Record:
    kind: str
    data: dict
    file: str  # data-relative path as shown in messages, e.g. data/programs/arc.yml
    parsed: Parsed
    base: tuple  # where in the file this record sits: () or ("sources", 3)
    parent: tuple[str, str] | None = None  # (kind, id) of the record this one sits in

    def line(self, *path) -> int:
        return self.parsed.line_of(self.base + tuple(path))


@dataclass
class Manual:
    """Everything in data/, validated. Records are plain dicts, ordered for display."""

    root: Path
    records: dict[str, dict[str, dict]] = field(default_factory=dict)
    meta: dict = field(default_factory=dict)
    files: list[str] = field(default_factory=list)
    # the whole file a kind is read from (pcr-practice.yml, glossary.yml, ...),
    # for the fields that sit beside its records
    documents: dict[str, dict] = field(default_factory=dict)
    # (kind, id) of a nested record -> (kind, id) of the record it sits in
    parents: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict)
    # (kind, id) of an agency edition's own record -> its file, as named in messages
    local_files: dict[tuple[str, str], str] = field(default_factory=dict)
    # what is worked out once per loaded manual and reused by every page
    _once: dict = field(default_factory=dict, repr=False, compare=False)

    # convenient, ordered views ------------------------------------------------
    @property
    def sources(self) -> dict[str, dict]:
        return self.records.get("source", {})

    @property
    def programs(self) -> dict[str, dict]:
        return self.records.get("program", {})

    @property
    def behaviors(self) -> dict[str, dict]:
        return self.records.get("behavior", {})

    @property
    def outcomes(self) -> dict[str, dict]:
        return self.records.get("outcome", {})

    @property
    def events(self) -> dict[str, dict]:
        """Timeline events in date order (by their ``sort`` key; ties keep file order)."""
        return self.records.get("event", {})

    @property
    def phases(self) -> dict[str, dict]:
        return self.records.get("phase", {})

    @property
    def questions(self) -> dict[str, dict]:
        return self.records.get("question", {})

    @property
    def option_categories(self) -> dict[str, dict]:
        return self.records.get("option-category", {})

    @property
    def options(self) -> dict[str, dict]:
        return self.records.get("option", {})

    @property
    def data_elements(self) -> dict[str, dict]:
        return self.records.get("data-element", {})

    @property
    def lessons(self) -> dict[str, dict]:
        return self.records.get("lesson", {})

    @property
    def stories(self) -> dict[str, dict]:
        return self.records.get("story", {})

    @property
    def terms(self) -> dict[str, dict]:
        return self.records.get("term", {})

    @property
    def pcr_practice(self) -> dict:
        return self.documents.get("pcr-practice", {})

    @property
    def worksheets(self) -> dict[str, dict]:
        """Worksheets in their ``order``."""
        return dict(sorted(self.records.get("worksheet", {}).items(), key=lambda kv: kv[1]["order"]))

    def parent(self, kind: str, record_id: str) -> dict:
        """The record a nested record sits in (the phase of a question, ...)."""
        parent_kind, parent_id = self.parents[(kind, record_id)]
        return self.records[parent_kind][parent_id]

    @property
    def version(self) -> str:
        return self.meta["changelog"][0]["version"]

    @property
    def changed_on(self) -> str:
        return self.meta["changelog"][0]["date"]

    @property
    def modules(self) -> dict[str, dict]:
        """Training modules in the learning path's order (their numbers)."""
        return dict(sorted(self.records.get("module", {}).items(), key=lambda kv: kv[1]["number"]))

    def page_changes(self) -> dict[str, dict]:
        """docs-relative page -> the newest change-log entry that lists it
        (``{"version", "date"}``). Pages no entry lists are absent."""
        newest: dict[str, dict] = {}
        for entry in self.meta.get("changelog", []):
            for change in entry["changes"]:
                for page in change["pages"]:
                    if page not in newest or entry["date"] > newest[page]["date"]:
                        newest[page] = {"version": entry["version"], "date": entry["date"]}
        return newest

    def page_of(self, kind: str, record_id: str) -> str:
        """The docs page (with an #anchor for records on a shared page) of a record."""
        k = KIND_BY_NAME[kind]
        return (k.page or k.anchor)(self.records[kind][record_id])

    def generated_pages(self) -> dict[str, tuple[str, dict]]:
        """docs-relative path -> (kind, record) for every page made from a record
        (a record's own page; its printouts are :meth:`printout_pages`)."""
        return self.once(_generated_pages)

    def printout_pages(self) -> dict[str, tuple[str, str, dict]]:
        """docs-relative path -> (kind, printout name, record) for every printout
        made from a record (a training module's handout and facilitator guide)."""
        return self.once(_printout_pages)

    def once(self, work):
        """``work(self)``, worked out once for this loaded manual (the records do
        not change after loading) and reused by every page of the build."""
        if work not in self._once:
            self._once[work] = work(self)
        return self._once[work]


def _generated_pages(manual: Manual) -> dict[str, tuple[str, dict]]:
    return {
        kind.page(record): (kind.name, record)
        for kind in KINDS if kind.page
        for record in manual.records.get(kind.name, {}).values()
    }


def _printout_pages(manual: Manual) -> dict[str, tuple[str, str, dict]]:
    return {
        path(record): (kind.name, name, record)
        for kind in KINDS
        for record in manual.records.get(kind.name, {}).values()
        for name, path in kind.printouts
    }


def sort_key(text: str) -> str:
    """Alphabetical order as a reader expects it: case and punctuation ignored."""
    return re.sub(r"[^0-9a-z ]", "", text.casefold())
