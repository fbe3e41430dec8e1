"""A glossary that explains: every abbreviation is spelled out, every entry has a
plain one-line explanation a new worker understands, and the terms a reader meets
but could not look up before are there."""
from __future__ import annotations

import html
import re

import pytest

from helpers import html as as_html
from permanency import render


# Letters the manual cannot spell out with certainty: the planning papers of the
# time expanded STRTC more than one way; its plain line says what it was.
UNCERTAIN = {"STRTC"}


def test_every_abbreviation_is_spelled_out(manual):
    missing = {t["term"] for t in manual.terms.values() if t["kind"] == "abbreviation" and "expansion" not in t}
    assert missing == UNCERTAIN


def test_every_entry_has_a_plain_one_line_explanation(manual):
    for term in manual.terms.values():
        plain = term["plain"]
        assert len(plain) <= 220, (term["term"], len(plain))
        assert plain.replace("U.S.", "US").count(". ") == 0, f"{term['term']}: one line, one sentence"


@pytest.mark.parametrize("field", ["plain", "definition"])
def test_no_entry_only_says_the_sources_do_not_explain_it(manual, field):
    vague = re.compile(r"not spelled out|not explained in the sources|does not (?:define|explain|describe) "
                       r"(?:it|the term|them)\.?$", re.IGNORECASE)
    assert [t["term"] for t in manual.terms.values() if vague.search(t[field].strip())] == []


@pytest.mark.parametrize("term", ["Casey Family Programs", "Annie E. Casey Foundation", "ACF", "Family maintenance",
                                  "Destination family", "Wraparound services", "APPLA", "STRTP", "IV-E", "CSW",
                                  "SCSW", "SPA"])
def test_what_a_reader_meets_can_be_looked_up(manual, term):
    entry = next(t for t in manual.terms.values() if t["term"] == term)
    assert entry["plain"] and entry["definition"]


def test_second_chance_reunification_goes_through_the_juvenile_court(manual):
    entry = manual.terms["second-chance-reunification"]
    assert "juvenile court" in entry["plain"]
    assert "juvenile court" in manual.options["second-chance-reunification"]["definition"]


def test_the_glossary_labels_the_manuals_own_explanations(manual):
    out = as_html(render.glossary(manual, "glossary.md"))
    csw = out[out.index('id="csw"'):out.index('id="dcfs"')]
    text = html.unescape(" ".join(re.sub(r"<[^>]+>", "", csw).split()))
    assert ("CSW stands for: Children's Social Worker (the manual's explanation: the sources use the letters "
            "without spelling them out)") in text
    assert "In plain words: The Los Angeles County DCFS job title for a social worker who carries " \
           "children's cases. (the manual's own explanation)" in text
    assert "In the sources: The P3 release said" in text
