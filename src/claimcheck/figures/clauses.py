"""Step 1 of reading a figure as published (:mod:`claimcheck.figures.phrase`): the
phrase normalised for what print does to numbers ("2015's $56,500", "33,2 billion", "Rs
47 crore", "Q1FY10", "one and a half", "(2,479 to 2,344)"), the periods a sentence carries
taken out ("the year before", "the 2011-12 school year"), and the tokens of its clauses,
with a break token where a clause ends (a comma, a bracket, a dash).

Every pattern is a fixed alternation of literal words with bounded repeats: linear in the
(capped) length of the phrase.
"""

from __future__ import annotations

import re

from claimcheck import lexicon
from claimcheck.figures.tokens import LEXICON, MAX_PHRASE, tokenize

_WORDS = lexicon.alternation
_MONTH = "(?:" + _WORDS(lexicon.MONTHS) + ")"
_UNIT = "(?:" + _WORDS(lexicon.TIME_UNITS) + ")"
YEAR = r"(?:19|20)\d\d"
_SMALL = "(?:" + _WORDS([w for w in lexicon.ONES if w not in ("zero",)] + list(lexicon.TENS)) + r"|\d{1,2})"
_SCALE = "(?:" + _WORDS(list(lexicon.SCALE_WORDS) + list(lexicon.PROSE_SCALE_ABBREVIATIONS)) + ")"
_NUM = lexicon.CURRENCY_CLASS + r"?\d[\d,]*(?:\.\d+)?%?"

_QUOTES = str.maketrans({"\u2018": "'", "\u2019": "'", "\u201c": " ", "\u201d": " ", '"': " ", "&": " and "})
_SUBSTITUTIONS: tuple[tuple[re.Pattern[str], str], ...] = tuple((re.compile(p), r) for p, r in (
    # "Idea?s profit": an apostrophe the page's encoding lost
    (r"(?<=[a-z])\?(?=s\b)", "'"),
    # "a rise of 3.2% from 2015's $56,500", "the previous year's turnout at 43.9 per cent"
    (rf"\b{YEAR}'s\b", " "),
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
PHRASE_PERIOD_RE = re.compile("|".join((
    rf"(?:\b(?:in|for|during)\s+(?:the\s+)?)?\b(?:{YEAR})\s*[-/–]\s*(?:\d\d)?\d\d\b(?:\s+{_WORDS(lexicon.PERIOD_ADJECTIVES)}\s+year)?",
    rf"\b(?:in|during|over|for)\s+(?:the\s+)?(?:(?:{_WORDS(lexicon.PERIOD_ORDINALS + lexicon.PERIOD_ADJECTIVES)})\s+){{0,2}}(?:{_UNIT}|{_WORDS(lexicon.PERIOD_HALVES)})s?(?:\s+of\s+(?:the\s+year|{YEAR}))?\b",
    rf"\b(?:the\s+)?(?:{_WORDS(lexicon.PERIOD_ORDINALS)})\s+(?:{_WORDS(lexicon.PERIOD_HALVES)})(?:\s+of\s+(?:the\s+year|{YEAR}))?\b",
    rf"\b(?:a|one|the)\s+{_UNIT}\s+(?:before|earlier|ago|prior)\b",
    rf"\b(?:the\s+)?(?:prior|previous|preceding|same)\s+{_UNIT}\b",
    rf"\b(?:from|in)\s+one\s+{_UNIT}\s+to\s+the\s+next\b",
    rf"\b{_SMALL}\s*-?\s*{_UNIT}(?!s)\b",  # "a two-year increase": a period, not a number
    rf"\b(?:this|last|next)\s+(?:{_WORDS(lexicon.SEASONS)})\b",
    rf"\b(?:in|of|since|during|from)?\s*{_MONTH}\s+{YEAR}\b",
    rf"\bof\s+{YEAR}\b",
)))
EMPTY_BRACKETS_RE = re.compile(r"\(\s*\)")
# Where a clause ends: a comma or semicolon before a space, a bracket, a dash, a full stop.
_BREAK_RE = re.compile(r"(\s*(?:[,;:](?!\d)|[()\[\]=–—]|\s-\s|\.(?!\d))\s*)")


def normalise(lowered: str) -> str:
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

Tok = tuple[str, str]  # (kind, text): kind is num, word, sym or "brk" (a clause break)


def clause_tokens(text: str) -> list[Tok]:
    out: list[Tok] = []
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



DIRECTIONS = {p: e.direction for p, e in LEXICON.items() if e.direction}
INTENSITY = {p for p, e in LEXICON.items() if e.rule in ("slightly", "sharply")}


def word_at(toks: list[Tok], i: int) -> str | None:
    return toks[i][1] if 0 <= i < len(toks) and toks[i][0] in ("word", "sym") else None


def known_at(toks: list[Tok], i: int) -> int:
    """Length of the longest phrase of the figure language starting at ``i`` (0 if none)."""
    for k in range(min(MAX_PHRASE, len(toks) - i), 0, -1):
        if any(t[0] == "brk" for t in toks[i : i + k]):
            continue
        if tuple(t for _, t in toks[i : i + k]) in LEXICON:
            return k
    return 0


def known_ending(toks: list[Tok], end: int) -> int:
    """Length of the longest phrase of the figure language ending just before ``end``."""
    for k in range(min(MAX_PHRASE, end), 0, -1):
        if any(t[0] == "brk" for t in toks[end - k : end]):
            continue
        if tuple(t for _, t in toks[end - k : end]) in LEXICON:
            return k
    return 0


def direction_at(toks: list[Tok], i: int) -> str | None:
    w = word_at(toks, i)
    if w is None:
        return None
    return DIRECTIONS.get((w,))


VERBS = frozenset(w for w in lexicon.PROSE_UP + lexicon.PROSE_DOWN + lexicon.CHANGE_VERBS if " " not in w)


def verb_of_change(toks: list[Tok], i: int) -> bool:
    """Whether the word at ``i`` is a verb of change, not a noun of the subject ("the fall
    semester", "the two rallies")."""
    w = word_at(toks, i)
    if w is None or w not in VERBS or (w,) not in DIRECTIONS:
        return False
    before = toks[i - 1] if i > 0 else None
    return before is None or not (before[1] in lexicon.NOUN_DETERMINERS or before[0] == "num"
                                  or before[1] in lexicon.ONES or before[1] in lexicon.TENS)
