"""The one JSON writer gives json.dumps bytes, and the JSON report is its file dictionaries."""

from __future__ import annotations

import json
import re

import report_fixtures as rf
from hypothesis import given
from hypothesis import strategies as st

from claimcheck.report.json_writer import encode, encode_safe
from claimcheck.report.verify import json as verify_json

_UNSAFE = "[\x7f-\x9f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufffe\uffff]"


def _terminal_safe(text: str) -> str:
    return re.sub(_UNSAFE, lambda m: f"\\u{ord(m.group()):04x}", text)


def test_json_file_text_is_the_dumped_dictionary() -> None:
    # The JSON report writes each file's dictionary with the one fast writer; it must equal
    # the indented json.dumps of file_json, which the schema and docs describe (hostile
    # text, problems, sources), with the characters a terminal acts on escaped.
    for fr in rf.ALL:
        dumped = json.dumps(verify_json.file_json(fr), indent=2, ensure_ascii=False).replace("\n", "\n    ")
        assert verify_json.file_text(fr) == _terminal_safe("    " + dumped)


_TEXT = st.one_of(st.text(), st.text(alphabet="ab\x7f\x9b\u202e\u2028\ufffe\xad\n\x00\u2212", max_size=6))
_LEAVES = st.one_of(st.none(), st.booleans(), st.integers(), _TEXT, st.floats(allow_nan=False))
_JSON = st.recursive(
    _LEAVES,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.tuples(inner, inner),
        st.dictionaries(_TEXT, inner, max_size=4),
        st.dictionaries(st.integers(), inner, max_size=2),
    ),
    max_leaves=20,
)


@given(_JSON, st.integers(0, 40))
def test_json_writer_is_json_dumps(obj: object, depth: int) -> None:
    expected = json.dumps(obj, indent=2, ensure_ascii=False)
    assert encode(obj) == expected
    assert encode(obj, depth) == expected.replace("\n", "\n" + "  " * depth)
    assert encode_safe(obj, depth) == _terminal_safe(expected.replace("\n", "\n" + "  " * depth))
