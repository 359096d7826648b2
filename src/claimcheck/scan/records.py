"""A new high or low set against the one it beat: "Deaths related to overdoses also
reached a new high last year with 140 lives lost. The previous high was 111 in 2019."

The claim is the phrase of the record ("reached a new high", "fell to a record low"); its
new level is the one level of its sentence, its old level the one the words "the
previous high" (or low, or peak) name in its sentence or the next. That the previous
high is the level the new one beat is a reading of the words, so it bears the claim out
and never proves it wrong (:data:`PREVIOUS_RECORD`).
"""

from __future__ import annotations

import re
from typing import Callable

from claimcheck import lexicon
from claimcheck.expr.computation import Computation
from claimcheck.scan.items import Candidate, Check, Claim, Item, is_level, same_unit, written_of

#: The note of a record read against the previous one the words name.
PREVIOUS_RECORD = "read the level the words 'the previous high' (or low) name as the one the new record beat"

_UP = lexicon.alternation(lexicon.RECORD_UP_WORDS)
_DOWN = lexicon.alternation(lexicon.RECORD_DOWN_WORDS)
# "reached a new high", "hit an all-time low", "climbed to a record high"
_NEW_RECORD = re.compile(
    r"\b(?:(?:reached|hit|set|hitting|reaching|setting|marked|at|to)\s+)?(?:a|an)\s+(?:new\s+|all[-\u2010\u2011 ]time\s+|record\s+){1,2}"
    r"(?:(?P<up>" + _UP + r")|(?P<down>" + _DOWN + r"))\b", re.I)
# "The previous high was 111 in 2019", "the previous record of $16.8 billion"
_PREVIOUS = re.compile(r"\b(?:the\s+)?(?:previous|prior|old|former)\s+(?:record\s+)?(?:" + _UP + "|" + _DOWN + r"|record)\b"
                       r"(?:\s+(?:was|of|stood\s+at|had\s+been))?\s+(?:(?:at|about|around|just)\s+)?$", re.I)


_SENTENCE_END = re.compile(r"[.!?](?:\s|$)")


def may_hold_records(text: str) -> bool:
    """Whether ``text`` may name a record beaten at all: a quick test."""
    low = text.lower()
    return ("previous" in low or "prior" in low or "former" in low or " old " in low) and _NEW_RECORD.search(text) is not None


def record_checks(text: str, items: list[Item], first: int, last: int | None,
                  judge: Callable[[Claim, object], str | None]) -> list[Check]:
    """A check for each new high or low of sentences ``first`` to ``last`` that the one
    level of its sentence and the previous record the words name bear out."""
    out: list[Check] = []
    sents: dict[int, list[Item]] = {}
    for it in items:
        sents.setdefault(it.sent, []).append(it)
    for k, its in sents.items():
        if k < first or (last is not None and k >= last):
            continue
        sa = min(it.base for it in its)
        levels = [it for it in its if is_level(it) and it.q.kind in ("count", "money", "rate") and it.role is None]
        if len(levels) != 1:
            continue
        new = levels[0]
        end = _SENTENCE_END.search(text, max(it.b for it in its))
        m = _NEW_RECORD.search(text, sa, end.start() if end else len(text))
        if m is None or any(it.a < m.end() and m.start() < it.b for it in its):
            continue
        olds = [it for it in sents.get(k, []) + sents.get(k + 1, []) if it is not new and is_level(it)
                and same_unit(it.q, new.q) and _PREVIOUS.search(text, max(it.base, it.pa - 60), it.pa) is not None]
        if len(olds) != 1:
            continue
        old = olds[0]
        direction = "up" if m.group("up") else "down"
        claim = Claim(None, m.start(), m.end(), direction, "direction", k, new.clause, sa=new.base, quiet=True)
        cand = Candidate("difference", Computation("diff", (written_of(old), written_of(new))), (old, new), 5.0,
                         [f"{old.q.num}, the previous record the words name, to {new.q.num}"], note=PREVIOUS_RECORD)
        if judge(claim, cand) in ("accurate", "approximate"):
            out.append(Check(claim, cand.computation, cand.evidence, cand.relation, cand.score, "; ".join(cand.reasons),
                             None, (), PREVIOUS_RECORD))
    return out


__all__ = ["PREVIOUS_RECORD", "may_hold_records", "record_checks"]
