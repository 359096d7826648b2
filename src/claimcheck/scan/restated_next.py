"""A change the next sentence states again: a claim in a sentence that prints no level of
its own, whose change the next sentence states in another figure, from one level to
another.

"Drug overdose deaths have risen by nearly 27% in the last year. Nationwide, more than
87,000 people died of an overdose in 2020, nearly 20,000 more than in 2019", "… has
arrested almost twice as many people in the first half of this year as … last year.
Overall, … it's an 87% increase in arrests …", "… surpassing the previous record by more
than 1.29 million. A total of 25,122,651 passengers flew through BWI in 2016, up 5 percent
from 23,823,532 in 2015": news copy leads with the change and sizes it again, with its
levels, in the sentence after. The search never lends one claim's numbers to another, so
the first claim finds nothing; read as the same change, the levels the next sentence's
check used give it. That the two sentences speak of one change is a reading (they name
something in common, in the same direction), so it bears the claim out and never proves
it wrong (:data:`RESTATED_NEXT`).
"""

from __future__ import annotations

from typing import Callable

from claimcheck import lexicon
from claimcheck.expr.computation import Computation
from claimcheck.scan.bindings import common_stems
from claimcheck.scan.items import Candidate, Check, Claim, Item, is_level, same_unit, written_of

#: The note of a change read from the levels the next sentence's check of the same change used.
RESTATED_NEXT = "read the change as the one the next sentence states again, from one level to another"

#: The relations of a check whose evidence is an old level and a new one, in that order.
_TWO_LEVELS = frozenset({"percent change", "difference", "change in points", "ratio"})
_CONFIRMING = ("accurate", "approximate")
#: The claims read here: a size of a change in its own unit ("risen by nearly 27%").
_KINDS = frozenset({"percent", "points", "count", "money", "multiple"})
_SCORE = 5.0
#: The relation each kind of claim is recomputed in, over the other check's two levels.
_RELATION = {"percent": "percent change", "points": "change in points", "count": "difference", "money": "difference",
             "multiple": "ratio"}


def restated_next_checks(text: str, items: list[Item], claims: list[Claim], done: list[Check], first: int,
                         last: int | None, judge: Callable[[Claim, object], str | None]) -> list[Check]:
    """A check for each claim of sentences ``first`` to ``last`` that ``done`` does not
    check, whose sentence prints no level but a loose one ("more than 25 million") and no
    other claim, when the next sentence's one check, in the same direction and of the same
    thing, gives a change from an old level to a new one that bears the claim out."""
    checked = {id(c.claim) for c in done}
    out: list[Check] = []
    for claim in claims:
        it = claim.item
        if (it is None or claim.kind not in _KINDS or claim.bare or id(claim) in checked or claim.sent < first
                or (last is not None and claim.sent >= last) or claim.old is not None or claim.new is not None):
            continue
        if any(o.sent == claim.sent and is_level(o) and not o.q.hedged_level for o in items):
            continue  # a level of its own: the claim is about it, or the search has read it
        if any(o is not claim and o.sent == claim.sent and not o.quiet and o.kind != "anchor" for o in claims):
            continue  # another change in the sentence: which one the next sentence restates is not known
        nxt = [c for c in done if c.claim.sent == claim.sent + 1]
        if len(nxt) != 1:
            continue
        other = nxt[0]
        if other.relation not in _TWO_LEVELS or len(other.evidence) != 2 or other.note is not None:
            continue
        if claim.direction and other.claim.direction and claim.direction != other.claim.direction:
            continue
        if claim.kind == "multiple" and other.claim.direction != "up":
            continue  # ("twice as many … an 87% increase": a multiple of more than one is a rise)
        if judge(other.claim, _as_candidate(other)) not in _CONFIRMING:
            continue  # the other claim's own levels do not bear it out: no reading of one change
        # (what the next sentence counts, up to its levels: "… 87% increase in arrests …
        # That breaks down to 291 arrests")
        own = text[claim.sa : other.claim.sa]
        theirs = text[other.claim.sa : max([other.claim.end] + [o.b for o in other.evidence]) + 40]
        if not common_stems(own, theirs) - _DIRECTION_STEMS:
            continue  # the next sentence counts something else
        old, new = other.evidence
        comp = _computation(claim, old, new)
        if comp is None:
            continue
        said = " ".join(text[other.claim.start : other.claim.end].split())
        why = [f"the next sentence's '{said}' states the change again, from {old.q.num} to {new.q.num}"]
        cand = Candidate(_RELATION[claim.kind], comp, (old, new), _SCORE, why, note=RESTATED_NEXT)
        if judge(claim, cand) not in _CONFIRMING:
            continue
        out.append(Check(claim, comp, (old, new), cand.relation, cand.score, "; ".join(why), None, (), RESTATED_NEXT))
    return out


def _as_candidate(check: Check) -> Candidate:
    return Candidate(check.relation, check.computation, check.evidence, check.score, [], check.hint, check.note)


def _computation(claim: Claim, old: Item, new: Item) -> Computation | None:
    """The claim's own relation over the two levels, or None when its unit does not fit them."""
    q = claim.item.q if claim.item is not None else None
    if q is None or old.q.written is None or new.q.written is None or not same_unit(old.q, new.q):
        return None
    wo, wn = written_of(old), written_of(new)
    both_percent = old.q.kind == "percent" == new.q.kind
    if claim.kind == "percent":
        return Computation("pct_change", (wo, wn))
    if claim.kind == "points":
        return Computation("pp_change", (wo, wn)) if both_percent else None
    if claim.kind == "multiple":
        return None if both_percent else Computation("ratio", (wn, wo))
    # an amount of change: in the levels' own unit
    return Computation("diff", (wo, wn)) if not both_percent and same_unit(q, old.q) else None


# The direction words themselves ("rose", "increase"): shared, they say nothing of what is counted.
_DIRECTION_STEMS = frozenset(w[:-1] if w.endswith("s") else w for v in lexicon.UP_WORDS + lexicon.DOWN_WORDS + lexicon.DIRECTION_VERBS
                             for w in v.split())


__all__ = ["RESTATED_NEXT", "restated_next_checks"]
