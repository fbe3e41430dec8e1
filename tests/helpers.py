"""What tests share: the repository's paths, the Markdown extensions the site
uses, the good fixture's manual, and breaking data in a writable copy (with the
errors loading it gives, and an edit that says on which line it landed)."""
from __future__ import annotations

import copy
import functools
import shutil
from pathlib import Path

import markdown
import pytest

from permanency.errors import DataErrors
from permanency.model import load

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
GOOD = FIXTURES / "good"
# the Markdown extensions a unit test renders a component with (the site's own)
EXTENSIONS = ["abbr", "admonition", "attr_list", "def_list", "md_in_html", "tables", "toc"]


def html(md_text: str, extensions: list[str] = EXTENSIONS) -> str:
    """A component's Markdown as the site renders it."""
    return markdown.markdown(md_text, extensions=extensions)


@functools.cache
def _good_manual():
    return load(GOOD / "data", GOOD / "docs")


def good_manual():
    """The good fixture's manual, loaded once per run; each call gets its own
    copy to change."""
    return copy.deepcopy(_good_manual())


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
