"""Verdicts: a claimed figure against a recomputed value, one stage of the flow.

files → models → computations → **verdicts** → results → reports. This package owns the
comparison and the diagnoses a careful fact-checker makes:

* :mod:`.hedges` — the one hedge table: which words select which band (the words are
  spelt in :mod:`claimcheck.lexicon`), and the band parameters;
* :mod:`.bands` — the bands of a claimed figure, and the decision;
* :mod:`.measure` — the computed value brought to the claim's scale;
* :mod:`.diagnoses` — every diagnosis, typed (:class:`Diagnosis`, :data:`KINDS`);
* :mod:`.show` — how numbers are written in verdicts and reports;
* :mod:`.levels` — the numbers a claim names beside its figure (endpoints, a base, a
  part and whole), against the computation's inputs;
* :mod:`.backsolve` — what would make an inaccurate claim accurate (the inputs swapped,
  a digit slip, the value one input would need);
* :mod:`.judge` — :func:`judge`, the decision flow.

The rules are in README.md ("How it decides") and printed by ``claimcheck rules``.
"""

from __future__ import annotations

from claimcheck.verdicts.diagnoses import KIND_NAMES, KINDS, Diagnosis
from claimcheck.verdicts.judge import Judgement, compare_recorded, judge
from claimcheck.verdicts.measure import CHANGE_FUNCS
from claimcheck.verdicts.show import show_value

__all__ = [
    "CHANGE_FUNCS",
    "Diagnosis",
    "Judgement",
    "KINDS",
    "KIND_NAMES",
    "compare_recorded",
    "judge",
    "show_value",
]
