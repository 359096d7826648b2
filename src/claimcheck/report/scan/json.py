"""The JSON report of ``claimcheck scan`` (``--format json``).

Stable keys, always present (``null`` when empty), in this order::

    {"version": 2, "files": [{"path", "format", "problems": [...], "findings": [...]}],
     "summary": {"files", "invalid_files", "findings", "checked", "needs_source",
                 "accurate", "approximate", "inaccurate", "unverifiable"}}

A finding carries its location (``line``, ``col``, ``end_line``, ``end_col``, 1-based),
``phrase``, ``kind``, ``status`` (``checked`` or ``needs-source``), ``sentence``,
``figure`` (the parsed figure, with exact values as strings: ``"1/10"``), ``compute``,
``inputs``, ``relation`` (how the inputs were read: "percent change", "share", …) and
``pairing`` (why those numbers: the role words, time labels and structure that chose
them), ``verdict``, ``value``, ``arithmetic``, ``rule``, ``diagnoses``, ``framing`` and
``note``. Exact numbers are strings so no reader turns them into binary floats. A
diagnosis is ``{"kind", "text", "data"}``, as in ``verify``'s JSON (docs/json-report.md);
version 2 made it an object, version 1 had the sentence alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from fractions import Fraction
from typing import Any

from claimcheck.report.json_writer import encode
from claimcheck.scan import Finding, ScanResult

VERSION = 2


def _exact(x: Fraction | None) -> str | None:
    return None if x is None else str(x)


def finding_dict(f: Finding) -> dict[str, Any]:
    fig = f.figure
    return {
        "line": f.line,
        "col": f.col,
        "end_line": f.end_line,
        "end_col": f.end_col,
        "phrase": f.phrase,
        "kind": f.kind,
        "status": f.status,
        "sentence": f.sentence,
        "figure": None if fig is None else {
            "text": f.figure_text,
            "value": _exact(fig.value),
            "u": _exact(fig.u),
            "unit": fig.unit,
            "direction": fig.direction,
            "qualifier": fig.qualifier,
            "per": fig.per,
        },
        "compute": f.compute,
        "inputs": list(f.inputs),
        "relation": f.relation,
        "pairing": f.pairing,
        "verdict": f.verdict,
        "value": f.value,
        "arithmetic": f.arithmetic,
        "rule": f.rule,
        "diagnoses": [{"kind": d.kind, "text": d.text, "data": dict(d.data)} for d in f.diagnoses],
        "framing": list(f.framing),
        "note": f.note,
    }


def file_dict(r: ScanResult) -> dict[str, Any]:
    return {
        "path": r.path,
        "format": r.format,
        "problems": [{"line": p.line, "col": p.col, "message": p.message} for p in r.problems],
        "findings": [finding_dict(f) for f in r.findings],
    }


def summary_dict(results: Sequence[ScanResult]) -> dict[str, int]:
    counts = {"accurate": 0, "approximate": 0, "inaccurate": 0, "unverifiable": 0, "needs-source": 0}
    for r in results:
        for k, v in r.counts().items():
            counts[k] += v
    checked = counts["accurate"] + counts["approximate"] + counts["inaccurate"] + counts["unverifiable"]
    return {
        "files": len(results),
        "invalid_files": sum(1 for r in results if r.invalid),
        "findings": checked + counts["needs-source"],
        "checked": checked,
        "needs_source": counts["needs-source"],
        "accurate": counts["accurate"],
        "approximate": counts["approximate"],
        "inaccurate": counts["inaccurate"],
        "unverifiable": counts["unverifiable"],
    }


def render(results: Iterable[ScanResult], *, color: bool = False, width: int = 100) -> str:
    """The whole report as one JSON document, ending with a newline (``color`` and
    ``width``, for the terminal format, change nothing here)."""
    rs = list(results)
    doc = {"version": VERSION, "files": [file_dict(r) for r in rs], "summary": summary_dict(rs)}
    return encode(doc) + "\n"
