"""``claimcheck scan``: the numeric claims in an article, and the self-contained ones checked.

An article is read (:mod:`~claimcheck.scan.document`), cut into paragraphs and sentences
(:mod:`~claimcheck.scan.sentences`); the quantities of each sentence are found
(:mod:`~claimcheck.scan.detect`); for each claimed figure the evidence search
(:mod:`~claimcheck.scan.evidence`, whose steps are :mod:`~claimcheck.scan.items` and
:mod:`~claimcheck.scan.search`) looks for the printed numbers it derives from in its
paragraph. A claim with evidence is judged by the same engine as ``claimcheck calc``; a
claim without is listed as needing a source. Raw levels ("344 slayings") are evidence,
never findings by themselves; years, dates, ages, ordinals, ranks and phone numbers are
neither.

Every finding is located in the ORIGINAL file (1-based line and column), whatever markup
was stripped. The core never prints; unreadable input is a
:class:`~claimcheck.results.Problem` in the result. Findings stream: :func:`iter_findings`
yields them paragraph by paragraph, so memory does not grow with the article.

(Longer than 500 lines: the records, the reading of a claimed figure and the paragraph
loop — with its context before and look-ahead after — are the one path a finding is made
on, kept in one place.)
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Any, Iterator, Literal

from claimcheck import lexicon
from claimcheck.expr.computation import Computation
from claimcheck.numbers import Written
from claimcheck.figures import ClaimedFigure
from claimcheck.results import Problem
from claimcheck.verdicts.diagnoses import Diagnosis
from claimcheck.scan.detect import may_hold_numbers, read_sentence, sentence_words
from claimcheck.scan.figure_text import decimal_commas_as_points, minor_units_as_major, object_dropped, percent_spellings_as_sign
from claimcheck.scan.phrase import PASSED_BY, changed_by_lead, rate_noun_dropped
from claimcheck.scan.words import one_point_as_digits
from claimcheck.scan.document import Doc, DocStream, Format, Source, guess_format, open_input
from claimcheck.scan.items import Candidate, Check, Claim, Item, Sentence, build_items, clause_bounds, clause_starts, may_hold_claims
from claimcheck.scan.candidates import PERCENT_UNSAID
from claimcheck.scan.search import search
from claimcheck.scan.sentences import split_sentences

Status = Literal["checked", "needs-source"]

#: Sentences longer than this many characters are cut into pieces of this size (numbers
#: are still found in every piece); a run-on line cannot slow the search.
MAX_SENTENCE = 2000


# --- records ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Level:
    """A raw number a checked claim was computed from, as the article prints it."""

    text: str
    """As written: "4,409", "$3.2 million", "6.2 percent"."""
    written: Written
    """Its exact value (the one the computation used)."""
    kind: str
    """count, money, rate or percent."""
    noun: str | None
    """What it counts, when the words after it say: "slayings", "jobs"."""
    per: str | None
    """The period of a rate: "day" for "990 arrests a day"."""
    time: tuple[int, int] | None
    """Its time label: (year, month), month 0 for a whole year; (0, -1) for "last year",
    (0, -2) for "the year before", (0, 0) for "this year"."""
    line: int
    col: int


@dataclass(frozen=True, slots=True)
class Finding:
    """One numeric claim found in prose."""

    path: str
    """The file as given (``-`` for standard input)."""
    line: int
    """1-based line of the claim's first character in the original file."""
    col: int
    """1-based column (in characters) of that character."""
    sentence: str
    """The sentence it was found in, whitespace collapsed."""
    phrase: str
    """The claim as written, whitespace collapsed: "only down 10%", "fell to 558 from 596"."""
    kind: str
    """percent, points, count, rate, money, multiple, share, change (a change in words
    only, such as "dipped slightly") or direction (a direction stated alone)."""
    status: Status
    """``checked`` when the paragraph carries the claim's evidence and it was judged;
    ``needs-source`` otherwise."""
    figure: ClaimedFigure | None = None
    """The phrase parsed by the figure language, when it parses."""
    figure_text: str | None = None
    """The text the figure was parsed from (the phrase, or a normalised form of it)."""
    compute: str | None = None
    """The computation, with the numbers as written: ``pct_change(31000, 27000)``."""
    inputs: tuple[str, ...] = ()
    """The raw numbers the computation uses, as written: ("31,000", "27,000")."""
    verdict: str | None = None
    """accurate, approximate, inaccurate or unverifiable, for a checked claim."""
    value: str | None = None
    """The recomputed value as shown: "−12.90%"."""
    arithmetic: str | None = None
    """The arithmetic written out: "(27,000 − 31,000) ÷ 31,000 = −12.90%"."""
    rule: str | None = None
    """The rule applied, in words."""
    diagnoses: tuple[Diagnosis, ...] = ()
    """What went wrong (wrong base, points for percent…): kind, sentence and numbers."""
    framing: tuple[str, ...] = ()
    """Words that carry no number ("only", "just")."""
    judgement: Any = None
    """The verdict engine's own record, for callers that want more."""
    end_line: int | None = None
    end_col: int | None = None
    """1-based position of the phrase's last character."""
    note: str | None = None
    """Why a claim that looked checkable was not checked, when that is worth saying; for a
    checked claim, a reading of its words the check rests on ("read 'by 13.01 percent' as
    the rate it rose to, …")."""
    relation: str | None = None
    """The relation the evidence was found in: percent change, share, difference…"""
    pairing: str | None = None
    """Why those numbers: the structure that chose them ("'from' before 396; …")."""
    clause: str | None = None
    """The clause the claim stands in, whitespace collapsed: a claim file's statement."""
    levels: tuple[Level, ...] = ()
    """The raw numbers of :attr:`computation`, each with its unit and time label."""
    computation: Computation | None = None
    """What :attr:`compute` writes out, with the exact numbers."""


@dataclass(frozen=True, slots=True)
class ScanResult:
    """One scanned input: its findings, or the problem that kept it from being read."""

    path: str
    format: str | None = None
    findings: tuple[Finding, ...] = ()
    problems: tuple[Problem, ...] = ()

    @property
    def invalid(self) -> bool:
        return bool(self.problems)

    @property
    def checked(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.status == "checked")

    @property
    def needs_source(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.status == "needs-source")

    @property
    def inaccurate(self) -> tuple[Finding, ...]:
        return tuple(f for f in self.findings if f.verdict == "inaccurate")

    def counts(self) -> dict[str, int]:
        """Findings by outcome: each verdict, and ``needs-source``."""
        out = {"accurate": 0, "approximate": 0, "inaccurate": 0, "unverifiable": 0, "needs-source": 0}
        for f in self.findings:
            key = f.verdict if f.status == "checked" and f.verdict else "needs-source"
            out[key] = out.get(key, 0) + 1
        return out


# --- reading the claimed figure ---------------------------------------------------------------


def _collapse(text: str) -> str:
    """``text`` with each run of white space one space, trimmed (str.split splits at
    the white space characters a regular expression's ``\\s`` matches)."""
    return " ".join(text.split())


_WIDENED = re.compile(r"\b(?:widen(?:ed|ing)|bounced|rebounded)\b", re.I)
_NARROWED = re.compile(r"\bnarrow(?:ed|ing)\b", re.I)
# ("5,517 …, 0.4 percent above the 5,496 sold a year ago": a number set above or below its
# base is that much more or less)
_COMPARATIVE_UP = re.compile(r"\b(?:larger|bigger|greater|longer|better|above)$", re.I)
_COMPARATIVE_DOWN = re.compile(r"\b(?:smaller|shorter|cheaper|below)$", re.I)
# "61 per cent year-on-year (YoY) jump": the period's abbreviation in brackets says again
# what the words before it said
_PERIOD_ASIDE = re.compile(r"\s*\((?:yoy|y-o-y|mom|m-o-m|qoq|q-o-q|year[\s-]on[\s-]year|month[\s-]on[\s-]month)\)", re.I)


_WORD = re.compile(r"[a-z]+")
_PASSED_LEAD = re.compile(PASSED_BY.pattern.removesuffix("$"), re.I)
_UP_NOUN_SET = frozenset(lexicon.UP_NOUNS)
_CHANGE_NOUN_OF = re.compile(
    r"(?:an?\s+)?(?:[a-z]+\s+){0,2}?(?P<noun>" + lexicon.alternation(lexicon.UP_NOUNS + lexicon.DOWN_NOUNS) + r")s?"
    r"(?:\s+in(?:\s+[a-z][\w'’-]*){1,3}?)?\s+of\s+", re.I)
_RUPEES = re.compile(r"\b(?:Rs\.?|INR)\s?(?=\d)")
_CHANGE_NOUN_IS = re.compile(
    r"(?:the|this|that)\s+(?P<noun>" + lexicon.alternation(lexicon.UP_NOUNS + lexicon.DOWN_NOUNS) + r")s?\s+(?:"
    + lexicon.alternation(lexicon.CHANGE_NOUN_COPULAS) + r")\s+", re.I)
_QUALIFIED_CHANGE = re.compile(
    r"an?\s+(?:[a-z]+\s+){1,2}(?=(?:" + lexicon.alternation(lexicon.UP_NOUNS + lexicon.DOWN_NOUNS) + r")s?\s+of\b)", re.I)
# "jumped an annual 7.5%", "rose a seasonally adjusted 0.4%": the article and the words that
# qualify the change, between its verb and its size (read without them)
_SIZE_QUALIFIED = re.compile(
    r"\b(?:a|an)\s+(?:(?:" + lexicon.alternation(lexicon.CHANGE_SIZE_QUALIFIERS) + r")\s+){1,2}(?=[~$\u00a3\u20ac]?\d)", re.I)
# an amount in brackets inside a phrase, between a change's size and its direction
_BRACKETED_AMOUNT = re.compile(r"\s*\((?![^()]*(?:%|per\s?cent|\bor\b))[^()\d]{0,4}\d[^()]{0,30}\)(?=\s+[a-z])", re.I)
# "slight" → "slightly", "dramatic" → "dramatically": the size adjectives whose adverb is a
# hedge of the size of a change
_SIZE_ADVERBS = {
    adj: adv
    for adj in lexicon.CHANGE_SIZE_ADJECTIVES
    for adv in (adj + "ly", adj + "ally")
    if adv in lexicon.HEDGE_WORDS["slightly"] or adv in lexicon.HEDGE_WORDS["sharply"]
}


# "slightly under consensus estimates": the adverbs that size a change themselves
_SIZE_HEDGES = frozenset(w for w in lexicon.CHANGE_ADVERBS if w in lexicon.HEDGE_WORDS["slightly"] or w in lexicon.HEDGE_WORDS["sharply"])


# Phrases repeat across an article ("about 20%", "more than 1,000"); the reading depends
# on the phrase alone and a ClaimedFigure is immutable, so it is remembered.
@lru_cache(maxsize=8192)
def read_figure(phrase: str) -> tuple[ClaimedFigure | None, str | None]:
    """The phrase read by the figure language; a shortened form if the whole is refused."""
    from claimcheck.figures import FigureError, parse_figure

    candidates = [phrase]
    pounds = rate_noun_dropped(one_point_as_digits(decimal_commas_as_points(minor_units_as_major(percent_spellings_as_sign(phrase)))))
    if pounds != phrase:
        candidates.insert(0, pounds)  # "risen 24p" is "risen £0.24", "(31,1%)" "(31.1%)", "a full point" "1 point"
        phrase = pounds
    low = phrase.lower()
    for lead in ("a ", "an "):
        if low.startswith(lead):
            candidates.append(phrase[len(lead) :])
    # "a modest decline of 2.4 percent", "an apparent increase of 3%": the words between the
    # article and the change noun size or qualify it; the number says the size
    m = _QUALIFIED_CHANGE.match(phrase)
    if m:
        candidates.append(phrase[m.end() :])
    m = _SIZE_QUALIFIED.search(phrase)
    if m and m.start() > 0:
        candidates.append(phrase[: m.start()] + phrase[m.end() :])
    # "0.9 per cent (0.53 Mt CO2 eq) lower": the amount in brackets restates the change
    m = _BRACKETED_AMOUNT.search(phrase)
    if m and m.start() > 0:
        candidates.append(phrase[: m.start()] + phrase[m.end() :])
    # "a deduction of 60,520 votes", "a shortfall of 12%": a change noun the figure language
    # does not know is read as the plain noun of its direction
    m = _CHANGE_NOUN_OF.match(phrase)
    if m:
        plain = "increase" if m.group("noun").lower() in _UP_NOUN_SET else "decrease"
        candidates.append(f"{plain} of {phrase[m.end():]}")
    # "The increase was 12%": a change named, then a verb and its size
    m = _CHANGE_NOUN_IS.match(phrase)
    if m:
        plain = "increase" if m.group("noun").lower() in _UP_NOUN_SET else "decrease"
        candidates.append(f"{plain} of {phrase[m.end():]}")
    # "surpassing the previous record by more than 1.29 million": a rise by the amount
    m = _PASSED_LEAD.match(phrase)
    if m:
        candidates.append("up by " + phrase[m.end() :])
    # "put up their bills by 5%", "sank in its … enrollment by 191 students": the change by the amount
    lead = changed_by_lead(phrase)
    if lead is not None:
        candidates.append(f"{lead[0]} by {lead[1]}")
    # "increased its sales 4%", "raised its dividend 10%": the change, without what changed
    if (dropped := object_dropped(phrase)) is not None:
        candidates.append(dropped)
    for text in list(candidates):
        if "(" in text and _PERIOD_ASIDE.search(text):
            candidates.append(_PERIOD_ASIDE.sub("", text))
    for text in list(candidates):
        # "4% larger than", "30% shorter than": the figure language reads more/less
        alt = _COMPARATIVE_UP.sub("more", _COMPARATIVE_DOWN.sub("less", text))
        # "a shortfall widened 40%", "bounced five points": the figure language knows rose/fell
        alt = _WIDENED.sub("rose", _NARROWED.sub("fell", alt))
        if alt != text:
            candidates.append(alt)
    for text in list(candidates):
        # "an increase of Rs 2,385 crore": the rupee written as "Rs" (or "Rs.", "INR")
        alt = _RUPEES.sub("\u20b9", text)
        if alt != text:
            candidates.append(alt)
    for text in candidates:
        try:
            return parse_figure(text, published=False), text
        except FigureError:
            continue
    return None, None


# A syndicated article repeats sentences; the exact arithmetic is the costly part of a
# scan, and both inputs are immutable, so verdicts are remembered.
@lru_cache(maxsize=4096)
def judge(figure: ClaimedFigure, computation: Computation) -> dict[str, Any]:
    """The verdict on ``figure`` against ``computation``, as the fields of a finding."""
    from claimcheck.engine import judge_expression
    from claimcheck.verdicts import diagnoses

    done = judge_expression(figure, computation, explain=False)
    ev, j = done.evaluation, done.judgement
    if ev is None or j is None:  # a zero baseline
        return {"verdict": "unverifiable", "diagnoses": (diagnoses.cannot_compute(done.cannot or ""),)}
    return {
        "verdict": j.verdict,
        "value": j.value_text,
        "arithmetic": ev.arithmetic,
        "rule": j.rule,
        "diagnoses": tuple(j.diagnoses),
        "judgement": j,
    }


_PERCENT_WORDS = re.compile(r"%|\bper\s?cent|\bpercentage\b|\bbasis\b", re.I)


_RESTATED_ASIDE = re.compile(r"\s*(?:,\s*or\s+[^,()]{1,40},|\(\s*or\s+[^()]{1,40}\))(?=\s+(?:more|less|higher|lower|greater|fewer)\b)", re.I)


def _claim_figure(text: str, claim: Claim, hint: str | None, relation: str,
                  note: str | None = None) -> tuple[ClaimedFigure | None, str | None]:
    if claim.kind == "direction":
        verb = "rose" if claim.direction == "up" else "fell"
        # "a slight dip", "a sharp and concerted increase": the size the adjective gives
        for word in _WORD.findall(text[claim.start : claim.end].lower()):
            adverb = _SIZE_ADVERBS.get(word) or (word if word in _SIZE_HEDGES else None)
            if adverb:
                return read_figure(f"{verb} {adverb}")
            if word in lexicon.SELF_SIZED_NOUNS:
                return read_figure(lexicon.SELF_SIZED_NOUNS[word])  # "a surge in visitors": surged
        return read_figure(verb)
    # ("2.5%, or $5.1 million, more", "$1.24 billion (or 4.9 percent) more": the change
    # restated in another unit is the other claim's; the figure is the size and its direction)
    phrase = _RESTATED_ASIDE.sub("", _collapse(text[claim.start : claim.end]))
    figure, figure_text = read_figure(phrase)
    if figure is not None and note == PERCENT_UNSAID and figure.unit == "count":
        # "fell 5.14, from 1,772 … to 1,681": the size read as the percent it most likely is
        figure, figure_text = read_figure(phrase + "%")
    if figure is not None and claim.kind == "points" and figure.unit == "count":
        # "up by 0.18 from 0.88 percent": the points the level's unit makes of the change
        figure, figure_text = read_figure(phrase + " points")
    if (figure is not None and relation == "sum" and figure.unit == "points" and figure.value is not None
            and _PERCENT_WORDS.search(phrase) is None):
        # "dropped by seven points" as the sum of sizes in bare points ("fell five points …
        # fell two points"): points of a score, in the parts' own unit, not percentage points
        figure = replace(figure, unit="count", value=figure.value * 100, u=None if figure.u is None else figure.u * 100,
                         noun="points")
    if figure is not None and relation == "sum" and figure.direction != "none":
        # the parts of a sum are sizes of changes, each in its own direction ("18 more
        # stayed … 14 more came in … the gap shrank by 32"): the sum checks the size
        return replace(figure, direction="none"), figure_text
    if (figure is not None and relation == "share" and figure.direction != "none" and claim.item is not None
            and claim.item.q.share_of):
        # "Home prices were up 77% of metro markets (176 out of 230)": the direction is the
        # subject's, the percent a share of what follows it
        return replace(figure, direction="none"), figure_text
    if figure is not None and hint and figure.direction == "none":
        hinted = read_figure(("up " if hint == "up" else "down ") + phrase)
        if hinted[0] is not None:
            return hinted
    return figure, figure_text


# --- the scan -----------------------------------------------------------------------------------


def _sentences(text: str, pa: int, pb: int) -> list[tuple[int, int]]:
    out = []
    for a, b in split_sentences(text, pa, pb):
        while b - a > MAX_SENTENCE:
            cut = text.rfind(" ", a, a + MAX_SENTENCE)
            cut = cut if cut > a else a + MAX_SENTENCE
            out.append((a, cut))
            a = cut
        out.append((a, b))
    return out


def _clause(text: str, sent: Sentence, *spots: int) -> str:
    """The clauses of sentence ``sent`` that hold the offsets ``spots`` (the claim, and
    the evidence it found in the same sentence), from the first to the last."""
    sa, sb = sent[0], sent[1]
    starts = clause_starts(text, sent)
    inside = [x for x in spots if sa <= x < sb] or [spots[0]]
    a = clause_bounds(text, sa, sb, min(inside), starts)[0]
    b = clause_bounds(text, sa, sb, max(inside), starts)[1]
    return _collapse(text[a:b]).rstrip(" ;:,\u2014-")


# Words ending in s that name no thing counted, for the subject of a claim ("The number of
# black men between the ages of 15 and 29 killed dropped …" counts no ages).
_NOT_SUBJECTS = frozenset(
    "ages years months weeks days hours times was is has its this thus as us plus less unless news series "
    "status basis analysis crisis percent cents figures numbers statistics data officials police".split()
)
_PLURAL = re.compile(r"\b([A-Za-z][a-z'’-]{2,}s)\b")
# Nouns the words after a number give that are no noun: "4,409 recorded in 2007".
_NOT_NOUNS = frozenset("after before recorded reported estimated registered".split())


def _subject(text: str, a: int, start: int) -> str | None:
    """The plural noun before a claim in its clause: "Total homicides dropped 32 percent"."""
    head = text[a:start]
    for m in reversed(list(_PLURAL.finditer(head))):
        w = m.group(1)
        if w[0].isupper() and head[: m.start()].strip():
            continue  # a name ("Los Angeles"), unless it opens the clause ("Homicides in …")
        if w.lower() not in _NOT_SUBJECTS:
            return w.lower()
    return None


def _levels(doc: Doc, sent: Sentence, claim: Claim, evidence: tuple[Item, ...]) -> tuple[Level, ...]:
    """The evidence as levels, each with the unit its words give it; a level that names
    none shares its partner's noun, or the claim's subject ("from 105 in 2007 to 71")."""
    text = doc.text

    def noun_of(it: Item) -> str | None:
        n = it.q.noun
        return n if n and n not in _NOT_NOUNS else None

    shared = next((n for n in map(noun_of, evidence) if n), None)
    if shared is None:
        shared = _subject(text, clause_bounds(text, sent[0], sent[1], claim.start, clause_starts(text, sent))[0], claim.start)
    out = []
    for it in evidence:
        q = it.q
        assert q.written is not None  # evidence is always a number read exactly
        line, col = doc.locate(it.a)
        out.append(Level(q.num, q.written, q.kind, noun_of(it) or shared, q.per, it.time, line, col))
    return tuple(out)


def _locate_span(doc: Doc, at: int, end: int) -> tuple[int, int, int, int]:
    line, col = doc.locate(at)
    eline, ecol = doc.locate(max(at, end - 1))
    return line, col, eline, ecol


def _sentence_quantities(text: str, pa: int, pb: int, budget: int | None = None) -> tuple[list[Sentence], int | None]:
    """The sentences of paragraph ``text[pa:pb]`` with their quantities; with a
    ``budget``, reading stops once that many quantities are read (the offset where it
    stopped comes second, else None)."""
    sents: list[Sentence] = []
    for a, b in _sentences(text, pa, pb):
        s = text[a:b]
        qs: list = []
        memo: dict = {}
        if may_hold_numbers(s):
            qs, memo["words"] = read_sentence(s)
            if budget is not None:
                if len(qs) > budget:
                    cut = qs[budget].start
                    sents.append((a, b, qs[:budget], memo))
                    return sents, a + cut
                budget -= len(qs)
        else:
            # (the test has just read its words: the evidence search asks for them again
            # to look for a direction verb, scan/items.py)
            memo["words"] = sentence_words(s)
        sents.append((a, b, qs, memo))
    return sents, None


#: Sentences of the paragraph before that a claim may find its evidence in: news copy
#: often gives each sentence a paragraph of its own.
CONTEXT_SENTENCES = 2
#: Sentences of the paragraph after that a claim may find its evidence in (they only
#: bear it out): "… reported a 3.5 percent increase in passenger traffic for April.¶ … the
#: number of passengers boarding flights jumped by 250 to 7,281".
AHEAD_SENTENCES = 2
#: A paragraph with no number this short is read for a direction the next one gives the
#: levels of.
BARE_PARAGRAPH = 300
#: The most numbers read in one paragraph: prose never comes near (the corpora's densest
#: paragraph holds 21); a table, a list or a data dump pasted in as one paragraph is read
#: up to here and the rest of it skipped, with a warning (the evidence search weighs
#: every pair of a paragraph's numbers for each claim: its time grows with their cube).
MAX_QUANTITIES = 40
#: A paragraph longer than this many characters is read in pieces of about this size.
MAX_PARAGRAPH = 100_000
#: The scan forgets the text before the paragraphs it still reads once that is this long.
TRIM = 1 << 16

_PARA_BREAK = re.compile(r"\n[ \t]*\n")


@dataclass(frozen=True, slots=True)
class Note:
    """A located warning about an input that was still scanned: ``path:line:col: warning: …``."""

    path: str
    line: int
    col: int
    message: str

    def render(self) -> str:
        return Problem(self.path, self.line, self.col, self.message).render().replace(": error: ", ": warning: ", 1)


def _paragraph_findings(doc: Doc, path: str, sents: list, context: list, ahead: list | None = None) -> list[Finding]:
    text = doc.text
    ahead = ahead or []
    if not may_hold_claims(text, sents):
        return []
    items, all_claims = build_items(text, context + sents + ahead)
    for it in items:
        it.ctx = it.sent < len(context)
        it.ahead = it.sent >= len(context) + len(sents)

    def verdict_of(claim: Claim, cand: Candidate) -> str | None:
        fig = _claim_figure(text, claim, cand.hint, cand.relation, cand.note)[0]
        if fig is None:
            return None
        return judge(fig, cand.computation)["verdict"]

    last = len(context) + len(sents)
    checks = search(text, items, all_claims, verdict_of, first=len(context), last=last)
    claims = [c for c in all_claims if len(context) <= c.sent < last]
    out: list[tuple[int, Finding]] = []
    checked_claims = set()
    for chk in checks:
        claim = chk.claim
        checked_claims.add(id(claim))
        if claim.item is not None:
            for it in chk.evidence:
                it.used = True
        start, end = claim.start, claim.end
        if claim.kind == "direction":
            # the phrase runs on over the evidence written right after the verb
            last = max(it.b for it in chk.evidence)
            if last > end and last - end <= 60 and all(it.clause == claim.clause for it in chk.evidence):
                end = last
            elif claim.memo.get("pointed_back") and claim.old is not None and claim.old.clause == claim.clause \
                    and 0 < claim.old.b - end <= 60:
                end = claim.old.b  # "That beat forecasts for a gain of 0.4 percent": up to its benchmark
        figure, figure_text = _claim_figure(text, claim, chk.hint, chk.relation, chk.note)
        sent = next(x for x in sents if x[0] <= claim.start < x[1] or (x[0] <= claim.start and claim.start == x[1]))
        sa, sb = sent[0], sent[1]
        phrase = _collapse(text[start:end])
        line, col, eline, ecol = _locate_span(doc, start, end)
        inputs = tuple(it.q.num for it in chk.evidence)
        kind = claim.kind if claim.item is None or claim.kind == "points" else claim.item.q.kind
        if figure is None:
            out.append((start, Finding(path, line, col, _collapse(text[sa:sb]), phrase, kind, "needs-source",
                                       end_line=eline, end_col=ecol, inputs=inputs, compute=chk.computation.text,
                                       note="the claimed figure could not be read", relation=chk.relation,
                                       pairing=chk.why)))
            continue
        res = judge(figure, chk.computation)
        out.append((start, Finding(
            path, line, col, _collapse(text[sa:sb]), phrase, kind, "checked", figure=figure, figure_text=figure_text,
            compute=chk.computation.text, inputs=inputs, framing=figure.framing, end_line=eline, end_col=ecol,
            relation=chk.relation, pairing=chk.why if chk.note is None else f"{chk.note}; {chk.why}", note=chk.note,
            clause=_clause(text, sent, start, *(it.a for it in chk.evidence)),
            levels=_levels(doc, sent, claim, chk.evidence), computation=chk.computation, **res,
        )))
    # (a reading may check a claim's number under a claim of its own: "one out of every 2,000")
    checked_items = {id(chk.claim.item) for chk in checks if chk.claim.item is not None}
    for claim in claims:
        if id(claim) in checked_claims or claim.item is None or claim.bare or claim.summed or id(claim.item) in checked_items:
            continue
        q = claim.item.q
        if q.kind == "change":
            continue  # a change in words alone ("dipped slightly") is a claim only beside its evidence
        sent = next(x for x in sents if x[0] <= claim.start <= x[1])
        sa, sb = sent[0], sent[1]
        phrase = _collapse(text[claim.start : claim.end])
        figure, figure_text = read_figure(phrase)
        line, col, eline, ecol = _locate_span(doc, claim.start, claim.end)
        out.append((claim.start, Finding(
            path, line, col, _collapse(text[sa:sb]), phrase, q.kind, "needs-source", figure=figure,
            figure_text=figure_text, framing=q.framing, end_line=eline, end_col=ecol,
            clause=_clause(text, sent, claim.start),
        )))
    out.sort(key=lambda t: t[0])
    return [f for _, f in out]


def iter_findings(text: str, *, path: str = "-", fmt: Format | None = None, notes: list[Note] | None = None) -> Iterator[Finding]:
    """The findings of ``text``, paragraph by paragraph (a generator: a paragraph's
    findings come once the next paragraph's first sentences are read). ``notes`` gets
    the warnings (a paragraph too full of numbers to read whole)."""
    fmt = fmt or guess_format(path, text)
    if text.startswith("\ufeff"):
        text = " " + text[1:]
    stream = DocStream([text], fmt, re.search(r"\n[ \t]*\r?\n", text) is not None)
    return _findings(stream, path, notes if notes is not None else [])


def _shifted(sent: Sentence, k: int, seen: dict[int, Sentence]) -> Sentence:
    """``sent`` with its offsets ``k`` less (what was read from its offsets is dropped;
    its words and quantities, read from its own text, are kept)."""
    got = seen.get(id(sent))
    if got is None:
        memo = {"words": sent[3]["words"]} if "words" in sent[3] else {}
        got = seen[id(sent)] = (sent[0] - k, sent[1] - k, sent[2], memo)
    return got


def _findings(stream: DocStream, path: str, notes: list[Note]) -> Iterator[Finding]:
    context: list = []
    # the paragraph waiting for the first sentences of the next: its sentences and context
    pending: tuple[list, list] | None = None
    # the paragraph before it, when it holds no quantity (a date, "the Nov. 6 election"):
    # it waits for the paragraph after that one too ("… rose a tenth of a point to 7.9
    # percent in October.¶ The data … before the Nov. 6 election ….¶ … in September, when
    # the national unemployment rate dropped to 7.8 percent")
    held: tuple[list, list] | None = None
    # a short paragraph with no number, which the next may give the levels of ("The number
    # of thefts is higher than last year.¶ There have been 830 …, compared to 740 in 2011.")
    bare: tuple[int, int] | None = None
    pos = 0  # where the next paragraph starts in doc.text
    skip_on = False  # the rest of a paragraph too full of numbers is not read
    for doc in stream:
        text = doc.text
        while True:
            m = _PARA_BREAK.search(text, pos)
            if m is not None:
                pa, pb, nxt, whole = pos, m.start(), m.end(), True
            elif len(text) - pos > MAX_PARAGRAPH:
                cut = text.rfind(" ", pos + MAX_PARAGRAPH // 2, pos + MAX_PARAGRAPH)
                pa, pb, whole = pos, (cut + 1 if cut > 0 else pos + MAX_PARAGRAPH), False
                nxt = pb
            elif stream.done and pos < len(text):
                pa, pb, nxt, whole = pos, len(text), len(text), True
            else:
                break
            pos = nxt
            if skip_on or not text[pa:pb].strip():
                skip_on = skip_on and not whole
                continue
            if pb - pa <= MAX_SENTENCE and not may_hold_numbers(text[pa:pb]):
                for waiting in (held, pending):
                    if waiting is not None:
                        yield from _paragraph_findings(doc, path, *waiting)
                held = pending = None
                context = []
                bare = (pa, pb) if pb - pa <= BARE_PARAGRAPH else None
                continue
            sents, capped = _sentence_quantities(text, pa, pb, MAX_QUANTITIES)
            ahead = [s for s in sents if s[2]][:AHEAD_SENTENCES] if capped is None else []
            if (pending is not None and held is None and capped is None and not any(s[2] for s in sents)
                    and any(s[2] for s in pending[0])):
                held = pending
            elif pending is not None:
                for waiting in (held, pending):
                    if waiting is not None:
                        yield from _paragraph_findings(doc, path, *waiting, ahead)
                held = None
            elif bare is not None:
                yield from _paragraph_findings(doc, path, _sentence_quantities(text, *bare)[0], [], ahead)
            bare = None
            pending = (sents, context)
            # the last sentences with numbers, across a paragraph of one sentence ("… rose to
            # 18.17 percent.¶ The CPI increased by 0.82 percent points.¶ This is higher than the
            # 17.33 percent rate")
            context = [s for s in context + sents if s[2]][-CONTEXT_SENTENCES:] if capped is None else []
            if capped is not None:
                line, col = doc.locate(capped)
                notes.append(Note(path, line, col, f"more than {MAX_QUANTITIES} numbers in one paragraph (a table or a list, "
                                                   "not prose): the rest of the paragraph was not read"))
                skip_on = not whole
        keep = min([pos, *(s[0] for s in context), *(s[0] for p in (pending or ()) for s in p),
                    *(s[0] for p in (held or ()) for s in p),
                    *((bare[0],) if bare else ())])
        if keep >= TRIM:
            doc.trim(keep)
            seen: dict[int, Sentence] = {}
            context = [_shifted(s, keep, seen) for s in context]
            if pending is not None:
                pending = ([_shifted(s, keep, seen) for s in pending[0]], [_shifted(s, keep, seen) for s in pending[1]])
            if held is not None:
                held = ([_shifted(s, keep, seen) for s in held[0]], [_shifted(s, keep, seen) for s in held[1]])
            if bare is not None:
                bare = (bare[0] - keep, bare[1] - keep)
            pos -= keep
    for waiting in (held, pending):
        if waiting is not None:
            yield from _paragraph_findings(stream.doc, path, *waiting)


def scan_text(text: str, *, path: str = "-", fmt: Format | None = None) -> ScanResult:
    """Find the numeric claims in ``text`` and check the self-contained ones.

    ``fmt`` is text, markdown or html; ``None`` guesses from the path and the text.
    """
    fmt = fmt or guess_format(path, text)
    return ScanResult(path, fmt, tuple(iter_findings(text, path=path, fmt=fmt)), ())


@dataclass(frozen=True, slots=True)
class ScanStream:
    """One input being scanned: its problems, or its findings as they are found (and,
    once they are all read, its warnings in ``notes``)."""

    path: str
    format: str | None
    problems: tuple[Problem, ...]
    findings: Iterator[Finding]
    notes: list[Note] = field(default_factory=list)


def stream_path(path: str, *, fmt: Format | None = None) -> ScanStream:
    """Open ``path`` (``-`` for standard input) and start scanning it: the file is read
    in chunks and the findings come paragraph by paragraph as the caller asks for them,
    so memory does not grow with the file. A file that cannot be read has a located
    problem and no findings, never an exception."""
    source, problem = open_input(path)
    if problem is not None or source is None:
        return ScanStream(path, fmt, (problem,) if problem else (), iter(()))
    fmt = fmt or guess_format(path, source.head)
    notes: list[Note] = []
    return ScanStream(path, fmt, (), _closing(_findings(DocStream(source.chunks(), fmt, source.blank_lines), path, notes), source), notes)


def _closing(findings: Iterator[Finding], source: Source) -> Iterator[Finding]:
    try:
        yield from findings
    finally:
        source.close()


def scan_path(path: str, *, fmt: Format | None = None) -> ScanResult:
    """Read ``path`` (``-`` for standard input) and scan it; a file that cannot be read
    is a result with a located problem, never an exception."""
    stream = stream_path(path, fmt=fmt)
    return ScanResult(stream.path, stream.format, tuple(stream.findings), stream.problems)


_ = Check
