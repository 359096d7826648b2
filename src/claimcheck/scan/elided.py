"""A change whose subject a conjunction leaves out: it is of the level the change before it
reached.

"Total commercial filings in March climbed 17 percent to 2,649 over the 2,274 filings
recorded in February, but dropped 21 percent from the 3,345 commercial filings registered
in March of last year", "… the 81,622 total recorded filings represented an increase of 26
percent from the 65,022 filings registered in February, but they were down 14 percent from
the 91,283 filings recorded in March of last year": wire copy sets one level against two
bases in one sentence, the second change after "but" or "and" with its subject left out
(or said again as "they", "it"). The search never lends one claim's level to another, so
the second change finds its base but no new level; here it takes the new level of the
check the first change was given, when that check is sound (it bears its own claim out).

The reading rests on the grammar of the sentence, not on an interpretation: a subject left
out is the one before it. So, with the base the second claim's own "from" names, the
check may prove the claim wrong (the second passage's 14 percent is really 10.58 percent).
"""

from __future__ import annotations

import re
from typing import Callable

from claimcheck.expr.computation import Computation
from claimcheck.scan.items import Candidate, Check, Claim, Item, same_unit, written_of

#: The note of a change read from the level the change before it reached.
ELIDED_SUBJECT = "read the change, its subject left out after the conjunction, as of the level the change before it reached"

# What stands between the end of the first change's clause and the second claim: a comma,
# a conjunction and, at most, the subject said again as a pronoun and a verb of being.
_CONJUNCTIONS = r"(?:but|and|yet|while)"
_ELIDED = re.compile(
    r"\s*,?\s*" + _CONJUNCTIONS + r"\s+(?:(?:they|it|that|this|these|those)\s+)?(?:(?:were|was|are|is|had\s+been|have\s+been|has\s+been)\s+)?$",
    re.I)
_CONJUNCTION = re.compile(r"\s*,?\s*\b" + _CONJUNCTIONS + r"\b", re.I)
_CONFIRMING = ("accurate", "approximate")
_SCORE = 6.0
#: The relations of a check whose evidence is an old level and a new one, in that order.
_TWO_LEVELS = frozenset({"percent change", "difference"})


def elided_subject_checks(text: str, claims: list[Claim], done: list[Check], first: int, last: int | None,
                          judge: Callable[[Claim, object], str | None]) -> list[Check]:
    """A check for each claim of sentences ``first`` to ``last`` that ``done`` does not
    check, whose own words bind an old level and no new one, and whose clause opens on a
    conjunction right after the clause of a checked change of the same sentence: the new
    level is that change's."""
    checked = {id(c.claim): c for c in done}
    out: list[Check] = []
    for claim in claims:
        it = claim.item
        if (it is None or claim.kind not in ("percent", "count", "money") or claim.bare or id(claim) in checked
                or claim.sent < first or (last is not None and claim.sent >= last)
                or claim.old is None or claim.new is not None or claim.old.sent != claim.sent or claim.old.a < claim.end):
            continue
        before = [c for c in done if c.claim.sent == claim.sent and c.claim.end <= claim.start
                  and c.relation in _TWO_LEVELS and len(c.evidence) == 2 and c.note is None]
        if not before:
            continue
        other = max(before, key=lambda c: c.claim.end)
        old_before, new = other.evidence
        # the other change's clause ends after its last number; the conjunction follows it
        end = max([other.claim.end] + [o.b for o in other.evidence if o.sent == claim.sent])
        if new.sent != claim.sent or not _opens_on_conjunction(text, end, claim.start):
            continue
        old = claim.old
        if old is new or old is old_before or not same_unit(old.q, new.q) or old.q.written is None or new.q.written is None:
            continue
        if judge(other.claim, _as_candidate(other)) not in _CONFIRMING:
            continue  # the change before is not borne out by its own levels: no level to lend
        comp = _computation(claim, old, new)
        if comp is None:
            continue
        why = [f"{new.q.num} is the level the change before reached", f"'{old.role_word}' before {old.q.num}"]
        cand = Candidate("percent change" if claim.kind == "percent" else "difference", comp, (old, new), _SCORE, why,
                         note=ELIDED_SUBJECT)
        if judge(claim, cand) is None:
            continue
        out.append(Check(claim, comp, (old, new), cand.relation, cand.score, "; ".join(why), None, (), ELIDED_SUBJECT))
    return out


def _opens_on_conjunction(text: str, end: int, start: int) -> bool:
    """Whether the claim at ``start`` opens a clause on a conjunction whose subject is left
    out, the words between the other change's last number (``end``) and that conjunction
    being only what that number counts and when ("filings recorded in February")."""
    gap = text[end:start]
    last = None
    for m in _CONJUNCTION.finditer(gap):
        last = m
    if last is None or _ELIDED.fullmatch(gap, last.start()) is None:
        return False
    head = gap[: last.start()]
    # (a reduced relative clause among them: "the $711 million the social network reported for
    # the same period last year")
    return not any(ch.isdigit() or ch in ";:" for ch in head) and len(head.split()) <= 12


def _as_candidate(check: Check) -> Candidate:
    return Candidate(check.relation, check.computation, check.evidence, check.score, [], check.hint, check.note)


def _computation(claim: Claim, old: Item, new: Item) -> Computation | None:
    wo, wn = written_of(old), written_of(new)
    if claim.kind == "percent":
        return Computation("pct_change", (wo, wn))
    q = claim.item.q if claim.item is not None else None
    return Computation("diff", (wo, wn)) if q is not None and same_unit(q, old.q) else None


__all__ = ["ELIDED_SUBJECT", "elided_subject_checks"]
