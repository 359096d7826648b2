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
        widths = column_widths(fr.claims, self.options.columns)
        for name, width in widths.items():
            if name in ("claim", "speaker", "claimed"):
                # The id and the speaker fold (a reader still finds the id, its pieces in
                # order); the claimed figure wraps at its spaces, whole words kept.
                table.add_column(name, overflow="fold", width=width)
            else:
                # The value and the verdict (with FAIL) are never cut: they are what the
                # table is for, and their width is reserved first.
                table.add_column(name, justify="right" if name != "verdict" else "left", no_wrap=True, width=width)
        for c in fr.claims:
            cells = [_text(c.id, "bold")]
            if "speaker" in widths:
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


#: Narrowest an id column gets before the table gives up the speaker column.
MIN_ID = 10
#: Narrowest a speaker column is worth showing.
MIN_SPEAKER = 10
#: Narrowest a claimed figure wraps to while an id or speaker would fold.
MIN_CLAIMED = 18
#: What separates two columns of the table: padding, divider, padding.
GAP = 3


def column_widths(claims: tuple[ClaimResult, ...], columns: int) -> dict[str, int]:
    """Each column's width in a table ``columns`` wide, header included.

    The verdict (with FAIL), the value and the claimed figure get their full width first;
    the id and the speaker share what is left, the id first up to three fifths of it (never less
    than what the speaker leaves it), and both fold. When fewer than ``MIN_ID +
    MIN_SPEAKER`` columns are left the speaker goes (it is in each claim's block); when
    even the id would get fewer than ``MIN_ID``, the claimed figure folds to make room.
    """
    verdict = max([len("verdict")] + [len(_verdict_cell(c).plain) for c in claims])
    value = max([len("recomputed")] + [len(clean(c.value)) if c.value else 1 for c in claims])
    claimed = max([len("claimed")] + [len(clean(c.figure)) for c in claims])
    ids = max([len("claim")] + [len(clean(c.id)) for c in claims])
    speakers = max([len("speaker")] + [len(_speaker_cell(c).plain) for c in claims])
    # A long claimed figure wraps at its spaces (never cut) before an id has to fold.
    longest_word = max([len("claimed")] + [len(w) for c in claims for w in clean(c.figure).split()])
    shortest = max(longest_word, min(claimed, MIN_CLAIMED))
    # Between two columns: a space of padding each side of the (blank) divider.
    rest = columns - GAP * 4 - verdict - value - claimed
    if rest < ids + speakers:
        claimed = max(shortest, claimed - (ids + speakers - rest))
        rest = columns - GAP * 4 - verdict - value - claimed
    if rest >= MIN_ID + MIN_SPEAKER:
        if ids + speakers <= rest:
            return {"claim": ids, "speaker": speakers, "claimed": claimed, "recomputed": value, "verdict": verdict}
        id_w = min(ids, max(rest * 3 // 5, rest - speakers))
        return {"claim": id_w, "speaker": rest - id_w, "claimed": claimed, "recomputed": value, "verdict": verdict}
    value = max([len("value")] + [len(clean(c.value)) if c.value else 1 for c in claims])
    rest = columns - GAP * 3 - verdict - value - claimed
    if rest < ids:
        claimed = max(shortest, claimed - (ids - rest))
        rest = columns - GAP * 3 - verdict - value - claimed
    if rest < MIN_ID:
        claimed = max(claimed - (MIN_ID - rest), len("claimed"))
        rest = columns - GAP * 3 - verdict - value - claimed
    return {"claim": max(min(ids, rest), 1), "claimed": claimed, "value": value, "verdict": verdict}


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
    if inp.table is not None:
        tb = inp.table
        t.append("table ", style=LABEL).append(clean(tb.path)).append(" · sha256 " + tb.sha256, style=LABEL)
        t.append("\n" + clean(tb.how) + " → " + clean(tb.value) + "\n")
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
