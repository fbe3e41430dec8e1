"""Every page generated from a record: its front matter and the renderer that
writes its body (a name in permanency.macros.MACROS, with the record's id). The
render step (render_manual.py) calls the renderer; nothing here copies data into
a page beyond its title and dates."""
from __future__ import annotations

from typing import NamedTuple

from markupsafe import escape

from . import render, render_worksheets
from .model import Manual

# kind -> (macro name, field that gives the page title)
_PAGE_MACROS = {
    "program": ("program_page", render.program_title),
    "outcome": ("outcome_page", lambda r: r["title"]),
    "behavior": ("behavior_page", lambda r: f"{r['number']}. {r['short_name']}"),
    "worksheet": ("worksheet_page", lambda r: r["title"]),
    "module": ("training_module", lambda r: f"{r['number']}. {r['title']}"),
}
# kind -> more front matter for its pages (scripts/pdf.py prints every page with `pdf:`)
_EXTRA_FRONT_MATTER = {
    # the sheet has no table of contents: its column takes the room
    "worksheet": lambda r: {"pdf": render_worksheets.pdf_front_matter(r), "hide": ["toc"]},
}


class Generated(NamedTuple):
    """A page made from a record: its front matter, and the renderer (a macro
    name) and arguments that write its body."""

    front: dict
    macro: str
    args: tuple


def _front(title: str, description: str, last_reviewed: str, **more) -> dict:
    # Material prints description unescaped into a <meta> attribute
    return {"title": title, "description": str(escape(description)),
            "last_reviewed": last_reviewed, **more}


def generated(manual: Manual) -> dict[str, Generated]:
    out = {}
    for src_uri, (kind, record) in manual.generated_pages().items():
        macro, title = _PAGE_MACROS[kind]
        front = _front(title(record), record.get("summary", ""), record["last_reviewed"])
        front.update(_EXTRA_FRONT_MATTER.get(kind, lambda r: {})(record))
        out[src_uri] = Generated(front, macro, (record["id"],))
    out.update(_module_printouts(manual))
    return out


def _module_printouts(manual: Manual) -> dict[str, Generated]:
    """Each training module's participant handout and facilitator guide
    (``pdf: true``; their paths are in the kinds table). They repeat the module
    page's content, so search leaves them out."""
    out = {}
    for src_uri, (_, printout, module) in manual.printout_pages().items():
        title, reviewed = module["title"], module["last_reviewed"]
        out[src_uri] = Generated(_front(
            PRINTOUTS[printout]["title"].format(number=module["number"], title=title),
            PRINTOUTS[printout]["description"].format(title=title),
            reviewed, pdf=True, search={"exclude": True}, tags=list(PRINTOUTS[printout]["tags"]),
        ), PRINTOUTS[printout]["macro"], (module["id"],))
    return out


# printout name -> its page's title, description, tags and macro; "Handout 3: ..."
# titles make the sidebar list them by module number (docs/training/.nav.yml)
PRINTOUTS = {
    "handout": {
        "title": "Handout {number}: {title}",
        "description": "Participant handout for the training module {title}: objectives, "
                       "key points, scenario, reflection prompts and space for notes.",
        "tags": ["Page: Participant handout", "Audience: New social workers"],
        "macro": "training_handout",
    },
    "facilitator": {
        "title": "Facilitator guide {number}: {title}",
        "description": "Facilitator guide for the training module {title}: agenda, notes, "
                       "discussion prompts and the knowledge check's answer key.",
        "tags": ["Page: Facilitator guide", "Audience: Facilitators"],
        "macro": "training_facilitator",
    },
}
