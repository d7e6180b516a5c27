"""The SPARQL 1.1 Protocol endpoint (query operation): GET, POST form, POST application/sparql-query.

https://www.w3.org/TR/sparql11-protocol/#query-operation. Results are negotiated from Accept
(or the non-standard `format` parameter, handy in a browser): SELECT/ASK as SPARQL JSON, XML,
CSV or TSV; CONSTRUCT/DESCRIBE as Turtle, N-Triples, RDF/XML or JSON-LD. Updates are refused:
this endpoint is read-only by design.
"""
from __future__ import annotations

from urllib.parse import parse_qs

from fastapi import APIRouter, Request
from fastapi.concurrency import run_in_threadpool
from fastapi.responses import PlainTextResponse, Response

from graph import QueryError, Store

__all__ = ["router", "SOLUTION_TYPES", "GRAPH_TYPES", "negotiate"]

SOLUTION_TYPES = {
    "application/sparql-results+json": "json",
    "application/json": "json",
    "application/sparql-results+xml": "xml",
    "application/xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
GRAPH_TYPES = {
    "text/turtle": "turtle",
    "application/n-triples": "ntriples",
    "application/rdf+xml": "rdfxml",
    "application/ld+json": "jsonld",
    "application/n-quads": "nquads",
    "application/trig": "trig",
}
_SHORT = {"json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
          "csv": "text/csv", "tsv": "text/tab-separated-values", "turtle": "text/turtle", "ttl": "text/turtle",
          "nt": "application/n-triples", "ntriples": "application/n-triples", "jsonld": "application/ld+json",
          "rdfxml": "application/rdf+xml"}

router = APIRouter()


def _accepted(accept: str) -> list[str]:
    """Media types of an Accept header, best first (q-values honoured, order kept on ties)."""
    ranked = []
    for i, part in enumerate(accept.split(",")):
        fields = [f.strip() for f in part.split(";")]
        if not fields[0]:
            continue
        q = 1.0
        for f in fields[1:]:
            if f.startswith("q="):
                try:
                    q = float(f[2:])
                except ValueError:
                    q = 0.0
        if q > 0:
            ranked.append((-q, i, fields[0].lower()))
    return [m for _, _, m in sorted(ranked)]


def negotiate(kind: str, accept: str, fmt: str | None) -> tuple[str, str] | None:
    """(media type, serializer name) for a result kind, or None when nothing acceptable is offered."""
    table = GRAPH_TYPES if kind == "graph" else SOLUTION_TYPES
    if fmt:
        media = _SHORT.get(fmt.lower(), fmt.lower())
        return (media, table[media]) if media in table else None
    wanted = _accepted(accept or "*/*") or ["*/*"]
    for media in wanted:
        if media in table:
            return media, table[media]
        if media in ("*/*", "application/*", "text/*"):
            default = "text/turtle" if kind == "graph" else "application/sparql-results+json"
            if media == "*/*" or default.startswith(media[:-1]):
                return default, table[default]
        if kind != "graph" and media in ("text/plain", "text/html"):
            return "application/sparql-results+json", "json"
        if kind == "graph" and media in ("text/plain", "text/html"):
            return "text/turtle", "turtle"
    return None


async def _params(request: Request) -> tuple[str | None, dict[str, list[str]]]:
    params = parse_qs(request.url.query, keep_blank_values=True)
    if request.method == "POST":
        ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
        body = (await request.body()).decode("utf-8", errors="replace")
        if ctype == "application/sparql-query":
            return body, params
        if ctype == "application/x-www-form-urlencoded":
            for k, v in parse_qs(body, keep_blank_values=True).items():
                params.setdefault(k, []).extend(v)
        elif ctype == "application/sparql-update":
            return None, {"update": [body]}
        else:
            return None, {"_bad_type": [ctype or "(none)"]}
    queries = params.get("query", [])
    if len(queries) > 1:
        return None, {"_many": ["query"]}
    return (queries[0] if queries else None), params


def _error(status: int, message: str) -> PlainTextResponse:
    return PlainTextResponse(message + "\n", status_code=status)


@router.api_route("/sparql", methods=["GET", "POST"], summary="SPARQL 1.1 query endpoint",
                  description="SPARQL 1.1 Protocol query operation over the whole graph (union default graph).")
async def sparql(request: Request) -> Response:
    store: Store = request.app.state.store
    query, params = await _params(request)
    if "_bad_type" in params:
        return _error(415, f"unsupported Content-Type {params['_bad_type'][0]}: use application/sparql-query "
                           "or application/x-www-form-urlencoded")
    if "_many" in params:
        return _error(400, "more than one 'query' parameter")
    if "update" in params:
        return _error(403, "this endpoint is read-only: SPARQL Update is not accepted")
    if query is None:
        return Response(request.app.state.service_description(str(request.url).split("?")[0]),
                        media_type="text/turtle")
    accept = request.headers.get("accept", "*/*")
    fmt_param = (params.get("format") or [None])[0]

    def run() -> Response | tuple[bytes, str]:
        try:
            result = store.query(query, default_graphs=params.get("default-graph-uri", []),
                                 named_graphs=params.get("named-graph-uri", []))
        except QueryError as exc:
            return _error(400, str(exc))
        kind = "graph" if result.kind == "graph" else "solutions"
        chosen = negotiate(kind, accept, fmt_param)
        if chosen is None:
            offered = ", ".join(GRAPH_TYPES if kind == "graph" else SOLUTION_TYPES)
            return _error(406, f"no acceptable format for this result; offered: {offered}")
        try:
            return result.serialize(chosen[1]), chosen[0]
        except (OSError, ValueError) as exc:
            return _error(500, f"query failed while producing results: {exc}")

    outcome = await run_in_threadpool(run)
    if isinstance(outcome, Response):
        return outcome
    body, media = outcome
    charset = "; charset=utf-8" if not media.endswith("xml") else ""
    return Response(body, media_type=media + charset, headers={"Vary": "Accept"})
