"""The evidence search: for every claimed figure in a paragraph, the printed numbers it was
derived from, if the paragraph gives them unambiguously.

Real copy varies the order of its numbers, puts the subject first ("Philadelphia’s 332
killings were a 15 percent drop from the 392 in 2007"), spreads them over two or three
sentences, gives a difference instead of the old value ("an increase of 324 students or
3.6%"), states a direction only ("rose to 3.8% from 3.5%"), and lists several claims in
one sentence. So no sentence template decides; for each claim this module

1. gathers every quantity nearby that could be evidence: the claim's sentence, the two
   before it and the rest of the paragraph, each a raw level (a count, a sum of money, a
   rate, a percent level) with what it counts and its *role words* — what stands before
   it ("from", "to", "than", "compared with", "up from", "of the", "out of") and the time
   it is labelled with ("in 2007", "last year", "the year before", "2009’s");
2. tries every relation that could produce the claim: a percent change in either order, a
   change in points, a ratio or multiple, a share, a difference, an old value derived from
   a new value and a stated difference, and — for a direction stated alone — the sign of
   the change;
3. scores each candidate on its structure alone (role words that fit, labels whose times
   are in order, the same noun and unit, one clause, distance), never on whether the claim
   comes out right;
4. keeps the best candidate when its structure supports it, and abstains when nothing
   does, or when two candidates about as well supported give different verdicts.

A wrong claim is called inaccurate only when its evidence is unambiguous: a false alarm is
the worst thing this command can do. Every check records the numbers used, the relation
and why they were chosen (:attr:`Check.why`), which every report shows.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Callable, Iterable

from claimcheck import lexicon
from claimcheck.expr.parse import Computation
from claimcheck.numbers import NumberError, Written, expression_text, parse_number, scale_word
from claimcheck.scan.detect import Quantity

#: A candidate needs at least this much structure to be checked at all.
MIN_SCORE = 4.0
#: Candidates within this much of the best are "about as well supported".
MARGIN = 1.5


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


@dataclass(slots=True)
class Candidate:
    relation: str
    computation: Computation
    evidence: tuple[Item, ...]
    score: float
    reasons: list[str] = field(default_factory=list)
    hint: str | None = None


# --- role words -------------------------------------------------------------------------------

_OLD_WORDS = (r"from|than|versus|vs\.?|against|as\s+against|compared\s+(?:with|to)|in\s+comparison\s+(?:with|to)|relative\s+to"
              r"|as\s+opposed\s+to|over|on|since|beat|beats|exceeding|lags|trails|above|below")
_NEW_WORDS = r"to|reached|reaching|hit|hits|totall?ed|totall?ing|stood\s+at|stands\s+at|become|becomes|became"
_MONTH_FILL = "|".join(m for m in ("january february march april may june july august september october november december "
                                   "jan feb mar apr jun jul aug sep sept oct nov dec").split())
# Determiners, possessives and short labels between a role word and its number:
# "from the 396", "from last year's 88", "up from 2009’s 54.2%", "from a 13-year high of 134".
_FILL_WORDS = (r"the|a|an|its|their|his|her|our|last|this|previous|prior|same|record|new|year['’]s|month['’]s|\d{4}['’]s|[a-z]+['’]s|\d+-year"
               r"|high|low|peak|of|total|level|amount|figure|number|budgeted|average|estimated|revised|roughly|about|some"
               r"|just|only|nearly|almost|around|approximately|recent|all-time|record-high"
               r"|" + _MONTH_FILL + r"|\d{4}|\d{4},|rs\.?|inr|ksh|sh|us\$|a\$|nz\$|c\$|r|n")
_FILL = r"(?:(?:" + _FILL_WORDS + r")\s+){0,4}"
# After a strong role word any short run of words may stand before the number: "higher
# than the league average of $160 million", "compared to the rate recorded in February".
_ANY_WORD = r"(?!(?:to|from|than|against|versus|over|on|since|at|and|or|but|while)\b)[a-z][a-z'’-]*"
_STRONG_FILL = r"(?:(?:" + _FILL_WORDS + "|" + _ANY_WORD + r")\s+){0,4}"
_STRONG_OLD = r"from|than|versus|vs\.?|against|as\s+against|compared\s+(?:with|to)|in\s+comparison\s+(?:with|to)|relative\s+to|as\s+opposed\s+to"
# "surpassing the peak of 70,699": a level passed, named after a short noun phrase
_PASSED = lexicon.alternation(lexicon.PASS_VERBS)
_PASS_SET = frozenset(lexicon.PASS_VERBS)
_ROLE_BEFORE = re.compile(
    r"(?:^|\s|\()(?:(?P<w>" + _STRONG_OLD + r")\s+" + _STRONG_FILL
    + r"|(?P<w3>" + _PASSED + r")\s+the\s+" + _STRONG_FILL
    + r"|(?P<w2>" + _OLD_WORDS + "|" + _NEW_WORDS + r"|out\s+of|of\s+(?:all|the|its|their|those|these))\s+" + _FILL + r")[$€£¥]?\(?$",
    re.I,
)
_PAREN_ROLE = re.compile(r"\b(?P<w>" + _STRONG_OLD + r")\s+(?:[^\d;:()]|(?:19|20)\d\d\b){0,60}\($", re.I)
_ROLE = {
    "from": "old", "than": "old", "versus": "old", "vs": "old", "vs.": "old", "against": "old",
    "over": "old", "on": "old", "since": "old", "beat": "old", "beats": "old", "exceeding": "old",
    "lags": "old", "trails": "old", "above": "old", "below": "old",
    "to": "new", "reached": "new", "reaching": "new", "hit": "new", "hits": "new", "totaled": "new",
    "totalled": "new", "totaling": "new", "totalling": "new", "stood at": "new", "stands at": "new",
    "become": "new", "becomes": "new", "became": "new",
    "out of": "whole", "of all": "whole", "of the": "whole", "of its": "whole", "of their": "whole",
    "of those": "whole", "of these": "whole",
}
# Time labels: after a number ("344 in 2007", "88 last year", "the 392 the year before"),
# or before it ("In 2016 there were 1,433", "2009’s 54.2%").
_YEAR = r"(?:19|20)\d\d"
_MONTH_NUM = {m: i % 12 + 1 for i, m in enumerate(lexicon.MONTHS)}
_MONTH_NUM.update({m: i + 1 for i, m in enumerate(lexicon.MONTHS[:12])})
_MONTH = lexicon.alternation(lexicon.MONTHS)
_LABEL_PERIOD = lexicon.alternation(lexicon.LABEL_PERIODS)
_PAST = (r"last\s+(?:" + _LABEL_PERIOD + r")|the\s+(?:year|month|week|quarter|day)\s+before"
         r"|a\s+(?:year|month|week|decade)\s+(?:earlier|ago|before)|(?:the\s+)?(?:previous|prior|preceding)\s+(?:year|month|week|quarter|period|season)"
         r"|(?:in\s+)?the\s+same\s+(?:period|month|quarter|week|time)\s+(?:last\s+year|a\s+year\s+(?:earlier|ago))|year[\s-]ago|a\s+year\s+earlier"
         r"|the\s+corresponding\s+(?:period|quarter)|earlier|previously|before|formerly")
_PRESENT = r"this\s+(?:" + _LABEL_PERIOD + r")|now|currently|so\s+far\s+this\s+year|today"
_TIME_AFTER = re.compile(
    r"^(?:\s+[a-z][\w'-]*){0,3}?\s*,?\s*(?:(?:in|during|for|as\s+of|by|at\s+the\s+end\s+of|through)\s+(?:fiscal\s+|calendar\s+|the\s+)?(?:(?P<month>" + _MONTH + r")\.?\s+)?(?P<year>" + _YEAR + r")\b"
    r"|(?:in|during)\s+(?P<month2>" + _MONTH + r")\b(?:\s+(?P<year2>" + _YEAR + r"))?"
    r"|in\s+the\s+(?:year|12\s+months|twelve\s+months|quarter|period)\s+(?:to|ending|ended|through)\s+(?:(?P<month3>" + _MONTH + r")\s+)?(?P<year3>" + _YEAR + r")\b"
    r"|(?P<past>" + _PAST + r")|(?P<present>" + _PRESENT + r"))",
    re.I,
)
_TIME_BEFORE = re.compile(
    r"(?:(?:in|during|for|by|on|as\s+of)\s+(?:fiscal\s+|calendar\s+)?(?:(?P<month>" + _MONTH + r")\s+)?(?P<year>" + _YEAR + r")(?:\s*,)?(?:\s+[a-z][\w'-]*){0,4}"
    r"|(?:in|during)\s+(?P<month2>" + _MONTH + r")(?:\s*,)?(?:\s+[a-z][\w'-]*){0,3}"
    r"|(?P<poss>" + _YEAR + r")['’]s(?:\s+[a-z][\w'-]*){0,2}"
    r"|(?P<past>last\s+year|a\s+year\s+(?:earlier|ago)|the\s+(?:previous|prior)\s+year)['’]?s?,?(?:\s+[a-z][\w'-]*){0,3}"
    r"|(?P<present>this\s+year)['’]?s?,?(?:\s+[a-z][\w'-]*){0,3})\s+[$€£¥]?\(?$",
    re.I,
)
# "ranged from 1.91% to 6.89%", "between 15 and 29": the ends of a range are no levels.
_RANGE_BEFORE = re.compile(
    r"\b(?:range[sd]?|ranging|varie[sd]|varying|vary|spread|spans?|spanned|between)\s+(?:\w+\s+)?(?:from\s+)?[$€£¥]?$"
    r"|\b(?:range[sd]?|ranging|varie[sd]|varying|vary|spread|between)\s+(?:from\s+)?[^,;]{0,30}?\s+(?:to|and)\s+[$€£¥]?$",
    re.I,
)
# "declined by £1 to £411", "up by 26": a difference, not a level.
_BY_BEFORE = re.compile(r"\bby\s+(?:(?:just|only|some|about|around|nearly|almost|roughly|a\s+further|another)\s+)?[$€£¥]?$", re.I)
# Partial and whole periods: "12 in the first half of the year" against "52 in the entirety of 2023".
_PARTIAL_PERIOD = re.compile(r"\b(?:first|second|third|fourth|final|last)\s+(?:half|quarter|(?:\w+\s+)?months)\b|\bso\s+far\b|\byear[\s-]+to[\s-]+date\b|\bthrough\s+(?:" + _MONTH + r")\b", re.I)
_WHOLE_PERIOD = re.compile(r"\b(?:entire(?:ty)?|whole|full[\s-]+year|all\s+of)\b", re.I)
# The claim naming its own base by a time: "9% lower in 2019 than a decade earlier in
# 2009", "21.7 percent lower than August 2022".
_BASE_TIME = re.compile(
    r"[^;.]{0,40}?\b(?:than|from|since|compared\s+(?:with|to)|over|on|versus|vs\.?)\s+(?:(?:the\s+)?(?:same\s+\w+\s+(?:in|of)\s+)?)?"
    r"(?:(?:(?P<month>" + _MONTH + r")\.?\s+)?(?P<year>" + _YEAR + r")\b(?!,\d|\.\d|\d|%)|(?P<month_only>" + _MONTH + r")\b(?!\s*\d))"
    r"|[^;.]{0,40}?\b(?:than|from|over|on|compared\s+(?:with|to))\s+(?:a|one|two|three|five|ten)\s+(?:decade|years?)\s+(?:earlier|ago|before)",
    re.I,
)
# The claim naming its base relatively: "rose 8% from a year earlier", "over last year".
_BASE_RELATIVE = re.compile(
    r"[^;.]{0,20}?\b(?:from|over|on|than|compared\s+(?:with|to)|versus)\s+(?:a\s+year\s+(?:earlier|ago|before)|last\s+year|the\s+(?:previous|prior)\s+year"
    r"|the\s+same\s+(?:period|month|quarter|time)\s+(?:last\s+year|a\s+year\s+(?:earlier|ago)))",
    re.I,
)
_OTHER_PERIOD = re.compile(r"\b(?:quarter|month|week|half)\b(?![\s-]+(?:a|one|last)\s+year)", re.I)
# "grown an average of 5% a year": a yearly rate, compounded, never the total change.
_PER_PERIOD_AFTER = re.compile(r"\s+(?:a|per|each|every)\s+(?:year|month|week|day|quarter|decade)\b|\s+(?:annually|yearly)\b", re.I)
_PER_PERIOD_BEFORE = re.compile(r"\b(?:annual(?:ly|ized|ised)?|yearly|compound(?:ed)?|an\s+average\s+of|average\s+annual)\b[^,;:]{0,30}$", re.I)
# "Economists had expected sales to rise 5%": a forecast, not a claim about the numbers.
_EXPECTED = re.compile(r"\b(?:expect(?:ed|s|ing)?|forecasts?|forecasted|projected|predicted|anticipated|hoped|aimed|targets?|targeted|budgeted|estimated\s+to|plans?\s+to|planned\s+to|would|could|might)\b[^,;:]{0,40}$", re.I)
# Places: "in Austin", "in California" after a number or in the claim's clause.
_PLACE_AFTER = re.compile(r"(?:\s+[a-z][\w'’-]*){0,2}?\s+in\s+(?P<place>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b")
_PLACE_BEFORE = re.compile(r"\bin\s+(?P<place>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b")
_MONTH_NAMES = frozenset(m.capitalize() for m in lexicon.MONTHS) | {"The", "A", "An", "Q1", "Q2", "Q3", "Q4"}
_EM_DASH = re.compile("\u2014")
_CLAUSE_BREAK = re.compile(r";|\u2014|\s--\s|:\s|[,.!?][\u201d\"]|[\u201d\"],|,\s+(?=(?:while|whereas|but)\b)")

# The relations, and how each is written in the report.
_REL = {
    "pct_change": "percent change",
    "pp_change": "change in percentage points",
    "diff": "difference",
    "ratio": "ratio",
    "share": "share",
}

# Not a part of a hyphenated word: "the clean-up", "a follow-up", "up-to-date".
_DIRECTION_VERB = re.compile(
    r"(?<![-\u2010\u2011])\b(?P<v>(?:" + lexicon.alternation(lexicon.DIRECTION_VERBS + lexicon.PASS_VERBS)
    + r"|an?\s+(?:(?:" + lexicon.alternation(lexicon.CHANGE_SIZE_ADJECTIVES) + r")(?:\s+and)?\s+){1,3}(?:"
    + lexicon.alternation(lexicon.UP_NOUNS + lexicon.DOWN_NOUNS) + r")))\b(?![-\u2010\u2011]\w)", re.I)
# A sentence holds a direction verb only if it holds the last word of one; a set lookup
# says so for most sentences before the pattern tries every alternative at every word.
# (The four characters that match an ASCII letter under re.I but lower-case to none send
# a sentence to the pattern whatever its words.)
_DIRECTION_LAST = frozenset([v.split()[-1] for v in lexicon.DIRECTION_VERBS + lexicon.PASS_VERBS]
                            + list(lexicon.UP_NOUNS + lexicon.DOWN_NOUNS))
_WORD_RE = re.compile(r"[a-z]+")
_CASE_FOLDS = re.compile("[\u0130\u0131\u017f\u212a]")


def _may_hold_direction(piece: str) -> bool:
    return not _DIRECTION_LAST.isdisjoint(_WORD_RE.findall(piece.lower())) or _CASE_FOLDS.search(piece) is not None


_PHRASAL_BEFORE = re.compile(r"\b(?:made|make|makes|making|sum|sums|summed|add|adds|added|adding|took|take|takes|end|ended|ends|set|sets)\s+$", re.I)
_ANCHOR_VERB = re.compile(r"\b(?:went|go|goes|going|moved|moves|changed|shifted|swung)(?=\s+from\b)", re.I)
_ROLE_AFTER_VERB = re.compile(r"\s+(?:from|on|than|over|compared)\b", re.I)


_UP_SET = frozenset(lexicon.UP_WORDS) | frozenset(lexicon.SEARCH_UP_WORDS)
_DOWN_SET = frozenset(lexicon.DOWN_WORDS) | frozenset(lexicon.SEARCH_DOWN_WORDS)


def _verb_direction(text: str) -> str | None:
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
    piece = text[start:end]
    dashes = [m.start() for m in _EM_DASH.finditer(piece)] if "\u2014" in piece else []
    paired = set()
    for a, b in zip(dashes, dashes[1:]):
        if b - a <= 40:
            paired.update((a, b))
    return [start] + [m.end() + start for m in _CLAUSE_BREAK.finditer(piece) if m.start() not in paired]


def may_hold_claims(text: str, sentences: list[tuple[int, int, list[Quantity]]]) -> bool:
    """False only when no sentence of ``sentences`` can hold a claim: plain levels alone,
    with no direction, anchor or sum word beside them ("412 homicides last year"). Such a
    paragraph has no finding, and its evidence search is skipped (it is still the context
    of the next paragraph)."""
    for sa, sb, qs in sentences:
        if not qs:
            continue
        if any(q.kind not in ("count", "rate", "money") or q.direction or q.share_of for q in qs):
            return True
        piece = text[sa:sb]
        if _may_hold_direction(piece) or _ANCHOR_VERB.search(piece) or _SUM_CUE.search(piece):
            return True
    return False


def build_items(text: str, sentences: list[tuple[int, int, list[Quantity]]]) -> tuple[list[Item], list[Claim]]:
    """The paragraph's quantities as items, and its claims."""
    items: list[Item] = []
    claims: list[Claim] = []
    clause_id = 0
    for k, (sa, sb, qs) in enumerate(sentences):
        starts = _clauses(text, sa, sb)

        def clause_of(pos: int, starts: list[int] = starts, first: int = clause_id) -> int:
            return first + bisect.bisect_right(starts, pos) - 1

        for q in qs:
            it = Item(q, k, sa, clause_of(sa + q.start))
            _roles(text, sa, it)
            items.append(it)
            claim = _claim_of(it)
            if claim is not None:
                claim.sa = sa
                claim.noun = _claim_noun(text, claim.end)
                claims.append(claim)
        if not qs:
            # no number in the sentence: no direction or anchor of its own can be checked
            clause_id += len(starts)
            continue
        for m in _ANCHOR_VERB.finditer(text, sa, sb):
            # "deportations went from 1,000 to 1,500": a change with no direction word; it is
            # checked only through a claim beside it, but its numbers are its own
            claims.append(Claim(None, m.start(), m.end(), None, "anchor", k, clause_of(m.start()), sa=sa))
        for m in _DIRECTION_VERB.finditer(text, sa, sb) if _may_hold_direction(text[sa:sb]) else ():
            pos = m.start()
            if any(it.pa < m.end() and pos < max(it.pb, it.b) for it in items if it.sent == k):
                continue
            if m.group("v").lower() == "up" and _PHRASAL_BEFORE.search(text, max(sa, pos - 12), pos):
                continue  # "made up", "adds up": no change
            # "344 last year, up from 211": a direction, and the role word of the number after it
            quiet = (bool(_ROLE_AFTER_VERB.match(text, m.end())) and m.group("v").lower() in ("up", "down", "higher", "lower")
                     ) or m.group("v").lower() in _PASS_SET
            claims.append(Claim(None, m.start(), m.end(), _verb_direction(m.group("v")), "direction", k, clause_of(pos), sa=sa,
                                quiet=quiet))
        clause_id += len(starts)
    # "The net effect: the labor force grew by 736,000 people to 167.8 million": in a
    # sentence that sums up, a level reached ("to 167.8 million") is claimed as the sum of
    # the levels the sentences before reached
    for it in items:
        if it.role == "new" and it.role_word == "to" and _SUM_CUE.search(text, max(0, it.base), it.a):
            before = [o for o in items if it.sent - 2 <= o.sent < it.sent and o.role == "new" and o.role_word == "to"
                      and same_unit(o.q, it.q)]
            if len(before) >= 2:
                claims.append(Claim(it, it.pa, it.pb, None, it.q.kind, it.sent, it.clause, sa=it.base, summed=True))
    # "from 28.3 to 32.3 per 100,000 residents", "from 8.1 to 9.4 million": the unit written
    # once after the second number is the first's too
    for x, y in zip(items, items[1:]):
        if x.sent == y.sent and _SHARED_UNIT_GAP.fullmatch(text, x.b, y.a) and x.q.written is not None:
            if y.q.per and not x.q.per and x.q.kind == "count":
                x.q.per, x.q.kind = y.q.per, y.q.kind
            if y.q.noun and not x.q.noun:
                x.q.noun = y.q.noun
            for a, b in ((x, y), (y, x)):
                # "from 62.8 to 62.9 percent", "from 21.79 percent in February to 22.95 in March"
                if b.q.kind == "percent" and a.q.kind == "count" and not a.q.currency and a.q.written is not None \
                        and a.q.written.value <= 100 and not a.q.noun:
                    try:
                        a.q.written = parse_number(expression_text(a.q.written) + "%")
                        a.q.kind = "percent"
                    except NumberError:
                        pass
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
    # "estimated at 50,900 … compared with 52,700": the old level's own new level
    for x, y in zip(items, items[1:]):
        if (y.role == "old" and x.clause == y.clause and x.q.plain and y.a - x.b <= 70
                and not any(c.item is None and x.b <= c.start < y.a and not c.quiet for c in claims)):
            y.partner = x
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
                elif c.start >= it.b and _SUBJECT_GAP.fullmatch(text, it.b, c.start):
                    d = c.start - it.b  # "… against Rs 298 crore, up 14 per cent"
                else:
                    continue
                if 0 <= d < best_d:
                    best, best_d = c, d
            it.link = best
    return items, claims


_CLAIM_NOUN = re.compile(r"\s+(?:in|of)\s+(?:the\s+)?(?:number\s+of\s+)?(?P<words>(?:[a-z][\w'’-]*\s+){0,2}?[a-z][\w'’-]*)(?=\s*(?:[,.;:()]|$|\s+(?:and|or|from|to|in|on|at|for|compared|than|over|since|between|during|last|this|year|as|with|while|but)\b))", re.I)
_NOT_CLAIM_NOUNS = frozenset("the a an its their this that year years month months quarter period total cost price value rate number level".split())


def _claim_noun(text: str, end: int) -> str | None:
    """What a claim counts, named after it: "an increase in transfers" → transfer."""
    m = _CLAIM_NOUN.match(text, end)
    if m is None:
        return None
    word = m.group("words").split()[-1].lower().strip("'’")
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


def _roles(text: str, sa: int, it: Item) -> None:
    q = it.q
    if q.roles is not None:  # the sentence was read as context of the paragraph before
        it.role, it.role_word, it.time, it.memo["time_before"] = q.roles
        return
    _read_roles(text, sa, it)
    q.roles = (it.role, it.role_word, it.time, it.memo.get("time_before", False))


def _read_roles(text: str, sa: int, it: Item) -> None:
    lo = max(sa, it.pa - 60)  # every role pattern is anchored at the number, and shorter than this
    head = text[lo : it.pa]
    cut = max(head.rfind(";"), head.rfind(":"), head.rfind("\u2014"))
    if cut >= 0:
        head = head[cut + 1 :]
    if _RANGE_BEFORE.search(head):
        it.role, it.role_word = "range", "range"
    elif _PERCENT_OF.search(head):
        it.role, it.role_word = "whole", "of"  # "29% of 950 hires"
    elif _BY_BEFORE.search(head):
        it.role, it.role_word = "by", "by"
    elif m := _ROLE_BEFORE.search(head):
        w = re.sub(r"\s+", " ", (m.group("w") or m.group("w2") or m.group("w3")).lower())
        it.role_word = w
        it.role = "old" if w in _PASS_SET else _ROLE.get(w, _ROLE.get(w.split()[0]))
        if w.startswith(("compared", "in comparison", "relative", "as against", "as opposed")):
            it.role = "old"
    elif head.endswith("(") and (m := _PAREN_ROLE.search(head)):
        # "lower than the rate recorded in August (17.01) per cent": the number in brackets
        # is the value of what the comparison names
        it.role_word = re.sub(r"\s+", " ", m.group("w").lower())
        it.role = "old"
    tail = text[it.b : it.b + 90]
    # skip the noun the number counts ("344 slayings in 2007")
    tm = _TIME_AFTER.match(tail)
    if tm:
        it.time = _time(tm)
    else:
        bm = _TIME_BEFORE.search(text[max(sa, it.a - 60) : it.a])
        if bm:
            it.time = _time(bm)
            it.memo["time_before"] = True


def _time(m: re.Match) -> tuple[int, int] | None:
    g = m.groupdict()
    year = g.get("year") or g.get("year2") or g.get("year3") or g.get("poss")
    month = g.get("month") or g.get("month2") or g.get("month3")
    if year:
        return (int(year), _MONTH_NUM.get(month.lower().rstrip("."), 0) if month else 0)
    if month:
        return (1, _MONTH_NUM.get(month.lower().rstrip("."), 0))  # a month alone: order within one year
    if g.get("past"):
        if re.match(r"the\s+(?:year|month|week|quarter|day)\s+before|(?:the\s+)?(?:previous|prior|preceding)\s+", g["past"], re.I):
            return (0, -2)  # "1,130 dogs last year and 870 the year before"
        return (0, -1)
    if g.get("present"):
        return (0, 0)
    return None


# --- units -------------------------------------------------------------------------------------

_CURRENCY_KEYS = {
    "dollar": "$", "dollars": "$", "euro": "€", "euros": "€", "pound": "£", "pounds": "£", "cent": "¢", "cents": "¢",
}


def _currency(q: Quantity) -> str | None:
    if q.currency:
        return _CURRENCY_KEYS.get(q.currency.lower(), q.currency)
    w = q.written
    return w.currency if w is not None else None


def _noun(q: Quantity) -> str | None:
    n = q.noun
    if not n:
        return None
    return n[:-1] if n.endswith("s") else n


def same_unit(a: Quantity, b: Quantity) -> bool:
    """Whether two levels measure the same kind of thing (kind, rate, currency). What they
    count (their nouns) weighs in the score: copy varies its nouns ("43 drivers were
    arrested … compared with 27 arrests")."""
    ka = "count" if a.kind in ("count", "money") else a.kind
    kb = "count" if b.kind in ("count", "money") else b.kind
    return ka == kb and a.per == b.per and _currency(a) == _currency(b)


def _noun_score(a: Quantity, b: Quantity) -> float:
    na, nb = _noun(a), _noun(b)
    if na and nb:
        return 1.0 if na == nb else -3.0
    return 0.0


def _level(it: Item) -> bool:
    return it.q.plain and it.q.written is not None and it.role not in ("range", "by")


def _rate_level(it: Item) -> bool:
    """A percent change stated as a rate ("the index rose by 16.63 per cent"): the level a
    change in points compares ("- 0.38 per cent points lower than the rate recorded in
    August (17.01) per cent")."""
    q = it.q
    return (q.kind == "percent" and q.direction is not None and q.written is not None and q.hedge is None
            and not q.words and it.role != "range")


# --- scoring ---------------------------------------------------------------------------------------


def _distance(claim: Claim, *items: Item) -> tuple[float, list[str]]:
    """Structure shared by every relation: evidence in one clause with the claim, in its
    sentence, or sentences away; and the evidence itself in one clause or split."""
    score = 0.0
    why: list[str] = []
    if all(it.clause == claim.clause for it in items):
        score += 2
        why.append("in the claim's clause")
    elif all(it.sent == claim.sent for it in items):
        score -= 1
        why.append("in the claim's sentence")
    else:
        gap = max(abs(claim.sent - it.sent) for it in items)
        later = any(it.sent > claim.sent for it in items)
        if (claim.anaphoric and not later and gap <= 2) or (claim.later_ok and later and gap == 1):
            score += 1
            why.append("the sentence before, which the claim points back to")
        else:
            score -= gap + (1 if later else 0)
            why.append(f"{gap} sentence{'s' if gap != 1 else ''} {'after' if later else 'before'}")
    if any(it.ctx for it in items):
        score -= 2
        why.append("in the paragraph before")
    clauses = {it.clause for it in items}
    if len(clauses) > 1:
        # "344 …; … the 392 …": numbers in two clauses are usually about two things
        same_sentence = len({it.sent for it in items}) == 1
        score -= 2 if same_sentence else 1
    return score, why


_LABEL_END = re.compile(r"[;.]|,\s+(?!\d)")
_FROM_TO_GAP = re.compile(
    r"(?:\s+[a-z][\w'’-]*){0,3}?(?:\s+\([^()]{0,30}\))?(?:\s+(?:in|last|during)\s+[^,;]{0,25}?)?\s*,?\s+to\s+"
    r"(?:a\s+(?:record\s+)?(?:high|low)\s+of\s+|about\s+|around\s+|some\s+)?", re.I)
_TO_FROM_GAP = re.compile(
    r"(?:\s+[a-z][\w'’-]*){0,3}?(?:\s+(?:in|last|this|during)\s+[^,;]{0,25}?)?\s*,?\s+"
    r"(?:(?:up|down)\s+from|from|compared\s+(?:with|to)|versus|vs\.?|against)\s+", re.I)


def _label_text(text: str, it: Item) -> str:
    hit = it.memo.get("label")
    if hit is None:
        tail = text[it.b : it.b + 70]
        cut = _LABEL_END.search(tail)
        hit = it.memo["label"] = tail[: cut.start()] if cut else tail
    return hit


def _period_kind(text: str, it: Item) -> tuple[bool, bool]:
    hit = it.memo.get("period")
    if hit is None:
        label = _label_text(text, it)
        hit = it.memo["period"] = (bool(_PARTIAL_PERIOD.search(label)), bool(_WHOLE_PERIOD.search(label)))
    return hit


def _periods_clash(text: str, old: Item, new: Item) -> bool:
    (pa, wa), (pb, wb) = _period_kind(text, old), _period_kind(text, new)
    return (pa and wb) or (pb and wa)


def _base_time(text: str, claim: Claim) -> tuple[int, int] | None | bool:
    """The time the claim says it is measured from, when it names one instead of a
    number: (year, month), (1, month) for a month alone; True for a base it names only
    relatively ("a decade earlier")."""
    m = _BASE_TIME.match(text, claim.end, claim.end + 90)
    if m is None:
        return None
    if m.group("month_only"):
        return (1, _MONTH_NUM.get(m.group("month_only").lower().rstrip("."), 0))
    if m.group("year") is None:
        return True
    month = m.group("month")
    return (int(m.group("year")), _MONTH_NUM.get(month.lower().rstrip("."), 0) if month else 0)


_CLAIM_PERIOD = re.compile(r"\s+(?:in|during|for)\s+(?:(?P<month>" + _MONTH + r")\.?(?:\s+(?P<year>" + _YEAR + r"))?|(?P<year2>" + _YEAR + r"))\b(?!\s*(?:to|-)\s)", re.I)


_SPAN_AFTER = re.compile(
    r"[^;.,]{0,25}?\b(?:over|during|in|across|within|for)\s+(?:the\s+)?(?:past|last|previous|preceding)\s+"
    r"(?:(?P<n>\d{1,2}|" + lexicon.alternation([w for w in lexicon.ONES if w not in ("zero", "one")] + ["twenty", "thirty", "fifty"]) + r")\s+years|(?P<decade>decade))\b",
    re.I,
)


def _claim_span(text: str, claim: Claim) -> int | None:
    """The number of years a claim says its change spans: "plunged 27 percent during the
    past five years" → 5."""
    m = _SPAN_AFTER.match(text, claim.end)
    if m is None:
        return None
    if m.group("decade"):
        return 10
    n = m.group("n")
    return int(n) if n.isdigit() else lexicon.word_number(n)


def _spans_years(old: Item, new: Item, years: int) -> bool:
    """Whether the two levels are labelled ``years`` years apart."""
    if old.time and new.time and old.time[0] > 1 and new.time[0] > 1:
        return new.time[0] - old.time[0] == years
    return False


def _claim_period(text: str, claim: Claim) -> tuple[int, int] | None:
    """The period a claim says it is about, right after it: "fell 20% in June"."""
    m = _CLAIM_PERIOD.match(text, claim.end)
    if m is None:
        return None
    year = m.group("year") or m.group("year2")
    month = m.group("month")
    return (int(year) if year else 1, _MONTH_NUM.get(month.lower().rstrip("."), 0) if month else 0)


def _place(text: str, it: Item) -> str | None:
    if "place" not in it.memo:
        m = _PLACE_AFTER.match(text, it.b, it.b + 50)
        it.memo["place"] = m.group("place") if m and m.group("place").split()[0] not in _MONTH_NAMES else None
    return it.memo["place"]


def _claim_place(text: str, claim: Claim) -> str | None:
    head = text[max(claim.sa, claim.start - 80) : claim.start]
    cut = max(head.rfind(";"), head.rfind(","))
    places = [m.group("place") for m in _PLACE_BEFORE.finditer(head[cut + 1 :]) if m.group("place").split()[0] not in _MONTH_NAMES]
    return places[-1] if places else None


def _role(it: Item, claim: Claim) -> str | None:
    """The number's role for this claim: a role word that belongs to another claim does
    not make it this claim's old or new level; a number the claim's own words bind has
    the role they give it."""
    if it is claim.old:
        return "old"
    if it is claim.new:
        return "new"
    if it.link is None or it.link is claim or it.link.group == claim.group:
        return it.role
    return "other"


def _change_score(claim: Claim, text: str, old: Item, new: Item) -> tuple[float, list[str]]:
    score, why = _distance(claim, old, new)
    old_role, new_role = _role(old, claim), _role(new, claim)
    if old.partner is not None and old.partner is not new:
        score -= 4
    if _periods_clash(text, old, new):
        score -= 6
    if old_role == "old":
        score += 3
        if old.role_word:
            why.append(f"'{old.role_word}' before {old.q.num}")
    elif old_role in ("new", "other"):
        score -= 3
    if new_role == "new":
        score += 2
        if new.role_word:
            why.append(f"'{new.role_word}' before {new.q.num}")
    if not claim.anaphoric and old_role != "old" and (old.sent != claim.sent or new.sent != claim.sent):
        score -= 2  # numbers from another sentence, and nothing but a time to say which is old
    elif new_role in ("old", "other"):
        score -= 3
    if old_role == "whole" or new_role == "whole":
        score -= 1
    if old.time and new.time and _comparable(old.time, new.time):
        if _before(old.time, new.time):
            score += 2
            why.append("times in order")
        elif _before(new.time, old.time):
            score -= 5
        else:
            score -= 1
    elif old.time and old.time[0] == 0 and old.time[1] < 0:
        score += 1.5
        why.append(f"{old.q.num} is the earlier")
    elif new.time and new.time[0] == 0 and new.time[1] < 0 and not (old.time and old.time[0] > 1):
        # ("109 homicides last year … from the 132 killings in 2010": a relative label
        # and a year cannot be ordered)
        score -= 3
    # "from O to N" / "to N from O" written out
    gap = text[old.b : new.a] if old.a < new.a else text[new.b : old.a]
    if old.a < new.a and _FROM_TO_GAP.fullmatch(gap):
        score += 2
        why.append("from … to …")
    elif new.a < old.a and _TO_FROM_GAP.fullmatch(gap):
        score += 2
        why.append("… from …")
    # subject first: the new level just before the claim, the old one after it
    if claim.item is not None and new.a < claim.start < old.a and new.clause == claim.clause == old.clause:
        score += 1.5
        why.append("subject first")
    score += _noun_score(old.q, new.q)
    if claim.noun:
        said = [_noun(it.q) for it in (old, new) if _noun(it.q)]
        if said and all(n == claim.noun or n.startswith(claim.noun) or claim.noun.startswith(n) for n in said):
            score += 2
            why.append(f"the claim is about {claim.noun}s, as the numbers are")
        elif said:
            score -= 3
    if not (old_role or new_role or old.time or new.time) and old.a < new.a:
        score += 0.5
    return score, why


def _share_score(claim: Claim, text: str, part: Item, whole: Item) -> tuple[float, list[str]]:
    score, why = _distance(claim, part, whole)
    lo, hi = (part, whole) if part.a < whole.a else (whole, part)
    gap = text[lo.b : hi.a]
    if part.a < whole.a and re.fullmatch(r"(?:\s+[a-z][\w'’-]*){0,2}\s+(?:of|out\s+of|in)\s+(?:the\s+|all\s+|its\s+|their\s+|every\s+)?", gap, re.I):
        score += 4
        why.append(f"{part.q.num} of {whole.q.num}")
    elif whole.a < part.a and re.search(r"\bof\s+(?:the\s+|all\s+|those\s+|these\s+)?$", text[max(0, whole.a - 14) : whole.a], re.I):
        score += 3
        why.append(f"of {whole.q.num}, {part.q.num}")
    elif whole.role == "whole":
        score += 2
        why.append(f"'{whole.role_word}' before {whole.q.num}")
    if claim.item is not None:
        # the claim beside its part: "1,469 …, or 41 percent", "(23%)"
        between = text[part.b : claim.start] if part.b <= claim.start else text[claim.end : part.a]
        if len(between) <= 40 and re.fullmatch(r"[^;.]*?(?:,\s*or|\(|,|\u2014|or)\s*", between, re.I):
            score += 2
            why.append("the claim beside its part")
    if _noun(part.q) and _noun(part.q) == _noun(whole.q):
        score += 1
    # "Of all calls, 239 were for fire, or 7 percent": the whole named by its noun, earlier
    of_all = _OF_ALL.search(text, claim.sa, part.a)
    if of_all and _noun(whole.q) and of_all.group("noun").lower().rstrip("s") == _noun(whole.q):
        score += 4
        why.append(f"'of all {of_all.group('noun')}' names {whole.q.num}")
    return score, why


# --- bindings: the numbers the words right around a claim tie to it ----------------------------

# Between a level and the claim after it: "344 slayings, a 13 percent drop", "the 234
# homicides in Baltimore were 17 percent less", "9,379 which represents an increase of".
_SUBJECT_GAP = re.compile(
    r"(?:\s+[^\s\d;:.,()]+){0,4}?\s*(?:[,(\u2014\u2013-]\s*)?"
    r"(?:(?:which|that|this|it)\s+(?:is|was|represents|represented|marks|marked|means|meant)\s+"
    r"|(?:was|were|is|are|has\s+been|have\s+been|represents?|represented|representing|marks?|marked|marking"
    r"|or|and|that['’]s|it['’]s|[a-z]+ing)\s+)?",
    re.I,
)
_OF_ALL = re.compile(r"\b[Oo]f\s+(?:all|the|those|these)\s+(?:\w+\s+)?(?P<noun>[a-z]+)\s*,", re.I)
# A sentence that adds up the ones before it.
_SUM_CUE = re.compile(r"\b(?:net|total|totals|totalled|totaled|combined|together|altogether|in\s+all|all\s+told|overall|sum|adds?\s+up|added\s+up)\b", re.I)
# Arithmetic written out: "divide 6.4 million by 167.8 million", "6.4 million divided by 167.8 million".
_DIVIDE = re.compile(r"\bdivid(?:e|es|ed|ing)\s+$|\bdivided\s+by\s+$", re.I)
_BY_GAP = re.compile(r"\s+by\s+[$€£¥]?", re.I)
_SET_OUT = re.compile(r"\s*[\u2014\u2013:,-]+\s*", re.I)
# A sentence that opens by pointing back: "This was a 22 per cent increase", "That's a 16.2
# percent increase over last year".
_ANAPHOR = re.compile(
    r"[\s\"'“‘(]*(?:(?:this|that|it|these|which)(?:\s+(?:figure|number|total|increase|rise|drop|decline|fall|change|result))?"
    r"|the\s+(?:figure|number|total|increase|rise|drop|decline|fall|change|result)(?:\s+[^.;,\d\s]+){0,6}?)"
    r"\s*(?:['’]s|\s+(?:was|is|are|were|represents|represented|marks|marked|means|meant|equates\s+to|amounts\s+to|would\s+be|works\s+out\s+(?:to|at)))?\s*",
    re.I,
)
# "added 1,150 jobs in March, bringing total employment to 412,300": the level a change led to
_CARRYING = re.compile(r"\b(?:bringing|taking|pushing|lifting|raising|lowering|leaving|putting)\b", re.I)
_PERCENT_OF = re.compile(r"(?:%|\bper\s?cent|\bpercent|\bpc)\s+of\s+(?:the\s+|all\s+|its\s+|their\s+)?[$€£¥]?$", re.I)
_SUBPART = re.compile(r"\s+of\s+(?:them|whom|which|those)\b", re.I)
_AND_GAP = re.compile(r"(?:\s+[a-z][\w'’-]*){0,2}\s*,?\s+and\s+[$€£¥]?", re.I)
_SHARED_UNIT_GAP = re.compile(
    r"\s*(?:(?:in|during|for|on)\s+(?:the\s+)?[A-Za-z]+(?:\s+\d{4})?\s*,?\s*)?(?:to|and|-|\u2013)\s*[$€£¥]?", re.I)
# "The arrest rate rose 20%, from 410 arrests…": a rate cannot be recomputed from counts.
_RATE_SUBJECT = re.compile(r"\b(?:rates?|per[\s-]capita|ratio|share|proportion|percentage)\b", re.I)
# "The 6% growth in passenger numbers…", "That was a gain of 16%": a sentence that
# restates the change the one before it gave.
_RESTATES = re.compile(r"\s*[\"'“‘(]*(?:the|this|that|its|it)\b", re.I)
# A claim set beside a change as its restatement: ", a drop of 19%", ", or 14%", "— a 17% decline".
_APPOSITIVE = re.compile(
    r"(?:[,(\u2014\u2013]|\bor|\bfor|\brepresenting|\bmarking|\bgiving|\bmaking|\bwhich\s+(?:is|was)|\bthat['’]s)"
    r"\s*(?:an?\s|or\s|representing\s|marking\s|up\s|down\s|nearly\s|almost\s|about\s|roughly\s|more\s+than\s|close\s+to\s"
    r"|doubl|tripl|quadrupl|halv|[$€£¥]?\d)", re.I)
# A sentence whose subject points back, after a time it is set in: "The next year, it …",
# "In 2012, that number …", "Over the past five months, this figure …"
_POINTED = re.compile(
    r"[\s\"'“‘(]*(?:(?:the\s+next|the\s+following)\s+(?:year|month|week|quarter|day)|(?:in|by|during|over|since)\s+[^,.;]{1,40}),\s*"
    r"(?:it|this|that|they|these|those|the\s+(?:number|figure|total|rate|count|level))\b"
    r"|[\s\"'“‘(]*(?:it|they|this\s+(?:number|figure|total|rate|count|level)|that\s+(?:number|figure|total|rate|count|level))\s+(?:has|have|had|was|were|is|are|then|also|later|subsequently)\b",
    re.I)
_POINTER = re.compile(r"\s*[\"'“‘(]*(?:they|it|that|this|these|those|the\s+(?:figure|number|total|count)s?)\b", re.I)
_RELATIVE = re.compile(r"\b(?:which|that|who)\s+(?:also\s+|has\s+|have\s+|had\s+)?$", re.I)
# A bare percent beside its part: "1,469 were for medical emergencies, or 41 percent", "25 areas (14 percent)"
_PART_GAP = re.compile(r"(?:\s+[^\s\d;:.,()]+){0,5}?\s*(?:,\s*or|\(|\u2014|\u2013|,|or)\s*", re.I)
# Between two claims of one quantity: "13p (or 8%)", "324 students or 3.6%", "up 10,060 or 17 per cent".
_GROUP_GAP = re.compile(r"(?:\s+[a-z][\w'’-]*)?\s*[,(]?\s*(?:or|and)?\s*[(]?\s*", re.I)


def _bind(text: str, claims: list[Claim], levels: list[Item]) -> dict[int, Claim]:
    """Tie each claim to the numbers its own words name; return the owner of each number
    bound strongly ("from", "to", "than", "of the"), by the number's id."""
    owners: dict[int, Claim] = {}
    rates = [c.item for c in claims if c.item is not None and _rate_level(c.item)]
    for claim in claims:
        clause = [it for it in levels if it.clause == claim.clause and it is not claim.item]
        after = [it for it in clause if it.a >= claim.end]
        pos = claim.end
        if claim.kind == "direction" and not after:
            # "slayings in Los Angeles were down — 376 in 2008 compared to 400": the numbers
            # set out after a dash or colon are the direction's own
            nxt = [it for it in levels if it.sent == claim.sent and it.a >= claim.end]
            if len(nxt) >= 2 and _SET_OUT.fullmatch(text, claim.end, nxt[0].a) and nxt[1].role == "old" \
                    and nxt[0].clause == nxt[1].clause:
                claim.new, claim.old = nxt[0], nxt[1]
                after = []
        base = _base_time(text, claim) if claim.item is not None else None
        for it in after[:2]:
            gap = text[pos : it.a]
            if any(pos <= c.start < it.a for c in claims if c is not claim and not c.quiet):
                break
            if len(gap) > 45 and not (len(gap) <= 70 and _CARRYING.search(gap) and it.role_word == "to"):
                # "6.21 per cent higher compared to the rate recorded in February 2022, which was 15.70 per cent"
                if claim.old is None and base and base is not True and it.time == base and len(gap) <= 90:
                    claim.old = it
                break
            if it.role == "new" and it.role_word == "to" and claim.new is None and claim.kind != "share":
                claim.new, claim.new_strong = it, True
            elif it.role == "old" and claim.old is None and claim.kind != "share":
                claim.old = it
            elif it.role == "whole" and claim.whole is None:
                claim.whole = it
            elif re.fullmatch(r"\s*,?\s*with\s+(?:just\s+|only\s+)?", gap, re.I) and claim.new is None:
                claim.new = it
            elif claim.new is None and re.fullmatch(r"(?:\s+(?:in|for|of)\s+(?:its\s+|the\s+|their\s+)?[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,2})?\s+(?:at|of)\s+[$€£¥]?(?:rs\.?\s*)?", gap, re.I):
                claim.new = it  # "a 61 per cent jump in its net profit at Rs 108 crore"
            elif claim.old is None and base and it.time and it.time == base:
                # "a 22 per cent increase on 2020, when there were 150,748"
                claim.old = it
            else:
                break
            pos = it.b
        before = [it for it in clause if it.b <= claim.start]
        if claim.quiet and before and claim.new is None and claim.start - before[-1].b <= 100:
            # "669 new international students this fall, down from 757": the level a
            # comparison is written after is its subject, however long its noun
            claim.new = before[-1]
        elif before:
            it = before[-1]
            gap = text[it.b : claim.start]
            if _SUBJECT_GAP.fullmatch(gap) and not any(it.b <= c.start < claim.start for c in claims if c is not claim and not c.quiet):
                if (claim.kind == "share" and not claim.bare) or (claim.bare and _PART_GAP.fullmatch(gap)):
                    part = it
                    if it.role == "whole" and len(before) > 1 and re.fullmatch(
                            r"(?:\s+[a-z][\w'’-]*)?\s+(?:of|out\s+of)\s+(?:the\s+|all\s+|its\s+|their\s+)?[$€£¥]?", text[before[-2].b : it.a], re.I):
                        part = before[-2]  # "Only 27 of the 300 schools, or 9%": the part, then its whole
                        claim.whole = claim.whole or it
                    claim.part = claim.part or part
                if claim.kind != "share" and it.role == "old" and (it.link is None or it.link is claim) and claim.old is None:
                    # "Rs 339 crore against Rs 298 crore, up 14 per cent": the old level
                    # last, its new level before it
                    claim.old = it
                    if len(before) > 1 and before[-2].b <= it.a and it.a - before[-2].b <= 60:
                        claim.new = claim.new or before[-2]
                elif claim.kind != "share" and claim.new is None and it is not claim.old:
                    claim.new = it
        # "That equates to a 17.4 percent increase in freshmen and a 4.3 percent increase
        # in transfers", "This was a 22 per cent increase on 2020, when there were 150,748,
        # and is up 13 per cent": every claim of a sentence that opens by pointing back
        # points back, past the numbers of the claims before it
        if (_ANAPHOR.fullmatch(text[claim.sa : claim.start]) or any(
                c.anaphoric and c.sent == claim.sent and c.end <= claim.start for c in claims)) and not any(
                it.clause == claim.clause and it.b <= claim.start and owners.get(id(it)) is None
                and not (it.role == "old" and it.link is not None and it.link is not claim) for it in levels):
            claim.anaphoric = True
            # "… reached 183,587. This was a 22 per cent increase on 2020": the one level
            # the sentence before gave is the one "this" means
            # (or, when the sentence before gives none of its unit, the one before that:
            # "… rose to 18.17 percent. The CPI increased by 0.82 percent points. This is
            # higher than the 17.33 percent rate")
            pool = levels + rates if claim.kind == "points" else levels
            for back in (1, 2):
                # "(The unofficial number has been 663.)": a sentence in brackets is an aside
                prev = [it for it in pool if it.sent == claim.sent - back and text[it.base] != "(" and it.role not in ("old", "range")
                        and (it.role != "by" or it in rates) and (claim.old is None or same_unit(it.q, claim.old.q))]
                if prev or claim.old is None:
                    break
            if claim.new is None and claim.kind != "share" and len(prev) == 1:
                claim.new = prev[0]
        if (claim.old is None and claim.new is not None and claim.new.sent == claim.sent and claim.kind != "share"
                and claim.new.role == "new" and claim.new.role_word == "to" and claim.new.clause == claim.clause
                and not claim.quiet and _POINTED.match(text, claim.sa)):
            # "… the graduation rate was 79 percent. The next year, it inched up to 80
            # percent", "In 2012, that number was lowered to 247": a sentence whose subject
            # points back moves from the one level of its unit the sentence before gave
            prev = [it for it in levels if it.sent == claim.sent - 1 and same_unit(it.q, claim.new.q)
                    and it.role not in ("old", "range", "by") and text[it.base] != "("]
            if len(prev) == 1 and not any(it.sent == claim.sent and it is not claim.new and same_unit(it.q, claim.new.q)
                                          for it in levels):
                claim.old = prev[0]
                claim.anaphoric = True
        for it in (claim.old, claim.whole, claim.part) + ((claim.new,) if claim.new_strong else ()):
            if it is not None and not claim.quiet:
                owners.setdefault(id(it), claim)
    # claims of one quantity share their numbers: "costs 13p (or 8%) more"
    ordered = sorted(claims, key=lambda c: c.start)
    group = 0
    for i, c in enumerate(ordered):
        if c.group < 0:
            c.group = group
            group += 1
        if i + 1 < len(ordered):
            d = ordered[i + 1]
            if d.clause == c.clause and d.start >= c.end and _GROUP_GAP.fullmatch(text[c.end : d.start]):
                d.group = c.group
    # "declined to 88 from 97, a drop of 19%", "rose from 3,450 to 3,930, or 14%": a claim
    # in apposition restates the verb's change, and shares its numbers
    for c in ordered:
        if c.kind == "direction" or c.item is None or not _APPOSITIVE.search(text, max(c.sa, c.start - 12), c.start + 14):
            continue
        verbs = [d for d in ordered if d.kind in ("direction", "anchor") and d.sent == c.sent and d.end <= c.start
                 and not any(d.end <= e.start < c.start and e.kind not in ("direction", "anchor") for e in ordered)]
        if verbs and (c.new is None or c.new in (verbs[-1].new, verbs[-1].old)):
            c.group = verbs[-1].group = min(c.group, verbs[-1].group)
    # "an 8 percent rise in the number of rapes, which went from 12 to 13": the verb of a
    # relative clause restates the claim before it
    for d in ordered:
        if d.kind in ("direction", "anchor") and _RELATIVE.search(text, max(d.sa, d.start - 12), d.start):
            prior = [c for c in ordered if c.sent == d.sent and c.end <= d.start and c.item is not None and c.kind != "share"]
            if prior:
                d.group = prior[-1].group
    # "Custody numbers dipped slightly last month. They went from 57,861 … to 56,945": a
    # sentence that opens by pointing back gives the numbers of the claim before it
    for d in ordered:
        if d.kind in ("direction", "anchor") and d.old is not None and _POINTER.match(text, d.sa):
            prior = [c for c in ordered if c.sent == d.sent - 1 and c.item is not None and c.kind != "share"]
            if len(prior) == 1:
                prior[0].group = d.group
                prior[0].later_ok = True
    # "… a 61 per cent jump in its net profit at Rs 108 crore. It had posted profit of Rs
    # 67 crore in the year-ago period": a sentence pointing back with the one earlier level
    # of the unit gives the base of the change before it
    for c in ordered:
        if c.item is None or c.direction is None or c.old is not None or c.new is None or c.new.sent != c.sent:
            continue
        nxt = [it for it in levels if it.sent == c.sent + 1 and same_unit(it.q, c.new.q)]
        if (len(nxt) == 1 and nxt[0].time is not None and nxt[0].time[0] == 0 and nxt[0].time[1] < 0
                and nxt[0].role is None and _POINTER.match(text, nxt[0].base)
                and not any(d.sent == c.sent + 1 and d.item is not None for d in ordered)):
            c.old = nxt[0]
            c.later_ok = True
            owners.setdefault(id(nxt[0]), c)
    # "Thefts rose from 5,120 to 6,030. The figure represents an 18% rise": the sentence
    # pointing back restates the change before it
    for c in ordered:
        if c.anaphoric and c.item is not None:
            verbs = [d for d in ordered if d.kind in ("direction", "anchor") and d.sent == c.sent - 1]
            if len(verbs) == 1:
                c.group = verbs[0].group
    by_group: dict[int, list[Claim]] = {}
    for c in claims:
        by_group.setdefault(c.group, []).append(c)
    for members in by_group.values():
        for c in members:
            for d in members:
                if d is c:
                    continue
                if c.new is None and d.new is not None:
                    c.new, c.new_strong = d.new, d.new_strong
                if c.old is None and d.old is not None:
                    c.old = d.old
    return owners


def _bound_score(claim: Claim, slots: dict[str, Item], owners: dict[int, Claim], text: str,
                 claims: list[Claim]) -> tuple[float, list[str]] | None:
    """Bonus for numbers the claim's words bind, None for a candidate against a strong
    binding, penalties for numbers another claim owns and for claims standing between."""
    score = 0.0
    why: list[str] = []
    for slot, it in slots.items():
        if slot == "whole":
            owner = owners.get(id(it))
            if owner is not None and owner.part is it and owner.group != claim.group:
                return None  # a part of another share is no whole: "239 …, or 7 percent, 1,469 …, or 41 percent"
        bound = getattr(claim, slot, None)
        if bound is it:
            score += 3
            why.append(f"{it.q.num} named by the claim")
        elif bound is not None and (slot in ("old", "whole") or claim.new_strong):
            return None
        owner = owners.get(id(it))
        if owner is not None and owner is not claim and owner.group != claim.group:
            if slot == "new" and owner.old is it and owner.sent == claim.sent:
                # "a 22 per cent increase on 2020, when there were 150,748, and is up 13 per
                # cent from the 163,067 in 2019": the base of one change in the sentence is
                # not where the next one ended
                return None
            score -= 4
    lo = min([claim.start] + [it.a for it in slots.values()])
    hi = max([claim.end] + [it.b for it in slots.values()])
    # "Of all calls, 232 were for fire, or 2.2 percent, 6,365 …, or 61 percent, and 1,386
    # …, or 13 percent": shares of one whole, each beside its own part, do not stand
    # between the whole and the next one
    listed = "whole" in slots and (claim.kind == "share" or claim.bare)
    between = sum(1 for c in claims if c.group != claim.group and lo <= c.start and c.end <= hi and not c.quiet
                  and not (c.item is not None and c.item in slots.values())
                  and not (listed and c.part is not None and (c.kind == "share" or c.bare))
                  # "That equates to a 17.4 percent increase in freshmen and a 4.3 percent
                  # increase in transfers": claims of one sentence pointing back are siblings
                  and not (claim.anaphoric and c.sent == claim.sent and all(it.sent < claim.sent for it in slots.values())))
    if between:
        score -= 2 * between
    return score, why


# --- the search -----------------------------------------------------------------------------------


def _w(it: Item) -> Written:
    assert it.q.written is not None
    return it.q.written


def _comparable(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Two time labels can be ordered: both dates (a year, or a month of one year), both
    relative ("last year" against "this year"), or "now" against a date."""
    if (a == (0, 0) and b[0] > 1) or (b == (0, 0) and a[0] > 1):
        return True
    return (a[0] > 1) == (b[0] > 1) and (a[0] != 1 or b[0] == 1)


def _before(a: tuple[int, int], b: tuple[int, int]) -> bool:
    if a == (0, 0):
        return False
    if b == (0, 0):
        return a[0] > 1
    return a < b


def _order_signal(claim: Claim, text: str, old: Item, new: Item) -> bool:
    """Whether anything but the numbers' sizes says which is the old level: a role word, a
    time label, "from … to …", or the claim's own words ("a 13 percent drop from the
    396"). The direction claimed never decides it (that would make every wrong direction
    right), and a new level bound to the claim does not make any other number its base."""
    old_role, new_role = _role(old, claim), _role(new, claim)
    if new_role in ("old", "other") or old_role in ("new", "whole", "other"):
        return False
    if old_role == "old" or claim.old is old:
        return True
    if old.time and new.time and _comparable(old.time, new.time):
        return _before(old.time, new.time)
    if old.time and old.time[0] == 0 and old.time[1] < 0 and (not new.time or new.time[0] > 1):
        return True
    # "X to Y" without a "from" is more often a range ("roughly 140,000 to 145,000
    # visitors") than a change: no order
    return False


def _candidates(claim: Claim, text: str, levels: list[Item], items: list[Item], owners: dict[int, Claim],
                claims: list[Claim]) -> list[Candidate]:
    out: list[Candidate] = []
    if claim.kind == "anchor":
        return out
    q = claim.item.q if claim.item is not None else None
    near = [it for it in levels if it.sent >= claim.sent - 2 and (claim.item is None or it is not claim.item)]
    kind = claim.kind

    def add(rel: str, comp: Computation, ev: tuple[Item, ...], slots: dict[str, Item],
            scored: tuple[float, list[str]], hint: str | None = None) -> None:
        bs = _bound_score(claim, slots, owners, text, claims)
        if bs is None:
            return
        out.append(Candidate(rel, comp, ev, scored[0] + bs[0], scored[1] + bs[1], hint))

    if claim.item is not None and _EXPECTED.search(text, max(claim.sa, claim.start - 60), claim.start):
        return out  # a forecast or a hypothetical is not checked against the numbers
    per_period = claim.item is not None and kind == "percent" and (
        _PER_PERIOD_AFTER.match(text, claim.end) or _PER_PERIOD_BEFORE.search(text, max(claim.sa, claim.start - 40), claim.start))
    claim_place = _claim_place(text, claim) if claim.item is not None else None
    relative_base = claim.item is not None and _BASE_RELATIVE.match(text, claim.end) is not None
    if kind in ("percent", "points", "count", "money", "rate", "multiple", "direction") and not per_period:
        verb = _bare_direction(text, claim, items) if claim.bare else None
        base = _base_time(text, claim) if claim.item is not None else None
        period = _claim_period(text, claim) if claim.item is not None else None
        rate_subject = _rate_subject(text, claim)
        span = _claim_span(text, claim) if claim.item is not None else None
        news = near
        if kind == "points":
            # the rate of the claim's own sentence, or of the one its "this" points back to
            news = near + [it for it in items if _rate_level(it) and it is not claim.item and (
                it is claim.new or (it.sent == claim.sent and it.b <= claim.start))]
        for old in near:
            for new in news:
                if old is new or not same_unit(old.q, new.q):
                    continue
                lv = old.q.kind
                index_points = False
                if kind == "points" and lv != "percent":
                    # "rose 10 points to 512 from 498": an index or a score, in points
                    if lv != "count" or min(_w(old).value, _w(new).value) <= 100:
                        continue
                    index_points = True
                if kind in ("count", "money", "rate") and q is not None:
                    if not same_unit(old.q, q) and not (q.kind == "count" and lv in ("count", "money") and q.noun is None):
                        continue
                if kind == "direction":
                    func = "pp_change" if lv == "percent" else "diff"
                    # a direction alone is checked only on numbers its own words tie to it:
                    # "fell to 558 from 596", "That is down from 1,224" (this: the 990 before)
                    if not (new is claim.new or (new.role == "new" and new.clause == claim.clause)):
                        continue
                    if not (old is claim.old or (old.role == "old" and old.clause == claim.clause)):
                        continue
                elif kind == "multiple":
                    func = "ratio"
                elif kind == "points":
                    func = "diff" if index_points else "pp_change"
                elif kind == "percent":
                    # a change in words alone ("ticked up slightly, from 6.1 to 6.2 percent")
                    # of a percentage is a change in points, as a direction's is
                    words_only = q is not None and q.kind == "change"
                    func = "pp_change" if words_only and lv == "percent" else "pct_change"
                    if claim.bare and (lv == "percent" or verb is None):
                        continue
                else:
                    func = "diff"
                if not _order_signal(claim, text, old, new):
                    continue
                if old.role_word == "from" and new.role_word == "to" and old.clause == new.clause and _noun_score(old.q, new.q) < 0:
                    continue  # "from 120 applicants to 150 approvals": two different things
                if lv == "count" and not (old.q.per or new.q.per) and kind != "direction" and rate_subject:
                    continue
                op, np_ = _place(text, old), _place(text, new)
                if (op and np_ and op != np_) or (op and claim_place and op != claim_place):
                    continue  # "Home prices in Austin fell 9%, to $445,000, compared with $510,000 in Dallas"
                if relative_base and _OTHER_PERIOD.search(_label_text(text, old)):
                    continue  # "rose 8% from a year earlier …, compared with $3.3 billion in the first quarter"
                if base is not None and (base is True or old.time is None or old.time[0] != base[0]
                                         or (base[1] and old.time[1] != base[1])):
                    continue
                if period is not None and new.time is not None and _comparable(period, new.time) and period != new.time:
                    continue  # "Arrests fell 20% in June, from 1,224 in May to 990 in July"
                if span is not None and span > 1 and not _spans_years(old, new, span):
                    continue  # "plunged 27 percent during the past five years" against one year's numbers
                wo, wn, note = _same_scale(old, new)
                comp = Computation("ratio", (wn, wo)) if func == "ratio" else Computation(func, (wo, wn))
                sc = _change_score(claim, text, old, new)
                if note:
                    sc[1].append(note)
                if claim.bare:
                    sc = (sc[0] - 1, sc[1])
                add(_REL[func], comp, (old, new), {"old": old, "new": new}, sc, hint=verb)
    if (kind == "percent" and not claim.bare) or (claim.bare and _bare_direction(text, claim, items)):
        # an old value derived from a new one and a stated difference: "9,379, an increase
        # of 324 students or 3.6%"
        diffs = [it for it in items if it.q.change and it.q.kind in ("count", "money", "rate") and it.q.direction
                 and it is not claim.item and it.q.written is not None
                 and (it.sent == claim.sent or (it.sent == claim.sent - 1 and _RESTATES.match(text, claim.sa)))]
        for d in diffs:
            for new in near:
                if new is d or (not same_unit(new.q, d.q) and _noun(new.q) and _noun(d.q)):
                    continue
                if new.q.kind != d.q.kind and not {new.q.kind, d.q.kind} <= {"count", "money"}:
                    continue
                if _currency(new.q) != _currency(d.q):
                    continue
                if d.time and new.time and d.time != new.time:
                    # "a decrease of 36,835 reported fatalities in 2018 to 36,096 in 2019": a
                    # difference has no year of its own; this is the old level, loosely written
                    continue
                between = text[min(d.b, claim.end) : max(d.a, claim.start)]
                beside = len(between) <= 30 and re.fullmatch(r"[\s,]*(?:[a-z]+\s+)?(?:or|\(|,|and)?[\s(]*", between, re.I)
                # "rose by 13 per cent to 5.2 million offences … – an increase of 583,782": the
                # claim's own new level, and the change stated after it
                after_new = (claim.new is new and new.b <= d.a and d.sent == new.sent) or (
                    d.sent < claim.sent and new.sent == d.sent and abs(new.a - d.a) <= 40)
                if not (beside or after_new):
                    continue
                op = "sub" if d.q.direction == "up" else "add"
                comp = Computation("pct_change", (Computation(op, (_w(new), _w(d))), _w(new)))
                sc, why = _distance(claim, d, new)
                sc += 3
                why.append(f"{d.q.num} beside the claim gives the change")
                if new.role == "new" or claim.new is new or (new.a < d.a and new.clause == d.clause):
                    sc += 1.5
                    why.append(f"{new.q.num} is the new level")
                add("percent change (old level derived)", comp, (new, d), {"new": new}, (sc, why))
    # "the urban inflation rate increased by 13.01 percent … from 12.93 percent": a rate
    # said to rise "by" a percent about as large as the rate it rose from, with no new rate
    # printed, is the new rate itself, as the writer means it (a change of 13.01% on
    # 12.93% would be a leap to 14.61%); the change it claims is then recomputed
    if (claim.item is not None and kind == "percent" and claim.direction and q is not None and q.written is not None
            and claim.old is not None and claim.old.q.kind == "percent" and claim.old.clause == claim.clause
            and claim.new is None and not any(it.clause == claim.clause and it.role == "new" for it in near)
            and _rate_subject(text, claim)):
        old_w, own = _w(claim.old), q.written
        if old_w.value > 0 and abs(own.value - old_w.value) * 20 <= old_w.value:
            out.append(Candidate("percent change", Computation("pct_change", (old_w, own)), (claim.old, claim.item), 6.0,
                                 [f"'{claim.old.role_word}' before {claim.old.q.num}",
                                  f"{q.num} read as the new rate: a rise by about the rate itself"]))
    # sums: "rose by 514,000 … rose by 222,000 … The net effect: … grew by 736,000"
    if claim.item is not None and kind in ("count", "money", "rate") and (claim.summed or (
            claim.direction and _SUM_CUE.search(text, claim.sa, claim.start))):
        if claim.summed:
            parts = [o for o in items if claim.sent - 2 <= o.sent < claim.sent and o.role == "new"
                     and o.role_word == "to" and same_unit(o.q, q)]
        else:
            parts = [o for o in items if claim.sent - 2 <= o.sent < claim.sent and o.q.change and o.q.direction
                     and o.q.kind == q.kind and o.q.written is not None and o is not claim.item]
        if 2 <= len(parts) <= 4:
            sc, why = 5.0, [f"the sentence sums up the {len(parts)} before it"]
            out.append(Candidate("sum", Computation("sum", tuple(_w(o) for o in parts)), tuple(parts), sc, why))
    # arithmetic written out: "when you divide 6.4 million by 167.8 million, you'll arrive at the 3.8% …"
    if claim.item is not None and kind in ("percent", "share", "count", "money", "rate"):
        for a_it in near:
            if not _DIVIDE.search(text, max(claim.sa, a_it.a - 12), a_it.a):
                continue
            b_it = next((o for o in items if o.q.plain and o.q.written is not None and o.a > a_it.b
                         and _BY_GAP.fullmatch(text, a_it.b, o.a)), None)
            if b_it is None or not (b_it.b <= claim.start and claim.sent == a_it.sent):
                continue
            func = "share" if kind in ("percent", "share") else "ratio"
            out.append(Candidate(func, Computation(func, (_w(a_it), _w(b_it))), (a_it, b_it), 8.0,
                                 [f"'divide {a_it.q.num} by {b_it.q.num}' written out"]))
    if kind == "share" or claim.bare or (q is not None and q.share_of):
        for part in near:
            for whole in near:
                if part is whole or not same_unit(part.q, whole.q) or part.q.kind == "percent":
                    continue
                if not (0 <= _w(part).value < _w(whole).value):
                    continue
                if part.role == "whole" or _SUBPART.match(text, part.b):
                    continue  # "Half of the 300 employees, 40 of them managers": a part of the part
                if claim.bare and part is not claim.part:
                    continue  # a bare percent is a share only of the number it is set beside
                sc = _share_score(claim, text, part, whole)
                add("share", Computation("share", (_w(part), _w(whole))), (part, whole), {"part": part, "whole": whole}, sc)
    return out


def _rate_subject(text: str, claim: Claim) -> bool:
    """Whether the clause before the claim names a rate or an average: "The arrest rate
    rose 20%, from 410 arrests in 2022 to 440" compares counts, not the rate."""
    head = text[max(claim.sa, claim.start - 60) : claim.start]
    cut = max(head.rfind(","), head.rfind(";"), head.rfind(":"))
    return bool(_RATE_SUBJECT.search(head[cut + 1 :]))


def _same_scale(old: Item, new: Item) -> tuple[Written, Written, str | None]:
    """The two levels, with a scale word one of them leaves out read from the other:
    "from Rs 2303.35 crore … to Rs 2973.91" is 2973.91 crore, as any reader takes it."""
    a, b = _w(old), _w(new)
    if a.scaled == b.scaled or a.percent or b.percent:
        return a, b, None
    scaled, plain = (a, b) if a.scaled else (b, a)
    word = scale_word(scaled)
    if not word or plain.value == 0:
        return a, b, None
    try:
        read = parse_number(f"{expression_text(plain)} {word}")
    except NumberError:
        return a, b, None
    ratio = read.value / scaled.value
    if not (Fraction(1, 3) <= ratio <= 3):
        return a, b, None
    note = f"{plain.text} read in {word}, like {scaled.text}"
    return (a, read, note) if a.scaled else (read, b, note)


def _bare_direction(text: str, claim: Claim, items: list[Item]) -> str | None:
    """The direction a bare percent takes from a verb or change noun earlier in its clause
    ("rose 1,200, or 14%", "an increase of 324 students or 3.6%")."""
    if claim.item is None:
        return None
    head = text[max(0, claim.start - 80) : claim.start]
    cut = max(head.rfind(";"), head.rfind("."), head.rfind(":"))
    head = head[cut + 1 :]
    if not re.search(r"(?:,\s*or|\bor|\()\s*$", head, re.I):
        return None
    for it in items:
        if it.q.direction and it.q.kind in ("count", "money", "rate") and it.b <= claim.start and claim.start - it.b <= 40:
            return it.q.direction
    m = None
    for m in _DIRECTION_VERB.finditer(head):
        pass
    return _verb_direction(m.group("v")) if m else None


Judge = Callable[[Claim, Candidate], str | None]


def search(text: str, items: list[Item], claims: list[Claim], judge: Judge, first: int = 0) -> list[Check]:
    """Choose evidence for each claim from sentence ``first`` on (the sentences before it
    are context from the paragraph before); ``judge`` gives a candidate's verdict (or None
    when the claim cannot be read), which decides only between candidates equally
    supported."""
    levels = [it for it in items if _level(it)]
    owners = _bind(text, claims, levels)
    checks: list[Check] = []
    for claim in claims:
        if claim.sent < first:
            continue
        cands = [c for c in _candidates(claim, text, levels, items, owners, claims) if c.score >= MIN_SCORE]
        if not cands:
            continue
        cands.sort(key=lambda c: -c.score)
        best = cands[0]
        close = [c for c in cands if best.score - c.score <= MARGIN]
        verdicts = {id(c): judge(claim, c) for c in close}
        if verdicts[id(best)] is None:
            continue
        if len({v for v in verdicts.values() if v is not None}) > 1:
            # Two readings about as well supported disagree: the claim is listed, not judged.
            continue
        why = "; ".join(best.reasons)
        checks.append(Check(claim, best.computation, best.evidence, best.relation, best.score, why, best.hint,
                            tuple(c for c in close if c is not best)))
    return _dedupe(checks)


def _dedupe(checks: list[Check]) -> list[Check]:
    """One check per change: a direction stated alone yields to a numeric claim of its
    clause that uses the same numbers ("declined to 88 from 97, a drop of 19%")."""
    out: list[Check] = []
    for c in checks:
        if c.claim.kind == "direction" and any(
            o.claim.kind != "direction" and (o.claim.group == c.claim.group or (c.claim.quiet and o.claim.clause == c.claim.clause))
            and set(map(id, o.evidence)) >= set(map(id, c.evidence))
            for o in checks
        ):
            continue
        out.append(c)
    return out


def literal(items: Iterable[Item]) -> tuple[str, ...]:
    return tuple(it.q.num for it in items)


__all__ = ["Check", "Claim", "Item", "MIN_SCORE", "build_items", "literal", "same_unit", "search"]

