"""Conditional GET (api/conditional.py): ETags on whole answers, 304 to a client that holds the same bytes."""
from __future__ import annotations

import httpx
import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from graph import open_store

CLARK = "/id/people/102617"
TURTLE = {"Accept": "text/turtle"}


@pytest.fixture(scope="module")
def client(sample_store_path):
    return TestClient(create_app(open_store(sample_store_path, read_only=True)))


def test_regression_no_answer_carried_a_validator_so_every_revalidation_sent_the_whole_body_again(client):
    first = client.get(CLARK, headers=TURTLE)
    etag = first.headers["etag"]
    again = client.get(CLARK, headers={**TURTLE, "If-None-Match": etag})
    assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == etag
    assert "content-type" not in again.headers and again.headers["vary"] == first.headers["vary"]


@pytest.mark.parametrize("path", ["/people?limit=2", "/documents/frus1981-88v41/d54", "/", "/network?format=gexf",
                                  "/.well-known/void", "/sparql?query=ASK%20%7B%7D"])
def test_pages_lists_exports_and_query_results_answer_304_when_unchanged(client, path):
    etag = client.get(path).headers["etag"]
    assert client.get(path, headers={"If-None-Match": f'"other", W/{etag}'}).status_code == 304


def test_each_representation_has_its_own_etag(client):
    as_turtle = client.get(CLARK, headers=TURTLE).headers["etag"]
    as_json_ld = client.get(CLARK, headers={"Accept": "application/ld+json"}).headers["etag"]
    assert as_turtle != as_json_ld
    assert client.get(CLARK, headers={"Accept": "application/ld+json", "If-None-Match": as_turtle}).status_code == 200


def test_head_gives_the_etag_of_get_and_errors_have_none(client):
    assert client.head(CLARK, headers=TURTLE).headers["etag"] == client.get(CLARK, headers=TURTLE).headers["etag"]
    assert "etag" not in client.get("/id/people/0").headers
    assert "etag" not in client.post("/sparql", data={"query": "ASK {}"}).headers


def test_static_files_keep_their_own_etag(client):
    first = client.get("/static/site.css")
    assert first.headers["etag"].count('"') == 2
    assert client.get("/static/site.css", headers={"If-None-Match": first.headers["etag"]}).status_code == 304


HEAD_PATHS = [("/", "text/html"), ("/claims", "text/html"), ("/claims", "application/ld+json"),
              ("/id/people/102617", "text/turtle"), ("/search?q=human", "application/json"),
              ("/sparql?query=SELECT%20*%20WHERE%20%7B%3Fs%20%3Fp%20%3Fo%7D%20LIMIT%201", "application/sparql-results+json"),
              ("/volumes/frus1981-88v41", "text/html"), ("/reconcile/preview?id=people/102617", "*/*")]


@pytest.mark.parametrize("path, accept", HEAD_PATHS)
def test_head_carries_gets_headers_and_its_etag_and_a_matching_if_none_match_is_a_304(server, path, accept):
    """RFC 9110 §9.3.2 and §13.1.2, over a real uvicorn: HEAD reaches the conditional middleware as GET (api/app.py's
    _HeadAsGet is outermost), so it has GET's ETag, Link, Content-Type and Content-Length, and revalidates."""
    got = httpx.get(server + path, headers={"Accept": accept}, timeout=30)
    head = httpx.head(server + path, headers={"Accept": accept}, timeout=30)
    assert got.status_code == head.status_code == 200 and head.content == b""
    varying = ("date", "server")
    assert {k: v for k, v in head.headers.items() if k not in varying} == \
        {k: v for k, v in got.headers.items() if k not in varying}
    assert head.headers["etag"] and int(head.headers["content-length"]) == len(got.content)
    again = httpx.head(server + path, headers={"Accept": accept, "If-None-Match": got.headers["etag"]}, timeout=30)
    assert again.status_code == 304 and again.headers["etag"] == got.headers["etag"]
