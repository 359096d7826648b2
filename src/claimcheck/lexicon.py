"""Every English word list claimcheck reads, in one place.

The number grammar (:mod:`claimcheck.numbers`), the figure language
(:mod:`claimcheck.figures`), the prose scanner (:mod:`claimcheck.scan`), the verdicts and
the hedge table all read their words from here; no other module spells a list of scale
words, number words, fraction words, currencies, direction verbs or percent and point
units (``tests/unit/test_vocabulary.py`` checks this). A word added here is known to every
reader at once. (It is longer than the other modules for that reason: one vocabulary is
one file.)

Each list is plain data: tuples of lower-case words or phrases (a phrase is a tuple of
words where a tokenizer reads it, a string with spaces where a regular expression does),
and mappings from a word to what it means. Regular expressions are built from these lists
by :func:`alternation`, longest first, so every consumer sees the same spellings.
"""

from __future__ import annotations

import re
from fractions import Fraction
from types import MappingProxyType
from typing import Iterable, Mapping, Sequence

# --- numbers in words ---------------------------------------------------------------------

#: "zero" to "nineteen".
ONES: Mapping[str, int] = MappingProxyType({
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen".split()
    )
})
#: "twenty" to "ninety".
TENS: Mapping[str, int] = MappingProxyType(
    {w: 10 * i for i, w in enumerate("twenty thirty forty fifty sixty seventy eighty ninety".split(), 2)}
)
#: Scale words written out, as in "two million" and "$4.8 billion".
SCALE_WORDS: Mapping[str, int] = MappingProxyType(
    {"thousand": 10**3, "lakh": 10**5, "million": 10**6, "crore": 10**7, "billion": 10**9, "trillion": 10**12}
)
#: Scale abbreviations written after digits: "2.45bn", "3mln", "40k", "4t".
SCALE_ABBREVIATIONS: Mapping[str, int] = MappingProxyType({
    "k": 10**3, "m": 10**6, "mn": 10**6, "mln": 10**6,
    "b": 10**9, "bn": 10**9, "t": 10**12, "tn": 10**12,
})  # fmt: skip
#: Every scale a number written in digits may carry, word or abbreviation.
SCALES: Mapping[str, int] = MappingProxyType({**SCALE_WORDS, **SCALE_ABBREVIATIONS})
#: Scale words radio copy writes between hyphens after digits ("13-thousand-926", "2-million").
HYPHEN_SCALE_WORDS: tuple[str, ...] = ("thousand", "million", "billion")
#: The abbreviations prose uses attached to digits ("$3bn", "40k"); "4t" is left out
#: because "4t" in running text is more often a typo or a label than four trillion.
PROSE_SCALE_ABBREVIATIONS: tuple[str, ...] = ("bn", "mn", "mln", "tn", "k", "m", "b")

#: Numbers in words a span of years is written with: "over the past five years", "in the
#: last twenty years" (the small ones, and the round tens news copy uses).
YEAR_SPAN_WORDS: tuple[str, ...] = tuple(w for w, v in ONES.items() if v >= 2) + tuple(
    w for w, v in TENS.items() if v in (20, 30, 50))

#: Denominators of fractions in words: "a third", "two-fifths", "three-quarters".
FRACTION_WORDS: Mapping[str, int] = MappingProxyType({
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4,
    "fourth": 4, "fourths": 4, "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6,
    "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8, "ninth": 9, "ninths": 9,
    "tenth": 10, "tenths": 10,
})  # fmt: skip
#: The words that may open what a share is "of" ("71% of our fact-checks (63)").
SHARE_OF_DETERMINERS: tuple[str, ...] = ("the", "our", "its", "their", "all", "these", "those")
#: Words that rank the whole a share is set out in ("in the top 15 arrivals, 10 were up").
SET_OUT_RANK_WORDS: tuple[str, ...] = ("top", "largest", "biggest", "leading", "main", "first")
#: Words that set a share after the part it is ("50,333, accounting for about two-thirds of
#: China's total 82,367").
SHARE_OF_TOTAL_VERBS: tuple[str, ...] = (
    "accounting for", "accounted for", "representing", "making up", "which is", "which was", "which accounts for",
    "which accounted for", "which represents", "which represented", "which makes up", "which made up")
#: Words too common to say that a level counts what a share is of.
SHARE_WHOLE_COMMON_WORDS: frozenset[str] = frozenset({
    "total", "number", "more", "than", "over", "about", "some", "with", "were", "have", "been",
    "this", "that", "year", "years", "reported", "recorded"})
#: The units a fraction in words is "of" when it is a change in points: "rose a tenth of a
#: point", "two-tenths of a percentage point", "half a per cent point".
FRACTION_POINT_UNITS: tuple[str, ...] = ("percentage point", "per cent point", "percent point", "point")


def read_number_words(words: Sequence[str | None], i: int = 0) -> tuple[int, int] | None:
    """Read a whole number written in words at ``words[i]``: "twenty-five" (as two words),
    "two hundred and fifty thousand", "a dozen", "a million". ``None`` stands for a token
    that is not a word. Returns (value, index after the number) or ``None``; the longest
    reading wins, so "three hundred people" is 300 and ends before "people"."""
    n = len(words)

    def word(j: int) -> str | None:
        return words[j] if j < n else None

    j, total, cur, last, last_scale = i, 0, 0, "", 10**15
    first = word(j)
    if first in ("a", "an"):
        nxt = word(j + 1)
        if nxt == "hundred" or nxt == "dozen" or nxt in SCALE_WORDS:
            cur, last, j = 1, "ones", j + 1
        else:
            return None
    while j < n:
        w = word(j)
        if w is None:
            break
        if w in ONES:
            v = ONES[w]
            if last == "tens" and 1 <= v <= 9:
                cur += v
            elif last in ("", "hundred", "and", "scale") and cur % 100 == 0:
                if v == 0 and (last or total):
                    break
                cur += v
            else:
                break
            last = "ones"
        elif w in TENS:
            if last in ("", "hundred", "and", "scale") and cur % 100 == 0:
                cur += TENS[w]
                last = "tens"
            else:
                break
        elif w == "hundred":
            if last in ("ones", "tens") and 1 <= cur <= 99:
                cur *= 100
                last = "hundred"
            else:
                break
        elif w in SCALE_WORDS:
            s = SCALE_WORDS[w]
            if last in ("ones", "tens", "hundred") and cur > 0 and s < last_scale:
                total += cur * s
                cur, last, last_scale = 0, "scale", s
            else:
                break
        elif w == "dozen":
            if last in ("ones", "tens") and 1 <= cur <= 99:
                cur *= 12
                j += 1
            break
        elif w == "and" and last in ("hundred", "scale") and (word(j + 1) in ONES or word(j + 1) in TENS):
            last = "and"
        else:
            break
        j += 1
    if j == i or last in ("", "and"):
        return None
    return total + cur, j


_WORD_SPLIT = re.compile(r"[\s\-\u2010\u2011]+")


def word_number(text: str) -> int | None:
    """A whole number written in words, all of ``text``: "twenty-five" → 25, "a hundred" →
    100, "two hundred and fifty" → 250; "a" alone is 1; ``None`` when ``text`` is not one."""
    words = [w for w in _WORD_SPLIT.split(text.strip().lower()) if w]
    if words in (["a"], ["an"]):
        return 1
    got = read_number_words(words)
    if got is None or got[1] != len(words):
        return None
    return got[0]


# --- units of measure ---------------------------------------------------------------------

#: A unit of measure and the one name its spellings share: "fell from 77 kilograms to 71
#: kilos" measures one thing twice (what a level counts is compared by this name).
UNIT_NAMES: Mapping[str, str] = MappingProxyType({
    **dict.fromkeys(("kg", "kgs", "kilo", "kilos", "kilogram", "kilograms", "kilogramme", "kilogrammes"), "kilogram"),
    **dict.fromkeys(("km", "kms", "kilometre", "kilometres", "kilometer", "kilometers"), "kilometre"),
    **dict.fromkeys(("mm", "millimetre", "millimetres", "millimeter", "millimeters"), "millimetre"),
    **dict.fromkeys(("cm", "centimetre", "centimetres", "centimeter", "centimeters"), "centimetre"),
    **dict.fromkeys(("ml", "millilitre", "millilitres", "milliliter", "milliliters"), "millilitre"),
    **dict.fromkeys(("mg", "milligram", "milligrams", "milligramme", "milligrammes"), "milligram"),
    **dict.fromkeys(("ha", "hectare", "hectares"), "hectare"),
    **dict.fromkeys(("ug/m3", "µg/m3", "μg/m3", "mcg/m3", "microgram", "micrograms"), "microgram"),
    **dict.fromkeys(("kwh", "kilowatt-hour", "kilowatt-hours"), "kilowatt-hour"),
    **dict.fromkeys(("kph", "km/h", "kmh"), "kph"),
})  # fmt: skip
#: Units of measure written right after the digits ("35mm", "77kg", "41.3ug/m3"): the
#: number is a count of that unit, not a label ("5G", "3D" are labels).
GLUED_UNITS: tuple[str, ...] = (
    "mm", "cm", "km", "kms", "kg", "kgs", "ml", "mg", "ha", "mph", "kph", "km/h", "kmh", "kwh",
    "ug/m3", "µg/m3", "μg/m3", "mcg/m3",
)


# --- money --------------------------------------------------------------------------------

#: Currency signs written before digits, and the ISO code each stands for.
CURRENCY_SYMBOLS: Mapping[str, str] = MappingProxyType({"$": "USD", "€": "EUR", "£": "GBP", "¥": "JPY", "₹": "INR", "₦": "NGN"})
#: The currency symbols as a character class, for patterns: "[$€£¥₹₦]".
CURRENCY_CLASS: str = "[" + "".join(re.escape(c) for c in CURRENCY_SYMBOLS) + "]"
#: Currency codes and signs written before a number in prose ("Rs 1,906 crore",
#: "Sh333 billion", "N2.5 trillion", "R5bn"), and the ISO code each stands for.
CURRENCY_PREFIXES: Mapping[str, str] = MappingProxyType({
    "rs": "INR", "rs.": "INR", "inr": "INR", "₹": "INR", "pkr": "PKR", "₦": "NGN", "n": "NGN", "ngn": "NGN",
    "sh": "KES", "ksh": "KES", "kshs": "KES", "kes": "KES", "r": "ZAR", "zar": "ZAR", "us$": "USD", "usd": "USD",
    "a$": "AUD", "au$": "AUD", "nz$": "NZD", "c$": "CAD", "ca$": "CAD", "hk$": "HKD", "s$": "SGD",
    "gh₵": "GHS", "ghc": "GHS", "eur": "EUR", "gbp": "GBP", "tt$": "TTD",
})  # fmt: skip
#: Currency words written after a number ("20 dollars", "€5 euros" is refused as two).
CURRENCY_WORDS: Mapping[str, str] = MappingProxyType({
    "dollar": "USD", "dollars": "USD", "usd": "USD", "euro": "EUR", "euros": "EUR",
    "eur": "EUR", "pound": "GBP", "pounds": "GBP", "gbp": "GBP", "yen": "JPY", "jpy": "JPY",
})  # fmt: skip
#: Words after a number in prose that make it a sum of money ("pounds of" is a weight).
PROSE_MONEY_WORDS: tuple[str, ...] = ("dollars", "dollar", "euros", "euro", "pounds", "pound", "cents", "cent")
#: A minor unit written right after digits, and the currency sign of which it is a
#: hundredth: "costs 13p more" is £0.13 (British copy writes pence so).
MINOR_UNIT_SUFFIXES: Mapping[str, str] = MappingProxyType({"p": "£"})
#: A minor unit written as a word after digits, and the currency sign of which it is a
#: hundredth: "rose 27 cents, or 0.61%, to $44.34" is $0.27 (US copy writes cents so).
MINOR_UNIT_WORDS: Mapping[str, str] = MappingProxyType({"cent": "$", "cents": "$"})
#: Numbers that a "p" after them makes a video resolution, not pence ("1080p").
RESOLUTION_NUMBERS: frozenset[str] = frozenset({"144", "240", "360", "480", "576", "720", "1080", "1440", "2160", "4320"})
#: Telephone numbers of emergency and public services ("911 calls", "dialled 999", "calls to
#: 101"): before a word of calling, or after a verb of calling, they name a line, not a count.
EMERGENCY_NUMBERS: frozenset[str] = frozenset({"911", "999", "112", "111", "101", "311", "211", "000"})
#: Words after an emergency number that make it the line's name ("the number of 911 calls").
EMERGENCY_LINE_NOUNS: tuple[str, ...] = (
    "call", "calls", "caller", "callers", "line", "lines", "center", "centers", "centre", "centres", "dispatch",
    "dispatcher", "dispatchers", "operator", "operators", "system", "systems", "service", "services", "emergency",
    "emergencies", "number", "hotline", "communications", "telecommunicator", "telecommunicators", "call-taker",
    "call-takers", "hang-up", "hang-ups", "outage", "outages", "recording", "recordings",
)
#: Verbs of calling before an emergency number ("dialed 911", "rang 999", "calls to 101").
EMERGENCY_DIAL_VERBS: tuple[str, ...] = (
    "dial", "dials", "dialed", "dialled", "dialing", "dialling", "call", "calls", "called", "calling", "ring", "rings",
    "rang", "ringing", "phone", "phones", "phoned", "phoning", "text", "texts", "texted", "texting",
)

# --- percents, points, multiples ------------------------------------------------------------

#: A percent, as written after a number. "pc" is the Telegraph's and the FT's ("up 5pc").
PERCENT_WORDS: tuple[tuple[str, ...], ...] = (("percent",), ("per", "cent"), ("pct",), ("pc",), ("%",))
#: Units a claim file's ``unit:`` may give for a percent level (``{value: 25, unit: "%"}``).
PERCENT_UNITS: frozenset[str] = frozenset({"%", "percent", "per cent", "pct", "percentage"})
#: Percentage points. "points" alone means percentage points up to 100, index points above.
POINT_WORDS: tuple[tuple[str, ...], ...] = (
    ("percentage", "points"), ("percentage", "point"), ("points",), ("point",), ("pts",),
    ("pt",), ("pp",), ("ppt",), ("ppts",),
)  # fmt: skip
#: The bare spellings of "points" (no "percentage"), which may be index points.
PLAIN_POINT_WORDS: frozenset[str] = frozenset({"points", "point", "pts", "pt"})
#: Basis points: hundredths of a percentage point.
BASIS_WORDS: tuple[tuple[str, ...], ...] = (("basis", "points"), ("basis", "point"), ("bps",), ("bp",), ("bips",))
#: What follows a factor to make a multiple: "2.5 times", "1.5x", "three-fold".
TIMES_WORDS: frozenset[str] = frozenset({"times", "x", "×", "fold"})
#: "twice as many", "half as likely": the comparative after "as".
AS_WORDS: frozenset[str] = frozenset({"many", "much", "high", "large", "big", "likely", "long", "fast", "great", "often"})
#: "four times more", read as 4× with the literal 1 + 4 tried by the verdict.
TIMES_MORE: frozenset[str] = frozenset({"more", "greater", "higher", "larger", "bigger"})
#: "three times less", read as a third.
TIMES_LESS: frozenset[str] = frozenset({"less", "fewer", "lower", "smaller"})
#: Multiples in one word, and their factor.
MULTIPLE_WORDS: Mapping[str, Fraction] = MappingProxyType({
    "doubled": Fraction(2), "double": Fraction(2), "doubles": Fraction(2), "doubling": Fraction(2),
    "tripled": Fraction(3), "triple": Fraction(3), "triples": Fraction(3), "tripling": Fraction(3),
    "trebled": Fraction(3),
    "quadrupled": Fraction(4), "quadruple": Fraction(4), "quadruples": Fraction(4),
    "quadrupling": Fraction(4),
    "halved": Fraction(1, 2), "halving": Fraction(1, 2), "twice": Fraction(2),
})  # fmt: skip

# --- directions -----------------------------------------------------------------------------

#: Words of a fall: verbs, nouns, adverbs and comparatives.
DOWN_WORDS: tuple[str, ...] = tuple((
    "drop drops dropped dropping fell fall falls falling fallen decline declines declined "
    "declining decrease decreases decreased decreasing down lower cut cuts cutting dip dips "
    "slashed slash slashes slashing trimmed shed sheds shedding "
    "dipped dipping slid slide slides sliding plunge plunges plunged plunging plummet "
    "plummets plummeted plummeting tumble tumbles tumbled tumbling sank sink sinks sinking "
    "sunk shrank shrink shrinks shrinking shrunk reduced reduce reduces reduction "
    "reductions loss losses lost lose loses slump slumps slumped slumping contracted "
    "contraction eased slipped slip slips retreated collapse collapsed cratered nosedived "
    "nosedive downward downwards fewer less lowered "
    "tanked crashed dived dove narrowed narrowing "
    "slipping tanks dives skidded skids eases"
).split())
#: Words of a rise.
UP_WORDS: tuple[str, ...] = tuple((
    "rise rises rose rising risen up increase increases increased increasing grew grow "
    "grows growing grown growth gain gains gained gaining climb climbs climbed climbing "
    "jump jumps jumped jumping higher soar soars soared soaring surge surges surged surging "
    "spike spikes spiked spiking skyrocketed skyrocket rebound rebounded boosted boost "
    "added expanded expand swelled swell upward upwards hike hiked leapt leaped leap "
    "ballooned balloon more raised raise raises rallied rally rallies "
    "rocketed rocket rockets rocketing advanced widened widening escalated escalating "
    "bounced zoomed zooms zoom zooming leaps skyrockets spurted spurts"
).split())
#: Two-word directions the figure language reads as one ("went up").
DIRECTION_PHRASES: Mapping[tuple[str, ...], str] = MappingProxyType(
    {("shot", "up"): "up", ("went", "up"): "up", ("went", "down"): "down"}
)
#: Nouns of a change that a word naming what changed may come before ("pay rise", "rate cut").
CHANGE_NOUNS: frozenset[str] = frozenset(
    "rise rises increase increases hike hikes jump cut cuts fall falls drop drops decline declines "
    "reduction reductions growth gain gains loss losses boost".split()
)
#: Nouns of a rise and of a fall after a number in prose ("a 13 percent drop").
UP_NOUNS: tuple[str, ...] = tuple(
    "increase rise jump gain hike boost surge spike climb growth uptick upswing bump leap rebound".split()
)
DOWN_NOUNS: tuple[str, ...] = tuple(
    "drop decline decrease reduction cut fall dip slide plunge loss downturn slump contraction shortfall tumble deduction".split()
)
#: Down nouns that, of an amount of money, name a level rather than a fall: "a $290.4 billion
#: shortfall" is the deficit, "a net loss of $3.2 million" a line of accounts.
MONEY_LEVEL_NOUNS: tuple[str, ...] = ("shortfall", "loss")
#: Change nouns written with no article before "of": "saw growth of 8%", "registering
#: growth of 16.6 percent", "recorded contraction of 2%".
BARE_UP_NOUNS: tuple[str, ...] = ("growth",)
BARE_DOWN_NOUNS: tuple[str, ...] = ("contraction",)
#: Verbs between a change noun named with "the" and its size: "The increase was 12%", "the
#: increase has been nominal Rs 2,750 crore", "the drop amounted to 4,000".
CHANGE_NOUN_COPULAS: tuple[str, ...] = (
    "was", "is", "has been", "had been", "amounted to", "amounts to", "came to", "comes to",
)
#: Comparatives after a number in prose: "20% more", "12 percent lower".
UP_COMPARATIVES: tuple[str, ...] = ("more", "higher", "larger", "bigger", "greater", "longer")
DOWN_COMPARATIVES: tuple[str, ...] = ("fewer", "less", "lower", "smaller", "shorter", "cheaper")
#: Direction words prose writes before a number ("rose 5%", "edged up 0.3%", "down 10%").
PROSE_UP: tuple[str, ...] = (
    "up", "rose", "rise", "rises", "rising", "risen", "increased", "increasing", "increases",
    "increase", "grew", "growing", "grown", "grows", "climbed", "climbing", "climbs",
    "jumped", "jumping", "jumps", "gained", "gaining", "soared", "soaring", "surged",
    "surging", "spiked", "higher", "ticked up", "edged up", "inched up", "went up", "gone up",
    "boosted", "raised", "swelled", "expanded", "rebounded", "bounced", "widened", "widening",
    # (the present tense of headlines and results copy: "Net profit surges 82.38% to …")
    "surges", "soars", "zoomed", "zooms", "leapt", "leaped", "leaps", "rocketed", "rockets",
    "skyrocketed", "skyrockets", "spikes", "spurted", "spurts", "rallied", "grows", "climbs",
)
PROSE_DOWN: tuple[str, ...] = (
    "down", "fell", "fall", "falls", "falling", "fallen", "dropped", "dropping", "drops",
    "declined", "declining", "declines", "decreased", "decreasing", "decreases", "slid",
    "sliding", "dipped", "dipping", "sank", "sinking", "plunged", "plunging", "plummeted",
    "plummeting", "tumbled", "tumbling", "cut", "cuts", "lower", "shrank", "shrunk",
    "shrinking", "lost", "reduced", "slipped", "slipping", "slashed", "lowered", "ticked down", "edged down",
    "inched down", "went down", "gone down", "contracted", "eased", "narrowed", "narrowing",
    "shed", "sheds", "shedding",
    "slumped", "slumps", "tanked", "tanks", "dived", "dives", "plunges", "tumbles", "sinks", "slides",
    "dips", "plummets", "crashed", "nosedived", "retreated", "slips", "shrinks", "skidded", "skids", "eases",
)
#: Words between a change verb's article and its number that leave it the size of the
#: change: "jumped an annual 7.5% in September", "rose a seasonally adjusted 0.4%", "fell a
#: further 2%".
CHANGE_SIZE_QUALIFIERS: tuple[str, ...] = (
    "annual", "annualised", "annualized", "seasonally adjusted", "year-on-year", "year on year", "yearly",
    "quarterly", "monthly", "further", "additional", "modest", "healthy", "robust", "solid", "hefty",
    "impressive", "sizeable", "sizable", "revised", "provisional",
)
#: Participles of reporting that may follow a count in place of its noun: "63 reported in
#: 2018", "1,560 reported thefts" (the noun, if any, is the word after).
REPORTING_PARTICIPLES: tuple[str, ...] = (
    "reported", "recorded", "registered", "logged", "confirmed", "counted", "filed", "documented",
    "investigated", "identified", "issued", "received", "processed", "seized", "committed", "cleared",
)
#: Words after "annual" (or "yearly") that make it a yearly rate of change ("an annual rate
#: of 5%", "annual growth of 3%"); another noun after it names a level ("the annual number of
#: deaths rose 34.9%", "the city's annual budget rose 4%").
ANNUAL_RATE_WORDS: tuple[str, ...] = ("rate", "rates", "pace", "average", "basis", "terms", "clip", "compound")
#: Directions that are also the role word of the number after them ("344 last year, up
#: from 211", "higher than the 282"): said before "from" or "than", the number is a base.
COMPARISON_DIRECTIONS: tuple[str, ...] = ("up", "down", "higher", "lower")
#: Verbs a subject reports a change noun with ("The port recorded growth of 6 percent"):
#: no part of the change's own phrase.
REPORTING_VERBS: tuple[str, ...] = ("recorded", "reported", "posted", "saw", "sees", "showed", "shows", "registered",
                                    "logged", "had", "has", "have", "was", "were", "is", "are", "notched", "booked")
#: Words that say a change was measured on adjusted figures ("down by 10 percent for the
#: month on an adjusted basis"): raw levels printed beside it can bear it out, never refute it.
ADJUSTED_WORDS: tuple[str, ...] = ("adjusted", "like-for-like", "like for like", "constant currency", "constant-currency",
                                   "in real terms", "comparable basis", "same-store", "same store", "organic", "organically")
#: Comparisons that a span of time after them makes a duration, not a change: "waiting
#: more than a year", "less than six months".
THAN_COMPARISONS: tuple[str, ...] = ("more than", "less than", "fewer than", "longer than", "shorter than")
#: Plural time units: "21 selling days" is a span of time, not a count of what a change is of.
DURATION_NOUNS: tuple[str, ...] = ("days", "weeks", "months", "quarters", "years", "decades", "hours", "minutes")
#: Words that make the direction after them a cause, not a claim: "rose 26.49% … due to
#: higher net interest and other income", "amid rising prices".
CAUSE_WORDS: tuple[str, ...] = ("due to", "owing to", "because of", "thanks to", "on the back of", "driven by", "helped by",
                                "on account of", "amid", "amidst", "as a result of", "fuelled by", "fueled by", "boosted by")
#: The particles a change verb takes before the adverb that sizes it: "edged up
#: slightly", "revised downward sharply".
CHANGE_PARTICLES: tuple[str, ...] = COMPARISON_DIRECTIONS + ("upward", "downward")
#: The plainest past tenses of a change: a hedge-like preposition after one ("rose 2.5
#: percent over 184,533") is the base of the change, not a hedge.
PAST_CHANGE_VERBS: tuple[str, ...] = (
    "rose", "fell", "increased", "decreased", "grew", "declined", "dropped", "jumped", "climbed",
)
#: Verbs before "up to" / "down to" that make it a move to a level, not a hedge: "would go
#: up to £2,486.21", "picked up to 12.1%" (but "could face up to 10 years" is a hedge).
MOVE_VERBS: frozenset[str] = frozenset(
    "go goes went gone going pick picks picked picking move moves moved moving tick ticks ticked "
    "ticking inch inches inched inching edge edges edged edging creep creeps crept creeping "
    "shot shoot shoots shooting jump jumps jumped jumping climb climbs climbed climbing revised "
    "revise revises ramped ramp stepped step steps bumped bump bumps rose risen rise rises "
    "crawled crawl nudged nudge nudges come comes came coming".split()
)
#: Verbs that change a thing named after them, then its size: "increased its sales 0.4%",
#: "raised its dividend 10%", "cut their forecast 3%".
TRANSITIVE_CHANGE_VERBS: tuple[str, ...] = (
    "increased", "raised", "boosted", "lifted", "grew", "expanded", "hiked", "cut", "reduced", "lowered", "slashed",
    "trimmed", "decreased",
)
#: Verbs of a change stated in words alone, with no number ("dipped slightly").
CHANGE_VERBS: tuple[str, ...] = (
    "rose", "risen", "rising", "fell", "fallen", "falling", "dropped", "dropping", "declined", "declining",
    "decreased", "decreasing", "increased", "increasing", "grew", "growing", "climbed", "climbing",
    "went up", "went down", "dipped", "edged", "ticked", "inched", "nudged", "slipped", "eased", "shrank",
    "ballooned", "jumped", "sank",
)
#: Adverbs of a change's size ("rose sharply", "slightly lower").
CHANGE_ADVERBS: tuple[str, ...] = (
    "slightly", "marginally", "modestly", "sharply", "dramatically", "steeply", "significantly",
    "substantially", "a bit", "a little", "a tad",
)
#: Verbs that are a change of a size by themselves ("plunged", "edged up").
SIZED_CHANGE_VERBS: tuple[str, ...] = (
    "dipped", "edged up", "edged down", "edged higher", "edged lower", "ticked up", "ticked down",
    "ticked upward", "ticked downward", "ticked higher", "ticked lower", "inched up", "inched down",
    "inched higher", "inched lower", "nudged up", "nudged down", "nudged higher", "nudged lower",
    "plunged", "plummeted", "soared", "surged", "skyrocketed", "tumbled", "spiked", "cratered",
    "nosedived", "ballooned", "collapsed",
)
#: The words of a change the evidence search reads a direction from, with or without a
#: number beside them ("fell", "was up", "a decline", "more than").
DIRECTION_VERBS: tuple[str, ...] = (
    "rose", "risen", "rises", "fell", "fallen", "falls", "increased", "increases", "decreased", "decreases",
    "declined", "declines", "dropped", "drops", "climbed", "climbs", "grew", "grows", "jumped", "slipped",
    "dipped", "eased", "edged up", "edged down", "edged higher", "edged lower", "ticked up", "ticked down",
    "went up", "went down", "shrank", "shrunk", "shrinks", "swelled", "soared", "surged", "plunged", "plummeted", "tumbled",
    "slid", "sank", "rebounded", "bounced", "lowered", "was up", "were up", "was down", "were down",
    "is up", "are up", "is down", "are down", "has risen", "have risen", "has fallen", "have fallen",
    "has increased", "have increased", "has decreased", "have decreased", "has declined", "have declined",
    "has grown", "have grown", "has dropped", "have dropped", "higher", "lower", "up", "down",
    "more than", "fewer than", "less than", "an increase", "a decrease",
    "a rise", "a drop", "a decline", "a fall", "a jump", "a dip", "an uptick", "a gain", "a loss",
    "cut", "cuts", "reduced", "raised", "boosted", "slashed",
    "halved", "trimmed",
    # the present progressive: "the homicide count is rising"
    "is rising", "are rising", "is falling", "are falling", "is increasing", "are increasing",
    "is decreasing", "are decreasing", "is declining", "are declining", "is growing", "are growing",
    "is climbing", "are climbing", "is dropping", "are dropping",
    # a level shrunk to: "dwindled to 125"
    "dwindled", "dwindling",
    # a figure revised: "revised its highest projection … downwards from 101,900 to 95,800"
    # ("upwards of 500" is a hedge, not a change: scan/items.py reads it so)
    "downward", "downwards", "upward", "upwards",
    # results and markets copy: "margins widened to 12.5% from 11.9%", "losses narrowed to
    # $2m from $5m", "output contracted to 48.1 from 49.6", "the index advanced to 3,210"
    "widened", "narrowed", "expanded", "contracted", "advanced", "retreated",
)
#: Nouns a sentence's subject points back with to the place or body the sentence before
#: named: "… increased in Philadelphia. The city had 324 …".
PLACE_POINTER_NOUNS: tuple[str, ...] = (
    "city", "county", "state", "country", "district", "region", "province", "town", "borough",
    "department", "agency", "force", "company", "university", "school", "airport",
)
#: Nouns that count occurrences of whatever the word before them names: "shooting
#: incidents" are shootings, "burglary cases" burglaries.
GENERIC_COUNT_NOUNS: frozenset[str] = frozenset(
    "incident incidents case cases event events instance instances occurrence occurrences report reports".split()
)
#: Plural nouns of things counted that a number between 1900 and 2100 written without a
#: separator stands before as a count, not a year ("compared with 2000 cases", "1950
#: students"); after "the", "in", "since" and the like it is still a year ("the 2000 votes").
YEAR_LIKE_COUNT_NOUNS: frozenset[str] = frozenset(
    "cases people persons incidents deaths arrests students jobs workers residents visitors patients homes "
    "houses units vehicles votes voters calls complaints crimes murders homicides killings births passengers "
    "tourists migrants children adults members employees officers teachers beds applications applicants "
    "infections hospitalizations admissions offences offenses victims refugees households families".split()
)
#: Nouns after a number that make it a threshold, not a level: "exceeded the 1.7 million
#: mark", "crossed the 100,000 threshold".
THRESHOLD_NOUNS: frozenset[str] = frozenset({"mark", "threshold", "milestone", "barrier"})
#: The rules of HEDGE_WORDS whose hedged number still names a level near it ("nearly 19
#: million", "approximately 93,000", "over 4 028", "as many as 65,000", "less than 20"):
#: evidence that can bear a claim out, never prove it wrong.
HEDGED_LEVEL_RULES: frozenset[str] = frozenset({"nearly", "about", "just_over", "more_than", "as_many_as", "at_least", "less_than"})
#: Words that state a direction in the evidence search only (the figure language and the
#: look-back before a number read "exceeded 5,000" as a hedge, not a rise).
#: Nouns of a gap between two levels, which say no direction ("a difference of about $2.62
#: million", "creating a gap of 517,555 votes"): the amount one level exceeds the other by.
GAP_NOUNS: tuple[str, ...] = ("difference", "gap", "discrepancy")
#: The hedges that bound a number on one side only ("more than 25,638"): any larger gap
#: would bear such a claim out, so a gap read between levels is never checked under one.
ONE_SIDED_HEDGES: frozenset[str] = frozenset({"more_than", "at_least", "less_than", "as_many_as"})
#: Verbs of passing a level named after them ("surpassing the peak of 70,699", "easily
#: exceeded the five-year average of 19,425"): a rise, and the role word of that level.
PASS_VERBS: tuple[str, ...] = (
    "surpassing", "surpassed", "surpasses", "exceeded", "exceeding", "exceeds", "outpaced", "outpacing",
    "topped", "topping", "eclipsed", "eclipsing",
)
#: Verbs of doing better than a level by an amount ("beat the target by 12%"): a rise over
#: it, read only before "by" and an amount (the figure language reads them as a hedge).
BEAT_VERBS: tuple[str, ...] = ("beat", "beating", "beats", "outnumbered", "outnumbering", "outstripped", "outstripping")
#: Verbs that take a particle of direction, then what they move, before "by" and the size
#: of the change: "put up their bills by 5%", "drove down costs by 12%".
PHRASAL_CHANGE_VERBS: tuple[str, ...] = (
    "put", "puts", "putting", "brought", "bring", "brings", "bringing", "pushed", "push", "pushes", "pushing",
    "drove", "driven", "drive", "drives", "driving", "jacked", "ramped", "scaled", "marked", "ratcheted",
    "bumped", "stepped",
)
#: Participles not ending in "-ed" that name, with "by" after them, what caused a change,
#: not its size: "rose sharply, driven by 12 new officers" (those in "-ed" are read so too).
AGENT_PARTICIPLES: tuple[str, ...] = ("driven", "taken", "given", "shaken", "overtaken", "beaten", "hit", "hurt", "offset", "led")
#: Words that end the predicate of a change before a "by" after it: past one, the "by" is
#: no longer the change's ("rose and were overtaken by 5 others", "fell, as was noted by 3").
CHANGE_BY_BREAKS: tuple[str, ...] = (
    "was", "were", "is", "are", "be", "been", "being", "has", "have", "had", "and", "or", "but", "than", "from",
    "to", "which", "that", "who", "when", "while", "as", "if", "because", "after", "before", "since", "until",
)
#: Words of a change for the better: a rise for most things measured ("EBITDA margin
#: improved to 21.17% from 15.4%", "the median price hit $186,000, 7.6 percent better
#: from $173,000") but a fall for others (crime, unemployment), so read as a rise they
#: bear a claim out and never prove it wrong.
JUDGED_UP: tuple[str, ...] = ("improved", "improves", "has improved", "have improved", "had improved", "better")
#: Words before a verb that make the change it names one planned or supposed, not one
#: that happened: "resolved to increase council tax by £1.48", "will cut jobs by 10%".
UNREALIZED_BEFORE: tuple[str, ...] = (
    "to", "will", "would", "could", "may", "might", "should", "must", "shall", "can", "cannot", "not", "never",
)
#: Verbs of a rate of change that changed, a direction only before "from" or "to": "up 2.9
#: percent on year, accelerating from 2.6 percent" (but "amid accelerating increases").
#: Words ending in "s" that are no plural noun a count in words stands before ("Three is a
#: crowd", "Two does not"), and the nouns of a span of time ("Two years later").
NOT_COUNTED_PLURALS: frozenset[str] = frozenset(
    "is was has does goes this thus plus less unless across perhaps always sometimes its his hers "
    "years months weeks days hours minutes seconds decades quarters times percent".split())
#: Words that open a clause with its own subject ("This 2% decline … comes as vehicle miles
#: simultaneously increased by 0.8%"): a claim after one does not point back with the
#: claim before it.
OWN_SUBJECT_SUBORDINATORS: tuple[str, ...] = ("as", "while", "whereas", "although", "though", "even as", "even though")
RATE_UP_VERBS: tuple[str, ...] = ("accelerated", "accelerating", "quickened", "quickening")
RATE_DOWN_VERBS: tuple[str, ...] = ("slowed", "slowing", "decelerated", "decelerating", "moderated", "moderating")
#: What flows in and what flows out, whose difference a net change is ("109,800 migrant
#: arrivals … and 47,800 migrant departures for a net gain of 62,000").
NET_IN_NOUNS: tuple[str, ...] = ("arrival", "arrivals", "inflow", "inflows", "immigrants", "immigration", "births",
                                 "hires", "admissions", "entries")
NET_OUT_NOUNS: tuple[str, ...] = ("departure", "departures", "outflow", "outflows", "emigrants", "emigration", "deaths",
                                  "separations", "discharges", "exits")
#: Words that set a level against a benchmark named after "the" ("above the national
#: average of 8.8%", "which lags the state average of 86 percent", "well over the budgeted
#: amount of $37,435"): a comparison, up or down, with the level or rate before them.
BENCHMARK_UP: tuple[str, ...] = ("above", "over", "outstripping", "outstripped", "outstrips")
BENCHMARK_DOWN: tuple[str, ...] = ("below", "under", "lags", "lagged", "lagging", "trails", "trailed", "trailing")
#: Nouns that name the level a change is measured "on" ("a rise of nearly 15% on the current
#: inmate level of 83,518", "up 4% on the previous year's total of 1,210"): after "on the"
#: and a few words, one of these and "of" make the number the base of the change.
BASE_LEVEL_NOUNS: tuple[str, ...] = ("level", "levels", "figure", "figures", "total", "totals", "number", "count",
                                     "tally", "population", "average")
#: What a level is expected to be, a benchmark named without "the" ("slightly under
#: consensus estimates of 230,000", "above analysts' forecasts of $4.1 billion").
FORECAST_NOUNS: tuple[str, ...] = ("estimate", "estimates", "expectation", "expectations", "forecast", "forecasts",
                                   "projection", "projections")
#: Words that set an amount of money above another named after them ("Revenue of $37.7
#: million was slightly ahead of revenue of $36.8 million"): read only before a sum of money
#: (not "ahead of the 9 a.m. deadline").
AHEAD_WORDS: tuple[str, ...] = ("ahead of",)
#: Verbs that set an outcome above or below a forecast named after them ("That beat forecasts
#: for a gain of 0.4 percent", "missed analysts' estimates of $4.1 billion"): a comparison,
#: read only before a forecast and its number.
FORECAST_UP_VERBS: tuple[str, ...] = ("beat", "beats", "beating", "bested")
FORECAST_DOWN_VERBS: tuple[str, ...] = ("missed", "misses", "missing")
#: Nouns "that" points back to a level with ("… 765 people hospitalized, and this week, that
#: number has jumped up to 909").
POINTER_NOUNS: tuple[str, ...] = ("number", "figure", "total", "count", "tally")
#: Nouns a sentence opens on to name again the rate of change the sentence before gave
#: ("The annual headline rate’s increase … came in below expectations for a 3.3% gain").
RATE_POINTER_NOUNS: tuple[str, ...] = ("rate", "increase", "rise", "gain", "decline", "drop", "fall", "reading",
                                       "figure", "growth")
#: Nouns that name a share set after its part and a comma ("2,061 graduated on time, a rate
#: of 88.1 percent").
SHARE_NAME_NOUNS: tuple[str, ...] = ("rate", "share", "proportion", "pass rate", "graduation rate", "take-up rate",
                                     "uptake rate", "coverage rate", "vaccination rate", "turnout", "turnout rate")
#: Words that name a narrower group of what is counted ("Cases among adults rose fourfold",
#: "deaths of people aged 65 and over").
NARROWING_WORDS: tuple[str, ...] = ("among", "aged")
#: Words that say a change is net of inflation ("earning 2.9% more in real terms").
REAL_TERMS_WORDS: tuple[str, ...] = ("in real terms", "after inflation", "adjusted for inflation",
                                     "in inflation-adjusted terms")
#: Participles that name a forecast after its number ("the 3% predicted by economists").
FORECAST_PARTICIPLES: tuple[str, ...] = ("predicted", "expected", "forecast", "forecasted", "projected", "anticipated")
SEARCH_UP_WORDS: tuple[str, ...] = ("uptick", "upticks", "raised", "boosted") + BENCHMARK_UP + PASS_VERBS + RATE_UP_VERBS
SEARCH_DOWN_WORDS: tuple[str, ...] = (
    "dwindled", "dwindling", "reduced", "slashed", "halved", "trimmed") + BENCHMARK_DOWN + RATE_DOWN_VERBS
#: Adjectives of the size of a change between "a" and its noun: "a dramatic increase",
#: "a sharp and concerted increase", "a big drop" (each is a direction stated alone).
CHANGE_SIZE_ADJECTIVES: tuple[str, ...] = tuple((
    "big bigger huge large larger massive major small smaller slight modest minor sharp sharper steep "
    "steeper dramatic drastic significant substantial considerable marked notable noticeable "
    "concerted sizeable sizable sudden steady gradual continued further overall record strong "
    "stronger dramatic sustained"
).split())
#: Change nouns sized by themselves, said alone before what changed: "a surge in
#: international visitors" is a sharp rise, as "surged" is.
SELF_SIZED_NOUNS: Mapping[str, str] = MappingProxyType({"surge": "surged", "spike": "spiked", "plunge": "plunged"})
#: Stems that make a change word a rise, for changes stated in words alone.
UP_STEMS: tuple[str, ...] = (
    "rose", "risen", "rising", "increas", "grew", "grow", "climb", "up", "higher", "soared", "surged",
    "skyrocketed", "spiked", "ballooned", "jumped",
)

# --- periods and rates ------------------------------------------------------------------------

#: The periods "last …" and "this …" label a level with: "last fall", "this term".
LABEL_PERIODS: tuple[str, ...] = (
    "year", "month", "week", "quarter", "fall", "spring", "summer", "winter", "season", "term", "semester",
)

#: Month names and their abbreviations, as prose writes them.
MONTHS: tuple[str, ...] = (
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
)
#: Units of time.
TIME_UNITS: tuple[str, ...] = ("day", "week", "month", "quarter", "year", "decade")
#: Rate phrases of the figure language, by the period they divide by.
RATE_PHRASES: Mapping[str, tuple[tuple[str, ...], ...]] = MappingProxyType({
    "day": (("a", "day"), ("per", "day"), ("daily",), ("each", "day"), ("every", "day"), ("/", "day"), ("a", "night")),
    "week": (("a", "week"), ("per", "week"), ("weekly",), ("each", "week"), ("every", "week"), ("/", "week")),
    "month": (("a", "month"), ("per", "month"), ("monthly",), ("each", "month"), ("every", "month"), ("/", "month")),
    # per-capita figures ("$12,914 per person", CMS) are amounts like rates a day
    "person": (("per", "person"), ("per", "capita"), ("per", "head"), ("a", "head"), ("per", "resident")),
    "household": (("per", "household"), ("a", "household")),
    "year": (
        ("a", "year"), ("per", "year"), ("yearly",), ("annually",), ("per", "annum"), ("each", "year"),
        ("every", "year"), ("/", "year"), ("a", "yr"), ("/", "yr"),
    ),
})  # fmt: skip
#: Period words of prose rates ("84 arrests a day", "weekly"), and the period each names.
PERIOD_WORDS: Mapping[str, str] = MappingProxyType({
    "day": "day", "daily": "day", "nightly": "day", "week": "week", "weekly": "week",
    "month": "month", "monthly": "month", "year": "year", "yearly": "year", "annually": "year",
    "annual": "year", "hour": "hour", "hourly": "hour",
})  # fmt: skip
#: Words that say a sum covers a year ("yearly increases … by £5", "£1.48 for the year",
#: "£60 a year"): the total a rate restated beside it is spread over.
YEARLY_WORDS: tuple[str, ...] = (
    "yearly", "annual", "annually", "a year", "per year", "per annum", "each year", "every year", "for the year",
    "a year's", "for the whole year", "for the full year")
#: Words before a sum that make it an average over the things it is "per" ("an average
#: price of $11.42 per share", "averaging $25 a ticket").
PER_UNIT_AVERAGE_WORDS: tuple[str, ...] = (
    "average", "averaged", "averaging", "averages", "average price of", "average cost of", "average of",
    "an average of", "an average price of", "an average cost of", "at an average of", "at an average price of")
#: What a sum of money is per when it is an amount per share of a company ("earned $2.5
#: billion, or 46 cents per share", "68 cents a diluted share"): no total, but a rate.
PER_SHARE_NOUNS: tuple[str, ...] = ("share", "diluted share", "basic share", "ordinary share")
#: The words that set a sum "per" one thing ("$11.42 per share", "$25 a ticket", "£3 each").
PER_UNIT_WORDS: tuple[str, ...] = ("per", "a", "an", "each", "for each", "for every")
#: Words before a rate per so many people that say it was worked out from a count and a
#: population ("a murder rate for white farmers of 108 per 100,000").
PER_CAPITA_RATE_WORDS: tuple[str, ...] = ("rate", "rates", "incidence", "prevalence")
#: Nouns a change is said "in" that name a rate, not a count ("a 50% reduction in the murder
#: ratio", "a 12 percent drop in the crime rate"): counts are then not its levels for sure.
RATE_CLAIM_NOUNS: tuple[str, ...] = ("rate", "ratio", "incidence", "prevalence")
#: Words right before a count that make it a population ("Baltimore, population about 620,000").
POPULATION_WORDS: tuple[str, ...] = ("population", "population of", "a population of", "populations of")
#: Words in a figure's unit that make it a rate already ("arrests/day", "per week").
RATE_UNIT_WORDS: tuple[str, ...] = (
    "per", "daily", "weekly", "monthly", "yearly", "annual", "annually", "annualized", "annualised",
    "a day", "a week", "a month", "a year", "rate", "average",
)
#: "per 100,000 residents": the populations a rate is written per.
PER_POPULATION_NOUNS: tuple[str, ...] = (
    "residents", "people", "population", "inhabitants", "persons", "adults", "children", "births",
    "live births", "students", "workers",
)

# --- the words around a figure ----------------------------------------------------------------

#: Words of a figure that carry no number of their own and change nothing.
FILLERS: tuple[str, ...] = (
    "a", "an", "by", "of", "was", "were", "is", "are", "has", "have", "had", "been", "went",
    # "an extra £20bn", "a further 2%", "5 points ahead", "a lead of 5 points"
    "extra", "further", "another", "additional", "ahead", "lead",
    # verbs of a level: "hit a record 745,000", "reached $5" claim the number as written
    "hit", "hits", "reached", "reaches", "totaled", "totalled", "totaling", "totalling",
)
#: Words that name an amount but carry no number ("most", "dozens").
VAGUE_WORDS: frozenset[str] = frozenset(
    "most many several few dozens hundreds thousands millions billions numerous countless "
    "plenty lots majority minority record".split()
)
#: Superlatives of a ranking against history ("the biggest rise since 1992").
SUPERLATIVES: tuple[str, ...] = (
    "biggest", "largest", "highest", "lowest", "smallest", "fastest", "slowest", "sharpest", "steepest",
    "strongest", "weakest", "worst", "best", "greatest", "deepest", "longest", "shortest", "most",
    "least", "first", "record",
)

# --- hedges and framing -----------------------------------------------------------------------

#: The words of each hedge rule (the bands are in :mod:`claimcheck.verdicts.hedges`).
HEDGE_WORDS: Mapping[str, tuple[str, ...]] = MappingProxyType({
    "exact": ("exactly", "precisely"),
    "nearly": (
        "nearly", "almost", "just under", "close to", "just shy of", "approaching", "nearing", "not quite",
        "just below", "just less than", "slightly less than", "slightly under", "slightly below",
        "a little under", "a little less than",
    ),
    "about": (
        "about", "around", "roughly", "approximately", "some", "an estimated", "estimated",
        "an average of", "on average", "averaging", "averaged", "more or less", "on the order of", "~",
    ),
    "just_over": (
        "just over", "just above", "slightly more than", "slightly over", "a little over", "a little more than",
        "just more than",
    ),
    "more_than": (
        "more than", "over", "above", "upwards of", "in excess of", "exceeding", "north of", "greater than",
        "higher than", "well over", "well above", "upward of",
        # verbs of passing a mark: "gas topped $5 a gallon" (AAA, June 2022) is V > 5
        "topped", "tops", "topping", "surpassed", "surpasses", "exceeded", "exceeds", "crossed", "eclipsed",
        "passed",
    ),
    # "As many as 3,000 people may have been affected" names the top of an estimate
    "as_many_as": ("as many as", "as much as", "as high as"),
    "at_least": ("at least", "no fewer than", "no less than", "a minimum of"),
    "less_than": ("less than", "fewer than", "under", "below", "lower than", "shy of", "well under", "well below"),
    "at_most": ("at most", "up to", "no more than", "a maximum of", "no greater than"),
    "slightly": (
        "slightly", "marginally", "edged", "dipped", "ticked", "inched", "a bit", "a little", "modestly",
        "nudged", "a tad", "crept",
    ),
    "sharply": (
        "sharply", "plunged", "plummeted", "soared", "surged", "skyrocketed", "tumbled", "dramatically",
        "steeply", "spiked", "collapsed", "cratered", "nosedived", "ballooned", "jumped", "sank",
        "significantly", "substantially",
        # wire verbs of a big move (tests/cases/calc_published_2.yaml, verb-rocketed)
        "rocketed", "rocketing", "tanked", "crashed",
    ),
    "multiple": ("doubled", "tripled", "quadrupled", "halved", "-fold", "times"),
})  # fmt: skip
#: Hedge words that are also the prepositions of a comparison: "an increase over
#: 184,533", "20% higher than 2019".
COMPARISON_HEDGES: frozenset[str] = frozenset(
    {"over", "above", "under", "below", "more than", "less than", "fewer than", "higher than", "lower than"}
)
#: Words that carry no number: reported as framing, ignored by the arithmetic.
FRAMING_WORDS: tuple[str, ...] = (
    "only", "just", "a mere", "merely", "a full", "fully", "a whopping", "whopping", "a staggering",
    "staggering", "as few as", "as little as",
    # "a record 745,000": the ranking is not computed, the number is checked
    "a record", "record", "a new record",
)


# --- a figure phrase as published -------------------------------------------------------------
#
# A reporter pastes the phrase as printed ("Philadelphia's 332 killings were a 15 percent
# drop from the 392 in 2007"); these are the words around the quantity that the phrase
# reader of :mod:`claimcheck.figures` looks for.

#: Words before a number that name it as the old value of the change ("from 396").
PHRASE_OLD_WORDS: tuple[str, ...] = ("from",)
#: Words before a number that name it as the new value ("rose to 4.2%", "at Rs 47 crore",
#: "would become £1,012.50").
PHRASE_NEW_WORDS: tuple[str, ...] = ("to", "at", "become", "becomes", "became")
#: Words before a number that name it as the base of a comparison ("17 percent less than
#: the 392", "down 68% against Rs 32.92 crore", "compared to ... (N5.934 trillion)").
PHRASE_BASE_WORDS: tuple[str, ...] = ("than", "against", "versus", "vs", "compared")
#: Words that name a base only with "the" after them ("4.7 percent over the Sh1.323
#: trillion", "above the average of 157,000"), and the direction each says, if any.
PHRASE_BASE_BEFORE_THE: Mapping[str, str | None] = MappingProxyType(
    {"over": None, "above": "up", "below": "down", "under": "down"}
)
#: "to" after these starts no endpoint: "according to", "equivalent to".
PHRASE_NOT_BEFORE_TO: frozenset[str] = frozenset(
    "according equivalent compared relative due thanks owing similar equal close next prior "
    "up down compare comparison amounting amounts amounted translating translates translated translate".split()
)
#: Words that may stand between a role word and its number ("from the 396", "than his
#: season average (49.6)") without ending the role.
PHRASE_DETERMINERS: frozenset[str] = frozenset(
    "the a an his her its their this that these those our old previous prior".split()
)
#: Words that may stand between "to" and its number ("fell to a record low of 4.2 percent").
PHRASE_TO_FILLERS: frozenset[str] = frozenset("a an the new record all time high low of reach".split())
#: Lines of accounts that "net" or "total" names, not a sum a sentence makes ("Reported net
#: income grew …", "Total revenue rose …").
ACCOUNT_LINE_NOUNS: tuple[str, ...] = (
    "income", "profit", "profits", "loss", "losses", "earnings", "sales", "revenue", "revenues", "worth", "assets",
    "debt", "margin", "expenses", "operating", "interest", "proceeds", "liabilities", "equity", "cash",
)
#: The words of a record set: "reached a new high", "an all-time low", "the previous
#: peak" (scan/records.py).
RECORD_UP_WORDS: tuple[str, ...] = ("high", "peak")
RECORD_DOWN_WORDS: tuple[str, ...] = ("low",)
#: Beating a record names the old value and a rise ("breaks the old record of 96 degrees").
RECORD_BREAK_VERBS: frozenset[str] = frozenset(
    "break breaks broke breaking beat beats beating smashed shattered surpassing".split()
)
#: What a height or depth is measured from: "1,200 feet above sea level", "10 degrees below
#: zero" are levels, not differences from a base.
POSITION_DATUMS: tuple[str, ...] = (
    "sea level", "sea", "ground", "ground level", "zero", "freezing", "surface", "water", "street", "street level",
    "grade", "floor", "ceiling",
)
#: Comparatives after a number and what they are as a direction word ("8.1 percent below"
#: is "8.1 percent lower").
TRAILING_COMPARATIVES: Mapping[str, str] = MappingProxyType(
    {"below": "lower", "under": "lower", "above": "higher", "over": "higher", "greater": "higher"}
)
#: Nouns of a change that say no direction, dropped before the figure is read ("a change
#: of 4.5 per cent", "a total of 34%").
PHRASE_NOMINALS: frozenset[str] = frozenset("change changes total swing difference".split())
#: Adjectives of a change's size, read as the adverb the hedge table knows ("took a
#: slight dip" is "dipped slightly").
INTENSITY_ADJECTIVES: Mapping[str, str] = MappingProxyType({
    "slight": "slightly", "marginal": "marginally", "modest": "modestly", "sharp": "sharply",
    "steep": "steeply", "dramatic": "dramatically", "significant": "significantly",
    "substantial": "substantially", "considerable": "significantly", "considerably": "significantly",
})  # fmt: skip
#: Words that deny what follows ("did not rise"): a phrase with one outside a hedge ("not
#: quite", "no more than") is refused rather than read without it.
NEGATIONS: frozenset[str] = frozenset({"not", "never", "no", "nor", "neither"})
#: Determiners before a direction word that make it a noun of the subject ("the fall
#: semester"), not the verb of the claim.
NOUN_DETERMINERS: frozenset[str] = frozenset("the this that last next its their his her our overall".split())
#: Period words of a phrase that are taken out like the comparison periods: "the first
#: half", "this season", "the 2011-12 school year".
PERIOD_HALVES: tuple[str, ...] = ("half", "quarter")
#: Words that make a change the whole of several rates before it, compounded: "a total
#: increase of 80% in two years" after "gone up 34% and 35% annually".
COMPOUND_TOTAL_WORDS: tuple[str, ...] = ("total", "cumulative", "combined", "overall", "compounded", "compound")
#: Nouns a level is named by with its year ("The District's 2011 figure represents fewer than
#: half the 232 homicides"): the level of that year printed before.
YEAR_FIGURE_NOUNS: tuple[str, ...] = ("figure", "total", "number", "count", "tally")
#: Verbs between such a named level and the share it is said to be.
YEAR_FIGURE_VERBS: tuple[str, ...] = ("represents", "represented", "is", "was", "amounts to", "amounted to", "marks", "marked")
PERIOD_ORDINALS: tuple[str, ...] = ("first", "second", "third", "fourth", "last", "final", "latest", "previous")
PERIOD_ADJECTIVES: tuple[str, ...] = ("school", "academic", "fiscal", "financial", "calendar", "tax", "budget")
SEASONS: tuple[str, ...] = ("season", "semester", "term", "fall", "spring", "summer", "winter", "autumn")


# --- building patterns from the lists -------------------------------------------------------


def alternation(words: Iterable[str]) -> str:
    """A regular-expression alternation of ``words``, longest first, spaces matching any
    run of white space: the one way a word list becomes part of a pattern."""
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(set(words), key=lambda w: (-len(w), w)))
