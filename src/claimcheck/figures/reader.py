"""The strict reader: one left-to-right pass over a figure written in the figure language
("nearly 20% drop", "rose by 0.3 percentage points to 4.2%"). Anything it does not know
is refused, with the word that stopped it."""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction

from claimcheck import lexicon
from claimcheck.figures.assemble import assemble
from claimcheck.figures.model import ClaimedFigure, Level
from claimcheck.figures.quantity import Item, Reader
from claimcheck.figures.tokens import INTENSITY_RULES, LEXICON, MAX_PHRASE, Refused, Unknown, tokenize

_CHANGE_NOUNS = lexicon.CHANGE_NOUNS
_VAGUE = lexicon.VAGUE_WORDS


def read(raw: str, text: str, ranking: tuple[str, ...]) -> ClaimedFigure:
    toks = tokenize(text)
    words = tuple(t for _, t in toks)
    rd = Reader(toks)
    item: Item | None = None
    directions: list[str] = []
    hedges: list[str] = []
    intensities: list[str] = []
    framing: list[str] = []
    per: str | None = None
    noun: str | None = None
    nouns = 0  # words in the noun: "87,000 IRS agents" (calc_published_2.yaml, us-87000-irs-agents)
    levels: dict[str, Level] = {}
    per_base: Fraction | None = None
    prev_of = False
    i = 0
    while i < rd.n:
        w = words[i]
        if (w in ("to", "from") and item is not None and w not in levels and (directions or item.direction)
                and item.kind in ("percent", "points", "count", "multiple")):
            # "rose by 0.3 percentage points to 4.2%" (ONS), "fell 25% from $120": the level
            # the change ended at or started from, checked by the verdict against the
            # computation's new (old) value (calc_published_2.yaml, uk-jobless-points-to-level)
            j = i + 1
            while j < rd.n and words[j] in ("a", "an", "new", "record", "high", "low", "of"):
                j += 1
            lv = rd.item(j) if j < rd.n and toks[j][0] == "num" else None
            if lv is not None and lv[0].kind in ("percent", "count") and not lv[0].signed:
                li, j = lv
                levels[w] = Level(li.value, li.u, li.kind == "percent", " ".join(words[i:j]))
                i = j
                prev_of = False
                continue
        if (w == "per" and item is not None and per_base is None and item.kind == "count" and not item.currency
                and i + 1 < rd.n and toks[i + 1][0] == "num"):
            # "6.5 per 100,000 people": a rate per so many (FBI, CDC)
            base = rd.small_int(i + 1)
            if base is not None and base[0] >= 10:
                per_base = Fraction(base[0])
                i = base[1]
                continue
        got = rd.item(i)
        if got is not None:
            if item is not None:
                raise Unknown("it has two numbers; a figure is one claimed number (put the data in figures:)")
            item, i = got
            prev_of = False
            continue
        entry, length = None, 0
        for k in range(min(MAX_PHRASE, rd.n - i), 0, -1):
            cand = LEXICON.get(words[i : i + k])
            if cand is None:
                continue
            if cand.hedge_only and item is not None:
                continue  # a hedge qualifies the number after it: "20% higher than" is refused
            if cand.per and item is None:
                continue
            entry, length = cand, k
            break
        if entry is None:
            kind, tok = toks[i]
            # a noun of up to three words after the number ("87,000 IRS agents"), or one
            # word naming what changed before a change noun ("a 6.5 per cent pay rise")
            extends = noun is not None and nouns < 3 and toks[i - 1][0] == "word" and words[i - 1] == noun.split()[-1]
            before_change = (item is not None and noun is None and i + 1 < rd.n
                             and words[i + 1] in _CHANGE_NOUNS and tok not in _VAGUE)
            if kind == "word" and item is not None and (
                    (noun is None and (prev_of or item.noun_ok)) or extends or before_change):
                if tok.endswith(("ed", "ing", "ly")):
                    raise Unknown(
                        f"'{tok}' after the number reads as part of a sentence; the figure "
                        "field holds only the figure (put the sentence in statement:)"
                    )
                noun = tok if noun is None else f"{noun} {tok}"
                nouns += 1
                i += 1
                prev_of = False
                continue
            if tok in _VAGUE:
                raise Refused(f"'{tok}' carries no number; write the share or count ('a majority', 'more than 50%')")
            if tok == "times" or tok == "fold":
                raise Refused(f"'{tok}' needs a number before it ('2.5 times', 'three-fold')")
            raise Unknown(f"'{tok}' is not part of the figure language")
        if entry.rule:
            (intensities if entry.rule in INTENSITY_RULES else hedges).append(entry.rule)
        if entry.direction:
            directions.append(entry.direction)
        if entry.framing:
            framing.append(entry.framing)
        if entry.per:
            if per is not None:
                raise Refused("it has two rates")
            per = entry.per
        prev_of = entry.filler and toks[i][1] == "of"
        i += length
        if i == rd.n and entry.filler and toks[-1][1] in ("of", "by", "a", "an"):
            raise Refused(f"it ends with '{toks[-1][1]}'")
    fig = assemble(raw, item, directions, hedges, intensities, framing + list(ranking), per, noun)
    if levels or per_base is not None:
        if per_base is not None and fig.unit != "count":
            raise Refused("'per' a number applies to a count ('6.5 per 100,000 people')")
        fig = replace(fig, level_to=levels.get("to"), level_from=levels.get("from"), per_base=per_base)
    return fig
