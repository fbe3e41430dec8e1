"""Command line: ``python -m permanency check [--data DIR] [--docs DIR]``.

Validates every data file and prints every problem, one per line, as
``file:line: field: message``. Exit status 0 when the data is good, 1 otherwise.
"""
from __future__ import annotations

import argparse
import sys
import time

from .errors import DataErrors
from .model import load


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
    args = parser.parse_args(argv)

    start = time.perf_counter()
    try:
        manual = load(args.data, args.docs)
    except DataErrors as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    counts = ", ".join(f"{len(v)} {_plural(k, len(v))}" for k, v in manual.records.items() if v)
    print(f"data OK: {len(manual.files)} files ({counts}) in {time.perf_counter() - start:.2f}s")
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
