"""The change log's "changed since" filter, as a reader uses it: a labelled date
field that hides older versions, says how many remain, stores nothing, and leaves
the whole log readable without JavaScript.

The real change log may hold one version, too few to see anything hidden, so these
tests read the good fixture project's change log (tests/fixtures/good), which has
three versions, built once per run."""
from __future__ import annotations

import pytest
import yaml

from helpers import GOOD
from sitecheck import site_path
from permanency.local_site import serve


@pytest.fixture(scope="module")
def changelog_server(good_site):
    meta = yaml.safe_load((GOOD / "data" / "manual.yml").read_text(encoding="utf-8"))
    for entry in meta["changelog"]:
        entry["date"] = str(entry["date"])
    url, httpd = serve(good_site, site_path(GOOD))
    yield url, meta["changelog"]
    httpd.shutdown()


def shown_versions(page) -> list[str]:
    return [s.get_attribute("data-version") for s in page.locator("section.manual-release:visible").all()]


def storage(page) -> tuple:
    return (page.evaluate("JSON.stringify(Object.entries(localStorage).sort())"),
            page.evaluate("JSON.stringify(Object.entries(sessionStorage).sort())"),
            page.evaluate("document.cookie"), page.url)


def test_filter_hides_versions_before_the_chosen_date(changelog_server, page):
    url, entries = changelog_server
    versions = [e["version"] for e in entries]
    page.goto(url + "versions/")
    page.wait_for_load_state("networkidle")
    field = page.get_by_label("Show changes made on or after")
    status = page.get_by_role("status")
    assert field.is_visible()
    assert shown_versions(page) == versions
    assert status.inner_text() == f"Showing all {len(versions)} versions."
    before = storage(page)

    field.fill("2025-06-01")  # the day of the middle version: it stays
    assert shown_versions(page) == versions[:-1]
    assert status.inner_text() == (
        f"Showing {len(versions) - 1} of {len(versions)} versions: the changes made on or after 2025-06-01.")
    # the hidden version leaves the table of contents too
    toc = page.locator(".md-sidebar--secondary .md-nav__link:visible")
    assert "Version 9.7 (2025-01-15)" not in toc.all_inner_texts()
    assert "Version 9.8 (2025-06-01)" in toc.all_inner_texts()

    newest = entries[0]
    field.fill("2099-01-01")
    assert shown_versions(page) == []
    assert status.inner_text() == (
        f"No changes were made on or after 2099-01-01. The newest is version {newest['version']} of {newest['date']}.")

    page.get_by_role("button", name="Show all").click()
    assert field.input_value() == ""
    page.wait_for_function("() => document.querySelectorAll('section.manual-release[hidden]').length === 0")
    assert shown_versions(page) == versions
    assert storage(page) == before, "the filter stored something or changed the address"
    assert page.recorder.errors == []


def test_without_javascript_every_version_shows_and_the_filter_does_not(changelog_server, browser):
    url, entries = changelog_server
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(url + "versions/")
        assert page.locator("form.manual-since").is_hidden()
        assert shown_versions(page) == [e["version"] for e in entries]
        for e in entries:
            assert page.get_by_role("heading", name=f"Version {e['version']} ({e['date']})").is_visible()
    finally:
        context.close()


def test_real_change_log_filter_keeps_the_newest_version(server, page, manual):
    """On the real change log: the newest version's own date keeps it; the day
    after hides everything and says which version is the newest."""
    newest = manual.meta["changelog"][0]
    page.goto(server + "changelog.html")
    field = page.get_by_label("Show changes made on or after")
    field.fill(newest["date"])
    assert newest["version"] in shown_versions(page)
    assert all(e["date"] >= newest["date"] for e in manual.meta["changelog"] if e["version"] in shown_versions(page))
    assert page.recorder.foreign == []
