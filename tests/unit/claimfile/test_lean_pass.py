"""The lean first pass gives exactly what the located walk gives.

:func:`claimcheck.claimfile.load_text` (lean walk first, located on any doubt) against
:func:`claimcheck.claimfile.load_located` (the located walk alone): the same problems, the
same models, the same verdicts — on a generated corpus, on every file under
``tests/cases/``, and on inputs built to make the lean walk give up.
"""

from __future__ import annotations

import sys
from fractions import Fraction
from pathlib import Path

import pytest

from claimcheck import claimfile
from claimcheck.claimfile import LazyLocations, Loaded
from claimcheck.engine import check_loaded

ROOT = Path(__file__).resolve().parents[3]
CASES = sorted((ROOT / "tests" / "cases").glob("*/*.yaml"))
sys.path.insert(0, str(ROOT / "benchmarks"))
import gen_corpus  # noqa: E402


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    return gen_corpus.generate(tmp_path_factory.mktemp("corpus"), files=4, claims=40, seed=11)


def _dump(loaded: Loaded):
    return None if loaded.model is None else loaded.model.model_dump(mode="json")


def _same(path: str, text: str) -> Loaded:
    slow = claimfile.load_located(path, text)
    fast = claimfile.load_text(path, text)
    assert fast.problems == slow.problems
    assert _dump(fast) == _dump(slow)
    assert check_loaded(fast) == check_loaded(slow)
    return fast


def test_generated_files_take_the_fast_path_and_agree(corpus: list[Path]) -> None:
    for p in corpus:
        fast = _same(str(p), p.read_text(encoding="utf-8"))
        assert fast.ok
        assert isinstance(fast.locs, LazyLocations)  # the first pass vouched for it
        assert not fast.locs.expanded  # and nothing needed the full locations


def test_claim_lines_come_from_the_first_pass(corpus: list[Path]) -> None:
    text = corpus[0].read_text(encoding="utf-8")
    fr = check_loaded(claimfile.load_text("x.yaml", text))
    lines = text.split("\n")
    for c in fr.claims:
        # Every generated claim is a block list item "  - id: …"; the item starts at the "id".
        assert lines[c.line - 1][c.col - 1 :].startswith("id: "), c


def test_results_stay_exact(corpus: list[Path]) -> None:
    fr = check_loaded(claimfile.load_file(str(corpus[1])))
    points = [c.point for c in fr.claims if c.point is not None]
    assert points and all(type(p) is Fraction for p in points)


@pytest.mark.parametrize("case", CASES, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_every_case_file_agrees(case: Path) -> None:
    text, problem = claimfile.read_text(str(case))
    if problem is not None:  # unreadable bytes never reach either walk
        assert claimfile.load_file(str(case)).problems == (problem,)
        return
    _same(str(case), text)


BASE = """\
title: t
sources:
  s: {publisher: P}
figures:
  a: {value: 1224, source: s}
  b: {value: 990, source: s}
claims:
  - id: c1
    speaker: X
    statement: fell
    figure: nearly 20% drop
    compute: pct_change(a, b)
"""

# Each edit makes the lean walk give up (or the file invalid): the located walk decides.
GIVE_UP = {
    "alias": BASE.replace("  b: {value: 990, source: s}", "  b: &x {value: 990, source: s}\n  c: *x"),
    "str_tag": BASE.replace("title: t", "title: !!str t"),
    "int_tag": BASE.replace("value: 990", "value: !!int 990"),
    "custom_tag": BASE.replace("title: t", "title: !mine t"),
    "duplicate_key": BASE.replace("    speaker: X\n", "    speaker: X\n    speaker: Y\n"),
    "flow_split": BASE.replace("value: 990", "value: 1,990"),
    "list_key": BASE + "  ? [a, b]\n  : 1\n",
    "unknown_key": BASE.replace("    speaker: X\n", "    speker: X\n"),
    "unknown_figure": BASE.replace("pct_change(a, b)", "pct_change(a, bb)"),
    "quoted_true": BASE.replace("title: t", 'title: "true"'),
    "plain_true": BASE.replace("title: t", "title: true"),
    "empty_flow_value": BASE.replace("{value: 990, source: s}", "{value: 990, source: s, note: }"),
    "deep": BASE + "note: " + "[" * 40 + "]" * 40 + "\n",
    "placeholder": BASE.replace("    speaker: X\n", "    speaker: TODO\n"),
    "placeholder_quoted": BASE.replace("    speaker: X\n", '    speaker: "  TODO: who said it"\n'),
    "todo_in_text": BASE.replace("    statement: fell\n", "    statement: the TODO list fell\n"),
}

# These are valid and stay on the lean path: text styles the walker must read like libyaml.
VALID = {
    "folded": BASE.replace("    statement: fell\n", "    statement: >\n      fell a lot\n      in July\n"),
    "literal": BASE.replace("    statement: fell\n", "    statement: |\n      fell\n      a lot\n"),
    "multiline_plain": BASE.replace("    statement: fell\n", "    statement: fell\n      in July\n"),
    "escapes": BASE.replace("    statement: fell\n", '    statement: "fell \\u2212 19\\x25 \\"a\\" \\\\"\n'),
    "single_quoted": BASE.replace("    statement: fell\n", "    statement: 'it''s down'\n"),
    "null_note": BASE.replace("    speaker: X\n", "    speaker: X\n    note: ~\n"),
    "bom_and_comment": "\ufeff# a comment\n" + BASE,
}


@pytest.mark.parametrize("name", sorted(GIVE_UP))
def test_unusual_input_goes_to_the_located_walk(name: str) -> None:
    _same(f"{name}.yaml", GIVE_UP[name])


@pytest.mark.parametrize("name", sorted(VALID))
def test_valid_text_styles_agree(name: str) -> None:
    text = VALID[name].removeprefix("\ufeff")
    fast = _same(f"{name}.yaml", text)
    assert fast.ok and isinstance(fast.locs, LazyLocations)


def test_evaluation_error_is_located_like_the_slow_path() -> None:
    # A zero divisor is only found when the engine evaluates: the lean path's locations
    # must then give the same line and column inside the expression.
    text = BASE.replace("  b: {value: 990, source: s}", "  b: {value: 990, source: s}\n  z: {value: 0, source: s}")
    text = text.replace("compute: pct_change(a, b)", "compute: a / z + b")
    slow = check_loaded(claimfile.load_located("z.yaml", text))
    fast = check_loaded(claimfile.load_text("z.yaml", text))
    assert fast == slow


def test_a_placeholder_is_reported_once_at_its_value() -> None:
    # The lean walk gives up on a value holding TODO; the located walk reports the
    # placeholder where it is, and the lean data is never searched for one again.
    loaded = claimfile.load_text("p.yaml", GIVE_UP["placeholder"])
    assert [(p.line, p.col, p.message) for p in loaded.problems] == [
        (9, 14, "'speaker' is still a placeholder ('TODO'); fill it in")]
    # "TODO" inside other text is no placeholder: the file loads, by the located walk.
    assert claimfile.load_text("t.yaml", GIVE_UP["todo_in_text"]).ok
