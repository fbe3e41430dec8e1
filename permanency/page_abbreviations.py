"""The abbreviations a page uses, as Markdown abbreviation definitions at its foot.

Python-Markdown's ``abbr`` wraps each abbreviation a page defines
(``*[CCR]: Continuum of Care Reform``) in ``<abbr title="…">``. The render step
gives each page the definitions of the glossary's abbreviations that its own text
can contain, not the whole glossary: ``abbr`` matches one pattern of every
abbreviation it knows against every text of the page, so the whole glossary on
every page made its cost pages times glossary (a quarter of a 50x build,
``make bench``), and a page's few make it the page's length.

Which can occur is decided on words: an abbreviation is defined on a page when
each of its words (runs of letters, digits and ``_``) is a word of the page's
Markdown. A match of ``abbr``'s pattern, bounded by ``\\b`` on both sides, needs
exactly that, so every abbreviation ``abbr`` would find is defined (a few that
only look possible are defined too, and do nothing).
"""
from __future__ import annotations

import re
from collections.abc import Mapping

WORD = re.compile(r"\w+")


def definitions_index(titles: Mapping[str, str]) -> dict[str, list[tuple[str, frozenset[str]]]]:
    """spelling -> tooltip, indexed by each spelling's first word: {word: [(spelling,
    its words)]}, so a page is read once whatever the glossary's size."""
    index: dict[str, list[tuple[str, frozenset[str]]]] = {}
    for spelling in titles:
        words = WORD.findall(spelling)
        if words:
            index.setdefault(words[0], []).append((spelling, frozenset(words)))
    return index


def used(text: str, index: Mapping[str, list[tuple[str, frozenset[str]]]]) -> list[str]:
    """The spellings of ``index`` whose words are all words of ``text``, sorted."""
    words = set(WORD.findall(text))
    return sorted(spelling for word in words for spelling, needs in index.get(word, ()) if needs <= words)


def definitions(spellings: list[str], titles: Mapping[str, str]) -> str:
    """Markdown abbreviation definitions, one paragraph each (``abbr`` reads a block
    of many definitions one line per pass: blank lines keep it linear)."""
    return "\n\n".join(f"*[{spelling}]: {titles[spelling]}" for spelling in spellings)
