"""Data errors: each says file, line, field and what was expected."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class DataError:
    file: str
    line: int
    field: str
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}"
        return f"{where}: {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


class DataErrors(Exception):
    """All the problems found in data/, reported together."""

    what = "data error"

    def __init__(self, errors: list[DataError]):
        self.errors = sorted(set(errors))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.errors)
        head = f"{count} {self.what}{'s' if count != 1 else ''} found; nothing was built:"
        return "\n".join([head, *(f"  {e}" for e in self.errors)])


class PageErrors(DataErrors):
    """All the pages that cannot be rendered (docs/<page>.md:line: message)."""

    what = "page error"
