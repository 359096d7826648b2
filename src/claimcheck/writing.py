"""Writing files so that a reader never sees half of one (a report or scaffold cut off by a
full disk, a crash or a second run writing at the same time), a device or pipe is never
replaced by a file, and no character can make a write fail.

:func:`atomic_write` is the only way claimcheck writes a file (``-o report.xml``,
``claimcheck new``, ``--emit-yaml``). What it does depends on what the path names
(a symbolic link is followed; the link is kept):

* **a regular file, or nothing yet**: the data goes to a temporary file in the target's
  folder, is flushed and fsynced, takes the old file's permission bits and owner, and
  only then replaces the target with one :func:`os.replace` — atomic on POSIX and Windows
  within one file system, which is why the temporary file lives beside the target and
  not in /tmp. On any failure the old file is untouched and the temporary file is
  removed. A file nobody may write (no write bit: ``chmod 444``) is refused, even for
  root, and so is one whose owner the replacement could not keep: replacing it would
  undo the permissions someone set on purpose.
* **a FIFO or a character device** (``/dev/null``, ``/dev/stdout`` on a pipe or a
  terminal, a shell's ``>(…)``): written through, as the shell's ``>`` would, and never
  replaced (run as root, the rename used to turn ``/dev/null`` into a regular file).
* **a folder, a block device, a socket**: refused.

Errors are raised as :class:`OSError` with a ``strerror`` a person can act on; a symbolic
link loop is ``ELOOP`` ("too many levels of symbolic links").

Text is encoded with :data:`ENCODE_ERRORS`, the error handler every output of claimcheck
uses (standard output too, see :func:`claimcheck.cli.app.configure_stdout`): a character the
encoding cannot hold degrades, it never stops the write. A byte of a file name that was
not UTF-8 (Python carries it as a lone surrogate, U+DC80–U+DCFF) becomes U+FFFD, the
replacement character, as a UTF-8 decoder shows a bad byte; any other character the
encoding lacks is written as a ``\\uXXXX`` escape (a pair of them beyond U+FFFF), which a
JSON reader decodes back to the character itself.

Whether a file may be overwritten at all (``--force``) is the caller's decision.
"""

from __future__ import annotations

import codecs
import errno
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path

#: The codec error handler of every output: unencodable characters degrade (see above).
ENCODE_ERRORS = "claimcheck.degrade"
#: The same, but a file name's undecodable bytes are written back as the raw bytes they
#: were (for a stream the user opened with ``surrogateescape``).
ENCODE_ERRORS_RAW = "claimcheck.degrade-raw"

REPLACEMENT = "\ufffd"


def _escape(ch: str) -> str:
    cp = ord(ch)
    if cp > 0xFFFF:
        cp -= 0x10000
        return f"\\u{0xD800 + (cp >> 10):04x}\\u{0xDC00 + (cp & 0x3FF):04x}"
    return f"\\u{cp:04x}"


def _encodable(ch: str, encoding: str) -> bool:
    try:
        ch.encode(encoding)
    except (UnicodeEncodeError, LookupError):
        return False
    return True


def degraded(ch: str, encoding: str) -> str:
    """What :data:`ENCODE_ERRORS` writes for a character ``encoding`` cannot hold."""
    if 0xDC80 <= ord(ch) <= 0xDCFF:
        return REPLACEMENT if _encodable(REPLACEMENT, encoding) else _escape(REPLACEMENT)
    return _escape(ch)


def _bytes_in(text: str, encoding: str) -> bytes:
    """``text`` encoded as a codec's encoder writes it mid-stream: no byte-order mark
    (the codecs take only ASCII text back from an error handler; anything else must be
    handed back as bytes)."""
    name = codecs.lookup(encoding).name
    if name in ("utf-16", "utf-32"):
        name += "-le" if sys.byteorder == "little" else "-be"
    elif name == "utf-8-sig":
        name = "utf-8"
    return text.encode(name)


def _degrade(exc: UnicodeError) -> tuple[bytes, int]:
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    bad = exc.object[exc.start : exc.end]
    return _bytes_in("".join(degraded(ch, exc.encoding) for ch in bad), exc.encoding), exc.end


def _degrade_raw(exc: UnicodeError) -> tuple[bytes, int]:
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    cp = ord(exc.object[exc.start])
    if 0xDC80 <= cp <= 0xDCFF:
        return bytes([cp - 0xDC00]), exc.start + 1
    return _bytes_in(degraded(exc.object[exc.start], exc.encoding), exc.encoding), exc.start + 1


codecs.register_error(ENCODE_ERRORS, _degrade)
codecs.register_error(ENCODE_ERRORS_RAW, _degrade_raw)


def _default_mode() -> int:
    """The mode a new file gets from ``open()``: 0o666 less the umask.

    The umask can only be read by setting it; the two calls are back to back, and
    claimcheck writes from one thread.
    """
    mask = os.umask(0o022)
    os.umask(mask)
    return 0o666 & ~mask


def _refuse(code: int, reason: str, path: str | os.PathLike[str]) -> OSError:
    return OSError(code, reason, str(path))


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISBLK(mode):
        return "block device"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "special file"


def atomic_write(path: str | os.PathLike[str], data: str | Iterable[str], *, encoding: str = "utf-8",
                 errors: str = ENCODE_ERRORS) -> None:
    """Write ``data`` (a text, or its parts, encoded a part at a time so that a long
    report is never held whole) to ``path``: atomically for a regular file, through for
    a FIFO or a character device (see the module's docstring).

    The text is written exactly (no newline translation). An existing file keeps its
    permission bits and owner; a new one gets the default mode (0o666 less the umask).
    When ``path`` is a symbolic link, what it points to is written and the link kept.
    Raises what the write raises (``OSError``, or ``UnicodeEncodeError`` with
    ``errors="strict"``); the old file is then byte-identical and no temporary file
    remains.
    """
    payload = _encoded(data, encoding, errors)
    try:
        st: os.stat_result | None = os.stat(path)  # follows links; ELOOP for a loop
    except FileNotFoundError:
        st = None
    if st is not None and not stat.S_ISREG(st.st_mode):
        if stat.S_ISFIFO(st.st_mode) or stat.S_ISCHR(st.st_mode):
            _write_through(path, payload)
            return
        if stat.S_ISDIR(st.st_mode):
            raise _refuse(errno.EISDIR, "is a folder; give a file name", path)
        raise _refuse(errno.EPERM, f"is a {_kind(st.st_mode)}; refusing to write over it", path)
    target = Path(os.path.realpath(path))
    if st is not None:
        if not st.st_mode & 0o222:
            raise _refuse(errno.EACCES, "the file is read-only; make it writable (chmod u+w) or write elsewhere", path)
        if not os.access(target, os.W_OK):
            raise _refuse(errno.EACCES, "permission denied (the file is not writable for you)", path)
        mode = stat.S_IMODE(st.st_mode)
    else:
        mode = _default_mode()
    import tempfile  # here: the CLI imports this module for ENCODE_ERRORS on every run

    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            for chunk in payload:
                f.write(chunk)
            f.flush()
            os.fsync(f.fileno())
        # mkstemp creates the file 0o600; give it the mode the target has or would get.
        os.chmod(tmp, mode)
        if st is not None:
            _keep_owner(tmp, st, path)
        os.replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise
    _fsync_dir(target.parent)


def _encoded(data: str | Iterable[str], encoding: str, errors: str) -> Iterator[bytes]:
    """``data`` encoded, a part at a time (one encoder, so a byte-order mark comes once)."""
    if isinstance(data, str):
        yield data.encode(encoding, errors)
        return
    encoder = codecs.getincrementalencoder(encoding)(errors)
    for part in data:
        chunk = encoder.encode(part)
        if chunk:
            yield chunk
    tail = encoder.encode("", final=True)
    if tail:
        yield tail


def _keep_owner(tmp: str, st: os.stat_result, path: str | os.PathLike[str]) -> None:
    """Give the replacement the old file's owner and group, or refuse to replace it."""
    if not hasattr(os, "chown"):
        return
    mine = os.stat(tmp)
    if (mine.st_uid, mine.st_gid) == (st.st_uid, st.st_gid):
        return
    try:
        os.chown(tmp, st.st_uid, st.st_gid)
    except PermissionError:
        raise _refuse(errno.EPERM, "the file belongs to another user or group, and replacing it would change that; "
                      "write elsewhere", path) from None


def _write_through(path: str | os.PathLike[str], payload: Iterable[bytes]) -> None:
    """Write into a FIFO or character device as ``>`` does: open (blocking until a FIFO
    has a reader), write everything, close. Never created, truncated or replaced."""
    flags = os.O_WRONLY | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)
    fd = os.open(path, flags)
    try:
        mode = os.fstat(fd).st_mode
        if not (stat.S_ISFIFO(mode) or stat.S_ISCHR(mode)):
            # Swapped for something else between the stat and the open.
            raise _refuse(errno.EAGAIN, "changed while being opened; try again", path)
        for chunk in payload:
            view = memoryview(chunk)
            while view:
                view = view[os.write(fd, view):]
    finally:
        os.close(fd)


def real_path(path: str | os.PathLike[str]) -> Path:
    """``path`` with every symbolic link resolved, as :func:`os.path.realpath` gives it,
    but a link loop raises ``OSError(ELOOP)`` instead of being returned unresolved
    (``Path.resolve`` raised RuntimeError on Python 3.11)."""
    real = os.path.realpath(path)
    if os.path.islink(real):
        raise _refuse(errno.ELOOP, os.strerror(errno.ELOOP).lower() + " (a symbolic link loop)", path)
    try:
        os.stat(real)
    except OSError as e:
        if e.errno == errno.ELOOP:
            raise _refuse(errno.ELOOP, os.strerror(errno.ELOOP).lower() + " (a symbolic link loop)", path) from None
    return Path(real)


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
