"""ClaimReview as Google documents it, checked offline: JSON-LD expansion against the
schema.org context (pyld, with a document loader that reads the copy in
``tests/fixtures/schemaorg/``), every type and property in the schema.org vocabulary,
and Google's required and recommended property lists.

``claims/ice_july.yaml`` gives who each speaker is but not the fact-check's own page,
publisher, dates or article: its reviews say so in one warning per missing field. The
same file with those fields added carries every required and recommended property.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from claimcheck.claimfile import load_text
from claimcheck.engine import check_loaded
from claimcheck.report import make
from claimcheck.run import render

jsonld = pytest.importorskip("pyld.jsonld", reason="pyld is in the test extras: pip install -e '.[test]'")

ROOT = Path(__file__).resolve().parents[3]
FIXTURES = ROOT / "tests" / "fixtures" / "schemaorg"
CONTEXT = json.loads((FIXTURES / "schemaorgcontext.jsonld").read_text(encoding="utf-8"))
VOCAB = json.loads((FIXTURES / "vocabulary.json").read_text(encoding="utf-8"))
SCHEMA = "http://schema.org/"  # the context's @vocab

# Google Search Central, "Fact Check (ClaimReview) structured data": what each type of
# the markup requires and recommends.
GOOGLE = {
    "ClaimReview": {"required": {"claimReviewed", "reviewRating", "url"}, "recommended": {"author", "itemReviewed"}},
    "Claim": {"required": set(), "recommended": {"appearance", "author", "datePublished"}},
    "Rating": {"required": {"alternateName"}, "recommended": {"bestRating", "ratingValue", "worstRating"}},
    "Organization": {"required": set(), "recommended": {"name"}},
    "Person": {"required": set(), "recommended": {"name"}},
}


def offline_loader(url: str, options: Any = None) -> dict[str, Any]:
    """pyld's document loader: schema.org's context from the local copy, nothing else."""
    if re.fullmatch(r"https?://schema\.org/?(docs/jsonldcontext\.jsonld)?", url):
        return {"contextUrl": None, "documentUrl": url, "document": CONTEXT}
    raise AssertionError(f"the test would fetch {url}")


def expand(doc: dict[str, Any]) -> list[dict[str, Any]]:
    return jsonld.expand(doc, {"documentLoader": offline_loader})


def complete_text() -> str:
    """claims/ice_july.yaml with what a fact-checker publishing it would add: the page,
    the organisation, the dates and the article."""
    text = (ROOT / "claims" / "ice_july.yaml").read_text(encoding="utf-8")
    text = text.replace(
        "\nsources:\n",
        "\nurl: https://factcheck.example.org/2025/ice-arrests\n"
        "date: 2025-08-01\n"
        "publisher: {name: Example Fact Check, url: 'https://factcheck.example.org/'}\n"
        "article: https://news.example.com/2025/07/ice-arrests\n"
        "\nsources:\n",
        1,
    )
    claims, checks = text.split("\nchecks:\n")
    return re.sub(r"(\n  - id: [^\n]+\n)", r"\1    date: 2025-07-29\n", claims) + "\nchecks:\n" + checks


def reviews(text: str, path: str = "claims/ice_july.yaml") -> tuple[list[dict[str, Any]], list[str]]:
    loaded = load_text(path, text)
    assert loaded.ok, loaded.problems
    fr = check_loaded(loaded)
    renderer = make("claimreview")
    out = renderer.start() + renderer.file(fr)
    return json.loads(out + renderer.finish(None)), renderer.warnings  # type: ignore[arg-type]


def nodes(expanded: Any):
    """Every node object of an expanded document, with its types."""
    if isinstance(expanded, list):
        for x in expanded:
            yield from nodes(x)
    elif isinstance(expanded, dict):
        if "@type" in expanded and "@value" not in expanded:  # a node, not a typed value
            yield expanded
        for k, v in expanded.items():
            if not k.startswith("@"):
                yield from nodes(v)


def compact_nodes(obj: Any):
    if isinstance(obj, list):
        for x in obj:
            yield from compact_nodes(x)
    elif isinstance(obj, dict):
        if "@type" in obj:
            yield obj
        for k, v in obj.items():
            if not k.startswith("@"):
                yield from compact_nodes(v)


def ancestors(cls: str) -> set[str]:
    out, todo = set(), [cls]
    while todo:
        c = todo.pop()
        if c not in out:
            out.add(c)
            todo += VOCAB["classes"].get(c, [])
    return out


def check_against_schemaorg(doc: dict[str, Any]) -> None:
    """Expansion keeps every property (a term schema.org does not define would be
    dropped), and each type is a class and each property one of its own."""
    expanded = expand(doc)
    got = [(n["@type"], sorted(k for k in n if not k.startswith("@"))) for n in nodes(expanded)]
    want = [([SCHEMA + o["@type"]], sorted(SCHEMA + k for k in o if not k.startswith("@"))) for o in compact_nodes(doc)]
    assert sorted(got) == sorted(want)
    for obj in compact_nodes(doc):
        t = obj["@type"]
        assert t in VOCAB["classes"], t
        for prop in (k for k in obj if not k.startswith("@")):
            domain = set(VOCAB["properties"][prop]["domain"])
            assert domain & ancestors(t), f"{prop} is not a property of {t}"


def test_complete_file_carries_every_required_and_recommended_property() -> None:
    docs, warnings = reviews(complete_text())
    assert warnings == []
    assert len(docs) == 7  # 7 claims; the 2 cross-source checks are no speaker's claim
    for doc in docs:
        assert doc["@context"] == "https://schema.org"
        check_against_schemaorg(doc)
        for obj in compact_nodes(doc):
            lists = GOOGLE.get(obj["@type"])
            if lists is None:
                continue
            if obj["@type"] == "Rating" and obj["alternateName"] == "unverifiable":
                # No number on a truth scale the claim was never measured on.
                assert set(obj) == {"@type", "alternateName"}
                continue
            missing = (lists["required"] | lists["recommended"]) - set(obj)
            assert not missing, (doc["itemReviewed"], obj["@type"], missing)
    axios, dhs = docs[0], docs[2]
    assert axios["url"] == "https://factcheck.example.org/2025/ice-arrests"
    assert axios["@id"] == "https://factcheck.example.org/2025/ice-arrests#axios-nearly-20"
    assert axios["datePublished"] == "2025-08-01"
    assert axios["author"] == {"@type": "Organization", "name": "Example Fact Check", "url": "https://factcheck.example.org/"}
    assert axios["itemReviewed"] == {
        "@type": "Claim",
        "author": {"@type": "Organization", "name": "Axios"},
        "datePublished": "2025-07-29",
        "appearance": {"@type": "CreativeWork", "url": "https://news.example.com/2025/07/ice-arrests"},
    }
    # The review's url (the fact-check) and the claim's appearance (the article) differ.
    assert axios["url"] != axios["itemReviewed"]["appearance"]["url"]
    assert dhs["itemReviewed"]["author"] == {"@type": "Person", "name": "Tricia McLaughlin, DHS"}
    assert dhs["reviewRating"] == {
        "@type": "Rating", "ratingValue": 3, "bestRating": 5, "worstRating": 1, "alternateName": "approximate",
    }


def test_shipped_file_warns_once_per_missing_field() -> None:
    docs, warnings = reviews((ROOT / "claims" / "ice_july.yaml").read_text(encoding="utf-8"))
    for doc in docs:
        check_against_schemaorg(doc)
        assert "url" not in doc and "author" not in doc and "datePublished" not in doc
    fields = [re.search(r"give[s]? no (\S+)", w)[1] for w in warnings]
    assert fields == ["url:", "publisher:", "date:", "date:", "article:"]
    assert all(w.startswith("claims/ice_july.yaml:1:1: warning: ClaimReview: ") for w in warnings)
    assert "the fact-check's own page; ClaimReview's url, required by Google" in warnings[0]
    # Every speaker has a type in the file's speakers: table: no warning about it.
    assert not any("speaker_type" in w for w in warnings)


def test_speaker_type_warning_names_the_claims() -> None:
    text = (ROOT / "claims" / "ice_july.yaml").read_text(encoding="utf-8")
    text = re.sub(r"\nspeakers:\n(  .*\n)+", "\n", text)
    _, warnings = reviews(text)
    (w,) = [w for w in warnings if "speaker_type" in w]
    # Axios is the claim's own source publisher: typed Organization without being told.
    assert "5 of 7 claims give no speaker_type: or a speakers: entry" in w
    assert "axios-nearly-20" not in w and "dhs-only-10" in w


def test_unverifiable_review_body_reads_as_sentences() -> None:
    docs, _ = reviews(complete_text())
    nbc = next(d for d in docs if d["@id"].endswith("#nbc-more-than-18000"))
    body = nbc["reviewBody"]
    assert body.startswith("Claimed: more than 18,000. The published figures do not include")
    assert body.endswith("would settle it. Verdict: unverifiable.")
    assert "compute:" not in body
    assert nbc["reviewRating"] == {"@type": "Rating", "alternateName": "unverifiable"}


def test_one_file_per_claim_with_o_dir(tmp_path: Path) -> None:
    (tmp_path / "claims").mkdir()
    (tmp_path / "claims" / "ice.yaml").write_text(complete_text(), encoding="utf-8")
    p = subprocess.run(
        [sys.executable, "-m", "claimcheck", "verify", "claims/", "--format", "claimreview", "-o", "out/"],
        cwd=tmp_path, capture_output=True, text=True,
    )
    assert p.returncode == 0, p.stderr
    assert p.stderr == "" and p.stdout == ""
    names = sorted(f.name for f in (tmp_path / "out").iterdir())
    assert len(names) == 7 and names[0] == "ice.axios-nearly-20.jsonld"
    doc = json.loads((tmp_path / "out" / names[0]).read_text(encoding="utf-8"))
    assert doc["@type"] == "ClaimReview" and doc["@context"] == "https://schema.org"
    check_against_schemaorg(doc)


def test_warnings_go_to_stderr_and_the_run_still_passes() -> None:
    p = subprocess.run(
        [sys.executable, "-m", "claimcheck", "verify", "claims/ice_july.yaml", "--format", "claimreview"],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert p.returncode == 0
    assert p.stderr.splitlines()[0] == (
        "claims/ice_july.yaml:1:1: warning: ClaimReview: the file gives no url: "
        "(the fact-check's own page; ClaimReview's url, required by Google)"
    )
    assert len(json.loads(p.stdout)) == 7


def test_every_fixture_review_expands_against_schemaorg() -> None:
    from report_fixtures import ALL

    for doc in json.loads(render("claimreview", ALL)):
        check_against_schemaorg(doc)
