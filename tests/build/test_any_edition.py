"""What holds for every agency edition, run on the sample edition in the core's
tests and on an agency's own with `make test EDITION=path`: it builds strictly,
every link resolves, nothing loads from another host, its name is on every page,
its own pages are in search, its hidden pages are nowhere, and each page offers a
problem report by mail when it names an editor."""
from __future__ import annotations

import json
import zipfile

import yaml

import sitecheck
from sitecheck import built_pages


def data(edition) -> dict:
    return yaml.safe_load((edition / "edition.yml").read_text(encoding="utf-8"))


def data_pages(edition) -> list[str]:
    """The pages made from the edition's own data/ (a local worksheet's tools/<id>.md, ...)."""
    from permanency.model import overlay_kinds

    return sorted(kind.pages_for_file(path.stem)[0] for kind in overlay_kinds()
                  for path in (edition / "data").glob(kind.pattern))


def test_every_link_resolves_and_nothing_loads_from_another_host(edition, edition_site):
    assert sitecheck.broken_links(edition_site, sitecheck.site_path(edition)) == []
    assert sitecheck.external_references(edition_site) == []


def test_its_name_is_in_every_pages_title(edition, edition_site):
    title = data(edition)["title"]
    assert [p for p in built_pages(edition_site)
            if f"{title}</title>" not in (edition_site / p).read_text(encoding="utf-8")] == []


def test_its_pages_are_in_search_and_its_hidden_pages_are_nowhere(edition, edition_site):
    locations = {d["location"].partition("#")[0]
                 for d in json.loads((edition_site / "search/search_index.json").read_text(encoding="utf-8"))["docs"]}
    sitemap = (edition_site / "sitemap.xml").read_text(encoding="utf-8")
    own = sorted(p.relative_to(edition / "docs").as_posix() for p in (edition / "docs").rglob("*.md"))
    own += data_pages(edition)
    for page in own:
        assert page[: -len(".md")] + ".html" in locations
    for hidden in data(edition).get("hidden", []):
        html = hidden["page"][: -len(".md")] + ".html"
        assert not (edition_site / html).exists() and html not in locations and html not in sitemap


def test_each_page_offers_a_problem_report_when_the_edition_names_an_editor(edition, edition_site):
    editor = data(edition).get("editor_email")
    for page in built_pages(edition_site):
        if page != "404.html":
            has = f'href="mailto:{editor}?subject=' in (edition_site / page).read_text(encoding="utf-8")
            assert has == bool(editor), page


def test_the_offline_zip_is_versioned_and_its_unpacked_copy_is_whole(edition, edition_site, tmp_path):
    from permanency.offline_zip import offline_zip

    rendered = edition_site.parent / "rendered" / "mkdocs.yml"
    archive = offline_zip(edition_site, rendered, tmp_path / "dist")
    version = yaml.safe_load(rendered.read_text(encoding="utf-8"))["extra"]["manual"]["version"]
    assert archive.name.endswith(f"-{version}-offline.zip")
    with zipfile.ZipFile(archive) as z:
        names = z.namelist()
        z.extractall(tmp_path / "unpacked")
    folder = archive.name[: -len(".zip")]
    assert {n.partition("/")[0] for n in names} == {folder}
    unpacked = tmp_path / "unpacked" / folder
    assert len(built_pages(unpacked)) == len(built_pages(edition_site))
    assert sitecheck.broken_links(unpacked, sitecheck.site_path(edition)) == []
    assert (unpacked / "search" / "search_index.js").exists()  # search from file:// (the offline plugin)
