"""The real manual, built once with --strict, read as HTML: links and anchors all
resolve, nothing loads from another host, and every page's footer says when it was
last reviewed and when it last changed."""
from __future__ import annotations

import re

from mkdocs.utils import meta as front_matter

import sitecheck
from helpers import ROOT
from permanency import pages as generated_pages
from sitecheck import built_pages, site_path, text


def test_no_broken_internal_links_or_anchors(site):
    assert sitecheck.broken_links(site, site_path()) == []


def test_link_checker_finds_a_broken_page_an_anchor_and_a_path_outside_the_site(tmp_path):
    (tmp_path / "a.html").write_text(
        '<h1 id="top">A</h1><a href="b.html">ok</a><a href="b.html#there">ok</a>'
        '<a href="missing.html">x</a><a href="b.html#nowhere">y</a>'
        '<a href="/manual/b.html">ok</a><a href="/other/b.html">z</a><a href="https://example.org/">ext</a>',
        encoding="utf-8")
    (tmp_path / "b.html").write_text('<h2 id="there">B</h2><a href="a.html#top">ok</a>', encoding="utf-8")
    assert sitecheck.broken_links(tmp_path, "/manual/") == [
        "a.html: missing.html (no such file)",
        "a.html: b.html#nowhere (no such anchor)",
        "a.html: /other/b.html (outside the site's path /manual/)",
    ]


def test_no_page_loads_anything_from_another_host(site):
    assert sitecheck.external_references(site) == []


def source_of(rel_html: str) -> str:
    return rel_html[: -len(".html")] + ".md"


def front_matter_of(src: str, manual) -> dict:
    generated = generated_pages.generated(manual)
    if src in generated:
        return generated[src].front
    return front_matter.get_data((ROOT / "docs" / src).read_text(encoding="utf-8"))[1]


def test_every_page_footer_says_last_reviewed_and_changed_on(site, manual):
    changes = manual.page_changes()
    pages = [p for p in built_pages(site) if p != "404.html"]
    assert pages
    for rel in pages:
        src = source_of(rel)
        footer = sitecheck.text(site / rel).split(f"{manual.meta['title']} ·")[-1]
        reviewed = front_matter_of(src, manual)["last_reviewed"]
        assert f"Last reviewed {reviewed}" in footer, (rel, footer)
        change = changes.get(src)
        if change:
            assert f"Changed on {change['date']} (version {change['version']})" in footer, (rel, footer)
        else:
            assert "Changed on: no change to this page is recorded in the change log" in footer, (rel, footer)
        assert "Current copy: " in footer, (rel, footer)


def changed_on(site, src: str) -> str:
    """The "Changed on <date>" a reader sees in a page's footer ("" when none)."""
    footer = sitecheck.text(site / src.replace(".md", ".html")).split("Last reviewed")[-1]
    found = re.search(r"Changed on (\d{4}-\d{2}-\d{2}) \(version ([^)]+)\)", footer)
    return found.group(1) if found else ""


def test_a_printout_never_says_it_changed_before_the_module_it_prints(site, manual):
    # A handout and a facilitator guide are made from their module's record: its
    # objectives, key points, scenario and story. A change log that lists the
    # module page but not its printouts leaves their footers naming an older
    # version than the pages they print (0.4.0's course work did: the guides said
    # 0.3.0). List the printouts with the module.
    printouts = manual.printout_pages()
    assert len(printouts) >= 14
    for src, (kind, _name, record) in printouts.items():
        module = manual.page_of(kind, record["id"])
        assert changed_on(site, src) >= changed_on(site, module), (src, module)


def test_changed_on_links_to_that_version_in_the_change_log(site, manual):
    change_pages = manual.page_changes()
    assert change_pages, "the change log lists no page"
    src, change = next(iter(change_pages.items()))
    html = (site / src.replace(".md", ".html")).read_text(encoding="utf-8")
    anchor = "v" + change["version"].replace(".", "-")
    assert re.search(rf'<a href="[^"]*changelog\.html#{anchor}"[^>]*>version {re.escape(change["version"])}</a>', html)


def test_change_log_reads_in_full_without_javascript(site, manual):
    html = (site / "changelog.html").read_text(encoding="utf-8")
    text = sitecheck.text(site / "changelog.html")
    # the filter is hidden until its script runs, so without JavaScript nothing is hidden
    assert re.search(r'<form class="manual-since" data-manual-since hidden>', html)
    assert '<label class="manual-since__label" for="manual-since-date">' in html
    sections = re.findall(r'<section class="manual-release" data-date="([0-9-]+)" data-version="([^"]+)">', html)
    entries = manual.meta["changelog"]
    assert sections == [(e["date"], e["version"]) for e in entries]
    assert " hidden" not in "".join(re.findall(r'<section class="manual-release"[^>]*>', html))
    for entry in entries:
        assert f"Version {entry['version']} ({entry['date']})" in text
        for change in entry["changes"]:
            assert " ".join(change["text"].split()) in text


def page_of(site, src_uri: str):
    """Built file for a docs page (the offline plugin turns off directory URLs)."""
    return site / src_uri.replace(".md", ".html")


def test_every_program_has_a_page_with_figures_and_citations(site, manual):
    assert {"ccr", "arc", "rfa", "p3"} <= set(manual.programs)
    for pid, program in manual.programs.items():
        body = text(page_of(site, manual.page_of("program", pid)))
        title = f"{program['name']} ({program['abbreviation']})" if "abbreviation" in program else program["name"]
        assert title in body
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


def test_search_index_holds_the_programs(site):
    index = (site / "search/search_index.json").read_text()
    assert "Permanency Partners Program" in index
    assert (site / "search/search_index.js").is_file()  # offline plugin: search from file://
