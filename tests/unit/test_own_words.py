"""The manual's sentences are its own: no run of twelve or more words in data/ is
copied from the five source documents, except inside quotation marks (a marked,
attributed quotation), in the practice behaviors' statements (quoted as the Core
Practice Model states them), and in names (of the partners, the people quoted, a
document's title), and the review questions themselves. The sources live outside the repository (../shared/sources/);
without them the test is skipped."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from helpers import ROOT

# next to the repository (../shared/sources/), or next to the folder of worktrees
SOURCES = next((p for p in (ROOT.parent / "shared" / "sources", ROOT.parent.parent / "shared" / "sources")
                if p.is_dir()), ROOT.parent / "shared" / "sources")
RUN = 12
# fields that hold the source's own words, shown as quotations
QUOTED_FIELDS = {"statement", "quote", "title", "stem", "short_title"}
# names are facts, and carry over as the sources give them
NAMES = [
    "the U.S. Children's Bureau, Casey Family Programs, the Annie E. Casey Foundation and Prevent Child Abuse America",
    "Sandra Gasca-Gonzalez, vice president of the Center for Systems Innovation at the Annie E. Casey Foundation",
    "Dr. William C. Bell, president and CEO of Casey Family Programs",
    "Dr. Melissa T. Merrick, president and CEO of Prevent Child Abuse America",
]


def words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9]+", text.lower().replace("’", "").replace("'", ""))


def strings(value, path=()):
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, dict):
        for key, item in value.items():
            if key not in QUOTED_FIELDS and key != "knowledge_check":  # issue 18 rewrites those
                yield from strings(item, path + (key,))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from strings(item, path + (i,))


def copied_runs(text: str, grams: set) -> list[str]:
    text = re.sub(r'"[^"]*"|“[^”]*”', " | ", text)  # quotations are marked as the source's
    for name in NAMES:
        text = re.sub(re.escape(name), " | ", text, flags=re.IGNORECASE)
    ws = words(text)
    return [" ".join(ws[i:i + RUN]) for i in range(len(ws) - RUN + 1) if tuple(ws[i:i + RUN]) in grams]


@pytest.mark.skipif(not SOURCES.is_dir(), reason="the source documents are not next to the repository")
def test_no_run_of_twelve_words_is_copied_from_the_sources():
    grams = set()
    for source in SOURCES.glob("0*.txt"):
        ws = words(source.read_text(encoding="utf-8"))
        grams |= {tuple(ws[i:i + RUN]) for i in range(len(ws) - RUN + 1)}
    found = []
    for path in sorted((ROOT / "data").rglob("*.yml")):
        if path.name == "sources.yml":
            continue
        for where, text in strings(yaml.safe_load(path.read_text(encoding="utf-8"))):
            if path.name == "review-questions.yml" and where[-3] == "questions" and where[-1] == "text":
                continue  # the questions to ask, some in the report's own words (issue 18 marks them)
            found += [f"{path.relative_to(ROOT)}: {'.'.join(map(str, where))}: {run}"
                      for run in copied_runs(text, grams)[:1]]
    assert found == []
