"""A value read from a table → an exact :class:`~claimcheck.numbers.Written`, or why not.

A figure is one number, exact: an integer, a decimal as the table writes it, or (for
``avg``) the exact fraction sum ÷ count. Anything else — no row, several rows or
columns, text, NULL, a date, a binary float — is refused with a sentence saying what the
query or cell gave instead.
"""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from claimcheck.numbers import NumberError, Written, parse_number

#: The keys of the record ``avg()`` gives inside a query (see :mod:`claimcheck.tables.query`).
AVG_SUM = "claimcheck_avg_sum"
AVG_COUNT = "claimcheck_avg_count"

#: Places shown for an exact fraction that has no finite decimal (the value stays exact).
SHOWN_PLACES = 10


class NotANumber(Exception):
    """The value is not one exact number; the message says what it is."""


def decimal_text(d: Decimal | int) -> str:
    """An exact decimal written out in full, never in exponent form: ``0.0000001``."""
    if isinstance(d, int):
        return str(d)
    return format(d, "f")


def written(text: str) -> Written:
    """The number grammar's reading of an exact decimal text."""
    try:
        return parse_number(text)
    except NumberError as e:
        raise NotANumber(f"the number {text} cannot be read: {e}") from None


def fraction_written(x: Fraction) -> Written:
    """An exact fraction as a :class:`Written`: its decimal when it has a finite one,
    else the decimal to :data:`SHOWN_PLACES` places (the value itself stays exact)."""
    d = x.denominator
    for p in (2, 5):
        while d % p == 0:
            d //= p
    if d == 1:
        places = 0
        while (x * 10**places).denominator != 1:
            places += 1
        text = decimal_text(Decimal(x.numerator * 10**places // x.denominator).scaleb(-places))
        return written(text)
    shown = decimal_text(round(Decimal(x.numerator) / Decimal(x.denominator), SHOWN_PLACES))
    return Written(value=x, u=Fraction(0), text=shown + "…")


def of_value(v: object, what: str) -> Written:
    """One value a query or a cell gave, as an exact number; ``what`` names it in the
    message ("the query", "the cell")."""
    if v is None:
        raise NotANumber(f"{what} gave no value (NULL or an empty cell)")
    if isinstance(v, bool):
        raise NotANumber(f"{what} gave the boolean {str(v).lower()}, not a number")
    if isinstance(v, int):
        return written(str(v))
    if isinstance(v, Decimal):
        if not v.is_finite():
            raise NotANumber(f"{what} gave {v}, not a finite number")
        return written(decimal_text(v))
    if isinstance(v, dict) and set(v) == {AVG_SUM, AVG_COUNT}:
        total, n = v[AVG_SUM], v[AVG_COUNT]
        if total is None or not n:
            raise NotANumber(f"{what} took the average of no values (NULL)")
        return fraction_written(Fraction(total) / n)
    if isinstance(v, float):
        raise NotANumber(
            f"{what} gave a binary floating-point number ({v!r}), which is not exact; sum, count, "
            "min, max and avg are exact here, but '/', median and other float functions are not: "
            "take the parts as separate figures and divide them in compute:"
        )
    if isinstance(v, str):
        shown = v if len(v) <= 40 else v[:39] + "…"
        raise NotANumber(f"{what} gave the text '{shown}', not a number")
    raise NotANumber(f"{what} gave a {type(v).__name__} ({str(v)[:40]}), not a number")
