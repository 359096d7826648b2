"""The figure as published: a phrase pasted from the page, read for the quantity it claims
and the numbers it names.

The strict reader (:mod:`claimcheck.figures.reader`) reads the figure language, a phrase
that is all figure ("nearly 20% drop"). A reporter pastes more: a subject and its verb
("Philadelphia's 332 killings were a 15 percent drop from the 392 in 2007"), a connector
(", down 3.4 percent", "(23%)", "which was 31 percent"), a noun of the change ("a rise of 7
per cent"), a comparison ("17 percent less than the 392 the year before"), endpoints
("climbed to 6.1% from 5.4% in March") or two quantities joined by "or" ("a rise of 7 per
cent or 2,300 more homes"). This reader is tried only when the strict reader refuses, so
every figure it reads keeps its reading. It works in four steps:

1. **Normalise** what print does to numbers: "2015's $56,500" (the year's possessive),
   "33,2 billion" (a decimal comma before a scale word), "Rs 47 crore" and "Sh1.3 trillion"
   (currency codes), "Q1FY10" (labels), "one and a half", "a full percentage point",
   "(2,479 to 2,344)"; and take out periods, years and rankings, as the strict reader does,
   with a few more a sentence carries ("the year before", "the 2011-12 school year").
2. **Name** the numbers the phrase gives a role: the old value ("from", "up from"), the new
   ("to", "at", "become"), the base of a comparison ("than the", "against", "over the",
   "compared to … (X)", "breaks the record of"), the part and whole of a share ("133 of 199
   seats", "35% of the total … of 2.83 trillion"), and a number in the subject ("332
   killings were a 15 percent drop": the new value, or the part of a share).
3. **Choose** the claimed quantity among the numbers left: one with a unit (a percent,
   points, a multiple, a share in words) before a plain count; a count that a direction
   word, hedge or "by" stands next to before one that stands alone. Two quantities joined
   by "or", or the second in brackets, are both claims. Two that nothing tells apart are
   refused, quoting both. No quantity at all: the direction words make a direction-only
   claim ("rose to 3.8% from 3.5%"), or the one level named is the claim ("stood at
   N18.804 trillion"); with neither the phrase is refused.
4. **Read** the quantity's own words with the strict reader: the hedges, framing and
   direction words next to it ("just over an 11% increase"), a comparative after it ("8.1
   percent below" is 8.1% lower), and the phrase's direction verb when the quantity has
   none of its own ("sank in its freshman enrollment by 191 students"). A level followed by
   "up from" or "down from" is the new value of a direction-only claim ("represent 11.1
   percent, up from 9.4 percent").

Refused: a negation outside a hedge ("did not rise"), an -ed or -ing word right after the
claimed number ("more than 18,000 deported" may be a misspelt direction), a comparison
with nothing after "than" ("20% higher than"), no quantity, or two that cannot be told
apart. Every pattern is a fixed alternation of literal words with bounded repeats, so
reading stays linear in the (capped) length of the phrase.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from fractions import Fraction

from claimcheck import lexicon
from claimcheck.figures.model import ClaimedFigure, Level
from claimcheck.figures.quantity import Item, Reader
from claimcheck.figures.reader import read
from claimcheck.figures.tokens import LEXICON, MAX_PHRASE, Refused, strip_context, tokenize

__all__ = ["NoQuantity", "read_phrase"]


class NoQuantity(Refused):
    """The phrase holds no quantity to check (the strict reader's reason says more)."""


# --- step 1: normalise ---------------------------------------------------------------------

_WORDS = lexicon.alternation
_MONTH = "(?:" + _WORDS(lexicon.MONTHS) + ")"
_UNIT = "(?:" + _WORDS(lexicon.TIME_UNITS) + ")"
_YEAR = r"(?:19|20)\d\d"
_SMALL = "(?:" + _WORDS([w for w in lexicon.ONES if w not in ("zero",)] + list(lexicon.TENS)) + r"|\d{1,2})"
_SCALE = "(?:" + _WORDS(list(lexicon.SCALE_WORDS) + list(lexicon.PROSE_SCALE_ABBREVIATIONS)) + ")"
_NUM = r"[$€£¥]?\d[\d,]*(?:\.\d+)?%?"

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": " ", "\u201d": " ", '"': " ", "&": " and "})
_SUBSTITUTIONS: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p), r) for p, r in (
    # "Idea?s profit": an apostrophe the page's encoding lost
    (r"(?<=[a-z])\?(?=s\b)", "'"),
    # "a rise of 3.2% from 2015's $56,500", "the previous year's turnout at 43.9 per cent"
    (rf"\b{_YEAR}'s\b", " "),
    (rf"\b(?:the\s+)?(?:previous|last|prior|this|next|past)\s+(?:{_UNIT}|{_WORDS(lexicon.SEASONS)})'s\b", " the "),
    # "33,2 billion euro": a decimal comma before a scale word
    (rf"\b(\d{{1,3}}),(\d{{1,2}})(?=\s*{_SCALE}\b)", r"\1.\2"),
    # a quote mark that is no apostrophe ("students' union")
    (r"'(?![a-z])|(?<![a-z])'", " "),
    # "Q1FY10", "H1": labels of a period
    (r"\b[a-z]+\d+[a-z]+\d*\b", " "),
    # "U.S.", "Aug. 7": abbreviations with full stops
    (r"\b([a-z])\.([a-z])\.", r"\1\2"),
    (rf"\b(?:on|for)?\s*{_MONTH}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?![.,]\d|\s*(?:%|percent|per\s+cent))", " "),
    # "(2,479 to 2,344)": endpoints in brackets
    (rf"\(\s*({_NUM})\s+to\s+({_NUM})\s*\)", r", from \1 to \2 ,"),
    # "108 percent of 3,200,000 = 3.24": the claim is the result
    (r"^[^=]*=\s*(?=[^=]*\d)", " "),
    # "Kshs. 2.83 Trillion", "Rs 47 crore", "Sh1.323 trillion", "N18.804 trillion"
    (r"\b(?:" + _WORDS([c for c in lexicon.CURRENCY_PREFIXES if c.isalpha() and len(c) > 1]) + r")\.?\s?(?=\d)", " "),
    (r"\b[nr](?=\d)", " "),
    # "one and a half times", "two and a half"
))
_AND_A_HALF_RE = re.compile(rf"\b({_SMALL})\s+and\s+a\s+half\b")
# "rising nearly a full percentage point": one point
_A_POINT_RE = re.compile(r"\b(a|one)\s+(full\s+)?(percentage\s+)?point\b")
_AFTER_FRACTION = frozenset(lexicon.FRACTION_WORDS) | {"of"}
# Periods a sentence carries that the figure language does not take out itself.
_PHRASE_PERIOD_RE = re.compile("|".join((
    rf"(?:\b(?:in|for|during)\s+(?:the\s+)?)?\b(?:{_YEAR})\s*[-/–]\s*(?:\d\d)?\d\d\b(?:\s+{_WORDS(lexicon.PERIOD_ADJECTIVES)}\s+year)?",
    rf"\b(?:in|during|over|for)\s+(?:the\s+)?(?:(?:{_WORDS(lexicon.PERIOD_ORDINALS + lexicon.PERIOD_ADJECTIVES)})\s+){{0,2}}(?:{_UNIT}|{_WORDS(lexicon.PERIOD_HALVES)})s?(?:\s+of\s+(?:the\s+year|{_YEAR}))?\b",
    rf"\b(?:the\s+)?(?:{_WORDS(lexicon.PERIOD_ORDINALS)})\s+(?:{_WORDS(lexicon.PERIOD_HALVES)})(?:\s+of\s+(?:the\s+year|{_YEAR}))?\b",
    rf"\b(?:a|one|the)\s+{_UNIT}\s+(?:before|earlier|ago|prior)\b",
    rf"\b(?:the\s+)?(?:prior|previous|preceding|same)\s+{_UNIT}\b",
    rf"\b(?:from|in)\s+one\s+{_UNIT}\s+to\s+the\s+next\b",
    rf"\b{_SMALL}\s*-?\s*{_UNIT}(?!s)\b",  # "a two-year increase": a period, not a number
    rf"\b(?:this|last|next)\s+(?:{_WORDS(lexicon.SEASONS)})\b",
    rf"\b(?:in|of|since|during|from)?\s*{_MONTH}\s+{_YEAR}\b",
    rf"\bof\s+{_YEAR}\b",
)))
_EMPTY_BRACKETS_RE = re.compile(r"\(\s*\)")
# Where a clause ends: a comma or semicolon before a space, a bracket, a dash, a full stop.
_BREAK_RE = re.compile(r"(\s*(?:[,;:](?!\d)|[()\[\]=–—]|\s-\s|\.(?!\d))\s*)")


def _normalise(lowered: str) -> str:
    text = lowered.translate(_QUOTES)
    for pattern, repl in _SUBSTITUTIONS:
        text = pattern.sub(repl, text)
    text = _AND_A_HALF_RE.sub(lambda m: str(lexicon.word_number(m[1]) or m[1]) + ".5", text)
    text = _A_POINT_RE.sub(_a_point, text)
    return text


def _a_point(m: re.Match[str]) -> str:
    before = m.string[: m.start()].split()
    if before and before[-1] in _AFTER_FRACTION:  # "half a point", "three-quarters of a point"
        return m.group()
    return f"{'a full ' if m[2] else ''}1 {m[3] or ''}point"


# --- tokens ----------------------------------------------------------------------------------

_Tok = tuple[str, str]  # (kind, text): kind is num, word, sym or "brk" (a clause break)


def _tokens(text: str) -> list[_Tok]:
    out: list[_Tok] = []
    for k, part in enumerate(_BREAK_RE.split(text)):
        if k % 2:  # a break
            mark = part.strip() or ","
            if out and out[-1][0] != "brk":
                out.append(("brk", mark[0]))
            elif mark[0] == "(" and out:
                out[-1] = ("brk", "(")
            continue
        if part.strip():
            out.extend(tokenize(part))
    while out and out[-1][0] == "brk":
        out.pop()
    while out and out[0][0] == "brk":
        out.pop(0)
    return out


# --- step 2 and 3: the numbers and their roles ------------------------------------------------

_STRONG = frozenset({"percent", "points", "multiple", "word_share", "majority"})
_DIRECTIONS = {p: e.direction for p, e in LEXICON.items() if e.direction}
_INTENSITY = {p for p, e in LEXICON.items() if e.rule in ("slightly", "sharply")}


@dataclass(slots=True)
class _Cand:
    """A number of the phrase, with its unit markers, and what the phrase says it is."""

    start: int
    end: int
    item: Item
    strength: int  # 2: a unit (percent, multiple, share in words); 1: a count in digits; 0: ignored
    role: str | None = None
    lead: int = -1  # where the words that give it its role start


def _strength(item: Item, toks: list[_Tok], start: int) -> int:
    if item.kind in _STRONG:
        return 2
    if toks[start][0] != "num":
        return 0  # "the two rallies": a count in words is context
    core = toks[start][1]
    if re.fullmatch(rf"{_YEAR}", core) and not item.currency:
        return 0  # a year the context patterns left
    return 1


def _candidates(toks: list[_Tok], rd: Reader) -> list[_Cand]:
    out: list[_Cand] = []
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
        out.append(_Cand(i, j, item, _strength(item, toks, i)))
        i = j
    return out


def _word(toks: list[_Tok], i: int) -> str | None:
    return toks[i][1] if 0 <= i < len(toks) and toks[i][0] in ("word", "sym") else None


def _known_at(toks: list[_Tok], i: int) -> int:
    """Length of the longest phrase of the figure language starting at ``i`` (0 if none)."""
    for k in range(min(MAX_PHRASE, len(toks) - i), 0, -1):
        if any(t[0] == "brk" for t in toks[i : i + k]):
            continue
        if tuple(t for _, t in toks[i : i + k]) in LEXICON:
            return k
    return 0


def _known_ending(toks: list[_Tok], end: int) -> int:
    """Length of the longest phrase of the figure language ending just before ``end``."""
    for k in range(min(MAX_PHRASE, end), 0, -1):
        if any(t[0] == "brk" for t in toks[end - k : end]):
            continue
        if tuple(t for _, t in toks[end - k : end]) in LEXICON:
            return k
    return 0


def _direction_at(toks: list[_Tok], i: int) -> str | None:
    w = _word(toks, i)
    if w is None:
        return None
    return _DIRECTIONS.get((w,))


class _Roles:
    """Step 2: which numbers the phrase names as inputs, and the tokens those words take."""

    def __init__(self, toks: list[_Tok], cands: list[_Cand]) -> None:
        self.toks = toks
        self.cands = cands
        self.by_start = {c.start: c for c in cands}
        self.taken = [False] * len(toks)  # tokens that belong to a role, not to the claim
        self.directions: list[tuple[int, str]] = []  # direction words a role carries ("up from", "above the")

    def next_cand(self, i: int, gap: int, allowed: frozenset[str] | None = None, brackets: bool = False,
                  which: bool = False) -> _Cand | None:
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
                if (brackets and tok in "(,") or (which and tok == "," and _word(toks, j + 1) in ("which", "that")):
                    j += 1
                    continue
                return None
            if tok in lexicon.PHRASE_DETERMINERS or (kind == "sym" and tok in "$€£¥"):
                j += 1
                continue
            if allowed is not None:
                if tok not in allowed:
                    return None
                j += 1
                continue
            if _direction_at(toks, j) or (_known_at(toks, j) and LEXICON.get((tok,), None) is not None
                                          and LEXICON[(tok,)].rule is not None):
                return None
            if tok in ("from", "to", "than") and j != i:
                return None
            words += 1
            if words > gap:
                return None
            j += 1
        return None

    def take(self, c: _Cand | None, role: str, lead: int) -> bool:
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
            prev = _word(toks, i - 1)
            if w in lexicon.PHRASE_OLD_WORDS:
                c = self.next_cand(i, 5)
                if self.take(c, "old", i):
                    d = _direction_at(toks, i - 1)
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
                if c is not None and _word(toks, c.end) == "and" and self.take(c, "old", i):
                    self.take(self.next_cand(c.end, 0), "new", c.end)
            elif w == "compared" and _word(toks, i + 1) in ("to", "with"):
                self.take(self.next_cand(i + 1, 6, brackets=True, which=True), "base", i)
                i += 1
            elif w in lexicon.PHRASE_BASE_WORDS:  # than, against, versus
                if w == "than" and not self._comparison(i):
                    i += 1
                    continue
                self.take(self.next_cand(i, 5, brackets=True), "base", i)
            elif w in lexicon.PHRASE_BASE_BEFORE_THE and _word(toks, i + 1) == "the":
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
        w = _word(self.toks, i - 1)
        return w is not None and ((w,) in _INTENSITY or (w,) in _DIRECTIONS or w in lexicon.CHANGE_VERBS)

    def _comparison(self, i: int) -> bool:
        """Whether "than" at ``i`` compares with a base: after the claimed number ("17
        percent less than the 392") or before a determiner ("lower than the 107,000").
        "more than 18,000" is a hedge, which the figure language reads."""
        if _word(self.toks, i + 1) in lexicon.PHRASE_DETERMINERS:
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


def _level(c: _Cand, toks: list[_Tok]) -> Level | None:
    it = c.item
    if it.kind not in ("count", "percent", "points"):
        return None
    text = " ".join(t for _, t in toks[c.lead : c.end] if _ != "brk")
    return Level(it.value, it.u, it.kind != "count", text, c.role or "")


# --- step 4: the claimed quantity's own words ---------------------------------------------------


def _core(toks: list[_Tok], c: _Cand, taken: list[bool], cands: list[_Cand]) -> tuple[list[str], bool]:
    """The words of the figure language around ``c``: hedges, framing and direction words
    before it, direction words and comparatives after it; and whether one is a direction."""
    starts = {k.start for k in cands}
    left: list[str] = []
    i = c.start
    while i > 0:
        if taken[i - 1] or toks[i - 1][0] == "brk" or (i - 1) in starts:
            break
        w = toks[i - 1][1]
        if w in lexicon.PHRASE_NOMINALS:
            if left and left[0] == "of":
                left.pop(0)
            i -= 1
            continue
        if w in lexicon.INTENSITY_ADJECTIVES:
            left.insert(0, lexicon.INTENSITY_ADJECTIVES[w])
            i -= 1
            continue
        k = _known_ending(toks, i)
        if not k or any(taken[i - k : i]):
            break
        if k == 1 and (w,) in _DIRECTIONS and not _verb_of_change(toks, i - 1) and w not in ("up", "down"):
            # "the two rallies was 72 percent": a noun of the subject, not the claim's verb
            prev = toks[i - 2] if i >= 2 else None
            if prev is not None and (prev[1] in lexicon.NOUN_DETERMINERS or prev[0] == "num"
                                     or prev[1] in lexicon.ONES or prev[1] in lexicon.TENS):
                break
        left[:0] = [t for _, t in toks[i - k : i]]
        i -= k
    right: list[str] = []
    j = c.end
    while j < len(toks) and not taken[j] and toks[j][0] != "brk":
        w = toks[j][1]
        if w in lexicon.TRAILING_COMPARATIVES and (w != "over" or _word(toks, j + 1) != "the"):
            right.append(lexicon.TRAILING_COMPARATIVES[w])
            j += 1
            continue
        if (w,) in _DIRECTIONS:
            right.append(w)
            j += 1
            continue
        break
    body = [t for _, t in toks[c.start : c.end]]
    words = left + body + right
    directed = any((w,) in _DIRECTIONS for w in left + right) or any(
        _DIRECTIONS.get(tuple(words[a : a + 2])) for a in range(len(words) - 1))
    return words, directed


_VERBS = frozenset(w for w in lexicon.PROSE_UP + lexicon.PROSE_DOWN + lexicon.CHANGE_VERBS if " " not in w)


def _verb_of_change(toks: list[_Tok], i: int) -> bool:
    """Whether the word at ``i`` is a verb of change, not a noun of the subject ("the fall
    semester", "the two rallies")."""
    w = _word(toks, i)
    if w is None or w not in _VERBS or (w,) not in _DIRECTIONS:
        return False
    before = toks[i - 1] if i > 0 else None
    return before is None or not (before[1] in lexicon.NOUN_DETERMINERS or before[0] == "num"
                                  or before[1] in lexicon.ONES or before[1] in lexicon.TENS)


def _detached_direction(toks: list[_Tok], before: int, taken: list[bool]) -> str | None:
    """The phrase's direction verb when the quantity has none: the nearest verb of change
    before it ("sank in its freshman enrollment by 191 students")."""
    for i in range(before - 1, -1, -1):
        if not taken[i] and _verb_of_change(toks, i):
            return toks[i][1]
    return None


def _refuse_after_number(toks: list[_Tok], c: _Cand, taken: list[bool]) -> None:
    j = c.end
    if j >= len(toks) or taken[j] or toks[j][0] != "word":
        return
    w = toks[j][1]
    last = toks[c.end - 1][1]
    noun = last in lexicon.PLAIN_POINT_WORDS or last in lexicon.CURRENCY_WORDS or last in lexicon.SCALE_WORDS
    if not noun and w.endswith(("ed", "ing", "ly")) and (w,) not in LEXICON and w not in lexicon.TRAILING_COMPARATIVES:
        raise Refused(
            f"'{w}' right after the number may be a misspelt direction or part of the sentence; cut it "
            "or write the direction ('fell', 'rose')"
        )


def _negation(toks: list[_Tok]) -> None:
    for i, (kind, w) in enumerate(toks):
        if kind == "word" and (w in lexicon.NEGATIONS or w.endswith("n't")) and not _known_at(toks, i):
            raise Refused(f"'{w}' denies what follows, and a figure is read as said; cut the phrase to the figure")


def _strict(raw: str, words: list[str], ranking: tuple[str, ...]) -> ClaimedFigure:
    return read(raw, " ".join(words), ranking)


def _points_as_count(fig: ClaimedFigure, toks: list[_Tok], c: _Cand) -> ClaimedFigure:
    """"26 points off pull-up shooting", "64 points generated": bare points with no change
    and no percent in the phrase are a count of points, not percentage points."""
    last = toks[c.end - 1][1]
    if (fig.unit != "points" or fig.direction != "none" or last not in lexicon.PLAIN_POINT_WORDS
            or any(t in ("%", "percent", "percentage", "pct", "cent") or t.endswith("%") for _, t in toks)):
        return fig
    scale = Fraction(100)
    return replace(fig, unit="count", value=fig.value * scale if fig.value is not None else None,
                   u=fig.u * scale if fig.u is not None else None, noun="points")


def read_phrase(raw: str, lowered: str) -> ClaimedFigure:
    """Read ``raw`` (lower-cased as ``lowered``) as a figure phrase as published.

    Raises :class:`NoQuantity` when the phrase holds no quantity, :class:`Refused` with
    the reason when it holds one that cannot be read or two that cannot be told apart.
    """
    text, ranking = strip_context(_normalise(lowered))
    text = _PHRASE_PERIOD_RE.sub(" ", text)
    text = _EMPTY_BRACKETS_RE.sub(" ", text)
    toks = _tokens(text)
    if not toks:
        raise NoQuantity("the phrase names no quantity")
    _negation(toks)
    rd = Reader(toks)
    cands = _candidates(toks, rd)
    roles = _Roles(toks, cands)
    roles.find()
    taken = roles.taken
    if toks[-1][1] == "than" and not taken[-1]:
        raise Refused("'than' names no base; cut it, or give the base ('20% higher than the 480')")

    free = [c for c in cands if c.role is None and c.strength > 0]
    claim, second = _choose(toks, free, cands)
    for c in free:
        if claim is not None and c is not claim and c is not second and c.start < claim.start \
                and c.item.kind == "count":
            # "Philadelphia's 332 killings were a 15 percent drop": a number of the subject
            c.lead, c.role = c.start, "subject"

    if claim is None:
        fig = _without_quantity(raw, toks, taken, roles, cands, ranking)
    else:
        _refuse_after_number(toks, claim, taken)
        words, directed = _core(toks, claim, taken, cands)
        if not directed and claim.item.direction is None and not claim.item.signed:
            d = _detached_direction(toks, claim.start, taken)
            if d:
                words.insert(0, d)
        fig = _points_as_count(_strict(raw, words, ranking), toks, claim)
        fig = _up_from(fig, claim, roles, toks)
        if second is not None:
            words2, _ = _core(toks, second, taken, cands)
            fig = replace(fig, also=_points_as_count(read(_shown(toks, second), " ".join(words2), ()), toks, second))
    framing = [w for i, (_, w) in enumerate(toks)
               if _known_at(toks, i) == 1 and LEXICON[(w,)].framing and w not in fig.framing]
    return _with_levels(fig, [c for c in cands if c.role is not None], toks, framing)


def _shown(toks: list[_Tok], c: _Cand) -> str:
    """The words of a second quantity as the phrase gives them, to its clause's end ("or
    almost 240,000 extra tourists" → "almost 240,000 extra tourists")."""
    start = c.start
    while start > 0 and toks[start - 1][0] != "brk" and toks[start - 1][1] != "or":
        start -= 1
    end = c.end
    while end < len(toks) and toks[end][0] != "brk":
        end += 1
    return " ".join(t for _, t in toks[start:end])


def _choose(toks: list[_Tok], free: list[_Cand], cands: list[_Cand]) -> tuple[_Cand | None, _Cand | None]:
    """Step 3: the claimed quantity, and a second one joined by "or" or in brackets."""
    if not free:
        return None, None
    for a, b in zip(free, free[1:]):
        between = toks[a.end : b.start]
        joined = ("word", "or") in between or ("brk", "(") in between
        if joined and all(c is a or c is b or c.start < a.start for c in free):
            return a, b
    strong = [c for c in free if c.strength == 2]
    if len(strong) == 1:
        return strong[0], None
    if len(strong) > 1:
        raise Refused(_two(toks, strong[0], strong[1]))
    # counts only: the one a direction word, hedge or "by" stands next to
    marked = [c for c in free if _marked(toks, c)]
    if len(marked) == 1:
        return marked[0], None
    if len(marked) > 1:
        raise Refused(_two(toks, marked[0], marked[1]))
    if len(free) == 1:
        return free[0], None
    raise Refused(_two(toks, free[0], free[1]))


def _marked(toks: list[_Tok], c: _Cand) -> bool:
    """Whether a direction word, a hedge or "by" stands next to the count ``c``."""
    k = _known_ending(toks, c.start)
    if k:
        phrase = tuple(t for _, t in toks[c.start - k : c.start])
        entry = LEXICON[phrase]
        if entry.direction or entry.rule or phrase == ("by",):
            return True
    nxt = _word(toks, c.end)
    return nxt is not None and ((nxt,) in _DIRECTIONS or nxt in lexicon.TRAILING_COMPARATIVES)


def _two(toks: list[_Tok], a: _Cand, b: _Cand) -> str:
    show = lambda c: " ".join(t for _, t in toks[c.start : c.end])  # noqa: E731
    return (f"it has two numbers, '{show(a)}' and '{show(b)}', and nothing says which is the claim; "
            "cut the phrase to the one claimed (join two claims with 'or')")


def _up_from(fig: ClaimedFigure, claim: _Cand, roles: _Roles, toks: list[_Tok]) -> ClaimedFigure:
    """"represent 11.1 percent, up from 9.4 percent": the level is the new value of a
    direction-only claim, the direction the one before "from"."""
    if fig.value is None or fig.direction != "none" or fig.unit not in ("percent", "count", "money"):
        return fig
    said = [d for i, d in roles.directions if i > claim.start and _word(toks, i + 1) in lexicon.PHRASE_OLD_WORDS]
    if not said or any(c.role == "new" for c in roles.cands):
        return fig
    claim.role, claim.lead = "new", claim.start
    return replace(fig, value=None, u=None, unit="percent", direction=said[0], qualifier="exact")  # type: ignore[arg-type]


def _without_quantity(raw: str, toks: list[_Tok], taken: list[bool], roles: _Roles, cands: list[_Cand],
                      ranking: tuple[str, ...]) -> ClaimedFigure:
    """A phrase with no free quantity: a direction-only claim, or the one level named."""
    levels = [c for c in cands if c.role is not None]
    words: list[str] = []
    # the verb of a direction-only claim comes before its endpoints ("lower than the 107,000
    # companies added"): words after the first number named describe that number
    first = min((c.end for c in levels), default=len(toks))
    for i, (kind, w) in enumerate(toks):
        if kind != "word" or taken[i]:
            continue
        if (w,) in _DIRECTIONS and (i < first or _verb_of_change(toks, i)) \
                and _word(toks, i - 1) not in lexicon.NOUN_DETERMINERS:
            words.append(w)
        elif (w,) in _INTENSITY:
            words.append(w)
        elif w in lexicon.INTENSITY_ADJECTIVES:
            words.append(lexicon.INTENSITY_ADJECTIVES[w])
    words += [("rose" if d == "up" else "fell") for _, d in roles.directions]
    dirs = {_DIRECTIONS[(w,)] for w in words if (w,) in _DIRECTIONS}
    if len(dirs) > 1:
        raise Refused("it says both up and down; cut the phrase to the one change claimed")
    if dirs:
        d = dirs.pop()
        words = [w for w in words if (w,) not in _DIRECTIONS or _DIRECTIONS[(w,)] == d]
        # one direction word is enough; keep the intensity words
        first = next(w for w in words if (w,) in _DIRECTIONS)
        words = [w for w in words if (w,) not in _DIRECTIONS or w == first]
        seen: list[str] = []
        for w in words:
            if w not in seen:
                seen.append(w)
        return _strict(raw, seen, ranking)
    new = [c for c in levels if c.role == "new"]
    if new and len(levels) == 1:
        # "stood at N18.804 trillion", "to 12.4 million": the level named, with no change
        return ClaimedFigure(raw, None, None, "count", "none", "exact", ranking)
    if levels:
        raise NoQuantity("the phrase names only the endpoints of a change; add its direction or size "
                         "('fell from 31,000 to 27,000', 'down 13% from 31,000')")
    raise NoQuantity("the phrase names no quantity: no number, direction or multiple")


def _with_levels(fig: ClaimedFigure, levels: list[_Cand], toks: list[_Tok], framing: list[str]) -> ClaimedFigure:
    by_role: dict[str, Level] = {}
    named: list[Level] = []
    for c in levels:
        lv = _level(c, toks)
        if lv is None:
            continue
        role = c.role
        if role == "subject":
            role = "part" if fig.direction == "none" and fig.unit in ("percent", "share") else "new"
            if role == "new" and ("new" in by_role or any(k.role == "new" for k in levels)):
                role = "old"
            lv = replace(lv, role=role)
        if role in ("old", "base"):
            if "from" in by_role:
                named.append(lv)
            else:
                by_role["from"] = lv
        elif role == "new":
            if "to" in by_role:
                named.append(lv)
            else:
                by_role["to"] = lv
        else:
            if role == "whole" and fig.direction != "none":
                lv = replace(lv, role="base")
                if "from" not in by_role:
                    by_role["from"] = lv
                    continue
            named.append(lv)
    out = replace(
        fig,
        level_from=fig.level_from or by_role.get("from"),
        level_to=fig.level_to or by_role.get("to"),
        named=fig.named + tuple(named),
        framing=tuple(dict.fromkeys(fig.framing + tuple(framing))),
    )
    if out.value is None and out.direction == "none" and out.level_to is None:
        raise NoQuantity("the phrase names no quantity: no number, direction or multiple")
    return out
