"""Role words and time labels: what the words around a number say it is.

A number of the paragraph is an old level ("from 396", "than the 282", "compared with
52,700", "surpassing the peak of 70,699"), a new one ("to 558", "reached 183,587"), a
whole ("of the 300", "out of 950"), the end of a range ("between 15 and 29") or a
difference ("by 26"); and it may carry a time ("in 2007", "last year", "2009’s 54.2%",
"the year before"). :func:`set_roles` reads both once per quantity.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING

from claimcheck import lexicon

if TYPE_CHECKING:
    from claimcheck.scan.items import Claim, Item


_OLD_WORDS = (r"from|than|versus|vs\.?|against|as\s+against|compared\s+(?:with|to)|in\s+comparison\s+(?:with|to)|relative\s+to"
              r"|as\s+opposed\s+to|over|on|since|beat|beats|exceeding|lags|trails|above|below"
              # "fell 0.2 percentage point to reach 7.4 percent in July, after holding at 7.6
              # percent for two months": the level it held before
              r"|after\s+(?:holding|standing|staying|remaining)\s+(?:steady\s+|unchanged\s+)?at")
# ("to close at 18.12", "to end the year at 412": the level a change closed at)
_NEW_WORDS = r"to\s+(?:close|end|finish|settle)\s+(?:the\s+(?:day|week|month|quarter|year)\s+)?at|to|reached|reaching|reach|reaches|hit|hits|totall?ed|totall?ing|stood\s+at|stands\s+at|become|becomes|became"
_MONTH_FILL = "|".join(m for m in ("january february march april may june july august september october november december "
                                   "jan feb mar apr jun jul aug sep sept oct nov dec").split())
# Determiners, possessives and short labels between a role word and its number:
# "from the 396", "from last year's 88", "up from 2009’s 54.2%", "from a 13-year high of 134",
# "down on the 2019/20 figure (263 million": a fiscal year too.
_FILL_WORDS = (r"the|a|an|its|their|his|her|our|last|this|previous|prior|same|record|new|year['’]s|month['’]s|\d{4}['’]s|[a-z]+['’]s|\d+-year"
               r"|high|low|peak|of|total|level|amount|figure|number|budgeted|average|estimated|revised|roughly|about|some"
               r"|just|only|nearly|almost|around|approximately|recent|all-time|record-high"
               r"|" + _MONTH_FILL + r"|\d{4}|\d{4},|\d{4}[/-]\d{2}(?:\d{2})?|q[1-4]|h[12]|rs\.?|inr|ksh|sh|us\$|a\$|nz\$|c\$|r|n")
_FILL = r"(?:(?:" + _FILL_WORDS + r")\s+){0,4}"
_ROLE = {
    "from": "old", "than": "old", "versus": "old", "vs": "old", "vs.": "old", "against": "old",
    "over": "old", "on": "old", "since": "old", "beat": "old", "beats": "old", "exceeding": "old",
    "beating": "old", "bested": "old", "missed": "old", "misses": "old", "missing": "old", "ahead of": "old",
    "lags": "old", "trails": "old", "above": "old", "below": "old", "after": "old",
    "to": "new", "reached": "new", "reaching": "new", "reach": "new", "reaches": "new", "hit": "new", "hits": "new", "totaled": "new",
    "totalled": "new", "totaling": "new", "totalling": "new", "stood at": "new", "stands at": "new",
    "become": "new", "becomes": "new", "became": "new",
    "out of": "whole", "of all": "whole", "of the": "whole", "of its": "whole", "of their": "whole",
    "of those": "whole", "of these": "whole",
}
# Verbs that give a level its own: the new-level role words, the plainest changes and "is".
_LEVEL_VERBS = lexicon.alternation(sorted({w.split()[0] for w, r in _ROLE.items() if r == "new" and w != "to"}
                                          | set(lexicon.PAST_CHANGE_VERBS) | {"was", "were", "is", "are"}))
# After a strong role word any short run of words may stand before the number: "higher
# than the league average of $160 million", "compared to the rate recorded in February".
# (no verb that gives a level its own: "reported losses from scams reached $118,993,148",
# "the tax revenue produced from table games play in May was $10,156,714" name no base)
_ANY_WORD = r"(?!(?:to|from|than|against|versus|over|on|since|at|and|or|but|while|with|" + _LEVEL_VERBS + r")\b)[a-z][a-z'’-]*"
# ("more than last year when it reached $2,915,488", "than in May 2015 when revenue totaled
# $66,748,021": a verb of a level after "when" and its subject is the base's own)
_STRONG_FILL = (r"(?:(?:" + _FILL_WORDS + "|" + _ANY_WORD
                + r"|when\s+(?:[a-z][\w'’-]*\s+){1,3}?(?:" + _LEVEL_VERBS + r"))\s+){0,6}")
_STRONG_OLD = (r"from|than|versus|vs\.?|against|as\s+against|compared\s+(?:with|to)|compares?\s+(?:with|to)"
               r"|in\s+comparison\s+(?:with|to)|relative\s+to|as\s+opposed\s+to")
# "surpassing the peak of 70,699": a level passed, named after a short noun phrase
_PASSED = lexicon.alternation(lexicon.PASS_VERBS)
# "above the national average of 8.8%", "lags the state average of 86 percent", "over the
# same period (17,328 …": a benchmark named, its number after "of" or in brackets
_BENCHMARK = lexicon.alternation(lexicon.BENCHMARK_UP + lexicon.BENCHMARK_DOWN + lexicon.FORECAST_UP_VERBS + lexicon.FORECAST_DOWN_VERBS)
PASS_SET = frozenset(lexicon.PASS_VERBS)
_TIME_UNITS = frozenset(lexicon.TIME_UNITS)
_ROLE_BEFORE = re.compile(
    r"(?:^|\s|\()(?:(?P<w>" + _STRONG_OLD + r")\s+" + _STRONG_FILL + r"(?:at\s+)?"
    + r"|(?P<w3>" + _PASSED + r")\s+the\s+" + _STRONG_FILL
    + r"|(?P<w4>" + _BENCHMARK + r")\s+(?:the\s+(?:(?:" + _FILL_WORDS + "|" + _ANY_WORD + r")\s+){0,4}(?:of\s+|(?=\())"
    + r"|(?:" + _ANY_WORD + r"\s+){0,2}(?:" + lexicon.alternation(lexicon.FORECAST_NOUNS) + r")\s+of\s+"
    # ("below economists' expectations for a 3.3% annual gain", "above forecasts for a gain of
    # 0.4 percent", "below the 3% predicted by economists")
    + r"|(?:" + _ANY_WORD + r"\s+){0,2}(?:" + lexicon.alternation(lexicon.FORECAST_NOUNS) + r")\s+(?:for|of)\s+(?:an?\s+"
    + r"(?:(?:" + _ANY_WORD + r"\s+){0,2}?(?:" + lexicon.alternation(lexicon.UP_NOUNS + lexicon.DOWN_NOUNS) + r")s?\s+of\s+)?)?"
    + r"|the\s+(?=\d[\d.,]*\s*(?:%|percent\b|per\s+cent\b)\s*(?:" + lexicon.alternation(lexicon.FORECAST_PARTICIPLES) + r")\b))"
    # "a rise of nearly 15% on the current inmate level of 83,518": "on" names a base only
    # with a noun of a level and "of" after it ("spent 15% on the purchase of 300 units" names none)
    + r"|(?P<w5>on)\s+the\s+(?:(?:" + _FILL_WORDS + "|" + _ANY_WORD + r")\s+){0,4}?(?:" + lexicon.alternation(lexicon.BASE_LEVEL_NOUNS) + r")\s+of\s+"
    # ("slightly ahead of revenue of $36.8 million": a sum of money after a short noun phrase)
    + r"|(?P<w6>" + lexicon.alternation(lexicon.AHEAD_WORDS) + r")\s+(?:the\s+)?(?:" + _ANY_WORD + r"\s+){0,3}?(?:of\s+)?"
    + r"|(?P<w2>" + _OLD_WORDS + "|" + _NEW_WORDS + r"|out\s+of|of\s+(?:all|the|its|their|those|these))\s+" + _FILL + r")" + lexicon.CURRENCY_CLASS + r"?\(?$",
    re.I,
)
_NOT_BEFORE_TO = re.compile(r"\b(?:" + lexicon.alternation(sorted(lexicon.PHRASE_NOT_BEFORE_TO - {"up", "down"})) + r")\s*$", re.I)
_WHEN_THERE = re.compile(r"\b(?:when|where)\s+there\s+(?:were|was|are|is)\b", re.I)
# ("against the same period in the previous year when they stood at £75.8m": or "when" and
# a pronoun)
_WHICH_WAS_ROLE = re.compile(r"\b(?P<w>" + _STRONG_OLD + r")\s+(?:[^\d;:()]|(?:19|20)\d\d\b){0,60}?,?\s+(?:which|that|when\s+(?:they|it))\s+(?:was|were|stood\s+at)\s+"
                             + lexicon.CURRENCY_CLASS + r"?$", re.I)
_PAREN_ROLE = re.compile(r"\b(?P<w>" + _STRONG_OLD + r")\s+(?:[^\d;:()]|(?:19|20)\d\d\b){0,60}\($", re.I)
# Time labels: after a number ("344 in 2007", "88 last year", "the 392 the year before"),
# or before it ("In 2016 there were 1,433", "2009’s 54.2%").
YEAR = r"(?:19|20)\d\d"
MONTH_NUM = {m: i % 12 + 1 for i, m in enumerate(lexicon.MONTHS)}
MONTH_NUM.update({m: i + 1 for i, m in enumerate(lexicon.MONTHS[:12])})
MONTH = lexicon.alternation(lexicon.MONTHS)
_LABEL_PERIOD = lexicon.alternation(lexicon.LABEL_PERIODS)
_PAST = (r"last\s+(?:" + _LABEL_PERIOD + r")(?!\s+of\b)|the\s+(?:year|month|week|quarter|day)\s+before"
         r"|a\s+(?:year|month|week|decade)\s+(?:earlier|ago|before)|(?:the\s+)?(?:previous|prior|preceding)\s+(?:year|month|week|quarter|period|season)"
         r"|(?:in\s+)?the\s+same\s+(?:period|month|quarter|week|time)\s+(?:last\s+year|a\s+year\s+(?:earlier|ago))|year[\s-]ago|a\s+year\s+earlier"
         r"|the\s+corresponding\s+(?:period|quarter)|earlier|previously|before(?!\s+(?:" + MONTH + r"|\d))|formerly")
# ("1,522.07 compared to last year at 1,446.87": the time after a comparing word is the
# other level's, not this one's)
_COMPARING = r"(?:compared|comparison|than|versus|vs|against|relative|from)\b"
_PRESENT = r"this\s+(?:" + _LABEL_PERIOD + r")|now|currently|so\s+far\s+this\s+year|today"
_TIME_AFTER = re.compile(
    r"^(?:\s+(?:(?:" + MONTH + r")\s+\d{1,2}\b|(?!" + _COMPARING + r")[a-z][\w'-]*)){0,3}?\s*,?\s*(?:(?:in|during|for|as\s+of|by|at\s+the\s+end\s+of|through)\s+(?:fiscal\s+|calendar\s+|the\s+)?(?:(?P<month>" + MONTH + r")\.?\s+)?(?P<year>" + YEAR + r")\b"
    r"|(?:in|during)\s+(?P<month2>" + MONTH + r")\b(?:\s+(?P<year2>" + YEAR + r"))?"
    r"|in\s+the\s+(?:year|12\s+months|twelve\s+months|quarter|period)\s+(?:to|ending|ended|through)\s+(?:(?P<month3>" + MONTH + r")\s+)?(?P<year3>" + YEAR + r")\b"
    r"|(?P<past>" + _PAST + r")|(?P<present>" + _PRESENT + r"))",
    re.I,
)
_TIME_BEFORE = re.compile(
    r"(?:(?:in|during|for|by|on|as\s+of|compared\s+(?:to|with)|than|versus)\s+(?:fiscal\s+|calendar\s+)?(?:(?P<month>" + MONTH + r")\s+)?(?P<year>" + YEAR + r")(?:\s*,)?(?:\s+[a-z][\w'-]*){0,4}"
    r"|(?:in|during)\s+(?P<month2>" + MONTH + r")(?:\s*,)?(?:\s+[a-z][\w'-]*){0,3}"
    r"|(?P<poss>" + YEAR + r")['’]s(?:\s+[a-z][\w'-]*){0,2}"
    # ("6% more than February's 7,660": a month's, possessive)
    r"|(?P<month3>" + MONTH + r")['’]s(?:\s+[a-z][\w'-]*){0,2}"
    # ("fell from 439 students last year to 417": "last year" is the level's before it)
    # ("up by 2.1% from the previous year, with men earning £538": a clause after the time
    # is another's, its number not of that time)
    r"|(?P<past>last\s+year|a\s+year\s+(?:earlier|ago)|the\s+(?:previous|prior)\s+year)['’]?s?,?(?:\s+(?!(?:to|from|with|while|whereas|and|but|as|compared|against)\b)[a-z][\w'-]*){0,3}"
    r"|(?P<present>this\s+year)['’]?s?,?(?:\s+[a-z][\w'-]*){0,3})\s+" + lexicon.CURRENCY_CLASS + r"?\(?$",
    re.I,
)
# "ranged from 1.91% to 6.89%", "between 15 and 29": the ends of a range are no levels.
_RANGE_BEFORE = re.compile(
    r"\b(?:range[sd]?|ranging|varie[sd]|varying|vary|spread|spans?|spanned|between)\s+(?:\w+\s+)?(?:from\s+)?" + lexicon.CURRENCY_CLASS + r"?$"
    r"|\b(?:range[sd]?|ranging|varie[sd]|varying|vary|spread|between)\s+(?:from\s+)?[^,;]{0,30}?\s+(?:to|and)\s+" + lexicon.CURRENCY_CLASS + r"?$",
    re.I,
)
# "for its first 183 games", "over the past 12 months": a scope, not a level.
_SCOPE_BEFORE = re.compile(r"\b(?:for|in|over|during|through|after|within)\s+(?:its|the|their|his|her|our)\s+(?:first|last|past|next|initial|final)\s+$", re.I)
_DURATION_FOLLOWS = re.compile(r"\s+(?:" + lexicon.alternation(lexicon.DURATION_NOUNS) + r")\b", re.I)
_THRESHOLD_BEFORE = re.compile(r"\b(?:within|under|after|longer\s+than|at\s+least)\s+$", re.I)
# "half of all patients were admitted … within 41 days of being added to the waiting list, up
# from 40 days the previous year": a threshold of time that itself moved, from a number of the
# same unit, is a level (a median wait), not a scope
_MOVED_AFTER = re.compile(r"\s+(?P<unit>" + lexicon.alternation(lexicon.DURATION_NOUNS) + r")\b[^\d;.]{0,50}?\b(?:up|down)\s+from\s+"
                          r"\d[\d,.]*\s+(?P=unit)\b", re.I)
# "in the 12 months ending June 30, 2010", "over the three years to March", "32 deaths in 12
# months to March 31": a period named by its length, not a level
_PERIOD_THE_BEFORE = re.compile(r"\b(?:in|over|during|for|within|across|throughout)\s+(?:the\s+)?$", re.I)
# "declined by £1 to £411", "up by 26": a difference, not a level.
_BY_BEFORE = re.compile(r"\bby\s+(?:(?:just|only|some|about|around|nearly|almost|roughly|a\s+further|another)\s+)?" + lexicon.CURRENCY_CLASS + r"?$", re.I)


# The claim naming its own base by a time: "9% lower in 2019 than a decade earlier in
# 2009", "21.7 percent lower than August 2022".
_BASE_TIME = re.compile(
    r"[^;.]{0,40}?\b(?:than|from|since|compared\s+(?:with|to)|over|on|versus|vs\.?)\s+(?:(?:the\s+)?(?:same\s+\w+\s+(?:in|of)\s+)?)?"
    r"(?:(?:(?P<month>" + MONTH + r")\.?\s+)?(?P<year>" + YEAR + r")\b(?!,\d|\.\d|\d|%)|(?P<month_only>" + MONTH + r")\b(?!\s*\d))"
    r"|[^;.]{0,40}?\b(?:than|from|over|on|compared\s+(?:with|to))\s+(?:a|one|two|three|five|ten)\s+(?:decade|years?)\s+(?:earlier|ago|before)",
    re.I,
)


def set_roles(text: str, sa: int, it: Item) -> None:
    q = it.q
    if q.roles is not None:  # the sentence was read as context of the paragraph before
        it.role, it.role_word, it.time, it.memo["time_before"] = q.roles[:4]
        it.memo.update(q.roles[4:] and q.roles[4])  # what a later reading of the paragraph added
        return
    _read_roles(text, sa, it)
    q.roles = (it.role, it.role_word, it.time, it.memo.get("time_before", False))
    if it.memo.get("when_level"):
        q.roles += ({"when_level": True, "loose_old": True},)


# What each pattern below cannot match without, in lower case: a word of a range, "of"
# after a percent, "by"; a year (its first digit), a month, or a word of a relative
# time. A window without them skips its pattern. (The four characters that match an ASCII
# letter under re.I but lower-case to none send a window to the patterns whatever it holds.)
_RANGE_STEMS = ("rang", "vari", "vary", "spread", "span", "between")
_MONTH_STEMS = tuple(m for m in lexicon.MONTHS if len(m) == 3)
_TIME_AFTER_STEMS = _MONTH_STEMS + (
    "last", "before", "earlier", "ago", "previous", "prior", "preceding", "corresponding", "formerly",
    "this", "now", "currently", "today")
_YEARISH = re.compile(YEAR)
_TIME_BEFORE_STEMS = ("year",) + _MONTH_STEMS
_CASE_FOLDS = re.compile("[\u0130\u0131\u017f\u212a]")


def may_match(low: str, stems: tuple[str, ...], folds: bool) -> bool:
    """Whether a window (``low``: lower-cased) holds one of ``stems`` or, ``folds``, one
    of the characters that fold to an ASCII letter."""
    if folds:
        return True
    for w in stems:  # (a loop: any() over a generator costs a frame per stem)
        if w in low:
            return True
    return False


def time_after_possible(tail: str) -> bool:
    """Whether _TIME_AFTER can match ``tail``: it needs a year, a month or a word of a
    relative time."""
    return may_match(tail.lower(), _TIME_AFTER_STEMS, _CASE_FOLDS.search(tail) is not None) or _YEARISH.search(tail) is not None


def time_before_possible(before: str) -> bool:
    """Whether _TIME_BEFORE can match in ``before``: it needs a year, a month or "year"."""
    return may_match(before.lower(), _TIME_BEFORE_STEMS, _CASE_FOLDS.search(before) is not None) or _YEARISH.search(before) is not None


def _read_roles(text: str, sa: int, it: Item) -> None:
    lo = max(sa, it.pa - 60)  # every role pattern is anchored at the number, and shorter than this
    role_words = ""
    head = text[lo : it.pa]
    cut = max(head.rfind(";"), head.rfind(":"), head.rfind("\u2014"))
    if cut >= 0:
        head = head[cut + 1 :]
    low = head.lower()
    folds = _CASE_FOLDS.search(head) is not None
    prior = _PRIOR_IN_BRACKETS.search(text, lo, it.pa) if cut >= 0 else None
    if prior is not None:
        # "up 5.2% to £92.4 million (2016: £87.8 million)": results copy gives the level of the
        # year before in brackets after its year and a colon
        it.role, it.role_word = "old", f"({prior.group('year')}:"
    elif may_match(low, _RANGE_STEMS, folds) and _RANGE_BEFORE.search(head):
        it.role, it.role_word = "range", "range"
    elif _SCOPE_BEFORE.search(head) or (_DURATION_FOLLOWS.match(text, it.b) and (
            it.q.hedge in ("more_than", "less_than", "at_least", "just_over") or _THRESHOLD_BEFORE.search(head)
            or _PERIOD_THE_BEFORE.search(head)) and not _MOVED_AFTER.match(text, it.b)):
        # "average attendance was 30,298 for its first 183 games": how far a figure reaches,
        # not a level of what it measures ("patients waiting more than 52 weeks", "seen
        # within 18 weeks": a threshold of time)
        it.role, it.role_word = "scope", "scope"
    elif "of" in low and ("%" in low or "p" in low or folds) and _PERCENT_OF.search(head):
        it.role, it.role_word = "whole", "of"  # "29% of 950 hires"
    elif ("by" in low or folds) and _BY_BEFORE.search(head):
        it.role, it.role_word = "by", "by"
    elif m := _ROLE_BEFORE.search(head):
        role_words = m.group(0)
        w = re.sub(r"\s+", " ", (m.group("w") or m.group("w2") or m.group("w3") or m.group("w4") or m.group("w5") or m.group("w6")).lower())
        if w.startswith("to "):
            w = "to"  # "to close at 18.12": its level is where the change ended, as after "to"
        it.role_word = w
        it.role = "old" if w in PASS_SET or m.group("w4") else _ROLE.get(w, _ROLE.get(w.split()[0]))
        if (m.group("w4") or w in ("over", "since", "above", "below")) and (it.q.noun or "").lower().rstrip("s") in _TIME_UNITS:
            it.role, it.role_word = None, ""  # "over the previous 12 months": a span of time, no benchmark
        if w == "to" and _NOT_BEFORE_TO.search(head, 0, m.start("w2")):
            it.role, it.role_word = None, ""  # "translating to around 27 million", "according to": no endpoint
        if w.startswith(("compared", "compare", "in comparison", "relative", "as against", "as opposed")):
            it.role = "old"
        if it.role == "new" and (wm := _WHICH_WAS_ROLE.search(text, max(sa, it.pa - 110), it.pa)) is not None \
                and not re.search(r"[;:\u2014]", wm.group(0)):
            # "down almost £1m to £74.9m against the same period in the previous year when
            # they stood at £75.8m": the level of what the comparison names, not a new one
            it.role_word = re.sub(r"\s+", " ", wm.group("w").lower())
            it.role = "old"
            role_words = wm.group(0)
        if it.role == "old" and _WHEN_THERE.search(role_words):
            # "compared to 2016 when there were 1,529": the comparison is with the time; the
            # number is that time's level, and the times say which is old
            it.role, it.role_word = None, ""
    elif m := _WHICH_WAS_ROLE.search(head):
        # "compared to January 2023 headline inflation rate which was 21.82%": the value
        # of what the comparison names, given by a relative clause
        it.role_word = re.sub(r"\s+", " ", m.group("w").lower())
        it.role = "old"
        role_words = m.group(0)
    elif "when" in low and (m := _WHEN_LEVEL.search(head)) is not None and m.group("w") and not _WHEN_THERE.search(m.group(0)):
        # "a decline from the previous year, when a 4.1 percent dropout rate was reported":
        # the level of the time the comparison names, given after "when" (a reading of the
        # words: it bears a claim out)
        it.role_word = re.sub(r"\s+", " ", m.group("w").lower())
        it.role = "old"
        role_words = m.group(0)
        it.memo["when_level"] = it.memo["loose_old"] = True
    elif head.endswith("(") and (m := _PAREN_ROLE.search(head)):
        # "lower than the rate recorded in August (17.01) per cent": the number in brackets
        # is the value of what the comparison names
        it.role_word = re.sub(r"\s+", " ", m.group("w").lower())
        it.role = "old"
    tail = text[it.b : it.b + 90]
    # skip the noun the number counts ("344 slayings in 2007")
    tm = _TIME_AFTER.match(tail) if time_after_possible(tail) else None
    if tm is None and (sm := _SAME_PERIOD_AFTER.match(tail)) is not None:
        # "682 cases of major crime for that same period in 2015": the year of the period
        month = sm.group("month")
        it.time = (int(sm.group("year")), MONTH_NUM.get(month.lower().rstrip("."), 0) if month else 0)
    elif tm:
        it.time = _time(tm)
        if it.time == (0, -2) and it.q.direction is None and _YEAR_BEFORE_WORDS.match(tm.group("past") or ""):
            # "2,050,832 in 2016 over 1,798,380 recorded in the previous year": the year
            # before the one the sentence named, not "last year" as the story tells it (a
            # level's label; "an increase of 2.5 million from the year before" is a change's base)
            said = _YEAR_SAID.findall(text, sa, it.a)
            if said:
                it.time = (int(said[-1]) - 1, 0)
    else:
        before = text[max(sa, it.a - 60) : it.a]
        bm = _TIME_BEFORE.search(before) if time_before_possible(before) else None
        if bm:
            it.time = _time(bm)
            it.memo["time_before"] = True
        elif ym := _YEAR_IN_ROLE.search(role_words):
            # "from the 2015 median income of $57,230": the year the role words name ("from
            # the March total of 3,658": or the month, in order within one year)
            month = ym.group("month") or ym.group("month_only")
            year = int(ym.group("year")) if ym.group("year") else 1
            it.time = (year, MONTH_NUM.get(month.lower().rstrip("."), 0) if month else 0)
        elif prior is not None:
            it.time = (int(prior.group("year")), 0)
        elif "when" in (wide := text[max(sa, it.a - 130) : it.a]) and (wm := _WHEN_LEVEL.search(wide)) is not None:
            # "up 3.1% from 2006, when the ten-team league averaged 4,295 fans": the level
            # of the time named before "when" (a reading of the words: it bears a claim out)
            it.time = _time(wm)
            it.memo["when_level"] = it.memo["loose_old"] = True


# "682 cases of major crime for that same period in 2015", "1,011,255 arrivals during the
# corresponding period in 2013": a period named again, and its year (what the number counts
# may take four words)
_SAME_PERIOD_AFTER = re.compile(
    r"(?:\s+(?!" + _COMPARING + r")[a-z][\w'-]*){0,4}?\s*,?\s+(?:in|during|for|over)\s+(?:the|that|this)\s+"
    r"(?:same|corresponding|comparable|equivalent)\s+(?:period|months?|quarter|weeks?|time|span)\s+(?:in|of)\s+"
    r"(?:(?P<month>" + MONTH + r")\.?\s+)?(?P<year>" + YEAR + r")\b", re.I)
_PRIOR_IN_BRACKETS = re.compile(
    r"\(\s*(?:FY\s?)?(?P<year>" + YEAR + r")(?:\s*[/-]\s*\d{2,4})?\s*:\s*(?:[a-z][\w'-]*\s+){0,4}" + lexicon.CURRENCY_CLASS + r"?$",
    re.I)
_WHEN_LEVEL = re.compile(
    r"\b(?P<w>from|than|since|over|on|against|compared\s+(?:to|with))\s+(?:(?:(?P<month>" + MONTH + r")\.?\s+)?(?P<year>" + YEAR + r")"
    r"|(?P<past>last\s+(?:year|season)|the\s+(?:previous|prior)\s+(?:year|season)|a\s+year\s+(?:earlier|ago)))"
    # ("compared to June 2015, when the unrestricted gaming licensees reported a gaming win
    # of $830.9 million": what the level counts may take ten words)
    r"\s*,?\s+when\s+(?:[a-z][\w'-]*\s+){0,10}" + lexicon.CURRENCY_CLASS + r"?$", re.I)
_YEAR_BEFORE_WORDS = re.compile(r"the\s+year\s+before|(?:the\s+)?(?:previous|prior|preceding)\s+year\b", re.I)
# ("an increase of 7.3% over 2018 (3,78,236 cases)": or the year whose level the brackets give)
_YEAR_IN_ROLE = re.compile(r"(?<=\s)(?:(?:(?P<month>" + MONTH + r")\s+)?(?P<year>" + YEAR + r")|(?P<month_only>" + MONTH + r"))(?=\s+[a-z]|\s*\($)", re.I)


def _time(m: re.Match) -> tuple[int, int] | None:
    g = m.groupdict()
    year = g.get("year") or g.get("year2") or g.get("year3") or g.get("poss")
    month = g.get("month") or g.get("month2") or g.get("month3")
    if year:
        return (int(year), MONTH_NUM.get(month.lower().rstrip("."), 0) if month else 0)
    if month:
        return (1, MONTH_NUM.get(month.lower().rstrip("."), 0))  # a month alone: order within one year
    if g.get("past"):
        if re.match(r"the\s+(?:year|month|week|quarter|day)\s+before|(?:the\s+)?(?:previous|prior|preceding)\s+", g["past"], re.I):
            return (0, -2)  # "1,130 dogs last year and 870 the year before"
        return (0, -1)
    if g.get("present"):
        return (0, 0)
    return None


def base_time(text: str, claim: Claim) -> tuple[int, int] | None | bool:
    """The time the claim says it is measured from, when it names one instead of a
    number: (year, month), (1, month) for a month alone; True for a base it names only
    relatively ("a decade earlier"). Read once per claim (the bindings and the
    candidates both ask)."""
    memo = claim.memo
    if "base_time" not in memo:
        memo["base_time"] = _base_time(text, claim.end)
    return memo["base_time"]


def _base_time(text: str, end: int) -> tuple[int, int] | None | bool:
    # the pattern reads the 90 characters after the claim, and the one before it (its
    # first "\b"): read from that window alone, kept (a sentence is read again as the
    # context of the paragraph after it, and copy repeats its sentences)
    lo = max(0, end - 1)
    return _base_time_in(text[lo : end + 90], end - lo)


@lru_cache(maxsize=8192)
def _base_time_in(window: str, at: int) -> tuple[int, int] | None | bool:
    m = _BASE_TIME.match(window, at)
    if m is None:
        return None
    if m.group("month_only"):
        return (1, MONTH_NUM.get(m.group("month_only").lower().rstrip("."), 0))
    if m.group("year") is None:
        return True
    month = m.group("month")
    return (int(m.group("year")), MONTH_NUM.get(month.lower().rstrip("."), 0) if month else 0)


_PERCENT_OF = re.compile(r"(?:%|\bper\s?cent|\bpercent|\bpc)\s+of\s+(?:the\s+|all\s+|its\s+|their\s+)?" + lexicon.CURRENCY_CLASS + r"?$", re.I)


def comparable(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """Two time labels can be ordered: both dates (a year, or a month of one year), both
    relative ("last year" against "this year"), or "now" against a date."""
    if (a == (0, 0) and b[0] > 1) or (b == (0, 0) and a[0] > 1):
        return True
    return (a[0] > 1) == (b[0] > 1) and (a[0] != 1 or b[0] == 1)


def is_before(a: tuple[int, int], b: tuple[int, int]) -> bool:
    if a == (0, 0):
        return False
    if b == (0, 0):
        return a[0] > 1 or (a[0] == 0 and a[1] < 0)  # "456 last year" before "418 this year"
    return a < b


_YEAR_SAID = re.compile(r"\b(?:in|by|during)\s+((?:19|20)\d\d)\b", re.I)


_MONTH_SAID = re.compile(r"\b(?:in|during)\s+(?P<month>" + MONTH + r")\b\.?(?!\s*\d)", re.I)


def month_of(text: str, it: Item) -> tuple[int, int] | None:
    """The month alone (1, month) the sentence of a level with no label names last before
    it ("… a banner month in September, when the national unemployment rate dropped to 7.8
    percent"), or None."""
    if it.time is not None:
        return None
    found = list(_MONTH_SAID.finditer(text, it.base, it.a))
    return (1, MONTH_NUM[found[-1].group("month").lower().rstrip(".")]) if found else None


def year_of(text: str, it: Item) -> int | None:
    """The year a level is labelled with, or the last its sentence names before it ("In
    2005, the department saw a total of 545", "but by 2004, the number had dropped to 700")."""
    if it.time is not None and it.time[0] > 1:
        return it.time[0]
    if it.time is not None:
        return None
    found = _YEAR_SAID.findall(text, it.base, it.a)
    return int(found[-1]) if found else None
