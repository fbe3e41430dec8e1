"""Pure rendering: data in, page Markdown out.

Every component is one Jinja template in ``templates/components/`` rendered with a
single ``params`` object (the GOV.UK Frontend pattern). Templates emit Markdown
(headings, lists, tables, links to other pages' ``.md`` sources, so MkDocs checks
and rewrites every link) with HTML only where Markdown has no equivalent.

Escaping: autoescape is on, so ``<``, ``>`` and ``&`` in data become entities. On top
of that every value printed with ``{{ }}`` is escaped for Markdown (see
:func:`md_escape`), so data text can never turn into a link, a heading, a table
cell break or an attribute list. Inside raw HTML, templates write ``{{ value|e }}``
(an HTML-escaped Markup value that Markdown leaves alone).
"""
from __future__ import annotations

import functools
import posixpath
import re
from typing import Any, Mapping

from jinja2 import Environment, FileSystemBytecodeCache, PackageLoader, StrictUndefined, pass_context
from markupsafe import Markup, escape

from .figures import chart_layout, figure_value, number

# Markdown syntax characters that can start inline markup anywhere in a line.
_INLINE = re.compile(r"([\\`*_\[\]{}|!])")
# Characters that only mean something at the start of a line.
_LINE_START = re.compile(r"^(\s*)(?:([#>+\-])|(\d+)([.)]))")


def md_escape(text: str) -> str:
    """Backslash-escape Markdown syntax so ``text`` renders as written.

    Whitespace runs (newlines included) fold to one space: a data value is one
    paragraph and can never open a new block.
    """
    text = " ".join(text.split())
    text = _INLINE.sub(r"\\\1", text)
    return _LINE_START.sub(_escape_line_start, text)


def _escape_line_start(match: re.Match) -> str:
    lead, symbol, digits, dot = match.groups()
    if symbol:
        return f"{lead}\\{symbol}"
    return f"{lead}{digits}\\{dot}"  # "1." starts a list; "1\." does not


def _finalize(value: Any) -> Any:
    if isinstance(value, Markup) or value is None:
        return value
    return md_escape(str(value))


@functools.lru_cache(maxsize=65536)
def relative(target: str, page: str) -> str:
    """Link from docs page ``page`` to docs page ``target`` (both docs-relative).
    Remembered: a large manual asks for the same few links thousands of times."""
    return posixpath.relpath(target, posixpath.dirname(page) or ".")


@pass_context
def _link(context, kind: str, record_id: str, text: str | None = None) -> Markup:
    params = context["params"]
    manual = params["manual"]
    record = manual.records[kind][record_id]
    label = text if text is not None else (record.get("short_name") or record.get("name") or record_id)
    href = relative(manual.page_of(kind, record_id), params["page"])
    return Markup(f"[{md_escape(str(escape(label)))}]({href})")


@pass_context
def _page_link(context, target: str, text: str) -> Markup:
    href = relative(target, context["params"]["page"])
    return Markup(f"[{md_escape(str(escape(text)))}]({href})")


def release_anchor(version: str) -> str:
    """The change log's anchor for a version: "1.2.0" -> "v1-2-0"."""
    return "v" + str(version).replace(".", "-")


def program_title(program: Mapping) -> str:
    """'Name (ABBR)', or the name alone when the sources give no abbreviation."""
    abbreviation = program.get("abbreviation")
    return f"{program['name']} ({abbreviation})" if abbreviation else program["name"]


def _by_year(events) -> list[tuple[str, list[dict]]]:
    """Events (already in date order) grouped under the year their sort key starts with."""
    years: dict[str, list[dict]] = {}
    for event in events:
        years.setdefault(event["sort"][:4], []).append(event)
    return list(years.items())


def _unique_citations(figures) -> list[dict]:
    """The figures' citations, each once, in first-seen order."""
    seen, out = set(), []
    for f in figures:
        key = (f["source"]["source"], f["source"].get("section"))
        if key not in seen:
            seen.add(key)
            out.append(f["source"])
    return out


def bytecode_cache():
    """Compiled templates, kept between builds in the user's temp folder (Jinja
    checks each against its source, so an edited template recompiles). Saves
    compiling every component on every `mkdocs build`, and the theme's templates
    on every rebuild under `mkdocs serve` (plugin.py)."""
    try:
        return FileSystemBytecodeCache()
    except (OSError, RuntimeError):  # no usable temp folder: compile every time
        return None


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("permanency", "templates"),
        bytecode_cache=bytecode_cache(),
        autoescape=True,
        undefined=StrictUndefined,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals.update(link=_link, page_link=_page_link, chart_layout=chart_layout)
    env.filters.update(
        figure_value=figure_value,
        program_title=program_title,
        outcomes_for_program=lambda manual, pid: outcomes_for_program(manual, pid),
        chart_figures=lambda chart, group: [
            next(f for f in group["figures"] if f["id"] == fid) for fid in chart["figures"]
        ],
        by_year=_by_year,
        undated_programs=lambda manual: [
            p for pid, p in manual.programs.items()
            if not any(pid in e.get("programs", []) for e in manual.events.values())
        ],
        unique_citations=_unique_citations,
        program_figures=lambda program, ids: [
            next(f for f in program["figures"] if f.get("id") == fid) for fid in ids
        ],
        number=number,
        rel=relative,
        release_anchor=release_anchor,
        programs_for_behavior=lambda manual, bid: programs_for_behavior(manual, bid),
        stories_naming=lambda manual, kind, rid: stories_naming(manual, kind, rid),
        questions_asked_of=lambda manual, rid: questions_asked_of(manual, rid),
        elements_counting=lambda manual, oid: elements_counting(manual, oid),
        citations_in=lambda value: citations_in(value),
        by_letter=lambda terms: by_letter(terms),
        editor_notes_in=lambda value, manual: editor_notes_in(manual, value),
        documents_in=lambda value, manual: documents_in(manual, value),
    )
    return env


ENV = _environment()


def render(component: str, params: Mapping[str, Any]) -> str:
    """Render ``templates/components/<component>.md.j2`` with one params object."""
    return ENV.get_template(f"components/{component}.md.j2").render(params=params)


# --------------------------------------------------------------- page components
def manual_title(manual, page: str) -> str:
    """The manual's name as Markdown text (an edition's name in an edition)."""
    return md_escape(manual.meta["title"])


def program_page(manual, program_id: str, page: str) -> str:
    return render("program-page", {"manual": manual, "page": page, "program": manual.programs[program_id]})


def behavior_page(manual, behavior_id: str, page: str) -> str:
    return render("behavior-page", {"manual": manual, "page": page, "behavior": manual.behaviors[behavior_id]})


def program_index(manual, page: str) -> str:
    return render("program-index", {"manual": manual, "page": page})


def behavior_index(manual, page: str) -> str:
    return render("behavior-index", {"manual": manual, "page": page})


def outcome_page(manual, outcome_id: str, page: str) -> str:
    return render("outcome-page", {"manual": manual, "page": page, "outcome": manual.outcomes[outcome_id]})


def outcome_index(manual, page: str) -> str:
    return render("outcome-index", {"manual": manual, "page": page})


def timeline(manual, page: str) -> str:
    return render("timeline", {"manual": manual, "page": page})


def source_list(manual, page: str) -> str:
    return render("source-list", {"manual": manual, "page": page})


def editor_notes(manual, note_ids, page: str) -> str:
    """The editor's notes ``note_ids`` as marked boxes, for a hand-written page
    (render_macros: true) that cites them; an unknown id, or one that is not an
    editor's note, fails the build."""
    for note_id in note_ids:
        if note_id not in manual.sources or not is_editor_note(manual.sources[note_id]):
            raise KeyError(f"{page}: editor_notes: {note_id!r} is not an editor's note in data/sources.yml")
    citations = [{"source": note_id} for note_id in note_ids]
    return render("editor-notes", {"manual": manual, "page": page, "citations": citations})


def changelog(manual, page: str, titles: Mapping[str, str] | None = None) -> str:
    """The change log, newest first. ``titles`` maps docs-relative pages to their
    titles, so each change names the pages it touched as a reader knows them."""
    return render("changelog", {"manual": manual, "page": page, "titles": dict(titles or {})})


def programs_for_behavior(manual, behavior_id: str) -> list[dict]:
    """Programs that name the behavior, plus those the behavior names itself."""
    behavior = manual.behaviors[behavior_id]
    ids = set(behavior["related_programs"])
    ids |= {pid for pid, p in manual.programs.items() if behavior_id in p["related_behaviors"]}
    return [p for pid, p in manual.programs.items() if pid in ids]


def outcomes_for_program(manual, program_id: str) -> list[dict]:
    """Outcome sets that name the program, or show figures kept on its page."""
    return [
        o for o in manual.outcomes.values()
        if program_id in o["related_programs"]
        or any(g.get("program_figures", {}).get("program") == program_id for g in o["groups"])
    ]
# ------------------------------------------------- permanency case review pages
def pcr_overview(manual, page: str) -> str:
    return render("pcr-overview", {"manual": manual, "page": page, "practice": manual.pcr_practice})


def pcr_roles(manual, page: str) -> str:
    return render("pcr-roles", {"manual": manual, "page": page, "practice": manual.pcr_practice})


def pcr_process(manual, page: str) -> str:
    return render("pcr-process", {"manual": manual, "page": page, "practice": manual.pcr_practice})


def question_bank(manual, page: str) -> str:
    return render("question-bank", {"manual": manual, "page": page})


def permanency_options(manual, page: str) -> str:
    return render("permanency-options", {"manual": manual, "page": page})


def pcr_data_elements(manual, page: str) -> str:
    document = manual.documents.get("data-element", {})
    return render("pcr-data-elements", {
        "manual": manual, "page": page, "document": document,
        "lessons": [manual.lessons[lid] for lid in document.get("lessons", [])],
    })


def lessons_learned(manual, page: str) -> str:
    return render("lessons-learned", {"manual": manual, "page": page})


def case_stories(manual, page: str) -> str:
    return render("case-stories", {"manual": manual, "page": page})


def glossary(manual, page: str) -> str:
    return render("glossary", {"manual": manual, "page": page})


# ------------------------------------------------------------ lookups for pages
def stories_naming(manual, kind: str, record_id: str) -> list[dict]:
    """Case stories that name a question (kind 'question') or an option ('option')."""
    field = {"question": "questions", "option": "options"}[kind]
    return [s for s in manual.stories.values() if record_id in s[field]]


def questions_asked_of(manual, role_id: str) -> list[dict]:
    return [q for q in manual.questions.values() if role_id in q.get("asked_of", [])]


def elements_counting(manual, option_id: str) -> list[dict]:
    return [e for e in manual.data_elements.values() if option_id in e.get("options", [])]


def citations_in(value: Any) -> list[dict]:
    """Every citation ({source, section}) anywhere in ``value``, first use first,
    each once: the page's Sources list is built from what the page cites."""
    found: list[dict] = []
    seen: set[tuple] = set()

    def walk(v: Any) -> None:
        if isinstance(v, Mapping):
            if isinstance(v.get("source"), str) and set(v) <= {"source", "section"}:
                key = (v["source"], v.get("section"))
                if key not in seen:
                    seen.add(key)
                    found.append(v)
                return
            for item in v.values():
                walk(item)
        elif isinstance(v, (list, tuple)):
            for item in v:
                walk(item)

    walk(value)
    return found


def is_editor_note(source: Mapping) -> bool:
    return source.get("type") == "editors-note"


def editor_notes_in(manual, value: Any) -> list[dict]:
    """The editor's notes (sources of type editors-note) cited anywhere in
    ``value``, each once, first cited first."""
    ids = dict.fromkeys(c["source"] for c in citations_in(value))
    return [manual.sources[i] for i in ids if is_editor_note(manual.sources[i])]


def documents_in(manual, value: Any) -> list[dict]:
    """The source documents (not editor's notes) cited anywhere in ``value``,
    each once, in the order of data/sources.yml: what a page describes."""
    ids = {c["source"] for c in citations_in(value)}
    return [s for sid, s in manual.sources.items() if sid in ids and not is_editor_note(s)]


def by_letter(terms) -> list[tuple[str, list[dict]]]:
    """Glossary entries (already in alphabetical order) grouped by first letter."""
    groups: dict[str, list[dict]] = {}
    for term in terms:
        letter = next((ch for ch in term["term"].upper() if ch.isalnum()), "#")
        groups.setdefault(letter if letter.isalpha() else "#", []).append(term)
    return list(groups.items())


def abbreviations(manual) -> dict[str, str]:
    """Every abbreviation spelling -> its tooltip text, for Python-Markdown's abbr
    glossary: the expansion a source gives, or the note that none does."""
    out: dict[str, str] = {}
    for term in manual.terms.values():
        if term["kind"] != "abbreviation":
            continue
        title = term.get("expansion") or term["not_expanded"]
        for spelling in [term["term"], *term.get("forms", [])]:
            out[spelling] = title
    return out
