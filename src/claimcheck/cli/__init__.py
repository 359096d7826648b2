"""The ``claimcheck`` command: arguments → :mod:`claimcheck.run` → report text → exit code.

:mod:`~claimcheck.cli.app` holds the Typer application, the options every command shares
and the guard that turns a command's outcome into its exit code; each command is a module
of its own (``verify``, ``validate``, ``calc``, ``scan``, ``rules``, ``new``, ``schema``,
and the ``archive`` group), registered on the application when this package is imported.
Nothing is computed here.
"""

# The commands register on the application as they are imported, in the order --help lists them.
from claimcheck.cli import validate, schema, verify, calc, rules, new, scan, archive  # noqa: F401, I001
from claimcheck.cli.app import app, main

__all__ = ["app", "main"]
