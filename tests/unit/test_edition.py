"""Agency editions: edition.yml is validated like core data (file:line: field:
message), ids shared with the core are errors unless replaced, and the pure
functions that place an edition's additions on core pages."""
from __future__ import annotations

import shutil

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
        "pcr/questions.md, pcr/consultation.md, pcr/case-stories.md, permanency-options.md, pcr/index.md (of 35)",
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
