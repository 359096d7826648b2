"""Bands: what a claimed figure accepts, built from the hedge table, and the decision.

Every band comes from :data:`claimcheck.verdicts.hedges.RULES` (overridable by a claim
file's ``tolerance:`` with ``rule.param`` keys); this module holds no band numbers of
its own. A band is a range of magnitudes on the claim's scale, edges inside unless the
rule is strict by its words ("more than X" is V > X), compared exactly.

The decision: *accurate* when the accurate band holds the point value (the inputs as
written); *approximate* when the accurate band only overlaps the rounding interval (the
inputs' rounding carried through), or the approximate band holds the point;
*inaccurate* otherwise. A hedge never makes a figure stricter than the bare number
("about 5%" accepts what "5%" does).
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from fractions import Fraction
from typing import TYPE_CHECKING, Literal, Mapping

from claimcheck.numbers import Interval, fmt_decimal
from claimcheck.verdicts import hedges
from claimcheck.verdicts.show import ZERO, Fmt, iv_text

if TYPE_CHECKING:
    from claimcheck.figures import ClaimedFigure


@dataclass(frozen=True, slots=True)
class Band:
    """A band of magnitudes; ``None`` is unbounded; edges are inside unless marked open."""

    lo: Fraction | None
    hi: Fraction | None
    lo_open: bool = False
    hi_open: bool = False

    def holds(self, x: Fraction) -> bool:
        # compared as integers, x ≶ lo as xn·ld ≶ ln·xd (denominators are positive):
        # a Fraction comparison asks the numbers.Rational ABC first, on every call
        xn, xd = x.numerator, x.denominator
        lo, hi = self.lo, self.hi
        if lo is not None:
            left, right = xn * lo.denominator, lo.numerator * xd
            if left < right or (self.lo_open and left == right):
                return False
        if hi is not None:
            left, right = xn * hi.denominator, hi.numerator * xd
            if left > right or (self.hi_open and left == right):
                return False
        return True

    def overlaps(self, iv: Interval) -> bool:
        if self.lo is not None and iv.hi is not None:
            if iv.hi < self.lo or (self.lo_open and iv.hi == self.lo):
                return False
        if self.hi is not None and iv.lo is not None:
            if iv.lo > self.hi or (self.hi_open and iv.lo == self.hi):
                return False
        return True

    def above_zero(self) -> Band:
        """The band cut to changes in the claimed direction (magnitude above 0)."""
        if self.lo is not None and self.lo > 0:
            return self
        return Band(ZERO, self.hi, True, self.hi_open)

    def text(self, fmt: Fmt, places: int) -> str:
        lo = None if self.lo is None else fmt(self.lo, places)
        hi = None if self.hi is None else fmt(self.hi, places)
        if lo is not None and hi is not None:
            if not self.lo_open and not self.hi_open:
                return lo if self.lo == self.hi else f"{lo}–{hi}"
            left = f"above {lo}" if self.lo_open else f"{lo} or more"
            right = f"below {hi}" if self.hi_open else f"at most {hi}"
            return f"{left} and {right}"
        if lo is not None:
            return f"above {lo}" if self.lo_open else f"{lo} or more"
        if hi is not None:
            return f"below {hi}" if self.hi_open else f"{hi} or less"
        return "any value"


@dataclass(frozen=True, slots=True)
class Bands:
    """A rule's accurate and approximate bands for one claimed number."""

    rule: hedges.HedgeRule
    accurate: Band
    approximate: Band
    widened: bool = False  # a hedge band widened to the bare figure's own band
    #: The rule's parameters the file set (a claim's ``tolerance:``, a check's ``within:``),
    #: as (parameter, value): the rule's words give the defaults, these replace them.
    overrides: tuple[tuple[str, Fraction], ...] = ()


def hull(a: Band, b: Band) -> Band:
    """The smallest band holding both (the approximate band always holds the accurate one)."""
    if a.lo is None or b.lo is None:
        lo, lo_open = None, False
    elif a.lo == b.lo:
        lo, lo_open = a.lo, a.lo_open and b.lo_open
    else:
        lo, lo_open = (a.lo, a.lo_open) if a.lo < b.lo else (b.lo, b.lo_open)
    if a.hi is None or b.hi is None:
        hi, hi_open = None, False
    elif a.hi == b.hi:
        hi, hi_open = a.hi, a.hi_open and b.hi_open
    else:
        hi, hi_open = (a.hi, a.hi_open) if a.hi > b.hi else (b.hi, b.hi_open)
    return Band(lo, hi, lo_open, hi_open)


#: Bands already built, by rule, claimed number, precision and the file's parameters. A
#: hedge's bands are a pure function of these, and a corpus repeats them (10,000 claims
#: of the benchmark ask for 12,957 bands, 740 of them different); bounded, so memory stays flat.
_BANDS: dict[tuple, Bands] = {}
_BANDS_MAX = 4096


def bands_for(rule: hedges.HedgeRule, x: Fraction | None, u: Fraction, tol: Mapping[str, Fraction] | None,
              multiple: bool = False) -> Bands:
    """:func:`rule_bands`, with the parameters the file set for ``rule`` recorded, so the
    rule's sentence can say them (its words state the defaults)."""
    key = (rule.name, None if x is None else (x.numerator, x.denominator), u.numerator, u.denominator,
           tuple((k, v.numerator, v.denominator) for k, v in tol.items()) if tol else None, multiple)
    hit = _BANDS.get(key)
    if hit is not None and hit.rule is rule:
        return hit
    bands = _bands_for(rule, x, u, tol, multiple)
    if len(_BANDS) >= _BANDS_MAX:
        _BANDS.clear()
    _BANDS[key] = bands
    return bands


def _bands_for(rule: hedges.HedgeRule, x: Fraction | None, u: Fraction, tol: Mapping[str, Fraction] | None,
               multiple: bool) -> Bands:
    bands = rule_bands(rule, x, u, tol, multiple)
    prefix = rule.name + "."
    set_here = tuple(
        (key[len(prefix):], value) for key, value in sorted((tol or {}).items())
        if key.startswith(prefix) and key[len(prefix):] in rule.params
        and value != rule.params[key[len(prefix):]].default
    )
    return replace(bands, overrides=set_here) if set_here else bands


def rule_bands(rule: hedges.HedgeRule, x: Fraction | None, u: Fraction, tol: Mapping[str, Fraction] | None,
               multiple: bool = False) -> Bands:
    """The accurate and approximate bands of ``rule`` for claimed magnitude ``x``.

    A hedge never makes a figure stricter than the bare number written: "about 5%" and
    "nearly 5%" accept at least what "5%" does (±u/2 accurate, ±u approximate), or
    "about 5%" would fail 5.6% that a bare "5%" passes as approximate. For a multiple
    the bare band is the ``multiple`` rule's (within 5% of N), not the factor's digits:
    "nearly doubled" must not accept 1.5 because "doubled" is written to u = 1.
    """
    p = lambda key: rule.param(key, tol)  # noqa: E731
    if multiple and x is not None:
        mult = hedges.rule("multiple")
        half = x * mult.param("accurate", tol)
        whole = x * mult.param("approximate", tol)
    else:
        exact = hedges.rule("exact")
        half = u * exact.param("accurate_units", tol)
        whole = u * exact.param("approximate_units", tol)
    name = rule.name
    if name in ("slightly", "sharply"):
        a, b = p("accurate"), p("approximate")
        if name == "slightly":
            return Bands(rule, Band(ZERO, a), hull(Band(ZERO, a), Band(ZERO, b)))
        return Bands(rule, Band(a, None), hull(Band(a, None), Band(b, None)))
    assert x is not None
    if name == "exact":
        wide = max(whole, x * p("approximate_share"))
        return Bands(rule, Band(x - half, x + half), Band(x - wide, x + wide))
    if name == "multiple":
        a, b = p("accurate"), p("approximate")
        acc = Band(x * (1 - a), x * (1 + a))
        return Bands(rule, acc, hull(acc, Band(x * (1 - b), x * (1 + b))))
    if name in ("nearly", "as_many_as"):
        lo = x * (1 - p("accurate_below"))
        acc = Band(min(lo, x - half), x + half)
        appr = Band(min(x * (1 - p("approximate_below")), x - whole), max(x * (1 + p("approximate_above")), x + whole))
        return Bands(rule, acc, hull(acc, appr), widened=x - half < lo)
    if name == "about":
        wa = max(half, x * p("accurate"))
        wb = max(whole, x * p("approximate"))
        acc = Band(x - wa, x + wa)
        return Bands(rule, acc, hull(acc, Band(x - wb, x + wb)), widened=half > x * p("accurate"))
    if name == "just_over":
        hi = x * (1 + p("accurate_above"))
        acc = Band(x, max(hi, x + half))
        appr = Band(x * (1 - p("approximate_below")), max(x * (1 + p("approximate_above")), x + whole))
        return Bands(rule, acc, hull(acc, appr), widened=x + half > hi)
    if name in ("more_than", "at_least"):
        acc = Band(x, None, lo_open=name == "more_than")
        return Bands(rule, acc, hull(acc, Band(x * (1 - p("approximate_below")), None)))
    if name in ("less_than", "at_most"):
        acc = Band(None, x, hi_open=name == "less_than")
        return Bands(rule, acc, hull(acc, Band(None, x * (1 + p("approximate_above")))))
    raise ValueError(f"hedge rule {name!r} has no band")  # pragma: no cover - table and code agree


def fits(rule: hedges.HedgeRule, x: Fraction, u: Fraction, value: Fraction,
         tol: Mapping[str, Fraction] | None) -> str | None:
    """"accurate", "approximate" or None: a value against the claimed number's bands.

    Only a rule that pins a number on both sides can be *matched* by another reading of
    the arithmetic: "a majority" (more than 50%) fits 48.75 × 100 as well as anything
    large, so it says nothing about a slip of scale.
    """
    b = bands_for(rule, x, u, tol)
    if b.approximate.lo is None or b.approximate.hi is None or b.approximate.lo <= 0:
        return None
    if b.accurate.holds(value):
        return "accurate"
    if b.approximate.holds(value):
        return "approximate"
    return None


def matches(rule: hedges.HedgeRule, x: Fraction, u: Fraction, value: Fraction,
            tol: Mapping[str, Fraction] | None) -> bool:
    """Whether another reading of the arithmetic fits the claim as written (its accurate band)."""
    return fits(rule, x, u, value, tol) == "accurate"


def orient_value(value: Fraction, direction: str) -> Fraction | None:
    """A signed change as a magnitude in the claimed direction; None when it goes the other way."""
    if direction == "down":
        value = -value
    elif direction == "none":
        value = abs(value)
    return value if value >= 0 else None


def rule_of(figure: ClaimedFigure) -> hedges.HedgeRule:
    """The hedge rule a figure's words select ("exact" for a bare number)."""
    name = figure.qualifier or "exact"
    if figure.unit == "multiple" and name == "exact":
        name = "multiple"
    if name not in hedges.BY_NAME:
        raise ValueError(f"unknown hedge rule {name!r} on figure {figure.text!r}")
    return hedges.rule(name)


def rule_text(figure: ClaimedFigure, b: Bands, fmt: Fmt, places: int, label: str | None = None) -> str:
    """The rule with real numbers: '"nearly 20%" accepts 18.00%–20.50% (nearly: …)…'."""
    r = b.rule
    acc = b.accurate.text(fmt, places)
    appr = b.approximate.text(fmt, places)
    said = ""
    if b.overrides:
        said = "; this file sets " + ", ".join(
            f"{key.replace('_', ' ')} to "
            + (fmt_decimal(value * 100, 2, trim=True) + "% of X" if r.params[key].percent
               else fmt_decimal(value, 2, trim=True) + "×u")
            for key, value in b.overrides
        )
    text = f'"{label or figure.text}" accepts {acc} ({r.name}: {r.accurate}{said})'
    if b.widened:
        text += ", widened to the bare figure's own rounding"
    text += f", approximate {appr}"
    if b.accurate.lo_open or b.accurate.hi_open:
        text += "; edges count as inside unless the band says above or below"
    else:
        text += "; band edges count as inside"
    return text


@dataclass(frozen=True, slots=True)
class Decision:
    """A verdict from the bands, and the sentence that says which band decided."""

    verdict: Literal["accurate", "approximate", "inaccurate"]
    by_interval: bool  # approximate only because the accurate band overlaps the interval
    sentence: str


def decide(b: Bands, point: Fraction, iv: Interval, fmt: Fmt, places: int, what: str, note: str | None) -> Decision:
    """Judge ``point`` (and its rounding interval ``iv``) against the bands."""
    shown = fmt(point, places)
    acc = b.accurate.text(fmt, places)
    conv = f" ({note})" if note else ""
    exact_iv = iv.lo == point == iv.hi
    if b.accurate.holds(point):
        return Decision("accurate", False, f"The accurate band {acc} holds {what}, {shown}{conv}.")
    if not exact_iv and b.accurate.overlaps(iv):
        return Decision(
            "approximate",
            True,
            f"The accurate band {acc} does not hold {what}, {shown}{conv}, but overlaps the "
            f"interval the inputs' rounding allows, {iv_text(iv, fmt, places)}.",
        )
    appr = b.approximate.text(fmt, places)
    if b.approximate.holds(point):
        return Decision(
            "approximate", False,
            f"The approximate band {appr} holds {what}, {shown}{conv}; the accurate band {acc} does not.",
        )
    tail = "" if exact_iv else f", and the accurate band does not reach the rounding interval {iv_text(iv, fmt, places)}"
    return Decision(
        "inaccurate", False,
        f"Neither the accurate band {acc} nor the approximate band {appr} holds {what}, {shown}{conv}{tail}.",
    )
