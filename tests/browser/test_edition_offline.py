"""The sample edition's offline ZIP, unpacked and opened from disk in Chromium:
its own name, its local page found by search, its note on the P3 page, nothing
requested from any server (file:// only), at desktop width and at 375 px."""
from __future__ import annotations

import zipfile

import pytest

from test_search import READY, top_pages


@pytest.fixture(scope="module")
def unpacked(edition_site, tmp_path_factory):
    from permanency.offline_zip import offline_zip

    tmp = tmp_path_factory.mktemp("offline")
    archive = offline_zip(edition_site, edition_site.parent / "rendered" / "mkdocs.yml", tmp)
    with zipfile.ZipFile(archive) as z:
        z.extractall(tmp / "unpacked")
    return tmp / "unpacked" / archive.name[: -len(".zip")]

@pytest.mark.parametrize("width", [1280, 375])
def test_the_unpacked_edition_works_from_disk(unpacked, browser, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    requests: list[str] = []
    errors: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto((unpacked / "programs" / "p3.html").as_uri())
    assert page.locator(".manual-local .admonition-title").first.is_visible()
    assert page.get_by_role("link", name="Report a problem with this page").is_visible()
    page.screenshot(path=f"/tmp/edition-p3-{width}.png", full_page=False)
    page.goto((unpacked / "index.html").as_uri())
    assert page.locator("h1").first.inner_text().startswith("Fernhollow County Permanency Practice Manual")
    if width > 700:  # the search dialog, from disk
        page.keyboard.press("/")
        page.wait_for_function(READY, timeout=15000)
        assert "local/requesting-a-review.html" in top_pages(page, "requesting", unpacked.as_uri() + "/", 3)
    assert all(u.startswith(("file:", "data:", "blob:", "about:")) for u in requests), requests
    assert errors == []
    context.close()


EDITION_PAGES = ["index.html", "programs/p3.html", "quick-reference.html", "glossary.html", "sources.html",
                 "changelog.html", "local/requesting-a-review.html"]


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_editions_additions_pass_axe_and_fit_a_phone(unpacked, browser, scheme):
    from axe_playwright_python.sync_playwright import Axe

    from test_gates import AXE_OPTIONS, COLOR_OPTIONS, SCHEMES, axe_violations, phone_width

    axe = Axe()
    context = browser.new_context(viewport={"width": 1280, "height": 900}, color_scheme=scheme)
    page = context.new_page()
    found = []
    for rel in EDITION_PAGES:
        page.goto((unpacked / rel).as_uri())
        assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == SCHEMES[scheme]
        # every rule in light; in dark the color rules, as the gate sweep does
        # (the markup is the same in both)
        options = AXE_OPTIONS if scheme == "light" else COLOR_OPTIONS
        found += [f"{rel}: {v}" for v in axe_violations(axe, page, options=options)]
        width = phone_width(page)
        if width > 375:
            found.append(f"{rel}: {width}px wide at 375px")
    context.close()
    assert found == []
