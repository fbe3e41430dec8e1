"""Building MkDocs projects in tests. Each project a test run needs is built once
per session (tests/conftest.py), from a copy, and never changed after: the real
manual (and, for the PDF links, once more with MANUAL_PDFS=1), and each fixture
project in tests/fixtures."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from helpers import FIXTURES, ROOT

MKDOCS = [sys.executable, "-m", "mkdocs"]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def mkdocs_build(project: Path, site: Path, **env) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*MKDOCS, "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site)],
        cwd=project, capture_output=True, text=True, env={**ENV, **env}, timeout=300,
    )


def render_and_build(project: Path, rendered: Path, site: Path) -> subprocess.CompletedProcess:
    """What `make build` does: the render step (`python -m permanency render`),
    MkDocs on the rendered tree (no plugin of the project's own), then each
    page's content security policy (`python -m permanency csp`)."""
    render = subprocess.run([sys.executable, "-m", "permanency", "render", "--out", str(rendered)],
                            cwd=project, capture_output=True, text=True, env=ENV, timeout=300)
    if render.returncode != 0:
        return render
    built = mkdocs_build(rendered, site)
    if built.returncode != 0:
        return built
    policy = subprocess.run([sys.executable, "-m", "permanency", "csp", str(site)],
                            cwd=project, capture_output=True, text=True, env=ENV, timeout=300)
    return built if policy.returncode == 0 else policy


def make_project(tmp: Path, fixture: str) -> Path:
    """Copy a fixture project and link in the repo's theme overrides and
    docs/assets. A fixture holding a file named ``EXTENDS`` is the fixture that
    file names with this fixture's own files laid over it (a good project with
    one bad page)."""
    project = tmp / fixture
    extends = FIXTURES / fixture / "EXTENDS"
    if extends.exists():
        shutil.copytree(FIXTURES / extends.read_text(encoding="utf-8").strip(), project)
        shutil.copytree(FIXTURES / fixture, project, dirs_exist_ok=True, ignore=shutil.ignore_patterns("EXTENDS"))
    else:
        shutil.copytree(FIXTURES / fixture, project)
    for name in ("overrides", "docs/assets"):
        if not (project / name).exists() and (project / name).parent.is_dir():
            os.symlink(ROOT / name, project / name)
    return project
