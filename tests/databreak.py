"""Breaking data in unit tests: a writable copy of a project's data/ and docs/,
the errors loading it gives, and an edit that says on which line it landed."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from permanency.errors import DataErrors
from permanency.loader import load


def copy_data(project: Path, tmp: Path) -> Path:
    """Copy ``project``'s data/ and docs/ into ``tmp``; return the copy's data/."""
    shutil.copytree(project / "data", tmp / "data")
    shutil.copytree(project / "docs", tmp / "docs")
    return tmp / "data"


def errors(data: Path) -> list[str]:
    """Every message loading ``data`` gives (it must fail)."""
    with pytest.raises(DataErrors) as info:
        load(data, data.parent / "docs")
    return [str(e) for e in info.value.errors]


def edit(data: Path, rel: str, old: str, new: str, first: bool = False) -> int:
    """Replace ``old``, which must stand in the file exactly once (or, with
    ``first``, at least once: the first is replaced), and return the line it
    starts on."""
    path = data / rel
    text = path.read_text(encoding="utf-8")
    if first:
        assert old in text, f"{old!r} not in {rel}"
    else:
        assert text.count(old) == 1, f"{old!r} is not in {rel} exactly once"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return text[: text.index(old)].count("\n") + 1
