"""Result records for the report tests, built by hand as the engine would produce them.

The numbers are worked out in the comments; the reports only display them, so each
record is what the engine must hand over for the story in claims/ice_july.yaml and a
few more cases: accurate, approximate with a settle text, inaccurate with a diagnosis,
unverifiable, a recorded verdict the arithmetic contradicts, a cross-source check, an
invalid file with two problems, and hostile user text (BAD_INPUTS row 27).
"""

from __future__ import annotations

from fractions import Fraction as F

from claimcheck.numbers import Interval
from claimcheck.results import ClaimResult, FileResult, InputFigure, Problem, SourceRef
from claimcheck.verdicts import Diagnosis

TRAC = SourceRef(
    "trac",
    "Transactional Records Access Clearinghouse (TRAC), Syracuse University",
    "https://tracreports.org/",
)
DHS = SourceRef("dhs", "U.S. Department of Homeland Security, statement to Axios")
AXIOS = SourceRef("axios", "Axios", "https://www.axios.com/")

JUNE_DAILY = InputFigure("june_daily_arrests", "1,224", "arrests/day", "2025-06", 30, None, TRAC)
JULY_DAILY = InputFigure(
    "july_daily_arrests", "990", "arrests/day", "2025-07-01/2025-07-27", 27, None, TRAC
)

# (990 − 1,224) ÷ 1,224 = −234/1,224 = −13/68 = −0.191176… → −19.12%. Both inputs are
# exact counts (neither ends in three zeros), so the interval is the point.
# "nearly 20%": X = 20%, u = 1 point → accurate from 0.9 × 20 = 18.00% to 20 + 0.5 = 20.50%.
AXIOS_NEARLY_20 = ClaimResult(
    id="axios-nearly-20",
    line=19,
    col=5,
    statement="Arrests by ICE agents dropped nearly 20% in July",
    figure="nearly 20% drop",
    verdict="accurate",
    passed=True,
    speaker="Axios",
    compute="pct_change(june_daily_arrests, july_daily_arrests)",
    recorded="accurate",
    value="−19.12%",
    point=F(-13, 68),
    interval=Interval(F(-13, 68), F(-13, 68)),
    interval_text="exact (the inputs are exact counts)",
    unit="percent",
    rule='"nearly 20%" accepts a drop of 18.00%–20.50% (nearly: 0.9X ≤ V ≤ X + u/2)',
    rule_name="nearly",
    arithmetic="(990 − 1,224) ÷ 1,224 = −19.12%",
    inputs=(JUNE_DAILY, JULY_DAILY),
    source=AXIOS,
)

# 27,000 ÷ 31,000 − 1 = −4/31 = −0.129032… → −12.90%.
# 31,000 stands for 30,500–31,500 and 27,000 for 26,500–27,500; the corners give
# 26,500 ÷ 31,500 − 1 = −10/63 = −15.87% and 27,500 ÷ 30,500 − 1 = −6/61 = −9.84%.
# "10%" (u = 1 point) is accurate for 9.50%–10.50%: the point misses, the interval
# reaches it → approximate. Settle: 30,600 and 27,450 round to 31,000 and 27,000, and
# 27,450 ÷ 30,600 − 1 = −10.29%, inside the band.
DHS_ONLY_10 = ClaimResult(
    id="dhs-only-10",
    line=26,
    col=5,
    statement="arrests were only down 10%, from 31,000 in June to 27,000 in July",
    figure="down 10%",
    verdict="approximate",
    passed=True,
    speaker="Tricia McLaughlin, DHS",
    compute="pct_change(june, july)",
    value="−12.90%",
    point=F(-4, 31),
    interval=Interval(F(-10, 63), F(-6, 61)),
    interval_text="−15.87% to −9.84%",
    unit="percent",
    rule='"10%" accepts a drop of 9.50%–10.50% (exact: V rounds to X)',
    rule_name="exact",
    decided_by=(
        "The accurate band 9.50%–10.50% does not hold the drop, 12.90%, but overlaps the "
        "interval the inputs' rounding allows, 9.84% to 15.87%."
    ),
    arithmetic="(27,000 − 31,000) ÷ 31,000 = −12.90%",
    diagnoses=(
        Diagnosis("rounding_edge", "10% understates the drop as written (12.90%); it is reached only near the "
                  "edges of the inputs' rounding."),
    ),
    settle=(
        "DHS's unrounded June and July totals would settle it: 30,600 → 27,450, which "
        "round to the figures given, is a 10.29% drop."
    ),
    framing=('"only" carries no number; it frames the drop as small.',),
    inputs=(
        InputFigure("june", "31,000", "arrests", "2025-06", 30, "30,500 to 31,500", DHS),
        InputFigure("july", "27,000", "arrests", "2025-07", 31, "26,500 to 27,500", DHS),
    ),
    source=DHS,
)

# 1,224 × 30 = 36,720 arrests in June by TRAC's daily average, against DHS's 31,000:
# 36,720 ÷ 31,000 = 1.184516… → TRAC's figure is 18.45% higher. The file records the
# disagreement as inaccurate, so the check passes.
JUNE_CROSS = ClaimResult(
    id="june-arrests-trac-vs-dhs",
    line=34,
    col=5,
    statement="TRAC and DHS both count ICE arrests in June 2025",
    figure="31,000",
    verdict="inaccurate",
    passed=True,
    kind="check",
    compute="june_daily_arrests * 30",
    recorded="inaccurate",
    value="36,720",
    point=F(36720),
    interval=Interval(F(36720), F(36720)),
    interval_text="exact (the inputs are exact counts)",
    unit="count",
    rule='"31,000" accepts 30,500–31,500 (exact: V rounds to X)',
    rule_name="exact",
    arithmetic="1,224 × 30 = 36,720 (TRAC) against 31,000 (DHS)",
    diagnoses=(
        Diagnosis("sources_disagree", "Cross-source disagreement: TRAC's 1,224 a day over June's 30 days is 36,720 "
                  "arrests, 18.45% more than DHS's 31,000."),
    ),
    inputs=(
        JUNE_DAILY,
        InputFigure("june", "31,000", "arrests", "2025-06", 30, "30,500 to 31,500", DHS),
    ),
)

ICE_JULY = FileResult(
    path="claims/ice_july.yaml",
    title="ICE arrests, June–July 2025",
    url="https://factcheck.example.org/2025/ice-arrests-july",
    claims=(AXIOS_NEARLY_20, DHS_ONLY_10, JUNE_CROSS),
)

COUNCIL_SRC = SourceRef(
    "council", "City of Riverton, adopted budget 2025", "https://riverton.example.gov/budget"
)

# (150 − 120) ÷ 120 = 30/120 = 1/4 → +25.00%; exact counts. "20%" accepts 19.50%–20.50%.
# Wrong base: (150 − 120) ÷ 150 = 1/5 = 20.00% (DESIGN §4).
RANGERS_20 = ClaimResult(
    id="rangers-up-20",
    line=12,
    col=5,
    statement="We hired more park rangers: a 20% rise, from 120 to 150",
    figure="a 20% rise",
    verdict="inaccurate",
    passed=False,
    speaker="Mayor Dana Ruiz",
    compute="pct_change(rangers_2024, rangers_2025)",
    failure='The arithmetic gives +25.00%, outside what "20%" allows (19.50%–20.50%).',
    value="+25.00%",
    point=F(1, 4),
    interval=Interval(F(1, 4), F(1, 4)),
    interval_text="exact (the inputs are exact counts)",
    unit="percent",
    rule='"20%" accepts a rise of 19.50%–20.50% (exact: V rounds to X)',
    rule_name="exact",
    arithmetic="(150 − 120) ÷ 120 = +25.00%",
    diagnoses=(
        Diagnosis("wrong_base", "Wrong base: 20% is the change divided by the new value, (150 − 120) ÷ 150 = "
                  "20.00%; a change is measured against the old value."),
    ),
    inputs=(
        InputFigure("rangers_2024", "120", "rangers", "2024", 366, None, COUNCIL_SRC),
        InputFigure("rangers_2025", "150", "rangers", "2025", 365, None, COUNCIL_SRC),
    ),
    source=COUNCIL_SRC,
)

BUDGET_RECORD = ClaimResult(
    id="parks-budget-record",
    line=24,
    col=5,
    statement="This is the largest parks budget in the city's history",
    figure="largest ever",
    verdict="unverifiable",
    passed=True,
    speaker="Council member Lee Park",
    settle="The yearly parks budgets since the city's founding would settle it; the file gives none.",
    note="No computation: the claim file gives no compute for this claim.",
)

# $26 million ÷ $48 million = 13/24 = 0.541666… → 0.54. "$48 million" stands for
# 47.5–48.5 million and "$26 million" for 25.5–26.5 million: 25.5 ÷ 48.5 = 51/97 = 0.5258,
# 26.5 ÷ 47.5 = 53/95 = 0.5579. "halved" is accurate within 5% of 0.5 (0.475–0.525) and
# approximate within 10% (0.45–0.55): the point 0.5417 is only in the wider band →
# approximate, but the file records "accurate", so the claim fails.
DEFICIT_HALVED = ClaimResult(
    id="deficit-halved",
    line=31,
    col=5,
    statement="We halved the deficit in two years",
    figure="halved",
    verdict="approximate",
    passed=False,
    speaker="Mayor Dana Ruiz",
    compute="ratio(deficit_2025, deficit_2023)",
    recorded="accurate",
    failure="Recorded as accurate, but the arithmetic gives approximate.",
    value="0.54×",
    point=F(13, 24),
    interval=Interval(F(51, 97), F(53, 95)),
    interval_text="0.53× to 0.56×",
    unit="ratio",
    rule='"halved" accepts a ratio of 0.475–0.525 (multiple: within 5% of 0.5)',
    rule_name="multiple",
    arithmetic="$26 million ÷ $48 million = 0.54×",
    inputs=(
        InputFigure("deficit_2023", "$48 million", "USD", "2023", 365, "$47.5 million to $48.5 million", COUNCIL_SRC),
        InputFigure("deficit_2025", "$26 million", "USD", "2025", 365, "$25.5 million to $26.5 million", COUNCIL_SRC),
    ),
)

COUNCIL = FileResult(
    path="claims/council_budget.yaml",
    title="Riverton council budget claims",
    claims=(RANGERS_20, BUDGET_RECORD, DEFICIT_HALVED),
)

BROKEN = FileResult(
    path="claims/broken.yaml",
    problems=(
        Problem(
            "claims/broken.yaml",
            9,
            24,
            "unknown figure 'jun_daily' in 'pct_change(jun_daily, july_daily)' — did you mean "
            "'june_daily'? (figures: june_daily, july_daily)",
        ),
        Problem(
            "claims/broken.yaml",
            14,
            17,
            '{june: 1,224} reads as two keys, "1" and "224"; quote the number: "1,224"',
        ),
    ),
)

# Everything a hand-written file could smuggle into a report: Rich markup, a terminal
# escape (clear screen), a BEL, a C1 CSI, a bidi override, characters illegal in XML 1.0,
# Markdown and HTML specials, and the characters GitHub's annotation syntax reserves.
# (200 − 180) is a 10% fall: 180 ÷ 200 − 1 = −1/10 → −10.00%; "50%" accepts 49.50%–50.50%.
HOSTILE_CLAIM = ClaimResult(
    id="smith-crime-50",
    line=7,
    col=5,
    statement=(
        "Crime fell [link=https://evil.example]50%[/link] | under *my* watch\r\n"
        "<script>alert(1)</script> & `rm -rf` \x1b[2J\x07\x9b31m\x0b\ufffe done"
    ),
    figure="[bold]50%[/bold] drop",
    verdict="inaccurate",
    passed=False,
    speaker="Sen. [/bold] Smith\x1b]8;;https://evil.example\x07 \u202eyrotcaf",
    compute="pct_change(crimes_2023, crimes_2024)",
    failure='The arithmetic gives −10.00%, outside what "50%" allows: 49.50%–50.50%, a 100% miss.',
    value="−10.00%",
    point=F(-1, 10),
    interval=Interval(F(-1, 10), F(-1, 10)),
    interval_text="exact (the inputs are exact counts)",
    unit="percent",
    rule='"50%" accepts a drop of 49.50%–50.50% (exact: V rounds to X)',
    rule_name="exact",
    arithmetic="(180 − 200) ÷ 200 = −10.00%",
    diagnoses=(Diagnosis("overstates", "Line one: 50% is off,\nline two: by 40 points."),),
    inputs=(
        InputFigure(
            "crimes_2023",
            "200",
            "crimes",
            "2023",
            365,
            None,
            SourceRef("evil", "Evil [bold red]Corp[/] \x1b[31m", "https://evil.example/a?b=1&c=<2>"),
        ),
        InputFigure("crimes_2024", "180", "crimes", "2024", 366, None, None),
    ),
)

HOSTILE = FileResult(
    path="claims/hostile, v2:final.yaml",
    title="Sen. [/bold] Smith's claims \x1b[2J[link=https://x]click[/link]",
    url="https://factcheck.example.org/smith",
    claims=(HOSTILE_CLAIM,),
)

ALL: tuple[FileResult, ...] = (ICE_JULY, COUNCIL, BROKEN, HOSTILE)
