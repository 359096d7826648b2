"""News-style claims (tests/cases/calc_realworld.yaml) through `claimcheck calc`, and the
same table in-process through parse_figure + evaluate + judge.

Each expected verdict is worked out by hand in the YAML file beside the case.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest
import yaml

from claimcheck.expr import evaluate
from claimcheck.figures import parse_figure
from claimcheck.verdicts import judge

CASES_FILE = Path(__file__).parent / "cases" / "calc_realworld.yaml"
CASES: list[dict[str, Any]] = yaml.safe_load(CASES_FILE.read_text(encoding="utf-8"))["cases"]
IDS = [c["id"] for c in CASES]
VERDICTS = {"accurate", "approximate", "inaccurate", "unverifiable"}


def test_the_table_is_well_formed() -> None:
    assert len(CASES) >= 40
    assert len(set(IDS)) == len(IDS)
    for c in CASES:
        assert set(c) <= {"id", "sentence", "figure", "expr", "verdict", "diagnosis"}, c["id"]
        assert c["verdict"] in VERDICTS, c["id"]
    # both correct and wrong claims
    assert sum(c["verdict"] == "accurate" for c in CASES) >= 15
    assert sum(c["verdict"] == "inaccurate" for c in CASES) >= 10


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_in_process(case: dict[str, Any]) -> None:
    j = judge(parse_figure(case["figure"]), evaluate(case["expr"], {}))
    assert j.verdict == case["verdict"], (j.decided_by, j.diagnoses)
    if case.get("diagnosis"):
        assert any(case["diagnosis"] in d.text for d in j.diagnoses), j.diagnoses


# --- through the CLI ---------------------------------------------------------------------------


def _run(case: dict[str, Any]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "claimcheck", "calc", case["expr"], "--claim", case["figure"], "--format", "json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        env={**os.environ, "NO_COLOR": "1"},
    )


@pytest.fixture(scope="module")
def cli_results() -> dict[str, subprocess.CompletedProcess[str]]:
    # One process per case, run a few at a time: each start-up is most of the cost.
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        return dict(zip(IDS, pool.map(_run, CASES)))


@pytest.mark.parametrize("case", CASES, ids=IDS)
def test_through_cli(case: dict[str, Any], cli_results: dict[str, subprocess.CompletedProcess[str]]) -> None:
    proc = cli_results[case["id"]]
    assert proc.stderr == "", proc.stderr
    expected_code = 1 if case["verdict"] == "inaccurate" else 0
    assert proc.returncode == expected_code, proc.stdout
    out = json.loads(proc.stdout)
    assert out["verdict"] == case["verdict"], out
    for key in ("value", "interval", "unit", "rule", "arithmetic", "diagnoses"):
        assert key in out, key
    assert isinstance(out["value"], str) and out["value"]
    assert isinstance(out["rule"], str) and out["rule"]
    assert isinstance(out["arithmetic"], str) and out["arithmetic"]
    assert isinstance(out["diagnoses"], list)
    if case.get("diagnosis"):
        assert any(case["diagnosis"] in d for d in out["diagnoses"]), out["diagnoses"]
