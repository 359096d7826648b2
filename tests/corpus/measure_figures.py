"""Measure ``calc --claim`` on the published figure phrases (tests/corpus/figures/).

    python tests/corpus/measure_figures.py                  # both halves
    python tests/corpus/measure_figures.py --half tuning --show-misses

Each row's figure, exactly as published, is run through ``engine.check_expression`` with
the row's ``expr`` (that is ``claimcheck calc EXPR --claim FIGURE``). A row *passes* when
the verdict is the hand-worked ``verdict`` and, for a row with two quantities joined by
"or", the second quantity's verdict is ``verdict2``: the second is judged against
``expr2``, the computation the row's ``work2`` line works it on (the count or percent the
first quantity implies), since against ``expr`` itself it was the input. A refused phrase
fails and is listed with the reason.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
HALVES = ("tuning", "frozen")


def load(half: str) -> list[dict[str, Any]]:
    return yaml.safe_load((HERE / "figures" / f"{half}.yaml").read_text("utf-8"))


def run(row: dict[str, Any]) -> tuple[str, str | None, str | None]:
    """(verdict, second verdict or None, refusal reason or None) for one row."""
    from claimcheck.engine import check_expression
    from claimcheck.figures import FigureError

    try:
        first = check_expression(row["expr"], row["figure"])
    except FigureError as exc:
        return "refused", None, str(exc)
    second = None
    if "verdict2" in row:
        res = check_expression(row.get("expr2", row["expr"]), row["figure"])
        second = res.also[0].verdict if res.also else "no second quantity"
    return first.verdict, second, None


def passes(row: dict[str, Any], got: tuple[str, str | None, str | None]) -> bool:
    verdict, second, _ = got
    return verdict == row["verdict"] and ("verdict2" not in row or second == row["verdict2"])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--half", choices=HALVES, action="append")
    ap.add_argument("--show-misses", action="store_true")
    args = ap.parse_args(argv)
    for half in args.half or HALVES:
        rows = load(half)
        results = [(row, run(row)) for row in rows]
        ok = sum(passes(row, got) for row, got in results)
        refused = [(row, got) for row, got in results if got[0] == "refused"]
        print(f"{half}: {ok}/{len(rows)} pass ({100 * ok / len(rows):.1f}%), {len(refused)} refused")
        for row, got in refused:
            print(f"  refused {row['id']}: {got[2]}")
        if args.show_misses:
            for row, got in results:
                if not passes(row, got) and got[0] != "refused":
                    want = row["verdict"] + (f" / {row['verdict2']}" if "verdict2" in row else "")
                    have = got[0] + (f" / {got[1]}" if got[1] else "")
                    print(f"  miss {row['id']}: {have}, hand-worked {want} | {row['figure']} | {row['expr']}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
