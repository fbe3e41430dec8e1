"""An agency edition: the agency's own folder beside (never inside) the core.

The folder holds ``mkdocs.yml`` (``INHERIT:`` the core's mkdocs.yml, plus the
edition's site address and logo), ``edition.yml`` (its name, editor address,
sources, contacts, notes, terms, hidden pages and change log; schema
``schemas/edition.schema.json``) and ``docs/`` (its own pages and assets).

:func:`find` tells a core config from an edition's; :func:`load` reads and
validates edition.yml against the loaded core manual, every problem as
``file:line: field: message``; :func:`apply` returns the manual as the edition
shows it (its name, its change log, its sources and terms added). Where the
edition's additions land on the pages is the render step's job
(render_manual.py, with the templates in ``templates/edition/``).
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from mkdocs.utils import get_yaml_loader

from .errors import DataError, DataErrors
from .model import Manual
from .model.schemas import schema_errors, validator_for
from .yamlsource import YamlSyntaxError, parse

EDITION_FILE = "edition.yml"
NOTE_KINDS = {"program": "program", "behavior": "behavior", "phase": "phase", "term": "term"}


@dataclass
class Edition:
    root: Path  # the edition's folder
    data: dict  # edition.yml, validated
    local_pages: list[str] = field(default_factory=list)  # docs-relative pages of root/docs

    @property
    def docs_dir(self) -> Path:
        return self.root / "docs"

    @property
    def hidden(self) -> dict[str, str]:
        return {h["page"]: h["reason"] for h in self.data.get("hidden", [])}


def find(config_file: Path) -> tuple[Path, Path | None]:
    """(the core's mkdocs.yml, the edition's folder or None) for a config file.
    An edition's config INHERITs the core's and sits beside an edition.yml."""
    config_file = Path(config_file).absolute()
    if not (config_file.parent / EDITION_FILE).is_file():
        return config_file, None
    with open(config_file, encoding="utf-8") as f:
        raw = yaml.load(f, Loader=get_yaml_loader()) or {}
    parent = raw.get("INHERIT")
    if not parent:
        raise DataErrors([DataError(str(config_file), 1, "INHERIT",
                                    "an edition's mkdocs.yml must INHERIT the core's mkdocs.yml "
                                    "(e.g. INHERIT: core/mkdocs.yml)")])
    return Path(config_file.parent, parent).resolve(), config_file.parent


def _docs_pages(docs_dir: Path) -> list[str]:
    return sorted(p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md")) if docs_dir.is_dir() else []


def _nav_entries(core_docs: Path) -> set[str]:
    nav = yaml.safe_load((core_docs / ".nav.yml").read_text(encoding="utf-8")) or {}
    out = set()
    for item in nav.get("nav", []):
        out.add(next(iter(item.values())) if isinstance(item, dict) else item)
    return out


def load(root: Path, manual: Manual, core_docs: Path, core_pages: set[str]) -> Edition:
    """Read and validate ``root/edition.yml`` against the core ``manual``."""
    root = Path(root).resolve()
    file = f"{root.name}/{EDITION_FILE}"
    path = root / EDITION_FILE
    try:
        parsed = parse(path.read_text(encoding="utf-8"))
    except YamlSyntaxError as exc:
        raise DataErrors([DataError(file, exc.line, "", exc.message)]) from None
    if not isinstance(parsed.value, dict):
        raise DataErrors([DataError(file, 1, "", "expected a mapping of fields at the top of the file")])
    data = parsed.value
    local_pages = _docs_pages(root / "docs")
    agency_sources = {s.get("id") for s in data.get("sources") or [] if isinstance(s, dict)}
    known = {
        "agency-source": {s for s in agency_sources if isinstance(s, str)},
        "local-page": set(local_pages),
        "core-page": set(core_pages),
        "page": set(core_pages) | set(local_pages),
        "nav-entry": _nav_entries(core_docs),
    }
    errors = [DataError(file, line, p, msg) for line, p, msg in parsed.problems]
    errors += schema_errors(validator_for("edition.schema.json", known), parsed, file)

    # ids an edition shares with the core: an error unless it says it replaces them
    replaces = set(data.get("replaces") or [])
    for i, page in enumerate(local_pages):
        if page in core_pages and page not in replaces:
            errors.append(DataError(f"{root.name}/docs/{page}", 1, "",
                                    f"a core page has this name; rename it, or list '{page}' under replaces: in {EDITION_FILE}"))
    for i, source in enumerate(data.get("sources") or []):
        if isinstance(source, dict) and source.get("id") in manual.sources:
            errors.append(DataError(file, parsed.line_of(("sources", i, "id")), f"sources[{i}].id",
                                    f"'{source['id']}' is a core source id; agency sources need ids of their own"))
    for i, term in enumerate(data.get("terms") or []):
        if isinstance(term, dict) and term.get("id") in manual.terms and term["id"] not in replaces:
            errors.append(DataError(file, parsed.line_of(("terms", i, "id")), f"terms[{i}].id",
                                    f"'{term['id']}' is a core glossary id; choose another id, or list it under replaces:"))
    # every local page has a place in the navigation: in a folder the core lists, or under pages:
    placed = {p.get("page") for p in data.get("pages") or [] if isinstance(p, dict)}
    for page in local_pages:
        top = page.split("/")[0]
        if page not in placed and not ("/" in page and top in known["nav-entry"]) and page not in core_pages:
            errors.append(DataError(f"{root.name}/docs/{page}", 1, "",
                                    f"this page has no place in the navigation; list it under pages: in "
                                    f"{EDITION_FILE} with the entry it comes after (one of: "
                                    f"{', '.join(sorted(known['nav-entry']))}), or put it in one of those folders"))
    local_terms = {t.get("id") for t in data.get("terms") or [] if isinstance(t, dict)}
    for i, note in enumerate(data.get("notes") or []):
        target = note.get("on") if isinstance(note, dict) else None
        if isinstance(target, str) and ":" in target:
            kind, _, record_id = target.partition(":")
            records = manual.records.get(NOTE_KINDS.get(kind, ""), {})
            if kind in NOTE_KINDS and record_id not in records and not (kind == "term" and record_id in local_terms):
                errors.append(DataError(file, parsed.line_of(("notes", i, "on")), f"notes[{i}].on",
                                        f"unknown {kind} '{record_id}'; known: {', '.join(sorted(records))}"))
    if errors:
        raise DataErrors(errors)
    return Edition(root, data, local_pages)


# ------------------------------------------------------------------ the overlay
def _source_record(source: dict) -> dict:
    return {**source, "agency": True}


def _term_record(term: dict) -> dict:
    record = {k: v for k, v in term.items() if k != "source"}
    return {**record, "sources": [{"source": term["source"]}], "local": True}


def apply(manual: Manual, edition: Edition) -> Manual:
    """The manual as the edition shows it. The core manual is left as loaded."""
    data = edition.data
    meta = dict(manual.meta)
    for key in ("title", "short_title", "publisher", "current_copy", "footer", "editor_email", "county"):
        if key in data:
            meta[key] = data[key]
    meta["changelog"] = sorted(data["changelog"] + manual.meta["changelog"],
                               key=lambda entry: str(entry["date"]), reverse=True)
    records = dict(manual.records)
    records["source"] = {**manual.sources, **{s["id"]: _source_record(s) for s in data.get("sources", [])}}
    terms = {**manual.terms, **{t["id"]: _term_record(t) for t in data.get("terms", [])}}
    from .model.manual import sort_key
    records["term"] = dict(sorted(terms.items(), key=lambda kv: sort_key(kv[1]["term"])))
    return dataclasses.replace(manual, meta=meta, records=records, _once={})


def notes_by_target(edition: Edition) -> dict[tuple[str, str], list[dict]]:
    """(kind, id) -> the edition's notes on that record, in file order."""
    out: dict[tuple[str, str], list[dict]] = {}
    for note in edition.data.get("notes", []):
        kind, _, record_id = note["on"].partition(":")
        out.setdefault((kind, record_id), []).append(note)
    return out
