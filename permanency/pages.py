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


def generated(manual: Manual) -> dict[str, str]:
    out = {}
    for src_uri, (kind, record) in manual.generated_pages().items():
        macro, title = _PAGE_MACROS[kind]
        front = {
            "title": title(record),
            # Material prints description unescaped into a <meta> attribute
            "description": str(escape(record.get("summary", ""))),
            "last_reviewed": record["last_reviewed"],
            "render_macros": True,
        }
        front.update(_EXTRA_FRONT_MATTER.get(kind, lambda r: {})(record))
        # JSON is valid YAML and quotes every string safely
        lines = [f"{key}: {json.dumps(value)}" for key, value in front.items()]
        out[src_uri] = "---\n" + "\n".join(lines) + f"\n---\n\n{{{{ {macro}({json.dumps(record['id'])}) }}}}\n"
    # each training module's participant handout and facilitator guide
    out.update(render_training.generated_pages(manual))
    return out
