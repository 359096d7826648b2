"""A rate per so many people worked out from a count and a population printed near it:
"there were 47,218 white-headed households … a number of 51 white farmers murdered … to
calculate a 'murder rate for white farmers' of 108 per 100,000", "45 homicides among
its 310,000 residents, a rate of 14.5 per 100,000".

The rate follows a rate word in its sentence; the sentence and the two before it print two
counts before it, the smaller (the count) in the rate's sentence, the larger the
population; or one count before it, and a count that the word "population" names in
those sentences or the next ("Baltimore, population about 620,000"). Which count is the
population is a reading of the paragraph, so it bears a rate out and never proves it
wrong (:data:`PER_CAPITA`).
"""

from __future__ import annotations

import re
from typing import Callable

from claimcheck import lexicon
from claimcheck.expr.computation import Computation
from claimcheck.scan.items import Candidate, Check, Claim, is_level, Item, written_of

#: The note of a rate read as a count over the population printed before it.
PER_CAPITA = "read the rate as the count printed before it over the population printed near it"

_PER_BASE = re.compile(r"per\s+(?P<base>10+)$")
_POPULATION_BEFORE = re.compile(r"\b(?:" + lexicon.alternation(lexicon.POPULATION_WORDS) + r")\s+$", re.I)  # (a hedge is the count's phrase)
_ONE_IN = re.compile(r"(?:one|1)\s+(?:in|out\s+of)\s+(?:every\s+)?\d", re.I)
_RATE_WORD = re.compile(r"\b(?:" + lexicon.alternation(lexicon.PER_CAPITA_RATE_WORDS) + r")\b", re.I)


def is_per_capita_rate(q) -> bool:  # noqa: ANN001
    """Whether quantity ``q`` is a plain rate per so many ("108 per 100,000")."""
    return q.kind == "rate" and q.per is not None and _PER_BASE.match(q.per) is not None and q.written is not None \
        and not q.words and q.direction is None


def _plain_count(o: Item) -> bool:
    q = o.q
    return q.kind == "count" and q.plain and q.per is None and not q.currency and o.role not in ("range",)


def per_capita_checks(text: str, items: list[Item], first: int, last: int | None,
                      judge: Callable[[Claim, object], str | None]) -> list[Check]:
    """A check for each rate per so many of sentences ``first`` to ``last`` that a count
    and a population printed before it bear out; ``judge`` gives a candidate's verdict."""
    out: list[Check] = []
    for i, it in enumerate(items):
        if it.sent < first or (last is not None and it.sent >= last):
            continue
        # "one out of every 2,000 people … Baltimore, population about 620,000": a share of
        # the population, read as a rate is
        one_in = it.q.kind == "share" and _ONE_IN.match(it.q.num) is not None
        if not one_in and not (is_per_capita_rate(it.q) and _RATE_WORD.search(text, it.base, it.a)):
            continue
        # two counts before the rate, the smaller in its sentence: the count and the population
        counts = [o for o in items[:i] if _plain_count(o) and it.sent - 2 <= o.sent <= it.sent]
        named = [o for o in items if o is not it and is_level(o) and o.q.kind == "count" and it.sent - 2 <= o.sent <= it.sent + 1
                 and _POPULATION_BEFORE.search(text, max(o.base, o.pa - 24), o.pa)]
        # (not "in 2015, when 344 people were killed": a count of a year the claim does not name)
        same_time = [o for o in counts if o.time == it.time or (it.time is None and o.time is not None and o.time[0] == 0)]
        if len(named) == 1 and same_time and same_time[-1] is not named[0]:
            # "… the death toll … to 310 … a rate of 50 killings per 100,000 residents … Baltimore,
            # population about 620,000": the count nearest before the rate ("Two killings amid …
            # pushed the 2016 death toll … to 310": 310), and the count its words name a population
            count, population = same_time[-1], named[0]
        elif one_in:
            continue  # a share names no rate word: only a population the words name is read
        elif len(counts) == 2:
            count, population = sorted(counts, key=lambda o: written_of(o).value)
            if count.sent != it.sent:
                continue
        else:
            continue
        if written_of(count).value >= written_of(population).value:
            continue
        comp = Computation("share", (written_of(count), written_of(population)))
        claim = Claim(it, it.pa, it.pb, None, "share" if one_in else "rate", it.sent, it.clause, sa=it.base, quiet=True)
        why = [f"{count.q.num} over {population.q.num}"]
        cand = Candidate("rate per so many", comp, (count, population), 5.0, why, note=PER_CAPITA)
        if judge(claim, cand) not in ("accurate", "approximate"):
            continue  # which count is the population is read from the paragraph: it only bears out
        out.append(Check(claim, comp, (count, population), cand.relation, cand.score, "; ".join(why), None, (), PER_CAPITA))
    return out


__all__ = ["PER_CAPITA", "is_per_capita_rate", "per_capita_checks"]
