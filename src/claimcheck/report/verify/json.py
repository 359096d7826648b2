"""The JSON report (``--format json``): versioned, stable keys, exact numbers as strings.

The document is described field by field in ``docs/json-report.md`` and by the JSON
Schema ``claimcheck/report/json_report.schema.json``; :data:`SCHEMA_VERSION` changes
only when a key is removed or changes meaning (new keys may appear within a version).

Numbers are never JSON floats: an exact value is the string of a fraction in lowest
terms (``"-13/68"``, ``"36720"``) and every value also comes as the display text the
other reports print (``"−19.12%"``). Every key is always present; absent values are
``null`` or an empty list. A diagnosis is ``{"kind", "text", "data"}``: its stable name
(:data:`claimcheck.verdicts.KINDS`), the sentence the other reports print, and the numbers
the sentence uses, as text.

Version 2 made each diagnosis an object; in version 1 it was the sentence alone.

The document streams: ``start`` opens it, each ``file`` adds one object to ``files``,
``finish`` closes the list and adds the summary. Each piece is a dictionary built here and
encoded by the one JSON writer (:func:`claimcheck.report.json_writer.encode_safe`), which
also escapes the characters a terminal might act on.
"""

from __future__ import annotations

import json
from typing import Any

from claimcheck.report import Options
from claimcheck.report.common import failure_kind
from claimcheck.report.json_writer import encode, encode_safe
from claimcheck.results import ClaimResult, FileResult, InputFigure, RunSummary, SourceRef, TableRef

SCHEMA_VERSION = 2

# The builders below run once per claim of a report that may hold 100,000: they read
# fields directly and write exact values inline (str of a Fraction is its lowest terms).


def source_json(src: SourceRef | None) -> dict[str, Any] | None:
    if src is None:
        return None
    return {"id": src.id, "publisher": src.publisher, "url": src.url, "title": src.title}


def input_json(inp: InputFigure) -> dict[str, Any]:
    src = inp.source
    return {
        "name": inp.name,
        "written": inp.written,
        "unit": inp.unit,
        "period": inp.period,
        "period_days": inp.period_days,
        "interval_text": inp.interval,
        "source": None if src is None else {"id": src.id, "publisher": src.publisher, "url": src.url, "title": src.title},
        **({} if inp.table is None else {"table": table_json(inp.table)}),
    }


def table_json(t: TableRef) -> dict[str, Any]:
    """Where a figure was read from: the file, its SHA-256, the query or cell, the value."""
    return {"path": t.path, "sha256": t.sha256, "sql": t.query, "cell": t.cell, "value": t.value}


def claim_json(c: ClaimResult) -> dict[str, Any]:
    point, iv, src = c.point, c.interval, c.source
    return {
        "id": c.id,
        "kind": c.kind,
        "line": c.line,
        "col": c.col,
        "speaker": c.speaker,
        "statement": c.statement,
        "figure": c.figure,
        "compute": c.compute,
        "verdict": c.verdict,
        "recorded": c.recorded,
        "passed": c.passed,
        "failure_kind": None if c.passed else failure_kind(c),
        "failure": c.failure,
        "value": c.value,
        "point": None if point is None else str(point),
        "interval": None if iv is None else {
            "lo": None if iv.lo is None else str(iv.lo), "hi": None if iv.hi is None else str(iv.hi)},
        "interval_text": c.interval_text,
        "unit": c.unit,
        "rule": c.rule or None,
        "rule_name": c.rule_name,
        "decided_by": c.decided_by,
        "arithmetic": c.arithmetic or None,
        "diagnoses": [{"kind": d.kind, "text": d.text, "data": dict(d.data)} for d in c.diagnoses],
        "framing": list(c.framing),
        "settle": c.settle,
        "note": c.note,
        "source": None if src is None else {"id": src.id, "publisher": src.publisher, "url": src.url, "title": src.title},
        "inputs": [input_json(i) for i in c.inputs],
        "also": [also_json(a) for a in c.also],
    }


def also_json(a: ClaimResult) -> dict[str, Any]:
    """The claim's second quantity ("... or 2,300 more homes"), judged on its own."""
    return {
        "figure": a.figure,
        "verdict": a.verdict,
        "passed": a.passed,
        "value": a.value,
        "rule": a.rule or None,
        "decided_by": a.decided_by,
        "diagnoses": [{"kind": d.kind, "text": d.text, "data": dict(d.data)} for d in a.diagnoses],
        "failure": a.failure,
    }


def file_json(fr: FileResult) -> dict[str, Any]:
    return {
        "path": fr.path,
        "title": fr.title,
        "url": fr.url,
        "valid": not fr.problems,
        "problems": [
            {"path": p.path, "line": p.line, "col": p.col, "message": p.message, "text": p.render()}
            for p in fr.problems
        ],
        "claims": [claim_json(c) for c in fr.claims],
    }


def summary_json(summary: RunSummary) -> dict[str, Any]:
    return {
        "files": summary.files,
        "invalid_files": summary.invalid_files,
        "claims": summary.claims,
        "failed": summary.failed,
        "by_verdict": dict(summary.by_verdict),
        "ok": summary.failed == 0 and summary.invalid_files == 0,
        "line": summary.line(),
    }


def file_text(fr: FileResult, lead: str = "") -> str:
    """One file's object as the report's second level, after ``lead`` (a comma, a newline)."""
    return encode_safe(file_json(fr), 2, lead + "    ")


class JsonReport:
    """Renders results as one JSON document; see the module docstring."""

    def __init__(self, options: Options) -> None:
        self.options = options
        self._count = 0

    def start(self) -> str:
        head = {"schema_version": SCHEMA_VERSION, "tool": "claimcheck", "strict": self.options.strict}
        body = encode(head)
        # Reopen the object after the header keys and start the "files" list.
        return body[: body.rindex("}")].rstrip() + ',\n  "files": ['

    def file(self, fr: FileResult) -> str:
        text = self.file_at(fr, first=not self._count)
        self._count += 1
        return text

    def file_at(self, fr: FileResult, first: bool) -> str:
        """One file's text, given only whether it is the report's first (no comma before it)."""
        return file_text(fr, "\n" if first else ",\n")

    def advance(self) -> None:
        """Count a file whose :meth:`file_at` text was written (rendered on a worker)."""
        self._count += 1

    def finish(self, summary: RunSummary) -> str:
        close = "\n  ]" if self._count else "]"
        return close + ',\n  "summary": ' + encode_safe(summary_json(summary), 1) + "\n}\n"


def schema() -> dict[str, Any]:
    """The JSON Schema of this report (``json_report.schema.json``)."""
    from importlib.resources import files

    return json.loads(files("claimcheck.report").joinpath("json_report.schema.json").read_text("utf-8"))
