"""Worksheets (data/worksheets/*.yml): validation with the exact file, line,
field and message an editor reads, and the renderers, checked as the page's
Markdown renders to HTML. The worksheets draw on the real question bank,
options, data elements and behaviors, so these tests use a copy of data/."""
from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from permanency import pages, printing, render_worksheets
from permanency.model import load
from helpers import ROOT, copy_data, edit, errors, html

WORKSHEETS = ["pcr-review", "pcr-follow-up", "connections-search", "options-checklist",
              "tracking-form", "behaviors-self-check"]


@pytest.fixture
def data(tmp_path) -> Path:
    return copy_data(ROOT, tmp_path)


@pytest.fixture
def real(manual):
    """The real manual (loaded once per run)."""
    return manual




def page_html(manual, worksheet_id: str) -> str:
    md = render_worksheets.worksheet_page(manual, worksheet_id, f"tools/{worksheet_id}.md")
    return html(md)


def visible(html: str) -> str:
    text = re.sub(r"<[^>]+>", " ", html)
    return " ".join(text.replace("&#39;", "'").replace("&#34;", '"').replace("&quot;", '"').replace("&amp;", "&").split())


# ----------------------------------------------------------------- the data
def test_the_six_worksheets_load_in_order(real):
    assert list(real.worksheets) == WORKSHEETS
    assert real.page_of("worksheet", "tracking-form") == "tools/tracking-form.md"


def test_a_question_added_to_the_yaml_appears_on_the_worksheet(data):
    edit(data, "review-questions.yml", "      - id: is-it-possible\n",
         "      - id: who-else-matters\n"
         "        text: Who else would the youth want at the table when plans are made?\n"
         "        wording: manual\n"
         "        purpose: A question added to test that worksheets follow the bank.\n"
         "        guidance: [Test only.]\n"
         "        sources:\n"
         "          - {source: casey-sacramento-2017, section: Introduction}\n"
         "      - id: is-it-possible\n")
    manual = load(data, data.parent / "docs")
    text = visible(page_html(manual, "pcr-review"))
    new = "Who else would the youth want at the table when plans are made?"
    assert new in text
    # in phase order: after the question before it, before the next phase
    assert text.index("Who does the youth want to live with?") < text.index(new) < text.index("Is that possible?")
    assert text.index(new) < text.index("Concerns and barriers")


def test_a_question_edited_in_the_yaml_changes_on_the_worksheet(data):
    edit(data, "review-questions.yml", "text: Who are the youth's friends?", "text: Who does the youth call a friend?")
    manual = load(data, data.parent / "docs")
    for wid in ("pcr-review", "connections-search"):
        text = visible(page_html(manual, wid))
        assert "Who does the youth call a friend?" in text
        assert "Who are the youth's friends?" not in text


def test_unknown_question_id_fails_with_file_line_field(data):
    line = edit(data, "worksheets/connections-search.yml", "      - siblings\n", "      - sibblings\n")
    (msg,) = errors(data)
    assert msg.startswith(
        f"data/worksheets/connections-search.yml:{line}: sections[1].questions[1]: unknown question 'sibblings'; "
        "closest known: siblings"
    )


def test_unknown_phase_element_option_role_and_behavior_each_fail_where_they_are(data):
    l1 = edit(data, "worksheets/pcr-review.yml", "roles: [facilitator, supervisor,", "roles: [facilitater, supervisor,")
    l2 = edit(data, "worksheets/tracking-form.yml", "{element: stepped-down, input: check}", "{element: step-down, input: check}")
    l3 = edit(data, "worksheets/options-checklist.yml", "categories: [legal, relational]", "categories: [legal, relation]")
    l4 = edit(data, "worksheets/behaviors-self-check.yml", "  - listen-and-connect\n", "  - listen-and-conect\n")
    found = errors(data)
    assert [e.split(";")[0] for e in found] == [
        f"data/worksheets/behaviors-self-check.yml:{l4}: related_behaviors[2]: unknown behavior 'listen-and-conect'",
        f"data/worksheets/options-checklist.yml:{l3}: sections[1].categories[1]: unknown option-category 'relation'",
        f"data/worksheets/pcr-review.yml:{l1}: sections[1].roles[0]: unknown role 'facilitater'",
        f"data/worksheets/tracking-form.yml:{l2}: sections[1].columns[4].element: unknown data-element 'step-down'",
    ]


def test_missing_field_for_a_section_kind_and_a_wrong_kind(data):
    edit(data, "worksheets/pcr-follow-up.yml", "    title: Each assignment from the review\n    rows: 5\n",
         "    title: Each assignment from the review\n")
    line = edit(data, "worksheets/options-checklist.yml", "    kind: fields\n", "    kind: feilds\n")
    found = errors(data)
    assert f"data/worksheets/options-checklist.yml:{line}: sections[0].kind: expected one of: fields, participants, questions, table, options, behaviors; got 'feilds'" in found
    assert any(e.startswith("data/worksheets/pcr-follow-up.yml:") and e.endswith("sections[1].rows: missing required field 'rows'")
               for e in found), found


def test_rules_beyond_the_schema(data):
    first = (data / "worksheets/pcr-review.yml").read_text(encoding="utf-8").split("\n").index("  - id: review") + 1
    l1 = edit(data, "worksheets/pcr-review.yml", "  - id: participants\n", "  - id: review\n")
    l2 = edit(data, "worksheets/pcr-review.yml", "      - {label: Last contact}\n", "      - {input: text}\n")
    l3 = edit(data, "worksheets/pcr-follow-up.yml", "    questions: [report-back-progress, other-children-on-the-caseload]\n",
              "    questions: [report-back-progress, other-children-on-the-caseload]\n"
              "    scales:\n      - {question: risk-scale, from: 1, to: 10}\n")
    found = errors(data)
    assert found == [
        f"data/worksheets/pcr-follow-up.yml:{l3 + 2}: sections[4].scales[0].question: question 'risk-scale' is not among this section's questions",
        f"data/worksheets/pcr-review.yml:{l1}: sections[1].id: duplicate section id 'review'; first used on line {first}",
        f"data/worksheets/pcr-review.yml:{l2}: sections[3].columns[2]: a column needs a label, an element (a data element id), or both",
    ]


# ---------------------------------------------------------------- renderers
def test_review_worksheet_has_every_question_of_the_bank_in_phase_order(real):
    text = visible(page_html(real, "pcr-review"))
    positions = [text.index(q["text"]) for q in real.questions.values()]
    assert positions == sorted(positions)
    for phase in real.phases.values():
        assert phase["title"] in text


def test_risk_scale_is_ten_numbered_boxes_to_circle(real):
    out = page_html(real, "pcr-review")
    scale = out[out.index('<fieldset class="ws-q ws-q--scale">'):]
    scale = scale[: scale.index("</fieldset>")]
    assert "<legend class=\"ws-q__text\">On a scale of 1 to 10, what is the risk" in scale
    assert re.findall(r'<input type="radio" name="ws-questions-risk-scale" value="(\d+)"', scale) == [str(n) for n in range(1, 11)]
    assert re.findall(r"<span>(\d+)</span>", scale) == [str(n) for n in range(1, 11)]


def test_review_worksheet_header_roles_grids_options_and_follow_up(real):
    out = page_html(real, "pcr-review")
    text = visible(out)
    for label in ("Date", "Review number", "Region or unit", "Case reference",
                  "Never write the child's name on this sheet."):
        assert label in text
    for role in real.records["role"].values():
        assert f'<label for="ws-participants-{role["id"]}">{role["title"]}</label>' in out
    assert re.search(r"<th[^>]*>Person</th><th[^>]*>Relationship to the youth</th><th[^>]*>Last contact</th>"
                     r"<th[^>]*>Could they be a permanency resource\?</th><th[^>]*>Next step</th>", out)
    assert re.search(r"<th[^>]*>Who</th><th[^>]*>What</th><th[^>]*>By when</th>", out)
    for cid in ("legal", "relational", "progress"):
        category = real.option_categories[cid]
        assert f"<legend>{category['title']}</legend>" in out
        for option in category["options"]:
            assert f'id="ws-options-{option["id"]}"> {option["name"]}</label>' in out
    assert '<label for="ws-follow-up-date">Date to meet and report back</label>' in out


def test_options_checklist_prints_each_definition_under_its_category(real):
    text = visible(page_html(real, "options-checklist"))
    for cid in ("legal", "relational"):
        for option in real.option_categories[cid]["options"]:
            assert f"{option['name']} {option['definition']}" in text
    assert "Return home under dependent supervision" not in text  # progress is not asked for here


def test_tracking_form_has_a_column_per_data_element_and_a_totals_row(real):
    out = page_html(real, "tracking-form")
    heads = re.findall(r'<th scope="col" id="ws-reviews-c\d+"[^>]*>([^<]+)</th>', out)
    elements = real.data_elements
    assert heads == ["Date held", "Case reference"] + [
        elements[e]["label"] for e in ("cases-to-legal-permanency", "placed-with-relative-or-nrefm",
                                       "stepped-down", "closed-after-legal-permanency")] + ["Notes"]
    assert len(re.findall(r'<tr><th scope="row" class="ws-rownum" id="ws-reviews-r\d+">', out)) == 16
    totals = out[out.index("<tfoot>"):out.index("</tfoot>")]
    assert '<span class="ws-total__label" id="ws-reviews-total-c1">PCRs held</span>' in totals
    assert totals.count('class="ws-cell ws-cell--total"') == 5  # every element column is totalled


def test_self_check_lists_the_twelve_behaviors_with_the_scale(real):
    out = page_html(real, "behaviors-self-check")
    names = re.findall(r'<span class="ws-behaviors__name" id="ws-behaviors-[a-z-]+">(\d+)\. ', out)
    assert names == [str(n) for n in range(1, 13)]
    for b in real.behaviors.values():
        assert f'name="ws-behaviors-{b["id"]}"' in out
        assert out.count(f'name="ws-behaviors-{b["id"]}"') == 4
    assert re.findall(r'id="ws-behaviors-p\d">([^<]+)</th>', out) == ["Rarely", "Sometimes", "Often", "Consistently"]


def test_connections_search_uses_only_the_categories_it_names(real):
    out = page_html(real, "connections-search")
    for choice in ("Relative", "Former caregiver", "Other important person", "Named by the youth",
                   "In the case record", "At a case review", "Contacted", "Open to a relationship",
                   "Meeting arranged", "Written agreement"):
        assert out.count(f"> {choice}</label>") == 10
    # prompts only: the questions are listed, with nothing to write in
    assert '<ul class="ws-prompts">' in out and "<textarea" not in out


class _Controls(HTMLParser):
    def __init__(self):
        super().__init__()
        self.controls, self.labels_for, self.ids, self.stack = [], set(), set(), []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "label":
            self.stack.append(tag)
            if a.get("for"):
                self.labels_for.add(a["for"])
        if tag in ("input", "textarea"):
            self.controls.append((a, "label" in self.stack))

    def handle_endtag(self, tag):
        if tag == "label" and self.stack:
            self.stack.pop()


@pytest.mark.parametrize("wid", WORKSHEETS)
def test_every_control_has_a_label_and_keeps_nothing(real, wid):
    out = page_html(real, wid)
    parser = _Controls()
    parser.feed(out)
    assert parser.controls
    for attrs, wrapped in parser.controls:
        named = wrapped or attrs.get("id") in parser.labels_for or attrs.get("aria-labelledby")
        assert named, attrs
        for ref in (attrs.get("aria-labelledby") or "").split():
            assert ref in parser.ids, (ref, attrs)
        if attrs.get("type", "text") == "text" or "rows" in attrs:
            assert attrs.get("autocomplete") == "off", attrs
            assert attrs.get("spellcheck") == "false", attrs
        else:  # HTML allows autocomplete on text fields only
            assert "autocomplete" not in attrs, attrs
    assert "<form" not in out  # nothing can be submitted anywhere
    assert "What you type stays in this browser tab only: it is not saved and not sent anywhere" in visible(out)
    assert '<button type="button" class="md-button ws-clear" hidden>Clear all</button>' in out


def test_worksheet_text_from_data_is_escaped(real):
    import copy

    manual = copy.deepcopy(real)
    manual.worksheets["pcr-review"]["sections"][0]["fields"][0]["label"] = '<script>alert("x")</script>'
    manual.questions["siblings"]["text"] = "Siblings <b>bold</b> *stars*?"
    out = page_html(manual, "pcr-review")
    assert "<script>" not in out and "<b>bold</b>" not in out
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in out
    assert "Siblings &lt;b&gt;bold&lt;/b&gt; *stars*?" in out


def test_index_lists_every_worksheet_with_its_purpose(real):
    out = html(render_worksheets.worksheet_index(real, "tools/index.md"))
    for w in real.worksheets.values():
        assert f'<td><a href="{w["id"]}.md">{w["title"]}</a></td>' in out
        assert " ".join(w["summary"].split()) in visible(out)
    assert out.index("PCR review worksheet") < out.index("Practice behaviors self-check")


def test_generated_worksheet_pages_carry_pdf_front_matter(real):
    generated = pages.generated(real)
    review = generated["tools/pcr-review.md"].front
    assert review["title"] == "PCR review worksheet" and review["description"].startswith("For the review itself:")
    assert review["pdf"] is True
    assert generated["tools/tracking-form.md"].front["pdf"] == {"orientation": "landscape"}
    assert generated["tools/tracking-form.md"][1:] == ("worksheet_page", ("tracking-form",))


def test_pdf_slug():
    assert printing.pdf_slug("tools/pcr-review.md") == "tools-pcr-review"
    assert printing.pdf_slug("index.md") == "index"
    assert printing.pdf_slug("pcr/handouts/quick-reference.md") == "pcr-handouts-quick-reference"
