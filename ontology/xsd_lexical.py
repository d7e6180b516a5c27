"""Is a literal's lexical form in its XSD datatype's lexical space? And what is its value?

The fast SHACL engine needs this for `sh:datatype` (an ill-typed literal does not match its datatype)
and for `sh:minInclusive`/`sh:maxInclusive`. The rules follow XML Schema 1.1 Part 2 without
whitespace collapsing (RDF literals are compared as written). They are deliberately stricter than
rdflib, which accepts e.g. "1e3"^^xsd:decimal, " 1"^^xsd:integer or "2020-01-01"^^xsd:dateTime:
Oxigraph treats those as ill-typed, so date-range and numeric SPARQL over the store would break
on them. docs/ingest.md lists these known differences from the pySHACL reference.
"""
from __future__ import annotations

import calendar
import re
from decimal import Decimal, InvalidOperation

from .namespaces import RDF, XSD

__all__ = ["SUPPORTED_DATATYPES", "NUMERIC_DATATYPES", "INTEGER_BOUNDS", "well_formed", "numeric_value", "is_supported"]

_INTEGER = re.compile(r"[+-]?[0-9]+\Z")
_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)\Z")
_FLOAT = re.compile(r"(?:[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?|[+-]?INF|NaN)\Z")
_TZ = r"(?:Z|[+-](?:(?:0[0-9]|1[0-3]):[0-5][0-9]|14:00))?"
_DATE = re.compile(r"(-?(?:[1-9][0-9]{3,}|0[0-9]{3}))-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])" + _TZ + r"\Z")
_DATETIME = re.compile(
    r"(-?(?:[1-9][0-9]{3,}|0[0-9]{3}))-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])"
    r"T(?:(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\.[0-9]+)?|24:00:00(?:\.0+)?)" + _TZ + r"\Z")
_BOOLEAN = frozenset({"true", "false", "1", "0"})

# Integer-derived datatypes and their value bounds (None = unbounded).
INTEGER_BOUNDS: dict[str, tuple[int | None, int | None]] = {
    XSD + "integer": (None, None),
    XSD + "nonNegativeInteger": (0, None),
    XSD + "positiveInteger": (1, None),
    XSD + "nonPositiveInteger": (None, 0),
    XSD + "negativeInteger": (None, -1),
    XSD + "long": (-2**63, 2**63 - 1),
    XSD + "int": (-2**31, 2**31 - 1),
    XSD + "short": (-2**15, 2**15 - 1),
    XSD + "byte": (-2**7, 2**7 - 1),
    XSD + "unsignedLong": (0, 2**64 - 1),
    XSD + "unsignedInt": (0, 2**32 - 1),
    XSD + "unsignedShort": (0, 2**16 - 1),
    XSD + "unsignedByte": (0, 2**8 - 1),
}
NUMERIC_DATATYPES = frozenset(INTEGER_BOUNDS) | {XSD + "decimal", XSD + "float", XSD + "double"}
SUPPORTED_DATATYPES = NUMERIC_DATATYPES | {
    XSD + "string", RDF + "langString", XSD + "boolean", XSD + "date", XSD + "dateTime",
}


def is_supported(datatype: str) -> bool:
    return datatype in SUPPORTED_DATATYPES


def _valid_day(match: re.Match) -> bool:
    year, month, day = int(match.group(1)), int(match.group(2)), int(match.group(3))
    leap = calendar.isleap(abs(year)) if year else True   # year 0000 is 1 BCE, a leap year in XSD 1.1
    return day <= (29 if month == 2 and leap else calendar.monthrange(2001, month)[1])


def well_formed(lexical: str, datatype: str) -> bool:
    """True when `lexical` is a valid lexical form of `datatype` (one of SUPPORTED_DATATYPES)."""
    bounds = INTEGER_BOUNDS.get(datatype)
    if bounds is not None:
        if not _INTEGER.match(lexical):
            return False
        value = int(lexical)
        low, high = bounds
        return (low is None or value >= low) and (high is None or value <= high)
    if datatype == XSD + "string" or datatype == RDF + "langString":
        return True
    if datatype == XSD + "decimal":
        return bool(_DECIMAL.match(lexical))
    if datatype == XSD + "float" or datatype == XSD + "double":
        return bool(_FLOAT.match(lexical))
    if datatype == XSD + "boolean":
        return lexical in _BOOLEAN
    if datatype == XSD + "date":
        m = _DATE.match(lexical)
        return bool(m) and _valid_day(m)
    if datatype == XSD + "dateTime":
        m = _DATETIME.match(lexical)
        return bool(m) and _valid_day(m)
    raise ValueError(f"no lexical rule for datatype <{datatype}>")


def numeric_value(lexical: str, datatype: str) -> Decimal | float | None:
    """The number a well-formed numeric literal denotes, or None (not numeric, or ill-typed)."""
    if datatype not in NUMERIC_DATATYPES or not well_formed(lexical, datatype):
        return None
    if datatype == XSD + "float" or datatype == XSD + "double":
        return float(lexical.replace("INF", "inf"))
    try:
        return Decimal(lexical)
    except InvalidOperation:  # pragma: no cover - the regexes admit only valid Decimal syntax
        return None
