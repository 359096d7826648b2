"""A generated newsroom archive for the archive tests: wire-style prose in three formats.

The prose is ``benchmarks/gen_prose.py``'s realistic mix (narrative, quotes, claims with
and without their evidence, about a quarter of the self-contained ones wrong on purpose);
each article is written as plain text, Markdown (a headline and paragraphs) or HTML (a
page with a headline and ``<p>`` paragraphs), in turn. A few files no scan can read are
added: bytes that are not UTF-8, and (at the end of the list) a path that does not exist.
"""

from __future__ import annotations

import html
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks"))

import gen_prose  # noqa: E402

HEADLINES = ("City budget under strain", "Arrests fall again", "Rents keep rising", "Hospital waits lengthen",
             "Turnout at a record low", "School enrolment slips")


def article(i: int, size: int) -> tuple[str, str]:
    """Article ``i``: its file suffix and its text."""
    prose = gen_prose.realistic(size, seed=1000 + i)
    paras = [p for p in prose.split("\n\n") if p.strip()]
    head = HEADLINES[i % len(HEADLINES)]
    kind = i % 3
    if kind == 0:
        return ".txt", prose
    if kind == 1:
        return ".md", f"# {head}\n\n" + "\n\n".join(paras) + "\n"
    body = "\n".join(f"  <p>{html.escape(p, quote=False)}</p>" for p in paras)
    return ".html", f"<!doctype html>\n<html><head><title>{head}</title></head>\n<body>\n<article>\n  <h1>{head}</h1>\n{body}\n</article>\n</body></html>\n"


def write_archive(folder: Path, n: int, size: int = 700, unreadable: tuple[int, ...] = ()) -> list[str]:
    """``n`` articles in ``folder`` (``art00000.txt``, ``art00001.md``…), the ones at the
    indices ``unreadable`` holding bytes that are not UTF-8; their names, sorted."""
    folder.mkdir(parents=True, exist_ok=True)
    names = []
    for i in range(n):
        suffix, text = article(i, size)
        name = f"art{i:05d}{suffix}"
        data = text.encode("utf-8")
        if i in unreadable:
            data = data[:40] + b"\xff\xfe" + data[40:]
        (folder / name).write_bytes(data)
        names.append(name)
    return sorted(names)
