"""Cells of ``.xlsx`` workbooks, read with openpyxl (the optional ``claimcheck[data]`` extra).

Why openpyxl and not python-calamine, though calamine reads a 100,000-row sheet about
eight times faster (``benchmarks/README.md``): exactness decides. openpyxl reads a cell
written as digits (``<v>1224</v>``) as an exact Python integer of any size, where calamine
gives every number as a binary float (``1224.0``; an integer past 2**53 rounded); openpyxl
keeps the cell's number format, so a cell shown as ``19.1%`` is read as 19.1%, where
calamine has no formats; and openpyxl tells an empty cell (``None``) from an empty text,
where calamine gives ``''`` for both. A decimal cell is a binary double in the file
format itself; it is read as its shortest decimal text (``0.1``), which is what Excel
writes in the file. The workbook is opened once per claim file, read-only, formulas as
their saved values, and each sheet is walked once for all the cells asked of it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from claimcheck.numbers import Written
from claimcheck.tables.exact import NotANumber, decimal_text, of_value, written
from claimcheck.tables.files import TableError

_CELL = re.compile(r"([A-Za-z]{1,3})([1-9][0-9]{0,6})")


class CellError(Exception):
    """A cell that does not hold one exact number; the message says what it holds."""


def split_ref(ref: str) -> tuple[str | None, int, int]:
    """``Sheet1!B12`` → (``Sheet1``, row 12, column 2); ``'My sheet'!B12`` unquotes;
    ``B12`` has no sheet (the first)."""
    sheet: str | None = None
    if "!" in ref:
        sheet, _, ref = ref.rpartition("!")
        if len(sheet) >= 2 and sheet[0] == sheet[-1] == "'":
            sheet = sheet[1:-1].replace("''", "'")
    m = _CELL.fullmatch(ref)
    if m is None:
        raise CellError(f"'{ref}' is not a cell such as B12")
    col = 0
    for ch in m[1].upper():
        col = col * 26 + ord(ch) - 64
    return sheet, int(m[2]), col


@dataclass
class Workbook:
    """One workbook, opened read-only."""

    book: Any
    _cells: dict[str, Any] = field(default_factory=dict)

    @property
    def sheets(self) -> list[str]:
        return list(self.book.sheetnames)

    def prefetch(self, refs: list[str]) -> None:
        """Read every cell of ``refs`` in one walk per sheet (a read-only sheet is a
        stream: looking cells up one by one would read it again each time)."""
        wanted: dict[str, list[tuple[str, int, int]]] = {}
        for ref in refs:
            try:
                sheet, row, col = split_ref(ref)
            except CellError:
                continue
            name = sheet if sheet is not None else self.sheets[0]
            if name in self.book.sheetnames:
                wanted.setdefault(name, []).append((ref, row, col))
        for name, cells in wanted.items():
            ws = self.book[name]
            rows = [r for _, r, _ in cells]
            cols = [c for _, _, c in cells]
            at = {(r, c): ref for ref, r, c in cells}
            for row in ws.iter_rows(min_row=min(rows), max_row=max(rows), min_col=min(cols), max_col=max(cols)):
                for cell in row:
                    ref = at.get((getattr(cell, "row", None), getattr(cell, "column", None)))
                    if ref is not None:
                        self._cells[ref] = cell
            for ref, _, _ in cells:
                self._cells.setdefault(ref, None)

    def value(self, ref: str) -> Written:
        """The exact number in cell ``ref``; raises :class:`CellError`."""
        sheet, _, _ = split_ref(ref)
        if sheet is not None and sheet not in self.book.sheetnames:
            raise CellError(f"the workbook has no sheet '{sheet}'; its sheets: {', '.join(self.sheets)}")
        if ref not in self._cells:
            self.prefetch([ref])
        cell = self._cells.get(ref)
        return cell_number(None if cell is None else cell.value, getattr(cell, "number_format", None) or "")

    def close(self) -> None:
        self.book.close()


def cell_number(v: object, number_format: str) -> Written:
    """A cell's value as an exact number: an integer as it is, a double as its shortest
    decimal text, a percent-formatted cell as a percent."""
    if isinstance(v, float) and not isinstance(v, bool):
        if v != v or v in (float("inf"), float("-inf")):
            raise CellError("the cell holds a value that is not a finite number")
        v = Decimal(repr(v))  # the shortest text that reads back as this double: what Excel writes
    try:
        w = of_value(v, "the cell")
    except NotANumber as e:
        raise CellError(str(e)) from None
    if "%" in number_format and isinstance(v, (int, Decimal)):
        return written(decimal_text(Decimal(v).scaleb(2)) + "%")
    return w


def open_workbook(real: Path) -> Workbook:
    """Open ``real`` read-only with the saved values of formulas; raises :class:`TableError`."""
    import zipfile

    import openpyxl

    try:
        book = openpyxl.load_workbook(real, read_only=True, data_only=True)
    except (OSError, KeyError, ValueError, zipfile.BadZipFile) as e:
        raise TableError(f"the workbook cannot be read: {e}") from None
    return Workbook(book)
