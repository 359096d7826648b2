"""A multiple of two changes: "Douglas County, located near Denver, had an increase of
13.6 percent during the 15-month period. Douglas County's rate of increase was more than
10 times that of the entire country (1.2 percent)."

The claim's subject names a change ("rate of increase", "growth"), its base is the percent
set right after "that of …" (in brackets or not), and the change it multiplies is the one
percent change the sentence, or the one before, stated before it. That the subject is that
change is a reading of the paragraph, so it bears a multiple out and never proves it wrong
(:data:`CHANGES_MULTIPLE`).
"""

from __future__ import annotations

import re

from claimcheck import lexicon
from claimcheck.expr.computation import Computation
from claimcheck.scan.items import Candidate, Claim, is_level, Item, rate_level, same_unit, written_of
from claimcheck.scan.roles import comparable, is_before

#: The note of a multiple read as the ratio of a change stated before it to a change set after it.
CHANGES_MULTIPLE = "read the multiple as the ratio of the change its subject names to the percent set after 'that of'"

# "… times that of the entire country (1.2 percent)", "… times that of the state, 2.1%"
_THAT_OF = re.compile(r"\s+(?:that|those)\s+of\s+(?:[^\W\d][\w’'-]*\s+){0,5}?(?:\(\s*|,\s*)?$", re.I)
_CHANGE_SUBJECT = re.compile(r"\b(?:" + lexicon.alternation(list(lexicon.UP_NOUNS) + list(lexicon.DOWN_NOUNS)) + r")s?\b", re.I)


def changes_multiple_candidates(claim: Claim, text: str, items: list[Item]) -> list[Candidate]:
    """The reading of a multiple whose subject names a change stated before it and whose
    base is the percent after "that of"; none when the words say otherwise."""
    it = claim.item
    if it is None or claim.kind != "multiple" or claim.old is not None or claim.new is not None:
        return []
    after = [o for o in items if o.sent == claim.sent and o.a >= claim.end]
    if not after:
        return []
    base = after[0]
    q = base.q
    if (q.kind != "percent" or q.written is None or q.direction is not None or q.words or q.hedge is not None
            or _THAT_OF.fullmatch(text, claim.end, base.a) is None):
        return []
    head = text[claim.sa : claim.start]
    if _CHANGE_SUBJECT.search(head) is None:
        return []
    changes = [o for o in items if rate_level(o) and claim.sent - 1 <= o.sent <= claim.sent and o.b <= claim.start
               and o is not it]
    if len(changes) != 1 or written_of(base).value <= 0:
        return []
    change = changes[0]
    reasons = [f"{change.q.num}, the change the subject names, over {q.num} after 'that of'"]
    comp = Computation("ratio", (written_of(change), written_of(base)))
    return [Candidate("ratio", comp, (change, base), 6.0, reasons, note=CHANGES_MULTIPLE)]


#: The note of a change read from the two levels set out after its dash, in the order written.
SET_OUT_LEVELS = "read the two levels set out after the dash, in the order written, as the change's old and new"

# the rest of the claim's clause, then a dash or a colon (an aside in brackets may stand between)
_TO_DASH = re.compile(r"[^.;:\u2014\u2013()]{0,80}(?:\([^()]{0,160}\))?[^.;:\u2014\u2013()]{0,20}?(?:\s[-\u2013]\s|\u2014|:\s)\s*")
# "1,826 in 2k1-2, and 6,253 in 2k8-9": two levels joined by "and"
_AND_GAP = re.compile(r"(?:\s+[^\s,;]+){0,3}\s*,?\s+and\s+", re.I)


def set_out_levels_candidates(claim: Claim, text: str, items: list[Item]) -> list[Candidate]:
    """The reading of a multiple or a percent change whose two levels its clause sets out
    after a dash, joined by "and" ("violent crime has more than tripled … since 2001-2 (…)
    - 1,826 in 2k1-2, and 6,253 in 2k8-9"): the first the old, the second the new."""
    it = claim.item
    if it is None or claim.kind not in ("multiple", "percent") or claim.old is not None or claim.new is not None \
            or claim.bare:
        return []
    m = _TO_DASH.match(text, claim.end)
    if m is None:
        return []
    after = [o for o in items if o.sent == claim.sent and o.a >= claim.end]
    if len(after) != 2 or after[0].a != m.end() and after[0].pa != m.end():
        return []
    old, new = after
    if not (is_level(old) and is_level(new) and same_unit(old.q, new.q) and old.q.kind in ("count", "money")
            and _AND_GAP.fullmatch(text, old.b, new.pa)):
        return []
    if written_of(old).value <= 0:
        return []
    if old.time and new.time and comparable(old.time, new.time) and is_before(new.time, old.time):
        return []  # "… - 951 in 2023, and 412 in 2015": the times say the other order
    if claim.kind == "multiple":
        comp, rel = Computation("ratio", (written_of(new), written_of(old))), "ratio"
    else:
        comp, rel = Computation("pct_change", (written_of(old), written_of(new))), "percent change"
    reasons = [f"{old.q.num} and {new.q.num} set out after the dash"]
    return [Candidate(rel, comp, (old, new), 6.0, reasons, note=SET_OUT_LEVELS)]


# "double the rate for females (20.1 and 9.9 deaths per 100,000 people, respectively)": the
# multiple's base named after it, then the two levels in the order of the sentence's subject
# and that base
_BASE_NAMED = re.compile(r"\s+(?:the|that|what)\s+[^.;:()\d]{1,60}?(?:\s*[(,:\u2014]|\s[-\u2013])\s*", re.I)
_RESPECTIVELY = re.compile(r"\s*,?\s+respectively\b", re.I)


def respectively_multiple_candidates(claim: Claim, text: str, items: list[Item]) -> list[Candidate]:
    """The reading of a multiple set against a base it names ("around double the rate for
    females"), whose two levels the sentence then gives "respectively": the first is the
    subject's, the second the base's, as "respectively" says."""
    it = claim.item
    if it is None or claim.kind != "multiple" or claim.old is not None:
        return []
    m = _BASE_NAMED.match(text, claim.end)
    if m is None:
        return []
    after = [o for o in items if o.sent == claim.sent and o.a >= m.end()]
    if len(after) < 2 or after[0].pa != m.end():
        return []
    first, second = after[0], after[1]
    if not (is_level(first) and is_level(second) and same_unit(first.q, second.q)
            and _AND_GAP.fullmatch(text, first.b, second.pa) and _RESPECTIVELY.match(text, second.b)):
        return []
    if written_of(second).value <= 0:
        return []
    comp = Computation("ratio", (written_of(first), written_of(second)))
    reasons = [f"{first.q.num} and {second.q.num}, respectively, of the subject and the base named after the claim"]
    return [Candidate("ratio", comp, (second, first), 7.0, reasons)]


__all__ = ["CHANGES_MULTIPLE", "SET_OUT_LEVELS", "changes_multiple_candidates", "respectively_multiple_candidates",
           "set_out_levels_candidates"]
