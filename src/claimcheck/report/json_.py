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
from typing import TYPE_CHECKING, Any

from claimcheck.report import Options
from claimcheck.report.common import exact, exact_interval, failure_kind
from claimcheck.results import ClaimResult, FileResult, InputFigure, RunSummary, SourceRef

if TYPE_CHECKING:
    from claimcheck.backsolve import Solved

SCHEMA_VERSION = 1
_INDENT = 2


# json.dumps escapes C0 controls but passes DEL, C1 controls (U+009B is a CSI to some
# terminals), bidi overrides, line separators and noncharacters through raw; escape
# them too, so `cat report.json` is as safe as the terminal report.
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
        "also": [also_json(a) for a in c.also],
        "solved": [solved_json(s) for s in c.solved],
    }


def solved_json(s: Solved) -> dict[str, Any]:
    """A back-solved diagnosis: its kind, its sentence and its numbers as text."""
    return {"kind": s.kind, "text": s.text, "data": dict(s.data)}


def also_json(a: ClaimResult) -> dict[str, Any]:
    """The claim's second quantity ("... or 2,300 more homes"), judged on its own."""
    return {
        "figure": a.figure,
        "verdict": a.verdict,
        "passed": a.passed,
        "value": a.value,
        "rule": a.rule or None,
        "decided_by": a.decided_by,
        "diagnoses": list(a.diagnoses),
        "failure": a.failure,
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


# --- the same text, written field by field ----------------------------------------------
#
# What ``_dump(file_json(fr), 2)`` gives, without building the dictionaries first: a
# report of 10,000 claims is 300,000 values, and the dictionaries cost as much as the
# encoding. ``tests/test_report_json.py`` holds the two to the same bytes. A change of
# keys goes into both (and into the schema and docs/json-report.md).


def _v(x: Any) -> str:
    """A text-or-null leaf (the common case), else whatever _encode makes of it."""
    if type(x) is str:
        return _escape(x)
    if x is None:
        return "null"
    return _encode(x, 0)


def _source_text(src: SourceRef | None, depth: int) -> str:
    if src is None:
        return "null"
    k = _PADS[depth + 1]
    return (
        "{" + k + '"id": ' + _v(src.id)
        + "," + k + '"publisher": ' + _v(src.publisher)
        + "," + k + '"url": ' + _v(src.url)
        + "," + k + '"title": ' + _v(src.title)
        + _PADS[depth] + "}"
    )


def _input_text(inp: InputFigure) -> str:
    # An input is at depth 6 of the document; its keys at depth 7.
    k = _PADS[7]
    return (
        "{" + k + '"name": ' + _v(inp.name)
        + "," + k + '"written": ' + _v(inp.written)
        + "," + k + '"unit": ' + _v(inp.unit)
        + "," + k + '"period": ' + _v(inp.period)
        + "," + k + '"period_days": ' + _v(inp.period_days)
        + "," + k + '"interval_text": ' + _v(inp.interval)
        + "," + k + '"source": ' + _source_text(inp.source, 7)
        + _PADS[6] + "}"
    )


def _texts(items: tuple[str, ...]) -> str:
    """A list of strings at depth 5 (a claim's diagnoses, framing)."""
    if not items:
        return "[]"
    if all(type(s) is str for s in items):
        k = _PADS[6]
        return "[" + k + ("," + k).join([_escape(s) for s in items]) + _PADS[5] + "]"
    return _encode(list(items), 5)


def _claim_text(c: ClaimResult) -> str:
    # A claim is at depth 4 of the document; its keys at depth 5.
    k = _PADS[5]
    end = _PADS[4]
    point = c.point
    iv = c.interval
    parts = [
        '{' + k + '"id": ' + _v(c.id),
        '"kind": ' + _v(c.kind),
        '"line": ' + _encode(c.line, 5),
        '"col": ' + _encode(c.col, 5),
        '"speaker": ' + _v(c.speaker),
        '"statement": ' + _v(c.statement),
        '"figure": ' + _v(c.figure),
        '"compute": ' + _v(c.compute),
        '"verdict": ' + _v(c.verdict),
        '"recorded": ' + _v(c.recorded),
        '"passed": ' + _encode(c.passed, 5),
        '"failure_kind": ' + _v(failure_kind(c)),
        '"failure": ' + _v(c.failure),
        '"value": ' + _v(c.value),
        '"point": ' + ("null" if point is None else _escape(str(point))),
        '"interval": ' + _encode(exact_interval(iv), 5) if iv is not None else '"interval": null',
        '"interval_text": ' + _v(c.interval_text),
        '"unit": ' + _v(c.unit),
        '"rule": ' + _v(c.rule or None),
        '"rule_name": ' + _v(c.rule_name),
        '"decided_by": ' + _v(c.decided_by),
        '"arithmetic": ' + _v(c.arithmetic or None),
        '"diagnoses": ' + _texts(c.diagnoses),
        '"framing": ' + _texts(c.framing),
        '"settle": ' + _v(c.settle),
        '"note": ' + _v(c.note),
        '"source": ' + _source_text(c.source, 5),
        '"inputs": ' + ("[" + _PADS[6] + ("," + _PADS[6]).join([_input_text(i) for i in c.inputs]) + _PADS[5] + "]" if c.inputs else "[]"),
        '"also": ' + (_encode([also_json(a) for a in c.also], 5) if c.also else "[]"),
        '"solved": ' + (_encode([solved_json(s) for s in c.solved], 5) if c.solved else "[]"),
    ]
    return ("," + k).join(parts) + end + "}"


def file_text(fr: FileResult, lead: str = "") -> str:
    """``lead + _dump(file_json(fr), 2)``: one file's object, indented as the report's
    second level (the whole text is joined once: a file's claims can be megabytes)."""
    k = _PADS[3]
    problems = _encode(file_json(fr)["problems"], 3) if fr.problems else "[]"
    parts = [
        lead + "    {" + k + '"path": ' + _v(fr.path)
        + "," + k + '"title": ' + _v(fr.title)
        + "," + k + '"url": ' + _v(fr.url)
        + "," + k + '"valid": ' + ("false" if fr.invalid else "true")
        + "," + k + '"problems": ' + problems
        + "," + k + '"claims": '
    ]
    if fr.claims:
        inner = _PADS[4]
        parts += ("[", inner, ("," + inner).join([_claim_text(c) for c in fr.claims]), k, "]")
    else:
        parts.append("[]")
    parts.append(_PADS[2] + "}")
    text = "".join(parts)
    return _UNSAFE.sub(_escape_unsafe, text) if _UNSAFE.search(text) else text


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
        return file_text(fr, "\n" if first else ",\n")

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
