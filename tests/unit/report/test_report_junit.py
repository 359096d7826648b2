"""The JUnit report: well-formed XML in the common JUnit shape GitLab and Jenkins read."""

from __future__ import annotations

import xml.etree.ElementTree as ET

from report_fixtures import ALL, BROKEN, COUNCIL, HOSTILE, ICE_JULY

from claimcheck.report import Options
from claimcheck.run import render as render_all
from claimcheck.report.verify.junit import xml_attr, xml_text
from claimcheck.results import ClaimResult, FileResult

# The common JUnit format (the Jenkins/Ant schema GitLab also reads): which children and
# attributes each element may have.
ALLOWED_CHILDREN = {
    "testsuites": {"testsuite"},
    "testsuite": {"properties", "testcase", "system-out", "system-err"},
    "properties": {"property"},
    "testcase": {"skipped", "error", "failure", "system-out", "system-err"},
}
ALLOWED_ATTRS = {
    "testsuites": {"name", "time", "tests", "failures", "disabled", "errors"},
    "testsuite": {"name", "tests", "failures", "errors", "skipped", "disabled", "time", "timestamp", "hostname", "id", "package", "file"},
    "property": {"name", "value"},
    "testcase": {"name", "classname", "time", "assertions", "status"},
    "failure": {"message", "type"},
    "error": {"message", "type"},
    "skipped": {"message"},
    "system-out": set(),
    "system-err": set(),
    "properties": set(),
}


def parse(results, **kw) -> ET.Element:
    return ET.fromstring(render_all("junit", results, Options(**kw)).encode("utf-8"))


def check_shape(el: ET.Element) -> None:
    assert set(el.attrib) <= ALLOWED_ATTRS[el.tag], (el.tag, el.attrib)
    for child in el:
        assert child.tag in ALLOWED_CHILDREN.get(el.tag, set()), (el.tag, child.tag)
        check_shape(child)
    if el.tag == "testsuite":
        cases = el.findall("testcase")
        assert int(el.get("tests")) == len(cases)
        assert int(el.get("failures")) == sum(c.find("failure") is not None for c in cases)
        assert int(el.get("errors")) == sum(c.find("error") is not None for c in cases)
        assert int(el.get("skipped")) == sum(c.find("skipped") is not None for c in cases)
    if el.tag == "testcase":
        assert el.get("name") and el.get("classname")
    if el.tag in ("failure", "error"):
        assert el.get("message") and el.get("type")


def test_whole_report_has_the_junit_shape() -> None:
    root = parse(ALL)
    assert root.tag == "testsuites"
    check_shape(root)
    assert [s.get("name") for s in root] == [fr.path for fr in ALL]


def test_explain_keeps_the_shape() -> None:
    check_shape(parse(ALL, explain=True))


def test_one_testcase_per_claim_named_by_id_and_file() -> None:
    (suite,) = parse([ICE_JULY])
    cases = suite.findall("testcase")
    assert [(c.get("classname"), c.get("name")) for c in cases] == [
        ("tests.fixtures.reports.ice_july", "axios-nearly-20"),
        ("tests.fixtures.reports.ice_july", "dhs-only-10"),
        ("tests.fixtures.reports.ice_july", "june-arrests-trac-vs-dhs"),
    ]
    assert suite.get("file") == "tests/fixtures/reports/ice_july.yaml"
    assert list(cases[0]) == []  # accurate: a bare passing testcase
    assert [c.tag for c in cases[1]] == ["system-out"]  # approximate: passes, explained


def test_failures_carry_type_message_and_arithmetic() -> None:
    (suite,) = parse([COUNCIL])
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors"), suite.get("skipped")) == ("3", "2", "0", "1")
    cases = {c.get("name"): c for c in suite.findall("testcase")}
    failure = cases["rangers-up-20"].find("failure")
    assert failure.get("type") == "inaccurate"
    assert failure.get("message") == "the arithmetic does not support the claim"
    assert "(150 − 120) ÷ 120 = +25.00%" in failure.text
    assert "Wrong base" in failure.text
    assert failure.text.startswith("tests/fixtures/reports/council_budget.yaml:20:5\n")
    assert cases["deficit-halved"].find("failure").get("type") == "recorded-verdict"
    assert cases["parks-budget-record"].find("skipped") is not None


def test_invalid_file_is_a_testcase_per_place_each_with_one_error() -> None:
    (suite,) = parse([BROKEN])
    n = len(BROKEN.problems)
    assert (suite.get("tests"), suite.get("errors"), suite.get("failures")) == (str(n), str(n), "0")
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == [f"invalid claim file ({p.line}:{p.col})" for p in BROKEN.problems]
    for case, p in zip(cases, BROKEN.problems):
        (error,) = list(case)
        assert error.tag == "error" and error.get("type") == "invalid-input"
        assert error.get("message") == p.message and error.text == p.render() + "\n"


def test_problems_at_one_place_are_joined_in_one_error() -> None:
    from claimcheck.results import Problem

    fr = FileResult("claims/a.yaml", problems=(Problem("claims/a.yaml", 2, 3, "one"), Problem("claims/a.yaml", 2, 3, "two")))
    (suite,) = parse([fr])
    (case,) = suite.findall("testcase")
    (error,) = case.findall("error")
    assert error.get("message") == "one; two"
    assert error.text == "claims/a.yaml:2:3: error: one\nclaims/a.yaml:2:3: error: two\n"


def test_classname_has_no_extension_dot() -> None:
    from claimcheck.report.verify.junit import classname

    assert classname("claims/ice_july.yaml") == "claims.ice_july"
    assert classname("./claims/v1.2/a.b.YML") == "claims.v1_2.a_b"
    assert classname("ice.yaml") == "ice"
    assert classname("<stdin>") == "<stdin>"


def test_hostile_text_is_escaped_and_illegal_characters_removed() -> None:
    text = render_all("junit", [HOSTILE])
    root = ET.fromstring(text.encode("utf-8"))  # well-formed despite \x0b, \x1b, U+FFFE
    failure = root.find("testsuite/testcase/failure")
    assert "<script>alert(1)</script> & `rm -rf`" in failure.text
    assert "<script>" not in text  # escaped in the document itself
    assert root.find("testsuite").get("name") == "tests/fixtures/reports/hostile, v2.yaml"


def test_escaping_helpers() -> None:
    assert xml_text("a < b & c > d\x00\x0b\ufffe") == "a &lt; b &amp; c &gt; d"
    assert xml_attr('say "hi"\nnext\tline') == '"say &quot;hi&quot;&#10;next&#9;line"'
    # An attribute keeps its line break through a parser.
    el = ET.fromstring(f"<x a={xml_attr('one' + chr(10) + 'two')}/>")
    assert el.get("a") == "one\ntwo"


def test_empty_run_and_file_without_claims() -> None:
    root = parse([])
    assert root.tag == "testsuites" and list(root) == []
    (suite,) = parse([FileResult("claims/empty.yaml")])
    # A valid file with nothing to judge is one passing testcase, so a report of valid
    # files is never empty (Jenkins fails a build on a report without tests).
    assert suite.get("tests") == "1"
    assert [c.get("name") for c in suite] == ["claim file is valid"]


def test_passing_accurate_claim_under_explain_has_system_out() -> None:
    (suite,) = parse([ICE_JULY], explain=True)
    first = suite.find("testcase")
    assert first.find("system-out") is not None
    assert "(990 − 1,224) ÷ 1,224 = −19.12%" in first.find("system-out").text


def test_strict_failure_type() -> None:
    c = ClaimResult("x", 1, 1, "s", "about 10%", "approximate", passed=False)
    (suite,) = parse([FileResult("f.yaml", claims=(c,))])
    assert suite.find("testcase/failure").get("type") == "strict"
