"""The terminal report of ``claimcheck scan`` (the default; plain when not a terminal).

For each input: a title line, then one block per finding in order of appearance::

    article.txt:3:33  ≈ approximate  "only down 10%"
        pct_change(31000, 27000): (27,000 − 31,000) ÷ 31,000 = −12.90%
        paired as percent change: in the claim's clause; 'from' before 31,000; …
        "only down 10%" accepts 9.50%–10.50% (exact: …)
        10% is reachable only at the edge of the inputs' rounding (…)
    article.txt:1:39  ? needs a source  "dropped nearly 20%" (percent)

and a summary line at the end. Article text is never read as Rich markup: every piece
of user text goes in as a :class:`rich.text.Text` after :func:`~claimcheck.report.common.clean`
has stripped terminal escapes and control characters. Colour only
when asked (``color=True``, the CLI's decision: a terminal and no NO_COLOR).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from io import StringIO

from rich.console import Console, ConsoleOptions, RenderableType, RenderResult
from rich.text import Text

from claimcheck.report.common import SYMBOLS, clean
from claimcheck.report.scan.tally import ScanTally
from claimcheck.results import Problem
from claimcheck.scan import Finding, ScanResult

_STYLES = {"accurate": "green", "approximate": "yellow", "inaccurate": "bold red", "unverifiable": "magenta"}


def _console(color: bool, width: int) -> tuple[Console, StringIO]:
    out = StringIO()
    console = Console(
        file=out, width=width, height=25, force_terminal=color, no_color=not color,
        color_system="standard" if color else None, highlight=False, markup=False, emoji=False,
        soft_wrap=False,
    )
    return console, out


def _finding(f: Finding) -> list[RenderableType]:
    """The finding's first line, then its details indented by four (a long one wraps
    under itself, not under the location)."""
    t = Text()
    t.append(f"{clean(f.path)}:{f.line}:{f.col}", style="bold")
    t.append("  ")
    if f.status == "checked" and f.verdict:
        t.append(f"{SYMBOLS.get(f.verdict, '?')} {f.verdict}", style=_STYLES.get(f.verdict, ""))
    else:
        t.append("· needs a source", style="cyan")
    t.append("  ")
    t.append(f'"{clean(f.phrase)}"')
    if f.status != "checked":
        t.append(f" ({f.kind})", style="dim")
    out: list[RenderableType] = [t]
    for extra in _details(f):
        style = "dim" if extra.startswith(("rule", "paired")) else ""
        out.append(_Indented(Text(extra, style=style)))
    return out


class _Indented:
    """Text set four columns in, its wrapped lines too (no padding after them)."""

    def __init__(self, text: Text) -> None:
        self.text = text

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        for line in self.text.wrap(console, max(options.max_width - 4, 20)):
            line.rstrip()
            yield Text("    ") + line


def _details(f: Finding) -> list[str]:
    if f.status != "checked":
        return [f"note: {clean(f.note)}"] if f.note else []
    out = []
    if f.compute:
        out.append(f"{f.compute}: {clean(f.arithmetic)}" if f.arithmetic else f.compute)
    if f.relation:
        out.append(f"paired as {clean(f.relation)}" + (f": {clean(f.pairing)}" if f.pairing else ""))
    if f.rule:
        out.append(f"rule: {clean(f.rule)}")
    out.extend(clean(d.text) for d in f.diagnoses)
    return out


def summary_line(tally: ScanTally) -> str:
    """"9 numeric claims: 2 checked (1 accurate, 1 approximate), 7 need a source"."""
    counts = tally.counts
    checked = tally.checked
    total = checked + counts["needs-source"]
    text = f"{total} numeric claim{'s' if total != 1 else ''}"
    parts = ", ".join(f"{counts[v]} {v}" for v in ("accurate", "approximate", "inaccurate", "unverifiable") if counts[v])
    text += f": {checked} checked" + (f" ({parts})" if parts else "")
    n = counts["needs-source"]
    text += f", {n} need{'s' if n == 1 else ''} a source"
    invalid = tally.invalid_files
    if invalid:
        text += f"; {invalid} unreadable input{'s' if invalid != 1 else ''}"
    return text


class ScanTerminalReport:
    """Streaming: ``start()``, then ``file(...)`` per input as it is scanned, then
    ``finish()``; each returns text for the caller to write. A file's findings are
    rendered as they come; only their text waits for the file's title line, which
    counts them."""

    def __init__(self, *, color: bool = False, width: int = 100) -> None:
        self.color = color
        self.width = width
        self.tally = ScanTally()

    def _render(self, *items: RenderableType) -> str:
        console, out = _console(self.color, self.width)
        for item in items:
            console.print(item)
        return out.getvalue()

    def start(self) -> str:
        return ""

    def file(self, path: str, fmt: str | None, problems: Sequence[Problem], findings: Iterable[Finding]) -> str:
        if problems:
            for _ in self.tally.file((), True):
                pass
            return self._render(*(Text(clean(p.render()), style="bold red") for p in problems))
        console, body = _console(self.color, self.width)
        for f in self.tally.file(findings, False):
            for item in _finding(f):
                console.print(item)
        n = sum(self.tally.file_counts.values())
        title = Text(f"{clean(path)}: {n} numeric claim{'s' if n != 1 else ''}", style="bold underline")
        return self._render(title) + body.getvalue()

    def file_parts(self, path: str, fmt: str | None, problems: Sequence[Problem], findings: Iterable[Finding]) -> Iterator[str]:
        """The file's text in one part: its title counts its findings, so it waits for
        them all."""
        yield self.file(path, fmt, problems, findings)

    def finish(self) -> str:
        return self._render(Text(summary_line(self.tally), style="bold"))


def render(results: Iterable[ScanResult], *, color: bool = False, width: int = 100) -> str:
    """The whole report at once."""
    rep = ScanTerminalReport(color=color, width=width)
    return rep.start() + "".join(rep.file(r.path, r.format, r.problems, r.findings) for r in results) + rep.finish()
