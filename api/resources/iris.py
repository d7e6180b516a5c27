"""Dereferenceable IRIs: `/id/{path}` stands for `{FRUS_KG_BASE}{path}`, and `/vocab` for the vocabulary namespace.

Data answers are direct 200s, negotiated (Turtle for `*/*`, JSON-LD, N-Triples, RDF/XML; `?format=`
overrides Accept) with `Vary: Accept`. Browsers asking for a document or an entity are sent (303)
to its page, for a claim to its passage in its document's page; other IRIs get a page of their triples.
See docs/http.md.
"""
from __future__ import annotations

from functools import cache
from urllib.parse import quote

import pyoxigraph as ox
from fastapi import APIRouter, HTTPException, Query, Request
from fastapi.responses import RedirectResponse, Response

from ontology.files import vocabulary_turtle
from ontology.namespaces import BASE, FK

from ..negotiation import best_match
from .document_packs import has_pack, packed_description
from .links import claim_href, document_ids, href
from .describe import FORMAT_NAMES, RDF_TYPES, page_context, resource_triples, serialize

__all__ = ["router", "OFFERED"]

router = APIRouter(tags=["linked data"], responses={
    400: {"description": "unknown `format`"}, 404: {"description": "nothing is known about this IRI"},
    406: {"description": "no offered format is acceptable"}})
OFFERED = ("text/turtle", "text/html", "application/ld+json", "application/n-triples", "application/rdf+xml",
           "application/json", "text/plain", "text/n3")
# Asked for by the generic name, answered in the RDF format it names, labelled as asked (as /sparql, the Graph Store
# and /linksets do): JSON-LD is JSON, N-Triples is plain text, and Turtle is N3 (N3 is a superset of Turtle: every
# Turtle document is N3, so an N3 client such as cwm or EYE reads it; it was a 406).
_SAME_AS = {"application/json": "application/ld+json", "text/plain": "application/n-triples", "text/n3": "text/turtle"}
_FORMAT = Query(None, description="overrides Accept: ttl, n3, jsonld, nt, rdfxml or html")


def _media(request: Request, fmt: str | None) -> str:
    if fmt is not None:
        if fmt.lower() not in FORMAT_NAMES:
            raise HTTPException(status_code=400, detail=f"format: one of {', '.join(FORMAT_NAMES)}")
        return FORMAT_NAMES[fmt.lower()]
    media = best_match(OFFERED, request.headers.get("accept"))
    if media is None:
        raise HTTPException(status_code=406, detail=f"no acceptable format; offered: {', '.join(OFFERED)}",
                            headers={"Vary": "Accept"})
    return media


def _page(request: Request, iri: str, triples: list[ox.Triple]) -> Response:
    """The page of an IRI with no page of its own, in the site's layout (templates/resource.html)."""
    from ..pages import render_html     # here: api.pages imports this package (for `href`) as it loads
    return render_html(request, "resource.html", page_context(iri, triples))


def _answer(body: bytes | str, media: str) -> Response:
    charset = "; charset=utf-8" if media in ("text/turtle", "text/n3", "application/n-triples", "text/html", "text/plain") else ""
    return Response(body, media_type=media + charset, headers={"Vary": "Accept"})


@router.get("/id/{path:path}", summary="Dereference an IRI of the data (FRUS_KG_BASE + path)")
def resource(request: Request, path: str, format: str | None = _FORMAT) -> Response:
    if path.endswith("/") and path.strip("/"):      # no IRI we mint ends with a slash; every other route drops it
        query = f"?{request.url.query}" if request.url.query else ""
        return RedirectResponse("/id/" + quote(path.rstrip("/")) + query, status_code=307)
    media = _media(request, format)
    iri = BASE + path
    ids = document_ids(iri)
    if ids and media == "text/html" and has_pack(request.app.state.store, *ids):   # known without reading its graph
        return RedirectResponse(href(iri), status_code=303, headers={"Vary": "Accept"})
    rdf = _SAME_AS.get(media, media)
    if ids:                                # a document: from its pack when the store has one
        packed = packed_description(request.app.state.store, *ids, rdf)
        if packed is not None:
            return _answer(packed, media)
    try:
        triples = resource_triples(request.app.state.store, iri)
    except ValueError:
        triples = []
    if not triples:
        raise HTTPException(status_code=404, detail=f"nothing is known about {iri}")
    if media == "text/html":
        page = claim_href(iri) or href(iri)
        if page and not page.startswith("/id/"):   # documents, entities and claims (in their passage) have real pages
            return RedirectResponse(page, status_code=303, headers={"Vary": "Accept"})
        return _page(request, iri, triples)
    return _answer(serialize(triples, rdf), media)


@cache
def _vocabulary_triples() -> list[ox.Triple]:
    return list(ox.parse(vocabulary_turtle(), format=ox.RdfFormat.TURTLE))


@router.get("/vocab", summary="The frus-kg vocabulary (OWL/RDFS) at its namespace IRI")
def vocabulary(request: Request, format: str | None = _FORMAT) -> Response:
    media = _media(request, format)
    if _SAME_AS.get(media, media) == "text/turtle":
        return _answer(vocabulary_turtle(), media)
    triples = _vocabulary_triples()
    if media == "text/html":
        return _page(request, FK.rstrip("#/"), triples)
    return _answer(ox.serialize(triples, format=RDF_TYPES[_SAME_AS.get(media, media)]), media)

