"""GitHub Actions annotations: levels, locations and GitHub's escaping."""

from __future__ import annotations

from report_fixtures import ALL, BROKEN, COUNCIL, ICE_JULY

from claimcheck.report import Options
from claimcheck.run import render as render_all
from claimcheck.report.verify.github import command, escape_data, escape_property, step_summary
from claimcheck.results import ClaimResult, FileResult


def test_escaping_of_message_and_properties() -> None:
    text = "100% sure: a, b\r\nnext"
    assert escape_data(text) == "100%25 sure: a, b%0D%0Anext"
    assert escape_property(text) == "100%25 sure%3A a%2C b%0D%0Anext"
    # % first, so an escape GitHub will decode is never produced by accident.
    assert escape_data("%0A") == "%250A"


def test_command_line() -> None:
    line = command("error", "50% off,\nreally: yes", file="a, b:c.yaml", line=3, col=7, title="t: 1, 2")
    assert line == "::error file=a%2C b%3Ac.yaml,line=3,col=7,title=t%3A 1%2C 2::50%25 off,%0Areally: yes\n"
    assert line.count("\n") == 1


def test_levels_per_claim() -> None:
    out = render_all("github", [ICE_JULY, COUNCIL])
    lines = out.splitlines()
    # ICE: accurate → nothing; approximate → warning; recorded-and-confirmed check → nothing.
    assert [line.split(" ", 1)[0] for line in lines[:-1]] == ["::warning", "::error", "::notice", "::error"]
    assert lines[0].startswith(
        "::warning file=tests/fixtures/reports/ice_july.yaml,line=51,col=5,title=claimcheck%3A dhs-only-10 is approximate::"
    )
    assert lines[1].startswith("::error file=tests/fixtures/reports/council_budget.yaml,line=20,col=5,")
    assert lines[-1] == "claimcheck: 6 claims: 1 accurate, 2 approximate, 2 inaccurate, 1 unverifiable; 2 failing"


def test_failing_message_leads_with_the_reason_and_shows_the_arithmetic() -> None:
    out = render_all("github", [COUNCIL])
    error = out.splitlines()[0]
    message = error.split("::", 2)[2]
    parts = message.split("%0A")
    assert parts[0] == "the arithmetic does not support the claim"
    assert "arithmetic: (150 − 120) ÷ 120 = +25.00%25" in parts
    assert any(p.startswith("diagnosis: Wrong base") for p in parts)


def test_invalid_file_problems_are_errors_at_their_location() -> None:
    lines = render_all("github", [BROKEN]).splitlines()
    assert lines[0].startswith(
        "::error file=tests/fixtures/reports/broken.yaml,line=13,col=25,title=claimcheck%3A invalid claim file::unknown figure"
    )
    assert lines[1] == (
        "::error file=tests/fixtures/reports/broken.yaml,line=16,col=13,title=claimcheck%3A invalid claim file::"
        "unknown source 'axois'; known sources: trac"
    )


def test_every_annotation_is_one_line() -> None:
    out = render_all("github", ALL, Options(explain=True))
    for line in out.splitlines():
        # A command, a notice past GitHub's limit as a plain line, or the summary.
        assert line.startswith(("::", "notice: ", "claimcheck: "))
        assert "\r" not in line and "\x1b" not in line


def test_hostile_id_cannot_break_out_of_the_title() -> None:
    c = ClaimResult("a,file=x.yaml", 2, 3, "s", "10%", "inaccurate", passed=False)
    line = render_all("github", [FileResult("f.yaml", claims=(c,))]).splitlines()[0]
    assert line.startswith("::error file=f.yaml,line=2,col=3,title=claimcheck%3A a%2Cfile=x.yaml is inaccurate::")


def test_step_summary_has_failures_counts_then_the_markdown_tables() -> None:
    from claimcheck.report.verify.markdown import MarkdownReport

    text = step_summary(ALL)
    assert text.startswith("# claimcheck report\n\n## Failures (")
    assert text.index("## Failures") < text.index("**") < text.index("## Files")
    md = MarkdownReport(Options())
    for fr in ALL:
        assert md.file(fr) in text  # each file's tables as --format markdown has them
    assert "| claim | speaker | claimed | recomputed | verdict |" in step_summary([ICE_JULY])
    assert "## Failures" not in step_summary([ICE_JULY])  # nothing fails there


def test_step_summary_takes_the_runs_own_summary() -> None:
    from claimcheck.report import Tally, step_summary as from_registry
    from claimcheck.results import RunSummary

    assert from_registry([ICE_JULY]) == step_summary([ICE_JULY])
    # A caller that streamed the run passes the summary it counted; the counts it gives
    # are what the summary line says, whatever subset of files is rendered.
    summary = RunSummary.of(ALL)
    text = step_summary([ICE_JULY], summary)
    assert f"\n**{summary.line()}**\n" in text
    tally = Tally()
    tally.add(ICE_JULY)
    assert step_summary([ICE_JULY]) == step_summary([ICE_JULY], tally.summary())
