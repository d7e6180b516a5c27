"""The claim model: a hand-made claim on the sample memo passes the gate and answers SPARQL as the vocabulary says."""
from __future__ import annotations

import copy

import pytest

from ingest import ingest_paths
from ingest.records import Claim
from ontology.namespaces import sparql_prologue
from ontology.validation import validate
from ingest.triples import document_quads

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
