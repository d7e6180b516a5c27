"""Where a remote SPARQL 1.1 store is and how to talk to it, read from a `sparql+http(s)://` URL and the environment.

A URL is the whole configuration, so `--store` and `$FRUS_KG_STORE` name a remote store the way they name a
folder. The endpoints default to the Oxigraph server's layout under the URL's path (`/query`, `/update`,
`/store`); a server that names them otherwise (Virtuoso: `/sparql` and `/sparql-graph-crud-auth`) gets them
as query parameters, relative to the URL's path or absolute, or by environment variables:

    sparql+http://127.0.0.1:7878                                   (Oxigraph server)
    sparql+https://host/kg?query=sparql&update=sparql&store=sparql-graph-crud-auth&timeout=120

Credentials come from the environment, not the URL (a URL ends up in logs and error messages):
`FRUS_KG_SPARQL_TOKEN` (bearer) or `FRUS_KG_SPARQL_USER` and `FRUS_KG_SPARQL_PASSWORD` (basic).
"""
from __future__ import annotations

import hashlib
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Mapping
from urllib.parse import parse_qs, urljoin, urlsplit, urlunsplit

from .errors import StoreError

__all__ = ["RemoteSettings", "SCHEMES", "is_remote", "remote_settings", "DEFAULT_STATE"]

SCHEMES = ("sparql+http://", "sparql+https://")
DEFAULT_STATE = "data/state"
_ENDPOINTS = {"query": "FRUS_KG_SPARQL_QUERY_URL", "update": "FRUS_KG_SPARQL_UPDATE_URL",
              "store": "FRUS_KG_SPARQL_STORE_URL"}
_NUMBERS = {"timeout": ("FRUS_KG_SPARQL_TIMEOUT", 60.0), "retries": ("FRUS_KG_SPARQL_RETRIES", 3),
            "batch": ("FRUS_KG_SPARQL_BATCH_BYTES", 8 << 20)}


@dataclass(frozen=True)
class RemoteSettings:
    """`url` is the store URL as given, for messages; `state` the local folder of the ledger and search index.

    `timeout`: seconds a request may take (a query past it is a QueryTimeout); `retries`: further tries of a
    request the server did not answer (connection refused, reset, 502/503/504), `backoff` seconds apart,
    doubling; `batch`: bytes of RDF per write request (one document graph is never split); `write`: `update`
    (batched INSERT DATA) or `gsp` (a Graph Store PUT/POST per graph)."""
    url: str
    query_url: str
    update_url: str
    store_url: str
    state: Path
    timeout: float = 60.0
    retries: int = 3
    backoff: float = 0.5
    batch: int = 8 << 20
    write: str = "update"
    user: str | None = None
    password: str | None = None
    token: str | None = None


def is_remote(location: object) -> bool:
    return isinstance(location, str) and location.startswith(SCHEMES)


def _number(name: str, given: Mapping[str, list[str]], env: Mapping[str, str], url: str):
    variable, default = _NUMBERS[name]
    raw = (given.get(name) or [None])[0] or env.get(variable)
    if raw is None:
        return default
    try:
        value = type(default)(raw)
    except ValueError:
        raise StoreError(f"{url}: {name} must be a number, not {raw!r}") from None
    if value < 0:
        raise StoreError(f"{url}: {name} must not be negative")
    return value


def _state_folder(url: str, base: str, given: Mapping[str, list[str]], env: Mapping[str, str]) -> Path:
    """`?state=DIR`, else $FRUS_KG_STATE/<server>, else data/state/<server>: one folder per server and path."""
    if given.get("state"):
        return Path(given["state"][0])
    parts = urlsplit(base)
    slug = re.sub(r"[^A-Za-z0-9.-]+", "_", f"{parts.hostname}_{parts.port or ''}{parts.path}").strip("_")
    return Path(env.get("FRUS_KG_STATE") or DEFAULT_STATE) / f"{slug}-{hashlib.sha256(base.encode()).hexdigest()[:8]}"


def remote_settings(url: str, env: Mapping[str, str] | None = None) -> RemoteSettings:
    """Read a `sparql+http(s)://` URL (and the FRUS_KG_SPARQL_QUERY_URL... variables, which win over its parameters)."""
    env = os.environ if env is None else env
    if not is_remote(url):
        raise StoreError(f"{url}: not a remote store URL (it starts with {' or '.join(SCHEMES)})")
    parts = urlsplit(url[len("sparql+"):])
    if parts.username or parts.password:
        raise StoreError(f"{parts.hostname}: put credentials in FRUS_KG_SPARQL_USER/PASSWORD or "
                         "FRUS_KG_SPARQL_TOKEN, not in the store URL")
    if not parts.hostname:
        raise StoreError(f"{url}: no host in the store URL")
    given = parse_qs(parts.query)
    base = urlunsplit((parts.scheme, parts.netloc, parts.path.rstrip("/") + "/", "", ""))
    shown = urlunsplit(("sparql+" + parts.scheme, parts.netloc, parts.path, "", ""))
    endpoints = {name: env.get(var) or urljoin(base, (given.get(name) or [name])[0]) for name, var in _ENDPOINTS.items()}
    write = (given.get("write") or [None])[0] or env.get("FRUS_KG_SPARQL_WRITE") or "update"
    if write not in ("update", "gsp"):
        raise StoreError(f"{shown}: write must be `update` or `gsp`, not {write!r}")
    return RemoteSettings(
        write=write, url=shown, query_url=endpoints["query"], update_url=endpoints["update"], store_url=endpoints["store"],
        state=_state_folder(url, base, given, env), timeout=_number("timeout", given, env, shown),
        retries=_number("retries", given, env, shown), batch=_number("batch", given, env, shown),
        user=env.get("FRUS_KG_SPARQL_USER"), password=env.get("FRUS_KG_SPARQL_PASSWORD"),
        token=env.get("FRUS_KG_SPARQL_TOKEN"))
