"""Candidates: every relation that could produce a claim from the numbers near it,
scored on structure alone (role words that fit, times in order, one clause, the same noun
and unit, distance), never on whether the claim comes out right.

(Longer than 500 lines: each relation's candidates are read in one pass over the same
near levels, and splitting the pass would scatter the readings that share them.)
"""

from __future__ import annotations

import re
from fractions import Fraction

from claimcheck import lexicon
from claimcheck.expr.computation import Computation
from claimcheck.numbers import NumberError, Written, expression_text, fmt_decimal, parse_number, scale_word
from claimcheck.scan.bindings import bound_score
from claimcheck.scan.quantity import Quantity
from claimcheck.scan.items import (
    BENCHMARK_ROLES,
    Candidate,
    claim_noun_words,
    Claim,
    currency_of,
    direction_verb,
    Item,
    noun_of,
    noun_score,
    rate_level,
    same_unit,
    SUM_CUE,
    summed_parts,
    verb_direction,
    written_of,
)
from claimcheck.scan.roles import base_time, comparable, is_before, MONTH, MONTH_NUM, YEAR, year_of
from claimcheck.scan.scoring import change_score, distance, label_text, role_for, share_score


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
# "jumped an annual 7.5% in September": one month against the same month a year before,
# the change itself (not "grown an annual 5%" over years, compounded)
_AN_ANNUAL = re.compile(r"\ban\s+annual\s+$", re.I)
_IN_MONTH = re.compile(r"\s+in\s+(?:" + lexicon.alternation(lexicon.MONTHS) + r")\b", re.I)
_ANNUAL_NOUN = re.compile(r"(?:annual|yearly)\s+(?P<w>[a-z][\w-]*)", re.I)
_ANNUAL_RATE_WORDS = frozenset(lexicon.ANNUAL_RATE_WORDS + lexicon.UP_NOUNS + lexicon.DOWN_NOUNS) | lexicon.CHANGE_NOUNS


def _per_period_before(text: str, lo: int, hi: int) -> bool:
    """Whether the words before a percent make it a rate per period ("an annual 5%", "at an
    annual rate of 5%", "an average of 5% a year"), not "annual" naming a level ("the annual
    number of deaths rose 34.9%")."""
    m = _PER_PERIOD_BEFORE.search(text, lo, hi)
    if m is None:
        return False
    n = _ANNUAL_NOUN.match(text, m.start(), hi)
    return n is None or n.group("w").lower().rstrip("s") in _ANNUAL_RATE_WORDS or n.group("w").lower() in _ANNUAL_RATE_WORDS


# "Economists had expected sales to rise 5%": a forecast, not a claim about the numbers
# ("the graphic would appear to show a 5.37% increase" is a reading of numbers, not one).
_EXPECTED = re.compile(r"\b(?:expect(?:ed|s|ing)?|forecasts?|forecasted|projected|predicted|anticipated|hoped|aimed|targets?|targeted|budgeted|estimated\s+to|plans?\s+to|planned\s+to|(?:would|could|might)(?!\s+(?:appear|seem)\b))\b[^,;:]{0,40}$", re.I)
# Places: "in Austin", "in California" after a number or in the claim's clause.
_ESTIMATED_BE = re.compile(r"\b(?:is|are|was|were)\s+estimated\s+to\s+be\s+(?:[a-z]+\s+){0,2}$", re.I)
_PLACE_AFTER = re.compile(r"(?:\s+[a-z][\w'’-]*){0,3}?\s+in\s+(?P<place>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b")
_PLACE_BEFORE = re.compile(r"\bin\s+(?P<place>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b")
# (and at the head of a sentence: "In Scotland the average price was £190,000")
_PLACE_IN_SENTENCE = re.compile(r"\b[Ii]n\s+(?P<place>[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?)\b")
_BECOME_WORDS = frozenset({"become", "becomes", "became"})
_MONTH_NAMES = frozenset(m.capitalize() for m in lexicon.MONTHS) | {"The", "A", "An", "Q1", "Q2", "Q3", "Q4"}


# The relations, and how each is written in the report.
_REL = {
    "pct_change": "percent change",
    "pp_change": "change in percentage points",
    "diff": "difference",
    "ratio": "ratio",
    "share": "share",
}


_CLAIM_PERIOD = re.compile(r"\s+(?:in|during|for)\s+(?:(?P<month>" + MONTH + r")\.?(?:\s+(?P<year>" + YEAR + r"))?|(?P<year2>" + YEAR + r"))\b(?!\s*(?:to|-)\s)", re.I)


_SPAN_AFTER = re.compile(
    r"[^;.,]{0,25}?\b(?:over|during|in|across|within|for)\s+(?:the\s+)?(?:past|last|previous|preceding)\s+"
    r"(?:(?P<n>\d{1,2}|" + lexicon.alternation(lexicon.YEAR_SPAN_WORDS) + r")\s+years|(?P<decade>decade))\b",
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
    return (int(year) if year else 1, MONTH_NUM.get(month.lower().rstrip("."), 0) if month else 0)


def _place(text: str, it: Item) -> str | None:
    """The place a level is of: named after it ("£287,000 in England"), or else before it in
    its sentence ("In Scotland the average price was £190,000")."""
    if "place" not in it.memo:
        m = _PLACE_AFTER.match(text, it.b, it.b + 50)
        place = m.group("place") if m and m.group("place").split()[0] not in _MONTH_NAMES else None
        if place is None:
            before = [b.group("place") for b in _PLACE_IN_SENTENCE.finditer(text, it.base, it.pa)
                      if b.group("place").split()[0] not in _MONTH_NAMES]
            place = before[-1] if before else None
        it.memo["place"] = place
    return it.memo["place"]


def _claim_place(text: str, claim: Claim) -> str | None:
    head = text[max(claim.sa, claim.start - 80) : claim.start]
    cut = max(head.rfind(";"), head.rfind(","))
    places = [m.group("place") for m in _PLACE_BEFORE.finditer(head[cut + 1 :]) if m.group("place").split()[0] not in _MONTH_NAMES]
    return places[-1] if places else None


# Arithmetic written out: "divide 6.4 million by 167.8 million", "6.4 million divided by 167.8 million".
_DIVIDE = re.compile(r"\bdivid(?:e|es|ed|ing)\s+$|\bdivided\s+by\s+$", re.I)
_BY_GAP = re.compile(r"\s+by\s+" + lexicon.CURRENCY_CLASS + r"?", re.I)


_OF_THE_OPENING = re.compile(r"[\s\"'“‘(]*of\s+(?:the|all|those|these)\s+", re.I)
_SUBPART = re.compile(r"\s+of\s+(?:them|whom|which|those)\b", re.I)


# "The arrest rate rose 20%, from 410 arrests…": a rate cannot be recomputed from counts.
RATE_VERBS = frozenset(lexicon.RATE_UP_VERBS + lexicon.RATE_DOWN_VERBS)
_RATE_SUBJECT = re.compile(r"\b(?:rates?|per[\s-]capita|ratio|share|proportion|percentage)\b", re.I)
# "The 6% growth in passenger numbers…", "That was a gain of 16%": a sentence that
# restates the change the one before it gave.
_RESTATES = re.compile(r"\s*[\"'“‘(]*(?:the|this|that|its|it)\b", re.I)


#: The reason shown for two levels read in both orders.
BOTH_ORDERS = "'last year' against a year named: both orders read, and both give this verdict"
#: The note of a total change read as the sum of the changes the next sentence sets it out
#: in: a reading across sentences, it bears a claim out only.
PARTS_AFTER = "read the change as the sum of the changes the next sentence sets it out in"
#: A size with no unit read as a percent whose sign was left out (it bears a claim out only).
PERCENT_UNSAID = "read a size with no unit, with decimals, between two whole counts as a percent whose sign was left out"


def _percent_unsaid(claim: Claim, q: Quantity | None, old: Item, new: Item) -> bool:
    """A size with no unit, written with decimals, set between two whole counts ("sales of
    existing homes fell 5.14, from 1,772 … to 1,681"): the difference of two whole counts is
    whole, so a size with decimals is not their difference; most likely the percent sign
    was left out, a reading that rests on the words and so bears a claim out only."""
    if claim.kind != "count" or q is None or q.noun is not None or q.currency is not None or q.per is not None:
        return False
    w = q.written
    if w is None or w.percent or w.scaled or w.value.denominator == 1:
        return False
    return all(it.q.kind == "count" and it.q.written is not None and not it.q.written.scaled
               and not it.q.written.decimal and it.q.written.value.denominator == 1 and it.q.per is None
               for it in (old, new))


def _both_orders(old: Item, new: Item) -> bool:
    """Whether one level is labelled "last year" and the other a year named, which no role
    word puts in order."""
    return bool(old.time and new.time and not comparable(old.time, new.time) and any(
        a[0] == 0 and a[1] < 0 and b[0] > 0 for a, b in ((old.time, new.time), (new.time, old.time))))


def _order_signal(claim: Claim, text: str, old: Item, new: Item) -> bool:
    """Whether anything but the numbers' sizes says which is the old level: a role word, a
    time label, "from … to …", or the claim's own words ("a 13 percent drop from the
    396"). The direction claimed never decides it (that would make every wrong direction
    right), and a new level bound to the claim does not make any other number its base."""
    old_role, new_role = role_for(old, claim, text), role_for(new, claim, text)
    if new_role in ("old", "other") or old_role in ("new", "whole", "other"):
        return False
    if old_role == "old" or claim.old is old:
        # (unless the times say the other order: "1,378 break-ins in 2015 compared to 2016
        # when there were 1,529" compares 2015 with 2016, whatever "compared to" stands before)
        return not (old.time and new.time and comparable(old.time, new.time) and is_before(new.time, old.time))
    if old.time and new.time and comparable(old.time, new.time):
        return is_before(old.time, new.time)
    if old.time and old.time[0] == 0 and old.time[1] < 0 and not new.time:
        # ("last year" against a year named is no order: "136,343 incidents were reported
        # last year while 130,298 were recorded in 2015" was written in 2017)
        return True
    # "X to Y" without a "from" is more often a range ("roughly 140,000 to 145,000
    # visitors") than a change: no order
    return False


def _unit_key(q: Quantity) -> tuple[str, str | None, str | None]:
    """What :func:`~claimcheck.scan.items.same_unit` compares, as one key: two levels are
    of the same unit when their keys are equal, so levels are grouped by unit once."""
    return ("count" if q.kind in ("count", "money") else q.kind, q.per, currency_of(q))


def _by_unit(its: list[Item]) -> dict[tuple[str, str | None, str | None], list[Item]]:
    """``its`` grouped by unit, each group in the order of ``its``."""
    out: dict[tuple[str, str | None, str | None], list[Item]] = {}
    for it in its:
        out.setdefault(_unit_key(it.q), []).append(it)
    return out


def candidates_for(claim: Claim, text: str, levels: list[Item], items: list[Item], owners: dict[int, Claim],
                claims: list[Claim]) -> list[Candidate]:
    out: list[Candidate] = []
    if claim.kind == "anchor":
        return out
    q = claim.item.q if claim.item is not None else None
    near = [it for it in levels if it.sent >= claim.sent - 2 and (claim.item is None or it is not claim.item)]
    kind = claim.kind
    sized = kind == "direction" and is_sized(text, claim)
    if not near and claim.old is None and not (claim.item is not None and kind in ("count", "money", "rate")):
        return out  # every candidate below takes a level near the claim, its own base, or (a sum) its parts

    def add(rel: str, comp: Computation, ev: tuple[Item, ...], slots: dict[str, Item],
            scored: tuple[float, list[str]], hint: str | None = None) -> None:
        bs = bound_score(claim, slots, owners, text, claims)
        if bs is None:
            return
        out.append(Candidate(rel, comp, ev, scored[0] + bs[0], scored[1] + bs[1], hint))

    if claim.item is not None and _EXPECTED.search(text, max(claim.sa, claim.start - 60), claim.start) and not (
            # "a tax bill of £1,000 would become £1,012.50 if it rose by 1.25%": a worked
            # example, whose own numbers are both ends of the change it supposes
            claim.new is not None and claim.new.sent == claim.sent and claim.new.role_word in _BECOME_WORDS
            and any(it.memo.get("becomes") and it.sent == claim.sent for it in near)) and not (
            # "sugarcane production is estimated to be lower by 11.98 per cent at 306.72 million
            # tonnes in 2016-17 as against 348.45 million tonnes last year": an official
            # estimate of what was, set against last year's level, is no forecast
            _ESTIMATED_BE.search(text, max(claim.sa, claim.start - 60), claim.start) is not None
            and claim.old is not None and claim.old.sent == claim.sent and claim.old.time is not None
            and claim.old.time[0] == 0 and claim.old.time[1] < 0):
        claim.memo["forecast"] = True
        return out  # a forecast or a hypothetical is not checked against the numbers
    per_period = claim.item is not None and kind == "percent" and (
        _PER_PERIOD_AFTER.match(text, claim.end) or _per_period_before(text, max(claim.sa, claim.start - 40), claim.item.a)
    ) and not (_AN_ANNUAL.search(text, claim.start, claim.item.a) and _IN_MONTH.match(text, claim.end))
    if per_period:
        claim.memo["per_period"] = True
    claim_place = _claim_place(text, claim) if claim.item is not None else None
    relative_base = claim.item is not None and _BASE_RELATIVE.match(text, claim.end) is not None
    # (a level claimed as a sum is that sum or nothing, never a change: below)
    if kind in ("percent", "points", "count", "money", "rate", "multiple", "direction") and not per_period and not claim.summed:
        verb = _bare_direction(text, claim, items) if claim.bare else None
        size = _difference_item(text, claim, items) if verb == _EITHER else None
        base = base_time(text, claim) if claim.item is not None else None
        period = _claim_period(text, claim) if claim.item is not None else None
        rate_subject = _rate_subject(text, claim)
        span = _claim_span(text, claim) if claim.item is not None else None
        news = near
        if kind == "points":
            # the rate of the claim's own sentence, or of the one its "this" points back to
            news = near + [it for it in items if rate_level(it) and it is not claim.item and (
                it is claim.new or (it.sent == claim.sent and it.b <= claim.start))]
        if (kind == "direction" and claim.new is not None and claim.new not in near and claim.old is not None
                and claim.new.q.kind == "percent" == claim.old.q.kind and claim.new.q.written is not None
                and (claim.old.role_word in BENCHMARK_ROLES or claim.old.role_word == "than")):
            # "grew by 104 percent, far surpassing the overall growth rate of 3.4 percent": a
            # rate of change set against a benchmark rate is a level of it
            news = near + [claim.new]
        rate_verb = kind == "direction" and text[claim.start : claim.end].lower() in RATE_VERBS
        if (kind == "direction" and claim.old is not None and claim.old.memo.get("rate_of_change", False)
                and claim.new is not None and rate_level(claim.new) and claim.new.q.direction == "up"):
            # "up just 0.1% in December …. That's down from a 0.2% increase in November": a
            # rate of change against the one it went from, both rises (a fall of 0.3% is a
            # level of −0.3%, its number written without the sign)
            news = [claim.new]
        elif rate_verb:
            # "up 2.9 percent …, accelerating from 2.6 percent": a rate of change that changed
            # is checked only on the rate of change before it ("growth slowed from 5% to 3%"
            # says nothing of the levels the two rates are of)
            news = [claim.new] if claim.new is not None and rate_level(claim.new) else []
        # the pairs of one unit (same_unit), in the order of near and news
        news_of_unit = _by_unit(news)
        for old in near:
            if kind in ("count", "money", "rate") and q is not None and not same_unit(old.q, q) and not (
                    q.kind == "count" and old.q.kind in ("count", "money") and q.noun is None) and not (
                    # ("risen by £149 from the previous £1,568 a year … to £1,717": the change
                    # in a sum of money is of the period its levels are)
                    q.kind == old.q.kind == "money" and not q.per and currency_of(q) == currency_of(old.q)):
                continue  # (asked once per old level: the claim's unit, whatever the new one is)
            for new in news_of_unit.get(_unit_key(old.q), ()):
                if old is new or (old.q.num == new.q.num and written_of(old).value == written_of(new).value):
                    # ("2.6 billion trips … . 2.6 billion trips …, a two percent increase": a
                    # level said again is no change from itself)
                    continue
                lv = old.q.kind
                index_points = False
                said = relative = subject = False
                if kind == "points" and lv != "percent":
                    # "rose 10 points to 512 from 498": an index or a score, in points
                    if lv != "count" or min(written_of(old).value, written_of(new).value) <= 100:
                        continue
                    index_points = True
                if kind == "direction":
                    # a direction its own words size ("a sharp drop") is judged by the percent
                    # change, so the arithmetic shown is that percent
                    func = "pp_change" if lv == "percent" else "pct_change" if sized else "diff"
                    # a direction alone is checked only on numbers its own words tie to it:
                    # "fell to 558 from 596", "That is down from 1,224" (this: the 990 before)
                    if not (new is claim.new or (new.role == "new" and new.clause == claim.clause)):
                        continue
                    if (lv == "percent" and not claim.quiet and new.b <= claim.start
                            and _SHARE_SUBJECT.fullmatch(text, new.b, claim.start) is not None):
                        # "66 percent of North Carolina counties grew …, compared to … 57 percent
                        # of counties nationally": the verb says what the counted things did,
                        # not that the share changed
                        continue
                    said = False
                    if not (old is claim.old or (old.role == "old" and old.clause == claim.clause)):
                        # "In 2001, the number … was 1,001, but by 2004, the number had dropped
                        # to less than 700": the level before, its year said before it
                        ya, yb = year_of(text, old), year_of(text, new)
                        said = (new is claim.new and old.role is None and old.time is None is new.time and old.sent == claim.sent
                                and old.b <= claim.start and ya is not None and yb is not None and ya < yb)
                        # "After a high of $371 million in fiscal 2008, revenues decreased in
                        # fiscal 2009 to about $343 million": the level before the verb, each
                        # labelled with its year, the years in order
                        said = said or (new is claim.new and old.role is None and old.sent == claim.sent and old.b <= claim.start
                                        and old.time is not None and new.time is not None and old.time[0] > 0
                                        and new.time[0] > 0 and old.time < new.time
                                        and not any(o is not old and o.sent == claim.sent and old.b <= o.a < claim.start
                                                    and same_unit(o.q, old.q) for o in near))
                        # "120 extreme DUI arrests, which went down to 58 in 2022": a relative
                        # clause's direction starts from the level its "which" follows
                        relative = not said and _which_follows(text, claim, old, new)
                        # "last week, there were 765 people hospitalized, and this week, that
                        # number has jumped up to 909": "that number" is the level before
                        relative = relative or (not said and _that_number(text, claim, old, new, near))
                        subject = not (said or relative) and _subject_level(text, claim, old, new)
                        if not (said or relative or subject):
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
                    # ("fell 5.14, from 1,772 … to 1,681": a size with decimals is no
                    # difference of whole counts, and is read as a percent)
                    func = "diff"
                if kind != "direction":
                    subject = kind in ("percent", "count", "money") and _subject_level(text, claim, old, new)
                # ("1,240 burglaries last year, nearly three times the 420 recorded in 2015": a
                # multiple compares the level before it with the one it is "times"; the years
                # do not order them)
                compared = kind == "multiple" and _times_the(text, claim, old, new)
                signal = said or relative or subject or compared or _order_signal(claim, text, old, new)
                # "last year" against a year named, and nothing else to order them: which is
                # the older depends on when the story was written, so both orders are read,
                # and a verdict stands only where they agree (search.py)
                both = not signal and _both_orders(old, new)
                if not (signal or both):
                    continue
                if old.role_word == "from" and new.role_word == "to" and old.clause == new.clause and noun_score(old.q, new.q) < 0:
                    continue  # "from 120 applicants to 150 approvals": two different things
                if old.role_word in BENCHMARK_ROLES and old is not claim.old and any(
                        c is not claim and c.old is old and claim.end <= c.start < old.a for c in claims):
                    # "dropped 336 points to 7,605, or 23% below its peak of 9,817.18": the peak is
                    # the base of the comparison nearer it, not of the points dropped that day
                    continue
                if old.role_word == "from" and old is not claim.old and any(
                        o is not new and o.role_word == "to" and new.b <= o.a and o.b <= old.a for o in levels):
                    # "imports rose 8.7% to $77.4 billion, cutting the trade deficit … to $1.66
                    # billion from $5.60 billion": a "from" after another "to" is that one's start
                    continue
                if new.clause != old.clause and ((_paired(old, "to", levels) and old is not claim.old)
                                                 or (_paired(new, "from", levels) and new is not claim.new)):
                    # "revised up from 880,000 to 893,000. … Continuing claims … fell 916,000 to
                    # 12.63 million": a level "from … to …" pairs with its other end is no end
                    # of a change read across clauses (unless the claim's words bind it: "…
                    # from 62.8 to 62.9 percent. … The figure has fallen …, from nearly 66 percent")
                    continue
                if lv == "count" and not (old.q.per or new.q.per) and kind != "direction" and rate_subject:
                    continue
                if (lv == "count" and old is not claim.old and new is not claim.new and _DURATION.match(text, old.b)
                        and _DURATION.match(text, new.b) and not _DURATION_WORD.search(text, max(claim.sa, claim.start - 60), claim.end)):
                    continue  # "with 21 selling days …, compared with 22 …. Sales were down by 10 percent"
                op, np_ = _place(text, old), _place(text, new)
                if (op and np_ and op != np_) or (op and claim_place and op != claim_place):
                    continue  # "Home prices in Austin fell 9%, to $445,000, compared with $510,000 in Dallas"
                if relative_base and _OTHER_PERIOD.search(label_text(text, old)):
                    continue  # "rose 8% from a year earlier …, compared with $3.3 billion in the first quarter"
                if base is not None and (base is True or old.time is None or old.time[0] != base[0]
                                         or (base[1] and old.time[1] != base[1])) and not ((
                        # "a 177 percent increase … from the same month in 2019. That's 244 shootings
                        # up from 88 the year before": the claim's own levels, the base labelled
                        # relatively; "an increase of 0.1 percentage points from August (4.9%)": or
                        # not at all, the value of the base in brackets after it
                        # "rose 26.49% from a year ago.¶ Net profit … was Rs836.55 crore as
                        # compared to Rs661.38 crore a year ago": a base named relatively, and
                        # the claim's own old level labelled so
                        (base is True and old is claim.old and new is claim.new and old.time is not None
                         and old.time[0] == 0 and old.time[1] < 0 and (new.time is None or new.time == (0, 0))
                         and _BASE_RELATIVE.match(text, claim.end) is not None)) or (
                        old is claim.old and new is claim.new and base is not True and (
                            # ("have risen 225% since 2019, from 120 to 390": the base's level
                            # right after the year it names)
                            (old.time is None and _SINCE_THEN_FROM.fullmatch(text, claim.end, old.a) is not None) or
                            (old.time is None and text[old.base + old.q.pstart - 1 : old.base + old.q.pstart] == "(") or (
                            old.time is not None and old.time[0] == 0 and old.time[1] < 0
                            and (new.time is None or new.time[0] in (0, base[0] + 1)))))):
                    continue
                if old.memo.get("when_level") and new.time is not None and not comparable(old.time, new.time):
                    continue  # "reached 1,450 in July, up 21% from 2019, when there were 1,200": a month against a year
                if period is not None and new.time is not None and comparable(period, new.time) and period != new.time:
                    continue  # "Arrests fell 20% in June, from 1,224 in May to 990 in July"
                if span is not None and span > 1 and not _spans_years(old, new, span):
                    continue  # "plunged 27 percent during the past five years" against one year's numbers
                wo, wn, note = _same_scale(old, new)
                comp = Computation("ratio", (wn, wo)) if func == "ratio" else Computation(func, (wo, wn))
                sc = change_score(claim, text, old, new)
                if (claim.item is not None and new is not claim.new and new.sent == claim.sent and new.b <= claim.start
                        and any(o is not new and o is not old and o.sent == claim.sent and new.b <= o.a and o.b <= claim.start
                                and _unit_key(o.q) == _unit_key(new.q) and not _aside(text, o, claim) for o in near)):
                    # "Along with the 2.6 tonnes of cocaine found last year, 758,700 cannabis plants
                    # were also seized, up 18% from the 643,296": a level of the unit nearer the
                    # claim stands between, and it is the one the claim follows (what "subject
                    # first" and the subject's noun gave the farther level is taken back)
                    sc = (sc[0] - 4, sc[1] + ["a nearer level stands between"])
                if (claim.item is not None and new is not claim.new and new.sent == claim.sent and new.b <= claim.start
                        and _aside(text, new, claim)):
                    # "2,994 (of which, 2 were children) people were in detention, 4% more than …":
                    # a level in an aside closed before the claim is not the one it follows
                    sc = (sc[0] - 4, sc[1] + ["an aside in brackets"])
                if (claim.item is not None and old.sent == new.sent == claim.sent and max(old.b, new.b) <= claim.start
                        and _AFTER_COMPARISON.fullmatch(text, max(old.b, new.b), claim.start) is not None):
                    # "20,293 students … compared to the 20,894 … last year, a difference of 601
                    # fewer students": a claim set after the comparison it restates
                    sc = (sc[0] + 1.5, sc[1] + ["set after the comparison it restates"])
                if new.sent > claim.sent and (h := _restated_level(claim, new, near)) is not None:
                    # "more than 87,000 people died …, nearly 20,000 more than in 2019.¶ Key
                    # findings: 87,203 people died …, compared to 68,757 in 2019": the sentence
                    # after gives exactly the level the claim's own gives loosely, and its base
                    sc = (sc[0] + 4, sc[1] + [f"{new.q.num} is the {h.q.num} of the claim's sentence, exactly"])
                if said:
                    sc = (sc[0] + 2, sc[1] + ["the years said before them in order"])
                elif relative:
                    sc = (sc[0] + 3, sc[1] + [f"', which' follows {old.q.num}" if _which_follows(text, claim, old, new)
                                              else f"'that number' points to {old.q.num}"])
                elif subject:
                    sc = (sc[0] + 3, sc[1] + [f"{old.q.num} is what the claim's verb says changed"])
                if note:
                    sc[1].append(note)
                if claim.bare:
                    sc = (sc[0] - 1, sc[1])
                if both:
                    # (the order with "last year" the newer, as a story written the year after
                    # reads, is shown; the other is read too, and must agree)
                    sc = (sc[0] - (0.5 if old.time[0] == 0 else 0), sc[1] + [BOTH_ORDERS])  # type: ignore[index]
                n = len(out)
                hint = verb
                if verb == _EITHER:
                    # ("a difference of 7,693 people, or 7.2 percent": a size with no direction
                    # takes the levels' own, so only its size can be wrong; the levels are the
                    # two the size beside it is the difference of)
                    if size is None or written_of(size).value != abs(written_of(new).value - written_of(old).value):
                        continue
                    hint = "up" if written_of(new).value > written_of(old).value else "down"
                    sc = (sc[0] + 4, sc[1] + [f"{size.q.num} beside it is the difference of {old.q.num} and {new.q.num}"])
                # (the size the percent is set beside is bound as its subject: no new level)
                add(_REL[func], comp, (old, new), {"old": old, "new": new} if verb != _EITHER else {"old": old}, sc, hint=hint)
                if len(out) > n and kind == "count" and _percent_unsaid(claim, q, old, new):
                    # ("fell 5.14, from 1,772 … to 1,681": a size with decimals is no
                    # difference of whole counts, and may be a percent; the search takes this
                    # reading where it bears the claim out, the difference where it does not)
                    d = out[-1]
                    out.append(Candidate(_REL["pct_change"], Computation("pct_change", comp.args), d.evidence, d.score, list(d.reasons),
                                         d.hint, PERCENT_UNSAID))
                elif len(out) > n and old.link is not None and old.link is not claim and old.link.group != claim.group \
                        and old is old.link.old and old.link.new is claim.new and claim.new is not None:
                    out[-1].note = SHARED_OLD
                elif said and len(out) > n:
                    out[-1].note = YEARS_SAID
                elif relative and len(out) > n:
                    out[-1].note = WHICH_FOLLOWS if _which_follows(text, claim, old, new) else THAT_NUMBER
    if (kind == "percent" and not claim.bare) or (claim.bare and _bare_direction(text, claim, items)) or sized:
        # an old value derived from a new one and a stated difference: "9,379, an increase
        # of 324 students or 3.6%"
        diffs = [it for it in items if it.q.change and it.q.kind in ("count", "money", "rate") and it.q.direction
                 and it is not claim.item and it.q.written is not None
                 and (it.sent == claim.sent or (it.sent == claim.sent - 1 and _RESTATES.match(text, claim.sa))
                      or (it.sent == claim.sent + 1 and it.q.direction == claim.direction))]
        # "the Sensex was trading 38 points or 0.09 per cent higher at 41,181": points set
        # beside a percent change of an index level are the index's own difference
        # ("The Dow Jones Industrial Average fell 464.85 points, or 1.38 percent, to 33,131.76":
        # points with their own direction, the claim's)
        claim_dir = claim.direction or (_bare_direction(text, claim, items) if claim.bare else None)
        diffs += [it for it in items if it.q.kind == "points" and it.q.direction in (None, claim_dir) and it.q.written is not None
                  and claim_dir and claim.new is not None and claim.new.q.kind == "count"
                  and claim.new.q.written is not None and claim.new.q.written.value > 100
                  and it.sent == claim.sent and it.b <= claim.start and _POINTS_OR.fullmatch(text, it.b, claim.start)]
        for d in diffs:
            # "fell 2% …, to 36,096, which is 739 fewer than the 36,835": a difference said
            # against an old level it prints needs no old level derived from it
            printed = next((c.old for c in claims if c.item is d and c.old is not None and c.old.sent == d.sent), None)
            named = _named_before(text, d, levels)
            for new in near + ([named] if named is not None and named not in near else []):
                if printed is not None and claim.new is new and printed in near:
                    continue
                index_points = d.q.kind == "points"
                if index_points and new is not claim.new:
                    continue
                if not index_points and (new is d or (not same_unit(new.q, d.q) and noun_of(new.q) and noun_of(d.q))):
                    continue
                if not index_points and new.q.kind != d.q.kind and not {new.q.kind, d.q.kind} <= {"count", "money"}:
                    continue
                if currency_of(new.q) != currency_of(d.q):
                    continue
                if new.role == "old" and new.role_word in _BASE_WORDS:
                    # ("an N88.6 billion or 15.8% increase, as against the N559 billion recorded in
                    # the corresponding period": the level the words make the base is never the
                    # one the difference led to)
                    continue
                # "a surge in international visitors …: in 2011, 62 million international visitors
                # came …, an increase of 2.5 million from the year before": a sized direction
                # set out after a colon in a level and the change that led to it
                set_out = (sized and new.sent == d.sent == claim.sent and claim.end <= new.a < d.a
                           and ":" in text[claim.end : new.a] and _LEVEL_THEN_CHANGE.fullmatch(text, new.b, d.pa) is not None)
                # ("… enrollment … has taken a slight dip. Enrollment dropped 144 students — or
                # one percent — to 13-thousand-926": a sized direction alone in its sentence,
                # and the next giving the change and the level it led to)
                if sized and not set_out and not (claim.alone and d.sent == claim.sent + 1):
                    continue
                if d.time and new.time and d.time != new.time and not (set_out and d.time[0] == 0):
                    # "a decrease of 36,835 reported fatalities in 2018 to 36,096 in 2019": a
                    # difference has no year of its own; this is the old level, loosely written
                    continue
                between = text[min(d.b, claim.end) : max(d.a, claim.start)]
                # (", or 3.6%", " students — or one percent —": a dash sets the restatement off too;
                # " students, or 2.7 percent": the noun, then its comma; "rose 3.1% (or 7,138)": or a bracket;
                # "rose 0.4 percent m-o-m (11 cents)": a period's abbreviation first)
                # ("a two percent increase over the same quarter last year -- almost 52 million
                # additional trips": the base the claim names, then the change restated)
                beside = (d.a > claim.end and d.sent == claim.sent and _BASE_THEN_OR.fullmatch(text, claim.end, d.a) is not None) or (
                    len(between) <= 30 and re.fullmatch(r"[\s,]*(?:[a-z]+(?:-[a-z]+)*(?:\s+|\s*,\s*))?[\u2014\u2013]?\s*(?:\(?\s*or|\(|,|and)?[\s(]*", between, re.I) is not None)
                # "rose by 13 per cent to 5.2 million offences … – an increase of 583,782": the
                # claim's own new level, and the change stated after it
                after_new = ((claim.new is new and new.b <= d.a and d.sent == new.sent) or (
                    d.sent < claim.sent and new.sent == d.sent and abs(new.a - d.a) <= 40)) and not any(
                    # "12,400 pupils …, a 3 percent rise …, and 5,100 secondary students,
                    # up 40": a change belongs to the level just before it
                    min(new.b, d.b) <= it.a and it.b <= max(new.a, d.a) for it in levels if it is not new and it is not d)
                # "increased by 102 offences … — a total of 811 offences and a 14.4 per cent
                # increase": the change, then the level it led to, then the claim
                total_after = (claim.new is new and d.sent == new.sent == claim.sent and d.b <= new.a
                               and new.b <= claim.start and _TOTAL_BEFORE.search(text, max(new.base, new.a - 20), new.a) is not None)
                # "14,980 applicants have been accepted, which is 1,912 more than …": the change
                # a relative clause states from the level it follows
                which = d.sent == new.sent == claim.sent and new.b <= d.a and _WHICH_IS.fullmatch(text, new.b, d.a)
                # "a 3.5 percent increase in commercial passenger traffic for April. … the number
                # of passengers boarding flights jumped by 250 to 7,281": the next sentence gives
                # the change and the level it led to, of the thing the claim names
                shared = None
                if d.sent == claim.sent + 1:
                    # (or the level, then its change set after a comma: "… handled nearly 19
                    # million passengers, 2.4 million more than in the corresponding period")
                    led_to = new.role == "new" and new.role_word == "to" and 0 <= new.a - d.b <= 40
                    # (unless the change prints its old level: "5,150 baskets, 1,030 more than the 4,120")
                    apposed = (new.role is None and printed is None and new.b <= d.pa
                               and _LEVEL_COMMA_CHANGE.fullmatch(text, new.b, d.pa) is not None)
                    if not (new.sent == d.sent and new.clause == d.clause and (led_to or apposed)) or any(
                            it.sent == claim.sent for it in near):
                        continue
                    shared = _shared_noun(text, claim, d)
                    if shared is None:
                        continue
                elif d.sent < claim.sent:
                    # "Passenger numbers … increased by 1.1 million to 20.2 million.¶ The 6%
                    # growth in passenger numbers …": the sentence restating the change names
                    # what it counts
                    shared = _shared_noun(text, claim, d, loose=True)
                if not (beside or after_new or which or shared or set_out or total_after or new is named):
                    continue
                op = "sub" if (d.q.direction or claim.direction) == "up" else "add"
                if op == "sub" and written_of(new).value <= written_of(d).value:
                    # "up 274 Efts (7.5%) on last year, and 39 Efts on semester one": a rise
                    # as large as the level it would have reached leaves no old level to be a
                    # percent of; that level is another change, not the one this rise led to
                    continue
                comp = Computation("pct_change", (Computation(op, (written_of(new), written_of(d))), written_of(new)))
                sc, why = distance(claim, d, new)
                sc += 3
                why.append(f"{d.q.num} beside the claim gives the change")
                if beside:
                    # ("residential work was up $308 million (40 percent) to $1.1 billion
                    # non-residential work was down $99 million": the amount right beside the
                    # claim restates it, before any amount further on)
                    sc += 2
                    why.append(f"{d.q.num} right beside the claim")
                if (beside and new.sent == claim.sent and new.b <= claim.start and not claim.new
                        and _APPOSED_CHANGE.fullmatch(text, new.b, claim.start) is not None
                        and not any(it is not new and new.b <= it.a and it.b <= claim.start for it in items)):
                    # ("2.6 billion trips were taken … in the third quarter, a two percent increase
                    # over the same quarter last year -- almost 52 million additional trips": the
                    # level a change set after a comma is of, with its own difference beside it)
                    sc += 2
                    why.append(f"{new.q.num} is the level the change's clause follows")
                if total_after:
                    sc += 1.5
                    why.append(f"the total {new.q.num} after the change it led to")
                if new is named:
                    # (the distance counted above is the level's sentence's, not the claim's)
                    sc += 3 + (claim.sent - new.sent)
                    why.append(f"{new.q.num} is the level of what the change's sentence names")
                if new.role == "new" or claim.new is new or (new.a < d.a and new.clause == d.clause):
                    sc += 1.5
                    why.append(f"{new.q.num} is the new level")
                if set_out:
                    sc += 2
                    why.append(f"{new.q.num} and its change set out after the claim's colon")
                if sized and not set_out:
                    # (the direction stands alone: the numbers right after it, another
                    # sentence's claims though they are, are the only ones it can be of)
                    sc += 6
                    why.append("the sentence after sets out the change the claim sizes")
                if shared:
                    # (a sentence that opens on the change the one before gave, "The 6% growth
                    # in passenger numbers", names it by its definite article and its noun)
                    sc += 3 if d.sent < claim.sent else 2
                    why.append(f"'{shared}' named with both")
                n = len(out)
                add("percent change (old level derived)", comp, (new, d), {"new": new, "diff": d}, (sc, why))
                if shared and d.sent < claim.sent and len(out) > n:
                    out[-1].note = RESTATED_NOUN
                elif new is named and len(out) > n:
                    out[-1].note = LEVEL_NAMED
    # "the urban inflation rate increased by 13.01 percent … from 12.93 percent": a rate
    # said to rise "by" a percent about as large as the rate it rose from, with no new rate
    # printed, is the new rate itself, as the writer means it (a change of 13.01% on
    # 12.93% would be a leap to 14.61%); the change it claims is then recomputed
    if (claim.item is not None and kind == "percent" and claim.direction and q is not None and q.written is not None
            and claim.old is not None and claim.old.q.kind == "percent" and claim.old.clause == claim.clause
            and claim.new is None and not any(it.clause == claim.clause and it.role == "new" for it in near)
            and _rate_subject(text, claim)):
        old_w, own = written_of(claim.old), q.written
        if old_w.value > 0 and abs(own.value - old_w.value) * 20 <= old_w.value:
            out.append(Candidate("percent change", Computation("pct_change", (old_w, own)), (claim.old, claim.item), 6.0,
                                 [f"'{claim.old.role_word}' before {claim.old.q.num}"],
                                 note=_rate_reading_note(text, claim, old_w, own)))
    # sums: "rose by 514,000 … rose by 222,000 … The net effect: … grew by 736,000"
    # (and of points: "The average reading score fell five points … and math fell two points
    # …. Overall combined scores dropped by seven points")
    if claim.item is not None and kind in ("count", "money", "rate", "points") and (claim.summed or (
            claim.direction and SUM_CUE.search(text, claim.sa, claim.start))):
        after = False
        if claim.summed:
            parts = summed_parts(text, items, claim.item)
        else:
            # (changes of the claim's own paragraph, all in one direction: "A total of 31,000
            # couples, 529 more than last year" is no sum of "outnumbered births by 515,864"
            # and "down 7,033" in the paragraphs before; the sum's own direction may differ:
            # "18 more … up 14 … the gap shrank by 32")
            parts = [o for o in items if claim.sent - 2 <= o.sent < claim.sent and o.q.change and o.q.direction
                     and o.q.kind == q.kind and o.q.written is not None and o is not claim.item and not o.ctx]
            if len({o.q.direction for o in parts}) > 1:
                parts = []
            if kind == "points" and any(o.q.direction != claim.direction for o in parts):
                parts = []  # (sizes in points are summed only all the one way)
            if not parts:
                # "Combined scores declined by four points …. Math scores fell three points, to
                # 515, and reading scores fell one point, to 502": the total, then its parts
                parts = [o for o in items if o.sent == claim.sent + 1 and o.q.change and o.q.direction == claim.direction
                         and o.q.kind == q.kind and o.q.written is not None]
                after = bool(parts)
        # ("up from 125 in the third quarter — a total of 84 more offences": a sentence
        # printing its own old level states its own change, not a sum of those before)
        own_old = any(o.sent == claim.sent and o.role == "old" and same_unit(o.q, q) for o in items) and not (
            # (but its own sentence's parts, "from 500 to 497, … from 491 to 489, for an overall
            # score change from 1506 to 1500", come with their old levels)
            claim.summed and all(o.sent == claim.sent for o in parts))
        if 2 <= len(parts) <= 4 and not own_old:
            sc, why = 5.0, [f"the sentence sums up the {len(parts)} " + ("after it" if after else "before it")]
            out.append(Candidate("sum", Computation("sum", tuple(written_of(o) for o in parts)), tuple(parts), sc, why,
                                 note=PARTS_AFTER if after else None))
    if claim.summed:
        # a level claimed as the sum of the levels before it is that sum or nothing, never a
        # change ("Reported net income grew … to ¥635.0 million, or ¥19.39 per share, from
        # ¥500.0 million": no difference of two other numbers)
        return out
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
            out.append(Candidate(func, Computation(func, (written_of(a_it), written_of(b_it))), (a_it, b_it), 8.0,
                                 [f"'divide {a_it.q.num} by {b_it.q.num}' written out"]))
    if (claim.bare and q is not None and q.written is not None and _REMAINING.search(text, max(claim.sa, claim.start - 30), claim.start)
            and _COMPARED_AFTER.match(text, claim.end) is None):
        # "52% …, 34% …, 8% … and 6% …, with the remaining 8%": what the shares before it
        # leave of the whole; from the sentences before only when its own lists none, and
        # then it only bears the claim out (Candidate.note)
        def listed(it: Item) -> bool:
            return (it.q.kind == "percent" and it.q.written is not None and it.q.direction is None and it.q.hedge is None
                    and not it.q.words and it is not claim.item and it.a < claim.start and not it.ctx)
        # (one list, in the claim's clause — "of the students, 40% are women; of the staff,
        # 30% are men and the remaining 70% women" lists two wholes)
        parts = [it for it in items if it.sent == claim.sent and it.clause == claim.clause and listed(it)]
        lead = not parts
        if lead:
            parts = [it for it in items if claim.sent - 2 <= it.sent < claim.sent and listed(it)]
        if 1 <= len(parts) <= 8:
            rest: Written | Computation = parse_number("100%")
            for it in parts:
                rest = Computation("sub", (rest, written_of(it)))
            out.append(Candidate("share", Computation("share", (rest, parse_number("100%"))), tuple(parts), 9.0,
                                 [f"what {', '.join(it.q.num for it in parts)} leave of the whole"],
                                 note=EARLIER_PARTS if lead else None))
    if claim.item is not None and kind == "count" and claim.direction and _NET.search(text, claim.start, claim.item.a):
        # "109,800 migrant arrivals … and 47,800 migrant departures for a net gain of 62,000":
        # a net change is what came in less what went out, the last of each before it in
        # its sentence; the nouns say which is which, so it only bears the claim out
        flows = [it for it in near if it.sent == claim.sent and it.b <= claim.start and same_unit(it.q, q)]
        ins = [it for it in flows if _flow(text, it) == "in"]
        outs = [it for it in flows if _flow(text, it) == "out"]
        if ins and outs:
            a, b = ins[-1], outs[-1]
            out.append(Candidate("difference", Computation("diff", (written_of(b), written_of(a))), (a, b), 8.0,
                                 [f"{a.q.num} in, {b.q.num} out"], note=NET_FLOWS))
    if claim.parts and claim.memo.get("signed"):
        # a net level made up of gains and losses: the gains less the losses
        net: Written | Computation = written_of(claim.parts[0])
        for o in claim.parts[1:]:
            net = Computation("add" if o.q.direction == "up" else "sub", (net, written_of(o)))
        out.append(Candidate("net of gains and losses", net if isinstance(net, Computation) else Computation("sum", (net,)),
                             claim.parts, 8.0, [f"the gains less the losses of {', '.join(o.q.num for o in claim.parts)}"],
                             note=NET_FLOWS))
        return out
    if claim.parts:
        # a total and the levels it is set out in: a list may leave parts out ("including"),
        # so their sum only bears the total out
        out.append(Candidate("sum", Computation("sum", tuple(written_of(o) for o in claim.parts)), claim.parts, 8.0,
                             [f"the total of {', '.join(o.q.num for o in claim.parts)}"], note=SUM_OF_PARTS))
        return out
    if kind == "share" and q is not None and q.words:
        # "Fewer than half (45%) of passengers", "More than one-half 52.9% of all spending":
        # the percent written right after a share in words is its value
        said = next((it for it in items if it.sent == claim.sent and it.q.kind == "percent" and it.q.written is not None
                     and it.q.direction is None and it.q.hedge is None and claim.end <= it.pa
                     and _RESTATED_PCT.fullmatch(text, claim.end, it.pa)), None)
        if said is not None:
            out.append(Candidate("share", Computation("share", (written_of(said), parse_number("100%"))), (said,), 8.0,
                                 [f"{said.q.num} written beside the claim"]))
    if (kind == "share" or claim.bare or (q is not None and q.share_of)) and not (
            # "15 per cent below 2019, when 1.41 billion trips were made": a percent set
            # above or below something is how far from it, never a share of a level beside it
            claim.bare and _POSITION_AFTER.match(text, claim.end) is not None):
        near_of_unit = _by_unit(near)
        for part in near:
            if part.q.kind == "percent":
                continue
            # (what rules a part out whatever the whole is asked once per part, not per pair)
            if claim.bare and part is not claim.part:
                continue  # a bare percent is a share only of the number it is set beside
            if part.role == "whole":
                continue
            # "Half of the 300 employees, 40 of them managers": a part of the part, unless
            # "them" is the whole the sentence opened on ("Of the 132 reported homicides …,
            # firearms were used in 99 of them, or approximately 75 percent")
            sub = _SUBPART.match(text, part.b) is not None
            pv = written_of(part).value
            if pv < 0:
                continue
            for whole in near_of_unit[_unit_key(part.q)]:
                if part is whole or not pv < written_of(whole).value:
                    continue
                if sub and not (whole.role == "whole" and whole.sent == part.sent and whole.b <= part.a
                                and _OF_THE_OPENING.match(text, whole.base) is not None
                                and not any(whole.b <= o.a < part.a for o in near)):
                    continue
                sc = share_score(claim, text, part, whole)
                add("share", Computation("share", (written_of(part), written_of(whole))), (part, whole), {"part": part, "whole": whole}, sc)
    return out


# ("$12.7 million, or 38.9%, more than last August with $45.3 million collected": how much
# more, set off by a comma)
_POSITION_AFTER = re.compile(r"\s*,?\s+(?:above|below|(?:more|less|higher|lower|greater|fewer)\s+than"
                             r"(?!\s+(?:half|a\s+third|a\s+quarter|any|all|every|the\s+rest)\b))\b", re.I)
_SINCE_THEN_FROM = re.compile(r"\s+(?:since|from)\s+(?:(?:" + MONTH + r")\s+)?(?:19|20)\d\d\s*,\s*from\s+(?:the\s+)?" + lexicon.CURRENCY_CLASS + r"?", re.I)
# Role words that make a level the base of a comparison outright
_BASE_WORDS = frozenset({"from", "than", "against", "as against", "versus", "vs", "vs.", "compared with", "compared to"})
#: The note of an old level derived from a level an earlier sentence gives of what the
#: change's sentence names: it bears a claim out only.
LEVEL_NAMED = "read the level an earlier sentence gives of what the change's sentence names as the level it led to"
# Words too common to say that two sentences name one thing.
_NAMED_COMMON = frozenset({"the", "for", "and", "was", "were", "has", "have", "from", "with", "compared", "last", "this",
                           "that", "month", "year", "same"}) | frozenset(lexicon.PROSE_UP + lexicon.PROSE_DOWN)


def _named_before(text: str, d: Item, levels: list[Item]) -> Item | None:
    """The one level, up to three sentences before a change ``d`` and of its unit, whose
    sentence names what ``d``'s names before it ("The median sale price for homes in
    February was $195,250. The median sales price for homes in February rose by $16,750"),
    with no level of the unit between them; None when there is none, or more than one."""
    before = [o for o in levels if d.sent - 3 <= o.sent < d.sent and same_unit(o.q, d.q) and not o.ctx]
    if len(before) != 1 or before[0].role not in (None, "new"):
        return None
    level = before[0]
    if sum(1 for o in levels if o.sent == level.sent and same_unit(o.q, d.q)) != 1:
        return None
    return level if len((_stems(text[d.base : d.a]) & _stems(text[level.base : level.a])) - _NAMED_COMMON) >= 2 else None


def _paired(it: Item, other_word: str, levels: list[Item]) -> bool:
    """Whether ``it``, a "from" (or "to") level, has its "to" (or "from") level in its own
    clause: the two ends of one change."""
    own = "from" if other_word == "to" else "to"
    return it.role_word == own and any(o is not it and o.clause == it.clause and o.role_word == other_word for o in levels)


def _restated_level(claim: Claim, new: Item, near: list[Item]) -> Item | None:
    """The one hedged level of the claim's sentence that ``new``, a level of a later
    sentence, states exactly: the same noun, and a value the hedge allows within a twentieth
    ("more than 87,000 people" → "87,203 people")."""
    v = written_of(new).value
    noun = noun_of(new.q)
    if noun is None or v <= 0:
        return None
    found = [h for h in near if h.sent == claim.sent and h.q.hedged_level and same_unit(h.q, new.q) and noun_of(h.q) == noun
             and _hedge_holds(h.q.hedge, written_of(h).value, v)]
    return found[0] if len(found) == 1 else None


def _hedge_holds(hedge: str | None, said: Fraction, v: Fraction) -> bool:
    if hedge in ("more_than", "just_over"):
        return said < v <= said * Fraction(21, 20)
    if hedge == "at_least":
        return said <= v <= said * Fraction(21, 20)
    if hedge in ("nearly", "less_than"):
        return said * Fraction(19, 20) <= v < said
    if hedge == "about":
        return abs(v - said) * 20 <= said
    return False


# "120 arrests, which went down", "58 in 2022, which fell": the level a relative clause
# follows, with at most a few words (a noun, a year) between.
_WHICH_GAP = re.compile(r"(?:\s+(?:[^\s\d,;:.()]+|(?:19|20)\d\d)){0,4}\s*,\s*which\s+(?:(?:has|have|had|then|later|also)\s+)*", re.I)
#: The note of a change read from the level a relative clause follows: it bears a claim out only.
WHICH_FOLLOWS = "read the level the 'which' follows as the one the clause's change starts from"


#: The note of a change whose old level is the one "that number" before its verb points to.
THAT_NUMBER = "read the level before as the one 'that number' points to, where the clause's change starts"
# "…, and this week, that number has jumped": the pointer right before the claim's verb
_THAT_NUMBER = re.compile(r"\b(?:that|this|the)\s+(?:" + lexicon.alternation(lexicon.POINTER_NOUNS)
                          + r")\s+(?:(?:has|have|had|then|also|now|since)\s+)*$", re.I)


def _that_number(text: str, claim: Claim, old: Item, new: Item, near: list[Item]) -> bool:
    """Whether ``old`` is the one level of its unit before "that number" right before the
    claim's verb, in the claim's sentence, and ``new`` the level the claim's words reach;
    labelled times must be in order."""
    if not (new is claim.new and old.role is None and old.sent == claim.sent and old.b <= claim.start
            and _THAT_NUMBER.search(text, old.b, claim.start) is not None
            and not any(o is not old and o.sent == claim.sent and o.b <= claim.start and same_unit(o.q, old.q) for o in near)):
        return False
    if old.time and new.time and comparable(old.time, new.time):
        return is_before(old.time, new.time)
    return True


def _which_follows(text: str, claim: Claim, old: Item, new: Item) -> bool:
    """Whether ``old`` is the level right before the ", which" that opens the claim's
    clause, and ``new`` the level the claim's own words reach ("120 arrests, which went down
    to 58 in 2022", and on: "58 in 2022, which fell … to 49"); labelled times must be in
    order."""
    if not (new is claim.new and old.role in (None, "new") and old.sent == claim.sent and old.b <= claim.start
            and _WHICH_GAP.fullmatch(text, old.b, claim.start)):
        return False
    if old.time and new.time and comparable(old.time, new.time):
        return is_before(old.time, new.time)
    return True


# The words between a change verb and its size: "increased by 25 percent", "fell nearly 20%".
_VERB_THEN_SIZE = re.compile(
    r"(?:" + lexicon.alternation(lexicon.DIRECTION_VERBS) + r")(?:\s+(?:by|" + lexicon.alternation(tuple(
        w for rule, words in lexicon.HEDGE_WORDS.items() if rule != "multiple" for w in words if w[0].isalpha())) + r"))*\s+",
    re.I)


_TIMES_THE = re.compile(r"\s+(?:(?:as\s+(?:many|much|large|high|big)(?:\s+[a-z]+)?\s+as|that\s+of|those\s+of)\s+)?(?:the\s+)?", re.I)


def _times_the(text: str, claim: Claim, old: Item, new: Item) -> bool:
    """Whether a multiple stands between the level it is of and the level it is "times":
    "1,240 …, nearly three times the 420", "… three times as many as the 420"."""
    return (new is claim.new and new.b <= claim.start and old.a >= claim.end and old.sent == claim.sent == new.sent
            and _TIMES_THE.fullmatch(text, claim.end, old.a) is not None)


def _subject_level(text: str, claim: Claim, old: Item, new: Item) -> bool:
    """Whether ``old`` is the subject of the claim's own verb, with nothing but its noun
    between them, and ``new`` the level the verb goes "to": "where 99,156 TEU increased by
    25 percent to 124,177". A verb with an object ("12 schools increased enrollment by 25
    percent to 1,240") or any other word between says something else changed."""
    if not (new is claim.new and new.role_word == "to" and old.role is None and old.time is None
            and old.sent == claim.sent == new.sent and old.b <= claim.start and old.q.change is False):
        return False
    if claim.item is not None and not _VERB_THEN_SIZE.fullmatch(text, claim.start, claim.item.a):
        return False
    if claim.item is None and text[claim.start : claim.end].lower() not in lexicon.DIRECTION_VERBS:
        return False
    gap = text[old.b : claim.start].lower().split()
    noun = (old.q.noun or "").lower().split()
    return gap == noun and bool(noun) or not gap


_SELF_SIZED = frozenset(lexicon.SELF_SIZED_NOUNS)
_SIZE_ADJ = frozenset(lexicon.CHANGE_SIZE_ADJECTIVES) | frozenset(w for w in lexicon.CHANGE_ADVERBS if " " not in w)


def is_sized(text: str, claim: Claim) -> bool:
    """A direction stated alone that its own words size: "a dramatic increase", "a surge",
    "slightly under consensus estimates"."""
    return claim.item is None and any(w in _SELF_SIZED or w in _SIZE_ADJ for w in text[claim.start : claim.end].lower().split())
# A level's noun, then the comma its change is set after: " passengers, " in "19 million
# passengers, 2.4 million more than in 2016".
_APPOSED_CHANGE = re.compile(r"[^\d;:.]{0,80},\s+(?:(?:a|an)\s+)?", re.I)
_BASE_THEN_OR = re.compile(
    r"\s+(?:over|on|from|than|compared\s+(?:with|to)|against|versus)\s+[^\d,;:.()]{1,40}?\s*(?:,\s*or|\(|--|[\u2014\u2013])\s*(?:(?:almost|nearly|about|some|roughly|around)\s+)?",
    re.I)
_LEVEL_COMMA_CHANGE = re.compile(r"(?:\s+[a-z][\w'’-]*){0,3}\s*,\s*", re.I)
_LEVEL_THEN_CHANGE = re.compile(r"[^\d;:]{0,80}?,\s*")
#: The note of a change whose levels only the years said before them put in order: it
#: bears a claim out only.
YEARS_SAID = "put the two levels in the order of the years said before them"
#: The note of a change read from the sentence before because the claim names what it
#: counts: it bears a claim out only.
RESTATED_NOUN = "read the change of the sentence before as the one the claim restates, by the noun both name"
#: The note of a change whose old level another claim of the sentence, ending at the same
#: new level, names ("fell 2% …, to 36,096, which is 739 fewer than the 36,835"): the other
#: claim may compare with something else, so it bears a claim out only.
SHARED_OLD = "read the old level the sentence's other claim names, at the same new level, as this change's"
#: The note of a total read as the sum of the levels set out after it: it bears a claim out only.
SUM_OF_PARTS = "read the total as the sum of the levels it is set out in"
_NET = re.compile(r"\bnet\b", re.I)
_FLOW_IN = frozenset(lexicon.NET_IN_NOUNS)
_FLOW_OUT = frozenset(lexicon.NET_OUT_NOUNS)
#: The note of a net change read from what flowed in and out: it bears a claim out only.
NET_FLOWS = "read the net change as what came in less what went out"


def _flow(text: str, it: Item) -> str | None:
    """Whether a level counts what came in or went out, by the words right after it
    ("109,800 migrant arrivals") or right before it ("fewer arrivals (34,300)")."""
    after = _WORD_RUN.findall(text[it.b : it.b + 40].lower())[:2]
    before = _WORD_RUN.findall(text[max(it.base, it.a - 50) : it.a].lower())[-5:]
    words = set(after) | (set(before) if text[max(it.base, it.a - 2) : it.a].strip() == "(" else set())
    if words & _FLOW_IN and not words & _FLOW_OUT:
        return "in"
    if words & _FLOW_OUT and not words & _FLOW_IN:
        return "out"
    return None


_WORD_RUN = re.compile(r"[a-z][a-z'’-]*")
_TOTAL_BEFORE = re.compile(r"\b(?:a\s+total\s+of|totall?(?:ed|ing)|bringing\s+(?:the\s+)?total\s+to)\s+" + lexicon.CURRENCY_CLASS + r"?$", re.I)
# A share's "of" and its noun, then the verb of what it counts: " of North Carolina counties ".
_SHARE_SUBJECT = re.compile(r"\s+of\s+(?:the\s+|all\s+|its\s+|their\s+)?[^\d,;:.()]{1,60}?\s+(?:(?:have|has|had)\s+)?", re.I)
# A change named by its size alone, and the direction a bare percent beside it takes then.
_DIFFERENCE_BEFORE = re.compile(r"\b(?:a\s+)?(?:difference|net\s+change|change)\s+of\s+" + lexicon.CURRENCY_CLASS + r"?$", re.I)
_EITHER = "either"
_DURATION = re.compile(r"\s+(?:[a-z][\w-]*\s+)?(?:" + lexicon.alternation(lexicon.DURATION_NOUNS) + r")\b", re.I)
_DURATION_WORD = re.compile(r"\b(?:" + lexicon.alternation(lexicon.DURATION_NOUNS) + r")\b", re.I)
_REMAINING = re.compile(r"\bremaining\s+$", re.I)
# ("remaining 34% below pre-pandemic levels": "remaining" the verb, the percent a gap to a
# level, no remainder of shares)
_COMPARED_AFTER = re.compile(r"\s+(?:below|above|under|over|short\s+of|higher|lower|less|more|up|down|behind|ahead)\b", re.I)
#: The note of a remainder read from the shares of the sentences before: it bears a claim
#: out, never convicts.
EARLIER_PARTS = "read the shares of the sentences before as the parts the remainder is left by"
_POINTS_OR = re.compile(r"\s*(?:,\s*)?(?:or|\()\s*", re.I)
_RESTATED_PCT = re.compile(r"\s*\(?\s*")
def _aside(text: str, it: Item, claim: Claim) -> bool:
    """Whether ``it`` stands in brackets closed before the claim ("2,994 (of which, 2 were
    children) people … 4% more"): an aside, not the level a claim follows."""
    opened = text.rfind("(", 0, it.a)
    return opened >= 0 and text.rfind(")", opened, it.a) < 0 and text.find(")", it.b, claim.start) >= 0


_WHICH_IS = re.compile(r"[^\d;:.]{0,60}?,?\s+(?:which|that)\s+(?:is|was|are|were)\s+(?:(?:just|only|some|about|nearly|almost)\s+)?" + lexicon.CURRENCY_CLASS + r"?", re.I)
_STEM_WORD = re.compile(r"[a-z]{4,}")


def _stems(words: str) -> set[str]:
    return {w[:-1] if w.endswith("s") else w for w in _STEM_WORD.findall(words.lower())}


# The two words after a claim's "in" or "of", whatever follows them ("The 6% growth in
# passenger numbers included …").
_NOUN_AFTER = re.compile(r"\s+(?:in|of)\s+(?:the\s+)?(?:number\s+of\s+)?(?P<words>[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*)?)", re.I)


def _shared_noun(text: str, claim: Claim, d: Item, loose: bool = False) -> str | None:
    """A word the claim's noun or subject ("an increase in overseas visitor arrivals") shares with the
    words before a change in a later sentence ("the number of overseas visitor arrivals rose
    by 18,900"), singular or plural; None when they name nothing in common."""
    # what the claim counts: named after it, or its subject ("Overseas visitor arrivals
    # showed a 17 per cent increase")
    noun = claim_noun_words(text, claim.end)
    if noun is None and loose and (m := _NOUN_AFTER.match(text, claim.end)):
        noun = m.group("words")
    # (a direction alone in its sentence is of the sentence's subject, however long)
    named = (noun or "") + " " + text[claim.sa if claim.alone else max(claim.sa, claim.start - 60) : claim.start]
    head = text[max(d.base, d.a - 80) : d.a]
    common = _stems(named) & _stems(head) - _NOT_SHARED
    return min(common) if common else None


# Words too common to say two numbers count one thing.
_NOT_SHARED = frozenset({"number", "total", "year", "month", "rate", "percent", "cent", "level", "figure", "this", "that", "their",
                         "showed", "shows", "with", "from", "were", "have", "been", "than", "more", "last"})


def _rate_reading_note(text: str, claim: Claim, old: Written, own: Written) -> str:
    """What a fact-checker must know of a rate read as the new rate: which words were read
    so, and why ("read 'by 13.01 percent' as the rate it rose to, …")."""
    phrase = " ".join(text[claim.start : claim.end].split())
    cut = phrase.lower().rfind("by ")
    shown = phrase[cut:] if cut >= 0 else phrase
    up = claim.direction == "up"
    verb, noun = ("rose", "rise") if up else ("fell", "fall")
    leap = old.value * (1 + own.value if up else 1 - own.value)
    assert claim.old is not None
    said = claim.item.q.num if claim.item is not None else own.text
    return (f"read '{shown}' as the rate it {verb} to, not the size of the {noun}: {said} is within 5% of the "
            f"{claim.old.q.num} it {verb} from and no new rate is printed; a {noun} of {said} would take the rate "
            f"to {fmt_decimal(leap, 2, times=100)}%")


def _rate_subject(text: str, claim: Claim) -> bool:
    """Whether the clause before the claim names a rate or an average: "The arrest rate
    rose 20%, from 410 arrests in 2022 to 440" compares counts, not the rate."""
    head = text[max(claim.sa, claim.start - 60) : claim.start]
    cut = max(head.rfind(","), head.rfind(";"), head.rfind(":"))
    return bool(_RATE_SUBJECT.search(head[cut + 1 :]))


def _same_scale(old: Item, new: Item) -> tuple[Written, Written, str | None]:
    """The two levels, with a scale word one of them leaves out read from the other:
    "from Rs 2303.35 crore … to Rs 2973.91" is 2973.91 crore, as any reader takes it."""
    a, b = written_of(old), written_of(new)
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


_AFTER_COMPARISON = re.compile(r"[^\d;:.()]{0,60},\s*(?:a\s+difference\s+of|or|which\s+is|that\s+is|an?)\s+", re.I)
_HEAD_STOP = re.compile(r"[;:]|\.(?!\d)")


def _difference_item(text: str, claim: Claim, items: list[Item]) -> Item | None:
    """The size of a change named without a direction right before a bare percent: the
    7,693 of "a difference of 7,693 people, or 7.2 percent"."""
    for it in items:
        if (it.q.direction is None and it.q.kind in ("count", "money") and it.b <= claim.start and claim.start - it.b <= 40
                and it.q.written is not None and _DIFFERENCE_BEFORE.search(text, max(it.base, it.pa - 20), it.pa)):
            return it
    return None


def _bare_direction(text: str, claim: Claim, items: list[Item]) -> str | None:
    """The direction a bare percent takes from a verb or change noun earlier in its clause
    ("rose 1,200, or 14%", "an increase of 324 students or 3.6%")."""
    if claim.item is None:
        return None
    head = text[max(0, claim.start - 80) : claim.start]
    # (a decimal point is no full stop: "fell 464.85 points, or 1.38 percent")
    cut = max([-1] + [m.start() for m in _HEAD_STOP.finditer(head)])
    head = head[cut + 1 :]
    if not re.search(r"(?:,\s*or|\bor|\()\s*$", head, re.I):
        return None
    for it in items:
        if it.q.direction and it.q.kind in ("count", "money", "rate", "points") and it.b <= claim.start and claim.start - it.b <= 40:
            return it.q.direction
    if _difference_item(text, claim, items) is not None:
        return _EITHER  # "a difference of 7,693 people, or 7.2 percent"
    m = None
    for m in direction_verb(head).finditer(head):
        pass
    return verb_direction(m.group("v")) if m else None
