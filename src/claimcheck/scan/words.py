"""Quantities written in words, and the words a sentence holds.

Shares, multiples and percents written in words ("two-thirds of", "doubled", "one in
five", "twenty percent", "two million") are :func:`word_quantities`; :func:`change_words`
finds changes stated in words alone ("dipped slightly", "plunged"). The lower-cased words
of a sentence (:func:`sentence_tokens`) let every step skip the patterns whose words a
sentence does not hold; :func:`may_hold_numbers` says when a sentence can hold no quantity
at all.

Every pattern here runs in linear time on any input.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from fractions import Fraction
from functools import lru_cache

from claimcheck import lexicon
from claimcheck.numbers import Written
from claimcheck.scan.quantity import Quantity


_WN_UNITS = lexicon.ONES


_WN_TENS = lexicon.TENS


_WN = (
    r"(?:(?:" + "|".join(_WN_TENS) + r")(?:[-\s](?:" + "|".join(k for k in _WN_UNITS if k not in ("zero",)) + r"))?"
    r"|" + "|".join(sorted(_WN_UNITS, key=len, reverse=True)) + r"|a\s+hundred|one\s+hundred)"
)


_FRACTION_WORDS = lexicon.FRACTION_WORDS


word_number = lexicon.word_number


# "double" and "triple" alone are adjectives more often than claims ("a double murder").
_NOT_ALONE_MULTIPLES = frozenset({"double", "triple", "quadruple", "trebled", "twice"})


# Shares, multiples and percents written in words.
# The first word of every alternative below ("doubled" and its kin match at the start of
# a longer word too, so these are prefixes): a lookahead for them lets the pattern fail
# at once at most words instead of trying each alternative's number words there.
_WQ_FIRST = lexicon.alternation(
    list(_WN_UNITS) + list(_WN_TENS) + ["a", "one", "half", "the", "twice", "double", "triple", "quadruple"]
    + [w for w in lexicon.MULTIPLE_WORDS if w not in _NOT_ALONE_MULTIPLES]
)


# "the first half of this year", "the second half", "the first three quarters of the year": a
# period, not a share ("half" or a fraction after an ordinal of the lexicon's period words;
# one lookbehind per word, as they are fixed-width)
_NOT_A_PERIOD = "".join(r"(?<!\b" + w + r"\s)" for w in lexicon.PERIOD_ORDINALS)

# "a decrease by more than half from the 479", "fell by nearly half to 60": a hedge between
# "by" and "half" (one lookbehind per hedge, as they are fixed-width)
_BY_HEDGED = "|".join(r"(?<=\bby\s" + re.escape(h).replace(r"\ ", r"\s") + r"\s)"
                      for rule in ("nearly", "about", "just_over", "more_than", "less_than", "at_least")
                      for h in lexicon.HEDGE_WORDS[rule] if h[0].isalpha() and h.islower())

# "Fewer than half (45%) of passengers", "More than one-half 52.9% of all spending": a share
# in words the percent after it restates
_PCT_AFTER = r"\s*\(?\s*\d{1,3}(?:\.\d{1,3})?\s*(?:%|per\s?cent|percent)"
_WORD_QUANTITY = re.compile(
    r"\b(?=\d|(?:" + _WQ_FIRST + r"))(?:"
    r"(?P<pct>" + _WN + r")[\s-](?:percent|per\s?cent)\b"
    r"|(?P<pone>(?:a|one)\s+full)\s+(?:" + lexicon.alternation(lexicon.FRACTION_POINT_UNITS).replace(r"\s+", r"[\s-]+") + r")\b"
    r"|(?P<pone2>a|one)\s+(?:" + lexicon.alternation(lexicon.FRACTION_POINT_UNITS[:-1]).replace(r"\s+", r"[\s-]+") + r")\b"
    r"|(?P<pnum>a|one|" + _WN + r")[\s-](?P<pfrac>" + lexicon.alternation(_FRACTION_WORDS) + r")\s+of\s+an?\s+(?:"
    + lexicon.alternation(lexicon.FRACTION_POINT_UNITS).replace(r"\s+", r"[\s-]+") + r")\b"
    r"|(?<![\d,.])(?P<one>" + _WN + r"|\d{1,3})\s+(?:in|out\s+of)\s+(?:every\s+)?(?P<every>" + _WN + r"|\d{1,3}(?:,\d{3})*)\b"
    r"|" + _NOT_A_PERIOD + r"(?P<fnum>a|one|" + _WN + r")[\s-](?P<frac>" + lexicon.alternation(_FRACTION_WORDS) + r")(?=\s+(?:of|the|all)\b|" + _PCT_AFTER + r")"
    # ("1,350, or a quarter, involved bicycles": a fraction set off after "or" restates the part before it)
    r"|(?<=\bor\s)(?P<ofnum>a|one|" + _WN + r")[\s-](?P<ofrac>" + lexicon.alternation(_FRACTION_WORDS) + r")(?=\s*[,;)])"
    r"|" + _NOT_A_PERIOD + r"(?P<half>half)(?=\s+(?:of|the|all|its|their|those|these|his|her|our)\b|\s*[\u2014\u2013)]|" + _PCT_AFTER + r")"
    r"|(?P<maj>(?:a|the)\s+(?:slim\s+|narrow\s+|large\s+|vast\s+|clear\s+|solid\s+|bare\s+)?majority)(?=\s+of\b)"
    r"|(?P<mult>" + lexicon.alternation(w for w in lexicon.MULTIPLE_WORDS if w not in _NOT_ALONE_MULTIPLES) + r")"
    r"|(?P<twice>twice|(?:" + _WN + r"|\d{1,3}(?:\.\d{1,3})?)\s+times)(?=\s+(?:as\s+\w+|" + lexicon.alternation(lexicon.TIMES_MORE) + r"|the|that|what|over)\b)"
    # ("around double the rate for females", "triple the number of"): the adjective before
    # "the" and what it multiplies
    r"|(?P<twice2>double|triple|quadruple)(?=\s+(?:the|that|what)\s+(?:rate|number|amount|level|size|share|figure|total|price|cost|average|count)\b"
    # ("nearly double the $1.1 million it spent in 2021": or the number itself)
    r"|\s+the\s+(?:" + lexicon.CURRENCY_CLASS + r"\s?)?\d)"
    r"|(?P<fold>" + _WN + r"|\d{1,3}(?:\.\d{1,3})?)[-\u2010\u2011\s]?fold\b"
    r"|(?P<byfrac>(?:a|one|" + _WN + r")[\s-](?:" + lexicon.alternation(_FRACTION_WORDS) + r")|(?:(?<=by\s)|" + _BY_HEDGED + r")half)(?=,?\s+(?:to|from)\s)"
    r"|(?P<wscale>" + _WN + r")\s+(?P<wsc>" + lexicon.alternation(lexicon.SCALE_WORDS) + r")\b"
    # "fell three points, to 515", "rose two percentage points": points in words
    r"|(?P<wpts>" + _WN + r")[\s-](?:(?:percentage|per\s?cent)[\s-]+)?points?\b"
    r")",
    re.I,
)


# A change stated in words alone: "dipped slightly", "rose sharply", "plunged".
_CHANGE_VERBS = lexicon.alternation(lexicon.CHANGE_VERBS)


_CHANGE_ADVERBS = lexicon.alternation(lexicon.CHANGE_ADVERBS)


_CHANGE_WORDS = re.compile(
    r"\b(?:(?P<v1>" + _CHANGE_VERBS + r")\s+(?:(?:" + lexicon.alternation(lexicon.CHANGE_PARTICLES) + r")\s+)?(?P<a1>" + _CHANGE_ADVERBS + r")"
    r"|(?P<a2>" + _CHANGE_ADVERBS + r")\s+(?P<v2>" + _CHANGE_VERBS + r")"
    r"|(?P<v3>" + lexicon.alternation(lexicon.SIZED_CHANGE_VERBS) + r"))\b",
    re.I,
)


_CHANGE_UP = re.compile(lexicon.alternation(lexicon.UP_STEMS), re.I)


_WORDS = re.compile(r"[a-z]+")


_WQ_STRONG = frozenset(
    ["percent", "cent", "majority", "times", "fold", "percentage", "point", "points"] + list(_FRACTION_WORDS) + list(lexicon.MULTIPLE_WORDS)
    + list(lexicon.SCALE_WORDS)
)


_WN_SET = frozenset(list(_WN_UNITS) + list(_WN_TENS))


_DIGIT_IN = re.compile(r"\d\s+(?:in|out\s+of)\s")


# The words without which _CHANGE_WORDS cannot match: the last word of each adverb and
# the first of each sized verb.
_CHANGE_TRIGGERS = frozenset(
    [w.split()[-1] for w in lexicon.CHANGE_ADVERBS] + [w.split()[0] for w in lexicon.SIZED_CHANGE_VERBS]
)


_DIGIT = re.compile(r"\d")


# Every word whose presence lets word_quantities or _change_words find anything in a
# sentence without digits (their own first checks, united; "…fold" separately).
_NUMBER_WORDS = _WQ_STRONG | _CHANGE_TRIGGERS | _WN_SET


@lru_cache(maxsize=4)
def sentence_tokens(s: str) -> tuple[str, frozenset[str]]:
    """``s`` lower-cased and its set of words; the prefilter, the word quantities and the
    change words all ask for it about the same sentence in turn."""
    low = s.lower()
    return low, frozenset(_WORDS.findall(low))


def sentence_words(s: str) -> frozenset[str]:
    """The lower-cased words of sentence ``s`` (runs of a–z)."""
    return sentence_tokens(s)[1]


def may_hold_numbers(s: str) -> bool:
    """False only when ``s`` can hold no quantity at all: no digit, and none of the words
    that quantities or changes in words are made of. Most sentences of real news copy are
    like that (quotes, narrative, attribution), and they skip detection entirely."""
    if _DIGIT.search(s):
        return True
    low, words = sentence_tokens(s)
    return not _NUMBER_WORDS.isdisjoint(words) or "fold" in low


# The words without which each alternative of _WORD_QUANTITY cannot match: "$3.2 million"
# passes the first check above (a scale word) but holds no number word to scale, and
# the full pattern costs tens of microseconds a sentence.
_WQ_ALONE = frozenset(["times", "majority"] + list(lexicon.MULTIPLE_WORDS) + list(_FRACTION_WORDS))


_WQ_AFTER_WN = frozenset(["percent", "cent"] + list(lexicon.SCALE_WORDS))


_WN_ANY = _WN_SET | {"hundred"}


_DIGIT_IN_EVERY = re.compile(r"\d\s+(?:in|out\s+of)\s+(?:every\s+)?\d{1,3}(?:,\d{3})*\b", re.I)


# The four characters that match an ASCII letter under re.I but lower-case to none
# ("İ", "ı", "ſ", the Kelvin sign): with one of them the words above may not show what
# the pattern sees, and the guard stands aside.
CASE_FOLDS = re.compile("[\u0130\u0131\u017f\u212a]")


def _wq_possible(s: str, low: str, words: frozenset[str]) -> bool:
    """Whether _WORD_QUANTITY can match anywhere in ``s`` (a necessary condition only,
    for text without CASE_FOLDS)."""
    if not _WQ_ALONE.isdisjoint(words) or "fold" in low:
        return True
    if "percentage" in words and ("a" in words or "one" in words):
        return True  # "a full percentage point", "one percentage point"
    if "doubl" in low or "tripl" in low or "quadrupl" in low or "halv" in low:
        return True  # "doubled" and its kin match at the start of a longer word too
    wn = not _WN_ANY.isdisjoint(words)
    if wn and not _WQ_AFTER_WN.isdisjoint(words):
        return True  # "twenty percent", "two million"
    if wn and ("points" in words or "point" in words):
        return True  # "fell three points"
    # "one in five", "1 in 4" (but not "12,000 in 2024": four digits are no "every")
    return ("in" in words or "out" in words) and (wn or _DIGIT_IN_EVERY.search(s) is not None)


def word_quantities(s: str) -> list[Quantity]:
    # The full pattern tries many alternatives at every word; most sentences hold none of
    # the words it needs, and a set lookup says so first.
    low, words = sentence_tokens(s)
    if (
        _WQ_STRONG.isdisjoint(words)
        and not ("fold" in low and any(w.endswith("fold") for w in words))
        and not (("in" in words or "out" in words) and (not _WN_SET.isdisjoint(words) or _DIGIT_IN.search(s)))
    ):
        return []
    if not _wq_possible(s, low, words) and CASE_FOLDS.search(s) is None:
        return []
    out = []
    for m in _WORD_QUANTITY.finditer(s):
        a, e = m.span()
        g = m.lastgroup
        written = None
        kind = "share"
        num = m.group(0)
        if m.group("pct") is not None:
            v = word_number(m.group("pct"))
            if v is None:
                continue
            kind = "percent"
            written = Written(Fraction(v, 100), Fraction(1, 100), num, percent=True)
        elif m.group("pone") is not None or m.group("pone2") is not None:
            # "nearly a full percentage point", "rose a percentage point": one point
            kind = "points"
            written = Written(Fraction(1), Fraction(1), num)
        elif m.group("pnum") is not None:
            # "rose a tenth of a point", "two-tenths of a percentage point": a change in
            # points, kept as a claim only with a direction
            v = word_number(m.group("pnum"))
            if v is None:
                continue
            kind = "points"
            den = _FRACTION_WORDS[m.group("pfrac").lower()]
            written = Written(Fraction(v, den), Fraction(1, den), num)
        elif m.group("one") is not None:
            # "38 out of 250 applicants, or 15%": two raw numbers, the evidence for a
            # share stated beside them; "1 in 5", "one out of four" stay claims.
            if m.group("one").isdigit() and m.group("one") != "1" and m.group("every")[:1].isdigit() and "out" in num.lower():
                continue
            kind = "share"
        elif m.group("byfrac") is not None:
            kind = "percent"  # "fell by a third, from 2,400 to 1,650": a change, kept only with a direction
        elif (m.group("fnum") is not None or m.group("half") is not None or m.group("maj") is not None
              or m.group("ofnum") is not None):
            kind = "share"
        elif m.group("mult") is not None or m.group("twice") is not None or m.group("twice2") is not None or m.group("fold") is not None:
            kind = "multiple"
        elif m.group("wpts") is not None:
            # "fell three points, to 515": a change in points, kept as a claim only with a
            # direction (as its digits are)
            v = word_number(m.group("wpts"))
            if v is None:
                continue
            kind = "points"
            written = Written(Fraction(v), Fraction(1), num)
        elif m.group("wscale") is not None:
            v = word_number(m.group("wscale"))
            if v is None:
                continue
            kind = "count"
            scale = lexicon.SCALE_WORDS[m.group("wsc").lower()]
            written = Written(Fraction(v * scale), Fraction(scale), num, scaled=True)
        del g
        q = Quantity(a, e, a, e, kind, num=num, written=written, words=True)
        q.byfrac = m.group("byfrac") is not None
        out.append(q)
    return out


_ONE_POINT = re.compile(r"\b(?:a|one)\s+(?:full\s+(?=(?:" + lexicon.alternation(lexicon.FRACTION_POINT_UNITS) + r")\b)"
                        r"|(?=(?:" + lexicon.alternation(lexicon.FRACTION_POINT_UNITS[:-1]) + r")\b))", re.I)


def one_point_as_digits(phrase: str) -> str:
    """``phrase`` with "a full percentage point", "a percentage point" written "1 percentage
    point", as the figure language reads it."""
    return _ONE_POINT.sub("1 ", phrase)


# "dropped to three, from five", "compared to six during the same period": a small count
# in words right after a role word is a level, as its digits would be ("one" is too often
# no count: "from one year to the next")
_ROLE_WORD_LEVEL = re.compile(
    r"\b(?:from|to|than|compared\s+(?:to|with)|versus)\s+(?P<n>" + lexicon.alternation(
        [w for w in list(_WN_TENS) + list(_WN_UNITS) if w not in ("zero", "one")]) + r")\b"
    r"(?![-\u2010\u2011]|\s+(?:percent|per\s?cent|times|of|out|in\s+(?:every|\d)|" + lexicon.alternation(
        list(lexicon.SCALE_WORDS) + list(_FRACTION_WORDS) + list(_WN_UNITS) + list(_WN_TENS)) + r")\b)",
    re.I,
)
_ROLE_WORDS = frozenset({"from", "to", "than", "compared", "versus"})


def role_word_levels(s: str, taken: list[tuple[int, int]]) -> list[Quantity]:
    """The counts in words that stand right after a role word, outside ``taken``."""
    words = sentence_tokens(s)[1]
    if _WN_SET.isdisjoint(words) or _ROLE_WORDS.isdisjoint(words):
        return []
    return _word_counts(_ROLE_WORD_LEVEL.finditer(s), taken)


def _word_counts(found: Iterator[re.Match], taken: list[tuple[int, int]]) -> list[Quantity]:
    """A count for each number in words matched (group ``n``) outside ``taken``."""
    out = []
    for m in found:
        a, e = m.span("n")
        if any(x < e and a < y for x, y in taken):
            continue
        v = word_number(m.group("n"))
        if v is None:
            continue
        out.append(Quantity(a, e, a, e, "count", num=m.group("n"), written=Written(Fraction(v), Fraction(1), m.group("n"))))
    return out


# "Of the 52 cases, 32 are open, five are waiting on lab analysis, eight have been turned
# over …, and seven have been closed": a count in words listed after a comma or "and",
# as the subject of its own verb, is a count as its digits would be (in a sentence with a
# number in digits before it; "one" is too often no count)
_LISTED_WORD_COUNT = re.compile(
    r"(?:,\s+(?:and\s+)?|\s+and\s+)(?P<n>" + lexicon.alternation(
        [w for w in list(_WN_TENS) + list(_WN_UNITS) if w not in ("zero", "one")]) + r")"
    r"\s+(?:are|were|is|was|have|has|had|remain|remained|remains)\b",
    re.I,
)
_LISTED_VERBS = frozenset({"are", "were", "is", "was", "have", "has", "had", "remain", "remained", "remains"})


def listed_word_counts(s: str, taken: list[tuple[int, int]]) -> list[Quantity]:
    """The counts in words listed as subjects after a number in digits, outside ``taken``."""
    words = sentence_tokens(s)[1]
    if _WN_SET.isdisjoint(words) or _LISTED_VERBS.isdisjoint(words):
        return []
    first = _DIGIT.search(s)
    if first is None:
        return []
    return _word_counts(_LISTED_WORD_COUNT.finditer(s, first.end()), taken)


# "Two-hundred five cases were reported …", "Thirty-two people died …": news style spells
# out a number that opens a sentence; followed by a plural noun it is a count, as its
# digits would be ("One" is too often no count, and "Two years later" is a span of time)
_WN_OPENING = (
    r"(?:" + "|".join(sorted((k for k in _WN_UNITS if k not in ("zero",)), key=len, reverse=True)) + r")"
)
_OPENING_COUNT = re.compile(
    r"[\s\"'“‘(]*(?P<n>(?:" + _WN_OPENING + r"[-\s]hundred(?:(?:\s+and)?[-\s](?:" + _WN + r"))?)|" + _WN + r")"
    r"\s+(?:[a-z][a-z'’-]*\s+)?(?P<noun>[a-z][a-z'’-]+s|people|children|men|women)\b",
    re.I,
)


def opening_count(s: str, taken: list[tuple[int, int]]) -> list[Quantity]:
    """The count in words a sentence opens on, before a plural noun, outside ``taken``."""
    m = _OPENING_COUNT.match(s)
    if m is None or not s[m.start("n")].isupper() or m.group("noun").lower() in lexicon.NOT_COUNTED_PLURALS:
        return []
    a, e = m.span("n")
    if any(x < e and a < y for x, y in taken):
        return []
    v = word_number(m.group("n"))
    if v is None or v < 2:
        return []
    return [Quantity(a, e, a, e, "count", num=m.group("n"), written=Written(Fraction(v), Fraction(1), m.group("n")))]


def change_words(s: str) -> list[Quantity]:
    if _CHANGE_TRIGGERS.isdisjoint(sentence_tokens(s)[1]):
        return []
    out = []
    for m in _CHANGE_WORDS.finditer(s):
        q = Quantity(m.start(), m.end(), m.start(), m.end(), "change", num=m.group(0), words=True)
        q.direction = "up" if _CHANGE_UP.search(m.group(0)) else "down"
        out.append(q)
    return out
