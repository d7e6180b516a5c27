"""The Turtle prefixes a set of triples needs: those pyoxigraph's writer spells some IRI with, and no other."""
from __future__ import annotations

import pyoxigraph as ox
import pytest

from graph.formats import used_prefixes
from ontology.namespaces import RDF, SCHEMA, SERIALIZATION_PREFIXES, XSD

S = ox.NamedNode("https://w3id.org/frus-kg/id/people/1")


def _declared(triples: list[ox.Triple]) -> set[str]:
    """The prefixes the writer declares given the table: only what `used_prefixes` chose."""
    chosen = used_prefixes(triples, SERIALIZATION_PREFIXES)
    text = ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=chosen).decode()
    body = "\n".join(line for line in text.splitlines() if not line.startswith("@prefix"))
    assert all(f"{prefix}:" in body for prefix in chosen), text      # each one declared is written
    return set(chosen)


@pytest.mark.parametrize("value, datatype, needs_xsd", [
    ("2", "integer", False), ("-2", "integer", False), (" 2", "integer", True), ("0.50", "decimal", False),
    ("1.", "decimal", True), ("1e5", "double", False), ("1.5", "double", True), ("INF", "double", True),
    ("true", "boolean", False), ("1", "boolean", True), ("1931", "gYear", True), ("text", "string", False)])
def test_xsd_is_declared_only_for_a_literal_the_writer_types(value, datatype, needs_xsd):
    triple = ox.Triple(S, ox.NamedNode(SCHEMA + "birthDate"), ox.Literal(value, datatype=ox.NamedNode(XSD + datatype)))
    assert ("xsd" in _declared([triple])) is needs_xsd


def test_rdf_type_as_a_predicate_is_written_a_and_needs_no_rdf():
    typed = ox.Triple(S, ox.NamedNode(RDF + "type"), ox.NamedNode(SCHEMA + "Person"))
    assert _declared([typed]) == {"schema"}
    assert _declared([ox.Triple(S, ox.NamedNode(SCHEMA + "about"), ox.NamedNode(RDF + "type"))]) == {"schema", "rdf"}


def test_an_iri_whose_local_part_a_prefixed_name_cannot_hold_is_written_in_full():
    assert _declared([ox.Triple(S, ox.NamedNode(SCHEMA + "name"), ox.NamedNode(SCHEMA + "a/b"))]) == {"schema"}
    assert used_prefixes([ox.Triple(S, ox.NamedNode(SCHEMA + "x"), ox.NamedNode(XSD + "("))], {"xsd": XSD}) == {}
