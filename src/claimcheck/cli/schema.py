"""``claimcheck schema``: the JSON Schema of a claim file, for editors."""

from __future__ import annotations

from pathlib import Path
from typing import Optional

from claimcheck.cli.app import Command, app, command_settings, debug_option, guard, output_option, write_output
from claimcheck.exitcodes import Exit


@app.command(cls=Command, context_settings=command_settings(exit_codes={0: "the schema was written", 2: "the output could not be written", 3: "an internal error (a bug in claimcheck); rerun with --debug"}))
def schema(
    output: Optional[Path] = output_option("Write to this file (atomically) instead of stdout."),
    debug: bool = debug_option(),
) -> None:
    """Print the JSON Schema of a claim file (for editors: yaml-language-server)."""

    def body() -> int:
        from claimcheck.claimfile.schema import schema_text

        write_output(schema_text(), output)
        return Exit.OK

    guard(debug, body)
