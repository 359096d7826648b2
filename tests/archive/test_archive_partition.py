"""One partition on its own (in this process): what a worker writes, and how the run lists files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pq = pytest.importorskip("pyarrow.parquet")

from claimcheck.archive import find_articles  # noqa: E402
from claimcheck.archive import partition  # noqa: E402


def test_a_file_whose_scan_raises_is_a_row_and_the_rest_of_the_partition_is_written(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    a = tmp_path / "a.txt"
    a.write_text("Sales rose 25%, from 120 to 150.\n", encoding="utf-8")
    b = tmp_path / "b.txt"
    b.write_text("Rents rose 20%, from 120 to 150.\n", encoding="utf-8")
    real = partition.scan_file

    def scan_file(path: str, fmt: object = None, *, name: str) -> object:
        if name == "b.txt":
            raise ZeroDivisionError("a bug\nin two lines")
        return real(path, fmt, name=name)

    monkeypatch.setattr(partition, "scan_file", scan_file)
    out = tmp_path / "out"
    out.mkdir()
    (done,) = partition.scan_partition([(7, "a.txt", str(a)), (8, "b.txt", str(b))], str(out), 3)
    assert {k: done[k] for k in ("part", "files", "findings", "inaccurate", "errors", "internal")} == {
        "part": "part-00000007.parquet", "files": 2, "findings": 1, "inaccurate": 0, "errors": 0, "internal": 1}
    assert sorted(p.name for p in out.iterdir()) == ["part-00000007.parquet"]  # no temporary file left
    t = pq.read_table(out / "part-00000007.parquet")
    rows = t.select(["file", "line", "col", "status", "verdict", "error"]).to_pylist()
    assert rows == [
        {"file": "a.txt", "line": 1, "col": 7, "status": "checked", "verdict": "accurate", "error": None},
        {"file": "b.txt", "line": 1, "col": 1, "status": "internal-error", "verdict": None,
         "error": "internal error: ZeroDivisionError: a bug in two lines (a bug in claimcheck)"},
    ]
    facts = json.loads(t.schema.metadata[b"claimcheck"])
    assert (facts["first"], facts["files"], facts["partitions"], facts["internal"]) == (7, 2, 3, 1)


def test_folders_are_searched_in_order_for_articles_only(tmp_path: Path) -> None:
    for rel in ("desk/b.md", "desk/a.txt", "desk/z.HTML", "desk/2024/c.htm", "desk/2024/.draft.txt",
                "desk/.cache/d.txt", "desk/notes.yaml", "desk/image.png", "desk/1999/e.markdown"):
        p = tmp_path / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("x\n", encoding="utf-8")
    root = str(tmp_path / "desk")
    got = find_articles([root, str(tmp_path / "desk" / "a.txt"), str(tmp_path / "gone.txt")])
    # a folder's own files (sorted) before its sub-folders (sorted); hidden names, other
    # suffixes and a file already listed are left out; a missing path stays, to be reported
    assert [p.removeprefix(str(tmp_path) + "/") for p in got] == [
        "desk/a.txt", "desk/b.md", "desk/z.HTML", "desk/1999/e.markdown", "desk/2024/c.htm", "gone.txt"]
