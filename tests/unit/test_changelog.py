"""The change log as data: which version last changed each page, and how the log
renders (newest first, each version a dated section, pages named by title)."""
from __future__ import annotations

import markdown
import pytest

from permanency import render
from permanency.model import load
from helpers import GOOD, copy_data, good_manual



@pytest.fixture
def fixture_manual():
    manual = good_manual()
    manual.meta["changelog"] = [
        {"version": "1.1", "date": "2026-03-01",
         "changes": [{"text": "Newer P3 figures.", "pages": ["programs/p3.md"]}]},
        {"version": "1.0", "date": "2026-01-31",
         "changes": [{"text": "First edition.", "pages": ["index.md", "programs/p3.md"]},
                     {"text": "Sources added.", "pages": ["sources.md"]}]},
    ]
    return manual


def test_each_page_gets_the_newest_version_that_lists_it(fixture_manual):
    assert fixture_manual.page_changes() == {
        "programs/p3.md": {"version": "1.1", "date": "2026-03-01"},
        "index.md": {"version": "1.0", "date": "2026-01-31"},
        "sources.md": {"version": "1.0", "date": "2026-01-31"},
    }


def test_newest_date_wins_even_when_the_log_is_out_of_order(fixture_manual):
    fixture_manual.meta["changelog"].reverse()
    assert fixture_manual.page_changes()["programs/p3.md"] == {"version": "1.1", "date": "2026-03-01"}


def test_release_anchor():
    assert render.release_anchor("1.2.0") == "v1-2-0"


def test_change_log_renders_dated_sections_and_page_titles(fixture_manual):
    md = render.changelog(fixture_manual, "changelog.md",
                          {"programs/p3.md": "Permanency Partners Program (P3)", "index.md": "Home"})
    out = markdown.markdown(md, extensions=["attr_list", "md_in_html", "toc"])
    assert out.index('data-version="1.1"') < out.index('data-version="1.0"')
    assert '<section class="manual-release" data-date="2026-03-01" data-version="1.1">' in out
    assert '<h2 id="v1-1">Version 1.1 (2026-03-01)</h2>' in out
    assert '<a href="programs/p3.md">Permanency Partners Program (P3)</a>' in out
    assert '<a href="index.md">Home</a>' in out
    # a page with no known title is named by its path
    assert '<a href="sources.md">sources.md</a>' in out
    # the filter is there but hidden until its script shows it
    assert '<form class="manual-since" data-manual-since hidden>' in out
    assert '<label class="manual-si' in out and 'for="manual-since-date"' in out


def test_change_log_escapes_its_text(fixture_manual):
    fixture_manual.meta["changelog"][0]["changes"][0]["text"] = 'Fixed <script>alert(1)</script> and [a](javascript:x)'
    out = markdown.markdown(render.changelog(fixture_manual, "changelog.md", {}), extensions=["attr_list", "md_in_html"])
    assert "<script>" not in out and "&lt;script&gt;" in out
    assert 'href="javascript:x"' not in out


def test_numbered_file_names_may_have_more_than_two_digits(tmp_path):
    copy_data(GOOD, tmp_path)
    src = tmp_path / "data" / "practice-behaviors" / "02-engage-important-people.yml"
    text = src.read_text(encoding="utf-8").replace("number: 2", "number: 100")
    src.unlink()
    (tmp_path / "data" / "practice-behaviors" / "100-engage-important-people.yml").write_text(text, encoding="utf-8")
    manual = load(tmp_path / "data", tmp_path / "docs")
    assert [b["number"] for b in manual.behaviors.values()] == [1, 100]
