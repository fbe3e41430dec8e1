"""The built site's navigation read as HTML: the course's printouts listed by
module number and title, whatever their file names, and the search worker the
pages hand to Material."""
from __future__ import annotations

import re

import pytest


def sidebar_titles(site, rel: str) -> list[str]:
    """The titles the primary sidebar of ``rel`` lists, in order, each once (the
    current page also heads its own table of contents there)."""
    html = (site / rel).read_text(encoding="utf-8")
    nav = html[html.index('class="md-nav md-nav--primary"'):html.index('class="md-sidebar md-sidebar--secondary"')]
    titles = [t.strip() for t in re.findall(r'<span class="md-ellipsis">\s*([^<]+?)\s*</span>', nav)]
    return list(dict.fromkeys(titles))


@pytest.mark.parametrize("rel,section,kind", [
    ("training/handouts/why-permanency.html", "Participant handouts", "Handout"),
    ("training/facilitator/why-permanency.html", "Facilitator guides", "Facilitator guide"),
])
def test_printouts_are_listed_by_module_number_and_title(site, manual, rel, section, kind):
    listed = sidebar_titles(site, rel)
    assert section in listed
    expected = [f"{kind} {m['number']}: {m['title']}" for m in sorted(manual.modules.values(), key=lambda m: m["number"])]
    # the current page is listed with its own table of contents after it
    assert [t for t in listed if t.startswith(kind + " ")] == expected, listed
    assert expected != sorted(expected, key=lambda t: t.split(": ", 1)[1])  # not the alphabetical order


def test_pages_hand_material_the_manual_search_worker(site):
    html = (site / "pcr" / "consultation.html").read_text(encoding="utf-8")
    worker = re.search(r'"search": "([^"]+)"', html).group(1)
    assert worker.startswith("../assets/javascripts/search-worker.js#workers/search.")
    material = worker.split("#", 1)[1]
    assert (site / "assets" / "javascripts" / material).exists()
    assert (site / "assets" / "javascripts" / "search-worker.js").exists()
