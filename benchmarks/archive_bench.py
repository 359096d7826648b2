"""The archive benchmark: ``claimcheck archive scan`` on Dask's local scheduler against serial ``scan``.

    .venv/bin/python benchmarks/archive_bench.py                  # 10,000 articles
    .venv/bin/python benchmarks/archive_bench.py --articles 2000  # a quicker look

Needs the archive extra (``pip install -e ".[archive]"``). Articles are generated into
``benchmarks/corpus_archive_<n>_<size>`` (git-ignored) from ``gen_prose.realistic`` (wire
copy: most sentences without a number, about a quarter with a claim), one seed per article,
written in turn as plain text, Markdown and HTML. Measured, each in a fresh process
(``benchmarks/run.py``'s :func:`measure`):

* serial ``claimcheck scan --format json -o FILE 'corpus/*'``: one process;
* ``claimcheck archive scan corpus --out DATASET --workers N`` for N = 1 and 2: the
  driver and N worker processes (Dask's local process scheduler).

For each: wall time, CPU time (all processes), throughput (articles/s and MB/s), the
largest single process's peak memory (``/usr/bin/time -v``), the peak of the process
tree's summed memory, and for the archive runs each worker's own peak, which every part of
the dataset records (``peak_rss_kib`` in its metadata, see ``claimcheck.archive.table``).
The archive's rows are checked against the serial JSON (same number of findings).

The results replace the "Archive" section of ``benchmarks/RESULTS.md`` (between its
markers), leaving the rest of the file to ``benchmarks/run.py``.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import html
import json
import os
import re
import shutil
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import gen_prose  # noqa: E402
from run import CC, PY, machine, measure  # noqa: E402

RESULTS = HERE / "RESULTS.md"
START, END = "<!-- archive:start -->", "<!-- archive:end -->"


def archive(n: int, size: int) -> Path:
    """``n`` articles of about ``size`` bytes each, regenerated when missing."""
    folder = HERE / f"corpus_archive_{n}_{size}"
    done = folder / ".complete"
    if done.exists():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir()
    for i in range(n):
        prose = gen_prose.realistic(size, seed=10_000 + i)
        paras = [p for p in prose.split("\n\n") if p.strip()]
        if i % 3 == 0:
            name, text = f"a{i:06d}.txt", prose
        elif i % 3 == 1:
            name, text = f"a{i:06d}.md", "# Story\n\n" + "\n\n".join(paras) + "\n"
        else:
            body = "\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in paras)
            name, text = f"a{i:06d}.html", f"<!doctype html>\n<html><body><article>\n{body}\n</article></body></html>\n"
        (folder / name).write_text(text, encoding="utf-8")
    done.write_text("")
    return folder


def worker_peaks(dataset: Path) -> dict[int, int]:
    """Each worker process's peak memory (KiB), from the parts it wrote."""
    import pyarrow.parquet as pq

    peaks: dict[int, int] = {}
    for part in dataset.glob("part-*.parquet"):
        facts = json.loads(pq.read_schema(part).metadata[b"claimcheck"])
        peaks[facts["pid"]] = max(peaks.get(facts["pid"], 0), facts["peak_rss_kib"])
    return peaks


def best(cmd: list[str], runs: int):  # noqa: ANN201
    """The fastest of ``runs`` fresh runs of ``cmd``."""
    return min((measure(cmd, sample_tree=True, env={**os.environ, "LC_ALL": "C.UTF-8"}) for _ in range(runs)),
               key=lambda r: r.wall)


def mib(kib: int) -> str:
    return f"{kib / 1024:.0f} MiB"


def _load() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--size", type=int, default=2000, help="bytes per article (at least)")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--runs", type=int, default=1,
                    help="runs per row; the fastest is kept (the one other processes disturbed least)")
    ap.add_argument("--no-write", action="store_true", help="print, do not update RESULTS.md")
    args = ap.parse_args(argv)
    folder = archive(args.articles, args.size)
    files = sorted(p for p in folder.iterdir() if not p.name.startswith("."))
    mb = sum(p.stat().st_size for p in files) / 1e6
    rel = folder.relative_to(HERE.parent)
    info = machine()
    rows = []
    tmp = Path(tempfile.mkdtemp(prefix="cc-archive-bench-"))
    try:
        out = tmp / "serial.json"
        cmd = [*CC, "scan", "--format", "json", "-o", str(out), f"{folder}/*"]
        r = best(cmd, args.runs)
        assert r.code in (0, 1), r.code
        serial = json.loads(out.read_text())["summary"]
        rows.append(("serial `scan`, one process", f"claimcheck scan --format json -o FILE '{rel}/*'", r, None))
        print(f"serial: {r.wall:.1f} s", file=sys.stderr)
        for w in args.workers:
            ds = tmp / f"w{w}.parquet"
            cmd = [*CC, "archive", "scan", str(folder), "--out", str(ds), "--workers", str(w), "-q", "--force"]
            r = best(cmd, args.runs)
            assert r.code == 0, r.code
            import pyarrow.parquet as pq

            rows_n = pq.read_table(ds, columns=["status"]).num_rows
            assert rows_n == serial["findings"], (rows_n, serial["findings"])
            peaks = worker_peaks(ds)
            rows.append((f"`archive scan`, local process scheduler, {w} worker{'s' if w > 1 else ''}",
                         f"claimcheck archive scan {rel} --out DATASET --workers {w}", r, peaks))
            print(f"{w} workers: {r.wall:.1f} s", file=sys.stderr)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    base = rows[0][2].wall
    by_w = {int(re.search(r"--workers (\d+)", c).group(1)): r for _, c, r, _ in rows[1:]}
    lines = [START, "## Archive (`claimcheck archive scan`, Dask)", "",
             f"Written by `benchmarks/archive_bench.py` (see its docstring); the fastest of {args.runs} fresh "
             f"run{'s' if args.runs > 1 else ''} per row. "
             f"{args.articles:,} generated articles of about {args.size:,} bytes ({mb:.1f} MB in all, a third each "
             f"text, Markdown and HTML), {serial['findings']:,} findings. "
             f"{info['date']}, {info['cpu']}, {info['cores']} cores, load average at start {info['load average at start']}, "
             f"commit {info.get('commit', '?')}; load average at the end {_load()}.", "",
             "| what | command | wall | CPU (all processes) | throughput | peak memory |", "| --- | --- | --- | --- | --- | --- |"]
    for what, cmd, r, peaks in rows:
        mem = f"{mib(r.max_rss_kib)} largest process, {mib(r.tree_rss_kib)} all processes"
        if peaks:
            mem += "; per worker " + ", ".join(mib(v) for _, v in sorted(peaks.items()))
        lines.append(f"| {what} | `{cmd}` | {r.wall:.1f} s | {r.cpu:.1f} s | "
                     f"{args.articles / r.wall:,.0f} articles/s = {mb / r.wall:.2f} MB/s | {mem} |")
    lines.append("")
    if 1 in by_w and 2 in by_w:
        lines.append(f"Scaling on this {info['cores']}-core machine: 2 workers run {by_w[1].wall / by_w[2].wall:.2f}× as "
                     f"fast as 1 (ideal 2×), and {base / by_w[2].wall:.2f}× as fast as serial `scan`; 1 worker is "
                     f"{base / by_w[1].wall:.2f}× serial (the price of the driver, Dask and writing Parquet). "
                     "Each worker costs one core and its own interpreter; past the machine's cores more workers add "
                     "nothing, and on a cluster throughput grows with the workers until the file system "
                     "(reading articles, writing parts) is the limit.")
        lines.append("")
    lines.append(END)
    section = "\n".join(lines)
    print(section)
    if not args.no_write:
        text = RESULTS.read_text(encoding="utf-8")
        if START in text:
            text = re.sub(re.escape(START) + ".*?" + re.escape(END), lambda m: section, text, flags=re.S)
        else:
            text = text.rstrip("\n") + "\n\n" + section + "\n"
        RESULTS.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
