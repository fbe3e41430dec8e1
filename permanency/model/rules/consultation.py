"""Rules for data/consultation.yml that a schema cannot say: the agenda's time
boxes add up to the stated length of a review, and each phase's prompts come from
the question-bank phases it works through. Every error is file:line: field: message."""
from __future__ import annotations

from typing import Iterable

from ...errors import DataError
from ...yamlsource import format_path


def consultation_rules(records) -> Iterable[DataError]:
    consult = next((r for r in records if r.kind == "consultation"), None)
    if consult is None or not isinstance(consult.data.get("agenda"), list):
        return
    phase_of = {r.data.get("id"): r.parent[1] for r in records if r.kind == "question" and r.parent}
    agenda = [(i, p) for i, p in enumerate(consult.data["agenda"]) if isinstance(p, dict)]

    total = consult.data.get("total_minutes")
    minutes = [p.get("minutes") for _, p in agenda]
    if isinstance(total, int) and all(isinstance(m, int) and not isinstance(m, bool) for m in minutes):
        if sum(minutes) != total:
            listing = " + ".join(str(m) for m in minutes)
            yield DataError(consult.file, consult.line("total_minutes"), "total_minutes",
                            f"the agenda's time boxes add up to {sum(minutes)} minutes ({listing}); "
                            f"expected them to add up to total_minutes, {total}")

    for i, phase in agenda:
        phases = phase.get("question_phases") if isinstance(phase.get("question_phases"), list) else []
        prompts = phase.get("prompts") if isinstance(phase.get("prompts"), list) else []
        for j, qid in enumerate(prompts):
            if isinstance(qid, str) and qid in phase_of and phase_of[qid] not in phases:
                path = ("agenda", i, "prompts", j)
                yield DataError(consult.file, consult.line(*path), format_path(path),
                                f"question '{qid}' is in question-bank phase '{phase_of[qid]}'; expected a "
                                f"question from this agenda phase's question_phases: {', '.join(map(str, phases))}")
