"""Paragraphs and sentences of plain text, as news copy punctuates them.

A sentence ends at ".", "!", "?" or "…" (with closing quotes and brackets) before white
space, except after a title ("Dr.", "Gov."), an abbreviation that never ends a sentence
("No.", "approx."), an initial, or a dotted abbreviation followed by a lower-case word.
Both splitters return (start, end) offsets, so nothing is copied.
"""

from __future__ import annotations

import re

from claimcheck import lexicon



_PARA_BREAK = re.compile(r"\n[ \t]*\n")

# Candidate ends: terminal punctuation, any closing quotes or brackets, then space.
_SENT_END = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019)\]]*(?=\s)")
_NEXT_START = re.compile(r"\s+[\"'\u201c\u2018(\[]*(?P<first>\S)")

_ABBREV_TITLES = frozenset(
    "mr mrs ms dr prof sen rep gov lt gen col sgt capt cmdr adm maj pres supt insp det "
    "st mt ft jr sr rev hon atty amb fr messrs mme mlle".split()
)
_ABBREV_ALWAYS = frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec inc corp co ltd bros vs v etc al "
    "approx est dept univ assn ave blvd rd hwy fig figs vol no nos pp pg ch sec art cf "
    "ca ed eds op".split()
)
# Abbreviations written with inner dots ("U.S.", "e.g.") end a sentence only when a word
# that usually opens one follows ("… in the U.S. The agency …").
_SENTENCE_OPENERS = frozenset(
    "the a an this that these those it its he she they we i his her their our but and "
    "in on at for as after before when while since if meanwhile still however yet so "
    "there here one some many most according".split()
)
_INNER_DOTS = re.compile(r"(?:[A-Za-z]\.){2,}$")
_CAMEL_NAME = re.compile(r"[a-z][A-Z][a-z]")


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty paragraph."""
    spans = []
    pos = 0
    for m in _PARA_BREAK.finditer(text):
        if text[pos : m.start()].strip():
            spans.append((pos, m.start()))
        pos = m.end()
    if text[pos:].strip():
        spans.append((pos, len(text)))
    return spans


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text[start:end]``, trimmed of space.

    A period ends a sentence unless it belongs to a title ("Sen.", "Dr."), a standing
    abbreviation ("Jan.", "No.", "Inc."), an initial ("J. Smith"), or a dotted
    abbreviation ("U.S.", "e.g.") not followed by a usual opener; a decimal point
    ("19.1%") is never followed by space, so never ends one. Closing quotes and brackets
    stay with the sentence they close.
    """
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    s = start
    for m in _SENT_END.finditer(text, start, end):
        nxt = _NEXT_START.match(text, m.end(), end)
        if nxt is None:
            continue
        first = nxt.group("first")
        if not (first.isupper() or first.isdigit() or first in lexicon.CURRENCY_SYMBOLS
                # ("… a year ago. iPhone sales fell 3%": a name written with a lower-case
                # first letter and a capital second, "iPhone", "eBay")
                or _CAMEL_NAME.match(text, nxt.start("first")) is not None):
            continue
        punct = m.group(0)
        if punct.startswith(".") and len(punct.rstrip("\"'\u201d\u2019)]")) == 1:
            if not _period_ends(text, m.start(), nxt, end):
                continue
        spans.append((s, m.end()))
        s = nxt.start("first")
        while s > m.end() and text[s - 1] in "\"'\u201c\u2018([":
            s -= 1
    spans.append((s, end))
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append((a, b))
    return out


def _period_ends(text: str, dot: int, nxt: re.Match, end: int) -> bool:
    """Whether the period at ``dot`` ends its sentence (see :func:`split_sentences`)."""
    w = dot
    while w > 0 and dot - w < 30 and (text[w - 1].isalpha() or text[w - 1] == "."):
        w -= 1
    word = text[w:dot]
    if not word:
        return True
    low = word.lower()
    if _INNER_DOTS.search(word + "."):
        following = re.match(r"[A-Za-z']+", text[nxt.start("first") : nxt.start("first") + 30])
        return following is not None and following.group(0).lower() in _SENTENCE_OPENERS
    if low in _ABBREV_TITLES:
        return False
    if low + "." in lexicon.CURRENCY_PREFIXES and nxt.group("first").isdigit():
        return False  # "Rs. 57.46 crore": a currency written before its number
    if low in _ABBREV_ALWAYS:
        # "No. 3", "Jan. 6": an abbreviation before a number never ends a sentence;
        # before a word, the month and company forms still do not.
        return low == "no" and not nxt.group("first").isdigit()
    if len(word) == 1 and word.isupper():
        return False  # an initial: "J. Smith"
    return True

