"""Bugs the reliability suite found, each pinned by the smallest input that showed it."""

from __future__ import annotations

import re

import pytest

from claimcheck.engine import check_expression
from claimcheck.expr import EvalError
from claimcheck.results import Problem


def test_a_path_with_a_newline_renders_on_one_line() -> None:
    assert Problem("a\nb.yaml", 1, 1, "x\x1b[2J").render() == "a\\nb.yaml:1:1: error: x\\x1b[2J"


def test_a_result_too_large_to_print_is_refused_not_a_crash() -> None:
    # 99,999^1000 has 5,000 digits: it evaluated under the old 20,000-bit cap and then
    # int → str raised ValueError (Python's 4,300-digit limit) while writing the arithmetic.
    with pytest.raises(EvalError, match="number too large"):
        check_expression("((99999**10)**10)**10", "up 5%")


def test_rendered_problems_match_the_located_grammar() -> None:
    assert re.fullmatch(r"[^\n]+:\d+:\d+: error: [^\n]+", Problem("p", 3, 4, "m").render())
