"""claimcheck.numbers: exact numbers, intervals and their display, and the shortcuts taken
for speed, each held to the plain computation it replaces.

:func:`~claimcheck.numbers.fmt_decimal` (integer arithmetic) against the Fraction-based
rounding it replaced; interval products and quotients of non-negative bounds against the
four products; ``fmt_percent`` against ``fmt_decimal`` of a hundred times; the cache of
:func:`~claimcheck.numbers.parse_number` against fresh reads. (The parser's grammar is
held to the schema's pattern in tests/unit/claimfile/test_schema.py; the lean first pass
of the claim-file loader to the located walk in tests/unit/claimfile/test_lean_pass.py.)
"""

from __future__ import annotations

import random
from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimcheck import numbers
from claimcheck.numbers import (
    MINUS, Interval, NumberError, fmt_count, fmt_decimal, fmt_percent, fmt_scientific, fraction_text, parse_number,
    round_half_away,
)


# --- formatting ---------------------------------------------------------------------------


def _reference_fmt_decimal(x: Fraction, places: int = 2, *, group: bool = True, trim: bool = False) -> str:
    """The Fraction-based formatter that integer arithmetic replaced."""
    r = round_half_away(x, places)
    neg = r < 0
    scaled = abs(r) * 10**places
    whole, frac = divmod(int(scaled), 10**places)
    body = f"{whole:,}" if group else str(whole)
    if places:
        frac_s = str(frac).rjust(places, "0")
        if trim:
            frac_s = frac_s.rstrip("0")
        if frac_s:
            body += "." + frac_s
    return (MINUS if neg and r != 0 else "") + body


def _reference_round(x: Fraction, places: int) -> Fraction:
    scale = 10**places
    scaled = abs(x) * scale
    q, r = divmod(scaled.numerator, scaled.denominator)
    if 2 * r >= scaled.denominator:
        q += 1
    out = Fraction(q, scale)
    return -out if x < 0 else out


fractions = st.fractions(max_denominator=10**6) | st.integers(-(10**12), 10**12).map(Fraction)


@given(fractions, st.integers(0, 4), st.booleans(), st.booleans())
def test_fmt_decimal_matches_the_fraction_reference(x: Fraction, places: int, group: bool, trim: bool) -> None:
    if trim and x != 0 and _reference_round(x, places) == 0:
        # Trimmed, a non-zero number is never shown as a bare 0 (issue 19: "0^10 = 0").
        assert fmt_decimal(x, places, group=group, trim=trim) == fmt_scientific(x)
    else:
        assert fmt_decimal(x, places, group=group, trim=trim) == _reference_fmt_decimal(x, places, group=group, trim=trim)
    assert round_half_away(x, places) == _reference_round(x, places)


def test_fmt_scientific_by_hand() -> None:
    # 10^-30; −2.5 × 10^12; 1/3 = 3.333… × 10^-1 → 3.33e−1; 9.996 rounds up to 10.0 →
    # 1e1; 123,456 → 1.23e5 (half away: 1.235 → 1.24 needs the 4th digit ≥ 5).
    assert fmt_scientific(Fraction(1, 10**30)) == f"1e{MINUS}30"
    assert fmt_scientific(Fraction(-25 * 10**11)) == f"{MINUS}2.5e12"
    assert fmt_scientific(Fraction(1, 3)) == f"3.33e{MINUS}1"
    assert fmt_scientific(Fraction(9996, 1000)) == "1e1"
    assert fmt_scientific(Fraction(123456)) == "1.23e5"
    assert fmt_scientific(Fraction(123500)) == "1.24e5"
    assert fmt_scientific(Fraction(0)) == "0"


def test_fmt_decimal_is_capped() -> None:
    # Past 40 whole digits, E notation; far past Python's 4,300-digit int → str limit, no
    # error (10^6000 and its percent, 10^6002%).
    assert fmt_decimal(Fraction(10**40 - 1), 0) == "9,999,999,999,999,999,999,999,999,999,999,999,999,999"
    assert fmt_decimal(Fraction(10**40), 0) == "1e40"
    assert fmt_decimal(Fraction(10**6000), 2) == "1e6000"
    assert fmt_percent(Fraction(-(10**6000))) == f"{MINUS}1e6002%"
    assert fmt_decimal(Fraction(1, 10**6000), 2) == "0.00"  # fixed places keep their zeros
    assert fmt_decimal(Fraction(1, 10**6000), 2, trim=True) == f"1e{MINUS}6000"
    assert fraction_text(Fraction(10**6000 + 1, 3)) == "1" + "0" * 5999 + "1/3"


def test_fmt_decimal_by_hand() -> None:
    # Halves go away from zero: 0.125 → 0.13, −0.125 → −0.13; −0.004 rounds to 0 and
    # loses its sign; 990/1224 − 1 = −0.19117… → −19.12%.
    assert fmt_decimal(Fraction(1, 8)) == "0.13"
    assert fmt_decimal(Fraction(-1, 8)) == f"{MINUS}0.13"
    assert fmt_decimal(Fraction(-4, 1000)) == "0.00"
    assert fmt_decimal(Fraction(1234567, 1), 0) == "1,234,567"
    assert fmt_percent(Fraction(990, 1224) - 1) == f"{MINUS}19.12%"
    assert fmt_count(Fraction(5, 2)) == "2.5"


def test_fmt_decimal_times_a_hundred_is_the_reference_of_a_hundred_times() -> None:
    rng = random.Random(11)
    samples = [Fraction(0), Fraction(1, 2), Fraction(-1, 2), Fraction(-5, 1000), Fraction(5, 1000), Fraction(-1, 10**9)]
    samples += [Fraction(rng.randint(-10**9, 10**9), rng.randint(1, 10**6)) for _ in range(500)]
    for x in samples:
        for places in (0, 1, 2, 3, 4):
            assert fmt_decimal(x, places, times=100) == _reference_fmt_decimal(x * 100, places)
    # By hand: 2.345 to two places is 2.35 (half away from zero), −2.345 is −2.35.
    assert fmt_decimal(Fraction(2345, 1000)) == "2.35"
    assert fmt_decimal(Fraction(-2345, 1000)) == "\u22122.35"
    assert fmt_decimal(Fraction(1234567, 1), 0) == "1,234,567"


# --- intervals and the parse cache ------------------------------------------------------------


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
