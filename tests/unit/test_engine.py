"""claimcheck.engine: a loaded claim file → one result per claim and check, and the one
judge of a computation that calc, claim files and scan share. Every expected value is
worked out by hand in the comment beside it."""

from __future__ import annotations

from fractions import Fraction

import pytest

from claimcheck.claimfile import load_text
from claimcheck.engine import Policy, check_expression, check_loaded, judge_expression
from claimcheck.expr import EvalError, parse_expr
from claimcheck.figures import parse_figure

FILE = """\
title: Shelters
sources:
  city: {publisher: City of Springfield}
figures:
  march: {value: 120, unit: admissions, period: 2025-03, source: city}
  april: {value: 150, unit: admissions, period: 2025-04, source: city}
  may: {value: 0, unit: admissions, period: 2025-05, source: city}
claims:
  - id: rose-25
    speaker: Council
    statement: Admissions rose 25% in April
    figure: rose 25%
    compute: pct_change(march, april)
  - id: rose-20
    speaker: Mayor
    statement: Admissions rose 20% in April
    figure: rose 20%
    compute: pct_change(march, april)
  - id: about-24
    speaker: Council
    statement: up about 24%
    figure: up about 24%
    compute: pct_change(march, april)
  - id: fact-checked
    speaker: Mayor
    statement: Admissions rose 20% in April
    figure: rose 20%
    compute: pct_change(march, april)
    verdict: inaccurate
  - id: from-zero
    speaker: Council
    statement: Admissions grew 10% from May
    figure: grew 10%
    compute: pct_change(may, april)
  - id: no-compute
    speaker: Council
    statement: Most shelters were full
    figure: about 71%
"""


def _results(policy: Policy = Policy()) -> dict:
    loaded = load_text("shelters.yaml", FILE)
    assert loaded.problems == ()
    return {c.id: c for c in check_loaded(loaded, policy).claims}


def test_each_claim_is_judged_on_the_files_figures() -> None:
    r = _results()
    # (150 − 120) ÷ 120 = +25.00%: "rose 25%" accurate; "rose 20%" inaccurate (20% is the
    # change over the new value, 30 ÷ 150); "about 24%" accepts 24 ± max(0.5, 1.2) →
    # 22.8–25.2%: accurate
    assert (r["rose-25"].verdict, r["rose-25"].passed) == ("accurate", True)
    assert (r["rose-20"].verdict, r["rose-20"].passed) == ("inaccurate", False)
    assert r["about-24"].verdict == "accurate"
    # the published rating "inaccurate" is reproduced: the fact-check passes
    assert (r["fact-checked"].verdict, r["fact-checked"].passed) == ("inaccurate", True)
    # from a baseline of 0 there is no percent change: a verdict, not an input error
    assert r["from-zero"].verdict == "unverifiable"
    assert r["no-compute"].verdict == "unverifiable" and r["no-compute"].passed


def test_strict_fails_what_is_not_accurate_and_only_picks_claims() -> None:
    r = _results(Policy(strict=True))
    assert not r["no-compute"].passed
    assert r["rose-25"].passed
    picked = _results(Policy(only=frozenset({"rose-20"})))
    assert list(picked) == ["rose-20"]


def test_judge_expression_is_what_calc_and_scan_use() -> None:
    claimed = parse_figure("down 10%")
    done = judge_expression(claimed, parse_expr("pct_change(31000, 27000)"))
    # (27,000 − 31,000) ÷ 31,000 = −12.903…%: 10% only at the edge of the inputs' rounding
    assert done.cannot is None and done.evaluation is not None and done.judgement is not None
    assert done.evaluation.value.point == Fraction(-4000, 31000)
    assert done.judgement.verdict == "approximate"
    # from 0 there is no percent change: no evaluation, and the reason why
    zero = judge_expression(claimed, parse_expr("pct_change(0, 27000)"))
    assert zero.evaluation is None and zero.judgement is None and "0" in (zero.cannot or "")
    # calc's result carries the same verdict
    assert check_expression("pct_change(31000, 27000)", "down 10%").verdict == "approximate"


def test_calc_takes_numbers_only() -> None:
    with pytest.raises(EvalError, match="calc takes numbers only"):
        check_expression("pct_change(june, july)", "down 10%")


# --- percents print as percents (issue 16) ---------------------------------------------------

PERCENTS = """\
title: Percents
sources:
  poll: {publisher: Pollster}
figures:
  rate_a: {value: 91%, source: poll}
  rate_b: {value: 90.9%, source: poll}
  said_yes: {value: 10, source: poll}
  asked: {value: 11, source: poll}
claims:
  - id: share
    speaker: Pollster
    statement: 90.9% said yes
    figure: 90.9%
    compute: said_yes / asked
checks:
  - id: rates-agree
    statement: The two rates agree
    left: rate_a
    right: rate_b
    within: 1%
"""


def test_a_quotient_claimed_as_a_percent_shows_as_a_percent() -> None:
    (share, _) = check_loaded(load_text("p.yaml", PERCENTS)).claims
    # 10 ÷ 11 = 0.90909…: read as the 90.9% claimed, it is 90.91%, not 0.9091
    assert share.value == "90.91%"
    assert share.verdict == "accurate"  # 90.909% rounds to 90.9%


def test_a_check_of_two_rates_compares_them_as_rates() -> None:
    (_, check) = check_loaded(load_text("p.yaml", PERCENTS)).claims
    # 91% against 90.9% within 1%: 1% of 90.9% is 0.909 points, so 89.991%–91.809% is
    # accurate and 91% is inside (was "measure different things": the right side was read
    # as a count)
    assert check.verdict == "accurate"
    assert check.value == "91.00%"  # a level, no sign
    assert [d.text for d in check.diagnoses] == [
        # 91 − 90.9 = 0.1 points; 0.1 ÷ 90.9 = 0.110%
        "91.00% against 90.90%: they differ by 0.10 points (0.11% of 90.90%), so the sources agree within 1%."
    ]
    # the rule's words give the defaults; the band is the file's: it says so
    assert "accepts 89.991%–91.809%" in check.rule
    assert "this file sets accurate to 1% of X, approximate to 2% of X" in check.rule
