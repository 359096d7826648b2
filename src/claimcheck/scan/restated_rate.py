"""A rate set beside a yearly sum as the same sum per month, week or day: "increase
council tax by £1.48 for the year (12p a month)", "cap any yearly increases … by £5 (42p
a month)", "£60 a year, or £5 a month".

The rate follows the sum in brackets or after "or", in the same currency, and the words
around the sum say it covers a year; the rate is then the sum over the months (weeks,
days) of a year. That the sum covers a year is read from its words, so the reading bears a
rate out and never proves it wrong (:data:`PER_YEAR`), as :mod:`~claimcheck.scan.averages`
does for a total over a period named elsewhere in its sentence.
"""

from __future__ import annotations

import re
from typing import Callable

from claimcheck import lexicon
from claimcheck.expr.computation import Computation
from claimcheck.numbers import parse_number
from claimcheck.scan.items import Candidate, Check, Claim, currency_of, Item, written_of

#: The note of a rate read as the yearly sum beside it spread over the year.
PER_YEAR = "read the rate as the yearly sum it is set beside, spread over the year"

_YEARLY = lexicon.alternation(lexicon.YEARLY_WORDS)
# between the sum and the rate: the sum's period, then a bracket or "or"
_GAP = re.compile(r"(?:\s+(?P<period>" + _YEARLY + r"))?\s*(?:\(\s*|,?\s+or\s+)", re.I)
# the sum's period said before it in its clause ("any yearly increases in council tax by")
_YEARLY_BEFORE = re.compile(r"\b(?:" + _YEARLY + r")\b[^.;:,()]{0,60}$", re.I)
#: How many of each rate's periods a year holds.
_IN_A_YEAR = {"month": 12, "week": 52, "day": 365}


def restated_rate_checks(text: str, items: list[Item], first: int, last: int | None,
                         judge: Callable[[Claim, object], str | None]) -> list[Check]:
    """A check for each rate of sentences ``first`` to ``last`` set beside a yearly sum of
    its currency that bears it out; ``judge`` gives a candidate's verdict."""
    out: list[Check] = []
    for total, it in zip(items, items[1:]):
        q = it.q
        if it.sent < first or (last is not None and it.sent >= last) or total.sent != it.sent:
            continue
        per = lexicon.PERIOD_WORDS.get((q.per or "").lower())
        if per not in _IN_A_YEAR or q.kind not in ("money", "count", "rate") or q.written is None or q.words \
                or q.direction or not q.plain:
            continue
        t = total.q
        yearly = t.per is not None and lexicon.PERIOD_WORDS.get(t.per.lower()) == "year"  # "£120 a year"
        if t.kind not in ("money", "count") or (t.per is not None and not yearly) or t.written is None or t.words or t.hedge is not None \
                or currency_of(t) != currency_of(q) or written_of(total).value <= written_of(it).value:
            continue
        gap = _GAP.fullmatch(text, total.b, it.pa)
        if gap is None:
            continue
        if not yearly and gap.group("period") is None and not _YEARLY_BEFORE.search(text[max(total.base, total.pa - 80) : total.pa]):
            continue
        n = _IN_A_YEAR[per]
        comp = Computation("div", (written_of(total), parse_number(str(n))))
        claim = Claim(it, it.pa, it.pb, None, "rate", it.sent, it.clause, sa=it.base, quiet=True)
        why = [f"{t.num} a year over {n} {per}s"]
        cand = Candidate("average over a period", comp, (total,), 5.0, why, note=PER_YEAR)
        if judge(claim, cand) not in ("accurate", "approximate"):
            continue  # the year is read from the words around the sum: it only bears a rate out
        out.append(Check(claim, comp, (total,), cand.relation, cand.score, "; ".join(why), None, (), PER_YEAR))
    return out


__all__ = ["PER_YEAR", "restated_rate_checks"]
