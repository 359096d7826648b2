"""``claimcheck verify``: recompute every claim of the claim files and report the verdicts."""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import List, Optional

import typer

from claimcheck.cli.app import (
    Command, Progress, app, cache_dir_option, cache_folder, cache_note, clobbers_input, command_settings,
    debug_option, default_format, err, exclude_option, format_option, guard, jobs_option, known_format,
    max_bytes_option, no_cache_option, out, output_option, paths_argument, show_progress, terminal_width,
    use_color, write_output,
)
from claimcheck.exitcodes import Exit
from claimcheck.report import FORMAT_HELP


@app.command(cls=Command, context_settings=command_settings(FORMAT_HELP))
def verify(
    paths: List[str] = paths_argument(),
    fmt: Optional[str] = format_option(FORMAT_HELP, "Default: github under GitHub Actions, else rich."),
    output: Optional[Path] = output_option(
        "Write the report to FILE, atomically: the complete report, invalid files included."
    ),
    strict: bool = typer.Option(False, "--strict", help="Approximate and unverifiable claims fail too."),
    only: Optional[List[str]] = typer.Option(None, "--only", metavar="ID", help="Check only this claim id (repeatable)."),
    exclude: Optional[List[str]] = exclude_option(),
    explain: bool = typer.Option(False, "-v", "--explain", help="Explain every claim, not only those that are not accurate."),
    max_bytes: int = max_bytes_option(),
    jobs: Optional[int] = jobs_option(),
    no_cache: bool = no_cache_option(),
    cache_dir: Optional[str] = cache_dir_option(),
    debug: bool = debug_option(),
) -> None:
    """Recompute every claim and report the verdicts."""

    def body() -> int:
        from claimcheck.report import FORMATS

        name = fmt or default_format()
        if not known_format(name, FORMATS):
            return Exit.INPUT
        if paths.count("-") > 1:
            err("claimcheck: error: - (standard input) can be given once")
            return Exit.INPUT
        clash = clobbers_input(output, paths)
        if clash:
            err(f"claimcheck: error: -o {output} {clash}; write the report elsewhere")
            return Exit.INPUT
        from claimcheck import run
        from claimcheck.engine import Policy
        from claimcheck.report import Options

        to_terminal = output is None and sys.stdout.isatty()
        options = Options(explain=explain, strict=strict, width=_width(name, to_terminal), color=use_color(to_terminal))
        chunks: list[str] = []
        # The terminal report lists an invalid file's problems itself; on a terminal, saying
        # them on stderr too would show each twice.
        problems_in_report = name == "rich" and to_terminal and sys.stderr.isatty()
        step_summary = os.environ.get("GITHUB_STEP_SUMMARY") if name == "github" else None
        folder, named = cache_folder(no_cache, cache_dir)
        with Progress("claimcheck verify", show_progress(output)) as progress:
            outcome = run.verify(
                paths, fmt=name, options=options, policy=Policy(strict=strict, only=frozenset(only) if only else None),
                max_bytes=max_bytes, jobs=jobs, emit=chunks.append if output is not None else out,
                on_problem=(lambda p: None) if problems_in_report else (lambda p: err(p.render())),
                step_summary=bool(step_summary), exclude=exclude or (), on_file=progress.tick, cache_dir=folder,
            )
        cache_note(outcome.cache_note, named)
        for warning in getattr(outcome.renderer, "warnings", ()):
            err(warning)
        if outcome.only_matched_nothing:
            err(f"claimcheck: error: no claim matched --only {' '.join(only or ())}")
        if output is not None:
            if outcome.only_matched_nothing:
                # A usage error: the report would say nothing, so an old one stays.
                err(f"claimcheck: {output} not written: no claim matched --only")
            elif name == "claimreview" and _is_folder(output):
                _write_pages(outcome.renderer.pages(), output)  # type: ignore[attr-defined]
            else:
                # The complete report, invalid files included (exit 2 all the same).
                write_output("".join(chunks), output)
        if step_summary and outcome.step_summary is not None:
            _append_step_summary(step_summary, outcome.step_summary)
        return outcome.code

    guard(debug, body)


def _width(fmt: str, to_terminal: bool) -> int:
    """The terminal report's width: the terminal's; piped, ``COLUMNS`` when it is set (at
    least 60), else 100. Other formats do not wrap."""
    if fmt == "rich" and not to_terminal:
        raw = os.environ.get("COLUMNS", "").strip()
        if raw.isdigit() and int(raw) > 0:
            return max(60, int(raw))
    return terminal_width(to_terminal)


def _is_folder(output: Path) -> bool:
    """``-o DIR/`` (a trailing slash, which Path drops) or an existing folder."""
    if output.is_dir():
        return True
    return any(a.endswith(("/", os.sep)) and Path(a.split("=", 1)[-1]) == output for a in sys.argv[1:])


def _write_pages(pages: dict[str, str], folder: Path) -> None:
    """``-o DIR/`` with ClaimReview: one JSON-LD file per claim (Google reads one per page)."""
    from claimcheck.cli.app import CannotWrite

    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise CannotWrite(f"claimcheck: error: cannot write {folder}: {(e.strerror or str(e)).lower()}") from None
    for name, text in pages.items():
        write_output(text, folder / name)


def _append_step_summary(path: str, text: str) -> None:
    try:
        with open(path, "a", encoding="utf-8") as fh:
            fh.write(text)
    except OSError as e:
        # The summary is a courtesy; the verdicts and the exit code stand without it
        # (was exit 3, "internal error", for an unwritable path).
        err(f"claimcheck: warning: step summary not written to {path}: {(e.strerror or str(e)).lower()}")
