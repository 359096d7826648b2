"""The reports: what each command prints, one module per format, one registry per command.

``claimcheck verify``'s formats are in :mod:`claimcheck.report.verify` and registered
here (:data:`FORMATS`); ``scan``'s in :mod:`claimcheck.report.scan` (its ``FORMATS`` and
the ``--emit-yaml`` scaffold); ``calc``'s and ``rules``' in :mod:`.calc` and
:mod:`.rules`. :mod:`.common` holds what they share, :mod:`.json_writer` the one JSON
encoder every JSON format uses.

A ``verify`` format is a class built from :class:`Options` with three methods that each
return text, so a run of 100,000 claims streams file by file and memory stays flat:

* ``start()`` — what comes before the first file (an opening bracket, an XML header);
* ``file(fr)`` — one :class:`~claimcheck.results.FileResult`, valid or not;
* ``finish(summary)`` — the closing text, with the :class:`~claimcheck.results.RunSummary`.

A format whose file text depends on nothing but the file and whether it is the report's
first also provides ``file_at(fr, first)`` (that text, with no state) and ``advance()``
(count a file whose ``file_at`` text was written). Then ``--jobs`` renders each file on
the worker that checked it, and the parent process only writes (:func:`renders_on_workers`);
a format that counts what it wrote (``github``, for GitHub's annotation limits) also
provides ``written(text)``, which is given each file's text made on a worker and returns the
text to write.

Formatters return text; the caller owns the stream and writes files atomically
(:func:`claimcheck.writing.atomic_write`).

:data:`FORMATS` names each format once and feeds the CLI's ``--format`` choice. Its
values are imported on first use, so only the terminal format imports rich.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Protocol

from claimcheck.report.common import Entry, Registry
from claimcheck.results import VERDICTS, FileResult, RunSummary

#: Width of the terminal and Markdown renderings when the caller gives none: what golden
#: files pin, and what reads well in a CI log.
DEFAULT_WIDTH = 100


@dataclass(frozen=True, slots=True)
class Options:
    """How a report is rendered. Every format takes the same options."""

    explain: bool = False
    """Show the arithmetic block for every claim, not only for those that are not accurate."""
    strict: bool = False
    """The run was ``--strict`` (approximate and unverifiable fail); said in the summary.
    Whether a claim passed is already in :attr:`ClaimResult.passed`."""
    width: int | None = None
    """Terminal columns; ``None`` means :data:`DEFAULT_WIDTH`. Only the terminal format
    wraps text; located ``path:line:col`` lines never wrap, so editors and CI logs can
    link them."""
    color: bool = False
    """Colour in the terminal format. Off: plain text, identical in every environment."""
    validate: bool = False
    """A ``claimcheck validate`` run: files were loaded, no claim was judged; a valid file
    comes with no claims and summaries count files."""

    @property
    def columns(self) -> int:
        return self.width if self.width and self.width > 0 else DEFAULT_WIDTH


class Renderer(Protocol):
    """What every format class provides."""

    def __init__(self, options: Options) -> None: ...

    def start(self) -> str: ...

    def file(self, fr: FileResult) -> str: ...

    def finish(self, summary: RunSummary) -> str: ...


_VERIFY = "claimcheck.report.verify."

#: Every output format, by the name ``--format`` takes: name → renderer class.
#: ``list(FORMATS)`` imports nothing.
FORMATS: Registry = Registry("FORMATS", {
    "rich": Entry(_VERIFY + "terminal", "TerminalReport", "tables and the arithmetic, for a person at a terminal"),
    "json": Entry(_VERIFY + "json", "JsonReport", "versioned JSON (docs/json-report.md), exact values as strings"),
    "junit": Entry(_VERIFY + "junit", "JunitReport", "JUnit XML for GitLab, Jenkins and other CI test reports"),
    "github": Entry(_VERIFY + "github", "GithubReport", "GitHub Actions annotations on the claim's file and line"),
    "markdown": Entry(_VERIFY + "markdown", "MarkdownReport", "Markdown tables and arithmetic, ready to publish"),
    "claimreview": Entry(_VERIFY + "claimreview", "ClaimReviewReport", "schema.org ClaimReview JSON-LD for publishing"),
    "sarif": Entry(_VERIFY + "sarif", "SarifReport", "SARIF 2.1.0 for GitHub code scanning and other SARIF readers"),
    "gitlab": Entry(_VERIFY + "gitlab", "GitlabReport", "GitLab Code Quality JSON for the merge request widget"),
    "html": Entry(_VERIFY + "html", "HtmlReport", "one self-contained HTML page with charts, to publish or attach"),
})

#: The formats ``claimcheck validate`` offers: the ones a CI system reads.
VALIDATE_FORMATS: tuple[str, ...] = ("github", "junit", "json", "sarif", "gitlab")

#: One line of help per format, for ``--help``.
FORMAT_HELP: Mapping[str, str] = FORMATS.help


def renders_on_workers(renderer: object) -> bool:
    """Whether a renderer's file text can be made on a worker process (``file_at``)."""
    return hasattr(renderer, "file_at") and hasattr(renderer, "advance")


def make(fmt: str, options: Options | None = None) -> Renderer:
    """A renderer for the format named ``fmt``; ``KeyError`` for an unknown name."""
    return FORMATS[fmt](options or Options())


def step_summary(
    results: Iterable[FileResult], summary: RunSummary | None = None, options: Options | None = None
) -> str:
    """The GitHub job summary of ``results`` (Markdown, under GitHub's 1 MiB), for the CLI
    to append to ``$GITHUB_STEP_SUMMARY``: :func:`claimcheck.report.verify.github.step_summary`.

    ``summary`` is the run's summary when the caller has counted it already (a run whose
    results were filtered or streamed); by default it is counted from ``results``.
    """
    from claimcheck.report.verify.github import step_summary as _step_summary

    return _step_summary(results, summary, options)


class Tally:
    """Counts a run file by file, so a streaming caller need not keep every result;
    :meth:`summary` equals ``RunSummary.of(all_results)``."""

    def __init__(self) -> None:
        self.files = self.invalid = self.claims = self.failed = 0
        self.by_verdict: dict[str, int] = {v: 0 for v in VERDICTS}

    def add(self, fr: FileResult) -> None:
        self.files += 1
        self.invalid += fr.invalid
        for c in fr.claims:
            self.claims += 1
            self.failed += not c.passed
            self.by_verdict[c.verdict] += 1

    def add_counts(self, invalid: bool, verdicts: Iterable[tuple[str, bool]]) -> None:
        """Count a file from its claims' ``(verdict, passed)`` pairs, as :meth:`add` would."""
        self.files += 1
        self.invalid += invalid
        for verdict, passed in verdicts:
            self.claims += 1
            self.failed += not passed
            self.by_verdict[verdict] += 1

    def summary(self) -> RunSummary:
        return RunSummary(self.files, self.invalid, self.claims, self.failed, dict(self.by_verdict))
