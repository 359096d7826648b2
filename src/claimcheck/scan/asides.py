"""A share whose part is set beside it in an aside: "71% of our fact-checks (63) had to
do with politics", "More than 50% of the kidnappings – 2104 – took place in Gauteng".

The count in brackets or between dashes right after "X% of the …" is the part the percent
is of; the whole is a level the sentences before give of the same thing ("a total of 89
fact checks"), or, when they give one level of that unit and no other, that one ("over
4 028 cases reported"). Which level is the whole is a reading of the paragraph, so it
bears a claim out and never proves it wrong (:data:`ASIDE_PART`).
"""

from __future__ import annotations

import re

from claimcheck import lexicon
from claimcheck.expr.computation import Computation
from claimcheck.scan.items import Candidate, Claim, Item, is_level, same_unit, written_of

#: The note of a share read from the part set beside it and a whole before it.
ASIDE_PART = "read the count set beside the share in brackets or dashes as its part, and a level before it as the whole"

# "… of our fact-checks (63)", "… of the kidnappings – 2104 –": the words the share is of,
# then the aside that opens on the part
_OF_THEN_ASIDE = re.compile(
    r"\s+of\s+(?:(?:" + lexicon.alternation(lexicon.SHARE_OF_DETERMINERS) + r")\s+)?(?P<of>(?:[^\W\d][\w’'-]*\s+){0,3}?[^\W\d][\w’'-]*)"
    r"\s*(?:\(\s*|[\u2013\u2014]\s*|\s-\s+)$", re.I)
_ASIDE_CLOSE = re.compile(r"\s*(?:\)|[\u2013\u2014]|\s-\s)")
_STEM = re.compile(r"[a-z]{4,}")
_COMMON = lexicon.SHARE_WHOLE_COMMON_WORDS

_SCORE_NAMED = 8.0  # a whole that names what the share is of
_SCORE_ALONE = 6.0  # the one level of the unit before the share


def _stems(words: str) -> set[str]:
    return {w[:-1] if w.endswith("s") else w for w in _STEM.findall(words.lower().replace("-", " "))} - _COMMON


def aside_share_candidates(claim: Claim, text: str, items: list[Item]) -> list[Candidate]:
    """The reading of a percent share whose part is set beside it in an aside; none when
    the claim is no such share, or no level before it can be its whole."""
    it = claim.item
    if it is None or claim.kind != "share" or it.q.kind != "percent" or it.q.words or it.q.written is None:
        return []
    after = [o for o in items if o.sent == claim.sent and o.a >= claim.end]
    if not after:
        return []
    part = after[0]
    m = _OF_THEN_ASIDE.fullmatch(text, claim.end, part.a)
    if (m is None or not is_level(part) or part.q.kind != "count" or part.q.hedge is not None
            or _ASIDE_CLOSE.match(text, part.b) is None):
        return []
    named = _stems(m.group("of"))
    wholes = [o for o in items if claim.sent - 2 <= o.sent <= claim.sent and o.b <= claim.start and is_level(o)
              and same_unit(o.q, part.q) and written_of(o).value > written_of(part).value and not o.ctx]
    if not wholes:
        return []
    same = [o for o in wholes if named & _stems(text[o.b : o.b + 40].split(",")[0])]
    if len(same) == 1:
        whole, score, why = same[0], _SCORE_NAMED, f"{same[0].q.num} counts the '{m.group('of')}' the share is of"
    elif len(wholes) == 1 and not same:
        whole, score, why = wholes[0], _SCORE_ALONE, f"{wholes[0].q.num} is the one level of its unit before the share"
    else:
        return []
    reasons = [f"{part.q.num} set beside the share", why]
    return [Candidate("share", Computation("share", (written_of(part), written_of(whole))), (part, whole), score, reasons,
                      note=ASIDE_PART)]


__all__ = ["ASIDE_PART", "aside_share_candidates"]
