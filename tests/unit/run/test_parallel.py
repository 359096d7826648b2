"""``--jobs`` changes how fast, never what: reports are byte-identical with 1 and 2 jobs.

A small multi-file corpus (generated, plus an invalid file and a missing path so that
problems interleave with results) is checked through the real CLI in a fresh process.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from claimcheck import parallel
from claimcheck.engine import Policy

from run_corpus import ROOT, make_corpus


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("par"), claims=8, seed=5, invalid="story_5b_invalid.yaml")


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY")}
    env["NO_COLOR"] = "1"
    return subprocess.run([sys.executable, "-m", "claimcheck", *args], capture_output=True, text=True, env=env, cwd=ROOT)


@pytest.mark.parametrize("fmt", ["json", "rich", "junit"])
def test_verify_output_is_identical_with_one_and_two_jobs(corpus: Path, fmt: str) -> None:
    paths = [str(corpus), str(corpus / "missing.yaml")]
    one = _cli("verify", "--format", fmt, "--jobs", "1", *paths)
    two = _cli("verify", "--format", fmt, "--jobs", "2", *paths)
    assert one.returncode == two.returncode == 2  # an invalid file and a missing path
    assert one.stdout == two.stdout
    assert one.stderr == two.stderr
    assert "hex.yaml" not in one.stderr and "story_5b_invalid.yaml:" in one.stderr


def test_validate_output_is_identical_with_one_and_two_jobs(corpus: Path) -> None:
    one = _cli("validate", "--jobs", "1", str(corpus))
    two = _cli("validate", "--jobs", "2", str(corpus))
    assert (one.returncode, one.stdout, one.stderr) == (two.returncode, two.stdout, two.stderr)
    assert one.stderr.endswith("1 of 10 files invalid\n")


def test_results_cross_processes_intact(corpus: Path) -> None:
    # In process: the worker results (pickled across) equal a serial run's, in order.
    paths = [str(corpus)]
    serial = list(parallel.check_paths(paths, Policy(), jobs=1))
    assert list(parallel.check_paths(paths, Policy(), jobs=2)) == serial
    assert [fr.path for fr in serial] == sorted(fr.path for fr in serial)


def test_automatic_jobs_stay_serial_for_small_runs(corpus: Path) -> None:
    files = sorted(str(p) for p in corpus.glob("*.yaml"))
    assert parallel.resolve_jobs(None, files[:3]) == 1  # too few files
    assert parallel.resolve_jobs(None, files) == 1  # ten small files: under 256 KB in all
    assert parallel.resolve_jobs(4, files[:2]) == 2  # never more processes than files
    assert parallel.resolve_jobs(1, files) == 1
