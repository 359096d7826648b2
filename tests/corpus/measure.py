"""Measure ``claimcheck scan`` on the real-prose corpus (tests/corpus/README.md).

    python tests/corpus/measure.py                         # both halves
    python tests/corpus/measure.py --half tuning --show-misses
    python tests/corpus/measure.py --ids tests/corpus/batches/prose-econ.ids   # one batch only

Each passage is scanned on its own, as a plain-text article of one paragraph. A corpus
claim is *matched* by a checked finding whose phrase overlaps the claim's phrase in the
passage. For the claims whose evidence the passage prints (accurate, approximate,
inaccurate):

* **checked right**: a matching finding has the hand-worked verdict and used the claim's
  evidence (the same numbers, when the row lists them);
* **caught**: an inaccurate claim matched by a finding that says inaccurate.

A **false alarm** is a finding that says inaccurate about a claim the corpus calls
accurate, approximate or not self-contained, or about no corpus claim at all; the rate
is over the correct and not-self-contained claims, as the issue defines it.
"""

from __future__ import annotations

import argparse
import bisect
import sys
from collections import Counter
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
VERDICTS = ("accurate", "approximate", "inaccurate")


def load(half: str) -> list[dict]:
    return yaml.safe_load((HERE / "prose" / f"{half}.yaml").read_text("utf-8"))


def _value(text: str) -> Fraction | None:
    """The number ``text`` prints, a percent as its number of percent: the corpus writes
    the evidence of "from 6.1 to 6.2 percent" as 6.1 and 6.2, a finding as 6.1 and
    "6.2 percent", and both are the same two numbers."""
    from claimcheck.numbers import NumberError, parse_number

    t = text.strip().strip("()").replace("\u2019", "'")
    words = t.split()
    # the whole, then the number with its scale word ("2.4 million more": 2.4 million),
    # then the first word alone
    for cut in (t, " ".join(words[:2]), words[0] if words else t):
        try:
            w = parse_number(cut.replace(" ", "")) if cut else None
        except NumberError:
            continue
        return None if w is None else w.value * 100 if w.percent else w.value
    return None


def _spans(text: str, finding) -> tuple[int, int]:  # noqa: ANN001
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    a = starts[finding.line - 1] + finding.col - 1
    end_line = finding.end_line or finding.line
    end_col = finding.end_col or finding.col
    b = starts[end_line - 1] + end_col
    return a, b


@dataclass
class Outcome:
    """What scan did with one corpus claim."""

    row: str
    phrase: str
    expected: str
    got: str | None  # the verdict of the matching finding, "needs-source", or None
    evidence_ok: bool = True
    detail: str = ""


@dataclass
class Tally:
    outcomes: list[Outcome] = field(default_factory=list)
    stray_alarms: list[tuple[str, str]] = field(default_factory=list)  # (row, phrase)

    def figures(self) -> dict[str, tuple[int, int]]:
        sc = [o for o in self.outcomes if o.expected in VERDICTS]
        wrong = [o for o in sc if o.expected == "inaccurate"]
        right = [o for o in sc if o.got == o.expected and o.evidence_ok]
        caught = [o for o in wrong if o.got == "inaccurate"]
        fine = [o for o in self.outcomes if o.expected != "inaccurate"]
        alarms = [o for o in fine if o.got == "inaccurate"]
        return {
            "checked right": (len(right), len(sc)),
            "wrong claims caught": (len(caught), len(wrong)),
            "false alarms": (len(alarms) + len(self.stray_alarms), len(fine)),
            "checked at all": (sum(1 for o in sc if o.got in VERDICTS or o.got == "unverifiable"), len(sc)),
        }


def measure(rows: list[dict]) -> Tally:
    from claimcheck.scan import scan_text

    tally = Tally()
    for row in rows:
        text = row["text"]
        result = scan_text(text, path=row["id"], fmt="text")
        found = []
        for f in result.findings:
            a, b = _spans(text, f)
            found.append((a, b, f))
        claimed_spans = []
        for claim in row.get("claims") or []:
            at = text.find(claim["phrase"])
            span = (at, at + len(claim["phrase"]))
            claimed_spans.append(span)
            hits = [f for a, b, f in found if a < span[1] and span[0] < b]
            checked = [f for f in hits if f.status == "checked"]
            outcome = Outcome(row["id"], claim["phrase"], claim["verdict"], None)
            if checked:
                # the finding nearest the claim's number decides
                best = min(checked, key=lambda f: abs(_spans(text, f)[0] - span[0]))
                outcome.got = best.verdict
                outcome.detail = f"{best.compute} → {best.value}"
                ev = claim.get("evidence")
                if ev and claim["verdict"] in VERDICTS:
                    want = Counter(v for v in (_value(e) for e in ev) if v is not None)
                    have = Counter(v for v in (_value(i) for i in best.inputs) if v is not None)
                    outcome.evidence_ok = not want or want == have or set(want) <= set(have)
            elif hits:
                outcome.got = "needs-source"
            tally.outcomes.append(outcome)
        for a, b, f in found:
            if f.status == "checked" and f.verdict == "inaccurate":
                if not any(x < b and a < y for x, y in claimed_spans):
                    tally.stray_alarms.append((row["id"], f.phrase))
    return tally


def report(name: str, tally: Tally, out=sys.stdout) -> None:  # noqa: ANN001
    print(f"{name}:", file=out)
    for label, (n, d) in tally.figures().items():
        pct = f"{100 * n / d:.1f}%" if d else "—"
        print(f"  {label:22} {n:4} of {d:4}  {pct}", file=out)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--half", choices=("tuning", "frozen", "both"), default="both")
    ap.add_argument("--show-misses", action="store_true", help="list every claim not checked right, and every alarm")
    ap.add_argument("--ids", metavar="FILE", help="measure only the rows whose ids FILE lists, one a line (a batch)")
    args = ap.parse_args(argv)
    wanted = None
    if args.ids:
        wanted = {line.strip() for line in Path(args.ids).read_text("utf-8").splitlines() if line.strip()}
    halves = ("tuning", "frozen") if args.half == "both" else (args.half,)
    for half in halves:
        rows = load(half)
        if wanted is not None:
            rows = [row for row in rows if row["id"] in wanted]
        tally = measure(rows)
        report(half, tally)
        if args.show_misses:
            for o in tally.outcomes:
                if o.expected in VERDICTS and not (o.got == o.expected and o.evidence_ok):
                    print(f"  MISS  {o.row}: {o.phrase!r} want {o.expected}, got {o.got} {o.detail}"
                          + ("" if o.evidence_ok else " (other evidence)"))
                elif o.expected not in VERDICTS and o.got == "inaccurate":
                    print(f"  ALARM {o.row}: {o.phrase!r} ({o.expected}) {o.detail}")
            for rid, phrase in tally.stray_alarms:
                print(f"  ALARM {rid}: {phrase!r} (no corpus claim)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
