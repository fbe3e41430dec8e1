"""Every GitHub workflow passes @action-validator/cli (npm, pinned in
package-lock.json; `make test` installs it with `npm ci`), and the validator
does catch a broken workflow."""
from __future__ import annotations

import subprocess

import pytest

from helpers import ROOT

VALIDATOR = ROOT / "node_modules" / ".bin" / "action-validator"
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def validate(path) -> subprocess.CompletedProcess:
    assert VALIDATOR.exists(), "the workflow validator is missing: run `npm ci` (make test does)"
    return subprocess.run([str(VALIDATOR), str(path)], capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda p: p.name)
def test_workflow_is_valid(workflow):
    result = validate(workflow)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_validator_rejects_a_misspelt_key(tmp_path):
    broken = tmp_path / "publish.yml"
    broken.write_text(WORKFLOWS[0].read_text(encoding="utf-8").replace("runs-on:", "runs_on:"), encoding="utf-8")
    result = validate(broken)
    assert result.returncode != 0
    assert "Additional property 'runs_on' is not allowed" in result.stdout + result.stderr
