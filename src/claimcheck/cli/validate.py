"""``claimcheck validate``: every input error of every claim file, without judging a claim."""

from __future__ import annotations

from pathlib import Path
from typing import List, Optional

from claimcheck.cli.app import (
    Command, Progress, app, cache_dir_option, cache_folder, cache_note, clobbers_input, command_settings,
    debug_option, default_format, err, exclude_option, format_option, guard, jobs_option, known_format,
    max_bytes_option, no_cache_option, out, output_option, paths_argument, show_progress, write_output,
)
from claimcheck.exitcodes import Exit
from claimcheck.report import FORMAT_HELP, VALIDATE_FORMATS

FORMATS_HELP = {"text": "one line per problem on stderr, and a count (the default outside GitHub Actions)",
                **{k: FORMAT_HELP[k] for k in VALIDATE_FORMATS}}
EXIT_CODES = {
    0: "every file is valid",
    2: "a file is invalid, or the usage is: each problem located, path:line:col: error: …",
    3: "an internal error (a bug in claimcheck); rerun with --debug",
}


@app.command(cls=Command, context_settings=command_settings(FORMATS_HELP, EXIT_CODES))
def validate(
    paths: List[str] = paths_argument(),
    fmt: Optional[str] = format_option(FORMATS_HELP, "Default: github under GitHub Actions, else text."),
    output: Optional[Path] = output_option("Write the report to FILE, atomically (not with text)."),
    exclude: Optional[List[str]] = exclude_option(),
    max_bytes: int = max_bytes_option(),
    jobs: Optional[int] = jobs_option(),
    no_cache: bool = no_cache_option(),
    cache_dir: Optional[str] = cache_dir_option(),
    debug: bool = debug_option(),
) -> None:
    """Check claim files for every input error, without judging the claims."""

    def body() -> int:
        from claimcheck import run

        name = fmt or default_format("text")
        if not known_format(name, FORMATS_HELP):
            return Exit.INPUT
        if paths.count("-") > 1:
            err("claimcheck: error: - (standard input) can be given once")
            return Exit.INPUT
        if name == "text" and output is not None:
            err("claimcheck: error: -o writes a report; give --format too (github, junit, json, sarif or gitlab)")
            return Exit.INPUT
        clash = clobbers_input(output, paths)
        if clash:
            err(f"claimcheck: error: -o {output} {clash}; write the report elsewhere")
            return Exit.INPUT
        chunks: list[str] = []
        folder, named = cache_folder(no_cache, cache_dir)
        with Progress("claimcheck validate", show_progress(output)) as progress:
            outcome = run.validate(
                paths, fmt=None if name == "text" else name, max_bytes=max_bytes, jobs=jobs,
                emit=chunks.append if output is not None else out,
                on_problem=lambda p: err(p.render()), exclude=exclude or (), on_file=progress.tick, cache_dir=folder,
            )
        cache_note(outcome.cache_note, named)
        if output is not None:
            write_output("".join(chunks), output)
        if name == "text":
            noun = "file" if outcome.files == 1 else "files"
            if outcome.invalid:
                err(f"{outcome.invalid} of {outcome.files} {noun} invalid")
            else:
                out(f"{outcome.files} {noun} valid\n")
        return outcome.code

    guard(debug, body)
