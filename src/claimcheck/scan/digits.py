"""Numbers written in digits, and which of them are quantities.

:func:`digit_quantities` reads every number of a sentence with its unit (percent, points,
count, money, a scale word, a multiple "3x"), and leaves out the numbers that are never
claims nor evidence: years, dates, times, ordinals, labels ("Route 66", "No. 5"),
addresses, ZIP codes, phone numbers, web addresses, ages, game scores, margins of error,
"5G" and "a 42-year-old".

Every pattern here runs in linear time on any input: no nested quantifiers over digits,
and look-arounds over bounded windows only.

(Longer than 500 lines: every test a number passes before it is a quantity — a year, a
date, a label, an address, a phone or emergency line, an age, a score — reads the same
window around it in one pass, and the patterns are kept together so that each one's bound
is checked beside the others'.)
"""

from __future__ import annotations

import bisect
import re
from decimal import Decimal
from functools import lru_cache
from typing import Iterator

from claimcheck import lexicon
from claimcheck.numbers import NumberError, Written, parse_number
from claimcheck.scan.quantity import Quantity
from claimcheck.scan.words import CASE_FOLDS, sentence_tokens


# Month names as prose capitalizes them (the patterns that use them are case-sensitive).
_MONTHS = lexicon.alternation(m.capitalize() for m in lexicon.MONTHS)


# A currency code before the digits ("Rs 1,906", "Sh333", "N2.5", "US$2.5"), longest first.
_CODES = sorted((c for c in lexicon.CURRENCY_PREFIXES if not c[-1:].isalpha() or len(c) > 1 or c in ("r", "n")), key=len, reverse=True)


_CODE = "(?:" + "|".join(re.escape(c) for c in _CODES) + ")"


# "31,1%", "16,4m", "3,2 million": a decimal comma, as South African and European copy
# writes it; read so only before a percent or a scale, where a group of thousands (three
# digits after the comma) cannot stand
_DECIMAL_COMMA = (r"\d{1,3},\d{1,2}(?=\s?(?:%|per[\s-]?cent\b|percent\b|(?:"
                  + lexicon.alternation(list(lexicon.SCALE_WORDS) + list(lexicon.PROSE_SCALE_ABBREVIATIONS)) + r")\b))")
_DECIMAL_COMMA_NUM = re.compile(r"\d{1,3},\d{1,2}")


# "some 850 911 calls each day": an emergency line's number after a count is no group of
# its thousands
_LINE_AFTER_SPACE = (r"(?!(?:" + lexicon.alternation(lexicon.EMERGENCY_NUMBERS) + r")[\s-]+(?:"
                     + lexicon.alternation(lexicon.EMERGENCY_LINE_NOUNS) + r")\b)")

# "1,50,785", "4,61,312", "10,00,000": Indian copy groups the thousands, then pairs of digits
# (lakh, crore)
_INDIAN_GROUPS = r"\d{1,2}(?:,\d\d)+,\d{3}(?:\.\d+)?"
_INDIAN_NUM = re.compile(_INDIAN_GROUPS)


# "Alabama 953 930 −2.4%": two numbers of three digits set side by side in a row, another
# number right after, are no one number grouped by spaces ("1 250 000" and "12 500" still are)
_NO_NUMBER_AFTER = r"(?![ \u00a0\u202f\t]{1,3}[-\u2212+]?\d)"


_NUM = re.compile(
    r"(?:(?<![\w$])(?P<code>" + _CODE + r")(?:\s|(?=\d))|(?<![\w.,/:\u2010\u2011@#])(?<![^\s(]-))"
    r"(?P<cur>" + lexicon.CURRENCY_CLASS + r")?(?P<num>" + _DECIMAL_COMMA + r"|(?<=[$\u00a3\u20ac])(?=[\d,]*, \d)\d{1,3}(?:, ?\d{3}){2,}(?!\d|\.\d)"
    r"|(?(code)(?=[\d,]*, \d)\d{1,3}(?:, ?\d{3}){2,}(?![\d,]|\.\d)|(?!))|" + _INDIAN_GROUPS + r"|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u202f]" + _LINE_AFTER_SPACE + r"\d{3}){2,}(?![\d,.])|\d{1,2}[ \u00a0\u202f]" + _LINE_AFTER_SPACE
    + r"\d{3}(?![\d,.])|\d{3}[ \u00a0\u202f]" + _LINE_AFTER_SPACE + r"\d{3}(?![\d,.])" + _NO_NUMBER_AFTER + r"|\d+(?:\.\d+)?|\.\d+)(?!\d|,\d)",
    re.I,
)


_FISCAL_YEAR_BEFORE = re.compile(r"\b((?:19|20)\d\d)[\u2013\u2014-]$")
# ("$68, 787,147", "Ksh 1, 005, 183,000,000": a sum whose commas a space follows, a slip of
# typing, is one number, after a currency sign or code)
# (a figure whose commas group no thousands, "Rs1,7045.22", is not read at all: never as
# the "1" before its first comma; Indian "1,00,000" is read as 100,000)

# Every match of _NUM holds a digit, at most this many characters after its start (a
# currency code, a space, a currency sign, a decimal point): _numbers tries the pattern
# only there, instead of at every character of the sentence.
_NUM_LEAD = max(map(len, _CODES)) + 3


_DIGITS = re.compile(r"\d+")


# A decimal, a space and a short group of digits: "rose 10.16 percent, from 21.6 83 people
# (January 2020) to 23,885", a misprinted 21,683 (a space groups no decimals)
_SPLIT_AFTER = re.compile(r"[ \u00a0]\d{1,3}(?![\d.,%])")
_SPLIT_BEFORE = re.compile(r"\d\.\d+[ \u00a0]$")


# "compared with 2000 cases": a number a year could be, before a noun of things counted
# (lexicon.YEAR_LIKE_COUNT_NOUNS), is a count unless a word before it makes it a year
_COUNTED_NOT_YEAR = re.compile(r"\s(?:" + lexicon.alternation(sorted(lexicon.YEAR_LIKE_COUNT_NOUNS)) + r")\b", re.I)
_YEAR_BEFORE = re.compile(r"(?:\b(?:the|in|since|of|by|during|from|until|till|through|before|after|to|and|or|fiscal|year|between|"
                          r"early|late|mid|spring|summer|autumn|fall|winter|[A-Z][a-z]+)|['\u2019]s|[-\u2013/])\s*$")
# ("rose 25 pct", "up 5pc": wire copy's and British papers' spellings, "pc" only written on)
_PCT = re.compile(r"\s?(?:%|per[\s-]?cent\b|pct\b)|[\s-]percent\b|(?-i:pc)\b", re.I)


# "0.38 per cent points", "0.09 percent point": Nigerian and Indian copy name percentage
# points so too
_POINTS = re.compile(
    r"[\s-](?:percentage[\s-]points?|per[\s-]?cent(?:age)?[\s-](?:points?|pts?\.?)|pct\.?\s+points?|points?|pts?\.?|pp)\b", re.I)


# "the rate recorded in August (17.01) per cent": the unit written after the bracket
_PAREN_PCT = re.compile(r"\)\s?(?:%|per[\s-]?cent\b|percent\b)", re.I)


_PER_BASES = frozenset({"100", "1000", "10000", "100000", "1000000"})


_PER_BEFORE = re.compile(r"\b(?:per|every)\s$", re.I)


# ("0.36million", "2billion": a scale word written onto the digits is one too)
_SCALE_ATTACHED = re.compile(r"(?:" + lexicon.alternation(list(lexicon.PROSE_SCALE_ABBREVIATIONS) + list(lexicon.SCALE_WORDS)) + r")\b", re.I)


# "fell from 77kg to 71kg", "41.3ug/m3": a unit of measure written right after the digits
_GLUED_UNIT = re.compile(r"(?:" + lexicon.alternation(lexicon.GLUED_UNITS) + r")(?![^\W_]|/)", re.I)


# "costs 13p more", "(42p a month)": pence, a hundredth of a pound (as written: lower case)
# British fuel copy's pence a litre: "145ppl", "131.4 p/litre", "131.4p/litre"
_PENCE_PER_LITRE = re.compile(r"(?:ppl|\s?p\s?/\s?l(?:itre)?|\s?p\s+(?:per|a)\s+litre)\b", re.I)
_MINOR_UNIT = re.compile(r"(?:" + lexicon.alternation(lexicon.MINOR_UNIT_SUFFIXES) + r")\b")


_SCALE_WORD = re.compile(r"\s(?:" + lexicon.alternation(lexicon.SCALE_WORDS) + r")\b", re.I)
# "pounds of" is a weight, not money.
_MONEY_AFTER = re.compile(
    r"\s(?:" + "|".join(re.escape(w) + r"\b" + (r"(?!\s+of)" if w.startswith("pound") else "")
                        for w in sorted(lexicon.PROSE_MONEY_WORDS, key=len, reverse=True)) + ")",
    re.I,
)


# (a time zone only in capitals: "297.5 mt" is million tonnes, not Mountain Time)
_TIME_AFTER = re.compile(r":\d|\s?(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock|(?-i:[ECMP][SD]?T\b|GMT\b|UTC\b))", re.I)


# "the 232 homicides recorded 10 years ago in 2001": a span back (or on) in time, no level
_SPAN_AGO = re.compile(r"\s+(?:(?:" + lexicon.alternation(lexicon.TIME_UNITS) + r")s?)\s+(?:ago|earlier|later|before|prior|back)\b", re.I)


_ORDINAL_AFTER = re.compile(r"(?:st|nd|rd|th)\b", re.I)


_DATE_AFTER = re.compile(r"/\d|-\d{1,2}-\d|\s(?:" + _MONTHS + r")\b\.?")


_DATE_BEFORE = re.compile(r"(?:\b(?:" + _MONTHS + r")\.?|\d/)\s?$")


# ("an 8.8-per cent growth", "a 24.1-percent decline", "a two-fold rise")
_HYPHEN_UNIT = re.compile(r"[-\u2010\u2011](?P<u>percent|per[-\u2010\u2011 ]cent|point|fold|times)\b", re.I)


_HYPHEN_WORD = re.compile(r"[-\u2010\u2011][A-Za-z]")


# "13-thousand-926", "2-million": a scale word between hyphens (radio copy), and the digits after it
_HYPHEN_SCALE = re.compile(r"[-\u2010\u2011](?P<scale>" + lexicon.alternation(lexicon.HYPHEN_SCALE_WORDS) + r")\b"
                           r"(?:[-\u2010\u2011](?P<rest>\d{3})(?![\d,.]))?", re.I)


_LABEL_WORDS_RE = (
    r"Title|Section|Sec\.|Route|Rte\.|Form|Chapter|Ch\.|Article|Art\.|Rule|Highway|Hwy\.|Interstate"
    r"|Flight|Room|Rm\.|No\.|Nos\.|Number|Page|Volume|Vol\.|Part|Proposition|Prop\.|Measure|Bill|Order"
    r"|District|Ward|Precinct|Local|Gate|Category|Grade|Game|Week|Day|Pier|Exit|Line|Platform|Terminal"
    r"|Unit|Apartment|Apt\.|Suite|Box|Docket|Case|Resolution|Ordinance|Amendment|Level|Phase|Stage"
    r"|Channel|Station|Floor|Building|Lot|Model|Version|Windows|Apollo|Boeing|Airbus|iPhone|Galaxy"
    r"|Zone|Region|Regulation|Directive|Code|Paragraph|Clause|Item|Step|Slide|Figure|Fig\.|Table"
    r"|Appendix|Exhibit|Count|Schedule|Class|Tier|Bus|Train|Pixel|Formula|Mark|Mk\.|Series|Type"
    r"|H\.R\.|S\.|HR|SB|AB|HB|SF|HF|LB|Ex\.|Ref\.|Ticket|Policy|Patent|Seat|Block|Row|Plot|Lane"
    # ("The S&P 500 index is up 163.00 points, or 8.8 percent": a market index, or a ranking,
    # named by its number)
    r"|S&P|FTSE|Nasdaq|NASDAQ|Russell|Nikkei|Stoxx|STOXX|ASX|Sensex|SENSEX|Nifty|NIFTY|DAX|CAC|TSX|KOSPI|Kospi"
    r"|Topix|TOPIX|IBEX|AEX|JSE|NZX|Fortune|Inc\."
)


_LABEL_BEFORE = re.compile(
    r"(?:\b(?:" + _LABEL_WORDS_RE + r")"
    r"\s$|#\s?$|\((?:see\s+)?(?:figure|fig\.|table|chart|page|p\.|appendix|exhibit|note)\s$)"
)


_ADDRESS_AFTER = re.compile(
    r"\s(?:[NSEW]\.?\s)?(?:[A-Z][a-z]+\.?\s|\d{1,3}(?:st|nd|rd|th)\s){1,3}"
    r"(?:St|Street|Ave|Avenue|Blvd|Boulevard|Road|Rd|Drive|Dr|Lane|Ln|Way|Place|Pl|Court|Ct"
    r"|Parkway|Pkwy|Terrace|Circle|Square|Plaza|Highway|Pike|Alley)\b"
)


# Ages and game scores are never claims nor evidence.
_AGE_BEFORE = re.compile(
    r"\b(?:aged?|ages|age\s+group)\s+(?:of\s+|between\s+|from\s+)*$"
    r"|\bages?\s+(?:of\s+|between\s+|from\s+)*\d{1,3}\s*(?:to|and|-|\u2013)\s*$"
    r"|\baged?\s+\d{1,3}\s*(?:to|and|-|\u2013)\s*$",
    re.I,
)
# ("the 18-49 demographic", "adults 18-49": an audience's age band, in ratings copy)
_AGE_AFTER = re.compile(r"(?:\s*(?:-|\u2013|to|and)\s*\d{1,3})?[\s-]+years?[\s-]+old|\s*(?:-|\u2013|to)\s*\d{1,3}[\s-]+year[\s-]+olds|\s+and\s+(?:over|older|up)\b"
                        r"|[-\u2013]\d\d\s+(?:demo|demos|demographics?|age\s+(?:group|bracket|range)|bracket|set)\b", re.I)
_AUDIENCE_BAND, _BAND_END = re.compile(r"\b(?:adults|viewers|women|men|persons|people)\s+$", re.I), re.compile(r"[-\u2013]\d\d(?![\d%]|\s*per)")


# A score has the shape "24 to 20", "24-20": the first number followed by the second, or
# the second preceded by the first.
_SCORE_AFTER = re.compile(r"\s*(?:to|-|\u2013)\s*\d{1,3}(?![\d,.%])")


_SCORE_SECOND = re.compile(r"\d{1,3}\s*(?:to|-|\u2013)\s*$")


_SCORE_VERBS = "won|lost|beat|beats|defeated|edged|routed|trailed|led|leads|leading|trailing|tied|drew|score|scores|scored"


_SCORE_BEFORE = re.compile(
    r"\b(?:" + _SCORE_VERBS + r")\s+"
    r"(?:[A-Za-z][\w'-]*\s+){0,2}?(?:\d{1,3}\s*(?:to|-|\u2013)\s*)?$",
    re.I,
)


# Longer than any match of _DATE_BEFORE ("September. ") or _LABEL_BEFORE ("Proposition ").
_TAIL = 24


_DECADE_S = re.compile(r"s\b")


_GROUP_SPACE = re.compile(r"[ \u00a0\u202f](?=\d{3})")


_ZIP_BEFORE = re.compile(r"\b[A-Z]{2}\s$")


# "the number of 911 calls", "dialed 911", "calls to 101": an emergency line, not a count
_EMERGENCY_AFTER = re.compile(r"[\s-]+(?:" + lexicon.alternation(lexicon.EMERGENCY_LINE_NOUNS) + r")\b", re.I)
_EMERGENCY_BEFORE = re.compile(r"\b(?:" + lexicon.alternation(lexicon.EMERGENCY_DIAL_VERBS) + r")(?:\s+(?:to|on))?\s+$", re.I)


_PHONE = re.compile(r"(?<![\w-])(?:\+?1[\s.-])?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[.-]\d{4}(?!\d)|(?<![\w-])\d{3}-\d{4}(?![\d-])")


_URL = re.compile(
    r"\b(?:https?://|www\.)[^\s<>\"]{1,2000}|[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,5}"
    r"|\b[\w-]{1,63}\.(?:com|org|net|gov|edu|io|co|us|uk)(?:/[^\s<>\"]{0,2000})?",
    re.I,
)


@lru_cache(maxsize=8192)
def _parse_number(text: str) -> Written:
    return parse_number(text)


# What every phone number and every web or mail address contains: a sentence without
# these holds none, and the two full patterns need not run over it.
_PHONE_HINT = re.compile(r"\d[.-]\d{4}")


_URL_ENDS = ("com", "org", "net", "gov", "edu", "io", "co", "us", "uk")


def _may_hold_url(s: str) -> bool:
    """Whether ``s`` holds "://", "www.", "@" or a dot before a top-level domain, in any
    case (the four characters that match an ASCII letter under re.I but lower-case to
    none send it to the full pattern)."""
    if "://" in s or "@" in s:
        return True
    if "." not in s:
        return False
    low = sentence_tokens(s)[0]
    return "www." in low or any("." + e in low for e in _URL_ENDS) or CASE_FOLDS.search(s) is not None


def _excluded_spans(s: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in _PHONE.finditer(s)] if _PHONE_HINT.search(s) else []
    if _may_hold_url(s):
        spans += [m.span() for m in _URL.finditer(s)]
    spans.sort()
    return spans


def _inside(spans: list[tuple[int, int]], i: int) -> bool:
    k = bisect.bisect_right(spans, (i, 10**18)) - 1
    return k >= 0 and spans[k][0] <= i < spans[k][1]


def _numbers(s: str) -> Iterator[re.Match]:
    """The matches of _NUM in ``s``, as ``_NUM.finditer(s)`` gives them: a match starts at
    most _NUM_LEAD characters before the first digit it holds, so the search for the next
    one starts only that far before the next run of digits (leftmost first, never
    overlapping), not at every character of the words between."""
    end = 0
    for d in _DIGITS.finditer(s):
        p = d.start()
        if p < end:
            continue  # inside the number just matched ("64,144")
        m = _NUM.search(s, max(end, p - _NUM_LEAD))
        if m is None:
            return
        yield m
        end = m.end()


# The words without which the look-backs for ages and scores cannot match (each needs
# one of them as a word before the number).
_AGE_WORDS = frozenset({"age", "aged", "ages"})


_SCORE_WORDS = frozenset(re.findall(r"[a-z]+", _SCORE_VERBS))


# The last word before a label's number (_LABEL_BEFORE is case-sensitive: as written).
_LABEL_WORDS = frozenset(re.findall(r"[A-Za-z]+", _LABEL_WORDS_RE)) | {
    "figure", "fig", "table", "chart", "page", "p", "appendix", "exhibit", "note"}


_ASCII_LETTERS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ")


def _may_be_label(before: str) -> bool:
    """Whether _LABEL_BEFORE can match at the end of ``before``: only after "#", or after
    one of its words and a space."""
    if "#" in before[-3:]:
        return True
    if not before[-1:].isspace():
        return False
    last = before.rsplit(None, 1)
    if not last or not last[-1]:
        return False
    t = last[-1]
    if t[-1] == ".":
        t = t[:-1]
    i = len(t)
    while i and t[i - 1] in _ASCII_LETTERS:
        i -= 1
    return t[i:] in _LABEL_WORDS


def _before_words(s: str) -> tuple[bool, bool]:
    """Whether an age and a score can be written before a number of ``s``."""
    if CASE_FOLDS.search(s) is not None:
        return True, True
    words = sentence_tokens(s)[1]
    return not _AGE_WORDS.isdisjoint(words), not _SCORE_WORDS.isdisjoint(words)


def _number_kind(s: str, m: re.Match, words: tuple[bool, bool] = (True, True)) -> Quantity | None:
    """Classify the number matched at ``m``; ``None`` when it is not a claim (a year,
    date, time, ordinal, label, address or phone number). ``words`` says whether the
    look-backs for ages and scores can match in the sentence."""
    a, e = m.start(), m.end()
    num = m.group("num")
    cur = m.group("cur")
    code = m.group("code")
    if code is not None:
        code = lexicon.CURRENCY_PREFIXES.get(code.lower())
        if code is None or (len(m.group("code")) == 1 and m.group("code").isalpha() and not m.group("code").isupper()):
            code = None
        a = m.start("num") if cur is None else m.start("cur")
    before = s[max(0, a - 40) : a]
    after = s[e : e + 80]
    if not cur and len(num) == 4 and num.isdigit() and 1900 <= int(num) <= 2100 and not (
            _POINTS.match(after) or _PCT.match(after) or (before.endswith("(") and _PAREN_PCT.match(after))
            or _HYPHEN_UNIT.match(after) or _SCALE_ATTACHED.match(after) or _SCALE_WORD.match(after)
            or (after[:1] and after[:1] in "xX" and not after[1:2].isalnum())
            or _COUNTED_NOT_YEAR.match(after) and not _YEAR_BEFORE.search(before)):
        return None  # a year (the test below, made first: a year is never anything else)
    if ("." in num and _SPLIT_AFTER.match(after)) or (len(num) <= 3 and num.isdigit() and _SPLIT_BEFORE.search(before)):
        return None  # "from 21.6 83 people": a misprint of 21,683, neither part a number
    if before.endswith(("\x1b[", "\x1b[0;", "\x1b[1;", "\x9b")):
        return None  # a terminal escape pasted into the text ("\x1b[31m"), not a number
    # (a time of day is a whole number of hours, at most 24: "285.21 MT" is million tonnes)
    if ((_TIME_AFTER.match(after) and (num.isdigit() and int(num) <= 24 or after[:1] == ":"))
            or _ORDINAL_AFTER.match(after) or (not cur and _SPAN_AGO.match(after))):
        return None
    # Both patterns end at the end of ``before`` and are shorter than _TAIL, so only its
    # tail is searched (a search still sees the characters before its start for \b).
    tail = max(0, len(before) - _TAIL)
    if _DATE_AFTER.match(after) or (
        "," not in num and "." not in num and len(num) <= 2 and _DATE_BEFORE.search(before, tail)
    ):
        return None
    ages, scores = words
    if not cur and _may_be_label(before) and _LABEL_BEFORE.search(before, tail):
        return None
    if before.endswith(("±", "± ", "+/-", "+/- ", "+/−")):
        return None  # "58,400 (± 1,600)": a margin of error, neither a claim nor a level
    if not cur and not code and ((ages and _AGE_BEFORE.search(before)) or _AGE_AFTER.match(after) or (
            _AUDIENCE_BAND.search(before, tail) and _BAND_END.match(after)) or (
            scores and _SCORE_BEFORE.search(before) and (_SCORE_SECOND.search(before) or _SCORE_AFTER.match(after)))):
        return None  # "aged 16 to 19", "between the ages of 15 and 29", "won 24 to 20": ages and scores
    if not cur and num.replace(",", "") in _PER_BASES and _PER_BEFORE.search(before):
        return None  # "412 per 100,000 residents": the 100,000 is the unit of a rate
    if not cur and _ADDRESS_AFTER.match(after):
        return None
    if not cur and len(num) == 5 and num.isdigit() and _ZIP_BEFORE.search(before):
        return None
    if not cur and not code and num in lexicon.EMERGENCY_NUMBERS and (_EMERGENCY_AFTER.match(after) or _EMERGENCY_BEFORE.search(before)):
        return None  # "911 calls", "dialled 999": the number of a line, not a count
    kind = "count"
    text_end = e
    scale_text = ""
    glued = None  # a unit of measure written right after the digits
    minor = None  # the currency of which the number is hundredths ("13p")
    pm = _PCT.match(after)
    ptm = _POINTS.match(after)
    hm = _HYPHEN_UNIT.match(after)
    if ptm and not cur:
        kind = "points"
        text_end = e + ptm.end()
    elif pm and not cur:
        kind = "percent"
        text_end = e + pm.end()
    elif not cur and before.endswith("(") and _PAREN_PCT.match(after):
        kind = "percent"
    elif hm:
        u = hm.group("u").lower()
        kind = "percent" if u.startswith("per") else "points" if u == "point" else "multiple"
        text_end = e + hm.end()
    else:
        sm = _SCALE_ATTACHED.match(after) or _SCALE_WORD.match(after)
        if sm:
            scale_text = sm.group(0).strip()
            text_end = e + sm.end()
        elif after[:1].isalpha():
            if after[:1] in "xX" and not after[1:2].isalnum():
                kind = "multiple"
                text_end = e + 1
            elif not cur and not code and (pl := _PENCE_PER_LITRE.match(after)) is not None:
                minor = "\u00a3"  # ("dropped below 145ppl": British fuel copy's pence a litre)
                text_end = e + pl.end()
            elif (not cur and not code and _MINOR_UNIT.match(after)
                  and num.replace(",", "") not in lexicon.RESOLUTION_NUMBERS):
                minor = lexicon.MINOR_UNIT_SUFFIXES[_MINOR_UNIT.match(after).group(0)]
                text_end = e + 1
            elif not cur and not code and (gm := _GLUED_UNIT.match(after)) is not None:
                glued = gm.group(0).lower()  # a count of the unit, which is what it counts
                text_end = e + gm.end()
            else:
                return None  # "5G", "3D", "10am" is caught above: a label
        elif not cur and not code and (pl := _PENCE_PER_LITRE.match(after)) is not None:
            minor = "\u00a3"  # ("from 131.4 p/litre to 131.7 p/litre": pence a litre, spaced)
            text_end = e + pl.end()
        elif not cur and (hs := _HYPHEN_SCALE.match(after)) is not None:
            # "13-thousand-926", "2-million": radio copy spells the scale out between hyphens
            scale = lexicon.SCALE_WORDS[hs.group("scale").lower()]
            rest_digits = hs.group("rest")
            if rest_digits is None:
                scale_text = hs.group("scale")
            else:
                num = str(int(num.replace(",", "")) * scale + int(rest_digits))
            text_end = e + hs.end()
        elif _HYPHEN_WORD.match(after):
            return None  # "a 90-day pause", "a 42-year-old man": a description, not a claim
    is_year = (
        kind == "count" and not cur and not scale_text and len(num) == 4 and num.isdigit()
        and 1900 <= int(num) <= 2100 and not (_COUNTED_NOT_YEAR.match(after) and not _YEAR_BEFORE.search(before))
    )
    if is_year:
        return None
    if len(num) == 2 and kind == "count" and not cur and before.endswith(("’", "'", "`")):
        return None  # "'90s"
    if (len(num) == 2 and kind == "count" and not cur and (fy := _FISCAL_YEAR_BEFORE.search(before)) is not None
            and (int(fy.group(1)) + 1) % 100 == int(num)):
        return None  # "the 2022–23 fiscal year": the second year of a fiscal year, no number
    if len(num) == 4 and _DECADE_S.match(after):
        return None  # "1990s"
    rest = s[text_end : text_end + 80]
    mm = _MONEY_AFTER.match(rest)
    currency = None
    if cur:
        currency = lexicon.CURRENCY_PREFIXES.get(cur, cur)
    elif minor:
        currency = minor
    elif code:
        currency = code
    elif mm and kind == "count":
        currency = mm.group(0).strip().lower()
        text_end += mm.end()
        if currency in lexicon.MINOR_UNIT_WORDS:  # "rose 27 cents, or 0.61%, to $44.34": $0.27
            minor = currency = lexicon.MINOR_UNIT_WORDS[currency]
        rest = s[text_end : text_end + 80]
    # "7 004 murders": digits grouped by spaces, as South African and French copy writes them
    digits = _GROUP_SPACE.sub("", num) if (" " in num or "\u00a0" in num or "\u202f" in num) else num
    if _DECIMAL_COMMA_NUM.fullmatch(num):
        digits = num.replace(",", ".")
    elif "," in num and _INDIAN_NUM.fullmatch(num):
        digits = num.replace(",", "")  # "1,50,785" is 150,785
    if minor:
        digits = format(Decimal(digits.replace(",", "")).scaleb(-2), "f")
        cur = minor
    parse_text = (cur if cur in lexicon.CURRENCY_SYMBOLS else "") + digits + (("%" if kind == "percent" else "") if kind in ("percent", "points") else "")
    if scale_text:
        parse_text += (" " if len(scale_text) > 2 and scale_text.lower() not in lexicon.SCALE_ABBREVIATIONS else "") + scale_text
    try:
        written = _parse_number(parse_text.replace(" ", " ") if kind != "points" else num)
    except NumberError:
        return None
    start = m.start() if code else a
    q = Quantity(start, text_end, start, text_end, kind if not currency or kind != "count" else "money",
                 num=s[start:text_end].strip(), written=written, currency=currency, noun=glued)
    return q


def digit_quantities(s: str, taken: list[tuple[int, int]]) -> list[Quantity]:
    """The numbers in digits of sentence ``s`` that are quantities, in order; a number
    inside one of the spans ``taken`` (a quantity in words) is that quantity's."""
    excluded: list[tuple[int, int]] | None = None
    words = _before_words(s)
    out: list[Quantity] = []
    for m in _numbers(s):
        if excluded is None:
            excluded = _excluded_spans(s)
        if excluded and _inside(excluded, m.start()):
            continue
        if any(a <= m.start() < b for a, b in taken):
            continue
        q = _number_kind(s, m, words)
        if q is None:
            continue
        out.append(q)
    return out
