"""The GitLab Code Quality report (``--format gitlab``): the JSON a merge request's Code
Quality widget and its diff annotations read (``artifacts: reports: codequality:``).

A JSON array with one object per finding, each with the fields GitLab requires
(``description``, ``check_name``, ``fingerprint``, ``severity``, ``location.path``,
``location.lines.begin``) and the Code Climate ``type`` and ``categories``:

* every problem of an invalid file — ``check_name`` ``invalid-input``, severity
  ``blocker`` (the file was not checked at all);
* a failing claim — its failure kind (``inaccurate``, ``recorded-verdict``, ``strict``),
  severity ``critical``;
* an approximate claim that passes — ``approximate``, ``minor``; an unverifiable one —
  ``unverifiable``, ``info`` (under ``--explain``, every claim, an accurate one ``info``).

The ``fingerprint`` is a SHA-256 of the file's path, the claim id (or the problem's
message) and the check, so the same finding has the same fingerprint in every run and
GitLab can say which are new in a merge request; lines are left out of it, so editing
above a claim does not make its finding "new". GitLab keeps one finding per
fingerprint, so a second identical problem in a file gets its position counted in.
"""

from __future__ import annotations

import hashlib
from typing import Any

from claimcheck.report import Options
from claimcheck.report.common import clean, details, failure_kind, failure_text, quoted_statement
from claimcheck.report.json_writer import encode_safe
from claimcheck.report.verify.github import level_for
from claimcheck.results import ClaimResult, FileResult, RunSummary

_SEVERITY = {"error": "critical", "warning": "minor", "notice": "info"}


def _path(path: str) -> str:
    text = path.replace("\\", "/")
    while text.startswith("./"):
        text = text[2:]
    return text


def _issue(check: str, severity: str, description: str, path: str, line: int, key: str, body: str = "") -> dict[str, Any]:
    issue: dict[str, Any] = {
        "type": "issue",
        "check_name": check,
        "description": description,
        "categories": ["Bug Risk"],
        "severity": severity,
        "fingerprint": hashlib.sha256("\x00".join((_path(path), key, check)).encode("utf-8")).hexdigest(),
        "location": {"path": _path(path), "lines": {"begin": max(1, line)}},
    }
    if body:
        issue["content"] = {"body": body}
    return issue


def file_issues(fr: FileResult, explain: bool = False) -> list[dict[str, Any]]:
    """The findings of one file."""
    if fr.invalid:
        out, seen = [], set()
        for p in fr.problems:
            key = clean(p.message)
            if key in seen:  # the same message twice in a file: told apart by place
                key = f"{key} @{p.line}:{p.col}"
            seen.add(key)
            out.append(_issue("invalid-input", "blocker", f"{clean(p.message)} (invalid claim file)", p.path, p.line, key))
        return out
    out = []
    for c in fr.claims:
        level = level_for(c) or ("notice" if explain else None)
        if level is None:
            continue
        check = failure_kind(c) or c.verdict
        out.append(_issue(check, _SEVERITY[level], _description(c), fr.path, c.line, c.id, _body(c)))
    return out


def _description(c: ClaimResult) -> str:
    head = failure_text(c) if not c.passed else c.verdict
    arithmetic = f"; {clean(c.arithmetic)}" if c.arithmetic else ""
    return f"{clean(c.id)} ({clean(c.figure)}): {head}{arithmetic}"


def _body(c: ClaimResult) -> str:
    lines = [quoted_statement(c), ""] + [f"- {label}: {text}" for label, text in details(c)]
    return "\n".join(lines)


class GitlabReport:
    """Renders results as a GitLab Code Quality report; see the module docstring."""

    def __init__(self, options: Options) -> None:
        self.options = options
        self._count = 0

    def start(self) -> str:
        return "["

    def file(self, fr: FileResult) -> str:
        out = []
        for issue in file_issues(fr, self.options.explain):
            out.append(encode_safe(issue, 1, ("\n" if not self._count else ",\n") + "  "))
            self._count += 1
        return "".join(out)

    def finish(self, summary: RunSummary) -> str:
        return "\n]\n" if self._count else "]\n"
