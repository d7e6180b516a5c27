"""An undated editorial note carries the time it tells of, `schema:temporalCoverage`, in the graph, the REST document,
its pack and its page; it stays undated (docs/vocabulary.md, docs/http.md)."""
from __future__ import annotations

import httpx
import pytest

from api.resources.document_packs import packed_detail
from api.resources.documents import document_detail
from graph import open_store
from ontology.namespaces import sparql_prologue

NOTE = ("frus1977-80v01", "d114")


def test_the_graph_gives_an_undated_editorial_note_the_interval_of_the_documents_around_it(note_store_path):
    store = open_store(note_store_path, read_only=True)
    try:
        rows = list(store.query(sparql_prologue("fk", "schema") + """SELECT ?d ?time ?date WHERE {
          ?doc fk:documentId ?d . OPTIONAL { ?doc schema:temporalCoverage ?time } OPTIONAL { ?doc schema:dateCreated ?date }
        } ORDER BY ?d""").rows())
        got = {r[0].value: (r[1] and r[1].value, r[2] and r[2].value[:10]) for r in rows}
        assert got == {"d113": (None, "1979-02-24"), "d114": ("1979-02-24/1979-03-30", None), "d115": (None, "1979-03-30")}
        detail = document_detail(store, *NOTE)
        assert detail["temporalCoverage"] == "1979-02-24/1979-03-30" and detail["date"] is None
        assert packed_detail(store, *NOTE)["temporalCoverage"] == detail["temporalCoverage"]
    finally:
        store.close()


def test_the_document_page_says_what_time_the_note_tells_of(launch, note_store_path):
    _, base = launch(note_store_path)
    page = httpx.get(f"{base}/documents/{NOTE[0]}/{NOTE[1]}", headers={"Accept": "text/html"}).text
    assert "<dt>Tells of</dt>" in page and "1979" in page.split("<dt>Tells of</dt>", 1)[1].split("</dd>", 1)[0]
