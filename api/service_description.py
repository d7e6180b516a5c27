"""The SPARQL Service Description (at GET /sparql) and the VoID description (at /.well-known/void).

Both are built as RDF terms and written by pyoxigraph's serializers in the negotiated format, so no
request value (the Host header included) is ever pasted into RDF text. VoID's counts are read from the
graph that the statistics refresh writes (graph/void_description.py), and read again when it is rewritten;
a store from before that layer is counted here (seconds at corpus scale) and the counts kept for `VOID_TTL`
seconds. The volumes whose last ingest left documents out are read on every call (`incomplete_volumes`).
"""
from __future__ import annotations

import threading
import time

import pyoxigraph as ox
from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from graph import StoreError
from graph.dataset_licences import licence_triples
from graph.void_description import DQV, LDQD, description_quads, incomplete_volumes, read_void, void_version
from graph.formats import RDF_FORMATS, used_prefixes
from graph.linksets import DATASET_IRI
from ontology.namespaces import BASE, FK, OA, SCHEMA

from .errors import error_answer, error_response
from .negotiation import best_match

__all__ = ["router", "service_description", "DESCRIPTION_TYPES", "VOID_TTL"]

DESCRIPTION_TYPES = {"text/turtle": "turtle", "application/ld+json": "jsonld", "application/rdf+xml": "rdfxml",
                     "application/n-triples": "ntriples", "text/plain": "ntriples", "application/json": "jsonld"}
VOID_TTL = 900.0

SD = "http://www.w3.org/ns/sparql-service-description#"
VOID = "http://rdfs.org/ns/void#"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
_FORMATS = ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
            "Turtle", "N-Triples", "RDF_XML", "JSON-LD", "N-Quads", "TriG")   # W3C format IRIs: all CONSTRUCT offers
_VOCABULARIES = ("http://schema.org/", "http://www.w3.org/ns/oa#", "http://www.w3.org/ns/prov#",
                 "http://www.w3.org/2004/02/skos/core#")

_PREFIXES = {"sd": SD, "void": VOID, "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
             "dcterms": "http://purl.org/dc/terms/", "formats": "http://www.w3.org/ns/formats/", "dqv": DQV,
             "ldqd": LDQD, "oa": OA, "fk": FK, "schema": SCHEMA}

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
        return error_answer(request, 406, f"no acceptable format; offered: {', '.join(DESCRIPTION_TYPES)}")
    body = ox.serialize(triples, format=RDF_FORMATS[DESCRIPTION_TYPES[media]], prefixes=used_prefixes(triples, _PREFIXES))
    return Response(body, media_type=media, headers={"Vary": "Accept"})


def _bad_host(request: Request) -> Response:
    return error_answer(request, 400, "the Host header does not make a valid IRI")


def service_description(request: Request) -> Response:
    site = _site(request)
    if site is None:
        return _bad_host(request)
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


def _computed(app) -> list[ox.Triple]:
    """For a store without the VoID layer: counted here (seconds) and kept for `VOID_TTL` seconds."""
    with _void_lock:
        cached = getattr(app.state, "void_counts", None)
        if cached is None or time.monotonic() - cached[0] > VOID_TTL:
            cached = (time.monotonic(), [q.triple for q in description_quads(app.state.store)])
            app.state.void_counts = cached
        return cached[1]


def _described(app) -> list[ox.Triple]:
    """The counts, and what the incomplete volumes' subsets say (each triple once: a subset is in both)."""
    counts = _counts(app)
    known = set(counts)
    return counts + [t for t in incomplete_volumes(app.state.store) if t not in known]


def _counts(app) -> list[ox.Triple]:
    """The materialised counts (graph/void_description.py), read again whenever their version (the time they
    were written) changed, so as fresh as the last ingest; counted here when the store predates the layer."""
    version = void_version(app.state.store)
    if version is None:
        return _computed(app)
    kept = getattr(app.state, "void_layer", None)
    if kept is None or kept[0] != version:
        kept = (version, read_void(app.state.store) or [])
        app.state.void_layer = kept
    return kept[1]


@router.get("/.well-known/void", summary="VoID description of the dataset",
            description="VoID (https://www.w3.org/TR/void/) with triple counts per class, property and named "
                        "graph of the data (materialised layers such as the statistics are left out); linked from "
                        "the SPARQL Service Description. Counts are those of the last ingest or `frus-kg index`. "
                        "A volume whose last ingest left documents out has a DQV quality annotation (completeness) "
                        "on its subset. The dataset and each subset of our own data state their licence "
                        "(`dcterms:license`: public domain, MIT).")
async def void(request: Request) -> Response:
    site = _site(request)
    if site is None:
        return _bad_host(request)
    try:
        counts = await run_in_threadpool(_described, request.app)
    except StoreError as exc:
        return error_response(request, exc)
    dataset = ox.NamedNode(DATASET_IRI)
    t = [ox.Triple(dataset, ox.NamedNode("http://purl.org/dc/terms/title"),
                   ox.Literal("frus-kg: Foreign Relations of the United States as linked data")),
         ox.Triple(dataset, _n(VOID, "sparqlEndpoint"), ox.NamedNode(site + "sparql")),
         ox.Triple(dataset, _n(VOID, "uriSpace"), ox.Literal(BASE))]
    t += [ox.Triple(dataset, _n(VOID, "vocabulary"), ox.NamedNode(v)) for v in _VOCABULARIES]
    return _answer(request, t + licence_triples(counts) + counts)
