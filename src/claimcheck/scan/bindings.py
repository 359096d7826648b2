"""Bindings: the numbers the words right around a claim tie to it.

"344 slayings, a 13 percent drop from the 396" binds 344 as the new level (weakly: a
subject) and 396 as the old (strongly: "from"); claims of one quantity ("13p (or 8%)")
share their numbers; a sentence pointing back ("This was a 22 per cent increase") takes
the level the sentence before gave. :func:`bind_claims` sets them on each claim and
returns the owner of every number bound strongly; :func:`bound_score` scores a candidate
against them.

(Longer than 500 lines: the bindings are read in one pass over a paragraph's claims, each
reading using the ones before it, and splitting the pass would scatter that order.)
"""

from __future__ import annotations

import re
from functools import lru_cache

from claimcheck import lexicon

from claimcheck.scan.items import BENCHMARK_ROLES, Claim, Item, noun_of, rate_level, same_unit, share_percent, SUBJECT_GAP
from claimcheck.scan.roles import base_time, comparable, is_before, month_of, year_of


_SET_OUT = re.compile(r"\s*[\u2014\u2013:,-]+\s*|(?:\s+[^\s\d.;:,\u2014\u2013]+){1,8}\s*[\u2014\u2013:]\s*", re.I)
# A sentence that opens by pointing back: "This was a 22 per cent increase", "That's a 16.2
# percent increase over last year".
_ANAPHOR = re.compile(
    r"[\s\"'“‘(]*(?:(?:this|that|it|these|which)(?:\s+(?:figure|number|total|increase|rise|drop|decline|fall|change|result))?"
    r"|the\s+(?:figure|number|total|increase|rise|drop|decline|fall|change|result)(?:\s+[^.;,\d\s]+){0,10}?)"
    r"\s*(?:['’]s|\s+(?:was|is|are|were|represents|represented|marks|marked|means|meant|equates\s+to|equated\s+to|amounts\s+to|amounted\s+to|would\s+be|works\s+out\s+(?:to|at)))?\s*",
    re.I,
)
# "greater than the airport took in at the end of October 2015, ": a base said in words,
# its level set after a comma
_THAN_CLAUSE = re.compile(r"\s+than\s+(?:what\s+)?[^\d,;.()]{3,80}?(?:\s+\d{4})?\s*,\s*", re.I)
# a direction's words, then a comma and "from" its old level: ", from nearly "
_FAR_FROM = re.compile(r"[^\d;:()]*,\s*from\s+(?:[a-z]+\s+){0,2}", re.I)
# ("fell to 374,000 from the previous week's revised estimate of 388,000": the long gap is
# the old level's own role words)
_FROM_RUN = re.compile(r"\s+from\s+(?:[a-z]+(?:['’]s)?\s+){1,6}", re.I)
# From a level to the change a relative clause after it states: "… in 2001, which itself was a "
_WHICH_WAS = re.compile(r"[^;:.,()\u2014\u2013]{0,60}?(?:,|\s*[\u2014\u2013]|\s--)\s*which\s+(?:itself\s+|also\s+)?"
                        r"(?:was|is|were|are|represents|represented|marks|marked)\s+(?:an?\s+)?", re.I)
# "over the same time period last year when ": a base said in words, its level after "when"
_OVER_WHEN = re.compile(r"\s+(?:over|from|than|compared\s+(?:to|with))\s+(?:the\s+)?[^\d,;.()]{3,60}?\s+when\s+"
                        r"(?:there\s+(?:were|was)\s+)?(?:only\s+|just\s+)?", re.I)
# ", meaning homicides are down by", ", resulting in a": a change said to follow from the
# numbers before it
_MEANING = re.compile(r",\s*(?:meaning|which\s+means|resulting\s+in)\s+(?:that\s+)?(?:[a-z][\w'’-]*\s+){0,4}$", re.I)
# "added 1,150 jobs in March, bringing total employment to 412,300": the level a change led to
_CARRYING = re.compile(r"\b(?:bringing|brings|brought|taking|takes|took|pushing|pushes|pushed|lifting|lifts|lifted|raising"
                       r"|lowering|leaving|leaves|putting|puts)\b", re.I)
#: "… and takes the amount raised since 2008 to £280m": a carrying verb with a thing of its own
CARRYING_OBJECT = re.compile(_CARRYING.pattern + r"\s+(?:the|its|their|his|her|our)\s", re.I)


# A claim set beside a change as its restatement: ", a drop of 19%", ", or 14%", "— a 17% decline",
# "-- a modest decline of 2.4 percent".
_APPOSITIVE = re.compile(
    r"(?:[,(\u2014\u2013]|--|\bor|\bfor|\brepresenting|\bmarking|\bgiving|\bmaking|\bwhich\s+(?:is|was)|\bthat['’]s)"
    r"\s*(?:an?\s|or\s|representing\s|marking\s|up\s|down\s|nearly\s|almost\s|about\s|roughly\s|more\s+than\s|close\s+to\s"
    r"|doubl|tripl|quadrupl|halv|" + lexicon.CURRENCY_CLASS + r"?\d)", re.I)
# A sentence whose subject points back, after a time it is set in: "The next year, it …",
# "In 2012, that number …", "Over the past five months, this figure …"
# "… comes as vehicle miles traveled increased by 0.8%": a clause with its own subject.
# ("as well as", "such as", "as much as", "as a share of" go on with the clause before)
_OWN_SUBJECT = re.compile(r"(?<!such\s)(?<!well\s)(?<!\bas\s)(?<!\bso\s)\b(?:" + lexicon.alternation(lexicon.OWN_SUBJECT_SUBORDINATORS)
                          + r")\s+(?!(?:it|this|that|well|much|many|a|an|of|to|part|compared|against|opposed|with|in|for)\b)[a-z]", re.I)
# "graduation rate of 76.5 percent": the noun a level is named by, right before it
_NOUN_OF = re.compile(r"\b(?P<noun>rate|figure|number|total|level|index|count)\s+of\s+$", re.I)
# "brought up the rate from 63.1 percent": an object that points back, before "from"
_POINTED_OBJECT = re.compile(r"\s+(?:the|this|that|its)\s+(?P<noun>rate|figure|number|total|level|index|count)\s+(?=from\b)", re.I)
# A subject that points back, and the verb after it: "The rate increased", "It rose".
# ("On year-on-year (y-o-y) basis, it jumped 34.5% from Rs230.47 crore": after a short
# opening phrase too)
_POINTED_SUBJECT = re.compile(r"[\s\"'“‘(]*(?:(?:on|in|by|during|over|for|at)\s+[^\d,.;:]{1,40},\s*)?(?:it|(?:the|this|that)\s+(?:rate|figure|number|total|level|index|count))\s+(?:(?:has|had|then|also)\s+)?$", re.I)
# "… from 11.19 million in the third quarter (q3) which indicates an increase of 0.36million":
# a relative clause restating the change whose levels it follows.
_RESTATING = re.compile(r"(?:[^\d;.,()]|\([^()]{0,10}\)){0,40}?,?\s*\b(?:which|that|this)\s+(?:indicates|indicated|represents|represented|means|meant|"
                        r"is|was|marks|marked|amounts\s+to|amounted\s+to)\s+$", re.I)


def _in_brackets_after(text: str, it: Item, levels: list[Item]) -> bool:
    """Whether ``it`` is a level in brackets right after another of its unit: the same level
    restated ("38 square miles (98 square kilometers)"), never a level of its own."""
    if not text[max(it.base, it.pa - 3) : it.pa].rstrip().endswith("("):
        return False
    return any(o is not it and o.sent == it.sent and o.b <= it.pa and it.pa - o.b <= 30 and same_unit(o.q, it.q) for o in levels)


def restates(text: str, claim: Claim, other: Claim) -> bool:
    """Whether ``claim`` restates the change ``other``, a direction of its sentence, states
    with its levels, in a relative clause right after the last of them (or, when ``other``
    is sized by its amount, in a percent set beside them), and the sentence
    gives no other change after it ("… which indicates an increase of 0.30million as the
    workforce grew to 61.2mn from 60.9mn": which change the amount states is then a
    reading, and scan/restated.py only bears it out)."""
    if other.sent != claim.sent or other.direction != claim.direction \
            or claim.item is None or other.old is None or other.new is None:
        return False
    last = max(other.old.b, other.new.b)
    if last > claim.start:
        return False
    if other.kind == "direction" and other.item is None:
        if _RESTATING.fullmatch(text, last, claim.start) is None:
            return False
    elif not (other.item is not None and other.kind != "share" and claim.kind == "percent" and other.item.b <= other.old.a
              and _SET_BESIDE.fullmatch(text, last, claim.start) is not None):
        # ("The Court's paid docket increased by 19 cases, from 1,722 to 1,741—a 1.1 percent
        # increase": a change sized by its amount, then its levels, then a percent set beside
        # them, restates that change in percent)
        return False
    stop = _SENTENCE_STOP.search(text, claim.end)
    return not any(ch.isdigit() for ch in text[claim.end : stop.start() if stop else len(text)])


# Between a level and a claim set off by a dash after it: its subject's words, the dash:
# " migrants arrived at Italy's shores — ".
_DASH_APPOSED = re.compile(r"(?:\s+[^\s\d;:.,()\u2014\u2013]+){0,7}\s*(?:[\u2014\u2013]|\s--|\s-)\s*", re.I)
# Between a change's last level and the percent that restates it: "—", " — ", ", or ".
_SET_BESIDE = re.compile(r"\s*(?:[\u2014\u2013]|--|,)\s*(?:or\s+)?", re.I)


# Between a claim and a verb of going set after its clause: a few words (no level among
# them), a comma, and perhaps "when they": " since 2002, when they ", " in 2009 than in 2002, ".
_ANCHOR_AFTER = re.compile(r"(?:\s+[^\s,;:.!?()\u2014\u2013]+){0,12}\s*,\s*(?:(?:when|as)\s+(?:they|it|these|those)\s+)?", re.I)


# A sentence's last words ending as a sentence does (a headline does not), then the break.
_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s*$")
_LAST_YEAR = re.compile(r"\b(?:over|from|on|than|compared\s+(?:with|to))\s+(?:a\s+year\s+(?:earlier|ago|before)|last\s+year|the\s+(?:previous|prior)\s+year)\b", re.I)
# The end of a sentence or of a clause a semicolon closes ("0.5 million." but not "0.5").
_SENTENCE_STOP = re.compile(r"[.;!?](?=\s|$)")


# A level's label and the comma a participle goes on after: "18.17 per cent in March, shedding …".
_LEVEL_COMMA = re.compile(r"(?:\s+(?:in|on|at|for|during)\s+[^\d,;:]{1,25}?(?:\s+(?:19|20)\d\d)?)?\s*,\s*", re.I)
_POINTED = re.compile(
    r"[\s\"'“‘(]*(?:(?:the\s+next|the\s+following|this|last)\s+(?:year|month|week|quarter|day|season)|(?:in|by|during|over|since)\s+[^,.;]{1,40}"
    # ("After several workshops in which items were taken from and added to the budget, it
    # increased about $885,000 to $145.14 million")
    r"|(?:after|following)\s+[^,.;\d]{1,90}),\s*"
    r"(?:it|this|that|they|these|those|the\s+(?:number|figure|total|rate|count|level))\b"
    r"|[\s\"'“‘(]*(?:it|they|this\s+(?:number|figure|total|rate|count|level)|that\s+(?:number|figure|total|rate|count|level))\s+(?:has|have|had|was|were|is|are|then|also|later|subsequently)\b",
    re.I)
# A subject naming again what the sentence before gave a level of: "After council workshops,
# the budget increased …".
_NAMED_AGAIN = re.compile(r"[\s\"'“‘(]*(?:(?:after|following|in|by|during|over|since|then)\s+[^,.;\d]{1,90},\s*)?the\s+(?P<noun>[a-z]{4,})\s+(?:has\s+|have\s+|had\s+|then\s+|also\s+)?(?=[a-z]+ed\b)", re.I)
_THIS_COMPARES = re.compile(r"[\s\"'“‘(]*(?:this|that|it)\s+(?:compares|compared)\s+(?:with|to)\s+(?:the\s+)?" + lexicon.CURRENCY_CLASS + r"?$", re.I)
_ALSO_BEFORE = re.compile(r"\b(?:also|too|meanwhile)\b", re.I)
# A sentence that opens on a pointer to the sentence before and goes straight on to its
# comparison: "That beat forecasts …", "That's slightly below the 3% predicted …"
# ("The annual headline rate’s increase, which …, came in below economists’ expectations
# for a 3.3% annual gain": or on the rate or change it names again, an aside between commas)
_POINTS_BACK = re.compile(
    r"\s*[\"'“‘(]*(?:(?:that|this|it)(?:'s|’s|\s+is|\s+was)?"
    r"|the\s+(?:[a-z][\w-]*\s+){0,3}?(?:" + lexicon.alternation(lexicon.RATE_POINTER_NOUNS) + r")"
    r"(?:['’]s\s+(?:" + lexicon.alternation(lexicon.RATE_POINTER_NOUNS) + r"))?(?:\s*,[^;:()]{1,160}?,)?"
    r"(?:\s+(?:came\s+in|was|is|also|then))*)\s+", re.I)
_POINTER = re.compile(r"\s*[\"'“‘(]*(?:they|it|that|this|these|those|the\s+(?:figure|number|total|count)s?)\b", re.I)
_PLACE_POINTER = re.compile(r"\s*(?:it|they|the\s+(?:" + lexicon.alternation(lexicon.PLACE_POINTER_NOUNS) + r"))\s+(?:had|has|have|recorded|reported|saw|counted|logged|tallied)\b", re.I)
# "The number of student visa holders …": a subject naming a number of something
_THE_NUMBER_OF = re.compile(r"[\s\"'“‘(]*the\s+(?:figure|number|total)\s+of\s", re.I)


def _names_its_own(text: str, claim: Claim, levels: list[Item]) -> bool:
    """Whether a claim whose subject is "the number of …" gives its own levels after it,
    two of them in its sentence ("The number of student visa holders in Australia decreased
    by 0.9% between 30 June 2012 when there were 307,050 students and 30 June 2013 when
    there were 304,251 students"): the subject names what it counts, no pointer back."""
    return (_THE_NUMBER_OF.match(text, claim.sa) is not None
            and sum(1 for it in levels if it.sent == claim.sent and it.a >= claim.end) >= 2)


# From a level to the claim its subject goes on to: " head, and is ", ", and was "
_AND_IS_GAP = re.compile(r"(?:\s+[^\s\d;:.,()]+){0,2}\s*,?\s+and\s+(?:is|was|are|were)\s+", re.I)
_RELATIVE = re.compile(r"\b(?:which|that|who)\s+(?:also\s+|has\s+|have\s+|had\s+)?$", re.I)
# A bare percent beside its part: "1,469 were for medical emergencies, or 41 percent", "25 areas (14 percent)"
_PART_GAP = re.compile(r"(?:\s+[^\s\d;:.,()]+){0,5}?\s*(?:,\s*or|\(|\u2014|\u2013|,|or|\s-)\s*"
                       # ("2,061 graduated on time, a rate of 88.1 percent": the share named)
                       r"(?:(?<=,\s)(?:a|an)\s+(?:" + lexicon.alternation(lexicon.SHARE_NAME_NOUNS) + r")\s+of\s+)?", re.I)
# Between two claims of one quantity: "13p (or 8%)", "324 students or 3.6%", "up 10,060 or 17 per cent".
_GROUP_GAP = re.compile(r"(?:\s+[a-z][\w'’-]*)?\s*[,(]?\s*(?:or|and)?\s*[(]?\s*", re.I)


# what a change noun is of, then ", with" before the level it reached: " in cases presented
# to the district attorney's office, with "
_WITH_AFTER_NOUN = re.compile(r"\s+(?:in|of)\s+(?:[a-z][\w'\u2019-]*\s+){0,7}?[a-z][\w'\u2019-]*\s*,\s*with\s+", re.I)


def _appositive(text: str, a: int, b: int) -> bool:
    """Whether _APPOSITIVE matches in ``text[a:b]``, read from that window and the one
    character before it (its "\b"), and kept: a sentence is bound again as the context
    of the paragraph after it, and copy repeats its sentences."""
    lo = max(0, a - 1)
    return _appositive_in(text[lo:b], a - lo)


@lru_cache(maxsize=8192)
def _appositive_in(window: str, at: int) -> bool:
    return _APPOSITIVE.search(window, at) is not None


# ", totalling", ", reaching": the level a change reached, after a comma
_TOTALLING = re.compile(r"(?:\s+[^\W\d][\w'’-]*){0,6}?\s*,\s*(?:totall?ing|reaching|to\s+reach|to\s+total)\s+(?:a\s+total\s+of\s+|some\s+)?"
                        + lexicon.CURRENCY_CLASS + r"?", re.I)
# A percent of a whole of its own: "29% of 950 hires"
_OF_A_WHOLE = re.compile(r"\s+of\s+(?:the\s+|all\s+)?" + lexicon.CURRENCY_CLASS + r"?\d", re.I)
# A level said again right after the one before it: in brackets ("($9.12 billion)", "(about
# US$535 million)") or as an amount per share (", or 25.2 pence a share")
_BRACKET_OPEN = re.compile(r"(?:\s+[^\W\d][\w'’-]*){0,2}\s*\(\s*(?:(?:about|around|roughly|some|approximately|or|nearly)\s+)?(?:[A-Z]{1,3}\s?)?$")
_BRACKET_CLOSE = re.compile(r"\s*\)")
_PER_OPEN = re.compile(r"(?:\s+[^\W\d][\w'’-]*){0,2}\s*,\s*or\s+(?:(?:about|around|roughly|some|nearly)\s+)?$", re.I)
_PER_CLOSE = re.compile(r"(?:\s+(?:pence|cents?|p)\b)?(?:\s+(?:a|per|each)\s+(?:share|unit)\b)?\s*(?=,)", re.I)


def _restated_end(text: str, pos: int, it: Item) -> int | None:
    """Where the aside ends when ``it`` only says again the level that ends at ``pos``: in
    brackets, or as ", or N a share"; None when it is a level of its own."""
    gap = text[pos : it.pa]
    if it.role is not None:
        return None
    if _BRACKET_OPEN.fullmatch(gap) and (m := _BRACKET_CLOSE.match(text, it.b)) is not None:
        return m.end()
    if _PER_OPEN.fullmatch(gap) and (m := _PER_CLOSE.match(text, it.b)) is not None and (
            it.q.per is not None or m.end() > it.b):
        return m.end()
    return None


def bind_claims(text: str, claims: list[Claim], levels: list[Item], last: int | None = None) -> dict[int, Claim]:
    """Tie each claim to the numbers its own words name; return the owner of each number
    bound strongly ("from", "to", "than", "of the"), by the number's id. Sentences from
    ``last`` on are the paragraph after's."""
    owners: dict[int, Claim] = {}
    rates = [c.item for c in claims if c.item is not None and rate_level(c.item)]
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
        base = base_time(text, claim) if claim.item is not None else None
        taken = 0
        for it in after:
            if taken == 2:
                break
            if pos > claim.end and (close := _restated_end(text, pos, it)) is not None:
                # ("rose to 60.6 billion yuan ($9.12 billion) from 57.3 billion yuan", "rose to
                # £353 million, or 25.2 pence a share, from £202 million": the level just bound,
                # said again in another currency or per share, is passed over)
                pos = close
                continue
            taken += 1
            gap = text[pos : it.a]
            if any(pos <= c.start < it.a for c in claims if c is not claim and not c.quiet):
                break
            if claim.old is None and claim.kind != "share" and it.role is None and _THAN_CLAUSE.fullmatch(gap):
                # "7 percent greater than the airport took in at the end of October 2015,
                # $398,002": a clause after "than" says what the base is, the level set
                # beside it says how much
                claim.old = it
                break
            if claim.old is None and claim.kind != "share" and it.role is None and pos == claim.end and it.q.written is not None \
                    and _OVER_WHEN.fullmatch(text, pos, it.pa):
                # "a drastic increase over the same time period last year when less than 20
                # cases were reported": the base named in words, then "when" and its level
                # (that the level is the base's is a reading: it bears the claim out only)
                claim.old = it
                claim.memo["when_old"] = True
                break
            if (claim.kind == "direction" and claim.new is None and pos == claim.end and it.role is None
                    and _WITH_AFTER_NOUN.fullmatch(text, pos, it.pa)):
                # "a significant uptick in cases presented to the district attorney's office,
                # with nearly 500 cases submitted this year compared to 178": what rose, then
                # "with" and its new level
                claim.new = it
                pos = it.b
                continue
            if len(gap) > 45 and not (len(gap) <= 70 and _CARRYING.search(gap) and it.role_word == "to") and not (
                    # "has fallen considerably since the economic downturn, from nearly 66 percent"
                    claim.kind == "direction" and it.role == "old" and it.role_word == "from" and len(gap) <= 80
                    and (_FAR_FROM.fullmatch(gap) is not None or _FROM_RUN.fullmatch(gap) is not None)):
                # "6.21 per cent higher compared to the rate recorded in February 2022, which was 15.70 per cent"
                if claim.old is None and base and base is not True and it.time == base and len(gap) <= 90:
                    claim.old = it
                break
            if (it.role == "new" and it.role_word == "to" and claim.new is None and claim.kind != "share"
                    and _CARRYING.search(gap) and claim.item is not None and claim.kind == "percent"
                    and (any(o.b <= claim.start and o.role is None and same_unit(o.q, it.q) for o in clause)
                         or CARRYING_OBJECT.search(gap))):
                # "The film's second weekend take of $31.5 million was down 62% from its $82.9
                # million debut, bringing its total to $143.2 million": a percent change with its
                # level before it; the total a carrying clause reaches is another quantity's
                break
            if it.role == "new" and claim.new is None and claim.kind != "share" and (
                    it.role_word == "to"
                    # ("increased five per cent …, totalling 1,771,861 units": the level a change
                    # reached, after a comma)
                    or (_TOTALLING.fullmatch(gap) is not None and claim.direction is not None)):
                claim.new, claim.new_strong = it, True
            elif it.role == "old" and claim.old is None and claim.kind != "share":
                claim.old = it
            elif it.role == "whole" and claim.whole is None:
                claim.whole = it
            elif re.fullmatch(r"\s*,?\s*with\s+(?:just\s+|only\s+)?", gap, re.I) and claim.new is None:
                if not any(o.a > it.b and o.time and it.time and comparable(it.time, o.time) and is_before(it.time, o.time)
                           for o in after):
                    # (not "decreased 35 percent overall with 97 robberies reported in 2017 and
                    # 63 reported in 2018": the levels of two times, which the times order)
                    claim.new = it
            elif claim.new is None and re.fullmatch(r"(?:\s+(?:in|for|of)\s+(?:its\s+|the\s+|their\s+)?[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*){0,2})?\s+(?:at|of)\s+" + lexicon.CURRENCY_CLASS + r"?(?:rs\.?\s*)?", gap, re.I):
                claim.new = it  # "a 61 per cent jump in its net profit at Rs 108 crore"
            elif claim.old is None and base and it.time and it.time == base:
                # "a 22 per cent increase on 2020, when there were 150,748"
                claim.old = it
            else:
                break
            pos = it.b
        before = [it for it in clause if it.b <= claim.start]
        # ("8.6 percent of respondents—translating to around 27 million people—…, down
        # from 9.1 percent": the subject is the level of the old one's unit)
        # (but not past a whole: "38% of the 1,200 new hires, up from 29% of 950 hires" compares
        # shares of two wholes)
        subjects = before if not before or (before[-1].role == "whole" and not (
            # ("60 per cent of 680 businesses surveyed …, up from 39 per cent": a percent
            # base is never the change of the count a share is of)
            claim.old is not None and claim.old.q.kind == "percent" != before[-1].q.kind
            and not _OF_A_WHOLE.match(text, claim.old.b))) else [
            it for it in before if claim.old is None or same_unit(it.q, claim.old.q)]
        # ("34 percent of sales …, up from 30 percent for the same period in 2009 and up from
        # 32 percent in the second quarter": the base of the comparison before is no subject)
        subjects = [it for it in subjects if not (it.role == "old" and it.link is not None and it.link is not claim)]
        if claim.quiet and subjects and claim.new is None and claim.start - subjects[-1].b <= 130:
            # "669 new international students this fall, down from 757": the level a
            # comparison is written after is its subject, however long its noun
            # ("6.33 million patients were waiting for 7.57 million treatments …, up from 6.29
            # million patients": of levels naming different things, the one its base names;
            # "7.37 million treatments were on hold for 6.23 million patients, up from 7.36
            # million": with a base that names nothing, none)
            named = {noun_of(it.q) for it in subjects if noun_of(it.q)}
            if len(named) > 1 and claim.old is not None:
                base_noun = noun_of(claim.old.q)
                same = [it for it in subjects if base_noun is not None and noun_of(it.q) == base_noun]
                if same:
                    claim.new = same[-1]
            else:
                claim.new = subjects[-1]
        elif claim.quiet and claim.new is None and claim.old is not None and claim.old.role_word in BENCHMARK_ROLES:
            # "a 14.2% increase in revenue, well above the national average of 8.8%": a rate
            # of change set against a benchmark rate
            rates = [c.item for c in claims if c.item is not None and c.clause == claim.clause and c.item.b <= claim.start
                     and c.item.q.kind == "percent" == claim.old.q.kind and c.item.q.direction and c.item.q.written is not None]
            if rates and claim.start - rates[-1].b <= 60:
                claim.new = rates[-1]
            elif not rates and _POINTS_BACK.fullmatch(text, claim.sa, claim.start):
                # "Retail sales were up 0.6 percent on month in August. That beat forecasts
                # for a gain of 0.4 percent": "that" is the rate of change the sentence before
                # ended on (a reading of the pointer: it bears the claim out only)
                before = [c.item for c in claims if c.item is not None and c.sent == claim.sent - 1
                          and c.item.q.kind == "percent" == claim.old.q.kind and c.item.q.direction
                          and c.item.q.written is not None]
                if before:
                    claim.new = before[-1]
                    claim.memo["pointed_back"] = True
        elif before:
            it = before[-1]
            gap = text[it.b : claim.start]
            if SUBJECT_GAP.fullmatch(gap) and not any(it.b <= c.start < claim.start for c in claims if c is not claim and not c.quiet):
                if (claim.kind == "share" and not claim.bare) or (claim.bare and _PART_GAP.fullmatch(gap)):
                    part = it
                    if it.role == "whole" and len(before) > 1 and re.fullmatch(
                            r"(?:\s+[a-z][\w'’-]*){0,2}\s+(?:of|out\s+of)\s+(?:the\s+|all\s+|its\s+|their\s+)?"
                            # ("41 of the state's 67 districts, or 61 percent": a possessive too)
                            r"(?:[a-z][\w-]*['’]s\s+)?" + lexicon.CURRENCY_CLASS + r"?", text[before[-2].b : it.a], re.I):
                        # "Only 27 of the 300 schools, or 9%", "14,891 votes cast out of 22,984
                        # registered voters, or 65 percent": the part, then its whole
                        part = before[-2]
                        claim.whole = claim.whole or it
                    claim.part = claim.part or part
                if (claim.kind != "share" and it.role == "old" and claim.item is not None and claim.old is None
                        and claim.new is None and _WHICH_WAS.fullmatch(text, it.b, claim.start)):
                    # "… compared with £287,000 in England, which was up 1.1%": the change of
                    # a relative clause is of the level its "which" follows, which it reached
                    # (a reading: it bears the claim out only), never the base of the comparison
                    claim.new = it
                    claim.memo["which_new"] = True
                elif claim.kind != "share" and it.role == "old" and (it.link is None or it.link is claim) and claim.old is None:
                    # "Rs 339 crore against Rs 298 crore, up 14 per cent": the old level
                    # last, its new level before it
                    claim.old = it
                    if len(before) > 1 and before[-2].b <= it.a and it.a - before[-2].b <= 60:
                        claim.new = claim.new or before[-2]
                elif claim.kind != "share" and claim.new is None and it is not claim.old:
                    claim.new = it
            elif (claim.kind != "share" and claim.new is None and it.role == "new" and it is not claim.old
                  and _AND_IS_GAP.fullmatch(gap)
                  and not any(it.b <= c.start < claim.start for c in claims if c is not claim and not c.quiet)):
                # "lamb slaughter … eased 6% …, to 298,095 head, and is 7% lower than the five
                # -year average for the month (321,718 head)": the subject goes on after "and
                # is", the level its first change reached its own (no other level: "on 2020,
                # when there were 150,748, and is up 13 per cent from the 163,067")
                claim.new = it
        if not before and claim.new is None and claim.item is not None and claim.kind in ("percent", "count", "money", "multiple"):
            # "21,618 migrants arrived at Italy's shores — 148.7 percent higher than the 8,691
            # landings a year earlier": a claim set off by a dash after the level it is of,
            # with only its subject's words between, is that level's change
            prev = [it for it in levels if it.sent == claim.sent and it.b <= claim.start]
            if (prev and prev[-1] is not claim.old and prev[-1].role is None and prev[-1].q.plain
                    and _DASH_APPOSED.fullmatch(text, prev[-1].b, claim.start) is not None
                    and not any(prev[-1].b <= c.start < claim.start for c in claims if c is not claim and not c.quiet)):
                claim.new = prev[-1]
        # ("… over the 658 interceptions in February — which was a 108 per cent increase over
        # the 315 in January": the dash ends the clause, the level "which" follows is before it)
        before_which = before or [it for it in levels if it.sent == claim.sent and it.b <= claim.start]
        if (claim.new is None and claim.old is not None and claim.item is not None and claim.kind != "share" and before_which
                and claim.old.a >= claim.end and same_unit(before_which[-1].q, claim.old.q)
                and _WHICH_WAS.fullmatch(text, before_which[-1].b, claim.start)
                and not any(before_which[-1].b <= c.start < claim.start for c in claims if c is not claim and not c.quiet)):
            # "… the 232 homicides recorded 10 years ago in 2001, which itself was a decrease
            # by more than half from the 479 killings": the change of a relative clause, from
            # the level it names, went to the level its "which" follows (what "which" stands
            # for is a reading: it bears the claim out only)
            claim.new = before_which[-1]
            claim.memo["which_new"] = True
        if (claim.kind == "direction" and claim.new is None and claim.old is not None and claim.old.q.kind == "percent"
                and claim.old.a >= claim.end):
            # "food prices were up 2.9 percent on year in December, … accelerating from 2.6
            # percent": the rate of change the clause gives before the verb is where it went
            rates_before = [c.item for c in claims if c.item is not None and c.clause == claim.clause
                            and c.item.b <= claim.start and rate_level(c.item)]
            if rates_before:
                claim.new = rates_before[-1]
        # "That equates to a 17.4 percent increase in freshmen and a 4.3 percent increase
        # in transfers", "This was a 22 per cent increase on 2020, when there were 150,748,
        # and is up 13 per cent": every claim of a sentence that opens by pointing back
        # points back, past the numbers of the claims before it
        if ((_ANAPHOR.fullmatch(text[claim.sa : claim.start]) and not _names_its_own(text, claim, levels))
                # ("The increase was 12%": the phrase itself opens by pointing back)
                or (claim.item is not None and claim.start == claim.sa and _ANAPHOR.fullmatch(text[claim.sa : claim.item.a]))
                or any(
                c.anaphoric and c.sent == claim.sent and c.end <= claim.start
                and not _OWN_SUBJECT.search(text, c.end, claim.start) for c in claims)) and not any(
                it.clause == claim.clause and it.b <= claim.start and owners.get(id(it)) is None
                and not (it.role == "old" and it.link is not None and it.link is not claim) for it in levels):
            claim.anaphoric = True
            # "… reached 183,587. This was a 22 per cent increase on 2020": the one level
            # the sentence before gave is the one "this" means
            # (or, when the sentence before gives none of its unit, the one before that:
            # "… rose to 18.17 percent. The CPI increased by 0.82 percent points. This is
            # higher than the 17.33 percent rate")
            # ("That's down from a 0.2% increase in November": a rate of change that went
            # from an earlier one, the one rate of change the sentence before states)
            of_rates = claim.kind == "points" or (claim.kind == "direction" and claim.old is not None
                                                  and claim.old.memo.get("rate_of_change", False))
            pool = levels + rates if of_rates else levels
            for back in (1, 2):
                # "(The unofficial number has been 663.)": a sentence in brackets is an aside
                prev = [it for it in pool if it.sent == claim.sent - back and text[it.base] != "(" and not _in_brackets_after(text, it, pool) and it.role not in ("old", "range")
                        and (it.role != "by" or it in rates) and (claim.old is None or same_unit(it.q, claim.old.q))]
                if prev or claim.old is None:
                    break
            if claim.new is None and claim.kind != "share" and len(prev) == 1:
                claim.new = prev[0]
            if claim.old is None and claim.new is not None and claim.new.sent == claim.sent - 1 and claim.kind != "share":
                # "… there were 369,221 deportations. During fiscal year 2009 … there were
                # 387,790 deportations. That's an increase of 18,569": "that" is the step from
                # the one level of the same thing the sentence before that gave
                new_noun = noun_of(claim.new.q)
                older = [it for it in levels if it.sent == claim.sent - 2 and same_unit(it.q, claim.new.q)
                         and it.role not in ("old", "range", "by") and text[it.base] != "(" and not _in_brackets_after(text, it, levels)]
                if (len(older) == 1 and new_noun and noun_of(older[0].q) == new_noun
                        and not any(it.sent == claim.sent - 1 and it is not claim.new and same_unit(it.q, claim.new.q)
                                    for it in levels)
                        and not (older[0].time and claim.new.time and comparable(older[0].time, claim.new.time)
                                 and not is_before(older[0].time, claim.new.time))):
                    claim.old = older[0]
        if (claim.old is None and claim.new is not None and claim.new.sent == claim.sent and claim.kind != "share"
                and claim.new.role == "new" and claim.new.role_word == "to" and claim.new.clause == claim.clause
                and not claim.quiet and ((pointed_back := _POINTED.match(text, claim.sa)) or _NAMED_AGAIN.match(text, claim.sa))):
            # "… the graduation rate was 79 percent. The next year, it inched up to 80
            # percent", "In 2012, that number was lowered to 247": a sentence whose subject
            # points back moves from the one level of its unit the sentence before gave
            prev = [it for it in levels if it.sent == claim.sent - 1 and same_unit(it.q, claim.new.q)
                    and it.role not in ("old", "range", "by") and text[it.base] != "(" and not _in_brackets_after(text, it, levels)]
            if len(prev) > 1:
                # "In 2013, the number of 311 complaints … stood at 8,629. In 2014, it rose
                # to 9,077": of several, the one the sentence states a level with
                stated = [it for it in prev if it.role == "new"]
                prev = stated if len(stated) == 1 else prev
            named = None if pointed_back else _NAMED_AGAIN.match(text, claim.sa)
            if named is not None and not (len(prev) == 1 and re.search(
                    r"\b" + re.escape(named.group("noun")) + r"\b", text[prev[0].base : prev[0].a], re.I)):
                prev = []  # ("the budget" must name what the sentence before gave the level of)
            if len(prev) == 1 and not any(it.sent == claim.sent and it is not claim.new and same_unit(it.q, claim.new.q)
                                          for it in levels):
                claim.old = prev[0]
                claim.anaphoric = True
                if named is not None:
                    # "… the capital budget was originally proposed at $95.31 million. After
                    # council workshops, the budget increased about $701,000 to $96.01
                    # million": a noun named again is a reading; it bears the claim out only
                    claim.memo["named_old"] = True
        if claim.item is not None and claim.old is None and claim.new is None and claim.kind in ("percent", "count", "money") \
                and not claim.quiet:
            # "… totaled 20,429 students.¶ That compares to 21,216 for the same time period a
            # year ago, or 787 fewer students this year": a sentence opening "that compares
            # with" names the base; the level "that" means is the one of its unit the
            # sentence before gave
            base = next((it for it in levels if it.sent == claim.sent and it.b <= claim.start and it.role in (None, "old")
                         and _THIS_COMPARES.match(text, it.base, it.pa) is not None), None)
            if base is not None and not any(it.sent == claim.sent and base.b <= it.a and it.b <= claim.start
                                            and same_unit(it.q, base.q) for it in levels):
                prev = [it for it in levels if it.sent == claim.sent - 1 and same_unit(it.q, base.q)
                        and it.role not in ("old", "range", "by") and text[it.base] != "(" and not _in_brackets_after(text, it, levels)]
                if len(prev) == 1:
                    claim.old, claim.new = base, prev[0]
                    claim.anaphoric = True
        pointed = None
        if (claim.new is None and claim.old is not None and claim.old.sent == claim.sent
                and (claim.kind == "direction" or (claim.kind in ("percent", "count", "money") and claim.item is not None
                                                   and claim.item.q.change))
                and claim.old.role_word == "from" and claim.old.clause == claim.clause and not claim.quiet
                and claim.old.b > claim.end and (_POINTED_SUBJECT.match(text, claim.sa, claim.start)
                                                 or (pointed := _POINTED_OBJECT.match(text, claim.end)))):
            # "House price growth picked up to 12.1% …. The rate increased from 11.7% the
            # previous month": a sentence whose subject points back, going from a level to
            # none of its own, went to the one level of its unit the sentence before reached
            # (or, when that sentence gives no number, the one before it: "… ticked upward,
            # from 62.8 to 62.9 percent. This measure counts the share …. The figure has
            # fallen considerably …, from nearly 66 percent in 2009")
            for back in (1, 2):
                prev = [it for it in levels if it.sent == claim.sent - back and same_unit(it.q, claim.old.q)
                        and it.role not in ("old", "range", "by") and text[it.base] != "(" and not _in_brackets_after(text, it, levels)]
                if prev or any(it.sent == claim.sent - back for it in levels):
                    break
            # ("… graduation rate of 76.5 percent …. But the district …, having brought up the
            # rate from 63.1 percent": the object points back to the level its noun named)
            nm = _NOUN_OF.search(text, max(prev[0].base, prev[0].pa - 30), prev[0].pa) if (
                pointed is not None and len(prev) == 1 and prev[0].role is None) else None
            named = nm is not None and pointed is not None and nm.group("noun").lower() == pointed.group("noun").lower()
            if len(prev) == 1 and (prev[0].role == "new" or named) and not any(
                    it.sent == claim.sent and it is not claim.old and same_unit(it.q, claim.old.q) for it in levels):
                claim.new = prev[0]
                claim.anaphoric = True
                claim.memo["new_before"] = True  # read across sentences: it bears the claim out only
        if (claim.item is not None and claim.old is None and claim.new is None and claim.kind in ("percent", "count")
                and _MEANING.search(text, max(claim.sa, claim.start - 60), claim.start)):
            # "There have been 12 homicides this year …. At this time last year, there were
            # 20, meaning homicides are down by 40 percent": a change said to follow from the
            # level just before it and the one of the sentence before, their times in order
            here = [it for it in levels if it.clause == claim.clause and it.b <= claim.start and it.time is not None]
            there = [it for it in levels if it.sent == claim.sent - 1 and it.time is not None]
            if len(here) == 1 and len(there) == 1 and same_unit(here[0].q, there[0].q) \
                    and comparable(here[0].time, there[0].time) and here[0].time != there[0].time:
                a, b = (here[0], there[0]) if is_before(here[0].time, there[0].time) else (there[0], here[0])
                if is_before(a.time, b.time):
                    claim.old, claim.new = a, b
                    claim.anaphoric = True
                    claim.memo["new_before"] = True  # read across sentences: it bears the claim out only
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
        if c.kind == "direction" or c.item is None or not _appositive(text, max(c.sa, c.start - 12), c.start + 14):
            continue
        verbs = [d for d in ordered if d.kind in ("direction", "anchor") and d.sent == c.sent and d.end <= c.start
                 and not any(d.end <= e.start < c.start and e.kind not in ("direction", "anchor") for e in ordered)]
        if verbs and (c.new is None or c.new in (verbs[-1].new, verbs[-1].old)):
            # (and the claims grouped with it: "fell from 439 … to 417, a drop of 22 students,
            # or 5 percent")
            own, merged = c.group, min(c.group, verbs[-1].group)
            for e in ordered:
                if e is c or e is verbs[-1] or (e.group == own and e.item is not None):
                    e.group = merged
    # "Riverside more than doubled the number of 911 calls … since 2002, when they went from
    # 187 to 449", "dialed 911 nearly 50 percent more often in 2009 than in 2002, going from
    # 3,389 calls to 4,985 calls": a verb of going from one level to another, set after the
    # claim's clause with a comma and no level between, gives its change
    for c, d in zip(ordered, ordered[1:]):
        if (d.kind == "anchor" and c.item is not None and (c.kind == "multiple" or (c.kind == "percent" and c.direction is not None))
                and c.sent == d.sent and c.old is None and c.new is None and d.old is not None and d.new is not None
                and d.start - c.end <= 90 and _ANCHOR_AFTER.fullmatch(text, c.end, d.start) is not None
                and not any(c.end <= it.a < d.start for it in levels)):
            d.group = c.group
    # "an 8 percent rise in the number of rapes, which went from 12 to 13": the verb of a
    # relative clause restates the claim before it
    for d in ordered:
        if d.kind in ("direction", "anchor") and _RELATIVE.search(text, max(d.sa, d.start - 12), d.start):
            # (in its own clause: "…, which went from 12 to 13; motor vehicle thefts, which
            # rose from 63 to 64 for a 2 percent increase" — the second verb is not the first claim's)
            prior = [c for c in ordered if c.sent == d.sent and c.clause == d.clause and c.end <= d.start
                     and c.item is not None and c.kind != "share"]
            if prior:
                d.group = prior[-1].group
    # "Custody numbers dipped slightly last month. They went from 57,861 … to 56,945": a
    # sentence that opens by pointing back gives the numbers of the claim before it
    for d in ordered:
        if d.kind in ("direction", "anchor") and d.old is not None and _POINTER.match(text, d.sa):
            prior = [c for c in ordered if c.sent == d.sent - 1 and c.item is not None and c.kind != "share"]
            # (not a claim that restates a change its own sentence gives the levels of: "…
            # from 11.19 million … which indicates an increase of 0.36million. It therefore
            # means that the unemployment rate has risen to 14.2% … from 13.9%")
            # (nor a sentence that says its change is another: "June's trade surplus stood at
            # $22.27 billion, up 10.3 percent year on year. It also jumped from $13.05 billion in
            # May")
            # (nor one that has, or is set beside a change that has, both levels in its own
            # sentence: "… increased from 7,496 filings … to 8,521 filings …—an increase of
            # 13.7 percent. The number of cases filed in the Court's in forma pauperis docket
            # increased from 5,755 …", "The arrest rate rose 37%, from 51 to 72 arrests. The
            # number of applications went from 18,465 to 22,650")
            if len(prior) == 1 and not any(restates(text, prior[0], e) for e in ordered) \
                    and not any(e.group == prior[0].group and e.sent == prior[0].sent and e.old is not None and e.new is not None
                                and e.old.sent == e.new.sent == e.sent for e in ordered) \
                    and _ALSO_BEFORE.search(text, d.sa, d.start) is None:
                prior[0].group = d.group
                prior[0].later_ok = True
    # "… a 61 per cent jump in its net profit at Rs 108 crore. It had posted profit of Rs
    # 67 crore in the year-ago period": a sentence pointing back with the one earlier level
    # of the unit gives the base of the change before it
    for c in ordered:
        if c.direction is None or c.old is not None or c.new is None or c.new.sent != c.sent:
            continue
        nxt = [it for it in levels if it.sent == c.sent + 1 and same_unit(it.q, c.new.q)]
        if len(nxt) == 1 and nxt[0].role in (None, "old") and _THIS_COMPARES.match(text, nxt[0].base, nxt[0].pa) is not None:
            # "Sales in Brazil and Argentina fell to 269,000 units in the month. This compares
            # with 275,000 units in the same month in 2018": the next sentence names the base
            # (read across a sentence, it bears the claim out only)
            c.old, c.later_ok, c.lead = nxt[0], True, True
            owners.setdefault(id(nxt[0]), c)
            continue
        if c.item is None:
            continue
        # (a level a change of the next sentence reached is its level at that time too: "…
        # in September, when the national unemployment rate dropped to 7.8 percent")
        reached = len(nxt) == 1 and nxt[0].role == "new" and nxt[0].role_word == "to"
        if len(nxt) != 1 or (nxt[0].role is not None and not reached) or any(
                d.sent == c.sent + 1 and d.item is not None and d.item is not nxt[0] for d in ordered):
            continue
        when = nxt[0].time if nxt[0].time is not None or not reached else month_of(text, nxt[0])
        if nxt[0].time is not None and nxt[0].time[0] == 0 and nxt[0].time[1] < 0 and _POINTER.match(text, nxt[0].base) \
                and not reached:
            c.old = nxt[0]
            c.later_ok = True
            owners.setdefault(id(nxt[0]), c)
        elif (when is not None and c.new.time is not None and comparable(when, c.new.time)
              and is_before(when, c.new.time) and common_stems(text[c.sa : c.start], text[nxt[0].base : nxt[0].a])):
            # "Ohio's unemployment rate ticked up slightly in August to 4.1% … Ohio's
            # unemployment rate was 4% in July": the next sentence names the same thing at
            # an earlier time; read across a sentence, it bears the claim out only
            c.old, c.later_ok, c.lead = nxt[0], True, True
            owners.setdefault(id(nxt[0]), c)
    # "Thefts rose from 5,120 to 6,030. The figure represents an 18% rise": the sentence
    # pointing back restates the change before it
    for c in ordered:
        if c.anaphoric and c.item is not None:
            verbs = [d for d in ordered if d.kind in ("direction", "anchor") and d.sent == c.sent - 1]
            if len(verbs) == 1:
                c.group = verbs[0].group
    for c in ordered:
        _lead(text, c, ordered, levels, owners, last)
        _set_out_back_in_time(text, c, levels, owners)
    # "up by 0.18 from 0.88 percent": a change written without a unit, from a percent of its
    # clause, is a change in points, the unit written once on the level
    for c in claims:
        q = c.item.q if c.item is not None else None
        if (q is not None and c.kind == "count" and c.old is not None and c.old.q.kind == "percent"
                and c.old.clause == c.clause and c.old.role_word == "from" and q.written is not None
                and not q.currency and not q.noun and not q.per and q.written.value < 100):
            c.kind = "points"
    # "a polling percentage of 68.29, almost 8.0 percentage points higher from 60.39
    # percent": a change in points compares two percents, the unit written on one of them
    for c in claims:
        if c.kind == "points" and c.new is not None and c.old is not None:
            share_percent(c.new, c.old)
            share_percent(c.old, c.new)
    # "It was 18.17 per cent in March, shedding 0.05 per cent to close at 18.12 in April": a
    # bare number a change reaches, within a tenth of a percent level said before it in the
    # clause, is a percent too, the unit written once on the level
    for c in claims:
        n = c.new
        if (c.item is not None and c.direction and c.kind in ("percent", "points") and n is not None and c.old is None
                and n.role == "new" and n.q.kind == "count" and n.q.written is not None and n.sent == c.sent):
            said = [it for it in levels if it.sent == c.sent and it.clause == n.clause and it.b <= c.start and it.q.kind == "percent"
                    and it.q.plain and it.role is None and it.q.written is not None]
            if (len(said) == 1 and abs(said[0].q.written.value * 100 - n.q.written.value) * 10 <= n.q.written.value
                    and _LEVEL_COMMA.fullmatch(text, said[0].b, c.start)):
                share_percent(n, said[0])
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


def bound_score(claim: Claim, slots: dict[str, Item], owners: dict[int, Claim], text: str,
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
        if owner is not None and owner is not claim and owner.group != claim.group and not any(owner.item is v for v in slots.values()) \
                and not (slot == "old" and owner.old is it and owner.new is not None and owner.new is claim.new
                         and owner.sent == claim.sent and claim.kind != "direction") \
                and not (slot in ("old", "new") and restates(text, claim, owner)) \
                and not (slot == "whole" and owner.new is it and claim.memo.get("whole_pointed")):
            # ("Sales increased 10.3% to $930.9 million. … $141.5 million, or 15.2% of sales":
            # the level a change reached is the whole the share's words point back to)
            # (a number another claim owns is no evidence of this one, unless that claim's own
            # quantity is evidence too: "rose by 18,900 to 130,570" gives the level 18,900 led to)
            if slot == "new" and owner.old is it and owner.sent == claim.sent and not (bound is it and claim.memo.get("which_new")):
                # "a 22 per cent increase on 2020, when there were 150,748, and is up 13 per
                # cent from the 163,067 in 2019": the base of one change in the sentence is
                # not where the next one ended (unless the next one's "which" follows it: "over
                # the 658 … — which was a 108 per cent increase over the 315")
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


# The comparisons that name an old level outright: "compared to 72,000 in 2019", "well above
# the 3,627 sold in September, 2012".
# ("There were 290,761 applications lodged this year which compares with 280,003 last year")
_COMPARED = frozenset({"compared with", "compared to", "compares with", "compares to", "than", "versus", "vs", "vs.",
                       "against", "as against", "in comparison with", "in comparison to", "from", "above", "below"})
_STEM = re.compile(r"[a-z]{4,}")
# Words too common to say two sentences count one thing.
_COMMON = frozenset({"number", "total", "year", "month", "rate", "percent", "cent", "level", "figure", "this", "that", "their",
                     "showed", "shows", "with", "from", "were", "have", "been", "than", "more", "last", "compared",
                     "same", "period", "time", "according", "report", "reported", "data", "also", "when", "there",
                     "which", "about", "over", "some", "nearly", "almost", "after", "before", "during", "since"})


# The direction words themselves ("fell", "decline"): shared, they say nothing of what is counted.
_DIRECTION_STEMS = frozenset(w[:-1] if w.endswith("s") else w for v in lexicon.UP_WORDS + lexicon.DOWN_WORDS + lexicon.DIRECTION_VERBS
                             for w in v.split())


def common_stems(a: str, b: str) -> set[str]:
    """The words of four letters or more two texts share, singular or plural, but the
    words too common to say they count one thing."""
    def stems(words: str) -> set[str]:
        return {w[:-1] if w.endswith("s") else w for w in _STEM.findall(words.lower())}
    return stems(a) & stems(b) - _COMMON


# From a direction to the colon that sets out its levels: words only.
_TO_COLON = re.compile(r"[^\d;:.]{0,100}:\s", re.I)


def _set_out_back_in_time(text: str, c: Claim, levels: list[Item], owners: dict[int, Claim]) -> None:
    """A direction stated alone whose clause goes on after a colon in a list of levels
    going back in time, newest first: "… is rising as well: 144 last year, 129 in 2015 and
    108 in 2014". The first level is the newest, the second the one before it; the list's
    own order is read, so it bears the claim out, never proves it wrong."""
    if c.kind != "direction" or c.item is not None or c.old is not None or c.new is not None or c.quiet:
        return
    m = _TO_COLON.match(text, c.end)
    if m is None:
        return
    listed = [it for it in levels if it.sent == c.sent and it.a >= m.end()]
    if len(listed) < 2 or not all(same_unit(it.q, listed[0].q) and it.q.plain for it in listed):
        return
    if len({n for n in (noun_of(it.q) for it in listed) if n}) > 1:
        return  # the list counts two things
    years = [year_of(text, it) if it.time is not None and it.time[0] > 1 else None for it in listed]
    first = listed[0].time
    rest = years[1:]
    if any(y is None for y in rest) or any(a <= b for a, b in zip(rest, rest[1:])):
        return  # the levels after the first must go back in time, a year each
    if years[0] is not None:
        if years[0] <= rest[0]:
            return
    elif not (first is not None and first[0] == 0 and first[1] < 0 and len(rest) >= 2):
        # ("144 last year, 129 in 2015 and 108 in 2014": a relative label first, then at
        # least two years going back, which say the list runs back in time)
        return
    c.new, c.old, c.lead = listed[0], listed[1], True
    owners.setdefault(id(listed[1]), c)


def _lead(text: str, c: Claim, ordered: list[Claim], levels: list[Item], owners: dict[int, Claim],
          last: int | None = None) -> None:
    """A sentence that states a change and no level of its own leads the next, which sets
    out the two levels compared, of what the claim names: "… finding a nearly 30 percent
    increase in overdose deaths compared to the year prior. Approximately 93,000 Americans
    died of a drug overdose in 2020, compared to 72,000 in 2019." The numbers are the
    claim's, read across a sentence: they bear it out, never prove it wrong."""
    # ("First-time jobless claims fell by 14,000 ….¶ Initial claims … fell to 374,000 from …
    # 388,000": an amount too)
    if c.old is not None or c.new is not None or c.bare or c.direction is None or c.kind not in (
            "percent", "points", "direction", "count", "money"):
        return
    if c.anaphoric or any(it.sent == c.sent for it in levels):
        return
    # (a direction with no number after the claim is a clause of its own: "posted a 14% jump
    # in first-half pre-tax profit … as revenue rose")
    mine = [d for d in ordered if d.sent == c.sent and d.kind != "anchor" and (c.alone or not d.quiet)
            and not (d is not c and d.kind == "direction" and d.item is None and d.start > c.end)]
    if c not in mine:
        return
    # one change in the sentence, or the numbers may be another's; but the one pair "X,
    # compared to Y" of the next sentence is read with each ("a 9% increase in the total CAO
    # applications …, with a 136% increase in applications from other EU countries. There
    # were a total of 84,526 applications …, compared to 77,831 applications last year"):
    # read across a sentence it only bears a change out, and it fits one at most
    several = len(mine) > 1
    changes = [d for d in ordered if d.sent == c.sent + 1 and not d.quiet and d.kind != "anchor"]
    if changes and several:
        return
    if changes:
        # "… there was a decline in the number of opioid overdose deaths. The 195 deaths
        # represent an 11 percent decrease from the 220 deaths": the next sentence's one
        # change, in the same direction, with both its levels bound, restates the claim
        # (in the claim's paragraph: a headline restating the first paragraph's change adds
        # nothing a reader would check)
        # ("Tata Comm also incurred revenue loss by 23.47% for the current quarter. Its
        # revenues declined from Rs 992.14 crore … to Rs 759.23 crore": a change with a
        # size and none of its levels, then a direction with both and no size of its own)
        # ("… pre-tax profit rose to £11.1m from £9.7m on revenue of £60.5m, up 9.1%": of the
        # next sentence's changes, the one with both its levels set out)
        full = [d for d in changes if d.old is not None and d.new is not None]
        d = full[0] if len(full) == 1 else changes[0]
        # (the first sentence of the next paragraph too, after a claim's sentence that ends
        # as a sentence does, which a headline does not: "… an increase in enrollment of 13.5
        # percent over last year, … said on Monday.¶ … the number of students at FAU grew to
        # 12,031, compared with 10,600 at the same time last year")
        in_reach = last is None or d.sent < last or (d.sent == last and _SENTENCE_END.search(text, c.sa, d.sa) is not None)
        if ((len(changes) == 1 or len(full) == 1) and (c.item is None) != (d.item is None) and in_reach
                and d.direction == c.direction
                and d.old is not None and d.new is not None and d.old.sent == d.new.sent == d.sent
                and same_unit(d.old.q, d.new.q)
                and (common_stems(text[c.sa : d.sa], text[d.sa : d.old.b + 30]) - _DIRECTION_STEMS
                     # (or both measured against last year, which names what is compared by its time)
                     or (d.old.time == (0, -1) and _LAST_YEAR.search(text, c.sa, d.sa) is not None))):
            c.old, c.new, c.later_ok, c.lead = d.old, d.new, True, True
            if c.item is not None:
                d.group = c.group  # one change: the size, then its levels
        return  # the next sentence states a change of its own
    nxt = [it for it in levels if it.sent == c.sent + 1]
    olds = [it for it in nxt if it.role == "old" and it.role_word in _COMPARED]
    if several and len(olds) != 1:
        return
    if len(olds) == 1:
        old = olds[0]
        # (past an amount per thing beside the new level: "hit $1.3 billion, or 68 cents per
        # share, from $844 million")
        before = [it for it in nxt if it.b <= old.a and it.clause == old.clause and it.q.per == old.q.per]
        if not before:
            return
        new = before[-1]
    elif (not olds and len(nxt) == 2 and _POINTER.match(text, nxt[0].base) and nxt[0].time and nxt[1].time
          and comparable(nxt[0].time, nxt[1].time) and nxt[0].time != nxt[1].time):
        # "… an 87% increase in arrests … That breaks down to 291 arrests before July 1 this
        # year and 156 before July 1 last year": the sentence pointing back gives the two
        # levels, their times saying which is old
        old, new = (nxt[0], nxt[1]) if is_before(nxt[0].time, nxt[1].time) else (nxt[1], nxt[0])
        if not is_before(old.time, new.time):
            return
    elif not olds and len(nxt) == 1 and c.kind == "direction":
        # "… there was a big drop in juvenile arrests. In 2005, the department saw a total of
        # 545 juvenile arrests. After years of decrease, in 2012, there were only 89 juvenile
        # arrests": the next two sentences give a level each, their years saying which is old
        after = [it for it in levels if it.sent == c.sent + 2]
        if len(after) != 1 or any(d.sent == c.sent + 2 and not d.quiet and d.kind != "anchor" for d in ordered):
            return
        old, new = nxt[0], after[0]
        years = year_of(text, old), year_of(text, new)
        if (years[0] is None or years[1] is None or years[0] >= years[1] or not same_unit(new.q, old.q)
                or old.role is not None or new.role is not None
                or not (common_stems(text[c.sa : old.base], text[old.base : old.b + 30])
                        & common_stems(text[c.sa : old.base], text[new.base : new.b + 30]))):
            return
        c.old, c.new, c.later_ok, c.lead = old, new, True, True
        owners.setdefault(id(old), c)
        return
    else:
        return
    if not same_unit(new.q, old.q) or new.role in ("old", "whole", "range", "by"):
        return
    if any(it is not new and it is not old and it.a < old.a and same_unit(it.q, new.q) and it.clause == old.clause for it in nxt):
        return  # "14 airports handled 19 million passengers …": which of two is the new level
    if new.time and old.time and comparable(new.time, old.time) and not is_before(old.time, new.time):
        return
    # (what the levels count, named up to the old one's noun: "43 drivers were arrested …,
    # compared with 27 arrests")
    if not common_stems(text[c.sa : new.base], text[new.base : old.b + 30]) and not (
            # "… the number of homicides increased in Philadelphia. The city had 324 as of
            # Thursday, compared to 306 in 2010": a sentence whose subject points back to the
            # place or body the claim names, its levels counting nothing else
            _PLACE_POINTER.match(text, new.base) and noun_of(new.q) is None and noun_of(old.q) is None):
        return  # the next sentence counts something else
    c.old, c.new, c.later_ok, c.lead = old, new, True, True
    owners.setdefault(id(old), c)
