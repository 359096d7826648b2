"""A hostile environment, through the real command line (issue 19: items 1, 3, 5, 6, 9, 10
and parts of 12; the README's "What claimcheck promises on bad input").

Each test reproduces a defect an attack on claimcheck found; each failed before the fix
(exit 3, exit 0 hiding a failure, a device replaced by a file, a worker left behind).
Nothing here touches a real system device: FIFOs and device nodes are made with
``os.mkfifo``/``os.mknod`` inside the test's own folder (skipped where that is not
permitted); a full disk is ``/dev/full`` opened for the child's standard output, which
reads and replaces nothing.
"""

from __future__ import annotations

import json
import os
import re
import select
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from clirun import FAILING, GOOD, HANG_GUARD, claimcheck, clean_env, snapshot

ROOT = Path(__file__).resolve().parents[2]
LOCATED = re.compile(r"^(?P<path>[^\n]+?):(?P<line>\d+):(?P<col>\d+): error: (?P<msg>\S.*)$")
ANSI = re.compile(r"\x1b\[[0-9;]*m")

posix_only = pytest.mark.skipif(os.name != "posix", reason="POSIX files, signals and permissions")


def raw(*args: str, cwd: Path, env: dict[str, str] | None = None, **popen) -> subprocess.CompletedProcess:  # noqa: ANN003
    """The command with its stdout as bytes (an encoding test decodes them itself)."""
    popen.setdefault("stdout", subprocess.PIPE)
    proc = subprocess.run([sys.executable, "-m", "claimcheck", *args], cwd=cwd, env=env or clean_env(),
                          stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, timeout=HANG_GUARD, **popen)
    assert b"Traceback" not in proc.stderr, proc.stderr
    return proc


def err_lines(proc: subprocess.CompletedProcess) -> list[str]:
    return [line for line in proc.stderr.decode("utf-8", "replace").split("\n") if line]


def two_files(folder: Path) -> None:
    (folder / "good.yaml").write_text(GOOD, encoding="utf-8")
    (folder / "failing.yaml").write_text(FAILING, encoding="utf-8")


def mknod_or_skip(path: Path, major: int, minor: int) -> None:
    """A character device node in the test's folder (1,3 is the null device, 1,7 the full
    one), or skip where the system does not let us make one."""
    if not hasattr(os, "mknod"):
        pytest.skip("no os.mknod here")
    try:
        os.mknod(path, 0o600 | stat.S_IFCHR, os.makedev(major, minor))
    except (PermissionError, OSError) as e:
        pytest.skip(f"mknod not permitted here: {e}")


# --- item 1: -o never replaces a FIFO, a device or a read-only file -------------------------


class FifoReader:
    """The reading end of a FIFO, opened before the writer (non-blocking, so opening
    cannot hang), read to end of file with a deadline."""

    def __init__(self, path: Path) -> None:
        self.fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK)

    def read_all(self, deadline: float) -> bytes | None:
        chunks: list[bytes] = []
        seen_writer = False
        end = time.monotonic() + deadline
        while time.monotonic() < end:
            ready, _, _ = select.select([self.fd], [], [], 0.1)
            if not ready:
                continue
            data = os.read(self.fd, 65536)
            if data:
                seen_writer = True
                chunks.append(data)
            elif seen_writer:
                return b"".join(chunks)
            else:
                time.sleep(0.05)  # no writer yet: EOF until one opens
        return None

    def close(self) -> None:
        os.close(self.fd)


@posix_only
def test_o_writes_through_a_fifo_and_keeps_it(tmp_path: Path) -> None:
    # Was: the FIFO replaced by a regular file holding the report; a reader never got it.
    two_files(tmp_path)
    fifo = tmp_path / "report.fifo"
    os.mkfifo(fifo)
    reader = FifoReader(fifo)
    try:
        proc = subprocess.Popen([sys.executable, "-m", "claimcheck", "verify", "good.yaml", "--format", "json", "-o", str(fifo)],
                                cwd=tmp_path, env=clean_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                stdin=subprocess.DEVNULL)
        got = reader.read_all(HANG_GUARD)
        out, err = proc.communicate(timeout=HANG_GUARD)
    finally:
        reader.close()
    assert proc.returncode == 0, err
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode), "the FIFO was replaced"
    assert got is not None, "nothing came through the FIFO"
    assert json.loads(got)["files"][0]["claims"][0]["verdict"] == "accurate"
    assert out == b""


@posix_only
def test_o_writes_through_a_character_device_and_keeps_it(tmp_path: Path) -> None:
    # A private node of the null device, in the test's folder: as `-o /dev/null` run as
    # root in a CI container, which turned the system's /dev/null into a regular file.
    two_files(tmp_path)
    null = tmp_path / "null"
    mknod_or_skip(null, 1, 3)
    run = claimcheck("verify", "good.yaml", "failing.yaml", "--format", "junit", "-o", "null", cwd=tmp_path)
    assert run.code == 1, run.err  # the failing claim, as without -o
    st = os.lstat(null)
    assert stat.S_ISCHR(st.st_mode) and st.st_rdev == os.makedev(1, 3)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["failing.yaml", "good.yaml", "null"]


@posix_only
def test_o_onto_a_full_device_is_an_environment_error(tmp_path: Path) -> None:
    two_files(tmp_path)
    full = tmp_path / "full"
    mknod_or_skip(full, 1, 7)
    run = claimcheck("verify", "good.yaml", "--format", "json", "-o", "full", cwd=tmp_path)
    assert run.code == 2
    assert run.err_lines == ["claimcheck: error: cannot write full: no space left on device"]
    assert stat.S_ISCHR(os.lstat(full).st_mode)


@posix_only
def test_o_refuses_a_read_only_report(tmp_path: Path) -> None:
    # Was: replaced (as root, or by anyone who may write the folder), mode and owner lost.
    two_files(tmp_path)
    report = tmp_path / "report.xml"
    report.write_text("KEEP\n", encoding="utf-8")
    report.chmod(0o444)
    before = snapshot(tmp_path)
    run = claimcheck("verify", "good.yaml", "--format", "junit", "-o", "report.xml", cwd=tmp_path)
    assert run.code == 2
    assert run.err_lines == [
        "claimcheck: error: cannot write report.xml: the file is read-only; make it writable (chmod u+w) or write elsewhere"
    ]
    assert snapshot(tmp_path) == before
    assert stat.S_IMODE(report.stat().st_mode) == 0o444


@posix_only
@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="only root can give a file to another user")
def test_o_keeps_the_owner_of_the_report(tmp_path: Path) -> None:
    two_files(tmp_path)
    report = tmp_path / "report.xml"
    report.write_text("OLD\n", encoding="utf-8")
    report.chmod(0o664)
    os.chown(report, 4321, 4322)
    run = claimcheck("verify", "good.yaml", "--format", "junit", "-o", "report.xml", cwd=tmp_path)
    assert run.code == 0, run.err
    st = report.stat()
    assert (st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)) == (4321, 4322, 0o664)
    assert report.read_text(encoding="utf-8").startswith("<?xml")


# --- item 3: a closed pipe keeps the run's exit code ----------------------------------------


@posix_only
@pytest.mark.parametrize("files, code", [(["good.yaml", "failing.yaml"], 1), (["good.yaml", "bad.yaml"], 2), (["good.yaml"], 0)])
def test_a_closed_pipe_keeps_the_exit_code(tmp_path: Path, files: list[str], code: int) -> None:
    # `claimcheck verify claims/ | head` exited 0 although a claim failed; CI shells run
    # with pipefail, so the build passed. The reader is gone before anything is written.
    two_files(tmp_path)
    (tmp_path / "bad.yaml").write_text("title: t\nfigures:\n  june: {vlaue: 3}\n", encoding="utf-8")
    r, w = os.pipe()
    os.close(r)
    try:
        proc = raw("verify", *files, cwd=tmp_path, stdout=w)
    finally:
        os.close(w)
    assert proc.returncode == code
    lines = err_lines(proc)
    assert not any("Exception ignored" in line or "internal error" in line or "Broken pipe" in line for line in lines), lines


@posix_only
def test_head_reads_a_little_and_the_exit_code_stands(tmp_path: Path) -> None:
    # As `| head -1` does: the reader takes the first bytes, then closes, mid-report.
    for i in range(30):
        (tmp_path / f"f{i:02d}.yaml").write_text(FAILING.replace("bad-20-rise", f"bad-{i}"), encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "claimcheck", "verify", ".", "--format", "json", "-v"], cwd=tmp_path,
                            env=clean_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL)
    assert proc.stdout is not None
    first = proc.stdout.read(100)
    proc.stdout.close()
    _, err = proc.communicate(timeout=HANG_GUARD)
    assert first.startswith(b"{")
    assert proc.returncode == 1
    assert b"Traceback" not in err and b"Exception ignored" not in err


# --- item 5: workers die with their parent --------------------------------------------------


def _children(pid: int) -> list[int]:
    out = []
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8", errors="replace") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid:
            out.append(int(entry))
    return out


def _alive(pid: int) -> bool:
    """Running or sleeping; a zombie (dead, not yet reaped) counts as gone."""
    try:
        with open(f"/proc/{pid}/stat", encoding="utf-8", errors="replace") as fh:
            state = fh.read().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state not in ("Z", "X")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc to find the workers")
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM], ids=["SIGKILL", "SIGTERM"])
def test_workers_die_with_their_parent(tmp_path: Path, sig: signal.Signals) -> None:
    # The run's process stops after its first file (a hook makes the progress tick wait),
    # the workers go idle on the task pipe; then the run is killed. They stayed, blocked
    # forever, 40 MB each.
    files = tmp_path / "claims"
    files.mkdir()
    for i in range(12):
        (files / f"f{i:02d}.yaml").write_text(GOOD.replace("good-nearly-20", f"c{i}"), encoding="utf-8")
    hook = tmp_path / "hook"
    hook.mkdir()
    marker = tmp_path / "ticked"
    (hook / "sitecustomize.py").write_text(
        "import importlib, os, time\n"
        "app = importlib.import_module('claimcheck.cli.app')\n"
        "def tick(self, *a):\n"
        f"    open({str(marker)!r}, 'w').close()\n"
        "    time.sleep(600)\n"
        "app.Progress.tick = tick\n",
        encoding="utf-8",
    )
    path = os.pathsep.join(p for p in (str(hook), os.environ.get("PYTHONPATH", "")) if p)
    proc = subprocess.Popen([sys.executable, "-m", "claimcheck", "verify", "claims", "--jobs", "2", "--format", "json"],
                            cwd=tmp_path, env=clean_env(PYTHONPATH=path), stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    workers: list[int] = []
    try:
        end = time.monotonic() + HANG_GUARD
        while not marker.exists() and time.monotonic() < end:
            time.sleep(0.05)
        assert marker.exists(), "the run never reached its first file"
        workers = _children(proc.pid)
        assert workers, "no worker processes were started"
        proc.send_signal(sig)
        proc.wait(timeout=HANG_GUARD)
        end = time.monotonic() + 10
        while any(_alive(w) for w in workers) and time.monotonic() < end:
            time.sleep(0.1)
        assert not [w for w in workers if _alive(w)], "workers outlived their parent"
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        for w in workers:  # ours: started by the run above
            if _alive(w):
                os.kill(w, signal.SIGKILL)


# --- item 6: an output encoding that cannot hold a character degrades --------------------


ARTICLE = "Arrests rose 20% from 100 to 150 \u2014 a \u201cdrop\u201d of 1\u20442.\n"


@pytest.mark.parametrize("encoding", ["ascii", "latin-1", "cp1252", "utf-16"])
@pytest.mark.parametrize("command, code", [
    (("verify", "good.yaml", "failing.yaml"), 1),
    (("verify", "good.yaml", "failing.yaml", "--format", "markdown"), 1),
    (("calc", "pct_change(31000, 27000)", "--claim", "down 10%"), 0),
    (("rules",), 0),
    (("scan", "article.txt"), 1),
    (("validate", "good.yaml"), 0),
], ids=["verify-rich", "verify-markdown", "calc", "rules", "scan", "validate"])
def test_a_narrow_stdout_encoding_degrades(tmp_path: Path, encoding: str, command: tuple[str, ...], code: int) -> None:
    # Was exit 3, UnicodeEncodeError, for verify, calc, rules and scan under ascii.
    two_files(tmp_path)
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    proc = raw(*command, cwd=tmp_path, env=clean_env(PYTHONIOENCODING=encoding))
    assert proc.returncode == code, proc.stderr
    text = proc.stdout.decode(encoding)  # strictly: every byte is the encoding's own
    assert text.strip()
    if encoding == "ascii" and command[0] != "validate":
        assert re.search(r"\\u[0-9a-f]{4}", text)  # what ASCII lacks, escaped


@pytest.mark.parametrize("encoding", ["ascii", "latin-1", "cp1252", "utf-16"])
@pytest.mark.parametrize("fmt", ["json", "sarif", "gitlab", "claimreview"])
def test_json_on_a_narrow_stdout_is_still_the_same_json(tmp_path: Path, encoding: str, fmt: str) -> None:
    # Characters the encoding lacks are written as JSON's own \uXXXX escapes: the
    # document parses to exactly what a UTF-8 run gives.
    two_files(tmp_path)
    statement = "a \u201cnearly 20%\u201d drop \u2014 \U0001F4C9 down"
    (tmp_path / "good.yaml").write_text(GOOD.replace("arrests dropped nearly 20%", statement), encoding="utf-8")
    narrow = raw("verify", "good.yaml", "failing.yaml", "--format", fmt, cwd=tmp_path, env=clean_env(PYTHONIOENCODING=encoding))
    wide = raw("verify", "good.yaml", "failing.yaml", "--format", fmt, cwd=tmp_path)
    assert narrow.returncode == wide.returncode == 1
    assert json.loads(narrow.stdout.decode(encoding)) == json.loads(wide.stdout.decode("utf-8"))


def _non_utf8_name(folder: Path) -> Path:
    name = os.fsencode(folder) + b"/caf\xe9.yaml"
    try:
        with open(name, "w", encoding="utf-8") as fh:
            fh.write(GOOD)
    except OSError as e:  # some file systems (APFS) refuse names that are not UTF-8
        pytest.skip(f"cannot make a file name that is not UTF-8 here: {e}")
    return Path(os.fsdecode(name))


@posix_only
@pytest.mark.parametrize("fmt", ["rich", "json", "markdown", "html", "junit"])
def test_a_file_name_that_is_not_utf8(tmp_path: Path, fmt: str) -> None:
    # Was exit 3 with a strict UTF-8 stdout (rich, json, markdown, html) and with -o.
    claims = tmp_path / "claims"
    claims.mkdir()
    _non_utf8_name(claims)
    proc = raw("verify", "claims", "--format", fmt, cwd=tmp_path, env=clean_env(PYTHONIOENCODING="utf-8"))
    assert proc.returncode == 0, proc.stderr
    text = proc.stdout.decode("utf-8")  # valid UTF-8: the bad byte shown as U+FFFD
    assert "caf\ufffd.yaml" in text
    run = claimcheck("verify", "claims", "--format", fmt, "-o", "report.out", cwd=tmp_path)
    assert run.code == 0, run.err
    written = (tmp_path / "report.out").read_bytes().decode("utf-8")
    assert "caf\ufffd.yaml" in written
    if fmt == "json":
        assert json.loads(written)["files"][0]["path"] == "claims/caf\ufffd.yaml"


@posix_only
def test_a_file_name_that_is_not_utf8_keeps_its_bytes_with_surrogateescape(tmp_path: Path) -> None:
    # A user who asked for surrogateescape gets the name's own bytes back.
    claims = tmp_path / "claims"
    claims.mkdir()
    _non_utf8_name(claims)
    proc = raw("verify", "claims", "--format", "markdown", cwd=tmp_path,
               env=clean_env(PYTHONIOENCODING="utf-8:surrogateescape"))
    assert proc.returncode == 0, proc.stderr
    assert b"caf\xe9.yaml" in proc.stdout


# --- item 9: numbers beyond Python's digit limit ---------------------------------------------


def _powers(name: str) -> str:
    return " * ".join([f"{name}**10"] * 10)


CHECK_3000 = f"""\
title: far apart
figures:
  big: {{value: 1e30, exact: true}}
  small: {{value: 1e-30, exact: true}}
checks:
  - id: far-apart
    statement: 10^3000 against 10^-3000
    left: {_powers("big")}
    right: {_powers("small")}
    within: 5%
"""


def test_a_check_of_10e3000_against_10e_minus_3000(tmp_path: Path) -> None:
    # (10^30)^10 ten times over is 10^3000; (10^-30)^10 ten times, 10^-3000: both inside
    # the evaluator's cap, but their relative difference (about 10^6000) was turned into
    # text by int → str, over Python's 4,300-digit limit: exit 3, the run aborted, the
    # JSON on stdout cut off. Now the check fails (exit 1) and every file is reported.
    (tmp_path / "far.yaml").write_text(CHECK_3000, encoding="utf-8")
    (tmp_path / "good.yaml").write_text(GOOD, encoding="utf-8")
    run = claimcheck("verify", "far.yaml", "good.yaml", "--format", "json", cwd=tmp_path)
    assert run.code == 1, run.err
    report = json.loads(run.out)
    by_path = {f["path"]: f for f in report["files"]}
    (check,) = by_path["far.yaml"]["claims"]
    assert check["verdict"] == "inaccurate"
    assert check["point"] == "1" + "0" * 3000  # exact, all 3,001 digits
    assert [c["verdict"] for c in by_path["good.yaml"]["claims"]] == ["accurate"]
    rich = claimcheck("verify", "far.yaml", cwd=tmp_path)
    assert rich.code == 1
    assert "1e3000" in rich.out and "1e\u22123000" in rich.out


def test_a_tiny_number_is_not_shown_as_zero(tmp_path: Path) -> None:
    # "1e-30**10" was shown as "0^10 = 0". (10^-30)^10 = 10^-300, by hand.
    run = claimcheck("calc", "1e-30**10", "--claim", "about 0", "--format", "json", cwd=tmp_path)
    assert run.code == 0, run.err
    result = json.loads(run.out)
    assert result["arithmetic"] == "1e\u221230^10 = 1e\u2212300"
    assert result["point"] == "1/1" + "0" * 300


# --- item 10: environment errors are exit 2, one line ---------------------------------------


@posix_only
@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full here")
@pytest.mark.parametrize("command", [("verify", "good.yaml"), ("calc", "pct_change(31000, 27000)", "--claim", "down 10%"),
                                     ("schema",)], ids=["verify", "calc", "schema"])
def test_stdout_on_a_full_disk(tmp_path: Path, command: tuple[str, ...]) -> None:
    two_files(tmp_path)
    with open("/dev/full", "wb") as full:  # opened for the child's stdout; not replaced
        proc = raw(*command, cwd=tmp_path, stdout=full)
    assert proc.returncode == 2
    assert err_lines(proc) == ["claimcheck: error: cannot write standard output: no space left on device"]


def _limit_memory() -> None:
    import resource

    resource.setrlimit(resource.RLIMIT_AS, (2 << 30, 2 << 30))


@posix_only
@pytest.mark.parametrize("limit", ["100000000000", str(2**63), str(10**30)])
@pytest.mark.parametrize("stdin", [False, True], ids=["file", "stdin"])
def test_a_huge_max_bytes_is_not_allocated(tmp_path: Path, limit: str, stdin: bool) -> None:
    # The read allocated the whole limit up front: MemoryError at 10^11, OverflowError at
    # 2^63 (exit 3). Under a 2 GB address-space cap, a 300-byte file reads fine.
    (tmp_path / "good.yaml").write_text(GOOD, encoding="utf-8")
    args = ("verify", "-" if stdin else "good.yaml", "--max-bytes", limit, "--format", "json")
    with open(tmp_path / "good.yaml", "rb") as fh:
        proc = subprocess.run([sys.executable, "-m", "claimcheck", *args], cwd=tmp_path, env=clean_env(),
                              stdin=fh if stdin else subprocess.DEVNULL, capture_output=True, timeout=HANG_GUARD,
                              preexec_fn=_limit_memory)
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["files"][0]["claims"][0]["verdict"] == "accurate"


@posix_only
@pytest.mark.parametrize("command, fragment", [
    (("verify", "good.yaml", "-o", "loop"), "claimcheck: error: cannot write loop: too many levels of symbolic links"),
    (("validate", "good.yaml", "--format", "json", "-o", "loop"), "claimcheck: error: cannot write loop: too many levels of symbolic links"),
    (("schema", "-o", "loop"), "claimcheck: error: cannot write loop: too many levels of symbolic links"),
    (("scan", "article.txt", "--emit-yaml", "loop.yaml"), "loop.yaml:1:1: error: --emit-yaml: too many levels of symbolic links"),
    (("scan", "article.txt", "-o", "loop"), "loop:1:1: error: -o: too many levels of symbolic links"),
    (("new", "loop.yaml"), "loop.yaml:1:1: error: too many levels of symbolic links"),
    (("new", "inside/x.yaml"), "inside/x.yaml:1:1: error: too many levels of symbolic links"),
    (("new", "x.yaml", "--root", "loop"), "loop:1:1: error: --root: too many levels of symbolic links"),
], ids=["verify-o", "validate-o", "schema-o", "scan-emit-yaml", "scan-o", "new", "new-in-loop", "new-root"])
def test_a_symlink_loop_as_the_target(tmp_path: Path, command: tuple[str, ...], fragment: str) -> None:
    # Was exit 3: RuntimeError("Symlink loop") from Path.resolve.
    (tmp_path / "good.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    for name in ("loop", "loop.yaml"):
        (tmp_path / name).symlink_to(name)
    (tmp_path / "inside").symlink_to("inside")
    before = snapshot(tmp_path)
    run = claimcheck(*command, cwd=tmp_path)
    assert run.code == 2, run.err
    assert len(run.err_lines) == 1 and run.err_lines[0].startswith(fragment), run.err
    assert snapshot(tmp_path) == before


def test_emit_yaml_into_a_missing_folder(tmp_path: Path) -> None:
    # Was exit 3 (FileNotFoundError from the temporary file), after the whole scan.
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    before = snapshot(tmp_path)
    run = claimcheck("scan", "article.txt", "--emit-yaml", "missing/claims.yaml", cwd=tmp_path)
    assert run.code == 2
    assert run.err_lines == ["missing/claims.yaml:1:1: error: --emit-yaml: no such folder missing; create it first"]
    assert run.out == ""  # said before scanning, not after
    assert snapshot(tmp_path) == before


@posix_only
def test_scan_refuses_a_fifo_as_verify_does(tmp_path: Path) -> None:
    # Was: blocked forever waiting for a writer.
    os.mkfifo(tmp_path / "article.txt")
    (tmp_path / "real.txt").write_text(ARTICLE, encoding="utf-8")
    run = claimcheck("scan", "article.txt", "real.txt", "--format", "json", cwd=tmp_path, timeout=30)
    assert run.code == 2
    assert "article.txt:1:1: error: not a regular file" in run.err_lines
    assert any(f["path"] == "real.txt" and f["findings"] for f in json.loads(run.out)["files"])


# --- item 12 (parts): colour, new --root, calc's exit code -----------------------------------


@pytest.mark.parametrize("command", [("verify", "failing.yaml"), ("calc", "pct_change(100, 150)", "--claim", "up 20%"),
                                     ("rules",), ("scan", "article.txt")], ids=["verify", "calc", "rules", "scan"])
def test_term_dumb_is_never_coloured(tmp_path: Path, command: tuple[str, ...]) -> None:
    # FORCE_COLOR asks for colour even into a pipe; TERM=dumb says escape codes show as
    # garbage: "never with TERM=dumb" (README) wins. Was coloured.
    two_files(tmp_path)
    (tmp_path / "article.txt").write_text(ARTICLE, encoding="utf-8")
    forced = claimcheck(*command, cwd=tmp_path, env=clean_env(FORCE_COLOR="1", TERM="xterm-256color"))
    assert ANSI.search(forced.out), "FORCE_COLOR alone colours"
    dumb = claimcheck(*command, cwd=tmp_path, env=clean_env(FORCE_COLOR="1", TERM="dumb"))
    assert dumb.code == forced.code
    assert not ANSI.search(dumb.out) and "\x1b" not in dumb.out


def test_new_refuses_a_root_that_does_not_exist(tmp_path: Path) -> None:
    # Was: the folder created, and "claimcheck validate x.yaml" printed, which then failed.
    before = snapshot(tmp_path)
    run = claimcheck("new", "x.yaml", "--root", "nonexistent", cwd=tmp_path)
    assert run.code == 2
    assert run.err_lines == ["nonexistent:1:1: error: --root: no such folder; create it first"]
    assert run.out == ""
    assert snapshot(tmp_path) == before


def test_new_prints_a_command_that_works_from_where_it_ran(tmp_path: Path) -> None:
    # With --root elsewhere, the name as typed is relative to the root, not to where the
    # reporter is: the file is named by its absolute path when it is outside the current
    # folder, relative to it when inside.
    desk = tmp_path / "desk"
    desk.mkdir()
    work = tmp_path / "work"
    (work / "sub").mkdir(parents=True)
    run = claimcheck("new", "story.yaml", "--root", "../desk", cwd=work)
    assert run.code == 0, run.err
    where = os.path.realpath(desk / "story.yaml")
    assert run.out == f"created {where}\nnext: fill it in, then run: claimcheck validate {where}\n"
    assert f"#   claimcheck validate {where}\n" in Path(where).read_text(encoding="utf-8")
    pasted = claimcheck("validate", where, cwd=work)  # found (and its placeholders refused)
    assert pasted.code == 2 and "is still a placeholder" in pasted.err

    run = claimcheck("new", "story.yaml", "--root", "sub", cwd=work)
    assert run.code == 0, run.err
    assert run.out == "created sub/story.yaml\nnext: fill it in, then run: claimcheck validate sub/story.yaml\n"
    assert (work / "sub" / "story.yaml").is_file()


def test_calc_zero_baseline_exit_code_is_the_documented_one(tmp_path: Path) -> None:
    # "pct_change(0, 5)" shows unverifiable and exits 1, as verify does for a zero
    # baseline (README, For CI); calc's own sentence said 0. Now both say 1.
    run = claimcheck("calc", "pct_change(0, 5)", "--claim", "up 5%", cwd=tmp_path)
    assert run.code == 1
    assert "unverifiable" in run.out and "baseline is 0" in run.out
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    sentence = re.search(r"`calc`\s+exits 0 for(.*?)2 for bad input", readme, re.S)
    assert sentence and "zero baseline" in sentence.group(1)
    helped = claimcheck("calc", "--help", cwd=tmp_path)
    assert re.search(r"\n\s*1\s+inaccurate, or the computation cannot be done \(a\s+zero\s+baseline\)", helped.out), helped.out
