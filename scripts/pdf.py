#!/usr/bin/env python3
"""PDFs of the manual (`make pdf`).

1. Builds the site into site/ for PDFs: the render step with --pdfs into
   build/rendered-pdf/ (every page whose front matter has `pdf:` then links its
   PDFs, overrides/partials/print-actions.html, the home page links the whole
   manual, and mkdocs-print-site-plugin is on, writing print_page.html, the whole
   manual as one page), then MkDocs on that tree.
2. Serves site/ on a free 127.0.0.1 port and, in Debian's headless Chromium
   through Playwright (permanency/printing.py, the function the tests use), prints:
   - every page whose front matter has `pdf:` (`pdf: true`, or a mapping such
     as `pdf: {orientation: landscape}`), on US Letter and on A4, to
     site/pdf/<slug>-letter.pdf and site/pdf/<slug>-a4.pdf, where <slug> is the
     page's source path without ".md", "/" made "-" (tools/pcr-review.md ->
     tools-pcr-review);
   - the whole manual as a book (permanency/book.py): cover, contents with page
     numbers, every page in the order of the navigation, bookmarks chapter >
     page > heading, one PDF per paper size (site/pdf/manual-letter.pdf,
     site/pdf/manual-a4.pdf). print_page.html is then removed from site/: the
     published site is the pages the tests check, plus the PDFs.
   Every PDF is tagged (structure tree, /Lang en-US, its title shown by the
   viewer), with bookmarks, a running footer ("page N of M"), link addresses
   printed, and links that lead to the published site (`site_url`).

Nothing here knows which pages exist: a page gets its PDFs by having `pdf:` in
its front matter. Run `python scripts/pdf.py --help` for options.
"""
from __future__ import annotations

import argparse
import io
import os
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from permanency.book import print_book  # noqa: E402
from permanency.local_site import serve, site_path  # noqa: E402
from permanency.printing import CHROMIUM, CHROMIUM_ARGS, pdf_slug, print_pdf  # noqa: E402
PAPERS = {"letter": "Letter", "a4": "A4"}
BOOK = "print_page.html"  # mkdocs-print-site-plugin's page: the whole manual


@dataclass(frozen=True)
class Page:
    src_uri: str  # docs-relative source, e.g. "tools/pcr-review.md"
    url: str  # site-relative URL of the built page, e.g. "tools/pcr-review.html"
    title: str
    pdf: object  # the front matter's `pdf:` value (None when absent)

    @property
    def slug(self) -> str:
        return pdf_slug(self.src_uri)

    @property
    def landscape(self) -> bool:
        return isinstance(self.pdf, dict) and self.pdf.get("orientation") == "landscape"


RENDERED = ROOT / "build" / "rendered-pdf"


def site_pages(project: Path = RENDERED) -> list[Page]:
    """Every page of the site in navigation order (pages outside the navigation
    last, by path), with its front matter's `pdf:`. Runs MkDocs' own file and
    navigation steps with the site's plugins on the rendered tree, so generated
    pages and the nav files (awesome-nav) count exactly as in a build."""
    from mkdocs.config import load_config
    from mkdocs.structure.files import get_files
    from mkdocs.structure.nav import get_navigation
    from mkdocs.utils import meta as front_matter

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    cwd = os.getcwd()
    os.chdir(project)
    try:
        config = load_config(str(project / "mkdocs.yml"))
        config.plugins.on_startup(command="build", dirty=False)
        config = config.plugins.on_config(config)
        files = config.plugins.on_files(get_files(config), config=config)
        nav = config.plugins.on_nav(get_navigation(files, config), config=config, files=files)
    finally:
        os.chdir(cwd)
    ordered = [p.file for p in nav.pages]
    rest = sorted((f for f in files.documentation_pages() if f not in ordered), key=lambda f: f.src_uri)
    pages = []
    for file in ordered + rest:
        meta = front_matter.get_data(file.content_string)[1]
        pages.append(Page(file.src_uri, file.url, str(meta.get("title") or file.src_uri), meta.get("pdf")))
    return pages


def build(site: Path, project: Path = ROOT, rendered: Path = RENDERED) -> None:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    for command in ([sys.executable, "-m", "permanency", "render", "--pdfs", "--out", str(rendered)],
                    [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(rendered / "mkdocs.yml"),
                     "-d", str(site)],
                    [sys.executable, "-m", "permanency", "csp", str(site)]):
        result = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True)
        if result.returncode != 0:
            sys.stderr.write(result.stderr)
            raise SystemExit("pdf: the site did not build; nothing was printed")


def launch(playwright):
    if not Path(CHROMIUM).exists():
        raise SystemExit("pdf: Debian's chromium is missing (/usr/bin/chromium); run `make test` or "
                         "`bash scripts/ensure-chromium` first")
    return playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)


def page_count(data: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(data)).pages)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="scripts/pdf.py", description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", default=str(ROOT / "site"), help="where to build the site (default: site/)")
    parser.add_argument("--no-build", action="store_true", help="print the site already built for PDFs (and its build/rendered-pdf/)")
    parser.add_argument("--pages-only", action="store_true", help="skip the whole-manual PDFs")
    parser.add_argument("--project", default=str(ROOT),
                        help="the folder whose mkdocs.yml the render step reads: the core (default) or an agency edition")
    args = parser.parse_args(argv)
    site = Path(args.site).resolve()
    project = Path(args.project).resolve()

    start = time.perf_counter()
    if not args.no_build:
        build(site, project)
    pages = site_pages()
    marked = [p for p in pages if p.pdf]
    out = site / "pdf"
    out.mkdir(parents=True, exist_ok=True)

    from playwright.sync_api import sync_playwright

    base, httpd = serve(site, site_path(project / "mkdocs.yml"))
    rows = []
    try:
        with sync_playwright() as pw:
            browser = launch(pw)
            tab = browser.new_page()
            for p in marked:
                for key, paper in PAPERS.items():
                    data = print_pdf(tab, base + p.url, paper, p.landscape)
                    name = f"{p.slug}-{key}.pdf"
                    (out / name).write_bytes(data)
                    rows.append((name, page_count(data)))
            if not args.pages_only:
                for key, paper in PAPERS.items():
                    name = f"manual-{key}.pdf"
                    data = print_book(tab, base + BOOK, paper)
                    (out / name).write_bytes(data)
                    rows.append((name, page_count(data)))
            browser.close()
    finally:
        httpd.shutdown()
    (site / BOOK).unlink(missing_ok=True)

    shown = out.relative_to(ROOT).as_posix() if out.is_relative_to(ROOT) else out.as_posix()
    width = max(len(name) for name, _ in rows) if rows else 10
    for name, count in rows:
        print(f"{(shown + '/' + name):<{width + len(shown) + 1}}  {count:>4} page{'s' if count != 1 else ''}")
    print(f"pdf: {len(marked)} page{'s' if len(marked) != 1 else ''} marked `pdf:`, "
          f"{len(rows)} PDFs in {shown}/ in {time.perf_counter() - start:.0f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
