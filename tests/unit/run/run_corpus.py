"""The claim-file corpus the run tests share: generated stories (benchmarks/gen_corpus.py)
and one invalid file among them, so every path — serial, on workers, rendered there — meets
a discovery problem and a file that does not load."""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "benchmarks"))
import gen_corpus  # noqa: E402


def make_corpus(d: Path, *, claims: int, seed: int, invalid: str) -> Path:
    """Nine generated stories in ``d`` and the invalid file ``invalid`` among them."""
    gen_corpus.generate(d, files=9, claims=claims, seed=seed)
    (d / invalid).write_text((ROOT / "tests/cases/invalid/hex.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    return d
