"""Scoring a candidate on its structure: evidence in the claim's clause, role words
that fit, times in order, "from … to …" written out, the subject first, the same noun.
"""

from __future__ import annotations

import re

from claimcheck.scan.bindings import restates
from claimcheck.scan.items import Claim, Item, noun_of, noun_score
from claimcheck.scan.roles import comparable, is_before, MONTH


# Partial and whole periods: "12 in the first half of the year" against "52 in the entirety of 2023".
_PARTIAL_PERIOD = re.compile(r"\b(?:first|second|third|fourth|final|last)\s+(?:half|quarter|(?:\w+\s+)?months)\b|\bso\s+far\b|\byear[\s-]+to[\s-]+date\b|\bthrough\s+(?:" + MONTH + r")\b", re.I)
_WHOLE_PERIOD = re.compile(r"\b(?:entire(?:ty)?|whole|full[\s-]+year|all\s+of)\b", re.I)


# --- scoring ---------------------------------------------------------------------------------------

def distance(claim: Claim, *items: Item) -> tuple[float, list[str]]:
    """Structure shared by every relation: evidence in one clause with the claim, in its
    sentence, or sentences away; and the evidence itself in one clause or split."""
    score = 0.0
    why: list[str] = []
    if all(it.clause == claim.clause for it in items):
        score += 2
        why.append("in the claim's clause")
    elif all(it.sent == claim.sent for it in items):
        score -= 1
        why.append("in the claim's sentence")
    else:
        gap = max(abs(claim.sent - it.sent) for it in items)
        later = any(it.sent > claim.sent for it in items)
        if (claim.anaphoric and not later and gap <= 2) or (claim.later_ok and later and gap == 1):
            score += 1
            why.append("the sentence after, which sets out the claim's numbers" if later
                       else "the sentence before, which the claim points back to")
        else:
            score -= gap + (1 if later else 0)
            why.append(f"{gap} sentence{'s' if gap != 1 else ''} {'after' if later else 'before'}")
    if any(it.ctx for it in items):
        score -= 2
        why.append("in the paragraph before")
    clauses = {it.clause for it in items}
    if len(clauses) > 1:
        # "344 …; … the 392 …": numbers in two clauses are usually about two things
        same_sentence = len({it.sent for it in items}) == 1
        score -= 2 if same_sentence else 1
    return score, why


_LABEL_END = re.compile(r"[;.]|,\s+(?!\d)")
_FROM_TO_GAP = re.compile(
    r"(?:\s+[a-z][\w'’-]*){0,3}?(?:\s+\([^()]{0,30}\))?(?:\s+(?:in|last|during)\s+[^,;]{0,25}?)?\s*,?\s+to\s+"
    r"(?:a\s+(?:record\s+)?(?:high|low)\s+of\s+|about\s+|around\s+|some\s+)?", re.I)
_TO_FROM_GAP = re.compile(
    r"(?:\s+[a-z][\w'’-]*){0,3}?(?:\s+(?:in|last|this|during)\s+[^,;]{0,25}?)?\s*,?\s+"
    r"(?:(?:up|down)\s+from|from|compared\s+(?:with|to)|versus|vs\.?|against)\s+", re.I)


def label_text(text: str, it: Item) -> str:
    hit = it.memo.get("label")
    if hit is None:
        tail = text[it.b : it.b + 70]
        cut = _LABEL_END.search(tail)
        hit = it.memo["label"] = tail[: cut.start()] if cut else tail
    return hit


def _period_kind(text: str, it: Item) -> tuple[bool, bool]:
    hit = it.memo.get("period")
    if hit is None:
        label = label_text(text, it)
        hit = it.memo["period"] = (bool(_PARTIAL_PERIOD.search(label)), bool(_WHOLE_PERIOD.search(label)))
    return hit


def _periods_clash(text: str, old: Item, new: Item) -> bool:
    (pa, wa), (pb, wb) = _period_kind(text, old), _period_kind(text, new)
    return (pa and wb) or (pb and wa)


def role_for(it: Item, claim: Claim, text: str | None = None) -> str | None:
    """The number's role for this claim: a role word that belongs to another claim does
    not make it this claim's old or new level; a number the claim's own words bind has
    the role they give it."""
    if it is claim.old:
        return "old"
    if it is claim.new:
        return "new"
    if it.link is None or it.link is claim or it.link.group == claim.group:
        return it.role
    link = it.link
    if link.new is not None and link.new is claim.new and link.sent == claim.sent and it is link.old and claim.kind != "direction":
        # "deaths fell 2% last year, to 36,096, which is 739 fewer than the 36,835": two
        # claims of one sentence that end at the same new level are about one change, and
        # the old level one names is the other's too
        return it.role
    if text is not None and restates(text, claim, link):
        # "has risen to 11.55 million … from 11.19 million … which indicates an increase of
        # 0.36million": the relative clause restates the change whose levels it follows
        return it.role
    if link.kind == "direction" and link.item is None and link.sent < claim.sent and (
            link.direction == claim.direction
            # ("grown from 106,692 … to 114,385. That's a difference of 7,693 people, or 7.2
            # percent": a bare percent of the change the sentence before stated)
            or (claim.bare and claim.direction is None and link.sent == claim.sent - 1)):
        # "Homicides have fallen – with 418 so far this year, compared to 456 … Overall,
        # homicides are down 8 percent": a later claim of the same direction restates the
        # change a verb alone stated
        return it.role
    return "other"


_PLURAL = re.compile(r"\b([A-Za-z][a-z'’-]{2,}s)\b")
# Plural words that name no thing counted.
_NOT_SUBJECTS = frozenset(
    "ages years months weeks days hours times was is has its this thus as us plus less unless news series "
    "status basis analysis crisis percent cents figures numbers statistics data officials police its".split()
)


def _subject(text: str, claim: Claim) -> str | None:
    """The first plural noun a claim's clause names before it ("Total passengers,
    including enplanements, … rose 4%"), singular; None when there is none."""
    head = text[max(claim.sa, claim.start - 80) : claim.start]
    cut = max(head.rfind(";"), head.rfind(":"), head.rfind("."))
    head = head[cut + 1 :]
    for m in _PLURAL.finditer(head):  # the first: "total passengers, including enplanements, rose"
        w = m.group(1).lower()
        if w not in _NOT_SUBJECTS and "'" not in w and "’" not in w:  # not "month's"
            return w[:-1]
    return None


def change_score(claim: Claim, text: str, old: Item, new: Item) -> tuple[float, list[str]]:
    score, why = distance(claim, old, new)
    old_role, new_role = role_for(old, claim, text), role_for(new, claim, text)
    if old.partner is not None and old.partner is not new:
        score -= 4
    if _periods_clash(text, old, new):
        score -= 6
    if old_role == "old":
        score += 3
        if old.role_word:
            why.append(f"'{old.role_word}' before {old.q.num}")
    elif old_role in ("new", "other"):
        score -= 3
    if new_role == "new":
        score += 2
        if new.role_word:
            why.append(f"'{new.role_word}' before {new.q.num}")
    if not claim.anaphoric and old_role != "old" and (old.sent != claim.sent or new.sent != claim.sent):
        score -= 2  # numbers from another sentence, and nothing but a time to say which is old
    elif new_role in ("old", "other"):
        score -= 3
    if old_role == "whole" or new_role == "whole":
        score -= 1
    if old.time and new.time and comparable(old.time, new.time):
        if is_before(old.time, new.time):
            score += 2
            why.append("times in order")
        elif is_before(new.time, old.time):
            score -= 5
        else:
            score -= 1
    elif old.time and old.time[0] == 0 and old.time[1] < 0 and not new.time:
        score += 1.5
        why.append(f"{old.q.num} is the earlier")
    elif new.time and new.time[0] == 0 and new.time[1] < 0 and not (old.time and old.time[0] > 1):
        # ("109 homicides last year … from the 132 killings in 2010": a relative label
        # and a year cannot be ordered)
        score -= 3
    # "from O to N" / "to N from O" written out
    gap = text[old.b : new.a] if old.a < new.a else text[new.b : old.a]
    if old.a < new.a and _FROM_TO_GAP.fullmatch(gap):
        score += 2
        why.append("from … to …")
    elif new.a < old.a and _TO_FROM_GAP.fullmatch(gap):
        score += 2
        why.append("… from …")
    # subject first: the new level just before the claim, the old one after it
    if claim.item is not None and new.a < claim.start < old.a and new.clause == claim.clause == old.clause:
        score += 1.5
        why.append("subject first")
    score += noun_score(old.q, new.q)
    if claim.noun:
        said = [noun_of(it.q) for it in (old, new) if noun_of(it.q)]
        if said and all(n == claim.noun or n.startswith(claim.noun) or claim.noun.startswith(n) for n in said):
            score += 2
            why.append(f"the claim is about {claim.noun}s, as the numbers are")
        elif said:
            score -= 3
    else:
        # "Last month's total passengers … rose 4%. Passengers totaled 64,386 …, higher than the
        # 61,651 passengers": the claim's subject is what the numbers, stated together, count
        subject = _subject(text, claim)
        said = [noun_of(it.q) for it in (old, new) if noun_of(it.q)]
        ordered = old_role == "old" or bool(old.time and new.time and comparable(old.time, new.time)
                                            and is_before(old.time, new.time))
        # (numbers of another sentence only when it opens with the same thing: "Passengers totaled")
        opens = old.sent == claim.sent or subject is not None and any(
            w.lower().rstrip("s") == subject for w in text[old.base : old.base + 40].split()[:3])
        if subject and said and all(n == subject for n in said) and old.sent == new.sent and ordered and opens:
            score += 2
            why.append(f"the claim's subject is {subject}s, as the numbers count")
    if not (old_role or new_role or old.time or new.time) and old.a < new.a:
        score += 0.5
    return score, why


def share_score(claim: Claim, text: str, part: Item, whole: Item) -> tuple[float, list[str]]:
    score, why = distance(claim, part, whole)
    lo, hi = (part, whole) if part.a < whole.a else (whole, part)
    gap = text[lo.b : hi.a]
    if part.a < whole.a and re.fullmatch(r"(?:\s+[a-z][\w'’-]*){0,2}\s+(?:of|out\s+of|in)\s+(?:the\s+|all\s+|its\s+|their\s+|every\s+)?"
                                         r"(?:[a-z][\w-]*['’]s\s+)?", gap, re.I):  # ("41 of the state's 67")
        score += 4
        why.append(f"{part.q.num} of {whole.q.num}")
    elif whole.a < part.a and re.search(r"\bof\s+(?:the\s+|all\s+|those\s+|these\s+)?$", text[max(0, whole.a - 14) : whole.a], re.I):
        score += 3
        why.append(f"of {whole.q.num}, {part.q.num}")
    elif whole.a < part.a and _OF_WHICH.fullmatch(gap):
        # "last year's 1545, of which 1200 were houses": the whole, then its part
        score += 4
        why.append(f"{whole.q.num}, of which {part.q.num}")
    elif whole.role == "whole":
        score += 2
        why.append(f"'{whole.role_word}' before {whole.q.num}")
    if claim.item is not None:
        # the claim beside its part: "1,469 …, or 41 percent", "(23%)"
        between = text[part.b : claim.start] if part.b <= claim.start else text[claim.end : part.a]
        if (len(between) <= 40 and re.fullmatch(r"[^;.]*?(?:,\s*or|\(|,|\u2014|or|\s[-\u2013])\s*", between, re.I)) or (
                # "7,123 drivers were arrested, which across all age groups represented 4.05%"
                part.b <= claim.start and len(between) <= 90 and _WHICH_RESTATES_PART.fullmatch(between)):
            score += 2
            why.append("the claim beside its part")
        if whole.sent < claim.sent <= whole.sent + 2 and _points_back_to(text, claim, whole):
            # "… 175,000 people stopped and tested …. A total of 7,123 …, which represented
            # 4.05% of those breath-tested": "those tested" names the level of the sentence before
            score += 3
            why.append(f"'of those …' points back to {whole.q.num}")
            claim.memo["whole_pointed"] = True  # a reading of the words: it bears the claim out only
        if whole.sent < claim.sent <= whole.sent + 2 and _of_noun_names(text, claim, whole):
            # "Sales were $930.9 million. Operating income was $141.5 million, or 15.2% of
            # sales": what the share is of, named in the whole's own sentence (a reading of
            # the words: it bears the claim out only)
            score += 4
            why.append(f"'of {_OF_NOUN.match(text, claim.end).group('noun')}' names {whole.q.num}")
            claim.memo["whole_pointed"] = True
    if noun_of(part.q) and noun_of(part.q) == noun_of(whole.q):
        score += 1
    # "Of all calls, 239 were for fire, or 7 percent": the whole named by its noun, earlier
    of_all = _OF_ALL.search(text, claim.sa, part.a)
    if of_all and noun_of(whole.q) and of_all.group("noun").lower().rstrip("s") == noun_of(whole.q):
        score += 4
        why.append(f"'of all {of_all.group('noun')}' names {whole.q.num}")
    return score, why


# A relative clause restating the level before it: ", which across all age groups
# represented ", ", which is ".
_WHICH_RESTATES_PART = re.compile(r"[^;.\d]*?,\s*(?:which|that)\s+(?:[a-z]+\s+){0,4}?(?:represented|represents|is|was|amounts\s+to|amounted\s+to|accounts\s+for|accounted\s+for|made\s+up|makes\s+up)\s+", re.I)
# "of those breath-tested", "of these surveyed": a whole named by what was done to it
_OF_THOSE = re.compile(r"\s+of\s+(?:those|these)\s+(?:[a-z]+-)?(?P<verb>[a-z]{3,}?)(?:ed|d)\b", re.I)


# "15.2% of sales", "23% of its revenue": the noun a percent is of
_OF_NOUN = re.compile(r"\s+of\s+(?:(?:the|its|their|total|net|all)\s+)?(?P<noun>[a-z]{4,})\b", re.I)


def _word_after(text: str, claim: Claim, pattern: re.Pattern, group: str) -> str | None:
    """The word ``pattern`` finds right after a claim with a number ("of sales", "of those
    tested"), lower-cased; None when there is none."""
    m = pattern.match(text, claim.end) if claim.item is not None else None
    return None if m is None else m.group(group).lower()


def _of_noun_names(text: str, claim: Claim, whole: Item) -> bool:
    """Whether the noun the claim is "of" stands in the whole's own clause, before it or
    right after it ("Sales were $930.9 million", "sales of $930.9 million")."""
    stem = _word_after(text, claim, _OF_NOUN, "noun")
    if stem is None:
        return False
    stem = stem[:-1] if stem.endswith("s") else stem
    near = text[whole.base : whole.a].lower() + " " + text[whole.b : whole.b + 25].lower()
    return re.search(r"\b" + re.escape(stem) + r"s?\b", near) is not None


def _points_back_to(text: str, claim: Claim, whole: Item) -> bool:
    """Whether the claim's "of those <done>" names ``whole`` by the verb the words around
    it use ("175,000 people stopped and tested" … "of those breath-tested")."""
    stem = _word_after(text, claim, _OF_THOSE, "verb")
    if stem is None:
        return False
    near = text[max(whole.base, whole.a - 40) : whole.b + 60].lower()
    return re.search(r"\b(?:[a-z]+-)?" + re.escape(stem) + r"(?:ed|d|s|ing)?\b", near) is not None


_OF_WHICH = re.compile(r"(?:\s+[a-z][\w'’-]*){0,2}\s*,\s*(?:of\s+(?:which|whom|those|these)|including)\s+(?:[a-z][\w'’-]*\s+){0,2}", re.I)
_OF_ALL = re.compile(r"\b[Oo]f\s+(?:all|the|those|these)\s+(?:\w+\s+)?(?P<noun>[a-z]+)\s*,", re.I)
