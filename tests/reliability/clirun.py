"""Running the real ``claimcheck`` command in a subprocess, the way CI does.

The environment is fixed (no COLUMNS, FORCE_COLOR, NO_COLOR, GITHUB_ACTIONS, GITHUB_STEP_SUMMARY
from the caller) so a result never depends on the terminal the tests were started from.
Every run has a generous hang guard: a timeout catches a hang, it does not time anything.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

HANG_GUARD = 60  # seconds; a hang, not a benchmark
_DROP = ("COLUMNS", "LINES", "FORCE_COLOR", "NO_COLOR", "GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "TERM", "CLICOLOR_FORCE")


def clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in _DROP and not k.startswith(("HYPOTHESIS", "PYTEST"))}
    env["PYTHONIOENCODING"] = "utf-8"
    env["LC_ALL"] = "C.UTF-8"
    env.update(extra)
    return env


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def err_lines(self) -> list[str]:
        return [line for line in self.err.split("\n") if line]


def claimcheck(*args: str, cwd: Path, env: dict[str, str] | None = None, timeout: int = HANG_GUARD) -> Run:
    proc = subprocess.run(
        [sys.executable, "-m", "claimcheck", *args],
        cwd=cwd,
        env=env or clean_env(),
        capture_output=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
    )
    out = proc.stdout.decode("utf-8", "replace")
    err = proc.stderr.decode("utf-8", "replace")
    assert "Traceback" not in out and "Traceback" not in err, err
    return Run(proc.returncode, out, err)


def snapshot(folder: Path) -> dict[str, str]:
    """Every entry under ``folder``: files by content hash, folders and others by kind."""
    out: dict[str, str] = {}
    for p in sorted(folder.rglob("*")):
        rel = str(p.relative_to(folder))
        if p.is_symlink():
            out[rel] = "link:" + os.readlink(p)
        elif p.is_file():
            out[rel] = hashlib.sha256(p.read_bytes()).hexdigest()
        elif p.is_dir():
            out[rel] = "dir"
        else:
            out[rel] = "other"
    return out


GOOD = """\
title: good
figures:
  june: {value: "1,224", unit: arrests/day, period: 2025-06}
  july: {value: 990, unit: arrests/day, period: 2025-07-01/2025-07-27}
claims:
  - id: good-nearly-20
    speaker: A
    statement: arrests dropped nearly 20%
    figure: nearly 20% drop
    compute: pct_change(june, july)
"""

# A claim the arithmetic does not support: 120 → 150 is +25%, not 20% (DESIGN §4).
FAILING = """\
title: failing
figures:
  before: {value: 120}
  after: {value: 150}
claims:
  - id: bad-20-rise
    speaker: B
    statement: a 20% rise, from 120 to 150
    figure: up 20%
    compute: pct_change(before, after)
"""


def claim_file(*, figures: str = "", compute: str = "pct_change(june, july)", figure: str = "nearly 20% drop", extra: str = "") -> str:
    """A valid claim file with a slot for figures, the compute: text and extra claim keys."""
    return (
        "title: test\n"
        "figures:\n"
        '  june: {value: "1,224"}\n'
        "  july: {value: 990}\n"
        f"{figures}"
        "claims:\n"
        "  - id: c1\n"
        "    speaker: A\n"
        "    statement: s\n"
        f"    figure: {figure}\n"
        f"    compute: {compute}\n"
        f"{extra}"
    )
