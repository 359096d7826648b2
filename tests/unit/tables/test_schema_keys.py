"""The shipped JSON Schema accepts the table keys (``from:``, ``sql:``, ``cell:``) exactly
where the models do, as far as a schema can say it (issue 20)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from claimcheck.claimfile.load import validate_data
from claimcheck.claimfile.yaml import Locations

ROOT = Path(__file__).resolve().parents[3]
SCHEMA = json.loads((ROOT / "claims" / "claimfile.schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft7Validator(SCHEMA)

HEAD = "title: T\nfigures:\n"


@pytest.mark.parametrize(
    ("figure", "ok"),
    [
        ("  x: {from: data/t.csv, sql: select sum(a) from t}", True),
        ("  x: {from: data/T.PARQUET, sql: select 1, unit: people, period: 2025-07, exact: true}", True),
        ("  x: {from: data/w.xlsx, cell: Sheet1!B12}", True),
        ("  x: {from: data/w.xlsx, cell: \"'My sheet'!AB1200\"}", True),
        ("  x: {from: w.xlsx, cell: B2}", True),
        ("  x: {from: data/t.txt, sql: select 1}", False),  # not a table
        ("  x: {from: data/w.xlsx, cell: B0}", False),  # no row 0
        ("  x: {from: data/w.xlsx, cell: Sheet1!}", False),
        ("  x: {from: data/t.csv, sql: select 1, typo: 1}", False),
    ],
)
def test_schema_and_models_agree_on_table_keys(figure: str, ok: bool) -> None:
    data = yaml.safe_load(HEAD + figure + "\n")
    assert VALIDATOR.is_valid(data) is ok
    # The models (no table is read here: validation only).
    loaded = validate_data("t.yaml", data, Locations())
    assert (not loaded.problems) is ok, [p.render() for p in loaded.problems]


@pytest.mark.parametrize(
    "figure",
    [
        "  x: {from: ../t.csv, sql: select 1}",
        "  x: {from: /etc/t.csv, sql: select 1}",
        "  x: {sql: select 1}",
        "  x: {from: data/t.csv}",
        "  x: {from: data/t.csv, sql: select 1, cell: B2}",
        "  x: {value: 3, from: data/t.csv, sql: select 1}",
    ],
)
def test_the_models_refuse_what_the_schema_cannot_express(figure: str) -> None:
    data = yaml.safe_load(HEAD + figure + "\n")
    loaded = validate_data("t.yaml", data, Locations())
    assert loaded.problems
