"""The ``claimcheck`` application and what its commands share: the options, the guard
that maps a command's outcome to its exit code, and where output goes.

Each command (a module of :mod:`claimcheck.cli`) turns its arguments into a call of
:mod:`claimcheck.run` or the core, sends the text a report module returns to its
destination, and returns an exit code from :mod:`claimcheck.exitcodes`. Input problems go to stderr as one unwrapped line each
(``path:line:col: error: message``); internal errors are one line, with the traceback
only under ``--debug``; a closed pipe ends quietly.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any, Callable, List, Optional

import typer

from claimcheck import __version__
from claimcheck.exitcodes import Exit

app = typer.Typer(
    name="claimcheck",
    help="Recompute the numbers behind published claims and say, with the arithmetic shown, whether each claim holds.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
)

DEBUG_HELP = "Show the traceback of an internal error."
MAX_BYTES_HELP = "Largest claim file accepted, in bytes."
JOBS_HELP = "Processes to check files on (default: automatic, all cores when there are many files)."


# --- the options several commands take ----------------------------------------------------


def debug_option() -> Any:
    return typer.Option(False, "--debug", help=DEBUG_HELP)


def max_bytes_option() -> Any:
    return typer.Option(1024 * 1024, "--max-bytes", help=MAX_BYTES_HELP, min=1)


def jobs_option() -> Any:
    return typer.Option(None, "--jobs", "-j", help=JOBS_HELP, min=1)


def output_option(what: str = "Write the report to this file, atomically.") -> Any:
    return typer.Option(None, "-o", "--output", help=what)


def default_format() -> str:
    """github under GitHub Actions, else rich (the terminal report)."""
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else "rich"


def use_color(to_terminal: bool) -> bool:
    """Colour only on a terminal, and never under NO_COLOR."""
    return to_terminal and "NO_COLOR" not in os.environ


def _version(value: bool) -> None:
    if value:
        typer.echo(f"claimcheck {__version__}")
        raise typer.Exit(0)


@app.callback()
def _main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version and exit."),
) -> None:
    """claimcheck: recompute the numbers behind published claims."""


def err(line: str) -> None:
    sys.stderr.write(line + "\n")
    sys.stderr.flush()


def guard(debug: bool, body: Callable[[], int]) -> None:
    """Run a command body; map its outcome, a closed pipe and internal errors to exit codes."""
    try:
        code = body()
    except typer.Exit:
        raise
    except BrokenPipeError:
        _quiet_pipe()
        raise typer.Exit(int(Exit.OK))
    except CannotWrite as e:
        err(str(e))
        raise typer.Exit(int(Exit.INPUT))
    except KeyboardInterrupt:
        err("claimcheck: interrupted")
        raise typer.Exit(130)
    except Exception as e:  # noqa: BLE001 - the one place internal errors become exit 3
        if debug:
            import traceback

            traceback.print_exc()
        err(f"claimcheck: internal error: {type(e).__name__}: {e} (this is a bug; rerun with --debug for the traceback)")
        raise typer.Exit(int(Exit.INTERNAL))
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _quiet_pipe()
    raise typer.Exit(int(code))


def _quiet_pipe() -> None:
    # Python would complain again at exit when flushing the closed stdout.
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except OSError:
        pass


def write_output(text: str, output: Optional[Path]) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    from claimcheck.writing import atomic_write

    try:
        atomic_write(output, text)
    except OSError as e:
        # A folder that does not exist or cannot be written is the user's to fix, not a
        # bug (exit 2, not 3); atomic_write has left any old file as it was.
        raise CannotWrite(f"claimcheck: error: cannot write {output}: {(e.strerror or str(e)).lower()}") from None


class CannotWrite(Exception):
    """The report or schema could not be written where ``-o`` asked."""


def clobbers_input(output: Optional[Path], paths: List[str]) -> Optional[str]:
    """Why writing ``output`` would destroy or pollute an input, or None."""
    if output is None:
        return None
    target = output.resolve()
    for raw in paths:
        p = Path(raw).resolve()
        if p == target:
            return "is one of the files being checked"
        if p.is_dir() and target.is_relative_to(p) and target.suffix in (".yaml", ".yml"):
            return f"would be read as a claim file in {raw}"
    return None


def terminal_width(to_terminal: bool) -> int:
    if to_terminal:
        import shutil

        return max(60, shutil.get_terminal_size((100, 24)).columns)
    return 100


def main() -> None:
    """Console-script entry point."""
    app()
