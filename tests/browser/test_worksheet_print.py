"""Worksheets in Debian's Chromium: printed to PDF on US Letter and A4 the way
`make pdf` prints them (scripts/pdf.py), and filled in on screen.

On paper: each worksheet has its expected number of pages on both papers, the
tracking form is landscape, only the sheet prints (not the screen introduction,
the fill-in note or the navigation), every question the worksheet draws from the
bank is there, and the provenance footer is on it. On screen: nothing typed is
stored (localStorage, sessionStorage, cookies, IndexedDB, Cache Storage) or sent
(no request carries it, none is made at all while filling in), a reload leaves
every field empty, and Clear all empties the sheet.
"""
from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader

from permanency import render_worksheets
from printouts import pdf_pages

# Pages per worksheet on (Letter, A4), as measured and checked by eye.
EXPECTED_PAGES = {
    "pcr-review": (2, 2),
    "pcr-follow-up": (1, 1),
    "connections-search": (1, 1),
    "options-checklist": (1, 1),
    "tracking-form": (1, 1),
    "behaviors-self-check": (1, 1),
}
# Paper sizes in PDF points (width, height), portrait.
PAPER_POINTS = {"Letter": (612, 792), "A4": (595, 842)}
MARK = "zq-typed-7731"


def squash(text: str) -> str:
    """Text with all whitespace removed: a PDF breaks lines where the page does."""
    return re.sub(r"\s+", "", text)


@pytest.fixture(scope="module")
def printed(printouts, manual):
    """Every worksheet printed on both papers (once per session, as `make pdf`
    prints it): {(id, paper): (reader, text)}."""
    out = {}
    for wid in manual.worksheets:
        for paper in PAPER_POINTS:
            reader = PdfReader(io.BytesIO(printouts[(f"tools/{wid}.md", paper)]))
            out[(wid, paper)] = (reader, "\n".join(p.extract_text() for p in reader.pages))
    return out


def test_expected_worksheets(manual):
    assert list(manual.worksheets) == list(EXPECTED_PAGES)


@pytest.mark.parametrize("paper", list(PAPER_POINTS))
@pytest.mark.parametrize("wid", list(EXPECTED_PAGES))
def test_worksheet_prints_on_its_pages_with_the_provenance_footer(printed, manual, wid, paper):
    reader, text = printed[(wid, paper)]
    worksheet = manual.worksheets[wid]
    expected = EXPECTED_PAGES[wid][0 if paper == "Letter" else 1]
    assert len(reader.pages) == expected, f"{wid} on {paper}: {len(reader.pages)} pages, expected {expected}"
    assert len(reader.pages) <= 2
    width, height = PAPER_POINTS[paper]
    if worksheet["orientation"] == "landscape":
        width, height = height, width
    for page in reader.pages:
        box = page.mediabox
        # Chromium rounds the paper to whole pixels: within 2 points of the standard size
        assert abs(float(box.width) - width) <= 2 and abs(float(box.height) - height) <= 2, \
            (wid, paper, float(box.width), float(box.height))
    flat = squash(text)
    # the footer: manual title, worksheet name, version, last reviewed, where the current copy lives
    assert squash(f"{manual.meta['title']} · {worksheet['title']} · Version {manual.version}") in flat
    assert squash(f"Last reviewed {worksheet['last_reviewed']}") in flat
    assert squash(f"Current copy: https://permanency-manual.github.io/manual/tools/{wid}.html") in flat
    # only the sheet: not the screen introduction, the fill-in note or the site's navigation
    assert squash(worksheet["purpose"][0])[:60] not in flat
    assert squash("not saved and not sent anywhere") not in flat
    assert "Clearall" not in flat
    for nav in ("Glossary", "Change log", "Skip to content"):
        assert squash(nav) not in flat, (wid, nav)


@pytest.mark.parametrize("paper", list(PAPER_POINTS))
@pytest.mark.parametrize("wid", list(EXPECTED_PAGES))
def test_printout_has_every_question_the_worksheet_draws(printed, manual, wid, paper):
    _, text = printed[(wid, paper)]
    flat = squash(text)
    worksheet = manual.worksheets[wid]
    shown = [x["question"]["text"] for item in render_worksheets.sheet(manual, worksheet)
             if item["kind"] == "questions" for g in item["groups"] for x in g["questions"]]
    if wid == "pcr-review":
        assert shown == [q["text"] for q in manual.questions.values()]  # the whole bank, in order
    missing = [q for q in shown if squash(q) not in flat]
    assert not missing, f"{wid} on {paper} lacks: {missing}"


def test_review_printout_has_the_scale_grids_options_and_the_strategy(printed, manual):
    _, text = printed[("pcr-review", "Letter")]
    flat = squash(text)
    assert squash("1 2 3 4 5 6 7 8 9 10") in flat
    for words in ("Connections to explore", "Could they be a permanency resource?", "Permanency options considered",
                  "Assignments", "By when", "Date to meet and report back", "Never write the child's name"):
        assert squash(words) in flat, words
    for option in manual.option_categories["legal"]["options"]:
        assert squash(option["name"]) in flat


def fill_everything(page) -> int:
    """Type the marker into every field and tick every box; returns how many."""
    return page.evaluate(
        """(mark) => {
          let n = 0;
          for (const el of document.querySelectorAll('.ws-sheet input, .ws-sheet textarea')) {
            if (el.type === 'checkbox' || el.type === 'radio') { el.click(); }
            else { el.focus(); el.value = mark + '-' + n; el.dispatchEvent(new Event('input', {bubbles: true})); }
            n += 1;
          }
          return n;
        }""", MARK)


def stored(page) -> str:
    """Everything the page could have kept: web storage, cookies, IndexedDB, caches."""
    return page.evaluate(
        """async () => {
          const parts = [];
          for (const s of [localStorage, sessionStorage])
            for (let i = 0; i < s.length; i++) parts.push(s.key(i) + '=' + s.getItem(s.key(i)));
          parts.push(document.cookie);
          const dbs = indexedDB.databases ? await indexedDB.databases() : [];
          for (const db of dbs) parts.push('indexedDB:' + db.name);
          if (window.caches) for (const k of await caches.keys()) parts.push('cache:' + k);
          return parts.join('\\n');
        }""")


def values(page) -> list:
    return page.evaluate(
        """() => Array.from(document.querySelectorAll('.ws-sheet input, .ws-sheet textarea'),
             el => (el.type === 'checkbox' || el.type === 'radio') ? el.checked : el.value)""")


@pytest.mark.parametrize("wid", ["pcr-review", "tracking-form", "behaviors-self-check"])
def test_filling_in_stores_and_sends_nothing_and_reload_empties(page, server, wid):
    requests = []
    page.on("request", lambda r: requests.append((r.method, r.url, r.post_data or "")))
    page.goto(server + f"tools/{wid}.html", wait_until="networkidle")
    loaded = {url for _, url, _ in requests}
    before = stored(page)
    requests.clear()

    filled = fill_everything(page)
    assert filled > 10
    page.wait_for_timeout(300)
    # nothing is sent: at most a file the page itself loaded is fetched again (on a
    # busy machine a script can come after the network went quiet), never a new
    # address, another method or a body
    sent = [r for r in requests if r[0] != "GET" or r[1] not in loaded or r[2]]
    assert sent == [], f"requests while filling in: {sent}"
    assert MARK not in stored(page)
    assert stored(page) == before
    # what was typed is there to print
    assert any(isinstance(v, str) and v.startswith(MARK) for v in values(page))

    page.reload(wait_until="networkidle")
    assert all(v in ("", False) for v in values(page)), "a reload kept typed values"
    assert MARK not in stored(page)
    assert not [u for _, u, body in requests if MARK in u or MARK in body]
    assert page.recorder.foreign == [] and page.recorder.errors == []


def test_controls_are_labelled_and_autocomplete_is_off(page, server):
    page.goto(server + "tools/pcr-review.html")
    unlabelled = page.evaluate(
        """() => Array.from(document.querySelectorAll('.ws-sheet input, .ws-sheet textarea'))
             .filter(el => !(el.labels && el.labels.length) && !el.getAttribute('aria-labelledby'))
             .map(el => el.outerHTML)""")
    assert unlabelled == []
    assert page.evaluate("document.querySelectorAll('.ws-sheet [autocomplete=\"off\"]').length") == \
        page.evaluate("document.querySelectorAll('.ws-sheet input[type=text], .ws-sheet textarea').length") > 40
    # the note says so, where the reader sees it
    note = page.locator(".ws-privacy")
    assert note.is_visible()
    assert "not saved and not sent anywhere" in note.inner_text()


def test_clear_all_empties_the_sheet_after_asking(page, server):
    page.goto(server + "tools/pcr-follow-up.html")
    button = page.get_by_role("button", name="Clear all")
    assert button.is_visible()
    fill_everything(page)

    page.once("dialog", lambda d: d.dismiss())
    button.click()
    assert any(v not in ("", False) for v in values(page)), "Clear all cleared without asking"

    messages = []
    page.once("dialog", lambda d: (messages.append(d.message), d.accept()))
    button.click()
    assert messages == ["Clear everything typed on this worksheet?"]
    assert all(v in ("", False) for v in values(page))
    assert page.get_by_role("status").inner_text() == "Everything typed on this worksheet was cleared."


def test_what_was_typed_prints(page, server):
    page.goto(server + "tools/pcr-review.html")
    page.fill("#ws-review-case", "Case ref 4471-B")
    page.check("input[name='ws-questions-risk-scale'][value='7']")
    page.fill("#ws-questions-youth-strengths", "Plays in the school band")
    data = page.pdf(format="Letter")
    text = squash("\n".join(p.extract_text() for p in PdfReader(io.BytesIO(data)).pages))
    assert squash("Case ref 4471-B") in text
    assert squash("Plays in the school band") in text
    assert page.evaluate("getComputedStyle(document.querySelector(\"input[value='7'] + span\")).borderRadius") == "50%"


def test_pdf_script_finds_every_page_marked_pdf_in_nav_order(manual):
    pages = pdf_pages()
    marked = [p.src_uri for p in pages if p.pdf]
    for wid in manual.worksheets:
        assert f"tools/{wid}.md" in marked
    srcs = [p.src_uri for p in pages]
    assert srcs[0] == "index.md"
    assert srcs.index("pcr/index.md") < srcs.index("tools/index.md") < srcs.index("tools/pcr-review.md") \
        < srcs.index("permanency-options.md")
    landscape = {p.src_uri for p in pages if p.landscape and p.src_uri.startswith("tools/")}
    assert landscape == {"tools/tracking-form.md"}  # other sections may add landscape pages of their own


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [1280, 375])
def test_option_categories_read_as_headings_on_screen(browser, server, scheme, width):
    # On paper the categories (legal, relational, ...) were bold over their
    # options; on screen they looked like one more row. They are row-group headers
    # (th scope="rowgroup") and must look it: bold, larger than an option's
    # definition, set apart from the rows, and still clean under axe.
    from axe_playwright_python.sync_playwright import Axe

    from test_gates import axe_violations

    ctx = browser.new_context(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page = ctx.new_page()
    page.goto(server + "tools/options-checklist.html")
    header = page.get_by_role("rowheader", name="Legal permanency", exact=True)
    assert header.is_visible()
    look = header.evaluate("""e => { const s = getComputedStyle(e), row = e.closest('tr');
        const d = getComputedStyle(document.querySelector('.ws-options__def'));
        return {weight: +s.fontWeight, size: parseFloat(s.fontSize), def: parseFloat(d.fontSize),
                rule: parseFloat(s.borderBottomWidth), card: getComputedStyle(row).borderTopStyle,
                scope: e.getAttribute('scope')}; }""")
    assert look["scope"] == "rowgroup"
    assert look["weight"] >= 700 and look["size"] > look["def"], look
    assert look["rule"] >= 2, look  # a rule under the heading, not a cell among cells
    if width == 375:
        assert look["card"] == "none", look  # a heading over its cards, not a card
    assert axe_violations(Axe(), page) == []
    ctx.close()
