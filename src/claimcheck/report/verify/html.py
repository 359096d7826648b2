"""One self-contained HTML page per run (``--format html``): a fact-check to publish or attach.

Per file: its title, path and URL, then each claim as an ``<article>``: the verdict badge
(and FAIL when the claim fails CI), the statement and speaker, the claimed and recomputed
figures, the arithmetic, the interval the inputs' rounding allows, the rule and what
decided it, the diagnoses, what would settle it, and the sources with links. Every
computed claim has a small inline SVG chart: its input values as bars, and a number line
with the claim's accurate and approximate bands against the recomputed value and its
rounding interval; a ``<figcaption>`` says the same in words (the chart's text
alternative, also its ``<title>``/``<desc>``). An invalid file lists its located errors.

Self-contained: one file, no script, no external asset, no web font; a
Content-Security-Policy forbids every load, so the page makes no request when opened.
All user text goes through :func:`~claimcheck.report.common.clean` and then HTML
escaping; links are made only of ``http:`` and ``https:`` URLs.

Numbers are exact to the end: SVG coordinates are computed as Fractions and written
with two decimals by integer arithmetic (:func:`coord`).
"""

from __future__ import annotations

import html
from fractions import Fraction

from claimcheck.numbers import NumberError, fmt_decimal, parse_number
from claimcheck.report import Options
from claimcheck.report.common import SYMBOLS, clean, failure_text, input_words, link_url, location, plural, recorded_agreement
from claimcheck.results import ClaimResult, FileResult, InputFigure, RunSummary, Scale, SourceRef

#: Chart geometry, in SVG user units.
WIDTH = 480
BAR_H = 16
BAR_GAP = 6
LABEL_W = 200
LINE_H = 74

STYLE = """
:root { color-scheme: light; --ink: #1b1b1b; --muted: #5b5b5b; --rule: #d8d8d8;
  --accurate: #1f7a3a; --approximate: #8a6100; --inaccurate: #b3261e; --unverifiable: #6b3fa0; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
  color: var(--ink); background: #fafafa; }
main { max-width: 52rem; margin: 0 auto; padding: 1.5rem 1rem 3rem; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 .25rem; }
h3 { font-size: 1rem; margin: 0; font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-weight: 600; }
.path, .summary, .muted { color: var(--muted); }
.path { margin: 0 0 1rem; font-size: .9rem; overflow-wrap: anywhere; }
article { background: #fff; border: 1px solid var(--rule); border-left: 6px solid var(--rule);
  border-radius: 6px; padding: 1rem 1.25rem; margin: 1rem 0; }
article.accurate { border-left-color: var(--accurate); }
article.approximate { border-left-color: var(--approximate); }
article.inaccurate { border-left-color: var(--inaccurate); }
article.unverifiable { border-left-color: var(--unverifiable); }
article > header { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; }
.badge { display: inline-block; padding: .1rem .6rem; border-radius: 999px; color: #fff; font-weight: 700;
  font-size: .9rem; white-space: nowrap; }
.badge.accurate { background: var(--accurate); } .badge.approximate { background: var(--approximate); }
.badge.inaccurate { background: var(--inaccurate); } .badge.unverifiable { background: var(--unverifiable); }
.badge.fail { background: #fff; color: var(--inaccurate); border: 2px solid var(--inaccurate); }
.where { font-size: .8rem; color: var(--muted); margin-left: auto; overflow-wrap: anywhere; }
blockquote { margin: .75rem 0 .25rem; font-style: italic; font-size: 1.05rem; overflow-wrap: anywhere; }
.speaker { margin: 0 0 .75rem; color: var(--muted); }
dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem 1rem; margin: .75rem 0; }
dt { color: var(--muted); font-size: .9rem; }
dd { margin: 0; overflow-wrap: anywhere; }
dd.arith { font-weight: 700; font-variant-numeric: tabular-nums; }
figure { margin: .75rem 0; }
figure svg { width: 100%; max-width: 480px; height: auto; display: block; }
figcaption { font-size: .85rem; color: var(--muted); }
ul.sources { padding-left: 1.2rem; margin: .25rem 0 0; font-size: .92rem; }
ul.sources li { overflow-wrap: anywhere; }
ul.problems { padding-left: 1.2rem; } ul.problems code { overflow-wrap: anywhere; }
.fails { color: var(--inaccurate); font-weight: 600; }
h4 { margin: .75rem 0 0; font-size: .9rem; color: var(--muted); font-weight: 600; }
svg text { font: 11px "DejaVu Sans", sans-serif; fill: #1b1b1b; }
svg .bar { fill: #4a6fa5; } svg .bar.neg { fill: #a55a4a; }
svg .approx { fill: #f2dfb0; } svg .acc { fill: #9fd3ad; }
svg .axis, svg .iv { stroke: #1b1b1b; stroke-width: 1.5; fill: none; }
svg .pt { fill: #1b1b1b; } svg .tick { fill: #5b5b5b; }
"""


def esc(text: str | None, *, multiline: bool = False) -> str:
    """User text, cleaned and HTML-escaped (quotes too: safe in an attribute)."""
    return html.escape(clean(text, multiline=multiline), quote=True)


def link(url: str | None, text: str | None = None) -> str:
    """An ``<a>`` for an http(s) URL; any other scheme (``javascript:``) is shown as text."""
    shown = esc(text if text is not None else url)
    u = link_url(url)
    if u is not None:
        return f'<a href="{html.escape(u, quote=True)}">{shown}</a>'
    return shown


def coord(x: Fraction) -> str:
    """An SVG coordinate from an exact value: two decimals, trailing zeros trimmed."""
    return fmt_decimal(x, 2, group=False, trim=True).replace("−", "-")


def scale_text(s: Scale, x: Fraction) -> str:
    """A value on the claim's scale as the reports write it: "19.12%", "36,720"."""
    if s.unit == "percent":
        return fmt_decimal(x, s.places, times=100) + "%"
    if s.unit == "points":
        return fmt_decimal(x, s.places, times=100) + " points"
    return fmt_decimal(x, s.places, trim=True)


def band_text(s: Scale, band: tuple[Fraction | None, Fraction | None]) -> str:
    lo, hi = band
    if lo is None and hi is None:
        return "any value"
    if lo is None:
        return f"up to {scale_text(s, hi)}"  # type: ignore[arg-type]
    if hi is None:
        return f"{scale_text(s, lo)} or more"
    return f"{scale_text(s, lo)} to {scale_text(s, hi)}"


def input_value(inp: InputFigure) -> Fraction | None:
    """An input's exact value from its text as written (None if it does not read back)."""
    try:
        return parse_number(inp.written).value
    except (NumberError, ValueError, TypeError):
        return None


# --- the chart ---------------------------------------------------------------------------


def chart(c: ClaimResult, key: str) -> str:
    """The figure of a computed claim: input bars and the number line, with its text."""
    s = c.scale
    if s is None:
        return ""
    values = [(inp, input_value(inp)) for inp in c.inputs]
    bars = [(inp, v) for inp, v in values if v is not None]
    top = max((abs(v) for _, v in bars), default=Fraction(0))
    height = (len(bars) * (BAR_H + BAR_GAP) + 8 if bars else 0) + LINE_H
    parts: list[str] = []
    y = 4
    span = Fraction(WIDTH - LABEL_W - 70)
    for inp, v in bars:
        w = span * abs(v) / top if top else Fraction(0)
        label = f"{clean(inp.name)} = {clean(inp.written)}"
        if len(label) > 32:
            label = label[:31] + "…"
        parts.append(
            f'<text x="{LABEL_W - 6}" y="{y + 12}" text-anchor="end">{html.escape(label)}</text>'
            f'<rect class="bar{" neg" if v < 0 else ""}" x="{LABEL_W}" y="{y}" width="{coord(max(w, Fraction(1)))}" '
            f'height="{BAR_H}"/>'
        )
        y += BAR_H + BAR_GAP
    if bars:
        y += 8
    parts.append(number_line(s, y))
    desc = caption(c, bars)
    title = f"Chart of {clean(c.id)}"
    return (
        f'<figure><svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'aria-labelledby="{key}-t {key}-d"><title id="{key}-t">{html.escape(title)}</title>'
        f'<desc id="{key}-d">{html.escape(desc)}</desc>{"".join(parts)}</svg>'
        f"<figcaption>{html.escape(desc)}</figcaption></figure>"
    )


def number_line(s: Scale, y0: int) -> str:
    """The claim's bands (approximate, accurate) against the value and its interval."""
    known = [x for x in (*s.accurate, *s.approximate, s.point, *(s.interval or ())) if x is not None]
    lo, hi = min(known), max(known)
    pad = (hi - lo) / 8 if hi > lo else (abs(hi) / 8 or Fraction(1))
    lo, hi = lo - pad, hi + pad
    left, right = Fraction(20), Fraction(WIDTH - 20)

    def x(v: Fraction | None, default: Fraction) -> Fraction:
        if v is None:
            return default
        return left + (right - left) * (v - lo) / (hi - lo)

    axis_y = y0 + 30
    out = []
    for cls, band, h in (("approx", s.approximate, 22), ("acc", s.accurate, 14)):
        a, b = x(band[0], left), x(band[1], right)
        out.append(
            f'<rect class="{cls}" x="{coord(a)}" y="{coord(Fraction(axis_y - h // 2))}" '
            f'width="{coord(max(b - a, Fraction(1)))}" height="{h}"/>'
        )
    out.append(f'<line class="axis" x1="{coord(left)}" y1="{axis_y}" x2="{coord(right)}" y2="{axis_y}"/>')
    if s.interval is not None and s.interval[0] != s.interval[1]:
        a, b = x(s.interval[0], left), x(s.interval[1], right)
        iy = axis_y + 16
        out.append(
            f'<path class="iv" d="M{coord(a)} {iy - 4}V{iy + 4}M{coord(a)} {iy}H{coord(b)}M{coord(b)} {iy - 4}V{iy + 4}"/>'
        )
    p = x(s.point, left)
    out.append(f'<circle class="pt" cx="{coord(p)}" cy="{axis_y}" r="4.5"/>')
    out.append(f'<text x="{coord(p)}" y="{y0 + 12}" text-anchor="middle">{html.escape(scale_text(s, s.point))}</text>')
    edges = [v for v in s.approximate if v is not None]
    for v in edges:
        out.append(
            f'<text class="tick" x="{coord(x(v, left))}" y="{axis_y + 36}" text-anchor="middle">'
            f"{html.escape(scale_text(s, v))}</text>"
        )
    return "".join(out)


def caption(c: ClaimResult, bars: list[tuple[InputFigure, Fraction]]) -> str:
    s = c.scale
    assert s is not None
    words = []
    if bars:
        words.append("Inputs: " + "; ".join(f"{clean(i.name)} {clean(i.written)}" for i, _ in bars) + ".")
    words.append(
        f"The claim “{clean(c.figure)}” accepts {band_text(s, s.accurate)} "
        f"(approximate: {band_text(s, s.approximate)}); recomputed: {scale_text(s, s.point)}"
    )
    if s.interval is not None and s.interval[0] != s.interval[1]:
        words[-1] += f", and the inputs' rounding allows {band_text(s, s.interval)}"
    words[-1] += "."
    return " ".join(words)


# --- the page ----------------------------------------------------------------------------


class HtmlReport:
    """Renders a run as one HTML page; see the module docstring."""

    def __init__(self, options: Options) -> None:
        self.options = options
        self._files = 0

    def start(self) -> str:
        return (
            "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n"
            "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
            "<meta name=\"generator\" content=\"claimcheck\">\n"
            "<title>Fact-check: the numbers behind the claims</title>\n"
            f"<style>{STYLE}</style>\n</head>\n<body>\n<main>\n"
            "<h1>The numbers behind the claims</h1>\n"
            "<p class=\"muted\">Each claim recomputed from the figures its sources published, "
            "with the arithmetic shown.</p>\n"
        )

    def file(self, fr: FileResult) -> str:
        n = self._files
        self._files += 1
        out = [f'<section class="file" id="file-{n + 1}">\n<h2>{esc(fr.title) or esc(fr.path)}</h2>\n']
        where = esc(fr.path)
        if fr.url:
            where += " · " + link(fr.url)
        out.append(f'<p class="path">{where}</p>\n')
        if fr.invalid:
            out.append(f'<p class="fails">Invalid, not checked ({plural(len(fr.problems), "problem")}):</p>\n<ul class="problems">\n')
            for p in fr.problems:
                out.append(f"<li><code>{esc(location(p.path, p.line, p.col))}: error: {esc(p.message)}</code></li>\n")
            out.append("</ul>\n</section>\n")
            return "".join(out)
        if not fr.claims:
            out.append('<p class="muted">No claims.</p>\n</section>\n')
            return "".join(out)
        for i, c in enumerate(fr.claims):
            out.append(self.claim(fr, c, f"c{n + 1}-{i + 1}"))
        out.append("</section>\n")
        return "".join(out)

    def claim(self, fr: FileResult, c: ClaimResult, key: str) -> str:
        v = c.verdict
        out = [f'<article class="{v}" id="{key}">\n<header>'
               f'<span class="badge {v}">{SYMBOLS[v]} {v}</span>']
        if not c.passed:
            out.append('<span class="badge fail">FAIL</span>')
        out.append(f"<h3>{esc(c.id)}</h3>")
        out.append(f'<span class="where">{esc(location(fr.path, c.line, c.col))}</span></header>\n')
        out.append(f"<blockquote>“{esc(c.statement)}”</blockquote>\n")
        if c.speaker:
            out.append(f'<p class="speaker">— {esc(c.speaker)}</p>\n')
        elif c.kind == "check":
            out.append('<p class="speaker">Cross-source check</p>\n')
        out.append(chart(c, key))
        rows: list[tuple[str, str, str]] = [("claimed", esc(c.figure), "")]
        if c.value:
            rows.append(("recomputed", esc(c.value), ""))
        if c.compute:
            rows.append(("compute", f"<code>{esc(c.compute)}</code>", ""))
        if c.arithmetic:
            rows.append(("arithmetic", esc(c.arithmetic), "arith"))
        if c.interval_text:
            rows.append(("interval", esc(c.interval_text), ""))
        if c.rule:
            rows.append(("rule", esc(c.rule), ""))
        if c.decided_by:
            rows.append(("decided", esc(c.decided_by), ""))
        if c.recorded is not None:
            rows.append(("recorded", f"{SYMBOLS[c.recorded]} {c.recorded} — {esc(recorded_agreement(c))}", ""))
        rows += [("diagnosis" if i == 0 else "", esc(d.text), "") for i, d in enumerate(c.diagnoses)]
        rows += [("framing" if i == 0 else "", esc(f), "") for i, f in enumerate(c.framing)]
        if c.settle:
            rows.append(("settle", esc(c.settle), ""))
        if c.note:
            rows.append(("note", esc(c.note), ""))
        if not c.passed:
            rows.append(("fails", esc(failure_text(c)), "fails"))
        for a in c.also:
            rows.append(("also", f"“{esc(a.figure)}”: {SYMBOLS[a.verdict]} {a.verdict} ({esc(a.value)}). {esc(a.decided_by)}", ""))
        out.append("<dl>\n")
        for label, text, cls in rows:
            attr = f' class="{cls}"' if cls else ""
            out.append(f"<dt>{label}</dt><dd{attr}>{text}</dd>\n")
        out.append("</dl>\n")
        sources = [input_item(i) for i in c.inputs]
        if c.source is not None and c.kind == "claim":
            sources.append(f"<li>The claim: {source_html(c.source)}</li>")
        if sources:
            out.append("<h4>Sources</h4>\n<ul class=\"sources\">\n" + "\n".join(sources) + "\n</ul>\n")
        out.append("</article>\n")
        return "".join(out)

    def finish(self, summary: RunSummary) -> str:
        strict = " Strict: approximate and unverifiable claims fail." if self.options.strict else ""
        return (
            f'<footer><p class="summary">{esc(summary.line())}.{strict} '
            "Checked with claimcheck.</p></footer>\n</main>\n</body>\n</html>\n"
        )


def source_html(src: SourceRef) -> str:
    text = esc(src.publisher)
    if src.title:
        text += f", “{esc(src.title)}”"
    if src.url:
        text += " · " + link(src.url)
    return text


def input_item(inp: InputFigure) -> str:
    text = input_words(inp, esc, lambda name: f"<code>{esc(name)}</code>") + ": " + (source_html(inp.source) if inp.source is not None else '<span class="muted">source not given</span>')
    return f"<li>{text}</li>"
