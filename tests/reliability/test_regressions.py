"""Bugs the reliability suite found, each pinned by the smallest input that showed it."""

from __future__ import annotations

import re

import pytest

from claimcheck.engine import check_expression
from claimcheck.expr import EvalError
from claimcheck.claimfile import decode, load_text
from claimcheck.results import Problem
from claimcheck.claimfile.scaffold import ScaffoldError, write_scaffold


def _rendered(text: str) -> list[str]:
    return [p.render() for p in load_text("t.yaml", text).problems]


@pytest.mark.parametrize("char", ["\u2028", "\u2029", "\x85"])
def test_unicode_line_separators_are_refused_at_their_position(char: str) -> None:
    # libyaml ends a line at these (YAML 1.1), editors do not: in a plain scalar the file
    # broke at a line that does not exist (t:3:1 in a two-line file), in a quoted one the
    # text was silently folded to a space.
    text, problem = decode("t.yaml", f"title: x\nnote: a{char}b\n".encode("utf-8"))
    assert text is None
    assert (problem.line, problem.col) == (2, 8)  # "note: a" is 7 characters
    assert f"U+{ord(char):04X}" in problem.message


@pytest.mark.parametrize("text", ["---", "---\n", "--- # nothing here\n"])
def test_an_empty_document_is_an_empty_file(text: str) -> None:
    # Was "the top level must be a mapping, not a single value" at line 2 of a 1-line file.
    assert _rendered(text) == ["t.yaml:1:1: error: file is empty"]


@pytest.mark.parametrize(
    "text, where",
    [("[", "1:2"), ('title: "abc', "1:8"), ("a:\n  - [x", "2:7")],
)
def test_an_error_at_the_end_of_a_file_without_final_newline_stays_on_its_last_line(text: str, where: str) -> None:
    # libyaml put the end of such a file on a line after the last one.
    (line,) = _rendered(text)
    assert line.startswith(f"t.yaml:{where}: error: "), line


def test_user_text_quoted_in_a_message_stays_on_one_line() -> None:
    # An id written "\n" was echoed raw, splitting the located error in two.
    text = 'title: t\nclaims:\n  - id: "a\\nb"\n    speaker: s\n    statement: s\n    figure: down 10%\n'
    (line,) = _rendered(text)
    assert "\n" not in line
    assert line.startswith("t.yaml:3:9: error: 'id': 'a\\nb' may contain only"), line


def test_a_path_with_a_newline_renders_on_one_line() -> None:
    assert Problem("a\nb.yaml", 1, 1, "x\x1b[2J").render() == "a\\nb.yaml:1:1: error: x\\x1b[2J"


def test_a_result_too_large_to_print_is_refused_not_a_crash() -> None:
    # 99,999^1000 has 5,000 digits: it evaluated under the old 20,000-bit cap and then
    # int → str raised ValueError (Python's 4,300-digit limit) while writing the arithmetic.
    with pytest.raises(EvalError, match="number too large"):
        check_expression("((99999**10)**10)**10", "up 5%")


def test_scaffold_title_with_controls_round_trips(tmp_path) -> None:  # noqa: ANN001
    # DEL and U+2028 were written raw, so claimcheck refused the file it had just created.
    title = "x\x7fy\u2028z"
    write_scaffold("s.yaml", title=title, force=False, root=tmp_path)
    raw = (tmp_path / "s.yaml").read_bytes()
    text, problem = decode("s.yaml", raw)
    assert problem is None, problem.render()
    loaded = load_text("s.yaml", text)
    assert loaded.ok and loaded.model.title == title


def test_scaffold_title_that_is_not_utf8_is_an_input_error(tmp_path) -> None:  # noqa: ANN001
    # A Latin-1 byte in argv arrives as a lone surrogate; writing it raised
    # UnicodeEncodeError (exit 3). Now a refusal, and nothing is written.
    with pytest.raises(ScaffoldError, match="not valid UTF-8"):
        write_scaffold("s.yaml", title="\udce9t\udce9", force=False, root=tmp_path)
    assert list(tmp_path.iterdir()) == []


def test_rendered_problems_match_the_located_grammar() -> None:
    assert re.fullmatch(r"[^\n]+:\d+:\d+: error: [^\n]+", Problem("p", 3, 4, "m").render())
