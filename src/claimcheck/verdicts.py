"""Verdicts: a claimed figure against a recomputed value.

It is longer than the other modules on purpose, for now: every band, measure and
diagnosis of a verdict is here, so that one decision is read in one place; the numbers a
phrase names are checked here too, and what would make a wrong claim right is solved in
:mod:`claimcheck.backsolve`.

This module owns the comparison and the diagnoses a careful fact-checker makes. It reads
every band from :data:`claimcheck.hedges.RULES` (overridable by ``tolerance`` with
``rule.param`` keys) and holds no band numbers of its own.

The decision: *accurate* when the accurate band holds the point value (the
inputs as written); *approximate* when the accurate band only overlaps the rounding
interval (the inputs' rounding carried through), or the approximate band holds the point;
*inaccurate* otherwise. Band edges count as inside (exact :class:`~fractions.Fraction`
comparisons), except where a rule is strict by its words ("more than X" is V > X).
*unverifiable* when the claim and the computation measure different things (a count
against a ratio): never a false "inaccurate".

Claims and results are brought to one scale before comparing:

* a percent change ("down 10%") against a percent change, a ratio (change = ratio − 1), or
  the change between the two arguments of a two-argument change function;
* a multiple ("doubled") against a ratio or a percent change (ratio = 1 + change);
* a level ("about 71%", "more than 18,000") against a level of the same family;
* a change in points against a points result, or the difference of two percent inputs;
* words alone ("dipped slightly", "plunged") against the size of the percent change.

Changes are compared by magnitude; the direction is checked separately (a change in the
opposite direction is outside every band, and says so).

Where the computation, not the claim, looks wrong, the verdict is held at *approximate*
with a diagnosis rather than called inaccurate: a percent computed ×100 by free
arithmetic, or ``ratio(a, b)`` written upside down when ``b ÷ a`` fits the claim. A hedge
never makes a figure stricter than the bare number ("about 5%" accepts what "5%" does),
and a hedged shrinking multiple is read on the factor of the fall ("more than halved" is
old ÷ new > 2).

Diagnoses, each a sentence with the real numbers: wrong direction (or no change);
percent vs percentage points, either way round; wrong base (the change over the new
value); unequal periods (totals over 30 days against 27, with the per-day comparison);
consistent only within the inputs' rounding (which inputs reach the claim) with what
would settle it; "more than X" true but understated; a value 100× or 1/100× the claim; a
rounded figure or a word that overstates or understates; an upside-down ratio; "N times
more" that fits only its literal reading, 1 + N times (held at approximate); a count or sum
with a scale word against a computation in that scale's units ("$360 billion" against
``diff(3132, 2772)``, held at approximate). A claim in bare "points" against ``diff()`` of
two plain numbers above 100 is read in index points.

A level written with the change ("rose by 0.3 percentage points to 4.2%") is checked
against the new (old) argument of a two-argument change function at the level's own
precision; the verdict is the worse of the two. A level in other units (a factor of 100 to
10^12) is noted, not held against the claim; one the computation cannot show is reported
as not checked. "6.5 per 100,000 people" against a share is read as 6.5 ÷ 100,000.

A phrase as published names more numbers: its endpoints, the base of a comparison ("17
percent less than the 392"), the part and whole of a share. Each is checked against the
matching input (the old value for a base, the whole of a share), and one that differs is
its own diagnosis ("The claim names 392 as its base; compute uses 282."); a copied number
is close only one digit off. A phrase that names only a level ("to 12.4 million") is
judged on it; against a computation with no change function, a level after a direction
("increased to 4.2 billion euro") is the claimed figure. A second quantity joined by "or"
is judged against the same computation, with the first's direction (:attr:`Judgement.also`).

For an inaccurate claim with no other reading that explains it (wrong base, points, ×100,
upside-down ratio, unequal periods), :func:`claimcheck.backsolve.back_solve` says what
would make it accurate (:attr:`Judgement.solved`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from fractions import Fraction
from math import gcd
from types import MappingProxyType
from typing import Callable, Literal, Mapping

from claimcheck import hedges, lexicon
from claimcheck.backsolve import Solved, back_solve
from claimcheck.expr import Evaluation, Operand
from claimcheck.figures import ClaimedFigure, Level
from claimcheck.numbers import MINUS, Interval, Value, Written, fmt_decimal, fmt_interval
from claimcheck.results import VERDICTS, VerdictName

__all__ = ["Judgement", "LevelCheck", "judge", "level_checks", "compare_recorded", "show_value", "CHANGE_FUNCS"]

ZERO = Fraction(0)
ONE = Fraction(1)
HUNDRED = Fraction(100)


_ORDER = {"accurate": 0, "approximate": 1, "inaccurate": 2}

# A unit that already is a rate: totals over unequal periods do not apply to it.
_RATE_UNIT = re.compile(r"/|\b(?:" + lexicon.alternation(lexicon.RATE_UNIT_WORDS) + r")\b", re.I)


@dataclass(frozen=True, slots=True)
class Judgement:
    """A verdict on one claimed figure, with everything a report shows about it."""

    verdict: VerdictName
    """accurate, approximate, inaccurate or unverifiable."""
    rule_name: str
    """The hedge rule applied: a name in :data:`claimcheck.hedges.RULES` ("nearly")."""
    rule: str
    """The band with real numbers: '"nearly 20%" accepts 18.00%–20.50% (nearly: …)'."""
    decided_by: str
    """One sentence: which band held the point, or only overlapped the interval."""
    value_text: str
    """The recomputed value as shown, in the computation's own terms: "−19.12%"."""
    interval_text: str | None
    """The interval the inputs' rounding allows ("−15.87% to −9.84%"); None when exact."""
    diagnoses: tuple[str, ...] = ()
    """Plain sentences with the real numbers: what a fact-checker would point out."""
    settle: str | None = None
    """What evidence would settle it, when the verdict rests on the inputs' rounding."""
    compared: Fraction | None = None
    """The magnitude compared with the bands (on the claim's scale), exact."""
    also: tuple[Judgement, ...] = ()
    """The second quantity of the claim ("a rise of 7 per cent or 2,300 more homes"),
    judged against the same computation."""
    solved: tuple[Solved, ...] = ()
    """For an inaccurate claim, what would make it accurate (swapped inputs, a digit slip,
    a solved input), typed; their sentences are also in ``diagnoses``."""


def compare_recorded(recorded: str | None, verdict: str) -> str | None:
    """The failure sentence when a recorded (published) verdict differs from ours, else None."""
    if recorded is None:
        return None
    rec = recorded.strip().lower()
    if rec not in VERDICTS:
        raise ValueError(f"unknown recorded verdict {recorded!r}; expected one of {', '.join(VERDICTS)}")
    if rec == verdict:
        return None
    return f"recorded as {rec}, but the arithmetic gives {verdict}"


# --- scales ----------------------------------------------------------------------------

Scale = Literal["change", "level", "points", "multiple", "amount", "word"]


def _times_100(x: Fraction) -> Fraction:
    # The hot path of every report line: skip Fraction's generic multiply and its gcd.
    n, d = x.numerator, x.denominator
    g = gcd(100, d)
    return Fraction(n * (100 // g), d // g)


def _fmt_pct(x: Fraction, places: int = 2) -> str:
    return fmt_decimal(_times_100(x), places) + "%"


def _fmt_points(x: Fraction, places: int = 2) -> str:
    return fmt_decimal(_times_100(x), places) + " points"


def _fmt_multiple(x: Fraction, places: int = 2) -> str:
    return fmt_decimal(x, places)


def _fmt_amount(x: Fraction, places: int = 2) -> str:
    if x.denominator == 1:
        return fmt_decimal(x, 0)
    return fmt_decimal(x, places, trim=True)


def _scale_of(x: Fraction) -> int:
    """How many decimals show ``x`` on its display scale (at least 2, at most 4)."""
    d = x.denominator  # in lowest terms: x × 10^p is whole exactly when d divides 10^p
    for p in (2, 3, 4):
        if 10**p % d == 0:
            return p
    return 4


@dataclass(frozen=True, slots=True)
class _Fmt:
    """How numbers on one scale are written: the function and how many decimals."""

    fn: Callable[[Fraction, int], str]
    factor: Fraction  # display = x × factor before counting decimals

    def __call__(self, x: Fraction, places: int | None = None) -> str:
        return self.fn(x, 2 if places is None else places)

    def places(self, *xs: Fraction | None) -> int:
        scaled = (_times_100 if self.factor == HUNDRED else (lambda x: x))
        return max([2] + [_scale_of(scaled(x)) for x in xs if x is not None])


PCT = _Fmt(_fmt_pct, HUNDRED)
POINTS = _Fmt(_fmt_points, HUNDRED)
MULT = _Fmt(_fmt_multiple, ONE)
AMOUNT = _Fmt(_fmt_amount, ONE)


def _signed(fmt: _Fmt, x: Fraction, places: int | None = None) -> str:
    s = fmt(x, places)
    return s if s.startswith(MINUS) or x == 0 else "+" + s


def show_value(ev: Evaluation) -> tuple[str, str | None]:
    """The recomputed value and its rounding interval as a report shows them."""
    kind = ev.kind
    v = ev.value
    if kind == "percent":
        fmt, text = PCT, _signed(PCT, v.point)
    elif kind == "points":
        fmt, text = POINTS, _signed(POINTS, v.point)
    elif kind == "share":
        fmt, text = PCT, PCT(v.point)
    elif kind == "ratio":
        text = fmt_decimal(v.point, 3) + "×"
        if v.is_exact:
            return text, None
        return text, fmt_interval(v.interval, lambda x: fmt_decimal(x, 3) + "×")
    elif kind == "number" and v.point.denominator != 1 and abs(v.point) < 1:
        return fmt_decimal(v.point, 4, trim=True), (
            None if v.is_exact else fmt_interval(v.interval, lambda x: fmt_decimal(x, 4, trim=True))
        )
    else:
        fmt, text = AMOUNT, AMOUNT(v.point)
    if v.is_exact:
        return text, None
    return text, fmt_interval(v.interval, lambda x: fmt(x))


# --- bands -----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Band:
    """A band of magnitudes; ``None`` is unbounded; edges are inside unless marked open."""

    lo: Fraction | None
    hi: Fraction | None
    lo_open: bool = False
    hi_open: bool = False

    def holds(self, x: Fraction) -> bool:
        if self.lo is not None and (x < self.lo or (self.lo_open and x == self.lo)):
            return False
        if self.hi is not None and (x > self.hi or (self.hi_open and x == self.hi)):
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

    def above_zero(self) -> _Band:
        """The band cut to changes in the claimed direction (magnitude above 0)."""
        if self.lo is not None and self.lo > 0:
            return self
        return _Band(ZERO, self.hi, True, self.hi_open)

    def text(self, fmt: _Fmt, places: int) -> str:
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
class _Bands:
    rule: hedges.HedgeRule
    accurate: _Band
    approximate: _Band
    widened: bool = False  # a hedge band widened to the bare figure's own band


def _hull(a: _Band, b: _Band) -> _Band:
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
    return _Band(lo, hi, lo_open, hi_open)


def _bands(rule: hedges.HedgeRule, x: Fraction | None, u: Fraction, tol: Mapping[str, Fraction] | None,
           multiple: bool = False) -> _Bands:
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
            return _Bands(rule, _Band(ZERO, a), _hull(_Band(ZERO, a), _Band(ZERO, b)))
        return _Bands(rule, _Band(a, None), _hull(_Band(a, None), _Band(b, None)))
    assert x is not None
    if name == "exact":
        wide = max(whole, x * p("approximate_share"))
        return _Bands(rule, _Band(x - half, x + half), _Band(x - wide, x + wide))
    if name == "multiple":
        a, b = p("accurate"), p("approximate")
        acc = _Band(x * (1 - a), x * (1 + a))
        return _Bands(rule, acc, _hull(acc, _Band(x * (1 - b), x * (1 + b))))
    if name in ("nearly", "as_many_as"):
        lo = x * (1 - p("accurate_below"))
        acc = _Band(min(lo, x - half), x + half)
        appr = _Band(min(x * (1 - p("approximate_below")), x - whole), max(x * (1 + p("approximate_above")), x + whole))
        return _Bands(rule, acc, _hull(acc, appr), widened=x - half < lo)
    if name == "about":
        wa = max(half, x * p("accurate"))
        wb = max(whole, x * p("approximate"))
        acc = _Band(x - wa, x + wa)
        return _Bands(rule, acc, _hull(acc, _Band(x - wb, x + wb)), widened=half > x * p("accurate"))
    if name == "just_over":
        hi = x * (1 + p("accurate_above"))
        acc = _Band(x, max(hi, x + half))
        appr = _Band(x * (1 - p("approximate_below")), max(x * (1 + p("approximate_above")), x + whole))
        return _Bands(rule, acc, _hull(acc, appr), widened=x + half > hi)
    if name in ("more_than", "at_least"):
        acc = _Band(x, None, lo_open=name == "more_than")
        return _Bands(rule, acc, _hull(acc, _Band(x * (1 - p("approximate_below")), None)))
    if name in ("less_than", "at_most"):
        acc = _Band(None, x, hi_open=name == "less_than")
        return _Bands(rule, acc, _hull(acc, _Band(None, x * (1 + p("approximate_above")))))
    raise ValueError(f"hedge rule {name!r} has no band")  # pragma: no cover - table and code agree


# --- measures: the computed value brought to the claim's scale ---------------------------

#: Functions whose two arguments are an old and a new value, by (old, new) positions:
#: ``pct_change(old, new)``, ``pp_change(old, new)``, ``diff(old, new)``, ``ratio(a, b)``
#: = a ÷ b, so ``ratio(new, old)``. With them one scale converts into another.
CHANGE_FUNCS: Mapping[str, tuple[int, int]] = MappingProxyType(
    {"pct_change": (0, 1), "pp_change": (0, 1), "diff": (0, 1), "ratio": (1, 0)}
)

Via = Literal["rel", "ratio", "diff", "diff100"]


@dataclass(frozen=True, slots=True)
class _Change:
    """The old and new values behind a change function, with their operands."""

    old: Value
    new: Value
    old_op: Operand | None
    new_op: Operand | None

    def of(self, via: Via, old: Value | None = None, new: Value | None = None) -> Value | None:
        """The change ``via`` one formula; each argument used once, so intervals are tight."""
        o = self.old if old is None else old
        n = self.new if new is None else new
        if via == "diff":
            return n - o
        if via == "diff100":
            return (n - o) / Value.exact(HUNDRED)
        if o.point == 0:
            return None
        r = n / o
        return r if via == "ratio" else r - Value.exact(1)

    def written(self, i: int) -> str:
        op = self.old_op if i == 0 else self.new_op
        v = self.old if i == 0 else self.new
        if op is not None and op.written is not None and op.written.percent:
            return op.written.text
        if (op is None or op.written is None) and self.percentish():
            return _pct_plain(v.point)  # a literal such as 25% reaches us as 1/4
        return _fmt_amount(v.point) if not (0 < abs(v.point) < 1) else fmt_decimal(v.point, 4, trim=True)

    def percentish(self) -> bool:
        """Whether both inputs are percent levels or shares, so a point change means something.

        A figure written with % or with unit "%" is; a literal (no operand) between 0 and 1
        is read as a share, since counts and rates in the news are larger.
        """
        for op, v in ((self.old_op, self.old), (self.new_op, self.new)):
            if op is not None and op.written is not None and op.written.percent:
                continue
            if op is not None and op.unit and re.search(r"%|percent|share", op.unit, re.I):
                continue
            if (op is None or op.written is None or op.written.decimal) and 0 <= v.point <= 1:
                continue
            return False
        return True

    def percent_numbers(self) -> bool:
        """Whether both inputs could be percentages written without % (3.5 and 4.1)."""
        return not self.percentish() and all(0 <= v.point <= 100 for v in (self.old, self.new))


@dataclass(frozen=True, slots=True)
class _Measure:
    """The computed value on the claim's scale."""

    signed: Value  # signed, on the claim's scale
    fmt: _Fmt
    what: str  # "the percent change", "the ratio"
    note: str | None = None  # how it was converted, for the decided_by sentence
    is_change: bool = False  # a change: compared by magnitude, its direction checked apart
    change: _Change | None = None
    via: Via | None = None  # how ``signed`` follows from the change's old and new values


@dataclass(frozen=True, slots=True)
class _Mismatch:
    reason: str


def _change_of(ev: Evaluation) -> _Change | None:
    pos = CHANGE_FUNCS.get(ev.func or "")
    if pos is None or len(ev.args) != 2:
        return None
    ops = tuple(ev.arg_operands) + (None, None)
    i, j = pos
    return _Change(ev.args[i], ev.args[j], ops[i], ops[j])


_KIND_WORDS = {
    "percent": "a percentage",
    "points": "a change in percentage points",
    "ratio": "a ratio",
    "share": "a share",
    "count": "a count",
    "rate": "a rate",
    "money": "an amount of money",
    "number": "a plain number",
}


def _kind_words(ev: Evaluation) -> str:
    v, _ = show_value(ev)
    words = "a percent change" if ev.func == "pct_change" else _KIND_WORDS.get(ev.kind, ev.kind)
    return f"{words} ({v})"


def _claim_words(figure: ClaimedFigure) -> str:
    if figure.value is None:
        return "a change in words"
    changed = figure.direction != "none"
    return {
        "percent": "a percent change" if changed else "a percentage",
        "points": "a change in percentage points",
        "count": "a change in a count" if changed else "a count",
        "rate": "a change in a rate" if changed else "a rate",
        "money": "a change in money" if changed else "an amount of money",
        "multiple": "a multiple",
        "share": "a share",
    }.get(figure.unit, figure.unit)


_FIX = {
    "change": "compute the change itself, e.g. pct_change(old, new)",
    "word": "compute the change itself, e.g. pct_change(old, new)",
    "level": "compute the share itself, e.g. share(part, whole)",
    "points": "compute the change in points, e.g. pp_change(old%, new%)",
    "multiple": "compute the ratio itself, e.g. ratio(new, old)",
    "amount": "compute the count itself, e.g. diff(old, new) for a change",
}


def _measure(figure: ClaimedFigure, ev: Evaluation, scale: Scale) -> _Measure | _Mismatch:
    kind, v = ev.kind, ev.value
    ch = _change_of(ev)
    pct_change = ev.func == "pct_change"
    mismatch = _Mismatch(
        f'The claim "{figure.text}" is {_claim_words(figure)}, but the computation gives '
        f"{_kind_words(ev)}; they measure different things and cannot be compared ({_FIX[scale]})."
    )

    def derived(what: str, fmt: _Fmt, via: Via, note: str, is_change: bool = True) -> _Measure | _Mismatch:
        assert ch is not None
        val = ch.of(via)
        if val is None:
            return _Mismatch(
                f"The old value is 0, so {what} from {ch.written(0)} to {ch.written(1)} is undefined; "
                "the claim cannot be checked against it."
            )
        return _Measure(val, fmt, what, note, is_change, ch, via)

    move = "" if ch is None else f"{ch.written(0)} → {ch.written(1)}"
    if scale in ("change", "word"):
        if pct_change:
            return _Measure(v, PCT, "the percent change", None, True, ch, "rel")
        if kind == "ratio":
            return _Measure(v - Value.exact(1), PCT, "the percent change", "the ratio − 1", True, ch, "rel" if ch else None)
        if ch is not None:
            return derived("the percent change", PCT, "rel", f"the percent change {move}")
        if kind in ("percent", "number"):
            # a change given directly: a figure "−12.9%" or free arithmetic (a − b) ÷ b
            return _Measure(v, PCT, "the computed change", None, True)
        return mismatch
    if scale == "level":
        if pct_change:
            return _Measure(v, PCT, "the percent change", None, True, ch, "rel")
        if kind in ("share", "number", "ratio", "percent"):
            return _Measure(v, PCT, "the ratio" if kind == "ratio" else "the computed share", None, False, ch,
                            "ratio" if kind == "ratio" and ch else None)
        if ch is not None and kind == "points":
            return derived("the percent change", PCT, "rel", f"the percent change {move}")
        return mismatch
    if scale == "points":
        if ch is not None and ch.percent_numbers() and kind in ("points", "count", "number", "percent", "ratio"):
            return derived("the change in points", POINTS, "diff100",
                           f"{ch.written(1)} − {ch.written(0)}, reading both as percentages written without %")
        if kind == "points":
            return _Measure(v, POINTS, "the change in points", None, True, ch, "diff" if ch else None)
        if ch is not None and ch.percentish():
            return derived("the change in points", POINTS, "diff", f"{ch.written(1)} − {ch.written(0)}")
        if kind == "number" and ch is None:
            return _Measure(v, POINTS, "the computed change", None, True)
        if ch is not None:
            return _Mismatch(
                f'The claim "{figure.text}" is a change in percentage points, but the inputs '
                f"{ch.written(0)} and {ch.written(1)} are not percents or shares; write them with %."
            )
        return mismatch
    if scale == "multiple":
        if kind == "ratio":
            return _Measure(v, MULT, "the ratio", None, False, ch, "ratio" if ch else None)
        if pct_change:
            return _Measure(v + Value.exact(1), MULT, "the ratio", "1 + the percent change", False, ch, "ratio")
        if ch is not None:
            return derived("the ratio", MULT, "ratio", f"{ch.written(1)} ÷ {ch.written(0)}", False)
        if kind == "number":
            return _Measure(v, MULT, "the computed ratio", None, False)
        return mismatch
    # amount: counts, rates, money
    changed = figure.direction != "none"
    if kind in ("count", "rate", "money", "number"):
        is_change = changed or (ch is not None)
        return _Measure(v, AMOUNT, "the computed change" if is_change else "the computed value", None, is_change,
                        ch, "diff" if ch is not None and ev.func == "diff" else None)
    if ch is not None and changed and kind != "points":
        return derived("the change", AMOUNT, "diff", f"{ch.written(1)} − {ch.written(0)}")
    return mismatch


def _scale_for(figure: ClaimedFigure) -> Scale:
    if figure.value is None:
        return "word"
    if figure.unit == "multiple":
        return "multiple"
    if figure.unit == "points":
        return "points"
    if figure.unit in ("percent", "share"):
        return "change" if figure.direction != "none" else "level"
    return "amount"


def _oriented(m: _Measure, direction: str) -> tuple[Fraction, Interval, int]:
    """Point and interval as magnitudes in the claimed direction, and the sign used.

    For a claimed rise or fall the value is multiplied by +1 or −1, so that a change in
    the claimed direction is positive; a change claimed with no direction is compared by
    its magnitude. Levels are compared as they are.
    """
    p, iv = m.signed.point, m.signed.interval
    if not m.is_change:
        return p, iv, 1
    if direction in ("up", "down"):
        s = 1 if direction == "up" else -1
        return s * p, (iv if s == 1 else -iv), s
    if iv.lo is not None and iv.lo >= 0:
        return p, iv, 1
    if iv.hi is not None and iv.hi <= 0:
        return -p, -iv, -1
    hi = None if iv.lo is None or iv.hi is None else max(-iv.lo, iv.hi)
    return abs(p), Interval(ZERO, hi), (1 if p >= 0 else -1)


def _orient_value(value: Fraction, direction: str) -> Fraction | None:
    """A signed change as a magnitude in the claimed direction; None when it goes the other way."""
    if direction == "down":
        value = -value
    elif direction == "none":
        value = abs(value)
    return value if value >= 0 else None


# --- the decision ----------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _Decision:
    verdict: Literal["accurate", "approximate", "inaccurate"]
    by_interval: bool  # approximate only because the accurate band overlaps the interval
    sentence: str


def _decide(b: _Bands, point: Fraction, iv: Interval, fmt: _Fmt, places: int, what: str, note: str | None) -> _Decision:
    shown = fmt(point, places)
    acc = b.accurate.text(fmt, places)
    conv = f" ({note})" if note else ""
    exact_iv = iv.lo == point == iv.hi
    if b.accurate.holds(point):
        return _Decision("accurate", False, f"The accurate band {acc} holds {what}, {shown}{conv}.")
    if not exact_iv and b.accurate.overlaps(iv):
        return _Decision(
            "approximate",
            True,
            f"The accurate band {acc} does not hold {what}, {shown}{conv}, but overlaps the "
            f"interval the inputs' rounding allows, {_iv_text(iv, fmt, places)}.",
        )
    appr = b.approximate.text(fmt, places)
    if b.approximate.holds(point):
        return _Decision(
            "approximate", False,
            f"The approximate band {appr} holds {what}, {shown}{conv}; the accurate band {acc} does not.",
        )
    tail = "" if exact_iv else f", and the accurate band does not reach the rounding interval {_iv_text(iv, fmt, places)}"
    return _Decision(
        "inaccurate", False,
        f"Neither the accurate band {acc} nor the approximate band {appr} holds {what}, {shown}{conv}{tail}.",
    )


def _iv_text(iv: Interval, fmt: _Fmt, places: int) -> str:
    return fmt_interval(iv, lambda x: fmt(x, places))


def _rule_text(figure: ClaimedFigure, b: _Bands, fmt: _Fmt, places: int, label: str | None = None) -> str:
    r = b.rule
    acc = b.accurate.text(fmt, places)
    appr = b.approximate.text(fmt, places)
    text = f'"{label or figure.text}" accepts {acc} ({r.name}: {r.accurate})'
    if b.widened:
        text += ", widened to the bare figure's own rounding"
    text += f", approximate {appr}"
    if b.accurate.lo_open or b.accurate.hi_open:
        text += "; edges count as inside unless the band says above or below"
    else:
        text += "; band edges count as inside"
    return text


def _rule_of(figure: ClaimedFigure) -> hedges.HedgeRule:
    name = figure.qualifier or "exact"
    if figure.unit == "multiple" and name == "exact":
        name = "multiple"
    if name not in hedges.BY_NAME:
        raise ValueError(f"unknown hedge rule {name!r} on figure {figure.text!r}")
    return hedges.rule(name)


def _plain(fmt: _Fmt, x: Fraction) -> str:
    """A claimed number written plainly: "10%", "5 points", "2", "18,000"."""
    if fmt is PCT:
        return fmt_decimal(x * 100, 4, trim=True) + "%"
    if fmt is POINTS:
        return fmt_decimal(x * 100, 4, trim=True) + " points"
    return fmt_decimal(x, 4, trim=True)


def judge(figure: ClaimedFigure, ev: Evaluation, *, tolerance: Mapping[str, Fraction] | None = None,
          explain: bool = True) -> Judgement:
    """Judge ``figure`` against the evaluation ``ev``; see the module docstring for the rules.

    ``tolerance`` overrides band parameters by ``rule.param`` name
    (``{"nearly.accurate_below": Fraction(1, 20)}``). ``explain``: for an inaccurate claim,
    solve for the inputs that would make it accurate (:mod:`claimcheck.backsolve`); a
    caller that only wants the verdict of many candidates (the prose scanner) skips it.
    """
    j = _judge_all(figure, ev, tolerance)
    if explain and j.verdict == "inaccurate" and not any(d.startswith(_EXPLAINED) for d in j.diagnoses):
        solved = back_solve(
            figure, ev, lambda f, e: judge(f, e, tolerance=tolerance, explain=False).verdict == "accurate")
        if solved:
            j = replace(j, diagnoses=tuple(dict.fromkeys(j.diagnoses + tuple(s.text for s in solved))), solved=solved)
    return j


#: Diagnoses that already say what the author most likely meant (another reading of the
#: same inputs fits): with one of them, nothing is back-solved.
_EXPLAINED = ("Wrong base:", "Percent vs percentage points:", "Scale:", "Upside-down ratio:", "Unequal periods:")


def _judge_all(figure: ClaimedFigure, ev: Evaluation, tolerance: Mapping[str, Fraction] | None) -> Judgement:
    if figure.per_base is not None and figure.value is not None and ev.kind in ("share", "ratio"):
        # "6.5 per 100,000 people" against share(deaths, population): 6.5 ÷ 100,000
        figure = replace(figure, value=figure.value / figure.per_base, unit="share",
                         u=None if figure.u is None else figure.u / figure.per_base)
    also = () if figure.also is None else (judge(_second(figure, ev), ev, tolerance=tolerance),)
    figure = _level_as_claim(figure, ev)
    if figure.value is None and figure.direction == "none":
        j = _levels_only(figure, ev)
    else:
        j = _judge_number(figure, ev, tolerance)
        if j.verdict != "unverifiable" and (figure.level_to is not None or figure.level_from is not None
                                            or figure.named):
            j = _check_levels(figure, ev, j)
    return replace(j, also=also) if also else j


def _second(figure: ClaimedFigure, ev: Evaluation) -> ClaimedFigure:
    """The claim's second quantity ("a rise of 7 per cent or 2,300 more homes"): with no
    direction of its own it states the same change, so against a change function it takes
    the first's direction, and is compared with the matching function of the same two
    inputs (diff for a count, the percent change for a percent)."""
    second = figure.also
    assert second is not None
    if (second.direction == "none" and figure.direction != "none" and second.unit != "multiple"
            and _change_of(ev) is not None):
        second = replace(second, direction=figure.direction)
    return second


def _level_as_claim(figure: ClaimedFigure, ev: Evaluation) -> ClaimedFigure:
    """"increased to 4.2 billion euro", "stood at N18.804 trillion" against a computed level
    (no change function to hold a direction): the level named is the claimed figure."""
    lv = figure.level_to
    if figure.value is not None or lv is None or figure.level_from is not None or _change_of(ev) is not None:
        return figure
    return replace(figure, value=lv.value, u=lv.u, unit="percent" if lv.percent else "count", direction="none",
                   qualifier="exact", intensity=None, level_to=None)


def _levels_only(figure: ClaimedFigure, ev: Evaluation) -> Judgement:
    """A phrase that names only a level of a change ("to 12.4 million"): judged on it alone."""
    value_text, interval_text = show_value(ev)
    checks = level_checks(figure, ev)
    worst = max((c.verdict for c in checks if c.verdict is not None), key=lambda v: _ORDER[v], default=None)
    texts = tuple(c.text for c in checks if c.verdict != "accurate")
    said = " ".join(c.text for c in checks if c.verdict == "accurate")
    rule = f'"{figure.text}" claims only the level it names, at its own precision'
    if worst is None:
        return Judgement("unverifiable", "exact", rule, "The claim names no change and its level cannot be compared.",
                         value_text, interval_text, texts)
    return Judgement(worst, "exact", rule, (said + " " if said else "") + f"The level named decides: {worst}.",  # type: ignore[arg-type]
                     value_text, interval_text, texts)


def _judge_number(figure: ClaimedFigure, ev: Evaluation, tolerance: Mapping[str, Fraction] | None) -> Judgement:
    j = _judge(figure, ev, tolerance)
    if j.verdict != "accurate" and figure.times_more and figure.value is not None:
        j = _times_more_literal(figure, ev, tolerance, j)
    if j.verdict == "inaccurate":
        j = _scale_word_slip(figure, ev, tolerance, j)
    if j.verdict == "inaccurate" and ev.func == "ratio" and len(ev.args) == 2 and ev.value.point != 0:
        # ratio(a, b) is a ÷ b; written the other way up ("doubled" as ratio(240, 470)) it
        # would call a right claim wrong. When the upturned ratio fits the claim as written,
        # the computation is suspect, not the claim: approximate, and say so.
        flipped = Evaluation(_inverse(ev.value), "ratio", ev.arithmetic, "ratio", ev.args[::-1],
                             tuple(ev.arg_operands)[::-1], ev.operands, ev.notes)
        if _judge(figure, flipped, tolerance).verdict == "accurate":
            a, b = (_fmt_amount(v.point) for v in ev.args)
            inv = fmt_decimal(1 / ev.value.point, 3)
            return Judgement(
                "approximate", j.rule_name, j.rule,
                j.decided_by + " The ratio upside down fits the claim; the verdict is held at approximate "
                "until the computation is fixed.",
                j.value_text, j.interval_text,
                (f"Upside-down ratio: ratio({a}, {b}) is {a} ÷ {b} = {fmt_decimal(ev.value.point, 3)}; the claim "
                 f"fits {b} ÷ {a} = {inv}, so the arguments are probably the wrong way round "
                 "(ratio(new, old) for a change).",) + j.diagnoses,
                j.settle, j.compared,
            )
    return j


def _check_levels(figure: ClaimedFigure, ev: Evaluation, j: Judgement) -> Judgement:
    """The numbers a claim names beside its figure, against the computation's inputs.

    A level a change is said to end at or start from ("rose by 0.3 percentage points to
    4.2%", ONS), the base of a comparison ("17 percent less than the 392"), or the part and
    whole of a share ("secured 133 of 199 seats"), each against the matching argument of a
    two-argument function (old and new of a change, part and whole of a share), at the
    number's own precision: the verdict is the worse of the figure's and the numbers'. A
    number the computation cannot show is reported as not checked, never guessed at.
    """
    verdict, notes, said = j.verdict, list(j.diagnoses), []
    for check in level_checks(figure, ev):
        if check.verdict == "accurate":
            said.append(check.text)
            continue
        notes.append(check.text)
        if check.verdict is not None and _ORDER[check.verdict] > _ORDER[verdict]:  # type: ignore[index]
            verdict = check.verdict
    if verdict == j.verdict and not said and len(notes) == len(j.diagnoses):
        return j
    decided = " ".join([j.decided_by, *said])
    if verdict != j.verdict:
        decided += f" The numbers named with the figure decide: {verdict}."
    return replace(j, verdict=verdict, decided_by=decided, diagnoses=tuple(dict.fromkeys(notes)))  # type: ignore[arg-type]


@dataclass(frozen=True, slots=True)
class LevelCheck:
    """One number a claim names, against the computation's input it stands for."""

    level: Level
    which: str  # "old", "new", "part" or "whole": the input it was compared with
    verdict: str | None  # accurate (matches), approximate (close), inaccurate, None (not checked)
    text: str
    #: the input's value, when compared (on the level's own scale)
    used: Fraction | None = None


#: The arguments a named number stands for, by function: "old"/"new" of a change
#: (CHANGE_FUNCS), "part"/"whole" of a share. A base is the old value of a change and the
#: whole of a share.
_SHARE_POSITIONS = {"part": 0, "whole": 1}


def _position(ev: Evaluation, role: str) -> tuple[int, str] | None:
    if len(ev.args) != 2:
        return None
    pos = CHANGE_FUNCS.get(ev.func or "")
    if pos is not None:
        if role in ("old", "base", "whole"):
            return pos[0], "old"
        if role == "new":
            return pos[1], "new"
        return None
    if ev.func == "share":
        if role in ("base", "whole"):
            return 1, "whole"
        if role in ("part", "new"):
            return 0, "part"
    return None


def level_checks(figure: ClaimedFigure, ev: Evaluation) -> list[LevelCheck]:
    """Each number the claim names (its endpoints, base, part or whole), checked."""
    out: list[LevelCheck] = []
    named = [(figure.level_from, "old"), (figure.level_to, "new")] + [(lv, lv.role) for lv in figure.named]
    for lv, default in named:
        if lv is None:
            continue
        role = lv.role or default
        got = _position(ev, role)
        if got is None:
            which = {"base": "old", "whole": "whole", "part": "part"}.get(role, role)
            out.append(LevelCheck(lv, which, None, f'The level "{lv.text}" is not checked: the computation has no '
                                  f"{which} value to compare it with (write it as pct_change(old, new), pp_change, "
                                  "diff or share(part, whole))."))
            continue
        i, which = got
        out.append(_check_level(lv, role, which, ev.args[i], ev.arg_operands[i] if i < len(ev.arg_operands) else None))
    return out


def _check_level(lv: Level, role: str, which: str, arg: Value, op: Operand | None) -> LevelCheck:
    arg_fraction = op is not None and (
        (op.written is not None and op.written.percent) or (op.unit or "").strip() == "%")
    value, u = lv.value, lv.u
    if lv.percent and not arg_fraction:
        # "surged to 44.4 percent" against pct_change(39.2, 44.4): percents written as plain numbers
        if abs(arg.point) > 100:
            return LevelCheck(lv, which, None, f'The level "{lv.text}" is not checked: it is a percent, and the '
                              f"computation's {which} value is a number.")
        value, u = value * HUNDRED, u * HUNDRED
    elif not lv.percent and arg_fraction:
        if abs(value) > 100:
            return LevelCheck(lv, which, None, f'The level "{lv.text}" is not checked: it is a number, and the '
                              f"computation's {which} value is a percent.")
        value, u = value / HUNDRED, u / HUNDRED
    places = _places_of(u * (HUNDRED if arg_fraction else ONE))
    shown = _fmt_pct(arg.point, max(places, 1)) if arg_fraction else _fmt_amount(arg.point, max(places, 2))
    claimed = _fmt_pct(value, max(places, 1)) if arg_fraction else _fmt_amount(value, max(places, 2))
    half = u / 2
    named = role in ("base", "part", "whole") or (lv.role != "" and role in ("old", "new"))
    # a level written with a change may be rounded like the figure (within 2%); a number
    # the phrase names as an input is a copy of the data, close only one digit off
    close = u if named else max(u, abs(value) * hedges.rule("exact").param("approximate_share"))
    off = abs(arg.point - value)
    noun = {"base": "its base", "old": "the old value", "new": "the new value", "part": "the part",
            "whole": "the whole"}.get(role, f"the {which} value")
    if off <= half:
        text = (f"The claim names {claimed} as {noun}, as compute does." if named
                else f'The level "{lv.text}" matches the {which} value, {shown}.')
        return LevelCheck(lv, which, "accurate", text, arg.point)
    units = next((f for f in _LEVEL_FACTORS
                  if abs(arg.point * f - value) <= half or abs(arg.point / f - value) <= half), None)
    if units is not None:
        # "fell 12% to 42,420" against pct_change(48.21, 42.42): the inputs are in
        # thousands; the level is the same number in other units, not a wrong claim
        return LevelCheck(lv, which, None, f'The level "{lv.text}" matches the computation\'s {which} value, {shown}, '
                          f"read in other units (a factor of {_fmt_amount(Fraction(units))}); write the inputs in "
                          "the claim's units.", arg.point)
    if arg.interval.overlaps(Interval(value - half, value + half)) or off <= close:
        verdict, why = "approximate", "is close to"
    else:
        verdict, why = "inaccurate", "does not match"
    if named:
        text = (f"The claim names {claimed} as {noun}; compute uses {shown}."
                if verdict == "inaccurate" else
                f"The claim names {claimed} as {noun}, close to the {shown} compute uses.")
    else:
        text = f'The level "{lv.text}" {why} the computation\'s {which} value, {shown}.'
    return LevelCheck(lv, which, verdict, text, arg.point)


#: Other units a level may be written in: per cent, and every scale word (thousand, lakh,
#: million, crore, billion, trillion).
_LEVEL_FACTORS = tuple(sorted({100, *lexicon.SCALE_WORDS.values()}))


def _places_of(u: Fraction) -> int:
    """Decimal places of a precision ``u`` (0.1 → 1, 1 → 0, 1,000 → 0)."""
    places = 0
    while u.denominator != 1 and places < 6:
        u *= 10
        places += 1
    return places


def _times_more_literal(figure: ClaimedFigure, ev: Evaluation, tolerance: Mapping[str, Fraction] | None,
                        j: Judgement) -> Judgement:
    """"N times more" read literally, as 1 + N times as many, when the usual N× does not fit.

    Most writers mean N× by "N times more" (CDC: "about 4 times higher" for 22.8 against
    5.7), and that reading decides; but the words also say N + 1 times as many, so a ratio
    that fits only that reading is not called wrong: approximate, with the two readings.
    """
    assert figure.value is not None
    literal = replace(figure, value=figure.value + 1, times_more=False)
    lj = _judge(literal, ev, tolerance)
    if lj.verdict != "accurate":
        return j
    n = _plain(MULT, figure.value)
    note = (f'"{figure.text}" read literally is 1 + {n} = {_plain(MULT, figure.value + 1)} times as many, which '
            f"fits {j.value_text}; most writers mean {n} times as many, which does not: say \"{n} times as many\" "
            "or give the ratio.")
    return replace(j, verdict="approximate",
                   decided_by=j.decided_by + " The literal reading (1 + N times) fits; the verdict is held at approximate.",
                   diagnoses=(note,) + j.diagnoses)


_SCALE_WORDS = tuple(sorted(((f, w + "s") for w, f in lexicon.SCALE_WORDS.items()), reverse=True))


def _scale_word_slip(figure: ClaimedFigure, ev: Evaluation, tolerance: Mapping[str, Fraction] | None,
                     j: Judgement) -> Judgement:
    """A count or sum claimed with a scale word against a computation in that scale's units.

    "fell $360 billion" against ``diff(3132, 2772)`` (the deficit in billions, as a
    Treasury table gives it) is the same number counted in billions: the computation's
    unit is unstated, not the claim wrong. Held at approximate, with the reading, until the
    inputs are written in full (tests/cases/calc_published.yaml, deficit-2021-in-billions).
    """
    if figure.value is None or figure.unit not in ("count", "money", "rate") or ev.kind in ("percent", "points", "share", "ratio"):
        return j
    if _rule_of(figure).name in ("more_than", "at_least", "less_than", "at_most"):
        # a one-sided claim fits any small or large number: "upwards of 2.5 million" is not
        # met by 2,378,944 read in millions (calc_published.yaml, cbp-upwards-of-2.5-million-wrong)
        return j
    for factor, words in _SCALE_WORDS:
        if figure.value < factor:
            continue
        scaled = replace(figure, value=figure.value / factor, u=None if figure.u is None else figure.u / factor)
        if _judge(scaled, ev, tolerance).verdict != "accurate":
            continue
        note = (f'Scale: the computed {j.value_text} is "{figure.text}" counted in {words} '
                f"({_fmt_amount(figure.value)} ÷ {_fmt_amount(Fraction(factor))} = {_plain(AMOUNT, scaled.value)}); "  # type: ignore[arg-type]
                "write the inputs in full (or the claim in the same units) to check it.")
        return replace(j, verdict="approximate",
                       decided_by=j.decided_by + f" Read in {words} it fits; the verdict is held at approximate "
                       "until the computation states its units.",
                       diagnoses=(note,) + j.diagnoses)
    return j


_BARE_POINTS = re.compile(r"\b(?:points?|pts?)\b", re.I)
_NOT_INDEX = re.compile(r"percent|per cent|%|basis|\bbps?\b|\bpp", re.I)


def _index_points(figure: ClaimedFigure, ev: Evaluation) -> ClaimedFigure | None:
    """"fell 95 points" against an index (``diff(4200.5, 4105.5)``): index points, a count.

    "points" alone is read as percentage points; when both inputs of the change are plain
    numbers above 100 (no %), they are no percentages and the points are the index's.
    """
    ch = _change_of(ev)
    # only against diff(): a claim in points against pct_change(120, 150) stays unverifiable
    if (figure.unit != "points" or figure.value is None or ch is None or ev.func != "diff" or ch.percentish()
            or not _BARE_POINTS.search(figure.text) or _NOT_INDEX.search(figure.text)):
        return None
    if min(abs(ch.old.point), abs(ch.new.point)) <= 100:
        return None
    return replace(figure, unit="count", value=figure.value * HUNDRED,
                   u=None if figure.u is None else figure.u * HUNDRED, noun="points")


def _judge(figure: ClaimedFigure, ev: Evaluation, tolerance: Mapping[str, Fraction] | None) -> Judgement:
    index = _index_points(figure, ev)
    if index is not None:
        figure = index
    rule = _rule_of(figure)
    value_text, interval_text = show_value(ev)
    direction = figure.direction
    x = figure.value
    if x is not None and x < 0:
        # "−19%" with no direction word: a fall of 19%
        x = -x
        direction = "down" if direction == "none" else direction
    u = figure.u if figure.u is not None else ZERO

    scale = _scale_for(figure)
    m = _measure(figure, ev, scale)
    if isinstance(m, _Mismatch):
        return Judgement(
            "unverifiable", rule.name, f'"{figure.text}": {rule.name} ({rule.accurate})',
            "The claim and the computation measure different things.", value_text, interval_text, (m.reason,),
        )

    diagnoses: list[str] = []
    if scale == "multiple" and x is not None and x != 1 and m.signed.point != 1 and (x > 1) != (m.signed.point > 1):
        diagnoses.append(
            f'Wrong direction: the claim "{figure.text}" says the figure {"grew" if x > 1 else "shrank"}, but '
            f"{m.what} is {fmt_decimal(m.signed.point, 3)}: it {'shrank' if x > 1 else 'grew'}."
        )
    space_note = ""
    if scale == "multiple" and x is not None and 0 < x < 1 and rule.name != "multiple" and m.signed.point > 0:
        # "more than halved" means the fall exceeds half: the ratio is below 0.5. Hedges
        # read on the factor of the fall, old ÷ new ("halved" is 2), where "more than",
        # "nearly" and the rest keep their sense (inflation 9.1% → 3.0% more than halved).
        m = _Measure(_inverse(m.signed), MULT, "the factor of the fall (old ÷ new)", m.note, False, m.change, None)
        space_note = f"; read as the factor of the fall, old ÷ new ({_plain(MULT, 1 / x)} for {_plain(MULT, x)})"
        x = 1 / x

    point, iv, sign = _oriented(m, direction)
    direction_claimed = direction in ("up", "down") and m.is_change
    number_rule = hedges.rule("exact") if rule.name in ("slightly", "sharply") else rule
    fmt = m.fmt

    if x is None and rule.name not in ("slightly", "sharply"):
        # a direction word alone ("rose", "fell"): only the direction is claimed
        bands = _Bands(rule, _Band(ZERO, None, True), _Band(ZERO, None, True))
        places = fmt.places()
        decision = _decide(bands, point, iv, fmt, places, m.what, m.note)
        rule_text = f'"{figure.text}" claims only a direction: {_dir_word(direction)} of any size'
    else:
        if x is None:
            bands = _bands(rule, None, ZERO, tolerance)
        else:
            bands = _bands(number_rule, x, u, tolerance, multiple=scale == "multiple")
        if direction_claimed:
            bands = _Bands(bands.rule, bands.accurate.above_zero(), bands.approximate.above_zero(), bands.widened)
        places = fmt.places(x, u, bands.accurate.lo, bands.accurate.hi, bands.approximate.lo, bands.approximate.hi)
        decision = _decide(bands, point, iv, fmt, places, m.what, m.note)
        rule_text = _rule_text(figure, bands, fmt, places)
        if x is not None and number_rule is not rule:
            # "edged up 0.2%": the number as written, and the word on the size of the change
            word = _word_decision(figure, rule, ev, direction, tolerance)
            if word is not None:
                wdec, wtext = word
                rule_text += f"; and {wtext}"
                if _ORDER[wdec.verdict] > _ORDER[decision.verdict]:
                    decision = _Decision(wdec.verdict, wdec.by_interval, decision.sentence + " " + wdec.sentence)

    verdict: str = decision.verdict
    rule_text += space_note

    if direction_claimed and sign * m.signed.point < 0:
        diagnoses.append(_wrong_direction(figure, direction, m))
    elif direction_claimed and m.signed.point == 0:
        diagnoses.append(f'The claim "{figure.text}" says {_dir_word(direction)}, but {m.what} is 0: no change at all.')

    rescaled: str | None = None
    if verdict != "accurate" and x is not None:
        ambiguous = ev.kind in ("number", "points")
        scaled = _hundredfold(m, x, u, direction, number_rule, tolerance, ambiguous)
        if scaled is not None:
            fit, sentence = scaled
            diagnoses.append(sentence)
            if ambiguous:
                rescaled = fit
        if scale in ("change", "level") and m.change is not None and m.via == "rel":
            diagnoses.extend(_points_instead(figure, m.change, x, u, direction, number_rule, tolerance))
            diagnoses.extend(_wrong_base(m.change, x, u, direction, number_rule, tolerance))
        if scale == "points" and m.change is not None:
            diagnoses.extend(_percent_instead(figure, m.change, x, u, direction, number_rule, tolerance))
    if (verdict != "accurate" and not decision.by_interval and rescaled is None
            and not (direction_claimed and sign * m.signed.point <= 0)):
        over = _over_under(figure, rule, bands, point, fmt, places, m, x, u, number_rule)
        if over:
            diagnoses.append(over)

    if x is not None and rule.name in ("more_than", "at_least") and verdict == "accurate":
        k = rule.param("understated_above", tolerance)
        if point > x * (1 + k):
            diagnoses.append(
                f'"{figure.text}" is true but understated: {m.what} is {fmt(point, places)}, '
                f"{_pct_plain((point - x) / x)} above {_plain(fmt, x)} (the claim is called understated "
                f"beyond {_pct_plain(k)} above)."
            )

    settle = None
    if decision.by_interval:
        diagnoses.append(_edge_sentence(figure, m, x, bands, point, sign, places))
        settle = _settle(ev, m)

    if m.change is not None:
        uneq = _unequal_periods(m.change)
        if uneq:
            diagnoses.append(uneq)

    decided_by = decision.sentence
    if rescaled is not None and verdict == "inaccurate":
        # The computation is on the wrong scale (×100), not the claim wrong: no false
        # alarm, and no better than approximate until the file is fixed.
        verdict = "approximate"
        decided_by += (
            f" Read on the claim's scale (a factor of 100 apart) it is {rescaled}; the verdict is held at "
            "approximate until the computation is fixed."
        )

    return Judgement(
        verdict=verdict,  # type: ignore[arg-type]
        rule_name=rule.name,
        rule=rule_text,
        decided_by=decided_by,
        value_text=value_text,
        interval_text=interval_text,
        diagnoses=tuple(dict.fromkeys(diagnoses)),
        settle=settle,
        compared=point,
    )


def _inverse(v: Value) -> Value:
    """1 ÷ v for a positive ratio; an interval reaching 0 leaves the top unbounded."""
    iv = v.interval
    lo = None if iv.hi is None or iv.hi <= 0 else 1 / iv.hi
    hi = None if iv.lo is None or iv.lo <= 0 else 1 / iv.lo
    return Value(1 / v.point, Interval(lo, hi))


def _word_decision(figure: ClaimedFigure, rule: hedges.HedgeRule, ev: Evaluation, direction: str,
                   tolerance: Mapping[str, Fraction] | None) -> tuple[_Decision, str] | None:
    """The slightly/sharply word judged on the size of the percent change, when known."""
    rel = _measure(figure, ev, "change")
    if isinstance(rel, _Mismatch):
        return None
    point, iv, _ = _oriented(rel, direction)
    bands = _bands(rule, None, ZERO, tolerance)
    if direction in ("up", "down"):
        bands = _Bands(rule, bands.accurate.above_zero(), bands.approximate.above_zero())
    places = PCT.places(bands.accurate.lo, bands.accurate.hi, bands.approximate.lo, bands.approximate.hi)
    dec = _decide(bands, point, iv, PCT, places, "the size of the percent change", rel.note)
    return dec, _rule_text(figure, bands, PCT, places, label=rule.name)


def _dir_word(direction: str) -> str:
    return "a rise" if direction == "up" else "a fall"


def _pct_plain(x: Fraction) -> str:
    return fmt_decimal(x * 100, 2, trim=True) + "%"


def _wrong_direction(figure: ClaimedFigure, direction: str, m: _Measure) -> str:
    actual = "rose" if m.signed.point > 0 else "fell"
    frm = "" if m.change is None else f" from {m.change.written(0)} to {m.change.written(1)}"
    return (
        f'Wrong direction: the claim "{figure.text}" says {_dir_word(direction)}, but the figure {actual}{frm} '
        f"({m.what} is {_signed(m.fmt, m.signed.point)})."
    )


def _fits(rule: hedges.HedgeRule, x: Fraction, u: Fraction, value: Fraction,
          tol: Mapping[str, Fraction] | None) -> str | None:
    """"accurate", "approximate" or None: a value against the claimed number's bands.

    Only a rule that pins a number on both sides can be *matched* by another reading of
    the arithmetic: "a majority" (more than 50%) fits 48.75 × 100 as well as anything
    large, so it says nothing about a slip of scale.
    """
    b = _bands(rule, x, u, tol)
    if b.approximate.lo is None or b.approximate.hi is None or b.approximate.lo <= 0:
        return None
    if b.accurate.holds(value):
        return "accurate"
    if b.approximate.holds(value):
        return "approximate"
    return None


def _matches(rule: hedges.HedgeRule, x: Fraction, u: Fraction, value: Fraction,
             tol: Mapping[str, Fraction] | None) -> bool:
    """Whether another reading of the arithmetic fits the claim as written (its accurate band)."""
    return _fits(rule, x, u, value, tol) == "accurate"


def _points_instead(figure: ClaimedFigure, ch: _Change, x: Fraction, u: Fraction, direction: str,
                    rule: hedges.HedgeRule, tol: Mapping[str, Fraction] | None) -> list[str]:
    """A claim in % that matches the point change new − old, not the percent change."""
    if ch.percentish():
        diff, hedge = ch.new.point - ch.old.point, ""
    elif ch.percent_numbers():
        diff, hedge = (ch.new.point - ch.old.point) / HUNDRED, "if the inputs are percentages, "
    else:
        return []
    mag = _orient_value(diff, direction)
    if diff == 0 or mag is None or not _matches(rule, x, u, mag, tol):
        return []
    rel = ch.of("rel")
    rel_text = "" if rel is None else f", not the percent change ({_signed(PCT, rel.point)})"
    return [
        f'Percent vs percentage points: {hedge}"{figure.text}" matches the change in percentage points, '
        f"{ch.written(1)} − {ch.written(0)} = {_signed(POINTS, diff)}{rel_text}; a change between two "
        "percentages is stated in points, or as a percent of the old one."
    ]


def _percent_instead(figure: ClaimedFigure, ch: _Change, x: Fraction, u: Fraction, direction: str,
                     rule: hedges.HedgeRule, tol: Mapping[str, Fraction] | None) -> list[str]:
    """A claim in points that matches the percent change, not the point change."""
    rel = ch.of("rel")
    if rel is None:
        return []
    mag = _orient_value(rel.point, direction)
    if mag is None or not _matches(rule, x, u, mag, tol):
        return []
    d = ch.new.point - ch.old.point
    if not ch.percentish():
        d /= HUNDRED
    return [
        f'Percent vs percentage points: "{figure.text}" matches the percent change ({_signed(PCT, rel.point)}), '
        f"not the change in points, {ch.written(1)} − {ch.written(0)} = {_signed(POINTS, d)}."
    ]


def _wrong_base(ch: _Change, x: Fraction, u: Fraction, direction: str, rule: hedges.HedgeRule,
                tol: Mapping[str, Fraction] | None) -> list[str]:
    """A percent that matches the change divided by the new value instead of the old."""
    if ch.new.point == 0 or ch.old.point == 0:
        return []
    d = ch.new.point - ch.old.point
    wrong = d / ch.new.point
    mag = _orient_value(wrong, direction)
    if mag is None or not _matches(rule, x, u, mag, tol):
        return []
    o, n = ch.written(0), ch.written(1)
    return [
        f"Wrong base: {_pct_plain(x)} is the change divided by the new value, {n}: ({n} − {o}) ÷ {n} = "
        f"{_signed(PCT, wrong)}; a change is measured from the old value, ({n} − {o}) ÷ {o} = "
        f"{_signed(PCT, d / ch.old.point)}."
    ]


def _hundredfold(m: _Measure, x: Fraction, u: Fraction, direction: str, rule: hedges.HedgeRule,
                 tol: Mapping[str, Fraction] | None, ambiguous: bool) -> tuple[str, str] | None:
    """A percent compared with a value that was multiplied by 100 (or the claim divided).

    ``ambiguous``: the computation's scale is in doubt (free arithmetic, or points of
    inputs written without %), so the computation is suspect; otherwise the claim is.
    """
    if m.fmt is not PCT and m.fmt is not POINTS:
        return None
    for factor in (1 / HUNDRED, HUNDRED):
        v = m.signed.point * factor
        mag = _orient_value(v, direction) if m.is_change else v
        if mag is None or mag == 0:
            continue
        fit = _fits(rule, x, u, mag, tol)
        if fit is None:
            continue
        raw = fmt_decimal(m.signed.point, 4, trim=True)
        claim = _plain(m.fmt, x)
        as_fraction = fmt_decimal(x, 6, trim=True)
        if factor < 1 and ambiguous:
            return fit, (
                f"Scale: the computed value {raw} is 100 times the claim's {claim}, which is {as_fraction} "
                "as a fraction; percents are fractions here, so the computation multiplied by 100, or its "
                "inputs are percentages written without %."
            )
        if factor < 1:
            return fit, (
                f"Scale: the computed {_signed(m.fmt, m.signed.point)} is 100 times the claim's {claim}; the "
                f"claim reads as the fraction {raw} written with a % sign."
            )
        if ambiguous:
            return fit, (
                f"Scale: the computed value {raw} is one hundredth of the claim's {claim} ({as_fraction} as a "
                "fraction); the computation divides by 100 once too often."
            )
        return fit, (
            f"Scale: the claim's {claim} is 100 times the computed {_signed(m.fmt, m.signed.point, 4)}; a "
            "percent was multiplied by 100 twice."
        )
    return None


def _over_under(figure: ClaimedFigure, rule: hedges.HedgeRule, bands: _Bands, point: Fraction, fmt: _Fmt,
                places: int, m: _Measure, x: Fraction | None, u: Fraction, number_rule: hedges.HedgeRule) -> str | None:
    """A figure outside its accurate band overstates or understates the recomputed value."""
    acc = bands.accurate
    below = acc.lo is not None and (point < acc.lo or (acc.lo_open and point == acc.lo))
    above = acc.hi is not None and (point > acc.hi or (acc.hi_open and point == acc.hi))
    if not (below or above):
        return None
    shown = fmt(point, places)
    if x is None:
        if rule.name == "slightly":
            return (f'"{figure.text}" understates the change: {m.what} is {shown}, more than the '
                    f'{_plain(fmt, acc.hi)} that "slightly" allows.')  # type: ignore[arg-type]
        if rule.name == "sharply":
            return (f'"{figure.text}" overstates the change: {m.what} is only {shown}, less than the '
                    f'{_plain(fmt, acc.lo)} that "sharply" needs.')  # type: ignore[arg-type]
        return None
    word = "overstates" if below else "understates"
    if number_rule.name == "exact" and u:
        rounded = _round_to(point, u)
        return (
            f'"{figure.text}" {word} {m.what}: {shown} rounds to {_plain(fmt, rounded)} at the precision '
            f"written, not {_plain(fmt, x)}."
        )
    edge = acc.lo if below else acc.hi
    return (
        f'"{figure.text}" {word} {m.what}: {shown} is {"below" if below else "above"} the '
        f'{fmt(edge, places)} that "{number_rule.name.replace("_", " ")}" allows.'  # type: ignore[arg-type]
    )


def _round_to(x: Fraction, u: Fraction) -> Fraction:
    """``x`` rounded to a multiple of ``u``, halves away from zero."""
    q = abs(x) / u
    n, r = divmod(q.numerator, q.denominator)
    if 2 * r >= q.denominator:
        n += 1
    out = n * u
    return -out if x < 0 else out


def _edge_sentence(figure: ClaimedFigure, m: _Measure, x: Fraction | None, bands: _Bands, point: Fraction,
                   sign: int, places: int) -> str:
    """Consistent only within the inputs' rounding: which inputs reach the claim."""
    acc = bands.accurate
    need_higher = acc.lo is not None and point < acc.lo  # on the claim's oriented scale
    raw_high = need_higher if sign == 1 else not need_higher
    claim = _plain(m.fmt, x) if x is not None else f'"{figure.text}"'
    as_written = _signed(m.fmt, m.signed.point, places) if m.is_change else m.fmt(m.signed.point, places)
    ch = m.change
    show = (lambda v: _signed(m.fmt, v, places)) if m.is_change else (lambda v: m.fmt(v, places))
    if (ch is not None and m.via is not None and ch.old.interval.bounded and ch.new.interval.bounded
            and ch.old.interval.lo > 0):  # type: ignore[operator]
        # every change function rises with the new value and falls with the old one
        old = ch.old.interval.lo if raw_high else ch.old.interval.hi
        new = ch.new.interval.hi if raw_high else ch.new.interval.lo
        reach = ch.of(m.via, Value.exact(old), Value.exact(new))  # type: ignore[arg-type]
        assert reach is not None
        # inputs written as percents are shown as percents ("3.245% → 3.5%", not "0.03 → 0.04")
        edge = (lambda v: fmt_decimal(v * 100, 4, trim=True) + "%") if ch.percentish() else _fmt_amount
        return (
            f"{claim} is reachable only at the edge of the inputs' rounding ({edge(old)} → "  # type: ignore[arg-type]
            f"{edge(new)} gives {show(reach.point)}); as written, {ch.written(0)} → {ch.written(1)} "  # type: ignore[arg-type]
            f"gives {as_written}."
        )
    end = m.signed.interval.hi if raw_high else m.signed.interval.lo
    if end is None:
        return (f"{claim} is reachable only within the inputs' rounding, which leaves {m.what} unbounded; "
                f"as written it is {as_written}.")
    return (f"{claim} is reachable only at the edge of the inputs' rounding ({m.what} could be as "
            f"{'high' if raw_high else 'low'} as {show(end)}); as written it is {as_written}.")


def _precision(w: Written) -> str:
    if w.percent:
        return fmt_decimal(w.u * 100, 4, trim=True) + " point" + ("" if w.u * 100 == 1 else "s")
    return fmt_decimal(w.u, 4, trim=True)


def _settle(ev: Evaluation, m: _Measure) -> str:
    """The evidence that would settle a verdict resting on the inputs' rounding."""
    ops = [op for op in ev.operands if op.written is not None and op.written.is_rounded()]
    if ops:
        parts = [f"{op.name} ({op.written.text}, rounded to the nearest {_precision(op.written)})" for op in ops]  # type: ignore[union-attr]
        return "The unrounded figures would settle it: " + ", ".join(parts) + "."
    ch = m.change
    if ch is not None:
        parts = [f"{ch.written(i)} (which stands for {fmt_interval(v.interval, _fmt_amount)})"
                 for i, v in ((0, ch.old), (1, ch.new)) if not v.is_exact]
        if parts:
            return "The unrounded figures would settle it: " + ", ".join(parts) + "."
    return "The unrounded inputs would settle it: the verdict rests on their rounding."


def _unequal_periods(ch: _Change) -> str | None:
    """Totals over periods of unequal length compared as if equal (30 days against 27)."""
    a, b = ch.old_op, ch.new_op
    if a is None or b is None or not a.period_days or not b.period_days or a.period_days == b.period_days:
        return None
    if (a.unit and _RATE_UNIT.search(a.unit)) or (b.unit and _RATE_UNIT.search(b.unit)):
        return None
    da, db = a.period_days, b.period_days
    if abs(da - db) * 50 <= max(da, db):
        # Within 2%: a leap day (365 against 366) is the calendar, not a comparison error;
        # 30 days against 31 (3.2%) and against 27 (10%) are still pointed out.
        return None
    pa, pb = ch.old.point / da, ch.new.point / db
    rel = "" if pa == 0 else f", a change of {_signed(PCT, (pb - pa) / pa)}"
    pa_t = f" ({a.period})" if a.period else ""
    pb_t = f" ({b.period})" if b.period else ""
    return (
        f"Unequal periods: the inputs are totals over {da} days{pa_t} against {db}{pb_t}, compared as if "
        f"equal; per day, {ch.written(0)} ÷ {da} = {fmt_decimal(pa, 2)} against {ch.written(1)} ÷ {db} = "
        f"{fmt_decimal(pb, 2)}{rel}."
    )
