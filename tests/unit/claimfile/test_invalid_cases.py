"""Every broken claim file under tests/cases/invalid/ gives its expected located error.

Each file says in its first line what it must give: ``# expect: LINE:COL message fragment``.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from claimcheck.claimfile import load_file

CASES = Path(__file__).resolve().parents[2] / "cases" / "invalid"
_EXPECT = re.compile(rb"# expect: (\d+):(\d+) ?(.*)")


def _cases() -> list[Path]:
    return sorted(CASES.glob("*.yaml"))


def _expectation(path: Path) -> tuple[int, int, str]:
    first = path.read_bytes().split(b"\n", 1)[0]
    m = _EXPECT.fullmatch(first.strip())
    assert m, f"{path.name}: first line must be '# expect: LINE:COL fragment'"
    return int(m[1]), int(m[2]), m[3].decode("utf-8")


def test_there_are_enough_cases() -> None:
    assert len(_cases()) >= 25


@pytest.mark.parametrize("path", _cases(), ids=lambda p: p.stem)
def test_invalid_case(path: Path) -> None:
    line, col, fragment = _expectation(path)
    loaded = load_file(str(path))
    assert loaded.model is None
    assert loaded.problems, "an invalid file must give at least one problem"
    rendered = [p.render() for p in loaded.problems]
    hits = [p for p in loaded.problems if (p.line, p.col) == (line, col) and fragment in p.message]
    assert hits, f"expected {line}:{col} containing {fragment!r}; got {rendered}"
    for text in rendered:
        assert text.startswith(f"{path}:"), text
        assert "\n" not in text
        assert re.match(r".+:\d+:\d+: error: \S", text), text
