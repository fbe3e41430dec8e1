"""Shared fixtures: the repository paths, a built copy of the real manual (built
once per test session), and small fixture projects copied into a temp folder."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
MKDOCS = [sys.executable, "-m", "mkdocs"]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def mkdocs_build(project: Path, site: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*MKDOCS, "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site)],
        cwd=project, capture_output=True, text=True, env=ENV, timeout=300,
    )


def make_project(tmp: Path, fixture: str) -> Path:
    """Copy a fixture project and link in the repo's macros and theme overrides."""
    project = tmp / fixture
    shutil.copytree(FIXTURES / fixture, project)
    for name in ("macros", "overrides"):
        if not (project / name).exists():
            os.symlink(ROOT / name, project / name)
    return project


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real manual, built once with --strict."""
    out = tmp_path_factory.mktemp("site") / "site"
    result = mkdocs_build(ROOT, out)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    return out


@pytest.fixture(scope="session")
def manual():
    from permanency.loader import load

    return load(ROOT / "data", ROOT / "docs")
