"""``claimcheck archive scan`` and ``summary`` end to end on a small archive whose every
verdict is worked out by hand, and the command's answers to bad usage.

The archive (``news/``):

* ``a.txt`` — "Arrests fell 10%, from 31,000 in June to 27,000 in July.": −12.90%,
  approximate (10% is reached only at the edge of the inputs' rounding);
* ``b.txt`` — "Rents rose 20%, from 120 to 150" (+25%: inaccurate) and "Sales rose 25%,
  from 120 to 150" (accurate);
* ``bad.txt`` — bytes that are not UTF-8: a row with status ``error``;
* ``c.md`` — "Fees rose 20%, from 120 to 150" (+25%: inaccurate), "Visits fell 50%, from
  400 to 300" (−25%: inaccurate) and "About 71% of residents…" (no evidence: needs a source).

So 4 files, 6 findings: 1 accurate, 1 approximate, 3 inaccurate, 1 needing a source; the
worst offenders are c.md (2 inaccurate of 2 checked), then b.txt (1 of 2).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("dask.bag")
pytest.importorskip("pyarrow")


def cc(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "FORCE_COLOR", "NO_COLOR", "GITHUB_ACTIONS", "CI")}
    env["LC_ALL"] = "C.UTF-8"
    return subprocess.run([sys.executable, "-m", "claimcheck", *args], cwd=cwd, capture_output=True, text=True,
                          env=env, timeout=120)


@pytest.fixture(scope="module")
def news(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("desk")
    d = root / "news"
    d.mkdir()
    (d / "a.txt").write_text("Arrests fell 10%, from 31,000 in June to 27,000 in July.\n", encoding="utf-8")
    (d / "b.txt").write_text("Rents rose 20%, from 120 to 150, the council said.\n\n"
                             "Sales rose 25%, from 120 to 150, the company said.\n", encoding="utf-8")
    (d / "bad.txt").write_bytes(b"ab\xffc\n")
    (d / "c.md").write_text("# Fees\n\nFees rose 20%, from 120 to 150, the agency said.\n\n"
                            "Visits fell 50%, from 400 to 300, the museum said.\n\n"
                            "About 71% of residents said they had noticed.\n", encoding="utf-8")
    (d / "notes.yaml").write_text("not an article\n", encoding="utf-8")  # not searched for
    (d / ".hidden.txt").write_text("Sales rose 20%, from 120 to 150.\n", encoding="utf-8")  # hidden: skipped
    r = cc("archive", "scan", "news", "--out", "findings.parquet", "--workers", "1", "--partition-size", "1", cwd=root)
    assert r.returncode == 2, r.stderr  # bad.txt could not be read
    assert r.stdout == "4 files scanned in 4 partitions: 6 findings, 3 inaccurate; written to findings.parquet\n"
    assert r.stderr == ("claimcheck: error: 1 file could not be read; its row in findings.parquet has status "
                        "'error' and the reason\n")
    return root


def test_summary_counts_by_verdict_and_lists_the_worst_offenders(news: Path) -> None:
    r = cc("archive", "summary", "findings.parquet", cwd=news)
    assert (r.returncode, r.stderr) == (0, "")
    assert r.stdout == (
        "findings.parquet: 4 files scanned: 6 findings\n"
        "                                  \n"
        " outcome                 findings \n"
        " ──────────────────────────────── \n"
        " checked: accurate              1 \n"
        " checked: approximate           1 \n"
        " checked: inaccurate            3 \n"
        " checked: unverifiable          0 \n"
        " needs a source                 1 \n"
        "                                  \n"
        " all findings                   6 \n"
        "                                  \n"
        "1 file could not be read: the rows with status 'error' say why\n"
        "Worst offenders: the files with the most inaccurate findings\n"
        "                                   \n"
        " file         inaccurate   checked \n"
        " ───────────────────────────────── \n"
        " news/c.md             2         2 \n"
        " news/b.txt            1         2 \n"
        "                                   \n"
    )


def test_summary_as_json(news: Path) -> None:
    r = cc("archive", "summary", "findings.parquet", "--format", "json", "--top", "1", cwd=news)
    assert (r.returncode, r.stderr) == (0, "")
    assert json.loads(r.stdout) == {
        "path": "findings.parquet", "files": 4, "partitions": 4, "parts": 4, "complete": True, "findings": 6,
        "counts": {"accurate": 1, "approximate": 1, "inaccurate": 3, "unverifiable": 0, "needs-source": 1,
                   "error": 1, "internal-error": 0},
        "offenders": [{"file": "news/c.md", "inaccurate": 2, "checked": 2}],
    }


def test_a_missing_part_makes_the_summary_say_the_dataset_is_incomplete(news: Path, tmp_path: Path) -> None:
    import shutil

    copy = tmp_path / "copy.parquet"
    shutil.copytree(news / "findings.parquet", copy)
    (copy / "part-00000002.parquet").unlink()  # bad.txt's part
    r = cc("archive", "summary", str(copy), "--format", "json", cwd=news)
    assert r.returncode == 2
    assert r.stderr == f"claimcheck: error: {copy}: only 3 of the run's 4 parts are here: the dataset is incomplete\n"
    got = json.loads(r.stdout)
    assert (got["files"], got["parts"], got["complete"], got["counts"]["error"]) == (3, 3, False, 0)


def test_an_existing_dataset_is_replaced_only_with_force(news: Path) -> None:
    r = cc("archive", "scan", "news/a.txt", "--out", "findings.parquet", cwd=news)
    assert (r.returncode, r.stdout, r.stderr) == (
        2, "", "claimcheck: error: findings.parquet already exists; use --force to replace it\n")
    r = cc("archive", "scan", "news/a.txt", "--out", "one.parquet", "-q", cwd=news)
    assert (r.returncode, r.stdout, r.stderr) == (0, "", "")
    r = cc("archive", "scan", "news/b.txt", "--out", "one.parquet", "--force", cwd=news)
    assert (r.returncode, r.stderr) == (0, "")
    assert r.stdout == "1 file scanned in 1 partition: 2 findings, 1 inaccurate; written to one.parquet\n"
    assert sorted(p.name for p in (news / "one.parquet").iterdir()) == ["part-00000000.parquet"]
    assert not list(news.glob("one.parquet.*"))


def test_force_never_replaces_a_folder_that_is_not_a_dataset(news: Path) -> None:
    r = cc("archive", "scan", "news/a.txt", "--out", "news", "--force", cwd=news)
    assert (r.returncode, r.stdout, r.stderr) == (
        2, "", "claimcheck: error: news is a folder that is not an archive dataset; not replacing it\n")
    assert (news / "news" / "a.txt").exists()


@pytest.mark.parametrize("args, message", [
    (["empty"], "no articles found (folders are searched for *.txt, *.text, *.md, *.markdown, *.mdown, *.mkd, "
                "*.html, *.htm, *.xhtml files)"),
    (["-"], "archive scan reads files and folders, not standard input (-)"),
    (["news", "--input-format", "pdf"], "unknown input format 'pdf'; choose text, markdown or html"),
    (["news", "--scheduler", "tcp://127.0.0.1:8786", "--workers", "2"],
     "--workers is for the local scheduler; a cluster has the workers it was started with"),
])
def test_bad_usage_is_one_line_and_exit_2(news: Path, args: list[str], message: str) -> None:
    (news / "empty").mkdir(exist_ok=True)
    r = cc("archive", "scan", *args, "--out", "x.parquet", cwd=news)
    assert (r.returncode, r.stdout, r.stderr) == (2, "", f"claimcheck: error: {message}\n")
    assert not (news / "x.parquet").exists()


def test_summary_of_what_is_not_a_dataset(news: Path) -> None:
    r = cc("archive", "summary", "nothing.parquet", cwd=news)
    assert (r.returncode, r.stdout, r.stderr) == (2, "", "claimcheck: error: nothing.parquet: no such dataset\n")
    r = cc("archive", "summary", "news/a.txt", cwd=news)
    assert r.returncode == 2 and r.stdout == ""
    assert r.stderr.startswith("claimcheck: error: cannot read news/a.txt as a Parquet dataset: ")
    assert r.stderr.count("\n") == 1
