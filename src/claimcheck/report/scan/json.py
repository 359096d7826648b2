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

from collections.abc import Iterable, Iterator, Sequence
from fractions import Fraction
from typing import Any

from claimcheck.report.json_writer import encode
from claimcheck.report.scan.tally import PART_SIZE, ScanTally
from claimcheck.results import Problem
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


def summary_dict(tally: ScanTally) -> dict[str, int]:
    counts = tally.counts
    checked = tally.checked
    return {
        "files": tally.files,
        "invalid_files": tally.invalid_files,
        "findings": checked + counts["needs-source"],
        "checked": checked,
        "needs_source": counts["needs-source"],
        "accurate": counts["accurate"],
        "approximate": counts["approximate"],
        "inaccurate": counts["inaccurate"],
        "unverifiable": counts["unverifiable"],
    }


class ScanJsonReport:
    """Streaming: the document is written file by file and, within a file, finding by
    finding, each encoded at its depth as it comes (the bytes are those of encoding the
    whole document at once)."""

    def __init__(self, *, color: bool = False, width: int = 100) -> None:
        self.tally = ScanTally()

    def start(self) -> str:
        head = encode({"version": VERSION})
        return head[: head.rindex("}")].rstrip() + ',\n  "files": ['

    def file(self, path: str, fmt: str | None, problems: Sequence[Problem], findings: Iterable[Finding]) -> str:
        return "".join(self.file_parts(path, fmt, problems, findings))

    def file_parts(self, path: str, fmt: str | None, problems: Sequence[Problem], findings: Iterable[Finding]) -> Iterator[str]:
        """The file's text in parts, as its findings come (a part every
        :data:`~claimcheck.report.scan.tally.PART_SIZE` characters or so)."""
        lead = "\n" if self.tally.files == 0 else ",\n"
        head = encode({
            "path": path,
            "format": fmt,
            "problems": [{"line": p.line, "col": p.col, "message": p.message} for p in problems],
        }, 2, lead + "    ")
        parts = [head[: head.rindex("}")].rstrip(), ',\n      "findings": [']
        size = 0
        n = 0
        for f in self.tally.file(findings, bool(problems)):
            part = encode(finding_dict(f), 4, ("\n" if n == 0 else ",\n") + "        ")
            parts.append(part)
            size += len(part)
            n += 1
            if size >= PART_SIZE:
                yield "".join(parts)
                parts.clear()
                size = 0
        parts.append("\n      ]\n    }" if n else "]\n    }")
        yield "".join(parts)

    def finish(self) -> str:
        close = "\n  ]" if self.tally.files else "]"
        return close + ',\n  "summary": ' + encode(summary_dict(self.tally), 1) + "\n}\n"


def render(results: Iterable[ScanResult], *, color: bool = False, width: int = 100) -> str:
    """The whole report as one JSON document, ending with a newline (``color`` and
    ``width``, for the terminal format, change nothing here)."""
    rep = ScanJsonReport()
    return rep.start() + "".join(rep.file(r.path, r.format, r.problems, r.findings) for r in results) + rep.finish()
