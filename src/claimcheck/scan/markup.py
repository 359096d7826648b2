"""The markup readers of :mod:`~claimcheck.scan.document`: plain text and Markdown line by
line, HTML through the standard library's parser, each writing plain text and its map
back to the original into a :class:`~claimcheck.scan.document.Doc` as chunks come.

Each is linear whatever the markup: Markdown's inline marks are found by a scanner that
looks each closing bracket up once (:func:`md_inline_spans`), a line longer than
:data:`LINE_LIMIT` is read in pieces, and an HTML construct left open for more than
:data:`STUCK_LIMIT` characters (an unclosed attribute, comment or script) is read the way
the parser reads one left open at the end of the file.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from claimcheck.scan.document import Doc

#: A line longer than this many characters is read in pieces of about this size.
LINE_LIMIT = 1 << 20
#: An HTML construct open for longer than this many characters is closed where it stands.
STUCK_LIMIT = 1 << 20


_BLOCK_TAGS = frozenset(
    "address article aside blockquote br caption dd details dialog div dl dt fieldset "
    "figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre "
    "section summary table tbody tfoot thead title tr ul".split()
)
# A table's cells: the columns of a row, set apart by spaces as a pasted table sets them
# ("Louisiana   1,185   1,816   53.2%   631"), each row a paragraph of its own (scan/rows.py
# reads the columns).
_CELL_TAGS = frozenset({"td", "th"})
_CELL_GAP = "   "
_SKIP_TAGS = frozenset("script style noscript template svg math head".split())
# A character reference as the standard parser reads one, and the start of one still open.
_CHAR_REF = re.compile(r"&#(?:[0-9]+|[xX][0-9a-fA-F]+)[^0-9a-fA-F]")
_CHAR_REF_START = re.compile(r"&#(?:[0-9]*|[xX][0-9a-fA-F]*)")
#: A character or entity reference still open at the end of the data read so far.
_OPEN_REF = re.compile(r"&(?:#[xX]?[0-9a-fA-F]*|[a-zA-Z][-.a-zA-Z0-9]*)?\Z")


class HTMLText(HTMLParser):
    """HTML: text between tags, block tags as paragraph breaks, scripts and styles dropped."""

    def __init__(self, out: Doc) -> None:
        super().__init__(convert_charrefs=False)
        self.out = out
        self.skip = 0
        self.in_title = False
        self._tail = ""

    def feed_chunk(self, chunk: str) -> None:
        # The standard parser reads a reference the data ends in by what it has so far:
        # "&Dr." alone is "&Dr" and ".", "&Dr. " is "&Dr.": hold such a tail back until
        # the character that ends it comes, so that where a chunk ends changes nothing.
        chunk = self._tail + chunk
        m = _OPEN_REF.search(chunk, max(len(chunk) - 256, 0))
        self._tail = chunk[m.start() :] if m is not None else ""
        self.feed(chunk[: m.start()] if m is not None else chunk)
        self._past_bad_refs(at_end=False)
        if len(self.rawdata) > STUCK_LIMIT:
            self._unstick()

    def close(self) -> None:
        if self._tail:
            self.feed(self._tail)
            self._tail = ""
        self._past_bad_refs(at_end=True)
        super().close()

    def parse_marked_section(self, i: int, report: int = 1) -> int:
        """A "<![" that opens no marked section ("<![<p>") is text: the standard parser
        stops on it with an AssertionError ("expected name token"), a crash of the scan."""
        try:
            return super().parse_marked_section(i, report)
        except AssertionError:
            self.handle_data(self.rawdata[i : i + 3])
            return i + 3

    def _past_bad_refs(self, at_end: bool) -> None:
        """Read on past "&#" that starts no character reference ("&#&#;<p>", "&#<p>"). The
        standard parser stops there: with a ";" somewhere after it, it reads "&#" as text
        and leaves the rest for the next piece of data; without, it waits for more; and at
        the end of the file it takes all that is left as text, tags and all. Here "&#" is
        text and the reading goes on, wherever the pieces of data end."""
        while self.rawdata:
            left = len(self.rawdata)
            self.goahead(False)
            raw = self.rawdata
            if raw.startswith("&#") and _CHAR_REF.match(raw) is None and (at_end or _CHAR_REF_START.fullmatch(raw) is None):
                self.handle_data("&#")
                self.updatepos(0, 2)
                self.rawdata = raw[2:]
            elif len(self.rawdata) == left:
                break

    def _unstick(self) -> None:
        """A construct open for too long: read it as the parser reads one left open at
        the end of the file (up to the last ``<``, which may open a tag still coming)."""
        raw = self.rawdata
        if self.cdata_elem:
            # inside a script or style, whose text is never read: move past it
            keep = max(len(raw) - 64, 0)
            self.updatepos(0, keep)
            self.rawdata = raw[keep:]
            return
        cut = raw.rfind("<")
        if cut <= 0:
            cut = len(raw)
        self.rawdata = raw[:cut]
        self.goahead(True)
        self.rawdata += raw[cut:]

    def _pos(self) -> int:
        line, col = self.getpos()
        return self.out.line_start(line) + col

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag in _SKIP_TAGS and tag != "head":
            self.skip += 1
        elif tag == "title":
            self.in_title = True
        if tag in _BLOCK_TAGS:
            self.out.paragraph_break(self._pos())
        elif tag in _CELL_TAGS and not self.skip:
            self.out.synthetic(_CELL_GAP, self._pos())

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
        elif tag in _CELL_TAGS and not self.skip:
            self.out.synthetic(_CELL_GAP, self._pos())

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


_MD_FENCE = re.compile(r"[ \t]{0,3}(?:```|~~~)")
_MD_HEADING = re.compile(r"[ \t]{0,3}#{1,6}(?:[ \t]+|$)")
_MD_QUOTE = re.compile(r"[ \t]{0,3}(?:>[ \t]?)+")
_MD_REFDEF = re.compile(r"[ \t]{0,3}\[[^\]\n]{1,200}\]:[ \t]")
_MD_RULE = re.compile(r"[ \t]{0,3}(?:[-=*_][ \t]*){3,}")
_LIST_MARK = re.compile(r"[ \t]{0,12}(?:[-*+\u2022\u25e6\u2023]|\(?\d{1,3}[.)]|\(?[a-zA-Z][.)])[ \t]+")
#: Inline Markdown, the careful way: an image (dropped), a link (its text kept), a
#: reference link (its text kept), an autolink (dropped), emphasis markers and code ticks
#: (dropped), an inline HTML tag (dropped). Each part is bounded, but a line of a
#: million '[' still costs 500 steps a character; :func:`md_inline_spans` finds the same
#: matches in one pass (tests/unit/scan/test_scan_document.py holds it to this pattern).
MD_INLINE = re.compile(
    r"!\[[^\]\n]{0,500}\]\([^)\n]{0,2000}\)"
    r"|\[(?P<text>[^\]\n]{0,500})\]\((?P<url>[^)\n]{0,2000})\)"
    r"|\[(?P<rtext>[^\]\n]{0,500})\]\[[^\]\n]{0,200}\]"
    r"|<(?:https?://|mailto:)[^>\s]{0,2000}>"
    r"|\*{1,3}|(?<!\w)_{1,3}|_{1,3}(?!\w)|`+"
    r"|<[a-zA-Z/][^>\n]{0,500}>"
)
_MD_OPENERS = re.compile(r"[!\[<*_`]")
_WORD_CHAR = re.compile(r"\w")
_AUTOLINK = ("https://", "http://", "mailto:")
_TAG_FIRST = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ/")


class _Next:
    """The first place at or after an offset where a pattern matches in a line, each
    found once (the offsets asked for only grow between two finds)."""

    def __init__(self, line: str, pattern: str) -> None:
        self.line = line
        self.find = re.compile(pattern).search
        self.at = -1
        self.hit = -1

    def __call__(self, pos: int) -> int:
        """The offset, or ``len(line)`` when there is none."""
        if not (self.at <= pos <= self.hit):
            m = self.find(self.line, pos)
            self.at = pos
            self.hit = m.start() if m else len(self.line)
        return self.hit


def md_inline_spans(line: str, pos: int = 0, end: int | None = None) -> Iterator[tuple[int, int, int, int]]:
    """The matches :data:`MD_INLINE` finds in ``line[pos:end]`` (a line: no newline), as
    (start, end, kept start, kept end): the kept span is a link's text, or empty.

    Linear: each closing mark is looked up once per kind, not once per opening."""
    end = len(line) if end is None else end
    close_sq = _Next(line, r"\]")
    close_par = _Next(line, r"\)")
    close_sq2 = _Next(line, r"\]")
    close_gt = _Next(line, r">")
    close_gt2 = _Next(line, r"[>\s]")
    opener = _MD_OPENERS.search
    while True:
        m = opener(line, pos, end)
        if m is None:
            return
        i = m.start()
        c = line[i]
        hit: tuple[int, int, int, int] | None = None
        if c == "[" or (c == "!" and line.startswith("[", i + 1) and i + 1 < end):
            a = i + 1 if c == "[" else i + 2
            j = close_sq(a)
            if j < end and j - a <= 500:
                if line.startswith("(", j + 1) and j + 1 < end:
                    k = close_par(j + 2)
                    if k < end and k - (j + 2) <= 2000:
                        hit = (i, k + 1, a, j) if c == "[" else (i, k + 1, i, i)
                if hit is None and c == "[" and line.startswith("[", j + 1) and j + 1 < end:
                    k = close_sq2(j + 2)
                    if k < end and k - (j + 2) <= 200:
                        hit = (i, k + 1, a, j)
        elif c == "!":
            pass  # "!" before no "[": no mark
        elif c == "<":
            for lead in _AUTOLINK:
                if line.startswith(lead, i + 1) and i + 1 + len(lead) <= end:
                    a = i + 1 + len(lead)
                    k = close_gt2(a)
                    if k < end and line[k] == ">" and k - a <= 2000:
                        hit = (i, k + 1, i, i)
                    break
            if hit is None and i + 1 < end and line[i + 1] in _TAG_FIRST:
                k = close_gt(i + 2)
                if k < end and k - (i + 2) <= 500:
                    hit = (i, k + 1, i, i)
        elif c in "*`":
            k = i
            while k < end and line[k] == c and (c == "`" or k - i < 3):
                k += 1
            hit = (i, k, i, i)
        else:  # "_"
            k = i
            while k < end and line[k] == "_":
                k += 1
            run = k - i
            if i == 0 or not _WORD_CHAR.match(line, i - 1):
                hit = (i, i + min(run, 3), i, i)
            elif run <= 3 and (k >= end or not _WORD_CHAR.match(line, k)):
                hit = (i, k, i, i)
        if hit is None:
            pos = i + 1
            continue
        yield hit
        pos = hit[1]


class TextReader:
    """Plain text or Markdown, line by line as the chunks come."""

    def __init__(self, out: Doc, markdown: bool, blank_lines: bool) -> None:
        self.out = out
        self.markdown = markdown
        self.blank_lines = blank_lines
        self.fenced = False
        self.pending: list[str] = []  # the line not yet ended
        self.pending_len = 0
        self.start = 0  # original offset where it starts
        # reading a long line in pieces: whether it opened a block, or "skip" when its
        # first piece was no text (a fence, a rule, a reference definition)
        self.cont: bool | str | None = None
        # whether the line before stopped mid-sentence (text with no blank lines: a line
        # that goes on in lower case after it was wrapped, not a paragraph of its own)
        self.open = False

    def feed_chunk(self, chunk: str) -> None:
        nl = chunk.find("\n")
        if nl < 0:
            self.pending.append(chunk)
            self.pending_len += len(chunk)
            while self.pending_len > LINE_LIMIT:
                self._long_piece()
            return
        if self.pending:
            self.pending.append(chunk[:nl])
            line = "".join(self.pending)
            self.pending.clear()
            self.pending_len = 0
        else:
            line = chunk[:nl]
        self._end_line(line)
        self.start += len(line) + 1
        pos = nl + 1
        find = chunk.find
        while True:
            nl = find("\n", pos)
            if nl < 0:
                break
            line = chunk[pos:nl]
            self._line(line, self.start)
            self.start += len(line) + 1
            pos = nl + 1
        if pos < len(chunk):
            self.pending.append(chunk[pos:])
            self.pending_len = len(chunk) - pos

    def close(self) -> None:
        line = "".join(self.pending)
        self.pending.clear()
        self._end_line(line)

    def _end_line(self, line: str) -> None:
        if self.cont is None:
            self._line(line, self.start)
            return
        # the last piece of a long line
        if line.endswith("\r"):
            line = line[:-1]
        if self.cont != "skip":
            self._inline(line, 0, self.start)
            self.out.synthetic(" ", self.start + len(line))
            if self.cont:
                self.out.paragraph_break(self.start + len(line))
        self.cont = None

    def _long_piece(self) -> None:
        text = "".join(self.pending)
        cut = text.rfind(" ", 0, LINE_LIMIT)
        cut = cut + 1 if cut > 0 else LINE_LIMIT
        piece, rest = text[:cut], text[cut:]
        if self.cont is None:
            block = self._line(piece, self.start, more=True)
            self.cont = "skip" if block is None else block
        elif self.cont != "skip":
            self._inline(piece, 0, self.start)
        self.start += len(piece)
        self.pending = [rest]
        self.pending_len = len(rest)

    def _inline(self, line: str, pos: int, start: int) -> None:
        out = self.out
        if self.markdown:
            for a, b, ka, kb in md_inline_spans(line, pos):
                out.add(line[pos:a], start + pos)
                out.add(line[ka:kb], start + ka)
                pos = b
        else:
            for m in _BR_TAG.finditer(line, pos):
                out.add(line[pos : m.start()], start + pos)
                out.synthetic(" ", start + m.start())
                pos = m.end()
        out.add(line[pos:], start + pos)

    def _line(self, line: str, start: int, more: bool = False) -> bool | None:
        """One line (or, ``more``, the first piece of a long one: whether it opened a
        block, for its last piece to close; None when it holds no text)."""
        out = self.out
        markdown = self.markdown
        if line.endswith("\r") and not more:
            line = line[:-1]
        if markdown and _MD_FENCE.match(line):
            self.fenced = not self.fenced
            out.paragraph_break(start)
            return None
        if self.fenced or not line.strip():
            out.paragraph_break(start)
            self.open = False
            return None
        pos = 0
        block = False
        if markdown:
            if _MD_REFDEF.match(line):
                out.paragraph_break(start)
                return None
            m = _MD_QUOTE.match(line)
            if m:
                pos = m.end()
            m = _MD_HEADING.match(line, pos)
            if m:
                pos = m.end()
                block = True
            elif len(line) < 200 and _MD_RULE.fullmatch(line):
                out.paragraph_break(start)  # a rule or a setext underline
                return None
        m = _LIST_MARK.match(line, pos)
        if m:
            pos = m.end()
            block = True
        # ("… compared to net sales of $454.1\nmillion for the same period": a press release
        # wrapped at a fixed width goes on in lower case on the next line)
        wrapped = self.open and not block and _WRAPPED_ON.match(line, pos) is not None
        if block or not (self.blank_lines or wrapped):
            out.paragraph_break(start)
        self._inline(line, pos, start)
        self.open = not more and not block and _OPEN_END.search(line) is not None
        if more:
            return block
        out.synthetic(" ", start + len(line))
        if block:
            out.paragraph_break(start + len(line))
        return block


# A line that stops mid-sentence (no sentence end, colon or closing quote last), and the
# next that goes on in lower case.
_OPEN_END = re.compile(r"[^\s.!?:;\"'\u201d\u2019)\]|]\s*$")
_WRAPPED_ON = re.compile(r"[ \t]*[a-z]")
# A line break tag left in text copied from a web page ("1,433 <br /> incidents"): a space.
_BR_TAG = re.compile(r"<br\s*/?>", re.I)
