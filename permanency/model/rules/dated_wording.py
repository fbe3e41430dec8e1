"""Dated facts keep their date: a check run with the rest of the data validation.

Every fact in the manual comes from a document of its own time (2004 to 2020). A
sentence that presents a plan from one of those documents in the future tense ("is
set to expand in 2017", "takes effect in 2017", "will be phased out") reads as still
ahead of us, whatever year it names: that wording is refused. A sentence that
presents a state of affairs in the present tense ("is being developed", "Alameda is
in discussions", "currently 45 counties", "is now asked") is allowed only with the
date it belongs to in the same sentence (a month and year, "by" or "as of" a year,
a fiscal year, or "when the report was written"; the year a plan names does not
date it). The fix is the past tense with its date: "the overview (undated)
said the pilot would expand statewide in 2017".

Text inside quotation marks is a quotation and is not checked, and so are the
parts of the data that are not statements of fact: the training modules'
knowledge checks, the worksheets' prompts, review questions themselves, and
consultation prompts.
"""
from __future__ import annotations

import re
from typing import Any, Iterable

from ...errors import DataError
from ...yamlsource import format_path
from ..kinds import KIND_BY_NAME

# Wording that presents a plan from a dated document as still to come. A plan's
# own year does not date it ("is set to expand in 2017" still reads as ahead of
# us), so this wording is never allowed outside a quotation: write "was to",
# "would", "planned to".
_FUTURE = re.compile(
    r"\b(?:"
    r"(?:is|are) (?:set|due|scheduled|expected|planned) to (?:expand|begin|start|take|go|become|join|be)"
    r"|(?:is|are) to (?:be (?:fully|phased|integrated|part)|expand|join|become|begin|start|integrate|take|go|"
    r"cover|build|support|create|develop)"
    r"|(?:takes|goes) (?:into )?effect"
    r"|will (?:soon |likely |not )?(?:expand|join|become part|be (?:phased|part|integrated|fully|expanded)|begin|"
    r"start|take (?:effect|time)|go into|integrate|cover|happen|create|develop|bring|play|support|apply)"
    r"|(?:plans|is planning|are planning) to"
    r")\b",
    re.IGNORECASE,
)
# Wording that presents a dated state of affairs as today's: allowed only with
# the date it belongs to in the same sentence ("by January 2017 it was asked ...").
_PRESENT = re.compile(
    r"\b(?:"
    r"(?:is|are) (?:currently |still )?being (?:developed|expanded|extended|planned|written|discussed|"
    r"tested|field tested|piloted|phased out|identified)"
    r"|(?:is|are) in discussions?"
    r"|(?:is|are) (?:still )?working (?:to|on)"
    r"|currently"
    r"|at present"
    r"|(?:is|are|has|have) now\b"
    r"|now (?:lives?|comes?|raised|asked|see)"
    r"|takes part in the federal"
    r")\b",
    re.IGNORECASE,
)
# What dates a sentence: the time it was true, not the year a plan names ("in
# discussions about adding reviews in 2017" is still undated): a month and year,
# "by" or "as of" a year, a fiscal year, or the document's own time.
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_DATE = re.compile(
    rf"\b(?:{_MONTHS}) (?:\d{{1,2}}, )?(?:19|20)\d\d\b"
    r"|\b(?:by|as of|until|through|since) (?:the end of |early |late )?(?:19|20)\d\d\b"
    r"|\bFY ?\d|\bat the time\b|\bas of\b|\bundated\b|"
    r"\bwhen the (?:report|overview|release|announcement|page) (?:was written|appeared|was posted)\b",
    re.IGNORECASE,
)
# Quotations are the source's words, kept as marked quotations.
_QUOTED = re.compile(r'"[^"]*"|“[^”]*”')
_SENTENCE = re.compile(r"(?<=[.!?;])\s+(?=[A-Z(])")

# Parts of the data that are not statements of fact.
_SKIP_KINDS = {"worksheet", "consultation", "quick-reference", "manual", "question", "agenda-phase", "source"}
_SKIP_KEYS = {"knowledge_check", "quote", "id", "page", "see", "sources", "source", "section", "prompts",
              "title", "term", "status"}


def _strings(value: Any, path: tuple) -> Iterable[tuple[tuple, str]]:
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in _SKIP_KEYS:
                yield from _strings(item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _strings(item, path + (i,))


def undated_tense(text: str) -> tuple[str, str] | None:
    """The first phrase in ``text`` that puts a dated plan in the future, or a
    dated state of affairs in the present without its date, with what is wrong
    with it; None if there is none."""
    for sentence in _SENTENCE.split(" ".join(text.split())):
        plain = _QUOTED.sub('""', sentence)
        future = _FUTURE.search(plain)
        if future:
            return future.group(0), "puts a plan from a dated source in the future tense"
        present = _PRESENT.search(plain)
        if present and not _DATE.search(plain):
            return present.group(0), "states a dated fact as current without its date"
    return None


def dated_wording_rules(records) -> Iterable[DataError]:
    """An error for each text field that states a dated fact as current or future
    without its date."""
    for record in records:
        if record.kind in _SKIP_KINDS or record.parent and record.parent[0] in _SKIP_KINDS:
            continue
        children = {name for name, _ in _child_fields(record.kind)}
        for path, text in _strings({k: v for k, v in record.data.items() if k not in children}, ()):
            found = undated_tense(text)
            if found:
                phrase, problem = found
                yield DataError(
                    record.file, record.line(*path), format_path(record.base + path),
                    f"'{phrase}' {problem}; write it in the past tense with its date "
                    "(\"the report (January 2017) said it would ...\")",
                )


def _child_fields(kind: str):
    return KIND_BY_NAME[kind].children
