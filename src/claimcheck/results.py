"""The result records every report is fed: frozen, documented, no behaviour beyond reading.

Data flows one way: files → models → computations → verdicts → these records → reports.
A file that fails to load is a :class:`FileResult` with problems, not an exception.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from fractions import Fraction
from typing import TYPE_CHECKING, Literal

from claimcheck.numbers import Interval

if TYPE_CHECKING:
    from claimcheck.verdicts.diagnoses import Diagnosis

VerdictName = Literal["accurate", "approximate", "inaccurate", "unverifiable"]
VERDICTS: tuple[VerdictName, ...] = ("accurate", "approximate", "inaccurate", "unverifiable")


@dataclass(frozen=True, slots=True)
class Problem:
    """A located input error: ``path:line:col: error: message`` (1-based line and column)."""

    path: str
    line: int
    col: int
    message: str

    def render(self) -> str:
        """One line, always: a newline or control character in a path or in user text the
        message quotes is written as its escape (``'\\n'``), as Python would."""
        return f"{_one_line(self.path)}:{self.line}:{self.col}: error: {_one_line(self.message)}"


_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def _one_line(text: str) -> str:
    return _CONTROL.sub(lambda m: repr(m.group())[1:-1], text)


@dataclass(frozen=True, slots=True)
class SourceRef:
    """A cited source, as the claim file gives it."""

    id: str
    publisher: str
    url: str | None = None
    title: str | None = None


@dataclass(frozen=True, slots=True)
class TableRef:
    """Where a figure taken from a table came from: the provenance every report cites."""

    path: str  # as the claim file gives it, relative to the claim file's folder
    sha256: str  # of the table file's bytes, hex
    query: str | None  # the `sql:` that gave the number, or None
    cell: str | None  # the `cell:` it was read from (an .xlsx workbook), or None
    value: str  # the exact value read, as shown: "398.61", "2.3333333333…"

    @property
    def how(self) -> str:
        """``sql: select …`` or ``cell: Sheet1!B12``."""
        return f"sql: {self.query}" if self.query is not None else f"cell: {self.cell}"


@dataclass(frozen=True, slots=True)
class InputFigure:
    """One raw number behind a claim, with where it came from."""

    name: str
    written: str  # as written in the file: "1,224", "31000"
    unit: str | None
    period: str | None  # ISO 8601 as written
    period_days: int | None
    interval: str | None  # "30,500 to 31,500" when the number stands for a rounded value
    source: SourceRef | None
    table: TableRef | None = None  # the table it was read from, when not typed in


@dataclass(frozen=True, slots=True)
class Scale:
    """The claimed bands and the recomputed value on the scale the claim is judged on
    (magnitudes in the claimed direction), exact: what a chart draws.

    ``unit`` says how to write them: ``percent`` and ``points`` are fractions shown ×100,
    ``number`` as they are. An unbounded band edge is ``None``.
    """

    accurate: tuple[Fraction | None, Fraction | None]
    approximate: tuple[Fraction | None, Fraction | None]
    point: Fraction
    interval: tuple[Fraction | None, Fraction | None] | None
    unit: Literal["percent", "points", "number"]
    places: int


@dataclass(frozen=True, slots=True)
class ClaimResult:
    """One claim (or cross-source check), computed and judged."""

    id: str
    line: int  # where the claim starts in its file
    col: int
    statement: str
    figure: str  # the claimed figure as written: "nearly 20% drop"
    verdict: VerdictName
    passed: bool  # False: inaccurate, differs from the recorded verdict, or strict failure
    kind: Literal["claim", "check"] = "claim"
    speaker: str | None = None
    compute: str | None = None
    recorded: VerdictName | None = None  # the published rating, when the file gives one
    failure: str | None = None  # why it fails, one sentence (None when it passes)
    value: str | None = None  # the recomputed value as shown: "−19.12%"
    point: Fraction | None = None
    interval: Interval | None = None
    interval_text: str | None = None  # "−15.87% to −9.84%"
    unit: str | None = None  # percent, points, ratio, share, count, rate, money, number
    rule: str = ""  # '"nearly 20%" accepts 18.00%–20.50% (nearly: 0.9X ≤ V ≤ X + u/2)'
    rule_name: str | None = None  # the hedge rule name, "nearly"
    decided_by: str | None = None  # which band held the value, or only overlapped the interval
    arithmetic: str = ""  # "(990 − 1,224) ÷ 1,224 = −19.12%"
    diagnoses: tuple[Diagnosis, ...] = ()  # what a fact-checker points out: kind, text, numbers
    settle: str | None = None  # what evidence would settle it, when in doubt
    framing: tuple[str, ...] = ()  # "only", "just": words that carry no number
    inputs: tuple[InputFigure, ...] = ()
    note: str | None = None
    source: SourceRef | None = None  # who made or published the claim, when given
    #: the claim's second quantity ("a rise of 7 per cent or 2,300 more homes"), judged
    #: against the same computation; the claim passes only when it does too
    also: tuple[ClaimResult, ...] = ()
    #: the bands and the value on the claim's scale, for charts (None: not computed)
    scale: Scale | None = None


@dataclass(frozen=True, slots=True)
class ClaimPublishing:
    """What a claim file says about one claim for publishing (ClaimReview, the HTML page)."""

    speaker_type: Literal["person", "organization"] | None = None
    date: str | None = None  # when the claim was made, ISO 8601
    article: str | None = None  # where it appeared


@dataclass(frozen=True, slots=True)
class Publishing:
    """What a claim file says for publishing its verdicts: who publishes them, when, and
    the article checked; per claim, by id, the speaker's type, its date and article."""

    publisher: str | None = None
    publisher_url: str | None = None
    date: str | None = None
    article: str | None = None
    claims: dict[str, ClaimPublishing] = field(default_factory=dict)

    def of(self, claim_id: str) -> ClaimPublishing:
        return self.claims.get(claim_id) or ClaimPublishing(article=self.article)


@dataclass(frozen=True, slots=True)
class FileResult:
    """One claim file: its claims, or the problems that kept it from being checked."""

    path: str
    title: str | None = None
    url: str | None = None
    claims: tuple[ClaimResult, ...] = ()
    problems: tuple[Problem, ...] = ()
    publishing: Publishing = Publishing()
    #: every file besides the claim file that its check read, as (absolute path, SHA-256
    #: hex of its bytes): the cache re-hashes each, and a changed one is a miss
    inputs: tuple[tuple[str, str], ...] = ()

    @property
    def invalid(self) -> bool:
        return bool(self.problems)

    @property
    def failed(self) -> tuple[ClaimResult, ...]:
        return tuple(c for c in self.claims if not c.passed)


@dataclass(frozen=True, slots=True)
class RunSummary:
    """Counts over a run, for summary lines."""

    files: int = 0
    invalid_files: int = 0
    claims: int = 0
    failed: int = 0
    by_verdict: dict[str, int] = field(default_factory=dict)

    @classmethod
    def of(cls, results: "list[FileResult] | tuple[FileResult, ...]") -> RunSummary:
        by: dict[str, int] = {v: 0 for v in VERDICTS}
        claims = failed = invalid = 0
        for fr in results:
            invalid += fr.invalid
            for c in fr.claims:
                claims += 1
                failed += not c.passed
                by[c.verdict] += 1
        return cls(len(results), invalid, claims, failed, by)

    def line(self) -> str:
        """"7 claims: 4 accurate, 1 approximate, 1 inaccurate, 1 unverifiable"."""
        noun = "claim" if self.claims == 1 else "claims"
        parts = ", ".join(f"{n} {v}" for v, n in self.by_verdict.items() if n)
        text = f"{self.claims} {noun}" + (f": {parts}" if parts else "")
        if self.failed:
            text += f"; {self.failed} failing"
        if self.invalid_files:
            text += f"; {self.invalid_files} invalid file" + ("s" if self.invalid_files != 1 else "")
        return text
