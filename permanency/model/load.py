"""``load()``: read every file in data/ once, validate it against the JSON
Schemas, check the cross-references and the rules a schema cannot say, and
return a read-only :class:`Manual`. All problems are collected and raised
together as :class:`DataErrors`; nothing here renders anything."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import DataError, DataErrors
from ..yamlsource import Parsed, YamlSyntaxError, format_path, parse
from . import rules
from .kinds import KIND_BY_NAME, KINDS, Kind, plain_name
from .manual import Manual, Record, sort_key
from .schemas import schema_errors, validator_for


def _rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root.parent).as_posix()
    except ValueError:  # pragma: no cover
        return path.as_posix()


@dataclass(frozen=True)
class Overlay:
    """An agency edition's own data/ and docs/ (permanency/edition.py), read with
    the core's: files of the kinds that hold one record per file (worksheets,
    training modules, programs, ...), validated by the same schemas and rules.
    A record whose id the core already has is an error unless ``replaces``
    names the core record's page, and then the edition's record takes its place."""

    data_dir: Path  # <edition>/data
    docs_dir: Path  # <edition>/docs: its pages may be named like core pages
    known: dict[str, set[str]] = field(default_factory=dict)  # ids it defines elsewhere (its sources)
    replaces: frozenset[str] = frozenset()  # core pages it replaces
    edition_file: str = "edition.yml"  # where replaces: is written, for messages


def overlay_kinds() -> list[Kind]:
    """The kinds an edition's data/ may hold: one record per file, with a page."""
    return [k for k in KINDS if k.pattern and k.id_from_name and k.page]


def _overlay_paths(kind: Kind, overlay: Overlay | None) -> list[Path]:
    if overlay is None or kind not in overlay_kinds() or not overlay.data_dir.is_dir():
        return []
    return sorted(overlay.data_dir.glob(kind.pattern))


def _replaced(kind: Kind, core_paths: list[Path], overlay: Overlay | None) -> set[Path]:
    """The core files an edition's files of the same id replace (their page is
    under replaces:); the edition's record is read in their place."""
    local_ids = {kind.id_from_name(p.stem)[0] for p in _overlay_paths(kind, overlay)}
    return {p for p in core_paths if kind.id_from_name and kind.id_from_name(p.stem)[0] in local_ids
            and set(kind.pages_for_file(p.stem)) & overlay.replaces}


def load(data_dir: Path | str, docs_dir: Path | str | None = None, overlay: Overlay | None = None) -> Manual:
    """Parse, validate and cross-check all of ``data_dir`` (and an edition's
    ``overlay``, if given). Raises DataErrors."""
    data_dir = Path(data_dir).resolve()
    errors: list[DataError] = []
    records: list[Record] = []
    manual = Manual(root=data_dir)

    if not data_dir.is_dir():
        raise DataErrors([DataError(str(data_dir), 1, "", "data folder not found")])

    # 1. parse every file of every kind ---------------------------------------
    seen_files: set[Path] = set()
    parsed_files: list[tuple[Kind, Path, str, Parsed]] = []
    local_files: set[str] = set()  # the edition's, as named in messages
    for kind in KINDS:
        if kind.pattern is None:
            continue
        paths = sorted(data_dir.glob(kind.pattern))
        if kind.singleton and kind.required and not paths:
            errors.append(DataError(_rel(data_dir / kind.pattern, data_dir), 1, "",
                                    f"missing file: the manual needs data/{kind.pattern}"))
        replaced = _replaced(kind, paths, overlay)
        seen_files |= replaced
        local_paths = _overlay_paths(kind, overlay)
        for path in [p for p in paths if p not in replaced] + local_paths:
            seen_files.add(path)
            local = path in local_paths
            file = _rel(path, overlay.data_dir.parent if local else data_dir)
            if local:
                local_files.add(file)
            manual.files.append(file)
            try:
                parsed = parse(path.read_text(encoding="utf-8"))
            except YamlSyntaxError as exc:
                errors.append(DataError(file, exc.line, "", exc.message))
                continue
            except UnicodeDecodeError:
                errors.append(DataError(file, 1, "", "not UTF-8 text"))
                continue
            errors.extend(DataError(file, line, format_path(p), msg) for line, p, msg in parsed.problems)
            if not isinstance(parsed.value, dict):
                errors.append(DataError(file, 1, "", "expected a mapping of fields at the top of the file"
                                        + (" (the file is empty)" if parsed.value is None else "")))
                continue
            parsed_files.append((kind, path, file, parsed))

    for path in sorted(data_dir.rglob("*")):
        if path.is_file() and path not in seen_files and path.suffix in (".yml", ".yaml"):
            errors.append(DataError(_rel(path, data_dir), 1, "",
                                    "not a known kind of data file; expected one of: "
                                    + ", ".join(f"data/{k.pattern}" for k in KINDS if k.pattern)))
    if overlay is not None and overlay.data_dir.is_dir():
        for path in sorted(overlay.data_dir.rglob("*")):
            if path.is_file() and path not in seen_files and path.suffix in (".yml", ".yaml"):
                errors.append(DataError(_rel(path, overlay.data_dir.parent), 1, "",
                                        "an edition's data/ holds one record per file, of these kinds: "
                                        + ", ".join(f"data/{k.pattern}" for k in overlay_kinds())
                                        + f"; its sources, contacts, terms and notes go in {overlay.edition_file}"))

    # 2. split into records, collect ids --------------------------------------
    known: dict[str, set[str]] = {k.name: set() for k in KINDS}
    first_seen: dict[tuple[str, str], str] = {}
    documents: dict[str, dict] = {}
    def register(record: Record) -> None:
        """Remember a record's id (once per kind) and read its nested records."""
        record_id = record.data.get("id")
        if isinstance(record_id, str):
            key = (record.kind, record_id)
            if key in first_seen and record.file in local_files and record.base == ():
                core_file = first_seen[key].rpartition(":")[0]
                core_page = KIND_BY_NAME[record.kind].pages_for_file(Path(core_file).stem)[0]
                errors.append(DataError(record.file, record.line("id"), "id",
                                        f"'{record_id}' is a core {record.kind} id ({first_seen[key]}); choose "
                                        f"another id, or list '{core_page}' under replaces: in "
                                        f"{overlay.edition_file} to put this {record.kind} in its place"))
            elif key in first_seen:
                errors.append(DataError(record.file, record.line("id"), format_path(record.base + ("id",)),
                                        f"duplicate {record.kind} id '{record_id}'; first defined at {first_seen[key]}"))
            else:
                first_seen[key] = f"{record.file}:{record.line('id')}"
                known.setdefault(record.kind, set()).add(record_id)
        for field_name, child_kind in KIND_BY_NAME[record.kind].children:
            items = record.data.get(field_name)
            if not isinstance(items, list):
                continue
            for j, item in enumerate(items):
                if isinstance(item, dict):
                    child = Record(child_kind, item, record.file, record.parsed, record.base + (field_name, j))
                    records.append(child)
                    if isinstance(record_id, str) and isinstance(item.get("id"), str):
                        child.parent = (record.kind, record_id)
                    register(child)

    for kind, path, file, parsed in parsed_files:
        if kind.singleton:
            record = Record(kind.name, parsed.value, file, parsed, ())
            records.append(record)
            documents[kind.name] = parsed.value
            register(record)
            continue
        documents[kind.name] = parsed.value
        if kind.collection:
            items = parsed.value.get(kind.collection)
            bases = [(kind.collection, i) for i in range(len(items))] if isinstance(items, list) else []
        else:
            bases = [()]
        for base in bases:
            data = parsed.value
            for part in base:
                data = data[part]
            if not isinstance(data, dict):
                continue
            record = Record(kind.name, data, file, parsed, base)
            records.append(record)
            record_id = data.get("id")
            if isinstance(record_id, str) and kind.id_from_name:
                expected_id, number = kind.id_from_name(path.stem)
                if expected_id != record_id:
                    hint = (f"'{path.stem}.yml'" if kind.id_from_name is plain_name
                            else "'NN-<id>.yml' with a two-digit number")
                    errors.append(DataError(file, record.line("id"), "id",
                                            f"id '{record_id}' does not match the file name; expected {hint}"
                                            + (f" (id '{expected_id}')" if expected_id else "")))
                if number is not None and data.get("number") != number:
                    errors.append(DataError(file, record.line("number"), "number",
                                            f"expected {number}, the number in the file name; got {data.get('number')!r}"))
            register(record)

    # a file that did not parse still declares its id through its name, so the
    # records that point at it do not report a second, derived error
    parsed_paths = {path for _, path, _, _ in parsed_files}
    for kind in KINDS:
        if kind.id_from_name:
            for path in [*data_dir.glob(kind.pattern), *_overlay_paths(kind, overlay)]:
                if path not in parsed_paths and kind.id_from_name(path.stem)[0]:
                    known[kind.name].add(kind.id_from_name(path.stem)[0])

    # pages a record may name: hand-written docs plus generated ones
    known["page"] = set()
    if docs_dir is not None:
        docs_dir = Path(docs_dir)
        known["page"] |= {p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md")}
    if overlay is not None:  # the edition's own pages, and the ids it defines in edition.yml
        if overlay.docs_dir.is_dir():
            known["page"] |= {p.relative_to(overlay.docs_dir).as_posix() for p in overlay.docs_dir.rglob("*.md")}
        for name, ids in overlay.known.items():
            known.setdefault(name, set()).update(ids)
    # a generated page is named after its data file, so even a file that does not
    # parse still has a known page (one error, not a cascade)
    for kind in KINDS:
        if kind.page and kind.pattern:
            for p in [*data_dir.glob(kind.pattern), *_overlay_paths(kind, overlay)]:
                known["page"] |= set(kind.pages_for_file(p.stem))

    # 3. schema + cross-reference validation ----------------------------------
    validated: set[int] = set()
    validators: dict[str, Any] = {}  # one per schema: building one costs more than using it
    for kind, path, file, parsed in parsed_files:
        if id(parsed) in validated or kind.schema is None:
            continue
        validated.add(id(parsed))
        if kind.schema not in validators:
            validators[kind.schema] = validator_for(kind.schema, known)
        errors.extend(schema_errors(validators[kind.schema], parsed, file))

    # 4. rules a schema cannot say (permanency/model/rules/) -------------------
    errors.extend(rules.check(records))

    if errors:
        raise DataErrors(errors)

    # 5. assemble the read-only view ----------------------------------------------
    manual.documents = documents
    for record in records:
        if record.kind == "manual":
            manual.meta = record.data
            continue
        if KIND_BY_NAME[record.kind].singleton:
            continue
        manual.records.setdefault(record.kind, {})[record.data["id"]] = record.data
        if record.file in local_files and record.base == ():  # an edition's own record
            record.data["local"] = True
            manual.local_files[(record.kind, record.data["id"])] = record.file
        if record.parent:
            manual.parents[(record.kind, record.data["id"])] = record.parent
    manual.records["program"] = dict(sorted(manual.programs.items(), key=lambda kv: kv[1]["name"].lower()))
    manual.records["behavior"] = dict(sorted(manual.behaviors.items(), key=lambda kv: kv[1]["number"]))
    manual.records["outcome"] = dict(sorted(manual.outcomes.items(), key=lambda kv: kv[1]["title"].lower()))
    manual.records["event"] = dict(sorted(manual.events.items(), key=lambda kv: kv[1]["sort"]))
    manual.records["term"] = dict(sorted(manual.terms.items(), key=lambda kv: sort_key(kv[1]["term"])))
    for kind in KINDS:
        manual.records.setdefault(kind.name, {})
    return manual
