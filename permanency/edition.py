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
import fnmatch
from dataclasses import dataclass, field
from pathlib import Path

import yaml
from mkdocs.utils import get_yaml_loader

from .errors import DataError, DataErrors
from .hidden_pages import without_hidden
from .model import Manual, Overlay
from .model import load as load_data
from .model.schemas import schema_errors, validator_for
from .yamlsource import YamlSyntaxError, parse

EDITION_FILE = "edition.yml"
NOTE_KINDS = {"program": "program", "behavior": "behavior", "phase": "phase", "term": "term", "module": "module"}


@dataclass
class Edition:
    root: Path  # the edition's folder
    data: dict  # edition.yml, validated
    local_pages: list[str] = field(default_factory=list)  # docs-relative pages of root/docs
    hidden_titles: dict[str, str] = field(default_factory=dict)  # a hidden page made from data -> its title

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


def _nav_value(entry) -> object:
    return next(iter(entry.values())) if isinstance(entry, dict) else entry


def _folder_navs(core_docs: Path) -> dict[str, list]:
    """folder ('' for the top) -> the entries of the core's .nav.yml there."""
    out = {}
    for nav_file in sorted(core_docs.rglob(".nav.yml")):
        folder = nav_file.parent.relative_to(core_docs).as_posix()
        nav = yaml.safe_load(nav_file.read_text(encoding="utf-8")) or {}
        out["" if folder == "." else folder] = nav.get("nav") or []
    return out


def _nav_entries(core_docs: Path) -> set[str]:
    """What a local page may go after: a top-level entry of the core's
    navigation (``pcr``), or a page a folder's navigation lists (``tools/pcr-review.md``)."""
    out = set()
    for folder, entries in _folder_navs(core_docs).items():
        for value in map(_nav_value, entries):
            if not isinstance(value, str):
                continue
            if folder == "":
                out.add(value)
            elif value.endswith(".md") and not any(ch in value for ch in "*?["):
                out.add(f"{folder}/{value}")
    return out


def _listed_by_folder(core_docs: Path, page: str) -> bool:
    """True when the core's navigation of the page's folder lists it with no
    edit: the folder has no navigation file, or one of its entries is a
    pattern the page's name matches (``glob: "*"``, ``"[0-9]*.md"``)."""
    folder, _, name = page.rpartition("/")
    entries = _folder_navs(core_docs).get(folder)
    if entries is None:
        return (core_docs / folder).is_dir()
    for entry in entries:
        pattern = entry.get("glob") if isinstance(entry, dict) and "glob" in entry else _nav_value(entry)
        if isinstance(pattern, str) and fnmatch.fnmatch(name, pattern):
            return True
    return False


def load(root: Path, manual: Manual, core_docs: Path, core_pages: set[str]) -> Edition:
    """Read and validate ``root/edition.yml`` against the core ``manual``."""
    root = Path(root).resolve()
    file = f"{root.name}/{EDITION_FILE}"
    parsed = _read(root)
    if not isinstance(parsed.value, dict):
        raise DataErrors([DataError(file, 1, "", "expected a mapping of fields at the top of the file")])
    data = parsed.value
    local_pages = _docs_pages(root / "docs")
    agency_sources = {s.get("id") for s in data.get("sources") or [] if isinstance(s, dict)}
    from_data = {src for src, (_, record) in manual.generated_pages().items() if record.get("local")}
    known = {
        "agency-source": {s for s in agency_sources if isinstance(s, str)},
        "local-page": set(local_pages) | from_data,  # its docs/ pages and the pages of its data/
        "core-page": set(core_pages),
        "page": set(core_pages) | set(local_pages) | from_data,
        # a core navigation entry, or one of its own pages placed under pages:
        "nav-entry": _nav_entries(core_docs) | {p.get("page") for p in data.get("pages") or []
                                                if isinstance(p, dict) and isinstance(p.get("page"), str)},
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
    # every local page has a place in the navigation: under pages:, or in a core
    # folder whose navigation lists it with no edit (a pattern its name matches)
    placed = {p.get("page") for p in data.get("pages") or [] if isinstance(p, dict)}
    for page in local_pages:
        if page not in placed and not ("/" in page and _listed_by_folder(core_docs, page)) and page not in core_pages:
            errors.append(DataError(f"{root.name}/docs/{page}", 1, "",
                                    f"this page has no place in the navigation; list it under pages: in "
                                    f"{EDITION_FILE} with the entry it comes after (one of: "
                                    f"{', '.join(sorted(e for e in known['nav-entry'] if '/' not in e))}, "
                                    f"or a page of its folder), or put it in a folder that lists every page"))
    earlier: dict[str, str] = {}  # a page placed above -> the folder whose list it joined
    for i, placed_page in enumerate(data.get("pages") or []):
        after = placed_page.get("after") if isinstance(placed_page, dict) else None
        page = placed_page.get("page") if isinstance(placed_page, dict) else None
        if not (isinstance(after, str) and isinstance(page, str)):
            continue
        folder = earlier.get(after, after.rpartition("/")[0] if after not in placed else None)
        if folder is None:
            errors.append(DataError(file, parsed.line_of(("pages", i, "after")), f"pages[{i}].after",
                                    f"'{after}' is placed further down under pages:; list it first"))
        elif folder and folder != page.rpartition("/")[0]:
            errors.append(DataError(file, parsed.line_of(("pages", i, "after")), f"pages[{i}].after",
                                    f"'{page}' can go after a page of its own folder only; "
                                    f"'{after}' is in {folder}/"))
        earlier[page] = folder or ""
    hidden = {h.get("page") for h in data.get("hidden") or [] if isinstance(h, dict)}
    local_terms = {t.get("id") for t in data.get("terms") or [] if isinstance(t, dict)}
    for i, note in enumerate(data.get("notes") or []):
        target = note.get("on") if isinstance(note, dict) else None
        if isinstance(target, str) and ":" in target:
            kind, _, record_id = target.partition(":")
            records = manual.records.get(NOTE_KINDS.get(kind, ""), {})
            if kind in NOTE_KINDS and record_id not in records and not (kind == "term" and record_id in local_terms):
                errors.append(DataError(file, parsed.line_of(("notes", i, "on")), f"notes[{i}].on",
                                        f"unknown {kind} '{record_id}'; known: {', '.join(sorted(records))}"))
            elif kind in NOTE_KINDS and record_id in records and manual.page_of(kind, record_id).partition("#")[0] in hidden:
                errors.append(DataError(file, parsed.line_of(("notes", i, "on")), f"notes[{i}].on",
                                        f"{kind} '{record_id}' is on a page this edition hides "
                                        f"({manual.page_of(kind, record_id).partition('#')[0]})"))
    if errors:
        raise DataErrors(errors)
    return Edition(root, data, local_pages)


def _read(root: Path):
    """edition.yml parsed (its syntax errors stop here, before anything else)."""
    file = f"{root.name}/{EDITION_FILE}"
    try:
        return parse((root / EDITION_FILE).read_text(encoding="utf-8"))
    except YamlSyntaxError as exc:
        raise DataErrors([DataError(file, exc.line, "", exc.message)]) from None


def overlay(root: Path) -> Overlay:
    """What the core's loader needs to read the edition's own data/ (worksheets,
    training modules, ... in the core's kinds and schemas) with the core's: the
    ids of its agency sources, which that data cites, and what it replaces."""
    root = Path(root).resolve()
    data = _read(root).value
    data = data if isinstance(data, dict) else {}
    sources = data.get("sources") if isinstance(data.get("sources"), list) else []
    replaces = data.get("replaces") if isinstance(data.get("replaces"), list) else []
    return Overlay(root / "data", root / "docs",
                   known={"source": {s["id"] for s in sources if isinstance(s, dict) and isinstance(s.get("id"), str)}},
                   replaces=frozenset(r for r in replaces if isinstance(r, str)),
                   edition_file=f"{root.name}/{EDITION_FILE}")


def core_pages_of(manual: Manual, core_docs: Path) -> set[str]:
    """The core's pages: its docs/ and the pages of its own records (not the edition's)."""
    from . import pages

    local = {src for src, (_, record) in manual.generated_pages().items() if record.get("local")}
    local |= {src for src, (_, _, record) in manual.printout_pages().items() if record.get("local")}
    return (set(_docs_pages(core_docs)) | set(pages.generated(manual))) - local


def load_manual(data_dir: Path, core_docs: Path, root: Path | None) -> tuple[Manual, Edition | None]:
    """The manual as it is built: the core's data/ alone, or with an edition
    (``root``) its data/ read beside the core's, edition.yml validated, and the
    result as the edition shows it (:func:`apply`)."""
    if root is None:
        return load_data(data_dir, core_docs), None
    manual = load_data(data_dir, core_docs, overlay(root))
    edition = load(root, manual, core_docs, core_pages_of(manual, core_docs))
    from . import pages

    edition.hidden_titles = {src: str(page.front["title"]) for src, page in pages.generated(manual).items()
                             if src in edition.hidden}  # their pages are not made at all
    return apply(manual, edition), edition


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
    shown = dataclasses.replace(manual, meta=meta, records=records, _once={})
    return without_hidden(shown, set(edition.hidden))  # gone from every listing too


def placements(edition: Edition) -> list[tuple[str, str, str, str | None]]:
    """Where each page under pages: goes: (the folder whose navigation list it
    joins, '' for the top; the entry it follows, as that list writes it; the page,
    as that list writes it; its title or None). After a page placed above it, a
    page joins that page's list."""
    joined: dict[str, tuple[str, str]] = {}
    out = []
    for placed in edition.data.get("pages", []):
        after, page = placed["after"], placed["page"]
        if after in joined:
            folder, value = joined[after]
        else:
            folder, _, value = after.rpartition("/")
        shown = page[len(folder) + 1:] if folder else page
        joined[page] = (folder, shown)
        out.append((folder, value, shown, placed.get("title")))
    return out


def notes_by_target(edition: Edition) -> dict[tuple[str, str], list[dict]]:
    """(kind, id) -> the edition's notes on that record, in file order."""
    out: dict[tuple[str, str], list[dict]] = {}
    for note in edition.data.get("notes", []):
        kind, _, record_id = note["on"].partition(":")
        out.setdefault((kind, record_id), []).append(note)
    return out
