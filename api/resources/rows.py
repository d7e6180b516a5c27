"""Query answers as Python values: the data functions speak dicts, never pyoxigraph terms."""
from __future__ import annotations

from decimal import Decimal
from typing import Iterable, Iterator

import pyoxigraph as ox

from graph import Store

__all__ = ["select", "count", "python_value", "properties", "by_subject", "first", "QueryMemo"]

_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGERS = {_XSD + t for t in ("integer", "int", "long", "short", "nonNegativeInteger", "positiveInteger")}
_NUMBERS = {_XSD + "decimal", _XSD + "double", _XSD + "float"}


def python_value(term) -> str | int | float | None:
    """IRIs and plain literals as strings, integers as int, decimals and doubles as float."""
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        datatype = term.datatype.value if term.datatype is not None else ""
        try:
            if datatype in _INTEGERS:
                return int(term.value)
            if datatype in _NUMBERS:
                return float(Decimal(term.value))
        except (ValueError, ArithmeticError):
            return term.value
    return term.value


def select(store: Store, sparql: str, timeout: float | None = None) -> Iterator[dict]:
    """Each solution of a SELECT as {variable: value}, unbound variables left out. `timeout`: a query that
    may scan the corpus (a substring of every text) runs where it can be stopped (graph.IsolatedStore)."""
    result = store.query(sparql, timeout=timeout)
    names = result.variables
    for row in result.rows():
        yield {name: python_value(term) for name, term in zip(names, row) if term is not None}


def count(store: Store, prologue: str, patterns: str, variable: str, *, distinct: bool = False,
          timeout: float | None = None) -> int:
    """How many solutions (or distinct values of the variable) the patterns have: the `total` of a list."""
    what = f"DISTINCT ?{variable}" if distinct else f"?{variable}"
    rows = list(select(store, prologue + f"SELECT (COUNT({what}) AS ?n) WHERE {{\n  {patterns}\n}}", timeout))
    return int(rows[0]["n"]) if rows else 0


def by_subject(rows: Iterable[dict]) -> dict[str, dict[str, list]]:
    """{subject: {predicate: [objects]}} from rows with s, p and o."""
    nodes: dict[str, dict[str, list]] = {}
    for row in rows:
        nodes.setdefault(row["s"], {}).setdefault(row["p"], []).append(row["o"])
    return nodes


def properties(store: Store, subject: str, graph: str | None = None) -> dict[str, list]:
    """{predicate: [objects]} of one subject (an IRI already written as a term), in one graph or in all."""
    pattern = f"{subject} ?p ?o"
    where = f"GRAPH {graph} {{ {pattern} }}" if graph else pattern
    return by_subject({"s": subject, **row} for row in select(store, f"SELECT ?p ?o WHERE {{ {where} }}")).get(subject, {})


def first(props: dict[str, list], predicate: str):
    """One value of a predicate (None without one)."""
    return (props.get(predicate) or [None])[0]


class _Rows:
    """A result read once, for QueryMemo: the interface of graph.QueryResult that `select` uses."""

    def __init__(self, result):
        self.kind, self.variables, self.boolean = result.kind, result.variables, result.boolean
        self._rows = list(result.rows())

    def rows(self) -> Iterator[tuple]:
        return iter(self._rows)


class QueryMemo:
    """A store for the span of one resource: a query asked twice (the same text and options) is run once.
    An entity page asks for the entity's month counts from three places (its documents, claims by and about)."""

    def __init__(self, store: Store):
        self._store = store
        self._seen: dict = {}

    def query(self, sparql: str, **options):
        key = (sparql, tuple(sorted((k, tuple(v) if isinstance(v, list) else v) for k, v in options.items())))
        if key not in self._seen:
            self._seen[key] = _Rows(self._store.query(sparql, **options))
        return self._seen[key]

    def __getattr__(self, name):
        return getattr(self._store, name)
