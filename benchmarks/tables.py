"""Benchmark of figures from a table (issue 20): 1,000 table-backed figures over a 100 MB CSV.

    .venv/bin/python benchmarks/tables.py            # writes benchmarks/RESULTS_tables.md
    .venv/bin/python benchmarks/tables.py --mb 10    # a smaller table, for a quick look

The CSV (seeded, generated into ``benchmarks/corpus_tables/``, git-ignored, never
committed) has a region, a status, a whole-number count and two decimal columns; the claim
file has 1,000 figures, each one ``from:`` that table with its own ``sql:`` (sums, counts,
averages, minimums and maximums under different WHERE clauses), and 100 claims over them.
``claimcheck verify --format json`` runs in a fresh process; wall time and peak resident
memory come from ``benchmarks/run.py``'s ``measure``. The table is opened once per claim
file (one load, then 1,000 queries on the loaded table), which the results split out by
timing a claim file with a single figure over the same table.

The cold rows run with ``--no-cache``. The warm row runs the 1,000-figure file twice with
one cache folder (``--cache-dir``, a temporary folder): the first run fills it, the second
is timed; a hit re-hashes the claim file and the table and loads neither.
"""

from __future__ import annotations

import argparse
import datetime as _dt
import random
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from run import CC, machine, measure  # noqa: E402

REGIONS = [f"R{i:02d}" for i in range(20)]
STATUS = ["none", "violent", "other"]


def make_table(path: Path, mb: int, seed: int = 1) -> int:
    """Write a CSV of about ``mb`` megabytes; return its row count."""
    rng = random.Random(seed)
    target = mb * 1_000_000
    rows = 0
    size = 0
    with open(path, "w", encoding="utf-8", newline="") as f:
        header = "id,region,status,held,rate,amount\n"
        f.write(header)
        size += len(header)
        chunk: list[str] = []
        while size < target:
            line = (f"{rows},{rng.choice(REGIONS)},{rng.choice(STATUS)},{rng.randrange(1000)},"
                    f"{rng.randrange(10000) // 100}.{rng.randrange(100):02d},{rng.randrange(10**6)}.{rng.randrange(10**6):06d}\n")
            chunk.append(line)
            size += len(line)
            rows += 1
            if len(chunk) == 10000:
                f.write("".join(chunk))
                chunk = []
        f.write("".join(chunk))
    return rows


def make_claims(path: Path, table: str, figures: int, seed: int = 2) -> None:
    rng = random.Random(seed)
    aggs = ["sum(held)", "count(*)", "avg(held)", "min(rate)", "max(amount)", "sum(amount)", "sum(rate)"]
    lines = ["title: Table benchmark", "figures:"]
    for i in range(figures):
        where = f"region = '{rng.choice(REGIONS)}' and status = '{rng.choice(STATUS)}'"
        lines.append(f'  f{i:04d}: {{from: {table}, sql: "select {rng.choice(aggs)} from t where {where}"}}')
    lines.append("claims:")
    for i in range(min(100, figures // 2)):
        lines += [f"  - id: c{i:03d}", "    speaker: S", "    statement: s", "    figure: up 10%",
                  f"    compute: pct_change(f{2 * i:04d}, f{2 * i + 1:04d})"]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--mb", type=int, default=100)
    ap.add_argument("--figures", type=int, default=1000)
    ap.add_argument("--runs", type=int, default=1)
    ap.add_argument("--out", type=Path, default=HERE / "RESULTS_tables.md")
    a = ap.parse_args(argv)
    folder = HERE / "corpus_tables"
    (folder / "data").mkdir(parents=True, exist_ok=True)
    table = folder / "data" / f"table_{a.mb}mb.csv"
    if not table.exists():
        rows = make_table(table, a.mb)
    else:
        with open(table, "rb") as f:
            rows = sum(1 for _ in f) - 1
    many = folder / f"figures_{a.figures}.yaml"
    make_claims(many, f"data/{table.name}", a.figures)
    one = folder / "figures_1.yaml"
    make_claims(one, f"data/{table.name}", 2)
    env = {"CLAIMCHECK_TABLE_MAX_MB": str(a.mb * 2), "PATH": "/usr/bin:/bin", "LC_ALL": "C.UTF-8"}
    results = []
    for label, path in ((f"{a.figures} figures", many), ("2 figures (the load alone, about)", one)):
        best = None
        for _ in range(a.runs):
            r = measure([*CC, "verify", str(path), "--format", "json", "--no-cache"], env=env)
            best = r if best is None or r.wall < best.wall else best
        results.append((label, best))
    import tempfile

    with tempfile.TemporaryDirectory(prefix="claimcheck-bench-tables-") as cache:
        warm_cmd = [*CC, "verify", str(many), "--format", "json", "--cache-dir", cache]
        measure(warm_cmd, env=env)  # fills the cache
        warm = min((measure(warm_cmd, env=env) for _ in range(a.runs)), key=lambda r: r.wall)
    results.append((f"{a.figures} figures, warm cache", warm))
    info = machine()
    out = [
        "# Benchmark: figures from a table",
        "",
        f"Generated by `benchmarks/tables.py` on {_dt.date.today().isoformat()}; {info.get('cpu', '')}",
        "",
        f"Table: {table.stat().st_size / 1e6:.1f} MB CSV, {rows:,} rows, 6 columns (generated, never committed).",
        "",
        "| claim file | wall | CPU | peak memory | exit |",
        "| --- | --- | --- | --- | --- |",
    ]
    for label, r in results:
        out.append(f"| {label} | {r.wall:.2f} s | {r.cpu:.2f} s | {r.max_rss_kib / 1024:.0f} MiB | {r.code} |")
    (_, many_run), (_, one_run), (_, warm_run) = results
    per = (many_run.wall - one_run.wall) / max(a.figures - 2, 1)
    out += ["", f"The table is loaded once per claim file; each further figure costs about {per * 1000:.0f} ms "
            f"(wall, ({many_run.wall:.2f} − {one_run.wall:.2f}) s ÷ {a.figures - 2}).", "",
            f"A warm rerun (claim file and table unchanged) takes {warm_run.wall / many_run.wall:.2f}× the cold run's "
            f"wall time: it hashes the {table.stat().st_size / 1e6:.0f} MB table and the claim file, and loads neither.", ""]
    a.out.write_text("\n".join(out), encoding="utf-8")
    print("\n".join(out))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
