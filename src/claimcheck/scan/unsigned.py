"""A change in points stated with no direction: "was 11.46 per cent, showing 0.06 per cent
point from 11.40 per cent recorded in December".

Its number says how far the level moved, "from" says from what; which way it moved is
left to the levels. Read so, it is a claim of the size of a change in points; but a
number of points followed by "from" may also be a distance ("3 points from a majority",
"0.4 points from its record"), so the reading bears a claim out and never proves it wrong
(:func:`bears_out_only`).
"""

from __future__ import annotations

import re

from claimcheck import lexicon
from claimcheck.scan.items import Claim, Item

# "0.06 per cent point from 11.40 per cent": "from" and a level right after the points
_FROM_LEVEL = re.compile(r"\s*,?\s+from\s+(?:the\s+|a\s+|an\s+)?(?:" + lexicon.CURRENCY_CLASS + r")?\d", re.I)


def unsigned_points_claim(text: str, it: Item) -> Claim | None:
    """The claim of a number of points with no direction, set right before "from" and a
    level ("showing 0.06 per cent point from 11.40 per cent"); None for any other item."""
    q = it.q
    if (q.kind != "points" or q.direction is not None or q.words or q.written is None or q.hedge is not None
            or it.role is not None or _FROM_LEVEL.match(text, it.b) is None):
        return None
    return Claim(it, it.pa, it.pb, None, "points", it.sent, it.clause)


def bears_out_only(claim: Claim) -> bool:
    """Whether ``claim`` is a change in points with no direction (read by
    :func:`unsigned_points_claim`): its evidence bears it out, never convicts it."""
    return claim.kind == "points" and claim.direction is None and claim.item is not None and claim.item.q.direction is None


__all__ = ["bears_out_only", "unsigned_points_claim"]
