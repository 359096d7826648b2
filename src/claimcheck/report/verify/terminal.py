"""The terminal report (``--format rich``): what a fact-checker reads.

Per file: a title line, a table with one row per claim (id, speaker, claimed figure,
recomputed value, verdict with its symbol, and FAIL when the claim fails CI), then a
block for each claim that is not accurate or fails (every claim with ``--explain``):
the statement and speaker, the arithmetic with the real numbers, the interval the
inputs' rounding allows, the rule, the diagnoses, what would settle it, why it fails,
and each raw input with its source and period. An invalid file prints its
``path:line:col: error: message`` lines, which never wrap. The run ends with the summary
line.

User text only ever enters rich as :class:`rich.text.Text`, after
:func:`~claimcheck.report.common.clean`; the console has markup,
emoji and highlighting off. Every console setting is explicit, so the output depends on
:class:`~claimcheck.report.Options` alone, never on COLUMNS, NO_COLOR, FORCE_COLOR, TERM
or whether the output is a terminal.
"""

from __future__ import annotations

from io import StringIO

from rich import box
from rich.console import Console, RenderableType
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from claimcheck.report import Options
from claimcheck.report.common import (
    SYMBOLS,
    also_lines,
    clean,
    explains,
    failure_text,
    location,
    plural,
    recorded_agreement,
)
from claimcheck.results import ClaimResult, FileResult, InputFigure, RunSummary, SourceRef

VERDICT_STYLES = {
    "accurate": "bold green",
    "approximate": "bold yellow",
    "inaccurate": "bold red",
    "unverifiable": "bold magenta",
}
LABEL = "dim"
#: Narrower than this, the claims table leaves out the speaker column.
NARROW = 80
FAIL = "bold red"


def _console(options: Options) -> tuple[Console, StringIO]:
    out = StringIO()
    console = Console(
        file=out,
        width=options.columns,
        # A height as well: without one, rich asks the environment (TERM=dumb → 80x25).
        height=25,
        force_terminal=options.color,
        force_jupyter=False,
        force_interactive=False,
        color_system="truecolor" if options.color else None,
        no_color=not options.color,
        legacy_windows=False,
        safe_box=False,
        markup=False,
        emoji=False,
        highlight=False,
        soft_wrap=False,
        tab_size=4,
        record=False,
        log_path=False,
        log_time=False,
    )
    return console, out


def _text(value: str | None, style: str = "", *, multiline: bool = False) -> Text:
    return Text(clean(value, multiline=multiline), style=style)


def verdict_text(c: ClaimResult) -> Text:
    # Styled as a span, not as the Text's base style, so text appended later (FAIL, a
    # location) keeps its own style.
    return Text().append(f"{SYMBOLS[c.verdict]} {c.verdict}", style=VERDICT_STYLES[c.verdict])


def _verdict_cell(c: ClaimResult) -> Text:
    t = verdict_text(c)
    if not c.passed:
        t.append("  FAIL", style=FAIL)
    return t


class TerminalReport:
    """Renders results for a terminal; see the module docstring."""

    def __init__(self, options: Options) -> None:
        self.options = options
        self._files = 0

    def _render(self, *items: RenderableType, no_wrap: bool = False) -> str:
        console, out = _console(self.options)
        for item in items:
            console.print(item, soft_wrap=no_wrap)
        # rich pads table and grid rows to the full width; trailing blanks are noise in
        # a log, a diff or a golden file.
        return "\n".join(line.rstrip(" ") for line in out.getvalue().split("\n"))

    def start(self) -> str:
        return ""

    def file(self, fr: FileResult) -> str:
        text = self.file_at(fr, first=not self._files)
        self._files += 1
        return text

    def advance(self) -> None:
        """Count a file whose :meth:`file_at` text was written (rendered on a worker)."""
        self._files += 1

    def file_at(self, fr: FileResult, first: bool) -> str:
        """One file's text, given only whether it is the report's first."""
        parts: list[str] = []
        if not first:
            parts.append("\n")
        parts.append(self._render(self._title(fr), no_wrap=True))
        if fr.url:
            parts.append(self._render(Padding(_text(fr.url, LABEL), (0, 0, 0, 2))))
        if fr.invalid:
            parts.append(self._problems(fr))
            return "".join(parts)
        if not fr.claims:
            parts.append(self._render(Text("  no claims", style=LABEL)))
            return "".join(parts)
        parts.append(self._render(self._table(fr)))
        for c in fr.claims:
            if explains(c, self.options.explain):
                parts.append("\n")
                parts.append(self._render(self._block_header(fr, c), no_wrap=True))
                parts.append(self._render(self._block(c)))
        return "".join(parts)

    def finish(self, summary: RunSummary) -> str:
        line = Text("\n")
        line.append(summary.line(), style=FAIL if summary.failed or summary.invalid_files else "bold")
        if self.options.strict:
            line.append("\nstrict: approximate and unverifiable claims fail", style=LABEL)
        return self._render(line)

    # --- pieces -----------------------------------------------------------------------

    def _title(self, fr: FileResult) -> Text:
        title = Text().append(clean(fr.path), style="bold underline")
        if fr.title:
            title.append(" — ")
            title.append(clean(fr.title), style="bold")
        if fr.invalid:
            title.append("  ")
            title.append(
                f"invalid, not checked ({plural(len(fr.problems), 'problem')})", style=FAIL
            )
        return title

    def _problems(self, fr: FileResult) -> str:
        # Located lines are printed whole, never wrapped, so CI logs and editors can
        # link every path:line:col.
        lines = []
        for p in fr.problems:
            t = Text().append(location(p.path, p.line, p.col), style="bold")
            t.append(": ")
            t.append("error", style=FAIL)
            t.append(": " + clean(p.message))
            lines.append(t)
        return self._render(*lines, no_wrap=True)

    def _table(self, fr: FileResult) -> Table:
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, header_style="bold")
        # Below 80 columns the speaker moves out of the table (it is in each block) and
        # the value's header shortens, so the verdict and CI columns keep their room.
        with_speaker = self.options.columns >= NARROW
        # Claim ids are what a reader searches the file for: keep them whole when they
        # fit in a quarter of the line, and let the speaker and figure columns wrap first.
        longest = max((len(clean(c.id)) for c in fr.claims), default=5)
        table.add_column("claim", overflow="fold", min_width=min(longest, self.options.columns // (4 if with_speaker else 5)))
        if with_speaker:
            table.add_column("speaker", overflow="fold")
        table.add_column("claimed", overflow="fold")
        table.add_column("recomputed" if with_speaker else "value", justify="right", no_wrap=True)
        # The verdict is the point of the table: it never shrinks, other columns wrap.
        # A failing claim (what turns CI red) says FAIL after its verdict.
        widest = max((len(c.verdict) + 2 + (6 if not c.passed else 0) for c in fr.claims), default=0)
        table.add_column("verdict", no_wrap=True, min_width=widest)
        for c in fr.claims:
            cells = [_text(c.id, "bold")]
            if with_speaker:
                cells.append(_speaker_cell(c))
            cells += [
                _text(c.figure),
                _text(c.value) if c.value else Text("—", style=LABEL),
                _verdict_cell(c),
            ]
            table.add_row(*cells)
        return table

    def _block_header(self, fr: FileResult, c: ClaimResult) -> Text:
        t = verdict_text(c)
        t.append("  ")
        t.append(clean(c.id), style="bold")
        if not c.passed:
            t.append("  FAIL", style=FAIL)
        t.append("  ")
        t.append(location(fr.path, c.line, c.col), style=LABEL)
        return t

    def _block(self, c: ClaimResult) -> RenderableType:
        grid = Table.grid(padding=(0, 2))
        grid.add_column(style=LABEL, no_wrap=True, min_width=len("claim source"))
        grid.add_column(overflow="fold", ratio=1)

        quote = Text().append("“" + clean(c.statement) + "”", style="italic")
        if c.speaker:
            quote.append(" — " + clean(c.speaker))
        grid.add_row("statement", quote)
        grid.add_row("claimed", _text(c.figure))
        if c.compute:
            grid.add_row("compute", _text(c.compute))
        if c.arithmetic:
            grid.add_row("arithmetic", _text(c.arithmetic, "bold"))
        if c.interval_text:
            grid.add_row("interval", _text(c.interval_text))
        if c.rule:
            grid.add_row("rule", _text(c.rule))
        if c.decided_by:
            grid.add_row("decided", _text(c.decided_by, multiline=True))
        if c.recorded is not None:
            recorded = Text().append(f"{SYMBOLS[c.recorded]} {c.recorded}", style=VERDICT_STYLES[c.recorded])
            recorded.append(f" — {recorded_agreement(c)}")
            grid.add_row("recorded", recorded)
        for i, d in enumerate(c.diagnoses):
            grid.add_row("diagnosis" if i == 0 else "", _text(d.text, multiline=True))
        for i, f in enumerate(c.framing):
            grid.add_row("framing" if i == 0 else "", _text(f, multiline=True))
        if c.settle:
            grid.add_row("settle", _text(c.settle, multiline=True))
        if c.note:
            grid.add_row("note", _text(c.note, multiline=True))
        if not c.passed:
            grid.add_row(Text("fails", style=FAIL), _text(failure_text(c), FAIL))
        for i, inp in enumerate(c.inputs):
            grid.add_row("inputs" if i == 0 else "", _input_text(inp))
        if c.source is not None and c.kind == "claim":
            grid.add_row("claim source", _source_text(c.source))
        for i, line in enumerate(also_lines(c)):
            grid.add_row("also" if i == 0 else "", _text(line, multiline=True))
        return Padding(grid, (0, 0, 0, 2))


def _speaker_cell(c: ClaimResult) -> Text:
    if c.speaker:
        return _text(c.speaker)
    return Text("cross-source check" if c.kind == "check" else "—", style=LABEL)


def _input_text(inp: InputFigure) -> Text:
    t = Text().append(clean(inp.name), style="bold")
    t.append(" = " + clean(inp.written))
    if inp.unit:
        t.append(" " + clean(inp.unit))
    if inp.interval:
        t.append(f" (stands for {clean(inp.interval)})")
    if inp.period:
        t.append(", period " + clean(inp.period))
        if inp.period_days is not None:
            t.append(f" ({plural(inp.period_days, 'day')})")
    t.append("\n")
    if inp.source is None:
        t.append("source not given", style=LABEL)
    else:
        t.append_text(_source_text(inp.source))
    return t


def _source_text(src: SourceRef) -> Text:
    t = Text(clean(src.publisher))
    if src.title:
        t.append(", “" + clean(src.title) + "”")
    if src.url:
        t.append(" · ")
        t.append(clean(src.url), style="underline")
    return t
