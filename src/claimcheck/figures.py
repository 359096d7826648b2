"""The figure language: what a speaker claimed, in words, as a checkable figure (DESIGN §3).

``parse_figure("nearly 20% drop")`` gives a :class:`ClaimedFigure` with value 1/5, unit
percent, direction down, qualifier ``nearly`` and precision u = 1/100.

This module owns the grammar of a claim's ``figure:`` field. A figure is a short phrase
made of, in any order that reads as English:

* at most one **number**: digits read by :func:`claimcheck.numbers.parse_number`
  ("19.1%", "18,000", "$4.8 million", "£3bn"), number words ("twenty percent", "a
  dozen", "two hundred and fifty"), a share in words ("one in three", "two-thirds",
  "a third", "half", "a majority") or a multiple ("doubled", "halved", "three-fold",
  "2.5 times", "four times as many");
* its **unit** markers: "%", "percent", "per cent", "percentage points", "points",
  a scale word, a currency sign or word, a rate ("a day", "per week", "daily");
* **direction** words ("fell", "down", "a 20% rise", "increasing"), or a sign ("−10%");
* at most one **hedge** from :data:`claimcheck.verdicts.hedges.RULES`, matched longest first
  ("just under" is ``nearly``; a bare "just" is framing), written before the number;
* **framing** words (:data:`claimcheck.verdicts.hedges.FRAMING_WORDS`), which carry no number;
* the fillers "a", "an", "by", "of", the auxiliaries "was", "were", "is", "are",
  "has", "have", "had", "been", "went", the level verbs "hit", "reached", "totaled",
  and comparison periods ("year over year", "y/y", "from a year earlier", "in the year
  to March", "in a decade", "since 2019", "up 50% on 2019"), which the ``compute:``
  expression already states; a year is put back when it was the only number ("rose by
  2000");
* a ranking after a comma or before "of" ("rose 0.5%, the biggest rise since 1992", "a
  40-year high of 9.1%"), kept as framing: no expression holds history;
* a level after a change ("rose by 0.3 percentage points to 4.2%", "fell 25% from $120
  to $90"), kept in ``level_to`` / ``level_from`` for the verdict to check.

Choices a fact-checker should know (each pinned by ``tests/test_figures.py``):

* ``value`` is the magnitude; the sign lives in ``direction`` ("down 10%" is 1/10, down).
* A figure with a number is checked at the number's precision: a verb's intensity
  ("soared 40%", "edged up 0.3%", "jumped 5%") gives the direction, and its rule is kept
  in ``intensity``, not ``qualifier`` — the speaker's number is the claim, and "tumbled
  10%" for a 10% fall must not be called inaccurate because "tumbled" suggests 20%.
  Without a number ("dipped slightly", "plunged", "ticked upward") the intensity is the
  qualifier (``slightly`` / ``sharply``), the value is None and the unit is ``percent``
  (the size of the relative change is what those rules judge).
* A direction alone ("rose", "fell", "down") claims a change of any size in that
  direction: value None, qualifier ``exact``, unit ``percent``.
* "points" alone means percentage points, as in polls and rates; both are stored as
  fractions like percents ("5 points" is 1/20). Above 100, bare "points" are index points,
  a count with noun "points" ("the Dow fell nearly 3,000 points"); the verdict also reads
  "fell 95 points" as index points against ``diff()`` of two plain numbers above 100.
  "basis points" are hundredths of a point; a fraction of a point in words ("three-quarters
  of a percentage point", "a half-point", "a quarter point") is a change in points.
* Number words have the precision of the same number in digits: "twenty" is 20 with
  u = 10 (as "20" would be), "twenty percent" u = 1/100, "a dozen" 12 with u = 1.
* Multiples have the precision of the factor in digits: "doubled" u = 1, "halved"
  (0.5) u = 1/10, "2.5 times" u = 1/10. Their qualifier is ``multiple`` unless hedged
  ("more than doubled" is ``more_than``). "four times more/higher" is read as 4× with
  ``times_more`` set, so the verdict can try the literal 1 + 4 = 5× before calling it
  wrong; "three times less/lower" is a third. "fell threefold" is refused (a third, or
  down 67%?).
* Shares in words: see :data:`WORD_SHARE_QUALIFIER`.
* One trailing word naming what is counted is accepted after a count or sum of money
  ("18,000 arrests", "84 arrests a day") and after "of" ("two-thirds of voters"), and
  kept as ``noun``; words ending in -ed, -ing or -ly are refused there ("more than 18,000
  deported"), because the figure field is the figure, not the sentence — and because a
  misspelt direction verb must not be read as a noun. Two unknown words are refused.
* "half a million", "a quarter of a million" are counts rounded like a word share (about);
  "6.5 per 100,000 people" is a count per so many (``per_base``).
* Refused with a reason: two numbers ("from 31,000 to 27,000" is data, not a figure),
  two directions, two different hedges, a hedge with no number ("nearly"), words with no
  number ("most", "dozens"), a hedge after the number ("20% higher than"), a rate on a
  percent ("3% a year").

Parsing is linear in the input: the input is capped at :data:`MAX_FIGURE_CHARS`, the
token pattern has no nested quantifiers, and every phrase lookup is a dict hit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from fractions import Fraction
from functools import lru_cache
from typing import Literal

from claimcheck import lexicon
from claimcheck.numbers import NumberError, fmt_decimal, parse_number
from claimcheck.verdicts.hedges import FRAMING_WORDS, RULES

Unit = Literal["percent", "points", "count", "rate", "money", "multiple", "share"]
Direction = Literal["up", "down", "none"]


@dataclass(frozen=True, slots=True)
class ClaimedFigure:
    """A claimed figure, parsed.

    ``value`` is exact; percents and shares are fractions ("20%" is 1/5), multiples are
    the factor ("doubled" is 2, "halved" is 1/2). Figures that carry no number ("dipped
    slightly", "plunged") have ``value`` None and are judged on the size of the change.
    ``u`` is one unit of the last digit written, on the same scale as ``value``.
    ``qualifier`` is a rule name of :data:`claimcheck.verdicts.hedges.RULES`.
    """

    text: str
    value: Fraction | None
    u: Fraction | None
    unit: Unit
    direction: Direction
    qualifier: str
    framing: tuple[str, ...] = ()
    per: str | None = None  # for rates: "day", "week", "month", "year"
    currency: str | None = None
    noun: str | None = None  # what is counted, lower-cased: "18,000 Arrests" → "arrests"
    #: the slightly/sharply rule of a verb written with a number ("edged up 0.3%" →
    #: "slightly"); None when the figure has no number (the qualifier holds it then).
    intensity: str | None = None
    #: "five times more" / "three times higher": read as 5× (most writers' sense); the
    #: literal reading, 1 + 5 = 6×, is tried by the verdict before calling it wrong.
    times_more: bool = False
    #: the level a change ended at or started from, written after it ("rose by 0.3
    #: percentage points to 4.2%", "fell 25% from $120"): checked against the new (old)
    #: argument of a two-argument change function.
    level_to: Level | None = None
    level_from: Level | None = None
    #: "6.5 per 100,000 people": the claimed value is per this many (a share against a
    #: share() or a ratio is the value divided by it).
    per_base: Fraction | None = None


@dataclass(frozen=True, slots=True)
class Level:
    """A level written beside a change ("to 4.2%"): exact value, precision, and whether it
    is a percent (a fraction, like :attr:`ClaimedFigure.value`)."""

    value: Fraction
    u: Fraction
    percent: bool
    text: str


class FigureError(ValueError):
    """A figure that cannot be read: the message quotes it and lists the understood forms."""


#: Longer figures are refused before any parsing (a figure is a phrase, not a paragraph).
MAX_FIGURE_CHARS = 160

EXPECTED = (
    'expected a number with optional hedge and direction, such as "nearly 20% drop", '
    '"down 10%", "more than 18,000", "doubled", "one in three", "$4.8 million"'
)

#: A share said in words ("one in three", "two-thirds", "half", "a quarter") is itself a
#: rounding: a journalist writes "one in three" for anything from about 31% to 35%. So a
#: bare word share takes the ``about`` rule, whose accurate band is ±max(u/2, 5% of X)
#: (one in three: 31.67–35.00%; approximate ±10% of X: 30.00–36.67%; half: 47.5–52.5%,
#: approximate 45–55%). An explicit hedge replaces it ("nearly half" is ``nearly``;
#: "exactly half" is ``exact``). "a majority" is ``more_than`` 1/2, "a minority"
#: ``less_than`` 1/2. The same words after a direction are a change, unit percent
#: ("increased by a quarter" is +25%, "fell by half" is −50%), with the same qualifier.
WORD_SHARE_QUALIFIER = "about"


def word_share_u(value: Fraction) -> Fraction:
    """Precision of a share said in words: one percentage point, the finest grain a
    reader attaches to "half" or "a third" ("nearly half" then accepts up to 50.5%); for
    shares under 10% ("one in 1,000") a tenth of the share, so that u/2 never outgrows
    the ``about`` rule's 5% of X and a small share keeps a band of its own size."""
    return min(Fraction(1, 100), value / 10)


# --- vocabulary ---------------------------------------------------------------------------

_ONES = lexicon.ONES
_TENS = lexicon.TENS
_WORD_SCALES = lexicon.SCALE_WORDS
_DIGIT_SCALES = frozenset(lexicon.SCALES)
_ORDINALS = lexicon.FRACTION_WORDS
_CURRENCY_WORDS = lexicon.CURRENCY_WORDS
# "pc" is the Telegraph's and the FT's per cent ("up 5pc"); read as a noun it made "up 5pc"
# a count of 5 and a false alarm (tests/cases/calc_published_2.yaml, telegraph-pc).
_PERCENT_WORDS = lexicon.PERCENT_WORDS
_POINT_WORDS = lexicon.POINT_WORDS
#: Basis points: a hundredth of a percentage point ("raised by 75 basis points", Reuters).
_BASIS_WORDS = lexicon.BASIS_WORDS
#: "points" alone: percentage points up to 100, an index change (a count) above that.
_PLAIN_POINT_WORDS = lexicon.PLAIN_POINT_WORDS
_TIMES_WORDS = lexicon.TIMES_WORDS
_AS_WORDS = lexicon.AS_WORDS
# "five times more likely" is written routinely (CDC: "about 4 times higher"); it is read
# as 5× and the literal 6× is tried by the verdict (tests/cases/calc_published.yaml,
# suicide-four-times-higher). "three times less/fewer/lower" is read as a third.
_TIMES_MORE = lexicon.TIMES_MORE
_TIMES_LESS = lexicon.TIMES_LESS
_MULTIPLE_WORDS = lexicon.MULTIPLE_WORDS
_DOWN = lexicon.DOWN_WORDS
_UP = lexicon.UP_WORDS
#: Nouns of a change that a word naming what changed may come before ("pay rise", "rate cut").
_CHANGE_NOUNS = lexicon.CHANGE_NOUNS
_DIRECTION_PHRASES = lexicon.DIRECTION_PHRASES
_RATES = lexicon.RATE_PHRASES
_FILLERS = lexicon.FILLERS
# Comparison periods name what the compute: expression already compares; they change nothing.
_PERIOD_PHRASES = tuple(
    (a, link, a) for a in ("year", "month", "week") for link in ("over", "on")
) + (("from", "a", "year", "earlier"), ("from", "a", "year", "ago"), ("on", "the", "year"))
_VAGUE = lexicon.VAGUE_WORDS
_INTENSITY_RULES = frozenset({"slightly", "sharply"})

# --- context a journalist writes inside a figure ----------------------------------------------
#
# Periods and rankings name what the compute: expression already compares, or what no
# expression can hold; they are taken out of the text before it is read. Each pattern is
# literal words joined by whitespace (no nested quantifiers: linear time, BAD_INPUTS 32),
# and none takes a bare number that is not a year or a count of periods, so "from 31,000
# to 27,000" and "rose to 1,500" are still refused (calc_published_2.yaml: uk-food-year-
# to-march, doubled-in-a-decade, reuters-y-y, biggest-rise-since).
_MONTH = "(?:" + lexicon.alternation(lexicon.MONTHS) + ")"
_YEAR = r"(?:19|20)\d\d(?![\d%]|[.,]\d)"
_SPAN = r"(?:\d{1,2}|" + lexicon.alternation([w for w in lexicon.ONES if w != "zero"] + list(lexicon.TENS)) + ")"
_UNIT = "(?:(?:" + lexicon.alternation(lexicon.TIME_UNITS) + ")s?)"
_PERIOD_RE = re.compile("|".join((
    # "year over year", "quarter on quarter" (before "over the year" below takes "over year")
    rf"\b(?:year|quarter|month|week|day)[\s-]+(?:on|over)[\s-]+(?:year|quarter|month|week|day)\b",
    # "in the year to March", "in the 12 months to March 2023", "over the past year",
    # "in a decade", "in the third quarter", "in 10 years"
    rf"\b(?:in|over|during|across|within)\s+(?:(?:the|a|an)\s+)?"
    rf"(?:(?:past|last|previous|latest|first|second|third|fourth|final|same|fiscal|financial|calendar)\s+)?"
    rf"(?:{_SPAN}\s+)?{_UNIT}"
    rf"(?:\s+(?:to|through|ending|ended|until)(?:\s+(?:the\s+end\s+of\s+)?{_MONTH})?(?:\s+{_YEAR})?)?\b",
    # GDP at an annual rate (BEA), "an annualised 2.4%": how the rate is stated, not a second number
    r"\b(?:at\s+)?(?:an?\s+)?(?:seasonally\s+adjusted\s+)?(?:annual|annualized|annualised)\s+rate(?:\s+of)?\b",
    r"\b(?:an\s+)?annuali[sz]ed\b",
    # "since March", "in June 2023"
    rf"\b(?:since|in|during)\s+(?:early\s+|late\s+|mid\s+)?{_MONTH}(?:\s+{_YEAR})?\b",
    # "from a year earlier", "on the previous quarter", "compared with the same month last year"
    rf"\b(?:since|from|than|on|over|compared\s+(?:with|to)|versus|vs\.?|against)\s+(?:"
    rf"(?:a|one)\s+{_UNIT}\s+(?:earlier|ago|before)"
    rf"|(?:the\s+)?same\s+(?:period|month|quarter|week|time|day)(?:\s+(?:a\s+year\s+(?:earlier|ago)|last\s+year|in\s+{_YEAR}))?"
    rf"|(?:the\s+)?(?:previous|prior|preceding)\s+{_UNIT}"
    rf"|the\s+{_UNIT}\s+before|last\s+{_UNIT}|the\s+start\s+of\s+the\s+{_UNIT}|the\s+end\s+of\s+last\s+{_UNIT})\b",
    # "so far this year", "last year", "this month", "year to date"
    rf"\b(?:so\s+far\s+)?(?:this|last)\s+(?:{_UNIT}|{_MONTH})\b",
    r"\b(?:year|month)[\s-]+to[\s-]+date\b|\bytd\b",
    # Reuters' and Bloomberg's shorthand: "up 3.2% y/y", "m/m", "q/q"
    r"(?<![a-z/])(?:y/y|m/m|q/q|w/w|yoy|y-o-y|qoq|mom)(?![a-z/])",
    r"\bon\s+the\s+(?:quarter|month|week|day)\b",
)))
# Years: "since 2019", "in fiscal 2022", "from 2010 to 2020", "up 50% on 2019", "by 2030". A
# plain four-digit 19xx or 20xx after these words is a year in news copy (AP and Guardian
# style write counts of 1,000 and up with a comma); when taking it out leaves no number
# ("rose by 2000"), the figure is read again with it.
_YEAR_RE = re.compile("|".join((
    rf"\b(?:from|between)\s+(?:fiscal\s+)?{_YEAR}\s+(?:to|and|through|until)\s+(?:fiscal\s+)?{_YEAR}",
    rf"\b(?:in|during|since|for|from|on|by|until|through|compared\s+(?:with|to)|versus|vs\.?|against)\s+"
    rf"(?:(?:fiscal|calendar|fy|the\s+end\s+of|the\s+start\s+of|early|late|mid)\s+)?{_YEAR}"
    rf"(?:\s*(?:-|–|/)\s*(?:{_YEAR}|\d\d\b))?",
)))
_SUPERLATIVE = "(?:" + lexicon.alternation(lexicon.SUPERLATIVES) + ")"
# "rose 0.5%, the biggest rise since 1992", "hit 9.1%, a 40-year high": a ranking against
# history after a comma or dash is framing; the number before it is the claim.
_RANKING_RE = re.compile(
    rf"\s*[,;:–—]\s*(?:the|its|a|an|their|his|her)\s+(?:(?:[a-z]+|\d+)[\s-]+)?"
    rf"(?:{_SUPERLATIVE}\b|(?:year|month|week|decade)[\s-]+(?:high|low|peak|record)\b)[^,;:]*$"
)
# "a 40-year high of 9.1%", "at a record high of 7.2%": the ranking before the number
_RANKING_LEAD_RE = re.compile(
    r"^\s*(?:at\s+)?(?:a|an|the|its)\s+(?:(?:new|fresh)\s+)?(?:(?:\d+|[a-z]+)[\s-]+(?:year|month|week|decade)"
    r"|record|all[\s-]+time)[\s-]+(?:high|low|peak)\s+of\s+"
)
_RANKING_MARK = re.compile(r"[,;:–—]")
# "US$2.5 billion" (Reuters' Asian copy): the dollar sign is the currency.
_US_DOLLAR_RE = re.compile(r"\bus\s?\$")


def _strip_context(lowered: str, years: bool = True) -> tuple[str, tuple[str, ...]]:
    """The figure without periods and rankings, and the rankings as framing."""
    framing: list[str] = []
    m = _RANKING_RE.search(lowered) if _RANKING_MARK.search(lowered) else None
    if m and m.start() > 0:
        framing.append(m.group().strip(" ,;:–—"))
        lowered = lowered[: m.start()]
    m = _RANKING_LEAD_RE.match(lowered)
    if m and m.end() < len(lowered):
        framing.append(m.group().strip().removesuffix(" of").strip())
        lowered = lowered[m.end():]
    if "$" in lowered:
        lowered = _US_DOLLAR_RE.sub("$", lowered)
    if years:
        lowered = _YEAR_RE.sub(" ", lowered)
    return _PERIOD_RE.sub(" ", lowered), tuple(framing)


@dataclass(frozen=True, slots=True)
class _Entry:
    """What a phrase of the lexicon means; a phrase may play several roles ("plunged" is
    a direction and an intensity)."""

    rule: str | None = None
    direction: str | None = None
    framing: str | None = None
    per: str | None = None
    filler: bool = False

    @property
    def hedge_only(self) -> bool:
        return (
            self.rule is not None
            and self.rule not in _INTENSITY_RULES
            and self.direction is None
            and self.framing is None
            and self.per is None
            and not self.filler
        )


def _phrase(words: str) -> tuple[str, ...]:
    return tuple(t for _, t in _tokenize(words))


def _build_lexicon() -> dict[tuple[str, ...], _Entry]:
    roles: dict[tuple[str, ...], dict[str, object]] = {}

    def add(phrase: tuple[str, ...], key: str, val: object) -> None:
        slot = roles.setdefault(phrase, {})
        if key in slot and slot[key] != val:
            raise AssertionError(f"hedge table: {' '.join(phrase)!r} is both {slot[key]} and {val}")
        slot[key] = val

    for r in RULES:
        if r.name == "multiple":  # doubled, -fold, times: read as numbers below
            continue
        for w in r.words:
            add(_phrase(w), "rule", r.name)
    for w in FRAMING_WORDS:
        add(_phrase(w), "framing", w)
    for w in _DOWN:
        add((w,), "direction", "down")
    for w in _UP:
        add((w,), "direction", "up")
    for p, d in _DIRECTION_PHRASES.items():
        add(p, "direction", d)
    for per, phrases in _RATES.items():
        for p in phrases:
            add(p, "per", per)
    for w in _FILLERS:
        add((w,), "filler", True)
    for p in _PERIOD_PHRASES:
        add(p, "filler", True)
    return {p: _Entry(**kw) for p, kw in roles.items()}  # type: ignore[arg-type]


# --- tokens -------------------------------------------------------------------------------

_HYPHEN_RE = re.compile(r"(?<=[a-z0-9%])[-\u2010\u2011\u2012\u2013](?=[a-z0-9])")
# Each alternative is a single character class with one star: linear time (BAD_INPUTS 32).
_TOKEN_RE = re.compile(
    r"(?P<num>[+\-\u2212]?[$€£¥]?(?:\d|\.\d)[\d,._]*%?)"
    r"|(?P<word>[a-z]+(?:'[a-z]+)?)"
    r"|(?P<sym>[~%/×$€£¥])"
    r"|(?P<space>\s+)"
    r"|(?P<bad>.)",
    re.DOTALL,
)
_FOLD_RE = re.compile(r"([a-z]+)fold")
# "1e3", "0x1F": digits run into letters and digits again, which prose never does.
_MIXED_RE = re.compile(r"\d[a-z]+\d[0-9a-z]*")


class _Refused(Exception):
    """Internal: why a figure was refused (turned into a FigureError with the quote)."""


def _tokenize(lowered: str) -> list[tuple[str, str]]:
    mixed = _MIXED_RE.search(lowered)
    if mixed:
        raise _Refused(f"'{mixed.group()}' is not a number as prose writes it (no 1e3, no 0x1F); write the digits")
    text = _HYPHEN_RE.sub(" ", lowered)
    out: list[tuple[str, str]] = []
    for m in _TOKEN_RE.finditer(text):
        kind = m.lastgroup
        tok = m.group()
        if kind == "space":
            continue
        if kind == "bad":
            raise _Refused(f"unexpected character {tok!r}")
        if kind == "word":
            fm = _FOLD_RE.fullmatch(tok)
            if fm and (fm[1] in _ONES or fm[1] in _TENS):  # "threefold" is "three fold"
                out.append(("word", fm[1]))
                out.append(("word", "fold"))
                continue
        out.append((kind, tok))  # type: ignore[arg-type]
    return out


_LEXICON = _build_lexicon()
_MAX_PHRASE = max(len(p) for p in _LEXICON)
_FIRST_WORDS = frozenset(p[0] for p in _PERCENT_WORDS + _POINT_WORDS + _BASIS_WORDS)


# --- the number in a figure ---------------------------------------------------------------


@dataclass(slots=True)
class _Item:
    value: Fraction
    u: Fraction
    kind: str  # count, percent, points, multiple, share, word_share, majority
    direction: str | None = None  # inherent: doubled (up), halved (down), a sign
    qualifier: str | None = None  # default when no hedge is written
    currency: str | None = None
    noun_ok: bool = False
    signed: bool = False
    times_more: bool = False


def _digits_u(value: Fraction) -> Fraction:
    """The precision ``value`` would have if written in digits: "twenty" as "20" (u = 10,
    the trailing-zero rule of :func:`parse_number`), "halved" as "0.5" (u = 1/10)."""
    if value.denominator == 1:
        return parse_number(str(value.numerator)).u
    for places in range(1, 7):
        if (value * 10**places).denominator == 1:
            return Fraction(1, 10**places)
    return Fraction(1, 100)


#: A number word in a percent or points is a whole number of points: u = 1 point.
_POINT_U = Fraction(1, 100)
_PLAIN_INT_RE = re.compile(r"\d+|\d{1,3}(?:,\d{3})+")


class _Reader:
    """One left-to-right pass over the tokens of one figure."""

    __slots__ = ("toks", "n", "words")

    def __init__(self, toks: list[tuple[str, str]]) -> None:
        self.toks = toks
        self.n = len(toks)
        self.words = [t if k in ("word", "sym") else None for k, t in toks]

    def word(self, j: int) -> str | None:
        if j < self.n and self.toks[j][0] in ("word", "sym"):
            return self.toks[j][1]
        return None

    def match(self, j: int, phrases: tuple[tuple[str, ...], ...]) -> int:
        """Length of the first of ``phrases`` found at ``j`` (0 if none)."""
        if j >= self.n or self.toks[j][1] not in _FIRST_WORDS:
            return 0
        for p in phrases:
            if all(self.word(j + k) == w for k, w in enumerate(p)):
                return len(p)
        return 0

    def small_int(self, j: int) -> tuple[int, int] | None:
        """A whole number in digits or words, for the M of "one in M"."""
        if j < self.n and self.toks[j][0] == "num":
            t = self.toks[j][1]
            if not _PLAIN_INT_RE.fullmatch(t):
                return None
            try:
                return int(parse_number(t).value), j + 1
            except NumberError as exc:  # "one in 012"
                raise _Refused(str(exc)) from None
        return self.words_number(j)

    def words_number(self, i: int) -> tuple[int, int] | None:
        """Read number words at ``i``: "twenty-five", "two hundred and fifty thousand",
        "a dozen", "a million". Returns (value, next index) or None."""
        return lexicon.read_number_words(self.words, i)

    def item(self, i: int) -> tuple[_Item, int] | None:
        """The figure's number starting at token ``i``, with its unit markers."""
        kind, tok = self.toks[i]
        if kind == "num":
            return self._digits(i)
        w = tok
        w2 = self.word(i + 1)
        if w in ("a", "an", "the") and w2 in ("majority", "minority"):
            q = "more_than" if w2 == "majority" else "less_than"
            return _Item(Fraction(1, 2), Fraction(1, 100), "majority", qualifier=q), i + 2
        if w in _MULTIPLE_WORDS:
            f = _MULTIPLE_WORDS[w]
            return self._multiple_tail(f, _digits_u(f), i + 1, inherent=True)
        if w == "in" and w2 == "half":
            f = Fraction(1, 2)
            return _Item(f, _digits_u(f), "multiple", "down", "multiple"), i + 2
        # "half", "a half", "one half", "a third", "an eighth"
        if w == "half":
            return self._share_tail(Fraction(1, 2), i + 1)
        if w in ("a", "an", "one") and w2 in _ORDINALS and not w2.endswith("s"):
            return self._share_tail(Fraction(1, _ORDINALS[w2]), i + 2)
        got = self.words_number(i)
        if got is None:
            return None
        v, j = got
        return self._after_integer(Fraction(v), j, words=True)

    def _share_tail(self, value: Fraction, j: int) -> tuple[_Item, int]:
        # "three-quarters of a percentage point", "a half-point", "a quarter point", "half a
        # point": a fraction of a point is a change in points (AP on the Fed), never 75%.
        k = 1 if self.word(j) == "of" else 0
        k += 1 if self.word(j + k) in ("a", "an") else 0
        scale = _WORD_SCALES.get(self.word(j + k) or "") if k else None
        if scale:
            # "half a million", "a quarter of a million": a count, rounded as a word share
            # is (about, ±5%) (calc_published_2.yaml, half-a-million)
            v = value * scale
            return _Item(v, v / 100, "count", qualifier=WORD_SHARE_QUALIFIER, noun_ok=True), j + k + 1
        pts = self.match(j + k, _POINT_WORDS)
        if pts:
            return _Item(value / 100, _digits_u(value) / 100, "points"), j + k + pts
        if self.word(j) == "as" and self.word(j + 1) in _AS_WORDS:  # "half as many"
            return _Item(value, _digits_u(value), "multiple", "down", "multiple", noun_ok=True), j + 2
        return _Item(value, word_share_u(value), "word_share", qualifier=WORD_SHARE_QUALIFIER, noun_ok=True), j

    def _multiple_tail(self, f: Fraction, u: Fraction, j: int, inherent: bool = False) -> tuple[_Item, int]:
        noun_ok = False
        if self.word(j) == "as" and self.word(j + 1) in _AS_WORDS:
            j += 2
            noun_ok = True
        elif self.word(j) in _TIMES_MORE and not inherent:
            if f <= 1:
                raise _Refused(f"'{fmt_decimal(f, 4, trim=True)} times {self.word(j)}' is not a rise; write the ratio or the percent change")
            item = _Item(f, u, "multiple", "up", "multiple", noun_ok=True)
            item.times_more = True
            return item, j + (2 if self.word(j + 1) in _AS_WORDS else 1)  # "five times more likely"
        elif self.word(j) in _TIMES_LESS and not inherent:
            if f <= 1:
                raise _Refused(f"'{fmt_decimal(f, 4, trim=True)} times {self.word(j)}' is not a fall; write the ratio or the percent change")
            return (_Item(1 / f, _digits_u(1 / f), "multiple", "down", "multiple", noun_ok=True),
                    j + (2 if self.word(j + 1) in _AS_WORDS else 1))
        if f == 0:
            raise _Refused("a multiple of zero is not a multiple")
        d = "up" if f > 1 else "down" if f < 1 else None
        return _Item(f, u, "multiple", d, "multiple", noun_ok=noun_ok), j

    def _after_integer(self, value: Fraction, j: int, *, words: bool) -> tuple[_Item, int]:
        """Suffixes of a whole number (digits or words): a share, a multiple, a percent."""
        w = self.word(j)
        if w in _ORDINALS:
            den = _ORDINALS[w]
            if not 1 <= value < den:
                raise _Refused(f"{value} {w} is not a share (the numerator must be smaller)")
            return self._share_tail(value / den, j + 1)
        k = 1 if w == "in" else 2 if (w == "out" and self.word(j + 1) == "of") else 0
        if k:
            jj = j + k + (1 if self.word(j + k) == "every" else 0)
            got = self.small_int(jj)
            if got is None or got[0] == 0:
                raise _Refused("a share needs a whole number after 'in' ('one in three')")
            den, jj = got
            if not 1 <= value < den:
                raise _Refused(f"'{value} in {den}' is not a share (the first number must be smaller)")
            return self._share_tail(value / den, jj)
        if w in _TIMES_WORDS:
            return self._multiple_tail(value, _digits_u(value), j + 1)
        if not words:
            raise AssertionError("digits take the _digits path")
        bp = self.match(j, _BASIS_WORDS)
        if bp:
            return _Item(value / 10000, _POINT_U / 100, "points"), j + bp
        pts = self.match(j, _POINT_WORDS)
        if pts:
            if value > 100 and self.word(j) in _PLAIN_POINT_WORDS:  # "three thousand points"
                return _Item(value, _digits_u(value), "count", noun_ok=True), j
            return _Item(value / 100, _POINT_U, "points"), j + pts
        pct = self.match(j, _PERCENT_WORDS)
        if pct:
            j += pct
            pts = self.match(j, _POINT_WORDS)
            if pts:
                return _Item(value / 100, _POINT_U, "points"), j + pts
            return _Item(value / 100, _POINT_U, "percent"), j
        cur = _CURRENCY_WORDS.get(self.word(j) or "")
        if cur:
            return _Item(value, _digits_u(value), "count", currency=cur, noun_ok=False), j + 1
        return _Item(value, _digits_u(value), "count", noun_ok=True), j

    def _digits(self, i: int) -> tuple[_Item, int]:
        core = self.toks[i][1]
        j = i + 1
        percent = core.endswith("%")
        sign = core[0] if core[0] in "+-\u2212" else ""
        plain = core.lstrip("+-\u2212")
        has_currency = plain[0] in "$€£¥"
        scale = ""
        if not percent and self.word(j) in _DIGIT_SCALES:
            scale = self.word(j) or ""
            j += 1
        points = False
        basis = False
        if not scale:
            if not percent:
                k = self.match(j, _PERCENT_WORDS)
                if k:
                    percent, j = True, j + k
                else:
                    k = self.match(j, _BASIS_WORDS)
                    if k:
                        basis, j = True, j + k
            k = 0 if basis else self.match(j, _POINT_WORDS)
            if k and not percent and self.word(j) in _PLAIN_POINT_WORDS and not has_currency:
                # "the Dow fell nearly 3,000 points" (AP, March 2020): above 100, bare
                # "points" are index points, a count; "points" stays the noun.
                try:
                    big = abs(parse_number(core.lstrip("+-\u2212")).value) > 100
                except NumberError as exc:
                    raise _Refused(str(exc)) from None
                if big:
                    k = 0
            if k:
                points, j = True, j + k
        if basis:
            if has_currency:
                raise _Refused("a sum of money cannot also be basis points")
            try:  # read as a percent so a trailing zero counts: "50 basis points" is ±0.5 bp
                written = parse_number(core.lstrip("+-\u2212") + "%")
            except NumberError as exc:
                raise _Refused(str(exc)) from None
            item = _Item(abs(written.value) / 100, written.u / 100, "points",
                         None if not sign else ("up" if sign == "+" else "down"))
            item.signed = bool(sign)
            return item, j
        text = core if core.endswith("%") else core + ("%" if (percent or points) else "")
        if scale:
            text += " " + scale
        try:
            written = parse_number(text)
        except NumberError as exc:
            raise _Refused(str(exc)) from None
        value = abs(written.value)
        direction = None if not sign else ("up" if sign == "+" else "down")
        if (percent or points) and has_currency:
            raise _Refused("a sum of money cannot also be a percent")
        if points and value > 1:  # more than 100 percentage points
            # "points" alone means percentage points; "the Dow fell 500 points" is an
            # index change, which a claim states as a count.
            raise _Refused(f"{text.split('%')[0]} percentage points is impossible; write an index change as a count ('500')")
        if percent or points:
            item = _Item(value, written.u, "points" if points else "percent", direction)
            item.signed = bool(sign)
            return item, j
        cur = written.currency
        wc = _CURRENCY_WORDS.get(self.word(j) or "")
        if wc:
            if cur and cur != wc:
                raise _Refused(f"two currencies ({cur} and {wc})")
            cur, j = wc, j + 1
        if not scale and not cur and not written.decimal and value.denominator == 1 and not sign:
            w = self.word(j)
            if w in _ORDINALS or w in _TIMES_WORDS or w == "in" or (w == "out" and self.word(j + 1) == "of"):
                item, j = self._after_integer(value, j, words=False)
                return item, j
        if not cur and self.word(j) in _TIMES_WORDS:  # "2.5 times", "1.5x"
            item, j = self._multiple_tail(value, written.u, j + 1)
            return item, j
        item = _Item(value, written.u, "count", direction, currency=cur, noun_ok=True)
        item.signed = bool(sign)
        return item, j


# --- the figure ---------------------------------------------------------------------------


def _quote(text: str) -> str:
    shown = text if len(text) <= 60 else text[:57] + "…"
    return "".join(ch if ch.isprintable() else f"\\u{ord(ch):04x}" for ch in shown)


def _fail(text: str, reason: str | None = None) -> FigureError:
    why = f"{reason}; " if reason else ""
    return FigureError(f"cannot read figure '{_quote(text)}': {why}{EXPECTED}")


def parse_figure(text: str) -> ClaimedFigure:
    """Read a claimed figure. Raises :class:`FigureError` on anything else, quoting it."""
    if isinstance(text, bool) or not isinstance(text, (str, int)):
        raise FigureError(
            f"cannot read figure {text!r}: write the figure as text (a YAML string); {EXPECTED}"
        )
    raw = str(text).strip()
    if not raw:
        raise _fail(raw, "the figure is empty")
    if len(raw) > MAX_FIGURE_CHARS:
        raise _fail(raw, f"it is {len(raw)} characters long; a figure is a short phrase (at most {MAX_FIGURE_CHARS})")
    try:
        return _parse(raw)
    except _Refused as exc:
        raise _fail(raw, str(exc) or None) from None


# Figures repeat (the same claim file verified in CI; a benchmark parsing 100,000
# figures), and a ClaimedFigure is immutable, so successful parses are remembered.
@lru_cache(maxsize=4096)
def _parse(raw: str) -> ClaimedFigure:
    lowered = raw.lower().replace("\u2019", "'")
    try:
        fig = _read(raw, *_strip_context(lowered))
    except _Refused:
        fig = None
    if fig is None or fig.value is None:
        # a year taken out may have been the number ("rose by 2000"): read it with the years in
        plain = _strip_context(lowered, years=False)
        if fig is None:
            return _read(raw, *plain)
        if plain[0] != _strip_context(lowered)[0]:
            try:
                return _read(raw, *plain)
            except _Refused:
                pass
    return fig


def _read(raw: str, text: str, ranking: tuple[str, ...]) -> ClaimedFigure:
    toks = _tokenize(text)
    words = tuple(t for _, t in toks)
    rd = _Reader(toks)
    item: _Item | None = None
    directions: list[str] = []
    hedges: list[str] = []
    intensities: list[str] = []
    framing: list[str] = []
    per: str | None = None
    noun: str | None = None
    nouns = 0  # words in the noun: "87,000 IRS agents" (calc_published_2.yaml, us-87000-irs-agents)
    levels: dict[str, Level] = {}
    per_base: Fraction | None = None
    prev_of = False
    i = 0
    while i < rd.n:
        w = words[i]
        if (w in ("to", "from") and item is not None and w not in levels and (directions or item.direction)
                and item.kind in ("percent", "points", "count", "multiple")):
            # "rose by 0.3 percentage points to 4.2%" (ONS), "fell 25% from $120": the level
            # the change ended at or started from, checked by the verdict against the
            # computation's new (old) value (calc_published_2.yaml, uk-jobless-points-to-level)
            j = i + 1
            while j < rd.n and words[j] in ("a", "an", "new", "record", "high", "low", "of"):
                j += 1
            lv = rd.item(j) if j < rd.n and toks[j][0] == "num" else None
            if lv is not None and lv[0].kind in ("percent", "count") and not lv[0].signed:
                li, j = lv
                levels[w] = Level(li.value, li.u, li.kind == "percent", " ".join(words[i:j]))
                i = j
                prev_of = False
                continue
        if (w == "per" and item is not None and per_base is None and item.kind == "count" and not item.currency
                and i + 1 < rd.n and toks[i + 1][0] == "num"):
            # "6.5 per 100,000 people": a rate per so many (FBI, CDC)
            base = rd.small_int(i + 1)
            if base is not None and base[0] >= 10:
                per_base = Fraction(base[0])
                i = base[1]
                continue
        got = rd.item(i)
        if got is not None:
            if item is not None:
                raise _Refused("it has two numbers; a figure is one claimed number (put the data in figures:)")
            item, i = got
            prev_of = False
            continue
        entry, length = None, 0
        for k in range(min(_MAX_PHRASE, rd.n - i), 0, -1):
            cand = _LEXICON.get(words[i : i + k])
            if cand is None:
                continue
            if cand.hedge_only and item is not None:
                continue  # a hedge qualifies the number after it: "20% higher than" is refused
            if cand.per and item is None:
                continue
            entry, length = cand, k
            break
        if entry is None:
            kind, tok = toks[i]
            # a noun of up to three words after the number ("87,000 IRS agents"), or one
            # word naming what changed before a change noun ("a 6.5 per cent pay rise")
            extends = noun is not None and nouns < 3 and toks[i - 1][0] == "word" and words[i - 1] == noun.split()[-1]
            before_change = (item is not None and noun is None and i + 1 < rd.n
                             and words[i + 1] in _CHANGE_NOUNS and tok not in _VAGUE)
            if kind == "word" and item is not None and (
                    (noun is None and (prev_of or item.noun_ok)) or extends or before_change):
                if tok.endswith(("ed", "ing", "ly")):
                    raise _Refused(
                        f"'{tok}' after the number reads as part of a sentence; the figure "
                        "field holds only the figure (put the sentence in statement:)"
                    )
                noun = tok if noun is None else f"{noun} {tok}"
                nouns += 1
                i += 1
                prev_of = False
                continue
            if tok in _VAGUE:
                raise _Refused(f"'{tok}' carries no number; write the share or count ('a majority', 'more than 50%')")
            if tok == "times" or tok == "fold":
                raise _Refused(f"'{tok}' needs a number before it ('2.5 times', 'three-fold')")
            raise _Refused(f"'{tok}' is not part of the figure language")
        if entry.rule:
            (intensities if entry.rule in _INTENSITY_RULES else hedges).append(entry.rule)
        if entry.direction:
            directions.append(entry.direction)
        if entry.framing:
            framing.append(entry.framing)
        if entry.per:
            if per is not None:
                raise _Refused("it has two rates")
            per = entry.per
        prev_of = entry.filler and toks[i][1] == "of"
        i += length
        if i == rd.n and entry.filler and toks[-1][1] in ("of", "by", "a", "an"):
            raise _Refused(f"it ends with '{toks[-1][1]}'")
    fig = _assemble(raw, item, directions, hedges, intensities, framing + list(ranking), per, noun)
    if levels or per_base is not None:
        if per_base is not None and fig.unit != "count":
            raise _Refused("'per' a number applies to a count ('6.5 per 100,000 people')")
        fig = replace(fig, level_to=levels.get("to"), level_from=levels.get("from"), per_base=per_base)
    return fig


def _assemble(
    raw: str,
    item: _Item | None,
    directions: list[str],
    hedges: list[str],
    intensities: list[str],
    framing: list[str],
    per: str | None,
    noun: str | None,
) -> ClaimedFigure:
    said = set(directions)
    if len(said) > 1:
        raise _Refused("it has two directions (up and down)")
    hedge_set = set(hedges)
    if len(hedge_set) > 1:
        raise _Refused(f"it has two hedges ({' and '.join(sorted(hedge_set))})")
    intensity_set = set(intensities)
    if len(intensity_set) > 1:
        raise _Refused("it says both slightly and sharply")
    direction = said.pop() if said else None
    framing_t = tuple(dict.fromkeys(framing))

    if item is None:
        if hedge_set:
            raise _Refused(f"the hedge ({hedges[0]}) has no number to qualify")
        if per:
            raise _Refused("a rate needs a number")
        if not intensity_set:
            if direction:  # "fell": a fall of any size
                return ClaimedFigure(raw, None, None, "percent", direction, "exact", framing_t)  # type: ignore[arg-type]
            record = [f for f in framing_t if "record" in f]
            if record:  # "a record": a ranking, with no number to check
                raise _Refused(f"'{record[0]}' carries no number; write the number it frames ('a record 745,000')")
            raise _Refused()
        if direction is None:
            raise _Refused(f"'{intensities[0]}' needs a direction (up or down)")
        return ClaimedFigure(raw, None, None, "percent", direction, intensities[0], framing_t)

    if item.direction and direction and item.direction != direction:
        if item.signed:
            raise _Refused("a sign and a direction word together are ambiguous; write 'down 10%' or '−10%'")
        raise _Refused(
            "the multiple and the direction disagree ('fell threefold' may mean to a third "
            "or down 67%); write the change as a percent"
        )
    if item.signed and direction:
        raise _Refused("a sign and a direction word together are ambiguous; write 'down 10%' or '−10%'")
    direction = direction or item.direction or "none"

    kind = item.kind
    unit: str
    if kind == "word_share":
        unit = "percent" if direction != "none" else "share"
    elif kind == "majority":
        if direction != "none":
            raise _Refused("'a majority' is a share, not a change")
        unit = "share"
    elif kind == "count":
        unit = "money" if item.currency else "count"
    else:
        unit = kind
    if per:
        if unit not in ("count", "money"):
            raise _Refused(f"a rate ('per {per}') applies to a count or a sum of money, not a {unit}")
        unit = "rate"
    qualifier = hedges[0] if hedges else item.qualifier or "exact"
    return ClaimedFigure(
        raw, item.value, item.u, unit, direction, qualifier, framing_t, per, item.currency, noun,  # type: ignore[arg-type]
        intensities[0] if intensities else None, item.times_more,
    )
