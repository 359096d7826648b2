"""The ``claimcheck`` command: arguments → core → report → exit code. Nothing is computed here.

Each command turns its arguments into a request, hands it to the core, sends the text a
report module returns to its destination, and returns an exit code from
:mod:`claimcheck.exitcodes`. Input problems go to stderr as one unwrapped line each
(``path:line:col: error: message``); internal errors are one line, with the traceback
only under ``--debug``; a closed pipe ends quietly.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Callable, List, Optional

import typer

from claimcheck import __version__
from claimcheck.exitcodes import Exit, worst

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


def _version(value: bool) -> None:
    if value:
        typer.echo(f"claimcheck {__version__}")
        raise typer.Exit(0)


@app.callback()
def _main(
    version: bool = typer.Option(False, "--version", callback=_version, is_eager=True, help="Show the version and exit."),
) -> None:
    """claimcheck: recompute the numbers behind published claims."""


def _err(line: str) -> None:
    sys.stderr.write(line + "\n")
    sys.stderr.flush()


def _guard(debug: bool, body: Callable[[], int]) -> None:
    """Run a command body; map its outcome, a closed pipe and internal errors to exit codes."""
    try:
        code = body()
    except typer.Exit:
        raise
    except BrokenPipeError:
        _quiet_pipe()
        raise typer.Exit(int(Exit.OK))
    except _CannotWrite as e:
        _err(str(e))
        raise typer.Exit(int(Exit.INPUT))
    except KeyboardInterrupt:
        _err("claimcheck: interrupted")
        raise typer.Exit(130)
    except Exception as e:  # noqa: BLE001 - the one place internal errors become exit 3
        if debug:
            import traceback

            traceback.print_exc()
        _err(f"claimcheck: internal error: {type(e).__name__}: {e} (this is a bug; rerun with --debug for the traceback)")
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


def _write_output(text: str, output: Optional[Path]) -> None:
    if output is None:
        sys.stdout.write(text)
        return
    from claimcheck.writing import atomic_write

    try:
        atomic_write(output, text)
    except OSError as e:
        # A folder that does not exist or cannot be written is the user's to fix, not a
        # bug (exit 2, not 3); atomic_write has left any old file as it was.
        raise _CannotWrite(f"claimcheck: error: cannot write {output}: {(e.strerror or str(e)).lower()}") from None


class _CannotWrite(Exception):
    """The report or schema could not be written where ``-o`` asked."""


# --- validate ---------------------------------------------------------------------------


@app.command()
def validate(
    paths: List[str] = typer.Argument(..., help="Claim files or folders (searched for *.yaml, *.yml)."),
    max_bytes: int = typer.Option(1024 * 1024, "--max-bytes", help=MAX_BYTES_HELP, min=1),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", help=JOBS_HELP, min=1),
    debug: bool = typer.Option(False, "--debug", help=DEBUG_HELP),
) -> None:
    """Check claim files for every input error, without judging the claims."""

    def body() -> int:
        from claimcheck.parallel import validate_paths

        code = Exit.OK
        files = bad = 0
        for loaded in validate_paths(paths, max_bytes, jobs):
            files += 1
            if loaded.problems:
                bad += 1
                code = Exit.INPUT
                for p in loaded.problems:
                    _err(p.render())
        noun = "file" if files == 1 else "files"
        if bad:
            _err(f"{bad} of {files} {noun} invalid")
        else:
            sys.stdout.write(f"{files} {noun} valid\n")
        return code

    _guard(debug, body)


# --- schema -----------------------------------------------------------------------------


@app.command()
def schema(
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write to this file (atomically) instead of stdout."),
    debug: bool = typer.Option(False, "--debug", help=DEBUG_HELP),
) -> None:
    """Print the JSON Schema of a claim file (for editors: yaml-language-server)."""

    def body() -> int:
        from claimcheck.claimfile.schema import schema_text

        _write_output(schema_text(), output)
        return Exit.OK

    _guard(debug, body)


# --- verify -----------------------------------------------------------------------------


def _format_names() -> list[str]:
    from claimcheck.report import FORMATS

    return list(FORMATS)


@app.command()
def verify(
    paths: List[str] = typer.Argument(..., help="Claim files or folders (searched for *.yaml, *.yml)."),
    fmt: Optional[str] = typer.Option(
        None, "--format", "-f",
        help="rich (terminal), json, junit, github, markdown or claimreview. Default: github under GitHub Actions, else rich.",
    ),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write the report to this file, atomically."),
    strict: bool = typer.Option(False, "--strict", help="Approximate and unverifiable claims fail too."),
    only: Optional[List[str]] = typer.Option(None, "--only", help="Check only this claim id (repeatable)."),
    explain: bool = typer.Option(False, "-v", "--explain", help="Explain every claim, not only those that are not accurate."),
    max_bytes: int = typer.Option(1024 * 1024, "--max-bytes", help=MAX_BYTES_HELP, min=1),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", help=JOBS_HELP, min=1),
    debug: bool = typer.Option(False, "--debug", help=DEBUG_HELP),
) -> None:
    """Recompute every claim and report the verdicts. Exit 1 when a claim fails, 2 on invalid input."""

    def body() -> int:
        from claimcheck.report import FORMATS

        name = fmt or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "rich")
        if name not in FORMATS:
            _err(f"claimcheck: error: unknown format '{name}'; choose one of: {', '.join(FORMATS)}")
            return Exit.INPUT
        clash = _clobbers_input(output, paths)
        if clash:
            _err(f"claimcheck: error: -o {output} {clash}; write the report elsewhere")
            return Exit.INPUT
        from claimcheck.engine import Policy
        from claimcheck.report import Options, Tally, renders_on_workers

        to_terminal = output is None and sys.stdout.isatty()
        options = Options(
            explain=explain,
            strict=strict,
            width=_width(to_terminal),
            color=to_terminal and "NO_COLOR" not in os.environ,
        )
        renderer = FORMATS[name](options)
        policy = Policy(strict=strict, only=frozenset(only) if only else None)
        chunks: list[str] = []
        emit = chunks.append if output is not None else sys.stdout.write
        emit(renderer.start())
        code = Exit.OK
        counts = Tally()
        summary_md: list[str] = []
        # The terminal report lists an invalid file's problems itself; on a terminal, saying
        # them on stderr too would show each twice.
        problems_in_report = name == "rich" and to_terminal and sys.stderr.isatty()
        from claimcheck.parallel import Rendered
        from claimcheck.parallel import check_paths as check_paths_on

        want_step_summary = name == "github" and bool(os.environ.get("GITHUB_STEP_SUMMARY"))
        # Under --jobs, workers render their files' text (the step summary needs the results).
        render = (name, options) if renders_on_workers(renderer) and not want_step_summary else None
        for fr in check_paths_on(paths, policy, max_bytes, jobs, render=render):
            if not problems_in_report:
                for p in fr.problems:
                    _err(p.render())
            code = worst(code, Exit.INPUT if fr.invalid else (Exit.FAIL if fr.failed else Exit.OK))
            if type(fr) is Rendered:
                counts.add_counts(fr.invalid, fr.verdicts)
                emit(fr.text)
                renderer.advance()
                continue
            counts.add(fr)
            emit(renderer.file(fr))
            if want_step_summary:
                summary_md.append(fr)  # type: ignore[arg-type]
        summary = counts.summary()
        emit(renderer.finish(summary))
        if only and counts.claims == 0 and code == Exit.OK:
            _err(f"claimcheck: error: no claim matched --only {' '.join(only)}")
            code = Exit.INPUT
        if output is not None:
            if code == Exit.INPUT:
                # Invalid input: nothing is written, and an old report stays as it was.
                _err(f"claimcheck: {output} not written: fix the input errors above")
            else:
                _write_output("".join(chunks), output)
        if summary_md:
            from claimcheck.report import step_summary

            try:
                with open(os.environ["GITHUB_STEP_SUMMARY"], "a", encoding="utf-8") as fh:
                    fh.write(step_summary(summary_md, summary))  # type: ignore[arg-type]
            except OSError as e:
                # The summary is a courtesy; the verdicts and the exit code stand without it
                # (was exit 3, "internal error", for an unwritable path).
                _err(f"claimcheck: warning: step summary not written to {os.environ['GITHUB_STEP_SUMMARY']}: {(e.strerror or str(e)).lower()}")
        return code

    _guard(debug, body)


def _clobbers_input(output: Optional[Path], paths: List[str]) -> Optional[str]:
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


def _width(to_terminal: bool) -> int:
    if to_terminal:
        import shutil

        return max(60, shutil.get_terminal_size((100, 24)).columns)
    return 100


# --- calc -------------------------------------------------------------------------------


@app.command()
def calc(
    expression: str = typer.Argument(..., help='An expression over numbers, e.g. "pct_change(31000, 27000)".'),
    claim: str = typer.Option(..., "--claim", "-c", help='The claimed figure, e.g. "down 10%".'),
    fmt: str = typer.Option("rich", "--format", "-f", help="rich or json."),
    debug: bool = typer.Option(False, "--debug", help=DEBUG_HELP),
) -> None:
    """Judge one claimed figure against one expression, no file needed.

    Exit 0 for accurate, approximate or unverifiable; 1 for inaccurate; 2 for bad input.
    """

    def body() -> int:
        from claimcheck.engine import check_expression
        from claimcheck.expr import EvalError
        from claimcheck.figures import FigureError
        from claimcheck.report.calc import FORMATS as CALC_FORMATS

        if fmt not in CALC_FORMATS:
            _err(f"claimcheck: error: unknown format '{fmt}'; choose {CALC_FORMATS.choices()}")
            return Exit.INPUT
        try:
            result = check_expression(expression, claim)
        except FigureError as e:
            _err(f"<claim>:1:1: error: {e}")
            return Exit.INPUT
        except EvalError as e:
            _err(f"<expression>:1:{e.col or 1}: error: {e.message}")
            return Exit.INPUT
        to_terminal = sys.stdout.isatty()
        sys.stdout.write(CALC_FORMATS[fmt](result, width=_width(to_terminal), color=to_terminal and "NO_COLOR" not in os.environ))
        return Exit.FAIL if result.verdict == "inaccurate" or not result.passed else Exit.OK

    _guard(debug, body)


# --- rules ------------------------------------------------------------------------------


@app.command()
def rules(
    fmt: str = typer.Option("rich", "--format", "-f", help="rich, markdown or json."),
    debug: bool = typer.Option(False, "--debug", help=DEBUG_HELP),
) -> None:
    """Print the hedge table: which words select which band, and the bands."""

    def body() -> int:
        from claimcheck.report.rules import FORMATS as RULES_FORMATS

        if fmt not in RULES_FORMATS:
            _err(f"claimcheck: error: unknown format '{fmt}'; choose {RULES_FORMATS.choices()}")
            return Exit.INPUT
        to_terminal = sys.stdout.isatty()
        sys.stdout.write(RULES_FORMATS[fmt](width=_width(to_terminal), color=to_terminal and "NO_COLOR" not in os.environ))
        return Exit.OK

    _guard(debug, body)


# --- new --------------------------------------------------------------------------------


@app.command()
def new(
    path: str = typer.Argument(..., help="The claim file to create, e.g. claims/budget.yaml."),
    title: str = typer.Option("TODO: the story's headline", "--title", help="The story or fact-check the file covers."),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing file."),
    root: Optional[Path] = typer.Option(None, "--root", help="The folder the file must stay inside (default: the current folder)."),
    debug: bool = typer.Option(False, "--debug", help=DEBUG_HELP),
) -> None:
    """Create a commented claim file to fill in."""

    def body() -> int:
        from claimcheck.claimfile.scaffold import ScaffoldError, write_scaffold

        try:
            written = write_scaffold(path, title=title, force=force, root=root or Path.cwd())
        except ScaffoldError as e:
            _err(f"{e.path}:1:1: error: {e.message}")
            return Exit.INPUT
        sys.stdout.write(f"created {written}\nnext: fill it in, then run: claimcheck validate {written}\n")
        return Exit.OK

    _guard(debug, body)


# --- scan -------------------------------------------------------------------------------

@app.command()
def scan(
    paths: List[str] = typer.Argument(..., help="Articles: plain text, Markdown or HTML files, or - for stdin."),
    fmt: Optional[str] = typer.Option(
        None, "--format", "-f", help="rich, json or github. Default: github under GitHub Actions, else rich."
    ),
    input_format: Optional[str] = typer.Option(
        None, "--input-format", help="text, markdown or html (default: from the file name)."
    ),
    output: Optional[Path] = typer.Option(None, "-o", "--output", help="Write the report to this file, atomically."),
    emit_yaml: Optional[Path] = typer.Option(
        None, "--emit-yaml", help="Write a claim-file scaffold with every finding, for a fact-checker to complete."
    ),
    force: bool = typer.Option(False, "--force", help="Let --emit-yaml replace an existing file."),
    url: Optional[str] = typer.Option(None, "--url", help="The article's address, for the source --emit-yaml writes (one article)."),
    title: Optional[str] = typer.Option(None, "--title", help="The story's title, for the file --emit-yaml writes."),
    debug: bool = typer.Option(False, "--debug", help=DEBUG_HELP),
) -> None:
    """Find the numeric claims in an article; check the ones that carry their own evidence.

    Exit 1 when a self-contained claim is inaccurate, 2 on unreadable input.
    """

    def body() -> int:
        from claimcheck.report.scan import FORMATS as SCAN_FORMATS, SCAFFOLDS

        name = fmt or ("github" if os.environ.get("GITHUB_ACTIONS") == "true" else "rich")
        if name not in SCAN_FORMATS:
            _err(f"claimcheck: error: unknown format '{name}'; choose one of: {', '.join(SCAN_FORMATS)}")
            return Exit.INPUT
        if input_format not in (None, "text", "markdown", "html"):
            _err(f"claimcheck: error: unknown input format '{input_format}'; choose text, markdown or html")
            return Exit.INPUT
        for target, flag in ((output, "-o"), (emit_yaml, "--emit-yaml")):
            if target is not None and any(Path(p).resolve() == target.resolve() for p in paths if p != "-"):
                _err(f"claimcheck: error: {flag} {target} is one of the files being scanned; write elsewhere")
                return Exit.INPUT
        if (url is not None or title is not None) and emit_yaml is None:
            _err("claimcheck: error: --url and --title describe the file --emit-yaml writes; give --emit-yaml too")
            return Exit.INPUT
        if url is not None and len(paths) != 1:
            _err("claimcheck: error: --url is the address of one article; scan one file with it")
            return Exit.INPUT
        if emit_yaml is not None and emit_yaml.exists() and not force:
            _err(f"{emit_yaml}:1:1: error: already exists; use --force to overwrite it")
            return Exit.INPUT
        from claimcheck.scan import scan_path

        results = [scan_path(p, fmt=input_format) for p in paths]  # type: ignore[arg-type]
        code = Exit.OK
        for r in results:
            for p in r.problems:
                _err(p.render())
            code = worst(code, Exit.INPUT if r.invalid else (Exit.FAIL if r.inaccurate else Exit.OK))
        to_terminal = output is None and sys.stdout.isatty()
        text = SCAN_FORMATS[name](results, color=to_terminal and "NO_COLOR" not in os.environ, width=_width(to_terminal))
        _write_output(text, output)
        if emit_yaml is not None:
            if code == Exit.INPUT:
                _err(f"claimcheck: {emit_yaml} not written: fix the input errors above")
            else:
                from claimcheck.writing import atomic_write

                atomic_write(emit_yaml, SCAFFOLDS["yaml"](results, title=title, url=url))
        return code

    _guard(debug, body)


def main() -> None:
    """Console-script entry point."""
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
