"""The store (embedded Oxigraph by default) and, later, the network analysis of actors."""
from __future__ import annotations

from . import sparql_terms
from .errors import (EngineBusy, GraphError, EngineCrashed, QueryError, QueryRefused, QueryTimeout, RemoteQueryError,
                     SparqlSyntaxError, StoreError, StoreLocked)
from .query_pool import IsolatedStore, PoolSettings
from .result_writer import Serialized, Written, write_result
from .sparql_guard import GuardLimits, QueryShape, inspect_query
from .search_index import SearchIndex, SearchIndexMissing, SearchQueryError, parse_query, search_index_path
from .statistics import StatisticsReport, has_statistics, refresh_statistics
from .store import DEFAULT_STORE, OxigraphStore, QueryResult, Store, StoreOptions, store_path
from .backends import is_remote, open_reader, open_store, store_location
from .remote_store import RemoteStore, RemoteStoreError

__all__ = [
    "EngineBusy", "EngineCrashed", "GraphError", "QueryRefused", "QueryTimeout", "IsolatedStore", "PoolSettings", "Serialized", "Written",
    "write_result", "GuardLimits", "QueryShape", "inspect_query",
    "DEFAULT_STORE", "OxigraphStore", "QueryError", "QueryResult", "Store", "StoreOptions", "StoreError", "StoreLocked",
    "open_store", "sparql_terms", "store_path", "store_location", "open_reader", "is_remote", "RemoteStore",
    "RemoteStoreError", "RemoteQueryError", "SparqlSyntaxError",
    "SearchIndex", "SearchIndexMissing", "SearchQueryError", "parse_query", "search_index_path",
    "StatisticsReport", "has_statistics", "refresh_statistics",
]
