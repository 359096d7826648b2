"""Finding the quantities in one sentence of prose.

:func:`detect` returns every number that could be a claim or its evidence, with its
unit (percent, points, count, money, rate, multiple, share), what it counts (its noun),
its rate ("a day", "per 100,000 residents"), and the words before it that qualify it:
a hedge ("nearly"), framing ("only"), a direction ("fell", "a 13 percent drop").
Numbers that are never claims are left out: years, dates, times, ordinals, labels
("Route 66", "No. 5"), addresses, ZIP codes, phone numbers, web addresses, list numbers,
"5G" and "a 42-year-old". Shares, multiples and percents written in words ("two-thirds
of", "doubled", "one in five", "twenty percent") are quantities too;
:func:`change_words` finds changes stated in words alone ("dipped slightly", "plunged").

Every pattern here runs in linear time on any input: no nested quantifiers over digits,
and look-arounds over bounded windows only.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from fractions import Fraction
from functools import lru_cache
from typing import Iterator

from claimcheck import lexicon
from claimcheck.numbers import NumberError, Written, parse_number



# Month names as prose capitalizes them (the patterns that use them are case-sensitive).
_MONTHS = lexicon.alternation(m.capitalize() for m in lexicon.MONTHS)
_WN_UNITS = lexicon.ONES
_WN_TENS = lexicon.TENS
_WN = (
    r"(?:(?:" + "|".join(_WN_TENS) + r")(?:[-\s](?:" + "|".join(k for k in _WN_UNITS if k not in ("zero",)) + r"))?"
    r"|" + "|".join(sorted(_WN_UNITS, key=len, reverse=True)) + r"|a\s+hundred|one\s+hundred)"
)
_FRACTION_WORDS = lexicon.FRACTION_WORDS
word_number = lexicon.word_number


# A currency code before the digits ("Rs 1,906", "Sh333", "N2.5", "US$2.5"), longest first.
_CODES = sorted((c for c in lexicon.CURRENCY_PREFIXES if not c[-1:].isalpha() or len(c) > 1 or c in ("r", "n")), key=len, reverse=True)
_CODE = "(?:" + "|".join(re.escape(c) for c in _CODES) + ")"
_NUM = re.compile(
    r"(?:(?<![\w$])(?P<code>" + _CODE + r")(?:\s|(?=\d))|(?<![\w.,/:\-\u2010\u2011@#]))"
    r"(?P<cur>[$€£¥₹₦])?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?![\d,.])|\d+(?:\.\d+)?|\.\d+)(?!\d)",
    re.I,
)
# Every match of _NUM holds a digit, at most this many characters after its start (a
# currency code, a space, a currency sign, a decimal point): _numbers tries the pattern
# only there, instead of at every character of the sentence.
_NUM_LEAD = max(map(len, _CODES)) + 3
_DIGITS = re.compile(r"\d+")
_PCT = re.compile(r"\s?(?:%|per[\s-]?cent\b)|[\s-]percent\b", re.I)
# "0.38 per cent points", "0.09 percent point": Nigerian and Indian copy name percentage
# points so too
_POINTS = re.compile(
    r"[\s-](?:percentage[\s-]points?|per[\s-]?cent(?:age)?[\s-](?:points?|pts?\.?)|pct\.?\s+points?|points?|pts?\.?|pp)\b", re.I)
# "the rate recorded in August (17.01) per cent": the unit written after the bracket
_PAREN_PCT = re.compile(r"\)\s?(?:%|per[\s-]?cent\b|percent\b)", re.I)
_PER_BASES = frozenset({"100", "1000", "10000", "100000", "1000000"})
_PER_BEFORE = re.compile(r"\b(?:per|every)\s$", re.I)
_PER_POP = re.compile(
    r"\s+(?:per|for\s+every)\s+(?P<base>1,000,000|100,000|10,000|1,000|1000000|100000|10000|1000|100|thousand|million)\b"
    r"(?:\s+(?:" + lexicon.alternation(lexicon.PER_POPULATION_NOUNS) + r"))?",
    re.I,
)
_SCALE_ATTACHED = re.compile(r"(?:" + lexicon.alternation(lexicon.PROSE_SCALE_ABBREVIATIONS) + r")\b", re.I)
_SCALE_WORD = re.compile(r"\s(?:" + lexicon.alternation(lexicon.SCALE_WORDS) + r")\b", re.I)
# "pounds of" is a weight, not money.
_MONEY_AFTER = re.compile(
    r"\s(?:" + "|".join(re.escape(w) + r"\b" + (r"(?!\s+of)" if w.startswith("pound") else "")
                        for w in sorted(lexicon.PROSE_MONEY_WORDS, key=len, reverse=True)) + ")",
    re.I,
)
_TIME_AFTER = re.compile(r":\d|\s?(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock|[ECMP][SD]?T\b|GMT\b|UTC\b)", re.I)
_ORDINAL_AFTER = re.compile(r"(?:st|nd|rd|th)\b", re.I)
_DATE_AFTER = re.compile(r"/\d|-\d{1,2}-\d|\s(?:" + _MONTHS + r")\b\.?")
_DATE_BEFORE = re.compile(r"(?:\b(?:" + _MONTHS + r")\.?|\d/)\s?$")
_HYPHEN_UNIT = re.compile(r"[-\u2010\u2011](?P<u>percent|per-cent|point|fold|times)\b", re.I)
_HYPHEN_WORD = re.compile(r"[-\u2010\u2011][A-Za-z]")
_LABEL_WORDS_RE = (
    r"Title|Section|Sec\.|Route|Rte\.|Form|Chapter|Ch\.|Article|Art\.|Rule|Highway|Hwy\.|Interstate"
    r"|Flight|Room|Rm\.|No\.|Nos\.|Number|Page|Volume|Vol\.|Part|Proposition|Prop\.|Measure|Bill|Order"
    r"|District|Ward|Precinct|Local|Gate|Category|Grade|Game|Week|Day|Pier|Exit|Line|Platform|Terminal"
    r"|Unit|Apartment|Apt\.|Suite|Box|Docket|Case|Resolution|Ordinance|Amendment|Level|Phase|Stage"
    r"|Channel|Station|Floor|Building|Lot|Model|Version|Windows|Apollo|Boeing|Airbus|iPhone|Galaxy"
    r"|Zone|Region|Regulation|Directive|Code|Paragraph|Clause|Item|Step|Slide|Figure|Fig\.|Table"
    r"|Appendix|Exhibit|Count|Schedule|Class|Tier|Bus|Train|Pixel|Formula|Mark|Mk\.|Series|Type"
    r"|H\.R\.|S\.|HR|SB|AB|HB|SF|HF|LB|Ex\.|Ref\.|Ticket|Policy|Patent|Seat|Block|Row|Plot|Lane"
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
_AGE_AFTER = re.compile(r"(?:\s*(?:-|\u2013|to|and)\s*\d{1,3})?[\s-]+years?[\s-]+old|\s*(?:-|\u2013|to)\s*\d{1,3}[\s-]+year[\s-]+olds|\s+and\s+(?:over|older|up)\b", re.I)
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
_PHONE = re.compile(r"(?<![\w-])(?:\+?1[\s.-])?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[.-]\d{4}(?!\d)|(?<![\w-])\d{3}-\d{4}(?![\d-])")
_URL = re.compile(
    r"\b(?:https?://|www\.)[^\s<>\"]{1,2000}|[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,5}"
    r"|\b[\w-]{1,63}\.(?:com|org|net|gov|edu|io|co|us|uk)(?:/[^\s<>\"]{0,2000})?",
    re.I,
)
_RANGE_GAP = re.compile(r"\s?[-\u2013]\s?|\s(?:to|and)\s")

_PERIODS = lexicon.PERIOD_WORDS
_RATE_AFTER = re.compile(
    r"(?:\s+(?:[A-Za-z][\w'-]*\s+){0,2}?(?:a|per|each|every|an)\s+(?P<p1>day|week|month|year|hour)\b"
    r"(?!\s+(?:ago|earlier|later|prior)\b)"
    r"|\s+(?:[A-Za-z][\w'-]*\s+)?(?P<p2>daily|weekly|monthly|annually|yearly|nightly|hourly)\b(?!\s+(?:basis|average))"
    r"|/(?P<p3>day|week|month|year|hour)\b)",
    re.I,
)
_DAILY_NOUN = re.compile(r"\s+(?P<p>daily|weekly|monthly|annual|yearly|nightly)\s+(?P<noun>[a-z][\w'-]*)")
_NOUN_AFTER = re.compile(r"\s+(?P<noun>[a-zA-Z][\w'-]*)")
_NOT_NOUNS = frozenset(
    "in on at as to from of and or but by for with than since during between through "
    "the a an this that these those it its last next per each every over under about "
    "who which when where while was were is are be been had has have will would could "
    "more less fewer higher lower up down compared versus vs".split()
)
_UP_NOUNS = "|".join(lexicon.UP_NOUNS)
_DOWN_NOUNS = "|".join(lexicon.DOWN_NOUNS)
_DIR_AFTER = re.compile(
    r"(?:\s+(?:year[\s-]+(?:on|over)[\s-]+year|month[\s-]+(?:on|over)[\s-]+month|quarter[\s-]+(?:on|over)[\s-]+quarter"
    r"|y-?o-?y|yoy|annual|annualised|annualized|quarterly|sequential|overall|net|\((?:yoy|y-o-y|mom|qoq)\)))*"
    r"\s+(?:(?P<upn>(?:" + _UP_NOUNS + r")s?)|(?P<downn>(?:" + _DOWN_NOUNS + r")s?)"
    r"|(?P<upc>" + "|".join(lexicon.UP_COMPARATIVES) + r"|up(?!\s+(?:to|from|for|until|with)\b))"
    r"|(?P<downc>" + "|".join(lexicon.DOWN_COMPARATIVES) + r"|down(?!\s+(?:to|from|for|until|with)\b)))\b",
    re.I,
)
_SHARE_OF_AFTER = re.compile(r"\s+of\b", re.I)

_UP_WORDS = lexicon.PROSE_UP
_DOWN_WORDS = lexicon.PROSE_DOWN
_UP_NOUN_OF = tuple(f"{a} {n} of" for n in _UP_NOUNS.split("|") for a in ("a", "an"))
_DOWN_NOUN_OF = tuple(f"{a} {n} of" for n in _DOWN_NOUNS.split("|") for a in ("a", "an"))


_alt = lexicon.alternation
FRAMING_WORDS = lexicon.FRAMING_WORDS

#: Hedge word → its rule, for the hedges written before a number (the size words
#: "slightly", "sharply" and the multiples are read elsewhere).
_HEDGE_WORDS: dict[str, str] = {
    w.lower(): name
    for name, words in lexicon.HEDGE_WORDS.items()
    if name not in ("exact", "multiple", "slightly", "sharply")
    for w in words
    if w != "~"
}

# Hedge words that are also the prepositions of a comparison ("an increase over 184,533").
_PREPOSITION_HEDGES = frozenset({"over", "above", "under", "below", "more than", "less than", "fewer than", "higher than", "lower than"})
_CHANGE_BEFORE = re.compile(
    r"(?:%|\bper\s?cent|\bpercent|\bpoints?|\b(?:" + "|".join(lexicon.UP_NOUNS + lexicon.DOWN_NOUNS) + r")s?"
    r"|\b(?:up|down|higher|lower|rose|fell|increased|decreased|grew|declined|dropped|jumped|climbed))\s*$",
    re.I,
)
_PHRASAL_UP = re.compile(r"\b(?:made|make|makes|making|sum|sums|summed|add|adds|added|adding|account|accounts|accounted|took|take|takes|taking|end|ended|ends|split)\s+$", re.I)
# One look-back step: the last hedge, framing word, direction or article before a
# position. Applied to a window of at most 60 characters, a few times per number.
def _pre_step_pattern(keep) -> str:  # noqa: ANN001
    """_PRE_STEP's pattern with only the phrases ``keep`` accepts (by their last word,
    and whether " by" may follow them)."""

    def alt(words: list[str], by: bool = False) -> str:
        kept = [w for w in words if keep(w, by)]
        return _alt(kept) if kept else "(?!)"

    def noun_of(nouns: str) -> str:
        return (r"|(?:a|an)\s+(?:[a-z][a-z-]{0,15}\s+){1,2}(?:" + nouns + r")s?\s+of") if keep("of", False) else ""

    return (
        r"(?:^|(?<=[\s(\u2014\u2013,\"\u201c:;]))(?:"
        r"(?P<dir_up>(?:" + alt(list(_UP_WORDS) + list(_UP_NOUN_OF), True) + r")(?:\s+by)?" + noun_of(_UP_NOUNS) + ")"
        r"|(?P<dir_down>(?:" + alt(list(_DOWN_WORDS) + list(_DOWN_NOUN_OF), True) + r")(?:\s+by)?" + noun_of(_DOWN_NOUNS) + ")"
        r"|(?P<hedge>" + alt(list(_HEDGE_WORDS)) + r")"
        r"|(?P<framing>" + alt([w for w in FRAMING_WORDS]) + r")"
        r"|(?P<art>" + ("a|an" if keep("a", False) or keep("an", False) else "(?!)") + ")"
        r")\s+$|~\s?$"
    )


_PRE_STEP = re.compile(_pre_step_pattern(lambda w, by: True), re.I)
_PRE_STEP_FOR: dict[str, re.Pattern] = {}


def _pre_step_for(last: str) -> re.Pattern:
    """_PRE_STEP for a window whose last word (before its final space) is ``last``: every
    match ends with that word, so the phrases ending in another are left out, and the
    search tries a handful of alternatives at each word instead of some 250. Same
    matches, same groups; compiled on first use."""
    pat = _PRE_STEP_FOR.get(last)
    if pat is None:
        def keep(phrase: str, by: bool) -> bool:
            return phrase.split()[-1].lower() == last or (by and last == "by")

        pat = _PRE_STEP_FOR[last] = re.compile(_pre_step_pattern(keep), re.I)
    return pat


# The last word of every phrase _PRE_STEP knows: a number whose preceding word is not
# one of these has nothing to look back for, and most numbers are like that.
_PRE_LAST_WORDS = frozenset(
    w.split()[-1].lower()
    for w in list(_UP_WORDS) + list(_DOWN_WORDS) + list(_UP_NOUN_OF) + list(_DOWN_NOUN_OF)
    + list(_HEDGE_WORDS) + list(FRAMING_WORDS) + ["a", "an", "by"]
)
_LAST_WORD = re.compile(r"([A-Za-z]+)\s+$|~\s?$")
# Every _PRE_STEP match ends where the search window ends. When the window holds no two
# whitespace characters in a row, each \s+ in it matches one character, so no match is
# longer than the longest phrase plus " by" and a space: searching only that tail finds
# the same (leftmost) match, at less than half the cost.
_PRE_MAX = max(len(w) for w in list(_UP_WORDS) + list(_DOWN_WORDS) + list(_UP_NOUN_OF) + list(_DOWN_NOUN_OF)
               + list(_HEDGE_WORDS) + list(FRAMING_WORDS)) + len(" by") + 2 + 2 * 17  # two adjectives of up to 16 letters: "a modest annual decline of"
_DOUBLE_SPACE = re.compile(r"\s\s")


@lru_cache(maxsize=8192)
def _parse_number(text: str) -> Written:
    return parse_number(text)


# "double" and "triple" alone are adjectives more often than claims ("a double murder").
_NOT_ALONE_MULTIPLES = frozenset({"double", "triple", "quadruple", "trebled", "twice"})
# Shares, multiples and percents written in words.
# The first word of every alternative below ("doubled" and its kin match at the start of
# a longer word too, so these are prefixes): a lookahead for them lets the pattern fail
# at once at most words instead of trying each alternative's number words there.
_WQ_FIRST = lexicon.alternation(
    list(_WN_UNITS) + list(_WN_TENS) + ["a", "one", "half", "the", "twice"]
    + [w for w in lexicon.MULTIPLE_WORDS if w not in _NOT_ALONE_MULTIPLES]
)
_WORD_QUANTITY = re.compile(
    r"\b(?=\d|(?:" + _WQ_FIRST + r"))(?:"
    r"(?P<pct>" + _WN + r")[\s-](?:percent|per\s?cent)\b"
    r"|(?P<one>" + _WN + r"|\d{1,3})\s+(?:in|out\s+of)\s+(?:every\s+)?(?P<every>" + _WN + r"|\d{1,3}(?:,\d{3})*)\b"
    r"|(?P<fnum>a|one|" + _WN + r")[\s-](?P<frac>" + lexicon.alternation(_FRACTION_WORDS) + r")(?=\s+(?:of|the|all)\b)"
    r"|(?P<half>half)(?=\s+(?:of|the|all|its|their|those|these|his|her|our)\b|\s*[\u2014\u2013)])"
    r"|(?P<maj>(?:a|the)\s+(?:slim\s+|narrow\s+|large\s+|vast\s+|clear\s+|solid\s+|bare\s+)?majority)(?=\s+of\b)"
    r"|(?P<mult>" + lexicon.alternation(w for w in lexicon.MULTIPLE_WORDS if w not in _NOT_ALONE_MULTIPLES) + r")"
    r"|(?P<twice>twice|(?:" + _WN + r"|\d{1,3}(?:\.\d{1,3})?)\s+times)(?=\s+(?:as\s+\w+|more|higher|larger|greater|bigger|the|that|what|over)\b)"
    r"|(?P<fold>" + _WN + r"|\d{1,3}(?:\.\d{1,3})?)[-\u2010\u2011\s]?fold\b"
    r"|(?P<byfrac>(?:a|one|" + _WN + r")[\s-](?:" + lexicon.alternation(_FRACTION_WORDS) + r")|(?<=by\s)half)(?=,?\s+(?:to|from)\s)"
    r"|(?P<wscale>" + _WN + r")\s+(?P<wsc>" + lexicon.alternation(lexicon.SCALE_WORDS) + r")\b"
    r")",
    re.I,
)

# A change stated in words alone: "dipped slightly", "rose sharply", "plunged".
_CHANGE_VERBS = lexicon.alternation(lexicon.CHANGE_VERBS)
_CHANGE_ADVERBS = lexicon.alternation(lexicon.CHANGE_ADVERBS)
_CHANGE_WORDS = re.compile(
    r"\b(?:(?P<v1>" + _CHANGE_VERBS + r")\s+(?:(?:up|down|upward|downward|higher|lower)\s+)?(?P<a1>" + _CHANGE_ADVERBS + r")"
    r"|(?P<a2>" + _CHANGE_ADVERBS + r")\s+(?P<v2>" + _CHANGE_VERBS + r")"
    r"|(?P<v3>" + lexicon.alternation(lexicon.SIZED_CHANGE_VERBS) + r"))\b",
    re.I,
)
_CHANGE_UP = re.compile(lexicon.alternation(lexicon.UP_STEMS), re.I)


@dataclass(slots=True)
class Quantity:
    """A quantity found in one sentence (positions relative to the sentence)."""

    start: int  # the number (or the word quantity) itself
    end: int  # after the number, its unit and its rate words
    pstart: int  # the claim phrase: with hedges, framing and direction before it
    pend: int
    kind: str  # percent, points, count, rate, money, multiple, share, change
    num: str = ""  # the number as written, with its suffix: "31,000", "19.1%", "$2.45bn"
    written: Written | None = None
    per: str | None = None
    currency: str | None = None
    noun: str | None = None
    hedge: str | None = None
    framing: tuple[str, ...] = ()
    direction: str | None = None  # up, down
    share_of: bool = False
    words: bool = False  # a quantity in words ("doubled", "one in three")
    byfrac: bool = False  # "by a third": a change only when a direction word precedes it
    avg: bool = False  # "averaged $3.19", "an estimated 36,120": an average or estimate is a level, fit to be evidence
    used: bool = False
    roles: tuple | None = None  # the evidence search's reading of its role words, kept for the next paragraph

    @property
    def plain(self) -> bool:
        """A raw level, fit to be evidence: digits, no direction, and no hedge but an
        estimate's or an average's ("an estimated 36,120", "averaged $3.19")."""
        return (
            not self.words and self.written is not None and (self.hedge is None or self.avg)
            and self.direction is None and self.kind in ("count", "rate", "money", "percent")
            and self.noun not in lexicon.THRESHOLD_NOUNS
        )

    @property
    def change(self) -> bool:
        """A claimed change: a percent, points, difference, multiple or change in words."""
        if self.kind in ("multiple", "change"):
            return True
        return self.direction is not None and self.kind in ("percent", "points", "count", "rate", "money")


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
    low = _tokens(s)[0]
    return "www." in low or any("." + e in low for e in _URL_ENDS) or _CASE_FOLDS.search(s) is not None


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
    if _CASE_FOLDS.search(s) is not None:
        return True, True
    words = _tokens(s)[1]
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
            or (after[:1] and after[:1] in "xX" and not after[1:2].isalnum())):
        return None  # a year (the test below, made first: a year is never anything else)
    if before.endswith(("\x1b[", "\x1b[0;", "\x1b[1;", "\x9b")):
        return None  # a terminal escape pasted into the text ("\x1b[31m"), not a number
    if _TIME_AFTER.match(after) or _ORDINAL_AFTER.match(after):
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
            scores and _SCORE_BEFORE.search(before) and (_SCORE_SECOND.search(before) or _SCORE_AFTER.match(after)))):
        return None  # "aged 16 to 19", "between the ages of 15 and 29", "won 24 to 20": ages and scores
    if not cur and num.replace(",", "") in _PER_BASES and _PER_BEFORE.search(before):
        return None  # "412 per 100,000 residents": the 100,000 is the unit of a rate
    if not cur and _ADDRESS_AFTER.match(after):
        return None
    if not cur and len(num) == 5 and num.isdigit() and _ZIP_BEFORE.search(before):
        return None
    kind = "count"
    text_end = e
    scale_text = ""
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
            else:
                return None  # "5G", "3D", "10am" is caught above: a label
        elif _HYPHEN_WORD.match(after):
            return None  # "a 90-day pause", "a 42-year-old man": a description, not a claim
    is_year = (
        kind == "count" and not cur and not scale_text and len(num) == 4 and num.isdigit()
        and 1900 <= int(num) <= 2100
    )
    if is_year:
        return None
    if len(num) == 2 and kind == "count" and not cur and before.endswith(("’", "'", "`")):
        return None  # "'90s"
    if len(num) == 4 and _DECADE_S.match(after):
        return None  # "1990s"
    rest = s[text_end : text_end + 80]
    mm = _MONEY_AFTER.match(rest)
    currency = None
    if cur:
        currency = lexicon.CURRENCY_PREFIXES.get(cur, cur)
    elif code:
        currency = code
    elif mm and kind == "count":
        currency = mm.group(0).strip().lower()
        text_end += mm.end()
        rest = s[text_end : text_end + 80]
    # "7 004 murders": digits grouped by spaces, as South African and French copy writes them
    digits = _GROUP_SPACE.sub("", num) if (" " in num or "\u00a0" in num or "\u202f" in num) else num
    parse_text = (cur if cur in lexicon.CURRENCY_SYMBOLS else "") + digits + (("%" if kind == "percent" else "") if kind in ("percent", "points") else "")
    if scale_text:
        parse_text += (" " if len(scale_text) > 2 and not scale_text.lower() in ("bn", "mn", "mln", "tn") else "") + scale_text
    try:
        written = _parse_number(parse_text.replace(" ", " ") if kind != "points" else num)
    except NumberError:
        return None
    start = m.start() if code else a
    q = Quantity(start, text_end, start, text_end, kind if not currency or kind != "count" else "money",
                 num=s[start:text_end].strip(), written=written, currency=currency)
    return q


def _finish(s: str, q: Quantity) -> None:
    """Extend ``q`` with its rate words, direction nouns and the words before it."""
    rest = s[q.end : q.end + 100]
    pp = _PER_POP.match(rest) if q.kind == "count" else None
    if pp:
        q.per = "per " + pp.group("base").replace(",", "")
        q.kind = "rate"
        q.end += pp.end()
        q.pend = q.end
    elif q.kind in ("count", "money"):
        dm = _DAILY_NOUN.match(rest)
        rm = _RATE_AFTER.match(rest)
        if dm:
            q.per = _PERIODS[dm.group("p").lower()]
            q.noun = dm.group("noun").lower()
            q.kind = "rate" if q.kind == "count" else q.kind
            q.end += dm.end()
            q.pend = q.end
        elif rm:
            q.per = _PERIODS[(rm.group("p1") or rm.group("p2") or rm.group("p3")).lower()]
            q.kind = "rate" if q.kind == "count" else q.kind
            words = rm.group(0).split()
            if len(words) > 2 and words[0].lower() not in _NOT_NOUNS:
                q.noun = words[0].lower()
            q.end += rm.end()
            q.pend = q.end
    rest = s[q.end : q.end + 100]
    dm2 = _DIR_AFTER.match(rest)
    if dm2 and q.kind in ("percent", "points", "count", "money", "rate", "multiple"):
        if dm2.group("upn") or dm2.group("upc"):
            q.direction = "up"
        else:
            q.direction = "down"
        q.pend = q.end + dm2.end()
    elif q.kind == "percent" and _SHARE_OF_AFTER.match(rest):
        q.share_of = True
    if q.noun is None and q.kind in ("count", "rate", "money"):
        nm = _NOUN_AFTER.match(s, q.end)
        if nm and nm.group("noun").lower() not in _NOT_NOUNS:
            q.noun = nm.group("noun").lower()
    # Look back for hedges, framing words, direction words and an article.
    pos = q.start
    framing: list[str] = []
    for _ in range(6):
        lo = max(0, pos - 60)
        lw = _LAST_WORD.search(s, max(0, pos - 30), pos)
        if lw is None or (lw.group(1) is not None and lw.group(1).lower() not in _PRE_LAST_WORDS):
            break
        if pos - lo > _PRE_MAX and not _DOUBLE_SPACE.search(s, lo, pos):
            lo = pos - _PRE_MAX
        pm = (_PRE_STEP if lw.group(1) is None else _pre_step_for(lw.group(1).lower())).search(s, lo, pos)
        if pm is None:
            break
        if pm.group("dir_up") or pm.group("dir_down"):
            if _PHRASAL_UP.search(s, max(0, pm.start() - 12), pm.start()) and pm.group(0).strip().lower() == "up":
                break  # "women made up 38%": a share, not a rise
            if q.direction is None:
                q.direction = "up" if pm.group("dir_up") else "down"
            elif pm.group("dir_up") and q.direction == "down" or pm.group("dir_down") and q.direction == "up":
                break  # "rose … a 10% drop": not one phrase
        elif pm.group("hedge"):
            if q.hedge is not None:
                break
            hw = re.sub(r"\s+", " ", pm.group("hedge").lower())
            if hw == "up to":
                vm = _LAST_WORD.search(s, max(0, pm.start() - 20), pm.start())
                if vm is not None and vm.group(1) is not None and vm.group(1).lower() in lexicon.MOVE_VERBS:
                    break  # "would go up to £2,486.21": a rise to a level, its "to" a role word
            if (hw in _PREPOSITION_HEDGES and q.kind not in ("percent", "points")
                    and _CHANGE_BEFORE.search(s, max(0, pm.start() - 40), pm.start())):
                break  # "a 2.5 percent increase over 184,533": the base of a change, not a hedge
            q.hedge = _HEDGE_WORDS.get(hw, "about")
            q.avg = "averag" in hw or "estimated" in hw
        elif pm.group("framing"):
            framing.append(re.sub(r"\s+", " ", pm.group("framing").lower()))
        elif pm.group("art"):
            pos = pm.start()
            break
        else:  # "~"
            q.hedge = "about"
        pos = pm.start()
    q.pstart = pos
    q.framing = tuple(reversed(framing))
    if q.kind in ("count", "rate", "money") and q.direction is None and q.hedge is None and s[q.pstart : q.start].strip().lower() in ("a", "an"):
        q.pstart = q.start


_WORDS = re.compile(r"[a-z]+")
_WQ_STRONG = frozenset(
    ["percent", "cent", "majority", "times", "fold"] + list(_FRACTION_WORDS) + list(lexicon.MULTIPLE_WORDS)
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
# Every word whose presence lets _word_quantities or _change_words find anything in a
# sentence without digits (their own first checks, united; "…fold" separately).
_NUMBER_WORDS = _WQ_STRONG | _CHANGE_TRIGGERS | _WN_SET


@lru_cache(maxsize=4)
def _tokens(s: str) -> tuple[str, frozenset[str]]:
    """``s`` lower-cased and its set of words; the prefilter, the word quantities and the
    change words all ask for it about the same sentence in turn."""
    low = s.lower()
    return low, frozenset(_WORDS.findall(low))


def sentence_words(s: str) -> frozenset[str]:
    """The lower-cased words of sentence ``s`` (runs of a–z)."""
    return _tokens(s)[1]


def may_hold_numbers(s: str) -> bool:
    """False only when ``s`` can hold no quantity at all: no digit, and none of the words
    that quantities or changes in words are made of. Most sentences of real news copy are
    like that (quotes, narrative, attribution), and they skip detection entirely."""
    if _DIGIT.search(s):
        return True
    low, words = _tokens(s)
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
_CASE_FOLDS = re.compile("[\u0130\u0131\u017f\u212a]")


def _wq_possible(s: str, low: str, words: frozenset[str]) -> bool:
    """Whether _WORD_QUANTITY can match anywhere in ``s`` (a necessary condition only,
    for text without _CASE_FOLDS)."""
    if not _WQ_ALONE.isdisjoint(words) or "fold" in low:
        return True
    if "doubl" in low or "tripl" in low or "quadrupl" in low or "halv" in low:
        return True  # "doubled" and its kin match at the start of a longer word too
    wn = not _WN_ANY.isdisjoint(words)
    if wn and not _WQ_AFTER_WN.isdisjoint(words):
        return True  # "twenty percent", "two million"
    # "one in five", "1 in 4" (but not "12,000 in 2024": four digits are no "every")
    return ("in" in words or "out" in words) and (wn or _DIGIT_IN_EVERY.search(s) is not None)


def _word_quantities(s: str) -> list[Quantity]:
    # The full pattern tries many alternatives at every word; most sentences hold none of
    # the words it needs, and a set lookup says so first.
    low, words = _tokens(s)
    if (
        _WQ_STRONG.isdisjoint(words)
        and not ("fold" in low and any(w.endswith("fold") for w in words))
        and not (("in" in words or "out" in words) and (not _WN_SET.isdisjoint(words) or _DIGIT_IN.search(s)))
    ):
        return []
    if not _wq_possible(s, low, words) and _CASE_FOLDS.search(s) is None:
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
        elif m.group("one") is not None:
            # "38 out of 250 applicants, or 15%": two raw numbers, the evidence for a
            # share stated beside them; "1 in 5", "one out of four" stay claims.
            if m.group("one").isdigit() and m.group("one") != "1" and m.group("every")[:1].isdigit() and "out" in num.lower():
                continue
            kind = "share"
        elif m.group("byfrac") is not None:
            kind = "percent"  # "fell by a third, from 2,400 to 1,650": a change, kept only with a direction
        elif m.group("fnum") is not None or m.group("half") is not None or m.group("maj") is not None:
            kind = "share"
        elif m.group("mult") is not None or m.group("twice") is not None or m.group("fold") is not None:
            kind = "multiple"
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


def change_words(s: str) -> list[Quantity]:
    if _CHANGE_TRIGGERS.isdisjoint(_tokens(s)[1]):
        return []
    out = []
    for m in _CHANGE_WORDS.finditer(s):
        q = Quantity(m.start(), m.end(), m.start(), m.end(), "change", num=m.group(0), words=True)
        q.direction = "up" if _CHANGE_UP.search(m.group(0)) else "down"
        out.append(q)
    return out


def detect(s: str) -> list[Quantity]:
    """Every numeric claim in sentence ``s``, in order; change words are kept apart by
    :func:`_change_words` since they are claims only when evidence is beside them."""
    excluded: list[tuple[int, int]] | None = None
    in_words = _word_quantities(s)
    taken = [(q.start, q.end) for q in in_words]
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
    # A range "10 to 15 percent", "10-15%": the first number takes the second's unit and
    # the two become one claim.
    merged: list[Quantity] = []
    for q in out:
        if merged:
            p = merged[-1]
            gap = s[p.end : q.start]
            if (
                _RANGE_GAP.fullmatch(gap)
                and not p.used
                and (
                    (p.kind == "count" and q.kind != "count" and not p.currency)
                    # "rose by 16.63 per cent - 0.38 per cent points lower": a spaced dash
                    # between two numbers of their own different units sets one off
                    or (gap.strip() in ("-", "\u2013") and (gap == gap.strip() or p.kind in ("count", q.kind)))
                )
                and not re.search(r"\bfrom\s+$", s[max(0, p.start - 10) : p.start], re.I)
            ) or (
                gap in ("-", "\u2013") and p.kind == q.kind
            ):
                p.end = q.end
                p.pend = q.end
                p.num = s[p.start : q.end]
                p.kind = q.kind if q.kind != "count" else p.kind
                p.written = None  # a range is listed, never used as evidence
                p.words = True
                continue
        merged.append(q)
    merged.extend(in_words)
    merged.sort(key=lambda q: q.start)
    for q in merged:
        _finish(s, q)
    return [q for q in merged if not (q.byfrac and q.direction is None)]

