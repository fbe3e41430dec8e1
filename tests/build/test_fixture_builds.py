"""Build small fixture projects with the real plugin, macros and theme: a good one
builds; broken ones fail with every message and write no site."""
from __future__ import annotations

import re
import subprocess
import sys

from builds import ENV, ROOT, make_project, mkdocs_build


def test_good_fixture_builds_every_generated_page(tmp_path):
    project = make_project(tmp_path, "good")
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr
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


def test_broken_fixture_fails_with_every_error_and_writes_nothing(tmp_path):
    project = make_project(tmp_path, "broken")
    site = tmp_path / "site"
    result = mkdocs_build(project, site)
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


def test_check_command_reports_the_same_errors(tmp_path):
    project = make_project(tmp_path, "broken")
    result = subprocess.run([sys.executable, "-m", "permanency", "check"], cwd=project,
                            capture_output=True, text=True, env=ENV)
    assert result.returncode == 1
    assert result.stderr.splitlines()[0] == "5 data errors found; nothing was built:"
    assert "Traceback" not in result.stderr


def test_undefined_variable_in_a_page_fails_the_build(tmp_path):
    project = make_project(tmp_path, "good")
    (project / "docs/extra.md").write_text(
        "---\ntitle: Extra\nlast_reviewed: 2026-01-31\nrender_macros: true\n---\n# Extra\n\n{{ no_such_variable }}\n"
    )
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "no_such_variable" in result.stderr


def test_unknown_macro_argument_fails_the_build(tmp_path):
    project = make_project(tmp_path, "good")
    (project / "docs/extra.md").write_text(
        "---\ntitle: Extra\nlast_reviewed: 2026-01-31\nrender_macros: true\n---\n# Extra\n\n{{ program_page('rfaa') }}\n"
    )
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode != 0
    assert "rfaa" in result.stderr


def test_page_without_last_reviewed_fails_strict_build(tmp_path):
    project = make_project(tmp_path, "good")
    (project / "docs/extra.md").write_text("# Extra\n\nNo front matter.\n")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 1
    assert "extra.md: front matter has no 'last_reviewed' date" in result.stderr


def test_real_data_passes_check():
    result = subprocess.run([sys.executable, "-m", "permanency", "check"], cwd=ROOT,
                            capture_output=True, text=True, env=ENV)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("data OK:")
