""""Did you mean": the closest known name to a misspelt one, in bounded work.

The suggestion is :func:`difflib.get_close_matches`'s with ``n=1, cutoff=0.6`` — the
candidate with the highest :meth:`~difflib.SequenceMatcher.ratio` of at least 0.6, the
alphabetically last on a tie — found without comparing every name with every name:

* **An index by length.** A ratio is at most ``2·min(a, b) / (a + b)`` for names of
  lengths ``a`` and ``b`` (difflib's ``real_quick_ratio``), so a name of length ``n`` can
  only reach 0.6 against names from ``3n/7`` to ``7n/3`` characters long. Each set of
  candidates is bucketed by length once, and a query reads only the buckets in its
  window. Every name the window leaves out is one difflib would have dropped unread, so
  the answer is difflib's, name for name.
* **A budget.** The window can still hold every name (ten thousand figures all 12
  characters long). :class:`Suggestions` is shared by every unknown name of one file and
  compares at most :data:`BUDGET` candidates in all; a query whose window does not fit in
  what is left gets no suggestion (the message lists some known names instead). Without
  it a file of unknown names against as many figures was quadratic: 29 KB took 15 s and
  0.5 MB would have taken about 45 minutes, inside the 1 MiB file limit. A hand-written
  file never comes near the budget (one typo against 20,000 names fits), so what it is
  told is unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable
from difflib import SequenceMatcher

#: Most candidate names one :class:`Suggestions` compares, over all its queries.
BUDGET = 20_000
#: difflib's default: below this similarity a name is not offered.
CUTOFF = 0.6


def _reaches(n: int, m: int) -> bool:
    """Whether names of lengths ``n`` and ``m`` can reach the cutoff (difflib's
    ``real_quick_ratio``, computed the same way)."""
    total = n + m
    return total == 0 or 2.0 * min(n, m) / total >= CUTOFF


class _Index:
    """One set of candidate names, bucketed by length."""

    __slots__ = ("buckets", "source")

    def __init__(self, names: Iterable[str]) -> None:
        self.source = names  # kept alive so that its id() is not reused while cached
        self.buckets: dict[int, list[str]] = {}
        for name in names:
            self.buckets.setdefault(len(name), []).append(name)

    def window(self, n: int) -> list[list[str]]:
        return [names for m, names in self.buckets.items() if _reaches(n, m)]


class Suggestions:
    """"Did you mean" for many queries within one budget of comparisons."""

    def __init__(self, budget: int = BUDGET) -> None:
        self.left = budget
        self._indexes: dict[int, _Index] = {}

    def _index(self, names: Iterable[str]) -> _Index:
        hit = self._indexes.get(id(names))
        if hit is None or hit.source is not names:
            hit = self._indexes[id(names)] = _Index(names)
        return hit

    def closest(self, name: str, *groups: Iterable[str]) -> str | None:
        """The closest name of ``groups`` (one or more collections of names, each indexed
        once and reused while it is the same object) to ``name``, or ``None`` when none
        is close or the budget cannot pay for the comparisons."""
        buckets = [b for g in groups for b in self._index(g).window(len(name))]
        cost = sum(len(b) for b in buckets)
        if cost > self.left:
            return None
        self.left -= cost
        best: tuple[float, str] | None = None
        s = SequenceMatcher()
        s.set_seq2(name)
        for bucket in buckets:
            for x in bucket:
                s.set_seq1(x)
                if s.quick_ratio() >= CUTOFF:
                    r = s.ratio()
                    if r >= CUTOFF and (best is None or (r, x) > best):
                        best = (r, x)
        return best[1] if best is not None else None


def suggest(name: str, candidates: Iterable[str]) -> str | None:
    """The closest candidate to a misspelt ``name``, or ``None`` if none is close (one
    query, within :data:`BUDGET` comparisons)."""
    return Suggestions().closest(name, list(candidates))
