"""Safe, exact evaluation of ``compute:`` expressions over named figures (DESIGN §2, §4)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from claimcheck.numbers import Value, Written

ResultKind = Literal["percent", "points", "ratio", "share", "count", "rate", "money", "number"]


@dataclass(frozen=True, slots=True)
class Operand:
    """A named input to an expression: a raw figure of the claim file, or a literal."""

    name: str
    value: Value
    written: Written | None = None  # as written in the file (None for derived figures)
    unit: str | None = None  # as the file says: "arrests/day", "people", "%"
    period: str | None = None  # ISO 8601 text as written
    period_days: int | None = None
    source: str | None = None  # source id


@dataclass(frozen=True, slots=True)
class Evaluation:
    """The result of an expression, with what the verdict and the report need."""

    value: Value
    kind: ResultKind  # pct_change → percent (a fraction), pp_change → points, ratio → ratio, ...
    arithmetic: str  # "(990 − 1,224) ÷ 1,224 = −19.12%", written with the real numbers
    func: str | None = None  # the top-level function, e.g. "pct_change"
    args: tuple[Value, ...] = ()  # its evaluated arguments
    arg_operands: tuple[Operand | None, ...] = ()  # the operand behind each argument, when a bare name
    operands: tuple[Operand, ...] = ()  # every named figure used, in order of first use


class EvalError(ValueError):
    """An expression that cannot be evaluated. ``col`` is a 1-based column in the text."""

    def __init__(self, message: str, col: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.col = col
