"""The hook between routes and HTML: one Jinja2 environment, and `render_html` for any route whose client wants a page.

Resource routes return data; when `wants_html(request)` they call `render_html(request, template, context)`
instead, so a browser and a script share one URL.
"""
from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from ontology.namespaces import BASE, HSG

__all__ = ["STATIC", "TEMPLATES", "templates", "wants_html", "render_html", "local_path", "sparql_link"]

STATIC = Path(__file__).with_name("static")
TEMPLATES = Path(__file__).with_name("templates")


def local_path(iri: str) -> str:
    """This server's path for one of our IRIs (…/id/people/1 -> /id/people/1); other IRIs stay as they are."""
    return "/id/" + iri[len(BASE):] if iri.startswith(BASE) else iri


def sparql_link(query: str, title: str | None = None) -> str:
    """A link that opens `query` in the editor (YASGUI reads `query` and `tabTitle` from the URL)."""
    link = "/query?query=" + quote(query, safe="")
    return link + ("&tabTitle=" + quote(title, safe="") if title else "")


templates = Jinja2Templates(directory=str(TEMPLATES))
templates.env.filters["local"] = local_path
templates.env.filters["thousands"] = lambda n: f"{n:,}" if isinstance(n, int) else n
templates.env.globals.update(sparql_link=sparql_link, BASE=BASE, HSG=HSG)


def wants_html(request: Request) -> bool:
    """A browser asks for text/html before any JSON; scripts, curl and `*/*` get data."""
    accept = request.headers.get("accept", "")
    html_at = accept.find("text/html")
    if html_at < 0:
        return False
    json_at = min((i for i in (accept.find("application/json"), accept.find("+json")) if i >= 0), default=len(accept))
    return html_at < json_at


def render_html(request: Request, template: str, context: dict, status_code: int = 200) -> HTMLResponse:
    return templates.TemplateResponse(request, template, context, status_code=status_code,
                                      headers={"Vary": "Accept"})
