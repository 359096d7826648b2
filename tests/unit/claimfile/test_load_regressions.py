"""Loader bugs the reliability suite found, each pinned by the smallest input that showed it."""

from __future__ import annotations

import pytest

from claimcheck.claimfile import decode, load_text


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
