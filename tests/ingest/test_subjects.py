"""Subject headings in today's TEI encoding (keywords scheme="frus-subject-taxonomy") become the document's subjects:
LCSH IRIs with labels, and headings of the FRUS subject taxonomy as a SKOS scheme."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from ingest.tei_reader import read_tei
from ingest.triples import document_graph
from ontology.validation import validate

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
TODAY = FIXTURES / "subjects" / "frus1981-88v41-d54-today.xml"
HUMAN_RIGHTS_LCSH = "http://id.loc.gov/authorities/subjects/sh85026379"
PREFIX = """PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX fk: <https://w3id.org/frus-kg/vocab#>
"""


@pytest.fixture(scope="module")
def record():
    (doc,) = read_tei(TODAY)
    return doc


@pytest.fixture
def subject_store(store, record):
    data = document_graph(record)
    store.replace_graphs({data.graph: data.quads()})
    return store


def select(store, query: str) -> list[tuple[str, ...]]:
    return sorted(tuple(t.value for t in row) for row in store.query(PREFIX + query).rows())


def test_the_reader_keeps_each_heading_once_with_its_lcsh_iri(record):
    assert [(s.subject, s.lcsh, s.category, s.subcategory) for s in record.subjects] == [
        ("human-rights", HUMAN_RIGHTS_LCSH, "human-rights", "human-rights"),
        ("terrorism", "", "global-issues", "terrorism")]


def test_the_lcsh_subjects_of_the_document_with_their_labels(subject_store):
    rows = select(subject_store, """SELECT ?lcsh ?label WHERE {
        ?doc fk:documentId "d54" ; dcterms:subject ?lcsh . ?lcsh rdfs:label ?label .
        FILTER STRSTARTS(STR(?lcsh), "http://id.loc.gov/authorities/subjects/") }""")
    assert rows == [(HUMAN_RIGHTS_LCSH, "Human Rights")]


def test_the_taxonomy_is_a_skos_scheme_heading_subcategory_category(subject_store):
    rows = select(subject_store, """SELECT ?heading ?sub ?category WHERE {
        ?doc dcterms:subject ?h . ?h a fk:SubjectHeading ; skos:prefLabel ?heading ; skos:broader ?s .
        ?s skos:prefLabel ?sub ; skos:broader ?c . ?c skos:prefLabel ?category ; skos:topConceptOf ?scheme .
        ?scheme a skos:ConceptScheme }""")
    assert rows == [("Human Rights", "Human Rights", "Human Rights"), ("Terrorism", "Terrorism", "Global Issues")]
    exact = select(subject_store, "SELECT ?lcsh ?how WHERE { ?h a fk:SubjectHeading ; skos:exactMatch ?lcsh ; fk:lcshMatch ?how }")
    assert exact == [(HUMAN_RIGHTS_LCSH, "exact")]


def test_the_graph_with_subjects_passes_the_shapes(record):
    assert validate(document_graph(record).quads()).conforms


def test_documents_of_the_2015_encoding_have_no_subjects():
    doc = next(iter(read_tei(FIXTURES / "tei" / "frus1969-76ve09p1-d9.xml")))
    assert doc.subjects == []
    assert b"purl.org/dc/terms/subject" not in document_graph(doc).nquads


def test_the_query_documented_in_the_vocabulary_answers_as_documented(subject_store):
    page = (Path(__file__).resolve().parents[2] / "docs" / "vocabulary.md").read_text(encoding="utf-8")
    query = next(q for q in re.findall(r"```sparql\n(.*?)```", page, re.S) if "subjects fixture" in q)
    answer = subject_store.query(query).serialize("csv").decode()
    for expected in re.findall(r"^# expect: (.+)$", query, flags=re.M):
        assert expected in answer

