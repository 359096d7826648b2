"""Every report cites the table a figure was read from: the file, its SHA-256, the query
or cell and the value (issue 20). Driven through the example claim file and its table."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from claimcheck.run import verify

pytest.importorskip("duckdb")

ROOT = Path(__file__).resolve().parents[3]
EXAMPLE = ROOT / "examples" / "co2_mauna_loa.yaml"
TABLE = ROOT / "examples" / "data" / "co2_annmean_mlo.csv"
SHA = hashlib.sha256(TABLE.read_bytes()).hexdigest()
QUERY_2014 = "select Mean from t where Year = 2014"


def report(fmt: str) -> str:
    chunks: list[str] = []
    outcome = verify([str(EXAMPLE)], fmt=fmt, emit=chunks.append)
    assert outcome.code == 0
    return "".join(chunks)


def test_the_shipped_table_is_the_one_cited() -> None:
    assert SHA == "b6b5c48b087114d13f4159fe718a7ce739baa71faab976d9c4bc79609d90ab98"  # examples/data/SOURCE.md


def test_json_gives_each_inputs_table() -> None:
    data = json.loads(report("json"))
    claim = data["files"][0]["claims"][0]
    assert claim["inputs"][1]["table"] == {
        "path": "data/co2_annmean_mlo.csv", "sha256": SHA, "sql": QUERY_2014, "cell": None, "value": "398.61",
    }
    # avg over 2000–2009: the ten annual means sum to 3,785.55, ÷ 10 = 378.555 exactly.
    avg = data["files"][0]["claims"][1]["inputs"][0]["table"]
    assert avg["value"] == "378.555"


def test_json_report_still_matches_its_schema() -> None:
    import jsonschema

    schema = json.loads((ROOT / "src" / "claimcheck" / "report" / "json_report.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(json.loads(report("json")))


def test_claimreview_cites_the_table_as_a_dataset() -> None:
    docs = json.loads(report("claimreview"))
    first = docs[0]
    assert first["isBasedOn"] == [{
        "@type": "Dataset",
        "name": "data/co2_annmean_mlo.csv",
        "identifier": f"sha256:{SHA}",
        "description": "co2_1959 = 315.97, by sql: select Mean from t where Year = 1959; "
                       "co2_2014 = 398.61, by sql: select Mean from t where Year = 2014",
        "creator": {"@type": "Organization", "name": "NOAA Global Monitoring Laboratory and Scripps Institution of Oceanography"},
        "url": "https://gml.noaa.gov/ccgg/trends/",
    }]
    assert f"co2_2014 = 398.61 from data/co2_annmean_mlo.csv (SHA-256 {SHA}) by sql: {QUERY_2014}" in first["reviewBody"]


@pytest.mark.parametrize("fmt", ["html", "markdown", "gitlab", "sarif", "github", "junit", "rich"])
def test_text_reports_name_the_table_its_hash_and_query(fmt: str) -> None:
    from claimcheck.report import Options

    chunks: list[str] = []
    outcome = verify([str(EXAMPLE)], fmt=fmt, emit=chunks.append, options=Options(explain=True) if fmt == "rich" else None)
    text = "".join(chunks)
    if fmt in ("markdown", "gitlab", "sarif", "github", "junit"):
        # These explain failures only; the passing example has none. The draft's are there.
        chunks = []
        verify([str(ROOT / "examples" / "draft_co2_retyped.yaml")], fmt=fmt, emit=chunks.append)
        text = "".join(chunks)
    assert outcome.code == 0
    if fmt == "markdown":
        text = text.replace("\\_", "_")  # Markdown escapes the underscores of the path
    for needle in ("data/co2_annmean_mlo.csv", SHA, "Year = 2014", "398.61"):
        assert needle in text, (fmt, needle)
