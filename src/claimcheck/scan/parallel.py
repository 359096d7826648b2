"""Parallel lists: changes listed in one order, then their new levels, then their old ones,
in the same order ("the number of visitors dropped by 0.1 percent in February and 2.5
percent in March this year to 197,517 and 188,076 compared 197,697 and 192,841", "rose 5%
and 7% to 120 and 150, respectively, from 114 and 140").

The i-th percent of the list is the change from the i-th old level to the i-th new one. The
lists must be as long as each other (two or three), the new levels a run after "to", the
old ones a run after a comparing word right after it. Which change goes with which levels is
a reading of the order, so it bears a claim out and never proves it wrong
(:data:`PARALLEL_LISTS`).
"""

from __future__ import annotations

import re

from claimcheck.expr.computation import Computation
from claimcheck.scan.items import Candidate, Claim, Item, is_level, same_unit, written_of

#: The note of a change read from lists of levels in the order of the changes.
PARALLEL_LISTS = "read the changes and the lists of levels after them in the same order"

# Between two members of a list: "197,517 and 188,076", "120, 135 and 150".
_JOIN = re.compile(r"(?:\s+[a-z][\w'’-]*){0,2}\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?:the\s+)?", re.I)
# Between the new levels and the old ones: " compared ", ", respectively, from ".
_THEN_OLD = re.compile(r"(?:\s+[a-z][\w'’-]*){0,2}\s*,?\s*(?:respectively\s*,?\s*)?"
                       r"(?:compared(?:\s+(?:to|with))?|from|against|versus|vs\.?|over)\s+(?:the\s+)?", re.I)
_SCORE = 8.0


def _run(text: str, first: Item, levels: list[Item]) -> list[Item]:
    """``first`` and the levels of its unit joined to it as one list."""
    run = [first]
    for it in levels:
        if it.a <= run[-1].a:
            continue
        if not same_unit(it.q, first.q) or _JOIN.fullmatch(text, run[-1].b, it.pa) is None:
            break
        run.append(it)
    return run


def parallel_candidates(claim: Claim, text: str, items: list[Item]) -> list[Candidate]:
    """The candidate of a percent change listed with others before lists of new and old
    levels as long as the list of changes; none when the lists do not line up."""
    it = claim.item
    if it is None or claim.kind != "percent" or not (it.q.change or claim.bare):
        return []
    sent = sorted((o for o in items if o.sent == claim.sent), key=lambda o: o.a)
    levels = [o for o in sent if is_level(o) and o.q.kind in ("count", "money") and o.q.hedge is None]
    starts = [o for o in levels if o.role == "new" and o.role_word == "to" and o.a > claim.end]
    if not starts:
        return []
    news = _run(text, starts[0], levels)
    k = len(news)
    if not 2 <= k <= 3:
        return []
    after = [o for o in levels if o.a > news[-1].b]
    if not after or _THEN_OLD.fullmatch(text, news[-1].b, after[0].pa) is None:
        return []
    olds = _run(text, after[0], levels)
    changes = [o for o in sent if o.q.kind == "percent" and o.b <= news[0].a and o.q.written is not None]
    if len(olds) != k or len(changes) < k or not same_unit(olds[0].q, news[0].q):
        return []
    changes = changes[-k:]
    if it not in changes or changes[0].q.direction is None or any(o.q.direction not in (None, changes[0].q.direction)
                                                                 for o in changes):
        return []
    i = changes.index(it)
    old, new = olds[i], news[i]
    why = [f"{it.q.num}, change {i + 1} of {k}, from old level {i + 1} ({old.q.num}) to new level {i + 1} ({new.q.num})"]
    return [Candidate("percent change", Computation("pct_change", (written_of(old), written_of(new))), (old, new), _SCORE, why,
                      hint=changes[0].q.direction, note=PARALLEL_LISTS)]


__all__ = ["PARALLEL_LISTS", "parallel_candidates"]
