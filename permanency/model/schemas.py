"""The JSON Schemas in permanency/schemas and the words of their errors: each
schema loaded once with its references inlined, a validator that knows the
``x-ref`` keyword (an id of a record of a kind, or a docs page), and every
jsonschema error turned into ``file:line: field: message`` a person editing
data/ can act on."""
from __future__ import annotations

import datetime as _dt
import difflib
import json
import re
from functools import cache
from pathlib import Path
from typing import Any, Iterable

import jsonschema
from jsonschema import ValidationError
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from ..errors import DataError
from ..yamlsource import Parsed, format_path

SCHEMA_DIR = Path(__file__).resolve().parent.parent / "schemas"

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


def inlined(schema_name: str) -> dict:
    """A schema with its references inlined, to walk a record along (hidden_pages.py)."""
    return _inlined(schema_name)


def known_list(wrong: str, known: set[str], limit: int = 20) -> str:
    """"known: a, b, c", or for a long list the closest few and how many exist."""
    if len(known) <= limit:
        return "known: " + (", ".join(sorted(known)) or "(none)")
    close = difflib.get_close_matches(wrong, sorted(known), n=5, cutoff=0.4)
    if close:
        return f"closest known: {', '.join(close)} (of {len(known)})"
    return f"known: {', '.join(sorted(known)[:limit])}, ... (of {len(known)})"


def validator_for(schema_name: str, known: dict[str, set[str]]):
    def x_ref(validator, kind, instance, schema):
        if kind == "page" and isinstance(instance, str):
            instance = instance.partition("#")[0]  # MkDocs checks the anchor itself
        if isinstance(instance, str) and instance not in known.get(kind, set()):
            yield ValidationError(f"unknown {kind} '{instance}'; {known_list(instance, known.get(kind, set()))}")

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


def schema_errors(validator, parsed: Parsed, file: str, base: tuple = ()) -> Iterable[DataError]:
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
