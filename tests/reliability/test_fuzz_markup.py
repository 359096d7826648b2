"""Fuzzing scan's markup readers: any nesting of HTML tags, attributes, comments, scripts
and Markdown brackets, closed or not, mixed at random.

The property (issue 19, item 11): whatever the markup, ``scan`` never crashes, every
position it reports (a finding, its end, its levels, a warning) is a real line and column
of the file, and its JSON report is valid JSON. The file is read in chunks of a few
bytes, with every reading limit made small, so chunk ends, long lines, constructs left
open and long paragraphs all fall inside these short documents. Example counts come from
the profile tests/conftest.py selects (``HYPOTHESIS_PROFILE=deep``: 10,000).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import claimcheck.scan.document as document
import claimcheck.scan.markup as markup
import claimcheck.scan.run as scan_run
from claimcheck.report.scan.json import render
from claimcheck.scan import ScanResult, stream_path

HANG = timedelta(seconds=30)  # a hang, not a slow machine: 1-byte chunks on a busy machine take seconds

_TEXT = st.sampled_from([
    "Prices rose 20%, from 100 to 120.", "It fell 5% to 95.", "12 34 56 78", "about 40 percent of 1,200",
    "word", " ", "\n", "\n\n", "\r\n", "\t", "&amp;", "&#37;", "&#", "&", ";", "\u201c", "\u00e9", "\U0001f600",
    "\ufeff", "Dr. Smith said.", "3.5%",
])
_OPEN = st.sampled_from([
    "<p>", "<div>", "<b>", "<td>", "<li>", "<br>", "<title>", "<a href=\"", "<a href='", "<a title=\"x\">", "<p class=",
    "<script>", "<style>", "<!--", "<![CDATA[", "<?", "<!", "<", "</", "[", "![", "](", "][", "(", "*", "**", "_",
    "`", "```", "# ", "> ", "- ", "1. ", "<http://",
])
_CLOSE = st.sampled_from([
    "</p>", "</div>", "</b>", "</td>", "</a>", "\">", "'>", ">", "/>", "</script>", "</style>", "-->", "]]>", "?>",
    "]", ")", "](u)", "*", "_", "`", "```", "",
])
_NESTED = st.recursive(
    _TEXT,
    lambda inner: st.one_of(
        st.tuples(_OPEN, st.lists(inner, max_size=4), _CLOSE).map(lambda t: t[0] + "".join(t[1]) + t[2]),
        st.lists(inner, max_size=5).map("".join),
    ),
    max_leaves=40,
)
_MIXED = st.lists(st.one_of(_TEXT, _OPEN, _CLOSE), max_size=60).map("".join)
_REPEATED = st.tuples(st.one_of(_OPEN, _CLOSE, _TEXT), st.integers(1, 200)).map(lambda t: t[0] * t[1])
MARKUP = st.one_of(_NESTED, _MIXED, _REPEATED, st.lists(st.one_of(_NESTED, _REPEATED), max_size=4).map("".join))


@contextmanager
def small_limits(chunk: int) -> Iterator[None]:
    names = [(document, "CHUNK_BYTES", chunk), (markup, "LINE_LIMIT", 64), (markup, "STUCK_LIMIT", 64),
             (scan_run, "MAX_PARAGRAPH", 96), (scan_run, "TRIM", 8)]
    old = [(mod, name, getattr(mod, name)) for mod, name, _ in names]
    for mod, name, value in names:
        setattr(mod, name, value)
    try:
        yield
    finally:
        for mod, name, value in old:
            setattr(mod, name, value)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("markup")


def _assert_position(lines: list[str], line: int | None, col: int | None, what: str) -> None:
    assert line is not None and col is not None, what
    assert 1 <= line <= len(lines), (what, line, col)
    assert 1 <= col <= len(lines[line - 1]) + 1, (what, line, col, lines[line - 1])


@given(text=MARKUP, fmt=st.sampled_from(["text", "markdown", "html"]), chunk=st.integers(1, 48))
@settings(deadline=HANG)
def test_any_markup_nesting(text: str, fmt: str, chunk: int, scratch: Path) -> None:
    path = scratch / "article"
    path.write_text(text, encoding="utf-8", newline="")
    with small_limits(chunk):
        stream = stream_path(str(path), fmt=fmt)  # type: ignore[arg-type]
        findings = tuple(stream.findings)
    assert stream.problems == ()
    # the original's lines, in characters, as the scan counts them (line ends at "\n")
    lines = text.split("\n")
    for f in findings:
        _assert_position(lines, f.line, f.col, f"start of {f.phrase!r}")
        _assert_position(lines, f.end_line, f.end_col, f"end of {f.phrase!r}")
        for lv in f.levels:
            _assert_position(lines, lv.line, lv.col, f"level {lv.text!r}")
    for n in stream.notes:
        _assert_position(lines, n.line, n.col, n.message)
    report = json.loads(render([ScanResult(str(path), fmt, findings, ())]))
    assert len(report["files"][0]["findings"]) == len(findings)
