"""Load every file in data/ once, validate it against the JSON Schemas in
permanency/schemas, check the cross-references between records, and return a
read-only :class:`Manual`. All problems are collected and raised together as
:class:`DataErrors`; nothing here renders anything.
"""
from __future__ import annotations

import datetime as _dt
import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Callable, Iterable

import jsonschema
from jsonschema import ValidationError
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from .errors import DataError, DataErrors
from .yamlsource import Parsed, YamlSyntaxError, format_path, parse

SCHEMA_DIR = Path(__file__).parent / "schemas"


# --------------------------------------------------------------------------- kinds
@dataclass(frozen=True)
class Kind:
    """One kind of data file.

    ``pattern`` is a glob under data/. ``collection`` names the list that holds
    the records when one file holds many (sources.yml); ``None`` means one record
    per file. ``id_from_name`` says how the file name determines the record id.
    """

    name: str  # the word used in messages: "unknown program 'x'"
    pattern: str
    schema: str
    collection: str | None = None
    id_from_name: Callable[[str], tuple[str, int | None]] | None = None
    singleton: bool = False  # exactly one file, not a set of records
    page: Callable[[dict], str] | None = None  # docs-relative page for a record


_NUMBERED = re.compile(r"^(\d{2,})-([a-z0-9]+(?:-[a-z0-9]+)*)$")


def _plain_name(stem: str) -> tuple[str, None]:
    return stem, None


def _numbered_name(stem: str) -> tuple[str, int | None]:
    match = _NUMBERED.match(stem)
    if not match:
        return "", None
    return match.group(2), int(match.group(1))


KINDS: tuple[Kind, ...] = (
    Kind("source", "sources.yml", "sources.schema.json", collection="sources"),
    Kind(
        "program",
        "programs/*.yml",
        "program.schema.json",
        id_from_name=_plain_name,
        page=lambda r: f"programs/{r['id']}.md",
    ),
    Kind(
        "behavior",
        "practice-behaviors/*.yml",
        "practice-behavior.schema.json",
        id_from_name=_numbered_name,
        page=lambda r: f"practice-behaviors/{r['number']:02d}-{r['id']}.md",
    ),
    Kind("manual", "manual.yml", "manual.schema.json", singleton=True),
)
KIND_BY_NAME = {k.name: k for k in KINDS}


# ------------------------------------------------------------------------- schemas
@cache
def _schemas() -> dict[str, dict]:
    return {p.name: json.loads(p.read_text(encoding="utf-8")) for p in SCHEMA_DIR.glob("*.json")}


@cache
def _registry() -> Registry:
    return Registry().with_resources(
        (name, Resource.from_contents(schema, default_specification=DRAFT202012))
        for name, schema in _schemas().items()
    )


_format_checker = jsonschema.FormatChecker(formats=())


@_format_checker.checks("date", raises=ValueError)
def _is_real_date(value: object) -> bool:
    if not isinstance(value, str):
        return True
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        raise ValueError("not YYYY-MM-DD")
    _dt.date.fromisoformat(value)
    return True


def _validator_for(schema_name: str, known: dict[str, set[str]]):
    def x_ref(validator, kind, instance, schema):
        if isinstance(instance, str) and instance not in known.get(kind, set()):
            choices = ", ".join(sorted(known.get(kind, ()))) or "(none)"
            yield ValidationError(f"unknown {kind} '{instance}'; known: {choices}")

    cls = jsonschema.validators.extend(jsonschema.Draft202012Validator, {"x-ref": x_ref})
    return cls(_schemas()[schema_name], registry=_registry(), format_checker=_format_checker)


_TYPE_WORDS = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "array": "a list",
    "object": "a mapping of fields",
    "boolean": "true or false",
}


def _py_type(value: Any) -> str:
    if value is None:
        return "nothing (an empty value)"
    if isinstance(value, bool):
        return f"{str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value!r}"
    if isinstance(value, str):
        return f"the text {value!r}"
    if isinstance(value, list):
        return "a list"
    return "a mapping of fields"


def _expected(error: ValidationError) -> str | None:
    return error.schema.get("x-expected") if isinstance(error.schema, dict) else None


def _schema_errors(validator, parsed: Parsed, file: str, base: tuple = ()) -> Iterable[DataError]:
    instance = parsed.value
    for part in base:
        instance = instance[part]
    for error in validator.iter_errors(instance):
        path = base + tuple(error.absolute_path)
        kind = error.validator
        if kind == "required":
            missing = error.message.split("'")[1] if "'" in error.message else error.message
            yield DataError(file, parsed.line_of(path), format_path(path + (missing,)),
                            f"missing required field '{missing}'")
        elif kind == "additionalProperties":
            allowed = sorted(error.schema.get("properties", {}))
            extras = [k for k in error.instance if k not in allowed]
            for extra in extras:
                yield DataError(file, parsed.line_of(path + (extra,)), format_path(path + (extra,)),
                                f"unknown field '{extra}'; allowed: {', '.join(allowed)}")
        elif kind == "type":
            wanted = error.validator_value
            wanted = [wanted] if isinstance(wanted, str) else wanted
            words = " or ".join(_TYPE_WORDS.get(w, w) for w in wanted)
            yield DataError(file, parsed.line_of(path), format_path(path),
                            f"expected {words}, got {_py_type(error.instance)}")
        elif kind in ("minLength", "pattern") and isinstance(error.instance, str) and not error.instance.strip():
            yield DataError(file, parsed.line_of(path), format_path(path), "must not be empty")
        elif kind == "minItems":
            n = error.validator_value
            yield DataError(file, parsed.line_of(path), format_path(path),
                            f"must list at least {n} item{'s' if n != 1 else ''}")
        elif kind == "enum":
            expected = _expected(error) or "one of: " + ", ".join(map(str, error.validator_value))
            yield DataError(file, parsed.line_of(path), format_path(path),
                            f"expected {expected}; got {error.instance!r}")
        elif kind == "x-ref":
            yield DataError(file, parsed.line_of(path), format_path(path), error.message)
        else:
            expected = _expected(error)
            message = f"expected {expected}; got {error.instance!r}" if expected else error.message
            yield DataError(file, parsed.line_of(path), format_path(path), message)


# -------------------------------------------------------------------------- manual
@dataclass
class Record:
    kind: str
    data: dict
    file: str  # data-relative path as shown in messages, e.g. data/programs/arc.yml
    parsed: Parsed
    base: tuple  # where in the file this record sits: () or ("sources", 3)

    def line(self, *path) -> int:
        return self.parsed.line_of(self.base + tuple(path))


@dataclass
class Manual:
    """Everything in data/, validated. Records are plain dicts, ordered for display."""

    root: Path
    records: dict[str, dict[str, dict]] = field(default_factory=dict)
    meta: dict = field(default_factory=dict)
    files: list[str] = field(default_factory=list)

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
    def version(self) -> str:
        return self.meta["changelog"][0]["version"]

    @property
    def changed_on(self) -> str:
        return self.meta["changelog"][0]["date"]

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
        return KIND_BY_NAME[kind].page(self.records[kind][record_id])

    def generated_pages(self) -> dict[str, tuple[str, dict]]:
        """docs-relative path -> (kind, record) for every page made from a record."""
        pages = {}
        for kind in KINDS:
            if kind.page:
                for record in self.records.get(kind.name, {}).values():
                    pages[kind.page(record)] = (kind.name, record)
        return pages


def _rel(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root.parent).as_posix()
    except ValueError:  # pragma: no cover
        return path.as_posix()


def load(data_dir: Path | str, docs_dir: Path | str | None = None) -> Manual:
    """Parse, validate and cross-check all of ``data_dir``. Raises DataErrors."""
    data_dir = Path(data_dir).resolve()
    errors: list[DataError] = []
    records: list[Record] = []
    manual = Manual(root=data_dir)

    if not data_dir.is_dir():
        raise DataErrors([DataError(str(data_dir), 1, "", "data folder not found")])

    # 1. parse every file of every kind ---------------------------------------
    seen_files: set[Path] = set()
    parsed_files: list[tuple[Kind, Path, str, Parsed]] = []
    for kind in KINDS:
        paths = sorted(data_dir.glob(kind.pattern))
        if kind.singleton and not paths:
            errors.append(DataError(_rel(data_dir / kind.pattern, data_dir), 1, "",
                                    f"missing file: the manual needs data/{kind.pattern}"))
        for path in paths:
            seen_files.add(path)
            file = _rel(path, data_dir)
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
                                    + ", ".join(f"data/{k.pattern}" for k in KINDS)))

    # 2. split into records, collect ids --------------------------------------
    known: dict[str, set[str]] = {k.name: set() for k in KINDS}
    first_seen: dict[tuple[str, str], str] = {}
    for kind, path, file, parsed in parsed_files:
        if kind.singleton:
            records.append(Record(kind.name, parsed.value, file, parsed, ()))
            continue
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
            if not isinstance(record_id, str):
                continue
            if kind.id_from_name:
                expected_id, number = kind.id_from_name(path.stem)
                if expected_id != record_id:
                    hint = (f"'{path.stem}.yml'" if kind.id_from_name is _plain_name
                            else "'NN-<id>.yml' with a two-digit number")
                    errors.append(DataError(file, record.line("id"), "id",
                                            f"id '{record_id}' does not match the file name; expected {hint}"
                                            + (f" (id '{expected_id}')" if expected_id else "")))
                if number is not None and data.get("number") != number:
                    errors.append(DataError(file, record.line("number"), "number",
                                            f"expected {number}, the number in the file name; got {data.get('number')!r}"))
            key = (kind.name, record_id)
            if key in first_seen:
                errors.append(DataError(file, record.line("id"), "id",
                                        f"duplicate {kind.name} id '{record_id}'; first defined at {first_seen[key]}"))
            else:
                first_seen[key] = f"{file}:{record.line('id')}"
                known[kind.name].add(record_id)

    # a file that did not parse still declares its id through its name, so the
    # records that point at it do not report a second, derived error
    parsed_paths = {path for _, path, _, _ in parsed_files}
    for kind in KINDS:
        if kind.id_from_name:
            for path in data_dir.glob(kind.pattern):
                if path not in parsed_paths and kind.id_from_name(path.stem)[0]:
                    known[kind.name].add(kind.id_from_name(path.stem)[0])

    # pages a record may name: hand-written docs plus generated ones
    known["page"] = set()
    if docs_dir is not None:
        docs_dir = Path(docs_dir)
        known["page"] |= {p.relative_to(docs_dir).as_posix() for p in docs_dir.rglob("*.md")}
    # a generated page is named after its data file, so even a file that does not
    # parse still has a known page (one error, not a cascade)
    for kind in KINDS:
        if kind.page:
            folder = kind.pattern.split("/")[0]
            known["page"] |= {f"{folder}/{p.stem}.md" for p in data_dir.glob(kind.pattern)}

    # 3. schema + cross-reference validation ----------------------------------
    validated: set[int] = set()
    validators: dict[str, Any] = {}  # one per schema: building one costs more than using it
    for kind, path, file, parsed in parsed_files:
        if id(parsed) in validated:
            continue
        validated.add(id(parsed))
        if kind.schema not in validators:
            validators[kind.schema] = _validator_for(kind.schema, known)
        errors.extend(_schema_errors(validators[kind.schema], parsed, file))

    # 4. rules a schema cannot say ---------------------------------------------
    numbers: dict[int, str] = {}
    for record in records:
        if record.kind == "behavior" and isinstance(record.data.get("number"), int):
            n = record.data["number"]
            if n in numbers:
                errors.append(DataError(record.file, record.line("number"), "number",
                                        f"behavior number {n} is already used by {numbers[n]}"))
            numbers[n] = record.file

    if errors:
        raise DataErrors(errors)

    # 5. assemble the read-only view ----------------------------------------------
    for record in records:
        if record.kind == "manual":
            manual.meta = record.data
            continue
        manual.records.setdefault(record.kind, {})[record.data["id"]] = record.data
    manual.records["program"] = dict(sorted(manual.programs.items(), key=lambda kv: kv[1]["name"].lower()))
    manual.records["behavior"] = dict(sorted(manual.behaviors.items(), key=lambda kv: kv[1]["number"]))
    for kind in KINDS:
        manual.records.setdefault(kind.name, {})
    return manual
