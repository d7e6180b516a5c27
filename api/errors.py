"""Every error the API answers, in one shape: RFC 9457 problem details (`application/problem+json`).

`{"type": "about:blank", "title": <the status's reason>, "status": <int>, "detail": <one sentence>, …}`: a
script reads `detail` whatever failed (FastAPI's own answers used the same key), and a validation error adds
FastAPI's list as `errors`. A query parameter the route cannot use is a 400 whoever finds it, the route's own
checks or FastAPI's validation (which answers 422 by default: the same mistake had two statuses by route). The endpoints that RDF tools and curl read as text (the SPARQL protocols and the
dataset's descriptions and downloads, TEXT_FIRST) answer the same sentence as text/plain, unless the request's
Accept puts JSON first: the SPARQL 1.1 Protocol leaves the body of a failure to the implementation.

The client's mistakes are 4xx with the reason; our faults are 5xx with a message that names no file,
path or stack (the detail goes to the server's log instead). Browsers asking for a path that names nothing
get the site's 404 page.
"""
from __future__ import annotations

import logging
from http import HTTPStatus

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exception_handlers import http_exception_handler
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match

from graph import EngineBusy, EngineCrashed, QueryError, QueryTimeout, SparqlSyntaxError, StoreError, StoreLocked

from .negotiation import parse_accept

__all__ = ["STATUS", "PROBLEM_JSON", "INVALID_PARAMETER", "TEXT_FIRST", "status_of", "problem", "error_answer", "syntax_answer",
           "error_response", "validation_summary", "install_error_handlers", "described_problems"]

log = logging.getLogger("frus_kg.api")

PROBLEM_JSON = "application/problem+json"
INVALID_PARAMETER = 400      # a parameter missing, malformed, out of range or unknown: one status on every route
TEXT_FIRST = ("/sparql", "/rdf-graph-store", "/.well-known/void", "/linksets", "/crosswalk.csv")

STATUS: list[tuple[type[Exception], int, str | None]] = [
    (QueryError, 400, None),
    (QueryTimeout, 503, None),
    (EngineBusy, 503, None),
    (EngineCrashed, 500, None),
    (StoreLocked, 503, "the store is being written by another process; try again shortly"),
    (StoreError, 500, "the store could not be read; the error has been logged"),
]
_PLACES = {"query": "query parameter", "path": "path parameter", "header": "header", "cookie": "cookie",
           "body": "body field"}


def status_of(exc: Exception) -> tuple[int, str]:
    """(status, public message) for a store error: the first row of STATUS that the error is an instance of."""
    for kind, status, public in STATUS:
        if isinstance(exc, kind):
            return status, public or getattr(exc, "public", None) or str(exc)
    return 500, "internal error; it has been logged"


def problem(status: int, detail: str, headers: dict[str, str] | None = None, **extensions) -> JSONResponse:
    """The problem details of one failure; `extensions` are further members (RFC 9457 §3.2)."""
    body = {"type": "about:blank", "title": HTTPStatus(status).phrase, "status": status, "detail": detail,
            **extensions}
    return JSONResponse(body, status_code=status, media_type=PROBLEM_JSON, headers=headers)


def error_answer(request: Request, status: int, detail: str, headers: dict[str, str] | None = None,
                 text: str | None = None, **extensions) -> Response:
    """The answer to a failed request: problem details, or as text/plain on a TEXT_FIRST endpoint for a client whose
    Accept does not put JSON first (such an answer varies with Accept) the detail, or `text` where the
    extensions have lines of their own to show (a syntax error's excerpt)."""
    if not _text_first(request.scope.get("path", "")):
        return problem(status, detail, headers, **extensions)
    headers = {**(headers or {}), "Vary": "Accept"}
    if _names_json_first(request.headers.get("accept")):
        return problem(status, detail, headers, **extensions)
    return PlainTextResponse((text or detail) + "\n", status_code=status, headers=headers)


def syntax_answer(request: Request, exc: SparqlSyntaxError) -> Response:
    """A SPARQL syntax error: its sentence as `detail`, the place, excerpt, hint and the parser's report as members
    (`line` and `column` null when the parser named no place); as text, all of it on lines of their own, which
    the query editor and a terminal show as they are."""
    members = {"line": exc.line, "column": exc.column, "excerpt": exc.excerpt, "hint": exc.hint,
               "parser_message": exc.parser_message}
    return error_answer(request, 400, str(exc), text=exc.explained(), **members)


def error_response(request: Request, exc: Exception) -> Response:
    """The answer to a store error, by STATUS; a 5xx is logged with its detail, which the client does not see."""
    if isinstance(exc, SparqlSyntaxError):
        return syntax_answer(request, exc)
    status, message = status_of(exc)
    if status >= 500:
        log.error("%s: %s", type(exc).__name__, exc)
    headers = {"Retry-After": "5"} if isinstance(exc, (EngineBusy, StoreLocked)) else None
    return error_answer(request, status, message, headers)


def _text_first(path: str) -> bool:
    return any(path == p or path.startswith(p + "/") for p in TEXT_FIRST)


def _names_json_first(accept: str | None) -> bool:
    """The type Accept ranks first (the highest q; the first listed among equals) is problem+json or JSON itself.
    SPARQLWrapper asking for JSON results sends `application/sparql-results+json,application/json,…`: text, as
    before, which its exception quotes; a script sending `Accept: application/json` gets the problem details."""
    ranges = parse_accept(accept)
    top = max(q for _, _, q in ranges)
    first = next(f"{main}/{sub}" for main, sub, q in ranges if q == top)
    return top > 0 and first in (PROBLEM_JSON, "application/json")


def validation_summary(errors: list[dict]) -> str:
    """FastAPI's validation errors as one sentence naming each parameter, where it was sent and what is wrong."""
    parts = []
    for error in errors:
        place, *names = error.get("loc") or ("request",)
        where = _PLACES.get(str(place), str(place))
        name = ".".join(str(n) for n in names)
        message = str(error.get("msg", "is not valid"))
        given = error.get("input")
        shown = f" (got {given!r:.60})" if isinstance(given, (str, int, float)) else ""     # a missing one is None
        said = f"{message[:1].lower() + message[1:]}{shown}"
        parts.append(f"{name}: {said}" if name and place == "query" else f"{where} '{name}': {said}" if name
                     else f"{where}: {message}")
    return "; ".join(parts) or "the request is not valid"


def install_error_handlers(app: FastAPI) -> None:
    async def store_failed(request: Request, exc: Exception) -> Response:
        return error_response(request, exc)

    async def http_failed(request: Request, exc: StarletteHTTPException) -> Response:
        """A browser that asks for a path naming nothing gets the site's 404 page, with its navigation."""
        from .pages import render_html, wants_html
        if exc.status_code < 400:
            return await http_exception_handler(request, exc)
        headers = exc.headers
        if exc.status_code == 405:      # a mounted app's (static files) is its own: no route of ours is at its path
            allowed = _allowed(request) or (exc.headers or {}).get("Allow")
            headers = {**(exc.headers or {}), "Allow": allowed} if allowed else exc.headers
        detail = _sentence(request, exc.status_code, exc.detail, headers)
        if exc.status_code == 404 and wants_html(request):
            return render_html(request, "not_found.html", {"message": detail}, status_code=404)
        return error_answer(request, exc.status_code, detail, headers)

    async def invalid(request: Request, exc: RequestValidationError) -> Response:
        errors = jsonable_encoder(exc.errors())
        return error_answer(request, INVALID_PARAMETER, validation_summary(errors), errors=errors)

    app.add_exception_handler(StoreError, store_failed)
    app.add_exception_handler(StarletteHTTPException, http_failed)
    app.add_exception_handler(RequestValidationError, invalid)
    generate = app.openapi
    app.openapi = lambda: described_problems(generate())


def described_problems(schema: dict) -> dict:
    """The OpenAPI description with FastAPI's 422 as what it now is, a 400 with problem details (a client generated
    from it would otherwise expect a 422 whose `detail` is a list). Changes `schema` in place, idempotently, and
    returns it."""
    schemas = schema.get("components", {}).get("schemas", {})
    if "HTTPValidationError" in schemas:
        schemas["HTTPValidationError"] = {
            "title": "HTTPValidationError", "type": "object", "required": ["type", "title", "status", "detail"],
            "description": "RFC 9457 problem details; `errors` lists each parameter that is not valid",
            "properties": {"type": {"type": "string"}, "title": {"type": "string"}, "status": {"type": "integer"},
                           "detail": {"type": "string"},
                           "errors": {"type": "array", "items": {"$ref": "#/components/schemas/ValidationError"}}}}
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            responses = operation.get("responses", {})
            if "422" in responses:
                _as_bad_request(responses)
    return schema


def _as_bad_request(responses: dict) -> None:
    """FastAPI's 422 of an operation moved to 400, under the route's own description of its 400 when it has one."""
    validation = responses.pop("422")
    content = validation.get("content", {})
    if "application/json" in content:
        content[PROBLEM_JSON] = content.pop("application/json")
    own = responses.get(str(INVALID_PARAMETER), {})
    responses[str(INVALID_PARAMETER)] = {
        "description": own.get("description", "a parameter is missing, malformed or out of range (`detail` says which)"),
        "content": content}


def _sentence(request: Request, status: int, detail, headers: dict | None) -> str:
    """The exception's detail, or for Starlette's own 404 and 405 (whose detail is only the reason) what happened."""
    if detail != HTTPStatus(status).phrase:
        return str(detail)
    if status == 404:
        return f"Nothing is found at {request.url.path}."
    if status == 405:
        allowed = (headers or {}).get("Allow", "")
        return f"{request.url.path} does not answer {request.method}" + (f"; it answers {allowed}." if allowed else ".")
    return str(detail)


_METHODS = ("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH")


def _allowed(request: Request) -> str:
    """Every method some route answers at the path (HEAD wherever GET is: api/app.py): Starlette's 405 names only
    those of the first route of the path, so PUT, POST and DELETE /rdf-graph-store (a second route) went unnamed."""
    answered = {method for method in _METHODS
                if any(route.matches({**request.scope, "method": method})[0] == Match.FULL
                       for route in request.app.router.routes)}
    if "GET" in answered:
        answered.add("HEAD")
    return ", ".join(m for m in _METHODS if m in answered)
