"""What is compared with the bands: the computed value brought to the claim's scale.

A claim and its computation are brought to one scale before comparing:

* a percent change ("down 10%") against a percent change, a ratio (change = ratio − 1), or
  the change between the two arguments of a two-argument change function;
* a multiple ("doubled") against a ratio or a percent change (ratio = 1 + change);
* a level ("about 71%", "more than 18,000") against a level of the same family;
* a change in points against a points result, or the difference of two percent inputs;
* words alone ("dipped slightly", "plunged") against the size of the percent change.

Changes are compared by magnitude; the direction is checked separately (a change in the
opposite direction is outside every band). When the claim and the computation measure
different things (a count against a ratio) there is no measure, only a
:class:`Mismatch` that says why: the verdict is *unverifiable*, never a false
"inaccurate". A claim in bare "points" against ``diff()`` of two plain numbers above
100 is read in index points.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from fractions import Fraction
from types import MappingProxyType
from typing import TYPE_CHECKING, Literal, Mapping

from claimcheck.expr import Evaluation, Operand
from claimcheck.numbers import Interval, Value, decimal_places, fmt_decimal
from claimcheck.verdicts import diagnoses
from claimcheck.verdicts.diagnoses import Diagnosis
from claimcheck.verdicts.show import AMOUNT, HUNDRED, MULT, PCT, POINTS, ZERO, Fmt, fmt_amount, pct_plain

if TYPE_CHECKING:
    from claimcheck.figures import ClaimedFigure

Scale = Literal["change", "level", "points", "multiple", "amount", "word"]

#: Functions whose two arguments are an old and a new value, by (old, new) positions:
#: ``pct_change(old, new)``, ``pp_change(old, new)``, ``diff(old, new)``, ``ratio(a, b)``
#: = a ÷ b, so ``ratio(new, old)``. With them one scale converts into another.
CHANGE_FUNCS: Mapping[str, tuple[int, int]] = MappingProxyType(
    {"pct_change": (0, 1), "pp_change": (0, 1), "diff": (0, 1), "ratio": (1, 0)}
)

Via = Literal["rel", "ratio", "diff", "diff100"]


@dataclass(frozen=True, slots=True)
class Change:
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
        """The old (0) or new (1) value as the file wrote it, or as a report would."""
        op = self.old_op if i == 0 else self.new_op
        v = self.old if i == 0 else self.new
        if op is not None and op.written is not None and op.written.percent:
            return op.written.text
        if (op is None or op.written is None) and self.percentish():
            return pct_plain(v.point)  # a literal such as 25% reaches us as 1/4
        n, d = v.point.numerator, v.point.denominator
        if op is not None and op.written is not None and d != 1 and op.written.u < 1:
            # ("from £2.73 to £3.30": with the decimals it was written with)
            return fmt_decimal(v.point, decimal_places(op.written.u))
        # 0 < |v| < 1, in integers
        return fmt_decimal(v.point, 4, trim=True) if n and -d < n < d else fmt_amount(v.point)

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
class Measure:
    """The computed value on the claim's scale."""

    signed: Value  # signed, on the claim's scale
    fmt: Fmt
    what: str  # "the percent change", "the ratio"
    note: str | None = None  # how it was converted, for the decided_by sentence
    is_change: bool = False  # a change: compared by magnitude, its direction checked apart
    change: Change | None = None
    via: Via | None = None  # how ``signed`` follows from the change's old and new values


@dataclass(frozen=True, slots=True)
class Mismatch:
    """No measure: the claim and the computation cannot be compared, and why."""

    reason: Diagnosis


def change_of(ev: Evaluation) -> Change | None:
    """The old and new values of a two-argument change function, else None."""
    pos = CHANGE_FUNCS.get(ev.func or "")
    if pos is None or len(ev.args) != 2:
        return None
    ops = tuple(ev.arg_operands) + (None, None)
    i, j = pos
    return Change(ev.args[i], ev.args[j], ops[i], ops[j])


def measure(figure: ClaimedFigure, ev: Evaluation, scale: Scale) -> Measure | Mismatch:
    """The computed value on ``scale``, the claim's, or why it cannot be put there."""
    kind, v = ev.kind, ev.value
    ch = change_of(ev)
    pct_change = ev.func == "pct_change"

    def mismatch() -> Mismatch:
        return Mismatch(diagnoses.not_comparable(figure, ev, scale))

    def derived(what: str, fmt: Fmt, via: Via, note: str, is_change: bool = True) -> Measure | Mismatch:
        assert ch is not None
        val = ch.of(via)
        if val is None:
            return Mismatch(diagnoses.zero_base(what, ch.written(0), ch.written(1)))
        return Measure(val, fmt, what, note, is_change, ch, via)

    def move() -> str:  # "1,224 → 990", written only where a note says it
        return "" if ch is None else f"{ch.written(0)} → {ch.written(1)}"

    if scale in ("change", "word"):
        if pct_change:
            return Measure(v, PCT, "the percent change", None, True, ch, "rel")
        if kind == "ratio":
            return Measure(v - Value.exact(1), PCT, "the percent change", "the ratio − 1", True, ch, "rel" if ch else None)
        if ch is not None:
            return derived("the percent change", PCT, "rel", f"the percent change {move()}")
        if kind in ("percent", "number"):
            # a change given directly: a figure "−12.9%" or free arithmetic (a − b) ÷ b
            return Measure(v, PCT, "the computed change", None, True)
        return mismatch()
    if scale == "level":
        if pct_change:
            return Measure(v, PCT, "the percent change", None, True, ch, "rel")
        if kind in ("share", "number", "ratio", "percent"):
            return Measure(v, PCT, "the ratio" if kind == "ratio" else "the computed share", None, False, ch,
                           "ratio" if kind == "ratio" and ch else None)
        if ch is not None and kind == "points":
            return derived("the percent change", PCT, "rel", f"the percent change {move()}")
        return mismatch()
    if scale == "points":
        if ch is not None and ch.percent_numbers() and kind in ("points", "count", "number", "percent", "ratio"):
            return derived("the change in points", POINTS, "diff100",
                           f"{ch.written(1)} − {ch.written(0)}, reading both as percentages written without %")
        if kind == "points":
            return Measure(v, POINTS, "the change in points", None, True, ch, "diff" if ch else None)
        if ch is not None and ch.percentish():
            return derived("the change in points", POINTS, "diff", f"{ch.written(1)} − {ch.written(0)}")
        if kind == "number" and ch is None:
            return Measure(v, POINTS, "the computed change", None, True)
        if ch is not None:
            return Mismatch(diagnoses.points_of_non_percents(figure, ch.written(0), ch.written(1)))
        return mismatch()
    if scale == "multiple":
        if kind == "ratio":
            return Measure(v, MULT, "the ratio", None, False, ch, "ratio" if ch else None)
        if pct_change:
            return Measure(v + Value.exact(1), MULT, "the ratio", "1 + the percent change", False, ch, "ratio")
        if ch is not None:
            return derived("the ratio", MULT, "ratio", f"{ch.written(1)} ÷ {ch.written(0)}", False)
        if kind == "number":
            return Measure(v, MULT, "the computed ratio", None, False)
        return mismatch()
    # amount: counts, rates, money
    changed = figure.direction != "none"
    if kind in ("count", "rate", "money", "number"):
        is_change = changed or (ch is not None)
        return Measure(v, AMOUNT, "the computed change" if is_change else "the computed value", None, is_change,
                       ch, "diff" if ch is not None and ev.func == "diff" else None)
    if ch is not None and changed and kind != "points":
        return derived("the change", AMOUNT, "diff", f"{ch.written(1)} − {ch.written(0)}")
    return mismatch()


def scale_for(figure: ClaimedFigure) -> Scale:
    """The scale a claimed figure is read on."""
    if figure.value is None:
        return "word"
    if figure.unit == "multiple":
        return "multiple"
    if figure.unit == "points":
        return "points"
    if figure.unit in ("percent", "share"):
        return "change" if figure.direction != "none" else "level"
    return "amount"


def oriented(m: Measure, direction: str) -> tuple[Fraction, Interval, int]:
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


def inverse(v: Value) -> Value:
    """1 ÷ v for a positive ratio; an interval reaching 0 leaves the top unbounded."""
    iv = v.interval
    lo = None if iv.hi is None or iv.hi <= 0 else 1 / iv.hi
    hi = None if iv.lo is None or iv.lo <= 0 else 1 / iv.lo
    return Value(1 / v.point, Interval(lo, hi))


_BARE_POINTS = re.compile(r"\b(?:points?|pts?)\b", re.I)
_NOT_INDEX = re.compile(r"percent|per cent|%|basis|\bbps?\b|\bpp", re.I)


def index_points(figure: ClaimedFigure, ev: Evaluation) -> ClaimedFigure | None:
    """"fell 95 points" against an index (``diff(4200.5, 4105.5)``): index points, a count.

    "points" alone is read as percentage points; when both inputs of the change are plain
    numbers above 100 (no %), they are no percentages and the points are the index's.
    """
    ch = change_of(ev)
    # only against diff(): a claim in points against pct_change(120, 150) stays unverifiable
    if (figure.unit != "points" or figure.value is None or ch is None or ev.func != "diff" or ch.percentish()
            or not _BARE_POINTS.search(figure.text) or _NOT_INDEX.search(figure.text)):
        return None
    if min(abs(ch.old.point), abs(ch.new.point)) <= 100:
        return None
    return replace(figure, unit="count", value=figure.value * HUNDRED,
                   u=None if figure.u is None else figure.u * HUNDRED, noun="points")
