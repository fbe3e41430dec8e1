"""The second accessibility engine: HTML_CodeSniffer at WCAG2AA, through pa11y-ci
(pinned in package.json, installed by `make test` with `npm ci`), driving Debian's
Chromium over every built page served from the local server.

axe (tests/browser/test_gates.py) and HTML_CodeSniffer disagree in places; the
manual's own markup passes both. Errors HTML_CodeSniffer finds in Material's
markup are listed, each with its selector and reason, under `htmlcs:` in
tests/a11y-known-issues.yml; any other error fails with its page, rule and
element, and an entry that no longer matches anything fails too.
"""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from builds import ROOT
from sitecheck import built_pages

from permanency.printing import CHROMIUM, CHROMIUM_ARGS

PA11Y_CI = ROOT / "node_modules" / ".bin" / "pa11y-ci"
KNOWN = Path(__file__).resolve().parent.parent / "a11y-known-issues.yml"
MISSING = "this-page-does-not-exist.html"  # the 404 page, reached the way readers reach it


def pa11y(urls: list[str], tmp: Path) -> dict[str, list[dict]]:
    """HTML_CodeSniffer's errors (WCAG2AA) on each URL, by URL. A page pa11y could
    not test at all shows as an entry with a "message" and no "code"."""
    if not PA11Y_CI.exists():
        pytest.fail(f"{PA11Y_CI.relative_to(ROOT)} is missing: run `make test` (or `npm ci`), which installs it")
    config = {
        "defaults": {
            "standard": "WCAG2AA",
            "runners": ["htmlcs"],
            "includeWarnings": False,
            "includeNotices": False,
            "timeout": 120_000,
            "concurrency": 2,  # two pages at a time in one browser (its own contexts off: closing them races)
            "useIncognitoBrowserContext": False,
            "chromeLaunchConfig": {"executablePath": CHROMIUM, "args": CHROMIUM_ARGS},
        },
        "urls": urls,
    }
    path = tmp / "pa11y-ci.json"
    path.write_text(json.dumps(config), encoding="utf-8")
    report = tmp / "report.json"
    # the report goes to a file: pa11y-ci exits before a pipe takes more than 64 KiB
    with report.open("w", encoding="utf-8") as out:
        result = subprocess.run(
            [str(PA11Y_CI), "--config", str(path), "--json"],
            stdout=out, stderr=subprocess.PIPE, text=True, timeout=900, cwd=tmp,
            env={**os.environ, "PUPPETEER_SKIP_DOWNLOAD": "1"},
        )
    # exit status 2 just means "errors found"
    text = report.read_text(encoding="utf-8")
    assert text.strip(), f"pa11y-ci printed no report (exit {result.returncode}):\n{result.stderr}"
    return json.loads(text)["results"]


def known_issues() -> list[dict]:
    entries = yaml.safe_load(KNOWN.read_text(encoding="utf-8"))["htmlcs"]
    for entry in entries:
        assert set(entry) == {"code", "selector", "context", "reason"}, entry
        assert entry["reason"].strip(), entry
    return entries


def is_known(issue: dict, entry: dict) -> bool:
    return bool(
        re.search(entry["code"], issue["code"])
        and re.search(entry["selector"], issue["selector"])
        and re.search(entry["context"], issue.get("context", ""))
    )


def problems_in(results: dict[str, list[dict]], base: str, entries: list[dict]) -> tuple[list[str], list[int]]:
    """Errors no entry excuses, as "page: rule: selector: message [markup]", and
    how many errors each entry excused."""
    used = [0] * len(entries)
    problems = []
    for url, issues in results.items():
        page = url.removeprefix(base)
        for issue in issues:
            if "code" not in issue:
                problems.append(f"{page}: pa11y could not test the page: {issue.get('message')}")
                continue
            hits = [i for i, e in enumerate(entries) if is_known(issue, e)]
            for i in hits:
                used[i] += 1
            if not hits:
                context = " ".join(issue.get("context", "").split())
                problems.append(f"{page}: {issue['code']}: {issue['selector']}: {issue['message']} [{context}]")
    return problems, used


@pytest.fixture(scope="session")
def htmlcs(site, server, tmp_path_factory) -> dict[str, list[dict]]:
    urls = [server + (MISSING if rel == "404.html" else rel) for rel in built_pages(site)]
    return pa11y(urls, tmp_path_factory.mktemp("pa11y"))


def test_htmlcs_tested_every_page(site, server, htmlcs):
    expected = {server + (MISSING if rel == "404.html" else rel) for rel in built_pages(site)}
    assert set(htmlcs) == expected


def test_no_wcag2aa_error_in_the_manuals_own_markup(server, htmlcs):
    problems, _ = problems_in(htmlcs, server, known_issues())
    assert not problems, f"{len(problems)} HTML_CodeSniffer errors:\n" + "\n".join(problems)


def test_every_known_issue_still_matches(server, htmlcs):
    entries = known_issues()
    _, used = problems_in(htmlcs, server, entries)
    stale = [f"{e['code']} at {e['selector']}" for e, n in zip(entries, used) if not n]
    assert not stale, f"tests/a11y-known-issues.yml lists errors no page has any more; delete: {stale}"


def test_the_gate_reports_errors_of_our_own(site, tmp_path):
    """A form of the manual's own without a submit button, and an image without
    alt text, fail with their selectors, while Material's look-alike forms on the
    same page stay excused."""
    # a copy of the site: the other gates read the shared one meanwhile
    site = Path(shutil.copytree(site, tmp_path / "site"))
    page = (site / "changelog.html").read_text(encoding="utf-8")
    page = page.replace(
        "</article>",
        '<form class="manual-x"><label for="manual-x">Date</label><input id="manual-x" type="date"></form>'
        '<img src="x.png" class="manual-y"></article>',
        1,
    )
    bad = site / "bad-page-for-the-gate.html"  # beside the real pages, so its links resolve
    bad.write_text(page, encoding="utf-8")
    results = pa11y([bad.as_uri()], tmp_path)
    problems, used = problems_in(results, site.as_uri() + "/", known_issues())
    assert len(problems) == 2, problems
    assert any("H32.2" in p and 'class="manual-x"' in p for p in problems), problems
    assert any("H37" in p and "manual-y" in p for p in problems), problems
    assert sum(used) >= 2, "Material's palette and search forms are on the page and stay excused"
