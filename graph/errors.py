"""The graph package's exception hierarchy: what the client got wrong, and what went wrong on our side.

`GraphError` is the root. `QueryError` and `QueryRefused` are the client's (HTTP 400); every other
`StoreError` is ours or the engine's (HTTP 5xx), so a disk fault never looks like a malformed query.
The errors of what a user asks to build (networks, datasets, linksets) are `GraphError`s that are not
`StoreError`s (and, as before, `ValueError`s).
"""
from __future__ import annotations

__all__ = ["GraphError", "StoreError", "StoreLocked", "QueryError", "QueryRefused", "QueryTimeout", "EngineCrashed",
           "EngineBusy"]


class GraphError(Exception):
    """Base class of the graph package's errors."""


class StoreError(GraphError):
    """The store cannot be opened, read or written."""


class StoreLocked(StoreError):
    """Another process holds the store's write lock."""


class QueryError(StoreError):
    """A SPARQL query or update is malformed or failed."""


class QueryRefused(QueryError):
    """The query breaks a limit of this service (nesting, length, operators, SERVICE, updates)."""


class QueryTimeout(StoreError):
    """The query ran past its time limit; its worker was stopped and its memory freed."""


class EngineCrashed(StoreError):
    """The query engine died while running the query (a native crash); a new one has been started."""


class EngineBusy(StoreError):
    """Every query worker stayed busy for as long as a request may wait."""
