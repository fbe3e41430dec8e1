"""Load every file in data/ once, validate it against the JSON Schemas in
permanency/schemas, check the cross-references between records, and return a
read-only :class:`Manual`. All problems are collected and raised together as
:class:`DataErrors`; nothing here renders anything.
"""
from __future__ import annotations

import datetime as _dt
import difflib
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

from .consult_check import consultation_rules  # consultation mode: time boxes, prompts
from .errors import DataError, DataErrors
from .rules_dated_wording import dated_wording_rules  # dated facts keep their date
from .rules_training import training_rules  # course: objectives tested, no answer signal
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
    pattern: str | None  # None: records nested in another kind's records
    schema: str | None
    collection: str | None = None
    id_from_name: Callable[[str], tuple[str, int | None]] | None = None
    singleton: bool = False  # one file, not a set of records
    required: bool = True  # a singleton the manual cannot do without
    page: Callable[[dict], str] | None = None  # docs-relative page generated for a record
    # records shown on a shared, hand-written page: "page.md#anchor"
    anchor: Callable[[dict], str] | None = None
    # (field, kind): each item of the list in `field` is a record of `kind`
    children: tuple[tuple[str, str], ...] = ()
    # the docs pages generated from a data file, from its name alone (so a page
    # is known even when its file does not parse); default <folder>/<stem>.md
    pages_for_file: Callable[[str], tuple[str, ...]] | None = None


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
    Kind(
        "outcome",
        "outcomes/*.yml",
        "outcome.schema.json",
        id_from_name=_plain_name,
        page=lambda r: f"outcomes/{r['id']}.md",
    ),
    Kind("event", "timeline.yml", "timeline.schema.json", collection="events"),
    Kind("manual", "manual.yml", "manual.schema.json", singleton=True),
    # the permanency case review as a practice: roles, stages, facilitation
    Kind(
        "pcr-practice",
        "pcr-practice.yml",
        "pcr-practice.schema.json",
        singleton=True,
        required=False,
        children=(("roles", "role"), ("stages", "stage"), ("styles", "facilitation-style"),
                  ("variations", "variation")),
    ),
    Kind("role", None, None, anchor=lambda r: f"pcr/roles.md#{r['id']}"),
    Kind("stage", None, None, anchor=lambda r: f"pcr/running-a-review.md#{r['id']}"),
    Kind("facilitation-style", None, None, anchor=lambda r: f"pcr/running-a-review.md#{r['id']}"),
    Kind("variation", None, None, anchor=lambda r: f"pcr/running-a-review.md#{r['id']}"),
    # the review question bank: phases in order, each with its questions
    Kind(
        "phase",
        "review-questions.yml",
        "review-questions.schema.json",
        collection="phases",
        anchor=lambda r: f"pcr/questions.md#{r['id']}",
        children=(("questions", "question"),),
    ),
    Kind("question", None, None, anchor=lambda r: f"pcr/questions.md#{r['id']}"),
    # legal and relational permanency, and the options under each
    Kind(
        "option-category",
        "permanency-options.yml",
        "permanency-options.schema.json",
        collection="categories",
        anchor=lambda r: f"permanency-options.md#{r['id']}",
        children=(("options", "option"),),
    ),
    Kind("option", None, None, anchor=lambda r: f"permanency-options.md#{r['id']}"),
    Kind(
        "data-element",
        "pcr-data-elements.yml",
        "pcr-data-elements.schema.json",
        collection="elements",
        anchor=lambda r: f"pcr/data-elements.md#{r['id']}",
    ),
    Kind(
        "lesson",
        "lessons-learned.yml",
        "lessons-learned.schema.json",
        collection="lessons",
        anchor=lambda r: f"pcr/lessons-learned.md#{r['id']}",
    ),
    Kind(
        "story",
        "case-stories.yml",
        "case-stories.schema.json",
        collection="stories",
        anchor=lambda r: f"pcr/case-stories.md#{r['id']}",
    ),
    Kind(
        "term",
        "glossary.yml",
        "glossary.schema.json",
        collection="terms",
        anchor=lambda r: f"glossary.md#{r['id']}",
    ),
    # printable worksheets drawn from the records above; one page each under tools/
    Kind(
        "worksheet",
        "worksheets/*.yml",
        "worksheet.schema.json",
        id_from_name=_plain_name,
        page=lambda r: f"tools/{r['id']}.md",
        pages_for_file=lambda stem: (f"tools/{stem}.md",),
    ),
    # training modules for new workers, numbered in the learning path's order
    Kind(
        "module",
        "training/*.yml",
        "module.schema.json",
        id_from_name=_numbered_name,
        page=lambda r: f"training/{r['number']:02d}-{r['id']}.md",
        # the module page, its participant handout and its facilitator guide
        pages_for_file=lambda stem: (
            f"training/{stem}.md",
            f"training/handouts/{_numbered_name(stem)[0]}.md",
            f"training/facilitator/{_numbered_name(stem)[0]}.md",
        ),
    ),
    # consultation mode and the quick reference (permanency/render_consult.py)
    Kind(
        "consultation",
        "consultation.yml",
        "consultation.schema.json",
        singleton=True,
        required=False,
        children=(("agenda", "agenda-phase"),),
    ),
    Kind("agenda-phase", None, None, anchor=lambda r: f"pcr/consultation.md#{r['id']}"),
    Kind("quick-reference", "quick-reference.yml", "quick-reference.schema.json", singleton=True, required=False),
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


_ANNOTATIONS = {"description", "title", "$comment", "examples", "default"}


def _inline(node: Any, doc: str, stack: tuple = ()) -> Any:
    """``node`` with every ``$ref`` replaced by the schema it points at (in this
    file or another in SCHEMA_DIR), so validation follows no references: the
    same rules, several times faster. A reference to a schema already being
    inlined (recursion) stays a ``$ref``."""
    if isinstance(node, list):
        return [_inline(item, doc, stack) for item in node]
    if not isinstance(node, dict):
        return node
    ref = node.get("$ref")
    if isinstance(ref, str) and ref.partition("#")[2].startswith("/"):
        file, _, pointer = ref.partition("#")
        file = file or doc
        key = (file, pointer)
        if key not in stack:
            target: Any = _schemas()[file]
            for part in pointer.strip("/").split("/"):
                target = target[part]
            resolved = _inline(target, file, stack + (key,))
            rest = {k: _inline(v, doc, stack) for k, v in node.items() if k != "$ref"}
            if set(rest) <= _ANNOTATIONS:
                return {**resolved, **rest}
            return {**rest, "allOf": [resolved, *rest.get("allOf", [])]}
        if file != doc:  # a recursive reference into another file: keep it absolute
            return {**node, "$ref": f"{file}#{pointer}"}
    return {k: _inline(v, doc, stack) for k, v in node.items()}


@cache
def _inlined(schema_name: str) -> dict:
    return _inline(_schemas()[schema_name], schema_name)


def _known_list(wrong: str, known: set[str], limit: int = 20) -> str:
    """"known: a, b, c", or for a long list the closest few and how many exist."""
    if len(known) <= limit:
        return "known: " + (", ".join(sorted(known)) or "(none)")
    close = difflib.get_close_matches(wrong, sorted(known), n=5, cutoff=0.4)
    if close:
        return f"closest known: {', '.join(close)} (of {len(known)})"
    return f"known: {', '.join(sorted(known)[:limit])}, ... (of {len(known)})"


def _validator_for(schema_name: str, known: dict[str, set[str]]):
    def x_ref(validator, kind, instance, schema):
        if kind == "page" and isinstance(instance, str):
            instance = instance.partition("#")[0]  # MkDocs checks the anchor itself
        if isinstance(instance, str) and instance not in known.get(kind, set()):
            yield ValidationError(f"unknown {kind} '{instance}'; {_known_list(instance, known.get(kind, set()))}")

    cls = jsonschema.validators.extend(jsonschema.Draft202012Validator, {"x-ref": x_ref})
    return cls(_inlined(schema_name), registry=_registry(), format_checker=_format_checker)


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
    _generated: dict | None = field(default=None, repr=False, compare=False)

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
        """docs-relative path -> (kind, record) for every page made from a record.
        Worked out once: the records do not change after loading."""
        if self._generated is None:
            self._generated = {
                kind.page(record): (kind.name, record)
                for kind in KINDS if kind.page
                for record in self.records.get(kind.name, {}).values()
            }
        return self._generated


def sort_key(text: str) -> str:
    """Alphabetical order as a reader expects it: case and punctuation ignored."""
    return re.sub(r"[^0-9a-z ]", "", text.casefold())


# Anchors the component templates give their own headings on the shared pages
# (permanency/templates/components/*.md.j2); a record id must not take one.
PAGE_HEADINGS: dict[str, frozenset[str]] = {
    "pcr/roles.md": frozenset({"sources"}),
    "pcr/running-a-review.md": frozenset({"stages", "facilitation-styles", "model-fidelity", "variations", "sources"}),
    "pcr/questions.md": frozenset({"sources"}),
    "permanency-options.md": frozenset({"sources"}),
    "pcr/data-elements.md": frozenset({"what-to-count", "lessons", "sources"}),
    "pcr/lessons-learned.md": frozenset({"sources"}),
    "pcr/case-stories.md": frozenset({"sources"}),
    "glossary.md": frozenset(f"letter-{c}" for c in "abcdefghijklmnopqrstuvwxyz#"),
    "pcr/consultation.md": frozenset({"timer", "before-the-review", "agenda", "closing", "closing-record", "sources"}),
}


def _shared_page_anchors(records: list[Record]) -> Iterable[DataError]:
    """Records shown on one hand-written page each get an #anchor from their id,
    so ids must differ across the kinds that share a page (a question and a phase
    on pcr/questions.md), and must not take an anchor of the page's own headings."""
    seen: dict[str, tuple[Record, str]] = {}
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


def _glossary_rules(records: list[Record]) -> Iterable[DataError]:
    """An abbreviation says how the sources spell it out, or that they do not;
    a term has no expansion; every spelling marked as an abbreviation is unique."""
    spellings: dict[str, str] = {}
    for record in records:
        if record.kind != "term":
            continue
        data, base = record.data, record.base
        if data.get("kind") == "abbreviation":
            has = [f for f in ("expansion", "not_expanded") if f in data]
            if not has:
                yield DataError(record.file, record.line(), format_path(base),
                                f"abbreviation '{data.get('term')}' needs 'expansion' (as a source spells it "
                                "out) or 'not_expanded' (saying that the sources do not)")
            elif len(has) == 2:
                yield DataError(record.file, record.line("not_expanded"), format_path(base + ("not_expanded",)),
                                "give 'expansion' or 'not_expanded', not both")
            for path, spelling in [(("term",), data.get("term"))] + [
                (("forms", i), f) for i, f in enumerate(data.get("forms") or [])
            ]:
                if not isinstance(spelling, str):
                    continue
                if spelling in spellings:
                    yield DataError(record.file, record.line(*path), format_path(base + path),
                                    f"abbreviation '{spelling}' is already defined at {spellings[spelling]}")
                else:
                    spellings[spelling] = f"{record.file}:{record.line(*path)}"
        elif data.get("kind") == "term":
            for name in ("expansion", "not_expanded", "forms"):
                if name in data:
                    yield DataError(record.file, record.line(name), format_path(base + (name,)),
                                    f"only an abbreviation has '{name}'; set kind: abbreviation or remove it")


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
        if kind.pattern is None:
            continue
        paths = sorted(data_dir.glob(kind.pattern))
        if kind.singleton and kind.required and not paths:
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
                                    + ", ".join(f"data/{k.pattern}" for k in KINDS if k.pattern)))

    # 2. split into records, collect ids --------------------------------------
    known: dict[str, set[str]] = {k.name: set() for k in KINDS}
    first_seen: dict[tuple[str, str], str] = {}
    documents: dict[str, dict] = {}
    def register(record: Record) -> None:
        """Remember a record's id (once per kind) and read its nested records."""
        record_id = record.data.get("id")
        if isinstance(record_id, str):
            key = (record.kind, record_id)
            if key in first_seen:
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
                    hint = (f"'{path.stem}.yml'" if kind.id_from_name is _plain_name
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
        if kind.page and kind.pattern:
            folder = kind.pattern.split("/")[0]
            for p in data_dir.glob(kind.pattern):
                known["page"] |= set(kind.pages_for_file(p.stem) if kind.pages_for_file else (f"{folder}/{p.stem}.md",))

    # 3. schema + cross-reference validation ----------------------------------
    validated: set[int] = set()
    validators: dict[str, Any] = {}  # one per schema: building one costs more than using it
    for kind, path, file, parsed in parsed_files:
        if id(parsed) in validated or kind.schema is None:
            continue
        validated.add(id(parsed))
        if kind.schema not in validators:
            validators[kind.schema] = _validator_for(kind.schema, known)
        errors.extend(_schema_errors(validators[kind.schema], parsed, file))

    # 4. rules a schema cannot say ---------------------------------------------
    # numbered kinds (behaviors, training modules): a number is used once per kind
    numbers: dict[tuple[str, int], str] = {}
    for record in records:
        n = record.data.get("number")
        if KIND_BY_NAME[record.kind].id_from_name is _numbered_name and isinstance(n, int) \
                and not isinstance(n, bool):
            if (record.kind, n) in numbers:
                errors.append(DataError(record.file, record.line("number"), "number",
                                        f"{record.kind} number {n} is already used by {numbers[record.kind, n]}"))
            numbers.setdefault((record.kind, n), record.file)
    program_figures = {
        r.data["id"]: [f.get("id") for f in _dicts(r.data.get("figures"))]
        for r in records if r.kind == "program" and isinstance(r.data.get("id"), str)
    }
    for record in records:
        if record.kind == "program":
            for i, figure in _indexed(record.data.get("figures")):
                errors.extend(_figure_rules(record, ("figures", i), figure))
        elif record.kind == "outcome":
            errors.extend(_outcome_rules(record, program_figures))
        elif record.kind == "event":
            errors.extend(_event_rules(record))
    errors.extend(_shared_page_anchors(records))
    errors.extend(_glossary_rules(records))
    errors.extend(_worksheet_rules(records))
    errors.extend(_module_rules(records))
    errors.extend(training_rules(records))
    errors.extend(consultation_rules(records))
    errors.extend(dated_wording_rules(records))

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


# ------------------------------------------------------- rules beyond the schemas
def _dicts(value) -> list[dict]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def _indexed(value) -> list[tuple[int, dict]]:
    return [(i, v) for i, v in enumerate(value) if isinstance(v, dict)] if isinstance(value, list) else []


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

    for g, group in _indexed(record.data.get("groups")):
        gpath = ("groups", g)
        yield from unique("group", group.get("id"), gpath + ("id",))
        figures = {}
        for i, figure in _indexed(group.get("figures")):
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
        for c, chart in _indexed(group.get("charts")):
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


def _duplicates(record: Record, entries: Iterable[tuple[tuple, Any]], what: str,
                where: str = "") -> Iterable[DataError]:
    """An error for each repeated value among ``(path, value)`` entries of one
    record, naming the line of its first use."""
    seen: dict[str, int] = {}
    for path, value in entries:
        if not isinstance(value, str):
            continue
        line = record.line(*path)
        if value in seen:
            yield DataError(record.file, line, format_path(path),
                            f"duplicate {what} '{value}'{where}; first used on line {seen[value]}")
        else:
            seen[value] = line


def _worksheet_rules(records: list[Record]) -> Iterable[DataError]:
    """What a worksheet's schema cannot say: section ids are unique in the sheet,
    a table column names a label or a data element, choices go with input
    'choices', an options section names categories or options, and a scale is for
    a question the section shows."""
    for record in records:
        if record.kind != "worksheet":
            continue
        sections = list(_indexed(record.data.get("sections")))
        yield from _duplicates(record, ((("sections", s, "id"), sec.get("id")) for s, sec in sections),
                               "section id")
        for s, section in sections:
            base = ("sections", s)
            kind = section.get("kind")
            for c, column in _indexed(section.get("columns")):
                cpath = base + ("columns", c)
                if "label" not in column and "element" not in column:
                    yield DataError(record.file, record.line(*cpath), format_path(cpath),
                                    "a column needs a label, an element (a data element id), or both")
                if (column.get("input") == "choices") != ("choices" in column):
                    yield DataError(record.file, record.line(*cpath), format_path(cpath + ("choices",)),
                                    "give choices with input: choices, and only then")
            if kind == "options" and "categories" not in section and "options" not in section:
                yield DataError(record.file, record.line(*base), format_path(base),
                                "an options section needs categories, options or both")
            if kind == "questions" and "phases" in section and "questions" in section:
                yield DataError(record.file, record.line(*base, "questions"), format_path(base + ("questions",)),
                                "give phases or questions, not both")
            for i, scale in _indexed(section.get("scales")):
                spath = base + ("scales", i)
                if isinstance(scale.get("from"), int) and isinstance(scale.get("to"), int) and scale["from"] >= scale["to"]:
                    yield DataError(record.file, record.line(*spath, "to"), format_path(spath + ("to",)),
                                    f"expected a number above from ({scale['from']}); got {scale['to']}")
                listed = section.get("questions")
                if isinstance(listed, list) and scale.get("question") not in listed:
                    yield DataError(record.file, record.line(*spath, "question"), format_path(spath + ("question",)),
                                    f"question '{scale.get('question')}' is not among this section's questions")


def _module_rules(records: list[Record]) -> Iterable[DataError]:
    """A training module's agenda adds up to its estimated time, its question ids
    are unique, and each question has exactly one correct option."""
    for record in records:
        if record.kind != "module":
            continue
        data = record.data
        facilitator = data.get("facilitator") if isinstance(data.get("facilitator"), dict) else {}
        agenda = _dicts(facilitator.get("agenda"))
        minutes = data.get("estimated_minutes")
        if agenda and isinstance(minutes, int) and all(isinstance(a.get("minutes"), int) for a in agenda):
            total = sum(a["minutes"] for a in agenda)
            if total != minutes:
                yield DataError(record.file, record.line("facilitator", "agenda"), "facilitator.agenda",
                                f"the agenda adds up to {total} minutes; expected {minutes}, "
                                "the module's estimated_minutes")
        questions = list(_indexed(data.get("knowledge_check")))
        yield from _duplicates(record, ((("knowledge_check", i, "id"), q.get("id")) for i, q in questions),
                               "question id", " in this module")
        for i, question in questions:
            qpath = ("knowledge_check", i)
            options = question.get("options")
            if not isinstance(options, list) or not options:
                continue
            correct = [j for j, o in _indexed(options) if o.get("correct") is True]
            if not correct:
                yield DataError(record.file, record.line(*qpath, "options"), format_path(qpath + ("options",)),
                                "expected exactly one option with 'correct: true'; none is marked correct")
            for j in correct[1:]:
                yield DataError(record.file, record.line(*qpath, "options", j, "correct"),
                                format_path(qpath + ("options", j, "correct")),
                                f"expected exactly one option with 'correct: true'; option {correct[0] + 1} "
                                f"is already correct, and this is option {j + 1}")
