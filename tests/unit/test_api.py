"""claimcheck.api: scan and verify as plain, picklable records with exact numbers as strings.

The expected values are worked out by hand from the sentences and the claim file.
"""

from __future__ import annotations

import dataclasses
import pickle
from pathlib import Path

from claimcheck.api import FindingRecord, ProblemRecord, ScanRecord, scan_file, scan_text, verify_file

ROOT = Path(__file__).resolve().parents[2]

PLAIN = (str, int, bool, type(None))


def _plain(value: object) -> bool:
    """Only str, int, bool, None, tuples of those and records made of them."""
    if dataclasses.is_dataclass(value):
        return all(_plain(getattr(value, f.name)) for f in dataclasses.fields(value))
    if isinstance(value, tuple):
        return all(_plain(v) for v in value)
    return isinstance(value, PLAIN)


def test_scan_text_checks_a_self_contained_claim() -> None:
    r = scan_text("Arrests fell 10%, from 31,000 in June to 27,000 in July.\n")
    assert r.path == "-" and r.format == "text" and r.problems == ()
    (f,) = r.findings
    # (27,000 − 31,000) ÷ 31,000 = −0.129032… → −12.90%: "10%" is off, but 10% is reached
    # at the edge of the inputs' rounding (30,500 → 27,499), so approximate
    assert (f.line, f.col, f.end_line, f.end_col) == (1, 9, 1, 16)  # "fell 10%" spans columns 9–16
    assert (f.phrase, f.kind, f.status, f.verdict) == ("fell 10%", "percent", "checked", "approximate")
    assert f.value == "−12.90%"
    assert f.arithmetic == "(27,000 − 31,000) ÷ 31,000 = −12.90%"
    assert f.compute == "pct_change(31000, 27000)"
    assert f.inputs == ("31,000", "27,000")
    assert f.claimed == "1/10"  # 10% exactly, as a fraction: never a float
    assert f.sentence == "Arrests fell 10%, from 31,000 in June to 27,000 in July."


def test_scan_text_reads_html_and_locates_in_the_original() -> None:
    page = "<html><body>\n<p>Rents rose 20%, from 120 to 150, the council said.</p>\n</body></html>\n"
    (f,) = scan_text(page, format="html").findings
    # (150 − 120) ÷ 120 = +25%: "20%" is the change over the NEW value (30 ÷ 150)
    assert (f.line, f.col, f.verdict, f.value) == (2, 10, "inaccurate", "+25.00%")
    assert "wrong_base" in f.diagnoses
    assert f.claimed == "1/5"


def test_records_are_plain_frozen_and_pickle() -> None:
    r = scan_text("Visits fell 50%, from 400 to 300. About 71% of residents noticed.", path="story.txt")
    assert [(f.phrase, f.status, f.verdict) for f in r.findings] == [
        ("fell 50%", "checked", "inaccurate"),  # (300 − 400) ÷ 400 = −25%
        ("About 71%", "needs-source", None),
    ]
    assert all(f.file == "story.txt" for f in r.findings)
    assert _plain(r)
    assert pickle.loads(pickle.dumps(r)) == r
    try:
        r.findings[0].verdict = "accurate"  # type: ignore[misc]
    except dataclasses.FrozenInstanceError:
        pass
    else:  # pragma: no cover
        raise AssertionError("a record can be changed")


def test_the_same_text_gives_the_same_record() -> None:
    text = "Sales rose 25%, from 120 to 150, the company said."
    assert scan_text(text) == scan_text(text) == scan_text(text, format="text")


def test_scan_file_names_the_file_as_asked_and_reports_unreadable_files(tmp_path: Path) -> None:
    good = tmp_path / "a.md"
    good.write_text("# Budget\n\nSales rose 25%, from 120 to 150.\n", encoding="utf-8")
    r = scan_file(str(good), name="archive/a.md")
    assert (r.path, r.format) == ("archive/a.md", "markdown")
    assert [(f.file, f.line, f.verdict) for f in r.findings] == [("archive/a.md", 3, "accurate")]
    bad = tmp_path / "b.txt"
    bad.write_bytes(b"ok\n\xff")
    assert scan_file(str(bad), name="b.txt") == ScanRecord("b.txt", None, (), (ProblemRecord("b.txt", 2, 1, "not UTF-8 (byte 0xFF)"),))
    missing = scan_file(str(tmp_path / "nope.txt"))
    assert [p.message for p in missing.problems] == ["no such file"]
    assert missing.problems[0].render() == f"{tmp_path / 'nope.txt'}:1:1: error: no such file"


def test_verify_file_judges_every_claim() -> None:
    v = verify_file(str(ROOT / "claims" / "ice_july.yaml"))
    assert v.problems == () and v.title
    first = v.claims[0]
    # (990 − 1,224) ÷ 1,224 = −234/1,224 = −13/68 = −19.12%; "nearly 20% drop" accepts 18.0–20.5
    assert (first.id, first.verdict, first.passed, first.value, first.point) == (
        "axios-nearly-20", "accurate", True, "−19.12%", "-13/68")
    assert _plain(v)
    assert pickle.loads(pickle.dumps(v)) == v


def test_verify_file_reports_an_invalid_file(tmp_path: Path) -> None:
    f = tmp_path / "bad.yaml"
    f.write_text("title: x\nclaims: [\n", encoding="utf-8")
    v = verify_file(str(f))
    assert v.claims == () and v.problems and v.problems[0].path == str(f)


def test_finding_record_fields_are_documented() -> None:
    assert [f.name for f in dataclasses.fields(FindingRecord)] == [
        "file", "line", "col", "end_line", "end_col", "phrase", "kind", "status", "verdict", "value", "arithmetic",
        "rule", "diagnoses", "compute", "inputs", "claimed", "sentence",
    ]
