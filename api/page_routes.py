"""Routes that exist only as pages: the home page and the SPARQL editor."""
from __future__ import annotations

import json
from dataclasses import asdict

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import HTMLResponse

from .examples import examples
from .pages import render_html
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
