"""The calc case tables (tests/cases/calc_*.yaml) through `claimcheck calc`, in process and
through the CLI: one runner for every table.

* ``calc_published.yaml`` — published-style numerical claims (the first audit);
* ``calc_published_2.yaml`` — the second audit: British and international copy ("per
  cent", "£3.2bn", "three in 10", "year-on-year", "rose by 0.3 percentage points to
  4.2%"), US copy ("nearly tripled", "cut in half", "10-fold"), number words, signed
  figures, trailing context and hedges;
* ``calc_realworld.yaml`` — news-style claims with the sentence they came from.

Each expected verdict was worked out by hand before the tool was run (the arithmetic is in
the YAML beside each case). A case the tool still gets wrong by that hand verdict carries
``xfail:`` with the reason, and is run as a strict xfail: it fails the suite the day the
tool starts agreeing, so the note cannot go stale.

Every case goes through the typer app with the argv a user types (exit code, JSON on
stdout, errors on stderr) in this process, since hundreds of interpreter start-ups would
cost most of the suite's time; a sample of each table, one per outcome, also runs as a
real ``python -m claimcheck`` process, so the console entry point is covered too.
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

CASES_DIR = Path(__file__).resolve().parents[1] / "cases"
VERDICTS = {"accurate", "approximate", "inaccurate", "unverifiable", "refused"}


@dataclass(frozen=True)
class Table:
    """A case table and what its audit promised: its size, its share of wrong claims, the
    refusals of correct claims it accepts (figures with no number: "a record"), and the
    cases that also run as a process."""

    name: str
    keys: frozenset[str]
    least: int
    least_wrong: int
    refusals_ok: tuple[str, ...]
    process_sample: tuple[str, ...]

    @property
    def cases(self) -> list[dict[str, Any]]:
        return yaml.safe_load((CASES_DIR / f"{self.name}.yaml").read_text(encoding="utf-8"))["cases"]


AUDIT_KEYS = frozenset({"id", "sentence", "figure", "expr", "verdict", "claim_ok", "source", "diagnosis", "error", "xfail"})
TABLES = (
    Table("calc_published", AUDIT_KEYS, 60, 30, ("record", "lowest"), (
        "cpi-june-2022", "fed-three-quarters-point", "dow-nearly-3000-points", "jobless-cut-in-half",
        "deficit-2021-in-billions", "suicide-four-times-higher", "murders-2020-wrong-base",
        "jobless-april-2020-percent-for-points", "record-refused", "lowest-in-50-years-refused",
    )),
    Table("calc_published_2", AUDIT_KEYS, 80, 40, ("since",), (
        "uk-cpi-11.1-per-cent", "uk-jobless-points-to-level", "telegraph-pc", "child-poverty-cut-in-half",
        "signed-unicode-minus-3.2", "us-87000-irs-agents", "level-to-wrong", "wrong-base-up-25",
        "highest-since-year-refused",
    )),
    Table("calc_realworld", frozenset({"id", "sentence", "figure", "expr", "verdict", "diagnosis"}), 40, 10, (), (
        "ice-axios-nearly-20", "ice-dhs-only-10", "ice-fell-by-a-quarter", "ice-deported-mismatch",
    )),
)
CASES = {t.name: t.cases for t in TABLES}


def _claim_ok(case: dict[str, Any]) -> bool:
    """Whether the claim is right by hand (the audits say so; the realworld table's
    verdict does)."""
    return case["claim_ok"] if "claim_ok" in case else case["verdict"] != "inaccurate"


def _params(only: tuple[str, ...] | None = None) -> list[Any]:
    out = []
    for t in TABLES:
        for c in CASES[t.name]:
            if only is not None and c["id"] not in t.process_sample:
                continue
            marks = [pytest.mark.xfail(reason=c["xfail"], strict=True)] if c.get("xfail") else []
            out.append(pytest.param(c, id=f"{t.name}:{c['id']}", marks=marks))
    return out


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.name)
def test_the_table_is_well_formed(table: Table) -> None:
    cases = CASES[table.name]
    ids = [c["id"] for c in cases]
    assert len(cases) >= table.least
    assert len(set(ids)) == len(ids)
    for c in cases:
        assert set(c) <= table.keys, c["id"]
        assert c["verdict"] in VERDICTS, c["id"]
        assert isinstance(c["expr"], str) and isinstance(c["figure"], str), c["id"]
        assert (c["verdict"] == "refused") == ("error" in c), c["id"]
        if "claim_ok" in table.keys:
            assert isinstance(c["claim_ok"], bool) and c["source"], c["id"]
    right = [c for c in cases if _claim_ok(c)]
    wrong = [c for c in cases if not _claim_ok(c)]
    # correct and wrong claims, about 3:2 at least
    assert len(wrong) >= table.least_wrong and len(right) >= 2 * len(wrong) * 3 // 4
    if "claim_ok" in table.keys:
        # an audit has every kind of verdict (a refusal too) but unverifiable
        assert {c["verdict"] for c in cases} == VERDICTS - {"unverifiable"}
    # a claim judged wrong by hand is never expected to pass as accurate
    assert all(c["verdict"] != "accurate" for c in wrong)
    assert set(table.process_sample) <= set(ids)
    assert not any(c.get("xfail") for c in cases if c["id"] in table.process_sample)


@pytest.mark.parametrize("table", TABLES, ids=lambda t: t.name)
def test_false_alarm_and_catch_rates(table: Table) -> None:
    """The audit's headline figures, by the hand verdicts the table asserts: no correct claim
    is expected inaccurate or refused (except figures with no number, "a record"), and every
    wrong claim is expected inaccurate, or approximate for a near miss."""
    cases = CASES[table.name]
    right = [c for c in cases if _claim_ok(c) and not c.get("xfail")]
    alarms = [c["id"] for c in right if c["verdict"] == "inaccurate"
              or (c["verdict"] == "refused" and not any(w in c["figure"] for w in table.refusals_ok))]
    assert alarms == []
    wrong = [c for c in cases if not _claim_ok(c)]
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


def _argv(case: dict[str, Any]) -> list[str]:
    return ["calc", case["expr"], "--claim", case["figure"], "--format", "json"]


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
    assert "interval" in out and "unit" in out
    assert isinstance(out["diagnoses"], list)
    if case.get("diagnosis"):
        assert any(case["diagnosis"] in d for d in out["diagnoses"]), out["diagnoses"]


@pytest.mark.parametrize("case", _params())
def test_through_cli(case: dict[str, Any]) -> None:
    res = CliRunner().invoke(app, _argv(case), env={"NO_COLOR": "1"})
    if res.exception is not None and not isinstance(res.exception, SystemExit):
        raise res.exception
    _check(case, _Out(res.exit_code, res.stdout, res.stderr))


@pytest.fixture(scope="module")
def process_results() -> dict[str, _Out]:
    def run(case: dict[str, Any]) -> _Out:
        p = subprocess.run([sys.executable, "-m", "claimcheck", *_argv(case)], capture_output=True, text=True,
                           encoding="utf-8", timeout=60, env={**os.environ, "NO_COLOR": "1"})
        return _Out(p.returncode, p.stdout, p.stderr)

    sample = [c for t in TABLES for c in CASES[t.name] if c["id"] in t.process_sample]
    with ThreadPoolExecutor(max_workers=max(2, os.cpu_count() or 2)) as pool:
        return dict(zip((c["id"] for c in sample), pool.map(run, sample)))


@pytest.mark.parametrize("case", _params(only=()))
def test_through_the_process(case: dict[str, Any], process_results: dict[str, _Out]) -> None:
    _check(case, process_results[case["id"]])
