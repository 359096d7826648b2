"""A share whose part is a level named by its year: "Police reported 109 homicides last
year, … an 18 percent decrease from the 132 killings in 2010. … The District's 2011 figure
represents fewer than half the 232 homicides recorded 10 years ago", or by its month ("There
were 151,300 overseas visitor arrivals in September 2022, … The September 2022 figure is 58
per cent of the 261,800 overseas visitor arrivals in September 2019").

"The 2011 figure" names the level of 2011 printed in the two sentences before: the one
labelled 2011, or, when none is, the one labelled "last year" in a sentence that sets it
against the year before 2011 (a change from 2010 to last year makes last year 2011). The
whole is the level right after the share ("half the 232"). Which level the year names is a
reading, so it bears the claim out and never proves it wrong (:data:`YEAR_FIGURE`).
"""

from __future__ import annotations

import re

from claimcheck import lexicon
from claimcheck.expr.computation import Computation
from claimcheck.scan.items import Candidate, Claim, Item, is_level, same_unit, written_of
from claimcheck.scan.roles import MONTH, MONTH_NUM, YEAR

#: The note of a share whose part is the level its year names.
YEAR_FIGURE = "read the figure named by its year as the level of that year printed before"

# "The District's 2011 figure represents ": the year, its noun, the verb, up to the claim
_NAMED = re.compile(r"(?:^|.*?\s)(?:(?P<month>" + MONTH + r")\.?\s+)?(?P<year>" + YEAR + r")\s+(?P<noun>" + lexicon.alternation(lexicon.YEAR_FIGURE_NOUNS) + r")\s+"
                    r"(?:" + lexicon.alternation(lexicon.YEAR_FIGURE_VERBS) + r")\s+$", re.I | re.S)
# "half the 232", "a third of the 300": the whole right after the share
_THE_WHOLE = re.compile(r"\s+(?:of\s+)?the\s+", re.I)
_SCORE = 6.0


def year_figure_candidates(claim: Claim, text: str, items: list[Item]) -> list[Candidate]:
    """The reading of a share in words whose part its clause names by a year and whose whole
    follows it; none when the year names no one level before."""
    it = claim.item
    if it is None or not ((claim.kind == "share" and it.q.words) or (it.q.kind == "percent" and claim.direction is None)):
        return []
    head = text[claim.sa : claim.start]
    cut = max(head.rfind(","), head.rfind(";"))
    m = _NAMED.match(head[cut + 1 :])
    if m is None:
        return []
    year = int(m.group("year"))
    # ("The September 2022 figure is 58 per cent of the 261,800": a month of the year)
    month = MONTH_NUM.get(m.group("month").lower(), 0) if m.group("month") else 0
    whole = next((o for o in items if o.sent == claim.sent and o.a >= claim.end), None)
    if whole is None or not is_level(whole) or whole.q.hedge is not None or not _THE_WHOLE.fullmatch(text, claim.end, whole.pa):
        return []
    # (the figure its time names points back, across a paragraph's end too: "… arrivals in
    # September 2022, up from 129,800 in August 2022, …¶ The September 2022 figure is …")
    before = [o for o in items if claim.sent - 2 <= o.sent < claim.sent and is_level(o) and o.q.hedge is None
              and same_unit(o.q, whole.q) and (not o.ctx or month)]
    parts = [o for o in before if o.time == (year, month)]
    if not parts and not month:
        # "109 homicides last year, … from the 132 killings in 2010": last year is the year after 2010
        parts = [o for o in before if o.time == (0, -1)
                 and any(p is not o and p.sent == o.sent and p.time == (year - 1, 0) for p in before)]
    if len(parts) != 1:
        return []
    part = parts[0]
    when = f"{m.group('month')} {year}" if month else str(year)
    why = [f"the {when} {m.group('noun').lower()} is {part.q.num}, of {whole.q.num}"]
    return [Candidate("share", Computation("share", (written_of(part), written_of(whole))), (part, whole), _SCORE, why,
                      note=YEAR_FIGURE)]


__all__ = ["YEAR_FIGURE", "year_figure_candidates"]
