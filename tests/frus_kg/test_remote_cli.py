"""`frus-kg export` and `frus-kg query` on a remote store whose server cuts answers short or lacks an endpoint: a
clear error (export) or a warning (query), never a silently short answer. Real servers: `frus-kg serve` with a
small row cap, and a Virtuoso whose ResultSetMaxRows is small; real `frus-kg` subprocesses."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from tests.api.conftest import start_server
from tests.sparql_servers import VirtuosoServer

EXE = str(Path(sys.executable).with_name("frus-kg"))


def run(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([EXE, *args], capture_output=True, text=True, timeout=600)


def _serving(store: Path, row_cap: int):
    proc, base = start_server(store, "--row-cap", str(row_cap))
    try:
        yield base
    finally:
        proc.terminate()
        proc.wait(15)


@pytest.fixture(scope="module")
def capped_server(sample_store_path):
    """`frus-kg serve` on the sample store, answering at most 50 rows or triples a request."""
    yield from _serving(sample_store_path, 50)


def _url(base: str, state: Path, store: str | None = "rdf-graph-store") -> str:
    return f"sparql+{base}/?query=sparql&state={state}" + (f"&store={store}" if store else "")


def test_regression_export_through_a_row_capped_graph_store_wrote_a_short_file_and_exit_0(capped_server, tmp_path):
    """The server sends X-Result-Truncated when its row cap cuts a graph; the client wrote the first 100,000 triples of
    each large graph and exited 0 (1,413,487 of 1,449,116 quads)."""
    out = tmp_path / "x.nq"
    proc = run("export", "--store", _url(capped_server, tmp_path / "state"), "-o", str(out))
    assert proc.returncode == 3, proc.stderr
    assert f"{capped_server}/rdf-graph-store" in proc.stderr and "X-Result-Truncated" in proc.stderr, proc.stderr
    assert "--row-cap" in proc.stderr and "Traceback" not in proc.stderr
    assert not out.exists(), "a short export was left behind"


def test_regression_export_through_a_missing_graph_store_endpoint_wrote_nothing_and_exit_0(capped_server, tmp_path):
    """frus-kg serve has no /store: each graph's GET was a 404, taken for an empty graph, so 0 quads and exit 0."""
    out = tmp_path / "y.nq"
    proc = run("export", "--store", _url(capped_server, tmp_path / "state", store=None), "-o", str(out))
    assert proc.returncode == 3, proc.stderr
    assert f"{capped_server}/store" in proc.stderr and "HTTP 404" in proc.stderr and "store=" in proc.stderr
    assert "Traceback" not in proc.stderr and not out.exists()


@pytest.mark.parametrize("fmt", ["tsv", "table"])
def test_regression_query_cut_by_the_servers_row_cap_said_nothing(capped_server, tmp_path, fmt):
    proc = run("query", "--store", _url(capped_server, tmp_path / "state"), "-f", fmt, "SELECT ?s WHERE { ?s ?p ?o }")
    assert proc.returncode == 0, proc.stderr
    assert "the server cut the answer short at 50 rows" in proc.stderr, proc.stderr
    whole = run("query", "--store", _url(capped_server, tmp_path / "state"), "-f", fmt,
                "SELECT ?s WHERE { ?s ?p ?o } LIMIT 10")
    assert whole.returncode == 0 and "cut" not in whole.stderr, whole.stderr


@pytest.fixture(scope="module")
def tightly_capped_server(sample_store_path):
    """`frus-kg serve` on the sample store, answering at most 5 rows a request: fewer than its graphs."""
    yield from _serving(sample_store_path, 5)


def test_regression_rows_read_through_a_row_capped_server_were_short_without_a_word(tightly_capped_server, tmp_path):
    """The networks, pages and counts read rows through the store protocol: a cut answer gave them its first rows as
    if whole. Reading the rows of a cut answer is now an error naming what the server said."""
    from graph import StoreError, open_store

    db = open_store(_url(tightly_capped_server, tmp_path / "state"), read_only=True)
    try:
        result = db.query("SELECT ?s WHERE { ?s ?p ?o }")
        with pytest.raises(StoreError, match="cut the answer short .*X-Result-Truncated"):
            list(result.rows())
        assert len(list(db.query("SELECT ?s WHERE { ?s ?p ?o } LIMIT 3").rows())) == 3
    finally:
        db.close()


def test_regression_stats_through_a_row_capped_server_ended_in_a_traceback(tightly_capped_server, tmp_path):
    proc = run("stats", "--store", _url(tightly_capped_server, tmp_path / "state"))
    assert proc.returncode == 3, proc.stderr
    assert "cut the list of graphs short" in proc.stderr and "Traceback" not in proc.stderr, proc.stderr


def test_export_through_a_graph_store_whose_cap_is_large_enough_keeps_every_quad(sample_store_path, tmp_path):
    """The other side of the checks: a server that answers whole graphs gives the embedded store's quads."""
    from graph import open_store

    server, base = start_server(sample_store_path, "--row-cap", "1000000")
    out = tmp_path / "all.nq"
    try:
        proc = run("export", "--store", _url(base, tmp_path / "state"), "-o", str(out))
    finally:
        server.terminate()
        server.wait(15)
    assert proc.returncode == 0, proc.stderr
    db = open_store(sample_store_path, read_only=True)
    try:
        expected = set(db.quads())
    finally:
        db.close()
    assert set(ox.parse(out.read_bytes(), format=ox.RdfFormat.N_QUADS)) == expected


def test_regression_virtuoso_cut_a_graph_store_read_at_resultsetmaxrows_in_silence(tmp_path):
    """Virtuoso's Graph Store GET stops at ResultSetMaxRows with no header at all: checked against the graph's
    size by SPARQL, the short graph is an error naming the endpoint; a query it cut (X-SPARQL-MaxRows) a warning."""
    server = VirtuosoServer(tmp_path / "virtuoso", settings={"ResultSetMaxRows": "10"}).start()
    try:
        url = server.store_url(tmp_path / "state")
        triples = "".join(f"<http://example.org/s{i}> <http://example.org/p> \"{i}\" .\n" for i in range(30))
        (tmp_path / "g.nt").write_text(triples)
        loaded = run("load", "--store", url, "--graph", "http://example.org/g", str(tmp_path / "g.nt"))
        assert loaded.returncode == 0, loaded.stderr
        proc = run("export", "--store", url, "-o", str(tmp_path / "v.nq"))
        assert proc.returncode == 3, proc.stderr
        assert f"{server.base}/sparql-graph-crud" in proc.stderr and "of graph <http://example.org/g>'s 30 triples" \
            in proc.stderr and "ResultSetMaxRows" in proc.stderr, proc.stderr
        query = run("query", "--store", url, "-f", "csv", "SELECT ?s WHERE { GRAPH <http://example.org/g> { ?s ?p ?o } }")
        assert query.returncode == 0 and "cut the answer short at 10 rows" in query.stderr, query.stderr
        small = run("query", "--store", url, "-f", "csv",
                    "SELECT ?s WHERE { GRAPH <http://example.org/g> { ?s ?p ?o } } LIMIT 5")
        assert small.returncode == 0 and "cut" not in small.stderr, small.stderr
    finally:
        server.stop()
