"""The Markdown report: publishable tables, user text that stays text."""

from __future__ import annotations

import re

from report_fixtures import ALL, BROKEN, COUNCIL, HOSTILE, ICE_JULY

from claimcheck.report import Options, render_all
from claimcheck.report.verify.markdown import md


def cells(row: str) -> list[str]:
    """A GFM table row's cells: split on pipes that are not backslash-escaped."""
    return [c.strip() for c in re.split(r"(?<!\\)\|", row.strip())[1:-1]]


def table_rows(text: str) -> list[list[str]]:
    return [cells(line) for line in text.splitlines() if line.startswith("| ") and "---" not in line]


def test_table_per_file() -> None:
    rows = table_rows(render_all("markdown", [ICE_JULY]))
    assert rows == [
        ["claim", "speaker", "claimed", "recomputed", "verdict"],
        ["axios-nearly-20", "Axios", "nearly 20% drop", "−19.12%", "✔ accurate"],
        ["dhs-only-10", "Tricia McLaughlin, DHS", "only down 10%", "−12.90%", "≈ approximate"],
        ["june-arrests-trac-vs-dhs", "*cross-source check*", "31,000 ± 5%", "36,720", "✘ inaccurate"],
    ]


def test_failing_claims_are_marked_and_explained() -> None:
    out = render_all("markdown", [COUNCIL])
    assert ["rangers-up-20", "Mayor Dana Ruiz", "a 20% rise", "+25.00%", "✘ inaccurate — **FAIL**"] in table_rows(out)
    assert "### rangers-up-20: ✘ inaccurate — **FAIL**" in out
    assert "- arithmetic: **(150 − 120) ÷ 120 = +25.00%**" in out
    assert "- diagnosis: Wrong base: 20% is the change divided by the new value" in out


def test_hostile_text_cannot_break_the_table_or_inject_markup() -> None:
    out = render_all("markdown", [HOSTILE])
    for row in table_rows(out):
        assert len(row) == 5
    assert "<script>" not in out
    assert "\\<script\\>" in out
    assert "[link=" not in out.replace("\\[link=", "")
    assert "\x1b" not in out and "\u202e" not in out


def test_escape_function() -> None:
    assert md("a | b *c* _d_ [e](f) <g> & `h` $x$ #1") == (
        "a \\| b \\*c\\* \\_d\\_ \\[e\\](f) \\<g\\> \\& \\`h\\` \\$x\\$ \\#1"
    )
    assert md("line\r\nbreak") == "line break"
    # Plain prose is left readable.
    assert md("down 10%, from 31,000 (June) to 27,000.") == "down 10%, from 31,000 (June) to 27,000."


def test_invalid_file_lists_located_problems() -> None:
    out = render_all("markdown", [BROKEN])
    assert "**Invalid, not checked** (2 problems):" in out
    assert f"- `{BROKEN.problems[1].render()}`" in out


def test_explain_adds_sections_for_accurate_claims() -> None:
    assert "### axios-nearly-20" not in render_all("markdown", [ICE_JULY])
    assert "### axios-nearly-20: ✔ accurate" in render_all("markdown", [ICE_JULY], Options(explain=True))


def test_summary_line_ends_the_report() -> None:
    out = render_all("markdown", ALL)
    assert out.endswith(
        "**24 claims: 5 accurate, 7 approximate, 8 inaccurate, 4 unverifiable; 8 failing; 1 invalid file**\n"
    )
