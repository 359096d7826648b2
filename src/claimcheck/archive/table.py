"""The columns of the archive's Parquet dataset, and scan records turned into them.

One row per finding, and one row per file that could not be scanned. Columns, in order:

========== ============ ===========================================================
column     type         what
========== ============ ===========================================================
file       string       the article's path as the run was given it
format     string       text, markdown or html (null when the file was not read)
line, col  int32        1-based position of the claim (of the problem, on an error row)
end_line,  int32        1-based position of the claim's last character
end_col
phrase     string       the claim as written: "only down 10%"
kind       string       percent, points, count, rate, money, multiple, share, change, direction
status     string       ``checked``, ``needs-source``, ``error`` (the file could not be
                        read) or ``internal-error`` (scanning it hit a bug in claimcheck)
verdict    string       accurate, approximate, inaccurate or unverifiable (checked rows)
value      string       the recomputed value as shown: "−12.90%"
arithmetic string       the arithmetic written out
rule       string       the hedge rule applied, with its band
diagnoses  list<string> the kinds of what went wrong: wrong_base, wrong_direction…
compute    string       the computation with the numbers as written
inputs     list<string> the printed numbers it used, as written
claimed    string       the claimed number, exact: "1/10" (a fraction, never a float)
sentence   string       the sentence the claim stands in
error      string       why the file could not be scanned (error rows only)
========== ============ ===========================================================

Every number a claim is about is a string: exact, as :mod:`claimcheck.api` gives it.
Each Parquet file of the dataset also carries, in its schema metadata under
:data:`META_KEY`, a small JSON object: how many files its partition scanned (``files``),
the index of its first file (``first``) and how many partitions the run had
(``partitions``), so a reader can tell a complete dataset from one with a part missing;
and the partition's counts (``findings``, ``inaccurate``, ``errors``, ``internal``) with
the worker that wrote it (``pid``, ``peak_rss_kib``: its peak memory so far).
"""

from __future__ import annotations

import json
from collections.abc import Iterable

import pyarrow as pa

from claimcheck.api import ScanRecord

#: The key of the run's facts in each Parquet file's schema metadata.
META_KEY = b"claimcheck"

_S = pa.string()
_I = pa.int32()
_L = pa.list_(pa.string())

COLUMNS: tuple[tuple[str, pa.DataType], ...] = (
    ("file", _S), ("format", _S), ("line", _I), ("col", _I), ("end_line", _I), ("end_col", _I),
    ("phrase", _S), ("kind", _S), ("status", _S), ("verdict", _S), ("value", _S), ("arithmetic", _S),
    ("rule", _S), ("diagnoses", _L), ("compute", _S), ("inputs", _L), ("claimed", _S), ("sentence", _S),
    ("error", _S),
)
SCHEMA = pa.schema([pa.field(name, kind) for name, kind in COLUMNS])

#: The status of a row for a file that could not be read, and for one whose scan hit a bug.
ERROR = "error"
INTERNAL_ERROR = "internal-error"


def rows(record: ScanRecord, status: str = ERROR) -> Iterable[dict]:
    """The rows of one scanned file: a row per finding, or a row per problem (with
    ``status``) when it could not be scanned."""
    for p in record.problems:
        yield {"file": record.path, "format": record.format, "line": p.line, "col": p.col,
               "status": status, "error": p.message}
    for f in record.findings:
        yield {
            "file": f.file, "format": record.format, "line": f.line, "col": f.col, "end_line": f.end_line,
            "end_col": f.end_col, "phrase": f.phrase, "kind": f.kind, "status": f.status, "verdict": f.verdict,
            "value": f.value, "arithmetic": f.arithmetic, "rule": f.rule, "diagnoses": list(f.diagnoses),
            "compute": f.compute, "inputs": list(f.inputs), "claimed": f.claimed, "sentence": f.sentence,
            "error": None,
        }


def table(row_dicts: list[dict], *, first: int, partitions: int, **counts: object) -> pa.Table:
    """The rows as an Arrow table with :data:`SCHEMA` and the partition's facts (its
    first file's index, the run's number of partitions, and ``counts``)."""
    meta = {META_KEY: json.dumps({"version": 1, "first": first, "partitions": partitions, **counts}).encode()}
    return pa.Table.from_pylist(row_dicts, schema=SCHEMA.with_metadata(meta))


def facts(schema: pa.Schema) -> dict | None:
    """The partition's facts from a Parquet file's schema, or None when it has none."""
    raw = (schema.metadata or {}).get(META_KEY)
    return None if raw is None else json.loads(raw)
