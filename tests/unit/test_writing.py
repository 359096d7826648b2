"""atomic_write: the old file survives any failure, no temp file is left (BAD_INPUTS 29)."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from claimcheck import writing
from claimcheck.writing import atomic_write


def listing(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_writes_new_file_exactly(tmp_path: Path) -> None:
    target = tmp_path / "report.xml"
    atomic_write(target, "line one\r\nline two\n−19.12%")
    assert target.read_bytes() == "line one\r\nline two\n−19.12%".encode("utf-8")
    assert listing(tmp_path) == ["report.xml"]


def test_replaces_existing_file(tmp_path: Path) -> None:
    target = tmp_path / "report.xml"
    target.write_text("old")
    atomic_write(str(target), "new")
    assert target.read_text() == "new"
    assert listing(tmp_path) == ["report.xml"]


def test_failure_in_fsync_leaves_old_file_and_no_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "report.xml"
    target.write_bytes(b"<old report/>\n")

    def crash(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(writing.os, "fsync", crash)
    with pytest.raises(OSError, match="No space left"):
        atomic_write(target, "<new report>" * 1000)
    assert target.read_bytes() == b"<old report/>\n"
    assert listing(tmp_path) == ["report.xml"]


def test_failure_half_way_through_the_write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A crash after part of the data is written: the partial temp file must not replace
    # the report (click's atomic write did, BAD_INPUTS row 29).
    target = tmp_path / "report.xml"
    target.write_bytes(b"previous")
    real_fdopen = os.fdopen

    class HalfWriter:
        def __init__(self, f) -> None:
            self.f = f

        def __enter__(self):
            return self

        def __exit__(self, *exc) -> None:
            self.f.close()

        def write(self, data: str) -> int:
            self.f.write(data[: len(data) // 2])
            self.f.flush()
            raise KeyboardInterrupt  # even an interrupt cleans up

        def __getattr__(self, name):
            return getattr(self.f, name)

    monkeypatch.setattr(writing.os, "fdopen", lambda *a, **k: HalfWriter(real_fdopen(*a, **k)))
    with pytest.raises(KeyboardInterrupt):
        atomic_write(target, "x" * 10_000)
    assert target.read_bytes() == b"previous"
    assert listing(tmp_path) == ["report.xml"]


def test_unencodable_text_leaves_old_file(tmp_path: Path) -> None:
    # With a strict encoding; the default degrades instead (test_a_lone_surrogate_degrades).
    target = tmp_path / "report.txt"
    target.write_text("old")
    with pytest.raises(UnicodeEncodeError):
        atomic_write(target, "ok then a lone surrogate \ud800", encoding="utf-8", errors="strict")
    assert target.read_text() == "old"
    assert listing(tmp_path) == ["report.txt"]


def test_failed_replace_leaves_no_temp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "report.xml"
    target.write_text("old")

    def refuse(src, dst) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(writing.os, "replace", refuse)
    with pytest.raises(PermissionError):
        atomic_write(target, "new")
    assert target.read_text() == "old"
    assert listing(tmp_path) == ["report.xml"]


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_existing_mode_is_kept(tmp_path: Path) -> None:
    target = tmp_path / "report.xml"
    target.write_text("old")
    os.chmod(target, 0o640)
    atomic_write(target, "new")
    assert stat.S_IMODE(target.stat().st_mode) == 0o640
    os.chmod(target, 0o755)
    atomic_write(target, "newer")
    assert stat.S_IMODE(target.stat().st_mode) == 0o755


@pytest.mark.skipif(os.name != "posix", reason="POSIX permission bits")
def test_new_file_gets_the_umask_mode(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        atomic_write(tmp_path / "a.txt", "x")
        # 0o666 less umask 0o027 = 0o640 (not mkstemp's 0o600).
        assert stat.S_IMODE((tmp_path / "a.txt").stat().st_mode) == 0o640
    finally:
        os.umask(old)


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_symlink_target_is_replaced_and_link_kept(tmp_path: Path) -> None:
    real = tmp_path / "real.xml"
    real.write_text("old")
    link = tmp_path / "link.xml"
    link.symlink_to(real)
    atomic_write(link, "new")
    assert link.is_symlink() and real.read_text() == "new"


def test_missing_folder_raises_and_creates_nothing(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        atomic_write(tmp_path / "no" / "such" / "report.xml", "x")
    assert listing(tmp_path) == []


# --- issue 19: what the path names decides how it is written --------------------------------


def test_a_lone_surrogate_degrades(tmp_path: Path) -> None:
    # A byte of a file name that is not UTF-8 (U+DCE9 for 0xE9) is written as U+FFFD; any
    # other surrogate as a \uXXXX escape. Was UnicodeEncodeError: exit 3.
    target = tmp_path / "report.txt"
    atomic_write(target, "caf\udce9 \ud800")
    assert target.read_bytes() == "caf\ufffd \\ud800".encode("utf-8")


@pytest.mark.skipif(os.name != "posix", reason="FIFOs")
def test_a_fifo_is_written_through_and_kept(tmp_path: Path) -> None:
    import threading

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    got: list[bytes] = []

    def read() -> None:
        with open(fifo, "rb") as fh:  # blocks until the writer opens
            got.append(fh.read())

    reader = threading.Thread(target=read)
    reader.start()
    atomic_write(fifo, "through −19.12%\n")
    reader.join(10)
    assert got == ["through −19.12%\n".encode("utf-8")]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert listing(tmp_path) == ["pipe"]


@pytest.mark.skipif(os.name != "posix", reason="permission bits")
@pytest.mark.parametrize("mode", [0o444, 0o400, 0o555])
def test_a_read_only_file_is_refused_even_for_root(tmp_path: Path, mode: int) -> None:
    target = tmp_path / "report.xml"
    target.write_text("old")
    target.chmod(mode)
    with pytest.raises(PermissionError, match="read-only"):
        atomic_write(target, "new")
    assert target.read_text() == "old" and stat.S_IMODE(target.stat().st_mode) == mode
    assert listing(tmp_path) == ["report.xml"]


@pytest.mark.skipif(not hasattr(os, "chown"), reason="owners")
def test_an_owner_that_cannot_be_kept_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # As a user who may write the file (group-writable) but not give files away.
    target = tmp_path / "report.xml"
    target.write_text("old")
    real_stat = os.stat
    theirs = real_stat(target)

    def stat_of(path, *a, **k):  # noqa: ANN001, ANN202
        st = real_stat(path, *a, **k)
        if Path(path) == target:
            return os.stat_result((st.st_mode, st.st_ino, st.st_dev, st.st_nlink, theirs.st_uid + 1, st.st_gid,
                                   st.st_size, st.st_atime, st.st_mtime, st.st_ctime))
        return st

    def chown(*a, **k) -> None:  # noqa: ANN002, ANN003
        raise PermissionError(1, "Operation not permitted")

    monkeypatch.setattr(writing.os, "stat", stat_of)
    monkeypatch.setattr(writing.os, "chown", chown)
    with pytest.raises(OSError, match="belongs to another user"):
        atomic_write(target, "new")
    assert target.read_text() == "old"
    assert listing(tmp_path) == ["report.xml"]


def test_a_folder_is_refused(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()
    with pytest.raises(IsADirectoryError):
        atomic_write(tmp_path / "out", "x")
    assert listing(tmp_path) == ["out"] and listing(tmp_path / "out") == []


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_a_link_loop_is_eloop(tmp_path: Path) -> None:
    import errno

    (tmp_path / "loop").symlink_to("loop")
    with pytest.raises(OSError) as caught:
        atomic_write(tmp_path / "loop", "x")
    assert caught.value.errno == errno.ELOOP
    with pytest.raises(OSError) as caught:
        writing.real_path(tmp_path / "loop" / "x.yaml")
    assert caught.value.errno == errno.ELOOP
    assert listing(tmp_path) == ["loop"]


@pytest.mark.skipif(os.name != "posix", reason="symbolic links")
def test_a_dangling_link_creates_its_target_and_keeps_the_link(tmp_path: Path) -> None:
    (tmp_path / "link.xml").symlink_to("made.xml")
    atomic_write(tmp_path / "link.xml", "new")
    assert (tmp_path / "link.xml").is_symlink() and (tmp_path / "made.xml").read_text() == "new"


@pytest.mark.parametrize("encoding, text, expected", [
    ("ascii", "\u2014 \u00e9 \U0001F4C9", b"\\u2014 \\u00e9 \\ud83d\\udcc9"),  # escapes a JSON reader decodes
    ("cp1252", "\u2014 \u2500", b"\x97 \\u2500"),  # cp1252 has the dash (0x97), not the box line
    ("latin-1", "caf\udce9", b"caf\\ufffd"),  # U+FFFD itself is not Latin-1
    ("utf-16-le", "caf\udce9", "caf\ufffd".encode("utf-16-le")),  # no byte-order mark mid-stream
])
def test_the_degrade_handler_by_hand(encoding: str, text: str, expected: bytes) -> None:
    assert text.encode(encoding, writing.ENCODE_ERRORS) == expected


def test_the_raw_handler_gives_a_names_bytes_back() -> None:
    assert "caf\udce9 \u2014".encode("ascii", writing.ENCODE_ERRORS_RAW) == b"caf\xe9 \\u2014"
