"""Table-driven tests of the compute: evaluator: exact values worked out by hand,
tight intervals, the arithmetic as the report shows it, and every refusal."""

from __future__ import annotations

from fractions import Fraction as F

import pytest

from claimcheck.expr import (
    EvalError,
    Evaluation,
    NameRef,
    Operand,
    Parsed,
    ZeroBaseline,
    evaluate,
    parse_expr,
    suggest,
)
from claimcheck.numbers import Interval, Value, parse_number

M = "\u2212"  # the report's minus sign


def fig(name: str, text: str, **kw) -> Operand:
    w = parse_number(text)
    return Operand(name, w.as_value(kw.pop("exact", False)), w, **kw)


ENV: dict[str, Operand] = {
    "june_daily": fig("june_daily", "1224", unit="arrests/day", period="2025-06", period_days=30),
    "july_daily": fig("july_daily", "990", unit="arrests/day", period="2025-07-01/2025-07-27", period_days=27),
    "july_total": fig("july_total", "26730", unit="arrests", period="2025-07-01/2025-07-27", period_days=27),
    "june": fig("june", "31000", unit="arrests", period="2025-06", period_days=30),
    "july": fig("july", "27000", unit="arrests", period="2025-07", period_days=31),
    "old_rate": fig("old_rate", "20%"),
    "new_rate": fig("new_rate", "25%"),
    "budget_a": fig("budget_a", "$4.8 million"),
    "budget_b": fig("budget_b", "$5.1 million"),
    "nil": fig("nil", "0"),
    "gas_then": fig("gas_then", "$3.203"),
    "gas_now": fig("gas_now", "$3.084"),
    "undated": fig("undated", "500", unit="people"),
    # A figure whose rounding interval straddles 0 though its value is not 0.
    "wobbly": Operand("wobbly", Value(F(1, 10), Interval(F(-1, 10), F(3, 10)))),
}


# (expression, point, (lo, hi) or None for unbounded); hand arithmetic in comments.
VALUE_CASES: list[tuple[str, F, tuple[F, F] | None]] = [
    # 990/1224 − 1 = −234/1224 = −13/68; both inputs exact, so the interval is a point.
    ("pct_change(1224, 990)", F(-13, 68), (F(-13, 68), F(-13, 68))),
    ("pct_change(june_daily, july_daily)", F(-13, 68), (F(-13, 68), F(-13, 68))),
    # 27/31 − 1 = −4/31; corners 26,500/31,500 − 1 = −10/63 and 27,500/30,500 − 1 = −6/61.
    ("pct_change(31000, 27000)", F(-4, 31), (F(-10, 63), F(-6, 61))),
    ("pct_change(june, july)", F(-4, 31), (F(-10, 63), F(-6, 61))),
    # 150/120 − 1 = 1/4.
    ("pct_change(120, 150)", F(1, 4), (F(1, 4), F(1, 4))),
    # 20% is 19.5–20.5%, 25% is 24.5–25.5%: 0.25 − 0.20 = 1/20, range 4 to 6 points.
    ("pp_change(20%, 25%)", F(1, 20), (F(1, 25), F(3, 50))),
    ("pp_change(old_rate, new_rate)", F(1, 20), (F(1, 25), F(3, 50))),
    # 470/240 = 47/24, exact.
    ("ratio(470, 240)", F(47, 24), (F(47, 24), F(47, 24))),
    # 1,000 stands for 500–1,500: 710/1500 = 71/150 to 710/500 = 71/50.
    ("share(710, 1000)", F(71, 100), (F(71, 150), F(71, 50))),
    # 27,000 − 31,000; range 26,500 − 31,500 to 27,500 − 30,500.
    ("diff(31000, 27000)", F(-4000), (F(-5000), F(-3000))),
    ("diff(june, july)", F(-4000), (F(-5000), F(-3000))),
    # 26,730 / 27 = 990.
    ("per_day(july_total)", F(990), (F(990), F(990))),
    # 31,000 / 30 = 3,100/3; 30,500/30 = 3,050/3, 31,500/30 = 1,050.
    ("per_day(june)", F(3100, 3), (F(3050, 3), F(1050))),
    ("sum(1224, 990)", F(2214), (F(2214), F(2214))),
    # (1,224 + 990 + 3) / 3 = 2,217 / 3 = 739.
    ("mean(1224, 990, 3)", F(739), (F(739), F(739))),
    ("mean(7)", F(7), (F(7), F(7))),
    ("1224 * 30", F(36720), (F(36720), F(36720))),
    ("june_daily * 30", F(36720), (F(36720), F(36720))),
    ("1_224 * 30", F(36720), (F(36720), F(36720))),
    # every number form of the README: thousands commas, currency signs, scale words
    ("1,224 * 30", F(36720), (F(36720), F(36720))),
    ("pct_change(1,224, 990)", F(-13, 68), (F(-13, 68), F(-13, 68))),
    ("6.4 million + 161.5 million", F(167_900_000), (F(167_800_000), F(168_000_000))),
    ("2.45bn + 1", F(2_450_000_001), (F(2_445_000_001), F(2_455_000_001))),
    ("pct_change($59,039, $57,230)", F(57230, 59039) - 1, (F(57230, 59039) - 1, F(57230, 59039) - 1)),
    ("june_daily × 30", F(36720), (F(36720), F(36720))),
    ("1224 ÷ 4", F(306), (F(306), F(306))),
    ("1224 − 990", F(234), (F(234), F(234))),
    ("  2 + 3 * 4", F(14), (F(14), F(14))),
    ("(2 + 3) * 4", F(20), (F(20), F(20))),
    ("-(2 + 3) / 2", F(-5, 2), (F(-5, 2), F(-5, 2))),
    ("--5", F(5), (F(5), F(5))),
    ("-(-(-(-5)))", F(5), (F(5), F(5))),  # signs separated by parentheses are not "in a row"
    ("+5", F(5), (F(5), F(5))),
    # 31,000 as a literal stands for 30,500–31,500 (the raw-input rule).
    ("31000", F(31000), (F(30500), F(31500))),
    ("june - july", F(4000), (F(3000), F(5000))),
    # 19.1% is 191/1000 ± 0.05 points: 1905/10000 = 381/2000 to 1915/10000 = 383/2000.
    ("19.1%", F(191, 1000), (F(381, 2000), F(383, 2000))),
    # 0.5 is 0.45–0.55 and 0.25 is 0.245–0.255: sum 0.695–0.805.
    ("0.5 + 0.25", F(3, 4), (F(139, 200), F(161, 200))),
    ("2 ** 10", F(1024), (F(1024), F(1024))),
    ("2 ** -2", F(1, 4), (F(1, 4), F(1, 4))),
    ("(-2) ** 3", F(-8), (F(-8), F(-8))),
    ("-2 ** 2", F(-4), (F(-4), F(-4))),  # Python precedence: −(2²)
    ("5 ** 0", F(1), (F(1), F(1))),
    # 1.5 is 1.45–1.55; squared 2.1025–2.4025.
    ("1.5 ** 2", F(9, 4), (F(841, 400), F(961, 400))),
    # 0.1 − 0.1: point 0, interval −0.1 to 0.1 (0.1 is 0.05–0.15); squared: 0 to 0.01.
    ("(0.1 - 0.1) ** 2", F(0), (F(0), F(1, 100))),
    # 0.4 − 0.3 = 0.1, interval 0.35 − 0.35 = 0 to 0.45 − 0.25 = 0.2: contains 0.
    ("ratio(10, 0.4 - 0.3)", F(100), None),
    ("pct_change(0.4 - 0.3, 1)", F(9), None),
    ("ratio(5, wobbly)", F(50), None),
    ("5 / wobbly", F(50), None),
]


@pytest.mark.parametrize(("text", "point", "bounds"), VALUE_CASES)
def test_values(text: str, point: F, bounds: tuple[F, F] | None) -> None:
    ev = evaluate(text, ENV)
    assert isinstance(ev, Evaluation)
    assert type(ev.value.point) is F and ev.value.point == point
    if bounds is None:
        assert ev.value.interval == Interval.unbounded()
        assert any("contains 0" in note for note in ev.notes)
    else:
        assert ev.value.interval == Interval(*bounds)
        assert type(ev.value.interval.lo) is F and type(ev.value.interval.hi) is F
        assert ev.notes == ()


ARITHMETIC_CASES: list[tuple[str, str]] = [
    ("pct_change(june_daily, july_daily)", f"(990 {M} 1,224) ÷ 1,224 = {M}19.12%"),
    ("pct_change(31000, 27000)", f"(27,000 {M} 31,000) ÷ 31,000 = {M}12.90%"),
    ("pct_change(120, 150)", f"(150 {M} 120) ÷ 120 = +25.00%"),
    ("pp_change(old_rate, new_rate)", f"25% {M} 20% = +5.00 points"),
    ("pp_change(19.1%, 18%)", f"18% {M} 19.1% = {M}1.10 points"),
    ("ratio(470, 240)", "470 ÷ 240 = 1.96×"),
    ("share(710, 1000)", "710 ÷ 1,000 = 71.00%"),
    ("diff(june, july)", f"27,000 {M} 31,000 = {M}4,000"),
    ("per_day(july_total)", "26,730 ÷ 27 days = 990 a day"),
    ("june_daily * 30", "1,224 × 30 = 36,720"),
    ("-(2 + 3) / 2", f"{M}(2 + 3) ÷ 2 = {M}2.5"),
    ("sum(1224, 990)", "1,224 + 990 = 2,214"),
    ("mean(1224, 990, 3)", "(1,224 + 990 + 3) ÷ 3 = 739"),
    ("june_daily", "june_daily = 1,224"),
    ("pct_change(-5, 10)", f"(10 {M} {M}5) ÷ {M}5 = {M}300.00%"),  # 10 ÷ −5 − 1 = −3
    ("pp_change(-19.1%, 2%)", f"2% {M} {M}19.1% = +21.10 points"),
    # A compound argument is worked out first, as its own step.
    ("pct_change(june, june_daily * 30)", f"1,224 × 30 = 36,720; (36,720 {M} 31,000) ÷ 31,000 = +18.45%"),
    ("diff(budget_a, budget_b)", f"$5,100,000 {M} $4,800,000 = +$300,000"),
    # A figure written with more decimals than a plain number shows keeps them: "3.08 − 3.2
    # = −0.119" would read as wrong arithmetic (a pump price, "$3.203, … $3.084").
    ("diff(3.203, 3.084)", f"3.084 {M} 3.203 = {M}0.119"),
    ("diff(gas_then, gas_now)", f"$3.084 {M} $3.203 = {M}$0.119"),
]

@pytest.mark.parametrize(("text", "arithmetic"), ARITHMETIC_CASES)
def test_arithmetic_strings(text: str, arithmetic: str) -> None:
    assert evaluate(text, ENV).arithmetic == arithmetic


# (expression, exception class, a phrase the message must contain, column or None)
ERROR_CASES: list[tuple[str, type[EvalError], str, int | None]] = [
    ("pct_change(june_daily, jul_daily)", EvalError, "unknown figure 'jul_daily' — did you mean 'july_daily'?", 24),
    ("nobody_near", EvalError, "unknown figure 'nobody_near'", 1),
    ("1 +", EvalError, "invalid expression", 4),
    ("(1))", EvalError, "unmatched ')'", 4),
    ("pct_change(june, july", EvalError, "unclosed '('", 22),
    ("ratio(1,,2)", EvalError, "invalid expression", 9),
    ("june.real", EvalError, "attribute access is not allowed", 5),
    ("__import__('os')", EvalError, "unexpected character", 12),
    ("__import__(os)", EvalError, "unknown function '__import__'", 1),
    ("lambda: 1", EvalError, "unexpected character ':'", 7),
    ("lambda x", EvalError, "invalid expression", None),
    ("june ** july", EvalError, "exponent of ** must be a whole number", 9),
    ("10**10**10", EvalError, "exponent of ** must be a whole number", 5),
    ("2 ** 11", EvalError, "exponent 11 is too large", 6),
    ("(-8)**0.5", EvalError, "roots", 7),
    ("(-8)**(1/3)", EvalError, "roots", 8),  # the exponent's node starts inside its parentheses
    ("((1e30**10)**10)**10", EvalError, "number too large", None),
    ("(" * 5000 + "1" + ")" * 5000, EvalError, "too long", None),
    ("(" * 21 + "1" + ")" * 21, EvalError, "nested too deeply", 21),
    ("+".join(["1"] * 2000), EvalError, "too long", None),
    ("+".join(["1"] * 101), EvalError, "too many terms", 201),
    ("-" * 10000 + "1", EvalError, "too long", None),
    ("-" * 1500 + "1", EvalError, "too many signs in a row", 4),
    ("pct_change(0, 5)", ZeroBaseline, "cannot compute: baseline is 0", 12),
    ("pct_change(nil, july)", ZeroBaseline, "cannot compute: baseline is 0", 12),
    ("ratio(5, nil)", ZeroBaseline, "cannot compute", 10),
    ("share(5, 0)", ZeroBaseline, "cannot compute", 10),
    ("5 / (2 - 2)", ZeroBaseline, "cannot compute", 6),
    ("0 ** -1", ZeroBaseline, "cannot compute", None),
    ("per_day(undated)", EvalError, "has no period", 9),
    ("per_day(july_daily)", EvalError, "already a daily rate", 9),
    ("per_day(5)", EvalError, "takes a figure name", 9),
    ("pct_change(1)", EvalError, "takes 2 arguments, got 1", 1),
    ("ratio(1, 2, 3)", EvalError, "takes 2 arguments, got 3", 1),
    ("sum()", EvalError, "at least 1", 1),
    ("pct_chang(1, 2)", EvalError, "did you mean 'pct_change'?", 1),
    ("print(1)", EvalError, "unknown function 'print'", 1),
    ("abs(-1)", EvalError, "unknown function 'abs'", 1),
    ("1 % 2", EvalError, "'%' must follow a number", 3),
    ("7 // 2", EvalError, "operator // is not allowed", 6),
    ("1 < 2", EvalError, "unexpected character '<'", 3),
    ("1 if 2 else 3", EvalError, "'if'/'else' is not allowed", 1),
    ("not 1", EvalError, "'not'", 1),
    ("True", EvalError, "only numbers, figure names", 1),
    ("sum(*june)", EvalError, "unpacking", 5),
    ("sum(**june)", EvalError, "keyword", None),
    # "1,224" is one number; the commas between a call's arguments must then be spaced
    ("sum(100,200)", EvalError, "ambiguous commas", 5),
    ("pct_change(1,224,990)", EvalError, "ambiguous commas", 12),
    ("$ 5", EvalError, "must be followed by a number", 1),
    ("1j", EvalError, "not a number", 1),
    ("0x1F", EvalError, "hex", 1),
    ("012", EvalError, "leading zero", 1),
    ("1e99", EvalError, "exponent 99 is out of range", 1),
    ("1" * 41, EvalError, "digits", 1),
    ("june\x00", EvalError, "unexpected character", 5),
    ("june[0]", EvalError, "unexpected character '['", 5),
    ("", EvalError, "empty expression", None),
    ("   ", EvalError, "empty expression", None),
]


@pytest.mark.parametrize(("text", "exc", "phrase", "col"), ERROR_CASES)
def test_errors(text: str, exc: type[EvalError], phrase: str, col: int | None) -> None:
    with pytest.raises(exc) as info:
        evaluate(text, ENV)
    assert phrase in info.value.message
    if col is not None:
        assert info.value.col == col


def test_zero_baseline_is_an_eval_error() -> None:
    assert issubclass(ZeroBaseline, EvalError)
    with pytest.raises(ZeroBaseline, match="^cannot compute: baseline is 0$"):
        evaluate("pct_change(0, 5)", {})


def test_parse_lists_names_with_columns() -> None:
    parsed = parse_expr("pct_change(june_daily, jun_daily) + ratio(x, x)")
    assert isinstance(parsed, Parsed)
    # Columns are 1-based: "pct_change(" is 11 characters, so june_daily starts at 12.
    assert parsed.names == (
        NameRef("june_daily", 12),
        NameRef("jun_daily", 24),
        NameRef("x", 43),
        NameRef("x", 46),
    )
    assert parsed.func is None  # the top level is "+", not a call
    assert parse_expr("ratio(a, b)").func == "ratio"


def test_parse_does_not_need_figures() -> None:
    # Validation alone: unknown names are the loader's to report, with Parsed.names.
    assert [r.name for r in parse_expr("diff(a, b)").names] == ["a", "b"]
    with pytest.raises(EvalError):
        parse_expr("diff(a, b")


def test_parsed_evaluates_against_any_env() -> None:
    parsed = parse_expr("ratio(a, b)")
    assert evaluate(parsed, {"a": fig("a", "3"), "b": fig("b", "4")}).value.point == F(3, 4)
    assert evaluate(parsed, {"a": fig("a", "1"), "b": fig("b", "8")}).value.point == F(1, 8)


def test_typographic_operators_keep_columns() -> None:
    with pytest.raises(EvalError) as info:
        evaluate("june × 30 ÷ missing", ENV)
    assert info.value.col == 13


def test_call_metadata() -> None:
    ev = evaluate("pct_change(june_daily, 990)", ENV)
    assert ev.func == "pct_change"
    assert ev.kind == "percent"
    assert ev.args == (Value.exact(1224), Value.exact(990))
    named, literal = ev.arg_operands
    assert named == ENV["june_daily"]
    # A literal argument carries its written form, so the verdict knows how it was written.
    assert literal is not None and literal.name == "990" and literal.written.text == "990"
    assert literal.value == Value.exact(990) and literal.period_days is None
    assert ev.operands == (ENV["june_daily"],)  # literals are not named figures


def test_a_signed_call_is_plain_arithmetic() -> None:
    ev = evaluate("+pct_change(1224, 990)", ENV)
    assert ev.value.point == F(-13, 68)
    assert ev.func is None and ev.args == ()
    assert ev.arithmetic.startswith(f"(990 {M} 1,224) ÷ 1,224 = {M}19.12%")


def test_operands_in_first_use_order_without_repeats() -> None:
    ev = evaluate("july + june + july * 2", ENV)
    assert ev.operands == (ENV["july"], ENV["june"])
    assert ev.func is None and ev.args == () and ev.arg_operands == ()


def test_per_day_metadata() -> None:
    ev = evaluate("per_day(july_total)", ENV)
    assert (ev.func, ev.kind) == ("per_day", "rate")
    assert ev.arg_operands == (ENV["july_total"],)


KIND_CASES = [
    ("pct_change(1, 2)", "percent"),
    ("pp_change(old_rate, new_rate)", "points"),
    ("ratio(1, 2)", "ratio"),
    ("share(1, 2)", "share"),
    ("diff(june, july)", "count"),
    ("diff(june_daily, july_daily)", "rate"),
    ("diff(budget_a, budget_b)", "money"),
    ("diff(old_rate, new_rate)", "points"),  # the difference of two percent levels
    ("per_day(june)", "rate"),
    ("mean(june_daily, july_daily)", "rate"),
    ("june_daily", "rate"),
    ("june", "count"),
    ("-june", "count"),
    ("new_rate", "percent"),
    ("june * 30", "number"),
    ("5", "number"),
]


@pytest.mark.parametrize(("text", "kind"), KIND_CASES)
def test_kinds(text: str, kind: str) -> None:
    assert evaluate(text, ENV).kind == kind


def test_pp_change_of_non_percents_is_noted() -> None:
    ev = evaluate("pp_change(june, july)", ENV)
    assert any("percent levels" in note for note in ev.notes)


def test_tight_interval_beats_naive_composition() -> None:
    # (new − old) ÷ old counts old twice: its interval is wider than the true range.
    tight = evaluate("pct_change(31000, 27000)", {}).value.interval
    naive = evaluate("(27000 - 31000) / 31000", {}).value.interval
    assert naive.lo < tight.lo and tight.hi < naive.hi  # type: ignore[operator]


def test_suggest() -> None:
    assert suggest("jun_daily", ["june_daily", "july_daily"]) == "june_daily"
    assert suggest("zzz", ["june_daily"]) is None
    assert suggest("x", []) is None


def test_a_power_of_a_power_is_bracketed_not_a_tower() -> None:
    # 2^3^2 would read as 2^9 = 512; the expression is (2^3)^2 = 64.
    ev = evaluate("(2**3)**2", {})
    assert ev.value.point == 64
    assert ev.arithmetic == "(2^3)^2 = 64"
