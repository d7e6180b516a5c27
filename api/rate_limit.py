"""Per-client rate limiting: a token bucket per client IP, off unless configured (`--rate-limit`).

Why a bucket per IP and not a global one: one client looping over `/sparql` must not starve the others,
and a public endpoint has no accounts to key on. Why off by default: a deployment behind a proxy sees one
IP for everyone (the proxy's), so the limit must be a deliberate choice there (or done by the proxy).

A client may send `rate` requests per second on average and a burst of `burst` (default: one second's worth,
at least one). Past that it gets `429 Too Many Requests` with `Retry-After` (whole seconds until a request
would pass), in the API's error shape (api/errors.py). Static assets (`/static/…`) are not counted: a page
load fetches several of them.
"""
from __future__ import annotations

import math
import time
from collections import OrderedDict

from starlette.requests import Request

from .errors import error_answer

__all__ = ["RateLimitMiddleware", "TokenBuckets"]


class TokenBuckets:
    """Buckets keyed by client; at most `max_clients` are remembered (the least recently seen are dropped,
    which only forgives them: a dropped bucket comes back full)."""

    def __init__(self, rate: float, burst: float | None = None, max_clients: int = 10_000, clock=time.monotonic):
        if rate <= 0:
            raise ValueError(f"rate must be positive, not {rate}")
        self.rate = rate
        self.burst = max(1.0, float(burst if burst is not None else rate))
        self.max_clients = max_clients
        self.clock = clock
        self._buckets: OrderedDict[str, tuple[float, float]] = OrderedDict()   # client -> (tokens, when)

    def take(self, client: str) -> float:
        """0.0 if the request may pass (a token is taken), else the seconds until one would."""
        now = self.clock()
        tokens, then = self._buckets.pop(client, (self.burst, now))
        tokens = min(self.burst, tokens + (now - then) * self.rate)
        wait = 0.0
        if tokens >= 1.0:
            tokens -= 1.0
        else:
            wait = (1.0 - tokens) / self.rate
        self._buckets[client] = (tokens, now)
        while len(self._buckets) > self.max_clients:
            self._buckets.popitem(last=False)
        return wait


class RateLimitMiddleware:
    """ASGI middleware: HTTP requests over a client's budget get 429 before any route runs."""

    def __init__(self, app, rate: float, burst: float | None = None, exempt: tuple[str, ...] = ("/static/",)):
        self.app = app
        self.buckets = TokenBuckets(rate, burst)
        self.exempt = exempt

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http" or scope.get("path", "").startswith(self.exempt):
            return await self.app(scope, receive, send)
        client = (scope.get("client") or ("unknown", 0))[0]
        wait = self.buckets.take(client)
        if not wait:
            return await self.app(scope, receive, send)
        retry = max(1, math.ceil(wait))
        refusal = error_answer(Request(scope), 429, f"rate limit: at most {self.buckets.rate:g} requests per second "
                                                    f"per client; retry after {retry} s", {"Retry-After": str(retry)})
        await refusal(scope, receive, send)
