"""The expression parser's shortcuts give exactly what the long way gives: the cache of
:func:`~claimcheck.expr.parse_expr`, and the scan that takes an expression of plain names
and operators in one pattern against the character-by-character scan."""

from __future__ import annotations

import random

import pytest

from claimcheck.expr import EvalError, parse_expr
from claimcheck.expr import parse as expr


def test_parse_expr_is_parsed_once_and_errors_each_time(monkeypatch: pytest.MonkeyPatch) -> None:
    text = "pct_change(speed_before, speed_after)"
    a = parse_expr(text)
    assert parse_expr(text) is a
    assert [r.name for r in a.names] == ["speed_before", "speed_after"]
    for _ in range(2):
        with pytest.raises(EvalError) as e:
            parse_expr("1 +")
        assert e.value.col == 4
    monkeypatch.setattr(expr, "_PARSED_MAX", 3)
    expr._PARSED.clear()
    for i in range(10):
        parse_expr(f"a{i} + 1")
        assert len(expr._PARSED) <= 3


def _slow_scan(text: str):  # noqa: ANN202
    # The character-by-character scan, with the shortcut turned off.
    import unittest.mock

    with unittest.mock.patch.object(expr, "_plainly_names", lambda t: False):
        return expr._scan(text)


@pytest.mark.parametrize(
    "text",
    [
        "pct_change(before, after)",
        "a + b - c",
        "(a + b) / (c - d)",
        "a - - - b",
        "a - - - - b",  # four signs: too many, from the slow scan
        "a)",
        "(a",
        ")(",
        "((((((((((((((((((((((a))))))))))))))))))))))",  # 22 deep
        "a 2",
        "a2 * b_3",
        "_x(y)",
        "sum(" + ", ".join(f"x{i}" for i in range(120)) + ")",  # too many terms
        "a*b/c, d",
        "a\tb",
        "a\u2212b",
        "a.b",
        "",
    ],
)
def test_scan_shortcut_equals_the_full_scan(text: str) -> None:
    def run(fn):  # noqa: ANN001, ANN202
        try:
            return ("ok", fn(text))
        except EvalError as e:
            return ("error", e.message, e.col)

    assert run(expr._scan) == run(_slow_scan)


def test_scan_shortcut_equals_the_full_scan_on_random_text() -> None:
    rng = random.Random(5)
    alphabet = ["a", "b_1", "x", "_", "2", " ", "(", ")", ",", "+", "-", "*", "/", "%", "."]
    for _ in range(5000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        results = []
        for fn in (expr._scan, _slow_scan):
            try:
                results.append(("ok", fn(text)))
            except EvalError as e:
                results.append(("error", e.message, e.col))
        assert results[0] == results[1], text
