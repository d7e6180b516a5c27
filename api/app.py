"""The FastAPI application: built from a store and settings, so tests and the CLI choose what it serves."""
from __future__ import annotations

import re
import threading
import warnings
from contextlib import asynccontextmanager

from fastapi import Depends, FastAPI, Request
from fastapi.middleware.cors import CORSMiddleware
from fastapi.openapi.docs import get_redoc_html, get_swagger_ui_html
from fastapi.responses import HTMLResponse
from fastapi.staticfiles import StaticFiles
from starlette.datastructures import MutableHeaders

from graph import Store, StoreError

from . import graph_store, linksets, lookup, page_routes, reconcile, search, service_description, sparql
from .conditional import ConditionalGetMiddleware
from .errors import error_response, install_error_handlers
from .known_params import declared_only
from .pages import STATIC
from .query_params import one_value_each
from .rate_limit import RateLimitMiddleware
from .network import router as network_router
from .resources import iri_router, router as resources_router
from .settings import Settings

__all__ = ["create_app", "SECURITY_HEADERS", "CONTENT_SECURITY_POLICY"]

CONTENT_SECURITY_POLICY = ("default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
                           "img-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; "
                           "frame-ancestors 'none'; base-uri 'self'; form-action 'self'")
SECURITY_HEADERS = {"X-Content-Type-Options": "nosniff", "Referrer-Policy": "strict-origin-when-cross-origin"}
_SECURITY_RAW = [(k.lower().encode("latin-1"), v.encode("latin-1")) for k, v in SECURITY_HEADERS.items()]
_SECURITY_NAMES = {name for name, _ in _SECURITY_RAW}


def create_app(store: Store, settings: Settings | None = None, *, cors: bool | None = None,
               title: str = "frus-kg", owns_store: bool = False) -> FastAPI:
    """`owns_store`: close the store (and so stop its query workers) when the server shuts down."""
    settings = settings or Settings()
    if cors is not None:
        settings = Settings(**{**settings.__dict__, "cors": cors})

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        if owns_store:
            store.close()

    app = FastAPI(title=title, description="Linked-data knowledge graph of Foreign Relations of the United States.",
                  version="0.1.0", docs_url=None, redoc_url=None, lifespan=lifespan,
                  dependencies=[Depends(one_value_each)])
    app.state.store = store
    app.state.settings = settings
    app.state.federated_calls = threading.BoundedSemaphore(settings.service_concurrency)
    install_error_handlers(app)
    app.add_middleware(_SparqlFastPath)      # innermost: CORS, rate limit and headers still wrap /sparql
    app.add_middleware(ConditionalGetMiddleware)     # an ETag on whole answers, /sparql's included
    if settings.rate_limit:                  # inside CORS and the security headers: a 429 carries them too
        app.add_middleware(RateLimitMiddleware, rate=settings.rate_limit)
    if settings.cors:
        # Read-only by construction: no Authorization header and no write method passes a preflight,
        # so a page on another origin can read the data but never send the update token.
        app.add_middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["GET", "HEAD", "POST"],
                           allow_headers=["Accept", "Content-Type", "Accept-Language"], allow_credentials=False,
                           expose_headers=EXPOSED_HEADERS)

    app.add_middleware(_SecurityHeaders)
    app.add_middleware(_HeadAsGet)          # outermost: every GET route answers HEAD (RFC 9110 §9.3.2)

    app.include_router(sparql.router)
    app.include_router(graph_store.router)
    app.include_router(page_routes.router)
    app.include_router(reconcile.router)
    strict = [Depends(declared_only)]       # a parameter the route does not read is a 400 (api/known_params.py)
    for router in (service_description.router, linksets.router, lookup.router, resources_router, search.router,
                   network_router, iri_router):
        app.include_router(router, dependencies=strict)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    _offline_docs(app)
    _one_id_per_operation(app)
    return app


class _SparqlFastPath:
    """GET and POST /sparql go straight to their handler, skipping the router, FastAPI's dependency solving and
    the exception middleware: a third of the server's CPU for a small lookup (py-spy). The route stays declared
    for the OpenAPI description; the handler turns every error into a response itself."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] == "http" and scope["path"] == "/sparql" and scope["method"] in ("GET", "POST"):
            request = Request(scope, receive)
            try:
                response = await sparql.sparql(request)
            except StoreError as exc:
                response = error_response(request, exc)
            return await response(scope, receive, send)
        return await self.app(scope, receive, send)


# What a script on another origin may read besides the CORS-safelisted headers: the endpoint's signals of a cut or
# partial answer, and the links of a paged list.
EXPOSED_HEADERS = ["X-Result-Truncated", "X-Row-Cap", "X-Coverage-Warning", "X-Network-Source", "Link",
                   "Content-Location", "Location"]


class _HeadAsGet:
    """HEAD is answered as GET without the body, with GET's headers (Content-Length included): FastAPI routes
    declare GET only, and a 405 to HEAD breaks link checkers and caches."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] != "HEAD":
            return await self.app(scope, receive, send)

        async def send_headers_only(message):
            if message["type"] == "http.response.body":
                if not message.get("more_body", False):
                    await send({"type": "http.response.body", "body": b"", "more_body": False})
                return
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, send_headers_only)


class _SecurityHeaders:
    """Adds SECURITY_HEADERS to every answer, the CSP to HTML ones, and keeps CORS off HTML (plain ASGI)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                raw = message.setdefault("headers", [])
                if any(name.lower() == b"content-type" and value.startswith(b"text/html") for name, value in raw):
                    headers = MutableHeaders(scope=message)
                    headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
                    for name in [n for n in headers.keys() if n.startswith("access-control-")]:
                        del headers[name]       # CORS is for the data: pages are not for other origins' scripts
                message["headers"] = [(n, v) for n, v in message["headers"]
                                      if n.lower() not in _SECURITY_NAMES] + _SECURITY_RAW
            await send(message)

        await self.app(scope, receive, send_with_headers)


_METHOD_SUFFIX = re.compile(r"_(get|put|post|delete|patch|options|head|trace)$")


def _one_id_per_operation(app: FastAPI) -> None:
    """FastAPI names every method of a route after its first (GET /sparql was `sparql_sparql_post`, as POST):
    OpenAPI wants each operation's id unique, and client generators and the anchors of /docs rely on it."""
    generate = app.openapi

    def described() -> dict:
        with warnings.catch_warnings():     # FastAPI's warning of the ids renamed below
            warnings.filterwarnings("ignore", "Duplicate Operation ID")
            schema = generate()
        for operations in schema.get("paths", {}).values():
            for method, operation in operations.items():
                if "operationId" in operation:
                    operation["operationId"] = _METHOD_SUFFIX.sub(f"_{method}", operation["operationId"])
        return schema

    app.openapi = described


def _offline_docs(app: FastAPI) -> None:
    """/docs and /redoc from vendored assets: they work with no network, and load nothing from another host."""
    vendor = "/static/vendor"

    @app.get("/docs", include_in_schema=False)
    def swagger() -> HTMLResponse:
        return _in_english(get_swagger_ui_html(openapi_url=app.openapi_url, title=f"{app.title}: API",
                                   swagger_js_url=f"{vendor}/swagger-ui/swagger-ui-bundle.js",
                                   swagger_css_url=f"{vendor}/swagger-ui/swagger-ui.css",
                                   swagger_favicon_url=f"{vendor}/swagger-ui/favicon-32x32.png"))

    @app.get("/redoc", include_in_schema=False)
    def redoc() -> HTMLResponse:
        return _in_english(get_redoc_html(openapi_url=app.openapi_url, title=f"{app.title}: API reference",
                              redoc_js_url=f"{vendor}/redoc/redoc.standalone.js",
                              redoc_favicon_url=f"{vendor}/swagger-ui/favicon-32x32.png", with_google_fonts=False))


def _in_english(page: HTMLResponse) -> HTMLResponse:
    """FastAPI's documentation pages say no language; screen readers need it (WCAG 3.1.1)."""
    body = page.body.replace(b"<html>", b'<html lang="en">', 1)
    return HTMLResponse(body, status_code=page.status_code)
