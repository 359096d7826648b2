"""Figures taken from the data itself: ``from:`` a table, by ``sql:`` or ``cell:``.

A loaded claim file whose figures name tables goes through :func:`read_tables` before it
is judged: each table is found inside the claim file's folder, hashed, opened once
(:mod:`~claimcheck.tables.query` for CSV, TSV and Parquet through DuckDB,
:mod:`~claimcheck.tables.workbook` for ``.xlsx`` through openpyxl), and each figure's
query or cell is read as one exact number with its provenance
(:class:`~claimcheck.results.TableRef`). Every way that fails is a located problem at the
figure's ``from:``, ``sql:`` or ``cell:`` key, and the file is not judged.

DuckDB and openpyxl are the optional extra ``claimcheck[data]``: only this package
imports them, and only when a claim file has a table figure; without them such a figure
is a located problem saying how to install it.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Iterator

from claimcheck.numbers import Written
from claimcheck.results import Problem, TableRef
from claimcheck.tables.files import Limits, TableError, TableFile, locate

#: What a user without the extra is told to run.
INSTALL_HINT = 'pip install "claimcheck[data]"'


@dataclass(frozen=True, slots=True)
class TableValue:
    """A figure's number as read from its table, with where it came from."""

    written: Written
    ref: TableRef


def table_figures(model: Any) -> Iterator[tuple[tuple, Any]]:
    """Every figure of a claim file that names a table, with its data path
    (``("figures", name)`` or ``("claims", i, "figures", name)``)."""
    for name, fig in model.figures.items():
        if fig.from_ is not None:
            yield ("figures", name), fig
    for kind, items in (("claims", model.claims), ("checks", model.checks)):
        for i, item in enumerate(items):
            for name, fig in item.figures.items():
                if fig.from_ is not None:
                    yield (kind, i, "figures", name), fig


def folder_of(path: str) -> Path:
    """The folder a claim file's tables must stay inside: its own (the current folder
    for standard input)."""
    if path.startswith("<"):
        return Path.cwd()
    return Path(os.path.dirname(path) or ".")


def read_tables(loaded: Any, limits: Limits | None = None) -> Any:
    """``loaded`` (a valid :class:`~claimcheck.claimfile.Loaded`) with its table figures
    read: their values and the files read, or the located problems. A file with no table
    figure comes back as it is."""
    figures = list(table_figures(loaded.model))
    if not figures:
        return loaded
    # The readers' modules import DuckDB and openpyxl only inside their functions.
    from claimcheck.tables.query import QueryError
    from claimcheck.tables.workbook import CellError

    limits = limits or Limits.from_env()
    path, locs = loaded.path, loaded.locs
    folder = folder_of(path)
    problems: list[Problem] = []
    values: dict[tuple, TableValue] = {}
    files: dict[str, TableFile | None] = {}
    opened: dict[Path, Any] = {}

    def at(where: tuple, message: str, key: bool = True) -> None:
        line, col = locs.key_of(where) if key else locs.of(where)
        problems.append(Problem(path, line, col, message))

    try:
        for where, fig in figures:
            written_path = fig.from_
            key = "sql" if fig.sql is not None else "cell"
            suffix = Path(written_path).suffix.lower()
            if key == "sql" and suffix == ".xlsx":
                at(where + ("sql",), "an .xlsx workbook is read by cell (cell: Sheet1!B12), not by sql:")
                continue
            if key == "cell" and suffix != ".xlsx":
                at(where + ("cell",), f"a {suffix} table is read by sql: (select … from t), not by cell:")
                continue
            missing = missing_reader(suffix)
            if missing:
                at(where + ("from",), missing)
                continue
            if written_path not in files:
                try:
                    files[written_path] = locate(folder, written_path, limits)
                except TableError as e:
                    files[written_path] = None
                    at(where + ("from",), str(e))
                    continue
            tf = files[written_path]
            if tf is None:
                continue  # already reported at the first figure naming it
            try:
                table = opened.get(tf.real)
                if table is None:
                    table = opened[tf.real] = open_reader(tf, suffix, limits, [f.cell for _, f in figures if f.from_ == written_path and f.cell])
            except TableError as e:
                files[written_path] = None
                at(where + ("from",), f"table '{written_path}': {e}")
                continue
            asked = fig.sql if key == "sql" else fig.cell
            try:
                w = table.value(asked)
            except (QueryError, CellError) as e:
                at(where + (key,), str(e))
                continue
            values[where] = TableValue(w, TableRef(written_path, tf.sha256, fig.sql, fig.cell, w.text))
        for written_path, tf in files.items():
            if tf is not None and not tf.unchanged():
                first = next(w for w, f in figures if f.from_ == written_path)
                at(first + ("from",), f"table '{written_path}' changed while it was read; run again")
    finally:
        for table in opened.values():
            table.close()
    inputs = tuple(sorted({(str(tf.real), tf.sha256) for tf in files.values() if tf is not None}))
    if problems:
        from claimcheck.claimfile.load import sorted_problems

        return replace(loaded, model=None, problems=tuple(sorted_problems(problems)), inputs=inputs)
    return replace(loaded, tables=values, inputs=inputs)


def missing_reader(suffix: str) -> str | None:
    """Why a table of this kind cannot be read here (its library is not installed)."""
    import importlib

    module = "openpyxl" if suffix == ".xlsx" else "duckdb"
    try:
        importlib.import_module(module)  # it is used next; importing now costs nothing more
    except ImportError:
        pass
    else:
        return None
    return f"reading a {suffix} table needs the optional extra: {INSTALL_HINT} (it brings {module})"


def open_reader(tf: TableFile, suffix: str, limits: Limits, cells: list[str]) -> Any:
    if suffix == ".xlsx":
        from claimcheck.tables.workbook import open_workbook

        book = open_workbook(tf.real)
        book.prefetch(cells)
        return book
    from claimcheck.tables.query import open_table

    return open_table(tf.real, suffix, limits)
