"""A total, and the sentence after it that opens on the parts it is made of: "South Africa
has 38 million people of working age. 16,4m are employed, 6,2m #unemployed and 15,4m not
economically active".

The total is the last level of its sentence (or the one level of a sentence that opens on
it); the next sentence opens on a number, and its
levels, of the total's unit, each smaller than it, are listed with "and" before the last.
A list may leave a part out, and nothing but the order says the parts are the total's, so
the sum only bears the total out (a claim with ``parts``: the search reads it as
:data:`~claimcheck.scan.candidates.SUM_OF_PARTS`), and the total is no claim to list when
they fall short (``bare``).
"""

from __future__ import annotations

import re

from claimcheck.scan.items import Claim, Item, same_unit, written_of

# the total ends its sentence: a few words after it, then the stop
_ENDS_SENTENCE = re.compile(r"(?:\s+[^\W\d][\w’'#-]*){0,5}\s*[.!]?\s*$")
# the next sentence opens on a number
_OPENS_ON_NUMBER = re.compile(r"\W{0,2}$")
_AND = re.compile(r"\band\b", re.I)


def listed_parts_claims(text: str, items: list[Item]) -> list[Claim]:
    """A claim for each total whose next sentence opens on the parts it is made of."""
    out: list[Claim] = []
    if len(items) < 3:
        return out  # a total and at least two parts
    by_sent: dict[int, list[Item]] = {}
    for it in items:
        by_sent.setdefault(it.sent, []).append(it)
    for sent, its in by_sent.items():
        total = its[-1]
        q = total.q
        nxt = by_sent.get(sent + 1)
        if not nxt or not q.plain or q.kind not in ("count", "money") or q.written is None:
            continue
        if _ENDS_SENTENCE.fullmatch(text, total.b, nxt[0].base) is None and not (
                # "315 posts have been made public on our website. 162 in the fall and 153
                # in the spring": or the one level of a sentence that opens on it
                len(its) == 1 and _OPENS_ON_NUMBER.fullmatch(text, total.base, total.pa) is not None):
            continue
        if _OPENS_ON_NUMBER.fullmatch(text, nxt[0].base, nxt[0].pa) is None:
            continue
        if not (2 <= len(nxt) <= 6) or not all(o.q.plain and same_unit(o.q, q) and o.q.written is not None
                                                and written_of(o).value < written_of(total).value for o in nxt):
            continue
        if _AND.search(text, nxt[-2].b, nxt[-1].a) is None:
            continue
        out.append(Claim(total, total.pa, total.pb, None, q.kind, total.sent, total.clause, sa=total.base,
                         parts=tuple(nxt), bare=True))
    return out


__all__ = ["listed_parts_claims"]
