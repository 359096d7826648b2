"""claimcheck as a library: scan an article, verify a claim file, get plain records back.

    >>> from claimcheck.api import scan_text
    >>> r = scan_text("Arrests fell 10%, from 31,000 in June to 27,000 in July.")
    >>> [(f.phrase, f.verdict, f.value) for f in r.findings]
    [('fell 10%', 'approximate', '−12.90%')]

Three functions, each pure (the answer depends on the arguments and, for the two that
take a path, on the file's bytes; nothing is remembered between calls that changes an
answer) and safe to call from any process or thread:

* :func:`scan_text` — the numeric claims in an article's text (``format`` is ``text``,
  ``markdown`` or ``html``; ``None`` guesses), the self-contained ones checked;
* :func:`scan_file` — the same for a file; a file that cannot be read is a record with a
  problem, never an exception;
* :func:`verify_file` — a claim file (YAML) loaded and every claim judged; an invalid file
  is a record with its located problems.

The records (:class:`ScanRecord`, :class:`FindingRecord`, :class:`VerifyRecord`,
:class:`ClaimRecord`, :class:`ProblemRecord`) are frozen dataclasses whose fields are only
``str``, ``int``, ``bool``, ``None`` and tuples of those: they pickle, cross process and
machine boundaries (``claimcheck archive`` ships them between Dask workers) and go into a
table or JSON as they are. Exact numbers are strings — ``"1/10"``, ``"-3870/31000"`` —
so no reader turns them into binary floats; ``value`` is the recomputed value as a report
shows it (``"−12.90%"``). :func:`records_of` turns the engine's own result objects, which
carry everything a report draws, into these records.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from claimcheck.results import ClaimResult, FileResult, Problem
    from claimcheck.scan import Finding, ScanResult

InputFormat = Literal["text", "markdown", "html"]


@dataclass(frozen=True, slots=True)
class ProblemRecord:
    """Why an input could not be read or checked, located in it (1-based)."""

    path: str
    line: int
    col: int
    message: str
    """One line: "not UTF-8 (byte 0xFF)", "unknown figure 'jun_daily'…"."""

    def render(self) -> str:
        """``path:line:col: error: message``, as the command line prints it."""
        from claimcheck.results import Problem

        return Problem(self.path, self.line, self.col, self.message).render()


@dataclass(frozen=True, slots=True)
class FindingRecord:
    """One numeric claim found in prose (see ``claimcheck scan``)."""

    file: str
    """The file as given (``-`` when scanned from text)."""
    line: int
    """1-based line of the claim's first character in the original file."""
    col: int
    """1-based column (in characters) of that character."""
    end_line: int | None
    end_col: int | None
    """1-based position of the claim's last character."""
    phrase: str
    """The claim as written, whitespace collapsed: "only down 10%"."""
    kind: str
    """percent, points, count, rate, money, multiple, share, change or direction."""
    status: str
    """``checked`` (the article carries its evidence and it was judged) or ``needs-source``."""
    verdict: str | None
    """accurate, approximate, inaccurate or unverifiable, for a checked claim."""
    value: str | None
    """The recomputed value as shown: "−12.90%"."""
    arithmetic: str | None
    """The arithmetic written out: "(27,000 − 31,000) ÷ 31,000 = −12.90%"."""
    rule: str | None
    """The hedge rule applied, with its band in real numbers."""
    diagnoses: tuple[str, ...]
    """The kinds of what went wrong ("wrong_base", "wrong_direction"), in the order found;
    :data:`claimcheck.verdicts.diagnoses.KINDS` lists them."""
    compute: str | None
    """The computation with the numbers as written: "pct_change(31000, 27000)"."""
    inputs: tuple[str, ...]
    """The printed numbers it used, as written: ("31,000", "27,000")."""
    claimed: str | None
    """The claimed number, exact, as the figure language read it: "1/10" for "10%"."""
    sentence: str
    """The sentence the claim stands in, whitespace collapsed."""


@dataclass(frozen=True, slots=True)
class ScanRecord:
    """One scanned article: its findings in the order of the text, or its problems."""

    path: str
    format: str | None
    """text, markdown or html (None when the file could not be read)."""
    findings: tuple[FindingRecord, ...] = ()
    problems: tuple[ProblemRecord, ...] = ()


@dataclass(frozen=True, slots=True)
class ClaimRecord:
    """One claim of a claim file (or cross-source check), computed and judged."""

    id: str
    line: int
    col: int
    statement: str
    figure: str
    """The claimed figure as written: "nearly 20% drop"."""
    verdict: str
    passed: bool
    """False when inaccurate, when it differs from the recorded verdict, or under --strict."""
    kind: str
    """``claim`` or ``check`` (a cross-source check)."""
    compute: str | None
    value: str | None
    """The recomputed value as shown: "−19.12%"."""
    point: str | None
    """The recomputed value, exact: "-117/612"."""
    arithmetic: str
    rule: str
    diagnoses: tuple[str, ...]
    """The kinds of the diagnoses."""
    recorded: str | None
    """The published verdict the file records, when it gives one."""
    failure: str | None
    """Why it fails, one sentence (None when it passes)."""


@dataclass(frozen=True, slots=True)
class VerifyRecord:
    """One claim file: its claims in file order, or the problems that kept it from being checked."""

    path: str
    title: str | None = None
    claims: tuple[ClaimRecord, ...] = ()
    problems: tuple[ProblemRecord, ...] = ()


# --- the engine's results as records --------------------------------------------------------


def _exact(x: Fraction | None) -> str | None:
    return None if x is None else str(x)


def _problem(p: Problem) -> ProblemRecord:
    return ProblemRecord(p.path, p.line, p.col, p.message)


def finding_record(f: Finding) -> FindingRecord:
    """A scan :class:`~claimcheck.scan.Finding` as a plain record."""
    return FindingRecord(
        file=f.path, line=f.line, col=f.col, end_line=f.end_line, end_col=f.end_col, phrase=f.phrase,
        kind=f.kind, status=f.status, verdict=f.verdict, value=f.value, arithmetic=f.arithmetic, rule=f.rule,
        diagnoses=tuple(d.kind for d in f.diagnoses), compute=f.compute, inputs=tuple(f.inputs),
        claimed=None if f.figure is None else _exact(f.figure.value), sentence=f.sentence,
    )


def claim_record(c: ClaimResult) -> ClaimRecord:
    """A verify :class:`~claimcheck.results.ClaimResult` as a plain record."""
    return ClaimRecord(
        id=c.id, line=c.line, col=c.col, statement=c.statement, figure=c.figure, verdict=c.verdict, passed=c.passed,
        kind=c.kind, compute=c.compute, value=c.value, point=_exact(c.point), arithmetic=c.arithmetic, rule=c.rule,
        diagnoses=tuple(d.kind for d in c.diagnoses), recorded=c.recorded, failure=c.failure,
    )


def records_of(result: ScanResult | FileResult) -> ScanRecord | VerifyRecord:
    """The plain record of a scan or verify result."""
    from claimcheck.scan import ScanResult

    if isinstance(result, ScanResult):
        return ScanRecord(result.path, result.format, tuple(map(finding_record, result.findings)),
                          tuple(map(_problem, result.problems)))
    return VerifyRecord(result.path, result.title, tuple(map(claim_record, result.claims)),
                        tuple(map(_problem, result.problems)))


# --- the three functions --------------------------------------------------------------------


def scan_text(text: str, format: InputFormat | None = None, *, path: str = "-") -> ScanRecord:  # noqa: A002
    """The numeric claims of ``text``, the self-contained ones checked.

    ``format`` is ``text``, ``markdown`` or ``html`` (``None``: guessed from ``path``'s
    suffix and the start of the text); ``path`` is only the name the records carry."""
    from claimcheck.scan import scan_text as scan

    return records_of(scan(text, path=path, fmt=format))  # type: ignore[return-value]


def scan_file(path: str, format: InputFormat | None = None, *, name: str | None = None) -> ScanRecord:  # noqa: A002
    """The numeric claims of the article at ``path``. A file that cannot be read (missing,
    a folder, not UTF-8, too large) is a record with one problem and no findings.

    ``name`` is what the records call the file (default: ``path``): a Dask worker opens
    an absolute path while the records keep the path as the user gave it."""
    from claimcheck.scan import read_input, scan_text as scan

    name = path if name is None else name
    text, problem = read_input(path)
    if problem is not None or text is None:
        problems = () if problem is None else (ProblemRecord(name, problem.line, problem.col, problem.message),)
        return ScanRecord(name, format, (), problems)
    return records_of(scan(text, path=name, fmt=format))  # type: ignore[return-value]


def verify_file(path: str, *, strict: bool = False, max_bytes: int | None = None) -> VerifyRecord:
    """The claim file at ``path`` loaded and every claim judged, as ``claimcheck verify``
    judges it (``strict``: approximate and unverifiable claims fail too). An invalid file
    is a record with its located problems and no claims."""
    from claimcheck.claimfile import DEFAULT_MAX_BYTES, load_file
    from claimcheck.engine import Policy, check_loaded

    loaded = load_file(path, max_bytes or DEFAULT_MAX_BYTES)
    return records_of(check_loaded(loaded, Policy(strict=strict)))  # type: ignore[return-value]
