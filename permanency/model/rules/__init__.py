"""Rules a schema cannot say, across records: each module is named for what it
checks and gives one function, records in, errors out (``file:line: field:
message``). :func:`check` runs them all; a new rule is one more entry in RULES."""
from __future__ import annotations

from typing import Iterable

from ...errors import DataError
from .consultation import consultation_rules
from .course import training_rules
from .dated_wording import dated_wording_rules
from .figures import figure_rules
from .glossary import glossary_rules
from .pages import number_rules, shared_page_anchors
from .training import module_rules
from .worksheets import worksheet_rules

RULES = (
    number_rules,
    figure_rules,
    shared_page_anchors,
    glossary_rules,
    worksheet_rules,
    module_rules,
    training_rules,  # the course: objectives tested, no answer signal
    consultation_rules,
    dated_wording_rules,  # dated facts keep their date
)


def check(records) -> Iterable[DataError]:
    for rule in RULES:
        yield from rule(records)
