"""``claimcheck new --from TABLE``: figures proposed from a table's columns.

For a CSV, TSV or Parquet table: the number of rows, and each numeric column's total,
smallest and largest value, each as a ``from:`` + ``sql:`` figure. For an ``.xlsx``
workbook: the first numeric cells of its first sheet, each as a ``from:`` + ``cell:``
figure. The reporter keeps the ones the story uses. The table is read the way ``verify``
reads it (inside its folder, size-capped, the locked DuckDB), so a column proposed as a
number is one ``verify`` sums exactly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from claimcheck.tables.files import Limits, TableError, locate

#: How many figures a workbook proposes at most.
MAX_CELLS = 12
_NUMERIC = re.compile(r"^(DECIMAL|BIGINT|INTEGER|SMALLINT|TINYINT|HUGEINT|UBIGINT|UINTEGER|USMALLINT|UTINYINT)")


@dataclass(frozen=True, slots=True)
class Proposed:
    """One proposed figure: its name, how it is read, and the value it reads now."""

    name: str
    key: str  # "sql" or "cell"
    what: str  # the query or the cell
    value: str
    unit: str | None = None


def figure_name(text: str, taken: set[str]) -> str:
    """A figure name from a column or header: ``Mean`` → ``mean``, ``Held (total)`` →
    ``held_total``; unique among ``taken``."""
    name = re.sub(r"[^A-Za-z0-9]+", "_", text).strip("_").lower() or "column"
    if not name[0].isalpha():
        name = "c_" + name
    out, n = name, 2
    while out in taken:
        out, n = f"{name}_{n}", n + 1
    taken.add(out)
    return out


def propose(folder: Path, written: str) -> list[Proposed]:
    """The figures proposed for the table ``written`` (relative to ``folder``); raises
    :class:`TableError` when it cannot be read."""
    suffix = Path(written).suffix.lower()
    tf = locate(folder, written, Limits.from_env())
    if suffix == ".xlsx":
        return _cells(tf.real)
    from claimcheck.tables.query import QueryError, open_table, quote

    table = open_table(tf.real, suffix, Limits.from_env())
    taken: set[str] = set()
    out: list[Proposed] = []
    try:
        queries = [(figure_name("rows", taken), "select count(*) from t", "rows")]
        for col, kind in table.columns.items():
            if _NUMERIC.match(kind):
                base = figure_name(col, taken)
                for agg, label in (("sum", "total"), ("min", "min"), ("max", "max")):
                    queries.append((figure_name(f"{base}_{label}", taken), f"select {agg}({quote(col)}) from t", None))
        for name, sql, unit in queries:
            try:
                out.append(Proposed(name, "sql", sql, table.value(sql).text, unit))
            except QueryError:
                continue  # an all-empty column: nothing to propose
    finally:
        table.close()
    return out


def _cells(real: Path) -> list[Proposed]:
    from claimcheck.tables.workbook import CellError, cell_number, open_workbook

    book = open_workbook(real)
    out: list[Proposed] = []
    taken: set[str] = set()
    try:
        sheet = book.sheets[0]
        ws = book.book[sheet]
        shown = sheet if re.fullmatch(r"[A-Za-z0-9_]+", sheet) else "'" + sheet.replace("'", "''") + "'"
        for row in ws.iter_rows(max_row=200):
            for cell in row:
                v = getattr(cell, "value", None)
                if isinstance(v, bool) or not isinstance(v, (int, float)):
                    continue
                ref = f"{shown}!{cell.coordinate}"
                try:
                    w = cell_number(v, getattr(cell, "number_format", None) or "")
                except CellError:
                    continue
                out.append(Proposed(figure_name(f"{sheet}_{cell.coordinate}", taken), "cell", ref, w.text))
                if len(out) >= MAX_CELLS:
                    return out
    finally:
        book.close()
    return out


__all__ = ["Proposed", "TableError", "figure_name", "propose"]
