# The manual's commands. Every target sets itself up first: on a fresh machine with
# Python 3.11, `make serve` and `make test` are all you need.
SHELL := /bin/bash
VENV  ?= .venv
PY    := $(VENV)/bin/python
MKDOCS := NO_MKDOCS_2_WARNING=1 $(VENV)/bin/mkdocs
HOST  ?= 127.0.0.1:8000
export NO_MKDOCS_2_WARNING := 1
# An agency edition (README, "Agency editions"): EDITION=path/to/its/folder makes
# check, render, build, serve, test and zip work on that edition instead of the core.
EDITION ?=
# pytest-xdist workers for `make test` (tests/once.py shares the builds between them)
WORKERS ?= auto
CONFIG := $(if $(EDITION),$(EDITION)/mkdocs.yml,mkdocs.yml)

.PHONY: help setup node-tools check render build serve test test-fast pdf zip bench bench-tests lock clean review-due

help:
	@echo "make serve   build the manual and serve it at http://$(HOST)/ (rebuilds on edits to docs/, data/, permanency/)"
	@echo "make test    set everything up and run every test (units, fixture builds, the built site in Chromium)"
	@echo "make render  write the whole manual as plain Markdown with front matter, and its mkdocs.yml, into build/rendered/"
	@echo "make build   render the manual, then build the static site from it into site/"
	@echo "make check   validate data/ only, listing every error as file:line: field: message"
	@echo "make review-due  list the pages past their review date, oldest first, with their files"
	@echo "make bench   time the build (the render step's share, 1x/10x/50x data) and edit-to-refresh under serve"
	@echo "make bench-tests  time each layer of the test suite on its own (wall and machine CPU), then the whole run"
	@echo "make zip     zip site/ (after make build or make pdf, PDFs included) into dist/<name>-<version>-offline.zip"
	@echo "             any of these with EDITION=path/to/edition works on that agency edition"
	@echo "make pdf     build the site and print every page marked pdf: (and the whole manual) to site/pdf/, Letter and A4"

$(VENV)/.installed: requirements.txt pyproject.toml
	python3 -m venv $(VENV)
	$(PY) -m pip install --quiet -r requirements.txt
	$(PY) -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $@

setup: $(VENV)/.installed

# The Node tools the tests use (pa11y-ci with HTML_CodeSniffer, the Nu HTML
# Checker from vnu-jar, the workflow validator @action-validator/cli), exactly as
# package-lock.json pins them. No install
# scripts: Puppeteer would download its own browser (the tests use Debian's
# Chromium) and vnu-jar a Java runtime (Debian's is used).
node_modules/.installed: package.json package-lock.json
	PUPPETEER_SKIP_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund
	touch $@

node-tools: node_modules/.installed

check: setup
	$(PY) -m permanency check $(if $(EDITION),--edition $(EDITION))

# Pages whose last_reviewed plus the review interval (data/manual.yml) is today or
# earlier, oldest review first. TODAY=YYYY-MM-DD checks against another date;
# EDITION=path adds the edition's own pages, data and sources, without its hidden pages.
review-due: setup
	$(PY) -m permanency review-due $(if $(TODAY),--today $(TODAY)) $(if $(EDITION),--edition $(EDITION))

# The render step: data and pages to plain Markdown with front matter, the
# abbreviation snippet and a generator config (no plugin of the manual's own).
RENDERED ?= build/rendered
render: setup
	$(PY) -m permanency render --config $(CONFIG) --out $(RENDERED)

build: render
	$(MKDOCS) build --strict -f $(RENDERED)/mkdocs.yml -d $(CURDIR)/site
	$(PY) -m permanency csp site

serve: check
	$(MKDOCS) serve --strict -f $(CONFIG) -a $(HOST)

# The data check runs first and stops the run on bad data (every error listed).
# Browser tests drive Debian's Chromium and the HTML gate runs vnu.jar on Java;
# install either when it is missing. The Node tools come from package-lock.json.
test: check node-tools
ifdef EDITION
	MANUAL_EDITION=$(abspath $(EDITION)) $(PY) -m pytest -q tests/build/test_any_edition.py
else
	bash scripts/ensure-chromium
	bash scripts/ensure-java
	$(PY) -m pytest -q -n $(WORKERS) --dist loadfile
endif

# One versioned offline copy of site/ as built by make build or make pdf (with
# its PDFs); the render step only tells it the name and version.
zip: render
	@test -f site/index.html || { echo "no site/ yet: run make build (or make pdf) first"; exit 1; }
	$(PY) -m permanency zip --site site --config $(RENDERED)/mkdocs.yml --out dist

test-fast: setup node-tools
	$(PY) -m pytest -q -m "not browser"

# Build timings: macros vs pre-rendered Markdown, 1x/10x/50x synthetic data, and
# edit-to-refresh under `mkdocs serve`. Not a test; prints a table.
bench: setup
	$(PY) scripts/bench.py

# What each test layer costs (tests/layers.py), one after the other, then the
# whole suite as make test runs it. Not a test; prints a table. Quiet machine.
bench-tests: check node-tools
	bash scripts/ensure-chromium
	bash scripts/ensure-java
	$(PY) scripts/bench_tests.py --workers $(WORKERS)

# PDFs in Debian's headless Chromium: every page whose front matter has `pdf:`
# (site/pdf/<slug>-letter.pdf and -a4.pdf) and the whole manual
# (site/pdf/manual-letter.pdf and -a4.pdf); the built site links them.
pdf: check
	bash scripts/ensure-chromium
	$(PY) scripts/pdf.py $(if $(EDITION),--project $(EDITION))

lock:
	{ echo "# Pinned: every package the manual needs to build and test. Regenerate with: make lock"; \
	  $(PY) -m pip freeze --all --exclude-editable | grep -v '^pip=='; } > requirements.txt

clean:
	rm -rf site build dist .pytest_cache
