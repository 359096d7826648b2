"""`claimcheck verify` on a fixture folder, every format, pinned at width 100.

The goldens hold real output, read by a person before they were committed. They must not
move when the environment says otherwise: GITHUB_ACTIONS, FORCE_COLOR, COLUMNS, NO_COLOR
and TERM are set to hostile values in every run below, and the output stays the same.
Regenerate (then read the diff!) with ``UPDATE_GOLDEN=1 pytest tests/test_golden_cli.py``.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
GOLDEN = Path(__file__).parent / "golden_cli"
FIXTURE = "tests/fixtures/newsroom"
FORMATS = ["rich", "json", "junit", "github", "markdown", "claimreview"]
BASE_ENV = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C.UTF-8"}
HOSTILE_ENVS = [
    {},
    {"GITHUB_ACTIONS": "true"},
    {"FORCE_COLOR": "1"},
    {"COLUMNS": "200"},
    {"NO_COLOR": "1", "TERM": "dumb"},
    {"GITHUB_ACTIONS": "true", "FORCE_COLOR": "1", "COLUMNS": "40", "TERM": "xterm-256color"},
]


def _run(fmt: str, extra_env: dict[str, str]) -> str:
    env = {**BASE_ENV, **extra_env}
    env.pop("GITHUB_STEP_SUMMARY", None)
    p = subprocess.run(
        [sys.executable, "-m", "claimcheck", "verify", FIXTURE, "--format", fmt],
        cwd=ROOT, capture_output=True, text=True, env=env,
    )
    return f"exit: {p.returncode}\n--- stderr\n{p.stderr}--- stdout\n{p.stdout}"


@pytest.mark.parametrize("fmt", FORMATS)
def test_golden(fmt: str) -> None:
    path = GOLDEN / f"verify.{fmt}.txt"
    got = _run(fmt, {})
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_text(got, encoding="utf-8")
    assert got == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("env", HOSTILE_ENVS[1:], ids=lambda e: ",".join(f"{k}={v}" for k, v in e.items()))
@pytest.mark.parametrize("fmt", ["rich", "github", "junit"])
def test_environment_does_not_change_output(fmt: str, env: dict[str, str]) -> None:
    assert _run(fmt, env) == (GOLDEN / f"verify.{fmt}.txt").read_text(encoding="utf-8")
