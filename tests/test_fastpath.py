"""The fast number formatter gives exactly what the careful one gives.

:func:`claimcheck.numbers.fmt_decimal` (integer arithmetic) against the Fraction-based
rounding it replaced, kept here as the reference. (The lean first pass of the claim-file
loader is held to the located walk in ``tests/unit/claimfile/test_lean_pass.py``.)
"""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from claimcheck.numbers import MINUS, fmt_count, fmt_decimal, fmt_percent, round_half_away


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
    assert fmt_decimal(x, places, group=group, trim=trim) == _reference_fmt_decimal(x, places, group=group, trim=trim)
    assert round_half_away(x, places) == _reference_round(x, places)


def test_fmt_decimal_by_hand() -> None:
    # Halves go away from zero: 0.125 → 0.13, −0.125 → −0.13; −0.004 rounds to 0 and
    # loses its sign; 990/1224 − 1 = −0.19117… → −19.12%.
    assert fmt_decimal(Fraction(1, 8)) == "0.13"
    assert fmt_decimal(Fraction(-1, 8)) == f"{MINUS}0.13"
    assert fmt_decimal(Fraction(-4, 1000)) == "0.00"
    assert fmt_decimal(Fraction(1234567, 1), 0) == "1,234,567"
    assert fmt_percent(Fraction(990, 1224) - 1) == f"{MINUS}19.12%"
    assert fmt_count(Fraction(5, 2)) == "2.5"
