"""The address a link prints with (permanency/print_links.py), and the
attribute the built pages carry for it."""
from __future__ import annotations

import pytest

from permanency.print_links import print_url

SITE = "https://agency.example.org/manual/"


@pytest.mark.parametrize("href, page, expected", [
    ("../sources.html#casey-2017", "tools/pcr-review.html", SITE + "sources.html"),
    ("questions.html#risk-scale", "pcr/consultation.html", SITE + "pcr/questions.html"),
    ("programs/arc.html", "index.html", SITE + "programs/arc.html"),
    ("./", "index.html", SITE),
    ("https://www.cdss.ca.gov/ccr#top", "index.html", "https://www.cdss.ca.gov/ccr"),
    ("#key-points", "training/01-why-permanency.html", None),
    ("mailto:ccr@dss.ca.gov", "quick-reference.html", None),
    ("", "index.html", None),
])
def test_print_url(href, page, expected):
    assert print_url(href, page, SITE) == expected


def test_site_url_without_a_trailing_slash():
    assert print_url("../glossary.html", "pcr/roles.html", SITE.rstrip("/")) == SITE + "glossary.html"
