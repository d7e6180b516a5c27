"""The example queries of docs/claims.md, run against a real store (the sample memo ingested with the
default extractors: entities, then claims), with their answers checked row by row."""
from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest

pytest.importorskip("ingest.entities", reason="claims about countries and people need the entity layer")

DOC = Path(__file__).resolve().parents[2] / "docs" / "claims.md"
BLOCK = re.compile(r"```sparql\n# query: (?P<name>[\w-]+)\n(?P<body>.*?)```", re.S)


def queries() -> dict[str, str]:
    return {m.group("name"): m.group("body") for m in BLOCK.finditer(DOC.read_text(encoding="utf-8"))}


def rows(store, query: str) -> list[dict[str, str]]:
    result = store.query(query)
    return [{v: (t.value if t is not None else None) for v, t in zip(result.variables, row)} for row in result.rows()]


def test_the_doc_has_the_five_promised_queries():
    assert set(queries()) == {"claims-about-country", "claims-about-country-indexed", "recommendations-by-person",
                              "quotations-of-congress", "assessments-per-country-year"}


def test_claims_about_a_country_in_a_date_range_with_claimant_and_page(sample_store):
    q = queries()["claims-about-country"]
    found = rows(sample_store, q)
    assert len(found) >= 5
    assert {r["date"] for r in found} == {"1981-10-26"}
    special = [r for r in found if r["text"].startswith("The Soviets are a special case")]
    assert len(special) == 1 and special[0]["page"] == "169" and special[0]["type"].endswith("#Assessment")
    assert set(special[0]["claimants"].split("; ")) >= {"William Patrick Clark", "Richard Thomas Kennedy"}
    assert not any("El Salvador" in r["text"] for r in found)          # about the USSR only
    pages = [int(r["page"]) for r in found]
    assert pages == sorted(pages)                                          # in reading order
    later = q.replace('"1981-01-01"', '"1982-01-01"').replace('"1982-01-01")', '"1983-01-01")')
    assert rows(sample_store, later) == []                                 # the date range is applied


def test_the_year_index_gives_the_same_claims_as_the_date_filter(sample_store):
    by_filter = rows(sample_store, queries()["claims-about-country"])
    by_index = rows(sample_store, queries()["claims-about-country-indexed"])
    assert by_index == by_filter and len(by_index) >= 5
    other_year = queries()["claims-about-country-indexed"].replace("/years/1981>", "/years/1982>")
    assert rows(sample_store, other_year) == []


def test_recommendations_by_a_person(sample_store):
    found = rows(sample_store, queries()["recommendations-by-person"])
    assert len(found) >= 10
    assert all("Clark" in r["person"] for r in found)
    two_track = [r for r in found if r["text"].startswith("We recommend a two-track policy")]
    assert len(two_track) == 1 and two_track[0]["page"] == "168"
    assert not any(r["text"].startswith("The Soviets are a special case") for r in found)   # an assessment


def test_quotations_of_members_of_congress(sample_store):
    found = rows(sample_store, queries()["quotations-of-congress"])
    assert len(found) == 1
    (fenwick,) = found
    assert "Fenwick" in fenwick["speaker"] and fenwick["office"] == "Representative" and fenwick["page"] == "167"
    assert fenwick["text"].startswith("Americans don't fight and die") and fenwick["doc"].endswith("/d54")


def test_assessments_per_country_and_year_count_what_the_extractor_found(sample_store, sample_record):
    from ingest.claims import extract_claims
    from ingest.entities import extract_entities

    found = rows(sample_store, queries()["assessments-per-country-year"])
    counts = {r["country"]: int(r["assessments"]) for r in found}
    assert {r["year"] for r in found} == {"1981"}
    record = copy.deepcopy(sample_record)
    extract_entities(record)
    extract_claims(record)
    labels = {m.entity: m.label for m in record.mentions if m.kind == "country" and m.entity}
    expected: dict[str, int] = {}
    for c in record.claims:
        if c.claim_type == "assessment":
            for name in {labels[a] for a in c.about if a in labels}:
                expected[name] = expected.get(name, 0) + 1
    assert counts == expected
    assert counts["Soviet Union"] >= 3 and "Japan" in counts and "Poland" in counts
    assert [int(r["assessments"]) for r in found] == sorted((int(r["assessments"]) for r in found), reverse=True)
