"""The HTML and CSS gate: every built page and every stylesheet the site ships,
checked by the current Nu HTML Checker (vnu.jar from the pinned vnu-jar package on
npm, which `make test` installs with `npm ci`; it needs Java, which `make test`
installs too). Errors that come from Material's own markup are listed, each with
its reason, in tests/html-known-issues.yml; any other error fails with its file
and line."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from builds import ROOT
from sitecheck import built_pages

KNOWN = Path(__file__).resolve().parent.parent / "html-known-issues.yml"
VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def stylesheets(site: Path) -> list[str]:
    """Every stylesheet the site ships (Material's and the manual's), site-relative."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.css"))


def vnu_messages(site: Path, files: list[str]) -> list[dict]:
    """The checker's report on ``files``: pages as HTML, *.css files as CSS
    (--also-check-css also checks any <style> in a page)."""
    java = shutil.which("java")
    if java is None:
        pytest.fail("Java is missing; the HTML checker needs it. `make test` installs it (scripts/ensure-java).")
    if not VNU.exists():
        pytest.fail(f"{VNU.relative_to(ROOT)} is missing: run `make test` (or `npm ci`), which installs it")
    result = subprocess.run(
        [java, "-Xss4m", "-jar", str(VNU), "--format", "json", "--errors-only", "--also-check-css", *files],
        cwd=site, capture_output=True, text=True, timeout=300,
    )
    # vnu writes its JSON report to stderr; exit status 1 just means "errors found"
    return json.loads(result.stderr)["messages"]


def known_issues() -> list[dict]:
    entries = yaml.safe_load(KNOWN.read_text(encoding="utf-8"))
    for entry in entries:
        assert {"message", "extract", "reason"} <= set(entry) <= {"message", "extract", "reason", "only_on"}, entry
        assert entry["reason"].strip(), entry
    return entries


def is_known(message: dict, entry: dict) -> bool:
    return bool(re.search(entry["message"], message.get("message", ""))
                and re.search(entry["extract"], message.get("extract", "")))


def html_problems(site: Path, pages: list[str], entries: list[dict]) -> tuple[list[str], list[int]]:
    """Errors not excused by an entry, as "page:line: message [markup]", and how
    many errors each entry excused."""
    used = [0] * len(entries)
    problems = []
    for message in vnu_messages(site, pages):
        if message["type"] not in ("error", "non-document-error"):
            continue
        hits = [i for i, e in enumerate(entries) if is_known(message, e)]
        for i in hits:
            used[i] += 1
        if not hits:
            page = message.get("url", "?").rsplit(str(site), 1)[-1].lstrip("/")
            extract = " ".join(message.get("extract", "").split())
            problems.append(f"{page}:{message.get('lastLine', '?')}: {message['message']} [{extract}]")
    return problems, used


def test_every_built_page_is_valid_html_and_every_stylesheet_valid_css(site):
    pages = built_pages(site)
    assert "index.html" in pages and "404.html" in pages
    css = stylesheets(site)
    assert "assets/stylesheets/manual.css" in css and any("main." in c for c in css), css
    entries = known_issues()
    problems, used = html_problems(site, pages + css, entries)
    assert not problems, f"{len(problems)} HTML or CSS errors in the built site:\n" + "\n".join(problems)
    stale = [e["message"] for e, n in zip(entries, used) if not n and "only_on" not in e]
    assert not stale, f"tests/html-known-issues.yml lists errors no page has any more; delete: {stale}"


def test_the_gate_reports_errors_of_our_own(site, tmp_path):
    """A page with a mistake of the manual's own (an image without alt text, a
    checkbox of ours with autocomplete) fails with its line, even though Material's
    look-alike errors on the same page stay excused; so does a misspelt property
    in a stylesheet, while current CSS passes."""
    page = (site / "index.html").read_text(encoding="utf-8")
    page = page.replace("</article>", '<img src="x.png"><input class="manual-x" type="checkbox" autocomplete="off"></article>', 1)
    (tmp_path / "bad.html").write_text(page, encoding="utf-8")
    # a stylesheet with one misspelt property among rules the 2020 checker wrongly
    # rejected (:has(), hsla() over a custom property, a newer property)
    (tmp_path / "bad.css").write_text(
        ".a:has(> p) { color: hsla(var(--manual-hue), 50%, 50%, 0.5); }\n"
        ".b { text-wrap: balance; }\n"
        ".c { colr: red; }\n",
        encoding="utf-8",
    )
    problems, used = html_problems(tmp_path, ["bad.html", "bad.css"], known_issues())
    assert len(problems) == 3, problems
    assert "An “img” element must have an “alt” attribute" in problems[0]
    assert problems[0].startswith("bad.html:")
    assert 'class="manual-x"' in problems[1]
    assert problems[2].startswith("bad.css:3: CSS: “colr”: Property “colr” doesn't exist."), problems[2]
    assert all(n for e, n in zip(known_issues(), used) if "only_on" not in e)
