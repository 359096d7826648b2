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
import threading
from collections.abc import Mapping
from pathlib import Path
from typing import Any, Callable, Iterable, List, Optional

import typer
import typer.core

from claimcheck import __version__
from claimcheck.exitcodes import Exit

app = typer.Typer(
    name="claimcheck",
    help="Recompute the numbers behind published claims and say, with the arithmetic shown, whether each claim holds.",
    add_completion=True,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
    context_settings={"help_option_names": ["-h", "--help"]},
    epilog="Exit codes: 0 every claim passes; 1 a claim fails; 2 invalid input or usage; "
           "3 an internal error (a bug in claimcheck; --debug shows the traceback).",
)

DEBUG_HELP = "Show the traceback of an internal error."
MAX_BYTES_HELP = "Largest claim file accepted, in bytes."
JOBS_HELP = "Processes to check files on (default: automatic, all cores when there are many files)."


# --- the options several commands take ----------------------------------------------------


def debug_option() -> Any:
    return typer.Option(False, "--debug", help=DEBUG_HELP)


def max_bytes_option() -> Any:
    return typer.Option(1024 * 1024, "--max-bytes", metavar="BYTES", help=MAX_BYTES_HELP, min=1)


def jobs_option() -> Any:
    return typer.Option(None, "--jobs", "-j", metavar="N", help=JOBS_HELP, min=1)


def output_option(what: str = "Write the report to this file, atomically.") -> Any:
    return typer.Option(None, "-o", "--output", metavar="FILE", help=what)


def exclude_option() -> Any:
    return typer.Option(
        None, "--exclude", "-x", metavar="PATTERN",
        help="Skip files matching PATTERN: a glob matched against each path and each of its folders "
             "(e.g. drafts, 'claims/2024-*', '*.draft.yaml'); repeatable.",
    )


def paths_argument(what: str = "Claim files or folders (searched for *.yaml, *.yml)") -> Any:
    return typer.Argument(
        ..., metavar="PATH...",
        help=f"{what}; - reads standard input; a quoted glob ('claims/*.yaml', 'claims/**/*.yml') is expanded.",
    )


def format_option(choices: Mapping[str, str], default_note: str) -> Any:
    """``--format``: its choices in the help and completed by the shell."""
    names = list(choices)

    def complete(incomplete: str) -> list[str]:
        return [n for n in names if n.startswith(incomplete)]

    listed = ", ".join(names[:-1]) + " or " + names[-1] if len(names) > 1 else names[0]
    return typer.Option(
        None, "--format", "-f", metavar="FORMAT", autocompletion=complete,
        help=f"{listed} (see Formats below). {default_note}",
    )


def default_format(terminal: str = "rich") -> str:
    """github under GitHub Actions, else the command's terminal report."""
    return "github" if os.environ.get("GITHUB_ACTIONS") == "true" else terminal


def known_format(name: str, formats: Iterable[str]) -> bool:
    """Whether ``name`` is one of the command's formats; if not, say so on stderr."""
    names = list(formats)
    if name in names:
        return True
    err(f"claimcheck: error: unknown format '{name}'; choose one of: {', '.join(names)}")
    return False


def use_color(to_terminal: bool) -> bool:
    """Whether to colour, by the conventions: ``NO_COLOR`` (set and not empty) never;
    ``FORCE_COLOR`` (set, not empty and not ``0``) always, even into a pipe or a file;
    ``TERM=dumb`` never; otherwise only on a terminal."""
    env = os.environ
    if env.get("NO_COLOR"):
        return False
    if env.get("FORCE_COLOR", "") not in ("", "0"):
        return True
    if env.get("TERM") == "dumb":
        return False
    return to_terminal


# --- help: usage, formats and exit codes ---------------------------------------------------

#: What each exit code means, for every command's --help.
EXIT_CODES: dict[int, str] = {
    0: "every claim passes",
    1: "at least one claim fails",
    2: "invalid input or usage: a file could not be checked",
    3: "an internal error (a bug in claimcheck); rerun with --debug",
}


class Command(typer.core.TyperCommand):
    """A command whose --help reads as a person writes it: ``PATH...`` rather than
    ``{paths}... <list[str]>``, the ``--format`` choices each with a line, and every exit
    code. ``formats`` and ``exit_codes`` come from the command's ``context_settings``."""

    # Typer's click (its own copy in recent versions) is only reached through the objects
    # it hands over; arguments are told apart as Typer does, by param_type_name.
    def collect_usage_pieces(self, ctx: Any) -> list[str]:
        pieces = [self.options_metavar] if self.options_metavar else []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                pieces.append(param.metavar or param.name.upper())
        return pieces

    def format_options(self, ctx: Any, formatter: Any) -> None:
        args, opts = [], []
        for param in self.get_params(ctx):
            if param.param_type_name == "argument":
                args.append((param.metavar or param.name.upper(), param.help or ""))
            else:
                rv = param.get_help_record(ctx)
                if rv is not None:
                    opts.append(rv)
        if args:
            with formatter.section("Arguments"):
                formatter.write_dl(args)
        if opts:
            with formatter.section("Options"):
                formatter.write_dl(opts)
        extra = ctx.command.context_settings.get("obj") or {}
        if extra.get("formats"):
            with formatter.section("Formats"):
                formatter.write_dl(list(extra["formats"].items()))
        codes = extra.get("exit_codes", EXIT_CODES)
        with formatter.section("Exit codes"):
            formatter.write_dl([(str(k), v) for k, v in codes.items()])


def command_settings(formats: Mapping[str, str] | None = None, exit_codes: Mapping[int, str] | None = None) -> dict:
    """``@app.command(cls=Command, context_settings=command_settings(...))``."""
    return {"obj": {"formats": dict(formats or {}), "exit_codes": dict(exit_codes or EXIT_CODES)}}


# --- progress -------------------------------------------------------------------------------

#: Seconds a run goes before it shows progress: a short run shows none.
PROGRESS_DELAY = 1.0


def show_progress(output: Optional[Path]) -> bool:
    """Progress goes to stderr only when stderr is a terminal, the report does not stream
    to that same terminal (it goes to a file or a pipe), and no CI system is running us."""
    if os.environ.get("CI") or os.environ.get("GITHUB_ACTIONS") or os.environ.get("TERM") == "dumb":
        return False
    try:
        if not sys.stderr.isatty():
            return False
        return output is not None or not sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


class Progress:
    """A transient line on stderr (rich.progress) counting files, shown only once a run
    has gone on for :data:`PROGRESS_DELAY` seconds and only where :func:`show_progress`
    allows; it is erased when the run ends. ``tick`` is called after each file."""

    def __init__(self, what: str, enabled: bool) -> None:
        self.what = what
        self.enabled = enabled
        self.done = 0
        self._lock = threading.Lock()
        self._bar: Any = None
        self._task: Any = None
        self._timer: threading.Timer | None = None
        self._closed = False

    def __enter__(self) -> "Progress":
        if self.enabled:
            self._timer = threading.Timer(PROGRESS_DELAY, self._start)
            self._timer.daemon = True
            self._timer.start()
        return self

    def _start(self) -> None:
        from rich.console import Console
        from rich.progress import Progress as Bar, SpinnerColumn, TextColumn, TimeElapsedColumn

        with self._lock:
            if self._closed:
                return
            console = Console(file=sys.stderr, color_system=None if not use_color(True) else "auto")
            self._bar = Bar(
                SpinnerColumn(), TextColumn("{task.description}"), TextColumn("{task.completed} files"),
                TimeElapsedColumn(), console=console, transient=True,
            )
            self._task = self._bar.add_task(self.what, total=None, completed=self.done)
            self._bar.start()

    def tick(self, _: object = None) -> None:
        self.done += 1
        if self._bar is not None:
            self._bar.update(self._task, completed=self.done)

    def __exit__(self, *exc: object) -> None:
        with self._lock:
            self._closed = True
            if self._timer is not None:
                self._timer.cancel()
            if self._bar is not None:
                self._bar.stop()


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


def write_output(text: str | Iterable[str], output: Optional[Path]) -> None:
    if output is None:
        sys.stdout.write(text if isinstance(text, str) else "".join(text))
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
