"""The built site read as HTML: tags on every page and the tags index, related
pages at the foot of pages data joins, stable anchors for agenda phases and
questions, and the search settings the offline site carries."""
from __future__ import annotations

import json
import re

from sitecheck import built_pages, read, text


def test_every_page_has_tags_including_its_kind(site):
    missing = []
    for rel in built_pages(site):
        if rel == "404.html":
            continue
        html = (site / rel).read_text(encoding="utf-8")
        tags = re.findall(r'class="md-tag[^"]*"[^>]*>([^<]+)<', html)
        if not any(t.strip().startswith("Page: ") for t in tags):
            missing.append(rel)
    assert missing == []


def test_tags_index_lists_every_tag_with_its_pages(site):
    page = text(site / "tags.html")
    for tag in ("Page: Tool", "Audience: Facilitators", "Program: P3", "Behavior: Be accountable"):
        assert tag in page, tag
    ids = read(site / "tags.html").ids
    assert {"tag-page-tool", "tag-program-p3", "tag-behavior-be-accountable"} <= ids


def test_generated_pages_carry_tags_from_their_record(site):
    html = (site / "programs" / "p3.html").read_text(encoding="utf-8")
    tags = re.findall(r'class="md-tag[^"]*"[^>]*>([^<]+)<', html)
    assert {"Page: Program", "Program: P3", "Audience: New social workers",
            "Behavior: Find and engage important people"} <= {t.strip() for t in tags}


def test_related_pages_at_the_foot(site):
    html = (site / "practice-behaviors" / "06-assess-safety-and-plan-permanency.html").read_text(encoding="utf-8")
    foot = html[html.index('id="related-pages"'):]
    assert 'href="../pcr/questions.html"' in foot
    assert 'href="../programs/p3.html"' in foot
    # the quick reference stays one sheet: no related list
    assert 'id="related-pages"' not in (site / "quick-reference.html").read_text(encoding="utf-8")


def test_agenda_phases_and_questions_have_stable_anchors(site, manual):
    consult = read(site / "pcr" / "consultation.html").ids
    assert set(manual.records["agenda-phase"]) <= consult
    assert {"timer", "agenda", "closing", "closing-record"} <= consult
    questions = read(site / "pcr" / "questions.html").ids
    assert set(manual.questions) <= questions and set(manual.phases) <= questions


def test_search_index_works_offline_with_the_manual_separator(site):
    index = (site / "search" / "search_index.js").read_text(encoding="utf-8")
    config = json.loads(index[index.index("{"):index.rindex("}") + 1])["config"]
    assert config["fields"]["tags"]["boost"] < config["fields"]["title"]["boost"]
    assert re.split(config["separator"], "Katie A. second-chance reunification") == [
        "Katie", "A.", "second", "chance", "reunification"]
    docs = {d["location"]: d for d in json.loads(index[index.index("{"):index.rindex("}") + 1])["docs"]}
    assert docs["glossary.html"]["boost"] == 3
    assert docs["programs/p3.html"]["boost"] == 3
