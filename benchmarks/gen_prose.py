"""Generated news prose for the ``claimcheck scan`` benchmark: a realistic mix and a dense one.

    python benchmarks/gen_prose.py OUT.txt --size 1048576 --kind realistic --seed 1

**realistic** (:func:`realistic`) imitates wire copy. The sentence mix was set from the
news story behind this project (about 30 sentences: 9 carry a numeric claim, 2 of them
self-contained, the rest are narrative, quotes and attribution) and from a reading of
ordinary agency copy, where most sentences carry no number at all. Each sentence is drawn
independently with these weights (the seed fixes every draw):

=======================================================================  ======
sentence                                                                  share
=======================================================================  ======
narrative, no number ("The council did not respond to a request …")        40%
quotation, no number ("“We are not there yet,” Ms. Reyes said.")           14%
attribution or transition, no number ("According to the report, …")       8%
a date, year, time, age, ordinal, address or label only: numbers that
are not claims ("The rule takes effect Jan. 1, 2026.", "a 42-year-old")    12%
a numeric claim without its evidence ("about 71% of …", "more than
18,000 …", "990 arrests per day", "$3.2 million")                          17%
a self-contained claim, with the numbers it was computed from
("fell 12.9%, from 31,000 in June to 27,000 in July"; "710 of the 1,000,
or 71%"); about a quarter of them wrong on purpose                         5%
a trap: a range, a phone number, a web address, a yearly rate, a rate
against counts, a change of a change, a number word that is no claim       4%
=======================================================================  ======

So about 62% of sentences hold no digit, and about 26% hold a numeric claim, close to the
source story's 30%. Paragraphs are one to three sentences long (35%, 45%, 20%), as wire
copy is. Names, places, nouns and numbers are drawn from small lists, so phrases repeat
the way an agency's phrasing does, but no two numeric sentences are bound to match.

**dense** (:func:`dense`) is the first benchmark generator, kept unchanged as a stress
test: every sentence but two of its ten templates carries a number, most of them a
claim, and a third of them self-contained. Real copy is never like this; it shows the
cost per numeric sentence with nothing to skip.
"""

from __future__ import annotations

import argparse
import random
from collections.abc import Callable
from pathlib import Path

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")
_MONTH_ABBR = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")
_DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_FIRST = ("Maria", "James", "Tricia", "David", "Aisha", "Robert", "Linda", "Kenji", "Sofia", "Michael",
          "Priya", "Thomas", "Grace", "Omar", "Elena", "Daniel", "Nora", "Samuel", "Hannah", "Luis")
_LAST = ("Reyes", "Walsh", "McLaughlin", "Okafor", "Chen", "Patel", "Brennan", "Novak", "Garcia", "Lindqvist",
         "Hughes", "Moreau", "Tanaka", "Doyle", "Alvarez", "Fischer", "Kowalski", "Bauer", "Mensah", "Quinn")
_ROLES = ("a spokesperson for", "the director of", "a senior official at", "an analyst with",
          "a researcher at", "the deputy head of", "a lawyer representing", "a former adviser to")
_AGENCIES = ("the county health department", "the state Department of Transportation", "the city council",
             "the school board", "the housing authority", "the Department of Homeland Security",
             "the regional transit agency", "the state attorney general's office", "the police department",
             "the water utility", "the nonprofit Clearinghouse", "the Bureau of Labor Statistics")
_PLACES = ("Los Angeles", "Southern California", "the Midwest", "the county", "the capital", "rural districts",
           "the northern suburbs", "Chicago", "the border region", "the state's largest cities")
_PROGRAMS = ("the programme", "the pilot scheme", "the rezoning plan", "the enforcement campaign",
             "the new policy", "the budget proposal", "the overhaul", "the inspection regime")
_GROUPS = ("residents", "parents", "officers", "tenants", "workers", "students", "drivers", "patients",
           "applicants", "families")
_COUNTED = ("arrests", "evictions", "permits", "overdose deaths", "applications", "complaints", "inspections",
            "removals", "admissions", "claims")
_QUOTES = (
    "We are not there yet, and we will not pretend otherwise",
    "Nothing about this process has been transparent",
    "The people who depend on this service deserve better",
    "We followed the law at every step",
    "This is the beginning of the conversation, not the end",
    "Nobody in this building wanted it to come to this",
    "It is simply too early to say what the effect will be",
    "We have heard the concerns, and we are listening",
    "They made a promise, and they have not kept it",
    "I have never seen anything like it in my career",
)
_SAID = ("said", "told reporters", "said in a statement", "said on {day}", "told the newspaper", "wrote in an email")


def _name(rng: random.Random) -> str:
    return f"{rng.choice(_FIRST)} {rng.choice(_LAST)}"


def _fill(rng: random.Random, template: str, **extra: object) -> str:
    slots = {
        "name": _name(rng), "last": rng.choice(_LAST), "role": rng.choice(_ROLES), "agency": rng.choice(_AGENCIES),
        "place": rng.choice(_PLACES), "program": rng.choice(_PROGRAMS), "group": rng.choice(_GROUPS),
        "counted": rng.choice(_COUNTED), "day": rng.choice(_DAYS), "month": rng.choice(MONTHS),
        "quote": rng.choice(_QUOTES), "title": rng.choice(("Ms.", "Mr.", "Dr.")),
    }
    slots.update(extra)
    text = template.format(**slots)
    return text[0].upper() + text[1:]


# --- the realistic mix ----------------------------------------------------------------------

_NARRATIVE = (
    "{name}, {role} {agency}, said {program} would continue while the review was under way.",
    "Critics said {program} had been rushed through without a public hearing.",
    "{agency} did not respond to a request for comment.",
    "The decision drew sharp criticism from advocates in {place}.",
    "Officials have defended {program} as necessary and overdue.",
    "The dispute has divided {group} in {place} for much of the past year.",
    "Supporters argue that {program} will make the system fairer and easier to use.",
    "The announcement came after weeks of pressure from {group} and local officials.",
    "It was not immediately clear how {agency} planned to pay for the changes.",
    "{title} {last} declined to say whether the plan would be revised.",
    "Several {group} described long waits and confusing instructions.",
    "A federal judge is expected to rule on the challenge later this month.",
    "The agency has faced questions about its record-keeping for years.",
    "Lawmakers in {place} have called for an independent inquiry.",
    "Some {group} said they learned of the change only from news reports.",
    "{program} was one of the mayor's central campaign promises.",
    "The findings are likely to intensify the debate over {program}.",
    "Neither side has signalled a willingness to compromise.",
    "Groups representing {group} said the rules would hit the poorest households hardest.",
    "The backlash followed a series of reports about conditions in {place}.",
)
_QUOTE_LINES = (
    "“{quote},” {name} {said}.",
    "“{quote},” said {name}, {role} {agency}.",
    "{title} {last} was blunter: “{quote}.”",
    "“{quote},” {title} {last} {said}. “We will keep pushing.”",
)
_ATTRIBUTION = (
    "According to {agency}, the review is still under way.",
    "The report was released on {day} by {agency}.",
    "Meanwhile, {agency} said it would publish its own figures.",
    "Still, the picture varies widely across {place}.",
    "The figures were first reported by the local newspaper.",
    "In a statement, {agency} said it was reviewing the findings.",
    "However, the data cover only part of the state.",
)
_NOT_CLAIMS = (
    "The rule takes effect {mabbr} {d}, {year}.",
    "The council will vote on {month} {d} at {h} p.m.",
    "The plan was first proposed in {year} and revised in {year2}.",
    "A {age}-year-old man was taken to a hospital, police said.",
    "The hearing will be held in Room {room} of the county building at {addr} Main Street.",
    "{name} joined {agency} in the {decade}s after a decade in private practice.",
    "The incident happened on Route {route} shortly after {h}:{mm} a.m. on {day}.",
    "It was the {ordinal} such meeting since {month}.",
    "The lawsuit, filed in {month} {year}, is scheduled for trial next spring.",
    "{title} {last}, who was elected in {year}, is expected to seek a {ordinal} term.",
)
_ORDINALS = ("2nd", "3rd", "4th", "5th", "6th", "second", "third", "fourth")


def _not_claim(rng: random.Random) -> str:
    year = rng.randint(1995, 2025)
    return _fill(
        rng, rng.choice(_NOT_CLAIMS), mabbr=rng.choice(_MONTH_ABBR), d=rng.randint(1, 28), year=year,
        year2=year + rng.randint(1, 3), h=rng.randint(1, 11), mm=f"{rng.randint(0, 59):02d}",
        age=rng.randint(18, 80), room=rng.randint(100, 420), addr=rng.randint(10, 999),
        decade=rng.choice((1970, 1980, 1990)), route=rng.randint(1, 99), ordinal=rng.choice(_ORDINALS),
    )


def _unsourced(rng: random.Random) -> str:
    n = rng.randint(1200, 90000)
    p = rng.randint(3, 89)
    templates = (
        "About {p}% of {group} in {place} said they had noticed the change.",
        "{agency} made an average of {r} {counted} per day in {month}.",
        "More than {n:,} {group} were affected last year, {agency} said.",
        "The project is expected to cost ${m}.{t} million.",
        "Turnout was {p}.{t}%, the lowest since records began.",
        "{counted_c} were down {p}% in {month}, {title} {last} said.",
        "Nearly {n:,} {counted} are still waiting to be processed.",
        "The agency's budget grew to ${b}.{t} billion this year.",
        "Roughly one in {k} {group} relies on the service, the survey found.",
        "The waiting list has doubled since {month}, advocates said.",
        "Only {p}% of the {n:,} {counted} filed were approved.",
        "Prices rose {s}.{t}% over the past year, according to {agency}.",
    )
    counted = rng.choice(_COUNTED)
    return _fill(
        rng, rng.choice(templates), n=n, p=p, r=rng.randint(40, 1500), m=rng.randint(1, 90), t=rng.randint(0, 9),
        b=rng.randint(1, 40), s=rng.randint(1, 9), k=rng.choice(("three", "four", "five", "10")), counted=counted,
        counted_c=counted.capitalize(),
    )


def _pct(old: int, new: int) -> str:
    """The percent change from ``old`` to ``new``, to one decimal place (integer arithmetic)."""
    tenths = (abs(new - old) * 2000 + old) // (2 * old)  # round half up of |Δ|/old × 1000
    return f"{tenths // 10}.{tenths % 10}"


def _self_contained(rng: random.Random) -> str:
    counted = rng.choice(_COUNTED)
    old = rng.randint(1000, 90000)
    new = old + rng.choice((-1, 1)) * rng.randint(old // 50, old // 3)
    m1 = rng.randrange(11)
    wrong = rng.random() < 0.25
    pct = _pct(old, new)
    if wrong:  # a claim that does not match its own numbers: what scan is for
        pct = str(int(float(pct)) + rng.choice((3, 5, 8)))
    verb = "rose" if new > old else "fell"
    shape = rng.randrange(4)
    if shape == 0:
        return (f"{counted.capitalize()} {verb} {pct}%, from {old:,} in {MONTHS[m1]} to {new:,} in "
                f"{MONTHS[m1 + 1]}, {rng.choice(_AGENCIES)} said.")
    if shape == 1:
        word = "increase" if new > old else "decrease"
        return f"The number of {counted} went from {old:,} to {new:,}, a {pct}% {word}."
    if shape == 2:
        whole = rng.randint(200, 5000)
        part = rng.randint(whole // 10, whole * 9 // 10)
        share = (part * 200 + whole) // (2 * whole)
        if wrong:
            share += rng.choice((4, 6, 9))
        return f"Of the {whole:,} {rng.choice(_GROUPS)} surveyed, {part:,} said they were satisfied, or {share}%."
    y = rng.randint(2015, 2024)
    way = "up" if new > old else "down"
    return f"There were {new:,} {counted} in {y}, {way} from {old:,} in {y - 1}. That represents a {pct}% change."


_TRAPS = (
    "Estimates of the cost range from ${a} million to ${b} million.",
    "Between 10 and 15 percent of {group} never reply to the survey.",
    "Residents can call 555-{p3}-{p4} or visit www.example.gov/report{year} for details.",
    "The arrest rate rose {p}%, from {a} to {b} arrests.",
    "Membership has grown an average of {s}% a year since {year}.",
    "The decline slowed from {s}% to {s2}% in the second quarter.",
    "Two of the {group} interviewed asked not to be named.",
    "Bill No. {s} would cap fees at the {year} level.",
)


def _trap(rng: random.Random) -> str:
    a = rng.randint(20, 60)
    return _fill(
        rng, rng.choice(_TRAPS), a=a, b=a + rng.randint(5, 40), p3=rng.randint(200, 899), p4=rng.randint(1000, 9999),
        year=rng.randint(2010, 2024), p=rng.randint(5, 40), s=rng.randint(2, 9), s2=rng.randint(1, 2),
    )


_MIX: tuple[tuple[float, Callable[[random.Random], str]], ...] = (
    (0.40, lambda rng: _fill(rng, rng.choice(_NARRATIVE))),
    (0.14, lambda rng: _fill(rng, rng.choice(_QUOTE_LINES), said=rng.choice(_SAID).format(day=rng.choice(_DAYS)))),
    (0.08, lambda rng: _fill(rng, rng.choice(_ATTRIBUTION))),
    (0.12, _not_claim),
    (0.17, _unsourced),
    (0.05, _self_contained),
    (0.04, _trap),
)


def realistic(size: int, seed: int = 1) -> str:
    """About ``size`` bytes of wire-style prose with the sentence mix in the module docstring."""
    rng = random.Random(seed)
    weights = [w for w, _ in _MIX]
    makers = [m for _, m in _MIX]
    parts: list[str] = []
    total = 0
    while total < size:
        n = rng.choices((1, 2, 3), weights=(35, 45, 20))[0]
        para = " ".join(rng.choices(makers, weights=weights)[0](rng) for _ in range(n)) + "\n\n"
        parts.append(para)
        total += len(para.encode())
    return "".join(parts)


# --- the dense stress mix (the first generator, unchanged) -----------------------------------


def dense(size: int, seed: int = 1) -> str:
    """About ``size`` bytes in which nearly every sentence carries a number: a stress test."""
    rng = random.Random(seed)
    nouns = ("arrests", "evictions", "permits", "overdose deaths", "applications", "complaints")
    templates = (
        "Officials said {noun} fell {p}% in {m}, from {a:,} to {b:,}.",
        "{noun_c} were down {p}%, to {b:,}, according to the city's figures.",
        "The agency reported nearly {p}% more {noun} than a year earlier.",
        "About {s}% of residents said they had noticed the change.",
        "Spending rose to ${x}.{y} million in {m}, up from ${z}.{y} million.",
        "More than {a:,} people attended the hearing, organisers said.",
        "The council met on Tuesday and discussed the plan for two hours.",
        "Critics said the programme had doubled in cost since {m}.",
        "Turnout was {s}.{y}%, the lowest since records began.",
        "She said the figures were misleading and asked for an independent review.",
    )
    parts: list[str] = []
    total = 0
    while total < size:
        para = []
        for _ in range(rng.randint(3, 7)):
            a = rng.randint(1000, 90000)
            b = rng.randint(1000, 90000)
            noun = rng.choice(nouns)
            s = rng.choice(templates).format(
                noun=noun, noun_c=noun.capitalize(), p=rng.randint(2, 60), m=rng.choice(MONTHS),
                a=a, b=b, s=rng.randint(10, 90), x=rng.randint(1, 90), y=rng.randint(0, 9), z=rng.randint(1, 90),
            )
            para.append(s)
        text = " ".join(para) + "\n\n"
        parts.append(text)
        total += len(text.encode())
    return "".join(parts)


KINDS: dict[str, Callable[[int, int], str]] = {"realistic": realistic, "dense": dense}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out", type=Path)
    ap.add_argument("--size", type=int, default=1 << 20, help="bytes (at least)")
    ap.add_argument("--kind", choices=sorted(KINDS), default="realistic")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    args.out.write_text(KINDS[args.kind](args.size, args.seed), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
