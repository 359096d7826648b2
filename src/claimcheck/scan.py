"""``claimcheck scan``: the numeric claims in an article, and the self-contained ones checked.

This module owns reading prose (plain text, Markdown, HTML), splitting it into
paragraphs and sentences, finding the numbers that are claims (and leaving out the ones
that are not: years, dates, times, ordinals, labels, addresses, phone numbers, list
numbering), and pairing a claimed change, multiple or share with the raw numbers it was
derived from when the same sentence (or the sentence before it, in the same paragraph)
gives them. A paired claim becomes a ``compute:`` text that runs through the same engine
as ``claimcheck calc`` (:func:`claimcheck.expr.evaluate`, :func:`claimcheck.verdicts.judge`);
every other numeric claim is listed as needing a source.

Pairing is deliberately timid. A false alarm (a correct claim called inaccurate) is the
worst thing this command can do, so a claim is paired only with an explicit structure
("down 10%, from 31,000 in June to 27,000 in July"; "rose from 120 to 150, a 25%
increase"; "710 of the 1,000, or 71%"; "2,940 in 2024, down from 3,610 in 2023. That
represents a 12% decline"; "a 15% increase over last year's 75,200"; "Of the 412 bridges
inspected, 97 …, or 24%") whose numbers share a unit (and currency) and whose stated base
period does not contradict the numbers'. Ranges, yearly rates, a rate against counts and
"compared with" a number that names no time are never paired. Anything less certain is
listed, not judged. tests/cases/scan_fresh.yaml measures this on sentences written apart
from the tuning (``python tests/test_scan_fresh.py`` prints the figures).

Every finding is located in the ORIGINAL file (1-based line and column), whatever markup
was stripped. The core never prints; unreadable input is a :class:`~claimcheck.results.Problem`
in the result. Every regular expression here runs in linear time on any input
(BAD_INPUTS row 32): no nested quantifiers over digits, and look-arounds over bounded
windows only.

Speed (benchmarks/run.py, row e): the document is scanned paragraph by paragraph, and a
paragraph or sentence with no digit and none of the words quantities are made of skips
detection altogether (most sentences of real news copy); the map back to the original
is one segment per piece of text, not one entry per character. Every shortcut is exact:
tests/test_scan_stream.py holds each to the long way round.
"""

from __future__ import annotations

import bisect
import html
import re
import sys
from array import array
from dataclasses import dataclass, field
from functools import lru_cache
from fractions import Fraction
from html.parser import HTMLParser
from pathlib import Path
from typing import Any, Literal

from claimcheck import lexicon
from claimcheck.figures import ClaimedFigure
from claimcheck.numbers import NumberError, Written, parse_number
from claimcheck.results import Problem
from claimcheck.verdicts.diagnoses import Diagnosis
from claimcheck.verdicts.hedges import FRAMING_WORDS, RULES

Format = Literal["text", "markdown", "html"]
Status = Literal["checked", "needs-source"]

#: Largest input read, in bytes; a bigger file is a located problem, not a slow run.
MAX_BYTES = 16 * 1024 * 1024
#: Sentences longer than this many characters are cut into pieces of this size for
#: pairing (detection still sees every number); a run-on line cannot slow the scan.
MAX_SENTENCE = 2000


# --- records ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Finding:
    """One numeric claim found in prose."""

    path: str
    """The file as given (``-`` for standard input)."""
    line: int
    """1-based line of the claim's first character in the original file."""
    col: int
    """1-based column (in characters) of that character."""
    sentence: str
    """The sentence it was found in, whitespace collapsed."""
    phrase: str
    """The claim as written, whitespace collapsed: "only down 10%", "990 arrests per day"."""
    kind: str
    """percent, points, count, rate, money, multiple, share or change (a change in words
    only, such as "dipped slightly")."""
    status: Status
    """``checked`` when the sentence carries its own evidence and the claim was judged;
    ``needs-source`` otherwise."""
    figure: ClaimedFigure | None = None
    """The phrase parsed by the figure language, when it parses."""
    figure_text: str | None = None
    """The text the figure was parsed from (the phrase, or a normalised form of it)."""
    compute: str | None = None
    """The computation, with the numbers as written: ``pct_change(31000, 27000)``."""
    inputs: tuple[str, ...] = ()
    """The raw numbers the computation uses, as written: ("31,000", "27,000")."""
    verdict: str | None = None
    """accurate, approximate, inaccurate or unverifiable, for a checked claim."""
    value: str | None = None
    """The recomputed value as shown: "−12.90%"."""
    arithmetic: str | None = None
    """The arithmetic written out: "(27,000 − 31,000) ÷ 31,000 = −12.90%"."""
    rule: str | None = None
    """The rule applied, in words."""
    diagnoses: tuple[Diagnosis, ...] = ()
    """What went wrong (wrong base, points for percent…): kind, sentence and numbers."""
    framing: tuple[str, ...] = ()
    """Words that carry no number ("only", "just")."""
    judgement: Any = None
    """The verdict engine's own record, for callers that want more."""
    end_line: int | None = None
    end_col: int | None = None
    """1-based position of the phrase's last character."""
    note: str | None = None
    """Why a claim that looked checkable was not checked, when that is worth saying."""


@dataclass(frozen=True, slots=True)
class ScanResult:
    """One scanned input: its findings, or the problem that kept it from being read."""

    path: str
    format: str | None = None
    findings: tuple[Finding, ...] = ()
    problems: tuple[Problem, ...] = ()

    @property
    def invalid(self) -> bool:
        return bool(self.problems)

    @property
    def checked(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.status == "checked")

    @property
    def needs_source(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.status == "needs-source")

    @property
    def inaccurate(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.verdict == "inaccurate")

    def counts(self) -> dict[str, int]:
        """Findings by outcome: each verdict, and ``needs-source``."""
        out = {"accurate": 0, "approximate": 0, "inaccurate": 0, "unverifiable": 0, "needs-source": 0}
        for f in self.findings:
            key = f.verdict if f.status == "checked" and f.verdict else "needs-source"
            out[key] = out.get(key, 0) + 1
        return out


# --- reading ------------------------------------------------------------------------------


def read_input(path: str) -> tuple[str | None, Problem | None]:
    """The text of ``path`` (``-`` reads standard input), or a located problem."""
    try:
        if path == "-":
            data = sys.stdin.buffer.read(MAX_BYTES + 1)
        else:
            p = Path(path)
            if p.is_dir():
                return None, Problem(path, 1, 1, "is a directory; give an article file")
            with p.open("rb") as fh:
                data = fh.read(MAX_BYTES + 1)
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

    def build(self, line_starts: list[int]) -> _Doc:
        return _Doc("".join(self.parts), self.seg_plain, self.seg_orig, self.seg_step, self.length, line_starts)


@dataclass(slots=True)
class _Doc:
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


def _html_doc(source: str) -> _Doc:
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


def _text_doc(source: str, markdown: bool) -> _Doc:
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
            out.add(line[pos:], start + pos)
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


def make_doc(source: str, fmt: Format) -> _Doc:
    """The plain text of ``source`` with its map back to original offsets."""
    if source.startswith("\ufeff"):
        # Keep offsets honest: the BOM is a character of the original (column 1 of line 1),
        # so blank it rather than cut it.
        source = " " + source[1:]
    if fmt == "html":
        return _html_doc(source)
    return _text_doc(source, fmt == "markdown")


# --- paragraphs and sentences -------------------------------------------------------------

_PARA_BREAK = re.compile(r"\n[ \t]*\n")

# Candidate ends: terminal punctuation, any closing quotes or brackets, then space.
_SENT_END = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019)\]]*(?=\s)")
_NEXT_START = re.compile(r"\s+[\"'\u201c\u2018(\[]*(?P<first>\S)")

_ABBREV_TITLES = frozenset(
    "mr mrs ms dr prof sen rep gov lt gen col sgt capt cmdr adm maj pres supt insp det "
    "st mt ft jr sr rev hon atty amb fr messrs mme mlle".split()
)
_ABBREV_ALWAYS = frozenset(
    "jan feb mar apr jun jul aug sep sept oct nov dec inc corp co ltd bros vs v etc al "
    "approx est dept univ assn ave blvd rd hwy fig figs vol no nos pp pg ch sec art cf "
    "ca ed eds op".split()
)
# Abbreviations written with inner dots ("U.S.", "e.g.") end a sentence only when a word
# that usually opens one follows ("… in the U.S. The agency …").
_SENTENCE_OPENERS = frozenset(
    "the a an this that these those it its he she they we i his her their our but and "
    "in on at for as after before when while since if meanwhile still however yet so "
    "there here one some many most according".split()
)
_INNER_DOTS = re.compile(r"(?:[A-Za-z]\.){2,}$")


def split_paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty paragraph."""
    spans = []
    pos = 0
    for m in _PARA_BREAK.finditer(text):
        if text[pos : m.start()].strip():
            spans.append((pos, m.start()))
        pos = m.end()
    if text[pos:].strip():
        spans.append((pos, len(text)))
    return spans


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """(start, end) of each sentence of ``text[start:end]``, trimmed of space.

    A period ends a sentence unless it belongs to a title ("Sen.", "Dr."), a standing
    abbreviation ("Jan.", "No.", "Inc."), an initial ("J. Smith"), or a dotted
    abbreviation ("U.S.", "e.g.") not followed by a usual opener; a decimal point
    ("19.1%") is never followed by space, so never ends one. Closing quotes and brackets
    stay with the sentence they close.
    """
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    s = start
    for m in _SENT_END.finditer(text, start, end):
        nxt = _NEXT_START.match(text, m.end(), end)
        if nxt is None:
            continue
        first = nxt.group("first")
        if not (first.isupper() or first.isdigit() or first in "$€£¥"):
            continue
        punct = m.group(0)
        if punct.startswith(".") and len(punct.rstrip("\"'\u201d\u2019)]")) == 1:
            if not _period_ends(text, m.start(), nxt, end):
                continue
        spans.append((s, m.end()))
        s = nxt.start("first")
        while s > m.end() and text[s - 1] in "\"'\u201c\u2018([":
            s -= 1
    spans.append((s, end))
    out = []
    for a, b in spans:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b:
            out.append((a, b))
    return out


def _period_ends(text: str, dot: int, nxt: re.Match, end: int) -> bool:
    """Whether the period at ``dot`` ends its sentence (see :func:`split_sentences`)."""
    w = dot
    while w > 0 and dot - w < 30 and (text[w - 1].isalpha() or text[w - 1] == "."):
        w -= 1
    word = text[w:dot]
    if not word:
        return True
    low = word.lower()
    if _INNER_DOTS.search(word + "."):
        following = re.match(r"[A-Za-z']+", text[nxt.start("first") : nxt.start("first") + 30])
        return following is not None and following.group(0).lower() in _SENTENCE_OPENERS
    if low in _ABBREV_TITLES:
        return False
    if low in _ABBREV_ALWAYS:
        # "No. 3", "Jan. 6": an abbreviation before a number never ends a sentence;
        # before a word, the month and company forms still do not.
        return low == "no" and not nxt.group("first").isdigit()
    if len(word) == 1 and word.isupper():
        return False  # an initial: "J. Smith"
    return True


# --- detection ----------------------------------------------------------------------------

# Month names as prose capitalizes them (the patterns that use them are case-sensitive).
_MONTHS = lexicon.alternation(m.capitalize() for m in lexicon.MONTHS)
_WN_UNITS = lexicon.ONES
_WN_TENS = lexicon.TENS
_WN = (
    r"(?:(?:" + "|".join(_WN_TENS) + r")(?:[-\s](?:" + "|".join(k for k in _WN_UNITS if k not in ("zero",)) + r"))?"
    r"|" + "|".join(sorted(_WN_UNITS, key=len, reverse=True)) + r"|a\s+hundred|one\s+hundred)"
)
_FRACTION_WORDS = lexicon.FRACTION_WORDS
word_number = lexicon.word_number


_NUM = re.compile(
    r"(?<![\w.,/:\-\u2010\u2011@#])(?P<cur>[$€£¥])?(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(?!\d)"
)
_PCT = re.compile(r"\s?(?:%|per[\s-]?cent\b)|[\s-]percent\b", re.I)
_POINTS = re.compile(r"[\s-](?:percentage[\s-]points?|percent(?:age)?[\s-]pts?\.?|pct\.?\s+points?|points?|pts?\.?|pp)\b", re.I)
_PER_BASES = frozenset({"100", "1000", "10000", "100000", "1000000"})
_PER_BEFORE = re.compile(r"\b(?:per|every)\s$", re.I)
_PER_POP = re.compile(
    r"\s+(?:per|for\s+every)\s+(?P<base>1,000,000|100,000|10,000|1,000|1000000|100000|10000|1000|100|thousand|million)\b"
    r"(?:\s+(?:" + lexicon.alternation(lexicon.PER_POPULATION_NOUNS) + r"))?",
    re.I,
)
_SCALE_ATTACHED = re.compile(r"(?:" + lexicon.alternation(lexicon.PROSE_SCALE_ABBREVIATIONS) + r")\b", re.I)
_SCALE_WORD = re.compile(r"\s(?:" + lexicon.alternation(lexicon.SCALE_WORDS) + r")\b", re.I)
# "pounds of" is a weight, not money.
_MONEY_AFTER = re.compile(
    r"\s(?:" + "|".join(re.escape(w) + r"\b" + (r"(?!\s+of)" if w.startswith("pound") else "")
                        for w in sorted(lexicon.PROSE_MONEY_WORDS, key=len, reverse=True)) + ")",
    re.I,
)
_TIME_AFTER = re.compile(r":\d|\s?(?:a\.m\.|p\.m\.|am\b|pm\b|o'clock|[ECMP][SD]?T\b|GMT\b|UTC\b)", re.I)
_ORDINAL_AFTER = re.compile(r"(?:st|nd|rd|th)\b", re.I)
_DATE_AFTER = re.compile(r"/\d|-\d{1,2}-\d|\s(?:" + _MONTHS + r")\b\.?")
_DATE_BEFORE = re.compile(r"(?:\b(?:" + _MONTHS + r")\.?|\d/)\s?$")
_HYPHEN_UNIT = re.compile(r"[-\u2010\u2011](?P<u>percent|per-cent|point|fold|times)\b", re.I)
_HYPHEN_WORD = re.compile(r"[-\u2010\u2011][A-Za-z]")
_LABEL_BEFORE = re.compile(
    r"(?:\b(?:Title|Section|Sec\.|Route|Rte\.|Form|Chapter|Ch\.|Article|Art\.|Rule|Highway|Hwy\.|Interstate"
    r"|Flight|Room|Rm\.|No\.|Nos\.|Number|Page|Volume|Vol\.|Part|Proposition|Prop\.|Measure|Bill|Order"
    r"|District|Ward|Precinct|Local|Gate|Category|Grade|Game|Week|Day|Pier|Exit|Line|Platform|Terminal"
    r"|Unit|Apartment|Apt\.|Suite|Box|Docket|Case|Resolution|Ordinance|Amendment|Level|Phase|Stage"
    r"|Channel|Station|Floor|Building|Lot|Model|Version|Windows|Apollo|Boeing|Airbus|iPhone|Galaxy"
    r"|Zone|Region|Regulation|Directive|Code|Paragraph|Clause|Item|Step|Slide|Figure|Fig\.|Table"
    r"|Appendix|Exhibit|Count|Schedule|Class|Tier|Bus|Train|Pixel|Formula|Mark|Mk\.|Series|Type"
    r"|H\.R\.|S\.|HR|SB|AB|HB|SF|HF|LB|Ex\.|Ref\.|Ticket|Policy|Patent|Seat|Block|Row|Plot|Lane)"
    r"\s$|#\s?$)"
)
_ADDRESS_AFTER = re.compile(
    r"\s(?:[NSEW]\.?\s)?(?:[A-Z][a-z]+\.?\s|\d{1,3}(?:st|nd|rd|th)\s){1,3}"
    r"(?:St|Street|Ave|Avenue|Blvd|Boulevard|Road|Rd|Drive|Dr|Lane|Ln|Way|Place|Pl|Court|Ct"
    r"|Parkway|Pkwy|Terrace|Circle|Square|Plaza|Highway|Pike|Alley)\b"
)
# Longer than any match of _DATE_BEFORE ("September. ") or _LABEL_BEFORE ("Proposition ").
_TAIL = 24
_ZIP_BEFORE = re.compile(r"\b[A-Z]{2}\s$")
_PHONE = re.compile(r"(?<![\w-])(?:\+?1[\s.-])?(?:\(\d{3}\)\s?|\d{3}[\s.-])\d{3}[.-]\d{4}(?!\d)|(?<![\w-])\d{3}-\d{4}(?![\d-])")
_URL = re.compile(
    r"\b(?:https?://|www\.)[^\s<>\"]{1,2000}|[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,5}"
    r"|\b[\w-]{1,63}\.(?:com|org|net|gov|edu|io|co|us|uk)(?:/[^\s<>\"]{0,2000})?",
    re.I,
)
_RANGE_GAP = re.compile(r"\s?[-\u2013]\s?|\s(?:to|and)\s")

_PERIODS = lexicon.PERIOD_WORDS
_RATE_AFTER = re.compile(
    r"(?:\s+(?:[A-Za-z][\w'-]*\s+){0,2}?(?:a|per|each|every|an)\s+(?P<p1>day|week|month|year|hour)\b"
    r"(?!\s+(?:ago|earlier|later|prior)\b)"
    r"|\s+(?:[A-Za-z][\w'-]*\s+)?(?P<p2>daily|weekly|monthly|annually|yearly|nightly|hourly)\b(?!\s+(?:basis|average))"
    r"|/(?P<p3>day|week|month|year|hour)\b)",
    re.I,
)
_DAILY_NOUN = re.compile(r"\s+(?P<p>daily|weekly|monthly|annual|yearly|nightly)\s+(?P<noun>[a-z][\w'-]*)")
_NOUN_AFTER = re.compile(r"\s+(?P<noun>[a-zA-Z][\w'-]*)")
_NOT_NOUNS = frozenset(
    "in on at as to from of and or but by for with than since during between through "
    "the a an this that these those it its last next per each every over under about "
    "who which when where while was were is are be been had has have will would could "
    "more less fewer higher lower up down compared versus vs".split()
)
_UP_NOUNS = "|".join(lexicon.UP_NOUNS)
_DOWN_NOUNS = "|".join(lexicon.DOWN_NOUNS)
_DIR_AFTER = re.compile(
    r"\s+(?:(?P<upn>(?:" + _UP_NOUNS + r")s?)|(?P<downn>(?:" + _DOWN_NOUNS + r")s?)"
    r"|(?P<upc>" + "|".join(lexicon.UP_COMPARATIVES) + r")|(?P<downc>" + "|".join(lexicon.DOWN_COMPARATIVES) + r"))\b",
    re.I,
)
_SHARE_OF_AFTER = re.compile(r"\s+of\b", re.I)

_UP_WORDS = lexicon.PROSE_UP
_DOWN_WORDS = lexicon.PROSE_DOWN
_UP_NOUN_OF = tuple(f"{a} {n} of" for n in _UP_NOUNS.split("|") for a in ("a", "an"))
_DOWN_NOUN_OF = tuple(f"{a} {n} of" for n in _DOWN_NOUNS.split("|") for a in ("a", "an"))


def _alt(words: tuple[str, ...] | list[str]) -> str:
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


_HEDGE_WORDS: dict[str, str] = {}
for _r in RULES:
    if _r.name in ("exact", "multiple", "slightly", "sharply"):
        continue
    for _w in _r.words:
        if _w != "~":
            _HEDGE_WORDS[_w.lower()] = _r.name

# One look-back step: the last hedge, framing word, direction or article before a
# position. Applied to a window of at most 60 characters, a few times per number.
_PRE_STEP = re.compile(
    r"(?:^|(?<=[\s(\u2014\u2013,\"\u201c:;]))(?:"
    r"(?P<dir_up>(?:" + _alt(list(_UP_WORDS) + list(_UP_NOUN_OF)) + r")(?:\s+by)?)"
    r"|(?P<dir_down>(?:" + _alt(list(_DOWN_WORDS) + list(_DOWN_NOUN_OF)) + r")(?:\s+by)?)"
    r"|(?P<hedge>" + _alt(list(_HEDGE_WORDS)) + r")"
    r"|(?P<framing>" + _alt([w for w in FRAMING_WORDS]) + r")"
    r"|(?P<art>a|an)"
    r")\s+$|~\s?$",
    re.I,
)

# The last word of every phrase _PRE_STEP knows: a number whose preceding word is not
# one of these has nothing to look back for, and most numbers are like that.
_PRE_LAST_WORDS = frozenset(
    w.split()[-1].lower()
    for w in list(_UP_WORDS) + list(_DOWN_WORDS) + list(_UP_NOUN_OF) + list(_DOWN_NOUN_OF)
    + list(_HEDGE_WORDS) + list(FRAMING_WORDS) + ["a", "an", "by"]
)
_LAST_WORD = re.compile(r"([A-Za-z]+)\s+$|~\s?$")
# Every _PRE_STEP match ends where the search window ends. When the window holds no two
# whitespace characters in a row, each \s+ in it matches one character, so no match is
# longer than the longest phrase plus " by" and a space: searching only that tail finds
# the same (leftmost) match, at less than half the cost.
_PRE_MAX = max(len(w) for w in list(_UP_WORDS) + list(_DOWN_WORDS) + list(_UP_NOUN_OF) + list(_DOWN_NOUN_OF)
               + list(_HEDGE_WORDS) + list(FRAMING_WORDS)) + len(" by") + 2
_DOUBLE_SPACE = re.compile(r"\s\s")


@lru_cache(maxsize=8192)
def _parse_number(text: str) -> Written:
    return parse_number(text)


# "double" and "triple" alone are adjectives more often than claims ("a double murder").
_NOT_ALONE_MULTIPLES = frozenset({"double", "triple", "quadruple", "trebled", "twice"})
# Shares, multiples and percents written in words.
_WORD_QUANTITY = re.compile(
    r"\b(?:"
    r"(?P<pct>" + _WN + r")[\s-](?:percent|per\s?cent)\b"
    r"|(?P<one>" + _WN + r"|\d{1,3})\s+(?:in|out\s+of)\s+(?:every\s+)?(?P<every>" + _WN + r"|\d{1,3}(?:,\d{3})*)\b"
    r"|(?P<fnum>a|one|" + _WN + r")[\s-](?P<frac>" + lexicon.alternation(_FRACTION_WORDS) + r")(?=\s+(?:of|the|all)\b)"
    r"|(?P<half>half)(?=\s+(?:of|the|all|its|their|those|these|his|her|our)\b|\s*[\u2014\u2013)])"
    r"|(?P<maj>(?:a|the)\s+(?:slim\s+|narrow\s+|large\s+|vast\s+|clear\s+|solid\s+|bare\s+)?majority)(?=\s+of\b)"
    r"|(?P<mult>" + lexicon.alternation(w for w in lexicon.MULTIPLE_WORDS if w not in _NOT_ALONE_MULTIPLES) + r")"
    r"|(?P<twice>twice|(?:" + _WN + r"|\d{1,3}(?:\.\d{1,3})?)\s+times)(?=\s+(?:as\s+\w+|more|higher|larger|greater|bigger|the|that|what|over)\b)"
    r"|(?P<fold>" + _WN + r"|\d{1,3}(?:\.\d{1,3})?)[-\u2010\u2011\s]?fold\b"
    r"|(?P<byfrac>(?:a|one)[\s-](?:" + lexicon.alternation(w for w in _FRACTION_WORDS if not w.endswith("s")) + r")|(?<=by\s)half)(?=,?\s+(?:to|from)\s)"
    r"|(?P<wscale>" + _WN + r")\s+(?P<wsc>" + lexicon.alternation(lexicon.SCALE_WORDS) + r")\b"
    r")",
    re.I,
)

# A change stated in words alone: "dipped slightly", "rose sharply", "plunged".
_CHANGE_VERBS = lexicon.alternation(lexicon.CHANGE_VERBS)
_CHANGE_ADVERBS = lexicon.alternation(lexicon.CHANGE_ADVERBS)
_CHANGE_WORDS = re.compile(
    r"\b(?:(?P<v1>" + _CHANGE_VERBS + r")\s+(?:(?:up|down|upward|downward|higher|lower)\s+)?(?P<a1>" + _CHANGE_ADVERBS + r")"
    r"|(?P<a2>" + _CHANGE_ADVERBS + r")\s+(?P<v2>" + _CHANGE_VERBS + r")"
    r"|(?P<v3>" + lexicon.alternation(lexicon.SIZED_CHANGE_VERBS) + r"))\b",
    re.I,
)
_CHANGE_UP = re.compile(lexicon.alternation(lexicon.UP_STEMS), re.I)


@dataclass(slots=True)
class _Q:
    """A quantity found in one sentence (positions relative to the sentence)."""

    start: int  # the number (or the word quantity) itself
    end: int  # after the number, its unit and its rate words
    pstart: int  # the claim phrase: with hedges, framing and direction before it
    pend: int
    kind: str  # percent, points, count, rate, money, multiple, share, change
    num: str = ""  # the number as written, with its suffix: "31,000", "19.1%", "$2.45bn"
    written: Written | None = None
    per: str | None = None
    currency: str | None = None
    noun: str | None = None
    hedge: str | None = None
    framing: tuple[str, ...] = ()
    direction: str | None = None  # up, down
    share_of: bool = False
    words: bool = False  # a quantity in words ("doubled", "one in three")
    byfrac: bool = False  # "by a third": a change only when a direction word precedes it
    avg: bool = False  # "averaged $3.19": an average is a level, fit to be evidence
    used: bool = False

    @property
    def plain(self) -> bool:
        """A raw level, fit to be evidence: digits, no hedge, no direction."""
        return (
            not self.words and self.written is not None and (self.hedge is None or self.avg)
            and self.direction is None and self.kind in ("count", "rate", "money", "percent")
        )

    @property
    def change(self) -> bool:
        """A claimed change: a percent, points, difference, multiple or change in words."""
        if self.kind in ("multiple", "change"):
            return True
        return self.direction is not None and self.kind in ("percent", "points", "count", "rate", "money")


# What every phone number and every web or mail address contains: a sentence without
# these holds none, and the two full patterns need not run over it.
_PHONE_HINT = re.compile(r"\d[.-]\d{4}")
_URL_HINT = re.compile(r"://|www\.|@|\.(?:com|org|net|gov|edu|io|co|us|uk)", re.I)


def _excluded_spans(s: str) -> list[tuple[int, int]]:
    spans = [m.span() for m in _PHONE.finditer(s)] if _PHONE_HINT.search(s) else []
    if _URL_HINT.search(s):
        spans += [m.span() for m in _URL.finditer(s)]
    spans.sort()
    return spans


def _inside(spans: list[tuple[int, int]], i: int) -> bool:
    k = bisect.bisect_right(spans, (i, 10**18)) - 1
    return k >= 0 and spans[k][0] <= i < spans[k][1]


def _number_kind(s: str, m: re.Match) -> _Q | None:
    """Classify the number matched at ``m``; ``None`` when it is not a claim (a year,
    date, time, ordinal, label, address or phone number)."""
    a, e = m.start(), m.end()
    num = m.group("num")
    cur = m.group("cur")
    before = s[max(0, a - 40) : a]
    after = s[e : e + 80]
    if before.endswith(("\x1b[", "\x1b[0;", "\x1b[1;", "\x9b")):
        return None  # a terminal escape pasted into the text ("\x1b[31m"), not a number
    if _TIME_AFTER.match(after) or _ORDINAL_AFTER.match(after):
        return None
    # Both patterns end at the end of ``before`` and are shorter than _TAIL, so only its
    # tail is searched (a search still sees the characters before its start for \b).
    tail = max(0, len(before) - _TAIL)
    if _DATE_AFTER.match(after) or (
        "," not in num and "." not in num and len(num) <= 2 and _DATE_BEFORE.search(before, tail)
    ):
        return None
    if not cur and _LABEL_BEFORE.search(before, tail):
        return None
    if not cur and num.replace(",", "") in _PER_BASES and _PER_BEFORE.search(before):
        return None  # "412 per 100,000 residents": the 100,000 is the unit of a rate
    if not cur and _ADDRESS_AFTER.match(after):
        return None
    if not cur and len(num) == 5 and num.isdigit() and _ZIP_BEFORE.search(before):
        return None
    kind = "count"
    text_end = e
    scale_text = ""
    pm = _PCT.match(after)
    ptm = _POINTS.match(after)
    hm = _HYPHEN_UNIT.match(after)
    if ptm and not cur:
        kind = "points"
        text_end = e + ptm.end()
    elif pm and not cur:
        kind = "percent"
        text_end = e + pm.end()
    elif hm:
        u = hm.group("u").lower()
        kind = "percent" if u.startswith("per") else "points" if u == "point" else "multiple"
        text_end = e + hm.end()
    else:
        sm = _SCALE_ATTACHED.match(after) or _SCALE_WORD.match(after)
        if sm:
            scale_text = sm.group(0).strip()
            text_end = e + sm.end()
        elif after[:1].isalpha():
            if after[:1] in "xX" and not after[1:2].isalnum():
                kind = "multiple"
                text_end = e + 1
            else:
                return None  # "5G", "3D", "10am" is caught above: a label
        elif _HYPHEN_WORD.match(after):
            return None  # "a 90-day pause", "a 42-year-old man": a description, not a claim
    is_year = (
        kind == "count" and not cur and not scale_text and len(num) == 4 and num.isdigit()
        and 1900 <= int(num) <= 2100
    )
    if is_year:
        return None
    if kind == "count" and not cur and re.search(r"[’'`]$", before) and len(num) == 2:
        return None  # "'90s"
    if re.match(r"s\b", after) and len(num) == 4:
        return None  # "1990s"
    rest = s[text_end : text_end + 80]
    mm = _MONEY_AFTER.match(rest)
    currency = None
    if cur:
        currency = cur
    elif mm and kind == "count":
        currency = mm.group(0).strip().lower()
        text_end += mm.end()
        rest = s[text_end : text_end + 80]
    parse_text = (cur or "") + num + (("%" if kind == "percent" else "") if kind in ("percent", "points") else "")
    if scale_text:
        parse_text += (" " if len(scale_text) > 2 and not scale_text.lower() in ("bn", "mn", "mln", "tn") else "") + scale_text
    try:
        written = _parse_number(parse_text.replace(" ", " ") if kind != "points" else num)
    except NumberError:
        return None
    q = _Q(a, text_end, a, text_end, kind if not currency or kind != "count" else "money",
           num=s[a:text_end].strip(), written=written, currency=currency)
    return q


def _finish(s: str, q: _Q) -> None:
    """Extend ``q`` with its rate words, direction nouns and the words before it."""
    rest = s[q.end : q.end + 100]
    pp = _PER_POP.match(rest) if q.kind == "count" else None
    if pp:
        q.per = "per " + pp.group("base").replace(",", "")
        q.kind = "rate"
        q.end += pp.end()
        q.pend = q.end
    elif q.kind in ("count", "money"):
        dm = _DAILY_NOUN.match(rest)
        rm = _RATE_AFTER.match(rest)
        if dm:
            q.per = _PERIODS[dm.group("p").lower()]
            q.noun = dm.group("noun").lower()
            q.kind = "rate" if q.kind == "count" else q.kind
            q.end += dm.end()
            q.pend = q.end
        elif rm:
            q.per = _PERIODS[(rm.group("p1") or rm.group("p2") or rm.group("p3")).lower()]
            q.kind = "rate" if q.kind == "count" else q.kind
            words = rm.group(0).split()
            if len(words) > 2 and words[0].lower() not in _NOT_NOUNS:
                q.noun = words[0].lower()
            q.end += rm.end()
            q.pend = q.end
    rest = s[q.end : q.end + 100]
    dm2 = _DIR_AFTER.match(rest)
    if dm2 and q.kind in ("percent", "points", "count", "money", "rate", "multiple"):
        if dm2.group("upn") or dm2.group("upc"):
            q.direction = "up"
        else:
            q.direction = "down"
        q.pend = q.end + dm2.end()
    elif q.kind == "percent" and _SHARE_OF_AFTER.match(rest):
        q.share_of = True
    if q.noun is None and q.kind in ("count", "rate", "money"):
        nm = _NOUN_AFTER.match(s, q.end)
        if nm and nm.group("noun").lower() not in _NOT_NOUNS:
            q.noun = nm.group("noun").lower()
    # Look back for hedges, framing words, direction words and an article.
    pos = q.start
    framing: list[str] = []
    for _ in range(6):
        lo = max(0, pos - 60)
        lw = _LAST_WORD.search(s, max(0, pos - 30), pos)
        if lw is None or (lw.group(1) is not None and lw.group(1).lower() not in _PRE_LAST_WORDS):
            break
        if pos - lo > _PRE_MAX and not _DOUBLE_SPACE.search(s, lo, pos):
            lo = pos - _PRE_MAX
        pm = _PRE_STEP.search(s, lo, pos)
        if pm is None:
            break
        if pm.group("dir_up") or pm.group("dir_down"):
            if q.direction is None:
                q.direction = "up" if pm.group("dir_up") else "down"
            elif pm.group("dir_up") and q.direction == "down" or pm.group("dir_down") and q.direction == "up":
                break  # "rose … a 10% drop": not one phrase
        elif pm.group("hedge"):
            if q.hedge is not None:
                break
            hw = re.sub(r"\s+", " ", pm.group("hedge").lower())
            q.hedge = _HEDGE_WORDS.get(hw, "about")
            q.avg = "averag" in hw
        elif pm.group("framing"):
            framing.append(re.sub(r"\s+", " ", pm.group("framing").lower()))
        elif pm.group("art"):
            pos = pm.start()
            break
        else:  # "~"
            q.hedge = "about"
        pos = pm.start()
    q.pstart = pos
    q.framing = tuple(reversed(framing))
    if q.kind in ("count", "rate", "money") and q.direction is None and q.hedge is None and s[q.pstart : q.start].strip().lower() in ("a", "an"):
        q.pstart = q.start


_WORDS = re.compile(r"[a-z]+")
_WQ_STRONG = frozenset(
    ["percent", "cent", "majority", "times", "fold"] + list(_FRACTION_WORDS) + list(lexicon.MULTIPLE_WORDS)
    + list(lexicon.SCALE_WORDS)
)
_WN_SET = frozenset(list(_WN_UNITS) + list(_WN_TENS))
_DIGIT_IN = re.compile(r"\d\s+(?:in|out\s+of)\s")
# The words without which _CHANGE_WORDS cannot match: the last word of each adverb and
# the first of each sized verb.
_CHANGE_TRIGGERS = frozenset(
    [w.split()[-1] for w in lexicon.CHANGE_ADVERBS] + [w.split()[0] for w in lexicon.SIZED_CHANGE_VERBS]
)


_DIGIT = re.compile(r"\d")
# Every word whose presence lets _word_quantities or _change_words find anything in a
# sentence without digits (their own first checks, united; "…fold" separately).
_NUMBER_WORDS = _WQ_STRONG | _CHANGE_TRIGGERS | _WN_SET


@lru_cache(maxsize=4)
def _tokens(s: str) -> tuple[str, frozenset[str]]:
    """``s`` lower-cased and its set of words; the prefilter, the word quantities and the
    change words all ask for it about the same sentence in turn."""
    low = s.lower()
    return low, frozenset(_WORDS.findall(low))


def _may_hold_numbers(s: str) -> bool:
    """False only when ``s`` can hold no quantity at all: no digit, and none of the words
    that quantities or changes in words are made of. Most sentences of real news copy are
    like that (quotes, narrative, attribution), and they skip detection entirely."""
    if _DIGIT.search(s):
        return True
    low, words = _tokens(s)
    return not _NUMBER_WORDS.isdisjoint(words) or "fold" in low


# The words without which each alternative of _WORD_QUANTITY cannot match: "$3.2 million"
# passes the first check above (a scale word) but holds no number word to scale, and
# the full pattern costs tens of microseconds a sentence.
_WQ_ALONE = frozenset(["times", "majority"] + list(lexicon.MULTIPLE_WORDS) + list(_FRACTION_WORDS))
_WQ_AFTER_WN = frozenset(["percent", "cent"] + list(lexicon.SCALE_WORDS))
_WN_ANY = _WN_SET | {"hundred"}
_DIGIT_IN_EVERY = re.compile(r"\d\s+(?:in|out\s+of)\s+(?:every\s+)?\d{1,3}(?:,\d{3})*\b", re.I)


# The four characters that match an ASCII letter under re.I but lower-case to none
# ("İ", "ı", "ſ", the Kelvin sign): with one of them the words above may not show what
# the pattern sees, and the guard stands aside.
_CASE_FOLDS = re.compile("[\u0130\u0131\u017f\u212a]")


def _wq_possible(s: str, low: str, words: frozenset[str]) -> bool:
    """Whether _WORD_QUANTITY can match anywhere in ``s`` (a necessary condition only,
    for text without _CASE_FOLDS)."""
    if not _WQ_ALONE.isdisjoint(words) or "fold" in low:
        return True
    if "doubl" in low or "tripl" in low or "quadrupl" in low or "halv" in low:
        return True  # "doubled" and its kin match at the start of a longer word too
    wn = not _WN_ANY.isdisjoint(words)
    if wn and not _WQ_AFTER_WN.isdisjoint(words):
        return True  # "twenty percent", "two million"
    # "one in five", "1 in 4" (but not "12,000 in 2024": four digits are no "every")
    return ("in" in words or "out" in words) and (wn or _DIGIT_IN_EVERY.search(s) is not None)


def _word_quantities(s: str) -> list[_Q]:
    # The full pattern tries many alternatives at every word; most sentences hold none of
    # the words it needs, and a set lookup says so first.
    low, words = _tokens(s)
    if (
        _WQ_STRONG.isdisjoint(words)
        and not ("fold" in low and any(w.endswith("fold") for w in words))
        and not (("in" in words or "out" in words) and (not _WN_SET.isdisjoint(words) or _DIGIT_IN.search(s)))
    ):
        return []
    if not _wq_possible(s, low, words) and _CASE_FOLDS.search(s) is None:
        return []
    out = []
    for m in _WORD_QUANTITY.finditer(s):
        a, e = m.span()
        g = m.lastgroup
        written = None
        kind = "share"
        num = m.group(0)
        if m.group("pct") is not None:
            v = word_number(m.group("pct"))
            if v is None:
                continue
            kind = "percent"
            written = Written(Fraction(v, 100), Fraction(1, 100), num, percent=True)
        elif m.group("one") is not None:
            # "38 out of 250 applicants, or 15%": two raw numbers, the evidence for a
            # share stated beside them; "1 in 5", "one out of four" stay claims.
            if m.group("one").isdigit() and m.group("one") != "1" and m.group("every")[:1].isdigit() and "out" in num.lower():
                continue
            kind = "share"
        elif m.group("byfrac") is not None:
            kind = "percent"  # "fell by a third, from 2,400 to 1,650": a change, kept only with a direction
        elif m.group("fnum") is not None or m.group("half") is not None or m.group("maj") is not None:
            kind = "share"
        elif m.group("mult") is not None or m.group("twice") is not None or m.group("fold") is not None:
            kind = "multiple"
        elif m.group("wscale") is not None:
            v = word_number(m.group("wscale"))
            if v is None:
                continue
            kind = "count"
            scale = lexicon.SCALE_WORDS[m.group("wsc").lower()]
            written = Written(Fraction(v * scale), Fraction(scale), num, scaled=True)
        del g
        q = _Q(a, e, a, e, kind, num=num, written=written, words=True)
        q.byfrac = m.group("byfrac") is not None
        out.append(q)
    return out


def _change_words(s: str) -> list[_Q]:
    if _CHANGE_TRIGGERS.isdisjoint(_tokens(s)[1]):
        return []
    out = []
    for m in _CHANGE_WORDS.finditer(s):
        q = _Q(m.start(), m.end(), m.start(), m.end(), "change", num=m.group(0), words=True)
        q.direction = "up" if _CHANGE_UP.search(m.group(0)) else "down"
        out.append(q)
    return out


def detect(s: str) -> list[_Q]:
    """Every numeric claim in sentence ``s``, in order; change words are kept apart by
    :func:`_change_words` since they are claims only when evidence is beside them."""
    excluded: list[tuple[int, int]] | None = None
    words = _word_quantities(s)
    taken = [(q.start, q.end) for q in words]
    out: list[_Q] = []
    for m in _NUM.finditer(s):
        if excluded is None:
            excluded = _excluded_spans(s)
        if excluded and _inside(excluded, m.start()):
            continue
        if any(a <= m.start() < b for a, b in taken):
            continue
        q = _number_kind(s, m)
        if q is None:
            continue
        out.append(q)
    # A range "10 to 15 percent", "10-15%": the first number takes the second's unit and
    # the two become one claim.
    merged: list[_Q] = []
    for q in out:
        if merged:
            p = merged[-1]
            gap = s[p.end : q.start]
            if (
                _RANGE_GAP.fullmatch(gap)
                and not p.used
                and (
                    (p.kind == "count" and q.kind != "count" and not p.currency)
                    or gap.strip() in ("-", "\u2013")
                )
                and not re.search(r"\bfrom\s+$", s[max(0, p.start - 10) : p.start], re.I)
            ) or (
                gap.strip() in ("-", "\u2013") and p.kind == q.kind
            ):
                p.end = q.end
                p.pend = q.end
                p.num = s[p.start : q.end]
                p.kind = q.kind if q.kind != "count" else p.kind
                p.written = None  # a range is listed, never used as evidence
                p.words = True
                continue
        merged.append(q)
    merged.extend(words)
    merged.sort(key=lambda q: q.start)
    for q in merged:
        _finish(s, q)
    return [q for q in merged if not (q.byfrac and q.direction is None)]


# --- pairing a claim with its own evidence -----------------------------------------------

_CONJ = re.compile(r"\b(?:and|but|while|whereas|although|though|when|which|who|after|before|because|if|yet|so|then|with|without|whose|meanwhile)\b", re.I)
_TIME_TOKEN = re.compile(r"\b(?:(?:19|20)\d\d|" + _MONTHS + r")\b")
_LABEL_AFTER = re.compile(
    r"\s+(?:in|on|as\s+of|at|during|for|through|by|last|this|a\s+year|the\s+(?:previous|prior|same))\b"
    r"[^,;:()\u2014\u2013\"\u201d]{0,40}?(?=$|[,;:()\u2014\u2013.\"\u201d]|\s+(?:to|from|and|or|but|while|a|an|up|down|according)\b)",
    re.I,
)
_FT_GAP = re.compile(
    r"(?P<noun>\s+[a-z][\w'-]*)?(?P<label>\s+(?:in|on|as\s+of|at|during|for|through|by|last|this|a\s+year|the\s+(?:previous|prior|same))\b[^;:()\u2014]{0,50}?"
    r"|\s*\([^()]{0,40}\))?\s*,?\s+to\s+",
    re.I,
)
_TF_GAP = re.compile(
    r"(?P<noun>\s+(?!(?:in|on|at|for|by|from|last|this|and|or)\b)[a-z][\w'-]*)?"
    r"(?P<label>\s+(?:in|on|as\s+of|at|during|for|through|by|last|this)\b[^;:()\u2014]{0,50}?)?"
    r"\s*,?\s+(?:(?:up|down)\s+from|from|compared\s+(?:with|to))\s+",
    re.I,
)
# "2,940 permits in 2024, down from 3,610 in 2023": the new level, then the old.
_UPFROM_GAP = re.compile(
    r"(?:\s+of\s+[a-z][\w'-]*)?(?:\s+(?!(?:of|in|on|at|for|by|and|or|but|while)\b)[a-z][\w'-]*){0,2}?"
    r"(?P<label>\s+(?:in|on|as\s+of|at|during|for|through|by|last|this|a\s+year)\b[^,;:()\u2014]{0,40}?)?"
    r"\s*,\s*(?:(?:up|down)\s+from|compared\s+(?:with|to))\s+",
    re.I,
)
_BEFORE_GAP = re.compile(
    r"(?P<time>\s+(?:in|since|over|during|last|this|between|compared\s+(?:with|to)|from|through|so\s+far"
    r"|year\s+over\s+year|on\s+the\s+year|a\s+year|the\s+past)\b[^,;:()\u2014]{0,40}?)?"
    r"\s*[,\u2014\u2013(:]?\s*"
    r"(?:(?:going|falling|rising|dropping|climbing|sliding|moving|increasing|decreasing|declining|growing|jumping"
    r"|shrinking|slipping|having\s+(?:gone|fallen|risen|dropped|climbed|grown|increased|decreased|declined))\s+)?from\s+",
    re.I,
)
_AFTER_GAP = re.compile(
    r"(?P<label>\s+(?:in|on|as\s+of|at|during|for|through|by|last|this|a\s+year)\b[^,;:()\u2014]{0,40}?)?"
    r"\s*(?:,|\u2014|\u2013|--|\(|:)\s*"
    r"(?:(?:or|which\s+is|which\s+was|that\s+is|that's|that\u2019s|that\s+was|representing|marking|amounting\s+to|an?\s+change\s+of)\s+)?",
    re.I,
)
_SHARE_GAP = re.compile(r"\s+(?:of|out\s+of)\s+(?:the\s+|all\s+|those\s+|these\s+|its\s+|their\s+)?", re.I)
# "Of the 412 bridges inspected, 97 …": the whole opens the clause, the part follows.
_OF_WHOLE_OPENING = re.compile(r"(?:^|[,;:(\u2014\u2013]\s*)[\"\u201c]?(?:Of|of)\s+(?:the\s+|all\s+|those\s+|these\s+)?$")
# "Nearly half of the county's 1,870 poll workers — 712 — …": a share claim, its whole, its part.
_OF_WHOLE = re.compile(r"\s+of\s+(?:the\s+|all\s+|its\s+|their\s+)?(?:[A-Za-z]+(?:'s|\u2019s)\s+)?$", re.I)
_WHOLE_PART_GAP = re.compile(r"(?:\s+[a-z][\w'-]*){0,4}\s*(?:,|\u2014|\u2013)\s*")
_PART_CLOSE = re.compile(r"\s*(?:,|\u2014|\u2013|\))")
_SHARE_CLAIM_BEFORE = re.compile(
    r"(?:\s+[a-z][\w'-]*){0,5}\s*(?:,|\(|\u2014|\u2013|:)\s*(?:(?:or|that\s+is|i\.e\.)\s+)?"
)
_SHARE_CLAIM_AFTER = re.compile(
    r"(?:\s+[a-z][\w'-]*){0,4}\s*(?:,|\(|\u2014|\u2013|:)\s*(?:(?:or|that\s+is|i\.e\.)\s+)?(?:exactly\s+|precisely\s+)?"
)
_BASE = re.compile(
    r"\b(?:since|from|compared\s+(?:with|to)|than|versus|vs\.?|relative\s+to)\s+(?:the\s+)?(?:same\s+\w+\s+(?:in|of)\s+)?"
    r"(?:levels?\s+(?:in|of)\s+)?(?P<t>(?:19|20)\d\d|" + _MONTHS + r")\b",
)
# "compared with" sets a number beside another; it is the old level of the same thing
# only when a time is named with it ("compared with $29.6 billion a year ago").
_COMPARED = re.compile(r"\bcompared\s+(?:with|to)\b", re.I)
_TIME_LABEL = re.compile(
    r"\b(?:(?:19|20)\d\d|" + _MONTHS + r"|ago|earlier|before|previous|prior|last|year|month|week|quarter|decade)\b", re.I
)
_RANGE_FROM = re.compile(r"\b(?:range[sd]?|ranging|varie[sd]|varying|vary|spread)\s+(?:\w+\s+)?from\s+$", re.I)
# "grown an average of 5% a year": a yearly rate, compounded, never the total change.
_PER_PERIOD_AFTER = re.compile(r"\s+(?:a|per|each|every)\s+(?:year|month|week|day|quarter|decade)\b|\s+(?:annually|yearly)\b", re.I)
_PER_PERIOD_BEFORE = re.compile(r"\b(?:annual(?:ly|ized)?|yearly|compound(?:ed)?)\b[^,;:]{0,30}$", re.I)
# "The arrest rate rose 20%, from 410 arrests…": a rate cannot be recomputed from counts.
_RATE_SUBJECT = re.compile(r"\b(?:rates?|per[\s-]capita|ratio)\b", re.I)
_PER_POP_AFTER = re.compile(r"\s*(?:per|for\s+every|for\s+each|out\s+of\s+every)\s", re.I)
_PERIOD_OF = re.compile(r"\s+(?:in|during|for)\s+(?P<t>(?:19|20)\d\d|" + _MONTHS + r")\b")
# "The decline slowed from 5% to 3%": a change in the size of a change, where no percent
# change of the two percents is meant (DESIGN trap list).
_CHANGE_OF_CHANGE = re.compile(
    r"\b(?:slow(?:ed|ing|s|down)?|accelerat\w*|quicken\w*|decelerat\w*|pace|growth|inflation"
    r"|rate\s+of\s+(?:growth|increase|decline|decrease|change)|(?:decline|increase|drop|rise)\s+(?:slowed|eased|narrowed|widened))",
    re.I,
)
_ANAPHORA = re.compile(
    r"[\"'\u201c\u2018(]*(?:That|This|It|Those|These|They|The\s+(?:figure|number|total|count|tally|drop|decline|decrease"
    r"|increase|rise|change|fall|jump|gain|dip|numbers|figures|totals))\b"
)


@dataclass(slots=True)
class _Evidence:
    func: str
    first: _Q  # old (changes) or part (shares)
    second: _Q  # new or whole
    label_first: str
    label_second: str
    start: int
    end: int
    claim_of: bool = False  # "Nearly half of the 3,400 workers, 2,180, …": the claim sits before the whole


def _time_key(token: str) -> str:
    """A year as written; a month by its first three letters ("Sept." is "sep")."""
    return token if token[:1].isdigit() else token[:3].lower()


def _time_tokens(text: str) -> set[str]:
    return {_time_key(t) for t in _TIME_TOKEN.findall(text)}


def _noun_key(noun: str | None) -> str | None:
    if not noun:
        return None
    return noun[:-1] if noun.endswith("s") else noun


_CURRENCY_KEYS = {
    "dollar": "$", "dollars": "$", "euro": "€", "euros": "€", "pound": "£", "pounds": "£", "cent": "¢", "cents": "¢",
}


def _currency_key(q: _Q) -> str | None:
    return _CURRENCY_KEYS.get(q.currency, q.currency) if q.currency else None


def _same_unit(a: _Q, b: _Q) -> bool:
    # "from €120 to $150": different currencies are different units (trap-currencies).
    if a.kind != b.kind or a.per != b.per or _currency_key(a) != _currency_key(b):
        return False
    ka, kb = _noun_key(a.noun), _noun_key(b.noun)
    return ka is None or kb is None or ka == kb


def _label(s: str, q: _Q) -> tuple[str, int]:
    """The time label after a raw number ("in July", "as of July 27"), past its noun."""
    end = q.end
    if q.noun:
        nm = _NOUN_AFTER.match(s, end)
        if nm and nm.group("noun").lower() == q.noun:
            end = nm.end()
    m = _LABEL_AFTER.match(s, end)
    return (m.group(0), m.end()) if m else ("", end)


def _evidence(s: str, qs: list[_Q]) -> list[_Evidence]:
    """The raw-number structures in a sentence: from X to Y, to Y from X, X of Y."""
    out: list[_Evidence] = []
    for i in range(len(qs) - 1):
        a, b = qs[i], qs[i + 1]
        if not (a.plain and b.plain):
            continue
        gap = s[a.end : b.start]
        # "Of the 86 officers who applied, 43 …": a relative clause on the whole is no conjunction
        opening = _WHOLE_PART_GAP.fullmatch(gap) and _OF_WHOLE_OPENING.search(s, max(0, a.start - 30), a.start)
        if len(gap) > 70 or _CONJ.search(_unconj(gap)) and not re.fullmatch(r"\s+to\s+", gap) and not opening:
            continue
        before = s[max(0, a.start - 12) : a.start]
        if _RANGE_FROM.search(s, max(0, a.start - 30), a.start):
            continue  # "estimates range from 1,200 to 1,500": a spread, not a change
        if re.search(r"\bfrom\s+$", before, re.I):
            m = _FT_GAP.fullmatch(gap)
            trailing_unit = (
                a.kind == "count" and a.per is None and b.kind == "rate" and (b.per or "").startswith("per ")
                and re.fullmatch(r"\s+to\s+", gap) is not None
            )
            if m and (_same_unit(a, b) or trailing_unit):
                lab2, end = _label(s, b)
                start = a.start - (len(before) - re.search(r"\bfrom\s+$", before, re.I).start())
                out.append(_Evidence("change", a, b, m.group("label") or "", lab2, start, end))
                continue
        if re.search(r"\bto\s+$", before, re.I):
            m = _TF_GAP.fullmatch(gap)
            if m and _same_unit(a, b):
                lab2, end = _label(s, b)
                if _COMPARED.search(gap) and not _TIME_LABEL.search(lab2):
                    continue  # "to $445,000, compared with $510,000 in Dallas": another place
                start = a.start - (len(before) - re.search(r"\bto\s+$", before, re.I).start())
                out.append(_Evidence("change", b, a, lab2, m.group("label") or "", start, end))
                continue
        m = _UPFROM_GAP.fullmatch(gap)
        if m and _same_unit(a, b):
            lab_old, end = _label(s, b)
            if _COMPARED.search(gap) and not _TIME_LABEL.search(lab_old):
                continue
            out.append(_Evidence("change", b, a, lab_old, m.group("label") or "", a.start, end))
            continue
        if (
            _SHARE_GAP.fullmatch(gap) and a.kind == "count" and b.kind == "count"
            and a.written is not None and b.written is not None
            and a.written.value.denominator == 1 and b.written.value.denominator == 1
            and 0 <= a.written.value <= b.written.value and not a.written.scaled
        ):
            out.append(_Evidence("share", a, b, "", "", a.start, b.end))
            continue
        if (
            a.kind == "count" and b.kind == "count" and a.written is not None and b.written is not None
            and a.written.value.denominator == 1 and b.written.value.denominator == 1
            and 0 <= b.written.value <= a.written.value and not a.written.scaled and not b.written.scaled
            and _WHOLE_PART_GAP.fullmatch(gap)
        ):
            if _OF_WHOLE_OPENING.search(s, max(0, a.start - 30), a.start):
                out.append(_Evidence("share", b, a, "", "", a.start, b.end))
            elif _OF_WHOLE.search(s, max(0, a.start - 40), a.start) and _PART_CLOSE.match(s, b.end):
                out.append(_Evidence("share", b, a, "", "", a.start, b.end, claim_of=True))
    return out


def _change_func(s: str, claim: _Q, ev: _Evidence) -> tuple[str | None, str | None]:
    """The function that checks ``claim`` against change evidence, or (None, why not)."""
    old, new = ev.first, ev.second
    if claim.kind == "percent" and (
        _PER_PERIOD_AFTER.match(s, claim.pend) or _PER_PERIOD_BEFORE.search(s, max(0, claim.pstart - 40), claim.pstart)
    ):
        return None, "the claim is a rate per period; the numbers give the total change"
    if old.kind != "percent" and not (old.per or new.per) and _rate_subject(s, claim):
        if not (_PER_POP_AFTER.match(s, old.end) or _PER_POP_AFTER.match(s, new.end)):
            return None, "the claim is about a rate; the numbers are counts"
    if old.kind == "percent":
        if _CHANGE_OF_CHANGE.search(s) and claim.kind != "points":
            return None, "the numbers are themselves percents; which change is meant is unclear"
        if claim.kind == "points":
            return "pp_change", None
        if claim.kind == "percent" and claim.direction:
            return "pct_change", None
        return None, None
    if claim.kind == "points":
        if claim.direction and old.kind == "count" and not old.per and not new.per:
            return "diff", None
        return None, None
    if claim.kind == "percent" and claim.direction:
        return "pct_change", None
    if claim.kind == "multiple":
        return "ratio", None
    if claim.kind == "change":
        return "pct_change", None
    if claim.kind in ("count", "rate", "money") and claim.direction and not claim.share_of:
        if claim.kind != old.kind or claim.per != old.per:
            return None, "the claimed change and the numbers are in different units"
        return "diff", None
    return None, None


def _rate_subject(s: str, claim: _Q) -> bool:
    """Whether the clause before ``claim`` names a rate or per-capita figure."""
    lo = max(0, claim.pstart - 60)
    head = s[lo : claim.pstart]
    cut = max(head.rfind(","), head.rfind(";"), head.rfind(":"))
    return bool(_RATE_SUBJECT.search(head[cut + 1 :]))


def _base_conflict(s: str, claim: _Q, ev: _Evidence, gap: str) -> str | None:
    """Why the claim's stated base or period contradicts the numbers', or None."""
    window = gap + " " + s[claim.pend : claim.pend + 40]
    bm = _BASE.search(window)
    old_times = _time_tokens(ev.label_first)
    if bm and old_times and _time_key(bm.group("t")) not in old_times:
        return f"the claim is measured from {bm.group('t')}, the numbers from {ev.label_first.strip()}"
    pm = _PERIOD_OF.match(s, claim.pend)
    new_times = _time_tokens(ev.label_second)
    if pm and new_times and _time_key(pm.group("t")) not in new_times and _time_key(pm.group("t")) not in old_times:
        return f"the claim is about {pm.group('t')}, the numbers about {ev.label_second.strip()}"
    return None


def _bare_percent(q: _Q) -> bool:
    return not q.used and q.kind == "percent" and q.direction is None and not q.share_of and q.hedge is None and not q.words


_OR_AFTER_CHANGE = re.compile(r"\s*,\s*or\s+")
_OR_GAP = re.compile(r"\s*,\s*or\s+")
_DIR_VERB_END = re.compile(
    r"\b(?:(?P<up>" + _alt(_UP_WORDS) + r")|(?P<down>" + _alt(_DOWN_WORDS) + r"))(?:\s+by)?\s+$", re.I
)


def _past_noun(s: str, q: _Q) -> int:
    """The end of ``q``'s phrase, past its own noun ("rose by 1,200 students")."""
    if q.noun and q.kind in ("count", "money"):
        nm = _NOUN_AFTER.match(s, q.pend)
        if nm and nm.group("noun").lower() == q.noun:
            return nm.end()
    return q.pend


def _literal(q: _Q) -> str:
    """The number of ``q`` written for a compute expression, as it appears (no commas;
    a scale word as an exponent, which keeps its precision: "3.5 million" is 3.5e6)."""
    m = re.search(r"\d[\d,]*(?:\.\d+)?|\.\d+", q.num)
    digits = m.group(0).replace(",", "") if m else "0"
    rest = q.num[m.end() :].strip().lower() if m else ""
    exp = 0
    for word, e in (("trillion", 12), ("billion", 9), ("million", 6), ("thousand", 3), ("bn", 9), ("tn", 12),
                    ("mln", 6), ("mn", 6), ("k", 3), ("m", 6), ("b", 9)):
        if rest.startswith(word):
            exp = e
            break
    if q.kind == "percent":
        return digits + "%"
    return f"{digits}e{exp}" if exp else digits


_TO_GAP = re.compile(
    r"(?:\s+(?:in|last|this|since|over|during)\b[^,;:()\u2014]{0,30}?|\s+year[\s-](?:on|over)[\s-]year)?\s*,?\s*", re.I
)
_NEW_BEFORE_CLAIM = re.compile(
    r"(?:\s+(?!(?:and|or|but|while|of|from|to)\b)[a-z][\w'-]*){0,3}?"
    r"(?:\s+(?:in|on|as\s+of|during|for|last|this)\b[^,;:()\u2014]{0,30}?)?\s*,\s*",
    re.I,
)
_COPULA = re.compile(r"\s+(?:is|was|are|were)\s+", re.I)
_FROM_OLD = re.compile(
    r"\s+(?P<w>from|over|than|compared\s+(?:with|to))\s+(?:the\s+)?(?:(?:previous|prior|same|last|this)\s+)?"
    r"(?:[a-z]+(?:'s|\u2019s)\s+)?(?:[a-z]+\s+)?(?:average\s+of\s+)?",
    re.I,
)


def _unconj(text: str) -> str:
    """Gap text without the fixed phrases whose words are not conjunctions here."""
    return re.sub(r"\b(?:as\s+of|compared\s+(?:with|to))\b", " ", text, flags=re.I)


def _new_claim_old(s: str, cands: list[_Q], checks: list[_Check], notes: list[str]) -> None:
    """"1,420 claims a day, up 12% from 1,268 a day": the new level, the claim, the old."""
    for k in range(1, len(cands) - 1):
        new, c, old = cands[k - 1], cands[k], cands[k + 1]
        if not (c.change and not c.used and new.plain and old.plain and not new.used and not old.used):
            continue
        g1, g2 = s[new.end : c.pstart], s[c.pend : old.start]
        fm = _FROM_OLD.fullmatch(g2)
        if fm is None or _CONJ.search(_unconj(g1)):
            continue
        # "$312 million is 4% larger than this year's $300 million"
        if not (_NEW_BEFORE_CLAIM.fullmatch(g1) or (_COPULA.fullmatch(g1) and fm.group("w").lower() == "than")):
            continue
        if not _same_unit(old, new):
            continue
        lab_old, end = _label(s, old)
        ev = _Evidence("change", old, new, lab_old, g1, new.start, end)
        func, why = _change_func(s, c, ev)
        if func is None:
            if why:
                notes.append(why)
            continue
        conflict = _base_conflict(s, c, ev, "")
        if conflict:
            notes.append(conflict)
            continue
        compute = f"ratio({_literal(new)}, {_literal(old)})" if func == "ratio" else f"{func}({_literal(old)}, {_literal(new)})"
        c.used = old.used = new.used = True
        checks.append(_Check(c, ev, compute))


@dataclass(slots=True)
class _Check:
    claim: _Q
    evidence: _Evidence
    compute: str
    note: str | None = None
    hint: str | None = None  # the direction a bare "or 14%" takes from its verb



def pair(s: str, qs: list[_Q], changes: list[_Q]) -> tuple[list[_Check], list[str]]:
    """Pair claims with the evidence beside them in one sentence. Returns the checks and
    the notes on near misses (why a claim that looked checkable was not paired)."""
    cands = sorted(qs + changes, key=lambda q: q.start)
    index = {id(q): k for k, q in enumerate(cands)}
    checks: list[_Check] = []
    notes: list[str] = []
    hints: dict[int, str] = {}
    for ev in _evidence(s, qs):
        if ev.func == "share":
            _pair_share(s, cands, index, ev, checks)
            continue
        k_old, k_new = index[id(ev.first)], index[id(ev.second)]
        lo, hi = min(k_old, k_new), max(k_old, k_new)
        sides = []
        if lo > 0:
            c = cands[lo - 1]
            gap = s[c.pend : ev.start]
            g = re.match(r"\s*", gap)
            full = s[_past_noun(s, c) : cands[lo].start]
            if c.change and not c.used and _BEFORE_GAP.fullmatch(full) and not _CONJ.search(_unconj(full)):
                sides.append((c, full))
            elif (
                _bare_percent(c) and lo > 1 and cands[lo - 2].change and cands[lo - 2].direction
                and _OR_AFTER_CHANGE.fullmatch(s[cands[lo - 2].pend : c.pstart])
                and _BEFORE_GAP.fullmatch(full) and not _CONJ.search(_unconj(full))
            ):
                # "Fares will rise 25 cents, or 10%, from $2.50 to $2.75"
                hints[id(c)] = cands[lo - 2].direction
                sides.append((c, full))
            elif c.change and not c.used and ev.start > c.pend and _TO_GAP.fullmatch(s[_past_noun(s, c) : ev.start]) and not _CONJ.search(s[c.pend : ev.start]):
                sides.append((c, s[c.pend : ev.start]))
            del g
        if hi + 1 < len(cands):
            c = cands[hi + 1]
            gap = s[ev.end : c.pstart]
            m = _AFTER_GAP.fullmatch(gap)
            if c.change and not c.used and m and not _CONJ.search(_unconj(m.group("label") or "")):
                sides.append((c, ""))
            elif _bare_percent(c) and _OR_GAP.fullmatch(gap):
                # "Membership increased from 3,450 to 3,930, or 14%": the verb before the
                # numbers gives the direction.
                vm = _DIR_VERB_END.search(s, max(0, ev.start - 40), ev.start)
                if vm:
                    hints[id(c)] = "up" if vm.group("up") else "down"
                    sides.append((c, ""))
        for c, gap in sides:
            hinted = id(c) in hints and c.direction is None
            if hinted:
                c.direction = hints[id(c)]
            func, why = _change_func(s, c, ev)
            conflict = _base_conflict(s, c, ev, gap) if func else None
            if func is None or conflict:
                if why or conflict:
                    notes.append(why or conflict or "")
                if hinted:
                    c.direction = None
                continue
            old, new = ev.first, ev.second
            if func == "ratio":
                compute = f"ratio({_literal(new)}, {_literal(old)})"
            else:
                compute = f"{func}({_literal(old)}, {_literal(new)})"
            c.used = old.used = new.used = True
            checks.append(_Check(c, ev, compute, hint=hints.get(id(c))))
    _new_claim_old(s, cands, checks, notes)
    return checks, notes


def _pair_share(s: str, cands: list[_Q], index: dict[int, int], ev: _Evidence, checks: list[_Check]) -> None:
    k_part, k_whole = index[id(ev.first)], index[id(ev.second)]
    k_lo, k_hi = min(k_part, k_whole), max(k_part, k_whole)
    lo, hi = cands[k_lo], cands[k_hi]

    def share_claim(c: _Q) -> bool:
        return not c.used and c.direction is None and (c.kind == "share" or c.kind == "percent")

    found = None
    if k_lo > 0 and share_claim(cands[k_lo - 1]):
        c = cands[k_lo - 1]
        gap = s[c.pend : lo.start]
        if ev.claim_of:
            if _OF_WHOLE.fullmatch(gap):
                found = c
        elif _SHARE_CLAIM_BEFORE.fullmatch(gap) and not _CONJ.search(gap):
            found = c
    if found is None and not ev.claim_of and k_hi + 1 < len(cands) and share_claim(cands[k_hi + 1]):
        c = cands[k_hi + 1]
        gap = s[hi.end : c.pstart]
        if _SHARE_CLAIM_AFTER.fullmatch(gap) and not _CONJ.search(gap):
            found = c
    if found is not None:
        found.used = ev.first.used = ev.second.used = True
        checks.append(_Check(found, ev, f"share({_literal(ev.first)}, {_literal(ev.second)})"))


# --- checking -----------------------------------------------------------------------------


def _collapse(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


_WIDENED = re.compile(r"\bwiden(?:ed|ing)\b", re.I)
_NARROWED = re.compile(r"\bnarrow(?:ed|ing)\b", re.I)
_COMPARATIVE_UP = re.compile(r"\b(?:larger|bigger|greater|longer)$", re.I)
_COMPARATIVE_DOWN = re.compile(r"\b(?:smaller|shorter|cheaper)$", re.I)


# Phrases repeat across an article ("about 20%", "more than 1,000"); the reading depends
# on the phrase alone and a ClaimedFigure is immutable, so it is remembered.
@lru_cache(maxsize=8192)
def _figure(phrase: str) -> tuple[ClaimedFigure | None, str | None]:
    """The phrase read by the figure language; a shortened form if the whole is refused."""
    from claimcheck.figures import FigureError, parse_figure

    candidates = [phrase]
    low = phrase.lower()
    for lead in ("a ", "an "):
        if low.startswith(lead):
            candidates.append(phrase[len(lead) :])
    for text in list(candidates):
        # "4% larger than", "30% shorter than": the figure language reads more/less
        alt = _COMPARATIVE_UP.sub("more", _COMPARATIVE_DOWN.sub("less", text))
        # "a shortfall widened 40%": the figure language knows rose/fell
        alt = _WIDENED.sub("rose", _NARROWED.sub("fell", alt))
        if alt != text:
            candidates.append(alt)
    for text in candidates:
        try:
            return parse_figure(text), text
        except FigureError:
            continue
    return None, None


# A generated or syndicated article repeats sentences; the engine's exact arithmetic is
# the costly part of a scan, and both inputs are immutable, so verdicts are remembered.
@lru_cache(maxsize=4096)
def _judge(figure: ClaimedFigure, compute: str) -> dict[str, Any]:
    from claimcheck.expr import EvalError, ZeroBaseline, evaluate
    from claimcheck.verdicts import diagnoses, judge

    try:
        ev = evaluate(compute, {})
    except ZeroBaseline as exc:
        return {"verdict": "unverifiable", "diagnoses": (diagnoses.cannot_compute(exc.message),)}
    except EvalError as exc:  # pragma: no cover - scan writes only valid expressions
        return {"verdict": "unverifiable", "diagnoses": (diagnoses.cannot_compute(exc.message),)}
    j = judge(figure, ev)
    return {
        "verdict": j.verdict,
        "value": j.value_text,
        "arithmetic": ev.arithmetic,
        "rule": j.rule,
        "diagnoses": tuple(j.diagnoses),
        "judgement": j,
    }


# --- the scan -----------------------------------------------------------------------------


@dataclass(slots=True)
class _Sentence:
    start: int
    end: int
    text: str
    qs: list[_Q] = field(default_factory=list)
    changes: list[_Q] = field(default_factory=list)
    checks: list[_Check] = field(default_factory=list)


def _paragraph(text: str, pa: int, pb: int) -> list[_Sentence]:
    """The sentences of the paragraph ``text[pa:pb]``."""
    sents = []
    for a, b in split_sentences(text, pa, pb):
        # A run-on "sentence" is cut into bounded pieces, so pairing never sees more
        # than MAX_SENTENCE characters at once; numbers are found in every piece.
        while b - a > MAX_SENTENCE:
            cut = text.rfind(" ", a, a + MAX_SENTENCE)
            cut = cut if cut > a else a + MAX_SENTENCE
            sents.append(_Sentence(a, cut, text[a:cut]))
            a = cut
        sents.append(_Sentence(a, b, text[a:b]))
    return sents


def _pair_across(prev: _Sentence, cur: _Sentence) -> None:
    """A claim in one sentence, its evidence in the next (or the reverse), when the later
    sentence points back ("It went from…", "That is a 25% increase")."""
    if not _ANAPHORA.match(cur.text):
        return
    if _new_claim_old_across(prev, cur):
        return
    for claim_s, ev_s in ((prev, cur), (cur, prev)):
        claims = [q for q in claim_s.qs + claim_s.changes if q.change and not q.used]
        if len(claims) != 1 or any(q.change and not q.used for q in ev_s.qs + ev_s.changes):
            continue
        if _evidence(claim_s.text, claim_s.qs):
            continue
        evs = [e for e in _evidence(ev_s.text, ev_s.qs) if e.func == "change" and not e.first.used]
        if len(evs) != 1:
            continue
        claim, ev = claims[0], evs[0]
        func, _why = _change_func(claim_s.text + " " + ev_s.text, claim, ev)
        if func is None:
            continue
        if _base_conflict(claim_s.text, claim, ev, ""):
            continue
        old, new = ev.first, ev.second
        compute = f"ratio({_literal(new)}, {_literal(old)})" if func == "ratio" else f"{func}({_literal(old)}, {_literal(new)})"
        claim.used = old.used = new.used = True
        claim_s.checks.append(_Check(claim, ev, compute))
        return


_THAT_WAS = re.compile(
    r"[\"'\u201c\u2018(]*(?:That|This|It)(?:\s+(?:is|was|\u2019s|'s|represents|represented|marks|marked))?\s+$"
)


def _new_claim_old_across(prev: _Sentence, cur: _Sentence) -> bool:
    """"The museum counted 412,000 visitors in 2024. That was 15% more than the 358,000
    who came in 2023.": the new level alone in the previous sentence, the claim and the
    old level in this one. Only when the previous sentence holds one raw number."""
    cands = sorted(cur.qs + cur.changes, key=lambda q: q.start)
    if len(cands) < 2:
        return False
    c, old = cands[0], cands[1]
    if not (c.change and not c.used and old.plain and not old.used and _THAT_WAS.fullmatch(cur.text[: c.pstart])):
        return False
    fm = _FROM_OLD.fullmatch(cur.text[c.pend : old.start])
    levels = [q for q in prev.qs if not q.used]
    if fm is None or len(levels) != 1 or prev.changes or not levels[0].plain:
        return False
    new = levels[0]
    if not _same_unit(old, new):
        return False
    lab_old, end = _label(cur.text, old)
    lab_new, _end = _label(prev.text, new)
    ev = _Evidence("change", old, new, lab_old, lab_new, old.start, end)
    func, _why = _change_func(cur.text, c, ev)
    if func is None or _base_conflict(cur.text, c, ev, ""):
        return False
    compute = f"ratio({_literal(new)}, {_literal(old)})" if func == "ratio" else f"{func}({_literal(old)}, {_literal(new)})"
    c.used = old.used = new.used = True
    cur.checks.append(_Check(c, ev, compute))
    return True


def _locate_span(doc: _Doc, at: int, end: int) -> tuple[int, int, int, int]:
    line, col = doc.locate(at)
    eline, ecol = doc.locate(max(at, end - 1))
    return line, col, eline, ecol


def scan_text(text: str, *, path: str = "-", fmt: Format | None = None) -> ScanResult:
    """Find the numeric claims in ``text`` and check the self-contained ones.

    ``fmt`` is text, markdown or html; ``None`` guesses from the path and the text.
    """
    fmt = fmt or guess_format(path, text)
    doc = make_doc(text, fmt)
    findings: list[Finding] = []
    # Paragraph by paragraph: pairing never crosses a paragraph, so nothing but the
    # findings outlives one (a 10 MB article is never held as sentences all at once).
    for pa, pb in split_paragraphs(doc.text):
        # A paragraph with nothing numeric needs no sentences (when it is short enough
        # that no sentence of it is cut mid-word, which could make a number word).
        if pb - pa <= MAX_SENTENCE and not _may_hold_numbers(doc.text[pa:pb]):
            continue
        para = _paragraph(doc.text, pa, pb)
        for k, sent in enumerate(para):
            if _may_hold_numbers(sent.text):
                sent.qs = detect(sent.text)
                sent.changes = _change_words(sent.text)
                if sent.qs or sent.changes:
                    sent.checks, _notes = pair(sent.text, sent.qs, sent.changes)
            # Pairing across sentences needs quantities on both sides.
            if k > 0 and (sent.qs or sent.changes) and (para[k - 1].qs or para[k - 1].changes):
                _pair_across(para[k - 1], sent)
        for sent in para:
            if sent.qs or sent.checks:
                findings.extend(_findings(doc, path, sent))
    return ScanResult(path, fmt, tuple(findings), ())


def _findings(doc: _Doc, path: str, sent: _Sentence) -> list[Finding]:
    out: list[tuple[int, Finding]] = []
    sentence = _collapse(sent.text)
    for chk in sent.checks:
        c = chk.claim
        phrase = _collapse(sent.text[c.pstart : c.pend])
        figure, figure_text = _figure(phrase)
        if figure is not None and chk.hint and figure.direction == "none":
            hinted, _text = _figure(("up " if chk.hint == "up" else "down ") + phrase)
            if hinted is not None:
                figure, figure_text = hinted, _text
        line, col, eline, ecol = _locate_span(doc, sent.start + c.pstart, sent.start + c.pend)
        inputs = (chk.evidence.first.num, chk.evidence.second.num)
        if figure is None:
            out.append((c.pstart, Finding(path, line, col, sentence, phrase, c.kind, "needs-source",
                                          end_line=eline, end_col=ecol, inputs=inputs, compute=chk.compute,
                                          note="the claimed figure could not be read")))
            continue
        res = _judge(figure, chk.compute)
        out.append((c.pstart, Finding(
            path, line, col, sentence, phrase, c.kind, "checked", figure=figure, figure_text=figure_text,
            compute=chk.compute, inputs=inputs, framing=figure.framing, end_line=eline, end_col=ecol, **res,
        )))
    for q in sent.qs:
        if q.used:
            continue
        phrase = _collapse(sent.text[q.pstart : q.pend])
        figure, figure_text = _figure(phrase)
        line, col, eline, ecol = _locate_span(doc, sent.start + q.pstart, sent.start + q.pend)
        out.append((q.pstart, Finding(
            path, line, col, sentence, phrase, q.kind, "needs-source", figure=figure, figure_text=figure_text,
            framing=q.framing, end_line=eline, end_col=ecol,
        )))
    out.sort(key=lambda t: t[0])
    return [f for _, f in out]


def scan_path(path: str, *, fmt: Format | None = None) -> ScanResult:
    """Read ``path`` (``-`` for standard input) and scan it; a file that cannot be read
    is a result with a located problem, never an exception."""
    text, problem = read_input(path)
    if problem is not None or text is None:
        return ScanResult(path, fmt, (), (problem,) if problem else ())
    return scan_text(text, path=path, fmt=fmt)


__all__ = [
    "Finding",
    "Format",
    "MAX_BYTES",
    "ScanResult",
    "detect",
    "guess_format",
    "make_doc",
    "read_input",
    "scan_path",
    "scan_text",
    "split_paragraphs",
    "split_sentences",
    "word_number",
]
