"""What every report format shares: user-text cleaning, verdict labels, failure kinds, and
the lazy registries that name each command's formats.

User text (statements, speakers, titles, figure names, source publishers, even paths)
comes from hand-written claim files and is never trusted by a report: terminal escapes
and control characters are stripped before any of it reaches a terminal, a CI log or a
published page. Machine formats (JSON) carry the text as data and leave the escaping to
their encoder.

Nothing here imports rich.
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterator, Mapping
from fractions import Fraction
from typing import Any, NamedTuple

from claimcheck.numbers import Interval, fraction_text
from claimcheck.results import ClaimResult, FileResult, InputFigure, RunSummary, SourceRef, TableRef, VerdictName


class Entry(NamedTuple):
    """One format of a registry: where its renderer is, and one line of help."""

    module: str
    """The module holding the renderer, imported on first use."""
    attr: str
    """The renderer's name in that module (a class or a function)."""
    help: str


class Registry(Mapping[str, Any]):
    """Format name → renderer, importing the renderer's module on first access.

    Listing the names (``list(registry)``, ``name in registry``, :attr:`help`) imports
    nothing, so a command can validate ``--format`` and print its help without loading
    rich or the other formats.
    """

    def __init__(self, title: str, entries: Mapping[str, Entry]) -> None:
        self._title = title
        self._entries = dict(entries)

    def __getitem__(self, name: str) -> Any:
        entry = self._entries[name]
        return getattr(importlib.import_module(entry.module), entry.attr)

    def __contains__(self, name: object) -> bool:
        return name in self._entries

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def __len__(self) -> int:
        return len(self._entries)

    def __repr__(self) -> str:
        return f"{self._title}({', '.join(self._entries)})"

    @property
    def help(self) -> Mapping[str, str]:
        """One line of help per format."""
        return {name: e.help for name, e in self._entries.items()}

    def choices(self) -> str:
        """The names as a sentence lists them: "rich, markdown or json"."""
        names = list(self._entries)
        return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]

#: One symbol per verdict, shown beside its name in the terminal and in Markdown.
SYMBOLS: dict[VerdictName, str] = {
    "accurate": "✔",
    "approximate": "≈",
    "inaccurate": "✘",
    "unverifiable": "?",
}

# Escape sequences as terminals read them: CSI (ESC [ … final byte), OSC (ESC ] … BEL or
# ST, e.g. an OSC 8 hyperlink), and any other two-byte ESC sequence. Each alternative is a
# single pass over a character class, so the scan is linear on any input (no backtracking).
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?"
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"
    r"|\x1b[@-_]?"
    r"|\x9b[0-?]*[ -/]*[@-~]?"
)
# C0 controls but tab and newline, DEL, C1 controls, the Unicode bidirectional
# overrides and isolates, which can make a terminal or a web page show text in an order
# other than the one stored ("Trojan Source"), and the noncharacters U+FFFE and U+FFFF.
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ufffe\uffff]")
_NEWLINES = re.compile(r"[ \t]*(?:\r\n|\r|\n)[ \t]*")


def clean(text: str | None, *, multiline: bool = False) -> str:
    """User text made safe to show: escapes and control characters removed.

    With ``multiline`` line breaks are kept (``\\r\\n`` and ``\\r`` become ``\\n``);
    otherwise each line break becomes one space. A tab becomes a space either way.
    """
    if not text:
        return ""
    text = _ESCAPES.sub("", text)
    if multiline:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    else:
        text = _NEWLINES.sub(" ", text)
    return _CONTROLS.sub("", text).replace("\t", " ")


#: The one allow-list of what a report links to: an http or https address. What else a
#: format must keep out of a link (Markdown: spaces and angle brackets) it checks itself.
_LINKABLE = re.compile(r"(?i:https?)://\S.*", re.S)


def link_url(url: str | None) -> str | None:
    """``url`` cleaned, if a report may link to it: an ``http://`` or ``https://`` address
    (any case); else ``None``. Every format that
    links (HTML ``href``, Markdown autolinks, ClaimReview's ``url``, ``@id`` and
    ``appearance``) asks here, so ``javascript:alert(1)`` is never a link anywhere."""
    if not url:
        return None
    u = clean(url).strip()
    return u if _LINKABLE.fullmatch(u) else None


def exact(x: Fraction | None) -> str | None:
    """An exact value as text: ``"-13/68"``, ``"36720"`` (lowest terms, ASCII minus), of
    any size (``str()`` refuses an int of more than 4,300 digits)."""
    return None if x is None else fraction_text(x)


def exact_interval(iv: Interval | None) -> dict[str, str | None] | None:
    """``{"lo": "-10/63", "hi": "-6/61"}``; an unbounded side is ``None``."""
    if iv is None:
        return None
    return {"lo": exact(iv.lo), "hi": exact(iv.hi)}


def failure_kind(c: ClaimResult) -> str | None:
    """Why a claim fails, as a short stable token (``None`` when it passes).

    ``recorded-verdict``: the file records a published rating the arithmetic disagrees
    with; ``inaccurate``: the arithmetic does not support the figure; ``strict``: an
    approximate or unverifiable claim under ``--strict``.
    """
    if c.passed:
        return None
    if c.recorded is not None and c.recorded != c.verdict:
        return "recorded-verdict"
    if c.verdict == "inaccurate":
        return "inaccurate"
    return "strict"


def failure_text(c: ClaimResult) -> str:
    """The one-sentence reason a claim fails, falling back to its verdict."""
    if c.failure:
        return clean(c.failure)
    kind = failure_kind(c)
    if kind == "recorded-verdict":
        return f"Recorded as {c.recorded}, but the arithmetic gives {c.verdict}."
    if kind == "strict":
        return f"The claim is {c.verdict}, which fails under --strict."
    return "The arithmetic does not support the claimed figure."


def explains(c: ClaimResult, explain: bool) -> bool:
    """Whether a report shows the full block for a claim: every claim that is not
    accurate or that fails, and every claim when ``explain`` is asked for."""
    return explain or c.verdict != "accurate" or not c.passed


def location(path: str, line: int, col: int) -> str:
    """``path:line:col`` as editors and CI logs link it."""
    return f"{clean(path)}:{line}:{col}"


def files_line(summary: RunSummary) -> str:
    """A ``claimcheck validate`` run's summary: "3 files: 2 valid, 1 invalid"."""
    valid = summary.files - summary.invalid_files
    return f"{plural(summary.files, 'file')}: {valid} valid, {summary.invalid_files} invalid"


def plural(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def recorded_agreement(c: ClaimResult) -> str:
    """How the recorded verdict compares with the recomputed one, in words."""
    if c.recorded == c.verdict:
        return "matches the recomputed verdict"
    return f"differs from the recomputed verdict ({c.verdict})"


def input_words(inp: InputFigure, quote: Callable[[str], str], name: Callable[[str], str] | None = None) -> str:
    """A raw input, its unit, rounding interval and period in words, each text through
    ``quote`` (plain or HTML), the name through ``name``: ``june = 31,000 arrests (stands
    for 30,500 to 31,500), period 2025-06 (30 days)``."""
    text = f"{(name or quote)(inp.name)} = {quote(inp.written)}"
    if inp.unit:
        text += f" {quote(inp.unit)}"
    if inp.interval:
        text += f" (stands for {quote(inp.interval)})"
    if inp.period:
        text += f", period {quote(inp.period)}"
        if inp.period_days is not None:
            text += f" ({plural(inp.period_days, 'day')})"
    if inp.table is not None:
        text += f", {table_words(inp.table, quote)}"
    return text


def table_words(t: TableRef, quote: Callable[[str], str]) -> str:
    """Where a figure was read from: ``read from data/x.csv (SHA-256 b6b5…) by sql: select
    … → 398.61``, each text through ``quote``."""
    return f"read from {quote(t.path)} (SHA-256 {t.sha256}) by {quote(t.how)} → {quote(t.value)}"


def input_line(inp: InputFigure) -> str:
    """One raw input in words: ``june = 31,000 arrests (stands for 30,500 to 31,500),
    period 2025-06 (30 days); source: U.S. Department of Homeland Security``."""
    return f"{input_words(inp, clean)}; source: {source_line(inp.source)}"


def source_line(src: SourceRef | None) -> str:
    """``publisher, “title”, url``, or "not given"."""
    if src is None:
        return "not given"
    parts = [clean(src.publisher)]
    if src.title:
        parts.append(f"“{clean(src.title)}”")
    if src.url:
        parts.append(clean(src.url))
    return ", ".join(parts)


def quoted_statement(c: ClaimResult) -> str:
    """``“statement” — speaker``."""
    text = f"“{clean(c.statement)}”"
    return f"{text} — {clean(c.speaker)}" if c.speaker else text


def details(c: ClaimResult) -> list[tuple[str, str]]:
    """The explanation of one claim as (label, text) rows, user text cleaned: what the
    plain-text formats (JUnit, GitHub, Markdown, ClaimReview) show under a claim."""
    rows: list[tuple[str, str]] = [("claimed", clean(c.figure))]
    if c.compute:
        rows.append(("compute", clean(c.compute)))
    if c.arithmetic:
        rows.append(("arithmetic", clean(c.arithmetic)))
    if c.interval_text:
        rows.append(("interval", clean(c.interval_text)))
    if c.rule:
        rows.append(("rule", clean(c.rule)))
    if c.decided_by:
        rows.append(("decided", clean(c.decided_by)))
    rows.append(("verdict", c.verdict))
    if c.recorded is not None:
        rows.append(("recorded", f"{c.recorded} — {recorded_agreement(c)}"))
    rows += [("diagnosis", clean(d.text)) for d in c.diagnoses]
    rows += [("framing", clean(f)) for f in c.framing]
    if c.settle:
        rows.append(("settle", clean(c.settle)))
    if c.note:
        rows.append(("note", clean(c.note)))
    if not c.passed:
        rows.append(("fails", failure_text(c)))
    rows += [("input", input_line(i)) for i in c.inputs]
    if c.source is not None and c.kind == "claim":
        rows.append(("claim source", source_line(c.source)))
    rows += [("also", clean(line)) for line in also_lines(c)]
    return rows


def also_lines(c: ClaimResult) -> list[str]:
    """The claim's second quantity ("... or 2,300 more homes"): its verdict and why."""
    out: list[str] = []
    for a in c.also:
        out.append(f'"{a.figure}": {a.verdict} ({a.value}). {a.decided_by or ""}'.rstrip())
        out.extend(d.text for d in a.diagnoses)
    return out


def details_text(c: ClaimResult) -> str:
    """:func:`details` as aligned ``label  text`` lines."""
    rows = details(c)
    width = max(len(label) for label, _ in rows) + 2
    return "\n".join(f"{label + ':':<{width}}{text}" for label, text in rows)


class PerFile:
    """For a ``verify`` format whose text for a file depends on that file alone: it can
    be rendered on the worker that checked the file (``--jobs``), and there is nothing
    to count when it was."""

    def file(self, fr: FileResult) -> str:  # pragma: no cover - each format defines it
        raise NotImplementedError

    def file_at(self, fr: FileResult, first: bool) -> str:
        """One file's text; it never depends on the files before it."""
        return self.file(fr)

    def advance(self) -> None:
        """Nothing to count: :meth:`file` keeps no state."""
