"""The shipped JSON Schema is the one the models generate, and it describes real files."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema

from claimcheck.claimfile import compose
from claimcheck.claimfile.schema import schema_text
from claimcheck.claimfile.yaml import Walker

ROOT = Path(__file__).resolve().parents[3]
SHIPPED = ROOT / "claims" / "claimfile.schema.json"


def test_shipped_schema_matches_the_models() -> None:
    assert SHIPPED.read_text(encoding="utf-8") == schema_text(), (
        "claims/claimfile.schema.json drifted from the models; regenerate it with "
        "`claimcheck schema -o claims/claimfile.schema.json`"
    )


def test_schema_is_draft7_and_accepts_the_showcase_file() -> None:
    schema = json.loads(schema_text())
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    jsonschema.Draft7Validator.check_schema(schema)
    # Read as YAML 1.2 reads it (what yaml-language-server does): dates stay text.
    path = str(ROOT / "claims" / "ice_july.yaml")
    node, problem = compose(path, Path(path).read_text(encoding="utf-8"))
    assert problem is None
    data = Walker(path).walk(node)
    jsonschema.Draft7Validator(schema).validate(data)


def test_schema_rejects_an_unknown_key() -> None:
    schema = json.loads(schema_text())
    bad = {"title": "t", "claims": [], "figures": {"june": {"vlaue": 3}}}
    errors = list(jsonschema.Draft7Validator(schema).iter_errors(bad))
    assert errors


def test_schema_has_hover_text_for_fields() -> None:
    schema = json.loads(schema_text())
    claim = schema["definitions"]["Claim"]["properties"]
    assert "published rating" in claim["verdict"]["description"]
    assert claim["figure"]["examples"][0] == "nearly 20% drop"
