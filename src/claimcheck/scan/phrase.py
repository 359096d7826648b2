"""The claim phrase around a quantity: its rate, its direction and the words before it.

:func:`extend_phrase` reads the words after a number ("a day", "per 100,000 residents",
"daily arrests", "a 13 percent drop", "of") and looks back for a hedge ("nearly"), framing
("only"), a direction ("fell", "an increase of") and an article, widening the phrase a
claim is quoted by.

Every pattern here runs in linear time on any input; the look-back searches a window of
at most 60 characters, a few times per number.

It is longer than the other modules because the words after a number and the words
before it are read in one pass, each step narrowing the next; split, the two halves would
pass half-built quantities between modules.
"""

from __future__ import annotations

import re
from functools import lru_cache

from claimcheck import lexicon
from claimcheck.scan.quantity import Quantity


_PER_POP = re.compile(
    r"\s+(?:per|for\s+every)\s+(?P<base>1,000,000|100,000|10,000|1,000|1000000|100000|10000|1000|100|thousand|million)\b"
    r"(?:\s+(?:" + lexicon.alternation(lexicon.PER_POPULATION_NOUNS) + r"))?",
    re.I,
)


# "50 killings per 100,000 residents": what the rate counts, between the number and "per"
_NOUN_PER_POP = re.compile(
    r"\s+(?P<noun>[a-z][\w'-]*)(?:\s+[a-z][\w'-]*)?" + _PER_POP.pattern, re.I)


_RATE_NOUN = re.compile(r"(?<=\d)\s+[a-z][\w'-]*(?:\s+[a-z][\w'-]*)?(?=" + _PER_POP.pattern + r")", re.I)


def rate_noun_dropped(phrase: str) -> str:
    """``phrase`` without the noun between a rate's number and its "per 100,000" ("50
    killings per 100,000 residents" → "50 per 100,000 residents"), as the figure language
    reads a rate."""
    return _RATE_NOUN.sub("", phrase)


_PERIODS = lexicon.PERIOD_WORDS

_RATE_AFTER = re.compile(
    r"(?:\s+(?:[A-Za-z][\w'-]*\s+){0,2}?(?:a|per|each|every|an)\s+(?P<p1>day|week|month|year|hour)\b"
    r"(?!\s+(?:ago|earlier|later|prior)\b)"
    r"|\s+(?:[A-Za-z][\w'-]*\s+)?(?P<p2>daily|weekly|monthly|annually|yearly|nightly|hourly)\b(?!\s+(?:basis|average))"
    r"|/(?P<p3>day|week|month|year|hour)\b)",
    re.I,
)


# "46 cents per share", "68 cents a diluted share": an amount per share, not a total
_PER_SHARE = re.compile(r"\s+(?:a|per|for\s+each)\s+(?:" + lexicon.alternation(lexicon.PER_SHARE_NOUNS) + r")\b", re.I)
#: The rate an amount per share is kept as (it is no period: ``Quantity.per``).
PER_SHARE = "per share"


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


# "totalled 3,239,760 up 7.9% from 3,001,603": an "up" or "down" with a number of its
# own after it is that number's direction, not this one's (copy that drops the comma)
_NOT_NEXT_NUMBERS = (r"(?!\s+(?:by\s+)?(?:(?:" + lexicon.alternation([w for w in lexicon.HEDGE_WORDS["nearly"]
                     + lexicon.HEDGE_WORDS["about"] + lexicon.HEDGE_WORDS["more_than"] + lexicon.HEDGE_WORDS["just_over"]
                     + lexicon.HEDGE_WORDS["less_than"] if w != "~"]) + r")\s+)?[~$\u00a3\u20ac]?\d)")


_DIR_AFTER = re.compile(
    r"(?:,\s*or\s+[^,()\d]{0,4}\d[^,()]{0,30},(?=\s+(?:more|less|higher|lower|greater|fewer)\s+than\b)"
    r"|\s+(?:year[\s-]+(?:on|over)[\s-]+year|month[\s-]+(?:on|over)[\s-]+month|quarter[\s-]+(?:on|over)[\s-]+quarter"
    r"|y-?o-?y|yoy|annual|annualised|annualized|quarterly|sequential|overall|net|\((?:yoy|y-o-y|mom|qoq)\)"
    r"|\((?![^()]*(?:%|per\s?cent|\bor\b))[^()\d]{0,4}\d[^()]{0,30}\)"
    # ("$1.24 billion (or 4.9 percent) more than in 2012", "$12.7 million, or 38.9%, more
    # than last August": the change restated in another unit, then its direction)
    r"|\(\s*or\s+[^()\d]{0,4}\d[^()]{0,30}\)(?=\s+(?:more|less|higher|lower|greater|fewer)\s+than\b)"
    # ("an N88.6 billion or 15.8% increase", "a 76% or N1.8 billion decrease": the change noun
    # after the second size is the first one's too)
    r"|or\s+(?:[A-Za-z]{1,3}\$?\s?|" + lexicon.CURRENCY_CLASS + r")?\d[\d,.]*(?:\s?(?:" + lexicon.alternation(list(lexicon.SCALES)) + r"))?"
    r"(?:\s?(?:%|per\s?cent|percent|pc))?(?=\s+(?:" + _UP_NOUNS + "|" + _DOWN_NOUNS + r")s?\b)))*"
    # "562 votes more than the 11,259": what the number counts, then its comparison (else
    # "more than" reads as a claim that 562 is more than 11,259)
    r"(?:\s+(?!(?:" + "|".join(sorted(_NOT_NOUNS)) + r")\b)[a-z][\w'-]*(?=\s+(?:"
    + "|".join(lexicon.UP_COMPARATIVES + lexicon.DOWN_COMPARATIVES) + r")\s+than\b))?"
    r"\s+(?:(?P<upn>(?:" + _UP_NOUNS + r")s?)|(?P<downn>(?:" + _DOWN_NOUNS + r")s?)"
    r"|(?P<upc>" + "|".join(lexicon.UP_COMPARATIVES + ("better", "additional")) + r"|up(?!\s+(?:to|from|for|until|with)\b)" + _NOT_NEXT_NUMBERS + r")"
    r"|(?P<downc>" + "|".join(lexicon.DOWN_COMPARATIVES) + r"|down(?!\s+(?:to|from|for|until|with)\b)" + _NOT_NEXT_NUMBERS + r"))\b",
    re.I,
)

_SHARE_OF_AFTER = re.compile(r"\s+of\b", re.I)
_SIGN_IN_BRACKETS = re.compile(r"\(\s*(?P<sign>[+\-\u2212\u2013])$")
_CLOSE_BRACKET = re.compile(r"\s*\)")
_FROM_NUMBER_AFTER = re.compile(r"(?:\s+[a-z][\w'’-]*){0,2}\s*,?\s+(?:from|compared\s+(?:to|with)|versus|against)\s+(?:a\s+|an\s+|the\s+)?"
                                + lexicon.CURRENCY_CLASS + r"?\d", re.I)
_MONEY_LEVEL_NOUNS = frozenset(n + e for n in lexicon.MONEY_LEVEL_NOUNS for e in ("", "s"))
_LOST_TO, _MONEY_LEVEL_OF = re.compile(r"\s+(?:in\s+\w+\s+)?to\b", re.I), re.compile(r"\b(?:" + lexicon.alternation(lexicon.MONEY_LEVEL_NOUNS) + r")s?\s+of\s*$", re.I)
# "about 2.1 million acres above the 10-year average of 6.3 million": a number (and what it
# counts) set above or below a base named after it is the difference from that base. A
# height or depth ("1,200 feet above sea level", "10 degrees below zero") is a level.
_ABOVE_AFTER = re.compile(
    r"(?:\s+(?!(?:" + "|".join(sorted(_NOT_NOUNS)) + r")\b)[a-z][\w'-]*){0,2}?\s+(?:(?P<up>above)|(?P<down>below))\s+"
    r"(?=(?:the|its|their|his|her|our|last|this|that|a|an|(?:19|20)\d\d)\b)"
    r"(?!(?:the\s+)?(?:" + lexicon.alternation(lexicon.POSITION_DATUMS) + r")\b)",
    re.I,
)
# "at 3.1 percent above the target": a level said where it stands, not a difference; ("…
# to 7,605, or 23% below its peak of 9,817.18": a bare figure after "or" restates the change
# before it, and is read as one)
_LEVEL_BEFORE = re.compile(r"\b(?:at|to|of|hit|reached|reaching|or)\s+(?:" + lexicon.CURRENCY_CLASS + r")?$", re.I)

_UP_WORDS = lexicon.PROSE_UP

_DOWN_WORDS = lexicon.PROSE_DOWN


_NOT_REPORTING = r"(?!(?:" + lexicon.alternation(lexicon.REPORTING_VERBS) + r")\s)"
# ("The increase was 12%", "the increase has been nominal Rs 2,750 crore": a change named
# with "the", then a verb and its size)
_UP_NOUN_OF = tuple(f"{a} {n} of" for n in _UP_NOUNS.split("|") for a in ("a", "an", "the")) + tuple(
    f"{n} of" for n in lexicon.BARE_UP_NOUNS) + tuple(
    f"{a} {n} {v}" for n in _UP_NOUNS.split("|") for a in ("the", "this", "that") for v in lexicon.CHANGE_NOUN_COPULAS)


_DOWN_NOUN_OF = tuple(f"{a} {n} of" for n in _DOWN_NOUNS.split("|") for a in ("a", "an", "the")) + tuple(
    f"{n} of" for n in lexicon.BARE_DOWN_NOUNS) + tuple(
    f"{a} {n} {v}" for n in _DOWN_NOUNS.split("|") for a in ("the", "this", "that") for v in lexicon.CHANGE_NOUN_COPULAS)


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
_PREPOSITION_HEDGES = lexicon.COMPARISON_HEDGES


_CHANGE_BEFORE = re.compile(
    r"(?:%|\bper\s?cent|\bpercent|\bpoints?|\b(?:" + "|".join(lexicon.UP_NOUNS + lexicon.DOWN_NOUNS) + r")s?"
    r"|\b(?:" + lexicon.alternation(lexicon.COMPARISON_DIRECTIONS + lexicon.PAST_CHANGE_VERBS) + r"))\s*$",
    re.I,
)


# A level and its year label, right before a preposition hedge ("to 2,050,832 in 2016 over").
_LEVEL_THEN_TIME = re.compile(r"\d[\d,.]*(?:\s+[a-z]+){0,2}\s+(?:in|during|for)\s+(?:fiscal\s+)?(?:19|20)\d\d\s*$", re.I)


# A sentence that opens by pointing back and compares: "This is higher than …"
_POINTER_IS = re.compile(
    r"\s*[\"'“‘(]*(?:this|that|it|these|those)\s+(?:is|was|are|were|remains|remained)\s+"
    r"(?:(?:still|also|now|slightly|much|far|well)\s+)?", re.I)
# "made up ", "accounted for … up ": the particle "up" of a verb of making up, right before a hedge
_PHRASAL_UP_PARTICLE = re.compile(r"\b(?:made|make|makes|making|sum|sums|summed|add|adds|added|adding)\s+up\s+$", re.I)
# ("women made up 38%", "he put up 44 points on only 16 field goal attempts": scored, not a rise)
_PHRASAL_UP = re.compile(r"\b(?:made|make|makes|making|sum|sums|summed|add|adds|added|adding|account|accounts|accounted|took|take|takes|taking|end|ended|ends|split"
                         r"|put|puts|putting|racked|racks|racking|chalked|chalks|notched|notches|rolled|rolls|ringing|rang|rung|wrapped)\s+$", re.I)


# One look-back step: the last hedge, framing word, direction or article before a
# position. Applied to a window of at most 60 characters, a few times per number.
def _pre_step_pattern(keep) -> str:  # noqa: ANN001
    """_PRE_STEP's pattern with only the phrases ``keep`` accepts (by their last word,
    and whether " by" may follow them)."""

    def alt(words: list[str], by: bool = False) -> str:
        kept = [w for w in words if keep(w, by)]
        return _alt(kept) if kept else "(?!)"

    def noun_of(nouns: str) -> str:
        # "a modest decline of", and "a rise in their bill of", "an increase in real terms of"
        # ("the statewide drop of 38 homicides" too, but not "The (provisional) net migration
        # gain of 52,000": a net flow named with "the" is a level); up to three words (or an
        # abbreviation in brackets), none an article: "a year on year growth of 14 percent", "a
        # year-on-year (YoY) increase of"; no verb a subject reports with: "recorded growth of"
        return (r"|(?:a|an|the(?!(?:\s+[a-z][a-z-]{0,15}){0,2}\s+net\b))\s+(?:" + _NOT_REPORTING
                + r"(?!(?:a|an|the)\s)(?:[a-z][a-z-]{0,15}|\([a-z][a-z-]{1,7}\))\s+){1,3}(?:" + nouns + r")s?\s+of"
                r"|(?:a|an)\s+(?:[a-z][a-z-]{0,15}\s+){0,2}(?:" + nouns + r")s?\s+in\s+(?:[a-z][\w'’-]{0,15}\s+){1,3}of"
                ) if keep("of", False) else ""

    return (
        r"(?:^|(?<=[\s(\u2014\u2013,\"\u201c:;]))(?:"
        r"(?P<dir_up>(?:" + alt(list(_UP_WORDS) + list(_UP_NOUN_OF), True) + r")(?:\s+by)?" + noun_of(_UP_NOUNS) + ")"
        r"|(?P<dir_down>(?:" + alt(list(_DOWN_WORDS) + list(_DOWN_NOUN_OF), True) + r")(?:\s+by)?" + noun_of(_DOWN_NOUNS) + ")"
        r"|(?P<hedge>" + alt(list(_HEDGE_WORDS)) + r")"
        r"|(?P<framing>" + alt([w for w in FRAMING_WORDS]) + r")"
        r"|(?P<art>" + ("a|an" if keep("a", False) or keep("an", False) else "(?!)") + ")"
        r")\s+$|~\s?$"
    )


def _pre_step() -> re.Pattern:
    """_PRE_STEP, the pattern of every phrase, compiled on first use: it costs some 16 ms
    to compile, at every start, and :func:`_pre_step_for` serves every window but one
    ending in "~" ("~40%")."""
    global _PRE_STEP_ALL
    if _PRE_STEP_ALL is None:
        _PRE_STEP_ALL = re.compile(_pre_step_pattern(lambda w, by: True), re.I)
    return _PRE_STEP_ALL


_PRE_STEP_ALL: re.Pattern | None = None


def __getattr__(name: str) -> re.Pattern:
    if name == "_PRE_STEP":  # (module attribute, compiled when first asked for)
        return _pre_step()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


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


class _Step:
    """What :func:`extend_phrase` reads of a _PRE_STEP match: where it starts, and its groups."""

    __slots__ = ("_start", "_groups")

    _NAMES = {0: 0, "dir_up": 1, "dir_down": 2, "hedge": 3, "framing": 4, "art": 5}

    def __init__(self, start: int, groups: tuple) -> None:
        self._start, self._groups = start, groups

    def start(self) -> int:
        return self._start

    def group(self, name: int | str = 0) -> str | None:
        return self._groups[self._NAMES[name]]


def _pre_step_search(last: str | None, s: str, lo: int, pos: int) -> _Step | None:
    """The _PRE_STEP match in ``s[lo:pos]`` (for a window whose last word is ``last``; None
    for one ending in "~"). The pattern reads the window and the one character before it
    (its look-behind); windows repeat across sentences ("rose", "nearly"), so the search
    is kept by what it reads."""
    a = lo - 1 if lo > 0 else 0
    found = _pre_step_in(last, s[a:pos], lo - a)
    return None if found is None else _Step(a + found[0], found[1])


@lru_cache(maxsize=8192)
def _pre_step_in(last: str | None, window: str, at: int) -> tuple[int, tuple] | None:
    m = (_pre_step() if last is None else _pre_step_for(last)).search(window, at)
    return None if m is None else (m.start(), m.group(0, "dir_up", "dir_down", "hedge", "framing", "art"))


# Every _PRE_STEP match ends where the search window ends. When the window holds no two
# whitespace characters in a row, each \s+ in it matches one character, so no match is
# longer than the longest phrase plus " by" and a space: searching only that tail finds
# the same (leftmost) match, at less than half the cost.
_PRE_MAX = max(len(w) for w in list(_UP_WORDS) + list(_DOWN_WORDS) + list(_UP_NOUN_OF) + list(_DOWN_NOUN_OF)
               + list(_HEDGE_WORDS) + list(FRAMING_WORDS)) + len(" by") + 2 + 3 * 17 + 3 + 3 * 17  # three words of up to 16 letters: "a modest annual decline of", "a year on year growth of", and " in" three words: "a rise in their bill of"


# "jumped an annual 7.5%", "rose a seasonally adjusted 0.4%": an article and words that
# qualify the change, between its verb and its size
_QUALIFIED_SIZE = re.compile(
    r"(?:^|(?<=\s))(?:a|an)\s+(?:(?:" + _alt(lexicon.CHANGE_SIZE_QUALIFIERS) + r")\s+){1,2}$", re.I)


# "increased its sales 0.4%": a verb that changes a thing, the thing, then the size (the
# look-back steps over the thing to the verb)
_OBJECT_SIZE = re.compile(
    r"\b(?P<v>" + lexicon.alternation(lexicon.TRANSITIVE_CHANGE_VERBS) + r")\s+(?:its|their|his|her|our|the)\s+(?:[a-z][\w'\u2019-]*\s+){1,3}$", re.I)
_OBJECT_AFTER_VERB = re.compile(r"(?<=\s)(?:its|their|his|her|our|the)\s+(?:[a-z][\w'\u2019-]*\s+){1,3}$", re.I)


_DOUBLE_SPACE = re.compile(r"\s\s")


#: A verb of passing a level, its object and "by", right before an amount: "surpassing the
#: previous record by", "beat the target by".
PASSED_BY = re.compile(
    r"\b(?P<v>" + lexicon.alternation(lexicon.PASS_VERBS + lexicon.BEAT_VERBS) + r")\s+(?:[\w'\u2019-]+\s+){0,4}?by\s+$", re.I)


# "cut its workforce by 10%", "put up their bills by 5%", "sank in its incoming freshman
# enrollment by 191 students", "incurred revenue loss by 23.47%": a verb of change (or a
# change noun) and what changed, then "by" and the size of the change. The words between
# hold no number and no word that ends the predicate (lexicon.CHANGE_BY_BREAKS).
_BY_OBJECT_WORD = r"(?:(?!(?:" + _alt(lexicon.CHANGE_BY_BREAKS) + r")\b)[^\W\d][\w'\u2019-]*\s+)"
# (a change that happened: "cut", "rose", "lowered", "was raising" — not "to increase",
# "will cut", whose change is planned; nor a bare "increase", as often a noun)
_CHANGED_VERBS = [w for w in _UP_WORDS + _DOWN_WORDS if w not in lexicon.COMPARISON_DIRECTIONS
                  and (w.split()[-1].endswith(("ed", "en", "ing")) or w in lexicon.DIRECTION_VERBS)]
_NOT_AFTER_UNREALIZED = "".join(r"(?<!\b" + w + r"\s)" for w in lexicon.UNREALIZED_BEFORE)
# ("rose sharply driven by 12 new officers", "fell, led by 40 fewer deals": a participle
# before "by" names what caused the change, not its size)
_NOT_AGENT = r"(?<!ed\s)" + "".join(r"(?<!\b" + w + r"\s)" for w in lexicon.AGENT_PARTICIPLES)
_CHANGED_BY = (
    _NOT_AFTER_UNREALIZED + r"\b(?:(?P<v>" + _alt(_CHANGED_VERBS) + r")"
    r"|" + _NOT_AFTER_UNREALIZED + r"\b(?P<pv>" + _alt(lexicon.PHRASAL_CHANGE_VERBS) + r")\s+(?P<p>up|down))\s+" + _BY_OBJECT_WORD + r"{1,5}?" + _NOT_AGENT + r"by\s+"
    r"|\b(?P<n>" + _alt(lexicon.UP_NOUNS + lexicon.DOWN_NOUNS) + r")s?\s+by\s+"
)
_BY_BEFORE = re.compile(r"\bby\s$", re.I)
#: The change and what changed before "by" and an amount (searched in a window ending at the amount).
CHANGED_BY = re.compile(_CHANGED_BY + "$", re.I)
_CHANGED_BY_LEAD = re.compile(_CHANGED_BY, re.I)
_UP_SET = frozenset(w.lower() for w in _UP_WORDS) | frozenset(lexicon.UP_NOUNS)


def _changed_by_direction(m: re.Match) -> str:
    if m.group("p"):
        return m.group("p").lower()
    word = (m.group("v") or m.group("n")).lower()
    return "up" if " ".join(word.split()) in _UP_SET else "down"


def changed_by_lead(phrase: str) -> tuple[str, str] | None:
    """A phrase that opens on a change, what changed and "by" ("put up their bills by 5%")
    as its direction and the words after "by" ("up", "5%"); None when it does not."""
    m = _CHANGED_BY_LEAD.match(phrase)
    if m is None:
        return None
    return _changed_by_direction(m), phrase[m.end() :]


def extend_phrase(s: str, q: Quantity, floor: int = 0) -> None:
    """Extend ``q`` with its rate words, direction nouns and the words before it; the
    words before ``floor`` are the phrase of the quantity before it, never this one's
    ("3.5 points higher than 65 percent": "higher than" is the first one's comparison, and
    65 percent its base, not a hedged figure)."""
    rest = s[q.end : q.end + 100]
    pp = (_PER_POP.match(rest) or _NOUN_PER_POP.match(rest)) if q.kind == "count" else None
    if pp:
        if "noun" in pp.groupdict() and pp.group("noun").lower() not in _NOT_NOUNS:
            q.noun = pp.group("noun").lower()
        elif "noun" in pp.groupdict():
            pp = None
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
    if q.kind == "money" and q.per is None and _PER_SHARE.match(s, q.end):
        # ("earned $2.5 billion, or 46 cents per share, … up from $2.2 billion, or 40 cents
        # per share": an amount per share is never a level of the total beside it; the
        # phrase stops at the number, as an average's does)
        q.per = PER_SHARE
    rest = s[q.end : q.end + 100]
    dm2 = _DIR_AFTER.match(rest)
    if dm2 and q.kind == "money" and (dm2.group("downn") or "").lower() in _MONEY_LEVEL_NOUNS:
        pass  # "a $290.4 billion shortfall", "a $3 million loss": a gap or a loss of money is a level
    elif dm2 and q.kind in ("percent", "points", "count", "money", "rate", "multiple"):
        if dm2.group("upn") or dm2.group("upc"):
            q.direction = "up"
        else:
            q.direction = "down"
        q.pend = q.end + dm2.end()
    elif (q.kind in ("percent", "count", "money") and (am := _ABOVE_AFTER.match(rest)) is not None
          and not _LEVEL_BEFORE.search(s, max(0, q.start - 12), q.start)):
        q.direction = "up" if am.group("up") else "down"
        q.pend = q.end + am.end("up" if am.group("up") else "down")
    elif q.kind == "percent" and _SHARE_OF_AFTER.match(rest):
        q.share_of = True
    elif (q.kind == "percent" and (sm := _SIGN_IN_BRACKETS.search(s, max(0, q.start - 3), q.start)) is not None
          and _CLOSE_BRACKET.match(s, q.end)):
        # ("a net increase of 9 000 employees (+0,1%)", "decreased by R6,1 billion (-3,0%)":
        # a signed percent in brackets is a change, its sign the direction)
        q.direction = "down" if sm.group("sign") in "-\u2212\u2013" else "up"
        q.pstart = sm.start("sign")
    if q.noun is None and q.kind in ("count", "rate", "money"):
        nm = _NOUN_AFTER.match(s, q.end)
        if nm and nm.group("noun").lower() not in _NOT_NOUNS:
            q.noun = nm.group("noun").lower()
    # Look back for hedges, framing words, direction words and an article.
    pos = q.start
    framing: list[str] = []
    dir_seen = False
    for _ in range(6):
        lo = max(0, pos - 60)
        lw = _LAST_WORD.search(s, max(0, pos - 30), pos)
        if lw is None or (lw.group(1) is not None and lw.group(1).lower() not in _PRE_LAST_WORDS):
            qm = _QUALIFIED_SIZE.search(s, max(floor, pos - 50), pos) if lw is not None and q.direction is None else None
            if qm is None and lw is not None and q.direction is None and q.kind == "percent" and pos == q.start:
                # "increased its sales 0.4%", "raised its dividend 10% to 55 cents": a verb,
                # the thing it changed, then the size
                qm = _OBJECT_SIZE.search(s, max(floor, pos - 60), pos)
                if qm is not None:
                    qm = _OBJECT_AFTER_VERB.search(s, qm.start("v"), pos)
            if qm is None or qm.start() >= pos:
                break
            pos = qm.start()  # then the verb before it, if any
            continue
        if pos - lo > _PRE_MAX and not _DOUBLE_SPACE.search(s, lo, pos):
            lo = pos - _PRE_MAX
        pm = _pre_step_search(None if lw.group(1) is None else lw.group(1).lower(), s, lo, pos)
        if pm is None or pm.start() < floor:
            break
        if q.kind == "money" and ((pm.group("dir_down") and (_MONEY_LEVEL_OF.search(pm.group("dir_down")) or (
                pm.group("dir_down").strip().lower() == "lost" and _LOST_TO.match(s, q.end))))
                or ((pm.group("dir_up") or "").strip().lower() == "raised" and pos == q.start)):
            break  # "a shortfall of $203.5 billion", "lost $634 million to scammers", "the appeal raised £240,000": levels
        if pm.group("dir_up") or pm.group("dir_down"):
            if _PHRASAL_UP.search(s, max(0, pm.start() - 12), pm.start()) and pm.group(0).strip().lower() == "up":
                break  # "women made up 38%": a share, not a rise
            if q.direction is None:
                q.direction = "up" if pm.group("dir_up") else "down"
            elif pm.group("dir_up") and q.direction == "down" or pm.group("dir_down") and q.direction == "up":
                break  # "rose … a 10% drop": not one phrase
            dir_seen = True
        elif pm.group("hedge"):
            if q.hedge is not None or dir_seen:
                break  # (a hedge sizes the number after it: "aged 65 and over increased by 25%" is no "more than")
            hw = re.sub(r"\s+", " ", pm.group("hedge").lower())
            if hw == "up to":
                vm = _LAST_WORD.search(s, max(0, pm.start() - 20), pm.start())
                if vm is not None and vm.group(1) is not None and vm.group(1).lower() in lexicon.MOVE_VERBS:
                    break  # "would go up to £2,486.21": a rise to a level, its "to" a role word
                if _FROM_NUMBER_AFTER.match(s, q.end):
                    break  # "push … up to £514, from £469", "is up to 605,719 students, compared to 575,925": a move
            if (hw in _PREPOSITION_HEDGES and q.kind not in ("percent", "points")
                    and _CHANGE_BEFORE.search(s, max(0, pm.start() - 40), pm.start())
                    # ("made up more than half": the particle of "made up", no change)
                    and not (_PHRASAL_UP_PARTICLE.search(s, max(0, pm.start() - 16), pm.start()))):
                break  # "a 2.5 percent increase over 184,533": the base of a change, not a hedge
            if hw in _PREPOSITION_HEDGES and _LEVEL_THEN_TIME.search(s, max(0, pm.start() - 50), pm.start()):
                break  # "… to 2,050,832 in 2016 over 1,798,380": the base set against a level and its year
            if hw in _PREPOSITION_HEDGES and _POINTER_IS.fullmatch(s, 0, pm.start()):
                break  # "This is higher than 12.15 percent": a comparison with what "this" points to
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
    if q.direction is None and q.kind in ("count", "money", "percent", "points") and not q.words:
        # "surpassing the previous record by more than 1.29 million", "beat the target by
        # 12%": the amount a level passed another by, a rise over it
        pm = PASSED_BY.search(s, max(floor, q.pstart - 80), q.pstart)
        if pm is not None:
            q.direction = "up"
            q.pstart = pm.start()
    if q.direction is None and q.kind in ("count", "money", "percent", "points") and (not q.words or q.byfrac or q.kind in ("percent", "points")):
        if _BY_BEFORE.search(s, max(floor, q.pstart - 4), q.pstart):
            # "put up their bills by 5%", "sank in its … enrollment by 191 students", "… pass rate by almost
            # five percentage points" (a number word only in a unit of change): what changed, "by", the size
            cm = CHANGED_BY.search(s, max(floor, q.pstart - 80), q.pstart)
            if cm is not None:
                q.direction = _changed_by_direction(cm)
                q.pstart = cm.start()
    if q.kind in ("count", "rate", "money") and q.direction is None and q.hedge is None and s[q.pstart : q.start].strip().lower() in ("a", "an"):
        q.pstart = q.start
