"""``claimcheck archive summary``'s report: an archive's counts and worst offenders.

:data:`FORMATS` names what ``--format`` takes: name → ``render(summary, *, width, color)``,
fed a :class:`claimcheck.archive.summary.Summary`. File names come from the dataset, so
they are cleaned like any user text before they reach a terminal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from claimcheck.report.common import Entry, Registry, clean
from claimcheck.report.json_writer import encode

if TYPE_CHECKING:
    from claimcheck.archive.summary import Summary

#: ``claimcheck archive summary --format``: name → ``render(summary, *, width, color)``.
FORMATS: Registry = Registry("ARCHIVE_FORMATS", {
    "rich": Entry(__name__, "render_rich", "the counts and the worst offenders as tables, for a person"),
    "json": Entry(__name__, "render_json", "the same as JSON, for a script"),
})


def headline(s: Summary) -> str:
    """"10,000 files scanned: 1,234 findings"."""
    return f"{s.files:,} {'file' if s.files == 1 else 'files'} scanned: {s.findings:,} " + (
        "finding" if s.findings == 1 else "findings")


def incomplete(s: Summary) -> str | None:
    """The sentence that says parts are missing, or None."""
    if s.complete:
        return None
    return f"only {s.parts:,} of the run's {s.partitions:,} parts are here: the dataset is incomplete"


def render_json(s: Summary, *, width: int = 100, color: bool = False) -> str:
    """The summary as JSON (``width`` and ``color`` change nothing)."""
    return encode({
        "path": s.path,
        "files": s.files,
        "partitions": s.partitions,
        "parts": s.parts,
        "complete": s.complete,
        "findings": s.findings,
        "counts": dict(s.counts),
        "offenders": [{"file": o.file, "inaccurate": o.inaccurate, "checked": o.checked} for o in s.offenders],
    }) + "\n"


def render_rich(s: Summary, *, width: int = 100, color: bool = False) -> str:
    """Two tables: the rows by outcome, then the files with the most inaccurate findings."""
    import io

    from rich import box
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    out = io.StringIO()
    console = Console(
        file=out, width=width, force_terminal=color, color_system="standard" if color else None,
        no_color=not color, emoji=False, highlight=False, legacy_windows=False,
    )
    console.print(Text(f"{clean(s.path)}: {headline(s)}", style="bold"))
    warn = incomplete(s)
    if warn:
        console.print(Text(f"warning: {warn}", style="yellow"))
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, header_style="bold")
    table.add_column("outcome", no_wrap=True)
    table.add_column("findings", justify="right", no_wrap=True)
    for name in ("accurate", "approximate", "inaccurate", "unverifiable"):
        n = s.counts.get(name, 0)
        table.add_row(Text(f"checked: {name}", style="red" if name == "inaccurate" and n else ""), f"{n:,}")
    table.add_row("needs a source", f"{s.counts.get('needs-source', 0):,}")
    table.add_section()
    table.add_row("all findings", f"{s.findings:,}")
    console.print(table)
    for status, what in (("error", "could not be read"), ("internal-error", "hit a bug in claimcheck")):
        n = s.counts.get(status, 0)
        if n:
            noun = "file" if n == 1 else "files"
            console.print(Text(f"{n:,} {noun} {what}: the rows with status '{status}' say why", style="red"))
    if s.offenders:
        console.print(Text("Worst offenders: the files with the most inaccurate findings", style="bold"))
        worst = Table(box=box.SIMPLE_HEAD, pad_edge=False, header_style="bold")
        worst.add_column("file", overflow="fold")
        worst.add_column("inaccurate", justify="right", no_wrap=True)
        worst.add_column("checked", justify="right", no_wrap=True)
        for o in s.offenders:
            worst.add_row(clean(o.file), f"{o.inaccurate:,}", f"{o.checked:,}")
        console.print(worst)
    else:
        console.print("No file has an inaccurate finding.")
    return out.getvalue()
