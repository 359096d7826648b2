"""A quantity found in one sentence: the record :mod:`~claimcheck.scan.detect` makes of a
number (or a quantity in words), and the evidence search reads."""

from __future__ import annotations

from dataclasses import dataclass
from operator import attrgetter

from claimcheck import lexicon
from claimcheck.numbers import Written


@dataclass(slots=True)
class Quantity:
    """A quantity found in one sentence (positions relative to the sentence)."""

    start: int  # the number (or the word quantity) itself
    end: int  # after the number, its unit and its rate words
    pstart: int  # the claim phrase: with hedges, framing and direction before it
    pend: int
    kind: str  # percent, points, count, rate, money, multiple, share, change
    num: str = ""  # the number as written, with its suffix: "31,000", "19.1%", "$2.45bn"
    written: Written | None = None
    per: str | None = None
    currency: str | None = None
    noun: str | None = None
    hedge: str | None = None
    framing: tuple[str, ...] = ()
    direction: str | None = None  # up, down
    share_of: bool = False
    words: bool = False  # a quantity in words ("doubled", "one in three")
    byfrac: bool = False  # "by a third": a change only when a direction word precedes it
    avg: bool = False  # "averaged $3.19", "an estimated 36,120": an average or estimate is a level, fit to be evidence
    used: bool = False
    roles: tuple | None = None  # the evidence search's reading of its role words, kept for the next paragraph

    def copy(self) -> Quantity:
        """A record of its own with the same fields (the evidence search sets fields of
        the records it reads)."""
        return Quantity(*_FIELDS(self))

    @property
    def plain(self) -> bool:
        """A raw level, fit to be evidence: digits, no direction, and no hedge but an
        estimate's or an average's ("an estimated 36,120", "averaged $3.19")."""
        return (
            not self.words and self.written is not None and (self.hedge is None or self.avg)
            and self.direction is None and self.kind in ("count", "rate", "money", "percent")
            and self.noun not in lexicon.THRESHOLD_NOUNS
        )

    @property
    def hedged_level(self) -> bool:
        """A raw level read with a hedge ("approximately 93,000", "nearly 19 million", "as
        many as 65,000"): evidence that can bear out a claim, never convict one (the number
        is not the exact level)."""
        return (
            not self.words and self.written is not None and self.hedge in lexicon.HEDGED_LEVEL_RULES
            and not self.avg and self.direction is None and self.kind in ("count", "rate", "money", "percent")
            and self.noun not in lexicon.THRESHOLD_NOUNS
        )

    @property
    def change(self) -> bool:
        """A claimed change: a percent, points, difference, multiple or change in words."""
        if self.kind in ("multiple", "change"):
            return True
        return self.direction is not None and self.kind in ("percent", "points", "count", "rate", "money")


# Every field of a Quantity, in order, read in one call (its copy is made per sentence read).
_FIELDS = attrgetter(*Quantity.__slots__)  # type: ignore[attr-defined]
