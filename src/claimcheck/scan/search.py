"""The search: for each claim the best-supported candidate, or none.

A candidate needs :data:`MIN_SCORE` of structure to be checked; when two candidates within
:data:`MARGIN` of the best give different verdicts, the claim is listed, not judged.
"""

from __future__ import annotations

import re
from typing import Callable, Iterable

from claimcheck import lexicon

from claimcheck.scan.averages import average_checks
from claimcheck.scan.bindings import CARRYING_OBJECT, bind_claims
from claimcheck.scan.carried import CARRIED
from claimcheck.expr.computation import Computation
from claimcheck.scan.candidates import candidates_for, is_sized, BOTH_ORDERS, EARLIER_PARTS, LEVEL_NAMED, NET_FLOWS, PERCENT_UNSAID, RESTATED_NOUN, SHARED_OLD, SUM_OF_PARTS, THAT_NUMBER, WHICH_FOLLOWS, YEARS_SAID
from claimcheck.scan.readings import BEAR_OUT_NOTES, bears_out_only, more_candidates, more_checks
from claimcheck.scan.parallel import PARALLEL_LISTS
from claimcheck.scan.borne_out import borne_out_checks
from claimcheck.scan.elided import elided_subject_checks
from claimcheck.scan.restated_next import restated_next_checks
from claimcheck.scan.items import BENCHMARK_ROLES, Candidate, Check, Claim, is_level, Item, noun_of, PROGRESSIVE, same_unit


# "improved to 21.17% from 15.4%", "7.6 percent better": a change for the better, read as a
# rise, which it is for most things but not all (lexicon.JUDGED_UP): it bears a claim out only
_JUDGED = re.compile(r"\b(?:" + lexicon.alternation(lexicon.JUDGED_UP) + r")\b", re.I)
#: A candidate needs at least this much structure to be checked at all.
MIN_SCORE = 4.0
#: Candidates within this much of the best are "about as well supported".
MARGIN = 1.5
#: The verdicts evidence read with a hedge may give.
CONFIRMING = frozenset({"accurate", "approximate"})


Judge = Callable[[Claim, Candidate], str | None]
# " in the murder ratio", " in its crime rate": what the change is of, a rate
_RATE_AFTER = re.compile(r"\s+in\s+(?:the\s+|its\s+|their\s+|this\s+)?(?:[a-z][\w'’-]*\s+){0,2}?(?:"
                         + lexicon.alternation(lexicon.RATE_CLAIM_NOUNS) + r")s?\b", re.I)


def search(text: str, items: list[Item], claims: list[Claim], judge: Judge, first: int = 0,
           last: int | None = None) -> list[Check]:
    """Choose evidence for each claim of sentences ``first`` to ``last`` (the sentences
    before are context from the paragraph before, those from ``last`` on the first of the
    paragraph after); ``judge`` gives a candidate's verdict (or None when the claim cannot
    be read), which decides only between candidates equally supported."""
    levels = [it for it in items if is_level(it)]
    owners = bind_claims(text, claims, levels, last)
    checks: list[Check] = []
    for claim in claims:
        if claim.sent < first or (last is not None and claim.sent >= last):
            continue
        cause = _cause_at(text, claim)
        raw = candidates_for(claim, text, levels, items, owners, claims) + more_candidates(claim, text, items, claims)
        cands = [c for c in raw
                 if c.score >= MIN_SCORE and _hedges_allow(claim, c.evidence)
                 # ("Revenue rose from £164.97m to £193.17m, driven by …, a 17.5% rise in used
                 # car unit sales": the levels before the cause words are the change it caused)
                 and not (cause is not None and any(it.sent == claim.sent and it.b <= cause for it in c.evidence))]
        if not cands:
            continue
        # (a reading found evidence the structure supports: whatever it decides, the
        # arithmetic alone never overrules it, scan/borne_out.py)
        claim.memo["considered"] = True
        if any(c.note == PERCENT_UNSAID for c in cands):
            # ("fell 5.14, from 1,772 … to 1,681": a size with no unit, with decimals, read as a
            # percent where that bears it out; where it does not, the difference it was
            # written as is the reading, and may prove it wrong)
            unsaid = [c for c in cands if c.note == PERCENT_UNSAID and judge(claim, c) in CONFIRMING]
            cands = unsaid or [c for c in cands if c.note != PERCENT_UNSAID]
        if any(c.note == PARALLEL_LISTS for c in cands):
            # ("rose 5% and 7% to 126 and 107, respectively, from 120 and 100": lists set out
            # in one order pair each change with its own levels, and no others)
            cands = [c for c in cands if c.note == PARALLEL_LISTS]
        cands.sort(key=lambda c: -c.score)
        best = cands[0]
        close = [c for c in cands if best.score - c.score <= MARGIN
                 # ("… compared to the 20,894 …, a difference of 601 fewer students this year.¶
                 # Through Tuesday, the city recorded 245 killings, compared with 249 …": the
                 # paragraph after, which only ever bears a claim out, never outweighs a
                 # reading of the claim's own paragraph)
                 and not (any(it.ahead for it in c.evidence) and not any(it.ahead for it in best.evidence))]
        verdicts = {id(c): judge(claim, c) for c in close}
        if verdicts[id(best)] is None:
            continue
        if verdicts[id(best)] not in CONFIRMING and (
                claim.lead or all(it.sent > claim.sent for it in best.evidence)
                # ("… revised its projected prison population downwards from 101,900 to 95,800.
                # The projection … represents an increase of nearly 15%": levels only the
                # sentences before give, to a claim whose sentence does not point back to them,
                # may be another change's)
                or (not claim.anaphoric and all(it.sent < claim.sent for it in best.evidence))
                # ("Police tested 175,000 drivers. … 7,123 were arrested, which represented
                # 4.05% of those tested": a whole "those tested" is read to name, in a
                # sentence before, likewise)
                or (claim.memo.get("whole_pointed", False) and any(it.sent < claim.sent for it in best.evidence))
                # ("… has climbed 7 points, to 80%. … Among independents, Trump has bounced
                # five points, from 35 percent": a level two sentences on is another's)
                or any(it.sent > claim.sent + 1 for it in best.evidence)
                or best.note in (EARLIER_PARTS, LEVEL_NAMED, NET_FLOWS, RESTATED_NOUN, SHARED_OLD, SUM_OF_PARTS, THAT_NUMBER, WHICH_FOLLOWS, YEARS_SAID)
                or best.note in BEAR_OUT_NOTES
                or (last is not None and any(it.sent >= last for it in best.evidence))
                # ("… pushed our final total to £2.19 million.¶ This year's figure is 15 per cent
                # up on last year's total of £28.6m": a level of the paragraph before may be
                # another story's, unless the claim's sentence points back to it: "That is a
                # 20% increase")
                or (not claim.anaphoric and any(it.ctx for it in best.evidence))
                # ("15 per cent up on last year's total of £28.6m and takes the amount raised
                # since 2008 to £280m": the level a carrying verb takes a thing of its own to)
                or (claim.kind == "percent" and any(it.role_word == "to" and it.a > claim.end
                                                    and CARRYING_OBJECT.search(text, claim.end, it.a) for it in best.evidence))
                or any(it.q.hedge is not None and not it.q.avg for it in best.evidence)
                or any(it.memo.get("loose_old") or it.memo.get("bracket_amount") or it.memo.get(CARRIED) for it in best.evidence) or claim.memo.get("new_before", False) or claim.memo.get("which_new", False)
                or claim.memo.get("when_old", False) or claim.memo.get("set_out", False) or claim.memo.get("named_old", False)
                or claim.memo.get("pointed_back", False)
                or (claim.old is not None and (claim.old.role_word in BENCHMARK_ROLES or claim.old.role_word == "than")
                    and not all(is_level(it) for it in best.evidence))
                or (claim.kind == "direction" and text[claim.start : claim.end].lower() in PROGRESSIVE)
                or (claim.kind == "direction" and _gap_as_level(best.evidence))
                or bears_out_only(claim)
                # (a level a sentence with a sum word reaches, read as the sum of the levels the
                # sentences before reached: "total revenue", "net income" name a line of
                # accounts as often as a sum)
                or claim.summed
                # ("Sales were down by 10 percent for the month on an adjusted basis": adjusted
                # figures are not the raw levels printed)
                or _adjusted(text, claim)
                or _JUDGED.search(text, claim.start, claim.end) is not None
                or _one_level_twice(best.evidence)
                or _compared_other_year(text, claim, best.evidence)
                or _two_nouns(best.evidence)
                or _own_level_left_out(claim, best.evidence)
                or _narrowed_subject(text, claim, best.evidence)
                or _own_subject_clause(text, claim, best.evidence)
                or _another_clauses_change(claim, best.evidence, owners)
                # ("with 27 in Tasmania (down 30.8 per cent, from 39 deaths) and eight in the
                # ACT (down 20 per cent, from 10)": a level another claim stands between is
                # more likely that claim's)
                or _claim_between(claim, best.evidence, claims)
                # ("between 925 and 952 wolves …. That's up about 6 percent from the then-record
                # count of 866 to 897 wolves": where the levels beside are ranges, "X to Y" may
                # be one more range, not a change from X to Y)
                or _range_beside(best.evidence, items)
                # ("£499, up by 2.1% from the previous year, with men earning £538 compared
                # with £439 for women": a level compared with another after the claim is that
                # one's base)
                or any(it.role == "old" and it.partner is not None and it.partner not in best.evidence
                       and it.partner.a > claim.end for it in best.evidence)
                # ("The decrease from 26 877 to 16 834 cases … represents a 50% reduction in
                # the murder ratio": a change of a rate, and only counts to read it on)
                or (_RATE_AFTER.match(text, claim.end) is not None
                    and all(it.q.kind == "count" and it.q.per is None for it in best.evidence))):
            # "approximately 93,000", "a decrease of about 440": a hedged number, or
            # numbers only the sentences after the claim give ("Burglaries fell sharply
            # this year. The city hired 43 officers, compared with 27 last year."), or the
            # paragraph after, or a rate of change read as a level against a benchmark,
            # or an old level read from loosely written words ("a decrease of 36,835 … in
            # 2018 to 36,096 in 2019"), or one level printed twice and read as both ends of a change ("a rate of 6.2
            # per cent. … 0.4 points higher than … the average rate of 6.2 per cent"),
            # or two levels of different things, or of another clause's change, bear a
            # claim out, never prove it wrong
            continue
        if len({v for v in verdicts.values() if v is not None}) > 1:
            # Two readings about as well supported disagree: the claim is listed, not judged.
            continue
        if BOTH_ORDERS in best.reasons:
            # "136,343 incidents were reported last year while 130,298 were recorded in 2015":
            # which is the older depends on when the story was written; the other order is
            # read too, the verdict stands only where both agree, and the order with "last
            # year" the newer is the one shown
            rev = _reversed(best)
            if rev is None or judge(claim, rev) != verdicts[id(best)]:
                continue
            if best.evidence[0].time is not None and best.evidence[0].time[0] == 0:
                best = rev
        if claim.kind == "direction":
            claim.memo["sized"] = is_sized(text, claim)
        why = "; ".join(best.reasons)
        checks.append(Check(claim, best.computation, best.evidence, best.relation, best.score, why, best.hint,
                            tuple(c for c in close if c is not best), best.note))
    out = _dedupe(checks, text)
    # "… have risen by nearly 27% in the last year. …, nearly 20,000 more than in 2019": a
    # change the next sentence's check states again, from its levels (bearing out only)
    out.extend(restated_next_checks(text, items, claims, out, first, last, judge))
    # "climbed 17 percent to 2,649 …, but dropped 21 percent from the 3,345": a change whose
    # subject the conjunction leaves out is of the level the change before it reached
    out.extend(elided_subject_checks(text, claims, out, first, last, judge))
    # a rate a total beside it gives over the period named ("over 19,000 … in the last
    # year — 52 a day"): read apart, it only bears a claim out
    out.extend(average_checks(text, items, first, last, judge))
    # "£1.48 for the year (12p a month)", "an average price of $11.42 per share": bearing out only
    out.extend(more_checks(text, items, first, last, judge, out))
    # the last reading: a claim no reading found evidence for, borne out by the arithmetic of
    # the one pair of levels beside it that gives its figure (bearing out only)
    out.extend(borne_out_checks(text, items, claims, out, first, last, judge))
    return out


# "driven by", "due to", "thanks to": what follows is the cause of the change before
_CAUSE = re.compile(r"\b(?:" + lexicon.alternation(lexicon.CAUSE_WORDS) + r")\b", re.I)


def _cause_at(text: str, claim: Claim) -> int | None:
    """Where the last cause words before ``claim`` in its sentence start, when the claim is
    (in) the cause they name; None when there are none."""
    found = None
    for m in _CAUSE.finditer(text, claim.sa, claim.start):
        found = m.start()
    return found


def _reversed(cand: Candidate) -> Candidate | None:
    """``cand`` with its two levels the other way round; None when its computation is not
    one of two numbers."""
    comp = cand.computation
    if len(comp.args) != 2 or len(cand.evidence) != 2 or any(isinstance(a, Computation) for a in comp.args):
        return None
    return Candidate(cand.relation, Computation(comp.func, (comp.args[1], comp.args[0])), (cand.evidence[1], cand.evidence[0]),
                     cand.score, cand.reasons, cand.hint, cand.note)


_ADJUSTED = re.compile(r"\b(?:" + lexicon.alternation(lexicon.ADJUSTED_WORDS) + r")\b", re.I)
_SENTENCE_END = re.compile(r"[.;!?](?:\s|$)")


def _adjusted(text: str, claim: Claim) -> bool:
    """Whether the claim's clause says its change is of adjusted figures."""
    stop = _SENTENCE_END.search(text, claim.end, claim.end + 120)
    return _ADJUSTED.search(text, max(claim.sa, claim.start - 60), stop.start() if stop else claim.end + 120) is not None


def _gap_as_level(evidence: tuple[Item, ...]) -> bool:
    """Two percent levels, one under a tenth of the other ("the figure of 1.72 per cent is
    higher than the 24.08 per cent"): the small one is more likely the gap in points,
    written as a level, than a level; a direction read on them only bears a claim out."""
    if len(evidence) != 2 or any(it.q.kind != "percent" or it.q.written is None for it in evidence):
        return False
    a, b = sorted(abs(it.q.written.value) for it in evidence)  # type: ignore[union-attr]
    return a * 10 < b


# the time a direction's sentence says before it: "Last year, the … rose to 77,425"
_TIME_BEFORE = re.compile(r"\b(?:(?P<rel>last|this)\s+year|(?:in|during|by)\s+(?P<year>(?:19|20)\d\d))\b", re.I)


def _compared_other_year(text: str, claim: Claim, evidence: tuple[Item, ...]) -> bool:
    """A direction to a level ("rose to …") whose base is a level "compared with" and
    labelled by a year that need not be the one the change was from: "Last year, the overall number of applications rose
    to 77,425, compared with a final tally of 80,766 in 2016" (which year "last year" is
    goes unsaid), "rose to 1,200 in 2021, compared with 1,400 in 2019" (two years apart).
    The rise may be from a level not printed; the comparison bears it out, never convicts."""
    if claim.kind != "direction" or len(evidence) != 2:
        return False
    olds = [it for it in evidence if it.role_word.startswith("compared")]
    if len(olds) != 1:
        return False
    old = olds[0]
    new = evidence[1] if evidence[0] is old else evidence[0]
    if old.time is None or old.time[0] <= 1 or new.role_word != "to":
        # (a change between the two levels themselves, "a sharp drop in deaths …: 399 last
        # year, compared to 92 in 2015", is of them: only a level the verb moved "to" may
        # have moved from another)
        return False
    when = new.time
    if when is None:
        said = [m for m in _TIME_BEFORE.finditer(text, claim.sa, claim.start)]
        if not said:
            return False
        m = said[-1]
        when = (0, -1 if m["rel"].lower() == "last" else 0) if m["rel"] else (int(m["year"]), 0)
    if when[0] <= 1:
        return True  # "last year", "this year" against a year named
    return when[0] - old.time[0] > 1


def _one_level_twice(evidence: tuple[Item, ...]) -> bool:
    """Two levels of one value in one unit: most likely the same level said twice, not
    a change of nothing (a claim of no change needs no conviction from it)."""
    if len(evidence) != 2:
        return False
    a, b = (it.q.written for it in evidence)
    return a is not None and b is not None and a.value == b.value and a.percent == b.percent


def _another_clauses_change(claim: Claim, evidence: tuple[Item, ...], owners: dict[int, Claim]) -> bool:
    """A level that a change stated in another clause of the claim's sentence binds as its
    own ("Attempted thefts went up from 120 to 131, while 940 bicycles were stolen — an
    increase of 85"): the claim may be about the other clause's thing."""
    for it in evidence:
        other = owners.get(id(it))
        if other is not None and other is not claim and other.kind == "direction" \
                and other.sent == claim.sent and other.clause != claim.clause:
            return True
    return False


def _claim_between(claim: Claim, evidence: tuple[Item, ...], claims: list[Claim]) -> bool:
    """Whether, between a change claim and a level of its evidence in its sentence, there
    stands a change of another group with its own size and its own old level: the level is
    more likely that change's."""
    if claim.direction is None:
        return False
    for it in evidence:
        if it.sent != claim.sent:
            continue
        lo, hi = (it.b, claim.start) if it.b <= claim.start else (claim.end, it.a)
        if any(c is not claim and c.group != claim.group and c.item is not None and c.sent == claim.sent
               and c.direction is not None and c.old is not None and c.old is not it and c.old not in evidence
               and lo <= c.start and c.end <= hi and not c.quiet for c in claims):
            return True
    return False


def _own_level_left_out(claim: Claim, evidence: tuple[Item, ...]) -> bool:
    """The claim's own sentence gives the level it reached ("Net profit was A$61 million, up
    18%"), and the evidence is levels of the sentences before, without it: they may be
    another thing's ("revenue was A$512 million, against A$468 million"), so they bear the
    claim out, never prove it wrong."""
    return (claim.new is not None and claim.new.sent == claim.sent and claim.new not in evidence
            and bool(evidence) and all(it.sent < claim.sent for it in evidence))


# ", while wages rose 3.9%": a clause with a subject of its own, right before the claim
_OWN_SUBJECT_HEAD = re.compile(r"(?:^|[,;]\s*)(?:" + lexicon.alternation(lexicon.OWN_SUBJECT_SUBORDINATORS)
                               + r")\s+(?:[a-z][\w'’-]*\s+){1,4}$", re.I)


def _own_subject_clause(text: str, claim: Claim, evidence: tuple[Item, ...]) -> bool:
    """The claim opens a clause with a subject of its own ("Unemployment in the region was
    5.1%, compared with 4.2% nationally, while wages rose 3.9%") and none of the evidence is
    in that clause: the levels are another subject's, so they bear it out at most."""
    if not evidence or any(it.clause == claim.clause for it in evidence):
        return False
    head = text[claim.sa : claim.start]
    return _OWN_SUBJECT_HEAD.search(head) is not None


_NARROWING = re.compile(r"\b(?:" + lexicon.alternation(lexicon.NARROWING_WORDS) + r")\b", re.I)


def _narrowed_subject(text: str, claim: Claim, evidence: tuple[Item, ...]) -> bool:
    """The claim's sentence, read on levels of the sentences before, names a narrower group
    before it than theirs does ("There were 4,350 cases of measles in 2023, compared with 735
    in 2022. Cases among adults rose fourfold"): the levels may be the whole's, not the
    group's, so they bear the claim out and never prove it wrong."""
    if not evidence or any(it.sent >= claim.sent for it in evidence):
        return False
    if _NARROWING.search(text, claim.sa, claim.start) is None:
        return False
    first = min(evidence, key=lambda it: it.base)
    return _NARROWING.search(text, first.base, claim.sa) is None


def _range_beside(evidence: tuple[Item, ...], items: list[Item]) -> bool:
    """Whether the evidence is a pair "from X to Y" and a range of the same unit stands in
    its sentence or the one before: the pair may be a range too."""
    if len(evidence) != 2:
        return False
    old, new = evidence
    if not (old.role_word == "from" and new.role_word == "to" and old.sent == new.sent):
        return False
    return any(it.role == "range" and it.sent in (old.sent, old.sent - 1) and same_unit(it.q, old.q) for it in items)


def _two_nouns(evidence: tuple[Item, ...]) -> bool:
    """Two levels that name different things ("12,400 primary pupils … 5,100 secondary
    students"): copy varies its nouns, so they may still be one series, but not surely
    enough to call a claim wrong."""
    if len(evidence) != 2:
        return False
    a, b = (noun_of(it.q) for it in evidence)
    # ("1,240 burglaries … the 420 recorded in 2015": a verb after a number names nothing)
    return a is not None and b is not None and a != b and not {a, b} & _REPORTING



_REPORTING = frozenset(lexicon.REPORTING_PARTICIPLES)


# Hedges that keep a number within a tenth of itself ("nearly", "about", "just over").
_CLOSE_HEDGES = frozenset({"nearly", "about", "just_over"})


def _hedges_allow(claim: Claim, evidence: tuple[Item, ...]) -> bool:
    """One hedged level beside an exact one bears a claim out; two leave the change itself
    unknown ("from about 120 to about 150"), but not its sign when they stand far apart
    ("Nearly 13% …, up from almost 10%")."""
    hedged = [it for it in evidence if it.q.hedged_level]
    if len(hedged) < 2:
        return True
    if claim.kind != "direction" or len(evidence) != 2 or any(it.q.hedge not in _CLOSE_HEDGES for it in hedged):
        return False
    a, b = sorted(abs(it.q.written.value) for it in evidence if it.q.written is not None)
    return a * 5 < b * 4  # a gap of more than a fifth of the larger: no hedge flips the sign


_THAN_AFTER = re.compile(r"\s+than\b", re.I)


def _phrase_end(chk: Check) -> int:
    """Where a direction's reported phrase ends: it runs on over the evidence written right
    after the verb in its clause (as run.py reports it)."""
    last = max(it.b for it in chk.evidence)
    end = chk.claim.end
    if last > end and last - end <= 60 and all(it.clause == chk.claim.clause for it in chk.evidence):
        return last
    return end


def _dedupe(checks: list[Check], text: str) -> list[Check]:
    """One check per change: a direction stated alone yields to a numeric claim of its
    clause that uses the same numbers ("declined to 88 from 97, a drop of 19%"), and to the
    direction before it in its sentence that uses them ("was much lower than at the same
    point last year – down from 842 to 430")."""
    out: list[Check] = []
    for c in checks:
        if c.claim.kind == "direction" and c.claim.item is None and any(
                # "rose to 46,265 for the year to March, up from 43,706": the second direction
                # stands inside the first's phrase, which runs on over its levels, and says the
                # same change again
                o.claim.kind == "direction" and o.claim.item is None and o.claim.sent == c.claim.sent
                and o.claim.direction == c.claim.direction and o.claim.start < c.claim.start < _phrase_end(o)
                and set(map(id, o.evidence)) == set(map(id, c.evidence)) for o in out):
            continue
        if c.claim.kind == "direction" and c.claim.item is None and any(
                o.claim.kind == "direction" and o.claim.item is None and o.claim.sent == c.claim.sent
                and o.claim.start < c.claim.start and o.claim.direction == c.claim.direction
                and _THAN_AFTER.match(text, o.claim.end) is not None
                and set(map(id, o.evidence)) == set(map(id, c.evidence)) for o in out):
            continue
        if c.claim.kind == "direction" and any(
            o.claim.kind != "direction" and (o.claim.group == c.claim.group or (c.claim.quiet and o.claim.clause == c.claim.clause))
            and set(map(id, o.evidence)) >= set(map(id, c.evidence))
            # (a direction sized by its own words in a sentence of its own is a claim of
            # its own: "… a dramatic increase in deaths: 399 last year, compared to 92 in
            # 2015. That's a 433 percent increase")
            and not (o.claim.sent != c.claim.sent and c.claim.memo.get("sized", False))
            for o in checks
        ):
            continue
        out.append(c)
    return out


def literal(items: Iterable[Item]) -> tuple[str, ...]:
    return tuple(it.q.num for it in items)


__all__ = ["MARGIN", "MIN_SCORE", "Judge", "literal", "search"]
