"""``claimcheck rules``: the hedge table, which words select which band."""

from __future__ import annotations

import sys

import typer

from claimcheck.cli.app import app, debug_option, err, guard, terminal_width, use_color
from claimcheck.exitcodes import Exit


@app.command()
def rules(
    fmt: str = typer.Option("rich", "--format", "-f", help="rich, markdown or json."),
    debug: bool = debug_option(),
) -> None:
    """Print the hedge table: which words select which band, and the bands."""

    def body() -> int:
        from claimcheck.report.rules import FORMATS as RULES_FORMATS

        if fmt not in RULES_FORMATS:
            err(f"claimcheck: error: unknown format '{fmt}'; choose {RULES_FORMATS.choices()}")
            return Exit.INPUT
        to_terminal = sys.stdout.isatty()
        sys.stdout.write(RULES_FORMATS[fmt](width=terminal_width(to_terminal), color=use_color(to_terminal)))
        return Exit.OK

    guard(debug, body)
