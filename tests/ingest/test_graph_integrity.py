"""Every entity a document points to is described in the store, once: no row is doubled by the union graph.

Regression: entity labels used to be repeated in every document graph; Oxigraph's union default graph is
a bag, so a query joining a mention to its entity's label returned one row per document graph.
"""
from __future__ import annotations

import pytest

from ontology.namespaces import sparql_prologue

P = sparql_prologue("schema", "fk", "oa", "prov", "rdfs")


@pytest.mark.parametrize("link", ["oa:hasBody", "schema:author", "schema:recipient", "prov:wasAttributedTo",
                                  "schema:about", "schema:mentions", "fk:roleHolder", "schema:locationCreated"])
def test_every_linked_entity_has_a_label_in_the_store(sample_store, link):
    rows = list(sample_store.query(P + f"SELECT DISTINCT ?e WHERE {{ ?x {link} ?e FILTER NOT EXISTS {{ ?e rdfs:label ?l }} }}").rows())
    assert not rows, f"{link} points to entities without a label: {[r[0].value for r in rows][:5]}"


def test_no_triple_is_stored_in_two_graphs(sample_store):
    rows = list(sample_store.query(P + """
        SELECT ?s ?p ?o WHERE { GRAPH ?g1 { ?s ?p ?o } GRAPH ?g2 { ?s ?p ?o } FILTER (STR(?g1) < STR(?g2)) } LIMIT 5""").rows())
    assert not rows, f"triples stored twice: {rows}"


def test_mention_rows_are_not_multiplied_by_labels(sample_store):
    join = "?m oa:hasBody ?e . ?e rdfs:label ?label"
    rows = int(next(sample_store.query(P + f"SELECT (COUNT(*) AS ?n) WHERE {{ {join} }}").rows())[0].value)
    distinct = int(next(sample_store.query(P + f"SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT * WHERE {{ {join} }} }}").rows())[0].value)
    assert rows > 30 and rows == distinct


def test_regression_a_claimant_body_local_to_its_document_was_left_undescribed():
    """frus1952-54Guat d287, "In August 1953, the Operations Coordinating Board directed CIA to assume responsibility
    …": the claimant is a body the authorities do not hold, minted under the document
    (…/d287/organizations/operations-coordinating-board), but the document's graph never described it (no type, no
    label), so its IRI answered 404 at /id/ where the page of the claim's subject linked it (found by the crawl of the
    served site, tests/api/test_site_crawl.py)."""
    from pathlib import Path

    from ingest.pipeline import default_extractors, read_inputs
    from ingest.triples import document_graph
    from ontology.namespaces import RDFS

    tei = Path(__file__).resolve().parents[1] / "fixtures" / "tei" / "frus1952-54Guat-slice.xml"
    record = next(r for r in read_inputs(tei) if r.doc_id == "d287")
    for extract in default_extractors():
        extract(record)
    body = "https://w3id.org/frus-kg/id/historicaldocuments/frus1952-54Guat/d287/organizations/operations-coordinating-board"
    assert body in record.claims[0].claimants
    triples = document_graph(record).triples
    assert (f"<{body}>", f"<{RDFS}label>", '"Operations Coordinating Board"') in triples
