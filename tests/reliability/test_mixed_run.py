"""One ``verify`` over good, invalid, failing and unreadable files, in every format.

What CI relies on: every problem is on stderr with its location, the failing claim is in
the report, the exit code is the worst outcome (2 over 1 over 0) whatever the format, and
never 0 when a file was skipped.
"""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from clirun import FAILING, GOOD, claimcheck, snapshot
from test_catalog import LOCATED, assert_located, assert_stderr_lines_are_located_or_summary

FORMATS = ["json", "junit", "github", "markdown", "claimreview", "rich"]


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    claims = tmp_path / "claims"
    claims.mkdir()
    (claims / "good.yaml").write_text(GOOD, encoding="utf-8")
    (claims / "failing.yaml").write_text(FAILING, encoding="utf-8")
    (claims / "invalid.yaml").write_text("title: t\nfigures:\n  june: {vlaue: 3}\n", encoding="utf-8")
    (claims / "latin1.yaml").write_bytes("title: Jos\u00e9\n".encode("latin-1"))
    # A folder named like a claim file, holding one: searched, not read as a file.
    (claims / "folder.yaml").mkdir()
    (claims / "folder.yaml" / "inner.yml").write_text(GOOD.replace("good-nearly-20", "inner-nearly-20"), encoding="utf-8")
    (tmp_path / "empty.yaml").mkdir()  # a folder named x.yaml, with no claim files in it
    if hasattr(os, "mkfifo"):
        os.mkfifo(claims / "fifo.yaml")  # found by the folder search: must be reported
    return tmp_path


ARGS = ["claims", "missing.yaml", "empty.yaml"]


def _expected_problems(has_fifo: bool) -> list[tuple[str, int, int, str]]:
    out = [
        ("claims/invalid.yaml", 3, 10, "unknown key 'vlaue' — did you mean 'value'?"),
        ("claims/latin1.yaml", 1, 11, "not UTF-8 (byte 0xE9)"),
        ("missing.yaml", 1, 1, "no such file or directory"),
        ("empty.yaml", 1, 1, "no claim files (*.yaml, *.yml) in this folder"),
    ]
    if has_fifo:
        out.append(("claims/fifo.yaml", 1, 1, "not a regular file"))
    return out


@pytest.mark.parametrize("fmt", FORMATS)
def test_mixed_run_reports_everything_and_exits_2(fmt: str, mixed: Path) -> None:
    before = snapshot(mixed) if not hasattr(os, "mkfifo") else None
    run = claimcheck("verify", *ARGS, "--format", fmt, cwd=mixed)

    assert run.code == 2, run.err
    for where in _expected_problems(hasattr(os, "mkfifo")):
        assert_located(run, *where)
    assert_stderr_lines_are_located_or_summary(run)
    located = [line for line in run.err_lines if LOCATED.match(line)]
    assert len(located) == len(_expected_problems(hasattr(os, "mkfifo")))

    # The failing claim and both good ones are in the report, in this format's terms.
    out = run.out
    if fmt == "json":
        report = json.loads(out)
        verdicts = {c["id"]: c["verdict"] for f in report["files"] for c in f["claims"]}
        assert verdicts == {"good-nearly-20": "accurate", "inner-nearly-20": "accurate", "bad-20-rise": "inaccurate"}
        invalid = {f["path"] for f in report["files"] if not f["valid"]}
        assert {"claims/invalid.yaml", "claims/latin1.yaml", "missing.yaml", "empty.yaml"} <= invalid
    elif fmt == "junit":
        root = ET.fromstring(out.encode("utf-8"))
        names = {tc.get("name") for tc in root.iter("testcase")}
        assert {"good-nearly-20", "inner-nearly-20", "bad-20-rise"} <= names
        failed = {tc.get("name") for tc in root.iter("testcase") if tc.find("failure") is not None}
        assert "bad-20-rise" in failed
    elif fmt == "claimreview":
        json.loads(out)
        assert "a 20% rise, from 120 to 150" in out
    else:
        assert "bad-20-rise" in out
    if fmt == "github":
        assert any(line.startswith("::error") and "bad-20-rise" in line for line in out.split("\n"))
    if before is not None:
        assert snapshot(mixed) == before


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize(
    "files, code",
    [
        (["claims/good.yaml"], 0),
        (["claims/good.yaml", "claims/failing.yaml"], 1),
        (["claims/failing.yaml", "claims/good.yaml", "claims/invalid.yaml"], 2),
        (["claims/good.yaml", "missing.yaml"], 2),  # a skipped file is never 0
        (["claims/good.yaml", "claims/latin1.yaml"], 2),
    ],
    ids=["good", "good+failing", "failing+good+invalid", "good+missing", "good+latin1"],
)
def test_exit_code_is_the_worst_outcome_in_every_format(fmt: str, files: list[str], code: int, mixed: Path) -> None:
    run = claimcheck("verify", *files, "--format", fmt, cwd=mixed)
    assert run.code == code, run.err
    if code < 2:
        # ClaimReview names the publishing fields a file does not give (url:, publisher:,
        # dates, article:), as located warnings; nothing else is said.
        lines = run.err.splitlines()
        assert all(fmt == "claimreview" and ": warning: ClaimReview: " in line for line in lines), run.err


def test_a_fifo_in_a_folder_is_not_skipped(mixed: Path) -> None:
    # Was silently skipped (exit 0 with a claim file unread); opening it would block.
    if not hasattr(os, "mkfifo"):
        pytest.skip("no FIFOs here")
    (mixed / "only").mkdir()
    (mixed / "only" / "good.yaml").write_text(GOOD, encoding="utf-8")
    os.mkfifo(mixed / "only" / "pipe.yaml")
    run = claimcheck("verify", "only", "--format", "json", cwd=mixed)
    assert run.code == 2
    assert_located(run, "only/pipe.yaml", 1, 1, "not a regular file")


def test_validate_reports_every_file_too(mixed: Path) -> None:
    run = claimcheck("validate", *ARGS, cwd=mixed)
    assert run.code == 2
    for where in _expected_problems(hasattr(os, "mkfifo")):
        assert_located(run, *where)
    n_bad = len(_expected_problems(hasattr(os, "mkfifo")))
    # good, failing, folder.yaml/inner.yml, plus the bad ones.
    assert run.err_lines[-1] == f"{n_bad} of {n_bad + 3} files invalid"
