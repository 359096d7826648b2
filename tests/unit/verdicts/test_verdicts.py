"""The verdict table: both sides of every band edge of every hedge row, each diagnosis,
tolerance overrides and the recorded-verdict comparison.

Every expected verdict is worked out by hand from the decision rules (README, "How it
decides") and ``hedges.RULES``; the arithmetic is in the comment beside the case.
Computed values are chosen so that the inputs are exact (whole numbers without three
trailing zeros), or built as exact evaluations, so the band edge itself is what is
tested, not the inputs' rounding.
"""

from __future__ import annotations

from fractions import Fraction as F

import pytest

from claimcheck.expr import Evaluation, Operand, evaluate
from claimcheck.figures import ClaimedFigure, parse_figure
from claimcheck.numbers import Value, parse_number
from claimcheck.verdicts import KIND_NAMES, KINDS, Judgement, compare_recorded, hedges, judge


def exact(kind: str, value: F, func: str | None = None, args: tuple[F, ...] = ()) -> Evaluation:
    """An exact evaluation, for a band edge that no small whole-number inputs reach."""
    return Evaluation(Value.exact(value), kind, f"= {value}", func, tuple(Value.exact(a) for a in args))  # type: ignore[arg-type]


def operand(name: str, text: str, unit: str | None = None, period: str | None = None, days: int | None = None) -> Operand:
    w = parse_number(text)
    return Operand(name, w.as_value(), w, unit, period, days)


def run(figure: str | ClaimedFigure, ev: str | Evaluation, env: dict[str, Operand] | None = None,
        tolerance: dict[str, F] | None = None) -> Judgement:
    fig = parse_figure(figure) if isinstance(figure, str) else figure
    e = evaluate(ev, env or {}) if isinstance(ev, str) else ev
    return judge(fig, e, tolerance=tolerance)


def texts(j: Judgement) -> tuple[str, ...]:
    return tuple(d.text for d in j.diagnoses)


# (figure, computation, verdict, fragment expected in the diagnoses or None)
CASES: list[tuple[str, str | Evaluation, str, str | None]] = [
    # --- the cases that pin the table ----------------------------------------------------
    # (990 − 1224) ÷ 1224 = −234/1224 = −19.12%; nearly 20%: 0.9 × 20 = 18 ≤ 19.12 ≤ 20.5
    ("nearly 20% drop", "pct_change(1224, 990)", "accurate", None),
    # 27000/31000 − 1 = −12.90% (outside 9.5–10.5 and 9–11); the rounding interval reaches
    # 27,500/30,500 − 1 = −9.84%, inside 9.5–10.5 → approximate by overlap
    ("down 10%", "pct_change(31000, 27000)", "approximate", "10% is reachable only at the edge of the inputs' rounding (30,500 → 27,500"),
    # 150/120 − 1 = +25% (outside 19–21); (150 − 120)/150 = 20% → wrong base
    ("a 20% rise", "pct_change(120, 150)", "inaccurate", "20% is the change divided by the new value, 150"),
    # 56945/57861 − 1 = −916/57861 = −1.58%; slightly: 0 < 1.58 ≤ 5
    ("dipped slightly", "pct_change(57861, 56945)", "accurate", None),
    # 25%/20% − 1 = +25% relative; 25 − 20 = 5 points; "5%" is 4.5–5.5 → matches the points.
    # The interval (20% is 19.5–20.5, 25% is 24.5–25.5): 24.5/20.5 − 1 = 19.5% at least.
    ("rose 5%", "pct_change(20%, 25%)", "inaccurate", "matches the change in percentage points"),
    # 470/240 = 1.958; doubled: 1.9 ≤ 1.958 ≤ 2.1
    ("doubled", "ratio(470, 240)", "accurate", None),
    # --- exact ("bare X"): "20%" accurate 19.5–20.5, approximate 19–21 ---------------------
    ("up 20%", "pct_change(200, 241)", "accurate", None),  # 41/200 = 20.5% (edge, inside)
    ("up 20%", "pct_change(200, 239)", "accurate", None),  # 39/200 = 19.5% (edge, inside)
    ("up 20%", "pct_change(800, 965)", "approximate", "understates"),  # 165/800 = 20.625%
    ("up 20%", "pct_change(800, 955)", "approximate", "overstates"),  # 155/800 = 19.375%
    ("up 20%", "pct_change(100, 121)", "approximate", None),  # 21% (approximate edge, inside)
    ("up 20%", "pct_change(100, 119)", "approximate", None),  # 19% (approximate edge, inside)
    ("up 20%", "pct_change(400, 485)", "inaccurate", "rounds to 21%"),  # 85/400 = 21.25%
    ("up 20%", "pct_change(400, 475)", "inaccurate", "rounds to 19%"),  # 75/400 = 18.75%
    # "19.1%": u = 0.1 → accurate 19.05–19.15; 234/1224 = 19.1176%
    ("down 19.1%", "pct_change(1224, 990)", "accurate", None),
    # "19.2%": accurate 19.15–19.25, approximate 19.1–19.3 → 19.1176 approximate
    ("down 19.2%", "pct_change(1224, 990)", "approximate", "overstates"),
    # "18%": approximate 17–19 → 19.1176 inaccurate
    ("down 18%", "pct_change(1224, 990)", "inaccurate", "understates the percent change: 19.12% rounds to 19%"),
    # "20%" for 19.1% (exact): approximate 19–21, and it overstates
    ("20%", exact("share", F(191, 1000)), "approximate", '"20%" overstates the computed share: 19.10% rounds to 19%'),
    # --- nearly: accurate 0.9X ≤ V ≤ X + u/2, approximate 0.85X ≤ V ≤ 1.05X ---------------
    ("nearly 20% rise", "pct_change(100, 118)", "accurate", None),  # 18% = 0.9 × 20 (edge)
    ("nearly 20% rise", "pct_change(800, 943)", "approximate", "overstates"),  # 143/800 = 17.875%
    ("nearly 20% rise", "pct_change(100, 117)", "approximate", None),  # 17% = 0.85 × 20 (edge)
    ("nearly 20% rise", "pct_change(800, 935)", "inaccurate", None),  # 135/800 = 16.875%
    ("nearly 20% rise", "pct_change(200, 241)", "accurate", None),  # 20.5% = X + u/2 (edge)
    ("nearly 20% rise", "pct_change(800, 965)", "approximate", "understates"),  # 20.625%
    ("nearly 20% rise", "pct_change(100, 121)", "approximate", None),  # 21% = 1.05 × 20 (edge)
    ("nearly 20% rise", "pct_change(800, 969)", "inaccurate", None),  # 169/800 = 21.125%
    # --- about: accurate ±max(u/2, 5% of X), approximate ±max(u, 10% of X) ---------------
    # "about 20%": ±max(0.5, 1) = 19–21; approximate ±max(1, 2) = 18–22
    ("about 20%", exact("share", F(21, 100)), "accurate", None),  # edge
    ("about 20%", exact("share", F(19, 100)), "accurate", None),  # edge
    ("about 20%", exact("share", F(169, 800)), "approximate", None),  # 21.125%
    ("about 20%", exact("share", F(151, 800)), "approximate", None),  # 18.875%
    ("about 20%", exact("share", F(22, 100)), "approximate", None),  # edge
    ("about 20%", exact("share", F(18, 100)), "approximate", None),  # edge
    ("about 20%", exact("share", F(177, 800)), "inaccurate", None),  # 22.125%
    ("about 20%", exact("share", F(143, 800)), "inaccurate", None),  # 17.875%
    # "about 5%": ±max(0.5, 0.25) = 4.5–5.5 (never narrower than "5%"); approximate 4–6
    ("about 5%", exact("share", F(55, 1000)), "accurate", None),
    ("about 5%", exact("share", F(23, 400)), "approximate", None),  # 5.75%
    ("about 5%", exact("share", F(25, 400)), "inaccurate", None),  # 6.25%
    # one in three (about, u = 1 point): 31.67–35.00%, approximate 30.00–36.67%
    ("one in three", "share(1, 3)", "accurate", None),
    ("one in three", exact("share", F(36, 100)), "approximate", None),
    ("one in three", exact("share", F(37, 100)), "inaccurate", None),
    # --- just over: accurate X ≤ V ≤ 1.05X, approximate 0.98X ≤ V ≤ 1.10X ----------------
    ("just over 20%", exact("share", F(20, 100)), "accurate", None),  # edge
    ("just over 20%", exact("share", F(159, 800)), "approximate", "overstates"),  # 19.875%
    ("just over 20%", exact("share", F(98, 500)), "approximate", None),  # 19.6% = 0.98X (edge)
    ("just over 20%", exact("share", F(39, 200)), "inaccurate", None),  # 19.5%
    ("just over 20%", exact("share", F(21, 100)), "accurate", None),  # 21% = 1.05X (edge)
    ("just over 20%", exact("share", F(169, 800)), "approximate", None),  # 21.125%
    ("just over 20%", exact("share", F(22, 100)), "approximate", None),  # 22% = 1.10X (edge)
    ("just over 20%", exact("share", F(177, 800)), "inaccurate", None),  # 22.125%
    # --- more than: accurate V > X, approximate V ≥ 0.98X (17,640) -------------------------
    ("more than 18,000", "sum(17999, 2)", "accurate", None),  # 18,001
    ("more than 18,000", "sum(17999, 1)", "approximate", None),  # 18,000 is not more than 18,000
    ("more than 18,000", "sum(17640)", "approximate", "overstates"),  # 0.98 × 18,000 (edge)
    ("more than 18,000", "sum(17639)", "inaccurate", "below the 18,000"),
    # understated beyond 25% above: 1.25 × 18,000 = 22,500 is not beyond; 22,501 is
    ("more than 18,000", "sum(22499, 1)", "accurate", None),
    ("more than 18,000", "sum(22499, 2)", "accurate", "true but understated"),
    # --- at least: accurate V ≥ X, approximate V ≥ 0.98X -------------------------------------
    ("at least 18,000", "sum(17999, 1)", "accurate", None),  # 18,000 (edge)
    ("at least 18,000", "sum(17999)", "approximate", None),
    ("at least 18,000", "sum(17640)", "approximate", None),
    ("at least 18,000", "sum(17639)", "inaccurate", None),
    # --- as many as (the top of an estimate): accurate 0.9X ≤ V ≤ X + u/2, approximate
    # 0.85X ≤ V ≤ 1.10X. "3,250" has u = 10: 2,925 ≤ V ≤ 3,255; approximate 2,762.5–3,575
    ("as many as 3,250", "sum(2925)", "accurate", None),  # 0.9 × 3,250 (edge)
    ("as many as 3,250", "sum(2924)", "approximate", None),
    ("as many as 3,250", "sum(3255)", "accurate", None),  # X + u/2 (edge)
    ("as many as 3,250", "sum(3256)", "approximate", None),
    ("as many as 3,250", "sum(3575)", "approximate", None),  # 1.10X (edge)
    ("as many as 3,250", "sum(3576)", "inaccurate", None),
    ("as many as 3,250", "sum(2762)", "inaccurate", None),  # below 0.85X = 2,762.5
    # --- less than: accurate V < X, approximate V ≤ 1.02X (5.1%) ------------------------------
    ("less than 5%", exact("share", F(499, 10000)), "accurate", None),
    ("less than 5%", exact("share", F(5, 100)), "approximate", None),  # 5% is not less than 5%
    ("less than 5%", exact("share", F(51, 1000)), "approximate", "understates"),  # 1.02X (edge)
    ("less than 5%", exact("share", F(511, 10000)), "inaccurate", None),
    # --- at most: accurate V ≤ X, approximate V ≤ 1.02X ---------------------------------------
    ("at most 5%", exact("share", F(5, 100)), "accurate", None),  # edge
    ("at most 5%", exact("share", F(501, 10000)), "approximate", None),
    ("at most 5%", exact("share", F(51, 1000)), "approximate", None),  # edge
    ("at most 5%", exact("share", F(511, 10000)), "inaccurate", None),
    # --- slightly: accurate 0 < |change| ≤ 5%, approximate ≤ 10% -----------------------------
    ("dipped slightly", "pct_change(100, 95)", "accurate", None),  # −5% (edge)
    ("dipped slightly", "pct_change(800, 759)", "approximate", "understates the change"),  # −41/800 = −5.125%
    ("dipped slightly", "pct_change(100, 90)", "approximate", None),  # −10% (edge)
    ("dipped slightly", "pct_change(800, 719)", "inaccurate", "more than the 5%"),  # −81/800 = −10.125%
    ("dipped slightly", "pct_change(100, 100)", "inaccurate", "no change at all"),
    ("dipped slightly", "pct_change(100, 102)", "inaccurate", "Wrong direction"),
    # --- sharply: accurate |change| ≥ 10%, approximate ≥ 5% ----------------------------------
    # (was 20% / 15%: "the Dow plunged" for −12.93% on March 16 2020 and "home sales tumbled"
    # for −17.81% in 2022 were false alarms; tests/cases/calc_published.yaml)
    ("plunged", "pct_change(100, 90)", "accurate", None),  # −10% (edge)
    ("plunged", "pct_change(800, 721)", "approximate", "overstates the change"),  # −79/800 = −9.875%
    ("plunged", "pct_change(100, 95)", "approximate", None),  # −5% (edge)
    ("plunged", "pct_change(800, 761)", "inaccurate", "less than the 10%"),  # −39/800 = −4.875%
    ("plunged", "pct_change(23185.62, 20188.52)", "accurate", None),  # the Dow, March 16 2020: −12.93%
    ("soared", "pct_change(100, 125)", "accurate", None),
    ("soared", "pct_change(100, 75)", "inaccurate", "Wrong direction"),
    # --- multiples: accurate within 5% of N, approximate within 10% -------------------------
    ("doubled", "ratio(210, 100)", "accurate", None),  # 2.1 (edge)
    ("doubled", "ratio(190, 100)", "accurate", None),  # 1.9 (edge)
    ("doubled", "ratio(377, 200)", "approximate", "overstates"),  # 1.885
    ("doubled", "ratio(18, 10)", "approximate", None),  # 1.8 (edge)
    ("doubled", "ratio(179, 100)", "inaccurate", None),
    ("doubled", "ratio(22, 10)", "approximate", None),  # 2.2 (edge)
    ("doubled", "ratio(221, 100)", "inaccurate", None),
    ("doubled", "pct_change(240, 470)", "accurate", None),  # ratio = 1 + 95.83% = 1.958
    ("doubled", "pct_change(200, 100)", "inaccurate", "it shrank"),  # ratio 1 − 50% = 0.5: halved, not doubled
    # ratio(100, 200) = 0.5 could be the same fall or ratio(old, new) written upside down;
    # 200 ÷ 100 = 2 fits, so the computation is suspect: held at approximate, not a false alarm
    ("doubled", "ratio(100, 200)", "approximate", "Upside-down ratio"),
    ("halved", "ratio(19, 40)", "accurate", None),  # 0.475 = 0.95 × 0.5 (edge)
    ("halved", "ratio(9, 20)", "approximate", None),  # 0.45 = 0.9 × 0.5 (edge)
    ("halved", "ratio(11, 25)", "inaccurate", None),  # 0.44
    ("tripled", "pct_change(100, 300)", "accurate", None),
    ("three times", "diff(100, 300)", "accurate", None),  # the ratio from diff's arguments: 300 ÷ 100 = 3
    ("three times", "sum(300)", "unverifiable", "cannot be compared"),  # a lone count is no ratio
    # "nearly doubled": the bare band is doubled's ±5%, not u = 1: 1.8–2.1, approximate 1.7–2.2
    ("nearly doubled", "ratio(18, 10)", "accurate", None),
    ("nearly doubled", "ratio(17, 10)", "approximate", None),
    ("nearly doubled", "ratio(169, 100)", "inaccurate", None),
    ("nearly doubled", "ratio(150, 100)", "inaccurate", None),
    # --- percent changes against ratios, levels against changes ----------------------------
    ("down 20%", "ratio(80, 100)", "accurate", None),  # change = 0.8 − 1 = −20%
    ("25%", "pct_change(120, 150)", "accurate", None),  # a bare percent compared by magnitude
    ("about 71%", "share(71, 100)", "accurate", None),
    ("about 71%", "share(2, 3)", "approximate", None),  # 66.67%: outside 67.45–74.55, inside 63.9–78.1
    ("about 71%", "share(3, 5)", "inaccurate", None),
    # --- points ----------------------------------------------------------------------------
    ("up 5 percentage points", "pp_change(20%, 25%)", "accurate", None),
    ("up 5 points", "pct_change(20%, 25%)", "accurate", None),  # the points from the arguments
    ("up 25 points", "pp_change(20%, 25%)", "inaccurate", "matches the percent change (+25.00%)"),
    # 4.1 − 3.5 = 0.6, read as percentages written without %
    ("up 0.6 points", "pp_change(3.5, 4.1)", "accurate", None),
    ("up 5 points", "pct_change(120, 150)", "unverifiable", "not percents or shares"),
    # --- counts and rates --------------------------------------------------------------------
    ("rose 84 per day", "diff(906, 990)", "accurate", None),
    ("fell by 84 a day", "diff(906, 990)", "inaccurate", "Wrong direction"),
    ("down 234 a day", "pct_change(1224, 990)", "accurate", None),  # 990 − 1224 from the arguments
    ("more than 18,000", "ratio(470, 240)", "unverifiable", "is a count, but the computation gives a ratio"),
    ("down 10%", "sum(990)", "unverifiable", "cannot be compared"),
    ("doubled", "share(1, 2)", "unverifiable", "cannot be compared"),
    # --- wrong direction ------------------------------------------------------------------------
    ("up 10%", "pct_change(31000, 27000)", "inaccurate", 'Wrong direction: the claim "up 10%" says a rise, but the figure fell from 31,000 to 27,000'),
    # --- scale: a percent against a value multiplied by 100 --------------------------------------
    # (990 − 1224) ÷ 1224 × 100 = −19.12, which is 100 × −0.1912; on the claim's scale accurate,
    # held at approximate (the computation is wrong, not the claim)
    ("nearly 20% drop", "(990 - 1224) / 1224 * 100", "approximate", "is 100 times the claim's 20%"),
    # 125/100 − 1 = 25%; "0.25%" is a hundredth of it
    ("up 0.25%", "pct_change(100, 125)", "inaccurate", "the computed +25.00% is 100 times the claim's 0.25%"),
    # 0.25/100 = 0.0025 against "up 25%" (free arithmetic divided by 100 once too often)
    ("up 25%", "(125 - 100) / 100 / 100", "approximate", "one hundredth of the claim's 25%"),
    # 100 × 100 = 25% claimed against a computed +0.25%: 1.0025 − 1
    ("up 25%", "pct_change(400, 401)", "inaccurate", "the claim's 25% is 100 times the computed +0.2500%"),
    # --- percent vs points with inputs written without % -----------------------------------------
    ("rose 5%", "pct_change(20, 25)", "inaccurate", "if the inputs are percentages"),
]


@pytest.mark.parametrize("figure, computation, verdict, fragment", CASES,
                         ids=[f"{i}-{c[0]}" for i, c in enumerate(CASES)])
def test_verdict_table(figure: str, computation: str | Evaluation, verdict: str, fragment: str | None) -> None:
    j = run(figure, computation)
    assert j.verdict == verdict, (j.decided_by, j.diagnoses)
    if fragment is not None:
        assert any(fragment in d.text for d in j.diagnoses), j.diagnoses
    assert j.decided_by.endswith(".")


def test_every_diagnosis_has_a_listed_kind_and_text_data() -> None:
    names = [k for k, _ in KINDS]
    assert len(names) == len(set(names)) and set(names) == KIND_NAMES
    seen: set[str] = set()
    for figure, computation, _, _ in CASES:
        for d in run(figure, computation).diagnoses:
            assert d.kind in KIND_NAMES, d
            assert d.text and all(type(k) is str and type(v) is str and "\u2212" not in v for k, v in d.data.items()), d
            seen.add(d.kind)
    assert {"wrong_direction", "percent_vs_points", "wrong_base", "hundredfold", "rounding_edge", "overstates",
            "understates", "not_comparable"} <= seen, seen


def test_table_is_large_enough() -> None:
    assert len(CASES) >= 80


def test_every_hedge_row_is_covered() -> None:
    rules = {parse_figure(f).qualifier if parse_figure(f).unit != "multiple" or parse_figure(f).qualifier != "exact"
             else "multiple" for f, *_ in CASES}
    assert {r.name for r in hedges.RULES} <= rules


# --- the pinned cases in full --------------------------------------------------------------------


def test_nearly_20_rule_text_names_the_band() -> None:
    j = run("nearly 20% drop", "pct_change(1224, 990)")
    assert j.rule.startswith('"nearly 20% drop" accepts 18.00%–20.50% (nearly: 0.9X ≤ V ≤ X + u/2)')
    assert "approximate 17.00%–21.00%" in j.rule and "band edges count as inside" in j.rule
    assert j.rule_name == "nearly"
    assert j.value_text == "−19.12%" and j.interval_text is None
    assert "holds the percent change, 19.12%" in j.decided_by
    assert j.diagnoses == () and j.settle is None
    assert isinstance(j.compared, F) and j.compared == F(234, 1224)


def test_down_10_rests_on_rounding_and_says_what_settles_it() -> None:
    j = run("down 10%", "pct_change(31000, 27000)")
    assert j.value_text == "−12.90%"
    assert j.interval_text == "−15.87% to −9.84%"
    assert "overlaps the interval the inputs' rounding allows, 9.84% to 15.87%" in j.decided_by
    assert [d.kind for d in j.diagnoses] == ["rounding_edge"]
    assert texts(j) == (
        "10% is reachable only at the edge of the inputs' rounding (30,500 → 27,500 gives −9.84%); "
        "as written, 31,000 → 27,000 gives −12.90%.",
    )
    assert j.settle is not None and "31,000" in j.settle and "30,500 to 31,500" in j.settle


def test_a_claim_inside_wide_rounding_is_not_said_to_sit_at_its_edge() -> None:
    # "2 million TEU …, an increase of 16.7 per cent over the 1.7 million": 2/1.7 − 1 =
    # +17.65% misses 16.65–16.75, but "2 million" stands for 1.5–2.5 million and "1.7
    # million" for 1.65–1.75 million, so the value could be anything from 1.5/1.75 − 1 =
    # −14.286% to 2.5/1.65 − 1 = +51.515%: 16.7% lies well inside, not at an edge (the
    # pair 1,750,000 → 1,500,000 overshoots it by 31 points)
    j = run("an increase of 16.7%", "pct_change(1.7e6, 2e6)")
    assert j.verdict == "approximate"
    assert [d.kind for d in j.diagnoses] == ["rounding_edge"]
    assert texts(j) == (
        "16.7% is reachable within the inputs' rounding, which allows anything from −14.286% "
        "(1,750,000 → 1,500,000) to +51.515% (1,650,000 → 2,500,000); as written, "
        "1,700,000 → 2,000,000 gives +17.647%.",
    )


def test_rounding_edges_and_figures_keep_their_decimals() -> None:
    # "a 20 per cent increase …, which will go up from £2.73 to £3.30 an hour": 3.30/2.73 − 1
    # = +20.88% misses 19.5–20.5; 2.73 stands for 2.725–2.735 and 3.30 for 3.295–3.305, so
    # the claim is reached at 3.295/2.735 − 1 = +20.48%, an edge written with the third
    # decimal it needs (not "2.74 → 3.3"), and 3.30 is shown as written (not "3.3")
    j = run("a 20% increase", "pct_change(2.73, 3.30)")
    assert j.verdict == "approximate"
    assert texts(j) == (
        "20% is reachable only at the edge of the inputs' rounding (2.735 → 3.295 gives +20.48%); "
        "as written, 2.73 → 3.30 gives +20.88%.",
    )


def test_wrong_base_sentence() -> None:
    j = run("a 20% rise", "pct_change(120, 150)")
    assert [d.kind for d in j.diagnoses] == ["wrong_base", "understates"]
    assert j.diagnoses[0].data == {"claimed": "20%", "computed": "25.00%", "on_new_base": "20.00%", "old": "120", "new": "150"}
    assert j.diagnoses[0].text == (
        "Wrong base: 20% is the change divided by the new value, 150: (150 − 120) ÷ 150 = +20.00%; "
        "a change is measured from the old value, (150 − 120) ÷ 120 = +25.00%."
    )
    # and the rounded figure understates
    assert '"a 20% rise" understates the percent change: 25.00% rounds to 25% at the precision written, not 20%.' in texts(j)


def test_percent_vs_points_sentence() -> None:
    j = run("rose 5%", "pct_change(20%, 25%)")
    assert j.diagnoses[0].kind == "percent_vs_points"
    assert j.diagnoses[0].text == (
        'Percent vs percentage points: "rose 5%" matches the change in percentage points, 25% − 20% = '
        "+5.00 points, not the percent change (+25.00%); a change between two percentages is stated in "
        "points, or as a percent of the old one."
    )


def test_percent_vs_points_with_named_percent_figures() -> None:
    env = {"before": operand("before", "20%"), "after": operand("after", "25%")}
    j = run("rose 5%", "pct_change(before, after)", env)
    assert j.verdict == "inaccurate"
    assert any("25% − 20% = +5.00 points" in d.text for d in j.diagnoses)


def test_doubled_from_a_percent_change() -> None:
    j = run("doubled", "pct_change(240, 470)")
    assert j.verdict == "accurate"
    assert "holds the ratio, 1.96 (1 + the percent change)" in j.decided_by


# --- unequal periods ------------------------------------------------------------------------------


def _months(unit: str) -> dict[str, Operand]:
    return {
        "june": operand("june", "31000", unit, "2025-06", 30),
        "july": operand("july", "27000", unit, "2025-07-01/2025-07-27", 27),
    }


def test_unequal_periods_totals() -> None:
    j = run("down 10%", "pct_change(june, july)", _months("arrests"))
    # per day: 31,000 ÷ 30 = 1,033.33; 27,000 ÷ 27 = 1,000; 1000/1033.33 − 1 = −3.23%
    assert (
        "Unequal periods: the inputs are totals over 30 days (2025-06) against 27 (2025-07-01/2025-07-27), "
        "compared as if equal; per day, 31,000 ÷ 30 = 1,033.33 against 27,000 ÷ 27 = 1,000.00, a change of −3.23%."
    ) in texts(j)
    assert j.verdict == "approximate"
    assert j.settle is not None and "june (31000, rounded to the nearest 1,000)" in j.settle


@pytest.mark.parametrize("unit", ["arrests/day", "arrests per day", "daily arrests"])
def test_unequal_periods_not_for_rates(unit: str) -> None:
    j = run("down 10%", "pct_change(june, july)", _months(unit))
    assert not any("Unequal periods" in d.text for d in j.diagnoses)


def test_equal_periods_no_diagnosis() -> None:
    env = {"a": operand("a", "310", "arrests", "2025-07", 31), "b": operand("b", "279", "arrests", "2025-08", 31)}
    j = run("down 10%", "pct_change(a, b)", env)  # 279/310 − 1 = −10% exactly
    assert j.verdict == "accurate" and j.diagnoses == ()


# --- rates from named figures ---------------------------------------------------------------------


def test_rate_from_per_day() -> None:
    env = {"july_total": operand("july_total", "30690", "arrests", "2025-07", 31)}
    j = run("990 a day", "per_day(july_total)", env)  # 30,690 ÷ 31 = 990
    assert j.verdict == "accurate"


def test_direction_only_figure() -> None:
    rose = ClaimedFigure("rose", None, None, "percent", "up", "exact")
    assert run(rose, "pct_change(100, 101)").verdict == "accurate"
    wrong = run(rose, "pct_change(100, 99)")
    assert wrong.verdict == "inaccurate" and "Wrong direction" in wrong.diagnoses[0].text
    assert wrong.diagnoses[0].kind == "wrong_direction"
    assert 'claims only a direction' in wrong.rule


def test_negative_value_without_direction_is_a_fall() -> None:
    fig = ClaimedFigure("−19%", F(-19, 100), F(1, 100), "percent", "none", "exact")
    assert run(fig, "pct_change(1224, 990)").verdict == "accurate"


# --- tolerance overrides --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "figure, computation, tolerance, before, after",
    [
        # 17.875% is below 0.9 × 20 = 18; with accurate_below 15% the band starts at 17
        ("nearly 20% rise", "pct_change(800, 943)", {"nearly.accurate_below": F(15, 100)}, "approximate", "accurate"),
        # 16.875%: with approximate_below 20% the approximate band starts at 16
        ("nearly 20% rise", "pct_change(800, 935)", {"nearly.approximate_below": F(20, 100)}, "inaccurate", "approximate"),
        # 22% against about 20%: with accurate 10% the band is 18–22
        ("about 20%", exact("share", F(22, 100)), {"about.accurate": F(10, 100)}, "approximate", "accurate"),
        # 1.885 against doubled: with accurate 10%, 1.8–2.2
        ("doubled", "ratio(377, 200)", {"multiple.accurate": F(10, 100)}, "approximate", "accurate"),
        # −12% against slightly: with accurate 15%
        ("dipped slightly", "pct_change(100, 88)", {"slightly.accurate": F(15, 100)}, "inaccurate", "accurate"),
        # −8% against plunged: with accurate 5%
        ("plunged", "pct_change(100, 92)", {"sharply.accurate": F(5, 100)}, "approximate", "accurate"),
        # 20.625% against bare 20% with accurate_units 1 (±1 point)
        ("up 20%", "pct_change(800, 965)", {"exact.accurate_units": F(1)}, "approximate", "accurate"),
        # 17,000 against more than 18,000: approximate_below 10% reaches 16,200
        ("more than 18,000", "sum(17001)", {"more_than.approximate_below": F(10, 100)}, "inaccurate", "approximate"),
        # an override of another rule changes nothing
        ("up 20%", "pct_change(800, 965)", {"nearly.accurate_below": F(50, 100)}, "approximate", "approximate"),
    ],
)
def test_tolerance_overrides(figure, computation, tolerance, before, after) -> None:
    assert run(figure, computation).verdict == before
    assert run(figure, computation, tolerance=tolerance).verdict == after


def test_tolerance_understated() -> None:
    base = run("more than 18,000", "sum(30001)")
    assert any("true but understated" in d.text for d in base.diagnoses)
    raised = run("more than 18,000", "sum(30001)", tolerance={"more_than.understated_above": F(1)})
    assert not any("true but understated" in d.text for d in raised.diagnoses)


def test_tolerance_shows_in_rule_text() -> None:
    j = run("nearly 20% rise", "pct_change(800, 943)", tolerance={"nearly.accurate_below": F(15, 100)})
    assert "accepts 17.00%–20.50%" in j.rule


# --- recorded verdicts ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "recorded, verdict, expected",
    [
        (None, "inaccurate", None),
        ("accurate", "accurate", None),
        ("inaccurate", "inaccurate", None),
        ("accurate", "approximate", "recorded as accurate, but the arithmetic gives approximate"),
        ("inaccurate", "accurate", "recorded as inaccurate, but the arithmetic gives accurate"),
        ("unverifiable", "approximate", "recorded as unverifiable, but the arithmetic gives approximate"),
        ("Accurate", "accurate", None),
    ],
)
def test_compare_recorded(recorded, verdict, expected) -> None:
    assert compare_recorded(recorded, verdict) == expected


def test_compare_recorded_refuses_unknown() -> None:
    with pytest.raises(ValueError, match="unknown recorded verdict"):
        compare_recorded("mostly true", "accurate")


def test_recorded_against_judged() -> None:
    # the ICE file's DHS claim, recorded as accurate by a careless checker
    j = run("down 10%", "pct_change(31000, 27000)")
    assert compare_recorded("accurate", j.verdict) == "recorded as accurate, but the arithmetic gives approximate"
    assert compare_recorded("approximate", j.verdict) is None


# --- exactness --------------------------------------------------------------------------------------


def test_judgement_is_exact_and_frozen() -> None:
    j = run("about 71%", "share(71, 100)")
    assert isinstance(j.compared, F) and j.compared == F(71, 100)
    with pytest.raises(AttributeError):
        j.verdict = "inaccurate"  # type: ignore[misc]


def test_bands_come_from_the_table() -> None:
    # the default 10% of "nearly" appears as 18.00% for X = 20%, and moves with the table
    j = run("nearly 20% rise", "pct_change(100, 118)")
    lo = F(20, 100) * (1 - hedges.rule("nearly").params["accurate_below"].default)
    assert lo == F(18, 100) and "accepts 18.00%–20.50%" in j.rule


def test_unverifiable_never_inaccurate_on_kind_mismatch() -> None:
    for fig, comp in [("more than 18,000", "ratio(470, 240)"), ("about 71%", "sum(990)"), ("doubled", "share(1, 2)"),
                      ("up 5 points", "sum(5)")]:
        j = run(fig, comp)
        assert j.verdict in ("unverifiable", "accurate", "approximate"), (fig, comp, j)


# --- shrinking multiples with a hedge ------------------------------------------------------------


@pytest.mark.parametrize(
    "figure, computation, verdict",
    [
        # 3.0 ÷ 9.1 = 0.33: the fall is by a factor 9.1 ÷ 3.0 = 3.03 > 2 → more than halved
        ("more than halved", "ratio(3.0%, 9.1%)", "accurate"),
        # 0.6 of the old: factor 1.67, below 2 and below 0.98 × 2 = 1.96 → inaccurate
        ("more than halved", "ratio(60, 100)", "inaccurate"),
        # 55 of 100: factor 100 ÷ 55 = 1.818, nearly 2 accepts 1.8–2.1 → accurate
        ("nearly halved", "ratio(55, 100)", "accurate"),
        # 40 of 100: factor 2.5, beyond the 2.2 that nearly allows → inaccurate
        ("nearly halved", "ratio(40, 100)", "inaccurate"),
    ],
)
def test_shrinking_multiples(figure: str, computation: str, verdict: str) -> None:
    j = run(figure, computation)
    assert j.verdict == verdict, (j.decided_by, j.rule)
    assert "factor of the fall" in j.rule


# --- the bare figure's relative floor: "150%" for 147% ---------------------------------------------


@pytest.mark.parametrize(
    "figure, computation, verdict",
    [
        # "150%" has u = 1 point; approximate ±max(1, 2% × 150 = 3) = 147–153
        ("up 150%", "pct_change(100, 247)", "approximate"),  # +147% (edge)
        ("up 150%", "pct_change(100, 246)", "inaccurate"),  # +146%
        ("up 150%", "pct_change(100, 253)", "approximate"),  # +153% (edge)
        ("up 150%", "pct_change(200, 507)", "inaccurate"),  # +153.5%
        # "1,224 a day": u = 1, approximate ±max(1, 24.48) = 1,199.52–1,248.48
        ("1,224 a day", "sum(1200)", "approximate"),
        ("1,224 a day", "sum(1199)", "inaccurate"),
        # "20%": ±max(1, 0.4) — the floor changes nothing for small percents
        ("up 20%", "pct_change(400, 485)", "inaccurate"),  # 21.25%
    ],
)
def test_exact_relative_floor(figure: str, computation: str, verdict: str) -> None:
    assert run(figure, computation).verdict == verdict


def test_exact_relative_floor_override() -> None:
    # with the floor at 0 the table's ±u alone decides: 147% against 149–151
    j = run("up 150%", "pct_change(100, 247)", tolerance={"exact.approximate_share": F(0)})
    assert j.verdict == "inaccurate"


# --- diagnoses that must NOT fire -------------------------------------------------------------------


def test_no_scale_diagnosis_for_one_sided_rules() -> None:
    # 489 ÷ 1,003 = 48.75%; 48.75 × 100 is "more than 50%" too, which proves nothing
    j = run("a majority", "share(489, 1003)")
    assert j.verdict == "inaccurate"
    assert not any("Scale" in d.text for d in j.diagnoses)


def test_wrong_base_needs_an_accurate_match() -> None:
    # −234 ÷ 990 = −23.64% is only approximately "a quarter" (23.75–26.25): no wrong-base claim
    j = run("fell by a quarter", "pct_change(1224, 990)")
    assert j.verdict == "inaccurate"
    assert not any("Wrong base" in d.text for d in j.diagnoses)


def test_points_diagnosis_needs_an_accurate_match() -> None:
    # 25 − 20 = 5 points; "rose 6%" (5.5–6.5) does not match it
    j = run("rose 6%", "pct_change(20%, 25%)")
    assert not any("percentage points" in d.text for d in j.diagnoses)


def test_no_diagnoses_for_a_plain_accurate_claim() -> None:
    assert run("rose 67%", "pct_change(905, 1510)").diagnoses == ()


# --- an upside-down ratio ----------------------------------------------------------------------------


def test_upside_down_ratio_is_held_at_approximate() -> None:
    # ratio(240, 470) = 0.511: "doubled" fails, but 470 ÷ 240 = 1.958 fits
    j = run("doubled", "ratio(240, 470)")
    assert j.verdict == "approximate"
    assert j.diagnoses[0].kind == "upside_down_ratio"
    assert j.diagnoses[0].text.startswith("Upside-down ratio: ratio(240, 470) is 240 ÷ 470 = 0.511; the claim fits 470 ÷ 240 = 1.958")


def test_upside_down_ratio_that_fits_neither_way() -> None:
    # ratio(100, 150) = 0.667 and 1.5: neither is doubled
    assert run("doubled", "ratio(100, 150)").verdict == "inaccurate"


# --- a number with an intensity word (built by hand: the parser gives the word no band) ------------


@pytest.mark.parametrize(
    "value, computation, verdict",
    [
        (F(3, 100), "pct_change(100, 103)", "accurate"),  # 3% as written, and ≤ 5%: slight
        (F(12, 100), "pct_change(100, 112)", "inaccurate"),  # 12% as written, but 12% > 10%: not slight
        (F(7, 100), "pct_change(100, 107)", "approximate"),  # 5% < 7% ≤ 10%
    ],
)
def test_number_and_slightly_word(value: F, computation: str, verdict: str) -> None:
    fig = ClaimedFigure(f"edged up {value * 100}%", value, F(1, 100), "percent", "up", "slightly")
    j = run(fig, computation)
    assert j.verdict == verdict, j.decided_by
    assert '"slightly" accepts' in j.rule
