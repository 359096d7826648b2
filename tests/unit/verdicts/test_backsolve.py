"""Back-solved diagnoses (claimcheck.verdicts.backsolve): what would make an inaccurate claim
accurate, and never a "fix" for an accurate one."""

from __future__ import annotations

import json
import subprocess
import sys
from fractions import Fraction

from hypothesis import example, given, settings
from hypothesis import strategies as st

from claimcheck.engine import check_expression
from claimcheck.expr import evaluate
from claimcheck.figures import parse_figure
from claimcheck.verdicts import judge


SOLVED = {"swapped", "digit_slip", "solved_input"}


def _solved(diagnoses: tuple) -> list:
    return [d for d in diagnoses if d.kind in SOLVED]


def _kinds(expr: str, figure: str) -> list[tuple[str, dict[str, str]]]:
    return [(d.kind, dict(d.data)) for d in _solved(check_expression(expr, figure).diagnoses)]


def test_baltimore_names_282() -> None:
    # AP, 2009: 392 was Philadelphia's 2007 count; Baltimore's was 282 (234 is 17% less)
    res = check_expression("pct_change(392, 234)", "17 percent less than the 392 the year before")
    assert res.verdict == "inaccurate"
    assert "Back-solved: 17% less than X = 234 implies X ≈ 282 (printed 392)." in [d.text for d in res.diagnoses]
    assert _kinds("pct_change(392, 234)", "17 percent less than the 392 the year before") == [
        ("solved_input", {"input": "old", "solved": "282", "printed": "392", "claimed": "17%"})]


def test_income_swapped() -> None:
    res = check_expression("pct_change(59039, 57230)", "increased 3.2 percent, from $59,039 to $57,230")
    assert res.verdict == "inaccurate"
    assert any(d.kind == "wrong_direction" for d in res.diagnoses)
    solved = _solved(res.diagnoses)
    assert [d.text for d in solved] == ["Reversed: 57,230 → 59,039 is +3.16%; from and to may be swapped."]
    assert [dict(d.data) for d in solved] == [{"old": "57,230", "new": "59,039", "computed": "+3.16%"}]


def test_swapped_inputs_of_the_computation() -> None:
    assert [k for k, _ in _kinds("pp_change(3.8%, 3.5%)", "rose to 3.8% from 3.5%")] == ["swapped"]


def test_digit_slip() -> None:
    # two adjacent digits transposed in the computation's input, the phrase's own 1,371,000
    got = _kinds("pct_change(1245000, 1317000)", "also rose 10% to 1,371,000 from 1,245,000")
    assert [(k, d["printed"], d["corrected"], d["slip"]) for k, d in got] == [
        ("digit_slip", "1,317,000", "1,371,000", "two digits transposed")]
    # one digit one off, and only one reading fits
    assert _kinds("share(133, 199)", "three-quarters") == [
        ("digit_slip", {"input": "part", "printed": "133", "corrected": "143", "slip": "one digit one off",
                        "computed": "71.86%"})]


def test_two_slips_that_fit_explain_nothing() -> None:
    # 2,500 → 2,600 and 2,900 → 2,800 both give 12%: the solved inputs are named instead
    assert [k for k, _ in _kinds("pct_change(2500, 2900)", "up 12%")] == ["solved_input", "solved_input"]


def test_an_existing_explanation_is_enough() -> None:
    # "Wrong base" says what happened; nothing is back-solved beside it
    res = check_expression("pct_change(120, 150)", "a 20% rise")
    assert any(d.kind == "wrong_base" for d in res.diagnoses) and _solved(res.diagnoses) == []


def test_a_far_off_claim_gets_no_invented_fix() -> None:
    assert _kinds("pct_change(100, 400)", "rose 5%") == []


def test_the_json_report_carries_kind_and_data() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "claimcheck", "calc", "pct_change(59039, 57230)", "--claim",
         "increased 3.2 percent, from $59,039 to $57,230", "--format", "json"],
        capture_output=True, text=True, encoding="utf-8", timeout=60)
    out = json.loads(proc.stdout)
    assert out["solved"] == [{"kind": "swapped", "text": "Reversed: 57,230 → 59,039 is +3.16%; from and to may be swapped.",
                              "data": {"old": "57,230", "new": "59,039", "computed": "+3.16%"}}]


# --- never a fix for an accurate claim -----------------------------------------------------

_inputs = st.integers(min_value=1, max_value=2_000_000)


@settings(max_examples=150, deadline=None)
@given(_inputs, _inputs, st.integers(min_value=0, max_value=2))
def test_accurate_claims_get_no_back_solved_diagnosis(old: int, new: int, places: int) -> None:
    change = Fraction(new - old, old) * 100
    if change == 0:
        return
    shown = f"{abs(float(change)):.{places}f}"
    for figure in (f"{'rose' if change > 0 else 'fell'} {shown}%", f"{shown} percent",
                   f"from {old:,} to {new:,}, {'up' if change > 0 else 'down'} {shown}%"):
        j = judge(parse_figure(figure), evaluate(f"pct_change({old}, {new})", {}))
        if j.verdict == "accurate":
            assert _solved(j.diagnoses) == []


@settings(max_examples=150, deadline=None)
@given(_inputs, _inputs, st.integers(min_value=1, max_value=99), st.sampled_from(["rose", "fell", "up", "down"]))
def test_every_fix_offered_is_verified(old: int, new: int, pct: int, word: str) -> None:
    # whatever is suggested, the claim is inaccurate as printed
    j = judge(parse_figure(f"{word} {pct}%"), evaluate(f"pct_change({old}, {new})", {}))
    if _solved(j.diagnoses):
        assert j.verdict == "inaccurate"


_FIGURES = ["20%", "nearly 20% drop", "about 5%", "more than 18,000", "doubled", "rose 5%", "fell 0.3 points",
            "down 10%", "dipped slightly", "at least 3", "2,300 more", "less than 15%", "just over 40%", "halved"]
_FUNCS = ["pct_change", "pp_change", "diff", "ratio", "share"]


@settings(max_examples=300, deadline=None)
@example("nearly 20% drop", "pct_change", 1224, 990, "")  # −19.12%: accurate
@example("doubled", "ratio", 480, 240, "")  # 2×: accurate
@example("fell 3 points", "pp_change", 45, 42, "%")  # 45% → 42%: accurate
@given(st.sampled_from(_FIGURES), st.sampled_from(_FUNCS), st.integers(1, 5000), st.integers(1, 5000),
       st.sampled_from(["", "%"]))
def test_the_quick_refusal_never_refuses_an_accurate_reading(figure: str, func: str, a: int, b: int, pct: str) -> None:
    # The back-solver asks of each candidate reading whether it is accurate; readings whose
    # accurate band does not hold the point are refused before a sentence is written. The
    # answer must be the full verdict's, whatever the figure and the computation.
    import importlib

    judge_module = importlib.import_module("claimcheck.verdicts.judge")
    fig = parse_figure(figure)
    ev = evaluate(f"{func}({a}{pct}, {b}{pct})", {})
    full = judge(fig, ev, explain=False).verdict == "accurate"
    assert judge_module._is_accurate(fig, ev, None) == full
