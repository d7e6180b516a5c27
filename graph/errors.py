"""The graph package's exception hierarchy: what the client got wrong, and what went wrong on our side.

`GraphError` is the root. `QueryError` and `QueryRefused` are the client's (HTTP 400); every other
`StoreError` is ours or the engine's (HTTP 5xx), so a disk fault never looks like a malformed query.
The errors of what a user asks to build (networks, datasets, linksets) are `GraphError`s that are not
`StoreError`s (and, as before, `ValueError`s).
"""
from __future__ import annotations

__all__ = ["GraphError", "StoreError", "StoreLocked", "QueryError", "QueryRefused", "QueryTimeout", "EngineCrashed",
           "EngineBusy", "SparqlSyntaxError", "RemoteQueryError"]


class GraphError(Exception):
    """Base class of the graph package's errors. `public`, where set, is the message for a client of the API, which
    `str()` would tell too much (a remote store's address)."""

    public: str | None = None


class StoreError(GraphError):
    """The store cannot be opened, read or written."""


class StoreLocked(StoreError):
    """Another process holds the store's write lock."""


class QueryError(StoreError):
    """A SPARQL query or update is malformed or failed."""


class SparqlSyntaxError(QueryError):
    """A query or update the parser cannot read. `str()` is one sentence naming the place; `explained()` adds the
    query's line with a caret under it and the parser's own report, for a person at an editor or a terminal.

    `line` and `column` count from 1, in characters, and are None when the parser named no place; `excerpt` is the
    query's line and the caret line under it; `hint` says in plain words what is likely wrong, or is empty.
    The members are keywords, so the error pickles (a query worker sends it to the server whole).
    """

    def __init__(self, message: str, *, line: int | None = None, column: int | None = None, excerpt: str = "",
                 hint: str = "", parser_message: str = ""):
        super().__init__(message)
        self.line, self.column, self.excerpt = line, column, excerpt
        self.hint, self.parser_message = hint, parser_message

    def explained(self) -> str:
        """The sentence, the excerpt and the parser's report, on lines of their own."""
        parts = [str(self), self.excerpt, f"parser: {self.parser_message}" if self.parser_message else ""]
        return "\n".join(part for part in parts if part)


class RemoteQueryError(QueryError):
    """A query or update the remote SPARQL server refused. `str()` names the server's endpoint, for the operator at a
    terminal or in the log; `public` is the server's report without it, for a client of this service, who has no
    business knowing where the store runs."""

    def __init__(self, message: str, *, public: str = ""):
        super().__init__(message)
        self.public = public or message


class QueryRefused(QueryError):
    """The query breaks a limit of this service (nesting, length, operators, SERVICE, updates)."""


class QueryTimeout(StoreError):
    """The query ran past its time limit; its worker was stopped and its memory freed."""


class EngineCrashed(StoreError):
    """The query engine died while running the query (a native crash); a new one has been started."""


class EngineBusy(StoreError):
    """Every query worker stayed busy for as long as a request may wait."""
