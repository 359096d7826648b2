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

A phrase as published names more numbers (:mod:`.levels`): its endpoints, the base of a
comparison ("17 percent less than the 392"), the part and whole of a share; one that
differs from the computation's input is its own diagnosis ("The claim names 392 as its
base; compute uses 282."). A phrase that names only a level ("to 12.4 million") is judged
on it; against a computation with no change function, a level after a direction
("increased to 4.2 billion euro") is the claimed figure. A second quantity joined by "or"
is judged against the same computation, with the first's direction (:attr:`Judgement.also`).

For an inaccurate claim that no other reading of the same inputs explains (wrong base,
percent vs points, ×100, an upside-down ratio, unequal periods, a scale word),
:func:`.backsolve.back_solve` says what would make it accurate.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from fractions import Fraction
from typing import TYPE_CHECKING, Mapping

from claimcheck import lexicon
from claimcheck.expr import Evaluation
from claimcheck.results import VERDICTS, Scale, VerdictName
from claimcheck.verdicts import diagnoses, hedges
from claimcheck.verdicts.backsolve import back_solve
from claimcheck.verdicts.bands import Band, Bands, Decision, bands_for, decide, rule_of, rule_text
from claimcheck.verdicts.diagnoses import Diagnosis
from claimcheck.verdicts.levels import level_checks
from claimcheck.verdicts.measure import (
    change_of,
    Measure,
    Mismatch,
    index_points,
    inverse,
    measure,
    oriented,
    scale_for,
)
from claimcheck.verdicts.show import MULT, PCT, POINTS, ZERO, dir_word, fmt_amount, plain, show_on, show_value

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
    also: tuple[Judgement, ...] = ()
    """The second quantity of the claim ("a rise of 7 per cent or 2,300 more homes"),
    judged against the same computation."""
    scale: Scale | None = None
    """The bands and the compared value, exact, for a chart."""


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


def judge(figure: ClaimedFigure, ev: Evaluation, *, tolerance: Mapping[str, Fraction] | None = None,
          explain: bool = True) -> Judgement:
    """Judge ``figure`` against the evaluation ``ev``; see the module docstring for the rules.

    ``tolerance`` overrides band parameters by ``rule.param`` name
    (``{"nearly.accurate_below": Fraction(1, 20)}``). ``explain``: for an inaccurate claim,
    solve for the inputs that would make it accurate (:mod:`.backsolve`); a caller that
    only wants the verdict of many candidates (the prose scanner) skips it.
    """
    j = _judge_all(figure, ev, tolerance)
    if explain and j.verdict == "inaccurate" and not any(d.kind in _EXPLAINED for d in j.diagnoses):
        solved = back_solve(figure, ev, lambda f, e: _is_accurate(f, e, tolerance))
        if solved:
            j = replace(j, diagnoses=diagnoses.unique(j.diagnoses + solved))
    return j


def _is_accurate(figure: ClaimedFigure, ev: Evaluation, tolerance: Mapping[str, Fraction] | None) -> bool:
    """``judge(figure, ev, explain=False).verdict == "accurate"``, for the back-solver's
    candidate readings, most of which are not: a verdict is accurate only when the
    accurate band holds the point (every later step only holds a verdict back), so a
    reading whose band does not is refused before any sentence is written."""
    f = _as_claimed(figure, ev)
    if not (f.value is None and f.direction == "none") and _judgement(f, ev, tolerance, quick=True) is None:
        return False
    return judge(figure, ev, tolerance=tolerance, explain=False).verdict == "accurate"


#: Diagnoses that already say what the author most likely meant (another reading of the
#: same inputs fits): with one of them, nothing is back-solved.
_EXPLAINED = frozenset({"wrong_base", "percent_vs_points", "points_vs_percent", "hundredfold", "upside_down_ratio",
                        "unequal_periods", "scale_slip"})


def _judge_all(figure: ClaimedFigure, ev: Evaluation, tolerance: Mapping[str, Fraction] | None) -> Judgement:
    also = () if figure.also is None else (judge(_second(figure, ev), ev, tolerance=tolerance),)
    figure = _as_claimed(figure, ev)
    if figure.value is None and figure.direction == "none":
        j = _levels_only(figure, ev)
    else:
        j = _judge_number(figure, ev, tolerance)
        if j.verdict != "unverifiable" and (figure.level_to is not None or figure.level_from is not None
                                            or figure.named):
            j = _check_levels(figure, ev, j)
    return replace(j, also=also) if also else j


def _as_claimed(figure: ClaimedFigure, ev: Evaluation) -> ClaimedFigure:
    """The figure as it is compared: a rate per base as a share, a level as the claim."""
    if figure.per_base is not None and figure.value is not None and ev.kind in ("share", "ratio"):
        # "6.5 per 100,000 people" against share(deaths, population): 6.5 ÷ 100,000
        figure = replace(figure, value=figure.value / figure.per_base, unit="share",
                         u=None if figure.u is None else figure.u / figure.per_base)
    return _level_as_claim(figure, ev)


def _second(figure: ClaimedFigure, ev: Evaluation) -> ClaimedFigure:
    """The claim's second quantity ("a rise of 7 per cent or 2,300 more homes"): with no
    direction of its own it states the same change, so against a change function it takes
    the first's direction, and is compared with the matching function of the same two
    inputs (diff for a count, the percent change for a percent)."""
    second = figure.also
    assert second is not None
    if (second.direction == "none" and figure.direction != "none" and second.unit != "multiple"
            and change_of(ev) is not None):
        second = replace(second, direction=figure.direction)
    return second


def _level_as_claim(figure: ClaimedFigure, ev: Evaluation) -> ClaimedFigure:
    """"increased to 4.2 billion euro", "stood at N18.804 trillion" against a computed level
    (no change function to hold a direction): the level named is the claimed figure."""
    lv = figure.level_to
    if figure.value is not None or lv is None or figure.level_from is not None or change_of(ev) is not None:
        return figure
    return replace(figure, value=lv.value, u=lv.u, unit="percent" if lv.percent else "count", direction="none",
                   qualifier="exact", intensity=None, level_to=None)


def _levels_only(figure: ClaimedFigure, ev: Evaluation) -> Judgement:
    """A phrase that names only a level of a change ("to 12.4 million"): judged on it alone."""
    value_text, interval_text = show_value(ev)
    checks = level_checks(figure, ev)
    worst = max((c.verdict for c in checks if c.verdict is not None), key=lambda v: _ORDER[v], default=None)
    found = tuple(c.diagnosis for c in checks if c.diagnosis is not None)
    said = " ".join(c.said for c in checks if c.said)
    rule = f'"{figure.text}" claims only the level it names, at its own precision'
    if worst is None:
        return Judgement("unverifiable", "exact", rule, "The claim names no change and its level cannot be compared.",
                         value_text, interval_text, found)
    return Judgement(worst, "exact", rule, (said + " " if said else "") + f"The level named decides: {worst}.",  # type: ignore[arg-type]
                     value_text, interval_text, found)


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


def _check_levels(figure: ClaimedFigure, ev: Evaluation, j: Judgement) -> Judgement:
    """The numbers named with the figure (:mod:`.levels`): the verdict is the worse of the
    figure's and theirs; a number the computation cannot show is noted, not held against it."""
    verdict, notes, said = j.verdict, list(j.diagnoses), []
    for check in level_checks(figure, ev):
        if check.said:
            said.append(check.said)
        if check.diagnosis is not None:
            notes.append(check.diagnosis)
        if check.verdict is not None and _ORDER[check.verdict] > _ORDER[verdict]:  # type: ignore[index]
            verdict = check.verdict
    if verdict == j.verdict and not said and len(notes) == len(j.diagnoses):
        return j
    decided = " ".join([j.decided_by, *said])
    if verdict != j.verdict:
        named = figure.named or any(lv is not None and lv.role for lv in (figure.level_from, figure.level_to))
        decided += (f" The numbers named with the figure decide: {verdict}." if named
                    else f" The level written with the change decides: {verdict}.")
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


#: What :func:`_judge` gives in ``quick`` mode when the accurate band holds the point.
_MAY_BE_ACCURATE = Judgement("accurate", "", "", "", "", None)


def _judge(figure: ClaimedFigure, ev: Evaluation, tolerance: Mapping[str, Fraction] | None) -> Judgement:
    j = _judgement(figure, ev, tolerance)
    assert j is not None
    return j


def _judgement(figure: ClaimedFigure, ev: Evaluation, tolerance: Mapping[str, Fraction] | None,
               quick: bool = False) -> Judgement | None:
    """The judgement of ``figure`` on ``ev``. ``quick``: only whether it may be accurate,
    with no sentence written: None when the accurate band does not hold the point (or
    the two measure different things), else :data:`_MAY_BE_ACCURATE`."""
    index = index_points(figure, ev)
    if index is not None:
        figure = index
    rule = rule_of(figure)
    value_text, interval_text = ("", None) if quick else show_value(ev)
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
        if quick:
            return None
        return Judgement(
            "unverifiable", rule.name, f'"{figure.text}": {rule.name} ({rule.accurate})',
            "The claim and the computation measure different things.", value_text, interval_text, (m.reason,),
        )

    on_claim_scale = None
    if not quick and m.signed is ev.value and m.fmt in (PCT, POINTS) and ev.kind in ("number", "percent"):
        # A plain quotient read as the percent the claim names ("90.9%" against 10 ÷ 11),
        # or a percent read as a level: shown as the claim reads it, 90.91%, not 0.9091
        # or +90.91% (unless the two are a factor of 100 apart: then the value as computed).
        on_claim_scale = show_on(ev.value, m.fmt, m.is_change)

    found: list[Diagnosis] = []
    if (not quick and scale == "multiple" and x is not None and x != 1 and m.signed.point != 1
            and (x > 1) != (m.signed.point > 1)):
        found.append(diagnoses.wrong_way_multiple(figure, x, m))
    space_note = ""
    if scale == "multiple" and x is not None and 0 < x < 1 and rule.name != "multiple" and m.signed.point > 0:
        # "more than halved" means the fall exceeds half: the ratio is below 0.5. Hedges
        # read on the factor of the fall, old ÷ new ("halved" is 2), where "more than",
        # "nearly" and the rest keep their sense (inflation 9.1% → 3.0% more than halved).
        m = Measure(inverse(m.signed), MULT, "the factor of the fall (old ÷ new)", m.note, False, m.change, None)
        if not quick:
            space_note = f"; read as the factor of the fall, old ÷ new ({plain(MULT, 1 / x)} for {plain(MULT, x)})"
        x = 1 / x

    point, iv, sign = oriented(m, direction)
    direction_claimed = direction in ("up", "down") and m.is_change
    number_rule = hedges.rule("exact") if rule.name in ("slightly", "sharply") else rule
    fmt = m.fmt

    if x is None and rule.name not in ("slightly", "sharply"):
        # a direction word alone ("rose", "fell"): only the direction is claimed
        bands = Bands(rule, Band(ZERO, None, True), Band(ZERO, None, True))
        if quick:
            return _MAY_BE_ACCURATE if bands.accurate.holds(point) else None
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
        if quick:
            return _MAY_BE_ACCURATE if bands.accurate.holds(point) else None
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
    if on_claim_scale is not None and rescaled is None:
        value_text, interval_text = on_claim_scale
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
        scale=Scale(
            (bands.accurate.lo, bands.accurate.hi), (bands.approximate.lo, bands.approximate.hi), point,
            None if iv is None else (iv.lo, iv.hi),
            "percent" if fmt is PCT else "points" if fmt is POINTS else "number", places,
        ),
    )
