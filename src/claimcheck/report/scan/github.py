"""The GitHub Actions report of ``claimcheck scan`` (``--format github``).

One workflow command per finding, on the article's file, line and column:

* ``::error`` — a self-contained claim the arithmetic does not support (inaccurate), and
  every input that could not be read;
* ``::notice`` — every other finding: a checked claim that holds (accurate), is close
  (approximate) or cannot be computed (unverifiable), and a numeric claim that needs a
  source.

GitHub reads ``%``, CR and LF in a message as ``%25``, ``%0D``, ``%0A``; in a property
value ``:`` and ``,`` are escaped too (``%3A``, ``%2C``). User text (the article's words)
is cleaned of terminal escapes and control characters first.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from claimcheck.report.common import clean
from claimcheck.report.scan.tally import PART_SIZE, ScanTally
from claimcheck.results import Problem
from claimcheck.scan import Finding, ScanResult


def escape_data(text: str) -> str:
    """A command's message: ``%``, CR and LF escaped."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A property value (file, title): as a message, plus ``:`` and ``,``."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def _command(level: str, path: str, line: int, col: int, title: str, message: str,
             end_line: int | None = None, end_col: int | None = None) -> str:
    props = [f"file={escape_property(clean(path))}", f"line={line}", f"col={col}"]
    if end_line is not None and end_line == line and end_col is not None:
        props.append(f"endLine={end_line}")
        props.append(f"endColumn={end_col}")
    props.append(f"title={escape_property(title)}")
    return f"::{level} {','.join(props)}::{escape_data(message)}"


def finding_message(f: Finding) -> str:
    """The annotation text: what was claimed, the arithmetic, which numbers were paired and
    why, the rule, the diagnoses."""
    phrase = clean(f.phrase)
    if f.status != "checked":
        return f'"{phrase}" ({f.kind}): needs a source'
    lines = [f'"{phrase}": {f.verdict}']
    if f.compute:
        lines.append(f"{f.compute}: {clean(f.arithmetic)}" if f.arithmetic else f.compute)
    if f.relation:
        lines.append(f"paired as {clean(f.relation)}" + (f": {clean(f.pairing)}" if f.pairing else ""))
    if f.rule:
        lines.append(clean(f.rule))
    lines.extend(clean(d.text) for d in f.diagnoses)
    return "\n".join(lines)


def _file_lines(path: str, problems: Sequence[Problem], findings: Iterable[Finding]) -> Iterator[str]:
    for p in problems:
        yield _command("error", p.path, p.line, p.col, "claimcheck scan: input error", clean(p.message))
    for f in findings:
        level = "error" if f.verdict == "inaccurate" else "notice"
        title = f"claimcheck scan: {f.verdict}" if f.status == "checked" else "claimcheck scan: needs a source"
        yield _command(level, f.path, f.line, f.col, title, finding_message(f), f.end_line, f.end_col)


def render_file(result: ScanResult) -> str:
    """The annotations of one scanned input, one per line, ending with a newline."""
    return "".join(line + "\n" for line in _file_lines(result.path, result.problems, result.findings))


class ScanGithubReport:
    """Streaming: one annotation per finding as it comes; no summary."""

    def __init__(self, *, color: bool = False, width: int = 100) -> None:
        self.tally = ScanTally()

    def start(self) -> str:
        return ""

    def file(self, path: str, fmt: str | None, problems: Sequence[Problem], findings: Iterable[Finding]) -> str:
        return "".join(self.file_parts(path, fmt, problems, findings))

    def file_parts(self, path: str, fmt: str | None, problems: Sequence[Problem], findings: Iterable[Finding]) -> Iterator[str]:
        """The file's annotations in parts, as its findings come."""
        counted = self.tally.file(findings, bool(problems))
        parts: list[str] = []
        size = 0
        for line in _file_lines(path, problems, counted):
            parts.append(line + "\n")
            size += len(line) + 1
            if size >= PART_SIZE:
                yield "".join(parts)
                parts.clear()
                size = 0
        yield "".join(parts)

    def finish(self) -> str:
        return ""


def render(results: Iterable[ScanResult], *, color: bool = False, width: int = 100) -> str:
    """Every input's annotations (``color`` and ``width``, for the terminal format, change
    nothing here)."""
    return "".join(render_file(r) for r in results)
