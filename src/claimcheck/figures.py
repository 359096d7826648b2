"""The figure language: what a speaker claimed, in words, as a checkable figure (DESIGN §3).

``parse_figure("nearly 20% drop")`` gives a :class:`ClaimedFigure` with value 1/5, unit
percent, direction down, qualifier ``nearly`` and precision u = 1/100.
"""

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
    ``u`` is one unit of the last digit written, on the same scale as ``value``.
    ``qualifier`` is a rule name of :data:`claimcheck.hedges.RULES`.
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


class FigureError(ValueError):
    """A figure that cannot be read: the message quotes it and lists the understood forms."""
