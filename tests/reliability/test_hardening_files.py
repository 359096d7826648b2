"""Issue 19, the claim-file side: what an attack on claimcheck found, each pinned here.

Each test failed on the code of commit 7a1a298 (the main the attack ran against) and
passes now. The file rows go through the catalog's own check (``test_catalog.py``: exit
2, the located line, every other file still checked and judged, nothing written); the
rest run the real command line the same way. Positions are counted by hand.

* 2 — "did you mean" compared every unknown name with every figure name (quadratic);
* 4 — chains of derived figures: a 120-step running total validated but ``verify``
  called it "too complex"; 1,000+ figures in reverse order crashed the cycle check;
* 7 — ``scan --emit-yaml`` wrote files claimcheck could not load (an emoji as a
  surrogate pair; a newline in the article's name broke the header comment);
* 8 — unreadable subfolders were skipped silently; folders behind a symlink not searched;
* 12 — negative and non-percent tolerances accepted; ClaimReview copied
  ``javascript:`` URLs; line separators written as ``\\L``/``\\P`` escapes reached the reports.
"""

from __future__ import annotations

import difflib
import json
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from clirun import FAILING, GOOD, claim_file, claimcheck, clean_env, snapshot
from test_catalog import Row, assert_located, assert_stderr_lines_are_located_or_summary
from test_catalog import test_bad_file as _check_row

# --- the file rows ----------------------------------------------------------------------


def _misspelt(n: int) -> str:
    """n figures and n derived figures each naming a misspelling of one: n × 2n
    comparisons for a naive "did you mean" (1,500: 4.5 million, minutes)."""
    lines = ["title: t", "figures:"]
    lines += [f"  figure_{i:05d}: {{value: {i}}}" for i in range(n)]
    lines += [f"  derived_{i:05d}: {{compute: figura_{i:05d} + 1}}" for i in range(n)]
    return "\n".join(lines + ["claims: []"]) + "\n"


def _reverse_chain(n: int) -> str:
    """f0 raw, f1 = f0 + 1, …, f(n-1) = f(n-2) + 1, written last first; a claim on the top."""
    lines = ["title: chain", "figures:"]
    lines += [f"  f{i}: {{compute: f{i - 1} + 1}}" for i in range(n - 1, 0, -1)]
    lines += ["  f0: {value: 1}", "claims:", "  - id: c1", "    speaker: s", "    statement: s",
              f"    figure: about {n}", f"    compute: f{n - 1}"]
    return "\n".join(lines) + "\n"


def _tolerance(value: str, rule: str = "nearly", key: str = "accurate_below") -> str:
    return claim_file(extra=f"    tolerance: {{{rule}: {{{key}: {value}}}}}\n")


ROWS = [
    # Item 2: 1,500 unknown names against 3,000 figures (110 KB). The first one still gets
    # its suggestion: "  derived_00000: {compute: " is 27 characters.
    Row(192, "did-you-mean-3000", _misspelt(1500), 1503, 28,
        "unknown figure 'figura_00000' — did you mean 'figure_00000'?", hostile=True),
    # Item 4: f1001 is on line 3 + (1499 − 1001); its expression starts at column 20.
    Row(194, "chain-1500-reversed", _reverse_chain(1500), 501, 20,
        "figure 'f1001' is 1,001 derived figures deep (at most 1,000)", hostile=True),
    # Item 12: "    tolerance: {nearly: {accurate_below: " is 41 characters (line 11).
    Row(1912, "tolerance-negative", _tolerance("-5%"), 11, 42, "'-5%' is negative; a tolerance is a width: write 5%"),
    Row(1912, "tolerance-money", _tolerance('"$5 million"'), 11, 42,
        "'$5 million' is not a percent; write the tolerance as a percent of the claimed number, such as 5%"),
    Row(1912, "tolerance-share", _tolerance("0.08"), 11, 42, "'0.08' is not a percent; write the tolerance as a percent of the claimed number, such as 8%"),
    # "    tolerance: {exact: {accurate_units: " is 40 characters: units are a plain number.
    Row(1912, "tolerance-units-percent", _tolerance("50%", "exact", "accurate_units"), 11, 41,
        "'50%' is not a number of units"),
    Row(1912, "tolerance-units-negative", _tolerance("-1", "exact", "accurate_units"), 11, 41, "'-1' is negative"),
    # Escaped line separators, located at the scalar's opening quote.
    Row(1912, "escaped-L", claim_file().replace("statement: s", 'statement: "a\\Lb"'), 8, 16,
        "escaped line separator U+2028 (\\L) is not allowed in a claim file; write a space or \\n instead"),
    Row(1912, "escaped-P", claim_file().replace("speaker: A", 'speaker: "A\\P"'), 7, 14,
        "escaped line separator U+2029 (\\P) is not allowed"),
    Row(1912, "escaped-u2028", claim_file().replace("title: test", 'title: "x\\u2028y"'), 1, 8,
        "escaped line separator U+2028 (\\L) is not allowed"),
    Row(1912, "escaped-N", claim_file().replace("statement: s", "statement: 'ok'\n    note: \"n\\N\""), 9, 11,
        "escaped line separator U+0085 (\\N) is not allowed"),
]


@pytest.mark.parametrize("row", ROWS, ids=lambda r: r.id)
def test_bad_file(row: Row, tmp_path: Path) -> None:
    _check_row(row, tmp_path)


# --- item 2: "did you mean" in bounded work -----------------------------------------------


def test_did_you_mean_makes_a_bounded_number_of_comparisons(monkeypatch: pytest.MonkeyPatch) -> None:
    """However many unknown names a file has, the comparisons stay under one budget; the
    first names still get their suggestion. (600 names against 1,200 figures were 720,000
    comparisons.)"""
    from claimcheck.claimfile import load_located
    from claimcheck.expr.suggest import BUDGET

    calls = 0
    real = difflib.SequenceMatcher.quick_ratio

    def counted(self: difflib.SequenceMatcher) -> float:
        nonlocal calls
        calls += 1
        return real(self)

    monkeypatch.setattr(difflib.SequenceMatcher, "quick_ratio", counted)
    # One located load checks the cross-references once (load_text may check them twice:
    # its lean pass, then the located one that words the errors; so 2 × BUDGET at most).
    loaded = load_located("m.yaml", _misspelt(600))
    assert calls <= BUDGET
    assert len(loaded.problems) == 600
    assert loaded.problems[0].message == "unknown figure 'figura_00000' — did you mean 'figure_00000'?"
    # Past the budget a name is still reported, with some known names instead.
    assert loaded.problems[-1].message.startswith("unknown figure 'figura_00599'; known figures: figure_00000, ")


_NAME = st.text(alphabet="abcdefghij_0123", min_size=0, max_size=14)


@given(name=_NAME, names=st.lists(_NAME, max_size=60))
@settings(deadline=None)
def test_did_you_mean_is_difflibs_on_ordinary_files(name: str, names: list[str]) -> None:
    """Within the budget, the suggestion is exactly difflib's (n=1, cutoff 0.6)."""
    from claimcheck.expr import suggest

    want = difflib.get_close_matches(name, names, n=1, cutoff=0.6)
    assert suggest(name, names) == (want[0] if want else None)


def test_did_you_mean_is_unchanged_for_a_typo(tmp_path: Path) -> None:
    run_ = claimcheck("validate", "t.yaml", cwd=_write(tmp_path, "t.yaml", claim_file(compute="pct_change(jnue, july)")))
    assert run_.code == 2
    assert_located(run_, "t.yaml", 10, 25, "unknown figure 'jnue' — did you mean 'june'?")


def _write(folder: Path, name: str, text: str) -> Path:
    (folder / name).write_text(text, encoding="utf-8")
    return folder


# --- item 4: chains of derived figures ----------------------------------------------------


def _running_total(months: int) -> str:
    """m1..mN raw (100, 101, …), t1 = m1, t(i) = t(i-1) + m(i); the claim on the total."""
    lines = ["title: running total", "figures:"]
    lines += [f"  m{i}: {{value: {99 + i}}}" for i in range(1, months + 1)]
    lines += ["  t1: {compute: m1}"] + [f"  t{i}: {{compute: t{i - 1} + m{i}}}" for i in range(2, months + 1)]
    total = sum(99 + i for i in range(1, months + 1))
    lines += ["claims:", "  - id: total", "    speaker: s", "    statement: s", f'    figure: "{total:,}"', f"    compute: t{months}"]
    return "\n".join(lines) + "\n"


def test_a_120_step_running_total_validates_and_verifies(tmp_path: Path) -> None:
    # Ten years of months: 100 + 101 + … + 219 = 120 × 319 / 2 = 19,140.
    _write(tmp_path, "total.yaml", _running_total(120))
    assert claimcheck("validate", "total.yaml", cwd=tmp_path).code == 0
    run_ = claimcheck("verify", "total.yaml", "--format", "json", cwd=tmp_path)
    assert run_.code == 0, run_.err
    (claim,) = json.loads(run_.out)["files"][0]["claims"]
    assert claim["point"] == "19140" and claim["verdict"] == "accurate"


@pytest.mark.parametrize("command", ["validate", "verify"])
def test_validate_and_verify_share_the_chain_limit(command: str, tmp_path: Path) -> None:
    # 1,000 deep in reverse order is within the limit: f999 = 1 + 999 = 1,000.
    _write(tmp_path, "limit.yaml", _reverse_chain(1001))
    _write(tmp_path, "past.yaml", _reverse_chain(1002))
    _write(tmp_path, "good.yaml", GOOD)
    run_ = claimcheck(command, "limit.yaml", "past.yaml", "good.yaml", cwd=tmp_path)
    assert run_.code == 2
    # past.yaml: f1001 is on line 3 + (1001 − 1001) = 3, its expression at column 20.
    assert_located(run_, "past.yaml", 3, 20, "figure 'f1001' is 1,001 derived figures deep (at most 1,000)")
    assert_stderr_lines_are_located_or_summary(run_)
    assert not [line for line in run_.err_lines if line.startswith(("limit.yaml", "good.yaml"))]
    if command == "verify":
        alone = claimcheck("verify", "limit.yaml", "--format", "json", cwd=tmp_path)
        assert alone.code == 0, alone.err
        assert json.loads(alone.out)["files"][0]["claims"][0]["point"] == "1001"


def test_a_figure_two_inputs_share_is_not_a_cycle(tmp_path: Path) -> None:
    # t = a + b, b = a + 1: the iterative evaluation first called this a cycle (found while
    # writing it; the recursive one on main was right). 10·2 = 20, 20 + 21 = 41.
    text = (
        "title: t\nfigures:\n  x: {value: 10}\n  a: {compute: x * 2}\n  b: {compute: a + 1}\n  t: {compute: a + b}\n"
        "claims:\n  - {id: c1, speaker: s, statement: s, figure: \"41\", compute: t}\n"
    )
    run_ = claimcheck("verify", "d.yaml", "--format", "json", cwd=_write(tmp_path, "d.yaml", text))
    assert run_.code == 0, run_.err
    assert json.loads(run_.out)["files"][0]["claims"][0]["point"] == "41"


def test_an_error_inside_a_derived_figure_is_located_at_its_compute(tmp_path: Path) -> None:
    # 99,999^1000 is over the size cap: the error is d's, not the claim's that uses it.
    text = (
        "title: t\nfigures:\n"
        "  a: {value: 99999}\n"
        "  b: {compute: a**10}\n"
        "  c: {compute: b**10}\n"
        "  d: {compute: c**10}\n"
        "claims:\n  - id: c1\n    speaker: s\n    statement: s\n    figure: up 5%\n    compute: pct_change(a, d)\n"
    )
    run_ = claimcheck("verify", "big.yaml", cwd=_write(tmp_path, "big.yaml", text))
    assert run_.code == 2
    # "  d: {compute: " is 15 characters; the expression c**10 starts at column 16.
    assert_located(run_, "big.yaml", 6, 16, "number too large")


def test_a_long_cycle_is_reported_once_and_shortened(tmp_path: Path) -> None:
    # f0 → f1 → … → f1999 → f0: found without recursion, shown with its middle left out.
    lines = ["title: t", "figures:"] + [f"  f{i}: {{compute: f{(i + 1) % 2000} + 1}}" for i in range(2000)] + ["claims: []"]
    run_ = claimcheck("validate", "cycle.yaml", cwd=_write(tmp_path, "cycle.yaml", "\n".join(lines) + "\n"))
    assert run_.code == 2
    located = [line for line in run_.err_lines if line.startswith("cycle.yaml:")]
    assert located == [
        "cycle.yaml:3:17: error: figure 'f0' is defined in terms of itself: "
        "f0 → f1 → f2 → f3 → … (1,993 more) → f1997 → f1998 → f1999 → f0"
    ]


# --- item 7: the --emit-yaml scaffold loads back ------------------------------------------

ARTICLE = "Arrests \U0001f693 fell from 1,224 in June to 990 in July, a drop of nearly 20%.\n"


def test_emit_yaml_with_an_emoji_and_a_newline_in_the_name_loads(tmp_path: Path, fill_placeholders) -> None:  # noqa: ANN001
    name = "art\nicle \u2028\U0001f600.txt"
    (tmp_path / name).write_text(ARTICLE, encoding="utf-8")
    run_ = claimcheck("scan", name, "--emit-yaml", "out.yaml", cwd=tmp_path)
    assert run_.code == 0, run_.err
    text = (tmp_path / "out.yaml").read_text(encoding="utf-8")
    # The name is one escaped line of the header comment, not a second line.
    assert text.split("\n")[1] == "# Scaffold from `claimcheck scan art\\u000aicle \\u2028\U0001f600.txt`: check each figure against the article,"
    fresh = claimcheck("validate", "out.yaml", cwd=tmp_path)
    assert fresh.code == 2 and all("is still a placeholder" in line for line in fresh.err_lines[:-1]), fresh.err
    (tmp_path / "out.yaml").write_text(fill_placeholders(text), encoding="utf-8")
    run_ = claimcheck("verify", "out.yaml", "--format", "json", cwd=tmp_path)
    assert run_.code == 0, run_.err
    (claim,) = json.loads(run_.out)["files"][0]["claims"]
    assert claim["statement"] == ARTICLE.strip()  # the emoji as written, not two surrogates
    assert claim["verdict"] == "accurate"


# --- item 8: folders ----------------------------------------------------------------------


def _unreadable_hook(tmp_path: Path) -> dict[str, str]:
    """An environment in which any folder named ``locked`` cannot be listed, as for a
    user without read permission (the tests may run as root, who reads everything)."""
    hook = tmp_path / "hook"
    hook.mkdir()
    (hook / "sitecustomize.py").write_text(
        "import os\n"
        "_real = os.scandir\n"
        "def _scandir(path='.'):\n"
        "    if os.path.basename(os.fspath(path).rstrip(os.sep)) == 'locked':\n"
        "        raise PermissionError(13, 'Permission denied', os.fspath(path))\n"
        "    return _real(path)\n"
        "os.scandir = _scandir\n",
        encoding="utf-8",
    )
    return clean_env(PYTHONPATH=os.pathsep.join(p for p in (str(hook), os.environ.get("PYTHONPATH", "")) if p))


def _tree(tmp_path: Path) -> Path:
    claims = tmp_path / "work" / "claims"
    (claims / "locked").mkdir(parents=True)
    (claims / "good.yaml").write_text(GOOD, encoding="utf-8")
    (claims / "locked" / "hidden-from-us.yaml").write_text(GOOD, encoding="utf-8")
    return tmp_path / "work"


@pytest.mark.parametrize("args", [(), ("--exclude", "nothing-matches")])
def test_an_unreadable_subfolder_is_a_located_error(args: tuple[str, ...], tmp_path: Path) -> None:
    work = _tree(tmp_path)
    run_ = claimcheck("verify", "claims", "--format", "json", *args, cwd=work, env=_unreadable_hook(tmp_path))
    assert run_.code == 2, run_.err
    assert_located(run_, "claims/locked", 1, 1, "cannot read this folder: permission denied")
    report = {f["path"]: f for f in json.loads(run_.out)["files"]}
    assert report["claims/good.yaml"]["claims"][0]["verdict"] == "accurate"  # the others still checked
    assert report["claims/locked"]["valid"] is False


def test_an_unreadable_subfolder_for_real(tmp_path: Path) -> None:
    if not hasattr(os, "geteuid") or os.geteuid() == 0:
        pytest.skip("root reads every folder; the hooked test above covers it")
    work = _tree(tmp_path)
    locked = work / "claims" / "locked"
    locked.chmod(0)
    try:
        run_ = claimcheck("validate", "claims", cwd=work)
    finally:
        locked.chmod(0o755)
    assert run_.code == 2
    assert_located(run_, "claims/locked", 1, 1, "cannot read this folder: permission denied")


def test_a_folder_behind_a_symlink_is_searched_once(tmp_path: Path) -> None:
    shared = tmp_path / "shared" / "inner"
    shared.mkdir(parents=True)
    (shared / "failing.yaml").write_text(FAILING, encoding="utf-8")
    claims = tmp_path / "claims"
    claims.mkdir()
    (claims / "good.yaml").write_text(GOOD, encoding="utf-8")
    (claims / "shared").symlink_to(tmp_path / "shared", target_is_directory=True)
    (claims / "again").symlink_to(tmp_path / "shared", target_is_directory=True)  # the same folder twice
    (claims / "loop").symlink_to(claims, target_is_directory=True)  # back to the top
    before = snapshot(tmp_path)
    run_ = claimcheck("verify", "claims", "--format", "json", cwd=tmp_path)
    assert run_.code == 1, run_.err  # the failing claim behind the link was checked
    paths = [f["path"] for f in json.loads(run_.out)["files"]]
    # Each real folder once, in sorted order: "again" is found first and stands for both.
    assert paths == ["claims/again/inner/failing.yaml", "claims/good.yaml"]
    assert snapshot(tmp_path) == before


# --- item 12: report links ----------------------------------------------------------------

HOSTILE_URLS = """\
title: t
url: javascript:alert(1)
date: 2025-07-01
publisher: {name: P, url: "JavaScript:alert(2)"}
article: "data:text/html,<script>alert(3)</script>"
figures:
  a: {value: 100}
  b: {value: 120}
claims:
  - {id: c1, speaker: X, speaker_type: person, date: 2025-06-01, statement: s, figure: up 20%, compute: "pct_change(a, b)"}
"""


@pytest.mark.parametrize("fmt", ["claimreview", "html", "markdown"])
def test_only_http_links_in_any_report(fmt: str, tmp_path: Path) -> None:
    run_ = claimcheck("verify", "x.yaml", "--format", fmt, cwd=_write(tmp_path, "x.yaml", HOSTILE_URLS))
    assert run_.code == 0, run_.err
    low = run_.out.lower()
    if fmt == "claimreview":
        (doc,) = json.loads(run_.out)
        assert "url" not in doc and "@id" not in doc and "url" not in doc["author"]
        assert "appearance" not in doc["itemReviewed"]
        assert "javascript:" not in low and "data:text" not in low
        assert "x.yaml:1:1: warning: ClaimReview: the url of the file is not an http or https address; left out" in run_.err_lines
        assert "x.yaml:1:1: warning: ClaimReview: the article of claim 'c1' is not an http or https address; left out" in run_.err_lines
    else:
        assert 'href="javascript' not in low and "<javascript" not in low
