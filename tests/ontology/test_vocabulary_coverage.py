"""Every term of the frus-kg namespace that a store holds is defined by the vocabulary served at /vocab."""
from __future__ import annotations

from pathlib import Path

import rdflib

from ontology.namespaces import FK

ROOT = Path(__file__).resolve().parents[2]
TEI = ROOT / "tests" / "fixtures" / "tei"

_USED = f"""SELECT DISTINCT ?t WHERE {{ {{ ?s ?t ?o }} UNION {{ ?s a ?t }} FILTER (STRSTARTS(STR(?t), "{FK}")) }}"""


def _used(db) -> set[str]:
    return {row[0].value for row in db.query(_USED).rows()}


def test_regression_the_data_used_fk_terms_the_vocabulary_did_not_define(sample_store, tmp_path):
    """fk:teiRef, fk:cue, fk:draftedBy, fk:xmlId, fk:subseries and the layers' terms were in the data but not in
    ontology/frus-kg.ttl: dereferencing them gave nothing. The sample store has every layer; the TEI slices (both
    encodings) have the markup's terms."""
    from graph import open_store
    from ingest import ingest_paths

    db = open_store(tmp_path / "tei")
    try:
        summary = ingest_paths([TEI / "frus1969-76ve09p1-today.xml", TEI / "frus1948v05p1-slice.xml"], db)
        assert summary.documents and not summary.failures
        used = _used(db) | _used(sample_store)
    finally:
        db.close()
    defined = {str(s) for s in rdflib.Graph().parse(ROOT / "ontology" / "frus-kg.ttl").subjects()}
    assert {FK + "teiRef", FK + "cue", FK + "NetworkBundle", FK + "claimOrder"} <= used
    assert sorted(used - defined) == []
