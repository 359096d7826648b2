"""The hedge table as ``claimcheck rules`` prints it: read from :data:`claimcheck.verdicts.hedges.RULES`.

:data:`FORMATS` names what ``--format`` takes: name → ``render(*, width, color)``.
"""

from __future__ import annotations

from claimcheck.numbers import fmt_decimal
from claimcheck.report.common import Entry, Registry
from claimcheck.report.json_writer import encode
from claimcheck.verdicts.hedges import FRAMING_WORDS, RULES

#: ``claimcheck rules --format``: name → ``render(*, width, color)``.
FORMATS: Registry = Registry("RULES_FORMATS", {
    "rich": Entry(__name__, "render_rich", "the table, for a person at a terminal"),
    "markdown": Entry(__name__, "render_markdown", "a Markdown table, ready to publish"),
    "json": Entry(__name__, "render_json", "every rule, its words, bands and parameters as JSON"),
})


def _param(p) -> str:  # noqa: ANN001
    if p.percent:
        return fmt_decimal(p.default * 100, 4, group=False, trim=True) + "%"
    return fmt_decimal(p.default, 4, group=False, trim=True)


def rules_data() -> list[dict]:
    return [
        {
            "rule": r.name,
            "words": (["(a bare number)"] if r.name == "exact" else []) + list(r.words),
            "accurate": r.accurate,
            "approximate": r.approximate,
            "params": {k: {"default": _param(p), "meaning": p.meaning} for k, p in r.params.items()},
        }
        for r in RULES
    ]


def render_json(*, width: int = 100, color: bool = False) -> str:
    """The table as JSON (``width`` and ``color`` change nothing)."""
    return encode({"rules": rules_data(), "framing": list(FRAMING_WORDS)}) + "\n"


def render_markdown(*, width: int = 100, color: bool = False) -> str:
    """The table in Markdown (``width`` and ``color`` change nothing)."""
    lines = ["| rule | words | accurate | approximate | override (`tolerance:`) |", "| --- | --- | --- | --- | --- |"]
    for row in rules_data():
        params = "<br>".join(f"`{row['rule']}.{k}` = {v['default']}" for k, v in row["params"].items())
        lines.append(f"| {row['rule']} | {', '.join(row['words'])} | {row['accurate']} | {row['approximate']} | {params} |")
    lines.append("")
    lines.append("Otherwise: inaccurate. Framing words carry no number: " + ", ".join(f'"{w}"' for w in FRAMING_WORDS) + ".")
    return "\n".join(lines) + "\n"


def render_rich(*, width: int = 100, color: bool = False) -> str:
    """The table for a terminal, with the decision rule and how to override a band."""
    data = rules_data()
    import io

    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    out = io.StringIO()
    console = Console(
        file=out, width=width, force_terminal=color, color_system="standard" if color else None,
        no_color=not color, emoji=False, highlight=False, legacy_windows=False,
    )
    from rich import box

    console.print(Text("Hedge rules (X = the number claimed, V = the recomputed value)", style="bold"))
    table = Table(box=box.SIMPLE_HEAD, show_lines=True, pad_edge=False, header_style="bold")
    table.add_column("rule", style="bold", no_wrap=True)
    table.add_column("words", ratio=3)
    table.add_column("accurate", ratio=2)
    table.add_column("approximate", ratio=2)
    table.add_column("tolerance: keys", ratio=2)
    for row in data:
        params = "\n".join(f"{k} = {v['default']}" for k, v in row["params"].items())
        table.add_row(Text(row["rule"]), Text(", ".join(row["words"])), Text(row["accurate"]), Text(row["approximate"]), Text(params))
    console.print(table)
    for line in (
        "Accurate when the accurate band holds the recomputed value; approximate when it only overlaps the "
        "interval the inputs' rounding allows, or the approximate band holds the value; otherwise inaccurate. "
        "Band edges count as inside, except where a band says > or <.",
        "Framing words carry no number and change nothing: " + ", ".join(f'"{w}"' for w in FRAMING_WORDS) + ".",
        "Override a band in a claim file:  tolerance: {nearly: {accurate_below: 8%}}",
    ):
        console.print(Text(line))
    return "".join(line.rstrip() + "\n" for line in out.getvalue().splitlines())
