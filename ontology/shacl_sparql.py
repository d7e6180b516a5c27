"""SPARQL-based constraints (sh:sparql) for the fast engine: native where we know the query, Oxigraph otherwise.

The one SPARQL constraint of shapes.ttl (offsets round-trip: oa:exact is the text between oa:start
and oa:end, for every selector of every mention and claim of a document) has a native
implementation. It is used only when the query in shapes.ttl is, up to whitespace, the query it
implements; an edited query runs through the generic path (the query itself, on an in-memory
pyoxigraph store, with $this bound by joining the focus nodes), so a change can never be missed.

Where SPARQL's error semantics would decide (offsets that are not integers), SPARQL engines differ:
rdflib reports some such rows, Oxigraph none, and rdflib even crashes on "x"^^xsd:integer. The native
code takes the constraint's intent: an offset that is not a non-negative integer cannot round-trip,
so it is a result. Data outside the simple case (a blank-node quote, language-tagged text) go to
the generic path.
"""
from __future__ import annotations

import re
from typing import Callable, Iterable

import pyoxigraph as ox

from .errors import OntologyError
from .namespaces import OA, SCHEMA
from .nt_terms import literal_parts, term_value, unescape
from .shacl_compiler import SparqlConstraint
from .shacl_dates import DATE_PREDICATES, DATE_QUERIES
from .xsd_lexical import INTEGER_BOUNDS, well_formed

__all__ = ["Undecided", "NATIVE_QUERIES", "NATIVE_PREDICATES", "native_for", "run_generic", "offsets_round_trip"]

_OFFSETS_QUERY = """
SELECT $this ?value WHERE {
    $this schema:text ?text .
    ?target oa:hasSource $this ; oa:hasSelector ?value .
    ?value oa:start ?start ; oa:end ?end .
    ?target oa:hasSelector ?quote .
    ?quote oa:exact ?exact .
    FILTER (?end < ?start || ?end > STRLEN(?text)
            || SUBSTR(?text, ?start + 1, ?end - ?start) != STR(?exact))
}"""

_HAS_SELECTOR = f"<{OA}hasSelector>"
_HAS_SOURCE = f"<{OA}hasSource>"
_EXACT = f"<{OA}exact>"
_START = f"<{OA}start>"
_END = f"<{OA}end>"
_TEXT = f"<{SCHEMA}text>"


class Undecided(OntologyError):
    """The native implementation cannot decide this focus node; use the generic SPARQL path."""


def _normal(query: str) -> str:
    return re.sub(r"\s+", " ", query).strip()


def _offset(term: str) -> int | None:
    """An offset's value; None when it is no integer (then the quote cannot round-trip: a result)."""
    if term[0] != '"':
        return None
    lexical, datatype, _ = literal_parts(term)
    if datatype not in INTEGER_BOUNDS or not well_formed(lexical, datatype):
        return None
    return int(lexical)


def offsets_round_trip(index, this: str) -> list:
    """The ?value bindings (position selectors) of the offsets query for document `this`; empty when it conforms.

    Terms are N-Triples strings (see nt_terms), as in the fast engine's GraphIndex.
    """
    texts = index.objects(this, _TEXT)
    if not texts:
        return []
    decoded = []
    for text in texts:
        if text[0] != '"' or text[-1] != '"':       # not a simple literal (language tag, other datatype, IRI)
            raise Undecided
        decoded.append(unescape(text[1:-1]))
    values: dict = {}
    for target in index.subjects(_HAS_SOURCE, this):
        selectors = index.objects(target, _HAS_SELECTOR)
        exacts = []
        for q in selectors:
            for e in index.objects(q, _EXACT):
                if e[0] == "_":
                    raise Undecided
                exacts.append(term_value(e))
        if not exacts:
            continue
        for value in selectors:
            for s_term in index.objects(value, _START):
                start = _offset(s_term)
                for e_term in index.objects(value, _END):
                    end = _offset(e_term)
                    for t in decoded:
                        for exact in exacts:
                            if start is None or end is None or start < 0 or end < start or end > len(t) \
                                    or t[start:end] != exact:
                                values[value] = None
    return list(values)


NATIVE_QUERIES: dict[str, Callable] = {_normal(_OFFSETS_QUERY): offsets_round_trip,
                                       **{_normal(q): f for q, f in DATE_QUERIES.items()}}
# the predicates each native implementation reads (the fast engine indexes only relevant triples)
NATIVE_PREDICATES: dict[Callable, frozenset[str]] = {
    offsets_round_trip: frozenset({_HAS_SELECTOR, _HAS_SOURCE, _EXACT, _START, _END, _TEXT}),
    **{f: DATE_PREDICATES for f in DATE_QUERIES.values()},
}


def native_for(constraint: SparqlConstraint) -> Callable | None:
    """The native implementation of this constraint's query, if it is one we implement."""
    return NATIVE_QUERIES.get(_normal(constraint.select))


def run_generic(constraint: SparqlConstraint, quads: Iterable, focus_nodes: Iterable) -> list[tuple]:
    """Run the constraint's query on the data; rows whose $this is a focus node -> [(this, value|None)]."""
    focus = set(focus_nodes)
    if not focus:
        return []
    store = ox.Store()
    store.extend([ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in quads])
    solutions = store.query(constraint.query)
    names = {v.value for v in solutions.variables}
    rows = []
    for solution in solutions:
        this = solution["this"]
        if this in focus:
            rows.append((this, solution["value"] if "value" in names else None))
    return rows
