"""The one production path of each command: inputs → results → report text, and the exit code.

The CLI parses arguments, calls one function here, sends the text it emits to stdout or a
file, and exits with the code it returns; tests drive these same functions. Nothing here
prints: report text goes to the ``emit`` callable the caller gives, input problems to
``on_problem``.

* :func:`verify` loads and judges claim files, serially or on ``--jobs`` worker processes
  (:mod:`claimcheck.parallel`), and renders them through a format of
  :data:`claimcheck.report.FORMATS` file by file as they come back, in the order of the
  files; :func:`render` is the same report loop over results already in hand.
* :func:`validate` loads claim files and reports their problems: as plain lines, or
  through a format of :data:`claimcheck.report.FORMATS` (``github``, ``junit``,
  ``json``, ``sarif``, ``gitlab``), each file a :class:`FileResult` with no claims.
* :func:`expand` turns the command line's paths into what is read: ``-`` is standard
  input, a glob the shell did not expand (``'claims/*.yaml'``) is expanded here, and
  ``exclude`` patterns drop files.

A report always covers every file the run saw: an invalid file is in it (its problems as
errors), and the exit code is still 2. The caller writes it, to stdout or atomically to a
file; an exception (a bug) stops the run before anything is written.
* :func:`scan` scans articles one by one and renders each through a format of
  :data:`claimcheck.report.scan.FORMATS` as soon as it is scanned.
"""

from __future__ import annotations

import fnmatch
import glob
import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
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
OnFile = Callable[[object], object]

#: What a report calls standard input (``-`` on the command line).
STDIN = "<stdin>"


def _ignore(_: object) -> None:
    return None


# --- what is read ----------------------------------------------------------------------

_GLOB_CHARS = frozenset("*?[")


def expand(paths: Sequence[str], exclude: Sequence[str] = ()) -> list[str]:
    """The command line's paths as the run reads them, in order.

    ``-`` stays (standard input). A path that does not exist but holds a glob character
    is expanded (``**`` included), sorted; a glob that matches nothing stays as written,
    so the run reports it as missing. With ``exclude``, folders are searched here and
    every file matching a pattern is dropped (see :func:`excluded`); a folder whose every
    file is excluded gives nothing."""
    out: list[str] = []
    for raw in paths:
        if raw != "-" and _GLOB_CHARS & set(raw) and not os.path.lexists(raw):
            out.extend(sorted(glob.glob(raw, recursive=True)) or [raw])
        else:
            out.append(raw)
    if not exclude:
        return out
    from claimcheck.claimfile import discover

    kept: list[str] = []
    for raw in out:
        if raw == "-" or not os.path.isdir(raw):
            if raw == "-" or not excluded(raw, exclude):
                kept.append(raw)
            continue
        items = discover([raw])
        found = [f for f in items if isinstance(f, str)]
        if not found:
            kept.append(raw)  # an empty folder: reported as such
        # A subfolder that cannot be read is kept as a path: loading it reports why.
        kept.extend(f.path for f in items if not isinstance(f, str) and f.path != raw and not excluded(f.path, exclude))
        kept.extend(f for f in found if not excluded(f, exclude))
    return kept


def excluded(path: str, patterns: Sequence[str]) -> bool:
    """Whether ``path`` matches an ``--exclude`` pattern: the pattern is matched
    (``fnmatch``, ``*`` crossing ``/``) against the path and against each of its folders,
    both as a whole path and as a single name, so ``drafts``, ``claims/drafts``,
    ``*.draft.yaml`` and ``claims/2024-*`` all work."""
    norm = path.replace(os.sep, "/")
    while norm.startswith("./"):
        norm = norm[2:]
    parts = [p for p in norm.split("/") if p]
    candidates = {"/".join(parts[: i + 1]) for i in range(len(parts))} | set(parts)
    for pat in patterns:
        pat = pat.replace(os.sep, "/").rstrip("/")
        while pat.startswith("./"):
            pat = pat[2:]
        if any(fnmatch.fnmatchcase(c, pat) for c in candidates):
            return True
    return False


def _segments(paths: Sequence[str]) -> Iterator[tuple[bool, list[str]]]:
    """Consecutive paths grouped: ``(True, ["-"])`` for standard input, ``(False, run)``
    for a run of other paths (checked together, so ``--jobs`` shares them)."""
    run: list[str] = []
    for p in paths:
        if p == "-":
            if run:
                yield False, run
                run = []
            yield True, ["-"]
        else:
            run.append(p)
    if run:
        yield False, run


def load_stdin(max_bytes: int | None = None):  # noqa: ANN201
    """Standard input loaded as a claim file named :data:`STDIN`."""
    from claimcheck.claimfile import DEFAULT_MAX_BYTES, Loaded, decode, load_text, read_bytes

    data, problem = read_bytes("-", max_bytes or DEFAULT_MAX_BYTES, stdin=True)
    if problem is not None:
        return Loaded(STDIN, problems=(Problem(STDIN, problem.line, problem.col, problem.message),))
    text, problem = decode(STDIN, data or b"")
    if problem is not None:
        return Loaded(STDIN, problems=(problem,))
    return load_text(STDIN, text or "")


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
    cache: object = None
    """The run's :class:`claimcheck.cache.Cache` (its ``stats`` count this process's
    lookups), or None when the run was not cached."""
    cache_note: str | None = None
    """Why a cache folder was asked for and not used (it cannot be written)."""
    step_summary: str | None = None
    """GitHub's job summary of the run (asked for with ``step_summary``; None when no
    file was reported), for the caller to append to ``$GITHUB_STEP_SUMMARY``."""


def _report(renderer, items: Iterable, emit: Emit, on_problem: OnProblem, keep: bool,  # noqa: ANN001
            on_file: OnFile = _ignore, step=None) -> VerifyRun:  # noqa: ANN001
    """The report loop: each file's text as its result comes, then the summary. ``step``:
    the job summary being built (:class:`claimcheck.report.verify.github.StepSummary`),
    given each file's piece."""
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
            # A format that counts what it writes (github) sees the text first.
            emit(renderer.written(fr.text) if hasattr(renderer, "written") else fr.text)
            renderer.advance()
            if step is not None:
                step.add(fr.summary)
            on_file(fr)
            continue
        tally.add(fr)
        emit(renderer.file(fr))
        if keep:
            kept.append(fr)
        if step is not None:
            step.add_result(fr)
        on_file(fr)
    summary = tally.summary()
    emit(renderer.finish(summary))
    outcome = VerifyRun(code, summary, kept)
    if step is not None and step.files:
        outcome.step_summary = step.text(summary)
    return outcome


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
    exclude: Sequence[str] = (),
    on_file: OnFile = _ignore,
    cache_dir: str | None = None,
    step_summary: bool = False,
) -> VerifyRun:
    """Check every claim file under ``paths`` and render the report in format ``fmt``.

    ``paths`` go through :func:`expand` (``-``, globs, ``exclude``). ``jobs`` is the
    number of processes (``None``: automatic). With ``keep_results`` the run keeps every
    file's result (the step summary needs them), and files are rendered in this process;
    otherwise a format that can render on workers does so there. ``on_file`` is called
    after each file is reported (progress). A run with ``--only`` that matches no claim
    is an input error. With ``cache_dir`` each file's result is looked up in and kept in
    the cache there (:mod:`claimcheck.cache`); the report is the same either way. With
    ``step_summary`` the run also makes GitHub's job summary (:attr:`VerifyRun.step_summary`)
    from each file's piece, made where the file is rendered and, with a cache, kept
    there: a warm run reads it as it reads the report's text."""
    from claimcheck.engine import Policy as _Policy
    from claimcheck.report import FORMATS, Options as _Options, renders_on_workers

    options = options or _Options()
    policy = policy or _Policy()
    renderer = FORMATS[fmt](options)
    on_workers = (fmt, options, step_summary) if renders_on_workers(renderer) and not keep_results else None
    step = None
    if step_summary:
        from claimcheck.report.verify.github import StepSummary

        step = StepSummary(options)
    cache, note = _open_cache(cache_dir, "verify", policy, max_bytes)
    with few_collections():
        items = _checked(expand(paths, exclude), policy, max_bytes, jobs, on_workers, cache)
        outcome = _report(renderer, items, emit, on_problem, keep_results, on_file, step)
    outcome.renderer = renderer
    outcome.cache, outcome.cache_note = cache, note
    if policy.only and outcome.summary.claims == 0 and outcome.code == Exit.OK:
        outcome.only_matched_nothing = True
        outcome.code = Exit.INPUT
    return outcome


#: Allocations of container objects between two young-generation passes of Python's cycle
#: collector during a run (Python's default is 700).
YOUNG_COLLECTION_EVERY = 50_000


@contextmanager
def few_collections() -> Iterator[None]:
    """Python's cycle collector, tuned for the length of a run, then as it was.

    Loading and judging a claim makes and drops hundreds of thousands of containers (YAML
    nodes, Fractions, models, results) and almost none of them in cycles: reference
    counting frees them. With the default thresholds the collector still ran about 1,500
    times on 10,000 claims and each full pass walked every object alive, the imported
    modules and pydantic's schemas too: a fifth to a quarter of a cold run's CPU, for a
    few hundred objects found (benchmarks/README.md). So the objects alive at the start are
    frozen out of the passes (``gc.freeze``) and the young generation is collected every
    :data:`YOUNG_COLLECTION_EVERY` allocations: cyclic garbage is still collected, later.
    Worker processes forked during the run inherit the same settings."""
    import gc

    threshold = gc.get_threshold()
    freeze = gc.get_freeze_count() == 0  # a caller's own frozen objects stay frozen
    if freeze:
        gc.freeze()
    # a threshold of 0 (the caller turned automatic collection off) stays 0
    gc.set_threshold(threshold[0] and max(threshold[0], YOUNG_COLLECTION_EVERY), *threshold[1:])
    try:
        yield
    finally:
        gc.set_threshold(*threshold)
        if freeze:
            gc.unfreeze()


def _open_cache(folder: str | None, command: str, policy, max_bytes: int | None):  # noqa: ANN001, ANN202
    """The cache for a run, keyed by every option that changes a file's result; ``(None,
    None)`` without a folder, ``(None, reason)`` when it cannot be written."""
    if folder is None:
        return None, None
    from claimcheck.cache import open_cache
    from claimcheck.claimfile import DEFAULT_MAX_BYTES

    options: dict = {"max_bytes": max_bytes or DEFAULT_MAX_BYTES}
    if policy is not None:
        options["strict"] = policy.strict
        options["only"] = sorted(policy.only) if policy.only is not None else None
    return open_cache(folder, command, options)


def _checked(paths: list[str], policy, max_bytes: int | None, jobs: int | None, render, cache=None) -> Iterator:  # noqa: ANN001
    from claimcheck.engine import check_loaded
    from claimcheck.parallel import check_paths

    first = True  # whether nothing is in the report yet: its first file's text differs
    for stdin, run in _segments(paths):
        if stdin:  # standard input is never cached
            yield check_loaded(load_stdin(max_bytes), policy)
            first = False
        else:
            for item in check_paths(run, policy, max_bytes, jobs, render=render, cache=cache, first=first):
                first = False
                yield item


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
    cache: object = None
    cache_note: str | None = None


def validate(paths: Sequence[str], *, fmt: str | None = None, options: Options | None = None,
             max_bytes: int | None = None, jobs: int | None = 1, emit: Emit = _ignore,
             on_problem: OnProblem = _ignore, exclude: Sequence[str] = (), on_file: OnFile = _ignore,
             cache_dir: str | None = None) -> ValidateRun:
    """Load every claim file under ``paths`` and report its problems; judge nothing.

    Problems go to ``on_problem``; with ``fmt`` (a name in
    :data:`claimcheck.report.FORMATS`) the report of every file, valid or not, goes to
    ``emit`` too, rendered as :func:`verify` renders a file with no claims. With
    ``cache_dir``, as :func:`verify` (its own entries: validate judges nothing)."""
    from dataclasses import replace

    from claimcheck.parallel import validate_paths
    from claimcheck.report import FORMATS, Options as _Options

    cache, note = _open_cache(cache_dir, "validate", None, max_bytes)

    def results() -> Iterator[FileResult]:
        for stdin, run in _segments(expand(paths, exclude)):
            if stdin:
                loaded = load_stdin(max_bytes)
                yield FileResult(loaded.path, problems=loaded.problems)
            else:
                for v in validate_paths(run, max_bytes, jobs, cache):
                    yield FileResult(v.path, problems=v.problems)

    if fmt is not None:
        renderer = FORMATS[fmt](replace(options or _Options(), validate=True))
        outcome = _report(renderer, results(), emit, on_problem, False, on_file)
        return ValidateRun(outcome.code, outcome.summary.files, outcome.summary.invalid_files, cache, note)
    files = bad = 0
    for fr in results():
        files += 1
        if fr.problems:
            bad += 1
            for p in fr.problems:
                on_problem(p)
        on_file(fr)
    return ValidateRun(Exit.INPUT if bad else Exit.OK, files, bad, cache, note)


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
    on_file: OnFile = _ignore,
    on_warning: OnFile = _ignore,
) -> ScanRun:
    """Scan each article of ``paths``, emitting its report as it is scanned (the summary
    comes last). The findings stream from the file into the report paragraph by
    paragraph, and the report's text goes to ``emit`` as it is made (the terminal
    report's a file at a time: its title counts the file's findings); with
    ``keep_results`` every result is kept too (the scaffold is made from them).
    ``on_warning`` gets each file's located warnings (:class:`~claimcheck.scan.Note`)
    once the file is read."""
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
        for part in report.file_parts(stream.path, stream.format, stream.problems, findings):
            emit(part)
        for note in stream.notes:
            on_warning(note)
        counts = report.tally.file_counts
        code = worst(code, Exit.INPUT if stream.problems else (Exit.FAIL if counts["inaccurate"] else Exit.OK))
        if keep_results:
            kept.append(ScanResult(stream.path, stream.format, tuple(found), stream.problems))
        on_file(path)
    emit(report.finish())
    return ScanRun(code, kept)


def _keeping(items: Iterable, into: list) -> Iterable:
    for x in items:
        into.append(x)
        yield x


# --- archive (the optional extra: dask and pyarrow, imported only here) -------------------


def archive_scan(paths: Sequence[str], out: str, **options: object):  # noqa: ANN201
    """Scan every article under ``paths`` (globs expanded, folders searched) on Dask into
    the Parquet dataset ``out``: :func:`claimcheck.archive.job.scan_archive`, whose
    keyword arguments ``options`` are (scheduler, workers, partition size, progress)."""
    from claimcheck.archive.job import scan_archive

    return scan_archive(expand(paths), out, **options)  # type: ignore[arg-type]


def archive_summary(path: str, top: int = 10):  # noqa: ANN201
    """The counts and worst offenders of an archive dataset: :func:`claimcheck.archive.summary.summarize`."""
    from claimcheck.archive.summary import summarize

    return summarize(path, top)
