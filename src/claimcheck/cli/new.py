"""``claimcheck new``: a commented claim file to fill in."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from claimcheck.cli.app import Command, app, command_settings, debug_option, err, guard, out
from claimcheck.exitcodes import Exit


@app.command(cls=Command, context_settings=command_settings(exit_codes={0: "the file was created", 2: "bad usage, or the file exists (--force) or is outside the folder", 3: "an internal error (a bug in claimcheck); rerun with --debug"}))
def new(
    path: str = typer.Argument(..., metavar="PATH", help="The claim file to create, e.g. claims/budget.yaml."),
    title: str = typer.Option("TODO: the story's headline", "--title", metavar="TEXT", help="The story or fact-check the file covers."),
    force: bool = typer.Option(False, "--force", help="Overwrite an existing file."),
    root: Optional[Path] = typer.Option(None, "--root", metavar="DIR", help="The folder the file must stay inside (default: the current folder)."),
    table: Optional[str] = typer.Option(None, "--from", metavar="TABLE", help='Propose figures from the columns of a .csv, .tsv, .parquet or .xlsx table inside the new file\'s folder (needs pip install "claimcheck[data]").'),
    debug: bool = debug_option(),
) -> None:
    """Create a commented claim file to fill in."""

    def body() -> int:
        from claimcheck.claimfile.scaffold import ScaffoldError, write_scaffold

        try:
            written = write_scaffold(path, title=title, force=force, root=root or Path.cwd(), table=table)
        except ScaffoldError as e:
            err(f"{e.path}:1:1: error: {e.message}")
            return Exit.INPUT
        out(f"created {written}\nnext: fill it in, then run: claimcheck validate {written}\n")
        return Exit.OK

    guard(debug, body)
