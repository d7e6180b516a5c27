"""A document's subject headings (today's TEI encoding) reach its resource and its page: LCSH and the FRUS taxonomy."""
from __future__ import annotations

from pathlib import Path

from api.resources.documents import document_detail
from ingest.tei_reader import read_tei
from ingest.triples import document_graph

TODAY = Path(__file__).resolve().parent.parent / "fixtures" / "subjects" / "frus1981-88v41-d54-today.xml"
HUMAN_RIGHTS_LCSH = "http://id.loc.gov/authorities/subjects/sh85026379"


def test_the_document_resource_lists_its_subject_headings_with_labels(store):
    (record,) = read_tei(TODAY)
    data = document_graph(record)
    store.replace_graphs({data.graph: data.quads()})
    detail = document_detail(store, record.volume.id, record.doc_id)
    lcsh = [s for s in detail["subjects"] if s["lcsh"]]
    assert [s["id"] for s in lcsh] == [HUMAN_RIGHTS_LCSH] and lcsh[0]["label"]
    headings = [s for s in detail["subjects"] if not s["lcsh"]]
    assert headings and all(s["href"].startswith("/id/") and s["label"] for s in headings)
