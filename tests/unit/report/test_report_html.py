"""The HTML page (``--format html``): self-contained, escaped, and its charts exact."""

from __future__ import annotations

import re
from fractions import Fraction

from report_fixtures import ALL, BROKEN, COUNCIL, HOSTILE, ICE_JULY

from claimcheck.report.verify.html import coord
from claimcheck.run import render


def page(results) -> str:  # noqa: ANN001
    return render("html", results)


def test_self_contained_no_script_no_external_asset() -> None:
    text = page(ALL)
    assert text.startswith("<!DOCTYPE html>") and text.endswith("</html>\n")
    assert "<script" not in text.lower()
    # Nothing is loaded: no src=, no stylesheet link, and a CSP that forbids every load.
    assert not re.search(r"\ssrc=", text) and "<link" not in text
    assert "default-src 'none'" in text
    # Hyperlinks are the only URLs; every href is http(s).
    for href in re.findall(r'href="([^"]*)"', text):
        assert href.startswith(("https://", "http://")), href


def test_user_text_is_escaped() -> None:
    text = page([HOSTILE])
    assert "<script>alert(1)</script>" not in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; `rm -rf`" in text
    assert "\x1b" not in text and "\u202e" not in text
    # An attribute keeps its quotes: the URL with < and & is escaped inside href.
    assert 'href="https://evil.example/a?b=1&amp;c=&lt;2&gt;"' in text


def test_every_computed_claim_has_a_chart_with_a_text_alternative() -> None:
    text = page([ICE_JULY, COUNCIL])
    articles = re.findall(r"<article .*?</article>", text, re.S)
    computed = [c for fr in (ICE_JULY, COUNCIL) for c in fr.claims if c.scale is not None]
    assert len(articles) == sum(len(fr.claims) for fr in (ICE_JULY, COUNCIL))
    charts = [a for a in articles if "<svg" in a]
    assert len(charts) == len(computed) > 0
    for a in charts:
        key = re.search(r'aria-labelledby="(\S+)-t \1-d"', a)
        assert key, a[:200]
        desc = re.search(r"<desc[^>]*>(.*?)</desc>", a, re.S)[1]
        assert f"<figcaption>{desc}</figcaption>" in a
        assert "accepts" in desc and "recomputed:" in desc


def test_chart_coordinates_worked_by_hand() -> None:
    # axios-nearly-20: inputs 1,224 and 990 as bars on a 210-unit span (480 − 200 − 70):
    # 1,224 is the longest, 210; 990 is 210 × 990 / 1,224 = 169.852… → 169.85.
    text = page([ICE_JULY])
    axios = re.search(r'<article class="accurate" id="c1-1">.*?</article>', text, re.S)[0]
    widths = re.findall(r'<rect class="bar" x="200" y="\d+" width="([\d.]+)"', axios)
    assert widths == ["210", "169.85"]
    # The number line: bands 18%–20.5% (accurate) and 17%–21% (approximate), value
    # 13/68 = 19.12%. Known extent 17%..21%, padded by (21 − 17)/8 = 0.5 points each
    # side: 16.5%..21.5% onto x = 20..460 (440 units). The point: 13/68 − 33/200 =
    # 89/3400, ÷ 1/20 = 89/170, × 440 = 230.352…, + 20 = 250.35.
    assert '<circle class="pt" cx="250.35"' in axios
    # The accurate band: 20 + 440 × (0.18 − 0.165)/0.05 = 152 to 20 + 440 × 0.8 = 372.
    assert '<rect class="acc" x="152" y="' in axios and 'width="220" height="14"' in axios
    assert "The claim “nearly 20% drop” accepts 18.00% to 20.50% (approximate: 17.00% to 21.00%); recomputed: 19.12%." in axios


def test_coordinates_are_written_exactly() -> None:
    assert coord(Fraction(1, 3)) == "0.33"
    assert coord(Fraction(-5, 2)) == "-2.5"
    assert coord(Fraction(210)) == "210"


def test_invalid_file_lists_its_located_errors() -> None:
    text = page([BROKEN])
    assert "Invalid, not checked (2 problems)" in text
    assert text.count("<li><code>tests/fixtures/reports/broken.yaml:") == 2


def test_verdict_badges_and_fail() -> None:
    text = page([COUNCIL])
    assert '<span class="badge inaccurate">✘ inaccurate</span><span class="badge fail">FAIL</span>' in text
    assert '<span class="badge unverifiable">? unverifiable</span>' in text
