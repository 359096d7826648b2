"""The one production path of each command: inputs → results → report text, and the exit code.

The CLI parses arguments, calls one function here, sends the text it emits to stdout or a
file, and exits with the code it returns; tests drive these same functions. Nothing here
prints: report text goes to the ``emit`` callable the caller gives, input problems to
``on_problem``.

* :func:`verify` loads and judges claim files, serially or on ``--jobs`` worker processes
  (:mod:`claimcheck.parallel`), and renders them through a format of
  :data:`claimcheck.report.FORMATS` file by file as they come back, in the order of the
  files; :func:`render` is the same report loop over results already in hand.
* :func:`validate` loads claim files and counts the invalid ones.
* :func:`scan` scans articles one by one and renders each through a format of
  :data:`claimcheck.report.scan.FORMATS` as soon as it is scanned.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from claimcheck.exitcodes import Exit, worst
from claimcheck.results import FileResult, Problem, RunSummary

if TYPE_CHECKING:
    from claimcheck.engine import Policy
    from claimcheck.report import Options
    from claimcheck.scan import ScanResult

Emit = Callable[[str], object]
OnProblem = Callable[[Problem], object]


def _ignore(_: object) -> None:
    return None


# --- verify ----------------------------------------------------------------------------


@dataclass
class VerifyRun:
    """What a verify run came to: its exit code and summary, and (when asked) every
    file's result, for the GitHub step summary."""

    code: Exit
    summary: RunSummary
    results: list[FileResult] = field(default_factory=list)
    only_matched_nothing: bool = False
    """``--only`` named claims and none of them is in the files (an input error)."""
    renderer: object = None
    """The format's renderer, for what it holds beyond its text (ClaimReview's warnings
    and one document per claim)."""


def _report(renderer, items: Iterable, emit: Emit, on_problem: OnProblem, keep: bool) -> VerifyRun:  # noqa: ANN001
    """The report loop: each file's text as its result comes, then the summary."""
    from claimcheck.parallel import Rendered
    from claimcheck.report import Tally

    tally = Tally()
    code = Exit.OK
    kept: list[FileResult] = []
    emit(renderer.start())
    for fr in items:
        for p in fr.problems:
            on_problem(p)
        code = worst(code, Exit.INPUT if fr.invalid else (Exit.FAIL if fr.failed else Exit.OK))
        if type(fr) is Rendered:  # made on a worker: text and counts only
            tally.add_counts(fr.invalid, fr.verdicts)
            emit(fr.text)
            renderer.advance()
            continue
        tally.add(fr)
        emit(renderer.file(fr))
        if keep:
            kept.append(fr)
    summary = tally.summary()
    emit(renderer.finish(summary))
    return VerifyRun(code, summary, kept)


def verify(
    paths: Sequence[str],
    *,
    fmt: str = "rich",
    options: Options | None = None,
    policy: Policy | None = None,
    max_bytes: int | None = None,
    jobs: int | None = 1,
    emit: Emit = _ignore,
    on_problem: OnProblem = _ignore,
    keep_results: bool = False,
) -> VerifyRun:
    """Check every claim file under ``paths`` and render the report in format ``fmt``.

    ``jobs`` is the number of processes (``None``: automatic). With ``keep_results`` the
    run keeps every file's result (the step summary needs them), and files are rendered
    in this process; otherwise a format that can render on workers does so there. A run
    with ``--only`` that matches no claim is an input error."""
    from claimcheck.engine import Policy as _Policy
    from claimcheck.parallel import check_paths
    from claimcheck.report import FORMATS, Options as _Options, renders_on_workers

    options = options or _Options()
    policy = policy or _Policy()
    renderer = FORMATS[fmt](options)
    on_workers = (fmt, options) if renders_on_workers(renderer) and not keep_results else None
    outcome = _report(renderer, check_paths(paths, policy, max_bytes, jobs, render=on_workers), emit, on_problem,
                      keep_results)
    outcome.renderer = renderer
    if policy.only and outcome.summary.claims == 0 and outcome.code == Exit.OK:
        outcome.only_matched_nothing = True
        outcome.code = Exit.INPUT
    return outcome


def render(fmt: str, results: Iterable[FileResult], options: Options | None = None) -> str:
    """The report of results already in hand, through the loop :func:`verify` uses."""
    from claimcheck.report import FORMATS, Options as _Options

    chunks: list[str] = []
    _report(FORMATS[fmt](options or _Options()), results, chunks.append, _ignore, False)
    return "".join(chunks)


# --- validate --------------------------------------------------------------------------


@dataclass
class ValidateRun:
    code: Exit
    files: int
    invalid: int


def validate(paths: Sequence[str], *, max_bytes: int | None = None, jobs: int | None = 1,
             on_problem: OnProblem = _ignore) -> ValidateRun:
    """Load every claim file under ``paths`` and report its problems; judge nothing."""
    from claimcheck.parallel import validate_paths

    files = bad = 0
    for loaded in validate_paths(paths, max_bytes, jobs):
        files += 1
        if loaded.problems:
            bad += 1
            for p in loaded.problems:
                on_problem(p)
    return ValidateRun(Exit.INPUT if bad else Exit.OK, files, bad)


# --- scan ------------------------------------------------------------------------------


@dataclass
class ScanRun:
    """What a scan run came to; ``results`` only when kept (for ``--emit-yaml``)."""

    code: Exit
    results: list[ScanResult] = field(default_factory=list)


def scan(
    paths: Sequence[str],
    *,
    fmt: str = "rich",
    input_format: str | None = None,
    color: bool = False,
    width: int = 100,
    emit: Emit = _ignore,
    on_problem: OnProblem = _ignore,
    keep_results: bool = False,
) -> ScanRun:
    """Scan each article of ``paths``, emitting its report as it is scanned (the summary
    comes last). The findings stream from the scan into the report, which keeps only
    their text until the file's is done; with ``keep_results`` every result is kept too
    (the scaffold is made from them)."""
    from claimcheck.report.scan import FORMATS
    from claimcheck.scan import ScanResult, stream_path

    report = FORMATS[fmt](color=color, width=width)
    code = Exit.OK
    kept: list[ScanResult] = []
    emit(report.start())
    for path in paths:
        stream = stream_path(path, fmt=input_format)  # type: ignore[arg-type]
        for p in stream.problems:
            on_problem(p)
        found: list = []
        findings = _keeping(stream.findings, found) if keep_results else stream.findings
        emit(report.file(stream.path, stream.format, stream.problems, findings))
        counts = report.tally.file_counts
        code = worst(code, Exit.INPUT if stream.problems else (Exit.FAIL if counts["inaccurate"] else Exit.OK))
        if keep_results:
            kept.append(ScanResult(stream.path, stream.format, tuple(found), stream.problems))
    emit(report.finish())
    return ScanRun(code, kept)


def _keeping(items: Iterable, into: list) -> Iterable:
    for x in items:
        into.append(x)
        yield x
