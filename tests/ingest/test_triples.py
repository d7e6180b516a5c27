"""Records -> N-Quads: the graph builder writes N-Triples terms itself, so it must write exactly what a parser reads back."""
from __future__ import annotations

import copy

import pyoxigraph as ox
import pytest

from ingest.entities import extract_entities
from ingest.records import Mention
from ingest.triples import document_graph
from ontology.namespaces import SCHEMA


@pytest.fixture(scope="module")
def sample(sample_record):
    record = copy.deepcopy(sample_record)
    extract_entities(record)
    return record


def test_the_nquads_parse_back_to_the_triples_the_builder_made(sample):
    data = document_graph(sample)
    parsed = list(ox.parse(data.nquads, format=ox.RdfFormat.N_QUADS))
    assert len(parsed) == len(data.triples) == len(set(parsed)) > 500
    assert {(str(q.subject), str(q.predicate), str(q.object)) for q in parsed} == set(data.triples)
    assert {q.graph_name.value for q in parsed} == {data.graph}
    assert len(data.nquads.decode("utf-8").splitlines()) == len(data.triples)


def test_literals_keep_quotes_backslashes_and_every_line_breaking_character(sample):
    record = copy.deepcopy(sample)
    odd = ' "quoted" back\\slash \r\n tab\t form\x0c feed\x0b nel\x85 ls\u2028 ps\u2029 fs\x1c gs\x1d rs\x1e é 𝄞'
    record.text += odd
    data = document_graph(record)
    assert len(data.nquads.decode("utf-8").splitlines()) == len(data.triples)      # no literal breaks a line
    texts = [q.object.value for q in ox.parse(data.nquads, format=ox.RdfFormat.N_QUADS) if q.predicate.value == SCHEMA + "text"]
    assert record.text in texts


def test_an_iri_that_cannot_be_written_is_refused_not_written(sample):
    record = copy.deepcopy(sample)
    record.mentions.append(Mention(0, 3, "person", "name-variant", 0.9, "https://example.org/a person"))
    with pytest.raises(ValueError, match="not an IRI"):
        document_graph(record)
