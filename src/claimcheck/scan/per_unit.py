"""An average per thing, set beside the count and the sum it divides: "we repurchased
14,450 of our shares for $165,065, an average price of $11.42 per share", "bought 2,000
tickets for $50,000, an average of $25 per ticket".

The average is a sum of money after an average word, "per" a noun; the count is the level
before it in its sentence that counts that noun, and the sum the money between them (or
just before the count). That the sum is the count's total is read from the sentence, so
the reading bears an average out and never proves it wrong (:data:`PER_UNIT`).
"""

from __future__ import annotations

import re
from typing import Callable

from claimcheck import lexicon
from claimcheck.expr.computation import Computation
from claimcheck.scan.items import Candidate, Check, Claim, currency_of, Item, written_of
from claimcheck.scan.phrase import PER_SHARE

#: The note of an average read as the sum beside it over the count of what it is per.
PER_UNIT = "read the average as the sum beside it over the count of what it is per"

_AVERAGE_BEFORE = re.compile(r"\b(?:" + lexicon.alternation(lexicon.PER_UNIT_AVERAGE_WORDS) + r")\s*$", re.I)
_PER_NOUN = re.compile(r"\s+(?:" + lexicon.alternation(lexicon.PER_UNIT_WORDS) + r")\s+(?P<noun>[a-z][a-z-]{2,})\b", re.I)
# the noun a count counts, right after it: "14,450 of our shares", "2,000 tickets"
_COUNTED = re.compile(r"\s+(?:of\s+(?:(?:" + lexicon.alternation(lexicon.SHARE_OF_DETERMINERS) + r")\s+)?)?"
                      r"(?:[a-z][\w-]*\s+){0,2}?(?P<noun>[a-z][a-z-]{2,})\b", re.I)


_FOR = re.compile(r"\s+(?:for|at\s+a\s+(?:total\s+)?cost\s+of|costing|worth)\s+(?:a\s+total\s+of\s+)?", re.I)


def _singular(word: str) -> str:
    w = word.lower()
    return w[:-1] if w.endswith("s") and not w.endswith("ss") else w


def per_unit_checks(text: str, items: list[Item], first: int, last: int | None,
                    judge: Callable[[Claim, object], str | None]) -> list[Check]:
    """A check for each average per thing of sentences ``first`` to ``last`` that the sum
    and count before it bear out; ``judge`` gives a candidate's verdict."""
    out: list[Check] = []
    for i, it in enumerate(items):
        q = it.q
        if it.sent < first or (last is not None and it.sent >= last):
            continue
        if q.kind != "money" or q.written is None or q.words or q.direction or q.per not in (None, PER_SHARE):
            continue
        if not (q.avg or _AVERAGE_BEFORE.search(text, max(it.base, it.a - 40), it.a)):
            continue
        m = _PER_NOUN.match(text, it.b)
        if m is None:
            continue
        noun = _singular(m.group("noun"))
        before = [o for o in items[:i] if o.sent == it.sent and o.q.written is not None and not o.q.words
                  and not o.q.direction and o.q.per is None]
        counts = [o for o in before if o.q.kind == "count" and not o.q.currency and (c := _COUNTED.match(text, o.b, o.b + 40))
                  and _singular(c.group("noun")) == noun]
        if len(counts) != 1:
            continue
        count = counts[0]
        # the sum paid for the count right after its noun: "14,450 of our shares for $165,065"
        sums = [o for o in before if o.q.kind == "money" and currency_of(o.q) == currency_of(q) and o.q.hedge is None
                and written_of(o).value > written_of(it).value and o.a > count.b
                and (c := _COUNTED.match(text, count.b, o.a)) and _FOR.fullmatch(text, c.end(), o.a)]
        if len(sums) != 1 or written_of(count).value <= 0:
            continue
        total = sums[0]
        comp = Computation("div", (written_of(total), written_of(count)))
        claim = Claim(it, it.pa, it.b + m.end() - it.b, None, "money", it.sent, it.clause, sa=it.base, quiet=True)
        why = [f"{total.q.num} over {count.q.num} {m.group('noun')}s" if not m.group("noun").endswith("s")
               else f"{total.q.num} over {count.q.num} {m.group('noun')}"]
        cand = Candidate("average per thing", comp, (total, count), 5.0, why, note=PER_UNIT)
        if judge(claim, cand) not in ("accurate", "approximate"):
            continue  # which sum is the count's total is read from the sentence: it only bears out
        out.append(Check(claim, comp, (total, count), cand.relation, cand.score, "; ".join(why), None, (), PER_UNIT))
    return out


__all__ = ["PER_UNIT", "per_unit_checks"]
