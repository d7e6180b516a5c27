"""One error shape: RFC 9457 problem details (`application/problem+json`, a string `detail`) from every JSON
endpoint; the SPARQL protocols and the dataset's descriptions and downloads answer the same sentence as text/plain
unless the request's Accept names JSON first. The SPARQL syntax error reads the same over HTTP and in the CLI.

A real `frus-kg serve` on the sample store, as a script would meet it.
"""
from __future__ import annotations

import subprocess
import sys
from http import HTTPStatus
from pathlib import Path

import httpx
import pytest

ROOT = str(Path(__file__).resolve().parents[2])
TYPO = "SELEC ?s WHERE { ?s ?p ?o }"
TYPO_MESSAGE = ("SPARQL syntax error at line 1, column 1 ('SELEC'): did you mean SELECT? A query begins with SELECT, "
                "CONSTRUCT, DESCRIBE or ASK")
TYPO_TEXT = f"{TYPO_MESSAGE}\n  1 | {TYPO}\n    | ^\nparser: error at 1:10: expected CONSTRUCT\n"
JSON = {"accept": "application/json"}
SPARQLWRAPPER_JSON = "application/sparql-results+json,application/json,text/javascript,application/javascript"


def assert_problem(r: httpx.Response, status: int) -> dict:
    """The answer is problem details for `status`: its members, types and title, and one line of detail."""
    assert r.status_code == status, (r.status_code, r.text[:300])
    assert r.headers["content-type"].split(";")[0] == "application/problem+json", r.headers["content-type"]
    body = r.json()
    assert {k: body[k] for k in ("type", "title", "status")} == {
        "type": "about:blank", "title": HTTPStatus(status).phrase, "status": status}, body
    assert isinstance(body["detail"], str) and body["detail"].strip() and "\n" not in body["detail"], body
    assert "error" not in body, body
    return body


JSON_API = {
    "REST resource, bad parameter": ("GET", "/documents?limit=lots", 400, "limit"),
    "REST resource, unknown parameter": ("GET", "/claims?claimType=Decision", 400, "claimType"),
    "REST resource, nothing there": ("GET", "/documents/frus1981-88v41/d99999", 404, "no such"),
    "REST resource, no acceptable format": ("GET", "/people", 406, "offered", "image/png"),
    "unknown path": ("GET", "/no/such/thing", 404, "Nothing is found at /no/such/thing."),
    "method not answered": ("DELETE", "/documents", 405, "/documents does not answer DELETE"),
    "volume a script asks for": ("GET", "/volumes/frus1900v99", 404, "No volume frus1900v99"),
    "IRI naming nothing, asked for Turtle": ("GET", "/id/people/no-such-person", 404, "nothing is known", "text/turtle"),
    "search": ("GET", "/search?q=soviet&kind=planet", 400, "kind"),
    "network": ("GET", "/network?format=bogus", 400, "format: one of gexf"),
    "reconcile, malformed batch": ("GET", "/reconcile?queries=[1]", 400, "queries: a JSON object"),
    "reconcile, not JSON": ("POST", "/reconcile", 400, "the request body: not JSON"),
    "reconcile, negative limit": ("GET", "/reconcile/properties?type=ship&limit=-1", 400, "limit: a whole number of at least 0"),
    "reconcile, negative cursor": ("GET", "/reconcile/suggest/type?cursor=-1", 400, "cursor"),
}


@pytest.mark.parametrize("case", sorted(JSON_API))
def test_every_json_endpoint_answers_problem_details(server, case):
    method, path, status, says, *accept = JSON_API[case]
    headers = {"accept": accept[0] if accept else "application/json", "content-type": "application/json"}
    r = httpx.request(method, server + path, headers=headers, content=b"{not json" if method == "POST" else None,
                      timeout=60)
    assert says in assert_problem(r, status)["detail"]


def test_regression_a_validation_error_detail_was_a_list_a_script_could_not_print(server):
    """FastAPI's 422 put its list in `detail` (network.js showed "[object Object]"): the list is now `errors` and
    `detail` a sentence naming each parameter and where it was sent (a 400, as every bad parameter is)."""
    r = httpx.get(server + "/network/edge", params={"limit": "0"}, headers=JSON)
    body = assert_problem(r, 400)
    assert body["detail"] == ("source: field required; target: field required; "
                              "limit: input should be greater than or equal to 1 (got '0')")
    assert [e["loc"] for e in body["errors"]] == [["query", "source"], ["query", "target"], ["query", "limit"]]
    assert all(e["msg"] and e["type"] for e in body["errors"])


def test_a_validation_error_quotes_a_long_value_short(server):
    r = httpx.get(server + "/reconcile/suggest/entity", params={"cursor": "x" * 500}, headers=JSON)
    detail = assert_problem(r, 400)["detail"]
    assert detail.startswith("cursor: input should be a valid integer") and len(detail) < 200


TEXT_FIRST = {
    "/sparql, malformed query": ("GET", "/sparql", {"query": TYPO}, 400, TYPO_MESSAGE),
    "/sparql, update by GET": ("GET", "/sparql", {"update": "CLEAR ALL"}, 400, "only by POST"),
    "/sparql, update on a read-only server": ("POST", "/sparql", {"update": "CLEAR ALL"}, 403, "read-only"),
    "graph store, no graph named": ("GET", "/rdf-graph-store", {}, 400, "?graph=IRI"),
    "graph store, no such graph": ("GET", "/rdf-graph-store", {"graph": "http://example.org/none"}, 404, "no such graph"),
    "linksets, bad format": ("GET", "/linksets", {"format": "bogus"}, 400, "format: one of ttl"),
    "linksets, unknown target": ("GET", "/linksets/imdb", {}, 404, "no linkset 'imdb'"),
    "linksets, a parameter twice": ("GET", "/linksets", [("format", "ttl"), ("format", "nt")], 400, "given 2 times"),
    "crosswalk, unknown kind": ("GET", "/crosswalk.csv", {"kind": "ship"}, 400, "kind: one of"),
}


def _send(server: str, case: str, accept: str | None) -> httpx.Response:
    method, path, params, _, _ = TEXT_FIRST[case]
    headers = {"accept": accept} if accept else {}
    if method == "POST":
        return httpx.post(server + path, data=params, headers=headers, timeout=60)
    return httpx.get(server + path, params=params, headers=headers, timeout=60)


@pytest.mark.parametrize("case", sorted(TEXT_FIRST))
def test_protocol_endpoints_answer_text_unless_json_is_asked_for(server, case):
    *_, status, says = TEXT_FIRST[case]
    for accept in (None, "*/*", "text/csv, text/turtle, application/*;q=0.5", SPARQLWRAPPER_JSON):
        text = _send(server, case, accept)
        assert text.status_code == status and text.headers["content-type"].startswith("text/plain"), (accept, text)
        assert says in text.text and text.text.endswith("\n") and "Accept" in text.headers["vary"], accept
    for accept in ("application/json", "application/problem+json, */*;q=0.1", "text/plain;q=0.5, application/json"):
        answer = _send(server, case, accept)
        body = assert_problem(answer, status)
        assert body["detail"] + "\n" + _more_lines(body) == text.text, accept
        assert "Accept" in answer.headers["vary"]


def _more_lines(problem: dict) -> str:
    """What the text answer shows on lines of their own: a syntax error's excerpt and the parser's report."""
    if "excerpt" not in problem:
        return ""
    return f"{problem['excerpt']}\nparser: {problem['parser_message']}\n"


def test_the_sparql_syntax_error_reads_the_same_over_http_and_in_the_cli(server, sample_store_path):
    text = httpx.get(server + "/sparql", params={"query": TYPO})
    problem = httpx.get(server + "/sparql", params={"query": TYPO}, headers=JSON)
    cli = subprocess.run([str(Path(sys.executable).with_name("frus-kg")), "query", "--store", str(sample_store_path),
                          TYPO], capture_output=True, text=True, timeout=300)
    assert text.text == TYPO_TEXT
    assert assert_problem(problem, 400)["detail"] == TYPO_MESSAGE
    assert cli.returncode == 4 and cli.stderr == f"error: {TYPO_TEXT}"


def test_the_openapi_description_says_a_validation_error_is_problem_details(server):
    described = httpx.get(server + "/openapi.json").json()
    answer = described["paths"]["/network/edge"]["get"]["responses"]["400"]["content"]
    assert list(answer) == ["application/problem+json"]
    schema = described["components"]["schemas"]["HTTPValidationError"]
    assert schema["properties"]["detail"] == {"type": "string"} and "errors" in schema["properties"]


@pytest.fixture(scope="module")
def crashable(sample_store_path, launch_for_module):
    """A server whose nesting limit lets a query crash the engine (a 500 of ours)."""
    _, base = launch_for_module(sample_store_path, "--workers", "1", env={"FRUS_KG_MAX_QUERY_DEPTH": "100000"})
    return base


def test_a_server_fault_is_problem_details_that_name_no_file_or_stack(crashable, sample_store_path):
    deep = "SELECT * WHERE { ?s ?p ?o FILTER(" + "(" * 5000 + "1" + ")" * 5000 + ") } LIMIT 1"
    r = httpx.post(crashable + "/sparql", data={"query": deep}, headers=JSON, timeout=120)
    body = assert_problem(r, 500)
    assert "SIGSEGV" in body["detail"]
    for secret in ("Traceback", 'File "', ROOT, ".py", str(sample_store_path), "site-packages"):
        assert secret not in r.text, secret


def test_a_store_fault_on_a_json_route_is_a_500_problem_without_the_stores_path(sample_store_path):
    from fastapi.testclient import TestClient

    from api import create_app
    from graph import StoreError, open_store

    store = open_store(sample_store_path, read_only=True)

    def broken(*args, **kwargs):
        raise StoreError(f"{sample_store_path}/000123.sst: Input/output error")

    store.query = broken
    r = TestClient(create_app(store)).get("/people", headers=JSON)
    body = assert_problem(r, 500)
    assert body["detail"] == "the store could not be read; the error has been logged"
    assert str(sample_store_path) not in r.text
    store.close()


def test_regression_a_store_fault_while_drawing_a_network_does_not_show_the_stores_path(sample_store_path):
    """/network turned a StoreError into a 503 whose detail was the error's own text, which names the store's files; it
    now answers as every route does (STATUS in api/errors.py)."""
    from fastapi.testclient import TestClient

    from api import create_app
    from graph import StoreError, open_store

    store = open_store(sample_store_path, read_only=True)

    def broken(*args, **kwargs):
        raise StoreError(f"{sample_store_path}/000123.sst: Input/output error")

    store.query = broken
    r = TestClient(create_app(store)).get("/network", params={"format": "cytoscape"}, headers=JSON)
    body = assert_problem(r, 500)
    assert str(sample_store_path) not in r.text and body["detail"] == "the store could not be read; the error has been logged"
    store.close()


@pytest.mark.parametrize("path, allowed", [("/rdf-graph-store", "GET, HEAD, POST, PUT, DELETE"),
                                           ("/sparql", "GET, HEAD, POST"), ("/documents", "GET, HEAD")])
def test_regression_a_405_named_only_the_methods_of_the_first_route_of_its_path(server, path, allowed):
    """PATCH /rdf-graph-store said `Allow: GET` and 'it answers GET.': a Graph Store client took the store for
    read-only, though PUT, POST and DELETE are served there (by a second route of the same path)."""
    r = httpx.request("PATCH", server + path, headers=JSON)
    assert r.status_code == 405 and r.headers["allow"] == allowed
    assert r.json()["detail"] == f"{path} does not answer PATCH; it answers {allowed}."


def test_a_static_files_405_keeps_its_allow(server):
    r = httpx.post(server + "/static/site.css", headers=JSON)
    assert r.status_code == 405 and r.headers["allow"] == "GET, HEAD"
