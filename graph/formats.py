"""The serialization formats the store reads and writes, by the short names the CLI and the API use, and the Turtle
prefixes a set of triples needs."""
from __future__ import annotations

import re

import pyoxigraph as ox

__all__ = ["RDF_FORMATS", "RESULT_FORMATS", "used_prefixes"]

RDF_FORMATS = {
    "nquads": ox.RdfFormat.N_QUADS,
    "trig": ox.RdfFormat.TRIG,
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": getattr(ox.RdfFormat, "JSON_LD", None),
    "rdfxml": ox.RdfFormat.RDF_XML,
}
RESULT_FORMATS = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}
_LOCAL_NAME = re.compile(r"(?:\w(?:[\w.\-]*[\w\-])?)?")    # what a prefixed name can end with, conservatively
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"     # written `a` as a predicate
_XSD = "http://www.w3.org/2001/XMLSchema#"
_EXPONENT = r"[eE][+-]?[0-9]+"
_BARE = {_XSD + "integer": re.compile(r"[+-]?[0-9]+"), _XSD + "decimal": re.compile(r"[+-]?[0-9]*\.[0-9]+"),
         _XSD + "double": re.compile(rf"[+-]?(?:[0-9]+\.[0-9]*{_EXPONENT}|\.[0-9]+{_EXPONENT}|[0-9]+{_EXPONENT})"),
         _XSD + "boolean": re.compile(r"true|false")}       # Turtle's number and boolean forms, written untyped
_PLAIN = (_XSD + "string", "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString")


def _written_iris(triples: list[ox.Triple]) -> set[str]:
    """The IRIs a Turtle writer spells out for `triples`: not `rdf:type` as a predicate, nor the datatype of a
    plain string, language string, or number or boolean written bare (`2`, `true`)."""
    terms = {t.subject for t in triples} | {t.object for t in triples}
    iris = {term.value for term in terms if isinstance(term, ox.NamedNode)}
    iris |= {p.value for p in {t.predicate for t in triples}} - {_RDF_TYPE}
    for literal in terms:
        if isinstance(literal, ox.Literal):
            datatype = literal.datatype.value
            bare = _BARE.get(datatype)
            if datatype not in _PLAIN and not (bare and bare.fullmatch(literal.value)):
                iris.add(datatype)
    return iris


def used_prefixes(triples: list[ox.Triple], table: dict[str, str]) -> dict[str, str]:
    """The prefixes of `table` that some IRI of `triples` is written with, to declare no more than a Turtle answer
    uses: declaring a whole table put `owl:`, `wd:`, `dqv:`, … atop answers without them."""
    written = _written_iris(triples)
    heads = set()       # each IRI's namespace if it ends at a slash or a hash (a local name holds neither)
    for iri in written:
        cut = max(iri.rfind("/"), iri.rfind("#")) + 1
        if _LOCAL_NAME.fullmatch(iri, cut):
            heads.add(iri[:cut])
    return {prefix: ns for prefix, ns in table.items() if ns in heads or (
        ns[-1] not in "/#" and any(iri.startswith(ns) and _LOCAL_NAME.fullmatch(iri, len(ns)) for iri in written))}
