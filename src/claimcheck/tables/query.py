"""CSV, TSV and Parquet tables queried with DuckDB (the optional ``claimcheck[data]`` extra).

One table per connection, opened once per claim file however many figures query it
(:class:`QueryTable`), and locked down before any query of the claim file runs:

1. an in-memory database with extension autoloading and autoinstalling off, unsigned
   and community extensions refused;
2. the table read into ``t`` (below), the only table there is;
3. ``enable_external_access`` off (no file, no network, no ``ATTACH``, ``COPY … TO``,
   ``INSTALL`` or ``LOAD``), then ``lock_configuration`` on, so no query can undo it;
4. each ``sql:`` must be exactly one ``SELECT`` statement (DuckDB's own parser says which),
   and it runs under a watchdog that interrupts it after :attr:`Limits.query_seconds`.

Exact by construction: a CSV is read with every column as text, and a column whose every
cell is a plain decimal number (``1224``, ``-3.5``, ``"1,224"``, ``1e-07``; no leading
zero, which marks a code such as a FIPS or ZIP code) becomes a ``DECIMAL`` wide enough for its longest cell, so each cell is the number as written and
``sum``, ``min`` and ``max`` are exact in DuckDB's decimal arithmetic. A Parquet column
stored as a binary float is read through its shortest decimal text (``0.1``, never
``0.1000000000000000055…``) the same way; Parquet integers and decimals stay as they are.
``avg`` (and ``mean``) give the exact sum and count, which become the exact fraction; a
result that is still a binary float (``/``, ``median``) is refused.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from claimcheck.numbers import Written
from claimcheck.tables.exact import AVG_COUNT, AVG_SUM, NotANumber, of_value
from claimcheck.tables.files import LOAD_BUDGETS, Limits, TableError

#: DuckDB's widest exact decimal.
MAX_PRECISION = 38

# A number as a table writes it: digits (or groups of three with commas), an optional
# fraction, an optional short exponent; no leading zero before a digit ("01001" is a code,
# such as a FIPS or ZIP code, not a quantity). RE2 syntax (DuckDB's regexp functions).
_NUMBER = r"[+-]?((0|[1-9][0-9]*|[1-9][0-9]{0,2}(,[0-9]{3})+)(\.[0-9]*)?|\.[0-9]+)([eE][+-]?[0-9]{1,3})?"

_CONFIG = {
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "allow_community_extensions": False,
    "allow_unsigned_extensions": False,
}


class QueryError(Exception):
    """A query that gives no exact number, or that may not run; the message says why."""


def quote(name: str) -> str:
    """A column name as a quoted SQL identifier."""
    return '"' + name.replace('"', '""') + '"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


@dataclass
class QueryTable:
    """One table loaded into its own locked DuckDB connection as ``t``."""

    con: Any
    limits: Limits
    columns: dict[str, str] = field(default_factory=dict)  # name → type in t
    _done: dict[str, Written] = field(default_factory=dict)

    def value(self, sql: str) -> Written:
        """The one exact number ``sql`` gives; raises :class:`QueryError`."""
        hit = self._done.get(sql)
        if hit is None:
            hit = self._done[sql] = self._run(sql)
        return hit

    def _run(self, sql: str) -> Written:
        import duckdb

        try:
            statements = duckdb.extract_statements(sql)
        except duckdb.Error as e:
            raise QueryError(first_line(e)) from None
        if len(statements) != 1:
            raise QueryError(f"give exactly one SELECT statement; this has {len(statements)}")
        kind = statements[0].type
        if kind != duckdb.StatementType.SELECT:
            raise QueryError(
                f"only a SELECT may run here, not a {kind.name} statement: a claim file reads its table and nothing else"
            )
        try:
            rows = timed(self.con, self.limits.query_seconds, lambda: self.con.execute(sql).fetchmany(2))
        except duckdb.InterruptException:
            raise QueryError(
                f"the query ran longer than {self.limits.query_seconds:g} s and was stopped "
                "(CLAIMCHECK_QUERY_SECONDS raises the limit)"
            ) from None
        except duckdb.Error as e:
            msg = first_line(e)
            if AVG_SUM in str(e):
                msg = ("avg() gives an exact fraction only as a query's whole result; take it as its own "
                       "figure and do the rest in compute:")
            raise QueryError(msg) from None
        if not rows:
            raise QueryError("the query gave no row; a figure needs exactly one number")
        if len(rows) > 1:
            raise QueryError("the query gave several rows; a figure needs exactly one number (an aggregate, or a WHERE that picks one row)")
        if len(rows[0]) != 1:
            raise QueryError(f"the query gave {len(rows[0])} columns; a figure needs exactly one number")
        try:
            return of_value(rows[0][0], "the query")
        except NotANumber as e:
            raise QueryError(str(e)) from None

    def close(self) -> None:
        self.con.close()


def first_line(e: BaseException) -> str:
    """DuckDB's message without its caret lines: ``Binder Error: Referenced column …``."""
    text = str(e).strip()
    return " ".join(text.split("\n", 1)[0].split())


def timed(con: Any, seconds: float, work: Any) -> Any:
    """Run ``work()`` on ``con``; a watchdog interrupts it after ``seconds``."""
    watchdog = threading.Timer(seconds, con.interrupt)
    watchdog.daemon = True
    watchdog.start()
    try:
        return work()
    finally:
        watchdog.cancel()


def open_table(real: Path, suffix: str, limits: Limits) -> QueryTable:
    """Load ``real`` (``.csv``, ``.tsv`` or ``.parquet``) as ``t`` with exact columns, and
    lock the connection; raises :class:`TableError`."""
    import duckdb

    con = duckdb.connect(":memory:", config=dict(_CONFIG))
    try:
        budget = limits.query_seconds * LOAD_BUDGETS
        if suffix == ".parquet":
            source = f"read_parquet({_literal(str(real))})"
        else:
            delim = "\t" if suffix == ".tsv" else ","
            source = f"read_csv({_literal(str(real))}, all_varchar = true, header = true, delim = {_literal(delim)})"
        timed(con, budget, lambda: con.execute(f"CREATE TABLE raw AS SELECT * FROM {source}"))
        con.execute("SET enable_external_access = false")
        con.execute("SET lock_configuration = true")
        described = con.execute("DESCRIBE raw").fetchall()
        columns = [(str(r[0]), str(r[1])) for r in described]
        select = timed(con, budget, lambda: exact_columns(con, columns))
        timed(con, budget, lambda: con.execute(f"CREATE TABLE t AS SELECT {select} FROM raw"))
        con.execute("DROP TABLE raw")
        con.execute(f"CREATE MACRO avg(x) AS {{{_literal(AVG_SUM)}: sum(x), {_literal(AVG_COUNT)}: count(x)}}")
        con.execute("CREATE MACRO mean(x) AS avg(x)")
        typed = {str(r[0]): str(r[1]) for r in con.execute("DESCRIBE t").fetchall()}
    except duckdb.InterruptException:
        con.close()
        raise TableError(f"reading the table took longer than {limits.query_seconds * LOAD_BUDGETS:g} s") from None
    except duckdb.Error as e:
        con.close()
        raise TableError(f"the table cannot be read: {first_line(e)}") from None
    return QueryTable(con, limits, typed)


def exact_columns(con: Any, columns: list[tuple[str, str]]) -> str:
    """The SELECT list that gives each column its exact type: text columns whose every
    cell is a plain number become DECIMAL, binary-float columns go through
    their shortest decimal text; anything else stays as it is."""
    texts: list[tuple[str, str]] = []  # (name, SQL text expression)
    for name, kind in columns:
        if kind == "VARCHAR":
            texts.append((name, f"NULLIF(TRIM({quote(name)}), '')"))
        elif kind in ("FLOAT", "DOUBLE", "REAL"):
            texts.append((name, f"CAST({quote(name)} AS VARCHAR)"))
    stats: dict[str, tuple] = {}
    if texts:
        parts = []
        inner = ", ".join(f"{expr} AS v{i}" for i, (_, expr) in enumerate(texts))
        for i in range(len(texts)):
            v = f"v{i}"  # each column's text computed once, in the subquery
            # Digits before and after the point, cheaply by position; a number with an
            # exponent (rare: a Parquet double such as 1e-07) shifts them by it.
            dot = f"strpos({v}, '.')"
            commas = f"(length({v}) - length(replace({v}, ',', '')))"
            whole = f"(CASE WHEN {dot} > 0 THEN {dot} - 1 ELSE length({v}) END - {commas})"
            frac = f"(CASE WHEN {dot} > 0 THEN length({v}) - {dot} ELSE 0 END)"
            exp = f"TRY_CAST(regexp_extract({v}, '[eE]([+-]?[0-9]+)$', 1) AS INTEGER)"
            exp_whole = f"(length(regexp_extract({v}, '^[+-]?([0-9]*)', 1)) + {exp})"
            exp_frac = f"GREATEST(length(regexp_extract({v}, '\\.([0-9]*)', 1)) - {exp}, 0)"
            has_exp = f"(contains({v}, 'e') OR contains({v}, 'E'))"
            parts.append(
                f"COUNT(*) FILTER (WHERE {v} IS NOT NULL AND NOT regexp_full_match({v}, '{_NUMBER}')) AS bad{i}, "
                f"COUNT({v}) AS n{i}, "
                f"MAX(CASE WHEN {has_exp} THEN {exp_whole} ELSE {whole} END) AS int{i}, "
                f"MAX(CASE WHEN {has_exp} THEN {exp_frac} ELSE {frac} END) AS frac{i}"
            )
        row = con.execute("SELECT " + ", ".join(parts) + f" FROM (SELECT {inner} FROM raw)").fetchone()
        for i, (name, _) in enumerate(texts):
            stats[name] = row[4 * i : 4 * i + 4]
    out = []
    for name, kind in columns:
        q = quote(name)
        st = stats.get(name)
        if st is None:
            out.append(q)
            continue
        bad, n, whole, frac = st
        whole, frac = max(int(whole or 0), 1), int(frac or 0)
        v = dict(texts)[name]
        if bad or not n or whole + frac > MAX_PRECISION:
            out.append(q if kind == "VARCHAR" else f"CAST({q} AS VARCHAR) AS {q}")
            continue
        # DECIMAL(18, s) is stored in 64 bits; wider numbers take DuckDB's widest exact type.
        target = f"DECIMAL({18 if whole + frac <= 18 else MAX_PRECISION}, {frac})"
        out.append(f"CAST(REPLACE({v}, ',', '') AS {target}) AS {q}")
    return ", ".join(out)
