"""The scan fixture: every case in tests/cases/scan_sentences.yaml, expectations worked
out by hand beside each sentence. One parametrized test runs them all."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from claimcheck.scan import scan_text

CASES = yaml.safe_load((Path(__file__).parents[2] / "cases" / "scan_sentences.yaml").read_text(encoding="utf-8"))


def _summary(findings) -> list[dict]:
    out = []
    for f in findings:
        d = {"phrase": f.phrase, "status": f.status}
        if f.status == "checked":
            d["compute"] = f.compute
            d["verdict"] = f.verdict
        out.append(d)
    return out


@pytest.mark.parametrize("case", CASES, ids=[c["id"] for c in CASES])
def test_scan_sentence(case: dict) -> None:
    result = scan_text(case["text"], fmt="text")
    assert not result.problems
    expected = [{k: str(v) for k, v in e.items() if k != "note"} for e in case["expect"]]
    assert _summary(result.findings) == expected
    # a note, where a case gives one: the reading a check rests on, said to the reader
    for f, e in zip(result.findings, case["expect"]):
        if "note" in e:
            assert f.note == e["note"]


def test_fixture_is_large_and_varied() -> None:
    assert len(CASES) >= 100
    ids = [c["id"] for c in CASES]
    assert len(ids) == len(set(ids))
    verdicts = {e.get("verdict") for c in CASES for e in c["expect"]}
    assert {"accurate", "approximate", "inaccurate"} <= verdicts
