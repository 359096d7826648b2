"""The records of the figure language: a claimed figure as read, and the level written beside it."""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

Unit = Literal["percent", "points", "count", "rate", "money", "multiple", "share"]
Direction = Literal["up", "down", "none"]



@dataclass(frozen=True, slots=True)
class ClaimedFigure:
    """A claimed figure, parsed.

    ``value`` is exact; percents and shares are fractions ("20%" is 1/5), multiples are
    the factor ("doubled" is 2, "halved" is 1/2). Figures that carry no number ("dipped
    slightly", "plunged") have ``value`` None and are judged on the size of the change.
    ``u`` is one unit of the last digit written, on the same scale as ``value``. A phrase
    that names only a level ("to 12.4 million") has ``value`` None, direction ``none`` and
    the level in ``level_to``.
    ``qualifier`` is a rule name of :data:`claimcheck.verdicts.hedges.RULES`.
    """

    text: str
    value: Fraction | None
    u: Fraction | None
    unit: Unit
    direction: Direction
    qualifier: str
    framing: tuple[str, ...] = ()
    per: str | None = None  # for rates: "day", "week", "month", "year"
    currency: str | None = None
    noun: str | None = None  # what is counted, lower-cased: "18,000 Arrests" → "arrests"
    #: the slightly/sharply rule of a verb written with a number ("edged up 0.3%" →
    #: "slightly"); None when the figure has no number (the qualifier holds it then).
    intensity: str | None = None
    #: "five times more" / "three times higher": read as 5× (most writers' sense); the
    #: literal reading, 1 + 5 = 6×, is tried by the verdict before calling it wrong.
    times_more: bool = False
    #: the level a change ended at or started from, written after it ("rose by 0.3
    #: percentage points to 4.2%", "fell 25% from $120"): checked against the new (old)
    #: argument of a two-argument change function.
    level_to: Level | None = None
    level_from: Level | None = None
    #: "6.5 per 100,000 people": the claimed value is per this many (a share against a
    #: share() or a ratio is the value divided by it).
    per_base: Fraction | None = None
    #: other numbers a published phrase names, each with its role ("part" in "secured 133 of
    #: 199 seats", "whole" in "35% of the total targeted revenue of 2.83 trillion"); the
    #: endpoints and a base are ``level_from`` / ``level_to``.
    named: tuple[Level, ...] = ()
    #: a second quantity joined by "or" ("a rise of 7 per cent or 2,300 more homes"), or
    #: restated in brackets ("almost doubled (up 83.25 per cent)"): a claim of its own about
    #: the same change, judged against the same computation.
    also: ClaimedFigure | None = None


@dataclass(frozen=True, slots=True)
class Level:
    """A level written beside a change ("to 4.2%"): exact value, precision, and whether it
    is a percent (a fraction, like :attr:`ClaimedFigure.value`)."""

    value: Fraction
    u: Fraction
    percent: bool
    text: str
    #: what the phrase says the number is: "old" ("from 396"), "new" ("to 4.2%"), "base"
    #: ("less than the 392"), "part" or "whole"; "" for a level of the figure language
    #: itself (read as old after "from", new after "to").
    role: str = ""


class FigureError(ValueError):
    """A figure that cannot be read: the message quotes it and lists the understood forms."""


#: Longer figures are refused before any parsing (a figure is a phrase, not a paragraph).
MAX_FIGURE_CHARS = 160

EXPECTED = (
    'expected a number with optional hedge and direction, such as "nearly 20% drop", '
    '"down 10%", "more than 18,000", "doubled", "one in three", "$4.8 million"'
)

#: A share said in words ("one in three", "two-thirds", "half", "a quarter") is itself a
#: rounding: a journalist writes "one in three" for anything from about 31% to 35%. So a
#: bare word share takes the ``about`` rule, whose accurate band is ±max(u/2, 5% of X)
#: (one in three: 31.67–35.00%; approximate ±10% of X: 30.00–36.67%; half: 47.5–52.5%,
#: approximate 45–55%). An explicit hedge replaces it ("nearly half" is ``nearly``;
#: "exactly half" is ``exact``). "a majority" is ``more_than`` 1/2, "a minority"
#: ``less_than`` 1/2. The same words after a direction are a change, unit percent
#: ("increased by a quarter" is +25%, "fell by half" is −50%), with the same qualifier.
WORD_SHARE_QUALIFIER = "about"


def word_share_u(value: Fraction) -> Fraction:
    """Precision of a share said in words: one percentage point, the finest grain a
    reader attaches to "half" or "a third" ("nearly half" then accepts up to 50.5%); for
    shares under 10% ("one in 1,000") a tenth of the share, so that u/2 never outgrows
    the ``about`` rule's 5% of X and a small share keeps a band of its own size."""
    return min(Fraction(1, 100), value / 10)

