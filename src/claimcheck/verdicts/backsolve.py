"""Back-solved diagnoses: what would make an inaccurate claim accurate.

When a claim is inaccurate against a computation of two inputs (a change: ``pct_change``,
``pp_change``, ``diff``, ``ratio``; or a ``share``), the report says what is wrong; this
module says what the author most likely meant, by solving for the inputs:

* **swapped** — the two inputs the other way round make the claim accurate: "increased
  3.2 percent, from $59,039 to $57,230" fits 57,230 → 59,039 (+3.16%), so from and to
  may have been printed in the wrong order;
* **digit slip** — one input with two adjacent digits transposed, or one digit one off,
  makes the claim accurate, and exactly one such reading does;
* **solved input** — for each input, the value that makes the claim accurate: "17%
  less than X = 234 implies X ≈ 282 (printed 392)". When the phrase names one of the
  inputs ("less than the 392"), only the inputs it names are solved for: the phrase's own
  number is what it claims. A solved value is named only when it is within a factor of
  one and a half of the number printed, so a far-off claim gets no invented "fix".

Each is tried in that order and the first that explains the claim is given. Every
candidate is verified by judging the claim again against the changed inputs, through the
``accurate`` callback the verdict passes in; nothing is suggested that the verdict would
not call accurate, and the verdict calls this only for an inaccurate claim.

Each is a typed :class:`~claimcheck.verdicts.diagnoses.Diagnosis` (kinds ``swapped``,
``digit_slip``, ``solved_input``) with its numbers as data.
"""

from __future__ import annotations

import re
from dataclasses import replace
from fractions import Fraction
from typing import TYPE_CHECKING, Callable, Mapping

from claimcheck import lexicon
from claimcheck.expr import Evaluation, Operand
from claimcheck.numbers import MINUS, NumberError, Value, Written, decimal_places, fmt_decimal, parse_number
from claimcheck.verdicts.diagnoses import Diagnosis

if TYPE_CHECKING:
    from claimcheck.figures import ClaimedFigure, Level

__all__ = ["KIND_NAMES", "back_solve"]

#: The kinds of diagnosis this module makes (described in :data:`claimcheck.verdicts.KINDS`).
KIND_NAMES: frozenset[str] = frozenset({"swapped", "digit_slip", "solved_input"})


def _d(kind: str, text: str, data: Mapping[str, str]) -> Diagnosis:
    return Diagnosis(kind, text, {k: v.replace(MINUS, "-") for k, v in data.items()})


#: The role of each argument of the functions of two inputs.
_ROLES: Mapping[str, tuple[str, str]] = {
    "pct_change": ("old", "new"),
    "pp_change": ("old", "new"),
    "diff": ("old", "new"),
    "ratio": ("new", "old"),  # ratio(a, b) = a ÷ b: ratio(new, old) for a change
    "share": ("part", "whole"),
}
#: A solved value further than this factor from the number printed explains nothing.
_PLAUSIBLE = Fraction(3, 2)
_DIGITS_RE = re.compile("(" + lexicon.CURRENCY_CLASS + r"?)(\d[\d,]*(?:\.\d+)?)(%?)")
_MAX_DIGITS = 9

Accurate = Callable[["ClaimedFigure", Evaluation], bool]


def back_solve(figure: ClaimedFigure, ev: Evaluation, accurate: Accurate) -> tuple[Diagnosis, ...]:
    """The diagnoses that explain an inaccurate ``figure`` against ``ev``, or ()."""
    roles = _ROLES.get(ev.func or "")
    if roles is None or len(ev.args) != 2 or len(ev.arg_operands) != 2 or figure.value is None and (
            figure.level_from is None and figure.level_to is None):
        return ()
    swapped = _swapped(figure, ev, roles, accurate)
    if swapped is not None:
        return (swapped,)
    slip = _digit_slip(figure, ev, roles, accurate)
    if slip is not None:
        return (slip,)
    return _solved_inputs(figure, ev, roles, accurate)


# --- the computation with other inputs ------------------------------------------------------


def _way(ev: Evaluation) -> int:
    """Which way the computation goes: +1 a rise, −1 a fall, 0 neither (or a share)."""
    if ev.func == "share":
        return 0
    v = ev.value.point - (1 if ev.func == "ratio" else 0)
    return (v > 0) - (v < 0)


def _same_way(figure: ClaimedFigure, ev: Evaluation, other: Evaluation) -> bool:
    """A reading that turns a rise into a fall explains nothing a claim with no direction
    says ("about 30%" is not fixed by a transposition that makes +25% into −28.57%)."""
    return figure.direction != "none" or _way(other) == _way(ev)


def _recompute(ev: Evaluation, args: tuple[Value, Value], ops: tuple[Operand | None, ...]) -> Evaluation | None:
    a, b = args
    f = ev.func
    if f == "pct_change":
        if a.point == 0:
            return None
        value = b / a - Value.exact(1)
    elif f in ("pp_change", "diff"):
        value = b - a
    else:  # ratio, share
        if b.point == 0:
            return None
        value = a / b
    return replace(ev, value=value, args=(a, b), arg_operands=ops)


def _with_input(ev: Evaluation, i: int, x: Fraction, written: Written | None = None) -> Evaluation | None:
    args = list(ev.args)
    ops = list(ev.arg_operands)
    args[i] = Value.exact(x)
    if ops[i] is not None:
        ops[i] = replace(ops[i], value=args[i], written=written or ops[i].written)  # type: ignore[arg-type]
    return _recompute(ev, (args[0], args[1]), tuple(ops))


def _named(figure: ClaimedFigure, role: str) -> Level | None:
    """The number the phrase names for the input of ``role``, if any."""
    if role in ("old", "whole"):
        lv = figure.level_from
        if lv is not None and (lv.role in ("", "old", "base") or role == "whole"):
            return lv
    if role == "new" and figure.level_to is not None:
        return figure.level_to
    return next((lv for lv in figure.named if lv.role == role or (role == "whole" and lv.role == "base")), None)


def _renamed(figure: ClaimedFigure, role: str, x: Fraction, ev_arg: Operand | None) -> ClaimedFigure:
    """``figure`` with the number it names for ``role`` read as ``x`` (on the level's scale)."""
    lv = _named(figure, role)
    if lv is None:
        return figure
    scaled = _level_scale(lv, x, ev_arg)
    new = replace(lv, value=scaled)
    if lv is figure.level_from:
        return replace(figure, level_from=new)
    if lv is figure.level_to:
        return replace(figure, level_to=new)
    return replace(figure, named=tuple(new if n is lv else n for n in figure.named))


def _unscale(lv: Level, op: Operand | None) -> Fraction:
    """A level's value on the scale of the input it names (the inverse of :func:`_level_scale`)."""
    if lv.percent and not _percent_input(op):
        return lv.value * 100
    if not lv.percent and _percent_input(op):
        return lv.value / 100
    return lv.value


def _percent_input(op: Operand | None) -> bool:
    return op is not None and ((op.written is not None and op.written.percent) or (op.unit or "").strip() == "%")


def _level_scale(lv: Level, x: Fraction, op: Operand | None) -> Fraction:
    """An input value written as the level is: a percent level against plain inputs is
    the input ÷ 100 (levels keep percents as fractions)."""
    if lv.percent and not _percent_input(op):
        return x / 100
    if not lv.percent and _percent_input(op):
        return x * 100
    return x


# --- swapped ------------------------------------------------------------------------------


def _swapped(figure: ClaimedFigure, ev: Evaluation, roles: tuple[str, str], accurate: Accurate) -> Diagnosis | None:
    if "part" in roles or figure.direction == "none":
        return None  # swapping turns the change round: it explains only a claimed direction
    other = _recompute(ev, (ev.args[1], ev.args[0]), tuple(ev.arg_operands)[::-1])
    if other is None:
        return None
    readings = [figure]
    if figure.level_from is not None and figure.level_to is not None:  # printed in the wrong order too
        readings.append(replace(figure, level_from=replace(figure.level_to, role=figure.level_from.role),
                                level_to=replace(figure.level_from, role=figure.level_to.role)))
    if not any(accurate(fig, other) for fig in readings):
        return None
    old_i, new_i = (0, 1) if roles[0] == "old" else (1, 0)
    old, new = _shown(ev, new_i), _shown(ev, old_i)  # the other way round
    computed = _computed(other)
    return _d("swapped", f"Reversed: {old} → {new} is {computed}; from and to may be swapped.",
              {"old": old, "new": new, "computed": computed})


# --- digit slips --------------------------------------------------------------------------


def _variants(text: str) -> list[tuple[str, str]]:
    """(text, what changed) for each transposition of two adjacent digits and each digit
    one off, keeping the number's own format ("$59,039", "4.4%")."""
    m = _DIGITS_RE.fullmatch(text.strip())
    if m is None:
        return []
    sign, body, pct = m.groups()
    places = [k for k, ch in enumerate(body) if ch.isdigit()]
    if len(places) > _MAX_DIGITS:
        return []
    out: list[tuple[str, str]] = []
    for a, b in zip(places, places[1:]):
        if body[a] != body[b]:
            s = list(body)
            s[a], s[b] = s[b], s[a]
            out.append(("".join(s), "two digits transposed"))
    for k in places:
        for step in (-1, 1):
            d = int(body[k]) + step
            if 0 <= d <= 9 and not (d == 0 and k == places[0] and len(places) > 1):
                out.append((body[:k] + str(d) + body[k + 1 :], "one digit one off"))
    return [(sign + v + pct, why) for v, why in out if not (v[0] == "0" and len(v) > 1 and v[1].isdigit())]


#: Hedges that bound the claim on one side only: many readings fit them, so no one slip explains.
_ONE_SIDED = frozenset({"more_than", "at_least", "less_than", "at_most"})


def _near(ev: Evaluation, roles: tuple[str, str], target: tuple[str, Fraction], within: Fraction) -> bool:
    """Whether the relation the claim states holds roughly (within a quarter of the claimed
    value and one unit of its last digit, :func:`_nearness`) on ``ev``: the accurate band
    of every two-sided hedge lies inside that, so the verdict is asked only about readings
    that can fit."""
    return _near_points(tuple(a.point for a in ev.args), roles, target, within)


def _nearness(figure: ClaimedFigure, target: tuple[str, Fraction]) -> Fraction:
    """How far from the claimed value a reading is still :func:`_near`: a quarter of it and
    one unit of its last digit, on the target's scale (points of plain percents are ×100)."""
    t = abs(target[1])
    u = figure.u or Fraction(0)
    if figure.value:
        u = u * t / figure.value
    return t / 4 + u


#: The positions of the old and new values among a function's two arguments (a share's
#: part and whole play new and old), by the function's roles.
_OLD_NEW = {roles: (roles.index("old") if "old" in roles else roles.index("whole"),
                    roles.index("new") if "new" in roles else roles.index("part")) for roles in _ROLES.values()}


def _near_points(points: tuple[Fraction, ...], roles: tuple[str, str], target: tuple[str, Fraction],
                 within: Fraction) -> bool:
    """:func:`_near` on the function's argument values themselves."""
    how, t = target
    i, j = _OLD_NEW[roles]
    old, new = points[i], points[j]
    if how == "diff":
        r = new - old
    elif old == 0:
        return False
    else:
        r = new / old - (1 if how == "rel" else 0)
    return abs(r - t) <= within


def _digit_slip(figure: ClaimedFigure, ev: Evaluation, roles: tuple[str, str], accurate: Accurate) -> Diagnosis | None:
    fits: list[tuple[int, str, str, Evaluation]] = []
    target = _target(figure, ev, roles)
    if target is None or figure.qualifier in _ONE_SIDED:
        return None
    named = [r for r in roles if _named(figure, r) is not None]
    within = _nearness(figure, target)
    for i in (0, 1):
        if named and roles[i] not in named:
            continue  # the phrase names the input it claims about: a slip in that one
        op = ev.arg_operands[i]
        if op is None or op.written is None:
            continue
        points = [a.point for a in ev.args]
        for text, why in _variants(op.written.text):
            try:
                written = parse_number(text)
            except NumberError:
                continue
            # the argument is the printed number itself: most variants are far from the
            # claim, and are dropped before the whole computation is redone
            points[i] = written.value
            if not _near_points(tuple(points), roles, target, within):
                continue
            other = _with_input(ev, i, written.value, written)
            if other is None or not _same_way(figure, ev, other) or not _near(other, roles, target, within):
                continue
            fig = _renamed(figure, roles[i], written.value, op)
            if accurate(fig, other):
                fits.append((i, text, why, other))
                if len(fits) > 1:
                    return None  # more than one reading fits: none explains it
    if len(fits) != 1:
        return None
    i, _, why, other = fits[0]
    printed, text = _shown(ev, i), _shown(other, i)
    computed = _computed(other)
    return _d(
        "digit_slip",
        f"Digit slip: with {text} for the printed {printed} ({why}), the {roles[i]} value gives {computed}, which the "
        "claim fits.",
        {"input": roles[i], "printed": printed, "corrected": text, "slip": why, "computed": computed},
    )


# --- solved inputs ------------------------------------------------------------------------


def _target(figure: ClaimedFigure, ev: Evaluation, roles: tuple[str, str]) -> tuple[str, Fraction] | None:
    """How the claim relates the inputs, and the value it states: ("rel", −0.17) for "17
    percent less", ("ratio", 2) for "doubled", ("diff", 2300) for "2,300 more"."""
    x = figure.value
    if x is None:
        return None
    old_i, new_i = (roles.index("old"), roles.index("new")) if "old" in roles else (1, 0)
    old, new = ev.args[old_i].point, ev.args[new_i].point
    sign = 1 if figure.direction == "up" else -1 if figure.direction == "down" else (1 if new >= old else -1)
    if "part" in roles:
        if figure.unit in ("share", "percent") and figure.direction == "none":
            return "ratio", x
        return None
    if figure.unit == "multiple":
        return "ratio", x
    if figure.unit in ("percent", "share"):
        return "rel", sign * x
    if figure.unit == "points":
        plain = not _percent_input(ev.arg_operands[old_i]) and ev.func in ("pp_change", "diff")
        return "diff", sign * x * (100 if plain else 1)
    return "diff", sign * x


def _solve(how: str, t: Fraction, role: str, old: Fraction, new: Fraction) -> Fraction | None:
    """The value of the input ``role`` (old or new) that makes the relation hold exactly."""
    if how == "rel":
        if role == "new":
            return old * (1 + t)
        return None if t == -1 else new / (1 + t)
    if how == "ratio":
        if role == "new":
            return old * t
        return None if t == 0 else new / t
    return old + t if role == "new" else new - t


def _solved_inputs(figure: ClaimedFigure, ev: Evaluation, roles: tuple[str, str], accurate: Accurate) -> tuple[Diagnosis, ...]:
    target = _target(figure, ev, roles)
    if target is None:
        return ()
    how, t = target
    # a share's part and whole play new and old: part = whole × share
    as_change = {"part": "new", "whole": "old"}
    idx = {as_change.get(r, r): k for k, r in enumerate(roles)}
    old, new = ev.args[idx["old"]].point, ev.args[idx["new"]].point
    named = [r for r in roles if _named(figure, r) is not None]
    out: list[Diagnosis] = []
    for i, role in enumerate(roles):
        if named and role not in named:
            continue  # the phrase names the input it claims about: solve for that one
        x = _solve(how, t, as_change.get(role, role), old, new)
        if x is None:
            continue
        op = ev.arg_operands[i]
        lv = _named(figure, role)
        # the number printed for the input: the phrase's own when it names one
        printed_value = ev.args[i].point if lv is None else _unscale(lv, op)
        printed_text = _shown(ev, i) if lv is None else _level_text(lv)
        if printed_value == 0 or (x > 0) != (printed_value > 0) or not (
                1 / _PLAUSIBLE <= x / printed_value <= _PLAUSIBLE):
            continue
        other = _with_input(ev, i, x)
        if other is None or not _same_way(figure, ev, other) or not accurate(_renamed(figure, role, x, op), other):
            continue
        solved = _round_like(x, op, lv)
        sentence = _equation(figure, how, t, as_change.get(role, role), ev, idx, i, solved)
        out.append(_d(
            "solved_input",
            f"Back-solved: {sentence} implies X ≈ {solved} (printed {printed_text}).",
            {"input": role, "solved": solved, "printed": printed_text, "claimed": _claim_text(figure, how, t)},
        ))
    return tuple(out)


def _equation(figure: ClaimedFigure, how: str, t: Fraction, role: str, ev: Evaluation, idx: dict[str, int],
              i: int, solved: str) -> str:
    """"17% less than X = 234", "2× X = 533", "X + 2,300 = 35,157", "two-thirds of X = 133"."""
    old = "X" if role == "old" else _shown(ev, idx["old"])
    new = "X" if role == "new" else _shown(ev, idx["new"])
    claim = _claim_text(figure, how, t)
    if ev.func == "share":
        return f"{claim} of {old} = {new}"
    if how == "rel":
        return f"{claim} {'less' if t < 0 else 'more'} than {old} = {new}"
    if how == "ratio":
        return f"{claim} × {old} = {new}"
    return f"{old} {'−' if t < 0 else '+'} {claim} = {new}"


def _claim_text(figure: ClaimedFigure, how: str, t: Fraction) -> str:
    if how == "rel" or (how == "ratio" and figure.unit in ("share", "percent")):
        return fmt_decimal(abs(t) * 100, 4, trim=True) + "%"
    if figure.unit == "points" and figure.value is not None:
        return fmt_decimal(figure.value * 100, 4, trim=True) + " points"
    return fmt_decimal(abs(t), 4, trim=True)


# --- numbers as the report writes them -----------------------------------------------------


def _shown(ev: Evaluation, i: int) -> str:
    """An input as the report writes it: "59,039", "4.4%"."""
    op = ev.arg_operands[i]
    v = ev.args[i].point
    if _percent_input(op):
        u = op.written.u if op is not None and op.written is not None else Fraction(1, 1000)
        return fmt_decimal(v * 100, decimal_places(u * 100, 6)) + "%"
    if op is not None and op.written is not None:
        return fmt_decimal(v, decimal_places(op.written.u, 6))
    return _amount(v)


def _amount(x: Fraction, places: int = 2) -> str:
    if x.denominator == 1:
        return fmt_decimal(x, 0)
    return fmt_decimal(x, places, trim=True)


def _round_like(x: Fraction, op: Operand | None, lv: Level | None) -> str:
    """``x`` at the precision of the number printed for it (282 for 281.93 against 392)."""
    if op is not None and op.written is not None:
        u = op.written.u
        if op.written.percent:
            return fmt_decimal(x * 100, decimal_places(u * 100, 6)) + "%"
        return fmt_decimal(x, decimal_places(u, 6))
    if lv is not None:
        return fmt_decimal(x, decimal_places(lv.u, 6))
    return _amount(x)


def _level_text(lv: Level) -> str:
    if lv.percent:
        return fmt_decimal(lv.value * 100, 4, trim=True) + "%"
    return fmt_decimal(lv.value, decimal_places(lv.u, 6))


def _computed(ev: Evaluation) -> str:
    v = ev.value.point
    if ev.func == "ratio":
        return fmt_decimal(v, 3) + "×"
    if ev.func == "share":
        return fmt_decimal(v * 100, 2) + "%"
    if ev.func == "pct_change":
        s = fmt_decimal(v * 100, 2) + "%"
    elif ev.func == "pp_change" or (ev.func == "diff" and all(_percent_input(op) for op in ev.arg_operands)):
        s = fmt_decimal(v * 100 if all(_percent_input(op) for op in ev.arg_operands) else v, 2) + " points"
    else:
        s = _amount(v)
    return s if s.startswith(MINUS) or v <= 0 else "+" + s
