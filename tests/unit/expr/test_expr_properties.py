"""Properties of the compute: evaluator, checked with hypothesis.

Example counts come from the profile tests/conftest.py selects; only deadlines are set
here. The deadlines are generous: they catch a hang, not a slow machine.
"""

from __future__ import annotations

from fractions import Fraction as F

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from claimcheck.expr import FUNCTIONS, EvalError, Evaluation, Operand, ZeroBaseline, evaluate
from claimcheck.numbers import Interval, Value, parse_number


def fig(name: str, text: str) -> Operand:
    w = parse_number(text)
    return Operand(name, w.as_value(), w)


ENV = {
    "a": fig("a", "1224"),
    "b": fig("b", "31000"),  # stands for 30,500–31,500
    "c": fig("c", "0.4"),  # 0.35–0.45
    "p": fig("p", "19.1%"),
    "z": fig("z", "0"),
    "w": Operand("w", Value(F(1, 10), Interval(F(-1, 10), F(3, 10))), period_days=30),
}

# Numbers as a claim file writes them: whole counts (some rounded to thousands),
# decimals, percents.
whole = st.integers(min_value=0, max_value=10**7).map(str)
thousands = st.integers(min_value=1, max_value=999).map(lambda n: f"{n}000")
decimal = st.tuples(st.integers(0, 9999), st.integers(0, 999)).map(lambda t: f"{t[0]}.{t[1]}")
percent = decimal.map(lambda d: d + "%")
literal = st.one_of(whole, thousands, decimal, percent)
positive_literal = st.one_of(
    st.integers(min_value=1, max_value=10**7).map(str),
    thousands,
    st.tuples(st.integers(1, 9999), st.integers(0, 99)).map(lambda t: f"{t[0]}.{t[1]}"),
)


def _is_fraction(x: object) -> bool:
    return x is None or type(x) is F


def _check_evaluation(ev: Evaluation) -> None:
    assert type(ev.value.point) is F
    assert _is_fraction(ev.value.interval.lo) and _is_fraction(ev.value.interval.hi)
    assert ev.value.interval.contains(ev.value.point)
    for v in ev.args:
        assert type(v.point) is F


@given(old=positive_literal, new=literal)
@settings(deadline=500)
def test_pct_change_has_the_sign_of_the_change(old: str, new: str) -> None:
    ev = evaluate(f"pct_change({old}, {new})", {})
    change = parse_number(new).value - parse_number(old).value
    point = ev.value.point
    assert (point > 0) == (change > 0) and (point < 0) == (change < 0)
    # Exact: new ÷ old − 1 recomputed here from the literals' own values.
    assert point == parse_number(new).value / parse_number(old).value - 1
    _check_evaluation(ev)


@given(x=literal, y=literal, op=st.sampled_from(["+", "-", "*", "/"]))
@settings(deadline=500)
def test_interval_contains_point_and_is_exact(x: str, y: str, op: str) -> None:
    try:
        ev = evaluate(f"{x} {op} {y}", {})
    except ZeroBaseline:
        assume(False)
        return
    _check_evaluation(ev)


@given(func=st.sampled_from(["pct_change", "pp_change", "ratio", "share", "diff"]), x=literal, y=literal)
@settings(deadline=500)
def test_functions_give_fractions_and_sound_intervals(func: str, x: str, y: str) -> None:
    try:
        ev = evaluate(f"{func}({x}, {y})", {})
    except ZeroBaseline:
        assume(False)
        return
    _check_evaluation(ev)
    assert ev.func == func and len(ev.args) == 2


# --- soundness: any inputs inside the rounding intervals land inside the result's ---------

SOUND_NAMES = ("a", "b", "c")


def _sound_expr() -> st.SearchStrategy[str]:
    leaf = st.one_of(st.sampled_from(SOUND_NAMES), st.sampled_from(["2", "3000", "0.5"]))

    def extend(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        return st.one_of(
            st.tuples(children, st.sampled_from(["+", "-", "*", "/"]), children).map(lambda t: f"({t[0]} {t[1]} {t[2]})"),
            children.map(lambda c: f"-({c})"),
            st.tuples(children, st.integers(-3, 3)).map(lambda t: f"({t[0]}) ** {t[1]}"),
            st.tuples(st.sampled_from(["pct_change", "ratio", "share", "diff", "pp_change"]), children, children).map(
                lambda t: f"{t[0]}({t[1]}, {t[2]})"
            ),
            st.tuples(st.sampled_from(["sum", "mean"]), st.lists(children, min_size=1, max_size=3)).map(
                lambda t: f"{t[0]}({', '.join(t[1])})"
            ),
        )

    return st.recursive(leaf, extend, max_leaves=8)


@given(expr=_sound_expr(), ts=st.tuples(*[st.fractions(0, 1, max_denominator=7)] * 3))
@settings(deadline=800)
def test_interval_holds_every_input_inside_the_rounding(expr: str, ts: tuple[F, F, F]) -> None:
    env = {n: fig(n, text) for n, text in zip(SOUND_NAMES, ("1224", "31000", "0.4"))}
    try:
        ev = evaluate(expr, env)
    except ZeroBaseline:
        assume(False)
        return
    except EvalError as exc:  # too large: a legitimate refusal, not a soundness question
        assert "too large" in exc.message
        assume(False)
        return
    _check_evaluation(ev)
    # Replace every figure by an exact value somewhere inside its rounding interval.
    picked = {}
    for (name, op), t in zip(env.items(), ts):
        iv = op.value.interval
        assert iv.lo is not None and iv.hi is not None
        picked[name] = Operand(name, Value.exact(iv.lo + t * (iv.hi - iv.lo)))
    try:
        inner = evaluate(expr, picked)
    except EvalError:
        assume(False)
        return
    assert ev.value.interval.contains(inner.value.point)


# --- robustness: generated text gives an Evaluation or an EvalError, nothing else -------


def _any_expr() -> st.SearchStrategy[str]:
    leaf = st.one_of(
        st.sampled_from([*ENV, "nope", "a_b", "sum", "True", "__import__"]),
        literal,
        st.sampled_from(["0", "1e3", "1_224", "1.", ".5", "1e40", "012", "1j", "31,000"]),
    )

    def extend(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
        op = st.sampled_from(["+", "-", "*", "/", "**", "//", "%", " ", ",", "×", "÷", "−", "."])
        return st.one_of(
            st.tuples(children, op, children).map("".join),
            st.tuples(st.sampled_from(["-", "+", "--", "(", ")", "not "]), children).map("".join),
            children.map(lambda c: f"({c})"),
            st.tuples(children, st.integers(-15, 15)).map(lambda t: f"{t[0]} ** {t[1]}"),
            st.tuples(
                st.sampled_from([*FUNCTIONS, "abs", "eval", "pct_chang"]),
                st.lists(children, max_size=4),
            ).map(lambda t: f"{t[0]}({', '.join(t[1])})"),
        )

    return st.recursive(leaf, extend, max_leaves=40)


@given(text=_any_expr())
@settings(deadline=500)
def test_generated_expressions_never_crash(text: str) -> None:
    try:
        ev = evaluate(text, ENV)
    except EvalError as exc:
        assert exc.message
        assert exc.col is None or 1 <= exc.col <= len(text) + 1
        return
    _check_evaluation(ev)


@given(text=st.text(alphabet="ab1.9e%()+-*/, _x−×÷\n'[]:=<", max_size=80))
@settings(deadline=500)
def test_noise_never_crashes(text: str) -> None:
    try:
        ev = evaluate(text, ENV)
    except EvalError as exc:
        assert exc.col is None or 1 <= exc.col <= len(text) + 1
        return
    _check_evaluation(ev)


@given(depth=st.integers(0, 3000), kind=st.sampled_from(["(", "-", "+", "1+", "a*"]))
@settings(deadline=500)
def test_deep_and_long_inputs_are_refused_cleanly(depth: int, kind: str) -> None:
    text = kind * depth + "1" + (")" * depth if kind == "(" else "")
    try:
        ev = evaluate(text, ENV)
    except EvalError:
        return
    _check_evaluation(ev)
