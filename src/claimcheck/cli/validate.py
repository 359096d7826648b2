"""``claimcheck validate``: every input error of every claim file, without judging a claim."""

from __future__ import annotations

import sys
from typing import List, Optional

import typer

from claimcheck.cli.app import app, debug_option, err, guard, jobs_option, max_bytes_option


@app.command()
def validate(
    paths: List[str] = typer.Argument(..., help="Claim files or folders (searched for *.yaml, *.yml)."),
    max_bytes: int = max_bytes_option(),
    jobs: Optional[int] = jobs_option(),
    debug: bool = debug_option(),
) -> None:
    """Check claim files for every input error, without judging the claims."""

    def body() -> int:
        from claimcheck import run

        outcome = run.validate(paths, max_bytes=max_bytes, jobs=jobs, on_problem=lambda p: err(p.render()))
        noun = "file" if outcome.files == 1 else "files"
        if outcome.invalid:
            err(f"{outcome.invalid} of {outcome.files} {noun} invalid")
        else:
            sys.stdout.write(f"{outcome.files} {noun} valid\n")
        return outcome.code

    guard(debug, body)
