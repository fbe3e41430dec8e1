"""Search finds what a worker types, with the expected page in the top three,
over http and from the built site opened straight from disk (file://, no
server): Material's offline plugin with the manual's own iframe-worker shim."""
from __future__ import annotations

import time

import pytest

# query -> the page a worker typing it wants (site-relative)
QUERIES = {
    # abbreviations and names
    "ARC": "programs/arc.html",
    "NREFM": "glossary.html",
    "PPLA": "glossary.html",
    "P3": "programs/p3.html",
    "CCR": "programs/ccr.html",
    "Katie A.": "programs/pathways.html",
    "Katie A": "programs/pathways.html",    # an initial without its full stop
    "katie a.": "programs/pathways.html",
    # figures' topics
    "delayed permanency": "outcomes/sacramento-delayed-permanency.html",
    "permanency rates": "outcomes/sacramento-permanency-rates.html",
    "first three months": "outcomes/p3-pilot-results.html",
    # the words of questions and terms
    "risk scale": "pcr/questions.html",
    "Thanksgiving": "pcr/questions.html",
    "family finding": "glossary.html",
    "long stayers": "glossary.html",
    "second-chance reunification": "permanency-options.html",
    "guardianship": "permanency-options.html",
    "case stories": "pcr/case-stories.html",
    # the manual's own tools
    "quick reference": "quick-reference.html",
    "crosswalk": "crosswalk.html",
    "timer": "pcr/consultation.html",
    "consultation": "pcr/consultation.html",
}

# One typo per word (a missing, extra, swapped or wrong letter): typo -> (the
# correct spelling, the page both must list in the top three). The manual's search
# worker (docs/assets/javascripts/search-worker.js) reads a word nothing in the
# index starts with as a typo and searches the words one edit away instead.
TYPOS = {
    # a letter missing
    "conections": ("connections", "tools/connections-search.html"),
    "guardinship": ("guardianship", "permanency-options.html"),
    "reunifcation": ("reunification", "permanency-options.html"),
    "famly findng": ("family finding", "glossary.html"),
    # a letter too many
    "adopption": ("adoption", "permanency-options.html"),
    "Thanksgivving": ("Thanksgiving", "pcr/questions.html"),
    "crosswallk": ("crosswalk", "crosswalk.html"),
    "consulltation": ("consultation", "pcr/consultation.html"),
    # two letters swapped
    "gaurdianship": ("guardianship", "permanency-options.html"),
    "delayde permanecny": ("delayed permanency", "outcomes/sacramento-delayed-permanency.html"),
    "qiuck referecne": ("quick reference", "quick-reference.html"),
    "tiemr": ("timer", "pcr/consultation.html"),
    # a wrong letter
    "permamency rates": ("permanency rates", "outcomes/sacramento-permanency-rates.html"),
    "lomg stayers": ("long stayers", "glossary.html"),
    "risk scalr": ("risk scale", "pcr/questions.html"),
    "case storiez": ("case stories", "pcr/case-stories.html"),
    "Pathwaus": ("Pathways", "programs/pathways.html"),
    "secnod-chance reunification": ("second-chance reunification", "permanency-options.html"),
}

READY = """() => { const m = document.querySelector('.md-search-result__meta');
                   return !!m && !/Initializing/i.test(m.textContent); }"""
TOP = """els => els.map(e => e.getAttribute('href'))"""


def top_pages(page, query: str, root: str, n: int = 3) -> list[str]:
    """The first ``n`` pages the search dialog lists for ``query``, as
    paths relative to ``root``, the site's address (Material groups a page's
    sections under the page).

    Material searches on each key released in the box; the query goes in whole
    and one key release searches it once (typing it letter by letter searched
    every prefix and had to wait for the results to settle). The box is emptied
    first, so the results listed afterwards are this query's."""
    box = page.locator("input.md-search__input")
    items = page.locator(".md-search-result__list > .md-search-result__item")
    box.fill("")
    box.press("End")
    page.wait_for_function("() => !document.querySelector('.md-search-result__list > .md-search-result__item')",
                           timeout=10000)
    box.fill(query)
    box.press("End")
    items.first.wait_for(timeout=10000)
    found, previous = [], None
    for _ in range(20):  # the list is written once per answer; read it until it holds still
        found = page.eval_on_selector_all(
            ".md-search-result__list > .md-search-result__item > .md-search-result__link:first-child", TOP)
        if found == previous:
            break
        previous = found
        time.sleep(0.05)
    out = []
    for href in found[:n]:
        href = href.split("#")[0].split("?")[0]
        out.append(href[len(root):] if href.startswith(root) else href)
    return out


@pytest.fixture(scope="module", params=["http", "file"])
def search(request, site, server, browser):
    """A search dialog open on the home page, over http or from disk."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    errors: list[str] = []
    foreign: list[str] = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: r.url.startswith(("http:", "https:")) and not r.url.startswith(server)
            and foreign.append(r.url))
    home = server + "index.html" if request.param == "http" else (site / "index.html").as_uri()
    page.goto(home)
    page.keyboard.press("/")  # Material's shortcut opens search
    page.wait_for_function(READY, timeout=15000)
    page.scheme = request.param
    page.root = server if request.param == "http" else site.as_uri() + "/"
    yield page
    assert errors == [], errors
    assert foreign == [], foreign
    context.close()


@pytest.mark.parametrize("query,expected", list(QUERIES.items()))
def test_query_finds_expected_page_in_top_three(search, query, expected):
    top = top_pages(search, query, search.root)
    assert expected in top, f"{search.scheme}: {query!r} -> {top}; expected {expected} in the top three"


@pytest.mark.parametrize("typo", list(TYPOS))
def test_a_typo_finds_the_page_its_correct_spelling_finds(search, typo):
    correct, expected = TYPOS[typo]
    right = top_pages(search, correct, search.root)
    assert expected in right, f"{search.scheme}: {correct!r} -> {right}; expected {expected} in the top three"
    wrong = top_pages(search, typo, search.root)
    assert expected in wrong, f"{search.scheme}: {typo!r} -> {wrong}; expected {expected}, as for {correct!r}"


def highlighted(page) -> set[str]:
    """The words the results highlight as matches."""
    return {m.lower() for m in page.eval_on_selector_all(".md-search-result mark", "els => els.map(e => e.textContent)")}


@pytest.mark.parametrize("query,words", [
    ("connection", "connection"),   # a word the index knows is searched as typed, never as a typo
    ("timer", "timer"),
    ("conections", "connection"),   # a typo: the results show the word found, not the typo
])
def test_results_highlight_the_word_searched_for(search, query, words):
    top_pages(search, query, search.root)
    marks = highlighted(search)
    assert marks, f"{query!r}: nothing highlighted"
    assert all(m.startswith(words) for m in marks), f"{query!r} highlighted {sorted(marks)}"


@pytest.mark.parametrize("query,anchor,shown", [
    ("NREFM", "nrefm", ["NREFM stands for: non-related, extended family member",
                        "In plain words: An adult who is not a relative",
                        "In the sources: In Sacramento's definition of permanency"]),
    # the sources' definition does not use the letters: the entry still shows whole
    ("P3", "p3", ["P3 stands for: Permanency Partners Program",
                  "In the sources: A Los Angeles County DCFS program"]),
])
def test_glossary_result_shows_what_an_abbreviation_stands_for_and_means(search, query, anchor, shown):
    assert "glossary.html" in top_pages(search, query, search.root)
    entry = search.locator(f".md-search-result__list a[href*='glossary.html'][href$='#{anchor}']").first
    text = " ".join(entry.inner_text().split())
    for words in shown:
        assert words in text, text


def test_search_from_disk_needs_no_server(site, browser):
    """Opened from disk, the search index loads from a local file and the worker
    runs in an iframe (assets/javascripts/iframe-worker.js, no inline script, so
    the page's content security policy holds): results appear with nothing else
    running."""
    context = browser.new_context()
    page = context.new_page()
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto((site / "pcr" / "consultation.html").as_uri())
    page.keyboard.press("/")
    page.wait_for_function(READY, timeout=15000)
    assert top_pages(page, "NREFM", site.as_uri() + "/", 1) == ["glossary.html"]
    assert all(u.startswith(("file:", "data:", "blob:", "about:")) for u in requests), requests
    assert any(u.endswith("search/search_index.js") for u in requests)
    assert any(u.endswith("assets/javascripts/iframe-worker.js") for u in requests)
    context.close()
