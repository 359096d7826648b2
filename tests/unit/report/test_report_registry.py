"""The format registry, the shared helpers and streaming."""

from __future__ import annotations

import subprocess
import sys
from fractions import Fraction

import pytest
from report_fixtures import ALL

from claimcheck.numbers import Interval
from claimcheck.report import FORMAT_HELP, FORMATS, Options, Tally, make
from claimcheck.run import render as render_all
from claimcheck.report.common import clean, exact, exact_interval, failure_kind
from claimcheck.results import ClaimResult, RunSummary


def test_formats_are_named_once() -> None:
    assert list(FORMATS) == ["rich", "json", "junit", "github", "markdown", "claimreview", "sarif", "gitlab", "html"]
    assert set(FORMAT_HELP) == set(FORMATS)


@pytest.mark.parametrize("name", list(FORMATS))
@pytest.mark.parametrize("options", [Options(), Options(explain=True, strict=True, width=80, color=True)])
def test_every_format_renders(name: str, options: Options) -> None:
    renderer = make(name, options)
    for method in ("start", "file", "finish"):
        assert callable(getattr(renderer, method))
    out = render_all(name, ALL, options)
    assert isinstance(out, str) and out
    assert render_all(name, [], options)  # an empty run renders too


def test_unknown_format() -> None:
    with pytest.raises(KeyError):
        make("yaml")


def test_rich_is_imported_only_for_the_terminal_format() -> None:
    code = (
        "import sys\n"
        "from claimcheck.report import FORMATS\n"
        "from claimcheck.run import render as render_all\n"
        "names = list(FORMATS)\n"
        "for n in names:\n"
        "    if n != 'rich': render_all(n, [])\n"
        "assert 'rich' not in sys.modules, 'rich imported'\n"
        "render_all('rich', [])\n"
        "assert 'rich' in sys.modules\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_every_command_asks_a_registry() -> None:
    from claimcheck.report.calc import FORMATS as CALC
    from claimcheck.report.rules import FORMATS as RULES
    from claimcheck.report.scan import FORMATS as SCAN, SCAFFOLDS

    assert list(SCAN) == ["rich", "json", "github"] and list(SCAFFOLDS) == ["yaml"]
    assert list(CALC) == ["rich", "json"] and list(RULES) == ["rich", "markdown", "json"]
    for registry in (FORMATS, SCAN, SCAFFOLDS, CALC, RULES):
        assert set(registry.help) == set(registry) and all(registry.help.values())
        assert all(callable(registry[name]) for name in registry)
        assert "yaml" not in registry or registry is SCAFFOLDS
    assert CALC.choices() == "rich or json" and RULES.choices() == "rich, markdown or json"


def test_machine_formats_of_every_command_do_not_import_rich() -> None:
    code = (
        "import sys\n"
        "from claimcheck.report.calc import FORMATS as CALC\n"
        "from claimcheck.report.rules import FORMATS as RULES\n"
        "from claimcheck.report.scan import FORMATS as SCAN, SCAFFOLDS\n"
        "from claimcheck.engine import check_expression\n"
        "from claimcheck.scan import scan_text\n"
        "r = [scan_text('Arrests fell 10%, from 100 to 90.', path='a.txt')]\n"
        "for n in ('json', 'github'):\n    rep = SCAN[n](); rep.start(); rep.file('a.txt', 'text', (), r[0].findings); rep.finish()\n"
        "SCAFFOLDS['yaml'](r)\n"
        "CALC['json'](check_expression('pct_change(100, 90)', 'down 10%'))\n"
        "RULES['json'](); RULES['markdown']()\n"
        "assert 'rich' not in sys.modules, 'rich imported'\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_tally_equals_run_summary() -> None:
    tally = Tally()
    for fr in ALL:
        tally.add(fr)
    assert tally.summary() == RunSummary.of(ALL)


def test_verify_streams_one_piece_per_file(monkeypatch: pytest.MonkeyPatch) -> None:
    from report_fixtures import ROOT

    monkeypatch.chdir(ROOT)  # the fixtures' paths are relative to the repository
    from claimcheck import run

    pieces: list[str] = []
    paths = [fr.path for fr in ALL]
    outcome = run.verify(paths, fmt="markdown", emit=pieces.append)
    assert len(pieces) == len(ALL) + 2  # start, each file as it is checked, finish
    assert "".join(pieces) == render_all("markdown", ALL)
    assert outcome.summary == RunSummary.of(ALL)


def test_clean_strips_escapes_and_controls() -> None:
    assert clean("a\x1b[2Jb") == "ab"
    assert clean("a\x1b]8;;https://x\x07link\x1b]8;;\x07b") == "alinkb"
    assert clean("a\x9b31mb\x07\x00\x7f") == "ab"
    assert clean("\u202eabc\u2066") == "abc"
    assert clean("one\r\ntwo\rthree\nfour\tfive") == "one two three four five"
    assert clean("one\r\ntwo", multiline=True) == "one\ntwo"
    assert clean("[bold]x[/] −19.12% — “quoted”") == "[bold]x[/] −19.12% — “quoted”"
    assert clean(None) == ""


def test_clean_is_linear_on_pathological_input() -> None:
    # Many unterminated escapes, each swallowing the next one's ESC: every one goes, and
    # the text around them stays. Run in a process with a bound, so a backtracking
    # pattern (seconds at a few thousand escapes, hours at 50,000) fails the test instead
    # of hanging the suite; no duration is asserted.
    import subprocess
    import sys

    code = (
        "from claimcheck.report.common import clean\n"
        "out = clean('a' + '\\x1b[' * 50_000 + '\\x1b]' * 50_000 + 'b')\n"
        "print(repr(out))\n"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    # "a" survives; each "\x1b[" (CSI) goes, and the first "\x1b]" opens an operating
    # system command that no BEL or ST ever ends: it runs to the end of the text, "b" too
    assert proc.stdout.strip() == repr("a")
    assert clean("a\x1b[31mb\x1b]0;t\x07c") == "abc"


def test_exact_text() -> None:
    assert exact(Fraction(-13, 68)) == "-13/68"
    assert exact(Fraction(36720)) == "36720"
    assert exact_interval(Interval(None, Fraction(1, 2))) == {"lo": None, "hi": "1/2"}


def test_failure_kind() -> None:
    base = dict(id="x", line=1, col=1, statement="s", figure="10%")
    assert failure_kind(ClaimResult(verdict="inaccurate", passed=True, recorded="inaccurate", **base)) is None
    assert failure_kind(ClaimResult(verdict="inaccurate", passed=False, **base)) == "inaccurate"
    assert failure_kind(ClaimResult(verdict="accurate", passed=False, recorded="inaccurate", **base)) == "recorded-verdict"
    assert failure_kind(ClaimResult(verdict="unverifiable", passed=False, **base)) == "strict"
