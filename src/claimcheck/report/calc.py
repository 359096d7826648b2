"""The answer ``claimcheck calc`` prints: one claim against one expression, as text or JSON.

:data:`FORMATS` names what ``--format`` takes: name → ``render(result, *, width, color)``.
"""

from __future__ import annotations

from claimcheck.report.common import SYMBOLS, Entry, Registry, exact
from claimcheck.report.json_writer import encode
from claimcheck.results import ClaimResult
from claimcheck.verdicts.backsolve import KIND_NAMES as SOLVED_KINDS

STYLES = {"accurate": "green", "approximate": "yellow", "inaccurate": "bold red", "unverifiable": "blue"}

#: ``claimcheck calc --format``: name → ``render(result, *, width, color)``.
FORMATS: Registry = Registry("CALC_FORMATS", {
    "rich": Entry(__name__, "render_rich", "the verdict and its arithmetic, for a person at a terminal"),
    "json": Entry(__name__, "render_json", "the same as JSON, exact values as strings"),
})


def calc_json(r: ClaimResult) -> dict:
    """Stable keys; exact values as fraction strings, display values as shown."""
    iv = r.interval
    return {
        "verdict": r.verdict,
        "figure": r.figure,
        "expression": r.compute,
        "value": r.value,
        "point": exact(r.point),
        "interval": None
        if iv is None
        else {"lo": exact(iv.lo), "hi": exact(iv.hi), "text": r.interval_text},
        "unit": r.unit,
        "rule": r.rule,
        "rule_name": r.rule_name,
        "decided_by": r.decided_by,
        "arithmetic": r.arithmetic,
        "diagnoses": [d.text for d in r.diagnoses],
        "settle": r.settle,
        "framing": list(r.framing),
        "failure": r.failure,
        "also": [calc_json(a) for a in r.also],
        # the back-solved diagnoses, typed: what would make an inaccurate claim accurate
        "solved": [{"kind": d.kind, "text": d.text, "data": dict(d.data)} for d in r.diagnoses if d.kind in SOLVED_KINDS],
    }


def render_json(r: ClaimResult, *, width: int = 100, color: bool = False) -> str:
    """:func:`calc_json` as an indented document (``width`` and ``color`` change nothing)."""
    return encode(calc_json(r)) + "\n"


def render_rich(r: ClaimResult, *, width: int = 100, color: bool = False) -> str:
    """The verdict line and the labelled arithmetic, rule, decision and notes."""
    import io

    from rich.console import Console
    from rich.text import Text

    out = io.StringIO()
    console = Console(
        file=out, width=width, force_terminal=color, color_system="standard" if color else None,
        no_color=not color, emoji=False, highlight=False, legacy_windows=False, soft_wrap=False,
    )
    head = Text()
    head.append(f"{SYMBOLS[r.verdict]} {r.verdict}", style=STYLES[r.verdict])
    head.append(f"  {r.figure!r}".replace("'", '"'))
    if r.value:
        head.append(f" vs {r.value}")
    console.print(head)
    lines: list[tuple[str, str]] = []
    if r.arithmetic:
        lines.append(("arithmetic", r.arithmetic))
    if r.interval_text:
        lines.append(("interval", f"{r.interval_text} (the inputs' rounding carried through)"))
    if r.rule:
        lines.append(("rule", r.rule))
    if r.decided_by:
        lines.append(("decided", r.decided_by))
    for d in r.diagnoses:
        lines.append(("note", d.text))
    if r.framing:
        lines.append(("framing", ", ".join(f'"{w}"' for w in r.framing) + " carries no number"))
    if r.settle:
        lines.append(("settle", r.settle))
    if r.failure and r.verdict != "inaccurate":
        lines.append(("fails", r.failure))
    from rich.padding import Padding
    from rich.table import Table

    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="dim", no_wrap=True)
    grid.add_column(overflow="fold", ratio=1)
    for label, text in lines:
        grid.add_row(label, Text(text))
    console.print(Padding(grid, (0, 0, 0, 2)))
    # Rich pads table rows to the full width; trailing blanks only get in a reader's way.
    text = "".join(line.rstrip() + "\n" for line in out.getvalue().splitlines())
    for a in r.also:  # the claim's second quantity ("... or 2,300 more homes")
        text += render_rich(a, width=width, color=color)
    return text
