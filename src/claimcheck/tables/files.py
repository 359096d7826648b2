"""A table's path as written in a claim file → the one regular file it may name, hashed.

A claim file runs in CI, so the path it gives may not lead anywhere the claim file's own
folder does not hold: no absolute path, no ``..`` (the model refuses both as written) and
no symbolic link whose target lies outside the folder; only a regular file, at most
:attr:`Limits.max_bytes` long. The SHA-256 of its bytes is the table's fingerprint in
every report and in the cache's key.
"""

from __future__ import annotations

import hashlib
import os
import stat
from dataclasses import dataclass
from pathlib import Path

#: A table larger than this is refused unless ``CLAIMCHECK_TABLE_MAX_MB`` raises it.
DEFAULT_MAX_BYTES = 256 * 1024 * 1024
#: A query (or a table's load) running longer than this is interrupted, unless
#: ``CLAIMCHECK_QUERY_SECONDS`` says otherwise.
DEFAULT_QUERY_SECONDS = 10.0
#: Loading a table (reading and typing its columns: our own queries, bounded by the size
#: cap) gets this many query budgets.
LOAD_BUDGETS = 30


class TableError(Exception):
    """Why a table cannot be read; the caller locates it in the claim file."""


@dataclass(frozen=True, slots=True)
class Limits:
    """How big a table may be and how long one query may run."""

    max_bytes: int = DEFAULT_MAX_BYTES
    query_seconds: float = DEFAULT_QUERY_SECONDS

    @classmethod
    def from_env(cls) -> Limits:
        """The defaults, or what ``CLAIMCHECK_TABLE_MAX_MB`` and
        ``CLAIMCHECK_QUERY_SECONDS`` set (ignored unless positive numbers)."""
        out = cls()
        mb = _positive(os.environ.get("CLAIMCHECK_TABLE_MAX_MB"))
        secs = _positive(os.environ.get("CLAIMCHECK_QUERY_SECONDS"))
        return cls(int(mb * 1024 * 1024) if mb else out.max_bytes, secs or out.query_seconds)


def _positive(text: str | None) -> float | None:
    try:
        x = float(text) if text else None  # a setting, never a figure
    except ValueError:
        return None
    return x if x is not None and 0 < x < 1e9 else None


@dataclass(frozen=True, slots=True)
class TableFile:
    """One table a claim file reads: where it really is, and its fingerprint."""

    written: str  # as the claim file gives it, relative to the claim file's folder
    real: Path
    sha256: str
    size: int
    mtime_ns: int

    def unchanged(self) -> bool:
        """Whether the file still has the size and time it had when it was hashed."""
        try:
            st = os.stat(self.real)
        except OSError:
            return False
        return st.st_size == self.size and st.st_mtime_ns == self.mtime_ns


def locate(folder: Path, written: str, limits: Limits) -> TableFile:
    """The file ``written`` names inside ``folder``, checked and hashed; raises
    :class:`TableError` when it is missing, leads out, is not a regular file or is too big."""
    base = folder.resolve()
    target = base / written
    if not os.path.lexists(target):
        raise TableError(f"table '{written}' not found (looked in {base})")
    real = target.resolve()
    if not real.is_relative_to(base):
        raise TableError(f"table '{written}' leads out of the claim file's folder (to {real}); keep tables inside it")
    try:
        st = os.stat(real)
    except OSError as e:
        raise TableError(f"table '{written}' cannot be read: {e.strerror or e}") from None
    if not stat.S_ISREG(st.st_mode):
        raise TableError(f"table '{written}' is not a regular file")
    if st.st_size > limits.max_bytes:
        raise TableError(
            f"table '{written}' is {st.st_size:,} bytes, over the limit of {limits.max_bytes:,} "
            "(CLAIMCHECK_TABLE_MAX_MB raises it)"
        )
    digest = hashlib.sha256()
    try:
        with open(real, "rb") as f:
            for block in iter(lambda: f.read(1 << 20), b""):
                digest.update(block)
    except OSError as e:
        raise TableError(f"table '{written}' cannot be read: {e.strerror or e}") from None
    return TableFile(written, real, digest.hexdigest(), st.st_size, st.st_mtime_ns)
