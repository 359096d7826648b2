"""Safe, exact arithmetic over named figures: the language of ``compute:`` and ``calc``.

* :mod:`claimcheck.expr.parse` reads and checks an expression (or builds one from parts,
  :class:`Computation`) without evaluating it;
* :mod:`claimcheck.expr.evaluate` computes it exactly, as a point value (inputs as
  written) and an interval (the inputs' rounding carried through), with the arithmetic
  written out for the report.
"""

from claimcheck.expr.computation import Computation
from claimcheck.expr.evaluate import Evaluation, Operand, ResultKind, evaluate
from claimcheck.expr.parse import (
    FUNCTIONS,
    EvalError,
    NameRef,
    Parsed,
    ZeroBaseline,
    parse_expr,
)
from claimcheck.expr.suggest import Suggestions, suggest

__all__ = [
    "Computation",
    "EvalError",
    "Evaluation",
    "FUNCTIONS",
    "NameRef",
    "Operand",
    "Parsed",
    "ResultKind",
    "Suggestions",
    "ZeroBaseline",
    "evaluate",
    "parse_expr",
    "suggest",
]
