"""The figure as published: a phrase pasted from the page, read for the quantity it claims
and the numbers it names.

The strict reader (:mod:`claimcheck.figures.reader`) reads the figure language, a phrase
that is all figure ("nearly 20% drop"). A reporter pastes more: a subject and its verb
("Philadelphia's 332 killings were a 15 percent drop from the 392 in 2007"), a connector
(", down 3.4 percent", "(23%)", "which was 31 percent"), a noun of the change ("a rise of 7
per cent"), a comparison ("17 percent less than the 392 the year before"), endpoints
("climbed to 6.1% from 5.4% in March") or two quantities joined by "or" ("a rise of 7 per
cent or 2,300 more homes"). This reader is tried only when the strict reader refuses, so
every figure it reads keeps its reading. It works in four steps:

1. **Normalise** what print does to numbers: "2015's $56,500" (the year's possessive),
   "33,2 billion" (a decimal comma before a scale word), "Rs 47 crore" and "Sh1.3 trillion"
   (currency codes), "Q1FY10" (labels), "one and a half", "a full percentage point",
   "(2,479 to 2,344)"; and take out periods, years and rankings, as the strict reader does,
   with a few more a sentence carries ("the year before", "the 2011-12 school year").
2. **Name** the numbers the phrase gives a role: the old value ("from", "up from"), the new
   ("to", "at", "become"), the base of a comparison ("than the", "against", "over the",
   "compared to … (X)", "breaks the record of"), the part and whole of a share ("133 of 199
   seats", "35% of the total … of 2.83 trillion"), and a number in the subject ("332
   killings were a 15 percent drop": the new value, or the part of a share).
3. **Choose** the claimed quantity among the numbers left: one with a unit (a percent,
   points, a multiple, a share in words) before a plain count; a count that a direction
   word, hedge or "by" stands next to before one that stands alone. Two quantities joined
   by "or", or the second in brackets, are both claims. Two that nothing tells apart are
   refused, quoting both. No quantity at all: the direction words make a direction-only
   claim ("rose to 3.8% from 3.5%"), or the one level named is the claim ("stood at
   N18.804 trillion"); with neither the phrase is refused.
4. **Read** the quantity's own words with the strict reader: the hedges, framing and
   direction words next to it ("just over an 11% increase"), a comparative after it ("8.1
   percent below" is 8.1% lower), and the phrase's direction verb when the quantity has
   none of its own ("sank in its freshman enrollment by 191 students"). A level followed by
   "up from" or "down from" is the new value of a direction-only claim ("represent 11.1
   percent, up from 9.4 percent").

Refused: a negation outside a hedge ("did not rise"), an -ed or -ing word right after the
claimed number ("more than 18,000 deported" may be a misspelt direction), a comparison
with nothing after "than" ("20% higher than"), no quantity, or two that cannot be told
apart. Every pattern is a fixed alternation of literal words with bounded repeats, so
reading stays linear in the (capped) length of the phrase.
"""

from __future__ import annotations

from dataclasses import replace
from fractions import Fraction

from claimcheck import lexicon
from claimcheck.figures.clauses import (
    DIRECTIONS,
    EMPTY_BRACKETS_RE,
    INTENSITY,
    PHRASE_PERIOD_RE,
    Tok,
    clause_tokens,
    known_at,
    known_ending,
    normalise,
    verb_of_change,
    word_at,
)
from claimcheck.figures.model import ClaimedFigure, Level
from claimcheck.figures.reader import read
from claimcheck.figures.quantity import Reader
from claimcheck.figures.roles import Cand, Roles, candidates, level_of
from claimcheck.figures.tokens import LEXICON, Refused, strip_context

__all__ = ["NoQuantity", "read_phrase"]


class NoQuantity(Refused):
    """The phrase holds no quantity to check (the strict reader's reason says more)."""


# --- step 4: the claimed quantity's own words ---------------------------------------------------


def _core(toks: list[Tok], c: Cand, taken: list[bool], cands: list[Cand]) -> tuple[list[str], bool]:
    """The words of the figure language around ``c``: hedges, framing and direction words
    before it, direction words and comparatives after it; and whether one is a direction."""
    starts = {k.start for k in cands}
    left: list[str] = []
    i = c.start
    while i > 0:
        if taken[i - 1] or toks[i - 1][0] == "brk" or (i - 1) in starts:
            break
        w = toks[i - 1][1]
        if w in lexicon.PHRASE_NOMINALS:
            if left and left[0] == "of":
                left.pop(0)
            i -= 1
            continue
        if w in lexicon.INTENSITY_ADJECTIVES:
            left.insert(0, lexicon.INTENSITY_ADJECTIVES[w])
            i -= 1
            continue
        k = known_ending(toks, i)
        if not k or any(taken[i - k : i]):
            break
        if k == 1 and (w,) in DIRECTIONS and not verb_of_change(toks, i - 1) and w not in ("up", "down"):
            # "the two rallies was 72 percent": a noun of the subject, not the claim's verb
            prev = toks[i - 2] if i >= 2 else None
            if prev is not None and (prev[1] in lexicon.NOUN_DETERMINERS or prev[0] == "num"
                                     or prev[1] in lexicon.ONES or prev[1] in lexicon.TENS):
                break
        left[:0] = [t for _, t in toks[i - k : i]]
        i -= k
    right: list[str] = []
    j = c.end
    while j < len(toks) and not taken[j] and toks[j][0] != "brk":
        w = toks[j][1]
        if w in lexicon.TRAILING_COMPARATIVES and (w != "over" or word_at(toks, j + 1) != "the"):
            right.append(lexicon.TRAILING_COMPARATIVES[w])
            j += 1
            continue
        if (w,) in DIRECTIONS:
            right.append(w)
            j += 1
            continue
        break
    body = [t for _, t in toks[c.start : c.end]]
    words = left + body + right
    directed = any((w,) in DIRECTIONS for w in left + right) or any(
        DIRECTIONS.get(tuple(words[a : a + 2])) for a in range(len(words) - 1))
    return words, directed


def _detached_direction(toks: list[Tok], before: int, taken: list[bool]) -> str | None:
    """The phrase's direction verb when the quantity has none: the nearest verb of change
    before it ("sank in its freshman enrollment by 191 students")."""
    for i in range(before - 1, -1, -1):
        if not taken[i] and verb_of_change(toks, i):
            return toks[i][1]
    return None


def _refuse_after_number(toks: list[Tok], c: Cand, taken: list[bool]) -> None:
    j = c.end
    if j >= len(toks) or taken[j] or toks[j][0] != "word":
        return
    w = toks[j][1]
    last = toks[c.end - 1][1]
    noun = last in lexicon.PLAIN_POINT_WORDS or last in lexicon.CURRENCY_WORDS or last in lexicon.SCALE_WORDS
    if not noun and w.endswith(("ed", "ing", "ly")) and (w,) not in LEXICON and w not in lexicon.TRAILING_COMPARATIVES:
        raise Refused(
            f"'{w}' right after the number may be a misspelt direction or part of the sentence; cut it "
            "or write the direction ('fell', 'rose')"
        )


def _negation(toks: list[Tok]) -> None:
    for i, (kind, w) in enumerate(toks):
        if kind == "word" and (w in lexicon.NEGATIONS or w.endswith("n't")) and not known_at(toks, i):
            raise Refused(f"'{w}' denies what follows, and a figure is read as said; cut the phrase to the figure")


def _strict(raw: str, words: list[str], ranking: tuple[str, ...]) -> ClaimedFigure:
    return read(raw, " ".join(words), ranking)


def _points_as_count(fig: ClaimedFigure, toks: list[Tok], c: Cand) -> ClaimedFigure:
    """"26 points off pull-up shooting", "64 points generated": bare points with no change
    and no percent in the phrase are a count of points, not percentage points."""
    last = toks[c.end - 1][1]
    if (fig.unit != "points" or fig.direction != "none" or last not in lexicon.PLAIN_POINT_WORDS
            or any(t in ("%", "percent", "percentage", "pct", "cent") or t.endswith("%") for _, t in toks)):
        return fig
    scale = Fraction(100)
    return replace(fig, unit="count", value=fig.value * scale if fig.value is not None else None,
                   u=fig.u * scale if fig.u is not None else None, noun="points")


def read_phrase(raw: str, lowered: str) -> ClaimedFigure:
    """Read ``raw`` (lower-cased as ``lowered``) as a figure phrase as published.

    Raises :class:`NoQuantity` when the phrase holds no quantity, :class:`Refused` with
    the reason when it holds one that cannot be read or two that cannot be told apart.
    """
    text, ranking = strip_context(normalise(lowered))
    text = PHRASE_PERIOD_RE.sub(" ", text)
    text = EMPTY_BRACKETS_RE.sub(" ", text)
    toks = clause_tokens(text)
    if not toks:
        raise NoQuantity("the phrase names no quantity")
    _negation(toks)
    rd = Reader(toks)
    cands = candidates(toks, rd)
    roles = Roles(toks, cands)
    roles.find()
    taken = roles.taken
    if toks[-1][1] == "than" and not taken[-1]:
        raise Refused("'than' names no base; cut it, or give the base ('20% higher than the 480')")

    free = [c for c in cands if c.role is None and c.strength > 0]
    claim, second = _choose(toks, free, cands)
    for c in free:
        if claim is not None and c is not claim and c is not second and c.start < claim.start \
                and c.item.kind == "count":
            # "Philadelphia's 332 killings were a 15 percent drop": a number of the subject
            c.lead, c.role = c.start, "subject"

    if claim is None:
        fig = _without_quantity(raw, toks, taken, roles, cands, ranking)
    else:
        _refuse_after_number(toks, claim, taken)
        words, directed = _core(toks, claim, taken, cands)
        if not directed and claim.item.direction is None and not claim.item.signed:
            d = _detached_direction(toks, claim.start, taken)
            if d:
                words.insert(0, d)
        fig = _points_as_count(_strict(raw, words, ranking), toks, claim)
        fig = _up_from(fig, claim, roles, toks)
        if second is not None:
            words2, _ = _core(toks, second, taken, cands)
            fig = replace(fig, also=_points_as_count(read(_shown(toks, second), " ".join(words2), ()), toks, second))
    framing = [w for i, (_, w) in enumerate(toks)
               if known_at(toks, i) == 1 and LEXICON[(w,)].framing and w not in fig.framing]
    return _with_levels(fig, [c for c in cands if c.role is not None], toks, framing)


def _shown(toks: list[Tok], c: Cand) -> str:
    """The words of a second quantity as the phrase gives them, to its clause's end ("or
    almost 240,000 extra tourists" → "almost 240,000 extra tourists")."""
    start = c.start
    while start > 0 and toks[start - 1][0] != "brk" and toks[start - 1][1] != "or":
        start -= 1
    end = c.end
    while end < len(toks) and toks[end][0] != "brk":
        end += 1
    return " ".join(t for _, t in toks[start:end])


def _choose(toks: list[Tok], free: list[Cand], cands: list[Cand]) -> tuple[Cand | None, Cand | None]:
    """Step 3: the claimed quantity, and a second one joined by "or" or in brackets."""
    if not free:
        return None, None
    for a, b in zip(free, free[1:]):
        between = toks[a.end : b.start]
        joined = ("word", "or") in between or ("brk", "(") in between
        if joined and all(c is a or c is b or c.start < a.start for c in free):
            return a, b
    strong = [c for c in free if c.strength == 2]
    if len(strong) == 1:
        return strong[0], None
    if len(strong) > 1:
        raise Refused(_two(toks, strong[0], strong[1]))
    # counts only: the one a direction word, hedge or "by" stands next to
    marked = [c for c in free if _marked(toks, c)]
    if len(marked) == 1:
        return marked[0], None
    if len(marked) > 1:
        raise Refused(_two(toks, marked[0], marked[1]))
    if len(free) == 1:
        return free[0], None
    raise Refused(_two(toks, free[0], free[1]))


def _marked(toks: list[Tok], c: Cand) -> bool:
    """Whether a direction word, a hedge or "by" stands next to the count ``c``."""
    k = known_ending(toks, c.start)
    if k:
        phrase = tuple(t for _, t in toks[c.start - k : c.start])
        entry = LEXICON[phrase]
        if entry.direction or entry.rule or phrase == ("by",):
            return True
    nxt = word_at(toks, c.end)
    return nxt is not None and ((nxt,) in DIRECTIONS or nxt in lexicon.TRAILING_COMPARATIVES)


def _two(toks: list[Tok], a: Cand, b: Cand) -> str:
    show = lambda c: " ".join(t for _, t in toks[c.start : c.end])  # noqa: E731
    return (f"it has two numbers, '{show(a)}' and '{show(b)}', and nothing says which is the claim; "
            "cut the phrase to the one claimed (join two claims with 'or')")


def _up_from(fig: ClaimedFigure, claim: Cand, roles: Roles, toks: list[Tok]) -> ClaimedFigure:
    """"represent 11.1 percent, up from 9.4 percent": the level is the new value of a
    direction-only claim, the direction the one before "from"."""
    if fig.value is None or fig.direction != "none" or fig.unit not in ("percent", "count", "money"):
        return fig
    said = [d for i, d in roles.directions if i > claim.start and word_at(toks, i + 1) in lexicon.PHRASE_OLD_WORDS]
    if not said or any(c.role == "new" for c in roles.cands):
        return fig
    claim.role, claim.lead = "new", claim.start
    return replace(fig, value=None, u=None, unit="percent", direction=said[0], qualifier="exact")  # type: ignore[arg-type]


def _without_quantity(raw: str, toks: list[Tok], taken: list[bool], roles: Roles, cands: list[Cand],
                      ranking: tuple[str, ...]) -> ClaimedFigure:
    """A phrase with no free quantity: a direction-only claim, or the one level named."""
    levels = [c for c in cands if c.role is not None]
    words: list[str] = []
    # the verb of a direction-only claim comes before its endpoints ("lower than the 107,000
    # companies added"): words after the first number named describe that number
    first = min((c.end for c in levels), default=len(toks))
    for i, (kind, w) in enumerate(toks):
        if kind != "word" or taken[i]:
            continue
        if (w,) in DIRECTIONS and (i < first or verb_of_change(toks, i)) \
                and word_at(toks, i - 1) not in lexicon.NOUN_DETERMINERS:
            words.append(w)
        elif (w,) in INTENSITY:
            words.append(w)
        elif w in lexicon.INTENSITY_ADJECTIVES:
            words.append(lexicon.INTENSITY_ADJECTIVES[w])
    words += [("rose" if d == "up" else "fell") for _, d in roles.directions]
    dirs = {DIRECTIONS[(w,)] for w in words if (w,) in DIRECTIONS}
    if len(dirs) > 1:
        raise Refused("it says both up and down; cut the phrase to the one change claimed")
    if dirs:
        d = dirs.pop()
        words = [w for w in words if (w,) not in DIRECTIONS or DIRECTIONS[(w,)] == d]
        # one direction word is enough; keep the intensity words
        first = next(w for w in words if (w,) in DIRECTIONS)
        words = [w for w in words if (w,) not in DIRECTIONS or w == first]
        seen: list[str] = []
        for w in words:
            if w not in seen:
                seen.append(w)
        return _strict(raw, seen, ranking)
    new = [c for c in levels if c.role == "new"]
    if new and len(levels) == 1:
        # "stood at N18.804 trillion", "to 12.4 million": the level named, with no change
        return ClaimedFigure(raw, None, None, "count", "none", "exact", ranking)
    if levels:
        raise NoQuantity("the phrase names only the endpoints of a change; add its direction or size "
                         "('fell from 31,000 to 27,000', 'down 13% from 31,000')")
    raise NoQuantity("the phrase names no quantity: no number, direction or multiple")


def _with_levels(fig: ClaimedFigure, levels: list[Cand], toks: list[Tok], framing: list[str]) -> ClaimedFigure:
    by_role: dict[str, Level] = {}
    named: list[Level] = []
    for c in levels:
        lv = level_of(c, toks)
        if lv is None:
            continue
        role = c.role
        if role == "subject":
            role = "part" if fig.direction == "none" and fig.unit in ("percent", "share") else "new"
            if role == "new" and ("new" in by_role or any(k.role == "new" for k in levels)):
                role = "old"
            lv = replace(lv, role=role)
        if role in ("old", "base"):
            if "from" in by_role:
                named.append(lv)
            else:
                by_role["from"] = lv
        elif role == "new":
            if "to" in by_role:
                named.append(lv)
            else:
                by_role["to"] = lv
        else:
            if role == "whole" and fig.direction != "none":
                lv = replace(lv, role="base")
                if "from" not in by_role:
                    by_role["from"] = lv
                    continue
            named.append(lv)
    out = replace(
        fig,
        level_from=fig.level_from or by_role.get("from"),
        level_to=fig.level_to or by_role.get("to"),
        named=fig.named + tuple(named),
        framing=tuple(dict.fromkeys(fig.framing + tuple(framing))),
    )
    if out.value is None and out.direction == "none" and out.level_to is None:
        raise NoQuantity("the phrase names no quantity: no number, direction or multiple")
    return out
