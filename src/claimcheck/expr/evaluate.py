"""Safe, exact evaluation of ``compute:`` expressions over named figures.

This module owns the expression language of ``compute:``:

* :func:`parse_expr` validates an expression without evaluating it and lists the figure
  names it uses with their columns, so the loader can report unknown names early;
* :func:`evaluate` computes it exactly (:class:`fractions.Fraction` throughout), as a
  point value (inputs as written) and an interval (inputs' rounding carried through),
  with the arithmetic written out for the report;
* :func:`suggest` offers a "did you mean" for a misspelt name.

The language
------------
Numbers (``1224``, ``1_224``, ``0.5``, ``1e3`` and percents ``19.1%``; no thousands
commas, since a comma separates arguments), figure names, ``+ - * /``, unary ``-``/``+``,
parentheses, ``**`` with a whole-number literal exponent from −10 to 10 (roots and
``10**10**10`` are refused: one would cost minutes and gigabytes, the other is no
exact number), and calls to:

==========================  =================================  ==========
call                        value                              kind
==========================  =================================  ==========
``pct_change(old, new)``    new ÷ old − 1 (a fraction)         percent
``pp_change(old, new)``     new − old, of two percent levels   points
``ratio(a, b)``             a ÷ b                              ratio
``share(part, whole)``      part ÷ whole (a fraction)          share
``diff(old, new)``          new − old                          count, rate, money or points
``per_day(figure)``         figure ÷ days in its period        rate
``sum(x, ...)``             x + ...                            the arguments' kind
``mean(x, ...)``            (x + ...) ÷ n                      the arguments' kind
==========================  =================================  ==========

Percents and percentage points are kept as fractions: −0.1912 is −19.12%, and a
``points`` value of 0.05 is 5 percentage points. The typographic ``−``, ``×`` and ``÷``
may be written for ``-``, ``*`` and ``/``.

Safety
------
The text is scanned by hand before :func:`ast.parse` sees it: a length cap, an
allow-list of characters, a cap on parenthesis depth, on terms and on signs in a row
(5,000 nested parentheses, a 2,000-term sum and 10,000 unary minus
each made the naive evaluator raise SyntaxError, RecursionError or MemoryError). The
parsed tree is then checked against an allow-list of node types. Every intermediate
result is checked against a size cap, so no expression can build an enormous Fraction.

Intervals
---------
The named functions are computed so that each argument appears once (pct_change is
new ÷ old − 1, not (new − old) ÷ old, which would count ``old`` twice and widen the
interval). For a function monotone in each argument, interval arithmetic with each
variable used once gives the exact range over the box of argument intervals, so the
intervals are tight: ``pct_change(31000, 27000)`` is −15.87% to −9.84%, the corners
26,500 ÷ 31,500 − 1 and 27,500 ÷ 30,500 − 1. Free arithmetic that repeats a figure
(``a - a``) is sound but may be wider than the true range.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from typing import Literal

from claimcheck.expr.computation import Computation
from claimcheck.expr.parse import (
    BINOPS,
    MAX_BITS,
    EvalError,
    Parsed,
    ZeroBaseline,
    col_of,
    parse_expr,
    power_exponent,
    suggest,
)
from claimcheck.numbers import (
    CURRENCIES,
    MINUS,
    Interval,
    Value,
    Written,
    decimal_places,
    fmt_decimal,
    fmt_percent,
    fmt_signed_percent,
)

ResultKind = Literal["percent", "points", "ratio", "share", "count", "rate", "money", "number"]


@dataclass(frozen=True, slots=True)
class Operand:
    """A named input to an expression: a raw figure of the claim file, or a literal.

    A percent level (a figure written ``25%`` or with unit ``%``) must have its value as
    a fraction (1/4), as :func:`claimcheck.numbers.parse_number` gives it.
    """

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
    arg_operands: tuple[Operand | None, ...] = ()  # the operand behind each argument: a bare name, or a literal as written
    operands: tuple[Operand, ...] = ()  # every named figure used, in order of first use
    notes: tuple[str, ...] = ()  # caveats for the report, e.g. an unbounded interval and why


# --- evaluation ---------------------------------------------------------------------------

_MONEY_SYMBOL = {code: sym for sym, code in CURRENCIES.items()}
_ONE = Value.exact(1)


@dataclass(slots=True)
class _Res:
    """An evaluated subexpression: its value, kind, how to show it, and its precedence."""

    value: Value
    kind: str
    shown: str
    prec: float  # 3 atom, 2.5 a signed term, 2 × ÷, 1 + −
    operand: Operand | None = None
    is_call: bool = False
    written: Written | None = None


class _Evaluator:
    def __init__(self, parsed: Parsed, env: Mapping[str, Operand]) -> None:
        self.parsed = parsed
        self.env = env
        self.operands: dict[str, Operand] = {}
        self.steps: list[str] = []
        self.notes: list[str] = []
        self.top_args: tuple[tuple[Value, ...], tuple[Operand | None, ...]] = ((), ())

    # numbers ------------------------------------------------------------------------

    def check(self, v: Value, col: int) -> Value:
        for x in (v.point, v.interval.lo, v.interval.hi):
            if x is not None and (x.numerator.bit_length() > MAX_BITS or x.denominator.bit_length() > MAX_BITS):
                raise EvalError(f"number too large (more than {MAX_BITS:,} bits)", col)
        return v

    def divide(self, a: Value, b: _Res, col: int, zero_message: str) -> Value:
        if b.value.point == 0:
            raise ZeroBaseline(zero_message, col)
        if not b.value.interval.bounded or b.value.interval.contains_zero():
            self.note(f"the divisor {b.shown} has a rounding interval that contains 0, so the result's interval is unbounded")
        return self.check(a / b.value, col)

    def note(self, text: str) -> None:
        if text not in self.notes:
            self.notes.append(text)

    # display ------------------------------------------------------------------------

    def show(self, value: Fraction, kind: str, written: Written | None = None, currency: str | None = None) -> str:
        if written is not None and written.percent:
            return fmt_decimal(value * 100, decimal_places(written.u * 100)) + "%"
        if kind == "percent":
            return fmt_percent(value)
        if kind == "points":
            return fmt_decimal(value * 100, 2) + " points"
        if kind == "share":
            return fmt_percent(value)
        if kind == "ratio":
            return fmt_decimal(value, 2) + "×"
        text = _fmt_number(value)
        if written is not None and value.denominator != 1 and written.u < 1:
            # ("US$3.084, down from US$3.203": a figure written with more decimals than a
            # plain number shows keeps them, or "3.08 − 3.2 = −0.119" reads as wrong arithmetic;
            # "from £2.73 to £3.30": and the zeros it was written with, "£3.3" being no price)
            places = decimal_places(written.u)
            if places <= 6 and abs(value) >= Fraction(1, 1000):
                text = fmt_decimal(value, places)
        if written is not None:
            currency = written.currency
        if currency in _MONEY_SYMBOL:
            sym = _MONEY_SYMBOL[currency]
            text = text.replace(MINUS, MINUS + sym, 1) if text.startswith(MINUS) else sym + text
        return text

    def atom(self, value: Value, kind: str, written: Written | None = None, operand: Operand | None = None) -> _Res:
        return _Res(value, kind, self.show(value.point, kind, written), 3, operand=operand, written=written)

    def as_atom(self, r: _Res) -> str:
        """A compound argument of a function is shown by its value, its working a step."""
        if r.prec == 3 and not r.is_call:
            return r.shown
        shown = self.show(r.value.point, r.kind, r.written)
        if not r.is_call and shown != r.shown:  # "−5" needs no working of its own
            self.steps.append(f"{r.shown} = {shown}")
        return shown

    # the tree -----------------------------------------------------------------------

    def run(self) -> Evaluation:
        tree = self.parsed.tree
        res = self.eval(tree)
        func = args = arg_ops = None
        if isinstance(tree, ast.Call) and isinstance(tree.func, ast.Name):
            arithmetic = "; ".join(self.steps)
            func = tree.func.id
            args, arg_ops = self.top_args
        elif isinstance(tree, ast.Name):
            arithmetic = "; ".join([*self.steps, f"{tree.id} = {res.shown}"])
        elif isinstance(tree, ast.Constant):
            arithmetic = res.shown
        else:
            result = self.show(res.value.point, res.kind)
            arithmetic = "; ".join([*self.steps, f"{res.shown} = {result}"])
        return Evaluation(
            value=res.value,
            kind=res.kind,  # type: ignore[arg-type]
            arithmetic=arithmetic,
            func=func,
            args=args or (),
            arg_operands=arg_ops or (),
            operands=tuple(self.operands.values()),
            notes=tuple(self.notes),
        )

    def eval(self, node: ast.expr) -> _Res:
        col = col_of(node)
        if isinstance(node, ast.Constant):
            w = self.parsed.literals[node.col_offset]
            return self.atom(w.as_value(), "percent" if w.percent else "number", w)
        if isinstance(node, ast.Name):
            op = self.lookup(node.id, col)
            return self.atom(op.value, _operand_kind(op), op.written, op)
        if isinstance(node, ast.UnaryOp):
            r = self.eval(node.operand)
            if isinstance(node.op, ast.UAdd):
                return r
            inner = r.shown if r.prec >= 2.5 else f"({r.shown})"
            return _Res(-r.value, r.kind, MINUS + inner, 2.5, written=r.written)
        if isinstance(node, ast.BinOp):
            return self.binop(node, col)
        if isinstance(node, ast.Call):
            return self.call(node, col)
        raise EvalError("not allowed in compute:", col)  # pragma: no cover - parse_expr refuses it

    def lookup(self, name: str, col: int) -> Operand:
        op = self.env.get(name)
        if op is None:
            hint = suggest(name, self.env)
            raise EvalError(f"unknown figure '{name}'" + (f" — did you mean '{hint}'?" if hint else ""), col)
        self.operands.setdefault(name, op)
        return op

    def binop(self, node: ast.BinOp, col: int) -> _Res:
        if isinstance(node.op, ast.Pow):
            exp = power_exponent(node.right, self.parsed.literals)
            base = self.eval(node.left)
            value = self.power(base.value, exp, col, base.shown)
            shown = base.shown if base.prec == 3 else f"({base.shown})"
            # Precedence 2.5: a power used as a base is bracketed, "(a^10)^3", never a tower.
            return _Res(value, "number", f"{shown}^{exp}".replace("-", MINUS), 2.5)
        left = self.eval(node.left)
        right = self.eval(node.right)
        sym = BINOPS[type(node.op)]
        prec = 1 if isinstance(node.op, (ast.Add, ast.Sub)) else 2
        # Left-associative: the right side needs parentheses at equal precedence.
        ls = left.shown if left.prec >= prec else f"({left.shown})"
        rs = right.shown if right.prec > prec else f"({right.shown})"
        if isinstance(node.op, ast.Add):
            value = left.value + right.value
        elif isinstance(node.op, ast.Sub):
            value = left.value - right.value
        elif isinstance(node.op, ast.Mult):
            value = left.value * right.value
        else:
            value = self.divide(left.value, right, col_of(node.right), f"cannot compute: {right.shown} is 0 (division by 0)")
        return _Res(self.check(value, col), "number", f"{ls} {sym} {rs}", prec)

    def power(self, v: Value, exp: int, col: int, shown: str) -> Value:
        bits = max(
            (x.numerator.bit_length() + x.denominator.bit_length()
             for x in (v.point, v.interval.lo, v.interval.hi) if x is not None),
        )
        if bits * abs(exp) > 2 * MAX_BITS:
            raise EvalError(f"number too large (more than {MAX_BITS:,} bits)", col)
        if exp < 0 and v.point == 0:
            raise ZeroBaseline(f"cannot compute: {shown} is 0, and 0 has no negative power", col)
        point = v.point ** exp
        iv = v.interval
        if not iv.bounded:
            interval = Interval.unbounded()
        else:
            lo, hi = iv.lo ** abs(exp), iv.hi ** abs(exp)  # type: ignore[operator]
            if abs(exp) % 2 == 0 and iv.lo < 0 < iv.hi:  # type: ignore[operator]
                interval = Interval(Fraction(0), max(lo, hi))
            else:
                interval = Interval(min(lo, hi), max(lo, hi))
            if exp < 0:
                if interval.contains_zero():
                    self.note(f"the base {shown} has a rounding interval that contains 0, so the result's interval is unbounded")
                    interval = Interval.unbounded()
                else:
                    interval = Interval(1 / interval.hi, 1 / interval.lo)  # type: ignore[operator]
        return self.check(Value(point, interval), col)

    def call(self, node: ast.Call, col: int) -> _Res:
        assert isinstance(node.func, ast.Name)
        fname = node.func.id
        if fname == "per_day":
            return self.per_day(node, col)
        results = [self.eval(a) for a in node.args]
        if node is self.parsed.tree:
            # A literal argument gets an operand too, so the verdict knows "20%" was a percent.
            ops = tuple(
                r.operand or (Operand(r.written.text, r.value, r.written) if r.written is not None else None)
                for r in results
            )
            self.top_args = (tuple(r.value for r in results), ops)
        shown = [self.as_atom(r) for r in results]
        vals = [r.value for r in results]
        if fname == "pct_change":
            old, new = results
            value = self.divide(new.value, old, col_of(node.args[0]), "cannot compute: baseline is 0") - _ONE
            kind = "percent"
            text = f"({shown[1]} {MINUS} {shown[0]}) ÷ {shown[0]} = {fmt_signed_percent(value.point)}"
        elif fname in ("pp_change", "diff"):
            value = vals[1] - vals[0]
            if fname == "pp_change":
                kind = "points"
                for r in results:
                    if r.kind != "percent" and not (r.written is not None and r.written.percent):
                        self.note(f"pp_change expects percent levels such as 25%; {r.shown} is not written as a percent")
            else:
                kinds = {r.kind for r in results}
                kind = "points" if kinds == {"percent"} else _common_kind(results)
            result = self.show(value.point, kind, currency=_common_currency(results))
            sign = "+" if value.point > 0 else ""
            text = f"{shown[1]} {MINUS} {shown[0]} = {sign}{result}"
        elif fname in ("ratio", "share"):
            value = self.divide(vals[0], results[1], col_of(node.args[1]), f"cannot compute: {fname}() divisor is 0")
            kind = fname
            text = f"{shown[0]} ÷ {shown[1]} = {self.show(value.point, kind)}"
        else:  # sum, mean
            total = vals[0]
            for v in vals[1:]:
                total = self.check(total + v, col)
            kind = _common_kind(results)
            money = _common_currency(results)
            joined = " + ".join(shown)
            if fname == "mean":
                value = self.check(total / Value.exact(len(vals)), col)
                result = self.show(value.point, kind, currency=money)
                text = f"({joined}) ÷ {len(vals)} = {result}" if len(vals) > 1 else f"{joined} = {result}"
            else:
                value = total
                text = f"{joined} = {self.show(value.point, kind, currency=money)}"
        value = self.check(value, col)
        self.steps.append(text)
        return _Res(value, kind, self.show(value.point, kind), 3, is_call=True)

    def per_day(self, node: ast.Call, col: int) -> _Res:
        arg = node.args[0]
        assert isinstance(arg, ast.Name)
        op = self.lookup(arg.id, col_of(arg))
        r = self.atom(op.value, _operand_kind(op), op.written, op)
        if node is self.parsed.tree:
            self.top_args = ((op.value,), (op,))
        if op.period_days is None:
            raise EvalError(f"per_day({op.name}): figure '{op.name}' has no period; give it a period: such as 2025-07", col_of(arg))
        if op.period_days <= 0:
            raise EvalError(f"per_day({op.name}): the period of '{op.name}' has {op.period_days} days", col_of(arg))
        if op.unit is not None and _is_daily(op.unit):
            raise EvalError(f"per_day({op.name}): figure '{op.name}' is already a daily rate ({op.unit})", col_of(arg))
        value = self.check(op.value / Value.exact(op.period_days), col)
        days = f"{op.period_days} day{'s' if op.period_days != 1 else ''}"
        self.steps.append(f"{r.shown} ÷ {days} = {_fmt_number(value.point)} a day")
        return _Res(value, "rate", _fmt_number(value.point), 3, is_call=True)


def evaluate(text: str | Parsed | Computation, env: Mapping[str, Operand]) -> Evaluation:
    """Evaluate an expression exactly against named figures.

    Raises :class:`EvalError` (with a 1-based ``col``) for an invalid expression or an
    unknown name, and its subclass :class:`ZeroBaseline` when a divisor is exactly 0.
    """
    if isinstance(text, Computation):
        parsed = text.parsed()
    else:
        parsed = text if isinstance(text, Parsed) else parse_expr(text)
    try:
        return _Evaluator(parsed, env).run()
    except (RecursionError, MemoryError, OverflowError):  # pragma: no cover - caps prevent these
        raise EvalError("expression is too complex") from None


# --- helpers ------------------------------------------------------------------------------


def _fmt_number(x: Fraction) -> str:
    """A plain number: whole numbers exactly, others to 2 decimals (4 below 1), trimmed."""
    if x.denominator == 1:
        return fmt_decimal(x, 0)
    return fmt_decimal(x, 2 if abs(x) >= 1 else 4, trim=True)


def _is_daily(unit: str) -> bool:
    u = unit.lower().replace(" ", "")
    return u.endswith("/day") or u.endswith("perday") or u.endswith("/d") or u == "daily"


def _operand_kind(op: Operand) -> str:
    """The kind a bare figure contributes: a percent level, money, a rate or a count."""
    unit = (op.unit or "").strip().lower()
    if unit in ("%", "percent", "per cent") or (op.written is not None and op.written.percent):
        return "percent"
    if (op.written is not None and op.written.currency) or unit in ("$", "usd", "eur", "gbp", "dollars", "euros", "pounds"):
        return "money"
    if "/" in unit or " per " in f" {unit} " or unit.startswith("per "):
        return "rate"
    return "count"


def _common_currency(results: list[_Res]) -> str | None:
    currencies = {r.written.currency if r.written is not None else None for r in results}
    return currencies.pop() if len(currencies) == 1 else None


def _common_kind(results: list[_Res]) -> str:
    kinds = {r.kind for r in results}
    if len(kinds) == 1 and kinds <= {"count", "rate", "money", "percent"}:
        return kinds.pop()
    return "count" if kinds <= {"count", "number"} else "number"

