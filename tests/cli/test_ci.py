"""The command line as CI systems and shells meet it: complete reports on invalid input,
``validate --format``, ``-`` for standard input, globs the shell did not expand,
``--exclude``, the colour conventions, ``--help``, shell completion and progress."""

from __future__ import annotations

import json
import os
import pty
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import xmlschema

ROOT = Path(__file__).resolve().parents[2]
NEWSROOM = ROOT / "tests" / "fixtures" / "newsroom"
BASE_ENV = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C.UTF-8",
            "CLAIMCHECK_CACHE_DIR": os.environ.get("CLAIMCHECK_CACHE_DIR", "")}  # tests/conftest.py
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def cli(*args: str, cwd: Path = ROOT, input: str | None = None, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "claimcheck", *args], cwd=cwd, capture_output=True, text=True,
                          input=input, env={**BASE_ENV, **env})


@pytest.fixture
def newsroom(tmp_path: Path) -> Path:
    """claims/: a passing, a failing and an invalid file, and a draft to exclude."""
    claims = tmp_path / "claims"
    (claims / "drafts").mkdir(parents=True)
    for f in NEWSROOM.glob("*.yaml"):
        shutil.copy(f, claims / f.name)
    shutil.copy(NEWSROOM / "b_housing.yaml", claims / "drafts" / "wip.yaml")
    return tmp_path


# --- complete reports ------------------------------------------------------------------------


def test_invalid_input_still_writes_the_complete_report(newsroom: Path) -> None:
    old = newsroom / "report.xml"
    old.write_text("<testsuites><testsuite name='stale' tests='1' failures='0' errors='0'/></testsuites>\n")
    p = cli("verify", "claims", "--format", "junit", "-o", "report.xml", cwd=newsroom)
    assert p.returncode == 2
    assert "c_broken.yaml:3:10: error: unknown key 'vlaue'" in p.stderr
    text = old.read_text(encoding="utf-8")
    xmlschema.XMLSchema(str(ROOT / "tests/schemas/junit-10.xsd")).validate(text)
    assert "stale" not in text and 'name="claims/c_broken.yaml"' in text and 'name="claims/a_transit.yaml"' in text


def test_a_usage_error_keeps_the_old_report(newsroom: Path) -> None:
    old = newsroom / "report.xml"
    old.write_text("OLD\n")
    p = cli("verify", "claims/a_transit.yaml", "--format", "junit", "-o", "report.xml", "--only", "no-such-claim",
            cwd=newsroom)
    assert p.returncode == 2 and "report.xml not written" in p.stderr
    assert old.read_text() == "OLD\n"


@pytest.mark.parametrize("fmt", ["github", "junit", "json", "sarif", "gitlab"])
def test_validate_has_a_format_and_writes_it(newsroom: Path, fmt: str) -> None:
    p = cli("validate", "claims", "--format", fmt, "-o", f"out.{fmt}", cwd=newsroom)
    assert p.returncode == 2
    assert "claims/c_broken.yaml:3:10: error: unknown key 'vlaue'" in p.stderr
    assert "c_broken.yaml" in (newsroom / f"out.{fmt}").read_text(encoding="utf-8")


def test_validate_defaults_to_annotations_under_github_actions(newsroom: Path) -> None:
    p = cli("validate", "claims", cwd=newsroom, GITHUB_ACTIONS="true")
    assert p.returncode == 2
    assert p.stdout.startswith("::error file=claims/c_broken.yaml,line=3,col=10,")
    plain = cli("validate", "claims", cwd=newsroom)
    assert plain.stdout == "" and plain.stderr.endswith("1 of 4 files invalid\n")


def test_validate_text_refuses_an_output_file(newsroom: Path) -> None:
    p = cli("validate", "claims", "-o", "x.txt", cwd=newsroom)
    assert p.returncode == 2 and "give --format too" in p.stderr and not (newsroom / "x.txt").exists()


# --- standard input, globs, --exclude -----------------------------------------------------------


def test_verify_and_validate_read_standard_input() -> None:
    good = (NEWSROOM / "a_transit.yaml").read_text(encoding="utf-8")
    p = cli("verify", "-", "--format", "json", input=good)
    assert p.returncode == 0, p.stderr
    (f,) = json.loads(p.stdout)["files"]
    assert f["path"] == "<stdin>" and f["valid"] and len(f["claims"]) == 2
    bad = (NEWSROOM / "c_broken.yaml").read_text(encoding="utf-8")
    v = cli("validate", "-", input=bad)
    assert v.returncode == 2
    assert v.stderr.startswith("<stdin>:3:10: error: unknown key 'vlaue'")
    both = cli("verify", "-", str(NEWSROOM / "b_housing.yaml"), "--format", "github", input=good)
    assert both.returncode == 1 and both.stdout.endswith("claimcheck: 5 claims: 2 accurate, 2 inaccurate, 1 unverifiable; 2 failing\n")
    twice = cli("verify", "-", "-", input=good)
    assert twice.returncode == 2 and "can be given once" in twice.stderr


def test_quoted_globs_are_expanded(newsroom: Path) -> None:
    p = cli("validate", "claims/[ab]_*.yaml", cwd=newsroom)
    assert p.returncode == 0 and p.stdout == "2 files valid\n"
    deep = cli("validate", "claims/**/*.yaml", cwd=newsroom)
    assert deep.stderr.endswith("1 of 4 files invalid\n")  # claims/*.yaml and claims/drafts/*.yaml
    none = cli("validate", "claims/zz*.yaml", cwd=newsroom)
    assert none.returncode == 2 and none.stderr.startswith("claims/zz*.yaml:1:1: error: no such file or directory")


def test_exclude(newsroom: Path) -> None:
    p = cli("verify", "claims", "--format", "json", "--exclude", "drafts", "-x", "c_*.yaml", cwd=newsroom)
    assert p.returncode == 1, p.stderr
    paths = [f["path"] for f in json.loads(p.stdout)["files"]]
    assert paths == ["claims/a_transit.yaml", "claims/b_housing.yaml"]
    named = cli("validate", "claims/c_broken.yaml", "claims/a_transit.yaml", "--exclude", "claims/c_*", cwd=newsroom)
    assert named.returncode == 0 and named.stdout == "1 file valid\n"


# --- colour ----------------------------------------------------------------------------------


def test_force_color_colours_a_pipe_and_no_color_wins() -> None:
    path = str(NEWSROOM / "a_transit.yaml")
    assert ANSI.search(cli("verify", path, "--format", "rich", FORCE_COLOR="1").stdout)
    assert not ANSI.search(cli("verify", path, "--format", "rich", FORCE_COLOR="0").stdout)
    assert not ANSI.search(cli("verify", path, "--format", "rich", FORCE_COLOR="1", NO_COLOR="1").stdout)
    assert not ANSI.search(cli("verify", path, "--format", "rich").stdout)


def _on_a_terminal(*args: str, **env: str) -> str:
    """The command with stdout and stderr on a pseudo-terminal; what it wrote."""
    return _on_a_pty(list(args), both=True, env={"COLUMNS": "100", **env})


def _on_a_pty(args: list[str], *, both: bool, env: dict[str, str]) -> str:
    """Run ``claimcheck ARGS`` with stderr (and stdout too when ``both``) on a
    pseudo-terminal; what the terminal received. Piped stdout is discarded."""
    leader, follower = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "claimcheck", *args], cwd=ROOT, stdin=subprocess.DEVNULL,
                            stdout=follower if both else subprocess.DEVNULL, stderr=follower,
                            env={**BASE_ENV, **env})
    os.close(follower)
    chunks = []
    while True:
        try:
            data = os.read(leader, 65536)
        except OSError:
            break
        if not data:
            break
        chunks.append(data)
    proc.wait(timeout=60)
    os.close(leader)
    return b"".join(chunks).decode("utf-8", "replace")


def test_a_terminal_is_coloured_unless_term_is_dumb() -> None:
    path = str(NEWSROOM / "a_transit.yaml")
    assert ANSI.search(_on_a_terminal("verify", path, "--format", "rich", TERM="xterm-256color"))
    assert not ANSI.search(_on_a_terminal("verify", path, "--format", "rich", TERM="dumb"))


# --- progress --------------------------------------------------------------------------------


def test_progress_only_on_a_terminal_stderr(tmp_path: Path) -> None:
    # A run made "long" (sitecustomize, in the child): a zero delay, and each file's tick
    # waits a little so the run outlasts the timer thread that draws the line; with a
    # zero delay alone, a fast machine can finish before the line is ever drawn.
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(
        "import importlib, time\n"
        "app = importlib.import_module('claimcheck.cli.app')\n"
        "app.PROGRESS_DELAY = 0.0\n"
        "_tick = app.Progress.tick\n"
        "def tick(self, *a):\n"
        "    time.sleep(0.4)\n"
        "    _tick(self, *a)\n"
        "app.Progress.tick = tick\n"
    )
    env = {"PYTHONPATH": str(hook), "TERM": "xterm-256color"}
    out = tmp_path / "report.json"
    text = _on_a_pty(["verify", str(ROOT / "tests/fixtures/reports"), "--format", "json", "-o", str(out)],
                     both=False, env=env)
    assert "claimcheck verify" in text and "files" in text  # the progress line, then erased
    assert json.loads(out.read_text())["summary"]["files"] == 5
    piped = subprocess.run(
        [sys.executable, "-m", "claimcheck", "verify", str(ROOT / "tests/fixtures/reports"), "--format", "json",
         "-o", str(out)], cwd=ROOT, capture_output=True, text=True, env={**BASE_ENV, **env},
    )
    assert "claimcheck verify" not in piped.stderr  # never into a pipe or a CI log
    in_ci = _on_a_terminal("verify", str(ROOT / "tests/fixtures/reports"), "--format", "json", "-o", str(out),
                           CI="true", **env)
    assert "claimcheck verify" not in in_ci


# --- help and completion -------------------------------------------------------------------


@pytest.mark.parametrize("command", ["verify", "validate", "scan", "calc", "rules", "new", "schema"])
def test_help_is_plain_and_lists_every_exit_code(command: str) -> None:
    p = cli(command, "--help", COLUMNS="100")
    assert p.returncode == 0
    text = p.stdout
    assert "{" not in text.split("\n", 1)[0] and "<list" not in text and "<str>" not in text and "<int" not in text
    assert "Exit codes:" in text
    codes = re.findall(r"^  ([0-3])  ", text.split("Exit codes:")[1], re.M)
    assert "3" in codes and "2" in codes and "0" in codes
    if command in ("verify", "validate", "scan", "calc", "rules"):
        assert "Formats:" in text


def test_verify_help_names_every_format_and_all_four_exit_codes() -> None:
    from claimcheck.report import FORMATS

    text = cli("verify", "--help", COLUMNS="100").stdout
    assert text.startswith("Usage: python -m claimcheck verify [OPTIONS] PATH...")
    formats = text.split("Formats:")[1].split("Exit codes:")[0]
    assert [line.split()[0] for line in formats.strip().splitlines()] == list(FORMATS)
    codes = text.split("Exit codes:")[1]
    assert [line.split()[0] for line in codes.strip().splitlines()] == ["0", "1", "2", "3"]
    top = cli("--help", COLUMNS="100").stdout
    assert "--install-completion" in top and "3 an internal error" in top


def test_shell_completion_offers_the_formats() -> None:
    script = Path(sys.executable).parent / "claimcheck"
    if not script.exists():
        pytest.skip("the console script is not installed beside this interpreter")
    p = subprocess.run([str(script)], capture_output=True, text=True, env={
        **BASE_ENV, "_CLAIMCHECK_COMPLETE": "complete_bash", "COMP_WORDS": "claimcheck verify --format j",
        "COMP_CWORD": "3",
    })
    assert p.stdout.split() == ["json", "junit"]
