"""Rules for the training course (data/training/*.yml) that a schema cannot say:
the knowledge checks and the course test measure the objectives, and carry no
answer-position or answer-length signal. Every error is file:line: field: message.

- every question names an objective of its own module, and every objective is
  tested by at least one knowledge-check question;
- no two questions in the course (knowledge checks and course test) turn on the
  same fact (their ``fact`` names are unique);
- no option says "all of the above" or "none of the above";
- the correct option is the longest in at most 40% of a module's questions
  (ties with another option count as longest), and in at most 40% of each course
  test form's questions;
- no option position holds the correct answer in more than half of the course's
  knowledge-check questions, nor in more than half of the course test's;
- the course test has two parallel forms, A and B, of 15 to 20 questions each,
  testing the same objectives.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Iterable

from ...errors import DataError
from ...yamlsource import format_path

LONGEST_SHARE = 0.40        # the correct option may be the longest in at most this share
POSITION_SHARE = 0.50       # one position may hold the answer in at most this share
TEST_FORM_SIZE = (15, 20)   # items per course-test form
_CATCH_ALL = re.compile(r"\b(all|none|both) of (the|these) (above|options|answers)\b", re.I)


def _items(value) -> list[tuple[int, dict]]:
    return [(i, v) for i, v in enumerate(value) if isinstance(v, dict)] if isinstance(value, list) else []


def correct_position(question: dict) -> int | None:
    """0-based index of the one correct option, or None if it is not exactly one."""
    marked = [i for i, o in _items(question.get("options")) if o.get("correct") is True]
    return marked[0] if len(marked) == 1 else None


def correct_is_longest(question: dict) -> bool:
    """True when the correct option is at least as long as every other option."""
    pos = correct_position(question)
    texts = [o.get("text") if isinstance(o.get("text"), str) else "" for _, o in _items(question.get("options"))]
    if pos is None or len(texts) < 2:
        return False
    return len(texts[pos].strip()) >= max(len(t.strip()) for j, t in enumerate(texts) if j != pos)


def answer_signal(questions: list[dict]) -> dict:
    """How many questions have the correct option longest, and the count per position."""
    positions = Counter(p for p in map(correct_position, questions) if p is not None)
    return {"items": len(questions), "longest": sum(map(correct_is_longest, questions)),
            "positions": dict(sorted(positions.items()))}


def training_rules(records) -> Iterable[DataError]:
    modules = [r for r in records if r.kind == "module"]
    facts: dict[str, str] = {}
    all_checks: list[tuple] = []        # (record, path, question)
    forms: dict[str, list[tuple]] = {"A": [], "B": []}
    for record in modules:
        yield from _module_rules(record, facts)
        all_checks += [(record, ("knowledge_check", i), q) for i, q in _items(record.data.get("knowledge_check"))]
        for i, q in _items(record.data.get("course_test")):
            if q.get("form") in forms:
                forms[q["form"]].append((record, ("course_test", i), q))
    yield from _position_rule(all_checks, "the course's knowledge checks")
    if forms["A"] or forms["B"]:
        yield from _test_rules(forms)


def _module_rules(record, facts: dict[str, str]) -> Iterable[DataError]:
    data = record.data
    objectives = [o.get("id") for _, o in _items(data.get("objectives")) if isinstance(o.get("id"), str)]
    for i, oid in enumerate(objectives):
        if oid in objectives[:i]:
            yield DataError(record.file, record.line("objectives", i, "id"), format_path(("objectives", i, "id")),
                            f"objective id '{oid}' is used twice in this module")
    tested: set[str] = set()
    checks = _items(data.get("knowledge_check"))
    for key in ("knowledge_check", "course_test"):
        for i, q in _items(data.get(key)):
            path = (key, i)
            oid = q.get("objective")
            if isinstance(oid, str):
                if oid not in objectives:
                    yield DataError(record.file, record.line(*path, "objective"), format_path(path + ("objective",)),
                                    f"unknown objective '{oid}'; this module's objectives are: "
                                    f"{', '.join(objectives) or '(none)'}")
                elif key == "knowledge_check":
                    tested.add(oid)
            fact = q.get("fact")
            if isinstance(fact, str):
                where = f"{record.file}:{record.line(*path, 'fact')}"
                if fact in facts:
                    yield DataError(record.file, record.line(*path, "fact"), format_path(path + ("fact",)),
                                    f"fact '{fact}' is already tested by the question at {facts[fact]}; "
                                    "no two questions in the course test the same fact")
                facts.setdefault(fact, where)
            for j, option in _items(q.get("options")):
                if isinstance(option.get("text"), str) and _CATCH_ALL.search(option["text"]):
                    opath = path + ("options", j, "text")
                    yield DataError(record.file, record.line(*opath), format_path(opath),
                                    "a catch-all option ('all/none of the above') tests test-taking, not "
                                    "practice; write a plausible distractor instead")
    for i, o in _items(data.get("objectives")):
        if isinstance(o.get("id"), str) and o["id"] not in tested:
            yield DataError(record.file, record.line("objectives", i, "id"), format_path(("objectives", i, "id")),
                            f"objective '{o['id']}' is tested by no knowledge-check question; add a question "
                            "with `objective: " + o["id"] + "` or drop the objective")
    yield from _length_rule(record, [q for _, q in checks], "knowledge_check", "this module's knowledge check")


def _length_rule(record, questions: list[dict], field: str, what: str) -> Iterable[DataError]:
    signal = answer_signal(questions)
    if signal["items"] and signal["longest"] > LONGEST_SHARE * signal["items"]:
        allowed = int(LONGEST_SHARE * signal["items"])
        yield DataError(record.file, record.line(field), field,
                        f"the correct option is the longest in {signal['longest']} of {signal['items']} questions "
                        f"of {what}; at most {allowed} ({LONGEST_SHARE:.0%}) may be, or length gives the answer away")


def _position_rule(entries: list[tuple], what: str) -> Iterable[DataError]:
    positions = Counter()
    for record, path, q in entries:
        pos = correct_position(q)
        if pos is not None:
            positions[pos] += 1
    total = sum(positions.values())
    for pos, count in sorted(positions.items()):
        if total and count > POSITION_SHARE * total:
            record, path, _ = next(e for e in entries if correct_position(e[2]) == pos)
            counts = ", ".join(f"{'ABCDEF'[p]}: {n}" for p, n in sorted(positions.items()))
            yield DataError(record.file, record.line(*path, "options"), format_path(path + ("options",)),
                            f"option {'ABCDEF'[pos]} is correct in {count} of {total} of {what} "
                            f"({counts}); no position may hold more than half")


def _test_rules(forms: dict[str, list[tuple]]) -> Iterable[DataError]:
    low, high = TEST_FORM_SIZE
    objectives = {}
    for form, entries in forms.items():
        objectives[form] = Counter((r.data.get("id"), q.get("objective")) for r, _, q in entries)
        record, path, _ = entries[0] if entries else forms["A" if form == "B" else "B"][0]
        if not low <= len(entries) <= high:
            yield DataError(record.file, record.line(*path, "form"), format_path(path + ("form",)),
                            f"course test form {form} has {len(entries)} questions in all modules; "
                            f"expected {low} to {high}")
        yield from _position_rule(entries, f"course test form {form}")
        longest = sum(correct_is_longest(q) for _, _, q in entries)
        if entries and longest > LONGEST_SHARE * len(entries):
            yield DataError(record.file, record.line(*path, "options"), format_path(path + ("options",)),
                            f"the correct option is the longest in {longest} of {len(entries)} questions of "
                            f"course test form {form}; at most {int(LONGEST_SHARE * len(entries))} may be")
    if objectives["A"] != objectives["B"]:
        for form, other in (("A", "B"), ("B", "A")):
            for (module, oid), n in (objectives[form] - objectives[other]).items():
                record, path, _ = next(e for e in forms[form]
                                       if e[0].data.get("id") == module and e[2].get("objective") == oid)
                yield DataError(record.file, record.line(*path, "objective"), format_path(path + ("objective",)),
                                f"form {form} tests objective '{oid}' {n} more time(s) than form {other}; "
                                "the two forms are parallel: each objective the same number of times in both")
