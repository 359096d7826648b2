"""Generate a seeded corpus of realistic claim files for the benchmarks and the fast-path tests.

    python benchmarks/gen_corpus.py OUT_DIR --files 100 --claims 100 --seed 1

Each file is one story in the DESIGN §2 format: a title, two or three sources, a few series
of raw figures (monthly counts written as ``1224``, ``"1,224"`` or rounded ``31000``; rates
written as ``"4.1%"``), ``--claims`` claims and a few consistency checks. Every claim's
figure is made *from* the value it recomputes, so its verdict is known by construction:

* accurate — "down 13%" for −12.90%, "nearly 20% drop" for −19.12%, "about 71%" for a
  70.8% share, "more than 18,000" for a difference of 18,500, "doubled" for a ratio of
  2.03, "dipped slightly" for −1.5%, "fell 0.3 points" for 4.1% → 3.8%;
* approximate — a percent change truncated instead of rounded ("up 12%" for +12.90%);
* inaccurate — the wrong direction ("rose 13%" for −13.4%) or a count far over the
  difference ("more than 24,000" for 18,500), both over exact inputs;
* unverifiable — a claim with no ``compute:``.

Margins keep every constructed figure well inside its band (no value within 0.05 points of
a band edge), so the recorded ``verdict:`` (written on every inaccurate claim and on a share
of the others) is what claimcheck must compute: ``claimcheck verify`` on a generated corpus
exits 0, and anything else is a bug in claimcheck or in this generator.

The generator uses only the standard library (it must run before claimcheck is installed)
and is byte-for-byte deterministic for a given seed.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
from fractions import Fraction
from pathlib import Path

SPEAKERS = (
    "Axios", "the Associated Press", "Reuters", "a DHS spokesperson", "the mayor's office",
    "Sen. Dana Whitfield", "Rep. Luis Ortega", "the governor", "a union statement",
    "the police commissioner", "the city council", "a campaign ad", "the Daily Ledger",
    "the Ministry of Labour", "the opposition leader", "a think-tank report",
)
PUBLISHERS = (
    ("trac", "Transactional Records Access Clearinghouse (TRAC), Syracuse University", "https://tracreports.org/"),
    ("bls", "U.S. Bureau of Labor Statistics", "https://www.bls.gov/"),
    ("census", "U.S. Census Bureau", "https://www.census.gov/"),
    ("ons", "Office for National Statistics", "https://www.ons.gov.uk/"),
    ("city", "City Open Data Portal", None),
    ("dhs", "U.S. Department of Homeland Security, statement to reporters", None),
    ("police", "Metropolitan Police Department annual report", None),
)
TOPICS = (
    ("arrests", "arrests", "ICE arrests"),
    ("evictions", "filings", "eviction filings"),
    ("permits", "permits", "building permits"),
    ("overdoses", "deaths", "overdose deaths"),
    ("shootings", "incidents", "shooting incidents"),
    ("admissions", "patients", "hospital admissions"),
    ("enrolment", "students", "school enrolment"),
    ("ridership", "trips", "transit ridership"),
    ("complaints", "complaints", "noise complaints"),
    ("applications", "applications", "asylum applications"),
)
RATES = (
    ("unemployment", "unemployment rate"),
    ("vacancy", "rental vacancy rate"),
    ("turnout", "voter turnout"),
    ("approval", "approval rating"),
)
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")

#: How far (in percentage points of the claimed figure) a constructed value stays from a
#: band edge; the bands are DESIGN §4's defaults.
MARGIN = Fraction(5, 10000)


def _qstr(text: str) -> str:
    """A YAML double-quoted scalar."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _grouped(n: int) -> str:
    return f"{n:,}"


class _Fig:
    """One raw figure: its exact value and how the file writes it."""

    def __init__(self, name: str, value: Fraction, written: str, exact_looking: bool, period: str, label: str) -> None:
        self.name = name
        self.value = value
        self.written = written  # YAML text of the value
        self.exact_looking = exact_looking  # no rounding interval wider than a point
        self.period = period
        self.label = label


class _Story:
    def __init__(self, rng: random.Random, index: int) -> None:
        self.rng = rng
        self.index = index
        self.sources = rng.sample(PUBLISHERS, rng.randint(2, 3))
        self.series: list[tuple[str, str, list[_Fig]]] = []  # (kind, unit, figures)
        self.rate_series: list[tuple[str, list[_Fig]]] = []
        year = 2018 + index % 7
        for key, noun, label in rng.sample(TOPICS, 3):
            base = rng.randint(300, 60000)
            figs = []
            for m in range(12):
                drift = 1 + rng.uniform(-0.35, 0.45)
                v = max(120, int(base * drift))
                style = rng.random()
                if style < 0.15 and v >= 10000:
                    v = round(v, -3)  # a rounded figure: stands for ±500
                    written, exact = str(v), v % 1000 != 0
                elif style < 0.45:
                    written, exact = _qstr(_grouped(v)), v % 1000 != 0
                else:
                    written, exact = str(v), v % 1000 != 0
                figs.append(_Fig(f"{key}_{year}_{m + 1:02d}", Fraction(v), written, exact, f"{year}-{m + 1:02d}", f"{label} in {MONTHS[m]} {year}"))
            self.series.append((noun, label, figs))
        for key, label in rng.sample(RATES, 1):
            base = rng.randint(30, 700)  # tenths of a percent
            figs = []
            for q in range(4):
                v = max(10, base + rng.randint(-25, 25))
                figs.append(_Fig(f"{key}_{year}_q{q + 1}", Fraction(v, 1000), _qstr(f"{v // 10}.{v % 10}%"), False, f"{year}-{3 * q + 1:02d}/{year}-{3 * q + 3:02d}", f"the {label} in Q{q + 1} {year}"))
            self.rate_series.append((label, figs))
        self.year = year

    def source_id(self) -> str:
        return self.rng.choice(self.sources)[0]


def _pct(x: Fraction) -> str:
    """Percent text of a whole-number percent magnitude."""
    return f"{x}%"


def _near_edge(x: Fraction) -> bool:
    """True when 100·x is within the margin of a half-integer (a rounding edge)."""
    scaled = x * 100
    frac = scaled - math.floor(scaled)
    return abs(frac - Fraction(1, 2)) < MARGIN * 100 or frac < MARGIN * 100 or frac > 1 - MARGIN * 100


class _Claims:
    """Builds one claim at a time; each builder returns the YAML lines or None to retry."""

    def __init__(self, story: _Story) -> None:
        self.s = story
        self.rng = story.rng

    def pair(self, exact: bool = False) -> tuple[str, _Fig, _Fig]:
        noun, label, figs = self.rng.choice(self.s.series)
        for _ in range(50):
            a, b = self.rng.sample(figs, 2)
            if a.name > b.name:
                a, b = b, a
            if not exact or (a.exact_looking and b.exact_looking):
                return noun, a, b
        return noun, a, b  # caller re-checks

    def build(self, cid: str) -> tuple[list[str], str]:
        """A claim's lines and its verdict by construction."""
        rng = self.rng
        while True:
            kind = rng.choices(
                ("change", "nearly", "share", "more_than", "doubled", "slightly", "points",
                 "truncated", "wrong_direction", "overstated", "unverifiable", "local"),
                weights=(22, 10, 8, 8, 4, 6, 6, 10, 8, 6, 4, 8),
            )[0]
            got = getattr(self, "_" + kind)()
            if got is not None:
                fields, verdict = got
                return fields, verdict

    # --- accurate -------------------------------------------------------------------

    def _change(self):
        noun, a, b = self.pair()
        v = (b.value - a.value) / a.value
        if v == 0 or _near_edge(abs(v)):
            return None
        x = round(abs(v) * 100)
        if x == 0:
            return None
        down = v < 0
        word = self.rng.choice(("down {x}", "fell {x}", "a {x} drop", "declined {x}") if down else ("up {x}", "rose {x}", "a {x} rise", "increased {x}"))
        fig = word.format(x=_pct(x))
        stmt = f"{a.label.split(' in ')[0].capitalize()} {'fell' if down else 'rose'} {x}% from {a.label.split(' in ')[1]} to {b.label.split(' in ')[1]}"
        return self.claim(stmt, fig, f"pct_change({a.name}, {b.name})"), "accurate"

    def _nearly(self):
        noun, a, b = self.pair()
        v = abs((b.value - a.value) / a.value)
        if v < Fraction(12, 100) or _near_edge(v):
            return None
        x = math.ceil(v * 100)
        # 0.9X ≤ V ≤ X holds by construction; keep a margin from 0.9X.
        if v - Fraction(9, 10) * x / 100 < MARGIN:
            return None
        down = b.value < a.value
        fig = f"nearly {x}% {'drop' if down else 'rise'}" if self.rng.random() < 0.5 else f"{'down' if down else 'up'} nearly {x}%"
        stmt = f"{a.label.split(' in ')[0].capitalize()} {'dropped' if down else 'climbed'} nearly {x}% between {a.label.split(' in ')[1]} and {b.label.split(' in ')[1]}"
        return self.claim(stmt, fig, f"pct_change({a.name}, {b.name})"), "accurate"

    def _share(self):
        noun, a, b = self.pair()
        part, whole = (a, b) if a.value < b.value else (b, a)
        v = part.value / whole.value
        if _near_edge(v) or v < Fraction(5, 100):
            return None
        x = round(v * 100)
        fig = f"about {x}%" if self.rng.random() < 0.6 else f"{x}%"
        stmt = f"{part.label.capitalize()} were about {x}% of {whole.label}"
        return self.claim(stmt, fig, f"share({part.name}, {whole.name})"), "accurate"

    def _more_than(self):
        noun, a, b = self.pair()
        d = abs(b.value - a.value)
        if d < 2000:
            return None
        x = (int(d) // 1000) * 1000
        if d - x < 100:
            return None
        lo, hi = (a, b) if a.value < b.value else (b, a)
        fig = f"more than {_grouped(x)}"
        stmt = f"There were more than {_grouped(x)} more {noun} in {hi.label.split(' in ')[1]} than in {lo.label.split(' in ')[1]}"
        return self.claim(stmt, fig, f"diff({lo.name}, {hi.name})"), "accurate"

    def _doubled(self):
        # A local pair: the series rarely doubles, so the claim carries its own figures.
        old = self.rng.randint(150, 9000)
        new = old * 2 + self.rng.randint(-old // 40, old // 40)
        fig = self.rng.choice(("doubled", "more than doubled")) if new > old * 2 else "doubled"
        if new == old * 2:
            fig = "doubled"
        stmt = f"Requests doubled, from {_grouped(old)} to {_grouped(new)}"
        local = {"before": old, "after": new}
        return self.claim(stmt, fig, "ratio(after, before)", local=local), "accurate"

    def _slightly(self):
        old = self.rng.randint(1001, 80000)
        if old % 1000 == 0:
            old += 7
        pct = Fraction(self.rng.randint(5, 40), 1000)  # 0.5%–4.0%
        down = self.rng.random() < 0.5
        new = int(old * (1 - pct if down else 1 + pct))
        if new % 1000 == 0:
            new += 1
        fig = "dipped slightly" if down else "ticked up slightly"
        stmt = f"The total {'dipped' if down else 'ticked up'} slightly, from {_grouped(old)} to {_grouped(new)}"
        return self.claim(stmt, fig, "pct_change(before, after)", local={"before": old, "after": new}), "accurate"

    def _points(self):
        label, figs = self.rng.choice(self.s.rate_series)
        a, b = self.rng.sample(figs, 2)
        if a.name > b.name:
            a, b = b, a
        d = b.value - a.value
        if d == 0:
            return None
        x = abs(d) * 100  # tenths of a point exactly
        down = d < 0
        tenths = int(x * 10)  # exact: rates are written in tenths of a percent
        text = f"{tenths // 10}.{tenths % 10}"
        fig = f"{'fell' if down else 'rose'} {text} points"
        stmt = f"The {label} {'fell' if down else 'rose'} {text} percentage points"
        return self.claim(stmt, fig, f"pp_change({a.name}, {b.name})"), "accurate"

    def _local(self):
        # DESIGN §2's second claim: claim-local figures, rounded, "down 10%"-style.
        old = self.rng.randint(12, 90) * 1000
        new = self.rng.randint(12, 90) * 1000
        if old == new:
            return None
        v = Fraction(new - old, old)
        if _near_edge(abs(v)) or round(abs(v) * 100) == 0:
            return None
        x = round(abs(v) * 100)
        down = v < 0
        fig = f"{'down' if down else 'up'} {x}%"
        stmt = f"{'Only down' if down else 'Up'} {x}%, from {_grouped(old)} to {_grouped(new)}"
        return self.claim(stmt, fig, "pct_change(first, second)", local={"first": old, "second": new}), "accurate"

    # --- approximate ----------------------------------------------------------------

    def _truncated(self):
        noun, a, b = self.pair()
        v = abs((b.value - a.value) / a.value) * 100
        frac = v - math.floor(v)
        # Bare "X": accurate within ±u/2, approximate within ±u; truncating a value whose
        # fraction is 0.6–0.9 lands 0.6–0.9 away: approximate by construction.
        if not (Fraction(6, 10) <= frac <= Fraction(9, 10)) or v < 2:
            return None
        x = math.floor(v)
        down = b.value < a.value
        fig = f"{'down' if down else 'up'} {x}%"
        stmt = f"{a.label.split(' in ')[0].capitalize()} were {'down' if down else 'up'} {x}%"
        return self.claim(stmt, fig, f"pct_change({a.name}, {b.name})"), "approximate"

    # --- inaccurate -----------------------------------------------------------------

    def _wrong_direction(self):
        noun, a, b = self.pair(exact=True)
        if not (a.exact_looking and b.exact_looking):
            return None
        v = (b.value - a.value) / a.value
        if abs(v) < Fraction(8, 100) or _near_edge(abs(v)):
            return None
        x = round(abs(v) * 100)
        down = v < 0
        fig = f"{'rose' if down else 'fell'} {x}%"  # the opposite of what happened
        stmt = f"{a.label.split(' in ')[0].capitalize()} {'rose' if down else 'fell'} {x}%"
        return self.claim(stmt, fig, f"pct_change({a.name}, {b.name})"), "inaccurate"

    def _overstated(self):
        noun, a, b = self.pair(exact=True)
        if not (a.exact_looking and b.exact_looking):
            return None
        d = abs(b.value - a.value)
        if d < 1500:
            return None
        x = math.ceil(d * Fraction(13, 10) / 1000) * 1000  # 30%+ over: far outside ≥ 0.98X
        lo, hi = (a, b) if a.value < b.value else (b, a)
        fig = f"more than {_grouped(x)}"
        stmt = f"More than {_grouped(x)} more {noun} than before"
        return self.claim(stmt, fig, f"diff({lo.name}, {hi.name})"), "inaccurate"

    # --- unverifiable ---------------------------------------------------------------

    def _unverifiable(self):
        x = self.rng.randint(11, 60)
        fig = f"up {x}%"
        stmt = f"Complaints are up {x}% since the new policy"
        return self.claim(stmt, fig, None, note="needs the complaint counts before and after the policy"), "unverifiable"

    # --- YAML -------------------------------------------------------------------------

    def claim(self, statement: str, figure: str, compute: str | None, local: dict | None = None, note: str | None = None) -> list[str]:
        rng = self.rng
        lines = [f"    speaker: {rng.choice(SPEAKERS)}", f"    statement: {_qstr(statement)}"]
        if rng.random() < 0.3:
            lines.append(f"    source: {self.s.source_id()}")
        if local:
            inner = ", ".join(f"{k}: {v}" for k, v in local.items())
            lines.append(f"    figures: {{{inner}}}")
        lines.append(f"    figure: {figure}")
        if compute:
            lines.append(f"    compute: {compute}")
        if note:
            lines.append(f"    note: {_qstr(note)}")
        return lines


def story(rng: random.Random, index: int, n_claims: int, n_checks: int = 3, record: float = 0.4) -> str:
    """The text of one claim file."""
    s = _Story(rng, index)
    out = [
        "# yaml-language-server: $schema=claimfile.schema.json",
        f"title: {_qstr(f'Story {index + 1}: ' + ', '.join(label for _, label, _ in s.series) + f', {s.year}')}",
        f"date: {s.year + 1}-0{1 + index % 9}-1{index % 10}",
        "sources:",
    ]
    for sid, publisher, url in s.sources:
        out.append(f"  {sid}:")
        out.append(f"    publisher: {_qstr(publisher)}")
        if url:
            out.append(f"    url: {url}")
    out.append("figures:")
    for noun, label, figs in s.series:
        unit = noun
        for f in figs:
            src = s.source_id()
            if rng.random() < 0.7:
                out.append(f"  {f.name}: {{value: {f.written}, unit: {unit}, period: {f.period}, source: {src}}}")
            else:
                out.append(f"  {f.name}:")
                out.append(f"    value: {f.written}")
                out.append(f"    unit: {unit}")
                out.append(f"    period: {f.period}")
                out.append(f"    source: {src}")
                out.append(f"    note: {_qstr('Table 3, ' + f.label)}")
    for label, figs in s.rate_series:
        for f in figs:
            out.append(f"  {f.name}: {{value: {f.written}, unit: '%', period: {f.period}, source: {s.source_id()}}}")
    out.append("claims:")
    builder = _Claims(s)
    for i in range(n_claims):
        lines, verdict = builder.build(f"c{i + 1}")
        out.append(f"  - id: s{index + 1}-c{i + 1}")
        out.extend(lines)
        if verdict == "inaccurate" or rng.random() < record:
            out.append(f"    verdict: {verdict}")
    if n_checks:
        out.append("checks:")
        for j in range(n_checks):
            noun, label, figs = rng.choice(s.series)
            f = rng.choice(figs)
            total = int(f.value * 30 * (1 + Fraction(rng.randint(-15, 15), 1000)))  # within 1.5%
            out.append(f"  - id: s{index + 1}-check{j + 1}")
            out.append(f"    statement: {_qstr(f'{label.capitalize()}: monthly figure against a second count')}")
            out.append(f"    left: {f.name} * 30")
            out.append("    right: other_count")
            out.append("    within: 5%")
            out.append(f"    figures: {{other_count: {total}}}")
            out.append("    verdict: accurate")
    return "\n".join(out) + "\n"


def generate(out_dir: Path, files: int, claims: int, seed: int, checks: int = 3, record: float = 0.4) -> list[Path]:
    """Write ``files`` claim files into ``out_dir``; return their paths."""
    out_dir.mkdir(parents=True, exist_ok=True)
    width = len(str(files))
    paths = []
    for i in range(files):
        rng = random.Random(f"{seed}:{i}")  # one stream per file: file i is the same in any corpus size
        p = out_dir / f"story_{i + 1:0{width}d}.yaml"
        p.write_text(story(rng, i, claims, checks, record), encoding="utf-8")
        paths.append(p)
    return paths


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Generate a seeded corpus of claim files.")
    ap.add_argument("out_dir", type=Path)
    ap.add_argument("--files", type=int, default=100)
    ap.add_argument("--claims", type=int, default=100, help="claims per file (checks come on top)")
    ap.add_argument("--checks", type=int, default=3, help="consistency checks per file")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument(
        "--record", type=float, default=0.4,
        help="share of accurate/approximate/unverifiable claims that carry their verdict "
        "(inaccurate ones always do); 1.0 makes `claimcheck verify` check every construction",
    )
    args = ap.parse_args(argv)
    paths = generate(args.out_dir, args.files, args.claims, args.seed, args.checks, args.record)
    print(f"wrote {len(paths)} files × {args.claims} claims (+{args.checks} checks) to {args.out_dir}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
