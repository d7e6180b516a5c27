"""Document packs (api/resources/document_packs.py) give the answers the document's graph gives, names are read
live, a store without packs answers through the graph, and `frus-kg index` builds packs only where they are missing."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import httpx
import pyoxigraph as ox
import pytest

from api.page_documents import document_view
from api.resources.describe import RDF_TYPES, resource_triples
from api.resources.document_packs import (PACK_PREFIX, document_resource, packed_description, packed_detail,
                                          packed_json, refresh_document_packs)
from api.resources.documents import document_detail
from graph import open_store
from ontology.iris import document_iri
from ontology.namespaces import sparql_prologue

MEMO = ("frus1981-88v41", "d54")


def _described(body: bytes, media: str) -> set:
    return {ox.Triple(t.subject, t.predicate, t.object) for t in ox.parse(body, format=RDF_TYPES[media])}


@pytest.fixture
def unpacked_path(sample_store_path, tmp_path) -> Path:
    """The sample store with its packs dropped: a store built before the packs existed."""
    path = tmp_path / "unpacked"
    shutil.copytree(sample_store_path, path)
    db = open_store(path)
    db.drop_graphs([g for g in db.graph_names() if g.startswith(PACK_PREFIX)])
    db.close()
    return path


@pytest.fixture
def unpacked(unpacked_path):
    db = open_store(unpacked_path)
    yield db
    db.close()


def test_ingest_and_index_leave_a_pack_of_the_memo(sample_store):
    assert packed_detail(sample_store, *MEMO) is not None
    assert packed_description(sample_store, *MEMO, "text/turtle") is not None


def test_the_pack_gives_the_rest_document_its_graph_gives(sample_store, unpacked):
    packed = packed_detail(sample_store, *MEMO)
    assert packed == document_detail(unpacked, *MEMO) == document_detail(sample_store, *MEMO)
    assert len(packed["mentions"]) > 20 and len(packed["claims"]) > 20
    assert "Fenwick" in {(c.get("name") or "").split()[-1] for claim in packed["claims"] for c in claim["claimants"]}


def _answer(detail: dict, context: str | None) -> bytes:
    """What json_answer writes for the document (Starlette's JSONResponse)."""
    body = detail if context is None else {"@context": context, **detail}
    return json.dumps(body, ensure_ascii=False, allow_nan=False, separators=(",", ":")).encode("utf-8")


@pytest.mark.parametrize("context", [None, "http://127.0.0.1:8001/context.jsonld"])
def test_the_packed_json_is_the_answer_of_the_graph_path_byte_for_byte(sample_store, unpacked, context):
    assert packed_json(sample_store, *MEMO, context) == _answer(document_detail(unpacked, *MEMO), context)
    assert packed_json(unpacked, *MEMO, context) is None


def test_a_store_without_packs_answers_through_the_graph(sample_store, unpacked):
    assert packed_detail(unpacked, *MEMO) is None and packed_description(unpacked, *MEMO, "text/turtle") is None
    assert document_resource(unpacked, *MEMO) == document_resource(sample_store, *MEMO)
    assert document_view(unpacked, *MEMO) == document_view(sample_store, *MEMO)


@pytest.mark.parametrize("media", sorted(RDF_TYPES))
def test_the_packed_description_holds_the_triples_of_the_graph_path(sample_store, media):
    body = packed_description(sample_store, *MEMO, media)
    expected = set(resource_triples(sample_store, document_iri(*MEMO)))
    assert _described(body, media) == expected
    assert any(t.predicate.value.endswith("documentMonth") for t in expected)    # read live from the statistics


def test_names_are_read_when_asked_not_when_packed(unpacked):
    refresh_document_packs(unpacked)
    person = next(m["entity"] for m in packed_detail(unpacked, *MEMO)["mentions"] if m["entity"] and m["entity"]["kind"] == "people")
    unpacked.update(sparql_prologue("rdfs") + f"""DELETE {{ GRAPH ?g {{ <{person['id']}> rdfs:label ?l }} }}
      INSERT {{ GRAPH ?g {{ <{person['id']}> rdfs:label "A New Name" }} }} WHERE {{ GRAPH ?g {{ <{person['id']}> rdfs:label ?l }} }}""")
    detail = packed_detail(unpacked, *MEMO)
    assert {m["entity"]["name"] for m in detail["mentions"] if m["entity"] and m["entity"]["id"] == person["id"]} == {"A New Name"}
    assert detail == document_detail(unpacked, *MEMO)
    assert packed_json(unpacked, *MEMO) == _answer(detail, None)


def test_a_refresh_packs_only_what_changed_and_drops_what_is_gone(unpacked):
    first = refresh_document_packs(unpacked)
    assert (first.volumes, first.documents, first.unchanged) == (1, 1, 0)
    again = refresh_document_packs(unpacked)
    assert (again.volumes, again.unchanged) == (0, 1)
    gone = ox.NamedNode(PACK_PREFIX + "frus1900v99")       # the packs of a volume the store no longer holds
    unpacked.replace_graphs({gone.value: [ox.Quad(gone, ox.NamedNode("http://example.org/p"), ox.Literal("x"), gone)]})
    assert refresh_document_packs(unpacked).removed == 1
    assert refresh_document_packs(unpacked, rebuild=True).volumes == 1


def test_frus_kg_index_packs_a_store_that_has_no_packs(unpacked_path):
    exe = Path(sys.executable).with_name("frus-kg")
    run = subprocess.run([str(exe), "index", "--store", str(unpacked_path)], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    assert "document packs: 1 volume(s) packed (1 documents)" in run.stderr
    db = open_store(unpacked_path, read_only=True)
    try:
        assert packed_detail(db, *MEMO) == document_detail(db, *MEMO)
    finally:
        db.close()


def test_a_server_answers_the_same_with_and_without_packs(server, unpacked_path, launch):
    _, plain = launch(unpacked_path)
    for path, accept in ((f"/documents/{MEMO[0]}/{MEMO[1]}", "application/ld+json"),
                         (f"/documents/{MEMO[0]}/{MEMO[1]}", "text/html")):
        fast, slow = (httpx.get(base + path, headers={"Accept": accept}, timeout=30) for base in (server, plain))
        assert fast.status_code == slow.status_code == 200
        assert fast.text.replace(server, "") == slow.text.replace(plain, "")
    for media in RDF_TYPES:
        path = f"/id/historicaldocuments/{MEMO[0]}/{MEMO[1]}"
        fast, slow = (httpx.get(base + path, headers={"Accept": media}, timeout=30) for base in (server, plain))
        assert fast.status_code == slow.status_code == 200 and fast.headers["vary"] == slow.headers["vary"]
        assert _described(fast.content, media) == _described(slow.content, media)
    fast, slow = (httpx.get(base + f"/id/historicaldocuments/{MEMO[0]}/{MEMO[1]}", headers={"Accept": "text/html"})
                  for base in (server, plain))
    assert fast.status_code == slow.status_code == 303 and fast.headers["location"] == slow.headers["location"]


@pytest.fixture(scope="module")
def tei_store(document_slices_path):
    """Two TEI test slices ingested by `frus-kg ingest` with two workers, which pack their documents at its end."""
    db = open_store(document_slices_path, read_only=True)
    yield db
    db.close()


def test_every_tei_documents_pack_gives_what_its_graph_gives(tei_store):
    docs = [(row[0].value, row[1].value) for row in tei_store.query(sparql_prologue("fk") + """SELECT ?v ?d WHERE {
      ?doc a fk:Document ; fk:volumeId ?v ; fk:documentId ?d }""").rows()]
    assert len(docs) >= 5
    for volume, doc in docs:
        detail = document_detail(tei_store, volume, doc)
        assert packed_detail(tei_store, volume, doc) == detail, doc
        assert packed_json(tei_store, volume, doc, "/context.jsonld") == _answer(detail, "/context.jsonld"), doc
        expected = set(resource_triples(tei_store, document_iri(volume, doc)))
        for media in RDF_TYPES:
            assert _described(packed_description(tei_store, volume, doc, media), media) == expected, (doc, media)
