"""The words of a figure: its tokens, the table of phrases the reader knows, and the
context (periods, rankings) taken out before it is read.

Every word list is spelt in :mod:`claimcheck.lexicon`; this module only arranges them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from claimcheck import lexicon
from claimcheck.verdicts.hedges import FRAMING_WORDS, RULES

# --- vocabulary ---------------------------------------------------------------------------

_ONES = lexicon.ONES
_TENS = lexicon.TENS
_PERCENT_WORDS = lexicon.PERCENT_WORDS
_POINT_WORDS = lexicon.POINT_WORDS
#: Basis points: a hundredth of a percentage point ("raised by 75 basis points", Reuters).
_BASIS_WORDS = lexicon.BASIS_WORDS
_DOWN = lexicon.DOWN_WORDS
_UP = lexicon.UP_WORDS
_DIRECTION_PHRASES = lexicon.DIRECTION_PHRASES
_RATES = lexicon.RATE_PHRASES
_FILLERS = lexicon.FILLERS
# Comparison periods name what the compute: expression already compares; they change nothing.
_PERIOD_PHRASES = tuple(
    (a, link, a) for a in ("year", "month", "week") for link in ("over", "on")
) + (("from", "a", "year", "earlier"), ("from", "a", "year", "ago"), ("on", "the", "year"))
INTENSITY_RULES = frozenset({"slightly", "sharply"})

# --- context a journalist writes inside a figure ----------------------------------------------
#
# Periods and rankings name what the compute: expression already compares, or what no
# expression can hold; they are taken out of the text before it is read. Each pattern is
# literal words joined by whitespace (no nested quantifiers: linear time),
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


def strip_context(lowered: str, years: bool = True) -> tuple[str, tuple[str, ...]]:
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
            and self.rule not in INTENSITY_RULES
            and self.direction is None
            and self.framing is None
            and self.per is None
            and not self.filler
        )


def _phrase(words: str) -> tuple[str, ...]:
    return tuple(t for _, t in tokenize(words))


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
# Each alternative is a single character class with one star: linear time.
_TOKEN_RE = re.compile(
    r"(?P<num>[+\-\u2212]?" + lexicon.CURRENCY_CLASS + r"?(?:\d|\.\d)[\d,._]*%?)"
    r"|(?P<word>[a-z]+(?:'[a-z]+)?)"
    r"|(?P<sym>[~%/×" + lexicon.CURRENCY_CLASS[1:-1] + r"])"
    r"|(?P<space>\s+)"
    r"|(?P<bad>.)",
    re.DOTALL,
)
_FOLD_RE = re.compile(r"([a-z]+)fold")
# "1e3", "0x1F": digits run into letters and digits again, which prose never does.
_MIXED_RE = re.compile(r"\d[a-z]+\d[0-9a-z]*")


class Refused(Exception):
    """Internal: why a figure was refused (turned into a FigureError with the quote)."""


class Unknown(Refused):
    """Refused for words or characters outside the figure language (an unknown word, a
    comma, two numbers, a sentence after the number): the phrase as published may still
    be read (:mod:`claimcheck.figures.phrase`). Every other refusal is about the figure
    itself ("nearly" with no number, two directions) and stands."""


def tokenize(lowered: str) -> list[tuple[str, str]]:
    mixed = _MIXED_RE.search(lowered)
    if mixed:
        raise Unknown(f"'{mixed.group()}' is not a number as prose writes it (no 1e3, no 0x1F); write the digits")
    text = _HYPHEN_RE.sub(" ", lowered)
    out: list[tuple[str, str]] = []
    for m in _TOKEN_RE.finditer(text):
        kind = m.lastgroup
        tok = m.group()
        if kind == "space":
            continue
        if kind == "bad":
            raise Unknown(f"unexpected character {tok!r}")
        if kind == "word":
            fm = _FOLD_RE.fullmatch(tok)
            if fm and (fm[1] in _ONES or fm[1] in _TENS):  # "threefold" is "three fold"
                out.append(("word", fm[1]))
                out.append(("word", "fold"))
                continue
        out.append((kind, tok))  # type: ignore[arg-type]
    return out


LEXICON = _build_lexicon()
MAX_PHRASE = max(len(p) for p in LEXICON)
FIRST_WORDS = frozenset(p[0] for p in _PERCENT_WORDS + _POINT_WORDS + _BASIS_WORDS)
