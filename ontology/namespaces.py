"""IRIs of the vocabulary and of the data, configurable once per process.

`FRUS_KG_VOCAB` overrides the vocabulary namespace (fk:), `FRUS_KG_BASE` the base of data IRIs.
The defaults are permanent w3id.org IRIs so that published data keeps resolving.
"""
from __future__ import annotations

import os

__all__ = [
    "DEFAULT_VOCAB", "DEFAULT_BASE", "FK", "BASE", "SCHEMA", "OA", "PROV", "SKOS", "OWL", "RDF",
    "RDFS", "XSD", "SH", "WD", "HSG", "SHAPES", "PREFIXES", "SERIALIZATION_PREFIXES", "sparql_prologue", "compact_iri",
]

DEFAULT_VOCAB = "https://w3id.org/frus-kg/vocab#"
DEFAULT_BASE = "https://w3id.org/frus-kg/id/"

FK = os.environ.get("FRUS_KG_VOCAB") or DEFAULT_VOCAB
BASE = os.environ.get("FRUS_KG_BASE") or DEFAULT_BASE
SCHEMA = "http://schema.org/"
OA = "http://www.w3.org/ns/oa#"
PROV = "http://www.w3.org/ns/prov#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
OWL = "http://www.w3.org/2002/07/owl#"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
SH = "http://www.w3.org/ns/shacl#"
WD = "http://www.wikidata.org/entity/"
HSG = "https://history.state.gov/"
SHAPES = "https://w3id.org/frus-kg/shapes#"

PREFIXES: dict[str, str] = {
    "fk": FK, "fkid": BASE, "schema": SCHEMA, "oa": OA, "prov": PROV, "skos": SKOS, "owl": OWL,
    "rdf": RDF, "rdfs": RDFS, "xsd": XSD, "wd": WD,
}

# Turtle as served: every prefix but fkid:. Under fkid: an IRI's local part holds slashes ("people/104215"), which
# Turtle must escape ("fkid:people\/104215"); written in full, such an IRI reads and parses everywhere.
SERIALIZATION_PREFIXES: dict[str, str] = {k: v for k, v in PREFIXES.items() if k != "fkid"}


def sparql_prologue(*names: str) -> str:
    """PREFIX lines for the given prefixes (all of them when none are named)."""
    chosen = names or tuple(PREFIXES)
    return "".join(f"PREFIX {n}: <{PREFIXES[n]}>\n" for n in chosen)


_LONGEST_FIRST = sorted(PREFIXES.items(), key=lambda kv: -len(kv[1]))


def compact_iri(text: str) -> str:
    """An IRI as reports show it: prefixed where a frus-kg prefix (or fksh:) applies."""
    for prefix, ns in _LONGEST_FIRST:
        if text.startswith(ns):
            return f"{prefix}:{text[len(ns):]}"
    if text.startswith(SHAPES):
        return "fksh:" + text[len(SHAPES):]
    return text
