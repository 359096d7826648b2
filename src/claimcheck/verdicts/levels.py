"""The numbers a claim names beside its figure, against the computation's inputs.

A level a change is said to end at or start from ("rose by 0.3 percentage points to
4.2%", ONS), and, in a phrase as published, the base of a comparison ("17 percent less
than the 392"), an endpoint ("from 105 in 2007 to 71") or the part and whole of a share
("secured 133 of 199 seats"). Each is checked against the matching argument of a
two-argument function: the old and new value of a change (a base is the old value), the
part and whole of a share (a base is the whole), at the number's own precision.

A level written with the change may be rounded like the figure, so within 2% of the input
it is close (approximate); a number the phrase names as an input is a copy of the data, so
it is close only one digit off, and otherwise its own diagnosis: "The claim names 392 as its
base; compute uses 282." A level in other units (per cent, or any scale word: thousand,
lakh, million, crore, billion, trillion) is noted, not held against the claim. A percent
level against inputs written as plain numbers (``pct_change(39.2, 44.4)``) is compared
in percent. A number the computation cannot show is reported as not checked, never
guessed at.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING

from claimcheck import lexicon
from claimcheck.expr import Evaluation, Operand
from claimcheck.numbers import Interval, Value, decimal_places
from claimcheck.verdicts import diagnoses, hedges
from claimcheck.verdicts.diagnoses import Diagnosis
from claimcheck.verdicts.measure import CHANGE_FUNCS
from claimcheck.verdicts.show import HUNDRED, ONE, fmt_amount, fmt_pct

if TYPE_CHECKING:
    from claimcheck.figures import ClaimedFigure, Level

__all__ = ["LEVEL_FACTORS", "LevelCheck", "level_checks"]

#: Other units a level may be written in: per cent, and every scale word.
LEVEL_FACTORS = tuple(sorted({100, *lexicon.SCALE_WORDS.values()}))


@dataclass(frozen=True, slots=True)
class LevelCheck:
    """One number a claim names, against the computation's input it stands for."""

    level: Level
    which: str
    """The input it was compared with: "old", "new", "part" or "whole"."""
    verdict: str | None
    """accurate (it matches), approximate (close), inaccurate, or None (not checked)."""
    said: str | None = None
    """When it matches: the sentence for the decision."""
    diagnosis: Diagnosis | None = None
    """Otherwise: what a report points out."""


def _position(ev: Evaluation, role: str) -> tuple[int, str] | None:
    """The argument a number of ``role`` stands for, and what it is called."""
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
            which = {"base": "old"}.get(role, role)
            out.append(LevelCheck(lv, which, None, diagnosis=diagnoses.level_without_value(lv.text, which)))
            continue
        i, which = got
        out.append(_check(lv, role, which, ev.args[i], ev.arg_operands[i] if i < len(ev.arg_operands) else None))
    return out


def _check(lv: Level, role: str, which: str, arg: Value, op: Operand | None) -> LevelCheck:
    arg_fraction = op is not None and (
        (op.written is not None and op.written.percent) or (op.unit or "").strip() == "%")
    value, u = lv.value, lv.u
    if lv.percent and not arg_fraction:
        # "surged to 44.4 percent" against pct_change(39.2, 44.4): percents written as plain numbers
        if abs(arg.point) > 100:
            return LevelCheck(lv, which, None, diagnosis=diagnoses.level_other_kind(lv.text, True, which, False))
        value, u = value * HUNDRED, u * HUNDRED
    elif not lv.percent and arg_fraction:
        if abs(value) > 100:
            return LevelCheck(lv, which, None, diagnosis=diagnoses.level_other_kind(lv.text, False, which, True))
        value, u = value / HUNDRED, u / HUNDRED
    places = decimal_places(u * (HUNDRED if arg_fraction else ONE), 6)
    shown = fmt_pct(arg.point, max(places, 1)) if arg_fraction else fmt_amount(arg.point, max(places, 2))
    claimed = fmt_pct(value, max(places, 1)) if arg_fraction else fmt_amount(value, max(places, 2))
    half = u / 2
    named = role in ("base", "part", "whole") or (lv.role != "" and role in ("old", "new"))
    # a level written with a change may be rounded like the figure (within 2%); a number
    # the phrase names as an input is a copy of the data, close only one digit off
    close = u if named else max(u, abs(value) * hedges.rule("exact").param("approximate_share"))
    off = abs(arg.point - value)
    noun = {"base": "its base", "old": "the old value", "new": "the new value", "part": "the part",
            "whole": "the whole"}.get(role, f"the {which} value")
    if off <= half:
        said = (f"The claim names {claimed} as {noun}, as compute does." if named
                else f'The level "{lv.text}" matches the {which} value, {shown}.')
        return LevelCheck(lv, which, "accurate", said=said)
    units = next((f for f in LEVEL_FACTORS
                  if abs(arg.point * f - value) <= half or abs(arg.point / f - value) <= half), None)
    if units is not None:
        # "fell 12% to 42,420" against pct_change(48.21, 42.42): the inputs are in
        # thousands; the level is the same number in other units, not a wrong claim
        return LevelCheck(lv, which, None, diagnosis=diagnoses.level_other_units(lv.text, which, shown, units))
    near = arg.interval.overlaps(Interval(value - half, value + half)) or off <= close
    verdict = "approximate" if near else "inaccurate"
    if named:
        return LevelCheck(lv, which, verdict, diagnosis=diagnoses.named_off(claimed, noun, role, shown, near))
    return LevelCheck(lv, which, verdict, diagnosis=diagnoses.level_off(lv.text, which, shown, near))
