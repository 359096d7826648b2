"""The fast paths give exactly what the careful paths give.

* :func:`claimcheck.claimfile.load_text` (lean first pass over valid files) against
  :func:`claimcheck.claimfile.load_located` (located walk): the same problems, the same models,
  the same verdicts — on a generated corpus, on every file under ``tests/cases/``, and on
  inputs built to make the first pass give up.
* :func:`claimcheck.numbers.fmt_decimal` (integer arithmetic) against the Fraction-based
  rounding it replaced, kept here as the reference.
"""

from __future__ import annotations

import sys
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimcheck import claimfile
from claimcheck.claimfile import LazyLocations, Loaded
from claimcheck.engine import check_loaded
from claimcheck.numbers import MINUS, fmt_count, fmt_decimal, fmt_percent, round_half_away

ROOT = Path(__file__).resolve().parent.parent
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
    if problem is not None:  # unreadable bytes never reach either parser
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

# Each edit makes the first pass give up (or the file invalid): the located loader decides.
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
}

# These are valid and stay on the fast path: text styles the walker must read like libyaml.
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
def test_unusual_input_goes_to_the_located_loader(name: str) -> None:
    _same(f"{name}.yaml", GIVE_UP[name])


@pytest.mark.parametrize("name", sorted(VALID))
def test_valid_text_styles_agree(name: str) -> None:
    text = VALID[name].removeprefix("\ufeff")
    fast = _same(f"{name}.yaml", text)
    assert fast.ok and isinstance(fast.locs, LazyLocations)


def test_evaluation_error_is_located_like_the_slow_path() -> None:
    # A zero divisor is only found when the engine evaluates: the fast path's locations
    # must then give the same line and column inside the expression.
    text = BASE.replace("  b: {value: 990, source: s}", "  b: {value: 990, source: s}\n  z: {value: 0, source: s}")
    text = text.replace("compute: pct_change(a, b)", "compute: a / z + b")
    slow = check_loaded(claimfile.load_located("z.yaml", text))
    fast = check_loaded(claimfile.load_text("z.yaml", text))
    assert fast == slow


# --- formatting ---------------------------------------------------------------------------


def _reference_fmt_decimal(x: Fraction, places: int = 2, *, group: bool = True, trim: bool = False) -> str:
    """The Fraction-based formatter that integer arithmetic replaced."""
    r = round_half_away(x, places)
    neg = r < 0
    scaled = abs(r) * 10**places
    whole, frac = divmod(int(scaled), 10**places)
    body = f"{whole:,}" if group else str(whole)
    if places:
        frac_s = str(frac).rjust(places, "0")
        if trim:
            frac_s = frac_s.rstrip("0")
        if frac_s:
            body += "." + frac_s
    return (MINUS if neg and r != 0 else "") + body


def _reference_round(x: Fraction, places: int) -> Fraction:
    scale = 10**places
    scaled = abs(x) * scale
    q, r = divmod(scaled.numerator, scaled.denominator)
    if 2 * r >= scaled.denominator:
        q += 1
    out = Fraction(q, scale)
    return -out if x < 0 else out


fractions = st.fractions(max_denominator=10**6) | st.integers(-(10**12), 10**12).map(Fraction)


@given(fractions, st.integers(0, 4), st.booleans(), st.booleans())
def test_fmt_decimal_matches_the_fraction_reference(x: Fraction, places: int, group: bool, trim: bool) -> None:
    assert fmt_decimal(x, places, group=group, trim=trim) == _reference_fmt_decimal(x, places, group=group, trim=trim)
    assert round_half_away(x, places) == _reference_round(x, places)


def test_fmt_decimal_by_hand() -> None:
    # Halves go away from zero: 0.125 → 0.13, −0.125 → −0.13; −0.004 rounds to 0 and
    # loses its sign; 990/1224 − 1 = −0.19117… → −19.12%.
    assert fmt_decimal(Fraction(1, 8)) == "0.13"
    assert fmt_decimal(Fraction(-1, 8)) == f"{MINUS}0.13"
    assert fmt_decimal(Fraction(-4, 1000)) == "0.00"
    assert fmt_decimal(Fraction(1234567, 1), 0) == "1,234,567"
    assert fmt_percent(Fraction(990, 1224) - 1) == f"{MINUS}19.12%"
    assert fmt_count(Fraction(5, 2)) == "2.5"
