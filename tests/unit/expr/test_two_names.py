"""``f(a, b)``, the commonest expression, is built without the parser: the same tree,
names and columns as :func:`ast.parse` gives, and the same errors for what is not allowed."""

from __future__ import annotations

import ast
import keyword

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.expr import EvalError, parse_expr

NAME = st.from_regex(r"[A-Za-z_][A-Za-z0-9_]{0,12}", fullmatch=True).filter(lambda w: not keyword.iskeyword(w))
FUNC = st.sampled_from(["pct_change", "pp_change", "ratio", "share", "diff", "sum", "mean"])


@settings(max_examples=300, deadline=None)
@given(FUNC, NAME, NAME, st.sampled_from([", ", ","]))
def test_the_tree_is_the_parsers(func: str, a: str, b: str, comma: str) -> None:
    text = f"{func}({a}{comma}{b})"
    parsed = parse_expr(text)
    expected = ast.parse(text, mode="eval").body
    assert ast.dump(parsed.tree, include_attributes=True) == ast.dump(expected, include_attributes=True)
    start_b = len(func) + 1 + len(a) + len(comma)
    assert [(r.name, r.col) for r in parsed.names] == [(a, len(func) + 2), (b, start_b + 1)]
    assert parsed.func == func and dict(parsed.literals) == {}


@pytest.mark.parametrize(("text", "message", "col"), [
    ("per_day(a, b)", "per_day() takes 1 argument, got 2", 1),
    ("foo(a, b)", "unknown function 'foo'", 1),
    ("ratio(None, b)", "only numbers, figure names", 7),
])
def test_what_is_not_allowed_is_refused_as_before(text: str, message: str, col: int) -> None:
    with pytest.raises(EvalError) as err:
        parse_expr(text)
    assert message in err.value.message and err.value.col == col
