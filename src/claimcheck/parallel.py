"""Checking many claim files on every core, with output identical to a serial run.

A newsroom's archive is thousands of small files; each is loaded and judged on its own,
so files are the unit of work. :func:`check_paths` hands chunks of files to worker
processes and yields each file's :class:`~claimcheck.results.FileResult` **in the order
of the files**, exactly as a serial run does — the report is rendered by the caller
(:func:`claimcheck.run.verify`) from the same results, so it is byte-for-byte the same with any
``--jobs``. With ``render=(format, options)`` and a format that can render one file on its
own (:func:`claimcheck.report.renders_on_workers`), each worker also renders the files it
checked and sends back :class:`Rendered` text with the counts the caller needs, so the
report's cost is shared by the cores and no result is pickled; the text is the same as the
parent would have made, since a file's text depends only on the file and on whether it is
the report's first, which the parent knows when it hands out the chunk. Memory stays flat: at most a few chunks are in flight, and a result is handed
on as soon as every file before it is done (nothing is held until the end).

Workers are forked from the CLI process after the models are built (no second import of
pydantic); where ``fork`` is unavailable they are spawned. A worker's exception is raised
in the caller, where the CLI turns it into exit 3 like any internal error.

Workers die with the run: :func:`die_with_parent` (the kernel's parent-death signal on
Linux, a watchdog thread elsewhere), so killing a run never leaves them behind.

Small runs are not worth a process: ``jobs=None`` (automatic) stays serial below
:data:`AUTO_MIN_FILES` files or :data:`AUTO_MIN_BYTES` bytes, counting only the files
the cache (:mod:`claimcheck.cache`), when there is one, has no entry for.
"""

from __future__ import annotations

import os
import sys
from collections import deque
from dataclasses import dataclass
from typing import Iterable, Iterator, Sequence

from claimcheck.results import FileResult, Problem

#: Automatic jobs stay serial for fewer files than this...
AUTO_MIN_FILES = 8
#: ...or fewer bytes in all: starting a worker costs about as much as checking 200 KB.
AUTO_MIN_BYTES = 256 * 1024
#: Files per task: enough to amortise the hand-off, small enough to balance the cores.
CHUNK_FILES = 4
#: Chunks shrink once fewer than CHUNK_FILES × TAIL_SHARE × jobs files are left to plan.
TAIL_SHARE = 2
#: Tasks in flight per worker; bounds memory whatever the corpus size.
IN_FLIGHT_PER_JOB = 3


def available_cpus() -> int:
    """Cores this process may run on (affinity-aware where the OS says)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def resolve_jobs(jobs: int | None, files: Sequence[str]) -> int:
    """How many processes to use: ``jobs`` as given, or automatic when ``None`` or 0."""
    if jobs is not None and jobs > 0:
        return min(jobs, max(1, len(files)))
    if len(files) < AUTO_MIN_FILES:
        return 1
    total = 0
    for f in files:
        try:
            total += os.stat(f).st_size
        except OSError:
            pass
        if total >= AUTO_MIN_BYTES:
            break
    if total < AUTO_MIN_BYTES:
        return 1
    return min(available_cpus(), max(1, len(files) // CHUNK_FILES))


# --- workers ----------------------------------------------------------------------------


def _check_chunk(paths: list[str], first: bool, policy, max_bytes: int, cache=None) -> list[FileResult]:  # noqa: ANN001
    from claimcheck.claimfile import load_file
    from claimcheck.engine import check_loaded

    if cache is None:
        return [check_loaded(load_file(p, max_bytes), policy) for p in paths]
    return [check_file(p, policy, max_bytes, cache) for p in paths]


def check_file(path: str, policy, max_bytes: int, cache) -> FileResult:  # noqa: ANN001
    """One file's result through ``cache`` (:class:`claimcheck.cache.Cache`): its
    entry when one is trusted for these bytes, else loaded, judged and kept. The bytes
    are read once, for the key and for the load."""
    from claimcheck.claimfile import read_bytes

    data, problem = read_bytes(path, max_bytes)
    if problem is not None:  # unreadable: nothing to key on, nothing kept
        return FileResult(path, problems=(problem,))
    return _through_cache(path, data, policy, cache)


def _through_cache(path: str, data: bytes, policy, cache) -> FileResult:  # noqa: ANN001
    hit = cache.lookup(path, data)
    if hit is not None:
        return hit
    from claimcheck.claimfile import decode, load_text
    from claimcheck.engine import check_loaded

    text, problem = decode(path, data)
    fr = FileResult(path, problems=(problem,)) if problem is not None else check_loaded(load_text(path, text), policy)
    cache.store(path, data, fr)
    return fr


@dataclass(frozen=True, slots=True)
class Rendered:
    """One file checked and rendered on a worker: its report text and what the caller
    counts (problems for stderr, each claim's verdict and whether it passed)."""

    path: str
    text: str
    problems: tuple[Problem, ...]
    verdicts: tuple[tuple[str, bool], ...]
    summary: str | None = None
    """The file's piece of GitHub's job summary, when the run writes one
    (:func:`claimcheck.report.verify.github.summary_piece`)."""

    @property
    def invalid(self) -> bool:
        return bool(self.problems)

    @property
    def failed(self) -> bool:
        return not all(passed for _, passed in self.verdicts)


_RENDERERS: dict = {}


def _renderer(fmt: str, options):  # noqa: ANN001, ANN202
    from claimcheck.report import FORMATS

    renderer = _RENDERERS.get((fmt, options))
    if renderer is None:
        renderer = _RENDERERS[(fmt, options)] = FORMATS[fmt](options)
    return renderer


def render_file(path: str, first: bool, policy, max_bytes: int, cache, fmt: str, options,  # noqa: ANN001
                summary: bool = False) -> Rendered:
    """One file checked and rendered through ``cache``: its text entry for this format and
    these options when one is trusted (nothing decoded, nothing rendered); else its result
    (:func:`check_file`'s way), rendered by the format and kept as a text entry. With
    ``summary``, its piece of the job summary too, kept and read the same way."""
    from claimcheck.claimfile import read_bytes
    from claimcheck.report.verify.github import SUMMARY_PIECE, is_summary_piece

    data, problem = read_bytes(path, max_bytes)
    wanted = [(fmt, options, first)] + ([(SUMMARY_PIECE, options, False)] if summary else [])
    if problem is None:
        hits = cache.lookup_texts(path, data, wanted, lambda name, text: name != SUMMARY_PIECE or is_summary_piece(text))
        if all(hit is not None for hit in hits):
            return Rendered(path, hits[0].text, hits[0].problems, hits[0].verdicts, hits[1].text if summary else None)
        fr = _through_cache(path, data, policy, cache)
    else:  # unreadable: nothing to key on, nothing kept
        hits = [None] * len(wanted)
        fr = FileResult(path, problems=(problem,))
    texts = [hit.text if hit is not None else _text(fr, *w) for hit, w in zip(hits, wanted)]
    if problem is None:
        for hit, w, text in zip(hits, wanted, texts):
            if hit is None:
                cache.store_text(path, data, *w, text, fr)
    return Rendered(fr.path, texts[0], fr.problems, tuple((c.verdict, c.passed) for c in fr.claims),
                    texts[1] if summary else None)


def _text(fr: FileResult, fmt: str, options, first: bool) -> str:  # noqa: ANN001
    from claimcheck.report.verify.github import SUMMARY_PIECE, summary_piece

    return summary_piece(fr, options) if fmt == SUMMARY_PIECE else _renderer(fmt, options).file_at(fr, first)


def _render_chunk(paths: list[str], first: bool, policy, max_bytes: int, cache, fmt: str, options,  # noqa: ANN001
                  summary: bool = False) -> list[Rendered]:
    if cache is not None:
        return [render_file(p, first and i == 0, policy, max_bytes, cache, fmt, options, summary)
                for i, p in enumerate(paths)]
    from claimcheck.report.verify.github import summary_piece

    renderer = _renderer(fmt, options)
    out = []
    for i, fr in enumerate(_check_chunk(paths, first, policy, max_bytes, cache)):
        text = renderer.file_at(fr, first and i == 0)
        out.append(Rendered(fr.path, text, fr.problems, tuple((c.verdict, c.passed) for c in fr.claims),
                            summary_piece(fr, options) if summary else None))
    return out


@dataclass(frozen=True, slots=True)
class Validated:
    """One file's outcome under ``claimcheck validate``: its problems, if any."""

    path: str
    problems: tuple[Problem, ...] = ()


def _validate_chunk(paths: list[str], first: bool, max_bytes: int, cache=None) -> list[Validated]:  # noqa: ANN001
    from claimcheck.claimfile import load_file

    if cache is None:
        return [Validated(p, load_file(p, max_bytes).problems) for p in paths]
    return [Validated(p, validate_file(p, max_bytes, cache).problems) for p in paths]


def validate_file(path: str, max_bytes: int, cache) -> FileResult:  # noqa: ANN001
    """One file's problems under ``claimcheck validate`` through ``cache``, as
    :func:`check_file` does for ``verify`` (a result with problems and no claims)."""
    from claimcheck.claimfile import decode, read_bytes

    data, problem = read_bytes(path, max_bytes)
    if problem is not None:
        return FileResult(path, problems=(problem,))
    hit = cache.lookup(path, data)
    if hit is not None:
        return hit
    from claimcheck.claimfile import load_text

    text, problem = decode(path, data)
    fr = FileResult(path, problems=(problem,) if problem is not None else load_text(path, text).problems)
    cache.store(path, data, fr)
    return fr


def _preload() -> None:
    # Built once in the parent, inherited by forked workers.
    import claimcheck.claimfile.model  # noqa: F401
    import claimcheck.engine  # noqa: F401
    import claimcheck.verdicts  # noqa: F401


def _executor(jobs: int):  # noqa: ANN202
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    methods = multiprocessing.get_all_start_methods()
    ctx = multiprocessing.get_context("fork" if "fork" in methods else None)
    return ProcessPoolExecutor(max_workers=jobs, mp_context=ctx, initializer=die_with_parent, initargs=(os.getpid(),))


#: How often a worker without PR_SET_PDEATHSIG looks whether its parent is still there.
WATCH_SECONDS = 1.0


def die_with_parent(parent: int) -> None:
    """Run first in every worker: when the run's process dies (SIGKILL, SIGTERM, a crash),
    the worker dies too, instead of waiting on the task pipe forever (40 MB each: forked
    workers hold both ends of the pool's pipes, so they never see it close).

    On Linux the kernel does it: ``prctl(PR_SET_PDEATHSIG, SIGKILL)``. Elsewhere, or if
    that call fails, a daemon thread checks every :data:`WATCH_SECONDS` whether the
    worker has been handed to another parent (``os.getppid`` changes when the parent
    dies) and ends the worker. Either way, a parent that died before this ran is seen at
    once."""
    armed = False
    if sys.platform.startswith("linux"):
        try:
            import ctypes
            import signal

            libc = ctypes.CDLL(None, use_errno=True)
            armed = libc.prctl(1, int(signal.SIGKILL), 0, 0, 0) == 0  # 1: PR_SET_PDEATHSIG
        except (OSError, AttributeError, ValueError):
            armed = False
    if os.getppid() != parent:
        os._exit(1)
    if not armed and hasattr(os, "getppid"):
        import threading

        threading.Thread(target=_watch_parent, args=(parent,), name="claimcheck-parent-watch", daemon=True).start()


def _watch_parent(parent: int) -> None:
    import time

    while True:
        time.sleep(WATCH_SECONDS)
        if os.getppid() != parent:
            os._exit(1)


def _ordered(jobs: int, items: list[str | Problem], fn, args: tuple, on_problem, first: bool = True) -> Iterator:  # noqa: ANN001
    """Run ``fn(chunk, first, *args)`` over chunks of file paths on ``jobs`` processes and
    yield the per-file results in input order; discovery problems come through
    ``on_problem`` at their place in the order. ``first`` is true for the chunk whose first
    file is the first entry of the whole run (never, when ``first`` is false: something
    came before these items in the report)."""
    _preload()
    # Consecutive runs of paths become chunks; a discovery problem is its own entry.
    # Chunks shrink towards the end (at most a share of the files still to plan, down to
    # one file), so the workers finish together: with fixed chunks of four, one worker
    # could still be checking a whole chunk while the other sat idle.
    plan: list[Problem | list[str]] = []
    left = sum(1 for item in items if not isinstance(item, Problem))
    size = 0
    for item in items:
        if isinstance(item, Problem):
            plan.append(item)
            continue
        if plan and isinstance(plan[-1], list) and len(plan[-1]) < size:
            plan[-1].append(item)
        else:
            size = max(1, min(CHUNK_FILES, left // (TAIL_SHARE * jobs)))
            plan.append([item])
        left -= 1
    with _executor(jobs) as pool:
        pending: deque = deque()
        it = iter(enumerate(plan))
        limit = jobs * IN_FLIGHT_PER_JOB

        def fill() -> None:
            while len(pending) < limit:
                index, entry = next(it, (None, None))
                if entry is None:
                    return
                if isinstance(entry, Problem):
                    pending.append(entry)
                else:
                    pending.append(pool.submit(fn, entry, first and index == 0, *args))

        fill()
        try:
            while pending:
                head = pending.popleft()
                if isinstance(head, Problem):
                    yield on_problem(head)
                else:
                    results = head.result()
                    fill()  # keep the workers busy while the caller renders
                    yield from results
                fill()
        finally:
            for f in pending:
                if not isinstance(f, Problem):
                    f.cancel()


def _to_check(files: list[str], jobs: int | None, cache) -> list[str]:  # noqa: ANN001
    """The files automatic jobs are sized by: with a cache, only those it holds no entry
    for (reading an entry costs a fraction of checking the file, less than a worker's
    start), so a warm rerun stays in one process."""
    if cache is None or (jobs is not None and jobs > 0):
        return files
    return cache.missing(files)


def check_paths(
    paths: Iterable[str], policy=None, max_bytes: int | None = None, jobs: int | None = None,  # noqa: ANN001
    render: tuple | None = None, cache=None, first: bool = True,  # noqa: ANN001
) -> Iterator[FileResult | Rendered]:
    """Load and judge each file in turn, on ``jobs`` processes (``None``: automatic; 1:
    in this process, one file in memory at a time). With ``cache``
    (:class:`claimcheck.cache.Cache`) a file whose entry is trusted is not loaded.

    ``render=(format_name, options)`` or ``(format_name, options, summary)``: when the run
    does go to workers, or has a cache, files come back as :class:`Rendered` text (the
    format must render on workers; with a cache, through :func:`render_file`, so a warm run
    reads each file's text), with ``summary`` each with its piece of the job summary too;
    discovery problems and uncached serial runs still come as :class:`FileResult` for the
    caller to render. ``first``: whether the first of these files would be the report's first (not
    when the report already holds standard input's)."""
    from claimcheck import engine
    from claimcheck.claimfile import DEFAULT_MAX_BYTES, discover

    if policy is None:
        policy = engine.Policy()
    paths = list(paths)
    max_bytes = max_bytes or DEFAULT_MAX_BYTES
    items = discover(paths)
    n = resolve_jobs(jobs, _to_check([i for i in items if isinstance(i, str)], jobs, cache))
    if n <= 1:
        for item in items:
            if isinstance(item, Problem):
                yield FileResult(item.path, problems=(item,))
            elif render is not None and cache is not None:
                yield render_file(item, first, policy, max_bytes, cache, *render)
            else:
                yield from _check_chunk([item], False, policy, max_bytes, cache)
            first = False
        return
    if render is not None:
        fn, args = _render_chunk, (policy, max_bytes, cache, *render)
    else:
        fn, args = _check_chunk, (policy, max_bytes, cache)
    yield from _ordered(n, items, fn, args, lambda p: FileResult(p.path, problems=(p,)), first)


def validate_paths(paths: Iterable[str], max_bytes: int | None = None, jobs: int | None = None,
                   cache=None) -> Iterator[Validated]:  # noqa: ANN001
    """Every file's problems, in order, on ``jobs`` processes (``None``: automatic),
    through ``cache`` when one is given."""
    from claimcheck.claimfile import DEFAULT_MAX_BYTES, discover, load_file

    max_bytes = max_bytes or DEFAULT_MAX_BYTES
    items = discover(list(paths))
    n = resolve_jobs(jobs, _to_check([i for i in items if isinstance(i, str)], jobs, cache))
    if n <= 1:
        for item in items:
            if isinstance(item, Problem):
                yield Validated(item.path, (item,))
            elif cache is not None:
                yield Validated(item, validate_file(item, max_bytes, cache).problems)
            else:
                yield Validated(item, load_file(item, max_bytes).problems)
        return
    yield from _ordered(n, items, _validate_chunk, (max_bytes, cache), lambda p: Validated(p.path, (p,)))
