"""Reading an article: bytes → plain text, with a map from every character back to where
it stands in the original file (plain text, Markdown or HTML).

Markup is stripped (tags, Markdown emphasis, links, list marks, headings), block
elements become paragraph breaks, and every finding is later located in the ORIGINAL file
by 1-based line and column through :meth:`Doc.locate`. A file that cannot be read is a
located :class:`~claimcheck.results.Problem`, never an exception.
"""

from __future__ import annotations

import bisect
import html
import re
import sys
from array import array
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path
from typing import Literal

from claimcheck.results import Problem

Format = Literal["text", "markdown", "html"]

#: Largest input read, in bytes; a bigger file is a located problem, not a slow run.
MAX_BYTES = 16 * 1024 * 1024




def read_input(path: str) -> tuple[str | None, Problem | None]:
    """The text of ``path`` (``-`` reads standard input), or a located problem."""
    try:
        if path == "-":
            data = sys.stdin.buffer.read(MAX_BYTES + 1)
        else:
            from claimcheck.claimfile.read import NotRegular, open_regular, read_at_most

            if Path(path).is_dir():
                return None, Problem(path, 1, 1, "is a directory; give an article file")
            try:
                fh = open_regular(path)  # a FIFO blocked the scan forever
            except NotRegular:
                return None, Problem(path, 1, 1, "not a regular file")
            with fh:
                data = read_at_most(fh, MAX_BYTES)
    except FileNotFoundError:
        return None, Problem(path, 1, 1, "no such file")
    except PermissionError:
        return None, Problem(path, 1, 1, "permission denied")
    except OSError as exc:
        return None, Problem(path, 1, 1, f"cannot read: {exc.strerror or exc}")
    if len(data) > MAX_BYTES:
        return None, Problem(path, 1, 1, f"too large (more than {MAX_BYTES // (1024 * 1024)} MB)")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        col = len(data[line_start : exc.start].decode("utf-8", "replace")) + 1
        return None, Problem(path, line, col, f"not UTF-8 (byte 0x{data[exc.start]:02X})")
    return text, None


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


class _Builder:
    """Plain text assembled from pieces of the original, each character remembering the
    original offset it came from (synthetic characters map to where they stand in).

    The map is kept as one segment per piece (plain start, original start, step 1 for
    copied text or 0 for synthetic), not one entry per character: a 10 MB article would
    otherwise carry an 80 MB table."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.seg_plain = array("q")
        self.seg_orig = array("q")
        self.seg_step = bytearray()
        self.length = 0

    def _piece(self, text: str, at: int, step: int) -> None:
        self.parts.append(text)
        self.seg_plain.append(self.length)
        self.seg_orig.append(at)
        self.seg_step.append(step)
        self.length += len(text)

    def add(self, text: str, start: int) -> None:
        if text:
            self._piece(text, start, 1)

    def synthetic(self, text: str, at: int) -> None:
        if text:
            self._piece(text, at, 0)

    def paragraph_break(self, at: int) -> None:
        self.synthetic("\n\n", at)

    def build(self, line_starts: list[int]) -> Doc:
        return Doc("".join(self.parts), self.seg_plain, self.seg_orig, self.seg_step, self.length, line_starts)


@dataclass(slots=True)
class Doc:
    text: str
    seg_plain: array  # plain-text index where each piece starts (increasing)
    seg_orig: array  # the original offset of that piece's first character
    seg_step: bytearray  # 1: the piece is copied text; 0: synthetic, every character maps to seg_orig
    length: int
    line_starts: list[int]  # original offsets where each line begins

    def original(self, i: int) -> int:
        """The original offset of plain-text index ``i`` (0 <= i < length)."""
        k = bisect.bisect_right(self.seg_plain, i) - 1
        return self.seg_orig[k] + (i - self.seg_plain[k]) * self.seg_step[k]

    def locate(self, i: int) -> tuple[int, int]:
        """1-based (line, col) in the original file of plain-text index ``i``."""
        if not self.length:
            return 1, 1
        orig = self.original(min(max(i, 0), self.length - 1))
        line = bisect.bisect_right(self.line_starts, orig)
        return line, orig - self.line_starts[line - 1] + 1


def _line_starts(text: str) -> list[int]:
    starts = [0]
    find = text.find
    i = find("\n")
    while i != -1:
        starts.append(i + 1)
        i = find("\n", i + 1)
    return starts


_BLOCK_TAGS = frozenset(
    "address article aside blockquote br caption dd details dialog div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre "
    "section summary table tbody td tfoot th thead title tr ul".split()
)
_SKIP_TAGS = frozenset("script style noscript template svg math head".split())


class _HTMLText(HTMLParser):
    def __init__(self, source: str) -> None:
        super().__init__(convert_charrefs=False)
        self.starts = _line_starts(source)
        self.out = _Builder()
        self.skip = 0
        self.in_title = False

    def _pos(self) -> int:
        line, col = self.getpos()
        return self.starts[line - 1] + col

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _SKIP_TAGS and tag != "head":
            self.skip += 1
        elif tag == "title":
            self.in_title = True
        if tag in _BLOCK_TAGS:
            self.out.paragraph_break(self._pos())

    def handle_startendtag(self, tag: str, attrs: list) -> None:
        if tag in _BLOCK_TAGS:
            self.out.paragraph_break(self._pos())

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS and tag != "head" and self.skip:
            self.skip -= 1
        elif tag == "title":
            self.in_title = False
        if tag in _BLOCK_TAGS:
            self.out.paragraph_break(self._pos())

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        # Inside HTML a line break is a space; paragraphs come from block tags.
        self.out.add(data.replace("\r", " ").replace("\n", " ").replace("\t", " "), self._pos())

    def _entity(self, raw: str, fallback: str) -> None:
        if self.skip:
            return
        text = html.unescape(raw)
        if text == raw:
            text = fallback
        self.out.synthetic(text.replace("\xa0", " "), self._pos())

    def handle_entityref(self, name: str) -> None:
        self._entity(f"&{name};", f"&{name}")

    def handle_charref(self, name: str) -> None:
        self._entity(f"&#{name};", f"&#{name};")


def _html_doc(source: str) -> Doc:
    parser = _HTMLText(source)
    parser.feed(source)
    parser.close()
    return parser.out.build(parser.starts)


_MD_FENCE = re.compile(r"[ \t]{0,3}(?:```|~~~)")
_MD_HEADING = re.compile(r"[ \t]{0,3}#{1,6}(?:[ \t]+|$)")
_MD_QUOTE = re.compile(r"[ \t]{0,3}(?:>[ \t]?)+")
_MD_REFDEF = re.compile(r"[ \t]{0,3}\[[^\]\n]{1,200}\]:[ \t]")
_LIST_MARK = re.compile(r"[ \t]{0,12}(?:[-*+\u2022\u25e6\u2023]|\(?\d{1,3}[.)]|\(?[a-zA-Z][.)])[ \t]+")
# Inline Markdown: an image (dropped), a link (its text kept), an autolink (dropped),
# emphasis markers and code ticks (dropped). Every part is bounded, so a line of a
# million '[' is still linear.
_MD_INLINE = re.compile(
    r"!\[[^\]\n]{0,500}\]\([^)\n]{0,2000}\)"
    r"|\[(?P<text>[^\]\n]{0,500})\]\((?P<url>[^)\n]{0,2000})\)"
    r"|\[(?P<rtext>[^\]\n]{0,500})\]\[[^\]\n]{0,200}\]"
    r"|<(?:https?://|mailto:)[^>\s]{0,2000}>"
    r"|\*{1,3}|(?<!\w)_{1,3}|_{1,3}(?!\w)|`+"
    r"|<[a-zA-Z/][^>\n]{0,500}>"
)


def _text_doc(source: str, markdown: bool) -> Doc:
    starts = _line_starts(source)
    out = _Builder()
    blank_lines = re.search(r"\n[ \t]*\r?\n", source) is not None
    fenced = False
    for n, start in enumerate(starts):
        end = starts[n + 1] - 1 if n + 1 < len(starts) else len(source)
        line = source[start:end]
        if line.endswith("\r"):
            line = line[:-1]
        if markdown and _MD_FENCE.match(line):
            fenced = not fenced
            out.paragraph_break(start)
            continue
        if fenced or not line.strip():
            out.paragraph_break(start)
            continue
        pos = 0
        block = False
        if markdown:
            if _MD_REFDEF.match(line):
                out.paragraph_break(start)
                continue
            m = _MD_QUOTE.match(line)
            if m:
                pos = m.end()
            m = _MD_HEADING.match(line, pos)
            if m:
                pos = m.end()
                block = True
            elif re.fullmatch(r"[ \t]{0,3}(?:[-=*_][ \t]*){3,}", line[:200]) and len(line) < 200:
                out.paragraph_break(start)  # a rule or a setext underline
                continue
        m = _LIST_MARK.match(line, pos)
        if m:
            pos = m.end()
            block = True
        if block or not blank_lines:
            out.paragraph_break(start)
        if markdown:
            _add_markdown_inline(out, line, pos, start)
        else:
            _add_plain_inline(out, line, pos, start)
        out.synthetic(" ", start + len(line))
        if block:
            out.paragraph_break(start + len(line))
    return out.build(starts)


def _add_markdown_inline(out: _Builder, line: str, pos: int, start: int) -> None:
    for m in _MD_INLINE.finditer(line, pos):
        out.add(line[pos : m.start()], start + pos)
        if m.group("text") is not None:
            out.add(m.group("text"), start + m.start("text"))
        elif m.group("rtext") is not None:
            out.add(m.group("rtext"), start + m.start("rtext"))
        elif m.group(0).startswith("<") and not m.group(0).startswith(("<http", "<mailto")):
            pass  # inline HTML tag
        pos = m.end()
    out.add(line[pos:], start + pos)


# A line break tag left in text copied from a web page ("1,433 <br /> incidents"): a space.
_BR_TAG = re.compile(r"<br\s*/?>", re.I)


def _add_plain_inline(out: _Builder, line: str, pos: int, start: int) -> None:
    for m in _BR_TAG.finditer(line, pos):
        out.add(line[pos : m.start()], start + pos)
        out.synthetic(" ", start + m.start())
        pos = m.end()
    out.add(line[pos:], start + pos)


def make_doc(source: str, fmt: Format) -> Doc:
    """The plain text of ``source`` with its map back to original offsets."""
    if source.startswith("\ufeff"):
        # Keep offsets honest: the BOM is a character of the original (column 1 of line 1),
        # so blank it rather than cut it.
        source = " " + source[1:]
    if fmt == "html":
        return _html_doc(source)
    return _text_doc(source, fmt == "markdown")

