"""Writing files so that a reader never sees half of one (a report or scaffold cut off by a
full disk, a crash or a second run writing at the same time).

:func:`atomic_write` is the only way claimcheck writes a file (``-o report.xml``,
``claimcheck new``): the data goes to a temporary file in the target's folder, is
flushed and fsynced, takes the old file's permission bits, and only then replaces the
target with one :func:`os.replace` — atomic on POSIX and Windows within one file system,
which is why the temporary file lives beside the target and not in /tmp. On any failure
the old file is untouched and the temporary file is removed.

Whether a file may be overwritten at all (``--force``) is the caller's decision.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path


def _default_mode() -> int:
    """The mode a new file gets from ``open()``: 0o666 less the umask.

    The umask can only be read by setting it; the two calls are back to back, and
    claimcheck writes from one thread.
    """
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def atomic_write(path: str | os.PathLike[str], data: str | Iterable[str], *, encoding: str = "utf-8") -> None:
    """Write ``data`` (a text, or its parts) to ``path`` atomically.

    The text is written exactly (no newline translation). An existing file keeps its
    permission bits; a new one gets the default mode (0o666 less the umask). When
    ``path`` is a symbolic link, the file it points to is replaced and the link kept.
    Raises what the write raises (``OSError``, ``UnicodeEncodeError``); the old file is
    then byte-identical and no temporary file remains.
    """
    target = Path(os.path.realpath(path))
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        mode = _default_mode()
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding=encoding, newline="") as f:
            if isinstance(data, str):
                f.write(data)
            else:
                f.writelines(data)
            f.flush()
            os.fsync(f.fileno())
        # mkstemp creates the file 0o600; give it the mode the target has or would get.
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    _fsync_dir(target.parent)


def _fsync_dir(folder: Path) -> None:
    """Make the rename itself durable; best effort (not possible on Windows)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
