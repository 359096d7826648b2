"""The figure language: what a speaker claimed, in words, as a checkable figure.

``parse_figure("nearly 20% drop")`` gives a :class:`ClaimedFigure` with value 1/5, unit
percent, direction down, qualifier ``nearly`` and precision u = 1/100.

This package owns the grammar of a claim's ``figure:`` field (and of ``calc --claim``).
A figure the figure language below refuses for a word or mark it does not know is read
again as the phrase as published (:mod:`claimcheck.figures.phrase`: a subject and verb,
connectors, endpoints, a base, two quantities joined by "or"), so every figure the figure
language reads keeps its reading. The modules: :mod:`.model` (the records), :mod:`.tokens`
(tokens, the phrase table, periods and rankings), :mod:`.quantity` (the number and its
unit), :mod:`.reader` (the figure language), :mod:`.assemble`; and for a phrase as
published :mod:`.clauses`, :mod:`.roles` and :mod:`.phrase`.

In the figure language a figure is a short phrase made of, in any order that reads as
English:

* at most one **number**: digits read by :func:`claimcheck.numbers.parse_number`
  ("19.1%", "18,000", "$4.8 million", "£3bn"), number words ("twenty percent", "a
  dozen", "two hundred and fifty"), a share in words ("one in three", "two-thirds",
  "a third", "half", "a majority") or a multiple ("doubled", "halved", "three-fold",
  "2.5 times", "four times as many");
* its **unit** markers: "%", "percent", "per cent", "percentage points", "points",
  a scale word, a currency sign or word, a rate ("a day", "per week", "daily");
* **direction** words ("fell", "down", "a 20% rise", "increasing"), or a sign ("−10%");
* at most one **hedge** from :data:`claimcheck.verdicts.hedges.RULES`, matched longest first
  ("just under" is ``nearly``; a bare "just" is framing), written before the number;
* **framing** words (:data:`claimcheck.verdicts.hedges.FRAMING_WORDS`), which carry no number;
* the fillers "a", "an", "by", "of", the auxiliaries "was", "were", "is", "are",
  "has", "have", "had", "been", "went", the level verbs "hit", "reached", "totaled",
  and comparison periods ("year over year", "y/y", "from a year earlier", "in the year
  to March", "in a decade", "since 2019", "up 50% on 2019"), which the ``compute:``
  expression already states; a year is put back when it was the only number ("rose by
  2000");
* a ranking after a comma or before "of" ("rose 0.5%, the biggest rise since 1992", "a
  40-year high of 9.1%"), kept as framing: no expression holds history;
* a level after a change ("rose by 0.3 percentage points to 4.2%", "fell 25% from $120
  to $90"), kept in ``level_to`` / ``level_from`` for the verdict to check.

Choices a fact-checker should know (each pinned by ``tests/test_figures.py``):

* ``value`` is the magnitude; the sign lives in ``direction`` ("down 10%" is 1/10, down).
* A figure with a number is checked at the number's precision: a verb's intensity
  ("soared 40%", "edged up 0.3%", "jumped 5%") gives the direction, and its rule is kept
  in ``intensity``, not ``qualifier`` — the speaker's number is the claim, and "tumbled
  10%" for a 10% fall must not be called inaccurate because "tumbled" suggests 20%.
  Without a number ("dipped slightly", "plunged", "ticked upward") the intensity is the
  qualifier (``slightly`` / ``sharply``), the value is None and the unit is ``percent``
  (the size of the relative change is what those rules judge).
* A direction alone ("rose", "fell", "down") claims a change of any size in that
  direction: value None, qualifier ``exact``, unit ``percent``.
* "points" alone means percentage points, as in polls and rates; both are stored as
  fractions like percents ("5 points" is 1/20). Above 100, bare "points" are index points,
  a count with noun "points" ("the Dow fell nearly 3,000 points"); the verdict also reads
  "fell 95 points" as index points against ``diff()`` of two plain numbers above 100.
  "basis points" are hundredths of a point; a fraction of a point in words ("three-quarters
  of a percentage point", "a half-point", "a quarter point") is a change in points.
* Number words have the precision of the same number in digits: "twenty" is 20 with
  u = 10 (as "20" would be), "twenty percent" u = 1/100, "a dozen" 12 with u = 1.
* Multiples have the precision of the factor in digits: "doubled" u = 1, "halved"
  (0.5) u = 1/10, "2.5 times" u = 1/10. Their qualifier is ``multiple`` unless hedged
  ("more than doubled" is ``more_than``). "four times more/higher" is read as 4× with
  ``times_more`` set, so the verdict can try the literal 1 + 4 = 5× before calling it
  wrong; "three times less/lower" is a third. "fell threefold" is refused (a third, or
  down 67%?).
* Shares in words: see :data:`WORD_SHARE_QUALIFIER`.
* One trailing word naming what is counted is accepted after a count or sum of money
  ("18,000 arrests", "84 arrests a day") and after "of" ("two-thirds of voters"), and
  kept as ``noun``; words ending in -ed, -ing or -ly are refused there ("more than 18,000
  deported"), because the figure field is the figure, not the sentence — and because a
  misspelt direction verb must not be read as a noun. Two unknown words are refused.
* "half a million", "a quarter of a million" are counts rounded like a word share (about);
  "6.5 per 100,000 people" is a count per so many (``per_base``).
* Refused with a reason: two numbers ("from 31,000 to 27,000" is data, not a figure),
  two directions, two different hedges, a hedge with no number ("nearly"), words with no
  number ("most", "dozens"), a hedge after the number ("20% higher than"), a rate on a
  percent ("3% a year").

Parsing is linear in the input: the input is capped at :data:`MAX_FIGURE_CHARS`, the
token pattern has no nested quantifiers, and every phrase lookup is a dict hit.
"""

from __future__ import annotations


from __future__ import annotations

from functools import lru_cache

from claimcheck.figures.model import (
    EXPECTED,
    MAX_FIGURE_CHARS,
    WORD_SHARE_QUALIFIER,
    ClaimedFigure,
    Direction,
    FigureError,
    Level,
    Unit,
    word_share_u,
)
from claimcheck.figures.phrase import NoQuantity, read_phrase
from claimcheck.figures.reader import read
from claimcheck.figures.tokens import Refused, Unknown, strip_context

__all__ = [
    "EXPECTED",
    "MAX_FIGURE_CHARS",
    "WORD_SHARE_QUALIFIER",
    "ClaimedFigure",
    "Direction",
    "FigureError",
    "Level",
    "Unit",
    "parse_figure",
    "word_share_u",
]

# --- the figure ---------------------------------------------------------------------------


def _quote(text: str) -> str:
    shown = text if len(text) <= 60 else text[:57] + "…"
    return "".join(ch if ch.isprintable() else f"\\u{ord(ch):04x}" for ch in shown)


def _fail(text: str, reason: str | None = None) -> FigureError:
    why = f"{reason}; " if reason else ""
    return FigureError(f"cannot read figure '{_quote(text)}': {why}{EXPECTED}")


def parse_figure(text: str, *, published: bool = True) -> ClaimedFigure:
    """Read a claimed figure. Raises :class:`FigureError` on anything else, quoting it.

    ``published``: a phrase the figure language refuses is read as published (see
    :mod:`claimcheck.figures.phrase`); ``False`` reads the figure language alone, for a
    caller that has already cut the phrase to the figure (the prose scanner).
    """
    if isinstance(text, bool) or not isinstance(text, (str, int)):
        raise FigureError(
            f"cannot read figure {text!r}: write the figure as text (a YAML string); {EXPECTED}"
        )
    raw = str(text).strip()
    if not raw:
        raise _fail(raw, "the figure is empty")
    if len(raw) > MAX_FIGURE_CHARS:
        raise _fail(raw, f"it is {len(raw)} characters long; a figure is a short phrase (at most {MAX_FIGURE_CHARS})")
    try:
        return _parse(raw, published)
    except Refused as exc:
        raise _fail(raw, str(exc) or None) from None


# Figures repeat (the same claim file verified in CI; a benchmark parsing 100,000
# figures), and a ClaimedFigure is immutable, so successful parses are remembered.
@lru_cache(maxsize=4096)
def _parse(raw: str, published: bool) -> ClaimedFigure:
    lowered = raw.lower().replace("\u2019", "'")
    try:
        return _parse_strict(raw, lowered)
    except Unknown as strict:
        if not published:
            raise
        # not the figure language: the phrase as published, which keeps every reading above
        try:
            return read_phrase(raw, lowered)
        except NoQuantity as none:
            reason = str(strict)
            raise Refused(f"{reason}, and {none}" if reason else "") from None


def _parse_strict(raw: str, lowered: str) -> ClaimedFigure:
    try:
        fig = read(raw, *strip_context(lowered))
    except Refused:
        fig = None
    if fig is None or fig.value is None:
        # a year taken out may have been the number ("rose by 2000"): read it with the years in
        plain = strip_context(lowered, years=False)
        if fig is None:
            return read(raw, *plain)
        if plain[0] != strip_context(lowered)[0]:
            try:
                return read(raw, *plain)
            except Refused:
                pass
    return fig

