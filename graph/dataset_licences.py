"""The licence of the dataset and of each of its VoID subsets (`dcterms:license`), as ingest/data/authorities/SOURCE.md
and the README give them: a harvester reads the terms of reuse from the description, not from our repository.

The FRUS documents and the Office of the Historian's data (hsg-people, POCOM, hsg-gsh) are U.S. Government works in
the public domain: Creative Commons' Public Domain Mark. The countries' Wikidata identifiers come from
opensanctions/rigour under the MIT licence, and the lists frus-kg curates (institutions, regions, country names, the
terms of presidents, vice-presidents and UN Secretaries-General) are MIT like its code: SPDX's IRI of the MIT licence.
A graph of other data (an imported linkset, a graph written through the Graph Store) is its writer's: no statement.
The linksets out (`/linksets`) are stated by where our links come from: the Office of the Historian's data (documents'
pages, POCOM and VIAF ids, the volumes' subject headings), and rigour's Wikidata identifiers.
"""
from __future__ import annotations

import pyoxigraph as ox

from ontology.iris import authority_graph_iri
from ontology.namespaces import BASE

from .linksets import DATASET_IRI, TARGETS

__all__ = ["PUBLIC_DOMAIN", "MIT", "licence_triples", "linkset_licence_triples"]

PUBLIC_DOMAIN = "https://creativecommons.org/publicdomain/mark/1.0/"
MIT = "http://spdx.org/licenses/MIT"
_DCT = "http://purl.org/dc/terms/"
_SD_NAME = "http://www.w3.org/ns/sparql-service-description#name"
_VOID_SUBSET = "http://rdfs.org/ns/void#subset"
_DOCUMENTS = BASE + "historicaldocuments/"
_RIGOUR = ("the countries' Wikidata identifiers, from opensanctions/rigour: MIT, "
           "Copyright (c) 2023-2025 OpenSanctions Datenbanken GmbH")
_AUTHORITIES = {      # graph: (licences, what is under which)
    authority_graph_iri("people"): ((PUBLIC_DOMAIN,), None),
    authority_graph_iri("positions"): ((PUBLIC_DOMAIN, MIT), "POCOM (Office of the Historian): public domain; the "
                                       "terms of presidents, vice-presidents and UN Secretaries-General curated by "
                                       "frus-kg: MIT"),
    authority_graph_iri("countries"): ((PUBLIC_DOMAIN, MIT), "hsg-gsh territories (Office of the Historian): public "
                                       f"domain; {_RIGOUR}; the country names curated by frus-kg: MIT"),
    authority_graph_iri("organizations"): ((MIT,), None),
    authority_graph_iri("regions"): ((MIT,), None),
}
_DATASET_RIGHTS = ("The FRUS documents and the Office of the Historian's data are U.S. Government works in the public "
                   f"domain; {_RIGOUR}; the lists frus-kg curates (institutions, regions, country names, terms of "
                   "office): MIT.")
_HISTORIAN = "(Office of the Historian): public domain"
_LINKSETS = {         # target: (licences, where the links come from)
    "history-state-gov": ((PUBLIC_DOMAIN,), f"the pages of the FRUS documents on history.state.gov {_HISTORIAN}"),
    "pocom": ((PUBLIC_DOMAIN,), f"the POCOM ids of hsg-people and POCOM {_HISTORIAN}"),
    "viaf": ((PUBLIC_DOMAIN,), f"the VIAF ids of hsg-people {_HISTORIAN}"),
    "wikidata": ((MIT,), _RIGOUR),
    "lcsh": ((PUBLIC_DOMAIN,), f"the LCSH headings of the FRUS volumes' subject taxonomy {_HISTORIAN}"),
}


def _stated(node: ox.NamedNode, licences: tuple[str, ...], rights: str | None) -> list[ox.Triple]:
    license_ = ox.NamedNode(_DCT + "license")
    out = [ox.Triple(node, license_, ox.NamedNode(licence)) for licence in licences]
    if rights:
        out.append(ox.Triple(node, ox.NamedNode(_DCT + "rights"), ox.Literal(rights)))
    return list(dict.fromkeys(out))      # a subset named twice (counted, and incomplete) is stated once


def _subset_terms(t: ox.Triple) -> tuple[tuple[str, ...], str | None] | None:
    """The licences of the subset `t` names: a named graph (`sd:name`) or a volume's documents (`dcterms:source`)."""
    graph = t.object.value
    if t.predicate.value == _SD_NAME:
        return _AUTHORITIES.get(graph) or (((PUBLIC_DOMAIN,), None) if graph.startswith(_DOCUMENTS) else None)
    if t.predicate.value == _DCT + "source" and graph.startswith(_DOCUMENTS):
        return (PUBLIC_DOMAIN,), None
    return None


def _dataset_stated() -> list[ox.Triple]:
    return _stated(ox.NamedNode(DATASET_IRI), (PUBLIC_DOMAIN, MIT), _DATASET_RIGHTS)


def licence_triples(described: list[ox.Triple]) -> list[ox.Triple]:
    """The licence statements of the dataset and of each subset of `described` (VoID's counts) whose data we know."""
    out = _dataset_stated()
    for t in described:
        terms = _subset_terms(t)
        if terms is not None and isinstance(t.subject, ox.NamedNode):
            out += _stated(t.subject, *terms)
    return list(dict.fromkeys(out))      # a subset named twice (counted, and incomplete) is stated once


def linkset_licence_triples(described: list[ox.Triple]) -> list[ox.Triple]:
    """The licence statements of the dataset and of each void:Linkset that `described` (/linksets) names, by the
    target its IRI is under (`…/linksets/viaf/exactMatch`); the rights sentence says where its links come from."""
    out = _dataset_stated()
    for t in described:
        if t.predicate.value != _VOID_SUBSET or not isinstance(t.object, ox.NamedNode):
            continue
        key = next((k for k, target in TARGETS.items() if t.object.value.startswith(target.linkset_iri + "/")), None)
        if key in _LINKSETS:
            out += _stated(t.object, *_LINKSETS[key])
    return list(dict.fromkeys(out))
