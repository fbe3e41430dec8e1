"""Each page defines the abbreviations it uses (permanency/page_abbreviations.py)."""
from __future__ import annotations

import markdown

from permanency.page_abbreviations import definitions, definitions_index, used

TITLES = {"CCR": "Continuum of Care Reform", "P3": "Permanency Partners Program",
          "Katie A.": "Katie A. v. Bonta", "PCR": "permanency case review", "PCRs": "permanency case reviews"}
INDEX = definitions_index(TITLES)


def test_a_page_gets_the_abbreviations_its_words_can_hold_and_no_others():
    text = "Under **CCR** the P3 team held two PCRs; see [Katie A.](pathways.md)."
    assert used(text, INDEX) == ["CCR", "Katie A.", "P3", "PCRs"]
    assert used("P3s and CCRX2 and Katie alone", INDEX) == []


def test_the_definitions_give_the_same_tooltips_as_the_whole_glossary():
    """What a reader gets: the page with its own definitions renders exactly as
    it did with every abbreviation of the glossary known to abbr."""
    text = "Under CCR the P3 team held two PCRs, then one PCR.\n\nKatie A. applies."
    own = markdown.markdown(text + "\n\n" + definitions(used(text, INDEX), TITLES), extensions=["abbr"])
    whole = markdown.markdown(text, extensions=["abbr"], extension_configs={"abbr": {"glossary": TITLES}})
    assert own == whole
    assert '<abbr title="Continuum of Care Reform">CCR</abbr>' in own
    assert "*[" not in own
