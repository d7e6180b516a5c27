"""The claim model: a hand-made claim on the sample memo passes the gate and answers SPARQL as the vocabulary says."""
from __future__ import annotations

import copy

import pytest

from ingest import ingest_paths
from ingest.records import Claim
from ontology.namespaces import sparql_prologue
from ontology.validation import validate
from ingest.triples import document_graph, document_quads

FENWICK = "https://w3id.org/frus-kg/id/people/fenwick-fixture"


def fenwick_quotation(record):
    quote = "\u201cAmericans don't fight" if "\u201cAmericans" in record.text else "\"Americans don't fight"
    start = record.text.index(quote)
    end = record.text.index("idea of freedom.\"", start) + len("idea of freedom.\"")
    record.claims.append(Claim(start=start, end=end, claim_type="quotation", claimants=(FENWICK,),
                               about=(), method="manual", confidence=1.0, explanation="hand-made fixture"))


def test_hand_made_claim_passes_the_gate(sample_record):
    record = copy.deepcopy(sample_record)
    fenwick_quotation(record)
    assert validate(document_quads(record)).conforms


def test_claim_with_an_unknown_type_is_rejected(sample_record):
    record = copy.deepcopy(sample_record)
    fenwick_quotation(record)
    record.claims[0].claim_type = "rumour"
    with pytest.raises(ValueError, match="unknown type 'rumour'"):
        document_quads(record)


def test_claim_is_queryable_with_text_page_and_claimant(store, sample_path):
    ingest_paths([sample_path], store, extractors=[fenwick_quotation])
    q = sparql_prologue("schema", "fk", "prov", "oa") + """
    SELECT ?text ?type ?who ?page ?start ?end WHERE {
      ?c a fk:Claim ; schema:text ?text ; fk:claimType ?type ; prov:wasAttributedTo ?who ; fk:page ?page ;
         prov:wasDerivedFrom ?doc ; oa:hasTarget/oa:hasSelector ?s .
      ?s oa:start ?start ; oa:end ?end . ?doc schema:text ?all
      FILTER (SUBSTR(?all, ?start + 1, ?end - ?start) = ?text) }"""
    rows = [[t.value for t in row] for row in store.query(q).rows()]
    assert len(rows) == 1
    text, ctype, who, page, *_ = rows[0]
    assert text.startswith('"Americans don\'t fight') and text.endswith('idea of freedom."')
    assert ctype.endswith("#Quotation") and who == FENWICK and page == "167"


def _about_in_year(record) -> set[tuple[str, str]]:
    return {(s, o) for s, p, o in document_graph(record).triples if p.endswith("#aboutInYear>")}


def test_a_dated_claim_is_indexed_by_each_entity_it_is_about_and_the_year(sample_record):
    record = copy.deepcopy(sample_record)
    fenwick_quotation(record)
    us, ussr = "https://w3id.org/frus-kg/id/countries/united-states", "https://w3id.org/frus-kg/id/countries/soviet-union-1991"
    record.claims[0].about = (us, ussr)
    claim = f"<https://w3id.org/frus-kg/id/historicaldocuments/{record.volume.id}/{record.doc_id}/claims/1>"
    assert record.date.startswith("1981")
    assert _about_in_year(record) == {(claim, f"<{us}/years/1981>"), (claim, f"<{ussr}/years/1981>")}
    assert validate(document_quads(record)).conforms


def test_an_undated_claim_has_no_year_index(sample_record):
    record = copy.deepcopy(sample_record)
    fenwick_quotation(record)
    record.claims[0].about = ("https://w3id.org/frus-kg/id/countries/united-states",)
    record.date = None
    assert _about_in_year(record) == set()
