"""The SPARQL 1.1 Graph Store HTTP Protocol at /rdf-graph-store: read for everyone, write with the token.

https://www.w3.org/TR/sparql11-http-rdf-update/. Indirect identification only (`?graph=IRI`): the
data live in named graphs, one per document, volume or authority, so `?default` is refused.
Writes go through the same gate as SPARQL Update (api.sparql.refuse_write).
"""
from __future__ import annotations

from urllib.parse import parse_qs

import pyoxigraph as ox
from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from graph import StoreError, sparql_terms
from graph.formats import RDF_FORMATS

from .errors import error_answer, error_response
from .negotiation import best_match
from .protocol_docs import GRAPH_STORE
from .sparql import GRAPH_TYPES, BodyTooLarge, read_body, refuse_write, result_response

__all__ = ["router", "UPLOAD_TYPES"]

UPLOAD_TYPES = {"text/turtle": "turtle", "application/n-triples": "ntriples", "application/rdf+xml": "rdfxml",
                "application/ld+json": "jsonld"}
_READ_TYPES = {m: f for m, f in GRAPH_TYPES.items() if f not in ("nquads", "trig")}

router = APIRouter()


def _target(request: Request) -> str | Response:
    params = parse_qs(request.url.query, keep_blank_values=True)
    if "default" in params:
        return error_answer(request, 400, "default: the default graph holds no data here; name a graph with ?graph=IRI")
    graphs = params.get("graph", [])
    if len(graphs) != 1:
        return error_answer(request, 400, f"graph: name exactly one graph (?graph=IRI), not {len(graphs)}")
    try:
        sparql_terms.iri(graphs[0])
    except ValueError as exc:
        return error_answer(request, 400, f"graph: {exc}")
    return graphs[0]


async def _exists(store, graph: str) -> bool:
    result = await run_in_threadpool(store.query, f"ASK {{ GRAPH {sparql_terms.iri(graph)} {{ ?s ?p ?o }} }}")
    return bool(result.boolean)


@router.api_route("/rdf-graph-store", methods=["GET"], summary="Read one named graph (Graph Store Protocol)",
                  openapi_extra=GRAPH_STORE)
async def read_graph(request: Request) -> Response:
    graph = _target(request)
    if isinstance(graph, Response):
        return graph
    media = best_match(list(_READ_TYPES), request.headers.get("accept"))
    if media is None:
        return error_answer(request, 406, f"no acceptable format; offered: {', '.join(_READ_TYPES)}")
    store = request.app.state.store
    try:
        if not await _exists(store, graph):
            return error_answer(request, 404, "no such graph")
        result = await run_in_threadpool(
            store.query_serialized, f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH {sparql_terms.iri(graph)} {{ ?s ?p ?o }} }}",
            _READ_TYPES[media])
    except StoreError as exc:
        return error_response(request, exc)
    headers = {"Vary": "Accept"}
    if result.truncated:
        headers["X-Result-Truncated"] = f"true; the graph was cut at {result.rows:,} triples"
    return result_response(result, media, headers)


async def _upload(request: Request, graph: str) -> list[ox.Quad] | Response:
    media = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if media not in UPLOAD_TYPES:
        return error_answer(request, 415, f"unsupported Content-Type {media or '(none)'}; "
                                          f"use one of {', '.join(UPLOAD_TYPES)}")
    try:
        body = await read_body(request, request.app.state.settings.max_body_bytes)
    except BodyTooLarge:
        return error_answer(request, 413,
                            f"the request body is larger than {request.app.state.settings.max_body_bytes:,} bytes")
    target = ox.NamedNode(graph)
    try:
        return [ox.Quad(q.subject, q.predicate, q.object, target)
                for q in ox.parse(body, format=RDF_FORMATS[UPLOAD_TYPES[media]], base_iri=graph)]
    except (SyntaxError, ValueError) as exc:
        return error_answer(request, 400, f"the body is not valid {media}: {exc}")


@router.api_route("/rdf-graph-store", methods=["PUT", "POST", "DELETE"],
                  summary="Replace, add to or delete a named graph (needs the update token)", openapi_extra=GRAPH_STORE)
async def write_graph(request: Request) -> Response:
    refusal = refuse_write(request)
    if refusal is not None:
        return refusal
    graph = _target(request)
    if isinstance(graph, Response):
        return graph
    store = request.app.state.store
    try:
        existed = await _exists(store, graph)
        if request.method == "DELETE":
            if not existed:
                return error_answer(request, 404, "no such graph")
            await run_in_threadpool(store.drop_graphs, [graph])
            return Response(status_code=204)
        quads = await _upload(request, graph)
        if isinstance(quads, Response):
            return quads
        if request.method == "PUT":
            await run_in_threadpool(store.replace_graphs, {graph: quads})
        else:
            data = ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
            await run_in_threadpool(store.load, data, "nquads")
    except StoreError as exc:
        return error_response(request, exc)
    return Response(status_code=204 if existed else 201)
