"""Building MkDocs projects in tests: the real manual, a fixture project, or a
copy of the real manual with its own data/."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
MKDOCS = [sys.executable, "-m", "mkdocs"]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


def mkdocs_build(project: Path, site: Path, env: dict | None = None) -> subprocess.CompletedProcess:
    return subprocess.run(
        [*MKDOCS, "build", "--strict", "-f", str(project / "mkdocs.yml"), "-d", str(site)],
        cwd=project, capture_output=True, text=True, env={**ENV, **(env or {})}, timeout=300,
    )


def make_project(tmp: Path, fixture: str) -> Path:
    """Copy a fixture project and link in the repo's macros and theme overrides."""
    project = tmp / fixture
    shutil.copytree(FIXTURES / fixture, project)
    for name in ("macros", "overrides"):
        if not (project / name).exists():
            os.symlink(ROOT / name, project / name)
    return project


def copy_project(tmp: Path, data: Path = ROOT / "data") -> Path:
    """A copy of the real manual to change: its own data/ (copied), everything else
    linked, so a build sees the same docs, theme, macros and plugin."""
    project = tmp / "project"
    project.mkdir(parents=True)
    shutil.copytree(data, project / "data")
    for name in ("docs", "overrides", "macros", "permanency", "mkdocs.yml"):
        os.symlink(ROOT / name, project / name)
    return project
