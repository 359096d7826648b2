"""schema.org ClaimReview JSON-LD (``--format claimreview``), for publishing a fact-check.

The output is one JSON-LD document, ``{"@context": "https://schema.org", "@graph": [...]}``,
with one ``ClaimReview`` per claim of every valid file; it can be pasted as is into a
page's ``<script type="application/ld+json">``. Cross-source checks are not a speaker's
claim and are left out; so are invalid files.

Each review has:

* ``claimReviewed``: the statement; ``itemReviewed``: a ``Claim`` whose ``author`` is the
  speaker — an ``Organization`` when the speaker is the claim's own source publisher
  (``speaker: Axios`` with ``source: axios``), otherwise a ``Person`` — and, when the
  claim's source has a URL, its ``appearance``;
* ``reviewRating``: a ``Rating`` whose ``alternateName`` is the verdict, on a scale where
  higher is truer: inaccurate 1, approximate 3, accurate 5 (``worstRating`` 1,
  ``bestRating`` 5). An unverifiable claim has only ``alternateName``: a number would
  place it on a truth scale it was never measured on;
* ``reviewBody``: the arithmetic, the rule and the diagnoses in words;
* ``url`` (and an ``@id`` of ``url#claim-id``): the claim file's ``url``, the page that
  publishes the fact-check; left out when the file gives none.

The publisher adds what claimcheck cannot know: the review's ``author`` (the
fact-checking organisation) and ``datePublished``.

Text is cleaned of control characters, and ``<``, ``>`` and ``&`` are written as
``\\u003c``, ``\\u003e``, ``\\u0026``, so a statement holding ``</script>`` cannot end
the script element it is pasted into.
"""

from __future__ import annotations

from typing import Any

from claimcheck.report import Options
from claimcheck.report.common import clean
from claimcheck.report.json_writer import encode
from claimcheck.results import ClaimResult, FileResult, RunSummary

#: Verdict → ratingValue, higher is truer; unverifiable has none.
RATINGS: dict[str, int] = {"inaccurate": 1, "approximate": 3, "accurate": 5}
WORST, BEST = 1, 5

# Characters that may not appear raw in JSON inside an HTML <script>, plus the line
# separators JavaScript parsers of old treated as line ends.
_HTML_UNSAFE = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}


def _script_safe(text: str) -> str:
    for ch, esc in _HTML_UNSAFE.items():
        text = text.replace(ch, esc)
    return text


def review(fr: FileResult, c: ClaimResult) -> dict[str, Any]:
    """The ClaimReview object of one claim."""
    obj: dict[str, Any] = {"@type": "ClaimReview"}
    if fr.url:
        obj["@id"] = f"{clean(fr.url)}#{clean(c.id)}"
        obj["url"] = clean(fr.url)
    obj["claimReviewed"] = clean(c.statement)
    item: dict[str, Any] = {"@type": "Claim"}
    if c.speaker:
        organization = c.source is not None and clean(c.source.publisher) == clean(c.speaker)
        item["author"] = {"@type": "Organization" if organization else "Person", "name": clean(c.speaker)}
    if c.source is not None and c.source.url:
        appearance: dict[str, Any] = {"@type": "CreativeWork", "url": clean(c.source.url)}
        if c.source.title:
            appearance["name"] = clean(c.source.title)
        item["appearance"] = appearance
    obj["itemReviewed"] = item
    rating: dict[str, Any] = {"@type": "Rating"}
    if c.verdict in RATINGS:
        rating.update(ratingValue=RATINGS[c.verdict], bestRating=BEST, worstRating=WORST)
    rating["alternateName"] = c.verdict
    obj["reviewRating"] = rating
    obj["reviewBody"] = review_body(c)
    return obj


def review_body(c: ClaimResult) -> str:
    """The arithmetic, the rule and the diagnoses as sentences."""
    parts: list[str] = []
    if c.arithmetic:
        parts.append(f"Recomputed: {clean(c.arithmetic)}.")
    if c.rule:
        parts.append(f"Rule: {clean(c.rule)}.")
    if c.decided_by:
        parts.append(clean(c.decided_by))
    parts += [clean(d.text) for d in c.diagnoses]
    if c.verdict == "unverifiable":
        parts += [clean(t) for t in (c.note, c.settle) if t]
    parts.append(f"Verdict: {c.verdict}.")
    return " ".join(parts)


class ClaimReviewReport:
    """Renders results as one ClaimReview JSON-LD document; see the module docstring."""

    def __init__(self, options: Options) -> None:
        self.options = options
        self._count = 0

    def start(self) -> str:
        return '{\n  "@context": "https://schema.org",\n  "@graph": ['

    def file(self, fr: FileResult) -> str:
        out = []
        for c in fr.claims:
            if c.kind != "claim":
                continue
            text = encode(review(fr, c), 2)
            out.append(("," if self._count else "") + "\n    " + _script_safe(text))
            self._count += 1
        return "".join(out)

    def finish(self, summary: RunSummary) -> str:
        return ("\n  ]" if self._count else "]") + "\n}\n"

