"""``claimcheck archive``: a newsroom's whole archive scanned on Dask, the findings in Parquet.

An archive is many small articles, each scanned on its own, so the work is a map over
files: a Dask bag of the article paths (:mod:`~claimcheck.archive.job`), each partition
scanned by :func:`claimcheck.api.scan_file` on a worker and written there as one Parquet
file of the dataset (:mod:`~claimcheck.archive.partition`, whose columns
:mod:`~claimcheck.archive.table` defines). Dask's local process scheduler is the default;
an address (``tcp://host:8786``) runs the same graph on a cluster. :mod:`~claimcheck.archive.summary`
reads the dataset back with pyarrow.

Dask and pyarrow come with the optional ``archive`` extra and are imported only by the
modules of this package that need them; this module imports neither, so the command line
can say how to install them (:func:`missing`) without paying for them.
"""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Sequence

#: What to run when the extra is not installed.
INSTALL = 'pip install "claimcheck[archive]"'

#: The packages the extra brings.
NEEDS = ("dask", "distributed", "pyarrow")

#: The suffixes of the articles searched for in a folder (lower case): text, Markdown, HTML.
ARTICLE_SUFFIXES = (".txt", ".text", ".md", ".markdown", ".mdown", ".mkd", ".html", ".htm", ".xhtml")


def missing(*, cluster: bool = False) -> list[str]:
    """The packages of the extra that are not installed (``distributed`` only matters
    with ``cluster``). Found, not imported: a usage error is answered at once."""
    out = []
    for name in NEEDS:
        if name == "distributed" and not cluster:
            continue
        try:
            found = importlib.util.find_spec(name) is not None
        except (ImportError, ValueError):
            found = False
        if not found:
            out.append(name)
    return out


def find_articles(paths: Sequence[str]) -> list[str]:
    """The files an archive run reads, in a stable order: a file as given (whatever its
    name: it is read and, if it cannot be, reported); a folder searched, recursively and
    in sorted order, for files with an :data:`ARTICLE_SUFFIXES` suffix, skipping hidden
    files and folders (names starting with a dot). A path that does not exist stays in
    the list, so its row says so. Each file is listed once."""
    out: list[str] = []
    seen: set[str] = set()

    def add(p: str) -> None:
        if p not in seen:
            seen.add(p)
            out.append(p)

    for raw in paths:
        if not os.path.isdir(raw):
            add(raw)
            continue
        for root, dirs, files in os.walk(raw):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            for name in sorted(files):
                if not name.startswith(".") and name.lower().endswith(ARTICLE_SUFFIXES):
                    add(os.path.join(root, name))
    return out
