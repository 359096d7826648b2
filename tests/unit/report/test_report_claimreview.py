"""schema.org ClaimReview JSON-LD: one review per claim, truthfulness on a 1–5 scale."""

from __future__ import annotations

import json

from report_fixtures import ALL, BROKEN, COUNCIL, HOSTILE, ICE_JULY

from claimcheck.run import render as render_all


def graph(results) -> list[dict]:
    """The reviews: a JSON array of standalone documents, one per claim (Google reads one
    ClaimReview per page)."""
    docs = json.loads(render_all("claimreview", results))
    assert all(d["@context"] == "https://schema.org" for d in docs)
    return docs


def test_one_review_per_claim_checks_and_invalid_files_left_out() -> None:
    reviews = graph(ALL)
    # ICE: 2 claims + 1 check (left out); council: 3; diagnoses: 15 claims + 2 checks
    # (left out); broken: none; hostile: 1.
    assert len(reviews) == 21
    assert all(r["@type"] == "ClaimReview" for r in reviews)
    assert graph([BROKEN]) == []


def test_review_fields() -> None:
    axios, dhs = graph([ICE_JULY])
    assert axios["claimReviewed"] == "Arrests by ICE agents dropped nearly 20% in July"
    assert axios["url"] == "https://factcheck.example.org/2025/ice-arrests-july"
    assert axios["@id"] == "https://factcheck.example.org/2025/ice-arrests-july#axios-nearly-20"
    assert axios["reviewRating"] == {
        "@type": "Rating",
        "ratingValue": 5,
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": "accurate",
    }
    # The speaker is the claim's own source publisher → an organisation.
    assert axios["itemReviewed"]["author"] == {"@type": "Organization", "name": "Axios"}
    assert axios["itemReviewed"]["appearance"]["url"] == "https://www.axios.com/"
    assert "(990 − 1,224) ÷ 1,224 = −19.12%" in axios["reviewBody"]
    assert dhs["itemReviewed"]["author"] == {"@type": "Person", "name": "Tricia McLaughlin, DHS"}
    assert dhs["reviewRating"]["ratingValue"] == 3


def test_ratings_and_unverifiable_has_no_number() -> None:
    rangers, record, deficit = graph([COUNCIL])
    assert rangers["reviewRating"]["ratingValue"] == 1
    assert record["reviewRating"] == {"@type": "Rating", "alternateName": "unverifiable"}
    assert deficit["reviewRating"]["alternateName"] == "approximate"
    assert "url" not in rangers  # the file gives no url


def test_safe_to_paste_into_a_script_element() -> None:
    text = render_all("claimreview", [HOSTILE])
    assert "</script>" not in text and "<" not in text and "&" not in text
    (review,) = json.loads(text)
    assert "<script>alert(1)</script> & `rm -rf`" in review["claimReviewed"]
    assert "\x1b" not in review["claimReviewed"]
