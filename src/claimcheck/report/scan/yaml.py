"""The claim-file scaffold ``claimcheck scan --emit-yaml FILE`` writes (the claim-file
format is described in README.md, "For fact-checkers").

Every numeric claim the scan found becomes a claim entry: its sentence as the
``statement``, its phrase as the ``figure``, and, for a self-contained claim, the raw
numbers as claim-local ``figures`` and the ``compute`` that checks them. A claim that
needs a source gets a commented ``compute:`` line to fill in. ``speaker`` is required
by the loader and unknown to the scan, so it is ``"TODO: speaker"`` for the
fact-checker to replace. The text loads with :mod:`claimcheck.loading` as it stands.

This module builds the text only; the CLI writes it (atomically, never over an existing
file without ``--force``) with :func:`claimcheck.writing.atomic_write`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable

from claimcheck.scan import Finding, ScanResult

#: A YAML double-quoted scalar is a superset of a JSON string, so json.dumps quotes safely.
_q = json.dumps

_ARGS = {"pct_change": ("old", "new"), "pp_change": ("old", "new"), "diff": ("old", "new"),
         "ratio": ("new", "old"), "share": ("part", "whole")}


def _slug(text: str, taken: set[str]) -> str:
    base = re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40].strip("-") or "claim"
    slug, n = base, 2
    while slug in taken:
        slug = f"{base}-{n}"
        n += 1
    taken.add(slug)
    return slug


def _claim(f: Finding, cid: str) -> list[str]:
    lines = [
        f"  - id: {cid}",
        f"    # {f.path}:{f.line}:{f.col}",
        '    speaker: "TODO: speaker"',
        f"    statement: {_q(f.sentence[:500])}",
        f"    figure: {_q(f.figure_text or f.phrase)}",
    ]
    if f.status == "checked" and f.compute:
        m = re.fullmatch(r"(\w+)\((.*), (.*)\)", f.compute)
        if m and m.group(1) in _ARGS and len(f.inputs) == 2:
            first, second = _ARGS[m.group(1)]
            # The scan's inputs are (old, new) or (part, whole); ratio() takes new first.
            written = dict(zip(("old", "new") if m.group(1) != "share" else ("part", "whole"), f.inputs))
            lines.append(f"    figures: {{{', '.join(f'{k}: {_q(v)}' for k, v in written.items())}}}")
            lines.append(f"    compute: {m.group(1)}({first}, {second})")
        else:
            lines.append(f"    compute: {f.compute}")
        lines.append(f"    # scan: {f.verdict}" + (f" — {f.arithmetic}" if f.arithmetic else ""))
    else:
        lines.append("    # compute: TODO — add the raw figures under figures: and recompute the claim")
        lines.append("    # source: TODO — the id of a source under sources:")
    return lines


def scaffold_yaml(results: Iterable[ScanResult], *, title: str | None = None) -> str:
    """A claim file with one claim per finding whose figure parses; findings whose
    phrase is not a figure the language reads are listed as comments."""
    rs = list(results)
    paths = ", ".join(r.path for r in rs)
    out = [
        "# yaml-language-server: $schema=claimfile.schema.json",
        f"# Scaffold from `claimcheck scan {paths}`: replace every TODO, then run",
        "# `claimcheck verify` on this file.",
        f"title: {_q(title or 'TODO: title of the story (' + paths + ')')}",
        "sources: {}",
        "figures: {}",
    ]
    claims: list[str] = []
    skipped: list[str] = []
    taken: set[str] = set()
    for r in rs:
        for f in r.findings:
            if f.figure is None:
                skipped.append(f"#   {f.path}:{f.line}:{f.col} {f.phrase!r}")
                continue
            claims.extend(_claim(f, _slug(f.phrase, taken)))
    out.append("claims:" if claims else "claims: []")
    out.extend(claims)
    if skipped:
        out.append("# Numeric claims found but not in the figure language; add them by hand:")
        out.extend(line.replace("\n", " ") for line in skipped)
    return "\n".join(out) + "\n"
