"""``claimcheck archive summary``: what an archive's findings dataset comes to, read with pyarrow.

The counts by outcome (each verdict of a checked claim, ``needs-source``, and the files
that could not be scanned) and the worst offenders: the files with the most inaccurate
findings. Computed with pyarrow's own compute functions over the dataset, read batch by
batch and only in the three columns needed (``file``, ``status``, ``verdict``), so memory
holds one batch and one counter per file with a checked claim, whatever the archive's size.

pyarrow rather than DuckDB: the run already writes the dataset with pyarrow, so the
summary needs no second engine (nor its wheel) in the extra, and two group-bys are all it
asks. A desk that wants more questions of the dataset can point DuckDB, pandas or Spark at
the same folder; it is plain Parquet.

Each Parquet file says how many files its partition scanned and how many partitions the
run had (:func:`claimcheck.archive.table.facts`); the summary adds them up and says when a
part is missing.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.dataset as ds
import pyarrow.parquet as pq

from claimcheck.archive.table import ERROR, INTERNAL_ERROR, facts

#: The outcomes in the order the summary lists them.
OUTCOMES = ("accurate", "approximate", "inaccurate", "unverifiable", "needs-source", ERROR, INTERNAL_ERROR)


@dataclass(frozen=True, slots=True)
class Offender:
    """A file with inaccurate findings."""

    file: str
    inaccurate: int
    checked: int
    """Its checked findings (of any verdict)."""


@dataclass(frozen=True, slots=True)
class Summary:
    """An archive dataset, counted."""

    path: str
    files: int
    """Files the run scanned (from the parts' facts)."""
    partitions: int
    """Partitions the run had."""
    parts: int
    """Parquet files found in the dataset."""
    rows: int
    counts: dict[str, int] = field(default_factory=dict)
    """Rows by outcome, every name of :data:`OUTCOMES` present."""
    offenders: tuple[Offender, ...] = ()
    """The files with the most inaccurate findings, most first (ties by name)."""

    @property
    def complete(self) -> bool:
        return self.parts == self.partitions

    @property
    def findings(self) -> int:
        return self.rows - self.counts.get(ERROR, 0) - self.counts.get(INTERNAL_ERROR, 0)


class SummaryError(Exception):
    """The dataset cannot be read (the user's to fix: exit 2)."""


def summarize(path: str, top: int = 10) -> Summary:
    """Count the dataset at ``path`` and find its ``top`` worst offenders."""
    try:
        dataset = ds.dataset(path, format="parquet")
        paths = list(dataset.files)
        part_facts = [facts(pq.read_schema(p, filesystem=dataset.filesystem)) for p in paths]
    except (OSError, pa.ArrowInvalid) as e:
        raise SummaryError(f"cannot read {path} as a Parquet dataset: {e}") from None
    files = sum(f["files"] for f in part_facts if f)
    partitions = max((f["partitions"] for f in part_facts if f), default=0)
    counts: Counter[str] = Counter({k: 0 for k in OUTCOMES})
    inaccurate: Counter[str] = Counter()
    checked: Counter[str] = Counter()
    rows = 0
    try:
        batches = dataset.to_batches(columns=["file", "status", "verdict"])
        for batch in batches:
            rows += batch.num_rows
            t = pa.Table.from_batches([batch])
            # a checked row counts under its verdict, any other under its status
            outcome = pc.if_else(pc.equal(t["status"], "checked"), t["verdict"], t["status"])
            for row in pa.table({"o": outcome}).group_by("o").aggregate([("o", "count")]).to_pylist():
                counts[row["o"]] += row["o_count"]
            done = t.filter(pc.equal(t["status"], "checked"))
            if done.num_rows:
                flag = pc.cast(pc.fill_null(pc.equal(done["verdict"], "inaccurate"), False), pa.int64())
                per = pa.table({"file": done["file"], "bad": flag}).group_by("file").aggregate(
                    [("bad", "sum"), ("file", "count")])
                for row in per.to_pylist():
                    checked[row["file"]] += row["file_count"]
                    if row["bad_sum"]:
                        inaccurate[row["file"]] += row["bad_sum"]
    except (OSError, pa.ArrowInvalid) as e:
        raise SummaryError(f"cannot read {path}: {e}") from None
    worst = sorted(inaccurate.items(), key=lambda kv: (-kv[1], kv[0]))[: max(0, top)]
    return Summary(path, files, partitions, len(paths), rows, dict(counts),
                   tuple(Offender(f, n, checked[f]) for f, n in worst))
