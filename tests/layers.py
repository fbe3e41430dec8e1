"""The test suite's layers, for `make bench-tests` (scripts/bench_tests.py) and
for choosing tests by marker: every test in a file named here is marked `gate`
(tests/conftest.py), so `pytest -m "not gate"` leaves out the sweeps over every
page and printout and keeps everything else."""
from __future__ import annotations

# the gates: each checks every built page (or every printout) with one tool
GATES = {
    "tests/browser/test_gates.py": "axe-core, WCAG 2.2 A and AA, every page in light and dark; "
                                   "requests to other hosts, console errors, CSP violations",
    "tests/browser/test_phone_reading.py": "every page at 320 and 375 px: tables, words, tags; "
                                           "navigation targets at least 24 px",
    "tests/browser/test_htmlcs.py": "HTML_CodeSniffer (pa11y-ci), WCAG 2 AA, every page",
    "tests/build/test_html.py": "the Nu HTML Checker (vnu-jar), every page and stylesheet",
    "tests/browser/test_pdfs.py": "every printout and the whole-manual book on Letter and A4, read back",
}

# layer -> (pytest arguments, what it holds)
LAYERS = {
    "unit": (["tests/unit"], "data, rules and renderers, no build"),
    "build": (["tests/build", "-m", "not gate"], "the built sites' files (the manual, the fixtures, the sample edition)"),
    "browser": (["tests/browser", "-m", "not gate"], "pages used in Chromium: consultation, search, training, worksheets, CSP"),
    **{path.rsplit("/", 1)[1][:-3]: ([path], what) for path, what in GATES.items()},
}
