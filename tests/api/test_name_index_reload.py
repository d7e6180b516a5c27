"""A running server answers reconciliation from the authority names the store holds now, not from those it read first:
its name index follows the authority graphs' own digests (graph/name_index.py)."""
from __future__ import annotations

import time

import httpx

from graph import open_store
from ingest.authorities.rdf import ensure_authority_graphs

CLARK = "people/102617"          # William Patrick Clark, as suggest names him


def _suggested(base: str, prefix: str) -> list[str]:
    r = httpx.get(base + "/reconcile/suggest/entity", params={"prefix": prefix}, timeout=30)
    assert r.status_code == 200, r.text
    return [hit["id"] for hit in r.json()["result"]]


def test_regression_a_running_server_kept_its_name_index_after_the_authorities_were_loaded(tmp_path, launch):
    """A server started on a store without the authority graphs built its name index empty, and a load of the
    authorities while it ran (what `frus-kg authorities load` writes) left suggest and reconciliation empty for 30 s
    (the label count was checked no oftener), and for good when a reload kept the number of names. The index now
    follows the graphs' digests: the names are there as soon as the server's snapshot shows the load."""
    path = tmp_path / "store"
    open_store(path).close()
    _, base = launch(path)
    assert _suggested(base, "William Patrick Clark") == []          # the index is built, with no names
    db = open_store(path)
    try:
        ensure_authority_graphs(db, force=True)     # the graphs `frus-kg authorities load` writes
    finally:
        db.close()
    deadline = time.monotonic() + 10        # the server reopens its snapshot within about a second of the writes
    while (found := _suggested(base, "William Patrick Clark")) == [] and time.monotonic() < deadline:
        time.sleep(0.3)
    assert found[:1] == [CLARK], found


def test_regression_suggest_kept_its_order_after_an_ingest_that_left_voids_counts_as_they_were(sample_store_path, tmp_path,
                                                                                               launch):
    """Suggest lists namesakes most mentioned first, by the statistics' totals, which the server re-read only when the
    digest of VoID's counts changed. A re-ingest that moves a document's mentions from one person to another keeps
    every count VoID holds (triples, classes, properties), so "clark" kept William Patrick Clark first until a restart
    although the memo now names Peter Clark. The totals carry their own digest now, which the server follows."""
    import shutil

    from graph.statistics import refresh_statistics
    from graph.void_description import void_version

    shutil.copytree(sample_store_path, tmp_path / "store")
    path = tmp_path / "store"
    _, base = launch(path)
    assert _suggested(base, "clark")[:1] == [CLARK]
    people, memo = "https://w3id.org/frus-kg/id/people/", "https://w3id.org/frus-kg/id/historicaldocuments/frus1981-88v41/d54"
    db = open_store(path)
    try:
        void = void_version(db)
        db.update(f"""DELETE {{ GRAPH <{memo}> {{ ?s ?p <{people}102617> }} }} INSERT {{ GRAPH <{memo}> {{ ?s ?p <{people}102609> }} }}
WHERE {{ GRAPH <{memo}> {{ ?s ?p <{people}102617> }} }}""")       # the memo's Clark is now Peter Clark
        refresh_statistics(db, rebuild=True)                      # as the end of an ingest does
        assert void_version(db) == void
    finally:
        db.close()
    deadline = time.monotonic() + 10
    while (found := _suggested(base, "clark"))[:1] == [CLARK] and time.monotonic() < deadline:
        time.sleep(0.3)
    assert found[:1] == ["people/102609"], found
