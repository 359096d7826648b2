"""Readings of real prose that the search's candidates do not make, each in a module of
its own, offered to :func:`~claimcheck.scan.search.search` in one place:

* :mod:`~claimcheck.scan.restated` — an amount restating the change another claim of its
  sentence states ("has risen 24p … a 5.37% increase from £4.47 to £4.71");
* :mod:`~claimcheck.scan.asides` — a share with its part beside it in brackets or dashes
  ("71% of our fact-checks (63)"), or set out after its colon ("…: in the top 15, 10 were up"),
  its part before "accounting for" ("50,333, accounting for about two-thirds of China's total
  82,367"), or its whole in brackets ("59% of the equivalent period in 2019 (22.2 million)");
* :mod:`~claimcheck.scan.multiples` — a multiple of two changes ("rate of increase was more
  than 10 times that of the entire country (1.2 percent)"), or of two levels set out after a
  dash ("has more than tripled … - 1,826 in 2k1-2, and 6,253 in 2k8-9");
* :mod:`~claimcheck.scan.restated_rate` — a rate restating a yearly sum ("£1.48 for the year
  (12p a month)");
* :mod:`~claimcheck.scan.per_unit` — an average per thing ("14,450 of our shares for $165,065,
  an average price of $11.42 per share");
* :mod:`~claimcheck.scan.per_capita` — a rate per so many people from a count and a
  population ("51 white farmers murdered … a murder rate … of 108 per 100,000");
* :mod:`~claimcheck.scan.gaps` — a gap between two levels, named without a direction ("a
  difference of about $2.62 million", "creating a gap of 517,555 votes");
* :mod:`~claimcheck.scan.rows` — numbers set side by side as a table's rows ("Louisiana
  1,185 1,816 53.2% 631", "Yes 210 74.5% No 72 25.5%", "2008 $371 million +8.9%");
* :mod:`~claimcheck.scan.records` — a new high set against the previous one the words
  name ("reached a new high … with 140 lives lost. The previous high was 111");
* :mod:`~claimcheck.scan.restated_next` — a change the next sentence states again, from one
  level to another ("have risen by nearly 27% in the last year. …, nearly 20,000 more than in
  2019");
* :mod:`~claimcheck.scan.compounded` — a total change as the rates before it compounded
  ("gone up 34% and 35% annually. … a total increase of 80% in two years");
* :mod:`~claimcheck.scan.year_figure` — a share whose part is a level named by its year
  ("The District's 2011 figure represents fewer than half the 232 homicides");
* :mod:`~claimcheck.scan.unsigned` — points with no direction before "from" ("showing 0.06
  per cent point from 11.40 per cent").
* :mod:`~claimcheck.scan.real_terms` — a change in real terms, the change before it over
  the inflation its sentence names ("taking into account 0.1% inflation … 2.9% more in real
  terms");
* :mod:`~claimcheck.scan.parallel` — changes listed, then their new and old levels in the
  same order ("dropped by 0.1 percent in February and 2.5 percent in March … to 197,517 and
  188,076 compared 197,697 and 192,841").

Each rests on a reading of the words, not only on their structure, so each bears a claim
out and never proves it wrong (:data:`BEAR_OUT_NOTES`, :func:`bears_out_only`). The claims
some of them read are made with the paragraph's others, in
:func:`~claimcheck.scan.items.build_items`: a total and the sentence opening on its parts
(:mod:`~claimcheck.scan.parts`), the pairs of levels a direction's list sets out after its
colon (:mod:`~claimcheck.scan.compared`), points with no direction (:mod:`~claimcheck.scan.unsigned`)
and a percent in words after "or" (:func:`~claimcheck.scan.restated.or_percent_in_words_claim`).
"""

from __future__ import annotations

from typing import Callable

from claimcheck.scan.asides import (
    ACCOUNTS_FOR, ASIDE_PART, BRACKETED_WHOLE, OUT_OF_WHOLE, SET_OUT_SHARE, accounts_for_candidates, aside_share_candidates,
    aside_then_whole_candidates, bracketed_whole_candidates, out_of_candidates, set_out_share_candidates,
    TURNOUT_BEFORE, turnout_candidates)
from claimcheck.scan.compounded import COMPOUNDED, compounded_candidates
from claimcheck.scan.candidates import PARTS_AFTER, PERCENT_UNSAID
from claimcheck.scan.gaps import GAP_BETWEEN, gap_checks
from claimcheck.scan.items import Candidate, Check, Claim, Item, may_hold_gaps
from claimcheck.scan.multiples import (CHANGES_MULTIPLE, SET_OUT_LEVELS, changes_multiple_candidates, respectively_multiple_candidates,
                                       set_out_levels_candidates)
from claimcheck.scan.parallel import PARALLEL_LISTS, parallel_candidates
from claimcheck.scan.per_capita import per_capita_checks
from claimcheck.scan.per_unit import per_unit_checks
from claimcheck.scan.restated import RESTATED_AMOUNT, restated_candidates
from claimcheck.scan.restated_next import RESTATED_NEXT
from claimcheck.scan.restated_rate import restated_rate_checks
from claimcheck.scan.real_terms import REAL_TERMS, may_hold_real_terms, real_terms_checks
from claimcheck.scan.records import PREVIOUS_RECORD, may_hold_records, record_checks
from claimcheck.scan.rows import ROW_NOTES, row_checks
from claimcheck.scan.unsigned import bears_out_only
from claimcheck.scan.year_figure import YEAR_FIGURE, year_figure_candidates

#: The notes of candidates read here: a verdict on them that is not confirming is no verdict.
BEAR_OUT_NOTES = frozenset({RESTATED_AMOUNT, GAP_BETWEEN, ASIDE_PART, SET_OUT_SHARE, CHANGES_MULTIPLE, ACCOUNTS_FOR, BRACKETED_WHOLE,
                            SET_OUT_LEVELS, PREVIOUS_RECORD, RESTATED_NEXT, COMPOUNDED, YEAR_FIGURE, PARALLEL_LISTS,
                            OUT_OF_WHOLE, PERCENT_UNSAID, PARTS_AFTER, REAL_TERMS, TURNOUT_BEFORE}) | ROW_NOTES


def more_candidates(claim: Claim, text: str, items: list[Item], claims: list[Claim]) -> list[Candidate]:
    """The candidates of ``claim`` these readings make (scored on structure alone); each
    reading is tried only on the kind of claim it reads."""
    kind = claim.kind
    if claim.item is None or kind in ("direction", "anchor"):
        return []
    if kind in ("count", "money"):
        return restated_candidates(claim, text, claims)
    out: list[Candidate] = []
    if kind == "share" or claim.bare:
        out += aside_share_candidates(claim, text, items) + set_out_share_candidates(claim, text, items)
        out += accounts_for_candidates(claim, text, items) + bracketed_whole_candidates(claim, text, items)
        out += year_figure_candidates(claim, text, items)
        out += out_of_candidates(claim, text, items)
        out += aside_then_whole_candidates(claim, text, items)
    if kind in ("percent", "share") and claim.direction is None:
        out += turnout_candidates(claim, text, items)
        if kind == "percent" and not claim.bare:
            out += year_figure_candidates(claim, text, items)
    if kind == "percent" and claim.direction is not None:
        out += compounded_candidates(claim, text, items)
    if kind == "percent":
        out += parallel_candidates(claim, text, items)
    if kind in ("multiple", "percent"):
        if kind == "multiple":
            out += changes_multiple_candidates(claim, text, items) + respectively_multiple_candidates(claim, text, items)
        out += set_out_levels_candidates(claim, text, items)
    return out


def more_checks(text: str, items: list[Item], first: int, last: int | None, judge: Callable[[Claim, object], str | None],
                done: list[Check]) -> list[Check]:
    """The checks of rates and averages these readings bear out, for the quantities no
    check of ``done`` has read."""
    # the paragraph's own words (``text`` is the whole document read so far): its first
    # sentence's start to a sentence's length past its last number
    span = text[min(it.base for it in items) : max(it.b for it in items) + 400] if items else ""
    seen = {id(c.claim.item) for c in done if c.claim.item is not None}
    # numbers set side by side, as in a table's rows
    out: list[Check] = [c for c in row_checks(text, items, first, last, judge) if id(c.claim.item) not in seen]
    seen.update(id(c.claim.item) for c in out)
    if may_hold_records(span):
        # (a record is a direction stated alone: no item; it is new where no check's phrase is)
        out += [c for c in record_checks(text, items, first, last, judge)
                if not any(d.claim.start < c.claim.end and c.claim.start < d.claim.end for d in done)]
    if may_hold_real_terms(span):
        # "taking into account 0.1% inflation … earning 2.9% more in real terms" (scan/real_terms.py)
        out += [c for c in real_terms_checks(text, items, first, last, judge, done) if id(c.claim.item) not in seen]
        seen.update(id(c.claim.item) for c in out)
    rates = any(it.q.per for it in items)
    money = any(it.q.kind == "money" for it in items)
    shares = any(it.q.kind == "share" for it in items)
    if not (rates or money or shares or may_hold_gaps(span)):
        return out  # each reading below reads a rate, a share, an average sum of money or a gap
    if rates:
        out += [c for c in restated_rate_checks(text, items, first, last, judge) if id(c.claim.item) not in seen]
        seen.update(id(c.claim.item) for c in out)
    if money:
        out += [c for c in per_unit_checks(text, items, first, last, judge) if id(c.claim.item) not in seen]
        seen.update(id(c.claim.item) for c in out)
    if rates or shares:
        out += [c for c in per_capita_checks(text, items, first, last, judge) if id(c.claim.item) not in seen]
        seen.update(id(c.claim.item) for c in out)
    if may_hold_gaps(span):
        out += [c for c in gap_checks(text, items, first, last, judge) if id(c.claim.item) not in seen]
    return out


__all__ = ["BEAR_OUT_NOTES", "bears_out_only", "more_candidates", "more_checks"]
