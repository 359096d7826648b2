"""Averages over a period: a rate "a day", "per week", "every year" that a total printed
beside it, spread over the period the text names, may give.

"… with over 19,000 people killed in the last year — 52 a day": 19,000 ÷ 365. "Over the
next nine years, we're expecting enrollment to increase by 3,596 students. That's about
400 new students every year": 3,596 ÷ 9. The total is the nearest count or sum of money
before the rate (its sentence, else the one before), and the period the one span of time
the total's sentence names ("in the last year", "last year", "in 2009", "over the next nine
years").
The reading rests on which span the total covers, so it bears a claim out and never
proves it wrong.
"""

from __future__ import annotations

import calendar
import re
from typing import Callable

from claimcheck import lexicon
from claimcheck.expr.computation import Computation
from claimcheck.numbers import parse_number
from claimcheck.scan.items import Check, Claim, currency_of, Item, written_of

#: The note of a rate read as a total over the days (weeks, months, years) of a period.
PER_PERIOD = "read the rate as the total beside it spread over the period its sentence names"

_PERIODS = "|".join(("years?", "months?", "weeks?"))
_NUMBER_WORDS = lexicon.alternation(list(lexicon.ONES) + list(lexicon.TENS))
# "in the last year", "over the next nine years", "during the past 12 months"
_SPAN = re.compile(
    r"\b(?:in|during|over|for|across|within)\s+the\s+(?:last|past|next|previous|coming|following)\s+"
    r"(?:(?P<n>\d{1,2}|" + _NUMBER_WORDS + r")\s+)?(?P<unit>" + _PERIODS + r")\b", re.I)
# "handled 36,500 calls last year": the one year (month, week) before this one
_LAST = re.compile(r"\b(?:last|this\s+past)\s+(?P<unit>year|month|week)\b(?!['\u2019])", re.I)
# "in 2009", "during fiscal 2019": one calendar year
_YEAR = re.compile(r"\b(?:in|during|for|throughout)\s+(?:fiscal\s+|calendar\s+)?(?P<year>(?:19|20)\d\d)\b(?![-\u2013/]|\s*(?:to|and)\s+\d)", re.I)
# Where the rate's sentence ends, or its paragraph.
_SENTENCE_END = re.compile(r"[.!?](?=\s|$)|\n\s*\n")
# What one period holds of the rate's: days, weeks, months or years of a year, month, week.
_IN_ONE = {
    ("year", "day"): 365, ("year", "week"): 52, ("year", "month"): 12, ("year", "year"): 1,
    ("month", "month"): 1, ("week", "week"): 1, ("week", "day"): 7,
}
_PER = {"day": "day", "daily": "day", "week": "week", "weekly": "week", "month": "month", "monthly": "month",
        "year": "year", "annually": "year", "yearly": "year", "annum": "year"}


def _period(text: str, a: int, b: int, skip: tuple[int, int]) -> tuple[str, int, int | None] | None:
    """The one span of time ``text[a:b]`` names outside ``skip`` (the rate's own words):
    (unit, how many, the calendar year if one is named), or None when it names none or
    more than one."""
    found: list[tuple[str, int, int | None]] = []
    for m in _SPAN.finditer(text, a, b):
        if skip[0] <= m.start() < skip[1]:
            continue
        n = m.group("n")
        count = 1 if n is None else int(n) if n.isdigit() else lexicon.word_number(n)
        if not count:
            return None
        found.append((m.group("unit").lower().rstrip("s"), count, None))
    for m in _LAST.finditer(text, a, b):
        if not (skip[0] <= m.start() < skip[1]):
            found.append((m.group("unit").lower(), 1, None))
    for m in _YEAR.finditer(text, a, b):
        if not (skip[0] <= m.start() < skip[1]):
            found.append(("year", 1, int(m.group("year"))))
    return found[0] if len(set(found)) == 1 else None


def average_checks(text: str, items: list[Item], first: int, last: int | None,
                   judge: Callable[[Claim, object], str | None]) -> list[Check]:
    """A check for each rate of sentences ``first`` to ``last`` that a total before it,
    over the period its sentence names, bears out; ``judge`` gives a candidate's verdict."""
    from claimcheck.scan.items import Candidate

    out: list[Check] = []
    for i, it in enumerate(items):
        q = it.q
        if it.sent < first or (last is not None and it.sent >= last):
            continue
        if q.kind != "rate" or q.written is None or q.words or q.direction or not (q.plain or q.hedged_level):
            continue
        per = _PER.get((q.per or "").lower())
        if per is None:
            continue
        totals = [t for t in items[:i] if t.sent in (it.sent - 1, it.sent) and t.q.kind in ("count", "money")
                  and t.q.per is None and t.q.written is not None and not t.q.words and t.role not in ("range",)
                  and currency_of(t.q) == currency_of(q) and written_of(t).value > written_of(it).value]
        same = [t for t in totals if t.sent == it.sent]
        pool = same or [t for t in totals if t.sent == it.sent - 1]
        if not pool:
            continue
        total = pool[-1]
        if total.sent < it.sent:
            end = it.base
        else:
            stop = _SENTENCE_END.search(text, it.pb)
            end = len(text) if stop is None else stop.start()
        period = _period(text, total.base, end, (it.pa, it.pb))
        if period is None:
            continue
        unit, count, year = period
        one = _IN_ONE.get((unit, per))
        if one is None:
            continue
        if (unit, per) == ("year", "day") and year is not None and calendar.isleap(year):
            one = 366
        days = one * count
        if days <= 1:
            continue
        comp = Computation("div", (written_of(total), parse_number(str(days))))
        claim = Claim(it, it.pa, it.pb, None, "rate", it.sent, it.clause, sa=it.base, quiet=True)
        span = f"{count} {unit}{'s' if count != 1 else ''}"
        why = [f"{total.q.num} over {span}: {days} {per}{'s' if days != 1 else ''}"]
        cand = Candidate("average over a period", comp, (total,), 5.0, why, note=PER_PERIOD)
        if judge(claim, cand) not in ("accurate", "approximate"):
            continue  # the period is read from the words around the total: it only bears a claim out
        out.append(Check(claim, comp, (total,), cand.relation, cand.score, "; ".join(why), None, (), PER_PERIOD))
    return out


__all__ = ["PER_PERIOD", "average_checks"]
