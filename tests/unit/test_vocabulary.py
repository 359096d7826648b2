"""One vocabulary: every word claimcheck reads numbers and changes by lives in
``claimcheck.lexicon``.

A module that writes its own list of number words, scale words or direction words drifts
from the others ("lakh" read by the figure language but not by scan, "edged up" a rise in
one and nothing in the other). Checked on the syntax tree of every module but the
lexicon: no literal list, tuple, set or dict of strings there may hold three or more of
the lexicon's number, scale or direction words. (Words inside a regular expression are
not literals of this kind; a pattern is built from the lexicon with
``lexicon.alternation``.)
"""

from __future__ import annotations

import ast
from pathlib import Path

from claimcheck import lexicon

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "claimcheck"

#: The words a list may not repeat: the lexicon's own.
VOCABULARY = {
    "number words": set(lexicon.ONES) | set(lexicon.TENS),
    "scale words": set(lexicon.SCALE_WORDS) | set(lexicon.SCALE_ABBREVIATIONS) - {"k", "m", "b", "t"},
    "fraction words": set(lexicon.FRACTION_WORDS),
    "direction words": set(lexicon.UP_WORDS) | set(lexicon.DOWN_WORDS) | set(lexicon.PROSE_UP)
    | set(lexicon.PROSE_DOWN) | set(lexicon.DIRECTION_VERBS),
}
#: At most this many of one kind may appear together in a literal elsewhere (a rule that
#: names two words of a kind, "up" or "down", is no vocabulary).
MOST = 2


def _string_literals(node: ast.AST) -> list[str]:
    if isinstance(node, ast.Dict):
        items = [k for k in node.keys if k is not None]
    elif isinstance(node, (ast.List, ast.Tuple, ast.Set)):
        items = list(node.elts)
    else:
        return []
    return [e.value.lower() for e in items if isinstance(e, ast.Constant) and isinstance(e.value, str)]


def offences(source: str) -> list[str]:
    """Each literal collection in ``source`` that repeats more than MOST words of a kind."""
    out = []
    for node in ast.walk(ast.parse(source)):
        words = set(_string_literals(node))
        if not words:
            continue
        for kind, vocab in VOCABULARY.items():
            shared = words & vocab
            if len(shared) > MOST:
                out.append(f"line {node.lineno}: {kind} {sorted(shared)[:6]}")
    return out


def test_the_rule_sees_a_word_list() -> None:
    assert offences('UP = ("rose", "climbed", "jumped")\n') == ["line 1: direction words ['climbed', 'jumped', 'rose']"]
    assert offences('SCALES = {"million": 10**6, "billion": 10**9, "lakh": 10**5}\n')
    assert offences('ONE = ("up", "down")\nRX = r"rose|fell|climbed"\n') == []


def test_no_module_but_the_lexicon_writes_its_own_word_list() -> None:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        if path.name == "lexicon.py":
            continue
        bad = offences(path.read_text(encoding="utf-8"))
        if bad:
            found[str(path.relative_to(PACKAGE))] = bad
    assert found == {}
