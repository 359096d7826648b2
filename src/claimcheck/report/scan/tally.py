"""Counts of a scan run, kept as findings stream past, so no report needs them all."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from claimcheck.scan import Finding

#: A streaming report hands its text on in parts of about this many characters.
PART_SIZE = 1 << 16

OUTCOMES = ("accurate", "approximate", "inaccurate", "unverifiable", "needs-source")


def outcome(f: Finding) -> str:
    """A finding's verdict when it was checked, else ``needs-source``."""
    return f.verdict if f.status == "checked" and f.verdict else "needs-source"


class ScanTally:
    """Findings by outcome over the run, and over the file being read."""

    def __init__(self) -> None:
        self.files = 0
        self.invalid_files = 0
        self.counts = dict.fromkeys(OUTCOMES, 0)
        self.file_counts = dict.fromkeys(OUTCOMES, 0)

    def file(self, findings: Iterable[Finding], invalid: bool) -> Iterator[Finding]:
        """Count a file: its findings pass through, counted on the way."""
        self.files += 1
        self.invalid_files += invalid
        self.file_counts = dict.fromkeys(OUTCOMES, 0)
        for f in findings:
            key = outcome(f)
            self.counts[key] += 1
            self.file_counts[key] += 1
            yield f

    @property
    def checked(self) -> int:
        return sum(v for k, v in self.counts.items() if k != "needs-source")
