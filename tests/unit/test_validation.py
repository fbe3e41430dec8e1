"""Each validation rule, asserting the exact file, line, field and message a
person editing data/ would read."""
from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from permanency.errors import DataErrors
from permanency.model import load
from helpers import GOOD, copy_data, edit, errors



@pytest.fixture
def data(tmp_path) -> Path:
    """A writable copy of the good fixture's data/ and docs/."""
    return copy_data(GOOD, tmp_path)


def write(data: Path, rel: str, text: str) -> None:
    (data / rel).write_text(textwrap.dedent(text).lstrip("\n"), encoding="utf-8")




def test_good_fixture_loads(data):
    manual = load(data, data.parent / "docs")
    assert list(manual.programs) == ["p3"]
    assert [b["number"] for b in manual.behaviors.values()] == [1, 2]
    assert manual.version == "9.9"


def test_yaml_syntax_error_names_file_and_line(data):
    edit(data, "programs/p3.yml", "abbreviation: P3", "abbreviation: [P3")
    assert errors(data) == [
        "data/programs/p3.yml:4: YAML syntax error: expected ',' or ']', but got ':'",
    ]


def test_duplicate_key(data):
    edit(data, "programs/p3.yml", "kind: program\n", "kind: program\nkind: practice\n")
    assert errors(data) == ["data/programs/p3.yml:5: kind: duplicate key 'kind' (first on line 4)"]


def test_duplicate_id_across_files(data):
    shutil.copy(data / "programs/p3.yml", data / "programs/p3-copy.yml")
    assert errors(data) == [
        "data/programs/p3-copy.yml:1: id: id 'p3' does not match the file name; expected 'p3-copy.yml' (id 'p3-copy')",
        "data/programs/p3.yml:1: id: duplicate program id 'p3'; first defined at data/programs/p3-copy.yml:1",
    ]


def test_missing_required_field(data):
    edit(data, "programs/p3.yml", "who_it_serves: Youth aged 12 and older in care more than 24 months.\n", "")
    assert errors(data) == ["data/programs/p3.yml:1: who_it_serves: missing required field 'who_it_serves'"]


def test_wrong_type(data):
    edit(data, "programs/p3.yml", "value: 29", "value: twenty-nine")
    assert errors(data) == ["data/programs/p3.yml:15: figures[0].value: expected a number, got the text 'twenty-nine'"]


def test_wrong_type_list_expected(data):
    edit(data, "programs/p3.yml", "related_programs: []", "related_programs: p3")
    assert errors(data) == ["data/programs/p3.yml:34: related_programs: expected a list, got the text 'p3'"]


def test_unknown_reference_lists_known_ids(data):
    edit(data, "programs/p3.yml", "related_behaviors: [engage-important-people]",
         "related_behaviors:\n  - be-accountable\n  - enagage-family")
    assert errors(data) == [
        "data/programs/p3.yml:35: related_behaviors[1]: unknown behavior 'enagage-family'; "
        "known: be-accountable, engage-important-people",
    ]


def test_unknown_source(data):
    edit(data, "programs/p3.yml", "source: {source: la-dcfs-p3, section: Results}", "source: {source: la-p3, section: Results}", first=True)
    assert errors(data) == [
        "data/programs/p3.yml:19: figures[0].source.source: unknown source 'la-p3'; "
        "known: aecf-tfsc-2020, capp-cfpm, casey-sacramento-2017, cdss-cpm-ccr, la-dcfs-p3",
    ]


@pytest.mark.parametrize("bad", ["2026-02-30", "2026-13-01", "31/01/2026", "2026-1-5"])
def test_bad_date(data, bad):
    edit(data, "programs/p3.yml", "last_reviewed: 2026-01-31", f"last_reviewed: {bad}")
    assert errors(data) == [
        f"data/programs/p3.yml:38: last_reviewed: expected a real date written YYYY-MM-DD; got '{bad}'",
    ]


def test_empty_string(data):
    edit(data, "programs/p3.yml", "run_by: Los Angeles County DCFS with the Consortium for Children", 'run_by: "  "')
    assert errors(data) == ["data/programs/p3.yml:6: run_by: must not be empty"]


def test_unknown_field(data):
    edit(data, "programs/p3.yml", "kind: program\n", "kind: program\ncolour: blue\n")
    (msg,) = errors(data)
    assert msg.startswith("data/programs/p3.yml:5: colour: unknown field 'colour'; allowed: abbreviation, figures, id, kind,")


def test_html_in_a_title_field_is_rejected(data):
    edit(data, "programs/p3.yml", "name: Permanency Partners Program", "name: P3 <script>alert(1)</script>")
    assert errors(data) == [
        "data/programs/p3.yml:2: name: expected non-empty text without < or > (it becomes a page title); "
        "got 'P3 <script>alert(1)</script>'",
    ]


def test_id_must_match_file_name(data):
    shutil.move(data / "practice-behaviors/02-engage-important-people.yml", data / "practice-behaviors/03-engage.yml")
    assert errors(data) == [
        "data/practice-behaviors/03-engage.yml:1: id: id 'engage-important-people' does not match the file name; "
        "expected 'NN-<id>.yml' with a two-digit number (id 'engage')",
        "data/practice-behaviors/03-engage.yml:2: number: expected 3, the number in the file name; got 2",
    ]


def test_unknown_data_file(data):
    write(data, "notes.yml", "a: 1\n")
    (msg,) = errors(data)
    assert msg.startswith("data/notes.yml:1: not a known kind of data file; expected one of: data/sources.yml")


def test_empty_file(data):
    write(data, "programs/p3.yml", "")
    assert errors(data) == ["data/programs/p3.yml:1: expected a mapping of fields at the top of the file (the file is empty)"]


def test_unknown_page_in_changelog(data):
    edit(data, "manual.yml", "pages: [index.md, programs/p3.md]", "pages: [index.md, programs/p4.md]")
    (msg,) = errors(data)
    assert msg.startswith("data/manual.yml:9: changelog[0].changes[0].pages[1]: unknown page 'programs/p4.md'; known: index.md,")


def test_all_errors_reported_together(data):
    edit(data, "programs/p3.yml", "value: 29", "value: many")
    edit(data, "practice-behaviors/01-be-accountable.yml", "number: 1", "number: one")
    edit(data, "manual.yml", "date: 2026-01-31", "date: 2026-02-31")
    found = errors(data)
    assert len(found) == 4, found
    assert [m.split(":")[0] for m in found] == [
        "data/manual.yml", "data/practice-behaviors/01-be-accountable.yml",
        "data/practice-behaviors/01-be-accountable.yml", "data/programs/p3.yml",
    ]


def test_report_has_a_count_and_one_line_per_error(data):
    edit(data, "programs/p3.yml", "value: 29", "value: many")
    with pytest.raises(DataErrors) as info:
        load(data, data.parent / "docs")
    assert info.value.report().splitlines() == [
        "1 data error found; nothing was built:",
        "  data/programs/p3.yml:15: figures[0].value: expected a number, got the text 'many'",
    ]


def test_see_also_names_pages_that_exist(data):
    edit(data, "programs/p3.yml", "related_behaviors: [engage-important-people]",
         "see_also:\n  - page: index.md\n    text: Home\n  - page: pcr/nowhere.md\n    text: Lost\n"
         "related_behaviors: [engage-important-people]")
    (msg,) = errors(data)
    assert msg.startswith("data/programs/p3.yml:36: see_also[1].page: unknown page 'pcr/nowhere.md'; known: index.md,")


def test_a_long_list_of_known_ids_names_the_closest(data):
    from permanency.model.schemas import known_list as _known_list
    pages = {f"training/handouts/module-{n}.md" for n in range(30)} | {"tools/pcr-review.md"}
    assert _known_list("tools/pcr-reveiw.md", pages) == "closest known: tools/pcr-review.md (of 31)"
    assert _known_list("x", {"a", "b"}) == "known: a, b"
