"""Linksets out: VoID descriptions of our links to each external dataset, and CSV crosswalks of the authorities."""
from __future__ import annotations

import pyoxigraph as ox
from fastapi import APIRouter, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import Response

from graph import Store, linksets
from graph.dataset_licences import linkset_licence_triples
from graph.store import RDF_FORMATS

from .errors import error_answer
from .kind_names import kinds_named, singular
from .sparql import GRAPH_TYPES, choose_format, requested_media

__all__ = ["router"]

router = APIRouter()


_FORMATS = ("ttl", "turtle", "nt", "ntriples", "rdfxml", "jsonld")


async def _void(request: Request, targets: list[linksets.Target], fmt: str | None) -> Response:
    """The VoID of these targets; an unknown `format` is a 400, as on /id/ (not a silent fall back to Accept)."""
    store: Store = request.app.state.store
    if fmt is not None and requested_media("graph", fmt) in (None, "application/n-quads", "application/trig"):
        return error_answer(request, 400, f"format: one of {', '.join(_FORMATS)}, or a media type of those")
    chosen = choose_format("graph", request.headers.get("accept", "*/*"), fmt)
    if chosen is None or chosen[1] in ("nquads", "trig"):
        return error_answer(request, 406, f"no acceptable format; offered: {', '.join(GRAPH_TYPES)}")
    triples = await run_in_threadpool(linksets.void_quads, store, targets)
    triples = linkset_licence_triples(triples) + triples
    body = ox.serialize(triples, format=RDF_FORMATS[chosen[1]],
                        prefixes={"void": linksets.VOID, "dcterms": linksets.DCT,
                                  "skos": "http://www.w3.org/2004/02/skos/core#"} if chosen[1] == "turtle" else None)
    return Response(body, media_type=chosen[0], headers={"Vary": "Accept"})


@router.get("/linksets", summary="VoID description of every linkset (links to other datasets, counted)")
async def all_linksets(request: Request, format: str | None = None) -> Response:
    return await _void(request, list(linksets.TARGETS.values()), format)


@router.get("/linksets/{target}", summary="VoID description of the links to one dataset",
            description="Targets: history-state-gov, pocom, viaf, wikidata, lcsh.")
async def one_linkset(request: Request, target: str, format: str | None = None) -> Response:
    if target not in linksets.TARGETS:
        return error_answer(request, 404, f"no linkset {target!r}; targets: {', '.join(linksets.TARGETS)}")
    return await _void(request, [linksets.TARGETS[target]], format)


@router.get("/crosswalk.csv", summary="CSV crosswalk: frus-kg IRI, label, history.state.gov id, POCOM, VIAF, Wikidata")
async def crosswalk(request: Request, kind: str = Query("person", description="person, country or organization "
                                                                           "(or people, countries, organizations)")
                    ) -> Response:
    kind = singular(kind)
    if kind not in linksets.CROSSWALK_KINDS:
        return error_answer(request, 400, f"kind: one of {kinds_named(tuple(linksets.CROSSWALK_KINDS))}")
    text = await run_in_threadpool(linksets.crosswalk_csv, request.app.state.store, kind)
    return Response(text, media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="frus-kg-{kind}.csv"'})
