"""A resource dict as an HTTP answer: JSON-LD (with the published context) or plain JSON, by Accept."""
from __future__ import annotations

from typing import Callable

from fastapi import HTTPException, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response

from ontology.namespaces import BASE

from ..errors import problem
from ..jsonld import CONTEXT_PATH
from ..negotiation import best_match
from .describe import RDF_TYPES
from .list_end import ListEnd

__all__ = ["JSON_TYPES", "json_answer", "packed_answer", "absolute", "not_found", "past_the_end_problem"]

JSON_TYPES = ("application/ld+json", "application/json")


def absolute(request: Request, path: str | None) -> str | None:
    """A path of this API (`/documents?…`) as an absolute URL on the server the client reached."""
    return None if path is None else str(request.base_url).rstrip("/") + path


def _absolute_links(request: Request, data: dict) -> dict:
    return {k: absolute(request, v) if (k == "next" or k.endswith("Next")) and isinstance(v, str) else v
            for k, v in data.items()}


def json_answer(request: Request, data: dict) -> Response:
    """JSON-LD by default; plain JSON (the same keys, no @context) when the client prefers application/json."""
    media = best_match(JSON_TYPES, request.headers.get("accept"))
    if media is None:
        elsewhere = _as_rdf(request, data)
        if elsewhere:
            return RedirectResponse(elsewhere, status_code=303, headers={"Vary": "Accept"})
        return problem(406, f"no acceptable format; offered: {', '.join(JSON_TYPES)}", {"Vary": "Accept"})
    body = _absolute_links(request, data)
    if media == "application/ld+json":
        body = {"@context": absolute(request, CONTEXT_PATH), **body}
    return JSONResponse(body, media_type=media, headers={"Vary": "Accept", **_next_link(body)})


def _as_rdf(request: Request, data: dict) -> str | None:
    """The /id/ path of a resource of ours asked for as RDF (Turtle, N-Triples, RDF/XML), which /id/ writes."""
    iri = data.get("id")
    if isinstance(iri, str) and iri.startswith(BASE) and best_match(list(RDF_TYPES), request.headers.get("accept")):
        return "/id/" + iri[len(BASE):]
    return None


def _next_link(body: dict) -> dict[str, str]:
    """A list's next page as an RFC 8288 Link too: HTTP clients and harvesters follow the header, not a body key."""
    following = body.get("next")
    return {"Link": f'<{following}>; rel="next"'} if isinstance(following, str) else {}


def packed_answer(request: Request, body: Callable[[str | None], bytes | None]) -> Response | None:
    """`json_answer` for a resource already written as JSON: `body(context)` gives its bytes with that `@context`
    first (None: plain JSON), or None when it has none (the caller then builds the dict). None too when neither
    JSON type is acceptable, so that json_answer gives the 406."""
    media = best_match(JSON_TYPES, request.headers.get("accept"))
    if media is None:
        return None
    data = body(absolute(request, CONTEXT_PATH) if media == "application/ld+json" else None)
    return None if data is None else Response(data, media_type=media, headers={"Vary": "Accept"})


def not_found(what: str) -> HTTPException:
    return HTTPException(status_code=404, detail=f"no such {what}")


def past_the_end_problem(request: Request, end: ListEnd, parameter: str) -> Response:
    """A page past a list's end, for a script: 404 problem details naming the parameter, how far the list goes and
    its first and last pages (`last` null when the first is the last, or unknown), where it was a 200 with no items
    that read as an empty list. A browser gets api/pages.py's page."""
    sentence = end.sentence().rstrip(".")
    links = {"first": absolute(request, end.first), "last": absolute(request, end.last)}
    return problem(404, f"{parameter}: {sentence[:1].lower()}{sentence[1:]}", {"Vary": "Accept"},
                   parameter=parameter, total=end.total, pages=end.pages, **links)
