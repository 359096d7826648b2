"""``claimcheck rules``: the hedge table, which words select which band."""

from __future__ import annotations

import sys
from typing import Optional


from claimcheck.cli.app import (
    Command, app, command_settings, debug_option, err, format_option, guard, out, terminal_width, use_color,
)
from claimcheck.exitcodes import Exit
from claimcheck.report.rules import FORMATS as RULES_FORMATS

EXIT_CODES = {0: "the table was printed", 2: "bad usage", 3: "an internal error (a bug in claimcheck); rerun with --debug"}


@app.command(cls=Command, context_settings=command_settings(RULES_FORMATS.help, EXIT_CODES))
def rules(
    fmt: Optional[str] = format_option(RULES_FORMATS.help, "Default: rich."),
    debug: bool = debug_option(),
) -> None:
    """Print the hedge table: which words select which band, and the bands."""

    def body() -> int:
        name = fmt or "rich"
        if name not in RULES_FORMATS:
            err(f"claimcheck: error: unknown format '{name}'; choose {RULES_FORMATS.choices()}")
            return Exit.INPUT
        to_terminal = sys.stdout.isatty()
        out(RULES_FORMATS[name](width=terminal_width(to_terminal), color=use_color(to_terminal)))
        return Exit.OK

    guard(debug, body)
