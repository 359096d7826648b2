"""Fuzzing where output goes: any ``-o`` target, any standard-output encoding (issue 19).

The in-process properties drive the functions the CLI itself writes through
(:func:`claimcheck.cli.app.write_output`, :func:`~claimcheck.cli.app.out`) with a fake
standard output, so the deep profile's 10,000 examples each take minutes, not hours; a
few examples run the real command in a subprocess too. What is promised:

* ``-o`` onto a regular file replaces it atomically with the text, keeping its mode; onto
  nothing yet, creates it; through a symbolic link, writes what it points to and keeps
  the link; into a FIFO or a character device, writes through and leaves the node as it
  was; onto a read-only file, a folder, a link loop or into a missing folder, refuses
  (:class:`CannotWrite`, exit 2) and changes nothing. Never a temporary file left over.
* Standard output in any encoding takes any text: what the encoding lacks comes out as
  ``\\uXXXX`` escapes (a pair beyond U+FFFF), a file name's undecodable byte (U+DC80–U+DCFF)
  as U+FFFD, or as the byte itself where the user asked for ``surrogateescape``.

The expected bytes are worked out here from those rules, character by character, not
taken from the code under test.
"""

from __future__ import annotations

import io
import os
import select
import shutil
import stat
import subprocess
import sys
import tempfile
import threading
import time
from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.cli.app import CannotWrite, configure_stdout, flush_stdout, out, write_output

HANG = timedelta(seconds=10)
posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX FIFOs, links and permission bits")


# --- the expected text, by the rules ---------------------------------------------------------


def escape(ch: str) -> str:
    cp = ord(ch)
    if cp > 0xFFFF:
        cp -= 0x10000
        return f"\\u{0xD800 + (cp >> 10):04x}\\u{0xDC00 + (cp & 0x3FF):04x}"
    return f"\\u{cp:04x}"


def can_hold(text: str, encoding: str) -> bool:
    try:
        text.encode(encoding)
    except UnicodeEncodeError:
        return False
    return True


def expected_text(text: str, encoding: str) -> str:
    """What a stream in ``encoding`` (strict, as Python opens it) must show for ``text``."""
    out = []
    for ch in text:
        if can_hold(ch, encoding):
            out.append(ch)
        elif 0xDC80 <= ord(ch) <= 0xDCFF:
            out.append("\ufffd" if can_hold("\ufffd", encoding) else escape("\ufffd"))
        else:
            out.append(escape(ch))
    return "".join(out)


def expected_raw(text: str, encoding: str) -> bytes:
    """The same for a stream opened with ``surrogateescape``: a name's bytes as they were."""
    out = []
    for ch in text:
        if 0xDC80 <= ord(ch) <= 0xDCFF:
            out.append(bytes([ord(ch) - 0xDC00]))
        elif can_hold(ch, encoding):
            out.append(ch.encode(encoding))
        else:
            out.append(escape(ch).encode(encoding))
    return b"".join(out)


# Text as reports carry it: letters, typographic marks, emoji, controls, and the lone
# surrogates a file name that is not UTF-8 brings (and, rarer, any other surrogate).
_CHARS = st.one_of(
    st.characters(min_codepoint=0x20, max_codepoint=0x7E),
    st.sampled_from("—−–×÷≈±…✔✘“”‘’éüßø€£¥½⁄ ─│\u2028\ufeff\ufffd\n\t"),
    st.characters(min_codepoint=0xDC80, max_codepoint=0xDCFF),
    st.characters(exclude_categories=()),  # anything, surrogates included
)
TEXT = st.text(_CHARS, max_size=200)


# --- any stdout encoding ---------------------------------------------------------------------

ENCODINGS = ["ascii", "latin-1", "cp1252", "cp437", "utf-8", "utf-16", "utf-16-le", "utf-32", "shift_jis", "koi8-r", "mac-roman"]


class FakeStdout:
    """A stream like the one Python opens for standard output, over bytes we can read."""

    def __init__(self, encoding: str, errors: str) -> None:
        self.raw = io.BytesIO()
        self.stream = io.TextIOWrapper(self.raw, encoding=encoding, errors=errors, newline="", write_through=False)

    def __enter__(self) -> "FakeStdout":
        self.saved = sys.stdout
        sys.stdout = self.stream
        return self

    def __exit__(self, *exc: object) -> None:
        sys.stdout = self.saved

    def written(self) -> bytes:
        self.stream.flush()
        return self.raw.getvalue()


def _report_out(chunks: list[str]) -> None:
    configure_stdout()
    for chunk in chunks:
        out(chunk)
    flush_stdout()


@given(chunks=st.lists(TEXT, max_size=4), encoding=st.sampled_from(ENCODINGS))
@settings(deadline=HANG)
def test_any_stdout_encoding_degrades_and_never_fails(chunks: list[str], encoding: str) -> None:
    with FakeStdout(encoding, "strict") as fake:
        _report_out(chunks)
    want = expected_text("".join(chunks), encoding)
    data = fake.written()
    if encoding in ("utf-16", "utf-32"):  # a byte-order mark first, whenever it was written
        assert data.decode(encoding) == want
    else:  # as bytes: Shift JIS writes ¥ as 0x5C, which reads back as a backslash
        assert data == want.encode(encoding)


@given(chunks=st.lists(TEXT, max_size=4), encoding=st.sampled_from(["utf-8", "ascii", "latin-1", "cp1252"]))
@settings(deadline=HANG)
def test_surrogateescape_stdout_keeps_a_names_bytes(chunks: list[str], encoding: str) -> None:
    with FakeStdout(encoding, "surrogateescape") as fake:
        _report_out(chunks)
    assert fake.written() == expected_raw("".join(chunks), encoding)


@given(chunks=st.lists(TEXT, max_size=4),
       errors=st.sampled_from(["replace", "backslashreplace", "xmlcharrefreplace", "namereplace", "ignore"]))
@settings(deadline=HANG)
def test_a_handler_the_user_chose_is_left_alone(chunks: list[str], errors: str) -> None:
    # PYTHONIOENCODING=ascii:backslashreplace and the like: their choice, and none fails.
    with FakeStdout("ascii", errors) as fake:
        _report_out(chunks)
    assert fake.written() == "".join(chunks).encode("ascii", errors)


# --- any -o target ---------------------------------------------------------------------------

KINDS = [
    "new", "regular", "read-only", "fifo", "link-to-regular", "link-to-fifo", "dangling-link", "link-loop",
    "loop-in-folder", "folder", "missing-folder", "null-device", "full-device",
]


def _can_mknod() -> bool:
    probe = Path(tempfile.mkdtemp(prefix="cc-mknod-"))
    try:
        os.mknod(probe / "n", 0o600 | stat.S_IFCHR, os.makedev(1, 3))
        return True
    except (AttributeError, OSError):
        return False
    finally:
        shutil.rmtree(probe, ignore_errors=True)


MKNOD = os.name == "posix" and _can_mknod()


def _listing(folder: Path) -> dict[str, tuple[str, bytes | str | None, int]]:
    """Every entry: its kind, its content (files), where it points (links), its mode."""
    out: dict[str, tuple[str, bytes | str | None, int]] = {}
    for p in sorted(folder.rglob("*")):
        st_ = os.lstat(p)
        rel = str(p.relative_to(folder))
        if stat.S_ISLNK(st_.st_mode):
            out[rel] = ("link", os.readlink(p), 0)
        elif stat.S_ISREG(st_.st_mode):
            out[rel] = ("file", p.read_bytes(), stat.S_IMODE(st_.st_mode))
        elif stat.S_ISDIR(st_.st_mode):
            out[rel] = ("dir", None, stat.S_IMODE(st_.st_mode))
        elif stat.S_ISFIFO(st_.st_mode):
            out[rel] = ("fifo", None, stat.S_IMODE(st_.st_mode))
        elif stat.S_ISCHR(st_.st_mode):
            out[rel] = ("chr", str(st_.st_rdev), stat.S_IMODE(st_.st_mode))
        else:
            out[rel] = ("other", None, 0)
    return out


def _make(kind: str, folder: Path, mode: int) -> Path:
    """The ``-o`` target of one example, in ``folder``."""
    target = folder / "report.out"
    if kind == "regular":
        target.write_bytes(b"OLD REPORT\n")
        target.chmod(mode | 0o200)
    elif kind == "read-only":
        target.write_bytes(b"OLD REPORT\n")
        target.chmod(mode & 0o555)
    elif kind == "fifo":
        os.mkfifo(target)
    elif kind == "link-to-regular":
        (folder / "real.out").write_bytes(b"OLD REPORT\n")
        (folder / "real.out").chmod(mode | 0o200)
        target.symlink_to("real.out")
    elif kind == "link-to-fifo":
        os.mkfifo(folder / "pipe")
        target.symlink_to("pipe")
    elif kind == "dangling-link":
        (folder / "sub").mkdir()
        target.symlink_to("sub/created.out")
    elif kind == "link-loop":
        target.symlink_to("report.out")
    elif kind == "loop-in-folder":
        (folder / "loop").symlink_to("loop")
        target = folder / "loop" / "report.out"
    elif kind == "folder":
        target.mkdir()
    elif kind == "missing-folder":
        target = folder / "missing" / "report.out"
    elif kind in ("null-device", "full-device"):
        os.mknod(target, 0o600 | stat.S_IFCHR, os.makedev(1, 3 if kind == "null-device" else 7))
    return target


def _write_and_read_fifo(fifo: Path, target: Path, text: str) -> tuple[BaseException | None, bytes]:
    """Write to ``target`` (which leads to ``fifo``) on a thread while this one reads."""
    fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    outcome: list[BaseException | None] = []

    def write() -> None:
        try:
            write_output(text, target)
            outcome.append(None)
        except BaseException as e:  # noqa: BLE001 - handed to the test
            outcome.append(e)

    writer = threading.Thread(target=write)
    writer.start()
    chunks = []
    end = time.monotonic() + 30
    try:
        while time.monotonic() < end:
            ready, _, _ = select.select([fd], [], [], 0.01)
            if not ready:
                continue
            data = os.read(fd, 65536)
            if data:
                chunks.append(data)
            elif outcome:  # end of file after the writer finished (and so closed): all read
                break
            else:  # end of file before the writer opened its end: wait for it
                time.sleep(0.001)
    finally:
        writer.join(30)
        os.close(fd)
    assert outcome, "the write never finished"
    return outcome[0], b"".join(chunks)


@posix_only
@given(kind=st.sampled_from(KINDS), text=TEXT, mode=st.sampled_from([0o600, 0o640, 0o644, 0o664, 0o755, 0o400, 0o444]))
@settings(deadline=HANG)
def test_any_o_target(kind: str, text: str, mode: int, tmp_path_factory: pytest.TempPathFactory) -> None:
    if kind.endswith("-device") and not MKNOD:
        return  # not permitted here: the other kinds still run
    folder = Path(tempfile.mkdtemp(dir=tmp_path_factory.getbasetemp()))
    try:
        _check_target(kind, text, mode, folder)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def _check_target(kind: str, text: str, mode: int, folder: Path) -> None:
    target = _make(kind, folder, mode)
    before = _listing(folder)
    want = expected_text(text, "utf-8").encode("utf-8")
    error: BaseException | None = None
    got = b""
    if kind in ("fifo", "link-to-fifo"):
        error, got = _write_and_read_fifo(folder / ("report.out" if kind == "fifo" else "pipe"), target, text)
    else:
        try:
            write_output(text, target)
        except BaseException as e:  # noqa: BLE001 - checked below
            error = e
    after = _listing(folder)
    refused = kind in ("read-only", "link-loop", "loop-in-folder", "folder", "missing-folder") or (
        kind == "full-device" and want != b"")
    if refused:
        assert isinstance(error, CannotWrite), (kind, error)
        assert str(error).startswith(f"claimcheck: error: cannot write {target}: ") and "\n" not in str(error)
        assert after == before  # nothing changed, no temporary file
        return
    assert error is None, (kind, error)
    if kind in ("fifo", "link-to-fifo", "null-device", "full-device"):
        assert after == before  # the node and the link as they were
        if kind in ("fifo", "link-to-fifo"):
            assert got == want
        return
    written = {"new": "report.out", "regular": "report.out", "link-to-regular": "real.out", "dangling-link": "sub/created.out"}[kind]
    expected = dict(before)
    old_mode = before[written][2] if written in before else None
    content = after[written]
    assert content[0] == "file" and content[1] == want
    if old_mode is not None:
        assert content[2] == old_mode  # the mode kept
    expected[written] = content
    assert after == expected  # the link kept, nothing else written


# --- a few through the real command ----------------------------------------------------------

GOOD = """\
title: "caf\u00e9 \u2014 \U0001F4C9"
figures:
  june: {value: "1,224"}
  july: {value: 990}
claims:
  - id: c1
    speaker: A
    statement: arrests \u201cdropped\u201d nearly 20%
    figure: nearly 20% drop
    compute: pct_change(june, july)
"""


@posix_only
@given(encoding=st.sampled_from(ENCODINGS), fmt=st.sampled_from(["rich", "json", "markdown", "github", "junit", "html"]),
       kind=st.sampled_from(["stdout", "new", "regular", "read-only"]))
@settings(max_examples=12, deadline=None)
def test_through_the_command(encoding: str, fmt: str, kind: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    folder = Path(tempfile.mkdtemp(dir=tmp_path_factory.getbasetemp()))
    try:
        (folder / "c.yaml").write_text(GOOD, encoding="utf-8")
        args = [sys.executable, "-m", "claimcheck", "verify", "c.yaml", "--format", fmt]
        if kind != "stdout":
            if kind in ("regular", "read-only"):
                (folder / "out").write_bytes(b"OLD\n")
                (folder / "out").chmod(0o444 if kind == "read-only" else 0o640)
            args += ["-o", "out"]
        env = {k: v for k, v in os.environ.items() if not k.startswith(("HYPOTHESIS", "PYTEST", "FORCE_COLOR", "NO_COLOR", "GITHUB"))}
        env["PYTHONIOENCODING"] = encoding
        proc = subprocess.run(args, cwd=folder, env=env, capture_output=True, timeout=60, stdin=subprocess.DEVNULL)
        assert b"Traceback" not in proc.stderr and b"internal error" not in proc.stderr, proc.stderr
        if kind == "read-only":
            assert proc.returncode == 2 and (folder / "out").read_bytes() == b"OLD\n"
            return
        assert proc.returncode == 0, proc.stderr
        data = proc.stdout if kind == "stdout" else (folder / "out").read_bytes()
        data.decode(encoding if kind == "stdout" else "utf-8")  # strictly valid in its encoding
        assert data
    finally:
        shutil.rmtree(folder, ignore_errors=True)
