"""scan on pathological markup: linear in time, bounded in memory (issue 19, item 11).

Four inputs an attack found scan choking on (1 MB of each took 40–110 s and up to
6.8 GB): an HTML attribute left open over text full of percentages, unclosed ``<p>``
tags, Markdown ``[`` and ``](`` repeated, and space-separated numbers. Each is scanned
at two sizes, four times apart, with the reading constants made small so that chunks,
long lines, open constructs and long paragraphs all come into play at test sizes:

* **time**, as work done: the Python and C calls the scan makes (counted through
  :func:`sys.setprofile`, never timed) grow no faster than the input (≤ 5× for 4×;
  quadratic work would be 16×);
* **memory**: the traced peak (:mod:`tracemalloc`) of the larger input is within a
  quarter (and 256 KB) of the smaller one's, and under 2 MB (reading the whole file took
  16 MB for the read buffer alone);

Then each runs through the real command at 1 MB: exit 0 or 1, a valid report, and for a
paragraph too full of numbers a located warning on stderr.
"""

from __future__ import annotations

import json
import sys
import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

import claimcheck.scan.document as document
import claimcheck.scan.markup as markup
import claimcheck.scan.run as scan_run
from claimcheck.scan import stream_path
from clirun import claimcheck, snapshot

_UNIT = "rose 12.5% from 3.1% to 4% and "


def open_attribute(n: int) -> str:
    head = '<html><body><p>Intro.</p><p title="'
    return head + _UNIT * ((n - len(head)) // len(_UNIT))


def unclosed_p(n: int) -> str:
    return "<p>" * (n // 3)


def md_brackets(n: int) -> str:
    return "[" * (n // 4) + "](" * (n // 4)


def numbers(n: int) -> str:
    words = []
    size = 0
    i = 0
    while size < n:
        w = f"{i % 97 + 1}%"
        words.append(w)
        size += len(w) + 1
        i += 1
    return " ".join(words)


INPUTS: dict[str, tuple[Callable[[int], str], str]] = {
    "open-attribute": (open_attribute, "a.html"),
    "unclosed-p": (unclosed_p, "a.html"),
    "markdown-brackets": (md_brackets, "a.md"),
    "numbers": (numbers, "a.txt"),
}


@pytest.fixture
def small_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(document, "CHUNK_BYTES", 4096)
    monkeypatch.setattr(markup, "LINE_LIMIT", 8192)
    monkeypatch.setattr(markup, "STUCK_LIMIT", 8192)
    monkeypatch.setattr(scan_run, "MAX_PARAGRAPH", 8192)
    monkeypatch.setattr(scan_run, "TRIM", 2048)


def _scan(path: Path) -> int:
    stream = stream_path(str(path))
    assert not stream.problems
    return sum(1 for _ in stream.findings)


def _calls(path: Path) -> int:
    n = 0

    def count(frame: object, event: str, arg: object) -> None:
        nonlocal n
        if event in ("call", "c_call"):
            n += 1

    sys.setprofile(count)
    try:
        _scan(path)
    finally:
        sys.setprofile(None)
    return n


def _peak(path: Path) -> int:
    tracemalloc.start()
    try:
        _scan(path)
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def _write(tmp_path: Path, kind: str, size: int) -> Path:
    make, name = INPUTS[kind]
    p = tmp_path / f"{size}-{name}"
    p.write_text(make(size), encoding="utf-8")
    return p


@pytest.mark.parametrize("kind", INPUTS)
def test_work_grows_linearly(kind: str, tmp_path: Path, small_limits: None) -> None:
    small, large = _write(tmp_path, kind, 32_000), _write(tmp_path, kind, 128_000)
    _scan(small)  # warm the caches both runs share
    ratio = _calls(large) / _calls(small)
    assert ratio <= 5, f"{kind}: 4x the input made {ratio:.1f}x the calls"


@pytest.mark.parametrize("kind", INPUTS)
def test_memory_does_not_grow_with_the_input(kind: str, tmp_path: Path, small_limits: None) -> None:
    small, large = _write(tmp_path, kind, 32_000), _write(tmp_path, kind, 128_000)
    _scan(small)
    p_small, p_large = _peak(small), _peak(large)
    assert p_large <= p_small * 1.25 + 256 * 1024, f"{kind}: peak {p_small} -> {p_large} bytes"
    assert p_large < 2 * 1024 * 1024


@pytest.mark.parametrize("kind", INPUTS)
def test_the_command_reads_a_megabyte_of_it(kind: str, tmp_path: Path) -> None:
    make, name = INPUTS[kind]
    (tmp_path / name).write_text(make(1_000_000), encoding="utf-8")
    before = snapshot(tmp_path)
    run = claimcheck("scan", "--format", "json", name, cwd=tmp_path)
    assert run.code in (0, 1), run.err
    report = json.loads(run.out)
    assert report["files"][0]["problems"] == []
    assert snapshot(tmp_path) == before
    if kind in ("open-attribute", "numbers"):
        # one paragraph holding thousands of numbers: read to the 40th, then a warning
        # located where reading stopped, on line 1 (each input is one line)
        assert len(run.err_lines) == 1, run.err
        assert run.err_lines[0].startswith(f"{name}:1:")
        assert ": warning: more than 40 numbers in one paragraph" in run.err_lines[0]
        assert len(report["files"][0]["findings"]) <= scan_run.MAX_QUANTITIES
    else:
        assert run.err == ""


def test_a_paragraph_is_read_to_its_fortieth_number(tmp_path: Path) -> None:
    # 41 percentages in one sentence: the 41st is where reading stops. "n% " is 3 or 4
    # characters: 1%..9% take 3 each (27), 10%..40% take 4 each (124): the 41st starts at
    # offset 151, column 152.
    text = " ".join(f"{i}%" for i in range(1, 60)) + ".\n"
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    stream = stream_path(str(tmp_path / "a.txt"))
    list(stream.findings)
    assert [(n.line, n.col) for n in stream.notes] == [(1, 152)]
    assert stream.notes[0].render().startswith(f"{tmp_path / 'a.txt'}:1:152: warning: more than 40 numbers")
