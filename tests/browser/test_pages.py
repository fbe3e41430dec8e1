"""Pages in Chromium as a reader uses them: figures and citations, links between
pages, search. (Every page loading offline without errors, in both colour schemes,
is checked by the sweep in test_gates.py.)"""
from __future__ import annotations

import pytest


def test_program_page_shows_figures_and_citations(server, page):
    page.goto(server + "programs/p3.html")
    assert page.locator("h1").inner_text() == "Permanency Partners Program (P3)"
    table = page.locator("table").first
    assert "29 youth" in table.inner_text()
    assert "First three months" in table.inner_text()
    page.get_by_role("link", name="P3 release").first.click()
    page.wait_for_url("**/sources.html#la-dcfs-p3")
    assert page.locator("#la-dcfs-p3").is_visible()


def test_behavior_page_links_to_supporting_programs(server, page):
    page.goto(server + "practice-behaviors/index.html")
    page.locator("article").get_by_role("link", name="Be accountable", exact=True).click()
    assert page.locator("h1").inner_text() == "2. Be accountable"
    assert "Be accountable." in page.locator(".admonition.quote").inner_text()


@pytest.mark.parametrize("query,expected", [
    ("P3", "Permanency Partners Program"),
    ("relative caregivers", "Approved Relative Caregivers"),
    ("resource family", "Resource Family Approval"),
])
def test_search_finds_programs(server, page, query, expected):
    page.goto(server + "index.html")
    page.keyboard.press("/")  # Material's shortcut opens search
    page.locator("input.md-search__input").press_sequentially(query, delay=30)
    results = page.locator(".md-search-result__item > .md-search-result__link")
    results.first.wait_for(timeout=10000)
    titles = [results.nth(i).inner_text() for i in range(min(results.count(), 5))]
    assert any(expected in t for t in titles), titles
    assert page.recorder.foreign == []
