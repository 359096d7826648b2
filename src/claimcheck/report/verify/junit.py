"""The JUnit XML report (``--format junit``) for CI test reports (GitLab, Jenkins, …).

The shape is the common JUnit format those tools read:

* ``<testsuites name="claimcheck">`` around the run;
* one ``<testsuite>`` per claim file: ``name`` and ``file`` = the file's path, with
  ``tests``, ``failures``, ``errors`` and ``skipped`` counts;
* one ``<testcase>`` per claim: ``classname`` = the file's path as a dotted name
  without its extension (``claims/ice_july.yaml`` → ``claims.ice_july``: Jenkins splits a
  classname at its last dot into package and class, so the extension's dot would make
  every file a class ``yaml``), ``name`` = the claim id. A failing claim holds
  ``<failure message=… type=…>`` with the arithmetic, the rule and the diagnoses as its
  text (``type`` is ``inaccurate``, ``recorded-verdict`` or ``strict``); an unverifiable
  claim that passes is ``<skipped>`` (nothing was verified); an approximate claim that
  passes, or any claim under ``--explain``, carries its explanation in ``<system-out>``
  (so does a passing claim the file records as inaccurate);
* an invalid file has one testcase per place with problems, named ``invalid claim file
  (line:col)``, holding one ``<error type="invalid-input">`` whose message and text join
  that place's problems (``path:line:col: error: message``); a valid file with no claims
  (and every valid file under ``claimcheck validate``, which judges none) is one passing
  testcase ``claim file is valid``, so a run of valid files is never an empty report.

Every testcase holds at most one result element (``failure``, ``error`` or ``skipped``):
Jenkins keeps only the first. Each text starts with the ``path:line:col`` location.

The document is valid against the XSD the Jenkins xUnit plugin checks JUnit reports with
(``junit-10.xsd``; the tests validate it). That XSD declares no ``file`` or ``line``
attribute on ``<testcase>``, and a report carrying them is rejected there (which is why
pytest's default ``xunit2`` family leaves them out); the file is the suite's ``file``
attribute and the line leads each result's text instead.

The run's totals are not attributes of ``<testsuites>``: the document streams and the
totals are known only at its end, where they follow as a comment; the attributes are
optional in the format.

Text is escaped for XML and stripped of characters XML 1.0 cannot carry (a claim file
may hold any of them; an unescaped one makes the whole report unreadable).
"""

from __future__ import annotations

import re
from collections import defaultdict

from claimcheck.report import Options
from claimcheck.report.common import (
    PerFile,
    clean,
    details_text,
    explains,
    failure_kind,
    failure_text,
    location,
    quoted_statement,
)
from claimcheck.results import ClaimResult, FileResult, Problem, RunSummary

# Everything outside XML 1.0's Char production: C0 controls but tab, newline and carriage
# return, and U+FFFE/U+FFFF, removed; a lone surrogate (a byte of a file name that is not
# UTF-8) becomes U+FFFD, as everywhere else (claimcheck.writing), so "caf\xe9.yaml" is
# not reported as a different file, "caf.yaml".
_ILLEGAL_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]|([\ud800-\udfff])")


def _legal(m: re.Match) -> str:
    return "\ufffd" if m.group(1) else ""
_TEXT_ESCAPES = {"&": "&amp;", "<": "&lt;", ">": "&gt;"}
_ATTR_ESCAPES = {**_TEXT_ESCAPES, '"': "&quot;", "\n": "&#10;", "\r": "&#13;", "\t": "&#9;"}
_TEXT_RE = re.compile("[&<>]")
_ATTR_RE = re.compile('[&<>"\n\r\t]')


def xml_text(text: str) -> str:
    """Element content: escaped, illegal characters removed."""
    return _TEXT_RE.sub(lambda m: _TEXT_ESCAPES[m.group()], _ILLEGAL_XML.sub(_legal, text))


def xml_attr(text: str) -> str:
    """A double-quoted attribute value; line breaks kept as character references."""
    return '"' + _ATTR_RE.sub(lambda m: _ATTR_ESCAPES[m.group()], _ILLEGAL_XML.sub(_legal, text)) + '"'


def _tag(name: str, attrs: dict[str, str], body: str | None = None, indent: int = 0) -> str:
    pad = "  " * indent
    attr_text = "".join(f" {k}={xml_attr(v)}" for k, v in attrs.items())
    if body is None:
        return f"{pad}<{name}{attr_text}/>\n"
    return f"{pad}<{name}{attr_text}>{xml_text(body)}</{name}>\n"


class JunitReport(PerFile):
    """Renders results as JUnit XML; see the module docstring."""

    def __init__(self, options: Options) -> None:
        self.options = options

    def start(self) -> str:
        return '<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="claimcheck">\n'

    def file(self, fr: FileResult) -> str:
        path = clean(fr.path)
        cls = classname(fr.path)
        if fr.invalid:
            places = _by_place(fr.problems)
            out = [_suite_head(path, tests=len(places), failures=0, errors=len(places), skipped=0)]
            for (line, col), problems in places.items():
                name = f"invalid claim file ({line}:{col})"
                message = "; ".join(clean(p.message) for p in problems)
                text = "\n".join(clean(p.render()) for p in problems) + "\n"
                out.append(f"    <testcase classname={xml_attr(cls)} name={xml_attr(name)}>\n")
                out.append(_tag("error", {"message": message, "type": "invalid-input"}, text, 3))
                out.append("    </testcase>\n")
            out.append("  </testsuite>\n")
            return "".join(out)
        if not fr.claims:
            return (_suite_head(path, tests=1, failures=0, errors=0, skipped=0)
                    + f'    <testcase classname={xml_attr(cls)} name="claim file is valid"/>\n  </testsuite>\n')
        failures = sum(not c.passed for c in fr.claims)
        skipped = sum(_skipped(c) for c in fr.claims)
        out = [_suite_head(path, len(fr.claims), failures, 0, skipped)]
        props = [("title", fr.title), ("url", fr.url)]
        if any(v for _, v in props):
            out.append("    <properties>\n")
            out += [_tag("property", {"name": k, "value": clean(v)}, None, 3) for k, v in props if v]
            out.append("    </properties>\n")
        for c in fr.claims:
            out.append(self._case(cls, fr, c))
        out.append("  </testsuite>\n")
        return "".join(out)

    def _case(self, cls: str, fr: FileResult, c: ClaimResult) -> str:
        attrs = f"classname={xml_attr(cls)} name={xml_attr(clean(c.id))}"
        text = f"{location(fr.path, c.line, c.col)}\n{quoted_statement(c)}\n{details_text(c)}\n"
        children: list[str] = []
        if not c.passed:
            children.append(
                _tag("failure", {"message": failure_text(c), "type": failure_kind(c) or ""}, text, 3)
            )
        else:
            if _skipped(c):
                reason = clean(c.note or c.settle) or "no computation to check"
                children.append(_tag("skipped", {"message": f"unverifiable: {reason}"}, None, 3))
            if explains(c, self.options.explain):
                children.append(_tag("system-out", {}, text, 3))
        if not children:
            return f"    <testcase {attrs}/>\n"
        return f"    <testcase {attrs}>\n{''.join(children)}    </testcase>\n"

    def finish(self, summary: RunSummary) -> str:
        # "--" may not occur inside an XML comment.
        line = summary.line().replace("--", "- -")
        return f"  <!-- {line} -->\n</testsuites>\n"


def _suite_head(path: str, tests: int, failures: int, errors: int, skipped: int) -> str:
    return (
        f"  <testsuite name={xml_attr(path)} tests=\"{tests}\" failures=\"{failures}\""
        f" errors=\"{errors}\" skipped=\"{skipped}\" file={xml_attr(path)}>\n"
    )


_YAML_SUFFIX = re.compile(r"\.ya?ml$", re.IGNORECASE)


def classname(path: str) -> str:
    """A claim file's path as a JUnit classname: folders and file name joined by dots,
    without the extension, any other dot made ``_`` (``claims/ice_july.yaml`` →
    ``claims.ice_july``, ``./v1.2/a.yml`` → ``v1_2.a``), so Jenkins' split at the last dot
    gives the folder as package and the file as class."""
    text = _YAML_SUFFIX.sub("", clean(path).replace("\\", "/"))
    parts = [p.replace(".", "_") for p in text.split("/") if p not in ("", ".")]
    return ".".join(parts) or "claims"


def _by_place(problems: tuple[Problem, ...]) -> dict[tuple[int, int], list[Problem]]:
    """Problems grouped by line and column, in order of first appearance."""
    places: dict[tuple[int, int], list[Problem]] = defaultdict(list)
    for p in problems:
        places[(p.line, p.col)].append(p)
    return dict(places)


def _skipped(c: ClaimResult) -> bool:
    return c.passed and c.verdict == "unverifiable"
