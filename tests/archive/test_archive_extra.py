"""The archive extra stays optional: without it ``claimcheck archive`` says how to install
it (exit 2), and no other command ever imports dask, distributed or pyarrow.

Each case runs in a fresh interpreter. Absence is simulated the way Python itself reads
it: ``sys.modules[name] = None`` makes ``import name`` raise ImportError.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HEAVY = ("dask", "distributed", "pyarrow")
HINT = ('claimcheck: error: claimcheck archive needs the optional archive extra ({missing} not installed); '
        'install it with: pip install "claimcheck[archive]"\n')

# Run the command line with ``argv``, then report the exit code and which heavy modules
# were imported (as JSON, to a file, so the command's own output is left as it is).
PROGRAM = """
import json, os, sys
absent = {absent!r}
for name in absent:
    sys.modules[name] = None
from claimcheck.cli import app
try:
    app({argv!r})
    code = 0
except SystemExit as e:
    code = e.code
loaded = sorted({{m.split(".")[0] for m in sys.modules if sys.modules[m] is not None}} & {heavy!r})
open({report!r}, "w").write(json.dumps({{"code": code, "loaded": loaded}}))
"""


def run(argv: list[str], tmp: Path, absent: tuple[str, ...] = ()) -> tuple[dict, str, str]:
    report = tmp / "report.json"
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "FORCE_COLOR", "GITHUB_ACTIONS")}
    code = PROGRAM.format(absent=absent, argv=argv, heavy=set(HEAVY), report=str(report))
    p = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, env=env, timeout=120)
    assert report.exists(), p.stderr
    return json.loads(report.read_text()), p.stdout, p.stderr


@pytest.mark.parametrize("argv", [
    ["verify", "claims/ice_july.yaml"],
    ["verify", "--format", "json", "claims/"],
    ["scan", "examples/draft_parks_budget.md"],
    ["scan", "--format", "json", "examples/draft_parks_budget.md"],
    ["calc", "pct_change(31000, 27000)", "--claim", "down 10%"],
    ["archive", "--help"],
    ["archive", "scan", "--help"],
])
def test_no_other_command_imports_the_extra(argv: list[str], tmp_path: Path) -> None:
    report, _, _ = run(argv, tmp_path)
    assert report["loaded"] == []


@pytest.mark.parametrize("argv, missing", [
    (["archive", "scan", "examples", "--out", "findings.parquet"], "dask, pyarrow"),
    (["archive", "scan", "examples", "--out", "x.parquet", "--scheduler", "tcp://127.0.0.1:1"], "dask, distributed, pyarrow"),
    (["archive", "summary", "findings.parquet"], "dask, pyarrow"),
    (["archive"], "dask, pyarrow"),
])
def test_without_the_extra_archive_says_how_to_install_it(argv: list[str], missing: str, tmp_path: Path) -> None:
    report, out, err = run(argv, tmp_path, absent=HEAVY)
    assert (report["code"], out, err) == (2, "", HINT.format(missing=missing))
    assert not (ROOT / "findings.parquet").exists() and not (ROOT / "x.parquet").exists()


def test_with_only_pyarrow_missing_it_names_pyarrow(tmp_path: Path) -> None:
    report, out, err = run(["archive", "summary", "findings.parquet"], tmp_path, absent=("pyarrow",))
    assert (report["code"], out, err) == (2, "", HINT.format(missing="pyarrow"))
