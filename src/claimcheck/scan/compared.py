"""A direction said of a list set out after its colon, and the pairs of levels the list
gives: "The number of homicides also were down in other major cities: New York City
reportedly had 502 murders as of Thursday, compared to 523 in 2010. … And Chicago had 419
through Tuesday, compared to 437 in 2010."

Each pair — a level, then "compared to/with" a level of the same unit, in one clause with
no claim of its own — in the direction's sentence after the colon, or in the two sentences
after it (while no other claim is made), is a claim of that direction, from the second
level to the first. Which pairs the direction covers is read from the order of the
sentences alone, so each bears the direction out and never proves it wrong
(``Claim.memo["set_out"]``).
"""

from __future__ import annotations

import re

from claimcheck.scan.items import Claim, Item, same_unit

# from the direction to its colon: words only
_TO_COLON = re.compile(r"[^\d;:.]{0,80}:\s", re.I)
# how far after the direction's sentence the list may run on
_SENTENCES_AFTER = 2


def compared_pairs_claims(text: str, items: list[Item], claims: list[Claim]) -> list[Claim]:
    """A direction claim for each pair of levels a list after a direction's colon sets out."""
    out: list[Claim] = []
    for d in claims:
        if d.kind != "direction" or d.item is not None or d.quiet or d.direction is None:
            continue
        m = _TO_COLON.match(text, d.end)
        if m is None:
            continue
        last = d.sent + _SENTENCES_AFTER
        for y in items:
            x = y.partner
            if (x is None or not (d.sent <= y.sent <= last) or y.a < m.end() or not y.role_word.startswith("compared")
                    or not (x.q.plain and y.q.plain) or not same_unit(x.q, y.q) or x.a < m.end()):
                continue
            if x.pa == m.end():
                continue  # "… a dramatic increase in deaths …: 399 last year, compared to 92": the direction's own levels
            if any(c is not d and (c.sent == y.sent or d.sent < c.sent < y.sent or (c.sent == d.sent and c.start >= d.end))
                   for c in claims):
                continue  # another claim in the list: the pair may be its
            c = Claim(None, y.pa - _compared_len(text, y), y.pb, d.direction, "direction", y.sent, y.clause, sa=y.base,
                      quiet=True)
            c.new, c.old = x, y
            c.memo["set_out"] = True
            out.append(c)
    return out


def _compared_len(text: str, y: Item) -> int:
    """How far before the old level its "compared to" starts."""
    m = _COMPARED_BEFORE.search(text, max(y.base, y.pa - 20), y.pa)
    return y.pa - m.start() if m else 0


_COMPARED_BEFORE = re.compile(r"\bcompared\s+(?:to|with)\s+(?:the\s+)?$", re.I)


__all__ = ["compared_pairs_claims"]
