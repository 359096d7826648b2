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
