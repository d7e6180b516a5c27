"""The serialization formats the store reads and writes, by the short names the CLI and the API use."""
from __future__ import annotations

import pyoxigraph as ox

__all__ = ["RDF_FORMATS", "RESULT_FORMATS"]

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
