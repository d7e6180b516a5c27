"""The endpoint protects itself: time limit, row cap, nesting, SERVICE, body size, the update token, CORS.

A real `frus-kg serve` on a copy of the sample store, with a 2 s time limit, a 5-row cap and an
update token, so every limit can be hit quickly.
"""
from __future__ import annotations

import os
import shutil
import signal
import socket
import threading
import time
from pathlib import Path

import httpx
import pytest
import rdflib

from graph.layer_graphs import is_layer_graph
from graph.linksets import DATASET_IRI

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
TOKEN = "s3cret-token-for-tests"


@pytest.fixture(scope="module")
def limited(tmp_path_factory, sample_store_path, launch_for_module):
    home = tmp_path_factory.mktemp("limited")
    store = home / "store"
    shutil.copytree(sample_store_path, store)
    token_file = home / "token"
    token_file.write_text(TOKEN + "\n")
    proc, base = launch_for_module(store, "--timeout", "2", "--row-cap", "5", "--update-token-file", str(token_file),
                                   "--max-body-bytes", "40000", "--service-timeout", "1")
    return base, proc


def _descendants(pid: int) -> list[int]:
    kids = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(fields[1]) == pid:
                kids.append(int(entry.name))
    return kids + [g for k in kids for g in _descendants(k)]


def _cpu_ticks(pids: list[int]) -> int:
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])
    return total


def test_runaway_query_is_stopped_with_503_and_frees_the_cpu(limited):
    base, proc = limited
    small: list[float] = []

    def ask_meanwhile():
        for _ in range(5):
            started = time.monotonic()
            r = httpx.get(base + "/sparql", params={"query": "ASK { ?s ?p ?o }"}, timeout=10)
            assert r.status_code == 200
            small.append(time.monotonic() - started)
            time.sleep(0.2)

    helper = threading.Thread(target=ask_meanwhile)
    started = time.monotonic()
    helper.start()
    r = httpx.get(base + "/sparql", params={"query": RUNAWAY}, timeout=30)
    elapsed = time.monotonic() - started
    helper.join()
    assert r.status_code == 503
    assert "time limit" in r.text
    assert elapsed < 2 + 2
    assert len(small) == 5 and max(small) < 2.0
    before = _cpu_ticks(_descendants(proc.pid))
    time.sleep(1.0)
    used = _cpu_ticks(_descendants(proc.pid)) - before
    assert used < 50, f"the server's processes used {used} ticks in the second after the timeout"


def test_deep_nesting_is_refused_before_parsing_with_400(limited):
    base, _ = limited
    query = "SELECT * WHERE { ?s ?p ?o FILTER(" + "(" * 5000 + "1" + ")" * 5000 + ") } LIMIT 1"
    r = httpx.post(base + "/sparql", data={"query": query})
    assert r.status_code == 400 and "nests brackets" in r.text
    assert httpx.get(base + "/sparql", params={"query": "ASK {}"}).status_code == 200


def test_a_query_that_crashes_the_engine_costs_one_worker_not_the_server(sample_store_path, launch):
    proc, base = launch(sample_store_path, env={"FRUS_KG_MAX_QUERY_DEPTH": "100000"})
    query = "SELECT * WHERE { ?s ?p ?o FILTER(" + "(" * 5000 + "1" + ")" * 5000 + ") } LIMIT 1"
    r = httpx.post(base + "/sparql", data={"query": query}, timeout=30)
    assert r.status_code == 500 and "SIGSEGV" in r.text
    for _ in range(3):
        assert httpx.get(base + "/sparql", params={"query": "ASK { ?s ?p ?o }"}, timeout=30).json()["boolean"]
    assert proc.poll() is None


def test_row_cap_cuts_the_result_and_says_so(limited):
    base, _ = limited
    r = httpx.get(base + "/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 50"})
    assert r.status_code == 200
    assert len(r.json()["results"]["bindings"]) == 5
    assert r.headers["x-result-truncated"].startswith("true")
    assert r.headers["x-row-cap"] == "5"
    small = httpx.get(base + "/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 3"})
    assert len(small.json()["results"]["bindings"]) == 3 and "x-result-truncated" not in small.headers


def test_service_is_refused_unless_allow_listed(limited):
    base, _ = limited
    for target in ("<http://127.0.0.1:9/sparql>", "?endpoint"):
        r = httpx.get(base + "/sparql", params={"query": f"SELECT * WHERE {{ SERVICE {target} {{ ?s ?p ?o }} }}"})
        assert r.status_code == 403, r.text
        assert "SERVICE" in r.text


def test_an_allow_listed_service_that_never_answers_is_cut_at_the_service_timeout(sample_store_path, launch):
    silent = socket.socket()
    silent.bind(("127.0.0.1", 0))
    silent.listen(50)
    endpoint = f"http://127.0.0.1:{silent.getsockname()[1]}/sparql"
    proc, base = launch(sample_store_path, "--service-allow", endpoint, "--service-timeout", "1")
    try:
        started = time.monotonic()
        r = httpx.get(base + "/sparql", params={"query": f"SELECT * WHERE {{ SERVICE <{endpoint}> {{ ?s ?p ?o }} }}"},
                      timeout=30)
        assert r.status_code == 503 and time.monotonic() - started < 5
        assert httpx.get(base + "/", timeout=5).status_code == 200
    finally:
        silent.close()


def test_a_body_over_the_limit_gets_413(limited):
    base, _ = limited
    r = httpx.post(base + "/sparql", content=b"ASK {} #" + b"x" * 60000,
                   headers={"content-type": "application/sparql-query"})
    assert r.status_code == 413


def test_update_needs_the_configured_token(limited):
    base, _ = limited
    update = 'INSERT DATA { GRAPH <http://example.org/g> { <http://example.org/s> <http://example.org/p> "x" } }'
    assert httpx.post(base + "/sparql", data={"update": update}).status_code == 401
    wrong = httpx.post(base + "/sparql", data={"update": update}, headers={"authorization": "Bearer nope"})
    assert wrong.status_code == 401 and "bearer" in wrong.headers["www-authenticate"].lower()
    foreign = httpx.post(base + "/sparql", data={"update": update},
                         headers={"authorization": f"Bearer {TOKEN}", "origin": "http://evil.example"})
    assert foreign.status_code == 403
    ok = httpx.post(base + "/sparql", content=update.encode(),
                    headers={"authorization": f"Bearer {TOKEN}", "content-type": "application/sparql-update"})
    assert ok.status_code == 204, ok.text
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        seen = httpx.get(base + "/sparql", params={"query": 'ASK { <http://example.org/s> ?p "x" }'}).json()
        if seen["boolean"]:
            break
        time.sleep(0.3)
    assert seen["boolean"], "the update is not visible to queries within 5 s"


def _visible(base: str, ask: str, want: bool, within: float = 5.0) -> bool:
    """Whether ASK answers `want` within `within` seconds (the read snapshot reopens after a write)."""
    deadline = time.monotonic() + within
    while True:
        if httpx.get(base + "/sparql", params={"query": ask}).json()["boolean"] is want:
            return True
        if time.monotonic() > deadline:
            return False
        time.sleep(0.3)


def test_regression_an_update_sent_by_get_ran_and_cleared_a_graph(limited):
    """SPARQL 1.1 Protocol §2.2: update only by POST. GET (and HEAD, answered as GET) is refused with 400 and runs
    nothing, token or not; 405 would claim that /sparql refuses GET, which it answers for queries."""
    base, _ = limited
    graph = "http://example.org/kept-despite-get"
    ask = f"ASK {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
    auth = {"authorization": f"Bearer {TOKEN}"}
    insert = f'INSERT DATA {{ GRAPH <{graph}> {{ <http://example.org/s> <http://example.org/p> "kept" }} }}'
    assert httpx.post(base + "/sparql", data={"update": insert}, headers=auth).status_code == 204
    assert _visible(base, ask, True)
    for method in ("GET", "HEAD"):
        r = httpx.request(method, base + "/sparql", params={"update": f"CLEAR GRAPH <{graph}>"}, headers=auth)
        assert r.status_code == 400, (method, r.status_code)
    r = httpx.get(base + "/sparql", params={"update": f"CLEAR GRAPH <{graph}>"}, headers=auth)
    assert "POST" in r.text
    assert not _visible(base, ask, False, within=2.0), "the GET update cleared the graph"


def test_regression_an_update_in_the_url_of_a_post_ran(limited):
    """SPARQL 1.1 Protocol §2.2: a POST carries its update in the body. One in the URL's query string ran, with a form
    body or none; it is refused with 400 and runs nothing, as a query in the URL of a POST is."""
    base, _ = limited
    graph = "http://example.org/kept-despite-url-update"
    ask = f"ASK {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
    auth = {"authorization": f"Bearer {TOKEN}"}
    insert = f'INSERT DATA {{ GRAPH <{graph}> {{ <http://example.org/s> <http://example.org/p> "kept" }} }}'
    assert httpx.post(base + "/sparql", data={"update": insert}, headers=auth).status_code == 204
    assert _visible(base, ask, True)
    clear = {"update": f"CLEAR GRAPH <{graph}>"}
    for body in ({}, {"using-graph-uri": graph}):
        r = httpx.post(base + "/sparql", params=clear, data=body, headers=auth)
        assert r.status_code == 400 and "body" in r.text, (body, r.status_code, r.text)
    r = httpx.post(base + "/sparql", params={"query": ask}, content=b"", headers={"content-type": "application/sparql-query"})
    assert r.status_code == 400 and r.text.startswith("query: sent in the URL of a POST")
    assert not _visible(base, ask, False, within=2.0), "the update in the URL cleared the graph"


def test_regression_load_fetched_any_url_and_failed_with_500(limited):
    """LOAD would make the server fetch a URL (or read a local file) at a client's request; it is refused with 400,
    pointing to `frus-kg load FILE`, before anything is fetched."""
    base, _ = limited
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(5)
    listener.settimeout(1.0)
    url = f"http://127.0.0.1:{listener.getsockname()[1]}/data.ttl"
    auth = {"authorization": f"Bearer {TOKEN}"}
    try:
        for update in (f"LOAD <{url}> INTO GRAPH <http://example.org/fetched>", f"load silent <{url}>",
                       "LOAD <file:///etc/passwd> INTO GRAPH <http://example.org/f>",
                       f"INSERT DATA {{ GRAPH <http://example.org/a> {{ <http://example.org/a> <http://example.org/b> 1 }} }} ;\n"
                       f"LOAD <{url}>"):
            r = httpx.post(base + "/sparql", data={"update": update}, headers=auth)
            assert r.status_code == 400, (update, r.status_code, r.text)
            assert "LOAD" in r.text and "frus-kg load" in r.text
        with pytest.raises(socket.timeout):
            listener.accept()
    finally:
        listener.close()
    # the word in a string, an IRI or a language tag is no LOAD
    fine = ('INSERT DATA { GRAPH <http://example.org/load> { <http://example.org/load> <http://example.org/p> '
            '"LOAD <http://x/>", "x"@load } }')
    assert httpx.post(base + "/sparql", data={"update": fine}, headers=auth).status_code == 204


def test_update_is_refused_when_no_token_is_configured(server):
    r = httpx.post(server + "/sparql", data={"update": "CLEAR ALL"}, headers={"authorization": "Bearer anything"})
    assert r.status_code == 403 and "read-only" in r.text


def test_graph_store_protocol_reads_freely_and_writes_with_the_token(limited):
    base, _ = limited
    doc = "https://w3id.org/frus-kg/id/historicaldocuments/frus1981-88v41/d54"
    got = httpx.get(base + "/rdf-graph-store", params={"graph": doc}, headers={"accept": "text/turtle"})
    assert got.status_code == 200
    assert len(rdflib.Graph().parse(data=got.text, format="turtle")) == 5   # the row cap applies here too
    target = "http://example.org/other-archive"
    body = "<http://example.org/a> <http://example.org/p> <http://example.org/b> ."
    assert httpx.put(base + "/rdf-graph-store", params={"graph": target}, content=body,
                     headers={"content-type": "application/n-triples"}).status_code == 401
    put = httpx.put(base + "/rdf-graph-store", params={"graph": target}, content=body,
                    headers={"content-type": "application/n-triples", "authorization": f"Bearer {TOKEN}"})
    assert put.status_code == 201, put.text
    gone = httpx.delete(base + "/rdf-graph-store", params={"graph": target},
                        headers={"authorization": f"Bearer {TOKEN}"})
    assert gone.status_code == 204
    assert httpx.get(base + "/rdf-graph-store", params={"graph": "http://example.org/none"}).status_code == 404


def test_cors_lets_other_origins_read_but_never_send_credentials(server):
    read = httpx.options(server + "/sparql", headers={"origin": "http://other.example",
                                                      "access-control-request-method": "GET"})
    assert read.status_code == 200 and read.headers["access-control-allow-origin"] == "*"
    write = httpx.options(server + "/sparql", headers={"origin": "http://other.example",
                                                       "access-control-request-method": "POST",
                                                       "access-control-request-headers": "authorization"})
    assert write.status_code == 400
    put = httpx.options(server + "/rdf-graph-store", headers={"origin": "http://other.example",
                                                              "access-control-request-method": "PUT"})
    assert put.status_code == 400


def test_cors_is_on_data_routes_and_off_html_pages(server):
    origin = {"origin": "http://other.example"}
    assert httpx.get(server + "/documents", headers=origin).headers["access-control-allow-origin"] == "*"
    page = httpx.get(server + "/", headers={**origin, "accept": "text/html"})
    assert page.headers["content-type"].startswith("text/html")
    assert "access-control-allow-origin" not in page.headers


def test_accept_text_star_gets_csv_for_select(server):
    r = httpx.get(server + "/sparql", params={"query": "SELECT ?s WHERE { ?s ?p ?o } LIMIT 1"},
                  headers={"accept": "text/*"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/csv")


def test_format_that_does_not_fit_the_query_form_falls_back_to_accept(server):
    r = httpx.get(server + "/sparql", params={"query": "SELECT ?s WHERE { ?s ?p ?o } LIMIT 1", "format": "turtle"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/sparql-results+json")
    g = httpx.get(server + "/sparql", params={"query": "CONSTRUCT WHERE { ?s a ?c } LIMIT 2", "output": "json"})
    assert g.headers["content-type"].startswith("application/ld+json")
    assert len(rdflib.Graph().parse(data=g.text, format="json-ld")) == 2


def test_host_header_never_reaches_the_service_description_unescaped(server):
    host, port = server.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port))) as s:
        s.sendall(b'GET /sparql HTTP/1.1\r\nHost: x"> <http://evil/> .\r\nAccept: text/turtle\r\nConnection: close\r\n\r\n')
        answer = b""
        while chunk := s.recv(65536):
            answer += chunk
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.split()[1] in (b"200", b"400")
    assert b"evil" not in body


def test_service_description_links_void_and_void_counts_the_graphs(server):
    sd = httpx.get(server + "/sparql", headers={"accept": "application/ld+json"})
    assert sd.headers["content-type"].startswith("application/ld+json")
    g = rdflib.Graph().parse(data=sd.text, format="json-ld")
    void = rdflib.Namespace("http://rdfs.org/ns/void#")
    seealso = list(g.objects(None, rdflib.RDFS.seeAlso))
    assert seealso and str(seealso[0]).endswith("/.well-known/void")
    v = rdflib.Graph().parse(data=httpx.get(str(seealso[0]), headers={"accept": "text/turtle"}).text, format="turtle")
    total = int(v.value(rdflib.URIRef(DATASET_IRI), void.triples))
    per_graph = httpx.get(server + "/sparql", params={"query": "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g "
                                                                "{ ?s ?p ?o } } GROUP BY ?g"}, timeout=60)
    assert total == sum(int(b["n"]["value"]) for b in per_graph.json()["results"]["bindings"]
                        if not is_layer_graph(b["g"]["value"]))       # materialised layers are not described
    assert len(set(v.objects(None, void.classPartition))) > 5
    assert len(set(v.objects(None, void.subset))) >= 2


def test_docs_and_redoc_load_nothing_from_another_host(server):
    import re

    for page in ("/docs", "/redoc"):
        html = httpx.get(server + page).text
        refs = re.findall(r'(?:src|href)="([^"]+)"', html) + re.findall(r"url: ?'([^']+)'", html)
        assert refs, page
        for ref in refs:
            assert not re.match(r"(https?:)?//", ref), f"{page} loads {ref}"
            assert httpx.get(server + ref).status_code == 200, ref


def test_sigterm_ends_the_server_promptly_during_a_long_query(sample_store_path, launch):
    proc, base = launch(sample_store_path, "--timeout", "60")
    answers: list = []

    def long_query():
        try:
            answers.append(httpx.get(base + "/sparql", params={"query": RUNAWAY}, timeout=70).status_code)
        except httpx.TransportError as exc:
            answers.append(type(exc).__name__)

    runner = threading.Thread(target=long_query)
    runner.start()
    time.sleep(1.0)
    workers = _descendants(proc.pid)
    started = time.monotonic()
    proc.send_signal(signal.SIGTERM)
    proc.wait(15)
    assert time.monotonic() - started < 10
    runner.join(20)
    assert answers and answers[0] != 200
    time.sleep(0.5)
    assert not [w for w in workers if Path(f"/proc/{w}").exists() and "zombie" not in _state(w)]


def _state(pid: int) -> str:
    try:
        return "zombie" if Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] == "Z" else "alive"
    except OSError:
        return "zombie"


def test_regression_a_format_naming_no_format_fell_back_to_accept_in_silence(server):
    """`format=jsn` (a typing slip) answered JSON, as `turtle` on a SELECT does; a name no format has is now a 400 that
    lists the names, while one that does not fit the query form still falls back to Accept."""
    q = "SELECT ?s WHERE { ?s ?p ?o } LIMIT 1"
    for name in ("format", "output", "results"):
        r = httpx.get(server + "/sparql", params={"query": q, name: "jsn"})
        assert r.status_code == 400 and f"{name}: 'jsn' names no format" in r.text, r.text
        assert "json, xml, csv, tsv, turtle" in r.text
    for fits in ("csv", "text/csv", "application/sparql-results+xml; charset=utf-8", "turtle", "rdf"):
        assert httpx.get(server + "/sparql", params={"query": q, "format": fits}).status_code == 200, fits
