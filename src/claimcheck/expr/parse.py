"""Parsing ``compute:`` expressions: the text checked, its numbers read, its tree allowed.

:func:`parse_expr` validates an expression without evaluating it and lists the figure
names it uses with their columns, so a claim file's unknown names are reported before
anything runs. :class:`~claimcheck.expr.computation.Computation` is the same thing built from parts (a
function and the numbers as written), for callers such as ``scan`` that know the
structure already and must not write it out as text to be read back.

Numbers are read by the one number grammar of :mod:`claimcheck.numbers` ("1224",
"1,224", "$59,039", "6.4 million", "2.45bn", "19.1%"). Every figure, every literal and
every cap is checked before :func:`ast.parse` sees the text: a length cap, an allow-list
of characters, caps on parenthesis depth, terms and signs in a row (5,000 nested
parentheses, a 2,000-term sum and 10,000 unary minus each made a naive evaluator raise
SyntaxError, RecursionError or MemoryError). The parsed tree is then checked against an
allow-list of node types.
"""

from __future__ import annotations

import ast
import keyword
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from claimcheck.expr.suggest import suggest
from claimcheck.numbers import CURRENCIES, EXPRESSION_NUMBER_RE, MINUS, NumberError, Written, parse_number

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


class EvalError(ValueError):
    """An expression that cannot be evaluated. ``col`` is a 1-based column in the text."""

    def __init__(self, message: str, col: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.col = col


class ZeroBaseline(EvalError):
    """A division whose divisor is exactly 0: a percent change from a baseline of 0, or a
    ratio, share or ``/`` by 0. The input is valid, the arithmetic undefined, so the
    engine reports it as a verdict ("cannot compute"), not an input error."""


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

SIGNATURES = {
    "pct_change": "pct_change(old, new)",
    "pp_change": "pp_change(old_pct, new_pct)",
    "ratio": "ratio(a, b)",
    "share": "share(part, whole)",
    "diff": "diff(old, new)",
    "per_day": "per_day(figure)",
    "sum": "sum(x, ...)",
    "mean": "mean(x, ...)",
}


# --- scanning and parsing -----------------------------------------------------------------

# Typographic operators a writer may paste in; each is one character, so columns survive.
_ALIASES = {"\u2212": "-", "\u00d7": "*", "\u00f7": "/", "\t": " ", "\n": " ", "\r": " "}
_OPERATOR_CHARS = set("+-*/(),")


# Names, spaces, + - * / ( ) and commas only, and no token starting with a digit: the scan
# below would copy such text unchanged and read no numbers, so when the caps it enforces
# plainly hold (few signs, few parentheses and balanced, short), it is skipped.
# One character class and a separate look for a digit that starts a token: the old
# pattern, (?:[A-Za-z_][A-Za-z0-9_]*|…)*, nested a quantifier in a quantifier and took
# 100 s on "(pct_change(pct_change(__import__, a, a, (0.0%))))" (found by the property
# test in tests/unit/expr/).
_NAMES_ONLY = re.compile(r"[A-Za-z0-9_ (),*/+\-]*")
_DIGIT_STARTS = re.compile(r"(?<![A-Za-z0-9_])\d")
_NOT_PAREN = re.compile(r"[^()]+")


def _plainly_names(text: str) -> bool:
    if len(text) >= 2 * MAX_TERMS or text.count("+") + text.count("-") > MAX_SIGNS:
        return False
    if text.count("(") > MAX_PAREN_DEPTH or not _NAMES_ONLY.fullmatch(text) or _DIGIT_STARTS.search(text):
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
                k = i + 1
                while k < n and text[k].isascii() and (text[k].isalnum() or text[k] in "_."):
                    k += 1
                if ch.isdigit():  # "012": say why it is no number
                    try:
                        parse_number(text[i:k])
                    except NumberError as exc:
                        raise EvalError(str(exc), col) from None
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

BINOPS = {ast.Add: "+", ast.Sub: MINUS, ast.Mult: "×", ast.Div: "÷", ast.Pow: "^"}


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
    simple = _call_of_two_names(text)
    if simple is not None:
        return simple
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


#: The commonest expression of all, ``pct_change(old, new)``: a function of two figure names.
_TWO_NAMES = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)\(([A-Za-z_][A-Za-z0-9_]*), ?([A-Za-z_][A-Za-z0-9_]*)\)")


def _name(name: str, start: int) -> ast.Name:
    return ast.Name(id=name, ctx=ast.Load(), lineno=1, col_offset=start, end_lineno=1, end_col_offset=start + len(name))


def _call_of_two_names(text: str) -> Parsed | None:
    """``f(a, b)`` with ``f`` a function of two arguments and ``a``, ``b`` ASCII names: the
    tree :func:`ast.parse` would give, built directly (no character scan, no parse, no
    walk of the tree against the allow-list; ``tests/unit/expr`` holds the two to the
    same trees), else None."""
    m = _TWO_NAMES.fullmatch(text)
    if m is None:
        return None
    f, a, b = m.group(1, 2, 3)
    least, most = FUNCTIONS.get(f, (0, 0))
    if not (least <= 2 and (most is None or most >= 2)) or any(keyword.iskeyword(w) for w in (f, a, b)):
        return None
    sa, sb = m.start(2), m.start(3)
    tree = ast.Call(func=_name(f, 0), args=[_name(a, sa), _name(b, sb)], keywords=[],
                    lineno=1, col_offset=0, end_lineno=1, end_col_offset=len(text))
    return Parsed(text=text, tree=tree, names=(NameRef(a, sa + 1), NameRef(b, sb + 1)), literals={})


def _syntax_reason(exc: SyntaxError) -> str:
    msg = exc.msg or "syntax error"
    if msg.startswith("invalid syntax"):
        return "a number, a name, an operator or a parenthesis is missing or misplaced"
    return msg


def col_of(node: ast.AST) -> int:
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
            raise EvalError("expression is too complex", col_of(node))
        children: list[ast.AST] = []
        if isinstance(node, ast.Constant):
            if node.col_offset not in literals or not isinstance(node.value, (int, float)) or isinstance(node.value, bool):
                raise EvalError("only numbers, figure names, + − × ÷ and the listed functions are allowed", col_of(node))
        elif isinstance(node, ast.Name):
            found.append(NameRef(node.id, col_of(node)))
        elif isinstance(node, ast.UnaryOp):
            if not isinstance(node.op, (ast.USub, ast.UAdd)):
                raise EvalError("'not' and '~' are not allowed", col_of(node))
            children.append(node.operand)
        elif isinstance(node, ast.BinOp):
            if type(node.op) not in BINOPS:
                sym = {ast.FloorDiv: "//", ast.Mod: "%", ast.MatMult: "@", ast.BitAnd: "&",
                       ast.BitOr: "|", ast.BitXor: "^", ast.LShift: "<<", ast.RShift: ">>"}.get(type(node.op), "this operator")
                raise EvalError(f"operator {sym} is not allowed; use + − × ÷", col_of(node.right))
            if isinstance(node.op, ast.Pow):
                power_exponent(node.right, literals)
                children.append(node.left)
            else:
                children.extend((node.left, node.right))
        elif isinstance(node, ast.Call):
            fname = node.func.id if isinstance(node.func, ast.Name) else None
            if fname is None:
                raise EvalError("only the listed functions may be called", col_of(node))
            if fname not in FUNCTIONS:
                hint = suggest(fname, FUNCTIONS)
                raise EvalError(
                    f"unknown function '{fname}'"
                    + (f" — did you mean '{hint}'?" if hint else f"; available: {', '.join(FUNCTIONS)}"),
                    col_of(node),
                )
            if node.keywords:
                raise EvalError(f"{fname}() takes no keyword arguments; write {SIGNATURES[fname]}", col_of(node.keywords[0]))
            least, most = FUNCTIONS[fname]
            got = len(node.args)
            if got < least or (most is not None and got > most):
                want = f"{least}" if least == most else f"at least {least}"
                raise EvalError(
                    f"{fname}() takes {want} argument{'s' if least != 1 or most is None else ''}, got {got}: "
                    f"write {SIGNATURES[fname]}",
                    col_of(node),
                )
            if fname == "per_day" and not isinstance(node.args[0], ast.Name):
                raise EvalError("per_day() takes a figure name, whose period gives the days", col_of(node.args[0]))
            children.extend(node.args)
        elif isinstance(node, ast.Tuple) and node is root:
            raise EvalError(
                "a comma outside a function call: write numbers without thousands commas (1224 or 1_224)",
                col_of(node.elts[1]) - 1 if len(node.elts) > 1 else col_of(node),
            )
        else:
            what = _NODE_NAMES.get(type(node), type(node).__name__)
            raise EvalError(f"{what} is not allowed in compute:", col_of(node))
        stack.extend((child, depth + 1) for child in children)
    names.extend(sorted(found, key=lambda r: r.col))


def power_exponent(node: ast.expr, literals: Mapping[int, Written]) -> int:
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
            col_of(node),
        )
    exp = sign * int(written.value)
    if abs(exp) > MAX_POWER:
        raise EvalError(f"exponent {exp} is too large (at most ±{MAX_POWER})", col_of(node))
    return exp



# --- computations built from parts -----------------------------------------------------------
