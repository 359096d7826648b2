"""Step 2 of reading a figure as published (:mod:`claimcheck.figures.phrase`): the
numbers of the phrase, and the ones it names as inputs of the computation: the old value
("from", "up from"), the new ("to", "at", "become"), the base of a comparison ("than the",
"against", "over the", "compared to … (X)", "breaks the record of"), the part and whole
of a share ("133 of 199 seats", "35% of the total … of 2.83 trillion").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimcheck import lexicon
from claimcheck.figures.clauses import (
    DIRECTIONS,
    INTENSITY,
    YEAR,
    Tok,
    direction_at,
    known_at,
    word_at,
)
from claimcheck.figures.model import Level
from claimcheck.figures.quantity import Item, Reader
from claimcheck.figures.tokens import LEXICON

STRONG = frozenset({"percent", "points", "multiple", "word_share", "majority"})


@dataclass(slots=True)
class Cand:
    """A number of the phrase, with its unit markers, and what the phrase says it is."""

    start: int
    end: int
    item: Item
    strength: int  # 2: a unit (percent, multiple, share in words); 1: a count in digits; 0: ignored
    role: str | None = None
    lead: int = -1  # where the words that give it its role start


def _strength(item: Item, toks: list[Tok], start: int) -> int:
    if item.kind in STRONG:
        return 2
    if toks[start][0] != "num":
        return 0  # "the two rallies": a count in words is context
    core = toks[start][1]
    if re.fullmatch(rf"{YEAR}", core) and not item.currency:
        return 0  # a year the context patterns left
    return 1


def candidates(toks: list[Tok], rd: Reader) -> list[Cand]:
    out: list[Cand] = []
    i = 0
    while i < len(toks):
        if toks[i][0] == "brk":
            i += 1
            continue
        got = rd.item(i)
        if got is None:
            i += 1
            continue
        item, j = got
        out.append(Cand(i, j, item, _strength(item, toks, i)))
        i = j
    return out


class Roles:
    """Step 2: which numbers the phrase names as inputs, and the tokens those words take."""

    def __init__(self, toks: list[Tok], cands: list[Cand]) -> None:
        self.toks = toks
        self.cands = cands
        self.by_start = {c.start: c for c in cands}
        self.taken = [False] * len(toks)  # tokens that belong to a role, not to the claim
        self.directions: list[tuple[int, str]] = []  # direction words a role carries ("up from", "above the")

    def next_cand(self, i: int, gap: int, allowed: frozenset[str] | None = None, brackets: bool = False,
                  which: bool = False) -> Cand | None:
        """The count or percent after a role word at ``i``: the first number within ``gap``
        plain words, before any direction word, hedge or clause break."""
        toks = self.toks
        j, words = i + 1, 0
        while j < len(toks):
            c = self.by_start.get(j)
            if c is not None:
                return c if c.item.kind in ("count", "percent", "points") and not c.item.signed else None
            kind, tok = toks[j]
            if kind == "brk":
                if (brackets and tok in "(,") or (which and tok == "," and word_at(toks, j + 1) in ("which", "that")):
                    j += 1
                    continue
                return None
            if tok in lexicon.PHRASE_DETERMINERS or (kind == "sym" and tok in lexicon.CURRENCY_SYMBOLS):
                j += 1
                continue
            if allowed is not None:
                if tok not in allowed:
                    return None
                j += 1
                continue
            if direction_at(toks, j) or (known_at(toks, j) and LEXICON.get((tok,), None) is not None
                                          and LEXICON[(tok,)].rule is not None):
                return None
            if tok in ("from", "to", "than") and j != i:
                return None
            words += 1
            if words > gap:
                return None
            j += 1
        return None

    def take(self, c: Cand | None, role: str, lead: int) -> bool:
        if c is None or c.role is not None or c.strength == 0:
            return False
        c.role, c.lead = role, lead
        for k in range(lead, c.end):
            self.taken[k] = True
        return True

    def find(self) -> None:
        toks = self.toks
        n = len(toks)
        i = 0
        while i < n:
            kind, w = toks[i]
            if kind != "word":
                i += 1
                continue
            prev = word_at(toks, i - 1)
            if w in lexicon.PHRASE_OLD_WORDS:
                c = self.next_cand(i, 5)
                if self.take(c, "old", i):
                    d = direction_at(toks, i - 1)
                    if d and prev in ("up", "down"):
                        self.directions.append((i - 1, d))
                        self.taken[i - 1] = True
            elif w == "to":
                if prev not in lexicon.PHRASE_NOT_BEFORE_TO or (prev in ("up", "down") and self._after_change(i - 1)):
                    self.take(self.next_cand(i, 0, lexicon.PHRASE_TO_FILLERS), "new", i)
            elif w in lexicon.PHRASE_NEW_WORDS:  # at, become
                self.take(self.next_cand(i, 0), "new", i)
            elif w == "between":
                c = self.next_cand(i, 0)
                if c is not None and word_at(toks, c.end) == "and" and self.take(c, "old", i):
                    self.take(self.next_cand(c.end, 0), "new", c.end)
            elif w == "compared" and word_at(toks, i + 1) in ("to", "with"):
                self.take(self.next_cand(i + 1, 6, brackets=True, which=True), "base", i)
                i += 1
            elif w in lexicon.PHRASE_BASE_WORDS:  # than, against, versus
                if w == "than" and not self._comparison(i):
                    i += 1
                    continue
                self.take(self.next_cand(i, 5, brackets=True), "base", i)
            elif w in lexicon.PHRASE_BASE_BEFORE_THE and word_at(toks, i + 1) == "the":
                if self.take(self.next_cand(i, 4), "base", i):
                    d = lexicon.PHRASE_BASE_BEFORE_THE[w]
                    if d:
                        self.directions.append((i, d))
            elif w in lexicon.RECORD_BREAK_VERBS:
                if self.take(self.next_cand(i, 6), "old", i):
                    self.directions.append((i, "up"))
            elif w == "of":
                self._of(i)
            i += 1

    def _after_change(self, i: int) -> bool:
        """Whether the word before ``i`` is a verb of change ("inched up to 80 percent")."""
        w = word_at(self.toks, i - 1)
        return w is not None and ((w,) in INTENSITY or (w,) in DIRECTIONS or w in lexicon.CHANGE_VERBS)

    def _comparison(self, i: int) -> bool:
        """Whether "than" at ``i`` compares with a base: after the claimed number ("17
        percent less than the 392") or before a determiner ("lower than the 107,000").
        "more than 18,000" is a hedge, which the figure language reads."""
        if word_at(self.toks, i + 1) in lexicon.PHRASE_DETERMINERS:
            return True
        return any(c.end <= i - 1 and c.strength == 2 for c in self.cands)

    def _of(self, i: int) -> None:
        """"133 of 199 seats": part and whole; "35% of the total ... of 2.83 trillion": whole."""
        before = next((c for c in self.cands if c.end == i), None)
        if before is None or before.role is not None:
            return
        after = self.next_cand(i, 5, allowed=None)
        if after is None or after.item.kind != "count" or after.strength == 0:
            return
        if before.item.kind == "count" and before.strength == 1 and after.start == i + 1:
            if before.item.value < after.item.value:
                self.take(before, "part", before.start)
                self.take(after, "whole", i)
        elif before.item.kind in ("percent", "word_share") and after.item.value > 1:
            self.take(after, "whole", i)


def level_of(c: Cand, toks: list[Tok]) -> Level | None:
    it = c.item
    if it.kind not in ("count", "percent", "points"):
        return None
    text = " ".join(t for _, t in toks[c.lead : c.end] if _ != "brk")
    return Level(it.value, it.u, it.kind != "count", text, c.role or "")
