"""The published OpenAPI description (/openapi.json) that client generators, /docs and /redoc read."""
from __future__ import annotations

import warnings
from collections import Counter

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from graph import open_store


@pytest.fixture(scope="module")
def openapi(sample_store_path):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        schema = TestClient(create_app(open_store(sample_store_path, read_only=True))).get("/openapi.json").json()
    return schema, [str(w.message) for w in caught]


def test_regression_every_operation_has_its_own_operation_id(openapi):
    """GET and POST /sparql, GET and POST /reconcile and PUT, POST, DELETE /rdf-graph-store shared one id each,
    which OpenAPI forbids: generated clients lost all but one, and /docs gave two operations one anchor."""
    schema, messages = openapi
    ids = Counter(op["operationId"] for ops in schema["paths"].values() for op in ops.values())
    assert [i for i, n in ids.items() if n > 1] == []
    assert not [m for m in messages if "Duplicate Operation ID" in m]


def test_each_method_of_a_shared_path_is_described(openapi):
    paths = openapi[0]["paths"]
    assert set(paths["/sparql"]) == {"get", "post"}
    assert set(paths["/reconcile"]) == {"get", "post"}
    assert set(paths["/rdf-graph-store"]) == {"get", "put", "post", "delete"}


def _parameters(operation: dict) -> set[str]:
    return {p["name"] for p in operation.get("parameters", [])}


def test_regression_the_protocol_routes_declared_none_of_the_parameters_they_read(openapi):
    """/docs showed GET /sparql, /reconcile and /rdf-graph-store with no parameter, so 'Try it out' could not send a
    query, and a client generated from the description had no way to pass one."""
    paths = openapi[0]["paths"]
    assert {"query", "default-graph-uri", "named-graph-uri", "format"} <= _parameters(paths["/sparql"]["get"])
    post = paths["/sparql"]["post"]
    assert "query" not in _parameters(post)          # a POST carries it in its body (refused in the URL)
    assert {"application/sparql-query", "application/sparql-update", "application/x-www-form-urlencoded"} \
        <= set(post["requestBody"]["content"])
    assert {"queries", "extend"} <= _parameters(paths["/reconcile"]["get"])
    assert {"application/json", "application/x-www-form-urlencoded"} \
        <= set(paths["/reconcile"]["post"]["requestBody"]["content"])
    for method in ("get", "put", "post", "delete"):
        assert {"graph", "default"} <= _parameters(paths["/rdf-graph-store"][method]), method
