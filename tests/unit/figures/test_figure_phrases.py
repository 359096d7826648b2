"""The figure as published (claimcheck.figures.phrase): every phrase form the figure
field accepts beyond the figure language, each with a computation whose verdict is
obvious, and the refusals.

Every figure the figure language reads keeps its reading (tests/test_figures.py); these
are phrases it refuses and the phrase reader reads.
"""

from __future__ import annotations

from fractions import Fraction

import pytest

from claimcheck.engine import check_expression
from claimcheck.figures import FigureError, parse_figure

F = Fraction

# (figure as published, computation, verdict)
FORMS = [
    # a leading subject and verb
    ("the workforce grew by 18,000 people", "diff(100000, 118000)", "accurate"),
    ("sales were up 8 per cent", "pct_change(100, 108)", "accurate"),
    ("Philadelphia’s 332 killings were a 15 percent drop from the 392 in 2007", "pct_change(392, 332)", "accurate"),
    ("Total homicides dropped 32 percent, from 105 in 2007 to 71 last year", "pct_change(105, 71)", "accurate"),
    # connectors
    ("or 40 percent", "pct_change(100, 140)", "accurate"),
    ("(23%)", "pct_change(100, 123)", "accurate"),
    ("which was 31 percent", "share(31, 100)", "accurate"),
    ("but 20%", "pct_change(100, 120)", "accurate"),
    (", down 3.4 percent", "pct_change(406, 392)", "accurate"),
    # nominal forms
    ("a change of 4.5 per cent", "pct_change(200, 209)", "accurate"),
    ("a rise of 7 per cent", "pct_change(100, 107)", "accurate"),
    ("a two-year increase of 6 percent", "pct_change(50, 53)", "accurate"),
    # comparatives
    ("8.1 percent below", "pct_change(1111, 1021)", "accurate"),
    ("8.1 percent below", "pct_change(1021, 1111)", "inaccurate"),
    ("12 percent higher than the 480 a year earlier", "pct_change(480, 537.6)", "accurate"),
    ("17 percent less than the 392 the year before", "pct_change(392, 234)", "inaccurate"),
    # endpoints
    ("a 9 percent rise from the 1,210 in 2019", "pct_change(1210, 1319)", "accurate"),
    ("fell nearly a third, from 300 in 2020 to 205 last year", "pct_change(300, 205)", "accurate"),
    ("climbed to 6.1% from 5.4% in March", "pp_change(5.4%, 6.1%)", "accurate"),
    ("fell to a record low of 4.2 percent, down from 4.6 percent", "pp_change(4.6%, 4.2%)", "accurate"),
    ("rose 2.1 percent, from $41,200 to $42,065", "pct_change(41200, 42065)", "accurate"),
    ("to 12.4 million", "diff(11.9e6, 12.4e6)", "accurate"),
    ("to 12.4 million", "11.9e6 + 0.5e6", "accurate"),
    ("to 12.4 million", "diff(11.9e6, 13.4e6)", "inaccurate"),
    ("rose to 1,500", "diff(1200, 1500)", "accurate"),
    # two quantities joined by "or"
    ("a rise of 7 per cent or 2,300 more homes", "pct_change(32857, 35157)", "accurate"),
    # framing
    ("only 32 percent of his statements", "share(32, 100)", "accurate"),
    ("just 20% more", "pct_change(100, 120)", "accurate"),
]


@pytest.mark.parametrize(("figure", "expr", "verdict"), FORMS, ids=[f[0][:40] for f in FORMS])
def test_every_form_is_read(figure: str, expr: str, verdict: str) -> None:
    res = check_expression(expr, figure)
    assert res.verdict == verdict, (res.decided_by, res.diagnoses)


def test_what_the_phrase_says() -> None:
    fig = parse_figure("Philadelphia’s 332 killings were a 15 percent drop from the 392 in 2007")
    assert (fig.value, fig.direction, fig.unit) == (F(15, 100), "down", "percent")
    assert fig.level_from is not None and fig.level_from.value == 392
    assert fig.level_to is not None and (fig.level_to.value, fig.level_to.role) == (332, "new")
    fig = parse_figure("17 percent less than the 392 the year before")
    assert (fig.value, fig.direction) == (F(17, 100), "down")
    assert fig.level_from is not None and (fig.level_from.value, fig.level_from.role) == (392, "base")
    fig = parse_figure("climbed to 6.1% from 5.4% in March")
    assert (fig.value, fig.direction) == (None, "up")
    assert fig.level_to is not None and fig.level_to.value == F(61, 1000) and fig.level_to.percent
    fig = parse_figure("secured 133 of 199 seats in Parliament, the minimum needed for a two-thirds majority")
    assert (fig.value, fig.unit) == (F(2, 3), "share")
    assert [(lv.role, lv.value) for lv in fig.named] == [("part", 133), ("whole", 199)]
    fig = parse_figure("a rise of 7 per cent or 2,300 more homes")
    assert fig.value == F(7, 100) and fig.also is not None
    assert (fig.also.value, fig.also.unit, fig.also.text) == (2300, "count", "2,300 more homes")
    assert parse_figure("A record low of 17.7 percent of applicants have been accepted").framing == ("a record low",)
    assert parse_figure("Brown admitted only 13.8% of applicants, down from the 14.6%").framing == ("only",)


def test_the_figure_language_reads_as_before() -> None:
    # the phrase reader is tried only when the figure language refuses
    assert parse_figure("fell 25% from $120 to $90").level_from.role == ""  # type: ignore[union-attr]
    assert parse_figure("nearly 20% drop") == parse_figure("nearly 20% drop")


def test_the_second_quantity_is_judged_against_the_same_inputs() -> None:
    res = check_expression("pct_change(32857, 35157)", "a rise of 7 per cent or 2,300 more homes")
    assert [a.verdict for a in res.also] == ["accurate"]
    assert "2,300" in (res.also[0].decided_by or "")
    res = check_expression("pct_change(32857, 35157)", "a rise of 7 per cent or 2,600 more homes")
    assert res.verdict == "accurate" and res.also[0].verdict == "inaccurate"
    assert not res.passed and "2,600 more homes" in (res.failure or "")


def test_a_named_base_that_differs_is_its_own_diagnosis() -> None:
    res = check_expression("pct_change(392, 344)", "a 13 percent drop from the 396 in 2007")
    assert any("names 396 as the old value; compute uses 392" in d.text for d in res.diagnoses), res.diagnoses
    res = check_expression("pct_change(282, 234)", "17 percent less than the 392 the year before")
    assert res.verdict == "inaccurate"
    assert "The claim names 392 as its base; compute uses 282." in [d.text for d in res.diagnoses]
    assert [d.kind for d in res.diagnoses if d.kind.startswith("named")] == ["named_wrong"]


def test_a_direction_only_claim_is_judged_on_direction_and_endpoints() -> None:
    assert check_expression("pp_change(3.5%, 3.8%)", "rose to 3.8% from 3.5%").verdict == "accurate"
    wrong_way = check_expression("pp_change(3.8%, 3.5%)", "rose to 3.8% from 3.5%")
    assert wrong_way.verdict == "inaccurate"
    assert any(d.kind == "wrong_direction" for d in wrong_way.diagnoses)
    other_end = check_expression("pp_change(3.5%, 4.5%)", "rose to 3.8% from 3.5%")
    assert other_end.verdict == "inaccurate"
    assert any("names 3.8% as the new value; compute uses 4.5%" in d.text for d in other_end.diagnoses)


# (figure, a fragment of the reason)
REFUSED = [
    ("from 31,000 to 27,000", "only the endpoints"),
    ("rose 5% and 7%", "two numbers, '5%' and '7%'"),
    ("sales did not rise 5%", "'not'"),
    ("20% higher than", "'than' names no base"),
    ("the lowest in 50 years", "names no quantity"),
    ("a record", "carries no number"),
    ("The number of crimes is a concern", "names no quantity"),
]


@pytest.mark.parametrize(("figure", "reason"), REFUSED, ids=[r[0][:30] for r in REFUSED])
def test_refused_with_the_quote_and_what_to_cut(figure: str, reason: str) -> None:
    with pytest.raises(FigureError) as err:
        parse_figure(figure)
    assert str(err.value).startswith(f"cannot read figure '{figure}': ")
    assert reason in str(err.value)
