"""Command line.

``python -m permanency check [--data DIR] [--docs DIR]`` validates every data file
and prints every problem, one per line, as ``file:line: field: message``. Exit
status 0 when the data is good, 1 otherwise.

``python -m permanency check --edition DIR`` also validates an edition's edition.yml
and its own data/ (worksheets, training modules, ...) with the core's.
``python -m permanency zip [--site site] [--out dist]`` zips the built site into one
versioned offline copy (offline_zip.py).

``python -m permanency render --out DIR [--config mkdocs.yml] [--pdfs]`` writes
the whole manual as plain Markdown with front matter, plus the generator's
config, into DIR (render_manual.py); `mkdocs build -f DIR/mkdocs.yml` builds it.
Exit status 0, or 1 with every data or page error listed.

``python -m permanency csp SITE`` fills in the content security policy of every
page of a site built from the rendered tree (csp.py). Exit status 0.

``python -m permanency review-due [--today YYYY-MM-DD] [--edition DIR]`` lists every
page whose review is due (its last_reviewed plus the manual's review interval is
today or earlier), oldest review first, with the file to open; with --edition,
the edition's own pages, data and sources too, and not its hidden pages. Exit status 0.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
import time

from pathlib import Path

from . import review_cycle
from .errors import DataErrors


def _plural(word: str, n: int) -> str:
    if n == 1:
        return word
    return word[:-1] + "ies" if word.endswith("y") and word[-2:-1] not in "aeiou" else word + "s"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m permanency")
    sub = parser.add_subparsers(dest="command", required=True)
    check = sub.add_parser("check", help="validate data/ against the schemas and cross-references")
    check.add_argument("--data", default="data", help="the data folder (default: data)")
    check.add_argument("--docs", default="docs", help="the docs folder, for page references (default: docs)")
    check.add_argument("--edition", help="an edition's folder: validate its edition.yml against the core too")
    render = sub.add_parser("render", help="write the manual as plain Markdown and a generator config into DIR")
    render.add_argument("--out", required=True, help="the folder to write (emptied first)")
    render.add_argument("--config", default="mkdocs.yml", help="the project's MkDocs config (default: mkdocs.yml)")
    render.add_argument("--pdfs", action="store_true", help="pages marked pdf: link their PDFs (as `make pdf` builds)")
    offline = sub.add_parser("zip", help="zip the built site (and its PDFs) into one versioned offline copy")
    offline.add_argument("--site", default="site", help="the built site (default: site)")
    offline.add_argument("--config", default="build/rendered/mkdocs.yml",
                         help="the render step's mkdocs.yml the site was built from (default: build/rendered/mkdocs.yml)")
    offline.add_argument("--out", default="dist", help="the folder to write the ZIP into (default: dist)")
    policy = sub.add_parser("csp", help="fill in the content security policy of every page of a built site")
    policy.add_argument("site", help="the built site's folder")
    due = sub.add_parser("review-due", help="list the pages past their review date, oldest first")
    due.add_argument("--data", default="data", help="the data folder (default: data)")
    due.add_argument("--docs", default="docs", help="the docs folder (default: docs)")
    due.add_argument("--today", type=_day, default=None, help="the date to check against (default: today)")
    due.add_argument("--edition", help="an edition's folder: its own pages too, its hidden pages left out")
    args = parser.parse_args(argv)
    if args.command == "render":
        return _render(args)
    if args.command == "zip":
        from .offline_zip import offline_zip

        print(offline_zip(Path(args.site), Path(args.config), Path(args.out)))
        return 0
    if args.command == "csp":
        from .csp import apply_to_site

        print(f"content security policy filled in on {apply_to_site(Path(args.site))} pages of {args.site}")
        return 0

    from . import edition as editions

    start = time.perf_counter()
    try:
        manual, edition = editions.load_manual(Path(args.data), Path(args.docs),
                                               Path(args.edition) if args.edition else None)
    except DataErrors as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    if args.command == "review-due":
        return _review_due(manual, args, edition)
    if edition is not None:
        local = len(edition.local_pages) + len(manual.local_files)
        print(f"edition OK: {edition.data['title']} ({local} local {_plural('page', local)})")
    counts = ", ".join(f"{len(v)} {_plural(k, len(v))}" for k, v in manual.records.items() if v)
    print(f"data OK: {len(manual.files)} files ({counts}) in {time.perf_counter() - start:.2f}s")
    return 0


def _render(args) -> int:
    from .render_manual import render_manual

    start = time.perf_counter()
    try:
        rendered = render_manual(Path(args.config), Path(args.out), pdfs=args.pdfs)
    except DataErrors as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    print(f"rendered {len(rendered.pages)} pages into {args.out} in {time.perf_counter() - start:.2f}s")
    return 0


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date written YYYY-MM-DD; got {text!r}") from None


def _review_due(manual, args, edition=None) -> int:
    today = args.today or dt.date.today()
    months = review_cycle.interval_months(manual)
    due = review_cycle.past_due(review_cycle.reviewed_pages(manual, args.docs, edition), months, today)
    print(f"{len(due)} {_plural('page', len(due))} past due on {today} "
          f"(reviewed every {months} months; oldest review first):")
    for when, item in due:
        print(f"  reviewed {item.last_reviewed}  due {when}  {item.page}  ({item.file})")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
