"""The last reading: a claim the structure gave no evidence, borne out by the arithmetic of
one pair of levels beside it.

Real copy sets its numbers out in more ways than any reading of its words foresees ("That
was down 17 percent from the same period a year ago …. the government's deficit … was
$72.9 billion below"). When no reading finds a claim's evidence, the levels of its own
sentence and the sentences either side of it, of one unit, are tried in every order; if
exactly one pair — the claim's own sentence holding at least one of its levels — gives the claim's own
figure within the band its words allow (the accurate band only), the claim is borne out by
that pair and says so (:data:`ARITHMETIC_ONLY`).

That is a reading of numbers, not of words: it may bear a claim out, never prove it wrong,
and two pairs that both bear it out (or none) leave it listed and unjudged. The arithmetic
of a correct figure is rarely matched by chance within its band (the precision of "12.4%"
is a tenth of a point), and two chance matches cancel each other out.
"""

from __future__ import annotations

from itertools import permutations
from typing import Callable

from claimcheck.expr.computation import Computation
from claimcheck.scan.items import Candidate, Check, Claim, Item, is_level, noun_score, same_unit, written_of
from claimcheck.scan.roles import base_time, comparable, is_before

#: The note of a check only the arithmetic of one pair of levels beside the claim gives.
ARITHMETIC_ONLY = "borne out by the arithmetic alone: the only pair of levels beside the claim that gives its figure"

_KINDS = frozenset({"percent", "points", "multiple", "count", "money"})
_SCORE = 1.0
#: More levels than this beside one claim, and a match is too likely by chance to say anything.
_MOST_LEVELS = 8


def borne_out_checks(text: str, items: list[Item], claims: list[Claim], done: list[Check], first: int,
                     last: int | None, judge: Callable[[Claim, object], str | None]) -> list[Check]:
    """A check for each claim of sentences ``first`` to ``last`` that ``done`` does not
    check, whose figure exactly one pair of levels beside it gives within its accurate
    band."""
    checked = {id(c.claim) for c in done}
    used = {id(it) for c in done for it in c.evidence}
    out: list[Check] = []
    for claim in claims:
        it = claim.item
        if (it is None or claim.kind not in _KINDS or id(claim) in checked or claim.sent < first
                or (last is not None and claim.sent >= last) or it.q.written is None):
            continue
        if (claim.memo.get("considered") or claim.memo.get("forecast") or claim.memo.get("per_period")
                or claim.old is not None or claim.new is not None or base_time(text, claim) is not None):
            # a reading weighed evidence and set it aside, or the claim is a forecast, a rate of a
            # period, or names its own base or level: the arithmetic alone never overrules that
            continue
        near = [o for o in items if not o.ctx and abs(o.sent - claim.sent) <= 1 and (last is None or o.sent < last)
                and is_level(o) and o is not it
                and o.q.written is not None and o.role not in ("range", "scope") and id(o) not in used]
        if not near or len(near) > _MOST_LEVELS:
            continue
        if not any(o.sent == claim.sent for o in near):
            continue  # (the claim's own sentence holds one of the levels, or it is no reading)
        found: list[Candidate] = []
        for old, new in permutations(near, 2):
            if claim.sent not in (old.sent, new.sent):
                continue  # (one level of the pair is the claim's own sentence's)
            cand = _candidate(claim, old, new)
            if cand is None:
                continue
            if judge(claim, cand) == "accurate":
                found.append(cand)
                if len({frozenset(map(id, c.evidence)) for c in found}) > 1:
                    break
        pairs = {frozenset(map(id, c.evidence)) for c in found}
        if len(pairs) != 1:
            continue  # none, or two pairs that each bear it out: no reading
        best = found[0]
        old, new = best.evidence
        why = f"{old.q.num} → {new.q.num}"
        out.append(Check(claim, best.computation, best.evidence, best.relation, best.score, why, None, (), ARITHMETIC_ONLY))
    return out


def _candidate(claim: Claim, old: Item, new: Item) -> Candidate | None:
    """The claim's own relation over ``old`` → ``new``, or None when it does not fit them."""
    if not same_unit(old.q, new.q) or noun_score(old.q, new.q) < 0:
        return None
    if claim.item is not None and (noun_score(claim.item.q, old.q) < 0 or noun_score(claim.item.q, new.q) < 0):
        return None  # ("20,000 more [people]" is no difference of prescriptions)
    if old.role in ("new", "whole", "other") or new.role in ("old", "whole", "other"):
        return None  # ("from 31,000 to 27,000" is never read the other way)
    if old.time and new.time and comparable(old.time, new.time) and not is_before(old.time, new.time):
        return None
    if old.q.hedge is not None or new.q.hedge is not None:
        return None  # ("from about 120 to about 150": too loose to bear out a figure)
    q = claim.item.q if claim.item is not None else None
    if q is None:
        return None
    wo, wn = written_of(old), written_of(new)
    if wo.value <= 0 or wn.value <= 0 or wo.value == wn.value:
        return None
    up = wn.value > wo.value
    if claim.direction is not None and (claim.direction == "up") != up:
        return None  # a pair that moves the other way never bears out a direction
    both_percent = old.q.kind == "percent" == new.q.kind
    if claim.kind == "percent" and not both_percent:
        comp, rel = Computation("pct_change", (wo, wn)), "percent change"
    elif claim.kind == "points" and both_percent:
        comp, rel = Computation("pp_change", (wo, wn)), "change in points"
    elif claim.kind == "multiple" and not both_percent and up:
        comp, rel = Computation("ratio", (wn, wo)), "ratio"
    elif claim.kind in ("count", "money") and not both_percent and same_unit(q, old.q) and claim.direction is not None:
        comp, rel = Computation("diff", (wo, wn)), "difference"
    else:
        return None
    return Candidate(rel, comp, (old, new), _SCORE, [], note=ARITHMETIC_ONLY)


__all__ = ["ARITHMETIC_ONLY", "borne_out_checks"]
