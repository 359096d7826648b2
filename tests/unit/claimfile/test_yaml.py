"""The one walker: its two modes build the same data, the lean one gives up where it should,
and locations it did not record come from the composed tree, never from the text again."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from claimcheck import claimfile
from claimcheck.claimfile import LazyLocations, compose
from claimcheck.claimfile import yaml as cyaml
from claimcheck.claimfile.yaml import GiveUp, Walker, plain_scalar

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT / "benchmarks"))
import gen_corpus  # noqa: E402

BASE = """\
title: t
sources:
  s: {publisher: P}
figures:
  a: {value: 1224, source: s}
  b: {value: 990, source: s}
claims:
  - id: c1
    speaker: X
    statement: fell
    figure: nearly 20% drop
    compute: pct_change(a, b)
checks:
  - note: before the id
    id: k1
    statement: same
    left: a
    right: b
    within: 5%
"""


def _node(text: str):  # noqa: ANN202
    node, problem = compose("t.yaml", text)
    assert problem is None
    return node


@pytest.mark.parametrize(
    "value, expected",
    [("true", True), ("True", True), ("TRUE", True), ("false", False), ("FALSE", False),
     ("null", None), ("Null", None), ("~", None), ("", None),
     ("yes", "yes"), ("no", "no"), ("on", "on"), ("012", "012"), ("0x1F", "0x1F"),
     ("1:20", "1:20"), (".nan", ".nan"), ("2024-02-30", "2024-02-30"), ("tRUE", "tRUE")],
)
def test_plain_scalars_follow_yaml_1_2(value: str, expected: object) -> None:
    assert plain_scalar(value) == expected
    data = Walker("t.yaml", located=False).walk(_node(f"k: {value}\n"))
    assert data == {"k": expected}
    assert Walker("t.yaml").walk(_node(f"k: {value}\n")) == {"k": expected}


def test_quoted_and_tagged_text_stays_text() -> None:
    assert Walker("t.yaml").walk(_node("a: 'true'\nb: \"null\"\nc: !!str false\n")) == {
        "a": "true", "b": "null", "c": "false",
    }


def test_both_modes_build_the_same_data(tmp_path: Path) -> None:
    for p in gen_corpus.generate(tmp_path, files=2, claims=15, seed=5):
        node = _node(p.read_text(encoding="utf-8"))
        lean, located = Walker(str(p), located=False), Walker(str(p))
        assert lean.walk(node) == located.walk(node)
        assert located.problems == []
        # What the lean walk records, it records as the located walk does.
        assert lean.locs.values and all(located.locs.values[k] == v for k, v in lean.locs.values.items())


def test_the_lean_walk_records_only_the_starts() -> None:
    lean = Walker("t.yaml", located=False)
    lean.walk(_node(BASE))
    assert lean.locs.values == {
        (): (1, 1),
        ("claims", 0): (8, 5), ("claims", 0, "id"): (8, 9),
        ("checks", 0): (14, 5), ("checks", 0, "id"): (15, 9),
    }
    assert lean.locs.keys == {} and lean.locs.styles == {}


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\nb: *x\n",  # alias
        "a: !!str x\n",  # any explicit tag, even one the located walk accepts
        "a: !!seq []\n",
        "a: 1\na: 2\n",  # duplicate key
        "? [a]\n: 1\n",  # a key that is not text
        "a: {value: 1,224}\n",  # an empty value in a flow mapping
        "a: {note: }\n",
        "- 1\n",  # not a mapping at the top
        "a: " + "[" * 40 + "]" * 40 + "\n",  # too deep
    ],
)
def test_the_lean_walk_gives_up_on_the_unusual(text: str) -> None:
    with pytest.raises(GiveUp):
        Walker("t.yaml", located=False).walk(_node(text))


@pytest.mark.parametrize("where", ["key", "value"])
def test_a_lone_surrogate_is_refused(where: str) -> None:
    # libyaml refuses a "\ud800" escape itself; the walker does not rely on it.
    node = _node("a: b\n")
    key_node, value_node = node.value[0]
    (key_node if where == "key" else value_node).value = "x\ud800"
    with pytest.raises(GiveUp):
        Walker("t.yaml", located=False).walk(node)
    if where == "value":
        w = Walker("t.yaml")
        assert w.walk(node) == {"a": None}
        assert [p.message for p in w.problems] == ["a lone surrogate escape (such as \\ud800) is not valid text"]


def test_the_located_walk_reports_instead_of_giving_up() -> None:
    w = Walker("t.yaml")
    data = w.walk(_node("a: 1\na: 2\nb: !!int 3\nc: {value: 1,224}\n"))
    assert data == {"a": "1", "b": None, "c": {"value": "1"}}
    assert [(p.line, p.col) for p in w.problems] == [(2, 1), (3, 4), (4, 12)]
    assert "duplicate key 'a' (first defined on line 1)" in w.problems[0].message
    assert "'!!int'" in w.problems[1].message
    assert 'quote the number: "1,224"' in w.problems[2].message


def test_locations_on_demand_walk_the_kept_tree_not_the_text(monkeypatch: pytest.MonkeyPatch) -> None:
    loaded = claimfile.load_text("t.yaml", BASE)
    assert loaded.ok and isinstance(loaded.locs, LazyLocations) and not loaded.locs.expanded

    def no_compose(*args: object) -> None:
        raise AssertionError("the text was composed again")

    monkeypatch.setattr(cyaml, "compose", no_compose)
    monkeypatch.setattr(claimfile.load, "compose", no_compose)
    locs = loaded.locs
    assert locs.key_of(("figures", "b", "value")) == (6, 7)
    assert locs.in_text(("claims", 0, "compute"), 12) == (12, 25)
    assert locs.of(("checks", 0, "left")) == (17, 11)
    assert locs.expanded
    monkeypatch.undo()
    full = claimfile.load_located("t.yaml", BASE).locs
    assert (locs.full().values, locs.full().keys, locs.full().styles) == (full.values, full.keys, full.styles)


def test_a_doubtful_file_is_walked_located_from_the_same_tree(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    real = claimfile.load.compose
    monkeypatch.setattr(claimfile.load, "compose", lambda *a: calls.append(a) or real(*a))
    loaded = claimfile.load_text("t.yaml", BASE.replace("speaker: X", "speker: X"))
    assert len(calls) == 1  # composed once, walked lean, then located
    assert [p.render() for p in loaded.problems] == [
        "t.yaml:8:5: error: claim 1: missing required key 'speaker'",
        "t.yaml:9:5: error: unknown key 'speker' — did you mean 'speaker'?",
    ]
    assert type(loaded.locs) is claimfile.Locations


# --- reading -----------------------------------------------------------------------------


def test_discover_takes_other_suffixes(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("x", encoding="utf-8")
    (tmp_path / "b.yaml").write_text("x", encoding="utf-8")
    assert claimfile.discover([str(tmp_path)], suffixes=(".md",)) == [str(tmp_path / "a.md")]
    (problem,) = claimfile.discover([str(tmp_path)], suffixes=(".txt",), what="articles")
    assert problem.message == "no articles (*.txt) in this folder"
    (problem,) = claimfile.discover([str(tmp_path / "none")])
    assert problem.message == "no such file or directory"


def test_read_bytes_reads_stdin_only_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    class Stdin:
        buffer = io.BytesIO(b"title: t\n")

    monkeypatch.setattr(sys, "stdin", Stdin)
    assert claimfile.read_bytes("-", stdin=True) == (b"title: t\n", None)
    Stdin.buffer = io.BytesIO(b"x" * 11)
    data, problem = claimfile.read_bytes("-", 10, stdin=True)
    assert data is None and problem.message == "input is over the 10-byte limit (raise it with --max-bytes)"
    data, problem = claimfile.read_bytes("-")  # a file named "-", which does not exist here
    assert data is None and problem.message == "no such file or directory"


def test_decode_names_what_it_reads() -> None:
    text, problem = claimfile.decode("a.txt", b"ok\n\x01", what="an article")
    assert text is None and (problem.line, problem.col) == (2, 1)
    assert problem.message == "control character U+0001 is not allowed in an article"
    assert claimfile.decode("a.yaml", "\ufeffé\n".encode("utf-8")) == ("é\n", None)
