"""The fresh scan fixture: news-style sentences the scan was not tuned on, each with the
checks it must make worked out by hand (tests/cases/scan_fresh.yaml). Only checked
findings are compared: a claim case must check exactly its claims with the verdicts
given; a trap must check nothing. ``python tests/unit/scan/test_scan_fresh.py`` prints the recall,
catch and false-alarm figures the fixture measures."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import yaml

from claimcheck.scan import scan_text

CASES = yaml.safe_load((Path(__file__).parents[2] / "cases" / "scan_fresh.yaml").read_text(encoding="utf-8"))


def _checked(text: str) -> list[tuple[str, str]]:
    result = scan_text(text, fmt="text")
    assert not result.problems
    return [(f.compute or "", f.verdict or "") for f in result.checked]


def _params() -> list:
    out = []
    for case in CASES:
        marks = [pytest.mark.xfail(reason=case["xfail"], strict=True)] if case.get("xfail") else []
        out.append(pytest.param(case, id=case["id"], marks=marks))
    return out


@pytest.mark.parametrize("case", _params())
def test_scan_fresh(case: dict) -> None:
    got = Counter(_checked(case["text"]))
    expected = Counter((c["compute"], c["verdict"]) for c in case["checks"])
    optional = {(c["compute"], c["verdict"]) for c in case.get("optional", [])}
    extra = got - expected
    assert set(extra) <= optional and all(n == 1 for n in extra.values()), f"unexpected checks {dict(extra)}"
    assert not (expected - got), f"missing checks {dict(expected - got)}; got {dict(got)}"


def test_fixture_shape() -> None:
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids))
    assert len(CASES) >= 80
    assert all(c["kind"] in {"claim", "trap"} for c in CASES)
    assert all(c["checks"] for c in CASES if c["kind"] == "claim")
    assert not any(c["checks"] for c in CASES if c["kind"] == "trap")


def measure(cases: list[dict]) -> dict[str, tuple[int, int]]:
    """(hits, total) for: recall of expected checks; wrong claims caught as inaccurate;
    correct claims called inaccurate; traps with any check; traps with an inaccurate
    check; unexpected checks in claim cases."""
    found = caught = wrong = false_alarm = correct = 0
    expected_total = trap_checked = trap_alarm = traps = stray = 0
    for case in cases:
        got = _checked(case["text"])
        by_compute = {c: v for c, v in got}
        expected = {c["compute"]: c["verdict"] for c in case["checks"]}
        optional = {c["compute"] for c in case.get("optional", [])}
        if case["kind"] == "trap":
            traps += 1
            trap_checked += bool(got)
            trap_alarm += any(v == "inaccurate" for _, v in got)
            continue
        stray += sum(1 for c, _ in got if c not in expected and c not in optional)
        for compute, verdict in expected.items():
            expected_total += 1
            hit = compute in by_compute
            found += hit
            if verdict == "inaccurate":
                wrong += 1
                caught += hit and by_compute[compute] == "inaccurate"
            else:
                correct += 1
                false_alarm += hit and by_compute[compute] == "inaccurate"
    return {
        "recall": (found, expected_total),
        "caught": (caught, wrong),
        "false alarms on correct claims": (false_alarm, correct),
        "traps checked": (trap_checked, traps),
        "traps called inaccurate": (trap_alarm, traps),
        "stray checks in claim cases": (stray, expected_total),
    }


if __name__ == "__main__":
    for name, (n, d) in measure(CASES).items():
        print(f"{name:34} {n:4}/{d:<4} {100 * n / d if d else 0:6.1f}%")
