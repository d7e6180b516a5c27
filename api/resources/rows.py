"""Query answers as Python values: the data functions speak dicts, never pyoxigraph terms."""
from __future__ import annotations

from decimal import Decimal
from typing import Iterator

import pyoxigraph as ox

from graph import Store

__all__ = ["select", "count", "python_value"]

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


def select(store: Store, sparql: str) -> Iterator[dict]:
    """Each solution of a SELECT as {variable: value}, unbound variables left out."""
    result = store.query(sparql)
    names = result.variables
    for row in result.rows():
        yield {name: python_value(term) for name, term in zip(names, row) if term is not None}


def count(store: Store, prologue: str, patterns: str, variable: str, *, distinct: bool = False) -> int:
    """How many solutions (or distinct values of the variable) the patterns have: the `total` of a list."""
    what = f"DISTINCT ?{variable}" if distinct else f"?{variable}"
    rows = list(select(store, prologue + f"SELECT (COUNT({what}) AS ?n) WHERE {{\n  {patterns}\n}}"))
    return int(rows[0]["n"]) if rows else 0
