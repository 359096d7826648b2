"""Golden files: every format rendered at width 100 from the engine's results for the claim
files in tests/fixtures/reports/ (report_fixtures.py).

A golden file is the reviewed, expected output; a difference is a failure. After an
intended change, regenerate with ``UPDATE_GOLDEN=1 pytest tests/unit/report/test_report_golden.py``
and read every changed file before committing it.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from report_fixtures import ALL

from claimcheck.report import Options
from claimcheck.run import render as render_all

GOLDEN = Path(__file__).resolve().parents[2] / "golden"

CASES = [
    ("rich", Options(width=100), "rich.txt"),
    ("rich", Options(width=100, explain=True), "rich_explain.txt"),
    ("json", Options(width=100), "json.json"),
    ("junit", Options(width=100), "junit.xml"),
    ("github", Options(width=100), "github.txt"),
    ("markdown", Options(width=100), "markdown.md"),
    ("claimreview", Options(width=100), "claimreview.jsonld"),
    ("sarif", Options(width=100), "sarif.json"),
    ("gitlab", Options(width=100), "gitlab.json"),
    ("html", Options(width=100), "report.html"),
]


def check_golden(name: str, actual: str) -> None:
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_text(actual, encoding="utf-8", newline="")
    assert path.exists(), f"no golden file {name}; run with UPDATE_GOLDEN=1 and review it"
    with open(path, encoding="utf-8", newline="") as f:
        assert actual == f.read()


@pytest.mark.parametrize(("fmt", "options", "name"), CASES, ids=[c[2] for c in CASES])
def test_golden(fmt: str, options: Options, name: str) -> None:
    check_golden(name, render_all(fmt, ALL, options))


def test_every_format_has_a_golden_file() -> None:
    from claimcheck.report import FORMATS

    assert {fmt for fmt, _, _ in CASES} == set(FORMATS)
