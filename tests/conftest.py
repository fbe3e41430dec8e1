"""Shared fixtures: the repository paths, a built copy of the real manual (built
once per test session), and small fixture projects copied into a temp folder."""
from __future__ import annotations

from pathlib import Path

import pytest

from builds import FIXTURES, ROOT, copy_project, make_project, mkdocs_build  # noqa: F401


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real manual, built once with --strict."""
    out = tmp_path_factory.mktemp("site") / "site"
    result = mkdocs_build(ROOT, out)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return out


@pytest.fixture(scope="session")
def pdf_site(tmp_path_factory) -> Path:
    """The real manual built the way `make pdf` builds it (MANUAL_PDFS=true): pages
    link their PDFs, and print_page.html holds the whole manual for the book."""
    out = tmp_path_factory.mktemp("pdf-site") / "site"
    result = mkdocs_build(ROOT, out, env={"MANUAL_PDFS": "true"})
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return out


@pytest.fixture(scope="session")
def manual():
    from permanency.loader import load

    return load(ROOT / "data", ROOT / "docs")
