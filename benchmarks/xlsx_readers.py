"""openpyxl against python-calamine for reading ``.xlsx`` cells (issue 20): speed and
exactness, side by side. Not part of claimcheck: calamine is installed only to compare.

    .venv/bin/pip install python-calamine
    .venv/bin/python benchmarks/xlsx_readers.py

Speed: a generated workbook of 100,000 rows × 4 columns; each reader opens it and reads
one cell near the end (openpyxl read-only walks the sheet as a stream; calamine reads the
whole sheet). Exactness: a workbook of the cells that tell readers apart, each with what
the file holds and what each reader gives.
"""

from __future__ import annotations

import datetime
import itertools
import tempfile
import time
from pathlib import Path


def main() -> int:
    import openpyxl

    try:
        from python_calamine import CalamineWorkbook
    except ImportError:
        print("python-calamine is not installed; pip install python-calamine to compare")
        return 0
    tmp = Path(tempfile.mkdtemp())
    big = tmp / "big.xlsx"
    wb = openpyxl.Workbook(write_only=True)
    ws = wb.create_sheet("Data")
    for i in range(100_000):
        ws.append([i, i / 100, f"name{i}", i % 7])
    wb.save(big)
    print(f"speed: {big.stat().st_size / 1e6:.1f} MB workbook, 100,000 rows, cell B99990")
    t = time.perf_counter()
    book = openpyxl.load_workbook(big, read_only=True, data_only=True)
    v = next(book["Data"].iter_rows(min_row=99990, max_row=99990, min_col=2, max_col=2, values_only=True))[0]
    print(f"  openpyxl (read-only): {time.perf_counter() - t:.2f} s -> {v!r}")
    t = time.perf_counter()
    rows = CalamineWorkbook.from_path(str(big)).get_sheet_by_name("Data").to_python()
    print(f"  python-calamine:      {time.perf_counter() - t:.2f} s -> {rows[99989][1]!r}")

    small = tmp / "cells.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "S"
    cells = [("1224", 1224, "General"), ("0.1", 0.1, "General"), ("0.191 shown as 19.1%", 0.191, "0.0%"),
             ("a date", datetime.date(2025, 7, 27), "yyyy-mm-dd"), ("text '1,224'", "1,224", "General"),
             ("an empty formula result", "=A1+A2", "General")]
    for i, (_, value, fmt) in enumerate(cells, 1):
        ws.cell(i, 1, value).number_format = fmt
    wb.save(small)
    ro = openpyxl.load_workbook(small, read_only=True, data_only=True)["S"]
    op = [(c.value, c.number_format) for (c,) in ro.iter_rows(min_col=1, max_col=1)]
    ca = [r[0] for r in CalamineWorkbook.from_path(str(small)).get_sheet_by_name("S").to_python()]
    print("exactness: cell | openpyxl (value, number format) | python-calamine")
    for (label, _, _), o, c in itertools.zip_longest(cells, op, ca, fillvalue=("(no row)", None, None)):
        print(f"  {label} | {o!r} | {c!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
