"""The OpenAPI parameters and bodies of the protocol routes (/sparql, /reconcile, /rdf-graph-store).

Those routes read their parameters themselves (a form body, a repeated `default-graph-uri`, a JSON batch), so
FastAPI sees none: declared here, /docs can send a query and a generated client knows what to pass.
"""
from __future__ import annotations

__all__ = ["SPARQL_GET", "SPARQL_POST", "RECONCILE_GET", "RECONCILE_POST", "GRAPH_STORE"]


def _in_url(name: str, description: str, many: bool = False) -> dict:
    schema = {"type": "array", "items": {"type": "string"}} if many else {"type": "string"}
    return {"name": name, "in": "query", "required": False, "description": description, "schema": schema}


_DATASET = [_in_url("default-graph-uri", "a graph to query as the default graph (repeatable)", many=True),
            _in_url("named-graph-uri", "a graph to query as a named graph (repeatable)", many=True),
            _in_url("format", "result format (json, xml, csv, tsv, turtle, …) when Accept cannot say it")]
_TEXT = {"schema": {"type": "string"}}

SPARQL_GET = {"parameters": [_in_url("query", "the SPARQL query (an update is accepted only by POST)"), *_DATASET]}
SPARQL_POST = {"parameters": _DATASET, "requestBody": {"required": True, "content": {
    "application/x-www-form-urlencoded": {"schema": {"type": "object", "properties": {
        "query": {"type": "string"}, "update": {"type": "string", "description": "needs the update token"}}}},
    "application/sparql-query": _TEXT,
    "application/sparql-update": _TEXT}}}

_BATCH = "a batch of reconciliation queries, JSON: {\"q0\": {\"query\": \"Kissinger\", \"type\": \"person\"}}"
_EXTEND = "a data extension query, JSON: {\"ids\": [\"people/107252\"], \"properties\": [{\"id\": \"offices\"}]}"
RECONCILE_GET = {"parameters": [_in_url("queries", _BATCH), _in_url("extend", _EXTEND)]}
RECONCILE_POST = {"requestBody": {"content": {
    "application/x-www-form-urlencoded": {"schema": {"type": "object", "properties": {
        "queries": {"type": "string", "description": _BATCH}, "extend": {"type": "string", "description": _EXTEND}}}},
    "application/json": {"schema": {"type": "object"}}}}}

GRAPH_STORE = {"parameters": [_in_url("graph", "the IRI of the named graph"),
                              _in_url("default", "the default graph: refused, the data live in named graphs")]}
