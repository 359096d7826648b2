"""One truth for the schema: a generated claim file loads (claimcheck's loader) exactly
when it validates against the shipped schema as an editor reads it.

yaml-language-server reads YAML 1.2 (core schema): an unquoted ``2025`` is an integer,
``19.5`` a float, ``true`` a boolean, ``2025-06`` text. claimcheck's loader reads every
plain scalar as text and parses numbers and periods itself. Issue 16: the example draft
showed five editor errors on ``period: 2025``, an integer the loader accepts; a file fresh
from ``claimcheck new`` verified with its ``TODO`` placeholders. The files here are built
from the values a reporter writes, good and bad, so each side's verdict is compared.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.claimfile import load_text

ROOT = Path(__file__).resolve().parents[3]
SCHEMA = json.loads((ROOT / "claims" / "claimfile.schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft7Validator(SCHEMA)


class Yaml12Loader(yaml.SafeLoader):
    """PyYAML with the YAML 1.2 core schema's implicit types (what editors use)."""


Yaml12Loader.yaml_implicit_resolvers = {}
for tag, pattern, first in (
    ("tag:yaml.org,2002:bool", r"^(?:true|True|TRUE|false|False|FALSE)$", list("tTfF")),
    ("tag:yaml.org,2002:null", r"^(?:~|null|Null|NULL|)$", ["~", "n", "N", ""]),
    ("tag:yaml.org,2002:int", r"^(?:[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+)$", list("-+0123456789")),
    ("tag:yaml.org,2002:float",
     r"^(?:[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$",
     list("-+.0123456789")),
):
    Yaml12Loader.add_implicit_resolver(tag, re.compile(pattern), first)


def editor_accepts(text: str) -> bool:
    data = yaml.load(text, Loader=Yaml12Loader)  # noqa: S506 - a SafeLoader subclass
    return VALIDATOR.is_valid(data)


def loader_accepts(text: str) -> bool:
    return load_text("gen.yaml", text).ok


# What a reporter writes, as YAML source: (text, whether both sides should accept it).
TITLES = ["Story", '"City budget, 2026"', '"TODO: the story\'s headline"', "TODO", "12", "true", "[a]"]
VALUES = ['"1,224"', "1224", "1_224", "19.5", '"19.5%"', '"$4.8 million"', "990", "true", "abc", '"TODO"', "[1]", "-3"]
PERIODS = ["2025", "2025-06", "2025-06-29", "2025-07-01/2025-07-27", "2015/2016", "2025-13", "June", "true", "20250"]
SPEAKERS = ["Axios", '"TODO: speaker"', "12", "null", '"Tricia McLaughlin, DHS"']
FIGURES = ["nearly 20% drop", "down 10%", "doubled", "12"]
DATES = ["2025-07-29", "2025", "2025-13-01", "yesterday", "2025-07-01/2025-07-02"]
EXTRA = ["", "    speaker_type: person\n", "    speaker_type: robot\n", "    spekaer: x\n", "    article: https://x.example/\n"]
TOP = ["", "speakers: {Axios: organization}\n", "speakers: {Axios: robot}\n", "publisher: {name: Example}\n",
       "publisher: Example\n", "article: https://news.example/\n", "url: https://fc.example/\n"]


@st.composite
def claim_files(draw: st.DrawFn) -> str:
    value = draw(st.sampled_from(VALUES))
    period = draw(st.sampled_from(PERIODS))
    date = draw(st.sampled_from(DATES))
    return (
        f"title: {draw(st.sampled_from(TITLES))}\n"
        f"date: {date}\n"
        + draw(st.sampled_from(TOP))
        + "sources:\n  s: {publisher: Agency}\n"
        "figures:\n"
        f"  before: {{value: {value}, period: {period}, source: s}}\n"
        "  after: {value: 1000, period: 2025-07, source: s}\n"
        "claims:\n"
        "  - id: c1\n"
        f"    speaker: {draw(st.sampled_from(SPEAKERS))}\n"
        "    statement: It fell\n"
        f"    figure: {draw(st.sampled_from(FIGURES))}\n"
        "    compute: pct_change(before, after)\n"
        + draw(st.sampled_from(EXTRA))
    )


@given(text=claim_files())
@settings(max_examples=300, deadline=None)
def test_loader_and_schema_agree(text: str) -> None:
    assert loader_accepts(text) == editor_accepts(text), text


def test_the_reported_disagreements_are_gone() -> None:
    # period: 2025 and value: 19.5 load; an editor used to flag both.
    text = (ROOT / "examples" / "draft_parks_budget.yaml").read_text(encoding="utf-8")
    assert "period: 2025," in text
    assert loader_accepts(text) and editor_accepts(text)
    ok = ("title: T\nsources: {s: {publisher: A}}\nfigures:\n  a: {value: 19.5, period: 2025, source: s}\n"
          "  b: {value: 20, period: 2026, source: s}\nclaims:\n  - {id: c, speaker: X, statement: Y, "
          "figure: up 2.6%, compute: 'pct_change(a, b)'}\n")
    assert loader_accepts(ok) and editor_accepts(ok)
    # A placeholder is refused by both.
    todo = ok.replace("speaker: X", "speaker: 'TODO: speaker'")
    assert not loader_accepts(todo) and not editor_accepts(todo)


def test_known_gap_calendar_days() -> None:
    # A pattern cannot know February's length: the editor accepts 2025-02-30, the loader
    # says "not a real date: February 2025 has 28 days".
    text = "title: T\ndate: 2025-02-30\n"
    assert editor_accepts(text) and not loader_accepts(text)
