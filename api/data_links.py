"""Where a page's resource can be read as data, in each RDF format `/id/` writes: the page announces these links in
its head (`<link rel="alternate" type=…>`, which RDF clients, harvesters and browser extensions look for) and shows
them to the reader, who otherwise had to know that `/id/` serves them."""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import quote

from ontology.namespaces import BASE, FK

from .resources.describe import FORMAT_NAMES

__all__ = ["DataLink", "data_links"]

FORMATS = (("Turtle", "ttl"), ("JSON-LD", "jsonld"), ("N-Triples", "nt"), ("RDF/XML", "rdfxml"))


@dataclass(frozen=True)
class DataLink:
    name: str
    type: str
    href: str


def data_links(iri: str) -> list[DataLink]:
    """The data of an IRI frus-kg mints (or of the vocabulary's namespace) at its `/id/` path (`/vocab`), one link a
    format; none for another IRI."""
    if iri == FK.rstrip("#/"):
        path = "/vocab"
    elif iri.startswith(BASE):
        path = "/id/" + quote(iri[len(BASE):])
    else:
        return []
    return [DataLink(name, FORMAT_NAMES[fmt], f"{path}?format={fmt}") for name, fmt in FORMATS]
