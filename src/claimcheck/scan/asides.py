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


#: The note of a share read from the whole and part set out after its colon.
SET_OUT_SHARE = "read the whole and the part set out after the share's colon as its own"

# "…: in the top 15 arrivals, 10 were up", "…; of the 40 schools, 30 …": the whole, then
# its part after a comma
_SET_OUT_WHOLE = re.compile(
    r"\s*(?:in|of|among|across)\s+(?:the\s+)?(?:(?:" + lexicon.alternation(lexicon.SET_OUT_RANK_WORDS) + r")\s+)?$", re.I)
_SET_OUT_GAP = re.compile(r"(?:\s+[^\W\d][\w’'-]*){0,4}\s*,\s*$", re.I)
# (a colon or a dash explains; a semicolon adds another thing: "40% of schools improved;
# of the 50 largest, 21 …" is no share of the same whole)
_SET_OUT_BREAK = re.compile(r"[^.;:\d]{0,120}?[:\u2014]", re.I)


def set_out_share_candidates(claim: Claim, text: str, items: list[Item]) -> list[Candidate]:
    """The reading of a share whose whole and part the words after its colon (or dash) set out
    ("Two-thirds of the leading markets saw growth: in the top 15 arrivals, 10 were up");
    none when they set out no such pair."""
    it = claim.item
    if it is None or claim.kind != "share" or claim.part is not None or claim.whole is not None:
        return []
    brk = _SET_OUT_BREAK.match(text, claim.end)
    if brk is None:
        return []
    after = [o for o in items if o.sent == claim.sent and o.a >= brk.end()]
    if len(after) < 2:
        return []
    whole, part = after[0], after[1]
    if not (is_level(whole) and is_level(part) and whole.q.kind == part.q.kind == "count" and whole.q.hedge is None
            and part.q.hedge is None and _SET_OUT_WHOLE.fullmatch(text, brk.end(), whole.a)
            and _SET_OUT_GAP.fullmatch(text, whole.b, part.a) and written_of(part).value < written_of(whole).value):
        return []
    reasons = [f"{whole.q.num} and {part.q.num} set out after the share's '{text[brk.end() - 1]}'"]
    return [Candidate("share", Computation("share", (written_of(part), written_of(whole))), (part, whole), 8.0, reasons,
                      note=SET_OUT_SHARE)]


#: The note of a share read from the part before its verb and the whole after its "of".
ACCOUNTS_FOR = "read the level before 'accounting for' (or the like) as the part, the level after the share's 'of' as the whole"
#: The note of a share read from the whole in brackets after its "of" and the level before it that counts the same.
BRACKETED_WHOLE = "read the level in brackets after the share's 'of' as the whole, the level before that counts the same as the part"

_ACCOUNTS_FOR = re.compile(r"(?:\s+[^\W\d][\w’'-]*){0,3}?\s*,?\s+(?:" + lexicon.alternation(lexicon.SHARE_OF_TOTAL_VERBS) + r")\s+$", re.I)
_OF_TOTAL = re.compile(r"\s+of\s+(?:the\s+)?(?:[^\W\d][\w’'-]*\s+){0,4}?(?:total\s+(?:of\s+)?)?$", re.I)
_BRACKET_CLOSE = re.compile(r"(?:\s+[^\W\d][\w’'-]*){0,3}\s*\)")
_OF_BRACKETED = re.compile(r"\s+of\s+(?:[^\W\d(][\w’'-]*\s+|(?:19|20)\d\d\s+){1,7}?\(\s*$", re.I)


def accounts_for_candidates(claim: Claim, text: str, items: list[Item]) -> list[Candidate]:
    """The reading of a share set after its part by "accounting for" and before its whole
    by "of": "increased by 325 to 50,333, accounting for about two-thirds of China's total
    82,367 announced cases"; none when the words say otherwise."""
    it = claim.item
    if it is None or claim.kind != "share":
        return []
    same = [o for o in items if o.sent == claim.sent and o is not it]
    before = [o for o in same if o.b <= claim.start]
    after = [o for o in same if o.a >= claim.end]
    if not before or not after:
        return []
    part, whole = before[-1], after[0]
    if not (is_level(part) and is_level(whole) and same_unit(part.q, whole.q) and part.q.kind in ("count", "money")
            and _ACCOUNTS_FOR.fullmatch(text, part.b, claim.start) and _OF_TOTAL.fullmatch(text, claim.end, whole.a)
            and written_of(part).value < written_of(whole).value):
        return []
    reasons = [f"{part.q.num} is what the share accounts for", f"{whole.q.num} after its 'of'"]
    return [Candidate("share", Computation("share", (written_of(part), written_of(whole))), (part, whole), 8.0, reasons,
                      note=ACCOUNTS_FOR)]


def bracketed_whole_candidates(claim: Claim, text: str, items: list[Item]) -> list[Candidate]:
    """The reading of a share whose whole stands in brackets after its "of" ("were 59% of
    the equivalent period in 2019 (22.2 million passengers)"), its part the one level
    before it, in its sentence or the one before, that counts the same thing."""
    it = claim.item
    if it is None or not (claim.kind == "share" or claim.bare) or it.q.kind != "percent":
        return []
    after = [o for o in items if o.sent == claim.sent and o.a >= claim.end]
    if not after:
        return []
    whole = after[0]
    if not (is_level(whole) and whole.q.hedge is None and _OF_BRACKETED.fullmatch(text, claim.end, whole.a)
            and _BRACKET_CLOSE.match(text, whole.b)):
        return []
    named = _stems(text[whole.b : whole.b + 40].split(")")[0])
    if not named:
        return []
    parts = [o for o in items if claim.sent - 1 <= o.sent <= claim.sent and o.b <= claim.start and is_level(o)
             and same_unit(o.q, whole.q) and not o.ctx and named & _stems(text[o.b : o.b + 40].split(",")[0])]
    if len(parts) != 1:
        return []
    part = parts[0]
    reasons = [f"{whole.q.num} in brackets after the share's 'of'", f"{part.q.num} counts the same"]
    return [Candidate("share", Computation("share", (written_of(part), written_of(whole))), (part, whole), 8.0, reasons,
                      note=BRACKETED_WHOLE)]


__all__ = ["ACCOUNTS_FOR", "ASIDE_PART", "BRACKETED_WHOLE", "SET_OUT_SHARE", "accounts_for_candidates",
           "aside_share_candidates", "bracketed_whole_candidates", "set_out_share_candidates"]


#: The note of a bare percent read as the share an "out of" sets out in its sentence.
OUT_OF_WHOLE = "read the level beside 'out of' as the part and the level after it as the whole of the percent"
# Between a part and the "out of" whole right after it: " voting out of ", " actually".
_PART_NEAR = re.compile(r"[^\d;:()]{0,40}")


def out_of_candidates(claim: Claim, text: str, items: list[Item]) -> list[Candidate]:
    """A bare percent in a sentence that sets out a part "out of" a whole ("turnout was 83
    percent, with 158,500 voting out of 190,432 registered"; "out of 4.89 million registered
    voters 4.01 million actually voted, for an 82 percent turnout"): the part is the one level
    of the whole's unit right beside it, with no number between."""
    it = claim.item
    if it is None or not claim.bare:
        return []
    sent = [o for o in items if o.sent == claim.sent and o is not it]
    wholes = [o for o in sent if o.role == "whole" and o.role_word == "out of" and is_level(o)]
    if len(wholes) != 1:
        return []
    whole = wholes[0]
    wv = written_of(whole).value

    def beside(o: Item) -> bool:
        lo, hi = (o, whole) if o.a < whole.a else (whole, o)
        return (_PART_NEAR.fullmatch(text, lo.b, hi.pa) is not None
                and not any(x is not o and x is not whole and lo.b <= x.a < hi.pa for x in items))

    parts = [o for o in sent if o is not whole and is_level(o) and same_unit(o.q, whole.q) and o.q.hedge is None
             and 0 <= written_of(o).value < wv and beside(o)]
    if len(parts) != 1:
        return []
    part = parts[0]
    return [Candidate("share", Computation("share", (written_of(part), written_of(whole))), (part, whole), 8.0,
                      [f"{part.q.num} out of {whole.q.num}"], note=OUT_OF_WHOLE)]


#: The note of a turnout read as the ballots cast over the voters who could cast them.
TURNOUT = "read the turnout as the ballots cast over the voters eligible or registered"
_TURNOUT = re.compile(r"\bturnout\b", re.I)
# "4,000 eligible voters", "the 4,000 registered voters", "4,000 registered": the whole
_ELIGIBLE_AFTER = re.compile(r"\s+(?:eligible|registered)\b", re.I)
_ELIGIBLE_BEFORE = re.compile(r"\b(?:eligible|registered)\s+(?:voters?|electors?)\s+(?:of\s+)?$", re.I)
_CAST_NEAR = re.compile(r"\b(?:ballots?|votes?|voted|voters?\s+who\s+voted)\b", re.I)


#: The note of a turnout whose ballots or voters the sentence before counts (bearing out only).
TURNOUT_BEFORE = "read the turnout as the ballots cast over the voters eligible or registered, counted in the sentence before"


def turnout_candidates(claim: Claim, text: str, items: list[Item]) -> list[Candidate]:
    """A turnout in percent, its sentence setting out the ballots cast and the voters who
    could cast them ("A total of 2,451 ballots were cast for 4,000 eligible voters for a
    turnout percentage of 61.11 percent"): the ballots over the voters. What the claim's
    sentence leaves out the sentence before may count ("… a total of 17,524 voters casting
    ballots …. The turnout included 73% of the 24,000 registered voters"): read across a
    sentence, that only bears the turnout out."""
    it = claim.item
    if it is None or claim.kind not in ("percent", "share") or claim.direction is not None:
        return []
    if _TURNOUT.search(text, claim.sa, claim.end + 20) is None:
        return []
    found = []
    for sent_no in (claim.sent, claim.sent - 1):
        sent = [o for o in items if o.sent == sent_no and o is not it and is_level(o) and o.q.kind == "count"
                and o.q.hedge is None]
        wholes = [o for o in sent if _ELIGIBLE_AFTER.match(text, o.b) or _ELIGIBLE_BEFORE.search(text, max(o.base, o.pa - 30), o.pa)]
        casts = [o for o in sent if o not in wholes and _CAST_NEAR.search(text, o.b, o.b + 25)]
        found.append((wholes, casts))
    (wholes, casts), (wholes_before, casts_before) = found
    note = TURNOUT
    if not wholes and not casts:
        wholes, casts, note = wholes_before, casts_before, TURNOUT_BEFORE
    elif not casts and len(wholes) == 1:
        casts, note = casts_before, TURNOUT_BEFORE
    elif not wholes and len(casts) == 1:
        wholes, note = wholes_before, TURNOUT_BEFORE
    if len(wholes) != 1 or len(casts) != 1:
        return []
    part, whole = casts[0], wholes[0]
    if not 0 < written_of(part).value <= written_of(whole).value:
        return []
    return [Candidate("share", Computation("share", (written_of(part), written_of(whole))), (part, whole), 8.0,
                      [f"{part.q.num} cast of {whole.q.num} who could vote"], note=note)]


# "87 percent – 133 – of the 153 homicides": the share, its part in an aside, then "of" and
# the whole
_ASIDE_OPEN = re.compile(r"\s*(?:\(\s*|[\u2013\u2014]\s*|\s-\s+)")
_CLOSE_THEN_OF = re.compile(r"\s*(?:\)|[\u2013\u2014]|\s-)\s*of\s+(?:(?:" + lexicon.alternation(lexicon.SHARE_OF_DETERMINERS)
                            + r")\s+)?", re.I)


def aside_then_whole_candidates(claim: Claim, text: str, items: list[Item]) -> list[Candidate]:
    """The reading of a percent whose part is set in an aside right after it and whose
    whole follows the aside after "of" ("guns caused 87 percent – 133 – of the 153
    homicides"); none when the words do not run so."""
    it = claim.item
    if it is None or it.q.kind != "percent" or it.q.written is None or not (claim.kind == "share" or claim.bare):
        return []
    after = [o for o in items if o.sent == claim.sent and o.a >= claim.end]
    if len(after) < 2:
        return []
    part, whole = after[0], after[1]
    if (_ASIDE_OPEN.fullmatch(text, claim.end, part.pa) is None or _CLOSE_THEN_OF.fullmatch(text, part.b, whole.pa) is None
            or not (is_level(part) and is_level(whole)) or part.q.hedge is not None or not same_unit(part.q, whole.q)
            or not 0 <= written_of(part).value < written_of(whole).value):
        return []
    return [Candidate("share", Computation("share", (written_of(part), written_of(whole))), (part, whole), 8.0,
                      [f"{part.q.num} set beside the share, of {whole.q.num}"], note=ASIDE_PART)]
