"""Safe, exact evaluation of ``compute:`` expressions over named figures (DESIGN §2, §4).

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
``10**10**10`` are refused: BAD_INPUTS rows 22 and 25), and calls to:

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
(BAD_INPUTS row 23: 5,000 nested parentheses, a 2,000-term sum and 10,000 unary minus
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
import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from fractions import Fraction
from typing import Literal

from claimcheck.numbers import (
    CURRENCIES,
    EXPRESSION_NUMBER_RE,
    MINUS,
    Interval,
    NumberError,
    Value,
    Written,
    fmt_decimal,
    fmt_percent,
    fmt_signed_percent,
    parse_number,
)

ResultKind = Literal["percent", "points", "ratio", "share", "count", "rate", "money", "number"]

#: Longest expression accepted, in characters.
MAX_LENGTH = 2_000
#: Deepest parenthesis nesting accepted.
MAX_PAREN_DEPTH = 20
#: Most numbers and names in one expression.
MAX_TERMS = 100
#: Most unary signs in a row (``--x`` is fine; ``-----x`` is a typo or an attack).
MAX_SIGNS = 3
#: Most nodes in the parsed tree, and its deepest nesting.
MAX_NODES = 1_000
MAX_TREE_DEPTH = 128
#: Largest whole-number exponent of ``**``, either sign.
MAX_POWER = 10
#: Largest numerator or denominator, in bits, of any intermediate value.
#: Kept under Python's 4,300-digit limit on int → str (12,000 bits ≈ 3,613 digits): at
#: 20,000 bits, ((99999**10)**10)**10 evaluated and then crashed the report (exit 3).
MAX_BITS = 12_000


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


class EvalError(ValueError):
    """An expression that cannot be evaluated. ``col`` is a 1-based column in the text."""

    def __init__(self, message: str, col: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.col = col


class ZeroBaseline(EvalError):
    """A division whose divisor is exactly 0: a percent change from a baseline of 0, or a
    ratio, share or ``/`` by 0. The input is valid, the arithmetic undefined, so the
    engine reports it as a verdict ("cannot compute"), not an input error (BAD_INPUTS 24)."""


@dataclass(frozen=True, slots=True)
class NameRef:
    """A figure name used in an expression, at a 1-based column."""

    name: str
    col: int


@dataclass(frozen=True, slots=True, eq=False)
class Parsed:
    """A validated expression, ready to evaluate against any set of figures."""

    text: str
    tree: ast.expr
    names: tuple[NameRef, ...]  # every figure name used, in order, repeats included
    literals: Mapping[int, Written] = field(repr=False)  # 0-based column → the number written there

    @property
    def func(self) -> str | None:
        """The top-level function, if the expression is a call."""
        if isinstance(self.tree, ast.Call) and isinstance(self.tree.func, ast.Name):
            return self.tree.func.id
        return None


# --- the functions ------------------------------------------------------------------------

#: name → (least, most) arguments; ``None`` means any number.
FUNCTIONS: dict[str, tuple[int, int | None]] = {
    "pct_change": (2, 2),
    "pp_change": (2, 2),
    "ratio": (2, 2),
    "share": (2, 2),
    "diff": (2, 2),
    "per_day": (1, 1),
    "sum": (1, None),
    "mean": (1, None),
}

_SIGNATURES = {
    "pct_change": "pct_change(old, new)",
    "pp_change": "pp_change(old_pct, new_pct)",
    "ratio": "ratio(a, b)",
    "share": "share(part, whole)",
    "diff": "diff(old, new)",
    "per_day": "per_day(figure)",
    "sum": "sum(x, ...)",
    "mean": "mean(x, ...)",
}


def suggest(name: str, candidates: Iterable[str]) -> str | None:
    """The closest candidate to a misspelt ``name``, or ``None`` if none is close."""
    matches = difflib.get_close_matches(name, list(candidates), n=1, cutoff=0.6)
    return matches[0] if matches else None


# --- scanning and parsing -----------------------------------------------------------------

# Typographic operators a writer may paste in; each is one character, so columns survive.
_ALIASES = {"\u2212": "-", "\u00d7": "*", "\u00f7": "/", "\t": " ", "\n": " ", "\r": " "}
_OPERATOR_CHARS = set("+-*/(),")


# Names, spaces, + - * / ( ) and commas only, and no token starting with a digit: the scan
# below would copy such text unchanged and read no numbers, so when the caps it enforces
# plainly hold (few signs, few parentheses and balanced, short), it is skipped.
_NAMES_ONLY = re.compile(r"(?:[A-Za-z_][A-Za-z0-9_]*|[ (),*/+\-])*")
_NOT_PAREN = re.compile(r"[^()]+")


def _plainly_names(text: str) -> bool:
    if len(text) >= 2 * MAX_TERMS or text.count("+") + text.count("-") > MAX_SIGNS:
        return False
    if text.count("(") > MAX_PAREN_DEPTH or not _NAMES_ONLY.fullmatch(text):
        return False
    depth = 0
    for ch in _NOT_PAREN.sub("", text):
        depth += 1 if ch == "(" else -1
        if depth < 0:
            return False
    return depth == 0


def _scan(text: str) -> tuple[str, dict[int, Written]]:
    """Check the raw text and return it ready for :func:`ast.parse`.

    Aliases become ASCII operators, a percent sign after a number becomes a space (so
    every column stays where it was and ``%`` never reaches Python as modulo), and each
    number is read here with :func:`parse_number`, keyed by its 0-based column.
    Runs in one pass; never recurses.
    """
    if len(text) > MAX_LENGTH:
        raise EvalError(f"expression is too long ({len(text):,} characters; at most {MAX_LENGTH:,})")
    if _plainly_names(text):
        return text, {}
    out: list[str] = []
    literals: dict[int, Written] = {}
    grouped: int | None = None
    depth = 0
    terms = 0
    signs = 0
    # Whether the previous token ends an operand (a number, a name or ")"): a sign after
    # one is binary, anywhere else unary.
    after_operand = False
    i = 0
    n = len(text)
    while i < n:
        ch = _ALIASES.get(text[i], text[i])
        col = i + 1
        if ch == " ":
            out.append(" ")
            i += 1
            continue
        if ch in CURRENCIES or (ch.isascii() and (ch.isdigit() or (ch == "." and i + 1 < n and text[i + 1].isdigit()))):
            m = EXPRESSION_NUMBER_RE.match(text, i)
            j = m.end() if m is not None and (m["int"] or m["frac"]) else i
            if j == i:
                raise EvalError(f"'{ch}' must be followed by a number, as in $4.8 million", col)
            if m["pct"] is None and m["scale"] is None:
                j = len(text[:j].rstrip()) if text[j - 1 : j].isspace() else j
            elif m["pct"] == "%" or (m["pct"] or "").strip() == "%":
                rest = text[j:].lstrip()
                if rest and (rest[0].isalnum() or rest[0] in "_(.$"):
                    # "1 % 2": a '%' between two operands is a modulo, which there is not
                    raise EvalError("'%' must follow a number, as in 19.1%; there is no modulo", text.index("%", i) + 1)
            if j < n and (text[j].isalnum() or text[j] in "_."):
                k = j
                while k < n and text[k].isascii() and (text[k].isalnum() or text[k] in "_."):
                    k += 1
                try:
                    parse_number(text[i:k])
                except NumberError as exc:
                    raise EvalError(str(exc), col) from None
                raise EvalError(f"malformed number '{text[i:k]}'", col)
            source = text[i:j]
            if "," in (m["int"] or ""):
                grouped = i
            try:
                literals[i] = parse_number(source)
            except NumberError as exc:
                raise EvalError(str(exc), col) from None
            # Python sees a plain number of the same width: every column stays where it was,
            # and '%', '$', scale words and thousands commas never reach the parser.
            out.append("0" + " " * (j - i - 1))
            i = j
            terms += 1
            signs = 0
            after_operand = True
        elif ch.isascii() and (ch.isalpha() or ch == "_"):
            j = i
            while j < n and text[j].isascii() and (text[j].isalnum() or text[j] == "_"):
                j += 1
            out.append(text[i:j])
            i = j
            terms += 1
            signs = 0
            after_operand = True
        elif ch in _OPERATOR_CHARS:
            if ch not in "+-" or after_operand:
                signs = 0
            if ch == "(":
                depth += 1
                if depth > MAX_PAREN_DEPTH:
                    raise EvalError(f"parentheses nested too deeply (at most {MAX_PAREN_DEPTH})", col)
                after_operand = False
            elif ch == ")":
                depth -= 1
                if depth < 0:
                    raise EvalError("unmatched ')'", col)
                after_operand = True
            elif ch in "+-" and not after_operand:
                signs += 1
                if signs > MAX_SIGNS:
                    raise EvalError(f"too many signs in a row (at most {MAX_SIGNS})", col)
            else:
                after_operand = False
            out.append(ch)
            i += 1
        elif ch == "%":
            raise EvalError("'%' must follow a number, as in 19.1%; there is no modulo", col)
        elif ch == ".":
            raise EvalError("'.' may only appear inside a number; attribute access is not allowed", col)
        else:
            raise EvalError(f"unexpected character {text[i]!r}", col)
        if terms > MAX_TERMS:
            raise EvalError(f"too many terms (at most {MAX_TERMS} numbers and names)", col)
    if depth > 0:
        raise EvalError("unclosed '('", len(text) + 1)
    scanned = "".join(out)
    if grouped is not None:
        # "1,224" is one number, so "sum(100,200)" would silently be 100,200: when a number
        # is grouped with commas, the commas between a call's arguments must be followed by
        # a space, and a call with such a number must show one.
        tight = _TIGHT_COMMA.search(scanned)
        if tight is not None or (_CALL.search(scanned) and ", " not in scanned):
            raise EvalError(
                "ambiguous commas: a number here is written with thousands commas, so write a space "
                "after each comma that separates arguments, as in pct_change(1,224, 990)",
                tight.start() + 1 if tight is not None else grouped + 1,
            )
    return scanned, literals


# An argument comma with no space after it, in the scanned text (numbers are "0   ").
_TIGHT_COMMA = re.compile(r",(?=[^\s)])")
_CALL = re.compile(r"[A-Za-z_]\w*\s*\(")


_NODE_NAMES = {
    ast.Attribute: "attribute access",
    ast.Subscript: "indexing",
    ast.Compare: "comparison",
    ast.BoolOp: "'and'/'or'",
    ast.IfExp: "'if'/'else'",
    ast.Lambda: "lambda",
    ast.Starred: "'*' unpacking",
    ast.GeneratorExp: "a generator",
    ast.ListComp: "a comprehension",
    ast.List: "a list",
    ast.Tuple: "a tuple",
    ast.Dict: "a dict",
    ast.Set: "a set",
    ast.NamedExpr: "':='",
    ast.Await: "await",
    ast.JoinedStr: "a string",
}

_BINOPS = {ast.Add: "+", ast.Sub: MINUS, ast.Mult: "×", ast.Div: "÷", ast.Pow: "^"}


#: Parsed expressions by text. A Parsed is never changed after parsing, so one text
#: parses once per process: an archive repeats ``pct_change(before, after)`` thousands of
#: times. Bounded, so memory stays flat however many distinct expressions a run has.
_PARSED: dict[str, Parsed] = {}
_PARSED_MAX = 4096


def parse_expr(text: str) -> Parsed:
    """Validate ``text`` without evaluating it. Raises :class:`EvalError` with a column."""
    hit = _PARSED.get(text) if type(text) is str else None
    if hit is not None:
        return hit
    parsed = _parse_expr(text)
    if len(_PARSED) >= _PARSED_MAX:
        _PARSED.clear()
    _PARSED[text] = parsed
    return parsed


def _parse_expr(text: str) -> Parsed:
    if not isinstance(text, str):
        raise EvalError(f"expected an expression as text, got {type(text).__name__}")
    if not text.strip():
        raise EvalError("empty expression")
    clean, literals = _scan(text)
    # ast.parse refuses leading spaces in eval mode; parse without them and shift every
    # column back, so columns always count from the start of the text as written.
    body = clean.lstrip()
    shift = len(clean) - len(body)
    try:
        tree = ast.parse(body, mode="eval").body
    except SyntaxError as exc:
        # CPython reports offset 0 for an expression that ends too early ("1 +").
        col = len(text) + 1 if not exc.offset else min(exc.offset + shift, len(text) + 1)
        raise EvalError(f"invalid expression: {_syntax_reason(exc)}", col) from None
    except (ValueError, RecursionError, MemoryError):  # pragma: no cover - the scan caps prevent these
        raise EvalError("invalid expression") from None
    if shift:
        for node in ast.walk(tree):
            if hasattr(node, "col_offset"):
                node.col_offset += shift
                if node.end_col_offset is not None:
                    node.end_col_offset += shift
    names: list[NameRef] = []
    _check_tree(tree, literals, names)
    return Parsed(text=text, tree=tree, names=tuple(names), literals=literals)


def _syntax_reason(exc: SyntaxError) -> str:
    msg = exc.msg or "syntax error"
    if msg.startswith("invalid syntax"):
        return "a number, a name, an operator or a parenthesis is missing or misplaced"
    return msg


def _col(node: ast.AST) -> int:
    return getattr(node, "col_offset", 0) + 1


def _check_tree(root: ast.expr, literals: Mapping[int, Written], names: list[NameRef]) -> None:
    """Walk the tree iteratively against the allow-list; collect names in source order."""
    count = 0
    stack: list[tuple[ast.AST, int]] = [(root, 1)]
    found: list[NameRef] = []
    while stack:
        node, depth = stack.pop()
        count += 1
        if count > MAX_NODES or depth > MAX_TREE_DEPTH:
            raise EvalError("expression is too complex", _col(node))
        children: list[ast.AST] = []
        if isinstance(node, ast.Constant):
            if node.col_offset not in literals or not isinstance(node.value, (int, float)) or isinstance(node.value, bool):
                raise EvalError("only numbers, figure names, + − × ÷ and the listed functions are allowed", _col(node))
        elif isinstance(node, ast.Name):
            found.append(NameRef(node.id, _col(node)))
        elif isinstance(node, ast.UnaryOp):
            if not isinstance(node.op, (ast.USub, ast.UAdd)):
                raise EvalError("'not' and '~' are not allowed", _col(node))
            children.append(node.operand)
        elif isinstance(node, ast.BinOp):
            if type(node.op) not in _BINOPS:
                sym = {ast.FloorDiv: "//", ast.Mod: "%", ast.MatMult: "@", ast.BitAnd: "&",
                       ast.BitOr: "|", ast.BitXor: "^", ast.LShift: "<<", ast.RShift: ">>"}.get(type(node.op), "this operator")
                raise EvalError(f"operator {sym} is not allowed; use + − × ÷", _col(node.right))
            if isinstance(node.op, ast.Pow):
                _power_exponent(node.right, literals)
                children.append(node.left)
            else:
                children.extend((node.left, node.right))
        elif isinstance(node, ast.Call):
            fname = node.func.id if isinstance(node.func, ast.Name) else None
            if fname is None:
                raise EvalError("only the listed functions may be called", _col(node))
            if fname not in FUNCTIONS:
                hint = suggest(fname, FUNCTIONS)
                raise EvalError(
                    f"unknown function '{fname}'"
                    + (f" — did you mean '{hint}'?" if hint else f"; available: {', '.join(FUNCTIONS)}"),
                    _col(node),
                )
            if node.keywords:
                raise EvalError(f"{fname}() takes no keyword arguments; write {_SIGNATURES[fname]}", _col(node.keywords[0]))
            least, most = FUNCTIONS[fname]
            got = len(node.args)
            if got < least or (most is not None and got > most):
                want = f"{least}" if least == most else f"at least {least}"
                raise EvalError(
                    f"{fname}() takes {want} argument{'s' if least != 1 or most is None else ''}, got {got}: "
                    f"write {_SIGNATURES[fname]}",
                    _col(node),
                )
            if fname == "per_day" and not isinstance(node.args[0], ast.Name):
                raise EvalError("per_day() takes a figure name, whose period gives the days", _col(node.args[0]))
            children.extend(node.args)
        elif isinstance(node, ast.Tuple) and node is root:
            raise EvalError(
                "a comma outside a function call: write numbers without thousands commas (1224 or 1_224)",
                _col(node.elts[1]) - 1 if len(node.elts) > 1 else _col(node),
            )
        else:
            what = _NODE_NAMES.get(type(node), type(node).__name__)
            raise EvalError(f"{what} is not allowed in compute:", _col(node))
        stack.extend((child, depth + 1) for child in children)
    names.extend(sorted(found, key=lambda r: r.col))


def _power_exponent(node: ast.expr, literals: Mapping[int, Written]) -> int:
    """The exponent of ``**``: a whole-number literal from −MAX_POWER to MAX_POWER."""
    sign = 1
    inner = node
    if isinstance(inner, ast.UnaryOp) and isinstance(inner.op, (ast.USub, ast.UAdd)):
        sign = -1 if isinstance(inner.op, ast.USub) else 1
        inner = inner.operand
    written = literals.get(inner.col_offset) if isinstance(inner, ast.Constant) else None
    if written is None or written.percent or written.value.denominator != 1:
        raise EvalError(
            f"the exponent of ** must be a whole number from −{MAX_POWER} to {MAX_POWER}, written as a number; "
            "roots and computed exponents are not supported (they are not exact)",
            _col(node),
        )
    exp = sign * int(written.value)
    if abs(exp) > MAX_POWER:
        raise EvalError(f"exponent {exp} is too large (at most ±{MAX_POWER})", _col(node))
    return exp


# --- evaluation ---------------------------------------------------------------------------

_MONEY_SYMBOL = {code: sym for sym, code in CURRENCIES.items()}


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
            return fmt_decimal(value * 100, _places(written.u * 100)) + "%"
        if kind == "percent":
            return fmt_percent(value)
        if kind == "points":
            return fmt_decimal(value * 100, 2) + " points"
        if kind == "share":
            return fmt_percent(value)
        if kind == "ratio":
            return fmt_decimal(value, 2) + "×"
        text = _fmt_number(value)
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
        col = _col(node)
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
            exp = _power_exponent(node.right, self.parsed.literals)
            base = self.eval(node.left)
            value = self.power(base.value, exp, col, base.shown)
            shown = base.shown if base.prec == 3 else f"({base.shown})"
            # Precedence 2.5: a power used as a base is bracketed, "(a^10)^3", never a tower.
            return _Res(value, "number", f"{shown}^{exp}".replace("-", MINUS), 2.5)
        left = self.eval(node.left)
        right = self.eval(node.right)
        sym = _BINOPS[type(node.op)]
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
            value = self.divide(left.value, right, _col(node.right), f"cannot compute: {right.shown} is 0 (division by 0)")
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
            value = self.divide(new.value, old, _col(node.args[0]), "cannot compute: baseline is 0") - Value.exact(1)
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
            value = self.divide(vals[0], results[1], _col(node.args[1]), f"cannot compute: {fname}() divisor is 0")
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
        op = self.lookup(arg.id, _col(arg))
        r = self.atom(op.value, _operand_kind(op), op.written, op)
        if node is self.parsed.tree:
            self.top_args = ((op.value,), (op,))
        if op.period_days is None:
            raise EvalError(f"per_day({op.name}): figure '{op.name}' has no period; give it a period: such as 2025-07", _col(arg))
        if op.period_days <= 0:
            raise EvalError(f"per_day({op.name}): the period of '{op.name}' has {op.period_days} days", _col(arg))
        if op.unit is not None and _is_daily(op.unit):
            raise EvalError(f"per_day({op.name}): figure '{op.name}' is already a daily rate ({op.unit})", _col(arg))
        value = self.check(op.value / Value.exact(op.period_days), col)
        days = f"{op.period_days} day{'s' if op.period_days != 1 else ''}"
        self.steps.append(f"{r.shown} ÷ {days} = {_fmt_number(value.point)} a day")
        return _Res(value, "rate", _fmt_number(value.point), 3, is_call=True)


def evaluate(text: str | Parsed, env: Mapping[str, Operand]) -> Evaluation:
    """Evaluate an expression exactly against named figures.

    Raises :class:`EvalError` (with a 1-based ``col``) for an invalid expression or an
    unknown name, and its subclass :class:`ZeroBaseline` when a divisor is exactly 0.
    """
    parsed = text if isinstance(text, Parsed) else parse_expr(text)
    try:
        return _Evaluator(parsed, env).run()
    except (RecursionError, MemoryError, OverflowError):  # pragma: no cover - caps prevent these
        raise EvalError("expression is too complex") from None


# --- helpers ------------------------------------------------------------------------------


def _places(u: Fraction) -> int:
    """Decimal places of a precision ``u`` that is a power of ten (0.1 → 1, 1 → 0)."""
    places = 0
    while u.denominator != 1 and places < 10:
        u *= 10
        places += 1
    return places


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


__all__: list[str] = [
    "EvalError",
    "Evaluation",
    "FUNCTIONS",
    "NameRef",
    "Operand",
    "Parsed",
    "ResultKind",
    "ZeroBaseline",
    "evaluate",
    "parse_expr",
    "suggest",
]
