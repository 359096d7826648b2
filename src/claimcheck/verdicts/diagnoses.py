"""Every diagnosis a fact-checker makes, as a typed record with the real numbers.

A :class:`Diagnosis` is a sentence for the reader (``text``), a stable name for code and
machine reports (``kind``, one of :data:`KINDS`), and the numbers the sentence uses
(``data``). Code that keeps or drops diagnoses tests the kind, never the wording.

``data`` maps a name to a number written as text, at the precision the sentence uses,
with an ASCII minus for a negative value: ``{"claimed": "17%", "computed": "-40.31%"}``.
``claimed`` is the claimed number as written plainly, ``computed`` the recomputed value
on the claim's scale (signed); the other names are listed with each kind below.

This module builds the sentences; deciding *whether* a diagnosis applies stays with the
judgement (:mod:`claimcheck.verdicts.judge`), except for the "another reading fits"
diagnoses (percent vs points, wrong base, a factor of 100), where the test is the
diagnosis.

It is longer than the other modules on purpose: every sentence a verdict can say is
here, so each kind, its wording and its ``data`` names are read and changed together.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from fractions import Fraction
from typing import TYPE_CHECKING, Mapping

from claimcheck import lexicon
from claimcheck.numbers import MINUS, Value, fmt_count, fmt_decimal, fmt_interval, fmt_percent
from claimcheck.verdicts import hedges
from claimcheck.verdicts.bands import Bands, fits, matches, orient_value
from claimcheck.verdicts.show import (
    AMOUNT,
    HUNDRED,
    MULT,
    PCT,
    POINTS,
    Fmt,
    dir_word,
    exact_places,
    fmt_amount,
    pct_plain,
    plain,
    show_value,
    signed,
)

if TYPE_CHECKING:
    from claimcheck.expr import Evaluation
    from claimcheck.figures import ClaimedFigure
    from claimcheck.numbers import Written
    from claimcheck.verdicts.measure import Change, Measure, Scale

#: Every kind of diagnosis, with what it says and, after the semicolon, the names in its
#: ``data`` (a name that does not apply, such as ``old`` without a change function, is
#: left out). docs/json-report.md lists the same.
KINDS: tuple[tuple[str, str], ...] = (
    ("not_comparable", "the claim and the computation measure different things (a count against a ratio); computed"),
    ("zero_base", "the old value is 0, so a change from it is undefined; old, new"),
    ("points_of_non_percents", "a change in points claimed, but the inputs are not percents or shares; old, new"),
    ("wrong_direction", "the claim says a rise and the figure fell, or the other way round; direction (a change) or claimed (a multiple), computed, old, new"),
    ("no_change", "the claim says a rise or a fall, but the change is 0; direction, computed"),
    ("hundredfold", "the claim and the computation are a factor of 100 apart (a % too many or too few); claimed, computed, computed_to_claimed"),
    ("percent_vs_points", "a claim in % that matches the change in percentage points; claimed, points, percent_change, old, new"),
    ("points_vs_percent", "a claim in points that matches the percent change; claimed, percent_change, points, old, new"),
    ("wrong_base", "a percent that matches the change divided by the new value, not the old; claimed, computed, on_new_base, old, new"),
    ("overstates", "the figure, or its word, says more than the recomputed value; claimed, computed, rounded (a bare number) or limit (a hedge)"),
    ("understates", "the figure, or its word, says less than the recomputed value; claimed, computed, rounded (a bare number) or limit (a hedge)"),
    ("true_but_understated", '"more than X" holds, but by far; claimed, computed, above, limit'),
    ("rounding_edge", "the claim is reached only at the edge of the inputs' rounding; claimed, computed, reachable, old_edge, new_edge"),
    ("unequal_periods", "totals over periods of unequal length compared as if equal; old_days, new_days, old_per_day, new_per_day, per_day_change"),
    ("upside_down_ratio", "ratio(a, b) written the wrong way round, its inverse fits the claim; numerator, denominator, computed, inverted"),
    ("times_more", '"N times more" that fits only its literal reading, 1 + N times; claimed, literal, computed'),
    ("scale_slip", "a count with a scale word against a computation in that scale's units; claimed, scale, scaled, computed"),
    ("level_unchecked", "a level written with the change that the computation cannot show; level"),
    ("level_other_units", "a level that matches the computation's value in other units; level, computed, factor"),
    ("level_close", "a level written with the change, close to the computation's value; level, computed"),
    ("level_wrong", "a level written with the change that the computation's value does not match; level, computed"),
    ("named_close", "a number the phrase names as an input (its base, an endpoint, a part or whole), one digit off the computation's; role, claimed, computed"),
    ("named_wrong", "a number the phrase names as an input that the computation's input does not match; role, claimed, computed"),
    ("swapped", "the inputs the other way round make an inaccurate claim accurate; old, new, computed"),
    ("digit_slip", "one input with two adjacent digits transposed, or one digit one off, makes an inaccurate claim accurate; input, printed, corrected, slip, computed"),
    ("solved_input", "the value one input would need for an inaccurate claim to be accurate; input, solved, printed, claimed"),
    ("sources_agree", "a cross-source check whose two sides agree within its margin; left, right, difference, relative, within"),
    ("sources_disagree", "a cross-source check whose two sides differ by more than its margin; left, right, difference, relative, within"),
    ("computation_note", "a caveat of the computation itself (an unbounded interval, a level not written as a percent)"),
    ("cannot_compute", "the computation has no value (a zero baseline)"),
)

KIND_NAMES: frozenset[str] = frozenset(k for k, _ in KINDS)


@dataclass(frozen=True, slots=True)
class Diagnosis:
    """One thing a fact-checker would point out, with the real numbers."""

    kind: str
    """One of :data:`KINDS`: what code tests."""
    text: str
    """The sentence a report shows."""
    data: Mapping[str, str] = field(default_factory=dict, hash=False)
    """The numbers the sentence uses, as text (see the module docstring). Read-only."""

    def __str__(self) -> str:
        return self.text


def _d(kind: str, text: str, **data: str | None) -> Diagnosis:
    """A diagnosis whose numbers are written with an ASCII minus; None values are left out."""
    return Diagnosis(kind, text, {k: v.replace(MINUS, "-") for k, v in data.items() if v is not None})


# --- no comparison ------------------------------------------------------------------------

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

_FIX = {
    "change": "compute the change itself, e.g. pct_change(old, new)",
    "word": "compute the change itself, e.g. pct_change(old, new)",
    "level": "compute the share itself, e.g. share(part, whole)",
    "points": "compute the change in points, e.g. pp_change(old%, new%)",
    "multiple": "compute the ratio itself, e.g. ratio(new, old)",
    "amount": "compute the count itself, e.g. diff(old, new) for a change",
}


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


def not_comparable(figure: ClaimedFigure, ev: Evaluation, scale: Scale) -> Diagnosis:
    v, _ = show_value(ev)
    words = "a percent change" if ev.func == "pct_change" else _KIND_WORDS.get(ev.kind, ev.kind)
    return _d(
        "not_comparable",
        f'The claim "{figure.text}" is {_claim_words(figure)}, but the computation gives {words} ({v}); they '
        f"measure different things and cannot be compared ({_FIX[scale]}).",
        computed=v,
    )


def zero_base(what: str, old: str, new: str) -> Diagnosis:
    return _d(
        "zero_base",
        f"The old value is 0, so {what} from {old} to {new} is undefined; the claim cannot be checked against it.",
        old=old, new=new,
    )


def points_of_non_percents(figure: ClaimedFigure, old: str, new: str) -> Diagnosis:
    return _d(
        "points_of_non_percents",
        f'The claim "{figure.text}" is a change in percentage points, but the inputs {old} and {new} are not '
        "percents or shares; write them with %.",
        old=old, new=new,
    )


# --- direction ----------------------------------------------------------------------------


def wrong_direction(figure: ClaimedFigure, direction: str, m: Measure) -> Diagnosis:
    actual = "rose" if m.signed.point > 0 else "fell"
    ch = m.change
    frm = "" if ch is None else f" from {ch.written(0)} to {ch.written(1)}"
    return _d(
        "wrong_direction",
        f'Wrong direction: the claim "{figure.text}" says {dir_word(direction)}, but the figure {actual}{frm} '
        f"({m.what} is {signed(m.fmt, m.signed.point)}).",
        direction=direction, computed=m.fmt(m.signed.point),
        old=None if ch is None else ch.written(0), new=None if ch is None else ch.written(1),
    )


def wrong_way_multiple(figure: ClaimedFigure, x: Fraction, m: Measure) -> Diagnosis:
    """A multiple that says the figure grew when it shrank ("doubled" for a ratio of 0.5)."""
    ratio = fmt_decimal(m.signed.point, 3)
    return _d(
        "wrong_direction",
        f'Wrong direction: the claim "{figure.text}" says the figure {"grew" if x > 1 else "shrank"}, but '
        f"{m.what} is {ratio}: it {'shrank' if x > 1 else 'grew'}.",
        claimed=plain(MULT, x), computed=ratio,
    )


def no_change(figure: ClaimedFigure, direction: str, m: Measure) -> Diagnosis:
    return _d(
        "no_change",
        f'The claim "{figure.text}" says {dir_word(direction)}, but {m.what} is 0: no change at all.',
        direction=direction, computed="0",
    )


# --- another reading of the arithmetic fits --------------------------------------------------


def hundredfold(m: Measure, x: Fraction, u: Fraction, direction: str, rule: hedges.HedgeRule,
                tol: Mapping[str, Fraction] | None, ambiguous: bool) -> tuple[str, Diagnosis] | None:
    """A percent compared with a value that was multiplied by 100 (or the claim divided).

    ``ambiguous``: the computation's scale is in doubt (free arithmetic, or points of
    inputs written without %), so the computation is suspect; otherwise the claim is.
    Returns how well the rescaled value fits ("accurate" or "approximate") and the
    diagnosis, or None.
    """
    if m.fmt is not PCT and m.fmt is not POINTS:
        return None
    for factor in (1 / HUNDRED, HUNDRED):
        v = m.signed.point * factor
        mag = orient_value(v, direction) if m.is_change else v
        if mag is None or mag == 0:
            continue
        fit = fits(rule, x, u, mag, tol)
        if fit is None:
            continue
        raw = fmt_decimal(m.signed.point, 4, trim=True)
        claim = plain(m.fmt, x)
        as_fraction = fmt_decimal(x, 6, trim=True)
        data = {"claimed": claim, "computed": m.fmt(m.signed.point), "computed_to_claimed": "100" if factor < 1 else "1/100"}
        if factor < 1 and ambiguous:
            return fit, _d("hundredfold", (
                f"Scale: the computed value {raw} is 100 times the claim's {claim}, which is {as_fraction} "
                "as a fraction; percents are fractions here, so the computation multiplied by 100, or its "
                "inputs are percentages written without %."
            ), **data)
        if factor < 1:
            return fit, _d("hundredfold", (
                f"Scale: the computed {signed(m.fmt, m.signed.point)} is 100 times the claim's {claim}; the "
                f"claim reads as the fraction {raw} written with a % sign."
            ), **data)
        if ambiguous:
            return fit, _d("hundredfold", (
                f"Scale: the computed value {raw} is one hundredth of the claim's {claim} ({as_fraction} as a "
                "fraction); the computation divides by 100 once too often."
            ), **data)
        return fit, _d("hundredfold", (
            f"Scale: the claim's {claim} is 100 times the computed {signed(m.fmt, m.signed.point, 4)}; a "
            "percent was multiplied by 100 twice."
        ), **data)
    return None


def percent_vs_points(figure: ClaimedFigure, ch: Change, x: Fraction, u: Fraction, direction: str,
                      rule: hedges.HedgeRule, tol: Mapping[str, Fraction] | None) -> list[Diagnosis]:
    """A claim in % that matches the point change new − old, not the percent change."""
    if ch.percentish():
        diff, hedge = ch.new.point - ch.old.point, ""
    elif ch.percent_numbers():
        diff, hedge = (ch.new.point - ch.old.point) / HUNDRED, "if the inputs are percentages, "
    else:
        return []
    mag = orient_value(diff, direction)
    if diff == 0 or mag is None or not matches(rule, x, u, mag, tol):
        return []
    rel = ch.of("rel")
    rel_text = "" if rel is None else f", not the percent change ({signed(PCT, rel.point)})"
    return [_d(
        "percent_vs_points",
        f'Percent vs percentage points: {hedge}"{figure.text}" matches the change in percentage points, '
        f"{ch.written(1)} − {ch.written(0)} = {signed(POINTS, diff)}{rel_text}; a change between two "
        "percentages is stated in points, or as a percent of the old one.",
        claimed=plain(PCT, x), points=POINTS(diff), percent_change=None if rel is None else PCT(rel.point),
        old=ch.written(0), new=ch.written(1),
    )]


def points_vs_percent(figure: ClaimedFigure, ch: Change, x: Fraction, u: Fraction, direction: str,
                      rule: hedges.HedgeRule, tol: Mapping[str, Fraction] | None) -> list[Diagnosis]:
    """A claim in points that matches the percent change, not the point change."""
    rel = ch.of("rel")
    if rel is None:
        return []
    mag = orient_value(rel.point, direction)
    if mag is None or not matches(rule, x, u, mag, tol):
        return []
    d = ch.new.point - ch.old.point
    if not ch.percentish():
        d /= HUNDRED
    return [_d(
        "points_vs_percent",
        f'Percent vs percentage points: "{figure.text}" matches the percent change ({signed(PCT, rel.point)}), '
        f"not the change in points, {ch.written(1)} − {ch.written(0)} = {signed(POINTS, d)}.",
        claimed=plain(POINTS, x), percent_change=PCT(rel.point), points=POINTS(d),
        old=ch.written(0), new=ch.written(1),
    )]


def wrong_base(ch: Change, x: Fraction, u: Fraction, direction: str, rule: hedges.HedgeRule,
               tol: Mapping[str, Fraction] | None) -> list[Diagnosis]:
    """A percent that matches the change divided by the new value instead of the old."""
    if ch.new.point == 0 or ch.old.point == 0:
        return []
    d = ch.new.point - ch.old.point
    wrong = d / ch.new.point
    mag = orient_value(wrong, direction)
    if mag is None or not matches(rule, x, u, mag, tol):
        return []
    o, n = ch.written(0), ch.written(1)
    right = d / ch.old.point
    return [_d(
        "wrong_base",
        f"Wrong base: {pct_plain(x)} is the change divided by the new value, {n}: ({n} − {o}) ÷ {n} = "
        f"{signed(PCT, wrong)}; a change is measured from the old value, ({n} − {o}) ÷ {o} = "
        f"{signed(PCT, right)}.",
        claimed=pct_plain(x), computed=PCT(right), on_new_base=PCT(wrong), old=o, new=n,
    )]


# --- how far off ----------------------------------------------------------------------------


def round_to(x: Fraction, u: Fraction) -> Fraction:
    """``x`` rounded to a multiple of ``u``, halves away from zero."""
    q = abs(x) / u
    n, r = divmod(q.numerator, q.denominator)
    if 2 * r >= q.denominator:
        n += 1
    out = n * u
    return -out if x < 0 else out


def over_under(figure: ClaimedFigure, rule: hedges.HedgeRule, bands: Bands, point: Fraction, fmt: Fmt,
               places: int, m: Measure, x: Fraction | None, u: Fraction, number_rule: hedges.HedgeRule) -> Diagnosis | None:
    """A figure outside its accurate band overstates or understates the recomputed value."""
    acc = bands.accurate
    below = acc.lo is not None and (point < acc.lo or (acc.lo_open and point == acc.lo))
    above = acc.hi is not None and (point > acc.hi or (acc.hi_open and point == acc.hi))
    if not (below or above):
        return None
    shown = fmt(point, places)
    computed = fmt(m.signed.point, places)
    if x is None:
        if rule.name == "slightly":
            limit = plain(fmt, acc.hi)  # type: ignore[arg-type]
            return _d("understates", f'"{figure.text}" understates the change: {m.what} is {shown}, more than the '
                      f'{limit} that "slightly" allows.', computed=computed, limit=limit)
        if rule.name == "sharply":
            limit = plain(fmt, acc.lo)  # type: ignore[arg-type]
            return _d("overstates", f'"{figure.text}" overstates the change: {m.what} is only {shown}, less than the '
                      f'{limit} that "sharply" needs.', computed=computed, limit=limit)
        return None
    word = "overstates" if below else "understates"
    claimed = plain(fmt, x)
    if number_rule.name == "exact" and u:
        rounded = plain(fmt, round_to(point, u))
        return _d(
            word,
            f'"{figure.text}" {word} {m.what}: {shown} rounds to {rounded} at the precision written, not {claimed}.',
            claimed=claimed, computed=computed, rounded=rounded,
        )
    edge = fmt(acc.lo if below else acc.hi, places)  # type: ignore[arg-type]
    return _d(
        word,
        f'"{figure.text}" {word} {m.what}: {shown} is {"below" if below else "above"} the '
        f'{edge} that "{number_rule.name.replace("_", " ")}" allows.',
        claimed=claimed, computed=computed, limit=edge,
    )


def true_but_understated(figure: ClaimedFigure, m: Measure, point: Fraction, fmt: Fmt, places: int, x: Fraction,
                         k: Fraction) -> Diagnosis:
    """"more than X" (or "at least X") that holds, by more than ``k`` of X."""
    above = pct_plain((point - x) / x)
    limit = pct_plain(k)
    claimed = plain(fmt, x)
    return _d(
        "true_but_understated",
        f'"{figure.text}" is true but understated: {m.what} is {fmt(point, places)}, '
        f"{above} above {claimed} (the claim is called understated beyond {limit} above).",
        claimed=claimed, computed=fmt(m.signed.point, places), above=above, limit=limit,
    )


# --- the inputs' rounding -------------------------------------------------------------------


def rounding_edge(figure: ClaimedFigure, m: Measure, x: Fraction | None, bands: Bands, point: Fraction,
                  sign: int, places: int) -> Diagnosis:
    """Consistent only within the inputs' rounding: which inputs reach the claim."""
    acc = bands.accurate
    need_higher = acc.lo is not None and point < acc.lo  # on the claim's oriented scale
    raw_high = need_higher if sign == 1 else not need_higher
    claim = plain(m.fmt, x) if x is not None else f'"{figure.text}"'
    claimed = plain(m.fmt, x) if x is not None else None
    as_written = signed(m.fmt, m.signed.point, places) if m.is_change else m.fmt(m.signed.point, places)
    computed = m.fmt(m.signed.point, places)
    ch = m.change
    show = (lambda v: signed(m.fmt, v, places)) if m.is_change else (lambda v: m.fmt(v, places))
    if (ch is not None and m.via is not None and ch.old.interval.bounded and ch.new.interval.bounded
            and ch.old.interval.lo > 0):  # type: ignore[operator]
        # every change function rises with the new value and falls with the old one
        old = ch.old.interval.lo if raw_high else ch.old.interval.hi
        new = ch.new.interval.hi if raw_high else ch.new.interval.lo
        reach = ch.of(m.via, Value.exact(old), Value.exact(new))  # type: ignore[arg-type]
        assert reach is not None
        # inputs written as percents are shown as percents ("3.245% → 3.5%", not "0.03 → 0.04")
        # (an edge of a rounding carries one more decimal than the figure: 2.73 → 2.735)
        edge = (lambda v: fmt_decimal(v * 100, 4, trim=True) + "%") if ch.percentish() else (
            lambda v: fmt_amount(v, exact_places(v)))
        old_edge, new_edge = edge(old), edge(new)  # type: ignore[arg-type]
        far = sign * reach.point
        if (acc.hi is not None and far > acc.hi) if need_higher else (acc.lo is not None and far < acc.lo):
            # the rounding is wide enough to carry the value past the claim: the claim sits
            # inside what the inputs allow, not at their edge, so say how wide that is
            lo_old, lo_new = ch.old.interval.hi, ch.new.interval.lo
            hi_old, hi_new = ch.old.interval.lo, ch.new.interval.hi
            low = ch.of(m.via, Value.exact(lo_old), Value.exact(lo_new))  # type: ignore[arg-type]
            high = ch.of(m.via, Value.exact(hi_old), Value.exact(hi_new))  # type: ignore[arg-type]
            assert low is not None and high is not None
            return _d(
                "rounding_edge",
                f"{claim} is reachable within the inputs' rounding, which allows anything from "
                f"{show(low.point)} ({edge(lo_old)} → {edge(lo_new)}) to {show(high.point)} "  # type: ignore[arg-type]
                f"({edge(hi_old)} → {edge(hi_new)}); as written, {ch.written(0)} → {ch.written(1)} "  # type: ignore[arg-type]
                f"gives {as_written}.",
                claimed=claimed, computed=computed, reachable=m.fmt(reach.point, places), old_edge=old_edge,
                new_edge=new_edge,
            )
        return _d(
            "rounding_edge",
            f"{claim} is reachable only at the edge of the inputs' rounding ({old_edge} → "
            f"{new_edge} gives {show(reach.point)}); as written, {ch.written(0)} → {ch.written(1)} "
            f"gives {as_written}.",
            claimed=claimed, computed=computed, reachable=m.fmt(reach.point, places), old_edge=old_edge, new_edge=new_edge,
        )
    end = m.signed.interval.hi if raw_high else m.signed.interval.lo
    if end is None:
        return _d("rounding_edge",
                  f"{claim} is reachable only within the inputs' rounding, which leaves {m.what} unbounded; "
                  f"as written it is {as_written}.", claimed=claimed, computed=computed)
    return _d("rounding_edge",
              f"{claim} is reachable only at the edge of the inputs' rounding ({m.what} could be as "
              f"{'high' if raw_high else 'low'} as {show(end)}); as written it is {as_written}.",
              claimed=claimed, computed=computed, reachable=m.fmt(end, places))


def _precision(w: Written) -> str:
    if w.percent:
        return fmt_decimal(w.u * 100, 4, trim=True) + " point" + ("" if w.u * 100 == 1 else "s")
    return fmt_decimal(w.u, 4, trim=True)


def settle(ev: Evaluation, m: Measure) -> str:
    """The evidence that would settle a verdict resting on the inputs' rounding."""
    ops = [op for op in ev.operands if op.written is not None and op.written.is_rounded()]
    if ops:
        parts = [f"{op.name} ({op.written.text}, rounded to the nearest {_precision(op.written)})" for op in ops]  # type: ignore[union-attr]
        return "The unrounded figures would settle it: " + ", ".join(parts) + "."
    ch = m.change
    if ch is not None:
        parts = [f"{ch.written(i)} (which stands for {fmt_interval(v.interval, fmt_amount)})"
                 for i, v in ((0, ch.old), (1, ch.new)) if not v.is_exact]
        if parts:
            return "The unrounded figures would settle it: " + ", ".join(parts) + "."
    return "The unrounded inputs would settle it: the verdict rests on their rounding."


# --- periods ----------------------------------------------------------------------------------

# A unit that already is a rate: totals over unequal periods do not apply to it.
_RATE_UNIT = re.compile(r"/|\b(?:" + lexicon.alternation(lexicon.RATE_UNIT_WORDS) + r")\b", re.I)


def unequal_periods(ch: Change) -> Diagnosis | None:
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
    change = None if pa == 0 else (pb - pa) / pa
    rel = "" if change is None else f", a change of {signed(PCT, change)}"
    pa_t = f" ({a.period})" if a.period else ""
    pb_t = f" ({b.period})" if b.period else ""
    per_a, per_b = fmt_decimal(pa, 2), fmt_decimal(pb, 2)
    return _d(
        "unequal_periods",
        f"Unequal periods: the inputs are totals over {da} days{pa_t} against {db}{pb_t}, compared as if "
        f"equal; per day, {ch.written(0)} ÷ {da} = {per_a} against {ch.written(1)} ÷ {db} = {per_b}{rel}.",
        old_days=str(da), new_days=str(db), old_per_day=per_a, new_per_day=per_b,
        per_day_change=None if change is None else PCT(change),
    )


# --- readings that hold the verdict at approximate --------------------------------------------


def upside_down_ratio(a: str, b: str, value: Fraction) -> Diagnosis:
    """``ratio(a, b)`` whose inverse ``b ÷ a`` fits the claim."""
    computed = fmt_decimal(value, 3)
    inv = fmt_decimal(1 / value, 3)
    return _d(
        "upside_down_ratio",
        f"Upside-down ratio: ratio({a}, {b}) is {a} ÷ {b} = {computed}; the claim fits {b} ÷ {a} = {inv}, so the "
        "arguments are probably the wrong way round (ratio(new, old) for a change).",
        numerator=a, denominator=b, computed=computed, inverted=inv,
    )


def times_more(figure: ClaimedFigure, n: Fraction, value_text: str) -> Diagnosis:
    """"N times more" that fits only its literal reading, 1 + N times as many."""
    claimed, literal = plain(MULT, n), plain(MULT, n + 1)
    return _d(
        "times_more",
        f'"{figure.text}" read literally is 1 + {claimed} = {literal} times as many, which fits {value_text}; most '
        f'writers mean {claimed} times as many, which does not: say "{claimed} times as many" or give the ratio.',
        claimed=claimed, literal=literal, computed=value_text,
    )


def scale_slip(figure: ClaimedFigure, value_text: str, words: str, factor: int, scaled: Fraction) -> Diagnosis:
    """A count claimed with a scale word ("$360 billion") against a computation in billions."""
    claimed, scale, in_scale = fmt_amount(figure.value), fmt_amount(Fraction(factor)), plain(AMOUNT, scaled)  # type: ignore[arg-type]
    return _d(
        "scale_slip",
        f'Scale: the computed {value_text} is "{figure.text}" counted in {words} ({claimed} ÷ {scale} = {in_scale}); '
        "write the inputs in full (or the claim in the same units) to check it.",
        claimed=claimed, scale=scale, scaled=in_scale, computed=value_text,
    )


# --- a level written with the change ------------------------------------------------------------


def level_without_value(level: str, which: str) -> Diagnosis:
    return _d("level_unchecked", f'The level "{level}" is not checked: the computation has no {which} value to '
              "compare it with (write it as pct_change(old, new), pp_change or diff).", level=level)


def level_other_kind(level: str, level_percent: bool, which: str, arg_percent: bool) -> Diagnosis:
    return _d("level_unchecked", f'The level "{level}" is not checked: it is {"a percent" if level_percent else "a number"}, '
              f"and the computation's {which} value is {'a percent' if arg_percent else 'a number'}.", level=level)


def level_other_units(level: str, which: str, shown: str, factor: int) -> Diagnosis:
    f = fmt_amount(Fraction(factor))
    return _d("level_other_units", f'The level "{level}" matches the computation\'s {which} value, {shown}, read in other '
              f"units (a factor of {f}); write the inputs in the claim's units.", level=level, computed=shown, factor=f)


def level_off(level: str, which: str, shown: str, close: bool) -> Diagnosis:
    why = "is close to" if close else "does not match"
    return _d("level_close" if close else "level_wrong", f'The level "{level}" {why} the computation\'s {which} value, {shown}.',
              level=level, computed=shown)


def named_off(claimed: str, noun: str, role: str, shown: str, close: bool) -> Diagnosis:
    """A number the phrase names as an input that the computation's input is not:
    "The claim names 392 as its base; compute uses 282." """
    text = (f"The claim names {claimed} as {noun}, close to the {shown} compute uses." if close
            else f"The claim names {claimed} as {noun}; compute uses {shown}.")
    return _d("named_close" if close else "named_wrong", text, role=role, claimed=claimed, computed=shown)


# --- made outside the judgement -------------------------------------------------------------


def sources_compared(left: Fraction, right: Fraction, within: Fraction, within_text: str, *,
                     percent: bool = False) -> Diagnosis | None:
    """A cross-source check's own sentence: how far apart the two sides are, against its
    margin. Two rates (``percent``) are written as percents, their gap in points."""
    if right == 0:
        return None
    diff = left - right
    rel = diff / abs(right)
    agree = abs(rel) <= within
    if percent:
        l, r, gap = fmt_percent(left), fmt_percent(right), POINTS(abs(diff))
    else:
        l, r, gap = fmt_count(left), fmt_count(right), fmt_count(abs(diff))
    share = fmt_percent(abs(rel))
    return _d(
        "sources_agree" if agree else "sources_disagree",
        f"{l} against {r}: they differ by {gap} ({share} of {r}), so the sources "
        f"{'agree within' if agree else 'differ by more than'} {within_text}.",
        left=l, right=r, difference=gap, relative=share, within=within_text,
    )


def computation_note(text: str) -> Diagnosis:
    """A caveat the evaluation of the expression itself made."""
    return Diagnosis("computation_note", text, {})


def cannot_compute(message: str) -> Diagnosis:
    """Why the computation has no value to judge."""
    return Diagnosis("cannot_compute", message, {})


def unique(diagnoses: list[Diagnosis] | tuple[Diagnosis, ...]) -> tuple[Diagnosis, ...]:
    """Each sentence once, in order: the same diagnosis reached twice is said once."""
    seen: set[str] = set()
    out = []
    for d in diagnoses:
        if d.text not in seen:
            seen.add(d.text)
            out.append(d)
    return tuple(out)
