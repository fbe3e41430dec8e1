"""Command line.

``python -m permanency check [--data DIR] [--docs DIR]`` validates every data
file and prints every problem, one per line, as ``file:line: field: message``.

``python -m permanency check --edition DIR`` also validates an edition's edition.yml.
``python -m permanency zip [--site site] [--out dist]`` zips the built site into one
versioned offline copy (offline_zip.py).

``python -m permanency render --out DIR [--config mkdocs.yml] [--pdfs]`` writes
the whole manual as plain Markdown with front matter, plus the generator's
config, into DIR (render_manual.py); `mkdocs build -f DIR/mkdocs.yml` builds it.

Exit status 0 when all is well, 1 otherwise.
"""
from __future__ import annotations

import argparse
import sys
import time

from pathlib import Path

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
    render = sub.add_parser("render", help="write the manual as plain Markdown and a generator config into DIR")
    render.add_argument("--out", required=True, help="the folder to write (emptied first)")
    render.add_argument("--config", default="mkdocs.yml", help="the project's MkDocs config (default: mkdocs.yml)")
    render.add_argument("--pdfs", action="store_true", help="pages marked pdf: link their PDFs (as `make pdf` builds)")
    check.add_argument("--edition", help="an edition's folder: validate its edition.yml against the core too")
    offline = sub.add_parser("zip", help="zip the built site (and its PDFs) into one versioned offline copy")
    offline.add_argument("--site", default="site", help="the built site (default: site)")
    offline.add_argument("--config", default="build/rendered/mkdocs.yml",
                         help="the render step's mkdocs.yml the site was built from (default: build/rendered/mkdocs.yml)")
    offline.add_argument("--out", default="dist", help="the folder to write the ZIP into (default: dist)")
    args = parser.parse_args(argv)
    if args.command == "render":
        return _render(args)
    if args.command == "zip":
        from .offline_zip import offline_zip

        print(offline_zip(Path(args.site), Path(args.config), Path(args.out)))
        return 0

    start = time.perf_counter()
    try:
        manual = load(args.data, args.docs)
    except DataErrors as exc:
        print(exc.report(), file=sys.stderr)
        return 1
    if args.edition:
        from . import edition as editions
        from . import pages
        from .render_manual import source_pages

        try:
            found = editions.load(Path(args.edition), manual, Path(args.docs),
                                  set(source_pages(Path(args.docs))) | set(pages.generated(manual)))
        except DataErrors as exc:
            print(exc.report(), file=sys.stderr)
            return 1
        print(f"edition OK: {found.data['title']} ({len(found.local_pages)} local {_plural('page', len(found.local_pages))})")
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


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
