"""The API on a remote store: the sample ingested by `frus-kg ingest --store sparql+http://…` into a real Oxigraph
server, and into a real Virtuoso, served by `frus-kg serve` on the same URL, answers as the embedded store's
server does."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from tests.api.conftest import start_server
from tests.conftest import SAMPLE
from tests.sparql_servers import OxigraphServer, VirtuosoServer

FRUS_KG = str(Path(sys.executable).with_name("frus-kg"))


@pytest.fixture(scope="module", params=["oxigraph-server", "virtuoso"])
def remote_url(request, tmp_path_factory):
    """A real SPARQL server holding the sample, ingested and indexed the way users do it."""
    folder = tmp_path_factory.mktemp("remote")
    server = (OxigraphServer(folder / "db") if request.param == "oxigraph-server" else VirtuosoServer(folder / "db")).start()
    try:
        url = server.store_url(folder / "state")
        ingest = subprocess.run([FRUS_KG, "ingest", str(SAMPLE), "--store", url], capture_output=True, text=True)
        assert ingest.returncode == 0, ingest.stderr
        yield url
    finally:
        server.stop()


@pytest.fixture(scope="module")
def remote_server(remote_url, launch_for_module):
    _, base = launch_for_module(remote_url)
    return base


@pytest.mark.parametrize("path,params", [
    ("/documents", {"limit": "5"}),
    ("/documents/frus1981-88v41/d54", {}),
    ("/claims", {"limit": "10"}),
    ("/search", {"q": "Falklands"}),
    ("/countries", {}),
    ("/countries/united-states", {}),
    ("/network", {"kind": "correspondence"}),
])
def test_resources_answer_as_on_the_embedded_store(server, remote_server, path, params):
    here = httpx.get(server + path, params=params, headers={"accept": "application/json"}, timeout=60)
    there = httpx.get(remote_server + path, params=params, headers={"accept": "application/json"}, timeout=60)
    assert here.status_code == 200, here.text
    assert there.status_code == 200, there.text
    assert _comparable(there.json(), remote_server) == _comparable(here.json(), server)


def _comparable(value, base: str, top: bool = True):
    """The JSON with this server's own address taken out of its links, and the lists inside a resource (authors,
    claimants: sets, in whatever order the engine found them) sorted; a page's `items` keep their order; floats
    to 9 places."""
    if isinstance(value, dict):
        return {k: (_comparable(v, base, False) if k != "items" or not top else [_comparable(i, base, False) for i in v])
                for k, v in value.items() if k not in ("elapsed_ms", "took_ms")}
    if isinstance(value, list):
        return sorted((_comparable(v, base, False) for v in value), key=lambda v: json.dumps(v, sort_keys=True))
    if isinstance(value, float):
        return round(value, 9)                 # centralities summed in another order differ in the last bit
    return value.replace(base, "") if isinstance(value, str) else value


def test_sparql_endpoint_answers_from_the_server(server, remote_server):
    query = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    counts = [httpx.get(base + "/sparql", params={"query": query}, headers={"accept": "application/sparql-results+json"},
                        timeout=60).json()["results"]["bindings"][0]["n"]["value"] for base in (server, remote_server)]
    assert int(counts[0]) > 100 and counts[0] == counts[1]


def test_a_document_page_renders_from_the_remote_store(remote_server):
    page = httpx.get(remote_server + "/documents/frus1981-88v41/d54", headers={"accept": "text/html"}, timeout=60)
    assert page.status_code == 200 and "<html" in page.text and "d54" in page.text


def test_query_and_export_commands_read_the_remote_store(remote_url, tmp_path):
    from graph import open_store

    query = subprocess.run([FRUS_KG, "query", "SELECT (COUNT(*) AS ?n) WHERE { ?d a <https://w3id.org/frus-kg/vocab#Document> }",
                            "--store", remote_url, "--format", "csv"], capture_output=True, text=True)
    assert query.returncode == 0, query.stderr
    assert query.stdout.splitlines()[1:] == ["1"]
    out = tmp_path / "all.nq"
    export = subprocess.run([FRUS_KG, "export", "--store", remote_url, "-o", str(out)], capture_output=True, text=True)
    assert export.returncode == 0, export.stderr
    db = open_store(remote_url, read_only=True)
    assert sum(1 for line in out.read_text().splitlines() if line) == db.quad_count()
    db.close()
    validate = subprocess.run([FRUS_KG, "validate", "--store", remote_url], capture_output=True, text=True)
    assert validate.returncode == 0, validate.stderr


def test_a_syntax_error_the_remote_server_rejects_is_a_400_quoting_it_without_the_servers_address(tmp_path):
    """The query goes to the server unparsed here; its 400 is passed on as the client's error, quoting the server's
    report (Oxigraph's gives the line and column) on one line. Where the store runs is the operator's to know: the
    client's answer never names the server's endpoint; the operator's error (the CLI, the log) does."""
    from fastapi.testclient import TestClient

    from api import create_app
    from graph import RemoteQueryError, open_store

    server = OxigraphServer(tmp_path / "db").start()
    try:
        store = open_store(server.store_url(tmp_path / "state"), read_only=True)
        client = TestClient(create_app(store), raise_server_exceptions=False)
        r = client.get("/sparql", params={"query": "SELECT * WHERE {\n  ?s ?p }"})
        problem = client.get("/sparql", params={"query": "SELECT * WHERE {\n  ?s ?p }"},
                             headers={"accept": "application/json"})
        with pytest.raises(RemoteQueryError) as operator:
            store.query("SELECT * WHERE { ?s ?p }")
        store.close()
    finally:
        server.stop()
    assert r.status_code == 400 and r.headers["content-type"].startswith("text/plain"), r.text
    assert r.text.startswith("the SPARQL server rejected the request: error at 2:10: expected "), r.text
    assert problem.status_code == 400 and problem.json()["detail"] + "\n" == r.text
    assert "\n" not in problem.json()["detail"]
    assert server.base not in r.text and server.base not in problem.text and "127.0.0.1" not in r.text
    assert str(operator.value).startswith(f"{server.base}/query: the server rejected the request: error at 1:")
    assert "Traceback" not in r.text


def test_a_query_the_remote_server_does_not_answer_in_time_is_a_503_without_the_servers_address(tmp_path):
    """The remote store's time limit (`timeout=` in its URL) abandons the query: the client reads that the SPARQL
    server gave no answer in time, never where the server runs; the operator's error names it."""
    from fastapi.testclient import TestClient

    from api import create_app
    from graph import QueryTimeout, open_store

    values = " ".join(map(str, range(150)))
    slow = "SELECT (COUNT(*) AS ?n) WHERE { " + " ".join(f"VALUES ?{v} {{ {values} }}" for v in "abcd") + " }"
    server = OxigraphServer(tmp_path / "db").start()
    try:
        store = open_store(server.store_url(tmp_path / "state") + "&timeout=0.5&retries=0", read_only=True)
        client = TestClient(create_app(store), raise_server_exceptions=False)
        r = client.post("/sparql", data={"query": slow}, headers={"accept": "application/json"})
        with pytest.raises(QueryTimeout) as operator:
            store.query(slow)
        store.close()
    finally:
        server.stop()
    assert r.status_code == 503, r.text
    assert r.json()["detail"] == "the SPARQL server gave no answer within 0.5 s; the query was abandoned"
    assert server.base not in r.text and "127.0.0.1" not in r.text
    assert str(operator.value).startswith(f"{server.base}/query: no answer within 0.5 s")
