"""The sample memo's claims, with the real entity layer (ingest.entities) supplying the mentions."""
from __future__ import annotations

import copy

import pytest

from ingest.claims import extract_claims
from ingest.triples import document_quads, party_person_iri
from ontology.namespaces import PROV, SCHEMA
from ontology.validation import validate

entities = pytest.importorskip("ingest.entities", reason="claims about entities need the entity layer")

COUNTRIES = "https://w3id.org/frus-kg/id/countries/"


@pytest.fixture(scope="module")
def record(sample_record):
    r = copy.deepcopy(sample_record)
    entities.extract_entities(r)
    extract_claims(r)
    return r


def claim_with(record, passage):
    found = [c for c in record.claims if passage in record.text[c.start:c.end]]
    assert len(found) == 1, f"{passage!r} is in {len(found)} claims"
    return found[0]


def test_claims_about_each_country_the_memo_discusses(record):
    about = {a for c in record.claims for a in c.about}
    for country in ("soviet-union", "el-salvador", "pakistan", "argentina", "afghanistan", "cambodia", "poland", "japan"):
        assert any(a.startswith(COUNTRIES + country) for a in about), country


@pytest.mark.parametrize("passage, page, country", [
    ("aid to El Salvador", "167", "el-salvador"),
    ("Pakistan or Argentina", "168", "pakistan"),
    ("the major threat to liberty", "169", "soviet-union"),
    ("with Poles demanding political freedom", "169", "poland"),
    ("Neutralism in Europe or Japan", "167", "japan"),
])
def test_each_claim_carries_its_page_and_what_it_is_about(record, passage, page, country):
    c = claim_with(record, passage)
    assert record.page_at(c.start) == page
    assert any(a.startswith(COUNTRIES + country) for a in c.about)


def test_the_soviets_are_the_soviet_union_but_a_neighbouring_sentence_adds_nothing(record):
    c = claim_with(record, "The Soviets are a special case")
    assert len(c.about) == 1 and c.about[0].startswith(COUNTRIES + "soviet-union")
    assert c.claim_type == "assessment"


def test_the_two_track_recommendation_belongs_to_both_authors(record):
    c = claim_with(record, "We recommend a two-track policy")
    assert c.claim_type == "recommendation" and c.cue == "We recommend"
    assert c.claimants == tuple(party_person_iri(record, p) for p in record.authors) and len(c.claimants) == 2
    bullet = claim_with(record, "Expounding our beliefs and opposing the USSR")
    assert bullet.claim_type == "recommendation" and any(a.startswith(COUNTRIES + "soviet-union") for a in bullet.about)


def test_the_fenwick_quotation_is_hers(record):
    c = claim_with(record, "Americans don't fight and die")
    line = record.text.index("Representative Millicent Fenwick")
    fenwick = [m for m in record.mentions if line <= m.start < line + 32 and m.kind == "person"]
    assert fenwick and fenwick[0].entity, "the entity layer names her on the attribution line"
    assert c.claim_type == "quotation" and c.claimants == (fenwick[0].entity,)
    assert record.text[c.start:c.end] == ("Americans don't fight and die for a second car or fancy refrigerator. "
                                          "They will fight for ideas, for the idea of freedom.")
    assert c.agents[0].office == "Representative"
    assert not any("Representative Millicent Fenwick" in record.text[x.start:x.end] for x in record.claims)


def test_questions_and_headings_are_not_claims(record):
    texts = [record.text[c.start:c.end] for c in record.claims]
    assert not any(t.endswith("?") for t in texts)
    assert not any(t in ("Two-track Policy", "Dealing With The Soviets", "PART I: HUMAN RIGHTS POLICY") for t in texts)


def test_the_graph_with_claims_validates_and_keeps_the_claimants_office(record):
    quads = document_quads(record)
    assert validate(quads).conforms
    roles = {q.object.value for q in quads if q.predicate.value == SCHEMA + "roleName"}
    assert "Representative" in roles
    attributed = {q.subject.value for q in quads if q.predicate.value == PROV + "qualifiedAttribution"}
    fenwick = next(c for c in record.claims if c.claim_type == "quotation")
    assert any(a.endswith(f"/claims/{record.claims.index(fenwick) + 1}") for a in attributed)
