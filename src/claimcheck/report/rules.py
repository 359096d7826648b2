"""The hedge table as ``claimcheck rules`` prints it: read from :data:`claimcheck.hedges.RULES`."""

from __future__ import annotations

import json

from claimcheck.hedges import RULES, FRAMING_WORDS


def _param(p) -> str:  # noqa: ANN001
    return f"{p.default * 100}%" if p.percent else str(p.default)


def rules_data() -> list[dict]:
    return [
        {
            "rule": r.name,
            "words": list(r.words) or ["(a bare number)"],
            "accurate": r.accurate,
            "approximate": r.approximate,
            "params": {k: {"default": _param(p), "meaning": p.meaning} for k, p in r.params.items()},
        }
        for r in RULES
    ]


def render_rules(fmt: str, *, width: int = 100, color: bool = False) -> str:
    data = rules_data()
    if fmt == "json":
        return json.dumps({"rules": data, "framing": list(FRAMING_WORDS)}, indent=2, ensure_ascii=False) + "\n"
    if fmt == "markdown":
        lines = ["| rule | words | accurate | approximate | override (`tolerance:`) |", "| --- | --- | --- | --- | --- |"]
        for row in data:
            params = "<br>".join(f"`{row['rule']}.{k}` = {v['default']}" for k, v in row["params"].items())
            lines.append(f"| {row['rule']} | {', '.join(row['words'])} | {row['accurate']} | {row['approximate']} | {params} |")
        lines.append("")
        lines.append("Otherwise: inaccurate. Framing words carry no number: " + ", ".join(f'"{w}"' for w in FRAMING_WORDS) + ".")
        return "\n".join(lines) + "\n"
    import io

    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    out = io.StringIO()
    console = Console(
        file=out, width=width, force_terminal=color, color_system="standard" if color else None,
        no_color=not color, emoji=False, highlight=False, legacy_windows=False,
    )
    table = Table(title="Hedge rules (X = the number claimed, V = the recomputed value)", show_lines=True, title_justify="left")
    table.add_column("rule", style="bold", no_wrap=True)
    table.add_column("words")
    table.add_column("accurate")
    table.add_column("approximate")
    table.add_column("tolerance: keys (defaults)")
    for row in data:
        params = "\n".join(f"{k} = {v['default']}" for k, v in row["params"].items())
        table.add_row(Text(row["rule"]), Text(", ".join(row["words"])), Text(row["accurate"]), Text(row["approximate"]), Text(params))
    console.print(table)
    console.print(Text("Otherwise: inaccurate. Accurate when the accurate band holds the recomputed value; approximate when it only "
                       "overlaps the interval the inputs' rounding allows, or the approximate band holds the value."))
    console.print(Text("Framing words carry no number and change nothing: " + ", ".join(f'"{w}"' for w in FRAMING_WORDS) + "."))
    console.print(Text("Override a band in a claim file:  tolerance: {nearly: {accurate_below: 8%}}"))
    return out.getvalue()
