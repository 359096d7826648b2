"""The paragraph's quantities as items of the evidence search, and its claims.

:class:`Item` is a quantity with where it stands (sentence, clause) and its role words;
:class:`Claim` a claimed figure (a change, share, multiple, a bare percent, or a direction
stated alone) with the numbers its own words bind. :func:`build_items` makes both for a
paragraph; the units (:func:`same_unit`) and the levels fit to be evidence
(:func:`is_level`, :func:`rate_level`) are here too.

(Longer than 500 lines: the paragraph's readings that mutate its items in place — shared
units, labels, partners, role-word links, the amount an "or" restates — run in one pass
over the items :func:`build_items` makes, and are kept beside it.)
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from functools import lru_cache

from claimcheck import lexicon
from claimcheck.expr.computation import Computation
from claimcheck.numbers import NumberError, Written, expression_text, parse_number
from claimcheck.scan.detect import Quantity
from claimcheck.scan.roles import PASS_SET, set_roles


@dataclass(slots=True)
class Item:
    """A quantity of the paragraph, with where it stands and its role words."""

    q: Quantity
    sent: int  # the sentence's index in the paragraph
    base: int  # the sentence's offset in the paragraph text
    clause: int  # clauses split at ';' and between sentences
    role: str | None = None  # old, new, whole (from the words before it)
    role_word: str = ""
    time: tuple[int, int] | None = None  # (year, month) or (0, -1) for "last year"-style labels
    used: bool = False
    link: "Claim | None" = None  # the claim its role word belongs to: the nearest in its clause
    memo: dict = field(default_factory=dict)  # features computed once: label, place
    ctx: bool = False  # from the paragraph before the claim's
    ahead: bool = False  # from the paragraph after the claim's
    partner: "Item | None" = None  # "50,900 … compared with 52,700": the level an old one is paired with

    @property
    def a(self) -> int:
        return self.base + self.q.start

    @property
    def b(self) -> int:
        return self.base + self.q.end

    @property
    def pa(self) -> int:
        return self.base + self.q.pstart

    @property
    def pb(self) -> int:
        return self.base + self.q.pend


@dataclass(slots=True)
class Claim:
    """A claimed figure: a quantity that is derived (a change, share, multiple…), or a
    direction stated alone ("fell to 558 from 596")."""

    item: Item | None
    start: int  # the phrase, in paragraph offsets
    end: int
    direction: str | None
    kind: str  # percent, points, count, money, rate, multiple, share, direction
    sent: int
    clause: int
    bare: bool = False  # a bare percent ("or 40 percent"): a share or a change
    used: bool = False
    # Numbers bound to the claim by the words right around it: "344 slayings, a 13 percent
    # drop from the 396" binds 344 as the new level (weakly: a subject) and 396 as the
    # old (strongly: "from"). A candidate must respect strong bindings.
    new: Item | None = None
    old: Item | None = None
    new_strong: bool = False
    whole: Item | None = None
    part: Item | None = None
    group: int = -1  # claims joined by "or" / "(" share their bindings: "13p (or 8%) more"
    sa: int = 0  # where the claim's sentence starts
    quiet: bool = False  # "up from 211": a direction that is also a role word; it never stands between others
    noun: str | None = None  # what the claim is about: "a 17.4 percent increase in first-time freshmen"
    anaphoric: bool = False  # its sentence points back ("That equates to…"): evidence before it is expected
    later_ok: bool = False  # the next sentence points back to it and gives its numbers
    summed: bool = False  # a level a summing sentence claims as a sum ("to 167.8 million")
    lead: bool = False  # a sentence with no level of its own, whose numbers the next sentence sets out
    alone: bool = False  # a direction in a sentence with no number
    parts: tuple = ()  # the levels a total is set out in ("totals $4.36 billion, including $3.53 billion … and …")
    memo: dict = field(default_factory=dict)  # what its words say, read once: its base time


@dataclass(slots=True)
class Check:
    """A claim with the evidence chosen for it."""

    claim: Claim
    computation: Computation
    evidence: tuple[Item, ...]
    relation: str  # percent change, change in points, difference, ratio, share, ...
    score: float
    why: str
    hint: str | None = None  # the direction a bare percent takes from its verb
    alternatives: tuple["Candidate", ...] = ()
    note: str | None = None  # the candidate's reading of the claim's words, for the finding


@dataclass(slots=True)
class Candidate:
    relation: str
    computation: Computation
    evidence: tuple[Item, ...]
    score: float
    reasons: list[str] = field(default_factory=list)
    hint: str | None = None
    note: str | None = None  # a reading of the claim's words the candidate depends on, said in the finding


_EM_DASH = re.compile("\u2014")
# (", but 0.4 percentage points higher than …": a "but" with no subject of its own goes on
# with the clause before it)
# ("£92.4 million (2016: £87.8 million)": the year before's level in brackets is no clause)
# (a change verb of the prose: no comparative, no bare "down")
_WHILE_CHANGE = lexicon.alternation(sorted({w for w in lexicon.PROSE_UP + lexicon.PROSE_DOWN if " " not in w and len(w) > 3
                                              and w not in lexicon.UP_COMPARATIVES + lexicon.DOWN_COMPARATIVES
                                              and w != "down"}))
# ("renewables provided 21.2% of total electrical output — up from 19.2% a year earlier": a dash
# before "up from" sets the comparison after its level, in its clause)
_CLAUSE_BREAK = re.compile(r";|\u2014(?!\s*(?:up|down)\s+from\b)|\s--\s|(?<!\((?:19|20)\d\d):\s|[,.!?][\u201d\"]|[\u201d\"],|,\s+(?=(?:while|whereas)\b|but\b(?!\s+[\d$\u00a3\u20ac]))"
                           # ("grew by 5.9pc to Ksh 359.6 billion from 339.68 billion while domestic
                           # taxes rose by 3.5pc": "while" and a change of its own open a clause, comma
                           # or not, as "even as" does: "registering a 12.7-percent growth rate even as
                           # its global shipment share shrunk annually from 13 percent to 11.7 percent";
                           # "136,343 … last year while 130,298 … in 2015" compares levels)
                           r"|(?<!\ba)\s+(?=(?:while|whereas|even\s+as|even\s+though|although|though)\s+(?:[^\W\d][\w'’-]*\s+){1,4}?(?:" + _WHILE_CHANGE + r")\b)")


# Not a part of a hyphenated word: "the clean-up", "a follow-up", "up-to-date".
def _direction_verb_pattern(verbs: list[str]) -> str:
    return r"(?<![-\u2010\u2011])\b(?P<v>(?:" + lexicon.alternation(verbs) + r"))\b(?![-\u2010\u2011]\w)"


# ("improved": a change for the better, read as a rise; "better" is read after a number only)
_ALL_DIRECTION_VERBS = lexicon.DIRECTION_VERBS + lexicon.PASS_VERBS + tuple(w for w in lexicon.JUDGED_UP if w != "better")
DIRECTION_VERB = re.compile(_direction_verb_pattern(_ALL_DIRECTION_VERBS), re.I)
_DIRECTION_VERB_FOR: dict[tuple[str, ...], re.Pattern] = {}
# Each verb's index in the list, by its first word.
_DIRECTION_FIRST: dict[str, list[int]] = {}
for _i, _v in enumerate(_ALL_DIRECTION_VERBS):
    _DIRECTION_FIRST.setdefault(_v.split()[0], []).append(_i)


def direction_verb(piece: str, words: frozenset[str] | None = None) -> re.Pattern:
    """DIRECTION_VERB for ``piece`` (whose lower-cased words are ``words``, when known):
    a verb matches only where all its words stand, so the pattern keeps only the verbs
    whose words ``piece`` holds, and tries a few alternatives at each word instead of a
    hundred. Same matches; the four characters that match an ASCII letter under re.I but
    lower-case to none send ``piece`` to the full pattern."""
    if _CASE_FOLDS.search(piece) is not None:
        return DIRECTION_VERB
    if words is None:
        words = frozenset(_WORD_RE.findall(piece.lower()))
    found = sorted(i for w in _DIRECTION_FIRST.keys() & words for i in _DIRECTION_FIRST[w])
    kept = tuple(_ALL_DIRECTION_VERBS[i] for i in found if words.issuperset(_ALL_DIRECTION_VERBS[i].split()))
    pat = _DIRECTION_VERB_FOR.get(kept)
    if pat is None:
        if len(_DIRECTION_VERB_FOR) >= 512:
            _DIRECTION_VERB_FOR.clear()
        pat = _DIRECTION_VERB_FOR[kept] = re.compile(_direction_verb_pattern(list(kept)) if kept else "(?!)", re.I)
    return pat
# "a dramatic increase", "a sharp and concerted increase", "a big drop": a direction too
_SIZED_CHANGE = re.compile(
    r"\b(?P<v>an?\s+(?:(?:" + lexicon.alternation(lexicon.CHANGE_SIZE_ADJECTIVES) + r")(?:\s+and)?\s+){1,3}(?:"
    + lexicon.alternation(lexicon.UP_NOUNS + lexicon.DOWN_NOUNS) + r")|an?\s+(?:"
    + lexicon.alternation(list(lexicon.SELF_SIZED_NOUNS)) + r")(?=\s+in\s))\b(?![-\u2010\u2011]\w)", re.I)
# A sentence holds a direction verb only if it holds the last word of one (a sized change
# only if it holds a size adjective); a set lookup says so for most sentences before the
# pattern tries every alternative at every word. (The four characters that match an ASCII
# letter under re.I but lower-case to none send a sentence to the patterns whatever its words.)
_DIRECTION_LAST = frozenset(v.split()[-1] for v in _ALL_DIRECTION_VERBS)
_SIZE_WORDS = frozenset(lexicon.CHANGE_SIZE_ADJECTIVES) | frozenset(lexicon.SELF_SIZED_NOUNS)
_CHANGE_NOUN_WORDS = frozenset(lexicon.UP_NOUNS + lexicon.DOWN_NOUNS)
_MONEY_LEVEL_NOUNS = frozenset(lexicon.MONEY_LEVEL_NOUNS)
_FUNDS_BEFORE = re.compile(r"\b(?:amount|money|funds|sum|total|donations)\s+$", re.I)
_MONEY_NEXT = re.compile(r"\s+(?:(?:a|an|a\s+record|over|more\s+than|nearly|almost|about|some|just\s+over)\s+)?"
                         + lexicon.CURRENCY_CLASS + r"?\d", re.I)
_ATTRIBUTIVE = re.compile(r"\b(?:and|or|a|an|the|with|of)\s+$", re.I)
_NOUN_NEXT = re.compile(r"\s+(?!(?:than|in|at|from|by|to|on|for|this|last|after|over|since|compared|year|month|than)\b)[a-z]", re.I)
# "filings per day in October 2014 were", "average daily ridership was": the subject names a
# rate's period, then a verb gives its level
_PER_PERIOD_SUBJECT = re.compile(r"\b(?:(?:per|a)\s+(?P<p>day|week|month|year|hour)|(?P<p2>daily|weekly|monthly|yearly|hourly))\b"
                                 r"(?:[^.;:,\d]|(?:19|20)\d\d){0,50}?\b(?:were|was|are|is|averaged|stood\s+at)\s+$", re.I)
_OF_MONEY = re.compile(r"\s+of\s+(?:(?:about|nearly|almost|roughly|some|around|more\s+than)\s+)?" + lexicon.CURRENCY_CLASS, re.I)
_WORD_RE = re.compile(r"[a-z]+")
_CASE_FOLDS = re.compile("[\u0130\u0131\u017f\u212a]")
_THAN_SET = frozenset(lexicon.THAN_COMPARISONS)
# ("reduce the deficit … by more than half", "fewer than a third of"): a comparison before a
# fraction or a multiple in words sizes that amount; it says nothing rose or fell
_AMOUNT_IN_WORDS_NEXT = re.compile(
    r"\s+(?:(?:a|an|one|two|three|four|five)[\s-]+)?(?:" + lexicon.alternation(list(lexicon.FRACTION_WORDS))
    + r"|double|twice|triple|threefold|twofold)\b", re.I)


def _direction_words(piece: str, words: frozenset[str] | None = None) -> tuple[bool, bool]:
    """Whether ``piece`` may hold a direction verb, and a sized change (``words``: its
    lower-cased words, when they are known)."""
    if words is None:
        words = frozenset(_WORD_RE.findall(piece.lower()))
    folds = _CASE_FOLDS.search(piece) is not None
    verbs = folds or not _DIRECTION_LAST.isdisjoint(words)
    sized = folds or (not _SIZE_WORDS.isdisjoint(words) and not _CHANGE_NOUN_WORDS.isdisjoint(words))
    return verbs, sized


def direction_matches(text: str, start: int, end: int, words: frozenset[str] | None = None) -> list[re.Match]:
    """The direction verbs and sized changes of ``text[start:end]``, in order."""
    verbs, sized = _direction_words(text[start:end], words)
    found = list(direction_verb(text[start:end], words).finditer(text, start, end)) if verbs else []
    # ("from a loss of $4.5 million": a loss of money is a level, not a fall)
    found = [m for m in found if not (m.group(0).lower().split()[-1] in _MONEY_LEVEL_NOUNS
                                      and _OF_MONEY.match(text, m.end()))
             # ("takes the amount raised since the event was first held … to £280m": money
             # raised is collected, not increased)
             and not (m.group(0).lower() == "raised" and (_FUNDS_BEFORE.search(text, max(0, m.start() - 20), m.start())
                                                          or _MONEY_NEXT.match(text, m.end())))
             and not (m.group(0).lower() in _THAN_SET and _AMOUNT_IN_WORDS_NEXT.match(text, m.end()))
             # ("New tax measures and higher economic output": a comparative before its noun
             # describes the thing, it says nothing rose)
             and not (m.group(0).lower() in ("higher", "lower") and _ATTRIBUTIVE.search(text, max(0, m.start() - 6), m.start())
                      and _NOUN_NEXT.match(text, m.end()))]
    if sized:
        extra = [m for m in _SIZED_CHANGE.finditer(text, start, end)]
        if extra:
            found = [m for m in found if not any(x.start() <= m.start() < x.end() for x in extra)] + extra
            found.sort(key=lambda m: m.start())
    return found


# "up 2.9 percent on year, accelerating from 2.6 percent": a rate of change that changed
_RATE_VERB = re.compile(
    r"\b(?P<v>" + lexicon.alternation(lexicon.RATE_UP_VERBS + lexicon.RATE_DOWN_VERBS) + r")(?=\s+(?:from|to)\b)", re.I)
_RATE_VERB_WORDS = frozenset(lexicon.RATE_UP_VERBS + lexicon.RATE_DOWN_VERBS)
# "expectations for a 3.3% annual gain", "forecasts for a gain of 0.4 percent": a forecast of
# a change, up to its number
_FORECAST_OF_CHANGE = (r"(?:[a-z][\w'’-]*\s+){0,2}(?:" + lexicon.alternation(lexicon.FORECAST_NOUNS) + r")\s+(?:for|of)\s+"
                       r"(?:an?\s+)(?:(?:[a-z][\w'’-]*\s+){0,2}?(?:" + lexicon.alternation(lexicon.UP_NOUNS + lexicon.DOWN_NOUNS)
                       + r")s?\s+of\s+)?")
_FORECAST_CHANGE_BEFORE = re.compile(_FORECAST_OF_CHANGE + r"$", re.I)
# "well above the national average of 8.8%", "which lags the state average of 86 percent":
# a level set against a benchmark the words after "the" name, its number within them
_BENCHMARK = re.compile(
    r"(?<![-\u2010\u2011])\b(?:(?:" + lexicon.alternation(lexicon.CHANGE_ADVERBS) + r")\s+)?(?P<v>" + lexicon.alternation(lexicon.BENCHMARK_UP + lexicon.BENCHMARK_DOWN) + r")"
    r"(?=\s+(?:the\s+(?:(?:[a-z][\w'’-]*|(?:19|20)\d\d)\s+){1,5}?(?:of\s+)?|(?:[a-z][\w'’-]*\s+){0,2}(?:"
    + lexicon.alternation(lexicon.FORECAST_NOUNS) + r")\s+of\s+"
    # ("below economists' expectations for a 3.3% annual gain", "above forecasts for a gain of
    # 0.4 percent": what was forecast is a change, its rate the benchmark)
    + r"|" + _FORECAST_OF_CHANGE
    # ("slightly below the 3% predicted by economists": the forecast named after its number)
    + r"|the\s+(?=[\d.,]+\s*(?:%|percent\b|per\s+cent\b)\s*(?:" + lexicon.alternation(lexicon.FORECAST_PARTICIPLES) + r")\b)"
    + r")" + lexicon.CURRENCY_CLASS + r"?\d"
    # ("over the previous 12 months": a span of time, no benchmark)
    r"(?![\d,.]*\s*(?:" + lexicon.alternation(lexicon.TIME_UNITS) + r")s?\b))"
    # ("over the calendar year ending March 31, 2014": a date, no benchmark)
    r"(?!\s+the\s+(?:[a-z][\w'’-]*\s+){0,5}?(?:" + lexicon.alternation(lexicon.MONTHS) + r")\.?\s+\d)", re.I)
_BENCHMARK_WORDS = frozenset(lexicon.BENCHMARK_UP + lexicon.BENCHMARK_DOWN)
_FORECAST_VERBS = frozenset(lexicon.FORECAST_UP_VERBS + lexicon.FORECAST_DOWN_VERBS)
# "Revenue … was slightly ahead of": "ahead of" compares only after a copula (else it is a time)
_AHEAD_COPULA = re.compile(r"\b(?:was|were|is|are|came\s+in|finished|ended|stood|remained|remains|is\s+still|was\s+still)\s+$", re.I)
_AHEAD_WORDS = frozenset(lexicon.AHEAD_WORDS)
# "Revenue of $37.7 million was slightly ahead of revenue of $36.8 million": an amount set
# above another, a sum of money after a short noun phrase
_AHEAD = re.compile(
    r"\b(?:(?:" + lexicon.alternation(lexicon.CHANGE_ADVERBS) + r"|well|just|comfortably)\s+)?(?P<v>"
    + lexicon.alternation(lexicon.AHEAD_WORDS) + r")(?=\s+(?:the\s+)?(?:[a-z][\w'’-]*\s+){0,3}?(?:of\s+)?"
    + lexicon.CURRENCY_CLASS + r"\d)", re.I)
# "That beat forecasts for a gain of 0.4 percent", "missed estimates of $4.1 billion": an
# outcome set against a forecast the words after the verb name, its number within them
_BEAT_FORECAST = re.compile(
    r"\b(?P<v>" + lexicon.alternation(lexicon.FORECAST_UP_VERBS + lexicon.FORECAST_DOWN_VERBS) + r")"
    r"(?=\s+(?:(?:[a-z][\w'’-]*\s+){0,2}(?:" + lexicon.alternation(lexicon.FORECAST_NOUNS) + r")\s+of\s+|"
    + _FORECAST_OF_CHANGE + r")" + lexicon.CURRENCY_CLASS + r"?\d)", re.I)
# "Reporting on the fall in the CPI rate of inflation from 3.5 per cent to 3 per cent": a
# change named with "the" that its own "from … to …" sets out (without them, "the fall"
# restates a change said before, or is the season)
_DEFINITE_FROM_TO = re.compile(
    r"\bthe\s+(?P<v>" + lexicon.alternation(lexicon.UP_NOUNS + lexicon.DOWN_NOUNS) + r")\s+in\s+"
    r"(?=[^\d;:.]{1,80}?\bfrom\s+" + lexicon.CURRENCY_CLASS + r"?\d[^;:]{0,40}?\bto\s+" + lexicon.CURRENCY_CLASS + r"?\d)", re.I)
_DEFINITE_WORDS = frozenset(lexicon.UP_NOUNS + lexicon.DOWN_NOUNS)
#: The role words of a benchmark a level or a rate of change is set against.
BENCHMARK_ROLES = _BENCHMARK_WORDS | frozenset(lexicon.PASS_VERBS) | _FORECAST_VERBS | _AHEAD_WORDS
_THAN_SET = frozenset(lexicon.THAN_COMPARISONS)
_DURATION_AFTER = re.compile(r"\s+(?:a|an|" + lexicon.alternation(tuple(lexicon.ONES)) + r"|\d+)\s+(?:" + lexicon.alternation(
    lexicon.TIME_UNITS + lexicon.DURATION_NOUNS + ("hour",)) + r")\b", re.I)
_CAUSE_BEFORE = re.compile(r"\b(?:" + lexicon.alternation(lexicon.CAUSE_WORDS) + r")\s+(?:(?:a|an|the|its|their|much|far|slightly|sharply)\s+)?$", re.I)
_PHRASAL_DOWN_BEFORE = re.compile(r"\b(?:break|breaks|broke|broken|breaking|boil|boils|boiled|boiling|narrow|narrows|narrowed|narrowing)\s+$", re.I)
#: The present progressive ("the count is rising"): a trend, whose levels a story may give
#: only in part; it bears a claim out, never proves it wrong.
PROGRESSIVE = frozenset(v for v in lexicon.DIRECTION_VERBS if v.split()[0] in ("is", "are") and v.endswith("ing"))
_NAME_BEFORE = re.compile(r"\b[A-Z][\w'\u2019.-]*\s$")
_AT_RATE = re.compile(r"\s+at\b", re.I)
_PHRASAL_BEFORE = re.compile(r"\b(?:made|make|makes|making|sum|sums|summed|add|adds|added|adding|took|take|takes|end|ended|ends|set|sets)\s+$", re.I)
_ANCHOR_VERB = re.compile(r"\b(?:went|go|goes|going|moved|moves|changed|shifted|swung)(?=\s+from\b)", re.I)
_ROLE_AFTER_VERB = re.compile(r"\s+(?:from|on|than|over|compared)\b", re.I)
_CHANGE_NOUN_SET = frozenset(lexicon.UP_NOUNS) | frozenset(lexicon.DOWN_NOUNS)
_ARTICLE = re.compile(r"an?\s+", re.I)
_POSSESSIVE_BEFORE = re.compile(r"\b[A-Za-z]+['’]s\s+$")
_APPOSED = re.compile(r",\s*(?:(?:a|an)\s+)?$", re.I)


_UP_SET = (frozenset(lexicon.UP_WORDS) | frozenset(lexicon.SEARCH_UP_WORDS) | frozenset(lexicon.JUDGED_UP)
           | frozenset(lexicon.FORECAST_UP_VERBS) | frozenset(w.split()[0] for w in lexicon.AHEAD_WORDS))
_DOWN_SET = frozenset(lexicon.DOWN_WORDS) | frozenset(lexicon.SEARCH_DOWN_WORDS) | frozenset(lexicon.FORECAST_DOWN_VERBS)


def verb_direction(text: str) -> str | None:
    """up or down, from the words of a change stated without a number."""
    for w in reversed(text.lower().split()):
        if w in _DOWN_SET:
            return "down"
        if w in _UP_SET:
            return "up"
    return None


# --- building the paragraph's items ------------------------------------------------------------


def _clauses(text: str, start: int, end: int) -> list[int]:
    """Offsets where a clause starts within ``text[start:end]``. A pair of dashes around a
    short aside ("43 — exactly half — were promoted") does not break the clause."""
    return [start] + [k + start for k in _clause_breaks(text[start:end])]


@lru_cache(maxsize=4096)
def _clause_breaks(piece: str) -> tuple[int, ...]:
    """Where clauses start after the first in ``piece`` (read from it alone, so kept: a
    sentence repeated in copy has the same clauses)."""
    dashes = [m.start() for m in _EM_DASH.finditer(piece)] if "\u2014" in piece else []
    paired = set()
    for a, b in zip(dashes, dashes[1:]):
        if b - a <= 40:
            paired.update((a, b))
    return tuple(m.end() for m in _CLAUSE_BREAK.finditer(piece) if m.start() not in paired)


def clause_bounds(text: str, start: int, end: int, at: int, starts: list[int] | None = None) -> tuple[int, int]:
    """The clause of ``text[start:end]`` (a sentence) that holds offset ``at``; ``starts``
    are the sentence's clause starts, when they are known (:func:`clause_starts`)."""
    if starts is None:
        starts = _clauses(text, start, end)
    k = bisect.bisect_right(starts, at) - 1
    a = starts[max(k, 0)]
    b = starts[k + 1] if k + 1 < len(starts) else end
    return a, b


#: A sentence of the paragraph: its offsets in the text, its quantities, and what the
#: evidence search reads from it once (its words, clauses, direction verbs), kept while
#: it is the context of the paragraphs after it.
Sentence = tuple[int, int, list[Quantity], dict]


def _words(text: str, sent: Sentence) -> frozenset[str]:
    memo = sent[3]
    words = memo.get("words")
    if words is None:
        words = memo["words"] = frozenset(_WORD_RE.findall(text[sent[0] : sent[1]].lower()))
    return words


# The words without which _ANCHOR_VERB and SUM_CUE cannot match.
_ANCHOR_WORDS = frozenset({"from"})
_SUM_WORDS = frozenset({"net", "total", "totals", "totalled", "totaled", "combined", "together", "altogether", "all",
                        "overall", "sum", "adds", "add", "added"})


_WHICH_BEFORE = re.compile(r",\s*which\s+(?:also\s+)?$", re.I)


#: The periods a rate may be an average over ("52 a day", "400 every year").
_PERIOD_PER = frozenset({"day", "week", "month", "year"})
# The periods of a rate a yearly sum beside it may be restated in ("12p a month").
_RESTATED_PER = frozenset({"day", "week", "month"})
# The spans of time scan/averages.py reads a total over (a looser test, made first).
_NAMES_SPAN = re.compile(r"\b(?:last|past|next|previous|coming|following)\s+(?:\w+\s+)?(?:years?|months?|weeks?)\b"
                         r"|\b(?:in|during|for|throughout)\s+(?:fiscal\s+|calendar\s+)?(?:19|20)\d\d\b", re.I)


_GAP_WORD = re.compile(r"\b(?:" + lexicon.alternation(lexicon.GAP_NOUNS) + r")\s+of\b", re.I)


def may_hold_gaps(text: str) -> bool:
    """Whether ``text`` may name a gap between levels at all ("a difference of", "a gap
    of"): a quick test before scan/gaps.py reads it."""
    # (the pattern needs the first word of a gap noun, in any case: a text without one
    # is not searched; the four characters that match an ASCII letter under re.I but
    # lower-case to none send it to the pattern whatever it holds)
    low = text.lower()
    if not any(w in low for w in _GAP_STEMS) and _CASE_FOLDS.search(text) is None:
        return False
    return _GAP_WORD.search(text) is not None


_GAP_STEMS = tuple(sorted({n.split()[0].lower() for n in lexicon.GAP_NOUNS}))


# Between two numbers set side by side in a table's row: spaces, brackets, a bar, and the
# sign of the second ("$371 million +8.9%").
_SIDE_GAP = re.compile(r"[\s()|\u00a0]*(?<=[\s(])[+\u2212-]|[\s()|\u00a0]*")


_RECORD_SET = re.compile(r"\b(?:new|all[-\u2010\u2011 ]time|record)\s+(?:"
                         + lexicon.alternation(lexicon.RECORD_UP_WORDS + lexicon.RECORD_DOWN_WORDS) + r")\b", re.I)


def _side_gap(gap: str, noun: str | None) -> bool:
    """Whether ``gap`` is all that stands between two columns of a row: spaces and
    brackets, and perhaps the noun of the first ("41 homicides   37 homicides")."""
    if _SIDE_GAP.fullmatch(gap):
        return True
    return (bool(noun) and len(gap) <= 80 and noun.isalpha()  # type: ignore[union-attr]
            and gap.split()[:1] == [noun] and _SIDE_GAP.fullmatch(gap.replace(noun, " ", 1)) is not None)  # type: ignore[arg-type]


def side_by_side(text: str, a: Item, b: Item) -> bool:
    """Whether ``b`` stands right after ``a`` as the next column of a row."""
    return _side_gap(text[a.b : b.pa], a.q.noun)


def _side_by_side_quantities(text: str, sa: int, qs: list[Quantity]) -> bool:
    """Whether three numbers of a sentence stand side by side ("January 5 31 36"): a row
    of a table, whose last may be the total or change of the others (scan/rows.py)."""
    run = 1
    for q, r in zip(qs, qs[1:]):
        run = run + 1 if _side_gap(text[sa + q.end : sa + r.pstart], q.noun) else 1
        if run >= 3:
            return True
    return False


def may_hold_claims(text: str, sentences: list[Sentence]) -> bool:
    """False only when no sentence of ``sentences`` can hold a claim: plain levels alone,
    with no direction, anchor or sum word beside them ("412 homicides last year"). Such a
    paragraph has no finding, and its evidence search is skipped (it is still the context
    of the next paragraph)."""
    for sent in sentences:
        sa, sb, qs, _ = sent
        if not qs:
            if _directions_alone(text, sent):
                return True  # a direction the next sentence may give the levels of
            continue
        if any(q.kind not in ("count", "rate", "money") or q.direction or q.share_of for q in qs):
            return True
        if any(q.kind == "rate" and q.per in _PERIOD_PER for q in qs) and _NAMES_SPAN.search(
                text, sentences[0][0], sentences[-1][1]):
            return True  # a rate "a day" and a span of time: a total over it (scan/averages.py)
        if len(qs) >= 2 and any(q.per in _RESTATED_PER for q in qs):
            return True  # "£1.48 for the year (12p a month)": a sum and its rate (scan/restated_rate.py)
        if len(qs) >= 3 and any(q.kind == "money" for q in qs) and "averag" in text[sa:sb].lower():
            return True  # "14,450 shares for $165,065, an average of $11.42 per share" (scan/per_unit.py)
        if len(qs) >= 2 and any(q.kind == "rate" and (q.per or "").startswith("per 1") for q in qs) \
                and "rate" in text[sa:sb].lower():
            return True  # "51 white farmers murdered … a murder rate … of 108 per 100,000" (scan/per_capita.py)
        if may_hold_gaps(text[sa:sb]):
            return True  # "for a difference of about $2.62 million" (scan/gaps.py)
        if len(qs) >= 3 and _side_by_side_quantities(text, sa, qs):
            return True  # "March 10 33 43": a row of a table (scan/rows.py)
        if _RECORD_SET.search(text, sa, sb):
            return True  # "reached a new high … The previous high was 111" (scan/records.py)
        if 2 <= len(qs) <= 6 and qs[0].pstart <= 2 and " and " in text[sa:sb]:
            return True  # "16,4m are employed, 6,2m … and 15,4m …": the parts of a total before (scan/parts.py)
        # the direction verbs and anchors the sentence's claims would be made of (a hedge
        # "more than 30,984" is its number's, no direction of its own): read once, kept
        _, anchors, directions = _sentence_reading(text, sent)
        if anchors or directions:
            return True
        piece = text[sa:sb]
        words = _words(text, sent)
        if (_CASE_FOLDS.search(piece) is not None or not _SUM_WORDS.isdisjoint(words)) and SUM_CUE.search(piece):
            return True
        if _OPENS_ON_WHOLE.match(piece):
            return True  # "Of those 304 arrests, 48 … and 256 …": a whole and its parts
    return False


_AS_HAS = re.compile(r",\s+(?P<as>as)\s+(?:has|have|had|did|does|do)\s+(?:the|its|their|a|an)\b[^,;\d]{1,60}(?=,)", re.I)


def _unnamed(text: str, sa: int, found: list[re.Match]) -> list[re.Match]:
    """``found`` without the direction words that are part of a name: "in Cedar Falls",
    "Sioux Falls" (a capitalized word after a capitalized word, not opening the sentence)."""
    return [m for m in found if not (
        m.start() > sa and m.group("v")[:1].isupper() and " " not in m.group("v")
        and _NAME_BEFORE.search(text, max(sa, m.start() - 30), m.start()))]


def _sentence_reading(text: str, sent: Sentence) -> tuple[list[int], list[tuple[int, int]], list[tuple[int, int, str, bool]]]:
    """What a sentence's own words say, whatever paragraph it is read in: where its
    clauses start, its anchor verbs ("went from"), and its direction verbs (start, end,
    verb, quiet) that are no part of a quantity's phrase."""
    memo = sent[3]
    got = memo.get("reading")
    if got is not None:
        return got
    sa, sb, qs, _ = sent
    starts = _clauses(text, sa, sb)
    anchors: list[tuple[int, int]] = []
    directions: list[tuple[int, int, str, bool]] = []
    words = _words(text, sent)
    if qs and (_CASE_FOLDS.search(text, sa, sb) is not None or not _ANCHOR_WORDS.isdisjoint(words)):
        anchors = [m.span() for m in _ANCHOR_VERB.finditer(text, sa, sb)]
    if qs or len(found_alone := _unnamed(text, sa, direction_matches(text, sa, sb, words))) == 1:
        found = _unnamed(text, sa, direction_matches(text, sa, sb, words)) if qs else found_alone
        if qs and not _BENCHMARK_WORDS.isdisjoint(words):
            found = sorted(found + list(_BENCHMARK.finditer(text, sa, sb)), key=lambda m: m.start())
        if qs and not _FORECAST_VERBS.isdisjoint(words):
            found = sorted(found + list(_BEAT_FORECAST.finditer(text, sa, sb)), key=lambda m: m.start())
        if qs and "ahead" in words:
            found = sorted(found + list(_AHEAD.finditer(text, sa, sb)), key=lambda m: m.start())
        if len(qs) >= 2 and "the" in words and "from" in words and not _DEFINITE_WORDS.isdisjoint(words):
            found = sorted(found + list(_DEFINITE_FROM_TO.finditer(text, sa, sb)), key=lambda m: m.start())
        if not _RATE_VERB_WORDS.isdisjoint(words) or _CASE_FOLDS.search(text, sa, sb):
            found = sorted(found + list(_RATE_VERB.finditer(text, sa, sb)), key=lambda m: m.start())
        for m in found:
            pos = m.start()
            if any(sa + q.pstart < m.end() and pos < sa + max(q.pend, q.end) for q in qs):
                continue
            v = m.group("v").lower()
            if v.startswith("ahead") and _AHEAD_COPULA.search(text, max(sa, pos - 24), pos) is None:
                continue  # "closed at $45.10, ahead of the $2 billion bond sale": a time, no comparison
            if v == "up" and _PHRASAL_BEFORE.search(text, max(sa, pos - 12), pos):
                continue  # "made up", "adds up": no change
            if v in ("up", "down") and directions and directions[-1][1] <= pos and not text[directions[-1][1] : pos].strip():
                continue  # "jumped up to 67% from 59%": the particle of the verb before, one change
            if v in PROGRESSIVE and _AT_RATE.match(text, m.end()):
                continue  # "is growing at the slowest rate for four years": a rate, not a change
            if v.startswith("upward") and _OF_AFTER.match(text, m.end()):
                continue  # "upwards of 500 people": a hedge on a level, no change
            if v in _THAN_SET and _DURATION_AFTER.match(text, m.end()):
                continue  # "waiting more than a year for their treatment": a duration, no change
            if _CAUSE_BEFORE.search(text, max(sa, pos - 24), pos):
                continue  # "due to higher net interest income": a cause, not a change claimed
            if v == "down" and _PHRASAL_DOWN_BEFORE.search(text, max(sa, pos - 12), pos):
                continue  # "That breaks down to 291 arrests", "broken down by": no change
            # "344 last year, up from 211": a direction, and the role word of the number after it
            # (", which is up from 463": a relative clause says the same of the level before)
            quiet = ((bool(_ROLE_AFTER_VERB.match(text, m.end())) and (v in lexicon.COMPARISON_DIRECTIONS or (
                v.split()[-1] in lexicon.COMPARISON_DIRECTIONS and _WHICH_BEFORE.search(text, max(sa, pos - 16), pos))))
                     or v in PASS_SET
                     or v in _BENCHMARK_WORDS or v in _FORECAST_VERBS or re.sub(r"\s+", " ", v) in _AHEAD_WORDS
                     # "205 cases were reported in the county, a drop from the 426": a change
                     # noun set after a comma, from a level, says it of the level before it
                     or (v.split()[-1] in _CHANGE_NOUN_SET and _ROLE_AFTER_VERB.match(text, m.end()) is not None
                         and _APPOSED.search(text, max(sa, pos - 12), pos) is not None))
            directions.append((pos, m.end(), m.group("v"), quiet))
        # "The number of full-time students also has declined, from 2,907 … to 2,824 …, as
        # has the number of part-time students, from 1,798 … to 1,731": "as has" says the
        # verb before it again, of the subject after it
        if qs and directions and "as" in words:
            for m in _AS_HAS.finditer(text, sa, sb):
                before = [d for d in directions if d[1] <= m.start() and not d[3]]
                if before and len({verb_direction(d[2]) for d in before}) == 1:
                    directions.append((m.start("as"), m.end(), before[-1][2], False))
            directions.sort()
    got = memo["reading"] = (starts, anchors, directions)
    return got


def _directions_alone(text: str, sent: Sentence) -> list[tuple[int, int, str, bool]]:
    """The directions :func:`_sentence_reading` gives a sentence with no number, read
    without its clauses when it has none (most sentences: its clauses are wanted only when
    its paragraph is searched, and one that holds no claim is not)."""
    got = sent[3].get("reading")
    if got is not None:
        return got[2]
    sa, sb = sent[0], sent[1]
    # (a sentence with no number has a direction only where it holds exactly one)
    if len(_unnamed(text, sa, direction_matches(text, sa, sb, _words(text, sent)))) != 1:
        return []
    return _sentence_reading(text, sent)[2]


def clause_starts(text: str, sent: Sentence) -> list[int]:
    """Where the clauses of a sentence start (read once per sentence)."""
    return _sentence_reading(text, sent)[0]


def build_items(text: str, sentences: list[Sentence]) -> tuple[list[Item], list[Claim]]:
    """The paragraph's quantities as items, and its claims."""
    from claimcheck.scan.carried import carry_currency  # (these build on Item and Claim)
    from claimcheck.scan.compared import compared_pairs_claims
    from claimcheck.scan.parts import listed_parts_claims
    from claimcheck.scan.restated import or_hedged_percent_claim, or_percent_in_words_claim
    from claimcheck.scan.unsigned import unsigned_points_claim

    items: list[Item] = []
    claims: list[Claim] = []
    clause_id = 0
    for k, sent in enumerate(sentences):
        sa, sb, qs, memo = sent
        starts, anchors, directions = _sentence_reading(text, sent)

        def clause_of(pos: int, starts: list[int] = starts, first: int = clause_id) -> int:
            return first + bisect.bisect_right(starts, pos) - 1

        for q in qs:
            it = Item(q, k, sa, clause_of(sa + q.start))
            set_roles(text, sa, it)
            if (q.kind == "percent" and q.direction and q.pstart == q.start and it.role in ("old", "new")
                    and it.role_word in ("from", "to")):
                # "The rate increased from 11.7% year-on-year growth": a rate of growth a change
                # goes from or to is a level of that rate, not a change claimed
                if (q.direction == "up" and q.change and it.role == "old" and q.written is not None and q.hedge is None
                        and not q.words and _POSSESSIVE_BEFORE.search(text, max(sa, sa + q.start - 30), sa + q.start)):
                    # ("up from June’s 3% annual increase": the rise of the time named, a level
                    # of the rate of change a rise went from, as after an article below)
                    it.memo["rate_of_change"] = True
                    q.roles = (it.role, it.role_word, it.time, it.memo.get("time_before", False), {"rate_of_change": True})
                q.direction = None
            elif (q.kind == "percent" and q.direction == "up" and q.change and it.role == "old" and it.role_word == "from"
                  and q.written is not None and q.hedge is None and not q.words
                  and _ARTICLE.fullmatch(text, sa + q.pstart, sa + q.start)):
                # "prices were up just 0.1% in December …. That's down from a 0.2% increase in
                # November": the rise a rate of change went from is a level of that rate (a
                # fall is not: "down from a 0.1% decline" is a level of −0.1%)
                q.direction = None
                it.memo["rate_of_change"] = True
                q.roles = (it.role, it.role_word, it.time, it.memo.get("time_before", False), {"rate_of_change": True})
            if (q.kind == "percent" and q.direction and q.written is not None and not q.words
                    and _FORECAST_CHANGE_BEFORE.search(text, max(sa, sa + q.pstart - 60), sa + q.start) is not None):
                # "beat forecasts for a gain of 0.4 percent": the change forecast is a level
                # of the rate the actual change is set against, not a change claimed
                q.direction = None
                it.memo["rate_of_change"] = True
                q.roles = (it.role, it.role_word, it.time, it.memo.get("time_before", False), {"rate_of_change": True})
            items.append(it)
            claim = _claim_of(it)
            if claim is None:
                claim = unsigned_points_claim(text, it)  # "showing 0.06 per cent point from 11.40 per cent"
            if claim is None:
                claim = or_percent_in_words_claim(text, it)  # "dropped 144 students — or one percent —"
            if claim is None:
                claim = or_hedged_percent_claim(text, it)  # "… out of 22,984 registered voters, or just over 65 percent"
            if claim is not None:
                claim.sa = sa
                claim.noun = _claim_noun(text, claim.end)
                claims.append(claim)
        if not qs:
            # no number in the sentence: its one direction ("Kidnappings surged in the
            # quarter.") is checked only on the levels the next sentence sets out
            # (bindings), and never stands between other claims and their numbers
            for a, b, v, _quiet in directions:
                claims.append(Claim(None, a, b, verb_direction(v), "direction", k, clause_of(a), sa=sa, quiet=True, alone=True))
            clause_id += len(starts)
            continue
        for a, b in anchors:
            # "deportations went from 1,000 to 1,500": a change with no direction word; it is
            # checked only through a claim beside it, but its numbers are its own
            claims.append(Claim(None, a, b, None, "anchor", k, clause_of(a), sa=sa))
        for a, b, v, quiet in directions:
            claims.append(Claim(None, a, b, verb_direction(v), "direction", k, clause_of(a), sa=sa, quiet=quiet))
        clause_id += len(starts)
    # "The net effect: the labor force grew by 736,000 people to 167.8 million": in a
    # sentence that sums up, a level reached ("to 167.8 million") is claimed as the sum of
    # the levels the sentences before reached
    for it in items:
        if it.role == "new" and it.role_word == "to" and len(summed_parts(text, items, it)) >= 2:
            claims.append(Claim(it, it.pa, it.pb, None, it.q.kind, it.sent, it.clause, sa=it.base, summed=True))
    # "The budget totals $4.36 billion, including $3.53 billion for operating expenditures
    # and $833.2 million for capital projects", "a total of more than $1.5 billion … State tax
    # revenue totaled more than $947 million and local tax revenues were $546 million": a
    # total, and the levels it is set out in after it
    for it in items:
        q = it.q
        if not ((q.plain or q.hedged_level) and q.kind in ("count", "money") and _TOTAL_BEFORE.search(text, max(it.base, it.pa - 20), it.pa)):
            continue
        same = [o for o in items if o is not it and (o.q.plain or o.q.hedged_level) and same_unit(o.q, q) and o.a > it.b]
        inc = _INCLUDING.match(text, it.b)
        parts = [o for o in same if o.sent == it.sent] if inc else [o for o in same if o.sent == it.sent + 1]
        if 2 <= len(parts) <= 6 and _AND_LIST.search(text, parts[-2].b, parts[-1].a) and (
                inc or not any(o.sent == it.sent for o in same)):
            claims.append(Claim(it, it.pa, it.pb, None, q.kind, it.sent, it.clause, sa=it.base, parts=tuple(parts)))
    # "… has 38 million people of working age. 16,4m are employed, 6,2m … and 15,4m …": a
    # total, and the next sentence opening on its parts (scan/parts.py)
    claims.extend(c for c in listed_parts_claims(text, items) if not any(o.item is c.item and o.parts for o in claims))
    # "The net migration gain of 82,800 … was made up of a net gain of 142,900 … and a net
    # migration loss of 60,100": a net level and the gains and losses it is made up of
    for it in items:
        q = it.q
        if not (q.plain and q.kind in ("count", "money") and _NET_BEFORE.search(text, max(it.base, it.pa - 40), it.pa)):
            continue
        m = _MADE_UP.match(text, it.b)
        if m is None:
            continue
        parts = [o for o in items if o.sent == it.sent and o.a >= m.end() and o.q.change and o.q.direction
                 and o.q.written is not None and o.q.hedge is None and same_unit(o.q, q)]
        if 2 <= len(parts) <= 4 and parts[0].q.direction == "up" and any(o.q.direction == "down" for o in parts) \
                and _AND_LIST.search(text, parts[-2].b, parts[-1].a):
            c = Claim(it, it.pa, it.pb, None, q.kind, it.sent, it.clause, sa=it.base, parts=tuple(parts))
            c.memo["signed"] = True
            claims.append(c)
    # "Of those 304 arrests, 48 … were made for aggravated DUI and 256 … for misdemeanor
    # charges": the whole a sentence opens on, and the parts it is set out in after the comma
    for it in items:
        q = it.q
        if not (q.plain and q.kind == "count" and _OF_WHOLE_BEFORE.search(text[it.base : it.pa])
                and _WHOLE_COMMA.match(text, it.b)):
            continue
        parts = [o for o in items if o is not it and o.q.plain and same_unit(o.q, q) and o.a > it.b and o.sent == it.sent]
        if 2 <= len(parts) <= 6 and _AND_LIST.search(text, parts[-2].b, parts[-1].a) and all(
                written_of(o).value < written_of(it).value for o in parts):
            # (bare: a whole is set out in some of its parts as often as in all of them, so
            # it is no claim to list when they fall short)
            claims.append(Claim(it, it.pa, it.pb, None, q.kind, it.sent, it.clause, sa=it.base, parts=tuple(parts), bare=True))
    # "from 28.3 to 32.3 per 100,000 residents", "from 8.1 to 9.4 million": the unit written
    # once after the second number is the first's too
    for x, y in zip(items, items[1:]):
        # ("20.1 deaths per 100,000 people against 9.9", "$2,150 a month, against $860": the
        # unit written once after the first number is the second's, set against it; not after
        # "from": "fell 19% to 990 a day, from 31,000 in June" sets a rate against a count)
        if (x.sent == y.sent and x.q.per and not y.q.per and y.q.kind in ("count", "money") and y.q.noun is None
                and y.q.written is not None and (_AGAINST_GAP.fullmatch(text, x.b, y.a) or (
                    # ("Ridership averaged 41,000 a day in 2023, down from 52,000 in 2019": after
                    # "from", only a base of the rate's own size; 31,000 against 990 a day is a
                    # month's count set against a day's rate)
                    _FROM_GAP.fullmatch(text, x.b, y.a) and x.q.per in _PER_PERIODS and x.q.written is not None
                    and 0 < written_of(x).value and 0 < written_of(y).value
                    and 2 * min(written_of(x).value, written_of(y).value) >= max(written_of(x).value, written_of(y).value)))):
            y.q.per, y.q.kind = x.q.per, (x.q.kind if y.q.kind == "count" else y.q.kind)
        if x.sent == y.sent and _SHARED_UNIT_GAP.fullmatch(text, x.b, y.a) and x.q.written is not None:
            if y.q.per and not x.q.per and x.q.kind == "count":
                x.q.per, x.q.kind = y.q.per, y.q.kind
            elif y.q.per and not x.q.per and x.q.kind == y.q.kind == "money" and currency_of(x.q) == currency_of(y.q):
                x.q.per = y.q.per  # "from £2.73 to £3.30 an hour"
            if y.q.noun and not x.q.noun:
                x.q.noun = y.q.noun
            for a, b in ((x, y), (y, x)):
                # "from 62.8 to 62.9 percent", "from 21.79 percent in February to 22.95 in March"
                # (but a change is no level to share its unit: "dropped almost 19 percent to 91
                # from 112" reaches 91 homicides)
                if b.q.direction is None:
                    share_percent(a, b)
    # "Average total filings per day in October 2014 were 2,547, a 12 percent decrease from the
    # 2,902 total daily filings": a count whose own sentence named the period of its rate
    # before it, set against a rate of that period, is that rate
    for x in items:
        if x.q.kind != "count" or x.q.per or x.q.written is None or not x.q.plain:
            continue
        head = text[x.base : x.a]
        pm = _PER_PERIOD_SUBJECT.search(head)
        if pm is None:
            continue
        per = lexicon.PERIOD_WORDS[(pm.group("p") or pm.group("p2")).lower()]
        if any(y.sent == x.sent and y is not x and y.q.kind == "rate" and y.q.per == per and y.role == "old" for y in items):
            x.q.per, x.q.kind = per, "rate"
    # "risen to £1,717 per year, a 10% increase from the previous cap of £1,568", "risen by
    # £149 from the previous £1,568 a year … to £1,717": a sum of money whose period is written
    # once, at one end of a change, is of that period at the other too, when the two are of
    # a size (a rate of a day and a total of a month are not: "990 a day, from 31,000")
    for y in items:
        if y.q.kind != "money" or y.role not in ("old", "new") or y.q.written is None or not y.q.plain:
            continue
        other = "new" if y.role == "old" else "old"
        for x in items:
            if (x is y or x.sent != y.sent or x.q.kind != "money" or x.role != other or x.q.written is None
                    or bool(x.q.per) == bool(y.q.per) or currency_of(x.q) != currency_of(y.q)):
                continue
            a, b = written_of(x).value, written_of(y).value
            if a > 0 and b > 0 and 2 * min(a, b) >= max(a, b):
                if x.q.per:
                    y.q.per = x.q.per
                else:
                    x.q.per = y.q.per
                break
    # "down by 1.09% or Rs 13.60": an amount set after a change with "or" is the same change
    # in money or count, its direction the change's
    for x, y in zip(items, items[1:]):
        if (x.sent == y.sent and x.q.kind == "percent" and x.q.direction is None and x.role == "by" and y.q.plain
                and y.q.kind in ("count", "money") and y.role is None and _OR_GAP.fullmatch(text, x.b, y.a)):
            # "declined by 2.1 percent (or 13,900 people) … and by 5.3 percent (or 35,871
            # people)": a change said by its size alone, then its amount, is no level
            y.role, y.role_word = "by", "by"
        if (x.sent == y.sent and x.q.kind == "percent" and x.q.direction and x.q.change and y.q.plain
                and y.q.kind in ("count", "money") and y.role is None):
            if _OR_GAP.fullmatch(text, x.b, y.a):
                y.q.direction = x.q.direction
            elif _BRACKET_OPEN.fullmatch(text, x.b, y.a) and _BRACKET_CLOSE.match(text, y.b):
                # "declined by 2.4% (18,706 inmates)": the amount in brackets, with no "or",
                # may as well be the level reached; read as the change, it bears a claim out
                y.q.direction = x.q.direction
                y.memo["bracket_amount"] = True
    # "a fall of 3 per cent on the previous year and 8 per cent on the peak coverage": a
    # percent joined by "and" to a change and its base is a second change, not a level
    for x, y in zip(items, items[1:]):
        if (x.sent == y.sent and x.q.kind == y.q.kind and x.q.kind in ("percent", "points") and x.q.direction and x.q.change
                and y.q.direction is None and not y.q.share_of and not y.q.words and y.role is None
                and _AND_CHANGE_GAP.fullmatch(text, x.b, y.pa)):
            y.q.direction = x.q.direction
    # "320 and 290 homicides in 2022 and 2023, respectively": two levels joined by "and",
    # then their years in the same order
    for x, y in zip(items, items[1:]):
        if (x.clause == y.clause and x.time is None and _AND_GAP.fullmatch(text, x.b, y.a)
                and (m := _RESPECTIVE_YEARS.match(text, y.b)) is not None and y.time in (None, (int(m.group("y1")), 0))):
            # (the first year, read as the second level's own label, is the first level's)
            x.time, y.time = (int(m.group("y1")), 0), (int(m.group("y2")), 0)
    # "412,000 visitors and 3,000 members in 2024": a label after the last of levels joined
    # by "and" is every one's
    for x, y in zip(reversed(items[:-1]), reversed(items[1:])):
        if y.time and not x.time and x.clause == y.clause and _AND_GAP.fullmatch(text, x.b, y.a):
            x.time = y.time
    # "Last year, tallies counted 843 freshmen and 794 transfers": and a label before the
    # first is every one's
    for x, y in zip(items, items[1:]):
        if x.time and x.memo.get("time_before") and not y.time and x.clause == y.clause and _AND_GAP.fullmatch(text, x.b, y.a):
            y.time = x.time
            y.memo["time_before"] = True
    # "estimated at 50,900 … compared with 52,700": the old level's own new level (past an
    # amount per thing set beside it: "hit $1.3 billion, or 68 cents per share, from $844 million")
    for i, y in enumerate(items):
        if y.role != "old":
            continue
        k = i - 1
        while k > 0 and items[k].q.per != y.q.per and items[k].clause == y.clause:
            k -= 1
        x = items[k] if k >= 0 else None
        if (x is not None and x.clause == y.clause and x.q.plain and y.a - x.b <= 70
                and not any(c.item is None and x.b <= c.start < y.a and not c.quiet for c in claims)):
            y.partner = x
    # "… were down in other major cities: New York City reportedly had 502 murders …,
    # compared to 523 in 2010": the pairs a direction's list sets out (scan/compared.py)
    claims.extend(compared_pairs_claims(text, items, claims))
    # "a decrease of 36,835 reported fatalities in 2018 to 36,096 in 2019": a "change of" a
    # number labelled with a year, going on "to" a level of the same size labelled with a
    # later year, is the old level, loosely written (a difference has no year of its own)
    for x, y in zip(items, items[1:]):
        if (x.sent == y.sent and x.q.change and x.q.kind in ("count", "money") and x.q.hedge is None
                and x.q.written is not None and y.q.written is not None and y.q.plain and same_unit(x.q, y.q)
                and y.role == "new" and y.role_word == "to" and x.time and y.time and 1 < x.time[0] < y.time[0]
                and _CHANGE_OF.search(text, x.pa, x.a) and _LOOSE_TO_GAP.fullmatch(text, x.b, y.a)
                and x.q.written.value < 2 * y.q.written.value < 4 * x.q.written.value):
            m = _CHANGE_OF.search(text, x.pa, x.a)
            for c in claims:
                if c.item is x:
                    # the change noun stays a direction, whose levels these are
                    c.item, c.kind, c.end = None, "direction", len(text[: m.start()].rstrip())
            x.q.direction = None
            x.role, x.role_word = "old", "from"
            x.memo["loose_old"] = True  # a reading of loose words: it bears a claim out, never convicts
            x.q.roles = (x.role, x.role_word, x.time, x.memo.get("time_before", False), {"loose_old": True})
    # "rose 10 percent to $1.1 billion from 1 billion": the bare end of a change is in the
    # currency of its other end (scan/carried.py)
    carry_currency(items)
    # "a tax bill of £1,000 would become £1,012.50": the level that becomes another is its
    # old level
    for x, y in zip(items, items[1:]):
        if (x.sent == y.sent and x.role is None and x.q.plain and y.q.plain and y.role == "new"
                and y.role_word in _BECOME_WORDS and same_unit(x.q, y.q) and _BECOMES_GAP.fullmatch(text, x.b, y.a)):
            x.role, x.memo["becomes"] = "old", True
    # A role word belongs to the claim nearest to it in its clause: in "decreased 5% to
    # $94.5 million while profit increased from $16.1 million", "from" is the second
    # claim's; in "… at Rs 339 crore against Rs 298 crore, up 14 per cent" the last one's.
    for it in items:
        if it.role in ("old", "new", "whole"):
            best, best_d = None, 10**9
            for c in claims:
                if c.clause != it.clause or (c.item is not None and c.item is it) or c.quiet or c.bare:
                    continue
                if c.end <= it.a:
                    d = it.a - c.end
                elif c.start >= it.b and SUBJECT_GAP.fullmatch(text, it.b, c.start):
                    d = c.start - it.b  # "… against Rs 298 crore, up 14 per cent"
                else:
                    continue
                if 0 <= d < best_d:
                    best, best_d = c, d
            it.link = best
    return items, claims


def share_percent(a: Item, b: Item) -> None:
    """Read ``a``, a bare number of at most 100 that counts nothing, as a percent when
    ``b``, the level it is compared with, is one: the unit written once is both's."""
    if b.q.kind == "percent" and a.q.kind == "count" and not a.q.currency and a.q.written is not None \
            and a.q.written.value <= 100 and not a.q.noun:
        try:
            a.q.written = parse_number(expression_text(a.q.written) + "%")
            a.q.kind = "percent"
        except NumberError:
            pass


_CLAIM_NOUN = re.compile(r"\s+(?:in|of)\s+(?:the\s+)?(?:number\s+of\s+)?(?P<words>(?:[a-z][\w'’-]*\s+){0,2}?[a-z][\w'’-]*)(?=\s*(?:[,.;:()]|$|\s+(?:and|or|from|to|in|on|at|for|compared|than|over|since|between|during|last|this|year|as|with|while|but)\b))", re.I)
_NOT_CLAIM_NOUNS = frozenset("the a an its their this that year years month months quarter period total cost price value rate number level".split())


def claim_noun_words(text: str, end: int) -> str | None:
    """The words a claim ending at ``end`` names what it counts with: "an increase in
    commercial passenger traffic for April" → "commercial passenger traffic"."""
    m = _CLAIM_NOUN.match(text, end)
    return m.group("words") if m else None


def _claim_noun(text: str, end: int) -> str | None:
    """What a claim counts, named after it: "an increase in transfers" → transfer."""
    m = _CLAIM_NOUN.match(text, end)
    if m is None:
        return None
    words = [w.lower().strip("'’") for w in m.group("words").split()]
    word = words[-1]
    if word in lexicon.GENERIC_COUNT_NOUNS and len(words) > 1:
        word = words[-2]  # "shooting incidents" count shootings
    if word in _NOT_CLAIM_NOUNS or len(word) < 3:
        return None
    return word[:-1] if word.endswith("s") else word


def _claim_of(it: Item) -> Claim | None:
    q = it.q
    if q.kind == "share" or (q.kind == "percent" and q.share_of and q.direction is None):
        return Claim(it, it.pa, it.pb, None, "share", it.sent, it.clause)
    if q.change:
        kind = q.kind if q.kind != "change" else "percent"
        return Claim(it, it.pa, it.pb, q.direction, kind, it.sent, it.clause)
    if q.kind == "percent" and q.direction is None and q.hedge is None and not q.words and it.role is None:
        return Claim(it, it.pa, it.pb, None, "percent", it.sent, it.clause, bare=True)
    return None


# --- units -------------------------------------------------------------------------------------

_CURRENCY_KEYS = {
    "dollar": "$", "dollars": "$", "euro": "€", "euros": "€", "pound": "£", "pounds": "£", "cent": "¢", "cents": "¢",
}


def currency_of(q: Quantity) -> str | None:
    if q.currency:
        return _CURRENCY_KEYS.get(q.currency.lower(), q.currency)
    w = q.written
    return w.currency if w is not None else None


def noun_of(q: Quantity) -> str | None:
    n = q.noun
    if not n:
        return None
    unit = lexicon.UNIT_NAMES.get(n.lower())
    if unit is not None:
        return unit  # "77 kilograms", "71 kilos", "71kg": one unit, however spelt
    return n[:-1] if n.endswith("s") else n


def same_unit(a: Quantity, b: Quantity) -> bool:
    """Whether two levels measure the same kind of thing (kind, rate, currency). What they
    count (their nouns) weighs in the score: copy varies its nouns ("43 drivers were
    arrested … compared with 27 arrests")."""
    ka = "count" if a.kind in ("count", "money") else a.kind
    kb = "count" if b.kind in ("count", "money") else b.kind
    return ka == kb and a.per == b.per and currency_of(a) == currency_of(b)


def noun_score(a: Quantity, b: Quantity) -> float:
    na, nb = noun_of(a), noun_of(b)
    if (a.noun or "").lower() in lexicon.REPORTING_PARTICIPLES or (b.noun or "").lower() in lexicon.REPORTING_PARTICIPLES:
        return 0.0  # "97 robberies reported in 2017 and 63 reported in 2018": a verb, not what 63 counts
    if na and nb:
        return 1.0 if na == nb else -3.0
    return 0.0


def is_level(it: Item) -> bool:
    return (it.q.plain or it.q.hedged_level) and it.q.written is not None and it.role not in ("range", "by", "scope")


def rate_level(it: Item) -> bool:
    """A percent change stated as a rate ("the index rose by 16.63 per cent"): the level a
    change in points compares ("- 0.38 per cent points lower than the rate recorded in
    August (17.01) per cent")."""
    q = it.q
    return (q.kind == "percent" and q.direction is not None and q.written is not None and q.hedge is None
            and not q.words and it.role != "range")


# --- gaps between the numbers of a paragraph ------------------------------------------------

# Between a level and the claim after it: "344 slayings, a 13 percent drop", "the 234
# homicides in Baltimore were 17 percent less", "9,379 which represents an increase of".
SUBJECT_GAP = re.compile(
    r"(?:\s+(?:[^\s\d;:.,()]+|(?:19|20)\d\d)){0,4}?\s*(?:[,(\u2014\u2013-]\s*)?"
    r"(?:(?:which|that|this|it)\s+(?:is|was|represents|represented|marks|marked|means|meant)\s+"
    r"|(?:was|were|is|are|has\s+been|have\s+been|represents?|represented|representing|marks?|marked|marking"
    r"|or|and|that['’]s|it['’]s|[a-z]+ing)\s+"
    # ("2,061 graduated on time, a rate of 88.1 percent": the share named after a comma)
    r"|(?<=,\s)(?:a|an)\s+(?:" + lexicon.alternation(lexicon.SHARE_NAME_NOUNS) + r")\s+of\s+)?",
    re.I,
)


# A sentence that adds up the ones before it.
SUM_CUE = re.compile(r"\b(?:net|total|totals|totalled|totaled|combined|together|altogether|in\s+all|all\s+told|overall|sum|adds?\s+up|added\s+up)\b", re.I)


def summed_parts(text: str, items: list[Item], it: Item) -> list[Item]:
    """The levels a level reached in a sentence that sums up ("The net effect: … to 167.8
    million") is the sum of: those the two sentences before reached, or those its own
    sentence reached before its sum word ("dropped from 500 to 497, math from 515 to 514, and
    writing from 491 to 489, for an overall score change from 1506 to 1500"); none when the
    sentence has no sum word before it."""
    cues = [m for m in SUM_CUE.finditer(text, max(0, it.base), it.a) if _ACCOUNT_LINE.match(text, m.end()) is None]
    if not cues:
        return []
    before = [o for o in items if it.sent - 2 <= o.sent < it.sent and o.role == "new" and o.role_word == "to"
              and same_unit(o.q, it.q)]
    if len(before) >= 2:
        return before
    return [o for o in items if o.sent == it.sent and o.b <= cues[0].start() and o.role == "new" and o.role_word == "to"
            and same_unit(o.q, it.q)]


# "net income", "total revenue": a line of accounts after a sum word, no sum
_ACCOUNT_LINE = re.compile(r"\s+(?:normalized\s+|reported\s+|operating\s+)?(?:" + lexicon.alternation(lexicon.ACCOUNT_LINE_NOUNS) + r")\b", re.I)
_TOTAL_BEFORE = re.compile(r"\b(?:totals|totaled|totalled|total\s+of|totaling|totalling)\s+(?:\S+\s+){0,2}?$", re.I)
_INCLUDING = re.compile(r"\s*,?\s+(?:including|of\s+which|made\s+up\s+of|comprising)\s+", re.I)
_AND_LIST = re.compile(r"\band\b", re.I)
# "net migration gain of 82,800 …", "a net loss of 1,200": a net level.
_NET_BEFORE = re.compile(r"\bnet\s+(?:[a-z]+\s+){0,2}(?:gain|loss|increase|decrease|change|inflow|outflow)\s+(?:was\s+|of\s+)$", re.I)
# "… in the May 2024 year was made up of": the level's label, then the words that set it out.
_MADE_UP = re.compile(r"(?:[^\d;:.]|(?:19|20)\d\d){0,40}?\s+(?:was|is|were|are)\s+made\s+up\s+of\s+", re.I)
# "Of those 304 arrests, …", "Of the 52 cases, …", "Of the CPD’s 52 cases, …": a whole a
# sentence opens on.
_OF_WHOLE_BEFORE = re.compile(r"^\W*of\s+(?:the|those|these|all(?:\s+the)?)\s+(?:[A-Z][\w.&-]*['\u2019]s\s+)?$", re.I)
_OPENS_ON_WHOLE = re.compile(r"\W*of\s+(?:the|those|these|all(?:\s+the)?)\s+(?:[A-Z][\w.&-]*['\u2019]s\s+)?\d", re.I)
_WHOLE_COMMA = re.compile(r"(?:\s+[a-z][\w'’-]*){0,3}\s*,\s", re.I)
_AND_CHANGE_GAP = re.compile(
    r"(?:\s+(?:on|from|over|since|than|against|in|for|compared\s+(?:with|to))\s+[^,;:.\d()]{1,50}?(?:\s+(?:19|20)\d\d(?:[/-]\d{2,4})?)?)?"
    r"\s*,?\s+and\s+", re.I)
_OF_AFTER = re.compile(r"\s+of\b", re.I)
# (or in brackets: "rose 3.1% (or 7,138)"; after a period's abbreviation: "rose 0.4 percent
# m-o-m (11 cents)")
_PERIOD_ABBREVIATION = r"(?:\s+(?:m-?o-?m|y-?o-?y|q-?o-?q|mom|yoy|qoq))?"
_OR_GAP = re.compile(_PERIOD_ABBREVIATION + r"\s*(?:,?\s+|\(\s*)or\s+", re.I)
_BRACKET_OPEN = re.compile(_PERIOD_ABBREVIATION + r"\s*\(\s*", re.I)
_BRACKET_CLOSE = re.compile(r"(?:\s+[a-z][\w'’-]*){0,2}\s*\)", re.I)  # "(18,706 inmates)", "(17,079 beds)"
_BECOME_WORDS = frozenset({"become", "becomes", "became"})
_BECOMES_GAP = re.compile(r"\s+(?:(?:would|will|could|might|then|now)\s+)?(?:become|becomes|became)\s+" + lexicon.CURRENCY_CLASS + r"?", re.I)
_CHANGE_OF = re.compile(r"\bof\s*$", re.I)
_LOOSE_TO_GAP = re.compile(r"(?:\s+[a-z][\w'’-]*){0,3}\s+in\s+(?:19|20)\d\d\s*,?\s+to\s+", re.I)
_RESPECTIVE_YEARS = re.compile(r"(?:\s+[a-z][\w'’-]*){0,2}\s+in\s+(?P<y1>(?:19|20)\d\d)\s+and\s+(?P<y2>(?:19|20)\d\d)\s*,?\s+respectively\b", re.I)
# A rate, its period's words, then "down/up from" and its base: " in 2023, down from "
_FROM_GAP = re.compile(r"(?:\s+(?:in|during|for|last|this)\s+[^\d,;.]{0,20}?(?:(?:19|20)\d\d)?)?\s*,?\s+(?:(?:up|down)\s+)?from\s+(?:the\s+)?", re.I)
_PER_PERIODS = frozenset({"per day", "per week", "per month", "per year", "a day", "a week", "a month", "a year", "day", "week", "month", "year"})
_AND_GAP = re.compile(r"(?:\s+[a-z][\w'’-]*){0,2}\s*,?\s+and\s+" + lexicon.CURRENCY_CLASS + r"?", re.I)
_AGAINST_GAP = re.compile(r"\s*,?\s*(?:against|versus|vs\.?|compared\s+(?:with|to))\s+(?:just\s+|only\s+)?", re.I)
_SHARED_UNIT_GAP = re.compile(
    r"\s*(?:(?:in|during|for|on)\s+(?:the\s+)?[A-Za-z]+(?:\s+\d{4})?\s*,?\s*)?(?:to|and|-|\u2013|against|versus|vs\.?)\s*" + lexicon.CURRENCY_CLASS + r"?", re.I)


# --- the number of a level --------------------------------------------------------------------


def written_of(it: Item) -> Written:
    """The number a level prints (every level has one)."""
    assert it.q.written is not None
    return it.q.written
