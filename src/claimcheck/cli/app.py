"""The ``claimcheck`` application and what its commands share: the options, the guard
that maps a command's outcome to its exit code, and where output goes.

Each command (a module of :mod:`claimcheck.cli`) turns its arguments into a call of
:mod:`claimcheck.run` or the core, sends the text a report module returns to its
destination, and returns an exit code from :mod:`claimcheck.exitcodes`. Input problems go to stderr as one unwrapped line each
(``path:line:col: error: message``); internal errors are one line, with the traceback
only under ``--debug``; a closed pipe ends quietly, with the run's own exit code.
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


def no_cache_option() -> Any:
    return typer.Option(False, "--no-cache", help="Check every file afresh and read or write no cache.")


def cache_dir_option() -> Any:
    return typer.Option(
        None, "--cache-dir", metavar="DIR",
        help="Keep the cache in DIR (default: $CLAIMCHECK_CACHE_DIR, else .claimcheck_cache in the working folder).",
    )


def cache_folder(no_cache: bool, flag: Optional[str]) -> tuple[Optional[str], bool]:
    """The cache folder a run uses (None: no cache), and whether the user named it."""
    if no_cache:
        return None, False
    from claimcheck.cache import cache_folder as _folder

    return _folder(flag)


def cache_note(note: Optional[str], named: bool) -> None:
    """A cache the user named and that cannot be written is said once; the default one
    is given up silently (a read-only checkout still verifies)."""
    if note and named:
        err(f"claimcheck: note: {note}")


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
    ``TERM=dumb`` never (that terminal shows escape codes as garbage, and it wins over
    ``FORCE_COLOR``, which the README promises too); ``FORCE_COLOR`` (set, not empty
    and not ``0``) always, even into a pipe or a file; otherwise only on a terminal."""
    env = os.environ
    if env.get("NO_COLOR"):
        return False
    if env.get("TERM") == "dumb":
        return False
    if env.get("FORCE_COLOR", "") not in ("", "0"):
        return True
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
    """One line on stderr. A closed or failing stderr is not worth failing the run for:
    the exit code still says how it went."""
    try:
        sys.stderr.write(line + "\n")
        sys.stderr.flush()
    except (OSError, ValueError, AttributeError):
        _discard(2)


# --- standard output --------------------------------------------------------------------
#
# Every command writes its report through out(). Standard output is made to degrade
# rather than fail on a character its encoding lacks (configure_stdout); a closed pipe
# (`claimcheck verify … | head`) sends the rest to the null device and the run goes on
# to its own exit code, as Python's documentation advises (a failing claim is still
# exit 1: CI shells run with pipefail); any other write error (a full disk) is an
# environment error, exit 2.


class _Stdout:
    gone = False  # the reader closed the pipe: the rest of the report is discarded


_STDOUT = _Stdout()


def configure_stdout() -> None:
    """Make standard output degrade instead of raising on a character its encoding lacks
    (:data:`claimcheck.writing.ENCODE_ERRORS`; ``PYTHONIOENCODING=ascii``, a Windows code
    page, a file name that is not UTF-8). A stream the user opened with
    ``surrogateescape`` keeps writing a file name's bytes as they are; any other handler
    they chose is left alone."""
    _STDOUT.gone = False
    stream = sys.stdout
    errors = getattr(stream, "errors", None)
    if errors not in ("strict", "surrogateescape") or not hasattr(stream, "reconfigure"):
        return
    from claimcheck.writing import ENCODE_ERRORS, ENCODE_ERRORS_RAW

    try:
        stream.reconfigure(errors=ENCODE_ERRORS if errors == "strict" else ENCODE_ERRORS_RAW)
    except (OSError, ValueError):
        pass


def out(text: str) -> None:
    """Write report text to standard output (see above)."""
    if _STDOUT.gone:
        return
    stream = sys.stdout
    if stream is None:
        raise CannotWrite("claimcheck: error: cannot write standard output: it is closed")
    try:
        stream.write(text)
    except BrokenPipeError:
        _pipe_closed()
    except OSError as e:
        _discard(1)
        raise CannotWrite(f"claimcheck: error: cannot write standard output: {(e.strerror or str(e)).lower()}") from None


def flush_stdout() -> None:
    """The last of the report, with the same handling as :func:`out`."""
    if _STDOUT.gone or sys.stdout is None:
        return
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        _pipe_closed()
    except OSError as e:
        _discard(1)
        raise CannotWrite(f"claimcheck: error: cannot write standard output: {(e.strerror or str(e)).lower()}") from None


def _pipe_closed() -> None:
    _STDOUT.gone = True
    _discard(1)


def _discard(fd: int) -> None:
    """Point ``fd`` at the null device, so that what is still buffered for it (Python
    flushes it again at exit) goes nowhere instead of failing again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
    except OSError:
        return
    try:
        os.dup2(devnull, fd)
    except OSError:
        pass
    finally:
        os.close(devnull)


def guard(debug: bool, body: Callable[[], int]) -> None:
    """Run a command body; map its outcome, a closed pipe and internal errors to exit codes."""
    configure_stdout()
    try:
        code = body()
        flush_stdout()
    except typer.Exit:
        raise
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
    raise typer.Exit(int(code))


def write_output(text: str | Iterable[str], output: Optional[Path]) -> None:
    """The report (a text, or its parts) to ``-o`` (atomically, or through a FIFO or
    device) or to stdout."""
    if output is None:
        if isinstance(text, str):
            out(text)
        else:
            for part in text:
                out(part)
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
    from claimcheck.writing import real_path

    try:
        target = real_path(output)
    except OSError as e:
        raise CannotWrite(f"claimcheck: error: cannot write {output}: {(e.strerror or str(e)).lower()}") from None
    for raw in paths:
        p = Path(os.path.realpath(raw))
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
