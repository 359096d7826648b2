"""The JSON Schema of a claim file, as text: generated from the models, never edited by hand.

The repo ships it as ``claims/claimfile.schema.json``;
``tests/unit/claimfile/test_schema.py`` fails when the shipped file drifts from the models.
"""

from __future__ import annotations

import json


def schema_text() -> str:
    from claimcheck.claimfile.model import json_schema

    return json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
