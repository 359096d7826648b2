"""The decision flow: a claimed figure against a recomputed value, to a :class:`Judgement`.

:func:`judge` brings the computation to the claim's scale (:mod:`.measure`), builds the
claim's bands from the hedge table (:mod:`.bands`), decides, and collects what a careful
fact-checker would point out (:mod:`.diagnoses`).

*accurate* when the accurate band holds the point value (the inputs as written);
*approximate* when the accurate band only overlaps the rounding interval, or the
approximate band holds the point; *inaccurate* otherwise; *unverifiable* when the claim
and the computation measure different things (a count against a ratio): never a false
"inaccurate".

Where the computation, not the claim, looks wrong, the verdict is held at *approximate*
with a diagnosis rather than called inaccurate: a percent computed ×100 by free
arithmetic; ``ratio(a, b)`` written upside down when ``b ÷ a`` fits the claim; "N times
more" that fits only its literal reading, 1 + N times; a count or sum with a scale word
against a computation in that scale's units ("$360 billion" against
``diff(3132, 2772)``). A hedged shrinking multiple is read on the factor of the fall
("more than halved" is old ÷ new > 2).

A level written with the change ("rose by 0.3 percentage points to 4.2%") is checked
against the new (old) argument of a two-argument change function at the level's own
precision; the verdict is the worse of the two. A level in other units (a factor of 100 to
10^12) is noted, not held against the claim; one the computation cannot show is reported
as not checked. "6.5 per 100,000 people" against a share is read as 6.5 ÷ 100,000.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from fractions import Fraction
from typing import TYPE_CHECKING, Mapping

from claimcheck import lexicon
from claimcheck.expr import Evaluation
from claimcheck.numbers import Interval
from claimcheck.results import VERDICTS, VerdictName
from claimcheck.verdicts import diagnoses, hedges
from claimcheck.verdicts.bands import Band, Bands, Decision, bands_for, decide, rule_of, rule_text
from claimcheck.verdicts.diagnoses import Diagnosis
from claimcheck.verdicts.measure import (
    CHANGE_FUNCS,
    Measure,
    Mismatch,
    index_points,
    inverse,
    measure,
    oriented,
    scale_for,
)
from claimcheck.verdicts.show import HUNDRED, MULT, ONE, PCT, ZERO, dir_word, fmt_amount, fmt_pct, plain, show_value

if TYPE_CHECKING:
    from claimcheck.figures import ClaimedFigure

_ORDER = {"accurate": 0, "approximate": 1, "inaccurate": 2}


@dataclass(frozen=True, slots=True)
class Judgement:
    """A verdict on one claimed figure, with everything a report shows about it."""

    verdict: VerdictName
    """accurate, approximate, inaccurate or unverifiable."""
    rule_name: str
    """The hedge rule applied: a name in :data:`claimcheck.verdicts.hedges.RULES` ("nearly")."""
    rule: str
    """The band with real numbers: '"nearly 20%" accepts 18.00%–20.50% (nearly: …)'."""
    decided_by: str
    """One sentence: which band held the point, or only overlapped the interval."""
    value_text: str
    """The recomputed value as shown, in the computation's own terms: "−19.12%"."""
    interval_text: str | None
    """The interval the inputs' rounding allows ("−15.87% to −9.84%"); None when exact."""
    diagnoses: tuple[Diagnosis, ...] = ()
    """What a fact-checker would point out, each with its kind and real numbers."""
    settle: str | None = None
    """What evidence would settle it, when the verdict rests on the inputs' rounding."""
    compared: Fraction | None = None
    """The magnitude compared with the bands (on the claim's scale), exact."""


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


def judge(figure: ClaimedFigure, ev: Evaluation, *, tolerance: Mapping[str, Fraction] | None = None) -> Judgement:
    """Judge ``figure`` against the evaluation ``ev``; see the module docstring for the rules.

    ``tolerance`` overrides band parameters by ``rule.param`` name
    (``{"nearly.accurate_below": Fraction(1, 20)}``).
    """
    if figure.per_base is not None and figure.value is not None and ev.kind in ("share", "ratio"):
        # "6.5 per 100,000 people" against share(deaths, population): 6.5 ÷ 100,000
        figure = replace(figure, value=figure.value / figure.per_base, unit="share",
                         u=None if figure.u is None else figure.u / figure.per_base)
    j = _judge_number(figure, ev, tolerance)
    if j.verdict != "unverifiable" and (figure.level_to is not None or figure.level_from is not None):
        j = _check_levels(figure, ev, j)
    return j


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
        flipped = Evaluation(inverse(ev.value), "ratio", ev.arithmetic, "ratio", ev.args[::-1],
                             tuple(ev.arg_operands)[::-1], ev.operands, ev.notes)
        if _judge(figure, flipped, tolerance).verdict == "accurate":
            a, b = (fmt_amount(v.point) for v in ev.args)
            return Judgement(
                "approximate", j.rule_name, j.rule,
                j.decided_by + " The ratio upside down fits the claim; the verdict is held at approximate "
                "until the computation is fixed.",
                j.value_text, j.interval_text,
                (diagnoses.upside_down_ratio(a, b, ev.value.point),) + j.diagnoses,
                j.settle, j.compared,
            )
    return j


_LEVEL_FACTORS = (100, 10**3, 10**6, 10**9, 10**12)


def _places_of(u: Fraction) -> int:
    """Decimal places of a precision ``u`` (0.1 → 1, 1 → 0, 1,000 → 0)."""
    places = 0
    while u.denominator != 1 and places < 6:
        u *= 10
        places += 1
    return places


def _check_levels(figure: ClaimedFigure, ev: Evaluation, j: Judgement) -> Judgement:
    """The level a change is said to end at or start from ("rose by 0.3 percentage points
    to 4.2%", ONS), against the new (old) argument of a two-argument change function, at
    the level's own precision: the verdict is the worse of the change's and the level's.
    A level the computation cannot show is reported as not checked, never guessed at.
    """
    pos = CHANGE_FUNCS.get(ev.func or "")
    verdict, notes, said = j.verdict, list(j.diagnoses), []
    for lv, k, which in ((figure.level_from, 0, "old"), (figure.level_to, 1, "new")):
        if lv is None:
            continue
        if pos is None or len(ev.args) != 2:
            notes.append(diagnoses.level_without_value(lv.text, which))
            continue
        i = pos[k]
        arg = ev.args[i]
        op = ev.arg_operands[i] if i < len(ev.arg_operands) else None
        arg_percent = ev.func == "pp_change" or (op is not None and (
            (op.written is not None and op.written.percent) or (op.unit or "").strip() == "%"))
        if arg_percent != lv.percent:
            notes.append(diagnoses.level_other_kind(lv.text, lv.percent, which, arg_percent))
            continue
        places = _places_of(lv.u * (HUNDRED if lv.percent else ONE))
        shown = fmt_pct(arg.point, max(places, 1)) if lv.percent else fmt_amount(arg.point, max(places, 2))
        half = lv.u / 2
        whole = max(lv.u, abs(lv.value) * hedges.rule("exact").param("approximate_share"))
        off = abs(arg.point - lv.value)
        if off <= half:
            said.append(f'The level "{lv.text}" matches the {which} value, {shown}.')
            continue
        units = next((f for f in _LEVEL_FACTORS
                      if abs(arg.point * f - lv.value) <= half or abs(arg.point / f - lv.value) <= half), None)
        if units is not None:
            # "fell 12% to 42,420" against pct_change(48.21, 42.42): the inputs are in
            # thousands; the level is the same number in other units, not a wrong claim
            notes.append(diagnoses.level_other_units(lv.text, which, shown, units))
            continue
        close = arg.interval.overlaps(Interval(lv.value - half, lv.value + half)) or off <= whole
        level_verdict = "approximate" if close else "inaccurate"
        notes.append(diagnoses.level_off(lv.text, which, shown, close))
        if _ORDER[level_verdict] > _ORDER[verdict]:  # type: ignore[index]
            verdict = level_verdict
    if verdict == j.verdict and not said and len(notes) == len(j.diagnoses):
        return j
    decided = " ".join([j.decided_by, *said])
    if verdict != j.verdict:
        decided += f" The level written with the change decides: {verdict}."
    return replace(j, verdict=verdict, decided_by=decided, diagnoses=diagnoses.unique(notes))  # type: ignore[arg-type]


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
    return replace(j, verdict="approximate",
                   decided_by=j.decided_by + " The literal reading (1 + N times) fits; the verdict is held at approximate.",
                   diagnoses=(diagnoses.times_more(figure, figure.value, j.value_text),) + j.diagnoses)


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
    if rule_of(figure).name in ("more_than", "at_least", "less_than", "at_most"):
        # a one-sided claim fits any small or large number: "upwards of 2.5 million" is not
        # met by 2,378,944 read in millions (calc_published.yaml, cbp-upwards-of-2.5-million-wrong)
        return j
    for factor, words in _SCALE_WORDS:
        if figure.value < factor:
            continue
        scaled = replace(figure, value=figure.value / factor, u=None if figure.u is None else figure.u / factor)
        if _judge(scaled, ev, tolerance).verdict != "accurate":
            continue
        return replace(j, verdict="approximate",
                       decided_by=j.decided_by + f" Read in {words} it fits; the verdict is held at approximate "
                       "until the computation states its units.",
                       diagnoses=(diagnoses.scale_slip(figure, j.value_text, words, factor, scaled.value),)  # type: ignore[arg-type]
                       + j.diagnoses)
    return j


def _word_decision(figure: ClaimedFigure, rule: hedges.HedgeRule, ev: Evaluation, direction: str,
                   tolerance: Mapping[str, Fraction] | None) -> tuple[Decision, str] | None:
    """The slightly/sharply word judged on the size of the percent change, when known."""
    rel = measure(figure, ev, "change")
    if isinstance(rel, Mismatch):
        return None
    point, iv, _ = oriented(rel, direction)
    bands = bands_for(rule, None, ZERO, tolerance)
    if direction in ("up", "down"):
        bands = Bands(rule, bands.accurate.above_zero(), bands.approximate.above_zero())
    places = PCT.places(bands.accurate.lo, bands.accurate.hi, bands.approximate.lo, bands.approximate.hi)
    dec = decide(bands, point, iv, PCT, places, "the size of the percent change", rel.note)
    return dec, rule_text(figure, bands, PCT, places, label=rule.name)


def _judge(figure: ClaimedFigure, ev: Evaluation, tolerance: Mapping[str, Fraction] | None) -> Judgement:
    index = index_points(figure, ev)
    if index is not None:
        figure = index
    rule = rule_of(figure)
    value_text, interval_text = show_value(ev)
    direction = figure.direction
    x = figure.value
    if x is not None and x < 0:
        # "−19%" with no direction word: a fall of 19%
        x = -x
        direction = "down" if direction == "none" else direction
    u = figure.u if figure.u is not None else ZERO

    scale = scale_for(figure)
    m = measure(figure, ev, scale)
    if isinstance(m, Mismatch):
        return Judgement(
            "unverifiable", rule.name, f'"{figure.text}": {rule.name} ({rule.accurate})',
            "The claim and the computation measure different things.", value_text, interval_text, (m.reason,),
        )

    found: list[Diagnosis] = []
    if scale == "multiple" and x is not None and x != 1 and m.signed.point != 1 and (x > 1) != (m.signed.point > 1):
        found.append(diagnoses.wrong_way_multiple(figure, x, m))
    space_note = ""
    if scale == "multiple" and x is not None and 0 < x < 1 and rule.name != "multiple" and m.signed.point > 0:
        # "more than halved" means the fall exceeds half: the ratio is below 0.5. Hedges
        # read on the factor of the fall, old ÷ new ("halved" is 2), where "more than",
        # "nearly" and the rest keep their sense (inflation 9.1% → 3.0% more than halved).
        m = Measure(inverse(m.signed), MULT, "the factor of the fall (old ÷ new)", m.note, False, m.change, None)
        space_note = f"; read as the factor of the fall, old ÷ new ({plain(MULT, 1 / x)} for {plain(MULT, x)})"
        x = 1 / x

    point, iv, sign = oriented(m, direction)
    direction_claimed = direction in ("up", "down") and m.is_change
    number_rule = hedges.rule("exact") if rule.name in ("slightly", "sharply") else rule
    fmt = m.fmt

    if x is None and rule.name not in ("slightly", "sharply"):
        # a direction word alone ("rose", "fell"): only the direction is claimed
        bands = Bands(rule, Band(ZERO, None, True), Band(ZERO, None, True))
        places = fmt.places()
        decision = decide(bands, point, iv, fmt, places, m.what, m.note)
        rule_words = f'"{figure.text}" claims only a direction: {dir_word(direction)} of any size'
    else:
        if x is None:
            bands = bands_for(rule, None, ZERO, tolerance)
        else:
            bands = bands_for(number_rule, x, u, tolerance, multiple=scale == "multiple")
        if direction_claimed:
            bands = Bands(bands.rule, bands.accurate.above_zero(), bands.approximate.above_zero(), bands.widened)
        places = fmt.places(x, u, bands.accurate.lo, bands.accurate.hi, bands.approximate.lo, bands.approximate.hi)
        decision = decide(bands, point, iv, fmt, places, m.what, m.note)
        rule_words = rule_text(figure, bands, fmt, places)
        if x is not None and number_rule is not rule:
            # "edged up 0.2%": the number as written, and the word on the size of the change
            word = _word_decision(figure, rule, ev, direction, tolerance)
            if word is not None:
                wdec, wtext = word
                rule_words += f"; and {wtext}"
                if _ORDER[wdec.verdict] > _ORDER[decision.verdict]:
                    decision = Decision(wdec.verdict, wdec.by_interval, decision.sentence + " " + wdec.sentence)

    verdict: str = decision.verdict
    rule_words += space_note

    if direction_claimed and sign * m.signed.point < 0:
        found.append(diagnoses.wrong_direction(figure, direction, m))
    elif direction_claimed and m.signed.point == 0:
        found.append(diagnoses.no_change(figure, direction, m))

    rescaled: str | None = None
    if verdict != "accurate" and x is not None:
        ambiguous = ev.kind in ("number", "points")
        scaled = diagnoses.hundredfold(m, x, u, direction, number_rule, tolerance, ambiguous)
        if scaled is not None:
            fit, found_scale = scaled
            found.append(found_scale)
            if ambiguous:
                rescaled = fit
        if scale in ("change", "level") and m.change is not None and m.via == "rel":
            found.extend(diagnoses.percent_vs_points(figure, m.change, x, u, direction, number_rule, tolerance))
            found.extend(diagnoses.wrong_base(m.change, x, u, direction, number_rule, tolerance))
        if scale == "points" and m.change is not None:
            found.extend(diagnoses.points_vs_percent(figure, m.change, x, u, direction, number_rule, tolerance))
    if (verdict != "accurate" and not decision.by_interval and rescaled is None
            and not (direction_claimed and sign * m.signed.point <= 0)):
        over = diagnoses.over_under(figure, rule, bands, point, fmt, places, m, x, u, number_rule)
        if over:
            found.append(over)

    if x is not None and rule.name in ("more_than", "at_least") and verdict == "accurate":
        k = rule.param("understated_above", tolerance)
        if point > x * (1 + k):
            found.append(diagnoses.true_but_understated(figure, m, point, fmt, places, x, k))

    settle = None
    if decision.by_interval:
        found.append(diagnoses.rounding_edge(figure, m, x, bands, point, sign, places))
        settle = diagnoses.settle(ev, m)

    if m.change is not None:
        uneq = diagnoses.unequal_periods(m.change)
        if uneq:
            found.append(uneq)

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
        rule=rule_words,
        decided_by=decided_by,
        value_text=value_text,
        interval_text=interval_text,
        diagnoses=diagnoses.unique(found),
        settle=settle,
        compared=point,
    )
