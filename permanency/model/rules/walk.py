"""Small helpers the rules share: the dicts of a list (skipping what the schema
has already reported), and duplicates within one record."""
from __future__ import annotations

from typing import Any, Iterable

from ...errors import DataError
from ...yamlsource import format_path
from ..manual import Record


def dicts(value) -> list[dict]:
    return [v for v in value if isinstance(v, dict)] if isinstance(value, list) else []


def indexed(value) -> list[tuple[int, dict]]:
    return [(i, v) for i, v in enumerate(value) if isinstance(v, dict)] if isinstance(value, list) else []


def duplicates(record: Record, entries: Iterable[tuple[tuple, Any]], what: str,
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
