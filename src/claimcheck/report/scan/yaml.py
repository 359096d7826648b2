"""The claim-file scaffold ``claimcheck scan --emit-yaml FILE`` writes (a claim file as
the README's "For reporters" section describes it).

* ``sources``: one entry for each article scanned, with its URL when ``--url`` gives it.
* ``figures``: the raw numbers the checked claims were computed from, each named after
  what it counts and its period ("homicides_2007"), with its value as printed, its unit
  (its currency, "%", or the noun after it or the claim's subject), its period when the
  article names a year or a month of one, and the article as its source. A period the article gives only
  relatively ("last year") is a TODO comment: the scan does not know when the article
  was published. Ages, years, ordinals and other numbers that are no evidence are never
  figures (the scan does not report them).
* ``claims``: one per finding whose figure the figure language reads: the clause it
  stands in as the ``statement`` (with the clause of its evidence, when that is in the
  same sentence), the phrase as the ``figure``, and for a checked claim the ``compute``
  over the named figures, with the scan's verdict as a comment. A claim that needs a
  source gets a ``note`` saying what would settle it. ``speaker`` is required and
  unknown to the scan, so it is ``"TODO: speaker"``.

The text loads with :mod:`claimcheck.claimfile` as it stands and ``claimcheck verify``
reproduces the scan's verdicts. This module builds the text only; the CLI writes it
(atomically, never over an existing file without ``--force``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from claimcheck import lexicon
from claimcheck.claimfile.scaffold import yaml_comment, yaml_string
from claimcheck.numbers import NumberError, Written, expression_text, parse_number
from claimcheck.scan import Finding, ScanResult
from claimcheck.scan.run import Level

#: User text as a YAML double-quoted scalar claimcheck loads back (any character: an
#: emoji raw, a control character escaped, a line separator as a space).
_q = yaml_string

#: How the scan writes a relative time label, for the TODO it leaves: a year relative to
#: the article's date, or a month of a year the article does not name.
_RELATIVE = {(0, -1): "last year", (0, -2): "the year before", (0, 0): "this year"}
_RELATIVE.update({(1, i + 1): f"{m.capitalize()} (of no stated year)" for i, m in enumerate(lexicon.MONTHS[:12])})
_RELATIVE_NAMES = {(0, -1): "last_year", (0, -2): "year_before", (0, 0): "this_year"}
_RELATIVE_NAMES.update({(1, i + 1): m for i, m in enumerate(lexicon.MONTHS[:12])})


def _slug(text: str, taken: set[str], sep: str = "-", default: str = "claim") -> str:
    base = re.sub(r"[^a-z0-9]+", sep, text.lower()).strip(sep)[:40].strip(sep) or default
    if not base[0].isalpha():
        base = f"{default}{sep}{base}"
    slug, n = base, 2
    while slug in taken:
        slug = f"{base}{sep}{n}"
        n += 1
    taken.add(slug)
    return slug


def _period(level: Level) -> str | None:
    """The ISO 8601 period of a time label that names a year: "2007", "2008-03"."""
    if level.time is None or level.time[0] < 1000:
        return None
    year, month = level.time
    return f"{year:04d}-{month:02d}" if month else f"{year:04d}"


def _unit(level: Level) -> str | None:
    """What the level counts: a sum of money is in its currency ("USD"), a percent level
    in "%", anything else in the noun its words give ("homicides")."""
    unit = level.written.currency or ("%" if level.kind == "percent" else level.noun)
    if level.per:
        per = level.per.removeprefix("per ")
        return f"{unit or 'count'}/{per}" if per.isalpha() else f"{unit or 'count'} per {per}"
    return unit


def _value(level: Level) -> str:
    """The value as printed when it reads back as the number the scan used ("4,409",
    "$3.2 million"); else the number as the expression language writes it ("6.1%" for
    the 6.1 of "from 6.1 to 6.2 percent")."""
    try:
        printed = parse_number(level.text)
        if (printed.value, printed.u, printed.percent) == (level.written.value, level.written.u, level.written.percent):
            return level.text
    except NumberError:
        pass
    return expression_text(level.written)


class _Figures:
    """The file-level figures, one per number of the article (a number two claims use is
    one figure), in the order the claims meet them."""

    def __init__(self, source: str, names: set[str]) -> None:
        self.source = source
        self.names = names
        self.by_place: dict[tuple[int, int], str] = {}
        self.lines: list[str] = []

    def name(self, level: Level) -> str:
        place = (level.line, level.col)
        if place in self.by_place:
            return self.by_place[place]
        period = _period(level)
        tag = period.replace("-", "_") if period else _RELATIVE_NAMES.get(level.time, "") if level.time else ""
        stem = "_".join(x for x in (level.noun or "figure", tag) if x)
        name = _slug(stem, self.names, sep="_", default="figure")
        self.by_place[place] = name
        self.lines.append(f"  {name}:")
        self.lines.append(f"    value: {_q(_value(level))}  # line {level.line}, column {level.col}")
        unit = _unit(level)
        self.lines.append(f"    unit: {_q(unit)}" if unit else "    # unit: TODO — what it counts")
        if period:
            self.lines.append(f"    period: {_q(period)}")
        elif level.time in _RELATIVE:
            self.lines.append(f"    # period: TODO — the article says {_RELATIVE[level.time]}")
        self.lines.append(f"    source: {self.source}")
        return name


def _claim(f: Finding, cid: str, source: str, figures: _Figures) -> list[str]:
    lines = [
        f"  - id: {cid}",
        f"    # {yaml_comment(f.path)}:{f.line}:{f.col}",
        '    speaker: "TODO: speaker"',
        f"    statement: {_q((f.clause or f.sentence)[:500])}",
        f"    figure: {_q(f.figure_text or f.phrase)}",
        f"    source: {source}",
    ]
    if f.status == "checked" and f.computation is not None and f.levels:
        names = {id(level.written): figures.name(level) for level in f.levels}

        def name_of(w: Written) -> str:
            return names.get(id(w)) or expression_text(w)

        lines.append(f"    compute: {f.computation.text_with(name_of)}")
        lines.append(yaml_comment(f"    # scan: {f.verdict}" + (f" — {f.arithmetic}" if f.arithmetic else "")))
    else:
        lines.append('    note: "TODO: the raw figures this was computed from, with their source"')
    return lines


def _sources(paths: Sequence[str], url: str | None) -> tuple[list[str], list[str]]:
    """The sources block and the id of each path's source."""
    ids = ["article"] if len(paths) == 1 else [f"article_{i}" for i in range(1, len(paths) + 1)]
    lines = ["sources:"]
    for sid, path in zip(ids, paths):
        lines.append(f"  {sid}:")
        lines.append(f"    publisher: {_q('TODO: publisher of ' + path)}")
        if url and len(paths) == 1:
            lines.append(f"    url: {_q(url)}")
        else:
            lines.append("    # url: TODO — where the article was published")
    return lines, ids


def scaffold_yaml(results: Iterable[ScanResult], *, title: str | None = None, url: str | None = None) -> str:
    """A claim file with the article as its source, the numbers the checked claims use as
    named figures, and one claim per finding whose figure parses; findings whose phrase
    is not a figure the language reads are listed as comments. ``url`` is the article's
    address (one article)."""
    rs = list(results)
    paths = [r.path for r in rs]
    shown = ", ".join(paths)
    out = [
        "# yaml-language-server: $schema=claimfile.schema.json",
        f"# Scaffold from `claimcheck scan {yaml_comment(shown)}`: check each figure against the article,",
        "# replace every TODO, then run `claimcheck verify` on this file.",
        f"title: {_q(title or 'TODO: title of the story (' + shown + ')')}",
    ]
    source_lines, source_ids = _sources(paths, url) if rs else (["sources: {}"], [])
    out.extend(source_lines)
    claims: list[str] = []
    skipped: list[str] = []
    taken: set[str] = set()
    figure_lines: list[str] = []
    figure_names: set[str] = set()
    for r, sid in zip(rs, source_ids):
        figures = _Figures(sid, figure_names)
        for f in r.findings:
            if f.figure is None:
                skipped.append(yaml_comment(f"#   {f.path}:{f.line}:{f.col} {f.phrase!r}"))
                continue
            claims.extend(_claim(f, _slug(f.phrase, taken), sid, figures))
        figure_lines.extend(figures.lines)
    out.append("figures:" if figure_lines else "figures: {}")
    out.extend(figure_lines)
    out.append("claims:" if claims else "claims: []")
    out.extend(claims)
    if skipped:
        out.append("# Numeric claims found but not in the figure language; add them by hand:")
        out.extend(skipped)
    return "\n".join(out) + "\n"
