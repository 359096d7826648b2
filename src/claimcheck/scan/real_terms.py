"""A change in real terms: a change stated before it, deflated by the inflation its own
sentence names ("Weekly Gross Earnings average … up from $1,102 to $1,135 – a 3.0% increase
… So taking into account 0.1% inflation the average FT worker is earning 2.9% more in real
terms").

The real change is the nominal one over the inflation, (1 + N) ÷ (1 + I) − 1. The nominal
changes are the percent changes of the two sentences before, one for each change the
sentence claims in real terms, taken in order (as "respectively" would pair them); the
inflation is the one percent its sentence names as inflation ("0.1% inflation", "inflation
of 2.3%"). That the changes pair so is read from the words, so the reading bears a claim out
and never proves it wrong (:data:`REAL_TERMS`).
"""

from __future__ import annotations

import re
from typing import Callable

from claimcheck import lexicon
from claimcheck.expr.computation import Computation
from claimcheck.numbers import parse_number
from claimcheck.scan.items import Candidate, Check, Claim, Item, same_unit, written_of

#: The note of a change in real terms read as a nominal change before it over the inflation.
REAL_TERMS = "read the change in real terms as the change before it over the inflation its sentence names"

_REAL = lexicon.alternation(lexicon.REAL_TERMS_WORDS)
# "2.9% more in real terms", "2.1% an hour more in real terms", "rose 1.2% after inflation"
_REAL_AFTER = re.compile(r"(?P<w>(?:\s+[a-z][\w'’-]*){0,3}?\s+(?P<d>more|less|higher|lower))?\s+(?:" + _REAL + r")\b", re.I)
# "0.1% inflation", "inflation of 2.3%", "inflation at 2.3%", "an inflation rate of 2.3%"
_INFLATION_AFTER = re.compile(r"\s+(?:consumer\s+price\s+)?inflation\b", re.I)
_ONE = parse_number("1")
_INFLATION_BEFORE = re.compile(r"\binflation(?:\s+rate)?\s+(?:of|at|was|is|running\s+at)\s+$", re.I)


def may_hold_real_terms(span: str) -> bool:
    """Whether a paragraph's words can hold a change in real terms."""
    low = span.lower()
    return "inflation" in low and ("real" in low or "after inflation" in low)


def real_terms_checks(text: str, items: list[Item], first: int, last: int | None,
                      judge: Callable[[Claim, object], str | None], done: list[Check]) -> list[Check]:
    """A check for each change in real terms of sentences ``first`` to ``last`` that the
    changes before it and its sentence's inflation bear out; ``judge`` gives a verdict. A
    nominal change ``done`` checked on two levels is deflated from those levels."""
    out: list[Check] = []
    by_sent: dict[int, list[tuple[Item, str]]] = {}
    for it in items:
        q = it.q
        if it.sent < first or (last is not None and it.sent >= last):
            continue
        if q.kind != "percent" or q.written is None or q.words or q.hedge is not None:
            continue
        m = _REAL_AFTER.match(text, it.b)
        if m is None:
            continue
        d = m.group("d")
        direction = q.direction or ("up" if d and d.lower() in ("more", "higher") else "down" if d else None)
        if direction is None:
            continue
        by_sent.setdefault(it.sent, []).append((it, direction))
    for sent, real in by_sent.items():
        inflation = [it for it in items if it.sent == sent and it.q.kind == "percent" and it.q.written is not None
                     and not it.q.direction and (_INFLATION_AFTER.match(text, it.b) is not None
                                                  or _INFLATION_BEFORE.search(text, max(it.base, it.pa - 30), it.pa) is not None)]
        real_ids = {id(it) for it, _ in real}
        nominal = [it for it in items if sent - 2 <= it.sent < sent and it.q.kind == "percent" and it.q.direction
                   and it.q.written is not None and not it.q.words and id(it) not in real_ids]
        if len(inflation) != 1 or len(nominal) != len(real):
            continue
        deflator = Computation("add", (_ONE, written_of(inflation[0])))
        for (it, direction), nom in zip(real, nominal):
            if nom.q.direction != direction:
                continue  # ("rose 3% … 2.9% less in real terms": not the one change deflated)
            levels = next((c.evidence for c in done if c.claim.item is nom and c.relation == "percent change"
                           and len(c.evidence) == 2), None) or _own_levels(text, items, nom, judge)
            if levels is not None:
                # "up from $1,102 to $1,135 – a 3.0% increase": from the levels themselves
                old, new = levels
                comp = Computation("pct_change", (Computation("mul", (written_of(old), deflator)), written_of(new)))
                evidence: tuple[Item, ...] = (old, new, inflation[0])
                why = [f"{old.q.num} to {new.q.num} over {inflation[0].q.num} inflation"]
            else:
                grew = Computation("add" if nom.q.direction == "up" else "sub", (_ONE, written_of(nom)))
                comp = Computation("pct_change", (deflator, grew))
                evidence = (nom, inflation[0])
                why = [f"{nom.q.num} over {inflation[0].q.num} inflation"]
            claim = Claim(it, it.pa, it.pb, direction, "percent", it.sent, it.clause, sa=it.base, quiet=True)
            cand = Candidate("percent change in real terms", comp, evidence, 5.0, why, hint=direction, note=REAL_TERMS)
            if judge(claim, cand) not in ("accurate", "approximate"):
                continue  # the pairing is read from the words: it only bears a claim out
            out.append(Check(claim, comp, evidence, cand.relation, cand.score, "; ".join(why), direction, (), REAL_TERMS))
    return out


def _own_levels(text: str, items: list[Item], nom: Item, judge: Callable[[Claim, object], str | None]) -> tuple[Item, Item] | None:
    """The levels "from … to …" right before a nominal change in its clause ("up from $1,102
    to $1,135 – a 3.0% increase"), when they bear that change out (a change read in a
    paragraph before has no check here)."""
    before = [o for o in items if o.sent == nom.sent and o.clause == nom.clause and o.b <= nom.a and o.q.written is not None]
    olds = [o for o in before if o.role == "old" and o.role_word == "from"]
    news = [o for o in before if o.role == "new" and o.role_word == "to"]
    if len(olds) != 1 or len(news) != 1 or not same_unit(olds[0].q, news[0].q):
        return None
    old, new = olds[0], news[0]
    claim = Claim(nom, nom.pa, nom.pb, nom.q.direction, "percent", nom.sent, nom.clause, sa=nom.base, quiet=True)
    comp = Computation("pct_change", (written_of(old), written_of(new)))
    if judge(claim, Candidate("percent change", comp, (old, new), 5.0)) not in ("accurate", "approximate"):
        return None
    return old, new


__all__ = ["REAL_TERMS", "may_hold_real_terms", "real_terms_checks"]
