"""Every published figure phrase of tests/corpus/figures/ through ``calc --claim``.

Each row is a phrase copied verbatim from a published page with the computation on the
numbers printed beside it and a verdict worked out by hand (tests/corpus/README.md). The
phrase goes in as published, through :func:`claimcheck.engine.check_expression`, and the
verdict must be the hand-worked one; for two quantities joined by "or" the second's must
be ``verdict2`` (judged against ``expr2``, the computation its ``work2`` line uses; see
tests/corpus/measure_figures.py). ``python tests/corpus/measure_figures.py`` prints the
pass rate of each half.

A row whose hand-worked verdict we dispute is listed in :data:`DISPUTED` with the
arithmetic, and runs as a strict xfail: the corpus row is left as its author wrote it.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import pytest

sys.path.insert(0, str(Path(__file__).parent / "corpus"))
from measure_figures import HALVES, load, passes, run  # noqa: E402

from claimcheck.engine import check_expression  # noqa: E402

ROWS = [(half, row) for half in HALVES for row in load(half)]

#: Rows whose hand-worked verdict the tool does not reproduce, and why we think the row,
#: not the tool, is off.
DISPUTED: dict[str, str] = {
    "gunbuyersclub-average-72-percent": (
        "mean(76, 68) is a plain number, 72, and the claim is a percentage (72 percent): by the "
        "verdict rules a percentage against a count measures different things, so unverifiable; "
        "the arithmetic is right, and with the inputs written as percents, mean(76%, 68%), the "
        "verdict is accurate"
    ),
}


def _params() -> list[Any]:
    out = []
    for half, row in ROWS:
        marks = [pytest.mark.xfail(reason=DISPUTED[row["id"]], strict=True)] if row["id"] in DISPUTED else []
        out.append(pytest.param(row, id=f"{half}:{row['id']}", marks=marks))
    return out


def test_the_corpus_is_whole() -> None:
    assert len(ROWS) >= 150
    ids = [row["id"] for _, row in ROWS]
    assert len(set(ids)) == len(ids)
    assert set(DISPUTED) <= set(ids)


@pytest.mark.parametrize("row", _params())
def test_published_phrase(row: dict[str, Any]) -> None:
    got = run(row)
    assert got[0] != "refused", got[2]
    assert passes(row, got), (got, row["work"], row.get("work2"))


@pytest.mark.parametrize("half", HALVES)
def test_refused_phrases_are_listed(half: str, capsys: pytest.CaptureFixture[str]) -> None:
    refused = [(row["id"], got[2]) for h, row in ROWS if h == half for got in [run(row)] if got[0] == "refused"]
    with capsys.disabled():
        for rid, reason in refused:
            print(f"\nrefused {half}:{rid}: {reason}")
    assert refused == []


def test_baltimore_names_the_wrong_base() -> None:
    # AP, January 2009: Baltimore's 234 homicides were "17 percent less than the 392 the year
    # before"; 392 was Philadelphia's 2007 figure, Baltimore's was 282
    row = next(r for _, r in ROWS if r.get("true_expr"))
    res = check_expression(row["true_expr"], row["figure"])
    assert res.verdict == "inaccurate"
    assert any("names 392 as its base" in d and "282" in d for d in res.diagnoses), res.diagnoses


def test_baltimore_back_solves_to_282() -> None:
    row = next(r for _, r in ROWS if r.get("true_expr"))
    for expr in (row["expr"], row["true_expr"]):
        res = check_expression(expr, row["figure"])
        assert res.verdict == "inaccurate"
        assert "Back-solved: 17% less than X = 234 implies X ≈ 282 (printed 392)." in res.diagnoses, res.diagnoses
        assert [(s.kind, s.data["solved"], s.data["printed"]) for s in res.solved] == [("solved_input", "282", "392")]
