"""``claimcheck calc``: one claimed figure against one expression, no file needed."""

from __future__ import annotations

import sys
from typing import Optional

import typer

from claimcheck.cli.app import (
    Command, app, command_settings, debug_option, err, format_option, guard, out, terminal_width, use_color,
)
from claimcheck.exitcodes import Exit
from claimcheck.report.calc import FORMATS as CALC_FORMATS

EXIT_CODES = {
    0: "accurate, approximate or unverifiable",
    1: "inaccurate, or the computation cannot be done (a zero baseline), as in verify",
    2: "bad input or usage (a located one-line error)",
    3: "an internal error (a bug in claimcheck); rerun with --debug",
}


@app.command(cls=Command, context_settings=command_settings(CALC_FORMATS.help, EXIT_CODES))
def calc(
    expression: str = typer.Argument(..., metavar="EXPRESSION", help='An expression over numbers, e.g. "pct_change(31000, 27000)".'),
    claim: str = typer.Option(..., "--claim", "-c", metavar="FIGURE", help='The claimed figure, e.g. "down 10%".'),
    fmt: Optional[str] = format_option(CALC_FORMATS.help, "Default: rich."),
    debug: bool = debug_option(),
) -> None:
    """Judge one claimed figure against one expression, no file needed."""

    def body() -> int:
        from claimcheck.engine import check_expression
        from claimcheck.expr import EvalError
        from claimcheck.figures import FigureError
        fmt_ = fmt or "rich"
        if fmt_ not in CALC_FORMATS:
            err(f"claimcheck: error: unknown format '{fmt_}'; choose {CALC_FORMATS.choices()}")
            return Exit.INPUT
        try:
            result = check_expression(expression, claim)
        except FigureError as e:
            err(f"<claim>:1:1: error: {e}")
            return Exit.INPUT
        except EvalError as e:
            err(f"<expression>:1:{e.col or 1}: error: {e.message}")
            return Exit.INPUT
        to_terminal = sys.stdout.isatty()
        out(CALC_FORMATS[fmt_](result, width=terminal_width(to_terminal), color=use_color(to_terminal)))
        return Exit.FAIL if result.verdict == "inaccurate" or not result.passed else Exit.OK

    guard(debug, body)
