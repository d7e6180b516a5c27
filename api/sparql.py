"""The SPARQL 1.1 Protocol endpoint: query for everyone, update for the token holder.

https://www.w3.org/TR/sparql11-protocol/. Every query is checked by graph.sparql_guard before an
engine sees it (depth, size, SERVICE), runs in a killable worker with a deadline and a row cap, and
its result is streamed from a spool file, so a failed query is always an error status and never a
200 with a cut body. The format follows Accept, or the `format`/`output`/`results` parameters that
common clients (SPARQLWrapper, browsers) send; a value that does not fit the query form falls back
to Accept instead of failing.
"""
from __future__ import annotations

import hmac
from urllib.parse import parse_qs

import pyoxigraph as ox
from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import RedirectResponse, Response, StreamingResponse
from starlette.background import BackgroundTask

from graph import GuardLimits, QueryError, Serialized, StoreError, inspect_query

from .errors import error_answer, error_response
from .negotiation import best_match
from .protocol_docs import SPARQL_GET, SPARQL_POST
from .service_description import DESCRIPTION_TYPES, service_description

__all__ = ["router", "SOLUTION_TYPES", "BOOLEAN_TYPES", "GRAPH_TYPES", "choose_format", "requested_media", "read_body",
           "BodyTooLarge", "authorized", "refuse_write", "result_response"]

SOLUTION_TYPES = {
    "application/sparql-results+json": "json",
    "application/sparql-results+xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
    "application/json": "json",
    "application/xml": "xml",
}
BOOLEAN_TYPES = {k: v for k, v in SOLUTION_TYPES.items() if v in ("json", "xml")}
GRAPH_TYPES = {
    "text/turtle": "turtle",
    "application/n-triples": "ntriples",
    "application/ld+json": "jsonld",
    "application/rdf+xml": "rdfxml",
    "application/n-quads": "nquads",
    "application/trig": "trig",
    "text/plain": "ntriples",
    "application/json": "jsonld",      # JSON-LD is the JSON of a graph, as `format=json` says; a 406 helped nobody
}
_ALIASES = {
    "json": ("application/sparql-results+json", "application/ld+json"),
    "xml": ("application/sparql-results+xml", "application/rdf+xml"),
    "csv": ("text/csv", None),
    "tsv": ("text/tab-separated-values", None),
    "turtle": (None, "text/turtle"), "ttl": (None, "text/turtle"), "n3": (None, "text/turtle"),
    "nt": (None, "application/n-triples"), "ntriples": (None, "application/n-triples"),
    "n-triples": (None, "application/n-triples"),
    "rdf": (None, "application/rdf+xml"), "rdfxml": (None, "application/rdf+xml"),
    "rdf+xml": (None, "application/rdf+xml"), "rdf/xml": (None, "application/rdf+xml"),
    "jsonld": (None, "application/ld+json"), "json-ld": (None, "application/ld+json"),
}

router = APIRouter()


class BodyTooLarge(Exception):
    pass


# what a 406 says the query's answer is: CSV and TSV write SELECT results only (SPARQL 1.1 defines no other), so an
# ASK sent with SPARQLWrapper's CSV got "no acceptable format for this result" and nothing about why
# a query no format fits is still read, so that its syntax error is answered before the 406: it runs over a dataset
# of no graph (SPARQL 1.1 Protocol §2.1.4: a named-graph-uri alone makes the default graph empty; this graph is none
# of ours), where it parses whole and finds nothing, in a worker and under the same limits as any other
_NO_DATA = {"default_graphs": [], "named_graphs": ["urn:x-frus-kg:no-graph"]}
_DEFAULT_FORMAT = {"graph": "ntriples", "boolean": "json", "solutions": "json"}
_RESULT_WORDS = {"graph": "the RDF graph a CONSTRUCT or DESCRIBE answers", "boolean": "the true or false an ASK "
                 "answers (CSV and TSV are for SELECT results only)", "solutions": "the table a SELECT answers"}


def _asked(request: Request, params: dict[str, list[str]]) -> str:
    requested = _requested_format(params)
    accept = f"Accept: {request.headers.get('accept') or '*/*'}"
    return f"the format {requested!r}, then {accept}" if requested else accept


def _table(kind: str) -> dict[str, str]:
    return {"graph": GRAPH_TYPES, "boolean": BOOLEAN_TYPES}.get(kind, SOLUTION_TYPES)


def requested_media(kind: str, requested: str) -> str | None:
    """The media type a `format` value (a name such as `ttl` or a media type) stands for in this result kind, or None."""
    value = requested.strip().lower()
    pair = _ALIASES.get(value)
    media = (pair[1] if kind == "graph" else pair[0]) if pair else value.split(";")[0].strip()
    return media if media in _table(kind) else None


def choose_format(kind: str, accept: str | None, requested: str | None) -> tuple[str, str] | None:
    """(media type, serializer) for a result kind: a fitting `format` value first, else Accept, else None."""
    table = _table(kind)
    media = requested_media(kind, requested) if requested else None
    if media is None:
        media = best_match(list(table), accept)
    return (media, table[media]) if media else None


async def read_body(request: Request, limit: int) -> bytes:
    declared = request.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > limit:
        raise BodyTooLarge
    chunks, size = [], 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise BodyTooLarge
        chunks.append(chunk)
    return b"".join(chunks)


def authorized(request: Request) -> bool:
    """A bearer token equal (in constant time) to the configured one; no token configured means no writes."""
    token = request.app.state.settings.update_token
    given = request.headers.get("authorization", "")
    scheme, _, value = given.partition(" ")
    return bool(token) and scheme.lower() == "bearer" and hmac.compare_digest(value.strip().encode(), token.encode())


def refuse_write(request: Request) -> Response | None:
    """Why this write may not run (403 without a configured token, 401 without the right one), or None."""
    settings = request.app.state.settings
    if not settings.update_token:
        return error_answer(request, 403, "this endpoint is read-only: updates are accepted only when the server "
                                          "is started with an update token (see docs/http.md)")
    origin = request.headers.get("origin")
    if origin and origin.rstrip("/") != str(request.base_url).rstrip("/"):
        return error_answer(request, 403, "writes are not accepted from another origin")
    if not authorized(request):
        return error_answer(request, 401, "this update needs the bearer token from the server's configuration",
                            {"WWW-Authenticate": 'Bearer realm="frus-kg"'})
    return None


async def _params(request: Request, limit: int) -> tuple[dict[str, list[str]], str | None, str | None]:
    """(parameters, query, update) of a protocol request, from the URL and the body."""
    params = parse_qs(request.scope.get("query_string", b"").decode("latin-1"), keep_blank_values=True)
    if request.method != "POST":
        return params, _single(params, "query"), _single(params, "update")
    in_url = [name for name in ("query", "update") if name in params]
    if in_url:              # a link or a redirect could otherwise carry an update to a client that adds the token
        raise LookupError(f"{in_url[0]}: sent in the URL of a POST; SPARQL 1.1 Protocol §2.1.2 and §2.2 carry it "
                          "in the body (a form field, or the whole body as application/sparql-query or "
                          "application/sparql-update); nothing was run")
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    try:
        body = (await read_body(request, limit)).decode("utf-8")
    except UnicodeDecodeError as exc:       # a LookupError is a 400; silently replacing bytes would change the query
        raise LookupError(f"the request body is not UTF-8 (byte {exc.start} is {exc.object[exc.start:exc.start + 1]!r})") from None
    if ctype == "application/sparql-query":
        return params, body, None
    if ctype == "application/sparql-update":
        return params, None, body
    if ctype == "application/x-www-form-urlencoded":
        for key, values in parse_qs(body, keep_blank_values=True).items():
            params.setdefault(key, []).extend(values)
        return params, _single(params, "query"), _single(params, "update")
    raise ValueError(f"unsupported Content-Type {ctype or '(none)'}: use application/sparql-query, "
                     "application/sparql-update or application/x-www-form-urlencoded")


def _single(params: dict[str, list[str]], name: str) -> str | None:
    values = params.get(name, [])
    if len(values) > 1:
        raise LookupError(f"{name}: given {len(values)} times; it takes one value")
    return values[0] if values else None


def _requested_format(params: dict[str, list[str]]) -> str | None:
    for name in ("format", "output", "results"):
        if params.get(name):
            return params[name][0]
    return None


def _unknown_format(params: dict[str, list[str]]) -> str | None:
    """Session 52: a `format` (`output`, `results`) value that names no format at all ("foo", "jsn") is refused
    naming the values it may take, where it fell back to Accept in silence as one that does not fit the query form
    does (a client that always sends one, as SPARQLWrapper does, sends a known name)."""
    name = next((n for n in ("format", "output", "results") if params.get(n)), None)
    if name is None:
        return None
    value = params[name][0].strip().lower()
    if value in _ALIASES or value.split(";")[0].strip() in {**SOLUTION_TYPES, **BOOLEAN_TYPES, **GRAPH_TYPES}:
        return None
    return f"{name}: {params[name][0]!r} names no format; one of {', '.join(_ALIASES)}, or a media type"


def _check_services(services: list[str | None], settings) -> str | None:
    if not services:
        return None
    if not settings.service_allow:
        return "SERVICE (federated query) is off on this server; its operator can allow named endpoints"
    for target in services:
        if target is None:
            return "SERVICE needs an endpoint IRI here: a variable endpoint cannot be checked against the allow-list"
        if target not in settings.service_allow:
            return f"SERVICE <{target}> is not on this server's allow-list"
    return None


_SPARQL_DOC = {"summary": "SPARQL 1.1 query and update endpoint",
               "description": "SPARQL 1.1 Protocol over the union of all graphs. Queries are limited in time, "
                              "rows and nesting; updates need the configured bearer token."}


@router.get("/sparql", **_SPARQL_DOC, openapi_extra=SPARQL_GET)       # a route per method: each its parameters
@router.post("/sparql", **_SPARQL_DOC, openapi_extra=SPARQL_POST)
async def sparql(request: Request) -> Response:
    settings = request.app.state.settings
    try:
        params, query, update = await _params(request, settings.max_body_bytes)
    except BodyTooLarge:
        return error_answer(request, 413, f"the request body is larger than {settings.max_body_bytes:,} bytes")
    except ValueError as exc:
        return error_answer(request, 415, str(exc))
    except LookupError as exc:
        return error_answer(request, 400, str(exc))
    if update is not None:
        if query is not None:
            return error_answer(request, 400, "query, update: a request carries one or the other, not both")
        if request.method != "POST":    # HEAD arrives here as GET (api/app.py)
            return error_answer(request, 400, "update: a SPARQL Update is accepted only by POST (SPARQL 1.1 Protocol §2.2): "
                                              "send it as the 'update' form field or as application/sparql-update; "
                                              "nothing was changed")
        return await _update(request, update)
    if query is None:
        if request.method == "GET" and _browser(request):
            return RedirectResponse("query", status_code=303, headers={"Vary": "Accept"})
        return service_description(request)
    return await _query(request, query, params)


def _browser(request: Request) -> bool:
    """A browser opening the endpoint wants the editor; HTML is offered last, so `*/*` still gets the description."""
    return best_match([*DESCRIPTION_TYPES, "text/html"], request.headers.get("accept")) == "text/html"


def _limits(settings) -> GuardLimits:
    return GuardLimits(max_depth=settings.max_query_depth, max_length=settings.max_body_bytes)


async def _query(request: Request, query: str, params: dict[str, list[str]]) -> Response:
    settings = request.app.state.settings
    try:
        shape = inspect_query(query, _limits(settings))
    except QueryError as exc:
        return error_answer(request, 400, f"query: {exc}")
    if shape.form == "update":
        return error_answer(request, 400, "query: this is a SPARQL Update; send it as the 'update' parameter or as "
                                          "application/sparql-update (it needs the server's update token)")
    bad_graph = _bad_graph_uri(params)
    if bad_graph:
        return error_answer(request, 400, bad_graph)
    refusal = _check_services(shape.services, settings)
    if refusal:
        return error_answer(request, 403, refusal)
    kind = {"construct": "graph", "describe": "graph", "ask": "boolean"}.get(shape.form, "solutions")
    unknown = _unknown_format(params)
    if unknown:
        return error_answer(request, 400, unknown)
    chosen = choose_format(kind, request.headers.get("accept"), _requested_format(params))
    if chosen is None:      # read first, over no data: a syntax error is the 400 it is, whatever the Accept
        checked = await _run(request, query, shape, _DEFAULT_FORMAT[kind], _NO_DATA)
        if isinstance(checked, Response):
            return checked
        checked.discard()
        return error_answer(request, 406, f"no format asked for ({_asked(request, params)}) writes {_RESULT_WORDS[kind]}; "
                                          f"offered: {', '.join(_table(kind))}")
    media, fmt = chosen
    graphs = {"default_graphs": params.get("default-graph-uri", []), "named_graphs": params.get("named-graph-uri", [])}
    result = await _run(request, query, shape, fmt, graphs)
    if isinstance(result, Response):
        return result
    headers = {"Vary": "Accept", "X-Row-Cap": str(settings.row_cap)}
    if result.truncated:
        headers["X-Result-Truncated"] = f"true; the result was cut at {settings.row_cap:,} rows"
    charset = "" if media.endswith("xml") else "; charset=utf-8"
    return result_response(result, media + charset, headers)


async def _run(request: Request, query: str, shape, fmt: str, graphs: dict) -> Serialized | Response:
    """The query's result in `fmt` over the dataset `graphs` names, in a worker under the endpoint's limits (a
    federated one under its own as well), or the error to answer."""
    settings = request.app.state.settings
    store = request.app.state.store
    timeout = min(settings.service_timeout, settings.query_timeout) if shape.services else None
    federated = request.app.state.federated_calls
    if shape.services and not federated.acquire(blocking=False):
        return error_answer(request, 503, "too many federated queries are running; try again shortly",
                            {"Retry-After": "5"})
    try:
        if hasattr(store, "query_serialized_async"):     # worker pools: the event loop waits on the worker's pipe
            return await store.query_serialized_async(query, fmt, timeout=timeout, **graphs)
        return await run_in_threadpool(lambda: store.query_serialized(query, fmt, timeout=timeout, **graphs))
    except StoreError as exc:
        return error_response(request, exc)
    finally:
        if shape.services:
            federated.release()


def _bad_graph_uri(params: dict) -> str | None:
    """What is wrong with a `default-graph-uri` or `named-graph-uri` that is no IRI, naming the parameter (the store
    said only 'bad graph IRI')."""
    for name in ("default-graph-uri", "named-graph-uri"):
        for value in params.get(name, []):
            try:
                ox.NamedNode(value)
            except ValueError as exc:
                return f"{name}: not an IRI: {value[:60]!r} ({exc})"
    return None


def result_response(result: Serialized, media: str, headers: dict[str, str]) -> Response:
    """A finished result: small ones at once, large ones streamed from their spool file (deleted afterwards)."""
    if result.data is not None:
        return Response(result.data, media_type=media, headers=headers)
    headers = {**headers, "Content-Length": str(result.size)}
    return StreamingResponse(result.chunks(), media_type=media, headers=headers,
                             background=BackgroundTask(result.discard))


async def _update(request: Request, update: str) -> Response:
    refusal = refuse_write(request)
    if refusal is not None:
        return refusal
    try:
        shape = inspect_query(update, _limits(request.app.state.settings))
    except QueryError as exc:
        return error_answer(request, 400, f"update: {exc}")
    if shape.services:
        return error_answer(request, 403, "SERVICE is not accepted inside an update")
    if shape.loads:
        return error_answer(request, 400, "update: LOAD is refused; the server fetches nothing from the network and reads "
                                          "no files at a client's request; load a file into the store with "
                                          "`frus-kg load FILE` (docs/cli.md)")
    try:
        await run_in_threadpool(request.app.state.store.update, update)
    except StoreError as exc:
        return error_response(request, exc)
    return Response(status_code=204)
