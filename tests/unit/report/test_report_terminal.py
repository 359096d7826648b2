"""The terminal report: environment-proof, safe with hostile text, located lines whole."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from report_fixtures import ALL, BROKEN, COUNCIL, HOSTILE, ICE_JULY

from claimcheck.report import Options, render_all

GOLDEN = Path(__file__).resolve().parents[2] / "golden"
ANSI = re.compile(r"\x1b\[[0-9;]*m")

HOSTILE_ENV = {
    "GITHUB_ACTIONS": "true",
    "CI": "true",
    "FORCE_COLOR": "1",
    "COLUMNS": "200",
    "LINES": "10",
    "NO_COLOR": "1",
    "TERM": "dumb",
    "COLORTERM": "truecolor",
    "TTY_COMPATIBLE": "1",
    "TTY_INTERACTIVE": "1",
    "JUPYTER_COLUMNS": "50",
}


def golden(name: str) -> str:
    with open(GOLDEN / name, encoding="utf-8", newline="") as f:
        return f.read()


@pytest.mark.parametrize("var", sorted(HOSTILE_ENV))
def test_output_ignores_each_environment_variable(monkeypatch: pytest.MonkeyPatch, var: str) -> None:
    monkeypatch.setenv(var, HOSTILE_ENV[var])
    assert render_all("rich", ALL, Options(width=100)) == golden("rich.txt")


def test_output_ignores_all_environment_variables_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    plain = render_all("rich", ALL, Options(width=100))
    color = render_all("rich", ALL, Options(width=100, color=True))
    for var, value in HOSTILE_ENV.items():
        monkeypatch.setenv(var, value)
    assert render_all("rich", ALL, Options(width=100)) == plain == golden("rich.txt")
    assert render_all("rich", ALL, Options(width=100, color=True)) == color
    for var in HOSTILE_ENV:
        monkeypatch.delenv(var)
    monkeypatch.setenv("TERM", "xterm-256color")
    assert render_all("rich", ALL, Options(width=100, color=True)) == color


def test_plain_output_has_no_escape_sequences() -> None:
    out = render_all("rich", ALL, Options(width=100))
    assert "\x1b" not in out and "\x9b" not in out and "\x07" not in out


def test_color_output_is_the_plain_text_with_styles() -> None:
    color = render_all("rich", ALL, Options(width=100, color=True))
    assert "\x1b[" in color
    # Styles only add SGR sequences; removing them gives the plain report, up to the
    # trailing blanks rich pads styled lines with.
    stripped = "\n".join(line.rstrip(" ") for line in ANSI.sub("", color).split("\n"))
    assert stripped == golden("rich.txt")
    # Nothing but SGR (colour) sequences: no cursor moves, no hyperlinks, no clear screen.
    assert re.sub(r"\x1b\[[0-9;]*m", "", color).count("\x1b") == 0


def test_hostile_text_is_shown_literally_and_stripped_of_escapes() -> None:
    # Markup is text, escapes and controls are gone.
    out = render_all("rich", [HOSTILE], Options(width=100, color=True))
    plain = ANSI.sub("", out)
    assert "Sen. [/bold] Smith" in plain
    assert "[link=https://evil.example]50%[/link]" in plain
    assert "[bold]crimes[/bold]" in plain
    assert "Evil [bold red]Corp[/]" in plain
    assert "\x1b]8" not in out  # no OSC 8 hyperlink reached the output
    assert "\x1b[2J" not in out and "\x07" not in out and "\x9b" not in out
    assert "\u202e" not in out and "\x0b" not in out


def test_located_lines_never_wrap_even_when_narrow() -> None:
    # A located line longer than the terminal stays on one line at 60 columns.
    out = render_all("rich", [BROKEN], Options(width=60))
    lines = out.split("\n")
    for p in BROKEN.problems:
        assert p.render() in lines
    assert max(len(line) for line in lines) > 60


def test_accurate_claims_get_no_block_unless_explained() -> None:
    plain = render_all("rich", [ICE_JULY], Options(width=100))
    assert "tests/fixtures/reports/ice_july.yaml:43:5" not in plain  # the accurate claim's block header
    assert "tests/fixtures/reports/ice_july.yaml:51:5" in plain  # the approximate one's
    explained = render_all("rich", [ICE_JULY], Options(width=100, explain=True))
    assert "tests/fixtures/reports/ice_july.yaml:43:5" in explained
    assert "(990 − 1,224) ÷ 1,224 = −19.12%" in explained


def test_table_marks_failing_claims() -> None:
    out = render_all("rich", [COUNCIL], Options(width=100))
    rows = {line.split()[0]: line for line in out.split("\n") if line[:1].isalpha()}
    assert rows["rangers-up-20"].endswith("✘ inaccurate  FAIL")
    assert rows["deficit-halved"].endswith("≈ approximate  FAIL")
    assert rows["parks-budget-record"].endswith("? unverifiable")


def test_summary_line_and_strict_note() -> None:
    out = render_all("rich", ALL, Options(width=100, strict=True))
    tail = out.rstrip("\n").split("\n")[-2:]
    assert tail == [
        "24 claims: 5 accurate, 7 approximate, 8 inaccurate, 4 unverifiable; 8 failing; 1 invalid file",
        "strict: approximate and unverifiable claims fail",
    ]


@pytest.mark.parametrize("width", [60, 80, 100, 140])
def test_no_line_wider_than_the_terminal_except_located_lines(width: int) -> None:
    out = render_all("rich", [ICE_JULY, COUNCIL], Options(width=width))
    for line in out.split("\n"):
        # A located line and a file's title line (its path, then its title) never wrap.
        if not re.search(r"\.yaml(:\d+:\d+| — )", line):
            assert len(line) <= width, line


def test_rich_is_given_no_markup() -> None:
    # A statement that is invalid Rich markup ("[/bold]" closes nothing) would raise
    # MarkupError if it were ever parsed as markup; rendering must not raise.
    render_all("rich", [HOSTILE], Options(width=40, explain=True, color=True))
