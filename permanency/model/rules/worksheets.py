"""Worksheets: what a worksheet's schema cannot say."""
from __future__ import annotations

from typing import Iterable

from ...errors import DataError
from ...yamlsource import format_path
from .walk import duplicates, indexed


def worksheet_rules(records) -> Iterable[DataError]:
    """What a worksheet's schema cannot say: section ids are unique in the sheet,
    a table column names a label or a data element, choices go with input
    'choices', an options section names categories or options, and a scale is for
    a question the section shows."""
    for record in records:
        if record.kind != "worksheet":
            continue
        sections = list(indexed(record.data.get("sections")))
        yield from duplicates(record, ((("sections", s, "id"), sec.get("id")) for s, sec in sections),
                               "section id")
        for s, section in sections:
            base = ("sections", s)
            kind = section.get("kind")
            for c, column in indexed(section.get("columns")):
                cpath = base + ("columns", c)
                if "label" not in column and "element" not in column:
                    yield DataError(record.file, record.line(*cpath), format_path(cpath),
                                    "a column needs a label, an element (a data element id), or both")
                if (column.get("input") == "choices") != ("choices" in column):
                    yield DataError(record.file, record.line(*cpath), format_path(cpath + ("choices",)),
                                    "give choices with input: choices, and only then")
            if kind == "options" and "categories" not in section and "options" not in section:
                yield DataError(record.file, record.line(*base), format_path(base),
                                "an options section needs categories, options or both")
            if kind == "questions" and "phases" in section and "questions" in section:
                yield DataError(record.file, record.line(*base, "questions"), format_path(base + ("questions",)),
                                "give phases or questions, not both")
            for i, scale in indexed(section.get("scales")):
                spath = base + ("scales", i)
                if isinstance(scale.get("from"), int) and isinstance(scale.get("to"), int) and scale["from"] >= scale["to"]:
                    yield DataError(record.file, record.line(*spath, "to"), format_path(spath + ("to",)),
                                    f"expected a number above from ({scale['from']}); got {scale['to']}")
                listed = section.get("questions")
                if isinstance(listed, list) and scale.get("question") not in listed:
                    yield DataError(record.file, record.line(*spath, "question"), format_path(spath + ("question",)),
                                    f"question '{scale.get('question')}' is not among this section's questions")
