"""The course's measurement rules (permanency/model/rules/course.py): what a person
editing data/training/ meets when an objective goes untested, a question names
an unknown objective, two questions test the same fact, a catch-all option
appears, or the correct option's length or position gives the answer away."""
from __future__ import annotations

from pathlib import Path

import pytest

from helpers import ROOT, copy_data, edit, errors
from permanency.model.rules.course import answer_signal, correct_is_longest, training_rules

MODULE = "training/01-why-permanency.yml"


@pytest.fixture
def data(tmp_path) -> Path:
    return copy_data(ROOT, tmp_path)


def test_a_question_naming_an_unknown_objective(data):
    line = edit(data, MODULE, "    objective: language\n", "    objective: langauge\n")
    assert errors(data) == [
        # with its only question naming another, the objective is untested
        f"data/{MODULE}:27: objectives[3].id: objective 'language' is tested by no knowledge-check question; "
        "add a question with `objective: language` or drop the objective",
        f"data/{MODULE}:{line}: knowledge_check[3].objective: unknown objective 'langauge'; this module's "
        "objectives are: legal-routes, relational, figures, language",
    ]


def test_an_objective_no_question_tests(data):
    line = edit(data, MODULE, "  - id: figures\n", "  - id: figures\n", first=True)
    edit(data, MODULE, "    objective: figures\n    fact: delayed-entry-age-6-to-11\n",
         "    objective: relational\n    fact: delayed-entry-age-6-to-11\n")
    assert errors(data) == [
        f"data/{MODULE}:{line}: objectives[2].id: objective 'figures' is tested by no knowledge-check question; "
        "add a question with `objective: figures` or drop the objective",
    ]


def test_two_questions_testing_the_same_fact(data):
    line = edit(data, "training/07-cfpm-disparities-partnership.yml", "    fact: delayed-african-american-46\n",
                "    fact: delayed-entry-age-6-to-11\n")
    [error] = errors(data)
    assert error.startswith(
        f"data/training/07-cfpm-disparities-partnership.yml:{line}: knowledge_check[0].fact: fact "
        f"'delayed-entry-age-6-to-11' is already tested by the question at data/{MODULE}:")
    assert error.endswith("; no two questions in the course test the same fact")


def test_a_catch_all_option(data):
    line = edit(data, MODULE, "      - text: It sounded too informal for court reports\n",
                "      - text: All of the above\n")
    assert errors(data) == [
        f"data/{MODULE}:{line}: knowledge_check[3].options[0].text: a catch-all option ('all/none of the above') "
        "tests test-taking, not practice; write a plausible distractor instead",
    ]


def test_the_correct_option_longest_too_often_in_a_module(data):
    # shorten the long distractors of two questions: the correct option becomes the longest in 2 of 4 (50%)
    edit(data, MODULE, "      - text: Yes; four stable years with one family meet the definition of legal permanency\n",
         "      - text: Yes; four stable years count\n")
    edit(data, MODULE, "      - text: It counts as permanency for good, since a safe home with a relative is the end goal the definition sets\n",
         "      - text: It counts for good\n")
    line = edit(data, MODULE, "knowledge_check:\n", "knowledge_check:\n")
    assert errors(data) == [
        f"data/{MODULE}:{line}: knowledge_check: the correct option is the longest in 2 of 4 questions of this "
        "module's knowledge check; at most 1 (40%) may be, or length gives the answer away",
    ]


# ------------------------------------------------------------ pure functions
class Record:
    """Just enough of a loaded record for the rules."""
    def __init__(self, data, name="data/training/01-x.yml"):
        self.kind, self.data, self.file = "module", data, name

    def line(self, *path):
        return 1


def question(correct_at, n=3, qid="q", objective="o", fact=None, form=None):
    options = [{"text": "an option of middling length", "feedback": "f"} for _ in range(n)]
    options[correct_at] = {"text": "short", "correct": True, "feedback": "f"}
    q = {"id": qid, "objective": objective, "fact": fact or f"fact-{qid}", "options": options}
    if form:
        q["form"] = form
    return q


def test_one_position_for_more_than_half_of_the_course():
    checks = [question(1, qid=f"q{i}") for i in range(3)] + [question(0, qid="q3"), question(2, qid="q4")]
    found = list(training_rules([Record({"id": "x", "objectives": [{"id": "o"}], "knowledge_check": checks})]))
    assert [e.message for e in found] == [
        "option B is correct in 3 of 5 of the course's knowledge checks (A: 1, B: 3, C: 1); "
        "no position may hold more than half"]


def test_course_test_forms_are_parallel_and_sized():
    objectives = [{"id": "o"}, {"id": "p"}]
    tests = [question(i % 3, qid=f"a{i}", form="A") for i in range(15)]
    tests += [question(i % 3, qid=f"b{i}", form="B", objective="p" if i == 0 else "o") for i in range(14)]
    checks = [question(0, qid="k0"), question(1, qid="k1", objective="p"), question(2, qid="k2")]
    found = [e.message for e in training_rules(
        [Record({"id": "x", "objectives": objectives, "knowledge_check": checks, "course_test": tests})])]
    assert "course test form B has 14 questions in all modules; expected 15 to 20" in found
    assert ("form A tests objective 'o' 2 more time(s) than form B; the two forms are parallel: each objective "
            "the same number of times in both") in found
    assert ("form B tests objective 'p' 1 more time(s) than form A; the two forms are parallel: each objective "
            "the same number of times in both") in found


def test_longest_counts_ties():
    q = {"options": [{"text": "abc", "correct": True}, {"text": "xyz"}, {"text": "a"}]}
    assert correct_is_longest(q)
    q["options"][1]["text"] = "wxyz"
    assert not correct_is_longest(q)


def test_the_real_course_carries_no_answer_signal(manual):
    checks = [q for m in manual.modules.values() for q in m["knowledge_check"]]
    signal = answer_signal(checks)
    assert signal["longest"] <= 0.4 * signal["items"]
    assert max(signal["positions"].values()) <= signal["items"] / 2
    for m in manual.modules.values():
        s = answer_signal(m["knowledge_check"])
        assert s["longest"] <= 0.4 * s["items"], m["id"]
    # every objective tested, every fact once
    facts = [q["fact"] for m in manual.modules.values() for q in m["knowledge_check"] + m["course_test"]]
    assert len(facts) == len(set(facts))
