"""The SPARQL Service Description (at GET /sparql) and the VoID description (at /.well-known/void).

Both are built as RDF terms and written by pyoxigraph's serializers in the negotiated format, so no
request value (the Host header included) is ever pasted into RDF text. VoID's counts are full scans
of the store (seconds at corpus scale), so they are computed once and kept for `VOID_TTL` seconds.
"""
from __future__ import annotations

import threading
import time

import pyoxigraph as ox
from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import PlainTextResponse, Response

from graph import StoreError
from graph.dataset_counts import dataset_counts
from graph.formats import RDF_FORMATS
from graph.linksets import DATASET_IRI
from ontology.namespaces import BASE

from .errors import error_response
from .negotiation import best_match

__all__ = ["router", "service_description", "DESCRIPTION_TYPES", "VOID_TTL"]

DESCRIPTION_TYPES = {"text/turtle": "turtle", "application/ld+json": "jsonld", "application/rdf+xml": "rdfxml",
                     "application/n-triples": "ntriples", "text/plain": "ntriples"}
VOID_TTL = 900.0

VOID_TIMEOUT = 600.0

SD = "http://www.w3.org/ns/sparql-service-description#"
VOID = "http://rdfs.org/ns/void#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_FORMATS = ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
            "Turtle", "N-Triples", "RDF_XML", "JSON-LD")
_VOCABULARIES = ("http://schema.org/", "http://www.w3.org/ns/oa#", "http://www.w3.org/ns/prov#",
                 "http://www.w3.org/2004/02/skos/core#")

_PREFIXES = {"sd": SD, "void": VOID, "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
             "dcterms": "http://purl.org/dc/terms/", "formats": "http://www.w3.org/ns/formats/"}

router = APIRouter()


def _n(ns: str, local: str) -> ox.NamedNode:
    return ox.NamedNode(ns + local)


def _site(request: Request) -> str | None:
    """This server's base URL as the client reached it, or None when the Host header makes no valid IRI."""
    base = str(request.base_url)
    try:
        ox.NamedNode(base)
    except ValueError:
        return None
    return base


def _answer(request: Request, triples: list[ox.Triple]) -> Response:
    media = best_match(list(DESCRIPTION_TYPES), request.headers.get("accept"))
    if media is None:
        return PlainTextResponse(f"no acceptable format; offered: {', '.join(DESCRIPTION_TYPES)}\n", status_code=406)
    body = ox.serialize(triples, format=RDF_FORMATS[DESCRIPTION_TYPES[media]], prefixes=_PREFIXES)
    return Response(body, media_type=media, headers={"Vary": "Accept"})


def _bad_host() -> PlainTextResponse:
    return PlainTextResponse("the Host header does not make a valid IRI\n", status_code=400)


def service_description(request: Request) -> Response:
    site = _site(request)
    if site is None:
        return _bad_host()
    settings = request.app.state.settings
    endpoint = ox.NamedNode(site + "sparql")
    dataset = ox.NamedNode(DATASET_IRI)
    t = [ox.Triple(endpoint, RDF_TYPE, _n(SD, "Service")),
         ox.Triple(endpoint, _n(SD, "endpoint"), endpoint),
         ox.Triple(endpoint, _n(SD, "supportedLanguage"), _n(SD, "SPARQL11Query")),
         ox.Triple(endpoint, _n(SD, "feature"), _n(SD, "UnionDefaultGraph")),
         ox.Triple(endpoint, _n(SD, "defaultDataset"), dataset),
         ox.Triple(dataset, RDF_TYPE, _n(SD, "Dataset")),
         ox.Triple(dataset, RDF_TYPE, _n(VOID, "Dataset")),
         ox.Triple(dataset, ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#seeAlso"),
                   ox.NamedNode(site + ".well-known/void"))]
    t += [ox.Triple(endpoint, _n(SD, "resultFormat"), ox.NamedNode("http://www.w3.org/ns/formats/" + f))
          for f in _FORMATS]
    if settings.update_token:
        t.append(ox.Triple(endpoint, _n(SD, "supportedLanguage"), _n(SD, "SPARQL11Update")))
    if settings.service_allow:
        t.append(ox.Triple(endpoint, _n(SD, "feature"), _n(SD, "BasicFederatedQuery")))
    return _answer(request, t)


_void_lock = threading.Lock()


def _counts(store, sparql: str) -> list[tuple]:
    return list(store.query(sparql, timeout=VOID_TIMEOUT, row_cap=10**9).rows())


def _statistics(store) -> dict:
    """From the statistics layer's partitions when every volume has them, else four full scans."""
    materialised = dataset_counts(store)
    if materialised is not None:
        return materialised
    return {
        "triples": _counts(store, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"),
        "classes": _counts(store, "SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s a ?c } } GROUP BY ?c"),
        "properties": _counts(store, "SELECT ?p (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?p"),
        "graphs": _counts(store, "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g"),
    }


def _cached_statistics(app) -> dict:
    with _void_lock:
        cached = getattr(app.state, "void_statistics", None)
        if cached is None or time.monotonic() - cached[0] > VOID_TTL:
            cached = (time.monotonic(), _statistics(app.state.store))
            app.state.void_statistics = cached
        return cached[1]


def _integer(n) -> ox.Literal:
    return ox.Literal(str(int(n.value)), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))


@router.get("/.well-known/void", summary="VoID description of the dataset",
            description="VoID (https://www.w3.org/TR/void/) with triple counts per class, property and named "
                        "graph; linked from the SPARQL Service Description. Counts are refreshed every 15 minutes.")
async def void(request: Request) -> Response:
    site = _site(request)
    if site is None:
        return _bad_host()
    try:
        stats = await run_in_threadpool(_cached_statistics, request.app)
    except StoreError as exc:
        return error_response(exc)
    dataset = ox.NamedNode(DATASET_IRI)
    t = [ox.Triple(dataset, RDF_TYPE, _n(VOID, "Dataset")),
         ox.Triple(dataset, ox.NamedNode("http://purl.org/dc/terms/title"),
                   ox.Literal("frus-kg: Foreign Relations of the United States as linked data")),
         ox.Triple(dataset, _n(VOID, "sparqlEndpoint"), ox.NamedNode(site + "sparql")),
         ox.Triple(dataset, _n(VOID, "uriSpace"), ox.Literal(BASE)),
         ox.Triple(dataset, _n(VOID, "triples"), _integer(stats["triples"][0][0]))]
    t += [ox.Triple(dataset, _n(VOID, "vocabulary"), ox.NamedNode(v)) for v in _VOCABULARIES]
    for key, part, link, measure in (("classes", "classPartition", "class", "entities"),
                                     ("properties", "propertyPartition", "property", "triples")):
        for term, n in stats[key]:
            node = ox.BlankNode()
            t += [ox.Triple(dataset, _n(VOID, part), node), ox.Triple(node, _n(VOID, link), term),
                  ox.Triple(node, _n(VOID, measure), _integer(n))]
    for graph, n in stats["graphs"]:
        node = ox.BlankNode()
        t += [ox.Triple(dataset, _n(VOID, "subset"), node), ox.Triple(node, RDF_TYPE, _n(VOID, "Dataset")),
              ox.Triple(node, _n(SD, "name"), graph), ox.Triple(node, _n(VOID, "triples"), _integer(n))]
    for node, volume, n in stats.get("volumes", ()):
        t += [ox.Triple(dataset, _n(VOID, "subset"), node), ox.Triple(node, RDF_TYPE, _n(VOID, "Dataset")),
              ox.Triple(node, ox.NamedNode("http://purl.org/dc/terms/source"), volume),
              ox.Triple(node, _n(VOID, "triples"), _integer(n))]
    return _answer(request, t)
