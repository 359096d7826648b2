"""schema.org ClaimReview JSON-LD (``--format claimreview``), for publishing a fact-check.

Google reads one ClaimReview per page, so the output is a JSON array of standalone
documents, one per claim of every valid file, each with its own ``"@context"``: paste
each into its own page's ``<script type="application/ld+json">``, or write them one file
per claim with ``-o DIR/`` (:meth:`ClaimReviewReport.pages`). Cross-source checks are not
a speaker's claim and are left out; so are invalid files.

Each review carries Google's required and recommended properties when the claim file
gives the data:

* ``url`` (required): the file's ``url:``, the page that publishes the fact-check
  (not the article checked); ``@id`` is ``url#claim-id``;
* ``claimReviewed`` (required): the statement;
* ``reviewRating`` (required): a ``Rating`` whose ``alternateName`` is the verdict, on a
  scale where higher is truer: inaccurate 1, approximate 3, accurate 5 (``worstRating``
  1, ``bestRating`` 5). An unverifiable claim has only ``alternateName``: a number would
  place it on a truth scale it was never measured on;
* ``author``: the fact-checking organisation, the file's ``publisher:`` (``name``, ``url``);
* ``datePublished``: the file's ``date:``, when the fact-check was published;
* ``itemReviewed``: a ``Claim`` whose ``author`` is the speaker, typed ``Person`` or
  ``Organization`` by the claim's ``speaker_type:`` or the file's ``speakers:`` table
  (failing both: an ``Organization`` when the speaker is the claim's own source
  publisher, else a ``Person``, with a warning); its ``datePublished`` is the claim's
  ``date:``; its ``appearance`` the claim's or the file's ``article:`` (or the claim's
  source, when it has a URL);
* ``reviewBody``: the claimed figure, the arithmetic, the rule, the diagnoses and the
  verdict, as sentences.

What is missing is said once per file and field in :attr:`ClaimReviewReport.warnings`
(``path:1:1: warning: ...``), which the CLI prints on stderr.

Text is cleaned of control characters, and ``<``, ``>`` and ``&`` are written as
``\\u003c``, ``\\u003e``, ``\\u0026``, so a statement holding ``</script>`` cannot end
the script element it is pasted into.
"""

from __future__ import annotations

import re
from typing import Any

from claimcheck.report import Options
from claimcheck.report.common import clean, link_url
from claimcheck.report.json_writer import encode
from claimcheck.results import ClaimResult, FileResult, RunSummary

#: Verdict → ratingValue, higher is truer; unverifiable has none.
RATINGS: dict[str, int] = {"inaccurate": 1, "approximate": 3, "accurate": 5}
WORST, BEST = 1, 5
CONTEXT = "https://schema.org"

# Characters that may not appear raw in JSON inside an HTML <script>, plus the line
# separators JavaScript parsers of old treated as line ends.
_HTML_UNSAFE = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}

#: What the reviews of a file lack, in the order warnings name them: the field of the
#: claim file, what it becomes in ClaimReview, and whether Google requires it.
MISSING = {
    "url": "url: (the fact-check's own page; ClaimReview's url, required by Google)",
    "publisher": "publisher: (the fact-checking organisation; the review's author)",
    "date": "date: (when the fact-check was published; the review's datePublished)",
    "speaker_type": "speaker_type: or a speakers: entry (person or organization; the claim author's @type)",
    "claim_date": "date: on the claim (when it was made; the claim's datePublished)",
    "article": "article: (the URL where the claim appeared; the claim's appearance)",
}


def _script_safe(text: str) -> str:
    for ch, esc in _HTML_UNSAFE.items():
        text = text.replace(ch, esc)
    return text


def review(fr: FileResult, c: ClaimResult, missing: dict[str, list[str]] | None = None) -> dict[str, Any]:
    """The ClaimReview object of one claim (without ``@context``); what it lacks is added
    to ``missing`` (field → claim ids)."""
    lack = missing if missing is not None else {}
    pub = fr.publishing
    cp = pub.of(c.id)
    obj: dict[str, Any] = {"@type": "ClaimReview"}

    def linked(url: str | None, field: str) -> str | None:
        """An http(s) URL, or ``None``; any other (``javascript:``) is left out and named."""
        u = link_url(url)
        if url and u is None:
            lack.setdefault(f"scheme:{field}", []).append(c.id)
        return u

    url = linked(fr.url, "url")
    if url is not None:
        obj["@id"] = f"{url}#{clean(c.id)}"
        obj["url"] = url
    elif not fr.url:
        lack.setdefault("url", []).append(c.id)
    obj["claimReviewed"] = clean(c.statement)
    if pub.publisher:
        author: dict[str, Any] = {"@type": "Organization", "name": clean(pub.publisher)}
        publisher_url = linked(pub.publisher_url, "publisher url")
        if publisher_url is not None:
            author["url"] = publisher_url
        obj["author"] = author
    else:
        lack.setdefault("publisher", []).append(c.id)
    if pub.date:
        obj["datePublished"] = clean(pub.date)
    else:
        lack.setdefault("date", []).append(c.id)
    item: dict[str, Any] = {"@type": "Claim"}
    if c.speaker:
        kind = cp.speaker_type
        if kind is None:
            if c.source is not None and clean(c.source.publisher) == clean(c.speaker):
                kind = "organization"
            else:
                kind = "person"
                lack.setdefault("speaker_type", []).append(c.id)
        item["author"] = {"@type": "Organization" if kind == "organization" else "Person", "name": clean(c.speaker)}
    if cp.date:
        item["datePublished"] = clean(cp.date)
    else:
        lack.setdefault("claim_date", []).append(c.id)
    article = linked(cp.article, "article")
    source_url = linked(c.source.url, "source url") if c.source is not None and article is None else None
    if article is not None:
        item["appearance"] = {"@type": "CreativeWork", "url": article}
    elif c.source is not None and source_url is not None:
        appearance: dict[str, Any] = {"@type": "CreativeWork", "url": source_url}
        if c.source.title:
            appearance["name"] = clean(c.source.title)
        item["appearance"] = appearance
    elif not cp.article:
        lack.setdefault("article", []).append(c.id)
    obj["itemReviewed"] = item
    rating: dict[str, Any] = {"@type": "Rating"}
    if c.verdict in RATINGS:
        rating.update(ratingValue=RATINGS[c.verdict], bestRating=BEST, worstRating=WORST)
    rating["alternateName"] = c.verdict
    obj["reviewRating"] = rating
    obj["reviewBody"] = review_body(c)
    tables = datasets(c)
    if tables:
        obj["isBasedOn"] = tables
    return obj


def datasets(c: ClaimResult) -> list[dict[str, Any]]:
    """The tables the claim's figures were read from, as schema.org Datasets: the
    file, its SHA-256 (``identifier``), and the query or cell with the value read
    (``description``); each table once."""
    out: dict[tuple[str, str], dict[str, Any]] = {}
    for inp in c.inputs:
        t = inp.table
        if t is None:
            continue
        d = out.setdefault((t.path, t.sha256), {
            "@type": "Dataset",
            "name": clean(t.path),
            "identifier": f"sha256:{t.sha256}",
            "description": [],
        })
        d["description"].append(f"{clean(inp.name)} = {clean(t.value)}, by {clean(t.how)}")
        if inp.source is not None:
            d.setdefault("creator", {"@type": "Organization", "name": clean(inp.source.publisher)})
            if inp.source.url:
                d.setdefault("url", clean(inp.source.url))
    for d in out.values():
        d["description"] = "; ".join(d["description"])
    return list(out.values())


_END = re.compile(r"[.!?…)”\"]$")


def sentence(text: str) -> str:
    """``text`` with a capital first letter and a full stop, unless it already ends one."""
    text = text.strip()
    if not text:
        return ""
    text = text[0].upper() + text[1:]
    return text if _END.search(text) and text.endswith((".", "!", "?", "…")) else text + "."


def review_body(c: ClaimResult) -> str:
    """The claim, the arithmetic, the rule and the diagnoses as sentences, for a reader of
    the fact-check: no claim-file jargon."""
    from claimcheck.engine import DEFAULT_SETTLE

    parts: list[str] = [f"Claimed: {clean(c.figure)}."]
    if c.arithmetic:
        parts.append(f"Recomputed from the published figures: {clean(c.arithmetic)}.")
    read = [i for i in c.inputs if i.table is not None]
    if read:
        parts.append("Read from the data itself: " + "; ".join(
            f"{clean(i.name)} = {clean(i.table.value)} from {clean(i.table.path)} (SHA-256 {i.table.sha256}) by {clean(i.table.how)}"
            for i in read if i.table is not None) + ".")
    if c.verdict == "unverifiable" and not c.arithmetic:
        parts.append("The published figures do not include the numbers this claim rests on.")
    elif c.rule:
        parts.append(f"Rule: {clean(c.rule)}.")
    if c.decided_by:
        parts.append(sentence(clean(c.decided_by)))
    parts += [sentence(clean(d.text)) for d in c.diagnoses]
    if c.verdict == "unverifiable":
        settle = c.settle if c.settle != DEFAULT_SETTLE else "The raw figures behind it would settle it."
        parts += [sentence(clean(t)) for t in (c.note, settle) if t]
    parts.append(f"Verdict: {c.verdict}.")
    return " ".join(p for p in parts if p)


def document(fr: FileResult, c: ClaimResult, missing: dict[str, list[str]] | None = None) -> dict[str, Any]:
    """One claim's standalone JSON-LD document: ``@context`` and the review."""
    return {"@context": CONTEXT, **review(fr, c, missing)}


def _warnings(fr: FileResult, missing: dict[str, list[str]]) -> list[str]:
    out = []
    total = sum(1 for c in fr.claims if c.kind == "claim")
    for key, ids in missing.items():
        if key.startswith("scheme:"):
            field = key.removeprefix("scheme:")
            whose = "of the file" if field in ("url", "publisher url") else (
                f"of claim '{clean(ids[0])}'" if len(ids) == 1
                else f"of {len(ids)} claims: " + ", ".join(clean(i) for i in ids[:6]) + (", …" if len(ids) > 6 else "")
            )
            out.append(f"{clean(fr.path)}:1:1: warning: ClaimReview: the {field} {whose} is not an http or https address; left out")
    for key, what in MISSING.items():
        ids = missing.get(key)
        if not ids:
            continue
        whom = "the file gives no" if key in ("url", "publisher", "date") else (
            f"{len(ids)} of {total} claims give no" if len(ids) > 1 else f"claim '{clean(ids[0])}' gives no"
        )
        shown = "" if key in ("url", "publisher", "date") or len(ids) == 1 else (
            ": " + ", ".join(clean(i) for i in ids[:6]) + (", …" if len(ids) > 6 else "")
        )
        out.append(f"{clean(fr.path)}:1:1: warning: ClaimReview: {whom} {what}{shown}")
    return out


class ClaimReviewReport:
    """Renders results as a JSON array of ClaimReview documents; see the module docstring."""

    def __init__(self, options: Options) -> None:
        self.options = options
        self._count = 0
        #: One line per file and missing field: ``path:1:1: warning: ClaimReview: …``.
        self.warnings: list[str] = []
        #: (file path, claim id, document text) of every review, for ``-o DIR/``.
        self.documents: list[tuple[str, str, str]] = []

    def start(self) -> str:
        return "["

    def file(self, fr: FileResult) -> str:
        out = []
        missing: dict[str, list[str]] = {}
        for c in fr.claims:
            if c.kind != "claim":
                continue
            doc = document(fr, c, missing)
            self.documents.append((fr.path, c.id, _script_safe(encode(doc, 0))))
            out.append(("," if self._count else "") + "\n  " + _script_safe(encode(doc, 1)))
            self._count += 1
        self.warnings += _warnings(fr, missing)
        return "".join(out)

    def finish(self, summary: RunSummary) -> str:
        return ("\n]" if self._count else "]") + "\n"

    def pages(self) -> dict[str, str]:
        """One JSON-LD file per claim, named ``<file stem>.<claim id>.jsonld``."""
        from pathlib import PurePath

        out: dict[str, str] = {}
        for path, cid, text in self.documents:
            name = f"{PurePath(path).stem}.{cid}.jsonld"
            out[name] = text + "\n"
        return out
