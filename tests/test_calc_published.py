"""Published-style numerical claims (tests/cases/calc_published.yaml) through `claimcheck calc`,
and the same table in-process through parse_figure + evaluate + judge.

Each expected verdict was worked out by hand before the tool was run (the arithmetic is in
the YAML beside each case). A case the tool still gets wrong by that hand verdict carries
``xfail:`` with the reason, and is run as a strict xfail: it fails the suite the day the
tool starts agreeing, so the note cannot go stale.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from claimcheck.cli import app
from claimcheck.expr import evaluate
from claimcheck.figures import FigureError, parse_figure
from claimcheck.verdicts import judge

CASES_FILE = Path(__file__).parent / "cases" / "calc_published.yaml"
CASES: list[dict[str, Any]] = yaml.safe_load(CASES_FILE.read_text(encoding="utf-8"))["cases"]
IDS = [c["id"] for c in CASES]
VERDICTS = {"accurate", "approximate", "inaccurate", "unverifiable", "refused"}
KEYS = {"id", "sentence", "figure", "expr", "verdict", "claim_ok", "source", "diagnosis", "error", "xfail"}


def _params() -> list[Any]:
    return [
        pytest.param(c, id=c["id"], marks=pytest.mark.xfail(reason=c["xfail"], strict=True)) if c.get("xfail")
        else pytest.param(c, id=c["id"])
        for c in CASES
    ]


def test_the_table_is_well_formed() -> None:
    assert len(CASES) >= 60
    assert len(set(IDS)) == len(IDS)
    for c in CASES:
        assert set(c) <= KEYS, c["id"]
        assert c["verdict"] in VERDICTS, c["id"]
        assert isinstance(c["expr"], str) and isinstance(c["figure"], str), c["id"]
        assert isinstance(c["claim_ok"], bool) and c["source"], c["id"]
        assert (c["verdict"] == "refused") == ("error" in c), c["id"]
    right = [c for c in CASES if c["claim_ok"]]
    wrong = [c for c in CASES if not c["claim_ok"]]
    # correct and wrong claims, roughly 2:1, and every kind of verdict
    assert len(wrong) >= 30 and len(right) >= 2 * len(wrong) * 3 // 4
    assert {c["verdict"] for c in CASES} == VERDICTS - {"unverifiable"}
    # a claim judged wrong by hand is never expected to pass as accurate
    assert all(c["verdict"] != "accurate" for c in wrong)


def test_false_alarm_and_catch_rates() -> None:
    """The audit's headline figures, by the hand verdicts the table asserts: no correct claim
    is expected inaccurate or refused (except figures with no number, "a record"), and every
    wrong claim is expected inaccurate, or approximate for a near miss."""
    right = [c for c in CASES if c["claim_ok"] and not c.get("xfail")]
    alarms = [c["id"] for c in right if c["verdict"] == "inaccurate"
              or (c["verdict"] == "refused" and "record" not in c["figure"] and "lowest" not in c["figure"])]
    assert alarms == []
    wrong = [c for c in CASES if not c["claim_ok"]]
    assert all(c["verdict"] in ("inaccurate", "approximate") for c in wrong)


@pytest.mark.parametrize("case", _params())
def test_in_process(case: dict[str, Any]) -> None:
    if case["verdict"] == "refused":
        with pytest.raises(FigureError, match=case["error"]):
            parse_figure(case["figure"])
        return
    j = judge(parse_figure(case["figure"]), evaluate(case["expr"], {}))
    assert j.verdict == case["verdict"], (j.decided_by, j.diagnoses)
    # exact from input to verdict: the compared magnitude is a Fraction, never a float
    assert j.compared is None or isinstance(j.compared, Fraction)
    if case.get("diagnosis"):
        assert any(case["diagnosis"] in d.text for d in j.diagnoses), j.diagnoses


# --- through the CLI ---------------------------------------------------------------------------
#
# Every case goes through the typer app with the argv a user types (exit code, JSON on
# stdout, errors on stderr), in this process: 136 interpreter start-ups would cost most of
# the suite's time budget. A sample also runs as a real `python -m claimcheck` process, one
# per outcome, so the console entry point is covered too.

ARGV = lambda c: ["calc", c["expr"], "--claim", c["figure"], "--format", "json"]  # noqa: E731
PROCESS_SAMPLE = (
    "cpi-june-2022", "fed-three-quarters-point", "dow-nearly-3000-points", "jobless-cut-in-half",
    "deficit-2021-in-billions", "suicide-four-times-higher", "murders-2020-wrong-base",
    "jobless-april-2020-percent-for-points", "record-refused", "lowest-in-50-years-refused",
)


@dataclass(frozen=True)
class _Out:
    returncode: int
    stdout: str
    stderr: str


def _check(case: dict[str, Any], proc: _Out) -> None:
    if case["verdict"] == "refused":
        # bad input: exit 2, the figure quoted and the reason given on stderr, nothing on stdout
        assert proc.returncode == 2, (proc.stdout, proc.stderr)
        assert proc.stdout == ""
        assert case["error"] in proc.stderr and case["figure"] in proc.stderr, proc.stderr
        return
    assert proc.stderr == "", proc.stderr
    out = json.loads(proc.stdout)
    assert out["verdict"] == case["verdict"], out
    assert proc.returncode == (1 if case["verdict"] == "inaccurate" else 0), proc.stdout
    assert out["figure"] == case["figure"] and out["expression"] == case["expr"]
    for key in ("value", "rule", "arithmetic", "decided_by"):
        assert isinstance(out[key], str) and out[key], key
    assert isinstance(out["diagnoses"], list)
    if case.get("diagnosis"):
        assert any(case["diagnosis"] in d for d in out["diagnoses"]), out["diagnoses"]


@pytest.mark.parametrize("case", _params())
def test_through_cli(case: dict[str, Any]) -> None:
    res = CliRunner().invoke(app, ARGV(case), env={"NO_COLOR": "1"})
    if res.exception is not None and not isinstance(res.exception, SystemExit):
        raise res.exception
    _check(case, _Out(res.exit_code, res.stdout, res.stderr))


def test_process_sample_is_in_the_table() -> None:
    assert set(PROCESS_SAMPLE) <= set(IDS)
    assert not any(c.get("xfail") for c in CASES if c["id"] in PROCESS_SAMPLE)


@pytest.fixture(scope="module")
def process_results() -> dict[str, _Out]:
    def run(case: dict[str, Any]) -> _Out:
        p = subprocess.run([sys.executable, "-m", "claimcheck", *ARGV(case)], capture_output=True, text=True,
                           encoding="utf-8", timeout=60, env={**os.environ, "NO_COLOR": "1"})
        return _Out(p.returncode, p.stdout, p.stderr)

    sample = [c for c in CASES if c["id"] in PROCESS_SAMPLE]
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        return dict(zip((c["id"] for c in sample), pool.map(run, sample)))


@pytest.mark.parametrize("case", [c for c in CASES if c["id"] in PROCESS_SAMPLE], ids=lambda c: c["id"])
def test_through_the_process(case: dict[str, Any], process_results: dict[str, _Out]) -> None:
    _check(case, process_results[case["id"]])
