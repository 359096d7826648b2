"""The JSON report (``--format json``): versioned, stable keys, exact numbers as strings.

The document is described field by field in ``docs/json-report.md`` and by the JSON
Schema ``json_report.schema.json`` beside this module; :data:`SCHEMA_VERSION` changes
only when a key is removed or changes meaning (new keys may appear within a version).

Numbers are never JSON floats: an exact value is the string of a fraction in lowest
terms (``"-13/68"``, ``"36720"``) and every value also comes as the display text the
other reports print (``"−19.12%"``). Every key is always present; absent values are
``null`` or an empty list.

The document streams: ``start`` opens it, each ``file`` adds one object to ``files``,
``finish`` closes the list and adds the summary.
"""

from __future__ import annotations

import json
import re
from typing import Any

from claimcheck.report import Options
from claimcheck.report.common import exact, exact_interval, failure_kind
from claimcheck.results import ClaimResult, FileResult, InputFigure, RunSummary, SourceRef

SCHEMA_VERSION = 1
_INDENT = 2


# json.dumps escapes C0 controls but passes DEL, C1 controls (U+009B is a CSI to some
# terminals), bidi overrides, line separators and noncharacters through raw; escape
# them too, so `cat report.json` is as safe as the terminal report (BAD_INPUTS row 27).
# They occur only inside strings, where a \uXXXX escape means the same character.
_UNSAFE = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufffe\uffff]")


def _escape_unsafe(m: re.Match[str]) -> str:
    return f"\\u{ord(m.group()):04x}"


def _dump(obj: Any, depth: int) -> str:
    """``json.dumps(obj, indent=2, ensure_ascii=False)`` with every line indented ``depth``
    levels and unsafe characters escaped: the same bytes, written directly.

    ``json.dumps`` with ``indent`` falls back to the pure-Python encoder (about 40 generator
    frames per claim, the report's whole cost); here the text is assembled by one recursive
    function and strings go through the C escaper ``json.dumps`` itself uses.
    ``tests/test_report_json.py`` holds the two to the same output.
    """
    text = " " * (_INDENT * depth) + _encode(obj, depth)
    return _UNSAFE.sub(_escape_unsafe, text) if _UNSAFE.search(text) else text


_escape = json.encoder.encode_basestring  # C-accelerated where available; ensure_ascii=False
_PADS = ["\n" + " " * (_INDENT * n) for n in range(16)]


def _encode(obj: Any, depth: int) -> str:
    t = type(obj)
    if t is str:
        return _escape(obj)
    if obj is None:
        return "null"
    if obj is True:
        return "true"
    if obj is False:
        return "false"
    if t is int:
        return int.__repr__(obj)
    if t is dict:
        if not obj:
            return "{}"
        inner = _PADS[depth + 1] if depth + 1 < len(_PADS) else "\n" + " " * (_INDENT * (depth + 1))
        sep = "," + inner
        parts = []
        for k, v in obj.items():
            if type(k) is not str:
                return _slow(obj, depth)
            parts.append(_escape(k) + ": " + _encode(v, depth + 1))
        return "{" + inner + sep.join(parts) + inner[: -_INDENT] + "}"
    if t is list or t is tuple:
        if not obj:
            return "[]"
        inner = _PADS[depth + 1] if depth + 1 < len(_PADS) else "\n" + " " * (_INDENT * (depth + 1))
        return "[" + inner + ("," + inner).join([_encode(v, depth + 1) for v in obj]) + inner[: -_INDENT] + "]"
    return _slow(obj, depth)


def _slow(obj: Any, depth: int) -> str:
    # Anything unusual (a float, a non-text key, a subclass) is left to json itself.
    text = json.dumps(obj, indent=_INDENT, ensure_ascii=False)
    return text.replace("\n", _PADS[depth] if depth < len(_PADS) else "\n" + " " * (_INDENT * depth))


def source_json(src: SourceRef | None) -> dict[str, Any] | None:
    if src is None:
        return None
    return {"id": src.id, "publisher": src.publisher, "url": src.url, "title": src.title}


def input_json(inp: InputFigure) -> dict[str, Any]:
    return {
        "name": inp.name,
        "written": inp.written,
        "unit": inp.unit,
        "period": inp.period,
        "period_days": inp.period_days,
        "interval_text": inp.interval,
        "source": source_json(inp.source),
    }


def claim_json(c: ClaimResult) -> dict[str, Any]:
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
        "failure_kind": failure_kind(c),
        "failure": c.failure,
        "value": c.value,
        "point": exact(c.point),
        "interval": exact_interval(c.interval),
        "interval_text": c.interval_text,
        "unit": c.unit,
        "rule": c.rule or None,
        "rule_name": c.rule_name,
        "decided_by": c.decided_by,
        "arithmetic": c.arithmetic or None,
        "diagnoses": list(c.diagnoses),
        "framing": list(c.framing),
        "settle": c.settle,
        "note": c.note,
        "source": source_json(c.source),
        "inputs": [input_json(i) for i in c.inputs],
    }


def file_json(fr: FileResult) -> dict[str, Any]:
    return {
        "path": fr.path,
        "title": fr.title,
        "url": fr.url,
        "valid": not fr.invalid,
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


class JsonReport:
    """Renders results as one JSON document; see the module docstring."""

    def __init__(self, options: Options) -> None:
        self.options = options
        self._count = 0

    def start(self) -> str:
        head = {"schema_version": SCHEMA_VERSION, "tool": "claimcheck", "strict": self.options.strict}
        body = json.dumps(head, indent=_INDENT, ensure_ascii=False)
        # Reopen the object after the header keys and start the "files" list.
        return body[: body.rindex("}")].rstrip() + ',\n  "files": ['

    def file(self, fr: FileResult) -> str:
        text = self.file_at(fr, first=not self._count)
        self._count += 1
        return text

    def file_at(self, fr: FileResult, first: bool) -> str:
        """One file's text, given only whether it is the report's first (no comma before it)."""
        return ("\n" if first else ",\n") + _dump(file_json(fr), 2)

    def advance(self) -> None:
        """Count a file whose :meth:`file_at` text was written (rendered on a worker)."""
        self._count += 1

    def finish(self, summary: RunSummary) -> str:
        close = "\n  ]" if self._count else "]"
        return close + ',\n  "summary": ' + _dump(summary_json(summary), 1).lstrip() + "\n}\n"


def schema() -> dict[str, Any]:
    """The JSON Schema of this report (``json_report.schema.json``)."""
    from importlib.resources import files

    return json.loads(files(__package__).joinpath("json_report.schema.json").read_text("utf-8"))
