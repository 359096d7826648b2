"""Reading an article in chunks gives what reading it whole gives.

The scan reads a file a chunk at a time (:class:`~claimcheck.scan.document.DocStream`)
and keeps only the text it still needs (:meth:`~claimcheck.scan.document.Doc.trim`);
Markdown's inline marks are found by a one-pass scanner. Each must be exact: these
tests hold them to the careful way (the whole text at once, the bounded pattern).
"""

from __future__ import annotations

import io
import re

from hypothesis import example, given
from hypothesis import strategies as st

import claimcheck.scan.document as document
import claimcheck.scan.markup as markup
import claimcheck.scan.run as run
from claimcheck.scan.document import DocStream, make_doc
from claimcheck.scan.markup import MD_INLINE, md_inline_spans


def _regex_spans(line: str, pos: int = 0) -> list[tuple[int, int, int, int]]:
    out = []
    for m in MD_INLINE.finditer(line, pos):
        if m.group("text") is not None:
            out.append((m.start(), m.end(), m.start("text"), m.end("text")))
        elif m.group("rtext") is not None:
            out.append((m.start(), m.end(), m.start("rtext"), m.end("rtext")))
        else:
            out.append((m.start(), m.end(), m.start(), m.start()))
    return out


_MD_PIECES = st.sampled_from(
    ["[", "]", "(", ")", "![", "](", "][", "<", ">", "</", "<a", "<http://", "<https://x", "<mailto:", "*", "**",
     "***", "****", "_", "__", "___", "____", "`", "``", "a", "b1", " ", "  ", "\t", "\u00e9", "\u212a", "x_y", "!"]
)
_MD_LINE = st.lists(_MD_PIECES, max_size=60).map("".join)


@given(_MD_LINE, st.integers(0, 5))
def test_inline_scanner_finds_what_the_pattern_finds(line: str, pos: int) -> None:
    pos = min(pos, len(line))
    assert list(md_inline_spans(line, pos)) == _regex_spans(line, pos)


def test_inline_scanner_at_the_pattern_bounds() -> None:
    # a link's text of 500 characters is one, of 501 is not; a URL of 2000 and 2001
    for n, linked in ((500, True), (501, False)):
        line = "[" + "a" * n + "](u)"
        assert (list(md_inline_spans(line)) == [(0, len(line), 1, 1 + n)]) is linked
        assert list(md_inline_spans(line)) == _regex_spans(line)
    for n in (2000, 2001):
        line = "[t](" + "u" * n + ")"
        assert list(md_inline_spans(line)) == _regex_spans(line)
        line = "<https://" + "u" * n + ">"
        assert list(md_inline_spans(line)) == _regex_spans(line)


def test_a_line_of_brackets_is_read_in_one_pass() -> None:
    # 20,000 '[' then 20,000 '](': the pattern tries 500 characters at each '['; the
    # scanner looks each closing bracket up once. Counted: searches made.
    line = "[" * 20_000 + "](" * 20_000
    calls = 0
    real = markup._Next.__call__

    def counting(self: markup._Next, pos: int) -> int:
        nonlocal calls
        calls += 1
        return real(self, pos)

    markup._Next.__call__ = counting  # type: ignore[method-assign]
    try:
        spans = list(md_inline_spans(line))
    finally:
        markup._Next.__call__ = real  # type: ignore[method-assign]
    # The first ']' follows the last '['; a '(' follows it, but no ')' ever closes: no link.
    assert spans == [] == _regex_spans(line)
    # one look-up per '[' for its ']', and one for a ')' by the 501 within 500 of the ']'
    assert calls == 20_000 + 501


# Articles made of the pieces markup is made of, for the chunked reading to cut anywhere.
_DOC_PIECES = st.sampled_from(
    ["<p>", "</p>", "<div>", "</div>", "<br>", "<br/>", "<b>", "</b>", "<a href=\"x\">", "</a>", "<script>", "</script>",
     "<style>", "</style>", "<!--", "-->", "<title>", "</title>", "<", ">", "\"", "&amp;", "&nbsp;", "&#37;", "&#x25;",
     "&#", "&", ";", "[", "](", ")", "![", "*", "_", "`", "```", "# ", "> ", "- ", "1. ", "---", "\n", "\n\n", "\r\n",
     " \n", "  ", "\t", "Prices rose 20%, from 100 to 120.", "It fell 5%.", "about 40 percent", "\ufeff", "\u201c",
     "\u00e9", "word", "Dr. Smith", "U.S."]
)
_DOC = st.lists(_DOC_PIECES, max_size=40).map("".join)


def _chunked(text: str, sizes: list[int]) -> list[str]:
    out = []
    i = 0
    k = 0
    while i < len(text):
        n = sizes[k % len(sizes)] if sizes else len(text)
        out.append(text[i : i + n])
        i += n
        k += 1
    return out


@given(_DOC, st.sampled_from(["text", "markdown", "html"]), st.lists(st.integers(1, 40), min_size=1, max_size=5))
# the standard parser reads "&Dr." as the reference "&Dr" and "." when the data ends there
@example("&Dr. Smith", "html", [1])
@example("a &#3 b &#x25;c &amp", "html", [2, 3])
# and stops early on an "&#" that starts no reference, a ";" after it
@example("&#&#;<p>", "html", [1])
def test_chunked_reading_gives_the_whole_reading(text: str, fmt: str, sizes: list[int]) -> None:
    if text.startswith("\ufeff"):
        text = " " + text[1:]
    whole = make_doc(text, fmt)  # type: ignore[arg-type]
    stream = DocStream(_chunked(text, sizes), fmt, re.search(r"\n[ \t]*\r?\n", text) is not None)  # type: ignore[arg-type]
    for _ in stream:
        pass
    doc = stream.doc
    assert doc.text == whole.text
    assert [doc.locate(i) for i in range(len(doc.text))] == [whole.locate(i) for i in range(len(whole.text))]


@given(_DOC, st.sampled_from(["text", "markdown", "html"]), st.integers(1, 64))
# "<![" that opens no marked section made the standard parser raise AssertionError
@example("<![<p>", "html", 1)
def test_scanning_in_chunks_finds_what_scanning_whole_finds(text: str, fmt: str, chunk: int) -> None:
    # Small chunks, and the text forgotten as soon as it may be: the findings are the same.
    whole = run.scan_text(text, fmt=fmt)  # type: ignore[arg-type]
    src = document.Source("-", io.BytesIO(text.encode("utf-8")), text[:1000], re.search(r"\n[ \t]*\r?\n", text.replace("\ufeff", " ", 1)) is not None)
    old_chunk, old_trim = document.CHUNK_BYTES, run.TRIM
    document.CHUNK_BYTES, run.TRIM = chunk, 1
    try:
        found = tuple(run._findings(DocStream(src.chunks(), fmt, src.blank_lines), "-", []))  # type: ignore[arg-type]
    finally:
        document.CHUNK_BYTES, run.TRIM = old_chunk, old_trim
    assert found == whole.findings


def test_a_bad_marked_section_is_text() -> None:
    # "<![<p>" stopped the standard HTML parser with an AssertionError (an internal error of
    # the scan); it is text, and the claim after it is read: 110 ÷ 100 = +10% → accurate
    result = run.scan_text("<![<p>Sales rose 10% from 100 to 110.</p>", fmt="html")
    assert [(f.phrase, f.verdict) for f in result.checked] == [("rose 10%", "accurate")]


def test_trimmed_text_still_locates_in_the_original() -> None:
    text = "".join(f"Line {n} says arrests rose 20%, from 100 to 120.\n\n" for n in range(1, 400))
    old_chunk, old_trim = document.CHUNK_BYTES, run.TRIM
    document.CHUNK_BYTES, run.TRIM = 100, 50
    try:
        src = document.Source("-", io.BytesIO(text.encode()), text[:1000], True)
        found = list(run._findings(DocStream(src.chunks(), "text", True), "-", []))
    finally:
        document.CHUNK_BYTES, run.TRIM = old_chunk, old_trim
    # line 2n-1 holds paragraph n: "Line ", n, " says arrests " (14 characters), then "rose"
    assert [(f.line, f.col) for f in found] == [(2 * n - 1, 5 + len(str(n)) + 14 + 1) for n in range(1, 400)]
    assert {f.phrase for f in found} == {"rose 20%"}
    assert all(f.verdict == "accurate" for f in found)
