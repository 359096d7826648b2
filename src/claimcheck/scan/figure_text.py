"""A claim's phrase as the figure language reads it.

The scan finds a claim in prose as it was printed; the figure language
(:mod:`claimcheck.figures`) reads one way of writing each number. These rewrite a phrase's
numbers into that way, keeping their value and their precision: a sum in a minor unit in
the major one ("risen 24p" → "risen £0.24", "rose 27 cents" → "rose $0.27") and a decimal
comma as a point ("(31,1%)" → "(31.1%)"), "25 pct" and "5pc" as "25%" and "5%"; and a change
without the thing it changed ("increased its sales 4%" → "increased 4%").
"""

from __future__ import annotations

import re
from decimal import Decimal

from claimcheck import lexicon

__all__ = ["decimal_commas_as_points", "minor_units_as_major", "object_dropped", "percent_spellings_as_sign"]


# "risen 24p", "(42p a month)": pence in a claim's phrase, for the figure language
# ("risen 24p", "fell 3.2ppl", "risen 0.3 p/litre": pence, and British fuel copy's pence a litre)
_PENCE = re.compile(r"(?<![\w.,$\u00a3\u20ac])(?P<num>\d{1,3}(?:\.\d+)?)(?:(?P<unit>" + lexicon.alternation(lexicon.MINOR_UNIT_SUFFIXES)
                    + r")(?:pl)?|\s?(?P<litre>p)\s?/\s?l(?:itre)?|\s(?P<word>(?i:" + lexicon.alternation(lexicon.MINOR_UNIT_WORDS) + r")))\b")


def minor_units_as_major(phrase: str) -> str:
    """``phrase`` with each sum in a minor unit written in the major one ("has risen 24p"
    → "has risen £0.24"): the same number of the same currency, and the same precision
    (one penny is £0.01)."""
    def major(m: re.Match) -> str:
        if m.group("word"):
            sign = lexicon.MINOR_UNIT_WORDS[m.group("word").lower()]
        elif m.group("num") in lexicon.RESOLUTION_NUMBERS:
            return m.group(0)
        else:
            sign = lexicon.MINOR_UNIT_SUFFIXES[m.group("unit") or m.group("litre")]
        return sign + format(Decimal(m.group("num")).scaleb(-2), "f")
    return _PENCE.sub(major, phrase)


_DECIMAL_COMMA_IN = re.compile(r"(?<![\w.,])(?P<a>\d{1,3}),(?P<b>\d{1,2})(?=\s?(?:%|per[\s-]?cent\b|percent\b|(?:"
                               + lexicon.alternation(list(lexicon.SCALE_WORDS) + list(lexicon.PROSE_SCALE_ABBREVIATIONS)) + r")\b))", re.I)


def decimal_commas_as_points(phrase: str) -> str:
    """``phrase`` with each decimal comma before a percent or a scale written as a point
    ("(31,1%)" → "(31.1%)"), as :mod:`claimcheck.scan.digits` reads the number."""
    return _DECIMAL_COMMA_IN.sub(r"\g<a>.\g<b>", phrase)


_OBJECT_LEAD = re.compile(
    r"(?P<v>" + lexicon.alternation(lexicon.TRANSITIVE_CHANGE_VERBS) + r")\s+(?:its|their|his|her|our|the)\s+(?:[a-z][\w'\u2019-]*\s+){1,3}?(?=\S*\d)", re.I)


def object_dropped(phrase: str) -> str | None:
    """"increased its sales 4%" as "increased 4%": the verb and the size, without the thing
    changed; None when the phrase does not open so."""
    m = _OBJECT_LEAD.match(phrase)
    return None if m is None else m.group("v") + " " + phrase[m.end() :]


_PCT_SPELLING = re.compile(r"(?<=\d)(?:\s?(?i:pct)\b\.?|pc\b)")


def percent_spellings_as_sign(phrase: str) -> str:
    """``phrase`` with "pct" and "pc" after a number written as the sign ("rose 25 pct" →
    "rose 25%"), as :mod:`claimcheck.scan.digits` reads them."""
    return _PCT_SPELLING.sub("%", phrase)
