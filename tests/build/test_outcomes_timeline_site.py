"""The real manual, built: the programs, outcome pages and timeline read as a
reader sees them. Every key figure appears with its date or period, its scope
and its citation; charts carry a text alternative; nothing links nowhere."""
from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

import sitecheck

SACRAMENTO = "Sacramento PCR report"


def page_text(site, rel):
    """The visible text of the page's article: no navigation, no table of contents."""
    html = (site / rel).read_text(encoding="utf-8")
    article = re.search(r"<article.*?</article>", html, re.S).group(0)
    page = sitecheck._Page()
    page.feed(article)
    return " ".join("".join(page.text).split())


def table_rows(site, rel) -> list[list[str]]:
    """Every table row on the page as a list of its cells' text."""
    parser = _Rows()
    parser.feed((site / rel).read_text(encoding="utf-8"))
    return parser.rows


class _Rows(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.rows, self._row, self._cell = [], None, None

    def handle_starttag(self, tag, attrs):
        if tag == "tr":
            self._row = []
        elif tag in ("td", "th") and self._row is not None:
            self._cell = []

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self._cell is not None:
            self._row.append(" ".join("".join(self._cell).split()))
            self._cell = None
        elif tag == "tr" and self._row is not None:
            self.rows.append(self._row)
            self._row = None

    def handle_data(self, data):
        if self._cell is not None:
            self._cell.append(data)


def row(site, rel, label) -> list[str]:
    matches = [r for r in table_rows(site, rel) if r and r[0] == label]
    assert len(matches) == 1, (label, [r[0] for r in table_rows(site, rel)])
    return matches[0]


# ------------------------------------------------------------- key figures
@pytest.mark.parametrize("label,value", [
    ("Permanency case reviews held", "274 reviews"),
    ("Children who achieved legal permanency after a review (reunification, finalized adoption or "
     "finalized guardianship)", "10 children"),
    ("Cases transferred to adoptions, pending finalization", "13 cases"),
    ("Cases transferred to guardianship, pending finalization", "1 case"),
])
def test_table_1_figures_keep_period_scope_and_source(site, label, value):
    cells = row(site, "outcomes/sacramento-pcr-results.html", label)
    assert cells[1:] == [
        value,
        "June 2015 - December 2016",
        "Four regions of Sacramento County CPS; data collected by each regional program manager",
        f"{SACRAMENTO}, Table 1",
    ]


def test_table_1_caveats_are_on_the_page(site):
    text = page_text(site, "outcomes/sacramento-pcr-results.html")
    assert "56 outcomes" in text
    assert "Each of the four regional program managers collected their own data" in text
    assert "nearly 275 youth" in text and "more than 600 children" in text
    assert "45 reviews" in text and "Summer of 2015" in text


@pytest.mark.parametrize("label,value,period", [
    ("Children in care two years or more on October 1, 2013 who had achieved permanency by September 30, 2014",
     "15.5%", "October 1, 2013 - September 30, 2014"),
    ("Children in care two years or more on October 1, 2015 who had achieved permanency by September 30, 2016",
     "27.5%", "October 1, 2015 - September 30, 2016"),
])
def test_afcars_rates_keep_cohort_and_county_wide_scope(site, label, value, period):
    cells = row(site, "outcomes/sacramento-permanency-rates.html", label)
    assert cells[1] == value and cells[2] == period
    assert cells[3].startswith("Sacramento County, all children in care two years or more")
    assert cells[4] == f"{SACRAMENTO}, Results: Data and practice change (footnote 2: AFCARS)"
    assert "far more children than those who had a permanency case review" in page_text(
        site, "outcomes/sacramento-permanency-rates.html")


def test_twelve_month_rate_against_national_average(site):
    rel = "outcomes/sacramento-permanency-rates.html"
    national = row(site, rel, "Children achieving permanency within 12 months, national average")
    county = row(site, rel, "Children achieving permanency within 12 months, Sacramento County")
    assert (national[1], county[1]) == ("40%", "45%")
    assert national[3] == "All children entering the system, national average"
    assert county[3] == "All children entering the system in Sacramento County"
    assert "Not stated" in county[2]  # the report gives no period, and the page says so


def test_delayed_permanency_figures(site):
    rel = "outcomes/sacramento-delayed-permanency.html"
    assert row(site, rel, "Children and youth in care three years or more whose status was examined")[1:3] == [
        "416 children and youth", "2013 data report"]
    assert row(site, rel, "Entered the system between the ages of 6 and 11")[1] == "56%"
    assert row(site, rel, "African American children")[1] == "46%"
    assert row(site, rel, "White children, the next largest group")[1] == "17%"
    assert row(site, rel, "Removed for caretaker absence or incapacity, or for general neglect")[1] == "nearly 80%"
    assert row(site, rel, "Youth in a stable placement for three years or more who still had no "
                          "permanent family")[1] == "82 youth"


def test_bounded_figures_never_lose_their_bounds(site):
    """'more than 60%' must never read as exactly 60%, anywhere in the site."""
    for path in site.rglob("*.html"):
        text = sitecheck.text(path)
        for bare in re.finditer(r"(?<![\w.,])60%", text):
            assert text[max(0, bare.start() - 10):bare.start()].endswith("more than "), path
        assert not re.search(r"(?<!about )(?<!nearly )\b275 youth", text, re.I), path


def test_caseload_figures(site):
    rel = "outcomes/sacramento-pcr-results.html"
    assert row(site, rel, "Average caseload, several years before the report")[1] == "40 children"
    assert row(site, rel, "Average caseload at the time of the report")[1] == "about 30 children or fewer"


def test_p3_results_are_shown_from_the_program_not_copied(site, manual):
    text = page_text(site, "outcomes/p3-pilot-results.html")
    assert "These figures are kept with the Permanency Partners Program page" in text
    cells = row(site, "outcomes/p3-pilot-results.html", "Youth who took part in the pilot")
    assert cells[1:] == ["29 youth", "First three months of the pilot (from October 13, 2004)",
                         "Youth in the Lakewood office pilot", "P3 release, Results"]
    # one copy of each figure: no outcome file repeats a figure a program keeps
    kept = {(f["value"], f["unit"], f["date"]) for p in manual.programs.values() for f in p.get("figures", [])}
    for outcome in manual.outcomes.values():
        for group in outcome["groups"]:
            for f in group.get("figures", []):
                assert (f["value"], f["unit"], f["date"]) not in kept, (outcome["id"], f["id"])


def test_outcomes_index_holds_every_program_figure(site, manual):
    rel = "outcomes/index.html"
    labels = [r[0] for r in table_rows(site, rel)]
    for program in manual.programs.values():
        for f in program.get("figures", []):
            assert f["label"] in labels, (program["id"], f["label"])
    assert row(site, rel, "Counties taking part in ARC")[1] == "45 counties"
    assert row(site, rel, "Counties in the RBS demonstration project")[1] == "4 counties"
    assert row(site, rel, "Counties in the RFA pilot")[1] == "5 counties"


# ------------------------------------------------------------------ charts
class _Charts(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.svgs, self.ids, self._in = [], {}, None
        self._text_for = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "svg":
            self.svgs.append(attrs)
        if tag in ("title", "desc") and attrs.get("id"):
            self._text_for = attrs["id"]
            self.ids[self._text_for] = ""

    def handle_endtag(self, tag):
        if tag in ("title", "desc"):
            self._text_for = None

    def handle_data(self, data):
        if self._text_for:
            self.ids[self._text_for] += data


@pytest.mark.parametrize("rel,charts", [
    ("outcomes/sacramento-pcr-results.html", 1),
    ("outcomes/sacramento-permanency-rates.html", 2),
    ("outcomes/sacramento-delayed-permanency.html", 1),
    ("outcomes/p3-pilot-results.html", 0),
])
def test_every_chart_has_a_name_and_a_description(site, rel, charts):
    parser = _Charts()
    parser.feed((site / rel).read_text(encoding="utf-8"))
    chart_svgs = [s for s in parser.svgs if s.get("class") == "manual-chart__svg"]
    assert len(chart_svgs) == charts
    for svg in chart_svgs:
        assert svg["role"] == "img"
        name_id, desc_id = svg["aria-labelledby"], svg["aria-describedby"]
        assert parser.ids[name_id].strip() and parser.ids[desc_id].startswith("Bar chart with ")


def test_afcars_chart_reads_out_both_rates(site):
    parser = _Charts()
    parser.feed((site / "outcomes/sacramento-permanency-rates.html").read_text(encoding="utf-8"))
    desc = parser.ids["chart-afcars-trend-desc"]
    assert "15.5%" in desc and "27.5%" in desc and "AFCARS" in desc
    assert "Date or period: October 1, 2013 - September 30, 2014, and October 1, 2015 - September 30, 2016" in desc


def test_chart_captions_show_scope_date_and_source(site):
    text = page_text(site, "outcomes/sacramento-permanency-rates.html")
    assert ("Permanency within 12 months, Sacramento County and the national average. Scope: All children "
            "entering the system (Sacramento County; national average).") in text
    assert f"Source: {SACRAMENTO}, Getting started: Developing permanency case reviews in Sacramento." in text


# ----------------------------------------------------------------- timeline
def test_timeline_in_order_with_dates_as_the_sources_give_them(site):
    text = page_text(site, "timeline.html")
    dates = ["October 13, 2004", "FY 05-06", "2008", "October 1, 2013 to September 30, 2014", "August 2014",
             "June 2015", "Summer of 2015", "Last quarter of 2016", "End of December 2016",
             "January 2017", "September 9, 2020"]
    positions = [text.index(d + " ") for d in dates]
    assert positions == sorted(positions), dates


def test_each_timeline_event_links_and_cites(site):
    html = (site / "timeline.html").read_text(encoding="utf-8")
    items = re.findall(r'<div class="manual-timeline">.*?</div>', html, re.S)
    events = re.findall(r"<li>(.*?)</li>", "".join(items), re.S)
    assert len(events) == 20
    for event in events:
        assert re.search(r'See: <a (?:data-print-url="[^"]*" )?href="(programs|outcomes)/[a-z0-9-]+\.html">', event), event
        assert re.search(r'<em>Source: <a (?:data-print-url="[^"]*" )?href="sources\.html#', event), event
    text = page_text(site, "timeline.html")
    assert "Permanency case reviews in Sacramento County (PCR)" in text
    assert "Programs with no dates" in text and "Child and Family Teaming" in text


# ----------------------------------------------------------------- programs
@pytest.mark.parametrize("rel,expected", [
    ("programs/cfpm.html", ["Cooperative Agreement 90CT0153", "Fresno County", "Humboldt County",
                            "Los Angeles County (the Pomona and Wateridge offices)", "Santa Clara County",
                            "Permanency Innovations Initiative", "two rivers"]),
    ("programs/cpm.html", ["12. Prepare for transitions", "must", "sustained"]),
    ("programs/pathways.html", ["Katie A."]),
    ("programs/rbs.html", ["2008", "STRTC", "without spelling the letters out"]),
    ("programs/tfsc.html", ["September 9, 2020", "California/LA County, Colorado, Nebraska and South Carolina",
                            "Tier Two", "Prevent Child Abuse America"]),
    ("programs/pcr.html", ["June 2015", "August 2014", "five reviews a month", "more than 600 children",
                           "last quarter of 2016", "Alameda County", "sustainability plan"]),
])
def test_program_pages_carry_their_facts(site, rel, expected):
    text = page_text(site, rel)
    for words in expected:
        assert words in text, (rel, words)


def test_ccr_links_every_effort_it_builds_on(site):
    html = (site / "programs/ccr.html").read_text(encoding="utf-8")
    related = html[html.index('id="related-programs"'):html.index('id="sources"')]
    for pid in ("arc", "cft", "pathways", "qpi", "rbs", "rfa", "cpm"):
        assert f'href="{pid}.html"' in related, pid


def test_pcr_program_links_its_outcome_pages(site):
    html = (site / "programs/pcr.html").read_text(encoding="utf-8")
    for rel in ("sacramento-pcr-results", "sacramento-permanency-rates", "sacramento-delayed-permanency"):
        assert f'href="../outcomes/{rel}.html"' in html


def test_navigation_has_outcomes_and_timeline(site):
    html = (site / "index.html").read_text(encoding="utf-8")
    assert 'href="outcomes/index.html"' in html and 'href="timeline.html"' in html


def test_no_broken_links_and_nothing_loaded_from_other_hosts(site):
    assert sitecheck.broken_links(site) == []
    assert sitecheck.external_references(site) == []
