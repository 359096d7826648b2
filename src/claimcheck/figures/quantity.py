"""The number of a figure, with its unit markers: digits, number words, shares in words
("one in three", "two-thirds", "half"), multiples ("doubled", "2.5 times"), percents and
points, sums of money and counts."""

from __future__ import annotations

import re
from dataclasses import dataclass
from fractions import Fraction

from claimcheck import lexicon
from claimcheck.figures.model import WORD_SHARE_QUALIFIER, word_share_u
from claimcheck.figures.tokens import FIRST_WORDS, Refused, Unknown
from claimcheck.numbers import NumberError, fmt_decimal, parse_number

# --- vocabulary ---------------------------------------------------------------------------

_WORD_SCALES = lexicon.SCALE_WORDS
_DIGIT_SCALES = frozenset(lexicon.SCALES)
_ORDINALS = lexicon.FRACTION_WORDS
_CURRENCY_WORDS = lexicon.CURRENCY_WORDS
# "pc" is the Telegraph's and the FT's per cent ("up 5pc"); read as a noun it made "up 5pc"
# a count of 5 and a false alarm (tests/cases/calc_published_2.yaml, telegraph-pc).
_PERCENT_WORDS = lexicon.PERCENT_WORDS
_POINT_WORDS = lexicon.POINT_WORDS
#: Basis points: a hundredth of a percentage point ("raised by 75 basis points", Reuters).
_BASIS_WORDS = lexicon.BASIS_WORDS
#: "points" alone: percentage points up to 100, an index change (a count) above that.
_PLAIN_POINT_WORDS = lexicon.PLAIN_POINT_WORDS
_TIMES_WORDS = lexicon.TIMES_WORDS
_AS_WORDS = lexicon.AS_WORDS
# "five times more likely" is written routinely (CDC: "about 4 times higher"); it is read
# as 5× and the literal 6× is tried by the verdict (tests/cases/calc_published.yaml,
# suicide-four-times-higher). "three times less/fewer/lower" is read as a third.
_TIMES_MORE = lexicon.TIMES_MORE
_TIMES_LESS = lexicon.TIMES_LESS
_MULTIPLE_WORDS = lexicon.MULTIPLE_WORDS

# --- the number in a figure ---------------------------------------------------------------


@dataclass(slots=True)
class Item:
    value: Fraction
    u: Fraction
    kind: str  # count, percent, points, multiple, share, word_share, majority
    direction: str | None = None  # inherent: doubled (up), halved (down), a sign
    qualifier: str | None = None  # default when no hedge is written
    currency: str | None = None
    noun_ok: bool = False
    signed: bool = False
    times_more: bool = False


def digits_u(value: Fraction) -> Fraction:
    """The precision ``value`` would have if written in digits: "twenty" as "20" (u = 10,
    the trailing-zero rule of :func:`parse_number`), "halved" as "0.5" (u = 1/10)."""
    if value.denominator == 1:
        return parse_number(str(value.numerator)).u
    for places in range(1, 7):
        if (value * 10**places).denominator == 1:
            return Fraction(1, 10**places)
    return Fraction(1, 100)


#: A number word in a percent or points is a whole number of points: u = 1 point.
_POINT_U = Fraction(1, 100)
_PLAIN_INT_RE = re.compile(r"\d+|\d{1,3}(?:,\d{3})+")


class Reader:
    """One left-to-right pass over the tokens of one figure."""

    __slots__ = ("toks", "n", "words")

    def __init__(self, toks: list[tuple[str, str]]) -> None:
        self.toks = toks
        self.n = len(toks)
        self.words = [t if k in ("word", "sym") else None for k, t in toks]

    def word(self, j: int) -> str | None:
        if j < self.n and self.toks[j][0] in ("word", "sym"):
            return self.toks[j][1]
        return None

    def match(self, j: int, phrases: tuple[tuple[str, ...], ...]) -> int:
        """Length of the first of ``phrases`` found at ``j`` (0 if none)."""
        if j >= self.n or self.toks[j][1] not in FIRST_WORDS:
            return 0
        for p in phrases:
            if all(self.word(j + k) == w for k, w in enumerate(p)):
                return len(p)
        return 0

    def small_int(self, j: int) -> tuple[int, int] | None:
        """A whole number in digits or words, for the M of "one in M"."""
        if j < self.n and self.toks[j][0] == "num":
            t = self.toks[j][1]
            if not _PLAIN_INT_RE.fullmatch(t):
                return None
            try:
                return int(parse_number(t).value), j + 1
            except NumberError as exc:  # "one in 012"
                raise Refused(str(exc)) from None
        return self.words_number(j)

    def words_number(self, i: int) -> tuple[int, int] | None:
        """Read number words at ``i``: "twenty-five", "two hundred and fifty thousand",
        "a dozen", "a million". Returns (value, next index) or None."""
        return lexicon.read_number_words(self.words, i)

    def item(self, i: int) -> tuple[Item, int] | None:
        """The figure's number starting at token ``i``, with its unit markers."""
        kind, tok = self.toks[i]
        if kind == "num":
            return self._digits(i)
        w = tok
        w2 = self.word(i + 1)
        if w in ("a", "an", "the") and w2 in ("majority", "minority"):
            q = "more_than" if w2 == "majority" else "less_than"
            return Item(Fraction(1, 2), Fraction(1, 100), "majority", qualifier=q), i + 2
        if w in _MULTIPLE_WORDS:
            f = _MULTIPLE_WORDS[w]
            return self._multiple_tail(f, digits_u(f), i + 1, inherent=True)
        if w == "in" and w2 == "half":
            f = Fraction(1, 2)
            return Item(f, digits_u(f), "multiple", "down", "multiple"), i + 2
        # "half", "a half", "one half", "a third", "an eighth"
        if w == "half":
            return self._share_tail(Fraction(1, 2), i + 1)
        if w in ("a", "an", "one") and w2 in _ORDINALS and not w2.endswith("s"):
            return self._share_tail(Fraction(1, _ORDINALS[w2]), i + 2)
        got = self.words_number(i)
        if got is None:
            return None
        v, j = got
        return self._after_integer(Fraction(v), j, words=True)

    def _share_tail(self, value: Fraction, j: int) -> tuple[Item, int]:
        # "three-quarters of a percentage point", "a half-point", "a quarter point", "half a
        # point": a fraction of a point is a change in points (AP on the Fed), never 75%.
        k = 1 if self.word(j) == "of" else 0
        k += 1 if self.word(j + k) in ("a", "an") else 0
        scale = _WORD_SCALES.get(self.word(j + k) or "") if k else None
        if scale:
            # "half a million", "a quarter of a million": a count, rounded as a word share
            # is (about, ±5%) (calc_published_2.yaml, half-a-million)
            v = value * scale
            return Item(v, v / 100, "count", qualifier=WORD_SHARE_QUALIFIER, noun_ok=True), j + k + 1
        pts = self.match(j + k, _POINT_WORDS)
        if pts:
            return Item(value / 100, digits_u(value) / 100, "points"), j + k + pts
        if self.word(j) == "as" and self.word(j + 1) in _AS_WORDS:  # "half as many"
            return Item(value, digits_u(value), "multiple", "down", "multiple", noun_ok=True), j + 2
        return Item(value, word_share_u(value), "word_share", qualifier=WORD_SHARE_QUALIFIER, noun_ok=True), j

    def _multiple_tail(self, f: Fraction, u: Fraction, j: int, inherent: bool = False) -> tuple[Item, int]:
        noun_ok = False
        if self.word(j) == "as" and self.word(j + 1) in _AS_WORDS:
            j += 2
            noun_ok = True
        elif self.word(j) in _TIMES_MORE and not inherent:
            if f <= 1:
                raise Refused(f"'{fmt_decimal(f, 4, trim=True)} times {self.word(j)}' is not a rise; write the ratio or the percent change")
            item = Item(f, u, "multiple", "up", "multiple", noun_ok=True)
            item.times_more = True
            return item, j + (2 if self.word(j + 1) in _AS_WORDS else 1)  # "five times more likely"
        elif self.word(j) in _TIMES_LESS and not inherent:
            if f <= 1:
                raise Refused(f"'{fmt_decimal(f, 4, trim=True)} times {self.word(j)}' is not a fall; write the ratio or the percent change")
            return (Item(1 / f, digits_u(1 / f), "multiple", "down", "multiple", noun_ok=True),
                    j + (2 if self.word(j + 1) in _AS_WORDS else 1))
        if f == 0:
            raise Refused("a multiple of zero is not a multiple")
        d = "up" if f > 1 else "down" if f < 1 else None
        return Item(f, u, "multiple", d, "multiple", noun_ok=noun_ok), j

    def _after_integer(self, value: Fraction, j: int, *, words: bool) -> tuple[Item, int]:
        """Suffixes of a whole number (digits or words): a share, a multiple, a percent."""
        w = self.word(j)
        if w in _ORDINALS:
            den = _ORDINALS[w]
            if not 1 <= value < den:
                raise Refused(f"{value} {w} is not a share (the numerator must be smaller)")
            return self._share_tail(value / den, j + 1)
        k = 1 if w == "in" else 2 if (w == "out" and self.word(j + 1) == "of") else 0
        if k:
            jj = j + k + (1 if self.word(j + k) == "every" else 0)
            got = self.small_int(jj)
            if got is None or got[0] == 0:
                raise Refused("a share needs a whole number after 'in' ('one in three')")
            den, jj = got
            if not 1 <= value < den:
                raise Refused(f"'{value} in {den}' is not a share (the first number must be smaller)")
            return self._share_tail(value / den, jj)
        if w in _TIMES_WORDS:
            return self._multiple_tail(value, digits_u(value), j + 1)
        if not words:
            raise AssertionError("digits take the _digits path")
        bp = self.match(j, _BASIS_WORDS)
        if bp:
            return Item(value / 10000, _POINT_U / 100, "points"), j + bp
        pts = self.match(j, _POINT_WORDS)
        if pts:
            if value > 100 and self.word(j) in _PLAIN_POINT_WORDS:  # "three thousand points"
                return Item(value, digits_u(value), "count", noun_ok=True), j
            return Item(value / 100, _POINT_U, "points"), j + pts
        pct = self.match(j, _PERCENT_WORDS)
        if pct:
            j += pct
            pts = self.match(j, _POINT_WORDS)
            if pts:
                return Item(value / 100, _POINT_U, "points"), j + pts
            return Item(value / 100, _POINT_U, "percent"), j
        cur = _CURRENCY_WORDS.get(self.word(j) or "")
        if cur:
            return Item(value, digits_u(value), "count", currency=cur, noun_ok=False), j + 1
        return Item(value, digits_u(value), "count", noun_ok=True), j

    def _digits(self, i: int) -> tuple[Item, int]:
        core = self.toks[i][1]
        if core[-1] in ",.":  # "636, representing just 1%": punctuation after the number
            raise Unknown(f"unexpected character {core[-1]!r}")
        j = i + 1
        percent = core.endswith("%")
        sign = core[0] if core[0] in "+-\u2212" else ""
        plain = core.lstrip("+-\u2212")
        has_currency = plain[0] in lexicon.CURRENCY_SYMBOLS
        scale = ""
        if not percent and self.word(j) in _DIGIT_SCALES:
            scale = self.word(j) or ""
            j += 1
        points = False
        basis = False
        if not scale:
            if not percent:
                k = self.match(j, _PERCENT_WORDS)
                if k:
                    percent, j = True, j + k
                else:
                    k = self.match(j, _BASIS_WORDS)
                    if k:
                        basis, j = True, j + k
            k = 0 if basis else self.match(j, _POINT_WORDS)
            if k and not percent and self.word(j) in _PLAIN_POINT_WORDS and not has_currency:
                # "the Dow fell nearly 3,000 points" (AP, March 2020): above 100, bare
                # "points" are index points, a count; "points" stays the noun.
                try:
                    big = abs(parse_number(core.lstrip("+-\u2212")).value) > 100
                except NumberError as exc:
                    raise Refused(str(exc)) from None
                if big:
                    k = 0
            if k:
                points, j = True, j + k
        if basis:
            if has_currency:
                raise Refused("a sum of money cannot also be basis points")
            try:  # read as a percent so a trailing zero counts: "50 basis points" is ±0.5 bp
                written = parse_number(core.lstrip("+-\u2212") + "%")
            except NumberError as exc:
                raise Refused(str(exc)) from None
            item = Item(abs(written.value) / 100, written.u / 100, "points",
                         None if not sign else ("up" if sign == "+" else "down"))
            item.signed = bool(sign)
            return item, j
        text = core if core.endswith("%") else core + ("%" if (percent or points) else "")
        if scale:
            text += " " + scale
        try:
            written = parse_number(text)
        except NumberError as exc:
            raise Refused(str(exc)) from None
        value = abs(written.value)
        direction = None if not sign else ("up" if sign == "+" else "down")
        if (percent or points) and has_currency:
            raise Refused("a sum of money cannot also be a percent")
        if points and value > 1:  # more than 100 percentage points
            # "points" alone means percentage points; "the Dow fell 500 points" is an
            # index change, which a claim states as a count.
            raise Refused(f"{text.split('%')[0]} percentage points is impossible; write an index change as a count ('500')")
        if percent or points:
            item = Item(value, written.u, "points" if points else "percent", direction)
            item.signed = bool(sign)
            return item, j
        cur = written.currency
        wc = _CURRENCY_WORDS.get(self.word(j) or "")
        if wc:
            if cur and cur != wc:
                raise Refused(f"two currencies ({cur} and {wc})")
            cur, j = wc, j + 1
        if not scale and not cur and not written.decimal and value.denominator == 1 and not sign:
            w = self.word(j)
            if w in _ORDINALS or w in _TIMES_WORDS or w == "in" or (w == "out" and self.word(j + 1) == "of"):
                item, j = self._after_integer(value, j, words=False)
                return item, j
        if not cur and self.word(j) in _TIMES_WORDS:  # "2.5 times", "1.5x"
            item, j = self._multiple_tail(value, written.u, j + 1)
            return item, j
        item = Item(value, written.u, "count", direction, currency=cur, noun_ok=True)
        item.signed = bool(sign)
        return item, j

