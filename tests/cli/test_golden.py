"""`claimcheck verify` on a fixture folder and `claimcheck scan` on a draft article, every
format (and scan's --emit-yaml scaffold), pinned at width 100.

The goldens hold real output, read by a person before they were committed. They must not
move when the environment says otherwise: GITHUB_ACTIONS, FORCE_COLOR, COLUMNS, NO_COLOR
and TERM are set to hostile values in every run below, and the output stays the same,
but for FORCE_COLOR, which asks for colour even into a pipe: the terminal formats then
colour the same text.
Regenerate (then read the diff!) with ``UPDATE_GOLDEN=1 pytest tests/cli/test_golden.py``.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GOLDEN = Path(__file__).parent / "golden"
FIXTURE = "tests/fixtures/newsroom"
FORMATS = ["rich", "json", "junit", "github", "markdown", "claimreview"]
BASE_ENV = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C.UTF-8",
            "CLAIMCHECK_CACHE_DIR": os.environ.get("CLAIMCHECK_CACHE_DIR", "")}  # tests/conftest.py
HOSTILE_ENVS = [
    {},
    {"GITHUB_ACTIONS": "true"},
    {"FORCE_COLOR": "1"},
    {"COLUMNS": "200"},
    {"NO_COLOR": "1", "TERM": "dumb"},
    {"GITHUB_ACTIONS": "true", "FORCE_COLOR": "1", "COLUMNS": "40", "TERM": "xterm-256color"},
]


ARTICLE = "examples/draft_parks_budget.md"
SCAN_FORMATS = ["rich", "json", "github"]


def _run(fmt: str, extra_env: dict[str, str], *, command: tuple[str, ...] = ("verify", FIXTURE)) -> str:
    env = {**BASE_ENV, **extra_env}
    env.pop("GITHUB_STEP_SUMMARY", None)
    p = subprocess.run(
        [sys.executable, "-m", "claimcheck", *command, "--format", fmt],
        cwd=ROOT, capture_output=True, text=True, env=env,
    )
    return f"exit: {p.returncode}\n--- stderr\n{p.stderr}--- stdout\n{p.stdout}"


def _check(path: Path, got: str) -> None:
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_text(got, encoding="utf-8")
    assert got == path.read_text(encoding="utf-8")


@pytest.mark.parametrize("fmt", FORMATS)
def test_golden(fmt: str) -> None:
    _check(GOLDEN / f"verify.{fmt}.txt", _run(fmt, {}))


@pytest.mark.parametrize("fmt", SCAN_FORMATS)
def test_golden_scan(fmt: str) -> None:
    _check(GOLDEN / f"scan.{fmt}.txt", _run(fmt, {}, command=("scan", ARTICLE)))


def test_golden_scan_scaffold(tmp_path: Path) -> None:
    out = tmp_path / "draft.yaml"
    p = subprocess.run(
        [sys.executable, "-m", "claimcheck", "scan", ARTICLE, "--format", "json", "--emit-yaml", str(out),
         "--url", "https://example.org/springfield/parks-draft", "--title", "DRAFT: Parks budget"],
        cwd=ROOT, capture_output=True, text=True, env=BASE_ENV,
    )
    assert p.returncode == 1, p.stderr  # "rose 23 percent" is +30.00%: inaccurate
    _check(GOLDEN / "scan.emit-yaml.txt", out.read_text(encoding="utf-8"))


@pytest.mark.parametrize("env", HOSTILE_ENVS[1:], ids=lambda e: ",".join(f"{k}={v}" for k, v in e.items()))
@pytest.mark.parametrize("fmt", ["rich", "github", "junit"])
def test_environment_does_not_change_output(fmt: str, env: dict[str, str]) -> None:
    if fmt == "rich" and "COLUMNS" in env:
        # Piped, the terminal report honours COLUMNS (test_terminal_width_from_columns).
        env = {k: v for k, v in env.items() if k != "COLUMNS"}
    assert _same_but_colour(fmt, _run(fmt, env), env, (GOLDEN / f"verify.{fmt}.txt").read_text(encoding="utf-8"))


_ANSI = re.compile(r"\x1b\[[0-9;]*m")


def _same_but_colour(fmt: str, got: str, env: dict[str, str], golden: str) -> bool:
    """The golden text; coloured when FORCE_COLOR asks and the format is the terminal's."""
    if fmt == "rich" and env.get("FORCE_COLOR"):
        assert _ANSI.search(got), "FORCE_COLOR: the terminal format is coloured even into a pipe"
        # Coloured, rich pads styled lines to the width; the text is the same.
        plain = "\n".join(line.rstrip() for line in _ANSI.sub("", got).split("\n"))
        return plain == "\n".join(line.rstrip() for line in golden.split("\n"))
    return got == golden


@pytest.mark.parametrize("columns", ["60", "80", "100"])
def test_terminal_width_from_columns(columns: str) -> None:
    """Piped, the table is as wide as COLUMNS says, and every verdict, FAIL marker,
    value and claimed figure stays whole: the id and speaker columns wrap instead."""
    got = _run("rich", {"COLUMNS": columns, "TERM": "xterm-256color"},
               command=("verify", "claims/", "examples/", FIXTURE, "tests/fixtures/reports/council_budget.yaml"))
    _check(GOLDEN / f"verify.rich.{columns}.txt", got)
    stdout = got.split("--- stdout\n", 1)[1]
    # Titles and path:line:col lines never wrap (editors and CI logs link them); the
    # tables and the explanation blocks fit.
    located = re.compile(r"^\S.*:\d+:\d+|^\S+\.yaml( — |  invalid)")
    assert max(len(line) for line in stdout.split("\n") if not located.search(line)) <= int(columns)
    for verdict in ("✔ accurate", "≈ approximate", "✘ inaccurate  FAIL", "≈ approximate  FAIL", "? unverifiable"):
        assert verdict in stdout
    rows, in_table = [], False
    for line in stdout.split("\n"):
        if line.startswith("claim "):
            in_table = True
        elif not line:
            in_table = False
        elif in_table and not line.startswith("─"):
            rows.append(line)
    verdicts = [m[1] for m in (re.search(r"   ([✔≈✘?] \S.*)$", r) for r in rows) if m]
    assert len(verdicts) == 25  # every claim and check of the files that load (5 from the CO2 table examples)
    assert set(verdicts) <= {"✔ accurate", "≈ approximate", "✘ inaccurate", "? unverifiable",
                             "✘ inaccurate  FAIL", "≈ approximate  FAIL", "? unverifiable  FAIL"}, set(verdicts)
    assert "…" not in stdout


def test_columns_below_60_is_60() -> None:
    assert _run("rich", {"COLUMNS": "40"}, command=("verify", "claims/", "examples/", FIXTURE, "tests/fixtures/reports/council_budget.yaml")) == (
        GOLDEN / "verify.rich.60.txt").read_text(encoding="utf-8")


@pytest.mark.parametrize("env", HOSTILE_ENVS[1:], ids=lambda e: ",".join(f"{k}={v}" for k, v in e.items()))
def test_environment_does_not_change_scan_output(env: dict[str, str]) -> None:
    got = _run("rich", env, command=("scan", ARTICLE))
    assert _same_but_colour("rich", got, env, (GOLDEN / "scan.rich.txt").read_text(encoding="utf-8"))
