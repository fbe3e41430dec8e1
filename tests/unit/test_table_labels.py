"""permanency/table_labels.py: every cell of a Markdown table named by its column,
and tables of three or more columns marked to become cards on a phone."""
from __future__ import annotations

import markdown


def html(text: str) -> str:
    return markdown.markdown(text, extensions=["tables", "abbr", "permanency.table_labels"])


def test_cells_take_their_column_heading_and_wide_tables_stack():
    out = html("| Phase | Time box | Clock |\n| --- | --- | --- |\n| 1. Open | 15 min | 0:00 |\n| **Total** | **120 min** | |\n")
    assert "<table data-stack=\"\">" in out
    assert '<td data-label="Phase">1. Open</td>' in out
    assert '<td data-label="Time box">15 min</td>' in out
    assert '<td data-label="Clock"></td>' in out  # an empty cell still says where it belongs
    assert '<th>Phase</th>' in out  # the headings themselves are unchanged


def test_heading_markup_becomes_plain_text_in_the_label():
    out = html("*[NREFM]: non-related, extended family member\n\n"
               "| Row | **Who** | [NREFM](x.md) found |\n| --- | --- | --- |\n| 1 | a | b |\n")
    assert '<td data-label="Who">a</td>' in out
    assert '<td data-label="NREFM found">b</td>' in out


def test_two_column_tables_stay_tables():
    out = html("| Abbreviation | Stands for |\n| --- | --- |\n| P3 | Permanency Partners Program |\n")
    assert "data-stack" not in out
    assert '<td data-label="Abbreviation">P3</td>' in out
