"""Native forms of the two date constraints of shapes.ttl (fksh:DocumentDatesShape), for the fast engine.

They follow the queries as pySHACL (rdflib's SPARQL) evaluates them: the span compares the lexical form of
any xsd:date or xsd:dateTime literal as a string (well-formed or not), and `<` holds only between two
well-formed values of one datatype, two dateTimes both with a zone or both without (otherwise rdflib's
comparison is an error, and an error in FILTER drops the row). Terms are N-Triples strings.
"""
from __future__ import annotations

from datetime import datetime

from .namespaces import FK, SCHEMA, XSD
from .nt_terms import literal_parts
from .xsd_lexical import well_formed

__all__ = ["DATE_QUERIES", "DATE_PREDICATES", "dates_outside_span", "range_ends_before_it_begins"]

_DATE_CREATED = f"<{SCHEMA}dateCreated>"
_DATE_MAX = f"<{FK}dateMax>"
_TEMPORAL = (XSD + "date", XSD + "dateTime")

_SPAN_QUERY = """
SELECT $this ?value WHERE {
    { $this schema:dateCreated ?value } UNION { $this fk:dateMax ?value }
    FILTER (DATATYPE(?value) IN (xsd:date, xsd:dateTime) && (STR(?value) < "1700"
                        || STR(?value) >= "2101" || STRLEN(STRBEFORE(STR(?value), "-")) > 4))
}"""

_ORDER_QUERY = """
SELECT $this ?value WHERE {
    $this schema:dateCreated ?low ; fk:dateMax ?value .
    FILTER (DATATYPE(?value) = DATATYPE(?low) && ?value < ?low)
}"""


def _temporal(term: str) -> tuple[str, str] | None:
    """(lexical, datatype) of a well-formed date or dateTime literal, else None."""
    if term[0] != '"':
        return None
    lexical, datatype, _ = literal_parts(term)
    return (lexical, datatype) if datatype in _TEMPORAL and well_formed(lexical, datatype) else None


def dates_outside_span(index, this: str) -> list:
    """The date and dateTime literals of `this` written before the year 1700, after 2100, or with a longer year."""
    out = []
    for term in (*index.objects(this, _DATE_CREATED), *index.objects(this, _DATE_MAX)):
        if term[0] != '"':
            continue
        lexical, datatype, _ = literal_parts(term)
        year = lexical.split("-", 1)[0] if "-" in lexical else ""       # SPARQL's STRBEFORE
        if datatype in _TEMPORAL and (lexical < "1700" or lexical >= "2101" or len(year) > 4) and term not in out:
            out.append(term)
    return out


def _comparable(term: str):
    """A value `<` can compare with another of the same key, and that key; None when SPARQL would err."""
    found = _temporal(term)
    if found is None or not found[0][:4].isdigit() or found[0][4] != "-":
        return None
    lexical, datatype = found
    if datatype == XSD + "date":
        return (lexical, "date") if len(lexical) == 10 else None
    moment = datetime.fromisoformat(lexical.replace("Z", "+00:00"))
    return moment, ("zoned" if moment.tzinfo else "local")


def range_ends_before_it_begins(index, this: str) -> list:
    """The fk:dateMax values of `this` that are before one of its schema:dateCreated values."""
    lows = [c for c in map(_comparable, index.objects(this, _DATE_CREATED)) if c is not None]
    out = []
    for term in index.objects(this, _DATE_MAX):
        high = _comparable(term)
        if high is not None and any(kind == high[1] and high[0] < low for low, kind in lows) and term not in out:
            out.append(term)
    return out


DATE_QUERIES = {_SPAN_QUERY: dates_outside_span, _ORDER_QUERY: range_ends_before_it_begins}
DATE_PREDICATES = frozenset({_DATE_CREATED, _DATE_MAX})
