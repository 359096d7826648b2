"""The SARIF report (``--format sarif``): SARIF 2.1.0, for GitHub code scanning and any
other SARIF reader.

One run whose tool is claimcheck, with one rule per kind of finding:

* ``invalid-input`` — a problem that kept a file from being checked (level ``error``);
* ``inaccurate``, ``recorded-verdict``, ``strict`` — why a claim fails (``error``);
* ``approximate``, ``unverifiable`` — a claim that passes but deserves a look
  (``warning``, ``note``), as ``--format github`` annotates them;
* one rule per diagnosis kind (:data:`claimcheck.verdicts.KINDS`: ``wrong_base``,
  ``unequal_periods``, …).

Each claim that needs attention is one result under the rule of its verdict, at the
claim's file, line and column, its message the reason and the arithmetic; each of its
diagnoses is one more result at the same place (level ``note``) under the diagnosis'
rule. An invalid file gives a result per problem. ``--explain`` reports every claim
(an accurate one as a ``note``). ``partialFingerprints`` (a hash of the file, the claim
id and the rule) let code scanning follow an alert across runs as lines move. Columns
count Unicode code points (``columnKind``).

The rules are known before any file is read, so the document streams: the header with
the rules, then each file's results, then the closing brackets. Text goes through the
one JSON writer (:mod:`claimcheck.report.json_writer`).
"""

from __future__ import annotations

import hashlib
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import quote

from claimcheck import __version__
from claimcheck.report import Options
from claimcheck.report.common import clean, details, failure_kind, failure_text, files_line, quoted_statement
from claimcheck.report.json_writer import encode_safe
from claimcheck.report.verify.github import level_for
from claimcheck.results import ClaimResult, FileResult, RunSummary

SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"

#: The rules of verdicts and failures: id → (level, short description).
VERDICT_RULES: dict[str, tuple[str, str]] = {
    "invalid-input": ("error", "A claim file could not be checked: a located input error."),
    "inaccurate": ("error", "The arithmetic does not support the claimed figure."),
    "recorded-verdict": ("error", "The file records a published rating the arithmetic contradicts."),
    "strict": ("error", "An approximate or unverifiable claim, which fails under --strict."),
    "approximate": ("warning", "The claim is close, but outside what its words promise."),
    "unverifiable": ("note", "The file gives no computation for the claim, or its units cannot be compared."),
    "accurate": ("note", "The recomputed value is inside the band the claim's words accept."),
}
_SARIF_LEVEL = {"error": "error", "warning": "warning", "notice": "note"}


def rules() -> list[dict[str, Any]]:
    """Every rule, verdicts first, then one per diagnosis kind."""
    from claimcheck.verdicts import KINDS

    out = [
        {"id": rid, "name": rid.replace("-", "_"), "shortDescription": {"text": text},
         "defaultConfiguration": {"level": level}}
        for rid, (level, text) in VERDICT_RULES.items()
    ]
    for kind, text in KINDS:
        out.append({
            "id": kind, "name": kind, "shortDescription": {"text": f"Diagnosis: {text.split(';')[0]}."},
            "defaultConfiguration": {"level": "note"},
        })
    return out


def artifact_uri(path: str) -> str:
    """A path as a URI reference: relative paths stay relative (code scanning resolves
    them from the repository's root), with ``/`` separators and reserved characters
    percent-encoded."""
    text = path.replace("\\", "/")
    while text.startswith("./"):
        text = text[2:]
    if PurePosixPath(text).is_absolute():
        return "file://" + quote(text, safe="/")
    return quote(text, safe="/")


def _fingerprint(*parts: str) -> str:
    return hashlib.sha256("\x00".join(parts).encode("utf-8")).hexdigest()


def _result(rule: str, level: str, text: str, path: str, line: int, col: int, key: str) -> dict[str, Any]:
    return {
        "ruleId": rule,
        "level": level,
        "message": {"text": text},
        "locations": [{"physicalLocation": {
            "artifactLocation": {"uri": artifact_uri(path)},
            "region": {"startLine": max(1, line), "startColumn": max(1, col)},
        }}],
        "partialFingerprints": {"claimcheck/v1": _fingerprint(path, key, rule)},
    }


def file_results(fr: FileResult, explain: bool = False) -> list[dict[str, Any]]:
    """The results of one file (none for a file whose claims need no attention)."""
    if fr.invalid:
        return [
            _result("invalid-input", "error", clean(p.message), p.path, p.line, p.col, f"{p.line}:{p.col}:{p.message}")
            for p in fr.problems
        ]
    out: list[dict[str, Any]] = []
    for c in fr.claims:
        level = level_for(c) or ("notice" if explain else None)
        if level is None:
            continue
        rule = failure_kind(c) or c.verdict
        out.append(_result(rule, _SARIF_LEVEL[level], _message(c), fr.path, c.line, c.col, c.id))
        for i, d in enumerate(c.diagnoses):
            out.append(_result(d.kind, "note", f"{clean(c.id)}: {clean(d.text)}", fr.path, c.line, c.col,
                               f"{c.id}#{i}"))
    return out


def _message(c: ClaimResult) -> str:
    lines = [failure_text(c) if not c.passed else f"{clean(c.id)} is {c.verdict}."]
    lines.append(quoted_statement(c))
    lines += [f"{label}: {text}" for label, text in details(c) if label not in ("fails", "diagnosis")]
    return "\n".join(lines)


class SarifReport:
    """Renders results as one SARIF 2.1.0 log; see the module docstring."""

    def __init__(self, options: Options) -> None:
        self.options = options
        self._count = 0

    def start(self) -> str:
        driver = {
            "name": "claimcheck",
            "version": __version__,
            "informationUri": "https://github.com/claimcheck/claimcheck",
            "rules": rules(),
        }
        head = encode_safe({"$schema": SCHEMA, "version": "2.1.0", "runs": [{"tool": {"driver": driver}}]})
        # Reopen the run after its tool and start its "results" list.
        cut = head.rindex("}\n  ]\n}")
        return head[:cut].rstrip() + ',\n      "columnKind": "unicodeCodePoints",\n      "results": ['

    def file(self, fr: FileResult) -> str:
        out = []
        for r in file_results(fr, self.options.explain):
            out.append(encode_safe(r, 4, ("\n" if not self._count else ",\n") + "        "))
            self._count += 1
        return "".join(out)

    def finish(self, summary: RunSummary) -> str:
        line = files_line(summary) if self.options.validate else summary.line()
        close = "\n      ]" if self._count else "]"
        props = encode_safe({"summary": line}, 3)
        return close + ',\n      "properties": ' + props + "\n    }\n  ]\n}\n"
