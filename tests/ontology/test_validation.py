"""The SHACL gate accepts the sample memo and names what is wrong with broken graphs."""
from __future__ import annotations

import pyoxigraph as ox
import pytest

from ingest.records import Mention
from ingest.triples import document_quads
from ontology.namespaces import FK, OA, SCHEMA, XSD
from ontology.validation import validate


@pytest.fixture(scope="module")
def quads(sample_record):
    record = sample_record
    record.mentions = [Mention(start=record.text.index("El Salvador"), end=record.text.index("El Salvador") + 11,
                               kind="country", method="gazetteer", confidence=0.9,
                               entity="https://w3id.org/frus-kg/id/countries/el-salvador", label="El Salvador")]
    try:
        yield document_quads(record)
    finally:
        record.mentions = []


def _without(quads, predicate):
    return [q for q in quads if q.predicate.value != predicate]


def _replace_object(quads, predicate, new):
    return [ox.Quad(q.subject, q.predicate, new, q.graph_name) if q.predicate.value == predicate else q for q in quads]


def test_sample_memo_conforms(quads):
    report = validate(quads)
    assert report.conforms, report.format()


def test_missing_date_is_rejected(quads):
    report = validate(_without(quads, SCHEMA + "dateCreated"))
    assert not report.conforms
    assert any(v.shape == "fksh:HistoricalDocumentShape" and "needs its date" in v.message for v in report.violations)


def test_an_undated_document_conforms_when_its_date_basis_says_why(quads):
    undated = _without(quads, SCHEMA + "dateCreated")
    doc = next(q for q in quads if q.predicate.value == SCHEMA + "dateCreated")
    basis = ox.Quad(doc.subject, ox.NamedNode(FK + "dateBasis"), ox.Literal("undated in the source"), doc.graph_name)
    assert validate(undated + [basis]).conforms


def test_wrong_datatype_is_rejected(quads):
    report = validate(_replace_object(quads, SCHEMA + "dateCreated", ox.Literal("October 26, 1981")))
    assert any(v.path == "schema:dateCreated" and v.value == "October 26, 1981" for v in report.violations)


def test_annotation_without_target_is_rejected(quads):
    report = validate(_without(quads, OA + "hasTarget"))
    assert any(v.path == "oa:hasTarget" and v.shape == "fksh:AnnotationShape" for v in report.violations)


def test_offsets_that_do_not_round_trip_are_rejected(quads):
    shifted = _replace_object(quads, OA + "start", ox.Literal("3", datatype=ox.NamedNode(XSD + "integer")))
    report = validate(shifted)
    assert any(v.shape == "fksh:OffsetsRoundTripShape" for v in report.violations)


def test_confidence_outside_zero_one_is_rejected(quads):
    report = validate(_replace_object(quads, FK + "confidence", ox.Literal("1.5", datatype=ox.NamedNode(XSD + "decimal"))))
    assert any(v.path == "fk:confidence" for v in report.violations)


def test_report_names_document_shape_and_message(quads):
    text = validate(_without(quads, SCHEMA + "text")).format("d54")
    assert text.startswith("d54: ") and "fksh:DocumentShape schema:text" in text and "exactly one schema:text" in text
