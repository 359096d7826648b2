"""Exact numbers as written, the intervals their rounding stands for, and their display.

Every figure in claimcheck is a :class:`fractions.Fraction` from the moment it is read:
binary floats never touch a value (0.1 + 0.2 is 3/10 here, never 0.30000000000000004). A
number remembers how it was written, because "31,000" and "31,017" are different
evidence: the first stands for anything from 30,500 to 31,500 (a whole number ending in
zeros stands for ± half its last non-zero place).

This module owns:

* :func:`parse_number` — the one number grammar (``1224``, ``1_224``, ``"1,224"``,
  ``19.1%``, ``1e3``, ``$4.8 million``, ``2.45bn``);
* :class:`Written` — a parsed number with its precision ``u``;
* :class:`Interval` and :class:`Value` — exact interval arithmetic, point and bounds;
* the display helpers used by every report (``fmt_*``), with the rounding rule stated.

It is longer than 500 lines: how a number is read, the interval it stands for and how it
is printed (capped: E notation beyond :data:`MAX_SHOWN_DIGITS` digits) stay in one
module, so that reading and printing cannot drift apart.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

from claimcheck import lexicon

#: The minus sign used in every report (U+2212), as a typesetter would print it.
MINUS = "\u2212"

#: At most this many digits in one number; a 5,000-digit integer is refused, not parsed
#: (a huge integer would cost seconds to convert and format), and nothing in the news
#: needs more.
MAX_DIGITS = 40
#: Largest exponent accepted in ``1e3``-style numbers.
MAX_EXPONENT = 30

#: Scale words and abbreviations, and currency signs: the lexicon's lists.
SCALES = lexicon.SCALES
CURRENCIES = lexicon.CURRENCY_SYMBOLS

# --- the number grammar -----------------------------------------------------------------
#
# One grammar, written once as pieces: :data:`_NUMBER_RE` (what :func:`parse_number`
# reads), :data:`SCHEMA_PATTERN` (what the claim file's JSON Schema accepts) and
# :data:`EXPRESSION_NUMBER_RE` (a number inside a ``compute:`` expression) are all built
# from them. Each piece is a single pass with no nested quantifier over digits, so every
# pattern runs in linear time on any input.

_SIGN = r"[+\-\u2212]"
_CURRENCY = "[" + "".join(re.escape(c) for c in CURRENCIES) + "]"
# No leading zero ("012" is YAML 1.1 octal, never a count): a lone 0, or 1–9 then digits.
_INT = r"[1-9]\d{0,2}(?:,\d{3})+|0(?![\d_])|[1-9]\d*(?:_\d+)*|(?=\.\d)"
_FRAC = r"\d+"
_EXP = r"[+\-]?\d{1,4}"
# "per cent" and "percent" may follow after one space; "%" directly or after one space.
_PERCENT_SPELLINGS = ("per cent", "percent")


#: White space as the grammar means it: ASCII only, spelt out so that a JSON Schema's
#: ``\s`` (which takes a no-break space too) cannot disagree with the parser's.
_WS = r"[ \t\n\r\f\v]"


def _spell(word: str, case_blind: bool) -> str:
    """A literal word in a pattern; ``case_blind`` spells each letter in both cases (for
    patterns that cannot carry a flag, such as a JSON Schema's)."""
    out = []
    for ch in word:
        if ch == " ":
            out.append(_WS + "?")
        elif case_blind and ch.isalpha():
            out.append(f"[{ch.lower()}{ch.upper()}]")
        else:
            out.append(re.escape(ch))
    return "".join(out)


def _grammar(named: bool, case_blind: bool = False, signed: bool = True) -> str:
    """The number grammar as one pattern; ``named`` adds the groups the parser reads;
    ``signed`` allows a leading sign (inside an expression a sign is an operator)."""

    def g(name: str, body: str) -> str:
        return f"(?P<{name}>{body})" if named else f"(?:{body})"

    words = sorted(_PERCENT_SPELLINGS, key=len, reverse=True)
    pct = "%|" + "|".join(rf"{_WS}?{_spell(w, case_blind)}\b" for w in words)
    # Longest first, so "mln" is not read as "m" followed by "ln".
    scale = "|".join(_spell(w, case_blind) for w in sorted(SCALES, key=lambda w: (-len(w), w)))
    return (
        (f"{g('sign', _SIGN)}?" if signed else "") + f"{g('cur', _CURRENCY)}?{g('int', _INT)}"
        rf"(?:\.{g('frac', _FRAC)})?(?:[eE]{g('exp', _EXP)})?"
        rf"{_WS}*(?:{g('pct', pct)}|{g('scale', scale)}\b)?"
    )


# re.ASCII: only ASCII digits, and case folding only of ASCII letters ("5 bıllion" with a
# dotless ı is no number, where Unicode folding matched it to "billion").
_NUMBER_RE = re.compile(_grammar(True), re.IGNORECASE | re.ASCII)

#: The same grammar as a JSON Schema ``pattern`` (ECMA-262: no named groups and no flags,
#: so each letter is spelt in both cases). The claim file's schema is generated with it,
#: and ``tests/unit/claimfile/test_schema.py`` proves the two accept the same strings.
SCHEMA_PATTERN = (
    "^"
    + rf"(?!(?:[^0-9]*[0-9]){{{MAX_DIGITS + 1}}})"  # at most MAX_DIGITS digits
    + rf"(?![^eE]*[eE][+\-]?(?:[4-9][0-9]|3[1-9]|[0-9]{{3}}))"  # an exponent of at most ±30
    + _WS + "*" + _grammar(False, case_blind=True) + _WS + "*$"
)

#: The grammar without a sign, for a number inside a ``compute:`` expression or ``calc``
#: (``6.4 million + 161.5 million``, ``pct_change($59,039, $57,230)``, ``2.45bn + 1``).
EXPRESSION_NUMBER_RE = re.compile(_grammar(True, signed=False), re.IGNORECASE | re.ASCII)


class NumberError(ValueError):
    """A number that cannot be read; the message says what was expected."""


@dataclass(frozen=True, slots=True)
class Interval:
    """A closed interval ``[lo, hi]`` of exact values; ``None`` bounds are unbounded."""

    lo: Fraction | None
    hi: Fraction | None

    @classmethod
    def point(cls, x: Fraction) -> Interval:
        return cls(x, x)

    @classmethod
    def unbounded(cls) -> Interval:
        return cls(None, None)

    @property
    def bounded(self) -> bool:
        return self.lo is not None and self.hi is not None

    def contains(self, x: Fraction) -> bool:
        return (self.lo is None or self.lo <= x) and (self.hi is None or x <= self.hi)

    def contains_zero(self) -> bool:
        # signs read from the numerators (a denominator is positive): comparing a Fraction
        # with 0 asks the numbers.Rational ABC first, on every call
        return (self.lo is None or self.lo.numerator <= 0) and (self.hi is None or self.hi.numerator >= 0)

    def overlaps(self, other: Interval) -> bool:
        if self.hi is not None and other.lo is not None and self.hi < other.lo:
            return False
        if other.hi is not None and self.lo is not None and other.hi < self.lo:
            return False
        return True

    def __neg__(self) -> Interval:
        return Interval(
            None if self.hi is None else -self.hi, None if self.lo is None else -self.lo
        )

    def __add__(self, other: Interval) -> Interval:
        if not (self.bounded and other.bounded):
            return Interval.unbounded()
        return Interval(self.lo + other.lo, self.hi + other.hi)  # type: ignore[operator]

    def __sub__(self, other: Interval) -> Interval:
        # [a, b] − [c, d] = [a − d, b − c]: the same bounds as self + (−other), without
        # negating two Fractions and making an Interval in between.
        a, b, c, d = self.lo, self.hi, other.lo, other.hi
        if a is None or b is None or c is None or d is None:
            return Interval.unbounded()
        return Interval(a - d, b - c)

    def __mul__(self, other: Interval) -> Interval:
        a, b, c, d = self.lo, self.hi, other.lo, other.hi
        if a is None or b is None or c is None or d is None:
            return Interval.unbounded()
        # Both sides non-negative (counts, rates, most percents): the bounds are the
        # products of like bounds; two Fraction products instead of four and a min/max.
        if a.numerator >= 0 and c.numerator >= 0:
            return Interval(a * c, b * d)
        products = (
            self.lo * other.lo,  # type: ignore[operator]
            self.lo * other.hi,  # type: ignore[operator]
            self.hi * other.lo,  # type: ignore[operator]
            self.hi * other.hi,  # type: ignore[operator]
        )
        return Interval(min(products), max(products))

    def __truediv__(self, other: Interval) -> Interval:
        """Divide; a divisor that may be 0 makes the quotient unbounded."""
        c, d = other.lo, other.hi
        if c is None or d is None or (c.numerator <= 0 <= d.numerator):
            return Interval.unbounded()
        a, b = self.lo, self.hi
        if a is not None and b is not None and a.numerator >= 0 and c.numerator > 0:
            # Non-negative over positive: [a/d, b/c], the same bounds as a × [1/d, 1/c].
            return Interval(a / d, b / c)
        return self * Interval(1 / d, 1 / c)


@dataclass(frozen=True, slots=True)
class Value:
    """A computed quantity: the point value (inputs as written) and the interval the
    inputs' rounding allows. The interval always contains the point."""

    point: Fraction
    interval: Interval

    @classmethod
    def exact(cls, x: Fraction | int) -> Value:
        x = Fraction(x)
        return cls(x, Interval.point(x))

    @property
    def is_exact(self) -> bool:
        iv, p = self.interval, self.point
        if iv.lo is p and iv.hi is p:  # Value.exact and Written.rounding share one Fraction
            return True
        return iv.lo == p == iv.hi

    def __neg__(self) -> Value:
        return Value(-self.point, -self.interval)

    def __add__(self, other: Value) -> Value:
        return Value(self.point + other.point, self.interval + other.interval)

    def __sub__(self, other: Value) -> Value:
        return Value(self.point - other.point, self.interval - other.interval)

    def __mul__(self, other: Value) -> Value:
        return Value(self.point * other.point, self.interval * other.interval)

    def __truediv__(self, other: Value) -> Value:
        """Divide. Raises :class:`ZeroDivisionError` when the divisor's point is 0;
        a divisor interval that merely contains 0 gives an unbounded interval."""
        if other.point == 0:
            raise ZeroDivisionError("division by zero")
        return Value(self.point / other.point, self.interval / other.interval)


@dataclass(frozen=True, slots=True)
class Written:
    """A number as written in a claim file or a claimed figure.

    ``value`` is exact; a percent is kept as a fraction ("19.1%" is 191/1000) and ``u``
    is on the same scale. ``u`` is one unit of the last significant digit: "19.1%" has
    u = 0.1 percentage point, "20%" u = 1 point (in percentages a trailing zero counts),
    "18,000" u = 1,000, "4.7 million" u = 100,000.
    """

    value: Fraction
    u: Fraction
    text: str
    percent: bool = False
    decimal: bool = False
    scaled: bool = False
    currency: str | None = None

    @property
    def trailing_zeros(self) -> int:
        """Trailing zeros of a whole number written without a decimal point."""
        if self.decimal or self.percent or self.scaled or self.value == 0:
            return 0
        n = abs(self.value.numerator) if self.value.denominator == 1 else 0
        zeros = 0
        while n and n % 10 == 0:
            n //= 10
            zeros += 1
        return zeros

    def is_rounded(self) -> bool:
        """Whether, as a raw input, this number stands for a rounded value.

        A decimal, a percent or a number with a scale word is rounded; a whole count is
        exact unless it ends in three or more zeros (31,000 stands for 30,500–31,500).
        """
        return self.decimal or self.percent or self.scaled or self.trailing_zeros >= 3

    def rounding(self, exact: bool = False) -> Interval:
        """The interval of values that round to this number (a point when exact)."""
        if exact or not self.is_rounded():
            return Interval.point(self.value)
        half = self.u / 2
        return Interval(self.value - half, self.value + half)

    def as_value(self, exact: bool = False) -> Value:
        return Value(self.value, self.rounding(exact))

    def __str__(self) -> str:
        return self.text


#: Numbers read, by what was written. A Written is immutable, and a claim file repeats its
#: numbers (a figure's value, the same figure in a claim); bounded, so memory stays flat.
_READ: dict[tuple[type, str | int, bool], Written] = {}
_READ_MAX = 8192


def parse_number(raw: str | int, *, allow_percent: bool = True) -> Written:
    """Read one number. Raises :class:`NumberError` with a hint on anything else.

    Accepted: ``1224``, ``-3``, ``1_224``, ``1,224`` (groups of three), ``0.5``, ``.5``,
    ``1e3``, ``1.0e+3``, ``19.1%``, ``19.1 percent``, ``$4.8 million``, ``2.45bn``.
    Refused: leading zeros (``012``, YAML 1.1 octal), ``0x1F``, ``1:20``, ``.nan``,
    ``.inf``, more than 40 digits.
    """
    t = type(raw)
    if t is not str and t is not int:
        return _parse_number(raw, allow_percent)
    key = (t, raw, allow_percent)
    hit = _READ.get(key)
    if hit is None:
        hit = _parse_number(raw, allow_percent)
        if len(_READ) >= _READ_MAX:
            _READ.clear()
        _READ[key] = hit
    return hit


def _parse_number(raw: str | int, allow_percent: bool) -> Written:
    if isinstance(raw, bool):
        raise NumberError("expected a number, got a boolean")
    if isinstance(raw, int):
        raw = str(raw)
    text = raw.strip(" \t\n\r\f\v")
    whole = _whole_digits(text)
    if whole is not None:
        return _whole_number(text, whole)
    if not text:
        raise NumberError("expected a number, got an empty string")
    lowered = text.lower()
    if lowered.lstrip("+-").lstrip(".") in {"nan", "inf", "infinity"}:
        raise NumberError(f"'{text}' is not a finite number; write the figure itself")
    if len(text) > MAX_DIGITS * 2 + 20:
        digits = sum(c.isdigit() for c in text)
        if digits > MAX_DIGITS:
            raise NumberError(f"number has {digits} digits; at most {MAX_DIGITS} are accepted")
        raise NumberError(f"'{text[:20]}…' is too long to be a number ({len(text)} characters)")
    m = _NUMBER_RE.fullmatch(text)
    if m is None:
        raise NumberError(_hint_for(text))
    int_part = (m["int"] or "").replace(",", "").replace("_", "")
    frac_part = m["frac"] or ""
    digits = len(int_part) + len(frac_part)
    if digits == 0:
        raise NumberError(_hint_for(text))
    if digits > MAX_DIGITS:
        raise NumberError(f"number has {digits} digits; at most {MAX_DIGITS} are accepted")
    if len(int_part) > 1 and int_part.startswith("0"):
        raise NumberError(
            f"'{text}' has a leading zero; write {int(int_part)}{'.' + frac_part if frac_part else ''}"
            " (YAML 1.1 would read it as octal)"
        )
    exp = int(m["exp"]) if m["exp"] else 0
    if abs(exp) > MAX_EXPONENT:
        raise NumberError(f"exponent {exp} is out of range (at most ±{MAX_EXPONENT})")
    percent = m["pct"] is not None
    if percent and not allow_percent:
        raise NumberError(f"'{text}': a percent is not expected here")
    scale_word = (m["scale"] or "").lower()
    scale = SCALES[scale_word] if scale_word else 1

    # The value and u as integer numerators and denominators, made Fractions once at the
    # end (a Fraction normalises itself, so the same number comes out as by Fraction steps).
    den = 10 ** len(frac_part)
    num = int(int_part or "0") * den + int(frac_part or "0")
    decimal = bool(frac_part) or m["exp"] is not None
    if frac_part or percent:
        u_num, u_den = 1, den
    else:
        n = int(int_part or "0")
        zeros = 0
        while n and n % 10 == 0:
            n //= 10
            zeros += 1
        u_num, u_den = 10**zeros, 1
    if exp or scale != 1 or percent:
        f_num, f_den = (10**exp * scale, 1) if exp >= 0 else (scale, 10**-exp)
        if percent:
            f_den *= 100
        num, den, u_num, u_den = num * f_num, den * f_den, u_num * f_num, u_den * f_den
    if m["sign"] in ("-", "\u2212"):
        num = -num
    value, u = Fraction(num, den), Fraction(u_num, u_den)
    return Written(
        value=value,
        u=u,
        text=text,
        percent=percent,
        decimal=decimal,
        scaled=bool(scale_word),
        currency=CURRENCIES.get(m["cur"]) if m["cur"] else None,
    )


def _whole_digits(text: str) -> str | None:
    """The digits of a plain whole number (``27000``, ``"20,247"``: most numbers of a
    claim file), or None for anything else, which the grammar reads. A lone ``0``, or a
    non-zero digit first; commas only between groups of three after one to three digits
    (what :data:`_INT` accepts); at most :data:`MAX_DIGITS` digits; ASCII digits only."""
    if "," in text:
        head, *groups = text.split(",")
        if not (0 < len(head) <= 3 and all(len(g) == 3 for g in groups)):
            return None
        digits = "".join((head, *groups))
    else:
        digits = text
    if not (0 < len(digits) <= MAX_DIGITS and digits.isascii() and digits.isdigit()):
        return None
    if digits[0] == "0" and len(text) != 1:
        return None  # a leading zero: the grammar says why it is refused
    return digits


def _whole_number(text: str, digits: str) -> Written:
    """What the grammar reads a plain whole number as, made directly: exact, ``u`` one
    unit of its last non-zero digit (31,000 → 1,000)."""
    n = int(digits)
    zeros = len(digits) - len(digits.rstrip("0")) if n else 0
    return Written(value=Fraction(n), u=Fraction(_POW10[zeros] if zeros < 12 else 10**zeros), text=text)


def scale_word(w: Written) -> str | None:
    """The scale word or abbreviation ``w`` was written with ("crore", "bn"), if any."""
    m = _NUMBER_RE.fullmatch(w.text.strip())
    return m["scale"] if m is not None else None


def expression_text(w: Written) -> str:
    """``w`` as a literal of the expression language, without thousands commas or currency:
    "31,000" → "31000", "19.1 percent" → "19.1%", "$3.5 million" → "3.5e6" (a scale word
    becomes an exponent, which keeps the precision it was written with)."""
    m = _NUMBER_RE.fullmatch(w.text.strip())
    if m is None:  # a Written made by hand: its exact value as a plain decimal or fraction
        return str(w.value)
    digits = (m["int"] or "0").replace(",", "").replace("_", "") + ("." + m["frac"] if m["frac"] else "")
    exp = int(m["exp"]) if m["exp"] else 0
    scale = m["scale"]
    if scale:
        exp += len(str(SCALES[scale.lower()])) - 1
    sign = "-" if m["sign"] in ("-", "\u2212") else ""
    if m["pct"] is not None:
        return f"{sign}{digits}{'e' + str(exp) if exp else ''}%"
    return f"{sign}{digits}e{exp}" if exp else sign + digits


def _hint_for(text: str) -> str:
    lead = re.fullmatch(r"[+\-\u2212]?" + lexicon.CURRENCY_CLASS + r"?(0[\d_]+)((?:\.\d+)?)\s*%?", text)
    if lead:
        digits = lead.group(1).replace("_", "").lstrip("0") or "0"
        return f"'{text}' has a leading zero; write {digits}{lead.group(2)} (YAML 1.1 would read it as octal)"
    if re.fullmatch(r"[+-]?0[xXoObB][0-9a-fA-F_]+", text):
        return f"'{text}' is not a decimal number; hex, octal and binary are not accepted"
    if re.fullmatch(r"\d+(?::\d+)+", text):
        return f"'{text}' is not a number (YAML 1.1 read it as base 60); write the value itself"
    if re.fullmatch(r"\d+(?:,\d+)+", text):
        return f"'{text}' has misplaced thousands separators; group digits in threes (1,224)"
    return (
        f"'{text}' is not a number; write digits such as 1224, 1_224, \"1,224\", 19.1%, "
        "1e3 or \"$4.8 million\""
    )


# --- display ----------------------------------------------------------------------------
#
# Rounding rule for display: half away from zero, applied once to the exact value. Only
# the reports round; verdicts compare exact values.


def round_half_away(x: Fraction, places: int) -> Fraction:
    """Round ``x`` to ``places`` decimal places, halves away from zero, exactly."""
    scale = 10**places
    q = _round_scaled(x, scale)
    out = Fraction(q, scale)
    return -out if x < 0 else out


def _round_scaled(x: Fraction, scale: int) -> int:
    """``round_half_away(|x|, places) * scale`` as an int, in integer arithmetic only
    (reports format hundreds of thousands of numbers; Fraction products are the cost)."""
    n, d = x.numerator, x.denominator
    q, r = divmod(abs(n) * scale, d)
    return q + 1 if 2 * r >= d else q


_POW10 = tuple(10**p for p in range(12))


def decimal_places(u: Fraction, most: int = 10) -> int:
    """Decimal places of a precision ``u`` that is a power of ten (0.1 → 1, 1 → 0,
    1,000 → 0), at most ``most``: how many places a number good to ``u`` is shown with."""
    places = 0
    while u.denominator != 1 and places < most:
        u *= 10
        places += 1
    return places


#: The most digits a report shows before the decimal point; a larger number is written
#: in E notation ("1.5e3000"). Python refuses to turn an int of more than 4,300 digits into
#: text (and a check comparing 10^3000 with 10^−3000 made one: exit 3); nothing in the news
#: needs more than :data:`MAX_DIGITS` digits anyway.
MAX_SHOWN_DIGITS = MAX_DIGITS
#: Significant digits of a number shown in E notation.
E_DIGITS = 3


def fmt_decimal(x: Fraction, places: int = 2, *, group: bool = True, trim: bool = False, times: int = 1) -> str:
    """Format exactly with ``places`` decimals, thousands commas and a true minus sign.

    ``times``: show ``x × times`` (a whole factor, 100 for a percent) without making that
    Fraction. Integer arithmetic only: reports format hundreds of thousands of numbers.

    This is the one path every number a report shows goes through, and it is capped: a
    number with more than :data:`MAX_SHOWN_DIGITS` whole digits is written in E notation
    (:func:`fmt_scientific`), and so is a non-zero number that ``trim`` would otherwise
    show as a bare ``0`` (``1e-30`` was shown as 0, and ``1e-30**10`` as "0^10 = 0"); a
    fixed number of places (``0.00%``) keeps its zeros.
    """
    n, d = x.numerator, x.denominator
    key = (n, d, places, group, trim, times)
    hit = _SHOWN.get(key)
    if hit is None:
        hit = _fmt_decimal(x, n, d, places, group, trim, times)
        if len(_SHOWN) >= _SHOWN_MAX:
            _SHOWN.clear()
        _SHOWN[key] = hit
    return hit


#: Texts already formatted, by the exact value and the options: a report writes the same
#: band edges and values many times (177,485 numbers for the benchmark's 10,000 claims,
#: 31,023 of them different). Bounded, so memory stays flat.
_SHOWN: dict[tuple[int, int, int, bool, bool, int], str] = {}
_SHOWN_MAX = 16384


def _fmt_decimal(x: Fraction, n: int, d: int, places: int, group: bool, trim: bool, times: int) -> str:
    scale = _POW10[places] if places < 12 else 10**places
    q, r = divmod((n if n >= 0 else -n) * scale * times, d)
    if 2 * r >= d:
        q += 1
    whole, frac = divmod(q, scale)
    if whole.bit_length() > _SHOWN_BITS and whole >= _SHOWN_LIMIT:
        return fmt_scientific(x * times)
    if q == 0 and n != 0 and trim:
        return fmt_scientific(x * times)
    body = f"{whole:,}" if group else str(whole)
    if places:
        frac_s = str(frac).rjust(places, "0")
        if trim:
            frac_s = frac_s.rstrip("0")
        if frac_s:
            body += "." + frac_s
    return (MINUS if n < 0 and q != 0 else "") + body


_SHOWN_LIMIT = 10**MAX_SHOWN_DIGITS
_SHOWN_BITS = _SHOWN_LIMIT.bit_length() - 1


def decimal_exponent(x: Fraction) -> int:
    """``e`` with ``10^e <= |x| < 10^(e+1)``, for ``x != 0``, in integer arithmetic (no
    conversion to text, whatever the size)."""
    n, d = abs(x.numerator), x.denominator
    # log10(2) is 0.30103 to five places: a first guess off by at most one or two.
    e = ((n.bit_length() - d.bit_length()) * 30103) // 100000
    while _pow10_le(e + 1, n, d):
        e += 1
    while not _pow10_le(e, n, d):
        e -= 1
    return e


def _pow10_le(e: int, n: int, d: int) -> bool:
    """Whether ``10^e <= n/d``."""
    return d * 10**e <= n if e >= 0 else d <= n * 10**-e


def fmt_scientific(x: Fraction, digits: int = E_DIGITS) -> str:
    """``x`` in E notation to ``digits`` significant digits, rounded half away from
    zero and trimmed: "1e−30", "−2.5e12", "1.23e3000" (a true minus sign, no "+")."""
    if x == 0:
        return "0"
    e = decimal_exponent(x)
    shift = digits - 1 - e  # |x| × 10^shift has `digits` whole digits
    n, d = abs(x.numerator), x.denominator
    if shift >= 0:
        n *= 10**shift
    else:
        d *= 10**-shift
    q, r = divmod(n, d)
    if 2 * r >= d:
        q += 1
    if q >= 10**digits:  # 9.995 → 10.0: one more power of ten
        q //= 10
        e += 1
    lead, rest = divmod(q, 10 ** (digits - 1))
    mantissa = str(lead)
    tail = str(rest).rjust(digits - 1, "0").rstrip("0") if digits > 1 else ""
    if tail:
        mantissa += "." + tail
    exponent = (MINUS + str(-e)) if e < 0 else str(e)
    return (MINUS if x < 0 else "") + mantissa + "e" + exponent


def int_text(n: int) -> str:
    """An int as decimal text, whatever its size: ``str()`` refuses more than 4,300
    digits; :mod:`decimal` converts without that limit (exact, for machine formats)."""
    if n.bit_length() < 14_000:
        return str(n)
    import decimal

    return format(decimal.Decimal(n), "f")


def fraction_text(x: Fraction) -> str:
    """``str(x)`` ("-13/68", "36720") for a fraction of any size."""
    if x.denominator == 1:
        return int_text(x.numerator)
    return f"{int_text(x.numerator)}/{int_text(x.denominator)}"


def fmt_count(x: Fraction) -> str:
    """A count: whole numbers with commas ("36,720"), others to two decimals, trimmed."""
    if x.denominator == 1:
        return fmt_decimal(x, 0)
    return fmt_decimal(x, 2, trim=True)


def fmt_percent(x: Fraction, places: int = 2) -> str:
    """A fraction shown as a percent: 0.19117... → "19.12%"."""
    return fmt_decimal(x, places, times=100) + "%"


def fmt_signed_percent(x: Fraction, places: int = 2) -> str:
    """A change shown with its sign: "+25.00%", "−19.12%"."""
    s = fmt_percent(x, places)
    return s if s.startswith(MINUS) or x == 0 else "+" + s


def fmt_interval(iv: Interval, fmt=fmt_count) -> str:
    """"30,500 to 31,500"; unbounded sides are written as such."""
    if iv.lo is None and iv.hi is None:
        return "unbounded (a divisor's rounding interval contains 0)"
    lo = "−∞" if iv.lo is None else fmt(iv.lo)
    hi = "+∞" if iv.hi is None else fmt(iv.hi)
    return f"{lo} to {hi}"
