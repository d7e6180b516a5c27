"""Routes that exist only as pages: home, the SPARQL editor, volumes (whose data is a /documents list)."""
from __future__ import annotations

import json
from dataclasses import asdict
from urllib.parse import quote

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse, RedirectResponse

from .examples import examples
from .page_views import volume_page
from .pages import render_html, wants_html
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
    return render_html(request, "query.html", {
        "examples": found, "query": query or (found[0].query if found else ""),
        "examples_json": script_json([asdict(e) for e in found])})



@router.get("/volumes/{volume_id}", response_class=HTMLResponse,
            summary="A volume's page: documents by date, persons and terms lists (data: /documents?volume=…)")
def volume(request: Request, volume_id: str):
    if not wants_html(request):
        return RedirectResponse(f"/documents?volume={quote(volume_id)}", status_code=303,
                                headers={"Vary": "Accept"})
    return volume_page(request, volume_id) or render_html(
        request, "not_found.html", {"message": f"No volume {volume_id} in this store."}, status_code=404)
