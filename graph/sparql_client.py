"""HTTP to a SPARQL 1.1 server: authentication, time limits, retries with backoff, and errors that name the URL.

A request the server never answered (connection refused or reset, a 502/503/504 from a proxy or a server
starting) is tried again, `backoff` seconds later and doubling. Writes are retried only when they are
idempotent: every write the store itself makes is (replacing a graph, inserting into a fresh graph, dropping);
a user's SPARQL Update is retried only when it cannot have reached the server (the connection was refused).
A query that outlives the time limit is a QueryTimeout and is not tried again. A deadlock the server reports
(Virtuoso: a 500 with SQL state 40001) is tried again too, for idempotent requests.
"""
from __future__ import annotations

import time

import httpx

from .errors import QueryTimeout, RemoteQueryError, StoreError
from .remote_settings import RemoteSettings

__all__ = ["SparqlClient", "RemoteStoreError", "ServerUnreachable"]

_RETRY_STATUS = {502, 503, 504}


class RemoteStoreError(StoreError):
    """The SPARQL server refused or failed a request (the message names its URL)."""


class ServerUnreachable(RemoteStoreError):
    """The SPARQL server did not answer, after every retry."""


class SparqlClient:
    """One keep-alive connection pool to the server; safe to share between threads."""

    def __init__(self, settings: RemoteSettings):
        self.settings = settings
        auth = None
        headers = {"User-Agent": "frus-kg"}
        if settings.token:
            headers["Authorization"] = f"Bearer {settings.token}"
        elif settings.user is not None:
            auth = httpx.BasicAuth(settings.user, settings.password or "")
        self._http = httpx.Client(auth=auth, headers=headers, timeout=httpx.Timeout(settings.timeout, connect=10.0))

    def request(self, method: str, url: str, *, idempotent: bool, timeout: float | None = None,
                missing_ok: bool = False, **kwargs) -> httpx.Response:
        """Send, retrying what the server did not answer; raises for every status but 2xx (and 404 if
        `missing_ok`: a Graph Store read of a graph that is not there)."""
        s = self.settings
        wait, last = s.backoff, ""
        for attempt in range(s.retries + 1):
            try:
                response = self._http.request(method, url, timeout=timeout or s.timeout, **kwargs)
            except httpx.TimeoutException as exc:
                if isinstance(exc, httpx.ReadTimeout) and method == "POST" and "query" in kwargs.get("data", {}):
                    late = QueryTimeout(f"{url}: no answer within {timeout or s.timeout:g} s; the query was abandoned")
                    late.public = f"the SPARQL server gave no answer within {timeout or s.timeout:g} s; the query was " \
                                  "abandoned"
                    raise late from None
                last = f"timed out ({type(exc).__name__})"
                if not idempotent and not isinstance(exc, httpx.ConnectTimeout):
                    break
            except httpx.TransportError as exc:
                last = str(exc) or type(exc).__name__
                if not idempotent and not isinstance(exc, httpx.ConnectError):
                    break
            else:
                if not _transient(response, idempotent):
                    return _checked(response, url, missing_ok)
                last = f"HTTP {response.status_code}"
            if attempt < s.retries:
                time.sleep(wait)
                wait *= 2
        raise ServerUnreachable(f"{s.url}: the SPARQL server at {url} did not answer ({last}) after "
                                f"{s.retries + 1} tries; is it running? Nothing was lost: rerun the same command "
                                f"once it is up")

    def close(self) -> None:
        self._http.close()


def _transient(response: httpx.Response, idempotent: bool) -> bool:
    """A status worth another try: a proxy or a starting server (502/503/504), or, for an idempotent request, a
    transaction the server gave up on (Virtuoso answers a deadlock, SR172 / SQL state 40001, with a 500)."""
    if response.status_code in _RETRY_STATUS:
        return True
    return idempotent and response.status_code == 500 and ("40001" in response.text or "SR172" in response.text)


def _checked(response: httpx.Response, url: str, missing_ok: bool) -> httpx.Response:
    code = response.status_code
    if code < 300 or (code == 404 and missing_ok):
        return response
    text = response.text.strip()[:500]
    if code in (401, 403):
        raise RemoteStoreError(f"{url}: the server refused the credentials (HTTP {code}); set FRUS_KG_SPARQL_TOKEN "
                               f"or FRUS_KG_SPARQL_USER and FRUS_KG_SPARQL_PASSWORD: {text}")
    if code == 400:
        report = " ".join(text.split())
        raise RemoteQueryError(f"{url}: the server rejected the request: {report}",
                               public=f"the SPARQL server rejected the request: {report}")
    if code == 404:
        raise RemoteStoreError(f"{url}: no such endpoint on the server (HTTP 404); check the store URL's "
                               f"query/update/store endpoints")
    raise RemoteStoreError(f"{url}: the server answered HTTP {code}: {text}")
