"""A worker killed in the middle of an archive run on a Dask cluster loses nothing.

A ``distributed.LocalCluster`` of two worker processes runs ``archive scan``; as soon as
the first partition is in, the worker that has partitions in hand is killed (SIGKILL, as
an out-of-memory killer or a lost machine would). The scheduler runs its partitions
again elsewhere; the run must still finish with every file's rows, exactly those of
scanning each file on its own, and no half-written part left behind.
"""

from __future__ import annotations

import logging
import os
import signal
from pathlib import Path

import pytest

from archive_corpus import write_archive

distributed = pytest.importorskip("distributed")

from archive_rows import dataset_rows  # noqa: E402


def _expected(files: list[str], cwd: Path) -> list[tuple]:
    """Each file scanned on its own, in this process (no Dask): the key columns of its rows."""
    from claimcheck.api import scan_file

    out = []
    here = os.getcwd()
    os.chdir(cwd)
    try:
        for f in files:
            r = scan_file(f)
            out.extend((f, p.line, p.col, "error", p.message) for p in r.problems)
            out.extend((f, x.line, x.col, x.status, x.verdict) for x in r.findings)
    finally:
        os.chdir(here)
    return out


def test_a_worker_killed_mid_run_loses_nothing(tmp_path: Path) -> None:
    from claimcheck import run

    names = write_archive(tmp_path / "archive", 400, size=900, unreadable=(5,))
    files = [f"archive/{n}" for n in names]
    for name in ("distributed", "distributed.nanny", "distributed.scheduler", "distributed.worker"):
        logging.getLogger(name).setLevel(logging.CRITICAL)
    killed: dict = {}
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None,
                                  silence_logs=logging.CRITICAL) as cluster:
        # the worker processes, and the scheduler's own view of what each has in hand
        # (the LocalCluster's scheduler runs in this process)
        pids = {n.worker_address: n.pid for n in cluster.workers.values()}

        def kill_a_busy_worker(done: object) -> None:
            if killed:
                return
            busy = {addr: len(ws.processing) for addr, ws in list(cluster.scheduler.workers.items()) if ws.processing}
            addr = sorted(busy)[0]
            killed.update(addr=addr, pid=pids[addr], in_hand=busy[addr])
            os.kill(pids[addr], signal.SIGKILL)

        here = os.getcwd()
        os.chdir(tmp_path)
        try:
            outcome = run.archive_scan(["archive"], "findings.parquet", scheduler=cluster.scheduler_address,
                                       partition_size=8, on_partition=kill_a_busy_worker)
        finally:
            os.chdir(here)
        after = {n.pid for n in cluster.workers.values()}

    assert killed["in_hand"] >= 1  # the killed worker had a partition in progress or queued
    assert killed["pid"] not in after  # it is gone (its nanny started a new process)
    assert outcome.files == 400 and outcome.partitions == 50 and outcome.errors == 1
    dataset = tmp_path / "findings.parquet"
    assert sorted(p.name for p in dataset.iterdir()) == [f"part-{8 * k:08d}.parquet" for k in range(50)]
    rows = dataset_rows(dataset)
    got = [(r["file"], r["line"], r["col"], r["status"], r["verdict"] if r["status"] != "error" else r["error"])
           for r in rows]
    assert got == _expected(files, tmp_path)
    assert not list(tmp_path.glob("findings.parquet.*"))  # no temporary folder left beside it
