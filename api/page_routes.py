"""Routes that exist only as pages (home, SPARQL editor), and page fallbacks for resource paths not yet served.

A fallback answers HTML to browsers and the data function's dict as JSON otherwise; once a resource
route serves the path (and calls `api.page_views` for browsers), the fallback is not added.
"""
from __future__ import annotations

import json
from dataclasses import asdict

from fastapi import APIRouter, FastAPI, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, JSONResponse

from .examples import examples
from .page_views import document_page, entity_page, volume_page
from .pages import render_html, wants_html
from .resources.documents import document_detail
from .resources.entities import entity_detail
from .resources.links import KINDS
from .stats import dataset_stats

__all__ = ["router", "script_json", "FALLBACKS", "add_page_fallbacks"]

router = APIRouter()


def script_json(value) -> str:
    """JSON that is safe inside a <script> element (no '</script>' can close it early)."""
    return json.dumps(value).replace("<", "\\u003c")


@router.get("/", response_class=HTMLResponse, summary="Home page: figures, search, browse, example queries")
async def home(request: Request) -> HTMLResponse:
    stats = await run_in_threadpool(dataset_stats, request.app.state.store)
    return render_html(request, "home.html", {"figures": stats.figures, "browse": stats.browse,
                                              "examples": examples()})


@router.get("/query", response_class=HTMLResponse, summary="SPARQL editor (YASGUI) with the documented examples")
def editor(request: Request, query: str = "") -> HTMLResponse:
    found = examples()
    return render_html(request, "query.html", {
        "examples": found, "query": query or (found[0].query if found else ""),
        "examples_json": script_json([asdict(e) for e in found])})


def _document(request: Request, volume: str, doc: str):
    detail = document_detail(request.app.state.store, volume, doc)
    if detail is None:
        return _not_found(request, f"No document {volume}/{doc} in this store.")
    return document_page(request, detail) if wants_html(request) else JSONResponse(detail)


def _entity(kind: str):
    def serve(request: Request, entity_id: str):
        detail = entity_detail(request.app.state.store, kind, entity_id, documents=1, claims=1)
        if detail is None:
            return _not_found(request, f"No {kind} {entity_id} in this store.")
        return entity_page(request, detail) if wants_html(request) else JSONResponse(detail)
    return serve


def _volume(request: Request, volume_id: str):
    return volume_page(request, volume_id) or _not_found(request, f"No volume {volume_id} in this store.")


def _not_found(request: Request, message: str):
    if wants_html(request):
        return render_html(request, "not_found.html", {"message": message}, status_code=404)
    return JSONResponse({"detail": message}, status_code=404)


FALLBACKS = [("/documents/{volume}/{doc}", _document), ("/volumes/{volume_id}", _volume),
             *((f"/{kind}/{{entity_id}}", _entity(kind)) for kind in KINDS)]


def add_page_fallbacks(app: FastAPI) -> None:
    """Page routes for the resource paths that no resource route serves yet (call it after every router)."""
    served = {getattr(route, "path", None) for route in app.routes}
    for path, endpoint in FALLBACKS:
        if path not in served:
            app.add_api_route(path, endpoint, methods=["GET"], include_in_schema=False)
