"""Training modules: what a module's schema cannot say."""
from __future__ import annotations

from typing import Iterable

from ...errors import DataError
from ...yamlsource import format_path
from .walk import dicts, duplicates, indexed


def module_rules(records) -> Iterable[DataError]:
    """A training module's agenda adds up to its estimated time, its question ids
    are unique, and each question has exactly one correct option."""
    for record in records:
        if record.kind != "module":
            continue
        data = record.data
        facilitator = data.get("facilitator") if isinstance(data.get("facilitator"), dict) else {}
        agenda = dicts(facilitator.get("agenda"))
        minutes = data.get("estimated_minutes")
        if agenda and isinstance(minutes, int) and all(isinstance(a.get("minutes"), int) for a in agenda):
            total = sum(a["minutes"] for a in agenda)
            if total != minutes:
                yield DataError(record.file, record.line("facilitator", "agenda"), "facilitator.agenda",
                                f"the agenda adds up to {total} minutes; expected {minutes}, "
                                "the module's estimated_minutes")
        questions = list(indexed(data.get("knowledge_check")))
        yield from duplicates(record, ((("knowledge_check", i, "id"), q.get("id")) for i, q in questions),
                               "question id", " in this module")
        for i, question in questions:
            qpath = ("knowledge_check", i)
            options = question.get("options")
            if not isinstance(options, list) or not options:
                continue
            correct = [j for j, o in indexed(options) if o.get("correct") is True]
            if not correct:
                yield DataError(record.file, record.line(*qpath, "options"), format_path(qpath + ("options",)),
                                "expected exactly one option with 'correct: true'; none is marked correct")
            for j in correct[1:]:
                yield DataError(record.file, record.line(*qpath, "options", j, "correct"),
                                format_path(qpath + ("options", j, "correct")),
                                f"expected exactly one option with 'correct: true'; option {correct[0] + 1} "
                                f"is already correct, and this is option {j + 1}")
