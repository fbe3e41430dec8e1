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

import posixpath
import re
from typing import Any, Mapping

from jinja2 import Environment, FileSystemBytecodeCache, PackageLoader, StrictUndefined, pass_context
from markupsafe import Markup, escape

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


def relative(target: str, page: str) -> str:
    """Link from docs page ``page`` to docs page ``target`` (both docs-relative)."""
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


def _number(value: float) -> str:
    return f"{value:,.0f}" if float(value).is_integer() else f"{value:,}"


def _figure_value(figure: Mapping) -> str:
    unit = figure["unit"]
    value = _number(figure["value"])
    approx = "about " if figure.get("approximate") else ""
    if unit in ("percent", "%"):
        return f"{approx}{value}%"
    return f"{approx}{value} {unit}"


def _bytecode_cache():
    """Compiled templates, kept between builds in the user's temp folder (Jinja
    checks each against its source, so an edited template recompiles). Saves
    compiling every component on every `mkdocs build`."""
    try:
        return FileSystemBytecodeCache()
    except (OSError, RuntimeError):  # no usable temp folder: compile every time
        return None


def _environment() -> Environment:
    env = Environment(
        loader=PackageLoader("permanency", "templates"),
        bytecode_cache=_bytecode_cache(),
        autoescape=True,
        undefined=StrictUndefined,
        finalize=_finalize,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.globals.update(link=_link, page_link=_page_link)
    env.filters.update(
        figure_value=_figure_value,
        number=_number,
        rel=relative,
        release_anchor=release_anchor,
        programs_for_behavior=lambda manual, bid: programs_for_behavior(manual, bid),
    )
    return env


ENV = _environment()


def render(component: str, params: Mapping[str, Any]) -> str:
    """Render ``templates/components/<component>.md.j2`` with one params object."""
    return ENV.get_template(f"components/{component}.md.j2").render(params=params)


# --------------------------------------------------------------- page components
def program_page(manual, program_id: str, page: str) -> str:
    return render("program-page", {"manual": manual, "page": page, "program": manual.programs[program_id]})


def behavior_page(manual, behavior_id: str, page: str) -> str:
    return render("behavior-page", {"manual": manual, "page": page, "behavior": manual.behaviors[behavior_id]})


def program_index(manual, page: str) -> str:
    return render("program-index", {"manual": manual, "page": page})


def behavior_index(manual, page: str) -> str:
    return render("behavior-index", {"manual": manual, "page": page})


def source_list(manual, page: str) -> str:
    return render("source-list", {"manual": manual, "page": page})


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
