"""The evidence search: for every claimed figure in a paragraph, the printed numbers it was
derived from, if the paragraph gives them unambiguously.

Real copy varies the order of its numbers, puts the subject first ("Philadelphia’s 332
killings were a 15 percent drop from the 392 in 2007"), spreads them over two or three
sentences, gives a difference instead of the old value ("an increase of 324 students or
3.6%"), states a direction only ("rose to 3.8% from 3.5%"), and lists several claims in
one sentence. So no sentence template decides; for each claim this module

1. gathers every quantity nearby that could be evidence: the claim's sentence, the two
   before it and the rest of the paragraph, each a raw level (a count, a sum of money, a
   rate, a percent level) with what it counts and its *role words* — what stands before
   it ("from", "to", "than", "compared with", "up from", "of the", "out of") and the time
   it is labelled with ("in 2007", "last year", "the year before", "2009’s");
2. tries every relation that could produce the claim: a percent change in either order, a
   change in points, a ratio or multiple, a share, a difference, an old value derived from
   a new value and a stated difference, and — for a direction stated alone — the sign of
   the change;
3. scores each candidate on its structure alone (role words that fit, labels whose times
   are in order, the same noun and unit, one clause, distance), never on whether the claim
   comes out right;
4. keeps the best candidate when its structure supports it, and abstains when nothing
   does, or when two candidates about as well supported give different verdicts.

A wrong claim is called inaccurate only when its evidence is unambiguous: a false alarm is
the worst thing this command can do. Every check records the numbers used, the relation
and why they were chosen (:attr:`Check.why`), which every report shows.

The search lives in five modules, along its steps: :mod:`~claimcheck.scan.roles` (role
words and time labels), :mod:`~claimcheck.scan.items` (items, claims, units; step 1),
:mod:`~claimcheck.scan.bindings` (the numbers a claim's own words tie to it),
:mod:`~claimcheck.scan.scoring` and :mod:`~claimcheck.scan.candidates` (steps 2 and 3)
and :mod:`~claimcheck.scan.search` (step 4). This module names their public API in one
place.
"""

from __future__ import annotations

from claimcheck.scan.items import Candidate, Check, Claim, Item, build_items, may_hold_claims, same_unit
from claimcheck.scan.search import MARGIN, MIN_SCORE, Judge, literal, search

__all__ = [
    "Candidate", "Check", "Claim", "Item", "Judge", "MARGIN", "MIN_SCORE", "build_items", "literal",
    "may_hold_claims", "same_unit", "search",
]
