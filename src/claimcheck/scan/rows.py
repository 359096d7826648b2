"""Numbers set side by side, as a table pasted into copy prints them: "Louisiana 1,185
1,816 53.2% 631" (two years' deaths, the percent change, the additional deaths), "March
10 33 43" (fire calls, medical calls, their total), "Yes 210 74.5% No 72 25.5%" (each
answer's count and its share), and rows that open on a year, "2008 $371 million +8.9%"
below "2007 $341 million" (a level and its change from the year before).

What each column is, a table says in a header that copy often drops; here it is read from
the numbers alone, so every reading bears a figure out when exactly one reading gives it
and never proves it wrong (:data:`ROW_NOTES`): a row whose figures do not add up may be a
row of other columns.
"""

from __future__ import annotations

import re
from fractions import Fraction
from typing import Callable

from claimcheck.expr.computation import Computation
from claimcheck.scan.items import Candidate, Check, Claim, Item, noun_of, same_unit, side_by_side, written_of

#: The note of two levels set side by side and the change after them.
ROW_CHANGE = "read the numbers set side by side as a table's row: two levels, then their change"
#: The note of two counts set side by side and their total after them.
ROW_TOTAL = "read the numbers set side by side as a table's row: two parts, then their total"
#: The note of counts each beside its percent, the percents adding up to 100.
ROW_SHARES = "read the counts set side by side with percents that add up to 100 as each count's share of their sum"
#: The note of a signed percent in a row that opens on a year.
YEAR_ROWS = "read the signed percent of a row that opens on a year as the change from the row of the year before"
#: Every note of this module: each bears a figure out, never convicts one.
ROW_NOTES = frozenset({ROW_CHANGE, ROW_TOTAL, ROW_SHARES, YEAR_ROWS})

_CONFIRMING = ("accurate", "approximate")
_SIGN = "+-\u2212"
# the year a row opens on, right before its level: "2008 $371 million +8.9%"
_YEAR_BEFORE = re.compile(r"(?<![\w,.$])((?:19|20)\d\d)\s+\Z")
_DIGITS_AFTER_POINT = re.compile(r"\.(\d+)")


def _level(it: Item) -> bool:
    q = it.q
    return (q.plain and q.kind in ("count", "money") and q.per is None and q.hedge is None and it.role is None
            and q.written is not None)


def _percent(it: Item) -> bool:
    q = it.q
    return (q.kind == "percent" and q.written is not None and not q.words and q.hedge is None and q.per is None
            and q.direction is None and it.role is None)


def _runs(text: str, items: list[Item]) -> list[list[Item]]:
    """The runs of a sentence's numbers set side by side (``items`` in order): nothing
    but spaces, brackets or the number's own noun between one and the next."""
    runs: list[list[Item]] = []
    for it in items:
        if runs and side_by_side(text, runs[-1][-1], it):
            runs[-1].append(it)
        else:
            runs.append([it])
    return [r for r in runs if len(r) >= 2]


def _claim(text: str, it: Item, kind: str) -> Claim:
    # a sign written before the number is the figure's: "+8.9%"
    start = it.pa - 1 if it.pa > it.base and text[it.pa - 1] in _SIGN else it.pa
    return Claim(it, start, it.pb, None, kind, it.sent, it.clause, sa=it.base, quiet=True)


def _check(claim: Claim, cand: Candidate) -> Check:
    return Check(claim, cand.computation, cand.evidence, cand.relation, cand.score, "; ".join(cand.reasons), None, (),
                 cand.note)


def _one(claim: Claim, cands: list[Candidate], judge: Callable[[Claim, object], str | None]) -> Check | None:
    """The check of the one candidate that bears ``claim`` out; none when no candidate
    or more than one does (which is meant is then not known)."""
    found = [c for c in cands if judge(claim, c) in _CONFIRMING]
    return _check(claim, found[0]) if len(found) == 1 else None


def _change_and_total(text: str, run: list[Item], judge: Callable[[Claim, object], str | None]) -> list[Check]:
    """"1,185 1,816 53.2% 631": two levels, their percent change, their difference;
    "5 31 36": two parts and their total (or two levels and their difference)."""
    out: list[Check] = []
    a, b, *rest = run
    if not (_level(a) and _level(b) and same_unit(a.q, b.q) and written_of(a).value != written_of(b).value):
        return out
    if noun_of(a.q) and noun_of(b.q) and noun_of(a.q) != noun_of(b.q):
        return out
    if len(run) == 3 and all(_level(it) for it in run) and \
            written_of(b).value - written_of(a).value == written_of(run[2]).value - written_of(b).value:
        return out  # "10 20 30", "1 2 3": a scale or a numbering, whose third is the sum of the first two by chance
    ev = (a, b)
    change = Candidate("difference", Computation("diff", (written_of(a), written_of(b))), ev, 5.0,
                       [f"{b.q.num} less {a.q.num}, the two levels set before it in its row"], note=ROW_CHANGE)
    for i, it in enumerate(rest[:2]):
        if _percent(it) and i == 0:
            cand = Candidate("percent change", Computation("pct_change", (written_of(a), written_of(b))), ev, 5.0,
                             [f"{a.q.num} to {b.q.num}, the two levels set before it in its row"], note=ROW_CHANGE)
            chk = _one(_claim(text, it, "percent"), [cand], judge)
        elif _level(it) and same_unit(it.q, a.q):
            # a table's cell is exact: "50" beside 12 and 40 is not their total 52, though
            # a round 50 in prose stands for 45 to 55
            va, vb, v = written_of(a).value, written_of(b).value, written_of(it).value
            cands = [change] if abs(vb - va) == v else []
            if i == 0 and len(run) == 3 and a.q.kind == "count" and va + vb == v:
                cands.append(Candidate("sum", Computation("sum", (written_of(a), written_of(b))), ev, 5.0,
                                       [f"{a.q.num} and {b.q.num}, the two numbers set before it in its row"],
                                       note=ROW_TOTAL))
            chk = _one(_claim(text, it, it.q.kind), cands, judge)
        else:
            break
        if chk is not None:
            out.append(chk)
    return out


def _unit(num: str) -> Fraction:
    """Half the unit of the last digit a percent is written to: 74.5% stands for 74.45–74.55."""
    m = _DIGITS_AFTER_POINT.search(num)
    return Fraction(1, 2 * 10 ** len(m.group(1))) if m else Fraction(1, 2)


def _shares(text: str, runs: list[list[Item]], judge: Callable[[Claim, object], str | None]) -> list[Check]:
    """"Yes 210 74.5% No 72 25.5%": counts each with a percent beside it, the percents
    adding up to 100 (to within their rounding): each percent the count's share of the
    counts' sum."""
    pairs = [r for r in runs if len(r) == 2 and _level(r[0]) and r[0].q.kind == "count" and _percent(r[1])]
    if len(pairs) < 2 or len(pairs) != len(runs):
        return []
    # (a percent's value is its fraction of one: 74.5% is 0.745)
    total = sum((Fraction(written_of(p[1]).value) * 100 for p in pairs), Fraction(0))
    slack = sum((_unit(p[1].q.num) for p in pairs), Fraction(0))
    if abs(total - 100) > slack:
        return []
    counts = [written_of(p[0]) for p in pairs]
    whole: Computation = Computation("add", (counts[0], counts[1]))
    for c in counts[2:]:
        whole = Computation("add", (whole, c))
    out: list[Check] = []
    for part, pct in pairs:
        cand = Candidate("share", Computation("share", (written_of(part), whole)), tuple(p[0] for p in pairs), 5.0,
                         [f"{part.q.num} of the sum of the {len(pairs)} counts set beside percents that add up to 100"],
                         note=ROW_SHARES)
        chk = _one(_claim(text, pct, "percent"), [cand], judge)
        if chk is not None:
            out.append(chk)
    return out


def _year_rows(text: str, items: list[Item], first: int, last: int | None,
               judge: Callable[[Claim, object], str | None]) -> list[Check]:
    """"2008 $371 million +8.9%" with "2007 $341 million" beside it: rows that open on a
    year, each a level and perhaps a percent signed "+" or "−": the percent is the change
    from the level of the row of the year before (the rows on lines of their own, or run
    together in one sentence)."""
    # (a check is made only of a percent signed "+" or "−" of the sentences read: with none,
    # no row need be read)
    if not any(_percent(it) and text[it.pa - 1] in _SIGN and it.sent >= first and (last is None or it.sent < last)
               for it in items):
        return []
    ordered = sorted(items, key=lambda it: it.a)
    rows: list[tuple[int, Item, Item | None]] = []
    for i, level in enumerate(ordered):
        m = _YEAR_BEFORE.search(text, max(level.base, level.pa - 16), level.pa)
        if m is None or not _level(level):
            continue
        nxt = ordered[i + 1] if i + 1 < len(ordered) else None
        pct = (nxt if nxt is not None and nxt.sent == level.sent and _percent(nxt) and text[nxt.pa - 1] in _SIGN
               and side_by_side(text, level, nxt) else None)
        rows.append((int(m.group(1)), level, pct))
    by_year: dict[int, list[Item]] = {}
    for year, level, _ in rows:
        by_year.setdefault(year, []).append(level)
    out: list[Check] = []
    for year, level, pct in rows:
        if pct is None or pct.sent < first or (last is not None and pct.sent >= last):
            continue
        before = [o for o in by_year.get(year - 1, ()) if same_unit(o.q, level.q)]
        if len(before) != 1 or len(by_year[year]) != 1:
            continue
        old = before[0]
        cand = Candidate("percent change", Computation("pct_change", (written_of(old), written_of(level))), (old, level), 5.0,
                         [f"{old.q.num} in {year - 1}, the row of the year before, to {level.q.num}"], note=YEAR_ROWS)
        chk = _one(_claim(text, pct, "percent"), [cand], judge)
        if chk is not None:
            out.append(chk)
    return out


def row_checks(text: str, items: list[Item], first: int, last: int | None,
               judge: Callable[[Claim, object], str | None]) -> list[Check]:
    """A check for each figure of sentences ``first`` to ``last`` set side by side with
    the numbers it is made of, that exactly one reading of the row bears out; ``judge``
    gives a candidate's verdict."""
    out: list[Check] = []
    by_sent: dict[int, list[Item]] = {}
    for it in items:
        if it.sent >= first and (last is None or it.sent < last):
            by_sent.setdefault(it.sent, []).append(it)
    for its in by_sent.values():
        its.sort(key=lambda it: it.a)
        runs = _runs(text, its)
        if not runs:
            continue
        for run in runs:
            if len(run) >= 3:
                out += _change_and_total(text, run, judge)
        out += _shares(text, runs, judge)
    out += _year_rows(text, items, first, last, judge)
    return out


__all__ = ["ROW_NOTES", "row_checks"]
