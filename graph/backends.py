"""Which store a location names: a folder (embedded Oxigraph) or a `sparql+http(s)://` URL (a SPARQL 1.1 server).

`--store` and `$FRUS_KG_STORE` take either; every command opens its store here, so a user swaps the engine
by configuration alone. Readers that serve queries (`frus-kg serve`, `frus-kg query`) open an embedded store
through killable worker processes (graph.IsolatedStore); a remote store needs none: the server runs the
queries, and the client's time limit abandons a query that runs too long.
"""
from __future__ import annotations

import dataclasses
import os

from .query_pool import IsolatedStore, PoolSettings
from .remote_settings import is_remote, remote_settings
from .remote_store import RemoteStore
from .store import DEFAULT_STORE, OxigraphStore, StoreOptions
from .store import open_store as _open_folder

__all__ = ["store_location", "open_store", "open_reader", "is_remote"]


def store_location(explicit: str | os.PathLike | None = None) -> str:
    """--store, else $FRUS_KG_STORE, else ./data/store: a folder or a store URL, as text."""
    return str(explicit or os.environ.get("FRUS_KG_STORE") or DEFAULT_STORE)


def open_store(location: str | os.PathLike | None = None, *, read_only: bool = False,
               options: StoreOptions = StoreOptions()) -> OxigraphStore | RemoteStore:
    """The store at `location` (see store_location), embedded or remote, configured by `options`."""
    where = store_location(location)
    if is_remote(where):
        return RemoteStore(remote_settings(where), read_only=read_only, options=options)
    return _open_folder(where, read_only=read_only, options=options)


def open_reader(location: str | os.PathLike | None, settings: PoolSettings) -> IsolatedStore | RemoteStore:
    """A store for serving queries under `settings`' time limit and row cap."""
    where = store_location(location)
    if is_remote(where):
        remote = remote_settings(where)
        if settings.timeout:
            remote = dataclasses.replace(remote, timeout=settings.timeout)
        return RemoteStore(remote, read_only=False, row_cap=settings.row_cap)
    return IsolatedStore(where, settings)
