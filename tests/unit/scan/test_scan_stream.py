"""`claimcheck scan` fast paths give the results of the careful ones.

The scan works paragraph by paragraph and lets sentences (and paragraphs) with nothing
numeric skip detection; a few patterns are searched over a shorter tail of their window.
Each shortcut must be exact: these tests hold them to the long way round.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import yaml
from hypothesis import given
from hypothesis import strategies as st

import claimcheck.scan.detect as detect
import claimcheck.scan.digits as digits
import claimcheck.scan.items as items
import claimcheck.scan.phrase as phrase
import claimcheck.scan.words as words
import claimcheck.scan.document as document
import claimcheck.scan.run as run
from claimcheck.scan import Finding, scan_text

CASES = Path(__file__).parents[2] / "cases"


def _sentences() -> list[str]:
    out: list[str] = []
    for name in ("scan_sentences.yaml", "scan_fresh.yaml"):
        for case in yaml.safe_load((CASES / name).read_text(encoding="utf-8")):
            if isinstance(case, dict) and isinstance(case.get("text"), str):
                out.append(case["text"])
    return out


def _paragraphs() -> list[str]:
    # Paragraphs of one to three case sentences, so claims can pair across sentences,
    # with a paragraph of plain narrative now and then (skipped without detection).
    sents = _sentences()
    paras: list[str] = []
    k = 0
    while k < len(sents):
        n = 1 + k % 3
        paras.append(" ".join(s.strip() for s in sents[k : k + n]))
        k += n
        # A paragraph with no number between case paragraphs: a claim may find evidence in
        # the paragraph before its own, so the pieces are kept apart to be comparable.
        paras.append("The council did not respond to a request for comment.")
    return paras


def _shift(f: Finding, lines: int) -> Finding:
    return replace(
        f, path="-", line=f.line + lines, end_line=None if f.end_line is None else f.end_line + lines,
        levels=tuple(replace(lv, line=lv.line + lines) for lv in f.levels),
    )


def test_one_piece_equals_paragraph_by_paragraph() -> None:
    paras = _paragraphs()
    assert len(paras) > 100
    whole = scan_text("\n\n".join(paras), fmt="text")
    piecewise: list[Finding] = []
    line = 0
    for p in paras:
        # Each piece starts one blank line after the last (a case may hold paragraphs of its own).
        piecewise.extend(_shift(f, line) for f in scan_text(p, fmt="text").findings)
        line += p.count("\n") + 2
    assert whole.findings == tuple(piecewise)
    assert len(whole.checked) > 50  # the comparison covers checked claims, not only listings


def test_a_long_paragraph_is_not_skipped_by_the_prefilter() -> None:
    # Longer than MAX_SENTENCE: detection still runs on every piece.
    text = "word " * (run.MAX_SENTENCE // 5 + 50) + "Arrests rose 25%, from 120 to 150."
    r = scan_text(text)
    assert [f.verdict for f in r.findings] == ["accurate"]


# Text made of the pieces numbers, number words and change words are made of.
_PIECES = st.sampled_from(
    [
        "one", "two", "twenty", "hundred", "a", "the", "in", "out", "of", "every", "percent", "per", "cent",
        "million", "thousand", "half", "third", "quarters", "majority", "doubled", "twice", "times", "fold",
        "twofold", "rose", "fell", "slightly", "dipped", "sharply", "edged", "up", "down", "by", "nearly",
        "about", "more", "than", "only", "just", "almost", "arrests", "Route", "September.", "Sept.", "No.",
        "1", "12", "2024", "3,000", "4.5", "%", "$", ",", ".", "-", "~", "www.x.com", "a@b.org", "555-1234",
        "\u00e9", "\u0130", "\u0131", "\u017f", "\u212a", "doubledone", "halvings", "tw\u0130ce",
    ]
)
_SEPS = st.sampled_from([" ", " ", " ", "  ", "\n", "\t", "-", ""])
_TEXT = st.lists(st.tuples(_PIECES, _SEPS), max_size=40).map(lambda xs: "".join(a + b for a, b in xs))


@given(_TEXT)
def test_prefilter_skips_only_sentences_without_quantities(s: str) -> None:
    if not detect.may_hold_numbers(s):
        assert detect.detect(s) == []
        assert detect.change_words(s) == []


@given(_TEXT)
def test_word_quantity_guard_is_a_necessary_condition(s: str) -> None:
    low = s.lower()
    found = frozenset(words._WORDS.findall(low))
    if not words._wq_possible(s, low, found) and not words.CASE_FOLDS.search(s):
        assert list(words._WORD_QUANTITY.finditer(s)) == []


def test_word_quantities_in_odd_spellings_are_still_found() -> None:
    # Found by the property above. "percent" lets the first check pass; then the pattern
    # reads "doubled" at the start of "doubledone" (no word boundary after it), and under
    # re.I "İ" stands for "i" in "twİce" though the lower-cased words show "twi", "ce".
    for s, span in (("doubledone percent", (0, 7)), ("tw\u0130ce as big, 3 percent", (0, 5))):
        assert [(q.start, q.end, q.kind) for q in words.word_quantities(s)] == [(*span, "multiple")]


@given(_TEXT)
def test_look_back_on_a_shorter_tail_finds_the_same_match(s: str) -> None:
    # _finish searches _PRE_STEP over the last _PRE_MAX characters when the window has no
    # run of whitespace; it must find what the 60-character window finds.
    for pos in range(len(s) + 1):
        lo = max(0, pos - 60)
        full = phrase._PRE_STEP.search(s, lo, pos)
        if pos - lo > phrase._PRE_MAX and not phrase._DOUBLE_SPACE.search(s, lo, pos):
            short = phrase._PRE_STEP.search(s, pos - phrase._PRE_MAX, pos)
            assert (full and full.span()) == (short and short.span())


@given(st.text(alphabet="SeptmbrPosiinNo.# \n\t1", max_size=40))
def test_date_and_label_look_back_on_a_tail(before: str) -> None:
    tail = max(0, len(before) - digits._TAIL)
    for pat in (digits._DATE_BEFORE, digits._LABEL_BEFORE):
        full, short = pat.search(before), pat.search(before, tail)
        assert (full and full.span()) == (short and short.span())


def test_tail_is_longer_than_every_label() -> None:
    alternatives = re.findall(r"[A-Za-z.]+", digits._LABEL_BEFORE.pattern)
    assert max(len(a) for a in alternatives) + 2 < digits._TAIL  # the word, \s, and a $ before \n


# Pieces of the places numbers hide: labels, codes, ages, scores, addresses, web addresses.
_CONTEXT_PIECES = st.sampled_from(
    [
        "Route", "No.", "H.R.", "U.S.", "S.", "iPhone", "(see", "figure", "(table", "#", "Rs", "Rs.", "N", "Sh", "US$",
        "KSh", "\u20b9", "\u20a6", "$", "\u20ac", "aged", "ages", "age", "won", "led", "scored", "www.", "@", ".com", ".uk",
        "x.co", "12", "1,200", "2016", "5.5", "3", ".5", "%", "bn", "million", "to", "-", "(", ")", ",", ".", "Main",
        "Street", "rose", "up", "made", "went", "from", "total", "in", "all", "sharp", "increase", "an", "by", "of",
        "a", "nearly", "more", "than", "\u0130", "\u0131", "\u017f", "\u212a", "\u00a0", "\u201c",
    ]
)
_CONTEXT = st.lists(st.tuples(_CONTEXT_PIECES, _SEPS), max_size=30).map(lambda xs: "".join(a + b for a, b in xs))


@given(_CONTEXT)
def test_numbers_are_the_matches_of_the_full_scan(s: str) -> None:
    # _numbers tries the number pattern only just before each run of digits.
    assert [m.span() for m in digits._numbers(s)] == [m.span() for m in digits._NUM.finditer(s)]


@given(_CONTEXT)
def test_label_age_score_and_address_guards_are_necessary(s: str) -> None:
    for end in range(len(s) + 1):
        before = s[max(0, end - 40) : end]
        if not digits._may_be_label(before):
            assert digits._LABEL_BEFORE.search(before) is None
    ages, scores = digits._before_words(s)
    if not ages:
        assert digits._AGE_BEFORE.search(s) is None
    if not scores:
        assert digits._SCORE_BEFORE.search(s) is None
    if not digits._may_hold_url(s):
        assert digits._URL.search(s) is None


@given(_CONTEXT)
def test_look_back_by_last_word_finds_what_the_whole_pattern_finds(s: str) -> None:
    for pos in range(len(s) + 1):
        lw = phrase._LAST_WORD.search(s, max(0, pos - 30), pos)
        if lw is None or lw.group(1) is None:
            continue
        lo = max(0, pos - 60)
        full = phrase._PRE_STEP.search(s, lo, pos)
        short = phrase._pre_step_for(lw.group(1).lower()).search(s, lo, pos)
        assert (full and (full.span(), full.lastgroup)) == (short and (short.span(), short.lastgroup))


@given(_CONTEXT)
def test_direction_verbs_of_a_sentence_are_those_of_the_whole_pattern(s: str) -> None:
    assert [m.span() for m in items.direction_verb(s).finditer(s)] == [m.span() for m in items.DIRECTION_VERB.finditer(s)]


@given(_TEXT)
def test_word_quantity_first_word_guard_changes_no_match(s: str) -> None:
    unguarded = re.compile(words._WORD_QUANTITY.pattern.replace(r"(?=\d|(?:" + words._WQ_FIRST + "))", "", 1), re.I)
    assert unguarded.pattern != words._WORD_QUANTITY.pattern
    assert [m.span() for m in words._WORD_QUANTITY.finditer(s)] == [m.span() for m in unguarded.finditer(s)]


@given(_CONTEXT)
def test_anchor_and_sum_word_guards_are_necessary(s: str) -> None:
    found = frozenset(items._WORD_RE.findall(s.lower()))
    if items._CASE_FOLDS.search(s) is None:
        if items._ANCHOR_WORDS.isdisjoint(found):
            assert items._ANCHOR_VERB.search(s) is None
        if items._SUM_WORDS.isdisjoint(found):
            assert items.SUM_CUE.search(s) is None


def test_document_map_locates_every_character() -> None:
    # The map is one segment per piece; each character still finds its original place.
    src = "# Title 5%\n\nFirst *line* with [a link](http://x.org) 10%.\r\nSecond line.\n\n- item 3%\n"
    doc = document.make_doc(src, "markdown")
    starts = document._line_starts(src)
    for i, ch in enumerate(doc.text):
        orig = doc.original(i)
        line, col = doc.locate(i)
        assert starts[line - 1] + col - 1 == orig
        if ch not in " \n":  # synthetic spaces and breaks stand in for markup
            assert src[orig] == ch
