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

from collections.abc import Iterable, Sequence
from io import StringIO

from rich.console import Console
from rich.text import Text

from claimcheck.report.common import SYMBOLS, clean
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


def _finding(f: Finding) -> Text:
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
    for extra in _details(f):
        t.append("\n    ")
        t.append(extra, style="dim" if extra.startswith(("rule", "paired")) else "")
    return t


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


def summary_line(results: Sequence[ScanResult]) -> str:
    """"9 numeric claims: 2 checked (1 accurate, 1 approximate), 7 need a source"."""
    counts = {"accurate": 0, "approximate": 0, "inaccurate": 0, "unverifiable": 0, "needs-source": 0}
    for r in results:
        for k, v in r.counts().items():
            counts[k] += v
    checked = sum(v for k, v in counts.items() if k != "needs-source")
    total = checked + counts["needs-source"]
    text = f"{total} numeric claim{'s' if total != 1 else ''}"
    parts = ", ".join(f"{counts[v]} {v}" for v in ("accurate", "approximate", "inaccurate", "unverifiable") if counts[v])
    text += f": {checked} checked" + (f" ({parts})" if parts else "")
    n = counts["needs-source"]
    text += f", {n} need{'s' if n == 1 else ''} a source"
    invalid = sum(1 for r in results if r.invalid)
    if invalid:
        text += f"; {invalid} unreadable input{'s' if invalid != 1 else ''}"
    return text


class ScanTerminalReport:
    """Streaming: ``start()``, then ``file(result)`` per input, then ``finish(results)``;
    each returns text for the caller to write."""

    def __init__(self, *, color: bool = False, width: int = 100) -> None:
        self.color = color
        self.width = width

    def _render(self, *items: Text) -> str:
        console, out = _console(self.color, self.width)
        for item in items:
            console.print(item)
        return out.getvalue()

    def start(self) -> str:
        return ""

    def file(self, result: ScanResult) -> str:
        items: list[Text] = []
        for p in result.problems:
            items.append(Text(clean(p.render()), style="bold red"))
        if not result.problems:
            n = len(result.findings)
            items.append(Text(f"{clean(result.path)}: {n} numeric claim{'s' if n != 1 else ''}", style="bold underline"))
        items.extend(_finding(f) for f in result.findings)
        return self._render(*items)

    def finish(self, results: Sequence[ScanResult]) -> str:
        return self._render(Text(summary_line(results), style="bold"))


def render(results: Iterable[ScanResult], *, color: bool = False, width: int = 100) -> str:
    """The whole report at once."""
    rs = list(results)
    rep = ScanTerminalReport(color=color, width=width)
    return rep.start() + "".join(rep.file(r) for r in rs) + rep.finish(rs)
