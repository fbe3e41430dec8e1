"""The kinds of data the manual holds, in one table: each kind's files under
data/, its schema, how a file name fixes a record's id, and every docs page a
record gets (its own page, its printouts, or an anchor on a shared page)."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

PagePath = Callable[[dict], str]


@dataclass(frozen=True)
class Kind:
    """One kind of data file.

    ``pattern`` is a glob under data/. ``collection`` names the list that holds
    the records when one file holds many (sources.yml); ``None`` means one record
    per file. ``id_from_name`` says how the file name determines the record id.
    """

    name: str  # the word used in messages: "unknown program 'x'"
    pattern: str | None  # None: records nested in another kind's records
    schema: str | None
    collection: str | None = None
    id_from_name: Callable[[str], tuple[str, int | None]] | None = None
    singleton: bool = False  # one file, not a set of records
    required: bool = True  # a singleton the manual cannot do without
    page: PagePath | None = None  # docs-relative page generated for a record
    # more pages generated for each record, by name: a module's printouts
    printouts: tuple[tuple[str, PagePath], ...] = ()
    # records shown on a shared, hand-written page: "page.md#anchor"
    anchor: PagePath | None = None
    # (field, kind): each item of the list in `field` is a record of `kind`
    children: tuple[tuple[str, str], ...] = ()

    def printout(self, name: str, record: dict) -> str:
        return dict(self.printouts)[name](record)

    def pages_for_file(self, stem: str) -> tuple[str, ...]:
        """The docs pages generated from the data file ``<stem>.yml``, from its
        name alone, so a page is known even when its file does not parse."""
        record_id, number = self.id_from_name(stem) if self.id_from_name else (stem, None)
        if not record_id or self.page is None:
            return (f"{self.pattern.split('/')[0]}/{stem}.md",) if self.page else ()
        named = {"id": record_id, "number": number}
        return (self.page(named), *(path(named) for _, path in self.printouts))


_NUMBERED = re.compile(r"^(\d{2,})-([a-z0-9]+(?:-[a-z0-9]+)*)$")


def plain_name(stem: str) -> tuple[str, None]:
    return stem, None


def numbered_name(stem: str) -> tuple[str, int | None]:
    match = _NUMBERED.match(stem)
    if not match:
        return "", None
    return match.group(2), int(match.group(1))


KINDS: tuple[Kind, ...] = (
    Kind("source", "sources.yml", "sources.schema.json", collection="sources"),
    Kind("program", "programs/*.yml", "program.schema.json", id_from_name=plain_name,
         page=lambda r: f"programs/{r['id']}.md"),
    Kind("behavior", "practice-behaviors/*.yml", "practice-behavior.schema.json", id_from_name=numbered_name,
         page=lambda r: f"practice-behaviors/{r['number']:02d}-{r['id']}.md"),
    Kind("outcome", "outcomes/*.yml", "outcome.schema.json", id_from_name=plain_name,
         page=lambda r: f"outcomes/{r['id']}.md"),
    Kind("event", "timeline.yml", "timeline.schema.json", collection="events"),
    Kind("manual", "manual.yml", "manual.schema.json", singleton=True),
    # the permanency case review as a practice: roles, stages, facilitation
    Kind("pcr-practice", "pcr-practice.yml", "pcr-practice.schema.json", singleton=True, required=False,
         children=(("roles", "role"), ("stages", "stage"), ("styles", "facilitation-style"),
                   ("variations", "variation"))),
    Kind("role", None, None, anchor=lambda r: f"pcr/roles.md#{r['id']}"),
    Kind("stage", None, None, anchor=lambda r: f"pcr/running-a-review.md#{r['id']}"),
    Kind("facilitation-style", None, None, anchor=lambda r: f"pcr/running-a-review.md#{r['id']}"),
    Kind("variation", None, None, anchor=lambda r: f"pcr/running-a-review.md#{r['id']}"),
    # the review question bank: phases in order, each with its questions
    Kind("phase", "review-questions.yml", "review-questions.schema.json", collection="phases",
         anchor=lambda r: f"pcr/questions.md#{r['id']}", children=(("questions", "question"),)),
    Kind("question", None, None, anchor=lambda r: f"pcr/questions.md#{r['id']}"),
    # legal and relational permanency, and the options under each
    Kind("option-category", "permanency-options.yml", "permanency-options.schema.json", collection="categories",
         anchor=lambda r: f"permanency-options.md#{r['id']}", children=(("options", "option"),)),
    Kind("option", None, None, anchor=lambda r: f"permanency-options.md#{r['id']}"),
    Kind("data-element", "pcr-data-elements.yml", "pcr-data-elements.schema.json", collection="elements",
         anchor=lambda r: f"pcr/data-elements.md#{r['id']}"),
    Kind("lesson", "lessons-learned.yml", "lessons-learned.schema.json", collection="lessons",
         anchor=lambda r: f"pcr/lessons-learned.md#{r['id']}"),
    Kind("story", "case-stories.yml", "case-stories.schema.json", collection="stories",
         anchor=lambda r: f"pcr/case-stories.md#{r['id']}"),
    Kind("term", "glossary.yml", "glossary.schema.json", collection="terms",
         anchor=lambda r: f"glossary.md#{r['id']}"),
    # printable worksheets drawn from the records above; one page each under tools/
    Kind("worksheet", "worksheets/*.yml", "worksheet.schema.json", id_from_name=plain_name,
         page=lambda r: f"tools/{r['id']}.md"),
    # training modules for new workers, numbered in the learning path's order:
    # the module page, its participant handout and its facilitator guide
    Kind("module", "training/*.yml", "module.schema.json", id_from_name=numbered_name,
         page=lambda r: f"training/{r['number']:02d}-{r['id']}.md",
         printouts=(("handout", lambda r: f"training/handouts/{r['id']}.md"),
                    ("facilitator", lambda r: f"training/facilitator/{r['id']}.md"))),
    # consultation mode and the quick reference (permanency/render_consult.py)
    Kind("consultation", "consultation.yml", "consultation.schema.json", singleton=True, required=False,
         children=(("agenda", "agenda-phase"),)),
    Kind("agenda-phase", None, None, anchor=lambda r: f"pcr/consultation.md#{r['id']}"),
    Kind("quick-reference", "quick-reference.yml", "quick-reference.schema.json", singleton=True, required=False),
)
KIND_BY_NAME = {k.name: k for k in KINDS}

# Anchors the component templates give their own headings on the shared pages
# (permanency/templates/components/*.md.j2); a record id must not take one.
PAGE_HEADINGS: dict[str, frozenset[str]] = {
    "pcr/roles.md": frozenset({"sources"}),
    "pcr/running-a-review.md": frozenset({"stages", "facilitation-styles", "model-fidelity", "variations", "sources"}),
    "pcr/questions.md": frozenset({"sources"}),
    "permanency-options.md": frozenset({"sources"}),
    "pcr/data-elements.md": frozenset({"what-to-count", "lessons", "sources"}),
    "pcr/lessons-learned.md": frozenset({"sources"}),
    "pcr/case-stories.md": frozenset({"sources"}),
    "glossary.md": frozenset(f"letter-{c}" for c in "abcdefghijklmnopqrstuvwxyz#"),
    "pcr/consultation.md": frozenset({"timer", "before-the-review", "agenda", "closing", "closing-record", "sources"}),
}


def related_kind(field: str) -> str | None:
    """The kind a ``related_<kind>s`` field names: 'related_behaviors' ->
    'behavior', when that is a kind of record."""
    if not field.startswith("related_"):
        return None
    name = field[len("related_"):]
    for candidate in (name, name[:-1] if name.endswith("s") else name, name.replace("_", "-")[:-1]):
        if candidate in KIND_BY_NAME:
            return candidate
    return None
