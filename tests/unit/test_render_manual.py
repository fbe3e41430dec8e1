"""The render step (`python -m permanency render`): the whole manual as plain
Markdown with front matter, and a config any MkDocs can build with no plugin of
the manual's own; every page it cannot render listed at once."""
from __future__ import annotations

import pytest
import yaml
from mkdocs.utils import meta as front_matter

from builds import make_project
from permanency.errors import PageErrors
from permanency.render_manual import render_manual


@pytest.fixture
def project(tmp_path):
    """A writable copy of the good fixture project (theme overrides linked in)."""
    return make_project(tmp_path, "good")


def page(rendered, src: str) -> tuple[str, dict]:
    return front_matter.get_data((rendered.docs_dir / src).read_text(encoding="utf-8"))


def test_every_page_is_plain_markdown_with_what_the_theme_prints(project, tmp_path):
    rendered = render_manual(project / "mkdocs.yml", tmp_path / "out")
    body, meta = page(rendered, "programs/p3.md")
    # the renderer's output, no macro call left
    assert body.startswith("**Describes:** [P3 release](../sources.md#la-dcfs-p3)") and "{{" not in body
    assert "A Los Angeles County pilot" in body
    assert meta["title"] == "Permanency Partners Program (P3)" and "render_macros" not in meta
    assert meta["tags"][:2] == ["Page: Program", "Audience: Agency leaders"] and "Program: P3" in meta["tags"]
    assert meta["search"] == {"boost": 3}
    assert meta["provenance"] == {"version": "9.9", "version_date": "2026-01-31",
                                  "changed": {"version": "9.9", "date": "2026-01-31", "anchor": "v9-9"}}
    assert "pdf_links" not in meta  # only in a build for PDFs
    # a hand-written page that opts in has its macro call rendered; one that does not keeps its braces
    body, meta = page(rendered, "sources.md")
    assert "{{ source_list() }}" not in body and "la-dcfs-p3" in body
    assert meta["provenance"]["changed"]["version"] == "9.8"
    body, _ = page(rendered, "index.md")
    assert "Prose with {{ braces }} that is not rendered" in body


def test_the_generator_config_has_no_plugin_of_the_manuals_own(project, tmp_path):
    render_manual(project / "mkdocs.yml", tmp_path / "out")
    config = yaml.safe_load((tmp_path / "out/mkdocs.yml").read_text(encoding="utf-8"))
    assert config["docs_dir"] == "docs" and config["theme"]["custom_dir"] == "overrides"
    assert (tmp_path / "out/overrides/partials/provenance.html").is_file()
    assert [p if isinstance(p, str) else next(iter(p)) for p in config["plugins"]] == ["search"]
    assert "hooks" not in config
    extensions = [e if isinstance(e, str) else next(iter(e)) for e in config["markdown_extensions"]]
    assert "abbr" in extensions
    # each page defines the abbreviations it uses, for their tooltips
    body = (tmp_path / "out/docs/programs/p3.md").read_text(encoding="utf-8")
    assert body.rstrip().endswith("*[P3]: Permanency Partners Program")
    assert config["extra"]["manual"]["title"] == "Fixture Manual" and config["extra"]["manual"]["version"] == "9.9"


def test_a_build_for_pdfs_names_each_marked_pages_pdfs(project, tmp_path):
    rendered = render_manual(project / "mkdocs.yml", tmp_path / "out", pdfs=True)
    assert page(rendered, "index.md")[1]["pdf_links"] == {"page": None, "manual": True}
    assert "pdf_links" not in page(rendered, "programs/p3.md")[1]  # not marked pdf:


def test_every_page_that_cannot_be_rendered_is_listed_at_once(project, tmp_path):
    (project / "docs/one.md").write_text(
        "---\ntitle: One\nlast_reviewed: 2026-01-31\nrender_macros: true\n---\n# One\n\nText.\n\n{{ no_such_variable }}\n")
    (project / "docs/two.md").write_text(
        "---\ntitle: Two\nlast_reviewed: 2026-01-31\nrender_macros: true\n---\n# Two\n\n{{ program_page('rfaa') }}\n")
    (project / "docs/three.md").write_text("# Three\n\nNo front matter.\n")
    (project / "docs/programs/p3.md").write_text("---\ntitle: P3\nlast_reviewed: 2026-01-31\n---\n# P3\n")
    with pytest.raises(PageErrors) as info:
        render_manual(project / "mkdocs.yml", tmp_path / "out")
    assert [str(e) for e in info.value.errors] == [
        "docs/one.md:10: 'no_such_variable' is undefined",
        "docs/programs/p3.md:1: this page is generated from data; delete the file",
        "docs/three.md:1: front matter has no 'last_reviewed' date",
        "docs/two.md:8: program_page('rfaa') failed: KeyError: 'rfaa'",
    ]
    assert info.value.report().startswith("4 page errors found; nothing was built:")
    assert not (tmp_path / "out").exists()
