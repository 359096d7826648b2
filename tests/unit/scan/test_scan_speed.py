"""`claimcheck scan` speed-ups change nothing: each quicker way is held to the slower one
it replaces (a key for a comparison, a guard before a pattern)."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

import claimcheck.scan.candidates as candidates
import claimcheck.scan.run as run
from claimcheck.numbers import parse_number
from claimcheck.scan.items import same_unit
from claimcheck.scan.quantity import Quantity

_WRITTEN = st.sampled_from([None, parse_number("$5"), parse_number("£5"), parse_number("5"), parse_number("5%"),
                            parse_number("\u20ac2 million")])
_QUANTITY = st.builds(
    Quantity,
    start=st.just(0), end=st.just(1), pstart=st.just(0), pend=st.just(1),
    kind=st.sampled_from(["count", "money", "rate", "percent", "points", "share", "multiple", "change"]),
    written=_WRITTEN,
    per=st.sampled_from([None, "day", "year", "per 100000"]),
    currency=st.sampled_from([None, "$", "dollars", "Dollar", "euros", "\u20ac", "pounds", "\u00a3", "cents", "\u20b9"]),
)


@given(_QUANTITY, _QUANTITY)
def test_unit_key_is_same_unit(a: Quantity, b: Quantity) -> None:
    # candidates pairs levels by equal unit keys instead of asking same_unit of each pair
    assert (candidates._unit_key(a) == candidates._unit_key(b)) == same_unit(a, b)


@given(st.text(alphabet=st.characters(codec="utf-8"), max_size=60) | st.text(alphabet=" \t\n\r\x0b\x0c\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000\u2028\u2029\u202f\u205f\u3000\u200bab", max_size=30))
def test_collapse_is_the_white_space_pattern(s: str) -> None:
    assert run._collapse(s) == re.sub(r"\s+", " ", s).strip()
