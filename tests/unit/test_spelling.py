"""Spelling: US English and no common misspelling in anything a reader sees (the
data, the pages, templates, theme overrides, README and CONTRIBUTING), checked by
codespell with its US-English dictionary. The manual's own words that codespell
might take for mistakes are in tests/spelling-words.txt."""
from __future__ import annotations

import subprocess
import sys

from helpers import ROOT

CHECKED = ["data", "docs", "permanency", "overrides", "README.md", "CONTRIBUTING.md"]


def codespell(*paths: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "codespell_lib", "--toml", str(ROOT / "pyproject.toml"), *paths],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )


def test_everything_a_reader_sees_is_spelled_in_us_english():
    result = codespell(*CHECKED)
    assert result.returncode == 0, "codespell found:\n" + result.stdout + result.stderr


def test_the_check_catches_british_spelling_and_typos(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("The liaisons travelled monthly; the colour of the recieved form.\n", encoding="utf-8")
    result = codespell(str(page))
    assert result.returncode != 0
    found = [line.split(": ", 1)[1] for line in result.stdout.splitlines()]
    assert found == ["travelled ==> traveled", "colour ==> color", "recieved ==> received"]


def test_the_manuals_own_words_are_not_flagged(tmp_path):
    page = tmp_path / "page.md"
    page.write_text("NREFM placements, STRTC and STRTP, the Wateridge office, selected spas.\n", encoding="utf-8")
    assert codespell(str(page)).returncode == 0
