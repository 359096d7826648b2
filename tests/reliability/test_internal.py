"""A bug in claimcheck is exit 3 and one line; a closed pipe is not an error at all."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from clirun import GOOD, HANG_GUARD, claimcheck, clean_env
from test_catalog import _hook_env

ONE_LINE = (
    "claimcheck: internal error: RuntimeError: injected by the reliability suite "
    "(this is a bug; rerun with --debug for the traceback)"
)


@pytest.mark.parametrize("fmt", ["rich", "json"])
def test_an_internal_error_is_exit_3_and_one_line(fmt: str, tmp_path: Path) -> None:
    (tmp_path / "good.yaml").write_text(GOOD, encoding="utf-8")
    env = _hook_env(tmp_path, "claimcheck.engine:check_loaded")
    run = claimcheck("verify", "good.yaml", "--format", fmt, cwd=tmp_path, env=env)
    assert run.code == 3
    assert run.err_lines == [ONE_LINE]


def test_debug_shows_the_traceback(tmp_path: Path) -> None:
    (tmp_path / "good.yaml").write_text(GOOD, encoding="utf-8")
    env = _hook_env(tmp_path, "claimcheck.engine:check_loaded")
    proc = subprocess.run(
        [sys.executable, "-m", "claimcheck", "verify", "good.yaml", "--debug"],
        cwd=tmp_path, env=env, capture_output=True, text=True, timeout=HANG_GUARD,
    )
    assert proc.returncode == 3
    assert proc.stderr.startswith("Traceback (most recent call last):")
    assert "RuntimeError: injected by the reliability suite" in proc.stderr
    assert proc.stderr.rstrip("\n").split("\n")[-1] == ONE_LINE


def test_an_internal_error_in_validate_is_exit_3_too(tmp_path: Path) -> None:
    (tmp_path / "good.yaml").write_text(GOOD, encoding="utf-8")
    run = claimcheck("validate", "good.yaml", cwd=tmp_path, env=_hook_env(tmp_path, "claimcheck.claimfile:discover"))
    assert run.code == 3
    assert run.err_lines == [ONE_LINE]


@pytest.mark.parametrize("fmt", ["rich", "json", "markdown"])
def test_a_closed_pipe_ends_quietly(fmt: str, tmp_path: Path) -> None:
    # 300 files of one claim each: far more output than a pipe buffer (64 KiB) holds, so
    # claimcheck is still writing when `head -1` exits and closes the pipe.
    claims = tmp_path / "claims"
    claims.mkdir()
    for i in range(300):
        (claims / f"c{i:03d}.yaml").write_text(GOOD.replace("good-nearly-20", f"claim-{i:03d}"), encoding="utf-8")
    script = (
        f'"{sys.executable}" -m claimcheck verify claims --format {fmt} --explain | head -1; '
        'echo "status=${PIPESTATUS[0]}" >&2'
    )
    proc = subprocess.run(["bash", "-c", script], cwd=tmp_path, env=clean_env(), capture_output=True, text=True, timeout=HANG_GUARD)
    assert proc.stdout.count("\n") == 1
    assert proc.stderr == "status=0\n", proc.stderr
