"""Files rendered on worker processes give the same report as files rendered by the parent.

Under ``--jobs`` the formats that can render one file alone (``file_at``) do so on the
worker that checked it; the parent only writes. These runs put a discovery problem first
(so no worker chunk starts the report), in the middle and last, and compare every format
with one job against two.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from claimcheck import parallel
from claimcheck.engine import Policy
from claimcheck.report import FORMATS, Options, make, renders_on_workers

from run_corpus import ROOT, make_corpus


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return make_corpus(tmp_path_factory.mktemp("render"), claims=6, seed=11, invalid="story_3b_invalid.yaml")


def _cli(*args: str, **env_extra: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY")}
    env["NO_COLOR"] = "1"
    env.update(env_extra)
    return subprocess.run([sys.executable, "-m", "claimcheck", *args], capture_output=True, text=True, env=env, cwd=ROOT)


@pytest.mark.parametrize("fmt", list(FORMATS))
@pytest.mark.parametrize("where", ["first", "last"])
def test_every_format_is_identical_with_one_and_two_jobs(corpus: Path, fmt: str, where: str) -> None:
    missing = str(corpus / "missing.yaml")
    paths = [missing, str(corpus)] if where == "first" else [str(corpus), missing]
    one = _cli("verify", "--format", fmt, "--explain", "--jobs", "1", *paths)
    two = _cli("verify", "--format", fmt, "--explain", "--jobs", "2", *paths)
    assert one.returncode == two.returncode == 2
    assert one.stdout == two.stdout
    assert one.stderr == two.stderr


def test_a_valid_run_written_with_o_is_identical(corpus: Path, tmp_path: Path) -> None:
    files = sorted(str(p) for p in corpus.glob("story_?.yaml"))
    assert len(files) >= 8
    for jobs in ("1", "2"):
        r = _cli("verify", "--format", "json", "--jobs", jobs, "-o", str(tmp_path / f"r{jobs}.json"), *files)
        assert r.returncode == 0, r.stderr
    assert (tmp_path / "r1.json").read_bytes() == (tmp_path / "r2.json").read_bytes()


def test_step_summary_still_gets_every_file_under_jobs(corpus: Path, tmp_path: Path) -> None:
    files = sorted(str(p) for p in corpus.glob("story_?.yaml"))
    out = {}
    for jobs in ("1", "2"):
        summary = tmp_path / f"summary{jobs}.md"
        r = _cli("verify", "--format", "github", "--jobs", jobs, *files, GITHUB_STEP_SUMMARY=str(summary))
        assert r.returncode == 0, r.stderr
        out[jobs] = (r.stdout, summary.read_text(encoding="utf-8"))
    assert out["1"] == out["2"]
    summary = out["1"][1]
    assert summary.count("\n## ") == len(files) + 1 + ("\n## Failures" in summary)  # "Files", then one per file


def test_rendered_on_workers_matches_the_parent(corpus: Path) -> None:
    paths = [str(corpus)]
    options = Options(explain=True)
    serial = make("json", options)
    expected = serial.start() + "".join(serial.file(fr) for fr in parallel.check_paths(paths, Policy(), jobs=1))
    parent = make("json", options)
    assert renders_on_workers(parent)
    got = [parent.start()]
    kinds = set()
    for item in parallel.check_paths(paths, Policy(), jobs=2, render=("json", options)):
        kinds.add(type(item).__name__)
        if isinstance(item, parallel.Rendered):
            got.append(item.text)
            parent.advance()
        else:
            got.append(parent.file(item))
    assert kinds == {"Rendered"}
    assert "".join(got) == expected


def test_claimreview_is_rendered_by_the_parent() -> None:
    # Its separator depends on whether any earlier file had a claim, which a worker
    # cannot know, so it keeps the parent-side path.
    assert not renders_on_workers(make("claimreview"))
