"""Stores for the contract tests: the embedded store, a real Oxigraph server and a real Virtuoso (tests/sparql_servers.py)."""
from __future__ import annotations

import pytest

from tests.sparql_servers import OxigraphServer, VirtuosoServer

BACKENDS = ["embedded", "oxigraph-server", "virtuoso"]


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
