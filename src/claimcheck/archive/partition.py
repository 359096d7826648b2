"""What a Dask worker does with one partition of the archive: scan its files, write its part.

A partition is a list of ``(index, name, path)``: the file's place in the run's list, the
path as the user gave it (what the rows say) and the path the worker opens (absolute). Each file is scanned by :func:`claimcheck.api.scan_file`; a file that
cannot be read is a row with its problem, and a file whose scan raises (a bug) is a row
with the exception's one-line description, so no file and no partition is ever lost to
one article. The partition's rows are written as one Parquet file named after its first
index (``part-00000200.parquet``), so the dataset's files sort in the order of the
articles; the write goes to a temporary name first and is renamed into place, so a worker
killed mid-write leaves no half file, and a partition run again (after a worker is lost)
writes the same rows under the same name.

What comes back is a :class:`PartDone`: counts only, never the rows. The same counts are
in the part's schema metadata (:func:`claimcheck.archive.table.facts`), so a driver on a
cluster can read them from the file and never has to fetch a result from a worker (which
may have died since).
"""

from __future__ import annotations

import os
import uuid
from dataclasses import asdict, dataclass

import pyarrow.parquet as pq

from claimcheck.api import ProblemRecord, ScanRecord, scan_file
from claimcheck.archive.table import ERROR, INTERNAL_ERROR, rows, table

#: Suffix of a part being written; the run removes any a killed worker left.
TMP_SUFFIX = ".tmp"


@dataclass(frozen=True, slots=True)
class PartDone:
    """A partition written: what the run counts and the progress line shows."""

    part: str
    """The Parquet file's name in the dataset."""
    files: int
    findings: int
    inaccurate: int
    errors: int
    """Files that could not be read."""
    internal: int
    """Files whose scan hit a bug in claimcheck."""
    peak_rss_kib: int
    """The worker process's peak resident memory so far (0 where the OS does not say)."""
    pid: int
    """The worker process that wrote it."""

    def as_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def of(cls, facts: dict) -> PartDone:
        """The counts as a part's facts give them."""
        return cls(**{k: facts[k] for k in cls.__dataclass_fields__})


def part_name(first: int) -> str:
    return f"part-{first:08d}.parquet"


def _peak_rss_kib() -> int:
    try:
        import resource
    except ImportError:  # not on Windows
        return 0
    return int(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)  # KiB on Linux


def scan_partition(items: list[tuple[int, str, str]], out_dir: str, partitions: int,
                   input_format: str | None = None) -> list[dict]:
    """Scan the partition's files and write its part into ``out_dir``; the
    :class:`PartDone` as a dict, in a list (a bag partition is a sequence)."""
    items = list(items)
    first = items[0][0] if items else 0
    out: list[dict] = []
    errors = internal = findings = inaccurate = 0
    for _, path, where in items:
        status = ERROR
        try:
            record = scan_file(where, input_format, name=path)  # type: ignore[arg-type]
        except Exception as e:  # noqa: BLE001 - one article's bug is that article's row
            status = INTERNAL_ERROR
            internal += 1
            message = f"internal error: {type(e).__name__}: {e} (a bug in claimcheck)"
            record = ScanRecord(path, None, (), (ProblemRecord(path, 1, 1, " ".join(message.split())),))
        else:
            errors += bool(record.problems)
            findings += len(record.findings)
            inaccurate += sum(f.verdict == "inaccurate" for f in record.findings)
        out.extend(rows(record, status))
    name = part_name(first)
    done = PartDone(name, len(items), findings, inaccurate, errors, internal, _peak_rss_kib(), os.getpid())
    tmp = os.path.join(out_dir, f"{name}.{uuid.uuid4().hex}{TMP_SUFFIX}")
    pq.write_table(table(out, first=first, partitions=partitions, **done.as_dict()), tmp)
    os.replace(tmp, os.path.join(out_dir, name))
    return [done.as_dict()]
