"""Reading an article: bytes → plain text, with a map from every character back to where
it stands in the original file (plain text, Markdown or HTML).

Markup is stripped (tags, Markdown emphasis, links, list marks, headings), block
elements become paragraph breaks, and every finding is later located in the ORIGINAL file
by 1-based line and column through :meth:`Doc.locate`. A file that cannot be read is a
located :class:`~claimcheck.results.Problem`, never an exception.

The file is read in chunks (:func:`open_input` checks it is UTF-8 first, so a problem is
known before any finding is reported), and the plain text is built as the chunks come
(:class:`DocStream`, through the readers of :mod:`~claimcheck.scan.markup`): the scan
keeps only the part of the text it still reads (its :class:`Doc` is a window, trimmed
from the front), so memory does not grow with the file.
"""

from __future__ import annotations

import bisect
import codecs
import re
import sys
import tempfile
from array import array
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO, Literal

from claimcheck.results import Problem
from claimcheck.scan.markup import HTMLText, TextReader

Format = Literal["text", "markdown", "html"]

#: Largest input read, in bytes; a bigger file is a located problem, not a slow run.
#: (The scan's memory does not grow with the file; this bounds its time.)
MAX_BYTES = 1024 * 1024 * 1024
#: Bytes read at a time.
CHUNK_BYTES = 1 << 20

_BLANK_LINE = re.compile(rb"\n[ \t]*\r?\n")
_OPEN_BLANK = re.compile(rb"\n[ \t]*(\r?)")


@dataclass
class Source:
    """A readable, UTF-8 input: its first characters, whether it has a blank line, and
    its text in chunks (:meth:`chunks`, each call reads it from the start)."""

    path: str
    file: BinaryIO
    head: str
    blank_lines: bool

    def chunks(self) -> Iterator[str]:
        fh = self.file
        fh.seek(0)
        dec = codecs.getincrementaldecoder("utf-8")()
        first = True
        while True:
            data = fh.read(CHUNK_BYTES)
            text = dec.decode(data, not data)
            if first and text:
                # Keep offsets honest: the BOM is a character of the original (column 1
                # of line 1), so blank it rather than cut it.
                if text.startswith("\ufeff"):
                    text = " " + text[1:]
                first = False
            if text:
                yield text
            if not data:
                return

    def close(self) -> None:
        self.file.close()


def open_input(path: str) -> tuple[Source | None, Problem | None]:
    """``path`` (``-`` reads standard input) checked and ready to read in chunks, or a
    located problem (missing, a folder, too large, not UTF-8)."""
    try:
        if path == "-":
            fh: BinaryIO = tempfile.SpooledTemporaryFile(max_size=4 * CHUNK_BYTES)  # type: ignore[assignment]
            total = 0
            while total <= MAX_BYTES:
                data = sys.stdin.buffer.read(CHUNK_BYTES)
                if not data:
                    break
                total += len(data)
                fh.write(data)
        else:
            from claimcheck.claimfile.read import NotRegular, open_regular

            if Path(path).is_dir():
                return None, Problem(path, 1, 1, "is a directory; give an article file")
            try:
                fh = open_regular(path)  # a FIFO blocked the scan forever
            except NotRegular:
                return None, Problem(path, 1, 1, "not a regular file")
    except FileNotFoundError:
        return None, Problem(path, 1, 1, "no such file")
    except PermissionError:
        return None, Problem(path, 1, 1, "permission denied")
    except OSError as exc:
        return None, Problem(path, 1, 1, f"cannot read: {exc.strerror or exc}")
    try:
        head, blank, problem = _check(fh, path)
    except OSError as exc:
        problem = Problem(path, 1, 1, f"cannot read: {exc.strerror or exc}")
    if problem is not None:
        fh.close()
        return None, problem
    return Source(path, fh, head, blank), None


def _check(fh: BinaryIO, path: str) -> tuple[str, bool, Problem | None]:
    """One pass over the bytes: the size, UTF-8, the first characters, a blank line."""
    fh.seek(0)
    dec = codecs.getincrementaldecoder("utf-8")()
    head = ""
    blank = False
    carry = b""  # the open end of a possible blank line: "\n", spaces, maybe "\r"
    done = 0  # bytes before this chunk
    newlines = 0  # newlines before this chunk
    last_nl = -1  # offset of the last newline before this chunk
    while True:
        data = fh.read(CHUNK_BYTES)
        if done + len(data) > MAX_BYTES:
            return "", False, Problem(path, 1, 1, f"too large (more than {MAX_BYTES // (1024 * 1024)} MB)")
        pending = len(dec.getstate()[0])
        try:
            text = dec.decode(data, not data)
        except UnicodeDecodeError as exc:
            at = done - pending + exc.start  # the offending byte in the file
            before = exc.object[: exc.start]
            line = newlines + before.count(b"\n") + 1
            nl = before.rfind(b"\n")
            line_start = done - pending + nl + 1 if nl >= 0 else last_nl + 1
            return "", False, Problem(path, line, _column(fh, line_start, at), f"not UTF-8 (byte 0x{exc.object[exc.start]:02X})")
        if len(head) < 1000:
            head += text[: 1000 - len(head)]
        if not blank and data:
            piece = carry + data
            blank = _BLANK_LINE.search(piece) is not None
            nl = piece.rfind(b"\n")
            m = _OPEN_BLANK.fullmatch(piece, nl) if nl >= 0 else None
            carry = (b"\n" + m.group(1)) if m else b""
        if not data:
            return head, blank, None
        newlines += data.count(b"\n")
        nl = data.rfind(b"\n")
        if nl >= 0:
            last_nl = done + nl
        done += len(data)


def _column(fh: BinaryIO, line_start: int, at: int) -> int:
    """1-based column, in characters, of byte ``at`` on the line starting at ``line_start``."""
    fh.seek(line_start)
    dec = codecs.getincrementaldecoder("utf-8")("replace")
    left = at - line_start
    n = 0
    while left > 0:
        data = fh.read(min(left, CHUNK_BYTES))
        if not data:
            break
        left -= len(data)
        n += len(dec.decode(data, left <= 0))
    return n + 1


def read_input(path: str) -> tuple[str | None, Problem | None]:
    """The whole text of ``path`` (``-`` reads standard input), or a located problem."""
    source, problem = open_input(path)
    if source is None:
        return None, problem
    try:
        return "".join(source.chunks()), None
    finally:
        source.close()


def guess_format(path: str, text: str) -> Format:
    """html for ``.htm(l)`` or a document that starts like HTML; markdown for ``.md``."""
    suffix = Path(path).suffix.lower() if path != "-" else ""
    if suffix in (".html", ".htm", ".xhtml"):
        return "html"
    if suffix in (".md", ".markdown", ".mdown", ".mkd"):
        return "markdown"
    head = text[:1000].lstrip("\ufeff \t\r\n").lower()
    if head.startswith(("<!doctype html", "<html", "<body", "<article", "<p>", "<div", "<head")):
        return "html"
    return "text"


# --- plain text with a map back to the original -------------------------------------------


class Doc:
    """The plain text of an article, or of the part of it still being read, with each
    character's original offset.

    ``text`` holds the plain text from global offset ``base`` on; the methods take offsets
    into ``text``. The map is one segment per piece of the original the text was made of
    (its global plain start, its original start, step 1 for copied text or 0 for a
    synthetic piece, every character of which maps to where it stands in), not one entry
    per character: a 10 MB article would otherwise carry an 80 MB table. ``line_starts``
    are the original offsets where lines begin, from line ``line0`` on."""

    def __init__(self) -> None:
        self.text = ""
        self.base = 0
        self.end = 0  # global plain offset after the last piece
        self.parts: list[str] = []
        self.seg_plain = array("q")
        self.seg_orig = array("q")
        self.seg_step = bytearray()
        self.line_starts = array("q", [0])
        self.line0 = 1
        self.source_end = 0

    # building

    def _piece(self, text: str, at: int, step: int) -> None:
        self.parts.append(text)
        self.seg_plain.append(self.end)
        self.seg_orig.append(at)
        self.seg_step.append(step)
        self.end += len(text)

    def add(self, text: str, start: int) -> None:
        if text:
            self._piece(text, start, 1)

    def synthetic(self, text: str, at: int) -> None:
        if text:
            self._piece(text, at, 0)

    def paragraph_break(self, at: int) -> None:
        self.synthetic("\n\n", at)

    def add_source(self, chunk: str) -> None:
        """Note where the lines of the next chunk of the original begin."""
        base = self.source_end
        find = chunk.find
        starts = self.line_starts
        i = find("\n")
        while i != -1:
            starts.append(base + i + 1)
            i = find("\n", i + 1)
        self.source_end += len(chunk)

    def flush(self) -> None:
        """Append the pieces built since the last flush to :attr:`text`."""
        if self.parts:
            self.text += "".join(self.parts)
            self.parts.clear()

    def trim(self, k: int) -> None:
        """Forget the first ``k`` characters of :attr:`text` (and the map before them)."""
        if k <= 0:
            return
        self.text = self.text[k:]
        self.base += k
        idx = bisect.bisect_right(self.seg_plain, self.base) - 1
        if idx > 0:
            del self.seg_plain[:idx]
            del self.seg_orig[:idx]
            del self.seg_step[:idx]
        if not len(self.seg_plain):
            return
        orig = self.seg_orig[0] + (self.base - self.seg_plain[0]) * self.seg_step[0]
        j = bisect.bisect_right(self.line_starts, orig) - 1
        if j > 0:
            del self.line_starts[:j]
            self.line0 += j

    # reading

    @property
    def length(self) -> int:
        return len(self.text)

    def original(self, i: int) -> int:
        """The original offset of index ``i`` of :attr:`text` (0 <= i < length)."""
        g = i + self.base
        k = bisect.bisect_right(self.seg_plain, g) - 1
        return self.seg_orig[k] + (g - self.seg_plain[k]) * self.seg_step[k]

    def locate(self, i: int) -> tuple[int, int]:
        """1-based (line, col) in the original file of index ``i`` of :attr:`text`."""
        if not self.text:
            return 1, 1
        orig = self.original(min(max(i, 0), len(self.text) - 1))
        k = bisect.bisect_right(self.line_starts, orig)
        return self.line0 + k - 1, orig - self.line_starts[k - 1] + 1

    def line_start(self, line: int) -> int:
        """The original offset where 1-based line ``line`` begins (a line not yet
        forgotten)."""
        return self.line_starts[line - self.line0]


def _line_starts(text: str) -> list[int]:
    """The offsets where the lines of ``text`` begin (for tests that check the map)."""
    starts = [0]
    find = text.find
    i = find("\n")
    while i != -1:
        starts.append(i + 1)
        i = find("\n", i + 1)
    return starts


class DocStream:
    """An article made plain as its chunks come: iterate to read on; after each step
    :attr:`doc` holds more text (and ``done`` says whether it is all there)."""

    def __init__(self, chunks: Iterable[str], fmt: Format, blank_lines: bool) -> None:
        self.doc = Doc()
        self.chunks = chunks
        self.reader: HTMLText | TextReader = (
            HTMLText(self.doc) if fmt == "html" else TextReader(self.doc, fmt == "markdown", blank_lines)
        )
        self.done = False

    def __iter__(self) -> Iterator[Doc]:
        doc = self.doc
        for chunk in self.chunks:
            doc.add_source(chunk)
            self.reader.feed_chunk(chunk)
            doc.flush()
            yield doc
        self.reader.close()
        doc.flush()
        self.done = True
        yield doc


def make_doc(source: str, fmt: Format) -> Doc:
    """The plain text of ``source`` with its map back to original offsets."""
    if source.startswith("\ufeff"):
        source = " " + source[1:]
    stream = DocStream([source], fmt, re.search(r"\n[ \t]*\r?\n", source) is not None)
    for doc in stream:
        pass
    return stream.doc
