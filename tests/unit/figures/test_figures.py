"""The figure language (DESIGN §3): each row is a figure and its full parse, worked out by
hand from the rules in ``claimcheck.figures``' docstring.

Precision reminders used below: u is one unit of the last digit written; in a percent a
trailing zero counts ("20%" → 1 point = 1/100); a whole count's trailing zeros widen it
("18,000" → 1,000; "990" → 10); a scale word keeps the digits' unit ("$4.8 million" →
0.1 million = 100,000). Number words take the u of the same number in digits. Word
shares take u = min(1/100, X/10) and the ``about`` rule.
"""

from __future__ import annotations

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimcheck.figures import EXPECTED, ClaimedFigure, FigureError, parse_figure, word_share_u
from claimcheck.verdicts.hedges import BY_NAME, FRAMING_WORDS, RULES


def case(
    text: str,
    value: str | None,
    u: str | None,
    unit: str,
    direction: str = "none",
    qualifier: str = "exact",
    framing: tuple[str, ...] = (),
    per: str | None = None,
    currency: str | None = None,
    noun: str | None = None,
    intensity: str | None = None,
    times_more: bool = False,
):
    return pytest.param(
        text,
        ClaimedFigure(
            text=text,
            value=None if value is None else Fraction(value),
            u=None if u is None else Fraction(u),
            unit=unit,  # type: ignore[arg-type]
            direction=direction,  # type: ignore[arg-type]
            qualifier=qualifier,
            framing=framing,
            per=per,
            currency=currency,
            noun=noun,
            intensity=intensity,
            times_more=times_more,
        ),
        id=text,
    )


CASES = [
    # --- published forms (tests/cases/calc_published.yaml) ------------------------------------
    # a fraction of a point is a change in points (AP on the Fed), never a 75% or 50% change
    case("raised by three-quarters of a percentage point", "3/400", "1/10000", "points", "up"),
    case("three-quarters of a point", "3/400", "1/10000", "points"),
    case("a half-point increase", "1/200", "1/1000", "points", "up"),
    case("half a point", "1/200", "1/1000", "points"),
    case("a quarter-point hike", "1/400", "1/10000", "points", "up"),
    # basis points: hundredths of a point, a trailing zero counting as in a percent
    case("raised by 75 basis points", "3/400", "1/10000", "points", "up"),
    case("50 bps", "1/200", "1/10000", "points"),
    case("fifty basis points", "1/200", "1/10000", "points"),
    # "points" above 100 are index points, a count ("the Dow fell nearly 3,000 points")
    case("fell nearly 3,000 points", "3000", "1000", "count", "down", "nearly", noun="points"),
    case("dropped 500 points", "500", "100", "count", "down", noun="points"),
    # "N times more" is read as N× (the verdict also tries the literal N + 1)
    case("four times more", "4", "1", "multiple", "up", "multiple", times_more=True),
    case("five times more likely", "5", "1", "multiple", "up", "multiple", times_more=True),
    case("about four times higher", "4", "1", "multiple", "up", "about", times_more=True),
    case("three times less likely", "1/3", "1/100", "multiple", "down", "multiple"),
    # passing a mark, a level verb, a record, per capita, a raise
    case("topped $5 a gallon", "5", "1", "money", qualifier="more_than", currency="USD", noun="gallon"),
    case("hit a record 745,000", "745000", "1000", "count", framing=("a record",)),
    case("$12,914 per person", "12914", "1", "rate", per="person", currency="USD"),
    case("a 40% raise", "2/5", "1/100", "percent", "up"),
    case("slashed by half", "1/2", "1/100", "percent", "down", "about"),
    # --- the forms the brief names --------------------------------------------------------
    case("nearly 20% drop", "1/5", "1/100", "percent", "down", "nearly"),
    case("down 10%", "1/10", "1/100", "percent", "down"),
    case("a 12.9 percent decrease", "129/1000", "1/1000", "percent", "down"),
    case("fell 19.1%", "191/1000", "1/1000", "percent", "down"),
    # percentage points are stored like percents: 5 points = 5/100
    case("dropped by 5 percentage points", "1/20", "1/100", "points", "down"),
    case("rose 84 per day", "84", "1", "rate", "up", per="day"),
    case("more than 18,000", "18000", "1000", "count", "none", "more_than"),
    case("about 71%", "71/100", "1/100", "percent", "none", "about"),
    # word shares: u = min(1/100, X/10); 1/3 / 10 = 1/30 > 1/100, so 1/100
    case("one in three", "1/3", "1/100", "share", "none", "about"),
    case("two-thirds", "2/3", "1/100", "share", "none", "about"),
    case("a majority", "1/2", "1/100", "share", "none", "more_than"),
    # multiples: u of the factor in digits ("2" → 1; "0.5" → 1/10)
    case("doubled", "2", "1", "multiple", "up", "multiple"),
    case("more than doubled", "2", "1", "multiple", "up", "more_than"),
    case("tripled", "3", "1", "multiple", "up", "multiple"),
    case("halved", "1/2", "1/10", "multiple", "down", "multiple"),
    case("three-fold", "3", "1", "multiple", "up", "multiple"),
    case("2.5 times", "5/2", "1/10", "multiple", "up", "multiple"),
    case("twenty percent", "1/5", "1/100", "percent"),
    # 4.8 million: last digit is the tenths of a million = 100,000
    case("$4.8 million", "4800000", "100000", "money", currency="USD"),
    # 1.2 billion: tenths of a billion = 100,000,000
    case("1.2 billion", "1200000000", "100000000", "count"),
    case("dipped slightly", None, None, "percent", "down", "slightly"),
    case("plunged", None, None, "percent", "down", "sharply"),
    # --- neighbours ------------------------------------------------------------------------
    case("only down 10%", "1/10", "1/100", "percent", "down", framing=("only",)),
    # 990 ends in one zero: u = 10 (parse_number's trailing-zero rule)
    case("990 a day", "990", "10", "rate", per="day"),
    case("3,000 daily", "3000", "1000", "rate", per="day"),
    case("1,224 daily", "1224", "1", "rate", per="day"),
    case("up 84 a day", "84", "1", "rate", "up", per="day"),
    case("a 20% rise", "1/5", "1/100", "percent", "up"),
    case("rose 5%", "1/20", "1/100", "percent", "up"),
    case("an increase of 25%", "1/4", "1/100", "percent", "up"),
    # a word share after a direction is a change: percent
    case("increased by a quarter", "1/4", "1/100", "percent", "up", "about"),
    case("a third", "1/3", "1/100", "share", qualifier="about"),
    case("half", "1/2", "1/100", "share", qualifier="about"),
    case("nearly half", "1/2", "1/100", "share", qualifier="nearly"),
    case("almost tripled", "3", "1", "multiple", "up", "nearly"),
    case("four times as many", "4", "1", "multiple", "up", "multiple"),
    case("fell by half", "1/2", "1/100", "percent", "down", "about"),
    case("25 percentage points", "1/4", "1/100", "points"),
    case("5 points", "1/20", "1/100", "points"),
    # 2.45bn: hundredths of a billion = 10,000,000
    case("$2.45bn", "2450000000", "10000000", "money", currency="USD"),
    case("£3bn", "3000000000", "1000000000", "money", currency="GBP"),
    case("€1.5bn", "1500000000", "100000000", "money", currency="EUR"),
    case("57,861", "57861", "1", "count"),
    # a number is checked at its precision; the verb gives the direction, and its
    # intensity is kept aside (never the qualifier: "jumped 5%" claims 5%)
    case("soared 40%", "2/5", "1/100", "percent", "up", intensity="sharply"),
    case("edged up 0.3%", "3/1000", "1/1000", "percent", "up", intensity="slightly"),
    case("jumped 5%", "1/20", "1/100", "percent", "up", intensity="sharply"),
    case("soared nearly 40%", "2/5", "1/100", "percent", "up", "nearly", intensity="sharply"),
    case("ticked upward", None, None, "percent", "up", "slightly"),
    # --- phrases the prose scanner extracts -----------------------------------------------
    case("dropped nearly 20%", "1/5", "1/100", "percent", "down", "nearly"),
    case("increasing by an average of 84 per day", "84", "1", "rate", "up", "about", per="day"),
    case("averaging 990 a day", "990", "10", "rate", qualifier="about", per="day"),
    case("nearly 2,000 a day", "2000", "1000", "rate", qualifier="nearly", per="day"),
    # --- spelling variants -----------------------------------------------------------------
    case("Nearly 20% Drop", "1/5", "1/100", "percent", "down", "nearly"),
    case("down 10 percent", "1/10", "1/100", "percent", "down"),
    case("19.5 per cent", "39/200", "1/1000", "percent"),
    case("20-percent drop", "1/5", "1/100", "percent", "down"),
    case("5% points", "1/20", "1/100", "points"),
    # 0.5 points = 0.5/100 = 1/200; one decimal → u = 0.1 point = 1/1000
    case("down 0.5 percentage points", "1/200", "1/1000", "points", "down"),
    case("rose 1.5 points", "3/200", "1/1000", "points", "up"),
    case("−10%", "1/10", "1/100", "percent", "down"),
    case("+5%", "1/20", "1/100", "percent", "up"),
    case("was down 10%", "1/10", "1/100", "percent", "down"),
    case("went up 5%", "1/20", "1/100", "percent", "up"),
    case("shot up 40%", "2/5", "1/100", "percent", "up"),
    case("a drop of nearly 20%", "1/5", "1/100", "percent", "down", "nearly"),
    case("down by 10%", "1/10", "1/100", "percent", "down"),
    case("grew by two-thirds", "2/3", "1/100", "percent", "up", "about"),
    case("2.5-fold", "5/2", "1/10", "multiple", "up", "multiple"),
    # comparison periods are the compute's business, not the figure's
    case("up 5% year over year", "1/20", "1/100", "percent", "up"),
    case("down 3% from a year earlier", "3/100", "1/100", "percent", "down"),
    # --- number words ------------------------------------------------------------------------
    case("twenty-five percent", "1/4", "1/100", "percent"),
    case("sixty-two percent", "31/50", "1/100", "percent"),
    case("a hundred percent", "1", "1/100", "percent"),
    case("100%", "1", "1/100", "percent"),
    case("twelve", "12", "1", "count"),
    case("a dozen", "12", "1", "count"),
    case("zero", "0", "1", "count"),
    case("five million", "5000000", "1000000", "count"),
    case("ten thousand", "10000", "10000", "count"),
    # 250,000 has four trailing zeros: u = 10,000
    case("two hundred and fifty thousand", "250000", "10000", "count"),
    case("one thousand two hundred twenty-four", "1224", "1", "count"),
    case("a thousand a day", "1000", "1000", "rate", per="day"),
    # --- shares in words --------------------------------------------------------------------
    case("3 in 10", "3/10", "1/100", "share", qualifier="about"),
    case("nine out of ten", "9/10", "1/100", "share", qualifier="about"),
    case("one out of every five", "1/5", "1/100", "share", qualifier="about"),
    # 1/1000 / 10 = 1/10,000 < 1/100: the small share keeps a band of its own size
    case("one in 1,000", "1/1000", "1/10000", "share", qualifier="about"),
    # 1/8 / 10 = 1/80 > 1/100
    case("an eighth", "1/8", "1/100", "share", qualifier="about"),
    case("seven-eighths", "7/8", "1/100", "share", qualifier="about"),
    case("more than a third", "1/3", "1/100", "share", qualifier="more_than"),
    case("a minority", "1/2", "1/100", "share", qualifier="less_than"),
    case("the majority", "1/2", "1/100", "share", qualifier="more_than"),
    case("a little over half", "1/2", "1/100", "share", qualifier="just_over"),
    case("nearly one in three", "1/3", "1/100", "share", qualifier="nearly"),
    case("exactly half", "1/2", "1/100", "share", qualifier="exact"),
    case("fully two-thirds", "2/3", "1/100", "share", qualifier="about", framing=("fully",)),
    # --- multiples ---------------------------------------------------------------------------
    case("quadrupled", "4", "1", "multiple", "up", "multiple"),
    case("twice", "2", "1", "multiple", "up", "multiple"),
    case("twice as many", "2", "1", "multiple", "up", "multiple"),
    case("2x", "2", "1", "multiple", "up", "multiple"),
    case("1.5×", "3/2", "1/10", "multiple", "up", "multiple"),
    # "10" ends in a zero: u = 10, as for a count (the multiple rule is relative anyway)
    case("tenfold", "10", "10", "multiple", "up", "multiple"),
    case("a 3-fold rise", "3", "1", "multiple", "up", "multiple"),
    case("a three-fold increase", "3", "1", "multiple", "up", "multiple"),
    case("increased 2.5 times", "5/2", "1/10", "multiple", "up", "multiple"),
    case("cut in half", "1/2", "1/10", "multiple", "down", "multiple"),
    case("half as many", "1/2", "1/10", "multiple", "down", "multiple"),
    # --- hedges -------------------------------------------------------------------------------
    case("some 18,000", "18000", "1000", "count", qualifier="about"),
    case("an estimated 1.2 million", "1200000", "100000", "count", qualifier="about"),
    case("upwards of $2bn", "2000000000", "1000000000", "money", qualifier="more_than", currency="USD"),
    case("at least 18,000", "18000", "1000", "count", qualifier="at_least"),
    case("no more than 5%", "1/20", "1/100", "percent", qualifier="at_most"),
    case("fewer than 1,000", "1000", "1000", "count", qualifier="less_than"),
    case("well over 18,000", "18000", "1000", "count", qualifier="more_than"),
    case("slightly more than 20%", "1/5", "1/100", "percent", qualifier="just_over"),
    case("slightly less than 20%", "1/5", "1/100", "percent", qualifier="nearly"),
    case("just under 20%", "1/5", "1/100", "percent", qualifier="nearly"),
    case("just over 1,000", "1000", "1000", "count", qualifier="just_over"),
    case("up to 20%", "1/5", "1/100", "percent", qualifier="at_most"),
    case("~20%", "1/5", "1/100", "percent", qualifier="about"),
    # "as many as" is the top of an estimate, not a floor (calc_published_2.yaml, as-many-as-3000)
    case("as many as 1,000", "1000", "1000", "count", qualifier="as_many_as"),
    # --- framing --------------------------------------------------------------------------------
    case("just 5%", "1/20", "1/100", "percent", framing=("just",)),
    case("a mere 3%", "3/100", "1/100", "percent", framing=("a mere",)),
    case("a whopping 40%", "2/5", "1/100", "percent", framing=("a whopping",)),
    case("as few as 10", "10", "10", "count", framing=("as few as",)),
    case("only dipped", None, None, "percent", "down", "slightly", framing=("only",)),
    # --- intensity words without a number -----------------------------------------------------
    case("rose sharply", None, None, "percent", "up", "sharply"),
    case("fell significantly", None, None, "percent", "down", "sharply"),
    case("jumped", None, None, "percent", "up", "sharply"),
    # a direction alone: a change of any size that way
    case("rose", None, None, "percent", "up"),
    case("fell", None, None, "percent", "down"),
    case("only down", None, None, "percent", "down", framing=("only",)),
    case("edged lower", None, None, "percent", "down", "slightly"),
    # --- rates, money, nouns ----------------------------------------------------------------------
    case("3 million a year", "3000000", "1000000", "rate", per="year"),
    case("2,000 a week", "2000", "1000", "rate", per="week"),
    case("500 monthly", "500", "100", "rate", per="month"),
    case("$5 a day", "5", "1", "rate", per="day", currency="USD"),
    case("4.8 million dollars", "4800000", "100000", "money", currency="USD"),
    case("18,000 arrests", "18000", "1000", "count", noun="arrests"),
    case("84 arrests a day", "84", "1", "rate", per="day", noun="arrests"),
    case("1,224 arrests per day", "1224", "1", "rate", per="day", noun="arrests"),
    case("18,000 fewer", "18000", "1000", "count", "down"),
    case("20% of arrests", "1/5", "1/100", "percent", noun="arrests"),
    case("a quarter of voters", "1/4", "1/100", "share", qualifier="about", noun="voters"),
    case("one in three Americans", "1/3", "1/100", "share", qualifier="about", noun="americans"),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_parse(text: str, expected: ClaimedFigure) -> None:
    got = parse_figure(text)
    assert got == expected
    # exact all the way: never a float
    assert got.value is None or type(got.value) is Fraction
    assert got.u is None or type(got.u) is Fraction
    assert got.qualifier in BY_NAME


def test_case_count() -> None:
    assert len(CASES) >= 80
    assert len(REFUSED) >= 15


# (figure, a fragment the reason must contain, or "" when the generic message is enough)
REFUSED = [
    ("plenty", "carries no number"),
    ("most", "carries no number"),
    ("dozens", "carries no number"),
    ("nearly fell", "no number"),
    ("a day", "'day'"),
    ("", "empty"),
    ("   ", "empty"),
    # endpoints alone are data, not a figure ("rose to 1,500", a direction and the level it
    # ended at, is read: tests/test_figure_phrases.py)
    ("from 31,000 to 27,000", "'from'"),
    ("20% 30%", "two numbers"),
    ("twenty twenty", "two numbers"),
    ("rose 5% drop", "two directions"),
    ("nearly about 20%", "two hedges"),
    ("down -10%", "sign and a direction"),
    ("fell −10%", "sign and a direction"),
    ("fell threefold", "disagree"),
    # a hedge written after the number is not read as one (it would invert the claim)
    ("20% higher than", "'than'"),
    # a verb right after the number may be a misspelt direction ("20% dorpped"); after a
    # noun it is the sentence, which is read ("18,000 people deported")
    ("more than 18,000 deported", "'deported'"),
    ("20% dorpped", "'dorpped'"),
    ("20% a year", "rate"),
    ("doubled a day", "rate"),
    ("a majority up", "not a change"),
    ("dipped sharply", "slightly and sharply"),
    ("slightly", "needs a direction"),
    ("nearly", "no number"),
    ("only", ""),
    ("a record", "carries no number"),
    ("the lowest in 50 years", "'the'"),
    ("two-thirds of", "ends with"),
    ("1e3", "not a number as prose writes it"),
    ("0x1F", "not a number as prose writes it"),
    ("012%", "leading zero"),
    ("1,22 daily", "thousands separators"),
    ("three halves", "not a share"),
    ("four in three", "not a share"),
    ("one in 012", "leading zero"),
    ("0 thirds", "not a share"),
    ("one in 3.5", "whole number"),
    ("0 times", "zero"),
    ("dropped 500 percentage points", "percentage points"),
    ("$20%", "money"),
    ("20%!", "'!'"),
    ("nan%", "'nan'"),
    ("1" * 41, "digits"),
]


@pytest.mark.parametrize(("text", "reason"), REFUSED, ids=[t[:30] or "empty" for t, _ in REFUSED])
def test_refused(text: str, reason: str) -> None:
    with pytest.raises(FigureError) as err:
        parse_figure(text)
    msg = str(err.value)
    assert msg.startswith(f"cannot read figure '{text.strip()}': ")
    assert reason in msg
    assert msg.endswith(EXPECTED)


def test_generic_message_exactly() -> None:
    with pytest.raises(FigureError) as err:
        parse_figure("only")
    assert str(err.value) == (
        "cannot read figure 'only': expected a number with optional hedge and direction, "
        'such as "nearly 20% drop", "down 10%", "more than 18,000", "doubled", '
        '"one in three", "$4.8 million"'
    )


def test_huge_input_is_refused_and_quoted_short() -> None:
    # BAD_INPUTS 12 and 32: a 10,000-digit figure is refused before any parsing
    with pytest.raises(FigureError) as err:
        parse_figure("1" * 10_000)
    msg = str(err.value)
    assert msg.startswith("cannot read figure '" + "1" * 57 + "…': it is 10000 characters long")
    assert len(msg) < 400
    with pytest.raises(FigureError):
        parse_figure("1," * 5_000 + "000%")


def test_control_characters_are_escaped_in_the_message() -> None:
    with pytest.raises(FigureError) as err:
        parse_figure("20%\x1b[2J")
    assert "\x1b" not in str(err.value)
    assert "\\u001b" in str(err.value)


def test_not_text() -> None:
    with pytest.raises(FigureError):
        parse_figure(19.1)  # type: ignore[arg-type]
    with pytest.raises(FigureError):
        parse_figure(True)  # type: ignore[arg-type]
    assert parse_figure(1224).value == Fraction(1224)  # type: ignore[arg-type]


# --- the hedge table drives the words ------------------------------------------------------

_INTENSITY = {"slightly", "sharply"}


@pytest.mark.parametrize(
    ("rule", "word"),
    [(r.name, w) for r in RULES if r.name != "multiple" and r.name not in _INTENSITY for w in r.words],
)
def test_every_hedge_word_reads_as_its_rule(rule: str, word: str) -> None:
    assert parse_figure(f"{word} 20%").qualifier == rule


@pytest.mark.parametrize(
    ("rule", "word"), [(r.name, w) for r in RULES if r.name in _INTENSITY for w in r.words]
)
def test_every_intensity_word_reads_as_its_rule(rule: str, word: str) -> None:
    # with its own direction ("plunged") or one added ("edged up")
    for text in (word, f"{word} up", f"{word} down", f"rose {word}", f"fell {word}"):
        try:
            got = parse_figure(text)
        except FigureError:
            continue
        assert got.qualifier == rule and got.value is None
        return
    pytest.fail(f"no phrase with {word!r} parsed")


@pytest.mark.parametrize("word", FRAMING_WORDS)
def test_every_framing_word_is_framing(word: str) -> None:
    got = parse_figure(f"{word} 20%")
    assert got.framing == (word,)
    assert got.qualifier == "exact" and got.value == Fraction(1, 5)


def test_word_share_precision() -> None:
    assert word_share_u(Fraction(1, 2)) == Fraction(1, 100)
    assert word_share_u(Fraction(1, 10)) == Fraction(1, 100)
    assert word_share_u(Fraction(1, 20)) == Fraction(1, 200)


# --- robustness --------------------------------------------------------------------------------

_VOCAB = (
    "nearly about more than less than just only a an by of the per day daily down up fell rose "
    "drop % percent points percentage one two three twenty hundred thousand million in out "
    "half third thirds quarter doubled halved times fold as many x 20 19.1 18,000 $4.8 "
    "-10 +5 £3bn slightly sharply plunged dipped majority arrests deported 012 0 1,22 3.5 every "
    "a day year over dozen and per cent − ~ 1e3 twice in half"
).split()


@given(st.text(max_size=60))
def test_any_text_parses_or_raises_figure_error(text: str) -> None:
    try:
        got = parse_figure(text)
    except FigureError:
        return
    assert got.qualifier in BY_NAME


@given(st.lists(st.sampled_from(_VOCAB), max_size=7).map(" ".join))
def test_any_phrase_of_known_words_parses_or_raises_figure_error(text: str) -> None:
    try:
        got = parse_figure(text)
    except FigureError:
        return
    assert got.qualifier in BY_NAME
    assert got.direction in ("up", "down", "none")
    if got.value is None:
        assert got.qualifier in _INTENSITY | {"exact"} and got.direction != "none"
    else:
        assert type(got.value) is Fraction and got.value >= 0 and got.u is not None and got.u > 0
