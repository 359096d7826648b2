"""The shortcuts taken for speed give exactly what the long way gives.

Interval products and quotients of non-negative bounds, ``fmt_percent`` in integers, and
the caches of :func:`claimcheck.numbers.parse_number` and :func:`claimcheck.expr.parse_expr`
are each compared with the plain computation they replace (the JSON writer's own test is
tests/unit/report/test_json_writer.py).
"""

from __future__ import annotations

import random
from fractions import Fraction

import pytest

from claimcheck import numbers
from claimcheck.expr import parse as expr
from claimcheck.expr import EvalError, parse_expr
from claimcheck.numbers import Interval, NumberError, fmt_decimal, fmt_percent, parse_number


def _general_mul(x: Interval, y: Interval) -> Interval:
    products = (x.lo * y.lo, x.lo * y.hi, x.hi * y.lo, x.hi * y.hi)
    return Interval(min(products), max(products))


def _general_div(x: Interval, y: Interval) -> Interval:
    return _general_mul(x, Interval(1 / y.hi, 1 / y.lo))


def _interval(rng: random.Random) -> Interval:
    a = Fraction(rng.randint(-50, 50), rng.randint(1, 12))
    b = a + Fraction(rng.randint(0, 40), rng.randint(1, 12))
    return Interval(a, b)


def test_interval_arithmetic_matches_the_four_products() -> None:
    rng = random.Random(7)
    for _ in range(3000):
        x, y = _interval(rng), _interval(rng)
        assert x * y == _general_mul(x, y)
        if y.lo > 0 or y.hi < 0:
            assert x / y == _general_div(x, y)
        else:
            assert x / y == Interval.unbounded()
        assert x.contains_zero() == (x.lo <= 0 <= x.hi)


def test_unbounded_sides_stay_unbounded() -> None:
    one = Interval(Fraction(1), Fraction(2))
    assert one * Interval(None, Fraction(3)) == Interval.unbounded()
    assert one / Interval(Fraction(1), None) == Interval.unbounded()
    assert Interval(None, Fraction(-1)).contains_zero() is False
    assert Interval(Fraction(-1), None).contains_zero() is True


def test_fmt_percent_is_fmt_decimal_of_a_hundred_times() -> None:
    rng = random.Random(3)
    samples = [Fraction(0), Fraction(-1, 200000), Fraction(1, 200000), Fraction(-13, 68), Fraction(5, 1000)]
    samples += [Fraction(rng.randint(-10**7, 10**7), rng.randint(1, 10**5)) for _ in range(3000)]
    for x in samples:
        for places in (0, 1, 2, 4):
            assert fmt_percent(x, places) == fmt_decimal(x * 100, places) + "%", (x, places)
    # By hand: -13/68 = -0.191176…, shown as −19.12%; 1/200000 rounds to 0.00%, unsigned.
    assert fmt_percent(Fraction(-13, 68)) == "\u221219.12%"
    assert fmt_percent(Fraction(-1, 200000)) == "0.00%"


@pytest.mark.parametrize("raw", [1224, "1224", "1,224", "31000", "19.1%", "$4.8 million", "1e3", "-3", ".5", "2.45bn"])
def test_parse_number_cached_equals_fresh(raw: str | int) -> None:
    first = parse_number(raw)
    again = parse_number(raw)
    assert again == first == numbers._parse_number(raw, True)
    assert again.value.__class__ is Fraction


def test_parse_number_errors_are_never_cached() -> None:
    for _ in range(2):
        with pytest.raises(NumberError, match="leading zero"):
            parse_number("012")
        with pytest.raises(NumberError, match="boolean"):
            parse_number(True)  # type: ignore[arg-type]
    with pytest.raises(NumberError, match="not expected"):
        parse_number("20%", allow_percent=False)
    assert parse_number("20%").percent  # the refusal above did not stick to the text


def test_parse_number_cache_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(numbers, "_READ_MAX", 5)
    numbers._READ.clear()
    for i in range(1, 40):
        assert parse_number(str(i)).value == i
        assert len(numbers._READ) <= 5


def test_parse_expr_is_parsed_once_and_errors_each_time(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "pct_change(speed_before, speed_after)"
    a = parse_expr(text)
    assert parse_expr(text) is a
    assert [r.name for r in a.names] == ["speed_before", "speed_after"]
    for _ in range(2):
        with pytest.raises(EvalError) as e:
            parse_expr("1 +")
        assert e.value.col == 4
    monkeypatch.setattr(expr, "_PARSED_MAX", 3)
    expr._PARSED.clear()
    for i in range(10):
        parse_expr(f"a{i} + 1")
        assert len(expr._PARSED) <= 3


def _reference_decimal(x: Fraction, places: int, group: bool, trim: bool) -> str:
    # Half away from zero on the exact value, written out by hand from the definition.
    scaled = abs(x) * 10**places
    q = int(scaled)
    if scaled - q >= Fraction(1, 2):
        q += 1
    whole, frac = divmod(q, 10**places)
    body = f"{whole:,}" if group else str(whole)
    if places:
        digits = str(frac).rjust(places, "0")
        if trim:
            digits = digits.rstrip("0")
        if digits:
            body += "." + digits
    return ("\u2212" if x < 0 and q else "") + body


def test_fmt_decimal_in_integers_matches_the_definition() -> None:
    rng = random.Random(11)
    samples = [Fraction(0), Fraction(1, 2), Fraction(-1, 2), Fraction(-5, 1000), Fraction(5, 1000), Fraction(-1, 10**9)]
    samples += [Fraction(rng.randint(-10**9, 10**9), rng.randint(1, 10**6)) for _ in range(2000)]
    for x in samples:
        for places in (0, 1, 2, 3, 4):
            for group, trim in ((True, False), (False, False), (True, True)):
                assert fmt_decimal(x, places, group=group, trim=trim) == _reference_decimal(x, places, group, trim), (x, places)
            assert fmt_decimal(x, places, times=100) == _reference_decimal(x * 100, places, True, False)
    # By hand: 2.345 to two places is 2.35 (half away from zero), −2.345 is −2.35.
    assert fmt_decimal(Fraction(2345, 1000)) == "2.35"
    assert fmt_decimal(Fraction(-2345, 1000)) == "\u22122.35"
    assert fmt_decimal(Fraction(1234567, 1), 0) == "1,234,567"


def _slow_scan(text: str):  # noqa: ANN202
    # The character-by-character scan, with the shortcut turned off.
    import unittest.mock

    with unittest.mock.patch.object(expr, "_plainly_names", lambda t: False):
        return expr._scan(text)


@pytest.mark.parametrize(
    "text",
    [
        "pct_change(before, after)",
        "a + b - c",
        "(a + b) / (c - d)",
        "a - - - b",
        "a - - - - b",  # four signs: too many, from the slow scan
        "a)",
        "(a",
        ")(",
        "((((((((((((((((((((((a))))))))))))))))))))))",  # 22 deep
        "a 2",
        "a2 * b_3",
        "_x(y)",
        "sum(" + ", ".join(f"x{i}" for i in range(120)) + ")",  # too many terms
        "a*b/c, d",
        "a\tb",
        "a\u2212b",
        "a.b",
        "",
    ],
)
def test_scan_shortcut_equals_the_full_scan(text: str) -> None:
    def run(fn):  # noqa: ANN001, ANN202
        try:
            return ("ok", fn(text))
        except EvalError as e:
            return ("error", e.message, e.col)

    assert run(expr._scan) == run(_slow_scan)


def test_scan_shortcut_equals_the_full_scan_on_random_text() -> None:
    rng = random.Random(5)
    alphabet = ["a", "b_1", "x", "_", "2", " ", "(", ")", ",", "+", "-", "*", "/", "%", "."]
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        results = []
        for fn in (expr._scan, _slow_scan):
            try:
                results.append(("ok", fn(text)))
            except EvalError as e:
                results.append(("error", e.message, e.col))
        assert results[0] == results[1], text
