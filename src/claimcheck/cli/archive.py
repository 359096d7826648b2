"""``claimcheck archive``: a whole archive scanned on Dask into Parquet, and its summary.

``archive scan`` and ``archive summary`` need the optional ``archive`` extra (dask and
pyarrow); without it they say how to install it and exit 2. This module imports neither:
the rest of claimcheck never pays for them.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, List, Optional

import typer

from claimcheck.cli.app import (
    Command, app, command_settings, debug_option, err, format_option, guard, known_format, show_progress,
    terminal_width, use_color, write_output,
)
from claimcheck.exitcodes import Exit
from claimcheck.report.archive import FORMATS as ARCHIVE_FORMATS

archive_app = typer.Typer(
    name="archive",
    help="Scan a newsroom's whole archive on Dask into a Parquet dataset, and summarise it "
         '(needs the archive extra: pip install "claimcheck[archive]").',
    no_args_is_help=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)
app.add_typer(archive_app, name="archive")

SCAN_EXIT_CODES = {
    0: "the dataset was written and every file was scanned",
    2: "bad usage, the extra not installed, the destination exists, or a file could not be read "
       "(the dataset is still written: that file is a row with its error)",
    3: "an internal error (a bug in claimcheck): a file whose scan failed is a row with the error; rerun with --debug",
}
SUMMARY_EXIT_CODES = {
    0: "the summary was printed",
    2: "bad usage, the extra not installed, the dataset unreadable or incomplete (a part missing)",
    3: "an internal error (a bug in claimcheck); rerun with --debug",
}


def _needs_extra(cluster: bool = False) -> bool:
    """Say how to install the extra when a package of it is missing."""
    from claimcheck.archive import INSTALL, missing

    lacking = missing(cluster=cluster)
    if lacking:
        err(f"claimcheck: error: claimcheck archive needs the optional archive extra ({', '.join(lacking)} "
            f"not installed); install it with: {INSTALL}")
    return bool(lacking)


@archive_app.callback(invoke_without_command=True)
def _archive(ctx: typer.Context) -> None:
    """Scan a newsroom's whole archive on Dask into a Parquet dataset, and summarise it."""
    if ctx.invoked_subcommand is None:
        if not _needs_extra():
            err(ctx.get_help())
            err("claimcheck: error: give a command: scan or summary")
        raise typer.Exit(int(Exit.INPUT))


class _Bar:
    """The run's progress on stderr: files scanned out of the total, partitions done."""

    def __init__(self, enabled: bool) -> None:
        self.enabled = enabled
        self._bar: Any = None
        self._task: Any = None
        self._parts = 0

    def start(self, files: int, partitions: int) -> None:
        if not self.enabled:
            return
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

        console = Console(file=sys.stderr, color_system=None if not use_color(True) else "auto")
        self._bar = Progress(TextColumn("claimcheck archive scan"), BarColumn(), MofNCompleteColumn(),
                             TextColumn("files, {task.fields[parts]} of %d partitions" % partitions),
                             TimeElapsedColumn(), console=console, transient=True)
        self._task = self._bar.add_task("scan", total=files, parts=0)
        self._bar.start()

    def partition(self, done: Any) -> None:
        self._parts += 1
        if self._bar is not None:
            self._bar.update(self._task, advance=done.files, parts=self._parts)

    def stop(self) -> None:
        if self._bar is not None:
            self._bar.stop()


def _files(n: int) -> str:
    return f"{n:,} " + ("file" if n == 1 else "files")


@archive_app.command("scan", cls=Command, context_settings=command_settings(None, SCAN_EXIT_CODES))
def archive_scan(
    paths: List[str] = typer.Argument(
        ..., metavar="PATH...",
        help="Articles, or folders searched for text, Markdown and HTML files (*.txt, *.md, *.html…); "
             "a quoted glob is expanded.",
    ),
    out: Path = typer.Option(..., "--out", "-o", metavar="DATASET",
                             help="The Parquet dataset to write (a folder of part-*.parquet files)."),
    scheduler: Optional[str] = typer.Option(
        None, "--scheduler", metavar="ADDRESS",
        help="A Dask scheduler's address (tcp://host:8786) to run on a cluster; default: Dask's local "
             "process scheduler on this machine."),
    workers: Optional[int] = typer.Option(None, "--workers", "-w", metavar="N", min=1,
                                          help="Local worker processes (default: one per core)."),
    partition_size: Optional[int] = typer.Option(
        None, "--partition-size", metavar="FILES", min=1,
        help="Files per partition (default: 4 partitions per worker, at most 200 files each)."),
    input_format: Optional[str] = typer.Option(None, "--input-format", metavar="KIND",
                                               help="text, markdown or html for every file (default: from each name)."),
    force: bool = typer.Option(False, "--force", help="Replace DATASET if it exists (only a dataset this command wrote)."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress and no closing line."),
    debug: bool = debug_option(),
) -> None:
    """Scan every article on Dask; write a row per finding, and per unreadable file, to Parquet."""

    def body() -> int:
        if _needs_extra(cluster=scheduler is not None):
            return Exit.INPUT
        if input_format not in (None, "text", "markdown", "html"):
            err(f"claimcheck: error: unknown input format '{input_format}'; choose text, markdown or html")
            return Exit.INPUT
        if "-" in paths:
            err("claimcheck: error: archive scan reads files and folders, not standard input (-)")
            return Exit.INPUT
        if scheduler is not None and workers is not None:
            err("claimcheck: error: --workers is for the local scheduler; a cluster has the workers it was started with")
            return Exit.INPUT
        from claimcheck import run
        from claimcheck.archive.job import ArchiveError

        bar = _Bar(not quiet and show_progress(out))
        try:
            outcome = run.archive_scan(
                paths, str(out), scheduler=scheduler, workers=workers, partition_size=partition_size,
                input_format=input_format, force=force, on_start=bar.start, on_partition=bar.partition,
            )
        except ArchiveError as e:
            err(f"claimcheck: error: {e}")
            return Exit.INPUT
        except OSError as e:  # the dataset's folder: full, read-only, gone (never an article: those are rows)
            err(f"claimcheck: error: cannot write {out}: {(e.strerror or str(e)).lower()}; nothing was written")
            return Exit.INPUT
        finally:
            bar.stop()
        if not quiet:
            sys.stdout.write(
                f"{_files(outcome.files)} scanned in {outcome.partitions:,} "
                f"{'partition' if outcome.partitions == 1 else 'partitions'}: {outcome.findings:,} findings, "
                f"{outcome.inaccurate:,} inaccurate; written to {out}\n")
        if outcome.internal:
            err(f"claimcheck: internal error: scanning {_files(outcome.internal)} failed (a bug in claimcheck); "
                f"their rows in {out} have status 'internal-error' and the exception")
            return Exit.INTERNAL
        if outcome.errors:
            err(f"claimcheck: error: {_files(outcome.errors)} could not be read; "
                f"{'its row' if outcome.errors == 1 else 'their rows'} in {out} "
                f"{'has' if outcome.errors == 1 else 'have'} status 'error' and the reason")
            return Exit.INPUT
        return Exit.OK

    guard(debug, body)


@archive_app.command("summary", cls=Command, context_settings=command_settings(ARCHIVE_FORMATS.help, SUMMARY_EXIT_CODES))
def archive_summary(
    dataset: Path = typer.Argument(..., metavar="DATASET", help="A dataset written by claimcheck archive scan."),
    top: int = typer.Option(10, "--top", metavar="N", min=0, help="How many worst offenders to list."),
    fmt: Optional[str] = format_option(ARCHIVE_FORMATS.help, "Default: rich."),
    output: Optional[Path] = typer.Option(None, "-o", "--output", metavar="FILE", help="Write the summary to this file, atomically."),
    debug: bool = debug_option(),
) -> None:
    """The counts by verdict and the files with the most inaccurate findings."""

    def body() -> int:
        if _needs_extra():
            return Exit.INPUT
        name = fmt or "rich"
        if not known_format(name, ARCHIVE_FORMATS):
            return Exit.INPUT
        from claimcheck import run
        from claimcheck.archive.summary import SummaryError
        from claimcheck.report.archive import incomplete

        if not dataset.exists():
            err(f"claimcheck: error: {dataset}: no such dataset")
            return Exit.INPUT
        try:
            summary = run.archive_summary(str(dataset), top)
        except SummaryError as e:
            err(f"claimcheck: error: {e}")
            return Exit.INPUT
        to_terminal = output is None and sys.stdout.isatty()
        write_output(ARCHIVE_FORMATS[name](summary, width=terminal_width(to_terminal), color=use_color(to_terminal)), output)
        warn = incomplete(summary)
        if warn:
            err(f"claimcheck: error: {dataset}: {warn}")
            return Exit.INPUT
        return Exit.OK

    guard(debug, body)
