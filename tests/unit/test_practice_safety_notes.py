"""Practice-safety knowledge the five sources do not give a new worker (issue 18):
dated editor's notes citing the law, shown where a worker meets the topic (the
finding-connections and barriers modules, their handouts, the glossary, the
practice-after-the-course page), and no note where the manual is not certain."""
from __future__ import annotations

import html
import re

import pytest

from helpers import html as as_html
from permanency import render, render_training

NOTES = {
    "note-relative-notice-2008": "Public Law 110-351",
    "note-juvenile-case-file-827": "Welfare and Institutions Code section 827",
    "note-extended-foster-care-2010": "Assembly Bill 12, Chapter 559",
    "note-icwa-1978": "Public Law 95-608 (25 U.S.C. 1901 and following)",
    "note-icwa-inquiry-2018": "Welfare and Institutions Code section 224.2, as amended by Assembly Bill 3176",
}


def boxes(md_text: str) -> list[str]:
    """The text of every editor's-note box on a rendered page."""
    out = as_html(md_text)
    found = re.findall(r'<div class="admonition note manual-editor-note">(.*?)</div>', out, re.S)
    return [" ".join(html.unescape(re.sub(r"<[^>]+>", "", b)).split()) for b in found]


def test_each_practice_safety_note_names_its_law_by_number(manual):
    for note_id, number in NOTES.items():
        note = manual.sources[note_id]
        assert note["type"] == "editors-note"
        assert note["authority"]["number"] == number
        assert str(note["added"]) == "2026-12-01"


@pytest.mark.parametrize("render_page, expected", [
    (lambda m: render_training.training_module(m, "finding-connections", "training/04-finding-connections.md"),
     ["all adult grandparents and other adult relatives of the child",
      "Welfare and Institutions Code section 827 lists who may inspect it",
      "affirmative and continuing duty to ask whether a child is or may be an Indian child"]),
    (lambda m: render_training.training_handout(m, "finding-connections", "training/handouts/finding-connections.md"),
     ["all adult grandparents and other adult relatives of the child",
      "Welfare and Institutions Code section 827 lists who may inspect it",
      "affirmative and continuing duty to ask whether a child is or may be an Indian child"]),
    (lambda m: render_training.training_module(m, "lessons-and-barriers", "training/06-lessons-and-barriers.md"),
     ['may choose to stay in care, as a "nonminor dependent", up to 21']),
])
def test_modules_show_the_notes_where_the_topic_comes_up(manual, render_page, expected):
    found = boxes(render_page(manual))
    assert len(found) == len(expected)
    for box, text in zip(found, expected):
        assert box.startswith("Editor's note, added 2026-12-01: not from the sources")
        assert text in box


def test_the_glossary_carries_the_notes_on_its_terms(manual):
    md = render.glossary(manual, "glossary.md")
    out = as_html(md)
    icwa = out[out.index('id="icwa"'):out.index('id="iv-e"')]
    assert "Indian Child Welfare Act" in icwa and icwa.count("manual-editor-note") == 2
    efc = out[out.index('id="extended-foster-care"'):out.index('id="family-finding"')]
    assert "Assembly Bill 12" in efc and "manual-editor-note" in efc
    finding = out[out.index('id="family-finding"'):out.index('id="family-maintenance"')]
    assert "Public Law 110-351" in finding


def test_a_hand_written_page_shows_notes_by_id(manual):
    found = boxes(render.editor_notes(manual, ["note-icwa-1978"], "training/after-the-course.md"))
    assert len(found) == 1
    assert "Indian Child Welfare Act of 1978, Public Law 95-608 (25 U.S.C. 1901 and following), November 8, 1978" \
        in found[0]


@pytest.mark.parametrize("note_id", ["note-no-such-law", "casey-sacramento-2017"])
def test_a_page_cannot_name_what_is_not_an_editors_note(manual, note_id):
    with pytest.raises(KeyError, match=f"training/after-the-course.md: editor_notes: '{note_id}' is not an "
                                       "editor's note in data/sources.yml"):
        render.editor_notes(manual, [note_id], "training/after-the-course.md")
