"""Routes of the pages: home, the SPARQL editor and volumes (whose data is a /documents list) exist only as
pages; the lists and the document and entity pages share their URL with a REST route, and are `PageRoute`s,
which match only a client that prefers HTML (the others fall through to the JSON-LD route)."""
from __future__ import annotations

import json
from dataclasses import asdict
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse

from ontology import iris

from .errors import problem
from .examples import default_example, examples
from .page_co_mentions import co_mention_page
from .page_lists import LIST_TITLES, list_page
from .page_views import document_page, entity_page, volume_page
from .pages import PageRoute, render_html, wants_html
from .resources.links import KINDS
from .resources.params import BadParameter, identifier
from .stats import dataset_stats

__all__ = ["router", "script_json"]

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
    default = default_example(found)
    return render_html(request, "query.html", {
        "examples": found, "query": query or (found[default].query if found else ""), "default": default,
        "examples_json": script_json([asdict(e) for e in found])})



@router.get("/volumes/{volume_id}", response_class=HTMLResponse,
            summary="A volume's page: documents by date, persons and terms lists (data: /documents?volume=…)")
def volume(request: Request, volume_id: str):
    if not wants_html(request):
        if not _volume_exists(request.app.state.store, volume_id):
            return problem(404, f"No volume {volume_id} in this store.")
        return RedirectResponse(f"/documents?volume={quote(volume_id)}", status_code=303,
                                headers={"Vary": "Accept"})
    return volume_page(request, volume_id) or render_html(
        request, "not_found.html", {"message": f"No volume {volume_id} in this store."}, status_code=404)


def _volume_exists(store, volume_id: str) -> bool:
    """Whether the store has the volume's graph: a path naming nothing is a 404 for scripts as for browsers."""
    try:
        return store.has_graph(iris.volume_iri(identifier("volume", volume_id)))
    except BadParameter:
        return False


def _not_found(request: Request, message: str) -> HTMLResponse:
    return render_html(request, "not_found.html", {"message": message}, status_code=404)


def _lister(kind: str):
    def page(request: Request) -> HTMLResponse:
        return list_page(request, kind)
    return page


def _document(request: Request, volume: str, doc: str) -> HTMLResponse:
    return document_page(request, volume, doc) or _not_found(request, f"No document {volume}/{doc} in this store.")


def _co_mentioned(kind: str):
    def page(request: Request, entity_id: str) -> HTMLResponse:
        return co_mention_page(request, kind, entity_id) or _not_found(request, f"No such {kind} entry: {entity_id}.")
    return page


def _entity(kind: str):
    def page(request: Request, entity_id: str) -> HTMLResponse:
        return entity_page(request, kind, entity_id) or _not_found(request, f"No such {kind} entry: {entity_id}.")
    return page


for _kind in LIST_TITLES:
    router.add_api_route(f"/{_kind}", _lister(_kind), methods=["GET"], response_class=HTMLResponse,
                         include_in_schema=False, route_class_override=PageRoute)
router.add_api_route("/documents/{volume}/{doc}", _document, methods=["GET"], response_class=HTMLResponse,
                     include_in_schema=False, route_class_override=PageRoute)
for _kind in KINDS:
    router.add_api_route(f"/{_kind}/{{entity_id}}", _entity(_kind), methods=["GET"], response_class=HTMLResponse,
                         include_in_schema=False, route_class_override=PageRoute)
    router.add_api_route(f"/{_kind}/{{entity_id}}/co-mentioned", _co_mentioned(_kind), methods=["GET"],
                         response_class=HTMLResponse, include_in_schema=False, route_class_override=PageRoute)
