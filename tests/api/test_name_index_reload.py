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
