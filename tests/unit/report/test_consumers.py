"""Every CI report read as its real consumer reads it, on a run that mixes passing,
failing and invalid files (``tests/fixtures/newsroom`` and ``tests/fixtures/reports``).

* JUnit: validated against the XSD the Jenkins xUnit plugin checks reports with
  (``tests/schemas/junit-10.xsd``) and read with junitparser, as GitLab and Jenkins read
  it: classname split at its last dot, the first result element of a testcase.
* SARIF: validated against the SARIF 2.1.0 JSON schema (``tests/schemas/``).
* GitLab Code Quality: each finding validated against the schema GitLab itself checks
  findings with (``app/validators/json_schemas/codeclimate.json``), plus the fields its
  documentation requires, and fingerprints unique and stable across runs.
* GitHub: every line parsed by a port of the runner's own parser
  (actions/runner ``src/Runner.Common/ActionCommand.cs``, ``TryParseV2`` and its
  unescaping, in its order).

The schemas and their sources are listed in ``tests/schemas/README.md``.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path

import jsonschema
import pytest
import xmlschema
from junitparser import Error, Failure, JUnitXml, Skipped

from claimcheck import run
from claimcheck.exitcodes import Exit
from claimcheck.report import FORMATS, VALIDATE_FORMATS, Options

ROOT = Path(__file__).resolve().parents[3]
SCHEMAS = ROOT / "tests" / "schemas"
MIXED = ["tests/fixtures/newsroom", "tests/fixtures/reports"]
INVALID = {"tests/fixtures/newsroom/c_broken.yaml", "tests/fixtures/reports/broken.yaml"}


@pytest.fixture(autouse=True)
def _at_root(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)


def verify(fmt: str, paths=MIXED, **options) -> tuple[str, run.VerifyRun, list]:
    """The report of ``paths`` through the production path, its outcome and its problems."""
    from claimcheck.engine import Policy

    chunks: list[str] = []
    problems: list = []
    outcome = run.verify(paths, fmt=fmt, options=Options(**options), policy=Policy(strict=options.get("strict", False)),
                         emit=chunks.append, on_problem=problems.append, keep_results=True)
    return "".join(chunks), outcome, problems


def validate(fmt: str, paths=MIXED) -> tuple[str, run.ValidateRun]:
    chunks: list[str] = []
    outcome = run.validate(paths, fmt=fmt, emit=chunks.append)
    return "".join(chunks), outcome


# --- every format on the mixed run ----------------------------------------------------------


# The CI formats (rich and claimreview are for people and publishing, and have tests of
# their own).
CI_FORMATS = ["json", "junit", "github", "markdown", "sarif", "gitlab"]


def test_the_ci_formats_are_registered() -> None:
    assert set(CI_FORMATS) <= set(FORMATS)


@pytest.mark.parametrize("fmt", CI_FORMATS)
def test_every_format_reports_every_file_of_a_mixed_run(fmt: str) -> None:
    text, outcome, problems = verify(fmt)
    assert outcome.code == Exit.INPUT  # invalid files: exit 2, report complete all the same
    assert outcome.summary.invalid_files == 2 and outcome.summary.failed > 0 and outcome.summary.claims > 0
    for p in problems:  # every problem of every invalid file is in the report
        assert p.message.split("'")[0][:30] in text, (fmt, p)
    for path in INVALID:
        assert path in text or path.replace(",", "%2C") in text or re.sub(r"\.ya?ml$", "", path).replace("/", ".") in text


# --- JUnit -------------------------------------------------------------------------------------

JUNIT_XSD = xmlschema.XMLSchema(str(SCHEMAS / "junit-10.xsd"))


@pytest.mark.parametrize("options", [{}, {"explain": True}, {"strict": True}], ids=["plain", "explain", "strict"])
def test_junit_is_valid_against_jenkins_junit_10_xsd(options: dict) -> None:
    text, _, _ = verify("junit", **options)
    JUNIT_XSD.validate(text)  # raises with the reason when invalid


def test_junit_as_junitparser_and_jenkins_read_it() -> None:
    text, outcome, problems = verify("junit")
    xml = JUnitXml.fromstring(text.encode("utf-8"))  # bytes, as read from the file
    suites = list(xml)
    assert sum(s.tests for s in suites) == sum(1 for s in suites for _ in s)
    failures = errors = 0
    for suite in suites:
        cases = list(suite)
        assert suite.tests == len(cases)
        path = suite.name
        for case in cases:
            assert len(case.result) <= 1  # Jenkins keeps only the first result element
            # Jenkins splits the classname at its last dot: folder → package, file → class.
            package, cls = case.classname.rsplit(".", 1)
            assert package == "tests.fixtures." + path.split("/")[2]
            assert cls == re.sub(r"\.ya?ml$", "", path.rsplit("/", 1)[1]).replace(".", "_")
            for r in case.result:
                assert r.message
                if not isinstance(r, Skipped):
                    assert r.text.startswith(path + ":")  # located, path:line:col
            failures += any(isinstance(r, Failure) for r in case.result)
            errors += any(isinstance(r, Error) for r in case.result)
        assert suite._elem.get("file") == path
    assert failures == outcome.summary.failed
    invalid_cases = [c for s in suites if s.name in INVALID for c in s]
    assert errors == len(invalid_cases) == len({(p.path, p.line, p.col) for p in problems})
    for p in problems:  # each problem in its testcase's message and text
        (case,) = [c for s in suites if s.name == p.path for c in s if c.name == f"invalid claim file ({p.line}:{p.col})"]
        assert p.message in case.result[0].message and p.render() in case.result[0].text


def test_junit_skipped_is_an_unverifiable_claim() -> None:
    text, _, _ = verify("junit", paths=["tests/fixtures/newsroom/b_housing.yaml"])
    (suite,) = JUnitXml.fromstring(text.encode("utf-8"))  # bytes, as read from the file
    skipped = [c for c in suite if any(isinstance(r, Skipped) for r in c.result)]
    assert [c.name for c in skipped] == ["rents-record"]


@pytest.mark.parametrize("fmt", VALIDATE_FORMATS)
def test_validate_reports_every_file_in_each_format(fmt: str) -> None:
    text, outcome = validate(fmt)
    assert outcome.code == Exit.INPUT and outcome.invalid == 2 and outcome.files > 2
    if fmt == "junit":
        JUNIT_XSD.validate(text)
        suites = list(JUnitXml.fromstring(text.encode("utf-8")))  # bytes, as read from the file
        assert len(suites) == outcome.files
        valid = [s for s in suites if s.name not in INVALID]
        assert all([c.name for c in s] == ["claim file is valid"] and s.tests == 1 for s in valid)
    elif fmt == "sarif":
        SARIF_VALIDATOR.validate(json.loads(text))
    elif fmt == "gitlab":
        check_gitlab(json.loads(text))
    elif fmt == "github":
        commands = [parse_command(line) for line in text.splitlines()]
        assert {c[0] for c in commands if c} == {"error"}
        assert text.endswith(f"claimcheck: {outcome.files} files: {outcome.files - 2} valid, 2 invalid\n")
    else:
        doc = json.loads(text)
        assert [f["valid"] for f in doc["files"]].count(False) == 2


# --- SARIF -------------------------------------------------------------------------------------

SARIF_SCHEMA = json.loads((SCHEMAS / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
SARIF_VALIDATOR = jsonschema.Draft4Validator(SARIF_SCHEMA, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)


@pytest.mark.parametrize("options", [{}, {"explain": True}, {"strict": True}], ids=["plain", "explain", "strict"])
def test_sarif_is_valid_sarif_2_1_0(options: dict) -> None:
    text, _, _ = verify("sarif", **options)
    SARIF_VALIDATOR.validate(json.loads(text))


def test_sarif_rules_locations_and_results() -> None:
    from claimcheck.verdicts import KINDS

    text, outcome, problems = verify("sarif")
    (sarif_run,) = json.loads(text)["runs"]
    rules = [r["id"] for r in sarif_run["tool"]["driver"]["rules"]]
    assert len(rules) == len(set(rules))
    assert {k for k, _ in KINDS} <= set(rules)  # one rule per diagnosis kind
    results = sarif_run["results"]
    assert {r["ruleId"] for r in results} <= set(rules)
    for r in results:
        (loc,) = r["locations"]
        region = loc["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
    errors = [r for r in results if r["level"] == "error"]
    assert len(errors) == outcome.summary.failed + len(problems)
    invalid = [r for r in results if r["ruleId"] == "invalid-input"]
    assert sorted((r["locations"][0]["physicalLocation"]["region"]["startLine"], r["message"]["text"]) for r in invalid) \
        == sorted((p.line, p.message) for p in problems)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    assert "tests/fixtures/reports/hostile%2C%20v2.yaml" in uris


# --- GitLab Code Quality ---------------------------------------------------------------------

GITLAB_SCHEMA = json.loads((SCHEMAS / "gitlab-codeclimate.json").read_text(encoding="utf-8"))
SEVERITIES = {"info", "minor", "major", "critical", "blocker"}


def check_gitlab(doc: list) -> None:
    assert isinstance(doc, list)
    for issue in doc:
        jsonschema.Draft202012Validator(GITLAB_SCHEMA).validate(issue)
        # What GitLab's documentation requires on top (docs.gitlab.com/ci/testing/code_quality).
        assert isinstance(issue["check_name"], str) and issue["check_name"]
        assert issue["severity"] in SEVERITIES
        assert isinstance(issue["location"]["path"], str) and not issue["location"]["path"].startswith(("/", "./"))
        assert isinstance(issue["location"]["lines"]["begin"], int) and issue["location"]["lines"]["begin"] >= 1
    fingerprints = [i["fingerprint"] for i in doc]
    assert len(fingerprints) == len(set(fingerprints))  # GitLab keeps one finding per fingerprint


def test_gitlab_code_quality_against_gitlabs_schema() -> None:
    text, outcome, problems = verify("gitlab")
    doc = json.loads(text)
    check_gitlab(doc)
    blockers = [i for i in doc if i["severity"] == "blocker"]
    assert len(blockers) == len(problems)
    assert len([i for i in doc if i["severity"] == "critical"]) == outcome.summary.failed


def test_gitlab_fingerprints_are_stable_across_runs_and_edits(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    claims = tmp_path / "claims"
    claims.mkdir()
    source = (ROOT / "tests/fixtures/newsroom/b_housing.yaml").read_text(encoding="utf-8")
    (claims / "housing.yaml").write_text(source, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    first = json.loads(verify("gitlab", paths=["claims"])[0])
    again = json.loads(verify("gitlab", paths=["claims"])[0])
    assert first == again
    (claims / "housing.yaml").write_text("# a comment\n# and another\n" + source, encoding="utf-8")
    moved = json.loads(verify("gitlab", paths=["claims"])[0])
    assert [i["fingerprint"] for i in moved] == [i["fingerprint"] for i in first]
    assert [i["location"]["lines"]["begin"] for i in moved] == [i["location"]["lines"]["begin"] + 2 for i in first]


# --- GitHub workflow commands ----------------------------------------------------------------

# actions/runner, src/Runner.Common/ActionCommand.cs: the escape tables, undone in order.
_DATA = [("%0D", "\r"), ("%0A", "\n"), ("%25", "%")]
_PROPERTY = [("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")]
COMMANDS = {"error", "warning", "notice", "debug", "group", "endgroup", "add-mask", "stop-commands"}


def _unescape(text: str, table: list[tuple[str, str]]) -> str:
    for escaped, token in table:
        text = text.replace(escaped, token)
    return text


def parse_command(line: str) -> tuple[str, dict[str, str], str] | None:
    """``ActionCommand.TryParseV2``: ``None`` for a line the runner does not read as a command."""
    message = line.lstrip()
    if not message.startswith("::"):
        return None
    end = message.find("::", 2)
    if end < 0:
        return None
    info = message[2:end]
    space = info.find(" ")
    name = info if space < 0 else info[:space]
    if name not in COMMANDS:
        return None
    props: dict[str, str] = {}
    if space > 0:
        for prop in (p for p in info[space + 1:].strip().split(",") if p):
            pair = [x for x in prop.split("=", 1) if x]
            if len(pair) == 2:
                props[pair[0].lower()] = _unescape(pair[1], _PROPERTY)
    return name, props, _unescape(message[end + 2:], _DATA)


def test_github_commands_as_the_runner_parses_them() -> None:
    from claimcheck.report.common import failure_text

    text, outcome, problems = verify("github")
    lines = text.splitlines()
    commands = [parse_command(line) for line in lines]
    assert all(c is not None for c in commands[:-1]) and commands[-1] is None  # the last: a plain summary line
    errors = [c for c in commands if c and c[0] == "error"]
    assert len(errors) == outcome.summary.failed + len(problems)
    by_place = {(c[1]["file"], int(c[1]["line"]), int(c[1]["col"])): c for c in errors}
    for p in problems:
        name, props, data = by_place[(p.path, p.line, p.col)]
        assert data == p.message and props["title"] == "claimcheck: invalid claim file"
    hostile = [c for c in commands if c and c[1].get("file") == "tests/fixtures/reports/hostile, v2.yaml"]
    assert hostile  # a comma in the path survives the property escaping
    by_place = {(fr.path, c.line, c.col): c for fr in outcome.results for c in fr.claims}
    failing = [c for c in commands if c and c[1].get("title", "").endswith(" is inaccurate")]
    assert failing
    for name, props, data in failing:
        claim = by_place[(props["file"], int(props["line"]), int(props["col"]))]
        assert props["title"] == f"claimcheck: {claim.id} is inaccurate"
        assert data.splitlines()[0] == failure_text(claim)  # the reason first, unescaped exactly


def _many(n: int, verdict_file: str = "council_budget.yaml"):
    from report_fixtures import COUNCIL, ICE_JULY

    base = COUNCIL if verdict_file == "council_budget.yaml" else ICE_JULY
    return [replace(base, path=f"claims/f{i:04d}.yaml") for i in range(n)]


def test_github_says_when_annotations_are_hidden() -> None:
    few = run.render("github", _many(3))  # 2 errors a file: 6 errors
    assert "some annotations are not shown" not in few
    many = run.render("github", _many(8))  # 16 errors, 8 notices, 8 warnings
    commands = [c for c in map(parse_command, many.splitlines()) if c]
    errors = [c for c in commands if c[0] == "error"]
    notices = [c for c in commands if c[0] == "notice"]
    assert len(errors) == 16  # every error is still in the log
    assert len(notices) <= 10  # GitHub shows 10 notices a step: the last is the note below
    note = notices[-1]
    assert note[1]["title"] == "claimcheck: some annotations are not shown"
    assert "16 errors" in note[2] and "job summary" in note[2]


def test_github_notices_past_the_ninth_are_plain_lines_and_the_note_is_shown() -> None:
    from report_fixtures import COUNCIL

    text = run.render("github", _many(15), Options(explain=True))
    commands = [c for c in map(parse_command, text.splitlines()) if c]
    notices = [c for c in commands if c[0] == "notice"]
    assert len(notices) == 10 and notices[-1][1]["title"] == "claimcheck: some annotations are not shown"
    plain = [line for line in text.splitlines() if line.startswith("notice: ")]
    assert plain and all(parse_command(line) is None for line in plain)
    assert plain[0].startswith("notice: claims/f0004.yaml:") or plain[0].startswith("notice: claims/f")
    assert COUNCIL.claims  # the fixture is what it claims to be


def test_github_step_summary_stays_under_one_mib_failures_first() -> None:
    from claimcheck.report import step_summary
    from claimcheck.report.verify.github import SUMMARY_LIMIT

    results = _many(1000)
    text = step_summary(results)
    size = len(text.encode("utf-8"))
    assert size < SUMMARY_LIMIT
    failures_at = text.index("## Failures (2000)")
    counts_at = text.index("**3000 claims:")
    assert failures_at < counts_at
    assert "claims/f0999.yaml" in text[failures_at:counts_at]  # every failure listed, before any table
    assert text.rstrip().endswith("writes the whole report.*")
    assert "Left out to keep this summary under GitHub's 1 MiB limit: the tables of" in text
    small = step_summary(_many(2))
    assert "Left out" not in small and small.count("| claim | speaker |") == 2


def test_github_step_summary_cuts_failures_too_when_they_alone_are_too_many() -> None:
    from claimcheck.report.verify.github import step_summary

    text = step_summary(_many(200), limit=20_000)
    assert len(text.encode("utf-8")) < 20_000
    assert re.search(r"Left out to keep this summary under GitHub's 1 MiB limit: \d+ failures and the tables of 200 files", text)
