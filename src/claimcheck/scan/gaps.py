"""A gap between two levels, named without a direction: "it projected a loss of $334,500.
The actual loss came to about $2.95 million for a difference of about $2.62 million",
"the number of votes cast were 15,591,217, creating a gap of 517,555 votes".

The gap is an amount after a gap noun (:data:`~claimcheck.lexicon.GAP_NOUNS`); its levels
are two levels of its unit in its sentence or the one before. Which two is read from the
numbers, not from the words (copy gives three or four levels and means two of them), so
the reading bears a gap out when exactly one pair of levels gives it, and never proves
it wrong (:data:`GAP_BETWEEN`). A bound ("a difference of more than 25,638"), which any
larger gap meets, is read only of a pair whose difference is within a tenth of it.
"""

from __future__ import annotations

import re
from itertools import combinations
from typing import Callable

from claimcheck import lexicon
from claimcheck.expr.computation import Computation
from claimcheck.scan.items import Candidate, Check, Claim, Item, is_level, may_hold_gaps, noun_score, same_unit, written_of

#: The note of a gap read as the difference of the one pair of levels beside it that gives it.
GAP_BETWEEN = "read the gap as the difference of the one pair of levels before it that gives it"

_GAP_BEFORE = re.compile(r"\b(?:a|an|the)\s+(?:" + lexicon.alternation(lexicon.GAP_NOUNS) + r")\s+of\s+$", re.I)
_CONFIRMING = ("accurate", "approximate")


def gap_checks(text: str, items: list[Item], first: int, last: int | None,
               judge: Callable[[Claim, object], str | None]) -> list[Check]:
    """A check for each gap of sentences ``first`` to ``last`` that exactly one pair of
    levels before it bears out; ``judge`` gives a candidate's verdict."""
    out: list[Check] = []
    for it in items:
        q = it.q
        if it.sent < first or (last is not None and it.sent >= last):
            continue
        if (q.kind not in ("count", "money") or q.written is None or q.words or q.direction or q.per is not None
                or it.role is not None):
            continue
        # "a difference of more than 25,638": a bound any larger gap meets, so only a pair
        # within a tenth of it is read as the gap meant
        bound = q.hedge in lexicon.ONE_SIDED_HEDGES
        m = _GAP_BEFORE.search(text, max(it.base, it.pa - 40), it.pa)
        if m is None:
            continue
        levels = [o for o in items if o is not it and it.sent - 1 <= o.sent <= it.sent and o.a < it.a and is_level(o)
                  and not o.q.words and o.q.per is None and same_unit(o.q, q) and o.q.hedge not in lexicon.ONE_SIDED_HEDGES]
        if not 2 <= len(levels) <= 4:
            continue
        # (the claimed figure is the amount with its hedge: the gap noun says no more)
        claim = Claim(it, it.pa, it.pb, None, q.kind, it.sent, it.clause, sa=it.base, quiet=True)
        found: list[tuple[Candidate, str]] = []
        for a, b in combinations(levels, 2):
            if noun_score(a.q, b.q) < 0 or written_of(a).value == written_of(b).value:
                continue
            lo, hi = (a, b) if written_of(a).value < written_of(b).value else (b, a)
            if bound and abs(written_of(hi).value - written_of(lo).value - q.written.value) * 10 > q.written.value:
                continue
            why = [f"{hi.q.num} less {lo.q.num}, the one pair of levels before it that gives the gap"]
            cand = Candidate("difference", Computation("diff", (written_of(lo), written_of(hi))), (lo, hi), 5.0, why,
                             note=GAP_BETWEEN)
            verdict = judge(claim, cand)
            if verdict in _CONFIRMING:
                found.append((cand, verdict))
        if len(found) != 1:
            continue  # none, or two pairs that both give it: which is meant is not known
        cand = found[0][0]
        out.append(Check(claim, cand.computation, cand.evidence, cand.relation, cand.score, "; ".join(cand.reasons),
                         None, (), GAP_BETWEEN))
    return out


__all__ = ["GAP_BETWEEN", "gap_checks", "may_hold_gaps"]
