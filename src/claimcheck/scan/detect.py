"""Finding the quantities in one sentence of prose.

:func:`detect` returns every number that could be a claim or its evidence, with its
unit (percent, points, count, money, rate, multiple, share), what it counts (its noun),
its rate ("a day", "per 100,000 residents"), and the words before it that qualify it:
a hedge ("nearly"), framing ("only"), a direction ("fell", "a 13 percent drop").
Its steps have modules of their own: the numbers in digits and which of them are
quantities (:mod:`~claimcheck.scan.digits`: not years, dates, labels, addresses, phone
numbers, ages or scores), the quantities in words (:mod:`~claimcheck.scan.words`:
"two-thirds of", "doubled", "one in five"; and :func:`change_words`, changes stated in
words alone, "dipped slightly"), and the phrase around each
(:mod:`~claimcheck.scan.phrase`). A range ("10 to 15 percent") is joined here.
"""

from __future__ import annotations

import re

from claimcheck.scan.digits import digit_quantities
from claimcheck.scan.phrase import extend_phrase
from claimcheck.scan.quantity import Quantity
from claimcheck.scan.words import (
    change_words, listed_word_counts, may_hold_numbers, opening_count, role_word_levels, sentence_words, word_quantities)

__all__ = ["Quantity", "change_words", "detect", "may_hold_numbers", "read_sentence", "sentence_words"]


# "a net gain of 11,150", "a net migration loss of": a net flow, named before its number
_NET_FLOW = re.compile(r"\bnet\s+(?:[a-z]+\s+)?(?:gain|loss|increase|decrease|inflow|outflow)s?\s+of\s+$", re.I)
# its label ("from Asia"), then its own change after a comma: ", up 910"
_THEN_ITS_CHANGE = re.compile(r"(?:\s+[a-z][\w'\u2019-]*){0,4}\s*,\s*", re.I)
_RESPECTIVELY = re.compile(r"\s*,?\s*respectively\b", re.I)
_RANGE_GAP = re.compile(r"\s?[-\u2013]\s?|\s(?:to|and)\s")


def detect(s: str) -> list[Quantity]:
    """Every numeric claim in sentence ``s``, in order; change words are kept apart by
    :func:`change_words` since they are claims only when evidence is beside them."""
    in_words = word_quantities(s)
    out = digit_quantities(s, [(q.start, q.end) for q in in_words])
    # A range "10 to 15 percent", "10-15%": the first number takes the second's unit and
    # the two become one claim.
    merged: list[Quantity] = []
    for q in out:
        if merged:
            p = merged[-1]
            gap = s[p.end : q.start]
            if (
                _RANGE_GAP.fullmatch(gap)
                and not p.used
                and (
                    (p.kind == "count" and q.kind != "count" and not p.currency)
                    # "rose by 16.63 per cent - 0.38 per cent points lower": a spaced dash
                    # between two numbers of their own different units sets one off
                    or (gap.strip() in ("-", "\u2013") and (gap == gap.strip() or p.kind in ("count", q.kind)))
                )
                and not re.search(r"\bfrom\s+$", s[max(0, p.start - 10) : p.start], re.I)
                # ("18.6 and 12.4 percent, respectively": two levels, each of its own subject)
                and not _RESPECTIVELY.match(s, q.end)
            ) or (
                gap in ("-", "\u2013") and p.kind == q.kind
            ):
                p.end = q.end
                p.pend = q.end
                p.num = s[p.start : q.end]
                p.kind = q.kind if q.kind != "count" else p.kind
                p.written = None  # a range is listed, never used as evidence
                p.words = True
                continue
        merged.append(q)
    merged.extend(in_words)
    merged.extend(role_word_levels(s, [(q.start, q.end) for q in merged]))
    merged.extend(opening_count(s, [(q.start, q.end) for q in merged]))
    merged.extend(listed_word_counts(s, [(q.start, q.end) for q in merged]))
    merged.sort(key=lambda q: q.start)
    floor = 0
    for q in merged:
        extend_phrase(s, q, floor)
        floor = max(floor, q.pend)
    for p, q in zip(merged, merged[1:]):
        if (p.direction and q.direction and p.kind == q.kind == "count" and _NET_FLOW.search(s, p.pstart, p.start)
                and _THEN_ITS_CHANGE.fullmatch(s, p.end, q.pstart)):
            # "a net gain of 11,150 from Asia, up 910 or 9 per cent from last year": a net
            # flow that itself changed is a level, the net flow of its period
            p.direction, p.pstart = None, p.start
    return [q for q in merged if not (q.byfrac and q.direction is None)]


# Copy repeats its sentences (a syndicated paragraph, a standing line of a wire service),
# and what a sentence holds depends on its text alone: the quantities of the sentences
# read last are kept, at most this many, and each reading gets records of its own (the
# evidence search sets fields of the records it reads).
KEPT_SENTENCES = 8192
_kept: dict[str, tuple[tuple[Quantity, ...], frozenset[str]]] = {}


def read_sentence(s: str) -> tuple[list[Quantity], frozenset[str]]:
    """The quantities of sentence ``s`` in order, numeric claims (:func:`detect`) and the
    change words no claim's phrase holds (:func:`change_words`), and its lower-cased words."""
    kept = _kept.get(s)
    if kept is not None:
        return [q.copy() for q in kept[0]], kept[1]
    qs = detect(s)
    # a change in words that is part of a numeric claim ("plunged 45%") is that claim
    qs += [w for w in change_words(s) if not any(q.pstart <= w.start < q.pend for q in qs)]
    qs.sort(key=lambda q: q.start)
    words = sentence_words(s)
    if len(_kept) >= KEPT_SENTENCES:
        del _kept[next(iter(_kept))]
    _kept[s] = (tuple(q.copy() for q in qs), words)
    return qs, words
