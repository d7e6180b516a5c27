"""The hook between routes and HTML: one Jinja2 environment, and `render_html` for any route whose client wants a page.

Resource routes return data; when `wants_html(request)` they render a page instead (the resource
pages are `api.page_views`), so a browser and a script share one URL.
"""
from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import quote

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.routing import APIRoute
from fastapi.templating import Jinja2Templates
from markupsafe import Markup, escape
from starlette.datastructures import Headers
from starlette.routing import Match

from ontology.namespaces import BASE

from .data_links import data_links
from .negotiation import best_match
from .resources.links import href
from .resources.list_end import ListEnd

__all__ = ["STATIC", "TEMPLATES", "templates", "when", "wants_html", "prefers_html", "render_html", "sparql_link", "entity_html",
           "PageRoute", "past_the_end"]

STATIC = Path(__file__).with_name("static")
TEMPLATES = Path(__file__).with_name("templates")


def sparql_link(query: str, title: str | None = None) -> str:
    """A link that opens `query` in the editor (YASGUI reads `query` and `tabTitle` from the URL)."""
    link = "/query?query=" + quote(query, safe="")
    return link + ("&tabTitle=" + quote(title, safe="") if title else "")


def entity_html(ref: dict) -> Markup:
    """The `entity_link` macro of _macros.html as a function: a document page links thousands of names, and a
    Jinja macro call costs more than the rest of its line."""
    name = ref.get("name") or ref.get("id")
    return Markup(f'<a href="{escape(ref["href"])}">{escape(name)}</a>') if ref.get("href") else escape(name)


_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December")
_ISO = re.compile(r"(?P<y>\d{4})(?:-(?P<m>\d{2})(?:-(?P<d>\d{2})(?:T(?P<t>\d{2}:\d{2})(?::\d{2}(?:\.\d+)?)?"
                  r"(?P<z>Z|[+-]\d{2}:\d{2})?)?)?)?$")


def when(value: str | None) -> Markup | str:
    """An ISO date or time as FRUS prints dates ("December 9, 1968, 22:12 UTC", "February 1948"), in a `<time>`
    that keeps the value for machines and does not wrap; anything else is shown as it is."""
    if not value:
        return ""
    m = _ISO.match(str(value))
    if m is None or not 1 <= int(m.group("m") or 1) <= 12:
        return escape(value)
    y, mo, d, t, z = m.group("y", "m", "d", "t", "z")
    text = y if mo is None else f"{_MONTHS[int(mo) - 1]} {y}" if d is None else f"{_MONTHS[int(mo) - 1]} {int(d)}, {y}"
    if t:
        text += f", {t}" + (" UTC" if z in ("Z", "+00:00") else f" (UTC{z})" if z else "")
    return Markup(f'<time datetime="{escape(value)}">{escape(text)}</time>')


templates = Jinja2Templates(directory=str(TEMPLATES))
templates.env.filters["when"] = when
templates.env.filters["href"] = lambda iri: href(iri) or iri
templates.env.filters["thousands"] = lambda n: f"{n:,}" if isinstance(n, int) else n
templates.env.filters["documents"] = lambda n: f"{n:,} document" + ("" if n == 1 else "s")
templates.env.globals.update(sparql_link=sparql_link, BASE=BASE, entity_html=entity_html, data_links=data_links)


def prefers_html(accept: str | None) -> bool:
    """An Accept header that prefers text/html to the JSON types (a browser); `*/*`, curl and scripts get data."""
    return best_match(("application/ld+json", "application/json", "text/html"), accept) == "text/html"


def wants_html(request: Request) -> bool:
    return prefers_html(request.headers.get("accept"))


class PageRoute(APIRoute):
    """A route that matches only a client preferring HTML: a page shares its URL with a data route.

    Included before the REST routes, it answers browsers; any other client falls through to the route
    of the same path that answers JSON-LD, so the page and the data stay apart in the code.
    """

    def matches(self, scope):
        match, child = super().matches(scope)
        if match is not Match.NONE and not prefers_html(Headers(scope=scope).get("accept")):
            return Match.NONE, {}
        return match, child


def render_html(request: Request, template: str, context: dict, status_code: int = 200) -> HTMLResponse:
    return templates.TemplateResponse(request, template, context, status_code=status_code,
                                      headers={"Vary": "Accept"})


def past_the_end(request: Request, end: ListEnd) -> HTMLResponse:
    """The 404 page of a page past a list's end: it says how far the list goes and links to its last and first
    pages (a script gets the same as problem details: api/resources/respond.py)."""
    return render_html(request, "not_found.html", {"message": end.sentence(), "links": end.links()}, status_code=404)
