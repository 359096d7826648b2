"""What the figure language reads inside a figure: periods, years, rankings and levels
written with a change, pinned beside the second calc audit (tests/cases/calc_published_2.yaml,
run by tests/cli/test_calc_cases.py) whose refusals they fixed."""

from __future__ import annotations

from fractions import Fraction

import pytest

from claimcheck.expr import evaluate
from claimcheck.figures import FigureError, parse_figure
from claimcheck.verdicts import judge


# --- what the fixes read, pinned beside the table -----------------------------------------------
#
# The first run of the second audit (tests/cases/calc_published_2.yaml) refused 23 correct
# claims; the fixes read periods, years,
# rankings and levels inside a figure. These pin that they did not start reading numbers
# that are not there, nor stop refusing what the design refuses.


@pytest.mark.parametrize(("text", "value", "level_to", "level_from"), [
    # a year after these words is a period, not a level
    ("up 50% from 2019", Fraction(1, 2), None, None),
    ("up 50% on 2019", Fraction(1, 2), None, None),
    ("doubled since 2010", Fraction(2), None, None),
    # ...unless it is the only number ("rose by 2000" is a count written without a comma)
    ("rose by 2000", Fraction(2000), None, None),
    ("more than 2000", Fraction(2000), None, None),
    # a level after a change: percent levels are fractions like the change
    ("rose by 0.3 percentage points to 4.2%", Fraction(3, 1000), Fraction(42, 1000), None),
    ("fell 25% from $120 to $90", Fraction(1, 4), Fraction(90), Fraction(120)),
    ("fell 25% from 2000 to 1500", Fraction(1, 4), Fraction(1500), None),
])
def test_context_in_a_figure(text: str, value: Fraction, level_to: Fraction | None, level_from: Fraction | None) -> None:
    fig = parse_figure(text)
    assert fig.value == value and type(fig.value) is Fraction
    assert (fig.level_to.value if fig.level_to else None) == level_to
    assert (fig.level_from.value if fig.level_from else None) == level_from


@pytest.mark.parametrize(("text", "reason"), [
    ("from 31,000 to 27,000", "'from'"),  # data, not a figure (no change number before it)
    ("the highest since 1982", "'the'"),  # a ranking with no number
    ("in 2021", "'in'"),
    ("more than 18,000 deported", "'deported'"),  # a verb right after the number may be a misspelt direction
    ("tens of thousands", "'tens'"),
])
def test_still_refused(text: str, reason: str) -> None:
    with pytest.raises(FigureError, match=reason):
        parse_figure(text)


def test_rankings_are_framing() -> None:
    assert parse_figure("rose 0.5%, the biggest rise since 1992").framing == ("the biggest rise since 1992",)
    assert parse_figure("a 40-year high of 9.1%").framing == ("a 40-year high",)


def test_level_in_other_units_is_not_an_alarm() -> None:
    # the change is right and the level is the new value in thousands: noted, not downgraded
    j = judge(parse_figure("down 12% to 42,420"), evaluate("pct_change(48.21, 42.42)", {}))
    assert j.verdict == "accurate"
    assert any("read in other units" in d.text for d in j.diagnoses), j.diagnoses


def test_level_without_a_change_function_is_not_checked() -> None:
    j = judge(parse_figure("up 5% to 2,530"), evaluate("2530 / 2410 - 1", {}))
    assert j.verdict == "accurate", j.decided_by
    assert any("not checked" in d.text for d in j.diagnoses), j.diagnoses
