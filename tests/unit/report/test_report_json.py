"""The JSON report: valid against its schema, exact values as strings, streams."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from report_fixtures import ALL, BROKEN, COUNCIL, HOSTILE, ICE_JULY

from claimcheck.report import Options, render_all
from claimcheck.report.verify.json import SCHEMA_VERSION, schema

SCHEMA_FILE = Path(__file__).resolve().parents[3] / "src/claimcheck/report/json_report.schema.json"


def load(results, **kw) -> dict[str, Any]:
    return json.loads(render_all("json", results, Options(**kw)))


def test_schema_is_a_valid_schema_and_the_shipped_file() -> None:
    jsonschema.Draft202012Validator.check_schema(schema())
    assert schema() == json.loads(SCHEMA_FILE.read_text("utf-8"))


@pytest.mark.parametrize(
    "results", [ALL, (), (ICE_JULY,), (BROKEN,), (HOSTILE, BROKEN)], ids=["all", "none", "one", "invalid", "mixed"]
)
def test_real_output_validates_against_the_schema(results) -> None:
    jsonschema.validate(load(results), schema(), cls=jsonschema.Draft202012Validator)


def test_schema_rejects_a_float_value() -> None:
    doc = load([ICE_JULY])
    doc["files"][0]["claims"][0]["point"] = -0.1912
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(doc, schema(), cls=jsonschema.Draft202012Validator)


def test_header_and_summary() -> None:
    doc = load(ALL, strict=True)
    assert doc["schema_version"] == SCHEMA_VERSION == 2
    assert doc["strict"] is True
    assert [f["path"] for f in doc["files"]] == [fr.path for fr in ALL]
    assert doc["summary"] == {
        "files": 5,
        "invalid_files": 1,
        "claims": 24,
        "failed": 8,
        "by_verdict": {"accurate": 5, "approximate": 7, "inaccurate": 8, "unverifiable": 4},
        "ok": False,
        "line": "24 claims: 5 accurate, 7 approximate, 8 inaccurate, 4 unverifiable; 8 failing; 1 invalid file",
    }


def test_exact_values_are_strings_that_read_back_exactly() -> None:
    claims = {c["id"]: c for f in load(ALL)["files"] for c in f["claims"]}
    axios = claims["axios-nearly-20"]
    # (990 − 1,224) ÷ 1,224 = −13/68, shown −19.12%.
    assert axios["point"] == "-13/68" and axios["value"] == "−19.12%"
    assert Fraction(axios["point"]) == Fraction(990 - 1224, 1224)
    dhs = claims["dhs-only-10"]
    assert dhs["interval"] == {"lo": "-10/63", "hi": "-6/61"}
    assert dhs["interval_text"] == "−15.87% to −9.84%"
    assert claims["june-arrests-trac-vs-dhs"]["point"] == "36720"
    assert claims["parks-budget-record"]["point"] is None
    assert claims["parks-budget-record"]["interval"] is None


def test_no_float_anywhere() -> None:
    def walk(x: Any) -> None:
        assert not isinstance(x, float), x
        if isinstance(x, dict):
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)

    walk(load(ALL))


def test_failure_kinds() -> None:
    claims = {c["id"]: c for f in load(ALL)["files"] for c in f["claims"]}
    assert claims["rangers-up-20"]["failure_kind"] == "inaccurate"
    assert claims["deficit-halved"]["failure_kind"] == "recorded-verdict"
    assert claims["dhs-only-10"]["failure_kind"] is None


def test_invalid_file_lists_its_problems() -> None:
    (f,) = load([BROKEN])["files"]
    assert f["valid"] is False and f["claims"] == []
    assert [p["text"] for p in f["problems"]] == [p.render() for p in BROKEN.problems]
    assert (f["problems"][1]["line"], f["problems"][1]["col"]) == (16, 13)


def test_user_text_round_trips_and_terminal_controls_are_escaped() -> None:
    text = render_all("json", [HOSTILE])
    (claim,) = json.loads(text)["files"][0]["claims"]
    assert claim["statement"] == HOSTILE.claims[0].statement
    assert claim["speaker"] == HOSTILE.claims[0].speaker
    # `cat report.json` must not send a terminal any control character or bidi override.
    for ch in ("\x1b", "\x07", "\x9b", "\u202e", "\x0b", "\r", "\ufffe"):
        assert ch not in text


def test_keys_are_stable_for_every_claim() -> None:
    docs = [c for f in load(ALL)["files"] for c in f["claims"]]
    assert len({tuple(c) for c in docs}) == 1


def test_streaming_pieces_concatenate_to_one_document() -> None:
    from claimcheck.report import render_iter

    pieces = list(render_iter("json", [ICE_JULY, COUNCIL, BROKEN]))
    assert len(pieces) == 5  # start, three files, finish
    assert json.loads("".join(pieces))["summary"]["files"] == 3


def test_diagnoses_are_kind_text_and_data() -> None:
    claims = [c for f in load(ALL)["files"] for c in f["claims"]]
    diagnoses = [d for c in claims for d in c["diagnoses"]]
    assert diagnoses
    for d in diagnoses:
        assert list(d) == ["kind", "text", "data"]
        assert all(type(v) is str for v in d["data"].values())


def test_docs_list_every_diagnosis_kind() -> None:
    from claimcheck.verdicts import KINDS

    docs = (Path(__file__).resolve().parents[3] / "docs/json-report.md").read_text("utf-8")
    for kind, _ in KINDS:
        assert f"| `{kind}` |" in docs, kind
