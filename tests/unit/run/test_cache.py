"""The incremental cache: a hit gives the very report a cold run gives, and nothing it holds
is trusted unless it is provably the entry for these bytes, this code and these options.

The material covers every path a result takes: valid files with every kind of verdict and
diagnosis, a cross-source check, invalid files (YAML, model and cross-reference problems,
not UTF-8), generated stories, and a path that does not exist.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import fields, is_dataclass
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import claimcheck
from claimcheck import cache as cachemod, run
from claimcheck.engine import Policy
from claimcheck.report import FORMATS, Options, make, renders_on_workers
from claimcheck.report.verify.github import SUMMARY_PIECE
from claimcheck.results import FileResult, Problem

from run_corpus import ROOT, make_corpus

MATERIAL = [
    ROOT / "claims/ice_july.yaml",
    ROOT / "examples/draft_parks_budget.yaml",
    *sorted((ROOT / "tests/fixtures/reports").glob("*.yaml")),
    *sorted((ROOT / "tests/fixtures/newsroom").glob("*.yaml")),
    *(ROOT / "tests/cases/invalid" / n for n in ("hex.yaml", "latin1.yaml", "cycle.yaml", "misspelled_key.yaml", "empty.yaml")),
]


@pytest.fixture(scope="module")
def material(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    d = tmp_path_factory.mktemp("material")
    for p in MATERIAL:
        shutil.copyfile(p, d / p.name)
    make_corpus(d / "stories", claims=6, seed=3, invalid="story_bad.yaml")
    return [str(d), str(d / "missing.yaml")]


def report(paths: list[str], fmt: str, cache_dir: str | None, *, options: Options | None = None,
           policy: Policy | None = None, jobs: int = 1, summary: bool = False) -> tuple[object, list[str], int, object]:
    """The report's text, the problems, the exit code and the cache; with ``summary`` the
    first item is the report's text and GitHub's job summary, as a pair."""
    chunks: list[str] = []
    problems: list[str] = []
    out = run.verify(paths, fmt=fmt, options=options, policy=policy, jobs=jobs, emit=chunks.append,
                     on_problem=lambda p: problems.append(p.render()), cache_dir=cache_dir, step_summary=summary)
    text = "".join(chunks)
    return (text, out.step_summary) if summary else text, problems, int(out.code), out.cache


# --- byte-identical reports ------------------------------------------------------------------


@pytest.mark.parametrize("fmt", sorted(FORMATS))
@pytest.mark.parametrize("explain", [False, True])
def test_cold_warm_and_uncached_reports_are_byte_identical(material: list[str], tmp_path: Path, fmt: str, explain: bool) -> None:
    options = Options(explain=explain)
    plain = report(material, fmt, None, options=options)
    cold = report(material, fmt, str(tmp_path / "c"), options=options)
    warm = report(material, fmt, str(tmp_path / "c"), options=options)
    assert plain[2] == 2  # invalid files and a missing path
    assert cold[:3] == plain[:3]
    assert warm[:3] == plain[:3]
    # The warm run took every readable file from the cache: nothing was checked again.
    assert cold[3].stats.hits == 0 and cold[3].stats.stored == cold[3].stats.misses > 15
    assert warm[3].stats.misses == 0 and warm[3].stats.hits == cold[3].stats.stored
    # A format whose file text stands alone keeps it: the warm run read every file's text
    # (nothing decoded, nothing rendered). The others render from the results.
    texts = cold[3].stats.stored if renders_on_workers(make(fmt)) else 0
    assert cold[3].stats.texts_stored == texts and cold[3].stats.texts == 0
    assert warm[3].stats.texts == texts and warm[3].stats.texts_stored == 0


@pytest.mark.parametrize("fmt", ["json", "junit", "github"])
def test_workers_read_and_write_the_same_cache(material: list[str], tmp_path: Path, fmt: str) -> None:
    plain = report(material, fmt, None)
    assert report(material, fmt, str(tmp_path / "c"), jobs=2)[:3] == plain[:3]
    assert report(material, fmt, str(tmp_path / "c"), jobs=2)[:3] == plain[:3]
    assert report(material, fmt, str(tmp_path / "c"), jobs=1)[:3] == plain[:3]


# --- text entries: a warm run reads each file's report text ---------------------------------


def text_entries(cache_dir: str, fmt: str | None = None) -> list[Path]:
    """The text entries in a cache folder (of one format when ``fmt`` is given), by name."""
    found = sorted(Path(cache_dir).rglob("*.text"))
    if fmt is None:
        return found
    return [e for e in found if json.loads(e.read_bytes().partition(b"\n")[0])["render"]["format"] == fmt]


def test_a_text_hit_neither_decodes_a_result_nor_renders(material: list[str], tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from claimcheck.report.verify import json as json_report

    cache_dir = str(tmp_path / "c")
    folder = material[:1]  # not the missing path: a discovery problem has no entry to read
    plain = report(folder, "json", None)
    report(folder, "json", cache_dir)

    def boom(*_: object) -> None:
        raise AssertionError("called on a text hit")

    monkeypatch.setattr(cachemod.Cache, "lookup", boom)
    monkeypatch.setattr(json_report, "file_text", boom)
    monkeypatch.setattr(json_report, "file_json", boom)
    for jobs in (1, 2):  # forked workers inherit the patches
        got = report(folder, "json", cache_dir, jobs=jobs)
        assert got[:3] == plain[:3]
        if jobs == 1:
            assert got[3].stats.texts == got[3].stats.hits > 15 and got[3].stats.misses == 0


def test_another_format_after_filling_renders_from_the_results_and_adds_its_text(material: list[str], tmp_path: Path) -> None:
    cache_dir = str(tmp_path / "c")
    filled = report(material, "json", cache_dir)[3].stats
    assert filled.stored == filled.texts_stored > 15
    for fmt in ("rich", "github", "markdown", "junit"):
        plain = report(material, fmt, None)
        first = report(material, fmt, cache_dir)
        assert first[:3] == plain[:3]
        # Every result came from its entry (nothing checked again); no text of this format yet.
        assert (first[3].stats.hits, first[3].stats.misses, first[3].stats.texts) == (filled.stored, 0, 0)
        assert first[3].stats.texts_stored == filled.stored and first[3].stats.stored == 0
        again = report(material, fmt, cache_dir)
        assert again[:3] == plain[:3]
        assert again[3].stats.texts == filled.stored
    # Each format has its own text entries; json's are still there and still served.
    assert len(text_entries(cache_dir, "json")) == len(text_entries(cache_dir, "rich")) == filled.stored
    assert report(material, "json", cache_dir)[3].stats.texts == filled.stored


@pytest.mark.parametrize("options", [Options(explain=True), Options(width=61), Options(color=True), Options(strict=True)])
def test_every_report_option_is_in_the_text_key(material: list[str], tmp_path: Path, options: Options) -> None:
    cache_dir = str(tmp_path / "c")
    stored = report(material, "rich", cache_dir)[3].stats.stored
    got = report(material, "rich", cache_dir, options=options)
    # A text made with other options is never served: the results are, rendered afresh.
    assert got[:3] == report(material, "rich", None, options=options)[:3]
    assert (got[3].stats.texts, got[3].stats.hits, got[3].stats.texts_stored) == (0, stored, stored)
    assert report(material, "rich", cache_dir, options=options)[3].stats.texts == stored
    assert report(material, "rich", cache_dir)[3].stats.texts == stored


# --- GitHub's job summary: its pieces are text entries too ----------------------------------


@pytest.mark.parametrize("options", [Options(), Options(explain=True), Options(strict=True)])
def test_a_warm_actions_run_decodes_nothing_and_gives_the_same_summary(
        material: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch, options: Options) -> None:
    from claimcheck.report.verify import github, markdown

    cache_dir = str(tmp_path / "c")
    folder = material[:1]  # not the missing path: a discovery problem has no entry to read
    plain = report(folder, "github", None, options=options, summary=True)
    summary = plain[0][1]  # type: ignore[index]
    assert summary.startswith("# claimcheck report\n\n## Failures (") and "\n## Files\n" in summary
    # A cache filled without the job summary serves the annotations' texts and the results:
    # each file's piece is made from its result once, and kept.
    report(folder, "github", cache_dir, options=options)
    first = report(folder, "github", cache_dir, options=options, summary=True)
    assert first[:3] == plain[:3]
    files = first[3].stats.hits
    assert files > 15 and (first[3].stats.misses, first[3].stats.texts, first[3].stats.texts_stored) == (0, 0, files)
    assert len(text_entries(cache_dir, SUMMARY_PIECE)) == files

    def boom(*_: object) -> None:
        raise AssertionError("called on a text hit")

    monkeypatch.setattr(cachemod.Cache, "lookup", boom)
    monkeypatch.setattr(github, "summary_piece", boom)
    monkeypatch.setattr(github.GithubReport, "file_at", boom)
    monkeypatch.setattr(markdown.MarkdownReport, "file", boom)
    for jobs in (1, 2):  # forked workers inherit the patches
        got = report(folder, "github", cache_dir, options=options, summary=True, jobs=jobs)
        assert got[:3] == plain[:3]
        if jobs == 1:
            assert got[3].stats.texts == got[3].stats.hits == files and got[3].stats.misses == 0


def test_the_summary_piece_is_keyed_by_the_report_options(material: list[str], tmp_path: Path) -> None:
    cache_dir = str(tmp_path / "c")
    folder = material[:1]
    plain = report(folder, "github", None, summary=True)
    explained = report(folder, "github", None, options=Options(explain=True), summary=True)
    # --explain shows every claim's arithmetic in the tables: another summary.
    assert plain[0][1] != explained[0][1]  # type: ignore[index]
    report(folder, "github", cache_dir, summary=True)
    got = report(folder, "github", cache_dir, options=Options(explain=True), summary=True)
    assert got[:3] == explained[:3] and got[3].stats.texts == 0
    assert report(folder, "github", cache_dir, summary=True)[:3] == plain[:3]
    assert len(text_entries(cache_dir, SUMMARY_PIECE)) == 2 * got[3].stats.hits


def test_the_job_summary_with_a_cache_on_the_command_line(tmp_path: Path) -> None:
    # What GitHub Actions runs: --format github with $GITHUB_STEP_SUMMARY set. The summary
    # file, stdout, stderr and the exit code are the same uncached, cold and warm, with one
    # process or two.
    corpus = make_corpus(tmp_path / "corpus", claims=6, seed=5, invalid="story_bad.yaml")
    shutil.copyfile(ROOT / "tests/fixtures/newsroom/a_transit.yaml", corpus / "a_transit.yaml")

    def actions(*args: str) -> tuple[int, str, str, bytes]:
        target = tmp_path / "summary.md"
        target.write_bytes(b"earlier step\n")  # appended to, never replaced
        r = _cli("verify", "--format", "github", *args, str(corpus), cwd=tmp_path, GITHUB_STEP_SUMMARY=str(target))
        return r.returncode, r.stdout, r.stderr, target.read_bytes()

    want = actions("--no-cache", "--jobs", "1")
    assert want[0] == 2 and want[3].startswith(b"earlier step\n# claimcheck report\n\n## Failures (")
    assert "::error " in want[1] and "::warning " in want[1] and "a_transit.yaml" in want[3].decode("utf-8")
    for jobs in ("1", "2"):
        cache_dir = str(tmp_path / f"c{jobs}")
        assert actions("--jobs", jobs, "--cache-dir", cache_dir) == want  # cold
        assert actions("--jobs", jobs, "--cache-dir", cache_dir) == want  # warm
    assert actions("--no-cache", "--jobs", "2") == want


def test_the_text_key_covers_format_options_and_first() -> None:
    c = cachemod.Cache("/nonexistent", "verify", {"strict": False}, "fingerprint")
    base = c.text_fields("a.yaml", "0" * 64, "json", Options(), False)
    variants = [
        c.text_fields("a.yaml", "0" * 64, "rich", Options(), False),
        c.text_fields("a.yaml", "0" * 64, "json", Options(), True),
        c.text_fields("a.yaml", "1" * 64, "json", Options(), False),
        c.text_fields("b.yaml", "0" * 64, "json", Options(), False),
        *(c.text_fields("a.yaml", "0" * 64, "json", o, False)
          for o in (Options(explain=True), Options(strict=True), Options(width=80), Options(color=True), Options(validate=True))),
        cachemod.Cache("/nonexistent", "verify", {"strict": True}, "fingerprint").text_fields("a.yaml", "0" * 64, "json", Options(), False),
        cachemod.Cache("/nonexistent", "verify", {"strict": False}, "other").text_fields("a.yaml", "0" * 64, "json", Options(), False),
    ]
    paths = {c.text_path(f) for f in [base, *variants]}
    assert len(paths) == 1 + len(variants)
    # Beside the result entry of the same file and options.
    result = c.entry_path(c.key_fields("a.yaml", "0" * 64))
    assert c.text_path(base).startswith(result[: -len(".json")] + ".") and c.text_path(base).endswith(".text")


def test_the_first_file_of_a_report_has_its_own_text(material: list[str], tmp_path: Path) -> None:
    # A file's text differs when it opens the report (no comma before it in JSON, no blank
    # line before it in the terminal report): the same file as first and as second is
    # two entries, each served only where it belongs.
    folder = Path(material[0])
    a, b = str(folder / "a_transit.yaml"), str(folder / "ice_july.yaml")
    cache_dir = str(tmp_path / "c")
    for fmt in ("json", "rich"):
        for paths in ([a, b], [b, a], [a, b], [b, a]):
            for jobs in (1, 2):
                assert report(paths, fmt, cache_dir, jobs=jobs)[:3] == report(paths, fmt, None)[:3], (fmt, paths, jobs)
        assert len(text_entries(cache_dir, fmt)) == 4  # each file as first and as not first
        assert report([a, b], fmt, cache_dir)[3].stats.texts == 2


def test_standard_input_first_then_cached_files(material: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Standard input is never cached and comes first: the files after it are not the
    # report's first, with one job or two (two jobs used to render one as first too).
    import io

    folder = Path(material[0])
    files = [str(folder / "a_transit.yaml"), str(folder / "ice_july.yaml"), str(folder / "diagnoses.yaml")]
    stdin = (ROOT / "examples/draft_parks_budget.yaml").read_bytes()

    def with_stdin(cache_dir: str | None, jobs: int) -> tuple:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
        return report(["-", *files], "json", cache_dir, jobs=jobs)[:3]

    want = with_stdin(None, 1)
    doc = json.loads(want[0])
    assert [f["path"] for f in doc["files"]] == ["<stdin>", *files]
    for jobs in (1, 2, 2, 1):
        assert with_stdin(str(tmp_path / "c"), jobs) == want
    assert with_stdin(None, 2) == want


@pytest.mark.parametrize("jobs", [1, 2])
def test_mixed_text_hits_result_hits_and_misses(tmp_path: Path, jobs: int) -> None:
    corpus = make_corpus(tmp_path / "corpus", claims=4, seed=5, invalid="story_bad.yaml")
    cache_dir = str(tmp_path / "c")
    for fmt in ("json", "rich"):
        report([str(corpus)], fmt, cache_dir, jobs=jobs)
    files = sorted(corpus.glob("*.yaml"))
    assert len(files) == 10
    # One file edited (a miss), the texts of one file removed (a result hit), the rest as they were.
    edited = files[4]
    edited.write_text(edited.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    for e in Path(cache_dir).rglob("*.text"):
        if json.loads(e.read_bytes().partition(b"\n")[0])["path"] == str(files[6]):
            e.unlink()
    for fmt in ("json", "rich", "github"):
        got = report([str(corpus)], fmt, cache_dir, jobs=jobs)
        assert got[:3] == report([str(corpus)], fmt, None)[:3], fmt
        if jobs == 1 and fmt == "json":
            assert (got[3].stats.misses, got[3].stats.hits, got[3].stats.texts) == (1, 9, 8)


def test_a_changed_input_file_invalidates_the_text_too(tmp_path: Path) -> None:
    table = tmp_path / "table.csv"
    table.write_text("year,riders\n2024,1250000\n", encoding="utf-8")
    claim_bytes = b"title: t\n"
    digest = hashlib.sha256(table.read_bytes()).hexdigest()
    fr = FileResult("story.yaml", title="t", problems=(Problem("story.yaml", 2, 3, "m"),), inputs=((str(table), digest),))
    c, _ = cachemod.open_cache(str(tmp_path / "c"), "verify", {"strict": False})
    assert c is not None
    c.store_text("story.yaml", claim_bytes, "json", Options(), False, "the text\u2028é\n", fr)
    hit = c.lookup_text("story.yaml", claim_bytes, "json", Options(), False)
    assert hit == cachemod.CachedText("the text\u2028é\n", (Problem("story.yaml", 2, 3, "m"),), ())
    assert c.lookup_text("story.yaml", claim_bytes, "json", Options(), True) is None
    assert c.lookup_text("story.yaml", claim_bytes, "rich", Options(), False) is None
    table.write_text("year,riders\n2024,1250001\n", encoding="utf-8")
    assert c.lookup_text("story.yaml", claim_bytes, "json", Options(), False) is None
    table.unlink()
    assert c.lookup_text("story.yaml", claim_bytes, "json", Options(), False) is None


def test_a_lone_surrogate_in_the_text_comes_back_exactly(tmp_path: Path) -> None:
    # A file name with a byte that is not UTF-8 reaches a report as a lone surrogate.
    c, _ = cachemod.open_cache(str(tmp_path / "c"), "verify", {})
    assert c is not None
    name = "story_\udcff.yaml"
    fr = FileResult(name, title="t")
    c.store_text(name, b"x", "json", Options(), False, f'"path": "{name}"', fr)
    hit = c.lookup_text(name, b"x", "json", Options(), False)
    assert hit is not None and hit.text == f'"path": "{name}"' and hit.verdicts == ()


@pytest.mark.parametrize("fmt", [None, "json", "junit", "github"])
def test_validate_cached_and_uncached_agree(material: list[str], tmp_path: Path, fmt: str | None) -> None:
    def once(cache_dir: str | None) -> tuple:
        chunks: list[str] = []
        problems: list[str] = []
        out = run.validate(material, fmt=fmt, emit=chunks.append, on_problem=lambda p: problems.append(p.render()),
                           cache_dir=cache_dir)
        return "".join(chunks), problems, int(out.code), out.files, out.invalid

    plain = once(None)
    assert plain[2] == 2
    assert once(str(tmp_path / "c")) == plain
    assert once(str(tmp_path / "c")) == plain
    # validate and verify keep their own entries: a verify run is not served validate's.
    assert report(material, "json", str(tmp_path / "c"))[:3] == report(material, "json", None)[:3]


def test_a_hit_neither_loads_nor_judges(material: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import claimcheck.claimfile
    import claimcheck.engine

    report(material, "json", str(tmp_path / "c"))
    calls: list[str] = []
    load_text, check_loaded = claimcheck.claimfile.load_text, claimcheck.engine.check_loaded
    monkeypatch.setattr(claimcheck.claimfile, "load_text", lambda path, text: calls.append(path) or load_text(path, text))
    monkeypatch.setattr(claimcheck.engine, "check_loaded", lambda loaded, policy: calls.append(loaded.path) or check_loaded(loaded, policy))
    assert report(material, "json", str(tmp_path / "c"))[:3] == report(material, "json", None)[:3]
    # Only the uncached run judged (each readable file once; it loads through load_file).
    assert len(calls) == len(set(calls)) > 15
    calls.clear()
    report(material, "json", str(tmp_path / "c"))
    assert calls == []


def test_one_changed_file_is_the_only_one_checked_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import claimcheck.claimfile

    corpus = make_corpus(tmp_path / "corpus", claims=4, seed=7, invalid="story_bad.yaml")
    report([str(corpus)], "json", str(tmp_path / "c"))
    target = corpus / "story_4.yaml"
    target.write_text(target.read_text(encoding="utf-8") + "\n# edited\n", encoding="utf-8")
    loads: list[str] = []
    load_text = claimcheck.claimfile.load_text
    monkeypatch.setattr(claimcheck.claimfile, "load_text", lambda path, text: loads.append(path) or load_text(path, text))
    text, _, _, used = report([str(corpus)], "json", str(tmp_path / "c"))
    assert loads == [str(target)]
    assert used.stats.hits == 9 and used.stats.misses == 1
    assert text == report([str(corpus)], "json", None)[0]


# --- what invalidates an entry --------------------------------------------------------------

TRANSIT = """\
title: Transit
figures:
  riders_2024: {value: "1,250,000"}
  riders_2025: {value: "1,410,000"}
TOLERANCE
claims:
  - id: ridership
    speaker: Mayor
    statement: Ridership grew about 12% in a year
    figure: about 12% rise
    compute: pct_change(riders_2024, riders_2025)
"""


def test_a_changed_hedge_tolerance_is_a_new_entry(tmp_path: Path) -> None:
    # (1,410,000 − 1,250,000) ÷ 1,250,000 = 12.8%. "about 12%" is accurate within 5% of 12
    # (11.4%–12.6%) and approximate within 10% (10.8%–13.2%): approximate. With the
    # file's own `about: {accurate: 10%}` the accurate band is 10.8%–13.2%: accurate.
    f = tmp_path / "transit.yaml"
    f.write_text(TRANSIT.replace("TOLERANCE\n", ""), encoding="utf-8")
    cache_dir = str(tmp_path / "c")
    first = json.loads(report([str(f)], "json", cache_dir)[0])
    f.write_text(TRANSIT.replace("TOLERANCE", "tolerance: {about: {accurate: 10%}}"), encoding="utf-8")
    second, _, _, used = report([str(f)], "json", cache_dir)
    assert used.stats.hits == 0 and used.stats.misses == 1
    verdicts = [c["verdict"] for fr in (first, json.loads(second)) for c in fr["files"][0]["claims"]]
    assert verdicts == ["approximate", "accurate"]


def test_strict_and_only_are_in_the_key(material: list[str], tmp_path: Path) -> None:
    cache_dir = str(tmp_path / "c")
    report(material, "json", cache_dir)
    for policy in (Policy(strict=True), Policy(only=frozenset({"ridership-nearly-13"}))):
        text, problems, code, used = report(material, "json", cache_dir, policy=policy)
        assert used.stats.hits == 0
        assert (text, problems, code) == report(material, "json", None, policy=policy)[:3]
        # ... and kept apart: the default run still gets its own entries, and this one its.
        assert report(material, "json", cache_dir, policy=policy)[3].stats.misses == 0
    assert report(material, "json", cache_dir)[3].stats.misses == 0
    strict = json.loads(report(material, "json", cache_dir, policy=Policy(strict=True))[0])
    assert any(c["failure"] == "approximate fails under --strict" for fr in strict["files"] for c in fr.get("claims", ()))


def test_another_claimcheck_version_misses(material: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache_dir = str(tmp_path / "c")
    stored = report(material, "json", cache_dir)[3].stats.stored
    monkeypatch.setattr(claimcheck, "__version__", "999.0.0")
    monkeypatch.setattr(cachemod, "_fingerprint", None)
    assert report(material, "json", cache_dir)[3].stats.hits == 0
    monkeypatch.undo()
    monkeypatch.setattr(cachemod, "_fingerprint", None)
    assert report(material, "json", cache_dir)[3].stats.hits == stored


def test_an_edited_claimcheck_source_file_misses(material: list[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The fingerprint covers the installed code: an edit changes a file's size or time.
    cache_dir = str(tmp_path / "c")
    report(material, "json", cache_dir)
    real_stat = os.stat
    engine = os.path.realpath(Path(claimcheck.__file__).parent / "engine.py")

    def stat(path, *a, **kw):  # noqa: ANN001, ANN002, ANN003, ANN202
        st = real_stat(path, *a, **kw)
        if isinstance(path, str) and os.path.realpath(path) == engine:
            return os.stat_result((st.st_mode, st.st_ino, st.st_dev, st.st_nlink, st.st_uid, st.st_gid,
                                   st.st_size + 1, st.st_atime, st.st_mtime, st.st_ctime))
        return st

    monkeypatch.setattr(cachemod, "_fingerprint", None)
    monkeypatch.setattr(os, "stat", stat)
    fingerprint = cachemod.code_fingerprint()
    monkeypatch.undo()
    monkeypatch.setattr(cachemod, "_fingerprint", None)
    assert cachemod.code_fingerprint() != fingerprint
    monkeypatch.setattr(cachemod, "_fingerprint", fingerprint)
    assert report(material, "json", cache_dir)[3].stats.hits == 0


# --- files a check read besides the claim file -----------------------------------------------


def test_a_changed_or_missing_input_file_is_a_miss(tmp_path: Path) -> None:
    table = tmp_path / "table.csv"
    table.write_text("year,riders\n2024,1250000\n", encoding="utf-8")
    claim_bytes = b"title: t\n"
    digest = hashlib.sha256(table.read_bytes()).hexdigest()
    fr = FileResult("story.yaml", title="t", inputs=((str(table), digest),))
    c, note = cachemod.open_cache(str(tmp_path / "c"), "verify", {"strict": False})
    assert note is None and c is not None
    c.store("story.yaml", claim_bytes, fr)
    assert c.lookup("story.yaml", claim_bytes) == fr
    table.write_text("year,riders\n2024,1250001\n", encoding="utf-8")
    assert c.lookup("story.yaml", claim_bytes) is None
    table.unlink()
    assert c.lookup("story.yaml", claim_bytes) is None
    table.write_text("year,riders\n2024,1250000\n", encoding="utf-8")  # the same bytes again
    assert c.lookup("story.yaml", claim_bytes) == fr
    # Another file's bytes under the same path, or the same bytes under another path: misses.
    assert c.lookup("story.yaml", b"title: u\n") is None
    assert c.lookup("other.yaml", claim_bytes) is None


# --- the encoding is exact --------------------------------------------------------------------


def same(a: object, b: object) -> bool:
    """Equal, and of the same type all the way down (1 == Fraction(1) == True is not enough)."""
    if type(a) is not type(b):
        return False
    if is_dataclass(a):
        return all(same(getattr(a, f.name), getattr(b, f.name)) for f in fields(a))
    if isinstance(a, (tuple, list)):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))  # type: ignore[arg-type]
    if isinstance(a, dict):
        return list(a) == list(b) and all(same(a[k], b[k]) for k in a)  # type: ignore[index]
    return a == b


def test_every_result_round_trips_exactly(material: list[str]) -> None:
    from claimcheck.parallel import check_paths

    results = [fr for fr in check_paths(material, Policy(), jobs=1)]
    assert sum(len(fr.claims) for fr in results) > 60
    for fr in results:
        text = json.dumps(cachemod.encode(fr))
        assert same(cachemod.decode(text), fr), fr.path


def test_what_cannot_be_held_exactly_is_not_cached(tmp_path: Path) -> None:
    c, _ = cachemod.open_cache(str(tmp_path / "c"), "verify", {})
    assert c is not None
    bad = FileResult("x.yaml", problems=(Problem("x.yaml", 1, 1, 0.5),))  # type: ignore[arg-type]  # a float
    c.store("x.yaml", b"x", bad)
    assert c.stats.stored == 0 and c.lookup("x.yaml", b"x") is None
    ok = FileResult("x.yaml", claims=(), problems=(Problem("x.yaml", 1, 1, "m"),))
    c.store("x.yaml", b"x", ok)
    assert c.lookup("x.yaml", b"x") == ok
    with pytest.raises(ValueError):
        cachemod.decode('{"F": "1/2", "D": "1"}')
    with pytest.raises(ValueError):
        cachemod.decode('{"@": "FileResult", "path": 1.5}')
    assert cachemod.decode('{"F": "-3/4"}') == Fraction(-3, 4)


# --- corruption never changes an output -------------------------------------------------------


@pytest.fixture(scope="module")
def small(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], str, dict[str, tuple]]:
    """A few files, a cache holding their entries, and the uncached reports to match: the
    result entries, and the text entries of two formats (sarif keeps no text: its runs
    read the results)."""
    d = tmp_path_factory.mktemp("small")
    for name in ("ice_july.yaml", "a_transit.yaml", "c_broken.yaml", "diagnoses.yaml", "cycle.yaml"):
        src = next(p for p in MATERIAL if p.name == name)
        shutil.copyfile(src, d / name)
    paths = [str(d)]
    cache_dir = str(d.parent / "small-cache")
    expected = {fmt: small_report(paths, fmt, None)[:3] for fmt in SMALL_FORMATS}
    for fmt in SMALL_FORMATS:
        small_report(paths, fmt, cache_dir)
    return paths, cache_dir, expected


#: The runs the corruption tests compare; "github+summary" is ``--format github`` with
#: GitHub's job summary, whose pieces are text entries of their own.
SMALL_FORMATS = ("json", "rich", "sarif", "github+summary")


def small_report(paths: list[str], fmt: str, cache_dir: str | None) -> tuple[object, list[str], int, object]:
    if fmt == "github+summary":
        return report(paths, "github", cache_dir, summary=True)
    return report(paths, fmt, cache_dir)


def all_entries(cache_dir: str) -> list[Path]:
    """Every entry, result and text: 5 files, each with a result, the texts of json and
    rich, github's text and its job summary piece."""
    entries = sorted(Path(cache_dir).rglob("*.json")) + text_entries(cache_dir)
    assert len(entries) == 25
    assert len(text_entries(cache_dir, SUMMARY_PIECE)) == 5
    return entries


FOREIGN = st.one_of(
    st.sampled_from([b"", b"\n", b"{}", b"[]", b"null\n{}", b'{"magic":"claimcheck-cache"}\n{}', b"\xff\xfe\x00"]),
    st.recursive(st.none() | st.booleans() | st.integers() | st.text(max_size=8),
                 lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=3), inner, max_size=3),
                 max_leaves=8).map(lambda v: json.dumps(v).encode()),
)

CORRUPTION = st.one_of(
    st.tuples(st.just("truncate"), st.integers(0, 10**6), st.floats(0, 1)),
    st.tuples(st.just("flip"), st.integers(0, 10**6), st.floats(0, 1), st.integers(0, 7)),
    st.tuples(st.just("swap"), st.integers(0, 10**6), st.integers(0, 10**6)),
    st.tuples(st.just("foreign"), st.integers(0, 10**6), FOREIGN),
    st.tuples(st.just("payload"), st.integers(0, 10**6), st.integers(0, 10**6)),
    st.tuples(st.just("delete"), st.integers(0, 10**6)),
)


def corrupt(entries: list[Path], how: tuple) -> None:
    kind, i = how[0], how[1] % len(entries)
    target = entries[i]
    blob = target.read_bytes() if target.exists() else b""
    if kind == "truncate":
        target.write_bytes(blob[: int(len(blob) * how[2]) if len(blob) else 0][: max(0, len(blob) - 1)])
    elif kind == "flip" and blob:
        pos = min(len(blob) - 1, int(len(blob) * how[2]))
        target.write_bytes(blob[:pos] + bytes([blob[pos] ^ (1 << how[3])]) + blob[pos + 1:])
    elif kind == "swap":
        other = entries[how[2] % len(entries)]
        a, b = blob, other.read_bytes() if other.exists() else b""
        target.write_bytes(b)
        other.write_bytes(a)
    elif kind == "foreign":
        target.write_bytes(how[2])
    elif kind == "payload":  # this entry's header with another entry's payload
        other = entries[how[2] % len(entries)]
        if other != target and other.exists():
            target.write_bytes(blob.partition(b"\n")[0] + b"\n" + other.read_bytes().partition(b"\n")[2])
    elif kind == "delete" and target.exists():
        target.unlink()


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow], deadline=None)
@given(st.lists(CORRUPTION, min_size=1, max_size=6))
def test_random_corruption_never_changes_an_output(small: tuple, corruptions: list[tuple]) -> None:
    paths, pristine, expected = small
    with tempfile.TemporaryDirectory() as tmp:
        cache_dir = os.path.join(tmp, "c")
        shutil.copytree(pristine, cache_dir)
        entries = all_entries(cache_dir)  # every file, valid or not, has its entries
        for how in corruptions:
            corrupt(entries, how)
        for fmt, want in expected.items():
            assert small_report(paths, fmt, cache_dir)[:3] == want
        # Whatever was not trusted was rewritten: the next run is served every file, and
        # the formats that keep texts every file's text.
        for fmt, want in expected.items():
            again = small_report(paths, fmt, cache_dir)
            assert again[:3] == want and again[3].stats.misses == 0
            assert again[3].stats.texts == (0 if fmt == "sarif" else 5)
            if fmt == "github+summary":
                assert again[0][1] is not None and again[0][1].startswith("# claimcheck report\n")


# --- concurrent runs, the command line ------------------------------------------------------


def _cli(*args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY", "CLAIMCHECK_CACHE_DIR")}
    return subprocess.run([sys.executable, "-m", "claimcheck", *args], capture_output=True, text=True,
                          env={**base, "NO_COLOR": "1", **env}, cwd=cwd)


def test_concurrent_runs_never_corrupt_the_cache(tmp_path: Path) -> None:
    corpus = make_corpus(tmp_path / "corpus", claims=20, seed=11, invalid="story_bad.yaml")
    want = _cli("verify", "--format", "json", "--no-cache", str(corpus), cwd=tmp_path)
    cache_dir = str(tmp_path / "c")
    env = {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "GITHUB_STEP_SUMMARY")}
    cmd = [sys.executable, "-m", "claimcheck", "verify", "--format", "json", "--jobs", "1", "--cache-dir", cache_dir, str(corpus)]
    for _ in range(3):  # the first round both write every entry, the next ones read and write
        procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env, cwd=tmp_path)
                 for _ in range(2)]
        for p in procs:
            out, err = p.communicate(timeout=120)
            assert (p.returncode, out, err) == (want.returncode, want.stdout, want.stderr)
    assert not [p for p in Path(cache_dir).rglob("*") if p.name.startswith(".tmp-")]
    text, _, _, used = report([str(corpus)], "json", cache_dir)
    assert used.stats.misses == 0 and used.stats.hits == 10


def test_the_cache_folder_is_made_with_its_gitignore_and_no_cache_writes_nothing(tmp_path: Path) -> None:
    story = tmp_path / "story.yaml"
    shutil.copyfile(ROOT / "tests/fixtures/newsroom/a_transit.yaml", story)
    off = _cli("verify", "--no-cache", "story.yaml", cwd=tmp_path)
    assert off.returncode == 0 and sorted(os.listdir(tmp_path)) == ["story.yaml"]
    off = _cli("validate", "--no-cache", "story.yaml", cwd=tmp_path)
    assert off.returncode == 0 and sorted(os.listdir(tmp_path)) == ["story.yaml"]
    on = _cli("verify", "story.yaml", cwd=tmp_path)
    assert (on.returncode, on.stdout, on.stderr) == (0, _cli("verify", "--no-cache", "story.yaml", cwd=tmp_path).stdout, "")
    folder = tmp_path / ".claimcheck_cache"
    assert "*" in (folder / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert (folder / "CACHEDIR.TAG").read_text(encoding="utf-8").startswith("Signature: 8a477f597d28d172789f06886806bc55")
    assert len(list(folder.rglob("*.json"))) == 1
    # git sees nothing of it.
    subprocess.run(["git", "init", "-q"], cwd=tmp_path, check=True)
    status = subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=tmp_path, capture_output=True, text=True)
    assert status.stdout.split("\n")[:-1] == ["?? story.yaml"]


def test_cache_dir_flag_and_environment(tmp_path: Path) -> None:
    story = tmp_path / "story.yaml"
    shutil.copyfile(ROOT / "tests/fixtures/newsroom/a_transit.yaml", story)
    _cli("verify", "story.yaml", cwd=tmp_path, CLAIMCHECK_CACHE_DIR=str(tmp_path / "from-env"))
    assert (tmp_path / "from-env" / ".gitignore").exists() and not (tmp_path / ".claimcheck_cache").exists()
    _cli("validate", "story.yaml", "--cache-dir", "flag", cwd=tmp_path, CLAIMCHECK_CACHE_DIR=str(tmp_path / "from-env"))
    assert len(list((tmp_path / "flag").rglob("*.json"))) == 1  # the flag wins over the environment


def test_an_unwritable_cache_folder_is_a_note_not_a_failure(tmp_path: Path) -> None:
    story = tmp_path / "story.yaml"
    shutil.copyfile(ROOT / "tests/fixtures/newsroom/a_transit.yaml", story)
    (tmp_path / "a-file").write_text("not a folder", encoding="utf-8")
    want = _cli("verify", "--no-cache", "story.yaml", cwd=tmp_path)
    got = _cli("verify", "story.yaml", "--cache-dir", "a-file/cache", cwd=tmp_path)
    assert (got.returncode, got.stdout) == (0, want.stdout)
    assert got.stderr.startswith("claimcheck: note: cache not used: cannot write a-file/cache:") and got.stderr.count("\n") == 1
    # In the API: the run is uncached and says why.
    out = run.verify([str(story)], fmt="json", cache_dir=str(tmp_path / "a-file" / "cache"))
    assert out.cache is None and out.cache_note is not None and out.code == 0


@pytest.mark.parametrize("how, misses", [
    (("truncate", 0, 0.5), 1), (("flip", 0, 0.9, 3), 1), (("flip", 0, 0.01, 0), 1), (("swap", 0, 1), 2),
    (("foreign", 0, b'{"magic": "claimcheck-cache"}'), 1), (("payload", 0, 1), 1), (("delete", 0), 1),
])
@pytest.mark.parametrize("fmt", ["json", "sarif"])
def test_each_kind_of_corruption_of_a_result_is_a_miss_and_is_rewritten(small: tuple, tmp_path: Path, how: tuple,
                                                                         misses: int, fmt: str) -> None:
    paths, pristine, expected = small
    cache_dir = str(tmp_path / "c")
    shutil.copytree(pristine, cache_dir)
    for e in text_entries(cache_dir):  # so that json too needs the results
        e.unlink()
    corrupt(sorted(Path(cache_dir).rglob("*.json")), how)
    got = report(paths, fmt, cache_dir)
    assert got[:3] == expected[fmt]
    assert (got[3].stats.misses, got[3].stats.stored, got[3].stats.hits) == (misses, misses, 5 - misses)


@pytest.mark.parametrize("how, misses", [
    (("truncate", 0, 0.5), 1), (("truncate", 0, 0.99), 1), (("flip", 0, 0.9, 3), 1), (("flip", 0, 0.01, 0), 1),
    (("flip", 0, 0.2, 6), 1), (("swap", 0, 1), 2), (("foreign", 0, b'{"magic": "claimcheck-cache"}'), 1),
    (("payload", 0, 1), 1), (("delete", 0), 1),
])
@pytest.mark.parametrize("fmt", ["json", "rich"])
def test_each_kind_of_corruption_of_a_text_is_a_miss_and_is_rewritten(small: tuple, tmp_path: Path, how: tuple,
                                                                       misses: int, fmt: str) -> None:
    paths, pristine, expected = small
    cache_dir = str(tmp_path / "c")
    shutil.copytree(pristine, cache_dir)
    corrupt(text_entries(cache_dir, fmt), how)
    got = report(paths, fmt, cache_dir)
    assert got[:3] == expected[fmt]
    # The file is rendered again from its result (still trusted) and its text rewritten.
    assert (got[3].stats.misses, got[3].stats.hits, got[3].stats.texts) == (0, 5, 5 - misses)
    assert got[3].stats.texts_stored == misses
    assert report(paths, fmt, cache_dir)[3].stats.texts == 5


@pytest.mark.parametrize("how, misses", [
    (("truncate", 0, 0.5), 1), (("truncate", 0, 0.99), 1), (("flip", 0, 0.9, 3), 1), (("flip", 0, 0.01, 0), 1),
    (("swap", 0, 1), 2), (("foreign", 0, b'{"magic": "claimcheck-cache"}'), 1), (("payload", 0, 1), 1), (("delete", 0), 1),
])
def test_each_kind_of_corruption_of_a_summary_piece_is_a_miss_and_is_rewritten(small: tuple, tmp_path: Path, how: tuple,
                                                                                misses: int) -> None:
    paths, pristine, expected = small
    cache_dir = str(tmp_path / "c")
    shutil.copytree(pristine, cache_dir)
    corrupt(text_entries(cache_dir, SUMMARY_PIECE), how)
    got = small_report(paths, "github+summary", cache_dir)
    assert got[:3] == expected["github+summary"]
    # The piece is made again from the file's result (still trusted) and rewritten; the
    # annotations' text is still read, not rendered again.
    assert (got[3].stats.misses, got[3].stats.hits, got[3].stats.texts) == (0, 5, 5 - misses)
    assert got[3].stats.texts_stored == misses
    assert small_report(paths, "github+summary", cache_dir)[3].stats.texts == 5


def test_a_summary_piece_that_checks_out_but_is_not_one_is_not_trusted(small: tuple, tmp_path: Path) -> None:
    # Well-checksummed entries whose text no summary_piece makes: lengths past the end, a
    # zero length, no header line, a failure line that is not one.
    paths, pristine, expected = small
    entry = text_entries(pristine, SUMMARY_PIECE)[0]
    head, _, body = entry.read_bytes().partition(b"\n")
    header = json.loads(head)
    meta = body[: header["meta_bytes"]]

    def rebuilt(text: bytes) -> bytes:
        h = dict(header, text_bytes=len(text), body_sha256=hashlib.sha256(meta + text).hexdigest())
        return json.dumps(h, sort_keys=True, separators=(",", ":")).encode() + b"\n" + meta + text

    bad = [b"999\n- `x`\n", b"0\n", b"\n## x\n"[1:], b"x\n", b"5\nhello\n## t\n", b"-3\n"]
    for i, text in enumerate(bad):
        cache_dir = str(tmp_path / f"c{i}")
        shutil.copytree(pristine, cache_dir)
        (Path(cache_dir) / entry.relative_to(pristine)).write_bytes(rebuilt(text))
        got = small_report(paths, "github+summary", cache_dir)
        assert got[:3] == expected["github+summary"], text
        assert got[3].stats.texts == 4 and got[3].stats.texts_stored == 1, text


def test_a_result_entry_that_checks_out_but_says_wrong_things_is_not_trusted(small: tuple, tmp_path: Path) -> None:
    # Payloads with a valid checksum that claimcheck never writes: not zlib, inflating to
    # more or less than the header says, another file's result, a result of another path.
    import zlib

    paths, pristine, expected = small
    entry = sorted(Path(pristine).rglob("*.json"))[0]
    head, _, payload = entry.read_bytes().partition(b"\n")
    header = json.loads(head)
    plain = zlib.decompress(payload)
    other = zlib.decompress(sorted(Path(pristine).rglob("*.json"))[1].read_bytes().partition(b"\n")[2])

    def rebuilt(payload_: bytes, **over: object) -> bytes:
        h = dict(header, payload_bytes=len(payload_), payload_sha256=hashlib.sha256(payload_).hexdigest())
        h.update(over)
        return json.dumps(h, sort_keys=True, separators=(",", ":")).encode() + b"\n" + payload_

    bad = [
        rebuilt(plain, json_bytes=len(plain)),  # not compressed
        rebuilt(zlib.compress(plain), json_bytes=len(plain) - 1),
        rebuilt(zlib.compress(plain), json_bytes=len(plain) + 1),
        rebuilt(zlib.compress(plain)[:-4], json_bytes=len(plain)),  # no end of stream
        rebuilt(zlib.compress(plain) + b"x", json_bytes=len(plain)),
        rebuilt(zlib.compress(plain), json_bytes=True),
        rebuilt(zlib.compress(plain), json_bytes=2 ** 40),
        rebuilt(zlib.compress(other), json_bytes=len(other)),  # another file's result under this key
        rebuilt(zlib.compress(plain.replace(b'"path":"', b'"path":"x', 1)), json_bytes=len(plain) + 1),
    ]
    for i, blob in enumerate(bad):
        cache_dir = str(tmp_path / f"c{i}")
        shutil.copytree(pristine, cache_dir)
        for e in text_entries(cache_dir):
            e.unlink()
        (Path(cache_dir) / entry.relative_to(pristine)).write_bytes(blob)
        got = report(paths, "json", cache_dir)
        assert got[:3] == expected["json"], i
        assert (got[3].stats.hits, got[3].stats.misses, got[3].stats.stored) == (4, 1, 1), i


def test_a_text_entry_that_checks_out_but_says_wrong_things_is_not_trusted(small: tuple, tmp_path: Path) -> None:
    # Entries rebuilt with a valid checksum around what claimcheck never writes: a verdict
    # that does not exist, a problem that is not one, lengths that do not add up.
    paths, pristine, expected = small
    entry = text_entries(pristine, "json")[0]
    head, _, body = entry.read_bytes().partition(b"\n")
    header = json.loads(head)
    meta, text = body[: header["meta_bytes"]], body[header["meta_bytes"]:]

    def rebuilt(new_meta: bytes, text_: bytes = text, **over: object) -> bytes:
        h = dict(header, meta_bytes=len(new_meta), text_bytes=len(text_), body_sha256=hashlib.sha256(new_meta + text_).hexdigest())
        h.update(over)
        return json.dumps(h, sort_keys=True, separators=(",", ":")).encode() + b"\n" + new_meta + text_

    bad = [
        rebuilt(b'[[],[["certain",true]],[]]'),
        rebuilt(b'[[],[["accurate",1]],[]]'),
        rebuilt(b'[[{"@":"Problem","path":"x","line":"1","col":1,"message":"m"}],[],[]]'),
        rebuilt(b'[[{"@":"SourceRef","id":"x","publisher":"p"}],[],[]]'),
        rebuilt(b'[[],[],[["/nonexistent/table.csv","00"]]]'),
        rebuilt(b'[[],[]]'),
        rebuilt(meta, text_bytes=len(text) + 1),
        rebuilt(meta, meta_bytes=-1),
        rebuilt(meta, meta_bytes=len(meta) + len(text) + 5, text_bytes=-5),
        rebuilt(meta, render=dict(header["render"], first=not header["render"]["first"])),
        rebuilt(meta, sha256="0" * 64),
        rebuilt(meta, kind="result"),
        rebuilt(meta, render=dict(header["render"], format="rich")),
        rebuilt(meta, b"\xff\xfe"),
    ]
    for blob in bad:
        cache_dir = str(tmp_path / f"c{bad.index(blob)}")
        shutil.copytree(pristine, cache_dir)
        target = Path(cache_dir) / entry.relative_to(pristine)
        target.write_bytes(blob)
        got = report(paths, "json", cache_dir)
        assert got[:3] == expected["json"]
        assert got[3].stats.texts == 4 and got[3].stats.texts_stored == 1


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs here")
def test_sizing_jobs_by_the_cache_never_opens_a_fifo(tmp_path: Path) -> None:
    # Counting what the cache lacks reads files; a FIFO must not be opened (it would block).
    fifo = tmp_path / "pipe.yaml"
    os.mkfifo(fifo)
    c, _ = cachemod.open_cache(str(tmp_path / "c"), "verify", {})
    assert c is not None and c.missing([str(fifo)]) == [str(fifo)]
