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

GitHub shows at most :data:`PER_STEP` annotations of each level per step and
:data:`PER_JOB` per job, and drops the rest without a word. Every error and warning is
still emitted (the log shows each one), and the report ends with a notice saying how
many were emitted and that GitHub hides some, pointing to the job summary; so that this
notice is itself shown, notices past the ninth are written as plain log lines.

:func:`step_summary` gives the Markdown the CLI appends to ``$GITHUB_STEP_SUMMARY``:
the failures first, then the counts, then each file's table while the summary stays
under GitHub's limit of 1 MiB per step, and a line saying what was left out.
"""

from __future__ import annotations

from collections.abc import Iterable

from claimcheck.report import Options
from claimcheck.report.common import (
    PerFile, clean, details, failure_text, files_line, location, plural, quoted_statement,
)
from claimcheck.results import ClaimResult, FileResult, RunSummary

#: Annotations of one level (error, warning, notice) GitHub shows per step.
PER_STEP = 10
#: Annotations GitHub shows per job, all steps and levels together.
PER_JOB = 50
#: GitHub refuses a step summary larger than this (bytes of UTF-8).
SUMMARY_LIMIT = 1024 * 1024


def escape_data(text: str) -> str:
    """A command's message: ``%``, CR and LF escaped."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value (file, title): as a message, plus ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _unescape(text: str) -> str:
    # In the runner's order: %25 last, so an escaped "%0A" stays text.
    return (text.replace("%0D", "\r").replace("%0A", "\n").replace("%3A", ":").replace("%2C", ",")
            .replace("%25", "%"))


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


def _plain(line: str) -> str:
    """A notice command as one plain log line, ``notice: path:line:col: title: message``,
    its line breaks shown as `` / `` (so no line of it can start a workflow command)."""
    head, _, message = line[len("::notice "):].rstrip("\n").partition("::")
    props = dict(p.split("=", 1) for p in head.split(",") if "=" in p)
    where = f"{_unescape(props.get('file', ''))}:{props.get('line', '1')}:{props.get('col', '1')}"
    body = " / ".join(part for part in _unescape(message).replace("\r", "").split("\n") if part)
    return f"notice: {where}: {_unescape(props.get('title', ''))}: {body}\n"


class GithubReport(PerFile):
    """Renders results as GitHub workflow commands; see the module docstring."""

    def __init__(self, options: Options) -> None:
        self.options = options
        self.counts = {"error": 0, "warning": 0, "notice": 0}
        self.demoted = 0

    def start(self) -> str:
        return ""

    def file(self, fr: FileResult) -> str:
        return self.written(self.file_at(fr, False))

    def file_at(self, fr: FileResult, first: bool) -> str:
        """One file's commands, as every run makes them (no state)."""
        path = clean(fr.path)
        if fr.invalid:
            return "".join(
                command("error", clean(p.message), file=clean(p.path), line=p.line, col=p.col,
                        title="claimcheck: invalid claim file")
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

    def written(self, text: str) -> str:
        """Count a file's commands against GitHub's limits; past the ninth notice, a notice
        becomes a plain line (the tenth place is kept for the closing notice)."""
        if not text:
            return text
        out = []
        for line in text.splitlines(keepends=True):
            level = line[2:line.find(" ")] if line.startswith("::") else ""
            if level == "notice" and self.counts["notice"] >= PER_STEP - 1:
                self.demoted += 1
                out.append(_plain(line))
                continue
            if level in self.counts:
                self.counts[level] += 1
            out.append(line)
        return "".join(out)

    def finish(self, summary: RunSummary) -> str:
        # A plain line in the log; the step summary carries the tables.
        if self.options.validate:
            return self._hidden_note() + f"claimcheck: {files_line(summary)}\n"
        strict = " (strict)" if self.options.strict else ""
        return self._hidden_note() + f"claimcheck: {summary.line()}{strict}\n"

    def _hidden_note(self) -> str:
        errors, warnings, notices = self.counts["error"], self.counts["warning"], self.counts["notice"]
        total = errors + warnings + notices
        if errors <= PER_STEP and warnings <= PER_STEP and not self.demoted and total < PER_JOB:
            return ""
        emitted = ", ".join(
            plural(n, name) for n, name in ((errors, "error"), (warnings, "warning"), (notices + self.demoted, "notice"))
            if n
        )
        message = (
            f"claimcheck reported {emitted}. GitHub shows at most {PER_STEP} annotations of each level per step "
            f"and {PER_JOB} per job, so some are not shown here"
            + (f" ({plural(self.demoted, 'notice')} written to the log as plain lines)" if self.demoted else "")
            + ". Every failure is listed in the job summary and in this step's log."
        )
        self.counts["notice"] += 1
        return f"::notice title={escape_property('claimcheck: some annotations are not shown')}::{escape_data(message)}\n"


# --- the job summary -------------------------------------------------------------------


def _failure_lines(fr: FileResult) -> list[str]:
    from claimcheck.report.verify.markdown import code_span, md, verdict_label

    if fr.invalid:
        return [f"- `{code_span(p.render())}`\n" for p in fr.problems]
    return [
        f"- `{code_span(location(fr.path, c.line, c.col))}` **{md(c.id)}**: {verdict_label(c)}: {md(failure_text(c))}\n"
        for c in fr.claims
        if not c.passed
    ]


#: The name a file's piece of the job summary (:func:`summary_piece`) is kept under in the
#: cache, beside the report texts of the formats; it names no format.
SUMMARY_PIECE = "github step summary"


def summary_piece(fr: FileResult, options: Options | None = None) -> str:
    """One file's part of the job summary, as one text that depends on the file alone (so
    a worker can make it and the cache can keep it): its failure lines and its Markdown
    table and explanations. The first line gives each failure line's length; then the
    failure lines, then the table. :meth:`StepSummary.add` takes it apart."""
    from claimcheck.report import make

    lines = _failure_lines(fr)
    table = make("markdown", options or Options()).file(fr)
    return " ".join(str(len(line)) for line in lines) + "\n" + "".join(lines) + table


def _split_piece(piece: str) -> tuple[list[str], str]:
    head, sep, rest = piece.partition("\n")
    if not sep:
        raise ValueError("not a step summary piece")
    lines, at = [], 0
    for size in head.split():
        n = int(size)
        if n <= 0 or at + n > len(rest):
            raise ValueError("not a step summary piece")
        lines.append(rest[at:at + n])
        at += n
    return lines, rest[at:]


def is_summary_piece(text: str) -> bool:
    """Whether ``text`` is one :func:`summary_piece` could have made (the cache checks a
    piece it read before trusting it)."""
    try:
        lines, _ = _split_piece(text)
    except ValueError:
        return False
    return all(line.endswith("\n") and line.startswith("- `") for line in lines)


def _size(text: str) -> int:
    return len(text.encode("utf-8"))


class StepSummary:
    """The job summary built file by file, in bounded memory: :meth:`add` each file's
    :func:`summary_piece` (or :meth:`add_result` its result), then :meth:`text`.

    Only what can still be shown is kept: failure lines and tables until each kind alone
    passes the limit (whatever comes after could never fit); the rest is only counted."""

    def __init__(self, options: Options | None = None, limit: int = SUMMARY_LIMIT) -> None:
        self.options = options or Options()
        self.limit = limit
        self.budget = limit - 2048  # room for the counts and the closing line
        self.files = self.failures = 0
        self._failures: list[str] = []
        self._tables: list[str] = []
        self._failure_bytes = self._table_bytes = 0

    def add(self, piece: str) -> None:
        """Count one file's piece, keeping what could still be shown."""
        lines, table = _split_piece(piece)
        self.files += 1
        for line in lines:
            self.failures += 1
            if self._failure_bytes <= self.budget:
                self._failures.append(line)
                self._failure_bytes += _size(line)
        if self._table_bytes <= self.budget:
            self._tables.append(table)
            self._table_bytes += _size(table)

    def add_result(self, fr: FileResult) -> None:
        self.add(summary_piece(fr, self.options))

    def text(self, summary: RunSummary) -> str:
        """The job summary, under the limit; ``summary`` is the run's counts."""
        from claimcheck.report.verify.markdown import md

        options = self.options
        budget = self.budget
        parts: list[str] = ["# claimcheck report\n"]
        used = _size(parts[0])

        def fits(text: str) -> bool:
            nonlocal used
            size = _size(text)
            if used + size > budget:
                return False
            used += size
            parts.append(text)
            return True

        shown_failures = 0
        if self.failures:
            fits(f"\n## Failures ({self.failures})\n\n")
            for line in self._failures:
                if not fits(line):
                    break
                shown_failures += 1
        strict = " (strict: approximate and unverifiable claims fail)" if options.strict else ""
        line = files_line(summary) if options.validate else summary.line()
        parts.append(f"\n**{md(line)}**{strict}\n")
        shown_files = 0
        if self.files:
            fits("\n## Files\n")
            for table in self._tables:
                if not fits(table):
                    break
                shown_files += 1
        left = []
        if shown_failures < self.failures:
            left.append(plural(self.failures - shown_failures, "failure"))
        if shown_files < self.files:
            left.append(f"the tables of {plural(self.files - shown_files, 'file')}")
        if left:
            parts.append(
                f"\n---\n\n*Left out to keep this summary under GitHub's 1 MiB limit: {' and '.join(left)}. "
                "Every failure is in the step's log; `claimcheck verify … --format markdown -o report.md` "
                "writes the whole report.*\n"
            )
        return "".join(parts)


def step_summary(
    results: Iterable[FileResult], summary: RunSummary | None = None, options: Options | None = None,
    limit: int = SUMMARY_LIMIT,
) -> str:
    """The job summary of ``results``, under ``limit`` bytes of UTF-8.

    In order: every failure (a failing claim or an invalid file's problem, one line each
    with its location), the run's counts, then each file's Markdown table and
    explanations (:class:`~claimcheck.report.verify.markdown.MarkdownReport`) as long as
    they fit, and a closing line saying what was left out, if anything. ``summary`` is the
    run's own when the caller counted it; by default it is counted from ``results``.
    A run builds the same text file by file with :class:`StepSummary`.
    """
    from claimcheck.report import Tally

    built = StepSummary(options, limit)
    tally = Tally()
    for fr in results:
        tally.add(fr)
        built.add_result(fr)
    return built.text(summary if summary is not None else tally.summary())


__all__ = [
    "SUMMARY_PIECE", "GithubReport", "StepSummary", "command", "escape_data", "escape_property", "is_summary_piece",
    "level_for", "step_summary", "summary_piece",
]
