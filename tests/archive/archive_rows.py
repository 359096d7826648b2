"""Reading an archive dataset back, and the rows serial ``claimcheck scan --format json`` implies.

The second is written from the JSON report's documented keys (docs of
:mod:`claimcheck.report.scan.json`) and the dataset's documented columns
(:mod:`claimcheck.archive.table`), not from the archive code: it is the independent side
of the comparison.
"""

from __future__ import annotations

from pathlib import Path

import pyarrow.parquet as pq

COLUMNS = ("file", "format", "line", "col", "end_line", "end_col", "phrase", "kind", "status", "verdict", "value",
           "arithmetic", "rule", "diagnoses", "compute", "inputs", "claimed", "sentence", "error")


def dataset_rows(folder: Path) -> list[dict]:
    """Every row of the dataset, part by part in name order (the order of the files)."""
    rows: list[dict] = []
    for part in sorted(folder.glob("part-*.parquet")):
        rows.extend(pq.read_table(part).to_pylist())
    return rows


def rows_from_json(report: dict) -> list[dict]:
    """The rows a ``scan --format json`` report implies: per file, a row per problem
    (status ``error``), then a row per finding."""
    out = []
    blank = dict.fromkeys(COLUMNS)
    for f in report["files"]:
        for p in f["problems"]:
            out.append({**blank, "file": f["path"], "format": f["format"], "line": p["line"], "col": p["col"],
                        "status": "error", "error": p["message"]})
        for x in f["findings"]:
            out.append({
                **blank, "file": f["path"], "format": f["format"], "line": x["line"], "col": x["col"],
                "end_line": x["end_line"], "end_col": x["end_col"], "phrase": x["phrase"], "kind": x["kind"],
                "status": x["status"], "verdict": x["verdict"], "value": x["value"], "arithmetic": x["arithmetic"],
                "rule": x["rule"], "diagnoses": [d["kind"] for d in x["diagnoses"]], "compute": x["compute"],
                "inputs": list(x["inputs"]), "claimed": None if x["figure"] is None else x["figure"]["value"],
                "sentence": x["sentence"],
            })
    return out
