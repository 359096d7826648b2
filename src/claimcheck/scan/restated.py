"""Restated changes: an amount of change that says again, in its own unit, the change
another claim of its sentence binds from one level to another.

"… has risen to 11.55 million … from 11.19 million … which indicates an increase of
0.36million", "Roses has risen 24p …, even though the graphic would appear to show a
5.37% increase from £4.47 to £4.71": the levels are the other claim's own (its "from" and
"to"), so the search, which never lends one claim's numbers to another, finds nothing for
the amount. Read as the same change, they give it; but that the two claims speak of one
change is a reading of the sentence, so it bears the amount out and never proves it wrong
(:data:`RESTATED_AMOUNT`, a note the search abstains on when the verdict is not confirming).
"""

from __future__ import annotations

import re

from claimcheck import lexicon

from claimcheck.expr.computation import Computation
from claimcheck.scan.items import Candidate, Claim, Item, noun_score, same_unit, written_of

#: The note of an amount of change read from the levels another claim of its sentence binds.
RESTATED_AMOUNT = "read the amount as the change another claim beside it states from one level to another"

#: The structure such a reading has: enough to be checked, less than a binding of its own.
_SCORE = 5.0


# between a change and an amount of another thing's change: "… and aggravated assaults also increased by"
_ANOTHER_SUBJECT = re.compile(r"\balso\b|\bas\s+well\b|\blikewise\b", re.I)


def restated_candidates(claim: Claim, text: str, claims: list[Claim]) -> list[Candidate]:
    """The one reading of ``claim``, an amount of change with no level of its sentence bound,
    as the change another claim of its sentence (or, for a sentence of the amount alone, of
    the next) binds from and to, in the same unit and direction; none when no claim, or
    more than one, offers such levels."""
    it = claim.item
    if (it is None or claim.kind not in ("count", "money") or not it.q.change or claim.direction is None
            or it.q.written is None or any(b is not None and b.sent == claim.sent for b in (claim.old, claim.new))):
        return []
    found = _offered(claim, it, claims, claim.sent)
    if not found and not any(o is not claim and o.sent == claim.sent for o in claims):
        # "Operators responded, gaining about $10 a night. The average daily room rate …
        # rose to $143.55 in 2014, from $133.69 in 2013": a sentence of the amount alone,
        # and the next one stating the change
        found = _offered(claim, it, claims, claim.sent + 1)
    if not any(max(f[1].b, f[2].b) <= it.a for f in found) and _DEFINITE.match(text, claim.start):
        # "The number of murders statewide fell 20.5%, from 185 … to 147 …. However, the
        # statewide drop of 38 homicides was …": a change named with "the" is one already
        # stated; the nearest sentence of the two before that states one in its unit
        for back in (1, 2):
            # (its noun may be another word for the same thing, "people killed" and
            # "homicides": read so, the reading only bears the amount out)
            earlier = _offered(claim, it, claims, claim.sent - back, nouns=False)
            if earlier:
                found = earlier
                break
    # a change stated before the amount is the one it says again ("… from 11.19 million,
    # which indicates an increase of 0.36million as labor force rises to 81.15mn"): the
    # nearest such; one stated after it only when it is the one offered
    before = [f for f in found if max(f[1].b, f[2].b) <= it.a]
    if before:
        found = [max(before, key=lambda f: max(f[1].b, f[2].b))]
    if len(found) != 1:
        return []
    other, old, new = found[0]
    if other.end <= claim.start and _ANOTHER_SUBJECT.search(text, other.end, claim.start):
        # "robberies increased from 47 … to 67 and aggravated assaults also increased by 30":
        # "also" says the amount is another thing's change
        return []
    said = " ".join(text[other.start : other.end].split())
    why = [f"{old.q.num} to {new.q.num}, the levels '{said}' states, restated as an amount"]
    return [Candidate("difference", Computation("diff", (written_of(old), written_of(new))), (old, new), _SCORE, why,
                      note=RESTATED_AMOUNT)]


def _offered(claim: Claim, it: Item, claims: list[Claim], sent: int, nouns: bool = True) -> list[tuple[Claim, Item, Item]]:
    """The changes the claims of sentence ``sent`` state from one level to another, in the
    unit and direction of ``claim`` (whose quantity is ``it``; of the same noun too unless
    ``nouns`` is false)."""
    found: list[tuple[Claim, Item, Item]] = []
    for other in claims:
        if other is claim or other.sent != sent or other.old is None or other.new is None:
            continue
        if other.direction is not None and other.direction != claim.direction:
            continue
        old, new = other.old, other.new
        if old is it or new is it or old.q.written is None or new.q.written is None:
            continue
        if not (same_unit(old.q, it.q) and same_unit(new.q, it.q)) or old.q.kind != new.q.kind:
            continue
        if nouns and (noun_score(old.q, it.q) < 0 or noun_score(new.q, it.q) < 0):
            continue  # "rose by 40 cases … from 120 tests to 150 tests": two things counted
        found.append((other, old, new))
    return found


# "the statewide drop of 38 homicides", "this increase of $12": a change already named
_DEFINITE = re.compile(r"(?:the|this|that)\s", re.I)


# "dropped 144 students — or one percent —": a percent in words restating the change before it
_OR_BEFORE = re.compile(r"(?:,|\u2014|\u2013|\()\s*or\s+$", re.I)
# (and right after the amount of a change: "a rise of 6,182 or more than 7%")
_OR_HEDGED_BEFORE = re.compile(r"(?:,|\u2014|\u2013|\(|\b(?:of|by)\s+" + lexicon.CURRENCY_CLASS + r"?\d[\d,.]{0,14})\s*or\s+$", re.I)


def or_percent_in_words_claim(text: str, it: Item) -> Claim | None:
    """The claim of a percent written in words that restates, after "or", the change
    before it ("dropped 144 students — or one percent — to 13-thousand-926"): read as a
    bare percent, as its digits would be; None for any other item."""
    q = it.q
    if (q.kind != "percent" or not q.words or q.written is None or q.direction is not None or q.hedge is not None
            or it.role is not None or _OR_BEFORE.search(text, max(it.base, it.pa - 6), it.pa) is None):
        return None
    return Claim(it, it.pa, it.pb, None, "percent", it.sent, it.clause, bare=True)


def or_hedged_percent_claim(text: str, it: Item) -> Claim | None:
    """The claim of a hedged percent that restates, after "or", the number before it as a
    share ("14,891 votes cast out of 22,984 registered voters, or just over 65 percent") or
    a change ("a rise of 6,182 or more than 7%"):
    read as a bare percent, its hedge its own; None for any other item."""
    q = it.q
    if (q.kind != "percent" or q.words or q.written is None or q.direction is not None or q.hedge is None
            or q.share_of or it.role is not None or _OR_HEDGED_BEFORE.search(text, max(it.base, it.pa - 30), it.pa) is None):
        return None
    return Claim(it, it.pa, it.pb, None, "percent", it.sent, it.clause, bare=True)


__all__ = ["RESTATED_AMOUNT", "or_hedged_percent_claim", "or_percent_in_words_claim", "restated_candidates"]
