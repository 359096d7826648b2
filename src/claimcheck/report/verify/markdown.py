"""The Markdown report (``--format markdown``): tables and arithmetic, ready to publish.

Per file: a heading with the title, a table (claim, speaker, claimed, recomputed,
verdict), then under it a section for each claim that is not accurate or fails (every
claim with ``--explain``): the statement quoted, then the arithmetic, the rule, the
diagnoses and the sources as a list. An invalid file lists its located problems. The
run ends with the summary line. It is also the GitHub step summary.

User text is escaped: every character that Markdown or HTML could read inside a line
(``|``, ``*``, ``_``, ``[``, ``<``, ``&``, ``$``, backticks, …) gets a backslash, so a
statement renders as the words it holds and never as a link, a table cell break, an
HTML tag or emphasis. Line breaks in user text become spaces.
"""

from __future__ import annotations

import re

from claimcheck.report import Options
from claimcheck.report.common import (
    PerFile,
    SYMBOLS,
    clean,
    details,
    explains,
    link_url,
    location,
    plural,
)
from claimcheck.results import ClaimResult, FileResult, RunSummary

# CommonMark lets any ASCII punctuation be backslash-escaped; these are the ones that can
# open or close markup inside a line: emphasis, code, links and images, HTML tags and
# entities, table cells, GFM strikethrough, GitHub's $math$, a heading's closing #s.
# User text never starts a line here (it follows "| ", "- ", "> " or "## "), so the
# line-start markers (-, +, 1.) need nothing.
_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&$#])")


def md(text: str | None) -> str:
    """User text as literal Markdown: cleaned, one line, specials escaped."""
    return _SPECIAL.sub(r"\\\1", clean(text))


def verdict_label(c: ClaimResult) -> str:
    label = f"{SYMBOLS[c.verdict]} {c.verdict}"
    return label if c.passed else f"{label} — **FAIL**"


class MarkdownReport(PerFile):
    """Renders results as Markdown; see the module docstring."""

    def __init__(self, options: Options) -> None:
        self.options = options

    def start(self) -> str:
        return "# claimcheck report\n"

    def file(self, fr: FileResult) -> str:
        heading = md(fr.title) if fr.title else f"`{code_span(fr.path)}`"
        out = [f"\n## {heading}\n\n"]
        if fr.title:
            out.append(f"`{code_span(fr.path)}`")
            out.append(f" · <{_url(fr.url)}>\n" if fr.url and _url(fr.url) else "\n")
            out.append("\n")
        elif fr.url and _url(fr.url):
            out.append(f"<{_url(fr.url)}>\n\n")
        if fr.invalid:
            out.append(f"**Invalid, not checked** ({plural(len(fr.problems), 'problem')}):\n\n")
            out += [f"- `{code_span(p.render())}`\n" for p in fr.problems]
            return "".join(out)
        if not fr.claims:
            return "".join(out) + "No claims.\n"
        out.append("| claim | speaker | claimed | recomputed | verdict |\n")
        out.append("| --- | --- | --- | ---: | --- |\n")
        for c in fr.claims:
            speaker = md(c.speaker) if c.speaker else ("*cross-source check*" if c.kind == "check" else "—")
            value = md(c.value) if c.value else "—"
            out.append(f"| {md(c.id)} | {speaker} | {md(c.figure)} | {value} | {verdict_label(c)} |\n")
        for c in fr.claims:
            if explains(c, self.options.explain):
                out.append(self._section(fr, c))
        return "".join(out)

    def _section(self, fr: FileResult, c: ClaimResult) -> str:
        out = [f"\n### {md(c.id)}: {verdict_label(c)}\n\n"]
        quote = f"> “{md(c.statement)}”"
        if c.speaker:
            quote += f" — {md(c.speaker)}"
        out.append(quote + "\n\n")
        for label, text in details(c):
            if label == "verdict":
                continue
            # details() has cleaned the text; escape it for Markdown only.
            body = _SPECIAL.sub(r"\\\1", text)
            if label == "arithmetic":
                body = f"**{body}**"
            out.append(f"- {label}: {body}\n")
        out.append(f"- location: `{code_span(location(fr.path, c.line, c.col))}`\n")
        return "".join(out)

    def finish(self, summary: RunSummary) -> str:
        strict = " (strict: approximate and unverifiable claims fail)" if self.options.strict else ""
        return f"\n---\n\n**{md(summary.line())}**{strict}\n"


def code_span(text: str) -> str:
    """Text inside a one-backtick code span: backticks would end it, so they go."""
    return clean(text).replace("`", "'")


def _url(url: str) -> str:
    """A URL for an autolink ``<…>``: only http(s), no spaces or angle brackets."""
    u = link_url(url)
    return u if u is not None and re.fullmatch(r"\S+", u) and "<" not in u and ">" not in u else ""
