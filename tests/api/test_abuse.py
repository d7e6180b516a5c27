"""Abuse of the public endpoint (issue 17) beyond test_sparql_protection.py: rate limiting, error bodies that
reveal nothing, security headers on pages, CORS on data routes, and the limits held under concurrent runaways.

Real `frus-kg serve` processes on copies of the sample store; traffic to 127.0.0.1 only.
"""
from __future__ import annotations

import shutil
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import pytest

from api.rate_limit import TokenBuckets
from api.settings import Settings

RUNAWAY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
TOKEN = "abuse-token-for-tests"
DOC = "/documents/frus1981-88v41/d54"
ROOT = str(Path(__file__).resolve().parents[2])


@pytest.fixture(scope="module")
def abused(tmp_path_factory, sample_store_path, launch_for_module):
    """A server with tight limits and a nesting limit high enough that the engine itself can be crashed (500)."""
    home = tmp_path_factory.mktemp("abused")
    store = home / "store"
    shutil.copytree(sample_store_path, store)
    (home / "token").write_text(TOKEN)
    _, base = launch_for_module(store, "--timeout", "2", "--row-cap", "5", "--workers", "2", "--max-body-bytes", "40000",
                                "--update-token-file", str(home / "token"),
                                env={"FRUS_KG_MAX_QUERY_DEPTH": "100000"})
    return base, store


# ------------------------------------------------------------------------------ rate limiting
def test_token_bucket_allows_a_burst_then_one_request_per_interval():
    now = [0.0]
    buckets = TokenBuckets(rate=2, clock=lambda: now[0])
    assert [buckets.take("a") for _ in range(2)] == [0.0, 0.0]          # a burst of one second's worth
    assert buckets.take("a") == pytest.approx(0.5)                       # then wait for the next token
    assert buckets.take("b") == 0.0                                      # another client has its own bucket
    now[0] += 0.5
    assert buckets.take("a") == 0.0


def test_token_bucket_forgets_the_least_recent_clients_beyond_its_bound():
    buckets = TokenBuckets(rate=1, max_clients=3, clock=lambda: 0.0)
    for client in "abcde":
        buckets.take(client)
    assert len(buckets._buckets) == 3


def test_rate_limit_is_off_by_default_and_set_by_option_or_environment():
    assert Settings().rate_limit == 0
    assert Settings.from_env({"FRUS_KG_RATE_LIMIT": "2.5"}).rate_limit == 2.5
    assert Settings.from_env({"FRUS_KG_RATE_LIMIT": "2.5"}, rate_limit=7).rate_limit == 7
    with pytest.raises(ValueError):
        Settings.from_env({"FRUS_KG_RATE_LIMIT": "-1"})


def test_without_a_rate_limit_a_fast_client_is_never_refused(server):
    with httpx.Client() as client:
        codes = {client.get(server + "/sparql", params={"query": "ASK {}"}).status_code for _ in range(40)}
    assert codes == {200}


def test_over_the_rate_limit_a_client_gets_429_with_retry_after(sample_store_path, launch):
    _, base = launch(sample_store_path, "--rate-limit", "2")
    time.sleep(1.1)
    with httpx.Client() as client:
        answers = [client.get(base + "/sparql", params={"query": "ASK {}"}) for _ in range(8)]
        codes = [a.status_code for a in answers]
        assert 2 <= codes.count(200) <= 3 and codes.count(429) >= 5, codes
        refused = next(a for a in answers if a.status_code == 429)
        retry = int(refused.headers["retry-after"])
        assert 1 <= retry <= 2 and "rate limit" in refused.text
        assert refused.headers["content-type"].startswith("text/plain")    # /sparql: text unless JSON is asked for
        assert refused.headers["x-content-type-options"] == "nosniff"
        tried = [client.get(base + "/documents", headers={"accept": "application/json"}) for _ in range(4)]
        as_json = next(a for a in tried if a.status_code == 429)
        assert as_json.headers["content-type"] == "application/problem+json" and as_json.headers["retry-after"]
        assert as_json.json()["status"] == 429 and as_json.json()["detail"].startswith("rate limit: at most 2 requests")
        assert client.get(base + "/static/site.css").status_code == 200          # assets are not counted
        time.sleep(retry)
        assert client.get(base + "/sparql", params={"query": "ASK {}"}).status_code == 200


def test_rate_limit_from_the_environment(sample_store_path, launch):
    _, base = launch(sample_store_path, env={"FRUS_KG_RATE_LIMIT": "1"})
    time.sleep(1.1)                                   # the bucket spent on the start-up probe fills again
    with httpx.Client() as client:
        codes = [client.get(base + "/.well-known/void").status_code for _ in range(4)]
    assert codes[0] == 200 and 429 in codes


# ------------------------------------------------------------------------------ errors reveal nothing
def provocations(base: str) -> dict[str, httpx.Response]:
    """One request per error status the server can give."""
    deep = "SELECT * WHERE { ?s ?p ?o FILTER(" + "(" * 5000 + "1" + ")" * 5000 + ") } LIMIT 1"
    update = 'INSERT DATA { GRAPH <http://example.org/g> { <http://example.org/s> <http://example.org/p> "x" } }'
    c = httpx.Client(base_url=base, timeout=60)
    return {
        "400 malformed query": c.get("/sparql", params={"query": "SELEKT * WHERE { ?s ?p ?o"}),
        "400 bad graph IRI": c.get("/sparql", params={"query": "ASK {}", "default-graph-uri": "not an iri"}),
        "401 wrong token": c.post("/sparql", data={"update": update}, headers={"authorization": "Bearer nope"}),
        "403 SERVICE": c.get("/sparql", params={"query": "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"}),
        "403 foreign origin": c.post("/sparql", data={"update": update},
                                     headers={"authorization": f"Bearer {TOKEN}", "origin": "http://evil.example"}),
        "404 path": c.get("/no/such/thing"),
        "404 document": c.get("/documents/frus1981-88v41/d99999", headers={"accept": "application/json"}),
        "404 IRI": c.get("/id/people/no-such-person", headers={"accept": "text/turtle"}),
        "404 page": c.get("/people/no-such-person", headers={"accept": "text/html"}),
        "405 method": c.delete("/documents"),
        "406 accept": c.get("/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 1"},
                            headers={"accept": "image/png"}),
        "413 body": c.post("/sparql", content=b"ASK {} #" + b"x" * 60000,
                           headers={"content-type": "application/sparql-query"}),
        "415 content type": c.post("/sparql", content=b"<q/>", headers={"content-type": "application/xml"}),
        "400 parameter": c.get("/documents", params={"limit": "lots"}),
        "4xx hostile parameter": c.get("/claims", params={"from": "'; DROP GRAPH <x> --", "about": "\u0000<script>"}),
        "500 engine crash": c.post("/sparql", data={"query": deep}),
        "503 time limit": c.get("/sparql", params={"query": RUNAWAY}),
    }


def test_no_error_response_carries_a_stack_trace_or_an_internal_path(abused):
    base, store = abused
    answers = provocations(base)
    for case, r in answers.items():
        expected = case.split()[0]
        if case == "4xx hostile parameter":
            assert 400 <= r.status_code < 500, (case, r.status_code)
        else:
            assert str(r.status_code) == expected, (case, r.status_code, r.text[:300])
        exposed = r.text + " ".join(f"{k}: {v}" for k, v in r.headers.items())
        for secret in ("Traceback", "File \"", ROOT, "/work/", ".py", str(store), str(store.parent), "site-packages"):
            assert secret not in exposed, f"{case}: the answer shows {secret!r}: {r.text[:500]}"


def test_errors_say_what_went_wrong_in_words(abused):
    base, _ = abused
    answers = provocations(base)
    assert "SIGSEGV" in answers["500 engine crash"].text
    assert "time limit" in answers["503 time limit"].text
    assert "SERVICE" in answers["403 SERVICE"].text
    assert httpx.get(base + "/sparql", params={"query": "ASK {}"}).status_code == 200     # the server survived it all


# ------------------------------------------------------------------------------ headers
HTML_PAGES = ["/", "/query", DOC, "/volumes/frus1981-88v41", "/docs", "/redoc"]


@pytest.mark.parametrize("path", HTML_PAGES)
def test_html_pages_carry_the_security_headers(server, path):
    r = httpx.get(server + path, headers={"accept": "text/html"}, follow_redirects=True)
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html"), (path, r.status_code)
    csp = r.headers["content-security-policy"]
    for directive in ("default-src 'self'", "frame-ancestors 'none'", "base-uri 'self'", "form-action 'self'"):
        assert directive in csp, (path, csp)
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["referrer-policy"] == "strict-origin-when-cross-origin"


def test_an_html_error_page_carries_them_too(server):
    r = httpx.get(server + "/people/no-such-person", headers={"accept": "text/html"})
    assert r.status_code == 404
    assert r.headers["x-content-type-options"] == "nosniff"
    if r.headers["content-type"].startswith("text/html"):
        assert "default-src 'self'" in r.headers["content-security-policy"]


DATA_ROUTES = ["/sparql?query=ASK%20%7B%7D", "/documents", DOC, "/people", "/claims", "/.well-known/void",
               "/id/historicaldocuments/frus1981-88v41/d54", "/search?q=human", "/linksets", "/openapi.json"]


@pytest.mark.parametrize("path", DATA_ROUTES)
def test_data_routes_are_readable_from_any_origin_without_credentials(server, path):
    r = httpx.get(server + path, headers={"origin": "https://notebook.example", "accept": "application/json, */*;q=0.5"})
    assert r.status_code == 200, (path, r.status_code)
    assert r.headers["access-control-allow-origin"] == "*"
    assert "access-control-allow-credentials" not in r.headers
    assert r.headers["x-content-type-options"] == "nosniff"


def test_no_preflight_lets_another_origin_write(server):
    for method, path in (("PUT", "/rdf-graph-store"), ("DELETE", "/rdf-graph-store"), ("POST", "/sparql")):
        r = httpx.options(server + path, headers={"origin": "https://evil.example",
                                                  "access-control-request-method": method,
                                                  "access-control-request-headers": "authorization"})
        assert r.status_code >= 400, (method, path)
        assert "authorization" not in r.headers.get("access-control-allow-headers", "").lower()


# ------------------------------------------------------------------------------ limits under concurrency
def test_time_limit_and_row_cap_hold_under_concurrent_runaways(abused):
    """Four runaways at once on two workers: every one gets 503 at the time limit (2 s), while small queries sent
    meanwhile all answer, each cut at the row cap (5)."""
    base, _ = abused
    started = time.monotonic()
    with ThreadPoolExecutor(max_workers=12) as pool:
        runaways = [pool.submit(httpx.get, base + "/sparql", params={"query": RUNAWAY}, timeout=120) for _ in range(4)]
        time.sleep(0.3)
        small = [pool.submit(httpx.get, base + "/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o } LIMIT 50"},
                             timeout=120) for _ in range(8)]
        runaway_answers = [f.result() for f in runaways]
        small_answers = [f.result() for f in small]
    elapsed = time.monotonic() - started
    assert [r.status_code for r in runaway_answers] == [503] * 4
    assert all("time limit" in r.text for r in runaway_answers)
    assert [r.status_code for r in small_answers] == [200] * 8
    assert all(len(r.json()["results"]["bindings"]) == 5 and r.headers["x-result-truncated"].startswith("true")
               for r in small_answers)
    assert elapsed < 4 * 2 + 10, f"took {elapsed:.1f} s"
    assert httpx.get(base + "/", timeout=10).status_code == 200


def test_a_client_cannot_hold_the_server_with_many_slow_uploads(abused):
    """Bodies over the limit are refused as they arrive, while other clients keep getting answers."""
    base, _ = abused
    refused: list[int] = []

    def upload():
        refused.append(httpx.post(base + "/sparql", content=b"ASK {} #" + b"y" * 200_000,
                                  headers={"content-type": "application/sparql-query"}, timeout=30).status_code)

    threads = [threading.Thread(target=upload) for _ in range(6)]
    for t in threads:
        t.start()
    ok = httpx.get(base + "/sparql", params={"query": "ASK {}"}, timeout=30)
    for t in threads:
        t.join()
    assert ok.status_code == 200 and refused == [413] * 6


def test_regression_serve_workers_100000_had_no_bound_where_ingests_is_four_per_cpu():
    """Each query worker is a process holding the store open: `serve --workers 100000` (or FRUS_KG_QUERY_WORKERS)
    would start them until memory ran out, as `ingest -w 100000` did. The bound is 4 per CPU, as ingest's."""
    import os
    cpus = len(os.sched_getaffinity(0))
    assert Settings.from_env({"FRUS_KG_QUERY_WORKERS": str(4 * cpus)}).query_workers == 4 * cpus
    with pytest.raises(ValueError, match=rf"query_workers must be at most {4 * cpus}, 4 per CPU"):
        Settings.from_env({"FRUS_KG_QUERY_WORKERS": "100000"})
    with pytest.raises(ValueError, match="at most"):
        Settings.from_env({}, query_workers=4 * cpus + 1)
