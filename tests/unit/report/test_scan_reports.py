"""The scan reports (terminal, json, github) and the --emit-yaml scaffold."""

from __future__ import annotations

import json

from claimcheck.claimfile import load_text
from claimcheck.report.scan import github as scan_github
from claimcheck.report.scan import json as scan_json
from claimcheck.report.scan import terminal as scan_terminal
from claimcheck.report.scan.yaml import scaffold_yaml
from claimcheck.results import Problem
from claimcheck.scan import ScanResult, scan_text

TEXT = (
    "A spokeswoman said arrests were only down 10%, from 31,000 in June to 27,000 in July.\n"
    "Admissions rose 20%, from 120 to 150.\n"
    "Deportations rose 12% in June.\n"
)


def _result() -> ScanResult:
    return scan_text(TEXT, path="dir,x/a:b.txt")


def test_terminal_plain() -> None:
    out = scan_terminal.render([_result()], color=False, width=200)
    assert "\x1b[" not in out
    lines = out.splitlines()
    assert lines[0] == "dir,x/a:b.txt: 3 numeric claims"
    assert lines[1] == 'dir,x/a:b.txt:1:33  ≈ approximate  "only down 10%"'
    assert lines[2] == "    pct_change(31000, 27000): (27,000 − 31,000) ÷ 31,000 = −12.90%"
    # which numbers, which relation, and why: "from 31,000 in June to 27,000 in July"
    assert lines[3].startswith("    paired as percent change: ")
    assert "'from' before 31,000" in lines[3] and "'to' before 27,000" in lines[3]
    assert any(line.startswith('dir,x/a:b.txt:2:12  ✘ inaccurate  "rose 20%"') for line in lines)
    assert 'dir,x/a:b.txt:3:14  · needs a source  "rose 12%" (percent)' in lines
    assert lines[-1] == "3 numeric claims: 2 checked (1 approximate, 1 inaccurate), 1 needs a source"


def test_terminal_never_reads_markup_or_escapes() -> None:
    r = scan_text("Costs rose 20%, from 120 to 150.\x1b[31m\n", path="[bold red]x[/].txt")
    out = scan_terminal.render([r], color=False, width=200)
    assert out.splitlines()[1] == '[bold red]x[/].txt:1:7  ✘ inaccurate  "rose 20%"'
    assert "\x1b" not in out
    assert len(r.findings) == 1  # "[31m" of the escape is not "31 million"


def test_terminal_problem_and_color() -> None:
    bad = ScanResult("gone.txt", None, (), (Problem("gone.txt", 1, 1, "no such file"),))
    out = scan_terminal.render([bad, _result()], color=True, width=120)
    assert "gone.txt:1:1: error: no such file" in out
    assert "\x1b[" in out
    assert out.rstrip().endswith("1 unreadable input\x1b[0m")


def test_json_is_stable_and_exact() -> None:
    doc = json.loads(scan_json.render([_result()]))
    assert list(doc) == ["version", "files", "summary"]
    f = doc["files"][0]
    assert list(f) == ["path", "format", "problems", "findings"]
    first = f["findings"][0]
    assert list(first) == [
        "line", "col", "end_line", "end_col", "phrase", "kind", "status", "sentence", "figure",
        "compute", "inputs", "relation", "pairing", "verdict", "value", "arithmetic", "rule", "diagnoses", "framing", "note",
    ]
    assert first["figure"]["value"] == "1/10" and first["figure"]["u"] == "1/100"
    assert first["inputs"] == ["31,000", "27,000"]
    assert first["relation"] == "percent change" and "'from' before 31,000" in first["pairing"]
    needs = f["findings"][2]
    assert needs["status"] == "needs-source" and needs["relation"] is None and needs["pairing"] is None
    assert first["verdict"] == "approximate" and first["value"] == "−12.90%"
    assert doc["version"] == 2
    assert [d["kind"] for d in first["diagnoses"]] == ["rounding_edge"]
    assert first["diagnoses"][0]["data"] == {
        "claimed": "10%", "computed": "-12.90%", "reachable": "-9.84%", "old_edge": "30,500", "new_edge": "27,500"}
    assert doc["summary"] == {
        "files": 1, "invalid_files": 0, "findings": 3, "checked": 2, "needs_source": 1,
        "accurate": 0, "approximate": 1, "inaccurate": 1, "unverifiable": 0,
    }


def test_github_annotations_and_escaping() -> None:
    out = scan_github.render([_result()]).splitlines()
    assert len(out) == 3
    assert out[0].startswith(
        "::notice file=dir%2Cx/a%3Ab.txt,line=1,col=33,endLine=1,endColumn=45,title=claimcheck scan%3A approximate::"
        '"only down 10%25": approximate%0Apct_change(31000, 27000)'
    )
    assert "%0Apaired as percent change: in the claim's clause" in out[0]
    assert out[1].startswith("::error file=dir%2Cx/a%3Ab.txt,line=2,col=12,")
    assert "\n" not in out[1] and "\r" not in out[1]
    assert out[2] == (
        "::notice file=dir%2Cx/a%3Ab.txt,line=3,col=14,endLine=3,endColumn=21,"
        'title=claimcheck scan%3A needs a source::"rose 12%25" (percent): needs a source'
    )
    bad = ScanResult("a.txt", None, (), (Problem("a.txt", 2, 4, "not UTF-8 (byte 0xE9)"),))
    assert scan_github.render([bad]) == "::error file=a.txt,line=2,col=4,title=claimcheck scan%3A input error::not UTF-8 (byte 0xE9)\n"


def test_scaffold_loads_back_and_recomputes(fill_placeholders) -> None:  # noqa: ANN001
    text = scaffold_yaml([_result()], title="Arrests, summer", url="https://example.org/arrests")
    # As written, every placeholder is refused, located (the reporter fills them in) ...
    unfilled = load_text("scaffold.yaml", text).problems
    assert unfilled and all("still a placeholder" in p.message for p in unfilled)
    assert all(text.split("\n")[p.line - 1][p.col - 1 :].lstrip("\"'").startswith("TODO") for p in unfilled)
    # ... and once they are filled in, the scaffold loads as it stands.
    text = fill_placeholders(text)
    loaded = load_text("scaffold.yaml", text)
    assert loaded.problems == ()
    model = loaded.model
    assert model.title == "Arrests, summer"
    assert model.sources["article"].url == "https://example.org/arrests"
    assert [c.id for c in model.claims] == ["only-down-10", "rose-20", "rose-12"]
    dhs = model.claims[0]
    assert dhs.speaker == "Filled: speaker"
    assert dhs.source == "article"
    # the statement is the claim's clause, and the numbers are named file-level figures
    # with their period (June and July of no stated year: no period) and source
    assert dhs.statement == "A spokeswoman said arrests were only down 10%, from 31,000 in June to 27,000 in July."
    # named by the claim's subject and the month the sentence gives each
    assert set(model.figures) == {"arrests_june", "arrests_july", "admissions", "admissions_2"}
    assert (model.figures["arrests_june"].value.value, model.figures["arrests_june"].unit) == (31000, "arrests")
    assert model.figures["arrests_june"].period is None  # June of no stated year: a TODO
    assert "# period: TODO — the article says June (of no stated year)" in text
    assert all(f.source == "article" for f in model.figures.values())
    from claimcheck.engine import check_loaded

    verdicts = [c.verdict for c in check_loaded(loaded).claims]
    # the same numbers through the file engine: −12.90% approximate; 25% vs 20% inaccurate;
    # no computation for the needs-source claim → unverifiable
    assert verdicts == ["approximate", "inaccurate", "unverifiable"]


def test_scaffold_names_figures_by_noun_and_year(fill_placeholders) -> None:  # noqa: ANN001
    r = scan_text("Total homicides dropped 32 percent, from 105 in 2007 to 71 in 2008; the lowest since 1985.\n", path="a.txt")
    text = scaffold_yaml([r])
    model = load_text("s.yaml", fill_placeholders(text)).model
    assert model is not None
    # (71 − 105) ÷ 105 = −32.38%: "32 percent" accurate
    assert set(model.figures) == {"homicides_2007", "homicides_2008"}
    f2007 = model.figures["homicides_2007"]
    assert (f2007.value.value, f2007.unit, str(f2007.period)) == (105, "homicides", "2007")
    (claim,) = model.claims
    assert claim.statement == "Total homicides dropped 32 percent, from 105 in 2007 to 71 in 2008"
    assert "compute: pct_change(homicides_2007, homicides_2008)" in text
    assert "1985" not in text.split("claims:")[0]  # a year is never a figure


def test_scaffold_of_nothing_loads(fill_placeholders) -> None:  # noqa: ANN001
    text = scaffold_yaml([scan_text("No numbers here.", path="a.txt")])
    assert load_text("s.yaml", fill_placeholders(text)).problems == ()


def test_scaffold_quotes_hostile_text(fill_placeholders) -> None:  # noqa: ANN001
    r = scan_text('He said "costs rose 20% {from} 120 to 150" # not a comment', path="a.txt")
    text = scaffold_yaml([r])
    loaded = load_text("s.yaml", fill_placeholders(text))
    assert loaded.problems == ()
    assert loaded.model.claims[0].statement.startswith('He said "costs rose 20% {from} 120 to 150" # not')
