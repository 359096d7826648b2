"""A total, and the sentence after it that opens on the parts it is made of: "South Africa
has 38 million people of working age. 16,4m are employed, 6,2m #unemployed and 15,4m not
economically active".

The total is the last level of its sentence (or the one level of a sentence that opens on
it); the next sentence opens on a number, and its
levels, of the total's unit, each smaller than it, are listed with "and" before the last.
Or the total is the one level of its noun in its sentence, and one of the next two
sentences lists three to six levels of that noun, each smaller, "and" before the last
("almost 3,480 million trips … 2,728 million trips; commuter rail, 418 million trips; and
light rail, 334 million trips").
A list may leave a part out, and nothing but the order says the parts are the total's, so
the sum only bears the total out (a claim with ``parts``: the search reads it as
:data:`~claimcheck.scan.candidates.SUM_OF_PARTS`), and the total is no claim to list when
they fall short (``bare``).
"""

from __future__ import annotations

import re

from claimcheck.scan.items import Claim, Item, noun_of, same_unit, written_of

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
    done = {id(c.item) for c in out}
    for sent, its in by_sent.items():
        # "… rail transit ridership, with almost 3,480 million trips in 2001, … Heavy-rail
        # ridership posted 2,728 million trips; commuter rail, 418 million trips; and light
        # rail, 334 million trips": three or more parts that name the total's noun, listed in
        # one of the next two sentences
        for total in its:
            q = total.q
            noun = noun_of(q)
            if (id(total) in done or noun is None or q.kind not in ("count", "money") or q.written is None
                    or not (q.plain or q.hedged_level) or total.role is not None
                    or sum(1 for o in its if same_unit(o.q, q) and noun_of(o.q) == noun) != 1):
                continue
            for k in (sent + 1, sent + 2):
                listed = [o for o in by_sent.get(k, ()) if same_unit(o.q, q)]
                if not (3 <= len(listed) <= 6) or not all(
                        o.q.plain and noun_of(o.q) == noun and written_of(o).value < written_of(total).value for o in listed):
                    continue
                if _AND.search(text, listed[-2].b, listed[-1].a) is None:
                    continue
                out.append(Claim(total, total.pa, total.pb, None, q.kind, total.sent, total.clause, sa=total.base,
                                 parts=tuple(listed), bare=True))
                break
    return out


__all__ = ["listed_parts_claims"]
