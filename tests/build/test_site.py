"""The real manual, built once with --strict, read as a reader would."""
from __future__ import annotations

from sitecheck import broken_links, external_references, text


def page_of(site, src_uri: str):
    """Built file for a docs page (the offline plugin turns off directory URLs)."""
    return site / src_uri.replace(".md", ".html")


def test_every_program_has_a_page_with_figures_and_citations(site, manual):
    assert {"ccr", "arc", "rfa", "p3"} <= set(manual.programs)
    for pid, program in manual.programs.items():
        body = text(page_of(site, manual.page_of("program", pid)))
        assert f"{program['name']} ({program['abbreviation']})" in body
        assert "Sources" in body and f"Last reviewed {program['last_reviewed']}" in body
        for citation in program["sources"]:
            source = manual.sources[citation["source"]]
            assert source.get("short_title", source["title"]) in body
        for figure in program.get("figures", []):
            assert figure["label"] in body, (pid, figure["label"])
            assert figure["scope"] in body and figure["date"] in body


def test_key_figures_appear_with_scope(site, manual):
    body = text(page_of(site, manual.page_of("program", "p3")))
    assert "29 youth" in body
    assert "44%" in body
    assert "Lakewood" in body


def test_all_twelve_behaviors_in_order(site, manual):
    assert [b["number"] for b in manual.behaviors.values()] == list(range(1, 13))
    index = text(site / "practice-behaviors/index.html")
    positions = [index.index(b["statement"]) for b in manual.behaviors.values()]
    assert positions == sorted(positions)
    for bid, behavior in manual.behaviors.items():
        body = text(page_of(site, manual.page_of("behavior", bid)))
        assert behavior["statement"] in body
        assert "In practice" in body and "Programs that support it" in body


def test_program_index_lists_every_program(site, manual):
    index = text(site / "programs/index.html")
    for program in manual.programs.values():
        assert program["name"] in index and program["summary"] in index


def test_every_page_carries_provenance(site, manual):
    for path in site.rglob("*.html"):
        if path.name == "404.html":
            continue
        body = text(path)
        assert f"Version {manual.version}" in body, path
        assert "Current copy:" in body and "Last reviewed" in body, path


def test_no_broken_internal_links_or_anchors(site):
    assert broken_links(site) == []


def test_no_asset_is_loaded_from_another_host(site):
    assert external_references(site) == []


def test_search_index_holds_the_programs(site):
    index = (site / "search/search_index.json").read_text()
    assert "Permanency Partners Program" in index
    assert (site / "search/search_index.js").is_file()  # offline plugin: search from file://
