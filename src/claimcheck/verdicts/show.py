"""How verdicts write numbers: the display scales (percent, points, multiple, amount).

Every sentence a verdict writes (the rule, the decision, each diagnosis) and the
recomputed value a report shows go through these helpers, so a number reads the same
everywhere: a percent change signed and to two places ("−12.90%"), a claimed number
plainly as written ("10%", "5 points", "18,000").
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from math import gcd
from typing import Callable

from claimcheck.expr import Evaluation
from claimcheck.numbers import MINUS, Interval, Value, fmt_decimal, fmt_interval

ZERO = Fraction(0)
ONE = Fraction(1)
HUNDRED = Fraction(100)


def times_100(x: Fraction) -> Fraction:
    """``x × 100``. The hot path of every report line: skips Fraction's generic multiply
    and its gcd."""
    n, d = x.numerator, x.denominator
    g = gcd(100, d)
    return Fraction(n * (100 // g), d // g)


def fmt_pct(x: Fraction, places: int = 2) -> str:
    """A fraction as a percent: 1/4 → "25.00%" (× 100 in integers, no Fraction made)."""
    return fmt_decimal(x, places, times=100) + "%"


def fmt_points(x: Fraction, places: int = 2) -> str:
    """A difference of two fractions in percentage points: 3/1000 → "0.30 points"."""
    return fmt_decimal(x, places, times=100) + " points"


def fmt_multiple(x: Fraction, places: int = 2) -> str:
    return fmt_decimal(x, places)


def fmt_amount(x: Fraction, places: int = 2) -> str:
    """A count or sum: whole numbers without decimals ("31,000"), others trimmed."""
    if x.denominator == 1:
        return fmt_decimal(x, 0)
    return fmt_decimal(x, places, trim=True)


def exact_places(x: Fraction) -> int:
    """How many decimals write ``x`` exactly (at least 2, at most 6): 2.735 takes 3."""
    for p in range(2, 7):
        if 10**p % x.denominator == 0:
            return p
    return 6


def _scale_of(d: int) -> int:
    """How many decimals show a number whose denominator in lowest terms is ``d`` (at
    least 2, at most 4): x × 10^p is whole exactly when d divides 10^p."""
    for p in (100, 1000, 10000):
        if p % d == 0:
            return 2 if p == 100 else 3 if p == 1000 else 4
    return 4


@dataclass(frozen=True, slots=True)
class Fmt:
    """How numbers on one scale are written: the function and how many decimals."""

    fn: Callable[[Fraction, int], str]
    factor: Fraction  # display = x × factor before counting decimals

    def __call__(self, x: Fraction, places: int | None = None) -> str:
        return self.fn(x, 2 if places is None else places)

    def places(self, *xs: Fraction | None) -> int:
        """Decimals enough to show every one of ``xs`` exactly (2 to 4)."""
        # x × 100 in lowest terms has the denominator d ÷ gcd(100, d): no Fraction made.
        if self.factor == HUNDRED:
            return max([2] + [_scale_of(x.denominator // gcd(100, x.denominator)) for x in xs if x is not None])
        return max([2] + [_scale_of(x.denominator) for x in xs if x is not None])


PCT = Fmt(fmt_pct, HUNDRED)
POINTS = Fmt(fmt_points, HUNDRED)
MULT = Fmt(fmt_multiple, ONE)
AMOUNT = Fmt(fmt_amount, ONE)


def signed(fmt: Fmt, x: Fraction, places: int | None = None) -> str:
    """``x`` on scale ``fmt`` with its sign: "+25.00%", "−12.90%", "0.00%"."""
    s = fmt(x, places)
    return s if s.startswith(MINUS) or x == 0 else "+" + s


def plain(fmt: Fmt, x: Fraction) -> str:
    """A claimed number written plainly: "10%", "5 points", "2", "18,000"."""
    if fmt is PCT:
        return fmt_decimal(x * 100, 4, trim=True) + "%"
    if fmt is POINTS:
        return fmt_decimal(x * 100, 4, trim=True) + " points"
    return fmt_decimal(x, 4, trim=True)


def pct_plain(x: Fraction) -> str:
    """A fraction as a percent with no trailing zeros: 1/5 → "20%"."""
    return fmt_decimal(x * 100, 2, trim=True) + "%"


def iv_text(iv: Interval, fmt: Fmt, places: int) -> str:
    """An interval on scale ``fmt``: "9.84% to 15.87%"."""
    return fmt_interval(iv, lambda x: fmt(x, places))


def dir_word(direction: str) -> str:
    """"a rise" or "a fall"."""
    return "a rise" if direction == "up" else "a fall"


def show_on(v: Value, fmt: Fmt, change: bool) -> tuple[str, str | None]:
    """A value and its rounding interval on scale ``fmt``; a change with its sign."""
    text = signed(fmt, v.point) if change else fmt(v.point)
    if v.is_exact:
        return text, None
    return text, fmt_interval(v.interval, lambda x: fmt(x))


def show_value(ev: Evaluation) -> tuple[str, str | None]:
    """The recomputed value and its rounding interval as a report shows them."""
    kind = ev.kind
    v = ev.value
    if kind in ("percent", "points", "share"):
        return show_on(v, POINTS if kind == "points" else PCT, kind != "share")
    if kind == "ratio":
        text = fmt_decimal(v.point, 3) + "×"
        if v.is_exact:
            return text, None
        return text, fmt_interval(v.interval, lambda x: fmt_decimal(x, 3) + "×")
    elif kind == "number" and v.point.denominator != 1 and abs(v.point) < 1:
        return fmt_decimal(v.point, 4, trim=True), (
            None if v.is_exact else fmt_interval(v.interval, lambda x: fmt_decimal(x, 4, trim=True))
        )
    return show_on(v, AMOUNT, False)
