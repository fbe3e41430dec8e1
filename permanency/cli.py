"""Command line.

``python -m permanency check [--data DIR] [--docs DIR]`` validates every data file
and prints every problem, one per line, as ``file:line: field: message``. Exit
status 0 when the data is good, 1 otherwise.

``python -m permanency review-due [--today YYYY-MM-DD]`` lists every page whose
review is due (its last_reviewed plus the manual's review interval is today or
earlier), oldest review first, with the file to open. Exit status 0.
"""
from __future__ import annotations

import argparse
import datetime as dt
import sys
import time

from . import review_cycle
from .errors import DataErrors
from .loader import load


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
    due = sub.add_parser("review-due", help="list the pages past their review date, oldest first")
    due.add_argument("--data", default="data", help="the data folder (default: data)")
    due.add_argument("--docs", default="docs", help="the docs folder (default: docs)")
    due.add_argument("--today", type=_day, default=None, help="the date to check against (default: today)")
    args = parser.parse_args(argv)

    start = time.perf_counter()
    try:
        manual = load(args.data, args.docs)
    except DataErrors as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    if args.command == "review-due":
        return _review_due(manual, args)
    counts = ", ".join(f"{len(v)} {_plural(k, len(v))}" for k, v in manual.records.items() if v)
    print(f"data OK: {len(manual.files)} files ({counts}) in {time.perf_counter() - start:.2f}s")
    return 0


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date written YYYY-MM-DD; got {text!r}") from None


def _review_due(manual, args) -> int:
    today = args.today or dt.date.today()
    months = review_cycle.interval_months(manual)
    due = review_cycle.past_due(review_cycle.reviewed_pages(manual, args.docs), months, today)
    print(f"{len(due)} {_plural('page', len(due))} past due on {today} "
          f"(reviewed every {months} months; oldest review first):")
    for when, item in due:
        print(f"  reviewed {item.last_reviewed}  due {when}  {item.page}  ({item.file})")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
