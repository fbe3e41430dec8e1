"""Agency editions: edition.yml is validated like core data (file:line: field:
message), ids shared with the core are errors unless replaced, and the pure
functions that place an edition's additions on core pages."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpers import FIXTURES, ROOT, edit
from permanency import edition as editions
from permanency import pages
from permanency.errors import DataErrors
from permanency.render_edition import insert_block, unlink_hidden
from permanency.render_manual import site_settings, source_pages

SAMPLE = FIXTURES / "edition-fernhollow"


@pytest.fixture
def sample(tmp_path):
    """A writable copy of the fictional sample edition."""
    root = tmp_path / "edition-fernhollow"
    shutil.copytree(SAMPLE, root)
    return root


def loaded(root):
    """(the manual as the edition shows it, the edition): the core's data and the
    edition's own data/ read together, edition.yml validated, as a build does."""
    return editions.load_manual(ROOT / "data", ROOT / "docs", root)


def load_errors(root, manual=None) -> list[str]:
    with pytest.raises(DataErrors) as info:
        loaded(root)
    return [str(e) for e in info.value.errors]


def load_ok(root, manual=None):
    return loaded(root)[1]


def test_the_sample_edition_is_valid_and_found_from_its_config(manual):
    core, root = editions.find(SAMPLE / "mkdocs.yml")
    assert core == ROOT / "mkdocs.yml" and root == SAMPLE
    assert editions.find(ROOT / "mkdocs.yml") == (ROOT / "mkdocs.yml", None)
    edition = load_ok(SAMPLE, manual)
    assert edition.local_pages == ["local/requesting-a-review.md", "training/fernhollow-local-session.md"]
    assert edition.hidden == {"programs/tfsc.md": "Fernhollow County (fictional) does not take part in "
                                                  "Thriving Families, Safer Children."}


def test_bad_fields_name_file_line_field_and_what_was_expected(sample, manual):
    line = edit(sample, "edition.yml", "editor_email: manual-editor@fernhollow.example", "editor_email: nobody")
    note = edit(sample, "edition.yml", "  - on: program:p3", "  - on: program:p4")
    contact = edit(sample, "edition.yml", "    source: fh-unit-lead", "    source: fh-unit-leader", first=True)
    after = edit(sample, "edition.yml", "    after: pcr", "    after: pcr-section")
    assert load_errors(sample, manual) == sorted([
        f"edition-fernhollow/edition.yml:{line}: editor_email: expected an e-mail address like "
        "manual-editor@agency.example; got 'nobody'",
        f"edition-fernhollow/edition.yml:{note}: notes[0].on: unknown program 'p4'; known: "
        + ", ".join(sorted(manual.programs)),
        f"edition-fernhollow/edition.yml:{contact}: contacts[0].source: unknown agency-source 'fh-unit-leader'; "
        "known: fh-permanency-memo, fh-unit-lead",
        f"edition-fernhollow/edition.yml:{after}: pages[0].after: unknown nav-entry 'pcr-section'; closest known: "
        "pcr/questions.md, pcr/consultation.md, pcr/case-stories.md, permanency-options.md, pcr/index.md (of 38)",
    ])


def test_a_missing_required_field_and_a_hidden_page_the_core_lacks(sample, manual):
    edit(sample, "edition.yml", "county: Fernhollow County\n", "")
    hidden = edit(sample, "edition.yml", "  - page: programs/tfsc.md", "  - page: programs/tsfc.md")
    errors = load_errors(sample, manual)
    assert "edition-fernhollow/edition.yml:4: county: missing required field 'county'" in errors
    assert any(e.startswith(f"edition-fernhollow/edition.yml:{hidden}: hidden[0].page: unknown core-page "
                            "'programs/tsfc.md'") for e in errors)


def test_an_id_shared_with_the_core_is_an_error_unless_the_edition_replaces_it(sample, manual):
    (sample / "docs" / "glossary.md").write_text("---\ntitle: Glossary\nlast_reviewed: 2026-12-01\n---\n\nLocal.\n",
                                                 encoding="utf-8")
    term = edit(sample, "edition.yml", "  - id: fh-pru", "  - id: nrefm")
    source = edit(sample, "edition.yml", "  - id: fh-unit-lead", "  - id: cdss-cpm-ccr")
    errors = load_errors(sample, manual)
    assert "edition-fernhollow/docs/glossary.md:1: a core page has this name; rename it, or list " \
           "'glossary.md' under replaces: in edition.yml" in errors
    assert f"edition-fernhollow/edition.yml:{term}: terms[0].id: 'nrefm' is a core glossary id; " \
           "choose another id, or list it under replaces:" in errors
    assert f"edition-fernhollow/edition.yml:{source}: sources[1].id: 'cdss-cpm-ccr' is a core source id; " \
           "agency sources need ids of their own" in errors
    text = (sample / "edition.yml").read_text(encoding="utf-8")
    (sample / "edition.yml").write_text(text + "replaces: [glossary.md, nrefm]\n", encoding="utf-8")
    edit(sample, "edition.yml", "  - id: cdss-cpm-ccr", "  - id: fh-unit-lead")
    assert load_ok(sample, manual).local_pages == ["glossary.md", "local/requesting-a-review.md",
                                                   "training/fernhollow-local-session.md"]


def test_a_local_page_needs_a_place_in_the_navigation(sample, manual):
    front = "---\ntitle: T\nlast_reviewed: 2026-12-01\n---\n\nText.\n"
    (sample / "docs" / "local" / "court-days.md").write_text(front, encoding="utf-8")
    (sample / "docs" / "programs").mkdir()
    (sample / "docs" / "programs" / "local-program.md").write_text(front, encoding="utf-8")  # a core folder
    errors = load_errors(sample, manual)
    assert len(errors) == 1
    assert errors[0].startswith("edition-fernhollow/docs/local/court-days.md:1: this page has no place in the "
                                "navigation; list it under pages: in edition.yml with the entry it comes after")


def test_an_editions_config_must_inherit_the_core(sample):
    (sample / "mkdocs.yml").write_text("site_name: Fernhollow\n", encoding="utf-8")
    with pytest.raises(DataErrors) as info:
        editions.find(sample / "mkdocs.yml")
    assert "must INHERIT the core's mkdocs.yml" in str(info.value)


def test_the_edition_renames_the_manual_and_adds_its_sources_and_terms(manual):
    shown, _ = loaded(SAMPLE)
    assert shown.meta["title"] == "Fernhollow County Permanency Practice Manual"
    assert shown.version == "0.4.0+fernhollow.2"  # its change log merged with the core's, newest first
    assert [e["version"] for e in shown.meta["changelog"]] == [
        "0.4.0+fernhollow.2", "0.3.0+fernhollow.1", *(e["version"] for e in manual.meta["changelog"])]
    assert shown.sources["fh-unit-lead"]["agency"] is True and "fh-unit-lead" not in manual.sources
    assert shown.terms["fh-pru"]["local"] is True and "fh-pru" not in manual.terms
    # the footer counts the public documents only, in words
    assert site_settings(shown)["copyright"].startswith("Compiled from five public source documents and Fernhollow")
    assert site_settings(manual) == {
        "site_name": "Permanency Practice Manual",
        "copyright": "Compiled from five public source documents, each cited where it is used. See the Sources page.",
    }


def test_the_footer_counts_public_documents_only(manual):
    import dataclasses

    note = {"id": "note-x", "type": "editors-note", "title": "An editor's note", "last_reviewed": "2026-12-01"}
    agency = {"id": "agency-x", "agency": True, "title": "An agency memo", "short_title": "Memo"}
    more = dataclasses.replace(manual, records={**manual.records, "source": {
        **manual.sources, "note-x": note, "agency-x": agency,
        "sixth": {**next(iter(manual.sources.values())), "id": "sixth", "type": "document"}}})
    assert site_settings(more)["copyright"].startswith("Compiled from six public source documents,")


def test_a_block_goes_at_the_end_of_its_records_section_or_before_the_sources():
    body = "# P\n\nText.\n\n## One { #one }\n\nA.\n\n### Sub\n\nB.\n\n## Two { #two }\n\nC.\n\n## Sources { #sources }\n\n- s\n"
    in_one = insert_block(body, "one", "NOTE")
    assert in_one.index("B.") < in_one.index("\n\nNOTE\n\n## Two")
    with_note = insert_block(body, None, "NOTE")
    assert with_note.index("C.") < with_note.index("NOTE") < with_note.index("## Sources")
    assert insert_block("# P\n", None, "NOTE\n") == "# P\n\nNOTE\n\n"


def test_links_to_a_hidden_page_become_plain_text_and_others_stay():
    body = ('See [TFSC](../programs/tfsc.md#aim), [P3](../programs/p3.md) and '
            '<a href="../programs/tfsc.html">the TFSC page</a>; [x\\]y](https://example.org/programs/tfsc.md).')
    assert unlink_hidden(body, "training/07.md", {"programs/tfsc.md": "why"}) == (
        'See TFSC, [P3](../programs/p3.md) and the TFSC page; [x\\]y](https://example.org/programs/tfsc.md).')
    assert unlink_hidden(body, "training/07.md", {}) == body


# ------------------------------------------------- the edition's own data/
def test_the_sample_editions_local_worksheet_is_read_like_a_core_one_and_cited_to_its_own_source():
    shown, edition = loaded(SAMPLE)
    sheet = shown.worksheets["fh-review-request"]
    assert sheet["local"] is True and list(shown.worksheets)[-1] == "fh-review-request"  # its order: 7
    assert shown.local_files == {("worksheet", "fh-review-request"):
                                 "edition-fernhollow/data/worksheets/fh-review-request.yml"}
    assert [s["source"] for s in sheet["sources"]] == ["fh-permanency-memo"]
    assert shown.sources["fh-permanency-memo"]["kind"] == "Agency document"
    assert "tools/fh-review-request.md" in shown.generated_pages()


def test_a_bad_local_worksheet_fails_with_file_line_field_like_a_core_one(sample):
    rel = "data/worksheets/fh-review-request.yml"
    order = edit(sample, rel, "order: 7", "order: seventh")
    role = edit(sample, rel, "      - {label: Asked to come, input: check}", "      - {label: Asked to come, input: tick}")
    cite = edit(sample, rel, "  - {source: fh-permanency-memo,", "  - {source: fh-memo,")
    errors = load_errors(sample)
    file = f"edition-fernhollow/{rel}"
    assert f"{file}:{order}: order: expected a whole number, got the text 'seventh'" in errors
    assert any(e.startswith(f"{file}:{role}: sections[1].columns[2].input: expected ") and e.endswith("got 'tick'")
               for e in errors)
    assert any(e.startswith(f"{file}:{cite}: sources[0].source: unknown source 'fh-memo'") for e in errors)
    assert len(errors) == 3


def test_a_local_record_with_a_core_id_is_an_error_unless_the_edition_replaces_its_page(sample):
    core = ROOT / "data" / "training" / "06-lessons-and-barriers.yml"
    (sample / "data" / "training").mkdir()
    shutil.copy(core, sample / "data" / "training" / "08-lessons-and-barriers.yml")
    shutil.copy(ROOT / "data" / "worksheets" / "pcr-review.yml", sample / "data" / "worksheets" / "pcr-review.yml")
    errors = load_errors(sample)
    assert "edition-fernhollow/data/worksheets/pcr-review.yml:5: id: 'pcr-review' is a core worksheet id " \
           "(data/worksheets/pcr-review.yml:5); choose another id, or list 'tools/pcr-review.md' under " \
           "replaces: in edition-fernhollow/edition.yml to put this worksheet in its place" in errors
    assert any(e.startswith("edition-fernhollow/data/training/08-lessons-and-barriers.yml:2: id: 'lessons-and-barriers' "
                            "is a core module id") for e in errors)
    # named like the core's file and listed under replaces:, the edition's record takes its place
    (sample / "data" / "training" / "08-lessons-and-barriers.yml").rename(
        sample / "data" / "training" / "06-lessons-and-barriers.yml")
    edit(sample, "data/training/06-lessons-and-barriers.yml", "title: Lessons learned and the barriers to change",
         "title: Lessons learned, with Fernhollow's own")
    text = (sample / "edition.yml").read_text(encoding="utf-8")
    (sample / "edition.yml").write_text(
        text + "replaces: [tools/pcr-review.md, training/06-lessons-and-barriers.md]\n", encoding="utf-8")
    shown, _ = loaded(sample)
    assert shown.modules["lessons-and-barriers"]["title"] == "Lessons learned, with Fernhollow's own"
    assert shown.modules["lessons-and-barriers"]["local"] is True and len(shown.modules) == 7
    assert shown.worksheets["pcr-review"]["local"] is True and len(shown.worksheets) == 7


def test_an_editions_data_holds_one_record_per_file_kinds_only(sample):
    shutil.copy(ROOT / "data" / "glossary.yml", sample / "data" / "glossary.yml")
    assert load_errors(sample) == [
        "edition-fernhollow/data/glossary.yml:1: an edition's data/ holds one record per file, of these kinds: "
        "data/programs/*.yml, data/practice-behaviors/*.yml, data/outcomes/*.yml, data/worksheets/*.yml, "
        "data/training/*.yml; its sources, contacts, terms and notes go in edition-fernhollow/edition.yml"]


def test_a_local_page_goes_after_a_page_of_its_own_folder(sample):
    after = edit(sample, "edition.yml", "    after: training/after-the-course.md", "    after: pcr/roles.md")
    assert load_errors(sample) == [
        f"edition-fernhollow/edition.yml:{after}: pages[2].after: 'training/fernhollow-local-session.md' can go "
        "after a page of its own folder only; 'pcr/roles.md' is in pcr/"]
    edit(sample, "edition.yml", "  - page: training/fernhollow-local-session.md\n    after: pcr/roles.md\n", "")
    errors = load_errors(sample)  # the course's navigation lists its pages by name: it needs a place
    assert errors[0].startswith("edition-fernhollow/docs/training/fernhollow-local-session.md:1: this page has no "
                                "place in the navigation")


def test_notes_go_on_modules_too_and_never_on_a_hidden_page(sample):
    shown, edition = loaded(SAMPLE)
    from permanency.render_edition import local_additions

    placed = local_additions(shown, edition, {})
    for page in ("training/05-permanency-case-review.md", "practice-behaviors/07-build-supportive-team.md",
                 "pcr/questions.md", "glossary.md", "programs/p3.md"):
        assert "In Fernhollow County (local note)" in placed[page][0][1], page
    note = edit(sample, "edition.yml", "  - on: program:p3", "  - on: program:tfsc")
    assert load_errors(sample) == [f"edition-fernhollow/edition.yml:{note}: notes[0].on: program 'tfsc' is on a "
                                   "page this edition hides (programs/tfsc.md)"]


def test_a_hidden_page_leaves_no_listing_in_the_data_the_pages_are_made_from(manual):
    shown, _ = loaded(SAMPLE)
    assert "tfsc" in manual.programs and "tfsc" not in shown.programs
    assert all("tfsc" not in b["related_programs"] for b in shown.behaviors.values())
    assert all("tfsc" not in e.get("programs", []) for e in shown.events.values())
    assert all(r["page"] != "programs/tfsc.md" for m in shown.modules.values() for r in m["readings"])
    assert all(s["page"] != "programs/tfsc.md" for t in shown.terms.values() for s in t.get("see", []))
    # a link that is not a listing stays (as text): module 7's question still names the page that teaches it
    assert any(q["page"] == "programs/tfsc.md" for q in shown.modules["cfpm-disparities-partnership"]["knowledge_check"])
    assert any("tfsc" in b["related_programs"] for b in manual.behaviors.values())  # the core is left as loaded


def test_review_due_with_an_edition_lists_its_own_pages_data_and_sources_and_not_its_hidden_pages(capsys):
    from permanency.cli import main

    assert main(["review-due", "--data", str(ROOT / "data"), "--docs", str(ROOT / "docs"),
                 "--edition", str(SAMPLE), "--today", "2030-01-01"]) == 0
    out = capsys.readouterr().out
    for line in ("tools/fh-review-request.md  (edition-fernhollow/data/worksheets/fh-review-request.yml)",
                 "local/requesting-a-review.md  (edition-fernhollow/docs/local/requesting-a-review.md)",
                 "training/fernhollow-local-session.md  (edition-fernhollow/docs/training/fernhollow-local-session.md)",
                 "sources.md#fh-permanency-memo  (edition-fernhollow/edition.yml)",
                 "programs/p3.md  (data/programs/p3.yml)"):
        assert line in out, line
    assert "programs/tfsc.md" not in out


def test_a_local_page_can_follow_another_placed_above_it(sample):
    front = "---\ntitle: Court days\nlast_reviewed: 2026-12-01\n---\n\nText.\n"
    (sample / "docs" / "local" / "court-days.md").write_text(front, encoding="utf-8")
    edit(sample, "edition.yml", "    after: pcr\n", "    after: pcr\n  - page: local/court-days.md\n"
                                                   "    after: local/requesting-a-review.md\n")
    _, edition = loaded(sample)
    assert editions.placements(edition)[:2] == [("", "pcr", "local/requesting-a-review.md", None),
                                                ("", "local/requesting-a-review.md", "local/court-days.md", None)]
    assert ("training", "after-the-course.md", "fernhollow-local-session.md", None) in editions.placements(edition)


def test_the_sample_editions_config_loads_as_mkdocs_serve_reads_it():
    """Paths in an edition's mkdocs.yml are read from its folder: the core's
    templates and hooks must be named from there (`make serve EDITION=...`)."""
    from mkdocs.config import load_config

    config = load_config(config_file=str(SAMPLE / "mkdocs.yml"))
    assert config["site_url"] == "https://manual.fernhollow.example/"
    assert [Path(m.__file__).resolve() for m in config["hooks"].values()] == [ROOT / "permanency" / "book_hooks.py"]
    assert Path(config["theme"].custom_dir).resolve() == ROOT / "overrides"
