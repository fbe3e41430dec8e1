"""The Markdown source of every page generated from a record: front matter plus
one macro call. The macro does the rendering; nothing here copies data into a page
beyond its title and dates."""
from __future__ import annotations

import json

from markupsafe import escape

from . import render, render_training, render_worksheets
from .loader import Manual

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


def page_source(front: dict, macro: str, record_id: str) -> str:
    """A generated page: ``front`` as front matter, then one macro call."""
    # JSON is valid YAML and quotes every string safely
    lines = [f"{key}: {json.dumps(value)}" for key, value in front.items()]
    return "---\n" + "\n".join(lines) + f"\n---\n\n{{{{ {macro}({json.dumps(record_id)}) }}}}\n"


def _front(title: str, description: str, last_reviewed: str, **more) -> dict:
    # Material prints description unescaped into a <meta> attribute
    return {"title": title, "description": str(escape(description)),
            "last_reviewed": last_reviewed, "render_macros": True, **more}


def generated(manual: Manual) -> dict[str, str]:
    out = {}
    for src_uri, (kind, record) in manual.generated_pages().items():
        macro, title = _PAGE_MACROS[kind]
        front = _front(title(record), record.get("summary", ""), record["last_reviewed"])
        front.update(_EXTRA_FRONT_MATTER.get(kind, lambda r: {})(record))
        out[src_uri] = page_source(front, macro, record["id"])
    out.update(_module_printouts(manual))
    return out


def _module_printouts(manual: Manual) -> dict[str, str]:
    """Each training module's participant handout and facilitator guide
    (``pdf: true``). They repeat the module page's content, so search leaves them
    out. The module pages themselves come from the loader's Kind like any record's."""
    out = {}
    for module in manual.modules.values():
        title, reviewed = module["title"], module["last_reviewed"]
        # "Handout 3: ...": the sidebar lists them by module number (docs/training/.nav.yml)
        out[render_training.handout_page(module)] = page_source(_front(
            f"Handout {module['number']}: {title}",
            f"Participant handout for the training module {title}: objectives, "
            "key points, scenario, reflection prompts and space for notes.",
            reviewed, pdf=True, search={"exclude": True},
            tags=["Page: Participant handout", "Audience: New social workers"],
        ), "training_handout", module["id"])
        out[render_training.facilitator_page(module)] = page_source(_front(
            f"Facilitator guide {module['number']}: {title}",
            f"Facilitator guide for the training module {title}: agenda, notes, "
            "discussion prompts and the knowledge check's answer key.",
            reviewed, pdf=True, search={"exclude": True},
            tags=["Page: Facilitator guide", "Audience: Facilitators"],
        ), "training_facilitator", module["id"])
    return out
