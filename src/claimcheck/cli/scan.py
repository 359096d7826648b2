"""``claimcheck scan``: the numeric claims of an article, the self-contained ones checked."""

from __future__ import annotations

import gc
import os
import sys
import tempfile
from pathlib import Path
from typing import List, Optional

import typer

from claimcheck.cli.app import (
    Command, Progress, app, command_settings, debug_option, default_format, err, format_option, guard, known_format,
    out, output_option, paths_argument, show_progress, terminal_width, use_color, write_output,
)
from claimcheck.exitcodes import Exit
from claimcheck.report.scan import FORMATS as SCAN_FORMATS

EXIT_CODES = {
    0: "no self-contained claim is inaccurate",
    1: "a claim the article carries its own evidence for is inaccurate",
    2: "unreadable input or bad usage",
    3: "an internal error (a bug in claimcheck); rerun with --debug",
}

INPUT_FORMATS = ("text", "markdown", "html")


@app.command(cls=Command, context_settings=command_settings(SCAN_FORMATS.help, EXIT_CODES))
def scan(
    paths: List[str] = paths_argument("Articles: plain text, Markdown or HTML files"),
    fmt: Optional[str] = format_option(SCAN_FORMATS.help, "Default: github under GitHub Actions, else rich."),
    input_format: Optional[str] = typer.Option(
        None, "--input-format", metavar="KIND", help="text, markdown or html (default: from the file name)."
    ),
    output: Optional[Path] = output_option(),
    emit_yaml: Optional[Path] = typer.Option(
        None, "--emit-yaml", metavar="FILE", help="Write a claim-file scaffold with every finding, for a fact-checker to complete."
    ),
    force: bool = typer.Option(False, "--force", help="Let --emit-yaml replace an existing file."),
    url: Optional[str] = typer.Option(None, "--url", metavar="URL", help="The article's address, for the source --emit-yaml writes (one article)."),
    title: Optional[str] = typer.Option(None, "--title", metavar="TEXT", help="The story's title, for the file --emit-yaml writes."),
    debug: bool = debug_option(),
) -> None:
    """Find the numeric claims in an article; check the ones that carry their own evidence."""

    def body() -> int:
        from claimcheck.claimfile.read import os_reason
        from claimcheck.report.scan import FORMATS, SCAFFOLDS
        from claimcheck.writing import real_path

        name = fmt or default_format()
        if not known_format(name, FORMATS):
            return Exit.INPUT
        if input_format not in (None, *INPUT_FORMATS):
            err(f"claimcheck: error: unknown input format '{input_format}'; choose text, markdown or html")
            return Exit.INPUT
        for target, flag in ((output, "-o"), (emit_yaml, "--emit-yaml")):
            if target is None:
                continue
            try:
                real = real_path(target)
            except OSError as e:
                err(f"{target}:1:1: error: {flag}: {os_reason(e)}")
                return Exit.INPUT
            if any(Path(os.path.realpath(p)) == real for p in paths if p != "-"):
                err(f"claimcheck: error: {flag} {target} is one of the files being scanned; write elsewhere")
                return Exit.INPUT
            if flag == "--emit-yaml" and not real.parent.is_dir():
                # Said before the articles are scanned, not after (was exit 3 at the write).
                err(f"{target}:1:1: error: --emit-yaml: no such folder {target.parent}; create it first")
                return Exit.INPUT
        if (url is not None or title is not None) and emit_yaml is None:
            err("claimcheck: error: --url and --title describe the file --emit-yaml writes; give --emit-yaml too")
            return Exit.INPUT
        if url is not None and len(paths) != 1:
            err("claimcheck: error: --url is the address of one article; scan one file with it")
            return Exit.INPUT
        if emit_yaml is not None and emit_yaml.exists() and not force:
            err(f"{emit_yaml}:1:1: error: already exists; use --force to overwrite it")
            return Exit.INPUT
        from claimcheck import run
        from claimcheck.scan import stream_path  # noqa: F401 (loaded before the freeze below)

        # The modules' objects (compiled patterns, word lists, tables) live as long as the
        # process: frozen, the cycle collector no longer walks them on each of its passes
        # over the scan's short-lived records (measured: about 3% of a scan's CPU time).
        gc.freeze()
        to_terminal = output is None and sys.stdout.isatty()
        # -o: the report goes to a spool (on disk past a few MB) until it is complete,
        # then through the atomic write; memory does not grow with the report
        spool = tempfile.SpooledTemporaryFile(max_size=1 << 22, mode="w+", encoding="utf-8", newline="")
        with spool, Progress("claimcheck scan", show_progress(output)) as progress:
            outcome = run.scan(
                run.expand(paths), fmt=name, input_format=input_format, color=use_color(to_terminal),
                width=terminal_width(to_terminal), emit=spool.write if output is not None else out,
                on_problem=lambda p: err(p.render()), keep_results=emit_yaml is not None, on_file=progress.tick,
                on_warning=lambda n: err(n.render()),
            )
            if output is not None:
                spool.seek(0)
                write_output(iter(lambda: spool.read(1 << 20), ""), output)
        if emit_yaml is not None:
            if outcome.code == Exit.INPUT:
                err(f"claimcheck: {emit_yaml} not written: fix the input errors above")
            else:
                from claimcheck.writing import atomic_write

                try:
                    atomic_write(emit_yaml, SCAFFOLDS["yaml"](outcome.results, title=title, url=url))
                except OSError as e:
                    err(f"{emit_yaml}:1:1: error: cannot write it: {os_reason(e)}")
                    return Exit.INPUT
        return outcome.code

    guard(debug, body)
