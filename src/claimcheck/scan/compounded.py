"""A total change over several periods, and the rates of each period before it: "demand …
had gone up 34% and 35% annually. If my math is right, that's a total increase of 80% in two
years", "prices rose 4% and 6% in the last two years, a cumulative rise of 10.2%".

Rates of change compound: the total is the product of (1 + each rate), less 1, not their
sum. The claim names itself a total ("total", "cumulative", "combined": COMPOUND_TOTAL_WORDS)
and the rates are the two to four percents set out together, joined by "and", in its
sentence before it or in one of the two sentences before; when the claim says over how many
years ("in two years"), there are as many rates. That those rates are the periods the
total spans is a reading, so it bears the claim out and never proves it wrong
(:data:`COMPOUNDED`).
"""

from __future__ import annotations

import re

from claimcheck import lexicon
from claimcheck.expr.computation import Computation
from claimcheck.numbers import parse_number
from claimcheck.scan.items import Candidate, Claim, Item, written_of

#: The note of a total change read as the rates before it compounded.
COMPOUNDED = "read the total change as the rates set out before it, compounded"

# "a total increase of", "a cumulative rise of": the total word in the claim's phrase
_TOTAL = re.compile(r"\b(?:" + lexicon.alternation(lexicon.COMPOUND_TOTAL_WORDS) + r")\b", re.I)
# "in two years", "over the past three years": the number of periods the total spans
_SPAN = re.compile(r"\s+(?:in|over|during|across)\s+(?:the\s+(?:past|last)\s+)?(?P<n>\d|"
                   + lexicon.alternation(lexicon.YEAR_SPAN_WORDS) + r")\s+years\b", re.I)
# between two rates of one list: "34% and 35%", "4%, 6% and 5%"
_LISTED = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)", re.I)
_SCORE = 6.0


def compounded_candidates(claim: Claim, text: str, items: list[Item]) -> list[Candidate]:
    """The one reading of ``claim``, a percent change its words name a total, as the rates
    listed before it compounded; none when no list, or more than one, offers them."""
    it = claim.item
    if it is None or claim.kind != "percent" or claim.direction is None or it.q.written is None:
        return []
    if _TOTAL.search(text, claim.start, claim.end) is None:
        return []
    m = _SPAN.match(text, claim.end)
    periods = None
    if m is not None:
        n = m.group("n")
        periods = int(n) if n.isdigit() else lexicon.word_number(n)
    lists = []
    for sent in (claim.sent, claim.sent - 1, claim.sent - 2):
        rates = [o for o in items if o.sent == sent and o is not it and o.b <= claim.start and _rate(o)]
        found = _lists(text, rates)
        if found:
            lists = found
            break
    if periods is not None:
        lists = [r for r in lists if len(r) == periods]
    if len(lists) != 1:
        return []
    rates = lists[0]
    if any(o.q.direction not in (None, claim.direction) for o in rates) or not any(o.q.direction for o in rates):
        return []  # (the list's verb gives its direction: "gone up 34% and 35%")
    one = parse_number("1")
    op = "add" if claim.direction == "up" else "sub"
    product: Computation | None = None
    for o in rates:
        step = Computation(op, (one, written_of(o)))
        product = step if product is None else Computation("mul", (product, step))
    assert product is not None
    comp = Computation("sub", (product, one))
    why = [f"{', '.join(o.q.num for o in rates)} set out before it, compounded"]
    return [Candidate("compounded change", comp, tuple(rates), _SCORE, why, note=COMPOUNDED)]


def _rate(o: Item) -> bool:
    """A rate of change as written: a percent, exact, that is no share of something."""
    q = o.q
    return (q.kind == "percent" and q.written is not None and q.hedge is None and not q.words and not q.share_of
            and o.role is None and not q.per)


def _lists(text: str, rates: list[Item]) -> list[list[Item]]:
    """The runs of two to four rates, each joined to the one before by "and" or a comma."""
    out: list[list[Item]] = []
    run: list[Item] = []
    for o in rates:
        if run and _LISTED.fullmatch(text, run[-1].b, o.pa):
            run.append(o)
            continue
        if 2 <= len(run) <= 4:
            out.append(run)
        run = [o]
    if 2 <= len(run) <= 4:
        out.append(run)
    return out


__all__ = ["COMPOUNDED", "compounded_candidates"]
