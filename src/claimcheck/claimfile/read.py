"""Bytes → text: which files to read, reading them within a size limit, strict decoding.

The first step of the claim-file stage, and nothing here knows about YAML: a folder is
searched for files with the given suffixes, a file is read as raw bytes (or standard input,
when the caller allows ``-``), and the bytes are decoded as strict UTF-8. Every refusal is
a located :class:`~claimcheck.results.Problem`, never an exception, so one bad file does
not stop the others. The defaults are the claim file's; another reader of text (such as
``scan`` for articles) can pass its own suffixes, limit and name for what it reads.
"""

from __future__ import annotations

import os
import re
import stat
import sys
from pathlib import Path
from typing import Sequence

from claimcheck.results import Problem

#: Files larger than this are refused unless the caller raises it (``--max-bytes``): a
#: claim file is hand-written, and a runaway one should not exhaust memory.
DEFAULT_MAX_BYTES = 1024 * 1024

#: What a folder is searched for.
YAML_SUFFIXES = (".yaml", ".yml")

# YAML 1.2 printable set, inverted: C0 controls but tab/LF/CR, DEL, C1 but NEL, and
# surrogates / non-characters.
_BAD_CHAR = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")
# NEL, LINE SEPARATOR and PARAGRAPH SEPARATOR end a line for libyaml (YAML 1.1) but not for
# editors or YAML 1.2: in a plain scalar one broke the file at a line no editor shows, and
# in a quoted one it was silently folded to a space (found by tests/reliability/test_fuzz.py).
_ODD_BREAK = re.compile("[\x85\u2028\u2029]")


# --- discovery --------------------------------------------------------------------------


def discover(
    paths: Sequence[str], suffixes: tuple[str, ...] = YAML_SUFFIXES, what: str = "claim files"
) -> list[str | Problem]:
    """Expand paths: a directory gives its files ending in one of ``suffixes`` (hidden
    folders skipped) in sorted order; a missing path is a problem, not a silent skip.

    A folder is searched through symbolic links too, each real folder once (a link back
    to a folder already being searched, a loop, adds nothing). A folder that cannot be
    read is a located problem (``folder:1:1: error: cannot read this folder: permission
    denied``), and the rest of the tree is still searched.
    """
    out: list[str | Problem] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            found, problems = _search(raw, suffixes)
            if not found and not problems:
                patterns = ", ".join("*" + s for s in suffixes)
                out.append(Problem(raw, 1, 1, f"no {what} ({patterns}) in this folder"))
            out.extend(problems)
            out.extend(sorted(found))
        elif p.exists() or p.is_symlink():
            out.append(raw)
        else:
            out.append(Problem(raw, 1, 1, "no such file or directory"))
    return out


def _search(root: str, suffixes: tuple[str, ...]) -> tuple[list[str], list[Problem]]:
    """The files under ``root`` (named as ``root/relative/path``) ending in ``suffixes``,
    and a problem for each folder that could not be read. An explicit stack, and each
    real folder (device and inode) entered once, the first reached in name order: links
    are followed without looping."""
    found: list[str] = []
    problems: list[Problem] = []
    seen: set[tuple[int, int]] = set()
    stack = [root]
    while stack:
        folder = stack.pop()
        try:
            st = os.stat(folder)
            key = (st.st_dev, st.st_ino)
            if key in seen:
                continue
            seen.add(key)
            with os.scandir(folder) as it:
                entries = sorted(it, key=lambda e: e.name, reverse=True)  # popped in name order
        except OSError as e:
            problems.append(Problem(folder, 1, 1, f"cannot read this folder: {os_reason(e)}"))
            continue
        for entry in entries:
            if entry.name.startswith("."):
                continue  # hidden files and folders (.git, .venv) are not searched
            path = str(Path(folder, entry.name))  # as pathlib names it: "x.yaml" in ".", not "./x.yaml"
            try:
                is_dir = entry.is_dir()  # follows a symbolic link
            except OSError:
                is_dir = False
            if is_dir:
                stack.append(path)
            elif entry.name.endswith(suffixes):
                # Anything but a folder: a FIFO, socket or broken link named *.yaml is
                # reported by read_text ("not a regular file"), never silently skipped.
                found.append(path)
    return found, problems


# --- reading ----------------------------------------------------------------------------


def read_bytes(path: str, max_bytes: int = DEFAULT_MAX_BYTES, *, stdin: bool = False) -> tuple[bytes | None, Problem | None]:
    """The bytes of a regular file (or of standard input for ``-`` when ``stdin``), at
    most ``max_bytes`` of them, or a problem saying why not."""
    if stdin and path == "-":
        try:
            data = read_at_most(sys.stdin.buffer, max_bytes)
        except OSError as e:
            return None, Problem(path, 1, 1, os_reason(e))
        if len(data) > max_bytes:
            return None, Problem(path, 1, 1, f"input is over the {max_bytes:,}-byte limit (raise it with --max-bytes)")
        return data, None
    try:
        fh = open_regular(path)
    except NotRegular:
        return None, Problem(path, 1, 1, "not a regular file")
    except OSError as e:
        return None, Problem(path, 1, 1, os_reason(e))
    with fh:
        size = os.fstat(fh.fileno()).st_size
        if size > max_bytes:
            return None, Problem(path, 1, 1, f"file is {size:,} bytes, over the {max_bytes:,}-byte limit (raise it with --max-bytes)")
        try:
            data = read_at_most(fh, max_bytes)
        except OSError as e:
            return None, Problem(path, 1, 1, os_reason(e))
    if len(data) > max_bytes:
        return None, Problem(path, 1, 1, f"file is over the {max_bytes:,}-byte limit (raise it with --max-bytes)")
    return data, None


class NotRegular(OSError):
    """What :func:`open_regular` raises for a FIFO, a device, a socket or a folder."""


def open_regular(path: str):  # noqa: ANN201 - a binary file object
    """Open a regular file for reading, or raise :class:`NotRegular` without blocking:
    opened non-blocking, so a FIFO (which would wait for a writer forever) is seen for
    what it is by ``fstat`` on the same descriptor, with no race between a check and the
    open."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0) | getattr(os, "O_BINARY", 0)
    fd = os.open(path, flags)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise NotRegular(path)
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


#: Bytes read at a time: memory follows what a file holds, never the limit asked for
#: (``--max-bytes 100000000000`` made one read allocate 100 GB up front).
READ_CHUNK = 1024 * 1024


def read_at_most(fh, max_bytes: int) -> bytes:  # noqa: ANN001 - a binary file object
    """At most ``max_bytes + 1`` bytes of ``fh`` (one more than the limit, so that the
    caller can tell a file over it), read a chunk at a time."""
    chunks: list[bytes] = []
    total = 0
    while total <= max_bytes:
        chunk = fh.read(min(READ_CHUNK, max_bytes + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def read_text(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[str | None, Problem | None]:
    """Read a regular file as UTF-8 text, or say where and why it cannot be read."""
    data, problem = read_bytes(path, max_bytes)
    if problem is not None:
        return None, problem
    return decode(path, data)  # type: ignore[arg-type]


def decode(path: str, data: bytes, what: str = "a claim file") -> tuple[str | None, Problem | None]:
    """Strict UTF-8 (a BOM is allowed); the first bad byte, control character or line
    separator is located by line and column. ``what`` names the file in messages."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        line, col = byte_position(data, e.start)
        return None, Problem(path, line, col, f"not UTF-8 (byte 0x{data[e.start]:02X}); save the file as UTF-8")
    m = _BAD_CHAR.search(text)
    if m is not None:
        line, col = text_position(text, m.start())
        return None, Problem(path, line, col, f"control character U+{ord(m.group()):04X} is not allowed in {what}")
    m = _ODD_BREAK.search(text)
    if m is not None:
        line, col = text_position(text, m.start())
        return None, Problem(path, line, col, f"line separator U+{ord(m.group()):04X} is not allowed in {what}; replace it with a space or a line break")
    return text, None


def text_position(text: str, offset: int) -> tuple[int, int]:
    """The 1-based line and column of ``offset`` in ``text`` (lines end at LF)."""
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


def byte_position(data: bytes, offset: int) -> tuple[int, int]:
    """The 1-based line and column (in characters) of byte ``offset`` in ``data``."""
    line = data.count(b"\n", 0, offset) + 1
    start = data.rfind(b"\n", 0, offset) + 1
    col = len(data[start:offset].decode("utf-8", errors="replace")) + 1
    return line, col


def os_reason(e: OSError) -> str:
    """An operating-system error as a message: ``permission denied``."""
    return (e.strerror or str(e)).lower()
