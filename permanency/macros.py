"""Every macro a page can call, in one table: name -> the pure renderer it calls.

A page calls a macro as ``{{ program_page("p3") }}`` (hand-written pages that opt
in with ``render_macros: true``); a page generated from a record names its macro
in ``pages.py``. The render step (``render_manual.py``) calls the renderer: it
takes the validated manual, then the macro's own arguments (ids), then the
docs-relative path of the page being rendered; those in TITLED also take every
page's title, to name the pages they link."""
from __future__ import annotations

from typing import Callable, Mapping

from . import render, render_consult, render_training, render_worksheets

MACROS: dict[str, Callable[..., str]] = {
    # programs, practice behaviors, outcomes, the timeline, sources, change log
    "program_page": render.program_page,
    "behavior_page": render.behavior_page,
    "program_index": render.program_index,
    "behavior_index": render.behavior_index,
    "outcome_page": render.outcome_page,
    "outcome_index": render.outcome_index,
    "timeline": render.timeline,
    "source_list": render.source_list,
    "editor_notes": lambda manual, *args: _editor_notes(manual, *args),
    "changelog": render.changelog,
    # the permanency case review section, options, lessons, stories, glossary
    "pcr_overview": render.pcr_overview,
    "pcr_roles": render.pcr_roles,
    "pcr_process": render.pcr_process,
    "question_bank": render.question_bank,
    "permanency_options": render.permanency_options,
    "pcr_data_elements": render.pcr_data_elements,
    "lessons_learned": render.lessons_learned,
    "case_stories": render.case_stories,
    "glossary": render.glossary,
    # printable worksheets (docs/tools/)
    "worksheet_page": render_worksheets.worksheet_page,
    "worksheet_index": render_worksheets.worksheet_index,
    # training modules for new workers
    "training_course": render_training.training_course,
    "training_module": render_training.training_module,
    "training_handout": render_training.training_handout,
    "training_facilitator": render_training.training_facilitator,
    "training_test": render_training.training_test,
    "training_test_key": render_training.training_test_key,
    # consultation mode, quick reference, crosswalk
    "consultation": render_consult.consultation,
    "quick_reference": render_consult.quick_reference,
    "crosswalk": render_consult.crosswalk,
    # the manual's own name (the home page's heading), as data/manual.yml or an edition gives it
    "manual_title": render.manual_title,
}
def _editor_notes(manual, *args) -> str:
    """``editor_notes("note-a", "note-b")``: any number of ids, then the page."""
    *note_ids, page = args
    return render.editor_notes(manual, tuple(note_ids), page)


# renderers that name other pages by their titles
TITLED = {"changelog", "training_course", "training_module", "training_handout", "training_facilitator",
          "training_test", "training_test_key"}


def call(name: str, manual, page: str, titles: Mapping[str, str], *args) -> str:
    """Run macro ``name`` with its arguments for ``page``."""
    if name in TITLED:
        return MACROS[name](manual, *args, page, titles)
    return MACROS[name](manual, *args, page)
