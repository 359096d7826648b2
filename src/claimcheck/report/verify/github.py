"""The GitHub Actions report (``--format github``): workflow-command annotations.

Each line is a workflow command that GitHub shows on the claim's file and line:

* ``::error`` — a claim that fails (inaccurate, a recorded verdict the arithmetic
  contradicts, or approximate/unverifiable under ``--strict``) and every problem of an
  invalid file;
* ``::warning`` — an approximate claim that passes: close, but outside what its words
  promise, worth a reporter's look;
* ``::notice`` — an unverifiable claim that passes;
* nothing for an accurate claim, or for one whose recorded verdict the arithmetic
  confirms (the file already says what it is).

The format is ``::error file={path},line={line},col={col},title={title}::{message}``.
GitHub reads ``%``, CR and LF in a message as ``%25``, ``%0D``, ``%0A``; in a property
value ``:`` and ``,`` must also be escaped (``%3A``, ``%2C``), or a comma in a path
ends the property. Messages span several lines (the arithmetic, the rule, the
diagnoses), which GitHub shows in the annotation.

:func:`claimcheck.report.step_summary` gives the Markdown the CLI appends to
``$GITHUB_STEP_SUMMARY``.
"""

from __future__ import annotations

from claimcheck.report import Options, step_summary  # step_summary: re-exported
from claimcheck.report.common import PerFile, clean, details, failure_text, quoted_statement
from claimcheck.results import ClaimResult, FileResult, RunSummary


def escape_data(text: str) -> str:
    """A command's message: ``%``, CR and LF escaped."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value (file, title): as a message, plus ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(level: str, message: str, *, file: str, line: int, col: int, title: str) -> str:
    """One workflow command line (with its newline)."""
    props = ",".join(
        f"{k}={escape_property(v)}"
        for k, v in (("file", file), ("line", str(line)), ("col", str(col)), ("title", title))
    )
    return f"::{level} {props}::{escape_data(message)}\n"


def level_for(c: ClaimResult) -> str | None:
    """The annotation level of a claim, ``None`` when it needs no annotation."""
    if not c.passed:
        return "error"
    if c.recorded is not None and c.recorded == c.verdict:
        return None
    return {"approximate": "warning", "unverifiable": "notice"}.get(c.verdict)


def claim_message(c: ClaimResult) -> str:
    """The annotation text: why, then the statement and the explanation rows."""
    lines = [failure_text(c)] if not c.passed else []
    lines.append(quoted_statement(c))
    lines += [f"{label}: {text}" for label, text in details(c) if label != "fails"]
    return "\n".join(lines)


class GithubReport(PerFile):
    """Renders results as GitHub workflow commands; see the module docstring."""

    def __init__(self, options: Options) -> None:
        self.options = options

    def start(self) -> str:
        return ""

    def file(self, fr: FileResult) -> str:
        path = clean(fr.path)
        if fr.invalid:
            return "".join(
                command(
                    "error",
                    clean(p.message),
                    file=clean(p.path),
                    line=p.line,
                    col=p.col,
                    title="claimcheck: invalid claim file",
                )
                for p in fr.problems
            )
        out = []
        for c in fr.claims:
            level = level_for(c) if not self.options.explain else level_for(c) or "notice"
            if level is None:
                continue
            title = f"claimcheck: {clean(c.id)} is {c.verdict}"
            out.append(command(level, claim_message(c), file=path, line=c.line, col=c.col, title=title))
        return "".join(out)

    def finish(self, summary: RunSummary) -> str:
        # A plain line in the log; the step summary carries the tables.
        strict = " (strict)" if self.options.strict else ""
        return f"claimcheck: {summary.line()}{strict}\n"


__all__ = ["GithubReport", "command", "escape_data", "escape_property", "level_for", "step_summary"]
