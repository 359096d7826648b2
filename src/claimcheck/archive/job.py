"""The archive run on the driver: the bag over the files, the scheduler, the dataset's folder.

:func:`scan_archive` lists the articles (:func:`claimcheck.archive.find_articles`), makes
a Dask bag of ``(index, path as given, absolute path)`` with ``partition_size`` files per
partition, maps :func:`claimcheck.archive.partition.scan_partition` over the partitions
and computes them, on Dask's local process scheduler (``scheduler=None``, ``workers``
processes) or on the cluster whose scheduler is at ``scheduler`` (``tcp://host:8786``).
Each partition writes its own Parquet file into a temporary folder beside ``out``; only
the counts come back. When every partition is in, the folder is checked (every part there,
no leftover of a killed worker) and renamed to ``out`` — so ``out`` is either the
complete dataset or untouched. ``on_start`` is told the number of files and partitions,
``on_partition`` gets each partition's :class:`~claimcheck.archive.partition.PartDone`
as it is written (progress).

On a cluster every worker must reach the articles and the output folder at the same
paths (a shared file system); paths are made absolute before they are shipped.
"""

from __future__ import annotations

import math
import os
import shutil
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from claimcheck.archive import find_articles
from claimcheck.archive.partition import TMP_SUFFIX, PartDone, part_name, scan_partition

#: Files per partition at most, whatever the run's size: about 200 articles is a few
#: seconds of scanning and a part of a few hundred kilobytes.
MAX_PARTITION = 200
#: Partitions per worker at least (when there are files enough), so a slow partition at
#: the end does not leave the other workers idle.
PARTITIONS_PER_WORKER = 4


class ArchiveError(Exception):
    """A problem with the run's arguments or destination: the user's to fix (exit 2)."""


@dataclass
class ArchiveRun:
    """What an archive scan came to."""

    out: str
    files: int = 0
    partitions: int = 0
    findings: int = 0
    inaccurate: int = 0
    errors: int = 0
    """Files that could not be read (each a row with its error)."""
    internal: int = 0
    """Files whose scan hit a bug (each a row with the exception)."""
    worker_peak_rss_kib: int = 0
    """The largest peak resident memory any worker reported."""
    worker_pids: frozenset[int] = frozenset()
    """The worker processes that wrote the parts."""

    def add(self, done: PartDone) -> None:
        self.findings += done.findings
        self.inaccurate += done.inaccurate
        self.errors += done.errors
        self.internal += done.internal
        self.worker_peak_rss_kib = max(self.worker_peak_rss_kib, done.peak_rss_kib)
        self.worker_pids = self.worker_pids | {done.pid}


def default_partition_size(files: int, workers: int) -> int:
    """Files per partition: at least :data:`PARTITIONS_PER_WORKER` partitions per worker,
    at most :data:`MAX_PARTITION` files in one."""
    return max(1, min(MAX_PARTITION, math.ceil(files / (max(1, workers) * PARTITIONS_PER_WORKER))))


def is_dataset(path: str) -> bool:
    """Whether ``path`` is a folder holding nothing but what an archive run writes (so
    ``force`` may replace it)."""
    try:
        names = os.listdir(path)
    except OSError:
        return False
    return all(n.startswith("part-") and (n.endswith(".parquet") or n.endswith(TMP_SUFFIX)) for n in names)


def scan_archive(
    paths: Sequence[str],
    out: str,
    *,
    scheduler: str | None = None,
    workers: int | None = None,
    partition_size: int | None = None,
    input_format: str | None = None,
    force: bool = False,
    on_start: Callable[[int, int], object] = lambda files, partitions: None,
    on_partition: Callable[[PartDone], object] = lambda done: None,
) -> ArchiveRun:
    """Scan every article under ``paths`` into the Parquet dataset ``out`` (a folder).

    Raises :class:`ArchiveError` when there is nothing to scan, or ``out`` exists and
    ``force`` is not given (or it is not a dataset this command wrote), or the cluster
    cannot be reached."""
    files = find_articles(paths)
    if not files:
        raise ArchiveError("no articles found (folders are searched for " + ", ".join(_suffixes()) + " files)")
    given, out = out, os.path.abspath(out)
    if os.path.lexists(out):
        if not force:
            raise ArchiveError(f"{given} already exists; use --force to replace it")
        if not (os.path.isfile(out) or is_dataset(out)):
            raise ArchiveError(f"{given} is a folder that is not an archive dataset; not replacing it")
    if not os.path.isdir(os.path.dirname(out)):
        raise ArchiveError(f"cannot write {given}: its folder does not exist")

    import dask.bag as db

    client = _client(scheduler) if scheduler else None
    try:
        nworkers = workers or (sum(client.nthreads().values()) if client else (os.cpu_count() or 1))
        size = partition_size or default_partition_size(len(files), nworkers)
        items = [(i, f, os.path.abspath(f)) for i, f in enumerate(files)]
        bag = db.from_sequence(items, partition_size=size)
        nparts = bag.npartitions
        tmp = f"{out}.partial-{uuid.uuid4().hex[:12]}"
        os.mkdir(tmp)
        try:
            parts = bag.map_partitions(scan_partition, tmp, nparts, input_format).to_delayed()
            run = ArchiveRun(out, len(files), nparts)
            on_start(len(files), nparts)

            def done(result: list[dict]) -> None:
                d = PartDone.of(result[0])
                run.add(d)
                on_partition(d)

            names = [part_name(chunk[0][0]) for chunk in _chunks(items, size)]
            if client is None:
                _compute_local(parts, min(nworkers, nparts), done)  # no idle process to start
            else:
                _compute_cluster(client, parts, tmp, names, done)
            _finish(tmp, out, names)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
    finally:
        if client is not None:
            client.close()
    return run


def _suffixes() -> list[str]:
    from claimcheck.archive import ARTICLE_SUFFIXES

    return [f"*{s}" for s in ARTICLE_SUFFIXES]


def _chunks(items: list, size: int) -> list[list]:
    return [items[i : i + size] for i in range(0, len(items), size)]


def _client(address: str):  # noqa: ANN202
    from distributed import Client

    try:
        return Client(address, timeout="20s")
    except (OSError, TimeoutError) as e:
        raise ArchiveError(f"cannot reach the Dask scheduler at {address}: {e}") from None


def _compute_local(parts: list, workers: int, done: Callable[[list[dict]], None]) -> None:
    """The partitions on Dask's local process scheduler, each reported as it finishes."""
    import dask
    from dask.callbacks import Callback

    wanted = {p.key for p in parts}

    class Report(Callback):
        def _posttask(self, key, result, dsk, state, worker_id) -> None:  # noqa: ANN001
            if key in wanted:
                done(result)

    with Report():
        dask.compute(*parts, scheduler="processes", num_workers=workers)


def _compute_cluster(client, parts: list, out_dir: str, names: list[str], done: Callable[[list[dict]], None]) -> None:  # noqa: ANN001
    """The partitions on a cluster, each reported as it finishes; a worker lost mid-run
    has its partitions run again elsewhere by the scheduler.

    A partition's counts are read from the part it wrote (its facts), not fetched from
    the worker: a worker killed just after finishing holds results nobody can fetch, and
    asking for them would wait out the connection timeout."""
    import pyarrow.parquet as pq
    from distributed import as_completed

    from claimcheck.archive.table import facts

    futures = client.compute(parts)
    name_of = {f.key: n for f, n in zip(futures, names)}
    try:
        for fut in as_completed(futures):
            if fut.status != "finished":
                fut.result()  # raises the task's exception (or the cancellation) here
            done([facts(pq.read_schema(os.path.join(out_dir, name_of[fut.key])))])
    finally:
        client.cancel(futures)


def _finish(tmp: str, out: str, expected: list[str]) -> None:
    """Check the parts are all there, drop leftovers, and put the dataset at ``out``."""
    for name in os.listdir(tmp):
        if name.endswith(TMP_SUFFIX):
            os.remove(os.path.join(tmp, name))  # a part a killed worker was writing
    have = set(os.listdir(tmp))
    lost = [n for n in expected if n not in have]
    if lost:
        raise RuntimeError(f"{len(lost)} partition(s) reported done but not written: {', '.join(lost[:3])}")
    if os.path.lexists(out):
        old = f"{out}.old-{uuid.uuid4().hex[:12]}"
        os.rename(out, old)
        os.rename(tmp, out)
        if os.path.isdir(old):
            shutil.rmtree(old)
        else:
            os.remove(old)
    else:
        os.rename(tmp, out)
