"""``claimcheck archive scan`` on Dask's local process scheduler gives, row for row, what
serial ``claimcheck scan --format json`` gives on the same files."""

from __future__ import annotations

import json
import math
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from archive_corpus import write_archive
from archive_rows import COLUMNS, dataset_rows, rows_from_json

pytest.importorskip("dask.bag")

ENV_DROP = ("COLUMNS", "FORCE_COLOR", "NO_COLOR", "GITHUB_ACTIONS", "CI")


def cc(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    import os

    env = {k: v for k, v in os.environ.items() if k not in ENV_DROP}
    env["LC_ALL"] = "C.UTF-8"
    return subprocess.run([sys.executable, "-m", "claimcheck", *args], cwd=cwd, capture_output=True, text=True,
                          env=env, timeout=300)


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, list[str]]:
    root = tmp_path_factory.mktemp("newsroom")
    names = write_archive(root / "archive", 1000, unreadable=(17, 503))
    return root, [f"archive/{n}" for n in names]


def test_a_thousand_articles_give_the_rows_of_serial_scan(archive: tuple[Path, list[str]]) -> None:
    root, files = archive
    # the serial run: every file on the command line, in the order the archive run lists
    # a folder (sorted names), and a path that does not exist
    serial = cc("scan", "--format", "json", *files, "missing.txt", cwd=root)
    assert serial.returncode == 2, serial.stderr  # two files are not UTF-8, one is missing
    report = json.loads(serial.stdout)
    expected = rows_from_json(report)

    run = cc("archive", "scan", "archive", "missing.txt", "--out", "findings.parquet", "--workers", "2", cwd=root)
    dataset = root / "findings.parquet"
    rows = dataset_rows(dataset)

    assert len(rows) == len(expected)
    for i, (got, want) in enumerate(zip(rows, expected)):
        assert got == want, f"row {i}"
    # 1,001 paths at 4 partitions per worker and 2 workers: ceil(1001 / 8) = 126 files a
    # partition, so 8 partitions (7 of 126 and one of 119)
    assert math.ceil(1001 / 126) == 8
    assert sorted(p.name for p in dataset.iterdir()) == [f"part-{126 * k:08d}.parquet" for k in range(8)]
    s = report["summary"]
    assert s["files"] == 1001 and s["invalid_files"] == 3
    assert run.stdout == (f"1,001 files scanned in 8 partitions: {s['findings']:,} findings, "
                          f"{s['inaccurate']:,} inaccurate; written to findings.parquet\n")
    assert run.stderr == ("claimcheck: error: 3 files could not be read; their rows in findings.parquet "
                          "have status 'error' and the reason\n")
    assert run.returncode == 2
    # the unreadable files are rows with their located errors, in the order of the files
    errors = [(r["file"], r["status"], r["error"]) for r in rows if r["status"] == "error"]
    assert [e[0] for e in errors] == ["archive/art00017.html", "archive/art00503.html", "missing.txt"]  # 17 and 503 are 2 mod 3: HTML
    assert all(e[2].startswith("not UTF-8 (byte 0xFF)") for e in errors[:2]) and errors[2][2] == "no such file"


def test_every_exact_number_is_a_string_and_each_part_says_what_it_holds(archive: tuple[Path, list[str]]) -> None:
    root, _ = archive
    dataset = root / "findings.parquet"
    if not dataset.exists():
        pytest.skip("the scan test did not write the dataset")
    parts = sorted(dataset.glob("part-*.parquet"))
    schema = pq.read_schema(parts[0])
    assert schema.names == list(COLUMNS)
    for name in ("value", "claimed", "arithmetic"):
        assert schema.field(name).type == pa.string()
    assert not any(pa.types.is_floating(f.type) for f in schema)
    facts = [json.loads(pq.read_schema(p).metadata[b"claimcheck"]) for p in parts]
    assert [f["first"] for f in facts] == [126 * k for k in range(8)]
    assert [f["files"] for f in facts] == [126] * 7 + [119]
    assert {f["partitions"] for f in facts} == {8}
