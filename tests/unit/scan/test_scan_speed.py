"""`claimcheck scan` speed-ups change nothing: each quicker way is held to the slower one
it replaces (a key for a comparison, a guard before a pattern)."""

from __future__ import annotations

import re
from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

import claimcheck.scan.candidates as candidates
import claimcheck.scan.detect as detect
import claimcheck.scan.roles as roles
import claimcheck.scan.run as run
from claimcheck import numbers
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


_PIECES = st.sampled_from(
    ["rose", "fell", "sharply", "from", "to", "by", "of", "the", "in", "2016", "12", "1,200", "5.5", "%", "$", "percent",
     "million", "doubled", "one", "in", "three", "arrests", "last", "year", "up", "down", "about", "nearly", ",", ".",
     "Route", "aged", "per", "day"]
)
_SENTENCE = st.lists(_PIECES, max_size=25).map(" ".join)


@given(_SENTENCE)
def test_a_sentence_read_again_is_read_the_same_and_apart(s: str) -> None:
    # read_sentence keeps what a sentence holds: a second reading equals a fresh one, and
    # its records are its own (the search sets their fields)
    detect._kept.clear()
    fresh = detect.detect(s)
    fresh += [w for w in detect.change_words(s) if not any(q.pstart <= w.start < q.pend for q in fresh)]
    fresh.sort(key=lambda q: q.start)
    first, words = detect.read_sentence(s)
    assert first == fresh and words == detect.sentence_words(s)
    for q in first:
        q.kind, q.roles = "spoiled", ("old", "from", None, False)
    again, words_again = detect.read_sentence(s)
    assert again == fresh and words_again == words
    assert all(a is not b for a in again for b in first)


# Pieces of the words around a number that role words and time labels are made of.
_ROLE_PIECES = st.sampled_from(
    ["ranged", "range", "varied", "vary", "spread", "spans", "between", "from", "to", "and", "of", "the", "%", "per",
     "cent", "percent", "pc", "by", "just", "in", "during", "for", "as", "fiscal", "June", "Sept.", "sep", "MAY", "2016",
     "1999", "2016's", "2,052", "120", "\u0663", "last", "year", "a", "ago", "earlier", "previous", "prior", "this", "now", "today", "same",
     "period", "corresponding", "quarter", "before", "formerly", "currently", "so", "far", "12", "months", "ending",
     "$", "(", ",", "\u0130", "\u0131", "\u017f", "\u212a", "Year", "LAST", "Between"]
)
_ROLE_SEPS = st.sampled_from([" ", " ", "  ", "\n", "-", "", ","])
_WINDOW = st.lists(st.tuples(_ROLE_PIECES, _ROLE_SEPS), max_size=14).map(lambda xs: "".join(a + b for a, b in xs))


@given(_WINDOW)
def test_role_and_time_guards_are_necessary(w: str) -> None:
    low, folds = w.lower(), roles._CASE_FOLDS.search(w) is not None
    if not roles.may_match(low, roles._RANGE_STEMS, folds):
        assert roles._RANGE_BEFORE.search(w) is None
    if not ("of" in low and ("%" in low or "p" in low or folds)):
        assert roles._PERCENT_OF.search(w) is None
    if not ("by" in low or folds):
        assert roles._BY_BEFORE.search(w) is None
    for tail in (w, " " + w):
        if not roles.time_after_possible(tail):
            assert roles._TIME_AFTER.match(tail) is None
    for before in (w, w + " "):
        if not roles.time_before_possible(before):
            assert roles._TIME_BEFORE.search(before) is None


def _by_fraction_steps(text: str) -> tuple[Fraction, Fraction]:
    # parse_number's value and u the long way, one Fraction step at a time
    m = numbers.EXPRESSION_NUMBER_RE.fullmatch(text.lstrip("-\u2212+"))
    assert m is not None
    int_part, frac_part = (m["int"] or "").replace(",", "").replace("_", ""), m["frac"] or ""
    exp, percent = int(m["exp"]) if m["exp"] else 0, m["pct"] is not None
    scale = numbers.SCALES[m["scale"].lower()] if m["scale"] else 1
    value = Fraction(int(int_part or "0") * 10 ** len(frac_part) + int(frac_part or "0"), 10 ** len(frac_part))
    if frac_part or percent:
        u = Fraction(1, 10 ** len(frac_part))
    else:
        n, zeros = int(int_part or "0"), 0
        while n and n % 10 == 0:
            n, zeros = n // 10, zeros + 1
        u = Fraction(10**zeros)
    if exp or scale != 1 or percent:
        factor = Fraction(10) ** exp * scale
        if percent:
            factor /= 100
        value, u = value * factor, u * factor
    return (-value if text[:1] in ("-", "\u2212") else value), u


_NUMBER_TEXT = st.tuples(
    st.sampled_from(["", "-", "\u2212", "+"]),
    st.sampled_from(["", "$", "\u20ac"]),
    st.sampled_from(["0", "7", "10", "120", "4,500", "31,000", "1,000,000", "2_500", "90000", ""]),
    st.sampled_from(["", ".5", ".05", ".250", ".1", ".0"]),
    st.sampled_from(["", "e3", "e-2", "E+1", "e0"]),
    st.sampled_from(["", "%", " percent", " per cent", " million", "bn", " crore", "k", " thousand"]),
).map("".join)


@given(_NUMBER_TEXT)
def test_parse_number_in_integers_is_the_fraction_steps(text: str) -> None:
    try:
        w = numbers.parse_number(text)
    except numbers.NumberError:
        return
    assert (w.value, w.u) == _by_fraction_steps(w.text)
    assert type(w.value) is Fraction and type(w.u) is Fraction


def test_the_readings_quick_tests_read_their_paragraph_not_the_document(monkeypatch) -> None:  # noqa: ANN001
    # The quick tests before the readings of scan/readings.py run once per paragraph: were
    # they handed the whole document read so far, scan would take time in the square of its
    # length (as it once did). Each sees its paragraph with the one before and the one after
    # (the context a claim's evidence may come from), and a sentence's length past them.
    import claimcheck.scan.readings as readings

    seen: list[int] = []
    for name in ("may_hold_gaps", "may_hold_records"):
        real = getattr(readings, name)
        monkeypatch.setattr(readings, name, lambda t, real=real: seen.append(len(t)) or real(t))
    para = "Burglaries fell 10%, from 400 in 2022 to 360 in 2023, a difference of 40. The previous high was 450 in 2019."
    run.scan_text("\n\n".join([para] * 200), fmt="text")
    assert len(seen) >= 200
    assert max(seen) <= 3 * (len(para) + 2) + 400
