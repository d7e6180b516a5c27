"""The store's exception hierarchy."""
from __future__ import annotations

__all__ = ["StoreError", "StoreLocked", "QueryError"]


class StoreError(Exception):
    """The store cannot be opened, read or written."""


class StoreLocked(StoreError):
    """Another process holds the store's write lock."""


class QueryError(StoreError):
    """A SPARQL query or update is malformed or failed."""
