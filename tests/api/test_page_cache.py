"""A document page kept in memory (api/page_cache.py) is served again only while it is still true: a re-ingest
that changes the document, or a name that changed since, makes it again; an unchanged page is served from memory."""
from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

HTML = {"Accept": "text/html"}
MEMO = "/documents/frus1981-88v41/d54"
FENWICK = "https://w3id.org/frus-kg/id/people/104215"


def test_a_kept_document_page_is_made_again_after_a_re_ingest_changes_the_document(tmp_path, sample_store_path,
                                                                                   sample_path, launch):
    live = tmp_path / "live"
    shutil.copytree(sample_store_path, live)
    _, base = launch(live)
    for _ in range(2):      # the second answer is the kept page
        page = httpx.get(base + MEMO, headers=HTML, timeout=60)
        assert page.status_code == 200 and "fancy refrigerator" in page.text
    changed = tmp_path / sample_path.name
    changed.write_text(sample_path.read_text(encoding="utf-8").replace("fancy refrigerator", "fancy motorboat"),
                       encoding="utf-8")
    ingest = subprocess.run([str(Path(sys.executable).with_name("frus-kg")), "ingest", "--store", str(live), "--force",
                             "--workers", "0", str(changed)], capture_output=True, text=True, timeout=600)
    assert ingest.returncode == 0, ingest.stderr
    deadline = time.monotonic() + 30          # the server's reads reopen the store about a second after the last write
    while time.monotonic() < deadline:
        page = httpx.get(base + MEMO, headers=HTML, timeout=60)
        if "fancy motorboat" in page.text:
            break
        time.sleep(0.5)
    assert "fancy motorboat" in page.text and "fancy refrigerator" not in page.text


def _renamed(store, iri: str, name: str) -> None:
    store.update(f"""DELETE {{ GRAPH ?g {{ <{iri}> <http://www.w3.org/2000/01/rdf-schema#label> ?l }} }}
INSERT {{ GRAPH ?g {{ <{iri}> <http://www.w3.org/2000/01/rdf-schema#label> "{name}" }} }}
WHERE {{ GRAPH ?g {{ <{iri}> <http://www.w3.org/2000/01/rdf-schema#label> ?l }} }}""")


def test_a_kept_document_page_shows_a_name_changed_since_and_an_unchanged_page_comes_from_memory(tmp_path,
                                                                                                 sample_store_path):
    from api.app import create_app
    from graph import open_store

    shutil.copytree(sample_store_path, tmp_path / "store")
    store = open_store(tmp_path / "store")
    try:
        app = create_app(store)
        with TestClient(app) as client:
            first = client.get(MEMO, headers=HTML)
            again = client.get(MEMO, headers=HTML)
            assert first.status_code == again.status_code == 200 and again.text == first.text
            assert "Millicent Fenwick" in first.text
            kept = app.state.document_pages
            assert (kept.hits, kept.misses) == (1, 1)
            _renamed(store, FENWICK, "Millicent Hammond Fenwick (renamed)")
            renamed = client.get(MEMO, headers=HTML)
            assert 'title="Millicent Hammond Fenwick (renamed)"' in renamed.text
            assert (kept.hits, kept.misses) == (1, 2)
            assert client.get(MEMO, headers=HTML).text == renamed.text and kept.hits == 2
    finally:
        store.close()


def test_kept_pages_stay_within_their_budget_the_least_recently_used_dropped_first(sample_store):
    from api.page_cache import PageCache
    from api.resources.document_packs import packed_source

    source = packed_source(sample_store, "frus1981-88v41", "d54")
    assert source is not None
    cache = PageCache(budget=250)
    for doc in ("a", "b", "c"):
        cache.keep(("v", doc), source, [], {}, doc.encode() * 100)
    assert cache.fresh(sample_store, ("v", "a"), source) is None
    assert cache.fresh(sample_store, ("v", "b"), source) == b"b" * 100
    assert cache.fresh(sample_store, ("v", "c"), source + "A") is None      # another pack: not this page


def test_a_server_set_to_keep_no_pages_renders_the_document_page_on_every_request(sample_store):
    """`--page-cache-bytes 0` (FRUS_KG_PAGE_CACHE_BYTES=0): what the pages bench uses to time the first render."""
    from api.app import create_app
    from api.settings import Settings

    app = create_app(sample_store, Settings.from_env({"FRUS_KG_PAGE_CACHE_BYTES": "0"}))
    client = TestClient(app)
    pages = [client.get(MEMO, headers=HTML) for _ in range(3)]
    assert all(page.status_code == 200 for page in pages) and len({page.content for page in pages}) == 1
    assert (app.state.document_pages.hits, app.state.document_pages.misses) == (0, 3)
    kept = create_app(sample_store)
    client = TestClient(kept)
    assert [client.get(MEMO, headers=HTML).content for _ in range(2)] == [pages[0].content] * 2
    assert kept.state.document_pages.hits == 1


def test_a_negative_page_cache_size_is_refused_naming_the_setting():
    from api.settings import Settings

    with pytest.raises(ValueError, match="page_cache_bytes"):
        Settings.from_env({"FRUS_KG_PAGE_CACHE_BYTES": "-1"})
