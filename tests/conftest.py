"""Shared fixtures: every site a test run reads is built here, once per test run
(however many pytest-xdist workers share it: tests/once.py), and shared by the
build and browser layers; the real manual's data, loaded once per worker."""
from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from builds import make_project, mkdocs_build, render_and_build
from helpers import ROOT
from layers import GATES
from once import once


def pytest_collection_modifyitems(items):
    """Mark the gates (tests/layers.py): `pytest -m "not gate"` runs the rest."""
    for item in items:
        if Path(item.fspath).relative_to(ROOT).as_posix() in GATES:
            item.add_marker(pytest.mark.gate)


def _built(result: subprocess.CompletedProcess, out: Path) -> Path:
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return out


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real manual, built once the way `make build` builds it: the render
    step writes the manual as plain Markdown, MkDocs builds that with --strict."""
    return once(tmp_path_factory, "site",
                lambda tmp: _built(render_and_build(ROOT, tmp / "rendered", tmp / "site"), tmp / "site"))


SAMPLE_EDITION = ROOT / "tests" / "fixtures" / "edition-fernhollow"


@pytest.fixture(scope="session")
def edition() -> Path:
    """The edition under test: MANUAL_EDITION (`make test EDITION=path`), else the
    fictional sample edition of tests/fixtures/edition-fernhollow."""
    return Path(os.environ.get("MANUAL_EDITION") or SAMPLE_EDITION).resolve()


@pytest.fixture(scope="session")
def edition_site(tmp_path_factory, edition) -> Path:
    """That edition, built once as `make build EDITION=...` builds it."""
    return once(tmp_path_factory, f"edition-{edition.name}",
                lambda tmp: _built(render_and_build(edition, tmp / "rendered", tmp / "site"), tmp / "site"))


@pytest.fixture(scope="session")
def pdf_site(tmp_path_factory) -> Path:
    """The real manual built for PDFs (pages marked `pdf:` link their PDFs), as
    `mkdocs build` in the project builds it with MANUAL_PDFS=1: the permanency
    plugin runs the render step. Only the tests of those links use it."""
    return once(tmp_path_factory, "pdf-site",
                lambda tmp: _built(mkdocs_build(ROOT, tmp / "site", MANUAL_PDFS="1"), tmp / "site"))


@pytest.fixture(scope="session")
def fixture_build(tmp_path_factory):
    """Build a fixture project of tests/fixtures (a fresh copy) once per test run:
    ``fixture_build(name)`` -> (the finished build, its site folder)."""
    done: dict[str, tuple[subprocess.CompletedProcess, Path]] = {}

    def make(name: str, tmp: Path) -> tuple[subprocess.CompletedProcess, Path]:
        return mkdocs_build(make_project(tmp, name), tmp / "site"), tmp / "site"

    def build(name: str) -> tuple[subprocess.CompletedProcess, Path]:
        if name not in done:
            done[name] = once(tmp_path_factory, f"fixture-{name}", lambda tmp: make(name, tmp))
        return done[name]
    return build


@pytest.fixture(scope="session")
def good_site(fixture_build) -> Path:
    """The good fixture project, built once."""
    return _built(*fixture_build("good"))


@pytest.fixture(scope="session")
def manual():
    from permanency.model import load

    return load(ROOT / "data", ROOT / "docs")
