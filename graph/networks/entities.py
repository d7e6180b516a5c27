"""Who a node is: one IRI per real person, with its label, kind and links to authorities.

A person may reach the store under several IRIs: the editors' persons-list entry of each volume
(`…/frus1977-80v01/persons/p_VC1`), an Office of the Historian record, or a duplicate record folded
into another. Counting each separately splits a person's degree, so every node is the IRI that
`skos:exactMatch` leads to: persons-list entry → authority record → the canonical record when folded.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from graph.sparql_terms import iri, values
from graph.store import Store
from ontology import iris
from ontology.namespaces import BASE, FK, RDF, RDFS, SKOS

from .filters import ENTITY_KINDS

__all__ = ["Entity", "canonical", "aliases", "describe", "PEOPLE", "chunks", "iri_values"]

PEOPLE = iris.person_iri("")
_KIND_OF_CLASS = {cls: kind for kind, cls in ENTITY_KINDS.items()}
_CHUNK = 400


def iri_values(variable: str, nodes: Iterable[str]) -> str:
    """A VALUES block of IRIs; ValueError for a string that is not one (an API answers 400)."""
    return values(variable, (iri(n) for n in nodes))


def chunks(items: Iterable[str], size: int = _CHUNK):
    batch: list[str] = []
    for item in items:
        batch.append(item)
        if len(batch) == size:
            yield batch
            batch = []
    if batch:
        yield batch


@dataclass
class Entity:
    iri: str
    label: str
    kind: str
    links: tuple[str, ...] = ()      # skos:exactMatch outside frus-kg: history.state.gov, Wikidata, VIAF

    @property
    def linked(self) -> bool:
        """True for an authority record; False for a name only one volume or document knows."""
        return not self.iri.startswith(BASE + "historicaldocuments/")


def _links_to_people(store: Store, nodes: list[str]) -> dict[str, str]:
    """node → the authority person it matches, for persons-list entries and folded duplicates."""
    found: dict[str, str] = {}
    for batch in chunks(nodes):
        q = f"""SELECT ?x ?p ?folded WHERE {{ {iri_values('x', batch)}
          ?x <{SKOS}exactMatch> ?p . FILTER (STRSTARTS(STR(?p), "{PEOPLE}") && ?p != ?x)
          OPTIONAL {{ ?x <{FK}explanation> ?folded }} }}"""
        for x, p, folded in store.query(q).rows():
            canonical_record = x.value.startswith(PEOPLE) and folded is None
            if not canonical_record:      # a canonical record also lists its duplicates: not a way out
                found.setdefault(x.value, p.value)
    return found


def canonical(store: Store, nodes: Iterable[str]) -> dict[str, str]:
    """Each node's IRI of its real person (itself when nothing leads further); at most three hops."""
    result = {n: n for n in nodes}
    todo = [n for n in result if n.startswith(BASE)]
    for _ in range(3):
        hops = _links_to_people(store, todo)
        if not hops:
            break
        for n, target in result.items():
            if target in hops:
                result[n] = hops[target]
        todo = sorted(set(hops.values()))
    return result


def aliases(store: Store, value: str) -> set[str]:
    """Every IRI that `canonical` maps to this one (itself included): what a query must name to find it."""
    node = iri(value)          # ValueError for a string that is not an IRI
    q = f"""SELECT DISTINCT ?x WHERE {{ {{ ?x <{SKOS}exactMatch> {node} }} UNION
      {{ ?x <{SKOS}exactMatch> ?folded . ?folded <{SKOS}exactMatch> {node} ; <{FK}explanation> ?why }} }}"""
    candidates = {row[0].value for row in store.query(q).rows()}
    mapping = canonical(store, candidates)
    return {x for x, c in mapping.items() if c == value} | {value}


def describe(store: Store, nodes: Iterable[str]) -> dict[str, Entity]:
    """Label, kind and external links of each node (a node the store does not describe keeps its IRI tail)."""
    labels: dict[str, str] = {}
    kinds: dict[str, str] = {}
    links: dict[str, set[str]] = {}
    nodes = sorted(set(nodes))
    for batch in chunks(nodes):
        q = f"""SELECT ?e ?label ?class ?link WHERE {{ {iri_values('e', batch)}
          {{ ?e <{RDFS}label> ?label }} UNION {{ ?e <{RDF}type> ?class }} UNION
          {{ ?e <{SKOS}exactMatch> ?link FILTER (!STRSTARTS(STR(?link), "{BASE}")) }} }}"""
        for e, label, cls, link in store.query(q).rows():
            if label is not None:
                labels.setdefault(e.value, label.value)
            elif cls is not None and cls.value in _KIND_OF_CLASS:
                kinds.setdefault(e.value, _KIND_OF_CLASS[cls.value])
            elif link is not None:
                links.setdefault(e.value, set()).add(link.value)
    return {n: Entity(n, labels.get(n) or n.rstrip("/").rsplit("/", 1)[-1], kinds.get(n, "other"),
                      tuple(sorted(links.get(n, ())))) for n in nodes}
