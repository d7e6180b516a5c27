"""One table from the store's errors to HTTP answers, used by every route through FastAPI's handlers.

The client's mistakes are 4xx with the reason; our faults are 5xx with a message that names no file,
path or stack (the detail goes to the server's log instead).
"""
from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.responses import PlainTextResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from graph import EngineBusy, EngineCrashed, QueryError, QueryTimeout, StoreError, StoreLocked

__all__ = ["STATUS", "status_of", "error_response", "install_error_handlers"]

log = logging.getLogger("frus_kg.api")

STATUS: list[tuple[type[Exception], int, str | None]] = [
    (QueryError, 400, None),
    (QueryTimeout, 503, None),
    (EngineBusy, 503, None),
    (EngineCrashed, 500, None),
    (StoreLocked, 503, "the store is being written by another process; try again shortly"),
    (StoreError, 500, "the store could not be read; the error has been logged"),
]


def status_of(exc: Exception) -> tuple[int, str]:
    """(status, public message) for a store error: the first row of STATUS that the error is an instance of."""
    for kind, status, public in STATUS:
        if isinstance(exc, kind):
            return status, public or str(exc)
    return 500, "internal error; it has been logged"


def error_response(exc: Exception) -> PlainTextResponse:
    status, message = status_of(exc)
    if status >= 500:
        log.error("%s: %s", type(exc).__name__, exc)
    headers = {"Retry-After": "5"} if isinstance(exc, (EngineBusy, StoreLocked)) else None
    return PlainTextResponse(message + "\n", status_code=status, headers=headers)


def install_error_handlers(app: FastAPI) -> None:
    async def handle(request: Request, exc: Exception) -> PlainTextResponse:
        return error_response(exc)

    async def not_found(request: Request, exc: StarletteHTTPException) -> Response:
        """A browser that asks for a path naming nothing gets the site's 404 page, with its navigation; scripts
        keep FastAPI's JSON."""
        from .pages import render_html, wants_html
        if exc.status_code == 404 and wants_html(request):
            return render_html(request, "not_found.html", {"message": str(exc.detail) if exc.detail != "Not Found"
                                                          else f"Nothing is found at {request.url.path}."},
                               status_code=404)
        return await http_exception_handler(request, exc)

    app.add_exception_handler(StoreError, handle)
    app.add_exception_handler(StarletteHTTPException, not_found)
