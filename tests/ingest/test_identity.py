"""One node per real person: persons-list entries are linked whatever the worker mode, and the editors'
tags of one person in two volumes resolve to the same authority IRI."""
from __future__ import annotations

from pathlib import Path

import pytest

from graph import open_store
from ingest.parallel import ingest_corpus
from ontology import iris

TEI = Path(__file__).resolve().parents[1] / "fixtures" / "tei"
V01 = TEI / "frus1969-76v01-slice.xml"
VE09 = TEI / "frus1969-76ve09p1-slice.xml"
KISSINGER = iris.person_iri("107252")
PREFIXES = """PREFIX oa: <http://www.w3.org/ns/oa#> PREFIX fk: <https://w3id.org/frus-kg/vocab#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#> PREFIX schema: <http://schema.org/>"""


def _store(tmp_path: Path, workers: int, *paths: Path):
    db = open_store(tmp_path / f"store{workers}")
    ingest_corpus(list(paths), db, workers=workers)
    return db


def _rows(db, query: str) -> list[tuple[str, ...]]:
    return [tuple(getattr(t, "value", str(t)) for t in row) for row in db.query(PREFIXES + query).rows()]


@pytest.fixture(scope="module")
def two_volumes(tmp_path_factory):
    db = _store(tmp_path_factory.mktemp("identity"), 0, V01, VE09)
    yield db
    db.close()


def test_kissinger_across_two_volumes_is_one_entity(two_volumes):
    bodies = _rows(two_volumes, """SELECT DISTINCT ?body WHERE {
        ?m a fk:Mention ; oa:hasBody ?body ; oa:hasTarget/oa:hasSelector/oa:exact ?exact .
        FILTER(CONTAINS(?exact, "Kissinger")) }""")
    volumes = _rows(two_volumes, """SELECT DISTINCT ?v WHERE {
        ?m oa:hasBody ?body ; oa:hasTarget/oa:hasSource/schema:isPartOf ?v .
        FILTER(?body = <%s>) }""" % KISSINGER)
    assert bodies == [(KISSINGER,)]
    assert len(volumes) == 2


def test_persons_list_entries_keep_their_iri_as_a_variant_of_the_authority(two_volumes):
    variants = _rows(two_volumes, "SELECT ?e WHERE { ?e skos:exactMatch <%s> } ORDER BY ?e" % KISSINGER)
    assert variants == [(iris.volume_person_iri("frus1969-76v01", "p_KHA1"),),
                        (iris.volume_person_iri("frus1969-76ve09p1", "p_KHA_1"),)]


def test_editors_tag_stays_the_evidence_of_a_canonical_mention(two_volumes):
    rows = _rows(two_volumes, """SELECT ?ref ?why WHERE { ?m oa:hasBody <%s> ; fk:method fk:tei-markup ;
        fk:teiRef ?ref ; fk:explanation ?why } LIMIT 1""" % KISSINGER)
    ref, why = rows[0]
    assert ref.startswith("#p_KHA") and "hsg-people 107252" in why


@pytest.mark.parametrize("workers", [0, 1])
def test_regression_persons_list_was_never_linked_because_the_volume_graph_was_written_first(tmp_path, workers):
    db = _store(tmp_path, workers, VE09)
    try:
        linked = _rows(db, "SELECT (COUNT(?e) AS ?n) WHERE { ?e a schema:Person ; fk:xmlId ?x ; skos:exactMatch ?p }")
        listed = _rows(db, "SELECT (COUNT(?e) AS ?n) WHERE { ?e a schema:Person ; fk:xmlId ?x }")
    finally:
        db.close()
    assert int(linked[0][0]) > 0.8 * int(listed[0][0])
