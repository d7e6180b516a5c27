"""The document page's own reads (api/page_documents.py) give what the REST document gives, for every key the page shows."""
from __future__ import annotations

import pytest

from api.page_documents import document_view
from api.resources.documents import document_detail

SAME = ("id", "href", "url", "volumeId", "documentId", "volume", "number", "title", "date", "dateMax", "dateBasis", "temporalCoverage", "genre",
        "subject", "subjects", "classification", "archive", "fileNumber", "printedFrom", "place", "pageStart", "pageEnd",
        "text", "entities")


def _claim(c: dict) -> tuple:
    return (c["id"], c["claimType"], c["text"], c["date"], c["page"], c["start"], c["end"],
            [p["id"] for p in c["claimants"]], [a["id"] for a in c["about"]], [p["name"] for p in c["claimants"]])


def _agree(store, volume: str, doc: str) -> None:
    view, rest = document_view(store, volume, doc), document_detail(store, volume, doc)
    for key in SAME:
        assert view[key] == rest[key], key
    assert [_claim(c) for c in view["claims"]] == [_claim(c) for c in rest["claims"]]
    assert [(m["id"], m["start"], m["end"], m["entityType"], m["entity"]) for m in view["mentions"]] == \
        [(m["id"], m["start"], m["end"], m["entityType"], m["entity"]) for m in rest["mentions"]]
    for key in ("footnotes", "pages"):
        assert [{k: v for k, v in n.items() if k != "type"} for n in rest[key]] == view[key], key
    for key in ("authors", "recipients"):
        assert [(r["id"], r["roleKind"], r["roleName"], r["person"]) for r in rest[key]] == \
            [(r["id"], r["roleKind"], r["roleName"], r["person"]) for r in view[key]], key
    assert (rest["sourceNote"] or {}).get("text") == (view["sourceNote"] or {}).get("text")


def test_the_memos_page_reads_what_its_rest_document_holds(sample_store):
    view = document_view(sample_store, "frus1981-88v41", "d54")
    assert len(view["claims"]) > 20 and len(view["mentions"]) > 20 and len(view["footnotes"]) == 3
    _agree(sample_store, "frus1981-88v41", "d54")


@pytest.fixture(scope="module")
def tei_store(document_slices_path):
    """Two TEI test slices ingested (footnotes, page breaks, roles, subjects), as `frus-kg ingest` leaves them."""
    from graph import open_store

    db = open_store(document_slices_path, read_only=True)
    yield db
    db.close()


def test_every_tei_documents_page_reads_what_its_rest_document_holds(tei_store):
    from ontology.namespaces import sparql_prologue

    docs = [(row[0].value, row[1].value) for row in tei_store.query(sparql_prologue("fk") + """SELECT ?v ?d WHERE {
      ?doc a fk:Document ; fk:volumeId ?v ; fk:documentId ?d }""").rows()]
    assert len(docs) >= 5
    for volume, doc in docs:
        _agree(tei_store, volume, doc)


def test_a_document_the_store_does_not_hold_is_none(sample_store):
    assert document_view(sample_store, "frus1981-88v41", "d9999") is None


def test_every_tei_documents_page_from_its_pack_is_the_page_from_its_graph_byte_for_byte(tei_store, monkeypatch):
    """The page reads its pack's parsed dicts without copying them and fills in only the names it shows (candidates
    and the claims' document keep the pack's placeholders): the HTML must still be what the graph path gives,
    footnotes, page breaks and roles included."""
    from fastapi.testclient import TestClient

    import api.page_documents
    import api.page_views
    from api.app import create_app
    from api.settings import Settings
    from ontology.namespaces import sparql_prologue

    docs = [(row[0].value, row[1].value) for row in tei_store.query(sparql_prologue("fk") + """SELECT ?v ?d WHERE {
      ?doc a fk:Document ; fk:volumeId ?v ; fk:documentId ?d }""").rows()]
    client = TestClient(create_app(tei_store, Settings(page_cache_bytes=0)))
    paths = [f"/documents/{volume}/{doc}" for volume, doc in docs]
    packed = [client.get(path, headers={"Accept": "text/html"}) for path in paths]
    monkeypatch.setattr(api.page_views, "packed_source", lambda *args, **kwargs: None)
    monkeypatch.setattr(api.page_documents, "packed_detail", lambda *args, **kwargs: None)
    for path, fast in zip(paths, packed):
        slow = client.get(path, headers={"Accept": "text/html"})
        assert fast.status_code == slow.status_code == 200
        assert fast.content == slow.content, path
    assert any('class="fn"' in page.text for page in packed) and any("pagebreak" in page.text for page in packed)


def test_regression_a_tei_page_break_between_two_words_ran_into_the_next_one(tei_store):
    """"against <pb n="3"/>end" made "against [Page 3]end" on the page: each break between two words now reads
    "word [Page N] word"."""
    import html5lib
    from fastapi.testclient import TestClient

    from api.app import create_app
    from ontology.namespaces import sparql_prologue
    from tests.api.test_pages import page_breaks_between_words

    docs = [(row[0].value, row[1].value) for row in tei_store.query(sparql_prologue("fk") + """SELECT ?v ?d WHERE {
      ?doc a fk:Document ; fk:volumeId ?v ; fk:documentId ?d }""").rows()]
    client = TestClient(create_app(tei_store))
    checked = 0
    for volume, doc in docs:
        path = f"/documents/{volume}/{doc}"
        detail = client.get(path, headers={"Accept": "application/json"}).json()
        tree = html5lib.HTMLParser(strict=True, namespaceHTMLElements=True).parse(
            client.get(path, headers={"Accept": "text/html"}).text)
        [body] = [div for div in tree.iter("{http://www.w3.org/1999/xhtml}div") if div.get("class") == "document-text"]
        checked += page_breaks_between_words(detail["text"], detail["pages"], " ".join("".join(body.itertext()).split()))
    assert checked >= 3
