"""Exit codes, in one place (the README's "For CI" lists them). Every command returns one of these."""

from __future__ import annotations

from enum import IntEnum


class Exit(IntEnum):
    OK = 0  #: every claim passes
    FAIL = 1  #: at least one claim fails (inaccurate, differs from its recorded verdict, strict)
    INPUT = 2  #: invalid input or usage; nothing was judged for that file
    INTERNAL = 3  #: a bug in claimcheck: one line, the traceback only with --debug


def worst(*codes: int) -> Exit:
    """Combine outcomes: invalid input (2) over failure (1) over success (0).

    An internal error (3) outranks everything.
    """
    order = (Exit.OK, Exit.FAIL, Exit.INPUT, Exit.INTERNAL)
    best = Exit.OK
    for c in codes:
        e = Exit(c)
        if order.index(e) > order.index(best):
            best = e
    return best
