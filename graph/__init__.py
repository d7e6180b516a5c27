"""The store (embedded Oxigraph by default) and, later, the network analysis of actors."""
from __future__ import annotations

from . import sparql_terms
from .errors import QueryError, StoreError, StoreLocked
from .search_index import SearchIndex, SearchIndexMissing, SearchQueryError, parse_query, search_index_path
from .store import DEFAULT_STORE, OxigraphStore, QueryResult, Store, open_store, store_path

__all__ = [
    "DEFAULT_STORE", "OxigraphStore", "QueryError", "QueryResult", "Store", "StoreError", "StoreLocked",
    "open_store", "sparql_terms", "store_path",
    "SearchIndex", "SearchIndexMissing", "SearchQueryError", "parse_query", "search_index_path",
]
