"""``claimcheck calc``: one claimed figure against one expression, no file needed."""

from __future__ import annotations

import sys

import typer

from claimcheck.cli.app import app, debug_option, err, guard, terminal_width, use_color
from claimcheck.exitcodes import Exit


@app.command()
def calc(
    expression: str = typer.Argument(..., help='An expression over numbers, e.g. "pct_change(31000, 27000)".'),
    claim: str = typer.Option(..., "--claim", "-c", help='The claimed figure, e.g. "down 10%".'),
    fmt: str = typer.Option("rich", "--format", "-f", help="rich or json."),
    debug: bool = debug_option(),
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
            err(f"claimcheck: error: unknown format '{fmt}'; choose {CALC_FORMATS.choices()}")
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
        sys.stdout.write(CALC_FORMATS[fmt](result, width=terminal_width(to_terminal), color=use_color(to_terminal)))
        return Exit.FAIL if result.verdict == "inaccurate" or not result.passed else Exit.OK

    guard(debug, body)
