"""The review cycle: when each page was last reviewed, when it is next due, and
which pages are past due.

The interval is data (``review_interval_months`` in data/manual.yml). A page's
``last_reviewed`` is its record's (a program, behavior, outcome, worksheet,
training module, source document or editor's note) or, for a hand-written page,
its front matter's. ``last_reviewed`` plus the interval is the date it is due.
An agency edition's own pages, data files and sources count too (named by the
edition's files), and the core pages it hides do not.
"""
from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from mkdocs.utils import meta as front_matter

from .model import KINDS, Manual

DEFAULT_INTERVAL_MONTHS = 12


@dataclass(frozen=True)
class Reviewed:
    page: str  # docs-relative page (with #anchor for a source on the Sources page)
    file: str  # the file an editor opens to review it: data/... or docs/...
    last_reviewed: dt.date


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus whole months; the 31st becomes the month's last day."""
    month = day.month - 1 + months
    year, month = day.year + month // 12, month % 12 + 1
    return dt.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def interval_months(manual: Manual) -> int:
    return int(manual.meta.get("review_interval_months", DEFAULT_INTERVAL_MONTHS))


def _date(value) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def _front_matter_dates(docs_dir: Path, shown_as: str) -> list[Reviewed]:
    out = []
    for path in sorted(docs_dir.rglob("*.md")) if docs_dir.is_dir() else []:
        meta = front_matter.get_data(path.read_text(encoding="utf-8"))[1]
        when = _date(meta.get("last_reviewed"))
        if when:
            rel = path.relative_to(docs_dir).as_posix()
            out.append(Reviewed(rel, f"{shown_as}/{rel}", when))
    return out


def reviewed_pages(manual: Manual, docs_dir: Path | str, edition=None) -> list[Reviewed]:
    """Every page (and source entry) with its review date and the file it lives
    in; with an ``edition`` (permanency/edition.py), its own pages and sources
    too, and none of the core pages it hides."""
    root = manual.root.parent
    out: list[Reviewed] = []
    for kind in KINDS:
        if not (kind.page and kind.pattern and kind.id_from_name):
            continue
        files = {kind.id_from_name(p.stem)[0]: p.relative_to(root).as_posix() for p in manual.root.glob(kind.pattern)}
        for record_id, record in manual.records.get(kind.name, {}).items():
            when = _date(record.get("last_reviewed"))
            file = manual.local_files.get((kind.name, record_id)) or files.get(record_id)
            if when and file:
                out.append(Reviewed(kind.page(record), file, when))
    for source_id, source in manual.sources.items():
        when = _date(source.get("last_reviewed"))
        if when:
            file = f"{edition.root.name}/edition.yml" if source.get("agency") and edition else "data/sources.yml"
            out.append(Reviewed(f"sources.md#{source_id}", file, when))
    docs_dir = Path(docs_dir)
    out += _front_matter_dates(docs_dir, docs_dir.name)
    if edition is not None:
        local = _front_matter_dates(edition.docs_dir, f"{edition.root.name}/docs")
        replaced = {item.page for item in local}
        out = [item for item in out if item.page not in edition.hidden and item.page not in replaced] + local
    return out


def past_due(items: list[Reviewed], months: int, today: dt.date) -> list[tuple[dt.date, Reviewed]]:
    """(due date, item) for every item due on or before ``today``, oldest review
    first (then by page)."""
    due = [(add_months(item.last_reviewed, months), item) for item in items]
    return sorted(((d, i) for d, i in due if d <= today), key=lambda di: (di[1].last_reviewed, di[1].page))
