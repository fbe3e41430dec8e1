"""Small fixture projects built with the real plugin, macros and theme (each once
per run, see tests/conftest.py): a good one builds; broken ones fail with every
message and write no site."""
from __future__ import annotations

import re
import subprocess
import sys

from builds import ENV
from helpers import FIXTURES, ROOT


def test_good_fixture_builds_every_generated_page(good_site):
    site = good_site
    page = (site / "programs/p3/index.html").read_text()
    assert "<h1>Permanency Partners Program (P3)</h1>" in page
    assert "<strong>29 youth</strong>" in page
    assert (site / "practice-behaviors/02-engage-important-people/index.html").is_file()
    # a page that does not opt in keeps its {{ braces }} as prose
    assert "Prose with {{ braces }} that is not rendered" in (site / "index.html").read_text()
    # the provenance footer on every page
    assert "Version 9.9 (2026-01-31)" in page
    url = re.search(r'Current copy: <span class="manual-provenance__url">(.*?)</span>', page).group(1)
    assert url.replace("<wbr>", "") == "https://example.org/fixture/programs/p3/"
    assert "fixture/<wbr>programs/<wbr>p3/<wbr>" in url  # a phone breaks the address after a slash, not mid-word


def test_broken_fixture_fails_with_every_error_and_writes_nothing(fixture_build):
    result, site = fixture_build("broken")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    for line in [
        "ERROR   -  5 data errors found; nothing was built:",
        "  data/practice-behaviors/01-be-accountable.yml:10: sources[0].source: unknown source 'cdss-cpm'; known: "
        "aecf-tfsc-2020, capp-cfpm, casey-sacramento-2017, cdss-cpm-ccr, la-dcfs-p3",
        "  data/practice-behaviors/01-be-accountable.yml:11: last_reviewed: expected a real date written YYYY-MM-DD; got '2026-02-30'",
        "  data/practice-behaviors/02-engage-important-people.yml:4: short_name: duplicate key 'short_name' (first on line 3)",
        "  data/programs/p3.yml:15: figures[0].value: expected a number, got the text 'lots'",
        "  data/programs/p3.yml:33: related_behaviors[0]: unknown behavior 'enagage-family'; known: be-accountable, engage-important-people",
    ]:
        assert line in result.stderr.splitlines(), result.stderr
    assert not site.exists()


def test_check_command_reports_the_same_errors():
    result = subprocess.run([sys.executable, "-m", "permanency", "check"], cwd=FIXTURES / "broken",
                            capture_output=True, text=True, env=ENV)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == "5 data errors found; nothing was built:"
    assert "Traceback" not in result.stderr


def test_undefined_variable_in_a_page_fails_the_build(fixture_build):
    # tests/fixtures/undefined-variable: the good project plus docs/extra.md
    # calling {{ no_such_variable }}
    result, _ = fixture_build("undefined-variable")
    assert result.returncode != 0
    assert "no_such_variable" in result.stderr


def test_unknown_macro_argument_fails_the_build(fixture_build):
    # tests/fixtures/unknown-macro-argument: docs/extra.md calls program_page('rfaa')
    result, _ = fixture_build("unknown-macro-argument")
    assert result.returncode != 0
    assert "rfaa" in result.stderr


def test_page_without_last_reviewed_fails_strict_build(fixture_build):
    # tests/fixtures/no-last-reviewed: docs/extra.md has no front matter
    result, _ = fixture_build("no-last-reviewed")
    assert result.returncode == 1
    assert "  docs/extra.md:1: front matter has no 'last_reviewed' date" in result.stderr.splitlines()


def test_real_data_passes_check():
    result = subprocess.run([sys.executable, "-m", "permanency", "check"], cwd=ROOT,
                            capture_output=True, text=True, env=ENV)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("data OK:")
