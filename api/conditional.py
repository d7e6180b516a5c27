"""Conditional GET: an ETag on every whole answer, and `304 Not Modified` when the client already holds it.

A GET's answer (a page, an /id/ description, a list, an export, a SPARQL result written at once) is tagged
with a digest of its bytes, so a cache or a harvester that revalidates (`If-None-Match`) gets an empty 304
while the data is unchanged, and the new bytes after an ingest. The digest of the bytes, and not a version of
the store, because an answer also depends on its Accept, its parameters and the names an authority reload
changes: the bytes are what the client holds. The answer is still made; what is saved is sending it again.
Answers sent in parts (a streamed SPARQL result, a static file, which has its own ETag) pass untouched.
HEAD is handled here too, though only GET is tested for: api/app.py's `_HeadAsGet`, outermost, hands a HEAD
on as a GET and drops the body after, so a HEAD gets GET's ETag and its 304.
"""
from __future__ import annotations

import hashlib

__all__ = ["ConditionalGetMiddleware", "etag_matches"]

_NOT_IN_304 = {b"content-length", b"content-type"}


def etag_matches(if_none_match: str, etag: str) -> bool:
    """RFC 9110 §13.1.2: `*` or any listed tag, compared weakly (a `W/` prefix aside)."""
    listed = [tag.strip().removeprefix("W/") for tag in if_none_match.split(",")]
    return "*" in listed or etag.removeprefix("W/") in listed


class ConditionalGetMiddleware:
    """ASGI middleware: holds a GET's `200` start until its body shows whether it comes whole."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope["method"] != "GET":
            return await self.app(scope, receive, send)
        asked = _header(scope["headers"], b"if-none-match")
        held = []

        async def tagged(message):
            if message["type"] == "http.response.start" and message["status"] == 200 \
                    and _header(message.get("headers", []), b"etag") is None:
                held.append(message)
                return
            if not held:
                return await send(message)
            start = held.pop()
            if message["type"] != "http.response.body" or message.get("more_body", False):
                await send(start)
                return await send(message)
            etag = '"' + hashlib.blake2b(message.get("body", b""), digest_size=16).hexdigest() + '"'
            headers = [*start.get("headers", []), (b"etag", etag.encode("ascii"))]
            if asked is not None and etag_matches(asked, etag):
                kept = [(name, value) for name, value in headers if name.lower() not in _NOT_IN_304]
                await send({"type": "http.response.start", "status": 304, "headers": kept})
                return await send({"type": "http.response.body", "body": b"", "more_body": False})
            await send({**start, "headers": headers})
            await send(message)

        await self.app(scope, receive, tagged)


def _header(headers, name: bytes) -> str | None:
    return next((value.decode("latin-1") for key, value in headers if key.lower() == name), None)
