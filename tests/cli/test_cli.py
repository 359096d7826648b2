"""The whole CLI outcome, asserted together: exit code, stdout and stderr."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ENV = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "LC_ALL": "C.UTF-8",
       "CLAIMCHECK_CACHE_DIR": os.environ.get("CLAIMCHECK_CACHE_DIR", "")}  # tests/conftest.py

GOOD = """\
title: Good
figures:
  before: {value: 120, unit: people, period: 2025-06}
  after: {value: 150, unit: people, period: 2025-07}
claims:
  - id: up-25
    speaker: A
    statement: up 25%
    figure: up 25%
    compute: pct_change(before, after)
"""


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "claimcheck", *args], cwd=cwd, capture_output=True, text=True, env=ENV)


def test_version() -> None:
    from claimcheck import __version__

    p = run("--version")
    assert (p.returncode, p.stdout, p.stderr) == (0, f"claimcheck {__version__}\n", "")


def test_validate_good_file() -> None:
    p = run("validate", "claims/ice_july.yaml")
    assert (p.returncode, p.stdout, p.stderr) == (0, "1 file valid\n", "")


def test_validate_mixed_folder_reports_every_problem_located(tmp_path: Path) -> None:
    (tmp_path / "a_good.yaml").write_text(GOOD, encoding="utf-8")
    (tmp_path / "b_broken.yaml").write_text("title: x\nclaims: []\nfigures:\n  june: {vlaue: 3}\n", encoding="utf-8")
    (tmp_path / "c_latin1.yaml").write_bytes("title: Jos\xe9\nclaims: []\n".encode("latin-1"))
    (tmp_path / "d_utf32.yaml").write_bytes("title: x\n".encode("utf-32"))
    (tmp_path / "notes.txt").write_text("not a claim file", encoding="utf-8")
    p = run("validate", str(tmp_path))
    assert p.returncode == 2
    assert p.stdout == ""
    assert p.stderr.splitlines() == [
        f"{tmp_path}/b_broken.yaml:4:10: error: unknown key 'vlaue' — did you mean 'value'?",
        f"{tmp_path}/c_latin1.yaml:1:11: error: not UTF-8 (byte 0xE9); save the file as UTF-8",
        # UTF-32 starts with the BOM FF FE 00 00: the first byte is already not UTF-8.
        f"{tmp_path}/d_utf32.yaml:1:1: error: not UTF-8 (byte 0xFF); save the file as UTF-8",
        "3 of 4 files invalid",
    ]
    assert "Traceback" not in p.stderr


def test_validate_missing_path_and_empty_folder(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    p = run("validate", str(tmp_path / "nope.yaml"), str(tmp_path / "empty"))
    assert p.returncode == 2
    assert p.stderr.splitlines()[:2] == [
        f"{tmp_path}/nope.yaml:1:1: error: no such file or directory",
        f"{tmp_path}/empty:1:1: error: no claim files (*.yaml, *.yml) in this folder",
    ]


def test_schema_command_prints_the_shipped_schema() -> None:
    p = run("schema")
    assert p.returncode == 0 and p.stderr == ""
    assert p.stdout == (ROOT / "claims" / "claimfile.schema.json").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "expression, claim, code, verdict",
    [
        ("pct_change(1224, 990)", "nearly 20% drop", 0, "accurate"),  # −19.12%
        ("pct_change(31000, 27000)", "down 10%", 0, "approximate"),  # −12.90%, 10% at the rounding edge
        ("pct_change(120, 150)", "a 20% rise", 1, "inaccurate"),  # +25%; 20% = 30 ÷ 150
    ],
)
def test_calc_exit_codes(expression: str, claim: str, code: int, verdict: str) -> None:
    p = run("calc", expression, "--claim", claim, "--format", "json")
    assert p.returncode == code, p.stderr
    assert json.loads(p.stdout)["verdict"] == verdict
    assert p.stderr == ""


def test_calc_bad_input_is_located() -> None:
    p = run("calc", "pct_change(31000, june)", "--claim", "down 10%")
    assert p.returncode == 2
    assert p.stdout == ""
    assert p.stderr.startswith("<expression>:1:19: error: unknown figure 'june'")
    p = run("calc", "pct_change(1, 2)", "--claim", "plenty")
    assert p.returncode == 2 and p.stderr.startswith("<claim>:1:1: error: cannot read figure 'plenty'")


def test_calc_zero_baseline_fails_with_reason() -> None:
    p = run("calc", "pct_change(0, 5)", "--claim", "up 10%", "--format", "json")
    assert p.returncode == 1
    data = json.loads(p.stdout)
    assert data["failure"] == "cannot compute: baseline is 0"


def test_new_creates_a_file_that_verifies_once_filled_and_refuses_to_overwrite(tmp_path: Path) -> None:
    p = run("new", "claims/story.yaml", "--title", 'Budget: "final" #2', cwd=tmp_path)
    assert p.returncode == 0, p.stderr
    target = tmp_path / "claims" / "story.yaml"
    before = target.read_bytes()
    assert before.startswith(b"# yaml-language-server: $schema=claimfile.schema.json\n")
    assert (tmp_path / "claims" / "claimfile.schema.json").is_file()  # the reference resolves
    # As written, its placeholders are refused, each located, and nothing passes.
    v = run("verify", "claims/story.yaml", "--format", "json", cwd=tmp_path)
    assert v.returncode == 2
    assert [line.split(": error: ")[1].split(" ")[0] for line in v.stderr.splitlines()] == [
        "'publisher'", "'speaker'", "'statement'"]
    # The header's commands, pasted as they stand, check the file once it is filled in.
    filled = before.decode("utf-8").replace('"TODO: ', '"')
    target.write_text(filled, encoding="utf-8")
    commands = [line.split("#   ", 1)[1].split() for line in filled.splitlines() if line.startswith("#   claimcheck ")]
    assert commands == [["claimcheck", "validate", "claims/story.yaml"], ["claimcheck", "verify", "claims/story.yaml"]]
    assert run(*commands[0][1:], cwd=tmp_path).returncode == 0
    v = run(*commands[1][1:], "--format", "json", cwd=tmp_path)
    assert v.returncode == 0, v.stderr
    assert json.loads(v.stdout)["files"][0]["title"] == 'Budget: "final" #2'
    target.write_bytes(before)
    again = run("new", "claims/story.yaml", cwd=tmp_path)
    assert again.returncode == 2
    assert again.stderr == "claims/story.yaml:1:1: error: already exists; use --force to overwrite it\n"
    assert target.read_bytes() == before
    forced = run("new", "claims/story.yaml", "--force", "--title", "Other", cwd=tmp_path)
    assert forced.returncode == 0 and b'title: "Other"' in target.read_bytes()


@pytest.mark.parametrize("name", ["../../x.yaml", "/etc/passwd.yaml", "a/../../b.yaml"])
def test_new_refuses_paths_outside_the_folder(tmp_path: Path, name: str) -> None:
    p = run("new", name, cwd=tmp_path)
    assert p.returncode == 2
    assert "refusing to write outside" in p.stderr
    assert list(tmp_path.iterdir()) == []


def test_rules_prints_the_one_table() -> None:
    from claimcheck.verdicts.hedges import RULES

    p = run("rules", "--format", "json")
    assert p.returncode == 0
    data = json.loads(p.stdout)
    assert [r["rule"] for r in data["rules"]] == [r.name for r in RULES]
    md = run("rules", "--format", "markdown").stdout
    assert "| nearly |" in md and "0.9X ≤ V ≤ X + u/2" in md


def test_unknown_format_is_a_usage_error() -> None:
    p = run("verify", "claims/ice_july.yaml", "--format", "xml")
    assert p.returncode == 2
    assert "unknown format 'xml'" in p.stderr


ARTICLE = """\
# Draft

Officials said arrests were only down 10%, from 31,000 in June to 27,000 in July.

Permits rose 20%, from 120 to 150, the city said.

More than 18,000 people were deported in June alone.
"""


def test_scan_checks_self_contained_claims_and_emits_a_scaffold(tmp_path: Path, fill_placeholders) -> None:  # noqa: ANN001
    article = tmp_path / "draft.md"
    article.write_text(ARTICLE, encoding="utf-8")
    scaffold = tmp_path / "draft_claims.yaml"
    p = run("scan", str(article), "--format", "json", "--emit-yaml", str(scaffold))
    # 120 → 150 is +25% (20% is 30 ÷ 150, the wrong base): inaccurate, so exit 1.
    assert p.returncode == 1, p.stderr
    data = json.loads(p.stdout)
    verdicts = {f["phrase"]: f.get("verdict") for f in data["files"][0]["findings"]}
    assert verdicts["only down 10%"] == "approximate"  # −12.90%, 10% only at the rounding edge
    assert verdicts["rose 20%"] == "inaccurate"
    assert "More than 18,000" not in verdicts  # a raw level, evidence for claims, not a claim
    v = run("validate", str(scaffold))
    # the reporter's placeholders (title, publisher, speakers) are refused until filled in
    assert v.returncode == 2 and "is still a placeholder" in v.stderr, v.stderr
    scaffold.write_text(fill_placeholders(scaffold.read_text(encoding="utf-8")), encoding="utf-8")
    v = run("validate", str(scaffold))
    assert v.returncode == 0, v.stderr
    again = run("scan", str(article), "--emit-yaml", str(scaffold))
    assert again.returncode == 2
    assert again.stderr == f"{scaffold}:1:1: error: already exists; use --force to overwrite it\n"


def test_scan_scaffold_carries_the_articles_url_and_title(tmp_path: Path, fill_placeholders) -> None:  # noqa: ANN001
    article = tmp_path / "draft.md"
    article.write_text(ARTICLE, encoding="utf-8")
    scaffold = tmp_path / "claims.yaml"
    p = run("scan", str(article), "--emit-yaml", str(scaffold), "--url", "https://example.org/draft", "--title", "Arrests")
    assert p.returncode == 1, p.stderr
    text = scaffold.read_text(encoding="utf-8")
    assert 'title: "Arrests"' in text
    assert 'url: "https://example.org/draft"' in text
    # verify reads the scaffold back, its placeholders filled in, and reaches the scan's
    # verdicts on the named figures
    scaffold.write_text(fill_placeholders(text), encoding="utf-8")
    v = run("verify", str(scaffold), "--format", "json")
    assert v.returncode == 1, v.stderr
    verdicts = sorted(c["verdict"] for c in json.loads(v.stdout)["files"][0]["claims"])
    # −12.90% for "only down 10%" approximate; +25% for "rose 20%" inaccurate ("More than
    # 18,000" is a level, no claim of the scan's)
    assert verdicts == ["approximate", "inaccurate"]


def test_scan_url_without_a_scaffold_or_with_many_files_is_refused(tmp_path: Path) -> None:
    article = tmp_path / "draft.md"
    article.write_text(ARTICLE, encoding="utf-8")
    p = run("scan", str(article), "--url", "https://example.org/draft")
    assert p.returncode == 2
    assert p.stderr == "claimcheck: error: --url and --title describe the file --emit-yaml writes; give --emit-yaml too\n"
    p = run("scan", str(article), str(article), "--emit-yaml", str(tmp_path / "c.yaml"), "--url", "https://example.org/x")
    assert p.returncode == 2
    assert p.stderr == "claimcheck: error: --url is the address of one article; scan one file with it\n"
    assert not (tmp_path / "c.yaml").exists()


def test_scan_unreadable_input_is_located_and_exit_2(tmp_path: Path) -> None:
    bad = tmp_path / "latin1.txt"
    bad.write_bytes("Prices rose 5% in Jos\xe9's town.\n".encode("latin-1"))
    p = run("scan", str(bad), str(tmp_path / "missing.txt"))
    assert p.returncode == 2
    lines = p.stderr.splitlines()
    assert lines[0].startswith(f"{bad}:1:") and "not UTF-8" in lines[0]
    assert lines[1].startswith(f"{tmp_path}/missing.txt:1:1: error:")
    assert "Traceback" not in p.stderr


def test_verify_refuses_to_write_the_report_over_a_claim_file(tmp_path: Path) -> None:
    claim = tmp_path / "story.yaml"
    claim.write_text(GOOD, encoding="utf-8")
    before = claim.read_bytes()
    p = run("verify", str(claim), "-o", str(claim), "--format", "json")
    assert p.returncode == 2
    assert p.stderr == f"claimcheck: error: -o {claim} is one of the files being checked; write the report elsewhere\n"
    assert claim.read_bytes() == before
    p = run("verify", str(tmp_path), "-o", str(tmp_path / "report.yml"))
    assert p.returncode == 2 and "would be read as a claim file" in p.stderr
    assert sorted(x.name for x in tmp_path.iterdir()) == ["story.yaml"]
