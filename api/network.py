"""`/network` serves a network of actors in every export format; `/network/edge` lists the passages behind one edge.

Both take the filters of `frus-kg network`. The sentence window works when the store has the network table with
its sentence windows, or when the application was given a sentence splitter (`app.state.sentence_splitter`, set by
the composition root); otherwise it answers 400. `X-Network-Source` says whether the table was read.
A browser asking for `/network` without a `format` (or with `format=html`) gets the interactive page, which
fetches the same URL's Cytoscape.js JSON; scripts keep getting JSON at the same URL.
"""
from __future__ import annotations

from typing import Optional

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import JSONResponse, Response

from graph import QueryError
from graph.networks import (FORMATS, MEDIA_TYPES, READERS, Filters, NetworkError, Spec, build_network, edge_evidence, ego,
                            export)

from .kind_names import singular
from .network_page import default_kind, network_page
from .page_queries import passage_documents
from .pages import wants_html
from .passages import passage_html
from .resources.params import entity_ref

__all__ = ["router"]

router = APIRouter()


def _selection(kind: str = Query("person-person", description="person-person, person-country, person-organization, "
                                 "country-country, co-mention, correspondence or claimant-entity"),
               window: str = Query("document", description="document, paragraph or sentence (co-mention kinds)"),
               weight: str = Query("documents", description="edge weight: documents or passages"),
               date_from: Optional[str] = Query(None, alias="from", description="YYYY, YYYY-MM or YYYY-MM-DD"),
               date_to: Optional[str] = Query(None, alias="to", description="last date, inclusive"),
               volume: list[str] = Query([], description="volume id (repeatable)"),
               genre: list[str] = Query([], description="genre (repeatable)"),
               entity_kind: list[str] = Query([], description="person, country, organization or region, or their "
                                                "plurals (repeatable)"),
               claim_type: list[str] = Query([], description="claim type (repeatable; claimant-entity)")) -> dict:
    """The query parameters both routes share: which network, over which documents."""
    return dict(kind=kind, window=window, weight=weight, date_from=date_from, date_to=date_to, volume=volume,
                genre=genre, entity_kind=[singular(k) for k in entity_kind], claim_type=claim_type)


def _spec(selection: dict, min_weight: float, evidence: int) -> Spec:
    s = selection
    return Spec(s["kind"], s["window"], s["weight"],
                Filters(s["date_from"], s["date_to"], tuple(s["volume"]), tuple(s["genre"]), tuple(s["entity_kind"]),
                        tuple(s["claim_type"]), min_weight), evidence)


async def _run(fn, *args, **kwargs):
    try:
        return await run_in_threadpool(fn, *args, **kwargs)
    except (NetworkError, ValueError) as exc:
        raise HTTPException(400, _said(exc)) from None
    except QueryError as exc:
        raise HTTPException(500, f"the network query failed: {exc}") from None


@router.get("/network", summary="A network of actors, in GEXF 1.3, GraphML, Cytoscape.js, node-link JSON or CSV")
async def network(request: Request, selection: dict = Depends(_selection),
                  format: str = Query("cytoscape", description=", ".join(FORMATS) + "; html for the interactive page "
                                     "(what browsers get when no format is given)"),
                  min_weight_text: Optional[str] = Query(None, alias="min_weight",
                                                         description="drop edges lighter than this (a number ≥ 0; default 1)"),
                  evidence: int = Query(20, ge=1, le=1000, description="documents and passages kept per edge"),
                  ego_node: Optional[str] = Query(None, alias="ego", description="keep only this node's ego network "
                                                  "(its IRI, or its path: people/102617)"),
                  radius: int = Query(1, ge=1, le=3), seed: int = Query(42),
                  pages: bool = Query(True, description="give each evidence passage its printed pages (evidence_pages; "
                                      "one lookup for every passage of the network)")) -> Response:
    page = format == "html" or ("format" not in request.query_params and wants_html(request))
    try:
        min_weight = _min_weight(min_weight_text)
    except ValueError as exc:
        if not page:
            raise HTTPException(400, str(exc))
        return await _page(request, selection, 1.0, ego_node, radius, error=str(exc))
    if page:
        return await _page(request, selection, min_weight, ego_node, radius)
    if format not in FORMATS:
        raise HTTPException(400, f"format: one of {', '.join(FORMATS)}, or html")
    ego_node = ego_node and await _run(entity_ref, "ego", ego_node)
    spec = await _run(_spec, selection, min_weight, evidence)
    sentences = getattr(request.app.state, "sentence_splitter", None)
    g = await _run(build_network, request.app.state.store, spec, sentences=sentences, seed=seed)
    if ego_node:
        g = await _run(ego, g, ego_node, radius)
    body = await _run(export, g, format, request.app.state.store if pages else None)
    headers = {"Vary": "Accept", "X-Network-Source": g.graph.get("source", "mentions")}
    if format in ("gexf", "graphml", "csv-nodes", "csv-edges"):
        suffix = {"csv-nodes": "nodes.csv", "csv-edges": "edges.csv"}.get(format, format)
        headers["Content-Disposition"] = f'attachment; filename="frus-{spec.kind}.{suffix}"'
    if g.graph.get("coverage_warning"):
        plain = g.graph["coverage_warning"].replace("\u2013", "-").replace("\u2014", "-").replace("\u2019", "'")
        headers["X-Coverage-Warning"] = plain.encode("ascii", "replace").decode()      # HTTP headers are ASCII
    return Response(body, media_type=MEDIA_TYPES[format], headers=headers)


def _said(exc: Exception) -> str:
    """A network's refusal as every parameter's reads, the option at fault first (`kind: unknown network kind …`)."""
    parameter = getattr(exc, "parameter", None)
    return f"{parameter}: {exc}" if parameter else str(exc)


def _min_weight(text: Optional[str]) -> float:
    """The `min_weight` parameter: parsed here, not by FastAPI, so that a browser's bad value gets the page that
    keeps the form and says why (FastAPI's validation error is JSON); scripts get the 400 of every bad parameter. An
    empty value is the default."""
    if text is None or not text.strip():
        return 1.0
    try:
        value = float(text)
    except ValueError:
        raise ValueError(f"min_weight: a number, not {text!r}") from None
    if not value >= 0 or value == float("inf"):
        raise ValueError(f"min_weight: a number of at least 0, not {text!r}")
    return value


async def _page(request: Request, selection: dict, min_weight: float, ego_node: Optional[str], radius: int,
                error: Optional[str] = None) -> Response:
    """The page for a browser: empty form fields are no filter, nor are entity kinds or claim types its network's kind
    does not read (hidden fields the form kept when another kind was chosen), and an entity page's `?entity=IRI` is an
    ego network."""
    selection = {k: ([x for x in v if x] if isinstance(v, list) else v or None) for k, v in selection.items()}
    ego_node = ego_node or request.query_params.get("entity") or None
    try:
        ego_node = ego_node and entity_ref("ego", ego_node)
    except ValueError as exc:
        error = error or str(exc)
    if not request.query_params.get("kind"):
        selection["kind"] = default_kind(ego_node)
    for name, default in (("window", "document"), ("weight", "documents")):
        selection[name] = selection[name] or default
    for name, field in (("entity_kind", "kinds"), ("claim_type", "claim_types")):
        if selection["kind"] not in READERS[field]:
            selection[name] = []        # the form's hidden copy, kept from a kind that reads it
    try:
        _spec(selection, min_weight, 1)
    except (NetworkError, ValueError) as exc:
        error = error or _said(exc)
    return await run_in_threadpool(network_page, request, selection, min_weight, ego_node, radius, error)


@router.get("/network/edge", summary="The passages behind one edge of a network, each with its text and document")
async def network_edge(request: Request, selection: dict = Depends(_selection),
                       source: str = Query(..., description="IRI of the source node, or its path (people/102617)"),
                       target: str = Query(..., description="IRI of the target node, or its path"),
                       limit: int = Query(100, ge=1, le=1000, description="passages to list")) -> JSONResponse:
    spec = await _run(_spec, selection, 0.0, limit)
    source, target = await _run(entity_ref, "source", source), await _run(entity_ref, "target", target)
    sentences = getattr(request.app.state, "sentence_splitter", None)
    found = await _run(_edge_passages, request.app.state.store, spec, source, target, limit=limit, sentences=sentences)
    if found is None:
        raise HTTPException(404, "no such edge in this network")
    return JSONResponse(found)


def _edge_passages(store, spec: Spec, source: str, target: str, **kwargs) -> dict | None:
    """The edge's evidence, each passage also as the pages show a passage (`html`: a plain-text copy's `*…*` in
    italics, those its edges cut included, api/passages.py), which the network page lists."""
    found = edge_evidence(store, spec, source, target, **kwargs)
    if found is not None:
        texts = passage_documents(store, [(p["document"], p["text"]) for p in found["evidence"]])
        for p in found["evidence"]:
            p["html"] = passage_html(p["text"], p["start"], [], texts.get(p["document"]))
    return found
