"""A computation built from parts: a function of :data:`~claimcheck.expr.parse.FUNCTIONS`
and the numbers as written, for callers such as ``scan`` that know the structure already
and must not write it out as text to be read back. It renders to the text a user could
type and to the checked tree :func:`~claimcheck.expr.evaluate` runs, each number a
literal that keeps how it was written."""

from __future__ import annotations

import ast
from collections.abc import Callable
from dataclasses import dataclass

from claimcheck.expr.parse import FUNCTIONS, Parsed
from claimcheck.numbers import Written, expression_text


#: Arithmetic a :class:`Computation` may nest inside a call: "pct_change(9379 - 324, 9379)";
#: or stand alone: a total over a period's days, "19000 / 365".
_OPERATORS = {"add": (ast.Add, " + "), "sub": (ast.Sub, " - "), "div": (ast.Div, " / "), "mul": (ast.Mult, " * ")}
# A sum inside a product is written in brackets: "(1 + 34%) * (1 + 35%)", rates compounded.
_SUMS = frozenset({"add", "sub"})


@dataclass(frozen=True, slots=True)
class Computation:
    """A call of one of :data:`FUNCTIONS` on numbers as written: ``pct_change`` of "31,000"
    and "27,000". It evaluates like the text ``pct_change(31000, 27000)`` would, without
    being written out and read back: the numbers keep their precision, currency and how
    they were written. An argument may itself be a sum or difference of two numbers
    (``Computation("sub", (new, change))``), for an old level a story gives as the new one
    less a stated change. ``scan`` hands these to the engine."""

    func: str
    args: tuple["Written | Computation", ...]

    def __post_init__(self) -> None:
        if self.func in _OPERATORS:
            if len(self.args) != 2:
                raise ValueError(f"{self.func} takes two arguments")
            if self.func == "div" and any(isinstance(a, Computation) and a.func in _OPERATORS for a in self.args):
                raise ValueError("div takes numbers or calls, not sums (the text would read wrongly)")
            return
        if self.func not in FUNCTIONS or self.func == "per_day":
            raise ValueError(f"{self.func!r} is not a function of numbers")
        least, most = FUNCTIONS[self.func]
        if len(self.args) < least or (most is not None and len(self.args) > most):
            raise ValueError(f"{self.func}() cannot take {len(self.args)} arguments")

    @property
    def text(self) -> str:
        """The computation as an expression a user could type: ``pct_change(31000, 27000)``."""
        return self._render(0, {})[0]

    def text_with(self, name: Callable[[Written], str]) -> str:
        """The computation with each number written as ``name`` gives it: the expression a
        claim file writes once the numbers are named figures,
        ``pct_change(homicides_2007, homicides_2008)``."""
        op = _OPERATORS.get(self.func)
        parts = [(f"({a.text_with(name)})" if self.func == "mul" and a.func in _SUMS else a.text_with(name))
                 if isinstance(a, Computation) else name(a) for a in self.args]
        return op[1].join(parts) if op else f"{self.func}({', '.join(parts)})"

    @property
    def numbers(self) -> tuple[Written, ...]:
        """Every number the computation uses, in order."""
        out: list[Written] = []
        for a in self.args:
            out.extend(a.numbers if isinstance(a, Computation) else (a,))
        return tuple(out)

    def _render(self, col: int, literals: dict[int, Written]) -> tuple[str, ast.expr]:
        parts: list[str] = []
        nodes: list[ast.expr] = []
        op = _OPERATORS.get(self.func)
        at = col if op else col + len(self.func) + 1
        sep = op[1] if op else ", "
        for i, a in enumerate(self.args):
            if i:
                at += len(sep)
            if isinstance(a, Computation):
                wrap = self.func == "mul" and a.func in _SUMS
                shown, node = a._render(at + (1 if wrap else 0), literals)
                if wrap:
                    shown = f"({shown})"
            else:
                shown = expression_text(a)
                node = ast.Constant(value=0, col_offset=at, end_col_offset=at + len(shown), lineno=1, end_lineno=1)
                literals[at] = a
            parts.append(shown)
            nodes.append(node)
            at += len(shown)
        if op:
            tree: ast.expr = ast.BinOp(left=nodes[0], op=op[0](), right=nodes[1], col_offset=col,
                                       end_col_offset=at, lineno=1, end_lineno=1)
            return sep.join(parts), tree
        name = ast.Name(id=self.func, ctx=ast.Load(), col_offset=col, end_col_offset=col + len(self.func), lineno=1, end_lineno=1)
        tree = ast.Call(func=name, args=nodes, keywords=[], col_offset=col, end_col_offset=at + 1, lineno=1, end_lineno=1)
        return f"{self.func}({sep.join(parts)})", tree

    def parsed(self) -> Parsed:
        """The computation as a checked tree, each number a literal at its column in :attr:`text`."""
        literals: dict[int, Written] = {}
        text, tree = self._render(0, literals)
        return Parsed(text=text, tree=tree, names=(), literals=literals)
