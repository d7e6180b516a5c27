"""Stores for the contract tests: the embedded store, a real Oxigraph server and a real Virtuoso (tests/sparql_servers.py)."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.sparql_servers import OxigraphServer, VirtuosoServer

BACKENDS = ["embedded", "oxigraph-server", "virtuoso"]
TEI = Path(__file__).resolve().parents[1] / "fixtures" / "tei"
NETWORK_SLICES = [TEI / "frus1969-76v01-slice.xml", TEI / "frus1969-76ve09p1-slice.xml"]


@pytest.fixture(scope="session")
def network_slices_path(tmp_path_factory) -> Path:
    """Two real volume slices (several persons per document, editors' markup), without the network table: ingested
    once per session (per pytest-xdist worker) for the network tests' files, which open it read-only or copy it."""
    from graph import open_store
    from ingest import ingest_paths
    from ingest.authorities.rdf import ensure_authority_graphs

    path = tmp_path_factory.mktemp("network-slices") / "store"
    db = open_store(path)
    ensure_authority_graphs(db)
    summary = ingest_paths(NETWORK_SLICES, db)
    assert summary.documents == 13 and not summary.failures, summary.failures
    db.close()
    return path


@pytest.fixture(scope="session")
def oxigraph_server(tmp_path_factory):
    server = OxigraphServer(tmp_path_factory.mktemp("oxigraph-server") / "db").start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def virtuoso_server(tmp_path_factory):
    server = VirtuosoServer(tmp_path_factory.mktemp("virtuoso")).start()
    yield server
    server.stop()


@pytest.fixture(params=BACKENDS)
def any_store(request, tmp_path):
    """A fresh, empty, writable store on each backend."""
    from graph import open_store

    if request.param == "embedded":
        db = open_store(tmp_path / "store")
    else:
        server = request.getfixturevalue("oxigraph_server" if request.param == "oxigraph-server" else "virtuoso_server")
        server.clear()
        db = open_store(server.store_url(tmp_path / "state"))
    yield db
    db.close()
